//! Excel 97–2003 workbooks (BIFF8, and BIFF5 of Excel 95), read as a
//! stream of records from the compound file ([`super::cfb`]): the list of
//! sheets, the date formats and the shared texts (limited like xlsx's) from
//! the workbook's globals, then one sheet's cells record by record.

use super::cells::{self, NumFmt, RowBuilder, SharedStrings};
use super::cfb::Compound;
use super::limits::{Exceeded, Limit, MAX_CELL_CHARS};
use super::workbook::{BookError, SheetInfo};
use super::{Cell, SheetRow};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

mod gather;
use gather::Gathered;
mod look;
mod records;
use records::{
    Continued, Records, biff8_string, damaged, error_text, f64_at, long_bytes, rk_number,
    short_biff8_string, short_bytes, u16_at, u32_at,
};

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const CONTINUE: u16 = 0x003C;
const FILEPASS: u16 = 0x002F;
const CODEPAGE: u16 = 0x0042;
const DATEMODE: u16 = 0x0022;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const SST: u16 = 0x00FC;
const LABELSST: u16 = 0x00FD;
const LABEL: u16 = 0x0204;
const RSTRING: u16 = 0x00D6;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
const STRING: u16 = 0x0207;
const BOOLERR: u16 = 0x0205;
const WINDOW1: u16 = 0x003D;

/// The version of the file's records.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Biff {
    /// Excel 97–2003: strings in UTF-16, compressed when they can be.
    Eight,
    /// Excel 5/95: strings in the workbook's code page.
    Five,
}

/// What the globals of the workbook say.
struct Globals {
    biff: Biff,
    codepage: &'static encoding_rs::Encoding,
    date1904: bool,
    /// The number format of each cell style (XF), as date or not.
    styles: Vec<NumFmt>,
    shared: SharedStrings,
    sheets: Vec<(SheetInfo, u64)>,
    /// The sheet Excel shows on opening (an index of `sheets`).
    active: Option<usize>,
}

pub(super) struct Book {
    cfb: Compound,
    stream_name: &'static str,
    globals: Arc<Globals>,
}

/// Opens an OLE file: an xls, or an encrypted xlsx (refused as
/// password-protected).
pub(super) fn open(path: &Path) -> Result<Book, BookError> {
    let mut cfb = Compound::open(path)?;
    if cfb.has("EncryptedPackage") {
        return Err(BookError::Password);
    }
    let stream_name = if cfb.has("Workbook") {
        "Workbook"
    } else if cfb.has("Book") {
        "Book"
    } else {
        return Err(damaged("no Workbook stream"));
    };
    let globals = read_globals(Records::new(cfb.stream(stream_name)?))?;
    Ok(Book {
        cfb,
        stream_name,
        globals: Arc::new(globals),
    })
}

fn codepage(cp: u16) -> &'static encoding_rs::Encoding {
    use encoding_rs::*;
    match cp {
        874 => WINDOWS_874,
        932 => SHIFT_JIS,
        936 => GBK,
        949 => EUC_KR,
        950 => BIG5,
        1200 => UTF_16LE,
        1250 => WINDOWS_1250,
        1251 => WINDOWS_1251,
        1253 => WINDOWS_1253,
        1254 => WINDOWS_1254,
        1255 => WINDOWS_1255,
        1256 => WINDOWS_1256,
        1257 => WINDOWS_1257,
        1258 => WINDOWS_1258,
        10000 => MACINTOSH,
        _ => WINDOWS_1252,
    }
}

fn read_globals(mut r: Records) -> Result<Globals, BookError> {
    if !r.next()? || r.typ != BOF {
        return Err(damaged("no BOF record (Excel 2.x–4.x files are not read)"));
    }
    let biff = match u16_at(&r.data, 0) {
        0x0600 => Biff::Eight,
        0x0500 => Biff::Five,
        v => return Err(BookError::Damaged(format!("BIFF version {v:#06x}"))),
    };
    let mut g = Globals {
        biff,
        codepage: encoding_rs::WINDOWS_1252,
        date1904: false,
        styles: Vec::new(),
        shared: SharedStrings::default(),
        sheets: Vec::new(),
        active: None,
    };
    // WINDOW1's current tab counts every sheet, charts and macros too.
    let mut active_tab = None;
    let mut listed = 0u16;
    let mut formats: HashMap<u16, NumFmt> = HashMap::new();
    let mut xf_formats: Vec<u16> = Vec::new();
    while r.next()? {
        match r.typ {
            EOF => break,
            FILEPASS => return Err(BookError::Password),
            CODEPAGE => g.codepage = codepage(u16_at(&r.data, 0)),
            DATEMODE => g.date1904 = u16_at(&r.data, 0) == 1,
            FORMAT => {
                let id = u16_at(&r.data, 0);
                let code = match biff {
                    Biff::Eight => biff8_string(&r.data[2.min(r.data.len())..]),
                    Biff::Five => short_bytes(&r.data[2.min(r.data.len())..], g.codepage),
                };
                formats.insert(id, cells::custom(&code));
            }
            XF => xf_formats.push(u16_at(&r.data, 2)),
            // The first window's tab is the one Excel shows.
            WINDOW1 if active_tab.is_none() => active_tab = Some(u16_at(&r.data, 10)),
            BOUNDSHEET => {
                let pos = u64::from(u32_at(&r.data, 0));
                let hidden = r.data.get(4).is_some_and(|s| s & 3 != 0);
                let worksheet = r.data.get(5) == Some(&0);
                let name = match biff {
                    Biff::Eight => short_biff8_string(&r.data[6.min(r.data.len())..]),
                    Biff::Five => short_bytes(&r.data[6.min(r.data.len())..], g.codepage),
                };
                if worksheet && listed == active_tab.unwrap_or(0) {
                    g.active = Some(g.sheets.len());
                }
                listed = listed.saturating_add(1);
                if worksheet {
                    g.sheets.push((
                        SheetInfo {
                            name,
                            visible: !hidden,
                        },
                        pos,
                    ));
                }
            }
            SST if biff == Biff::Eight => read_sst(&mut r, &mut g.shared)?,
            _ => {}
        }
    }
    g.styles = xf_formats
        .into_iter()
        .map(|id| {
            formats
                .get(&id)
                .copied()
                .unwrap_or_else(|| cells::builtin(u32::from(id)))
        })
        .collect();
    Ok(g)
}

/// The shared texts (SST and its CONTINUE records).
fn read_sst(r: &mut Records, shared: &mut SharedStrings) -> Result<(), BookError> {
    let mut c = Continued { records: r, pos: 8 };
    let unique = u32_at(&c.records.data, 4);
    for _ in 0..unique {
        let Some(cch) = c.u16()? else {
            break;
        };
        let Some(flags) = c.byte()? else {
            break;
        };
        let runs = if flags & 0x08 != 0 {
            c.u16()?.unwrap_or(0)
        } else {
            0
        };
        let ext = if flags & 0x04 != 0 {
            c.u32()?.unwrap_or(0)
        } else {
            0
        };
        let mut one = shared.begin();
        c.chars(usize::from(cch), flags & 1 != 0, &mut |piece| {
            shared.append(&mut one, piece).map_err(BookError::Limit)
        })?;
        shared.end(one, false).map_err(BookError::Limit)?;
        c.skip(usize::from(runs) * 4)?;
        c.skip(ext as usize)?;
    }
    Ok(())
}

impl Book {
    pub(super) fn sheets(&self) -> Vec<SheetInfo> {
        self.globals.sheets.iter().map(|(s, _)| s.clone()).collect()
    }

    /// Where sheet `index` starts: two sheets with the same key have the
    /// same rows.
    pub(super) fn part_key(&self, index: usize) -> String {
        self.globals.sheets[index].1.to_string()
    }

    /// The sheet Excel shows when the workbook is opened (WINDOW1's
    /// current tab).
    pub(super) fn active(&self) -> Option<usize> {
        self.globals.active
    }

    /// The records of sheet `index`, after its BOF.
    fn records(&mut self, index: usize) -> Result<Records, BookError> {
        let mut stream = self.cfb.stream(self.stream_name)?;
        stream.seek_to(self.globals.sheets[index].1);
        let mut records = Records::new(stream);
        if !records.next()? || records.typ != BOF {
            return Err(damaged("sheet has no BOF record"));
        }
        Ok(records)
    }

    /// The rows of sheet `index`, in order: the sheet is looked through
    /// first, and gathered when its rows are not in order.
    pub(super) fn rows(&mut self, index: usize) -> Result<Sheet, BookError> {
        let in_order = look::cells_in_row_order(self.records(index)?)?;
        self.sheet(index, !in_order, false)
    }

    /// The rows of sheet `index` as they come, to see whether it has data:
    /// not looked through for their order first (nor gathered), a row met
    /// after a later one given as a row of its own.
    pub(super) fn peek(&mut self, index: usize) -> Result<Sheet, BookError> {
        self.sheet(index, false, true)
    }

    fn sheet(
        &mut self,
        index: usize,
        gather: bool,
        as_they_come: bool,
    ) -> Result<Sheet, BookError> {
        Ok(Sheet {
            records: self.records(index)?,
            globals: self.globals.clone(),
            row: None,
            as_they_come,
            gathered: gather.then(Gathered::default),
            sorted: None,
            done: false,
        })
    }

    /// What sheet `index` hides: its rows, columns and merged ranges.
    pub(super) fn shown(&mut self, index: usize) -> Result<super::shown::Shown, BookError> {
        look::scan(self.records(index)?)
    }
}

/// The rows of one sheet.
pub(super) struct Sheet {
    records: Records,
    globals: Arc<Globals>,
    /// The row being built.
    row: Option<RowBuilder>,
    /// Rows are given as they come, one met after a later one not refused
    /// ([`Book::peek`]).
    as_they_come: bool,
    /// The sheet's cells are not in row order (some programs write a row
    /// made late after the rows below it; Excel reads them in any order):
    /// they are gathered here, then given row by row in order.
    gathered: Option<Gathered>,
    /// The gathered rows, once every cell is read.
    sorted: Option<std::collections::btree_map::IntoValues<usize, RowBuilder>>,
    done: bool,
}

impl Sheet {
    fn number(&self, f: f64, xf: u16) -> Cell {
        let fmt = self
            .globals
            .styles
            .get(usize::from(xf))
            .copied()
            .unwrap_or_default();
        cells::number_cell(f, fmt, self.globals.date1904)
    }

    /// The string of a STRING record (a formula's text result) or a LABEL
    /// record, which may go on in CONTINUE records.
    fn long_string(&mut self, at: usize, row: usize, col: usize) -> Result<String, BookError> {
        let g = self.globals.clone();
        if g.biff == Biff::Five {
            return Ok(long_bytes(
                self.records.data.get(at..).unwrap_or_default(),
                g.codepage,
            ));
        }
        let cch = usize::from(u16_at(&self.records.data, at));
        if cch > MAX_CELL_CHARS {
            return Err(BookError::Limit(Exceeded::at(
                Limit::CellChars,
                row,
                Some(col),
            )));
        }
        let wide = self.records.data.get(at + 2).is_some_and(|f| f & 1 != 0);
        let mut c = Continued {
            records: &mut self.records,
            pos: at + 3,
        };
        let mut s = String::new();
        c.chars(cch, wide, &mut |piece| {
            s.push_str(piece);
            Ok(())
        })?;
        Ok(s)
    }

    /// Puts a cell in the row it belongs to; a finished row is returned.
    fn put(&mut self, row: usize, col: usize, cell: Cell) -> Result<Option<SheetRow>, BookError> {
        if let Some(gathered) = &mut self.gathered {
            return gathered.put(row, col, cell).map(|()| None);
        }
        let mut done = None;
        match &self.row {
            Some(b) if b.number() == row => {}
            Some(b) if b.number() > row && !self.as_they_come => {
                return Err(BookError::Damaged(format!(
                    "row {row} comes after row {}",
                    b.number()
                )));
            }
            _ => {
                let next = RowBuilder::new(row).map_err(BookError::Limit)?;
                if let Some(b) = self.row.replace(next)
                    && !b.is_blank()
                {
                    // Whether Excel hides it is read beforehand
                    // ([`look::scan`]).
                    done = Some(b.finish(false));
                }
            }
        }
        if let Some(b) = &mut self.row {
            b.put(col, cell).map_err(BookError::Limit)?;
        }
        Ok(done)
    }

    /// The next row that has a cell with a value; `None` at the end.
    pub(super) fn next_row(&mut self) -> Result<Option<SheetRow>, BookError> {
        while !self.done {
            if !self.records.next()? {
                self.done = true;
                break;
            }
            let d = &self.records.data;
            // Cell records start with the row and the column (0-based).
            let row = usize::from(u16_at(d, 0)) + 1;
            let col = usize::from(u16_at(d, 2));
            let xf = u16_at(d, 4);
            let cell = match self.records.typ {
                EOF => {
                    self.done = true;
                    break;
                }
                BOF => {
                    // A chart inside the sheet (after its cells), or the next
                    // sheet when this one has no EOF record.
                    self.done = true;
                    break;
                }
                NUMBER => self.number(f64_at(d, 6), xf),
                RK => self.number(rk_number(u32_at(d, 6)), xf),
                MULRK => {
                    // (xf, rk) pairs from `col` on, then the last column.
                    let pairs = d.len().saturating_sub(6) / 6;
                    let mut finished = None;
                    for i in 0..pairs {
                        let at = 4 + 6 * i;
                        let cell = self.number(
                            rk_number(u32_at(&self.records.data, at + 2)),
                            u16_at(&self.records.data, at),
                        );
                        if let Some(r) = self.put(row, col + i, cell)? {
                            finished = Some(r);
                        }
                    }
                    if finished.is_some() {
                        return Ok(finished);
                    }
                    continue;
                }
                LABELSST => {
                    let i = u32_at(d, 6) as usize;
                    match self.globals.shared.get(i) {
                        Ok(Some(s)) => Cell::text(s),
                        Ok(None) => Cell::default(),
                        Err(()) => {
                            return Err(BookError::Limit(Exceeded::at(
                                Limit::CellChars,
                                row,
                                Some(col),
                            )));
                        }
                    }
                }
                LABEL | RSTRING => Cell::text(self.long_string(6, row, col)?),
                BOOLERR => match (d.get(6).copied(), d.get(7)) {
                    (Some(code), Some(1)) => Cell::text(error_text(code)),
                    (Some(b), _) => Cell::text(if b != 0 { "TRUE" } else { "FALSE" }),
                    _ => continue,
                },
                FORMULA => {
                    if u16_at(d, 12) != 0xFFFF {
                        self.number(f64_at(d, 6), xf)
                    } else {
                        match d.get(6) {
                            Some(0) => {
                                // The text follows in a STRING record.
                                if !self.records.next()? {
                                    continue;
                                }
                                if self.records.typ != STRING {
                                    self.records.hold();
                                    continue;
                                }
                                Cell::text(self.long_string(0, row, col)?)
                            }
                            Some(1) => Cell::text(if d.get(8).is_some_and(|&b| b != 0) {
                                "TRUE"
                            } else {
                                "FALSE"
                            }),
                            Some(2) => Cell::text(error_text(d.get(8).copied().unwrap_or(0))),
                            _ => continue,
                        }
                    }
                }
                _ => continue,
            };
            if let Some(done) = self.put(row, col, cell)? {
                return Ok(Some(done));
            }
        }
        if let Some(gathered) = self.gathered.take() {
            self.sorted = Some(gathered.rows.into_values());
        }
        if let Some(rows) = &mut self.sorted {
            return Ok(rows.find(|b| !b.is_blank()).map(|b| b.finish(false)));
        }
        match self.row.take() {
            Some(b) if !b.is_blank() => Ok(Some(b.finish(false))),
            _ => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    fn numbers(sheet: &mut Sheet) -> Result<Vec<usize>, BookError> {
        let mut rows = Vec::new();
        while let Some(row) = sheet.next_row()? {
            rows.push(row.number);
        }
        Ok(rows)
    }

    /// Rows written out of order are given in order; a sheet in order is
    /// read as it streams, gathering nothing.
    #[test]
    fn rows_out_of_order_are_given_in_order() {
        let mut book = open(&fixture("rows_out_of_order.xls")).unwrap();
        let mut sheet = book.rows(0).unwrap();
        assert!(sheet.gathered.is_some());
        assert_eq!(numbers(&mut sheet).unwrap(), [1, 2, 3, 4]);
        // Looked at for data only, the rows come as written, not gathered
        // and not refused.
        let mut peeked = book.peek(0).unwrap();
        assert!(peeked.gathered.is_none());
        assert_eq!(numbers(&mut peeked).unwrap(), [1, 3, 2, 4]);
        let mut book = open(&fixture("hidden_column.xls")).unwrap();
        let mut sheet = book.rows(0).unwrap();
        assert!(sheet.gathered.is_none());
        assert_eq!(numbers(&mut sheet).unwrap(), [1, 2, 3, 4]);
    }

    /// A sheet out of order holds every cell at once: past the cells or
    /// the bytes it may hold, it is refused as damaged, not read into
    /// memory without end.
    #[test]
    fn a_sheet_out_of_order_is_gathered_within_its_limits() {
        for limit in [(20, usize::MAX), (usize::MAX, 100)] {
            let mut book = open(&fixture("rows_out_of_order.xls")).unwrap();
            let mut sheet = book.rows(0).unwrap();
            if let Some(g) = &mut sheet.gathered {
                g.limit = limit;
            }
            match numbers(&mut sheet) {
                Err(BookError::Damaged(what)) => assert!(what.contains("out of order"), "{what}"),
                other => panic!("{limit:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn strings_of_both_widths() {
        assert_eq!(biff8_string(&[3, 0, 0, b'A', b'n', 0xE0]), "Anà");
        let wide: Vec<u8> = [2u8, 0, 1]
            .into_iter()
            .chain("Đô".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(biff8_string(&wide), "Đô");
        assert_eq!(short_biff8_string(&[2, 0, b'S', b'1']), "S1");
        assert_eq!(
            short_bytes(&[3, b'V', 0xE3, b'n'], encoding_rs::WINDOWS_1258),
            "Văn"
        );
        // Lengths longer than the data are cut, not trusted.
        assert_eq!(biff8_string(&[0xFF, 0xFF, 0, b'x']), "x");
    }
}
