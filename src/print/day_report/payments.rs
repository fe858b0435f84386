//! VI. The day's payments as a table fitted to the page, voided ones
//! marked, with a legend of the short method names.

use super::super::text::{WIDTH, pad, right, width};
use super::doc::{Doc, s};
use crate::domain::payment::PayMethod;
use crate::domain::report::DayReport;
use crate::i18n::{labels, tr as t};

/// A short name for a table column: the name if it fits, else initials
/// before the given name ("Phạm Văn Long" → "P.V. Long").
fn short_name(full: &str, cols: usize) -> String {
    let full = s(full);
    if width(&full) <= cols {
        return full;
    }
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.split_last() {
        Some((last, init)) if !init.is_empty() => {
            let initials: String = init
                .iter()
                .filter_map(|w| w.chars().next())
                .flat_map(|c| [c, '.'])
                .collect();
            format!("{initials} {last}")
        }
        _ => full,
    }
}

fn method_short(m: PayMethod) -> &'static str {
    match m {
        PayMethod::Cash => t("TM quầy", "Counter"),
        PayMethod::Home => t("TM nhà", "Home"),
        PayMethod::Bank => t("CK NH", "Bank"),
        PayMethod::Wallet => t("TK số", "Digital"),
    }
}

pub(super) fn payments(doc: &mut Doc, report: &DayReport) {
    doc.section(t(
        "VI. DANH SÁCH CHI TRẢ TRONG NGÀY",
        "VI. THE DAY'S PAYMENTS",
    ));
    if report.payments.is_empty() {
        doc.push(format!("  {}", t("Không có.", "None.")));
        return;
    }
    let no_w = report.payments.len().to_string().len().max(3);
    let receipt_w = report
        .payments
        .iter()
        .map(|p| width(&s(&p.receipt_no)))
        .max()
        .unwrap_or(0)
        .clamp(width(t("Biên nhận", "Receipt")), 18);
    let time_w = 5;
    let method_w = PayMethod::ALL
        .iter()
        .map(|m| width(method_short(*m)))
        .chain([width(t("Hình thức", "Method"))])
        .max()
        .unwrap_or(0);
    let amount_w = report
        .payments
        .iter()
        .map(|p| width(&p.amount.to_string()))
        .max()
        .unwrap_or(0)
        .max(13);
    let mut clerk_w = 12;
    let fixed = |clerk_w: usize| no_w + receipt_w + time_w + method_w + amount_w + clerk_w + 6;
    while fixed(clerk_w) + 8 > WIDTH && clerk_w > 4 {
        clerk_w -= 1;
    }
    let person_w = WIDTH.saturating_sub(fixed(clerk_w)).max(1);
    let line = |no: &str,
                receipt: &str,
                time: &str,
                person: &str,
                method: &str,
                amount: &str,
                clerk: &str| {
        format!(
            "{} {} {} {} {} {} {}",
            right(no, no_w),
            pad(receipt, receipt_w),
            pad(time, time_w),
            pad(person, person_w),
            pad(method, method_w),
            right(amount, amount_w),
            pad(clerk, clerk_w)
        )
        .trim_end()
        .to_string()
    };
    doc.push(line(
        t("STT", "No."),
        t("Biên nhận", "Receipt"),
        t("Giờ", "Time"),
        t("Người hưởng", "Beneficiary"),
        t("Hình thức", "Method"),
        t("Số tiền", "Amount"),
        t("GDV", "Clerk"),
    ));
    doc.push("-".repeat(WIDTH));
    for (i, p) in report.payments.iter().enumerate() {
        doc.push(line(
            &(i + 1).to_string(),
            &s(&p.receipt_no),
            p.paid_at.get(11..16).unwrap_or(""),
            &s(&p.person),
            method_short(p.method),
            &p.amount.to_string(),
            &short_name(&p.clerk, clerk_w),
        ));
        if p.voided {
            doc.push(format!(
                "{}*** {} ***",
                " ".repeat(no_w + 1),
                t(
                    "ĐÃ HỦY — xem mục III, không tính vào thực chi",
                    "VOIDED — see III, not part of the net"
                )
            ));
        }
    }
    doc.push("-".repeat(WIDTH));
    doc.tally(2, t("Cộng chi trả", "Total paid"), report.totals.payments);
    let legend: Vec<String> = PayMethod::ALL
        .iter()
        .map(|m| format!("{} = {}", method_short(*m), labels::method(*m)))
        .collect();
    doc.para(
        2,
        &format!("{} {}", t("Hình thức:", "Methods:"), legend.join("; ")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clerks_too_long_for_the_column_are_shown_by_initials() {
        assert_eq!(short_name("Phạm Văn Long", 12), "P.V. Long");
        assert_eq!(short_name("Lê Thị Hoa", 12), "Lê Thị Hoa");
    }
}
