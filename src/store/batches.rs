//! Transfer batches for the bank and the bank's results: the lines sent,
//! the lock they put on the counter, and what the bank said of each line.
//!
//! Every table here is append-only and sealed; each write returns the
//! [`Event`] it owes.

use rusqlite::OptionalExtension;

use super::rows::{Table, int, opt_int, opt_text, text};
use super::{Event, Read, StoreError, Write};
use crate::domain::{Money, Period};

/// An unpaid line of a period that can be sent to the bank: not paid, and
/// in no batch still waiting for the bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sendable {
    pub entitlement_id: i64,
    pub person_id: i64,
    pub record_code: String,
    pub full_name: String,
    pub id_number: Option<String>,
    pub amount: Money,
    /// The home round not yet returned that holds the line, if one does:
    /// the line is paid by that round, not sent to the bank
    /// (`bank_batch_lines_not_on_round`).
    pub on_round: Option<i64>,
}

/// The unpaid, unlocked lines of positive amount of `period`, of active
/// people, in record-code order, each with the home round not yet
/// returned that holds it, if any.
pub fn sendable(r: &Read<'_>, period: Period) -> Result<Vec<Sendable>, StoreError> {
    let mut stmt = r.cached(
        "SELECT e.id, p.id, p.record_code, p.full_name, p.id_number, e.amount,
                (SELECT min(hl.round_id) FROM home_round_lines hl
                 WHERE hl.entitlement_id = e.id
                   AND NOT EXISTS (SELECT 1 FROM home_round_returns x WHERE x.round_id = hl.round_id))
         FROM entitlements e JOIN people p ON p.id = e.person_id
         WHERE e.period = ?1 AND e.amount > 0 AND p.status = 'active'
           AND NOT EXISTS (
               SELECT 1 FROM payment_lines pl
               WHERE pl.entitlement_id = e.id
                 AND NOT EXISTS (SELECT 1 FROM reversals rv WHERE rv.payment_id = pl.payment_id))
           AND NOT EXISTS (
               SELECT 1 FROM bank_batch_lines bl
               WHERE bl.entitlement_id = e.id
                 AND NOT EXISTS (SELECT 1 FROM bank_outcomes o
                                 WHERE o.line_id = bl.id AND o.outcome = 'failed'))
         ORDER BY p.record_code, e.id",
    )?;
    let rows = stmt.query_map([period.to_string()], |row| {
        Ok(Sendable {
            entitlement_id: row.get(0)?,
            person_id: row.get(1)?,
            record_code: row.get(2)?,
            full_name: row.get(3)?,
            id_number: row.get(4)?,
            amount: Money::from_dong(row.get(5)?),
            on_round: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The lines of home round `round_id` that wait for the bank in a batch:
/// (record code, full name, batch), in stop order. Nothing for a round
/// made under the rule that a line leaves one way at a time (migration
/// 022); a round made before it may hold such lines, and its cash does not
/// go out while they wait.
pub fn waiting_on_round(
    r: &Read<'_>,
    round_id: i64,
) -> Result<Vec<(String, String, i64)>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT DISTINCT p.record_code, p.full_name, bl.batch_id, hl.stop
         FROM home_round_lines hl
         JOIN bank_batch_lines bl ON bl.entitlement_id = hl.entitlement_id
         JOIN people p ON p.id = hl.person_id
         WHERE hl.round_id = ?1
           AND NOT EXISTS (SELECT 1 FROM bank_outcomes o WHERE o.line_id = bl.id)
         ORDER BY hl.stop, bl.batch_id",
    )?;
    let rows = stmt.query_map([round_id], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A line about to be put in a batch.
#[derive(Debug, Clone)]
pub struct NewLine {
    pub entitlement_id: i64,
    pub person_id: i64,
    pub account_no: String,
    pub account_bank: Option<String>,
    pub amount: Money,
}

/// The reference of the `seq`-th line of batch `batch`: "CK0003-0012".
pub fn reference(batch: i64, seq: usize) -> String {
    format!("CK{batch:04}-{seq:04}")
}

/// Writes a batch and its lines (references made here), each line
/// checked against its seal first ([`super::imports::LineSeals`]: the bank
/// is sent no amount changed behind chitra's back); returns the batch's
/// number and the change to log. The database refuses a line already paid
/// or already waiting in another batch.
pub fn insert_batch(
    w: &mut Write<'_>,
    period: Period,
    lines: &[NewLine],
    by: i64,
) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::BankBatches)?;
    let at = w.at().to_string();
    let total: i64 = lines.iter().map(|l| l.amount.dong()).sum();
    let image = w.insert(
        Table::BankBatches,
        &[
            ("id", int(id)),
            ("period", text(period.to_string())),
            ("line_count", int(lines.len() as i64)),
            ("total", int(total)),
            ("created_by", int(by)),
            ("created_at", text(at)),
        ],
    )?;
    let mut event = Event::new("bank.batch", "bank_batch", Some(id)).row(image);
    let mut seals = super::imports::LineSeals::default();
    for (i, l) in lines.iter().enumerate() {
        seals.check(w, l.entitlement_id)?;
        let line_id = w.next_id(Table::BankBatchLines)?;
        let image = w.insert(
            Table::BankBatchLines,
            &[
                ("id", int(line_id)),
                ("batch_id", int(id)),
                ("entitlement_id", int(l.entitlement_id)),
                ("person_id", int(l.person_id)),
                ("reference", text(reference(id, i + 1))),
                ("account_no", text(&l.account_no)),
                ("account_bank", opt_text(l.account_bank.as_deref())),
                ("amount", int(l.amount.dong())),
            ],
        )?;
        event = event.row(image);
    }
    Ok((id, event))
}

/// A line of a batch as stored, with what the bank said of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub id: i64,
    pub batch_id: i64,
    pub entitlement_id: i64,
    pub person_id: i64,
    pub record_code: String,
    pub full_name: String,
    pub id_number: Option<String>,
    pub reference: String,
    pub account_no: String,
    pub account_bank: Option<String>,
    pub amount: Money,
    /// "done" or "failed" once the bank has answered.
    pub outcome: Option<String>,
    pub reason: Option<String>,
}

const LINE_SELECT: &str =
    "SELECT bl.id, bl.batch_id, bl.entitlement_id, bl.person_id, p.record_code,
        p.full_name, p.id_number, bl.reference, bl.account_no, bl.account_bank, bl.amount,
        o.outcome, o.reason
 FROM bank_batch_lines bl JOIN people p ON p.id = bl.person_id
 LEFT JOIN bank_outcomes o ON o.line_id = bl.id";

fn line(row: &rusqlite::Row<'_>) -> rusqlite::Result<Line> {
    Ok(Line {
        id: row.get(0)?,
        batch_id: row.get(1)?,
        entitlement_id: row.get(2)?,
        person_id: row.get(3)?,
        record_code: row.get(4)?,
        full_name: row.get(5)?,
        id_number: row.get(6)?,
        reference: row.get(7)?,
        account_no: row.get(8)?,
        account_bank: row.get(9)?,
        amount: Money::from_dong(row.get(10)?),
        outcome: row.get(11)?,
        reason: row.get(12)?,
    })
}

/// The lines of a batch, in reference order.
pub fn lines(r: &Read<'_>, batch_id: i64) -> Result<Vec<Line>, StoreError> {
    let mut stmt = r.cached(&format!(
        "{LINE_SELECT} WHERE bl.batch_id = ?1 ORDER BY bl.reference"
    ))?;
    let rows = stmt.query_map([batch_id], line)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The line with this reference, if any.
pub fn by_reference(r: &Read<'_>, reference: &str) -> Result<Option<Line>, StoreError> {
    Ok(r.cached(&format!("{LINE_SELECT} WHERE bl.reference = ?1"))?
        .query_row([reference], line)
        .optional()?)
}

/// A person's batch lines, newest first.
pub fn of_person(r: &Read<'_>, person_id: i64) -> Result<Vec<Line>, StoreError> {
    let mut stmt = r.cached(&format!(
        "{LINE_SELECT} WHERE bl.person_id = ?1 ORDER BY bl.id DESC"
    ))?;
    let rows = stmt.query_map([person_id], line)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The batch waiting for the bank that holds one of these lines, if any.
pub fn waiting_batch_of(r: &Read<'_>, entitlement_ids: &[i64]) -> Result<Option<i64>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT bl.batch_id FROM bank_batch_lines bl
         WHERE bl.entitlement_id = ?1
           AND NOT EXISTS (SELECT 1 FROM bank_outcomes o WHERE o.line_id = bl.id)",
    )?;
    for id in entitlement_ids {
        if let Some(b) = stmt.query_row([id], |row| row.get(0)).optional()? {
            return Ok(Some(b));
        }
    }
    Ok(None)
}

/// The batch and line reference whose bank result recorded payment
/// `payment_id`, if one did.
pub fn result_of_payment(
    r: &Read<'_>,
    payment_id: i64,
) -> Result<Option<(i64, String)>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT bl.batch_id, bl.reference FROM bank_outcomes o
             JOIN bank_batch_lines bl ON bl.id = o.line_id
             WHERE o.payment_id = ?1",
        )?
        .query_row([payment_id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}

/// Whether a result file with this sha256 was imported already, and when.
pub fn result_by_sha(r: &Read<'_>, sha: &str) -> Result<Option<(i64, String)>, StoreError> {
    Ok(r.conn()
        .prepare_cached("SELECT id, imported_at FROM bank_results WHERE sha256 = ?1")?
        .query_row([sha], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}

/// A result file about to be recorded.
pub struct NewResult<'a> {
    pub batch_id: i64,
    pub sha256: &'a str,
    pub file_name: &'a str,
    pub done_count: i64,
    pub failed_count: i64,
    pub done_total: Money,
    pub by: i64,
}

pub fn insert_result(w: &mut Write<'_>, n: &NewResult<'_>) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::BankResults)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::BankResults,
        &[
            ("id", int(id)),
            ("batch_id", int(n.batch_id)),
            ("sha256", text(n.sha256)),
            ("file_name", text(n.file_name)),
            ("done_count", int(n.done_count)),
            ("failed_count", int(n.failed_count)),
            ("done_total", int(n.done_total.dong())),
            ("imported_by", int(n.by)),
            ("imported_at", text(at)),
        ],
    )?;
    Ok((
        id,
        Event::new("bank.result", "bank_result", Some(id)).row(image),
    ))
}

/// Records what the bank said of one line.
pub fn insert_outcome(
    w: &mut Write<'_>,
    line_id: i64,
    result_id: i64,
    reason: Option<&str>,
    payment_id: Option<i64>,
) -> Result<Event, StoreError> {
    let id = w.next_id(Table::BankOutcomes)?;
    let outcome = if payment_id.is_some() {
        "done"
    } else {
        "failed"
    };
    let image = w.insert(
        Table::BankOutcomes,
        &[
            ("id", int(id)),
            ("line_id", int(line_id)),
            ("result_id", int(result_id)),
            ("outcome", text(outcome)),
            ("reason", opt_text(reason)),
            ("payment_id", opt_int(payment_id)),
        ],
    )?;
    Ok(Event::new("bank.outcome", "bank_batch_line", Some(line_id)).row(image))
}

/// What the bank has done with each person's lines of `period`: the
/// batch still waiting ("sent", its number) or the newest failure's reason.
pub fn states(
    r: &Read<'_>,
    period: Period,
) -> Result<std::collections::HashMap<i64, Transfer>, StoreError> {
    let mut stmt = r.cached(
        "SELECT bl.person_id, bl.batch_id, o.outcome, o.reason
         FROM bank_batch_lines bl JOIN entitlements e ON e.id = bl.entitlement_id
         LEFT JOIN bank_outcomes o ON o.line_id = bl.id
         WHERE e.period = ?1 ORDER BY bl.id",
    )?;
    let rows = stmt.query_map([period.to_string()], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, i64>(1)?,
            row.get::<_, Option<String>>(2)?,
            row.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut out = std::collections::HashMap::new();
    for row in rows {
        let (person, batch, outcome, reason) = row?;
        match outcome.as_deref() {
            None => {
                out.insert(person, Transfer::Sent { batch });
            }
            Some("failed") if !matches!(out.get(&person), Some(Transfer::Sent { .. })) => {
                out.insert(
                    person,
                    Transfer::Failed {
                        batch,
                        reason: reason.unwrap_or_default(),
                    },
                );
            }
            _ => {}
        }
    }
    Ok(out)
}

pub use crate::domain::period_report::Transfer;

/// The batch's period, lines and total, if it exists.
pub fn batch(r: &Read<'_>, id: i64) -> Result<Option<(Period, i64, Money, String)>, StoreError> {
    let row: Option<(String, i64, i64, String)> = r
        .conn()
        .prepare_cached(
            "SELECT period, line_count, total, created_at FROM bank_batches WHERE id = ?1",
        )?
        .query_row([id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .optional()?;
    match row {
        None => Ok(None),
        Some((p, n, t, at)) => Ok(Some((
            super::payments::parse_period(&p)?,
            n,
            Money::from_dong(t),
            at,
        ))),
    }
}

/// The newest batch of `period` with no result from the bank yet.
pub fn newest_waiting(r: &Read<'_>, period: Period) -> Result<Option<i64>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT max(b.id) FROM bank_batches b
             WHERE b.period = ?1
               AND NOT EXISTS (SELECT 1 FROM bank_results x WHERE x.batch_id = b.id)",
        )?
        .query_row([period.to_string()], |r| r.get(0))?)
}

/// The bank's reason, the last time it refused the line `entitlement_id`
/// sent to `account_no`, if it ever did.
pub fn refused_to(
    r: &Read<'_>,
    entitlement_id: i64,
    account_no: &str,
) -> Result<Option<String>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT coalesce(o.reason, '') FROM bank_batch_lines bl
             JOIN bank_outcomes o ON o.line_id = bl.id
             WHERE bl.entitlement_id = ?1 AND bl.account_no = ?2 AND o.outcome = 'failed'
             ORDER BY o.id DESC LIMIT 1",
        )?
        .query_row(rusqlite::params![entitlement_id, account_no], |r| r.get(0))
        .optional()?)
}
