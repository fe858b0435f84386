//! Moving around the screens with the keyboard, over a real temporary
//! database: quitting always asks, Esc goes back, help opens and closes,
//! the menu (F2 from the counter), signing out, changing one's PIN, and
//! on-the-spot supervisor approval.

use std::cell::RefCell;
use std::rc::Rc;

use chitra::tui::App;
use chitra::tui::app::{Action, Overlay};
use chitra::tui::context::{Ctx, View};
use chitra::tui::keys::{KeyHelp, KeyList};
use chitra::tui::screens::approve::Approve;
use chitra::tui::screens::{Nav, Outcome, Screen};
use chitra::tui::testing::{ctrl, key, press, screen, type_text};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use tempfile::TempDir;

use crate::tui_small;

use tui_small::{office, sign_in};

/// Signed in as a clerk, at the counter (the first screen).
fn signed_in_clerk() -> (TempDir, App) {
    let (dir, mut app) = office();
    sign_in(&mut app, "lan", "2468");
    assert_eq!(app.title(), "QUẦY CHI TRẢ");
    (dir, app)
}

/// Signed in as a clerk, at the main menu (F2 from the counter).
fn clerk_at_menu() -> (TempDir, App) {
    let (dir, mut app) = signed_in_clerk();
    app.handle_key(key(KeyCode::F(2)));
    assert_eq!(app.title(), "CHỨC NĂNG");
    (dir, app)
}

fn message(app: &App) -> String {
    app.message()
        .map(|m| m.text().to_string())
        .unwrap_or_default()
}

#[test]
fn esc_on_the_first_screen_asks_and_only_c_quits() {
    let (_dir, mut app) = office();
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay(), Some(Overlay::ConfirmQuit));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Thoát chitra? (c/k)"), "{shown}");
    // The key line says what answers the question, not the screen's keys.
    let key_line = shown.lines().last().unwrap();
    assert!(
        key_line.contains("c Thoát  k/Esc Không thoát  Phím khác làm tiếp"),
        "{key_line}"
    );
    assert!(!key_line.contains("Đăng nhập"), "{key_line}");
    // Another key closes the question and does what it does: a letter is
    // typed in the field, nothing is swallowed.
    type_text(&mut app, "x");
    assert_eq!(app.overlay(), None);
    assert!(!app.should_quit());
    assert!(
        screen(&mut app, 80, 24).contains("Tên đăng nhập : [x"),
        "{}",
        screen(&mut app, 80, 24)
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay(), Some(Overlay::ConfirmQuit));
    type_text(&mut app, "k");
    assert_eq!(app.overlay(), None);
    assert!(!app.should_quit());
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(!app.should_quit(), "Esc answers no");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "C");
    assert!(app.should_quit());
}

#[test]
fn q_asks_to_quit_from_the_menu_but_is_a_letter_in_a_text_field() {
    let (_dir, mut app) = office();
    type_text(&mut app, "q");
    assert_eq!(app.overlay(), None);
    assert!(screen(&mut app, 80, 24).contains("[q "));
    // Ctrl-C asks even while typing.
    app.handle_key(ctrl('c'));
    assert_eq!(app.overlay(), Some(Overlay::ConfirmQuit));

    // On the counter `q` is a letter of a name; on the menu it quits.
    let (_dir, mut app) = signed_in_clerk();
    type_text(&mut app, "q");
    assert_eq!(app.overlay(), None);
    assert!(screen(&mut app, 80, 24).contains("[q "));
    app.handle_key(key(KeyCode::F(2)));
    type_text(&mut app, "q");
    assert_eq!(app.overlay(), Some(Overlay::ConfirmQuit));
    // In Vietnamese the question names c and k: "y" is not an answer.
    type_text(&mut app, "y");
    assert!(!app.should_quit());
    assert_eq!(app.overlay(), None);
    type_text(&mut app, "q");
    type_text(&mut app, "c");
    assert!(app.should_quit());
}

#[test]
fn letters_are_text_in_a_field_and_commands_on_the_menu() {
    let (_dir, mut app) = office();
    let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
    let q = key(KeyCode::Char('q'));
    assert_eq!(app.action_for(&question), Some(Action::Screen(question)));
    assert_eq!(app.action_for(&q), Some(Action::Screen(q)));
    assert_eq!(app.action_for(&key(KeyCode::F(1))), Some(Action::ShowHelp));
    assert_eq!(app.action_for(&ctrl('c')), Some(Action::AskQuit));
    assert_eq!(app.action_for(&ctrl('l')), Some(Action::Repaint));

    sign_in(&mut app, "lan", "2468");
    app.handle_key(key(KeyCode::F(2)));
    assert_eq!(app.action_for(&question), Some(Action::ShowHelp));
    assert_eq!(app.action_for(&q), Some(Action::AskQuit));
    app.update(Action::AskQuit);
    // Enter only closes the question: it never acts on the screen below.
    assert_eq!(app.action_for(&key(KeyCode::Enter)), Some(Action::StayOpen));
    assert_eq!(
        app.action_for(&key(KeyCode::Char('n'))),
        Some(Action::DismissQuit(key(KeyCode::Char('n'))))
    );
    assert_eq!(
        app.action_for(&key(KeyCode::Char('k'))),
        Some(Action::StayOpen)
    );
    assert_eq!(app.action_for(&key(KeyCode::Char('c'))), Some(Action::Quit));
}

#[test]
fn help_teaches_first_then_shows_every_key_of_the_screen_and_other_keys_close_it() {
    let (_dir, mut app) = office();
    // `?` is text in the user name field; Ctrl-T and F1 are help.
    type_text(&mut app, "?");
    assert_eq!(app.overlay(), None);
    app.handle_key(ctrl('t'));
    assert_eq!(app.overlay(), Some(Overlay::Help));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("ĐẦU NGÀY") && shown.contains("Trưởng bưu cục cấp tiền đầu ngày"),
        "the first page teaches the job:\n{shown}"
    );
    // The arrows read on; the help key again jumps to the screen's keys.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.overlay(), Some(Overlay::Help));
    assert_eq!(app.help_top(), 1);
    app.handle_key(key(KeyCode::F(1)));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("PHÍM CỦA MÀN HÌNH NÀY"), "{shown}");
    for keys in [
        "Enter",
        "Tab/↓",
        "Shift-Tab/↑",
        "Ctrl-U",
        "Backspace/Ctrl-H",
        "F1/Ctrl-T ",
        "Ctrl-C ",
        "Ctrl-L",
    ] {
        assert!(shown.contains(keys), "{keys} missing:\n{shown}");
    }
    assert!(
        !shown.contains("F1/?") && !shown.contains("q/"),
        "help lists only keys that work while typing"
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.overlay(), None);
    assert!(
        screen(&mut app, 80, 24).contains("▸ Tên đăng nhập : [?"),
        "the key only closed help"
    );

    let (_dir, mut app) = clerk_at_menu();
    app.handle_key(key(KeyCode::F(1)));
    app.handle_key(key(KeyCode::F(1)));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Mở ngay mục có số đó"));
    assert!(
        shown.contains("F1/?/Ctrl-T") && shown.contains("q/Ctrl-C"),
        "{shown}"
    );
}

#[test]
fn esc_goes_back_one_screen() {
    let (_dir, mut app) = clerk_at_menu();
    type_text(&mut app, "3");
    assert_eq!(app.title(), "ĐỔI MÃ PIN");
    assert_eq!(app.depth(), 3);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "CHỨC NĂNG");
    assert_eq!(app.overlay(), None);
    assert_eq!(
        app.message(),
        None,
        "the welcome belongs to the screen left"
    );
}

#[test]
fn signing_out_returns_to_the_sign_in_screen() {
    let (_dir, mut app) = clerk_at_menu();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(app.session().is_none());
    assert_eq!(app.title(), "ĐĂNG NHẬP");
    assert_eq!(message(&app), "Đã đăng xuất.");
    assert!(!screen(&mut app, 80, 24).contains("Nguyễn Thị Lan"));
    // Another clerk can sign in at the same counter.
    sign_in(&mut app, "minh", "9753");
    assert_eq!(app.session().map(|s| s.user.name.as_str()), Some("minh"));
}

/// Every screen line seen while moving through the open help with `code`
/// until it moves no further.
fn help_lines_seen(app: &mut App, code: KeyCode) -> std::collections::BTreeSet<String> {
    let mut seen = std::collections::BTreeSet::new();
    loop {
        seen.extend(screen(app, 80, 24).lines().map(str::to_string));
        let top = app.help_top();
        press(app, code);
        assert_eq!(app.overlay(), Some(Overlay::Help));
        if app.help_top() == top {
            return seen;
        }
    }
}

#[test]
fn paging_the_help_shows_every_line() {
    let (_dir, mut app) = clerk_at_menu();
    app.handle_key(key(KeyCode::F(1)));
    let one_by_one = help_lines_seen(&mut app, KeyCode::Down);
    app.handle_key(key(KeyCode::F(1)));
    press(&mut app, KeyCode::Home);
    assert_eq!(app.help_top(), 0);
    let by_pages = help_lines_seen(&mut app, KeyCode::PageDown);
    let missed: Vec<&String> = one_by_one.difference(&by_pages).collect();
    assert!(missed.is_empty(), "PgDn never showed: {missed:#?}");
    // And back up by pages, to the first line.
    press(&mut app, KeyCode::PageUp);
    assert!(app.help_top() > 0);
    while app.help_top() > 0 {
        press(&mut app, KeyCode::PageUp);
    }
}

#[test]
fn a_changed_pin_is_the_one_that_signs_in_next_time() {
    let (_dir, mut app) = clerk_at_menu();
    type_text(&mut app, "3");
    for pin in ["2468", "1357", "1357"] {
        type_text(&mut app, pin);
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(
        message(&app),
        "Đã đổi mã PIN. Lần đăng nhập sau dùng mã PIN mới."
    );
    assert_eq!(app.title(), "CHỨC NĂNG");
    type_text(&mut app, "4");
    sign_in(&mut app, "lan", "2468");
    assert!(app.session().is_none());
    sign_in(&mut app, "lan", "1357");
    assert!(app.session().is_some());
}

#[test]
fn a_new_pin_anyone_would_guess_is_refused_and_the_old_one_stays() {
    let (_dir, mut app) = clerk_at_menu();
    type_text(&mut app, "3");
    for pin in ["2468", "1234", "1234"] {
        type_text(&mut app, pin);
        press(&mut app, KeyCode::Enter);
    }
    assert!(message(&app).contains("dễ đoán"), "{}", message(&app));
    assert_eq!(app.title(), "ĐỔI MÃ PIN");
    assert!(app.service_mut().sign_in("lan", "1234").is_err());
    assert!(app.service_mut().sign_in("lan", "2468").is_ok());
    // The current PIN stays typed: only the new one is typed again.
    for pin in ["13", "13"] {
        type_text(&mut app, pin);
        press(&mut app, KeyCode::Enter);
    }
    assert!(
        message(&app).contains("4 đến 12 chữ số"),
        "{}",
        message(&app)
    );
    for pin in ["1357", "1357"] {
        type_text(&mut app, pin);
        press(&mut app, KeyCode::Enter);
    }
    assert!(
        app.service_mut().sign_in("lan", "1357").is_ok(),
        "{}",
        message(&app)
    );
}

#[test]
fn a_pin_change_needs_the_current_pin() {
    let (_dir, mut app) = clerk_at_menu();
    type_text(&mut app, "3");
    for pin in ["1111", "1357", "1357"] {
        type_text(&mut app, pin);
        press(&mut app, KeyCode::Enter);
    }
    assert!(
        message(&app).starts_with("Sai mã PIN. Gõ lại mã PIN của bạn"),
        "{}",
        message(&app)
    );
    assert_eq!(app.title(), "ĐỔI MÃ PIN");
    // The old PIN still signs in.
    type_text(&mut app, "4");
    assert_eq!(
        app.service_mut()
            .sign_in("lan", "2468")
            .map(|s| s.user.name)
            .ok()
            .as_deref(),
        Some("lan")
    );
}

#[test]
fn ctrl_l_asks_for_one_full_repaint() {
    let (_dir, mut app) = office();
    assert!(!app.take_repaint());
    app.handle_key(ctrl('l'));
    assert!(app.take_repaint());
    assert!(!app.take_repaint());
}

#[test]
fn keys_do_nothing_while_the_window_is_too_small() {
    let (_dir, mut app) = office();
    app.handle_event(&Event::Resize(70, 20));
    type_text(&mut app, "lan");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay(), None);
    app.handle_event(&Event::Resize(80, 24));
    assert!(screen(&mut app, 80, 24).contains("Tên đăng nhập : [ "));
}

#[test]
fn only_key_presses_count_and_esc_q_arriving_together_is_two_keys() {
    let (_dir, mut app) = clerk_at_menu();
    let mut release = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    app.handle_event(&Event::Key(release));
    assert_eq!(app.title(), "CHỨC NĂNG");
    type_text(&mut app, "3");
    assert_eq!(app.title(), "ĐỔI MÃ PIN");
    // On a slow link Esc and 3 can arrive in one packet, read as Alt-3.
    app.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('3'),
        KeyModifiers::ALT,
    )));
    assert_eq!(
        app.title(),
        "ĐỔI MÃ PIN",
        "Esc went back, then 3 opened it again"
    );
    assert_eq!(app.depth(), 3);
}

/// A screen that asks for approval on `a` and keeps what came back, as the
/// pay flow will.
struct NeedsApproval {
    outcomes: Rc<RefCell<Vec<Outcome>>>,
}

impl Screen for NeedsApproval {
    type Msg = ();

    fn title(&self, _lang: chitra::i18n::Lang) -> String {
        "Chi trả".into()
    }

    fn on_key(&self, key: &KeyEvent, _keys: &KeyList) -> Option<()> {
        (key.code == KeyCode::Char('a')).then_some(())
    }

    fn update(&mut self, _msg: (), ctx: &mut Ctx) -> Nav {
        Nav::push(Approve::new(
            ctx.lang(),
            "Chi ngoài thời gian chi trả (ngày 2–25).",
        ))
    }

    fn draw(&self, _frame: &mut Frame, _area: Rect, _view: &View) {}

    fn keys(&self, _keys: &KeyList, _lang: chitra::i18n::Lang) -> Vec<KeyHelp> {
        Vec::new()
    }

    fn on_result(&mut self, outcome: Outcome, _ctx: &mut Ctx) -> Nav {
        self.outcomes.borrow_mut().push(outcome);
        Nav::Stay
    }
}

fn asking(app: &mut App) -> Rc<RefCell<Vec<Outcome>>> {
    let outcomes = Rc::new(RefCell::new(Vec::new()));
    app.open(NeedsApproval {
        outcomes: Rc::clone(&outcomes),
    });
    type_text(app, "a");
    assert_eq!(app.title(), "CẦN TRƯỞNG BƯU CỤC DUYỆT");
    outcomes
}

#[test]
fn a_supervisor_approves_on_the_spot_and_the_asking_screen_learns_who() {
    let (_dir, mut app) = signed_in_clerk();
    let outcomes = asking(&mut app);
    sign_in(&mut app, "truong", "3917");
    assert_eq!(app.title(), "Chi trả");
    let got = outcomes.borrow();
    assert!(
        matches!(&got[..], [Outcome::Approved(a)] if a.supervisor().name == "truong"),
        "{got:?}"
    );
    assert_eq!(message(&app), "Đã được Trần Văn Trưởng duyệt.");
    assert_eq!(
        app.session().map(|s| s.user.name.as_str()),
        Some("lan"),
        "still the clerk's session"
    );
}

#[test]
fn a_clerk_cannot_approve_and_the_popup_stays_open() {
    let (_dir, mut app) = signed_in_clerk();
    let outcomes = asking(&mut app);
    sign_in(&mut app, "minh", "9753");
    assert!(
        message(&app).contains("không phải trưởng bưu cục"),
        "{}",
        message(&app)
    );
    assert_eq!(app.title(), "CẦN TRƯỞNG BƯU CỤC DUYỆT");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("Sai"), "{}", message(&app));
    assert!(outcomes.borrow().is_empty());
}

#[test]
fn esc_closes_the_approval_popup_as_cancelled() {
    let (_dir, mut app) = signed_in_clerk();
    let outcomes = asking(&mut app);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "Chi trả");
    assert_eq!(*outcomes.borrow(), [Outcome::Cancelled]);
}
