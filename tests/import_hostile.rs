//! Files and settings made to hurt the import: a device or a pipe given as
//! the list, a file name holding terminal escapes, a wrong setting — each
//! refused at once, in words, with nothing of the terminal's or the
//! system's own language leaking through.

use crate::common;

use std::path::{Path, PathBuf};

use chitra::import::source::SourceError;
use chitra::service::Error;
use chitra::service::import::{ImportError, ImportOptions, ImportReport, ListKind};
use common::*;

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

/// The import of `path` on a thread of its own, given a minute: a device
/// read without end or a pipe that waits for a writer never answers.
fn import_in_time(office: &Office, path: PathBuf) -> Result<ImportReport, Error> {
    let (tx, rx) = std::sync::mpsc::channel();
    let config = office.config.clone();
    let db = office.db.clone();
    std::thread::spawn(move || {
        let mut svc = chitra::service::Service::open(config, &db).unwrap();
        let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
        let opts = ImportOptions {
            kind: ListKind::Monthly,
            period: Some("2026-11".parse().unwrap()),
            dry_run: true,
        };
        let _ = tx.send(svc.import(&boss, &path, &opts, &mut |_| {}));
    });
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("the import never answered"))
}

fn source_error(result: Result<ImportReport, Error>) -> SourceError {
    match result {
        Err(Error::Import(e)) => match *e {
            ImportError::Source(s) => s,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_device_or_a_pipe_given_as_the_list_is_refused_before_it_is_read() {
    let office = Office::new();
    let zero = import_in_time(&office, PathBuf::from("/dev/zero"));
    assert!(
        matches!(source_error(zero), SourceError::NotAFile { .. }),
        "/dev/zero"
    );
    let fifo = office.dir.path().join("list.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let piped = import_in_time(&office, fifo);
    assert!(matches!(source_error(piped), SourceError::NotAFile { .. }));
}

#[test]
fn a_missing_file_is_said_in_vietnamese_not_in_the_systems_english() {
    let office = Office::new();
    let missing = office.dir.path().join("khong-co.csv");
    let e = source_error(import_path(&office, &missing));
    assert!(matches!(e, SourceError::Io { row: None, .. }), "{e:?}");
    let out = chitra(
        &office,
        SUPERVISOR,
        &["import", missing.to_str().unwrap(), "--dry-run"],
    );
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("không có tệp hay thư mục này"), "{said}");
    assert!(
        !said.contains("os error") && !said.contains("No such file"),
        "{said}"
    );
}

#[test]
fn a_file_name_holding_terminal_escapes_is_shown_harmless() {
    let office = Office::new();
    let name = "ds\u{1b}]0;pwned\u{7}\u{1b}[2J\nthang11.csv";
    let path = office.write_file(name, b"%PDF-1.4\n\x00\x01\x02\x03");
    let e = source_error(import_path(&office, &path));
    assert!(matches!(e, SourceError::NotASpreadsheet { .. }), "{e:?}");
    let out = chitra(
        &office,
        SUPERVISOR,
        &["import", path.to_str().unwrap(), "--dry-run"],
    );
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("thang11.csv"), "{said}");
    assert!(
        !said.contains(['\u{1b}', '\u{7}']) && said.contains("ds\u{FFFD}]0;pwned"),
        "{said:?}"
    );
}

#[test]
fn a_wrong_header_setting_is_said_in_words() {
    let office = Office::new();
    let config = office.dir.path().join("chitra.toml");
    let text = std::fs::read_to_string(&config).unwrap().replace(
        "# record_code = [\"Mã đối tượng\", \"Mã hồ sơ\", \"Số hồ sơ\"]",
        "record_code = [\"Họ tên\"]",
    );
    std::fs::write(&config, text).unwrap();
    let path = office.write_file("t11.csv", csv("2026-11", &three()).as_bytes());
    let out = chitra(
        &office,
        SUPERVISOR,
        &["import", path.to_str().unwrap(), "--dry-run"],
    );
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("[import.headers]") && said.contains("\"ho ten\""),
        "{said}"
    );
    assert!(!said.contains("SameText") && !said.contains('{'), "{said}");
}

/// A list of one person per `names` entry (name, record code, account),
/// with its total row.
fn people_list(people: &[(&str, &str, &str)]) -> String {
    let mut out = String::from(
        "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG 11 NĂM 2026\n\n\
         STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Trợ cấp;Tổng cộng;Hình thức chi trả;Số tài khoản;Ngân hàng\n",
    );
    for (i, (name, code, account)) in people.iter().enumerate() {
        let method = if account.is_empty() {
            "Tiền mặt"
        } else {
            "Chuyển khoản"
        };
        out.push_str(&format!(
            "{};{code};\"{name}\";1950;0461500{:05};2.789.000;2.789.000;{method};\"{account}\";Agribank\n",
            i + 1,
            i + 1
        ));
    }
    let total = dots(2_789_000 * people.len() as i64);
    out.push_str(&format!(";;Tổng cộng;;;{total};{total};;;\n"));
    out
}

fn problems_by_row(report: &ImportReport) -> Vec<(usize, String, Problem)> {
    report
        .rejected
        .iter()
        .map(|p| {
            (
                p.place.row,
                p.place.column.clone().unwrap_or_default(),
                p.problem.clone(),
            )
        })
        .collect()
}

use chitra::domain::account::AccountError;
use chitra::import::record::Problem;

#[test]
fn names_that_cannot_be_names_are_refused_each_once_in_its_cell() {
    let office = Office::new();
    let stacked = format!("Nguyễn{} Văn Dị", "\u{301}\u{300}\u{309}".repeat(20));
    let names: Vec<(String, Problem)> = vec![
        ("#REF!".into(), Problem::NameStart('#')),
        ("TRUE".into(), Problem::NameIsValue("TRUE".into())),
        ("=cmd|' /C calc'!A".into(), Problem::NameStart('=')),
        ("=NOW()".into(), Problem::NameStart('=')),
        ("@SUM(A:A)".into(), Problem::NameStart('@')),
        ("Lê Văn \u{FFFD}".into(), Problem::NameChar('\u{FFFD}')),
        ("\u{3164}".into(), Problem::NameStart('\u{3164}')),
        ("Lê \u{3164} Tí".into(), Problem::NameChar('\u{3164}')),
        (stacked, Problem::StackedMarks),
        (
            "Lê\u{200B}Văn\u{200D}Tí".into(),
            Problem::NameChar('\u{200B}'),
        ),
        ("Рhаn Hữu Minh Thọ".into(), Problem::NameStart('Р')),
    ];
    let codes: Vec<String> = (1..=names.len()).map(|i| format!("HD-{i:05}")).collect();
    let rows: Vec<(&str, &str, &str)> = names
        .iter()
        .zip(&codes)
        .map(|((n, _), c)| (n.as_str(), c.as_str(), ""))
        .collect();
    let path = office.write_file("names.csv", people_list(&rows).as_bytes());
    let report = import_path(&office, &path).unwrap();
    let found = problems_by_row(&report);
    let want: Vec<(usize, String, Problem)> = names
        .iter()
        .enumerate()
        .map(|(i, (_, p))| (i + 4, "C (Họ và tên)".to_string(), p.clone()))
        .collect();
    assert_eq!(found, want);
    // Said in words, with the invisible character's code point.
    let words: Vec<String> = report
        .rejected
        .iter()
        .map(chitra::i18n::Localize::vi)
        .collect();
    assert!(
        words[7].contains("không nhìn thấy (U+3164)"),
        "{}",
        words[7]
    );
    assert!(words[5].contains("bảng mã"), "{}", words[5]);
    assert!(words[2].contains("công thức"), "{}", words[2]);
}

#[test]
fn a_lone_surrogate_in_a_utf16_list_is_refused_not_read_as_a_letter() {
    let office = Office::new();
    let text = people_list(&[("Lê Văn XX", "HD-00001", "")]).replace('"', "");
    let text = text.replace(';', "\t");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        // The two X of the name become a lone high surrogate and an X.
        let unit = if unit == u16::from(b'X') && bytes.len() % 4 == 2 {
            0xD800
        } else {
            unit
        };
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let path = office.write_file("unicode.txt", &bytes);
    let report = import_path(&office, &path).unwrap();
    assert_eq!(
        problems_by_row(&report),
        [(4, "C (Họ và tên)".into(), Problem::NameChar('\u{FFFD}'))]
    );
}

#[test]
fn a_look_alike_record_code_is_not_a_new_person() {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    let mut rows = three();
    rows[0].code = "НD-001"; // Cyrillic Н
    let path = office.write_file("t11.csv", csv("2026-11", &rows).as_bytes());
    let report = import_path(&office, &path).unwrap();
    assert_eq!(
        problems_by_row(&report),
        [(4, "B (Mã đối tượng)".into(), Problem::CodeChar('Н'))]
    );
    assert_eq!(report.new_people, 0);
}

#[test]
fn an_account_number_is_digits_in_a_list_and_at_the_counter() {
    let office = Office::new();
    let rows = [
        ("Lê Văn Ngân", "HD-00001", "=1+1"),
        ("Trần Văn Tài", "HD-00002", "-123456"),
        ("Phạm Văn Xuống", "HD-00003", "12345\n67890"),
        ("Võ Văn Tab", "HD-00004", "12345\t678"),
        ("Hồ Văn Ngắn", "HD-00005", "12345"),
        ("Đỗ Văn Đúng", "HD-00006", "0071000123456"),
        ("Mai Thị Ví", "HD-00007", "0912 345 678"),
    ];
    let path = office.write_file("accounts.csv", people_list(&rows).as_bytes());
    let report = import_path(&office, &path).unwrap();
    let account = |p: Problem| (String::from("I (Số tài khoản)"), p);
    let found: Vec<(usize, (String, Problem))> = problems_by_row(&report)
        .into_iter()
        .map(|(r, c, p)| (r, (c, p)))
        .collect();
    assert_eq!(
        found,
        [
            (
                4,
                account(Problem::Account(AccountError::NonDigit { ch: '=' }))
            ),
            (
                5,
                account(Problem::Account(AccountError::NonDigit { ch: '-' }))
            ),
            (
                6,
                account(Problem::LineBreak {
                    field: chitra::import::Field::Account
                })
            ),
            (
                7,
                account(Problem::Account(AccountError::NonDigit { ch: '\t' }))
            ),
            (
                8,
                account(Problem::Account(AccountError::Length { digits: 5 }))
            ),
        ]
    );

    // At the counter too; spaces between groups of digits are read past.
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = svc.search("HD-001", 5).unwrap().hits[0].person.id;
    let register = |svc: &mut chitra::service::Service, account: &str| {
        svc.register(
            &clerk,
            an,
            &chitra::service::register::RegisterRequest {
                method: Some(chitra::domain::PayMethod::Bank),
                account_no: Some(account.into()),
                account_bank: Some("Agribank".into()),
                ..Default::default()
            },
        )
    };
    let refused = register(&mut svc, "=1+1");
    assert!(
        matches!(
            refused,
            Err(Error::Register(
                chitra::service::register::RegisterError::Account(AccountError::NonDigit {
                    ch: '='
                })
            ))
        ),
        "{refused:?}"
    );
    assert_eq!(svc.registration(an, None).unwrap(), None);
    let done = register(&mut svc, "9704 0000 1111").unwrap();
    assert_eq!(
        done.registration.account_no.as_deref(),
        Some("970400001111")
    );
}

#[test]
fn a_person_on_a_hidden_row_of_a_workbook_is_refused() {
    let office = Office::new();
    let path = office.dir.path().join("hidden.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows: [&[&str]; 4] = [
        &[
            "STT",
            "Mã đối tượng",
            "Họ và tên",
            "Năm sinh",
            "Số CCCD/CMND",
            "Trợ cấp",
        ],
        &[
            "1",
            "HD-00001",
            "Người Thấy Được",
            "1950",
            "046150000001",
            "2789000",
        ],
        &[
            "2",
            "HD-00002",
            "Người Bị Ẩn",
            "1950",
            "046150000002",
            "9000000",
        ],
        &[
            "3",
            "HD-00003",
            "Người Thấp Bằng Không",
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
    ws.set_row_hidden(2).unwrap();
    ws.set_row_height(3, 0).unwrap();
    wb.save(&path).unwrap();
    assert_two_hidden_refused(&office, &path);
}

/// The same in an Excel 97–2003 file: its ROW records hide a row, or give
/// it no height (`tests/fixtures/hidden_rows.xls`, made with xlwt).
#[test]
fn a_person_on_a_hidden_row_of_an_xls_is_refused() {
    let office = Office::new();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hidden_rows.xls");
    assert_two_hidden_refused(&office, &path);
}

/// The list at `path` (three people, the second on a hidden row, the third
/// on a row of no height) is refused for those two, each named.
fn assert_two_hidden_refused(office: &Office, path: &Path) {
    let report = import_path(office, path).unwrap();
    assert!(!report.committed);
    let hidden: Vec<(usize, Problem)> = report
        .rejected
        .iter()
        .map(|p| (p.place.row, p.problem.clone()))
        .collect();
    assert_eq!(hidden, [(3, Problem::HiddenRow), (4, Problem::HiddenRow)]);
    for (refused, name) in report
        .rejected
        .iter()
        .zip(["Người Bị Ẩn", "Người Thấp Bằng Không"])
    {
        assert!(
            refused
                .place
                .who
                .as_deref()
                .is_some_and(|w| w.contains(name)),
            "{:?}",
            report.rejected
        );
    }
}

/// The header (STT … Trợ cấp, then `more`) and the first five cells of two
/// people on the rows under it; their amounts are the caller's to write.
fn two_people(ws: &mut rust_xlsxwriter::Worksheet, more: &[&str]) {
    let header = [
        "STT",
        "Mã đối tượng",
        "Họ và tên",
        "Năm sinh",
        "Số CCCD/CMND",
        "Trợ cấp",
    ];
    for (c, h) in header.iter().chain(more).enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let people = [
        ("HD-00001", "Nguyễn Văn An", "046150000001"),
        ("HD-00002", "Trần Thị Bình", "046150000002"),
    ];
    for (i, (code, name, id)) in people.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, (i + 1).to_string()).unwrap();
        ws.write_string(r, 1, *code).unwrap();
        ws.write_string(r, 2, *name).unwrap();
        ws.write_string(r, 3, "1950").unwrap();
        ws.write_string(r, 4, *id).unwrap();
    }
}

/// A list of two people whose second amount, and the total, are written
/// under the number formats given (`None`: "#,##0"): the file holds
/// 2,789,000 + 5,000,000, and the formats may make Excel show otherwise.
fn list_with_formats(dir: &Path, person: Option<&str>, total: Option<&str>) -> PathBuf {
    use rust_xlsxwriter::{Format, Workbook};
    let path = dir.join("formats.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let plain = Format::new().set_num_format("#,##0");
    let person = Format::new().set_num_format(person.unwrap_or("#,##0"));
    let total = Format::new().set_num_format(total.unwrap_or("#,##0"));
    two_people(ws, &[]);
    ws.write_number_with_format(1, 5, 2_789_000.0, &plain)
        .unwrap();
    ws.write_number_with_format(2, 5, 5_000_000.0, &person)
        .unwrap();
    ws.write_string(3, 2, "Tổng cộng").unwrap();
    ws.write_number_with_format(3, 5, 7_789_000.0, &total)
        .unwrap();
    wb.save(&path).unwrap();
    path
}

/// A number whose format shows another value than the file holds — nothing
/// at all, figures written into the format, a choice by condition, the
/// number divided by 1,000 — is refused, in a person's row and in the
/// total row alike: the supervisor reading the list in Excel and chitra
/// would see different money. Everyday formats pass.
#[test]
fn a_number_shown_as_another_by_its_format_is_refused() {
    use chitra::import::record::Problem;
    let office = Office::new();
    for format in [
        ";;;",
        "\"2.789.000\"",
        "[=5000000]\"2.789.000\";#,##0",
        "#,##0,",
    ] {
        let path = list_with_formats(office.dir.path(), Some(format), None);
        let report = import_path(&office, &path).unwrap();
        assert!(!report.committed, "{format}");
        let refused: Vec<(usize, &Problem)> = report
            .rejected
            .iter()
            .map(|p| (p.place.row, &p.problem))
            .collect();
        assert!(
            matches!(
                refused.as_slice(),
                [(3, Problem::MaskedNumber { column, header })]
                    if column == "F" && header == "Trợ cấp"
            ),
            "{format}: {refused:?}"
        );
    }
    // The total shown as the genuine sum while the file holds another.
    let path = list_with_formats(
        office.dir.path(),
        None,
        Some("[=7789000]\"5.578.000\";#,##0"),
    );
    let report = import_path(&office, &path).unwrap();
    assert!(
        matches!(
            report.rejected.as_slice(),
            [p] if p.place.row == 4 && matches!(p.problem, Problem::MaskedNumber { .. })
        ),
        "{:?}",
        report.rejected
    );
    // What lists are written in: plain, Vietnamese accounting, with "đ".
    for format in [
        "#,##0",
        "_-* #,##0\\ _₫_-;\\-* #,##0\\ _₫_-;_-* \"-\"??\\ _₫_-;_-@_-",
        "#,##0 \"đ\"",
        "General",
    ] {
        let path = list_with_formats(office.dir.path(), Some(format), Some(format));
        let report = import_path(&office, &path).unwrap();
        assert!(
            report.rejected.is_empty(),
            "{format}: {:?}",
            report.rejected
        );
        assert_eq!(report.people, 2, "{format}");
    }
}

/// A workbook that asks Excel to compute every formula again on opening
/// (`fullCalcOnLoad`, as files made by programs are): a person's amount
/// given by a formula is refused, since its saved value need not be what
/// Excel shows; a row's total and the total row, checked against the
/// amounts, keep their saved values.
#[test]
fn a_formula_excel_computes_again_is_not_taken_for_a_persons_amount() {
    use chitra::import::record::Problem;
    use rust_xlsxwriter::{Formula, Workbook};
    let office = Office::new();
    let write = |amount_formula: bool| {
        let path = office.dir.path().join("recalc.xlsx");
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        two_people(ws, &["Tổng cộng"]);
        for i in 0..2 {
            let r = i as u32 + 1;
            if amount_formula && i == 1 {
                // Excel shows 2.789.000; the file's saved value says 5.000.000.
                ws.write_formula(r, 5, Formula::new("=2789000").set_result("5000000"))
                    .unwrap();
            } else {
                ws.write_number(r, 5, 2_789_000.0).unwrap();
            }
            let total = format!("=F{}", r + 1);
            ws.write_formula(r, 6, Formula::new(total).set_result("2789000"))
                .unwrap();
        }
        ws.write_string(3, 2, "Tổng cộng").unwrap();
        ws.write_formula(3, 5, Formula::new("=SUM(F2:F3)").set_result("5578000"))
            .unwrap();
        ws.write_formula(3, 6, Formula::new("=SUM(G2:G3)").set_result("5578000"))
            .unwrap();
        wb.save(&path).unwrap();
        path
    };
    let report = import_path(&office, &write(true)).unwrap();
    assert!(!report.committed);
    assert!(
        matches!(
            report.rejected.as_slice(),
            [p] if p.place.row == 3
                && matches!(&p.problem, Problem::FormulaWithoutValue { column, .. } if column == "F")
        ),
        "{:?}",
        report.rejected
    );
    // Only the totals are formulas: read as saved, and they agree.
    let report = import_path(&office, &write(false)).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!(report.people, 2);
}
