//! Tests of `locate` and of the table's rows, on sheets built in memory.

use super::*;
use crate::domain::EntitlementKind as K;
use std::cell::Cell as Counter;
use std::rc::Rc;

fn sheet(rows: &[&[&str]]) -> Vec<SheetRow> {
    rows.iter()
        .enumerate()
        .map(|(i, cells)| SheetRow {
            number: i + 1,
            cells: cells.iter().map(|t| Cell::text(*t)).collect(),
            hidden: false,
        })
        .collect()
}

fn ok_rows(rows: Vec<SheetRow>) -> impl Iterator<Item = Result<SheetRow, SourceError>> {
    rows.into_iter().map(Ok)
}

/// The shape of a social-affairs list: title block, two-row header, a
/// numbering row, hamlet headings and subtotals, total, signatures.
fn realistic() -> Vec<SheetRow> {
    sheet(&[
        &["UBND XÃ AN BÌNH"],
        &["DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG"],
        &["THÁNG 11 NĂM 2026"],
        &[],
        &[
            "STT",
            "Mã ĐT",
            "Họ và tên",
            "Số CCCD",
            "Số tiền (đồng)",
            "",
            "",
            "Ký nhận",
        ],
        &["", "", "", "", "Trợ cấp", "Phụ cấp", "Tổng cộng", ""],
        &["1", "2", "3", "4", "5", "6", "7=5+6", "8"],
        &["I", "Thôn Đông"],
        &[
            "1",
            "NCC001",
            "Nguyễn Văn An",
            "001090012345",
            "2.789.000",
            "0",
            "2.789.000",
        ],
        &[
            "2",
            "NCC002",
            "Trần Thị Bình",
            "001190012346",
            "1.500.000",
            "500.000",
            "2.000.000",
        ],
        &[
            "",
            "",
            "Cộng thôn Đông",
            "",
            "4.289.000",
            "500.000",
            "4.789.000",
        ],
        &[],
        &["II", "Thôn Tây"],
        &[
            "3",
            "NCC003",
            "Lê Văn Cường",
            "",
            "2.789.000",
            "",
            "2.789.000",
        ],
        &["", "", "Cộng thôn Tây", "", "2.789.000", "", "2.789.000"],
        &["", "Tổng cộng", "", "", "7.078.000", "500.000", "7.578.000"],
        &["", "Người lập biểu", "", "Kế toán", "", "Chủ tịch UBND xã"],
        &["", "NCC999", "Không được đọc"],
    ])
}

#[test]
fn realistic_list_is_read_row_by_row() {
    let mut table = locate(
        Path::new("ds.xlsx"),
        ok_rows(realistic()),
        &Synonyms::defaults(),
    )
    .unwrap();
    let layout = table.layout().clone();
    assert_eq!(layout.header_rows, vec![5, 6]);
    assert_eq!(layout.numbering_row, Some(7));
    assert_eq!(layout.period, Some((2026, 11)));
    assert_eq!(layout.title.len(), 3);
    let letters: Vec<(&str, Field)> = layout
        .columns
        .iter()
        .map(|c| (c.letter.as_str(), c.field))
        .collect();
    assert_eq!(
        letters,
        vec![
            ("A", Field::Stt),
            ("B", Field::RecordCode),
            ("C", Field::FullName),
            ("D", Field::IdNumber),
            ("E", Field::Amount(K::TroCap)),
            ("F", Field::Amount(K::PhuCap)),
            ("G", Field::RowTotal),
            ("H", Field::Note),
        ]
    );

    let rows: Vec<TableRow> = table.by_ref().map(Result::unwrap).collect();
    let kinds: Vec<String> = rows
        .iter()
        .map(|r| match r {
            TableRow::Data(d) => format!("data {}", d.number()),
            TableRow::Blank { number } => format!("blank {number}"),
            TableRow::GroupHeading(h) => format!("heading {} {:?}", h.number, h.hamlet()),
            TableRow::Subtotal { row, .. } => format!("subtotal {}", row.number()),
            TableRow::Total { row, .. } => format!("total {}", row.number()),
            TableRow::AfterEnd { row, .. } => format!("after the end {}", row.number()),
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            "heading 8 Some(\"Thôn Đông\")",
            "data 9",
            "data 10",
            "subtotal 11",
            "blank 12",
            "heading 13 Some(\"Thôn Tây\")",
            "data 14",
            "subtotal 15",
            "total 16",
        ]
    );
    assert_eq!(table.end(), Some(&TableEnd::AfterTotal { row: 16 }));

    let TableRow::Data(first) = &rows[1] else {
        panic!()
    };
    assert_eq!(first.get(Field::FullName).unwrap().text, "Nguyễn Văn An");
    assert_eq!(
        first.get(Field::Amount(K::TroCap)).unwrap().text,
        "2.789.000"
    );
    let (col, _) = first.value(Field::Amount(K::PhuCap)).unwrap();
    assert_eq!(
        (col.letter.as_str(), col.header_text.as_str()),
        ("F", "Phụ cấp")
    );
    let TableRow::Data(third) = &rows[6] else {
        panic!()
    };
    assert_eq!(third.get(Field::IdNumber), None);
    assert_eq!(third.column(Field::IdNumber).unwrap().letter, "D");
    let TableRow::Total { row, .. } = &rows[8] else {
        panic!()
    };
    assert_eq!(row.get(Field::RowTotal).unwrap().text, "7.578.000");
}

#[test]
fn signatures_end_the_table_when_there_is_no_total() {
    let rows = sheet(&[
        &["Họ tên", "Mã hồ sơ", "Trợ cấp"],
        &["Nguyễn Văn An", "HS01", "2789000"],
        &[],
        &["", "Ngày … tháng … năm …"],
        &["Phạm Văn Sau", "HS99", "1"],
    ]);
    let mut table = locate(Path::new("x.csv"), ok_rows(rows), &Synonyms::defaults()).unwrap();
    let n = table
        .by_ref()
        .filter(|r| matches!(r, Ok(TableRow::Data(_))))
        .count();
    assert_eq!(n, 1);
    assert!(matches!(
        table.end(),
        Some(TableEnd::Signatures { row: 4, .. })
    ));
}

#[test]
fn total_right_under_the_header_does_not_end_the_table() {
    let rows = sheet(&[
        &["Họ tên", "Mã hồ sơ", "Trợ cấp"],
        &["Tổng số", "", "5578000"],
        &["Nguyễn Văn An", "HS01", "2789000"],
        &["Lê Thị Hoa", "HS02", "2789000"],
    ]);
    let table = locate(Path::new("x.csv"), ok_rows(rows), &Synonyms::defaults()).unwrap();
    let rows: Vec<TableRow> = table.map(Result::unwrap).collect();
    assert!(matches!(rows[0], TableRow::Total { .. }));
    assert_eq!(
        rows.iter()
            .filter(|r| matches!(r, TableRow::Data(_)))
            .count(),
        2
    );
}

#[test]
fn a_person_with_a_code_is_never_a_subtotal_or_heading() {
    let rows = sheet(&[
        &["Họ tên", "Mã hồ sơ", "Trợ cấp"],
        &["Công Tằng Tôn Nữ Thị Hoa", "HS01", "2789000"],
        &["Cộng", "HS02", "2789000"],
        &["Thôn Đông", "HS03", ""],
        &["Tô Văn Ba", "", ""],
        &["", "", "5578000"],
    ]);
    let table = locate(Path::new("x.csv"), ok_rows(rows), &Synonyms::defaults()).unwrap();
    let rows: Vec<TableRow> = table.map(Result::unwrap).collect();
    assert!(
        rows[..4].iter().all(|r| matches!(r, TableRow::Data(_))),
        "{rows:#?}"
    );
    assert!(matches!(rows[4], TableRow::Subtotal { label: None, .. }));
}

#[test]
fn birth_year_under_nam_and_nu_implies_the_gender() {
    let rows = sheet(&[
        &["TT", "Họ và tên", "Năm sinh", "", "CCCD", "Trợ cấp"],
        &["", "", "Nam", "Nữ", "", ""],
        &["1", "Nguyễn Văn An", "1950", "", "001050012345", "2789000"],
        &["2", "Lê Thị Hoa", "", "1952", "001152012345", "2789000"],
    ]);
    let table = locate(Path::new("x.xlsx"), ok_rows(rows), &Synonyms::defaults()).unwrap();
    let people: Vec<(String, Option<Gender>)> = table
        .map(Result::unwrap)
        .filter_map(|r| match r {
            TableRow::Data(d) => Some((d.get(Field::BirthYear)?.text.clone(), d.implied_gender())),
            _ => None,
        })
        .collect();
    assert_eq!(
        people,
        vec![
            ("1950".into(), Some(Gender::Male)),
            ("1952".into(), Some(Gender::Female))
        ]
    );
}

#[test]
fn missing_columns_are_named() {
    let rows = sheet(&[
        &["DANH SÁCH"],
        &["STT", "Họ và tên", "Địa chỉ", "Ghi chú"],
        &["1", "An", "Xóm 1", ""],
    ]);
    let Err(e) = locate(Path::new("x.xlsx"), ok_rows(rows), &Synonyms::defaults()) else {
        panic!()
    };
    match e {
        TableError::MissingColumns {
            header_rows,
            missing,
            ..
        } => {
            assert_eq!(header_rows, vec![2]);
            assert_eq!(missing, vec![Required::RecordCodeOrId, Required::Amount]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn no_header_is_reported_with_the_rows_scanned() {
    let rows = sheet(&[&["Kính gửi Bưu điện"], &["Nội dung", "chi trả"]]);
    let Err(e) = locate(Path::new("x.xlsx"), ok_rows(rows), &Synonyms::defaults()) else {
        panic!()
    };
    assert_eq!(
        e,
        TableError::NoHeader {
            file: "x.xlsx".into(),
            rows_scanned: 2
        }
    );
}

#[test]
fn header_below_row_40_is_not_searched() {
    let mut rows: Vec<Vec<&str>> = vec![vec!["ghi chú dài"]; 40];
    rows.push(vec!["Họ tên", "Mã hồ sơ", "Trợ cấp"]);
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let Err(e) = locate(
        Path::new("x.xlsx"),
        ok_rows(sheet(&rows)),
        &Synonyms::defaults(),
    ) else {
        panic!()
    };
    assert!(matches!(
        e,
        TableError::NoHeader {
            rows_scanned: 40,
            ..
        }
    ));
}

#[test]
fn rows_are_pulled_one_at_a_time_and_not_past_the_end() {
    let mut all = sheet(&[&["Họ tên", "Mã hồ sơ", "Trợ cấp"]]);
    for i in 0..1000 {
        all.push(SheetRow {
            number: i + 2,
            cells: vec![
                Cell::text("An"),
                Cell::text(format!("HS{i}")),
                Cell::text("1"),
            ],
            hidden: false,
        });
    }
    all.push(SheetRow {
        number: 1002,
        cells: vec![Cell::text("Tổng cộng"), Cell::default(), Cell::text("1000")],
        hidden: false,
    });
    all.push(SheetRow {
        number: 1003,
        cells: vec![Cell::text("Người lập biểu")],
        hidden: false,
    });
    let pulled = Rc::new(Counter::new(0));
    let counter = pulled.clone();
    let source = all.into_iter().map(move |r| {
        counter.set(counter.get() + 1);
        Ok(r)
    });
    let mut table = locate(Path::new("x.csv"), source, &Synonyms::defaults()).unwrap();
    assert_eq!(
        pulled.get(),
        HEADER_SEARCH_ROWS + 2,
        "only the rows needed for the header"
    );
    table.by_ref().take(100).for_each(drop);
    assert!(pulled.get() <= 102);
    assert_eq!(table.by_ref().count(), 901);
    assert_eq!(
        pulled.get(),
        1003,
        "the signature line after the total is read, to find damage, not given"
    );
}

#[test]
fn damage_after_the_end_of_the_table_is_given_other_errors_are_not() {
    let rows = sheet(&[
        &["Họ tên", "Mã hồ sơ", "Trợ cấp"],
        &["An", "HS1", "1"],
        &["Tổng cộng", "", "1"],
        &["Người lập biểu"],
    ]);
    let damaged = SourceError::BadWorkbook {
        file: "x.xlsx".into(),
        format: crate::import::source::Format::Xlsx,
        detail: "CRC".into(),
    };
    let footer = SourceError::InvalidUtf8 {
        file: "x.xlsx".into(),
        row: 9,
    };
    let source = ok_rows(rows.clone())
        .chain(std::iter::once(Err(footer.clone())))
        .chain(std::iter::once(Err(damaged.clone())));
    let table = locate(Path::new("x.xlsx"), source, &Synonyms::defaults()).unwrap();
    let items: Vec<_> = table.collect();
    assert_eq!(items.last(), Some(&Err(damaged)));
    assert!(!items.contains(&Err(footer.clone())));
    let source = ok_rows(rows).chain(std::iter::once(Err(footer)));
    let table = locate(Path::new("x.xlsx"), source, &Synonyms::defaults()).unwrap();
    assert!(table.into_iter().all(|i| i.is_ok()));
}

#[test]
fn source_errors_pass_through() {
    let rows = sheet(&[&["Họ tên", "Mã hồ sơ", "Trợ cấp"], &["An", "HS1", "1"]]);
    let bad = SourceError::InvalidUtf8 {
        file: "x.csv".into(),
        row: 3,
    };
    let source = ok_rows(rows).chain(std::iter::once(Err(bad.clone())));
    let table = locate(Path::new("x.csv"), source, &Synonyms::defaults()).unwrap();
    let items: Vec<_> = table.collect();
    assert_eq!(items.last(), Some(&Err(bad)));
}
