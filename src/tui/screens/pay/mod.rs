//! The pay flow, opened from the person's screen: a few short steps, each a
//! screen of its own, so Esc always goes back exactly one step and nothing
//! is recorded before the confirmation.
//!
//! 1. [`receiver::ChooseReceiver`] — who takes the money: the person, a
//!    proxy or guardian on file (only one in date), or a new one entered
//!    on the spot ([`new_proxy::NewProxyForm`]);
//! 2. [`receiver_id::ReceiverId`] — the receiver's ID number, typed or
//!    scanned; it must be the one on file, or the payment goes no further.
//!    Skipped for the person themself when their file was opened by their
//!    whole ID number at the counter: that was the check;
//! 3. [`method::ChooseMethod`] — cash at the counter or at home, or a
//!    transfer ([`transfer::TransferForm`]: account, bank when the account
//!    is not the one on file, and reference). The registered method is
//!    marked (cash at the counter for a person registered to be paid at
//!    home, who is at the counter now), unless it is cash and the clerk's
//!    drawer cannot pay it ([`cash`] says why);
//! 4. [`confirm::Confirm`] — everything at once; Enter records, once, even
//!    if pressed twice; outside the payment window a supervisor approves
//!    first;
//! 5. [`done::Done`] — "ĐÃ CHI" with the receipt number.
//!
//! Each step hands the next one a [`Draft`]: what was chosen so far, and
//! the person's file as it was read when the flow started (the lines the
//! confirmation shows are the lines the service is asked to pay). The
//! service checks everything again when recording.
//!
//! When the flow ends, an [`Outcome`](super::Outcome) travels back down the
//! stack: `Refresh` to the person's screen (which reads the file again) or
//! `NextPerson` to the counter.

pub mod cash;
pub mod confirm;
pub mod done;
pub mod method;
pub mod new_proxy;
pub mod receiver;
pub mod receiver_id;
pub mod transfer;

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::heir::Heir;
use crate::domain::payment::{PayMethod, ReceiverKind};
use crate::domain::proxy::Proxy;
use crate::i18n::{labels, strings};
use crate::service::counter::PersonView;
use crate::service::pay::{Approval, NewProxy, PayRequest, Receiver};
use crate::text::for_display;
use crate::tui::theme::Theme;
use crate::tui::widgets::fit::fit;

use super::Nav;
use super::Outcome;

/// Who was chosen to take the money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    Person,
    OnFile(Proxy),
    New(NewProxy),
    /// The heir on file of a deceased person.
    Heir(Box<Heir>),
}

/// What the clerk has chosen so far.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The person's file when the flow started.
    pub view: PersonView,
    pub receiver: Chosen,
    /// The receiver's ID number as typed or scanned (checked at step 2).
    pub receiver_id: String,
    /// The ID number that found the person at the counter, when it is
    /// exactly theirs: the check of step 2 for the person themself.
    pub id_checked: Option<String>,
    pub method: PayMethod,
    pub account: Option<String>,
    pub reference: Option<String>,
}

/// The method a payment at the counter starts with for a person
/// registered for `registered`: that method, except that a person
/// registered to be paid at home by the postman who is paid here is paid
/// in cash at the counter (recorded as cash at home, the payment would
/// count in the home round's column of the day and not the counter's).
pub fn counter_method(registered: PayMethod) -> PayMethod {
    match registered {
        PayMethod::Home => PayMethod::Cash,
        m => m,
    }
}

impl Draft {
    /// A new payment for the person of `view`, by their registered method
    /// ([`counter_method`]).
    pub fn new(view: PersonView) -> Draft {
        Draft {
            method: counter_method(view.method()),
            account: view.account().0.map(str::to_string),
            receiver: Chosen::Person,
            receiver_id: String::new(),
            id_checked: None,
            reference: None,
            view,
        }
    }

    /// A payment to the heir of a deceased person: the lines to pay are
    /// those owed to the deceased, in cash unless a transfer is chosen.
    /// `None` when no heir is on file.
    pub fn for_heir(view: PersonView) -> Option<Draft> {
        let hv = view.heir.clone()?;
        let heir = hv.heir?;
        let mut view = view;
        view.unpaid = hv.owed;
        view.unpaid_total = hv.owed_total;
        Some(Draft {
            method: PayMethod::Cash,
            account: None,
            receiver: Chosen::Heir(Box::new(heir)),
            receiver_id: String::new(),
            id_checked: None,
            reference: None,
            view,
        })
    }

    /// The receiver's name (not sanitised).
    pub fn receiver_name(&self) -> &str {
        match &self.receiver {
            Chosen::Person => &self.view.person.full_name,
            Chosen::OnFile(p) => &p.full_name,
            Chosen::New(n) => &n.full_name,
            Chosen::Heir(h) => &h.full_name,
        }
    }

    pub fn receiver_kind(&self) -> ReceiverKind {
        let guardian = match &self.receiver {
            Chosen::Person => return ReceiverKind::Person,
            Chosen::OnFile(p) => p.guardian,
            Chosen::New(n) => n.guardian,
            Chosen::Heir(_) => return ReceiverKind::Heir,
        };
        if guardian {
            ReceiverKind::Guardian
        } else {
            ReceiverKind::Proxy
        }
    }

    /// The ID number on file for the chosen receiver, which the typed one
    /// must equal.
    pub fn expected_id(&self) -> Option<&str> {
        match &self.receiver {
            Chosen::Person => self.view.id_number(),
            Chosen::OnFile(p) => Some(&p.id_number),
            Chosen::New(n) => Some(&n.id_number),
            Chosen::Heir(h) => Some(&h.id_number),
        }
    }

    /// The request the confirmation sends, with the lines it showed.
    pub fn request(&self, idem_key: &str, approval: Option<Approval>) -> PayRequest {
        let transfer = self.method.is_transfer();
        PayRequest {
            person_id: self.view.person.id,
            receiver: match &self.receiver {
                Chosen::Person => Receiver::Person,
                Chosen::OnFile(p) => Receiver::OnFile(p.id),
                Chosen::New(n) => Receiver::New(n.clone()),
                Chosen::Heir(_) => Receiver::Heir,
            },
            receiver_id_number: self.receiver_id.clone(),
            method: self.method,
            account: self.account.clone().filter(|_| transfer),
            reference: self.reference.clone().filter(|_| transfer),
            idem_key: idem_key.to_string(),
            lines: self.view.unpaid.iter().map(|l| l.entitlement_id).collect(),
            approval,
        }
    }
}

/// Passes the end of the flow down the stack; anything else stays here.
pub(crate) fn pass_down(outcome: Outcome) -> Nav {
    match outcome {
        Outcome::Refresh | Outcome::NextPerson | Outcome::Search(_) => Nav::Back(outcome),
        _ => Nav::Stay,
    }
}

/// Draws the flow's heading over the top of `area` — the step, the person
/// and the amount — and returns the area left below it.
pub fn draw_heading(
    lang: Lang,
    frame: &mut Frame,
    area: Rect,
    step: &str,
    draft: &Draft,
    theme: &Theme,
) -> Rect {
    let s = lang.strings();
    let x = area.x + 1;
    let w = usize::from(area.width.saturating_sub(2));
    let v = &draft.view;
    let buf = frame.buffer_mut();
    let head = Line::from(vec![
        Span::styled(format!("{} · ", s.pay_title), theme.heading()),
        Span::styled(fit(step, w.saturating_sub(12)), theme.heading()),
    ]);
    buf.set_line(x, area.y + 1, &head, area.width.saturating_sub(2));
    let who = format!(
        "{} ({}) · {} · {}",
        for_display(&v.person.full_name),
        for_display(&v.person.record_code),
        strings::lines_and_periods(lang, v.unpaid.len(), &periods(draft)),
        v.unpaid_total
    );
    buf.set_stringn(x, area.y + 2, fit(&who, w), w, theme.text());
    Rect::new(
        area.x,
        area.y + 4,
        area.width,
        area.height.saturating_sub(4),
    )
}

/// The periods of the lines to pay: "10/2026–11/2026".
pub fn periods(draft: &Draft) -> String {
    let mut p: Vec<_> = draft.view.unpaid.iter().map(|l| l.period).collect();
    p.sort();
    p.dedup();
    super::person::periods_label(&p)
}

/// "Trần Thị Bình (chính chủ)": who receives, as the steps show it.
pub fn receiver_line(lang: Lang, draft: &Draft) -> String {
    format!(
        "{} ({})",
        for_display(draft.receiver_name()),
        labels::receiver(lang, draft.receiver_kind())
    )
}
