//! The sign-in screen, driven by keys over a real temporary database:
//! what a clerk sees when the PIN is right, wrong, or wrong five times, and
//! that hostile text never reaches the terminal.

use chitra::domain::user::Role;
use chitra::tui::App;
use chitra::tui::context::Message;
use chitra::tui::testing::{press, render, screen, type_text};
use crossterm::event::KeyCode;

use crate::tui_small;

use tui_small::{office, sign_in};

fn message(app: &App) -> String {
    app.message()
        .map(|m| m.text().to_string())
        .unwrap_or_default()
}

#[test]
fn the_right_pin_opens_the_counter_with_the_clerk_named_on_top() {
    let (_dir, mut app) = office();
    sign_in(&mut app, "lan", "2468");
    assert_eq!(app.session().map(|s| s.user.name.as_str()), Some("lan"));
    assert_eq!(app.title(), "QUẦY CHI TRẢ");
    let shown = screen(&mut app, 80, 24);
    let top = shown.lines().next().unwrap();
    assert!(top.contains("Bưu điện văn hóa xã Hải Dương"), "{top}");
    assert!(
        top.contains("Nguyễn Thị Lan · Giao dịch viên · 10/11/2026"),
        "{top}"
    );
    assert!(shown.contains("Tìm người hưởng: ["), "{shown}");
    assert_eq!(
        message(&app),
        "Xin chào Nguyễn Thị Lan. Quỹ hôm nay chưa mở: chi tiền mặt cần trưởng bưu cục cấp tiền đầu ngày."
    );
    // The menu is one key away.
    app.handle_key(chitra::tui::testing::key(KeyCode::F(2)));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("1  Quầy chi trả")
            && shown.contains("2  Kiểm đếm quỹ cuối ca")
            && shown.contains("3  Đổi mã PIN")
            && shown.contains("4  Đăng xuất"),
        "{shown}"
    );
}

#[test]
fn a_wrong_pin_says_the_limit_the_same_way_for_any_name_and_empties_the_pin() {
    let (_dir, mut app) = office();
    sign_in(&mut app, "lan", "1111");
    assert!(app.session().is_none());
    assert!(matches!(app.message(), Some(Message::Error(_))));
    assert!(
        message(&app).contains("Nhập sai 5 lần liên tiếp thì tài khoản bị khóa"),
        "{}",
        message(&app)
    );
    let wrong_for_lan = message(&app);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Tên đăng nhập : [lan "),
        "the name stays:\n{shown}"
    );
    assert!(!shown.contains('*'), "the PIN field is empty:\n{shown}");
    // The cursor waits in the PIN field: the right PIN now signs in.
    type_text(&mut app, "2468");
    press(&mut app, KeyCode::Enter);
    assert!(app.session().is_some());
    // A name nobody has gets the same words: names cannot be probed.
    let (_dir2, mut other) = office();
    sign_in(&mut other, "khong_co", "1111");
    assert_eq!(message(&other), wrong_for_lan);
}

#[test]
fn five_wrong_pins_lock_the_account_and_then_even_the_right_pin_is_refused() {
    let (_dir, mut app) = office();
    type_text(&mut app, "lan");
    press(&mut app, KeyCode::Enter);
    for _ in 1..=4 {
        type_text(&mut app, "0000");
        press(&mut app, KeyCode::Enter);
        assert!(
            message(&app).starts_with("Sai tên người dùng hoặc mã PIN"),
            "{}",
            message(&app)
        );
    }
    type_text(&mut app, "0000");
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("Tài khoản lan đang bị khóa"),
        "{}",
        message(&app)
    );
    type_text(&mut app, "2468");
    press(&mut app, KeyCode::Enter);
    assert!(app.session().is_none());
    assert!(message(&app).contains("đang bị khóa"));
    assert!(screen(&mut app, 80, 24).contains("Tài khoản lan đang bị khóa"));
}

#[test]
fn a_second_enter_after_a_wrong_pin_keeps_the_message() {
    let (_dir, mut app) = office();
    sign_in(&mut app, "lan", "1111");
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).starts_with("Sai tên người dùng hoặc mã PIN"),
        "{}",
        message(&app)
    );
}

#[test]
fn the_pin_is_never_shown() {
    let (_dir, mut app) = office();
    type_text(&mut app, "lan");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2468");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Mã PIN        : [****"), "{shown}");
    assert!(!shown.contains("2468"));
}

#[test]
fn caps_lock_does_not_stop_a_clerk_signing_in() {
    let (_dir, mut app) = office();
    sign_in(&mut app, "LAN", "2468");
    assert!(app.session().is_some(), "{}", message(&app));
}

#[test]
fn enter_with_nothing_typed_asks_for_the_user_name() {
    let (_dir, mut app) = office();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "Hãy gõ tên đăng nhập.");
    assert!(app.session().is_none());
}

/// No cell of the drawn screen may hold a control character.
fn assert_harmless(app: &mut App) {
    let buffer = render(app, 80, 24);
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control character on screen: {:?}",
            cell.symbol()
        );
    }
}

#[test]
fn an_escape_sequence_typed_as_a_name_is_shown_as_harmless_text() {
    let (_dir, mut app) = office();
    type_text(&mut app, "lan\x1b[2J");
    assert_harmless(&mut app);
    assert!(screen(&mut app, 80, 24).contains("[lan[2J"));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2468");
    press(&mut app, KeyCode::Enter);
    assert!(app.session().is_none());
    assert_harmless(&mut app);
}

#[test]
fn a_full_name_with_escape_sequences_from_the_database_is_defused_in_the_title_bar() {
    let (_dir, mut app) = office();
    // The service refuses such a name today; an older database or another
    // tool may still hold one, so it is written to the store directly.
    let hash = chitra::service::auth::hash_pin("1357").unwrap();
    let svc = app.service_mut();
    let who = svc.who(None);
    svc.store_mut()
        .write(who, |w| {
            let (_, event) = chitra::store::users::insert(
                w,
                "teo",
                "Lê Văn\x1b[2J\x1b]0;x\x07 Tèo",
                Role::Clerk,
                &hash,
            )?;
            w.log(event, ())
        })
        .unwrap();
    sign_in(&mut app, "teo", "1357");
    assert!(app.session().is_some());
    assert_harmless(&mut app);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown
            .lines()
            .next()
            .unwrap()
            .contains("Lê Văn�[2J�]0;x� Tèo"),
        "{shown}"
    );
    assert!(
        message(&app).contains('\x1b'),
        "the message keeps the raw name"
    );
}
