//! Paying at the counter, through the service the screens and `chitra pay`
//! both use.

use crate::common;

use chitra::domain::PayMethod;
use chitra::domain::payment::ReceiverKind;
use chitra::service::Error;
use chitra::service::pay::{NewProxy, PayError, PayRequest, Receiver};
use chrono::NaiveDate;
use common::*;

fn office_with_two_months() -> Office {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    office
}

fn request(svc: &chitra::service::Service, person_id: i64, receiver_id: &str) -> PayRequest {
    PayRequest {
        person_id,
        receiver: Receiver::Person,
        receiver_id_number: receiver_id.to_string(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines: svc
            .person_view(person_id)
            .unwrap()
            .unpaid
            .iter()
            .map(|l| l.entitlement_id)
            .collect(),
        approval: None,
    }
}

fn person_id(svc: &chitra::service::Service, query: &str) -> i64 {
    let found = svc.search(query, 5).unwrap();
    assert_eq!(found.hits.len(), 1, "{query}");
    found.hits[0].person.id
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn one_payment_covers_every_unpaid_month() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let bình = person_id(&svc, "046152004321");
    let view = svc.person_view(bình).unwrap();
    assert_eq!(view.unpaid.len(), 4, "two months of trợ cấp and phụ cấp");
    assert_eq!(view.unpaid_total.dong(), 2 * (2_789_000 + 1_394_500));

    let mut paid = svc
        .pay(&clerk, &request(&svc, bình, "046152004321"))
        .unwrap();
    assert!(!paid.replayed);
    assert_eq!(paid.payment.receipt_no, "HD-2026-000001");
    assert_eq!(paid.payment.total.dong(), 8_367_000);
    assert_eq!(paid.payment.periods().len(), 2);
    assert_eq!(paid.payment.receiver_kind, ReceiverKind::Person);
    assert_eq!(paid.payment.clerk, "Lê Thị Hoa");
    let after = svc.person_view(bình).unwrap();
    assert!(after.unpaid.is_empty());
    assert_eq!(after.payments.len(), 1);

    // The receipt is made and written on another thread.
    paid.wait_for_print();
    assert_eq!(paid.receipt_problem, None);
    let file = paid.receipt_file.expect("a receipt file");
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("HD-2026-000001") && text.contains("8.367.000 đ"));
    assert!(
        text.contains("Tám triệu ba trăm sáu mươi bảy nghìn đồng"),
        "{text}"
    );
}

/// Next month's list imported early is not paid before its month begins:
/// a death reported in between would leave that cash to recover.
#[test]
fn next_months_list_imported_early_waits_for_its_month() {
    let office = office_with_two_months();
    office.import("t12.csv", &csv("2026-12", &three()), "2026-12");
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    let view = svc.person_view(an).unwrap();
    let periods: Vec<String> = view.unpaid.iter().map(|l| l.period.to_string()).collect();
    assert_eq!(periods, ["2026-10", "2026-11"], "on 10/11 December waits");
    // The file says it is there, and from when it is paid.
    let (period, amount) = view.ahead.expect("December is shown as coming");
    assert_eq!(period.to_string(), "2026-12");
    assert_eq!(amount.dong(), 2_789_000);
    let said = chitra::i18n::strings::owed_ahead(chitra::i18n::Lang::Vi, period, amount);
    assert!(said.contains("chi từ ngày 01/12/2026"), "{said}");
    // A payment asked without naming lines pays the same.
    let paid = pay_cash(&mut svc, &clerk, "046048001234").unwrap();
    assert_eq!(paid.payment.total.dong(), 2 * 2_789_000);
    let after = svc.person_view(an).unwrap();
    assert!(after.unpaid.is_empty(), "{:?}", after.unpaid);

    // On 02/12 December is owed.
    let svc = office
        .service()
        .with_clock(std::sync::Arc::new(chitra::service::FixedClock::at(
            "2026-12-02T09:00:00+07:00",
        )));
    let view = svc.person_view(an).unwrap();
    let periods: Vec<String> = view.unpaid.iter().map(|l| l.period.to_string()).collect();
    assert_eq!(periods, ["2026-12"]);
}

#[test]
fn a_receiver_id_that_does_not_match_is_refused_and_nothing_is_recorded() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "Nguyễn Văn An");
    let err = svc
        .pay(&clerk, &request(&svc, an, "046048009999"))
        .unwrap_err();
    assert!(
        matches!(err, Error::Pay(PayError::ReceiverIdMismatch)),
        "{err:?}"
    );
    assert_eq!(svc.person_view(an).unwrap().unpaid.len(), 2);
    assert!(svc.person_view(an).unwrap().payments.is_empty());
}

#[test]
fn paying_twice_is_refused_and_says_who_paid() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    let first = svc
        .pay(&clerk, &request(&svc, an, "046 048 001 234"))
        .unwrap();
    let mut other = office.service();
    let clerk2 = office.sign_in(&mut other, CLERK2);
    let err = other
        .pay(&clerk2, &request(&other, an, "046048001234"))
        .unwrap_err();
    match err {
        Error::Pay(PayError::NothingToPay { last: Some(by) }) => {
            assert_eq!(by.clerk, "Lê Thị Hoa");
            assert_eq!(by.receipt_no, first.payment.receipt_no);
        }
        other => panic!("expected NothingToPay, got {other:?}"),
    }
}

#[test]
fn a_second_clerk_with_the_same_screen_open_gets_already_paid() {
    let office = office_with_two_months();
    let mut a = office.service();
    let mut b = office.service();
    let clerk1 = office.sign_in(&mut a, CLERK1);
    let clerk2 = office.sign_in(&mut b, CLERK2);
    let an = person_id(&a, "046048001234");
    // Both confirmation screens are open with the same lines.
    let req_a = request(&a, an, "046048001234");
    let req_b = request(&b, an, "046048001234");
    a.pay(&clerk1, &req_a).unwrap();
    let err = b.pay(&clerk2, &req_b).unwrap_err();
    let msg = err.to_string();
    assert!(
        matches!(err, Error::Pay(PayError::AlreadyPaid(_))),
        "{err:?}"
    );
    assert!(
        msg.starts_with("Đã chi bởi Lê Thị Hoa lúc 10/11/2026 09:00, biên nhận HD-2026-000001"),
        "{msg}"
    );
}

#[test]
fn a_retry_with_the_same_key_records_once() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    let req = request(&svc, an, "046048001234");
    let first = svc.pay(&clerk, &req).unwrap();
    let again = svc.pay(&clerk, &req).unwrap();
    assert!(again.replayed);
    assert_eq!(again.payment.id, first.payment.id);
    let n: i64 = svc
        .store()
        .conn()
        .query_row("SELECT count(*) FROM payments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    // The same key from another clerk, or with another method, is not a
    // retry: refused, not answered "paid".
    let other = office.sign_in(&mut svc, CLERK2);
    assert!(matches!(
        svc.pay(&other, &req),
        Err(Error::Pay(PayError::KeyReused))
    ));
    let mut by_bank = req.clone();
    by_bank.method = PayMethod::Bank;
    by_bank.account = Some("0071000123456".into());
    by_bank.reference = Some("FT-9".into());
    assert!(matches!(
        svc.pay(&clerk, &by_bank),
        Err(Error::Pay(PayError::KeyReused))
    ));
}

#[test]
fn receipt_numbers_follow_each_other_without_gaps() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let mut numbers = Vec::new();
    for id in ["046048001234", "046152004321", "046060007777"] {
        let p = person_id(&svc, id);
        numbers.push(
            svc.pay(&clerk, &request(&svc, p, id))
                .unwrap()
                .payment
                .receipt_no,
        );
    }
    assert_eq!(
        numbers,
        ["HD-2026-000001", "HD-2026-000002", "HD-2026-000003"]
    );
}

fn proxy(from: &str, to: Option<&str>) -> NewProxy {
    NewProxy {
        guardian: false,
        full_name: "Nguyễn Văn Bảo".into(),
        id_number: "046085001111".into(),
        relationship: "con trai".into(),
        document_no: "12/UQ-UBND".into(),
        certified_by: "UBND xã Hải Dương".into(),
        valid_from: d(from),
        valid_to: to.map(d),
    }
}

#[test]
fn a_proxy_in_date_can_collect_and_an_expired_one_is_refused_with_its_end_date() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let approval = svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let an = person_id(&svc, "046048001234");
    let expired = svc
        .add_proxy(
            &clerk,
            an,
            &proxy("2025-10-01", Some("2026-09-30")),
            Some(&approval),
        )
        .unwrap();
    let mut req = request(&svc, an, "046085001111");
    req.receiver = Receiver::OnFile(expired.id);
    let err = svc.pay(&clerk, &req).unwrap_err();
    assert!(
        matches!(err, Error::Pay(PayError::ProxyExpired { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("30/09/2026"), "{err}");

    let mut new = proxy("2026-11-01", Some("2027-10-31"));
    new.id_number = "046085002222".into();
    let mut req = request(&svc, an, "046085002222");
    req.receiver = Receiver::New(new);
    // A clerk alone does not put a new proxy on file and pay them.
    let err = svc.pay(&clerk, &req).unwrap_err();
    assert!(
        matches!(err, Error::Pay(PayError::ProxyNeedsApproval)),
        "{err:?}"
    );
    assert!(err.to_string().contains("trưởng bưu cục"), "{err}");
    assert_eq!(svc.person_view(an).unwrap().proxies.len(), 1);
    assert!(matches!(
        svc.add_proxy(&clerk, an, &proxy("2026-11-01", Some("2027-10-31")), None),
        Err(Error::Pay(PayError::ProxyNeedsApproval))
    ));
    // With the supervisor's approval, on the spot.
    req.approval = Some(svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap());
    let paid = svc.pay(&clerk, &req).unwrap();
    assert_eq!(paid.payment.approved_by.as_deref(), Some("Trần Văn Minh"));
    assert_eq!(paid.payment.receiver_kind, ReceiverKind::Proxy);
    assert_eq!(paid.payment.receiver_id_number, "046085002222");
    // The new proxy is on file for next time.
    assert_eq!(svc.person_view(an).unwrap().proxies.len(), 2);
}

#[test]
fn an_authorisation_longer_than_a_year_is_refused() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let approval = svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let an = person_id(&svc, "046048001234");
    let err = svc
        .add_proxy(
            &clerk,
            an,
            &proxy("2026-11-01", Some("2027-11-02")),
            Some(&approval),
        )
        .unwrap_err();
    assert!(matches!(err, Error::Pay(PayError::ProxyRule(_))), "{err:?}");
    assert!(svc.person_view(an).unwrap().proxies.is_empty());
}

#[test]
fn outside_the_window_a_clerk_needs_a_supervisor_on_the_spot() {
    let office = office_with_two_months();
    office.clock.set("2026-11-27T10:00:00+07:00");
    office.open_drawers();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    let err = svc
        .pay(&clerk, &request(&svc, an, "046048001234"))
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Pay(PayError::OutsideWindow { first: 2, last: 25 })
        ),
        "{err:?}"
    );

    let approval = svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    assert!(
        svc.approval(&clerk, CLERK2.0, CLERK2.1).is_err(),
        "a clerk cannot approve"
    );
    let mut req = request(&svc, an, "046048001234");
    req.approval = Some(approval);
    let paid = svc.pay(&clerk, &req).unwrap();
    assert_eq!(paid.payment.approved_by.as_deref(), Some("Trần Văn Minh"));
}

#[test]
fn a_transfer_needs_the_account_and_the_reference() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    let mut req = request(&svc, an, "046048001234");
    req.method = PayMethod::Bank;
    let err = svc.pay(&clerk, &req).unwrap_err();
    assert!(
        matches!(err, Error::Pay(PayError::AccountMissing)),
        "{err:?}"
    );
    req.account = Some("1234567890".into());
    let err = svc.pay(&clerk, &req).unwrap_err();
    assert!(
        matches!(err, Error::Pay(PayError::ReferenceMissing)),
        "{err:?}"
    );
    req.reference = Some("FT2631400001".into());
    // An account not on file: one clerk alone cannot send the money there.
    let err = svc.pay(&clerk, &req).unwrap_err();
    assert!(
        matches!(&err, Error::Pay(PayError::AccountNotOnFile { typed, on_file: None }) if typed == "1234567890"),
        "{err:?}"
    );
    common::account_on_file(&mut svc, an, "1234567890");
    // Not an account number at all, or the number on file with letters
    // stuck to it: refused, nothing recorded.
    for typed in ["abc", "1234567890x"] {
        let mut odd = req.clone();
        odd.account = Some(typed.into());
        let err = svc.pay(&clerk, &odd).unwrap_err();
        assert!(
            matches!(err, Error::Pay(PayError::Account(_))),
            "{typed}: {err:?}"
        );
    }
    let paid = svc.pay(&clerk, &req).unwrap();
    assert_eq!(paid.payment.account.as_deref(), Some("1234567890"));
}

#[test]
fn lines_that_changed_since_the_confirmation_are_not_paid() {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    let req = request(&svc, an, "046048001234");
    // A new month arrives while the confirmation is on screen.
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let err = svc.pay(&clerk, &req).unwrap_err();
    assert!(matches!(err, Error::Pay(PayError::LinesChanged)), "{err:?}");
}

#[test]
fn the_database_itself_refuses_a_second_payment_of_a_line() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    let paid = svc.pay(&clerk, &request(&svc, an, "046048001234")).unwrap();
    let line = paid.payment.lines[0].entitlement_id;
    let conn = svc.store().conn();
    let e = conn
        .execute(
            "INSERT INTO payment_lines (payment_id, entitlement_id, amount, attempt) VALUES (?1, ?2, 2789000, 1)",
            [paid.payment.id, line],
        )
        .unwrap_err();
    assert!(e.to_string().contains("already paid"), "{e}");
    let e = conn.execute("DELETE FROM payments", []).unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    let e = conn
        .execute("UPDATE payments SET total = 1", [])
        .unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
}

#[test]
fn a_person_whose_row_was_changed_with_sqlite3_cannot_be_paid() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    let mut req = request(&svc, an, "046048001234");
    req.receiver_id_number = "001099000001".into();
    // Someone with the file gives An's payment to another ID number.
    svc.store()
        .conn()
        .execute(
            "UPDATE people SET id_number = '001099000001' WHERE id = ?1",
            [an],
        )
        .unwrap();
    let err = svc.pay(&clerk, &req).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Store(chitra::store::StoreError::Tampered { .. })
        ),
        "{err:?}"
    );
    let text = err.to_string();
    assert!(
        text.contains("bị sửa") && text.contains("chitra verify"),
        "{text}"
    );
    assert!(!svc.verify(&[]).unwrap().ok());
}

/// The newest payment deleted with sqlite3 (its guards dropped and put
/// back) would leave its lines unpaid and its receipt number free: the
/// next payment finds the log already speaking of its id, and refuses.
#[test]
fn a_payment_deleted_behind_chitras_back_is_not_paid_again() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    let paid = svc.pay(&clerk, &request(&svc, an, "046048001234")).unwrap();
    let conn = svc.store().conn();
    let guard = |name: &str| -> String {
        conn.query_row(
            "SELECT sql FROM sqlite_master WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .unwrap()
    };
    let (g1, g2) = (
        guard("payments_no_delete"),
        guard("payment_lines_no_delete"),
    );
    conn.execute_batch(&format!(
        "DROP TRIGGER payments_no_delete; DROP TRIGGER payment_lines_no_delete;
         DELETE FROM payment_lines WHERE payment_id = {id}; DELETE FROM payments WHERE id = {id};
         {g1}; {g2};",
        id = paid.payment.id
    ))
    .unwrap();
    assert_eq!(
        svc.person_view(an).unwrap().unpaid.len(),
        2,
        "the lines look unpaid"
    );
    let err = svc
        .pay(&clerk, &request(&svc, an, "046048001234"))
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Store(chitra::store::StoreError::Tampered {
                table: "payments",
                ..
            })
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("bị sửa"), "{err}");
    assert!(!svc.verify(&[]).unwrap().ok());
}

#[test]
fn a_death_reported_at_the_counter_stops_payment_at_once() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    // Only a supervisor, and only with a reason.
    assert!(matches!(
        svc.set_person_status(
            &clerk,
            an,
            chitra::domain::person::Status::Deceased,
            "Gia đình báo tử"
        ),
        Err(Error::Forbidden { .. })
    ));
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    assert!(
        svc.set_person_status(&boss, an, chitra::domain::person::Status::Deceased, "  ")
            .is_err()
    );
    svc.set_person_status(
        &boss,
        an,
        chitra::domain::person::Status::Deceased,
        "Gia đình báo tử ngày 08/11/2026",
    )
    .unwrap();
    let err = svc
        .pay(&clerk, &request(&svc, an, "046048001234"))
        .unwrap_err();
    assert!(
        matches!(err, Error::Pay(PayError::NotPayable { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("Gia đình báo tử"), "{err}");
    let audited: i64 = svc
        .store()
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'person.status' AND entity_id = ?1",
            [an],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);
}
