//! What one sheet of an xls hides, read before its cells: the rows its ROW
//! records hide or make lower than a few points, the columns its COLINFO
//! records hide or make narrower than a character, or that it leaves at a
//! default width narrower than one (STANDARDWIDTH, else DEFCOLWIDTH), and
//! its merged ranges
//! (MERGEDCELLS). Excel writes the ROW records before their cells and the
//! merges after them, but a file may put any of them anywhere in the
//! sheet: the whole sheet is looked through first.

use super::super::shown::{Merge, Shown};
use super::super::workbook::BookError;
use super::records::{Records, u16_at};
use super::{BOF, BOOLERR, EOF, FORMULA, LABEL, LABELSST, MULRK, NUMBER, RK, RSTRING};

const ROW: u16 = 0x0208;
const COLINFO: u16 = 0x007D;
const MERGEDCELLS: u16 = 0x00E5;
const DEFCOLWIDTH: u16 = 0x0055;
const STANDARDWIDTH: u16 = 0x0099;

/// A row lower than this (in twips, 1/20 point) shows nothing readable.
const MIN_ROW_TWIPS: u16 = 60;
/// A column narrower than this (1/256 of a character) shows nothing.
const MIN_COLUMN_WIDTH: u16 = 256;

/// Reads the sheet's records after its BOF, up to its EOF.
pub(super) fn scan(mut r: Records) -> Result<Shown, BookError> {
    let mut shown = Shown::default();
    // The default width in 1/256 of a character: STANDARDWIDTH's if the
    // sheet has one, else DEFCOLWIDTH's whole characters.
    let (mut standard, mut default) = (None, None);
    while r.next()? {
        let d = &r.data;
        match r.typ {
            EOF | BOF => break,
            ROW if d.len() >= 14 => {
                // Its height (offset 6): twips in the low 15 bits, the
                // top bit set for a row of the default height. Its
                // options (offset 12): 0x20, the row hidden.
                let height = u16_at(d, 6);
                let low = height & 0x8000 == 0 && height & 0x7FFF < MIN_ROW_TWIPS;
                if u16_at(d, 12) & 0x20 != 0 || height == 0 || low {
                    shown.hide_row(usize::from(u16_at(d, 0)) + 1);
                }
            }
            STANDARDWIDTH if d.len() >= 2 => standard = Some(u32::from(u16_at(d, 0))),
            DEFCOLWIDTH if d.len() >= 2 => default = Some(u32::from(u16_at(d, 0)) * 256),
            COLINFO if d.len() >= 10 => {
                let (first, last) = (u16_at(d, 0), u16_at(d, 2));
                shown.size_columns(usize::from(first), usize::from(last));
                let hidden = u16_at(d, 8) & 1 != 0 || u16_at(d, 4) < MIN_COLUMN_WIDTH;
                if hidden {
                    shown.hide_columns(usize::from(first), usize::from(last));
                }
            }
            MERGEDCELLS => {
                let count = usize::from(u16_at(d, 0));
                for i in 0..count {
                    let at = 2 + 8 * i;
                    if d.len() < at + 8 {
                        break;
                    }
                    shown
                        .merge(Merge {
                            first_row: usize::from(u16_at(d, at)) + 1,
                            last_row: usize::from(u16_at(d, at + 2)) + 1,
                            first_col: usize::from(u16_at(d, at + 4)),
                            last_col: usize::from(u16_at(d, at + 6)),
                        })
                        .map_err(BookError::Limit)?;
                }
            }
            _ => {}
        }
    }
    if standard
        .or(default)
        .is_some_and(|w| w < u32::from(MIN_COLUMN_WIDTH))
    {
        shown.narrow_by_default();
    }
    Ok(shown.ready())
}

/// Whether the sheet's cells come in row order, as Excel writes them. A
/// program may write a row it made late after the rows below it (xlwt
/// writes rows in the order they were first written to); Excel reads such
/// a sheet as if they were in order.
pub(super) fn cells_in_row_order(mut r: Records) -> Result<bool, BookError> {
    let mut last = 0u16;
    while r.next()? {
        match r.typ {
            EOF | BOF => break,
            NUMBER | RK | MULRK | LABELSST | LABEL | RSTRING | BOOLERR | FORMULA => {
                let row = u16_at(&r.data, 0);
                if row < last {
                    return Ok(false);
                }
                last = row;
            }
            _ => {}
        }
    }
    Ok(true)
}
