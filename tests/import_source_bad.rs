//! Bad list files and bad tables: each gets an error that says what is
//! wrong, where, and what to do — and a bad row far into a file is reported
//! in its place while reading goes on.

#[path = "import_source/fixtures.rs"]
mod fixtures;

use chitra::i18n::Localize;
use chitra::import::Field;
use chitra::import::source::{self, Format, SourceError};
use chitra::import::synonyms::Synonyms;
use chitra::import::table::{self, TableError, TableRow};
use fixtures::write;
use std::path::{Path, PathBuf};

fn open_err(path: &Path) -> SourceError {
    match source::open(path) {
        Ok(_) => panic!("{} should not open", path.display()),
        Err(e) => e,
    }
}

#[test]
fn bad_files_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let empty = write(d, "empty.csv", b"");
    assert_eq!(
        open_err(&empty),
        SourceError::Empty {
            file: empty.clone()
        }
    );
    let bom_only = write(d, "bom.csv", &[0xEF, 0xBB, 0xBF]);
    assert_eq!(
        open_err(&bom_only),
        SourceError::Empty {
            file: bom_only.clone()
        }
    );
    let separators = write(d, "blank.csv", b";;;\r\n ; ;\r\n");
    assert!(matches!(open_err(&separators), SourceError::Empty { .. }));

    let png = write(d, "photo.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    assert!(matches!(
        open_err(&png),
        SourceError::NotASpreadsheet { .. }
    ));
    let exe = write(
        d,
        "tool.csv",
        &[0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00],
    );
    assert!(matches!(
        open_err(&exe),
        SourceError::NotASpreadsheet { .. }
    ));

    let broken = write(d, "broken.xlsx", b"PK\x03\x04 this zip is cut short");
    assert!(matches!(
        open_err(&broken),
        SourceError::BadWorkbook {
            format: Format::Xlsx,
            ..
        }
    ));
    let broken_xls = write(
        d,
        "broken.xls",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0],
    );
    assert!(matches!(
        open_err(&broken_xls),
        SourceError::BadWorkbook {
            format: Format::Xls,
            ..
        }
    ));

    let locked = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/password.xlsx");
    assert_eq!(
        open_err(&locked),
        SourceError::PasswordProtected {
            file: locked.clone()
        }
    );

    let blank_book = d.join("blank.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().set_name("Sheet1").unwrap();
    wb.add_worksheet().set_name("Sheet2").unwrap();
    wb.save(&blank_book).unwrap();
    assert_eq!(
        open_err(&blank_book),
        SourceError::EmptySheets {
            file: blank_book.clone(),
            sheets: vec!["Sheet1".into(), "Sheet2".into()]
        }
    );

    let missing = d.join("missing.csv");
    assert!(matches!(
        open_err(&missing),
        SourceError::Io { row: None, .. }
    ));
}

#[test]
fn error_messages_say_what_where_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(dir.path(), "anh_chup.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00");
    let vi = open_err(&png).vi();
    assert!(
        vi.contains("anh_chup.xlsx") && vi.contains("không phải bảng tính") && vi.contains("Hãy"),
        "{vi}"
    );
    let locked = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/password.xlsx");
    assert!(open_err(&locked).vi().contains("mật khẩu"));
}

fn locate_err(path: &Path) -> TableError {
    let src = source::open(path).unwrap();
    match table::locate(path, src, &Synonyms::defaults()) {
        Ok(_) => panic!("{} should have no usable table", path.display()),
        Err(e) => e,
    }
}

#[test]
fn missing_columns_and_missing_header_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("thieu_cot.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "DANH SÁCH THÁNG 11/2026").unwrap();
    for (c, h) in ["STT", "Họ và tên", "Thôn", "Ghi chú"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_string(3, 1, "Nguyễn Văn An").unwrap();
    wb.save(&path).unwrap();
    let e = locate_err(&path);
    let TableError::MissingColumns {
        header_rows,
        missing,
        ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(header_rows, &vec![3]);
    assert_eq!(
        missing,
        &vec![table::Required::RecordCodeOrId, table::Required::Amount]
    );
    let vi = e.vi();
    assert!(
        vi.contains("thieu_cot.xlsx") && vi.contains("dòng 3") && vi.contains("C = Thôn/Xóm"),
        "{vi}"
    );

    let prose = write(
        dir.path(),
        "cong_van.csv",
        "Kính gửi: Bưu điện xã\nV/v chi trả trợ cấp\n".as_bytes(),
    );
    let e = locate_err(&prose);
    assert!(
        matches!(
            e,
            TableError::NoHeader {
                rows_scanned: 2,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(
        e.vi().contains("Họ và tên"),
        "the message lists what is expected"
    );
}

#[test]
fn invalid_utf8_far_into_a_utf8_file_names_its_row_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Họ và tên;Mã hồ sơ;Trợ cấp\n");
    for i in 0..20_000 {
        text.push_str(&format!("Nguyễn Văn An;HS{i};2789000\n"));
    }
    let mut bytes = text.into_bytes();
    bytes.extend(b"Tr\xC7n V\xE3n B;HS-X;1\n");
    bytes.extend("Lê Thị Cúc;HS-Y;2\n".as_bytes());
    let path = write(dir.path(), "mixed.csv", &bytes);
    let src = source::open(&path).unwrap();
    let t = table::locate(&path, src, &Synonyms::defaults()).unwrap();
    let items: Vec<_> = t.collect();
    assert_eq!(items.len(), 20_002);
    assert_eq!(
        items[20_000],
        Err(SourceError::InvalidUtf8 {
            file: path.clone(),
            row: 20_002
        })
    );
    let Ok(TableRow::Data(last)) = &items[20_001] else {
        panic!()
    };
    assert_eq!(
        (
            last.number(),
            last.get(Field::FullName).unwrap().text.as_str()
        ),
        (20_003, "Lê Thị Cúc")
    );
}

#[test]
fn a_character_cut_in_two_by_a_delimiter_is_not_taken_for_valid_text() {
    // "é" is C3 A9; here a ';' stands between its two bytes. Joined, the
    // two cells would read as valid UTF-8; each on its own is not.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Họ và tên;Mã hồ sơ;Trợ cấp\n");
    // Far enough into the file that the encoding is settled as UTF-8.
    for i in 0..20_000 {
        text.push_str(&format!("Nguyễn Văn An;HS{i};2789000\n"));
    }
    let mut bytes = text.into_bytes();
    bytes.extend(b"Le Thi C\xC3;\xA9;1\n");
    let path = write(dir.path(), "cut.csv", &bytes);
    let src = source::open(&path).unwrap();
    let t = table::locate(&path, src, &Synonyms::defaults()).unwrap();
    let items: Vec<_> = t.collect();
    assert_eq!(
        items.last(),
        Some(&Err(SourceError::InvalidUtf8 {
            file: path.clone(),
            row: 20_002
        }))
    );
}

#[test]
fn a_workbook_of_too_many_sheets_is_refused_and_empty_sheets_are_named_briefly() {
    let dir = tempfile::tempdir().unwrap();
    let many = dir.path().join("nhieu_trang.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    for _ in 0..300 {
        wb.add_worksheet();
    }
    wb.save(&many).unwrap();
    let e = open_err(&many);
    assert!(
        matches!(
            e,
            SourceError::TooBig {
                limit: source::Limit::Sheets,
                ..
            }
        ),
        "{e:?}"
    );
    let vi = e.vi();
    assert!(
        vi.contains("nhieu_trang.xlsx") && vi.contains("hơn 256 trang tính") && vi.contains("Hãy"),
        "{vi}"
    );

    let empty = dir.path().join("trang_trong.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    for _ in 0..40 {
        wb.add_worksheet();
    }
    wb.save(&empty).unwrap();
    let vi = open_err(&empty).vi();
    assert!(
        vi.contains("Sheet1, Sheet2, Sheet3, Sheet4, Sheet5 và 35 trang khác"),
        "{vi}"
    );
    assert!(!vi.contains("Sheet6"), "{vi}");
}
