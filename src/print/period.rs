//! A period's outcome as 80-column text: every person on the month's
//! lists, what was paid and what was not, the totals, those proposed for
//! suspension and the newest day seal.

use super::text::{center, pad, right, spread};
use crate::config::Office;
use crate::domain::period_report::{PeriodReport, Settled};
use crate::i18n::labels;
use crate::i18n::tr as t;
use crate::text::for_display;

fn settled(s: Settled) -> &'static str {
    match s {
        Settled::Paid => t("Đã chi", "Paid"),
        Settled::Unpaid => t("Chưa chi", "Unpaid"),
        Settled::Stopped => t("Dừng chi", "Stopped"),
    }
}

/// The report, each line at most 80 columns.
pub fn render(r: &PeriodReport, office: &Office) -> String {
    let mut out: Vec<String> = Vec::new();
    out.push(for_display(&office.name).chars().take(80).collect());
    out.push(center(&format!(
        "{} {}",
        t("KẾT QUẢ CHI TRẢ KỲ", "PAYMENT RESULTS FOR"),
        labels::period(r.period)
    )));
    out.push(center(&match &r.closed_at {
        Some(at) => format!("{} {}", t("Đã khóa kỳ lúc", "Closed at"), labels::date_time(at)),
        None => t("Kỳ chưa khóa: số liệu còn thay đổi", "Not closed: figures may change").to_string(),
    }));
    out.push(String::new());
    out.push(format!(
        "{}{}{}{}{}{}",
        pad(t("STT", "No"), 5),
        pad(t("Mã", "Code"), 11),
        pad(t("Họ và tên", "Name"), 25),
        pad("CCCD/CMND", 13),
        right(t("Số tiền", "Amount"), 14),
        right(t("Kết quả", "Outcome"), 12),
    ));
    out.push("-".repeat(80));
    for (i, p) in r.people.iter().enumerate() {
        out.push(format!(
            "{}{}{}{}{}{}",
            pad(&(i + 1).to_string(), 5),
            pad(&for_display(&p.code), 11),
            pad(&for_display(&p.full_name), 25),
            pad(&for_display(p.id_number.as_deref().unwrap_or("")), 13),
            right(&p.imported.format_plain(), 14),
            right(settled(p.settled), 12),
        ));
    }
    out.push("-".repeat(80));
    for (label, m) in [
        (t("Tổng số tiền theo danh sách", "Imported"), r.imported),
        (t("Đã chi", "Paid"), r.paid),
        (t("Chưa chi (chuyển kỳ sau)", "Unpaid (carried over)"), r.unpaid),
        (t("Dừng chi (tạm dừng, đã mất, chuyển đi)", "Stopped"), r.stopped),
    ] {
        out.push(spread(label, &m.to_string()));
    }
    let proposed: Vec<_> = r.proposed_for_suspension().collect();
    if !proposed.is_empty() {
        out.push(String::new());
        out.push(format!(
            "{} {} {}:",
            t("Đề nghị tạm dừng (chưa nhận", "Proposed for suspension (unpaid"),
            r.suspend_after,
            t("tháng liền)", "months in a row)")
        ));
        for p in proposed {
            out.push(format!(
                "  {} {} — {} {}",
                for_display(&p.code),
                for_display(&p.full_name),
                p.unpaid_months,
                t("tháng", "months")
            ));
        }
    }
    if let Some((day, code)) = &r.seal {
        out.push(String::new());
        out.push(format!(
            "{} {}: {code}",
            t("Mã niêm phong ngày", "Seal of"),
            labels::date(day)
        ));
    }
    let mut text = out
        .into_iter()
        .map(|l| l.chars().take(80).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}
