//! Handing cash to a drawer, or taking it back: a popup over the drawers
//! screen ([`super::drawers`]) with the amount (typed as on paper,
//! "20.000.000"), an optional note, and the PIN of the person whose drawer
//! it is, typed by them on the spot — both people are recorded. A
//! supervisor handling their own drawer is already signed in: no PIN field.
//!
//! `Service::drawer_move` checks everything again (a float given once, no
//! more cash into a counted drawer, no taking back more than the drawer
//! should hold, whole notes); a refusal stays on the popup with the
//! service's words. Done, the popup closes and the drawers are read again.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::credentials::pin_field;
use super::form_screen::FormScreen;
use super::{Nav, Outcome};
use crate::domain::report::MoveKind;
use crate::domain::user::User;
use crate::domain::{Money, in_words, parse_amount};
use crate::i18n::strings;
use crate::service::{AuthError, Error};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{self, Field, Form};
use crate::tui::widgets::input::Input;
use crate::tui::widgets::panel::Panel;

const AMOUNT: usize = 0;
const NOTE: usize = 1;
const PIN: usize = 2;

/// The movement popup.
pub struct DrawerMove {
    user: User,
    kind: MoveKind,
    /// What the drawer should hold now, if it is open (for taking back).
    expected: Option<Money>,
    /// The signed-in supervisor's own drawer: no PIN asked.
    own: bool,
    form: Form,
}

/// The popup's title for a kind of movement.
pub fn kind_title(lang: Lang, kind: MoveKind) -> &'static str {
    let s = lang.strings();
    match kind {
        MoveKind::Float => s.move_float_title,
        MoveKind::Issue => s.move_issue_title,
        MoveKind::Return => s.move_return_title,
    }
}

impl DrawerMove {
    /// Cash of `kind` between the signed-in supervisor and `user`'s drawer;
    /// `own` when `user` is that supervisor.
    pub fn new(
        lang: Lang,
        user: User,
        kind: MoveKind,
        expected: Option<Money>,
        own: bool,
    ) -> DrawerMove {
        DrawerMove {
            user,
            kind,
            expected,
            own,
            form: Self::form(lang, kind, !own),
        }
    }

    fn form(lang: Lang, kind: MoveKind, with_pin: bool) -> Form {
        let s = lang.strings();
        let mut fields = vec![
            Field::new(s.label_amount, Input::new().max_chars(20)).width(20),
            Field::new(s.label_note, Input::new().max_chars(100)).width(40),
        ];
        if with_pin {
            // The drawer's owner types it: they receive the cash, or, when
            // it is taken back, they hand it over.
            fields.push(pin_field(match kind {
                MoveKind::Return => s.label_giver_pin,
                MoveKind::Float | MoveKind::Issue => s.label_receiver_pin,
            }));
        }
        Form::new(fields)
    }
}

impl FormScreen for DrawerMove {
    fn title(&self, lang: Lang) -> String {
        kind_title(lang, self.kind).to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let s = ctx.lang().strings();
        let amount = match parse_amount(self.form.value(AMOUNT)) {
            Ok(Some(m)) => m,
            Ok(None) => {
                self.form.focus(AMOUNT);
                ctx.info(s.need_amount);
                return Nav::Stay;
            }
            Err(e) => {
                self.form.focus(AMOUNT);
                ctx.error(&e);
                return Nav::Stay;
            }
        };
        let with_pin = !self.own;
        if with_pin && self.form.value(PIN).is_empty() {
            self.form.focus(PIN);
            ctx.info(strings::move_need_pin(
                ctx.lang(),
                &for_display(&self.user.full_name),
            ));
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let pin = if with_pin {
            self.form.take(PIN)
        } else {
            String::new()
        };
        let note = self.form.value(NOTE).to_string();
        match ctx
            .service
            .drawer_move(&session, &self.user.name, &pin, self.kind, amount, &note)
        {
            Ok(()) => {
                let done = strings::moved(
                    ctx.lang(),
                    self.kind,
                    &amount.to_string(),
                    &for_display(&self.user.full_name),
                );
                // A float opens a new day: an earlier one left open is said now.
                let notice = (self.kind == MoveKind::Float)
                    .then(|| ctx.service.open_days().ok())
                    .flatten()
                    .and_then(|d| strings::open_days_notice(ctx.lang(), &d));
                match notice {
                    Some(n) => ctx.error(&format!("{done} {n}")),
                    None => ctx.info(done),
                }
                Nav::Back(Outcome::Done)
            }
            Err(e) => {
                match e {
                    Error::Auth(AuthError::WrongPin) if with_pin => ctx.error(
                        &strings::move_wrong_pin(ctx.lang(), &for_display(&self.user.full_name)),
                    ),
                    _ => ctx.error(&e),
                }
                let pin_problem = matches!(e, Error::Auth(_))
                    && !matches!(e, Error::Auth(AuthError::Locked { .. }));
                self.form.focus(match e {
                    _ if pin_problem && with_pin => PIN,
                    Error::BadText { .. } => NOTE,
                    _ => AMOUNT,
                });
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let whose = format!(
            "{} {} ({})",
            s.move_drawer_of,
            for_display(&self.user.full_name),
            for_display(&self.user.name)
        );
        let expected = self
            .expected
            .map(|m| format!("{} {m}", s.expected_label))
            .unwrap_or_default();
        let words = match parse_amount(self.form.value(AMOUNT)) {
            Ok(Some(m)) if m > Money::ZERO => format!("{} {}", s.in_words, in_words(m.dong())),
            _ => format!("{} —", s.in_words),
        };
        let hint = match (self.own, self.kind) {
            (true, _) => s.move_own_hint,
            (false, MoveKind::Return) => s.move_return_pin_hint,
            (false, _) => s.move_pin_hint,
        };
        let mut lines: Vec<&str> = vec![&whose];
        if self.kind == MoveKind::Return && !expected.is_empty() {
            lines.push(&expected);
        }
        lines.push(&words);
        lines.push(hint);
        let panel = Panel {
            title: kind_title(view.lang, self.kind),
            lines: &lines,
            width: 72,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        form::help_submit(keys, s, s.short_confirm)
    }

    fn is_popup(&self) -> bool {
        true
    }
}
