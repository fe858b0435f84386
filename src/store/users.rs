//! Users in the database. PIN hashing happens in the service; the store
//! keeps the hash and the count of wrong PINs.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;
use crate::domain::user::{Role, User};

const COLUMNS: &str = "id, name, full_name, role, failed_attempts, locked";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let role: String = r.get(3)?;
    Ok(User {
        id: r.get(0)?,
        name: r.get(1)?,
        full_name: r.get(2)?,
        role: Role::from_code(&role).unwrap_or(Role::Clerk),
        failed_attempts: r.get(4)?,
        locked: r.get(5)?,
    })
}

pub fn insert(
    conn: &Connection,
    name: &str,
    full_name: &str,
    role: Role,
    pin_hash: &str,
    at: &str,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO users (name, full_name, role, pin_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![name, full_name, role.code(), pin_hash, at],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn by_name(conn: &Connection, name: &str) -> Result<Option<(User, String)>, StoreError> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS}, pin_hash FROM users WHERE name = ?1"
        ))?
        .query_row([name], |r| Ok((read(r)?, r.get(6)?)))
        .optional()?)
}

pub fn by_id(conn: &Connection, id: i64) -> Result<Option<User>, StoreError> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM users WHERE id = ?1"))?
        .query_row([id], read)
        .optional()?)
}

pub fn all(conn: &Connection) -> Result<Vec<User>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM users ORDER BY name"))?;
    let rows = stmt.query_map([], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?)
}

/// Records one more wrong PIN; locks the account when `lock` is set.
pub fn record_failure(conn: &Connection, id: i64, lock: bool) -> Result<i64, StoreError> {
    conn.execute(
        "UPDATE users SET failed_attempts = failed_attempts + 1, locked = max(locked, ?2) WHERE id = ?1",
        params![id, lock],
    )?;
    Ok(conn.query_row(
        "SELECT failed_attempts FROM users WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

pub fn reset_failures(conn: &Connection, id: i64) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE users SET failed_attempts = 0 WHERE id = ?1 AND failed_attempts <> 0",
        [id],
    )?;
    Ok(())
}

pub fn set_locked(conn: &Connection, id: i64, locked: bool) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE users SET locked = ?2, failed_attempts = CASE WHEN ?2 THEN failed_attempts ELSE 0 END WHERE id = ?1",
        params![id, locked],
    )?;
    Ok(())
}

pub fn set_pin_hash(conn: &Connection, id: i64, pin_hash: &str) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE users SET pin_hash = ?2 WHERE id = ?1",
        params![id, pin_hash],
    )?;
    Ok(())
}
