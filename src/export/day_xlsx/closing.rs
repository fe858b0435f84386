//! The end of the sheet: the net total in figures and in words, the audit
//! seal, and the three signature blocks.

use rust_xlsxwriter::XlsxError;

use super::{AMOUNT_COL, Sheet, dong};
use crate::domain::report::{DayReport, Seal};
use crate::domain::words::in_words;
use crate::i18n::tr as t;
use crate::print::day_report::hash_lines;

impl Sheet<'_> {
    pub(super) fn seal(&mut self, label: &str, seal: &Seal) -> Result<(), XlsxError> {
        let f = &self.f.mono;
        let text = format!(
            "{label} #{} · SHA-256: {}",
            seal.seq,
            hash_lines(&seal.hash).join(" ")
        );
        self.line(&text, f)
    }

    pub(super) fn closing(&mut self, report: &DayReport) -> Result<(), XlsxError> {
        let f = self.f;
        self.row += 1;
        let r = self.row;
        self.put(
            r,
            0,
            4,
            t("TỔNG SỐ TIỀN THỰC CHI TRONG NGÀY", "NET PAID IN THE DAY"),
            &f.td_bold,
        )?;
        self.num(r, AMOUNT_COL, dong(report.totals.net), &f.money_bold)?;
        self.row += 1;
        self.line(
            &format!(
                "{} {}",
                t("Bằng chữ:", "In words:"),
                in_words(report.totals.net.dong())
            ),
            &f.italic,
        )?;
        match (&report.closed, &report.audit_head) {
            (Some(c), _) => self.seal(t("Dấu niêm phong nhật ký:", "Audit log seal:"), &c.seal)?,
            (None, Some(h)) => self.seal(
                t(
                    "Đầu nhật ký lúc lập báo cáo (chưa niêm phong):",
                    "Audit log head (not sealed):",
                ),
                h,
            )?,
            (None, None) => self.line(
                t("Nhật ký kiểm toán còn trống.", "The audit log is empty."),
                &f.text,
            )?,
        }
        self.row += 1;
        let blocks: [(u16, u16, &str); 3] = [
            (0, 2, t("Người lập biểu", "Prepared by")),
            (3, 4, t("Kiểm soát", "Checked by")),
            (6, 8, t("Trưởng bưu cục", "Head of office")),
        ];
        let hint = t("(Ký, ghi rõ họ tên)", "(Signature, full name)");
        let r = self.row;
        for (a, b, role) in blocks {
            self.put(r, a, b, role, &f.sign)?;
            self.put(r + 1, a, b, hint, &f.sign_hint)?;
        }
        self.row += 6;
        Ok(())
    }
}
