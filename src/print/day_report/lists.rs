//! III. Voided payments, IV. gaps in receipt numbers, V. people still
//! unpaid in open periods.

use super::doc::{Doc, s};
use crate::domain::report::{DayReport, Gap};
use crate::i18n::{labels, tr as t};

pub(super) fn voids(doc: &mut Doc, report: &DayReport) {
    doc.section(t("III. CÁC MÓN ĐÃ HỦY", "III. VOIDED PAYMENTS"));
    if report.voids.is_empty() {
        doc.push(format!("  {}", t("Không có.", "None.")));
        return;
    }
    for (i, v) in report.voids.iter().enumerate() {
        doc.two(
            &format!(
                "{:>3}. *** {} *** {} ({} {})",
                i + 1,
                t("ĐÃ HỦY", "VOIDED"),
                s(&v.receipt_no),
                t("chi ngày", "paid on"),
                labels::date(&s(&v.paid_on))
            ),
            &v.amount.to_string(),
        );
        doc.para(
            6,
            &format!(
                "{} · {} {}",
                labels::method(v.method),
                t("Lý do:", "Reason:"),
                s(&v.reason)
            ),
        );
        doc.para(
            6,
            &format!(
                "{} {} · {} {}",
                t("Người đề nghị:", "Requested by:"),
                s(&v.requested_by),
                t("Người duyệt:", "Approved by:"),
                s(&v.approved_by)
            ),
        );
    }
    doc.tally(2, t("Cộng hủy", "Total voided"), report.totals.voids);
}

fn gap_text(g: &Gap) -> String {
    let range = if g.from == g.to {
        format!("{} {}", t("số", "no."), g.from)
    } else {
        format!("{} {} {} {}", t("số", "nos."), g.from, t("đến", "to"), g.to)
    };
    format!(
        "!! {} {} {} {}: {range}",
        t("Thiếu biên nhận", "Missing receipts"),
        s(&g.office),
        t("năm", "year"),
        g.year
    )
}

pub(super) fn gaps(doc: &mut Doc, report: &DayReport) {
    doc.section(t(
        "IV. SỐ BIÊN NHẬN BỊ THIẾU",
        "IV. GAPS IN RECEIPT NUMBERS",
    ));
    if report.receipt_gaps.is_empty() {
        doc.push(format!(
            "  {}",
            t("Không thiếu số nào.", "No number is missing.")
        ));
        return;
    }
    for g in &report.receipt_gaps {
        doc.para(2, &gap_text(g));
    }
    doc.para(
        2,
        t(
            "Cảnh báo: số biên nhận phải liền nhau; hãy tìm hiểu vì sao thiếu trước khi khóa sổ.",
            "Warning: receipt numbers must follow each other; find out why before closing.",
        ),
    );
}

pub(super) fn unpaid(doc: &mut Doc, report: &DayReport) {
    doc.section(t(
        "V. NGƯỜI CHƯA NHẬN TRONG CÁC KỲ ĐANG MỞ",
        "V. PEOPLE STILL UNPAID IN OPEN PERIODS",
    ));
    if report.unpaid.is_empty() {
        doc.push(format!("  {}", t("Không có.", "None.")));
        return;
    }
    doc.columns(
        2,
        t("Kỳ", "Period"),
        t("Số người", "People"),
        t("Số tiền còn phải chi", "Amount still owed"),
    );
    for u in &report.unpaid {
        doc.row(
            2,
            &format!("{} {}", t("Tháng", "Month"), u.period.short_label()),
            Some(u.people),
            &u.amount.to_string(),
        );
    }
}
