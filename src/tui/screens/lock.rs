//! The screen lock. When the keyboard of a signed-in screen has rested for
//! `interface.lock_after_minutes` (5 by default), the app puts this screen
//! over everything ([`crate::tui::App::tick`]): the person's file, the
//! amounts and the message line are hidden, and only the same user's PIN
//! opens it again, so a counter left signed in cannot pay under its
//! clerk's name. Wrong PINs count towards the account's lock like at
//! sign-in; the fifth signs the user out.
//!
//! A payment not yet recorded does not wait under the lock: its screens
//! close first ([`super::OnLock::Drop`]), since the person standing at the
//! counter after the lock may not be the one who stood there before, and
//! the receiver is checked again; the lock says it was dropped. A payment
//! that reached its done screen closes too, without that warning
//! ([`super::OnLock::Close`]). Other screens (a registration being typed,
//! the day report) wait as they were. Opened, the screen below hears
//! [`Outcome::Unlocked`] and reads its data again.
//!
//! F10 signs the user out instead, for another clerk to sign in.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::credentials::{confirm_own_pin, pin_field};
use super::sign_in::{SignIn, sign_out};
use super::{Nav, OnLock, Outcome, Screen};
use crate::i18n::Lang;
use crate::i18n::strings;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::widgets::form::{Form, FormMsg};
use crate::tui::widgets::panel::Panel;

/// The screen lock.
pub struct Lock {
    form: Form,
    /// "HH:MM", when it locked.
    at: String,
    minutes: u32,
    /// A payment being made was dropped when it locked.
    dropped: bool,
}

/// What a key does on the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockMsg {
    Form(FormMsg),
    /// Empty the PIN typed (Esc: the lock never goes back by itself).
    Clear,
    SignOut,
}

impl Lock {
    pub fn new(lang: Lang, at: String, minutes: u32, dropped: bool) -> Lock {
        Lock {
            form: Form::new(vec![pin_field(lang.strings().label_pin)]),
            at,
            minutes,
            dropped,
        }
    }

    fn unlock(&mut self, ctx: &mut Ctx) -> Nav {
        if self.form.value(0).is_empty() {
            ctx.info(ctx.lang().strings().need_pin);
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::reset(SignIn::new(ctx.lang()));
        };
        let pin = self.form.take(0);
        match confirm_own_pin(ctx, &session, &pin) {
            Ok(()) => {
                ctx.info(strings::unlocked(ctx.lang(), self.dropped));
                Nav::Back(Outcome::Unlocked)
            }
            Err(nav) => nav,
        }
    }
}

impl Screen for Lock {
    type Msg = LockMsg;

    fn title(&self, lang: Lang) -> String {
        strings::lock_title(lang).to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<LockMsg> {
        if key_match(key, &keys.sign_out, false) {
            Some(LockMsg::SignOut)
        } else if key_match(key, &keys.back, false) {
            Some(LockMsg::Clear)
        } else {
            self.form.on_key(key, keys).map(LockMsg::Form)
        }
    }

    fn update(&mut self, msg: LockMsg, ctx: &mut Ctx) -> Nav {
        match msg {
            LockMsg::Form(FormMsg::Submit) => self.unlock(ctx),
            LockMsg::Form(other) => {
                self.form.update(other);
                Nav::Stay
            }
            LockMsg::Clear => {
                self.form.take(0);
                Nav::Stay
            }
            LockMsg::SignOut => sign_out(ctx),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let name = view
            .session
            .map(|s| crate::text::for_display(&s.user.full_name).into_owned())
            .unwrap_or_default();
        let lines = strings::lock_lines(view.lang, &name, &self.at, self.minutes, self.dropped);
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let panel = Panel {
            title: strings::lock_title(view.lang),
            lines: &lines,
            width: 70,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let [unlock, sign_out, clear] = strings::lock_keys(lang);
        vec![
            KeyHelp::new(&keys.enter, unlock.0).short(unlock.1),
            KeyHelp::new(&keys.sign_out, sign_out.0).short(sign_out.1),
            KeyHelp::new(&keys.back, clear.0).short(clear.1),
        ]
    }

    /// The PIN is digits: `?` still opens help and `q` still asks to quit.
    fn typing(&self) -> bool {
        true
    }

    fn takes_char(&self, c: char) -> bool {
        c.is_ascii_digit()
    }

    fn on_lock(&self) -> OnLock {
        OnLock::IsLock
    }
}
