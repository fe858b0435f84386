//! Making a round: the stops of one hamlet, each person's unpaid lines up
//! to the period, and who is held back from it.

use serde_json::json;

use super::{RoundError, RoundView};
use crate::domain::Money;
use crate::domain::Period;
use crate::service::{Error, Service, Session};
use crate::store::rounds;
use crate::store::{payments, people, users};

impl Service {
    /// Makes a round of `period` for one hamlet (a supervisor), carried by
    /// the user `postman`: everyone of the hamlet paid at home (by their
    /// registration — the supervisor's mark with its reason —, else the
    /// payer's list) who is active and owed something in the period, with
    /// all their unpaid lines up to the period. A person whose family
    /// reported them deceased on an earlier round, and who has not been
    /// paid since, is held back (in [`RoundView::held_back`]): the
    /// family's word is checked at the counter, not answered with cash at
    /// the door. Audited.
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
        let (held, stops): (Vec<_>, Vec<_>) =
            stops.into_iter().partition(|s| s.death_reported.is_some());
        if stops.is_empty() {
            return Err(RoundError::AllReportedDeceased {
                hamlet: hamlet_name,
                people: held.len(),
            }
            .into());
        }
        let codes: Vec<String> = stops.iter().map(|s| s.record_code.clone()).collect();
        let held_codes: Vec<&str> = held.iter().map(|s| s.record_code.as_str()).collect();
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
            let mut seals = crate::store::imports::LineSeals::default();
            for code in &codes {
                let Some(person) = found.get(code) else {
                    continue;
                };
                // Reported since the stops were read: held back too.
                if rounds::death_reported(w, person.id)?.is_some() {
                    continue;
                }
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
                        &mut seals,
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
                "held_back": held_codes,
            }));
            Ok::<_, Error>(w.log(event, id)?)
        })?;
        let mut view = self.round(number)?;
        view.held_back = held;
        Ok(view)
    }
}
