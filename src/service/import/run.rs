//! One import run: the reading thread checks rows, the writing thread puts
//! them in the database (many to a statement), then the list's totals are
//! checked and the batch and its audit row written.

use std::collections::{BTreeMap, HashMap};
use std::sync::mpsc;

use serde_json::json;
use sha2::{Digest, Sha256};

use super::seen::{Seen, SeenCodes, SeenIds};
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
enum Event {
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
            for item in tbl.by_ref() {
                match item? {
                    TableRow::Data(row) => {
                        let mut warnings = Vec::new();
                        let number = row.number();
                        let month = match kind {
                            ListKind::Increase => crate::import::change::read_increase_month(&row),
                            _ => Ok(None),
                        };
                        let read = record::read_row(row, hamlet.as_deref(), &mut warnings);
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
                    TableRow::GroupHeading(h) => hamlet = h.hamlet().map(str::to_string),
                    TableRow::Total { row, .. } => batch.push(Event::Total(Box::new(row))),
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
    if let (Some(row), true) = (writer.total_row.take(), !report.is_rejected()) {
        check_file_total(&row, report);
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

/// The writing half of an import.
struct Writer<'a, 's> {
    w: &'a mut Write<'s>,
    ctx: &'a Run<'a>,
    at: &'a str,
    /// The table's columns, to name a column in a message.
    columns: Vec<table::Column>,
    batch_id: i64,
    /// A line's canonical text, reused.
    line: String,
    /// Accepted rows not yet written.
    pending: Vec<record::ListedRow>,
    digest: Sha256,
    /// Record codes seen in this list, by their hash (a million codes as
    /// strings would double the memory an import needs): a code seen twice
    /// is refused.
    codes: SeenCodes,
    /// Where written rows go to be freed (the reading thread).
    spent: Option<mpsc::Sender<Vec<record::ListedRow>>>,
    /// People on file before this list.
    people_before: i64,
    /// The ids the next new person and the next line get: this transaction
    /// is the only writer, so ids are given here, not read back.
    next_person: i64,
    next_line: i64,
    /// Lines written so far (the commit's event accounts for them).
    lines_written: usize,
    /// Whether the ID-number index is dropped until the end of the run.
    id_index_dropped: bool,
    total_row: Option<table::DataRow>,
    new_people: people::NewPeople<'s>,
    new_lines: imports::NewLines<'s>,
    /// The month each accepted row of an increase list is paid from, by row.
    months: HashMap<usize, Period>,
    /// The people added so far with their name's sort key and folded name,
    /// for the name order at the end; `None` once the list adds more than
    /// [`NAMES_KEPT`], whose names are then read back at the end instead.
    names: Option<Vec<imports::NamedPerson>>,
}

/// Rows after which the writing thread hands the memory freed meanwhile
/// back to the system. Rows are made on one thread and freed on the
/// other, and the allocator kept what was freed in its arenas: a
/// million-row list's memory rose by about 20 MB more than it held.
const TRIM_EVERY: usize = 100_000;

/// New people whose name keys an import keeps until its end: about 150
/// bytes each, so at most about 30 MB. A larger list builds its name order
/// from the people read back, which holds no more at once than this does
/// but makes every key again on the writing thread.
const NAMES_KEPT: usize = 200_000;

/// New people after which a run drops the ID-number index and builds it
/// afresh at the end, when they are also at least a quarter of the people
/// on file: below that, adding them one by one is cheaper.
const REBUILD_ID_INDEX_AFTER: i64 = 10_000;

/// Whether a list that has so far added `added` people to the
/// `before` on file should build the ID-number index afresh at the end.
fn rebuild_id_index(before: i64, added: i64) -> bool {
    before == 0 || (added >= REBUILD_ID_INDEX_AFTER && added * 4 >= before)
}

impl Writer<'_, '_> {
    fn take(&mut self, event: Event, report: &mut ImportReport) -> Result<(), Error> {
        let (read, warnings) = match event {
            Event::Total(row) => {
                self.total_row = Some(*row);
                return Ok(());
            }
            Event::Row {
                read,
                warnings,
                month,
            } => {
                if let (Some(m), Ok(l)) = (month, &read) {
                    self.months.insert(l.row, m);
                }
                (read, warnings)
            }
        };
        report.rows += 1;
        for w in warnings {
            report.warn(w);
        }
        let listed = match read {
            Ok(l) => l,
            Err(problems) => {
                for p in problems {
                    report.reject(p);
                }
                return Ok(());
            }
        };
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
        let at = self.at;
        let rows = std::mem::take(&mut self.pending);
        // Only a database that had people before this list can know anyone.
        let mut known = if self.people_before > 0 {
            let codes: Vec<&str> = rows.iter().map(|r| r.person.record_code.as_str()).collect();
            people::by_record_codes(self.w, &codes)?
        } else {
            HashMap::new()
        };
        let mut new: Vec<(i64, &people::ListedPerson)> = Vec::new();
        // Where each new person's row is among `rows`.
        let mut new_at: Vec<usize> = Vec::new();
        let mut starts: Vec<(i64, usize, Period)> = Vec::new();
        let mut lines: Vec<imports::NewLine> = Vec::new();
        // Known people's carried months ("kỳ trước chuyển sang"): the index
        // of the carried line among `lines`.
        let mut carried: Vec<usize> = Vec::new();
        for (at, listed) in rows.iter().enumerate() {
            // The same record code earlier in this list: its person is
            // already written (new) or touched (known).
            let code = listed.person.record_code.as_str();
            let w = &*self.w;
            let first = self.codes.first_row(code, |person| {
                let person = i64::from(person);
                Ok(match new.binary_search_by_key(&person, |(id, _)| *id) {
                    Ok(at) => Some(new[at].1.record_code.clone()),
                    Err(_) => people::get(w, person)?.map(|p| p.record_code),
                })
            })?;
            if let Some(first_row) = first {
                report.reject(RowProblem {
                    place: self.place(listed.row, crate::import::Field::RecordCode, &listed.person),
                    problem: Problem::DuplicateCode {
                        first_row: first_row as usize,
                    },
                });
                continue;
            }
            let was_known = known.contains_key(code);
            let person_id = match known.remove(code) {
                Some(existing) => {
                    let id = existing.id;
                    if !self.known_person(listed, existing, report)? {
                        continue;
                    }
                    id
                }
                None => {
                    let id = self.next_person;
                    self.next_person += 1;
                    new.push((id, &listed.person));
                    new_at.push(at);
                    if self.ctx.kind == ListKind::Increase {
                        let from = self.months.get(&listed.row).copied();
                        report.changes.push(super::changes::added(
                            id,
                            listed,
                            self.ctx.period,
                            from,
                        ));
                        if let Some(m) = from {
                            starts.push((id, listed.row, m));
                        }
                    }
                    id
                }
            };
            self.codes.insert(
                code,
                Seen {
                    row: listed.row as u32,
                    person: u32::try_from(person_id).map_err(|_| Error::NoSuchPerson)?,
                },
            );
            report.people += 1;
            report.total = report.total + listed.total();
            for (kind, amount) in &listed.lines {
                let sum = report.per_kind.entry(*kind).or_insert(Money::ZERO);
                *sum = *sum + *amount;
                if was_known && *kind == crate::domain::EntitlementKind::ChuyenKy {
                    carried.push(lines.len());
                }
                lines.push(imports::NewLine {
                    person_id,
                    kind: *kind,
                    amount: *amount,
                    row: listed.row,
                });
            }
        }
        report.new_people += new.len();
        self.maybe_drop_id_index()?;
        self.new_people.write(&new, self.batch_id, at)?;
        for (person_id, row, from) in starts {
            let event = crate::store::changes::insert_start(
                self.w,
                person_id,
                self.batch_id,
                row as i64,
                from,
            )?;
            self.w.append(event.with(serde_json::json!({
                "batch": self.batch_id, "row": row, "from": from.to_string(),
            })))?;
        }
        let first_line = self.next_line;
        self.new_lines.write(first_line, &lines)?;
        self.next_line += lines.len() as i64;
        self.lines_written += lines.len();
        for at in carried {
            let line = &lines[at];
            let preview = super::changes::replace_carried(
                self.w,
                self.ctx.period,
                self.batch_id,
                first_line + at as i64,
                line.person_id,
                line.amount,
                line.row,
            )?;
            report.changes.extend(preview);
        }
        // The digest follows line ids, as `recompute_digest` reads them.
        for (i, l) in lines.iter().enumerate() {
            self.line.clear();
            imports::write_line_canonical(
                &mut self.line,
                first_line + i as i64,
                l.person_id,
                self.ctx.period,
                l.kind.code(),
                l.amount.dong(),
                l.row as i64,
            );
            self.digest.update(self.line.as_bytes());
        }
        let new: Vec<i64> = new.into_iter().map(|(id, _)| id).collect();
        let mut rows = rows;
        self.keep_names(&new, &new_at, &mut rows);
        self.pending = Vec::with_capacity(people::INSERT_BATCH);
        if let Some(spent) = &self.spent {
            // Once the reader is gone they are freed here.
            let _ = spent.send(rows);
        }
        Ok(())
    }

    /// Keeps the name keys and folded names of the people just added (ids
    /// `ids`, rows `at` among `rows`), moved out of their rows, until the
    /// name order is written; past [`NAMES_KEPT`] people they are let go.
    fn keep_names(&mut self, ids: &[i64], at: &[usize], rows: &mut [record::ListedRow]) {
        let Some(names) = &mut self.names else {
            return;
        };
        if names.len() + ids.len() > NAMES_KEPT {
            self.names = None;
            // What they held (about 30 MB) stayed in the allocator's arenas,
            // resident to the end of the rows: a million-row list's peak
            // counted it whole.
            give_back_freed_memory();
            return;
        }
        for (&id, &i) in ids.iter().zip(at) {
            let row = &mut rows[i];
            names.push(imports::NamedPerson {
                id,
                name_key: std::mem::take(&mut row.name_key),
                folded: std::mem::take(&mut row.person.search_key),
            });
        }
    }

    /// Drops the ID-number index when this list is the office's first, or
    /// once it has added many people compared with those on file (it is
    /// built again at the end, see [`people::drop_id_number_index`]).
    fn maybe_drop_id_index(&mut self) -> Result<(), Error> {
        let added = self.next_person - 1 - self.people_before;
        if !self.id_index_dropped && rebuild_id_index(self.people_before, added) {
            people::drop_id_number_index(self.w)?;
            self.id_index_dropped = true;
        }
        Ok(())
    }

    /// A person already on file: refused when no longer active, otherwise
    /// updated with what the list changes (audited). Returns whether the
    /// row is accepted.
    fn known_person(
        &mut self,
        listed: &record::ListedRow,
        existing: crate::domain::person::Person,
        report: &mut ImportReport,
    ) -> Result<bool, Error> {
        if self.ctx.kind == ListKind::Increase {
            report.reject(RowProblem {
                place: Place {
                    who: Some(format!("{} {}", existing.record_code, existing.full_name)),
                    ..Place::row(listed.row)
                },
                problem: Problem::Change(crate::import::change::ChangeIssue::AlreadyOnFile),
            });
            return Ok(false);
        }
        if !existing.is_payable() {
            report.reject(RowProblem {
                place: Place {
                    who: Some(format!("{} {}", existing.record_code, existing.full_name)),
                    ..Place::row(listed.row)
                },
                problem: Problem::NotActive(existing.status),
            });
            return Ok(false);
        }
        if let Some(g) = crate::store::registrations::latest(self.w, existing.id, None)? {
            for disagreement in super::super::lists::listed_differences(&g, &listed.person) {
                report.warn(RowProblem {
                    place: Place {
                        who: Some(format!("{} {}", existing.record_code, existing.full_name)),
                        ..Place::row(listed.row)
                    },
                    problem: Problem::DiffersFromRegistration(disagreement),
                });
            }
        }
        let changes = people::changes(&existing, &listed.person);
        if !changes.is_empty() {
            report.updated_people += 1;
            let event = people::update_from_list(self.w, &existing, &listed.person)?;
            let detail: Vec<_> = changes
                .iter()
                .map(|(c, old, new)| json!({ "field": c, "old": old, "new": new }))
                .collect();
            self.w.append(
                event.with(json!({ "batch": self.batch_id, "row": listed.row, "changes": detail })),
            )?;
        }
        Ok(true)
    }

    /// Where a field of row `number` is, and whose row it is.
    fn place(&self, number: usize, field: crate::import::Field, who: &ListedPerson) -> Place {
        place(&self.columns, number, field, who)
    }
}

/// Hands the memory freed once the rows are written (the codes and ID
/// numbers seen, the rows' cells, the names let go) back to the system
/// before the end's index builds ask for more. The C allocator keeps what
/// the two threads freed in their arenas; a million-row list's resident
/// set then rose from there instead of from what is still in use.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code, reason = "malloc_trim(3) has no safe wrapper in std")]
fn give_back_freed_memory() {
    // SAFETY: malloc_trim only returns free pages of the allocator's own
    // arenas to the system; it touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_back_freed_memory() {}

/// Where a field of row `number` is, and whose row it is.
fn place(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_index_is_rebuilt_for_a_first_list_or_when_many_people_are_added() {
        // The office's first list, however short.
        assert!(rebuild_id_index(0, 0));
        assert!(rebuild_id_index(0, 3));
        // A usual month: a few new people among many on file.
        assert!(!rebuild_id_index(2_000, 15));
        assert!(!rebuild_id_index(1_000_000, 9_999));
        // Many new people, but few compared with those on file.
        assert!(!rebuild_id_index(1_000_000, 100_000));
        // Many new people, a quarter or more of those on file.
        assert!(rebuild_id_index(40_000, 10_000));
        assert!(rebuild_id_index(1_000_000, 250_000));
        assert!(!rebuild_id_index(40_001, 10_000));
    }
}
