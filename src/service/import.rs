//! Importing a list from the social-affairs office: read, check every row,
//! and commit all of it in one transaction — or nothing.
//!
//! The file is read once, streaming: each valid row is written inside the
//! open transaction as soon as it is checked, so a million-row list never
//! sits in memory. When any row is rejected (or for a dry run) the
//! transaction is rolled back at the end and the report lists every problem.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

use serde_json::json;
use sha2::{Digest, Sha256};

use super::{Error, Service, Session};
use crate::domain::{EntitlementKind, Money, Period};
use crate::import::record::{self, Place, Problem, RowProblem};
use crate::import::source::{self, SourceError};
use crate::import::synonyms::Synonyms;
use crate::import::table::{self, TableError, TableRow};
use crate::store::people::ListedPerson;
use crate::store::{Finish, audit, imports, people};

/// The kind of list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ListKind {
    Monthly,
    Increase,
    Decrease,
    Adjustment,
}

impl ListKind {
    pub fn code(self) -> &'static str {
        match self {
            ListKind::Monthly => "monthly",
            ListKind::Increase => "increase",
            ListKind::Decrease => "decrease",
            ListKind::Adjustment => "adjustment",
        }
    }
}

#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub kind: ListKind,
    /// The period; when absent, read from the list's title.
    pub period: Option<Period>,
    pub dry_run: bool,
}

/// Why a whole file is refused (before any row is looked at).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Source(SourceError),
    Table(TableError),
    /// The configured header names are wrong.
    Synonyms(String),
    /// This very file (same sha256) was imported before.
    AlreadyImported {
        file: String,
        batch: imports::Batch,
    },
    /// No --period and none in the title.
    NoPeriod {
        file: String,
    },
    PeriodClosed {
        period: Period,
    },
    /// A monthly list for this period is already in.
    MonthlyExists {
        period: Period,
        batch: imports::Batch,
    },
    /// Only the monthly list is handled by this version.
    KindNotYet(ListKind),
}

impl From<ImportError> for Error {
    fn from(e: ImportError) -> Self {
        Error::Import(Box::new(e))
    }
}

/// What an import found (and did).
#[derive(Debug, Clone)]
pub struct ImportReport {
    pub file: String,
    pub sha256: String,
    pub kind: ListKind,
    pub period: Period,
    pub format: source::Format,
    pub encoding: source::Encoding,
    pub sheet: Option<String>,
    /// Data rows read (people's lines).
    pub rows: usize,
    /// Distinct people in the list.
    pub people: usize,
    pub new_people: usize,
    pub updated_people: usize,
    pub total: Money,
    pub per_kind: BTreeMap<EntitlementKind, Money>,
    /// The file's own total row, when it has one.
    pub file_total: Option<Money>,
    pub rejected: Vec<RowProblem>,
    pub warnings: Vec<RowProblem>,
    pub committed: bool,
    pub batch_id: Option<i64>,
}

/// The sha256 of a file, read in blocks.
pub fn file_sha256(path: &Path) -> Result<String, SourceError> {
    let io = |e: std::io::Error| SourceError::Io {
        file: path.to_path_buf(),
        row: None,
        detail: e.to_string(),
    };
    let mut f = std::fs::File::open(path).map_err(io)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex::encode(h.finalize()))
}

impl Service {
    /// Imports a list (supervisors only). `progress` is called every few
    /// hundred rows with the number of rows read.
    pub fn import(
        &mut self,
        session: &Session,
        path: &Path,
        opts: &ImportOptions,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportReport, Error> {
        session.require_supervisor()?;
        if opts.kind != ListKind::Monthly {
            return Err(ImportError::KindNotYet(opts.kind).into());
        }
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let sha = file_sha256(path).map_err(ImportError::Source)?;
        if let Some(batch) = imports::by_sha256(self.store.conn(), &sha)? {
            return Err(ImportError::AlreadyImported { file, batch }.into());
        }
        let synonyms = Synonyms::with_overrides(&self.config.import.headers)
            .map_err(|e| ImportError::Synonyms(format!("{e:?}")))?;
        let src = source::open(path).map_err(ImportError::Source)?;
        let (format, encoding) = (src.format(), src.encoding());
        let sheet = src.sheet_name().map(str::to_string);
        let mut tbl = table::locate(path, src, &synonyms).map_err(ImportError::Table)?;
        let period = match (opts.period, tbl.layout().period) {
            (Some(p), _) => p,
            (None, Some((y, m))) => {
                Period::new(y, m).ok_or_else(|| ImportError::NoPeriod { file: file.clone() })?
            }
            (None, None) => return Err(ImportError::NoPeriod { file }.into()),
        };
        let conn = self.store.conn();
        if imports::period_closed(conn, period)? == Some(true) {
            return Err(ImportError::PeriodClosed { period }.into());
        }
        if let Some(batch) = imports::monthly_of(conn, period)? {
            return Err(ImportError::MonthlyExists { period, batch }.into());
        }

        let at = self.stamp();
        let user_id = session.user.id;
        let mut report = ImportReport {
            file: file.clone(),
            sha256: sha.clone(),
            kind: opts.kind,
            period,
            format,
            encoding,
            sheet,
            rows: 0,
            people: 0,
            new_people: 0,
            updated_people: 0,
            total: Money::ZERO,
            per_kind: BTreeMap::new(),
            file_total: None,
            rejected: Vec::new(),
            warnings: Vec::new(),
            committed: false,
            batch_id: None,
        };
        let ctx = Run {
            file: &file,
            sha: &sha,
            kind: opts.kind,
            period,
            at: &at,
            user_id,
        };
        let dry_run = opts.dry_run;
        // A big list touches every page of the people and line tables.
        self.store.set_cache_mib(IMPORT_CACHE_MIB)?;
        let result = self.store.write_or_rollback(|tx| {
            run(tx, &ctx, &mut tbl, &mut report, progress)?;
            let finish = if dry_run || !report.rejected.is_empty() {
                Finish::Rollback
            } else {
                Finish::Commit
            };
            Ok::<_, Error>(((), finish))
        });
        self.store.set_cache_mib(crate::store::CACHE_MIB)?;
        result?;
        report.committed = !opts.dry_run && report.rejected.is_empty() && report.batch_id.is_some();
        if !report.committed {
            report.batch_id = None;
        }
        Ok(report)
    }
}

/// What one import run writes with.
struct Run<'a> {
    file: &'a str,
    sha: &'a str,
    kind: ListKind,
    period: Period,
    at: &'a str,
    user_id: i64,
}

/// Page cache while importing, in MiB: enough for the indexes of a
/// million-person office, well inside the import's memory budget.
const IMPORT_CACHE_MIB: u32 = 128;

/// What the reading thread hands to the writing thread.
enum Event {
    /// A person's line, read and checked (or the problems that stop it).
    /// The row's cells stay with the reading thread.
    Row {
        number: usize,
        read: Result<record::ListedRow, Vec<RowProblem>>,
        warnings: Vec<RowProblem>,
    },
    /// The list's own total row (once per list).
    Total(Box<table::DataRow>),
}

/// Rows handed over at a time: large enough that the channel costs
/// nothing, small enough that memory stays flat.
const BATCH: usize = 512;

/// Reads every row of the table and writes the accepted ones inside the
/// caller's transaction; fills `report`.
///
/// Two threads: one reads and checks rows (text, IDs, amounts), the other
/// writes them to the database, so a large list uses both cores. Rows keep
/// being written after a rejection, so duplicates are still found; the
/// caller rolls everything back when anything was rejected.
fn run<I>(
    tx: &rusqlite::Connection,
    ctx: &Run<'_>,
    tbl: &mut table::Table<I>,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(usize),
) -> Result<(), Error>
where
    I: Iterator<Item = Result<source::SheetRow, SourceError>> + Send,
    table::Table<I>: Iterator<Item = Result<TableRow, SourceError>> + Send,
{
    imports::defer_foreign_keys(tx)?;
    imports::ensure_period(tx, ctx.period, ctx.at)?;
    let batch_id = imports::next_batch_id(tx)?;
    let mut writer = Writer {
        tx,
        ctx,
        columns: tbl.layout().columns.clone(),
        batch_id,
        line: String::new(),
        pending: Vec::with_capacity(people::INSERT_BATCH),
        digest: Sha256::new(),
        codes: HashMap::new(),
        ids: HashMap::new(),
        total_row: None,
    };
    std::thread::scope(|scope| -> Result<(), Error> {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Event>>(8);
        let reader = scope.spawn(move || -> Result<(), SourceError> {
            let mut hamlet: Option<String> = None;
            let mut batch = Vec::with_capacity(BATCH);
            for item in tbl.by_ref() {
                match item? {
                    TableRow::Data(row) => {
                        let mut warnings = Vec::new();
                        let read = record::read_row(&row, hamlet.as_deref(), &mut warnings);
                        batch.push(Event::Row {
                            number: row.number(),
                            read,
                            warnings,
                        });
                    }
                    TableRow::GroupHeading(h) => hamlet = h.hamlet().map(str::to_string),
                    TableRow::Total { row, .. } => batch.push(Event::Total(Box::new(row))),
                    TableRow::Blank { .. } | TableRow::Subtotal { .. } => {}
                }
                if batch.len() == BATCH && send.send(std::mem::take(&mut batch)).is_err() {
                    return Ok(()); // the writer stopped on an error of its own
                }
            }
            let _ = send.send(batch);
            Ok(())
        });
        let written = (|| -> Result<(), Error> {
            for batch in receive.iter() {
                for event in batch {
                    writer.take(event, report)?;
                }
                progress(report.rows);
            }
            Ok(())
        })();
        let written = written.and_then(|()| writer.flush(report));
        // Dropping the receiver (on an error) lets the reader finish.
        drop(receive);
        let read = reader.join().unwrap_or_else(|_| {
            Err(SourceError::Io {
                file: std::path::PathBuf::from(ctx.file),
                row: None,
                detail: "reader stopped".into(),
            })
        });
        written?;
        read.map_err(|e| Error::from(ImportError::Source(e)))
    })?;
    progress(report.rows);

    // A rejected row's amounts are not in the sums, so the file's total can
    // only be compared once every row is accepted.
    if let (Some(row), true) = (writer.total_row.take(), report.rejected.is_empty()) {
        check_file_total(&row, report);
    }
    if report.rows == 0 {
        report.rejected.push(RowProblem {
            place: Place::row(0),
            problem: Problem::NoRows,
        });
    }
    if !report.rejected.is_empty() {
        return Ok(());
    }
    // New people become searchable by name in one pass: far cheaper than
    // indexing them one by one.
    people::index_names_of_batch(tx, batch_id)?;
    let lines_digest = hex::encode(writer.digest.finalize_reset());
    imports::insert_batch(
        tx,
        &imports::NewBatch {
            id: batch_id,
            file_name: ctx.file,
            sha256: ctx.sha,
            kind: ctx.kind.code(),
            period: ctx.period,
            rows: report.rows as i64,
            people: report.people as i64,
            total: report.total,
            lines_digest: &lines_digest,
            imported_by: ctx.user_id,
            imported_at: ctx.at,
        },
    )?;
    let per_kind: BTreeMap<&str, i64> = report
        .per_kind
        .iter()
        .map(|(k, m)| (k.code(), m.dong()))
        .collect();
    audit::append(
        tx,
        ctx.at,
        Some(ctx.user_id),
        "import.commit",
        "import_batch",
        Some(batch_id),
        &json!({
            "file": ctx.file, "sha256": ctx.sha, "kind": ctx.kind.code(), "period": ctx.period.to_string(),
            "rows": report.rows, "people": report.people, "new_people": report.new_people,
            "updated_people": report.updated_people, "total": report.total.dong(),
            "per_kind": per_kind, "lines_digest": lines_digest,
        }),
    )?;
    report.batch_id = Some(batch_id);
    Ok(())
}

/// The writing half of an import.
struct Writer<'a> {
    tx: &'a rusqlite::Connection,
    ctx: &'a Run<'a>,
    /// The table's columns, to name a column in a message.
    columns: Vec<table::Column>,
    batch_id: i64,
    /// A line's canonical text, reused.
    line: String,
    /// Accepted rows not yet written.
    pending: Vec<record::ListedRow>,
    digest: Sha256,
    /// Record codes seen in this list, with their row.
    codes: HashMap<Box<str>, u32>,
    /// ID numbers seen in this list (as numbers: 9 or 12 digits), with their row.
    ids: HashMap<u64, u32>,
    total_row: Option<table::DataRow>,
}

impl Writer<'_> {
    fn take(&mut self, event: Event, report: &mut ImportReport) -> Result<(), Error> {
        let (number, read, warnings) = match event {
            Event::Total(row) => {
                self.total_row = Some(*row);
                return Ok(());
            }
            Event::Row {
                number,
                read,
                warnings,
            } => (number, read, warnings),
        };
        report.rows += 1;
        report.warnings.extend(warnings);
        let listed = match read {
            Ok(l) => l,
            Err(problems) => {
                report.rejected.extend(problems);
                return Ok(());
            }
        };
        let here = listed.row as u32;
        if let Some(&first_row) = self.codes.get(listed.person.record_code.as_str()) {
            report.rejected.push(RowProblem {
                place: self.place(number, crate::import::Field::RecordCode, &listed.person),
                problem: Problem::DuplicateCode {
                    first_row: first_row as usize,
                },
            });
            return Ok(());
        }
        self.codes
            .insert(listed.person.record_code.as_str().into(), here);
        if let Some(id) = listed.person.id_number.as_deref() {
            // An ID is 9 or 12 digits; its kind is in the length, so the
            // number with a leading 1 is exact ("012…" ≠ "12…").
            let key = format!("1{id}").parse::<u64>().unwrap_or(u64::MAX);
            if let Some(&first_row) = self.ids.get(&key) {
                report.rejected.push(RowProblem {
                    place: self.place(number, crate::import::Field::IdNumber, &listed.person),
                    problem: Problem::DuplicateId {
                        first_row: first_row as usize,
                    },
                });
                return Ok(());
            }
            self.ids.insert(key, here);
        }
        for (kind, amount) in &listed.lines {
            let sum = report.per_kind.entry(*kind).or_insert(Money::ZERO);
            *sum = *sum + *amount;
        }
        report.total = report.total + listed.total();
        report.people += 1;
        self.pending.push(listed);
        if self.pending.len() == people::INSERT_BATCH {
            self.flush(report)?;
        }
        Ok(())
    }

    /// Writes the pending rows: new people in one statement, known people
    /// one by one (their changes are compared and audited), then all their
    /// lines in one statement.
    fn flush(&mut self, report: &mut ImportReport) -> Result<(), Error> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let tx = self.tx;
        let at = self.ctx.at;
        let rows = std::mem::take(&mut self.pending);
        let new = people::insert_new_batch(tx, rows.iter().map(|r| &r.person), self.batch_id, at)?;
        report.new_people += new.len();
        let mut lines: Vec<imports::NewLine> = Vec::new();
        for listed in &rows {
            let person_id = match new.get(listed.person.record_code.as_str()) {
                Some(&id) => id,
                None => match self.known_person(listed, report)? {
                    Some(id) => id,
                    None => continue,
                },
            };
            for (kind, amount) in &listed.lines {
                lines.push(imports::NewLine {
                    person_id,
                    kind: *kind,
                    amount: *amount,
                    row: listed.row,
                });
            }
        }
        let mut ids = imports::insert_entitlements(tx, self.ctx.period, self.batch_id, &lines)?;
        // The digest follows line ids, as `recompute_digest` reads them.
        ids.sort_unstable_by_key(|(id, _)| *id);
        for (id, at_index) in ids {
            let l = &lines[at_index];
            self.line.clear();
            imports::write_line_canonical(
                &mut self.line,
                id,
                l.person_id,
                self.ctx.period,
                l.kind.code(),
                l.amount.dong(),
                l.row as i64,
            );
            self.digest.update(self.line.as_bytes());
        }
        self.pending = rows;
        self.pending.clear();
        Ok(())
    }

    /// A person already on file: refused when no longer active, otherwise
    /// updated with what the list changes (audited). Returns their id, or
    /// None when refused.
    fn known_person(
        &mut self,
        listed: &record::ListedRow,
        report: &mut ImportReport,
    ) -> Result<Option<i64>, Error> {
        let tx = self.tx;
        let at = self.ctx.at;
        let existing =
            people::by_record_code(tx, &listed.person.record_code)?.ok_or(Error::NoSuchPerson)?;
        if !existing.is_payable() {
            report.rejected.push(RowProblem {
                place: Place {
                    who: Some(format!("{} {}", existing.record_code, existing.full_name)),
                    ..Place::row(listed.row)
                },
                problem: Problem::NotActive(existing.status),
            });
            return Ok(None);
        }
        let changes = people::changes(&existing, &listed.person);
        if !changes.is_empty() {
            report.updated_people += 1;
            people::update_from_list(tx, existing.id, &listed.person, at)?;
            let detail: Vec<_> = changes
                .iter()
                .map(|(c, old, new)| json!({ "field": c, "old": old, "new": new }))
                .collect();
            audit::append(
                tx,
                at,
                Some(self.ctx.user_id),
                "person.update",
                "person",
                Some(existing.id),
                &json!({ "batch": self.batch_id, "row": listed.row, "changes": detail }),
            )?;
        }
        Ok(Some(existing.id))
    }

    /// Where a field of row `number` is, and whose row it is.
    fn place(&self, number: usize, field: crate::import::Field, who: &ListedPerson) -> Place {
        let mut place = match self.columns.iter().find(|c| c.field == field) {
            Some(c) => Place::cell(number, c),
            None => Place::row(number),
        };
        place.who = Some(format!("{} {}", who.record_code, who.full_name));
        place
    }
}

/// Checks the list's "Tổng cộng" row against the sums of its lines.
fn check_file_total(row: &table::DataRow, report: &mut ImportReport) {
    use crate::import::Field;
    for (col, cell) in row.values() {
        let expected = match col.field {
            Field::Amount(k) if k.is_deduction() => {
                report.per_kind.get(&k).copied().unwrap_or(Money::ZERO)
            }
            Field::Amount(k) => report.per_kind.get(&k).copied().unwrap_or(Money::ZERO),
            Field::RowTotal => report.total,
            _ => continue,
        };
        let stated = match crate::domain::parse_amount(&cell.text) {
            Ok(Some(m)) => m,
            Ok(None) => continue,
            Err(e) => {
                report.rejected.push(RowProblem {
                    place: Place::cell(row.number(), col),
                    problem: Problem::Amount(e),
                });
                continue;
            }
        };
        let stated = match col.field {
            Field::Amount(k) if k.is_deduction() && !stated.is_negative() => -stated,
            _ => stated,
        };
        if col.field == Field::RowTotal {
            report.file_total = Some(stated);
        }
        if stated != expected {
            report.rejected.push(RowProblem {
                place: Place::cell(row.number(), col),
                problem: Problem::FileTotal {
                    stated,
                    computed: expected,
                },
            });
        }
    }
}
