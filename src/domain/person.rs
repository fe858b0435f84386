//! People with meritorious service (người có công) who receive allowances,
//! as chitra knows them from the social-affairs lists.

use serde::Serialize;

use super::PayMethod;

/// Gender as the lists and ID cards give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// The code stored in the database: "nam" or "nu".
    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "nam",
            Gender::Female => "nu",
        }
    }

    pub fn from_code(code: &str) -> Option<Gender> {
        match code {
            "nam" => Some(Gender::Male),
            "nu" => Some(Gender::Female),
            _ => None,
        }
    }

    /// Reads gender as lists write it: "Nam", "Nữ" (any case, with or
    /// without diacritics), "M"/"F", "x" is not accepted (ambiguous).
    pub fn from_text(s: &str) -> Option<Gender> {
        match crate::text::fold(s).as_str() {
            "nam" | "m" | "male" => Some(Gender::Male),
            "nu" | "f" | "female" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// Whether a person can be paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    /// Tạm dừng: payment suspended (e.g. papers under review).
    Suspended,
    /// Đã chết: reported deceased; never paid again.
    Deceased,
    /// Chuyển đi: moved to another commune.
    Moved,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Suspended => "suspended",
            Status::Deceased => "deceased",
            Status::Moved => "moved",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        match code {
            "active" => Some(Status::Active),
            "suspended" => Some(Status::Suspended),
            "deceased" => Some(Status::Deceased),
            "moved" => Some(Status::Moved),
            _ => None,
        }
    }
}

/// A person on the office's lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: i64,
    pub record_code: String,
    pub full_name: String,
    pub birth_year: Option<i32>,
    pub gender: Option<Gender>,
    pub id_number: Option<String>,
    pub phone: Option<String>,
    pub hamlet: Option<String>,
    pub address: Option<String>,
    pub category: Option<String>,
    /// The method the person registered.
    pub pay_method: PayMethod,
    pub account_no: Option<String>,
    pub account_bank: Option<String>,
    pub status: Status,
    /// Why the status changed, as the decrease list said.
    pub status_note: Option<String>,
    /// From when (dd/mm/yyyy or YYYY-MM-DD as recorded).
    pub status_since: Option<String>,
}

impl Person {
    pub fn is_payable(&self) -> bool {
        self.status == Status::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gender_is_read_as_lists_write_it() {
        assert_eq!(Gender::from_text("Nam"), Some(Gender::Male));
        assert_eq!(Gender::from_text("NỮ"), Some(Gender::Female));
        assert_eq!(Gender::from_text("nu"), Some(Gender::Female));
        assert_eq!(Gender::from_text(" x "), None);
        for g in [Gender::Male, Gender::Female] {
            assert_eq!(Gender::from_code(g.code()), Some(g));
        }
    }

    #[test]
    fn only_active_people_are_payable() {
        for s in [
            Status::Active,
            Status::Suspended,
            Status::Deceased,
            Status::Moved,
        ] {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
    }
}
