//! xlsx workbooks, read as a stream: the zip ([`super::zip`]) and its XML
//! ([`super::xml`]) under limits, one row at a time.
//!
//! Only what a list needs is read: the sheets and whether they are hidden
//! (`workbook.xml` and its links), the number formats that make a number a
//! date (`styles.xml`), the shared texts (`sharedStrings.xml`, kept packed
//! in one buffer and limited in number and size) and the cells of one sheet.
//! A sheet's declared size (`<dimension>`) is never trusted: cells are read
//! where they are, so a file with one cell at XFD1048576 costs nothing.

use super::Cell;
use super::SheetRow;
use super::cells::{self, NumFmt, RowBuilder, SharedStrings};
use super::limits::{
    Exceeded, Limit, MAX_BOOK_SHEET_BYTES, MAX_CELL_CHARS, MAX_PART_BYTES,
    MAX_SHARED_STRINGS_BYTES, MAX_SHEET_BYTES,
};
use super::workbook::{BookError, SheetInfo};
use super::xml::{self, Xml};
use super::zip::{Archive, Budget, PartReader};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// An open xlsx: its parts found, its shared texts and formats read.
pub(super) struct Book {
    archive: Archive,
    sheets: Vec<(SheetInfo, String)>,
    date1904: bool,
    formats: Arc<Vec<NumFmt>>,
    shared: Arc<SharedStrings>,
    /// The bytes all the sheets read may unpack to together.
    sheet_budget: Budget,
}

/// A relationship of a part: its type (the last word of the URI) and the
/// part it points to.
struct Rel {
    kind: String,
    target: String,
}

pub(super) fn open(path: &Path) -> Result<Book, BookError> {
    let archive = Archive::open(path)?;
    if archive.is_empty() {
        return Err(BookError::Damaged("no parts".into()));
    }
    let workbook_path = read_rels(&archive, "_rels/.rels", "")?
        .into_values()
        .find(|r| r.kind == "officeDocument")
        .map_or_else(|| "xl/workbook.xml".to_owned(), |r| r.target);
    let dir = match workbook_path.rfind('/') {
        Some(i) => &workbook_path[..=i],
        None => "",
    };
    let rels_path = format!("{dir}_rels/{}.rels", &workbook_path[dir.len()..]);
    let rels = read_rels(&archive, &rels_path, dir)?;
    let (listed, date1904) = read_workbook(&archive, &workbook_path)?;
    let sheets = listed
        .into_iter()
        .filter_map(|(info, id)| {
            let rel = rels.get(&id)?;
            (rel.kind == "worksheet").then(|| (info, rel.target.clone()))
        })
        .collect();
    let part_of = |kind: &str, default: &str| {
        rels.values()
            .find(|r| r.kind == kind)
            .map_or_else(|| format!("{dir}{default}"), |r| r.target.clone())
    };
    let formats = read_styles(&archive, &part_of("styles", "styles.xml"))?;
    let shared = read_shared_strings(&archive, &part_of("sharedStrings", "sharedStrings.xml"))?;
    Ok(Book {
        archive,
        sheets,
        date1904,
        formats: Arc::new(formats),
        shared: Arc::new(shared),
        sheet_budget: Budget::new(MAX_BOOK_SHEET_BYTES, Limit::SheetsUnpacked),
    })
}

impl Book {
    /// The worksheets, in the workbook's order.
    pub(super) fn sheets(&self) -> Vec<SheetInfo> {
        self.sheets.iter().map(|(info, _)| info.clone()).collect()
    }

    /// Sets the budget of the sheets to `max` bytes (to test it small).
    #[cfg(test)]
    pub(super) fn set_sheet_budget(&mut self, max: u64) {
        self.sheet_budget = Budget::new(max, Limit::SheetsUnpacked);
    }

    /// The bytes the sheets have given so far.
    #[cfg(test)]
    pub(super) fn sheet_bytes_read(&self) -> u64 {
        self.sheet_budget.used()
    }

    /// What sheet `index` reads: the name of its part, as the archive
    /// spells it. Two sheets with the same key have the same rows.
    pub(super) fn part_key(&self, index: usize) -> String {
        let target = &self.sheets[index].1;
        self.archive
            .find(target)
            .map_or_else(|| target.clone(), |e| e.name.clone())
    }

    /// The rows of sheet `index` (of [`Book::sheets`]), its bytes counted
    /// in the workbook's budget for sheets.
    pub(super) fn rows(&self, index: usize) -> Result<Sheet, BookError> {
        let (info, target) = &self.sheets[index];
        let entry = self.archive.find(target).ok_or_else(|| {
            BookError::Damaged(format!("sheet {} has no part {target}", info.name))
        })?;
        let reader = self.archive.open_entry_within(
            entry,
            MAX_SHEET_BYTES,
            Some(self.sheet_budget.clone()),
        )?;
        Ok(Sheet {
            xml: Xml::new(reader, &entry.name),
            shared: self.shared.clone(),
            formats: self.formats.clone(),
            date1904: self.date1904,
            last_row: 0,
            in_data: false,
            done: false,
            text: String::new(),
        })
    }
}

/// Opens a small part (not a sheet, not the shared texts), if present.
fn small_part(archive: &Archive, name: &str) -> Result<Option<Xml<PartReader>>, BookError> {
    match archive.find(name) {
        Some(entry) => Ok(Some(Xml::new(
            archive.open_entry(entry, MAX_PART_BYTES)?,
            &entry.name,
        ))),
        None => Ok(None),
    }
}

/// The relationships of a part, by id, targets resolved against `base`.
fn read_rels(archive: &Archive, name: &str, base: &str) -> Result<HashMap<String, Rel>, BookError> {
    let mut rels = HashMap::new();
    let Some(mut x) = small_part(archive, name)? else {
        return Ok(rels);
    };
    loop {
        match x.next()? {
            Event::Eof => return Ok(rels),
            Event::Start(e) | Event::Empty(e) if xml::is(&e, "Relationship") => {
                if xml::attr(&e, "TargetMode").is_some_and(|m| m == "External") {
                    continue;
                }
                let (Some(id), Some(kind), Some(target)) = (
                    xml::attr(&e, "Id"),
                    xml::attr(&e, "Type"),
                    xml::attr(&e, "Target"),
                ) else {
                    continue;
                };
                let kind = kind.rsplit('/').next().unwrap_or_default().to_owned();
                rels.insert(
                    id.into_owned(),
                    Rel {
                        kind,
                        target: resolve(base, &target),
                    },
                );
            }
            _ => {}
        }
    }
}

/// A target path relative to the folder `base` ("xl/"), or absolute.
fn resolve(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("{base}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The sheets listed in the workbook (with their relationship ids) and
/// whether its dates count from 1904.
fn read_workbook(
    archive: &Archive,
    name: &str,
) -> Result<(Vec<(SheetInfo, String)>, bool), BookError> {
    let mut x =
        small_part(archive, name)?.ok_or_else(|| BookError::Damaged(format!("no {name}")))?;
    let mut sheets = Vec::new();
    let mut date1904 = false;
    loop {
        match x.next()? {
            Event::Eof => return Ok((sheets, date1904)),
            Event::Start(e) | Event::Empty(e) if xml::is(&e, "workbookPr") => {
                date1904 = xml::attr(&e, "date1904").is_some_and(|v| v == "1" || v == "true");
            }
            Event::Start(e) | Event::Empty(e) if xml::is(&e, "sheet") => {
                let (Some(name), Some(id)) = (xml::attr(&e, "name"), xml::attr(&e, "id")) else {
                    continue;
                };
                let visible = xml::attr(&e, "state").is_none_or(|s| s == "visible");
                sheets.push((
                    SheetInfo {
                        name: name.into_owned(),
                        visible,
                    },
                    id.into_owned(),
                ));
            }
            _ => {}
        }
    }
}

/// The number format of each cell style (`cellXfs`), as date or not.
fn read_styles(archive: &Archive, name: &str) -> Result<Vec<NumFmt>, BookError> {
    let mut styles = Vec::new();
    let Some(mut x) = small_part(archive, name)? else {
        return Ok(styles);
    };
    let mut custom: HashMap<u32, NumFmt> = HashMap::new();
    let mut in_cell_xfs = false;
    loop {
        match x.next()? {
            Event::Eof => return Ok(styles),
            Event::Start(e) | Event::Empty(e) if xml::is(&e, "numFmt") => {
                if let (Some(id), Some(code)) =
                    (xml::attr(&e, "numFmtId"), xml::attr(&e, "formatCode"))
                    && let Ok(id) = id.parse()
                {
                    custom.insert(id, cells::custom(&code));
                }
            }
            Event::Start(e) if xml::is(&e, "cellXfs") => in_cell_xfs = true,
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            Event::Start(e) | Event::Empty(e) if in_cell_xfs && xml::is(&e, "xf") => {
                let id: u32 = xml::attr(&e, "numFmtId")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                styles.push(
                    custom
                        .get(&id)
                        .copied()
                        .unwrap_or_else(|| cells::builtin(id)),
                );
            }
            _ => {}
        }
    }
}

fn read_shared_strings(archive: &Archive, name: &str) -> Result<SharedStrings, BookError> {
    let mut shared = SharedStrings::default();
    let Some(entry) = archive.find(name) else {
        return Ok(shared);
    };
    let mut x = Xml::new(
        archive.open_entry(entry, MAX_SHARED_STRINGS_BYTES)?,
        &entry.name,
    );
    let mut one = shared.begin();
    let mut in_t = false;
    loop {
        match x.next()? {
            Event::Eof => break,
            Event::Start(e) if xml::is(&e, "si") => one = shared.begin(),
            Event::Empty(e) if xml::is(&e, "si") => {
                one = shared.begin();
                shared.end(one, false).map_err(BookError::Limit)?;
            }
            Event::End(e) if e.local_name().as_ref() == "si" => {
                shared.end(one, true).map_err(BookError::Limit)?;
            }
            Event::Start(e) if xml::is(&e, "rPh") => x.skip_element()?,
            Event::Start(e) if xml::is(&e, "t") => in_t = true,
            Event::End(e) if e.local_name().as_ref() == "t" => in_t = false,
            Event::Text(t) if in_t => {
                let t = t.xml10_content();
                shared.append(&mut one, &t).map_err(BookError::Limit)?;
            }
            Event::CData(t) if in_t => {
                let t = t.xml10_content();
                shared.append(&mut one, &t).map_err(BookError::Limit)?;
            }
            Event::GeneralRef(r) if in_t => {
                let mut c = String::new();
                xml::push_ref(&mut c, &r);
                shared.append(&mut one, &c).map_err(BookError::Limit)?;
            }
            _ => {}
        }
    }
    Ok(shared)
}

/// Excel writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a
/// carriage return, `_x005F_` for "_" itself): read them back in
/// `text[start..]`.
pub(super) fn unescape_in_place(text: &mut String, start: usize) {
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
pub(super) struct Sheet {
    xml: Xml<PartReader>,
    shared: Arc<SharedStrings>,
    formats: Arc<Vec<NumFmt>>,
    date1904: bool,
    last_row: usize,
    in_data: bool,
    done: bool,
    /// A cell's text as it is read, reused.
    text: String,
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

/// The row number a `<row>` gives, if any.
fn row_number(e: &BytesStart<'_>) -> Option<usize> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "r")
        .and_then(|a| a.value.trim().parse().ok())
}

impl Sheet {
    /// The next row that has a cell with a value; `None` at the end.
    pub(super) fn next_row(&mut self) -> Result<Option<SheetRow>, BookError> {
        while !self.done {
            let (number, has_cells) = match self.xml.next()? {
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
                Event::Start(e) if self.in_data && xml::is(&e, "row") => (row_number(&e), true),
                Event::Empty(e) if self.in_data && xml::is(&e, "row") => (row_number(&e), false),
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
                return Ok(Some(row.finish()));
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
                        b"rPh" | b"f" => self.xml.skip_element()?,
                        _ => {}
                    }
                }
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
        if !found {
            return Ok(None);
        }
        let v = self.text.trim();
        Ok(Some(match a.kind {
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
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(
            resolve("xl/", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/", "/xl/worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(
            resolve("xl/", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
    }

    #[test]
    fn excel_escapes_are_read_back() {
        let mut s = String::from("keep_xA_x000D_b_x005F_x0041_");
        unescape_in_place(&mut s, 4);
        assert_eq!(s, "keep_xA\rb_x0041_");
    }
}
