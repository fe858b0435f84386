//! The day report's one document drawn by each renderer — printed text,
//! the screen's lines, CSV and xlsx: the numbers in every format are the
//! report's, every printed line fits 80 columns, every drawer row adds up,
//! a drawer's expected cash shows nowhere before its count, a stored
//! document draws again exactly, and hostile text from the database never
//! reaches a terminal, a printer or Excel as control characters.

use crate::day_report_facts;

use std::collections::BTreeMap;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chitra::document::layout::{Page, lay_out};
use chitra::document::{Cell, Document, day};
use chitra::domain::payment::PayMethod;
use chitra::domain::report::{DayReport, compute};
use chitra::domain::words::in_words;
use chitra::export::{csv as doc_csv, write_csv, xlsx_bytes};
use chitra::i18n::Lang;
use chitra::print::document::render_text;
use chitra::text::layout::width;
use day_report_facts::*;

fn doc(r: &DayReport) -> Document {
    day::build(Lang::Vi, &office(), r)
}

fn text_of(r: &DayReport) -> String {
    render_text(&doc(r))
}

fn text_in(lang: Lang, r: &DayReport) -> String {
    render_text(&day::build(lang, &office(), r))
}

fn screen_of(r: &DayReport) -> String {
    lay_out(&doc(r), Page::screen(78))
        .iter()
        .map(|l| l.text())
        .collect::<Vec<_>>()
        .join("\n")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_fits(text: &str, cols: usize) {
    for (i, line) in text.lines().enumerate() {
        assert!(
            width(line) <= cols,
            "line {} is {} columns: {line:?}",
            i + 1,
            width(line)
        );
        assert!(
            !line.ends_with(' '),
            "line {} has trailing spaces: {line:?}",
            i + 1
        );
    }
}

/// The amount at the end of the first line, after the line starting with
/// `after`, whose text starts with `label`.
fn amount_after(text: &str, after: &str, label: &str) -> String {
    text.lines()
        .skip_while(|l| !l.contains(after))
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no {label:?} after {after:?}\n{text}"))
        .split_whitespace()
        .last()
        .unwrap()
        .to_string()
}

fn plain(m: chitra::domain::Money) -> String {
    m.format_plain()
}

#[test]
fn the_printed_report_fits_80_columns_and_shows_the_reports_numbers() {
    let r = closed_report();
    let text = text_of(&r);
    assert_fits(&text, 80);
    let flat = one_line(&text);
    for needle in [
        "BƯU ĐIỆN THÀNH PHỐ HUẾ",
        "BƯU ĐIỆN VĂN HÓA XÃ HẢI DƯƠNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO CHI TRẢ NGÀY 10/11/2026",
        "ĐÃ KHÓA SỔ lúc 10/11/2026 17:05 bởi Trần Văn Minh",
        "Người lập biểu",
        "Kiểm soát",
        "Trưởng bưu cục",
        "(Ký, ghi rõ họ tên)",
        "Xã Hải Dương, ngày 10 tháng 11 năm 2026",
        "Thiếu 11.000 đ, đã báo trưởng bưu cục",
        "Lê Thị Hoa (gdv1)",
    ] {
        assert!(flat.contains(needle), "missing {needle:?} in\n{text}");
    }
    assert!(!flat.contains("CHƯA KHÓA SỔ"));
    // The drawer is "quỹ", never "két".
    assert!(!flat.to_lowercase().contains("két"), "{text}");

    // The net in figures and in words, as the report has it.
    let net_line = text
        .lines()
        .find(|l| l.starts_with("TỔNG SỐ TIỀN THỰC CHI TRONG NGÀY"))
        .expect("a net total line");
    assert!(net_line.ends_with(&r.totals.net.to_string()), "{net_line}");
    assert!(
        flat.contains(&format!("Bằng chữ: {}", in_words(r.totals.net.dong()))),
        "{text}"
    );
    assert_eq!(
        in_words(r.totals.net.dong()),
        "Bảy triệu bốn trăm tám mươi chín nghìn đồng"
    );

    // Each method's net tally on its own line, with count and amount.
    for (method, tally) in &r.totals.by_method {
        let label = chitra::i18n::labels::method(Lang::Vi, *method);
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(label) && l.ends_with(&plain(tally.amount)))
            .unwrap_or_else(|| panic!("no line for {label} {}\n{text}", tally.amount));
        assert!(
            line.split_whitespace()
                .any(|w| w == tally.count.to_string()),
            "{line}"
        );
    }
    for (cat, tally) in &r.totals.by_category {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(cat.as_str())
                    && l.ends_with(&plain(tally.amount))),
            "no line for {cat}\n{text}"
        );
    }

    // Hoa's drawer: expected, counted, the difference, by denomination.
    let hoa = r.clerks.iter().find(|c| c.name == "gdv1").unwrap();
    let quy = "Quỹ tiền mặt:";
    assert_eq!(amount_after(&text, quy, "= Phải có"), plain(hoa.expected));
    assert_eq!(amount_after(&text, quy, "Đã đếm"), "2.700.000");
    assert_eq!(amount_after(&text, quy, "Chênh lệch"), "-11.000");
    let notes = text
        .lines()
        .skip_while(|l| !l.contains("Kiểm đếm theo mệnh giá"))
        .find(|l| l.trim_start().starts_with("500.000"))
        .unwrap();
    assert!(notes.ends_with("2.500.000"), "{notes}");
    let office_diff = text
        .lines()
        .find(|l| l.trim_start().starts_with("Chênh lệch (đã đếm − phải có)"))
        .unwrap();
    assert!(office_diff.ends_with("-11.000 đ"), "{office_diff}");

    // Voids: listed with who asked and who approved, and their reason.
    let void_line = text
        .lines()
        .find(|l| l.contains("HD-2026-000007"))
        .expect("the void of yesterday");
    assert!(void_line.contains("500.000"), "{void_line}");
    assert!(void_line.contains("09/11/2026"), "{void_line}");
    for who in ["Lê Thị Hoa", "Trần Văn", "Chi nhầm"] {
        assert!(void_line.contains(who), "{who} in {void_line}");
    }
    // In the day's list, the payment voided today is marked.
    let listed = text
        .lines()
        .rfind(|l| l.contains("HD-2026-000012"))
        .expect("receipt 12 in the day's list");
    assert!(
        listed.contains("Hồ Thị Lan") && listed.ends_with("ĐÃ HỦY"),
        "{listed}"
    );
    let kept = text
        .lines()
        .rfind(|l| l.contains("HD-2026-000011"))
        .unwrap();
    assert!(!kept.contains("ĐÃ HỦY"), "{kept}");

    // The seal stored at the close (not today's later head), readable.
    assert!(
        flat.contains("Niêm phong nhật ký kiểm toán: dòng #1234"),
        "{text}"
    );
    assert!(flat.contains("Mã băm: 3f2a 9b1c 0d4e 7788 5566 aabb ccdd eeff"));
    assert!(flat.contains("0011 2233 4455 6677 8899 aabb ccdd eeff"));
    assert!(!flat.contains("#1240"));
    assert!(flat.contains("Không thiếu số nào."));
    assert!(flat.contains("Tháng 11/2026") && flat.contains("98.765.000"));
}

#[test]
fn a_mid_day_report_says_so_and_why_the_day_cannot_close() {
    let r = open_report();
    let text = text_of(&r);
    assert_fits(&text, 80);
    let flat = one_line(&text);
    assert!(flat.contains("CHƯA KHÓA SỔ — báo cáo giữa ngày"), "{text}");
    assert!(flat.contains("CHƯA THỂ KHÓA SỔ:"));
    assert!(
        flat.contains("• Quỹ của Phạm Văn Long chưa kiểm đếm cuối ca."),
        "{text}"
    );
    assert!(
        flat.contains("CẢNH BÁO: thiếu số biên nhận HD01 năm 2026: từ 13 đến 13"),
        "{text}"
    );
    // The head of the log now, not called a seal.
    assert!(
        flat.contains("Nhật ký kiểm toán lúc lập báo cáo (chưa niêm phong): dòng #1240"),
        "{text}"
    );
    assert!(!flat.contains("Niêm phong nhật ký kiểm toán"));
    // The uncounted drawer says so instead of a number.
    assert!(
        text.lines()
            .skip_while(|l| !l.contains("Phạm Văn Long (gdv2)"))
            .any(|l| l.trim_start().starts_with("= Phải có") && l.ends_with("chưa kiểm đếm"))
    );
}

#[test]
fn the_printed_report_in_english() {
    let r = closed_report();
    let text = text_in(Lang::En, &r);
    assert_fits(&text, 80);
    let flat = one_line(&text);
    for needle in [
        "DAILY PAYMENT REPORT 10/11/2026",
        "CLOSED at 10/11/2026 17:05 by Trần Văn Minh",
        "Prepared by",
        "Checked by",
        "Head of office",
        "VOIDED",
        "Audit seal: row #1234",
        "Xã Hải Dương, 10 November 2026",
        "Cash at the counter",
    ] {
        assert!(flat.contains(needle), "missing {needle:?} in\n{text}");
    }
    for vietnamese in [
        "Người lập biểu",
        "ĐÃ KHÓA SỔ",
        "ĐÃ HỦY",
        "Bằng chữ",
        "Phải có",
    ] {
        assert!(
            !flat.contains(vietnamese),
            "{vietnamese:?} left in English\n{text}"
        );
    }
    // The same report built in Vietnamese has no English in it.
    assert!(text_of(&r).contains("Người lập biểu"));
}

#[test]
fn long_names_wrap_and_no_line_of_any_page_overflows() {
    let mut f = closed_day();
    let huge = "Nguyễn".repeat(30);
    f.payments[0].person = format!("Tôn Nữ Thị {huge} Hoàng Lan Phương");
    f.payments[2].receipt_no = "HDXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX-2026-000013".into();
    f.staff.get_mut(&2).unwrap().full_name = format!("Lê Thị {huge}");
    f.reversals[0].reason = format!("Lý do dài {}", "rất dài ".repeat(40));
    f.payments[3].category = Some(huge.clone());
    let mut r = compute(&f);
    r.closed.as_mut().unwrap().seal.hash = "a".repeat(200);
    let mut o = office();
    o.name = format!("Bưu điện {huge}");
    o.paying_agency = huge.clone();
    let d = day::build(Lang::Vi, &o, &r);
    let text = render_text(&d);
    assert_fits(&text, 80);
    for cols in [78, 100] {
        let lines = lay_out(&d, Page::screen(cols));
        assert!(
            lines.iter().all(|l| l.width() <= cols),
            "a line over {cols} columns"
        );
    }
    // Wrapped, not cut: every word of the reason is there.
    assert_eq!(
        text.split_whitespace().filter(|w| *w == "rất").count(),
        40,
        "{text}"
    );
    assert!(one_line(&text).contains("Hoàng Lan Phương"), "{text}");
    // The 200-character seal in groups of four, all of it.
    assert_eq!(text.matches("aaaa").count(), 50, "{text}");
    assert!(!text.contains('…'), "nothing is cut short:\n{text}");
}

#[test]
fn hostile_text_never_reaches_the_printer_or_the_screen() {
    let r = hostile_report();
    for shown in [text_of(&r), screen_of(&r)] {
        assert_fits(&shown, 80);
        assert!(!shown.contains('\x1b'), "ESC reached the page");
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n'));
        assert!(!shown.contains('\u{202E}'));
        assert!(
            shown.contains("A\u{FFFD}[2J"),
            "the name is still shown, defused:\n{shown}"
        );
    }
}

/// The drawer rows of a document: per clerk label, the cells by column key.
fn drawer_rows(d: &Document) -> Vec<BTreeMap<String, Cell>> {
    let t = d.table("quy").expect("the drawers' table");
    t.rows
        .iter()
        .map(|row| {
            t.columns
                .iter()
                .zip(&row.cells)
                .map(|(c, v)| (c.key.clone(), v.clone()))
                .collect()
        })
        .collect()
}

fn money_of(cell: &Cell) -> i64 {
    match cell {
        Cell::Money(m) => m.dong(),
        other => panic!("not an amount: {other:?}"),
    }
}

#[test]
fn every_drawer_row_adds_up_in_every_format() {
    let r = closed_report();
    let d = doc(&r);
    let rows = drawer_rows(&d);
    assert_eq!(rows.len(), 2, "one row per drawer used");
    let sum = |get: &dyn Fn(&str) -> i64| {
        get("tien_dau_ngay") + get("nhan_them") - get("nop_lai") - get("chi_tien_mat")
            + get("hoan_huy")
    };
    for row in &rows {
        let get = |k: &str| money_of(&row[k]);
        assert_eq!(sum(&get), get("phai_co"), "{row:?}");
        assert_eq!(get("da_dem") - get("phai_co"), get("chenh_lech"), "{row:?}");
    }
    // Long's row uses every term: a float, more cash, cash taken back,
    // cash paid at home; Hoa's a void back into the drawer.
    let long = &rows[1];
    for k in ["tien_dau_ngay", "nhan_them", "nop_lai", "chi_tien_mat"] {
        assert_ne!(money_of(&long[k]), 0, "{k}");
    }
    assert_ne!(money_of(&rows[0]["hoan_huy"]), 0);

    // On paper and on screen: each drawer's lines, read back, add up.
    let number = |s: &str| -> i64 { s.replace('.', "").parse().unwrap() };
    for shown in [text_of(&r), screen_of(&r)] {
        for who in ["Lê Thị Hoa (gdv1)", "Phạm Văn Long (gdv2)"] {
            let start = shown
                .lines()
                .position(|l| l.trim() == who)
                .unwrap_or_else(|| panic!("no drawer block for {who}\n{shown}"));
            let get = |label: &str| {
                number(&amount_after(
                    &shown.lines().skip(start).collect::<Vec<_>>().join("\n"),
                    who,
                    label,
                ))
            };
            let total = get("Đầu ngày") + get("+ Cấp thêm") - get("− Thu về") - get("− Đã chi")
                + get("+ Hủy hoàn");
            assert_eq!(total, get("= Phải có"), "{who}\n{shown}");
        }
    }

    // In the CSV and in the sheet, the same.
    let (header, csv) = csv_rows(&d);
    let col = |k: &str| header.iter().position(|c| c == k).unwrap();
    let drawers: Vec<&Vec<String>> = csv.iter().filter(|r| r[0] == "quy").collect();
    assert_eq!(drawers.len(), 2);
    for row in drawers {
        let get = |k: &str| row[col(k)].parse::<i64>().unwrap();
        assert_eq!(sum(&get), get("phai_co"), "{row:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quy.xlsx");
    std::fs::write(&path, xlsx_bytes(&d).unwrap()).unwrap();
    let sheet = read_sheet(&path, &d);
    for who in ["Lê Thị Hoa (gdv1)", "Phạm Văn Long (gdv2)"] {
        // The drawers' row is the one with eight amounts.
        let row = sheet
            .iter()
            .filter(|row| row.iter().any(|c| matches!(c, Data::String(s) if s == who)))
            .map(|row| numbers(row))
            .find(|n| n.len() == 8)
            .unwrap_or_else(|| panic!("no drawer row for {who}"));
        assert_eq!(
            row[0] + row[1] - row[2] - row[3] + row[4],
            row[5],
            "{who}: {row:?}"
        );
        assert_eq!(row[6] - row[5], row[7], "{who}: {row:?}");
    }
}

#[test]
fn a_drawers_expected_cash_shows_in_no_format_before_its_count() {
    for counted in [false, true] {
        let r = blind_day(counted);
        let d = doc(&r);
        let text = text_of(&r);
        let screen = screen_of(&r);
        let (_, csv) = csv_rows(&d);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blind.xlsx");
        std::fs::write(&path, xlsx_bytes(&d).unwrap()).unwrap();
        let sheet: Vec<f64> = read_sheet(&path, &d)
            .iter()
            .flat_map(|r| numbers(r))
            .collect();
        let seen = [
            text.contains("877.000"),
            screen.contains("877.000"),
            csv.iter().flatten().any(|f| f == "877000"),
            sheet.contains(&877_000.0),
        ];
        assert_eq!(
            seen,
            [counted; 4],
            "877.000 đ seen (text, screen, csv, xlsx) with the drawer {}counted",
            if counted { "" } else { "not " }
        );
        if !counted {
            for shown in [&text, &screen] {
                assert!(shown.contains("chưa kiểm đếm"));
            }
            assert!(
                csv.iter()
                    .any(|r| r[0] == "quy" && r.iter().any(|f| f == "chưa kiểm đếm"))
            );
            let strings = strings(&read_sheet(&path, &d));
            assert!(strings.iter().any(|s| s == "chưa kiểm đếm"));
            // The office's expected cash is the counted drawers' only.
            let hoa = r.clerks.iter().find(|c| c.name == "gdv1").unwrap();
            assert_eq!(r.counted_expected(), hoa.expected);
            assert_eq!(r.uncounted_drawers(), 1);
        }
    }
}

#[test]
fn a_stored_document_draws_again_exactly_whatever_the_language_now() {
    let d = doc(&closed_report());
    let stored = d.to_json();
    // A stable form: tagged blocks, typed values in whole đồng.
    let value: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(value["kind"], "bao_cao_ngay");
    assert_eq!(value["lang"], "vi");
    let blocks = value["blocks"].as_array().unwrap();
    let chi = blocks
        .iter()
        .find(|b| b["kind"] == "table" && b["key"] == "chi")
        .unwrap();
    assert_eq!(
        chi["rows"][0]["cells"][4],
        serde_json::json!({ "money": 2_789_000 })
    );
    assert_eq!(chi["rows"][1]["struck"], true);

    let again = Document::from_json(&stored).unwrap();
    assert_eq!(again, d);
    // Drawing takes no language: the stored words are drawn as they were.
    assert_eq!(render_text(&again), render_text(&d));
    assert!(render_text(&again).contains("Người lập biểu"));
}

/// The CSV of `d`, parsed back: the header and the rows.
fn csv_rows(d: &Document) -> (Vec<String>, Vec<Vec<String>>) {
    let mut bytes = Vec::new();
    write_csv(d, &mut bytes).unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "UTF-8 BOM first");
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "CRLF for Windows");
    let mut rd = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(true)
        .from_reader(&bytes[3..]);
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<Vec<String>> = rd
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == header.len()));
    (header, rows)
}

#[test]
fn the_csv_reads_back_as_the_documents_tables_and_adds_up() {
    let r = closed_report();
    let d = doc(&r);
    let (header, rows) = csv_rows(&d);
    assert_eq!(header, doc_csv::columns(&d));
    assert_eq!(&header[..3], ["loai", "muc", "stt"]);
    assert_eq!(header.last().unwrap(), "noi_dung");
    // The same header for an open day: the report's shape does not change.
    assert_eq!(header, doc_csv::columns(&doc(&open_report())));
    let col = |k: &str| header.iter().position(|c| c == k).unwrap();

    // Every table row comes back, cell by cell.
    for t in d.tables() {
        let back: Vec<&Vec<String>> = rows.iter().filter(|row| row[0] == t.key).collect();
        assert_eq!(back.len(), t.rows.len(), "{}", t.key);
        for (row, orig) in back.iter().zip(&t.rows) {
            for (c, cell) in t.columns.iter().zip(&orig.cells) {
                let expected = match cell {
                    Cell::Empty => String::new(),
                    Cell::Text(s) | Cell::Date(s) | Cell::Time(s) => s.clone(),
                    Cell::Short { text, .. } => text.clone(),
                    Cell::Count(n) | Cell::Number(n) => n.to_string(),
                    Cell::Money(m) => m.dong().to_string(),
                };
                assert_eq!(row[col(&c.key)], expected, "{} {}", t.key, c.key);
            }
        }
    }

    let sum = |loai: &str, muc: &str, column: &str| -> i64 {
        rows.iter()
            .filter(|row| row[0] == loai && row[1] == muc)
            .map(|row| row[col(column)].parse::<i64>().unwrap())
            .sum()
    };
    // One row per payment, in receipt order; the day's totals.
    assert_eq!(sum("chi", "", "so_tien"), r.totals.payments.amount.dong());
    assert_eq!(
        sum("chi", "tong", "so_tien"),
        r.totals.payments.amount.dong()
    );
    assert_eq!(sum("huy", "", "so_tien"), r.totals.voids.amount.dong());
    assert_eq!(sum("hinh_thuc", "", "so_tien"), r.totals.net.dong());
    assert_eq!(sum("dien", "", "so_tien"), r.totals.net.dong());
    assert_eq!(sum("tong", "thuc_chi", "so_tien"), r.totals.net.dong());
    assert_eq!(sum("thuc_chi", "", "so_tien"), r.totals.net.dong());
    assert_eq!(sum("tien_mat", "chenh_lech", "so_tien"), -11_000);
    assert_eq!(
        sum("gdv", "cong", "so_tien"),
        r.totals.payments.amount.dong()
    );
    // Hoa's notes add up to what she counted.
    let hoa = |row: &&Vec<String>| row[col("giao_dich_vien")] == "Lê Thị Hoa (gdv1)";
    let notes: i64 = rows
        .iter()
        .filter(|row| row[0] == "to_tien" && row[1].is_empty())
        .filter(hoa)
        .map(|row| row[col("so_tien")].parse::<i64>().unwrap())
        .sum();
    assert_eq!(notes, 2_700_000);

    // Methods and statuses in Vietnamese words, not codes.
    let methods: Vec<&str> = rows
        .iter()
        .filter(|row| row[0] == "chi" && row[1].is_empty())
        .map(|row| row[col("hinh_thuc")].as_str())
        .collect();
    assert_eq!(methods[0], "Tiền mặt tại quầy");
    for code in [
        "cash",
        "home",
        "bank",
        "wallet",
        "chua_khoa_so",
        "da_khoa_so",
    ] {
        assert!(
            !rows.iter().flatten().any(|f| f == code),
            "the code {code} in the CSV"
        );
    }
    let status = rows
        .iter()
        .find(|row| row[0] == "bao_cao" && row[1] == "trang_thai")
        .unwrap();
    assert!(status[col("noi_dung")].starts_with("ĐÃ KHÓA SỔ"));
    let voided = rows
        .iter()
        .find(|row| row[0] == "chi" && row[col("so_bien_nhan")] == "HD-2026-000012")
        .unwrap();
    assert_eq!(voided[col("ghi_chu")], "ĐÃ HỦY");
    let void = rows
        .iter()
        .find(|row| row[0] == "huy" && row[col("so_bien_nhan")] == "HD-2026-000007")
        .unwrap();
    assert_eq!(void[col("so_tien")], "500000");
    assert_eq!(void[col("ngay_chi")], "2026-11-09");
    assert_eq!(void[col("nguoi_duyet")], "Trần Văn Minh");
    assert_eq!(void[col("ly_do")], "Chi nhầm người");
    assert_eq!(void[col("stt")], "1");

    // The seal.
    let seal = rows.iter().find(|row| row[0] == "niem_phong").unwrap();
    assert_eq!(
        (
            seal[1].as_str(),
            seal[col("so_mon")].as_str(),
            seal[col("noi_dung")].as_str()
        ),
        ("khoa_so", "1234", HASH)
    );
}

#[test]
fn the_csv_of_an_open_day_lists_what_blocks_the_close() {
    let d = doc(&open_report());
    let (header, rows) = csv_rows(&d);
    let col = |k: &str| header.iter().position(|c| c == k).unwrap();
    let blocker = rows.iter().find(|row| row[0] == "chan_khoa").unwrap();
    assert_eq!(
        blocker[col("noi_dung")],
        "Quỹ của Phạm Văn Long chưa kiểm đếm cuối ca."
    );
    let gap = rows.iter().find(|row| row[0] == "thieu_bien_nhan").unwrap();
    assert_eq!(
        (
            gap[col("buu_cuc")].as_str(),
            gap[col("nam")].as_str(),
            gap[col("tu_so")].as_str(),
            gap[col("den_so")].as_str()
        ),
        ("HD01", "2026", "13", "13")
    );
    let head = rows.iter().find(|row| row[0] == "niem_phong").unwrap();
    assert_eq!(
        (head[1].as_str(), head[col("so_mon")].as_str()),
        ("dau_nhat_ky", "1240")
    );
}

#[test]
fn the_csv_defuses_control_characters_and_formulas() {
    let mut f = closed_day();
    f.payments[2].person = "=HYPERLINK(\"http://x\";\"Bấm\")".into();
    let d = doc(&compute(&f));
    let (header, rows) = csv_rows(&d);
    let col = |k: &str| header.iter().position(|c| c == k).unwrap();
    let person = rows
        .iter()
        .find(|row| row[col("so_bien_nhan")] == "HD-2026-000013")
        .unwrap();
    assert_eq!(
        person[col("nguoi_huong")],
        "'=HYPERLINK(\"http://x\";\"Bấm\")"
    );

    let d = doc(&hostile_report());
    let mut bytes = Vec::new();
    write_csv(&d, &mut bytes).unwrap();
    assert!(!bytes.contains(&0x1b), "ESC reached the CSV");
    assert!(!bytes.contains(&0x07));
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains('\u{202E}'));
    let (_, rows) = csv_rows(&d);
    // Only the CRLF row ends are line breaks: the reason's "\r\n" is defused.
    assert_eq!(text.matches('\n').count(), rows.len() + 1);
    assert!(
        rows.iter()
            .any(|row| row[col("nguoi_huong")].starts_with("Lê Văn A\u{FFFD}[2J"))
    );
}

fn read_sheet(path: &std::path::Path, d: &Document) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let name = chitra::export::xlsx::sheet_name(d);
    assert_eq!(book.sheet_names(), vec![name.clone()]);
    let range = book.worksheet_range(&name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn strings(rows: &[Vec<Data>]) -> Vec<String> {
    rows.iter()
        .flatten()
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

fn numbers(row: &[Data]) -> Vec<f64> {
    row.iter()
        .filter_map(|c| match c {
            Data::Float(f) => Some(*f),
            Data::Int(i) => Some(*i as f64),
            _ => None,
        })
        .collect()
}

/// The numbers on the first row with a cell that is exactly `label`.
fn numbers_by(rows: &[Vec<Data>], label: &str) -> Vec<f64> {
    let row = rows
        .iter()
        .find(|r| r.iter().any(|c| matches!(c, Data::String(s) if s == label)))
        .unwrap_or_else(|| panic!("no row {label:?}"));
    numbers(row)
}

#[test]
fn the_xlsx_reads_back_with_the_heading_the_date_the_totals_and_the_signatures() {
    let r = closed_report();
    let d = doc(&r);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bao-cao-2026-11-10.xlsx");
    std::fs::write(&path, xlsx_bytes(&d).unwrap()).unwrap();
    assert_eq!(chitra::export::xlsx::sheet_name(&d), "Báo cáo ngày");
    let rows = read_sheet(&path, &d);
    let cells = strings(&rows);
    let has = |s: &str| cells.iter().any(|c| c == s);
    for exact in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BƯU ĐIỆN THÀNH PHỐ HUẾ",
        "BƯU ĐIỆN VĂN HÓA XÃ HẢI DƯƠNG",
        "BÁO CÁO CHI TRẢ NGÀY 10/11/2026",
        "Xã Hải Dương, ngày 10 tháng 11 năm 2026",
        "ĐÃ KHÓA SỔ lúc 10/11/2026 17:05 bởi Trần Văn Minh",
        "Người lập biểu",
        "Kiểm soát",
        "Trưởng bưu cục",
        "ĐÃ HỦY",
        "Tiền mặt tại quầy",
    ] {
        assert!(has(exact), "no cell {exact:?} in {cells:#?}");
    }
    assert_eq!(
        cells.iter().filter(|c| *c == "(Ký, ghi rõ họ tên)").count(),
        3
    );
    assert!(has(&format!("Bằng chữ: {}", in_words(r.totals.net.dong()))));
    assert!(
        cells.iter().any(|c| c.starts_with("Mã băm: 3f2a 9b1c")),
        "{cells:#?}"
    );

    // Amounts are numbers, the report's.
    let net = r.totals.net.dong() as f64;
    assert_eq!(
        numbers_by(&rows, "TỔNG SỐ TIỀN THỰC CHI TRONG NGÀY"),
        vec![net]
    );
    assert_eq!(numbers_by(&rows, "THỰC CHI"), vec![net]);
    assert_eq!(
        numbers_by(&rows, "Chi trả trong ngày"),
        vec![
            r.totals.payments.count as f64,
            r.totals.payments.amount.dong() as f64
        ]
    );
    let bank = r.totals.by_method[&PayMethod::Bank];
    assert_eq!(
        numbers_by(&rows, "Chuyển khoản ngân hàng"),
        [bank.count as f64, bank.amount.dong() as f64]
    );
    assert_eq!(
        numbers_by(&rows, "Chênh lệch (đã đếm − phải có)"),
        [-11_000.0]
    );
    // Every payment is listed with its number and its amount.
    for (i, p) in r.payments.iter().enumerate() {
        assert_eq!(
            numbers_by(&rows, &p.receipt_no)[..2],
            [(i + 1) as f64, p.amount.dong() as f64],
            "{}",
            p.receipt_no
        );
    }
}

#[test]
fn the_xlsx_is_the_same_bytes_every_time() {
    let d = doc(&closed_report());
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    std::fs::write(&a, xlsx_bytes(&d).unwrap()).unwrap();
    // Past a second boundary, so a clock in the file would show.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(&b, xlsx_bytes(&d).unwrap()).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn the_xlsx_of_an_open_day_and_of_hostile_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("open.xlsx");
    let d = doc(&open_report());
    std::fs::write(&path, xlsx_bytes(&d).unwrap()).unwrap();
    let cells = strings(&read_sheet(&path, &d));
    for exact in [
        "CHƯA KHÓA SỔ — báo cáo giữa ngày, số liệu đến lúc lập",
        "CHƯA THỂ KHÓA SỔ:",
        "• Quỹ của Phạm Văn Long chưa kiểm đếm cuối ca.",
        "CẢNH BÁO: thiếu số biên nhận HD01 năm 2026: từ 13 đến 13 (xem mục IV).",
    ] {
        assert!(
            cells.iter().any(|c| c == exact),
            "no cell {exact:?} in {cells:#?}"
        );
    }

    let path = dir.path().join("hostile.xlsx");
    let d = doc(&hostile_report());
    std::fs::write(&path, xlsx_bytes(&d).unwrap()).unwrap();
    let cells = strings(&read_sheet(&path, &d));
    assert!(
        cells.iter().any(|c| c.starts_with("Lê Văn A\u{FFFD}[2J")),
        "{cells:#?}"
    );
    for c in &cells {
        assert!(!c.contains('\x1b'), "ESC reached the sheet: {c:?}");
        assert!(!c.chars().any(char::is_control), "{c:?}");
        assert!(!c.contains('\u{202E}'), "{c:?}");
    }

    let mut bad = closed_report();
    bad.day = "10/11/2026".into();
    assert!(xlsx_bytes(&doc(&bad)).is_err());
}

#[test]
fn a_closed_days_seal_code_and_the_one_before_show_in_every_format() {
    let seal = day::DaySeal {
        code: "7F3K-Q2PA".into(),
        prev_code: Some("M9X4-2B7C".into()),
    };
    let d = day::build_sealed(Lang::Vi, &office(), &closed_report(), Some(&seal));
    let text = render_text(&d);
    assert_fits(&text, 80);
    let screen: Vec<String> = lay_out(&d, Page::screen(78))
        .iter()
        .map(|l| l.text())
        .collect();
    for shown in [text.lines().map(String::from).collect::<Vec<_>>(), screen] {
        // Each on one line, as it is (not cut into groups of four), above
        // the numbers.
        let at = |line: &str| shown.iter().position(|l| l.trim() == line);
        let code = at("Mã niêm phong: 7F3K-Q2PA").expect("the seal code");
        let prev = at("Mã ngày trước: M9X4-2B7C").expect("the previous code");
        let totals = shown.iter().position(|l| l.starts_with("I. ")).unwrap();
        assert!(code < prev && prev < totals, "{shown:#?}");
    }
    let (header, rows) = csv_rows(&d);
    let col = |k: &str| header.iter().position(|c| c == k).unwrap();
    let seal_row = |muc: &str| {
        rows.iter()
            .find(|r| r[col("loai")] == "niem_phong" && r[col("muc")] == muc)
            .map(|r| r[col("noi_dung")].clone())
    };
    assert_eq!(seal_row("ma_niem_phong").as_deref(), Some("7F3K-Q2PA"));
    assert_eq!(seal_row("ma_ngay_truoc").as_deref(), Some("M9X4-2B7C"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sealed.xlsx");
    std::fs::write(&path, xlsx_bytes(&d).unwrap()).unwrap();
    let cells = strings(&read_sheet(&path, &d));
    assert!(
        cells.iter().any(|c| c == "Mã niêm phong: 7F3K-Q2PA"),
        "{cells:?}"
    );
    assert!(
        cells.iter().any(|c| c == "Mã ngày trước: M9X4-2B7C"),
        "{cells:?}"
    );

    // The first day ever closed has no day before it, and says so.
    let first = day::DaySeal {
        code: "7F3K-Q2PA".into(),
        prev_code: None,
    };
    let text = render_text(&day::build_sealed(
        Lang::Vi,
        &office(),
        &closed_report(),
        Some(&first),
    ));
    assert!(
        text.contains("Mã ngày trước: không có (ngày khóa sổ đầu tiên)"),
        "{text}"
    );
    // An open day has no seal, whatever is passed.
    let open = render_text(&day::build_sealed(
        Lang::Vi,
        &office(),
        &open_report(),
        Some(&seal),
    ));
    assert!(
        !open.contains("7F3K") && !open.contains("Mã niêm phong"),
        "{open}"
    );
    // The report of a closed day carries the seal its close stored: the
    // screen, the printout and `chitra report day` all show the code the
    // supervisor signs beside.
    let closed = closed_report();
    let stored = closed.closed.as_ref().unwrap();
    assert!(!stored.code.is_empty());
    let text = text_of(&closed);
    assert!(
        text.contains(&format!("Mã niêm phong: {}", stored.code)),
        "{text}"
    );
    assert_ne!(
        render_text(&day::build_sealed(Lang::Vi, &office(), &closed, None)),
        text
    );
}
