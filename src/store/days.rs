//! The facts a day report is computed from, and closed days.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::payments::parse_period;
use super::{StoreError, audit, drawers};
use crate::domain::Money;
use crate::domain::payment::PayMethod;
use crate::domain::report::{
    ClosedFact, DayFacts, PaymentFact, ReversalFact, Seal, Staff, UnpaidFact,
};

/// Gathers everything about `day` ("YYYY-MM-DD") that the report needs,
/// but the people still unpaid (a scan of the open periods: add
/// [`unpaid`] when the report shows them).
pub fn facts(conn: &Connection, day: &str) -> Result<DayFacts, StoreError> {
    let method = |s: String| PayMethod::from_code(&s).unwrap_or(PayMethod::Cash);
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.receipt_no, p.office_code, p.receipt_year, p.receipt_seq, p.clerk_id, p.method,
                p.total, pe.category, pe.full_name, p.paid_at, r.day
         FROM payments p JOIN people pe ON pe.id = p.person_id
         LEFT JOIN reversals r ON r.payment_id = p.id
         WHERE p.day = ?1 ORDER BY p.id",
    )?;
    let payments = stmt
        .query_map([day], |r| {
            Ok(PaymentFact {
                id: r.get(0)?,
                receipt_no: r.get(1)?,
                office: r.get(2)?,
                receipt_year: r.get(3)?,
                receipt_seq: r.get(4)?,
                clerk_id: r.get(5)?,
                method: method(r.get(6)?),
                total: Money::from_dong(r.get(7)?),
                category: r.get(8)?,
                person: r.get(9)?,
                paid_at: r.get(10)?,
                voided_on: r.get(11)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT r.payment_id, p.receipt_no, p.method, p.total, pe.category, p.day, r.requested_by,
                r.approved_by, r.reason, r.reversed_at
         FROM reversals r JOIN payments p ON p.id = r.payment_id JOIN people pe ON pe.id = p.person_id
         WHERE r.day = ?1 ORDER BY r.id",
    )?;
    let reversals = stmt
        .query_map([day], |r| {
            Ok(ReversalFact {
                payment_id: r.get(0)?,
                receipt_no: r.get(1)?,
                method: method(r.get(2)?),
                total: Money::from_dong(r.get(3)?),
                category: r.get(4)?,
                paid_on: r.get(5)?,
                requested_by: r.get(6)?,
                approved_by: r.get(7)?,
                reason: r.get(8)?,
                at: r.get(9)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let staff: BTreeMap<i64, Staff> = conn
        .prepare_cached("SELECT id, name, full_name FROM users")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                Staff {
                    name: r.get(1)?,
                    full_name: r.get(2)?,
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut last_seq_before = BTreeMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT office_code, receipt_year, max(receipt_seq) FROM payments WHERE day < ?1
         GROUP BY office_code, receipt_year",
    )?;
    for row in stmt.query_map([day], |r| {
        Ok((
            (r.get::<_, String>(0)?, r.get::<_, i32>(1)?),
            r.get::<_, i64>(2)?,
        ))
    })? {
        let (k, v) = row?;
        last_seq_before.insert(k, v);
    }
    Ok(DayFacts {
        day: day.to_string(),
        payments,
        reversals,
        moves: drawers::moves_of_day(conn, day)?,
        counts: drawers::counts_of_day(conn, day)?,
        staff,
        unpaid: Vec::new(),
        last_seq_before,
        closed: closed(conn, day)?,
        audit_head: audit::head(conn)?.map(|h| Seal {
            seq: h.seq,
            hash: h.hash,
        }),
    })
}

/// People still owed, per open period (now).
pub fn unpaid(conn: &Connection) -> Result<Vec<UnpaidFact>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.period, count(DISTINCT e.person_id), sum(e.amount)
         FROM entitlements e JOIN periods p ON p.period = e.period
         WHERE p.status = 'open'
           AND NOT EXISTS (
               SELECT 1 FROM payment_lines pl WHERE pl.entitlement_id = e.id
                 AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pl.payment_id))
         GROUP BY e.period ORDER BY e.period",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (period, people, amount) = row?;
        out.push(UnpaidFact {
            period: parse_period(&period)?,
            people,
            amount: Money::from_dong(amount),
        });
    }
    Ok(out)
}

/// The close of a day, if it was closed.
pub fn closed(conn: &Connection, day: &str) -> Result<Option<ClosedFact>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT d.closed_at, u.full_name, d.audit_seq, d.audit_hash, d.totals
             FROM closed_days d JOIN users u ON u.id = d.closed_by WHERE d.day = ?1",
        )?
        .query_row([day], |r| {
            Ok(ClosedFact {
                at: r.get(0)?,
                by: r.get(1)?,
                seal: Seal {
                    seq: r.get(2)?,
                    hash: r.get(3)?,
                },
                totals: r.get(4)?,
            })
        })
        .optional()?)
}

/// Closes a day: its totals and the audit head it seals.
pub fn insert_closed(
    conn: &Connection,
    day: &str,
    at: &str,
    by: i64,
    totals: &str,
    seal: &Seal,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO closed_days (day, closed_at, closed_by, totals, audit_seq, audit_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![day, at, by, totals, seal.seq, seal.hash],
    )?;
    Ok(())
}

/// Every closed day, oldest first.
pub fn closed_days(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare("SELECT day FROM closed_days ORDER BY day")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Days with activity that are not closed, before `day`.
pub fn open_days_before(conn: &Connection, day: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT day FROM (SELECT day FROM payments UNION SELECT day FROM reversals UNION SELECT day FROM drawer_moves)
         WHERE day < ?1 AND day NOT IN (SELECT day FROM closed_days) ORDER BY day",
    )?;
    let rows = stmt.query_map([day], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
