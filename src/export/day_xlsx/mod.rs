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
//!
//! The files of this folder: `formats.rs` (the cell formats), `cells.rs`
//! (writing text, numbers and table rows), then one file per part of the
//! sheet in the order above: `heading.rs`, `totals.rs` (I, II and IV),
//! `clerks.rs` (III), `lists.rs` (V to VIII), `closing.rs`.

mod cells;
mod clerks;
mod closing;
mod formats;
mod heading;
mod lists;
mod totals;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use crate::config::Office;
use crate::domain::Money;
use crate::domain::report::DayReport;
use crate::i18n::{labels, tr as t};
use crate::text::for_display;
use formats::Formats;

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
