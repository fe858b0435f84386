//! Excel workbooks (xlsx and the older xls) as rows, streamed: the xlsx
//! reader ([`super::xlsx`]) and the xls reader ([`super::xls`]) give one row
//! at a time, under the limits of [`super::limits`].
//!
//! The sheet Excel shows when it opens the workbook (its active tab) is
//! read when it is visible and has data; otherwise the first worksheet that
//! has data (visible sheets before hidden ones). The other visible sheets
//! with data are named ([`super::Source::other_sheets`]), for the preview
//! to say so. Each cell becomes the text the user sees: whole numbers
//! without ".0", dates as dd/mm/yyyy, formulas as their saved value. What
//! the sheet hides is read before its rows ([`super::shown`]): a merged
//! range shows only its top-left cell, so the cells it covers are given
//! empty whatever they hold; rows Excel hides are marked; the columns it
//! hides are named for the table to judge. TCVN3/VNI text typed with the
//! old fonts is detected on the first rows and converted. Rows are
//! numbered as Excel shows them; the empty rows between two rows with data
//! are given as blank rows, as in a text file.

use super::legacy::{self, Legacy};
use super::limits::{Exceeded, Limit, MAX_SHEETS};
use super::shown::Shown;
use super::{Cell, DETECT_BYTES, Encoding, Format, SheetRow, Source, SourceError};
use super::{xls, xlsx};
use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};

/// Rows whose text cells are used to detect TCVN3/VNI.
const DETECT_ROWS: usize = 200;

/// Why a workbook cannot be read, as its readers say it.
#[derive(Debug)]
pub(super) enum BookError {
    /// Not the format it claims, or damaged; the detail is for maintainers.
    Damaged(String),
    Password,
    Limit(Exceeded),
    Io(io::Error),
}

impl From<io::Error> for BookError {
    fn from(e: io::Error) -> Self {
        match Exceeded::from_io(&e) {
            Some(x) => BookError::Limit(x),
            None if e.kind() == io::ErrorKind::InvalidData => BookError::Damaged(e.to_string()),
            None => BookError::Io(e),
        }
    }
}

impl BookError {
    fn into_source(self, file: &Path, format: Format) -> SourceError {
        match self {
            BookError::Damaged(detail) => SourceError::BadWorkbook {
                file: file.to_owned(),
                format,
                detail,
            },
            BookError::Password => SourceError::PasswordProtected {
                file: file.to_owned(),
            },
            BookError::Limit(x) => SourceError::TooBig {
                file: file.to_owned(),
                limit: x.limit,
                row: x.row,
                column: x.column,
            },
            BookError::Io(e) => SourceError::Io {
                file: file.to_owned(),
                row: None,
                detail: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
            },
        }
    }
}

/// A worksheet as the workbook lists it.
#[derive(Debug, Clone)]
pub(super) struct SheetInfo {
    pub(super) name: String,
    pub(super) visible: bool,
}

/// The rows of one sheet, from either reader.
enum Sheet {
    Xlsx(Box<xlsx::Sheet>),
    Xls(Box<xls::Sheet>),
}

impl Sheet {
    fn next_row(&mut self) -> Result<Option<SheetRow>, BookError> {
        match self {
            Sheet::Xlsx(s) => s.next_row(),
            Sheet::Xls(s) => s.next_row(),
        }
    }
}

enum Book {
    Xlsx(xlsx::Book),
    Xls(xls::Book),
}

impl Book {
    fn sheets(&self) -> Vec<SheetInfo> {
        match self {
            Book::Xlsx(b) => b.sheets(),
            Book::Xls(b) => b.sheets(),
        }
    }

    /// What sheet `index` reads (its part, or where it starts): two
    /// sheets with the same key have the same rows.
    fn part_key(&self, index: usize) -> String {
        match self {
            Book::Xlsx(b) => b.part_key(index),
            Book::Xls(b) => b.part_key(index),
        }
    }

    fn rows(&mut self, index: usize) -> Result<Sheet, BookError> {
        match self {
            Book::Xlsx(b) => b.rows(index).map(|s| Sheet::Xlsx(Box::new(s))),
            Book::Xls(b) => b.rows(index).map(|s| Sheet::Xls(Box::new(s))),
        }
    }

    /// Whether sheet `index` has a cell with a value, read apart from the
    /// sheet that is read (its own budget); a sheet that cannot be read
    /// has none.
    fn has_data(&mut self, index: usize) -> bool {
        let sheet = match self {
            Book::Xlsx(b) => b.peek(index).map(|s| Sheet::Xlsx(Box::new(s))),
            Book::Xls(b) => b.peek(index).map(|s| Sheet::Xls(Box::new(s))),
        };
        sheet
            .and_then(|mut s| s.next_row())
            .is_ok_and(|r| r.is_some())
    }

    /// The sheet Excel shows on opening.
    fn active(&self) -> Option<usize> {
        match self {
            Book::Xlsx(b) => b.active(),
            Book::Xls(b) => b.active(),
        }
    }

    /// What sheet `index` hides, looked through before its rows are read.
    fn shown(&mut self, index: usize) -> Result<Shown, BookError> {
        match self {
            Book::Xlsx(b) => b.shown(index),
            Book::Xls(b) => b.shown(index),
        }
    }
}

pub(super) struct Rows {
    file: PathBuf,
    format: Format,
    sheet: Sheet,
    /// Rows read ahead to detect the encoding.
    ahead: VecDeque<SheetRow>,
    /// An error met while reading ahead, given after those rows.
    error: Option<SourceError>,
    /// A row waiting for the blank rows before it.
    pending: Option<SheetRow>,
    /// The number the next row should have (0 before the first).
    next_number: usize,
    /// What the sheet hides: covered cells emptied, hidden rows marked.
    shown: Shown,
    legacy: Legacy,
    done: bool,
}

pub(super) fn open(path: &Path, format: Format) -> Result<Source, SourceError> {
    let fail = |e: BookError| e.into_source(path, format);
    let mut book = match format {
        Format::Xls => xls::open(path).map(Book::Xls),
        _ => xlsx::open(path).map(Book::Xlsx),
    }
    .map_err(fail)?;
    let sheets = book.sheets();
    if sheets.is_empty() {
        return Err(SourceError::NoSheets {
            file: path.to_owned(),
        });
    }
    if sheets.len() > MAX_SHEETS {
        return Err(fail(BookError::Limit(Exceeded::new(Limit::Sheets))));
    }
    let active = book
        .active()
        .filter(|&i| sheets.get(i).is_some_and(|s| s.visible));
    let mut looked = std::collections::HashSet::new();
    let (index, mut sheet, first) = first_sheet_with_data(&mut book, &sheets, active, &mut looked)
        .map_err(|e| match e {
            Some(e) => fail(e),
            None => SourceError::EmptySheets {
                file: path.to_owned(),
                sheets: sheets.iter().map(|s| s.name.clone()).collect(),
            },
        })?;
    let name = sheets[index].name.clone();
    // A part damaged, or cut short, is met again by the rows read from it
    // (to the end of the part) and refused there, in its place among the
    // rows; a limit passed is refused at once.
    let shown = match book.shown(index) {
        Ok(shown) => shown,
        Err(e @ (BookError::Limit(_) | BookError::Password)) => return Err(fail(e)),
        Err(_) => Shown::default(),
    };
    let hidden_columns = shown.hidden_columns();
    // The other visible sheets with data, each part looked at once.
    let mut other_sheets = Vec::new();
    for (i, info) in sheets.iter().enumerate() {
        if i != index && info.visible && looked.insert(book.part_key(i)) && book.has_data(i) {
            other_sheets.push(info.name.clone());
        }
    }

    let mut ahead = VecDeque::from([first]);
    let mut error = None;
    let mut bytes = 0;
    while ahead.len() < DETECT_ROWS && bytes < DETECT_BYTES {
        match sheet.next_row() {
            Ok(Some(row)) => {
                bytes += row.cells.iter().map(|c| c.text.len()).sum::<usize>();
                ahead.push_back(row);
            }
            Ok(None) => break,
            Err(e) => {
                error = Some(fail(e));
                break;
            }
        }
    }
    let samples: Vec<&str> = ahead
        .iter()
        .flat_map(|r| r.cells.iter())
        .filter(|c| !c.numeric && !c.text.is_ascii())
        .map(|c| c.text.as_str())
        .collect();
    let legacy = legacy::detect(&samples);
    let encoding = match legacy {
        Legacy::None => Encoding::Unicode,
        Legacy::Tcvn3 => Encoding::Tcvn3,
        Legacy::Vni => Encoding::Vni,
    };
    Ok(Source {
        file: path.to_owned(),
        format,
        encoding,
        sheet: Some(name),
        hidden_columns,
        other_sheets,
        rows: super::Rows::Workbook(Rows {
            file: path.to_owned(),
            format,
            sheet,
            ahead,
            error,
            pending: None,
            next_number: 0,
            shown,
            legacy,
            done: false,
        }),
    })
}

/// The first worksheet with a cell that is not blank — `preferred` (the
/// sheet Excel shows) first, then the visible sheets, then the hidden —
/// with its index and first row. `Err(None)` when every sheet is empty; a
/// sheet that cannot be read is passed over, but its error is given if no
/// other sheet has data. A limit passed stops the search at once.
///
/// Each part is read at most once (`read` holds the parts read): a sheet
/// that shares its part with a sheet already read has the same (empty)
/// rows and is passed over. The bytes of all the sheets read count against
/// one budget ([`super::limits::MAX_BOOK_SHEET_BYTES`]).
fn first_sheet_with_data(
    book: &mut Book,
    sheets: &[SheetInfo],
    preferred: Option<usize>,
    read: &mut std::collections::HashSet<String>,
) -> Result<(usize, Sheet, SheetRow), Option<BookError>> {
    let mut first_error = None;
    let order = preferred
        .into_iter()
        .chain((0..sheets.len()).filter(|&i| sheets[i].visible))
        .chain((0..sheets.len()).filter(|&i| !sheets[i].visible));
    for i in order {
        if !read.insert(book.part_key(i)) {
            continue;
        }
        let found = book.rows(i).and_then(|mut sheet| {
            let row = sheet.next_row()?;
            Ok(row.map(|r| (sheet, r)))
        });
        match found {
            Ok(Some((sheet, row))) => return Ok((i, sheet, row)),
            Ok(None) => {}
            Err(e @ (BookError::Limit(_) | BookError::Password)) => return Err(Some(e)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error)
}

/// Converts (TCVN3/VNI), composes and trims the text of a cell read from
/// a workbook.
fn normalise(s: &str, legacy: Legacy) -> Option<String> {
    let out = match legacy {
        Legacy::None if s.is_ascii() || unicode_normalization::is_nfc(s) => return None,
        Legacy::None => crate::text::nfc(s),
        _ if s.is_ascii() => return None,
        _ => legacy::convert_cell(s, legacy),
    };
    Some(match out.trim() {
        trimmed if trimmed.len() == out.len() => out,
        trimmed => trimmed.to_owned(),
    })
}

impl Rows {
    fn next_raw(&mut self) -> Option<Result<SheetRow, SourceError>> {
        if let Some(row) = self.ahead.pop_front() {
            return Some(Ok(row));
        }
        if let Some(e) = self.error.take() {
            self.done = true;
            return Some(Err(e));
        }
        if self.done {
            return None;
        }
        match self.sheet.next_row() {
            Ok(Some(row)) => Some(Ok(row)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e.into_source(&self.file, self.format)))
            }
        }
    }

    pub(super) fn next(&mut self) -> Option<Result<SheetRow, SourceError>> {
        let mut row = match self.pending.take() {
            Some(row) => row,
            None => match self.next_raw()? {
                Ok(mut row) => {
                    self.shown.apply(&mut row);
                    row
                }
                Err(e) => return Some(Err(e)),
            },
        };
        if self.next_number != 0 && row.number > self.next_number {
            let blank = SheetRow {
                number: self.next_number,
                ..SheetRow::default()
            };
            self.next_number += 1;
            self.pending = Some(row);
            return Some(Ok(blank));
        }
        self.next_number = row.number + 1;
        for cell in row.cells.iter_mut().filter(|c| !c.numeric) {
            if let Some(text) = normalise(&cell.text, self.legacy) {
                *cell = Cell::text(text);
            }
        }
        Some(Ok(row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An xlsx whose workbook lists `sheets` sheets, sheet `i` pointing to
    /// part `part_of(i)`; each part holds `cells` empty cells.
    fn book_of(dir: &Path, sheets: usize, part_of: fn(usize) -> usize, cells: usize) -> xlsx::Book {
        let mut listed = String::new();
        let mut rels = String::new();
        let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
        for i in 0..sheets {
            let p = part_of(i);
            listed.push_str(&format!(
                r#"<sheet name="S{i}" sheetId="{i}" r:id="r{i}"/>"#
            ));
            rels.push_str(&format!(
                r#"<Relationship Id="r{i}" Type="x/worksheet" Target="worksheets/sheet{p}.xml"/>"#
            ));
            let name = format!("xl/worksheets/sheet{p}.xml");
            if !parts.iter().any(|(n, _)| *n == name) {
                let xml = format!(
                    "<worksheet><sheetData><row r=\"1\">{}</row></sheetData></worksheet>",
                    "<c/>".repeat(cells)
                );
                parts.push((name, xml.into_bytes()));
            }
        }
        let workbook = format!(r#"<workbook xmlns:r="r"><sheets>{listed}</sheets></workbook>"#);
        let rels = format!("<Relationships>{rels}</Relationships>");
        let mut all: Vec<(&str, &[u8], bool, Option<u32>)> = vec![
            ("xl/workbook.xml", workbook.as_bytes(), true, None),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes(), true, None),
        ];
        for (n, b) in &parts {
            all.push((n, b, true, None));
        }
        let path = dir.join("book.xlsx");
        std::fs::write(&path, super::super::zip::tests::build(&all)).unwrap();
        xlsx::open(&path).unwrap()
    }

    #[test]
    fn a_part_listed_by_many_sheets_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let b = book_of(dir.path(), 50, |_| 1, 10_000);
        let one = b.sheet_bytes_read();
        assert_eq!(one, 0);
        let mut book = Book::Xlsx(b);
        let sheets = book.sheets();
        assert!(matches!(
            first_sheet_with_data(&mut book, &sheets, None, &mut Default::default()),
            Err(None)
        ));
        let Book::Xlsx(b) = &book else { unreachable!() };
        // One part of about 40 KB, read once (50 times would be 2 MB).
        let part = 10_000 * 4 + 100;
        assert!(
            b.sheet_bytes_read() <= part,
            "{} bytes read for a part of {part}",
            b.sheet_bytes_read()
        );
    }

    #[test]
    fn the_sheets_of_a_workbook_share_one_budget() {
        let dir = tempfile::tempdir().unwrap();
        // Three parts of 40 KB each, a budget of 100 KB: the third is refused.
        let mut b = book_of(dir.path(), 3, |i| i, 10_000);
        b.set_sheet_budget(100_000);
        let mut book = Book::Xlsx(b);
        let sheets = book.sheets();
        assert!(matches!(
            first_sheet_with_data(&mut book, &sheets, None, &mut Default::default()),
            Err(Some(BookError::Limit(Exceeded {
                limit: Limit::SheetsUnpacked,
                ..
            })))
        ));
    }

    #[test]
    fn cells_are_composed_or_converted() {
        assert_eq!(
            normalise("Nguye\u{302}\u{303}n", Legacy::None).as_deref(),
            Some("Nguyễn")
        );
        assert_eq!(normalise("Nguyễn", Legacy::None), None);
        assert_eq!(
            normalise("NguyÔn V¨n An", Legacy::Tcvn3).as_deref(),
            Some("Nguyễn Văn An")
        );
        assert_eq!(normalise("1950", Legacy::Tcvn3), None);
    }
}
