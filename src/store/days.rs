//! The facts a day report is computed from, and closed days.

use std::collections::BTreeMap;

use rusqlite::OptionalExtension;

use super::payments::parse_period;
use super::rows::{Table, int, opt_text, text};
use super::{Event, Read, StoreError, Write, audit, drawers};
use crate::domain::Money;
use crate::domain::payment::PayMethod;
use crate::domain::report::{
    ClosedFact, DayFacts, PaymentFact, ReversalFact, Seal, Staff, UnpaidFact,
};

/// Gathers everything about `day` ("YYYY-MM-DD") that the report needs,
/// but the people still unpaid (a scan of the open periods: add
/// [`unpaid`] when the report shows them).
pub fn facts(r: &Read<'_>, day: &str) -> Result<DayFacts, StoreError> {
    let method = |s: String| PayMethod::from_code(&s).unwrap_or(PayMethod::Cash);
    let mut stmt = r.conn().prepare_cached(
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
    let mut stmt = r.conn().prepare_cached(
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
    let staff: BTreeMap<i64, Staff> = r
        .conn()
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
    let mut stmt = r.conn().prepare_cached(
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
        moves: drawers::moves_of_day(r, day)?,
        counts: drawers::counts_of_day(r, day)?,
        staff,
        unpaid: Vec::new(),
        last_seq_before,
        closed: closed(r, day)?,
        audit_head: audit::head(r)?.map(|h| Seal {
            seq: h.seq,
            hash: h.hash,
        }),
    })
}

/// People still owed, per open period, at the end of `day`: lines imported
/// by then and not paid on or before it (a payment voided on or before it
/// does not count). A day's report, whenever it is made or sealed, counts
/// no later event.
pub fn unpaid(r: &Read<'_>, day: &str) -> Result<Vec<UnpaidFact>, StoreError> {
    let next = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.succ_opt())
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "9999-12-31".to_string());
    let mut stmt = r.conn().prepare_cached(
        "SELECT e.period, count(DISTINCT e.person_id), sum(e.amount)
         FROM entitlements e JOIN periods p ON p.period = e.period
         JOIN import_batches b ON b.id = e.batch_id
         WHERE p.status = 'open' AND b.imported_at < ?2
           AND NOT EXISTS (
               SELECT 1 FROM payment_lines pl JOIN payments pay ON pay.id = pl.payment_id
               WHERE pl.entitlement_id = e.id AND pay.day <= ?1
                 AND NOT EXISTS (SELECT 1 FROM reversals r
                                 WHERE r.payment_id = pl.payment_id AND r.day <= ?1))
         GROUP BY e.period ORDER BY e.period",
    )?;
    let rows = stmt.query_map([day, next.as_str()], |r| {
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
pub fn closed(r: &Read<'_>, day: &str) -> Result<Option<ClosedFact>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT d.closed_at, u.full_name, d.audit_seq, d.audit_hash, d.totals, d.seal,
                    d.prev_seal, d.backup
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
                code: r.get(5)?,
                prev_code: r.get(6)?,
                backup: r.get(7)?,
            })
        })
        .optional()?)
}

/// The report of a closed day as it was sealed (JSON).
pub fn sealed_report(r: &Read<'_>, day: &str) -> Result<Option<String>, StoreError> {
    Ok(r.conn()
        .prepare_cached("SELECT report FROM closed_days WHERE day = ?1")?
        .query_row([day], |r| r.get(0))
        .optional()?)
}

/// A day's close about to be recorded.
pub struct NewClose<'a> {
    pub day: &'a str,
    pub by: i64,
    pub totals: &'a str,
    pub seal: &'a Seal,
    pub report: &'a str,
    pub prev_code: Option<&'a str>,
    pub code: &'a str,
    pub backup: &'a str,
}

/// Closes a day: its totals, the audit row it seals, its report and seal.
pub fn insert_closed(w: &mut Write<'_>, c: &NewClose<'_>) -> Result<Event, StoreError> {
    let at = w.at().to_string();
    let image = w.insert(
        Table::ClosedDays,
        &[
            ("day", text(c.day)),
            ("closed_at", text(at)),
            ("closed_by", int(c.by)),
            ("totals", text(c.totals)),
            ("audit_seq", int(c.seal.seq)),
            ("audit_hash", text(&c.seal.hash)),
            ("report", text(c.report)),
            ("prev_seal", opt_text(c.prev_code)),
            ("seal", text(c.code)),
            ("backup", text(c.backup)),
        ],
    )?;
    Ok(Event::new("day.close", "day", None).row(image))
}

/// The seal code of the last closed day before `day`, if any.
pub fn seal_before(r: &Read<'_>, day: &str) -> Result<Option<(String, String)>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT day, seal FROM closed_days WHERE day < ?1 ORDER BY day DESC LIMIT 1",
        )?
        .query_row([day], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Every closed day, oldest first.
pub fn closed_days(r: &Read<'_>) -> Result<Vec<String>, StoreError> {
    let mut stmt = r.cached("SELECT day FROM closed_days ORDER BY day")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Days with activity that are not closed, before `day`.
pub fn open_days_before(r: &Read<'_>, day: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = r.cached(
        "SELECT day FROM (SELECT day FROM payments UNION SELECT day FROM reversals UNION SELECT day FROM drawer_moves)
         WHERE day < ?1 AND day NOT IN (SELECT day FROM closed_days) ORDER BY day",
    )?;
    let rows = stmt.query_map([day], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether anything was recorded on `day` (payments, voids, cash moves).
pub fn has_activity(r: &Read<'_>, day: &str) -> Result<bool, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT 1 FROM payments WHERE day = ?1 UNION ALL SELECT 1 FROM reversals WHERE day = ?1
             UNION ALL SELECT 1 FROM drawer_moves WHERE day = ?1 LIMIT 1",
        )?
        .query_row([day], |_| Ok(()))
        .optional()?
        .is_some())
}
