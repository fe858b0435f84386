//! People in the database: lookup, search and the upsert used by imports.

use rusqlite::{Connection, OptionalExtension, params};

use super::{StoreError, bulk};
use crate::domain::PayMethod;
use crate::domain::person::{Gender, Person, Status};

const COLUMNS: &str =
    "id, record_code, full_name, birth_year, gender, id_number, phone, hamlet, address,
    category, pay_method, account_no, account_bank, status, status_note, status_since";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Person> {
    let gender: Option<String> = r.get(4)?;
    let method: String = r.get(10)?;
    let status: String = r.get(13)?;
    Ok(Person {
        id: r.get(0)?,
        record_code: r.get(1)?,
        full_name: r.get(2)?,
        birth_year: r.get(3)?,
        gender: gender.as_deref().and_then(Gender::from_code),
        id_number: r.get(5)?,
        phone: r.get(6)?,
        hamlet: r.get(7)?,
        address: r.get(8)?,
        category: r.get(9)?,
        pay_method: PayMethod::from_code(&method).unwrap_or(PayMethod::Cash),
        account_no: r.get(11)?,
        account_bank: r.get(12)?,
        // An unknown status is never treated as payable.
        status: Status::from_code(&status).unwrap_or(Status::Suspended),
        status_note: r.get(14)?,
        status_since: r.get(15)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Person>, StoreError> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM people WHERE id = ?1"))?
        .query_row([id], read)
        .optional()?)
}

/// People whose ID number starts with `digits`, in ID order.
pub fn by_id_prefix(
    conn: &Connection,
    digits: &str,
    limit: usize,
) -> Result<Vec<Person>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people WHERE id_number >= ?1 AND id_number < ?2 ORDER BY id_number LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![digits, upper_bound(digits), limit as i64], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// People whose record code starts with `prefix` (compared upper-case).
pub fn by_code_prefix(
    conn: &Connection,
    prefix: &str,
    limit: usize,
) -> Result<Vec<Person>, StoreError> {
    let prefix = prefix.to_uppercase();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people WHERE record_code >= ?1 AND record_code < ?2 ORDER BY record_code LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![prefix, upper_bound(&prefix), limit as i64], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// People whose folded name has, for every word of `folded_words`, a word
/// starting with it (in any order): "nguyen lan" finds "Nguyễn Thị Lan".
pub fn by_name_words(
    conn: &Connection,
    folded_words: &[&str],
    limit: usize,
) -> Result<Vec<Person>, StoreError> {
    // One token per term: a term the tokenizer would split ("a-b") would
    // otherwise be a phrase, its words required side by side.
    let query: Vec<String> = folded_words
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people WHERE id IN
            (SELECT rowid FROM people_names WHERE people_names MATCH ?1 LIMIT ?2)"
    ))?;
    let rows = stmt.query_map(params![query.join(" "), limit as i64], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The smallest string greater than every string starting with `prefix`.
fn upper_bound(prefix: &str) -> String {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = char::from_u32(last as u32 + 1) {
            chars.push(next);
            return chars.into_iter().collect();
        }
    }
    "\u{10FFFF}".to_string()
}

/// A person's details as a list gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedPerson {
    pub record_code: String,
    pub full_name: String,
    pub search_key: String,
    pub birth_year: Option<i32>,
    pub gender: Option<Gender>,
    pub id_number: Option<String>,
    pub id_kind: Option<&'static str>,
    pub phone: Option<String>,
    pub hamlet: Option<String>,
    pub address: Option<String>,
    pub category: Option<String>,
    pub pay_method: Option<PayMethod>,
    pub account_no: Option<String>,
    pub account_bank: Option<String>,
}

/// People written by one statement when an import adds them.
pub const INSERT_BATCH: usize = 64;

const INSERT_COLUMNS: &str = "id, record_code, full_name, search_key, birth_year, gender, id_number, id_kind,
    phone, hamlet, address, category, pay_method, account_no, account_bank, first_batch, updated_at";

/// The id the next new person gets (inside the caller's write
/// transaction; people are never deleted, so it is also one more than the
/// number of people on file).
pub fn next_id(conn: &Connection) -> Result<i64, StoreError> {
    Ok(
        conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM people", [], |r| {
            r.get(0)
        })?,
    )
}

/// The people on file among `codes` (at most [`INSERT_BATCH`]), by record code.
pub fn by_record_codes(
    conn: &Connection,
    codes: &[&str],
) -> Result<std::collections::HashMap<String, Person>, StoreError> {
    if codes.is_empty() {
        return Ok(Default::default());
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM people WHERE record_code IN ({})",
        vec!["?"; codes.len()].join(",")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(codes), read)?;
    rows.map(|p| p.map(|p| (p.record_code.clone(), p)))
        .collect::<Result<_, _>>()
        .map_err(StoreError::from)
}

/// Writes the people a list adds, [`INSERT_BATCH`] to a statement, each
/// with the id the caller gave it. A record code already on file is refused
/// by its unique index.
pub struct NewPeople<'c> {
    rows: bulk::Rows<'c>,
}

impl<'c> NewPeople<'c> {
    pub fn new(conn: &'c Connection) -> Self {
        NewPeople {
            rows: bulk::Rows::new(conn, "people", INSERT_COLUMNS, INSERT_BATCH),
        }
    }

    /// Writes `list` (at most [`INSERT_BATCH`]) first seen in batch `batch_id`.
    pub fn write(
        &mut self,
        list: &[(i64, &ListedPerson)],
        batch_id: i64,
        at: &str,
    ) -> Result<(), StoreError> {
        let mut values = Vec::with_capacity(list.len() * 17);
        for (id, p) in list {
            values.extend_from_slice(&[
                bulk::Value::Int(*id),
                bulk::Value::Text(&p.record_code),
                bulk::Value::Text(&p.full_name),
                bulk::Value::Text(&p.search_key),
                p.birth_year.into(),
                p.gender.map(Gender::code).into(),
                p.id_number.as_deref().into(),
                p.id_kind.into(),
                p.phone.as_deref().into(),
                p.hamlet.as_deref().into(),
                p.address.as_deref().into(),
                p.category.as_deref().into(),
                bulk::Value::Text(p.pay_method.unwrap_or(PayMethod::Cash).code()),
                p.account_no.as_deref().into(),
                p.account_bank.as_deref().into(),
                bulk::Value::Int(batch_id),
                bulk::Value::Text(at),
            ]);
        }
        self.rows.write(list.len(), &values)
    }
}

/// The index behind look-up by ID number, exactly as migration 001 makes it.
pub const ID_NUMBER_INDEX: &str =
    "CREATE INDEX people_by_id_number ON people(id_number) WHERE id_number IS NOT NULL";

/// Drops the ID-number index inside a large import's transaction: adding
/// many thousands of people to it one by one, in the list's order, costs
/// several times more than building it afresh from the sorted numbers.
/// [`rebuild_id_number_index`] puts it back before the transaction ends;
/// a rollback puts it back by itself.
pub fn drop_id_number_index(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch("DROP INDEX people_by_id_number")?;
    Ok(())
}

pub fn rebuild_id_number_index(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(ID_NUMBER_INDEX)?;
    Ok(())
}

/// The fields of `person` that a list changes: (column, before, after).
/// A value the list leaves empty keeps what is on file.
pub fn changes(
    person: &Person,
    p: &ListedPerson,
) -> Vec<(&'static str, Option<String>, Option<String>)> {
    let mut out = Vec::new();
    let mut check = |col: &'static str, old: Option<String>, new: Option<String>| {
        if new.is_some() && new != old {
            out.push((col, old, new));
        }
    };
    check(
        "full_name",
        Some(person.full_name.clone()),
        Some(p.full_name.clone()),
    );
    check(
        "birth_year",
        person.birth_year.map(|y| y.to_string()),
        p.birth_year.map(|y| y.to_string()),
    );
    check(
        "gender",
        person.gender.map(|g| g.code().to_string()),
        p.gender.map(|g| g.code().to_string()),
    );
    check("id_number", person.id_number.clone(), p.id_number.clone());
    check("phone", person.phone.clone(), p.phone.clone());
    check("hamlet", person.hamlet.clone(), p.hamlet.clone());
    check("address", person.address.clone(), p.address.clone());
    check("category", person.category.clone(), p.category.clone());
    check(
        "pay_method",
        Some(person.pay_method.code().to_string()),
        p.pay_method.map(|m| m.code().to_string()),
    );
    check(
        "account_no",
        person.account_no.clone(),
        p.account_no.clone(),
    );
    check(
        "account_bank",
        person.account_bank.clone(),
        p.account_bank.clone(),
    );
    out
}

/// Applies a list's details to a person on file (the caller audits the
/// changes returned by [`changes`]).
pub fn update_from_list(
    conn: &Connection,
    id: i64,
    p: &ListedPerson,
    at: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE people SET full_name = ?2, search_key = ?3, birth_year = coalesce(?4, birth_year),
             gender = coalesce(?5, gender),
             id_kind = CASE WHEN ?6 IS NULL THEN id_kind ELSE ?7 END,
             id_number = coalesce(?6, id_number),
             phone = coalesce(?8, phone), hamlet = coalesce(?9, hamlet), address = coalesce(?10, address),
             category = coalesce(?11, category), pay_method = coalesce(?12, pay_method),
             account_no = coalesce(?13, account_no), account_bank = coalesce(?14, account_bank),
             updated_at = ?15
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        p.full_name,
        p.search_key,
        p.birth_year,
        p.gender.map(Gender::code),
        p.id_number,
        p.id_kind,
        p.phone,
        p.hamlet,
        p.address,
        p.category,
        p.pay_method.map(PayMethod::code),
        p.account_no,
        p.account_bank,
        at,
    ])?;
    Ok(())
}

/// Adds the people with ids `from..=to` (just written by an import) to
/// the name search, in one statement: far cheaper than one by one, which
/// writes the index out at every row.
pub fn index_names(conn: &Connection, from: i64, to: i64) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "INSERT INTO people_names (rowid, search_key) SELECT id, search_key FROM people WHERE id BETWEEN ?1 AND ?2",
        [from, to],
    )?)
}

/// Sets a person's status, with its reason and the day it applies from.
pub fn set_status(
    conn: &Connection,
    id: i64,
    status: Status,
    note: &str,
    at: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE people SET status = ?2, status_note = ?3, status_since = ?4, updated_at = ?4 WHERE id = ?1",
        params![id, status.code(), note, at],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::upper_bound;

    #[test]
    fn the_upper_bound_closes_a_prefix_range() {
        assert_eq!(upper_bound("046"), "047");
        assert_eq!(upper_bound("0469"), "046:");
        assert!("04699999".as_bytes() < upper_bound("0469").as_bytes());
        assert_eq!(upper_bound("HD-"), "HD.");
    }
}
