//! The append-only audit log, hash-chained.
//!
//! Every change chitra makes writes one audit row in the same transaction.
//! Row `n` stores `hash = sha256(prev_hash ‖ "\n" ‖ canonical(row n))`, where
//! `prev_hash` is row `n-1`'s hash (64 zeros for the first row) and the
//! canonical form is a JSON array of the row's columns. Changing, removing or
//! inserting a row anywhere breaks every later link unless the whole tail is
//! rewritten — and the head (sequence and hash) is printed on each closed
//! day's report and stored with the close, so a rewrite shows there too.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::StoreError;

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
}

/// What is wrong with the chain, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainProblem {
    /// Sequence numbers jump: rows were removed (or inserted out of order).
    Gap { after: i64, next: i64 },
    /// A row's stored `prev_hash` is not the previous row's hash.
    BrokenLink { seq: i64 },
    /// A row's content no longer matches its hash: it was edited.
    Edited { seq: i64 },
}

/// Appends one audit row; call inside the transaction that makes the change.
pub fn append(
    conn: &Connection,
    at: &str,
    user_id: Option<i64>,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: &Value,
) -> Result<Head, StoreError> {
    let prev = head(conn)?;
    let (seq, prev_hash) = match prev {
        Some(h) => (h.seq + 1, h.hash),
        None => (1, GENESIS.to_string()),
    };
    let detail = canonical_json(detail);
    let hash = row_hash(
        &prev_hash, seq, at, user_id, action, entity, entity_id, &detail,
    );
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash])?;
    Ok(Head { seq, hash })
}

/// The current head of the chain, if any row exists.
pub fn head(conn: &Connection) -> Result<Option<Head>, StoreError> {
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
pub fn hash_at(conn: &Connection, seq: i64) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT hash FROM audit_log WHERE seq = ?1", [seq], |r| {
            r.get(0)
        })
        .optional()?)
}

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
    })
}

/// Walks the whole chain and reports every problem found, in order.
pub fn verify_chain(conn: &Connection) -> Result<Vec<ChainProblem>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash
         FROM audit_log ORDER BY seq",
    )?;
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
        let want = row_hash(
            &row.prev_hash,
            row.seq,
            &row.at,
            row.user_id,
            &row.action,
            &row.entity,
            row.entity_id,
            &row.detail,
        );
        if want != row.hash {
            problems.push(ChainProblem::Edited { seq: row.seq });
        }
        last_seq = row.seq;
        last_hash = row.hash;
    }
    Ok(problems)
}

#[allow(clippy::too_many_arguments)]
fn row_hash(
    prev_hash: &str,
    seq: i64,
    at: &str,
    user_id: Option<i64>,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: &str,
) -> String {
    let canonical = serde_json::to_string(&(seq, at, user_id, action, entity, entity_id, detail))
        .expect("a tuple of strings and integers always serialises");
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(canonical.as_bytes());
    hex::encode(h.finalize())
}

/// JSON with object keys sorted at every level, so that the same detail
/// always gives the same text (and hash).
pub fn canonical_json(v: &Value) -> String {
    fn sorted(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                let mut out = serde_json::Map::new();
                for k in keys {
                    out.insert(k.clone(), sorted(&m[k]));
                }
                Value::Object(out)
            }
            Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    serde_json::to_string(&sorted(v)).expect("a JSON value always serialises")
}
