//! Money: whole Vietnamese đồng, and reading amounts written in lists.
//!
//! [`Money`] is a `rust_decimal::Decimal` that always holds a whole number
//! of đồng inside the `i64` range (scale 0), so it maps one to one onto the
//! INTEGER đồng stored in SQLite. It is shown as `2.789.000 đ`.
//!
//! [`parse_amount`] reads an amount the way the social-affairs lists write
//! it ("2.789.000", "2,789,000 đ", "(100.000)", "2789000,00", …) and refuses
//! anything that is not a whole number of đồng rather than guessing.
//!
//! Not here: amounts in words ([`crate::domain::words`]), and any rule about
//! which amounts are allowed where (negative only for deductions, …); the
//! callers decide that. Floats are never used.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Neg, Sub};

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod parse;

pub use parse::{AmountError, PARSE_LIMIT_DONG, parse_amount};

/// A whole number of đồng, positive, zero or negative.
///
/// Arithmetic stays in the `i64` range (±9.2 × 10^18 đồng, about a thousand
/// times Vietnam's yearly GDP). Use [`Money::checked_add`],
/// [`Money::checked_sub`] and [`Money::checked_sum`] wherever an overflow
/// must be reported. The operators `+`, `-`, unary `-` and `Sum` never
/// panic: they saturate at the ends of the range, which amounts read with
/// [`parse_amount`] (at most 10^15 each) cannot reach in fewer than
/// 9,000 additions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Money(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// `dong` đồng.
    pub fn from_dong(dong: i64) -> Money {
        Money(Decimal::from(dong))
    }

    /// The amount in đồng.
    pub fn dong(self) -> i64 {
        // Invariant: scale 0 and within i64, so the mantissa is the amount.
        let m = self.0.mantissa();
        i64::try_from(m).unwrap_or(if m < 0 { i64::MIN } else { i64::MAX })
    }

    /// A decimal that is a whole number of đồng within the `i64` range
    /// ("2789000.00" is; "2789000.5" is not).
    pub fn from_decimal(d: Decimal) -> Option<Money> {
        if !d.fract().is_zero() {
            return None;
        }
        i64::try_from(d.trunc()).ok().map(Money::from_dong)
    }

    /// The amount as a decimal (scale 0).
    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.dong().checked_add(other.dong()).map(Money::from_dong)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.dong().checked_sub(other.dong()).map(Money::from_dong)
    }

    /// The sum of `amounts`, or `None` if it leaves the `i64` range.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The amount with dots between thousands and no unit: "2.789.000",
    /// "-1.000", "0".
    pub fn format_plain(self) -> String {
        let dong = self.dong();
        let digits = dong.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() * 4 / 3 + 1);
        if dong < 0 {
            out.push('-');
        }
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(d);
        }
        out
    }
}

/// "2.789.000 đ", "0 đ", "-1.000 đ".
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} đ", self.format_plain())
    }
}

impl From<Money> for Decimal {
    fn from(m: Money) -> Decimal {
        m.0
    }
}

/// Saturates at the ends of the `i64` range (see [`Money`]).
impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money::from_dong(self.dong().saturating_add(other.dong()))
    }
}

/// Saturates at the ends of the `i64` range (see [`Money`]).
impl Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money::from_dong(self.dong().saturating_sub(other.dong()))
    }
}

/// `-i64::MIN` saturates to `i64::MAX` (see [`Money`]).
impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money::from_dong(self.dong().saturating_neg())
    }
}

/// Saturates at the ends of the `i64` range; use [`Money::checked_sum`]
/// when that must be reported.
impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

/// Serialised as an integer number of đồng.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.dong())
    }
}

/// Read from an integer number of đồng; fractions and floats are refused.
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        i64::deserialize(d).map(Money::from_dong)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_groups_thousands_with_dots() {
        assert_eq!(Money::from_dong(2_789_000).to_string(), "2.789.000 đ");
        assert_eq!(Money::ZERO.to_string(), "0 đ");
        assert_eq!(Money::from_dong(-1_000).to_string(), "-1.000 đ");
        assert_eq!(Money::from_dong(999).to_string(), "999 đ");
        assert_eq!(Money::from_dong(100_000).format_plain(), "100.000");
        assert_eq!(Money::from_dong(2_789_000).format_plain(), "2.789.000");
        assert_eq!(
            Money::from_dong(i64::MIN).format_plain(),
            "-9.223.372.036.854.775.808"
        );
    }

    #[test]
    fn arithmetic_is_exact_and_never_panics() {
        let a = Money::from_dong(2_789_000);
        let b = Money::from_dong(1_394_500);
        assert_eq!((a + b).dong(), 4_183_500);
        assert_eq!((b - a).dong(), -1_394_500);
        assert!((b - a).is_negative());
        assert!(!Money::ZERO.is_negative());
        assert!(!(-Money::ZERO).is_negative());
        assert_eq!((-a).dong(), -2_789_000);
        let list = [a, b, Money::from_dong(-500)];
        assert_eq!(list.iter().sum::<Money>().dong(), 4_183_000);
        assert_eq!(list.into_iter().sum::<Money>().dong(), 4_183_000);
        assert!(b < a && -a < Money::ZERO && a == b + b);

        let max = Money::from_dong(i64::MAX);
        let min = Money::from_dong(i64::MIN);
        assert_eq!(max.checked_add(Money::from_dong(1)), None);
        assert_eq!(min.checked_sub(Money::from_dong(1)), None);
        assert_eq!(Money::checked_sum([max, Money::from_dong(1)]), None);
        assert_eq!(Money::checked_sum([a, b]), Some(a + b));
        assert_eq!(max + Money::from_dong(1), max);
        assert_eq!(min - Money::from_dong(1), min);
        assert_eq!(-min, max);
        assert_eq!([max, max].into_iter().sum::<Money>(), max);
    }

    #[test]
    fn decimals_must_be_whole_dong() {
        assert_eq!(
            Money::from_decimal(Decimal::new(278_900_000, 2)),
            Some(Money::from_dong(2_789_000))
        );
        assert_eq!(Money::from_decimal(Decimal::new(27_890_005, 1)), None);
        assert_eq!(Money::from_decimal(Decimal::MAX), None);
        assert_eq!(Money::from_dong(42).as_decimal().scale(), 0);
        // Equal amounts are equal however they were made.
        assert_eq!(
            Money::from_decimal(Decimal::new(100, 2)),
            Some(Money::from_dong(1))
        );
    }

    #[test]
    fn serde_is_integer_dong() {
        let m = Money::from_dong(2_789_000);
        assert_eq!(serde_json::to_string(&m).unwrap(), "2789000");
        assert_eq!(
            serde_json::from_str::<Money>("-1000").unwrap().dong(),
            -1000
        );
        assert!(serde_json::from_str::<Money>("2789000.5").is_err());
        assert!(serde_json::from_str::<Money>("\"2789000\"").is_err());
    }
}
