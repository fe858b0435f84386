//! Cash drawers: movements between the supervisor and a clerk, and the
//! clerk's blind count with its reason.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;
use crate::domain::Money;
use crate::domain::report::{CountFact, MoveFact, MoveKind};

/// A movement of cash about to be recorded.
pub struct NewMove<'a> {
    pub day: &'a str,
    pub at: &'a str,
    pub clerk_id: i64,
    pub supervisor_id: i64,
    pub kind: MoveKind,
    pub amount: Money,
    pub note: Option<&'a str>,
}

pub fn insert_move(conn: &Connection, m: &NewMove<'_>) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO drawer_moves (day, at, clerk_id, supervisor_id, kind, amount, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            m.day,
            m.at,
            m.clerk_id,
            m.supervisor_id,
            m.kind.code(),
            m.amount.dong(),
            m.note
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn moves_of_day(conn: &Connection, day: &str) -> Result<Vec<MoveFact>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT clerk_id, supervisor_id, kind, amount, at FROM drawer_moves WHERE day = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([day], |r| {
        let kind: String = r.get(2)?;
        Ok(MoveFact {
            clerk_id: r.get(0)?,
            supervisor_id: r.get(1)?,
            kind: MoveKind::from_code(&kind).unwrap_or(MoveKind::Issue),
            amount: Money::from_dong(r.get(3)?),
            at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn insert_count(
    conn: &Connection,
    day: &str,
    at: &str,
    clerk_id: i64,
    notes: &BTreeMap<i64, i64>,
    counted: Money,
    expected: Money,
) -> Result<i64, StoreError> {
    let notes = serde_json::to_string(notes).expect("a map of integers serialises");
    conn.execute(
        "INSERT INTO drawer_counts (day, at, clerk_id, notes, counted, expected, difference)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            day,
            at,
            clerk_id,
            notes,
            counted.dong(),
            expected.dong(),
            (counted - expected).dong()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn insert_reason(
    conn: &Connection,
    count_id: i64,
    at: &str,
    reason: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO drawer_count_reasons (count_id, at, reason) VALUES (?1, ?2, ?3)",
        params![count_id, at, reason],
    )?;
    Ok(())
}

const COUNT_SQL: &str =
    "SELECT c.id, c.clerk_id, c.at, c.notes, c.counted, c.expected, c.difference, r.reason
    FROM drawer_counts c LEFT JOIN drawer_count_reasons r ON r.count_id = c.id";

fn read_count(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, CountFact)> {
    let notes: String = r.get(3)?;
    Ok((
        r.get(0)?,
        CountFact {
            clerk_id: r.get(1)?,
            at: r.get(2)?,
            notes: serde_json::from_str(&notes).unwrap_or_default(),
            counted: Money::from_dong(r.get(4)?),
            expected: Money::from_dong(r.get(5)?),
            difference: Money::from_dong(r.get(6)?),
            reason: r.get(7)?,
        },
    ))
}

pub fn counts_of_day(conn: &Connection, day: &str) -> Result<Vec<CountFact>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{COUNT_SQL} WHERE c.day = ?1 ORDER BY c.id"))?;
    let rows = stmt.query_map([day], read_count)?;
    Ok(rows.map(|r| r.map(|(_, c)| c)).collect::<Result<_, _>>()?)
}

/// A clerk's count of a day, with its id.
pub fn count_of(
    conn: &Connection,
    day: &str,
    clerk_id: i64,
) -> Result<Option<(i64, CountFact)>, StoreError> {
    Ok(conn
        .prepare_cached(&format!("{COUNT_SQL} WHERE c.day = ?1 AND c.clerk_id = ?2"))?
        .query_row(params![day, clerk_id], read_count)
        .optional()?)
}

/// Whether a clerk's drawer was opened (a float) on a day.
pub fn is_open(conn: &Connection, day: &str, clerk_id: i64) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM drawer_moves WHERE day = ?1 AND clerk_id = ?2 AND kind = 'float' LIMIT 1")?
        .query_row(params![day, clerk_id], |_| Ok(()))
        .optional()?
        .is_some())
}
