//! The bank's result file, as read: a header row naming at least the
//! reference and result columns (in Vietnamese or English, marks and case
//! aside), one row per line, and perhaps a total row that must equal the
//! lines' sum.

use std::path::Path;

use super::BankError;
use crate::domain::Money;
use crate::import::source::{Cell, SheetRow};
use crate::service::Error;

/// One line of the bank's result file, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ResultLine {
    pub(super) row: usize,
    pub(super) reference: String,
    pub(super) done: bool,
    pub(super) reason: Option<String>,
    pub(super) amount: Option<Money>,
}

/// The header words of each column of a result file, folded.
const REFERENCE: &[&str] = &[
    "ma tham chieu",
    "so tham chieu",
    "tham chieu",
    "ma giao dich",
    "reference",
    "ref",
];
const RESULT: &[&str] = &["ket qua", "trang thai", "result", "status"];
const REASON: &[&str] = &[
    "ly do",
    "ly do that bai",
    "ly do loi",
    "reason",
    "mo ta loi",
];
const AMOUNT: &[&str] = &["so tien", "amount"];

fn done_word(s: &str) -> Option<bool> {
    match s {
        "thanh cong" | "da chuyen" | "done" | "ok" | "success" | "hoan thanh" => Some(true),
        "that bai" | "khong thanh cong" | "loi" | "failed" | "fail" | "error" | "tu choi" => {
            Some(false)
        }
        _ => None,
    }
}

/// A column of the file, as a message names it: its letter and its
/// header ("C (Số tiền)").
#[derive(Debug, Clone)]
struct Col {
    index: usize,
    name: String,
}

impl Col {
    fn new(index: usize, header: &str) -> Col {
        Col {
            index,
            name: format!(
                "{} ({})",
                crate::import::source::column_letter(index),
                crate::text::for_display(header.trim())
            ),
        }
    }
}

/// The cell of `row` in `col`, refused when it is a formula the file keeps
/// no value of (the value the bank's staff saw is not in the file), or a
/// number its format shows as another.
fn cell<'a>(row: &'a SheetRow, col: &Col) -> Result<Option<&'a Cell>, BankError> {
    match row.cells.get(col.index) {
        Some(c) if c.unsaved_formula || c.recalculated => Err(BankError::FormulaWithoutValue {
            row: row.number,
            column: col.name.clone(),
        }),
        Some(c) if c.masked => Err(BankError::MaskedNumber {
            row: row.number,
            column: col.name.clone(),
        }),
        Some(c) if !c.is_empty() => Ok(Some(c)),
        _ => Ok(None),
    }
}

/// The amount in `col` of `row`, read the way the payer's lists are read
/// ([`crate::domain::parse_amount`]: whole đồng, grouping checked, a
/// fraction of a đồng refused), a number cell as the text it shows; a
/// negative amount refused. Nothing for an empty cell.
fn amount_of(row: &SheetRow, col: &Col) -> Result<Option<Money>, BankError> {
    let Some(c) = cell(row, col)? else {
        return Ok(None);
    };
    match crate::domain::parse_amount(&c.text) {
        Ok(Some(m)) if m.is_negative() => Err(BankError::NegativeAmount {
            row: row.number,
            column: col.name.clone(),
            amount: m,
        }),
        Ok(m) => Ok(m),
        Err(error) => Err(BankError::BadAmount {
            row: row.number,
            column: col.name.clone(),
            error,
        }),
    }
}

/// Bytes a result file may have: a batch's result is one short row per
/// line, a few hundred kilobytes for a commune's thousands of lines. A
/// larger file is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 32 << 20;

/// Result rows a file may have: more than any batch holds.
pub const MAX_ROWS: usize = 100_000;

/// Refuses what is not a file on disk (a folder, a device, a pipe, which
/// would be read without end) and a file larger than [`MAX_FILE_BYTES`],
/// from its size alone.
pub(super) fn check_size(path: &Path) -> Result<(), BankError> {
    use crate::import::source::SourceError;
    let meta = std::fs::metadata(path).map_err(|e| {
        BankError::Source(SourceError::Io {
            file: path.to_path_buf(),
            row: None,
            detail: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
        })
    })?;
    if meta.is_dir() {
        return Err(BankError::Source(SourceError::Io {
            file: path.to_path_buf(),
            row: None,
            detail: crate::i18n::os_reason(
                crate::i18n::Lang::Vi,
                &std::io::Error::from(std::io::ErrorKind::IsADirectory),
            ),
        }));
    }
    if !meta.is_file() {
        return Err(BankError::Source(SourceError::NotAFile {
            file: path.to_path_buf(),
        }));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(BankError::TooBig {
            file: path.to_path_buf(),
            bytes: meta.len(),
            max: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// The text of `col` in `row` as the gate lets text in
/// ([`crate::text::clean_field`]: NFC, white space made single spaces, a
/// control or bidi character refused with the row and the column).
fn text_of(row: &SheetRow, col: &Col) -> Result<Option<String>, BankError> {
    let Some(c) = cell(row, col)? else {
        return Ok(None);
    };
    let text = crate::text::clean_field(&c.text).map_err(|error| BankError::BadText {
        row: row.number,
        column: col.name.clone(),
        error,
    })?;
    Ok(Some(text).filter(|t| !t.is_empty()))
}

/// Refuses the columns `found` reads when Excel hides one of them
/// (`hidden`, [`crate::import::source::Source::hidden_columns`]).
fn refuse_hidden(
    found: &(Col, Col, Option<Col>, Option<Col>),
    hidden: &[usize],
) -> Result<(), BankError> {
    let (r, o, why, amount) = found;
    let columns: Vec<String> = [Some(r), Some(o), why.as_ref(), amount.as_ref()]
        .into_iter()
        .flatten()
        .filter(|c| hidden.contains(&c.index))
        .map(|c| c.name.clone())
        .collect();
    if columns.is_empty() {
        Ok(())
    } else {
        Err(BankError::HiddenColumns { columns })
    }
}

/// Reads a result file: a header row naming at least the reference and
/// result columns, then one row per line; a row whose reference cell says
/// "Tổng cộng" holds the file's total, which must equal its lines' sum.
pub(super) fn read_result(path: &Path) -> Result<Vec<ResultLine>, Error> {
    let source = crate::import::source::open(path).map_err(BankError::Source)?;
    let hidden_columns = source.hidden_columns().to_vec();
    let mut cols: Option<(Col, Col, Option<Col>, Option<Col>)> = None;
    let mut out = Vec::new();
    let mut file_total = None;
    let mut hidden_rows = Vec::new();
    for row in source {
        let row = row.map_err(BankError::Source)?;
        let folded: Vec<String> = row
            .cells
            .iter()
            .map(|c| crate::text::fold(c.text.trim()))
            .collect();
        let Some((r, o, why, amount)) = &cols else {
            let find = |names: &[&str]| {
                folded
                    .iter()
                    .position(|f| names.contains(&f.as_str()))
                    .map(|i| Col::new(i, &row.cells[i].text))
            };
            if let (Some(r), Some(o)) = (find(REFERENCE), find(RESULT)) {
                let found = (r, o, find(REASON), find(AMOUNT));
                refuse_hidden(&found, &hidden_columns)?;
                if row.hidden {
                    hidden_rows.push(row.number);
                }
                cols = Some(found);
            }
            continue;
        };
        let Some(reference) = text_of(&row, r)? else {
            continue;
        };
        if row.hidden {
            hidden_rows.push(row.number);
        }
        let key = crate::text::fold(&reference);
        if key.starts_with("tong") || key == "total" {
            file_total = match amount {
                Some(a) => amount_of(&row, a)?,
                None => None,
            };
            continue;
        }
        let value = text_of(&row, o)?.unwrap_or_default();
        let done = done_word(&crate::text::fold(&value)).ok_or(BankError::BadOutcome {
            row: row.number,
            value: value.clone(),
        })?;
        let reason = match why {
            Some(w) => text_of(&row, w)?,
            None => None,
        };
        if !done && reason.is_none() {
            return Err(BankError::NoReason { row: row.number }.into());
        }
        let amount = match amount {
            Some(a) => amount_of(&row, a)?,
            None => None,
        };
        if out.len() == MAX_ROWS {
            return Err(BankError::TooManyRows { max: MAX_ROWS }.into());
        }
        out.push(ResultLine {
            row: row.number,
            reference: reference.to_uppercase(),
            done,
            reason,
            amount,
        });
    }
    if cols.is_none() {
        return Err(BankError::NoHeader.into());
    }
    if !hidden_rows.is_empty() {
        return Err(BankError::HiddenRows { rows: hidden_rows }.into());
    }
    if out.is_empty() {
        return Err(BankError::Empty.into());
    }
    if let Some(total) = file_total {
        let lines: Money = out.iter().filter_map(|l| l.amount).sum();
        if lines != total {
            return Err(BankError::TotalDiffers { file: total, lines }.into());
        }
    }
    Ok(out)
}
