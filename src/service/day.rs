//! The day and its close: voids approved by a supervisor, the day report,
//! the last day's seal and closing the day. The drawers themselves (floats,
//! counts, reasons) are in `drawers.rs`.

use std::path::PathBuf;

use serde_json::json;

pub use super::drawers::{CashBlock, OpenDay};
use super::pay::Approval;
use super::{Error, Service, Session};
use crate::domain::payment::PaymentRecord;
use crate::domain::report::{self, Blocker, DayReport, Seal};
use crate::domain::{Money, Period};
use crate::store::{Read, audit, days, drawers, imports, payments};

/// Why a cash or close operation was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum DayError {
    /// The opening float was already given today.
    AlreadyFloated { clerk: String },
    /// No opening float today: nothing to add to, take from or count.
    DrawerNotOpen { clerk: String },
    /// The drawer was counted: no more cash moves through it today.
    DrawerCounted { clerk: String },
    /// A second count of a drawer already counted that day.
    AlreadyCounted { clerk: String },
    /// Taking back more than the drawer should hold.
    NotEnoughCash { clerk: String, expected: Money },
    /// Paying out more cash than the drawer holds. What it holds is not
    /// part of the refusal: the clerk's count at the end of the shift is
    /// blind, and a refusal that named the balance would tell it.
    DrawerShort { clerk: String, needed: Money },
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
    /// The payment settles a line of a closed period: its results have
    /// gone back to the social-affairs office.
    PeriodClosed { receipt_no: String, period: Period },
    /// The payment is a transfer the bank's result recorded (batch
    /// `batch`, line `reference`): the money left through the bank, and a
    /// void would let the lines be paid again.
    BankTransfer {
        receipt_no: String,
        batch: i64,
        reference: String,
    },
    /// A day in the future.
    NotYet { day: String },
    /// Earlier days with activity are still open.
    EarlierDaysOpen { days: Vec<String> },
    /// What must be done before the day can close.
    Blocked(Vec<Blocker>),
    /// The day was closed already.
    AlreadyClosed { day: String, at: String, by: String },
    /// `verify` found rows changed outside chitra: sealing the day would
    /// seal them.
    NotSound { findings: usize },
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

/// Refuses a void of a payment voided already, that settles a line of a
/// closed period, or that the bank's result recorded: the same check
/// before the approval is asked ([`Service::check_voidable`]) and inside
/// the void's own write.
fn not_voidable(r: &Read<'_>, p: &PaymentRecord) -> Result<(), Error> {
    if let Some(v) = &p.reversal {
        return Err(DayError::AlreadyVoided {
            receipt_no: p.receipt_no.clone(),
            at: v.at.clone(),
        }
        .into());
    }
    // The database refuses it too (`reversals_not_bank_result`).
    if let Some((batch, reference)) = crate::store::batches::result_of_payment(r, p.id)? {
        return Err(DayError::BankTransfer {
            receipt_no: p.receipt_no.clone(),
            batch,
            reference,
        }
        .into());
    }
    for period in p.periods() {
        if imports::period_closed(r, period)? == Some(true) {
            return Err(DayError::PeriodClosed {
                receipt_no: p.receipt_no.clone(),
                period,
            }
            .into());
        }
    }
    Ok(())
}

impl Service {
    pub(super) fn today_str(&self) -> String {
        self.today().format("%Y-%m-%d").to_string()
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
            not_voidable(w, &p)?;
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

    /// Refuses, before any approval is asked, a void the service would
    /// refuse for the payment itself: voided already, settling a line of a
    /// closed period, or a transfer the bank's result recorded.
    pub fn check_voidable(&self, payment: &PaymentRecord) -> Result<(), Error> {
        self.store.read(|r| not_voidable(r, payment))
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
        // A close seals the day's numbers: never numbers changed outside
        // chitra. The whole check runs first (a few seconds at most, once
        // a day).
        let checked = self.verify(&[])?;
        if !checked.ok() {
            return Err(DayError::NotSound {
                findings: checked.findings.len(),
            }
            .into());
        }
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
    let report = open_report(r, day)?;
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
    open_report(r, day)
}

/// The report of a day not closed, with everything that blocks its close:
/// what the report is asked for shows is what the close refuses.
fn open_report(r: &Read<'_>, day: &str) -> Result<DayReport, Error> {
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
    for (round, postman) in crate::store::rounds::out_on_or_before(r, day)? {
        report.blockers.push(Blocker::RoundOut { round, postman });
    }
    Ok(report)
}
