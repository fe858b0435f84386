//! Proxies and guardians who may collect for a person.
//!
//! A proxy (người được ủy quyền) holds an authorisation certified by the
//! commune, valid at most one year; it is usable only while in date. A
//! guardian (người giám hộ) is on file without an end date.

use chrono::{Months, NaiveDate};
use serde::Serialize;

/// A proxy or guardian on file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proxy {
    pub id: i64,
    pub person_id: i64,
    pub guardian: bool,
    pub full_name: String,
    pub id_number: String,
    pub relationship: String,
    pub document_no: String,
    pub certified_by: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// Whether an authorisation can be used on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Validity {
    InDate,
    Expired { on: NaiveDate },
    NotYetValid { from: NaiveDate },
}

impl Proxy {
    pub fn validity(&self, today: NaiveDate) -> Validity {
        if today < self.valid_from {
            return Validity::NotYetValid {
                from: self.valid_from,
            };
        }
        match self.valid_to {
            Some(to) if today > to => Validity::Expired { on: to },
            _ => Validity::InDate,
        }
    }
}

/// Why a new authorisation cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProxyRuleError {
    /// The end is before the start.
    EndsBeforeStart,
    /// A proxy's authorisation is valid at most one year.
    LongerThanAYear { latest_end: NaiveDate },
    /// A proxy (not a guardian) needs an end date.
    NoEndDate,
}

/// Checks the validity dates of a new authorisation.
pub fn check_dates(
    guardian: bool,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<(), ProxyRuleError> {
    match to {
        None if guardian => Ok(()),
        None => Err(ProxyRuleError::NoEndDate),
        Some(to) if to < from => Err(ProxyRuleError::EndsBeforeStart),
        Some(to) => {
            let latest_end = from
                .checked_add_months(Months::new(12))
                .unwrap_or(NaiveDate::MAX);
            if !guardian && to > latest_end {
                Err(ProxyRuleError::LongerThanAYear { latest_end })
            } else {
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn proxy(from: &str, to: Option<&str>) -> Proxy {
        Proxy {
            id: 1,
            person_id: 1,
            guardian: to.is_none(),
            full_name: "Lê Văn Bình".into(),
            id_number: "046090001234".into(),
            relationship: "con trai".into(),
            document_no: "12/UQ".into(),
            certified_by: "UBND xã Hải Dương".into(),
            valid_from: d(from),
            valid_to: to.map(d),
        }
    }

    #[test]
    fn an_authorisation_is_usable_on_its_first_and_last_day_only_between() {
        let p = proxy("2026-03-01", Some("2027-02-28"));
        assert_eq!(
            p.validity(d("2026-02-28")),
            Validity::NotYetValid {
                from: d("2026-03-01")
            }
        );
        assert_eq!(p.validity(d("2026-03-01")), Validity::InDate);
        assert_eq!(p.validity(d("2027-02-28")), Validity::InDate);
        assert_eq!(
            p.validity(d("2027-03-01")),
            Validity::Expired {
                on: d("2027-02-28")
            }
        );
    }

    #[test]
    fn a_guardian_has_no_end() {
        assert_eq!(
            proxy("2020-01-01", None).validity(d("2030-01-01")),
            Validity::InDate
        );
    }

    #[test]
    fn a_proxy_is_valid_at_most_one_year() {
        assert_eq!(
            check_dates(false, d("2026-11-28"), Some(d("2027-11-28"))),
            Ok(())
        );
        assert_eq!(
            check_dates(false, d("2026-11-28"), Some(d("2027-11-29"))),
            Err(ProxyRuleError::LongerThanAYear {
                latest_end: d("2027-11-28")
            })
        );
        assert_eq!(
            check_dates(false, d("2026-11-28"), None),
            Err(ProxyRuleError::NoEndDate)
        );
        assert_eq!(
            check_dates(false, d("2026-11-28"), Some(d("2026-11-27"))),
            Err(ProxyRuleError::EndsBeforeStart)
        );
        assert_eq!(check_dates(true, d("2026-11-28"), None), Ok(()));
    }
}
