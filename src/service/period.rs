//! The month as a whole: what each person on its lists was paid, and
//! closing the period once the payment window is over, so that the results
//! can go back to the social-affairs office.

use chrono::Datelike;

use super::{Error, Service, Session};
use crate::domain::Period;
use crate::domain::period_report::PeriodReport;
use crate::store::{Read, days, periods};

/// Why a period cannot be reported or closed.
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
}

impl From<PeriodError> for Error {
    fn from(e: PeriodError) -> Self {
        Error::Period(e)
    }
}

impl Service {
    /// A period's outcome per person, as `by` may see it (signed in).
    pub fn period_report(&self, by: &Session, period: Period) -> Result<PeriodReport, Error> {
        let _ = by;
        let suspend_after = i64::from(self.config.payment.suspend_after_unpaid_months);
        self.store
            .read(|r| report_of(r, period, suspend_after))
    }

    /// Closes `period` (a supervisor, confirming with their PIN), once its
    /// payment window is over and every day with payments is closed:
    /// nothing more is paid from it or imported into it. Returns the
    /// period's final outcome.
    pub fn close_period(
        &mut self,
        supervisor: &Session,
        pin: &str,
        period: Period,
    ) -> Result<PeriodReport, Error> {
        supervisor.require_supervisor()?;
        self.confirm_pin(supervisor, pin)?;
        let today = self.today();
        let this = Period::of(today);
        let last_day = self.config.payment.window_last_day;
        if period > this || (period == this && today.day() <= last_day) {
            return Err(PeriodError::WindowOpen { period, last_day }.into());
        }
        let tomorrow = today
            .succ_opt()
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string();
        let suspend_after = i64::from(self.config.payment.suspend_after_unpaid_months);
        let by = supervisor.user.id;
        self.store.write(self.who(Some(by)), |w| {
            match periods::state(w, period)? {
                None => return Err(PeriodError::NotImported { period }.into()),
                Some((state, at)) if state == "closed" => {
                    return Err(PeriodError::AlreadyClosed {
                        period,
                        at: at.unwrap_or_default(),
                    }
                    .into());
                }
                Some(_) => {}
            }
            let open = days::open_days_before(w, &tomorrow)?;
            if !open.is_empty() {
                return Err(PeriodError::DaysOpen { days: open }.into());
            }
            let before = report_of(w, period, suspend_after)?;
            let event = periods::close(w, period, by)?.with(serde_json::json!({
                "period": period.to_string(),
                "imported": before.imported.dong(),
                "paid": before.paid.dong(),
                "unpaid": before.unpaid.dong(),
                "stopped": before.stopped.dong(),
                "people": before.people.len(),
            }));
            Ok::<_, Error>(w.log(event, ())?)
        })?;
        self.store.read(|r| report_of(r, period, suspend_after))
    }
}

fn report_of(r: &Read<'_>, period: Period, suspend_after: i64) -> Result<PeriodReport, Error> {
    let Some((state, at)) = periods::state(r, period)? else {
        return Err(PeriodError::NotImported { period }.into());
    };
    let people = periods::outcomes(r, period)?;
    let seal = days::closed_days(r)?
        .pop()
        .and_then(|d| days::closed(r, &d).ok().flatten().map(|c| (d, c.code)));
    Ok(PeriodReport::new(
        period,
        (state == "closed").then(|| at.unwrap_or_default()),
        people,
        suspend_after,
        seal,
    ))
}
