//! The month as a whole: what each person on its lists was paid, why the
//! others were not, and closing the period once the payment window is
//! over, so that the results can go back to the social-affairs office.

use chrono::Datelike;

use super::{Error, Service, Session};
use crate::domain::Period;
use crate::domain::period_report::{PeriodReport, Settled, UnpaidReason};
use crate::store::{Read, days, periods};
use crate::text::fold;

/// Why a period cannot be reported or closed, or a reason not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    /// No list of that month was imported.
    NotImported { period: Period },
    /// The period was closed already.
    AlreadyClosed { period: Period, at: String },
    /// The payment window of the period is not over yet.
    WindowOpen { period: Period, last_day: u32 },
    /// Days with payments are still open: close them first.
    DaysOpen { days: Vec<String> },
    /// People still unpaid have no reason: give each one, or one for all.
    ReasonsMissing { codes: Vec<String> },
    /// Transfer batches still wait for the bank's result: a line sent is
    /// neither paid nor unpaid until the bank answers.
    BankPending {
        batches: Vec<i64>,
        codes: Vec<String>,
    },
    /// Home rounds holding lines of the period went out and are not
    /// reconciled yet.
    RoundsOpen { rounds: Vec<i64> },
    /// Nobody with that record code or ID number is on the period's lists.
    NotOnList { period: Period, who: String },
    /// The person is not unpaid in the period (paid, or payment stopped).
    NotUnpaid { period: Period, code: String },
    /// "Other" needs a note saying what the reason is.
    NoteNeeded,
    /// The totals do not add up: imported ≠ paid + unpaid + stopped.
    Unbalanced {
        imported: i64,
        paid: i64,
        unpaid: i64,
        stopped: i64,
    },
}

impl From<PeriodError> for Error {
    fn from(e: PeriodError) -> Self {
        Error::Period(e)
    }
}

/// How the unpaid people of a period are given their reasons at the close.
#[derive(Debug, Clone, Default)]
pub struct CloseOptions {
    /// The reason recorded, at the close, for everyone unpaid who has none.
    pub default_reason: Option<UnpaidReason>,
    /// The note that goes with it ("other" needs one).
    pub default_note: Option<String>,
}

impl Service {
    /// After how many unpaid months in a row a person is proposed for
    /// suspension.
    fn suspend_after(&self) -> i64 {
        i64::from(self.config.suspend_after_months())
    }

    /// A period's outcome per person, as `by` may see it (signed in).
    pub fn period_report(&self, by: &Session, period: Period) -> Result<PeriodReport, Error> {
        let _ = by;
        let suspend_after = self.suspend_after();
        self.store.read(|r| report_of(r, period, suspend_after))
    }

    /// Records why the person with record code or ID number `who` was not
    /// paid in `period` (a supervisor). A later reason replaces an earlier
    /// one; a closed period takes none.
    pub fn set_unpaid_reason(
        &mut self,
        supervisor: &Session,
        period: Period,
        who: &str,
        reason: UnpaidReason,
        note: Option<&str>,
    ) -> Result<PeriodReport, Error> {
        supervisor.require_supervisor()?;
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if reason.needs_note() && note.is_none() {
            return Err(PeriodError::NoteNeeded.into());
        }
        let note = note.map(crate::text::nfc);
        let suspend_after = self.suspend_after();
        let by = supervisor.user.id;
        self.store.write(self.who(Some(by)), |w| {
            open_state(w, period)?;
            let report = report_of(w, period, suspend_after)?;
            let key = fold(who.trim());
            let Some(p) = report
                .people
                .iter()
                .find(|p| fold(&p.code) == key || p.id_number.as_deref() == Some(who.trim()))
            else {
                return Err(PeriodError::NotOnList {
                    period,
                    who: who.trim().to_string(),
                }
                .into());
            };
            if p.settled != Settled::Unpaid {
                return Err(PeriodError::NotUnpaid {
                    period,
                    code: p.code.clone(),
                }
                .into());
            }
            let (_, event) = periods::insert_reason(
                w,
                &periods::NewReason {
                    period,
                    person_id: p.person_id,
                    reason,
                    note: note.as_deref(),
                    by,
                },
            )?;
            Ok::<_, Error>(w.log(event, ())?)
        })?;
        self.store.read(|r| report_of(r, period, suspend_after))
    }

    /// Whether `period` could be closed now, the PIN aside and with no
    /// reason given for all: the same refusals, in the same order, as
    /// [`Service::close_period`] gives. The screens ask it before they ask
    /// for the PIN, so that a close that cannot happen says why at once.
    pub fn check_period_close(&self, period: Period) -> Result<(), Error> {
        let tomorrow = self.window_over(period)?;
        let suspend_after = self.suspend_after();
        self.store
            .read(|r| blockers(r, period, &tomorrow, suspend_after, false).map(|_| ()))
    }

    /// Refuses a period whose payment window is not over; returns the day
    /// after today ("YYYY-MM-DD"), before which every day must be closed.
    fn window_over(&self, period: Period) -> Result<String, Error> {
        let today = self.today();
        let this = Period::of(today);
        let last_day = self.config.payment.window_last_day;
        if period > this || (period == this && today.day() <= last_day) {
            return Err(PeriodError::WindowOpen { period, last_day }.into());
        }
        Ok(today
            .succ_opt()
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string())
    }

    /// Closes `period` (a supervisor, confirming with their PIN), once its
    /// payment window is over, every day with payments is closed and
    /// every unpaid person has a reason (`opts` may give one for all who
    /// have none): nothing more is paid from it or imported into it.
    /// Returns the period's final outcome, whose totals add up.
    pub fn close_period(
        &mut self,
        supervisor: &Session,
        pin: &str,
        period: Period,
        opts: &CloseOptions,
    ) -> Result<PeriodReport, Error> {
        supervisor.require_supervisor()?;
        self.confirm_pin(supervisor, pin)?;
        let default_note = opts
            .default_note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(crate::text::nfc);
        if opts.default_reason.is_some_and(UnpaidReason::needs_note) && default_note.is_none() {
            return Err(PeriodError::NoteNeeded.into());
        }
        let tomorrow = self.window_over(period)?;
        let suspend_after = self.suspend_after();
        let by = supervisor.user.id;
        self.store.write(self.who(Some(by)), |w| {
            let before = blockers(
                w,
                period,
                &tomorrow,
                suspend_after,
                opts.default_reason.is_some(),
            )?;
            let missing: Vec<(i64, String)> = before
                .missing_reasons()
                .map(|p| (p.person_id, p.code.clone()))
                .collect();
            match opts.default_reason {
                None => {}
                Some(reason) => {
                    for (person_id, _) in &missing {
                        let (_, event) = periods::insert_reason(
                            w,
                            &periods::NewReason {
                                period,
                                person_id: *person_id,
                                reason,
                                note: default_note.as_deref(),
                                by,
                            },
                        )?;
                        w.append(event)?;
                    }
                }
            }
            let report = report_of(w, period, suspend_after)?;
            if !report.balanced() {
                return Err(unbalanced(&report).into());
            }
            let event = periods::close(w, period, by)?.with(serde_json::json!({
                "period": period.to_string(),
                "imported": report.imported.dong(),
                "paid": report.paid.dong(),
                "unpaid": report.unpaid.dong(),
                "stopped": report.stopped.dong(),
                "people": report.people.len(),
                "carried": report.people.iter().filter(|p| report.fate(p)
                    == Some(crate::domain::period_report::Fate::Carried)).count(),
                "proposed_for_suspension": report.proposed_for_suspension()
                    .map(|p| p.code.clone()).collect::<Vec<_>>(),
                "suspend_after_months": suspend_after,
            }));
            Ok::<_, Error>(w.log(event, ())?)
        })?;
        self.store.read(|r| report_of(r, period, suspend_after))
    }
}

/// What stands between `period` and its close, in the order the close
/// checks it: the period open, every day before `tomorrow` closed, no
/// transfer batch waiting for the bank, every unpaid person with a reason
/// (unless `default_reason`). Returns the period's report as it stands.
fn blockers(
    r: &Read<'_>,
    period: Period,
    tomorrow: &str,
    suspend_after: i64,
    default_reason: bool,
) -> Result<PeriodReport, Error> {
    open_state(r, period)?;
    let open = days::open_days_before(r, tomorrow)?;
    if !open.is_empty() {
        return Err(PeriodError::DaysOpen { days: open }.into());
    }
    let before = report_of(r, period, suspend_after)?;
    let (batches, codes) = pending_transfers(r, period)?;
    if !batches.is_empty() {
        return Err(PeriodError::BankPending { batches, codes }.into());
    }
    let rounds = crate::store::rounds::open_with_lines_of(r, period)?;
    if !rounds.is_empty() {
        return Err(PeriodError::RoundsOpen { rounds }.into());
    }
    if !default_reason {
        let codes: Vec<String> = before.missing_reasons().map(|p| p.code.clone()).collect();
        if !codes.is_empty() {
            return Err(PeriodError::ReasonsMissing { codes }.into());
        }
    }
    Ok(before)
}

/// The refusal for a report whose totals do not add up.
pub fn unbalanced(r: &PeriodReport) -> PeriodError {
    PeriodError::Unbalanced {
        imported: r.imported.dong(),
        paid: r.paid.dong(),
        unpaid: r.unpaid.dong(),
        stopped: r.stopped.dong(),
    }
}

/// The transfer batches of `period` still waiting for the bank's result,
/// and the record codes of the people in them, each once, in order.
pub(crate) fn pending_transfers(
    r: &Read<'_>,
    period: Period,
) -> Result<(Vec<i64>, Vec<String>), Error> {
    let waiting = crate::store::batches::states(r, period)?;
    let mut sent: Vec<(i64, i64)> = waiting
        .into_iter()
        .filter_map(|(person, t)| match t {
            crate::domain::period_report::Transfer::Sent { batch } => Some((batch, person)),
            crate::domain::period_report::Transfer::Failed { .. } => None,
        })
        .collect();
    sent.sort_unstable();
    let mut batches: Vec<i64> = sent.iter().map(|(b, _)| *b).collect();
    batches.dedup();
    let mut codes = Vec::with_capacity(sent.len());
    for (_, person) in sent {
        if let Some(p) = crate::store::people::get(r, person)? {
            codes.push(p.record_code);
        }
    }
    Ok((batches, codes))
}

/// Refuses a period never imported or already closed.
fn open_state(r: &Read<'_>, period: Period) -> Result<(), Error> {
    match periods::state(r, period)? {
        None => Err(PeriodError::NotImported { period }.into()),
        Some((state, at)) if state == "closed" => Err(PeriodError::AlreadyClosed {
            period,
            at: at.unwrap_or_default(),
        }
        .into()),
        Some(_) => Ok(()),
    }
}

fn report_of(r: &Read<'_>, period: Period, suspend_after: i64) -> Result<PeriodReport, Error> {
    let Some((state, at)) = periods::state(r, period)? else {
        return Err(PeriodError::NotImported { period }.into());
    };
    let mut people = periods::outcomes(r, period)?;
    crate::service::rounds::default_reasons(r, period, &mut people)?;
    // What a deceased person's heir is still owed of this month is not
    // "stopped": the payer must list it again until the heir is paid.
    for o in people.iter_mut().filter(|o| o.status == "deceased") {
        let Some(person) = crate::store::people::get(r, o.person_id)? else {
            continue;
        };
        let heir = crate::store::heirs::current(r, o.person_id)?;
        o.heir_owed = crate::service::heirs::owed_lines(r, &person, heir.as_ref())?
            .iter()
            .filter(|l| l.period == period)
            .map(|l| l.amount)
            .sum();
    }
    let seals = periods::seals(r, period)?;
    let mut report = PeriodReport::new(
        period,
        (state == "closed").then(|| at.unwrap_or_default()),
        people,
        suspend_after,
        seals,
    );
    report.overpaid = crate::store::changes::overpaid_in(r, period)?;
    report.stops = crate::store::changes::stops_in(r, period)?;
    Ok(report)
}
