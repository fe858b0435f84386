//! A text file that makes a list with more than one delimiter: Excel in a
//! Vietnamese locale splits a CSV on ";", in others on ",", and chitra on
//! the one it judges the file's. When two of them each give a header that
//! names the list's fields, the table the supervisor checks in Excel may
//! not be the one chitra reads: the file is refused, naming them.

use super::{TableError, header, missing_fields};
use crate::import::source::SheetRow;
use crate::import::synonyms::Synonyms;
use std::path::Path;

/// Refuses a file whose first rows, split by each delimiter it holds
/// (`readings`, from `Source::delimiter_readings`), give a complete header
/// more than once.
pub fn check_readings(
    file: &Path,
    readings: &[(char, Vec<SheetRow>)],
    synonyms: &Synonyms,
    amount_required: bool,
) -> Result<(), TableError> {
    let complete: Vec<char> = readings
        .iter()
        .filter(|(_, rows)| {
            header::find(rows, super::HEADER_SEARCH_ROWS, synonyms).is_some_and(|found| {
                missing_fields(&found.columns)
                    .iter()
                    .all(|m| !amount_required && *m == super::Required::Amount)
            })
        })
        .map(|(d, _)| *d)
        .collect();
    if complete.len() > 1 {
        return Err(TableError::AmbiguousDelimiter {
            file: file.to_owned(),
            delimiters: complete,
        });
    }
    Ok(())
}
