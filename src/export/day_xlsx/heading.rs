//! The top of the sheet: the post office and the national heading side by
//! side, the title, whether the day is closed, and why it cannot be yet.

use rust_xlsxwriter::XlsxError;

use super::{LAST_COL, Sheet, s};
use crate::config::Office;
use crate::domain::report::{Blocker, DayReport};
use crate::i18n::{labels, tr as t};
use crate::print::day_report::written_date;

impl Sheet<'_> {
    pub(super) fn heading(&mut self, office: &Office, report: &DayReport) -> Result<(), XlsxError> {
        let f = self.f;
        let left_last = 2;
        let right_first = 4;
        self.put(
            0,
            0,
            left_last,
            &format!(
                "{} {}",
                t("BƯU ĐIỆN", "POST OFFICE OF"),
                s(&office.province).to_uppercase()
            ),
            &f.left_head,
        )?;
        self.put(
            1,
            0,
            left_last,
            &s(&office.name).to_uppercase(),
            &f.left_head_bold,
        )?;
        self.put(
            2,
            0,
            left_last,
            &format!("{} {}", t("Mã bưu cục:", "Office code:"), s(&office.code)),
            &f.italic_center,
        )?;
        self.put(
            0,
            right_first,
            LAST_COL,
            t(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "SOCIALIST REPUBLIC OF VIETNAM",
            ),
            &f.national,
        )?;
        self.put(
            1,
            right_first,
            LAST_COL,
            t(
                "Độc lập - Tự do - Hạnh phúc",
                "Independence - Freedom - Happiness",
            ),
            &f.motto,
        )?;
        self.put(
            2,
            right_first,
            LAST_COL,
            &format!("{}, {}", s(&office.commune), written_date(&report.day)),
            &f.italic_center,
        )?;
        self.row = 4;
        self.line(
            t(
                "BÁO CÁO CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG",
                "REPORT OF PREFERENTIAL ALLOWANCE PAYMENTS TO PEOPLE WITH MERITORIOUS SERVICE",
            ),
            &f.title,
        )?;
        self.line(
            &format!(
                "{} {} · {} {}",
                t("Ngày chi trả", "Day"),
                labels::date(&s(&report.day)),
                t("Chi trả thay:", "Paying for:"),
                s(&office.paying_agency)
            ),
            &f.subtitle,
        )?;
        match &report.closed {
            Some(c) => self.line(
                &format!(
                    "{} {} {} {}",
                    t("ĐÃ KHÓA SỔ lúc", "CLOSED at"),
                    labels::date_time(&s(&c.at)),
                    t("bởi", "by"),
                    s(&c.by)
                ),
                &f.left_head_bold,
            )?,
            None => self.line(
                t(
                    "CHƯA KHÓA SỔ — báo cáo giữa ngày",
                    "NOT CLOSED — mid-day report",
                ),
                &f.warn_center,
            )?,
        }
        if !report.blockers.is_empty() {
            self.line(
                t("Chưa thể khóa sổ:", "The day cannot be closed yet:"),
                &f.warn,
            )?;
            for b in &report.blockers {
                let text = match b {
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
                self.line(&text, &f.warn)?;
            }
        }
        Ok(())
    }
}
