//! Bad list files and bad tables: each gets an error that says what is
//! wrong, where, and what to do — and a bad row far into a file is reported
//! in its place while reading goes on.

use crate::source_fixtures as fixtures;

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

/// A zip of stored parts, written by hand, with each part's CRC-32 given
/// as `crc` says (the true one when `None`).
fn stored_zip(parts: &[(&str, &[u8], Option<u32>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, crc) in parts {
        let crc = crc.unwrap_or_else(|| {
            let mut c = flate2::Crc::new();
            c.update(data);
            c.sum()
        });
        let offset = out.len() as u32;
        let mut fields = Vec::new();
        fields.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        fields.extend(crc.to_le_bytes());
        fields.extend((data.len() as u32).to_le_bytes());
        fields.extend((data.len() as u32).to_le_bytes());
        fields.extend((name.len() as u16).to_le_bytes());
        fields.extend([0, 0]);
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(&fields);
        out.extend(name.as_bytes());
        out.extend(*data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend([20, 0]);
        central.extend(&fields);
        central.extend([0; 10]);
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend([0, 0]);
    out
}

/// A one-sheet xlsx of `sheet`'s XML, the sheet's CRC as `crc` says.
fn one_sheet_xlsx(sheet: &str, crc: Option<u32>) -> Vec<u8> {
    let workbook = r#"<workbook xmlns:r="r"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = r#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    stored_zip(&[
        ("xl/workbook.xml", workbook.as_bytes(), None),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes(), None),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes(), crc),
    ])
}

/// A list of `people` as a sheet's XML, with a total row and a
/// signature line after it.
fn sheet_xml(people: usize) -> String {
    let cell = |r: usize, c: char, v: &str| {
        format!(r#"<c r="{c}{r}" t="inlineStr"><is><t>{v}</t></is></c>"#)
    };
    let mut s = String::from("<worksheet><sheetData>");
    s.push_str(&format!(
        r#"<row r="1">{}{}{}</row>"#,
        cell(1, 'A', "Họ và tên"),
        cell(1, 'B', "Mã đối tượng"),
        cell(1, 'C', "Trợ cấp")
    ));
    for i in 0..people {
        let r = i + 2;
        s.push_str(&format!(
            r#"<row r="{r}">{}{}<c r="C{r}"><v>2789000</v></c></row>"#,
            cell(r, 'A', "Nguyễn Văn An"),
            cell(r, 'B', &format!("HS{i}"))
        ));
    }
    let r = people + 2;
    s.push_str(&format!(
        r#"<row r="{r}">{}<c r="C{r}"><v>{}</v></c></row>"#,
        cell(r, 'A', "Tổng cộng"),
        2_789_000 * people
    ));
    s.push_str(&format!(
        r#"<row r="{}">{}</row>"#,
        r + 2,
        cell(r + 2, 'A', "Người lập biểu")
    ));
    s.push_str("</sheetData></worksheet>");
    s
}

/// Every item of the table in `path`.
fn table_items(path: &Path) -> Vec<Result<TableRow, SourceError>> {
    let src = source::open(path).unwrap();
    table::locate(path, src, &Synonyms::defaults())
        .unwrap()
        .collect()
}

fn damaged(items: &[Result<TableRow, SourceError>]) -> Option<&SourceError> {
    items.iter().find_map(|i| match i {
        Err(e @ SourceError::BadWorkbook { .. }) => Some(e),
        _ => None,
    })
}

#[test]
fn a_sheet_cut_between_two_rows_is_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let whole = sheet_xml(10);
    let ok = write(dir.path(), "du.xlsx", &one_sheet_xlsx(&whole, None));
    let items = table_items(&ok);
    assert!(items.iter().all(Result::is_ok), "{items:?}");
    assert_eq!(
        items
            .iter()
            .filter(|i| matches!(i, Ok(TableRow::Data(_))))
            .count(),
        10
    );
    // Cut where row 7 starts: what is left is well formed, only shorter.
    let cut = &whole[..whole.find(r#"<row r="7">"#).unwrap()];
    let path = write(dir.path(), "cut.xlsx", &one_sheet_xlsx(cut, None));
    let items = table_items(&path);
    let e = damaged(&items).expect("a sheet cut short is damaged");
    assert!(
        e.vi().contains("cut.xlsx") && e.vi().contains("Hãy"),
        "{}",
        e.vi()
    );
    // Cut after the rows, before </worksheet>.
    let cut = &whole[..whole.len() - "</worksheet>".len()];
    let path = write(dir.path(), "cut_end.xlsx", &one_sheet_xlsx(cut, None));
    assert!(damaged(&table_items(&path)).is_some());
}

#[test]
fn a_part_whose_crc_does_not_match_is_refused_even_before_the_total_row() {
    let dir = tempfile::tempdir().unwrap();
    let whole = sheet_xml(10);
    let mut crc = flate2::Crc::new();
    crc.update(whole.as_bytes());
    // One byte of the third person's code changed, the CRC of the
    // original kept: the table ends at its total row long before the end
    // of the part.
    let changed = whole.replace("HS2<", "HT2<");
    assert_eq!(changed.len(), whole.len());
    let path = write(
        dir.path(),
        "crc.xlsx",
        &one_sheet_xlsx(&changed, Some(crc.sum())),
    );
    let items = table_items(&path);
    assert!(damaged(&items).is_some(), "{items:?}");
}

/// A folder or a device is not a list: said plainly, at once, and never
/// read without end (/dev/zero).
#[test]
fn a_folder_or_a_device_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let e = open_err(dir.path());
    let said = e.to_string();
    assert!(said.contains("thư mục"), "{said}");
    assert!(!said.contains("os error"), "{said}");
    let e = open_err(Path::new("/dev/zero"));
    assert!(matches!(e, SourceError::NotAFile { .. }), "{e:?}");
    let missing = open_err(&dir.path().join("khong-co.csv"));
    let said = missing.to_string();
    assert!(said.contains("không có tệp hay thư mục này"), "{said}");
}

/// Two parts of one name (the same, in another case, or after a '/'):
/// one reader would read the first, another the second.
#[test]
fn an_xlsx_holding_two_parts_of_one_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = r#"<workbook xmlns:r="r"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = r#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let shown = sheet_xml(1);
    let hidden = shown.replace("Nguyễn Văn An", "Kẻ Gian Lận");
    for (i, twin) in [
        "xl/worksheets/sheet1.xml",
        "XL/Worksheets/Sheet1.xml",
        "/xl/worksheets/sheet1.xml",
    ]
    .into_iter()
    .enumerate()
    {
        let mut parts = vec![
            ("xl/workbook.xml", workbook.as_bytes(), None),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes(), None),
            ("xl/worksheets/sheet1.xml", shown.as_bytes(), None),
        ];
        let path = write(dir.path(), &format!("one{i}.xlsx"), &stored_zip(&parts));
        assert!(source::open(&path).is_ok(), "{twin}");
        parts.push((twin, hidden.as_bytes(), None));
        let path = write(dir.path(), &format!("twin{i}.xlsx"), &stored_zip(&parts));
        assert!(
            matches!(
                open_err(&path),
                SourceError::BadWorkbook {
                    format: Format::Xlsx,
                    ..
                }
            ),
            "{twin}"
        );
    }
}

#[test]
fn hidden_rows_of_a_sheet_are_marked() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = sheet_xml(3)
        .replace(r#"<row r="3">"#, r#"<row r="3" hidden="1">"#)
        .replace(r#"<row r="4">"#, r#"<row r="4" ht="0" customHeight="1">"#);
    let path = write(dir.path(), "hidden.xlsx", &one_sheet_xlsx(&sheet, None));
    let hidden: Vec<(usize, bool)> = table_items(&path)
        .into_iter()
        .filter_map(|i| match i {
            Ok(TableRow::Data(d)) => Some((d.number(), d.hidden())),
            _ => None,
        })
        .collect();
    assert_eq!(hidden, [(2, false), (3, true), (4, true)]);
}

/// A sheet whose default column width shows nothing (`defaultColWidth`,
/// or `baseColWidth` without it) hides every column not given a width of
/// its own; a sheet whose default is ordinary hides none.
#[test]
fn columns_left_at_a_default_width_of_nothing_are_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let cols = r#"<cols><col min="1" max="2" width="20" customWidth="1"/></cols>"#;
    for (i, (format, hidden)) in [
        (
            r#"<sheetFormatPr defaultColWidth="0.4" defaultRowHeight="15"/>"#,
            true,
        ),
        (
            r#"<sheetFormatPr baseColWidth="0" defaultRowHeight="15"/>"#,
            true,
        ),
        (
            r#"<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>"#,
            false,
        ),
        (
            r#"<sheetFormatPr defaultColWidth="9.14" defaultRowHeight="15"/>"#,
            false,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let sheet = sheet_xml(2).replace("<worksheet>", &format!("<worksheet>{format}{cols}"));
        let path = write(
            dir.path(),
            &format!("w{i}.xlsx"),
            &one_sheet_xlsx(&sheet, None),
        );
        let src = source::open(&path).unwrap();
        let shown: Vec<usize> = src.hidden_columns().iter().copied().take(2).collect();
        if hidden {
            assert_eq!(shown, [2, 3], "{format}");
        } else {
            assert!(shown.is_empty(), "{format}: {shown:?}");
        }
    }
}

/// A reference past column XFD is no cell Excel wrote: the workbook is
/// damaged, not a list with a value in column 18.446.744.073.709.551.615.
#[test]
fn a_cell_reference_past_column_xfd_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    for (i, reference) in [format!("{}2", "A".repeat(40)), "XFE2".into()]
        .iter()
        .enumerate()
    {
        let sheet = sheet_xml(1).replace(r#"r="C2""#, &format!(r#"r="{reference}""#));
        let path = write(
            dir.path(),
            &format!("ref{i}.xlsx"),
            &one_sheet_xlsx(&sheet, None),
        );
        let items = table_items(&path);
        let e = damaged(&items).unwrap_or_else(|| panic!("{reference}: {items:?}"));
        assert!(!e.vi().contains("18.446"), "{}", e.vi());
    }
    // Column IW is past the limit, named as it is.
    let sheet = sheet_xml(1).replace(r#"r="C2""#, r#"r="IW2""#);
    let path = write(dir.path(), "iw.xlsx", &one_sheet_xlsx(&sheet, None));
    let items = table_items(&path);
    let too_big = items.iter().find_map(|i| match i {
        Err(e @ SourceError::TooBig { .. }) => Some(e),
        _ => None,
    });
    assert!(
        too_big.is_some_and(|e| e.vi().contains("cột thứ 257")),
        "{items:?}"
    );
}
