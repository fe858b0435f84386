//! Printed output: receipts (and, later, reports) as 80-column text, and the
//! spool folder and printer they go to.

pub mod day_report;
pub mod period;
pub mod receipt;
pub mod spool;
pub mod text;
