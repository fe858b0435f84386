//! The month's change lists of the demo office, written as the payer's
//! software exports them (title block, header, hamlet heading, total row,
//! signature line; ";" and a BOM), for a newcomer to import from the
//! screen or with `chitra import … --kind decrease|increase|adjustment`:
//! - a decrease stopping one person from this month (died mid-window);
//! - an increase adding one new person paid from last month, with a
//!   month of arrears;
//! - an adjustment raising one person's allowance from last month, with
//!   the arrears (new − old) for that month.
//!
//! None of them is imported by the demo itself.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use super::people::DemoPerson;
use crate::domain::{EntitlementKind, Money, Period};

/// The allowance (trợ cấp) a demo person's monthly line carries.
fn tro_cap(p: &DemoPerson) -> i64 {
    p.amount(EntitlementKind::TroCap)
}

/// Two people the decrease and the adjustment can name: on the lists next
/// month too, with an ID number and an allowance.
pub fn picks(staying: &[DemoPerson]) -> Option<(&DemoPerson, &DemoPerson)> {
    let mut fit = staying
        .iter()
        .filter(|p| p.id_number.is_some() && tro_cap(p) > 0);
    Some((fit.next()?, fit.next()?))
}

fn dots(n: i64) -> String {
    Money::from_dong(n)
        .to_string()
        .trim_end_matches(" đ")
        .to_string()
}

fn write(path: &Path, body: &str) -> io::Result<()> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(body.replace('\n', "\r\n").as_bytes());
    std::fs::write(path, bytes)
}

/// The decrease list of `this`: `who` died on the 3rd, payment stops from
/// this month.
pub fn write_decrease(path: &Path, this: Period, who: &DemoPerson) -> io::Result<()> {
    let (m, y) = (this.month, this.year);
    let amount = dots(tro_cap(who));
    write(
        path,
        &format!(
            "PHÒNG VĂN HÓA - XÃ HỘI;;;;;;;\n\
             DANH SÁCH GIẢM ĐỐI TƯỢNG HƯỞNG TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG;;;;;;;\n\
             THÁNG {m} NĂM {y};;;;;;;\n;;;;;;;\n\
             STT;Mã đối tượng;Họ và tên;Số CCCD/CMND;Mức trợ cấp;Lý do giảm;Thôi hưởng từ tháng;Ghi chú\n\
             I. Thôn {hamlet};;;;;;;\n\
             1;{code};{name};{id};{amount};Từ trần ngày 03/{m:02}/{y};{m:02}/{y};Gia đình báo tử\n\
             Tổng cộng;;;;{amount};;;\n;;;;;;;\n\
             Người lập biểu;;;;;Ngày 05 tháng {m} năm {y};;\n",
            hamlet = who.hamlet,
            code = who.record_code,
            name = who.full_name,
            id = who.id_number.as_deref().unwrap_or(""),
        ),
    )
}

/// The increase list of `this`: one new person paid from last month, with
/// last month's allowance as arrears. Their ID number is one no demo
/// person has.
pub fn write_increase(path: &Path, this: Period, people: &[DemoPerson]) -> io::Result<()> {
    let (m, y) = (this.month, this.year);
    let taken: HashSet<&str> = people
        .iter()
        .filter_map(|p| p.id_number.as_deref())
        .collect();
    let id = (0..1000u32)
        .map(|i| format!("046150{:06}", 9999 - i))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or_else(|| "046150009999".to_string());
    let codes: HashSet<&str> = people.iter().map(|p| p.record_code.as_str()).collect();
    let code = (0..1000u32)
        .map(|i| format!("HD-{:05}", 99999 - i))
        .find(|c| !codes.contains(c.as_str()))
        .unwrap_or_else(|| "HD-99999".to_string());
    let from = this.prev();
    let monthly = 2_789_000;
    write(
        path,
        &format!(
            "PHÒNG VĂN HÓA - XÃ HỘI;;;;;;;;;;\n\
             DANH SÁCH TĂNG ĐỐI TƯỢNG HƯỞNG TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {m} NĂM {y};;;;;;;;;;\n;;;;;;;;;;\n\
             STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Loại đối tượng;Trợ cấp;Hưởng từ tháng;Truy lĩnh;Tổng cộng;Ghi chú\n\
             I. Thôn Thuận Hòa;;;;;;;;;;\n\
             1;{code};Hoàng Thị Hạnh;1950;{id};Thương binh;{monthly};{fm:02}/{fy};{monthly};{total};Truy lĩnh tháng {fm}\n\
             Tổng cộng;;;;;;{monthly};;{monthly};{total};\n\
             Người lập biểu;;;;;Ngày 05 tháng {m} năm {y};;;;;\n",
            monthly = dots(monthly),
            total = dots(2 * monthly),
            fm = from.month,
            fy = from.year,
        ),
    )
}

/// The adjustment list of `this`: `who`'s allowance rises by 200.000 đ
/// from last month, last month's difference paid as arrears.
pub fn write_adjustment(path: &Path, this: Period, who: &DemoPerson) -> io::Result<()> {
    let (m, y) = (this.month, this.year);
    let from = this.prev();
    let old = tro_cap(who);
    let new = old + 200_000;
    write(
        path,
        &format!(
            "PHÒNG VĂN HÓA - XÃ HỘI;;;;;;;;;\n\
             DANH SÁCH ĐIỀU CHỈNH MỨC TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {m} NĂM {y};;;;;;;;;\n;;;;;;;;;\n\
             STT;Mã đối tượng;Họ và tên;Số CCCD/CMND;Mức cũ;Mức mới;Điều chỉnh từ tháng;Truy lĩnh;Truy thu;Lý do điều chỉnh\n\
             I. Thôn {hamlet};;;;;;;;;\n\
             1;{code};{name};{id};{old};{new};{fm:02}/{fy};{arrears};;Điều chỉnh theo mức chuẩn mới\n\
             Tổng cộng;;;;{old};{new};;{arrears};;\n\
             Người lập biểu;;;;;Ngày 05 tháng {m} năm {y};;;;\n",
            hamlet = who.hamlet,
            code = who.record_code,
            name = who.full_name,
            id = who.id_number.as_deref().unwrap_or(""),
            old = dots(old),
            new = dots(new),
            arrears = dots(200_000),
            fm = from.month,
            fy = from.year,
        ),
    )
}
