//! Home rounds: a supervisor makes a round for one hamlet (the people paid
//! at home still owed something in the period), prints its sheet and
//! issues its cash into the postman's drawer; the postman records what
//! became of each stop — a paid stop is a real home payment with a
//! receipt, against the receiver's ID as at the counter —; the supervisor
//! takes back the unpaid cash and reconciles the round like a counted
//! drawer: issued − paid − returned = difference, a difference with its
//! reason.
//!
//! While the round is out its lines are refused at the counter (and by the
//! database); once the cash is back they are payable again. A round goes
//! out and comes back within the day of its drawer: outcomes are refused on
//! a later day, and cash brought back on a later day is recorded without a
//! drawer movement, so the lines are never held for ever.

use serde_json::json;

use super::day::DayError;
use super::pay::PayError;
use super::{Error, Service, Session};
use crate::domain::payment::{PayMethod, ReceiverKind};
use crate::domain::proxy::Validity;
use crate::domain::report::MoveKind;
use crate::domain::round::{RoundState, StopResult};
use crate::domain::user::User;
use crate::domain::{Money, payment};
use crate::store::rounds;
use crate::store::{days, drawers, payments, people, proxies, users};

mod create;
mod view;

pub(crate) use view::default_reasons;
use view::read_round;
pub use view::{HeldBack, RoundSummary, RoundView, Stop};

/// Why a round step was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum RoundError {
    /// No round with that number.
    NoSuchRound(i64),
    /// Nobody in the hamlet is paid at home and owed something.
    NobodyAtHome { hamlet: String },
    /// Everyone of the hamlet to be paid at home was reported deceased by
    /// their family on an earlier round and not paid since.
    AllReportedDeceased { hamlet: String, people: usize },
    /// No family's report of the person's death is open to be checked.
    NoDeathReport,
    /// The step does not fit where the round stands.
    WrongState { round: i64, state: RoundState },
    /// Every stop was paid elsewhere or can no longer be paid: no cash to
    /// issue.
    NothingToIssue { round: i64 },
    /// Lines of the round wait for the bank in a transfer batch (a round
    /// made before a line left one way at a time): its cash does not go
    /// out while they do. `people` are "code name", `batches` the
    /// batches holding them.
    InBankBatch {
        round: i64,
        people: Vec<String>,
        batches: Vec<i64>,
    },
    /// Only the round's postman (or a supervisor) records its outcomes.
    NotThePostman { postman: String },
    /// Nobody with that record code or ID number is on the round.
    NotOnRound { round: i64, who: String },
    /// The stop's outcome was recorded already.
    AlreadyRecorded { code: String },
    /// The stop's lines were paid outside the round.
    PaidElsewhere { code: String, receipt: String },
    /// Outcomes are recorded on the day the cash went out.
    NotIssueDay { day: String },
    /// Some stops have no outcome yet.
    StopsLeft { codes: Vec<String> },
    /// A paid outcome needs the receiver's ID number.
    ReceiverIdNeeded,
    /// The cash brought back is not a whole amount of the smallest note.
    BadAmount,
    /// A difference needs a reason.
    ReasonNeeded { difference: Money },
    /// A round is made for a hamlet: name it.
    HamletNeeded,
}

impl From<RoundError> for Error {
    fn from(e: RoundError) -> Self {
        Error::Round(e)
    }
}

fn expect(v: &RoundView, state: RoundState) -> Result<(), Error> {
    if v.state != state {
        return Err(RoundError::WrongState {
            round: v.number,
            state: v.state,
        }
        .into());
    }
    Ok(())
}

impl Service {
    /// Issues a round's cash into the postman's drawer today (a
    /// supervisor; the postman confirms with their PIN): the total of the
    /// stops still owed, as the opening float when the postman's drawer is
    /// not open yet. From now on the round's lines are locked at the
    /// counter.
    pub fn issue_round(
        &mut self,
        supervisor: &Session,
        number: i64,
        postman_pin: &str,
    ) -> Result<RoundView, Error> {
        supervisor.require_supervisor()?;
        let v = self.round(number)?;
        expect(&v, RoundState::Open)?;
        let postman = self.confirm_postman(supervisor, &v, postman_pin)?;
        let day = self.today_str();
        let by = supervisor.user.id;
        let lang = self.config().interface.language;
        self.store.write(self.who(Some(by)), |w| {
            let v = read_round(w, number)?;
            expect(&v, RoundState::Open)?;
            // A line waiting for the bank would be paid twice: by the
            // transfer and by the postman (`home_round_issues_not_in_bank_batch`).
            let waiting = crate::store::batches::waiting_on_round(w, number)?;
            if !waiting.is_empty() {
                let mut people: Vec<String> = Vec::new();
                let mut batches: Vec<i64> = Vec::new();
                for (code, name, batch) in waiting {
                    let who = format!("{code} {name}");
                    if !people.contains(&who) {
                        people.push(who);
                    }
                    if !batches.contains(&batch) {
                        batches.push(batch);
                    }
                }
                return Err(RoundError::InBankBatch {
                    round: number,
                    people,
                    batches,
                }
                .into());
            }
            let amount = v.to_carry();
            if amount <= Money::ZERO {
                return Err(RoundError::NothingToIssue { round: number }.into());
            }
            if drawers::count_of(w, &day, postman.id)?.is_some() {
                return Err(DayError::DrawerCounted {
                    clerk: postman.full_name.clone(),
                }
                .into());
            }
            let kind = if drawers::is_open(w, &day, postman.id)? {
                MoveKind::Issue
            } else {
                MoveKind::Float
            };
            let note = crate::i18n::rounds::move_note(lang, number);
            let (move_id, event) = drawers::insert_move(
                w,
                &drawers::NewMove {
                    day: &day,
                    clerk_id: postman.id,
                    supervisor_id: by,
                    kind,
                    amount,
                    note: Some(&note),
                },
            )?;
            let event = event
                .join(rounds::insert_issue(w, number, move_id, amount, &day, by)?)
                .with(json!({
                    "round": number, "kind": kind.code(), "postman": postman.name,
                    "amount": amount.dong(),
                }));
            Ok::<_, Error>(w.log(event, ())?)
        })?;
        self.round(number)
    }

    /// The postman confirms a cash handover with their PIN, unless the
    /// supervisor carries the round themself.
    fn confirm_postman(
        &mut self,
        supervisor: &Session,
        v: &RoundView,
        pin: &str,
    ) -> Result<User, Error> {
        if v.postman_id == supervisor.user.id {
            return Ok(supervisor.user.clone());
        }
        let name = self
            .store
            .read(|r| users::by_id(r, v.postman_id))?
            .map(|u| u.name)
            .unwrap_or_default();
        self.check_other_pin(&name, pin)
    }

    /// Records what became of the stop of `person_id` on round `number`
    /// (the round's postman, or a supervisor), on the day the cash went
    /// out. A paid stop is a home payment from the postman's drawer with a
    /// receipt, to the person or a proxy on file in date whose ID number
    /// is `receiver_id` — the checks of the counter. "Reported deceased"
    /// changes no status: the supervisor sees it on the round.
    pub fn record_outcome(
        &mut self,
        session: &Session,
        number: i64,
        person_id: i64,
        result: StopResult,
        receiver_id: Option<&str>,
        note: Option<&str>,
    ) -> Result<RoundView, Error> {
        let v = self.round(number)?;
        if !session.is_supervisor() && session.user.id != v.postman_id {
            return Err(RoundError::NotThePostman { postman: v.postman }.into());
        }
        let note = note
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(crate::text::clean_field)
            .transpose()
            .map_err(|error| Error::BadText {
                field: "note",
                error,
            })?;
        let typed: String = receiver_id
            .unwrap_or_default()
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-'))
            .collect();
        if result == StopResult::Paid && typed.is_empty() {
            return Err(RoundError::ReceiverIdNeeded.into());
        }
        let now = self.clock.now();
        let at = super::clock::stamp(now);
        let day = at[..10].to_string();
        let today = now.date_naive();
        let year: i32 = today.format("%Y").to_string().parse().unwrap_or(0);
        let office = self.config.office.code.clone();
        let prefix = self.config.receipt.prefix.clone();
        let by = session.user.id;
        self.store.write(self.who(Some(by)), |w| {
            let v = read_round(w, number)?;
            expect(&v, RoundState::Issued)?;
            if v.issued_on.as_deref() != Some(day.as_str()) {
                return Err(RoundError::NotIssueDay {
                    day: v.issued_on.clone().unwrap_or_default(),
                }
                .into());
            }
            let stop = v.stop_of(person_id).ok_or_else(|| RoundError::NotOnRound {
                round: number,
                who: person_id.to_string(),
            })?;
            if stop.result.is_some() {
                return Err(RoundError::AlreadyRecorded {
                    code: stop.record_code.clone(),
                }
                .into());
            }
            let mut payment_id = None;
            let mut event = None;
            if result == StopResult::Paid {
                if let Some(receipt) = &stop.paid_elsewhere {
                    return Err(RoundError::PaidElsewhere {
                        code: stop.record_code.clone(),
                        receipt: receipt.clone(),
                    }
                    .into());
                }
                let person = people::get(w, person_id)?.ok_or(Error::NoSuchPerson)?;
                if !person.is_payable() {
                    return Err(PayError::NotPayable {
                        status: person.status,
                        note: person.status_note.clone(),
                    }
                    .into());
                }
                let own = crate::store::registrations::id_number_to_check(w, &person)?;
                let (kind, proxy) = if own.as_deref() == Some(typed.as_str()) {
                    (ReceiverKind::Person, None)
                } else {
                    let p = proxies::of_person(w, person_id)?
                        .into_iter()
                        .find(|p| p.id_number == typed)
                        .ok_or(PayError::ReceiverIdMismatch)?;
                    match p.validity(today) {
                        Validity::InDate => {}
                        Validity::Expired { on } => {
                            return Err(PayError::ProxyExpired { on }.into());
                        }
                        Validity::NotYetValid { from } => {
                            return Err(PayError::ProxyNotYetValid { from }.into());
                        }
                    }
                    let kind = if p.guardian {
                        ReceiverKind::Guardian
                    } else {
                        ReceiverKind::Proxy
                    };
                    (kind, Some(p))
                };
                let postman = users::by_id(w, v.postman_id)?.ok_or(Error::NoSuchPayment)?;
                if let Some(c) = days::closed(w, &day)? {
                    return Err(DayError::AlreadyClosed {
                        day: day.clone(),
                        at: c.at,
                        by: c.by,
                    }
                    .into());
                }
                if drawers::count_of(w, &day, postman.id)?.is_some() {
                    return Err(DayError::DrawerCounted {
                        clerk: postman.full_name,
                    }
                    .into());
                }
                let lines: Vec<(i64, Money)> = rounds::lines(w, number)?
                    .into_iter()
                    .filter(|l| l.person_id == person_id)
                    .map(|l| (l.entitlement_id, l.amount))
                    .collect();
                let seq = payments::next_receipt_seq(w, &office, year)?;
                let receipt_no = payment::receipt_no(&prefix, year, seq);
                let idem = format!("round-{}", stop.reference);
                let (receiver_name, receiver_id) = match &proxy {
                    Some(p) => (p.full_name.clone(), p.id_number.clone()),
                    None => (person.full_name.clone(), typed.clone()),
                };
                let (pid, pay_event) = payments::insert(
                    w,
                    &payments::NewPayment {
                        idem_key: &idem,
                        office_code: &office,
                        receipt_year: year,
                        receipt_seq: seq,
                        receipt_no: &receipt_no,
                        person_id,
                        day: &day,
                        paid_at: &at,
                        clerk_id: postman.id,
                        approved_by: None,
                        receiver_kind: kind,
                        proxy_id: proxy.as_ref().map(|p| p.id),
                        receiver_name: &receiver_name,
                        receiver_id_number: &receiver_id,
                        method: PayMethod::Home,
                        account: None,
                        reference: Some(&stop.reference),
                        total: stop.amount,
                    },
                    &lines,
                )?;
                payment_id = Some(pid);
                event = Some(pay_event.with(json!({
                    "receipt_no": receipt_no, "record_code": person.record_code,
                    "round": number, "reference": stop.reference,
                })));
            }
            let outcome = rounds::insert_outcome(
                w,
                &rounds::NewOutcome {
                    round_id: number,
                    person_id,
                    result,
                    note: note.as_deref(),
                    payment_id,
                    by,
                },
            )?;
            let detail = json!({
                "round": number, "record_code": stop.record_code, "result": result.code(),
            });
            let event = match event {
                Some(e) => e.join(outcome),
                None => outcome.with(detail),
            };
            Ok::<_, Error>(w.log(event, ())?)
        })?;
        self.round(number)
    }

    /// Takes back the cash the postman brings (a supervisor; the postman
    /// confirms with their PIN), once every stop has its outcome: on the
    /// day the cash went out it goes back out of the postman's drawer;
    /// later it is recorded as counted. The round's unpaid lines are
    /// payable at the counter again from now on.
    pub fn return_round(
        &mut self,
        supervisor: &Session,
        number: i64,
        cash: Money,
        postman_pin: &str,
    ) -> Result<RoundView, Error> {
        supervisor.require_supervisor()?;
        if cash < Money::ZERO {
            return Err(RoundError::BadAmount.into());
        }
        let smallest = self
            .config
            .cash
            .denominations
            .iter()
            .copied()
            .min()
            .unwrap_or(1);
        if cash.dong() % smallest != 0 {
            return Err(RoundError::BadAmount.into());
        }
        let v = self.round(number)?;
        expect(&v, RoundState::Issued)?;
        let postman = self.confirm_postman(supervisor, &v, postman_pin)?;
        let day = self.today_str();
        let by = supervisor.user.id;
        let lang = self.config().interface.language;
        self.store.write(self.who(Some(by)), |w| {
            let v = read_round(w, number)?;
            expect(&v, RoundState::Issued)?;
            let left: Vec<String> = v
                .stops
                .iter()
                .filter(|s| s.result.is_none() && s.carries_cash())
                .map(|s| s.record_code.clone())
                .collect();
            if !left.is_empty() {
                return Err(RoundError::StopsLeft { codes: left }.into());
            }
            let same_day = v.issued_on.as_deref() == Some(day.as_str());
            let mut event = None;
            let mut move_id = None;
            if same_day && cash > Money::ZERO {
                if drawers::count_of(w, &day, postman.id)?.is_some() {
                    return Err(DayError::DrawerCounted {
                        clerk: postman.full_name.clone(),
                    }
                    .into());
                }
                let holds = drawers::balance(w, &day, postman.id)?;
                if cash > holds {
                    return Err(DayError::NotEnoughCash {
                        clerk: postman.full_name.clone(),
                        expected: holds,
                    }
                    .into());
                }
                let note = crate::i18n::rounds::move_note(lang, number);
                let (id, e) = drawers::insert_move(
                    w,
                    &drawers::NewMove {
                        day: &day,
                        clerk_id: postman.id,
                        supervisor_id: by,
                        kind: MoveKind::Return,
                        amount: cash,
                        note: Some(&note),
                    },
                )?;
                move_id = Some(id);
                event = Some(e);
            }
            let ret = rounds::insert_return(w, number, move_id, cash, &day, by)?;
            let event = match event {
                Some(e) => e.join(ret),
                None => ret,
            }
            .with(json!({
                "round": number, "returned": cash.dong(), "through_drawer": move_id.is_some(),
                "expected_back": v.cash.expected_back().dong(),
            }));
            Ok::<_, Error>(w.log(event, ())?)
        })?;
        self.round(number)
    }

    /// Reconciles a returned round (a supervisor): issued − paid −
    /// returned = difference; a difference needs a reason.
    pub fn reconcile_round(
        &mut self,
        supervisor: &Session,
        number: i64,
        reason: Option<&str>,
    ) -> Result<RoundView, Error> {
        supervisor.require_supervisor()?;
        let reason = reason
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(crate::text::clean_field)
            .transpose()
            .map_err(|error| Error::BadText {
                field: "reason",
                error,
            })?;
        let by = supervisor.user.id;
        self.store.write(self.who(Some(by)), |w| {
            let v = read_round(w, number)?;
            expect(&v, RoundState::Returned)?;
            let difference = v.cash.difference();
            if difference != Money::ZERO && reason.is_none() {
                return Err(RoundError::ReasonNeeded { difference }.into());
            }
            let event = rounds::insert_close(
                w,
                &rounds::NewClose {
                    round_id: number,
                    issued: v.cash.issued,
                    paid: v.cash.paid,
                    returned: v.cash.returned,
                    reason: reason.as_deref(),
                    by,
                },
            )?
            .with(json!({ "round": number, "difference": difference.dong() }));
            Ok::<_, Error>(w.log(event, ())?)
        })?;
        self.round(number)
    }
}
