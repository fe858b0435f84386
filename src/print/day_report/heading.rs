//! The top of the page: the office, the title, whether the day is closed,
//! and why it cannot be closed yet.

use super::super::text::WIDTH;
use super::doc::{Doc, fit, s};
use crate::config::Office;
use crate::domain::report::{Blocker, DayReport};
use crate::i18n::{labels, tr as t};

pub(super) fn heading(doc: &mut Doc, office: &Office, report: &DayReport) {
    doc.centered(&s(&office.name).to_uppercase());
    doc.centered(&format!("{}, {}", s(&office.commune), s(&office.province)));
    doc.centered(&format!(
        "{} {} · {} {}",
        t("Mã bưu cục:", "Office code:"),
        s(&office.code),
        t("Chi trả thay:", "Paying for:"),
        s(&office.paying_agency)
    ));
    doc.blank();
    doc.centered(&format!(
        "{} {}",
        t("BÁO CÁO CHI TRẢ NGÀY", "DAILY PAYMENT REPORT"),
        labels::date(&s(&report.day))
    ));
    match &report.closed {
        Some(c) => doc.centered(&format!(
            "{} {} {} {}",
            t("ĐÃ KHÓA SỔ lúc", "CLOSED at"),
            labels::date_time(&s(&c.at)),
            t("bởi", "by"),
            s(&c.by)
        )),
        None => doc.centered(t(
            "CHƯA KHÓA SỔ — báo cáo giữa ngày",
            "NOT CLOSED — mid-day report",
        )),
    }
    doc.push("=".repeat(WIDTH));
}

pub(super) fn blockers(doc: &mut Doc, report: &DayReport) {
    if report.blockers.is_empty() {
        return;
    }
    doc.blank();
    doc.push(t("Chưa thể khóa sổ:", "The day cannot be closed yet:"));
    for b in &report.blockers {
        let line = match b {
            Blocker::EarlierDayOpen { .. } => format!("- {}", crate::i18n::Localize::localized(b)),
            Blocker::NotCounted { clerk } => format!(
                "- {} {} {}",
                t("Két của", "The drawer of"),
                s(clerk),
                t("chưa được đếm.", "has not been counted.")
            ),
            Blocker::NoReason { clerk, difference } => format!(
                "- {} {} {} {} {}",
                t("Két của", "The drawer of"),
                s(clerk),
                t("chênh lệch", "is off by"),
                difference,
                t("mà chưa ghi lý do.", "and no reason is written.")
            ),
        };
        for (i, l) in fit(&line, WIDTH - 4).into_iter().enumerate() {
            doc.push(format!("{}{l}", if i == 0 { "  " } else { "    " }));
        }
    }
}
