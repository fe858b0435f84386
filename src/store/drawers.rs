//! Cash drawers: movements between the supervisor and a clerk, and the
//! count of a drawer with its reason.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, params};

use super::rows::{Table, int, opt_text, text};
use super::{Event, Read, StoreError, Write};
use crate::domain::Money;
use crate::domain::report::{CountFact, MoveFact, MoveKind};

/// A movement of cash about to be recorded.
pub struct NewMove<'a> {
    pub day: &'a str,
    pub clerk_id: i64,
    pub supervisor_id: i64,
    pub kind: MoveKind,
    pub amount: Money,
    pub note: Option<&'a str>,
}

pub fn insert_move(w: &mut Write<'_>, m: &NewMove<'_>) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::DrawerMoves)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::DrawerMoves,
        &[
            ("id", int(id)),
            ("day", text(m.day)),
            ("at", text(at)),
            ("clerk_id", int(m.clerk_id)),
            ("supervisor_id", int(m.supervisor_id)),
            ("kind", text(m.kind.code())),
            ("amount", int(m.amount.dong())),
            ("note", opt_text(m.note)),
        ],
    )?;
    Ok((
        id,
        Event::new("drawer.move", "drawer_move", Some(id)).row(image),
    ))
}

pub fn moves_of_day(r: &Read<'_>, day: &str) -> Result<Vec<MoveFact>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
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

/// A count about to be recorded: by the clerk, or by a supervisor for an
/// earlier day (`counted_by`), or the reason no count could be made.
pub struct NewCount<'a> {
    pub day: &'a str,
    pub clerk_id: i64,
    pub counted_by: i64,
    pub notes: &'a BTreeMap<i64, i64>,
    pub counted: Money,
    pub expected: Money,
    pub not_counted: Option<&'a str>,
}

pub fn insert_count(w: &mut Write<'_>, c: &NewCount<'_>) -> Result<(i64, Event), StoreError> {
    let notes = serde_json::to_string(c.notes).unwrap_or_else(|_| "{}".into());
    let id = w.next_id(Table::DrawerCounts)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::DrawerCounts,
        &[
            ("id", int(id)),
            ("day", text(c.day)),
            ("at", text(at)),
            ("clerk_id", int(c.clerk_id)),
            ("counted_by", int(c.counted_by)),
            ("notes", text(notes)),
            ("counted", int(c.counted.dong())),
            ("expected", int(c.expected.dong())),
            ("difference", int((c.counted - c.expected).dong())),
            ("not_counted", opt_text(c.not_counted)),
        ],
    )?;
    Ok((
        id,
        Event::new("drawer.count", "drawer_count", Some(id)).row(image),
    ))
}

pub fn insert_reason(w: &mut Write<'_>, count_id: i64, reason: &str) -> Result<Event, StoreError> {
    let at = w.at().to_string();
    let image = w.insert(
        Table::DrawerCountReasons,
        &[
            ("count_id", int(count_id)),
            ("at", text(at)),
            ("reason", text(reason)),
        ],
    )?;
    Ok(Event::new("drawer.reason", "drawer_count", Some(count_id)).row(image))
}

const COUNT_SQL: &str =
    "SELECT c.id, c.clerk_id, c.at, c.notes, c.counted, c.expected, c.difference,
        r.reason, c.counted_by, c.not_counted
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
            counted_by: r.get(8)?,
            not_counted: r.get(9)?,
        },
    ))
}

pub fn counts_of_day(r: &Read<'_>, day: &str) -> Result<Vec<CountFact>, StoreError> {
    let mut stmt = r
        .conn()
        .prepare_cached(&format!("{COUNT_SQL} WHERE c.day = ?1 ORDER BY c.id"))?;
    let rows = stmt.query_map([day], read_count)?;
    Ok(rows.map(|r| r.map(|(_, c)| c)).collect::<Result<_, _>>()?)
}

/// A clerk's count of a day, with its id.
pub fn count_of(
    r: &Read<'_>,
    day: &str,
    clerk_id: i64,
) -> Result<Option<(i64, CountFact)>, StoreError> {
    Ok(r.conn()
        .prepare_cached(&format!("{COUNT_SQL} WHERE c.day = ?1 AND c.clerk_id = ?2"))?
        .query_row(params![day, clerk_id], read_count)
        .optional()?)
}

/// Whether a clerk's drawer was opened (a float) on a day.
pub fn is_open(r: &Read<'_>, day: &str, clerk_id: i64) -> Result<bool, StoreError> {
    Ok(r.conn()
        .prepare_cached("SELECT 1 FROM drawer_moves WHERE day = ?1 AND clerk_id = ?2 AND kind = 'float' LIMIT 1")?
        .query_row(params![day, clerk_id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The cash a clerk's drawer holds on a day, as the database's own rule
/// computes it (view `drawer_balance`).
pub fn balance(r: &Read<'_>, day: &str, clerk_id: i64) -> Result<Money, StoreError> {
    Ok(Money::from_dong(
        r.conn()
            .prepare_cached("SELECT balance FROM drawer_balance WHERE day = ?1 AND clerk_id = ?2")?
            .query_row(params![day, clerk_id], |r| r.get::<_, i64>(0))
            .optional()?
            .unwrap_or(0),
    ))
}

/// Days before `day` on which a drawer was opened and not counted, with
/// the clerks concerned (user ids).
pub fn uncounted_before(r: &Read<'_>, day: &str) -> Result<Vec<(String, i64)>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT DISTINCT m.day, m.clerk_id FROM drawer_moves m
         WHERE m.day < ?1
           AND NOT EXISTS (SELECT 1 FROM closed_days d WHERE d.day = m.day)
           AND NOT EXISTS (SELECT 1 FROM drawer_counts c WHERE c.day = m.day AND c.clerk_id = m.clerk_id)
         ORDER BY m.day, m.clerk_id",
    )?;
    let rows = stmt.query_map([day], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
