//! Wording with values in it for the integrity check's result.

use crate::i18n::{Lang, lang};

/// verify found nothing wrong: what it checked.
pub fn verify_ok(audit_rows: i64, payments: i64, closed_days: usize, batches: usize) -> String {
    match lang() {
        Lang::Vi => format!(
            "OK — {audit_rows} dòng nhật ký nối liền, {payments} lần chi khớp nhật ký, {closed_days} ngày đã khóa sổ khớp, {batches} lô nhập nguyên vẹn."
        ),
        Lang::En => format!(
            "OK — {audit_rows} audit rows chained, {payments} payments match the log, {closed_days} closed days match, {batches} import batches intact."
        ),
    }
}

/// verify found problems.
pub fn verify_problems(n: usize) -> String {
    match lang() {
        Lang::Vi => format!("CÓ {n} VẤN ĐỀ:"),
        Lang::En => format!("{n} PROBLEMS:"),
    }
}
