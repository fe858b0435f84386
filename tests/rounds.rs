//! Home rounds, through the service and the command line: a round made
//! for one hamlet, its cash issued into the postman's drawer, the lock it
//! puts on the counter (service and database), each stop's outcome (a
//! paid stop is a home payment with a receipt, against the receiver's ID),
//! the cash returned, the reconciliation with and without a difference,
//! who may do what, the period's results and `verify` over the new rows.

use crate::common;

use chitra::domain::Money;
use chitra::domain::payment::PayMethod;
use chitra::domain::period_report::UnpaidReason;
use chitra::domain::round::{RoundState, StopResult};
use chitra::service::pay::{PayError, PayRequest, Receiver};
use chitra::service::register::RegisterRequest;
use chitra::service::rounds::{RoundError, RoundView};
use chitra::service::verify::Finding;
use chitra::service::{Error, Service, Session};
use chitra::store::replay::RowProblem;
use chitra::store::rows::Table;
use chitra::store::{Rule, StoreError};
use common::*;

const AN: &str = "046048001234"; // Thôn Đông, 2.789.000 (one line)
const BINH: &str = "046152004321"; // Thôn Đông, 2.789.000 + 1.394.500 (two lines)
const CUC: &str = "046060007777"; // Thôn Tây, 3.120.000
const POSTMAN: (&str, &str) = CLERK2;

fn nov() -> chitra::domain::Period {
    "2026-11".parse().unwrap()
}

fn m(dong: i64) -> Money {
    Money::from_dong(dong)
}

fn person_id(svc: &Service, id: &str) -> i64 {
    svc.search(id, 1).unwrap().hits[0].person.id
}

fn pay_cash(svc: &mut Service, who: &Session, id: &str) -> Result<(), Error> {
    let req = PayRequest {
        person_id: person_id(svc, id),
        receiver: Receiver::Person,
        receiver_id_number: id.into(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines: Vec::new(),
        approval: None,
    };
    svc.pay(who, &req).map(|_| ())
}

/// November's list; An, Bình and Cúc registered to be paid at home.
fn office_at_home() -> Office {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    for (id, reason) in [(AN, "ill"), (BINH, "old"), (CUC, "no_proxy")] {
        let req = RegisterRequest {
            method: Some(PayMethod::Home),
            home_reason: Some(reason.into()),
            ..RegisterRequest::default()
        };
        let person = person_id(&svc, id);
        svc.register(&hoa, person, &req).unwrap();
    }
    office
}

/// Thôn Đông's round, carried by the second clerk, its cash issued.
fn issued_round(office: &Office, svc: &mut Service) -> RoundView {
    let boss = office.sign_in(svc, SUPERVISOR);
    let v = svc
        .create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    svc.issue_round(&boss, v.number, POSTMAN.1).unwrap()
}

fn person_user(svc: &Service, name: &str) -> i64 {
    svc.postmen()
        .unwrap()
        .into_iter()
        .find(|u| u.name == name)
        .unwrap()
        .id
}

fn stop_of(v: &RoundView, id: &str) -> i64 {
    v.stops
        .iter()
        .find(|s| s.id_number.as_deref() == Some(id))
        .unwrap()
        .person_id
}

#[test]
fn a_round_pays_at_home_and_comes_back_with_no_difference() {
    let office = office_at_home();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let v = svc
        .create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    assert_eq!(v.state, RoundState::Open);
    let names: Vec<&str> = v.stops.iter().map(|s| s.full_name.as_str()).collect();
    assert_eq!(
        names,
        ["Nguyễn Văn An", "Trần Thị Bình"],
        "Cúc is in Thôn Tây"
    );
    assert_eq!(v.to_carry(), m(2_789_000 + 4_183_500));

    let v = svc.issue_round(&boss, v.number, POSTMAN.1).unwrap();
    assert_eq!(v.state, RoundState::Issued);
    assert_eq!(v.cash.issued, m(6_972_500));
    let day = svc.day_report("2026-11-10").unwrap();
    let long = day.clerks.iter().find(|c| c.name == POSTMAN.0).unwrap();
    assert_eq!(
        long.issued,
        m(6_972_500),
        "the cash went into the postman's drawer"
    );

    let long_session = office.sign_in(&mut svc, POSTMAN);
    let an = stop_of(&v, AN);
    let v = svc
        .record_outcome(
            &long_session,
            v.number,
            an,
            StopResult::Paid,
            Some(AN),
            None,
        )
        .unwrap();
    let paid = v.stop_of(an).unwrap();
    let receipt = paid.receipt_no.clone().expect("a receipt for a paid stop");
    let payment = svc
        .person_view(an)
        .unwrap()
        .payments
        .into_iter()
        .find(|p| p.receipt_no == receipt)
        .unwrap();
    assert_eq!(payment.method, PayMethod::Home);
    assert_eq!(payment.clerk_id, person_user(&svc, POSTMAN.0));
    assert_eq!(payment.total, m(2_789_000));
    let binh = stop_of(&v, BINH);
    let v = svc
        .record_outcome(
            &long_session,
            v.number,
            binh,
            StopResult::NotHome,
            None,
            Some("đi viện"),
        )
        .unwrap();
    assert_eq!(v.cash.paid, m(2_789_000));
    assert_eq!(v.cash.expected_back(), m(4_183_500));

    let v = svc
        .return_round(&boss, v.number, m(4_183_500), POSTMAN.1)
        .unwrap();
    assert_eq!(v.state, RoundState::Returned);
    let v = svc.reconcile_round(&boss, v.number, None).unwrap();
    assert_eq!(v.state, RoundState::Reconciled);
    assert_eq!(v.difference, Some(Money::ZERO));
    let day = svc.day_report("2026-11-10").unwrap();
    let long = day.clerks.iter().find(|c| c.name == POSTMAN.0).unwrap();
    assert_eq!(
        long.expected,
        m(100_000_000),
        "issued, paid and returned leave the postman's drawer as it was"
    );

    // The period's results: An paid at home; Bình unpaid, "away" with the
    // postman's note, until she comes to the counter.
    let report = svc.period_report(&boss, nov()).unwrap();
    let an_out = report.people.iter().find(|p| p.code == "HD-001").unwrap();
    let parts: Vec<(&str, &str)> = an_out
        .payments
        .iter()
        .map(|x| (x.receipt_no.as_str(), x.method.as_str()))
        .collect();
    assert_eq!(parts, [(receipt.as_str(), "home")]);
    let binh_out = report.people.iter().find(|p| p.code == "HD-002").unwrap();
    assert_eq!(binh_out.reason, Some(UnpaidReason::Away));
    assert_eq!(binh_out.reason_note.as_deref(), Some("đi viện"));

    let hoa = office.sign_in(&mut svc, CLERK1);
    pay_cash(&mut svc, &hoa, BINH).expect("back from the round, Bình is paid at the counter");
}

#[test]
fn a_line_out_on_a_round_is_refused_at_the_counter_by_the_database() {
    let office = office_at_home();
    let mut svc = office.service();
    assert_eq!(
        svc.person_view(person_id(&svc, AN)).unwrap().round_out,
        None
    );
    let v = issued_round(&office, &mut svc);
    assert_eq!(
        svc.person_view(person_id(&svc, AN)).unwrap().round_out,
        Some((v.number, v.postman.clone())),
        "the person's file names the round before the clerk starts to pay"
    );
    let hoa = office.sign_in(&mut svc, CLERK1);
    let refused = pay_cash(&mut svc, &hoa, AN);
    assert!(
        matches!(
            refused,
            Err(Error::Store(StoreError::Refused(Rule::InHomeRound)))
        ),
        "{refused:?}"
    );
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("chuyến chi tại nhà"),
        "the clerk is told why in Vietnamese"
    );
    // Cúc, not on the round, is paid as usual.
    pay_cash(&mut svc, &hoa, CUC).unwrap();
    assert_eq!(v.state, RoundState::Issued);
}

#[test]
fn a_short_round_is_reconciled_only_with_a_reason() {
    let office = office_at_home();
    let mut svc = office.service();
    let v = issued_round(&office, &mut svc);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    for id in [AN, BINH] {
        svc.record_outcome(
            &boss,
            v.number,
            stop_of(&v, id),
            StopResult::Refused,
            None,
            None,
        )
        .unwrap();
    }
    let v = svc
        .return_round(&boss, v.number, m(6_900_000), POSTMAN.1)
        .unwrap();
    let refused = svc.reconcile_round(&boss, v.number, Some("  "));
    assert!(
        matches!(
            refused,
            Err(Error::Round(RoundError::ReasonNeeded { difference })) if difference == m(72_500)
        ),
        "{refused:?}"
    );
    let v = svc
        .reconcile_round(&boss, v.number, Some("Bưu tá làm rơi, sẽ nộp bù"))
        .unwrap();
    assert_eq!(v.difference, Some(m(72_500)));
    assert_eq!(v.reason.as_deref(), Some("Bưu tá làm rơi, sẽ nộp bù"));
    let again = svc.reconcile_round(&boss, v.number, Some("lần hai"));
    assert!(matches!(
        again,
        Err(Error::Round(RoundError::WrongState { .. }))
    ));
}

#[test]
fn a_paid_stop_needs_the_receivers_own_id_and_records_nothing_otherwise() {
    let office = office_at_home();
    let mut svc = office.service();
    let v = issued_round(&office, &mut svc);
    let long = office.sign_in(&mut svc, POSTMAN);
    let an = stop_of(&v, AN);
    let wrong = svc.record_outcome(&long, v.number, an, StopResult::Paid, Some(CUC), None);
    assert!(
        matches!(wrong, Err(Error::Pay(PayError::ReceiverIdMismatch))),
        "{wrong:?}"
    );
    let none = svc.record_outcome(&long, v.number, an, StopResult::Paid, None, None);
    assert!(matches!(
        none,
        Err(Error::Round(RoundError::ReceiverIdNeeded))
    ));
    let v = svc.round(v.number).unwrap();
    assert_eq!(v.stop_of(an).unwrap().result, None);
    assert_eq!(v.cash.paid, Money::ZERO);
    // Twice is refused.
    svc.record_outcome(&long, v.number, an, StopResult::Paid, Some(AN), None)
        .unwrap();
    let twice = svc.record_outcome(&long, v.number, an, StopResult::NotHome, None, None);
    assert!(matches!(
        twice,
        Err(Error::Round(RoundError::AlreadyRecorded { .. }))
    ));
}

#[test]
fn only_a_supervisor_makes_and_issues_and_only_the_postman_records() {
    let office = office_at_home();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    assert!(matches!(
        svc.create_round(&hoa, nov(), "thon dong", POSTMAN.0),
        Err(Error::Forbidden { .. })
    ));
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let v = svc
        .create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    assert!(matches!(
        svc.issue_round(&hoa, v.number, POSTMAN.1),
        Err(Error::Forbidden { .. })
    ));
    assert!(
        matches!(
            svc.issue_round(&boss, v.number, "0000"),
            Err(Error::Auth(_))
        ),
        "the postman confirms the cash with their own PIN"
    );
    let v = svc.issue_round(&boss, v.number, POSTMAN.1).unwrap();
    let an = stop_of(&v, AN);
    assert!(matches!(
        svc.record_outcome(&hoa, v.number, an, StopResult::NotHome, None, None),
        Err(Error::Round(RoundError::NotThePostman { .. }))
    ));
    let left = svc.return_round(&boss, v.number, Money::ZERO, POSTMAN.1);
    assert!(
        matches!(left, Err(Error::Round(RoundError::StopsLeft { ref codes })) if codes.len() == 2),
        "{left:?}"
    );
    assert!(matches!(
        svc.reconcile_round(&hoa, v.number, None),
        Err(Error::Forbidden { .. })
    ));
}

#[test]
fn reported_deceased_is_shown_to_the_supervisor_and_changes_no_status() {
    let office = office_at_home();
    let mut svc = office.service();
    let v = issued_round(&office, &mut svc);
    let long = office.sign_in(&mut svc, POSTMAN);
    let binh = stop_of(&v, BINH);
    let v = svc
        .record_outcome(
            &long,
            v.number,
            binh,
            StopResult::Deceased,
            None,
            Some("con trai báo"),
        )
        .unwrap();
    let reported: Vec<&str> = v
        .reported_deceased()
        .map(|s| s.record_code.as_str())
        .collect();
    assert_eq!(reported, ["HD-002"]);
    assert_eq!(v.stop_of(binh).unwrap().status, "active");
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let report = svc.period_report(&boss, nov()).unwrap();
    let out = report.people.iter().find(|p| p.code == "HD-002").unwrap();
    assert_eq!(out.reason, Some(UnpaidReason::Deceased));
    assert_eq!(out.status, "active");
}

/// Thôn Đông's first round, out and back: Bình's family reports her
/// deceased, An is not at home; all the cash comes back.
fn round_with_a_death_report(office: &Office, svc: &mut Service) {
    let v = issued_round(office, svc);
    let long = office.sign_in(svc, POSTMAN);
    for (id, result) in [(BINH, StopResult::Deceased), (AN, StopResult::NotHome)] {
        svc.record_outcome(&long, v.number, stop_of(&v, id), result, None, None)
            .unwrap();
    }
    let boss = office.sign_in(svc, SUPERVISOR);
    svc.return_round(&boss, v.number, m(6_972_500), POSTMAN.1)
        .unwrap();
    svc.reconcile_round(&boss, v.number, None).unwrap();
}

/// A person whose family reported them deceased on a round is not sent
/// cash on the next: the new round and the period's route sheet leave them
/// out and name them, with the round of the report and what to do.
#[test]
fn a_round_holds_back_a_person_reported_deceased_on_an_earlier_one() {
    let office = office_at_home();
    let mut svc = office.service();
    round_with_a_death_report(&office, &mut svc);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let v = svc
        .create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    let names: Vec<&str> = v.stops.iter().map(|s| s.full_name.as_str()).collect();
    assert_eq!(names, ["Nguyễn Văn An"]);
    assert_eq!(v.to_carry(), m(2_789_000));
    let held: Vec<(&str, Option<i64>)> = v
        .held_back
        .iter()
        .map(|s| (s.record_code.as_str(), s.death_reported))
        .collect();
    assert_eq!(held, [("HD-002", Some(1))]);
    let said = chitra::i18n::rounds::created(
        chitra::i18n::Lang::Vi,
        v.number,
        v.stops.len(),
        v.to_carry(),
        &v.held_back,
        chitra::i18n::rounds::Said::OnScreen,
    );
    assert!(
        said.contains(
            "gia đình đã báo mất, chưa xác minh: HD-002 Trần Thị Bình (báo mất ở chuyến số 1)"
        ),
        "{said}"
    );
    // The period's route sheet carries no cash for her either.
    let stops = svc.home_stops(nov(), Some("Thôn Đông")).unwrap();
    let doc = chitra::document::home::build(
        chitra::i18n::Lang::Vi,
        &svc.config().office,
        nov(),
        &stops,
        "Thôn Đông",
        "2026-11-10",
    );
    let text = chitra::print::document::render_text(&doc);
    let table = text.split("Không đưa vào").next().unwrap();
    assert!(!table.contains("Trần Thị Bình"), "{text}");
    assert!(
        table.contains("Nguyễn Văn An") && table.contains("2.789.000"),
        "{text}"
    );
    assert!(text.contains("Không đưa vào (1 người)"), "{text}");
    assert!(
        text.contains("HD-002 Trần Thị Bình (báo mất ở chuyến số 1)"),
        "{text}"
    );
}

/// When everyone a round would carry cash for was reported deceased, no
/// round is made, and the refusal says why; once the one the family
/// reported is seen alive and paid at the counter, the report no longer
/// holds her back.
#[test]
fn no_round_is_made_for_people_all_reported_deceased() {
    let office = office_at_home();
    let mut svc = office.service();
    round_with_a_death_report(&office, &mut svc);
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay_cash(&mut svc, &hoa, AN).unwrap();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    match svc.create_round(&boss, nov(), "thon dong", POSTMAN.0) {
        Err(Error::Round(e @ RoundError::AllReportedDeceased { people: 1, .. })) => {
            let said = chitra::i18n::Localize::vi(&e);
            assert!(said.contains("báo đã mất") && said.contains("F7"), "{said}");
        }
        other => panic!("{other:?}"),
    }
    let binh = person_id(&svc, BINH);
    assert!(svc.person_view(binh).unwrap().death_reported.is_some());
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay_cash(&mut svc, &hoa, BINH).unwrap();
    assert!(svc.person_view(binh).unwrap().death_reported.is_none());
}

/// A supervisor who has seen the person alive records it, with how: the
/// family's report no longer holds them back nor warns at the counter, and
/// the next round takes them again. Only a supervisor, only with a reason,
/// only while a report is open; on the screen it is F7's last choice.
#[test]
fn a_person_seen_alive_is_taken_again_by_the_next_round() {
    use chitra::tui::testing::{press, screen, type_text};
    use crossterm::event::KeyCode;
    let office = office_at_home();
    let mut svc = office.service();
    round_with_a_death_report(&office, &mut svc);
    let binh = person_id(&svc, BINH);
    let hoa = office.sign_in(&mut svc, CLERK1);
    assert!(matches!(
        svc.confirm_alive(&hoa, binh, "đã gặp"),
        Err(Error::Forbidden { .. })
    ));
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    assert!(svc.confirm_alive(&boss, binh, "  ").is_err());
    assert!(svc.person_view(binh).unwrap().death_reported.is_some());

    // On the screen: the file, F7, the last choice, the reason, Enter.
    let mut app = crate::tui_office::supervisor_app(&office);
    crate::tui_office::open_person(&mut app, BINH);
    press(&mut app, KeyCode::F(7));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Còn sống: gia đình báo mất ở chuyến số 1 là nhầm"),
        "{shown}"
    );
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Đã gặp bà tại nhà ngày 10/11");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "HỒ SƠ NGƯỜI HƯỞNG",
        "{}",
        crate::tui_office::message(&app)
    );
    assert!(
        crate::tui_office::message(&app).contains("đã ghi xác minh còn sống"),
        "{}",
        crate::tui_office::message(&app)
    );
    let shown = screen(&mut app, 80, 24);
    assert!(
        !shown.contains("ghi gia đình báo người này đã mất"),
        "{shown}"
    );
    let view = svc.person_view(binh).unwrap();
    assert!(view.death_reported.is_none());
    assert_eq!(view.person.status, chitra::domain::person::Status::Active);
    match svc.confirm_alive(&boss, binh, "lần hai") {
        Err(Error::Round(RoundError::NoDeathReport)) => {}
        other => panic!("{other:?}"),
    }
    let v = svc
        .create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    let names: Vec<&str> = v.stops.iter().map(|s| s.full_name.as_str()).collect();
    assert_eq!(names, ["Nguyễn Văn An", "Trần Thị Bình"]);
    assert!(v.held_back.is_empty());
}

#[test]
fn a_round_carries_only_what_is_still_owed_when_its_cash_goes_out() {
    let office = office_at_home();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let v = svc
        .create_round(&boss, nov(), "Thôn Đông", POSTMAN.0)
        .unwrap();
    // An comes to the counter before the postman leaves.
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay_cash(&mut svc, &hoa, AN).unwrap();
    let v = svc.issue_round(&boss, v.number, POSTMAN.1).unwrap();
    assert_eq!(v.cash.issued, m(4_183_500));
    assert_eq!(v.sheet_stops().len(), 1);
    let an = v.stop_of(stop_of(&v, AN)).unwrap();
    assert!(an.paid_elsewhere.is_some());
    let again = svc.create_round(&boss, nov(), "thon dong", POSTMAN.0);
    assert!(
        matches!(again, Err(Error::Round(RoundError::NobodyAtHome { .. }))),
        "Bình's lines are on the first round already: {again:?}"
    );
}

#[test]
fn verify_names_a_round_row_edited_behind_chitras_back() {
    let office = office_at_home();
    let mut svc = office.service();
    issued_round(&office, &mut svc);
    assert!(svc.verify(&[]).unwrap().ok());
    let c = svc.store().conn();
    c.execute_batch(
        "DROP TRIGGER home_round_issues_no_update;
         UPDATE home_round_issues SET amount = 1000 WHERE round_id = 1;",
    )
    .unwrap();
    let v = svc.verify(&[]).unwrap();
    assert!(
        v.findings.iter().any(|f| matches!(
            f,
            Finding::Row(RowProblem::Edited {
                table: Table::HomeRoundIssues,
                ..
            })
        )),
        "{:?}",
        v.findings
    );
}

fn chitra(office: &Office, args: &[&str], who: (&str, &str)) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chitra"))
        .arg("--config")
        .arg(office.dir.path().join("chitra.toml"))
        .args(args)
        .env("CHITRA_USER", who.0)
        .env("CHITRA_PIN", who.1)
        .env("CHITRA_POSTMAN_PIN", POSTMAN.1)
        .output()
        .unwrap()
}

fn ok(o: &std::process::Output) -> String {
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).to_string()
}

#[test]
fn the_command_line_runs_a_round_from_sheet_to_reconciliation() {
    let office = office_at_home();
    let boss = SUPERVISOR;
    let out = ok(&chitra(
        &office,
        &[
            "home",
            "round",
            "create",
            "--period",
            "2026-11",
            "--hamlet",
            "thon dong",
            "--postman",
            POSTMAN.0,
        ],
        boss,
    ));
    assert!(out.contains("số 1"), "{out}");
    let sheet = ok(&chitra(&office, &["home", "sheet", "--round", "1"], boss));
    assert!(
        sheet.contains("Trần Thị Bình") && sheet.contains("6.972.500") && sheet.contains("Ký nhận"),
        "{sheet}"
    );
    ok(&chitra(&office, &["home", "round", "issue", "1"], boss));
    let refused = chitra(
        &office,
        &[
            "home", "round", "outcome", "1", "--code", "HD-001", "--result", "paid",
        ],
        POSTMAN,
    );
    assert_eq!(
        refused.status.code(),
        Some(2),
        "a paid stop needs --receiver-id"
    );
    let paid = ok(&chitra(
        &office,
        &[
            "home",
            "round",
            "outcome",
            "1",
            "--code",
            "HD-001",
            "--result",
            "paid",
            "--receiver-id",
            AN,
        ],
        POSTMAN,
    ));
    assert!(paid.contains("biên nhận"), "{paid}");
    ok(&chitra(
        &office,
        &[
            "home", "round", "outcome", "1", "--id", BINH, "--result", "not-home",
        ],
        POSTMAN,
    ));
    ok(&chitra(
        &office,
        &["home", "round", "return", "1", "--cash", "4.000.000"],
        boss,
    ));
    let no_reason = chitra(
        &office,
        &["home", "round", "reconcile", "1", "--json"],
        boss,
    );
    assert_eq!(no_reason.status.code(), Some(2));
    let err: serde_json::Value = serde_json::from_slice(&no_reason.stdout).unwrap();
    assert!(
        err["error"].as_str().unwrap().contains("183.500"),
        "the difference is named: {err}"
    );
    ok(&chitra(
        &office,
        &[
            "home",
            "round",
            "reconcile",
            "1",
            "--reason",
            "Thiếu tiền lẻ",
        ],
        boss,
    ));
    let shown = ok(&chitra(
        &office,
        &["home", "round", "show", "1", "--json"],
        boss,
    ));
    let v: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(v["state"], "reconciled");
    assert_eq!(v["stops"][0]["result"], "paid");
    assert_eq!(v["stops"][1]["result"], "not_home");
    assert_eq!(v["reason"], "Thiếu tiền lẻ");
    let help = chitra(&office, &["home", "round", "outcome", "--help"], boss);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("vắng nhà") && help.contains("--receiver-id"),
        "{help}"
    );
}

#[test]
fn the_day_does_not_close_while_a_rounds_cash_is_out() {
    use chitra::domain::report::Blocker;
    let office = office_at_home();
    let mut svc = office.service();
    let v = issued_round(&office, &mut svc);
    let day = svc.today().format("%Y-%m-%d").to_string();
    let blocked = svc.day_report(&day).unwrap().blockers;
    assert!(
        blocked
            .iter()
            .any(|b| matches!(b, Blocker::RoundOut { round, .. } if *round == v.number)),
        "{blocked:?}"
    );
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    for id in [AN, BINH] {
        svc.record_outcome(
            &boss,
            v.number,
            stop_of(&v, id),
            StopResult::NotHome,
            None,
            None,
        )
        .unwrap();
    }
    svc.return_round(&boss, v.number, v.cash.issued, POSTMAN.1)
        .unwrap();
    let after = svc.day_report(&day).unwrap().blockers;
    assert!(
        !after.iter().any(|b| matches!(b, Blocker::RoundOut { .. })),
        "{after:?}"
    );
    office.close_today(&mut svc);
}

/// The close itself refuses while a round's cash is out, not only the
/// report: a day closed then leaves the round where no outcome and no
/// return can be recorded.
#[test]
fn closing_the_day_with_a_round_out_is_refused_even_with_every_drawer_counted() {
    use chitra::domain::report::Blocker;
    use chitra::service::day::DayError;
    let office = office_at_home();
    let mut svc = office.service();
    let v = issued_round(&office, &mut svc);
    let day = svc.today().format("%Y-%m-%d").to_string();
    for who in [CLERK1, CLERK2, SUPERVISOR] {
        let s = office.sign_in(&mut svc, who);
        let Some(c) = svc
            .day_report(&day)
            .unwrap()
            .clerks
            .into_iter()
            .find(|c| c.name == who.0)
        else {
            continue;
        };
        let notes: std::collections::BTreeMap<i64, i64> = [(500, c.expected.dong() / 500)].into();
        svc.count_drawer(&s, &notes).unwrap();
    }
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    match svc.close_day(&boss, SUPERVISOR.1, &day, false) {
        Err(Error::Day(DayError::Blocked(blockers))) => assert!(
            blockers
                .iter()
                .any(|b| matches!(b, Blocker::RoundOut { round, .. } if *round == v.number)),
            "{blockers:?}"
        ),
        other => panic!("the day closed with round {} out: {other:?}", v.number),
    }
    assert!(svc.day_report(&day).unwrap().closed.is_none());
}

/// A round made but not issued holds nothing; once its period is closed,
/// its cash does not go out for that period's lines. A round that went
/// out and is not reconciled keeps the period open.
#[test]
fn a_round_and_the_period_close_wait_for_each_other() {
    use chitra::domain::period_report::UnpaidReason;
    use chitra::service::period::{CloseOptions, PeriodError};
    let office = office_at_home();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let made = svc
        .create_round(&boss, nov(), "thon dong", POSTMAN.0)
        .unwrap();
    // Cúc's round goes out and comes back, not reconciled.
    let tay = svc
        .create_round(&boss, nov(), "thon tay", POSTMAN.0)
        .unwrap();
    let tay = svc.issue_round(&boss, tay.number, POSTMAN.1).unwrap();
    svc.record_outcome(
        &boss,
        tay.number,
        stop_of(&tay, CUC),
        StopResult::NotHome,
        None,
        None,
    )
    .unwrap();
    svc.return_round(&boss, tay.number, tay.cash.issued, POSTMAN.1)
        .unwrap();
    office.close_today(&mut svc);
    office.clock.set("2026-11-26T08:00:00+07:00");
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = CloseOptions {
        default_reason: Some(UnpaidReason::DidNotCome),
        default_note: None,
    };
    let err = svc
        .close_period(&boss, SUPERVISOR.1, nov(), &opts)
        .unwrap_err();
    assert!(
        matches!(&err, Error::Period(PeriodError::RoundsOpen { rounds }) if rounds == &vec![tay.number]),
        "{err:?}"
    );
    svc.reconcile_round(&boss, tay.number, None).unwrap();
    svc.close_period(&boss, SUPERVISOR.1, nov(), &opts).unwrap();
    // The round made before the close does not go out for closed months.
    let err = svc.issue_round(&boss, made.number, POSTMAN.1).unwrap_err();
    assert!(
        matches!(&err, Error::Store(StoreError::Refused(Rule::PeriodClosed))),
        "{err:?}"
    );
}

/// The same from the command line: `chitra status CODE alive --reason …`.
#[test]
fn the_command_line_records_a_person_seen_alive() {
    let office = office_at_home();
    let mut svc = office.service();
    round_with_a_death_report(&office, &mut svc);
    let said = ok(&chitra(
        &office,
        &["status", "HD-002", "alive", "--reason", "Đã gặp bà tại nhà"],
        SUPERVISOR,
    ));
    assert!(said.contains("HD-002: đã ghi xác minh còn sống"), "{said}");
    let binh = person_id(&svc, BINH);
    assert!(svc.person_view(binh).unwrap().death_reported.is_none());
    let again = chitra(
        &office,
        &["status", "HD-002", "alive", "--reason", "lần hai"],
        SUPERVISOR,
    );
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("không có gì để xác minh"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}
