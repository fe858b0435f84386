//! Users in the database. PIN hashing happens in the service; the store
//! keeps the hash and the count of wrong PINs. A user row whose seal does
//! not match (its role or PIN hash changed with another tool) is never
//! handed out: reading it is an error.

use rusqlite::OptionalExtension;

use super::rows::{self, MacCheck, Table, int, text};
use super::{Event, Read, StoreError, Write};
use crate::domain::user::{Role, User};

fn from_stored(r: &Read<'_>, s: &rows::Stored) -> Result<(User, String), StoreError> {
    if rows::check(r.keys_for_check(), Table::Users, s) != MacCheck::Good {
        return Err(StoreError::Tampered {
            table: "users",
            key: s.key.clone(),
        });
    }
    let get_text = |c: &str| match s.columns.get(c) {
        Some(rusqlite::types::Value::Text(t)) => t.clone(),
        _ => String::new(),
    };
    let get_int = |c: &str| match s.columns.get(c) {
        Some(rusqlite::types::Value::Integer(i)) => *i,
        _ => 0,
    };
    Ok((
        User {
            id: get_int("id"),
            name: get_text("name"),
            full_name: get_text("full_name"),
            role: Role::from_code(&get_text("role")).unwrap_or(Role::Clerk),
            failed_attempts: get_int("failed_attempts"),
            locked: get_int("locked") != 0,
        },
        get_text("pin_hash"),
    ))
}

/// Adds a user; returns its id and the change to log.
pub fn insert(
    w: &mut Write<'_>,
    name: &str,
    full_name: &str,
    role: Role,
    pin_hash: &str,
) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::Users)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::Users,
        &[
            ("id", int(id)),
            ("name", text(name)),
            ("full_name", text(full_name)),
            ("role", text(role.code())),
            ("pin_hash", text(pin_hash)),
            ("failed_attempts", int(0)),
            ("locked", int(0)),
            ("created_at", text(at)),
        ],
    )?;
    Ok((id, Event::new("user.create", "user", Some(id)).row(image)))
}

fn id_by_name(r: &Read<'_>, name: &str) -> Result<Option<i64>, StoreError> {
    Ok(r.conn()
        .prepare_cached("SELECT id FROM users WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?)
}

/// A user and their PIN hash, by user name.
pub fn by_name(r: &Read<'_>, name: &str) -> Result<Option<(User, String)>, StoreError> {
    match id_by_name(r, name)? {
        Some(id) => by_id_with_hash(r, id),
        None => Ok(None),
    }
}

fn by_id_with_hash(r: &Read<'_>, id: i64) -> Result<Option<(User, String)>, StoreError> {
    match rows::read(r.conn(), Table::Users, &id.to_string())? {
        Some(s) => Ok(Some(from_stored(r, &s)?)),
        None => Ok(None),
    }
}

pub fn by_id(r: &Read<'_>, id: i64) -> Result<Option<User>, StoreError> {
    Ok(by_id_with_hash(r, id)?.map(|(u, _)| u))
}

/// Every user, by user name. A user row that does not match its seal is
/// left out here (`verify` names it); signing in as it is refused.
pub fn all(r: &Read<'_>) -> Result<Vec<User>, StoreError> {
    let mut out = Vec::new();
    rows::each(r.conn(), Table::Users, |s| {
        if let Ok((u, _)) = from_stored(r, &s) {
            out.push(u);
        }
        Ok(())
    })?;
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

pub fn count(r: &Read<'_>) -> Result<i64, StoreError> {
    Ok(r.cached("SELECT count(*) FROM users")?
        .query_row([], |r| r.get(0))?)
}

/// Sets the count of wrong PINs and the lock.
pub fn set_failures(
    w: &mut Write<'_>,
    id: i64,
    failed_attempts: i64,
    locked: bool,
    action: &str,
) -> Result<Event, StoreError> {
    let image = w.update(
        Table::Users,
        &id.to_string(),
        &[
            ("failed_attempts", int(failed_attempts)),
            ("locked", int(i64::from(locked))),
        ],
    )?;
    Ok(Event::new(action, "user", Some(id)).row(image))
}

pub fn set_pin_hash(w: &mut Write<'_>, id: i64, pin_hash: &str) -> Result<Event, StoreError> {
    let image = w.update(
        Table::Users,
        &id.to_string(),
        &[("pin_hash", text(pin_hash))],
    )?;
    Ok(Event::new("user.pin_change", "user", Some(id)).row(image))
}
