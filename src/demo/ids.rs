//! Demo ID numbers that look random but are unique by construction.
//!
//! A CCCD (căn cước công dân) has 12 digits: the province code ("046" for
//! Huế), one digit for century and gender (0 man / 1 woman born in the 1900s,
//! 2 / 3 in the 2000s), the last two digits of the birth year, then six
//! digits. An old CMND has 9 digits; Huế's start with "19".
//!
//! The six (or seven) trailing digits come from a counter per prefix passed
//! through a keyed Feistel permutation of 0..1 000 000: the numbers look
//! scattered, yet no two people with the same prefix can get the same one,
//! without remembering the numbers already issued. That is what lets the
//! bulk writer stream a million rows with unique ID numbers.

use std::collections::HashMap;

use super::people::Gender;
use super::rng::mix64;

/// Huế's province code, the first three digits of a CCCD.
pub const PROVINCE_CODE: &str = "046";

const SPACE: u32 = 1_000_000;

/// The CCCD's fourth digit for a birth year and gender.
pub fn century_gender_digit(birth_year: i32, gender: Gender) -> u8 {
    let century = match birth_year {
        ..=1999 => 0,
        2000..=2099 => 2,
        _ => 4,
    };
    century
        + match gender {
            Gender::Nam => 0,
            Gender::Nu => 1,
        }
}

/// Issues unique CCCD and CMND numbers for one seed.
#[derive(Debug, Clone)]
pub(crate) struct IdIssuer {
    keys: [u64; 4],
    issued: HashMap<u32, u32>,
}

impl IdIssuer {
    pub(crate) fn new(seed: u64) -> Self {
        let k = |i: u64| mix64(seed ^ mix64(0x1D5 + i));
        IdIssuer {
            keys: [k(0), k(1), k(2), k(3)],
            issued: HashMap::new(),
        }
    }

    /// A bijection of 0..1 000 000, different for each `tweak`.
    fn permute(&self, x: u32, tweak: u64) -> u32 {
        let (mut left, mut right) = (x / 1000, x % 1000);
        for key in self.keys {
            let f = (mix64(u64::from(right) ^ key ^ tweak.wrapping_mul(0x9E37)) % 1000) as u32;
            (left, right) = (right, (left + f) % 1000);
        }
        left * 1000 + right
    }

    /// The next unused six digits under `prefix`, or `None` once all
    /// 1 000 000 are used (tens of millions of people born in one year).
    fn next_suffix(&mut self, prefix: u32) -> Option<u32> {
        let counter = self.issued.entry(prefix).or_insert(0);
        if *counter >= SPACE {
            return None;
        }
        let x = *counter;
        *counter += 1;
        Some(self.permute(x, u64::from(prefix)))
    }

    /// A new 12-digit CCCD for a person born in `birth_year`.
    pub(crate) fn cccd(&mut self, birth_year: i32, gender: Gender) -> Option<String> {
        let digit = century_gender_digit(birth_year, gender);
        let yy = birth_year.rem_euclid(100) as u32;
        let prefix = u32::from(digit) * 100 + yy;
        let suffix = self.next_suffix(prefix)?;
        Some(format!("{PROVINCE_CODE}{digit}{yy:02}{suffix:06}"))
    }

    /// A new 9-digit CMND: "19", a digit chosen by the caller (0–9), six more.
    pub(crate) fn cmnd(&mut self, third_digit: u8) -> Option<String> {
        let prefix = 10_000 + u32::from(third_digit % 10);
        let suffix = self.next_suffix(prefix)?;
        Some(format!("19{}{suffix:06}", third_digit % 10))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn permutation_is_a_bijection() {
        let ids = IdIssuer::new(9);
        let mut seen = vec![false; SPACE as usize];
        for x in 0..SPACE {
            let y = ids.permute(x, 55) as usize;
            assert!(!seen[y], "{x} collides");
            seen[y] = true;
        }
    }

    #[test]
    fn cccd_structure() {
        let mut ids = IdIssuer::new(1);
        let a = ids.cccd(1948, Gender::Nam).unwrap();
        assert_eq!(a.len(), 12);
        assert!(a.starts_with("046048"), "{a}");
        assert!(ids.cccd(1962, Gender::Nu).unwrap().starts_with("046162"));
        assert!(ids.cccd(2000, Gender::Nam).unwrap().starts_with("046200"));
        assert!(ids.cccd(2003, Gender::Nu).unwrap().starts_with("046303"));
        let c = ids.cmnd(7).unwrap();
        assert_eq!(c.len(), 9);
        assert!(c.starts_with("197"));
    }

    #[test]
    fn one_prefix_gives_unique_numbers_until_exhausted() {
        let mut ids = IdIssuer::new(4);
        let mut seen = HashSet::new();
        for _ in 0..SPACE {
            assert!(seen.insert(ids.cccd(1950, Gender::Nam).unwrap()));
        }
        assert_eq!(ids.cccd(1950, Gender::Nam), None);
        assert!(ids.cccd(1950, Gender::Nu).is_some());
    }

    #[test]
    fn suffixes_look_scattered() {
        let mut ids = IdIssuer::new(2);
        let first: Vec<String> = (0..5)
            .map(|_| ids.cccd(1955, Gender::Nam).unwrap())
            .collect();
        let sorted = {
            let mut s = first.clone();
            s.sort();
            s
        };
        assert_ne!(first, sorted, "not simply counting up: {first:?}");
    }
}
