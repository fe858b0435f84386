//! What the office registers of a person (or of their proxy or guardian)
//! at the counter: the payment method they want, the account it goes to,
//! why they are paid at home, their mobile phone and their ID papers; and
//! the rules that sort people into the plan's lists (able to open an
//! account, missing papers and which, needing a CCCD card).
//!
//! Vietnamese mobile numbers: ten digits starting with a network prefix in
//! use since the 2018 switch from 11 to 10 digits ([`MOBILE_PREFIXES`]). A
//! number written "+84 9…" or "84 9…" is read as "09…".
//!
//! Not here: where a registration is kept (`store::registrations`), who may
//! record one (`service::register`), the wording (`i18n::register`).

use chrono::NaiveDate;
use serde::Serialize;

use super::idnumber::IdKind;
use super::payment::PayMethod;

/// The three-digit prefixes of Vietnamese mobile networks: Viettel
/// (032–039, 086, 096–098), VinaPhone (081–085, 088, 091, 094), MobiFone
/// (070, 076–079, 089, 090, 093), Vietnamobile (052, 056, 058, 092),
/// Gmobile (059, 099), Reddi (055), Itelecom (087).
pub const MOBILE_PREFIXES: &[&str] = &[
    "032", "033", "034", "035", "036", "037", "038", "039", // Viettel
    "086", "096", "097", "098", // Viettel
    "081", "082", "083", "084", "085", "088", "091", "094", // VinaPhone
    "070", "076", "077", "078", "079", "089", "090", "093", // MobiFone
    "052", "056", "058", "092", // Vietnamobile
    "059", "099", // Gmobile
    "055", // Reddi
    "087", // Itelecom
];

/// One registration of a person (`proxy_id` None) or of one of their
/// proxies or guardians, as recorded at the counter. The newest of a person
/// or proxy holds every field (unchanged ones carried over).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Registration {
    pub id: i64,
    pub person_id: i64,
    pub proxy_id: Option<i64>,
    /// The method wished for (a person's only; `None` for a proxy).
    pub method: Option<PayMethod>,
    pub account_no: Option<String>,
    /// The bank, or the digital account's provider.
    pub account_bank: Option<String>,
    /// The account holder's name, when it is not the person's.
    pub account_holder: Option<String>,
    pub home_reason: Option<HomeReason>,
    pub phone: Option<String>,
    pub papers: Papers,
    pub recorded_by: i64,
    pub recorded_at: String,
    /// The supervisor who confirmed an account in another name.
    pub approved_by: Option<i64>,
}

/// Why a phone number was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneError {
    Empty,
    /// A character that is not a digit, space, dot, dash or a leading "+".
    NonDigit {
        ch: char,
    },
    /// Not ten digits (after "+84" is read as "0").
    WrongLength {
        digits: usize,
    },
    /// Ten digits, but no mobile network uses this prefix (a landline, a
    /// retired 01x prefix, a typo).
    UnknownPrefix {
        prefix: String,
    },
}

/// Reads a Vietnamese mobile number: spaces, dots and dashes are ignored,
/// "+84"/"84" in front of nine digits stands for "0". Returns the ten
/// digits.
pub fn parse_phone(s: &str) -> Result<String, PhoneError> {
    let s = s.trim();
    let (plus, rest) = match s.strip_prefix('+') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let mut digits = String::with_capacity(12);
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' => {}
            ch => return Err(PhoneError::NonDigit { ch }),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    if plus || (digits.len() == 11 && digits.starts_with("84")) {
        match digits.strip_prefix("84") {
            Some(national) => digits = format!("0{national}"),
            None => {
                return Err(PhoneError::UnknownPrefix {
                    prefix: format!("+{}", &digits[..digits.len().min(2)]),
                });
            }
        }
    }
    if digits.len() != 10 {
        return Err(PhoneError::WrongLength {
            digits: digits.len(),
        });
    }
    let prefix = &digits[..3];
    if !MOBILE_PREFIXES.contains(&prefix) {
        return Err(PhoneError::UnknownPrefix {
            prefix: prefix.to_string(),
        });
    }
    Ok(digits)
}

/// Why a person is paid at home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HomeReason {
    /// Ốm đau.
    Ill,
    /// Già yếu.
    Old,
    /// Không có người để ủy quyền.
    NobodyToAuthorise,
    /// Không sử dụng được điện thoại.
    CannotUsePhone,
}

impl HomeReason {
    pub const ALL: [HomeReason; 4] = [
        HomeReason::Ill,
        HomeReason::Old,
        HomeReason::NobodyToAuthorise,
        HomeReason::CannotUsePhone,
    ];

    pub fn code(self) -> &'static str {
        match self {
            HomeReason::Ill => "ill",
            HomeReason::Old => "old",
            HomeReason::NobodyToAuthorise => "no_proxy",
            HomeReason::CannotUsePhone => "no_phone",
        }
    }

    pub fn from_code(code: &str) -> Option<HomeReason> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// A reason as typed: its code, or its Vietnamese words without
    /// diacritics ("om", "gia", "khong co nguoi uy quyen",
    /// "khong dung dien thoai"); `folded` is already folded
    /// (`text::fold`).
    pub fn from_folded(folded: &str) -> Option<HomeReason> {
        let f = folded.trim().replace(['-', '_'], " ");
        let f = f.as_str();
        if let Some(r) = HomeReason::from_code(&f.replace(' ', "_")) {
            return Some(r);
        }
        match f {
            "om" | "om dau" | "benh" | "ill" => Some(HomeReason::Ill),
            "gia" | "gia yeu" | "old" => Some(HomeReason::Old),
            _ if f.contains("uy quyen") => Some(HomeReason::NobodyToAuthorise),
            _ if f.contains("dien thoai") => Some(HomeReason::CannotUsePhone),
            _ => None,
        }
    }
}

/// The ID papers registered at the counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Papers {
    /// The checked digits (12 for a CCCD, 9 for a CMND).
    pub id_number: Option<String>,
    pub id_kind: Option<IdKind>,
    pub issued: Option<NaiveDate>,
    pub place: Option<String>,
}

/// One thing missing before an account can be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// No ID number at all.
    IdNumber,
    /// Only the old CMND, which no longer opens an account alone.
    Cccd,
    /// The date the card was issued.
    IssueDate,
    /// Where the card was issued.
    IssuePlace,
    /// A mobile phone (the bank sends its codes to it).
    Phone,
}

impl Missing {
    pub fn code(self) -> &'static str {
        match self {
            Missing::IdNumber => "id_number",
            Missing::Cccd => "cccd",
            Missing::IssueDate => "issue_date",
            Missing::IssuePlace => "issue_place",
            Missing::Phone => "phone",
        }
    }
}

/// What an account needs that `papers` and `phone` do not give, in a
/// fixed order; empty when the papers are complete.
pub fn missing(papers: &Papers, phone: Option<&str>) -> Vec<Missing> {
    let mut out = Vec::new();
    match papers.id_kind {
        None => out.push(Missing::IdNumber),
        Some(IdKind::Cmnd) => out.push(Missing::Cccd),
        Some(IdKind::Cccd) => {}
    }
    if papers.id_kind.is_some() {
        if papers.issued.is_none() {
            out.push(Missing::IssueDate);
        }
        if papers.place.as_deref().is_none_or(|p| p.trim().is_empty()) {
            out.push(Missing::IssuePlace);
        }
    }
    if phone.is_none_or(|p| p.is_empty()) {
        out.push(Missing::Phone);
    }
    out
}

/// Whether someone needs a CCCD card (for the commune police): no ID
/// number, or only the old CMND.
pub fn needs_cccd(papers: &Papers) -> bool {
    papers.id_kind != Some(IdKind::Cccd)
}

/// Why a registration's papers were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PapersError {
    /// The issue date is after today.
    IssuedInFuture { issued: NaiveDate },
    /// A date or place of issue without an ID number to go with it.
    NoNumber,
}

/// Checks the dates of papers registered on `today`.
pub fn check_papers(papers: &Papers, today: NaiveDate) -> Result<(), PapersError> {
    if let Some(issued) = papers.issued
        && issued > today
    {
        return Err(PapersError::IssuedInFuture { issued });
    }
    if papers.id_number.is_none() && (papers.issued.is_some() || papers.place.is_some()) {
        return Err(PapersError::NoNumber);
    }
    Ok(())
}

/// Where an account stands, in the order the steps happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountStep {
    /// The person asked for an account (on the opening list for the bank).
    Asked,
    /// The bank opened it.
    Opened,
    /// The card was handed over.
    CardGiven,
    /// They were shown how to use it safely.
    Shown,
}

impl AccountStep {
    pub const ALL: [AccountStep; 4] = [
        AccountStep::Asked,
        AccountStep::Opened,
        AccountStep::CardGiven,
        AccountStep::Shown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AccountStep::Asked => "asked",
            AccountStep::Opened => "opened",
            AccountStep::CardGiven => "card",
            AccountStep::Shown => "shown",
        }
    }

    pub fn from_code(code: &str) -> Option<AccountStep> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Whether a method is paid without cash.
pub fn is_cashless(method: PayMethod) -> bool {
    matches!(method, PayMethod::Bank | PayMethod::Wallet)
}

/// The ID number a person shows at the counter to be paid: the one the
/// office registered with their papers, else the payer's list's. The office
/// is the source of what it registered: a later list that writes another
/// number does not change whose card is checked.
pub fn id_number_to_check<'a>(
    listed: Option<&'a str>,
    registered: Option<&'a Registration>,
) -> Option<&'a str> {
    registered
        .and_then(|g| g.papers.id_number.as_deref())
        .or(listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_numbers_of_every_network_are_accepted() {
        for n in [
            "0912345678",
            "0352 123 456",
            "086.123.4567",
            "0708-123-456",
            "0523456789",
            "0599999999",
            "0551234567",
            "0871234567",
        ] {
            assert!(parse_phone(n).is_ok(), "{n}");
        }
        assert_eq!(parse_phone("+84 912 345 678").unwrap(), "0912345678");
        assert_eq!(parse_phone("84912345678").unwrap(), "0912345678");
        assert_eq!(parse_phone(" 098 765 4321 ").unwrap(), "0987654321");
    }

    #[test]
    fn numbers_that_are_not_mobile_are_refused_with_the_reason() {
        assert_eq!(parse_phone(""), Err(PhoneError::Empty));
        assert_eq!(
            parse_phone("091234567"),
            Err(PhoneError::WrongLength { digits: 9 })
        );
        // The retired 11-digit numbers.
        assert_eq!(
            parse_phone("01681234567"),
            Err(PhoneError::WrongLength { digits: 11 })
        );
        // A landline of Hà Nội, ten digits.
        assert_eq!(
            parse_phone("0243 825 1234"),
            Err(PhoneError::WrongLength { digits: 11 })
        );
        assert_eq!(
            parse_phone("0211234567"),
            Err(PhoneError::UnknownPrefix {
                prefix: "021".into()
            })
        );
        assert_eq!(
            parse_phone("0612345678"),
            Err(PhoneError::UnknownPrefix {
                prefix: "061".into()
            })
        );
        assert_eq!(
            parse_phone("09123a5678"),
            Err(PhoneError::NonDigit { ch: 'a' })
        );
        assert!(parse_phone("+1 912 345 678").is_err());
    }

    #[test]
    fn every_prefix_is_three_digits_starting_with_zero_and_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for p in MOBILE_PREFIXES {
            assert_eq!(p.len(), 3);
            assert!(p.starts_with('0'));
            assert!(matches!(&p[1..2], "3" | "5" | "7" | "8" | "9"), "{p}");
            assert!(seen.insert(p), "{p} twice");
        }
    }

    fn papers(kind: Option<IdKind>, issued: bool, place: bool) -> Papers {
        Papers {
            id_number: kind.map(|k| "0".repeat(k.digit_count())),
            id_kind: kind,
            issued: issued.then(|| NaiveDate::from_ymd_opt(2021, 5, 4).unwrap()),
            place: place.then(|| "Cục Cảnh sát QLHC về TTXH".to_string()),
        }
    }

    #[test]
    fn an_account_needs_a_cccd_its_issue_date_and_place_and_a_phone() {
        let full = papers(Some(IdKind::Cccd), true, true);
        assert!(missing(&full, Some("0912345678")).is_empty());
        assert_eq!(missing(&full, None), vec![Missing::Phone]);
        assert_eq!(
            missing(&papers(Some(IdKind::Cmnd), true, true), Some("0912345678")),
            vec![Missing::Cccd]
        );
        assert_eq!(
            missing(&papers(Some(IdKind::Cccd), false, false), None),
            vec![Missing::IssueDate, Missing::IssuePlace, Missing::Phone]
        );
        assert_eq!(
            missing(&papers(None, false, false), Some("0912345678")),
            vec![Missing::IdNumber]
        );
    }

    #[test]
    fn the_police_list_takes_those_without_a_cccd() {
        assert!(needs_cccd(&papers(None, false, false)));
        assert!(needs_cccd(&papers(Some(IdKind::Cmnd), true, true)));
        assert!(!needs_cccd(&papers(Some(IdKind::Cccd), false, false)));
    }

    #[test]
    fn papers_issued_tomorrow_or_without_a_number_are_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let mut p = papers(Some(IdKind::Cccd), true, true);
        assert_eq!(check_papers(&p, today), Ok(()));
        p.issued = today.succ_opt();
        assert!(matches!(
            check_papers(&p, today),
            Err(PapersError::IssuedInFuture { .. })
        ));
        let orphan = Papers {
            id_number: None,
            id_kind: None,
            issued: Some(today),
            place: None,
        };
        assert_eq!(check_papers(&orphan, today), Err(PapersError::NoNumber));
    }

    #[test]
    fn home_reasons_are_read_from_codes_and_words() {
        assert_eq!(HomeReason::from_folded("ill"), Some(HomeReason::Ill));
        assert_eq!(HomeReason::from_folded("gia yeu"), Some(HomeReason::Old));
        assert_eq!(
            HomeReason::from_folded("khong co nguoi uy quyen"),
            Some(HomeReason::NobodyToAuthorise)
        );
        assert_eq!(
            HomeReason::from_folded("no-phone"),
            Some(HomeReason::CannotUsePhone)
        );
        assert_eq!(HomeReason::from_folded("lười"), None);
        for r in HomeReason::ALL {
            assert_eq!(HomeReason::from_code(r.code()), Some(r));
        }
    }
}
