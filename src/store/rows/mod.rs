//! Rows that carry their own seal, and the images of them the audit log
//! keeps.
//!
//! Every row of a state table (users, people, proxies, payments, drawers,
//! closed days, …) has a `mac` column: a keyed MAC (see [`super::key`]) over
//! the table, the row's key and every other column. A row changed with
//! `sqlite3` behind chitra's back no longer matches its MAC, and nobody
//! without the key can make a new one. Every write also hands the audit log
//! an *image* of each row it wrote (its columns and MAC), so `verify` can
//! rebuild from the log what every table must hold and name each
//! difference — a row deleted, added, or put back as it was before.
//!
//! Rows are written here and only here: [`insert`] and [`update`] take
//! every column as a typed value, seal the row and return its [`Image`],
//! which the caller must put in an audit event (see [`super::Write`]).

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension};
use serde_json::json;

use super::StoreError;
use super::key::KeyRing;
mod mac;
pub use mac::{mac_of, push_seal};

/// The tables whose rows carry a MAC, with the column(s) that name a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Users,
    Periods,
    ImportBatches,
    ImportTotals,
    People,
    Proxies,
    ClosedDays,
    Payments,
    PaymentLines,
    Reversals,
    DrawerMoves,
    DrawerCounts,
    DrawerCountReasons,
    Registrations,
    AccountSteps,
    UnpaidReasons,
    Stops,
    LineReplacements,
    BankBatches,
    BankBatchLines,
    BankResults,
    BankOutcomes,
    HomeRounds,
    HomeRoundLines,
    HomeRoundIssues,
    HomeRoundOutcomes,
    HomeRoundReturns,
    HomeRoundCloses,
    IncreaseStarts,
    Heirs,
    DeathReportChecks,
    /// Entitlement lines: sealed row by row, but written in bulk and
    /// logged by their batch's digest, not by images, so not among
    /// [`Table::ALL`], the tables `verify` rebuilds from the log.
    Entitlements,
}

impl Table {
    pub const ALL: [Table; 31] = [
        Table::Users,
        Table::Periods,
        Table::ImportBatches,
        Table::ImportTotals,
        Table::People,
        Table::Proxies,
        Table::ClosedDays,
        Table::Payments,
        Table::PaymentLines,
        Table::Reversals,
        Table::DrawerMoves,
        Table::DrawerCounts,
        Table::DrawerCountReasons,
        Table::Registrations,
        Table::AccountSteps,
        Table::UnpaidReasons,
        Table::Stops,
        Table::LineReplacements,
        Table::BankBatches,
        Table::BankBatchLines,
        Table::BankResults,
        Table::BankOutcomes,
        Table::HomeRounds,
        Table::HomeRoundLines,
        Table::HomeRoundIssues,
        Table::HomeRoundOutcomes,
        Table::HomeRoundReturns,
        Table::HomeRoundCloses,
        Table::IncreaseStarts,
        Table::Heirs,
        Table::DeathReportChecks,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Table::Users => "users",
            Table::Periods => "periods",
            Table::ImportBatches => "import_batches",
            Table::ImportTotals => "import_totals",
            Table::People => "people",
            Table::Proxies => "proxies",
            Table::ClosedDays => "closed_days",
            Table::Payments => "payments",
            Table::PaymentLines => "payment_lines",
            Table::Reversals => "reversals",
            Table::DrawerMoves => "drawer_moves",
            Table::DrawerCounts => "drawer_counts",
            Table::DrawerCountReasons => "drawer_count_reasons",
            Table::Registrations => "registrations",
            Table::AccountSteps => "account_steps",
            Table::UnpaidReasons => "unpaid_reasons",
            Table::Stops => "stops",
            Table::LineReplacements => "line_replacements",
            Table::BankBatches => "bank_batches",
            Table::BankBatchLines => "bank_batch_lines",
            Table::BankResults => "bank_results",
            Table::BankOutcomes => "bank_outcomes",
            Table::HomeRounds => "home_rounds",
            Table::HomeRoundLines => "home_round_lines",
            Table::HomeRoundIssues => "home_round_issues",
            Table::HomeRoundOutcomes => "home_round_outcomes",
            Table::HomeRoundReturns => "home_round_returns",
            Table::HomeRoundCloses => "home_round_closes",
            Table::IncreaseStarts => "increase_starts",
            Table::Heirs => "heirs",
            Table::DeathReportChecks => "death_report_checks",
            Table::Entitlements => "entitlements",
        }
    }

    pub fn from_name(s: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == s)
    }

    /// The column(s) whose values name a row.
    pub fn key_columns(self) -> &'static [&'static str] {
        match self {
            Table::Periods => &["period"],
            Table::ImportTotals => &["batch_id"],
            Table::ClosedDays => &["day"],
            Table::PaymentLines => &["payment_id", "entitlement_id"],
            Table::DrawerCountReasons => &["count_id"],
            Table::LineReplacements => &["entitlement_id"],
            _ => &["id"],
        }
    }

    /// Columns kept in the log only as a digest (a PIN hash is not copied
    /// into every audit row that touches its user).
    fn digest_only(self, column: &str) -> bool {
        matches!((self, column), (Table::Users, "pin_hash"))
    }
}

/// What the log keeps of one row as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub table: Table,
    /// The row's key: its key columns' values joined by "/".
    pub key: String,
    pub mac: String,
    /// The MAC of the row before this write, for an update.
    pub before: Option<String>,
    /// Every column but `mac`, for the log (digest-only columns digested).
    pub row: serde_json::Value,
}

impl Image {
    pub fn to_json(&self) -> serde_json::Value {
        let mut v =
            json!({ "t": self.table.name(), "k": self.key, "mac": self.mac, "row": self.row });
        if let Some(b) = &self.before {
            v["before"] = json!(b);
        }
        v
    }
}

/// A row as read back: its columns (without `mac`) by name, and its MAC.
#[derive(Debug, Clone)]
pub struct Stored {
    pub key: String,
    pub columns: BTreeMap<String, Value>,
    pub mac: Option<String>,
}

/// The columns of each table but `mac`, sorted by name (read once from the
/// schema; every database of this version has the same).
fn columns(conn: &Connection, table: Table) -> Result<Vec<String>, StoreError> {
    static CACHE: OnceLock<Mutex<BTreeMap<Table, Vec<String>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(c) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&table) {
        return Ok(c.clone());
    }
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({})", table.name()))?;
    let mut cols: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(1))?
        .collect::<Result<_, _>>()?;
    cols.retain(|c| c != "mac");
    cols.sort();
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(table, cols.clone());
    Ok(cols)
}

/// A MAC names the key that made it: "k1:…".
pub fn seal(keys: &KeyRing, table: Table, key: &str, row: &BTreeMap<String, Value>) -> String {
    let mac = mac_of(
        keys,
        None,
        table,
        key,
        row.iter().map(|(k, v)| (k.as_str(), ValueRef::from(v))),
    )
    .unwrap_or_default();
    format!("{}:{mac}", keys.current_id())
}

/// Whether a stored MAC ("k1:…") matches the row, under the key it names.
pub fn check(keys: &KeyRing, table: Table, stored: &Stored) -> MacCheck {
    let Some(mac) = &stored.mac else {
        return MacCheck::Missing;
    };
    let Some((id, hexmac)) = mac.split_once(':') else {
        return MacCheck::Wrong;
    };
    match mac_of(
        keys,
        Some(id),
        table,
        &stored.key,
        stored
            .columns
            .iter()
            .map(|(k, v)| (k.as_str(), ValueRef::from(v))),
    ) {
        None => MacCheck::UnknownKey(id.to_string()),
        Some(m) if m == hexmac => MacCheck::Good,
        Some(_) => MacCheck::Wrong,
    }
}

/// What [`check`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MacCheck {
    Good,
    Missing,
    Wrong,
    UnknownKey(String),
}

/// A row's columns as the log shows them.
pub fn row_json(table: Table, row: &BTreeMap<String, Value>) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (k, v) in row {
        let j = match v {
            Value::Null => serde_json::Value::Null,
            Value::Integer(i) => json!(i),
            Value::Real(f) => json!(f),
            Value::Text(t) if table.digest_only(k) => {
                use sha2::{Digest, Sha256};
                json!(format!(
                    "sha256:{}",
                    hex::encode(Sha256::digest(t.as_bytes()))
                ))
            }
            Value::Text(t) => json!(t),
            Value::Blob(b) => json!(hex::encode(b)),
        };
        m.insert(k.clone(), j);
    }
    serde_json::Value::Object(m)
}

fn key_of(table: Table, row: &BTreeMap<String, Value>) -> Result<String, StoreError> {
    let mut parts = Vec::new();
    for c in table.key_columns() {
        match row.get(*c) {
            Some(Value::Integer(i)) => parts.push(i.to_string()),
            Some(Value::Text(t)) => parts.push(t.clone()),
            _ => {
                return Err(StoreError::Program {
                    what: format!("{}: key column {c} missing", table.name()),
                });
            }
        }
    }
    Ok(parts.join("/"))
}

/// The WHERE clause naming a row by its key columns (`?1`, `?2`).
fn where_key(table: Table) -> String {
    table
        .key_columns()
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The key's values as bound parameters.
fn key_params(table: Table, key: &str) -> Vec<Value> {
    let cols = table.key_columns();
    let parts: Vec<&str> = if cols.len() == 1 {
        vec![key]
    } else {
        key.splitn(cols.len(), '/').collect()
    };
    cols.iter()
        .zip(parts)
        .map(|(c, p)| match (*c, p.parse::<i64>()) {
            ("period" | "day", _) => Value::Text(p.to_string()),
            (_, Ok(i)) => Value::Integer(i),
            (_, Err(_)) => Value::Text(p.to_string()),
        })
        .collect()
}

/// Writes a new row with every column given (in any order) and seals it.
pub(super) fn insert(
    conn: &Connection,
    keys: &KeyRing,
    table: Table,
    values: &[(&str, Value)],
) -> Result<Image, StoreError> {
    let cols = columns(conn, table)?;
    let row: BTreeMap<String, Value> = values
        .iter()
        .map(|(k, v)| ((*k).to_string(), v.clone()))
        .collect();
    if row.len() != values.len() || row.keys().ne(cols.iter()) {
        return Err(StoreError::Program {
            what: format!(
                "{}: columns {:?} given, {:?} expected",
                table.name(),
                row.keys().collect::<Vec<_>>(),
                cols
            ),
        });
    }
    let key = key_of(table, &row)?;
    let mac = seal(keys, table, &key, &row);
    let names: Vec<&str> = row.keys().map(String::as_str).collect();
    let sql = format!(
        "INSERT INTO {} ({}, mac) VALUES ({})",
        table.name(),
        names.join(", "),
        (1..=names.len() + 1)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut params: Vec<&dyn rusqlite::ToSql> =
        row.values().map(|v| v as &dyn rusqlite::ToSql).collect();
    params.push(&mac);
    conn.prepare_cached(&sql)?.execute(params.as_slice())?;
    Ok(Image {
        table,
        key,
        mac,
        before: None,
        row: row_json(table, &row),
    })
}

/// Reads one row by its key.
pub fn read(conn: &Connection, table: Table, key: &str) -> Result<Option<Stored>, StoreError> {
    let sql = format!("SELECT * FROM {} WHERE {}", table.name(), where_key(table));
    let mut stmt = conn.prepare_cached(&sql)?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let params = key_params(table, key);
    let found = stmt
        .query_row(rusqlite::params_from_iter(params.iter()), |r| {
            stored_from(&names, r)
        })
        .optional()?;
    Ok(found.map(|(columns, mac)| Stored {
        key: key.to_string(),
        columns,
        mac,
    }))
}

type Columns = (BTreeMap<String, Value>, Option<String>);

fn stored_from(names: &[String], r: &rusqlite::Row<'_>) -> rusqlite::Result<Columns> {
    let mut columns = BTreeMap::new();
    let mut mac = None;
    for (i, n) in names.iter().enumerate() {
        let v: Value = r.get(i)?;
        if n == "mac" {
            mac = match v {
                Value::Text(t) => Some(t),
                _ => None,
            };
        } else {
            columns.insert(n.clone(), v);
        }
    }
    Ok((columns, mac))
}

/// Calls `f` with every row of `table`, in key order.
pub fn each(
    conn: &Connection,
    table: Table,
    mut f: impl FnMut(Stored) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let order = table.key_columns().join(", ");
    let sql = format!("SELECT * FROM {} ORDER BY {order}", table.name());
    let mut stmt = conn.prepare(&sql)?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (columns, mac) = stored_from(&names, r)?;
        let key = key_of(table, &columns)?;
        f(Stored { key, columns, mac })?;
    }
    Ok(())
}

/// Changes some columns of a row and seals it again; the image says what
/// the row was sealed as before. Refuses a row whose seal does not match
/// (changed behind chitra's back): nothing is built on a forged row.
pub(super) fn update(
    conn: &Connection,
    keys: &KeyRing,
    table: Table,
    key: &str,
    changes: &[(&str, Value)],
) -> Result<Image, StoreError> {
    let stored = read(conn, table, key)?.ok_or_else(|| StoreError::Program {
        what: format!("{}: no row {key} to update", table.name()),
    })?;
    if check(keys, table, &stored) != MacCheck::Good {
        return Err(StoreError::Tampered {
            table: table.name(),
            key: key.to_string(),
        });
    }
    let before = stored.mac.clone();
    let mut row = stored.columns;
    for (c, v) in changes {
        match row.get_mut(*c) {
            Some(slot) => *slot = v.clone(),
            None => {
                return Err(StoreError::Program {
                    what: format!("{}: no column {c}", table.name()),
                });
            }
        }
    }
    let mac = seal(keys, table, key, &row);
    let sets: Vec<String> = changes
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{c} = ?{}", i + 1))
        .collect();
    let n = changes.len();
    let key_cols = table.key_columns();
    let sql = format!(
        "UPDATE {} SET {}, mac = ?{} WHERE {}",
        table.name(),
        sets.join(", "),
        n + 1,
        key_cols
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c} = ?{}", n + 2 + i))
            .collect::<Vec<_>>()
            .join(" AND ")
    );
    let kp = key_params(table, key);
    let mut params: Vec<&dyn rusqlite::ToSql> = changes
        .iter()
        .map(|(_, v)| v as &dyn rusqlite::ToSql)
        .collect();
    params.push(&mac);
    for p in &kp {
        params.push(p);
    }
    conn.prepare_cached(&sql)?.execute(params.as_slice())?;
    Ok(Image {
        table,
        key: key.to_string(),
        mac,
        before,
        row: row_json(table, &row),
    })
}

/// The next free integer id of a table (inside the caller's write
/// transaction, which is the only writer).
pub(super) fn next_id(conn: &Connection, table: Table) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT coalesce(max(id), 0) + 1 FROM {}",
            table.name()
        ))?
        .query_row([], |r| r.get(0))?)
}

/// Shorthands for the typed values rows are written with.
pub fn int(v: i64) -> Value {
    Value::Integer(v)
}

pub fn text(v: impl Into<String>) -> Value {
    Value::Text(v.into())
}

pub fn opt_text(v: Option<impl Into<String>>) -> Value {
    v.map_or(Value::Null, |t| Value::Text(t.into()))
}

pub fn opt_int(v: Option<i64>) -> Value {
    v.map_or(Value::Null, Value::Integer)
}
