//! Stopping payment at the person's file: a supervisor records a death
//! reported at the counter, with its reason, and the person can no longer
//! be paid; a clerk is told to call the supervisor.

use crate::tui_office;

use chitra::domain::person::Status;
use chitra::tui::testing::{key, press, screen, type_text};
use crossterm::event::KeyCode;
use tui_office::*;

#[test]
fn a_supervisor_stops_payment_when_a_death_is_reported() {
    let office = office();
    let mut app = supervisor_app(&office);
    open_person(&mut app, AN.2);
    app.handle_key(key(KeyCode::F(7)));
    assert_eq!(app.title(), "DỪNG / MỞ LẠI CHI TRẢ", "{}", message(&app));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("1  đã mất") && shown.contains("3  tạm dừng"),
        "{shown}"
    );
    assert!(
        !shown.contains("4  "),
        "an active person is not offered \"active\": {shown}"
    );
    type_text(&mut app, "1");
    // A reason is required.
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("Cần ghi lý do"), "{}", message(&app));
    type_text(&mut app, "Gia đình báo tử ngày 09/11/2026");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));
    let file = file_of(&office, AN.2);
    assert_eq!(file.person.status, Status::Deceased);
    assert_eq!(
        file.person.status_note.as_deref(),
        Some("Gia đình báo tử ngày 09/11/2026")
    );
    // The deceased is not paid: for a supervisor the pay key opens the
    // heir's papers instead, and Esc leaves nothing written.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "GHI NGƯỜI THỪA KẾ", "{}", message(&app));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    assert!(payments_of(&office, AN.2).is_empty());
    assert!(file_of(&office, AN.2).heir.unwrap().heir.is_none());
}

#[test]
fn a_clerk_cannot_stop_payment_and_is_told_who_can() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    app.handle_key(key(KeyCode::F(7)));
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    assert!(
        message(&app).contains("Chỉ trưởng bưu cục"),
        "{}",
        message(&app)
    );
    assert_eq!(file_of(&office, AN.2).person.status, Status::Active);
}
