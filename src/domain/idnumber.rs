//! Vietnamese personal ID numbers: the 12-digit citizen identity card (CCCD)
//! and the old 9-digit identity card (CMND).
//!
//! A CCCD number is checked against its structure (Circular 07/2016/TT-BCA,
//! amended by 59/2021/TT-BCA): digits 1–3 are the province of birth
//! registration, digit 4 the century of birth and the gender, digits 5–6 the
//! last two digits of the birth year. A CMND is only checked for length.
//! [`parse`] also undoes what a spreadsheet number cell does to an ID (drops
//! its leading zeros, adds ".0"), when the caller says the value came from
//! one.
//!
//! Not here: whether the number belongs to the person (that is the clerk
//! looking at the card), and the wording of errors (`crate::i18n::text`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::person::Gender;

/// The kind of card an ID number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdKind {
    /// Căn cước công dân / căn cước: 12 digits.
    Cccd,
    /// Chứng minh nhân dân (old): 9 digits.
    Cmnd,
}

impl IdKind {
    /// How many digits a number of this kind has.
    pub fn digit_count(self) -> usize {
        match self {
            IdKind::Cccd => 12,
            IdKind::Cmnd => 9,
        }
    }
}

/// A checked ID number: only digits, of the right length and structure.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdNumber {
    kind: IdKind,
    digits: String,
}

impl IdNumber {
    pub fn kind(&self) -> IdKind {
        self.kind
    }

    /// The digits, with no spaces or dots.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// The gender digit 4 of a CCCD gives (even male, odd female); `None`
    /// for a CMND.
    pub fn gender_hint(&self) -> Option<Gender> {
        match self.kind {
            IdKind::Cccd => Some(if (self.digits.as_bytes()[3] - b'0').is_multiple_of(2) {
                Gender::Male
            } else {
                Gender::Female
            }),
            IdKind::Cmnd => None,
        }
    }

    /// The province of birth registration of a CCCD; `None` for a CMND.
    pub fn province(&self) -> Option<&'static str> {
        match self.kind {
            IdKind::Cccd => province_name(&self.digits[..3]),
            IdKind::Cmnd => None,
        }
    }
}

impl fmt::Display for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

/// Strict reading: no leading zero restored, warnings ignored.
impl FromStr for IdNumber {
    type Err = IdError;
    fn from_str(s: &str) -> Result<IdNumber, IdError> {
        parse(s, None, false).map(|(id, _)| id)
    }
}

/// Serialised as the string of digits.
impl Serialize for IdNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.digits)
    }
}

/// Read from a string and checked as by [`IdNumber::from_str`].
impl<'de> Deserialize<'de> for IdNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IdNumber, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Why an ID number was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    /// No digits at all.
    Empty,
    /// A character that is not a digit, space, dot or dash; `digits` is how
    /// many digits there are.
    NonDigit { ch: char, digits: usize },
    /// Neither 12 (CCCD) nor 9 (CMND) digits.
    WrongLength { digits: usize },
    /// The first three digits of a 12-digit number are not a province code.
    UnknownProvince { code: String },
    /// Digit 4 of a CCCD says born in 2100 or later.
    FutureCentury { digit: u8 },
    /// Digit 4 of a CCCD gives a century that the birth year is not in.
    CenturyMismatch { digit: u8, birth_year: i32 },
}

/// Something accepted that the clerk should look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdWarning {
    /// `zeros` leading zeros were put back (the value came from a
    /// spreadsheet number cell, which drops them).
    LeadingZeroRestored { zeros: usize },
    /// Digits 5–6 of a CCCD are not the last two digits of the birth year.
    BirthYearDigits { digits: String, birth_year: i32 },
}

/// Reads an ID number. Spaces, dots and dashes are ignored, and so is a
/// spreadsheet's decimal tail (".0", ".00"). 12 digits make a CCCD, checked
/// for province, century (against `birth_year` when given) and birth-year
/// digits (a mismatch is only a warning); 9 digits make a CMND.
///
/// With `restore_leading_zero` (the value came from a spreadsheet number
/// cell) a number that lost its leading zeros is restored when that gives a
/// valid number: 11 digits (one zero) or 10 digits (two zeros: provinces
/// 001–008) for a CCCD, 8 digits for a CMND; never a value that starts with
/// 0, which a number cell cannot hold. Each restoration is reported as a
/// warning.
pub fn parse(
    s: &str,
    birth_year: Option<i32>,
    restore_leading_zero: bool,
) -> Result<(IdNumber, Vec<IdWarning>), IdError> {
    let mut s = s.trim();
    // A spreadsheet's decimal tail, never part of an ID: without this,
    // "12345678.0" would read as the 9 digits 123456780.
    for suffix in [".00", ".0", ",00", ",0"] {
        if let Some(head) = s.strip_suffix(suffix)
            && head.ends_with(|c: char| c.is_ascii_digit())
        {
            s = head;
            break;
        }
    }
    let mut digits = String::with_capacity(12);
    let mut bad = None;
    for c in s.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '.' | '-' | '\u{2010}'..='\u{2013}' | '\u{2212}' => {}
            c if c.is_whitespace() => {}
            c => {
                bad.get_or_insert(c);
            }
        }
    }
    if let Some(ch) = bad {
        return Err(IdError::NonDigit {
            ch,
            digits: digits.len(),
        });
    }
    let n = digits.len();
    let restorable = restore_leading_zero && !digits.starts_with('0');
    match n {
        0 => Err(IdError::Empty),
        12 => cccd(digits, birth_year),
        9 => Ok((cmnd(digits), Vec::new())),
        10 | 11 if restorable => {
            let padded = format!("{}{digits}", "0".repeat(12 - n));
            let (id, mut warnings) =
                cccd(padded, birth_year).map_err(|_| IdError::WrongLength { digits: n })?;
            warnings.insert(0, IdWarning::LeadingZeroRestored { zeros: 12 - n });
            Ok((id, warnings))
        }
        8 if restorable => Ok((
            cmnd(format!("0{digits}")),
            vec![IdWarning::LeadingZeroRestored { zeros: 1 }],
        )),
        _ => Err(IdError::WrongLength { digits: n }),
    }
}

fn cmnd(digits: String) -> IdNumber {
    IdNumber {
        kind: IdKind::Cmnd,
        digits,
    }
}

/// Checks 12 digits as a CCCD.
fn cccd(digits: String, birth_year: Option<i32>) -> Result<(IdNumber, Vec<IdWarning>), IdError> {
    let code = &digits[..3];
    if province_name(code).is_none() {
        return Err(IdError::UnknownProvince { code: code.into() });
    }
    let digit = digits.as_bytes()[3] - b'0';
    let Some(start) = century_start(digit) else {
        return Err(IdError::FutureCentury { digit });
    };
    let mut warnings = Vec::new();
    if let Some(year) = birth_year {
        if !(start..start + 100).contains(&year) {
            return Err(IdError::CenturyMismatch {
                digit,
                birth_year: year,
            });
        }
        let yy = &digits[4..6];
        if yy != format!("{:02}", year % 100) {
            warnings.push(IdWarning::BirthYearDigits {
                digits: yy.into(),
                birth_year: year,
            });
        }
    }
    Ok((
        IdNumber {
            kind: IdKind::Cccd,
            digits,
        },
        warnings,
    ))
}

/// The first year of the century digit 4 of a CCCD stands for: 0/1 1900,
/// 2/3 2000; `None` for 4–9 (2100 and later, which no card can have yet).
pub fn century_start(digit: u8) -> Option<i32> {
    match digit {
        0..=3 => Some(1900 + 100 * i32::from(digit / 2)),
        _ => None,
    }
}

/// The 63 province codes of CCCD numbers and their provinces.
#[rustfmt::skip]
const PROVINCES: [(&str, &str); 63] = [
    ("001", "Hà Nội"), ("002", "Hà Giang"), ("004", "Cao Bằng"), ("006", "Bắc Kạn"),
    ("008", "Tuyên Quang"), ("010", "Lào Cai"), ("011", "Điện Biên"), ("012", "Lai Châu"),
    ("014", "Sơn La"), ("015", "Yên Bái"), ("017", "Hòa Bình"), ("019", "Thái Nguyên"),
    ("020", "Lạng Sơn"), ("022", "Quảng Ninh"), ("024", "Bắc Giang"), ("025", "Phú Thọ"),
    ("026", "Vĩnh Phúc"), ("027", "Bắc Ninh"), ("030", "Hải Dương"), ("031", "Hải Phòng"),
    ("033", "Hưng Yên"), ("034", "Thái Bình"), ("035", "Hà Nam"), ("036", "Nam Định"),
    ("037", "Ninh Bình"), ("038", "Thanh Hóa"), ("040", "Nghệ An"), ("042", "Hà Tĩnh"),
    ("044", "Quảng Bình"), ("045", "Quảng Trị"), ("046", "Thừa Thiên Huế"), ("048", "Đà Nẵng"),
    ("049", "Quảng Nam"), ("051", "Quảng Ngãi"), ("052", "Bình Định"), ("054", "Phú Yên"),
    ("056", "Khánh Hòa"), ("058", "Ninh Thuận"), ("060", "Bình Thuận"), ("062", "Kon Tum"),
    ("064", "Gia Lai"), ("066", "Đắk Lắk"), ("067", "Đắk Nông"), ("068", "Lâm Đồng"),
    ("070", "Bình Phước"), ("072", "Tây Ninh"), ("074", "Bình Dương"), ("075", "Đồng Nai"),
    ("077", "Bà Rịa - Vũng Tàu"), ("079", "Hồ Chí Minh"), ("080", "Long An"),
    ("082", "Tiền Giang"), ("083", "Bến Tre"), ("084", "Trà Vinh"), ("086", "Vĩnh Long"),
    ("087", "Đồng Tháp"), ("089", "An Giang"), ("091", "Kiên Giang"), ("092", "Cần Thơ"),
    ("093", "Hậu Giang"), ("094", "Sóc Trăng"), ("095", "Bạc Liêu"), ("096", "Cà Mau"),
];

/// The province whose CCCD code is `code` ("001" → "Hà Nội").
pub fn province_name(code: &str) -> Option<&'static str> {
    PROVINCES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| PROVINCES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str, birth_year: Option<i32>, restore: bool) -> (IdNumber, Vec<IdWarning>) {
        match parse(s, birth_year, restore) {
            Ok(r) => r,
            Err(e) => panic!("{s:?} gave {e:?}"),
        }
    }

    fn err(s: &str, birth_year: Option<i32>, restore: bool) -> IdError {
        match parse(s, birth_year, restore) {
            Err(e) => e,
            Ok(r) => panic!("{s:?} was accepted as {r:?}"),
        }
    }

    #[test]
    fn a_cccd_is_read_however_it_is_spaced() {
        for s in [
            "001090001234",
            " 001 090 001 234 ",
            "001.090.001.234",
            "001-090-001-234",
            "001\u{00A0}090\u{2013}001234",
        ] {
            let (id, warnings) = ok(s, Some(1990), false);
            assert_eq!(id.as_str(), "001090001234", "{s:?}");
            assert_eq!(id.kind(), IdKind::Cccd);
            assert!(warnings.is_empty(), "{s:?}: {warnings:?}");
        }
        let (id, _) = ok("079190001234", None, false);
        assert_eq!(id.province(), Some("Hồ Chí Minh"));
        assert_eq!(id.to_string(), "079190001234");
    }

    #[test]
    fn a_cmnd_is_nine_digits_with_no_further_check() {
        let (id, warnings) = ok("123 456 789", Some(1950), false);
        assert_eq!(id.kind(), IdKind::Cmnd);
        assert_eq!(id.as_str(), "123456789");
        assert_eq!(id.gender_hint(), None);
        assert_eq!(id.province(), None);
        assert!(warnings.is_empty());
        assert_eq!(IdKind::Cmnd.digit_count(), 9);
        assert_eq!(IdKind::Cccd.digit_count(), 12);
    }

    #[test]
    fn gender_comes_from_digit_four() {
        let gender = |s: &str| ok(s, None, false).0.gender_hint();
        assert_eq!(gender("001090001234"), Some(Gender::Male));
        assert_eq!(gender("001190001234"), Some(Gender::Female));
        assert_eq!(gender("001205001234"), Some(Gender::Male));
        assert_eq!(gender("001305001234"), Some(Gender::Female));
    }

    #[test]
    fn empty_and_non_digits_are_refused_counting_the_digits() {
        assert_eq!(err("", None, false), IdError::Empty);
        assert_eq!(err(" . - ", None, true), IdError::Empty);
        assert_eq!(
            err("00109000123A", None, false),
            IdError::NonDigit {
                ch: 'A',
                digits: 11
            }
        );
        assert_eq!(
            err("CCCD: 001090001234", None, false),
            IdError::NonDigit {
                ch: 'C',
                digits: 12
            }
        );
        assert_eq!(
            err("1.09000123E+9", None, true),
            IdError::NonDigit {
                ch: 'E',
                digits: 10
            }
        );
    }

    #[test]
    fn any_other_length_is_refused_saying_how_many_digits() {
        for (s, n) in [
            ("1", 1),
            ("12345678", 8),
            ("1234567890", 10),
            ("79090001234", 11),
            ("0010900012345", 13),
        ] {
            assert_eq!(
                err(s, None, false),
                IdError::WrongLength { digits: n },
                "{s}"
            );
        }
    }

    #[test]
    fn the_first_three_digits_must_be_a_province() {
        assert_eq!(
            err("003090001234", None, false),
            IdError::UnknownProvince { code: "003".into() }
        );
        assert_eq!(
            err("790900012345", None, false),
            IdError::UnknownProvince { code: "790".into() }
        );
        assert_eq!(
            err("097090001234", None, false),
            IdError::UnknownProvince { code: "097".into() }
        );
    }

    #[test]
    fn digit_four_must_be_a_possible_century() {
        for d in 4..=9u8 {
            let s = format!("001{d}90001234");
            assert_eq!(err(&s, None, false), IdError::FutureCentury { digit: d });
        }
        assert_eq!(century_start(0), Some(1900));
        assert_eq!(century_start(1), Some(1900));
        assert_eq!(century_start(2), Some(2000));
        assert_eq!(century_start(3), Some(2000));
    }

    #[test]
    fn the_century_must_agree_with_the_birth_year() {
        assert_eq!(
            err("001090001234", Some(2001), false),
            IdError::CenturyMismatch {
                digit: 0,
                birth_year: 2001
            }
        );
        assert_eq!(
            err("001301001234", Some(1999), false),
            IdError::CenturyMismatch {
                digit: 3,
                birth_year: 1999
            }
        );
        // Without a birth year there is nothing to compare.
        assert!(parse("001301001234", None, false).is_ok());
        assert!(parse("001301001234", Some(2001), false).is_ok());
    }

    #[test]
    fn birth_year_digits_that_disagree_are_only_a_warning() {
        let (id, warnings) = ok("036045001234", Some(1946), false);
        assert_eq!(id.as_str(), "036045001234");
        assert_eq!(
            warnings,
            [IdWarning::BirthYearDigits {
                digits: "45".into(),
                birth_year: 1946
            }]
        );
        let (_, warnings) = ok("036005001234", Some(1905), false);
        assert!(warnings.is_empty());
        let (_, warnings) = ok("036005001234", None, false);
        assert!(warnings.is_empty());
    }

    #[test]
    fn leading_zeros_lost_in_a_spreadsheet_are_restored_when_asked() {
        let (id, warnings) = ok("79090001234", Some(1990), true);
        assert_eq!(id.as_str(), "079090001234");
        assert_eq!(warnings, [IdWarning::LeadingZeroRestored { zeros: 1 }]);

        // Hà Nội (001) to Tuyên Quang (008) lose two zeros.
        let (id, warnings) = ok("1090001234", None, true);
        assert_eq!(id.as_str(), "001090001234");
        assert_eq!(warnings, [IdWarning::LeadingZeroRestored { zeros: 2 }]);

        let (id, warnings) = ok("12345678", None, true);
        assert_eq!((id.kind(), id.as_str()), (IdKind::Cmnd, "012345678"));
        assert_eq!(warnings, [IdWarning::LeadingZeroRestored { zeros: 1 }]);

        // Both warnings when the birth-year digits disagree too.
        let (_, warnings) = ok("79045001234", Some(1946), true);
        assert_eq!(
            warnings,
            [
                IdWarning::LeadingZeroRestored { zeros: 1 },
                IdWarning::BirthYearDigits {
                    digits: "45".into(),
                    birth_year: 1946
                }
            ]
        );

        // Complete numbers are left alone.
        let (_, warnings) = ok("123456789", None, true);
        assert!(warnings.is_empty());
        let (_, warnings) = ok("001090001234", None, true);
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_restoration_that_does_not_give_a_valid_number_is_refused() {
        // "0" + "99090001234": no province 099.
        assert_eq!(
            err("99090001234", None, true),
            IdError::WrongLength { digits: 11 }
        );
        // "00" + "9090001234": no province 009.
        assert_eq!(
            err("9090001234", None, true),
            IdError::WrongLength { digits: 10 }
        );
        // The century must still agree.
        assert_eq!(
            err("79090001234", Some(2005), true),
            IdError::WrongLength { digits: 11 }
        );
        // A number cell cannot start with 0, so this one is just short.
        assert_eq!(
            err("07909000123", None, true),
            IdError::WrongLength { digits: 11 }
        );
        assert_eq!(
            err("01234567", None, true),
            IdError::WrongLength { digits: 8 }
        );
    }

    #[test]
    fn a_spreadsheet_decimal_tail_is_dropped() {
        let (id, _) = ok("12345678.0", None, true);
        assert_eq!(id.as_str(), "012345678");
        let (id, _) = ok("1090001234.0", None, true);
        assert_eq!(id.as_str(), "001090001234");
        let (id, _) = ok("001090001234.00", None, true);
        assert_eq!(id.as_str(), "001090001234");
        // Never read as the 9 digits 123456780; without the flag the lost
        // zero is not put back either.
        assert_eq!(
            err("12345678.0", None, false),
            IdError::WrongLength { digits: 8 }
        );
    }

    #[test]
    fn the_province_table_has_the_63_codes_in_order() {
        assert_eq!(PROVINCES.len(), 63);
        assert!(PROVINCES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(
            PROVINCES
                .iter()
                .all(|(c, _)| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit()))
        );
        assert_eq!(province_name("001"), Some("Hà Nội"));
        assert_eq!(province_name("002"), Some("Hà Giang"));
        assert_eq!(province_name("046"), Some("Thừa Thiên Huế"));
        assert_eq!(province_name("079"), Some("Hồ Chí Minh"));
        assert_eq!(province_name("096"), Some("Cà Mau"));
        assert_eq!(province_name("003"), None);
        assert_eq!(province_name("1"), None);
    }

    #[test]
    fn serde_and_from_str_use_the_digits() {
        let id: IdNumber = "001 090 001 234".parse().unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"001090001234\"");
        let back: IdNumber = serde_json::from_str("\"001090001234\"").unwrap();
        assert_eq!(back, id);
        assert!(serde_json::from_str::<IdNumber>("\"79090001234\"").is_err());
        assert_eq!(
            "003090001234".parse::<IdNumber>(),
            Err(IdError::UnknownProvince { code: "003".into() })
        );
    }
}
