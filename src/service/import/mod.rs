//! Importing a list from the social-affairs office: read, check every row,
//! and commit all of it in one transaction — or nothing.
//!
//! The file is read once, streaming: each valid row is written inside the
//! open transaction as soon as it is checked, so a million-row list never
//! sits in memory. When any row is rejected (or for a dry run) the
//! transaction is rolled back at the end and the report lists every problem.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

mod change_checks;
mod changes;
mod details;
mod run;
mod seen;
mod writer;

pub use changes::{ChangeAction, ChangePreview};
pub use details::{Account, AccountUse, DetailChange};

use run::{Run, run};

use super::{Error, Service, Session};
use crate::domain::{EntitlementKind, Money, Period};
use crate::import::record::{Place, Problem, RowProblem};
use crate::import::source::{self, SourceError};
use crate::import::synonyms::{Synonyms, SynonymsError};
use crate::import::table::{self, TableError};
use crate::store::imports;

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
    Synonyms(SynonymsError),
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
    /// The first [`KEPT_PROBLEMS`] rejections; `rejected_total` counts all.
    pub rejected: Vec<RowProblem>,
    pub rejected_total: usize,
    /// The first [`KEPT_PROBLEMS`] warnings; `warnings_total` counts all.
    pub warnings: Vec<RowProblem>,
    pub warnings_total: usize,
    pub committed: bool,
    pub batch_id: Option<i64>,
    /// What the list does, person by person (change lists, the months a
    /// monthly list carries over that replace a line on file, and the
    /// first [`KEPT_PROBLEMS`] people whose name, ID number, method or
    /// account a monthly list changes).
    pub changes: Vec<ChangePreview>,
    /// People whose details the list changes, all of them (the preview
    /// keeps the first [`KEPT_PROBLEMS`]).
    pub details_changed: usize,
    /// New people of a monthly list named in `changes` (the first
    /// [`NEW_PEOPLE_SHOWN`]; `new_people` counts all).
    pub new_people_listed: usize,
}

/// How many of a monthly list's new people the preview names, by code,
/// name, ID number and amount; it counts the others.
pub const NEW_PEOPLE_SHOWN: usize = 20;

/// How many rejections and warnings a report keeps to show (a list with a
/// problem on every one of a million rows must not fill the memory).
pub const KEPT_PROBLEMS: usize = 1000;

impl ImportReport {
    /// Whether anything was rejected.
    pub fn is_rejected(&self) -> bool {
        self.rejected_total > 0
    }

    pub(crate) fn reject(&mut self, p: RowProblem) {
        self.rejected_total += 1;
        if self.rejected.len() < KEPT_PROBLEMS {
            self.rejected.push(p);
        }
    }

    pub(crate) fn details(&mut self, p: ChangePreview) {
        self.details_changed += 1;
        if self.details_changed <= KEPT_PROBLEMS {
            self.changes.push(p);
        }
    }

    /// A monthly list's new person, named while fewer than
    /// [`NEW_PEOPLE_SHOWN`] are.
    pub(crate) fn new_person(&mut self, p: impl FnOnce() -> ChangePreview) {
        if self.new_people_listed < NEW_PEOPLE_SHOWN {
            self.new_people_listed += 1;
            self.changes.push(p());
        }
    }

    /// New people the preview does not name.
    pub fn new_people_not_listed(&self) -> usize {
        self.new_people.saturating_sub(self.new_people_listed)
    }

    pub(crate) fn warn(&mut self, p: RowProblem) {
        self.warnings_total += 1;
        if self.warnings.len() < KEPT_PROBLEMS {
            self.warnings.push(p);
        }
    }
}

/// The sha256 of a list file, read in blocks once it is known to be a
/// file on disk ([`source::open_file`]).
pub fn file_sha256(path: &Path) -> Result<String, SourceError> {
    let io = |e: std::io::Error| SourceError::Io {
        file: path.to_path_buf(),
        row: None,
        detail: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
    };
    let mut f = source::open_file(path)?;
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
        let is_change = matches!(opts.kind, ListKind::Decrease | ListKind::Adjustment);
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let sha = file_sha256(path).map_err(ImportError::Source)?;
        if let Some(batch) = self.store.read(|r| imports::by_sha256(r, &sha))? {
            return Err(ImportError::AlreadyImported { file, batch }.into());
        }
        let synonyms =
            Synonyms::with_overrides(&self.config.import.headers).map_err(ImportError::Synonyms)?;
        let src = source::open(path).map_err(ImportError::Source)?;
        let (format, encoding) = (src.format(), src.encoding());
        let sheet = src.sheet_name().map(str::to_string);
        table::check_readings(path, src.delimiter_readings(), &synonyms, !is_change)
            .map_err(ImportError::Table)?;
        let hidden_columns = src.hidden_columns().to_vec();
        let other_sheets = src.other_sheets().to_vec();
        let mut tbl =
            table::locate_needing(path, src, &synonyms, !is_change).map_err(ImportError::Table)?;
        tbl.refuse_hidden_columns(path, &hidden_columns)
            .map_err(ImportError::Table)?;
        let period = match (opts.period, tbl.layout().period) {
            (Some(p), _) => p,
            (None, Some((y, m))) => {
                Period::new(y, m).ok_or_else(|| ImportError::NoPeriod { file: file.clone() })?
            }
            (None, None) => return Err(ImportError::NoPeriod { file }.into()),
        };
        let (closed, monthly) = self.store.read(|r| {
            Ok::<_, Error>((
                imports::period_closed(r, period)?,
                imports::monthly_of(r, period)?,
            ))
        })?;
        if closed == Some(true) {
            return Err(ImportError::PeriodClosed { period }.into());
        }
        if let Some(batch) = monthly.filter(|_| opts.kind == ListKind::Monthly) {
            return Err(ImportError::MonthlyExists { period, batch }.into());
        }

        let mut report = ImportReport {
            file: file.clone(),
            sha256: sha.clone(),
            kind: opts.kind,
            period,
            format,
            encoding,
            sheet: sheet.clone(),
            rows: 0,
            people: 0,
            new_people: 0,
            updated_people: 0,
            total: Money::ZERO,
            per_kind: BTreeMap::new(),
            file_total: None,
            rejected: Vec::new(),
            rejected_total: 0,
            warnings: Vec::new(),
            warnings_total: 0,
            committed: false,
            batch_id: None,
            changes: Vec::new(),
            details_changed: 0,
            new_people_listed: 0,
        };
        for (row, letter, text) in &tbl.layout().unrecognised {
            report.warn(RowProblem {
                place: crate::import::record::Place {
                    row: *row,
                    column: Some(letter.clone()),
                    who: None,
                },
                problem: crate::import::record::Problem::UnreadHeader(text.clone()),
            });
        }
        if let Some(read) = sheet.filter(|_| !other_sheets.is_empty()) {
            report.warn(RowProblem {
                place: Place::row(0),
                problem: Problem::OtherSheets {
                    read,
                    others: other_sheets,
                },
            });
        }
        if is_change {
            return changes::import_change(self, session, opts, report, tbl);
        }
        let ctx = Run {
            file: &file,
            sha: &sha,
            kind: opts.kind,
            period,
        };
        let dry_run = opts.dry_run;
        // A big list touches every page of the people and line tables:
        // through its own small cache, not the memory map, whose pages
        // would count in the process's memory.
        self.store.set_cache_mib(IMPORT_CACHE_MIB)?;
        self.store.set_mapped(false)?;
        let who = self.who(Some(session.user.id));
        let result = self.store.write(who, |w| {
            run(w, &ctx, &mut tbl, &mut report, progress)?;
            if dry_run || report.is_rejected() {
                Ok::<_, Error>(w.roll_back(()))
            } else {
                Ok(w.finish(())?)
            }
        });
        self.store.set_cache_mib(crate::store::CACHE_MIB)?;
        self.store.set_mapped(true)?;
        self.store.set_sorts_in_memory(true)?;
        result?;
        report.committed = !opts.dry_run && !report.is_rejected() && report.batch_id.is_some();
        if !report.committed {
            report.batch_id = None;
        }
        Ok(report)
    }
}

/// Page cache while importing, in MiB. An import writes its people and
/// lines in id order and its record codes mostly in order, so it touches
/// few pages at a time; a larger cache only held more of a million-row
/// list's pages in memory (64 MiB was a third of the import's peak) and
/// let the ID-number index's sort keep more in memory before it spills.
const IMPORT_CACHE_MIB: u32 = 8;
