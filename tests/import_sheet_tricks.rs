//! Lists forged so that whoever reads them in Excel sees another list than
//! a program reading the cells would: columns or a header row Excel hides,
//! rows a pixel high, values under merged cells, an xls whose ROW records
//! come after the cells, a workbook opening at another sheet than the
//! first. Each is refused, or read as Excel shows it.

use crate::common;

use std::path::{Path, PathBuf};

use chitra::import::record::Problem;
use chitra::import::table::TableError;
use chitra::service::Error;
use chitra::service::import::{ImportError, ImportOptions, ImportReport, ListKind};
use common::*;
use rust_xlsxwriter::{Workbook, Worksheet};

fn import_path(office: &Office, path: &Path) -> Result<ImportReport, Error> {
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = ImportOptions {
        kind: ListKind::Monthly,
        period: Some("2026-11".parse().unwrap()),
        dry_run: true,
    };
    svc.import(&boss, path, &opts, &mut |_| {})
}

fn table_error(result: Result<ImportReport, Error>) -> TableError {
    match result {
        Err(Error::Import(e)) => match *e {
            ImportError::Table(t) => t,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A header (row 1) and three people: the third, "Người Bị Ẩn", with
/// 9.000.000 đ. Columns: A STT, B code, C name, D year, E ID, F Trợ cấp.
fn list_sheet(ws: &mut Worksheet) {
    let rows: [[&str; 6]; 4] = [
        [
            "STT",
            "Mã đối tượng",
            "Họ và tên",
            "Năm sinh",
            "Số CCCD/CMND",
            "Trợ cấp",
        ],
        [
            "1",
            "HD-00001",
            "Người Thấy Được",
            "1950",
            "046150000001",
            "2789000",
        ],
        [
            "2",
            "HD-00002",
            "Người Thứ Hai",
            "1950",
            "046150000002",
            "1000000",
        ],
        [
            "3",
            "HD-00003",
            "Người Bị Ẩn",
            "1950",
            "046150000003",
            "9000000",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
}

fn save(office: &Office, name: &str, wb: &mut Workbook) -> PathBuf {
    let path = office.dir.path().join(name);
    wb.save(&path).unwrap();
    path
}

fn hidden_columns(e: TableError) -> Vec<(String, String)> {
    match e {
        TableError::HiddenColumns { columns, .. } => columns
            .into_iter()
            .map(|c| (c.letter, c.header_text))
            .collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_column_excel_hides_that_chitra_reads_refuses_the_file_naming_it() {
    let office = Office::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    list_sheet(ws);
    ws.set_column_hidden(5).unwrap();
    let path = save(&office, "hidden-column.xlsx", &mut wb);
    let e = table_error(import_path(&office, &path));
    assert_eq!(hidden_columns(e.clone()), [("F".into(), "Trợ cấp".into())]);
    let said = chitra::i18n::Localize::vi(&e);
    assert!(said.contains("cột F (Trợ cấp)"), "{said}");
    assert!(said.contains("Unhide Columns"), "{said}");
}

#[test]
fn a_column_narrower_than_a_character_counts_as_hidden() {
    let office = Office::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    list_sheet(ws);
    ws.set_column_width(2, 0.3).unwrap();
    let path = save(&office, "narrow-column.xlsx", &mut wb);
    let e = table_error(import_path(&office, &path));
    assert_eq!(hidden_columns(e), [("C".into(), "Họ và tên".into())]);
}

#[test]
fn a_hidden_column_of_an_xls_refuses_the_file() {
    let office = Office::new();
    let e = table_error(import_path(&office, &fixture("hidden_column.xls")));
    assert_eq!(hidden_columns(e), [("F".into(), "Trợ cấp".into())]);
}

/// Columns A–E given a width, the sheet's default width (DEFCOLWIDTH) no
/// character at all: Excel shows F and G, "Trợ cấp" and "Phụ cấp", as
/// hairlines.
#[test]
fn a_column_left_at_a_default_width_of_nothing_counts_as_hidden() {
    let office = Office::new();
    let e = table_error(import_path(&office, &fixture("narrow_default_columns.xls")));
    assert_eq!(
        hidden_columns(e),
        [
            ("F".into(), "Trợ cấp".into()),
            ("G".into(), "Phụ cấp".into())
        ]
    );
}

#[test]
fn a_header_row_excel_hides_refuses_the_file() {
    let office = Office::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "DANH SÁCH CHI TRẢ").unwrap();
    list_sheet(ws);
    ws.set_row_hidden(0).unwrap();
    let path = save(&office, "hidden-header.xlsx", &mut wb);
    assert!(matches!(
        table_error(import_path(&office, &path)),
        TableError::HiddenHeader { row: 1, .. }
    ));
}

#[test]
fn a_person_on_a_row_a_pixel_high_is_refused() {
    let office = Office::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    list_sheet(ws);
    ws.set_row_height(3, 1.0).unwrap();
    // A row of 15 points stays.
    ws.set_row_height(2, 15).unwrap();
    let path = save(&office, "tiny-row.xlsx", &mut wb);
    let report = import_path(&office, &path).unwrap();
    let refused: Vec<(usize, Problem)> = report
        .rejected
        .iter()
        .map(|p| (p.place.row, p.problem.clone()))
        .collect();
    assert_eq!(refused, [(4, Problem::HiddenRow)]);
}

#[test]
fn an_xls_row_hidden_by_a_row_record_after_its_cells_is_refused() {
    let office = Office::new();
    let report = import_path(&office, &fixture("late_row.xls")).unwrap();
    let refused: Vec<(usize, Problem)> = report
        .rejected
        .iter()
        .map(|p| (p.place.row, p.problem.clone()))
        .collect();
    assert_eq!(refused, [(4, Problem::HiddenRow)]);
    assert!(
        report.rejected[0]
            .place
            .who
            .as_deref()
            .is_some_and(|w| w.contains("Người Bị Ẩn"))
    );
}

/// Excel shows a merged range's top-left value only: what the covered
/// cells hold is not read (here 5.000.000 đ in G, under F's merge).
#[test]
fn a_value_under_a_merged_range_is_not_read_as_excel_does_not_show_it() {
    let office = Office::new();
    let report = import_path(&office, &fixture("merged_covered.xls")).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!(report.people, 3);
    assert_eq!(report.total.to_string(), "12.789.000 đ");
}

#[test]
fn a_merged_heading_over_a_person_hides_the_person_in_xlsx_too() {
    let office = Office::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    list_sheet(ws);
    // The third person's row, merged A4:F4 as a heading: Excel shows "3".
    let plain = rust_xlsxwriter::Format::new();
    ws.merge_range(3, 0, 3, 5, "3", &plain).unwrap();
    for (c, v) in ["HD-00003", "Người Bị Ẩn", "1950", "046150000003", "9000000"]
        .iter()
        .enumerate()
    {
        ws.write_string(3, c as u16 + 1, *v).unwrap();
    }
    let path = save(&office, "merged.xlsx", &mut wb);
    let report = import_path(&office, &path).unwrap();
    assert_eq!(report.people, 2, "{:?}", report.rejected);
    assert_eq!(report.total.to_string(), "3.789.000 đ");
}

#[test]
fn the_sheet_excel_opens_at_is_read_and_the_other_named() {
    let office = Office::new();
    let mut wb = Workbook::new();
    let first = wb.add_worksheet();
    first.set_name("Bản cũ").unwrap();
    list_sheet(first);
    first.write_string(3, 5, "99000000").unwrap();
    let shown = wb.add_worksheet();
    shown.set_name("Danh sách").unwrap();
    list_sheet(shown);
    shown.set_active(true);
    let path = save(&office, "two-sheets.xlsx", &mut wb);
    let report = import_path(&office, &path).unwrap();
    assert_eq!(report.sheet.as_deref(), Some("Danh sách"));
    assert_eq!(report.total.to_string(), "12.789.000 đ");
    let others: Vec<&Problem> = report
        .warnings
        .iter()
        .map(|w| &w.problem)
        .filter(|p| matches!(p, Problem::OtherSheets { .. }))
        .collect();
    assert_eq!(
        others,
        [&Problem::OtherSheets {
            read: "Danh sách".into(),
            others: vec!["Bản cũ".into()],
        }]
    );
    let warning = report
        .warnings
        .iter()
        .find(|w| matches!(w.problem, Problem::OtherSheets { .. }))
        .unwrap();
    let said = chitra::i18n::Localize::vi(warning);
    assert!(said.contains("\"Bản cũ\""), "{said}");
}

/// An xls whose rows were written out of order (header, 3, 2, 4, as xlwt
/// writes a row made late) is read as Excel shows it, each person in their
/// row; before, it was refused as a damaged file.
#[test]
fn an_xls_whose_rows_come_out_of_order_is_read_in_their_places() {
    let office = Office::new();
    let report = import_path(&office, &fixture("rows_out_of_order.xls")).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let rows: Vec<(usize, &str, String)> = report
        .changes
        .iter()
        .map(|c| {
            (
                c.row,
                c.record_code.as_str(),
                c.new_amount.unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (2, "HD-00001", "2.789.000 đ".into()),
            (3, "HD-00002", "1.000.000 đ".into()),
            (4, "HD-00003", "9.000.000 đ".into()),
        ]
    );
}
