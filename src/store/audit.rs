//! The append-only audit log, chained and keyed.
//!
//! Every change chitra makes writes one or more audit rows in the same
//! transaction (see [`super::Write`]). Row `n` stores
//! `hash = HMAC(key, "audit", prev_hash, seq, at, user, action, entity,
//! entity_id, detail, key_id)`, where `prev_hash` is row `n-1`'s hash (64
//! zeros for the first row) and the key is the audit key kept outside the
//! database ([`super::key`]). Changing, removing or inserting a row anywhere
//! breaks the chain, and without the key nobody can rebuild it. A row's
//! detail carries the images of the rows its change wrote
//! ([`super::rows::Image`]), from which `verify` rebuilds every table.
//!
//! The chain's tail is anchored outside the file too: after every commit
//! the head is written, signed, to `<db>.head` ([`super::anchor`]), and each
//! closed day's seal is printed on paper.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::key::KeyRing;
use super::rows::Image;
use super::{Read, StoreError};

/// The hash before the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The last row of the chain: its sequence number and hash.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Head {
    pub seq: i64,
    pub hash: String,
}

/// One row of the log as stored.
#[derive(Debug, Clone)]
pub struct Row {
    pub seq: i64,
    pub at: String,
    pub user_id: Option<i64>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
    pub key_id: String,
}

/// What is wrong with the chain, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainProblem {
    /// Sequence numbers jump: rows were removed (or inserted out of order).
    Gap { after: i64, next: i64 },
    /// A row's stored `prev_hash` is not the previous row's hash.
    BrokenLink { seq: i64 },
    /// A row's content no longer matches its hash: it was edited, or
    /// written by someone without the key.
    Edited { seq: i64 },
    /// A row signed by a key the key file does not hold.
    UnknownKey { seq: i64, key_id: String },
}

/// A change about to be logged: what happened, to what, and the images of
/// the rows it wrote. Made by the store's writing functions and completed
/// by the service with the reasons and context only it knows.
#[must_use = "a change must be appended to the audit log (Write::log or Write::append)"]
#[derive(Debug)]
pub struct Event {
    action: String,
    entity: String,
    entity_id: Option<i64>,
    detail: serde_json::Map<String, Value>,
    images: Vec<Image>,
    /// Rows written in bulk (an import's new people): their range and
    /// the keyed digest over their MACs.
    batch: Option<Value>,
    /// How many bulk-written rows this event accounts for.
    bulk: usize,
}

impl Event {
    pub fn new(action: &str, entity: &str, entity_id: Option<i64>) -> Event {
        Event {
            action: action.to_string(),
            entity: entity.to_string(),
            entity_id,
            detail: serde_json::Map::new(),
            images: Vec::new(),
            batch: None,
            bulk: 0,
        }
    }

    /// Adds the fields of `detail` (a JSON object) to the event's detail.
    pub fn with(mut self, detail: Value) -> Event {
        if let Value::Object(m) = detail {
            for (k, v) in m {
                self.detail.insert(k, v);
            }
        }
        self
    }

    /// Adds the image of a row this change wrote.
    pub(super) fn row(mut self, image: Image) -> Event {
        self.images.push(image);
        self
    }

    /// Takes the row images (and bulk rows) of another event of the same
    /// change, e.g. a payment's lines into the payment.
    pub fn join(mut self, other: Event) -> Event {
        self.images.extend(other.images);
        self.bulk += other.bulk;
        if self.batch.is_none() {
            self.batch = other.batch;
        }
        self
    }

    pub(super) fn bulk(mut self, rows: usize, batch: Value) -> Event {
        self.bulk += rows;
        self.batch = Some(batch);
        self
    }

    pub(super) fn images(&self) -> usize {
        self.images.len()
    }

    pub(super) fn bulk_rows(&self) -> usize {
        self.bulk
    }

    /// The detail as stored: the event's fields, the row images under
    /// "rows" and bulk rows under "batch".
    fn detail_json(&self) -> Value {
        let mut m = self.detail.clone();
        if !self.images.is_empty() {
            m.insert(
                "rows".into(),
                Value::Array(self.images.iter().map(Image::to_json).collect()),
            );
        }
        if let Some(b) = &self.batch {
            m.insert("batch".into(), b.clone());
        }
        Value::Object(m)
    }
}

/// Appends one audit row; called by [`super::Write`] only.
pub(super) fn append(
    conn: &Connection,
    keys: &KeyRing,
    prev: Option<&Head>,
    at: &str,
    user_id: Option<i64>,
    event: &Event,
) -> Result<Head, StoreError> {
    let (seq, prev_hash) = match prev {
        Some(h) => (h.seq + 1, h.hash.clone()),
        None => (1, GENESIS.to_string()),
    };
    let detail = canonical_json(&event.detail_json());
    let key_id = keys.current_id().to_string();
    let hash = row_hash(
        keys,
        &key_id,
        &prev_hash,
        seq,
        at,
        user_id,
        &event.action,
        &event.entity,
        event.entity_id,
        &detail,
    )
    .unwrap_or_default();
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash, key_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        seq,
        at,
        user_id,
        event.action,
        event.entity,
        event.entity_id,
        detail,
        prev_hash,
        hash,
        key_id
    ])?;
    Ok(Head { seq, hash })
}

/// The current head of the chain, if any row exists.
pub fn head(r: &Read<'_>) -> Result<Option<Head>, StoreError> {
    head_of(r.conn())
}

pub(super) fn head_of(conn: &Connection) -> Result<Option<Head>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| {
            Ok(Head {
                seq: r.get(0)?,
                hash: r.get(1)?,
            })
        })
        .optional()?)
}

/// The hash of row `seq` (to check a stored anchor against the chain).
pub fn hash_at(r: &Read<'_>, seq: i64) -> Result<Option<String>, StoreError> {
    Ok(r.conn()
        .prepare_cached("SELECT hash FROM audit_log WHERE seq = ?1")?
        .query_row([seq], |r| r.get(0))
        .optional()?)
}

/// Where the log's times show the server's clock moved.
pub struct ClockMarks {
    /// Rows written more than the slack before the row just before them
    /// in the chain (seq, its time, the time before): the clock set back
    /// after rows were written ahead of it. Rows wait for the write lock
    /// after taking their time, so a few seconds back is ordinary.
    pub back: Vec<(i64, String, String)>,
    /// The first row later than now by more than the slack (the clock set
    /// ahead when it was written, then back).
    pub ahead: Option<(i64, String)>,
}

/// [`ClockMarks`] of the whole log, read in one pass.
pub fn clock_marks(
    r: &Read<'_>,
    now: chrono::DateTime<chrono::FixedOffset>,
    slack: i64,
) -> Result<ClockMarks, StoreError> {
    let mut stmt = r.cached("SELECT seq, at FROM audit_log ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    let limit = now.timestamp() + slack;
    let mut marks = ClockMarks {
        back: Vec::new(),
        ahead: None,
    };
    let mut before: Option<(String, i64)> = None;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let at: String = row.get(1)?;
        let Ok(t) = chrono::DateTime::parse_from_rfc3339(&at) else {
            continue;
        };
        let secs = t.timestamp();
        if let Some((prev_at, prev)) = &before
            && secs + slack < *prev
        {
            marks.back.push((seq, at.clone(), prev_at.clone()));
        }
        if marks.ahead.is_none() && secs > limit {
            marks.ahead = Some((seq, at.clone()));
        }
        before = Some((at, secs));
    }
    Ok(marks)
}

/// The last row written before `before` ("YYYY-MM-DDT…" or a day: rows
/// whose time sorts before it), if any.
pub fn last_before(r: &Read<'_>, before: &str) -> Result<Option<Head>, StoreError> {
    Ok(r.conn()
        .prepare_cached("SELECT seq, hash FROM audit_log WHERE at < ?1 ORDER BY seq DESC LIMIT 1")?
        .query_row([before], |r| {
            Ok(Head {
                seq: r.get(0)?,
                hash: r.get(1)?,
            })
        })
        .optional()?)
}

const ROW_SQL: &str = "SELECT seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash, key_id FROM audit_log";

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        seq: r.get(0)?,
        at: r.get(1)?,
        user_id: r.get(2)?,
        action: r.get(3)?,
        entity: r.get(4)?,
        entity_id: r.get(5)?,
        detail: r.get(6)?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
        key_id: r.get(9)?,
    })
}

/// One row by its sequence number.
pub fn row_at(r: &Read<'_>, seq: i64) -> Result<Option<Row>, StoreError> {
    Ok(r.conn()
        .prepare_cached(&format!("{ROW_SQL} WHERE seq = ?1"))?
        .query_row([seq], read_row)
        .optional()?)
}

/// Walks the whole chain in order, checking every link and every row's
/// keyed hash; `each` sees every row (whatever was found about it), so a
/// caller can rebuild state in the same pass.
pub fn walk(
    r: &Read<'_>,
    mut each: impl FnMut(&Row) -> Result<(), StoreError>,
) -> Result<Vec<ChainProblem>, StoreError> {
    let keys = r.keys_for_check();
    let mut stmt = r.cached(&format!("{ROW_SQL} ORDER BY seq"))?;
    let mut rows = stmt.query([])?;
    let mut problems = Vec::new();
    let mut last_seq = 0;
    let mut last_hash = GENESIS.to_string();
    while let Some(r) = rows.next()? {
        let row = read_row(r)?;
        if row.seq != last_seq + 1 {
            problems.push(ChainProblem::Gap {
                after: last_seq,
                next: row.seq,
            });
        }
        if row.prev_hash != last_hash {
            problems.push(ChainProblem::BrokenLink { seq: row.seq });
        }
        match row_hash(
            keys,
            &row.key_id,
            &row.prev_hash,
            row.seq,
            &row.at,
            row.user_id,
            &row.action,
            &row.entity,
            row.entity_id,
            &row.detail,
        ) {
            None => problems.push(ChainProblem::UnknownKey {
                seq: row.seq,
                key_id: row.key_id.clone(),
            }),
            Some(want) if want != row.hash => problems.push(ChainProblem::Edited { seq: row.seq }),
            Some(_) => {}
        }
        each(&row)?;
        last_seq = row.seq;
        last_hash = row.hash;
    }
    Ok(problems)
}

#[allow(clippy::too_many_arguments)]
fn row_hash(
    keys: &KeyRing,
    key_id: &str,
    prev_hash: &str,
    seq: i64,
    at: &str,
    user_id: Option<i64>,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: &str,
) -> Option<String> {
    let seq = seq.to_string();
    let user = user_id.map(|u| u.to_string()).unwrap_or_default();
    let entity_id = entity_id.map(|u| u.to_string()).unwrap_or_default();
    keys.sign_as(
        key_id,
        &[
            b"audit",
            prev_hash.as_bytes(),
            seq.as_bytes(),
            at.as_bytes(),
            user.as_bytes(),
            action.as_bytes(),
            entity.as_bytes(),
            entity_id.as_bytes(),
            detail.as_bytes(),
            key_id.as_bytes(),
        ],
    )
    .map(hex::encode)
}

/// JSON with object keys sorted at every level, so that the same detail
/// always gives the same text (and hash). Written straight from `v`: the
/// detail of every change passes through here inside its transaction.
pub fn canonical_json(v: &Value) -> String {
    fn put(out: &mut Vec<u8>, v: &Value) {
        match v {
            Value::Object(m) => {
                let mut entries: Vec<(&String, &Value)> = m.iter().collect();
                entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
                out.push(b'{');
                for (i, (k, v)) in entries.into_iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    let _ = serde_json::to_writer(&mut *out, k);
                    out.push(b':');
                    put(out, v);
                }
                out.push(b'}');
            }
            Value::Array(a) => {
                out.push(b'[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    put(out, v);
                }
                out.push(b']');
            }
            other => {
                let _ = serde_json::to_writer(&mut *out, other);
            }
        }
    }
    let mut out = Vec::with_capacity(1024);
    put(&mut out, v);
    String::from_utf8(out).unwrap_or_default()
}

/// Whether the log has a row about `entity` number `id` (its index by
/// entity): a row the log speaks of was written once, whatever its table
/// holds now.
pub fn mentions(r: &Read<'_>, entity: &str, id: i64) -> Result<bool, StoreError> {
    Ok(
        r.cached("SELECT EXISTS (SELECT 1 FROM audit_log WHERE entity = ?1 AND entity_id = ?2)")?
            .query_row(rusqlite::params![entity, id], |row| row.get(0))?,
    )
}

/// The log's rows of `action`, oldest first: (seq, at, detail as JSON).
pub fn rows_of_action(
    r: &Read<'_>,
    action: &str,
) -> Result<Vec<(i64, String, serde_json::Value)>, StoreError> {
    let mut stmt = r
        .conn()
        .prepare_cached("SELECT seq, at, detail FROM audit_log WHERE action = ?1 ORDER BY seq")?;
    let rows = stmt.query_map([action], |row| {
        let detail: String = row.get(2)?;
        Ok((
            row.get(0)?,
            row.get(1)?,
            serde_json::from_str(&detail).unwrap_or(serde_json::Value::Null),
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A row of the log with the name of the user who wrote it, for reading.
#[derive(Debug, Clone)]
pub struct Logged {
    pub row: Row,
    /// The user's login name and full name, when a user wrote it.
    pub user: Option<(String, String)>,
}

/// The log's rows written from `from` (inclusive) to `to` (exclusive),
/// both "YYYY-MM-DD" of the office's time, oldest first.
pub fn rows_between(r: &Read<'_>, from: &str, to: &str) -> Result<Vec<Logged>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT a.seq, a.at, a.user_id, a.action, a.entity, a.entity_id, a.detail, \
                a.prev_hash, a.hash, a.key_id, u.name, u.full_name \
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id \
         WHERE a.at >= ?1 AND a.at < ?2 ORDER BY a.seq",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        let name: Option<String> = r.get(10)?;
        let full: Option<String> = r.get(11)?;
        Ok(Logged {
            row: read_row(r)?,
            user: name.map(|n| (n, full.unwrap_or_default())),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
