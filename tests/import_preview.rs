//! What the import's preview shows against a forged list: a CSV that makes
//! one list in Excel and another in chitra is refused, a header forged with
//! look-alike letters is refused, header cells chitra does not read are
//! warned of, the new people are named (code, name, ID number, amount),
//! every person counted as changed is listed, and an amount grouped wrongly
//! ("2789.000") is refused — on the service, and on the month screen.

use crate::{common, tui_office};

use chitra::domain::AmountError;
use chitra::import::record::Problem;
use chitra::import::table::TableError;
use chitra::service::Error;
use chitra::service::import::{ImportError, ImportOptions, ImportReport, ListKind};
use chitra::tui::testing::{press, screen, type_text};
use crossterm::event::KeyCode;

use common::{Office, Row, SUPERVISOR};

fn dry_run(office: &Office, name: &str, text: &str, period: &str) -> Result<ImportReport, Error> {
    let path = office.write_file(name, text.as_bytes());
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = ImportOptions {
        kind: ListKind::Monthly,
        period: Some(period.parse().unwrap()),
        dry_run: true,
    };
    svc.import(&boss, &path, &opts, &mut |_| {})
}

fn table_error(r: Result<ImportReport, Error>) -> TableError {
    match r {
        Err(Error::Import(e)) => match *e {
            ImportError::Table(t) => t,
            other => panic!("not a table error: {other:?}"),
        },
        other => panic!("not refused: {other:?}"),
    }
}

/// Each line: the genuine list split by ";" (what Excel in a Vietnamese
/// locale shows), and far right, in one ";" cell, another list split by ",".
fn polyglot() -> String {
    let semi = [
        "DANH SÁCH CHI TRẢ THÁNG 12 NĂM 2026",
        "STT;Mã đối tượng;Họ và tên;Số CCCD/CMND;Trợ cấp;Tổng cộng",
        "1;HD-001;Nguyễn Văn An;046048001234;2.789.000;2.789.000",
        "2;HD-002;Trần Thị Bình;046152004321;2.789.000;2.789.000",
    ];
    let comma = [
        "",
        "STT,Mã đối tượng,Họ và tên,Số CCCD/CMND,Trợ cấp,Tổng cộng",
        "1,HD-001,Nguyễn Văn An,046048001234,2.789.000,2.789.000",
        "2,HD-002,Trần Thị Bình,046152004321,3.289.000,3.289.000",
    ];
    let mut out = String::new();
    for (s, c) in semi.iter().zip(comma) {
        let pad = 8 - s.matches(';').count();
        out.push_str(&format!("{s}{};,{c}\r\n", ";".repeat(pad)));
    }
    out
}

#[test]
fn a_csv_that_makes_a_list_with_two_delimiters_is_refused_naming_both() {
    let office = Office::new();
    match table_error(dry_run(&office, "hai-cach.csv", &polyglot(), "2026-12")) {
        TableError::AmbiguousDelimiter { delimiters, .. } => {
            assert_eq!(delimiters, vec![';', ',']);
            let said = Error::Import(Box::new(ImportError::Table(
                TableError::AmbiguousDelimiter {
                    file: "hai-cach.csv".into(),
                    delimiters,
                },
            )))
            .to_string();
            assert!(said.contains("\";\"") && said.contains("\",\""), "{said}");
            assert!(said.contains("Excel") && said.contains(".xlsx"), "{said}");
        }
        other => panic!("{other:?}"),
    }
    // A ";" list whose cells hold commas makes one list only.
    let mut rows = common::three();
    rows[0].hamlet = "Xóm 1, thôn Đông, xã Hải Dương";
    let r = dry_run(
        &office,
        "mot-cach.csv",
        &common::csv("2026-11", &rows),
        "2026-11",
    )
    .unwrap();
    assert_eq!(r.people, 3);
}

#[test]
fn a_header_written_with_lookalike_letters_is_refused_as_forged() {
    let office = Office::new();
    // "Трợ cấp" with a Cyrillic "Т".
    let list = common::csv("2026-11", &common::three()).replace("Trợ cấp", "\u{0422}rợ cấp");
    match table_error(dry_run(&office, "gia.csv", &list, "2026-11")) {
        TableError::ForgedHeader { row, column, .. } => {
            assert_eq!((row, column.as_str()), (3, "H"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn header_cells_chitra_does_not_read_are_warned_with_their_column() {
    let office = Office::new();
    let list =
        common::csv("2026-11", &common::three()).replace("Tổng cộng\n", "Tổng cộng;Tiền thưởng\n");
    let r = dry_run(&office, "cot-la.csv", &list, "2026-11").unwrap();
    let unread: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| matches!(&w.problem, Problem::UnreadHeader(t) if t == "Tiền thưởng"))
        .collect();
    assert_eq!(unread.len(), 1, "{:?}", r.warnings);
    assert_eq!(
        (unread[0].place.row, unread[0].place.column.as_deref()),
        (3, Some("K"))
    );
    let said = chitra::i18n::Localize::localize(unread[0], chitra::i18n::Lang::Vi);
    assert!(
        said.contains("Dòng 3, cột K") && said.contains("Tiền thưởng"),
        "{said}"
    );
}

fn new_row(code: &'static str, id: &'static str) -> Row<'static> {
    Row {
        code,
        name: "Hoàng Văn Mới",
        year: 1950,
        id,
        hamlet: "Thôn Bắc",
        tro_cap: 5_000_000,
        phu_cap: 0,
    }
}

#[test]
fn the_preview_names_new_people_by_code_name_id_number_and_amount() {
    let office = Office::new();
    office.import(
        "t11.csv",
        &common::csv("2026-11", &common::three()),
        "2026-11",
    );
    let mut rows = common::three();
    rows.push(new_row("HD-099", "046050009999"));
    let r = dry_run(
        &office,
        "t12.csv",
        &common::csv("2026-12", &rows),
        "2026-12",
    )
    .unwrap();
    assert_eq!(r.new_people, 1);
    let lines = chitra::i18n::changes::preview_lines(chitra::i18n::Lang::Vi, &r.changes).join("\n");
    assert!(lines.contains("NGƯỜI MỚI HD-099 Hoàng Văn Mới"), "{lines}");
    assert!(
        lines.contains("046050009999") && lines.contains("5.000.000 đ"),
        "{lines}"
    );
    assert_eq!(r.new_people_not_listed(), 0);

    // Many new people: the first twenty named, the others counted.
    let ids: Vec<String> = (0..25).map(|i| format!("0460500100{i:02}")).collect();
    let codes: Vec<String> = (0..25).map(|i| format!("HD-1{i:02}")).collect();
    let mut rows = common::three();
    for (c, id) in codes.iter().zip(&ids) {
        rows.push(new_row(c.clone().leak(), id.clone().leak()));
    }
    let r = dry_run(
        &office,
        "t12b.csv",
        &common::csv("2026-12", &rows),
        "2026-12",
    )
    .unwrap();
    assert_eq!(r.new_people, 25);
    assert_eq!(r.new_people_not_listed(), 5);
    let more = chitra::i18n::import_preview::more_new_people(chitra::i18n::Lang::Vi, 5);
    assert!(more.contains("và 5 người mới nữa"), "{more}");
}

/// November's list of three on file, then December's with `change` made
/// to its rows, previewed.
fn december_after(change: impl FnOnce(&mut Vec<Row<'static>>)) -> ImportReport {
    let office = Office::new();
    office.import(
        "t11.csv",
        &common::csv("2026-11", &common::three()),
        "2026-11",
    );
    let mut rows = common::three();
    change(&mut rows);
    dry_run(
        &office,
        "t12.csv",
        &common::csv("2026-12", &rows),
        "2026-12",
    )
    .unwrap()
}

#[test]
fn every_person_counted_as_changed_is_in_the_changes() {
    let r = december_after(|rows| rows[2].hamlet = "Thôn Nam");
    assert_eq!(r.updated_people, 1);
    assert_eq!(r.details_changed, 1);
    assert_eq!(r.changes.len(), 1, "{:?}", r.changes);
    assert_eq!(r.changes[0].record_code, "HD-003");
    let lines = chitra::i18n::changes::preview_lines(chitra::i18n::Lang::Vi, &r.changes).join("\n");
    assert!(lines.contains("Thôn Tây → Thôn Nam"), "{lines}");
}

/// A list that writes a hamlet without its place word, or in other case,
/// means the hamlet on file: no person is changed, none moves to a second
/// hamlet of the same name.
#[test]
fn a_hamlet_written_another_way_is_the_hamlet_on_file() {
    let r = december_after(|rows| {
        rows[0].hamlet = "Đông";
        rows[2].hamlet = "THÔN TÂY";
    });
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(r.details_changed, 0, "{:?}", r.changes);
    assert!(r.changes.is_empty(), "{:?}", r.changes);
}

#[test]
fn an_amount_with_four_digits_before_a_group_is_refused() {
    let office = Office::new();
    let list = common::csv("2026-11", &common::three())
        .replace(";3.120.000;0;3.120.000", ";3120.000;0;3120.000");
    let r = dry_run(&office, "nhom.csv", &list, "2026-11").unwrap();
    assert!(r.is_rejected());
    assert!(
        r.rejected
            .iter()
            .any(|p| matches!(&p.problem, Problem::Amount(AmountError::Grouping { text }) if text == "3120.000")),
        "{:?}",
        r.rejected
    );
}

/// `list` previewed on the month screen at 80×24 by the supervisor, every
/// page of it.
fn month_screen_preview(office: &Office, list: &str) -> String {
    let path = office.write_file("danh-sach-chi-tra-2026-12.csv", list.as_bytes());
    let mut app = tui_office::supervisor_app(office);
    tui_office::menu_entry(&mut app, '9');
    press(&mut app, KeyCode::F(3));
    for _ in 0..200 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &path.display().to_string());
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let mut shown = screen(&mut app, 80, 24);
    for _ in 0..4 {
        press(&mut app, KeyCode::PageDown);
        shown.push_str(&screen(&mut app, 80, 24));
    }
    shown
}

#[test]
fn the_month_screen_preview_names_new_people_and_unread_columns_at_80x24() {
    let office = tui_office::office_with_window((2, 5));
    let mut rows = common::three();
    rows.push(new_row("HD-099", "046050009999"));
    let list = common::csv("2026-12", &rows).replace("Tổng cộng\n", "Tổng cộng;Tiền thưởng\n");
    let shown = month_screen_preview(&office, &list);
    assert!(shown.contains("NGƯỜI MỚI HD-099"), "{shown}");
    assert!(shown.contains("046050009999"), "{shown}");
    assert!(shown.contains("Tiền thưởng"), "{shown}");
}

/// A refusal's reason is read whole on the month screen at 80 columns: it
/// wraps under its row instead of being cut at the edge.
#[test]
fn a_refusals_reason_is_read_whole_on_the_month_screen() {
    let office = tui_office::office_with_window((2, 5));
    let mut rows = common::three();
    rows[1].id = "999152004321";
    let list = common::csv("2026-12", &rows);
    let shown = month_screen_preview(&office, &list);
    let r = dry_run(&office, "again.csv", &list, "2026-12").unwrap();
    let reason = chitra::i18n::Localize::localize(&r.rejected[0], chitra::i18n::Lang::Vi);
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    // Every word of the reason, in order, somewhere in what was shown.
    let seen = words(&shown.replace('│', " "));
    let tail: Vec<&str> = reason.split_whitespace().rev().take(6).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    assert!(seen.contains(&tail.join(" ")), "{reason}\n{shown}");
}
