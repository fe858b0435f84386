//! The office's totals: I. payments, voids and net by method, II. by
//! category, and IV. the cash over the office.

use rust_xlsxwriter::XlsxError;

use super::{Sheet, s};
use crate::domain::report::DayReport;
use crate::i18n::{labels, tr as t};

impl Sheet<'_> {
    pub(super) fn totals(&mut self, report: &DayReport) -> Result<(), XlsxError> {
        let tot = &report.totals;
        self.section(t(
            "I. TỔNG HỢP VÀ THEO HÌNH THỨC CHI TRẢ",
            "I. TOTALS AND BY METHOD",
        ))?;
        self.tally_head(t("Khoản", "Item"), t("Số món", "Count"))?;
        for (i, (m, tally)) in tot.by_method.iter().enumerate() {
            self.tally(Some(i + 1), labels::method(*m), *tally, false)?;
        }
        self.tally(
            None,
            t("Tổng chi trả trong ngày", "Payments of the day"),
            tot.payments,
            false,
        )?;
        self.tally(
            None,
            t("Trừ: hủy trong ngày", "Less: voids of the day"),
            tot.voids,
            false,
        )?;
        self.tally_row(None, t("THỰC CHI", "NET PAID"), None, Some(tot.net), true)?;

        self.section(t(
            "II. THEO DIỆN ĐỐI TƯỢNG (sau hủy)",
            "II. BY CATEGORY (net of voids)",
        ))?;
        if tot.by_category.is_empty() {
            return self.none();
        }
        self.tally_head(t("Diện đối tượng", "Category"), t("Số món", "Count"))?;
        for (i, (cat, tally)) in tot.by_category.iter().enumerate() {
            self.tally(Some(i + 1), &s(cat), *tally, false)?;
        }
        self.tally_row(
            None,
            t("Cộng (thực chi)", "Total (net)"),
            None,
            Some(tot.net),
            true,
        )
    }

    pub(super) fn cash(&mut self, report: &DayReport) -> Result<(), XlsxError> {
        let tot = &report.totals;
        self.section(t("IV. TIỀN MẶT TOÀN BƯU CỤC", "IV. CASH OVER THE OFFICE"))?;
        self.tally_head(t("Khoản", "Item"), "")?;
        self.tally_row(
            Some(1),
            t(
                "Tiền mặt phải có (các két đã mở)",
                "Cash expected (opened drawers)",
            ),
            None,
            Some(tot.cash_expected),
            false,
        )?;
        self.tally_row(
            Some(2),
            t("Tiền mặt đã đếm", "Cash counted"),
            None,
            Some(tot.cash_counted),
            false,
        )?;
        self.tally_row(
            Some(3),
            t(
                "Chênh lệch (các két đã đếm)",
                "Difference (counted drawers)",
            ),
            None,
            Some(report.difference()),
            true,
        )
    }
}
