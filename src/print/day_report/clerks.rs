//! II. Each clerk: their payments by method, their voids, and their cash
//! drawer with the count by denomination.

use super::doc::{Doc, s, table_head};
use crate::domain::Money;
use crate::domain::report::{ClerkDay, DayReport};
use crate::i18n::{labels, tr as t};

/// A clerk as "Full Name (login)".
fn clerk_label(c: &ClerkDay) -> String {
    format!("{} ({})", s(&c.full_name), s(&c.name))
}

pub(super) fn clerks(doc: &mut Doc, report: &DayReport) {
    doc.section(t(
        "II. TỪNG GIAO DỊCH VIÊN VÀ KÉT TIỀN",
        "II. EACH CLERK AND THEIR DRAWER",
    ));
    if report.clerks.is_empty() {
        doc.push(format!("  {}", t("Không có.", "None.")));
    }
    for (i, c) in report.clerks.iter().enumerate() {
        if i > 0 {
            doc.blank();
        }
        let who = format!("{}. {}", i + 1, clerk_label(c));
        match &c.receipts {
            Some((first, last)) => doc.two(
                &who,
                &format!("{} {} → {}", t("Biên nhận", "Receipts"), s(first), s(last)),
            ),
            None => doc.para(0, &who),
        }
        table_head(doc, 2, t("Hình thức", "Method"));
        for (m, tally) in &c.by_method {
            doc.tally(2, labels::method(*m), *tally);
        }
        doc.tally(2, t("Cộng chi trả", "Total paid"), c.payments);
        if c.voids.count != 0 {
            doc.tally(
                2,
                t("Hủy (do GDV này đề nghị)", "Voids (asked by this clerk)"),
                c.voids,
            );
        }
        drawer(doc, c);
    }
}

fn drawer(doc: &mut Doc, c: &ClerkDay) {
    let used = c.count.is_some()
        || [c.float, c.issued, c.returned, c.cash_paid, c.cash_voided]
            .iter()
            .any(|m| !m.is_zero());
    if !used {
        doc.push(format!(
            "  {}",
            t(
                "Không dùng két tiền mặt trong ngày.",
                "No cash drawer used today."
            )
        ));
        return;
    }
    doc.push(format!("  {}", t("Tiền mặt:", "Cash:")));
    doc.money(4, t("Tiền đầu ngày (tạm ứng)", "Opening float"), c.float);
    doc.money(
        4,
        t("Nhận thêm trong ngày", "Issued during the day"),
        c.issued,
    );
    doc.money(4, t("Nộp lại", "Returned"), c.returned);
    doc.money(
        4,
        t(
            "Đã chi tiền mặt (quầy và tại nhà)",
            "Paid out in cash (counter, home)",
        ),
        c.cash_paid,
    );
    doc.money(
        4,
        t("Hoàn lại két do hủy", "Back in the drawer from voids"),
        c.cash_voided,
    );
    doc.money(4, t("PHẢI CÓ", "EXPECTED"), c.expected);
    let Some(n) = &c.count else {
        doc.row(
            4,
            t("ĐÃ ĐẾM", "COUNTED"),
            None,
            t("CHƯA ĐẾM", "NOT COUNTED"),
        );
        return;
    };
    doc.money(4, t("ĐÃ ĐẾM", "COUNTED"), n.counted);
    for (denom, notes) in n.notes.iter().rev() {
        let value = denom
            .checked_mul(*notes)
            .map(|v| Money::from_dong(v).to_string())
            .unwrap_or_default();
        doc.row(
            6,
            &format!("{} {}", t("Loại", "Notes of"), Money::from_dong(*denom)),
            Some(*notes),
            &value,
        );
    }
    if n.expected != c.expected {
        doc.para(
            6,
            &format!(
                "({} {}; {})",
                t(
                    "Lúc đếm, số phải có là",
                    "When counted, the expected cash was"
                ),
                n.expected,
                t(
                    "két đã thay đổi sau khi đếm",
                    "the drawer changed after the count"
                )
            ),
        );
    }
    doc.money(4, t("CHÊNH LỆCH", "DIFFERENCE"), n.difference);
    match n.reason.as_deref().map(str::trim) {
        Some(r) if !r.is_empty() => {
            doc.para(6, &format!("{} {}", t("Lý do:", "Reason:"), s(r)));
        }
        _ if !n.difference.is_zero() => {
            doc.para(6, t("Lý do: CHƯA GHI", "Reason: NOT GIVEN"));
        }
        _ => {}
    }
}
