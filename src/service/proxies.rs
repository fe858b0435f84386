//! Registering proxies (người được ủy quyền) and guardians (người giám hộ)
//! on a person's file — at the counter during a payment, or on their own.
//!
//! A proxy's authorisation is certified by the commune and valid at most one
//! year; a guardian has no end date. Saved rows are never changed; every one
//! is audited.

use chrono::NaiveDate;
use serde_json::json;

use super::pay::PayError;
use super::{Error, Service, Session};
use crate::domain::proxy::{self, Proxy};
use crate::store::{Event, StoreError, Write, people, proxies};

/// A proxy or guardian entered at the counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProxy {
    pub guardian: bool,
    pub full_name: String,
    pub id_number: String,
    pub relationship: String,
    pub document_no: String,
    pub certified_by: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// Checks and cleans a new proxy for person `person_id`.
pub(super) fn check_new(person_id: i64, n: &NewProxy) -> Result<Proxy, Error> {
    let clean = |field: &'static str, v: &str| -> Result<String, Error> {
        let v = crate::text::clean_field(v).map_err(|error| Error::BadText { field, error })?;
        if v.is_empty() {
            return Err(PayError::ProxyFieldMissing(field).into());
        }
        Ok(v)
    };
    let full_name = clean("proxy_name", &n.full_name)?;
    let relationship = clean("relationship", &n.relationship)?;
    let document_no = clean("document_no", &n.document_no)?;
    let certified_by = clean("certified_by", &n.certified_by)?;
    let (id, _warnings) =
        crate::domain::idnumber::parse(&n.id_number, None, false).map_err(PayError::ProxyBadId)?;
    proxy::check_dates(n.guardian, n.valid_from, n.valid_to).map_err(PayError::ProxyRule)?;
    Ok(Proxy {
        id: 0,
        person_id,
        guardian: n.guardian,
        full_name,
        id_number: id.as_str().to_string(),
        relationship,
        document_no,
        certified_by,
        valid_from: n.valid_from,
        valid_to: n.valid_to,
    })
}

/// Saves a checked proxy; returns its id and the change to log.
pub(super) fn save(w: &mut Write<'_>, p: &Proxy, by: i64) -> Result<(i64, Event), StoreError> {
    // The log names whose proxy it is by their record code, as it names
    // the person of a payment.
    let record_code = crate::store::people::get(w, p.person_id)?.map(|x| x.record_code);
    let (id, event) = proxies::insert(w, p, by)?;
    Ok((
        id,
        event.with(json!({
            "person_id": p.person_id,
            "record_code": record_code,
            "kind": if p.guardian { "guardian" } else { "proxy" },
        })),
    ))
}

impl Service {
    /// Puts a proxy or guardian on a person's file: by a supervisor, or by
    /// a clerk with a supervisor's approval (who has seen the paper).
    pub fn add_proxy(
        &mut self,
        session: &Session,
        person_id: i64,
        new: &NewProxy,
        approval: Option<&super::pay::Approval>,
    ) -> Result<Proxy, Error> {
        if !session.is_supervisor() && approval.is_none() {
            return Err(super::pay::PayError::ProxyNeedsApproval.into());
        }
        let mut p = check_new(person_id, new)?;
        p.id = self.store.write(self.who(Some(session.user.id)), |w| {
            people::get(w, person_id)?.ok_or(Error::NoSuchPerson)?;
            let (id, event) = save(w, &p, session.user.id)?;
            let event = match approval {
                Some(a) => event.with(json!({ "approved_by": a.supervisor().id })),
                None => event,
            };
            Ok::<_, Error>(w.log(event, id)?)
        })?;
        Ok(p)
    }
}
