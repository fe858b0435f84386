//! Printed output as 80-column text: any report's document
//! ([`document`]), the day report ([`day_report`]), receipts, and the spool
//! folder and printer they go to.

pub mod day_report;
pub mod document;
pub mod period;
pub mod receipt;
pub mod spool;
pub mod text;
