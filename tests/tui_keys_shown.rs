//! The key line shows the keys that work on the screen, for the user
//! signed in, and no others: a clerk's lists, the month's files per view,
//! the person's file, stopping payment, importing a list.
//!
//! The office (tests/tui_office) is on 10/11/2026.

use crate::tui_office;

use chitra::tui::App;
use chitra::tui::testing::{key, press, screen, type_text};
use crossterm::event::KeyCode;
use tui_office::*;

/// The key line: the last row of the window.
fn key_line(app: &mut App) -> String {
    screen(app, 80, 24).lines().last().unwrap_or("").to_string()
}

#[test]
fn a_clerk_is_shown_only_the_list_they_may_open() {
    let office = office();
    let mut app = clerk_app(&office);
    menu_entry(&mut app, '5');
    assert_eq!(app.title(), "DANH SÁCH THEO KẾ HOẠCH", "{}", message(&app));
    let shown = screen(&mut app, 80, 24);
    let tabs = shown.lines().nth(1).unwrap();
    assert!(tabs.contains("4 Không TM"), "{tabs}");
    assert!(
        !tabs.contains("Phân loại") && !tabs.contains("Công an"),
        "{tabs}"
    );
    let keys = key_line(&mut app);
    assert!(!keys.contains("1–5"), "{keys}");
    // A supervisor chooses among all five.
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '8');
    assert!(key_line(&mut app).contains("1–5 Danh sách"));
}

#[test]
fn the_month_shows_the_keys_of_its_files_in_the_view_they_belong_to() {
    let office = office();
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '9');
    let keys = key_line(&mut app);
    assert!(keys.contains("F3 Nhập DS"), "{keys}");
    // The transfers: F4 and F6; no F7 while there is no batch to save…
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let keys = key_line(&mut app);
    assert!(
        keys.contains("F4 Lập lô") && keys.contains("F6 Nhập KQ"),
        "{keys}"
    );
    assert!(!keys.contains("F7"), "{keys}");
    assert!(keys.contains("Esc Quay lại"), "{keys}");
    // …and F7 says so instead of opening a form.
    let depth = app.depth();
    app.handle_key(key(KeyCode::F(7)));
    assert_eq!(app.depth(), depth, "no form opened");
    assert!(message(&app).contains("chưa có lô"), "{}", message(&app));
}

#[test]
fn the_persons_file_shows_every_key_that_acts() {
    let office = office();
    let mut app = supervisor_app(&office);
    open_person(&mut app, AN.2);
    let keys = key_line(&mut app);
    for k in [
        "Enter/F5 Chi trả",
        "F4 Đăng ký",
        "F6 Biên nhận",
        "Esc Quay lại",
    ] {
        assert!(keys.contains(k), "{k}: {keys}");
    }
    // Stopping payment: Enter chooses, then Enter records.
    app.handle_key(key(KeyCode::F(7)));
    assert_eq!(app.title(), "DỪNG / MỞ LẠI CHI TRẢ");
    let keys = key_line(&mut app);
    assert!(keys.contains("Enter Tiếp"), "{keys}");
    type_text(&mut app, "3");
    let keys = key_line(&mut app);
    assert!(keys.contains("Enter Ghi nhận"), "{keys}");
}

#[test]
fn the_import_form_says_what_enter_does() {
    let office = office();
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '9');
    press(&mut app, KeyCode::F(3));
    let keys = key_line(&mut app);
    assert!(keys.contains("Enter Xem trước"), "{keys}");
}
