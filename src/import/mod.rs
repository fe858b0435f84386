//! Import of the lists the social-affairs office sends: the monthly payment
//! list and (later) increase, decrease and adjustment lists.
//!
//! - [`source`] reads a file (xlsx, xls, csv, Excel "Unicode text") into rows of
//!   NFC text, converting legacy Vietnamese encodings.
//! - [`table`] finds the header, the data rows, subtotals and the total row.
//! - [`fields`] names the columns and their header synonyms.

pub mod change;
pub mod fields;
pub mod record;
pub mod source;
pub mod synonyms;
pub mod table;
pub mod values;

pub use fields::Field;
