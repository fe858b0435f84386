//! Payment periods: one calendar month, written "2026-11".

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

/// A month of allowances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    pub month: u32,
}

impl Period {
    pub fn new(year: i32, month: u32) -> Option<Period> {
        ((1..=12).contains(&month) && (2000..=2200).contains(&year))
            .then_some(Period { year, month })
    }

    /// The period a date falls in.
    pub fn of(date: NaiveDate) -> Period {
        Period {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn next(self) -> Period {
        if self.month == 12 {
            Period {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Period {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn prev(self) -> Period {
        if self.month == 1 {
            Period {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Period {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// How many months `earlier` is before this one (negative when it is
    /// after).
    pub fn months_since(self, earlier: Period) -> i64 {
        (i64::from(self.year) * 12 + i64::from(self.month))
            - (i64::from(earlier.year) * 12 + i64::from(earlier.month))
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a period is a real month")
    }

    /// "11/2026", as Vietnamese lists write a month.
    pub fn short_label(self) -> String {
        format!("{:02}/{}", self.month, self.year)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom("a period YYYY-MM"))
    }
}

/// A period written other than YYYY-MM (with a real month).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPeriod(pub String);

// Its wording (and `Display`) is in `i18n::period`.

impl FromStr for Period {
    type Err = BadPeriod;

    /// Accepts "2026-11", and "11/2026" as lists write it.
    fn from_str(s: &str) -> Result<Period, BadPeriod> {
        let s = s.trim();
        let bad = || BadPeriod(s.to_string());
        let (y, m) = if let Some((y, m)) = s.split_once('-') {
            (y, m)
        } else if let Some((m, y)) = s.split_once('/') {
            (y, m)
        } else {
            return Err(bad());
        };
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return Err(bad());
        }
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u32 = m.parse().map_err(|_| bad())?;
        Period::new(y, m).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn months_since_counts_across_years() {
        let p = |y, m| Period::new(y, m).unwrap();
        assert_eq!(p(2027, 1).months_since(p(2026, 11)), 2);
        assert_eq!(p(2026, 11).months_since(p(2027, 1)), -2);
        assert_eq!(p(2026, 12).months_since(p(2026, 12)), 0);
    }

    use super::*;

    #[test]
    fn periods_parse_in_both_spellings_and_print_as_stored() {
        assert_eq!("2026-11".parse::<Period>().unwrap().to_string(), "2026-11");
        assert_eq!(
            "11/2026".parse::<Period>().unwrap(),
            Period::new(2026, 11).unwrap()
        );
        assert_eq!("1/2027".parse::<Period>().unwrap().to_string(), "2027-01");
        for bad in [
            "2026-13",
            "2026-0",
            "26-11",
            "2026/11",
            "nov",
            "",
            "2026-11-01",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn next_and_prev_cross_years() {
        let dec = Period::new(2026, 12).unwrap();
        assert_eq!(dec.next(), Period::new(2027, 1).unwrap());
        assert_eq!(dec.next().prev(), dec);
        assert!(Period::new(2026, 2).unwrap() < Period::new(2026, 10).unwrap());
    }
}
