//! Files made from the day report for other programs and for filing: a
//! flat CSV ([`day_csv`]) and an official-looking Excel sheet
//! ([`day_xlsx`]). Like the printout ([`crate::print::day_report`]) they
//! only lay out a [`crate::domain::report::DayReport`]; no total is
//! computed here.

pub mod day_csv;
pub mod day_xlsx;

pub use day_csv::write_csv;
pub use day_xlsx::write_xlsx;
