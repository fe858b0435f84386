//! Stops and replaced lines: what the decrease lists and the months carried
//! into a new month's list change in what is owed.
//!
//! A stop says a person's payment ends from a month on; every line of that
//! month or later is then not payable (the trigger `payment_lines_not_stopped`
//! refuses it too), and a line of those months already paid is money to
//! recover. A replacement says an unpaid line is owed no more because a
//! later list's line stands for it. Rows are sealed and logged; nothing
//! here is ever changed or deleted.

use rusqlite::OptionalExtension;

use super::payments::{parse_kind, parse_period};
use super::rows::{Table, int, opt_text, text};
use super::{Event, Read, StoreError, Write};
use crate::domain::period_report::OverpaidCause;
use crate::domain::{EntitlementKind, Money, Period};

/// Why payment stops, as the decrease list says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StopReason {
    /// Đã chết.
    Died,
    /// Chuyển đi nơi khác.
    Moved,
    /// Hết hưởng / thôi hưởng.
    Ended,
    Other,
}

impl StopReason {
    pub fn code(self) -> &'static str {
        match self {
            StopReason::Died => "died",
            StopReason::Moved => "moved",
            StopReason::Ended => "ended",
            StopReason::Other => "other",
        }
    }

    pub fn from_code(s: &str) -> Option<StopReason> {
        [
            StopReason::Died,
            StopReason::Moved,
            StopReason::Ended,
            StopReason::Other,
        ]
        .into_iter()
        .find(|r| r.code() == s)
    }
}

/// A stop on file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Stop {
    pub id: i64,
    pub person_id: i64,
    pub batch_id: i64,
    pub source_row: i64,
    pub from: Period,
    pub reason: StopReason,
    pub note: Option<String>,
    pub created_at: String,
}

/// A line of a person, with whether it stands paid (and by which payment).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LineState {
    pub entitlement_id: i64,
    pub period: Period,
    pub kind: EntitlementKind,
    pub amount: Money,
    /// The receipt of the standing payment of this line, if paid.
    pub paid_receipt: Option<String>,
    /// Replaced by a later list's line: owed no more.
    pub replaced: bool,
}

/// The person a change list's row names: by record code, else by ID number.
pub fn find_person(
    r: &Read<'_>,
    record_code: Option<&str>,
    id_number: Option<&str>,
) -> Result<Option<i64>, StoreError> {
    if let Some(code) = record_code {
        let id = r
            .conn()
            .prepare_cached("SELECT id FROM people WHERE record_code = ?1")?
            .query_row([code], |row| row.get::<_, i64>(0))
            .optional()?;
        if id.is_some() {
            return Ok(id);
        }
    }
    if let Some(number) = id_number {
        let mut stmt = r
            .conn()
            .prepare_cached("SELECT id FROM people WHERE id_number = ?1 ORDER BY id LIMIT 2")?;
        let ids: Vec<i64> = stmt
            .query_map([number], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        // Two records with one number: the list must name the record code.
        if ids.len() == 1 {
            return Ok(Some(ids[0]));
        }
    }
    Ok(None)
}

/// Every line of a person in open periods, oldest first, paid or not.
pub fn lines_of(r: &Read<'_>, person_id: i64) -> Result<Vec<LineState>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT e.id, e.period, e.kind, e.amount,
                (SELECT p.receipt_no FROM payment_lines pl JOIN payments p ON p.id = pl.payment_id
                 WHERE pl.entitlement_id = e.id
                   AND NOT EXISTS (SELECT 1 FROM reversals rv WHERE rv.payment_id = pl.payment_id)
                 LIMIT 1),
                EXISTS (SELECT 1 FROM line_replacements x WHERE x.entitlement_id = e.id)
         FROM entitlements e JOIN periods pe ON pe.period = e.period
         WHERE e.person_id = ?1 AND pe.status = 'open'
         ORDER BY e.period, e.id",
    )?;
    let rows = stmt.query_map([person_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, i64>(3)?,
            row.get::<_, Option<String>>(4)?,
            row.get::<_, bool>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, period, kind, amount, paid_receipt, replaced) = row?;
        out.push(LineState {
            entitlement_id: id,
            period: parse_period(&period)?,
            kind: parse_kind(&kind)?,
            amount: Money::from_dong(amount),
            paid_receipt,
            replaced,
        });
    }
    Ok(out)
}

type RawStop = (i64, i64, i64, i64, String, String, Option<String>, String);

fn read_stop(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawStop> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ))
}

fn finish_stop(raw: RawStop) -> Result<Stop, StoreError> {
    let (id, person_id, batch_id, source_row, from, reason, note, created_at) = raw;
    Ok(Stop {
        id,
        person_id,
        batch_id,
        source_row,
        from: parse_period(&from)?,
        reason: StopReason::from_code(&reason).ok_or_else(|| StoreError::Damaged {
            what: format!("bad stop reason {reason:?} in database"),
        })?,
        note,
        created_at,
    })
}

const STOP_COLUMNS: &str =
    "id, person_id, batch_id, source_row, from_period, reason, note, created_at";

/// The earliest stop of a person, if their payment was stopped.
pub fn stop_of(r: &Read<'_>, person_id: i64) -> Result<Option<Stop>, StoreError> {
    let found = r
        .conn()
        .prepare_cached(&format!(
            "SELECT {STOP_COLUMNS} FROM stops WHERE person_id = ?1 ORDER BY from_period, id LIMIT 1"
        ))?
        .query_row([person_id], read_stop)
        .optional()?;
    found.map(finish_stop).transpose()
}

/// A new stop, from a decrease list's row.
pub struct NewStop<'a> {
    pub person_id: i64,
    pub batch_id: i64,
    pub source_row: i64,
    pub from: Period,
    pub reason: StopReason,
    pub note: Option<&'a str>,
}

/// Writes a stop; returns its id and the event to log.
pub fn insert_stop(w: &mut Write<'_>, s: &NewStop<'_>) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::Stops)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::Stops,
        &[
            ("id", int(id)),
            ("person_id", int(s.person_id)),
            ("batch_id", int(s.batch_id)),
            ("source_row", int(s.source_row)),
            ("from_period", text(s.from.to_string())),
            ("reason", text(s.reason.code())),
            ("note", opt_text(s.note)),
            ("created_at", text(at)),
        ],
    )?;
    Ok((
        id,
        Event::new("payment.stop", "person", Some(s.person_id)).row(image),
    ))
}

/// Writes that `entitlement_id` is replaced by `replaced_by`; returns the
/// event to log.
pub fn insert_replacement(
    w: &mut Write<'_>,
    entitlement_id: i64,
    replaced_by: i64,
    batch_id: i64,
) -> Result<Event, StoreError> {
    let at = w.at().to_string();
    let image = w.insert(
        Table::LineReplacements,
        &[
            ("entitlement_id", int(entitlement_id)),
            ("replaced_by", int(replaced_by)),
            ("batch_id", int(batch_id)),
            ("created_at", text(at)),
        ],
    )?;
    Ok(Event::new("line.replace", "entitlement", Some(entitlement_id)).row(image))
}

/// A line paid for a month from which the person's payment had stopped:
/// money to recover.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Overpayment {
    pub person_id: i64,
    pub record_code: String,
    pub full_name: String,
    pub period: Period,
    pub kind: EntitlementKind,
    pub amount: Money,
    pub receipt_no: String,
    pub reason: StopReason,
    pub from: Period,
}

/// Every standing payment of a line of a month from which its person's
/// payment stopped (but the funeral allowance paid to the heir), oldest
/// first. `period` limits it to one month's lines.
pub fn overpayments(r: &Read<'_>, period: Option<Period>) -> Result<Vec<Overpayment>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT pe.id, pe.record_code, pe.full_name, e.period, e.kind, e.amount, p.receipt_no,
                s.reason, s.from_period
         FROM stops s
         JOIN entitlements e ON e.person_id = s.person_id AND e.period >= s.from_period
         JOIN payment_lines pl ON pl.entitlement_id = e.id
         JOIN payments p ON p.id = pl.payment_id
         JOIN people pe ON pe.id = s.person_id
         WHERE NOT EXISTS (SELECT 1 FROM reversals rv WHERE rv.payment_id = p.id)
           AND NOT (e.kind = 'mai_tang' AND p.receiver_kind = 'heir')
           AND (?1 IS NULL OR e.period = ?1)
           AND s.id = (SELECT s2.id FROM stops s2 WHERE s2.person_id = s.person_id
                       ORDER BY s2.from_period, s2.id LIMIT 1)
         ORDER BY e.period, pe.id, e.id",
    )?;
    let rows = stmt.query_map([period.map(|p| p.to_string())], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, i64>(5)?,
            row.get::<_, String>(6)?,
            row.get::<_, String>(7)?,
            row.get::<_, String>(8)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (person_id, record_code, full_name, per, kind, amount, receipt_no, reason, from) = row?;
        out.push(Overpayment {
            person_id,
            record_code,
            full_name,
            period: parse_period(&per)?,
            kind: parse_kind(&kind)?,
            amount: Money::from_dong(amount),
            receipt_no,
            reason: StopReason::from_code(&reason).unwrap_or(StopReason::Other),
            from: parse_period(&from)?,
        });
    }
    Ok(out)
}

/// Whether a decrease list stopped the person's payment from the month of
/// the line `entitlement_id` on.
pub fn stopped_for(r: &Read<'_>, person_id: i64, entitlement_id: i64) -> Result<bool, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM stops s JOIN entitlements e ON e.id = ?2
                            WHERE s.person_id = ?1 AND e.period >= s.from_period)",
        )?
        .query_row(rusqlite::params![person_id, entitlement_id], |r| r.get(0))?)
}

/// The overpayments of `period`, as the period's report lists them.
pub fn overpaid_in(
    r: &Read<'_>,
    period: Period,
) -> Result<Vec<crate::domain::period_report::Overpaid>, StoreError> {
    Ok(overpayments(r, Some(period))?
        .into_iter()
        .map(|o| crate::domain::period_report::Overpaid {
            code: o.record_code,
            full_name: o.full_name,
            amount: o.amount,
            receipt_no: o.receipt_no,
            cause: OverpaidCause::Stopped { from: o.from },
        })
        .chain(paid_when_not_payable(r, period)?)
        .collect())
}

/// Payments of `period`'s lines, to the person or a proxy, made after the
/// day of death on file, or recorded after the person's status stopped
/// being active (a transfer the bank made after the batch was sent) —
/// except lines a decrease list stopped, which [`overpayments`] lists.
fn paid_when_not_payable(
    r: &Read<'_>,
    period: Period,
) -> Result<Vec<crate::domain::period_report::Overpaid>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT pe.record_code, pe.full_name, sum(pl.amount), p.receipt_no, p.day, p.paid_at,
                (SELECT h.died_on FROM heirs h WHERE h.person_id = pe.id ORDER BY h.id DESC LIMIT 1),
                pe.status, pe.status_since
         FROM entitlements e
         JOIN payment_lines pl ON pl.entitlement_id = e.id
         JOIN payments p ON p.id = pl.payment_id
         JOIN people pe ON pe.id = e.person_id
         WHERE e.period = ?1 AND p.receiver_kind <> 'heir'
           AND NOT EXISTS (SELECT 1 FROM reversals rv WHERE rv.payment_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM stops s WHERE s.person_id = pe.id AND e.period >= s.from_period)
         GROUP BY p.id
         ORDER BY pe.record_code, p.id",
    )?;
    let rows = stmt.query_map([period.to_string()], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, i64>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, String>(5)?,
            row.get::<_, Option<String>>(6)?,
            row.get::<_, String>(7)?,
            row.get::<_, Option<String>>(8)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (code, full_name, amount, receipt_no, day, paid_at, died_on, status, since) = row?;
        let cause = match (died_on, since) {
            (Some(died_on), _) if day > died_on => OverpaidCause::PaidAfterDeath {
                died_on,
                paid_on: day,
            },
            (_, Some(since)) if status != "active" && paid_at > since => {
                OverpaidCause::PaidAfterStatus {
                    status,
                    since,
                    paid_on: day,
                }
            }
            _ => continue,
        };
        out.push(crate::domain::period_report::Overpaid {
            code,
            full_name,
            amount: Money::from_dong(amount),
            receipt_no,
            cause,
        });
    }
    Ok(out)
}

/// Writes the month from which a person an increase list added is paid;
/// returns the event to log.
pub fn insert_start(
    w: &mut Write<'_>,
    person_id: i64,
    batch_id: i64,
    source_row: i64,
    from: Period,
) -> Result<Event, StoreError> {
    let id = w.next_id(Table::IncreaseStarts)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::IncreaseStarts,
        &[
            ("id", int(id)),
            ("person_id", int(person_id)),
            ("batch_id", int(batch_id)),
            ("source_row", int(source_row)),
            ("from_period", text(from.to_string())),
            ("created_at", text(at)),
        ],
    )?;
    Ok(Event::new("person.start", "person", Some(person_id)).row(image))
}

/// The month from which an increase list said the person is paid, if one did.
pub fn start_of(r: &Read<'_>, person_id: i64) -> Result<Option<Period>, StoreError> {
    let found: Option<String> = r
        .conn()
        .prepare_cached(
            "SELECT from_period FROM increase_starts WHERE person_id = ?1 ORDER BY id LIMIT 1",
        )?
        .query_row([person_id], |row| row.get(0))
        .optional()?;
    found.as_deref().map(parse_period).transpose()
}

/// The people a decrease list stopped from `period` or before, who are on
/// its lists or whose decrease list was imported for it, with what was
/// paid for months from their stop on (to recover), by record code.
pub fn stops_in(
    r: &Read<'_>,
    period: Period,
) -> Result<Vec<crate::domain::period_report::Stopped>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT pe.id, pe.record_code, pe.full_name, pe.id_number, s.reason, s.note, s.from_period
         FROM stops s JOIN people pe ON pe.id = s.person_id
         WHERE s.from_period <= ?1
           AND s.id = (SELECT s2.id FROM stops s2 WHERE s2.person_id = s.person_id
                       ORDER BY s2.from_period, s2.id LIMIT 1)
           AND (EXISTS (SELECT 1 FROM entitlements e WHERE e.person_id = s.person_id AND e.period = ?1)
                OR EXISTS (SELECT 1 FROM import_batches b WHERE b.id = s.batch_id AND b.period = ?1))
         ORDER BY pe.record_code",
    )?;
    let rows = stmt.query_map([period.to_string()], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, Option<String>>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, Option<String>>(5)?,
            row.get::<_, String>(6)?,
        ))
    })?;
    let mut recover: std::collections::HashMap<i64, Money> = std::collections::HashMap::new();
    for o in overpayments(r, None)? {
        let sum = recover.entry(o.person_id).or_insert(Money::ZERO);
        *sum = *sum + o.amount;
    }
    let mut out = Vec::new();
    for row in rows {
        let (person_id, code, full_name, id_number, reason, reason_text, from) = row?;
        out.push(crate::domain::period_report::Stopped {
            code,
            full_name,
            id_number,
            reason,
            reason_text,
            from: parse_period(&from)?,
            overpaid: recover.get(&person_id).copied().unwrap_or(Money::ZERO),
        });
    }
    Ok(out)
}
