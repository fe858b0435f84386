//! Proxies and guardians on file. Rows are never changed; a new
//! authorisation is a new row.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::rows::{self, Table, int, opt_text, text};
use super::{Event, Read, StoreError, Write};
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
pub fn of_person(r: &Read<'_>, person_id: i64) -> Result<Vec<Proxy>, StoreError> {
    let mut stmt = r.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM proxies WHERE person_id = ?1 ORDER BY valid_from DESC, id DESC"
    ))?;
    let rows = stmt.query_map([person_id], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Most people one ID number is found collecting for.
pub const COLLECTED_FOR_MAX: usize = 20;

/// The proxies and guardians on file whose own ID number is `id_number`
/// (one row per person they collect for, the newest), people in id order:
/// whom the holder of that card may collect for.
pub fn by_id_number(r: &Read<'_>, id_number: &str) -> Result<Vec<Proxy>, StoreError> {
    let mut stmt = r.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM proxies WHERE id IN (
             SELECT max(id) FROM proxies WHERE id_number = ?1 GROUP BY person_id)
         ORDER BY person_id LIMIT {COLLECTED_FOR_MAX}"
    ))?;
    let rows = stmt.query_map([id_number], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether the proxy's row matches its seal (a row changed with another
/// tool does not; nor does a row that is not there).
pub fn seal_holds(r: &Read<'_>, id: i64) -> Result<bool, StoreError> {
    Ok(
        rows::read(r.conn(), Table::Proxies, &id.to_string())?.is_some_and(|stored| {
            rows::check(r.keys_for_check(), Table::Proxies, &stored) == rows::MacCheck::Good
        }),
    )
}

/// The refusal for a proxy's row that fails its seal.
pub fn tampered(id: i64) -> StoreError {
    StoreError::Tampered {
        table: "proxies",
        key: id.to_string(),
    }
}

/// A proxy by id, refused when its row does not match its seal (an ID
/// number changed with another tool pays nobody).
pub fn get(r: &Read<'_>, id: i64) -> Result<Option<Proxy>, StoreError> {
    let Some(stored) = rows::read(r.conn(), Table::Proxies, &id.to_string())? else {
        return Ok(None);
    };
    if rows::check(r.keys_for_check(), Table::Proxies, &stored) != rows::MacCheck::Good {
        return Err(tampered(id));
    }
    Ok(r.conn()
        .prepare_cached(&format!("SELECT {COLUMNS} FROM proxies WHERE id = ?1"))?
        .query_row([id], read)
        .optional()?)
}

/// Saves a new proxy or guardian (the `id` of `p` is ignored); returns its
/// id and the change to log.
pub fn insert(w: &mut Write<'_>, p: &Proxy, created_by: i64) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::Proxies)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::Proxies,
        &[
            ("id", int(id)),
            ("person_id", int(p.person_id)),
            ("kind", text(if p.guardian { "guardian" } else { "proxy" })),
            ("full_name", text(&p.full_name)),
            ("id_number", text(&p.id_number)),
            ("relationship", text(&p.relationship)),
            ("document_no", text(&p.document_no)),
            ("certified_by", text(&p.certified_by)),
            (
                "valid_from",
                text(p.valid_from.format("%Y-%m-%d").to_string()),
            ),
            (
                "valid_to",
                opt_text(p.valid_to.map(|d| d.format("%Y-%m-%d").to_string())),
            ),
            ("created_by", int(created_by)),
            ("created_at", text(at)),
        ],
    )?;
    Ok((id, Event::new("proxy.create", "proxy", Some(id)).row(image)))
}
