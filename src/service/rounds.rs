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

use serde::Serialize;
use serde_json::json;

use super::day::DayError;
use super::pay::PayError;
use super::{Error, Service, Session};
use crate::domain::payment::{PayMethod, ReceiverKind};
use crate::domain::proxy::Validity;
use crate::domain::report::MoveKind;
use crate::domain::round::{RoundCash, RoundState, StopResult};
use crate::domain::user::User;
use crate::domain::{Money, Period, payment};
use crate::store::rounds::{self, Round};
use crate::store::{Read, days, drawers, payments, people, proxies, users};

/// Why a round step was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum RoundError {
    /// No round with that number.
    NoSuchRound(i64),
    /// Nobody in the hamlet is paid at home and owed something.
    NobodyAtHome { hamlet: String },
    /// The step does not fit where the round stands.
    WrongState { round: i64, state: RoundState },
    /// Every stop was paid elsewhere or can no longer be paid: no cash to
    /// issue.
    NothingToIssue { round: i64 },
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

/// One stop of a round: a person, their lines' total and what became of
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stop {
    pub stop: i64,
    pub reference: String,
    pub person_id: i64,
    pub record_code: String,
    pub full_name: String,
    pub id_number: Option<String>,
    pub address: Option<String>,
    /// The person's status now ("active", "deceased", …).
    pub status: String,
    pub amount: Money,
    pub result: Option<StopResult>,
    pub note: Option<String>,
    /// The receipt of the round's payment.
    pub receipt_no: Option<String>,
    /// The receipt of a payment made outside the round.
    pub paid_elsewhere: Option<String>,
}

impl Stop {
    /// Whether the round carries cash for this stop: nothing paid
    /// elsewhere and the person can still be paid.
    pub fn carries_cash(&self) -> bool {
        self.paid_elsewhere.is_none() && self.status == "active"
    }
}

/// A round with its stops and its cash.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundView {
    pub number: i64,
    pub period: Period,
    pub hamlet: String,
    pub postman: String,
    pub postman_id: i64,
    pub state: RoundState,
    pub created_at: String,
    /// The day the cash went out.
    pub issued_on: Option<String>,
    pub stops: Vec<Stop>,
    pub cash: RoundCash,
    /// The reconciliation's difference and reason.
    pub difference: Option<Money>,
    pub reason: Option<String>,
}

impl RoundView {
    /// The total of the stops the round carries cash for.
    pub fn to_carry(&self) -> Money {
        self.stops
            .iter()
            .filter(|s| s.carries_cash())
            .map(|s| s.amount)
            .sum()
    }

    /// Stops the family reported deceased: for the supervisor's status
    /// command.
    pub fn reported_deceased(&self) -> impl Iterator<Item = &Stop> {
        self.stops
            .iter()
            .filter(|s| s.result == Some(StopResult::Deceased))
    }

    /// The stops of the route sheet: those the round carries cash for.
    pub fn sheet_stops(&self) -> Vec<crate::document::home::Stop> {
        self.stops
            .iter()
            .filter(|s| s.carries_cash())
            .map(|s| crate::document::home::Stop {
                hamlet: self.hamlet.clone(),
                record_code: s.record_code.clone(),
                full_name: s.full_name.clone(),
                id_number: s.id_number.clone(),
                address: s.address.clone(),
                amount: s.amount,
            })
            .collect()
    }

    pub fn stop_of(&self, person_id: i64) -> Option<&Stop> {
        self.stops.iter().find(|s| s.person_id == person_id)
    }

    /// The stop of the person with this record code or ID number.
    pub fn find(&self, who: &str) -> Option<&Stop> {
        let key = crate::text::fold(who.trim());
        let digits: String = who.chars().filter(char::is_ascii_digit).collect();
        self.stops.iter().find(|s| {
            crate::text::fold(&s.record_code) == key
                || (!digits.is_empty() && s.id_number.as_deref() == Some(digits.as_str()))
        })
    }
}

/// A round in the list of rounds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundSummary {
    pub number: i64,
    pub period: Period,
    pub hamlet: String,
    pub postman: String,
    pub state: RoundState,
    pub issued: Option<Money>,
}

fn view(r: &Read<'_>, round: Round) -> Result<RoundView, Error> {
    let lines = rounds::lines(r, round.id)?;
    let mut stops: Vec<Stop> = Vec::new();
    for l in lines {
        if let Some(s) = stops.iter_mut().find(|s| s.stop == l.stop) {
            s.amount = s.amount + l.amount;
            if s.paid_elsewhere.is_none() {
                s.paid_elsewhere = l.paid_elsewhere;
            }
            continue;
        }
        let receipt_no = match l.payment_id {
            Some(id) => payments::record(r, id)?.map(|p| p.receipt_no),
            None => None,
        };
        stops.push(Stop {
            stop: l.stop,
            reference: l.reference,
            person_id: l.person_id,
            record_code: l.record_code,
            full_name: l.full_name,
            id_number: l.id_number,
            address: l.address,
            status: l.status,
            amount: l.amount,
            result: l.result,
            note: l.note,
            receipt_no,
            paid_elsewhere: if l.payment_id.is_some() {
                None
            } else {
                l.paid_elsewhere
            },
        });
    }
    let paid = rounds::paid_total(r, round.id)?;
    Ok(RoundView {
        number: round.id,
        period: round.period,
        hamlet: round.hamlet,
        postman: round.postman,
        postman_id: round.postman_id,
        state: round.state,
        created_at: round.created_at,
        issued_on: round.issued.as_ref().map(|(_, d)| d.clone()),
        stops,
        cash: RoundCash {
            issued: round.issued.map_or(Money::ZERO, |(a, _)| a),
            paid,
            returned: round.returned.map_or(Money::ZERO, |(a, _)| a),
        },
        difference: round.closed.as_ref().map(|(d, _)| *d),
        reason: round.closed.and_then(|(_, r)| r),
    })
}

fn read_round(r: &Read<'_>, number: i64) -> Result<RoundView, Error> {
    let round = rounds::get(r, number)?.ok_or(RoundError::NoSuchRound(number))?;
    view(r, round)
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
    /// Every round, newest first.
    pub fn rounds(&self) -> Result<Vec<RoundSummary>, Error> {
        Ok(self
            .store
            .read(rounds::all)?
            .into_iter()
            .map(|g| RoundSummary {
                number: g.id,
                period: g.period,
                hamlet: g.hamlet,
                postman: g.postman,
                state: g.state,
                issued: g.issued.map(|(a, _)| a),
            })
            .collect())
    }

    /// A round with its stops and its cash.
    pub fn round(&self, number: i64) -> Result<RoundView, Error> {
        self.store.read(|r| read_round(r, number))
    }

    /// The users who can carry a round (every active user), by name.
    pub fn postmen(&self) -> Result<Vec<User>, Error> {
        let mut all = self.store.read(users::all)?;
        all.retain(|u| !u.locked);
        Ok(all)
    }

    /// Makes a round of `period` for one hamlet (a supervisor), carried by
    /// the user `postman`: everyone of the hamlet paid at home (by their
    /// registration — the supervisor's mark with its reason —, else the
    /// payer's list) who is active and owed something in the period, with
    /// all their unpaid lines up to the period. Audited.
    pub fn create_round(
        &mut self,
        supervisor: &Session,
        period: Period,
        hamlet: &str,
        postman: &str,
    ) -> Result<RoundView, Error> {
        supervisor.require_supervisor()?;
        if hamlet.trim().is_empty() {
            return Err(RoundError::HamletNeeded.into());
        }
        let stops = self.home_stops(period, Some(hamlet))?;
        let Some(first) = stops.first() else {
            return Err(RoundError::NobodyAtHome {
                hamlet: hamlet.trim().to_string(),
            }
            .into());
        };
        let hamlet_name = first.hamlet.clone();
        let codes: Vec<String> = stops.iter().map(|s| s.record_code.clone()).collect();
        let by = supervisor.user.id;
        let postman = postman.trim().to_string();
        let number = self.store.write(self.who(Some(by)), |w| {
            let (carrier, _) = users::by_name(w, &postman)?.ok_or_else(|| Error::UnknownUser {
                name: postman.clone(),
            })?;
            let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
            let found = people::by_record_codes(w, &refs)?;
            let (id, mut event) = rounds::insert_round(w, period, &hamlet_name, carrier.id, by)?;
            let mut stop = 0;
            let mut total = Money::ZERO;
            for code in &codes {
                let Some(person) = found.get(code) else {
                    continue;
                };
                let unpaid: Vec<_> = payments::unpaid_lines(w, person.id)?
                    .into_iter()
                    .filter(|l| l.period <= period)
                    .collect();
                let ids: Vec<i64> = unpaid.iter().map(|l| l.entitlement_id).collect();
                let sum: Money = unpaid.iter().map(|l| l.amount).sum();
                if unpaid.is_empty()
                    || sum <= Money::ZERO
                    || rounds::holding(w, &ids)?.is_some()
                    || crate::store::batches::waiting_batch_of(w, &ids)?.is_some()
                {
                    continue;
                }
                stop += 1;
                total = total + sum;
                for l in &unpaid {
                    event = event.join(rounds::insert_line(
                        w,
                        id,
                        &rounds::NewLine {
                            stop,
                            person_id: person.id,
                            entitlement_id: l.entitlement_id,
                            amount: l.amount,
                        },
                    )?);
                }
            }
            if stop == 0 {
                return Err(RoundError::NobodyAtHome {
                    hamlet: hamlet_name.clone(),
                }
                .into());
            }
            let event = event.with(json!({
                "period": period.to_string(), "hamlet": hamlet_name,
                "postman": carrier.name, "stops": stop, "total": total.dong(),
            }));
            Ok::<_, Error>(w.log(event, id)?)
        })?;
        self.round(number)
    }

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
        self.store.write(self.who(Some(by)), |w| {
            let v = read_round(w, number)?;
            expect(&v, RoundState::Open)?;
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
            let note = crate::i18n::rounds::move_note(number);
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
                let (kind, proxy) = if person.id_number.as_deref() == Some(typed.as_str()) {
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
                let note = crate::i18n::rounds::move_note(number);
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

/// Gives each person a round left unpaid in `period`, and for whom the
/// supervisor has recorded no reason, the reason of the round's outcome
/// (not at home → away, refused, reported deceased) as their default.
pub(crate) fn default_reasons(
    r: &Read<'_>,
    period: Period,
    people: &mut [crate::domain::period_report::PersonOutcome],
) -> Result<(), Error> {
    use crate::domain::period_report::Settled;
    let from_rounds = rounds::unpaid_reasons(r, period)?;
    if from_rounds.is_empty() {
        return Ok(());
    }
    for p in people.iter_mut() {
        if p.settled == Settled::Unpaid
            && p.reason.is_none()
            && let Some((reason, note)) = from_rounds.get(&p.person_id)
        {
            p.reason = Some(*reason);
            p.reason_note = note.clone();
        }
    }
    Ok(())
}
