//! The shape of a list that could lose people without a word: a stray
//! quote in a CSV cell that swallows the rows below it (the total row
//! too), a person's line left below the total row, the signatures or in a
//! second table, and a list with no total row to check.

use crate::common;

use chitra::import::record::Problem;
use chitra::import::source::SourceError;
use chitra::import::table::TableEnd;
use chitra::service::Error;
use chitra::service::import::{ImportError, ImportOptions, ImportReport, ListKind};
use common::*;

const TITLE: &str = "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG 11 NĂM 2026";
const HEAD: &str =
    "STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Thôn;Trợ cấp;Tổng cộng;Ghi chú";

/// A person's line: number `i`, with `note` in the last column.
fn person(i: usize, note: &str) -> String {
    format!("{i};HD-{i:05};Nguyễn Văn An;1950;0461500{i:05};Thôn Đông;2.789.000;2.789.000;{note}")
}

fn total(people: usize) -> String {
    let sum = dots(2_789_000 * people as i64);
    format!(";;Tổng cộng;;;;{sum};{sum};")
}

/// A list of `n` people whose notes `notes` gives by number, with its total
/// row and signature line.
fn list(n: usize, notes: &[(usize, &str)]) -> String {
    let mut lines = vec![TITLE.to_string(), String::new(), HEAD.to_string()];
    for i in 1..=n {
        let note = notes.iter().find(|(at, _)| *at == i).map_or("", |(_, t)| t);
        lines.push(person(i, note));
    }
    lines.push(total(n));
    lines.push("Người lập biểu".into());
    lines.join("\r\n") + "\r\n"
}

fn import(office: &Office, name: &str, text: &str) -> Result<ImportReport, Error> {
    let path = office.write_file(name, text.as_bytes());
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = ImportOptions {
        kind: ListKind::Monthly,
        period: None,
        dry_run: false,
    };
    svc.import(&boss, &path, &opts, &mut |_| {})
}

fn people_on_file(office: &Office) -> i64 {
    office
        .service()
        .store()
        .conn()
        .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
        .unwrap()
}

fn runaway(result: Result<ImportReport, Error>) -> (usize, usize) {
    match result {
        Err(Error::Import(e)) => match *e {
            ImportError::Table(chitra::import::table::TableError::Source(
                SourceError::RunawayQuote { row, column, .. },
            ))
            | ImportError::Source(SourceError::RunawayQuote { row, column, .. }) => (row, column),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_stray_quote_in_a_note_that_swallows_the_rows_below_refuses_the_file_naming_its_cell() {
    let office = Office::new();
    // Row 13 (title, blank, header, then the tenth person) opens a quote
    // that never closes: the other fifty people and the total row would
    // be one note.
    let text = list(60, &[(10, "\"Đã nhận thay")]);
    assert_eq!(runaway(import(&office, "quote.csv", &text)), (13, 8));
    assert_eq!(people_on_file(&office), 0);

    // The words say where the quote opened and what to do, without JSON too.
    let path = office.write_file("quote2.csv", text.as_bytes());
    let out = common::chitra(
        &office,
        SUPERVISOR,
        &["import", path.to_str().unwrap(), "--yes"],
    );
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("Dòng 13, cột I") && said.contains("ngoặc kép") && said.contains("Hãy"),
        "{said}"
    );
    assert_eq!(people_on_file(&office), 0);
}

#[test]
fn a_stray_quote_that_swallows_only_the_last_person_and_the_total_row_is_refused_too() {
    let office = Office::new();
    let text = list(5, &[(4, "\"Nhận hộ")]);
    assert_eq!(runaway(import(&office, "quote.csv", &text)), (7, 8));
    // In the hamlet column of a comma-separated file as well.
    let text: Vec<String> = list(5, &[])
        .replace(';', ",")
        .replace("2.789.000", "2789000")
        .replace("13.945.000", "13945000")
        .lines()
        .map(|l| match l.starts_with("3,") {
            true => l.replace("Thôn Đông", "\"Xóm 2"),
            false => l.to_string(),
        })
        .collect();
    assert_eq!(
        runaway(import(&office, "comma.csv", &text.join("\n"))),
        (6, 5)
    );
    assert_eq!(people_on_file(&office), 0);
}

#[test]
fn an_address_written_on_two_lines_is_still_read() {
    let office = Office::new();
    let text = list(3, &[(2, "\"Nhận tại nhà,\r\ngọi trước khi đến\"")]);
    let report = import(&office, "two-lines.csv", &text).unwrap();
    assert!(report.committed, "{:?}", report.rejected);
    assert_eq!(report.people, 3);
}

fn after_end(report: &ImportReport) -> Vec<(usize, TableEnd, String)> {
    report
        .rejected
        .iter()
        .filter_map(|p| match &p.problem {
            Problem::AfterTableEnd(end) => Some((
                p.place.row,
                end.clone(),
                p.place.who.clone().unwrap_or_default(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn a_person_below_the_total_row_is_refused_never_dropped() {
    let office = Office::new();
    let mut lines: Vec<String> = list(1, &[]).lines().map(str::to_string).collect();
    // Under the total (row 5), before the signature.
    lines.insert(5, person(2, "").replace("Nguyễn Văn An", "Kẻ Sau Tổng"));
    let report = import(&office, "after-total.csv", &lines.join("\n")).unwrap();
    assert!(!report.committed);
    assert_eq!(
        after_end(&report),
        [(
            6,
            TableEnd::AfterTotal { row: 5 },
            "HD-00002 046150000002 Kẻ Sau Tổng".to_string()
        )]
    );
    assert_eq!(people_on_file(&office), 0);
}

#[test]
fn a_person_below_the_signatures_or_in_a_second_table_is_refused() {
    let office = Office::new();
    let mut text = list(1, &[]);
    text.push_str(&person(2, ""));
    let report = import(&office, "after-sign.csv", &text).unwrap();
    assert!(!report.committed);
    let found = after_end(&report);
    assert_eq!(found.len(), 1, "{:?}", report.rejected);
    assert_eq!(found[0].0, 7);
    assert!(matches!(found[0].1, TableEnd::AfterTotal { row: 5 }));

    let mut lines: Vec<String> = list(1, &[]).lines().map(str::to_string).collect();
    lines.truncate(5);
    lines.extend([String::new(), HEAD.to_string(), person(2, ""), total(1)]);
    let report = import(&office, "two-tables.csv", &lines.join("\n")).unwrap();
    assert!(!report.committed);
    assert_eq!(
        after_end(&report).iter().map(|a| a.0).collect::<Vec<_>>(),
        [8]
    );
    // The signatories' names and the date under the signatures are nobody's.
    let mut text = list(1, &[]);
    text.push_str(";;Trần Thị Lập;;;;;;\r\n;;Ngày 25 tháng 10 năm 2026;;;;;;\r\n");
    let report = import(&office, "signed.csv", &text).unwrap();
    assert!(report.committed, "{:?}", report.rejected);
}

#[test]
fn a_list_without_a_total_row_is_imported_with_a_warning_the_preview_shows() {
    let office = Office::new();
    let mut lines: Vec<String> = list(2, &[]).lines().map(str::to_string).collect();
    lines.retain(|l| !l.contains("Tổng cộng;") || l.starts_with("STT"));
    let text = lines.join("\n");
    let path = office.write_file("no-total.csv", text.as_bytes());
    let out = common::chitra(
        &office,
        SUPERVISOR,
        &["import", path.to_str().unwrap(), "--dry-run"],
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("không có dòng tổng cộng"), "{said}");
    assert!(said.contains("Tệp không có dòng \"Tổng cộng\""), "{said}");

    let report = import(&office, "no-total.csv", &text).unwrap();
    assert!(report.committed);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.problem == Problem::NoFileTotal && w.place.row == 0),
        "{:?}",
        report.warnings
    );
    // A list with its total row has no such warning.
    let office = Office::new();
    let report = import(&office, "with-total.csv", &list(2, &[])).unwrap();
    assert!(
        !report
            .warnings
            .iter()
            .any(|w| w.problem == Problem::NoFileTotal)
    );
}
