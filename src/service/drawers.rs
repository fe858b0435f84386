//! The cash drawers: the supervisor's float, more cash and cash taken
//! back; whether a drawer can pay; the blind count at the end of the shift
//! and the reason for a difference, also for an earlier day left open.

use std::collections::BTreeMap;

use serde_json::json;

use super::day::DayError;
use super::{Error, Service, Session};
use crate::domain::Money;
use crate::domain::report::{CountFact, MoveKind};
use crate::domain::user::User;
use crate::store::{days, drawers, users};

/// Why a clerk's drawer cannot pay cash now ([`Service::cash_block`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CashBlock {
    /// No opening float today: the supervisor has not opened the drawer.
    NotOpened,
    /// The drawer was counted at the end of the shift.
    Counted,
    /// The drawer holds less than the amount to pay.
    Short,
}

/// An earlier day with activity that is not closed.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenDay {
    /// The day, `YYYY-MM-DD`.
    pub day: String,
    /// The clerks whose drawer that day was opened and never counted.
    pub uncounted: Vec<String>,
}

impl Service {
    fn check_amount(&self, amount: Money) -> Result<(), DayError> {
        let smallest = self
            .config
            .cash
            .denominations
            .iter()
            .copied()
            .min()
            .unwrap_or(1);
        if amount <= Money::ZERO || amount.dong() % smallest != 0 {
            return Err(DayError::BadAmount);
        }
        Ok(())
    }

    /// Cash between the supervisor and a clerk's drawer today: the opening
    /// float, more cash, or cash taken back. The clerk confirms on the spot
    /// with their PIN.
    pub fn drawer_move(
        &mut self,
        supervisor: &Session,
        clerk_name: &str,
        clerk_pin: &str,
        kind: MoveKind,
        amount: Money,
        note: &str,
    ) -> Result<(), Error> {
        supervisor.require_supervisor()?;
        self.check_amount(amount)?;
        let note = crate::text::clean_field(note).map_err(|error| Error::BadText {
            field: "note",
            error,
        })?;
        let clerk = self.confirm_other(supervisor, clerk_name, clerk_pin)?;
        let day = self.today_str();
        self.store.write(self.who(Some(supervisor.user.id)), |w| {
            let name = clerk.full_name.clone();
            let opened = drawers::is_open(w, &day, clerk.id)?;
            if drawers::count_of(w, &day, clerk.id)?.is_some() {
                return Err(DayError::DrawerCounted { clerk: name }.into());
            }
            match kind {
                MoveKind::Float if opened => {
                    return Err(DayError::AlreadyFloated { clerk: name }.into());
                }
                MoveKind::Issue | MoveKind::Return if !opened => {
                    return Err(DayError::DrawerNotOpen { clerk: name }.into());
                }
                MoveKind::Return => {
                    let expected = drawers::balance(w, &day, clerk.id)?;
                    if amount > expected {
                        return Err(DayError::NotEnoughCash {
                            clerk: name,
                            expected,
                        }
                        .into());
                    }
                }
                _ => {}
            }
            let note = (!note.is_empty()).then_some(note.as_str());
            let (_, event) = drawers::insert_move(
                w,
                &drawers::NewMove {
                    day: &day,
                    clerk_id: clerk.id,
                    supervisor_id: supervisor.user.id,
                    kind,
                    amount,
                    note,
                },
            )?;
            Ok(w.log(
                event.with(
                    json!({ "kind": kind.code(), "clerk": clerk.name, "amount": amount.dong() }),
                ),
                (),
            )?)
        })
    }

    /// The clerk receiving cash confirms with their PIN on the spot; a
    /// supervisor handling their own drawer is already signed in.
    fn confirm_other(&mut self, session: &Session, name: &str, pin: &str) -> Result<User, Error> {
        if name.trim() == session.user.name {
            return Ok(session.user.clone());
        }
        self.check_other_pin(name, pin)
    }

    /// Whether `clerk`'s drawer is open and whether it is counted, today.
    pub fn drawer_state(&self, clerk: &Session) -> Result<(bool, Option<CountFact>), Error> {
        let day = self.today_str();
        self.store.read(|r| {
            Ok((
                drawers::is_open(r, &day, clerk.user.id)?,
                drawers::count_of(r, &day, clerk.user.id)?.map(|(_, c)| c),
            ))
        })
    }

    /// Whether `clerk`'s drawer holds at least `amount` in cash now — yes or
    /// no only, so a screen can say whether a cash payment can be made
    /// without showing what the drawer holds (the count is blind).
    pub fn drawer_holds(&self, clerk: &Session, amount: Money) -> Result<bool, Error> {
        let day = self.today_str();
        Ok(self
            .store
            .read(|r| drawers::balance(r, &day, clerk.user.id))?
            >= amount)
    }

    /// Why `clerk`'s drawer cannot pay `amount` in cash now, or `None`
    /// when it can: not opened today, already counted, or not holding
    /// that much (the amount it holds is never told).
    pub fn cash_block(&self, clerk: &Session, amount: Money) -> Result<Option<CashBlock>, Error> {
        let (opened, count) = self.drawer_state(clerk)?;
        Ok(if !opened {
            Some(CashBlock::NotOpened)
        } else if count.is_some() {
            Some(CashBlock::Counted)
        } else if self.drawer_holds(clerk, amount)? {
            None
        } else {
            Some(CashBlock::Short)
        })
    }

    /// Today's close, if today is closed already: nothing more is
    /// recorded today, which the counter says before a payment begins.
    pub fn today_closed(&self) -> Result<Option<super::day::DayError>, Error> {
        let day = self.today_str();
        Ok(self.store.read(|r| days::closed(r, &day))?.map(|c| {
            super::day::DayError::AlreadyClosed {
                day: day.clone(),
                at: c.at,
                by: c.by,
            }
        }))
    }

    /// The cash `clerk`'s drawer holds now (for the clerk's own screen: it
    /// is what a cash payment may take, not a figure of the blind count).
    pub fn drawer_balance(&self, clerk: &Session) -> Result<Money, Error> {
        let day = self.today_str();
        Ok(self
            .store
            .read(|r| drawers::balance(r, &day, clerk.user.id))?)
    }

    /// Earlier days with activity that are not closed, oldest first, with
    /// the drawers left uncounted: announced at sign-in and with a float.
    pub fn open_days(&self) -> Result<Vec<OpenDay>, Error> {
        let today = self.today_str();
        self.store.read(|r| {
            let uncounted = drawers::uncounted_before(r, &today)?;
            let mut out = Vec::new();
            for day in days::open_days_before(r, &today)? {
                let mut names = Vec::new();
                for (d, clerk_id) in &uncounted {
                    if *d == day
                        && let Some(u) = users::by_id(r, *clerk_id)?
                    {
                        names.push(u.full_name);
                    }
                }
                out.push(OpenDay {
                    day,
                    uncounted: names,
                });
            }
            Ok(out)
        })
    }

    /// The clerk's blind count of their drawer today: recorded as given,
    /// before the expected amount is known to them; returns the count with
    /// its difference. A count is made once.
    pub fn count_drawer(
        &mut self,
        clerk: &Session,
        notes: &BTreeMap<i64, i64>,
    ) -> Result<CountFact, Error> {
        let day = self.today_str();
        self.record_count(clerk, &clerk.user.clone(), &day, notes, None)
    }

    /// A supervisor finishes an earlier day that a clerk left uncounted:
    /// the count made now of what that drawer held (`notes`), or, with
    /// `not_counted`, the reason no count can be made. Recorded with who
    /// counted and when.
    pub fn count_earlier_day(
        &mut self,
        supervisor: &Session,
        clerk_name: &str,
        day: &str,
        notes: &BTreeMap<i64, i64>,
        not_counted: Option<&str>,
    ) -> Result<CountFact, Error> {
        supervisor.require_supervisor()?;
        if day >= self.today_str().as_str() {
            return Err(DayError::NotEarlier {
                day: day.to_string(),
            }
            .into());
        }
        let clerk = self
            .store
            .read(|r| users::by_name(r, clerk_name.trim()))?
            .map(|(u, _)| u)
            .ok_or_else(|| Error::UnknownUser {
                name: clerk_name.to_string(),
            })?;
        let reason = match not_counted {
            Some(r) => {
                let r = crate::text::clean_field(r).map_err(|error| Error::BadText {
                    field: "reason",
                    error,
                })?;
                if r.is_empty() {
                    return Err(DayError::ReasonMissing.into());
                }
                Some(r)
            }
            None => None,
        };
        self.record_count(supervisor, &clerk, day, notes, reason.as_deref())
    }

    fn record_count(
        &mut self,
        by: &Session,
        clerk: &User,
        day: &str,
        notes: &BTreeMap<i64, i64>,
        not_counted: Option<&str>,
    ) -> Result<CountFact, Error> {
        for (&d, &n) in notes {
            if !self.config.cash.denominations.contains(&d) {
                return Err(DayError::NotADenomination(d).into());
            }
            if n < 0 {
                return Err(DayError::BadAmount.into());
            }
        }
        let notes: BTreeMap<i64, i64> = notes
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(d, n)| (*d, *n))
            .collect();
        let counted = notes
            .iter()
            .try_fold(Money::ZERO, |sum, (d, n)| {
                d.checked_mul(*n)
                    .and_then(|v| sum.checked_add(Money::from_dong(v)))
            })
            .ok_or(DayError::BadAmount)?;
        self.store.write(self.who(Some(by.user.id)), |w| {
            let name = clerk.full_name.clone();
            if let Some(c) = days::closed(w, day)? {
                return Err(DayError::AlreadyClosed {
                    day: day.to_string(),
                    at: c.at,
                    by: c.by,
                }
                .into());
            }
            if !drawers::is_open(w, day, clerk.id)? {
                return Err(DayError::DrawerNotOpen { clerk: name }.into());
            }
            if drawers::count_of(w, day, clerk.id)?.is_some() {
                return Err(DayError::AlreadyCounted { clerk: name }.into());
            }
            let expected = drawers::balance(w, day, clerk.id)?;
            let (id, event) = drawers::insert_count(
                w,
                &drawers::NewCount {
                    day,
                    clerk_id: clerk.id,
                    counted_by: by.user.id,
                    notes: &notes,
                    counted,
                    expected,
                    not_counted,
                },
            )?;
            let event = event.with(json!({ "day": day, "clerk": clerk.name,
                "difference": (counted - expected).dong() }));
            w.append(event)?;
            let count = drawers::count_of(w, day, clerk.id)?.map(|(_, c)| c).ok_or(
                DayError::DrawerNotOpen {
                    clerk: clerk.full_name.clone(),
                },
            )?;
            let _ = id;
            Ok(w.finish(count)?)
        })
    }

    /// Why the clerk's count today differs (once, after the count).
    pub fn explain_difference(&mut self, clerk: &Session, reason: &str) -> Result<(), Error> {
        let day = self.today_str();
        self.record_reason(clerk, &clerk.user.clone(), &day, reason)
    }

    /// A supervisor writes why an earlier day's count differs, for a clerk
    /// who did not.
    pub fn explain_earlier_difference(
        &mut self,
        supervisor: &Session,
        clerk_name: &str,
        day: &str,
        reason: &str,
    ) -> Result<(), Error> {
        supervisor.require_supervisor()?;
        let clerk = self
            .store
            .read(|r| users::by_name(r, clerk_name.trim()))?
            .map(|(u, _)| u)
            .ok_or_else(|| Error::UnknownUser {
                name: clerk_name.to_string(),
            })?;
        self.record_reason(supervisor, &clerk, day, reason)
    }

    fn record_reason(
        &mut self,
        by: &Session,
        clerk: &User,
        day: &str,
        reason: &str,
    ) -> Result<(), Error> {
        let reason = crate::text::clean_field(reason).map_err(|error| Error::BadText {
            field: "reason",
            error,
        })?;
        if reason.is_empty() {
            return Err(DayError::ReasonMissing.into());
        }
        self.store.write(self.who(Some(by.user.id)), |w| {
            let name = clerk.full_name.clone();
            let Some((id, count)) = drawers::count_of(w, day, clerk.id)? else {
                if drawers::is_open(w, day, clerk.id)? {
                    return Err(DayError::NotCountedYet { clerk: name }.into());
                }
                return Err(DayError::DrawerNotOpen { clerk: name }.into());
            };
            if count.difference.is_zero() || count.not_counted.is_some() {
                return Err(DayError::NoDifference.into());
            }
            if count.reason.is_some() {
                return Err(DayError::ReasonGiven { clerk: name }.into());
            }
            let event = drawers::insert_reason(w, id, &reason)?.with(json!({ "day": day }));
            Ok(w.log(event, ())?)
        })
    }
}
