//! One data row of a list → one person's details and entitlement lines, or
//! the problems that stop it, each naming its row and column.
//!
//! This is where every value is judged: text is cleaned (control and bidi
//! characters refused), ID numbers checked (CCCD province and century),
//! amounts read as whole đồng (negative only in the deduction column), the
//! row's own total checked against its amounts.

use super::fields::Field;
use super::table::{self, Column, DataRow};
use super::values::{parse_birth_year, pay_method_from_text};
use crate::domain::account::{AccountError, parse_account};
use crate::domain::idnumber::{self, IdError, IdKind, IdWarning};
use crate::domain::money::AmountError;
use crate::domain::person::Gender;
use crate::domain::{EntitlementKind, Money, PayMethod};
use crate::store::people::ListedPerson;
use crate::text::{TextError, clean_field_owned, fold};

/// Where in the file a problem is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    /// The row number Excel shows; 0 for the file as a whole.
    pub row: usize,
    /// "E (Số CCCD)": the column letter and its header.
    pub column: Option<String>,
    /// Whose row it is ("HD-00123 Nguyễn Văn An"), when known.
    pub who: Option<String>,
}

impl Place {
    pub fn row(row: usize) -> Place {
        Place {
            row,
            column: None,
            who: None,
        }
    }

    pub fn cell(row: usize, col: &Column) -> Place {
        Place {
            row,
            column: Some(format!("{} ({})", col.letter, col.header_text)),
            who: None,
        }
    }
}

/// What is wrong with a row (a rejection) or worth a look (a warning).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Text(TextError),
    /// A value longer than its field allows ([`Field::max_chars`]).
    TooLong {
        field: Field,
        chars: usize,
        max: usize,
    },
    MissingName,
    /// A line break inside a value where none can belong (a name, a code,
    /// an ID number, a year, a month, an amount): in a CSV file, most often
    /// a stray quote that joined two rows into one.
    LineBreak {
        field: Field,
    },
    /// A character no person's name holds: a digit, a separator (";", ",",
    /// tab) or a quote — most often cells run together — or anything but a
    /// letter, a space, '-', '.' or an apostrophe (a symbol, a letter of
    /// another alphabet, an invisible or damaged character).
    NameChar(char),
    /// A name that does not start with a letter (a formula's "=", "+",
    /// "-", "@", an error's "#").
    NameStart(char),
    /// A name that is a spreadsheet's value, not text (TRUE, FALSE).
    NameIsValue(String),
    /// More marks stacked on one letter than any Vietnamese letter has.
    StackedMarks,
    /// A character no record code holds: codes are ASCII letters, digits
    /// and "-/._".
    CodeChar(char),
    /// An account number that is not one.
    Account(crate::domain::account::AccountError),
    /// Neither a record code nor an ID number.
    MissingCode,
    BadBirthYear(String),
    Id(IdError),
    IdWarning(IdWarning),
    Amount(AmountError),
    /// A negative amount outside the deduction column.
    NegativeAmount(Money),
    /// No amount at all on the row.
    NoAmount,
    /// The table has no person's line at all.
    NoRows,
    /// A person's line (a record code or ID number, and an amount) below
    /// where the table ended: outside the list and its total.
    AfterTableEnd(table::TableEnd),
    /// A person's line the sheet hides (hidden, or no height): not seen by
    /// whoever read the list in Excel.
    HiddenRow,
    /// A number the cell's format shows as something else (nothing, other
    /// figures, a choice by condition, the number scaled): Excel shows one
    /// value, the file holds another. The column's letter and header.
    MaskedNumber {
        column: String,
        header: String,
    },
    /// A formula whose value the file does not keep, or that Excel computes
    /// again on opening: what Excel shows is not in the file.
    FormulaWithoutValue {
        column: String,
        header: String,
    },
    /// The row's total column disagrees with its amounts.
    RowTotal {
        stated: Money,
        computed: Money,
    },
    /// The same record code appears earlier in the list.
    DuplicateCode {
        first_row: usize,
    },
    /// The same ID number appears earlier in the list.
    DuplicateId {
        first_row: usize,
    },
    /// The file's own total disagrees with the sum of its lines.
    FileTotal {
        stated: Money,
        computed: Money,
    },
    /// On file the person is suspended, deceased or moved.
    NotActive(crate::domain::person::Status),
    /// What a change list's row has wrong ([`super::change`]).
    Change(super::change::ChangeIssue),
    /// Warnings only:
    /// The list has no total row: its sum is checked against nothing.
    NoFileTotal,
    /// A header cell that names no field: its column is not read.
    UnreadHeader(String),
    /// The workbook's other visible sheets have data too: the sheet `read`
    /// was read (the one Excel opens at), not `others`.
    OtherSheets {
        read: String,
        others: Vec<String>,
    },
    NoIdNumber,
    UnknownGender(String),
    GenderDisagreesWithId,
    UnknownPayMethod(String),
    /// The ID number is on file for another record code.
    IdOnOtherRecord(String),
    /// The list says `list` where the office registered `office` (a
    /// phone, a method, an account, an ID number): the office's stays.
    DiffersFromRegistration(Disagreement),
}

/// What a monthly list says about a person against what the office
/// registered at the counter: the list's value, then the office's.
#[derive(Debug, Clone, PartialEq)]
pub enum Disagreement {
    Phone(String, String),
    Method(PayMethod, PayMethod),
    Account(String, String),
    IdNumber(String, String),
}

/// A problem and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    pub place: Place,
    pub problem: Problem,
}

/// A valid row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedRow {
    pub row: usize,
    pub person: ListedPerson,
    pub lines: Vec<(EntitlementKind, Money)>,
    /// The name's sort key (`collate::name_sort_key`), made with the other
    /// checks so the import's writing thread only stores it.
    pub name_key: Vec<u8>,
}

impl ListedRow {
    pub fn total(&self) -> Money {
        self.lines.iter().map(|(_, m)| *m).sum()
    }
}

/// Reads one data row. `hamlet` is the current group heading, used when the
/// list has no hamlet column. Warnings go to `warnings` either way.
pub fn read_row(
    mut row: DataRow,
    hamlet: Option<&str>,
    warnings: &mut Vec<RowProblem>,
) -> Result<ListedRow, Vec<RowProblem>> {
    let n = row.number();
    let mut errors = Vec::new();
    // Before any value is taken out of the row: a "Nam" or "Nữ" column
    // says the gender by being filled.
    let implied_gender = row.implied_gender();
    // Text values are taken out of the row's cells, not copied.
    let columns = row.columns();
    let mut text = |field: Field| -> Option<(String, &Column, bool)> {
        let (col, cell) = row.take_value(field, &columns)?;
        if let Some(problem) =
            too_long(field, &cell.text).or_else(|| super::values::raw_problem(field, &cell.text))
        {
            errors.push(RowProblem {
                place: Place::cell(n, col),
                problem,
            });
            return None;
        }
        match clean_field_owned(cell.text) {
            Ok(v) if v.is_empty() => None,
            Ok(v) => Some((v, col, cell.numeric)),
            Err(e) => {
                errors.push(RowProblem {
                    place: Place::cell(n, col),
                    problem: Problem::Text(e),
                });
                None
            }
        }
    };
    let name = text(Field::FullName);
    let code = text(Field::RecordCode);
    let id_raw = text(Field::IdNumber);
    let birth = text(Field::BirthYear);
    let gender_raw = text(Field::Gender);
    let hamlet_col = text(Field::Hamlet).map(|(v, _, _)| v);
    let address = text(Field::Address).map(|(v, _, _)| v);
    let category = text(Field::Category).map(|(v, _, _)| v);
    let phone = text(Field::Phone).map(|(v, _, _)| v);
    let method_raw = text(Field::PayMethod);
    let account_raw = text(Field::Account);
    let bank = text(Field::Bank).map(|(v, _, _)| v);
    let account = account_raw.and_then(|(v, col, numeric)| match account_number(&v, numeric) {
        Ok(a) => Some(a),
        Err(e) => {
            errors.push(RowProblem {
                place: Place::cell(n, col),
                problem: Problem::Account(e),
            });
            None
        }
    });
    // A hamlet heading above the row stands for a hamlet column.
    let hamlet = match hamlet.map(|h| (h, too_long(Field::Hamlet, h))) {
        Some((_, Some(problem))) => {
            errors.push(RowProblem {
                place: Place::row(n),
                problem,
            });
            None
        }
        other => other.map(|(h, _)| h),
    };

    // A value refused (too long, a bad character) is not also reported as
    // missing.
    let too_long_in = |errors: &[RowProblem], fields: &[Field]| {
        errors.iter().any(|e| match &e.problem {
            Problem::TooLong { field, .. } | Problem::LineBreak { field } => fields.contains(field),
            Problem::Text(_)
            | Problem::NameChar(_)
            | Problem::NameStart(_)
            | Problem::NameIsValue(_)
            | Problem::StackedMarks
            | Problem::CodeChar(_) => fields
                .iter()
                .any(|f| row.column(*f).is_some_and(|c| e.place == Place::cell(n, c))),
            _ => false,
        })
    };
    let full_name = match name {
        Some((v, _, _)) if v.chars().any(char::is_alphabetic) => Some(v),
        Some((_, col, _)) => {
            errors.push(RowProblem {
                place: Place::cell(n, col),
                problem: Problem::MissingName,
            });
            None
        }
        None if too_long_in(&errors, &[Field::FullName]) => None,
        None => {
            let place = row
                .column(Field::FullName)
                .map_or(Place::row(n), |c| Place::cell(n, c));
            errors.push(RowProblem {
                place,
                problem: Problem::MissingName,
            });
            None
        }
    };

    let birth_year = birth.and_then(|(v, col, _)| match parse_birth_year(&v) {
        Some(y) => Some(y),
        None => {
            errors.push(RowProblem {
                place: Place::cell(n, col),
                problem: Problem::BadBirthYear(v),
            });
            None
        }
    });

    let mut gender = implied_gender.map(|g| match g {
        table::Gender::Male => Gender::Male,
        table::Gender::Female => Gender::Female,
    });
    if let Some((v, col, _)) = gender_raw {
        match Gender::from_text(&v) {
            Some(g) => gender = Some(g),
            None => warnings.push(RowProblem {
                place: Place::cell(n, col),
                problem: Problem::UnknownGender(v),
            }),
        }
    }

    let id = match id_raw {
        Some((v, col, numeric)) => match idnumber::parse(&v, birth_year, numeric) {
            Ok((id, warns)) => {
                for w in warns {
                    warnings.push(RowProblem {
                        place: Place::cell(n, col),
                        problem: Problem::IdWarning(w),
                    });
                }
                if let (Some(g), Some(hint)) = (gender, id.gender_hint())
                    && g != hint
                {
                    warnings.push(RowProblem {
                        place: Place::cell(n, col),
                        problem: Problem::GenderDisagreesWithId,
                    });
                }
                Some(id)
            }
            Err(e) => {
                errors.push(RowProblem {
                    place: Place::cell(n, col),
                    problem: Problem::Id(e),
                });
                None
            }
        },
        None => None,
    };

    let record_code = match (code, &id) {
        (Some((v, _, _)), _) if !v.bytes().any(|b| b.is_ascii_lowercase() || !b.is_ascii()) => {
            Some(v)
        }
        (Some((v, _, _)), _) => Some(v.to_uppercase()),
        (None, Some(id)) if row.column(Field::RecordCode).is_none() => {
            Some(id.as_str().to_string())
        }
        (None, _) => {
            if !errors.iter().any(|e| matches!(e.problem, Problem::Id(_)))
                && !too_long_in(&errors, &[Field::RecordCode, Field::IdNumber])
            {
                let place = row
                    .column(Field::RecordCode)
                    .or_else(|| row.column(Field::IdNumber))
                    .map_or(Place::row(n), |c| Place::cell(n, c));
                errors.push(RowProblem {
                    place,
                    problem: Problem::MissingCode,
                });
            }
            None
        }
    };
    if id.is_none()
        && !errors.iter().any(|e| matches!(e.problem, Problem::Id(_)))
        && !too_long_in(&errors, &[Field::IdNumber])
    {
        let place = row
            .column(Field::IdNumber)
            .map_or(Place::row(n), |c| Place::cell(n, c));
        warnings.push(RowProblem {
            place,
            problem: Problem::NoIdNumber,
        });
    }

    let pay_method = method_raw.and_then(|(v, col, _)| match pay_method_from_text(&v) {
        Some(m) => Some(m),
        None => {
            warnings.push(RowProblem {
                place: Place::cell(n, col),
                problem: Problem::UnknownPayMethod(v),
            });
            None
        }
    });

    let mut lines = Vec::new();
    let mut saw_amount = false;
    for kind in EntitlementKind::ALL {
        let Some((col, cell)) = row.value(Field::Amount(kind)) else {
            continue;
        };
        if let Some(problem) = too_long(Field::Amount(kind), &cell.text) {
            errors.push(RowProblem {
                place: Place::cell(n, col),
                problem,
            });
            continue;
        }
        match crate::domain::parse_amount(&cell.text) {
            Ok(None) => {}
            Ok(Some(m)) => {
                saw_amount = true;
                if kind.is_deduction() {
                    // A deduction column may be written either way round.
                    let m = if m.is_negative() { m } else { -m };
                    if !m.is_zero() {
                        lines.push((kind, m));
                    }
                } else if m.is_negative() {
                    errors.push(RowProblem {
                        place: Place::cell(n, col),
                        problem: Problem::NegativeAmount(m),
                    });
                } else if !m.is_zero() {
                    lines.push((kind, m));
                }
            }
            Err(e) => errors.push(RowProblem {
                place: Place::cell(n, col),
                problem: Problem::Amount(e),
            }),
        }
    }
    let any_amount_error = errors.iter().any(|e| {
        matches!(
            e.problem,
            Problem::Amount(_)
                | Problem::NegativeAmount(_)
                | Problem::TooLong {
                    field: Field::Amount(_),
                    ..
                }
        )
    });
    if !saw_amount && !any_amount_error {
        let place = row
            .column(Field::Amount(EntitlementKind::TroCap))
            .map_or(Place::row(n), |c| Place::cell(n, c));
        errors.push(RowProblem {
            place,
            problem: Problem::NoAmount,
        });
    }
    if let Some((col, cell)) = row.value(Field::RowTotal) {
        if let Some(problem) = too_long(Field::RowTotal, &cell.text) {
            errors.push(RowProblem {
                place: Place::cell(n, col),
                problem,
            });
        } else {
            match crate::domain::parse_amount(&cell.text) {
                Ok(stated) => {
                    let stated = stated.unwrap_or(Money::ZERO);
                    let computed: Money = lines.iter().map(|(_, m)| *m).sum();
                    if stated != computed && !any_amount_error {
                        errors.push(RowProblem {
                            place: Place::cell(n, col),
                            problem: Problem::RowTotal { stated, computed },
                        });
                    }
                }
                Err(e) => errors.push(RowProblem {
                    place: Place::cell(n, col),
                    problem: Problem::Amount(e),
                }),
            }
        }
    }

    if !errors.is_empty() {
        let who: Vec<&str> = [record_code.as_deref(), full_name.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !who.is_empty() {
            for e in &mut errors {
                e.place.who = Some(who.join(" "));
            }
        }
        return Err(errors);
    }
    let (Some(full_name), Some(record_code)) = (full_name, record_code) else {
        return Err(vec![RowProblem {
            place: Place::row(n),
            problem: Problem::MissingName,
        }]);
    };
    let search_key = fold(&full_name);
    let name_key = crate::text::collate::name_sort_key(&full_name);
    Ok(ListedRow {
        row: n,
        name_key,
        person: ListedPerson {
            record_code,
            search_key,
            full_name,
            birth_year,
            gender,
            id_kind: id.as_ref().map(|i| match i.kind() {
                IdKind::Cccd => "cccd",
                IdKind::Cmnd => "cmnd",
            }),
            id_number: id.map(|i| i.as_str().to_string()),
            phone,
            hamlet: hamlet_col.or_else(|| hamlet.map(str::to_string)),
            address,
            category,
            pay_method,
            account_no: account,
            account_bank: bank,
        },
        lines,
    })
}

/// The problem of a value longer than its field allows, if it is. Bytes
/// are looked at first: characters are counted only when there could be
/// too many.
fn too_long(field: Field, text: &str) -> Option<Problem> {
    let max = field.max_chars()?;
    if text.len() <= max {
        return None;
    }
    let chars = text.chars().count();
    (chars > max).then_some(Problem::TooLong { field, chars, max })
}

/// The digits of a list's account number; `numeric` when the cell was a
/// number, which Excel keeps to 15 digits.
fn account_number(v: &str, numeric: bool) -> Result<String, AccountError> {
    let digits = parse_account(v)?;
    if numeric && digits.len() > 15 {
        return Err(AccountError::Rounded {
            digits: digits.len(),
        });
    }
    Ok(digits)
}
