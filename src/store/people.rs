//! People in the database: a person's row, and the upsert used by imports.
//! Finding people as the clerk types is in [`super::search`].
//!
//! A person's row is sealed ([`super::rows`]); [`get`], which every payment
//! and every person screen reads through, refuses a row whose seal does not
//! match — an ID number changed with another tool pays nobody.

use rusqlite::OptionalExtension;
use rusqlite::types::ValueRef;

use super::rows::{self, Table, int, opt_text, text};
use super::{Event, Read, StoreError, Write, bulk};
use crate::domain::PayMethod;
use crate::domain::person::{Gender, Person, Status};

pub(super) const COLUMNS: &str =
    "id, record_code, full_name, birth_year, gender, id_number, phone, hamlet, address,
    category, pay_method, account_no, account_bank, status, status_note, status_since";

pub(super) fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Person> {
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

/// A person by id, refused when their row does not match its seal.
pub fn get(r: &Read<'_>, id: i64) -> Result<Option<Person>, StoreError> {
    let Some(stored) = rows::read(r.conn(), Table::People, &id.to_string())? else {
        return Ok(None);
    };
    if rows::check(r.keys_for_check(), Table::People, &stored) != rows::MacCheck::Good {
        return Err(StoreError::Tampered {
            table: "people",
            key: id.to_string(),
        });
    }
    Ok(r.conn()
        .prepare_cached(&format!("SELECT {COLUMNS} FROM people WHERE id = ?1"))?
        .query_row([id], read)
        .optional()?)
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

const INSERT_COLUMNS: &str =
    "id, record_code, full_name, search_key, birth_year, gender, id_number, id_kind,
    phone, hamlet, address, category, pay_method, account_no, account_bank, first_batch, updated_at,
    status, status_note, status_since, mac";

/// The id the next new person gets (inside the caller's write
/// transaction; people are never deleted, so it is also one more than the
/// number of people on file).
/// The hamlets people on file live in, each once.
pub fn hamlets(r: &Read<'_>) -> Result<Vec<String>, StoreError> {
    let mut stmt = r
        .conn()
        .prepare_cached("SELECT DISTINCT hamlet FROM people WHERE hamlet IS NOT NULL")?;
    let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn next_id(r: &Read<'_>) -> Result<i64, StoreError> {
    rows::next_id(r.conn(), Table::People)
}

/// The people on file among `codes` (at most [`INSERT_BATCH`]), by record code.
pub fn by_record_codes(
    r: &Read<'_>,
    codes: &[&str],
) -> Result<std::collections::HashMap<String, Person>, StoreError> {
    if codes.is_empty() {
        return Ok(Default::default());
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM people WHERE record_code IN ({})",
        vec!["?"; codes.len()].join(",")
    );
    let mut stmt = r.conn().prepare_cached(&sql)?;
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
    keys: &'c super::KeyRing,
    owed: &'c std::cell::Cell<usize>,
    /// The seals of the people of one statement, one after the other, and
    /// where each ends.
    seals: String,
    ends: Vec<usize>,
    /// The digest of the new people's ids and seals, in id order.
    digest: sha2::Sha256,
    first: Option<i64>,
    last: i64,
    count: usize,
}

impl<'c> NewPeople<'c> {
    pub fn new(r: &Read<'c>) -> Self {
        use sha2::Digest;
        NewPeople {
            rows: bulk::Rows::new(r.conn(), "people", INSERT_COLUMNS, INSERT_BATCH),
            keys: r.keys_for_check(),
            owed: r.bulk_counter(),
            seals: String::new(),
            ends: Vec::with_capacity(INSERT_BATCH),
            digest: sha2::Sha256::new(),
            first: None,
            last: 0,
            count: 0,
        }
    }

    /// Writes `list` (at most [`INSERT_BATCH`], in increasing id order,
    /// following the ids written before) first seen in batch `batch_id`.
    pub fn write(
        &mut self,
        list: &[(i64, &ListedPerson)],
        batch_id: i64,
        at: &str,
    ) -> Result<(), StoreError> {
        self.seals.clear();
        self.ends.clear();
        for (id, p) in list {
            let from = self.seals.len();
            push_new_person_seal(&mut self.seals, self.keys, *id, p, batch_id, at);
            digest_seal(&mut self.digest, *id, &self.seals[from..]);
            self.ends.push(self.seals.len());
            if self.first.is_none() {
                self.first = Some(*id);
            }
            self.last = *id;
        }
        let seals = std::iter::once(0)
            .chain(self.ends.iter().copied())
            .zip(&self.ends)
            .map(|(from, to)| &self.seals[from..*to]);
        let mut values = Vec::with_capacity(list.len() * 21);
        for ((id, p), mac) in list.iter().zip(seals) {
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
                bulk::Value::Text("active"),
                bulk::Value::Null,
                bulk::Value::Null,
                bulk::Value::Text(mac),
            ]);
        }
        self.rows.write(list.len(), &values)?;
        self.count += list.len();
        self.owed.set(self.owed.get() + list.len());
        Ok(())
    }

    /// What the log keeps of the people written: their id range, how many,
    /// and the digest of their seals (`None` when nobody was added).
    pub fn summary(self) -> Option<(usize, serde_json::Value)> {
        use sha2::Digest;
        let first = self.first?;
        Some((
            self.count,
            serde_json::json!({ "t": "people", "from": first, "to": self.last,
                                "count": self.count,
                                "digest": hex::encode(self.digest.finalize()) }),
        ))
    }
}

/// The digest [`NewPeople::summary`] gives, recomputed from `(id, mac)`
/// pairs in id order (for `verify`).
pub fn seals_digest<'a>(pairs: impl Iterator<Item = (i64, &'a str)>) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    for (id, mac) in pairs {
        digest_seal(&mut h, id, mac);
    }
    hex::encode(h.finalize())
}

/// Adds one person's seal to a digest of seals: "id mac\n", the number
/// written without a string made for it (an import adds one per person).
fn digest_seal(h: &mut sha2::Sha256, id: i64, mac: &str) {
    use sha2::Digest;
    h.update(itoa::Buffer::new().format(id).as_bytes());
    h.update(b" ");
    h.update(mac.as_bytes());
    h.update(b"\n");
}

/// Appends the seal of a person as an import first writes them: the same
/// as [`rows::seal`] gives for the row read back (a test holds them equal).
fn push_new_person_seal(
    out: &mut String,
    keys: &super::KeyRing,
    id: i64,
    p: &ListedPerson,
    batch_id: i64,
    at: &str,
) {
    fn t(v: Option<&str>) -> ValueRef<'_> {
        v.map_or(ValueRef::Null, |s| ValueRef::Text(s.as_bytes()))
    }
    // Sorted by column name, as rows::seal orders them.
    let cols: [(&str, ValueRef<'_>); 20] = [
        ("account_bank", t(p.account_bank.as_deref())),
        ("account_no", t(p.account_no.as_deref())),
        ("address", t(p.address.as_deref())),
        (
            "birth_year",
            p.birth_year
                .map_or(ValueRef::Null, |y| ValueRef::Integer(i64::from(y))),
        ),
        ("category", t(p.category.as_deref())),
        ("first_batch", ValueRef::Integer(batch_id)),
        ("full_name", ValueRef::Text(p.full_name.as_bytes())),
        ("gender", t(p.gender.map(Gender::code))),
        ("hamlet", t(p.hamlet.as_deref())),
        ("id", ValueRef::Integer(id)),
        ("id_kind", t(p.id_kind)),
        ("id_number", t(p.id_number.as_deref())),
        (
            "pay_method",
            ValueRef::Text(p.pay_method.unwrap_or(PayMethod::Cash).code().as_bytes()),
        ),
        ("phone", t(p.phone.as_deref())),
        ("record_code", ValueRef::Text(p.record_code.as_bytes())),
        ("search_key", ValueRef::Text(p.search_key.as_bytes())),
        ("status", ValueRef::Text(b"active")),
        ("status_note", ValueRef::Null),
        ("status_since", ValueRef::Null),
        ("updated_at", ValueRef::Text(at.as_bytes())),
    ];
    let mut key = itoa::Buffer::new();
    let key = key.format(id);
    rows::push_seal(out, keys, Table::People, key, cols.into_iter());
}

/// The index behind look-up by ID number, exactly as migration 010 makes it.
pub const ID_NUMBER_INDEX: &str =
    "CREATE INDEX people_by_id_number ON people(id_number) WHERE id_number IS NOT NULL";

/// The index behind look-up by the last digits of an ID number, exactly as
/// migration 011 makes it.
pub const ID_SUFFIX_INDEX: &str =
    "CREATE INDEX people_by_id_suffix ON people(substr(id_number, -6)) WHERE id_number IS NOT NULL";

/// Drops the two ID-number indexes (whole number, last digits) inside a
/// large import's transaction: adding many thousands of people to them one
/// by one, in the list's order, costs several times more than building them
/// afresh from the sorted numbers. [`rebuild_id_number_index`] puts them
/// back before the transaction ends; a rollback puts them back by itself.
pub fn drop_id_number_index(w: &Write<'_>) -> Result<(), StoreError> {
    w.conn()
        .execute_batch("DROP INDEX people_by_id_number; DROP INDEX people_by_id_suffix")?;
    Ok(())
}

pub fn rebuild_id_number_index(w: &Write<'_>) -> Result<(), StoreError> {
    w.conn()
        .execute_batch(&format!("{ID_NUMBER_INDEX}; {ID_SUFFIX_INDEX}"))?;
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

/// Applies a list's details to a person on file; the caller adds to the
/// event what changed (see [`changes`]).
pub fn update_from_list(
    w: &mut Write<'_>,
    person: &Person,
    p: &ListedPerson,
) -> Result<Event, StoreError> {
    let at = w.at().to_string();
    let mut set: Vec<(&str, rusqlite::types::Value)> = vec![
        ("full_name", text(&p.full_name)),
        ("search_key", text(&p.search_key)),
        ("updated_at", text(at)),
    ];
    if let Some(y) = p.birth_year {
        set.push(("birth_year", int(i64::from(y))));
    }
    if let Some(g) = p.gender {
        set.push(("gender", text(g.code())));
    }
    if let Some(n) = &p.id_number {
        set.push(("id_number", text(n)));
        set.push(("id_kind", opt_text(p.id_kind)));
    }
    for (col, v) in [
        ("phone", &p.phone),
        ("hamlet", &p.hamlet),
        ("address", &p.address),
        ("category", &p.category),
        ("account_no", &p.account_no),
        ("account_bank", &p.account_bank),
    ] {
        if let Some(v) = v {
            set.push((col, text(v)));
        }
    }
    if let Some(m) = p.pay_method {
        set.push(("pay_method", text(m.code())));
    }
    let image = w.update(Table::People, &person.id.to_string(), &set)?;
    if person.full_name != p.full_name {
        super::name_words::rename_in_name_order(
            w.conn(),
            person.id,
            &person.full_name,
            &p.full_name,
        )?;
    }
    Ok(Event::new("person.update", "person", Some(person.id)).row(image))
}

/// Sets a person's status, with its reason and the day it applies from.
pub fn set_status(
    w: &mut Write<'_>,
    id: i64,
    status: Status,
    note: &str,
) -> Result<Event, StoreError> {
    let at = w.at().to_string();
    let image = w.update(
        Table::People,
        &id.to_string(),
        &[
            ("status", text(status.code())),
            ("status_note", text(note)),
            ("status_since", text(at.clone())),
            ("updated_at", text(at)),
        ],
    )?;
    Ok(Event::new("person.status", "person", Some(id)).row(image))
}
