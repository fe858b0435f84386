//! Closing the day: drawers and blind counts, voids, the report's numbers,
//! closed days that cannot change, verify and backups.

use crate::common;

use std::collections::BTreeMap;

use chitra::domain::Money;
use chitra::domain::payment::PayMethod;
use chitra::domain::report::{Blocker, MoveKind};
use chitra::service::day::DayError;
use chitra::service::pay::{PayRequest, Receiver};
use chitra::service::verify::Finding;
use chitra::service::{Error, Service, Session};
use chitra::store::replay::RowProblem;
use chitra::store::rows::Table;
use common::*;

const DAY: &str = "2026-11-10";

fn m(d: i64) -> Money {
    Money::from_dong(d)
}

/// An office with this month's list, gdv1's drawer opened with 5.000.000 đ
/// (not the 100.000.000 of the shared helper).
fn office() -> Office {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    office
}

fn pay(
    svc: &mut Service,
    who: &Session,
    id: &str,
    method: PayMethod,
) -> chitra::domain::payment::PaymentRecord {
    paid(svc, who, id, method).payment
}

/// [`pay`], with what the payment hands back (its receipt being written).
fn paid(
    svc: &mut Service,
    who: &Session,
    id: &str,
    method: PayMethod,
) -> chitra::service::pay::Paid {
    let person = svc.search(id, 1).unwrap().hits[0].person.id;
    if method.is_transfer() {
        common::account_on_file(svc, person, "1234567890");
    }
    let view = svc.person_view(person).unwrap();
    let req = PayRequest {
        person_id: person,
        receiver: Receiver::Person,
        receiver_id_number: id.into(),
        method,
        account: method.is_transfer().then(|| "1234567890".into()),
        reference: method.is_transfer().then(|| format!("FT{id}")),
        idem_key: svc.new_idem_key(),
        lines: view.unpaid.iter().map(|l| l.entitlement_id).collect(),
        approval: None,
    };
    svc.pay(who, &req).unwrap()
}

fn notes(pairs: &[(i64, i64)]) -> BTreeMap<i64, i64> {
    pairs.iter().copied().collect()
}

const AN: &str = "046048001234"; // 2.789.000
const BINH: &str = "046152004321"; // 2.789.000 + 1.394.500
const CUC: &str = "046060007777"; // 3.120.000

#[test]
fn a_blind_count_that_agrees_shows_no_difference() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, AN, PayMethod::Cash);
    // Float 100.000.000 − 2.789.000 = 97.211.000.
    let count = svc
        .count_drawer(
            &hoa,
            &notes(&[(500_000, 194), (200_000, 1), (10_000, 1), (1_000, 1)]),
        )
        .unwrap();
    assert_eq!(count.counted, m(97_211_000));
    assert_eq!(count.expected, m(97_211_000));
    assert!(count.difference.is_zero());
    // A count is made once; no more cash through a counted drawer.
    let again = svc.count_drawer(&hoa, &notes(&[(500_000, 1)])).unwrap_err();
    assert!(
        matches!(again, Error::Day(DayError::AlreadyCounted { .. })),
        "{again:?}"
    );
    let err = svc.explain_difference(&hoa, "không có gì").unwrap_err();
    assert!(matches!(err, Error::Day(DayError::NoDifference)));
}

#[test]
fn a_difference_needs_a_reason_before_the_day_closes() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, AN, PayMethod::Cash);
    let count = svc.count_drawer(&hoa, &notes(&[(500_000, 194)])).unwrap();
    assert_eq!(count.difference, m(-211_000));
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    for who in [CLERK2, SUPERVISOR] {
        let s = office.sign_in(&mut svc, who);
        svc.count_drawer(&s, &notes(&[(500_000, 200)])).unwrap();
    }
    let err = svc.close_day(&boss, SUPERVISOR.1, DAY, false).unwrap_err();
    match &err {
        Error::Day(DayError::Blocked(b)) => {
            assert_eq!(
                b,
                &vec![Blocker::NoReason {
                    clerk: "Lê Thị Hoa".into(),
                    difference: m(-211_000)
                }]
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string().contains("Lê Thị Hoa") && err.to_string().contains("-211.000 đ"),
        "{err}"
    );
    svc.explain_difference(&hoa, "Trả nhầm tiền lẻ cho ông An, đã liên hệ")
        .unwrap();
    let closed = svc.close_day(&boss, SUPERVISOR.1, DAY, false).unwrap();
    let hoa_day = closed
        .report
        .clerks
        .iter()
        .find(|c| c.name == "gdv1")
        .unwrap();
    assert_eq!(
        hoa_day.count.as_ref().unwrap().reason.as_deref(),
        Some("Trả nhầm tiền lẻ cho ông An, đã liên hệ")
    );
}

#[test]
fn an_uncounted_drawer_blocks_the_close() {
    let office = office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let err = svc.close_day(&boss, SUPERVISOR.1, DAY, false).unwrap_err();
    let Error::Day(DayError::Blocked(b)) = err else {
        panic!("{err:?}")
    };
    assert_eq!(b.len(), 3, "three drawers were opened: {b:?}");
    assert!(b.iter().all(|x| matches!(x, Blocker::NotCounted { .. })));
}

#[test]
fn cash_is_paid_only_from_an_open_drawer() {
    let office = office();
    office.clock.set("2026-11-11T08:00:00+07:00"); // a new day: no float yet
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let person = svc.search(AN, 1).unwrap().hits[0].person.id;
    let req = PayRequest {
        person_id: person,
        receiver: Receiver::Person,
        receiver_id_number: AN.into(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines: vec![],
        approval: None,
    };
    let err = svc.pay(&hoa, &req).unwrap_err();
    assert!(
        matches!(err, Error::Day(DayError::DrawerNotOpen { .. })),
        "{err:?}"
    );
    // A transfer needs no drawer.
    pay(&mut svc, &hoa, AN, PayMethod::Bank);
}

#[test]
fn a_void_makes_the_lines_payable_again_and_returns_the_cash() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let p = pay(&mut svc, &hoa, BINH, PayMethod::Cash);
    let before = svc.day_report(DAY).unwrap();
    let hoa_before = before
        .clerks
        .iter()
        .find(|c| c.name == "gdv1")
        .unwrap()
        .expected;
    assert_eq!(hoa_before, m(100_000_000 - 4_183_500));

    // A clerk cannot approve, nor can the one asking.
    assert!(svc.approval(&hoa, CLERK2.0, CLERK2.1).is_err());
    let approval = svc.approval(&hoa, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let voided = svc
        .void_payment(
            &hoa,
            &p.receipt_no,
            "Chi nhầm: người nhận chưa đủ giấy tờ",
            &approval,
        )
        .unwrap();
    assert!(voided.reversal.is_some());

    let person = svc.search(BINH, 1).unwrap().hits[0].person.id;
    let view = svc.person_view(person).unwrap();
    assert_eq!(view.unpaid.len(), 2, "both lines are owed again");
    assert!(
        view.payments[0].reversal.is_some(),
        "the original stays, marked"
    );
    let after = svc.day_report(DAY).unwrap();
    let hoa_after = after.clerks.iter().find(|c| c.name == "gdv1").unwrap();
    assert_eq!(
        hoa_after.expected,
        m(100_000_000),
        "the cash is back in the drawer"
    );
    assert_eq!(after.totals.net, Money::ZERO);
    assert_eq!(after.voids.len(), 1);

    // Voided once only; and it can be paid again, with a new receipt.
    let again = svc
        .void_payment(&hoa, &p.receipt_no, "lần nữa", &approval)
        .unwrap_err();
    assert!(
        matches!(again, Error::Day(DayError::AlreadyVoided { .. })),
        "{again:?}"
    );
    let second = pay(&mut svc, &hoa, BINH, PayMethod::Cash);
    assert_ne!(second.receipt_no, p.receipt_no);
}

#[test]
fn a_supervisor_cannot_approve_their_own_void() {
    let office = office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let p = pay(&mut svc, &boss, AN, PayMethod::Cash);
    let approval = svc.approval(&boss, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let err = svc
        .void_payment(&boss, &p.receipt_no, "nhầm", &approval)
        .unwrap_err();
    assert!(err.to_string().contains("Không tự duyệt"), "{err}");
}

/// Counts every drawer so the day can close, and closes it.
fn close(office: &Office, svc: &mut Service) -> chitra::service::day::Closed {
    for who in [CLERK1, CLERK2, SUPERVISOR] {
        let s = office.sign_in(svc, who);
        let expected = svc
            .day_report(DAY)
            .unwrap()
            .clerks
            .iter()
            .find(|c| c.name == who.0)
            .unwrap()
            .expected;
        let count = svc
            .count_drawer(&s, &notes(&[(500, expected.dong() / 500)]))
            .unwrap();
        assert!(count.difference.is_zero());
    }
    let boss = office.sign_in(svc, SUPERVISOR);
    svc.close_day(&boss, SUPERVISOR.1, DAY, false).unwrap()
}

#[test]
fn a_closed_day_cannot_change_through_chitra_or_direct_sql() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let p = pay(&mut svc, &hoa, AN, PayMethod::Bank);
    let closed = close(&office, &mut svc);
    assert!(closed.backup.is_file(), "{:?}", closed.backup);
    let boss = office.sign_in(&mut svc, SUPERVISOR);

    // Through chitra.
    let err = svc.close_day(&boss, SUPERVISOR.1, DAY, false).unwrap_err();
    assert!(
        matches!(err, Error::Day(DayError::AlreadyClosed { .. })),
        "{err:?}"
    );
    let err = svc
        .drawer_move(&boss, CLERK2.0, CLERK2.1, MoveKind::Issue, m(1_000_000), "")
        .unwrap_err();
    assert!(
        matches!(err, Error::Day(DayError::DrawerCounted { .. })),
        "{err:?}"
    );
    let person = svc.search(BINH, 1).unwrap().hits[0].person.id;
    common::account_on_file(&mut svc, person, "1234567890");
    let req = PayRequest {
        person_id: person,
        receiver: Receiver::Person,
        receiver_id_number: BINH.into(),
        method: PayMethod::Bank,
        account: Some("1234567890".into()),
        reference: Some("2".into()),
        idem_key: svc.new_idem_key(),
        lines: vec![],
        approval: None,
    };
    let err = svc.pay(&hoa, &req).unwrap_err();
    assert!(
        matches!(err, Error::Day(DayError::AlreadyClosed { .. })),
        "{err:?}"
    );

    // By direct SQL, the triggers refuse (for a clerk whose drawer was not
    // counted, only the closed day stands in the way).
    let new = svc
        .add_user(
            &boss,
            "gdv3",
            "Võ Thị Lan",
            chitra::domain::user::Role::Clerk,
            "6284",
        )
        .unwrap()
        .id;
    let c = svc.store().conn();
    let refused = |sql: &str| {
        let e = c.execute_batch(sql).unwrap_err().to_string();
        assert!(
            e.contains("day is closed")
                || e.contains("stays closed")
                || e.contains("never")
                || e.contains("append-only"),
            "{sql}: {e}"
        );
    };
    refused(&format!(
        "INSERT INTO payments (idem_key, office_code, receipt_year, receipt_seq, receipt_no, person_id, day, paid_at,
             clerk_id, receiver_kind, receiver_name, receiver_id_number, method, account, reference, total)
         VALUES ('x', 'HD01', 2026, 99, 'HD-2026-000099', {person}, '{DAY}', '{DAY}T10:00:00+07:00', 2, 'self', 'X', '1', 'bank', 'a', 'r', 1)"
    ));
    refused(&format!(
        "INSERT INTO reversals (payment_id, day, reversed_at, requested_by, approved_by, reason)
         VALUES ({}, '{DAY}', '{DAY}T16:00:00+07:00', 2, 1, 'x')",
        p.id
    ));
    refused(&format!(
        "INSERT INTO drawer_moves (day, at, clerk_id, supervisor_id, kind, amount) VALUES ('{DAY}', '{DAY}T16:00:00+07:00', {new}, 1, 'float', 1000)"
    ));
    refused(&format!(
        "INSERT INTO drawer_counts (day, at, clerk_id, notes, counted, expected, difference) VALUES ('{DAY}', '{DAY}T16:00:00+07:00', {new}, '{{}}', 0, 0, 0)"
    ));
    refused(&format!(
        "UPDATE closed_days SET totals = '{{}}' WHERE day = '{DAY}'"
    ));
    refused(&format!("DELETE FROM closed_days WHERE day = '{DAY}'"));
    refused("UPDATE drawer_moves SET amount = 1");
}

/// A cash payment to `id` by `who`, with every unpaid line: its refusal.
fn cash_refused(svc: &mut Service, who: &Session, id: &str) -> Error {
    let person = svc.search(id, 1).unwrap().hits[0].person.id;
    let view = svc.person_view(person).unwrap();
    let req = PayRequest {
        person_id: person,
        receiver: Receiver::Person,
        receiver_id_number: id.into(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines: view.unpaid.iter().map(|l| l.entitlement_id).collect(),
        approval: None,
    };
    svc.pay(who, &req).unwrap_err()
}

#[test]
fn a_cash_payment_refused_by_the_day_or_the_drawer_names_the_day_first() {
    // The payment's own insert checks the day and the drawer; the clerk
    // hears the first reason: the day closed, then the drawer counted.
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, AN, PayMethod::Cash);
    svc.count_drawer(
        &hoa,
        &notes(&[(500_000, 194), (200_000, 1), (10_000, 1), (1_000, 1)]),
    )
    .unwrap();
    let err = cash_refused(&mut svc, &hoa, BINH);
    assert!(
        matches!(&err, Error::Day(DayError::DrawerCounted { clerk }) if *clerk == hoa.user.full_name),
        "{err:?}"
    );
    for who in [CLERK2, SUPERVISOR] {
        let s = office.sign_in(&mut svc, who);
        let expected = svc
            .day_report(DAY)
            .unwrap()
            .clerks
            .iter()
            .find(|c| c.name == who.0)
            .unwrap()
            .expected;
        svc.count_drawer(&s, &notes(&[(500, expected.dong() / 500)]))
            .unwrap();
    }
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    svc.close_day(&boss, SUPERVISOR.1, DAY, false).unwrap();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let err = cash_refused(&mut svc, &hoa, BINH);
    assert!(
        matches!(&err, Error::Day(DayError::AlreadyClosed { day, .. }) if day == DAY),
        "{err:?}"
    );
    // Nothing of either attempt was kept.
    let report = svc.day_report(DAY).unwrap();
    let paid: i64 = report.clerks.iter().map(|c| c.payments.count).sum();
    assert_eq!(paid, 1);
}

#[test]
fn the_next_day_can_void_a_closed_days_payment_on_its_own_books() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let p = pay(&mut svc, &hoa, CUC, PayMethod::Cash);
    let sealed = close(&office, &mut svc).report.totals_json();
    office.clock.set("2026-11-11T08:00:00+07:00");
    office.open_drawers();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let approval = svc.approval(&hoa, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    svc.void_payment(&hoa, &p.receipt_no, "Trùng với chi hộ", &approval)
        .unwrap();
    // The closed day's numbers do not move; the void counts today.
    assert_eq!(svc.day_report(DAY).unwrap().totals_json(), sealed);
    let today = svc.day_report("2026-11-11").unwrap();
    assert_eq!(today.totals.voids.amount, m(3_120_000));
    assert_eq!(
        today
            .clerks
            .iter()
            .find(|c| c.name == "gdv1")
            .unwrap()
            .expected,
        m(103_120_000)
    );
    assert!(svc.verify(&[]).unwrap().ok());
}

#[test]
fn the_report_totals_equal_a_recomputation_from_the_raw_rows() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let long = office.sign_in(&mut svc, CLERK2);
    let a = pay(&mut svc, &hoa, AN, PayMethod::Cash);
    pay(&mut svc, &long, BINH, PayMethod::Wallet);
    pay(&mut svc, &hoa, CUC, PayMethod::Home);
    let approval = svc.approval(&hoa, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    svc.void_payment(&hoa, &a.receipt_no, "nhầm", &approval)
        .unwrap();
    let r = svc.day_report(DAY).unwrap();

    let c = svc.store().conn();
    let q = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    let gross = q(&format!(
        "SELECT sum(total) FROM payments WHERE day = '{DAY}'"
    ));
    let voided = q(&format!(
        "SELECT sum(p.total) FROM reversals r JOIN payments p ON p.id = r.payment_id WHERE r.day = '{DAY}'"
    ));
    assert_eq!(r.totals.payments.amount.dong(), gross);
    assert_eq!(r.totals.voids.amount.dong(), voided);
    assert_eq!(r.totals.net.dong(), gross - voided);
    for method in ["cash", "home", "bank", "wallet"] {
        let net = q(&format!(
            "SELECT coalesce(sum(total), 0) FROM payments WHERE day = '{DAY}' AND method = '{method}'"
        )) - q(&format!(
            "SELECT coalesce(sum(p.total), 0) FROM reversals r JOIN payments p ON p.id = r.payment_id WHERE r.day = '{DAY}' AND p.method = '{method}'"
        ));
        let shown = r
            .totals
            .by_method
            .get(&PayMethod::from_code(method).unwrap())
            .map_or(0, |t| t.amount.dong());
        assert_eq!(shown, net, "{method}");
    }
    let floats = q(&format!(
        "SELECT sum(amount) FROM drawer_moves WHERE day = '{DAY}' AND kind = 'float'"
    ));
    let cash_out = q(&format!(
        "SELECT sum(total) FROM payments WHERE day = '{DAY}' AND method IN ('cash', 'home')"
    ));
    let cash_back = q(&format!(
        "SELECT sum(p.total) FROM reversals r JOIN payments p ON p.id = r.payment_id WHERE r.day = '{DAY}' AND p.method IN ('cash','home')"
    ));
    assert_eq!(r.totals.cash_expected.dong(), floats - cash_out + cash_back);
    let unpaid = q(
        "SELECT sum(amount) FROM entitlements e WHERE NOT EXISTS (SELECT 1 FROM payment_lines pl WHERE pl.entitlement_id = e.id AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pl.payment_id))",
    );
    assert_eq!(
        r.unpaid.iter().map(|u| u.amount.dong()).sum::<i64>(),
        unpaid
    );
}

#[test]
fn closing_seals_the_audit_head_and_verify_agrees() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, AN, PayMethod::Cash);
    let closed = close(&office, &mut svc);
    let seal = closed.report.closed.as_ref().unwrap().seal.clone();
    let c = svc.store().conn();
    let hash: String = c
        .query_row(
            "SELECT hash FROM audit_log WHERE seq = ?1",
            [seal.seq],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hash, seal.hash);
    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{:?}", v.findings);
    assert_eq!(v.closed_days, 1);
}

/// The forger drops the triggers first, as anyone with the file could.
fn tamper(svc: &Service, sql: &str) {
    tamper_with(svc, sql, false);
}

fn office_with_payments() -> (Office, Service) {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    for id in [AN, BINH, CUC] {
        pay(&mut svc, &hoa, id, PayMethod::Cash);
    }
    assert!(svc.verify(&[]).unwrap().ok());
    (office, svc)
}

/// The server's clock set ahead for one payment, then back: the log's times
/// go back once, and the row ahead of now is named.
#[test]
fn verify_names_a_clock_set_ahead_and_back() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, AN, PayMethod::Cash);
    assert!(svc.verify(&[]).unwrap().ok());
    // A year ahead, a transfer (no drawer needed).
    let ahead = std::sync::Arc::new(chitra::service::FixedClock::at("2027-11-10T09:00:00+07:00"));
    let mut later = office.service().with_clock(ahead);
    let hoa_later = office.sign_in(&mut later, CLERK1);
    pay(&mut later, &hoa_later, BINH, PayMethod::Bank);
    drop(later);
    // Back to now: the next row is written a year earlier than the last.
    pay(&mut svc, &hoa, CUC, PayMethod::Cash);
    // Nothing in the books changed: verify is OK and says it in notes.
    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{:?}", v.findings);
    let back: Vec<_> = v
        .notes
        .iter()
        .filter(|f| matches!(f, Finding::ClockBack { .. }))
        .collect();
    assert_eq!(back.len(), 1, "{:?}", v.notes);
    assert!(
        v.notes
            .iter()
            .any(|f| matches!(f, Finding::ClockAhead { at, .. } if at.starts_with("2027-11-10"))),
        "{:?}",
        v.notes
    );
    let said = chitra::i18n::Say::say(back[0], chitra::i18n::Lang::Vi);
    assert!(said.contains("đồng hồ máy chủ đã bị chỉnh lùi"), "{said}");
}

/// The database put back to a copy taken before a payment, with the
/// anchor of that copy: the chain is whole and shorter, but the receipt
/// printed for the lost payment is still in the print folder.
#[test]
fn verify_names_a_printed_receipt_the_books_no_longer_hold() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let copy = office.dir.path().join("older.db");
    svc.backup_to(&copy).unwrap();
    let mut done = paid(&mut svc, &hoa, AN, PayMethod::Cash);
    done.wait_for_print();
    let receipt_no = done.payment.receipt_no.clone();
    assert!(svc.verify(&[]).unwrap().ok());
    drop(svc);
    let db = office.db.clone();
    for suffix in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(p));
    }
    std::fs::rename(&copy, &db).unwrap();
    let mut head = copy.as_os_str().to_owned();
    head.push(".head");
    let mut office_head = db.as_os_str().to_owned();
    office_head.push(".head");
    std::fs::rename(
        std::path::PathBuf::from(head),
        std::path::PathBuf::from(office_head),
    )
    .unwrap();
    let svc = office.service();
    let v = svc.verify(&[]).unwrap();
    assert!(
        v.findings.iter().any(|f| matches!(
            f,
            Finding::ReceiptFileWithoutPayment { receipt_no: no, .. } if *no == receipt_no
        )),
        "{:?}",
        v.findings
    );
}

#[test]
fn verify_finds_an_edited_audit_row() {
    let (_office, svc) = office_with_payments();
    tamper(
        &svc,
        "UPDATE audit_log SET detail = replace(detail, '2789000', '2000000') WHERE action = 'payment.create' AND seq = (SELECT min(seq) FROM audit_log WHERE action = 'payment.create')",
    );
    let v = svc.verify(&[]).unwrap();
    assert!(
        v.findings.iter().any(|f| matches!(f, Finding::Chain(_))),
        "{:?}",
        v.findings
    );
}

#[test]
fn verify_finds_a_deleted_payment() {
    let (_office, svc) = office_with_payments();
    tamper(
        &svc,
        "DELETE FROM payment_lines WHERE payment_id = 2; DELETE FROM payments WHERE id = 2;",
    );
    let v = svc.verify(&[]).unwrap();
    assert!(v.findings.iter().any(|f| matches!(f, Finding::Row(RowProblem::Missing { table: Table::Payments, key, .. }) if key == "2")), "{:?}", v.findings);
    assert!(
        v.findings
            .iter()
            .any(|f| matches!(f, Finding::ReceiptGap { from: 2, to: 2, .. })),
        "{:?}",
        v.findings
    );
}

#[test]
fn verify_finds_a_forged_receipt_number() {
    let (_office, svc) = office_with_payments();
    tamper(
        &svc,
        "UPDATE payments SET receipt_no = 'HD-2026-000777' WHERE id = 3",
    );
    let v = svc.verify(&[]).unwrap();
    assert!(v.findings.iter().any(|f| matches!(f, Finding::ReceiptForged { receipt_no, .. } if receipt_no == "HD-2026-000777")), "{:?}", v.findings);
    assert!(
        v.findings
            .iter()
            .any(|f| matches!(f, Finding::Row(RowProblem::Edited { table: Table::Payments, key, .. }) if key == "3")),
        "{:?}",
        v.findings
    );
    let text: Vec<String> = v
        .findings
        .iter()
        .map(|f| chitra::i18n::Localize::localize(f, chitra::i18n::Lang::Vi))
        .collect();
    assert!(
        text.iter().any(|t| t.contains("HD-2026-000777")),
        "{text:?}"
    );
}

#[test]
fn verify_finds_a_changed_amount_on_a_closed_day() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, AN, PayMethod::Bank);
    close(&office, &mut svc);
    tamper(
        &svc,
        "UPDATE payments SET total = 1789000 WHERE id = 1; UPDATE payment_lines SET amount = 1789000 WHERE payment_id = 1;",
    );
    let v = svc.verify(&[]).unwrap();
    assert!(
        v.findings
            .iter()
            .any(|f| matches!(f, Finding::ClosedDayTotals { day } if day == DAY)),
        "{:?}",
        v.findings
    );
    assert!(
        v.findings
            .iter()
            .any(|f| matches!(f, Finding::Row(RowProblem::Edited { table: Table::Payments, key, .. }) if key == "1")),
        "{:?}",
        v.findings
    );
}

#[test]
fn verify_finds_lines_added_under_a_forged_batch_and_totals_that_were_removed() {
    let (_office, svc) = office_with_payments();
    // A batch written by hand, with a line and no totals.
    tamper(
        &svc,
        "INSERT INTO import_batches (id, file_name, sha256, kind, period, imported_by, imported_at)
             VALUES (99, 'gia.csv', 'x', 'monthly', '2026-11', 1, '2026-11-20T08:00:00+07:00');
         INSERT INTO entitlements (person_id, period, kind, amount, batch_id, source_row)
             VALUES (1, '2026-11', 'truy_linh', 5000000, 99, 2);",
    );
    let forged = |v: &chitra::service::verify::Verification, id: i64| {
        v.findings
            .iter()
            .any(|f| matches!(f, Finding::BatchChanged { batch_id, .. } if *batch_id == id))
    };
    assert!(forged(&svc.verify(&[]).unwrap(), 99));
    // A real batch whose totals (and so its digest) were deleted.
    tamper(&svc, "DELETE FROM import_totals WHERE batch_id = 1");
    assert!(forged(&svc.verify(&[]).unwrap(), 1));
}

#[test]
fn verify_finds_an_imported_line_changed_later() {
    let (_office, svc) = office_with_payments();
    tamper(
        &svc,
        "UPDATE entitlements SET amount = 9999000 WHERE id = (SELECT max(id) FROM entitlements)",
    );
    let v = svc.verify(&[]).unwrap();
    assert!(
        v.findings
            .iter()
            .any(|f| matches!(f, Finding::BatchChanged { .. })),
        "{:?}",
        v.findings
    );
}

#[test]
fn a_rotated_key_signs_from_then_on_in_every_process_and_the_old_one_still_checks() {
    let office = office();
    let mut early = office.service(); // opened before the rotation
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, AN, PayMethod::Bank);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    // Only a supervisor rotates.
    assert!(matches!(svc.rotate_key(&hoa), Err(Error::Forbidden { .. })));
    assert_eq!(svc.rotate_key(&boss).unwrap(), "k2");
    pay(&mut svc, &hoa, BINH, PayMethod::Bank);
    // The process opened before sees the new key and signs with it.
    let hoa2 = office.sign_in(&mut early, CLERK1);
    pay(&mut early, &hoa2, CUC, PayMethod::Bank);
    let c = svc.store().conn();
    let ids: Vec<String> = c
        .prepare("SELECT key_id FROM audit_log ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let first_k2 = ids.iter().position(|k| k == "k2").expect("k2 signs");
    assert!(ids[..first_k2].iter().all(|k| k == "k1"));
    assert!(ids[first_k2..].iter().all(|k| k == "k2"), "{ids:?}");
    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{:?}", v.findings);
    // Without the old key, what it signed no longer checks.
    let key = office.db.with_extension("db.key");
    let text = std::fs::read_to_string(&key).unwrap();
    let only_new: String = text
        .lines()
        .filter(|l| !l.starts_with("k1 "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&key, only_new).unwrap();
    let v = office.service().verify(&[]).unwrap();
    assert!(
        v.findings.iter().any(|f| matches!(
            f,
            Finding::Chain(chitra::store::audit::ChainProblem::UnknownKey { .. })
        )),
        "{:?}",
        v.findings
    );
}

#[test]
fn verify_names_a_missing_or_damaged_backup_of_the_last_close() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, AN, PayMethod::Bank);
    let closed = close(&office, &mut svc);
    assert!(svc.verify(&[]).unwrap().ok());
    std::fs::write(&closed.backup, b"not a database").unwrap();
    let v = svc.verify(&[]).unwrap();
    assert!(
        v.findings
            .iter()
            .any(|f| matches!(f, Finding::CloseBackup { missing: false, .. })),
        "{:?}",
        v.findings
    );
    std::fs::remove_file(&closed.backup).unwrap();
    let v = svc.verify(&[]).unwrap();
    assert!(
        v.findings
            .iter()
            .any(|f| matches!(f, Finding::CloseBackup { day, missing: true, .. } if day == DAY)),
        "{:?}",
        v.findings
    );
}

#[test]
fn one_transfer_code_settles_one_payment() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, AN, PayMethod::Bank);
    // Bình's transfer typed with An's code: refused, naming An's receipt.
    let binh = svc.search(BINH, 1).unwrap().hits[0].person.id;
    common::account_on_file(&mut svc, binh, "1234567890");
    let mut req = PayRequest {
        person_id: binh,
        receiver: Receiver::Person,
        receiver_id_number: BINH.into(),
        method: PayMethod::Bank,
        account: Some("1234567890".into()),
        reference: Some(format!("FT{AN}")),
        idem_key: svc.new_idem_key(),
        lines: Vec::new(),
        approval: None,
    };
    let err = svc.pay(&hoa, &req).unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Pay(chitra::service::pay::PayError::ReferenceUsed { .. })
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("HD-2026-000001"), "{err}");
    // The database holds it too.
    let raw = rusqlite::Connection::open(&office.db).unwrap();
    let forged = raw
        .execute(
            "INSERT INTO payments (idem_key, office_code, receipt_year, receipt_seq, receipt_no,
                 person_id, day, paid_at, clerk_id, receiver_kind, receiver_name,
                 receiver_id_number, method, account, reference, total)
             SELECT 'forged-key-1', office_code, receipt_year, 99, 'X-99', ?1, day, paid_at,
                    clerk_id, 'person', 'x', ?2, 'bank', '1', reference, 1
             FROM payments LIMIT 1",
            rusqlite::params![binh, BINH],
        )
        .unwrap_err();
    assert!(
        forged
            .to_string()
            .contains("transfer reference already used"),
        "{forged}"
    );
    // Its own code goes through.
    req.reference = Some("FT-BINH".into());
    req.idem_key = svc.new_idem_key();
    svc.pay(&hoa, &req).unwrap();
}

#[test]
fn nothing_is_written_on_a_day_before_a_closed_one() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, CUC, PayMethod::Cash);
    close(&office, &mut svc);
    // The server's clock set back a day: the 9th had nothing, and is not
    // closed, but it comes before a sealed day.
    office.clock.set("2026-11-09T09:00:00+07:00");
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let err = svc
        .drawer_move(&boss, CLERK1.0, CLERK1.1, MoveKind::Float, m(5_000_000), "")
        .unwrap_err();
    assert!(err.to_string().contains("chỉnh lùi"), "{err}");
    let hoa = office.sign_in(&mut svc, CLERK1);
    let an = svc.search(AN, 1).unwrap().hits[0].person.id;
    common::account_on_file(&mut svc, an, "1234567890");
    let req = PayRequest {
        person_id: an,
        receiver: Receiver::Person,
        receiver_id_number: AN.into(),
        method: PayMethod::Bank,
        account: Some("1234567890".into()),
        reference: Some("FT-9".into()),
        idem_key: svc.new_idem_key(),
        lines: Vec::new(),
        approval: None,
    };
    let err = svc.pay(&hoa, &req).unwrap_err();
    assert!(err.to_string().contains("chỉnh lùi"), "{err}");
    // Nothing of the books was written; the sign-ins of the 9th, after
    // rows of the 10th, show the clock set back (a note, not a finding).
    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{:?}", v.findings);
    assert!(
        v.notes
            .iter()
            .any(|f| matches!(f, Finding::ClockBack { .. })),
        "{:?}",
        v.notes
    );
}

/// Like [`tamper`], with every trigger put back as it was afterwards: the
/// schema is this version's again, and only the rows tell.
fn tamper_and_restore(svc: &Service, sql: &str) {
    tamper_with(svc, sql, true);
}

/// Runs `sql` with every trigger dropped, as a forger with `sqlite3`
/// would; `put_back` makes them again, exactly, afterwards.
fn tamper_with(svc: &Service, sql: &str, put_back: bool) {
    let c = svc.store().conn();
    let triggers: Vec<(String, String)> = c
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (t, _) in &triggers {
        c.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
    }
    c.execute_batch(sql).unwrap();
    if put_back {
        for (_, made) in &triggers {
            c.execute_batch(made).unwrap();
        }
    }
}

#[test]
fn a_day_with_rows_changed_outside_chitra_is_not_sealed() {
    let (office, mut svc) = office_with_payments();
    // A payment's total lowered behind chitra's back, the triggers put back.
    tamper_and_restore(
        &svc,
        "UPDATE payments SET total = total - 1000000 WHERE id = 1",
    );
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let err = svc.close_day(&boss, SUPERVISOR.1, DAY, false).unwrap_err();
    assert!(
        matches!(err, Error::Day(DayError::NotSound { findings }) if findings > 0),
        "{err:?}"
    );
    assert!(err.to_string().contains("không khóa sổ"), "{err}");
    assert!(svc.day_report(DAY).unwrap().closed.is_none());
}

#[test]
fn a_trigger_dropped_outside_chitra_stops_every_write() {
    let (office, mut svc) = office_with_payments();
    svc.store()
        .conn()
        .execute_batch("DROP TRIGGER payments_no_delete")
        .unwrap();
    // Not a payment, not a sign-in, in this process or a new one.
    let err = svc.sign_in(CLERK1.0, CLERK1.1).unwrap_err();
    assert!(err.to_string().contains("payments_no_delete"), "{err}");
    let mut fresh = office.service();
    assert!(fresh.sign_in(SUPERVISOR.0, SUPERVISOR.1).is_err());
    // verify names it.
    assert!(!fresh.verify(&[]).unwrap().ok());
}

#[test]
fn a_trigger_added_outside_chitra_stops_writes_and_a_table_does_not() {
    let (office, mut svc) = office_with_payments();
    // A table of someone's own changes no rule: writes go on, verify
    // names it.
    svc.store()
        .conn()
        .execute_batch("CREATE TABLE ghi_chu (x)")
        .unwrap();
    svc.sign_in(CLERK1.0, CLERK1.1).unwrap();
    assert!(!svc.verify(&[]).unwrap().ok());
    // A trigger of someone's own could change what a write does.
    svc.store()
        .conn()
        .execute_batch("CREATE TRIGGER quiet AFTER INSERT ON payments BEGIN SELECT 1; END;")
        .unwrap();
    let err = office.service().sign_in(CLERK1.0, CLERK1.1).unwrap_err();
    assert!(err.to_string().contains("quiet"), "{err}");
}
