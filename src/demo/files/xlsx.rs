//! The monthly list as an Excel workbook, laid out like the ones the
//! social-affairs office prints and sends.
//!
//! Rows, from the top: the two-sided title block (issuing office on the
//! left, the national motto on the right), the list's title and month, a
//! two-row header with merged cells, a row numbering the columns, then per
//! hamlet a heading row, its people and a "Cộng thôn …" subtotal, the
//! "Tổng cộng" row, and the dated signature block. As in real files some
//! amounts are text ("2.789.000") rather than numbers, zero amounts are
//! blank or "-", and a few ID numbers are number cells that lost their
//! leading zero. Which rows get which is fixed by the record code, so the
//! same people always give the same sheet.

use std::path::Path;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{AMOUNT_COLUMNS, ListHeading, check_period, format_dong};
use crate::demo::catalog::HAMLETS;
use crate::demo::people::DemoPerson;

/// The list's title line.
pub const MONTHLY_TITLE: &str =
    "DANH SÁCH CHI TRẢ TRỢ CẤP, PHỤ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG";

/// Row (0-based) of the first header row; the second follows, then the
/// column-numbering row, then the data.
pub const HEADER_ROW: u32 = 7;

/// Columns merged over the two header rows, left of the amounts.
const LEFT_HEADERS: [&str; 8] = [
    "STT",
    "Mã đối tượng",
    "Họ và tên",
    "Năm sinh",
    "Giới tính",
    "Số CCCD/CMND",
    "Thôn",
    "Loại đối tượng",
];
const FIRST_AMOUNT_COL: u16 = LEFT_HEADERS.len() as u16;
/// The row-total column, right after the amount columns.
const TOTAL_COL: u16 = FIRST_AMOUNT_COL + AMOUNT_COLUMNS.len() as u16;
const SIGN_COL: u16 = TOTAL_COL + 1;
const WIDTHS: [f64; SIGN_COL as usize + 1] = [
    5.0, 11.0, 24.0, 7.0, 7.0, 15.0, 18.0, 30.0, 12.0, 12.0, 12.0, 12.0, 12.0, 13.0, 12.0,
];

struct Formats {
    plain: Format,
    bold: Format,
    title: Format,
    italic: Format,
    header: Format,
    numbering: Format,
    text: Format,
    wrap: Format,
    center: Format,
    id_text: Format,
    id_number: Format,
    money: Format,
    money_text: Format,
    group: Format,
    sum_label: Format,
    sum_money: Format,
}

impl Formats {
    fn new() -> Self {
        let base = || {
            Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(12)
        };
        let cell = || {
            base()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter)
        };
        Formats {
            plain: base().set_align(FormatAlign::Center),
            bold: base().set_bold().set_align(FormatAlign::Center),
            title: base()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            italic: base().set_italic().set_align(FormatAlign::Center),
            header: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            numbering: cell().set_italic().set_align(FormatAlign::Center),
            text: cell(),
            wrap: cell().set_text_wrap(),
            center: cell().set_align(FormatAlign::Center),
            id_text: cell().set_align(FormatAlign::Center).set_num_format("@"),
            id_number: cell().set_align(FormatAlign::Center).set_num_format("0"),
            money: cell().set_num_format("#,##0"),
            money_text: cell().set_align(FormatAlign::Right),
            group: cell().set_bold(),
            sum_label: cell().set_bold().set_align(FormatAlign::Center),
            sum_money: cell().set_bold().set_num_format("#,##0"),
        }
    }
}

/// How a row's cells are written, fixed by its record code (FNV-1a).
struct RowStyle {
    amounts_as_text: bool,
    zero_as_dash: bool,
    id_as_number: bool,
}

impl RowStyle {
    fn of(record_code: &str) -> Self {
        let h = record_code.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        RowStyle {
            amounts_as_text: h % 100 < 25,
            zero_as_dash: (h >> 8) % 100 < 30,
            id_as_number: (h >> 16) % 100 < 5,
        }
    }
}

/// Writes the monthly payment list of `people` for `period` (year, month).
/// The same arguments always give a byte-identical file.
pub fn write_monthly_xlsx(
    path: impl AsRef<Path>,
    heading: &ListHeading,
    period: (i32, u32),
    people: &[DemoPerson],
) -> Result<(), XlsxError> {
    check_period(period).map_err(|e| XlsxError::ParameterError(e.to_string()))?;
    let (year, month) = period;
    let (sign_year, sign_month) = if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    };
    let f = Formats::new();
    let mut book = Workbook::new();
    // A fixed creation date (the signing date) keeps the file byte-identical
    // from run to run, as the demo promises.
    let created = u16::try_from(sign_year)
        .map_err(|_| XlsxError::ParameterError(format!("năm {sign_year}")))
        .and_then(|y| ExcelDateTime::from_ymd(y, sign_month as u8, 25))?;
    book.set_properties(
        &DocProperties::new()
            .set_title(MONTHLY_TITLE)
            .set_author(heading.agency.as_str())
            .set_company(format!("UBND {}", heading.commune))
            .set_creation_datetime(&created),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Danh sách")?;
    for (col, width) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    sheet
        .set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW + 2)?;
    sheet.set_freeze_panes(HEADER_ROW + 3, 0)?;

    // Title block.
    let left = format!("UBND {}", heading.commune.to_uppercase());
    sheet.merge_range(0, 0, 0, 4, &left, &f.plain)?;
    sheet.merge_range(1, 0, 1, 4, &heading.agency.to_uppercase(), &f.bold)?;
    sheet.merge_range(
        0,
        8,
        0,
        SIGN_COL,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        &f.bold,
    )?;
    sheet.merge_range(1, 8, 1, SIGN_COL, "Độc lập - Tự do - Hạnh phúc", &f.bold)?;
    sheet.merge_range(3, 0, 3, SIGN_COL, MONTHLY_TITLE, &f.title)?;
    let month_line = format!("Tháng {month} năm {year}");
    sheet.merge_range(4, 0, 4, SIGN_COL, &month_line, &f.bold)?;
    let area = format!("Địa bàn: {}, {}", heading.commune, heading.province);
    sheet.merge_range(5, 0, 5, SIGN_COL, &area, &f.italic)?;

    // Two-row header, then the column numbers.
    for (col, label) in LEFT_HEADERS.iter().enumerate() {
        let col = col as u16;
        sheet.merge_range(HEADER_ROW, col, HEADER_ROW + 1, col, label, &f.header)?;
    }
    sheet.merge_range(
        HEADER_ROW,
        FIRST_AMOUNT_COL,
        HEADER_ROW,
        TOTAL_COL,
        "Số tiền (đồng)",
        &f.header,
    )?;
    for (i, (_, label)) in AMOUNT_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(
            HEADER_ROW + 1,
            FIRST_AMOUNT_COL + i as u16,
            *label,
            &f.header,
        )?;
    }
    sheet.write_string_with_format(HEADER_ROW + 1, TOTAL_COL, "Tổng cộng", &f.header)?;
    sheet.merge_range(
        HEADER_ROW,
        SIGN_COL,
        HEADER_ROW + 1,
        SIGN_COL,
        "Ký nhận",
        &f.header,
    )?;
    for col in 0..=SIGN_COL {
        sheet.write_number_with_format(HEADER_ROW + 2, col, f64::from(col + 1), &f.numbering)?;
    }

    // People by hamlet.
    let mut sorted: Vec<&DemoPerson> = people.iter().collect();
    let rank = |h: &str| {
        HAMLETS
            .iter()
            .position(|(name, _)| *name == h)
            .unwrap_or(usize::MAX)
    };
    sorted.sort_by(|a, b| {
        (rank(a.hamlet), a.hamlet, &a.record_code).cmp(&(rank(b.hamlet), b.hamlet, &b.record_code))
    });
    let mut row = HEADER_ROW + 3;
    let mut grand = [0i64; AMOUNT_COLUMNS.len() + 1];
    for (g, group) in sorted.chunk_by(|a, b| a.hamlet == b.hamlet).enumerate() {
        let hamlet = group[0].hamlet;
        sheet.write_string_with_format(row, 0, roman(g + 1), &f.sum_label)?;
        sheet.merge_range(
            row,
            1,
            row,
            FIRST_AMOUNT_COL - 1,
            &format!("Thôn {hamlet}"),
            &f.group,
        )?;
        for col in FIRST_AMOUNT_COL..=SIGN_COL {
            sheet.write_blank(row, col, &f.text)?;
        }
        row += 1;
        let mut sums = [0i64; AMOUNT_COLUMNS.len() + 1];
        for (i, p) in group.iter().enumerate() {
            person_row(sheet, &f, row, i + 1, p)?;
            for (slot, (kind, _)) in AMOUNT_COLUMNS.iter().enumerate() {
                sums[slot] += p.amount(*kind);
            }
            sums[AMOUNT_COLUMNS.len()] += p.total();
            row += 1;
        }
        let label = format!("Cộng thôn {hamlet}");
        sum_row(sheet, &f, row, 1, &label, &sums)?;
        for (total, sum) in grand.iter_mut().zip(sums) {
            *total += sum;
        }
        row += 1;
    }
    sum_row(sheet, &f, row, 0, "Tổng cộng", &grand)?;

    // Signature block.
    let date_line = format!(
        "{}, ngày 25 tháng {sign_month} năm {sign_year}",
        heading.place()
    );
    row += 3;
    sheet.merge_range(row, 10, row, SIGN_COL, &date_line, &f.italic)?;
    let signers = [
        (
            0,
            2,
            "Người lập biểu",
            "(Ký, ghi rõ họ tên)",
            "Lê Thị Minh Thư",
        ),
        (5, 7, "Kế toán", "(Ký, ghi rõ họ tên)", "Hồ Thị Thanh Hương"),
        (
            10,
            SIGN_COL,
            "Trưởng phòng",
            "(Ký tên, đóng dấu)",
            "Nguyễn Đức Thắng",
        ),
    ];
    for (first, last, role, hint, name) in signers {
        sheet.merge_range(row + 1, first, row + 1, last, role, &f.bold)?;
        sheet.merge_range(row + 2, first, row + 2, last, hint, &f.italic)?;
        sheet.merge_range(row + 7, first, row + 7, last, name, &f.bold)?;
    }
    book.save(path.as_ref())
}

fn person_row(
    sheet: &mut Worksheet,
    f: &Formats,
    row: u32,
    stt: usize,
    p: &DemoPerson,
) -> Result<(), XlsxError> {
    let style = RowStyle::of(&p.record_code);
    sheet.write_number_with_format(row, 0, stt as f64, &f.center)?;
    sheet.write_string_with_format(row, 1, &p.record_code, &f.center)?;
    sheet.write_string_with_format(row, 2, &p.full_name, &f.text)?;
    sheet.write_number_with_format(row, 3, f64::from(p.birth_year), &f.center)?;
    sheet.write_string_with_format(row, 4, p.gender.label(), &f.center)?;
    match &p.id_number {
        Some(id) if style.id_as_number => {
            // What happens when someone pastes IDs into a General column.
            let value: u64 = id.parse().expect("demo ID numbers are digits");
            sheet.write_number_with_format(row, 5, value as f64, &f.id_number)?;
        }
        Some(id) => {
            sheet.write_string_with_format(row, 5, id, &f.id_text)?;
        }
        None => {
            sheet.write_blank(row, 5, &f.id_text)?;
        }
    }
    sheet.write_string_with_format(row, 6, p.hamlet, &f.text)?;
    sheet.write_string_with_format(row, 7, p.category, &f.wrap)?;
    let amounts = AMOUNT_COLUMNS.iter().map(|(kind, _)| p.amount(*kind));
    for (i, amount) in amounts.chain([p.total()]).enumerate() {
        let col = FIRST_AMOUNT_COL + i as u16;
        if amount == 0 && style.zero_as_dash {
            sheet.write_string_with_format(row, col, "-", &f.center)?;
        } else if amount == 0 {
            sheet.write_blank(row, col, &f.text)?;
        } else if style.amounts_as_text {
            sheet.write_string_with_format(row, col, format_dong(amount), &f.money_text)?;
        } else {
            sheet.write_number_with_format(row, col, amount as f64, &f.money)?;
        }
    }
    sheet.write_blank(row, SIGN_COL, &f.text)?;
    Ok(())
}

/// A subtotal or total row: the label merged from `label_col` to the last
/// column before the amounts, the sums as numbers (blank when zero).
fn sum_row(
    sheet: &mut Worksheet,
    f: &Formats,
    row: u32,
    label_col: u16,
    label: &str,
    sums: &[i64],
) -> Result<(), XlsxError> {
    if label_col > 0 {
        sheet.write_blank(row, 0, &f.text)?;
    }
    sheet.merge_range(
        row,
        label_col,
        row,
        FIRST_AMOUNT_COL - 1,
        label,
        &f.sum_label,
    )?;
    for (i, sum) in sums.iter().enumerate() {
        let col = FIRST_AMOUNT_COL + i as u16;
        if *sum == 0 {
            sheet.write_blank(row, col, &f.sum_money)?;
        } else {
            sheet.write_number_with_format(row, col, *sum as f64, &f.sum_money)?;
        }
    }
    sheet.write_blank(row, SIGN_COL, &f.text)?;
    Ok(())
}

/// Roman numerals for the hamlet group headings (I, II, …).
fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 4, 9, 10, 14, 40, 99].into_iter().map(roman).collect();
        assert_eq!(got, ["I", "IV", "IX", "X", "XIV", "XL", "XCIX"]);
    }

    #[test]
    fn row_styles_mix_but_are_stable() {
        let styles: Vec<RowStyle> = (1..=1000)
            .map(|i| RowStyle::of(&format!("HD-{i:05}")))
            .collect();
        let text = styles.iter().filter(|s| s.amounts_as_text).count();
        let dash = styles.iter().filter(|s| s.zero_as_dash).count();
        let num_id = styles.iter().filter(|s| s.id_as_number).count();
        assert!((150..350).contains(&text), "{text}");
        assert!((200..400).contains(&dash), "{dash}");
        assert!((20..90).contains(&num_id), "{num_id}");
        assert_eq!(
            RowStyle::of("HD-00001").amounts_as_text,
            styles[0].amounts_as_text
        );
    }

    #[test]
    fn layout_constants_agree() {
        assert_eq!(WIDTHS.len(), LEFT_HEADERS.len() + AMOUNT_COLUMNS.len() + 2);
        assert_eq!(TOTAL_COL, 13);
        assert_eq!(SIGN_COL, 14);
    }
}
