//! Finding people as the clerk types: by the beginning or the end of an
//! ID number, by the beginning of a record code, and by the beginnings of
//! the words of a name, in Vietnamese name order; and the upkeep of the
//! name-word index the last reads (`people_name_words` and its counts,
//! migration 016), written by the import and by a change of name.

use rusqlite::{OptionalExtension, params};

use super::people::{COLUMNS, read};
use super::{Read, StoreError};
use crate::domain::person::Person;
use crate::text::{collate, fold};

// The reads below bind no `LIMIT`: SQLite prepares a statement again each
// time a bound `LIMIT` gets a new value. They stop reading at the count
// instead, the rows being stepped through one at a time.

/// People whose ID number starts with `digits`, in ID order.
pub fn by_id_prefix(r: &Read<'_>, digits: &str, limit: usize) -> Result<Vec<Person>, StoreError> {
    let mut stmt = r.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people WHERE id_number >= ?1 AND id_number < ?2 ORDER BY id_number"
    ))?;
    let rows = stmt.query_map(params![digits, upper_bound(digits)], read)?;
    Ok(rows.take(limit).collect::<Result<_, _>>()?)
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
         ORDER BY id_number"
    ))?;
    let rows = stmt.query_map(params![last6, digits], read)?;
    Ok(rows.take(limit).collect::<Result<_, _>>()?)
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
        "SELECT {COLUMNS} FROM people WHERE record_code >= ?1 AND record_code < ?2 ORDER BY record_code"
    ))?;
    let rows = stmt.query_map(params![prefix, upper_bound(&prefix)], read)?;
    Ok(rows.take(limit).collect::<Result<_, _>>()?)
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
pub(super) fn rename_in_name_order(
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
