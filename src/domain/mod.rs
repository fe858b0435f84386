//! The domain: money, ID numbers, people, entitlements, payments.
//!
//! Plain data and the rules about it. Nothing here knows SQL or the terminal.

pub mod account;
pub mod entitlement;
pub mod heir;
pub mod idnumber;
pub mod money;
pub mod payment;
pub mod period;
pub mod period_report;
pub mod person;
pub mod proxy;
pub mod registration;
pub mod report;
pub mod round;
pub mod seal;
pub mod user;
pub mod words;

pub use entitlement::EntitlementKind;
pub use idnumber::{IdError, IdKind, IdNumber, IdWarning};
pub use money::{AmountError, Money, parse_amount};
pub use payment::{PayMethod, ReceiverKind};
pub use period::Period;
pub use words::in_words;
