//! Printed output: receipts (and, later, reports) as 80-column text, the
//! A4 PDF made of that text, and the spool folder and printer they go to.

pub mod day_report;
pub mod pdf;
pub mod receipt;
pub mod spool;
pub mod text;
