//! People in the database: lookup, search and the upsert used by imports.
//!
//! A person's row is sealed ([`super::rows`]); [`get`], which every payment
//! and every person screen reads through, refuses a row whose seal does not
//! match — an ID number changed with another tool pays nobody.

use rusqlite::types::ValueRef;
use rusqlite::{OptionalExtension, params};

use super::rows::{self, Table, int, opt_text, text};
use super::{Event, Read, StoreError, Write, bulk};
use crate::domain::PayMethod;
use crate::domain::person::{Gender, Person, Status};
use crate::text::{collate, fold};

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

/// People whose ID number starts with `digits`, in ID order.
pub fn by_id_prefix(r: &Read<'_>, digits: &str, limit: usize) -> Result<Vec<Person>, StoreError> {
    let mut stmt = r.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people WHERE id_number >= ?1 AND id_number < ?2 ORDER BY id_number LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![digits, upper_bound(digits), limit as i64], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// People whose ID number ends with `digits` (six or more; fewer find
/// nobody), in ID order. The index holds the last six digits; a longer
/// ending is checked on the rows it finds.
pub fn by_id_suffix(r: &Read<'_>, digits: &str, limit: usize) -> Result<Vec<Person>, StoreError> {
    if digits.len() < 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Vec::new());
    }
    let last6 = &digits[digits.len() - 6..];
    let mut stmt = r.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people
         WHERE id_number IS NOT NULL AND substr(id_number, -6) = ?1
           AND substr(id_number, -length(?2)) = ?2
         ORDER BY id_number LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![last6, digits, limit as i64], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The different beginnings of the record codes on file, up to the first
/// digit ("HD-" for "HD-00268"), at most `limit` of them: what a code typed
/// as its number alone ("00268") is completed with. Each is one step of the
/// record codes' index, so a list of any size costs a few look-ups.
pub fn code_prefixes(r: &Read<'_>, limit: usize) -> Result<Vec<String>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT record_code FROM people WHERE record_code >= ?1 ORDER BY record_code LIMIT 1",
    )?;
    let mut out = Vec::new();
    let mut from = String::new();
    while out.len() < limit {
        let Some(code): Option<String> = stmt.query_row([&from], |r| r.get(0)).optional()? else {
            break;
        };
        let prefix: String = code.chars().take_while(|c| !c.is_ascii_digit()).collect();
        if prefix.is_empty() {
            // Codes that start with a digit need no beginning: skip them.
            let first: String = code.chars().take(1).collect();
            from = upper_bound(&first);
        } else {
            from = upper_bound(&prefix);
            out.push(prefix);
        }
    }
    Ok(out)
}

/// People whose record code starts with `prefix` (compared upper-case).
pub fn by_code_prefix(r: &Read<'_>, prefix: &str, limit: usize) -> Result<Vec<Person>, StoreError> {
    let prefix = prefix.to_uppercase();
    let mut stmt = r.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people WHERE record_code >= ?1 AND record_code < ?2 ORDER BY record_code LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![prefix, upper_bound(&prefix), limit as i64], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// People whose folded name has, for every word of `folded_words`, a word
/// starting with it (in any order): "nguyen lan" finds "Nguyễn Thị Lan".
/// The first `limit` of them in Vietnamese name order
/// ([`collate::compare_names`], then id), whatever the words' lengths.
///
/// `people_name_words` holds one row per distinct word of each name, keyed
/// by the word, then the name's sort key, then the id: the people with a
/// word starting with a typed word are a few ranges, one per word on file,
/// each already in name order. `people_name_word_counts` says how many rows
/// each word has, so the typed word with the fewest rows leads. When it has
/// few, they are read whole, sorted, and checked against the other typed
/// words; otherwise the beginnings of its ranges are merged in name order
/// until `limit` people match every other word. The work is bounded by the
/// limit, the number of words on file starting with the leading word, and
/// how rarely the other typed words go with it; not by the number of
/// people.
pub fn by_name_words(
    r: &Read<'_>,
    folded_words: &[&str],
    limit: usize,
) -> Result<Vec<Person>, StoreError> {
    let terms = search_terms(folded_words);
    if terms.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let ids = name_order_ids(r.conn(), &terms, limit)?;
    let mut stmt = r
        .conn()
        .prepare_cached(&format!("SELECT {COLUMNS} FROM people WHERE id = ?1"))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(p) = stmt.query_row([id], read).optional()? {
            out.push(p);
        }
    }
    Ok(out)
}

/// The words to look for, longest first. A typed word that begins another
/// is dropped: the same word on file satisfies both, so it finds nobody
/// the longer one does not.
fn search_terms<'a>(folded_words: &[&'a str]) -> Vec<&'a str> {
    let mut terms: Vec<&str> = folded_words
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    terms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    terms.dedup();
    let mut kept: Vec<&str> = Vec::with_capacity(terms.len());
    for t in terms {
        if !kept.iter().any(|k| k.starts_with(t)) {
            kept.push(t);
        }
    }
    kept
}

/// A leading word with at most this many rows is read whole and sorted;
/// one with more is merged from its words' ranges.
const READ_WHOLE: i64 = 1500;

/// The typed word to lead with: its place among the terms, its words on
/// file with their rows, and all its rows.
type Lead = (usize, Vec<(String, i64)>, i64);

/// The ids of the first `limit` people matching every term, in name order.
fn name_order_ids(
    conn: &rusqlite::Connection,
    terms: &[&str],
    limit: usize,
) -> Result<Vec<i64>, StoreError> {
    let mut counts = conn.prepare_cached(
        "SELECT word, people FROM people_name_word_counts WHERE word >= ?1 AND word < ?2",
    )?;
    let mut lead: Option<Lead> = None;
    for (i, term) in terms.iter().enumerate() {
        let words: Vec<(String, i64)> = counts
            .query_map(params![term, upper_bound(term)], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        let total: i64 = words.iter().map(|(_, n)| n).sum();
        if total == 0 {
            return Ok(Vec::new());
        }
        if lead.as_ref().is_none_or(|(_, _, t)| total < *t) {
            lead = Some((i, words, total));
        }
    }
    let (i, words, total) = lead.expect("terms are not empty");
    let others: Vec<&str> = terms
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != i)
        .map(|(_, t)| *t)
        .collect();
    if total <= READ_WHOLE || words.len() == 1 && others.is_empty() {
        if words.len() == 1 && others.is_empty() {
            // One word on file, nothing else to check: its range is the
            // answer, in order.
            let mut first = conn.prepare_cached(
                "SELECT person FROM people_name_words WHERE word = ?1
                 ORDER BY name_key, person",
            )?;
            return Ok(first
                .query_map(params![words[0].0], |r| r.get(0))?
                .take(limit)
                .collect::<Result<_, _>>()?);
        }
        let term = terms[i];
        let mut range = conn.prepare_cached(
            "SELECT name_key, person FROM people_name_words WHERE word >= ?1 AND word < ?2",
        )?;
        let mut rows: Vec<(Vec<u8>, i64)> = range
            .query_map(params![term, upper_bound(term)], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        rows.sort_unstable();
        rows.dedup();
        return Ok(rows
            .into_iter()
            .filter(|(key, _)| matches_all(key, &others))
            .map(|(_, id)| id)
            .take(limit)
            .collect());
    }
    merge_in_order(conn, &words, total, &others, limit)
}

/// Whether the name a key was made from has, for each of `terms`, a
/// folded word starting with it.
fn matches_all(key: &[u8], terms: &[&str]) -> bool {
    if terms.is_empty() {
        return true;
    }
    let Some(name) = collate::text_of_key(key) else {
        return false;
    };
    let folded = fold(name);
    terms
        .iter()
        .all(|t| folded.split(' ').any(|w| w.starts_with(t)))
}

/// One word on file: its rows in name order, read a batch at a time.
struct Run<'w> {
    word: &'w str,
    rows: std::collections::VecDeque<(Vec<u8>, i64)>,
    /// Rows not read yet.
    left: i64,
    next_batch: i64,
}

/// The first `limit` people with one of `words` (with their row counts,
/// `total` in all) and matching `others`, merging the words' ranges in
/// name order. Each range is first read for its share of the limit, then
/// in growing batches as the merge reaches its end.
fn merge_in_order(
    conn: &rusqlite::Connection,
    words: &[(String, i64)],
    total: i64,
    others: &[&str],
    limit: usize,
) -> Result<Vec<i64>, StoreError> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;

    // No LIMIT: a bound LIMIT makes SQLite prepare the statement again at
    // every new value; the rows are read lazily and reading stops at the
    // batch instead.
    let mut first = conn.prepare_cached(
        "SELECT name_key, person FROM people_name_words WHERE word = ?1
         ORDER BY name_key, person",
    )?;
    let mut after = conn.prepare_cached(
        "SELECT name_key, person FROM people_name_words
         WHERE word = ?1 AND (name_key, person) > (?2, ?3)
         ORDER BY name_key, person",
    )?;
    let want = limit as i64 + 1;
    let mut runs: Vec<Run<'_>> = Vec::with_capacity(words.len());
    let mut heap = BinaryHeap::with_capacity(words.len());
    for (word, n) in words {
        if *n <= 0 {
            continue;
        }
        let share = (want * n + total - 1) / total.max(1) + 1;
        let batch = share.min(*n);
        let rows: std::collections::VecDeque<(Vec<u8>, i64)> = first
            .query_map(params![word], |r| Ok((r.get(0)?, r.get(1)?)))?
            .take(batch as usize)
            .collect::<Result<_, _>>()?;
        let mut run = Run {
            word,
            left: if (rows.len() as i64) < batch {
                0
            } else {
                n - batch
            },
            rows,
            next_batch: (batch * 2).max(16),
        };
        if let Some((key, id)) = run.rows.pop_front() {
            heap.push(Reverse((key, id, runs.len())));
        }
        runs.push(run);
    }
    let mut out: Vec<i64> = Vec::with_capacity(limit);
    let mut last: Option<(Vec<u8>, i64)> = None;
    while let Some(Reverse((key, id, i))) = heap.pop() {
        let run = &mut runs[i];
        if run.rows.is_empty() && run.left > 0 {
            let batch = run.next_batch.min(run.left.max(1));
            let got: Vec<(Vec<u8>, i64)> = after
                .query_map(params![run.word, key, id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .take(batch as usize)
                .collect::<Result<_, _>>()?;
            // The count is a guide; the rows say when the range ends.
            run.left = if (got.len() as i64) < batch {
                0
            } else {
                (run.left - batch).max(1)
            };
            run.next_batch = (batch * 2).min(1024);
            run.rows.extend(got);
        }
        if let Some((k, p)) = run.rows.pop_front() {
            heap.push(Reverse((k, p, i)));
        }
        // A person with two words starting with the typed word comes once
        // from each: the copies meet next to each other.
        if last.as_ref().is_some_and(|(k, p)| *p == id && *k == key) {
            continue;
        }
        if matches_all(&key, others) {
            out.push(id);
            if out.len() == limit {
                break;
            }
        }
        last = Some((key, id));
    }
    Ok(out)
}

/// Adds to the name order the people with ids `from..=to`, in one pass:
/// their rows are sorted first, so each is written where the last ended,
/// and each word's count is moved once.
pub(super) fn fill_name_words(
    conn: &rusqlite::Connection,
    from: i64,
    to: i64,
) -> Result<usize, StoreError> {
    let mut people: Vec<(i64, Vec<u8>, String)> = Vec::new();
    {
        let mut stmt =
            conn.prepare("SELECT id, full_name FROM people WHERE id BETWEEN ?1 AND ?2")?;
        let mut rows = stmt.query([from, to])?;
        while let Some(row) = rows.next()? {
            let name = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            people.push((row.get(0)?, collate::name_sort_key(name), fold(name)));
        }
    }
    let mut rows: Vec<(&str, &[u8], i64)> = Vec::with_capacity(people.len() * 3);
    for (id, key, folded) in &people {
        let start = rows.len();
        for word in folded.split(' ').filter(|w| !w.is_empty()) {
            if !rows[start..].iter().any(|(w, _, _)| *w == word) {
                rows.push((word, key, *id));
            }
        }
    }
    rows.sort_unstable();
    const PER_STATEMENT: usize = 64;
    let sql = |n: usize| {
        format!(
            "INSERT INTO people_name_words (word, name_key, person) VALUES {}",
            vec!["(?, ?, ?)"; n].join(", ")
        )
    };
    let mut full = conn.prepare(&sql(PER_STATEMENT))?;
    for chunk in rows.chunks(PER_STATEMENT) {
        let mut stmt = if chunk.len() == PER_STATEMENT {
            None
        } else {
            Some(conn.prepare(&sql(chunk.len()))?)
        };
        let stmt = stmt.as_mut().unwrap_or(&mut full);
        for (j, (word, key, id)) in chunk.iter().enumerate() {
            stmt.raw_bind_parameter(3 * j + 1, word)?;
            stmt.raw_bind_parameter(3 * j + 2, key)?;
            stmt.raw_bind_parameter(3 * j + 3, id)?;
        }
        stmt.raw_execute()?;
    }
    let mut count = conn.prepare_cached(COUNT_WORD)?;
    for same in rows.chunk_by(|a, b| a.0 == b.0) {
        count.execute(params![same[0].0, same.len() as i64])?;
    }
    Ok(rows.len())
}

/// Moves a word's count by ?2 (a word first seen starts at ?2).
const COUNT_WORD: &str = "INSERT INTO people_name_word_counts (word, people) VALUES (?1, ?2)
     ON CONFLICT (word) DO UPDATE SET people = people + excluded.people";

/// The name-order rows of one person named `name`.
fn name_rows(name: &str) -> (Vec<u8>, Vec<String>) {
    let mut words: Vec<String> = Vec::new();
    for w in fold(name).split(' ').filter(|w| !w.is_empty()) {
        if !words.iter().any(|x| x == w) {
            words.push(w.to_string());
        }
    }
    (collate::name_sort_key(name), words)
}

/// Moves a person from `old` to `new` name in the name order.
fn rename_in_name_order(
    conn: &rusqlite::Connection,
    id: i64,
    old: &str,
    new: &str,
) -> Result<(), StoreError> {
    let mut count = conn.prepare_cached(COUNT_WORD)?;
    let (key, words) = name_rows(old);
    let mut del = conn.prepare_cached(
        "DELETE FROM people_name_words WHERE word = ?1 AND name_key = ?2 AND person = ?3",
    )?;
    for w in &words {
        if del.execute(params![w, key, id])? > 0 {
            count.execute(params![w, -1])?;
        }
    }
    let (key, words) = name_rows(new);
    let mut ins = conn.prepare_cached(
        "INSERT OR IGNORE INTO people_name_words (word, name_key, person) VALUES (?1, ?2, ?3)",
    )?;
    for w in &words {
        if ins.execute(params![w, key, id])? > 0 {
            count.execute(params![w, 1])?;
        }
    }
    Ok(())
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

const INSERT_COLUMNS: &str =
    "id, record_code, full_name, search_key, birth_year, gender, id_number, id_kind,
    phone, hamlet, address, category, pay_method, account_no, account_bank, first_batch, updated_at,
    status, status_note, status_since, mac";

/// The id the next new person gets (inside the caller's write
/// transaction; people are never deleted, so it is also one more than the
/// number of people on file).
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
    macs: Vec<String>,
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
            macs: Vec::with_capacity(INSERT_BATCH),
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
        use sha2::Digest;
        self.macs.clear();
        for (id, p) in list {
            let mac = new_person_mac(self.keys, *id, p, batch_id, at);
            self.digest.update(format!("{id} {mac}\n").as_bytes());
            self.macs.push(mac);
            if self.first.is_none() {
                self.first = Some(*id);
            }
            self.last = *id;
        }
        let mut values = Vec::with_capacity(list.len() * 21);
        for ((id, p), mac) in list.iter().zip(&self.macs) {
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
        h.update(format!("{id} {mac}\n").as_bytes());
    }
    hex::encode(h.finalize())
}

/// The seal of a person as an import first writes them: the same as
/// [`rows::seal`] gives for the row read back (a test holds them equal).
fn new_person_mac(
    keys: &super::KeyRing,
    id: i64,
    p: &ListedPerson,
    batch_id: i64,
    at: &str,
) -> String {
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
    let key = id.to_string();
    let mac = rows::mac_of(keys, None, Table::People, &key, cols.into_iter()).unwrap_or_default();
    format!("{}:{mac}", keys.current_id())
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
        rename_in_name_order(w.conn(), person.id, &person.full_name, &p.full_name)?;
    }
    Ok(Event::new("person.update", "person", Some(person.id)).row(image))
}

/// Adds the people with ids `from..=to` (just written by an import) to
/// the name search, in one pass (see [`fill_name_words`]).
pub fn index_names(w: &Write<'_>, from: i64, to: i64) -> Result<usize, StoreError> {
    fill_name_words(w.conn(), from, to)
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
