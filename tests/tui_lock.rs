//! A counter left signed in locks: after five minutes without a key the
//! person's file is hidden and only the clerk's own PIN opens it again; a
//! payment not yet recorded is dropped, so whoever is at the counter after
//! the lock is checked again; F10 signs out for another clerk; wrong PINs
//! count towards the account's lock. The clock is moved by
//! [`App::tick`], never waited for.

use crate::{common, tui_office};

use std::sync::Arc;
use std::time::{Duration, Instant};

use chitra::service::Service;
use chitra::tui::testing::{key, press, screen, type_text};
use chitra::tui::{App, Theme};
use crossterm::event::KeyCode;
use tui_office::*;

use common::CLERK1;

const FIVE_MINUTES: Duration = Duration::from_secs(5 * 60);

/// The moment the keyboard has rested for `d` (the last key was just now).
fn after(d: Duration) -> Instant {
    Instant::now() + d
}

fn locks(app: &mut App) {
    assert!(app.tick(after(FIVE_MINUTES + Duration::from_secs(1))));
    assert!(app.locked());
    assert_eq!(app.title(), "MÀN HÌNH ĐÃ KHÓA");
}

#[test]
fn a_file_left_on_screen_locks_and_only_the_clerks_pin_opens_it() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    assert!(!app.tick(after(FIVE_MINUTES - Duration::from_secs(5))));
    assert!(screen(&mut app, 80, 24).contains(AN.1));

    locks(&mut app);
    let shown = screen(&mut app, 80, 24);
    for hidden in [AN.1, AN.2, "2.789.000"] {
        assert!(
            !shown.contains(hidden),
            "{hidden} shown under the lock:\n{shown}"
        );
    }
    assert!(shown.contains("Lê Thị Hoa nhập PIN"), "{shown}");
    assert!(shown.contains("F10 (hoặc Ctrl-W) đăng xuất"), "{shown}");

    // Esc and the keys that act on a file do nothing here.
    for code in [KeyCode::Esc, KeyCode::F(5), KeyCode::F(9), KeyCode::Enter] {
        press(&mut app, code);
        assert_eq!(app.title(), "MÀN HÌNH ĐÃ KHÓA", "{code:?}");
    }
    // Another user's PIN (the second clerk's) does not open it.
    type_text(&mut app, common::CLERK2.1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "MÀN HÌNH ĐÃ KHÓA");
    assert!(message(&app).contains("Sai mã PIN"), "{}", message(&app));

    type_text(&mut app, CLERK1.1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    assert_eq!(message(&app), "Đã mở khóa.");
    assert!(screen(&mut app, 80, 24).contains(AN.1));
    assert!(!app.locked());
}

#[test]
fn a_payment_not_yet_recorded_is_dropped_at_the_lock() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    for step in ["Bước 1/4", "Bước 3/4", "Bước 4/4"] {
        press(&mut app, KeyCode::Enter);
        assert!(app.title().contains(step), "{}", app.title());
    }
    locks(&mut app);
    assert!(
        screen(&mut app, 80, 24).contains("Lần chi đang làm dở đã bỏ, chưa ghi gì"),
        "{}",
        screen(&mut app, 80, 24)
    );
    type_text(&mut app, CLERK1.1);
    press(&mut app, KeyCode::Enter);
    // Back on the file, not on the confirmation: the next Enter starts
    // the payment again at the receiver.
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    assert!(
        message(&app).contains("kiểm tra lại người nhận"),
        "{}",
        message(&app)
    );
    assert!(
        payments_of(&office, AN.2).is_empty(),
        "nothing was recorded"
    );
    press(&mut app, KeyCode::Enter);
    assert!(app.title().contains("Bước 1/4"), "{}", app.title());
    // The card checked when the file was opened, before the lock, is not
    // taken for whoever is at the counter now.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN");
}

#[test]
fn a_form_being_typed_waits_under_the_lock() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    press(&mut app, KeyCode::F(4));
    let title = app.title();
    assert!(title.contains("ĐĂNG KÝ"), "{title}");
    let before = screen(&mut app, 80, 24);
    locks(&mut app);
    type_text(&mut app, CLERK1.1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), title);
    // The same screen, only the message line changed.
    let after = screen(&mut app, 80, 24);
    let body = |s: &str| s.lines().take(20).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&before), body(&after));
}

#[test]
fn another_clerk_signs_out_from_the_lock() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    locks(&mut app);
    app.handle_key(key(KeyCode::F(10)));
    assert!(app.session().is_none());
    assert_eq!(message(&app), "Đã đăng xuất.");
    sign_in(&mut app, common::CLERK2);
    assert!(!app.locked());
    assert_eq!(app.session().unwrap().user.name, common::CLERK2.0);
}

#[test]
fn five_wrong_pins_at_the_lock_lock_the_account() {
    let office = office();
    let mut app = clerk_app(&office);
    locks(&mut app);
    for _ in 0..5 {
        type_text(&mut app, "0000");
        press(&mut app, KeyCode::Enter);
    }
    assert!(app.session().is_none(), "{}", message(&app));
    assert!(message(&app).contains("đang bị khóa"), "{}", message(&app));
    let mut svc = office.service();
    assert!(
        svc.sign_in(CLERK1.0, CLERK1.1).is_err(),
        "the account is locked"
    );
}

#[test]
fn each_key_starts_the_five_minutes_again_and_nobody_signed_in_never_locks() {
    let office = office();
    let mut app = app(&office);
    assert_eq!(app.lock_due_in(Instant::now()), None, "at sign-in");
    assert!(!app.tick(after(FIVE_MINUTES * 10)));
    sign_in(&mut app, CLERK1);
    assert!(!app.tick(after(FIVE_MINUTES - Duration::from_secs(30))));
    type_text(&mut app, "ng");
    let left = app.lock_due_in(Instant::now()).unwrap();
    assert!(left > FIVE_MINUTES - Duration::from_secs(5), "{left:?}");
    // Locked: nothing more to wait for.
    locks(&mut app);
    assert_eq!(app.lock_due_in(after(FIVE_MINUTES * 2)), None);
}

#[test]
fn zero_minutes_in_the_configuration_never_locks() {
    let office = office();
    let mut config = (*office.config).clone();
    config.interface.lock_after_minutes = 0;
    let svc = Service::open(Arc::new(config), &office.db)
        .unwrap()
        .with_clock(Arc::new(office.clock.clone()));
    let mut app = App::new(svc, Theme::colored());
    sign_in(&mut app, CLERK1);
    assert_eq!(app.lock_due_in(Instant::now()), None);
    assert!(!app.tick(after(Duration::from_secs(24 * 3600))));
}

#[test]
fn a_payment_recorded_before_the_lock_is_not_called_dropped() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    for step in ["Bước 1/4", "Bước 3/4", "Bước 4/4", "ĐÃ CHI"] {
        press(&mut app, KeyCode::Enter);
        assert!(app.title().contains(step), "{}", app.title());
    }
    locks(&mut app);
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains("đã bỏ"), "{shown}");
    assert!(
        !shown.contains("2.789.000"),
        "the amount paid is hidden:\n{shown}"
    );
    type_text(&mut app, CLERK1.1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    assert_eq!(message(&app), "Đã mở khóa.");
    assert_eq!(payments_of(&office, AN.2).len(), 1);
    assert!(screen(&mut app, 80, 24).contains("ĐÃ CHI TRONG 12 THÁNG QUA"));
}

#[test]
fn help_or_the_quit_question_open_over_a_file_close_at_the_lock() {
    let office = office();
    for opener in [key(KeyCode::F(1)), chitra::tui::testing::ctrl('c')] {
        let mut app = clerk_app(&office);
        open_person(&mut app, AN.2);
        app.handle_key(opener);
        assert!(app.overlay().is_some(), "{opener:?}");
        locks(&mut app);
        assert!(app.overlay().is_none(), "{opener:?}");
        let shown = screen(&mut app, 80, 24);
        assert!(!shown.contains(AN.1), "{opener:?}:\n{shown}");
        // The next keys go to the lock's PIN, not to what was open.
        type_text(&mut app, CLERK1.1);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{opener:?}");
        assert!(!app.should_quit());
    }
}
