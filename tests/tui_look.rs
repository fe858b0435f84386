//! Pictures of the screens, as a clerk sees them in PuTTY at 80×24 (and
//! one at 120×40), in Vietnamese. Review a changed picture with
//! `cargo insta review`.
//!
//! Also: NO_COLOR leaves no colour anywhere on the screen, and typing a
//! letter sends only a few bytes over the (slow) link.

use std::sync::Arc;

use chitra::config::Config;
use chitra::domain::user::Role;
use chitra::service::{FixedClock, Service};
use chitra::tui::context::{Ctx, View};
use chitra::tui::keys::{KeyHelp, KeyList};
use chitra::tui::screens::approve::Approve;
use chitra::tui::screens::{Nav, Screen};
use chitra::tui::testing::{ctrl, key, press, render, screen, type_text};
use chitra::tui::{App, Theme};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};
use tempfile::TempDir;

const CONFIG: &str = include_str!("../config/chitra.toml");

/// An office with a supervisor (truong, PIN 3917) and a clerk (lan, PIN
/// 2468), on 10/11/2026, at the sign-in screen.
fn office(theme: Theme) -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::parse(CONFIG, &dir.path().join("chitra.toml")).unwrap();
    let mut service = Service::init(
        Arc::new(config),
        &dir.path().join("chitra.db"),
        "truong",
        "Trần Văn Trưởng",
        "3917",
    )
    .unwrap()
    .with_clock(Arc::new(FixedClock::at("2026-11-10T09:00:00+07:00")));
    let boss = service.sign_in("truong", "3917").unwrap();
    service
        .add_user(&boss, "lan", "Nguyễn Thị Lan", Role::Clerk, "2468")
        .unwrap();
    (dir, App::new(service, theme))
}

fn signed_in_as(name: &str, pin: &str) -> (TempDir, App) {
    let (dir, mut app) = office(Theme::colored());
    type_text(&mut app, name);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, pin);
    press(&mut app, KeyCode::Enter);
    assert!(app.session().is_some());
    (dir, app)
}

#[test]
fn sign_in_empty() {
    let (_dir, mut app) = office(Theme::colored());
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn sign_in_after_a_wrong_pin() {
    let (_dir, mut app) = office(Theme::colored());
    type_text(&mut app, "lan");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn main_menu_of_a_clerk() {
    let (_dir, mut app) = signed_in_as("lan", "2468");
    app.handle_key(key(KeyCode::F(2)));
    press(&mut app, KeyCode::Down);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn main_menu_of_a_supervisor_in_a_large_window() {
    let (_dir, mut app) = signed_in_as("truong", "3917");
    app.handle_key(key(KeyCode::F(2)));
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn help_on_the_sign_in_screen() {
    let (_dir, mut app) = office(Theme::colored());
    // The guide first; F1 again shows this screen's keys.
    app.handle_key(key(KeyCode::F(1)));
    app.handle_key(key(KeyCode::F(1)));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn help_on_the_main_menu() {
    let (_dir, mut app) = signed_in_as("lan", "2468");
    app.handle_key(key(KeyCode::F(2)));
    type_text(&mut app, "?");
    type_text(&mut app, "?");
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn quit_question() {
    let (_dir, mut app) = signed_in_as("lan", "2468");
    press(&mut app, KeyCode::Esc);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn a_locked_account_message_is_shown_in_full_on_two_lines() {
    let (_dir, mut app) = office(Theme::colored());
    type_text(&mut app, "lan");
    press(&mut app, KeyCode::Enter);
    for _ in 0..5 {
        type_text(&mut app, "0000");
        press(&mut app, KeyCode::Enter);
    }
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn window_too_small() {
    let (_dir, mut app) = office(Theme::colored());
    insta::assert_snapshot!(screen(&mut app, 60, 20));
}

#[test]
fn change_pin_with_differing_new_pins() {
    let (_dir, mut app) = signed_in_as("lan", "2468");
    app.handle_key(key(KeyCode::F(2)));
    type_text(&mut app, "3");
    type_text(&mut app, "2468");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1357");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1358");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

/// A screen that only asks for approval (as the pay flow will).
struct NeedsApproval;

impl Screen for NeedsApproval {
    type Msg = ();

    fn title(&self, _lang: chitra::i18n::Lang) -> String {
        "Chi trả".into()
    }

    fn on_key(&self, key: &KeyEvent, _keys: &KeyList) -> Option<()> {
        (key.code == KeyCode::Char('a')).then_some(())
    }

    fn update(&mut self, _msg: (), _ctx: &mut Ctx) -> Nav {
        Nav::push(Approve::new(
            chitra::i18n::Lang::Vi,
            "Hôm nay là ngày 26, ngoài thời gian chi trả (ngày 2–25).",
        ))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _view: &View) {
        frame.buffer_mut().set_string(
            area.x + 2,
            area.y + 1,
            "Chi trả cho Lê Văn Tám",
            ratatui::style::Style::new(),
        );
    }

    fn keys(&self, _keys: &KeyList, _lang: chitra::i18n::Lang) -> Vec<KeyHelp> {
        Vec::new()
    }
}

#[test]
fn supervisor_approval_popup_over_a_screen() {
    let (_dir, mut app) = signed_in_as("lan", "2468");
    app.open(NeedsApproval);
    type_text(&mut app, "a");
    type_text(&mut app, "truong");
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn no_color_leaves_no_colour_on_any_screen() {
    let (_dir, mut app) = office(Theme::for_no_color(Some(std::ffi::OsStr::new("1"))));
    // An error on the message line is where colour would show first.
    type_text(&mut app, "lan");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    let states: [&dyn Fn(&mut App); 3] = [&|_| {}, &|app| app.handle_key(ctrl('t')), &|app| {
        app.handle_key(key(KeyCode::Esc));
        app.handle_key(key(KeyCode::Esc));
    }];
    for set_up in states {
        set_up(&mut app);
        let buffer = render(&mut app, 80, 24);
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "{:?}",
                cell.symbol()
            );
        }
    }

    // The same error in colour is coloured, so the check above means something.
    let (_dir, mut app) = office(Theme::colored());
    type_text(&mut app, "lan");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    let buffer = render(&mut app, 80, 24);
    assert!(buffer.content().iter().any(|c| c.fg != Color::Reset));
    assert!(
        buffer.content().iter().all(|c| c.bg == Color::Reset),
        "no background colours"
    );
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

#[test]
fn typing_a_letter_sends_a_few_bytes_not_the_screen() {
    let (_dir, mut app) = office(Theme::colored());
    app.resize(80, 24);
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
    };
    let tap = Tap::default();
    let mut terminal = Terminal::with_options(CrosstermBackend::new(tap.clone()), options).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    let first = tap.0.borrow().len();
    type_text(&mut app, "l");
    terminal.draw(|frame| app.draw(frame)).unwrap();
    let letter = tap.0.borrow().len() - first;
    assert!(first < 3_000, "first frame: {first} bytes");
    assert!(letter < 64, "one letter: {letter} bytes");
    // Nothing sent is a question to the terminal (no "ESC [ 6 n" and the like).
    let sent = String::from_utf8_lossy(&tap.0.borrow()).into_owned();
    assert!(!sent.contains("\x1b[6n") && !sent.contains("\x1b[?u") && !sent.contains("\x1b]1"));
}
