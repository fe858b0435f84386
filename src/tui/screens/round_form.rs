//! The small boxes of a home round's steps, over the rounds screens: a new
//! round (period, hamlet, postman), the cash issued (the postman's PIN),
//! a paid stop (the receiver's ID number and a note), the cash returned
//! (the amount and the postman's PIN) and the reconciliation (the reason
//! for a difference). Enter on the last field asks the service; a refusal
//! stays on the box with the service's words, done closes it and the
//! screen below reads the round again.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::credentials::pin_field;
use super::form_screen::FormScreen;
use super::{Nav, Outcome};
use crate::domain::{Money, Period, parse_amount};
use crate::i18n::rounds::{self as words, screen_words};
use crate::service::rounds::{RoundView, Stop};
use crate::service::{AuthError, Error};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{self, Field, Form};
use crate::tui::widgets::input::Input;
use crate::tui::widgets::panel::Panel;

/// Which step the box is for.
#[derive(Debug, Clone)]
enum Step {
    Create,
    Issue { round: i64 },
    Paid { round: i64, person_id: i64 },
    Return { round: i64, own: bool },
    Reconcile { round: i64 },
}

/// A step's box.
pub struct RoundForm {
    step: Step,
    title: &'static str,
    lines: Vec<String>,
    form: Form,
}

fn own(v: &RoundView, ctx: &Ctx) -> bool {
    ctx.session
        .as_ref()
        .is_some_and(|s| s.user.id == v.postman_id)
}

impl RoundForm {
    /// A new round: the period defaults to this month.
    pub fn create(ctx: &Ctx) -> RoundForm {
        let w = screen_words(ctx.lang());
        let mut period = Input::new().max_chars(7);
        period.set_value(&Period::of(ctx.service.today()).short_label());
        RoundForm {
            step: Step::Create,
            title: w.new_title,
            lines: vec![w.new_hint.to_string()],
            form: Form::new(vec![
                Field::new(w.label_period, period).width(8),
                Field::new(w.label_hamlet, Input::new().max_chars(60)).width(30),
                Field::new(w.label_postman, Input::new().max_chars(32)).width(20),
            ]),
        }
    }

    /// The cash of round `v`; when the supervisor carries it themself no
    /// PIN is asked and it is issued at once (`None`, the outcome on the
    /// message line).
    pub fn issue(v: &RoundView, ctx: &mut Ctx) -> Option<RoundForm> {
        let w = screen_words(ctx.lang());
        if own(v, ctx) {
            let session = ctx.session.clone()?;
            match ctx.service.issue_round(&session, v.number, "") {
                Ok(done) => ctx.info(words::issued(
                    ctx.lang(),
                    done.number,
                    done.cash.issued,
                    &done.postman,
                )),
                Err(e) => ctx.error(&e),
            }
            return None;
        }
        Some(RoundForm {
            step: Step::Issue { round: v.number },
            title: w.issue_title,
            lines: vec![words::issue_hint(
                ctx.lang(),
                v.to_carry(),
                &for_display(&v.postman),
            )],
            form: Form::new(vec![pin_field(w.label_postman_pin)]),
        })
    }

    /// A paid stop: the receiver's ID number, and a note.
    pub fn paid(lang: Lang, v: &RoundView, stop: &Stop) -> RoundForm {
        let w = screen_words(lang);
        RoundForm {
            step: Step::Paid {
                round: v.number,
                person_id: stop.person_id,
            },
            title: w.paid_title,
            lines: vec![
                format!(
                    "{} {} — {}",
                    for_display(&stop.record_code),
                    for_display(&stop.full_name),
                    stop.amount
                ),
                w.paid_hint.to_string(),
            ],
            form: Form::new(vec![
                Field::new(w.label_receiver_id, Input::new().max_chars(16)).width(16),
                Field::new(w.label_note, Input::new().max_chars(100)).width(40),
            ]),
        }
    }

    /// The cash brought back: the amount, then the postman's PIN.
    pub fn ret(v: &RoundView, ctx: &Ctx) -> RoundForm {
        let w = screen_words(ctx.lang());
        let own = own(v, ctx);
        let mut fields = vec![Field::new(w.label_cash, Input::new().max_chars(20)).width(20)];
        if !own {
            fields.push(pin_field(w.label_postman_pin));
        }
        RoundForm {
            step: Step::Return {
                round: v.number,
                own,
            },
            title: w.return_title,
            lines: vec![words::expected_back(ctx.lang(), v.cash.expected_back())],
            form: Form::new(fields),
        }
    }

    /// The reconciliation: the reason for a difference.
    pub fn reconcile(lang: Lang, v: &RoundView) -> RoundForm {
        let w = screen_words(lang);
        RoundForm {
            step: Step::Reconcile { round: v.number },
            title: w.reconcile_title,
            lines: vec![
                words::cash_line(lang, v.cash.issued, v.cash.paid, v.cash.returned),
                words::difference_now(lang, v.cash.difference()),
            ],
            form: Form::new(vec![
                Field::new(w.label_reason, Input::new().max_chars(200)).width(50),
            ]),
        }
    }
}

impl FormScreen for RoundForm {
    fn title(&self, _lang: Lang) -> String {
        self.title.to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let lang = ctx.lang();
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let w = screen_words(ctx.lang());
        let needs = |form: &Form, i: usize| form.value(i).trim().is_empty();
        let result = match self.step.clone() {
            Step::Create => {
                if let Some(i) = (0..3).find(|i| needs(&self.form, *i)) {
                    self.form.focus(i);
                    ctx.info(w.need_field);
                    return Nav::Stay;
                }
                let Ok(period) = self.form.value(0).trim().parse::<Period>() else {
                    self.form.focus(0);
                    ctx.error(&w.bad_period);
                    return Nav::Stay;
                };
                ctx.service
                    .create_round(
                        &session,
                        period,
                        self.form.value(1),
                        &self.form.value(2).trim().to_lowercase(),
                    )
                    .map(|v| {
                        words::created(
                            lang,
                            v.number,
                            v.stops.len(),
                            v.to_carry(),
                            &v.held_back,
                            words::Said::OnScreen,
                        )
                    })
            }
            Step::Issue { round } => {
                if needs(&self.form, 0) {
                    ctx.info(w.need_field);
                    return Nav::Stay;
                }
                let pin = self.form.take(0);
                ctx.service
                    .issue_round(&session, round, &pin)
                    .map(|v| words::issued(lang, v.number, v.cash.issued, &v.postman))
            }
            Step::Paid { round, person_id } => {
                if needs(&self.form, 0) {
                    self.form.focus(0);
                    ctx.info(w.need_field);
                    return Nav::Stay;
                }
                let note = self.form.value(1).to_string();
                ctx.service
                    .record_outcome(
                        &session,
                        round,
                        person_id,
                        crate::domain::round::StopResult::Paid,
                        Some(self.form.value(0)),
                        Some(&note),
                    )
                    .map(|v| {
                        let s = v.stop_of(person_id);
                        words::recorded(
                            lang,
                            &s.map(|s| for_display(&s.record_code)).unwrap_or_default(),
                            &s.map(|s| for_display(&s.full_name)).unwrap_or_default(),
                            crate::domain::round::StopResult::Paid,
                            s.and_then(|s| s.receipt_no.as_deref()),
                        )
                    })
            }
            Step::Return { round, own } => {
                let cash = match parse_amount(self.form.value(0)) {
                    Ok(m) => m.unwrap_or(Money::ZERO),
                    Err(e) => {
                        self.form.focus(0);
                        ctx.error(&e);
                        return Nav::Stay;
                    }
                };
                if !own && needs(&self.form, 1) {
                    self.form.focus(1);
                    ctx.info(w.need_field);
                    return Nav::Stay;
                }
                let pin = if own {
                    String::new()
                } else {
                    self.form.take(1)
                };
                ctx.service
                    .return_round(&session, round, cash, &pin)
                    .map(|v| words::cash_line(lang, v.cash.issued, v.cash.paid, v.cash.returned))
            }
            Step::Reconcile { round } => {
                let reason = self.form.value(0).to_string();
                ctx.service
                    .reconcile_round(&session, round, Some(&reason))
                    .map(|v| {
                        words::reconciled(
                            lang,
                            v.difference.unwrap_or(Money::ZERO),
                            v.reason.as_deref(),
                        )
                    })
            }
        };
        match result {
            Ok(done) => {
                ctx.info(done);
                Nav::Back(Outcome::Done)
            }
            Err(e) => {
                ctx.error(&e);
                let pin_problem = matches!(e, Error::Auth(_))
                    && !matches!(e, Error::Auth(AuthError::Locked { .. }));
                if pin_problem {
                    self.form.focus(self.form.len() - 1);
                }
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let lines: Vec<&str> = self.lines.iter().map(String::as_str).collect();
        let panel = Panel {
            title: self.title,
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
