//! The day report as an official-looking Excel sheet, written with
//! rust_xlsxwriter, for printing, signing and filing.
//!
//! One sheet, "Báo cáo ngày", nine columns (A–I), A4 landscape fitted to
//! one page wide, the payments table's heading repeated on every printed
//! page, page numbers in the footer. From the top:
//! - the two-sided heading: the post office on the left ("BƯU ĐIỆN
//!   <province>", the office's name, its code), the national heading on the
//!   right ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh
//!   phúc") and under it the place and the date written out ("Xã …, ngày 03
//!   tháng 12 năm 2026");
//! - the title, the paying agency, whether the day is closed (when and by
//!   whom) or this is a mid-day report, and why it cannot be closed yet;
//! - bordered tables: I. totals (payments, voids, net) and by method,
//!   II. by category, III. by clerk (paid, expected, counted, difference),
//!   then each clerk's methods and drawer with the count by denomination,
//!   IV. cash over the office, V. voids, VI. receipt-number gaps, VII. people
//!   still unpaid, VIII. the day's payments (voided ones struck through and
//!   marked "ĐÃ HỦY");
//! - the net total as a number and in words, the audit seal, and three
//!   signature blocks with "(Ký, ghi rõ họ tên)".
//!
//! Amounts are numbers in whole đồng with the format `#,##0`, which a
//! Vietnamese Excel shows as 2.789.000. Every name or reason from the
//! database goes through `for_display`. Nothing is computed here except the
//! value of each banknote line of a count. The document's creation date is
//! the report's day, so the same report always gives the same bytes.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, FormatUnderline, Workbook,
    Worksheet, XlsxError,
};

use crate::config::Office;
use crate::domain::Money;
use crate::domain::report::{Blocker, ClerkDay, DayReport, Seal, Tally};
use crate::domain::words::in_words;
use crate::i18n::{labels, tr as t};
use crate::print::day_report::{hash_lines, written_date};
use crate::text::for_display;

/// Column widths, A to I.
const WIDTHS: [f64; 9] = [6.0, 18.0, 12.0, 26.0, 11.0, 16.0, 24.0, 20.0, 20.0];
const LAST_COL: u16 = WIDTHS.len() as u16 - 1;
/// The column every table puts its amounts in (F).
const AMOUNT_COL: u16 = 5;
/// The column of counts (E).
const COUNT_COL: u16 = 4;
/// Points per line of 12-point text.
const LINE_HEIGHT: f64 = 16.5;

/// The sheet's name (tests read it back by this name).
pub fn sheet_name() -> &'static str {
    t("Báo cáo ngày", "Day report")
}

/// Writes `report` of `office` as an xlsx workbook at `path`.
pub fn write_xlsx(office: &Office, report: &DayReport, path: &Path) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let day = NaiveDate::parse_from_str(&report.day, "%Y-%m-%d").map_err(|_| {
        XlsxError::ParameterError(format!(
            "{} {}",
            t("ngày không hợp lệ:", "not a day:"),
            report.day
        ))
    })?;
    let created = u16::try_from(day.year())
        .map_err(|_| XlsxError::ParameterError(report.day.clone()))
        .and_then(|y| ExcelDateTime::from_ymd(y, day.month() as u8, day.day() as u8))?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "{} {}",
                t("Báo cáo chi trả ngày", "Daily payment report"),
                labels::date(&report.day)
            ))
            .set_author(for_display(&office.name).as_ref())
            .set_company(for_display(&office.name).as_ref())
            .set_creation_datetime(&created),
    );
    let ws = book.add_worksheet();
    ws.set_name(sheet_name())?;
    for (col, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    ws.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_footer(t("&CTrang &P/&N", "&CPage &P of &N"));
    let formats = Formats::new();
    let mut sheet = Sheet {
        ws,
        f: &formats,
        row: 0,
    };
    sheet.heading(office, report)?;
    sheet.totals(report)?;
    sheet.clerks(report)?;
    sheet.cash(report)?;
    sheet.voids(report)?;
    sheet.gaps(report)?;
    sheet.unpaid(report)?;
    sheet.payments(report)?;
    sheet.closing(report)?;
    book.save(path)
}

struct Formats {
    left_head: Format,
    left_head_bold: Format,
    national: Format,
    motto: Format,
    italic_center: Format,
    title: Format,
    subtitle: Format,
    warn: Format,
    warn_center: Format,
    section: Format,
    th: Format,
    td: Format,
    td_wrap: Format,
    td_center: Format,
    td_bold: Format,
    money: Format,
    money_bold: Format,
    count: Format,
    count_bold: Format,
    struck: Format,
    struck_center: Format,
    struck_money: Format,
    mono: Format,
    text: Format,
    italic: Format,
    sign: Format,
    sign_hint: Format,
}

impl Formats {
    fn new() -> Self {
        let base = || {
            Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(12)
                .set_align(FormatAlign::VerticalCenter)
        };
        let cell = || base().set_border(FormatBorder::Thin);
        let center = || base().set_align(FormatAlign::Center);
        Formats {
            left_head: center(),
            left_head_bold: center().set_bold(),
            national: center().set_bold(),
            motto: center().set_bold().set_underline(FormatUnderline::Single),
            italic_center: center().set_italic(),
            title: center().set_bold().set_font_size(14),
            subtitle: center().set_italic(),
            warn: base().set_bold().set_font_color("#C00000").set_text_wrap(),
            warn_center: center().set_bold().set_font_color("#C00000"),
            section: base().set_bold(),
            th: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap()
                .set_background_color("#F2F2F2"),
            td: cell(),
            td_wrap: cell().set_text_wrap(),
            td_center: cell().set_align(FormatAlign::Center),
            td_bold: cell().set_bold(),
            money: cell().set_num_format("#,##0"),
            money_bold: cell().set_bold().set_num_format("#,##0"),
            count: cell()
                .set_align(FormatAlign::Center)
                .set_num_format("#,##0"),
            count_bold: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_num_format("#,##0"),
            struck: cell().set_font_strikethrough(),
            struck_center: cell()
                .set_font_strikethrough()
                .set_align(FormatAlign::Center),
            struck_money: cell().set_font_strikethrough().set_num_format("#,##0"),
            mono: base().set_font_name("Courier New").set_font_size(11),
            text: base(),
            italic: base().set_italic().set_text_wrap(),
            sign: center().set_bold(),
            sign_hint: center().set_italic(),
        }
    }
}

/// Text from the database, harmless anywhere.
fn s(v: &str) -> String {
    for_display(v).into_owned()
}

fn dong(m: Money) -> f64 {
    // Whole đồng within ±2^53 are exact as f64; a day's amounts are far
    // below that.
    m.dong() as f64
}

/// The sheet being written and the next free row.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    f: &'a Formats,
    row: u32,
}

impl Sheet<'_> {
    /// `text` over columns `first..=last` of `row` (merged when more than one).
    fn put(
        &mut self,
        row: u32,
        first: u16,
        last: u16,
        text: &str,
        f: &Format,
    ) -> Result<(), XlsxError> {
        if first == last {
            self.ws.write_string_with_format(row, first, text, f)?;
        } else {
            self.ws.merge_range(row, first, row, last, text, f)?;
        }
        Ok(())
    }

    fn num(&mut self, row: u32, col: u16, value: f64, f: &Format) -> Result<(), XlsxError> {
        self.ws.write_number_with_format(row, col, value, f)?;
        Ok(())
    }

    /// Makes `row` tall enough for `text` wrapped in columns `first..=last`.
    fn fit_height(&mut self, row: u32, first: u16, last: u16, text: &str) -> Result<(), XlsxError> {
        let cols: f64 = WIDTHS[first as usize..=last as usize].iter().sum();
        let chars = text.chars().count() as f64;
        let lines = (chars / (cols * 1.1).max(1.0)).ceil().max(1.0);
        if lines > 1.0 {
            self.ws.set_row_height(row, LINE_HEIGHT * lines)?;
        }
        Ok(())
    }

    /// A line of text across the sheet, then the next row.
    fn line(&mut self, text: &str, f: &Format) -> Result<(), XlsxError> {
        self.put(self.row, 0, LAST_COL, text, f)?;
        self.fit_height(self.row, 0, LAST_COL, text)?;
        self.row += 1;
        Ok(())
    }

    fn section(&mut self, title: &str) -> Result<(), XlsxError> {
        self.row += 1;
        let f = &self.f.section;
        self.line(title, f)
    }

    /// A table's heading row from (first column, last column, text).
    fn head(&mut self, cells: &[(u16, u16, &str)]) -> Result<u32, XlsxError> {
        let f = &self.f.th;
        for (a, b, text) in cells {
            self.put(self.row, *a, *b, text, f)?;
        }
        self.row += 1;
        Ok(self.row - 1)
    }

    /// The heading of a label / count / amount table.
    fn tally_head(&mut self, label: &str, count: &str) -> Result<(), XlsxError> {
        self.head(&[
            (0, 0, t("STT", "No.")),
            (1, 3, label),
            (COUNT_COL, COUNT_COL, count),
            (AMOUNT_COL, AMOUNT_COL, t("Số tiền (đồng)", "Amount (đồng)")),
        ])?;
        Ok(())
    }

    /// A row of a label / count / amount table; `no` is its number, if any.
    fn tally_row(
        &mut self,
        no: Option<usize>,
        label: &str,
        count: Option<i64>,
        amount: Option<Money>,
        bold: bool,
    ) -> Result<(), XlsxError> {
        let f = self.f;
        let (td, cf, mf) = if bold {
            (&f.td_bold, &f.count_bold, &f.money_bold)
        } else {
            (&f.td_wrap, &f.count, &f.money)
        };
        let r = self.row;
        match no {
            Some(n) => self.num(r, 0, n as f64, &f.count)?,
            None => self.ws.write_blank(r, 0, &f.td).map(|_| ())?,
        }
        self.put(r, 1, 3, label, td)?;
        self.fit_height(r, 1, 3, label)?;
        match count {
            Some(c) => self.num(r, COUNT_COL, c as f64, cf)?,
            None => self.ws.write_blank(r, COUNT_COL, cf).map(|_| ())?,
        }
        match amount {
            Some(m) => self.num(r, AMOUNT_COL, dong(m), mf)?,
            None => self.ws.write_blank(r, AMOUNT_COL, mf).map(|_| ())?,
        }
        self.row += 1;
        Ok(())
    }

    fn tally(
        &mut self,
        no: Option<usize>,
        label: &str,
        t: Tally,
        bold: bool,
    ) -> Result<(), XlsxError> {
        self.tally_row(no, label, Some(t.count), Some(t.amount), bold)
    }

    fn none(&mut self) -> Result<(), XlsxError> {
        let f = &self.f.italic;
        self.line(t("Không có.", "None."), f)
    }

    fn heading(&mut self, office: &Office, report: &DayReport) -> Result<(), XlsxError> {
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

    fn totals(&mut self, report: &DayReport) -> Result<(), XlsxError> {
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

    fn clerks(&mut self, report: &DayReport) -> Result<(), XlsxError> {
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

    fn clerk(&mut self, no: usize, c: &ClerkDay) -> Result<(), XlsxError> {
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

    fn cash(&mut self, report: &DayReport) -> Result<(), XlsxError> {
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

    fn voids(&mut self, report: &DayReport) -> Result<(), XlsxError> {
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

    fn gaps(&mut self, report: &DayReport) -> Result<(), XlsxError> {
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

    fn unpaid(&mut self, report: &DayReport) -> Result<(), XlsxError> {
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

    fn payments(&mut self, report: &DayReport) -> Result<(), XlsxError> {
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

    fn seal(&mut self, label: &str, seal: &Seal) -> Result<(), XlsxError> {
        let f = &self.f.mono;
        let text = format!(
            "{label} #{} · SHA-256: {}",
            seal.seq,
            hash_lines(&seal.hash).join(" ")
        );
        self.line(&text, f)
    }

    fn closing(&mut self, report: &DayReport) -> Result<(), XlsxError> {
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
