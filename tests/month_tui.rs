//! The month from the supervisor's screens: the "Tháng" entry of the menu,
//! the unpaid people given their reasons one key each (a note for
//! "other"), and the period closed with the PIN — refused while a day is
//! open, then closed with the results file written where the popup says.
//! What was recorded is read back through the service, not the screen.
//!
//! The office (tests/tui_office) is on 10/11/2026; its payment window here
//! ends on the 5th, so November can be closed once its day is.

mod common;
mod tui_office;

use chitra::domain::period_report::UnpaidReason;
use chitra::tui::App;
use chitra::tui::testing::{press, screen, type_text};
use crossterm::event::KeyCode;
use tui_office::*;

use common::{Office, SUPERVISOR};

fn nov() -> chitra::domain::Period {
    "2026-11".parse().unwrap()
}

/// (code, reason, note) of November's unpaid people.
fn reasons(office: &Office) -> Vec<(String, Option<UnpaidReason>, Option<String>)> {
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    svc.period_report(&boss, nov())
        .unwrap()
        .people
        .into_iter()
        .map(|p| (p.code, p.reason, p.reason_note))
        .collect()
}

/// The supervisor at the month screen, on its reasons view.
fn at_reasons(office: &Office) -> App {
    let mut app = supervisor_app(office);
    menu_entry(&mut app, '9');
    assert!(app.title().contains("11/2026"), "{}", app.title());
    press(&mut app, KeyCode::Tab);
    app
}

/// In the close popup (on its PIN field): types `path` as the results
/// file, back on the PIN field.
fn set_path(app: &mut App, path: &str) {
    press(app, KeyCode::BackTab);
    for _ in 0..200 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, path);
    press(app, KeyCode::Tab);
}

#[test]
fn the_month_screen_shows_the_periods_figures_and_its_results() {
    let office = office_with_window((2, 5));
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '9');
    let shown = screen(&mut app, 80, 24);
    insta::assert_snapshot!("month_results", shown);
}

#[test]
fn each_unpaid_person_gets_a_reason_with_one_key_and_other_asks_a_note() {
    let office = office_with_window((2, 5));
    let mut app = at_reasons(&office);
    insta::assert_snapshot!("month_reasons", screen(&mut app, 80, 24));

    // 2 = away, for the first; the next without a reason is picked.
    type_text(&mut app, "2");
    assert!(message(&app).contains("HD-001"), "{}", message(&app));
    type_text(&mut app, "3");
    // 6 = other: a note is asked, and an empty one is refused.
    type_text(&mut app, "6");
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("cần ghi rõ"), "{}", message(&app));
    type_text(&mut app, "Đi làm ăn xa");
    press(&mut app, KeyCode::Enter);
    let got = reasons(&office);
    assert_eq!(got[0].1, Some(UnpaidReason::Away));
    assert_eq!(got[1].1, Some(UnpaidReason::Hospital));
    assert_eq!(got[2].1, Some(UnpaidReason::Other));
    assert_eq!(got[2].2.as_deref(), Some("Đi làm ăn xa"));
    assert_eq!(got[3].1, None);
    // A letter records nothing.
    type_text(&mut app, "a");
    assert_eq!(reasons(&office)[3].1, None);
}

#[test]
fn the_close_is_refused_while_the_day_is_open_then_writes_the_results_file() {
    let office = office_with_window((2, 5));
    let mut app = at_reasons(&office);
    for _ in 0..5 {
        type_text(&mut app, "1");
    }
    assert!(reasons(&office).iter().all(|r| r.1.is_some()));

    // Today's drawers are open: refused, nothing closed.
    press(&mut app, KeyCode::F(10));
    set_path(&mut app, "/srv/chitra/xuat/ket-qua-chi-tra-2026-11.xlsx");
    insta::assert_snapshot!("month_close_popup", screen(&mut app, 80, 24));
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("ngày chưa khóa sổ"),
        "{}",
        message(&app)
    );
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    assert!(svc.period_report(&boss, nov()).unwrap().closed_at.is_none());

    // The day closed, the period closes and its results are written.
    office.close_today(&mut svc);
    let out = office.dir.path().join("ket-qua-11.xlsx");
    press(&mut app, KeyCode::F(10));
    set_path(&mut app, &out.display().to_string());
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("Đã khóa kỳ"), "{}", message(&app));
    let closed = svc.period_report(&boss, nov()).unwrap();
    assert!(closed.closed_at.is_some());
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
}
