//! The sign-in screen: user name and PIN (masked), Enter signs in through
//! `Service::sign_in`.
//!
//! A wrong PIN shows the service's message (which says how many attempts
//! remain, and that the account is locked after the fifth) and empties the
//! PIN field; the user name stays. Signing in replaces this screen with the
//! counter ([`super::counter::Counter`]), where clerks spend the day; the
//! main menu is one key away from there.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::Nav;
use super::counter::Counter;
use super::credentials::{self, PIN};
use crate::i18n::strings::{self, welcome};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::screens::form_screen::FormScreen;
use crate::tui::widgets::form::{self, Form};
use crate::tui::widgets::panel::Panel;

/// The sign-in screen.
pub struct SignIn {
    form: Form,
}

/// A line shown under the sign-in hint for the whole run (the demo office
/// shows its users and PINs there).
static NOTE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Sets the sign-in screen's extra line, once, before the screens start.
pub fn set_note(note: String) {
    let _ = NOTE.set(note);
}

/// Signs the user out (the menu's entry, the lock's key) and goes back to
/// the sign-in screen. The audit row is a record, not a gate: signing out
/// happens even if it cannot be written.
pub fn sign_out(ctx: &mut Ctx) -> Nav {
    if let Some(session) = ctx.session.take() {
        let _ = ctx.service.sign_out(&session);
    }
    ctx.info(ctx.lang().strings().signed_out);
    Nav::reset(SignIn::new(ctx.lang()))
}

impl SignIn {
    pub fn new(lang: Lang) -> SignIn {
        SignIn {
            form: credentials::form(lang, lang.strings().label_user),
        }
    }
}

impl FormScreen for SignIn {
    fn title(&self, lang: Lang) -> String {
        lang.strings().sign_in_title.to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let Some(name) = credentials::typed_name(&mut self.form, ctx) else {
            return Nav::Stay;
        };
        let pin = self.form.take(PIN);
        match ctx.service.sign_in(&name, &pin) {
            Ok(session) => {
                let text = welcome(ctx.lang(), &session.user.full_name);
                // An earlier day left open comes first; else the drawer's state.
                match ctx
                    .service
                    .open_days()
                    .map(|d| strings::open_days_notice(ctx.lang(), &d))
                {
                    Ok(Some(notice)) => ctx.error(&format!("{text} {notice}")),
                    _ => match ctx.service.drawer_state(&session) {
                        Ok((opened, count)) => ctx.info(format!(
                            "{text} {}",
                            strings::drawer_state_line(ctx.lang(), opened, count.is_some())
                        )),
                        Err(_) => ctx.info(text),
                    },
                }
                *ctx.session = Some(session);
                Nav::reset(Counter::signed_in(ctx))
            }
            Err(e) => {
                ctx.error(&e);
                self.form.focus(PIN);
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let note = NOTE.get().map(|n| crate::text::for_display(n));
        let lines: Vec<&str> = [s.tagline, s.sign_in_hint]
            .into_iter()
            .chain(note.as_deref())
            .collect();
        let panel = Panel {
            title: s.sign_in_title,
            lines: &lines,
            width: 60,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        form::help_submit(keys, s, s.short_sign_in)
    }
}
