//! The checks of a change list's rows that stand on their own: an
//! adjustment's arrears against the payer's rule, an adjustment applied
//! already, the lines an adjustment adds, and the list's total row.

use std::collections::BTreeMap;

use super::ImportReport;
use crate::domain::{EntitlementKind, Money, Period};
use crate::import::Field;
use crate::import::change::{AdjustmentRow, ChangeIssue};
use crate::import::record::{Place, Problem, RowProblem};
use crate::import::table::DataRow;
use crate::service::Error;
use crate::store::changes::LineState;
use crate::store::imports;

/// An adjustment row that repeats one an earlier list of the same period
/// already applied to the person: that list wrote a line of the row's new
/// amount, or arrears (recovery) of the row's stated amount. Imported
/// again — a file re-saved has another sha256 — it would pay the arrears
/// twice.
pub(super) fn already_adjusted(
    r: &crate::store::Read<'_>,
    a: &AdjustmentRow,
    person_id: i64,
    period: Period,
) -> Result<Option<ChangeIssue>, Error> {
    let stated = a.truy_linh.unwrap_or(Money::ZERO) - a.truy_thu.unwrap_or(Money::ZERO);
    let earlier = imports::adjustment_lines_of(r, person_id, period)?;
    Ok(earlier
        .into_iter()
        .find(|l| match l.kind {
            EntitlementKind::TroCap => l.amount == a.new,
            EntitlementKind::TruyLinh | EntitlementKind::TruyThu => {
                stated != Money::ZERO && l.amount == stated
            }
            _ => false,
        })
        .map(|l| ChangeIssue::AlreadyAdjusted {
            file: l.file_name,
            row: usize::try_from(l.row).unwrap_or_default(),
        }))
}

/// The lines an adjustment adds: the new amount for each unpaid monthly
/// line it replaces (in the order of `replaced`), then the arrears or the
/// recovery. The list's arrears count every month from the change as paid
/// at the old amount; a past month still unpaid on file is paid at the new
/// amount instead, so its difference is taken out of them.
pub(super) fn adjustment_lines(
    a: &AdjustmentRow,
    replaced: &[LineState],
    period: Period,
) -> Vec<(Period, EntitlementKind, Money)> {
    let mut out: Vec<(Period, EntitlementKind, Money)> = replaced
        .iter()
        .map(|l| (l.period, EntitlementKind::TroCap, a.new))
        .collect();
    if a.truy_linh.is_none() && a.truy_thu.is_none() {
        return out;
    }
    let stated = a.truy_linh.unwrap_or(Money::ZERO) - a.truy_thu.unwrap_or(Money::ZERO);
    let past = replaced.iter().filter(|l| l.period < period).count() as i64;
    let net = stated - Money::from_dong((a.new - a.old).dong() * past);
    if net > Money::ZERO {
        out.push((period, EntitlementKind::TruyLinh, net));
    } else if net < Money::ZERO {
        out.push((period, EntitlementKind::TruyThu, net));
    }
    out
}

/// The payer's rule for an adjustment's arrears: every month from the
/// change up to (not including) the list's own month was paid at the old
/// amount, so the list owes (new − old) for each of them — arrears (truy
/// lĩnh) when the amount rose, a recovery (truy thu) when it fell. The
/// list's month itself is paid at the new amount, so it is no arrears.
/// The row's stated arrears minus its stated recovery (an empty cell is
/// nothing) must equal that; otherwise the row is refused, naming both
/// amounts. A change from the list's month or later owes no arrears.
pub(super) fn arrears_check(a: &AdjustmentRow, period: Period) -> Option<ChangeIssue> {
    let months = period.months_since(a.from).max(0);
    let expected = Money::from_dong((a.new - a.old).dong() * months);
    let stated = a.truy_linh.unwrap_or(Money::ZERO) - a.truy_thu.unwrap_or(Money::ZERO);
    (stated != expected).then_some(ChangeIssue::ArrearsDiffer {
        stated,
        expected,
        months,
    })
}

/// A decrease whose stop month is more than this many months before the
/// list's month is taken with a warning: a death reported late is a
/// month or two, and every month since is overpaid, to recover.
pub(super) const STOP_MONTHS_BEFORE_WARNED: i64 = 3;

/// Checks the list's total row, column by column, against its rows.
pub(super) fn check_total(row: &DataRow, sums: &BTreeMap<Field, Money>, report: &mut ImportReport) {
    for (col, cell) in row.values() {
        if !matches!(
            col.field,
            Field::Amount(_) | Field::RowTotal | Field::OldAmount | Field::NewAmount
        ) {
            continue;
        }
        let Ok(Some(stated)) = crate::domain::parse_amount(&cell.text) else {
            continue;
        };
        let stated = if stated.is_negative() {
            -stated
        } else {
            stated
        };
        let computed = sums.get(&col.field).copied().unwrap_or(Money::ZERO);
        if col.field == Field::RowTotal || col.field == Field::Amount(EntitlementKind::TroCap) {
            report.file_total.get_or_insert(stated);
        }
        if stated != computed {
            report.reject(RowProblem {
                place: Place::cell(row.number(), col),
                problem: Problem::Change(ChangeIssue::ColumnTotal { stated, computed }),
            });
        }
    }
}
