//! Rebuilding from the audit log what every state table must hold, and
//! naming each difference with what the tables hold now.
//!
//! Every write logs an image of each row it wrote (its key and MAC); an
//! import logs the people and lines it wrote in bulk as a range with a
//! keyed digest. Walking the chain once, the last image of each row is what
//! the row must be now: a row the log never wrote was added behind
//! chitra's back, a row it wrote and that is gone was deleted, a row whose
//! MAC is not the logged one was put back or replaced, and a row whose MAC
//! does not match its own columns was edited.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::audit::{self, ChainProblem, Head};
use super::rows::{self, MacCheck, Table};
use super::{Read, StoreError};

/// A difference between a table and what the log says it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The row's columns do not match its own MAC: edited outside chitra.
    Edited {
        table: Table,
        key: String,
        label: Option<String>,
    },
    /// The row's MAC names a key this office does not have.
    UnknownKey {
        table: Table,
        key: String,
        label: Option<String>,
    },
    /// The row has no MAC at all.
    Unsealed {
        table: Table,
        key: String,
        label: Option<String>,
    },
    /// The log never wrote this row: added outside chitra.
    NotInLog {
        table: Table,
        key: String,
        label: Option<String>,
    },
    /// The log wrote this row and it is gone: deleted outside chitra.
    Missing {
        table: Table,
        key: String,
        label: Option<String>,
    },
    /// The row is sealed, but not as the log last wrote it (an older
    /// version put back, or a row copied from elsewhere).
    NotAsLogged {
        table: Table,
        key: String,
        label: Option<String>,
    },
    /// People written by an import are not those it logged.
    BulkChanged { what: String, seq: i64 },
}

/// What the log and the tables were found to be.
#[derive(Debug, Clone, Default)]
pub struct Accounting {
    pub chain: Vec<ChainProblem>,
    pub rows: Vec<RowProblem>,
    /// Audit rows walked.
    pub audit_rows: i64,
    /// The last row of the chain.
    pub head: Option<Head>,
    /// Rows checked per table.
    pub counted: BTreeMap<&'static str, usize>,
}

/// A row by table and key.
type RowKey = (Table, String);
/// What the log last wrote of a row: its MAC and what people know it by.
type Logged = (String, Option<String>);

/// One import's bulk-written people, as logged.
struct Bulk {
    seq: i64,
    from: i64,
    to: i64,
    count: i64,
    digest: String,
}

/// Walks the chain and every state table on one snapshot.
pub fn account(r: &Read<'_>) -> Result<Accounting, StoreError> {
    let mut out = Accounting::default();
    // The MAC each row must have now, by table and key.
    let mut expected: HashMap<RowKey, Logged> = HashMap::new();
    // For people written in bulk and changed later: the MAC they were
    // first written with (the bulk digest covers those).
    let mut first_mac: HashMap<String, String> = HashMap::new();
    let mut bulks: Vec<Bulk> = Vec::new();
    let mut bulk_lines: i64 = 0;
    let mut head = None;
    let mut n = 0;
    out.chain = audit::walk(r, |row| {
        n += 1;
        head = Some(Head {
            seq: row.seq,
            hash: row.hash.clone(),
        });
        let detail: Value = serde_json::from_str(&row.detail).unwrap_or(Value::Null);
        if let Some(images) = detail.get("rows").and_then(Value::as_array) {
            for image in images {
                let (Some(t), Some(k), Some(mac)) = (
                    image
                        .get("t")
                        .and_then(Value::as_str)
                        .and_then(Table::from_name),
                    image.get("k").and_then(Value::as_str),
                    image.get("mac").and_then(Value::as_str),
                ) else {
                    continue;
                };
                if t == Table::People
                    && !expected.contains_key(&(t, k.to_string()))
                    && let Some(before) = image.get("before").and_then(Value::as_str)
                {
                    first_mac
                        .entry(k.to_string())
                        .or_insert_with(|| before.to_string());
                }
                let row = image.get("row");
                let label = label_of(t, |c| {
                    row.and_then(|r| r.get(c)).and_then(|v| match v {
                        Value::String(s) => Some(s.clone()),
                        Value::Number(n) => Some(n.to_string()),
                        _ => None,
                    })
                });
                expected.insert((t, k.to_string()), (mac.to_string(), label));
            }
        }
        if let Some(batch) = detail.get("batch") {
            let people = &batch["people"];
            if let (Some(from), Some(to), Some(count), Some(digest)) = (
                people["from"].as_i64(),
                people["to"].as_i64(),
                people["count"].as_i64(),
                people["digest"].as_str(),
            ) {
                bulks.push(Bulk {
                    seq: row.seq,
                    from,
                    to,
                    count,
                    digest: digest.to_string(),
                });
            }
            bulk_lines += batch["lines"]["count"].as_i64().unwrap_or(0);
        }
        Ok(())
    })?;
    out.audit_rows = n;
    out.head = head;

    let in_bulk = |id: i64| bulks.iter().any(|b| (b.from..=b.to).contains(&id));
    // People written in bulk, by id, with the MAC they were first written with.
    let mut bulk_people: BTreeMap<i64, String> = BTreeMap::new();
    for table in Table::ALL {
        let mut count = 0;
        rows::each(r.conn(), table, |stored| {
            count += 1;
            let key = stored.key.clone();
            let label = label_of(table, |c| {
                stored.columns.get(c).and_then(|v| match v {
                    rusqlite::types::Value::Text(s) => Some(s.clone()),
                    rusqlite::types::Value::Integer(i) => Some(i.to_string()),
                    _ => None,
                })
            });
            match rows::check(r.keys_for_check(), table, &stored) {
                MacCheck::Good => {}
                MacCheck::Wrong => out.rows.push(RowProblem::Edited {
                    table,
                    key: key.clone(),
                    label: label.clone(),
                }),
                MacCheck::Missing => out.rows.push(RowProblem::Unsealed {
                    table,
                    key: key.clone(),
                    label: label.clone(),
                }),
                MacCheck::UnknownKey(_) => out.rows.push(RowProblem::UnknownKey {
                    table,
                    key: key.clone(),
                    label: label.clone(),
                }),
            }
            let mac = stored.mac.clone().unwrap_or_default();
            let bulk_id = (table == Table::People)
                .then(|| key.parse::<i64>().ok())
                .flatten()
                .filter(|id| in_bulk(*id));
            if let Some(id) = bulk_id {
                let first = first_mac.get(&key).cloned();
                bulk_people.insert(id, first.clone().unwrap_or_else(|| mac.clone()));
                match expected.remove(&(table, key.clone())) {
                    Some((want, _)) if want != mac => {
                        out.rows.push(RowProblem::NotAsLogged { table, key, label })
                    }
                    _ => {}
                }
                return Ok(());
            }
            match expected.remove(&(table, key.clone())) {
                None => out.rows.push(RowProblem::NotInLog { table, key, label }),
                Some((want, _)) if want != mac => {
                    out.rows.push(RowProblem::NotAsLogged { table, key, label })
                }
                Some(_) => {}
            }
            Ok(())
        })?;
        out.counted.insert(table.name(), count);
    }
    let mut missing: Vec<(RowKey, Logged)> = expected.into_iter().collect();
    missing.sort_by(|a, b| a.0.cmp(&b.0));
    out.rows.extend(
        missing
            .into_iter()
            .map(|((table, key), (_, label))| RowProblem::Missing { table, key, label }),
    );
    for b in &bulks {
        let pairs: Vec<(i64, &str)> = bulk_people
            .range(b.from..=b.to)
            .map(|(id, mac)| (*id, mac.as_str()))
            .collect();
        let digest = super::people::seals_digest(pairs.iter().copied());
        if pairs.len() as i64 != b.count || digest != b.digest {
            out.rows.push(RowProblem::BulkChanged {
                what: format!("people {}–{}", b.from, b.to),
                seq: b.seq,
            });
        }
    }
    let lines: i64 = r
        .cached("SELECT count(*) FROM entitlements")?
        .query_row([], |row| row.get(0))?;
    if lines != bulk_lines {
        out.rows.push(RowProblem::BulkChanged {
            what: format!("entitlements: {lines} on file, {bulk_lines} logged"),
            seq: 0,
        });
    }
    Ok(out)
}

/// What a person reading the finding knows a row by: a receipt number, a
/// record code and name, a user name, a day.
fn label_of(table: Table, get: impl Fn(&str) -> Option<String>) -> Option<String> {
    match table {
        Table::Payments => get("receipt_no"),
        Table::People => match (get("record_code"), get("full_name")) {
            (Some(c), Some(n)) => Some(format!("{c} {n}")),
            (c, n) => c.or(n),
        },
        Table::Users => get("name"),
        Table::Proxies => get("full_name"),
        Table::DrawerMoves | Table::DrawerCounts => get("day"),
        Table::ImportBatches => get("file_name"),
        _ => None,
    }
}

/// Lines of SQLite's own integrity check that are not "ok".
pub fn integrity(r: &Read<'_>) -> Result<Vec<String>, StoreError> {
    let mut stmt = r.conn().prepare("PRAGMA integrity_check")?;
    let lines = stmt.query_map([], |row| row.get::<_, String>(0))?;
    let mut out = Vec::new();
    for line in lines {
        let line = line?;
        if line != "ok" {
            out.push(line);
        }
    }
    Ok(out)
}

/// How a database's schema differs from this version's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaProblem {
    /// A table, index, view or trigger of this version is not there.
    Missing { kind: String, name: String },
    /// It is there, but not as this version made it.
    Changed { kind: String, name: String },
    /// Something this version never made.
    Extra { kind: String, name: String },
}

impl SchemaProblem {
    /// Whether it takes away or adds a rule of what writes do: anything
    /// missing or changed, or a trigger or view added. A table or index
    /// chitra never made (a reference table, a report's helper) changes no
    /// rule; `verify` still names it.
    pub fn breaks_a_rule(&self) -> bool {
        match self {
            SchemaProblem::Extra { kind, .. } => kind == "trigger" || kind == "view",
            _ => true,
        }
    }

    /// The name of the table, index, view or trigger concerned.
    pub fn name(&self) -> &str {
        match self {
            SchemaProblem::Missing { name, .. }
            | SchemaProblem::Changed { name, .. }
            | SchemaProblem::Extra { name, .. } => name,
        }
    }
}

/// Compares the database's schema with this version's.
pub fn schema(r: &Read<'_>) -> Result<Vec<SchemaProblem>, StoreError> {
    schema_problems(r.conn())
}

/// [`schema`] on a connection (inside the write that checks it).
pub(super) fn schema_problems(
    conn: &rusqlite::Connection,
) -> Result<Vec<SchemaProblem>, StoreError> {
    let want = super::migrations::expected()?;
    let have = super::migrations::schema_of(conn)?;
    let have_map: HashMap<(&str, &str), &str> = have
        .iter()
        .map(|(t, n, s)| ((t.as_str(), n.as_str()), s.as_str()))
        .collect();
    let want_map: HashMap<(&str, &str), &str> = want
        .iter()
        .map(|(t, n, s)| ((t.as_str(), n.as_str()), s.as_str()))
        .collect();
    let mut out = Vec::new();
    for (t, n, s) in want {
        match have_map.get(&(t.as_str(), n.as_str())) {
            None => out.push(SchemaProblem::Missing {
                kind: t.clone(),
                name: n.clone(),
            }),
            Some(h) if squash(h) != squash(s) => out.push(SchemaProblem::Changed {
                kind: t.clone(),
                name: n.clone(),
            }),
            Some(_) => {}
        }
    }
    for (t, n, _) in &have {
        if !want_map.contains_key(&(t.as_str(), n.as_str())) {
            out.push(SchemaProblem::Extra {
                kind: t.clone(),
                name: n.clone(),
            });
        }
    }
    Ok(out)
}

/// SQL text with runs of white space made one space.
fn squash(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Entitlement lines paid by more than one standing payment, with the
/// receipts that paid them.
pub fn paid_twice(r: &Read<'_>) -> Result<Vec<(i64, Vec<String>)>, StoreError> {
    let mut stmt = r.cached(
        "SELECT pl.entitlement_id, group_concat(p.receipt_no, ', ') FROM payment_lines pl
         JOIN payments p ON p.id = pl.payment_id
         WHERE NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pl.payment_id)
         GROUP BY pl.entitlement_id HAVING count(*) > 1",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, receipts) = row?;
        out.push((id, receipts.split(", ").map(str::to_string).collect()));
    }
    Ok(out)
}

/// Payments whose total is not the sum of their lines (receipt numbers).
pub fn totals_not_lines(r: &Read<'_>) -> Result<Vec<String>, StoreError> {
    let mut stmt = r.cached(
        "SELECT p.receipt_no FROM payments p
         WHERE p.total IS NOT (SELECT sum(amount) FROM payment_lines WHERE payment_id = p.id)
         ORDER BY p.id",
    )?;
    let rows = stmt.query_map([], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every receipt as numbered: (office, year, sequence, number), in order.
pub fn receipts(r: &Read<'_>) -> Result<Vec<(String, i32, i64, String)>, StoreError> {
    let mut stmt = r.cached(
        "SELECT office_code, receipt_year, receipt_seq, receipt_no FROM payments
         ORDER BY office_code, receipt_year, receipt_seq",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
