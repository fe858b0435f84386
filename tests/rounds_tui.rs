//! The home round's outcome screen ("Kết quả chi tại nhà"), key by key,
//! over a real temporary database: the postman opens the round from the
//! menu, pays one person against the receiver's ID (F5), marks the next
//! not at home (F6) with one key, and the supervisor takes the cash back
//! and reconciles from the same screen. What was recorded is read again
//! through the service, not the screen.

use crate::common;

use chitra::domain::payment::PayMethod;
use chitra::domain::round::{RoundState, StopResult};
use chitra::domain::{Money, Period};
use chitra::service::register::RegisterRequest;
use chitra::service::rounds::RoundView;
use chitra::tui::testing::{key, press, screen, type_text};
use chitra::tui::{App, Theme};
use crossterm::event::KeyCode;

use common::{CLERK1, CLERK2, Office, SUPERVISOR, csv, three};

const AN: &str = "046048001234";

/// November's list, An and Bình (Thôn Đông) registered to be paid at home.
fn office_paying_at_home() -> Office {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    for id in [AN, "046152004321"] {
        let person = svc.search(id, 1).unwrap().hits[0].person.id;
        let req = RegisterRequest {
            method: Some(PayMethod::Home),
            home_reason: Some("old".into()),
            ..RegisterRequest::default()
        };
        svc.register(&hoa, person, &req).unwrap();
    }
    office
}

/// [`office_paying_at_home`], their round made and its cash issued to the
/// second clerk.
fn office_with_round() -> (Office, RoundView) {
    let office = office_paying_at_home();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let period: Period = "2026-11".parse().unwrap();
    let v = svc
        .create_round(&boss, period, "Thôn Đông", CLERK2.0)
        .unwrap();
    let v = svc.issue_round(&boss, v.number, CLERK2.1).unwrap();
    (office, v)
}

fn signed_in(office: &Office, who: (&str, &str)) -> App {
    let mut app = App::new(office.service(), Theme::colored());
    type_text(&mut app, who.0);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, who.1);
    press(&mut app, KeyCode::Enter);
    assert!(app.session().is_some(), "{:?}", app.message());
    app
}

fn message(app: &App) -> String {
    app.message()
        .map(|m| m.text().to_string())
        .unwrap_or_default()
}

/// From the counter: the menu, its last entry (home rounds), the first
/// round.
fn open_round(app: &mut App) {
    app.handle_key(key(KeyCode::F(2)));
    assert_eq!(app.title(), "CHỨC NĂNG");
    press(app, KeyCode::End);
    press(app, KeyCode::Enter);
    assert_eq!(app.title(), "CHI TẠI NHÀ — CÁC CHUYẾN", "{}", message(app));
    press(app, KeyCode::Enter);
    assert_eq!(app.title(), "KẾT QUẢ CHI TẠI NHÀ", "{}", message(app));
}

#[test]
fn the_postman_records_each_stop_with_one_key() {
    let (office, v) = office_with_round();
    let mut app = signed_in(&office, CLERK2);
    open_round(&mut app);
    let before = screen(&mut app, 80, 24);
    assert!(
        before.contains("Nguyễn Văn An") && before.contains("chưa ghi"),
        "{before}"
    );

    press(&mut app, KeyCode::F(5));
    assert_eq!(app.title(), "ĐÃ CHI TẠI NHÀ");
    type_text(&mut app, AN);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "KẾT QUẢ CHI TẠI NHÀ", "{}", message(&app));
    assert!(message(&app).contains("biên nhận"), "{}", message(&app));

    // The choice moved on to Bình: F6, not at home, at once.
    press(&mut app, KeyCode::F(6));
    let after = screen(&mut app, 80, 24);
    insta::assert_snapshot!("round_outcomes_after_two_stops", after);

    let v = office.service().round(v.number).unwrap();
    let results: Vec<Option<StopResult>> = v.stops.iter().map(|s| s.result).collect();
    assert_eq!(results, [Some(StopResult::Paid), Some(StopResult::NotHome)]);
    assert_eq!(v.cash.paid, Money::from_dong(2_789_000));
}

#[test]
fn a_wrong_receiver_id_stays_on_the_box_and_records_nothing() {
    let (office, v) = office_with_round();
    let mut app = signed_in(&office, CLERK2);
    open_round(&mut app);
    press(&mut app, KeyCode::F(5));
    type_text(&mut app, "046060007777");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI TẠI NHÀ");
    assert!(message(&app).contains("không khớp"), "{}", message(&app));
    let v = office.service().round(v.number).unwrap();
    assert_eq!(v.stops[0].result, None);
}

#[test]
fn the_supervisor_takes_the_cash_back_and_reconciles_on_the_same_screen() {
    let (office, v) = office_with_round();
    let mut app = signed_in(&office, CLERK2);
    open_round(&mut app);
    press(&mut app, KeyCode::F(7));
    press(&mut app, KeyCode::F(7));
    drop(app);

    let mut app = signed_in(&office, SUPERVISOR);
    open_round(&mut app);
    // The supervisor's keys of a round out are more than 80 columns hold:
    // the arrows' hint gives way, help and the way back stay.
    let shown = screen(&mut app, 80, 24);
    let keys = shown.lines().last().unwrap();
    assert!(
        keys.contains("F9 Nộp về") && keys.contains("F1 Trợ giúp") && keys.contains("Esc Quay lại"),
        "{keys}"
    );
    press(&mut app, KeyCode::F(9));
    assert_eq!(app.title(), "NỘP TIỀN CHUYẾN VỀ");
    type_text(&mut app, "6.972.500");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, CLERK2.1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "KẾT QUẢ CHI TẠI NHÀ", "{}", message(&app));
    press(&mut app, KeyCode::F(10));
    assert_eq!(app.title(), "ĐỐI CHIẾU CHUYẾN");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "KẾT QUẢ CHI TẠI NHÀ", "{}", message(&app));
    let v = office.service().round(v.number).unwrap();
    assert_eq!(v.state, RoundState::Reconciled);
    assert_eq!(v.difference, Some(Money::ZERO));
}

/// The supervisor makes a round on the screen: the period is typed as
/// the counter writes a month (11/2026), a month that is not one is
/// refused in those words, and the round made points at the round's own
/// keys, not at the command line.
#[test]
fn a_round_is_made_on_the_screen_with_the_month_written_as_on_the_counter() {
    let office = office_paying_at_home();
    let mut app = signed_in(&office, SUPERVISOR);
    app.handle_key(key(KeyCode::F(2)));
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "CHI TẠI NHÀ — CÁC CHUYẾN", "{}", message(&app));
    press(&mut app, KeyCode::F(4));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Kỳ (tháng/năm)"), "{shown}");
    assert!(!shown.contains("YYYY"), "{shown}");
    let clear = |app: &mut App| {
        for _ in 0..10 {
            press(app, KeyCode::Backspace);
        }
    };
    clear(&mut app);
    type_text(&mut app, "13/2026");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Thôn Đông");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, CLERK2.0);
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "Kỳ là tháng/năm, ví dụ 12/2026.");
    assert!(office.service().rounds().unwrap().is_empty());

    clear(&mut app);
    type_text(&mut app, "11/2026");
    for _ in 0..3 {
        press(&mut app, KeyCode::Enter);
        if app.title() == "CHI TẠI NHÀ — CÁC CHUYẾN" {
            break;
        }
    }
    let said = message(&app);
    assert!(
        said.contains("Enter mở chuyến: F3 in bảng kê, F4 cấp tiền") && !said.contains("chitra "),
        "{said}"
    );
    let rounds = office.service().rounds().unwrap();
    assert_eq!(rounds.len(), 1);
    assert_eq!(rounds[0].period.to_string(), "2026-11");
}

/// A stop the family reports deceased: the round's screen reminds the
/// supervisor how to stop payment with the screens' own key, not a command,
/// and the line is whole at 80 columns.
#[test]
fn a_stop_reported_deceased_points_at_the_files_key() {
    let (office, _) = office_with_round();
    let mut app = signed_in(&office, CLERK2);
    open_round(&mut app);
    press(&mut app, KeyCode::F(8));
    press(&mut app, KeyCode::Char('c'));
    if app.title() != "KẾT QUẢ CHI TẠI NHÀ" {
        press(&mut app, KeyCode::Enter);
    }
    press(&mut app, KeyCode::Up);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("dừng chi (mở hồ sơ ở quầy, F7).") && !shown.contains("chitra status"),
        "{shown}\n{}",
        message(&app)
    );
}

/// A death report cannot be taken back, so F8 asks first: Enter, Esc or
/// any key but "c" records nothing, and the question names the person.
#[test]
fn a_death_report_asks_before_it_is_recorded() {
    let (office, _) = office_with_round();
    let mut app = signed_in(&office, CLERK2);
    open_round(&mut app);
    let outcomes = |office: &Office| {
        let svc = office.service();
        let number = svc.rounds().unwrap()[0].number;
        svc.round(number)
            .unwrap()
            .stops
            .iter()
            .filter(|s| s.result.is_some())
            .count()
    };
    press(&mut app, KeyCode::F(8));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Gia đình báo đã mất")
            && shown.contains("Ghi rồi không sửa được. Ghi? (c/k)"),
        "{shown}"
    );
    for key in [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Char('8'),
        KeyCode::F(8),
    ] {
        press(&mut app, key);
        assert_eq!(outcomes(&office), 0, "{key:?}");
        if key != KeyCode::F(8) {
            assert!(!screen(&mut app, 80, 24).contains("Ghi? (c/k)"), "{key:?}");
            press(&mut app, KeyCode::F(8));
        }
    }
    press(&mut app, KeyCode::F(8));
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(outcomes(&office), 1);
    assert!(screen(&mut app, 80, 24).contains("báo đã mất"));

    // The counter, where the person is still alive on file, says so before
    // anyone pays them.
    let svc = office.service();
    let round = svc.rounds().unwrap()[0].number;
    let reported = svc.round(round).unwrap().stops[0].person_id;
    let view = svc.person_view(reported).unwrap();
    assert!(
        matches!(&view.death_reported, Some((n, _)) if *n == round),
        "{:?}",
        view.death_reported
    );
    let others = svc.round(round).unwrap().stops[1].person_id;
    assert!(svc.person_view(others).unwrap().death_reported.is_none());
}

/// A stop paid at the counter before the round left shows its receipt
/// number whole in the round's row at 80 columns.
#[test]
fn a_stop_paid_at_the_counter_shows_its_whole_receipt_number() {
    let office = office_paying_at_home();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let period: Period = "2026-11".parse().unwrap();
    svc.create_round(&boss, period, "Thôn Đông", CLERK2.0)
        .unwrap();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let req = chitra::service::pay::PayRequest {
        person_id: svc.search(AN, 1).unwrap().hits[0].person.id,
        receiver: chitra::service::pay::Receiver::Person,
        receiver_id_number: AN.into(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines: Vec::new(),
        approval: None,
    };
    let receipt = svc.pay(&hoa, &req).unwrap().payment.receipt_no;
    let mut app = signed_in(&office, SUPERVISOR);
    open_round(&mut app);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains(&receipt), "{receipt}\n{shown}");
}
