//! The heir of a deceased person: recording them with the papers the office
//! checks (death certificate, the family's paper naming them), replacing
//! them, and what is owed to them.
//!
//! Recording or replacing an heir needs a supervisor — signed in, or
//! approving on the spot — and is audited; the database refuses an heir of
//! a person not deceased, an heir recorded without a supervisor and a
//! second heir that does not replace the first (migration 017). Paying the
//! heir is [`super::pay`] with [`super::pay::Receiver::Heir`].

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;

use super::pay::Approval;
use super::{Error, Service, Session};
use crate::domain::Money;
use crate::domain::heir::{self, Heir, HeirDateError};
use crate::domain::person::Status;
use crate::store::payments::UnpaidLine;
use crate::store::{heirs, people};

/// An heir's papers as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewHeir {
    pub full_name: String,
    pub id_number: String,
    pub relationship: String,
    pub address: String,
    pub phone: String,
    pub died_on: Option<NaiveDate>,
    pub death_cert_no: String,
    pub death_cert_on: Option<NaiveDate>,
    pub death_cert_by: String,
    pub family_paper: String,
    pub family_paper_no: String,
    pub family_paper_on: Option<NaiveDate>,
    /// Why the heir on file is replaced; empty for a first heir.
    pub reason: String,
}

/// A field of an heir's papers, for the wording of a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeirField {
    FullName,
    IdNumber,
    Relationship,
    Address,
    Phone,
    DiedOn,
    DeathCertNo,
    DeathCertOn,
    DeathCertBy,
    FamilyPaper,
    FamilyPaperNo,
    FamilyPaperOn,
    Reason,
}

/// Why an heir was not recorded or cannot be paid.
#[derive(Debug, Clone, PartialEq)]
pub enum HeirError {
    /// The person is not recorded as deceased.
    NotDeceased {
        status: Status,
    },
    FieldMissing(HeirField),
    BadText(HeirField, crate::text::TextError),
    BadId(crate::domain::idnumber::IdError),
    BadPhone,
    Dates(HeirDateError),
    /// An heir is on file already: replace them, with a reason.
    AlreadyOnFile {
        name: String,
    },
    /// A replacement was asked for a person with no heir yet.
    NothingToReplace,
    /// Recording an heir needs a supervisor.
    NeedsSupervisor,
    /// Paying a deceased person's lines needs their heir on file.
    NoHeir,
    /// The heir's ID number is the deceased person's own: whoever holds
    /// the dead person's card would collect as the heir.
    DeceasedOwnId,
}

impl From<HeirError> for Error {
    fn from(e: HeirError) -> Self {
        Error::Heir(e)
    }
}

/// A deceased person's heir and what is owed to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeirView {
    pub heir: Option<Heir>,
    /// Earlier heirs, newest first.
    pub replaced: Vec<Heir>,
    /// The lines the heir may be paid (with no heir on file: those up to
    /// the month the person's status says they died, and the funeral
    /// allowance).
    pub owed: Vec<UnpaidLine>,
    pub owed_total: Money,
}

fn required(field: HeirField, v: &str) -> Result<String, HeirError> {
    let v = crate::text::clean_field(v).map_err(|e| HeirError::BadText(field, e))?;
    if v.is_empty() {
        return Err(HeirError::FieldMissing(field));
    }
    Ok(v)
}

fn optional(field: HeirField, v: &str) -> Result<Option<String>, HeirError> {
    let v = crate::text::clean_field(v).map_err(|e| HeirError::BadText(field, e))?;
    Ok((!v.is_empty()).then_some(v))
}

/// Checks and cleans typed papers (dates against `today`).
fn check_new(person_id: i64, n: &NewHeir, today: NaiveDate) -> Result<Heir, HeirError> {
    let full_name = required(HeirField::FullName, &n.full_name)?;
    let relationship = required(HeirField::Relationship, &n.relationship)?;
    let address = required(HeirField::Address, &n.address)?;
    let death_cert_no = required(HeirField::DeathCertNo, &n.death_cert_no)?;
    let death_cert_by = required(HeirField::DeathCertBy, &n.death_cert_by)?;
    let family_paper = required(HeirField::FamilyPaper, &n.family_paper)?;
    let family_paper_no = optional(HeirField::FamilyPaperNo, &n.family_paper_no)?;
    let reason = optional(HeirField::Reason, &n.reason)?;
    if n.id_number.trim().is_empty() {
        return Err(HeirError::FieldMissing(HeirField::IdNumber));
    }
    let (id, _warnings) =
        crate::domain::idnumber::parse(&n.id_number, None, false).map_err(HeirError::BadId)?;
    let phone = match optional(HeirField::Phone, &n.phone)? {
        Some(p) => {
            let digits: String = p
                .chars()
                .filter(|c| !matches!(c, ' ' | '.' | '-'))
                .collect();
            let ok = digits.len() == 10
                && digits.bytes().all(|b| b.is_ascii_digit())
                && digits.starts_with('0')
                && matches!(digits.as_bytes()[1], b'3' | b'5' | b'7' | b'8' | b'9');
            if !ok {
                return Err(HeirError::BadPhone);
            }
            Some(digits)
        }
        None => None,
    };
    let died_on = n
        .died_on
        .ok_or(HeirError::FieldMissing(HeirField::DiedOn))?;
    let death_cert_on = n
        .death_cert_on
        .ok_or(HeirError::FieldMissing(HeirField::DeathCertOn))?;
    let family_paper_on = n
        .family_paper_on
        .ok_or(HeirError::FieldMissing(HeirField::FamilyPaperOn))?;
    heir::check_dates(died_on, death_cert_on, family_paper_on, today).map_err(HeirError::Dates)?;
    Ok(Heir {
        id: 0,
        person_id,
        replaces: None,
        reason,
        full_name,
        id_number: id.as_str().to_string(),
        relationship,
        address,
        phone,
        died_on,
        death_cert_no,
        death_cert_on,
        death_cert_by,
        family_paper,
        family_paper_no,
        family_paper_on,
        recorded_by: String::new(),
        approved_by: String::new(),
        recorded_at: String::new(),
    })
}

/// The month a person died in, from their heir's death certificate, else
/// from the date their status changed.
fn death_period(person: &crate::domain::person::Person, heir: Option<&Heir>) -> String {
    if let Some(h) = heir {
        return h.death_period().to_string();
    }
    // "YYYY-MM-DD…" as chitra writes it, or "dd/mm/yyyy"; anything else
    // leaves only the funeral allowance owed until the heir's papers say.
    let since = person.status_since.as_deref().unwrap_or("");
    let iso = since
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let date = iso.or_else(|| NaiveDate::parse_from_str(since, "%d/%m/%Y").ok());
    date.map(|d| crate::domain::Period::of(d).to_string())
        .unwrap_or_default()
}

impl Service {
    /// Records the heir of a deceased person, or replaces the one on file
    /// when `new.reason` says why. A supervisor signed in records on their
    /// own say; a clerk needs `approval`.
    pub fn add_heir(
        &mut self,
        session: &Session,
        person_id: i64,
        new: &NewHeir,
        approval: Option<&Approval>,
    ) -> Result<Heir, Error> {
        let approved_by = match approval {
            Some(a) => a.supervisor().id,
            None if session.is_supervisor() => session.user.id,
            None => return Err(HeirError::NeedsSupervisor.into()),
        };
        let mut h = check_new(person_id, new, self.clock.today())?;
        let id = self.store.write(self.who(Some(session.user.id)), |w| {
            let person = people::get(w, person_id)?.ok_or(Error::NoSuchPerson)?;
            if person.status != Status::Deceased {
                return Err(HeirError::NotDeceased {
                    status: person.status,
                }
                .into());
            }
            let own = [
                person.id_number.clone(),
                crate::store::registrations::id_number_to_check(w, &person)?,
            ];
            if own.iter().flatten().any(|n| *n == h.id_number) {
                return Err(HeirError::DeceasedOwnId.into());
            }
            let current = heirs::current(w, person_id)?;
            h.replaces = match (&current, &h.reason) {
                (Some(c), None) => {
                    return Err(HeirError::AlreadyOnFile {
                        name: c.full_name.clone(),
                    }
                    .into());
                }
                (None, Some(_)) => return Err(HeirError::NothingToReplace.into()),
                (Some(c), Some(_)) => Some(c.id),
                (None, None) => None,
            };
            let (id, event) = heirs::insert(w, &h, session.user.id, approved_by)?;
            let event = event.with(json!({
                "person_id": person_id, "record_code": person.record_code,
                "replaces": h.replaces, "reason": h.reason,
                "death_cert_no": h.death_cert_no, "approved_by": approved_by,
            }));
            Ok::<_, Error>(w.log(event, id)?)
        })?;
        self.store
            .read(|r| heirs::current(r, person_id))?
            .filter(|c| c.id == id)
            .ok_or(Error::NoSuchPerson)
    }

    /// A person's heir (if any) and what is owed to them.
    pub fn heir_view(&self, person_id: i64) -> Result<HeirView, Error> {
        self.store.read(|r| {
            let person = people::get(r, person_id)?.ok_or(Error::NoSuchPerson)?;
            view_of(r, &person)
        })
    }
}

/// A person's heir (if any) and what is owed to them, in one read.
pub(super) fn view_of(
    r: &crate::store::Read<'_>,
    person: &crate::domain::person::Person,
) -> Result<HeirView, Error> {
    let mut all = heirs::history(r, person.id)?;
    let heir = if all.is_empty() {
        None
    } else {
        // The heir on file is read through its seal before it is shown.
        heirs::current(r, person.id)?;
        Some(all.remove(0))
    };
    let owed = if person.status == Status::Deceased {
        owed_lines(r, person, heir.as_ref())?
    } else {
        Vec::new()
    };
    let owed_total = owed.iter().map(|l| l.amount).sum();
    Ok(HeirView {
        heir,
        replaced: all,
        owed,
        owed_total,
    })
}

/// The lines of a deceased person owed to their heir.
pub(crate) fn owed_lines(
    r: &crate::store::Read<'_>,
    person: &crate::domain::person::Person,
    heir: Option<&Heir>,
) -> Result<Vec<UnpaidLine>, Error> {
    let death = death_period(person, heir);
    Ok(heirs::owed_lines(r, person.id, &death)?)
}
