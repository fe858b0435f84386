//! Proxies and guardians on file. Rows are never changed; a new
//! authorisation is a new row.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;
use crate::domain::proxy::Proxy;

const COLUMNS: &str = "id, person_id, kind, full_name, id_number, relationship, document_no, certified_by, valid_from, valid_to";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Proxy> {
    let kind: String = r.get(2)?;
    let from: String = r.get(8)?;
    let to: Option<String> = r.get(9)?;
    let date = |s: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, Box::new(e))
        })
    };
    Ok(Proxy {
        id: r.get(0)?,
        person_id: r.get(1)?,
        guardian: kind == "guardian",
        full_name: r.get(3)?,
        id_number: r.get(4)?,
        relationship: r.get(5)?,
        document_no: r.get(6)?,
        certified_by: r.get(7)?,
        valid_from: date(&from)?,
        valid_to: to.as_deref().map(date).transpose()?,
    })
}

/// The proxies and guardians of a person, newest first.
pub fn of_person(conn: &Connection, person_id: i64) -> Result<Vec<Proxy>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM proxies WHERE person_id = ?1 ORDER BY valid_from DESC, id DESC"
    ))?;
    let rows = stmt.query_map([person_id], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Proxy>, StoreError> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM proxies WHERE id = ?1"))?
        .query_row([id], read)
        .optional()?)
}

/// Saves a new proxy or guardian (the `id` of `p` is ignored).
pub fn insert(conn: &Connection, p: &Proxy, created_by: i64, at: &str) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO proxies (person_id, kind, full_name, id_number, relationship, document_no,
             certified_by, valid_from, valid_to, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        p.person_id,
        if p.guardian { "guardian" } else { "proxy" },
        p.full_name,
        p.id_number,
        p.relationship,
        p.document_no,
        p.certified_by,
        p.valid_from.format("%Y-%m-%d").to_string(),
        p.valid_to.map(|d| d.format("%Y-%m-%d").to_string()),
        created_by,
        at,
    ])?;
    Ok(conn.last_insert_rowid())
}
