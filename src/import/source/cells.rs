//! What xlsx and xls cells have in common: the text a value shows (whole
//! numbers without ".0", dates as dd/mm/yyyy, a time of day as hh:mm), the
//! number formats that make a number a date, and the building of a row
//! under the limits on rows, columns and characters.

use super::Cell;
use super::SheetRow;
use super::limits::{
    Exceeded, Limit, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROW_CHARS, MAX_ROWS, MAX_SHARED_STRINGS,
    MAX_SHARED_TEXT_BYTES,
};

/// How a number format shows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum NumFmt {
    #[default]
    Number,
    /// A date, a time, or both.
    Date,
    /// Elapsed time ("[h]:mm"), shown as the number it is.
    Duration,
    /// A format that shows something other than the number: nothing at
    /// all (";;;"), figures written into it ("\"1,394,500\""), a choice by
    /// condition ("[=1894500]…"), or the number scaled down ("#,##0,").
    /// Whoever reads the list in Excel sees another value than the file
    /// holds.
    Masked,
}

/// The kind of one of Excel's built-in formats (by id).
pub(super) fn builtin(id: u32) -> NumFmt {
    match id {
        46 => NumFmt::Duration,
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => NumFmt::Date,
        _ => NumFmt::Number,
    }
}

/// The kind of a format written out ("dd/mm/yyyy", "#,##0 \"đ\""): a date
/// when, outside quoted text, escapes and [brackets], it has a day, month,
/// year, hour or second; elapsed time when it has [h], [m] or [s].
pub(super) fn custom(code: &str) -> NumFmt {
    match kind(code) {
        NumFmt::Number if masks(code) => NumFmt::Masked,
        other => other,
    }
}

fn kind(code: &str) -> NumFmt {
    let mut chars = code.chars();
    let mut date = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&b| b != ']').collect();
                let lower = inside.to_ascii_lowercase();
                if !lower.is_empty() && lower.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                    return NumFmt::Duration;
                }
            }
            // Sections after the first (negative numbers, zero, text).
            ';' => break,
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => date = true,
            // "General" is the one word a format may hold.
            'G' | 'g' => {
                let rest: String = chars.by_ref().take(6).collect();
                if !rest.eq_ignore_ascii_case("eneral") {
                    return if date { NumFmt::Date } else { kind(&rest) };
                }
            }
            _ => {}
        }
    }
    if date { NumFmt::Date } else { NumFmt::Number }
}

/// Whether a number format (not a date's) shows a positive number as
/// something else than its value: a condition in any section; a first
/// section with no place for a digit (empty, or text only), with digits
/// written in quotes or escaped, or with a comma after its last digit
/// place (each such comma divides the number by 1,000).
fn masks(code: &str) -> bool {
    let mut chars = code.chars();
    let mut first = true;
    let mut placeholders = false;
    let mut literal_digit = false;
    // A comma after a digit place, with no digit place after it yet.
    let mut scaled = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    literal_digit |= first && q.is_ascii_digit();
                }
            }
            '\\' => {
                let escaped = chars.next();
                literal_digit |= first && escaped.is_some_and(|e| e.is_ascii_digit());
            }
            '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&b| b != ']').collect();
                if inside.starts_with(['<', '>', '=']) {
                    return true;
                }
            }
            ';' if first => first = false,
            _ if !first => {}
            '0' | '#' | '?' | '@' => {
                placeholders = true;
                scaled = false;
            }
            ',' if placeholders => scaled = true,
            'G' | 'g' => placeholders = true,
            _ => {}
        }
    }
    !placeholders || literal_digit || scaled
}

/// 2789000.0 → "2789000"; 2789000.5 → "2789000.5" (for the validator to
/// refuse); never an exponent.
pub(super) fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 1e21 {
        // `{:.0}` prints every digit of a whole number; -0.0 prints "-0".
        return if f == 0.0 {
            "0".to_owned()
        } else {
            format!("{f:.0}")
        };
    }
    f.to_string()
}

/// The cell of a number under a format: a date as dd/mm/yyyy, a time of day
/// alone as hh:mm, anything else as the number.
pub(super) fn number_cell(f: f64, fmt: NumFmt, date1904: bool) -> Cell {
    if fmt == NumFmt::Date
        && let Some(text) = date_text(f, date1904)
    {
        return Cell::text(text);
    }
    Cell {
        text: number_text(f),
        numeric: true,
        unsaved_formula: false,
        masked: fmt == NumFmt::Masked,
        recalculated: false,
    }
}

/// A serial date as the user sees it; `None` outside the dates Excel has.
fn date_text(serial: f64, date1904: bool) -> Option<String> {
    if !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.trunc();
    let seconds = ((serial - days) * 86_400.0).round() as i64;
    if serial < 1.0 && !date1904 {
        let s = seconds.min(86_399);
        return Some(format!("{:02}:{:02}", s / 3600, s % 3600 / 60));
    }
    // Excel counts 29/02/1900, which did not exist: serials from 61 on are
    // one day ahead of the calendar.
    let (base, days) = if date1904 {
        (chrono::NaiveDate::from_ymd_opt(1904, 1, 1)?, days as i64)
    } else if days < 61.0 {
        (chrono::NaiveDate::from_ymd_opt(1899, 12, 31)?, days as i64)
    } else {
        (chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?, days as i64)
    };
    let date = base.checked_add_signed(chrono::TimeDelta::try_days(days)?)?;
    Some(date.format("%d/%m/%Y").to_string())
}

/// "2026-11-05T00:00:00" → "05/11/2026"; anything else as it is.
pub(super) fn iso_date_text(s: &str) -> String {
    match s
        .get(..10)
        .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d"))
    {
        Some(Ok(date)) => date.format("%d/%m/%Y").to_string(),
        _ => s.to_owned(),
    }
}

/// "B12" → column index 1 (the letters of a cell reference; the digits are
/// ignored). Very long letter runs give a very large index.
pub(super) fn column_of(reference: &[u8]) -> Option<usize> {
    let mut col: usize = 0;
    let mut any = false;
    for &b in reference {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a',
            _ => break,
        };
        any = true;
        col = col.saturating_mul(26).saturating_add(usize::from(v) + 1);
    }
    any.then(|| col - 1)
}

/// One row of a sheet, built cell by cell under the limits. A cell that is
/// blank (empty or spaces) is never counted against the columns.
pub(super) struct RowBuilder {
    number: usize,
    cells: Vec<Cell>,
    bytes: usize,
    /// Characters of the row, counted once its bytes could be too many.
    chars: Option<usize>,
}

impl RowBuilder {
    pub(super) fn new(number: usize) -> Result<RowBuilder, Exceeded> {
        if number > MAX_ROWS {
            return Err(Exceeded::at(Limit::Rows, number, None));
        }
        Ok(RowBuilder {
            number,
            cells: Vec::new(),
            bytes: 0,
            chars: None,
        })
    }

    pub(super) fn number(&self) -> usize {
        self.number
    }

    /// Puts the (trimmed) cell in column `col` (0 = A).
    pub(super) fn put(&mut self, col: usize, mut cell: Cell) -> Result<(), Exceeded> {
        let trimmed = cell.text.trim();
        // A formula without its value is kept (empty) for a reader that
        // needs it; like any blank cell it is never counted against the
        // columns.
        if trimmed.is_empty() && (!cell.unsaved_formula || col >= MAX_COLUMNS) {
            return Ok(());
        }
        if trimmed.len() != cell.text.len() {
            cell.text = trimmed.to_owned();
        }
        if col >= MAX_COLUMNS {
            return Err(Exceeded::at(Limit::Columns, self.number, Some(col)));
        }
        if super::limits::too_long(&cell.text, MAX_CELL_CHARS) {
            return Err(Exceeded::at(Limit::CellChars, self.number, Some(col)));
        }
        if col >= self.cells.len() {
            self.cells.resize_with(col + 1, Cell::default);
        }
        let old = std::mem::replace(&mut self.cells[col], cell);
        let new = &self.cells[col].text;
        self.bytes = self.bytes - old.text.len() + new.len();
        if let Some(chars) = &mut self.chars {
            *chars = *chars - old.text.chars().count() + new.chars().count();
        } else if self.bytes > MAX_ROW_CHARS {
            self.chars = Some(self.cells.iter().map(|c| c.text.chars().count()).sum());
        }
        if self.chars.is_some_and(|c| c > MAX_ROW_CHARS) {
            return Err(Exceeded::at(Limit::RowChars, self.number, None));
        }
        Ok(())
    }

    /// Whether no cell with text was put (a formula without its value
    /// alone makes no row).
    pub(super) fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }

    /// The row built; `hidden` when the sheet hides it.
    pub(super) fn finish(self, hidden: bool) -> SheetRow {
        SheetRow {
            number: self.number,
            cells: self.cells,
            hidden,
        }
    }
}

/// The texts a workbook shares between its cells, packed: one after another
/// in one buffer, and where each ends (a million short texts as `String`s
/// would take three times the memory). A text longer than a cell may be is
/// kept as a mark only, and refused when a cell uses it, naming that cell.
#[derive(Default)]
pub(super) struct SharedStrings {
    text: String,
    /// End of each text in `text`; the top bit marks a text too long.
    ends: Vec<u32>,
}

const TOO_LONG: u32 = 1 << 31;

/// A shared text being added.
#[derive(Clone, Copy)]
pub(super) struct Adding {
    start: usize,
    chars: usize,
    too_long: bool,
}

impl SharedStrings {
    pub(super) fn begin(&self) -> Adding {
        Adding {
            start: self.text.len(),
            chars: 0,
            too_long: false,
        }
    }

    /// Adds a piece of the text being added.
    pub(super) fn append(&mut self, one: &mut Adding, piece: &str) -> Result<(), Exceeded> {
        if one.too_long {
            return Ok(());
        }
        one.chars += piece.chars().count();
        if one.chars > MAX_CELL_CHARS {
            one.too_long = true;
            self.text.truncate(one.start);
            return Ok(());
        }
        if self.text.len() + piece.len() > MAX_SHARED_TEXT_BYTES {
            return Err(Exceeded::new(Limit::SharedText));
        }
        self.text.push_str(piece);
        Ok(())
    }

    /// Ends the text being added; `excel_escapes` reads `_xHHHH_` back.
    pub(super) fn end(&mut self, one: Adding, excel_escapes: bool) -> Result<(), Exceeded> {
        if self.ends.len() == MAX_SHARED_STRINGS {
            return Err(Exceeded::new(Limit::SharedStrings));
        }
        if one.too_long {
            self.text.truncate(one.start);
            self.ends.push(one.start as u32 | TOO_LONG);
        } else {
            if excel_escapes {
                super::xlsx::unescape_in_place(&mut self.text, one.start);
            }
            self.ends.push(self.text.len() as u32);
        }
        Ok(())
    }

    /// The text of index `i`: `Ok(None)` when there is none, `Err(())` when
    /// it is too long for a cell.
    pub(super) fn get(&self, i: usize) -> Result<Option<&str>, ()> {
        let Some(&end) = self.ends.get(i) else {
            return Ok(None);
        };
        if end & TOO_LONG != 0 {
            return Err(());
        }
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] & !TOO_LONG,
        };
        Ok(self.text.get(start as usize..end as usize))
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_user_sees_them() {
        assert_eq!(number_text(2_789_000.0), "2789000");
        assert_eq!(number_text(2_789_000.5), "2789000.5");
        assert_eq!(number_text(-150_000.0), "-150000");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(1e15), "1000000000000000");
        assert_eq!(number_text(0.1), "0.1");
    }

    #[test]
    fn dates_and_times_read_as_the_user_sees_them() {
        let d = |f| number_cell(f, NumFmt::Date, false).text;
        assert_eq!(d(18_000.0), "12/04/1949");
        assert_eq!(d(0.5), "12:00");
        assert_eq!(d(46_331.0), "05/11/2026");
        assert_eq!(d(1.0), "01/01/1900");
        assert_eq!(d(61.0), "01/03/1900");
        assert_eq!(number_cell(0.0, NumFmt::Date, true).text, "01/01/1904");
        // Out of Excel's dates: the number.
        assert_eq!(d(-3.0), "-3");
        assert_eq!(d(1e12), "1000000000000");
        let n = number_cell(1.5, NumFmt::Duration, false);
        assert_eq!((n.text.as_str(), n.numeric), ("1.5", true));
        assert_eq!(iso_date_text("2026-11-05T00:00:00"), "05/11/2026");
        assert_eq!(iso_date_text("hôm qua"), "hôm qua");
    }

    #[test]
    fn formats_that_show_dates_are_told_apart() {
        for code in [
            "dd/mm/yyyy",
            "d-mmm-yy",
            "[$-42A]dd/mm/yyyy",
            "h:mm AM/PM",
            "yyyy",
        ] {
            assert_eq!(custom(code), NumFmt::Date, "{code}");
        }
        for code in [
            "General",
            "#,##0",
            "#,##0 \"đ\"",
            "_-* #,##0\\ _đ_-;\\-* #,##0\\ _đ_-",
            "0.00E+00",
            "[Red]#,##0",
            "#,##0;[Red]-#,##0",
        ] {
            assert_eq!(custom(code), NumFmt::Number, "{code}");
        }
        assert_eq!(custom("[h]:mm:ss"), NumFmt::Duration);
        // Vietnamese Excel's accounting format, and text shown as it is.
        for code in [
            "_-* #,##0\\ _₫_-;\\-* #,##0\\ _₫_-;_-* \"-\"??\\ _₫_-;_-@_-",
            "@",
            "0",
        ] {
            assert_eq!(custom(code), NumFmt::Number, "{code}");
        }
        // Formats that show another value than the number.
        for code in [
            ";;;",
            "\"\"",
            "[Red]",
            "[=1894500]\"1,394,500\";#,##0",
            "[>1000000]#,##0;0",
            "\"1.394.500\"",
            "\\1#,##0",
            "#,##0,",
            "0,,\" tr\"",
            "#,##0,;[Red]-#,##0",
        ] {
            assert_eq!(custom(code), NumFmt::Masked, "{code}");
        }
        let cell = number_cell(1_894_500.0, NumFmt::Masked, false);
        assert!(cell.masked && cell.numeric && cell.text == "1894500");
        assert!(!number_cell(1_894_500.0, NumFmt::Number, false).masked);
        assert_eq!(builtin(14), NumFmt::Date);
        assert_eq!(builtin(3), NumFmt::Number);
        assert_eq!(builtin(46), NumFmt::Duration);
    }

    #[test]
    fn cell_references_give_columns() {
        assert_eq!(column_of(b"A1"), Some(0));
        assert_eq!(column_of(b"AB12"), Some(27));
        assert_eq!(column_of(b"XFD1048576"), Some(16_383));
        assert_eq!(column_of(b"12"), None);
        assert!(column_of(&[b'Z'; 40]).unwrap() > 1 << 40);
    }

    #[test]
    fn rows_refuse_what_is_past_the_limits() {
        assert!(RowBuilder::new(MAX_ROWS).is_ok());
        assert_eq!(
            RowBuilder::new(MAX_ROWS + 1).err().map(|e| e.limit),
            Some(Limit::Rows)
        );
        let mut row = RowBuilder::new(7).unwrap();
        row.put(MAX_COLUMNS + 5, Cell::text("  ")).unwrap();
        assert!(row.is_blank(), "a blank cell far right is no column");
        let e = row.put(MAX_COLUMNS, Cell::text("x")).unwrap_err();
        assert_eq!(
            (e.limit, e.row, e.column),
            (Limit::Columns, Some(7), Some(MAX_COLUMNS))
        );
        let long = "ạ".repeat(MAX_CELL_CHARS);
        row.put(1, Cell::text(long.clone())).unwrap();
        let e = row.put(2, Cell::text(long + "a")).unwrap_err();
        assert_eq!((e.limit, e.column), (Limit::CellChars, Some(2)));
        row.put(3, Cell::text("b".repeat(MAX_CELL_CHARS))).unwrap();
        row.put(4, Cell::text("cc")).unwrap();
        let e = row.put(5, Cell::text("d")).unwrap_err();
        assert_eq!(e.limit, Limit::RowChars);
    }

    #[test]
    fn shared_texts_are_packed_and_limited() {
        let mut s = SharedStrings::default();
        for text in ["Nguyễn Văn An", "", "Thôn Đông"] {
            let mut one = s.begin();
            s.append(&mut one, text).unwrap();
            s.end(one, true).unwrap();
        }
        let mut one = s.begin();
        s.append(&mut one, &"a".repeat(MAX_CELL_CHARS)).unwrap();
        s.append(&mut one, "b").unwrap();
        s.end(one, true).unwrap();
        let mut one = s.begin();
        s.append(&mut one, "_x000D_x").unwrap();
        s.end(one, true).unwrap();
        assert_eq!(s.get(0), Ok(Some("Nguyễn Văn An")));
        assert_eq!(s.get(1), Ok(Some("")));
        assert_eq!(s.get(2), Ok(Some("Thôn Đông")));
        assert_eq!(s.get(3), Err(()));
        assert_eq!(s.get(4), Ok(Some("\rx")));
        assert_eq!(s.get(5), Ok(None));
        assert_eq!(s.len(), 5);
    }
}
