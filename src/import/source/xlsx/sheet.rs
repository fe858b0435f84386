//! One sheet of an xlsx, read as a stream: its rows and cells, the
//! shared texts and number formats they point to, Excel's `_xHHHH_`
//! escapes, and the end of the sheet's data (a sheet cut short is damage).

use super::super::Cell;
use super::super::SheetRow;
use super::super::cells::{self, NumFmt, RowBuilder, SharedStrings};
use super::super::limits::{Exceeded, Limit, MAX_CELL_CHARS};
use super::super::shown::MIN_ROW_POINTS;
use super::super::workbook::BookError;
use super::super::xml::{self, Xml};
use super::super::zip::PartReader;
use quick_xml::events::{BytesStart, Event};
use std::sync::Arc;

/// Excel writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a
/// carriage return, `_x005F_` for "_" itself): read them back in
/// `text[start..]`.
pub(in crate::import::source) fn unescape_in_place(text: &mut String, start: usize) {
    if !text[start..].contains("_x") {
        return;
    }
    let escaped = text.split_off(start);
    let mut rest = escaped.as_str();
    while let Some(at) = rest.find("_x") {
        text.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let code = after
            .get(..5)
            .filter(|c| c.ends_with('_'))
            .and_then(|c| u32::from_str_radix(&c[..4], 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                text.push(c);
                rest = &after[5..];
            }
            None => {
                text.push_str("_x");
                rest = after;
            }
        }
    }
    text.push_str(rest);
}

/// The rows of one sheet.
pub(in crate::import::source) struct Sheet {
    pub(super) xml: Xml<PartReader>,
    pub(super) shared: Arc<SharedStrings>,
    pub(super) formats: Arc<Vec<NumFmt>>,
    pub(super) date1904: bool,
    /// Excel computes every formula again on opening (see `Book::recalc`):
    /// a formula's saved value is not taken for what Excel shows.
    pub(super) recalc: bool,
    pub(super) last_row: usize,
    pub(super) in_data: bool,
    pub(super) done: bool,
    /// A cell's text as it is read, reused.
    pub(super) text: String,
}

/// The type attribute of a cell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Shared,
    Str,
    Inline,
    Bool,
    Error,
    Date,
}

/// Columns a sheet has: Excel's last is XFD. A reference past it is no
/// cell Excel wrote.
const EXCEL_COLUMNS: usize = 16_384;

/// What the attributes of a `<c>` say.
struct CellAttrs {
    col: Option<usize>,
    kind: Kind,
    style: usize,
}

fn cell_attrs(e: &BytesStart<'_>) -> CellAttrs {
    let mut a = CellAttrs {
        col: None,
        kind: Kind::Number,
        style: 0,
    };
    for attr in e.attributes().with_checks(false).flatten() {
        let value = attr.value.as_bytes();
        match attr.key.local_name().as_ref() {
            "r" => a.col = cells::column_of(value),
            "t" => {
                a.kind = match value {
                    b"s" => Kind::Shared,
                    b"str" => Kind::Str,
                    b"inlineStr" => Kind::Inline,
                    b"b" => Kind::Bool,
                    b"e" => Kind::Error,
                    b"d" => Kind::Date,
                    _ => Kind::Number,
                }
            }
            "s" => a.style = attr.value.parse().unwrap_or(0),
            _ => {}
        }
    }
    a
}

/// What a `<row>` says of itself: its number, if it gives one, and
/// whether it is hidden (`hidden="1"`, or a height under
/// [`MIN_ROW_POINTS`]: a row of a pixel shows nothing either).
fn row_attrs(e: &BytesStart<'_>) -> (Option<usize>, bool) {
    let mut number = None;
    let mut hidden = false;
    for a in e.attributes().with_checks(false).flatten() {
        match a.key.local_name().as_ref() {
            "r" => number = a.value.trim().parse().ok(),
            "hidden" => hidden |= matches!(a.value.trim(), "1" | "true"),
            "ht" => {
                hidden |= a
                    .value
                    .trim()
                    .parse::<f64>()
                    .is_ok_and(|h| h < MIN_ROW_POINTS)
            }
            _ => {}
        }
    }
    (number, hidden)
}

impl Sheet {
    /// The next row that has a cell with a value; `None` at the end.
    pub(in crate::import::source) fn next_row(&mut self) -> Result<Option<SheetRow>, BookError> {
        while !self.done {
            let ((number, hidden), has_cells) = match self.xml.next()? {
                Event::Eof => {
                    self.done = true;
                    return Err(BookError::Damaged(format!(
                        "the sheet ends after row {} without </sheetData>",
                        self.last_row
                    )));
                }
                Event::Start(e) if xml::is(&e, "sheetData") => {
                    self.in_data = true;
                    continue;
                }
                Event::Empty(e) if xml::is(&e, "sheetData") => {
                    self.read_to_end()?;
                    break;
                }
                Event::End(e) if e.local_name().as_ref() == "sheetData" => {
                    self.read_to_end()?;
                    break;
                }
                Event::Start(e) if self.in_data && xml::is(&e, "row") => (row_attrs(&e), true),
                Event::Empty(e) if self.in_data && xml::is(&e, "row") => (row_attrs(&e), false),
                _ => continue,
            };
            let number = number.unwrap_or(self.last_row + 1);
            if number <= self.last_row {
                return Err(BookError::Damaged(format!(
                    "row {number} comes after row {}",
                    self.last_row
                )));
            }
            self.last_row = number;
            let mut row = RowBuilder::new(number).map_err(BookError::Limit)?;
            if has_cells {
                self.read_cells(&mut row)?;
            }
            if !row.is_blank() {
                return Ok(Some(row.finish(hidden)));
            }
        }
        Ok(None)
    }

    /// After the rows: the rest of the sheet, which must end with
    /// `</worksheet>` (a sheet cut short is damaged, even where the cut
    /// falls between two rows), read to the end of its part so that the
    /// part's size and CRC are checked.
    fn read_to_end(&mut self) -> Result<(), BookError> {
        self.done = true;
        let mut closed = false;
        loop {
            match self.xml.next()? {
                Event::Eof => break,
                Event::End(e) if e.local_name().as_ref() == "worksheet" => closed = true,
                _ => {}
            }
        }
        if !closed {
            return Err(BookError::Damaged(
                "the sheet ends without </worksheet>".into(),
            ));
        }
        Ok(())
    }

    /// The cells of the row just opened, up to its end.
    fn read_cells(&mut self, row: &mut RowBuilder) -> Result<(), BookError> {
        let mut next_col = 0usize;
        let past_xfd = |row: &RowBuilder| {
            BookError::Damaged(format!(
                "a cell of row {} is referred to past column XFD",
                row.number()
            ))
        };
        loop {
            let attrs = match self.xml.next()? {
                Event::End(e) if e.local_name().as_ref() == "row" => return Ok(()),
                Event::Eof => return Ok(()),
                Event::Empty(e) if xml::is(&e, "c") => {
                    next_col = cell_attrs(&e).col.unwrap_or(next_col).saturating_add(1);
                    continue;
                }
                Event::Start(e) if xml::is(&e, "c") => cell_attrs(&e),
                _ => continue,
            };
            let col = attrs.col.unwrap_or(next_col);
            if col >= EXCEL_COLUMNS {
                return Err(past_xfd(row));
            }
            next_col = col.saturating_add(1);
            let number = row.number();
            let cell = self.read_value(&attrs, number, col)?;
            if let Some(cell) = cell {
                row.put(col, cell).map_err(BookError::Limit)?;
            }
        }
    }

    /// The value of the cell just opened, up to its end.
    fn read_value(
        &mut self,
        a: &CellAttrs,
        row: usize,
        col: usize,
    ) -> Result<Option<Cell>, BookError> {
        self.text.clear();
        // Where the text is: <v> for most, <is><t> for an inline string.
        let mut in_text = false;
        let mut found = false;
        // A formula (<f>…</f>, or <f …/> sharing another cell's).
        let mut formula = false;
        let too_long = || BookError::Limit(Exceeded::at(Limit::CellChars, row, Some(col)));
        loop {
            match self.xml.next()? {
                Event::End(e) if e.local_name().as_ref() == "c" => break,
                Event::Eof => break,
                Event::Start(e) => {
                    let name = xml::local(&e);
                    match name.as_slice() {
                        b"v" if a.kind != Kind::Inline => {
                            in_text = true;
                            found = true;
                        }
                        b"t" if a.kind == Kind::Inline => {
                            in_text = true;
                            found = true;
                        }
                        b"f" => {
                            formula = true;
                            self.xml.skip_element()?;
                        }
                        b"rPh" => self.xml.skip_element()?,
                        _ => {}
                    }
                }
                Event::Empty(e) if e.local_name().as_ref() == "f" => formula = true,
                Event::End(e) if matches!(e.local_name().as_ref(), "v" | "t") => in_text = false,
                Event::Text(t) if in_text => {
                    self.text.push_str(&t.xml10_content());
                    if self.text.len() > 4 * MAX_CELL_CHARS {
                        return Err(too_long());
                    }
                }
                Event::CData(t) if in_text => {
                    self.text.push_str(&t.xml10_content());
                    if self.text.len() > 4 * MAX_CELL_CHARS {
                        return Err(too_long());
                    }
                }
                Event::GeneralRef(r) if in_text => xml::push_ref(&mut self.text, &r),
                _ => {}
            }
        }
        if formula && (!found || self.text.trim().is_empty()) {
            // Saved by a program that writes formulas without computing
            // them: the value the user would see is not in the file.
            return Ok(Some(Cell::unsaved_formula()));
        }
        if !found {
            return Ok(None);
        }
        let v = self.text.trim();
        let recalculated = formula && self.recalc;
        let mut cell = match a.kind {
            Kind::Shared => {
                let i: usize = v
                    .parse()
                    .map_err(|_| BookError::Damaged(format!("shared text index {v:?}")))?;
                match self.shared.get(i) {
                    Ok(Some(s)) => Cell::text(s),
                    Ok(None) => {
                        return Err(BookError::Damaged(format!(
                            "shared text {i} of {}",
                            self.shared.len()
                        )));
                    }
                    Err(()) => return Err(too_long()),
                }
            }
            Kind::Str | Kind::Error => Cell::text(v),
            Kind::Inline => {
                let mut s = std::mem::take(&mut self.text);
                unescape_in_place(&mut s, 0);
                let cell = Cell::text(s.as_str());
                self.text = s;
                cell
            }
            Kind::Bool => Cell::text(if v == "1" || v == "true" {
                "TRUE"
            } else {
                "FALSE"
            }),
            Kind::Date => Cell::text(cells::iso_date_text(v)),
            Kind::Number => match v.parse::<f64>() {
                Ok(f) => {
                    let fmt = self.formats.get(a.style).copied().unwrap_or_default();
                    cells::number_cell(f, fmt, self.date1904)
                }
                Err(_) => Cell::text(v),
            },
        };
        // Excel computes it again on opening: its saved value may not be
        // what Excel shows.
        cell.recalculated = recalculated;
        Ok(Some(cell))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_escapes_are_read_back() {
        let mut s = String::from("keep_xA_x000D_b_x005F_x0041_");
        unescape_in_place(&mut s, 4);
        assert_eq!(s, "keep_xA\rb_x0041_");
    }
}
