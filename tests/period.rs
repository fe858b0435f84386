//! The month as a whole: each person's outcome, closing the period after
//! the payment window, and what a closed period refuses.

use crate::common;

use chitra::domain::Money;
use chitra::domain::payment::{PayMethod, PaymentRecord};
use chitra::domain::period_report::Settled;
use chitra::service::day::DayError;
use chitra::service::pay::{PayRequest, Receiver};
use chitra::service::period::{CloseOptions, PeriodError};
use chitra::service::{Error, Service, Session};
use common::*;

const AN: &str = "046048001234"; // 2.789.000
const BINH: &str = "046152004321"; // 4.183.500
const CUC: &str = "046060007777"; // 3.120.000

fn pay(svc: &mut Service, who: &Session, id: &str) -> PaymentRecord {
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
    svc.pay(who, &req).unwrap().payment
}

#[test]
fn a_period_closes_after_its_window_and_then_refuses_payments_and_lists() {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let an_payment = pay(&mut svc, &hoa, AN);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    // Cúc is suspended: her line is stopped, not unpaid. (Had she died,
    // the month of her death would be owed to her heir: not received —
    // tests/heir.rs.)
    let cuc = svc.search(CUC, 1).unwrap().hits[0].person.id;
    svc.set_person_status(
        &boss,
        cuc,
        chitra::domain::person::Status::Suspended,
        "Chờ xác minh hồ sơ",
    )
    .unwrap();

    let r = svc
        .period_report(&boss, "2026-11".parse().unwrap())
        .unwrap();
    let of = |id: &str| {
        r.people
            .iter()
            .find(|p| p.id_number.as_deref() == Some(id))
            .unwrap()
            .settled
    };
    assert_eq!(of(AN), Settled::Paid);
    assert_eq!(of(BINH), Settled::Unpaid);
    assert_eq!(of(CUC), Settled::Stopped);
    assert_eq!(
        r.imported,
        Money::from_dong(2_789_000 + 4_183_500 + 3_120_000)
    );
    assert_eq!(r.paid, Money::from_dong(2_789_000));
    assert_eq!(r.unpaid, Money::from_dong(4_183_500));
    assert_eq!(r.stopped, Money::from_dong(3_120_000));
    assert_eq!(r.paid + r.unpaid + r.stopped, r.imported);
    assert!(r.closed_at.is_none());

    // Inside the window (to the 25th): refused.
    let err = svc
        .close_period(
            &boss,
            SUPERVISOR.1,
            "2026-11".parse().unwrap(),
            &CloseOptions::default(),
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::Period(PeriodError::WindowOpen { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("chưa hết hạn chi trả"), "{err}");

    // After the window, with the day of the payment still open: refused.
    office.clock.set("2026-11-26T08:00:00+07:00");
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let err = svc
        .close_period(
            &boss,
            SUPERVISOR.1,
            "2026-11".parse().unwrap(),
            &CloseOptions::default(),
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::Period(PeriodError::DaysOpen { .. })),
        "{err:?}"
    );

    // The 10th is closed (late, on the 26th), then the period.
    office.clock.set("2026-11-10T17:00:00+07:00");
    let mut day_svc = office.service();
    office.close_today(&mut day_svc);
    office.clock.set("2026-11-26T08:00:00+07:00");
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let hoa = office.sign_in(&mut svc, CLERK1);
    // A clerk cannot close a period.
    assert!(matches!(
        svc.close_period(
            &hoa,
            CLERK1.1,
            "2026-11".parse().unwrap(),
            &CloseOptions::default()
        ),
        Err(Error::Forbidden { .. })
    ));
    svc.set_unpaid_reason(
        &boss,
        "2026-11".parse().unwrap(),
        BINH,
        chitra::domain::period_report::UnpaidReason::Away,
        None,
    )
    .unwrap();
    let closed = svc
        .close_period(
            &boss,
            SUPERVISOR.1,
            "2026-11".parse().unwrap(),
            &CloseOptions::default(),
        )
        .unwrap();
    assert!(closed.closed_at.is_some());
    assert_eq!(closed.unpaid, Money::from_dong(4_183_500));
    let err = svc
        .close_period(
            &boss,
            SUPERVISOR.1,
            "2026-11".parse().unwrap(),
            &CloseOptions::default(),
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::Period(PeriodError::AlreadyClosed { .. })),
        "{err:?}"
    );

    // An's payment cannot be voided any more: the results have gone out,
    // and her line would be owed again in a period that pays nothing.
    let refused = svc.check_voidable(&an_payment).unwrap_err();
    assert!(
        matches!(&refused, Error::Day(DayError::PeriodClosed { period, .. }) if period.to_string() == "2026-11"),
        "{refused:?}"
    );
    assert!(refused.to_string().contains("11/2026"), "{refused}");
    let approval = svc.approval(&hoa, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let refused = svc
        .void_payment(&hoa, &an_payment.receipt_no, "Chi nhầm", &approval)
        .unwrap_err();
    assert!(
        matches!(refused, Error::Day(DayError::PeriodClosed { .. })),
        "{refused:?}"
    );
    // The database refuses it as well, to anyone writing around chitra.
    let raw = rusqlite::Connection::open(&office.db).unwrap();
    let err = raw
        .execute(
            "INSERT INTO reversals (payment_id, day, reversed_at, requested_by, approved_by, reason)
             SELECT ?1, '2026-11-26', '2026-11-26T08:00:00+07:00', 2, 1, 'x'",
            [an_payment.id],
        )
        .unwrap_err();
    assert!(err.to_string().contains("period is closed"), "{err}");
    let r = svc
        .period_report(&boss, "2026-11".parse().unwrap())
        .unwrap();
    assert_eq!(r.paid, Money::from_dong(2_789_000));

    // Statuses changed after the close do not move anyone between the
    // results' lists: Bình (not received, with a reason) suspended, Cúc
    // (stopped, suspended) put back to active.
    office.clock.set("2026-11-27T09:00:00+07:00");
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let binh = svc.search(BINH, 1).unwrap().hits[0].person.id;
    svc.set_person_status(
        &boss,
        binh,
        chitra::domain::person::Status::Suspended,
        "Chờ xác minh",
    )
    .unwrap();
    svc.set_person_status(&boss, cuc, chitra::domain::person::Status::Active, "Nhầm")
        .unwrap();
    let after = svc
        .period_report(&boss, "2026-11".parse().unwrap())
        .unwrap();
    let settled = |r: &chitra::domain::period_report::PeriodReport, id: &str| {
        r.people
            .iter()
            .find(|p| p.id_number.as_deref() == Some(id))
            .unwrap()
            .settled
    };
    assert_eq!(settled(&after, BINH), Settled::Unpaid);
    assert_eq!(settled(&after, CUC), Settled::Stopped);
    assert_eq!(
        (after.paid, after.unpaid, after.stopped),
        (closed.paid, closed.unpaid, closed.stopped)
    );
    svc.set_person_status(
        &boss,
        binh,
        chitra::domain::person::Status::Active,
        "Đã xác minh",
    )
    .unwrap();

    // Bình's November line is no longer payable at the counter.
    let binh = svc.search(BINH, 1).unwrap().hits[0].person.id;
    assert!(svc.person_view(binh).unwrap().unpaid.is_empty());
    // Nor can a second November list come in.
    let path = office.write_file(
        "t11b.csv",
        csv("2026-11", &three())
            .replace("2.789.000", "2.789.001")
            .as_bytes(),
    );
    let opts = chitra::service::import::ImportOptions {
        kind: chitra::service::import::ListKind::Monthly,
        period: Some("2026-11".parse().unwrap()),
        dry_run: false,
    };
    assert!(svc.import(&boss, &path, &opts, &mut |_| {}).is_err());
    // The close is in the log and everything still checks.
    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{:?}", v.findings);
}

#[test]
fn people_unpaid_for_months_in_a_row_are_proposed_for_suspension() {
    let office = Office::with_window((1, 31));
    for p in ["2026-08", "2026-09", "2026-10", "2026-11"] {
        office.import(&format!("{p}.csv"), &csv(p, &three()), p);
    }
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    // An is paid every month (all at once); Bình and Cúc never come.
    pay(&mut svc, &hoa, AN);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let r = svc
        .period_report(&boss, "2026-11".parse().unwrap())
        .unwrap();
    let proposed: Vec<_> = r
        .proposed_for_suspension()
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(proposed, ["HD-002", "HD-003"]);
    let binh = r.people.iter().find(|p| p.code == "HD-002").unwrap();
    assert_eq!(binh.unpaid_months, 4);
    let an = r.people.iter().find(|p| p.code == "HD-001").unwrap();
    assert_eq!(an.unpaid_months, 0);
}
