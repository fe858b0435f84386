//! A period's outcome per person, and closing a period.

use rusqlite::OptionalExtension;

use super::rows::{Table, int, opt_text, text};
use super::{Event, Read, StoreError, Write};
use crate::domain::Period;
use crate::domain::period_report::{PaidPart, PersonOutcome, Settled, UnpaidReason};

/// Every person with a line in `period`, with what was imported for them
/// and what of it was paid (standing payments only), in record-code order.
pub fn outcomes(r: &Read<'_>, period: Period) -> Result<Vec<PersonOutcome>, StoreError> {
    let mut stmt = r.cached(
        "SELECT p.id, p.record_code, p.full_name, p.id_number, p.hamlet,
                CASE WHEN EXISTS (SELECT 1 FROM stops s WHERE s.person_id = p.id AND s.from_period <= ?1
                                    AND (pr.closed_at IS NULL OR s.created_at <= pr.closed_at))
                     THEN 'stopped' ELSE p.status END,
                sum(e.amount) AS imported,
                coalesce(sum(paid.amount), 0) AS paid,
                (SELECT ur.reason FROM unpaid_reasons ur
                 WHERE ur.period = ?1 AND ur.person_id = p.id ORDER BY ur.id DESC LIMIT 1),
                (SELECT ur.note FROM unpaid_reasons ur
                 WHERE ur.period = ?1 AND ur.person_id = p.id ORDER BY ur.id DESC LIMIT 1),
                pr.closed_at, p.status_since
         FROM entitlements e
         JOIN people p ON p.id = e.person_id
         JOIN periods pr ON pr.period = e.period
         LEFT JOIN (
             SELECT pl.entitlement_id, pl.amount
             FROM payment_lines pl JOIN payments pay ON pay.id = pl.payment_id
             WHERE NOT EXISTS (SELECT 1 FROM reversals rv WHERE rv.payment_id = pay.id)
         ) paid ON paid.entitlement_id = e.id
         WHERE e.period = ?1
           AND NOT EXISTS (SELECT 1 FROM line_replacements x WHERE x.entitlement_id = e.id)
         GROUP BY p.id
         ORDER BY p.record_code",
    )?;
    let rows = stmt.query_map([period.to_string()], |row| {
        let mut o = PersonOutcome {
            person_id: row.get(0)?,
            code: row.get(1)?,
            full_name: row.get(2)?,
            id_number: row.get(3)?,
            hamlet: row.get(4)?,
            status: row.get(5)?,
            imported: crate::domain::Money::from_dong(row.get(6)?),
            paid: crate::domain::Money::from_dong(row.get(7)?),
            settled: Settled::Unpaid,
            unpaid_months: 0,
            reason: row
                .get::<_, Option<String>>(8)?
                .as_deref()
                .and_then(UnpaidReason::from_code),
            reason_note: row.get(9)?,
            transfer: None,
            payments: Vec::new(),
            heir_owed: crate::domain::Money::ZERO,
        };
        // A closed period's results stay as they were sent: a status
        // changed after the close (someone suspended then, or back to
        // active) does not move a person between "not received" and
        // "stopped". At the close every unpaid person who could be paid
        // had a reason, and nobody else did.
        let closed_at: Option<String> = row.get(10)?;
        let since: Option<String> = row.get(11)?;
        if let (Some(closed), Some(since)) = (closed_at, since)
            && since > closed
            && o.status != "stopped"
        {
            o.status = if o.reason.is_some() {
                "active"
            } else {
                "stopped"
            }
            .to_string();
        }
        Ok(o)
    })?;
    let mut out: Vec<PersonOutcome> = rows.collect::<Result<_, _>>()?;
    let mut transfers = super::batches::states(r, period)?;
    let mut parts = paid_parts(r, period)?;
    for o in &mut out {
        o.payments = parts.remove(&o.person_id).unwrap_or_default();
        o.transfer = transfers.remove(&o.person_id);
        o.unpaid_months = unpaid_streak(r, o.person_id, period)?;
        o.settled = o.settle();
    }
    Ok(out)
}

/// The standing payments of each person's lines of `period`, oldest first.
fn paid_parts(
    r: &Read<'_>,
    period: Period,
) -> Result<std::collections::HashMap<i64, Vec<PaidPart>>, StoreError> {
    let mut stmt = r.cached(
        "SELECT pay.person_id, pay.receipt_no, pay.method, pay.reference, pay.day, sum(pl.amount)
         FROM entitlements e
         JOIN payment_lines pl ON pl.entitlement_id = e.id
         JOIN payments pay ON pay.id = pl.payment_id
         WHERE e.period = ?1
           AND NOT EXISTS (SELECT 1 FROM reversals rv WHERE rv.payment_id = pay.id)
           AND NOT EXISTS (SELECT 1 FROM line_replacements x WHERE x.entitlement_id = e.id)
         GROUP BY pay.id
         ORDER BY pay.paid_at, pay.id",
    )?;
    let rows = stmt.query_map([period.to_string()], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            PaidPart {
                receipt_no: row.get(1)?,
                method: row.get(2)?,
                reference: row.get(3)?,
                day: row.get(4)?,
                amount: crate::domain::Money::from_dong(row.get(5)?),
            },
        ))
    })?;
    let mut out: std::collections::HashMap<i64, Vec<PaidPart>> = std::collections::HashMap::new();
    for row in rows {
        let (person, part) = row?;
        out.entry(person).or_default().push(part);
    }
    Ok(out)
}

/// How many periods up to `period`, counting back, the person had a line
/// and was not paid all of it.
fn unpaid_streak(r: &Read<'_>, person_id: i64, period: Period) -> Result<i64, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT e.period,
                sum(e.amount) - coalesce(sum(
                    (SELECT pl.amount FROM payment_lines pl
                     WHERE pl.entitlement_id = e.id
                       AND NOT EXISTS (SELECT 1 FROM reversals rv WHERE rv.payment_id = pl.payment_id))), 0)
         FROM entitlements e WHERE e.person_id = ?1 AND e.period <= ?2
         GROUP BY e.period ORDER BY e.period DESC",
    )?;
    let rows = stmt.query_map(rusqlite::params![person_id, period.to_string()], |row| {
        row.get::<_, i64>(1)
    })?;
    let mut n = 0;
    for left in rows {
        if left? > 0 {
            n += 1;
        } else {
            break;
        }
    }
    Ok(n)
}

/// The period's state: `None` when nothing was ever imported for it.
pub fn state(r: &Read<'_>, period: Period) -> Result<Option<(String, Option<String>)>, StoreError> {
    Ok(r.conn()
        .prepare_cached("SELECT status, closed_at FROM periods WHERE period = ?1")?
        .query_row([period.to_string()], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}

/// Closes a period: nothing more is imported into it or paid from it (the
/// database's triggers hold it).
pub fn close(w: &mut Write<'_>, period: Period, by: i64) -> Result<Event, StoreError> {
    let at = w.at().to_string();
    let image = w.update(
        Table::Periods,
        &period.to_string(),
        &[
            ("status", text("closed")),
            ("closed_at", text(at)),
            ("closed_by", int(by)),
        ],
    )?;
    Ok(Event::new("period.close", "period", None).row(image))
}

/// The seals of the closed days of `period`: the days of its month and any
/// later day one of its lines was paid, oldest first, as (day, seal code).
pub fn seals(r: &Read<'_>, period: Period) -> Result<Vec<(String, String)>, StoreError> {
    let first = period.first_day().format("%Y-%m-%d").to_string();
    let next = period.next().first_day().format("%Y-%m-%d").to_string();
    let mut stmt = r.conn().prepare_cached(
        "SELECT d.day, d.seal FROM closed_days d
         WHERE (d.day >= ?1 AND d.day < ?2)
            OR d.day IN (SELECT pay.day FROM payment_lines pl
                         JOIN payments pay ON pay.id = pl.payment_id
                         JOIN entitlements e ON e.id = pl.entitlement_id
                         WHERE e.period = ?3)
         ORDER BY d.day",
    )?;
    let rows = stmt.query_map(rusqlite::params![first, next, period.to_string()], |row| {
        Ok((row.get(0)?, row.get(1)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A reason about to be recorded for a person unpaid in a period.
pub struct NewReason<'a> {
    pub period: Period,
    pub person_id: i64,
    pub reason: UnpaidReason,
    pub note: Option<&'a str>,
    pub by: i64,
}

/// Records why a person was not paid in a period (a later reason for the
/// same person and period replaces it; the database refuses it once the
/// period is closed).
pub fn insert_reason(w: &mut Write<'_>, n: &NewReason<'_>) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::UnpaidReasons)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::UnpaidReasons,
        &[
            ("id", int(id)),
            ("period", text(n.period.to_string())),
            ("person_id", int(n.person_id)),
            ("reason", text(n.reason.code())),
            ("note", opt_text(n.note)),
            ("set_by", int(n.by)),
            ("set_at", text(at)),
        ],
    )?;
    Ok((
        id,
        Event::new("period.reason", "person", Some(n.person_id)).row(image),
    ))
}
