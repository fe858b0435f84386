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
use crate::store::{Read, audit, days, drawers, payments, users};

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
    /// Paying out more cash than the drawer holds.
    DrawerShort {
        clerk: String,
        balance: Money,
        needed: Money,
    },
    /// A reason is asked for a drawer that is open but not counted yet.
    NotCountedYet { clerk: String },
    /// The count's reason was already written.
    ReasonGiven { clerk: String },
    /// A day's count for an earlier day is asked for today (or a later day).
    NotEarlier { day: String },
    /// The day had no payments, voids or cash moves: closing it seals an
    /// empty day, which is asked for on purpose only.
    EmptyDay { day: String },
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

/// An earlier day with activity that is not closed.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenDay {
    /// The day, `YYYY-MM-DD`.
    pub day: String,
    /// The clerks whose drawer that day was opened and never counted.
    pub uncounted: Vec<String>,
}

/// A closed day: its sealed report and the backup made with the close.
#[derive(Debug, Clone)]
pub struct Closed {
    pub report: DayReport,
    pub backup: PathBuf,
}

impl From<DayError> for Error {
    fn from(e: DayError) -> Self {
        Error::Day(e)
    }
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
                return Err(DayError::DrawerCounted { clerk: name }.into());
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
        let day = self.today_str();
        let receipt_no = receipt_no.trim().to_uppercase();
        let id = self.store.write(self.who(Some(requester.user.id)), |w| {
            let id = payments::by_receipt_no(w, &receipt_no)?
                .ok_or_else(|| DayError::NoSuchReceipt(receipt_no.clone()))?;
            let p = payments::record(w, id)?
                .ok_or_else(|| DayError::NoSuchReceipt(receipt_no.clone()))?;
            if let Some(r) = &p.reversal {
                return Err(DayError::AlreadyVoided {
                    receipt_no: p.receipt_no.clone(),
                    at: r.at.clone(),
                }
                .into());
            }
            if p.method.is_cash() {
                if !drawers::is_open(w, &day, requester.user.id)? {
                    return Err(DayError::DrawerNotOpen {
                        clerk: requester.user.full_name.clone(),
                    }
                    .into());
                }
                if drawers::count_of(w, &day, requester.user.id)?.is_some() {
                    return Err(DayError::DrawerCounted {
                        clerk: requester.user.full_name.clone(),
                    }
                    .into());
                }
            }
            let (_, event) = payments::insert_reversal(
                w,
                id,
                &day,
                requester.user.id,
                approval.supervisor().id,
                &reason,
            )?;
            Ok::<_, Error>(w.log(
                event.with(json!({ "receipt_no": p.receipt_no, "total": p.total.dong(),
                                   "method": p.method.code() })),
                id,
            )?)
        })?;
        self.store
            .read(|r| payments::record(r, id))?
            .ok_or(DayError::NoSuchReceipt(receipt_no).into())
    }

    /// The report of a day ("YYYY-MM-DD"): for a closed day, the report as
    /// it was sealed; for an open day, as it stands now. The same numbers
    /// the screen, the printout and the exports show. Nothing is hidden:
    /// use [`Service::day_report_for`] for what a user may see.
    pub fn day_report(&self, day: &str) -> Result<DayReport, Error> {
        self.store.read(|r| report_of(r, day))
    }

    /// The report of a day as `viewer` may see it: a clerk sees only their
    /// own drawer, and nobody sees the cash a drawer should hold before it
    /// is counted (the blind count).
    pub fn day_report_for(&self, viewer: &Session, day: &str) -> Result<DayReport, Error> {
        let mut report = self.day_report(day)?;
        report::hide_uncounted(&mut report);
        if !viewer.is_supervisor() {
            report.clerks.retain(|c| c.user_id == viewer.user.id);
        }
        Ok(report)
    }

    /// The seal code of the last closed day (`(day, code)`), written into
    /// the files sent to the payer.
    pub fn last_day_seal(&self) -> Result<Option<(String, String)>, Error> {
        Ok(self.store.read(|r| days::seal_before(r, "9999-12-31"))?)
    }

    /// Closes a day (a supervisor, confirming with their PIN): every opened
    /// drawer counted, every difference explained, earlier days closed; an
    /// empty day only with `empty_ok`. The close stores the report as
    /// sealed and the seal, which covers the day's own audit rows, and the
    /// day's backup is made and checked before the close is committed.
    pub fn close_day(
        &mut self,
        supervisor: &Session,
        pin: &str,
        day: &str,
        empty_ok: bool,
    ) -> Result<Closed, Error> {
        supervisor.require_supervisor()?;
        self.confirm_pin(supervisor, pin)?;
        let today = self.today_str();
        if day > today.as_str() {
            return Err(DayError::NotYet {
                day: day.to_string(),
            }
            .into());
        }
        let by = supervisor.user.id;
        let who = self.who(Some(by));
        // Everything the close writes is decided first, on one snapshot
        // taken inside the write (so the copy and the database get the same).
        let prepared = self.store.read(|r| {
            if let Some(c) = days::closed(r, day)? {
                return Err(Error::from(DayError::AlreadyClosed {
                    day: day.to_string(),
                    at: c.at,
                    by: c.by,
                }));
            }
            let earlier = days::open_days_before(r, day)?;
            if !earlier.is_empty() {
                return Err(DayError::EarlierDaysOpen { days: earlier }.into());
            }
            if !empty_ok && !days::has_activity(r, day)? {
                return Err(DayError::EmptyDay {
                    day: day.to_string(),
                }
                .into());
            }
            Ok(())
        });
        prepared?;
        let backup_dir = self.config.backup.dir.clone();
        let dest = unique_path(backup_dir.join(format!("chitra-{day}.db")));
        let file_name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.store.write_with_copy(who, &dest, |w| {
            let plan = plan_close(w, day, &today)?;
            let event = days::insert_closed(
                w,
                &days::NewClose {
                    day,
                    by,
                    totals: &plan.totals,
                    seal: &plan.seal,
                    report: &plan.report_json,
                    prev_code: plan.prev.as_deref(),
                    code: &plan.code,
                    backup: &file_name,
                },
            )?;
            Ok::<_, Error>(w.log(
                event.with(json!({ "day": day, "seal": plan.code, "backup": file_name })),
                (),
            )?)
        })?;
        super::backup::prune(&backup_dir, self.config.backup.keep);
        let report = self.day_report(day)?;
        Ok(Closed {
            report,
            backup: dest,
        })
    }
}

/// What closing a day writes, decided on the write's snapshot.
struct ClosePlan {
    totals: String,
    seal: Seal,
    report_json: String,
    prev: Option<String>,
    code: String,
}

fn plan_close(r: &Read<'_>, day: &str, today: &str) -> Result<ClosePlan, Error> {
    let mut facts = days::facts(r, day)?;
    facts.unpaid = days::unpaid(r, day)?;
    let report = report::compute(&facts);
    if !report.blockers.is_empty() {
        return Err(DayError::Blocked(report.blockers).into());
    }
    // The day's own audit rows: those written before the next day began
    // (a close run late does not seal the next day's work).
    let next = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.succ_opt())
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| today.to_string());
    let seal = audit::last_before(r, &next)?
        .map(|h| Seal {
            seq: h.seq,
            hash: h.hash,
        })
        .unwrap_or(Seal {
            seq: 0,
            hash: audit::GENESIS.to_string(),
        });
    let mut sealed = report.clone();
    sealed.closed = None;
    sealed.audit_head = Some(seal.clone());
    let report_json = serde_json::to_string(&sealed).unwrap_or_default();
    let prev = days::seal_before(r, day)?.map(|(_, code)| code);
    let code = crate::domain::seal::code(prev.as_deref(), day, seal.seq, &seal.hash, &report_json);
    Ok(ClosePlan {
        totals: report.totals_json(),
        seal,
        report_json,
        prev,
        code,
    })
}

/// `path`, or the same with "-2", "-3", … before the extension when taken.
fn unique_path(path: PathBuf) -> PathBuf {
    if !path.exists() {
        return path;
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|s| format!(".{}", s.to_string_lossy()))
        .unwrap_or_default();
    let dir = path.parent().map(PathBuf::from).unwrap_or_default();
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(path)
}

/// A day's report on one snapshot: the sealed one for a closed day.
pub(super) fn report_of(r: &Read<'_>, day: &str) -> Result<DayReport, Error> {
    if let Some(closed) = days::closed(r, day)? {
        if let Some(json) = days::sealed_report(r, day)?
            && let Ok(mut report) = serde_json::from_str::<DayReport>(&json)
        {
            report.closed = Some(closed);
            return Ok(report);
        }
        return Err(crate::store::StoreError::Damaged {
            what: format!("the sealed report of {day}"),
        }
        .into());
    }
    let mut facts = days::facts(r, day)?;
    facts.unpaid = days::unpaid(r, day)?;
    let mut report = report::compute(&facts);
    // An earlier day left open blocks this one's close: say so now, not
    // after the PIN.
    for earlier in days::open_days_before(r, day)? {
        report
            .blockers
            .insert(0, Blocker::EarlierDayOpen { day: earlier });
    }
    Ok(report)
}
