//! The day's cash and its close: drawer movements between the supervisor
//! and a clerk (the clerk confirms with their PIN), the clerk's blind count,
//! voids approved by a supervisor, the day report and closing the day.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::json;

use super::pay::Approval;
use super::{Error, Service, Session};
use crate::domain::Money;
use crate::domain::payment::PaymentRecord;
use crate::domain::report::{self, Blocker, CountFact, DayReport, MoveKind, Seal};
use crate::domain::user::User;
use crate::store::{audit, days, drawers, payments};

/// Why a cash or close operation was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum DayError {
    /// The opening float was already given today.
    AlreadyFloated { clerk: String },
    /// No opening float today: nothing to add to, take from or count.
    DrawerNotOpen { clerk: String },
    /// The drawer was counted: no more cash moves through it today.
    DrawerCounted { clerk: String },
    /// Taking back more than the drawer should hold.
    NotEnoughCash { clerk: String, expected: Money },
    /// An amount of zero, negative, or not a whole number of the smallest note.
    BadAmount,
    /// A denomination the configuration does not list.
    NotADenomination(i64),
    /// A reason was given but the count had no difference.
    NoDifference,
    /// The reason is empty.
    ReasonMissing,
    /// No payment with that receipt number.
    NoSuchReceipt(String),
    /// The payment was voided already.
    AlreadyVoided { receipt_no: String, at: String },
    /// A day in the future.
    NotYet { day: String },
    /// Earlier days with activity are still open.
    EarlierDaysOpen { days: Vec<String> },
    /// What must be done before the day can close.
    Blocked(Vec<Blocker>),
    /// The day was closed already.
    AlreadyClosed { day: String, at: String, by: String },
}

impl From<DayError> for Error {
    fn from(e: DayError) -> Self {
        Error::Day(e)
    }
}

/// A closed day: its report and where the day's backup went.
#[derive(Debug, Clone)]
pub struct Closed {
    pub report: DayReport,
    pub backup: Result<PathBuf, String>,
}

impl Service {
    fn today_str(&self) -> String {
        self.today().format("%Y-%m-%d").to_string()
    }

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
        let now = self.clock.now();
        let at = super::clock::stamp(now);
        let day = self.today_str();
        self.store.write(|tx| {
            let name = clerk.full_name.clone();
            let opened = drawers::is_open(tx, &day, clerk.id)?;
            if drawers::count_of(tx, &day, clerk.id)?.is_some() {
                return Err(DayError::DrawerCounted { clerk: name }.into());
            }
            match kind {
                MoveKind::Float if opened => return Err(DayError::AlreadyFloated { clerk: name }.into()),
                MoveKind::Issue | MoveKind::Return if !opened => {
                    return Err(DayError::DrawerNotOpen { clerk: name }.into());
                }
                MoveKind::Return => {
                    let expected = expected_cash(tx, &day, clerk.id)?;
                    if amount > expected {
                        return Err(DayError::NotEnoughCash { clerk: name, expected }.into());
                    }
                }
                _ => {}
            }
            let note = (!note.is_empty()).then_some(note.as_str());
            let id = drawers::insert_move(
                tx,
                &drawers::NewMove {
                    day: &day,
                    at: &at,
                    clerk_id: clerk.id,
                    supervisor_id: supervisor.user.id,
                    kind,
                    amount,
                    note,
                },
            )?;
            audit::append(
                tx,
                &at,
                Some(supervisor.user.id),
                "drawer.move",
                "drawer_move",
                Some(id),
                &json!({ "kind": kind.code(), "clerk": clerk.name, "amount": amount.dong(), "note": note }),
            )?;
            Ok(())
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
        let conn = self.store.conn();
        Ok((
            drawers::is_open(conn, &day, clerk.user.id)?,
            drawers::count_of(conn, &day, clerk.user.id)?.map(|(_, c)| c),
        ))
    }

    /// The clerk's blind count of their drawer: recorded as given, before
    /// the expected amount is known to them; returns the count with its
    /// difference. A count is made once.
    pub fn count_drawer(
        &mut self,
        clerk: &Session,
        notes: &BTreeMap<i64, i64>,
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
        let at = self.stamp();
        let day = self.today_str();
        let who = clerk.user.clone();
        self.store.write(|tx| {
            if !drawers::is_open(tx, &day, who.id)? {
                return Err(DayError::DrawerNotOpen {
                    clerk: who.full_name.clone(),
                }
                .into());
            }
            if drawers::count_of(tx, &day, who.id)?.is_some() {
                return Err(DayError::DrawerCounted {
                    clerk: who.full_name.clone(),
                }
                .into());
            }
            let expected = expected_cash(tx, &day, who.id)?;
            let id = drawers::insert_count(tx, &day, &at, who.id, &notes, counted, expected)?;
            audit::append(
                tx,
                &at,
                Some(who.id),
                "drawer.count",
                "drawer_count",
                Some(id),
                &json!({ "notes": notes, "counted": counted.dong(), "expected": expected.dong(),
                         "difference": (counted - expected).dong() }),
            )?;
            Ok::<_, Error>(())
        })?;
        Ok(drawers::count_of(self.store.conn(), &day, who.id)?
            .map(|(_, c)| c)
            .ok_or(DayError::DrawerNotOpen {
                clerk: who.full_name,
            })?)
    }

    /// Why the clerk's count differs (once, after the count).
    pub fn explain_difference(&mut self, clerk: &Session, reason: &str) -> Result<(), Error> {
        let reason = crate::text::clean_field(reason).map_err(|error| Error::BadText {
            field: "reason",
            error,
        })?;
        if reason.is_empty() {
            return Err(DayError::ReasonMissing.into());
        }
        let at = self.stamp();
        let day = self.today_str();
        let who = clerk.user.clone();
        self.store.write(|tx| {
            let (id, count) =
                drawers::count_of(tx, &day, who.id)?.ok_or_else(|| DayError::DrawerNotOpen {
                    clerk: who.full_name.clone(),
                })?;
            if count.difference.is_zero() {
                return Err(DayError::NoDifference.into());
            }
            drawers::insert_reason(tx, id, &at, &reason)?;
            audit::append(
                tx,
                &at,
                Some(who.id),
                "drawer.reason",
                "drawer_count",
                Some(id),
                &json!({ "reason": reason }),
            )?;
            Ok(())
        })
    }

    /// Voids a payment: a reversal row referencing it, asked by `requester`
    /// and approved on the spot by another person, a supervisor, with a
    /// reason. Its lines become payable again; cash returns to the
    /// requester's drawer.
    pub fn void_payment(
        &mut self,
        requester: &Session,
        receipt_no: &str,
        reason: &str,
        approval: &Approval,
    ) -> Result<PaymentRecord, Error> {
        let reason = crate::text::clean_field(reason).map_err(|error| Error::BadText {
            field: "reason",
            error,
        })?;
        if reason.is_empty() {
            return Err(DayError::ReasonMissing.into());
        }
        if approval.supervisor().id == requester.user.id {
            return Err(super::AuthError::SelfApproval.into());
        }
        let at = self.stamp();
        let day = self.today_str();
        let receipt_no = receipt_no.trim().to_uppercase();
        let id = self.store.write(|tx| {
            let id = payments::by_receipt_no(tx, &receipt_no)?
                .ok_or_else(|| DayError::NoSuchReceipt(receipt_no.clone()))?;
            let p = payments::record(tx, id)?
                .ok_or_else(|| DayError::NoSuchReceipt(receipt_no.clone()))?;
            if let Some(r) = &p.reversal {
                return Err(DayError::AlreadyVoided {
                    receipt_no: p.receipt_no.clone(),
                    at: r.at.clone(),
                }
                .into());
            }
            if p.method.is_cash() {
                if !drawers::is_open(tx, &day, requester.user.id)? {
                    return Err(DayError::DrawerNotOpen {
                        clerk: requester.user.full_name.clone(),
                    }
                    .into());
                }
                if drawers::count_of(tx, &day, requester.user.id)?.is_some() {
                    return Err(DayError::DrawerCounted {
                        clerk: requester.user.full_name.clone(),
                    }
                    .into());
                }
            }
            let rid = payments::insert_reversal(
                tx,
                id,
                &day,
                &at,
                requester.user.id,
                approval.supervisor().id,
                &reason,
            )?;
            audit::append(
                tx,
                &at,
                Some(requester.user.id),
                "payment.reverse",
                "payment",
                Some(id),
                &json!({ "reversal": rid, "receipt_no": p.receipt_no, "total": p.total.dong(),
                         "method": p.method.code(), "reason": reason,
                         "approved_by": approval.supervisor().id }),
            )?;
            Ok::<_, Error>(id)
        })?;
        Ok(payments::record(self.store.conn(), id)?.ok_or(DayError::NoSuchReceipt(receipt_no))?)
    }

    /// The report of a day ("YYYY-MM-DD"), closed or not: the same numbers
    /// the screen, the printout and the exports show.
    pub fn day_report(&self, day: &str) -> Result<DayReport, Error> {
        let conn = self.store.conn();
        let mut facts = days::facts(conn, day)?;
        facts.unpaid = days::unpaid(conn)?;
        Ok(report::compute(&facts))
    }

    /// Closes a day (a supervisor, confirming with their PIN): every opened
    /// drawer counted, every difference explained, earlier days closed. The
    /// close stores the totals and seals the audit chain's head; then a
    /// dated backup is written.
    pub fn close_day(
        &mut self,
        supervisor: &Session,
        pin: &str,
        day: &str,
    ) -> Result<Closed, Error> {
        supervisor.require_supervisor()?;
        self.confirm_pin(supervisor, pin)?;
        if day > self.today_str().as_str() {
            return Err(DayError::NotYet {
                day: day.to_string(),
            }
            .into());
        }
        let at = self.stamp();
        let by = supervisor.user.id;
        self.store.write(|tx| {
            if let Some(c) = days::closed(tx, day)? {
                return Err(DayError::AlreadyClosed { day: day.to_string(), at: c.at, by: c.by }.into());
            }
            let earlier = days::open_days_before(tx, day)?;
            if !earlier.is_empty() {
                return Err(DayError::EarlierDaysOpen { days: earlier }.into());
            }
            let report = report::compute(&days::facts(tx, day)?);
            if !report.blockers.is_empty() {
                return Err(DayError::Blocked(report.blockers).into());
            }
            let head = audit::head(tx)?.map(|h| Seal { seq: h.seq, hash: h.hash }).unwrap_or(Seal {
                seq: 0,
                hash: audit::GENESIS.to_string(),
            });
            let totals = report.totals_json();
            days::insert_closed(tx, day, &at, by, &totals, &head)?;
            audit::append(
                tx,
                &at,
                Some(by),
                "day.close",
                "day",
                None,
                &json!({ "day": day, "totals": serde_json::from_str::<serde_json::Value>(&totals).unwrap_or_default(),
                         "seal_seq": head.seq, "seal_hash": head.hash }),
            )?;
            Ok::<_, Error>(())
        })?;
        let report = self.day_report(day)?;
        let backup = self.daily_backup(day).map_err(|e| e.to_string());
        Ok(Closed { report, backup })
    }
}

/// A clerk's expected cash now, from the same computation as the report.
fn expected_cash(conn: &rusqlite::Connection, day: &str, clerk_id: i64) -> Result<Money, Error> {
    let report = report::compute(&days::facts(conn, day)?);
    Ok(report
        .clerks
        .iter()
        .find(|c| c.user_id == clerk_id)
        .map_or(Money::ZERO, |c| c.expected))
}
