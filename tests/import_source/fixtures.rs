//! Builders of list files in the shapes the social-affairs offices send, for
//! `tests/import_source.rs`: workbooks written with rust_xlsxwriter, text
//! files as byte strings in each encoding. Shared by two test files, each of
//! which uses only some of them.
#![allow(dead_code)]

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A realistic monthly list as xlsx: an empty first sheet, then on the second
/// a title block, a merged two-row header, a numbering row, hamlet headings,
/// numbers as numbers and as text, formulas, subtotals, the total and the
/// signature lines. `text` maps every text cell (e.g. to TCVN3).
pub fn realistic_xlsx(path: &Path, text: fn(&str) -> String) {
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Hướng dẫn").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("DS T11").unwrap();
    let plain = Format::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let t = |s: &str| text(s);
    ws.merge_range(0, 0, 0, 8, &t("UBND XÃ AN BÌNH"), &plain)
        .unwrap();
    ws.merge_range(
        1,
        0,
        1,
        8,
        &t("DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI THÁNG 11 NĂM 2026"),
        &plain,
    )
    .unwrap();
    ws.merge_range(
        2,
        0,
        2,
        8,
        &t("(Kèm theo Quyết định số 12/QĐ-UBND)"),
        &plain,
    )
    .unwrap();
    // Header on rows 6-7.
    for (col, name) in [
        (0, "STT"),
        (1, "Mã ĐT"),
        (2, "Họ và tên"),
        (3, "Ngày sinh"),
        (4, "Số CCCD"),
    ] {
        ws.merge_range(5, col, 6, col, &t(name), &plain).unwrap();
    }
    ws.merge_range(5, 5, 5, 7, &t("Số tiền (đồng)"), &plain)
        .unwrap();
    ws.merge_range(5, 8, 6, 8, &t("Ký nhận"), &plain).unwrap();
    for (col, name) in [(5, "Trợ cấp"), (6, "Truy thu"), (7, "Tổng cộng")] {
        ws.write_string(6, col, t(name)).unwrap();
    }
    for col in 0..9u16 {
        ws.write_number(7, col, f64::from(col + 1)).unwrap();
    }
    ws.merge_range(8, 0, 8, 8, &t("I. Thôn Đông"), &plain)
        .unwrap();
    person(
        ws,
        9,
        (1, "NCC001", "Nguyễn Văn An", (1950, 5, 12), "001050012345"),
        &date,
        t,
    );
    ws.write_number(9, 5, 2_789_000).unwrap();
    ws.write_number(9, 6, 0).unwrap();
    ws.write_formula(9, 7, Formula::new("=F10+G10").set_result("2789000"))
        .unwrap();
    person(
        ws,
        10,
        (2, "NCC002", "Trần Thị Bình", (1952, 1, 3), "001152012346"),
        &date,
        t,
    );
    ws.write_string(10, 5, "2.789.000").unwrap();
    ws.write_number(10, 6, -150_000).unwrap();
    ws.write_string(10, 7, "2.639.000").unwrap();
    ws.write_string(11, 2, t("Cộng thôn Đông")).unwrap();
    ws.write_number(11, 5, 5_578_000).unwrap();
    ws.write_number(11, 7, 5_428_000).unwrap();
    ws.merge_range(13, 0, 13, 8, &t("II. Thôn Tây"), &plain)
        .unwrap();
    person(
        ws,
        14,
        (3, "NCC003", "Lê Văn Cường", (1948, 7, 27), ""),
        &date,
        t,
    );
    ws.write_number(14, 5, 2_789_000.5).unwrap();
    ws.write_number(14, 7, 2_789_000.5).unwrap();
    ws.write_string(15, 2, t("Cộng thôn Tây")).unwrap();
    ws.write_number(15, 7, 2_789_000.5).unwrap();
    ws.merge_range(16, 0, 16, 4, &t("Tổng cộng"), &plain)
        .unwrap();
    ws.write_formula(16, 7, Formula::new("=H12+H16").set_result("8217000.5"))
        .unwrap();
    ws.write_string(18, 1, t("Người lập biểu")).unwrap();
    ws.write_string(18, 4, t("Kế toán")).unwrap();
    ws.write_string(18, 7, t("Chủ tịch UBND xã")).unwrap();
    ws.write_string(19, 2, t("NCC999 sau chữ ký")).unwrap();
    wb.save(path).unwrap();
}

type Person<'a> = (u32, &'a str, &'a str, (u16, u8, u8), &'a str);

fn person(ws: &mut Worksheet, row: u32, p: Person, date: &Format, t: impl Fn(&str) -> String) {
    let (stt, code, name, (y, m, d), id) = p;
    ws.write_number(row, 0, stt).unwrap();
    ws.write_string(row, 1, code).unwrap();
    ws.write_string(row, 2, t(name)).unwrap();
    let born = ExcelDateTime::from_ymd(y, m, d).unwrap();
    ws.write_datetime_with_format(row, 3, &born, date).unwrap();
    if !id.is_empty() {
        ws.write_string(row, 4, id).unwrap();
    }
}

/// The list as ";"-separated text, as Vietnamese Windows Excel saves it.
pub fn realistic_csv() -> String {
    [
        "UBND XÃ AN BÌNH;;;;;",
        "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI THÁNG 9 - 2026;;;;;",
        ";;;;;",
        "STT;Mã đối tượng;Họ và tên;Số CCCD/CMND;Trợ cấp (đồng);Ghi chú",
        "(1);(2);(3);(4);(5);(6)",
        "Thôn Đông;;;;;",
        "1;NCC001;Nguyễn Văn An;001050012345;2.789.000;",
        "2;NCC002;Trần Thị Bình;001152012346;2.789.000;",
        ";;Cộng thôn Đông;;5.578.000;",
        "Xóm 3;;;;;",
        "3;NCC003;Lê Văn Cường;;1.500.000;",
        ";;Cộng xóm 3;;1.500.000;",
        ";;Tổng cộng;;7.078.000;",
        ";;;;;",
        ";Người lập biểu;;Kế toán;;Thủ trưởng đơn vị",
    ]
    .join("\r\n")
        + "\r\n"
}

/// Latin-1 bytes of a string whose characters are all below U+0100: how a
/// TCVN3 or VNI text file looks on disk.
pub fn latin1(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

/// Windows-1258 bytes of a Unicode text: the letters â ê ô ă ơ ư đ whole, the
/// tone as a combining mark, as Windows writes it.
pub fn cp1258(s: &str) -> Vec<u8> {
    let is_modifier = |c: char| matches!(c, '\u{302}' | '\u{306}' | '\u{31b}');
    let mut out = String::new();
    let mut tones = String::new();
    let mut letter = String::new();
    for c in s.nfd().chain(['\n']) {
        if is_modifier(c) {
            letter.push(c);
        } else if unicode_normalization::char::is_combining_mark(c) {
            tones.push(c);
        } else {
            // A new letter: write out the previous one, its shape marks
            // composed with it, its tone kept as a mark.
            out.extend(letter.nfc());
            out.push_str(&tones);
            letter = c.to_string();
            tones.clear();
        }
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&out);
    assert!(!unmappable, "{s} is not Windows-1258");
    bytes.into_owned()
}

/// UTF-16LE with a byte-order mark: Excel's "Unicode text".
pub fn utf16le(s: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

/// Unicode → TCVN3 (ABC), written from the published code chart: each
/// letter followed by its TCVN3 character. Capital accented vowels share the
/// lower-case codes, as in the .VnTimeH fonts.
const TCVN3: &str = "ă¨â©êªô«ơ¬ư\u{ad}đ®Ă¡Â¢Ê£Ô¤Ơ¥Ư¦Đ§\
    àµả¶ã·á¸ạ¹ằ»ẳ¼ẵ½ắ¾ặÆầÇẩÈẫÉấÊậËèÌẻÎẽÏéÐẹÑềÒểÓễÔếÕệÖì×ỉØĩÜíÝịÞ\
    òßỏáõâóãọäồåổæỗçốèộéờêởëỡìớíợîùïủñũòúóụôừõửöữ÷ứøựùỳúỷûỹüýýỵþ";

pub fn to_tcvn3(s: &str) -> String {
    let chart: Vec<char> = TCVN3.chars().filter(|c| !c.is_whitespace()).collect();
    let code = |c: char| chart.chunks(2).find(|p| p[0] == c).map(|p| p[1]);
    s.nfc()
        .map(|c| {
            code(c)
                .or_else(|| c.to_lowercase().next().and_then(code))
                .unwrap_or(c)
        })
        .collect()
}

/// A list whose header was retyped in Unicode while the rest stayed TCVN3.
pub fn tcvn3_but_header(s: &str) -> String {
    const HEADER: [&str; 9] = [
        "STT",
        "Mã ĐT",
        "Họ và tên",
        "Ngày sinh",
        "Số CCCD",
        "Số tiền (đồng)",
        "Ký nhận",
        "Trợ cấp",
        "Truy thu",
    ];
    if HEADER.contains(&s) {
        s.to_owned()
    } else {
        to_tcvn3(s)
    }
}
