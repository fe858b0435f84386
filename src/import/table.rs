//! Locating the table inside a sheet.
