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
        self.store.write_or_rollback(|tx| {
            run(tx, &ctx, &mut tbl, &mut report, progress)?;
            let finish = if dry_run || !report.rejected.is_empty() {
                Finish::Rollback
            } else {
                Finish::Commit
            };
            Ok::<_, Error>(((), finish))
        })?;
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

/// Reads every row of the table and writes the valid ones (until the first
/// rejection) inside the caller's transaction; fills `report`.
fn run<I>(
    tx: &rusqlite::Connection,
    ctx: &Run<'_>,
    tbl: &mut table::Table<I>,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(usize),
) -> Result<(), Error>
where
    I: Iterator<Item = Result<source::SheetRow, SourceError>>,
    table::Table<I>: Iterator<Item = Result<TableRow, SourceError>>,
{
    imports::defer_foreign_keys(tx)?;
    imports::ensure_period(tx, ctx.period, ctx.at)?;
    let batch_id = imports::next_batch_id(tx)?;
    let mut digest = Sha256::new();
    let mut seen_codes: HashMap<String, usize> = HashMap::new();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut hamlet: Option<String> = None;
    let mut total_row = None;
    for item in tbl.by_ref() {
        let item = item.map_err(ImportError::Source)?;
        match item {
            TableRow::Data(row) => {
                report.rows += 1;
                if report.rows.is_multiple_of(500) {
                    progress(report.rows);
                }
                let listed = match record::read_row(&row, hamlet.as_deref(), &mut report.warnings) {
                    Ok(l) => l,
                    Err(problems) => {
                        report.rejected.extend(problems);
                        continue;
                    }
                };
                if let Some(&first_row) = seen_codes.get(&listed.person.record_code) {
                    report.rejected.push(RowProblem {
                        place: place_of(&row, crate::import::Field::RecordCode, &listed.person),
                        problem: Problem::DuplicateCode { first_row },
                    });
                    continue;
                }
                seen_codes.insert(listed.person.record_code.clone(), listed.row);
                if let Some(id) = &listed.person.id_number {
                    if let Some(&first_row) = seen_ids.get(id) {
                        report.rejected.push(RowProblem {
                            place: place_of(&row, crate::import::Field::IdNumber, &listed.person),
                            problem: Problem::DuplicateId { first_row },
                        });
                        continue;
                    }
                    seen_ids.insert(id.clone(), listed.row);
                }
                for (kind, amount) in &listed.lines {
                    let sum = report.per_kind.entry(*kind).or_insert(Money::ZERO);
                    *sum = *sum + *amount;
                }
                report.total = report.total + listed.total();
                report.people += 1;
                if !report.rejected.is_empty() {
                    // Keep checking rows, but stop writing: all of it
                    // will be rolled back.
                    continue;
                }
                let person_id = match people::by_record_code(tx, &listed.person.record_code)? {
                    None => {
                        report.new_people += 1;
                        people::insert(tx, &listed.person, batch_id, ctx.at)?
                    }
                    Some(existing) => {
                        if !existing.is_payable() {
                            report.rejected.push(RowProblem {
                                place: Place {
                                    who: Some(format!(
                                        "{} {}",
                                        existing.record_code, existing.full_name
                                    )),
                                    ..Place::row(listed.row)
                                },
                                problem: Problem::NotActive(existing.status),
                            });
                            continue;
                        }
                        let changes = people::changes(&existing, &listed.person);
                        if !changes.is_empty() {
                            report.updated_people += 1;
                            people::update_from_list(tx, existing.id, &listed.person, ctx.at)?;
                            let detail: Vec<_> = changes
                                .iter()
                                .map(|(c, old, new)| json!({ "field": c, "old": old, "new": new }))
                                .collect();
                            audit::append(
                                tx,
                                ctx.at,
                                Some(ctx.user_id),
                                "person.update",
                                "person",
                                Some(existing.id),
                                &json!({ "batch": batch_id, "row": listed.row, "changes": detail }),
                            )?;
                        }
                        existing.id
                    }
                };
                for (kind, amount) in &listed.lines {
                    let id = imports::insert_entitlement(
                        tx, person_id, ctx.period, *kind, *amount, batch_id, listed.row,
                    )?;
                    digest.update(
                        imports::line_canonical(
                            id,
                            person_id,
                            &ctx.period.to_string(),
                            kind.code(),
                            amount.dong(),
                            listed.row as i64,
                        )
                        .as_bytes(),
                    );
                }
            }
            TableRow::GroupHeading(h) => hamlet = h.hamlet().map(str::to_string),
            TableRow::Total { row, .. } => total_row = Some(row),
            TableRow::Blank { .. } | TableRow::Subtotal { .. } => {}
        }
    }
    progress(report.rows);
    // A rejected row's amounts are not in the sums, so the file's total can
    // only be compared once every row is accepted.
    if let (Some(row), true) = (total_row, report.rejected.is_empty()) {
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
    let lines_digest = hex::encode(digest.finalize_reset());
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

fn place_of(row: &table::DataRow, field: crate::import::Field, who: &ListedPerson) -> Place {
    let mut place = row
        .column(field)
        .map_or(Place::row(row.number()), |c| Place::cell(row.number(), c));
    place.who = Some(format!("{} {}", who.record_code, who.full_name));
    place
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
