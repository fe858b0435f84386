//! The words of the screens say what is so, for whoever reads them: the
//! record code and the phone named the same way everywhere, a deceased
//! person's heir, the day a status was recorded, who types a PIN, periods
//! as "11/2026", and what to do said with the screens' keys.
//!
//! The office (tests/tui_office) is on 10/11/2026.

use crate::{common, tui_office};

use chitra::tui::testing::{press, screen, type_text};
use crossterm::event::KeyCode;
use tui_office::*;

use common::{CLERK1, SUPERVISOR};

#[test]
fn the_file_names_the_record_code_and_the_phone_plainly() {
    let office = office();
    let mut app = clerk_app(&office);
    // The counter's hint, the file and the receipt say one word for the
    // record code: "mã hồ sơ" ("mã đối tượng" is the payer's list's column).
    let hint = screen(&mut app, 80, 24);
    assert!(
        hint.contains("mã hồ sơ") && !hint.contains("mã đối tượng"),
        "{hint}"
    );
    open_person(&mut app, AN.2);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Mã hồ sơ HD-001"), "{shown}");
    assert!(shown.contains("SĐT 0905111222"), "{shown}");
    assert!(
        !shown.contains("Mã ĐT") && !shown.contains("· ĐT "),
        "{shown}"
    );
}

#[test]
fn a_deceased_person_reads_as_deceased_with_the_heir_to_pay() {
    let office = office();
    mark_deceased(&office, AN.0);
    let mut app = clerk_app(&office);
    type_text(&mut app, "nguyen van an");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("đã mất · chi thừa kế"), "{shown}");
    assert!(!shown.contains("đã giảm"), "{shown}");
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Tháng này: đã mất · chi thừa kế"), "{shown}");
    // The status's date is the day it was recorded, said as such.
    assert!(
        shown.contains("Trạng thái: đã mất · ghi nhận ngày 10/11/2026"),
        "{shown}"
    );
    assert!(!shown.contains("đã mất từ"), "{shown}");
}

#[test]
fn taking_cash_back_asks_the_pin_of_who_hands_it_over() {
    let office = office();
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '3');
    // The first row is gdv1's drawer; 3 takes cash back from it.
    type_text(&mut app, "3");
    assert_eq!(app.title(), "THU TIỀN VỀ", "{}", message(&app));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Mã PIN người nộp tiền"), "{shown}");
    assert!(!shown.contains("người nhận quỹ"), "{shown}");
    type_text(&mut app, "1.000.000");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "0000");
    press(&mut app, KeyCode::Enter);
    let said = message(&app);
    assert!(said.starts_with("Sai mã PIN của Lê Thị Hoa."), "{said}");
    assert!(!said.contains("tên người dùng"), "{said}");
    // The right PIN of the drawer's owner takes the cash back.
    type_text(&mut app, CLERK1.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("Đã thu về 1.000.000 đ"),
        "{}",
        message(&app)
    );
}

#[test]
fn a_line_waiting_for_the_bank_says_which_screen_imports_the_result() {
    let office = office_with_window((2, 5));
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '9');
    let out = office.dir.path().join("lo-11.xlsx");
    press(&mut app, KeyCode::F(4));
    press(&mut app, KeyCode::BackTab);
    for _ in 0..200 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &out.display().to_string());
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("Lô chuyển khoản số 1"),
        "{}",
        message(&app)
    );
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    let shown = screen(&mut app, 80, 24);
    let joined: Vec<&str> = shown.lines().map(str::trim).collect();
    assert!(
        joined
            .join(" ")
            .contains("màn hình Tháng (F2 › Tháng, phím F6)"),
        "{shown}"
    );
    assert!(!shown.contains("chitra bank"), "{shown}");
    // Enter to pay is refused at once, for any method, not after step 4.
    let title = app.title();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), title);
    let said = message(&app);
    assert!(
        said.contains("lô số 1: chưa chi tại quầy được (tiền mặt hay chuyển khoản)")
            && said.contains("phím F6"),
        "{said}"
    );
}
