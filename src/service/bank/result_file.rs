//! The bank's result file, as read: a header row naming at least the
//! reference and result columns (in Vietnamese or English, marks and case
//! aside), one row per line, and perhaps a total row that must equal the
//! lines' sum.

use std::path::Path;

use super::BankError;
use crate::domain::Money;
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

fn money_of(c: &crate::import::source::Cell) -> Option<Money> {
    let t = c.text.trim();
    if c.numeric {
        return t
            .parse::<f64>()
            .ok()
            .map(|f| Money::from_dong(f.round() as i64));
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    digits.parse::<i64>().ok().map(Money::from_dong)
}

/// Reads a result file: a header row naming at least the reference and
/// result columns, then one row per line; a row whose reference cell says
/// "Tổng cộng" holds the file's total, which must equal its lines' sum.
pub(super) fn read_result(lang: crate::i18n::Lang, path: &Path) -> Result<Vec<ResultLine>, Error> {
    let source = crate::import::source::open(path).map_err(|e| {
        use crate::i18n::Localize;
        BankError::ReadFile(e.localize(lang))
    })?;
    let mut cols: Option<(usize, usize, Option<usize>, Option<usize>)> = None;
    let mut out = Vec::new();
    let mut file_total = None;
    for row in source {
        let row = row.map_err(|e| {
            use crate::i18n::Localize;
            BankError::ReadFile(e.localize(lang))
        })?;
        let folded: Vec<String> = row
            .cells
            .iter()
            .map(|c| crate::text::fold(c.text.trim()))
            .collect();
        let Some((r, o, why, amount)) = cols else {
            let find = |names: &[&str]| folded.iter().position(|f| names.contains(&f.as_str()));
            if let (Some(r), Some(o)) = (find(REFERENCE), find(RESULT)) {
                cols = Some((r, o, find(REASON), find(AMOUNT)));
            }
            continue;
        };
        let Some(reference) = row.cell(r).map(|c| c.text.trim().to_string()) else {
            continue;
        };
        let key = crate::text::fold(&reference);
        if key.starts_with("tong") || key == "total" {
            file_total = amount.and_then(|a| row.cells.get(a)).and_then(money_of);
            continue;
        }
        let value = row.cell(o).map(|c| c.text.clone()).unwrap_or_default();
        let done = done_word(&crate::text::fold(value.trim())).ok_or(BankError::BadOutcome {
            row: row.number,
            value: value.clone(),
        })?;
        let reason = why
            .and_then(|i| row.cell(i))
            .map(|c| c.text.trim().to_string())
            .filter(|s| !s.is_empty());
        if !done && reason.is_none() {
            return Err(BankError::NoReason { row: row.number }.into());
        }
        out.push(ResultLine {
            row: row.number,
            reference: reference.to_uppercase(),
            done,
            reason,
            amount: amount.and_then(|a| row.cells.get(a)).and_then(money_of),
        });
    }
    if cols.is_none() {
        return Err(BankError::NoHeader.into());
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
