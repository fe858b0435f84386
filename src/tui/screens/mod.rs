//! The screens, one file each, and the [`Screen`] trait they implement.
//!
//! A screen is The Elm Architecture in small:
//! 1. [`Screen::on_key`] turns a key into the screen's own message (`Msg`),
//!    given its state, without changing anything;
//! 2. [`Screen::update`] applies the message: it may call the service
//!    through [`Ctx`], set the message line, and say where to go next
//!    ([`Nav`]);
//! 3. [`Screen::draw`] draws the state inside the frame (the title bar and
//!    key line are drawn for it) and changes nothing;
//! 4. [`Screen::keys`] lists its keys for the help popup and the key line.
//!
//! The app keeps a stack of screens. Keys every screen shares (help, Esc
//! back, quit, Ctrl-L) are handled by the app after the screen declines a
//! key, so a screen only deals with its own keys.
//!
//! # Adding a screen
//! 1. Write `src/tui/screens/<name>.rs`: a struct with the screen's state,
//!    a `Msg` enum, and `impl Screen`. Put its wording in
//!    `src/i18n/strings/` (both languages).
//! 2. Add `pub mod <name>;` below.
//! 3. Open it from another screen's `update` with `Nav::push(MyScreen::new(..))`
//!    (or `Nav::reset` to make it the first screen), e.g. as an entry of the
//!    main menu (`home.rs`).
//! 4. Test it: feed keys to an [`crate::tui::App`] and snapshot it with
//!    [`crate::tui::testing`].
//!
//! A popup that returns a value (like [`approve::Approve`]) is a screen with
//! `is_popup() == true` that ends with `Nav::Back(Outcome::…)`; the screen
//! below receives the outcome in [`Screen::on_result`].
//!
//! A screen that is one form implements [`form_screen::FormScreen`]
//! instead: it says where its form is and what Enter on the last field
//! does, and the keys are handled the same way on every form.
//!
//! Two files here are not screens: [`form_screen`], that trait, and
//! [`credentials`], the user-name and PIN fields that signing in and
//! approving share, and the PIN field of every form that asks a PIN.

pub mod account_step;
pub mod approve;
pub mod audit_log;
pub mod change_pin;
pub mod close_pin;
pub mod counter;
pub mod credentials;
pub mod day_close;
pub mod drawer_count;
pub mod drawer_move;
pub mod drawers;
pub mod form_screen;
pub mod heir;
pub mod home;
pub mod lists;
pub mod lock;
pub mod month;
pub mod pay;
pub mod person;
pub mod receipt;
pub mod receipt_list;
pub mod register;
pub mod register_proxy;
pub mod round_form;
pub mod round_outcomes;
pub mod rounds;
pub mod sign_in;
pub mod status;
pub mod verify;
pub mod void;

use crate::i18n::Lang;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::service::pay::Approval;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};

/// Where to go after an update.
pub enum Nav {
    /// Stay on this screen.
    Stay,
    /// Open another screen on top of this one.
    Push(Box<dyn AnyScreen>),
    /// Close this screen; the one below receives the outcome.
    Back(Outcome),
    /// Close every screen and start again from this one (signing in or out).
    Reset(Box<dyn AnyScreen>),
    /// Ask "Thoát chitra?".
    AskQuit,
}

impl Nav {
    pub fn push<S: Screen + 'static>(screen: S) -> Nav {
        Nav::Push(Box::new(screen))
    }

    pub fn reset<S: Screen + 'static>(screen: S) -> Nav {
        Nav::Reset(Box::new(screen))
    }
}

/// What a closed screen hands to the screen below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Closed with Esc, nothing done.
    Cancelled,
    /// Closed after doing its job.
    Done,
    /// A supervisor approved on the spot (from [`approve::Approve`]); the
    /// token goes into the request that needed it.
    Approved(Approval),
    /// The person's file changed (a payment was recorded, or found already
    /// made by someone else): the screens of the pay flow pass this down to
    /// the person's screen, which reloads.
    Refresh,
    /// The clerk is done with this person: every screen down to the counter
    /// closes, and the counter starts a new search.
    NextPerson,
    /// The clerk started typing a new search on a person's screen (a letter
    /// there never acts): every screen down to the counter closes, and the
    /// counter searches for this text.
    Search(String),
    /// The user typed their PIN on the screen lock ([`lock::Lock`]): what
    /// was shown may have changed meanwhile.
    Unlocked,
    /// The day was closed (from [`close_pin::ClosePin`]), with where its
    /// backup was written or why it could not be.
    DayClosed {
        backup: Result<std::path::PathBuf, String>,
    },
}

/// One screen of chitra. See the module documentation for how to add one.
pub trait Screen {
    /// What the screen's keys mean (its own, small enum).
    type Msg;

    /// The screen's name in `lang`, as the help popup's title.
    fn title(&self, lang: Lang) -> String;

    /// What `key` means here, or `None` to let the app handle it (help, Esc,
    /// quit, …). Must not change anything.
    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Self::Msg>;

    /// Applies a message.
    fn update(&mut self, msg: Self::Msg, ctx: &mut Ctx) -> Nav;

    /// Draws the screen in `area` (between the title bar and the message
    /// line). Places the terminal cursor only when `view.focused`.
    fn draw(&self, frame: &mut Frame, area: Rect, view: &View);

    /// Every key of this screen, for help; those with a short label also go
    /// in the key line, in `lang`. The app adds the keys every screen shares.
    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp>;

    /// True while the clerk is typing in a text field: then plain letters
    /// are text, not commands (`?` and `q` type themselves).
    fn typing(&self) -> bool {
        false
    }

    /// While [`Screen::typing`]: whether the field takes `c` as text. A
    /// character the field never takes (a search field takes no `?`) stays
    /// a key, so `?` still opens help there.
    fn takes_char(&self, c: char) -> bool {
        let _ = c;
        true
    }

    /// True when the screen is a box over the screen below, which stays
    /// visible.
    fn is_popup(&self) -> bool {
        false
    }

    /// A screen this one opened has closed with `outcome`.
    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        let _ = (outcome, ctx);
        Nav::Stay
    }

    /// True when the screen has something to do once the clerk stops
    /// typing (see [`Screen::on_pause`]).
    fn waits_for_pause(&self) -> bool {
        false
    }

    /// The clerk has typed nothing for a moment ([`crate::tui::PAUSE`])
    /// while [`Screen::waits_for_pause`].
    fn on_pause(&mut self, ctx: &mut Ctx) -> Nav {
        let _ = ctx;
        Nav::Stay
    }

    /// What the screen lock ([`lock::Lock`]) does with this screen.
    fn on_lock(&self) -> OnLock {
        OnLock::Keep
    }
}

/// What becomes of a screen when the keyboard has rested long enough for
/// the screen to lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnLock {
    /// It waits under the lock, as it was.
    Keep,
    /// It closes, with every screen above it, and what it was about is not
    /// recorded: a payment or a void being made is dropped, since whoever
    /// stands at the counter after the lock must be checked again.
    Drop,
    /// It closes, with every screen above it, and nothing is lost: what it
    /// shows is recorded already (the payment's done screen).
    Close,
    /// It is the lock.
    IsLock,
}

/// A screen of any `Msg` type, as the app's stack holds it. Implemented for
/// every [`Screen`]; screens never implement it themselves.
pub trait AnyScreen {
    fn title(&self, lang: Lang) -> String;
    /// `on_key` then `update`; `None` when the screen declined the key.
    fn handle_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Option<Nav>;
    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav;
    fn draw(&self, frame: &mut Frame, area: Rect, view: &View);
    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp>;
    fn typing(&self) -> bool;
    fn takes_char(&self, c: char) -> bool;
    fn is_popup(&self) -> bool;
    fn waits_for_pause(&self) -> bool;
    fn on_pause(&mut self, ctx: &mut Ctx) -> Nav;
    fn on_lock(&self) -> OnLock;
}

impl<S: Screen> AnyScreen for S {
    fn title(&self, lang: Lang) -> String {
        Screen::title(self, lang)
    }

    fn handle_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Option<Nav> {
        let msg = self.on_key(key, ctx.keys)?;
        Some(self.update(msg, ctx))
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        Screen::on_result(self, outcome, ctx)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        Screen::draw(self, frame, area, view);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        Screen::keys(self, keys, lang)
    }

    fn typing(&self) -> bool {
        Screen::typing(self)
    }

    fn takes_char(&self, c: char) -> bool {
        Screen::takes_char(self, c)
    }

    fn is_popup(&self) -> bool {
        Screen::is_popup(self)
    }

    fn waits_for_pause(&self) -> bool {
        Screen::waits_for_pause(self)
    }

    fn on_pause(&mut self, ctx: &mut Ctx) -> Nav {
        Screen::on_pause(self, ctx)
    }

    fn on_lock(&self) -> OnLock {
        Screen::on_lock(self)
    }
}
