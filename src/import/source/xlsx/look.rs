//! What one sheet of an xlsx hides, read before its rows: the columns
//! its `<cols>` hide or make narrower than a character, or that it leaves
//! at a default width narrower than one (`<sheetFormatPr>`; both come
//! before the cells), and its merged ranges (`<mergeCells>`, after the
//! cells). The
//! cells themselves are skipped; the part is read under the same limit of
//! size as when its rows are read.

use super::super::shown::{MIN_COLUMN_CHARS, Shown, range_ref};
use super::super::workbook::BookError;
use super::super::xml::{self, Xml};
use super::super::zip::PartReader;
use quick_xml::events::Event;

/// Reads through a sheet's part for what it hides.
pub(super) fn scan(mut x: Xml<PartReader>) -> Result<Shown, BookError> {
    let mut shown = Shown::default();
    loop {
        match x.next()? {
            Event::Eof => break,
            Event::Start(e) if xml::is(&e, "sheetData") => x.skip_element()?,
            Event::Start(e) | Event::Empty(e) if xml::is(&e, "sheetFormatPr") => {
                let number =
                    |name: &str| -> Option<f64> { xml::attr(&e, name)?.trim().parse().ok() };
                // Without its own default width, a sheet's columns are as
                // wide as the base width and about five pixels of padding
                // (five sevenths of a digit of Excel's usual font).
                let default = number("defaultColWidth")
                    .or_else(|| number("baseColWidth").map(|base| base + 5.0 / 7.0));
                if default.is_some_and(|w| w < MIN_COLUMN_CHARS) {
                    shown.narrow_by_default();
                }
            }
            Event::Start(e) | Event::Empty(e) if xml::is(&e, "col") => {
                let number =
                    |name: &str| -> Option<usize> { xml::attr(&e, name)?.trim().parse().ok() };
                let (Some(min), Some(max)) = (number("min"), number("max")) else {
                    continue;
                };
                let hidden =
                    xml::attr(&e, "hidden").is_some_and(|v| matches!(v.trim(), "1" | "true"));
                let narrow = xml::attr(&e, "width")
                    .and_then(|w| w.trim().parse::<f64>().ok())
                    .is_some_and(|w| w < MIN_COLUMN_CHARS);
                if min >= 1 {
                    shown.size_columns(min - 1, max.saturating_sub(1));
                    if hidden || narrow {
                        shown.hide_columns(min - 1, max.saturating_sub(1));
                    }
                }
            }
            Event::Start(e) | Event::Empty(e) if xml::is(&e, "mergeCell") => {
                if let Some(m) = xml::attr(&e, "ref").and_then(|r| range_ref(&r)) {
                    shown.merge(m).map_err(BookError::Limit)?;
                }
            }
            _ => {}
        }
    }
    Ok(shown.ready())
}
