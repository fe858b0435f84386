//! xlsx workbooks, read as a stream: the zip ([`super::zip`]) and its XML
//! ([`super::xml`]) under limits, one row at a time.
//!
//! Only what a list needs is read: the sheets and whether they are hidden
//! (`workbook.xml` and its links), the number formats that make a number a
//! date (`styles.xml`), the shared texts (`sharedStrings.xml`, kept packed
//! in one buffer and limited in number and size) and the cells of one sheet.
//! A sheet's declared size (`<dimension>`) is never trusted: cells are read
//! where they are, so a file with one cell at XFD1048576 costs nothing.

use super::cells::{self, NumFmt, SharedStrings};
use super::limits::{
    Limit, MAX_BOOK_SHEET_BYTES, MAX_PART_BYTES, MAX_SHARED_STRINGS_BYTES, MAX_SHEET_BYTES,
};
use super::workbook::{BookError, SheetInfo};
use super::xml::{self, Xml};
use super::zip::{Archive, Budget, PartReader};
use quick_xml::events::Event;
use std::collections::HashMap;
use std::path::Path;

mod look;
mod sheet;
pub(super) use sheet::{Sheet, unescape_in_place};
use std::sync::Arc;

/// An open xlsx: its parts found, its shared texts and formats read.
pub(super) struct Book {
    archive: Archive,
    sheets: Vec<(SheetInfo, String)>,
    date1904: bool,
    /// The workbook asks Excel to compute every formula again on opening
    /// (`fullCalcOnLoad`): the values saved with its formulas are not
    /// necessarily what Excel shows.
    recalc: bool,
    formats: Arc<Vec<NumFmt>>,
    shared: Arc<SharedStrings>,
    /// The bytes all the sheets read may unpack to together.
    sheet_budget: Budget,
    /// The same for the sheets only looked at for data ([`Book::peek`]).
    peek_budget: Budget,
    /// The sheet Excel shows on opening (an index of `sheets`).
    active: Option<usize>,
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
    let (listed, date1904, active_tab, recalc) = read_workbook(&archive, &workbook_path)?;
    // The active tab counts every sheet listed, chart sheets too.
    let mut active = None;
    let sheets: Vec<(SheetInfo, String)> = listed
        .into_iter()
        .enumerate()
        .filter_map(|(i, (info, id))| {
            let rel = rels.get(&id)?;
            (rel.kind == "worksheet").then(|| (i, info, rel.target.clone()))
        })
        .enumerate()
        .map(|(n, (i, info, target))| {
            if i == active_tab {
                active = Some(n);
            }
            (info, target)
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
        recalc,
        formats: Arc::new(formats),
        shared: Arc::new(shared),
        sheet_budget: Budget::new(MAX_BOOK_SHEET_BYTES, Limit::SheetsUnpacked),
        peek_budget: Budget::new(MAX_BOOK_SHEET_BYTES, Limit::SheetsUnpacked),
        active,
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

    /// The sheet Excel shows when the workbook is opened (its
    /// `activeTab`; the first when it says none).
    pub(super) fn active(&self) -> Option<usize> {
        self.active
    }

    /// The rows of sheet `index` (of [`Book::sheets`]), its bytes counted
    /// in the workbook's budget for sheets.
    pub(super) fn rows(&self, index: usize) -> Result<Sheet, BookError> {
        self.rows_within(index, &self.sheet_budget)
    }

    /// The rows of sheet `index` to see whether it has data: counted in
    /// a budget of their own, so that looking at the other sheets never
    /// takes from the sheet that is read.
    pub(super) fn peek(&self, index: usize) -> Result<Sheet, BookError> {
        self.rows_within(index, &self.peek_budget)
    }

    /// What sheet `index` hides (columns, merged ranges): its part read
    /// once more, under the limit of one sheet.
    pub(super) fn shown(&self, index: usize) -> Result<super::shown::Shown, BookError> {
        let entry = self.entry(index)?;
        let reader = self.archive.open_entry(entry, MAX_SHEET_BYTES)?;
        look::scan(Xml::new(reader, &entry.name))
    }

    fn entry(&self, index: usize) -> Result<&super::zip::Entry, BookError> {
        let (info, target) = &self.sheets[index];
        self.archive
            .find(target)
            .ok_or_else(|| BookError::Damaged(format!("sheet {} has no part {target}", info.name)))
    }

    fn rows_within(&self, index: usize, budget: &Budget) -> Result<Sheet, BookError> {
        let entry = self.entry(index)?;
        let reader =
            self.archive
                .open_entry_within(entry, MAX_SHEET_BYTES, Some(budget.clone()))?;
        Ok(Sheet {
            xml: Xml::new(reader, &entry.name),
            shared: self.shared.clone(),
            formats: self.formats.clone(),
            date1904: self.date1904,
            recalc: self.recalc,
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

/// What `workbook.xml` says: the sheets listed (with their relationship
/// ids), whether its dates count from 1904, and the tab Excel opens it at
/// (an index of the sheets listed), and whether Excel is asked to compute
/// every formula again on opening.
type Listed = (Vec<(SheetInfo, String)>, bool, usize, bool);

fn read_workbook(archive: &Archive, name: &str) -> Result<Listed, BookError> {
    let mut x =
        small_part(archive, name)?.ok_or_else(|| BookError::Damaged(format!("no {name}")))?;
    let mut sheets = Vec::new();
    let mut date1904 = false;
    let mut active: Option<usize> = None;
    let mut recalc = false;
    loop {
        match x.next()? {
            Event::Eof => return Ok((sheets, date1904, active.unwrap_or(0), recalc)),
            Event::Start(e) | Event::Empty(e) if xml::is(&e, "calcPr") => {
                recalc = xml::attr(&e, "fullCalcOnLoad").is_some_and(|v| v == "1" || v == "true");
            }
            // The first window's tab is the one Excel shows.
            Event::Start(e) | Event::Empty(e)
                if active.is_none() && xml::is(&e, "workbookView") =>
            {
                active = Some(
                    xml::attr(&e, "activeTab")
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(0),
                );
            }
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
}
