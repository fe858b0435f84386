//! The name order the name search reads (`people_name_words`: one row per
//! distinct folded word of each person's name, with the name's sort key,
//! and `people_name_word_counts`, migration 016), and its upkeep: rows made
//! for the people an import adds (on its reading thread), people read back
//! in passes (a large import, the migration), and a change of name.

use rusqlite::{Connection, params};

use super::{StoreError, bulk};
use crate::text::{collate, fold};

/// A person an import adds, for the name order (migration 016): their id,
/// the sort key of their name (`collate::name_sort_key`) and the folded
/// name (`fold`), both made on the import's reading thread.
pub struct NamedPerson {
    pub id: i64,
    pub name_key: Vec<u8>,
    pub folded: String,
}

/// Name-order rows written by one statement.
const NAME_WORDS_PER_STATEMENT: usize = 64;

/// One name-order row: the word, the name's sort key, the person.
pub type NameWordRow<'a> = (&'a str, &'a [u8], i64);

/// The name-order rows of `people`: one per distinct word of each folded
/// name, in the table's order (word, then sort key, then id). The people
/// are sorted once by key and id, then dealt out to their words, which
/// leaves every word's rows in order: sorting one person per name is a
/// third of sorting one row per word, and no word is compared twice. Needs
/// no connection, so it can run on a thread of its own while the database
/// does something else.
pub fn name_word_rows(people: &[NamedPerson]) -> Vec<NameWordRow<'_>> {
    let mut order: Vec<&NamedPerson> = people.iter().collect();
    order.sort_unstable_by(|a, b| (&a.name_key, a.id).cmp(&(&b.name_key, b.id)));
    let mut by_word: std::collections::HashMap<&str, Vec<(&[u8], i64)>> =
        std::collections::HashMap::new();
    let mut words: Vec<&str> = Vec::new();
    let mut rows = 0;
    for p in order {
        words.clear();
        for word in p.folded.split(' ').filter(|w| !w.is_empty()) {
            if !words.contains(&word) {
                words.push(word);
                by_word.entry(word).or_default().push((&p.name_key, p.id));
                rows += 1;
            }
        }
    }
    let mut by_word: Vec<_> = by_word.into_iter().collect();
    by_word.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::with_capacity(rows);
    for (word, people) in by_word {
        out.extend(people.into_iter().map(|(key, id)| (word, key, id)));
    }
    out
}

/// Adds the rows [`name_word_rows`] made for the people this import has
/// just written to the name order, each written where the last ended, then
/// moves each word's count once.
pub fn write_rows(conn: &Connection, rows: &[NameWordRow<'_>]) -> Result<usize, StoreError> {
    let mut insert = bulk::Rows::new(
        conn,
        "people_name_words",
        "word, name_key, person",
        NAME_WORDS_PER_STATEMENT,
    );
    let mut values = Vec::with_capacity(NAME_WORDS_PER_STATEMENT * 3);
    for chunk in rows.chunks(NAME_WORDS_PER_STATEMENT) {
        values.clear();
        for (word, key, id) in chunk {
            values.extend_from_slice(&[
                bulk::Value::Text(word),
                bulk::Value::Blob(key),
                bulk::Value::Int(*id),
            ]);
        }
        insert.write(chunk.len(), &values)?;
    }
    let mut count = conn.prepare_cached(COUNT_WORD)?;
    for same in rows.chunk_by(|a, b| a.0 == b.0) {
        count.execute(rusqlite::params![same[0].0, same.len() as i64])?;
    }
    Ok(rows.len())
}

/// People read back at a time by [`index_names_in_passes`]: each pass
/// holds the names, keys and rows of all its people at once, at the end
/// of an import whose memory is then at its highest but for the rows'.
const NAMES_PER_PASS: i64 = 50_000;

/// Adds the people with ids `from..=to` to the name order, read back
/// [`NAMES_PER_PASS`] at a time, each pass's rows made, sorted and written
/// by [`write_rows`]: used after an import that added too many people to
/// keep their names, and by migration 016 for the people already on file.
/// Reading all of a million people back at once, with three rows each,
/// held about 290 MB.
pub fn fill(conn: &Connection, from: i64, to: i64) -> Result<usize, StoreError> {
    fill_by(conn, from, to, NAMES_PER_PASS)
}

fn fill_by(conn: &Connection, from: i64, to: i64, per_pass: i64) -> Result<usize, StoreError> {
    let last: Option<i64> = conn.query_row("SELECT max(id) FROM people", [], |r| r.get(0))?;
    let to = to.min(last.unwrap_or(0));
    let mut read =
        conn.prepare_cached("SELECT id, full_name FROM people WHERE id BETWEEN ?1 AND ?2")?;
    let mut written = 0;
    let mut start = from;
    while start <= to {
        let end = to.min(start.saturating_add(per_pass - 1));
        let mut people = Vec::new();
        let mut rows = read.query([start, end])?;
        while let Some(row) = rows.next()? {
            let name = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            people.push(NamedPerson {
                id: row.get(0)?,
                name_key: collate::name_sort_key(name),
                folded: fold(name),
            });
        }
        drop(rows);
        written += write_rows(conn, &name_word_rows(&people))?;
        start = end + 1;
    }
    Ok(written)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{StoreError, Write};

    #[test]
    fn name_word_rows_come_in_the_order_of_a_full_sort() {
        let person = |id: i64, key: &[u8], folded: &str| NamedPerson {
            id,
            name_key: key.to_vec(),
            folded: folded.to_string(),
        };
        // Shared words, equal keys for different people, a word twice in
        // one name, doubled spaces, people out of id and key order.
        let people = vec![
            person(5, b"an\x01nguyen van", "nguyen van an"),
            person(2, b"binh\x01tran thi", "tran thi binh"),
            person(9, b"an\x01nguyen van", "nguyen  van an"),
            person(1, b"an\x01le", "le an an"),
            person(7, b"van\x01nguyen", "nguyen van"),
            person(3, b"a", "thi"),
        ];
        let mut expected: Vec<NameWordRow<'_>> = Vec::new();
        for p in &people {
            let mut words: Vec<&str> = p.folded.split(' ').filter(|w| !w.is_empty()).collect();
            words.sort_unstable();
            words.dedup();
            expected.extend(words.into_iter().map(|w| (w, p.name_key.as_slice(), p.id)));
        }
        expected.sort_unstable();
        let rows = name_word_rows(&people);
        assert_eq!(rows, expected);
        assert_eq!(rows.len(), 14);
        assert_eq!(rows[0], ("an", b"an\x01le".as_slice(), 1));
        assert!(name_word_rows(&[]).is_empty());
    }

    type Order = (Vec<(String, Vec<u8>, i64)>, Vec<(String, i64)>);

    fn name_order(w: &Write<'_>) -> Order {
        let c = w.conn();
        let rows = c
            .prepare("SELECT word, name_key, person FROM people_name_words ORDER BY 1, 2, 3")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let counts = c
            .prepare("SELECT word, people FROM people_name_word_counts ORDER BY 1")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        (rows, counts)
    }

    #[test]
    fn names_read_back_in_passes_give_the_rows_and_counts_of_one_pass() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::store::Store::create(
            &dir.path().join("t.db"),
            std::time::Duration::from_secs(2),
            None,
            "2026-11-28",
        )
        .unwrap();
        let who = crate::store::Who {
            at: "2026-11-28T09:00:00+07:00".into(),
            user_id: None,
        };
        let names = [
            "Nguyễn Văn An",
            "Trần Thị Bình",
            "Nguyễn  Văn An",
            "Lê An An",
            "Nguyễn Văn",
            "Đặng Thị Ánh",
            "Trần Văn Bình",
        ];
        store
            .write(who, |w| {
                // The people's batch is never written: the transaction is
                // rolled back before its foreign keys are checked.
                w.conn().execute_batch("PRAGMA defer_foreign_keys = ON").unwrap();
                for (i, name) in names.iter().enumerate() {
                    w.conn()
                        .execute(
                            "INSERT INTO people (id, record_code, full_name, search_key, first_batch, updated_at)
                             VALUES (?1, ?2, ?3, ?4, 1, 'x')",
                            rusqlite::params![i as i64 + 1, format!("R{i}"), name, crate::text::fold(name)],
                        )
                        .unwrap();
                }
                // Passes of two people, from the second person on.
                assert_eq!(fill_by(w.conn(), 2, 7, 2).unwrap(), 16);
                let in_passes = name_order(w);
                w.conn()
                    .execute_batch("DELETE FROM people_name_words; DELETE FROM people_name_word_counts")
                    .unwrap();
                fill_by(w.conn(), 2, 7, i64::MAX).unwrap();
                let at_once = name_order(w);
                assert_eq!(in_passes, at_once);
                assert!(!in_passes.0.iter().any(|(_, _, id)| *id == 1));
                let van = in_passes.1.iter().find(|(w, _)| w == "van").unwrap();
                assert_eq!(van.1, 3);
                Ok::<_, StoreError>(w.roll_back(()))
            })
            .unwrap();
    }
}
