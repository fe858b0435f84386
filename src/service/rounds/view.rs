//! What a home round is made of, as the screens and the command line see
//! it: its stops (a person, their lines' total, what became of them), its
//! cash, and the reasons its outcomes give the period's results; the rounds
//! on file, who can carry one, and who a round of a hamlet would stop at.
//! Read from the store; nothing here writes.

use serde::Serialize;

use crate::domain::payment::PayMethod;
use crate::domain::round::{RoundCash, RoundState, StopResult};
use crate::domain::user::User;
use crate::domain::{Money, Period};
use crate::service::{Error, Service};
use crate::store::rounds::{self, Round};
use crate::store::{Read, payments};
use crate::store::{people, registrations, users};

use super::RoundError;

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
    /// On the view [`Service::create_round`] returns: the people of the
    /// hamlet it did not take, their family having reported them deceased
    /// on an earlier round (and nobody having paid them since). Empty on
    /// every other view.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub held_back: Vec<HeldBack>,
}

/// A person a new round did not take: the stop they would have been, and
/// the round on which their family reported them deceased.
pub type HeldBack = crate::document::home::Stop;

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
                death_reported: None,
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

pub(super) fn view(r: &Read<'_>, round: Round) -> Result<RoundView, Error> {
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
        held_back: Vec::new(),
    })
}

pub(super) fn read_round(r: &Read<'_>, number: i64) -> Result<RoundView, Error> {
    let round = rounds::get(r, number)?.ok_or(RoundError::NoSuchRound(number))?;
    view(r, round)
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

    /// The stops of a home round in `period`: everyone paid at home (by
    /// their registration, else the payer's list) who is active and still
    /// owed something in the period, hamlet by hamlet in Vietnamese order,
    /// for one hamlet (matched without marks or case) or the whole commune.
    pub fn home_stops(
        &self,
        period: Period,
        hamlet: Option<&str>,
    ) -> Result<Vec<crate::document::home::Stop>, Error> {
        use crate::domain::period_report::Settled;
        use crate::text::{collate, fold};
        let want = hamlet.map(|h| fold(h.trim()));
        let mut stops = self.store.read(|r| {
            let regs = registrations::latest_all(r)?;
            let mut out = Vec::new();
            for p in crate::store::periods::outcomes(r, period)? {
                if p.settled != Settled::Unpaid {
                    continue;
                }
                let Some(person) = people::get(r, p.person_id)? else {
                    continue;
                };
                let method = regs
                    .get(&(p.person_id, None))
                    .and_then(|g| g.method)
                    .unwrap_or(person.pay_method);
                if method != PayMethod::Home {
                    continue;
                }
                let h = p.hamlet.clone().unwrap_or_default();
                if want.as_ref().is_some_and(|w| fold(h.trim()) != *w) {
                    continue;
                }
                out.push(crate::document::home::Stop {
                    hamlet: h,
                    record_code: p.code.clone(),
                    full_name: p.full_name.clone(),
                    id_number: p.id_number.clone(),
                    address: person.address.clone(),
                    amount: p.left(),
                    death_reported: rounds::death_reported(r, p.person_id)?.map(|(n, _)| n),
                });
            }
            Ok::<_, Error>(out)
        })?;
        stops.sort_by(|a, b| {
            collate::compare(&a.hamlet, &b.hamlet).then_with(|| a.record_code.cmp(&b.record_code))
        });
        Ok(stops)
    }
}
