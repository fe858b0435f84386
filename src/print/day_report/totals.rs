//! I. The office's totals: payments, voids and net, by method, by
//! category, and the cash in the drawers.

use super::doc::{Doc, s, table_head};
use crate::domain::report::DayReport;
use crate::i18n::{labels, tr as t};

pub(super) fn office_totals(doc: &mut Doc, report: &DayReport) {
    let tot = &report.totals;
    doc.section(t("I. TỔNG HỢP TOÀN BƯU CỤC", "I. OFFICE TOTALS"));
    table_head(doc, 2, t("Khoản", "Item"));
    doc.tally(
        2,
        t("Chi trả trong ngày", "Payments of the day"),
        tot.payments,
    );
    doc.tally(
        2,
        t("Hủy trong ngày (trừ ra)", "Voids of the day (less)"),
        tot.voids,
    );
    doc.money(2, t("THỰC CHI", "NET PAID"), tot.net);

    doc.blank();
    doc.push(format!(
        "  {}",
        t(
            "Theo hình thức chi trả (sau hủy):",
            "By method (net of voids):"
        )
    ));
    if tot.by_method.is_empty() {
        doc.push(format!("    {}", t("Không có.", "None.")));
    }
    for (m, tally) in &tot.by_method {
        doc.tally(4, labels::method(*m), *tally);
    }

    doc.blank();
    doc.push(format!(
        "  {}",
        t(
            "Theo diện đối tượng (sau hủy):",
            "By category (net of voids):"
        )
    ));
    if tot.by_category.is_empty() {
        doc.push(format!("    {}", t("Không có.", "None.")));
    }
    for (cat, tally) in &tot.by_category {
        doc.tally(4, &s(cat), *tally);
    }

    doc.blank();
    doc.push(format!(
        "  {}",
        t("Tiền mặt các két:", "Cash in the drawers:")
    ));
    doc.money(4, t("Phải có", "Expected"), tot.cash_expected);
    doc.money(4, t("Đã đếm", "Counted"), tot.cash_counted);
    doc.money(
        4,
        t(
            "Chênh lệch (các két đã đếm)",
            "Difference (counted drawers)",
        ),
        report.difference(),
    );
}
