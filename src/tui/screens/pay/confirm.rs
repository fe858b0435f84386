//! Step 4 of paying: everything at once — receiver and ID number, method
//! (and account), every line with its period and amount, the total in
//! figures and in words. Enter records; Esc goes back and records nothing.
//!
//! The idempotency key is made when this screen opens and kept with it, so
//! a second Enter, or Enter again after an error, records the payment once.
//! Outside the payment window a clerk's Enter first opens the supervisor's
//! approval popup over this screen (the supervisor sees what they approve);
//! once approved, Enter records. A supervisor signed in pays without the
//! popup; the service records that they did.
//!
//! When the service finds the payment already made (by another clerk a
//! moment ago) or the lines changed, the flow closes back to the person's
//! screen with the service's message ("Đã chi bởi … lúc …, biên nhận …").

use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::done::Done;
use super::{Chosen, Draft, draw_heading, pass_down, receiver_line};
use crate::domain::in_words;
use crate::i18n::{labels, strings};
use crate::service::Error;
use crate::service::pay::{Approval, PayError};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::screens::approve::Approve;
use crate::tui::screens::person::lines_row;
use crate::tui::screens::{Nav, Outcome, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::doc::{self, Scroll, ScrollMsg};
use crate::tui::widgets::fit::{fit, pad, wrap};

/// Columns the confirmation is laid out in.
const DOC_WIDTH: usize = 78;

/// Step 4: the confirmation.
pub struct Confirm {
    draft: Draft,
    idem_key: String,
    /// A clerk outside the payment window: a supervisor must approve first.
    needs_approval: bool,
    /// A supervisor signed in, outside the window: pays on their own say.
    own_approval: bool,
    approval: Option<Approval>,
    scroll: Scroll,
    /// Characters were typed on the confirmation (a card scanned, or
    /// digits typed, a step too late): the Enter that follows them is
    /// part of that burst, not a look at what is shown, so it records
    /// nothing.
    stray: bool,
}

/// What a key does on the confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Record,
    Scroll(ScrollMsg),
    /// A character, which the confirmation never takes.
    Stray,
}

impl Confirm {
    /// Opens the confirmation of `draft`, with a new idempotency key.
    pub fn open(draft: Draft, ctx: &mut Ctx) -> Confirm {
        let outside = !ctx.service.in_payment_window();
        let supervisor = ctx.session.as_ref().is_some_and(|s| s.is_supervisor());
        // A proxy typed in at the counter by a clerk: a supervisor sees
        // the paper and approves before it pays.
        let new_proxy = matches!(draft.receiver, super::Chosen::New(_));
        Confirm {
            draft,
            idem_key: ctx.service.new_idem_key(),
            needs_approval: (outside || new_proxy) && !supervisor,
            own_approval: outside && supervisor,
            approval: None,
            stray: false,
            scroll: Scroll::default(),
        }
    }

    /// The key the payment is recorded under.
    pub fn idem_key(&self) -> &str {
        &self.idem_key
    }

    fn window_error(ctx: &Ctx) -> PayError {
        let p = &ctx.service.config().payment;
        PayError::OutsideWindow {
            first: p.window_first_day,
            last: p.window_last_day,
        }
    }

    fn record(&mut self, ctx: &mut Ctx) -> Nav {
        if self.needs_approval && self.approval.is_none() {
            let why = if matches!(self.draft.receiver, super::Chosen::New(_)) {
                crate::i18n::Say::say(&Error::Pay(PayError::ProxyNeedsApproval), ctx.lang())
            } else {
                Self::window_error(ctx).to_string()
            };
            return Nav::push(Approve::new(ctx.lang(), why));
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Stay;
        };
        let request = self.draft.request(&self.idem_key, self.approval.clone());
        match ctx.service.pay(&session, &request) {
            Ok(paid) => Nav::push(Done::new(self.draft.clone(), paid)),
            Err(Error::Pay(
                e @ (PayError::AlreadyPaid(_)
                | PayError::NothingToPay { .. }
                | PayError::LinesChanged
                | PayError::NotPayable { .. }
                | PayError::NotPositive { .. }),
            )) => {
                ctx.error(&e);
                Nav::Back(Outcome::Refresh)
            }
            // A line changed behind chitra's back since the file was
            // opened: said in the file's words, and back to the file, which
            // names the month when it is read again.
            Err(Error::Store(crate::store::StoreError::Tampered {
                table: "entitlements",
                key,
            })) => {
                let months: Vec<String> = self
                    .draft
                    .view
                    .unpaid
                    .iter()
                    .filter(|l| l.entitlement_id.to_string() == key)
                    .map(|l| crate::i18n::labels::period(l.period))
                    .collect();
                ctx.error(&crate::i18n::store::forged_on_file(ctx.lang(), &months));
                Nav::Back(Outcome::Refresh)
            }
            Err(Error::Pay(e @ PayError::OutsideWindow { .. })) => {
                // The window closed while the screen was open (midnight).
                let supervisor = session.is_supervisor();
                self.needs_approval = !supervisor;
                self.own_approval = supervisor;
                ctx.error(&e);
                Nav::Stay
            }
            Err(e) => {
                ctx.error(&e);
                Nav::Stay
            }
        }
    }

    fn document(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let s = lang.strings();
        let d = |t: &str| for_display(t).into_owned();
        let draft = &self.draft;
        let label = |l: &str| pad(l, 12);
        let mut out: Vec<Line<'static>> = Vec::new();
        out.push(Line::from(vec![
            Span::styled(label(s.confirm_receiver), theme.text()),
            Span::styled(
                fit(
                    &format!(
                        "{} · {} {}",
                        receiver_line(lang, draft),
                        s.person_id,
                        d(&draft.receiver_id)
                    ),
                    DOC_WIDTH - 12,
                ),
                theme.heading(),
            ),
        ]));
        if let Chosen::New(n) = &draft.receiver {
            let until = match n.valid_to {
                Some(to) => strings::valid_until(lang, &to.format("%d/%m/%Y").to_string()),
                None => s.valid_no_end.to_string(),
            };
            let paper = format!(
                "{} {}, {} · {}",
                d(&n.document_no),
                d(&n.relationship),
                d(&n.certified_by),
                until
            );
            out.push(Line::raw(format!(
                "{}{}",
                label(s.confirm_paper),
                fit(&paper, DOC_WIDTH - 12)
            )));
            out.push(Line::raw(format!("{}{}", label(""), s.new_proxy_kept)));
        }
        if let Chosen::Heir(h) = &draft.receiver {
            let paper = format!(
                "{} {} · {}",
                crate::i18n::heir::death_label(lang),
                d(&h.death_cert_no),
                d(&h.relationship)
            );
            out.push(Line::raw(format!(
                "{}{}",
                label(s.confirm_paper),
                fit(&paper, DOC_WIDTH - 12)
            )));
        }
        let mut how = labels::method(lang, draft.method).to_string();
        if draft.method.is_transfer() {
            how.push_str(&format!(
                " · {} {} · {} {}",
                s.account_short,
                d(draft.account.as_deref().unwrap_or("")),
                s.reference_short,
                d(draft.reference.as_deref().unwrap_or(""))
            ));
        }
        // The account, the bank and the transaction code are what the
        // clerk checks here: the line goes on under itself, never cut.
        for (i, l) in wrap(&how, DOC_WIDTH - 12).into_iter().enumerate() {
            let head = if i == 0 { s.confirm_method } else { "" };
            out.push(Line::from(vec![
                Span::styled(label(head), theme.text()),
                Span::styled(l, theme.heading()),
            ]));
        }
        if self.needs_approval || self.own_approval {
            let text = match (&self.approval, self.own_approval) {
                (Some(a), _) => strings::approved_by(lang, &d(&a.supervisor().full_name)),
                (None, true) => s.own_approval.to_string(),
                (None, false) if matches!(self.draft.receiver, super::Chosen::New(_)) => {
                    s.approval_needed_new_proxy.to_string()
                }
                (None, false) => s.approval_needed.to_string(),
            };
            for (i, l) in wrap(&text, DOC_WIDTH - 12).into_iter().enumerate() {
                let head = if i == 0 { s.confirm_approval } else { "" };
                out.push(Line::from(vec![
                    Span::styled(label(head), theme.text()),
                    Span::styled(l, theme.heading()),
                ]));
            }
        }
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled(
            lines_row(s.col_period, s.col_kind, s.col_amount),
            theme.heading(),
        )));
        for l in &draft.view.unpaid {
            out.push(Line::raw(lines_row(
                &l.period.short_label(),
                labels::kind(lang, l.kind),
                &l.amount.to_string(),
            )));
        }
        out.push(Line::from(Span::styled(
            lines_row(
                "",
                &strings::total_of_lines(lang, draft.view.unpaid.len()),
                &draft.view.unpaid_total.to_string(),
            ),
            theme.heading(),
        )));
        for l in wrap(
            &format!(
                "{} {}",
                s.in_words,
                in_words(draft.view.unpaid_total.dong())
            ),
            DOC_WIDTH - 2,
        ) {
            out.push(Line::from(Span::styled(format!("  {l}"), theme.heading())));
        }
        out
    }
}

impl Screen for Confirm {
    /// A payment not recorded is dropped at the lock: the receiver is
    /// checked again.
    fn on_lock(&self) -> crate::tui::screens::OnLock {
        crate::tui::screens::OnLock::Drop
    }

    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().step_confirm.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key_match(key, &keys.enter, false) {
            Some(Msg::Record)
        } else if let KeyCode::Char(_) = key.code
            && !key.modifiers.contains(KeyModifiers::CONTROL)
        {
            Some(Msg::Stray)
        } else {
            doc::Scroll::on_key(key, keys).map(Msg::Scroll)
        }
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Stray => {
                self.stray = true;
                ctx.error(&ctx.lang().strings().confirm_stray_keys);
                Nav::Stay
            }
            Msg::Record if self.stray => {
                // The burst is over: the next Enter is the clerk's own.
                self.stray = false;
                ctx.error(&ctx.lang().strings().confirm_stray_keys);
                Nav::Stay
            }
            Msg::Record => self.record(ctx),
            Msg::Scroll(m) => {
                let len = self.document(ctx.lang(), &Theme::plain()).len();
                self.scroll.update(m, len.saturating_sub(8));
                Nav::Stay
            }
        }
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        match outcome {
            Outcome::Approved(approval) => {
                ctx.info(strings::approved_then_confirm(
                    ctx.lang(),
                    &approval.supervisor().full_name,
                ));
                self.approval = Some(approval);
                Nav::Stay
            }
            Outcome::Cancelled if self.needs_approval && self.approval.is_none() => {
                ctx.info(ctx.lang().strings().not_approved);
                Nav::Stay
            }
            other => pass_down(other),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let theme = view.theme;
        let body = draw_heading(view.lang, frame, area, s.step_confirm, &self.draft, theme);
        if body.height < 3 {
            return;
        }
        let x = body.x + 1;
        let w = body.width.saturating_sub(2);
        let lines = self.document(view.lang, theme);
        let doc_area = Rect::new(x, body.y, w, body.height - 2);
        doc::draw(
            frame,
            doc_area,
            &lines,
            self.scroll.top(),
            s.more_below,
            theme,
        );
        let ask = if self.needs_approval && self.approval.is_none() {
            s.confirm_ask_approval
        } else {
            s.confirm_ask
        };
        frame.buffer_mut().set_stringn(
            x,
            body.bottom() - 1,
            fit(ask, usize::from(w)),
            usize::from(w),
            theme.heading(),
        );
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let (what, short) = if self.needs_approval && self.approval.is_none() {
            (s.key_confirm_approval, s.short_approve)
        } else {
            (s.key_confirm_record, s.short_record)
        };
        vec![
            KeyHelp::new(&keys.enter, what).short(short),
            Scroll::help(keys, s),
        ]
    }
}
