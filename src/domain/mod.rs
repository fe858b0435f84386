//! The domain: money, ID numbers, people, entitlements, payments.
//!
//! Plain data and the rules about it. Nothing here knows SQL or the terminal.

pub mod entitlement;

pub use entitlement::EntitlementKind;
pub mod user;
