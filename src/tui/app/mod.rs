//! The application state and its update: a stack of screens, who is signed
//! in, the message line, and the app's own popups (help, quit question).
//!
//! [`App`] is driven by events and draws a frame; it never touches the
//! terminal itself, so tests drive it with keys and draw it on ratatui's
//! `TestBackend` (see [`crate::tui::testing`]). The real terminal loop is
//! [`crate::tui::run`].
//!
//! A key becomes an [`Action`] ([`App::action_for`], which changes
//! nothing), then [`App::update`] applies it. Order in which a key is
//! understood:
//! 1. Ctrl-L (repaint) always; nothing else while the window is too small;
//! 2. an open help popup scrolls with the arrows and PgUp/PgDn, jumps to the
//!    screen's keys with the help key and closes on any other key; the quit
//!    question takes the two letters it names in the interface's language
//!    ("(c/k)": c quits, k stays) and Esc (stays); any other letter closes
//!    it and then does what it does without it (a fast typist's letters
//!    reach the search box, nothing is lost — "n" of "nguyen" too); Enter
//!    and every other key only close it, so none acts on the screen below;
//! 3. help (F1, Ctrl-T, or `?` when not typing — or when the field being
//!    typed in never takes `?`, like the counter's search) and quit (Ctrl-C,
//!    or `q` when not typing), which always asks;
//! 4. the top screen's own keys;
//! 5. Esc, if the screen did not use it: back one screen, or on the first
//!    screen the quit question.

mod lock;

use std::time::Instant;

use crate::i18n::Lang;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::service::{Service, Session};
use crate::text::for_display;
use crate::tui::context::{Ctx, Message, View};
use crate::tui::event::split_alt;
use crate::tui::frame::{self, Areas};
use crate::tui::keys::{Binding, Fit, Key, KeyHelp, KeyList, key_match};
use crate::tui::popups;
use crate::tui::screens::sign_in::SignIn;
use crate::tui::screens::{AnyScreen, Nav, Outcome, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::doc::{Scroll, ScrollMsg};

/// What a key means to the app (see [`App::action_for`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Repaint the whole terminal (Ctrl-L).
    Repaint,
    ShowHelp,
    CloseHelp,
    /// Move in the open help.
    ScrollHelp(ScrollMsg),
    /// Show the screen's keys in the open help.
    HelpKeys,
    /// Ask "Thoát chitra? (c/k)".
    AskQuit,
    /// The answer to the quit question was yes.
    Quit,
    /// The answer to the quit question was no.
    StayOpen,
    /// A key the quit question does not take: the question closes, then
    /// the key does what it does without it.
    DismissQuit(KeyEvent),
    /// The key is for the screen on top; if it does not use Esc, Esc goes
    /// back one screen (or, on the first screen, asks to quit).
    Screen(KeyEvent),
}

/// A popup of the app itself, over whatever screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
}

/// chitra's screens and what they share.
pub struct App {
    service: Service,
    session: Option<Session>,
    /// Never empty: the last screen is the one on top.
    stack: Vec<Box<dyn AnyScreen>>,
    overlay: Option<Overlay>,
    /// The first line of the help shown.
    help_top: usize,
    message: Option<Message>,
    keys: KeyList,
    theme: Theme,
    size: (u16, u16),
    quit: bool,
    repaint: bool,
    /// When the last key came (the screen lock counts from it: [`lock`]).
    last_key: Instant,
}

impl App {
    /// The app at the sign-in screen, assuming an 80×24 window until told.
    pub fn new(service: Service, theme: Theme) -> App {
        let lang = service.config().interface.language;
        App {
            session: None,
            stack: vec![Box::new(SignIn::new(lang))],
            overlay: None,
            help_top: 0,
            message: None,
            keys: KeyList::default(),
            theme,
            size: (frame::MIN_WIDTH, frame::MIN_HEIGHT),
            quit: false,
            repaint: false,
            last_key: Instant::now(),
            service,
        }
    }

    /// Opens `screen` on top of the current one (tests, and screens of
    /// other modules that are not reached from a menu yet).
    pub fn open<S: Screen + 'static>(&mut self, screen: S) {
        self.navigate(Nav::push(screen), false);
    }

    pub fn service(&self) -> &Service {
        &self.service
    }

    pub fn service_mut(&mut self) -> &mut Service {
        &mut self.service
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// The title of the screen on top.
    pub fn title(&self) -> String {
        self.top().title(self.lang())
    }

    /// The interface language, from the configuration.
    pub fn lang(&self) -> Lang {
        self.service.config().interface.language
    }

    /// How many screens are open.
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// True once the clerk confirmed quitting.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// True (once) after Ctrl-L: the terminal should be repainted in full.
    pub fn take_repaint(&mut self) -> bool {
        std::mem::take(&mut self.repaint)
    }

    /// Puts the outcome of prints that ended after their screen was left
    /// on the message line: a problem always, a success when there is
    /// something to say.
    pub fn take_print_outcomes(&mut self) {
        for outcome in self.service.prints().take_ended() {
            match outcome {
                Ok(Some(text)) => self.message = Some(Message::Info(text)),
                Ok(None) => {}
                Err(problem) => self.message = Some(Message::Error(problem)),
            }
        }
    }

    /// Waits for every print to end, then shows the outcomes (tests).
    pub fn wait_for_prints(&mut self) {
        self.service.prints().wait_all();
        self.take_print_outcomes();
    }

    /// The window is now `width`×`height`.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
    }

    fn top(&self) -> &dyn AnyScreen {
        self.stack
            .last()
            .expect("the screen stack is never empty")
            .as_ref()
    }

    /// Handles one terminal event (keys and resizes; others are ignored).
    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) => {
                for key in split_alt(*key) {
                    self.handle_key(key);
                }
            }
            Event::Resize(w, h) => self.resize(*w, *h),
            _ => {}
        }
    }

    /// Handles one key press (releases and repeats are ignored).
    pub fn handle_key(&mut self, key: KeyEvent) {
        self.last_key = Instant::now();
        if let Some(action) = self.action_for(&key) {
            self.update(action);
        }
    }

    /// What `key` means now, without changing anything.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        if key.kind != KeyEventKind::Press || self.quit {
            return None;
        }
        let keys = &self.keys;
        if key_match(key, &keys.repaint, false) {
            return Some(Action::Repaint);
        }
        if frame::too_small(self.size.0, self.size.1) {
            return None;
        }
        match self.overlay {
            Some(Overlay::Help) => {
                return Some(if key_match(key, &keys.help, false) {
                    Action::HelpKeys
                } else if let Some(m) = Scroll::on_key(key, keys) {
                    Action::ScrollHelp(m)
                } else {
                    Action::CloseHelp
                });
            }
            Some(Overlay::ConfirmQuit) => {
                let (yes, no) = self.quit_answers();
                return if key_match(key, &yes, false) {
                    Some(Action::Quit)
                } else if key_match(key, &no, false) || key_match(key, &keys.back, false) {
                    Some(Action::StayOpen)
                } else if matches!(key.code, KeyCode::Char(_))
                    && !key.modifiers.contains(KeyModifiers::CONTROL)
                {
                    Some(Action::DismissQuit(*key))
                } else {
                    // Enter, a function key, an arrow: the question is
                    // closed and the key goes no further, so the Enter that
                    // answers "stay" never records the payment underneath.
                    Some(Action::StayOpen)
                };
            }
            None => {}
        }
        let typing = self.typing_for(key);
        if key_match(key, &keys.help, typing) {
            Some(Action::ShowHelp)
        } else if key_match(key, &keys.quit, typing) {
            Some(Action::AskQuit)
        } else {
            Some(Action::Screen(*key))
        }
    }

    /// Whether `key` is text for the field the clerk is typing in: true for
    /// every key while typing, except a character the field never takes.
    fn typing_for(&self, key: &KeyEvent) -> bool {
        let top = self.top();
        top.typing()
            && match key.code {
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    top.takes_char(c)
                }
                _ => true,
            }
    }

    /// Applies an action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Repaint => self.repaint = true,
            Action::ShowHelp => {
                self.overlay = Some(Overlay::Help);
                self.help_top = 0;
            }
            Action::ScrollHelp(m) => {
                let (help, area) = self.help();
                let page = popups::help::step(area);
                let last = popups::help::last_top(&help, area);
                self.help_top = match m {
                    ScrollMsg::Up => self.help_top.saturating_sub(1),
                    ScrollMsg::Down => self.help_top + 1,
                    ScrollMsg::PageUp => self.help_top.saturating_sub(page),
                    ScrollMsg::PageDown => self.help_top + page,
                    ScrollMsg::Top => 0,
                    ScrollMsg::Bottom => last,
                }
                .min(last);
            }
            Action::HelpKeys => {
                let (help, area) = self.help();
                self.help_top = help.keys_at.min(popups::help::last_top(&help, area));
            }
            Action::CloseHelp | Action::StayOpen => self.overlay = None,
            Action::DismissQuit(key) => {
                self.overlay = None;
                self.handle_key(key);
            }
            Action::AskQuit => self.overlay = Some(Overlay::ConfirmQuit),
            Action::Quit => {
                self.overlay = None;
                self.quit = true;
            }
            Action::Screen(key) => self.screen_key(&key),
        }
    }

    /// True when the screen on top has something to do once the clerk
    /// stops typing (and no help or question is over it).
    pub fn waits_for_pause(&self) -> bool {
        !self.quit && self.overlay.is_none() && self.top().waits_for_pause()
    }

    /// The clerk has stopped typing: the screen on top does what it waited
    /// for.
    pub fn pause(&mut self) {
        if !self.waits_for_pause() {
            return;
        }
        let (nav, message_set) = self.on_top(|top, ctx| top.on_pause(ctx));
        self.navigate(nav, message_set);
    }

    /// Runs `f` on the screen on top, with its context; returns what `f`
    /// gave and whether it set the message line.
    fn on_top<R>(&mut self, f: impl FnOnce(&mut dyn AnyScreen, &mut Ctx<'_>) -> R) -> (R, bool) {
        let top = self
            .stack
            .last_mut()
            .expect("the screen stack is never empty");
        let mut ctx = Ctx::new(
            &mut self.service,
            &mut self.session,
            &self.keys,
            &mut self.message,
        );
        let out = f(top.as_mut(), &mut ctx);
        (out, ctx.message_was_set())
    }

    /// Gives `key` to the screen on top; if it declines Esc, goes back.
    fn screen_key(&mut self, key: &KeyEvent) {
        let typing = self.top().typing();
        let (nav, message_set) = self.on_top(|top, ctx| top.handle_key(key, ctx));
        match nav {
            Some(nav) => self.navigate(nav, message_set),
            None if key_match(key, &self.keys.back, typing) => {
                self.navigate(Nav::Back(Outcome::Cancelled), false)
            }
            None => {}
        }
    }

    /// Moves between screens. The message line is cleared when the screen
    /// changes, unless the update that moved set it.
    fn navigate(&mut self, mut nav: Nav, mut message_set: bool) {
        loop {
            match nav {
                Nav::Stay => return,
                Nav::AskQuit => {
                    self.overlay = Some(Overlay::ConfirmQuit);
                    return;
                }
                Nav::Push(screen) => {
                    self.stack.push(screen);
                    break;
                }
                Nav::Reset(screen) => {
                    self.stack.clear();
                    self.stack.push(screen);
                    break;
                }
                Nav::Back(outcome) => {
                    if self.stack.len() <= 1 {
                        self.overlay = Some(Overlay::ConfirmQuit);
                        return;
                    }
                    self.stack.pop();
                    let (next, set) = self.on_top(|below, ctx| below.on_result(outcome, ctx));
                    nav = next;
                    message_set |= set;
                    if matches!(nav, Nav::Stay) {
                        break;
                    }
                }
            }
        }
        if !message_set {
            self.message = None;
        }
    }

    /// The keys shown in help and in the key line: the screen's, then those
    /// every screen shares.
    fn key_help(&self) -> Vec<KeyHelp> {
        let lang = self.lang();
        let s = lang.strings();
        let keys = &self.keys;
        // Only the keys that work now: no `?` or `q` while typing (unless
        // the field never takes that character).
        let top = self.top();
        let typing = top.typing();
        let works = |k: &Key| match k.code {
            KeyCode::Char(c) if !k.ctrl => !top.takes_char(c),
            _ => true,
        };
        let now = |b: &Binding| {
            if typing {
                Binding(b.0.iter().copied().filter(works).collect())
            } else {
                b.clone()
            }
        };
        let mut items = self.top().keys(keys, lang);
        // A screen that gives Esc its own meaning lists it itself.
        let back = keys.back.to_string();
        let own_back = items.iter().any(|i| i.keys == back);
        for item in items.iter_mut().filter(|i| i.keys == back) {
            item.fit = Fit::Always;
        }
        items.push(
            KeyHelp::new(&now(&keys.help), s.key_help)
                .short(s.short_help)
                .always(),
        );
        if !own_back {
            let what = if self.stack.len() > 1 {
                (s.key_back, s.short_back)
            } else {
                (s.key_quit_asks, s.short_quit)
            };
            items.push(KeyHelp::new(&keys.back, what.0).short(what.1).always());
        }
        items.push(KeyHelp::new(&now(&keys.quit), s.key_quit_asks));
        items.push(KeyHelp::new(&keys.repaint, s.key_repaint));
        items
    }

    /// The keys that answer the quit question: of the yes and no keys,
    /// those its words name ("(c/k)"), so that a letter of a name typed
    /// fast ("n" of "nguyen", "y" of "yến") never quits or is lost.
    fn quit_answers(&self) -> (Binding, Binding) {
        let question = self.lang().strings().quit_question;
        let named = |b: &Binding| {
            let only: Vec<Key> = b
                .0
                .iter()
                .copied()
                .filter(|k| match k.code {
                    KeyCode::Char(c) if !k.ctrl => {
                        question.contains(&format!("({c}/")) || question.contains(&format!("/{c})"))
                    }
                    _ => false,
                })
                .collect();
            if only.is_empty() {
                b.clone()
            } else {
                Binding(only)
            }
        };
        (named(&self.keys.yes), named(&self.keys.no))
    }

    /// The keys of the quit question, for the key line under it.
    fn quit_keys(&self) -> Vec<KeyHelp> {
        let s = self.lang().strings();
        let (yes, no) = self.quit_answers();
        let first = |b: &Binding| KeyHelp::new(b, "").first;
        let no = format!("{}/{}", first(&no), first(&self.keys.back));
        vec![
            KeyHelp::new(&yes, s.key_quit_yes).short(s.short_quit_yes),
            KeyHelp::keys(&no, s.key_quit_no).short(s.short_quit_no),
            KeyHelp::keys(s.other_keys, s.key_quit_other).short(s.short_quit_other),
        ]
    }

    /// The help of the screen on top, laid out for the window, and the area
    /// it is shown in.
    fn help(&self) -> (popups::help::HelpDoc, Rect) {
        let (w, h) = self.size;
        let message = frame::message_lines(self.message.as_ref(), w);
        let areas = Areas::of(
            Rect::new(0, 0, w, h),
            u16::try_from(message.len()).unwrap_or(1),
        );
        let title = for_display(&self.title()).into_owned();
        let help = popups::help::document(
            self.lang(),
            areas.body,
            &title,
            &self.key_help(),
            &self.theme,
        );
        (help, areas.body)
    }

    /// The first line of the help shown (tests).
    pub fn help_top(&self) -> usize {
        self.help_top
    }

    /// Draws the whole window. Reads the state only.
    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        if frame::too_small(area.width, area.height) {
            frame::draw_too_small(self.lang(), frame, &self.theme);
            return;
        }
        let message = frame::message_lines(self.message.as_ref(), area.width);
        let areas = Areas::of(area, u16::try_from(message.len()).unwrap_or(1));
        let date = self.service.today().format("%d/%m/%Y").to_string();
        let office = &self.service.config().office.name;
        frame::draw_title(
            self.lang(),
            frame,
            areas.title,
            office,
            self.session.as_ref(),
            &date,
            &self.theme,
        );

        // The top screen, and the screen under it when it is a popup.
        let base = self.stack.iter().rposition(|s| !s.is_popup()).unwrap_or(0);
        let top = self.stack.len() - 1;
        for (i, screen) in self.stack.iter().enumerate().skip(base) {
            let view = View {
                theme: &self.theme,
                keys: &self.keys,
                session: self.session.as_ref(),
                focused: i == top && self.overlay.is_none(),
                lang: self.lang(),
            };
            screen.draw(frame, areas.body, &view);
        }

        // Under the quit question, the keys that answer it.
        let items = if self.overlay == Some(Overlay::ConfirmQuit) {
            self.quit_keys()
        } else {
            self.key_help()
        };
        frame::draw_message(
            frame,
            areas.message,
            self.message.as_ref(),
            &message,
            &self.theme,
        );
        frame::draw_keys(frame, areas.keys, &items, &self.theme);
        match self.overlay {
            Some(Overlay::Help) => {
                let title = for_display(&self.title()).into_owned();
                let help =
                    popups::help::document(self.lang(), areas.body, &title, &items, &self.theme);
                popups::help::draw(
                    self.lang(),
                    frame,
                    areas.body,
                    &title,
                    &help,
                    self.help_top,
                    &self.theme,
                );
            }
            Some(Overlay::ConfirmQuit) => {
                popups::quit::draw(self.lang(), frame, areas.body, &self.theme)
            }
            None => {}
        }
    }
}
