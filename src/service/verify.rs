//! `chitra verify`: proof that nothing was changed after the fact.
//!
//! On one snapshot: SQLite's own integrity check; the schema against this
//! version's (a rule dropped with another tool shows); the keyed audit
//! chain; every row of every state table against what the log says it
//! must be (see [`crate::store::replay`]); the head anchor beside the
//! database (a cut tail of history shows); no entitlement paid twice;
//! payment totals equal their lines; receipt numbers without gaps; every
//! closed day's totals, seal and link to the day before; every import
//! batch's lines as imported; and seals copied from paper.

use std::collections::BTreeMap;

use super::{Error, Service};
use crate::domain::payment::receipt_no;
use crate::domain::report;
use crate::store::anchor::{self, Anchor};
use crate::store::audit::{self, ChainProblem};
use crate::store::replay::{self, RowProblem, SchemaProblem};
use crate::store::{days, imports};

/// Something `verify` found wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A line of SQLite's integrity check.
    Integrity(String),
    Schema(SchemaProblem),
    Chain(ChainProblem),
    Row(RowProblem),
    /// The anchor file is gone while the log has rows.
    AnchorMissing,
    /// The anchor file does not read or its signature is wrong.
    AnchorDamaged,
    /// The anchor names a row the chain no longer has, or with another
    /// hash: the end of the history was cut or rewritten.
    HistoryCut {
        anchored: i64,
        head: i64,
    },
    /// An entitlement line paid by more than one standing payment.
    PaidTwice {
        entitlement_id: i64,
        receipts: Vec<String>,
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
    /// A closed day's seal does not follow from what it seals, or the
    /// audit row it names is not in the chain as sealed.
    ClosedDaySeal {
        day: String,
    },
    /// A closed day's "previous seal" is not the seal of the day closed
    /// before it: a closed day was removed or put in between.
    SealChain {
        day: String,
    },
    /// An import batch's lines changed after the import.
    BatchChanged {
        batch_id: i64,
        file: String,
    },
    /// The backup made when the newest day was closed is missing or not
    /// whole.
    CloseBackup {
        day: String,
        file: String,
        missing: bool,
    },
    /// A row of the log written earlier than the row before it: the
    /// server's clock was set back (after rows were written ahead).
    ClockBack {
        seq: i64,
        at: String,
        before: String,
    },
    /// A row of the log written later than now: the clock was set ahead
    /// when it was written, or is behind now.
    ClockAhead {
        seq: i64,
        at: String,
    },
    /// A receipt in the print folder whose number no payment in the
    /// database has: the database was put back to an older copy (with
    /// its anchor), losing the payment the receipt was printed for.
    ReceiptFileWithoutPayment {
        receipt_no: String,
        file: String,
    },
    /// A seal copied from paper names a day the database has not closed.
    PaperDayOpen {
        day: String,
    },
    /// A seal copied from paper differs from the database's.
    PaperSealDiffers {
        day: String,
        paper: String,
        held: String,
    },
}

/// How far back a row's time may be from the row before it (rows take
/// their time before they wait for the write lock) or ahead of now.
const CLOCK_SLACK: i64 = 120;

/// The receipts in the print folder: (receipt number, file name) of each
/// file named `<prefix>-YYYY-NNNNNN.txt` or `…-N.txt` (a reprint).
fn receipt_files(dir: &std::path::Path, prefix: &str) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|name| {
            let stem = name.strip_suffix(".txt")?;
            let rest = stem.strip_prefix(prefix)?.strip_prefix('-')?;
            let (year, number) = rest.split_at_checked(4)?;
            let number = number.strip_prefix('-')?;
            let digits = number.split('-').next()?;
            let ok = year.bytes().all(|b| b.is_ascii_digit())
                && digits.len() >= 6
                && digits.bytes().all(|b| b.is_ascii_digit());
            ok.then(|| (format!("{prefix}-{year}-{digits}"), name.clone()))
        })
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// A seal as written on a signed day report: the day and its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperSeal {
    pub day: String,
    pub code: String,
}

impl PaperSeal {
    /// Reads "2026-12-05=ABCD-EFGH-JKMN-PQRS" (the code's dashes and case
    /// as typed); `None` when it is not a day and a seal code.
    pub fn parse(s: &str) -> Option<PaperSeal> {
        let (day, code) = s.split_once('=')?;
        let day = day.trim();
        chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
        Some(PaperSeal {
            day: day.to_string(),
            code: crate::domain::seal::normalise(code)?,
        })
    }
}

/// What the last seal covers and what only the key protects after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The newest sealed day and the audit row its seal reaches, and
    /// whether that seal was checked against paper in this run.
    pub sealed: Option<(String, i64, bool)>,
    /// The audit rows after the last seal, up to the head.
    pub after: Option<(i64, i64)>,
}

/// What `verify` looked at and found.
#[derive(Debug, Clone, Default)]
pub struct Verification {
    pub findings: Vec<Finding>,
    /// What is worth a look but changed nothing in the books (the clock
    /// set back or ahead while rows were written): said after the result,
    /// and no reason to refuse closing a day.
    pub notes: Vec<Finding>,
    pub audit_rows: i64,
    pub rows_checked: usize,
    pub payments: usize,
    pub closed_days: usize,
    pub batches: usize,
    /// The newest closed day and its seal (to compare with the paper).
    pub last_seal: Option<(String, String)>,
    pub coverage: Option<Coverage>,
    /// When the head anchor was found missing or damaged and written again
    /// (from the log's own record of it): (seq, at, "missing"/"damaged").
    /// Not a finding by itself — a restore from a backup does it too — but
    /// shown with every check, since cutting the log's end and removing the
    /// anchor would leave exactly this.
    pub anchor_rebuilt: Vec<(i64, String, String)>,
}

impl Verification {
    pub fn ok(&self) -> bool {
        self.findings.is_empty()
    }
}

impl Service {
    /// Checks everything; `paper` are seals copied from signed reports.
    pub fn verify(&self, paper: &[PaperSeal]) -> Result<Verification, Error> {
        let prefix = self.config.receipt.prefix.clone();
        let backup_dir = self.config.backup.dir.clone();
        // A copy being verified (chitra --db COPY verify) is not expected to
        // have the office's backups beside it.
        let own = self.store.path() == self.config.database.path;
        let spool_dir = self.config.receipt.spool_dir.clone();
        let now = self.clock.now();
        let anchor = anchor::read(&self.store.anchor_path(), self.store.keys());
        let checked = self.store.read(|r| {
            let mut v = Verification::default();
            v.findings
                .extend(replay::integrity(r)?.into_iter().map(Finding::Integrity));
            // The schema's findings come last: what changed in the books
            // matters first.
            let schema = replay::schema(r)?;

            let acc = replay::account(r)?;
            v.audit_rows = acc.audit_rows;
            v.rows_checked = acc.counted.values().sum();
            v.payments = acc.counted.get("payments").copied().unwrap_or(0);
            v.findings.extend(acc.chain.into_iter().map(Finding::Chain));
            v.findings.extend(acc.rows.into_iter().map(Finding::Row));
            match (&anchor, &acc.head) {
                (Anchor::Missing, Some(_)) => v.findings.push(Finding::AnchorMissing),
                (Anchor::Missing, None) => {}
                (Anchor::Damaged, _) => v.findings.push(Finding::AnchorDamaged),
                (Anchor::At(a), head) => {
                    let held = audit::hash_at(r, a.seq)?;
                    if held.as_deref() != Some(a.hash.as_str()) {
                        v.findings.push(Finding::HistoryCut {
                            anchored: a.seq,
                            head: head.as_ref().map_or(0, |h| h.seq),
                        });
                    }
                }
            }

            for (entitlement_id, receipts) in replay::paid_twice(r)? {
                v.findings.push(Finding::PaidTwice {
                    entitlement_id,
                    receipts,
                });
            }
            for receipt_no in replay::totals_not_lines(r)? {
                v.findings.push(Finding::TotalNotLines { receipt_no });
            }
            let mut last: Option<(String, i32, i64)> = None;
            let mut numbers: std::collections::HashSet<String> = Default::default();
            for (office, year, seq, no) in replay::receipts(r)? {
                numbers.insert(no.clone());
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
                let written = receipt_no(&prefix, year, seq);
                if no != written {
                    v.findings.push(Finding::ReceiptForged {
                        receipt_no: no,
                        expected: written,
                    });
                }
                last = Some((office, year, seq));
            }

            // Receipts printed that the books no longer hold.
            if own {
                for (receipt_no, file) in receipt_files(&spool_dir, &prefix) {
                    if !numbers.contains(&receipt_no) {
                        v.findings
                            .push(Finding::ReceiptFileWithoutPayment { receipt_no, file });
                    }
                }
            }

            // The clock: the log's times go forward, and none is ahead of now.
            let marks = audit::clock_marks(r, now, CLOCK_SLACK)?;
            for (seq, at, before) in marks.back {
                v.notes.push(Finding::ClockBack { seq, at, before });
            }
            if let Some((seq, at)) = marks.ahead {
                v.notes.push(Finding::ClockAhead { seq, at });
            }

            // Closed days: totals, seals and the chain of seals.
            let closed = days::closed_days(r)?;
            v.closed_days = closed.len();
            let mut prev_code: Option<String> = None;
            let mut held: BTreeMap<String, (String, i64)> = BTreeMap::new();
            for day in closed {
                let Some(c) = days::closed(r, &day)? else {
                    continue;
                };
                let now = report::compute(&days::facts(r, &day)?).totals_json();
                if now != c.totals {
                    v.findings
                        .push(Finding::ClosedDayTotals { day: day.clone() });
                }
                let report = days::sealed_report(r, &day)?.unwrap_or_default();
                let code = crate::domain::seal::code(
                    c.prev_code.as_deref(),
                    &day,
                    c.seal.seq,
                    &c.seal.hash,
                    &report,
                );
                let chain = if c.seal.seq == 0 {
                    Some(audit::GENESIS.to_string())
                } else {
                    audit::hash_at(r, c.seal.seq)?
                };
                if code != c.code || chain.as_deref() != Some(c.seal.hash.as_str()) {
                    v.findings.push(Finding::ClosedDaySeal { day: day.clone() });
                }
                if c.prev_code != prev_code {
                    v.findings.push(Finding::SealChain { day: day.clone() });
                }
                prev_code = Some(c.code.clone());
                held.insert(day.clone(), (c.code.clone(), c.seal.seq));
                v.last_seal = Some((day, c.code));
            }

            // The newest close's backup is there and whole (older ones
            // may have been pruned).
            if own
                && let Some((day, _)) = &v.last_seal
                && let Some(c) = days::closed(r, day)?
                && !c.backup.is_empty()
            {
                let path = backup_dir.join(&c.backup);
                if !path.is_file() {
                    v.findings.push(Finding::CloseBackup {
                        day: day.clone(),
                        file: c.backup.clone(),
                        missing: true,
                    });
                } else if crate::store::copy_seal(&path, day)
                    .ok()
                    .flatten()
                    .is_none_or(|held| held != c.code)
                {
                    v.findings.push(Finding::CloseBackup {
                        day: day.clone(),
                        file: c.backup.clone(),
                        missing: false,
                    });
                }
            }

            // Seals from paper.
            let mut newest_paper: Option<(String, i64)> = None;
            for p in paper {
                match held.get(&p.day) {
                    None => v
                        .findings
                        .push(Finding::PaperDayOpen { day: p.day.clone() }),
                    Some((code, _)) if *code != p.code => {
                        v.findings.push(Finding::PaperSealDiffers {
                            day: p.day.clone(),
                            paper: p.code.clone(),
                            held: code.clone(),
                        })
                    }
                    Some((_, seq)) => {
                        if newest_paper.as_ref().is_none_or(|(d, _)| *d < p.day) {
                            newest_paper = Some((p.day.clone(), *seq));
                        }
                    }
                }
            }
            let newest_held = held.iter().next_back().map(|(d, (_, s))| (d.clone(), *s));
            let sealed = match newest_paper {
                Some((d, s)) => Some((d, s, true)),
                None => newest_held.map(|(d, s)| (d, s, false)),
            };
            let head = acc.head.as_ref().map_or(0, |h| h.seq);
            let from = sealed.as_ref().map_or(0, |(_, s, _)| *s) + 1;
            v.coverage = Some(Coverage {
                after: (head >= from).then_some((from, head)),
                sealed,
            });

            let batches = imports::all(r)?;
            v.batches = batches.len();
            for b in batches {
                if imports::recompute_digest(r, b.id)? != b.lines_digest
                    || !imports::line_seals_hold(r, b.id)?
                {
                    v.findings.push(Finding::BatchChanged {
                        batch_id: b.id,
                        file: b.file_name,
                    });
                }
            }
            v.findings.extend(schema.into_iter().map(Finding::Schema));
            v.anchor_rebuilt = crate::store::audit::rows_of_action(r, "anchor.lost")?
                .into_iter()
                .map(|(seq, at, detail)| {
                    let found = detail["found"].as_str().unwrap_or("").to_string();
                    (seq, at, found)
                })
                .collect();
            Ok(v)
        });
        // The check's sorts opened the connection's temporary storage;
        // closed again here (outside any transaction), so a write later in
        // the same process, an import, can still choose where its sorts go
        // (`imports::spill_sorts_to_files`).
        self.store.close_temporary_storage()?;
        checked
    }
}

impl Finding {
    /// A stable machine name for the kind of finding (the `kind` of
    /// `verify --json`), whatever the wording of its message.
    pub fn kind(&self) -> &'static str {
        match self {
            Finding::Integrity(_) => "integrity",
            Finding::Schema(SchemaProblem::Missing { .. }) => "schema_missing",
            Finding::Schema(SchemaProblem::Changed { .. }) => "schema_changed",
            Finding::Schema(SchemaProblem::Extra { .. }) => "schema_extra",
            Finding::Chain(ChainProblem::Gap { .. }) => "chain_gap",
            Finding::Chain(ChainProblem::BrokenLink { .. }) => "chain_broken_link",
            Finding::Chain(ChainProblem::Edited { .. }) => "chain_edited",
            Finding::Chain(ChainProblem::UnknownKey { .. }) => "chain_unknown_key",
            Finding::Row(RowProblem::Edited { .. }) => "row_edited",
            Finding::Row(RowProblem::UnknownKey { .. }) => "row_unknown_key",
            Finding::Row(RowProblem::Unsealed { .. }) => "row_unsealed",
            Finding::Row(RowProblem::NotInLog { .. }) => "row_not_in_log",
            Finding::Row(RowProblem::Missing { .. }) => "row_missing",
            Finding::Row(RowProblem::NotAsLogged { .. }) => "row_not_as_logged",
            Finding::Row(RowProblem::BulkChanged { .. }) => "bulk_changed",
            Finding::AnchorMissing => "anchor_missing",
            Finding::AnchorDamaged => "anchor_damaged",
            Finding::HistoryCut { .. } => "history_cut",
            Finding::PaidTwice { .. } => "paid_twice",
            Finding::TotalNotLines { .. } => "total_not_lines",
            Finding::ReceiptGap { .. } => "receipt_gap",
            Finding::ReceiptForged { .. } => "receipt_forged",
            Finding::ClosedDayTotals { .. } => "closed_day_totals",
            Finding::ClosedDaySeal { .. } => "closed_day_seal",
            Finding::SealChain { .. } => "seal_chain",
            Finding::BatchChanged { .. } => "batch_changed",
            Finding::CloseBackup { missing: true, .. } => "close_backup_missing",
            Finding::CloseBackup { missing: false, .. } => "close_backup_damaged",
            Finding::ClockBack { .. } => "clock_back",
            Finding::ClockAhead { .. } => "clock_ahead",
            Finding::ReceiptFileWithoutPayment { .. } => "receipt_file_without_payment",
            Finding::PaperDayOpen { .. } => "paper_day_open",
            Finding::PaperSealDiffers { .. } => "paper_seal_differs",
        }
    }

    /// The finding for scripts: its `kind`, where it is (table and row
    /// key, audit row, day, receipt) and nothing localized.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let mut v = match self {
            Finding::Integrity(line) => json!({ "line": line }),
            Finding::Schema(
                SchemaProblem::Missing { kind, name }
                | SchemaProblem::Changed { kind, name }
                | SchemaProblem::Extra { kind, name },
            ) => json!({ "object": kind, "name": name }),
            Finding::Chain(ChainProblem::Gap { after, next }) => {
                json!({ "after_seq": after, "next_seq": next })
            }
            Finding::Chain(ChainProblem::BrokenLink { seq } | ChainProblem::Edited { seq }) => {
                json!({ "seq": seq })
            }
            Finding::Chain(ChainProblem::UnknownKey { seq, key_id }) => {
                json!({ "seq": seq, "key_id": key_id })
            }
            Finding::Row(
                RowProblem::Edited { table, key, label }
                | RowProblem::UnknownKey { table, key, label }
                | RowProblem::Unsealed { table, key, label }
                | RowProblem::NotInLog { table, key, label }
                | RowProblem::Missing { table, key, label }
                | RowProblem::NotAsLogged { table, key, label },
            ) => json!({ "table": table.name(), "key": key, "label": label }),
            Finding::Row(RowProblem::BulkChanged { what, seq }) => {
                json!({ "what": what, "seq": seq })
            }
            Finding::AnchorMissing | Finding::AnchorDamaged => json!({}),
            Finding::HistoryCut { anchored, head } => {
                json!({ "anchored_seq": anchored, "head_seq": head })
            }
            Finding::PaidTwice {
                entitlement_id,
                receipts,
            } => json!({ "entitlement_id": entitlement_id, "receipts": receipts }),
            Finding::TotalNotLines { receipt_no } => json!({ "receipt_no": receipt_no }),
            Finding::ReceiptGap {
                office,
                year,
                from,
                to,
            } => json!({ "office": office, "year": year, "from": from, "to": to }),
            Finding::ReceiptForged {
                receipt_no,
                expected,
            } => json!({ "receipt_no": receipt_no, "expected": expected }),
            Finding::ClosedDayTotals { day }
            | Finding::ClosedDaySeal { day }
            | Finding::SealChain { day }
            | Finding::PaperDayOpen { day } => json!({ "day": day }),
            Finding::BatchChanged { batch_id, file } => {
                json!({ "batch_id": batch_id, "file": file })
            }
            Finding::CloseBackup { day, file, .. } => json!({ "day": day, "file": file }),
            Finding::ClockBack { seq, at, before } => {
                json!({ "seq": seq, "at": at, "before": before })
            }
            Finding::ClockAhead { seq, at } => json!({ "seq": seq, "at": at }),
            Finding::ReceiptFileWithoutPayment { receipt_no, file } => {
                json!({ "receipt_no": receipt_no, "file": file })
            }
            Finding::PaperSealDiffers { day, paper, held } => {
                json!({ "day": day, "paper": paper, "held": held })
            }
        };
        if let Some(m) = v.as_object_mut() {
            m.insert("kind".into(), self.kind().into());
        }
        v
    }
}
