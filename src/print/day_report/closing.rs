//! The end of the page: the net total in figures and in words, the audit
//! seal, the place and date, and three signature blocks.

use super::super::text::{WIDTH, pad, right, width};
use super::doc::{Doc, fit, s};
use super::written::{hash_lines, written_date};
use crate::config::Office;
use crate::domain::report::{DayReport, Seal};
use crate::domain::words::in_words;
use crate::i18n::tr as t;

fn seal_lines(doc: &mut Doc, label: &str, seal: &Seal) {
    doc.para(0, &format!("{label} #{} · SHA-256:", seal.seq));
    for l in hash_lines(&seal.hash) {
        doc.push(format!("    {l}"));
    }
}

pub(super) fn closing(doc: &mut Doc, office: &Office, report: &DayReport) {
    doc.blank();
    doc.push("=".repeat(WIDTH));
    doc.money(
        0,
        t("TỔNG SỐ TIỀN THỰC CHI TRONG NGÀY", "NET PAID IN THE DAY"),
        report.totals.net,
    );
    doc.para(
        0,
        &format!(
            "{} {}",
            t("Bằng chữ:", "In words:"),
            in_words(report.totals.net.dong())
        ),
    );
    doc.blank();
    match (&report.closed, &report.audit_head) {
        (Some(c), _) => seal_lines(
            doc,
            t("Dấu niêm phong nhật ký:", "Audit log seal:"),
            &c.seal,
        ),
        (None, Some(h)) => seal_lines(
            doc,
            t(
                "Đầu nhật ký lúc lập báo cáo (chưa niêm phong):",
                "Audit log head when printed (not sealed):",
            ),
            h,
        ),
        (None, None) => doc.para(
            0,
            t("Nhật ký kiểm toán còn trống.", "The audit log is empty."),
        ),
    }
    doc.blank();
    let place_date = format!("{}, {}", s(&office.commune), written_date(&report.day));
    for l in fit(&place_date, WIDTH) {
        doc.push(right(&l, WIDTH));
    }
    const CELL: usize = WIDTH / 3;
    let cells = |a: &str, b: &str, c: &str| {
        let mid = |x: &str| {
            let x = pad(x, CELL);
            let x = x.trim_end();
            let lead = (CELL - width(x)) / 2;
            format!("{}{}", " ".repeat(lead), pad(x, CELL - lead))
        };
        format!("{}{}{}", mid(a), mid(b), mid(c))
            .trim_end()
            .to_string()
    };
    doc.push(cells(
        t("Người lập biểu", "Prepared by"),
        t("Kiểm soát", "Checked by"),
        t("Trưởng bưu cục", "Head of office"),
    ));
    let hint = t("(Ký, ghi rõ họ tên)", "(Signature, full name)");
    doc.push(cells(hint, hint, hint));
    for _ in 0..4 {
        doc.blank();
    }
}
