//! Closing the day: a popup over the day report where the supervisor
//! types their PIN (masked), then `Service::close_day` checks everything
//! again (every opened drawer counted, every difference explained, earlier
//! days closed), stores the totals, seals the audit chain's head and writes
//! the dated backup.
//!
//! A wrong PIN keeps the popup open and counts towards the lock like any
//! PIN (a lock signs the supervisor out). Any other refusal closes the
//! popup with the service's words, and the report reads itself again. Done,
//! it hands [`Outcome::DayClosed`] (with the backup's path or problem) to
//! the report.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::credentials::pin_field;
use super::form_screen::FormScreen;
use super::sign_in::SignIn;
use super::{Nav, Outcome};
use crate::i18n::{labels, strings};
use crate::service::{AuthError, Error};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{self, Form};
use crate::tui::widgets::panel::Panel;

/// The close popup.
pub struct ClosePin {
    /// "YYYY-MM-DD".
    day: String,
    form: Form,
}

impl ClosePin {
    pub fn new(lang: Lang, day: &str) -> ClosePin {
        let s = lang.strings();
        ClosePin {
            day: day.to_string(),
            form: Form::new(vec![pin_field(s.label_pin)]),
        }
    }
}

impl FormScreen for ClosePin {
    fn title(&self, lang: Lang) -> String {
        lang.strings().close_title.to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let s = ctx.lang().strings();
        if self.form.value(0).is_empty() {
            ctx.info(s.need_pin);
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let pin = self.form.take(0);
        match ctx.service.close_day(&session, &pin, &self.day, false) {
            Ok(closed) => {
                ctx.info(strings::day_closed(ctx.lang(), &labels::date(&self.day)));
                Nav::Back(Outcome::DayClosed {
                    backup: Ok(closed.backup),
                })
            }
            Err(e @ Error::Auth(AuthError::Locked { .. })) => {
                ctx.error(&e);
                *ctx.session = None;
                Nav::reset(SignIn::new(ctx.lang()))
            }
            Err(e @ Error::Auth(_)) => {
                ctx.error(&e);
                Nav::Stay
            }
            Err(e) => {
                ctx.error(&e);
                Nav::Back(Outcome::Refresh)
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let what = strings::close_what(view.lang, &labels::date(&self.day));
        let panel = Panel {
            title: s.close_title,
            lines: &[&what, s.close_hint],
            width: 66,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let mut items = form::help(keys, s);
        items[0] = KeyHelp::new(&keys.enter, s.key_close_confirm).short(s.short_close_day);
        items
    }

    fn is_popup(&self) -> bool {
        true
    }
}
