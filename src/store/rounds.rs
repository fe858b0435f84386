//! Home rounds: the round, its lines, the cash issued to the postman, the
//! outcome of each stop, the cash brought back and the reconciliation
//! (migration 018). A round's state is which of its rows exist.
//!
//! Every table here is append-only and sealed; each write returns the
//! [`Event`] it owes. The rules of order (no line after the cash went out,
//! no outcome after it came back, …) and the counter's lock are triggers.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::rows::{Table, int, opt_int, opt_text, text};
use super::{Event, Read, StoreError, Write};
use crate::domain::period_report::UnpaidReason;
use crate::domain::round::{RoundState, StopResult};
use crate::domain::{Money, Period};

/// The reference of stop `stop` of round `round`: "NH0003-012". A home
/// payment of that stop carries it.
pub fn reference(round: i64, stop: i64) -> String {
    format!("NH{round:04}-{stop:03}")
}

/// A round as stored, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub id: i64,
    pub period: Period,
    pub hamlet: String,
    pub postman_id: i64,
    pub postman: String,
    pub created_at: String,
    pub state: RoundState,
    /// Cash issued, and the day it went out.
    pub issued: Option<(Money, String)>,
    /// Cash brought back, and whether it went back through the drawer.
    pub returned: Option<(Money, bool)>,
    /// The reconciliation: difference and reason.
    pub closed: Option<(Money, Option<String>)>,
}

const ROUND_SELECT: &str =
    "SELECT r.id, r.period, r.hamlet, r.postman_id, u.full_name, r.created_at,
        i.amount, i.day, x.amount, x.move_id, c.difference, c.reason
 FROM home_rounds r JOIN users u ON u.id = r.postman_id
 LEFT JOIN home_round_issues i ON i.round_id = r.id
 LEFT JOIN home_round_returns x ON x.round_id = r.id
 LEFT JOIN home_round_closes c ON c.round_id = r.id";

fn round_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<Round> {
    let issued: Option<i64> = row.get(6)?;
    let day: Option<String> = row.get(7)?;
    let returned: Option<i64> = row.get(8)?;
    let move_id: Option<i64> = row.get(9)?;
    let difference: Option<i64> = row.get(10)?;
    let state = if difference.is_some() {
        RoundState::Reconciled
    } else if returned.is_some() {
        RoundState::Returned
    } else if issued.is_some() {
        RoundState::Issued
    } else {
        RoundState::Open
    };
    let period: String = row.get(1)?;
    let reason: Option<String> = row.get(11)?;
    Ok(Round {
        id: row.get(0)?,
        period: period.parse().map_err(|_| {
            rusqlite::Error::InvalidColumnType(1, "period".into(), rusqlite::types::Type::Text)
        })?,
        hamlet: row.get(2)?,
        postman_id: row.get(3)?,
        postman: row.get(4)?,
        created_at: row.get(5)?,
        state,
        issued: issued.map(|a| (Money::from_dong(a), day.unwrap_or_default())),
        returned: returned.map(|a| (Money::from_dong(a), move_id.is_some())),
        closed: difference.map(|d| (Money::from_dong(d), reason)),
    })
}

/// Rounds whose cash went out on `day` or before and has not come back:
/// (round number, postman's name). The day's close waits for them.
pub fn out_on_or_before(r: &Read<'_>, day: &str) -> Result<Vec<(i64, String)>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT i.round_id, u.full_name FROM home_round_issues i
           JOIN home_rounds h ON h.id = i.round_id
           JOIN users u ON u.id = h.postman_id
          WHERE i.day <= ?1
            AND NOT EXISTS (SELECT 1 FROM home_round_returns x WHERE x.round_id = i.round_id)
          ORDER BY i.round_id",
    )?;
    let rows = stmt.query_map([day], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The round with this number, if any.
pub fn get(r: &Read<'_>, id: i64) -> Result<Option<Round>, StoreError> {
    Ok(r.conn()
        .prepare_cached(&format!("{ROUND_SELECT} WHERE r.id = ?1"))?
        .query_row([id], round_of)
        .optional()?)
}

/// Every round, newest first.
pub fn all(r: &Read<'_>) -> Result<Vec<Round>, StoreError> {
    let mut stmt = r.cached(&format!("{ROUND_SELECT} ORDER BY r.id DESC"))?;
    let rows = stmt.query_map([], round_of)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One line of a round, with its person and what became of the stop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub stop: i64,
    pub person_id: i64,
    pub entitlement_id: i64,
    pub reference: String,
    pub amount: Money,
    pub record_code: String,
    pub full_name: String,
    pub id_number: Option<String>,
    pub address: Option<String>,
    pub status: String,
    pub result: Option<StopResult>,
    pub note: Option<String>,
    /// The payment of the stop by the round.
    pub payment_id: Option<i64>,
    /// A standing payment of the line made outside the round (at the
    /// counter before the cash went out, or after it came back).
    pub paid_elsewhere: Option<String>,
}

/// The lines of a round, stop by stop.
pub fn lines(r: &Read<'_>, round_id: i64) -> Result<Vec<Line>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT hl.stop, hl.person_id, hl.entitlement_id, hl.reference, hl.amount,
                p.record_code, p.full_name, p.id_number, p.address, p.status,
                o.result, o.note, o.payment_id,
                (SELECT pay.receipt_no FROM payment_lines pl JOIN payments pay ON pay.id = pl.payment_id
                 WHERE pl.entitlement_id = hl.entitlement_id
                   AND pay.reference IS NOT hl.reference
                   AND NOT EXISTS (SELECT 1 FROM reversals rv WHERE rv.payment_id = pay.id))
         FROM home_round_lines hl JOIN people p ON p.id = hl.person_id
         LEFT JOIN home_round_outcomes o ON o.round_id = hl.round_id AND o.person_id = hl.person_id
         WHERE hl.round_id = ?1 ORDER BY hl.stop, hl.id",
    )?;
    let rows = stmt.query_map([round_id], |row| {
        let result: Option<String> = row.get(10)?;
        Ok(Line {
            stop: row.get(0)?,
            person_id: row.get(1)?,
            entitlement_id: row.get(2)?,
            reference: row.get(3)?,
            amount: Money::from_dong(row.get(4)?),
            record_code: row.get(5)?,
            full_name: row.get(6)?,
            id_number: row.get(7)?,
            address: row.get(8)?,
            status: row.get(9)?,
            result: result.as_deref().and_then(StopResult::from_code),
            note: row.get(11)?,
            payment_id: row.get(12)?,
            paid_elsewhere: row.get(13)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The round not yet returned that holds one of these lines, if any.
pub fn holding(r: &Read<'_>, entitlement_ids: &[i64]) -> Result<Option<i64>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT hl.round_id FROM home_round_lines hl
         WHERE hl.entitlement_id = ?1
           AND NOT EXISTS (SELECT 1 FROM home_round_returns x WHERE x.round_id = hl.round_id)",
    )?;
    for id in entitlement_ids {
        if let Some(round) = stmt.query_row([id], |row| row.get(0)).optional()? {
            return Ok(Some(round));
        }
    }
    Ok(None)
}

/// The newest home-round outcome in which the family of `person_id`
/// reported them deceased, unless the person was paid after it (seen and
/// checked at the counter; a payment in the same second counts as after,
/// the round's own lines being locked at the counter until it is back) or
/// a supervisor recorded them seen alive since ([`insert_alive_check`]):
/// (round number, when it was recorded).
pub fn death_reported(r: &Read<'_>, person_id: i64) -> Result<Option<(i64, String)>, StoreError> {
    Ok(open_death_report(r, person_id)?.map(|(_, round, at)| (round, at)))
}

/// The report [`death_reported`] gives, with its outcome's id.
fn open_death_report(
    r: &Read<'_>,
    person_id: i64,
) -> Result<Option<(i64, i64, String)>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT o.id, o.round_id, o.recorded_at FROM home_round_outcomes o
             WHERE o.person_id = ?1 AND o.result = 'deceased'
               AND NOT EXISTS (SELECT 1 FROM payments p
                               WHERE p.person_id = o.person_id AND p.paid_at >= o.recorded_at)
               AND NOT EXISTS (SELECT 1 FROM death_report_checks c
                               WHERE c.person_id = o.person_id AND c.outcome_id >= o.id)
             ORDER BY o.id DESC LIMIT 1",
        )?
        .query_row([person_id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .optional()?)
}

/// Records that a supervisor (`by`) saw `person_id` alive, `note` saying
/// how: the family's report of their death ([`death_reported`]), and any
/// earlier one, no longer holds them back. `None` when no report is open.
pub fn insert_alive_check(
    w: &mut Write<'_>,
    person_id: i64,
    note: &str,
    by: i64,
) -> Result<Option<(i64, Event)>, StoreError> {
    let Some((outcome, round, _)) = open_death_report(w, person_id)? else {
        return Ok(None);
    };
    let id = w.next_id(Table::DeathReportChecks)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::DeathReportChecks,
        &[
            ("id", int(id)),
            ("outcome_id", int(outcome)),
            ("person_id", int(person_id)),
            ("note", text(note)),
            ("checked_by", int(by)),
            ("checked_at", text(at)),
        ],
    )?;
    let event = Event::new("person.seen_alive", "person", Some(person_id)).row(image);
    Ok(Some((round, event)))
}

/// Writes a round; returns its number and the change to log.
pub fn insert_round(
    w: &mut Write<'_>,
    period: Period,
    hamlet: &str,
    postman_id: i64,
    by: i64,
) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::HomeRounds)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::HomeRounds,
        &[
            ("id", int(id)),
            ("period", text(period.to_string())),
            ("hamlet", text(hamlet)),
            ("postman_id", int(postman_id)),
            ("created_by", int(by)),
            ("created_at", text(at)),
        ],
    )?;
    Ok((
        id,
        Event::new("round.create", "home_round", Some(id)).row(image),
    ))
}

/// A line about to join a round.
pub struct NewLine {
    pub stop: i64,
    pub person_id: i64,
    pub entitlement_id: i64,
    pub amount: Money,
}

/// Writes a line of round `round_id` (its reference made here), checked
/// against its seal first (`seals`, one for the round's lines: no cash is
/// issued for an amount changed behind chitra's back).
pub fn insert_line(
    w: &mut Write<'_>,
    seals: &mut super::imports::LineSeals,
    round_id: i64,
    l: &NewLine,
) -> Result<Event, StoreError> {
    seals.check(w, l.entitlement_id)?;
    let id = w.next_id(Table::HomeRoundLines)?;
    let image = w.insert(
        Table::HomeRoundLines,
        &[
            ("id", int(id)),
            ("round_id", int(round_id)),
            ("stop", int(l.stop)),
            ("person_id", int(l.person_id)),
            ("entitlement_id", int(l.entitlement_id)),
            ("reference", text(reference(round_id, l.stop))),
            ("amount", int(l.amount.dong())),
        ],
    )?;
    Ok(Event::new("round.line", "home_round", Some(round_id)).row(image))
}

/// Records the cash issued for a round through drawer movement `move_id`.
pub fn insert_issue(
    w: &mut Write<'_>,
    round_id: i64,
    move_id: i64,
    amount: Money,
    day: &str,
    by: i64,
) -> Result<Event, StoreError> {
    let id = w.next_id(Table::HomeRoundIssues)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::HomeRoundIssues,
        &[
            ("id", int(id)),
            ("round_id", int(round_id)),
            ("move_id", int(move_id)),
            ("amount", int(amount.dong())),
            ("day", text(day)),
            ("issued_by", int(by)),
            ("issued_at", text(at)),
        ],
    )?;
    Ok(Event::new("round.issue", "home_round", Some(round_id)).row(image))
}

/// What became of one stop, about to be recorded.
pub struct NewOutcome<'a> {
    pub round_id: i64,
    pub person_id: i64,
    pub result: StopResult,
    pub note: Option<&'a str>,
    pub payment_id: Option<i64>,
    pub by: i64,
}

pub fn insert_outcome(w: &mut Write<'_>, o: &NewOutcome<'_>) -> Result<Event, StoreError> {
    let id = w.next_id(Table::HomeRoundOutcomes)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::HomeRoundOutcomes,
        &[
            ("id", int(id)),
            ("round_id", int(o.round_id)),
            ("person_id", int(o.person_id)),
            ("result", text(o.result.code())),
            ("note", opt_text(o.note)),
            ("payment_id", opt_int(o.payment_id)),
            ("recorded_by", int(o.by)),
            ("recorded_at", text(at)),
        ],
    )?;
    Ok(Event::new("round.outcome", "home_round", Some(o.round_id)).row(image))
}

/// Records the cash brought back (through drawer movement `move_id`
/// when it went back into the office's cash that day).
pub fn insert_return(
    w: &mut Write<'_>,
    round_id: i64,
    move_id: Option<i64>,
    amount: Money,
    day: &str,
    by: i64,
) -> Result<Event, StoreError> {
    let id = w.next_id(Table::HomeRoundReturns)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::HomeRoundReturns,
        &[
            ("id", int(id)),
            ("round_id", int(round_id)),
            ("move_id", opt_int(move_id)),
            ("amount", int(amount.dong())),
            ("day", text(day)),
            ("returned_by", int(by)),
            ("returned_at", text(at)),
        ],
    )?;
    Ok(Event::new("round.return", "home_round", Some(round_id)).row(image))
}

/// The reconciliation about to be recorded.
pub struct NewClose<'a> {
    pub round_id: i64,
    pub issued: Money,
    pub paid: Money,
    pub returned: Money,
    pub reason: Option<&'a str>,
    pub by: i64,
}

pub fn insert_close(w: &mut Write<'_>, c: &NewClose<'_>) -> Result<Event, StoreError> {
    let id = w.next_id(Table::HomeRoundCloses)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::HomeRoundCloses,
        &[
            ("id", int(id)),
            ("round_id", int(c.round_id)),
            ("issued", int(c.issued.dong())),
            ("paid", int(c.paid.dong())),
            ("returned", int(c.returned.dong())),
            ("difference", int((c.issued - c.paid - c.returned).dong())),
            ("reason", opt_text(c.reason)),
            ("closed_by", int(c.by)),
            ("closed_at", text(at)),
        ],
    )?;
    Ok(Event::new("round.reconcile", "home_round", Some(c.round_id)).row(image))
}

/// The cash a round's own payments took from the postman's drawer.
pub fn paid_total(r: &Read<'_>, round_id: i64) -> Result<Money, StoreError> {
    Ok(Money::from_dong(
        r.conn()
            .prepare_cached(
                "SELECT coalesce(sum(p.total), 0) FROM home_round_outcomes o
                 JOIN payments p ON p.id = o.payment_id
                 WHERE o.round_id = ?1
                   AND NOT EXISTS (SELECT 1 FROM reversals rv WHERE rv.payment_id = p.id)",
            )?
            .query_row([round_id], |row| row.get::<_, i64>(0))?,
    ))
}

/// For each person left unpaid by a round of `period`, the reason the
/// newest outcome gives (not at home → away, refused, reported deceased),
/// with the outcome's note.
pub fn unpaid_reasons(
    r: &Read<'_>,
    period: Period,
) -> Result<HashMap<i64, (UnpaidReason, Option<String>)>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT o.person_id, o.result, o.note FROM home_round_outcomes o
         JOIN home_rounds r ON r.id = o.round_id
         WHERE r.period = ?1 AND o.result <> 'paid' ORDER BY o.id",
    )?;
    let rows = stmt.query_map(params![period.to_string()], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, Option<String>>(2)?,
        ))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (person, result, note) = row?;
        if let Some(reason) = StopResult::from_code(&result).and_then(StopResult::unpaid_reason) {
            out.insert(person, (reason, note));
        }
    }
    Ok(out)
}

/// The home rounds, oldest first, that hold lines of `period` and went
/// out (their cash issued) without being reconciled yet. A round never
/// issued holds nothing: its lines stay payable at the counter, and it
/// cannot be issued once their period is closed (`home_round_issues_open_period`).
pub fn open_with_lines_of(r: &Read<'_>, period: Period) -> Result<Vec<i64>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT DISTINCT hl.round_id FROM home_round_lines hl
         JOIN entitlements e ON e.id = hl.entitlement_id
         WHERE e.period = ?1
           AND EXISTS (SELECT 1 FROM home_round_issues i WHERE i.round_id = hl.round_id)
           AND NOT EXISTS (SELECT 1 FROM home_round_closes c WHERE c.round_id = hl.round_id)
         ORDER BY hl.round_id",
    )?;
    let rows = stmt.query_map([period.to_string()], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
