//! The counter and the person's file, key by key over a real temporary
//! database: searching as you type, the menu, help, scrolling a long file,
//! receipts and voided payments, and names that carry escape sequences.

use crate::{common, tui_office};

use chitra::tui::testing::{key, press, render, screen, type_text};
use crossterm::event::KeyCode;
use tui_office::*;

#[test]
fn a_name_with_an_escape_sequence_is_shown_as_harmless_text() {
    let office = office();
    rename_directly(&office, EM.0, "Phạm\x1b[2J\x1b]0;x\x07 Văn Em");
    let mut app = clerk_app(&office);
    type_text(&mut app, EM.2);
    let check = |app: &mut chitra::tui::App| {
        let buffer = render(app, 80, 24);
        for cell in buffer.content() {
            assert!(
                !cell.symbol().chars().any(|c| c.is_control()),
                "control character on screen: {:?}",
                cell.symbol()
            );
        }
        screen(app, 80, 24)
    };
    assert!(check(&mut app).contains("Phạm�[2J�]0;x� Văn"));
    press(&mut app, KeyCode::Enter);
    assert!(check(&mut app).contains("Phạm�[2J�]0;x� Văn Em"));
    to_confirmation(&mut app);
    check(&mut app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI");
    check(&mut app);
    press(&mut app, KeyCode::Enter);
    assert!(check(&mut app).contains("cho Phạm�[2J�]0;x� Văn Em"));
}

#[test]
fn the_search_finds_names_without_diacritics_and_arrows_choose_who_opens() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, "nguyen");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Nguyễn Văn An") && shown.contains("Nguyễn Thị Dung"));
    assert!(shown.contains("2 người"));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("Nguyễn Thị Dung"));
    press(&mut app, KeyCode::Esc);
    // Esc on the counter empties the search first, then asks to quit.
    press(&mut app, KeyCode::Esc);
    assert!(screen(&mut app, 80, 24).contains("Tìm người hưởng: [ "));
    assert_eq!(app.overlay(), None);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay(), Some(chitra::tui::app::Overlay::ConfirmQuit));
}

#[test]
fn back_from_a_file_the_next_card_scanned_replaces_the_search() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, "nguyen");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "QUẦY CHI TRẢ");
    // The search is still there (and its results), selected.
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Tìm người hưởng: [nguyen"), "{shown}");
    assert!(shown.contains("2 người"), "{shown}");
    // A card scanned now is a search of its own, not "nguyen0461…".
    type_text(&mut app, DUNG.2);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));
    assert!(screen(&mut app, 80, 24).contains("Nguyễn Thị Dung"));
    // Back again, a cursor key keeps the search to correct it.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Backspace);
    assert!(
        screen(&mut app, 80, 24).contains(&format!("Tìm người hưởng: [{}", &DUNG.2[..11])),
        "{}",
        screen(&mut app, 80, 24)
    );
}

#[test]
fn a_long_address_wraps_and_the_hamlet_is_shown_whole() {
    let office = office();
    readdress_directly(
        &office,
        AN.0,
        "Số 12 đường Lê Lợi, tổ dân phố Thai Dương Hạ Bắc, xã Hải Dương, thành phố Huế",
    );
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("phố Huế · Thôn: Thôn Đông"), "{shown}");
    assert!(!shown.contains('…'), "{shown}");
}

#[test]
fn a_search_that_finds_nobody_is_said_whole() {
    let office = office();
    let mut app = clerk_app(&office);
    // A name with a card's digits run into it, as the trial typed it.
    type_text(&mut app, "nguyen van bay046093226280");
    let shown = screen(&mut app, 80, 24);
    for line in shown.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    let joined: Vec<&str> = shown.lines().map(str::trim).collect();
    assert!(
        joined
            .join(" ")
            .contains("Kiểm tra lại số giấy tờ, mã hoặc họ tên."),
        "{shown}"
    );
}

#[test]
fn fewer_than_six_digits_are_told_to_need_more() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, "4563");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Không tìm thấy ai với “4563”"), "{shown}");
    // Wrapped, never cut at the edge: the advice is whole on screen.
    let joined: Vec<&str> = shown.lines().map(str::trim).collect();
    let joined = joined.join(" ");
    assert!(joined.contains("cần gõ ít nhất 6 chữ số cuối"), "{shown}");
    assert!(joined.contains("chỉ tìm theo số của mã hồ sơ."), "{shown}");
}

#[test]
fn a_name_typed_over_the_quit_question_reaches_the_search() {
    let office = office();
    let mut app = clerk_app(&office);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay(), Some(chitra::tui::app::Overlay::ConfirmQuit));
    let shown = screen(&mut app, 80, 24);
    let key_line = shown.lines().last().unwrap();
    assert!(!key_line.contains("Mở hồ sơ"), "{key_line}");
    assert!(key_line.contains("k/Esc Không thoát"), "{key_line}");
    // A fast typist goes on typing a name: the question closes and every
    // letter, the "n" too, is in the search.
    type_text(&mut app, "nguyen");
    assert_eq!(app.overlay(), None);
    assert!(!app.should_quit());
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Tìm người hưởng: [nguyen"), "{shown}");
    assert!(shown.contains("2 người"), "{shown}");
}

#[test]
fn question_mark_opens_help_on_the_counter_but_q_is_a_letter_of_a_name() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, "q");
    assert_eq!(app.overlay(), None);
    press(&mut app, KeyCode::Backspace);
    app.handle_key(crossterm::event::KeyEvent::new(
        KeyCode::Char('?'),
        crossterm::event::KeyModifiers::SHIFT,
    ));
    assert_eq!(app.overlay(), Some(chitra::tui::app::Overlay::Help));
    assert!(
        screen(&mut app, 80, 24).contains("ĐẦU NGÀY"),
        "the guide first"
    );
    // The help key again: this screen's keys.
    app.handle_key(crossterm::event::KeyEvent::new(
        KeyCode::Char('?'),
        crossterm::event::KeyModifiers::SHIFT,
    ));
    assert_eq!(app.overlay(), Some(chitra::tui::app::Overlay::Help));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("F1/?/Ctrl-T") && shown.contains("F2/Ctrl-O"),
        "{shown}"
    );
}

#[test]
fn the_menu_is_one_key_away_and_leads_back_to_the_counter() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, "nguyen");
    app.handle_key(key(KeyCode::F(2)));
    assert_eq!(app.title(), "CHỨC NĂNG");
    type_text(&mut app, "1");
    assert_eq!(app.title(), "QUẦY CHI TRẢ");
    assert_eq!(app.depth(), 1);
    app.handle_key(chitra::tui::testing::ctrl('o'));
    assert_eq!(app.title(), "CHỨC NĂNG");
}

#[test]
fn a_receipt_is_shown_and_printed_again_as_a_copy_from_the_persons_file() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    to_confirmation(&mut app);
    press(&mut app, KeyCode::Enter);
    // Esc after paying: back to the file, which shows the payment.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    assert_eq!(app.depth(), 2);
    assert!(screen(&mut app, 80, 24).contains("HD-2026-000001"));
    app.handle_key(key(KeyCode::F(6)));
    assert_eq!(app.title(), "BIÊN NHẬN HD-2026-000001");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("BIÊN NHẬN CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG"),
        "{shown}"
    );
    app.handle_key(key(KeyCode::F(8)));
    assert!(
        message(&app).starts_with("Đã in lại bản sao"),
        "{}",
        message(&app)
    );
    let copy = office.dir.path().join("spool/HD-2026-000001-ban-sao.txt");
    assert!(std::fs::read_to_string(copy).unwrap().contains("BẢN SAO"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
}

#[test]
fn a_voided_payment_is_marked_its_lines_can_be_paid_again_and_either_receipt_can_be_seen() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    to_confirmation(&mut app);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    void_directly(&office, "HD-2026-000001", "Chi nhầm người");

    open_person(&mut app, AN.2);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("ĐÃ HỦY 10/11/2026 — Chi nhầm người"),
        "{shown}"
    );
    assert!(
        shown.contains("Tổng cộng (2 khoản)"),
        "unpaid again:\n{shown}"
    );
    to_confirmation(&mut app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(&app));
    press(&mut app, KeyCode::Esc);
    let file = file_of(&office, AN.2);
    assert_eq!(file.payments.len(), 2);
    assert!(file.unpaid.is_empty());

    // Two payments: the receipts key lists them, newest first.
    app.handle_key(key(KeyCode::F(6)));
    assert_eq!(app.title(), "CHỌN BIÊN NHẬN");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("HD-2026-000001") && shown.contains("HD-2026-000002"));
    assert!(shown.contains("ĐÃ HỦY"), "{shown}");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "BIÊN NHẬN HD-2026-000001");
    assert!(screen(&mut app, 80, 24).contains("ĐÃ HỦY NGÀY 10/11/2026"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
}

#[test]
fn many_unpaid_months_scroll_and_are_all_paid_at_once() {
    let office = common::Office::new();
    for month in 6..=11 {
        let period = format!("2026-{month:02}");
        office.import(&format!("t{month}.csv"), &list(&period), &period);
    }
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("06/2026  Trợ cấp hàng tháng"), "{shown}");
    assert!(shown.contains("↓ còn nữa"), "{shown}");
    assert!(!shown.contains("ĐÃ CHI TRONG 12 THÁNG QUA"));
    press(&mut app, KeyCode::PageDown);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Tổng cộng (12 khoản)"), "{shown}");
    assert!(shown.contains("ĐÃ CHI TRONG 12 THÁNG QUA"), "{shown}");
    assert!(!shown.contains("↓ còn nữa"), "the end is shown");
    press(&mut app, KeyCode::Home);
    assert!(screen(&mut app, 80, 24).contains("Trần Thị Bình"));

    to_confirmation(&mut app);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Enter: GHI NHẬN CHI TRẢ"), "{shown}");
    assert!(shown.contains("↓ còn nữa"), "{shown}");
    press(&mut app, KeyCode::End);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Tổng cộng (12 khoản)"), "{shown}");
    assert!(shown.contains("Bằng chữ: Hai mươi lăm triệu"), "{shown}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(&app));
    let p = &payments_of(&office, BINH.2)[0];
    assert_eq!(p.lines.len(), 12);
    assert_eq!(p.total.dong(), 6 * 4_183_500);
}

#[test]
fn rows_scrolled_into_view_show_their_month_like_the_first_screen() {
    let office = common::Office::with_window((2, 25));
    office.import("long.csv", &long_list("2026-11", 50), "2026-11");
    let mut app = clerk_app(&office);
    type_text(&mut app, "nguyen");
    // A row of the list: a name, and at its end what is owed this month
    // (a row whose month was not read would end in "—").
    let rows = |shown: &str| -> Vec<String> {
        shown
            .lines()
            .filter(|l| l.contains("Nguyễn"))
            .map(str::to_string)
            .collect()
    };
    let first = screen(&mut app, 80, 24);
    assert!(first.contains("26 người"), "{first}");
    let on_screen = rows(&first);
    assert!(on_screen.len() >= 10 && on_screen.len() < 26, "{first}");
    assert!(
        on_screen
            .iter()
            .all(|r| r.trim_end().ends_with(" 2.789.000")),
        "{first}"
    );
    // Down to the last of the 26: every row on screen still shows its month.
    for _ in 0..25 {
        press(&mut app, KeyCode::Down);
    }
    let last = screen(&mut app, 80, 24);
    let on_screen = rows(&last);
    assert_eq!(on_screen.len(), rows(&first).len(), "{last}");
    assert_ne!(on_screen, rows(&first));
    assert!(
        on_screen
            .iter()
            .all(|r| r.trim_end().ends_with(" 2.789.000")),
        "{last}"
    );
    // The last person found, chosen at the bottom, opens.
    let name: Vec<&str> = on_screen
        .last()
        .unwrap()
        .split_whitespace()
        .take(3)
        .collect();
    press(&mut app, KeyCode::Enter);
    let file = screen(&mut app, 80, 24);
    assert!(file.contains(&name.join(" ")), "{file}");
}
