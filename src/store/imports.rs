//! Import batches, periods and entitlement lines in the database.

use rusqlite::OptionalExtension;

use super::rows::{Table, int, text};
use super::{Event, Read, StoreError, Write, bulk};
use crate::domain::{EntitlementKind, Money, Period};

/// An import batch as recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Batch {
    pub id: i64,
    pub file_name: String,
    pub sha256: String,
    pub kind: String,
    pub period: String,
    pub rows: i64,
    pub people: i64,
    pub total: i64,
    pub lines_digest: String,
    pub imported_by: String,
    pub imported_at: String,
}

// A batch without its totals (never seen outside its own transaction) reads
// as empty, with an empty digest, which `verify` reports as changed.
const BATCH_SQL: &str = "SELECT b.id, b.file_name, b.sha256, b.kind, b.period,
        coalesce(t.rows, 0), coalesce(t.people, 0), coalesce(t.total, 0),
        coalesce(t.lines_digest, ''), u.full_name, b.imported_at
    FROM import_batches b JOIN users u ON u.id = b.imported_by
    LEFT JOIN import_totals t ON t.batch_id = b.id";

fn read_batch(r: &rusqlite::Row<'_>) -> rusqlite::Result<Batch> {
    Ok(Batch {
        id: r.get(0)?,
        file_name: r.get(1)?,
        sha256: r.get(2)?,
        kind: r.get(3)?,
        period: r.get(4)?,
        rows: r.get(5)?,
        people: r.get(6)?,
        total: r.get(7)?,
        lines_digest: r.get(8)?,
        imported_by: r.get(9)?,
        imported_at: r.get(10)?,
    })
}

pub fn by_sha256(r: &Read<'_>, sha: &str) -> Result<Option<Batch>, StoreError> {
    Ok(r.conn()
        .prepare_cached(&format!("{BATCH_SQL} WHERE b.sha256 = ?1"))?
        .query_row([sha], read_batch)
        .optional()?)
}

/// The monthly list already imported for a period, if any.
pub fn monthly_of(r: &Read<'_>, period: Period) -> Result<Option<Batch>, StoreError> {
    Ok(r.conn()
        .prepare_cached(&format!(
            "{BATCH_SQL} WHERE b.kind = 'monthly' AND b.period = ?1"
        ))?
        .query_row([period.to_string()], read_batch)
        .optional()?)
}

pub fn all(r: &Read<'_>) -> Result<Vec<Batch>, StoreError> {
    let mut stmt = r.cached(&format!("{BATCH_SQL} ORDER BY b.id"))?;
    let rows = stmt.query_map([], read_batch)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether a period is closed (`None` when it does not exist yet).
pub fn period_closed(r: &Read<'_>, period: Period) -> Result<Option<bool>, StoreError> {
    Ok(r.conn()
        .prepare_cached("SELECT status = 'closed' FROM periods WHERE period = ?1")?
        .query_row([period.to_string()], |r| r.get(0))
        .optional()?)
}

/// Opens a period if it does not exist yet; the change to log, if it was
/// opened.
pub fn ensure_period(w: &mut Write<'_>, period: Period) -> Result<Option<Event>, StoreError> {
    let exists = w
        .conn()
        .prepare_cached("SELECT 1 FROM periods WHERE period = ?1")?
        .query_row([period.to_string()], |_| Ok(()))
        .optional()?
        .is_some();
    if exists {
        return Ok(None);
    }
    let at = w.at().to_string();
    let image = w.insert(
        Table::Periods,
        &[
            ("period", text(period.to_string())),
            ("status", text("open")),
            ("opened_at", text(at)),
            ("closed_at", rusqlite::types::Value::Null),
            ("closed_by", rusqlite::types::Value::Null),
        ],
    )?;
    Ok(Some(Event::new("period.open", "period", None).row(image)))
}

/// The id the next batch will get (inside the caller's write transaction).
pub fn next_batch_id(w: &Write<'_>) -> Result<i64, StoreError> {
    w.next_id(Table::ImportBatches)
}

/// An entitlement line about to be written by an import.
pub struct NewLine {
    pub person_id: i64,
    pub kind: EntitlementKind,
    pub amount: Money,
    pub row: usize,
}

/// Lines written by one statement.
const LINES_PER_STATEMENT: usize = 64;

/// The id the next entitlement line gets (inside the caller's write
/// transaction).
pub fn next_line_id(r: &Read<'_>) -> Result<i64, StoreError> {
    Ok(
        r.cached("SELECT coalesce(max(id), 0) + 1 FROM entitlements")?
            .query_row([], |r| r.get(0))?,
    )
}

/// Writes the lines of one period and batch, [`LINES_PER_STATEMENT`] to a
/// statement; the caller gives each line its id.
pub struct NewLines<'c> {
    rows: bulk::Rows<'c>,
    period: String,
    batch_id: i64,
    owed: &'c std::cell::Cell<usize>,
}

impl<'c> NewLines<'c> {
    pub fn new(r: &Read<'c>, period: Period, batch_id: i64) -> Self {
        NewLines {
            owed: r.bulk_counter(),
            rows: bulk::Rows::new(
                r.conn(),
                "entitlements",
                "id, person_id, period, kind, amount, batch_id, source_row",
                LINES_PER_STATEMENT,
            ),
            period: period.to_string(),
            batch_id,
        }
    }

    /// Writes `lines`; the line at index `i` gets the id `first_id + i`.
    pub fn write(&mut self, first_id: i64, lines: &[NewLine]) -> Result<(), StoreError> {
        for (chunk_no, chunk) in lines.chunks(LINES_PER_STATEMENT).enumerate() {
            let base = first_id + (chunk_no * LINES_PER_STATEMENT) as i64;
            let mut values = Vec::with_capacity(chunk.len() * 7);
            for (i, l) in chunk.iter().enumerate() {
                values.extend_from_slice(&[
                    bulk::Value::Int(base + i as i64),
                    bulk::Value::Int(l.person_id),
                    bulk::Value::Text(&self.period),
                    bulk::Value::Text(l.kind.code()),
                    bulk::Value::Int(l.amount.dong()),
                    bulk::Value::Int(self.batch_id),
                    bulk::Value::Int(l.row as i64),
                ]);
            }
            self.rows.write(chunk.len(), &values)?;
            self.owed.set(self.owed.get() + chunk.len());
        }
        Ok(())
    }
}

/// A batch as an import starts it.
pub struct NewBatch<'a> {
    pub id: i64,
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub kind: &'a str,
    pub period: Period,
    pub imported_by: i64,
    pub imported_at: &'a str,
}

/// Writes a batch before its people and lines, which name it.
pub fn insert_batch(w: &mut Write<'_>, b: &NewBatch<'_>) -> Result<Event, StoreError> {
    let image = w.insert(
        Table::ImportBatches,
        &[
            ("id", int(b.id)),
            ("file_name", text(b.file_name)),
            ("sha256", text(b.sha256)),
            ("kind", text(b.kind)),
            ("period", text(b.period.to_string())),
            ("imported_by", int(b.imported_by)),
            ("imported_at", text(b.imported_at)),
        ],
    )?;
    Ok(Event::new("import.batch", "import_batch", Some(b.id)).row(image))
}

/// A batch's counts, written once its lines are in.
pub struct Totals<'a> {
    pub rows: i64,
    pub people: i64,
    pub total: Money,
    pub lines_digest: &'a str,
}

pub fn insert_totals(
    w: &mut Write<'_>,
    batch_id: i64,
    t: &Totals<'_>,
) -> Result<Event, StoreError> {
    let image = w.insert(
        Table::ImportTotals,
        &[
            ("batch_id", int(batch_id)),
            ("rows", int(t.rows)),
            ("people", int(t.people)),
            ("total", int(t.total.dong())),
            ("lines_digest", text(t.lines_digest)),
        ],
    )?;
    Ok(Event::new("import.totals", "import_batch", Some(batch_id)).row(image))
}

/// The event that ends an import: it accounts for the people and lines
/// written in bulk (`people` is [`super::people::NewPeople::summary`]) and
/// takes the batch's and totals' row images from `parts`.
pub fn committed(
    batch_id: i64,
    people: Option<(usize, serde_json::Value)>,
    lines: usize,
    lines_digest: &str,
    parts: Vec<Event>,
) -> Event {
    let (count, summary) = people.unwrap_or((0, serde_json::Value::Null));
    let mut event = Event::new("import.commit", "import_batch", Some(batch_id)).bulk(
        count + lines,
        serde_json::json!({ "people": summary, "lines": { "t": "entitlements", "count": lines, "digest": lines_digest } }),
    );
    for part in parts {
        event = event.join(part);
    }
    event
}

/// The canonical text of one entitlement line, as hashed into a batch's
/// `lines_digest`: "id|person_id|period|kind|amount|row\n", appended to
/// `out`.
pub fn write_line_canonical(
    out: &mut String,
    id: i64,
    person_id: i64,
    period: impl std::fmt::Display,
    kind: &str,
    amount: i64,
    row: i64,
) {
    use std::fmt::Write;
    let _ = writeln!(out, "{id}|{person_id}|{period}|{kind}|{amount}|{row}");
}

/// Recomputes a batch's digest from the lines as they are now.
pub fn recompute_digest(r: &Read<'_>, batch_id: i64) -> Result<String, StoreError> {
    use sha2::{Digest, Sha256};
    let mut stmt = r.cached(
        "SELECT id, person_id, period, kind, amount, source_row FROM entitlements WHERE batch_id = ?1 ORDER BY id",
    )?;
    let mut rows = stmt.query([batch_id])?;
    let mut h = Sha256::new();
    let mut line = String::new();
    while let Some(r) = rows.next()? {
        line.clear();
        write_line_canonical(
            &mut line,
            r.get(0)?,
            r.get(1)?,
            r.get::<_, String>(2)?,
            &r.get::<_, String>(3)?,
            r.get(4)?,
            r.get(5)?,
        );
        h.update(line.as_bytes());
    }
    Ok(hex::encode(h.finalize()))
}

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
/// moves each word's count once. The same rows as `people::index_names`
/// makes from the people read back; here nothing is read back or computed
/// again, and the values are bound in place.
pub fn write_name_words(w: &Write<'_>, rows: &[NameWordRow<'_>]) -> Result<usize, StoreError> {
    let mut insert = bulk::Rows::new(
        w.conn(),
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
    let mut count = w.conn().prepare_cached(
        "INSERT INTO people_name_word_counts (word, people) VALUES (?1, ?2)
         ON CONFLICT (word) DO UPDATE SET people = people + excluded.people",
    )?;
    for same in rows.chunk_by(|a, b| a.0 == b.0) {
        count.execute(rusqlite::params![same[0].0, same.len() as i64])?;
    }
    Ok(rows.len())
}

/// People read back at a time by [`index_names_in_passes`]: each pass
/// holds the names, keys and rows of all its people at once, at the end
/// of an import whose memory is then at its highest but for the rows'.
const NAMES_PER_PASS: i64 = 50_000;

/// Adds the people with ids `from..=to`, just written by an import that
/// added too many to keep their names, to the name order: read back
/// [`NAMES_PER_PASS`] at a time, each pass's rows made, sorted and written
/// like [`write_name_words`]'s. Reading all of a million people back at
/// once, with three rows each, held about 290 MB at the import's end.
pub fn index_names_in_passes(w: &Write<'_>, from: i64, to: i64) -> Result<usize, StoreError> {
    index_names_by(w, from, to, NAMES_PER_PASS)
}

fn index_names_by(w: &Write<'_>, from: i64, to: i64, per_pass: i64) -> Result<usize, StoreError> {
    use crate::text::{collate, fold};
    let mut read = w
        .conn()
        .prepare_cached("SELECT id, full_name FROM people WHERE id BETWEEN ?1 AND ?2")?;
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
        written += write_name_words(w, &name_word_rows(&people))?;
        start = end + 1;
    }
    Ok(written)
}

/// Sorts and index builds from here to the end of the transaction spill to
/// temporary files instead of holding everything in memory (a million-row
/// import's index would otherwise keep every key at once). Until then the
/// connection keeps temporary data in memory, where the journal SQLite
/// keeps for each many-row insert stays: with files, every insert that
/// touched more than a few pages wrote them to a file.
pub fn spill_sorts_to_files(w: &Write<'_>) -> Result<(), StoreError> {
    w.conn().execute_batch("PRAGMA temp_store = FILE")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
                assert_eq!(index_names_by(w, 2, 7, 2).unwrap(), 16);
                let in_passes = name_order(w);
                w.conn()
                    .execute_batch("DELETE FROM people_name_words; DELETE FROM people_name_word_counts")
                    .unwrap();
                crate::store::people::index_names(w, 2, 7).unwrap();
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
