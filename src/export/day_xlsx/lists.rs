//! The day's lists: V. voids, VI. receipt-number gaps, VII. people still
//! unpaid, VIII. the payments (voided ones struck through).

use rust_xlsxwriter::XlsxError;

use super::{Sheet, dong, s};
use crate::domain::report::DayReport;
use crate::i18n::{labels, tr as t};

impl Sheet<'_> {
    pub(super) fn voids(&mut self, report: &DayReport) -> Result<(), XlsxError> {
        self.section(t("V. CÁC MÓN ĐÃ HỦY", "V. VOIDED PAYMENTS"))?;
        if report.voids.is_empty() {
            return self.none();
        }
        self.head(&[
            (0, 0, t("STT", "No.")),
            (1, 1, t("Số biên nhận", "Receipt")),
            (2, 2, t("Ngày chi", "Paid on")),
            (3, 4, t("Lý do hủy", "Reason")),
            (5, 5, t("Số tiền (đồng)", "Amount (đồng)")),
            (6, 6, t("Hình thức", "Method")),
            (7, 7, t("Người đề nghị", "Requested by")),
            (8, 8, t("Người duyệt", "Approved by")),
        ])?;
        let f = self.f;
        for (i, v) in report.voids.iter().enumerate() {
            let r = self.row;
            self.num(r, 0, (i + 1) as f64, &f.count)?;
            self.put(
                r,
                1,
                1,
                &format!("{} ({})", s(&v.receipt_no), t("ĐÃ HỦY", "VOIDED")),
                &f.td_wrap,
            )?;
            self.put(r, 2, 2, &labels::date(&s(&v.paid_on)), &f.td_center)?;
            let reason = s(&v.reason);
            self.put(r, 3, 4, &reason, &f.td_wrap)?;
            self.fit_height(r, 3, 4, &reason)?;
            self.num(r, 5, dong(v.amount), &f.money)?;
            self.put(r, 6, 6, labels::method(v.method), &f.td_wrap)?;
            self.put(r, 7, 7, &s(&v.requested_by), &f.td_wrap)?;
            self.put(r, 8, 8, &s(&v.approved_by), &f.td_wrap)?;
            self.row += 1;
        }
        let r = self.row;
        self.put(r, 0, 4, t("Cộng hủy", "Total voided"), &f.td_bold)?;
        self.num(r, 5, dong(report.totals.voids.amount), &f.money_bold)?;
        self.put(r, 6, 8, "", &f.td)?;
        self.row += 1;
        Ok(())
    }

    pub(super) fn gaps(&mut self, report: &DayReport) -> Result<(), XlsxError> {
        self.section(t(
            "VI. SỐ BIÊN NHẬN BỊ THIẾU",
            "VI. GAPS IN RECEIPT NUMBERS",
        ))?;
        if report.receipt_gaps.is_empty() {
            let f = &self.f.italic;
            return self.line(t("Không thiếu số nào.", "No number is missing."), f);
        }
        let f = &self.f.warn;
        for g in &report.receipt_gaps {
            let range = if g.from == g.to {
                format!("{} {}", t("số", "no."), g.from)
            } else {
                format!("{} {} {} {}", t("số", "nos."), g.from, t("đến", "to"), g.to)
            };
            self.line(
                &format!(
                    "{} {} {} {}: {range}",
                    t("Thiếu biên nhận", "Missing receipts"),
                    s(&g.office),
                    t("năm", "year"),
                    g.year
                ),
                f,
            )?;
        }
        Ok(())
    }

    pub(super) fn unpaid(&mut self, report: &DayReport) -> Result<(), XlsxError> {
        self.section(t(
            "VII. NGƯỜI CHƯA NHẬN TRONG CÁC KỲ ĐANG MỞ",
            "VII. PEOPLE STILL UNPAID IN OPEN PERIODS",
        ))?;
        if report.unpaid.is_empty() {
            return self.none();
        }
        self.tally_head(t("Kỳ", "Period"), t("Số người", "People"))?;
        for (i, u) in report.unpaid.iter().enumerate() {
            let label = format!("{} {}", t("Tháng", "Month"), u.period.short_label());
            self.tally_row(Some(i + 1), &label, Some(u.people), Some(u.amount), false)?;
        }
        Ok(())
    }

    pub(super) fn payments(&mut self, report: &DayReport) -> Result<(), XlsxError> {
        self.section(t(
            "VIII. DANH SÁCH CHI TRẢ TRONG NGÀY",
            "VIII. THE DAY'S PAYMENTS",
        ))?;
        if report.payments.is_empty() {
            return self.none();
        }
        let head = self.head(&[
            (0, 0, t("STT", "No.")),
            (1, 1, t("Số biên nhận", "Receipt")),
            (2, 2, t("Giờ", "Time")),
            (3, 4, t("Người hưởng", "Beneficiary")),
            (5, 5, t("Số tiền (đồng)", "Amount (đồng)")),
            (6, 6, t("Hình thức", "Method")),
            (7, 7, t("Giao dịch viên", "Clerk")),
            (8, 8, t("Ghi chú", "Note")),
        ])?;
        self.ws.set_repeat_rows(head, head)?;
        let f = self.f;
        for (i, p) in report.payments.iter().enumerate() {
            let (td, center, money) = if p.voided {
                (&f.struck, &f.struck_center, &f.struck_money)
            } else {
                (&f.td, &f.td_center, &f.money)
            };
            let r = self.row;
            self.num(r, 0, (i + 1) as f64, &f.count)?;
            self.put(r, 1, 1, &s(&p.receipt_no), td)?;
            self.put(r, 2, 2, p.paid_at.get(11..16).unwrap_or(""), center)?;
            self.put(r, 3, 4, &s(&p.person), td)?;
            self.num(r, 5, dong(p.amount), money)?;
            self.put(r, 6, 6, labels::method(p.method), td)?;
            self.put(r, 7, 7, &s(&p.clerk), td)?;
            let note = if p.voided {
                t("ĐÃ HỦY", "VOIDED")
            } else {
                ""
            };
            self.put(r, 8, 8, note, &f.td_bold)?;
            self.row += 1;
        }
        let r = self.row;
        self.put(
            r,
            0,
            3,
            t(
                "Cộng chi trả (kể cả món đã hủy)",
                "Total paid (voided included)",
            ),
            &f.td_bold,
        )?;
        self.num(r, 4, report.totals.payments.count as f64, &f.count_bold)?;
        self.num(r, 5, dong(report.totals.payments.amount), &f.money_bold)?;
        self.put(r, 6, 8, "", &f.td)?;
        self.row += 1;
        Ok(())
    }
}
