//! Pictures of the counter's screens as a clerk sees them in PuTTY at 80×24
//! (and one at 120×40), in Vietnamese: the search, a person's file, every
//! step of paying, and the receipt. Review a changed picture with
//! `cargo insta review`.
//!
//! Also: every character typed into the search, from the empty counter on,
//! sends at most 1 KB to the terminal.

use crate::{common, tui_office};

use chitra::tui::testing::{press, screen, type_text};
use chitra::tui::thrifty::Thrifty;
use crossterm::event::KeyCode;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use tui_office::*;

use common::SUPERVISOR;

#[test]
fn counter_empty() {
    let office = office();
    let mut app = clerk_app(&office);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn counter_with_results() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, "nguyen");
    press(&mut app, KeyCode::Down);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn counter_with_nobody_found() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, "0999");
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn help_on_the_counter() {
    let office = office();
    let mut app = clerk_app(&office);
    press(&mut app, KeyCode::F(1));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn person_with_two_unpaid_months_and_proxies() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn person_deceased() {
    let office = office();
    mark_deceased(&office, CUC.0);
    let mut app = clerk_app(&office);
    open_person(&mut app, CUC.2);
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn help_on_the_person() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    // The guide first; the help key again shows this screen's keys.
    type_text(&mut app, "?");
    type_text(&mut app, "?");
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn pay_step_1_receiver() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn pay_step_1_new_proxy_form() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2");
    for f in ["Nguyễn Văn Hải", "046085009999", "con trai"] {
        type_text(&mut app, f);
        press(&mut app, KeyCode::Enter);
    }
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn pay_step_2_receiver_id_refused() {
    let office = office();
    let mut app = clerk_app(&office);
    // Found by name: step 2 asks the number on the card.
    type_text(&mut app, "tran thi binh");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "046152004322");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn pay_step_3_method() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_method(&mut app);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn pay_step_3_transfer() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_method(&mut app);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "FT26314001");
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn pay_step_4_confirmation() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_confirmation(&mut app);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn pay_step_4_confirmation_outside_the_window_with_the_approval_popup() {
    let office = office_with_window((20, 25));
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_confirmation(&mut app);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, SUPERVISOR.0);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn pay_step_5_done() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_confirmation(&mut app);
    press(&mut app, KeyCode::Enter);
    // The receipt is written on another thread; the screen names its file
    // once it is.
    app.wait_for_prints();
    let shown = screen(&mut app, 80, 24);
    // The spool folder is a temporary one: show it as the office would.
    let spool = office.dir.path().join("spool").display().to_string();
    insta::assert_snapshot!(shown.replace(&spool, "/var/lib/chitra/spool"));
}

#[test]
fn receipt_view() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_confirmation(&mut app);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(6));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn person_after_paying_in_a_large_window() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_confirmation(&mut app);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

/// What was written to the terminal, kept for the test to read.
#[derive(Clone, Default)]
struct Tap(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Tap {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes sent to an 80×24 terminal for each key of `keys` typed into the
/// counter's search, from the empty counter on, through the backend the
/// real terminal uses.
fn bytes_per_key(office: &common::Office, keys: &[char]) -> Vec<(char, usize)> {
    let mut app = clerk_app(office);
    app.resize(80, 24);
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
    };
    let tap = Tap::default();
    let backend = Thrifty::with_size(CrosstermBackend::new(tap.clone()), Size::new(80, 24));
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    let mut sent = Vec::new();
    for &key in keys {
        let before = tap.0.borrow().len();
        if key == '\u{7f}' {
            press(&mut app, KeyCode::Backspace);
        } else {
            type_text(&mut app, &key.to_string());
        }
        terminal.draw(|frame| app.draw(frame)).unwrap();
        sent.push((key, tap.0.borrow().len() - before));
    }
    sent
}

/// `text` typed, then taken back key by key.
fn typed_and_taken_back(text: &str) -> Vec<char> {
    text.chars().chain(text.chars().map(|_| '\u{7f}')).collect()
}

#[test]
fn every_key_typed_into_the_search_sends_at_most_1_kb() {
    // Three thousand people of the demo's kind (long names, long
    // hamlets): every key that changes the list sends a new list.
    let office = common::Office::new();
    let csv = office.write_file("bulk.csv", b"");
    chitra::demo::write_bulk_csv(&csv, 3_000, 7).unwrap();
    let list = std::fs::read_to_string(&csv).unwrap();
    let report = office.import("list.csv", &list, "2026-11");
    assert!(report.committed);
    let mut keys = Vec::new();
    for typed in ["nguyen van an", "tran thi", "h"] {
        keys.extend(typed_and_taken_back(typed));
    }
    let sent = bytes_per_key(&office, &keys);
    // The first key fills the empty result area with a list.
    assert!(sent[0].1 > 500, "{sent:?}");
    for (key, bytes) in &sent {
        assert!(*bytes <= 1024, "{key:?}: {bytes} bytes in {sent:?}");
    }
}

#[test]
fn a_letter_that_keeps_the_list_sends_little() {
    // Sixty people, half of them Nguyễn: the list fills its page.
    let office = common::Office::new();
    office.import("long.csv", &long_list("2026-11", 60), "2026-11");
    let sent = bytes_per_key(&office, &"nguyen t".chars().collect::<Vec<_>>());
    // "ng" finds the same people as "n": the letter and little else.
    assert!(sent[1].1 < 60, "{sent:?}");
    for (key, bytes) in &sent {
        assert!(*bytes <= 1024, "{key:?}: {bytes} bytes");
    }
}

#[test]
fn no_color_leaves_no_colour_on_the_counter_or_any_step_of_paying() {
    use chitra::tui::testing::render;
    use ratatui::style::{Color, Modifier};
    let office = office();
    let mut app = chitra::tui::App::new(
        office.service(),
        chitra::tui::Theme::for_no_color(Some(std::ffi::OsStr::new("1"))),
    );
    sign_in(&mut app, common::CLERK1);
    let check = |app: &mut chitra::tui::App| {
        let buffer = render(app, 80, 24);
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "{:?}",
                cell.symbol()
            );
        }
        buffer
    };
    type_text(&mut app, "nguyen");
    let list = check(&mut app);
    // The chosen row is still told apart: reverse video.
    assert!(
        list.content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED))
    );
    press(&mut app, KeyCode::Enter);
    check(&mut app);
    // An error on the message line, then every step.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "046048001235");
    press(&mut app, KeyCode::Enter);
    check(&mut app);
    type_text(&mut app, AN.2);
    press(&mut app, KeyCode::Enter);
    check(&mut app);
    type_text(&mut app, "1");
    check(&mut app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI");
    check(&mut app);
}
