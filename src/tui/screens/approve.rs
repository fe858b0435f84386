//! On-the-spot supervisor approval: a popup where a supervisor types their
//! own user name and PIN, checked by `Service::approval` (audited, counted
//! towards the lock like any PIN).
//!
//! A screen that needs approval (paying outside the payment window, a void)
//! opens it with `Nav::push(Approve::new(reason))` and receives
//! `Outcome::Approved(approval)` in its `on_result` — the token the service
//! wants with the request — or `Outcome::Cancelled` if the clerk pressed Esc. A refusal (not a supervisor, wrong PIN,
//! approving oneself) keeps the popup open with the reason on the message
//! line.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::credentials::{self, NAME, PIN};
use super::form_screen::FormScreen;
use super::{Nav, Outcome};
use crate::i18n::strings::approved_by;
use crate::service::{AuthError, Error};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{self, Form};
use crate::tui::widgets::panel::Panel;

/// The approval popup.
pub struct Approve {
    reason: String,
    form: Form,
    /// The approver must be another person than the one asking, even a
    /// supervisor (voids).
    by_another: bool,
}

impl Approve {
    /// Asks a supervisor to approve; `reason` says what for, in a sentence
    /// ("Chi ngoài thời gian chi trả (ngày 2–25).").
    pub fn new(lang: Lang, reason: impl Into<String>) -> Approve {
        Approve {
            reason: reason.into(),
            form: credentials::form(lang, lang.strings().label_supervisor),
            by_another: false,
        }
    }

    /// Only another person may approve (a void): a supervisor asking is
    /// refused before their PIN is checked.
    pub fn by_another(mut self) -> Approve {
        self.by_another = true;
        self
    }
}

impl FormScreen for Approve {
    fn title(&self, lang: Lang) -> String {
        lang.strings().approve_title.to_string()
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
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let pin = self.form.take(PIN);
        let approval = if self.by_another {
            ctx.service.approval_by_another(&session, &name, &pin)
        } else {
            ctx.service.approval(&session, &name, &pin)
        };
        match approval {
            Ok(approval) => {
                ctx.info(approved_by(ctx.lang(), &approval.supervisor().full_name));
                Nav::Back(Outcome::Approved(approval))
            }
            Err(e) => {
                ctx.error(&e);
                let wrong_person = matches!(
                    e,
                    Error::Auth(AuthError::NotSupervisor { .. } | AuthError::SelfApproval)
                );
                self.form.focus(if wrong_person { NAME } else { PIN });
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let panel = Panel {
            title: s.approve_title,
            lines: &[&self.reason, s.approve_hint],
            width: 64,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        form::help_submit(keys, s, s.short_approve)
    }

    fn is_popup(&self) -> bool {
        true
    }
}
