//! `chitra verify`: proof that nothing was changed after the fact.
//!
//! Checks, in order: SQLite's own integrity check; the whole audit hash
//! chain; every payment and reversal against the audit row that recorded
//! it (so an edited or deleted row shows); no entitlement paid twice;
//! payment totals equal their lines; receipt numbers without gaps or
//! duplicates and written as their sequence says; every closed day's
//! stored totals equal a recomputation and its seal equals the chain; every
//! import batch's lines equal the digest taken when it was imported.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{Error, Service};
use crate::domain::payment::receipt_no;
use crate::domain::report;
use crate::store::audit::{self, ChainProblem};
use crate::store::{days, imports, payments};

/// Something `verify` found wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A line of SQLite's integrity check.
    Integrity(String),
    Chain(ChainProblem),
    /// An entitlement line paid by more than one standing payment.
    PaidTwice {
        entitlement_id: i64,
        receipts: Vec<String>,
    },
    /// A payment with no audit row recording it.
    PaymentNotAudited {
        receipt_no: String,
    },
    /// A payment whose row differs from what its audit row recorded.
    PaymentChanged {
        receipt_no: String,
        field: String,
    },
    /// An audit row records a payment that is no longer there.
    PaymentMissing {
        payment_id: i64,
        receipt_no: String,
        audit_seq: i64,
    },
    /// A reversal with no audit row recording it.
    ReversalNotAudited {
        receipt_no: String,
    },
    /// A payment's total is not the sum of its lines.
    TotalNotLines {
        receipt_no: String,
    },
    /// Receipt numbers missing from a year's sequence.
    ReceiptGap {
        office: String,
        year: i32,
        from: i64,
        to: i64,
    },
    /// A receipt number that does not match its sequence.
    ReceiptForged {
        receipt_no: String,
        expected: String,
    },
    /// A closed day's stored totals differ from a recomputation.
    ClosedDayTotals {
        day: String,
    },
    /// A closed day's seal is not the chain's hash at that point.
    ClosedDaySeal {
        day: String,
        seq: i64,
    },
    /// An import batch's lines changed after the import.
    BatchChanged {
        batch_id: i64,
        file: String,
    },
}

/// What `verify` looked at and found.
#[derive(Debug, Clone, Default)]
pub struct Verification {
    pub findings: Vec<Finding>,
    pub audit_rows: i64,
    pub payments: i64,
    pub closed_days: usize,
    pub batches: usize,
}

impl Verification {
    pub fn ok(&self) -> bool {
        self.findings.is_empty()
    }
}

impl Service {
    pub fn verify(&self) -> Result<Verification, Error> {
        let conn = self.store.conn();
        let mut v = Verification::default();
        let prefix = &self.config.receipt.prefix;

        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                v.findings.push(Finding::Integrity(line));
            }
        }
        v.findings
            .extend(audit::verify_chain(conn)?.into_iter().map(Finding::Chain));
        v.audit_rows = conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;

        // Payments against the audit rows that recorded them.
        let mut recorded: BTreeMap<i64, (i64, Value)> = BTreeMap::new();
        let mut reversed: BTreeMap<i64, i64> = BTreeMap::new();
        let mut stmt = conn.prepare(
            "SELECT seq, action, entity_id, detail FROM audit_log
             WHERE entity = 'payment' AND action IN ('payment.create', 'payment.reverse') ORDER BY seq",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })? {
            let (seq, action, id, detail) = row?;
            let Some(id) = id else { continue };
            if action == "payment.create" {
                recorded.insert(
                    id,
                    (seq, serde_json::from_str(&detail).unwrap_or(Value::Null)),
                );
            } else {
                reversed.insert(id, seq);
            }
        }
        let ids: Vec<i64> = conn
            .prepare("SELECT id FROM payments ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        v.payments = ids.len() as i64;
        for id in &ids {
            let Some(p) = payments::record(conn, *id)? else {
                continue;
            };
            match recorded.get(id) {
                None => v.findings.push(Finding::PaymentNotAudited {
                    receipt_no: p.receipt_no.clone(),
                }),
                Some((_, d)) => {
                    let lines: Vec<(i64, i64)> = p
                        .lines
                        .iter()
                        .map(|l| (l.entitlement_id, l.amount.dong()))
                        .collect();
                    let audited_lines: Vec<(i64, i64)> = d["lines"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .map(|l| {
                                    (
                                        l["entitlement_id"].as_i64().unwrap_or(-1),
                                        l["amount"].as_i64().unwrap_or(-1),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    let checks: [(&str, bool); 6] = [
                        (
                            "receipt_no",
                            d["receipt_no"].as_str() == Some(p.receipt_no.as_str()),
                        ),
                        ("total", d["total"].as_i64() == Some(p.total.dong())),
                        ("person_id", d["person_id"].as_i64() == Some(p.person_id)),
                        ("method", d["method"].as_str() == Some(p.method.code())),
                        (
                            "receiver_id_number",
                            d["receiver_id_number"].as_str() == Some(p.receiver_id_number.as_str()),
                        ),
                        ("lines", sorted(audited_lines) == sorted(lines)),
                    ];
                    for (field, same) in checks {
                        if !same {
                            v.findings.push(Finding::PaymentChanged {
                                receipt_no: p.receipt_no.clone(),
                                field: field.into(),
                            });
                        }
                    }
                }
            }
            if p.reversal.is_some() && !reversed.contains_key(id) {
                v.findings.push(Finding::ReversalNotAudited {
                    receipt_no: p.receipt_no.clone(),
                });
            }
            let sum: i64 = p.lines.iter().map(|l| l.amount.dong()).sum();
            if sum != p.total.dong() {
                v.findings.push(Finding::TotalNotLines {
                    receipt_no: p.receipt_no.clone(),
                });
            }
        }
        for (id, (seq, d)) in &recorded {
            if ids.binary_search(id).is_err() {
                v.findings.push(Finding::PaymentMissing {
                    payment_id: *id,
                    receipt_no: d["receipt_no"].as_str().unwrap_or("?").to_string(),
                    audit_seq: *seq,
                });
            }
        }

        // No line paid twice.
        let mut stmt = conn.prepare(
            "SELECT pl.entitlement_id, group_concat(p.receipt_no, ', ') FROM payment_lines pl
             JOIN payments p ON p.id = pl.payment_id
             WHERE NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pl.payment_id)
             GROUP BY pl.entitlement_id HAVING count(*) > 1",
        )?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (entitlement_id, receipts) = row?;
            v.findings.push(Finding::PaidTwice {
                entitlement_id,
                receipts: receipts.split(", ").map(str::to_string).collect(),
            });
        }

        // Receipt numbers: 1, 2, 3, … per office and year, each written as
        // its sequence says.
        let mut stmt = conn.prepare("SELECT office_code, receipt_year, receipt_seq, receipt_no FROM payments ORDER BY office_code, receipt_year, receipt_seq")?;
        let mut last: Option<(String, i32, i64)> = None;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i32>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
            ))
        })? {
            let (office, year, seq, no) = row?;
            let expect = match &last {
                Some((o, y, s)) if *o == office && *y == year => s + 1,
                _ => 1,
            };
            if seq > expect {
                v.findings.push(Finding::ReceiptGap {
                    office: office.clone(),
                    year,
                    from: expect,
                    to: seq - 1,
                });
            }
            let written = receipt_no(prefix, year, seq);
            if no != written {
                v.findings.push(Finding::ReceiptForged {
                    receipt_no: no,
                    expected: written,
                });
            }
            last = Some((office, year, seq));
        }

        // Closed days: stored totals and seals.
        let closed = days::closed_days(conn)?;
        v.closed_days = closed.len();
        for day in closed {
            let Some(c) = days::closed(conn, &day)? else {
                continue;
            };
            let now = report::compute(&days::facts(conn, &day)?).totals_json();
            if now != c.totals {
                v.findings
                    .push(Finding::ClosedDayTotals { day: day.clone() });
            }
            let chain = if c.seal.seq == 0 {
                Some(audit::GENESIS.to_string())
            } else {
                audit::hash_at(conn, c.seal.seq)?
            };
            if chain.as_deref() != Some(c.seal.hash.as_str()) {
                v.findings.push(Finding::ClosedDaySeal {
                    day,
                    seq: c.seal.seq,
                });
            }
        }

        // Import batches: their lines as imported.
        let batches = imports::all(conn)?;
        v.batches = batches.len();
        for b in batches {
            if imports::recompute_digest(conn, b.id)? != b.lines_digest {
                v.findings.push(Finding::BatchChanged {
                    batch_id: b.id,
                    file: b.file_name,
                });
            }
        }
        Ok(v)
    }
}

fn sorted(mut v: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    v.sort_unstable();
    v
}
