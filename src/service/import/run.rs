//! One import run: the reading thread checks rows, the writing thread puts
//! them in the database (many to a statement), then the list's totals are
//! checked and the batch and its audit row written.

use std::collections::{BTreeMap, HashMap};
use std::sync::mpsc;

use serde_json::json;
use sha2::{Digest, Sha256};

use super::seen::{SeenCodes, SeenIds};
use super::writer::{TRIM_EVERY, Writer};
use super::{ImportError, ImportReport, ListKind};
use crate::domain::{Money, Period};
use crate::import::record::{self, Place, Problem, RowProblem};
use crate::import::source::{self, SourceError};
use crate::import::table::{self, TableRow};
use crate::service::Error;
use crate::store::people::ListedPerson;
use crate::store::{Write, imports, people};

/// What one import run writes with.
pub(super) struct Run<'a> {
    pub(super) file: &'a str,
    pub(super) sha: &'a str,
    pub(super) kind: ListKind,
    pub(super) period: Period,
}

/// What the reading thread hands to the writing thread. Almost every event
/// is a row; the total comes once, so it is the one boxed.
#[allow(clippy::large_enum_variant)]
pub(super) enum Event {
    /// A person's line, read and checked (or the problems that stop it).
    /// The row's cells stay with the reading thread.
    Row {
        read: Result<record::ListedRow, Vec<RowProblem>>,
        warnings: Vec<RowProblem>,
        /// The month an increase list's person is paid from.
        month: Option<Period>,
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
pub(super) fn run<I>(
    w: &mut Write<'_>,
    ctx: &Run<'_>,
    tbl: &mut table::Table<I>,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(usize),
) -> Result<(), Error>
where
    I: Iterator<Item = Result<source::SheetRow, SourceError>> + Send,
    table::Table<I>: Iterator<Item = Result<TableRow, SourceError>> + Send,
{
    if let Some(event) = imports::ensure_period(w, ctx.period)? {
        w.append(event)?;
    }
    let at = w.at().to_string();
    let user_id = w.who().user_id.unwrap_or_default();
    let batch_id = imports::next_batch_id(w)?;
    let batch_event = imports::insert_batch(
        w,
        &imports::NewBatch {
            id: batch_id,
            file_name: ctx.file,
            sha256: ctx.sha,
            kind: ctx.kind.code(),
            period: ctx.period,
            imported_by: user_id,
            imported_at: &at,
        },
    )?;
    let next_person = people::next_id(w)?;
    let next_line = imports::next_line_id(w)?;
    // A list's hamlet headings are matched to the hamlets on file.
    let hamlets = people::hamlets(w)?;
    let new_people = people::NewPeople::new(w);
    let new_lines = imports::NewLines::new(w, ctx.period, batch_id);
    let mut writer = Writer {
        w,
        ctx,
        at: &at,
        columns: tbl.layout().columns.clone(),
        batch_id,
        line: String::new(),
        pending: Vec::with_capacity(people::INSERT_BATCH),
        digest: Sha256::new(),
        codes: SeenCodes::new(),
        spent: None,
        people_before: next_person - 1,
        next_person,
        next_line,
        lines_written: 0,
        id_index_dropped: false,
        total_row: None,
        new_people,
        new_lines,
        months: HashMap::new(),
        names: Some(Vec::new()),
    };
    writer.maybe_drop_id_index()?;
    let columns = writer.columns.clone();
    std::thread::scope(|scope| -> Result<(), Error> {
        let (send, receive) = mpsc::sync_channel::<Vec<Event>>(8);
        // Rows the writer is done with come back to be freed here, where
        // they were made: freeing them on the writing thread cost it about
        // a fifth of its time (each free taking the reader's allocator lock).
        let (give_back, spent) = mpsc::channel::<Vec<record::ListedRow>>();
        writer.spent = Some(give_back);
        // Emptied batches come back too, to be filled again.
        let (return_batch, returned) = mpsc::channel::<Vec<Event>>();
        let kind = ctx.kind;
        let reader = scope.spawn(move || -> Result<(), SourceError> {
            let mut hamlet: Option<String> = None;
            let mut batch = Vec::with_capacity(BATCH);
            // ID numbers are compared here, so the writing thread, the
            // busier one, does not; they are freed when reading ends.
            let mut ids = SeenIds::new();
            // Each hamlet a list writes, as the office spells it (rows of a
            // hamlet come together: one look-up per spelling, not per row).
            let mut spelt: HashMap<String, Option<String>> = HashMap::new();
            for item in tbl.by_ref() {
                match item? {
                    TableRow::Data(row) if row.hidden() => batch.push(Event::Row {
                        read: Err(vec![refused_row(&row, Problem::HiddenRow)]),
                        warnings: Vec::new(),
                        month: None,
                    }),
                    // A person's or the total's figures shown in Excel as
                    // others than the file holds.
                    TableRow::Data(row) if row.masked(false).is_some() => batch.push(Event::Row {
                        read: Err(row
                            .masked(false)
                            .map(|p| refused_row(&row, p))
                            .into_iter()
                            .collect()),
                        warnings: Vec::new(),
                        month: None,
                    }),
                    TableRow::Total { row, .. } if row.masked(true).is_some() => {
                        batch.push(Event::Row {
                            read: Err(row
                                .masked(true)
                                .map(|p| refused_row(&row, p))
                                .into_iter()
                                .collect()),
                            warnings: Vec::new(),
                            month: None,
                        })
                    }
                    TableRow::Data(row) => {
                        let mut warnings = Vec::new();
                        let number = row.number();
                        let month = match kind {
                            ListKind::Increase => crate::import::change::read_increase_month(&row),
                            _ => Ok(None),
                        };
                        let mut read = record::read_row(row, hamlet.as_deref(), &mut warnings);
                        if let (Ok(listed), false) = (&mut read, hamlets.is_empty())
                            && let Some(h) = &mut listed.person.hamlet
                        {
                            // Looked up by reference: no key made per row.
                            if !spelt.contains_key(h.as_str()) {
                                let found = table::hamlet_on_file(&hamlets, h)
                                    .filter(|f| *f != h)
                                    .cloned();
                                spelt.insert(h.clone(), found);
                            }
                            if let Some(Some(f)) = spelt.get(h.as_str()) {
                                h.clone_from(f);
                            }
                        }
                        let (read, month) = match (read, month) {
                            (Ok(_), Err(problems)) => (Err(problems), None),
                            (Err(mut problems), Err(more)) => {
                                problems.extend(more);
                                (Err(problems), None)
                            }
                            (read, Ok(month)) => (read, month),
                        };
                        let read = read.and_then(|listed| {
                            let Some(id) = listed.person.id_number.as_deref() else {
                                return Ok(listed);
                            };
                            match ids.first_row_or_insert(id, listed.row as u32) {
                                None => Ok(listed),
                                Some(first_row) => Err(vec![RowProblem {
                                    place: place(
                                        &columns,
                                        number,
                                        crate::import::Field::IdNumber,
                                        &listed.person,
                                    ),
                                    problem: Problem::DuplicateId {
                                        first_row: first_row as usize,
                                    },
                                }]),
                            }
                        });
                        batch.push(Event::Row {
                            read,
                            warnings,
                            month,
                        });
                    }
                    TableRow::GroupHeading(h) => hamlet = h.hamlet_among(&hamlets),
                    TableRow::Total { row, .. } => batch.push(Event::Total(Box::new(row))),
                    TableRow::AfterEnd { row, end } => batch.push(Event::Row {
                        read: Err(vec![refused_row(&row, Problem::AfterTableEnd(end))]),
                        warnings: Vec::new(),
                        month: None,
                    }),
                    TableRow::Blank { .. } | TableRow::Subtotal { .. } => {}
                }
                if batch.len() == BATCH {
                    let next = returned
                        .try_recv()
                        .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                    if send.send(std::mem::replace(&mut batch, next)).is_err() {
                        return Ok(()); // the writer stopped on an error of its own
                    }
                    spent.try_iter().for_each(drop);
                }
            }
            let _ = send.send(batch);
            Ok(())
        });
        let written = (|| -> Result<(), Error> {
            let mut trimmed_at = 0;
            for mut batch in receive.iter() {
                for event in batch.drain(..) {
                    writer.take(event, report)?;
                }
                let _ = return_batch.send(batch);
                progress(report.rows);
                if report.rows - trimmed_at >= TRIM_EVERY {
                    trimmed_at = report.rows;
                    give_back_freed_memory();
                }
            }
            Ok(())
        })();
        let written = written.and_then(|()| writer.flush(report));
        writer.spent = None;
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
    match writer.total_row.take() {
        Some(row) if !report.is_rejected() => check_file_total(&row, report),
        Some(_) => {}
        None => report.warn(RowProblem {
            place: Place::row(0),
            problem: Problem::NoFileTotal,
        }),
    }
    if report.rows == 0 {
        report.reject(RowProblem {
            place: Place::row(0),
            problem: Problem::NoRows,
        });
    }
    if report.is_rejected() {
        return Ok(());
    }
    // What was kept to find repeated codes is no longer needed: free it
    // before the indexes are built, which want memory of their own.
    writer.codes = SeenCodes::new();
    give_back_freed_memory();
    imports::spill_sorts_to_files(writer.w)?;
    // The name order's rows are sorted on a thread of their own while the
    // database builds the ID-number index.
    let names = writer.names.take();
    let (name_rows, rebuilt) = std::thread::scope(|scope| {
        let sorting = names
            .as_deref()
            .map(|names| scope.spawn(move || imports::name_word_rows(names)));
        let rebuilt = if writer.id_index_dropped {
            people::rebuild_id_number_index(writer.w)
        } else {
            Ok(())
        };
        (sorting.map(|s| s.join()), rebuilt)
    });
    rebuilt?;
    match name_rows {
        Some(Ok(rows)) => imports::write_name_words(writer.w, &rows)?,
        Some(Err(_)) => {
            return Err(Error::Store(crate::store::StoreError::Program {
                what: "the name order's sort stopped".into(),
            }));
        }
        None => imports::index_names_in_passes(
            writer.w,
            writer.people_before + 1,
            writer.next_person - 1,
        )?,
    };
    drop(names);
    let lines_digest = hex::encode(writer.digest.finalize_reset());
    let Writer {
        w,
        new_people,
        lines_written,
        ..
    } = writer;
    let totals_event = imports::insert_totals(
        w,
        batch_id,
        &imports::Totals {
            rows: report.rows as i64,
            people: report.people as i64,
            total: report.total,
            lines_digest: &lines_digest,
        },
    )?;
    let per_kind: BTreeMap<&str, i64> = report
        .per_kind
        .iter()
        .map(|(k, m)| (k.code(), m.dong()))
        .collect();
    let event = imports::committed(
        batch_id,
        new_people.summary(),
        lines_written,
        &lines_digest,
        vec![batch_event, totals_event],
    );
    w.append(event.with(json!({
            "file": ctx.file, "sha256": ctx.sha, "kind": ctx.kind.code(), "period": ctx.period.to_string(),
            "rows": report.rows, "people": report.people, "new_people": report.new_people,
            "updated_people": report.updated_people, "total": report.total.dong(),
            "per_kind": per_kind, "lines_digest": lines_digest,
    })))?;
    report.batch_id = Some(batch_id);
    Ok(())
}

/// Hands the memory freed once the rows are written (the codes and ID
/// numbers seen, the rows' cells, the names let go) back to the system
/// before the end's index builds ask for more. The C allocator keeps what
/// the two threads freed in their arenas; a million-row list's resident
/// set then rose from there instead of from what is still in use.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code, reason = "malloc_trim(3) has no safe wrapper in std")]
pub(super) fn give_back_freed_memory() {
    // SAFETY: malloc_trim only returns free pages of the allocator's own
    // arenas to the system; it touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub(super) fn give_back_freed_memory() {}

/// Where a field of row `number` is, and whose row it is.
pub(super) fn place(
    columns: &[table::Column],
    number: usize,
    field: crate::import::Field,
    who: &ListedPerson,
) -> Place {
    let mut place = match columns.iter().find(|c| c.field == field) {
        Some(c) => Place::cell(number, c),
        None => Place::row(number),
    };
    place.who = Some(format!("{} {}", who.record_code, who.full_name));
    place
}

/// The refusal of a person's line as a whole (found below the table's
/// end, or hidden), naming whose it is as the row writes it.
pub(super) fn refused_row(row: &table::DataRow, problem: Problem) -> RowProblem {
    use crate::import::Field;
    /// Characters of the code and name kept to name the row.
    const SHOWN: usize = 80;
    let who: Vec<String> = [Field::RecordCode, Field::IdNumber, Field::FullName]
        .into_iter()
        .filter_map(|f| row.get(f))
        .map(|c| c.text.chars().take(SHOWN).collect())
        .collect();
    RowProblem {
        place: Place {
            who: (!who.is_empty()).then(|| who.join(" ")),
            ..Place::row(row.number())
        },
        problem,
    }
}

/// Checks the list's "Tổng cộng" row against the sums of its lines.
fn check_file_total(row: &table::DataRow, report: &mut ImportReport) {
    use crate::import::Field;
    for (col, cell) in row.values() {
        let expected = match col.field {
            Field::Amount(k) => report.per_kind.get(&k).copied().unwrap_or(Money::ZERO),
            Field::RowTotal => report.total,
            _ => continue,
        };
        let stated = match crate::domain::parse_amount(&cell.text) {
            Ok(Some(m)) => m,
            Ok(None) => continue,
            Err(e) => {
                report.reject(RowProblem {
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
            report.reject(RowProblem {
                place: Place::cell(row.number(), col),
                problem: Problem::FileTotal {
                    stated,
                    computed: expected,
                },
            });
        }
    }
}
