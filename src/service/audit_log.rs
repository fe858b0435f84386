//! The audit log read back for a supervisor or an auditor: the rows of a
//! day (or of several), who wrote each and what it was, optionally of one
//! user only. Reading the log proves nothing by itself; `verify` checks
//! that the chain is whole and signed, and the day seals tie it to paper.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Error, Service, Session};
use crate::store::audit;

/// One row of the log as read back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogEntry {
    pub seq: i64,
    /// When it was written, office time (RFC 3339).
    pub at: String,
    /// The user's login name, when a user wrote it.
    pub user: Option<String>,
    pub full_name: Option<String>,
    /// What happened, as the log names it ("payment.create").
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    /// What the row records, as written (with the images of the rows).
    pub detail: serde_json::Value,
    pub hash: String,
    /// The login name of the supervisor the row says approved it
    /// (`approved_by` holds their user id).
    pub approver: Option<String>,
}

/// Which rows of the log to read back, besides their days.
#[derive(Debug, Clone, Copy, Default)]
pub struct LogFilter<'a> {
    /// Only the rows this user wrote (a login name).
    pub user: Option<&'a str>,
    /// Only the rows about this person (a record code or a whole ID
    /// number): their payments, registrations, proxies, status and list
    /// changes — what a complaint ("who took my mother's allowance?")
    /// needs.
    pub person: Option<&'a str>,
}

/// Whether a row is about the person `id`: the person's own row, or a row
/// naming them (`person_id`) at its top or in a row image it carries.
fn about(entry: &LogEntry, id: i64) -> bool {
    let names = |v: &serde_json::Value| v.get("person_id").and_then(|p| p.as_i64()) == Some(id);
    (entry.entity == "person" && entry.entity_id == Some(id))
        || names(&entry.detail)
        || entry
            .detail
            .get("rows")
            .and_then(|r| r.as_array())
            .is_some_and(|rows| rows.iter().any(|r| r.get("row").is_some_and(names)))
}

impl Service {
    /// The log's rows from `from` to `to` (both included, office days),
    /// oldest first, as `filter` narrows them. Supervisors only.
    pub fn audit_log(
        &self,
        by: &Session,
        from: NaiveDate,
        to: NaiveDate,
        filter: LogFilter<'_>,
    ) -> Result<Vec<LogEntry>, Error> {
        by.require_supervisor()?;
        let person = match filter.person {
            None => None,
            Some(q) => {
                let q = q.trim();
                let hits = self.search(q, 5)?.hits;
                let found = hits.iter().find(|h| {
                    h.person.record_code.eq_ignore_ascii_case(q)
                        || h.person.id_number.as_deref() == Some(q)
                });
                let found = found.ok_or_else(|| Error::NoPersonWith {
                    asked: q.to_string(),
                })?;
                Some(found.person.id)
            }
        };
        let user = filter.user;
        if let Some(name) = user {
            let known = self
                .store
                .read(|r| crate::store::users::by_name(r, name))?
                .is_some();
            if !known {
                return Err(Error::UnknownUser {
                    name: name.to_string(),
                });
            }
        }
        let from = from.format("%Y-%m-%d").to_string();
        let until = to.succ_opt().unwrap_or(to).format("%Y-%m-%d").to_string();
        let (rows, names) = self.store.read(|r| {
            let names: std::collections::HashMap<i64, String> = crate::store::users::all(r)?
                .into_iter()
                .map(|u| (u.id, u.name))
                .collect();
            Ok::<_, Error>((audit::rows_between(r, &from, &until)?, names))
        })?;
        Ok(rows
            .into_iter()
            .filter(|l| match user {
                Some(u) => l.user.as_ref().is_some_and(|(name, _)| name == u),
                None => true,
            })
            .map(|l| LogEntry {
                seq: l.row.seq,
                at: l.row.at,
                user: l.user.as_ref().map(|(n, _)| n.clone()),
                full_name: l.user.map(|(_, f)| f),
                action: l.row.action,
                entity: l.row.entity,
                entity_id: l.row.entity_id,
                detail: serde_json::from_str(&l.row.detail).unwrap_or(serde_json::Value::Null),
                hash: l.row.hash,
                approver: None,
            })
            .map(|mut e| {
                let id = e
                    .detail
                    .get("approved_by")
                    .or_else(|| e.detail.pointer("/rows/0/row/approved_by"));
                e.approver = id
                    .and_then(serde_json::Value::as_i64)
                    .and_then(|id| names.get(&id).cloned());
                e
            })
            .filter(|e| person.is_none_or(|id| about(e, id)))
            .collect())
    }
}
