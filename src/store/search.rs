//! Finding people as the clerk types: by the beginning or the end of an
//! ID number, by the beginning of a record code, and by the beginnings of
//! the words of a name, in Vietnamese name order, through the name-word
//! index (`people_name_words` and its counts, migration 016; kept by
//! [`super::name_words`]).

use rusqlite::{OptionalExtension, params};

use super::people::{COLUMNS, read};
use super::{Read, StoreError};
use crate::domain::person::Person;
use std::collections::VecDeque;

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
/// each word has, so the typed word with the fewest rows leads: its ranges
/// are merged in name order and each person checked against the other
/// typed words, jumping ahead to the next row of a typed word the
/// candidates keep missing (see [`name_order_ids`]). The work is bounded
/// by the limit and by how often the typed words' rows alternate in name
/// order; not by the number of people.
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

/// A row of the name order: the name's sort key, then the person's id.
type Row = (Vec<u8>, i64);

/// The statements that read one word's rows in name order: from the
/// beginning, from a row on, and after a row.
struct Reads<'c> {
    first: rusqlite::CachedStatement<'c>,
    from: rusqlite::CachedStatement<'c>,
    after: rusqlite::CachedStatement<'c>,
}

impl<'c> Reads<'c> {
    fn new(conn: &'c rusqlite::Connection) -> Result<Self, StoreError> {
        Ok(Reads {
            first: conn.prepare_cached(
                "SELECT name_key, person FROM people_name_words WHERE word = ?1
                 ORDER BY name_key, person",
            )?,
            from: conn.prepare_cached(
                "SELECT name_key, person FROM people_name_words
                 WHERE word = ?1 AND (name_key, person) >= (?2, ?3)
                 ORDER BY name_key, person",
            )?,
            after: conn.prepare_cached(
                "SELECT name_key, person FROM people_name_words
                 WHERE word = ?1 AND (name_key, person) > (?2, ?3)
                 ORDER BY name_key, person",
            )?,
        })
    }
}

/// Reads at most `n` rows of a statement of [`Reads`].
fn read_rows(
    stmt: &mut rusqlite::CachedStatement<'_>,
    params: impl rusqlite::Params,
    n: usize,
    into: &mut VecDeque<Row>,
) -> Result<usize, StoreError> {
    let mut rows = stmt.query(params)?;
    let mut got = 0;
    while got < n {
        let Some(row) = rows.next()? else { break };
        into.push_back((row.get(0)?, row.get(1)?));
        got += 1;
    }
    Ok(got)
}

/// Most rows one read of a word takes.
const MOST_ROWS: usize = 256;

/// Rows a read takes after a jump: where the next match lies is not known,
/// so only a few.
const AFTER_JUMP: usize = 8;

/// Candidates in a row that miss a typed word before the search thinks of
/// jumping to the next row of the words they miss instead of reading on.
const JUMP_AFTER: u32 = 4;

/// Most reads a jump may spend on one typed word the candidates miss for
/// that word to be asked where the next match can be. Measured on the
/// lookup bench: asking only the words with one word on file made a typed
/// surname with several ("tran": trần, trang) pass a given name's people
/// one surname at a time ("tran quang thanh" 1,100 reads, 4 at most about
/// 280); asking every word costs a read per word on file for a one-letter
/// word.
const ASK_READS: usize = 4;

/// What a read of the index costs, in candidates checked: the search reads
/// on past this many misses for each read a jump would make. Measured on
/// the lookup bench: a jump after 4 misses and after 8 per read did about
/// as well; reads that land near rows already read cost less than a seek
/// far away.
const READ_COST: u32 = 2;

/// One word on file: its rows in name order, read a batch at a time from
/// wherever the search last moved it to.
struct Range<'w> {
    word: &'w str,
    rows: VecDeque<Row>,
    /// The last row taken when none are held: the next read starts after it.
    last: Option<Row>,
    /// No rows on file after those held.
    ended: bool,
    /// Rows the next read takes.
    batch: usize,
}

impl<'w> Range<'w> {
    fn new(word: &'w str, batch: usize) -> Self {
        Range {
            word,
            rows: VecDeque::new(),
            last: None,
            ended: false,
            batch: batch.clamp(1, MOST_ROWS),
        }
    }

    /// Reads the next batch when no rows are held.
    fn fill(&mut self, reads: &mut Reads<'_>) -> Result<(), StoreError> {
        if !self.rows.is_empty() || self.ended {
            return Ok(());
        }
        let n = self.batch;
        let got = match &self.last {
            None => read_rows(&mut reads.first, params![self.word], n, &mut self.rows)?,
            Some((key, id)) => read_rows(
                &mut reads.after,
                params![self.word, key, id],
                n,
                &mut self.rows,
            )?,
        };
        self.ended = got < n;
        self.batch = (n * 2).min(MOST_ROWS);
        Ok(())
    }

    /// Takes the first row held.
    fn take(&mut self) -> Option<Row> {
        let row = self.rows.pop_front();
        if self.rows.is_empty() {
            self.last.clone_from(&row);
        }
        row
    }

    /// Moves to the first row at or after `(key, id)`: past the rows held,
    /// else by reading from there.
    fn seek(&mut self, key: &[u8], id: i64, reads: &mut Reads<'_>) -> Result<(), StoreError> {
        while let Some((k, i)) = self.rows.front() {
            if (k.as_slice(), *i) >= (key, id) {
                return Ok(());
            }
            self.take();
        }
        if self.ended {
            return Ok(());
        }
        let got = read_rows(
            &mut reads.from,
            params![self.word, key, id],
            AFTER_JUMP,
            &mut self.rows,
        )?;
        self.ended = got < AFTER_JUMP;
        self.batch = AFTER_JUMP * 2;
        Ok(())
    }
}

/// A typed word: the rows of all the words on file starting with it, in
/// name order, each person once.
struct Term<'w> {
    text: &'w str,
    ranges: Vec<Range<'w>>,
}

impl Term<'_> {
    /// The range holding the first row, if any row is left. Every range
    /// must have been filled or moved.
    fn first(&self) -> Option<usize> {
        let mut best: Option<(usize, &Row)> = None;
        for (i, r) in self.ranges.iter().enumerate() {
            if let Some(row) = r.rows.front()
                && best.is_none_or(|(_, b)| row < b)
            {
                best = Some((i, row));
            }
        }
        best.map(|(i, _)| i)
    }

    fn head(&self) -> Option<&Row> {
        self.first().and_then(|i| self.ranges[i].rows.front())
    }

    /// Takes the first row; a person found by two of the words on file
    /// comes once.
    fn take(&mut self, reads: &mut Reads<'_>) -> Result<Option<Row>, StoreError> {
        let Some(i) = self.first() else {
            return Ok(None);
        };
        let row = self.ranges[i].take().expect("the first range holds a row");
        self.ranges[i].fill(reads)?;
        for r in &mut self.ranges {
            if r.rows.front() == Some(&row) {
                r.take();
                r.fill(reads)?;
            }
        }
        Ok(Some(row))
    }

    /// How many of the ranges must be read again to move past `(key, id)`:
    /// those whose rows held end before it.
    fn reads_to_pass(&self, key: &[u8], id: i64) -> usize {
        self.ranges
            .iter()
            .filter(|r| {
                !r.ended
                    && r.rows
                        .back()
                        .is_none_or(|(k, i)| (k.as_slice(), *i) < (key, id))
            })
            .count()
    }

    /// Moves every range to its first row at or after `(key, id)`.
    fn seek(&mut self, key: &[u8], id: i64, reads: &mut Reads<'_>) -> Result<(), StoreError> {
        for r in &mut self.ranges {
            r.seek(key, id, reads)?;
            r.fill(reads)?;
        }
        Ok(())
    }
}

/// The ids of the first `limit` people matching every term, in name order.
///
/// The typed word whose words on file have the fewest rows leads: its
/// rows are taken in name order, merged from its words' ranges, and each
/// is checked against the other typed words on its folded name. When
/// candidates keep missing one typed word, the search jumps: that word's
/// next row at or after the candidate is the first that can match, and
/// the leader moves there. The names on file cluster (the list is ordered
/// by given name, then surname), so a typed surname or given name that
/// misses a whole stretch of the leader's rows is passed in a few reads.
fn name_order_ids(
    conn: &rusqlite::Connection,
    terms: &[&str],
    limit: usize,
) -> Result<Vec<i64>, StoreError> {
    let mut counts = conn.prepare_cached(
        "SELECT word, people FROM people_name_word_counts WHERE word >= ?1 AND word < ?2",
    )?;
    let mut found: Vec<(Vec<(String, i64)>, i64)> = Vec::with_capacity(terms.len());
    for term in terms {
        let words: Vec<(String, i64)> = counts
            .query_map(params![term, upper_bound(term)], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        let total: i64 = words.iter().map(|(_, n)| n).sum();
        if total == 0 {
            return Ok(Vec::new());
        }
        found.push((words, total));
    }
    let lead = (0..terms.len())
        .min_by_key(|&i| found[i].1)
        .expect("terms are not empty");
    let want = limit as i64 + 1;
    let mut reads = Reads::new(conn)?;
    let mut others: Vec<Term<'_>> = Vec::with_capacity(terms.len() - 1);
    let mut leader = Term {
        text: terms[lead],
        ranges: Vec::new(),
    };
    for (i, (words, total)) in found.iter().enumerate() {
        if i == lead {
            for (word, n) in words.iter().filter(|(_, n)| *n > 0) {
                // Each word first reads its share of the rows wanted.
                let share = (want * n + total - 1) / total + 1;
                let mut range = Range::new(word, share.min(*n) as usize);
                range.fill(&mut reads)?;
                leader.ranges.push(range);
            }
        } else {
            others.push(Term {
                text: terms[i],
                ranges: words
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(word, _)| Range::new(word, AFTER_JUMP))
                    .collect(),
            });
        }
    }
    let mut out: Vec<i64> = Vec::with_capacity(limit);
    let mut folded = String::new();
    let mut missing: Vec<usize> = Vec::with_capacity(others.len());
    let mut misses = 0;
    while let Some((key, id)) = leader.take(&mut reads)? {
        missing.clear();
        if !others.is_empty() {
            let Some(name) = collate::text_of_key(&key) else {
                continue;
            };
            fold::fold_into(name, &mut folded);
            missing.extend(
                (0..others.len())
                    .filter(|&j| !folded.split(' ').any(|w| w.starts_with(others[j].text))),
            );
        }
        if missing.is_empty() {
            out.push(id);
            if out.len() == limit {
                break;
            }
            misses = 0;
            continue;
        }
        misses += 1;
        if misses < JUMP_AFTER {
            continue;
        }
        // The next match is at or after the next row of every typed word
        // the candidate misses. Each is asked whose ranges reach there in a
        // few reads (a range whose rows held already pass the candidate
        // costs none), so a word that rules out a whole stretch of the
        // leader, such as a surname, moves it there at once even when it
        // has several words on file; when each costs more, the cheapest.
        let mut ask: Vec<usize> = missing
            .iter()
            .copied()
            .filter(|&j| others[j].reads_to_pass(&key, id) <= ASK_READS)
            .collect();
        if ask.is_empty() {
            ask.push(
                *missing
                    .iter()
                    .min_by_key(|&&j| others[j].reads_to_pass(&key, id))
                    .expect("a word is missing"),
            );
        }
        // A jump costs a read per range asked and per range of the leader
        // that ends before the candidate, each dearer than checking a row
        // already read: the search reads on until the rows it checked in
        // vain would have paid for the jump, so a jump that lands close by
        // costs at most about as much again as reading on would have.
        let reads_of_jump: usize = ask
            .iter()
            .map(|&j| others[j].reads_to_pass(&key, id))
            .sum::<usize>()
            + leader.reads_to_pass(&key, id);
        if misses < READ_COST * reads_of_jump as u32 {
            continue;
        }
        misses = 0;
        let mut to: Option<Row> = None;
        for j in ask {
            let other = &mut others[j];
            other.seek(&key, id, &mut reads)?;
            let Some(head) = other.head() else {
                // No row of that word after here: nobody else matches.
                return Ok(out);
            };
            if to.as_ref().is_none_or(|t| head > t) {
                to = Some(head.clone());
            }
        }
        let (k, i) = to.expect("a word was asked");
        leader.seek(&k, i, &mut reads)?;
    }
    Ok(out)
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
