//! Files made from a report's [`Document`](crate::document::Document) for
//! other programs and for filing: one flat CSV table ([`csv`]) and an
//! Excel sheet to print and sign ([`xlsx`]). Like the printout
//! ([`crate::print::document`]) they lay a document out and compute
//! nothing.

pub mod csv;
pub mod lists;
pub mod xlsx;

pub use self::csv::write_csv;
pub use self::xlsx::xlsx_bytes;
