//! Entitlement lines carry their own seal, checked when a payment settles
//! them: a line whose amount, month or person was changed with `sqlite3`
//! (its triggers dropped and put back, as a careful forger would) is not
//! paid, whatever path pays it; a line written before lines were sealed
//! one by one stands on its batch's digest.

use crate::common;

use chitra::domain::payment::PayMethod;
use chitra::service::{Error, Service};
use chitra::store::StoreError;
use common::*;

const AN: &str = "046048001234"; // 2.789.000 đ, one line
const BINH: &str = "046152004321"; // 2.789.000 + 1.394.500 đ

/// An office with November's list of three.
fn november() -> Office {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    office
}

fn person_id(svc: &Service, id: &str) -> i64 {
    svc.search(id, 1).unwrap().hits[0].person.id
}

fn pay(svc: &mut Service, who: &chitra::service::Session, id: &str) -> Result<(), Error> {
    pay_cash(svc, who, id).map(|_| ())
}

/// Runs `sql` on the office's file with the lines' guard dropped, and put
/// back as it was.
fn forge(svc: &Service, sql: &str) {
    let conn = svc.store().conn();
    let guard: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'entitlements_no_update'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute_batch(&format!(
        "DROP TRIGGER entitlements_no_update; {sql}; {guard};"
    ))
    .unwrap();
}

fn line_of(svc: &Service, id: &str) -> i64 {
    svc.person_view(person_id(svc, id)).unwrap().unpaid[0].entitlement_id
}

fn assert_refused_as_forged(result: Result<(), Error>, line: i64) {
    match result {
        Err(
            e @ Error::Store(StoreError::Tampered {
                table: "entitlements",
                ..
            }),
        ) => {
            let said = e.to_string();
            assert!(
                said.contains(&format!("khoản được hưởng (dòng {line})"))
                    && said.contains("chitra verify"),
                "{said}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_line_changed_behind_chitras_back_is_not_paid() {
    let office = november();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let an_line = line_of(&svc, AN);
    // Her 2.789.000 đ made 27.890.000 đ …
    forge(
        &svc,
        &format!("UPDATE entitlements SET amount = 27890000 WHERE id = {an_line}"),
    );
    let view = svc.person_view(person_id(&svc, AN)).unwrap();
    assert_eq!(
        view.unpaid_total.dong(),
        27_890_000,
        "the forged amount is what shows"
    );
    assert_refused_as_forged(pay(&mut svc, &hoa, AN), an_line);
    assert!(
        svc.person_view(person_id(&svc, AN))
            .unwrap()
            .payments
            .is_empty()
    );
    // `chitra show` says it too.
    let shown = chitra(&office, CLERK1, &["show", AN]);
    let out = String::from_utf8_lossy(&shown.stdout);
    assert!(
        out.contains("Khoản kỳ 11/2026 đã bị sửa bên ngoài chitra"),
        "{out}"
    );
    // … and Bình's line moved to An: her own lines stay payable to her, the
    // moved one to nobody.
    let binh_line = line_of(&svc, BINH);
    forge(
        &svc,
        &format!("UPDATE entitlements SET amount = 2789000 WHERE id = {an_line}"),
    );
    pay(&mut svc, &hoa, AN).expect("put back as it was, the line's seal holds again");
    let an = person_id(&svc, AN);
    forge(
        &svc,
        &format!("UPDATE entitlements SET person_id = {an} WHERE id = {binh_line}"),
    );
    assert_refused_as_forged(pay(&mut svc, &hoa, AN), binh_line);
    assert!(!svc.verify(&[]).unwrap().ok());
}

/// A line written before lines were sealed one by one (no seal) is paid
/// when its batch's lines still give the batch's digest, and refused when
/// they do not; taking a sealed line's seal away gains a forger nothing.
#[test]
fn a_line_without_a_seal_stands_on_its_batchs_digest() {
    let office = november();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    forge(&svc, "UPDATE entitlements SET mac = NULL");
    pay(&mut svc, &hoa, AN).expect("an unsealed line of an untouched batch is paid");
    let binh_line = line_of(&svc, BINH);
    forge(
        &svc,
        &format!("UPDATE entitlements SET amount = 2790000 WHERE id = {binh_line}"),
    );
    assert_refused_as_forged(pay(&mut svc, &hoa, BINH), binh_line);
}

/// A seal changed alone leaves the batch's digest as it was, but makes the
/// line unpayable: `verify` names the batch, so the refusal at the counter
/// has its explanation.
#[test]
fn verify_names_the_batch_of_a_line_whose_seal_alone_was_changed() {
    let office = november();
    let mut svc = office.service();
    assert!(svc.verify(&[]).unwrap().ok());
    let an_line = line_of(&svc, AN);
    forge(
        &svc,
        &format!("UPDATE entitlements SET mac = 'k1:00' WHERE id = {an_line}"),
    );
    let checked = svc.verify(&[]).unwrap();
    assert!(
        checked.findings.iter().any(|f| matches!(
            f,
            chitra::service::verify::Finding::BatchChanged { batch_id: 1, .. }
        )),
        "{:?}",
        checked.findings
    );
    let hoa = office.sign_in(&mut svc, CLERK1);
    assert_refused_as_forged(pay(&mut svc, &hoa, AN), an_line);
}

/// Each line's seal, as the import writes it, is what the rule every
/// sealed row follows gives for the row read back (`store::rows`).
#[test]
fn a_lines_seal_is_the_one_every_sealed_row_has() {
    use chitra::store::rows::{self, MacCheck, Table};
    let office = november();
    let svc = office.service();
    let conn = svc.store().conn();
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM entitlements ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(ids.len() >= 4, "{ids:?}");
    for id in ids {
        let line = rows::read(&conn, Table::Entitlements, &id.to_string())
            .unwrap()
            .unwrap();
        assert!(line.mac.is_some(), "line {id}");
        assert_eq!(
            rows::check(svc.store().keys(), Table::Entitlements, &line),
            MacCheck::Good,
            "line {id}"
        );
    }
}

/// No money leaves on a forged line by the other two ways either: a bank
/// batch holding it (the bank would be sent the forged amount) and a home
/// round carrying it (its cash would be issued for it) are refused.
#[test]
fn no_bank_batch_or_home_round_is_made_on_a_forged_line() {
    use chitra::service::register::RegisterRequest;
    let office = november();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let bank = RegisterRequest {
        method: Some(PayMethod::Bank),
        account_no: Some("0071000123456".into()),
        account_bank: Some("Vietcombank".into()),
        ..RegisterRequest::default()
    };
    svc.register(&hoa, person_id(&svc, AN), &bank).unwrap();
    let home = RegisterRequest {
        method: Some(PayMethod::Home),
        home_reason: Some("old".into()),
        ..RegisterRequest::default()
    };
    svc.register(&hoa, person_id(&svc, BINH), &home).unwrap();
    let (an_line, binh_line) = (line_of(&svc, AN), line_of(&svc, BINH));
    forge(
        &svc,
        &format!(
            "UPDATE entitlements SET amount = amount * 10 WHERE id IN ({an_line}, {binh_line})"
        ),
    );
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let nov = "2026-11".parse().unwrap();
    assert_refused_as_forged(svc.bank_batch(&boss, nov).map(|_| ()), an_line);
    assert_refused_as_forged(
        svc.create_round(&boss, nov, "Thôn Đông", CLERK2.0)
            .map(|_| ()),
        binh_line,
    );
    assert!(svc.rounds().unwrap().is_empty());
}

/// The person's file says which months were forged, and Enter does not
/// start paying them: the clerk hears it before the four steps.
#[test]
fn the_file_says_a_line_was_forged_and_enter_does_not_start_paying_it() {
    use chitra::tui::testing::{press, screen};
    use crossterm::event::KeyCode;
    let office = november();
    let svc = office.service();
    let an_line = line_of(&svc, AN);
    forge(
        &svc,
        &format!("UPDATE entitlements SET amount = 27890000 WHERE id = {an_line}"),
    );
    let mut app = crate::tui_office::clerk_app(&office);
    crate::tui_office::open_person(&mut app, AN);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Khoản kỳ 11/2026 đã bị sửa bên ngoài chitra"),
        "{shown}"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    let said = app
        .message()
        .map(|m| m.text().to_string())
        .unwrap_or_default();
    assert!(
        said.contains("Khoản kỳ 11/2026") && said.contains("Kiểm tra toàn vẹn"),
        "{said}"
    );
}

/// A line forged while the clerk was already at step 4: the refusal is
/// said in the file's words, and the clerk is back on the file, which now
/// names the month.
#[test]
fn a_line_forged_during_the_four_steps_sends_the_clerk_back_to_the_file() {
    use chitra::tui::testing::{press, screen};
    use crossterm::event::KeyCode;
    let office = november();
    let mut app = crate::tui_office::clerk_app(&office);
    crate::tui_office::open_person(&mut app, AN);
    crate::tui_office::to_confirmation(&mut app);
    let svc = office.service();
    let an_line = line_of(&svc, AN);
    forge(
        &svc,
        &format!("UPDATE entitlements SET amount = 27890000 WHERE id = {an_line}"),
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    let said = app
        .message()
        .map(|m| m.text().to_string())
        .unwrap_or_default();
    assert!(said.starts_with("Khoản kỳ 11/2026 đã bị sửa"), "{said}");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Kiểm tra toàn vẹn"), "{shown}");
    assert!(
        svc.person_view(person_id(&svc, AN))
            .unwrap()
            .payments
            .is_empty()
    );
}
