//! One row of a change list — a decrease or an adjustment — into checked
//! values, or the problems that stop it, each naming its row and column.
//!
//! The table around the rows (title block, merged headers, hamlet sections,
//! totals, signatures) is found by [`super::table`] exactly as for the
//! monthly list; an increase list's rows are people with amounts, read by
//! [`super::record::read_row`] with the month they are paid from read here.
//! Whether the person is on file is not judged here but by the service.

use chrono::Datelike;

use super::fields::Field;
use super::record::{Place, Problem, RowProblem};
use super::table::{Column, DataRow};
use crate::domain::idnumber;
use crate::domain::{Money, Period};
use crate::store::changes::StopReason;
use crate::text::{clean_field_owned, fold};

/// What is wrong with a change list's row (beyond what a monthly row can
/// have wrong).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeIssue {
    /// No month from which the change takes effect.
    NoMonth,
    /// A month that cannot be read ("tháng sau").
    BadMonth(String),
    /// A date or month that does not exist ("31/02/2026", "13/2026").
    NoSuchDate(String),
    /// A month read but outside the years chitra keeps (2000–2200).
    MonthOutOfRange(String),
    /// A change that takes effect after the list's own month: it belongs
    /// in a later month's list.
    MonthAfterList { from: Period, list: Period },
    /// A payment stopped from a month long before the list's own (a
    /// warning: every month since is paid in excess, to recover).
    MonthLongBefore { from: Period, months: i64 },
    /// A decrease with no reason.
    NoReason,
    /// Nobody on file with this record code or ID number.
    NotOnFile,
    /// The person's payment was already stopped from `from`.
    AlreadyStopped { from: Period },
    /// The person is in the list twice.
    Repeated { first_row: usize },
    /// An adjustment without its old or new amount.
    NoAmounts,
    /// The list's old amount is not what the person is paid on file.
    OldAmountDiffers { listed: Money, on_file: Money },
    /// The arrears (or recovery) the list states are not (new − old) for
    /// each month from the change up to the list's month.
    ArrearsDiffer {
        stated: Money,
        expected: Money,
        months: i64,
    },
    /// The same adjustment (same person, same period, same new amount or
    /// same arrears) was already applied by an earlier list: `file`, `row`.
    AlreadyAdjusted { file: String, row: usize },
    /// An increase names someone already on file.
    AlreadyOnFile,
    /// The list's total of a column disagrees with its rows.
    ColumnTotal { stated: Money, computed: Money },
}

/// Who a change row speaks of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub full_name: String,
    pub record_code: Option<String>,
    pub id_number: Option<String>,
}

impl Who {
    /// "HD-00123 Nguyễn Văn An", for messages.
    pub fn label(&self) -> String {
        match (&self.record_code, &self.id_number) {
            (Some(c), _) => format!("{c} {}", self.full_name),
            (None, Some(id)) => format!("{id} {}", self.full_name),
            (None, None) => self.full_name.clone(),
        }
    }
}

/// A decrease list's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecreaseRow {
    pub row: usize,
    pub who: Who,
    pub reason: StopReason,
    /// The reason as written.
    pub reason_text: String,
    /// Payment stops from this month on.
    pub from: Period,
    /// The monthly amount the list says stops, when it has the column.
    pub amount: Option<Money>,
}

/// An adjustment list's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdjustmentRow {
    pub row: usize,
    pub who: Who,
    pub old: Money,
    pub new: Money,
    pub from: Period,
    /// Arrears the list states (new − old for the months already past).
    pub truy_linh: Option<Money>,
    /// Recovery the list states, as a positive amount.
    pub truy_thu: Option<Money>,
    pub reason: Option<String>,
}

fn issue(place: Place, c: ChangeIssue) -> RowProblem {
    RowProblem {
        place,
        problem: Problem::Change(c),
    }
}

/// Reads the cleaned text of `field`, pushing a problem for a bad value.
fn text_of(
    row: &DataRow,
    field: Field,
    errors: &mut Vec<RowProblem>,
) -> Option<(String, Column, bool)> {
    let (col, cell) = row.value(field)?;
    let place = Place::cell(row.number(), col);
    if let Some(problem) = super::values::raw_problem(field, &cell.text) {
        errors.push(RowProblem { place, problem });
        return None;
    }
    if let Some(max) = field.max_chars()
        && cell.text.chars().count() > max
    {
        errors.push(RowProblem {
            place,
            problem: Problem::TooLong {
                field,
                chars: cell.text.chars().count(),
                max,
            },
        });
        return None;
    }
    match clean_field_owned(cell.text.clone()) {
        Ok(v) if v.is_empty() => None,
        Ok(v) => Some((v, col.clone(), cell.numeric)),
        Err(e) => {
            errors.push(RowProblem {
                place,
                problem: Problem::Text(e),
            });
            None
        }
    }
}

/// The person a row names: full name, record code and/or ID number.
fn who(row: &DataRow, errors: &mut Vec<RowProblem>) -> Option<Who> {
    let n = row.number();
    let name = text_of(row, Field::FullName, errors);
    let code = text_of(row, Field::RecordCode, errors).map(|(v, _, _)| v.to_uppercase());
    let id = match text_of(row, Field::IdNumber, errors) {
        Some((v, col, numeric)) => match idnumber::parse(&v, None, numeric) {
            Ok((id, _)) => Some(id.as_str().to_string()),
            Err(e) => {
                errors.push(RowProblem {
                    place: Place::cell(n, &col),
                    problem: Problem::Id(e),
                });
                return None;
            }
        },
        None => None,
    };
    let Some((full_name, _, _)) = name.filter(|(v, _, _)| v.chars().any(char::is_alphabetic))
    else {
        let place = row
            .column(Field::FullName)
            .map_or(Place::row(n), |c| Place::cell(n, c));
        // A name refused for what it holds is not also missing.
        if !errors.iter().any(|e| e.place == place) {
            errors.push(RowProblem {
                place,
                problem: Problem::MissingName,
            });
        }
        return None;
    };
    if code.is_none() && id.is_none() {
        errors.push(RowProblem {
            place: Place::row(n),
            problem: Problem::MissingCode,
        });
        return None;
    }
    Some(Who {
        full_name,
        record_code: code,
        id_number: id,
    })
}

/// The month a change takes effect from, required.
fn month(row: &DataRow, errors: &mut Vec<RowProblem>) -> Option<Period> {
    let n = row.number();
    match text_of(row, Field::FromMonth, errors) {
        Some((v, col, _)) => match read_month(&v) {
            Ok(p) => Some(p),
            Err(bad) => {
                let issue_of = match bad {
                    BadMonth::Unreadable => ChangeIssue::BadMonth,
                    BadMonth::NoSuchDate => ChangeIssue::NoSuchDate,
                    BadMonth::OutOfRange => ChangeIssue::MonthOutOfRange,
                };
                errors.push(issue(Place::cell(n, &col), issue_of(v)));
                None
            }
        },
        None => {
            let place = row
                .column(Field::FromMonth)
                .map_or(Place::row(n), |c| Place::cell(n, c));
            errors.push(issue(place, ChangeIssue::NoMonth));
            None
        }
    }
}

/// An amount of `field`, if the row has one.
fn amount(row: &DataRow, field: Field, errors: &mut Vec<RowProblem>) -> Option<Money> {
    let (col, cell) = row.value(field)?;
    match crate::domain::parse_amount(&cell.text) {
        Ok(Some(m))
            if m.is_negative() && !matches!(field, Field::Amount(k) if k.is_deduction()) =>
        {
            errors.push(RowProblem {
                place: Place::cell(row.number(), col),
                problem: Problem::NegativeAmount(m),
            });
            None
        }
        Ok(m) => m.map(|m| if m.is_negative() { -m } else { m }),
        Err(e) => {
            errors.push(RowProblem {
                place: Place::cell(row.number(), col),
                problem: Problem::Amount(e),
            });
            None
        }
    }
}

fn name_rows(errors: &mut [RowProblem], who: Option<&Who>) {
    if let Some(w) = who {
        for e in errors {
            e.place.who = Some(w.label());
        }
    }
}

/// Reads a decrease list's row.
pub fn read_decrease(row: &DataRow) -> Result<DecreaseRow, Vec<RowProblem>> {
    let n = row.number();
    let mut errors = Vec::new();
    let who = who(row, &mut errors);
    let from = month(row, &mut errors);
    let reason = match text_of(row, Field::Reason, &mut errors) {
        Some((v, _, _)) => Some((stop_reason(&v), v)),
        None => {
            let place = row
                .column(Field::Reason)
                .map_or(Place::row(n), |c| Place::cell(n, c));
            errors.push(issue(place, ChangeIssue::NoReason));
            None
        }
    };
    let amount = [
        Field::Amount(crate::domain::EntitlementKind::TroCap),
        Field::NewAmount,
        Field::OldAmount,
    ]
    .into_iter()
    .find_map(|f| amount(row, f, &mut errors));
    match (who, from, reason) {
        (Some(who), Some(from), Some((reason, reason_text))) if errors.is_empty() => {
            Ok(DecreaseRow {
                row: n,
                who,
                reason,
                reason_text,
                from,
                amount,
            })
        }
        (who, _, _) => {
            name_rows(&mut errors, who.as_ref());
            Err(errors)
        }
    }
}

/// Reads an adjustment list's row.
pub fn read_adjustment(row: &DataRow) -> Result<AdjustmentRow, Vec<RowProblem>> {
    use crate::domain::EntitlementKind as K;
    let n = row.number();
    let mut errors = Vec::new();
    let who = who(row, &mut errors);
    let from = month(row, &mut errors);
    let old = amount(row, Field::OldAmount, &mut errors);
    let new = amount(row, Field::NewAmount, &mut errors);
    let truy_linh = amount(row, Field::Amount(K::TruyLinh), &mut errors);
    let truy_thu = amount(row, Field::Amount(K::TruyThu), &mut errors);
    let reason = text_of(row, Field::Reason, &mut errors).map(|(v, _, _)| v);
    if errors.is_empty() && (old.is_none() || new.is_none()) {
        let place = row
            .column(if old.is_none() {
                Field::OldAmount
            } else {
                Field::NewAmount
            })
            .map_or(Place::row(n), |c| Place::cell(n, c));
        errors.push(issue(place, ChangeIssue::NoAmounts));
    }
    match (who, from, old, new) {
        (Some(who), Some(from), Some(old), Some(new)) if errors.is_empty() => Ok(AdjustmentRow {
            row: n,
            who,
            old,
            new,
            from,
            truy_linh,
            truy_thu,
            reason,
        }),
        (who, ..) => {
            name_rows(&mut errors, who.as_ref());
            Err(errors)
        }
    }
}

/// The month an increase row's person is paid from; None when the list
/// has no such column.
pub fn read_increase_month(row: &DataRow) -> Result<Option<Period>, Vec<RowProblem>> {
    if row.column(Field::FromMonth).is_none() {
        return Ok(None);
    }
    let mut errors = Vec::new();
    match month(row, &mut errors) {
        Some(p) => Ok(Some(p)),
        None => Err(errors),
    }
}

/// Why payment stops, from the words a list uses.
pub fn stop_reason(s: &str) -> StopReason {
    let f = fold(s);
    let has = |w: &str| {
        f.split(' ')
            .collect::<Vec<_>>()
            .windows(w.split(' ').count())
            .any(|x| x.join(" ") == w)
    };
    if ["chet", "tu tran", "qua doi", "tu vong", "tu the", "mat"]
        .iter()
        .any(|w| has(w))
    {
        StopReason::Died
    } else if [
        "chuyen di",
        "chuyen den",
        "chuyen khau",
        "chuyen noi",
        "chuyen ho khau",
        "chuyen",
    ]
    .iter()
    .any(|w| has(w))
    {
        StopReason::Moved
    } else if [
        "het",
        "thoi huong",
        "cat",
        "dung huong",
        "het han",
        "khong du dieu kien",
    ]
    .iter()
    .any(|w| has(w))
    {
        StopReason::Ended
    } else {
        StopReason::Other
    }
}

/// A month from "11/2026", "T11/2026", "Tháng 11 năm 2026", "01/11/2026",
/// "2026-11" or an Excel date serial.
pub fn parse_month(s: &str) -> Option<Period> {
    read_month(s).ok()
}

/// Why a month cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadMonth {
    /// Not a month at all.
    Unreadable,
    /// A month or a day that does not exist: "13/2026", "31/02/2026".
    NoSuchDate,
    /// A real month outside the years chitra keeps (2000–2200).
    OutOfRange,
}

/// [`parse_month`], saying why a month is not taken. A whole date must be
/// a real day: "31/02/2026" is refused, not read as 02/2026.
pub fn read_month(s: &str) -> Result<Period, BadMonth> {
    let digits: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| BadMonth::Unreadable);
    let month = |y: &str, m: &str| -> Result<Period, BadMonth> {
        let (y, m) = (num(y)?, num(m)?);
        if !(1..=12).contains(&m) {
            return Err(BadMonth::NoSuchDate);
        }
        Period::new(y as i32, m).ok_or(BadMonth::OutOfRange)
    };
    let day = |y: &str, m: &str, d: &str| -> Result<Period, BadMonth> {
        let p = month(y, m);
        let real = chrono::NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?).is_some();
        match p {
            Ok(_) | Err(BadMonth::OutOfRange) if !real => Err(BadMonth::NoSuchDate),
            p => p,
        }
    };
    match digits.as_slice() {
        // An Excel date serial (days since 30/12/1899).
        [d] if d.len() == 5 && s.trim().chars().all(|c| c.is_ascii_digit()) => {
            let days = chrono::Days::new(u64::from(num(d)?));
            let day = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|start| start.checked_add_days(days))
                .ok_or(BadMonth::OutOfRange)?;
            Period::new(day.year(), day.month()).ok_or(BadMonth::OutOfRange)
        }
        [a, b] if a.len() == 4 => month(a, b),
        [a, b] if b.len() == 4 => month(b, a),
        [d, m, y] if y.len() == 4 => day(y, m, d),
        [y, m, d] if y.len() == 4 => day(y, m, d),
        _ => Err(BadMonth::Unreadable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_read_as_lists_write_them() {
        let p = |y, m| Period::new(y, m);
        assert_eq!(parse_month("11/2026"), p(2026, 11));
        assert_eq!(parse_month("T11/2026"), p(2026, 11));
        assert_eq!(parse_month("Tháng 11 năm 2026"), p(2026, 11));
        assert_eq!(parse_month("01/11/2026"), p(2026, 11));
        assert_eq!(parse_month("2026-11"), p(2026, 11));
        assert_eq!(parse_month("2026-11-01"), p(2026, 11));
        assert_eq!(parse_month("46327"), p(2026, 11));
        assert_eq!(parse_month("13/2026"), None);
        assert_eq!(read_month("13/2026"), Err(BadMonth::NoSuchDate));
        assert_eq!(read_month("31/02/2026"), Err(BadMonth::NoSuchDate));
        assert_eq!(read_month("2026-02-30"), Err(BadMonth::NoSuchDate));
        assert_eq!(read_month("29/02/2028"), Ok(Period::new(2028, 2).unwrap()));
        assert_eq!(read_month("28/02/2026"), Ok(Period::new(2026, 2).unwrap()));
        assert_eq!(read_month("01/1990"), Err(BadMonth::OutOfRange));
        assert_eq!(read_month("15/03/1990"), Err(BadMonth::OutOfRange));
        assert_eq!(read_month("99/99/9999"), Err(BadMonth::NoSuchDate));
        assert_eq!(read_month("tháng sau"), Err(BadMonth::Unreadable));
        assert_eq!(parse_month("tháng sau"), None);
    }

    #[test]
    fn reasons_are_read_from_the_words_lists_use() {
        assert_eq!(stop_reason("Từ trần ngày 03/11/2026"), StopReason::Died);
        assert_eq!(stop_reason("Đã chết"), StopReason::Died);
        assert_eq!(stop_reason("Chuyển đi tỉnh khác"), StopReason::Moved);
        assert_eq!(stop_reason("Hết tuổi hưởng"), StopReason::Ended);
        assert_eq!(stop_reason("Thôi hưởng"), StopReason::Ended);
        assert_eq!(stop_reason("Theo quyết định 12/QĐ"), StopReason::Other);
    }
}
