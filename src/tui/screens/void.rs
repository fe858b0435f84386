//! Voiding a payment ("Hủy chi"): a popup over the person's file or the
//! receipt, showing which payment, with the reason (required). Enter opens
//! the supervisor's approval ([`super::approve::Approve`]) — a supervisor
//! other than the one asking types their name and PIN — then
//! `Service::void_payment` records the reversal.
//!
//! Nothing is deleted: the payment stays on file, struck through and
//! marked "ĐÃ HỦY", its lines are owed again, and cash goes back into the
//! drawer of the one who asked. A refusal (already voided, drawer counted,
//! approving oneself, …) is shown in the service's words. Done, the popup
//! closes with [`Outcome::Refresh`] so the screens below read the file
//! again.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::approve::Approve;
use super::form_screen::FormScreen;
use super::person::periods_label;
use super::{Nav, Outcome};
use crate::domain::payment::PaymentRecord;
use crate::i18n::{labels, strings};
use crate::service::Error;
use crate::service::day::DayError;
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{self, Field, Form};
use crate::tui::widgets::input::Input;
use crate::tui::widgets::panel::Panel;

/// The void popup.
pub struct VoidPayment {
    payment: PaymentRecord,
    /// Cash paid on an earlier day: what the clerk must have taken back
    /// before voiding it (said in the popup).
    earlier_cash: Option<String>,
    form: Form,
    /// The reason as it was when the approval was asked for.
    asked: Option<String>,
}

impl VoidPayment {
    pub fn new(lang: Lang, payment: PaymentRecord, today: &str) -> VoidPayment {
        let s = lang.strings();
        let earlier_cash = (payment.method.is_cash() && payment.day.as_str() < today).then(|| {
            strings::void_earlier_cash(
                lang,
                &labels::date(&payment.day),
                &payment.total.to_string(),
            )
        });
        VoidPayment {
            payment,
            earlier_cash,
            form: Form::new(vec![
                Field::new(s.label_void_reason, Input::new().max_chars(200)).width(52),
            ]),
            asked: None,
        }
    }

    /// The popup for `payment`, or `None` (with the reason on the message
    /// line) when it cannot be voided: voided already, or paying a closed
    /// period.
    pub fn open(ctx: &mut Ctx, payment: &PaymentRecord) -> Option<VoidPayment> {
        if let Err(e) = ctx.service.check_voidable(payment) {
            ctx.error(&e);
            return None;
        }
        let today = ctx.service.today().format("%Y-%m-%d").to_string();
        Some(VoidPayment::new(ctx.lang(), payment.clone(), &today))
    }

    fn ask_approval(&mut self, ctx: &mut Ctx) -> Nav {
        let reason = self.form.value(0).trim().to_string();
        if reason.is_empty() {
            ctx.error(&ctx.lang().strings().void_reason_needed);
            return Nav::Stay;
        }
        let why = strings::void_approval_reason(
            ctx.lang(),
            &for_display(&self.payment.receipt_no),
            &self.payment.total.to_string(),
            &for_display(&reason),
        );
        self.asked = Some(reason);
        Nav::push(Approve::new(ctx.lang(), why).by_another())
    }

    fn void(&mut self, ctx: &mut Ctx, approval: &crate::service::pay::Approval) -> Nav {
        let (Some(session), Some(reason)) = (ctx.session.clone(), self.asked.clone()) else {
            return Nav::Stay;
        };
        match ctx
            .service
            .void_payment(&session, &self.payment.receipt_no, &reason, approval)
        {
            Ok(voided) => {
                ctx.info(strings::voided_done(
                    ctx.lang(),
                    &for_display(&voided.receipt_no),
                    &voided.total.to_string(),
                    voided.method.is_cash(),
                ));
                Nav::Back(Outcome::Refresh)
            }
            Err(e @ Error::Day(DayError::AlreadyVoided { .. })) => {
                ctx.error(&e);
                Nav::Back(Outcome::Refresh)
            }
            Err(e) => {
                ctx.error(&e);
                Nav::Stay
            }
        }
    }
}

impl FormScreen for VoidPayment {
    /// A void not yet approved is dropped at the lock.
    fn on_lock(&self) -> crate::tui::screens::OnLock {
        crate::tui::screens::OnLock::Drop
    }

    fn title(&self, lang: Lang) -> String {
        lang.strings().void_title.to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        self.ask_approval(ctx)
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        match outcome {
            Outcome::Approved(approval) => self.void(ctx, &approval),
            _ => {
                ctx.info(ctx.lang().strings().void_not_approved);
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let p = &self.payment;
        let which = format!(
            "{} {} · {} · {} · {}",
            s.receipt_number,
            for_display(&p.receipt_no),
            for_display(&labels::date_time(&p.paid_at)),
            p.total,
            labels::method(view.lang, p.method)
        );
        let who = format!(
            "{}: {} · {} {} · {}: {}",
            s.receiver_label,
            for_display(&p.receiver_name),
            s.periods_label,
            periods_label(&p.periods()),
            s.void_paid_by,
            for_display(&p.clerk)
        );
        let panel = Panel {
            title: s.void_title,
            lines: &match &self.earlier_cash {
                Some(earlier) => [which.as_str(), who.as_str(), earlier.as_str()],
                None => [which.as_str(), who.as_str(), s.void_hint],
            },
            width: 76,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let mut items = form::help(keys, s);
        items[0] = KeyHelp::new(&keys.enter, s.key_void_ask).short(s.short_ask_approval);
        items
    }

    fn is_popup(&self) -> bool {
        true
    }
}
