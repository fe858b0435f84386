//! Changing one's own PIN: the current PIN, the new PIN twice.
//!
//! The current PIN is checked first, through `Service::sign_in`, so that
//! nobody can take over a counter left signed in: a wrong current PIN counts
//! towards the lock like any wrong PIN, and if it locks the account the
//! clerk is signed out. The new PIN is checked (4–12 digits) and stored by
//! `Service::change_pin`, which audits the change.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::credentials::pin_field;
use super::form_screen::FormScreen;
use super::sign_in::SignIn;
use super::{Nav, Outcome};
use crate::service::{AuthError, Error};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{self, Form};
use crate::tui::widgets::panel::Panel;

const CURRENT: usize = 0;
const NEW: usize = 1;
const AGAIN: usize = 2;

/// The PIN change screen.
pub struct ChangePin {
    form: Form,
}

impl ChangePin {
    pub fn new(lang: Lang) -> ChangePin {
        let s = lang.strings();
        ChangePin {
            form: Form::new(vec![
                pin_field(s.label_current_pin),
                pin_field(s.label_new_pin),
                pin_field(s.label_new_pin_again),
            ]),
        }
    }

    fn clear_new(&mut self) {
        self.form.clear(NEW);
        self.form.clear(AGAIN);
        self.form.focus(NEW);
    }
}

impl FormScreen for ChangePin {
    fn title(&self, lang: Lang) -> String {
        lang.strings().change_pin_title.to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let s = ctx.lang().strings();
        if let Some(empty) = self.form.first_empty() {
            self.form.focus(empty);
            ctx.info(s.fill_all_fields);
            return Nav::Stay;
        }
        if self.form.value(NEW) != self.form.value(AGAIN) {
            self.clear_new();
            ctx.error(&s.new_pins_differ);
            return Nav::Stay;
        }
        // A new PIN the rules refuse is said before the current one is
        // checked (and cleared): the clerk types only the new one again.
        if let Err(e) = crate::domain::user::check_new_pin(self.form.value(NEW)) {
            self.clear_new();
            ctx.error(&crate::service::Error::from(e));
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::reset(SignIn::new(ctx.lang()));
        };
        let current = self.form.take(CURRENT);
        if let Err(e) = ctx.service.confirm_pin(&session, &current) {
            ctx.error(&e);
            if matches!(e, Error::Auth(AuthError::Locked { .. })) {
                *ctx.session = None;
                return Nav::reset(SignIn::new(ctx.lang()));
            }
            self.form.focus(CURRENT);
            return Nav::Stay;
        }
        let new = self.form.value(NEW).to_string();
        match ctx.service.change_pin(&session, &session.user.name, &new) {
            Ok(()) => {
                ctx.info(s.pin_changed);
                Nav::Back(Outcome::Done)
            }
            Err(e) => {
                ctx.error(&e);
                self.clear_new();
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let panel = Panel {
            title: s.change_pin_title,
            lines: &[s.change_pin_hint],
            width: 60,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        form::help_submit(keys, s, s.short_confirm)
    }
}
