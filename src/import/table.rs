//! Finding the table inside a sheet: the header row(s), what each column is,
//! and what each following row is — a person's line, a hamlet heading, a
//! subtotal, the total, or the end of the table.
//!
//! [`locate`] reads the first rows to find the header (one or two rows, with
//! merged group cells), then hands back a [`Table`] that classifies the
//! remaining rows one by one as they stream from the [`Source`] iterator.
//! Nothing after the total row or the signature lines is given as a row of
//! the table; the rest of the file is still read to its end, to find damage
//! (a workbook cut short, a part whose CRC does not match) and a person's
//! line left there — outside the table and its total — which is given as
//! [`TableRow::AfterEnd`] to be refused, never dropped unseen.
//!
//! It does not check values: amounts, ID numbers and names are judged by the
//! validator, which gets each row's cells together with the column letter and
//! header text to name in its messages.
//!
//! [`Source`]: super::source::Source

mod delimiters;
mod forged;
mod header;
mod rows;
mod title;

use super::fields::Field;
use super::source::{Cell, SheetRow, SourceError};
use super::synonyms::Synonyms;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use delimiters::check_readings;
pub use rows::{GroupHeading, hamlet_on_file};

/// Rows searched for the header.
pub const HEADER_SEARCH_ROWS: usize = 40;

/// The gender a pair of "Nam" / "Nữ" sub-columns implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A recognised column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub field: Field,
    /// 0-based column index.
    pub index: usize,
    /// The letter Excel shows ("E").
    pub letter: String,
    /// The header as written ("Trợ cấp", or "Năm sinh / Nữ" for a
    /// sub-column), for messages.
    pub header_text: String,
    /// Set for "Năm sinh" (or "Giới tính") split into "Nam" and "Nữ"
    /// sub-columns: a value in this column implies this gender.
    pub gender: Option<Gender>,
}

/// Where the table is and what its columns are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The header's row numbers: one row, or two for a two-row header.
    pub header_rows: Vec<usize>,
    /// The column-numbering row under the header ("1 2 3 …"), skipped.
    pub numbering_row: Option<usize>,
    pub columns: Vec<Column>,
    /// Header cells that name no known field, whose columns are not read:
    /// (row number, column letter, text).
    pub unrecognised: Vec<(usize, String, String)>,
    /// The lines of the title block above the header.
    pub title: Vec<String>,
    /// (year, month) named in the title block ("THÁNG 11 NĂM 2026").
    pub period: Option<(i32, u32)>,
}

/// A row of the table after the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableRow {
    /// A person's line.
    Data(DataRow),
    Blank {
        number: usize,
    },
    /// A hamlet or group label alone on its row ("I. Thôn An Bình").
    GroupHeading(GroupHeading),
    /// A subtotal ("Cộng thôn Đông"), or amounts with no name, code or ID.
    Subtotal {
        row: DataRow,
        label: Option<String>,
    },
    /// The list's total row ("Tổng cộng"). Its amounts are the file's own
    /// totals, to be checked against the sum of the lines.
    Total {
        row: DataRow,
        label: String,
    },
    /// A row with a record code or ID number and an amount after the
    /// table ended (below its total row, its signatures, or in a second
    /// table): outside the list and its total, so never a line to pay, and
    /// never to be dropped without a word either.
    AfterEnd {
        row: DataRow,
        end: TableEnd,
    },
}

/// Why the table ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableEnd {
    /// The total row (after the people's lines) ends the table.
    AfterTotal { row: usize },
    /// Signature or date lines ("Người lập biểu", "Ngày … tháng … năm …").
    Signatures { row: usize, text: String },
    /// The sheet ran out.
    EndOfSheet,
}

/// The fields a list cannot do without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    FullName,
    RecordCodeOrId,
    Amount,
}

/// Why the table could not be found. Data only; the wording is in
/// `crate::i18n::import_source`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    Source(SourceError),
    /// No row in the first [`HEADER_SEARCH_ROWS`] looks like a header.
    NoHeader {
        file: PathBuf,
        rows_scanned: usize,
    },
    /// A header was found but lacks required columns.
    MissingColumns {
        file: PathBuf,
        header_rows: Vec<usize>,
        missing: Vec<Required>,
        found: Vec<Column>,
    },
    /// A text file that makes a list with more than one of these
    /// delimiters: Excel may show one table and chitra read another.
    AmbiguousDelimiter {
        file: PathBuf,
        delimiters: Vec<char>,
    },
    /// A header cell (`column` letter of `row`) written with letters of
    /// another alphabet that look like Latin ones, which then reads as the
    /// header of `field`.
    ForgedHeader {
        file: PathBuf,
        row: usize,
        column: String,
        text: String,
        field: Field,
    },
    /// The header row (of the header's rows, the first so) is one Excel
    /// hides: whoever reads the list in Excel sees other names over the
    /// columns, or none, and may read another table than chitra would.
    HiddenHeader {
        file: PathBuf,
        row: usize,
    },
    /// Columns the header names, and chitra would read, are hidden in
    /// Excel (hidden, or narrower than a character): what they hold is
    /// not what whoever reads the list sees.
    HiddenColumns {
        file: PathBuf,
        columns: Vec<Column>,
    },
}

crate::localized_error!(TableError);

impl From<SourceError> for TableError {
    fn from(e: SourceError) -> Self {
        TableError::Source(e)
    }
}

/// A row's cells with the table's columns, to read values by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataRow {
    number: usize,
    cells: Vec<Cell>,
    columns: Arc<[Column]>,
    hidden: bool,
}

impl DataRow {
    /// The row number Excel shows.
    pub fn number(&self) -> usize {
        self.number
    }

    /// Whether the sheet hides the row: whoever reads the list in Excel
    /// does not see it.
    pub fn hidden(&self) -> bool {
        self.hidden
    }

    /// The first column read whose cell does not hold what Excel shows,
    /// with its problem: a number its format shows as something else (see
    /// [`Cell::masked`]); on a person's row, a formula whose value the file
    /// does not keep ([`Cell::unsaved_formula`]), or whose saved value
    /// Excel replaces on opening ([`Cell::recalculated`]) — but for the
    /// row's total, which is checked against the row's amounts. The total
    /// row's figures are checked against the lines, so only their formats
    /// matter there (`total_row`).
    pub fn masked(&self, total_row: bool) -> Option<crate::import::record::Problem> {
        use crate::import::record::Problem;
        self.columns.iter().find_map(|col| {
            let cell = self.cells.get(col.index)?;
            let (column, header) = (col.letter.clone(), col.header_text.clone());
            let checked_by_sums = total_row || col.field == Field::RowTotal;
            if cell.masked && !cell.is_empty() {
                Some(Problem::MaskedNumber { column, header })
            } else if !total_row && cell.unsaved_formula || cell.recalculated && !checked_by_sums {
                Some(Problem::FormulaWithoutValue { column, header })
            } else {
                None
            }
        })
    }

    /// The value of `field`: the first non-empty cell among its columns.
    pub fn get(&self, field: Field) -> Option<&Cell> {
        self.value(field).map(|(_, c)| c)
    }

    /// The value of `field` with the column it came from.
    pub fn value(&self, field: Field) -> Option<(&Column, &Cell)> {
        self.values().find(|(col, _)| col.field == field)
    }

    /// The column `field` was read from (or would be: its first column).
    pub fn column(&self, field: Field) -> Option<&Column> {
        self.value(field)
            .map(|(col, _)| col)
            .or_else(|| self.columns.iter().find(|c| c.field == field))
    }

    /// Every recognised column with a non-empty cell, left to right.
    pub fn values(&self) -> impl Iterator<Item = (&Column, &Cell)> {
        self.columns.iter().filter_map(|col| {
            self.cells
                .get(col.index)
                .filter(|c| !c.is_empty())
                .map(|c| (col, c))
        })
    }

    /// The gender implied by a value in a "Nam" or "Nữ" sub-column.
    pub fn implied_gender(&self) -> Option<Gender> {
        self.values().find_map(|(col, _)| col.gender)
    }

    /// All the row's cells, from column A.
    pub fn cells(&self) -> &[Cell] {
        &self.cells
    }

    /// The table's columns (shared by every row).
    pub fn columns(&self) -> Arc<[Column]> {
        self.columns.clone()
    }

    /// Takes the value of `field` out of the row, leaving its cell empty,
    /// with the column it came from (`columns` is [`DataRow::columns`]).
    pub fn take_value<'c>(
        &mut self,
        field: Field,
        columns: &'c [Column],
    ) -> Option<(&'c Column, Cell)> {
        let col = columns.iter().find(|c| {
            c.field == field && self.cells.get(c.index).is_some_and(|cell| !cell.is_empty())
        })?;
        Some((col, std::mem::take(&mut self.cells[col.index])))
    }
}

/// The table: its [`Layout`], and an iterator over its rows after the
/// header, ending at the total row, the signatures or the end of the sheet.
pub struct Table<I> {
    layout: Layout,
    columns: Arc<[Column]>,
    ahead: VecDeque<Result<SheetRow, SourceError>>,
    rows: I,
    seen_people: bool,
    end: Option<TableEnd>,
    /// The rows after the end have been read.
    drained: bool,
}

impl<I> Table<I> {
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Refuses the table when a column it reads is one of `hidden` (the
    /// 0-based columns the sheet hides, [`super::source::Source::hidden_columns`]),
    /// naming every such column.
    pub fn refuse_hidden_columns(&self, file: &Path, hidden: &[usize]) -> Result<(), TableError> {
        let columns: Vec<Column> = self
            .layout
            .columns
            .iter()
            .filter(|c| hidden.contains(&c.index))
            .cloned()
            .collect();
        if columns.is_empty() {
            return Ok(());
        }
        Err(TableError::HiddenColumns {
            file: file.to_owned(),
            columns,
        })
    }

    /// Why the table ended, once it has.
    pub fn end(&self) -> Option<&TableEnd> {
        self.end.as_ref()
    }
}

/// Finds the table in `rows` (read from `file`, named in errors).
pub fn locate<I>(file: &Path, rows: I, synonyms: &Synonyms) -> Result<Table<I>, TableError>
where
    I: Iterator<Item = Result<SheetRow, SourceError>>,
{
    locate_needing(file, rows, synonyms, true)
}

/// [`locate`], for a list whose rows may have no amount column (a
/// decrease list names people and months; an adjustment list has its old
/// and new amounts) when `amount_required` is false.
pub fn locate_needing<I>(
    file: &Path,
    mut rows: I,
    synonyms: &Synonyms,
    amount_required: bool,
) -> Result<Table<I>, TableError>
where
    I: Iterator<Item = Result<SheetRow, SourceError>>,
{
    // The header may be two rows, followed by a numbering row: read two more.
    // A read error stops the search; it is reported in its place among the
    // rows if a header was found before it.
    let mut head: Vec<SheetRow> = Vec::new();
    let mut error = None;
    while head.len() < HEADER_SEARCH_ROWS + 2 {
        match rows.next() {
            Some(Ok(row)) => head.push(row),
            Some(Err(e)) => {
                error = Some(e);
                break;
            }
            None => break,
        }
    }
    let scanned = head.len().min(HEADER_SEARCH_ROWS);
    let Some(found) = header::find(&head, scanned, synonyms) else {
        return Err(match error {
            Some(e) => TableError::Source(e),
            None => TableError::NoHeader {
                file: file.to_owned(),
                rows_scanned: scanned,
            },
        });
    };
    let header_cells: Vec<&SheetRow> = std::iter::once(found.upper)
        .chain(found.lower)
        .map(|i| &head[i])
        .collect();
    forged::check(file, &header_cells, synonyms)?;
    let last_header = found.lower.unwrap_or(found.upper);
    let header_rows: Vec<usize> = std::iter::once(found.upper)
        .chain(found.lower)
        .map(|i| head[i].number)
        .collect();
    if let Some(i) = std::iter::once(found.upper)
        .chain(found.lower)
        .find(|&i| head[i].hidden)
    {
        return Err(TableError::HiddenHeader {
            file: file.to_owned(),
            row: head[i].number,
        });
    }

    let mut missing = missing_fields(&found.columns);
    if !amount_required {
        missing.retain(|m| *m != Required::Amount);
    }
    if !missing.is_empty() {
        return Err(TableError::MissingColumns {
            file: file.to_owned(),
            header_rows,
            missing,
            found: found.columns,
        });
    }

    let title: Vec<String> = head[..found.upper]
        .iter()
        .filter(|r| !r.is_blank())
        .map(|r| {
            r.cells
                .iter()
                .filter(|c| !c.is_empty())
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let period = title::period_hint(&title);

    let mut body = last_header + 1;
    let mut numbering_row = None;
    if head.get(body).is_some_and(header::is_numbering_row) {
        numbering_row = Some(head[body].number);
        body += 1;
    }
    let ahead: VecDeque<Result<SheetRow, SourceError>> = head
        .drain(body.min(head.len())..)
        .map(Ok)
        .chain(error.map(Err))
        .collect();
    let columns: Arc<[Column]> = found.columns.clone().into();
    Ok(Table {
        layout: Layout {
            header_rows,
            numbering_row,
            columns: found.columns,
            unrecognised: found
                .unrecognised
                .into_iter()
                .map(|(i, letter, text)| (head[i].number, letter, text))
                .collect(),
            title,
            period,
        },
        columns,
        ahead,
        rows,
        seen_people: false,
        end: None,
        drained: false,
    })
}

fn missing_fields(columns: &[Column]) -> Vec<Required> {
    let has = |p: &dyn Fn(Field) -> bool| columns.iter().any(|c| p(c.field));
    let mut missing = Vec::new();
    if !has(&|f| f == Field::FullName) {
        missing.push(Required::FullName);
    }
    if !has(&|f| matches!(f, Field::RecordCode | Field::IdNumber)) {
        missing.push(Required::RecordCodeOrId);
    }
    if !has(&|f| matches!(f, Field::Amount(_))) {
        missing.push(Required::Amount);
    }
    missing
}

impl<I> Table<I>
where
    I: Iterator<Item = Result<SheetRow, SourceError>>,
{
    /// Once the table has ended: the rest of the file is read, so that a
    /// workbook damaged after the table — cut short, or a part whose CRC
    /// does not match — is still refused, and a person's line left below
    /// the end is given as [`TableRow::AfterEnd`]. The footer's other rows
    /// (signatures, names, dates) are nobody's and are not given.
    fn after_end(&mut self) -> Option<Result<TableRow, SourceError>> {
        while !self.drained {
            let item = match self.ahead.pop_front().or_else(|| self.rows.next()) {
                Some(item) => item,
                None => break,
            };
            match item {
                Ok(row) if rows::looks_like_person(&row, &self.columns) => {
                    let end = self.end.clone().unwrap_or(TableEnd::EndOfSheet);
                    return Some(Ok(TableRow::AfterEnd {
                        row: DataRow {
                            number: row.number,
                            cells: row.cells,
                            columns: self.columns.clone(),
                            hidden: row.hidden,
                        },
                        end,
                    }));
                }
                Ok(_) => {}
                Err(
                    e @ (SourceError::BadWorkbook { .. }
                    | SourceError::Io { .. }
                    | SourceError::RunawayQuote { .. }),
                ) => {
                    self.drained = true;
                    return Some(Err(e));
                }
                Err(_) => {}
            }
        }
        self.drained = true;
        None
    }
}

impl<I> Iterator for Table<I>
where
    I: Iterator<Item = Result<SheetRow, SourceError>>,
{
    type Item = Result<TableRow, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.end.is_some() {
            return self.after_end();
        }
        let row = match self.ahead.pop_front().or_else(|| self.rows.next()) {
            Some(Ok(row)) => row,
            Some(Err(e)) => return Some(Err(e)),
            None => {
                self.end = Some(TableEnd::EndOfSheet);
                return None;
            }
        };
        let data = |row: SheetRow| DataRow {
            number: row.number,
            cells: row.cells,
            columns: self.columns.clone(),
            hidden: row.hidden,
        };
        let number = row.number;
        Some(Ok(match rows::classify(&row, &self.columns) {
            rows::Class::Blank => TableRow::Blank { number },
            rows::Class::Data => {
                self.seen_people = true;
                TableRow::Data(data(row))
            }
            rows::Class::Heading(h) => TableRow::GroupHeading(h),
            rows::Class::Subtotal(label) => TableRow::Subtotal {
                row: data(row),
                label,
            },
            rows::Class::Total(label) => {
                // Some lists put the total first, right under the header.
                if self.seen_people {
                    self.end = Some(TableEnd::AfterTotal { row: number });
                }
                TableRow::Total {
                    row: data(row),
                    label,
                }
            }
            rows::Class::End(text) => {
                self.end = Some(TableEnd::Signatures { row: number, text });
                return self.after_end();
            }
        }))
    }
}

#[cfg(test)]
mod tests;
