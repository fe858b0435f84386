//! Versioned schema migrations, recorded in `PRAGMA user_version`.
//!
//! Each migration runs once, in order, inside one `BEGIN IMMEDIATE`
//! transaction together with the version bump. A database whose version is
//! newer than this binary knows is refused, never touched. Versions 1–9
//! were test versions whose audit log was not keyed: such a database is
//! refused too (its history cannot be carried forward with the guarantees
//! chitra now gives), with a message saying so.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// The version of the first keyed schema.
pub const FIRST: i64 = 10;

/// The migrations, oldest first; migration `i` brings a database to
/// version `FIRST + i`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/010_foundation.sql"),
    include_str!("migrations/011_registration.sql"),
    include_str!("migrations/012_period.sql"),
    include_str!("migrations/013_id_suffix.sql"),
    include_str!("migrations/014_changes.sql"),
    include_str!("migrations/015_batches.sql"),
    NAME_ORDER,
    include_str!("migrations/017_heirs.sql"),
    include_str!("migrations/018_rounds.sql"),
    include_str!("migrations/019_month.sql"),
    include_str!("migrations/020_proxy_id.sql"),
    include_str!("migrations/021_closed_period.sql"),
    include_str!("migrations/022_one_way_out.sql"),
    include_str!("migrations/023_own_references.sql"),
    include_str!("migrations/024_bank_payments_stand.sql"),
    include_str!("migrations/025_registered_id.sql"),
    include_str!("migrations/026_sealed_lines.sql"),
    include_str!("migrations/027_report_checked.sql"),
];

/// The migration that brings the name order: once it has run on a
/// database with people, their rows are filled from the people on file.
const NAME_ORDER: &str = include_str!("migrations/016_name_order.sql");

/// The schema version this binary writes.
pub fn latest() -> i64 {
    FIRST + MIGRATIONS.len() as i64 - 1
}

pub(super) fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

pub(super) fn bring_up_to_date(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let found = version(conn)?;
    if found > latest() {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: latest(),
        });
    }
    if found > 0 && found < FIRST {
        return Err(StoreError::OldSchema {
            path: path.to_path_buf(),
            found,
        });
    }
    if found == latest() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the lock.
    let mut v = version(&tx)?;
    if v == 0 {
        v = FIRST - 1;
    }
    let before = v;
    while v < latest() {
        tx.execute_batch(MIGRATIONS[(v + 1 - FIRST) as usize])?;
        v += 1;
        tx.pragma_update(None, "user_version", v)?;
    }
    let name_order = MIGRATIONS.iter().position(|m| *m == NAME_ORDER);
    if name_order.is_some_and(|i| before >= FIRST && before < FIRST + i as i64) {
        super::name_words::fill(&tx, 1, i64::MAX)?;
    }
    tx.commit()?;
    Ok(())
}

/// The schema a database of this version must have: (type, name, sql) of
/// every table, index, view and trigger, as a fresh database holds them.
/// `verify` compares a database's schema with it, so a rule dropped or
/// changed with another tool shows.
pub fn expected_schema() -> Result<Vec<(String, String, String)>, StoreError> {
    Ok(expected()?.to_vec())
}

/// [`expected_schema`], made once per process: it is the same for the
/// whole life of this binary, and every write's schema check (when the
/// database's cookie moved) compares against it (about 5 ms to make).
pub(super) fn expected() -> Result<&'static [(String, String, String)], StoreError> {
    static MADE: std::sync::OnceLock<Vec<(String, String, String)>> = std::sync::OnceLock::new();
    if let Some(made) = MADE.get() {
        return Ok(made);
    }
    let made = make_expected()?;
    Ok(MADE.get_or_init(|| made))
}

fn make_expected() -> Result<Vec<(String, String, String)>, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    let tx = conn.transaction()?;
    for m in MIGRATIONS {
        tx.execute_batch(m)?;
    }
    let schema = schema_of(&tx)?;
    tx.rollback()?;
    Ok(schema)
}

/// The schema a database holds, in the form of [`expected_schema`].
pub fn schema_of(conn: &Connection) -> Result<Vec<(String, String, String)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master
         WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'people_names_%'
         ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The schema cookie, once the schema it stands for holds this version's
/// rules (checked again only when it differs from `checked`): a trigger
/// dropped, changed or added with another tool stops every write, so no
/// rule the database enforces can be taken away quietly.
pub(super) fn holds(tx: &Connection, checked: Option<i64>) -> Result<i64, StoreError> {
    let cookie: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    if checked == Some(cookie) {
        return Ok(cookie);
    }
    match super::replay::schema_problems(tx)?
        .into_iter()
        .find(super::replay::SchemaProblem::breaks_a_rule)
    {
        None => Ok(cookie),
        Some(problem) => Err(StoreError::SchemaChanged {
            name: problem.name().to_string(),
        }),
    }
}
