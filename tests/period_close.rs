//! Closing a month: every unpaid person needs a reason, the totals add up
//! against a recount from the database's own rows, the results file reads
//! back with what the payer needs, and a closed period takes nothing more —
//! refused by the service and by the database itself.

use crate::common;

use std::collections::BTreeMap;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chitra::domain::Money;
use chitra::domain::payment::PayMethod;
use chitra::domain::period_report::{Fate, Settled, UnpaidReason};
use chitra::service::pay::{PayRequest, Receiver};
use chitra::service::period::{CloseOptions, PeriodError};
use chitra::service::{Error, Service, Session};
use common::*;

const AN: &str = "046048001234"; // 2.789.000, paid
const BINH: &str = "046152004321"; // 4.183.500, unpaid
const CUC: &str = "046060007777"; // 3.120.000, deceased: stopped

fn nov() -> chitra::domain::Period {
    "2026-11".parse().unwrap()
}

fn person_id(svc: &Service, id: &str) -> i64 {
    svc.search(id, 1).unwrap().hits[0].person.id
}

fn pay_request(svc: &Service, person: i64, id: &str, lines: Vec<i64>) -> PayRequest {
    PayRequest {
        person_id: person,
        receiver: Receiver::Person,
        receiver_id_number: id.into(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines,
        approval: None,
    }
}

fn pay(svc: &mut Service, who: &Session, id: &str) {
    let person = person_id(svc, id);
    let lines = svc
        .person_view(person)
        .unwrap()
        .unpaid
        .iter()
        .map(|l| l.entitlement_id)
        .collect();
    let req = pay_request(svc, person, id, lines);
    svc.pay(who, &req).unwrap();
}

/// November: An paid on the 10th (day closed), Bình not paid, Cúc reported
/// deceased; the clock on the 26th, after the window.
fn november() -> Office {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay(&mut svc, &hoa, AN);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let cuc = person_id(&svc, CUC);
    svc.set_person_status(
        &boss,
        cuc,
        chitra::domain::person::Status::Deceased,
        "Giấy báo tử số 3/2026",
    )
    .unwrap();
    office.clock.set("2026-11-10T17:00:00+07:00");
    office.close_today(&mut office.service());
    office.clock.set("2026-11-26T08:00:00+07:00");
    office
}

/// What the period's rows say, counted straight from the tables:
/// (imported, paid) per record code.
fn recount(office: &Office) -> BTreeMap<String, (i64, i64)> {
    let c = rusqlite::Connection::open(&office.db).unwrap();
    let mut stmt = c
        .prepare(
            "SELECT p.record_code, e.amount,
                    EXISTS (SELECT 1 FROM payment_lines pl WHERE pl.entitlement_id = e.id
                            AND pl.payment_id NOT IN (SELECT payment_id FROM reversals))
             FROM entitlements e JOIN people p ON p.id = e.person_id
             WHERE e.period = '2026-11'",
        )
        .unwrap();
    let mut out: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (code, amount, paid) = row.unwrap();
        let e = out.entry(code).or_default();
        e.0 += amount;
        if paid {
            e.1 += amount;
        }
    }
    out
}

#[test]
fn a_period_closes_only_with_a_reason_for_each_unpaid_person_and_its_totals_add_up() {
    let office = november();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let hoa = office.sign_in(&mut svc, CLERK1);

    // Bình has no reason yet: the close is refused, naming her.
    let err = svc
        .close_period(&boss, SUPERVISOR.1, nov(), &CloseOptions::default())
        .unwrap_err();
    match &err {
        Error::Period(PeriodError::ReasonsMissing { codes }) => assert_eq!(codes, &["HD-002"]),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("HD-002"), "{err}");
    // "Other" without a note is only a word: refused, also as a default.
    assert!(matches!(
        svc.set_unpaid_reason(&boss, nov(), "HD-002", UnpaidReason::Other, Some("  ")),
        Err(Error::Period(PeriodError::NoteNeeded))
    ));
    let opts = CloseOptions {
        default_reason: Some(UnpaidReason::Other),
        default_note: None,
    };
    assert!(matches!(
        svc.close_period(&boss, SUPERVISOR.1, nov(), &opts),
        Err(Error::Period(PeriodError::NoteNeeded))
    ));
    // Paid or stopped people need no reason; nobody off the list gets one;
    // a clerk gives none.
    assert!(matches!(
        svc.set_unpaid_reason(&boss, nov(), AN, UnpaidReason::Away, None),
        Err(Error::Period(PeriodError::NotUnpaid { .. }))
    ));
    assert!(matches!(
        svc.set_unpaid_reason(&boss, nov(), CUC, UnpaidReason::Away, None),
        Err(Error::Period(PeriodError::NotUnpaid { .. }))
    ));
    assert!(matches!(
        svc.set_unpaid_reason(&boss, nov(), "HD-999", UnpaidReason::Away, None),
        Err(Error::Period(PeriodError::NotOnList { .. }))
    ));
    assert!(matches!(
        svc.set_unpaid_reason(&hoa, nov(), BINH, UnpaidReason::Away, None),
        Err(Error::Forbidden { .. })
    ));
    // A reason by ID number, then a later one by record code replaces it.
    svc.set_unpaid_reason(&boss, nov(), BINH, UnpaidReason::Away, None)
        .unwrap();
    let r = svc
        .set_unpaid_reason(
            &boss,
            nov(),
            "hd-002",
            UnpaidReason::Hospital,
            Some("Bệnh viện huyện"),
        )
        .unwrap();
    let binh = r.people.iter().find(|p| p.code == "HD-002").unwrap();
    assert_eq!(binh.reason, Some(UnpaidReason::Hospital));
    assert_eq!(binh.reason_note.as_deref(), Some("Bệnh viện huyện"));
    assert_eq!(r.fate(binh), Some(Fate::Carried));
    assert_eq!(r.missing_reasons().count(), 0);

    let closed = svc
        .close_period(&boss, SUPERVISOR.1, nov(), &CloseOptions::default())
        .unwrap();
    assert!(closed.closed_at.is_some());
    // The totals against a recount from the raw rows, person by person.
    let raw = recount(&office);
    assert_eq!(raw.len(), closed.people.len());
    for p in &closed.people {
        let (imported, paid) = raw[&p.code];
        assert_eq!(p.imported.dong(), imported, "{}", p.code);
        assert_eq!(p.paid.dong(), paid, "{}", p.code);
    }
    let imported: i64 = raw.values().map(|v| v.0).sum();
    let paid: i64 = raw.values().map(|v| v.1).sum();
    assert_eq!(closed.imported.dong(), imported);
    assert_eq!(closed.paid.dong(), paid);
    assert_eq!(closed.paid, Money::from_dong(2_789_000));
    assert_eq!(closed.unpaid, Money::from_dong(4_183_500));
    assert_eq!(closed.stopped, Money::from_dong(3_120_000));
    assert!(closed.balanced());
    // The day of An's payment is sealed into the results.
    assert_eq!(closed.seals.len(), 1);
    assert_eq!(closed.seals[0].0, "2026-11-10");

    // Closed: the service refuses a payment, a reason and a list.
    let binh_id = person_id(&svc, BINH);
    assert!(svc.person_view(binh_id).unwrap().unpaid.is_empty());
    let c = rusqlite::Connection::open(&office.db).unwrap();
    let lines: Vec<i64> = c
        .prepare("SELECT id FROM entitlements WHERE person_id = ?1 AND period = '2026-11'")
        .unwrap()
        .query_map([binh_id], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // In December's window, with an open drawer, the line is still refused.
    office.clock.set("2026-12-02T08:00:00+07:00");
    let mut svc = office.service();
    office.open_drawers_with(&mut svc);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let hoa = office.sign_in(&mut svc, CLERK1);
    let req = pay_request(&svc, binh_id, BINH, lines.clone());
    let err = svc.pay(&hoa, &req).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Pay(chitra::service::pay::PayError::LinesChanged)
        ),
        "{err:?}"
    );
    assert!(matches!(
        svc.set_unpaid_reason(&boss, nov(), BINH, UnpaidReason::Away, None),
        Err(Error::Period(PeriodError::AlreadyClosed { .. }))
    ));
    let path = office.write_file(
        "t11b.csv",
        csv("2026-11", &three())
            .replace("2.789.000", "2.789.001")
            .as_bytes(),
    );
    let opts = chitra::service::import::ImportOptions {
        kind: chitra::service::import::ListKind::Monthly,
        period: Some(nov()),
        dry_run: false,
    };
    assert!(svc.import(&boss, &path, &opts, &mut |_| {}).is_err());

    // And the database refuses the same behind chitra's back, as sqlite3
    // would: a payment of Bình's line, a reason, a list of November.
    let refused = |sql: &str| {
        let e = c.execute_batch(sql).unwrap_err().to_string();
        let _ = c.execute_batch("ROLLBACK");
        e
    };
    let e = refused(&format!(
        "BEGIN;
         INSERT INTO payments (id, idem_key, office_code, receipt_year, receipt_seq, receipt_no,
             person_id, day, paid_at, clerk_id, receiver_kind, receiver_name, receiver_id_number,
             method, account, reference, total)
         VALUES (9999, 'x', 'BC', 2026, 9999, 'BC-9999', {binh_id}, '2026-12-02',
             '2026-12-02T09:00:00+07:00', 2, 'self', 'Trần Thị Bình', '{BINH}', 'bank',
             '0123', 'REF', 4183500);
         INSERT INTO payment_lines (payment_id, entitlement_id, amount, attempt)
             SELECT 9999, id, amount, 0 FROM entitlements WHERE id = {};
         COMMIT;",
        lines[0]
    ));
    assert!(e.contains("period is closed"), "{e}");
    let e = refused(&format!(
        "INSERT INTO unpaid_reasons (period, person_id, reason, set_by, set_at)
         VALUES ('2026-11', {binh_id}, 'away', 1, '2026-11-26T09:00:00+07:00')"
    ));
    assert!(e.contains("period is closed"), "{e}");
    let e = refused(
        "INSERT INTO import_batches (file_name, sha256, kind, period, imported_by, imported_at)
         VALUES ('x.csv', 'abc', 'monthly', '2026-11', 1, '2026-11-26T09:00:00+07:00')",
    );
    assert!(e.contains("period is closed"), "{e}");

    // Every reason and the close are in the log, and the tables match it.
    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{:?}", v.findings);
}

#[test]
fn a_default_reason_at_the_close_is_recorded_for_those_without_one() {
    let office = november();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = CloseOptions {
        default_reason: Some(UnpaidReason::DidNotCome),
        default_note: None,
    };
    let closed = svc.close_period(&boss, SUPERVISOR.1, nov(), &opts).unwrap();
    let binh = closed.people.iter().find(|p| p.code == "HD-002").unwrap();
    assert_eq!(binh.reason, Some(UnpaidReason::DidNotCome));
    assert_eq!(binh.settled, Settled::Unpaid);
    let c = rusqlite::Connection::open(&office.db).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM unpaid_reasons", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    // The reason row is sealed and logged: a changed reason is caught.
    c.execute_batch(
        "DROP TRIGGER unpaid_reasons_no_update; UPDATE unpaid_reasons SET reason = 'refused'",
    )
    .unwrap();
    let v = svc.verify(&[]).unwrap();
    assert!(!v.ok());
    assert!(
        format!("{:?}", v.findings).contains("unpaid_reasons"),
        "{:?}",
        v.findings
    );
}

fn chitra(office: &Office, args: &[&str]) -> std::process::Output {
    common::chitra(office, SUPERVISOR, args)
}

fn read_sheet(path: &std::path::Path) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn number(c: &Data) -> Option<i64> {
    match c {
        Data::Float(f) => Some(*f as i64),
        Data::Int(i) => Some(*i),
        _ => None,
    }
}

/// The row that has a cell equal to `text`.
fn row_with<'a>(rows: &'a [Vec<Data>], text: &str) -> &'a [Data] {
    rows.iter()
        .find(|r| r.iter().any(|c| matches!(c, Data::String(s) if s == text)))
        .unwrap_or_else(|| panic!("no row with {text}"))
}

#[test]
fn the_close_from_the_command_line_previews_then_writes_results_that_read_back() {
    let office = november();
    let results = office.dir.path().join("ket-qua-11-2026.xlsx");
    let out_arg = results.to_str().unwrap();

    // The preview names what blocks the close and changes nothing.
    let out = chitra(&office, &["period", "close", "2026-11", "--dry-run"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("1 người chưa nhận chưa ghi lý do"), "{text}");
    assert!(
        flat.contains("Tiền chưa nhận được chuyển sang kỳ sau"),
        "{text}"
    );
    assert!(
        text.lines().all(|l| chitra::text::layout::width(l) <= 80),
        "{text}"
    );
    // Without reasons, refused before any PIN is asked.
    let out = chitra(&office, &["period", "close", "2026-11", "--out", out_arg]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HD-002"));
    assert!(!results.exists());

    let out = chitra(
        &office,
        &[
            "period",
            "reason",
            "2026-11",
            "HD-002",
            "--reason",
            "away",
            "--note",
            "Đi làm xa",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = chitra(&office, &["period", "close", "2026-11", "--out", out_arg]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ĐÃ KHÓA KỲ"));

    let rows = read_sheet(&results);
    let an = row_with(&rows, "HD-001");
    assert!(an.iter().any(|c| matches!(c, Data::String(s) if s == AN)));
    assert!(an.iter().filter_map(number).any(|n| n == 2_789_000));
    let c = rusqlite::Connection::open(&office.db).unwrap();
    let receipt: String = c
        .query_row("SELECT receipt_no FROM payments", [], |r| r.get(0))
        .unwrap();
    assert!(
        an.iter()
            .any(|c| matches!(c, Data::String(s) if s == &receipt)),
        "{an:?}"
    );
    assert!(
        an.iter()
            .any(|c| matches!(c, Data::String(s) if s == "Tiền mặt tại quầy"))
    );
    let binh = row_with(&rows, "HD-002");
    assert!(
        binh.iter()
            .any(|c| matches!(c, Data::String(s) if s == "Đi vắng: Đi làm xa")),
        "{binh:?}"
    );
    assert!(
        binh.iter()
            .any(|c| matches!(c, Data::String(s) if s == "Chuyển kỳ sau"))
    );
    assert!(binh.iter().filter_map(number).any(|n| n == 4_183_500));
    let cuc = row_with(&rows, "HD-003");
    assert!(cuc.iter().filter_map(number).any(|n| n == 3_120_000));
    // The totals and their check, and the seal of the 10th.
    let total = |label: &str| row_with(&rows, label).iter().find_map(number).unwrap();
    let (imported, paid, unpaid, stopped) = (
        total("Tổng số tiền theo danh sách"),
        total("Cộng đã chi"),
        total("Cộng chưa nhận"),
        total("Cộng dừng chi"),
    );
    assert_eq!(imported, 2_789_000 + 4_183_500 + 3_120_000);
    assert_eq!(paid + unpaid + stopped, imported);
    let check = row_with(
        &rows,
        "Đối chiếu: danh sách = đã chi + chưa nhận + dừng chi",
    );
    assert!(
        check
            .iter()
            .any(|c| matches!(c, Data::String(s) if s == "khớp"))
    );
    let seal: String = c
        .query_row(
            "SELECT seal FROM closed_days WHERE day = '2026-11-10'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        rows.iter()
            .flatten()
            .any(|c| matches!(c, Data::String(s) if s == &seal)),
        "seal {seal} not in the results"
    );

    // The JSON keeps its documented fields.
    let out = chitra(
        &office,
        &["report", "period", "2026-11", "--format", "json"],
    );
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["imported_dong"], imported);
    assert_eq!(j["paid_dong"], 2_789_000);
    assert_eq!(j["unpaid_dong"], 4_183_500);
    assert_eq!(j["stopped_dong"], 3_120_000);
    let people = j["people"].as_array().unwrap();
    let status: Vec<(&str, &str, i64)> = people
        .iter()
        .map(|p| {
            (
                p["id_number"].as_str().unwrap(),
                p["status"].as_str().unwrap(),
                p["amount_dong"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        status,
        [
            (AN, "paid", 2_789_000),
            (BINH, "unpaid", 4_183_500),
            (CUC, "stopped", 3_120_000)
        ]
    );
    assert_eq!(people[1]["code"], "HD-002");
    // A second close is refused; the xlsx report of the closed period is
    // the results again.
    let out = chitra(&office, &["period", "close", "2026-11"]);
    assert_eq!(out.status.code(), Some(2));
    let again = office.dir.path().join("again.xlsx");
    let out = chitra(
        &office,
        &[
            "report",
            "period",
            "2026-11",
            "--format",
            "xlsx",
            "--out",
            again.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read_sheet(&again), rows);
}
