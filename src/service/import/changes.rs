//! Decrease and adjustment lists: each row is checked against the people
//! on file, previewed person by person (who stops or changes, from which
//! month, what becomes of the lines already paid or still unpaid), and
//! written all together in one transaction — or not at all.
//!
//! A decrease writes a stop: from its month on, the person's lines are no
//! longer payable (the store leaves them out and the database refuses
//! them), and a line of those months already paid is reported as money to
//! recover. An adjustment replaces the unpaid monthly lines from its month
//! with lines of the new amount, and writes the arrears (truy lĩnh) or the
//! recovery (truy thu) the list states.

use std::collections::{BTreeMap, HashMap};

use serde_json::json;
use sha2::{Digest, Sha256};

use super::change_checks::{
    STOP_MONTHS_BEFORE_WARNED, adjustment_lines, already_adjusted, arrears_check, check_total,
};
use super::details::DetailChange;
use super::{ImportError, ImportOptions, ImportReport, ListKind};
use crate::domain::{EntitlementKind, Money, Period};
use crate::import::Field;
use crate::import::change::{self, AdjustmentRow, ChangeIssue, DecreaseRow, Who};
use crate::import::record::{Place, Problem, RowProblem};
use crate::import::table::{self, DataRow, TableRow};
use crate::service::Error;
use crate::store::changes::{self as store_changes, LineState, StopReason};
use crate::store::{Write, imports, people};

/// What a change list does to one person, for the preview.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChangePreview {
    pub row: usize,
    pub action: ChangeAction,
    pub person_id: Option<i64>,
    pub record_code: String,
    pub full_name: String,
    /// A new person's ID number, as the list gives it.
    pub id_number: Option<String>,
    /// The month from which the change counts.
    pub from: Option<Period>,
    pub reason: Option<StopReason>,
    pub reason_text: Option<String>,
    pub old_amount: Option<Money>,
    pub new_amount: Option<Money>,
    /// Unpaid lines that are no longer payable (stopped or replaced).
    pub no_longer_payable: Vec<LineState>,
    /// Lines already paid for months from which payment stopped: to recover.
    pub overpaid: Vec<LineState>,
    /// New lines this row adds (the new amount, arrears, recovery).
    pub added: Vec<(Period, EntitlementKind, Money)>,
    /// The person's details a monthly list changes (name, ID number,
    /// method, account), old → new.
    pub details: Vec<DetailChange>,
}

/// The kind of change a row makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeAction {
    Added,
    Stopped,
    Changed,
    /// A month carried into a new month's list replaces the line on file.
    Replaced,
    /// A monthly list changes the details of a person on file.
    Updated,
    /// A monthly list names a person not on file before.
    New,
}

impl ChangePreview {
    /// The sum of the overpaid lines.
    pub fn overpaid_total(&self) -> Money {
        self.overpaid.iter().map(|l| l.amount).sum()
    }
}

/// One accepted row of a decrease or adjustment list.
enum Accepted {
    Decrease(DecreaseRow, i64),
    Adjustment(AdjustmentRow, i64, Vec<LineState>),
}

pub(super) fn import_change<I>(
    service: &mut crate::service::Service,
    session: &crate::service::Session,
    opts: &ImportOptions,
    mut report: ImportReport,
    mut tbl: table::Table<I>,
) -> Result<ImportReport, Error>
where
    I: Iterator<Item = Result<crate::import::source::SheetRow, crate::import::source::SourceError>>,
{
    let period = report.period;
    let mut accepted: Vec<Accepted> = Vec::new();
    let mut total_row: Option<DataRow> = None;
    let mut sums: BTreeMap<Field, Money> = BTreeMap::new();
    // Rows read first (a change list is a few dozen rows), checked against
    // the people on file in one read.
    let mut rows: Vec<DataRow> = Vec::new();
    let mut refused = Vec::new();
    for item in tbl.by_ref() {
        match item.map_err(ImportError::Source)? {
            TableRow::Data(row) if row.hidden() => {
                refused.push(super::run::refused_row(&row, Problem::HiddenRow));
            }
            TableRow::Data(row) if row.masked(false).is_some() => {
                refused.extend(row.masked(false).map(|p| super::run::refused_row(&row, p)));
            }
            TableRow::Total { row, .. } if row.masked(true).is_some() => {
                refused.extend(row.masked(true).map(|p| super::run::refused_row(&row, p)));
            }
            TableRow::Data(row) => rows.push(row),
            TableRow::Total { row, .. } => total_row = Some(row),
            TableRow::AfterEnd { row, end } => {
                refused.push(super::run::refused_row(&row, Problem::AfterTableEnd(end)));
            }
            TableRow::GroupHeading(_) | TableRow::Blank { .. } | TableRow::Subtotal { .. } => {}
        }
    }
    service.store.read(|r| -> Result<(), Error> {
        let mut seen: HashMap<i64, usize> = HashMap::new();
        for row in &rows {
            report.rows += 1;
            let number = row.number();
            for (col, cell) in row.values() {
                if matches!(
                    col.field,
                    Field::Amount(_) | Field::RowTotal | Field::OldAmount | Field::NewAmount
                ) && let Ok(Some(m)) = crate::domain::parse_amount(&cell.text)
                {
                    let m = if m.is_negative() { -m } else { m };
                    let s = sums.entry(col.field).or_insert(Money::ZERO);
                    *s = *s + m;
                }
            }
            let read = match opts.kind {
                ListKind::Decrease => change::read_decrease(row).map(|d| (d.who.clone(), Ok(d))),
                _ => change::read_adjustment(row).map(|a| (a.who.clone(), Err(a))),
            };
            let (who, read) = match read {
                Ok(x) => x,
                Err(problems) => {
                    for p in problems {
                        report.reject(p);
                    }
                    continue;
                }
            };
            let here = Place {
                who: Some(who.label()),
                ..Place::row(number)
            };
            // The month a change takes effect, against the list's own.
            let from = match &read {
                Ok(d) => d.from,
                Err(a) => a.from,
            };
            let month_place = Place {
                who: Some(who.label()),
                ..row
                    .column(Field::FromMonth)
                    .map_or(Place::row(number), |c| Place::cell(number, c))
            };
            if from > period {
                report.reject(RowProblem {
                    place: month_place,
                    problem: Problem::Change(ChangeIssue::MonthAfterList { from, list: period }),
                });
                continue;
            }
            let months = period.months_since(from);
            if opts.kind == ListKind::Decrease && months > STOP_MONTHS_BEFORE_WARNED {
                report.warn(RowProblem {
                    place: month_place,
                    problem: Problem::Change(ChangeIssue::MonthLongBefore { from, months }),
                });
            }
            let Some(person_id) = store_changes::find_person(
                r,
                who.record_code.as_deref(),
                who.id_number.as_deref(),
            )?
            else {
                report.reject(RowProblem {
                    place: here,
                    problem: Problem::Change(ChangeIssue::NotOnFile),
                });
                continue;
            };
            if let Some(&first_row) = seen.get(&person_id) {
                report.reject(RowProblem {
                    place: here,
                    problem: Problem::Change(ChangeIssue::Repeated { first_row }),
                });
                continue;
            }
            seen.insert(person_id, number);
            let person = people::get(r, person_id)?.ok_or(Error::NoSuchPerson)?;
            if let Some(stop) = store_changes::stop_of(r, person_id)? {
                report.reject(RowProblem {
                    place: here,
                    problem: Problem::Change(ChangeIssue::AlreadyStopped { from: stop.from }),
                });
                continue;
            }
            let lines = store_changes::lines_of(r, person_id)?;
            report.people += 1;
            match read {
                Ok(d) => {
                    let (gone, paid): (Vec<_>, Vec<_>) = lines
                        .iter()
                        .filter(|l| l.period >= d.from && !l.replaced)
                        .cloned()
                        .partition(|l| l.paid_receipt.is_none());
                    report.changes.push(preview_of(&who, &person, number, |p| {
                        p.action = ChangeAction::Stopped;
                        p.from = Some(d.from);
                        p.reason = Some(d.reason);
                        p.reason_text = Some(d.reason_text.clone());
                        p.old_amount = d.amount;
                        p.no_longer_payable = gone;
                        p.overpaid = paid;
                    }));
                    if let Some(m) = d.amount {
                        report.total = report.total + m;
                    }
                    accepted.push(Accepted::Decrease(d, person_id));
                }
                Err(a) => {
                    let on_file = lines
                        .iter()
                        .rev()
                        .find(|l| l.kind == EntitlementKind::TroCap && !l.replaced)
                        .map(|l| l.amount);
                    if let Some(on_file) = on_file
                        && on_file != a.old
                    {
                        report.reject(RowProblem {
                            place: here,
                            problem: Problem::Change(ChangeIssue::OldAmountDiffers {
                                listed: a.old,
                                on_file,
                            }),
                        });
                        continue;
                    }
                    if let Some(issue) = already_adjusted(r, &a, person_id, period)? {
                        report.reject(RowProblem {
                            place: here,
                            problem: Problem::Change(issue),
                        });
                        continue;
                    }
                    if let Some(issue) = arrears_check(&a, period) {
                        report.reject(RowProblem {
                            place: here,
                            problem: Problem::Change(issue),
                        });
                        continue;
                    }
                    let replaced: Vec<LineState> = lines
                        .iter()
                        .filter(|l| {
                            l.period >= a.from
                                && l.kind == EntitlementKind::TroCap
                                && l.paid_receipt.is_none()
                                && !l.replaced
                        })
                        .cloned()
                        .collect();
                    let added = adjustment_lines(&a, &replaced, period);
                    for (_, k, m) in &added {
                        report.total = report.total + *m;
                        let s = report.per_kind.entry(*k).or_insert(Money::ZERO);
                        *s = *s + *m;
                    }
                    report.changes.push(preview_of(&who, &person, number, |p| {
                        p.action = ChangeAction::Changed;
                        p.from = Some(a.from);
                        p.reason_text = a.reason.clone();
                        p.old_amount = Some(a.old);
                        p.new_amount = Some(a.new);
                        p.no_longer_payable = replaced.clone();
                        p.added = added.clone();
                    }));
                    accepted.push(Accepted::Adjustment(a, person_id, replaced));
                }
            }
        }
        Ok(())
    })?;
    for p in refused {
        report.rows += 1;
        report.reject(p);
    }
    match total_row {
        Some(row) if !report.is_rejected() => check_total(&row, &sums, &mut report),
        Some(_) => {}
        // A decrease list may name people and months only: without an
        // amount there is nothing for a total to check.
        None if !sums.is_empty() => report.warn(RowProblem {
            place: Place::row(0),
            problem: Problem::NoFileTotal,
        }),
        None => {}
    }
    if report.rows == 0 {
        report.reject(RowProblem {
            place: Place::row(0),
            problem: Problem::NoRows,
        });
    }
    if report.is_rejected() || opts.dry_run {
        return Ok(report);
    }

    let file = report.file.clone();
    let sha = report.sha256.clone();
    let kind = opts.kind;
    let who = service.who(Some(session.user.id));
    let batch_id = service.store.write(who, |w| -> Result<_, Error> {
        let id = write_changes(w, &file, &sha, kind, period, &accepted, &report)?;
        Ok(w.finish(id)?)
    })?;
    report.batch_id = Some(batch_id);
    report.committed = true;
    Ok(report)
}

fn preview_of(
    _who: &Who,
    person: &crate::domain::person::Person,
    row: usize,
    fill: impl FnOnce(&mut ChangePreview),
) -> ChangePreview {
    let mut p = ChangePreview {
        row,
        action: ChangeAction::Stopped,
        person_id: Some(person.id),
        record_code: person.record_code.clone(),
        full_name: person.full_name.clone(),
        id_number: None,
        from: None,
        reason: None,
        reason_text: None,
        old_amount: None,
        new_amount: None,
        no_longer_payable: Vec::new(),
        overpaid: Vec::new(),
        added: Vec::new(),
        details: Vec::new(),
    };
    fill(&mut p);
    p
}

/// Writes the batch, its stops, replacements and lines, and the event
/// that accounts for them; returns the batch's id.
fn write_changes(
    w: &mut Write<'_>,
    file: &str,
    sha: &str,
    kind: ListKind,
    period: Period,
    accepted: &[Accepted],
    report: &ImportReport,
) -> Result<i64, Error> {
    if let Some(event) = imports::ensure_period(w, period)? {
        w.append(event)?;
    }
    let at = w.at().to_string();
    let user_id = w.who().user_id.unwrap_or_default();
    let batch_id = imports::next_batch_id(w)?;
    let batch_event = imports::insert_batch(
        w,
        &imports::NewBatch {
            id: batch_id,
            file_name: file,
            sha256: sha,
            kind: kind.code(),
            period,
            imported_by: user_id,
            imported_at: &at,
        },
    )?;
    let mut parts = vec![batch_event];
    // New lines, grouped by month (one writer per month), ids in order.
    let mut next_line = imports::next_line_id(w)?;
    let mut digest = Sha256::new();
    let mut canonical = String::new();
    let mut lines_written = 0usize;
    for a in accepted {
        match a {
            Accepted::Decrease(d, person_id) => {
                let (_, event) = store_changes::insert_stop(
                    w,
                    &store_changes::NewStop {
                        person_id: *person_id,
                        batch_id,
                        source_row: d.row as i64,
                        from: d.from,
                        reason: d.reason,
                        note: Some(d.reason_text.as_str()),
                    },
                )?;
                parts.push(event.with(json!({
                    "batch": batch_id, "row": d.row, "from": d.from.to_string(),
                    "reason": d.reason.code(), "reason_text": d.reason_text,
                })));
            }
            Accepted::Adjustment(adj, person_id, replaced) => {
                let olds = replaced.iter().map(|l| Some(l.entitlement_id));
                let new = adjustment_lines(adj, replaced, period)
                    .into_iter()
                    .zip(olds.chain(std::iter::repeat(None)));
                for ((per, k, m), old) in new {
                    if let Some(event) = imports::ensure_period(w, per)? {
                        w.append(event)?;
                    }
                    let id = next_line;
                    next_line += 1;
                    let line = imports::NewLine {
                        person_id: *person_id,
                        kind: k,
                        amount: m,
                        row: adj.row,
                    };
                    imports::NewLines::new(w, per, batch_id)
                        .write(id, std::slice::from_ref(&line))?;
                    lines_written += 1;
                    canonical.clear();
                    imports::write_line_canonical(
                        &mut canonical,
                        id,
                        *person_id,
                        per,
                        k.code(),
                        m.dong(),
                        adj.row as i64,
                    );
                    digest.update(canonical.as_bytes());
                    if let Some(old) = old {
                        parts.push(store_changes::insert_replacement(w, old, id, batch_id)?.with(
                            json!({ "batch": batch_id, "row": adj.row, "old_amount": adj.old.dong(), "new_amount": adj.new.dong() }),
                        ));
                    }
                }
            }
        }
    }
    let lines_digest = hex::encode(digest.finalize());
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
    parts.push(totals_event);
    let event = imports::committed(batch_id, None, lines_written, &lines_digest, parts);
    let overpaid: i64 = report
        .changes
        .iter()
        .map(|c| c.overpaid_total().dong())
        .sum();
    w.append(event.with(json!({
        "file": file, "sha256": sha, "kind": kind.code(), "period": period.to_string(),
        "rows": report.rows, "people": report.people, "total": report.total.dong(),
        "overpaid": overpaid, "lines_digest": lines_digest,
    })))?;
    Ok(batch_id)
}

/// A month carried into a new month's list for someone whose earlier line
/// is still unpaid on file: the carried line (`carried_id`) replaces the
/// earlier unpaid lines, never adds to them. Returns the preview of it,
/// or None when nothing earlier is unpaid.
pub(super) fn replace_carried(
    w: &mut Write<'_>,
    period: Period,
    batch_id: i64,
    carried_id: i64,
    person_id: i64,
    amount: Money,
    row: usize,
) -> Result<Option<ChangePreview>, Error> {
    let earlier: Vec<LineState> = store_changes::lines_of(w, person_id)?
        .into_iter()
        .filter(|l| {
            l.period < period && l.paid_receipt.is_none() && !l.replaced && l.amount > Money::ZERO
        })
        .collect();
    if earlier.is_empty() {
        return Ok(None);
    }
    for l in &earlier {
        let event = store_changes::insert_replacement(w, l.entitlement_id, carried_id, batch_id)?;
        w.append(event.with(json!({
            "batch": batch_id, "row": row, "period": l.period.to_string(),
            "old_amount": l.amount.dong(), "carried": amount.dong(),
        })))?;
    }
    let person = people::get(w, person_id)?.ok_or(Error::NoSuchPerson)?;
    Ok(Some(ChangePreview {
        row,
        action: ChangeAction::Replaced,
        person_id: Some(person_id),
        record_code: person.record_code,
        full_name: person.full_name,
        id_number: None,
        from: earlier.first().map(|l| l.period),
        reason: None,
        reason_text: None,
        old_amount: Some(earlier.iter().map(|l| l.amount).sum()),
        new_amount: Some(amount),
        no_longer_payable: earlier,
        overpaid: Vec::new(),
        added: vec![(period, EntitlementKind::ChuyenKy, amount)],
        details: Vec::new(),
    }))
}

/// The preview of a person an increase list adds: their monthly amount and
/// every line of the list (arrears included).
pub(super) fn added(
    person_id: i64,
    listed: &crate::import::record::ListedRow,
    period: Period,
    from: Option<Period>,
) -> ChangePreview {
    let monthly: Money = listed
        .lines
        .iter()
        .filter(|(k, _)| matches!(k, EntitlementKind::TroCap | EntitlementKind::PhuCap))
        .map(|(_, m)| *m)
        .sum();
    ChangePreview {
        row: listed.row,
        action: ChangeAction::Added,
        person_id: Some(person_id),
        record_code: listed.person.record_code.clone(),
        full_name: listed.person.full_name.clone(),
        id_number: listed.person.id_number.clone(),
        from,
        reason: None,
        reason_text: None,
        old_amount: None,
        new_amount: Some(monthly),
        no_longer_payable: Vec::new(),
        overpaid: Vec::new(),
        added: listed.lines.iter().map(|(k, m)| (period, *k, *m)).collect(),
        details: Vec::new(),
    }
}
