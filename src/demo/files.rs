//! Sample list files in the shape the social-affairs office sends them.
//!
//! - [`write_monthly_xlsx`]: the formal monthly list with its title block,
//!   two-row merged header, hamlet groups and subtotals, grand total and
//!   signature block, amounts mixed as numbers and as text like "2.789.000".
//! - [`write_monthly_csv`]: a plain export, header first and one row per
//!   person, as Vietnamese Windows Excel saves it (";" and a UTF-8 BOM).
//! - [`write_bulk_csv`]: the same CSV shape streamed person by person, for
//!   benchmarks of 100 000 or 1 000 000 rows.
//!
//! They exist so that a newcomer can try `chitra import` and so that the
//! importer's tests read realistic input; they use chitra's own types only
//! for the entitlement kinds.

mod xlsx;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::domain::EntitlementKind;

use super::catalog::{COMMUNE, PROVINCE, pay_method_label};
use super::people::{DemoPerson, PersonGenerator};

pub use xlsx::write_monthly_xlsx;

/// The period the demo office's lists are for: November 2026.
pub const DEMO_PERIOD: (i32, u32) = (2026, 11);

/// Who the list comes from, printed in its title block. The paying agency
/// is not hard-coded: since 2025 it may be another office than "Phòng
/// LĐTBXH".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListHeading {
    /// The office that draws up the list, e.g. "Phòng Văn hóa - Xã hội".
    pub agency: String,
    /// "xã Hải Dương".
    pub commune: String,
    /// "thành phố Huế".
    pub province: String,
}

impl ListHeading {
    /// The demo office's heading.
    pub fn demo() -> Self {
        ListHeading {
            agency: "Phòng Văn hóa - Xã hội".to_string(),
            commune: COMMUNE.to_string(),
            province: PROVINCE.to_string(),
        }
    }

    /// The commune's bare name for the date line: "xã Hải Dương" → "Hải Dương".
    pub fn place(&self) -> &str {
        ["xã ", "Xã ", "phường ", "Phường ", "thị trấn ", "Thị trấn "]
            .iter()
            .find_map(|p| self.commune.strip_prefix(p))
            .unwrap_or(&self.commune)
    }
}

/// An amount written the Vietnamese way, without unit: 2789000 → "2.789.000".
pub fn format_dong(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if amount < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The amount columns of both file shapes, in order.
pub const AMOUNT_COLUMNS: [(EntitlementKind, &str); 5] = [
    (EntitlementKind::TroCap, "Trợ cấp"),
    (EntitlementKind::PhuCap, "Phụ cấp"),
    (EntitlementKind::TruyLinh, "Truy lĩnh"),
    (EntitlementKind::MaiTang, "Mai táng phí"),
    (EntitlementKind::TruyThu, "Truy thu"),
];

/// The CSV's header row.
pub const CSV_HEADER: [&str; 20] = [
    "STT",
    "Mã đối tượng",
    "Họ và tên",
    "Năm sinh",
    "Giới tính",
    "Số CCCD/CMND",
    "Thôn",
    "Địa chỉ",
    "Loại đối tượng",
    "Số điện thoại",
    "Hình thức chi trả",
    "Số tài khoản",
    "Ngân hàng",
    "Trợ cấp",
    "Phụ cấp",
    "Truy lĩnh",
    "Mai táng phí",
    "Truy thu",
    "Tổng cộng",
    "Kỳ chi trả",
];

fn check_period((year, month): (i32, u32)) -> io::Result<()> {
    if (1..=12).contains(&month) && (2000..=2100).contains(&year) {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("kỳ {month}/{year} không hợp lệ"),
        ))
    }
}

fn csv_record(stt: usize, p: &DemoPerson, (year, month): (i32, u32)) -> Vec<String> {
    let mut row = vec![
        stt.to_string(),
        p.record_code.clone(),
        p.full_name.clone(),
        p.birth_year.to_string(),
        p.gender.label().to_string(),
        p.id_number.clone().unwrap_or_default(),
        p.hamlet.to_string(),
        p.address.clone(),
        p.category.to_string(),
        p.phone.clone().unwrap_or_default(),
        pay_method_label(p.pay_method)
            .unwrap_or(p.pay_method)
            .to_string(),
        p.account.clone().unwrap_or_default(),
        p.bank.clone().unwrap_or_default(),
    ];
    for (kind, _) in AMOUNT_COLUMNS {
        let a = p.amount(kind);
        row.push(if a == 0 {
            String::new()
        } else {
            format_dong(a)
        });
    }
    row.push(format_dong(p.total()));
    row.push(format!("{month:02}/{year}"));
    row
}

fn csv_writer(path: &Path, delimiter: u8, bom: bool) -> io::Result<csv::Writer<BufWriter<File>>> {
    let mut out = BufWriter::with_capacity(1 << 16, File::create(path)?);
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(CSV_HEADER)?;
    Ok(w)
}

fn finish(w: csv::Writer<BufWriter<File>>) -> io::Result<()> {
    let out = w.into_inner().map_err(|e| e.into_error())?;
    out.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// Writes the people as a plain CSV export: header row, then one row per
/// person with amounts as "2.789.000" and the period as "11/2026".
/// Windows Excel in Vietnamese uses `b';'` and `bom = true`.
pub fn write_monthly_csv(
    path: impl AsRef<Path>,
    period: (i32, u32),
    people: &[DemoPerson],
    delimiter: u8,
    bom: bool,
) -> io::Result<()> {
    check_period(period)?;
    let mut w = csv_writer(path.as_ref(), delimiter, bom)?;
    for (i, p) in people.iter().enumerate() {
        w.write_record(csv_record(i + 1, p, period))?;
    }
    finish(w)
}

/// Streams `n` demo people of `seed` to a CSV of the same shape (";", BOM,
/// period [`DEMO_PERIOD`]) without holding them in memory, and returns the
/// total of the file in đồng. Record codes and ID numbers are unique.
pub fn write_bulk_csv(path: impl AsRef<Path>, n: usize, seed: u64) -> io::Result<u64> {
    let mut w = csv_writer(path.as_ref(), b';', true)?;
    let mut total: i64 = 0;
    for (i, p) in PersonGenerator::new(seed).take(n).enumerate() {
        total += p.total();
        w.write_record(csv_record(i + 1, &p, DEMO_PERIOD))?;
    }
    finish(w)?;
    u64::try_from(total).map_err(|_| io::Error::other("tổng tiền âm"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dong_formatting() {
        assert_eq!(format_dong(0), "0");
        assert_eq!(format_dong(500), "500");
        assert_eq!(format_dong(1_000), "1.000");
        assert_eq!(format_dong(2_789_000), "2.789.000");
        assert_eq!(format_dong(-1_394_500), "-1.394.500");
        assert_eq!(format_dong(123_456_789_000), "123.456.789.000");
    }

    #[test]
    fn heading_place_and_period_check() {
        assert_eq!(ListHeading::demo().place(), "Hải Dương");
        let h = ListHeading {
            commune: "phường Thuận Hóa".into(),
            ..ListHeading::demo()
        };
        assert_eq!(h.place(), "Thuận Hóa");
        assert!(check_period((2026, 11)).is_ok());
        assert!(check_period((2026, 13)).is_err());
        assert!(check_period((2026, 0)).is_err());
    }

    #[test]
    fn csv_row_matches_header_and_person() {
        let p = &crate::demo::office_people(5, 1)[0];
        let row = csv_record(1, p, (2026, 11));
        assert_eq!(row.len(), CSV_HEADER.len());
        assert_eq!(row[1], p.record_code);
        assert_eq!(row[13], format_dong(p.amount(EntitlementKind::TroCap)));
        assert_eq!(row[18], format_dong(p.total()));
        assert_eq!(row[19], "11/2026");
    }
}
