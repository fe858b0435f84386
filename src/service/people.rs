//! Changing a person's status at the office: a death or a move reported at
//! the counter stops payment at once, before the decrease list arrives.
//! Supervisors only; audited with the reason.

use serde_json::json;

use super::{Error, Service, Session};
use crate::domain::person::Status;
use crate::store::people;

impl Service {
    pub fn set_person_status(
        &mut self,
        by: &Session,
        person_id: i64,
        status: Status,
        note: &str,
    ) -> Result<(), Error> {
        by.require_supervisor()?;
        let note = required_reason(note)?;
        self.store.write(self.who(Some(by.user.id)), |w| {
            let before = people::get(w, person_id)?.ok_or(Error::NoSuchPerson)?;
            let event = people::set_status(w, person_id, status, &note)?
                .with(json!({ "from": before.status.code(), "to": status.code(), "note": note }));
            Ok(w.log(event, ())?)
        })
    }

    /// Records that a supervisor saw a person alive whom their family
    /// reported dead on a home round (`note`: who saw them, where; required):
    /// the report no longer holds them back from rounds nor warns at the
    /// counter. Refused when no such report is open. Audited.
    pub fn confirm_alive(&mut self, by: &Session, person_id: i64, note: &str) -> Result<(), Error> {
        by.require_supervisor()?;
        let note = required_reason(note)?;
        self.store.write(self.who(Some(by.user.id)), |w| {
            people::get(w, person_id)?.ok_or(Error::NoSuchPerson)?;
            let (round, event) =
                crate::store::rounds::insert_alive_check(w, person_id, &note, by.user.id)?
                    .ok_or(super::rounds::RoundError::NoDeathReport)?;
            Ok(w.log(event.with(json!({ "round": round, "note": note })), ())?)
        })
    }
}

/// A supervisor's reason as the gate lets text in, refused when empty.
fn required_reason(note: &str) -> Result<String, Error> {
    let note = crate::text::clean_field(note).map_err(|error| Error::BadText {
        field: "reason",
        error,
    })?;
    if note.is_empty() {
        return Err(super::day::DayError::ReasonMissing.into());
    }
    Ok(note)
}
