//! III. By clerk: the table of every clerk's paid, expected, counted and
//! difference, then each clerk's methods and drawer with the count by
//! denomination.

use rust_xlsxwriter::XlsxError;

use super::{Sheet, dong, s};
use crate::domain::Money;
use crate::domain::report::{ClerkDay, DayReport};
use crate::i18n::{labels, tr as t};

impl Sheet<'_> {
    pub(super) fn clerks(&mut self, report: &DayReport) -> Result<(), XlsxError> {
        self.section(t("III. THEO GIAO DỊCH VIÊN", "III. BY CLERK"))?;
        if report.clerks.is_empty() {
            return self.none();
        }
        self.head(&[
            (0, 0, t("STT", "No.")),
            (1, 3, t("Giao dịch viên", "Clerk")),
            (4, 4, t("Số món chi", "Payments")),
            (5, 5, t("Số tiền chi", "Amount paid")),
            (6, 6, t("Tiền mặt phải có", "Cash expected")),
            (7, 7, t("Tiền mặt đã đếm", "Cash counted")),
            (8, 8, t("Chênh lệch", "Difference")),
        ])?;
        let f = self.f;
        for (i, c) in report.clerks.iter().enumerate() {
            let r = self.row;
            self.num(r, 0, (i + 1) as f64, &f.count)?;
            self.put(
                r,
                1,
                3,
                &format!("{} ({})", s(&c.full_name), s(&c.name)),
                &f.td,
            )?;
            self.num(r, 4, c.payments.count as f64, &f.count)?;
            self.num(r, 5, dong(c.payments.amount), &f.money)?;
            self.num(r, 6, dong(c.expected), &f.money)?;
            match &c.count {
                Some(n) => {
                    self.num(r, 7, dong(n.counted), &f.money)?;
                    self.num(r, 8, dong(n.difference), &f.money)?;
                }
                None => {
                    self.put(r, 7, 7, t("chưa đếm", "not counted"), &f.td_center)?;
                    self.ws.write_blank(r, 8, &f.money)?;
                }
            }
            self.row += 1;
        }
        for (i, c) in report.clerks.iter().enumerate() {
            self.clerk(i + 1, c)?;
        }
        Ok(())
    }

    pub(super) fn clerk(&mut self, no: usize, c: &ClerkDay) -> Result<(), XlsxError> {
        self.row += 1;
        let mut title = format!("{}. {} ({})", no, s(&c.full_name), s(&c.name));
        if let Some((first, last)) = &c.receipts {
            title.push_str(&format!(
                " — {} {} {} {}",
                t("biên nhận từ", "receipts"),
                s(first),
                t("đến", "to"),
                s(last)
            ));
        }
        let f = &self.f.section;
        self.line(&title, f)?;
        self.tally_head(t("Khoản", "Item"), t("Số món / số tờ", "Count / notes"))?;
        for (i, (m, tally)) in c.by_method.iter().enumerate() {
            self.tally(Some(i + 1), labels::method(*m), *tally, false)?;
        }
        self.tally(None, t("Cộng chi trả", "Total paid"), c.payments, true)?;
        self.tally(
            None,
            t(
                "Hủy (do giao dịch viên đề nghị)",
                "Voids (asked by the clerk)",
            ),
            c.voids,
            false,
        )?;
        let rows = [
            (t("Tiền mặt đầu ngày (tạm ứng)", "Opening float"), c.float),
            (t("Nhận thêm trong ngày", "Issued during the day"), c.issued),
            (t("Nộp lại", "Returned"), c.returned),
            (
                t(
                    "Đã chi tiền mặt (tại quầy và tại nhà)",
                    "Paid out in cash (counter and home)",
                ),
                c.cash_paid,
            ),
            (
                t("Hoàn lại két do hủy", "Back in the drawer from voids"),
                c.cash_voided,
            ),
        ];
        for (label, m) in rows {
            self.tally_row(None, label, None, Some(m), false)?;
        }
        self.tally_row(
            None,
            t("Tiền mặt phải có", "Cash expected"),
            None,
            Some(c.expected),
            true,
        )?;
        let Some(n) = &c.count else {
            self.tally_row(
                None,
                t("Tiền mặt đã đếm: CHƯA ĐẾM", "Cash counted: NOT COUNTED"),
                None,
                None,
                true,
            )?;
            return Ok(());
        };
        self.tally_row(
            None,
            t("Tiền mặt đã đếm", "Cash counted"),
            None,
            Some(n.counted),
            true,
        )?;
        for (denom, notes) in n.notes.iter().rev() {
            let label = format!("    {} {}", t("Loại", "Notes of"), Money::from_dong(*denom));
            let value = denom.checked_mul(*notes).map(Money::from_dong);
            self.tally_row(None, &label, Some(*notes), value, false)?;
        }
        if n.expected != c.expected {
            let text = format!(
                "{} {}; {}",
                t(
                    "Lúc đếm, số phải có là",
                    "When counted, the expected cash was"
                ),
                n.expected,
                t(
                    "két đã thay đổi sau khi đếm",
                    "the drawer changed after the count"
                )
            );
            self.tally_row(None, &text, None, None, false)?;
        }
        self.tally_row(
            None,
            t(
                "Chênh lệch (đã đếm − phải có)",
                "Difference (counted − expected)",
            ),
            None,
            Some(n.difference),
            true,
        )?;
        let reason = match n.reason.as_deref().map(str::trim) {
            Some(r) if !r.is_empty() => Some(s(r)),
            _ if !n.difference.is_zero() => Some(t("CHƯA GHI", "NOT GIVEN").to_string()),
            _ => None,
        };
        if let Some(r) = reason {
            let text = format!(
                "{} {r}",
                t("Lý do chênh lệch:", "Reason for the difference:")
            );
            self.tally_row(None, &text, None, None, false)?;
        }
        Ok(())
    }
}
