//! The heir (người thừa kế) of a deceased person: the relative who
//! organises the funeral and collects, with the papers the office checks,
//! what the payer's list still owed the deceased.
//!
//! What is owed to the heir: the unpaid lines of the months up to and
//! including the month of death, and the funeral allowance (mai táng phí)
//! whatever month's list carries it. Months after the death are not owed.
//! Not here: who may record an heir (the service) or how it is stored.

use chrono::NaiveDate;
use serde::Serialize;

use super::{EntitlementKind, Period};

/// An heir on file, with the papers recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heir {
    pub id: i64,
    pub person_id: i64,
    /// The heir this one replaced, and why.
    pub replaces: Option<i64>,
    pub reason: Option<String>,
    pub full_name: String,
    pub id_number: String,
    pub relationship: String,
    pub address: String,
    pub phone: Option<String>,
    /// The date of death, from the death certificate.
    pub died_on: NaiveDate,
    pub death_cert_no: String,
    pub death_cert_on: NaiveDate,
    pub death_cert_by: String,
    /// The family's paper naming the heir: its kind, number and date.
    pub family_paper: String,
    pub family_paper_no: Option<String>,
    pub family_paper_on: NaiveDate,
    pub recorded_by: String,
    pub approved_by: String,
    pub recorded_at: String,
}

impl Heir {
    /// The month of death: its list is the last one owed in full.
    pub fn death_period(&self) -> Period {
        Period::of(self.died_on)
    }

    /// Whether a line of `kind` for `period` is owed to this heir.
    pub fn is_owed(&self, kind: EntitlementKind, period: Period) -> bool {
        owed_to_heir(kind, period, self.death_period())
    }
}

/// Whether a line is owed to the heir of someone who died in `death`.
pub fn owed_to_heir(kind: EntitlementKind, period: Period, death: Period) -> bool {
    kind == EntitlementKind::MaiTang || period <= death
}

/// Why papers for an heir cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeirDateError {
    /// The death certificate is dated before the death.
    CertificateBeforeDeath,
    /// A date after today.
    InTheFuture,
}

/// Checks the dates of the papers against each other and today.
pub fn check_dates(
    died_on: NaiveDate,
    cert_on: NaiveDate,
    paper_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), HeirDateError> {
    if died_on > today || cert_on > today || paper_on > today {
        return Err(HeirDateError::InTheFuture);
    }
    if cert_on < died_on {
        return Err(HeirDateError::CertificateBeforeDeath);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_after_death_are_not_owed_but_the_funeral_allowance_is() {
        let death = Period::new(2026, 11).unwrap();
        let dec = Period::new(2026, 12).unwrap();
        assert!(owed_to_heir(EntitlementKind::TroCap, death, death));
        assert!(owed_to_heir(EntitlementKind::TroCap, death.prev(), death));
        assert!(!owed_to_heir(EntitlementKind::TroCap, dec, death));
        assert!(!owed_to_heir(EntitlementKind::TruyLinh, dec, death));
        assert!(owed_to_heir(EntitlementKind::MaiTang, dec, death));
    }

    #[test]
    fn a_certificate_before_the_death_or_a_date_to_come_is_refused() {
        let today = d(2026, 12, 6);
        assert_eq!(
            check_dates(d(2026, 11, 20), d(2026, 11, 22), d(2026, 11, 25), today),
            Ok(())
        );
        assert_eq!(
            check_dates(d(2026, 11, 20), d(2026, 11, 19), d(2026, 11, 25), today),
            Err(HeirDateError::CertificateBeforeDeath)
        );
        assert_eq!(
            check_dates(d(2026, 11, 20), d(2026, 11, 22), d(2026, 12, 7), today),
            Err(HeirDateError::InTheFuture)
        );
    }
}
