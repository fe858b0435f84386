//! Versioned schema migrations, recorded in `PRAGMA user_version`.
//!
//! Each migration runs once, in order, inside one `BEGIN IMMEDIATE`
//! transaction together with the version bump. A database whose version is
//! newer than this binary knows is refused, never touched.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// The migrations, oldest first; the database's version is how many ran.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_foundation.sql"),
    include_str!("migrations/002_closing.sql"),
];

/// The schema version this binary writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
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
    if found == latest() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the lock.
    let mut v = version(&tx)?;
    while v < latest() {
        tx.execute_batch(MIGRATIONS[v as usize])?;
        v += 1;
        tx.pragma_update(None, "user_version", v)?;
    }
    tx.commit()?;
    Ok(())
}
