//! The heir of a deceased person: recorded by a supervisor with the death
//! certificate and the family's paper, paid at the counter what the payer's
//! list still owed the deceased — the months up to the death and the
//! funeral allowance, never a month after it — audited, counted as paid in
//! the month's results, and refused by the database when forged.

use crate::common;

use chitra::domain::payment::ReceiverKind;
use chitra::domain::period_report::OverpaidCause;
use chitra::domain::person::Status;
use chitra::domain::{EntitlementKind, Money, PayMethod, Period};
use chitra::service::Error;
use chitra::service::heirs::{HeirError, NewHeir};
use chitra::service::import::{ImportOptions, ListKind};
use chitra::service::pay::{PayError, PayRequest, Receiver};
use chitra::service::verify::Finding;
use chitra::store::replay::RowProblem;
use chitra::store::rows::Table;
use chitra::store::{HeirRule, Rule};
use chrono::NaiveDate;
use common::*;

const BINH_ID: &str = "046152004321";
const HEIR_ID: &str = "046180009999";
const MAI_TANG: i64 = 23_400_000;

/// A month's list with a funeral allowance column: `funeral` on Bình's row.
fn list_with_funeral(period: &str, funeral: i64) -> String {
    let (y, m) = period.split_once('-').unwrap();
    let mut out = format!(
        "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {m} NĂM {y}\n\n\
         STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Thôn;Loại đối tượng;Trợ cấp;Phụ cấp;Mai táng phí;Tổng cộng\n"
    );
    for (i, r) in three().iter().enumerate() {
        let f = if r.id == BINH_ID { funeral } else { 0 };
        out.push_str(&format!(
            "{};{};{};{};{};{};Thương binh;{};{};{};{}\n",
            i + 1,
            r.code,
            r.name,
            r.year,
            r.id,
            r.hamlet,
            dots(r.tro_cap),
            dots(r.phu_cap),
            dots(f),
            dots(r.tro_cap + r.phu_cap + f)
        ));
    }
    out
}

fn import(office: &Office, name: &str, text: &str, kind: ListKind) {
    let path = office.write_file(name, text.as_bytes());
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = ImportOptions {
        kind,
        period: None,
        dry_run: false,
    };
    svc.import(&boss, &path, &opts, &mut |_| {}).unwrap();
}

/// October, November (with Bình's funeral allowance) and December lists;
/// Bình died on 02/11/2026 and the supervisor recorded it.
fn office_after_a_death() -> (Office, i64) {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    import(
        &office,
        "t11.csv",
        &list_with_funeral("2026-11", MAI_TANG),
        ListKind::Monthly,
    );
    office.import("t12.csv", &csv("2026-12", &three()), "2026-12");
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let binh = person_id(&svc, BINH_ID);
    svc.set_person_status(&boss, binh, Status::Deceased, "Từ trần ngày 02/11/2026")
        .unwrap();
    (office, binh)
}

fn person_id(svc: &chitra::service::Service, query: &str) -> i64 {
    let found = svc.search(query, 5).unwrap();
    assert_eq!(found.hits.len(), 1, "{query}");
    found.hits[0].person.id
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%d/%m/%Y").unwrap()
}

fn papers() -> NewHeir {
    NewHeir {
        full_name: "Trần Văn Dũng".into(),
        id_number: HEIR_ID.into(),
        relationship: "Con trai".into(),
        address: "Thôn Đông, xã Hòa Đông".into(),
        phone: "0912345678".into(),
        died_on: Some(d("02/11/2026")),
        death_cert_no: "125/TLKT".into(),
        death_cert_on: Some(d("04/11/2026")),
        death_cert_by: "UBND xã Hòa Đông".into(),
        family_paper: "Văn bản thỏa thuận cử người đại diện".into(),
        family_paper_no: "07/VB".into(),
        family_paper_on: Some(d("06/11/2026")),
        reason: String::new(),
    }
}

fn heir_request(svc: &chitra::service::Service, person: i64, id: &str) -> PayRequest {
    PayRequest {
        person_id: person,
        receiver: Receiver::Heir,
        receiver_id_number: id.to_string(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines: svc
            .heir_view(person)
            .unwrap()
            .owed
            .iter()
            .map(|l| l.entitlement_id)
            .collect(),
        approval: None,
    }
}

#[test]
fn a_death_with_the_funeral_allowance_paid_to_the_heir() {
    let (office, binh) = office_after_a_death();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);

    // The deceased is not paid as herself.
    let mut as_self = heir_request(&svc, binh, BINH_ID);
    as_self.receiver = Receiver::Person;
    as_self.lines.clear();
    assert!(matches!(
        svc.pay(&clerk, &as_self),
        Err(Error::Pay(PayError::NotPayable {
            status: Status::Deceased,
            ..
        }))
    ));
    // Without an heir on file the counter is told what to do.
    assert!(matches!(
        svc.pay(&clerk, &heir_request(&svc, binh, HEIR_ID)),
        Err(Error::Heir(HeirError::NoHeir))
    ));

    // A clerk alone cannot record the heir; with a supervisor's approval
    // on the spot they can.
    assert!(matches!(
        svc.add_heir(&clerk, binh, &papers(), None),
        Err(Error::Heir(HeirError::NeedsSupervisor))
    ));
    let approval = svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let heir = svc
        .add_heir(&clerk, binh, &papers(), Some(&approval))
        .unwrap();
    assert_eq!(heir.approved_by, "Trần Văn Minh");
    assert_eq!(heir.recorded_by, "Lê Thị Hoa");

    // Owed: October and November in full, and the funeral allowance; not
    // December, a month after the death.
    let view = svc.heir_view(binh).unwrap();
    let nov = Period::new(2026, 11).unwrap();
    assert!(view.owed.iter().all(|l| l.period <= nov));
    assert_eq!(view.owed.len(), 5, "{:?}", view.owed);
    assert!(view.owed.iter().any(|l| l.kind == EntitlementKind::MaiTang));
    let months = 2_789_000 + 1_394_500;
    assert_eq!(view.owed_total.dong(), 2 * months + MAI_TANG);
    let person = svc.person_view(binh).unwrap();
    assert_eq!(person.heir.as_ref().unwrap().owed_total, view.owed_total);

    // The heir's ID is checked at the counter like a proxy's.
    assert!(matches!(
        svc.pay(&clerk, &heir_request(&svc, binh, "046060007777")),
        Err(Error::Pay(PayError::ReceiverIdMismatch))
    ));
    let mut paid = svc.pay(&clerk, &heir_request(&svc, binh, HEIR_ID)).unwrap();
    paid.wait_for_print();
    assert_eq!(paid.payment.receiver_kind, ReceiverKind::Heir);
    assert_eq!(paid.payment.receiver_name, "Trần Văn Dũng");
    assert_eq!(paid.payment.total.dong(), 2 * months + MAI_TANG);
    let receipt = std::fs::read_to_string(paid.receipt_file.unwrap()).unwrap();
    assert!(
        receipt.contains("Trần Văn Dũng (người thừa kế, Con trai)"),
        "{receipt}"
    );
    assert!(
        receipt.contains("Giấy chứng tử") && receipt.contains("125/TLKT"),
        "{receipt}"
    );
    assert!(receipt.contains("Mai táng phí"), "{receipt}");

    // Nothing more is owed; December (not due on 10/11 in any case, and
    // after the death) is neither shown nor paid.
    let after = svc.heir_view(binh).unwrap();
    assert!(after.owed.is_empty());
    let december: Vec<i64> = svc
        .person_view(binh)
        .unwrap()
        .unpaid
        .iter()
        .filter(|l| l.period == Period::new(2026, 12).unwrap())
        .map(|l| l.entitlement_id)
        .collect();
    assert!(december.is_empty(), "{december:?}");
    let mut more = heir_request(&svc, binh, HEIR_ID);
    more.lines = december;
    assert!(svc.pay(&clerk, &more).is_err());

    // The month's results count Bình's November as paid, with the receipt.
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let report = svc.period_report(&boss, nov).unwrap();
    let row = report.people.iter().find(|p| p.person_id == binh).unwrap();
    assert_eq!(row.paid, row.imported);
    let parts: Vec<(&str, &str)> = row
        .payments
        .iter()
        .map(|x| (x.receipt_no.as_str(), x.method.as_str()))
        .collect();
    assert_eq!(parts, [(paid.payment.receipt_no.as_str(), "cash")]);
    assert!(report.overpaid.is_empty());

    // Everything written is in the log.
    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{:?}", v.findings);
}

#[test]
fn one_heir_at_a_time_replaced_by_a_supervisor_with_a_reason() {
    let (office, binh) = office_after_a_death();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let first = svc.add_heir(&boss, binh, &papers(), None).unwrap();
    assert!(matches!(
        svc.add_heir(&boss, binh, &papers(), None),
        Err(Error::Heir(HeirError::AlreadyOnFile { .. }))
    ));
    let mut other = papers();
    other.full_name = "Trần Thị Em".into();
    other.id_number = "046185001111".into();
    other.relationship = "Con gái".into();
    other.reason = "Gia đình cử lại người nhận".into();
    let second = svc.add_heir(&boss, binh, &other, None).unwrap();
    assert_eq!(second.replaces, Some(first.id));
    let view = svc.heir_view(binh).unwrap();
    assert_eq!(view.heir.unwrap().full_name, "Trần Thị Em");
    assert_eq!(view.replaced.len(), 1);

    // The replaced heir is paid nothing.
    let clerk = office.sign_in(&mut svc, CLERK1);
    assert!(matches!(
        svc.pay(&clerk, &heir_request(&svc, binh, HEIR_ID)),
        Err(Error::Pay(PayError::ReceiverIdMismatch))
    ));
    svc.pay(&clerk, &heir_request(&svc, binh, "046185001111"))
        .unwrap();
}

#[test]
fn an_heir_only_for_a_deceased_person_and_with_papers_that_hold() {
    let (office, binh) = office_after_a_death();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let an = person_id(&svc, "046048001234");
    assert!(matches!(
        svc.add_heir(&boss, an, &papers(), None),
        Err(Error::Heir(HeirError::NotDeceased {
            status: Status::Active
        }))
    ));
    let mut early = papers();
    early.death_cert_on = Some(d("01/11/2026"));
    assert!(matches!(
        svc.add_heir(&boss, binh, &early, None),
        Err(Error::Heir(HeirError::Dates(_)))
    ));
    let mut no_cert = papers();
    no_cert.death_cert_no = "  ".into();
    assert!(matches!(
        svc.add_heir(&boss, binh, &no_cert, None),
        Err(Error::Heir(HeirError::FieldMissing(_)))
    ));
    let mut bad_id = papers();
    bad_id.id_number = "12345".into();
    assert!(matches!(
        svc.add_heir(&boss, binh, &bad_id, None),
        Err(Error::Heir(HeirError::BadId(_)))
    ));
    // The deceased's own card number: whoever holds her card would collect.
    let mut own = papers();
    own.id_number = BINH_ID.into();
    assert!(matches!(
        svc.add_heir(&boss, binh, &own, None),
        Err(Error::Heir(HeirError::DeceasedOwnId))
    ));
    assert!(svc.heir_view(binh).unwrap().heir.is_none());
}

#[test]
fn a_decrease_stops_the_months_but_not_the_funeral_allowance() {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    import(
        &office,
        "t11.csv",
        &list_with_funeral("2026-11", MAI_TANG),
        ListKind::Monthly,
    );
    // The payer stops Bình from November (the month of death).
    let decrease = "DANH SÁCH GIẢM ĐỐI TƯỢNG HƯỞNG TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG\nTHÁNG 11 NĂM 2026\n\n\
        STT;Mã đối tượng;Họ và tên;Số CCCD/CMND;Mức trợ cấp;Lý do giảm;Thôi hưởng từ tháng;Ghi chú\n\
        1;HD-002;Trần Thị Bình;046152004321;2.789.000;Từ trần ngày 02/11/2026;11/2026;\n";
    import(&office, "giam.csv", decrease, ListKind::Decrease);
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let binh = person_id(&svc, BINH_ID);
    svc.set_person_status(&boss, binh, Status::Deceased, "Từ trần")
        .unwrap();
    svc.add_heir(&boss, binh, &papers(), None).unwrap();
    let view = svc.heir_view(binh).unwrap();
    let kinds: Vec<(String, EntitlementKind)> = view
        .owed
        .iter()
        .map(|l| (l.period.to_string(), l.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("2026-10".to_string(), EntitlementKind::TroCap),
            ("2026-10".to_string(), EntitlementKind::PhuCap),
            ("2026-11".to_string(), EntitlementKind::MaiTang),
        ]
    );
    let clerk = office.sign_in(&mut svc, CLERK1);
    let paid = svc.pay(&clerk, &heir_request(&svc, binh, HEIR_ID)).unwrap();
    assert_eq!(paid.payment.total.dong(), 2_789_000 + 1_394_500 + MAI_TANG);
    // The funeral allowance paid to the heir is not money to recover.
    let report = svc
        .period_report(&boss, Period::new(2026, 11).unwrap())
        .unwrap();
    assert!(report.overpaid.is_empty(), "{:?}", report.overpaid);
}

/// A copy of the database and a connection to it, as someone with
/// `sqlite3` and the file would have.
fn forger(office: &Office) -> (tempfile::TempDir, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    office.service().backup_to(&copy).unwrap();
    let conn = rusqlite::Connection::open(&copy).unwrap();
    (dir, conn)
}

fn refused(conn: &rusqlite::Connection, sql: &str) -> Rule {
    let e = conn.execute_batch(sql).expect_err(sql);
    Rule::from_message(&e.to_string())
}

#[test]
fn the_database_refuses_a_forged_heir_payment() {
    let (office, binh) = office_after_a_death();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let (_dir, conn) = forger(&office);
    let clerk: i64 = conn
        .query_row("SELECT id FROM users WHERE name = 'gdv1'", [], |r| r.get(0))
        .unwrap();
    let payment = |id: i64, kind: &str, name: &str, number: &str| {
        format!(
            "INSERT INTO payments (id, idem_key, office_code, receipt_year, receipt_seq, receipt_no,
                person_id, day, paid_at, clerk_id, receiver_kind, receiver_name, receiver_id_number,
                method, account, reference, total)
             VALUES ({id}, 'forged-{id}', 'X', 2026, {id}, 'F-{id}', {binh}, '2026-11-10',
                '2026-11-10T09:30:00+07:00', {clerk}, '{kind}', '{name}', '{number}', 'bank',
                '0123456789', 'REF-{id}', 1000)"
        )
    };
    // No heir on file: no payment to an "heir", none to the deceased.
    assert_eq!(
        refused(&conn, &payment(900, "heir", "Ai Đó", HEIR_ID)),
        Rule::Heir(HeirRule::NotOnFile)
    );
    assert_eq!(
        refused(&conn, &payment(901, "self", "Trần Thị Bình", BINH_ID)),
        Rule::PersonNotPayable
    );
    // An heir written without a supervisor, or a second one, is refused.
    let heir = |id: i64, replaces: &str, approver: i64| {
        format!(
            "INSERT INTO heirs (id, person_id, replaces, reason, full_name, id_number, relationship,
                address, died_on, death_cert_no, death_cert_on, death_cert_by, family_paper,
                family_paper_on, recorded_by, approved_by, recorded_at)
             VALUES ({id}, {binh}, {replaces}, NULL, 'Trần Văn Dũng', '{HEIR_ID}', 'Con', 'Thôn Đông',
                '2026-11-02', '1/TLKT', '2026-11-04', 'UBND xã', 'Văn bản', '2026-11-06',
                {clerk}, {approver}, '2026-11-10T09:00:00+07:00')"
        )
    };
    assert_eq!(
        refused(&conn, &heir(1, "NULL", clerk)),
        Rule::Heir(HeirRule::NeedsSupervisor)
    );
    svc.add_heir(&boss, binh, &papers(), None).unwrap();
    let (_dir, conn) = forger(&office);
    assert_eq!(
        refused(&conn, &heir(50, "NULL", boss.user.id)),
        Rule::Heir(HeirRule::OneAtATime)
    );
    // With the heir on file, a payment line of December (after the death)
    // is refused, even on a payment the heir's name and ID would pass.
    let december: i64 = conn
        .query_row(
            "SELECT id FROM entitlements WHERE person_id = ?1 AND period = '2026-12' LIMIT 1",
            [binh],
            |r| r.get(0),
        )
        .unwrap();
    let amount: i64 = conn
        .query_row(
            "SELECT amount FROM entitlements WHERE id = ?1",
            [december],
            |r| r.get(0),
        )
        .unwrap();
    let sql = format!(
        "{}; INSERT INTO payment_lines (payment_id, entitlement_id, amount, attempt)
         VALUES (902, {december}, {amount}, 0);",
        payment(902, "heir", "Trần Văn Dũng", HEIR_ID)
    );
    assert_eq!(refused(&conn, &sql), Rule::Heir(HeirRule::NotOwed));
    // An heir row is never changed.
    assert_eq!(
        refused(&conn, "UPDATE heirs SET id_number = '046000000001'"),
        Rule::AppendOnly("heirs".into())
    );
    // The widened CHECK still holds every other value (for An, alive).
    let an = person_id(&svc, "046048001234");
    let e = conn
        .execute_batch(
            &payment(903, "neighbour", "X", HEIR_ID)
                .replace(&format!("'F-903', {binh},"), &format!("'F-903', {an},")),
        )
        .unwrap_err();
    assert!(e.to_string().contains("CHECK"), "{e}");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn verify_names_an_heir_row_edited_behind_chitras_back() {
    let (office, binh) = office_after_a_death();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    svc.add_heir(&boss, binh, &papers(), None).unwrap();
    {
        let conn = svc.store().conn();
        conn.execute_batch(
            "DROP TRIGGER heirs_no_update;
             UPDATE heirs SET id_number = '046000000001';",
        )
        .unwrap();
    }
    let v = office.service().verify(&[]).unwrap();
    assert!(
        v.findings.iter().any(|f| matches!(
            f,
            Finding::Row(RowProblem::Edited {
                table: Table::Heirs,
                ..
            })
        )),
        "{:?}",
        v.findings
    );
    // With the trigger gone, chitra writes nothing at all, not even a
    // sign-in, and says which rule is missing.
    let mut svc = office.service();
    let err = svc.sign_in(CLERK1.0, CLERK1.1).unwrap_err();
    assert!(err.to_string().contains("heirs_no_update"), "{err}");
    // Put back as it was, the edited heir is still paid nothing: the row's
    // seal no longer holds.
    svc.store()
        .conn()
        .execute_batch(
            "CREATE TRIGGER heirs_no_update BEFORE UPDATE ON heirs BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: heirs');
END;",
        )
        .unwrap();
    let clerk = office.sign_in(&mut svc, CLERK1);
    assert!(
        svc.pay(&clerk, &heir_request_unchecked(binh, "046000000001"))
            .is_err()
    );
}

fn heir_request_unchecked(person: i64, id: &str) -> PayRequest {
    PayRequest {
        person_id: person,
        receiver: Receiver::Heir,
        receiver_id_number: id.to_string(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: "forged-key-0001".into(),
        lines: Vec::new(),
        approval: None,
    }
}

#[test]
fn the_heir_recorded_and_paid_from_the_command_line() {
    // The binary runs on the real clock: lists of this month and the one
    // before, the death on the first of this month.
    let office = Office::with_window((1, 31));
    let today = office_today(&office);
    let this = Period::of(today);
    let last = this.prev();
    office.import(
        "a.csv",
        &csv(&last.to_string(), &three()),
        &last.to_string(),
    );
    import(
        &office,
        "b.csv",
        &list_with_funeral(&this.to_string(), MAI_TANG),
        ListKind::Monthly,
    );
    let mut svc = office.service().with_clock(std::sync::Arc::new(
        chitra::service::SystemClock::for_office(&office.config),
    ));
    office.open_drawers_with(&mut svc);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let binh = person_id(&svc, BINH_ID);
    svc.set_person_status(&boss, binh, Status::Deceased, "Từ trần")
        .unwrap();
    let first = this.first_day().format("%d/%m/%Y").to_string();
    let add = [
        "heir",
        "add",
        "HD-002",
        "--name",
        "Trần Văn Dũng",
        "--id-number",
        HEIR_ID,
        "--relation",
        "Con trai",
        "--address",
        "Thôn Đông",
        "--died",
        &first,
        "--cert-no",
        "125/TLKT",
        "--cert-date",
        &first,
        "--cert-by",
        "UBND xã Hòa Đông",
        "--paper",
        "Văn bản thỏa thuận",
        "--paper-date",
        &first,
        "--json",
    ];
    // A clerk alone is refused (exit 2), with the reason in Vietnamese.
    let out = chitra(&office, CLERK1, &add);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("trưởng bưu cục"));
    let out = chitra(&office, SUPERVISOR, &add);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["heir"]["full_name"], "Trần Văn Dũng");
    let months = 2_789_000 + 1_394_500;
    assert_eq!(shown["owed_dong"], 2 * months + MAI_TANG);

    // Without --heir the deceased is not paid, and the refusal says how.
    let out = chitra(
        &office,
        CLERK1,
        &[
            "pay",
            "HD-002",
            "--receiver-id",
            BINH_ID,
            "--method",
            "cash",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--heir"));
    let out = chitra(
        &office,
        CLERK1,
        &[
            "pay",
            "HD-002",
            "--heir",
            "--receiver-id",
            HEIR_ID,
            "--method",
            "cash",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let paid: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(paid["receiver_kind"], "heir");
    assert_eq!(paid["amount_dong"], 2 * months + MAI_TANG);

    let out = chitra(&office, CLERK1, &["heir", "show", "HD-002"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Trần Văn Dũng") && text.contains("125/TLKT"),
        "{text}"
    );
    assert!(text.contains("Còn nợ người đã mất: 0 đ"), "{text}");
}

#[test]
fn a_payment_made_after_the_day_of_death_is_listed_to_recover() {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let binh = person_id(&svc, BINH_ID);
    // Bình is paid at the counter on the 10th, in his own name …
    let lines = svc
        .person_view(binh)
        .unwrap()
        .unpaid
        .iter()
        .map(|l| l.entitlement_id)
        .collect();
    let paid = svc
        .pay(
            &clerk,
            &PayRequest {
                person_id: binh,
                receiver: Receiver::Person,
                receiver_id_number: BINH_ID.into(),
                method: PayMethod::Cash,
                account: None,
                reference: None,
                idem_key: svc.new_idem_key(),
                lines,
                approval: None,
            },
        )
        .unwrap();
    // … and his death on the 2nd is learnt afterwards.
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    svc.set_person_status(&boss, binh, Status::Deceased, "Từ trần ngày 02/11/2026")
        .unwrap();
    svc.add_heir(&boss, binh, &papers(), None).unwrap();

    let nov = Period::new(2026, 11).unwrap();
    let report = svc.period_report(&boss, nov).unwrap();
    assert_eq!(report.overpaid.len(), 1, "{:?}", report.overpaid);
    let o = &report.overpaid[0];
    assert_eq!(o.receipt_no, paid.payment.receipt_no);
    assert_eq!(o.amount, paid.payment.total);
    assert_eq!(
        o.cause,
        OverpaidCause::PaidAfterDeath {
            died_on: "2026-11-02".into(),
            paid_on: paid.payment.day.clone(),
        }
    );
    let line = chitra::i18n::changes::overpaid_line(chitra::i18n::Lang::Vi, o);
    assert!(line.contains("sau ngày mất 02/11/2026"), "{line}");
}

/// What the heir is still owed is "not received", carried to the next
/// list, never "stopped": a period closed before the heir came would
/// otherwise tell the payer the funeral allowance was not due.
#[test]
fn what_the_heir_is_owed_is_not_received_until_paid() {
    let (office, binh) = office_after_a_death();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    svc.add_heir(&boss, binh, &papers(), None).unwrap();
    let nov = Period::new(2026, 11).unwrap();
    let owed = svc.heir_view(binh).unwrap().owed_total;
    let r = svc.period_report(&boss, nov).unwrap();
    let row = r.people.iter().find(|p| p.person_id == binh).unwrap();
    // November (the month of the death, and the funeral allowance) is
    // owed to the heir in full.
    let nov_owed = row.imported;
    assert_eq!(row.left_for_heir(), nov_owed);
    assert_eq!(row.left_stopped(), Money::ZERO);
    assert!(r.balanced());
    let doc = chitra::document::period::build(
        chitra::i18n::Lang::Vi,
        &office.config.office,
        &r,
        "2026-11-26",
    );
    let not_received = doc.table("chua_nhan").unwrap();
    let reason =
        chitra::document::Cell::text(chitra::i18n::month::heir_not_paid(chitra::i18n::Lang::Vi));
    assert!(
        not_received
            .rows
            .iter()
            .any(|row| row.cells.contains(&reason)),
        "{:?}",
        not_received.rows
    );
    // December, after the death: stopped, nothing owed.
    let dec = svc
        .period_report(&boss, Period::new(2026, 12).unwrap())
        .unwrap();
    let row = dec.people.iter().find(|p| p.person_id == binh).unwrap();
    assert_eq!(row.left_for_heir(), Money::ZERO);
    assert_eq!(row.left_stopped(), row.imported);
    assert!(owed >= nov_owed);
    // Once the heir is paid, nothing is left of November.
    let clerk = office.sign_in(&mut svc, CLERK1);
    svc.pay(&clerk, &heir_request(&svc, binh, HEIR_ID)).unwrap();
    let r = svc.period_report(&boss, nov).unwrap();
    let row = r.people.iter().find(|p| p.person_id == binh).unwrap();
    assert_eq!(row.left(), Money::ZERO);
}
