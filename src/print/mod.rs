//! Printed output as 80-column text: any report's document
//! ([`document`]), the day report ([`day_report`]), receipts; the A4 PDF
//! made of that text ([`pdf`]), and the spool folder and printer they go to.

pub mod day_report;
pub mod document;
pub mod jobs;
pub mod pdf;
pub mod receipt;
pub mod spool;
pub mod text;
