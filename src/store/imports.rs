//! Import batches, periods and entitlement lines in the database.

use rusqlite::OptionalExtension;

pub use super::name_words::{NameWordRow, NamedPerson, name_word_rows};
use super::rows::{Table, int, text};
use super::{Event, Read, StoreError, Write, bulk, name_words};
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

/// A line an earlier adjustment list wrote for a person: the list's file,
/// its row, the line's kind and amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdjustmentLine {
    pub file_name: String,
    pub row: i64,
    pub kind: EntitlementKind,
    pub amount: Money,
}

/// The lines adjustment lists of `period` wrote for a person, oldest first.
pub fn adjustment_lines_of(
    r: &Read<'_>,
    person_id: i64,
    period: Period,
) -> Result<Vec<AdjustmentLine>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT b.file_name, e.source_row, e.kind, e.amount
         FROM entitlements e JOIN import_batches b ON b.id = e.batch_id
         WHERE e.person_id = ?1 AND b.kind = 'adjustment' AND b.period = ?2
         ORDER BY e.id",
    )?;
    let rows = stmt.query_map(rusqlite::params![person_id, period.to_string()], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, i64>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (file_name, row, kind, amount) = row?;
        out.push(AdjustmentLine {
            file_name,
            row,
            kind: EntitlementKind::from_code(&kind).ok_or_else(|| StoreError::Damaged {
                what: format!("bad entitlement kind {kind:?} in database"),
            })?,
            amount: Money::from_dong(amount),
        });
    }
    Ok(out)
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
/// statement, each sealed; the caller gives each line its id.
pub struct NewLines<'c> {
    rows: bulk::Rows<'c>,
    keys: &'c super::KeyRing,
    period: String,
    batch_id: i64,
    owed: &'c std::cell::Cell<usize>,
    /// The seals of the lines of one statement, one after the other, and
    /// where each ends.
    seals: String,
    ends: Vec<usize>,
}

impl<'c> NewLines<'c> {
    pub fn new(r: &Read<'c>, period: Period, batch_id: i64) -> Self {
        NewLines {
            owed: r.bulk_counter(),
            rows: bulk::Rows::new(
                r.conn(),
                "entitlements",
                "id, person_id, period, kind, amount, batch_id, source_row, mac",
                LINES_PER_STATEMENT,
            ),
            keys: r.keys_for_check(),
            period: period.to_string(),
            batch_id,
            seals: String::new(),
            ends: Vec::with_capacity(LINES_PER_STATEMENT),
        }
    }

    /// Writes `lines`; the line at index `i` gets the id `first_id + i`.
    pub fn write(&mut self, first_id: i64, lines: &[NewLine]) -> Result<(), StoreError> {
        for (chunk_no, chunk) in lines.chunks(LINES_PER_STATEMENT).enumerate() {
            let base = first_id + (chunk_no * LINES_PER_STATEMENT) as i64;
            self.seals.clear();
            self.ends.clear();
            for (i, l) in chunk.iter().enumerate() {
                let line = LineColumns::new(base + i as i64, l, &self.period, self.batch_id);
                line.push_seal(&mut self.seals, self.keys);
                self.ends.push(self.seals.len());
            }
            let seals = std::iter::once(0)
                .chain(self.ends.iter().copied())
                .zip(&self.ends)
                .map(|(from, to)| &self.seals[from..*to]);
            let mut values = Vec::with_capacity(chunk.len() * 8);
            for (i, (l, mac)) in chunk.iter().zip(seals).enumerate() {
                values.extend_from_slice(&[
                    bulk::Value::Int(base + i as i64),
                    bulk::Value::Int(l.person_id),
                    bulk::Value::Text(&self.period),
                    bulk::Value::Text(l.kind.code()),
                    bulk::Value::Int(l.amount.dong()),
                    bulk::Value::Int(self.batch_id),
                    bulk::Value::Int(l.row as i64),
                    bulk::Value::Text(mac),
                ]);
            }
            self.rows.write(chunk.len(), &values)?;
            self.owed.set(self.owed.get() + chunk.len());
        }
        Ok(())
    }
}

/// The columns of an entitlement line, as sealed.
struct LineColumns<'a> {
    id: i64,
    person_id: i64,
    period: &'a str,
    kind: &'a str,
    amount: i64,
    batch_id: i64,
    source_row: i64,
}

impl<'a> LineColumns<'a> {
    fn new(id: i64, l: &'a NewLine, period: &'a str, batch_id: i64) -> Self {
        LineColumns {
            id,
            person_id: l.person_id,
            period,
            kind: l.kind.code(),
            amount: l.amount.dong(),
            batch_id,
            source_row: l.row as i64,
        }
    }

    /// The columns sorted by name, as every sealed row's are.
    fn columns(&self) -> [(&'static str, rusqlite::types::ValueRef<'_>); 7] {
        use rusqlite::types::ValueRef;
        [
            ("amount", ValueRef::Integer(self.amount)),
            ("batch_id", ValueRef::Integer(self.batch_id)),
            ("id", ValueRef::Integer(self.id)),
            ("kind", ValueRef::Text(self.kind.as_bytes())),
            ("period", ValueRef::Text(self.period.as_bytes())),
            ("person_id", ValueRef::Integer(self.person_id)),
            ("source_row", ValueRef::Integer(self.source_row)),
        ]
    }

    /// Appends the line's seal as the import writes it ("k1:…"): the same
    /// as [`super::rows::seal`] gives for the row read back (a test holds
    /// them equal).
    fn push_seal(&self, out: &mut String, keys: &super::KeyRing) {
        let mut key = itoa::Buffer::new();
        let key = key.format(self.id);
        super::rows::push_seal(
            out,
            keys,
            Table::Entitlements,
            key,
            self.columns().into_iter(),
        );
    }

    /// The line's MAC under key `key_id` (the ring's newest when `None`),
    /// over its columns sorted by name, as [`super::rows::mac_of`] seals
    /// every row.
    fn mac(&self, keys: &super::KeyRing, key_id: Option<&str>) -> Option<String> {
        let mut key = itoa::Buffer::new();
        let key = key.format(self.id);
        super::rows::mac_of(
            keys,
            key_id,
            Table::Entitlements,
            key,
            self.columns().into_iter(),
        )
    }

    /// Whether `stored` ("k1:…") is this line's seal.
    fn sealed_by(&self, keys: &super::KeyRing, stored: &str) -> bool {
        let Some((key_id, mac)) = stored.split_once(':') else {
            return false;
        };
        self.mac(keys, Some(key_id)).is_some_and(|m| m == mac)
    }
}

/// Checks entitlement lines against their seals before money is committed
/// on them: a payment ([`super::payments::insert`]), a bank batch
/// ([`super::batches::insert_batch`]) or a home round's line
/// ([`super::rounds::insert_line`]). A line is refused when it is not as
/// chitra wrote it: its seal does not match, or — a line written before
/// lines were sealed one by one (or whose seal was taken away) — its
/// batch's lines no longer give the digest the batch's sealed totals keep.
/// Each such batch is checked once per `LineSeals`.
#[derive(Default)]
pub struct LineSeals {
    batches_whole: Vec<i64>,
}

impl LineSeals {
    pub fn check(&mut self, r: &Read<'_>, id: i64) -> Result<(), StoreError> {
        use super::rows::{self, MacCheck};
        let tampered = || StoreError::Tampered {
            table: "entitlements",
            key: id.to_string(),
        };
        let found = r
            .cached(
                "SELECT person_id, period, kind, amount, batch_id, source_row, mac
                 FROM entitlements WHERE id = ?1",
            )?
            .query_row([id], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, i64>(4)?,
                    row.get::<_, i64>(5)?,
                    row.get::<_, Option<String>>(6)?,
                ))
            })
            .optional()?;
        // No such line: the referring row's foreign key refuses it.
        let Some((person_id, period, kind, amount, batch, source_row, mac)) = found else {
            return Ok(());
        };
        let line = LineColumns {
            id,
            person_id,
            period: &period,
            kind: &kind,
            amount,
            batch_id: batch,
            source_row,
        };
        if let Some(mac) = mac {
            return if line.sealed_by(r.keys_for_check(), &mac) {
                Ok(())
            } else {
                Err(tampered())
            };
        }
        if self.batches_whole.contains(&batch) {
            return Ok(());
        }
        let totals =
            rows::read(r.conn(), Table::ImportTotals, &batch.to_string())?.ok_or_else(tampered)?;
        if rows::check(r.keys_for_check(), Table::ImportTotals, &totals) != MacCheck::Good {
            return Err(StoreError::Tampered {
                table: "import_totals",
                key: batch.to_string(),
            });
        }
        let Some(rusqlite::types::Value::Text(digest)) = totals.columns.get("lines_digest") else {
            return Err(tampered());
        };
        if recompute_digest(r, batch)? != *digest {
            return Err(tampered());
        }
        self.batches_whole.push(batch);
        Ok(())
    }
}

/// The lines among `ids` that are not as chitra wrote them (see
/// [`LineSeals`]), for the person's file to say before anyone starts to
/// pay them.
pub fn forged_lines(r: &Read<'_>, ids: &[i64]) -> Result<Vec<i64>, StoreError> {
    let mut seals = LineSeals::default();
    let mut forged = Vec::new();
    for &id in ids {
        match seals.check(r, id) {
            Ok(()) => {}
            Err(StoreError::Tampered { .. }) => forged.push(id),
            Err(e) => return Err(e),
        }
    }
    Ok(forged)
}

/// Whether every sealed line of batch `batch_id` matches its seal (lines
/// written before lines were sealed have none and pass: the batch's digest
/// stands for them). A seal changed alone leaves the digest as it was but
/// makes the line unpayable: `verify` names the batch.
pub fn line_seals_hold(r: &Read<'_>, batch_id: i64) -> Result<bool, StoreError> {
    let mut stmt = r.cached(
        "SELECT id, person_id, period, kind, amount, source_row, mac FROM entitlements
         WHERE batch_id = ?1 AND mac IS NOT NULL ORDER BY id",
    )?;
    let mut found = stmt.query([batch_id])?;
    while let Some(row) = found.next()? {
        let (period, kind): (String, String) = (row.get(2)?, row.get(3)?);
        let line = LineColumns {
            id: row.get(0)?,
            person_id: row.get(1)?,
            period: &period,
            kind: &kind,
            amount: row.get(4)?,
            batch_id,
            source_row: row.get(5)?,
        };
        if !line.sealed_by(r.keys_for_check(), &row.get::<_, String>(6)?) {
            return Ok(false);
        }
    }
    Ok(true)
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

/// Adds the name-order rows [`name_word_rows`] made on the import's
/// reading thread for the people it has just written.
pub fn write_name_words(w: &Write<'_>, rows: &[NameWordRow<'_>]) -> Result<usize, StoreError> {
    name_words::write_rows(w.conn(), rows)
}

/// Adds the people with ids `from..=to`, just written by an import that
/// added too many to keep their names, to the name order, read back in
/// passes ([`name_words::fill`]).
pub fn index_names_in_passes(w: &Write<'_>, from: i64, to: i64) -> Result<usize, StoreError> {
    name_words::fill(w.conn(), from, to)
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
