//! Transfer batches and home rounds together: a line leaves the office
//! one way at a time. A batch leaves out the lines of a home round not yet
//! returned (made or out), a round leaves out the lines waiting for the
//! bank, and a round's cash does not go out for a line waiting in a batch
//! — in the service and in the database's own rules.

use crate::common;

use chitra::domain::Money;
use chitra::domain::payment::PayMethod;
use chitra::service::bank::{BankError, OnRound};
use chitra::service::register::RegisterRequest;
use chitra::service::rounds::RoundError;
use chitra::service::{Error, Service, Session};
use chitra::store::Rule;
use common::*;

const AN: &str = "046048001234"; // Thôn Đông, 2.789.000 (one line)
const BINH: &str = "046152004321"; // Thôn Đông, 2.789.000 + 1.394.500 (two lines)
const CUC: &str = "046060007777"; // Thôn Tây, 3.120.000
const POSTMAN: (&str, &str) = CLERK2;

fn nov() -> chitra::domain::Period {
    "2026-11".parse().unwrap()
}

fn person_id(svc: &Service, id: &str) -> i64 {
    svc.search(id, 1).unwrap().hits[0].person.id
}

fn register(svc: &mut Service, who: &Session, id: &str, req: &RegisterRequest) {
    let person = person_id(svc, id);
    svc.register(who, person, req).unwrap();
}

fn at_home() -> RegisterRequest {
    RegisterRequest {
        method: Some(PayMethod::Home),
        home_reason: Some("ill".into()),
        ..RegisterRequest::default()
    }
}

fn to_account(method: PayMethod, account: &str) -> RegisterRequest {
    RegisterRequest {
        method: Some(method),
        account_no: Some(account.into()),
        account_bank: Some("VNPT Money".into()),
        ..RegisterRequest::default()
    }
}

/// November's list; An and Bình (Thôn Đông) paid at home, Cúc (Thôn Tây)
/// into her digital account.
fn office() -> Office {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    register(&mut svc, &hoa, AN, &at_home());
    register(&mut svc, &hoa, BINH, &at_home());
    register(
        &mut svc,
        &hoa,
        CUC,
        &to_account(PayMethod::Wallet, "0912000333"),
    );
    office
}

/// Whether the batch's lines include the person with ID number `id`.
fn in_batch(batch: &chitra::service::bank::Batch, id: &str) -> bool {
    batch
        .lines
        .iter()
        .any(|l| l.id_number.as_deref() == Some(id))
}

#[test]
fn a_batch_leaves_out_a_person_whose_lines_are_out_on_a_round() {
    let office = office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let v = svc
        .create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    svc.issue_round(&boss, v.number, POSTMAN.1).unwrap();
    // The postman carries An's cash; then An asks to be paid into a wallet.
    let hoa = office.sign_in(&mut svc, CLERK1);
    register(
        &mut svc,
        &hoa,
        AN,
        &to_account(PayMethod::Wallet, "0912000111"),
    );
    let batch = svc.bank_batch(&boss, nov()).unwrap();
    assert!(in_batch(&batch, CUC), "Cúc goes to the bank");
    assert!(
        !in_batch(&batch, AN),
        "An's line is with the postman: not sent to the bank as well"
    );
    assert_eq!(
        batch.on_round,
        [OnRound {
            record_code: "HD-001".into(),
            full_name: "Nguyễn Văn An".into(),
            amount: Money::from_dong(2_789_000),
            round: v.number,
        }]
    );
    let note = chitra::i18n::bank::on_round_note(chitra::i18n::Lang::Vi, &batch.on_round)
        .expect("the batch says who it left out");
    assert!(
        note.contains("HD-001") && note.contains(&format!("chuyến số {}", v.number)),
        "{note}"
    );
}

#[test]
fn a_batch_leaves_out_the_lines_of_a_round_made_and_the_round_then_goes_out() {
    let office = office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let v = svc
        .create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    let hoa = office.sign_in(&mut svc, CLERK1);
    register(
        &mut svc,
        &hoa,
        BINH,
        &to_account(PayMethod::Bank, "0071000123456"),
    );
    let batch = svc.bank_batch(&boss, nov()).unwrap();
    assert!(
        !in_batch(&batch, BINH),
        "Bình's lines are on round {}",
        v.number
    );
    assert_eq!(batch.on_round.len(), 1);
    assert_eq!(
        batch.on_round[0].amount,
        Money::from_dong(2_789_000 + 1_394_500),
        "one person, her two lines"
    );
    // The round goes out with Bình's cash: nothing of hers waits for the bank.
    let v = svc.issue_round(&boss, v.number, POSTMAN.1).unwrap();
    assert_eq!(v.cash.issued, Money::from_dong(2_789_000 + 4_183_500));

    // With Cúc's line waiting and everyone else on the round, nothing is
    // left to send, and the refusal says why.
    let err = svc.bank_batch(&boss, nov()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Bank(BankError::NothingToSend {
                waiting: Some(1),
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn nothing_to_send_says_the_people_left_are_on_a_round() {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    register(&mut svc, &hoa, AN, &at_home());
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    svc.create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    register(
        &mut svc,
        &hoa,
        AN,
        &to_account(PayMethod::Bank, "0071000123456"),
    );
    let err = svc.bank_batch(&boss, nov()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Bank(BankError::NothingToSend {
                waiting: None,
                held_back: 0,
                on_round: 1,
            })
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("chuyến chi tại nhà"), "{err}");
}

#[test]
fn a_round_leaves_out_a_person_waiting_for_the_bank() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    register(
        &mut svc,
        &hoa,
        AN,
        &to_account(PayMethod::Bank, "0071000123456"),
    );
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let batch = svc.bank_batch(&boss, nov()).unwrap();
    assert!(in_batch(&batch, AN));
    // An goes back to being paid at home while her transfer waits.
    register(&mut svc, &hoa, AN, &at_home());
    let v = svc
        .create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    let codes: Vec<&str> = v.stops.iter().map(|s| s.record_code.as_str()).collect();
    assert_eq!(codes, ["HD-002"], "An's line waits for the bank");
}

/// The database's own rules, whoever writes: a batch line for a line on a
/// round not returned, a round line for a line waiting for the bank, and
/// a round's cash while one of its lines waits for the bank are refused;
/// the service names the people and the batch.
#[test]
fn the_database_keeps_a_line_to_one_way_out() {
    let office = office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let v = svc
        .create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    let an = person_id(&svc, AN);
    let c = svc.store().conn();
    let (ent, supervisor): (i64, i64) = c
        .query_row(
            "SELECT (SELECT id FROM entitlements WHERE person_id = ?1),
                    (SELECT id FROM users WHERE name = 'truong')",
            [an],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let new_batch = |c: &rusqlite::Connection| {
        c.execute(
            "INSERT INTO bank_batches (id, period, line_count, total, created_by, created_at)
             VALUES (900, '2026-11', 1, 2789000, ?1, '2026-11-10T09:30:00+07:00')",
            [supervisor],
        )
        .unwrap();
    };
    let batch_line = "INSERT INTO bank_batch_lines
             (id, batch_id, entitlement_id, person_id, reference, account_no, amount)
         VALUES (900, 900, ?1, ?2, 'CK0900-0001', '0071000123456', 2789000)";

    // A batch line for An's line, on round 1 (made, not out).
    c.execute_batch("BEGIN").unwrap();
    new_batch(&c);
    let e = c
        .execute(batch_line, rusqlite::params![ent, an])
        .unwrap_err();
    assert_eq!(Rule::from_message(&e.to_string()), Rule::OnHomeRound, "{e}");
    c.execute_batch("ROLLBACK").unwrap();

    // A database made before the rule: An's line went into a batch after
    // the round was made. The round's cash does not go out, and the
    // supervisor is told whose lines and which batch.
    let rule: String = c
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'bank_batch_lines_not_on_round'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute_batch("BEGIN; DROP TRIGGER bank_batch_lines_not_on_round;")
        .unwrap();
    new_batch(&c);
    c.execute(batch_line, rusqlite::params![ent, an]).unwrap();
    c.execute_batch(&rule).unwrap();
    c.execute_batch("COMMIT").unwrap();
    let move_id: i64 = c
        .query_row("SELECT max(id) FROM drawer_moves", [], |r| r.get(0))
        .unwrap();
    let e = c
        .execute(
            "INSERT INTO home_round_issues (round_id, move_id, amount, day, issued_by, issued_at)
             VALUES (?1, ?2, 6972500, '2026-11-10', ?3, '2026-11-10T09:31:00+07:00')",
            rusqlite::params![v.number, move_id, supervisor],
        )
        .unwrap_err();
    assert_eq!(Rule::from_message(&e.to_string()), Rule::InBankBatch, "{e}");
    let refused = svc.issue_round(&boss, v.number, POSTMAN.1).unwrap_err();
    match &refused {
        Error::Round(RoundError::InBankBatch {
            round,
            people,
            batches,
        }) => {
            assert_eq!(*round, v.number);
            assert_eq!(people, &["HD-001 Nguyễn Văn An".to_string()]);
            assert_eq!(batches, &[900]);
        }
        other => panic!("{other:?}"),
    }
    let said = refused.to_string();
    assert!(
        said.contains("HD-001") && said.contains("lô số 900"),
        "{said}"
    );

    // A round line for a line waiting for the bank.
    let cuc = person_id(&svc, CUC);
    let batch = svc.bank_batch(&boss, nov()).unwrap();
    assert!(in_batch(&batch, CUC));
    let cuc_line: i64 = c
        .query_row(
            "SELECT id FROM entitlements WHERE person_id = ?1",
            [cuc],
            |r| r.get(0),
        )
        .unwrap();
    let e = c
        .execute(
            "INSERT INTO home_round_lines (round_id, stop, person_id, entitlement_id, reference, amount)
             VALUES (?1, 9, ?2, ?3, 'NH0001-009', 3120000)",
            rusqlite::params![v.number, cuc, cuc_line],
        )
        .unwrap_err();
    assert_eq!(Rule::from_message(&e.to_string()), Rule::InBankBatch, "{e}");
}
