//! The writing half of an import run: accepted rows written many to a
//! statement, record codes and ID numbers checked against the list's
//! earlier rows and the people on file, the names kept for the name order,
//! and the ID-number index dropped while a large list is written.

use std::collections::HashMap;
use std::sync::mpsc;

use serde_json::json;
use sha2::{Digest, Sha256};

use super::run::{Event, Run, give_back_freed_memory, place};
use super::seen::{Seen, SeenCodes};
use super::{ImportReport, ListKind};
use crate::domain::{Money, Period};
use crate::import::record::{self, Place, Problem, RowProblem};
use crate::import::table;
use crate::service::Error;
use crate::store::people::ListedPerson;
use crate::store::{Write, imports, people};

/// The writing half of an import.
pub(super) struct Writer<'a, 's> {
    pub(super) w: &'a mut Write<'s>,
    pub(super) ctx: &'a Run<'a>,
    pub(super) at: &'a str,
    /// The table's columns, to name a column in a message.
    pub(super) columns: Vec<table::Column>,
    pub(super) batch_id: i64,
    /// A line's canonical text, reused.
    pub(super) line: String,
    /// Accepted rows not yet written.
    pub(super) pending: Vec<record::ListedRow>,
    pub(super) digest: Sha256,
    /// Record codes seen in this list, by their hash (a million codes as
    /// strings would double the memory an import needs): a code seen twice
    /// is refused.
    pub(super) codes: SeenCodes,
    /// Where written rows go to be freed (the reading thread).
    pub(super) spent: Option<mpsc::Sender<Vec<record::ListedRow>>>,
    /// People on file before this list.
    pub(super) people_before: i64,
    /// The ids the next new person and the next line get: this transaction
    /// is the only writer, so ids are given here, not read back.
    pub(super) next_person: i64,
    pub(super) next_line: i64,
    /// Lines written so far (the commit's event accounts for them).
    pub(super) lines_written: usize,
    /// Whether the ID-number index is dropped until the end of the run.
    pub(super) id_index_dropped: bool,
    pub(super) total_row: Option<table::DataRow>,
    pub(super) new_people: people::NewPeople<'s>,
    pub(super) new_lines: imports::NewLines<'s>,
    /// The month each accepted row of an increase list is paid from, by row.
    pub(super) months: HashMap<usize, Period>,
    /// The people added so far with their name's sort key and folded name,
    /// for the name order at the end; `None` once the list adds more than
    /// [`NAMES_KEPT`], whose names are then read back at the end instead.
    pub(super) names: Option<Vec<imports::NamedPerson>>,
}

/// Rows after which the writing thread hands the memory freed meanwhile
/// back to the system. Rows are made on one thread and freed on the
/// other, and the allocator kept what was freed in its arenas: a
/// million-row list's memory rose by about 20 MB more than it held.
pub(super) const TRIM_EVERY: usize = 100_000;

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
    pub(super) fn take(&mut self, event: Event, report: &mut ImportReport) -> Result<(), Error> {
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
    pub(super) fn flush(&mut self, report: &mut ImportReport) -> Result<(), Error> {
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
                    if self.ctx.kind == ListKind::Monthly {
                        report.new_person(|| super::details::new_person(id, listed));
                    }
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
    pub(super) fn maybe_drop_id_index(&mut self) -> Result<(), Error> {
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
        let registration = crate::store::registrations::latest(self.w, existing.id, None)?;
        if let Some(g) = &registration {
            for disagreement in super::super::lists::listed_differences(g, &listed.person) {
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
            // Every person counted as changed is named in the preview.
            let mut details =
                super::details::detail_changes(&existing, &listed.person, registration.as_ref());
            details.extend(super::details::other_changes(&changes));
            report.details(super::details::preview(
                &existing,
                &listed.person,
                listed.row,
                details,
            ));
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
