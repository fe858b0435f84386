//! Reading an amount the way the social-affairs lists write it
//! ("2.789.000", "2,789,000 đ", "(100.000)", "2789000,00", …), refusing
//! anything that is not a whole number of đồng rather than guessing.

use super::Money;
use crate::text::nfc;

/// The largest amount, in đồng, that [`parse_amount`] accepts (10^15,
/// a million tỷ): far above any real list, low enough that sums of a whole
/// province's lists stay exact in `i64`.
pub const PARSE_LIMIT_DONG: i64 = 1_000_000_000_000_000;

/// Why a written amount was refused. `text` is the value as given
/// (trimmed, NFC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// Not a number: a letter or sign where a digit should be ("2.78a"), or
    /// nothing but a unit. `ch` is the first offending character, if any.
    NotANumber { text: String, ch: Option<char> },
    /// A fraction of a đồng ("2789000.5", "2,5").
    Fractional { text: String },
    /// Thousands separators in the wrong places ("27.89.000"), or mixed so
    /// that the value is ambiguous ("2.789,000").
    Grouping { text: String },
    /// More than [`PARSE_LIMIT_DONG`] đồng.
    TooLarge { text: String },
}

/// Reads an amount written in a list or typed by a clerk.
///
/// Accepts thousands grouped by dots, commas or spaces ("2.789.000",
/// "2,789,000", "2 789 000") or not grouped ("2789000"); a unit after it
/// ("đ", "₫", "đồng", "VNĐ", "VND", with or without a space); negatives as
/// "-100.000" or "(100.000)" (the caller decides whether a negative is
/// allowed); a leading "+"; and a whole number written with zero decimals,
/// as spreadsheets export number cells ("2789000.0", "2789000,00",
/// "2.789.000,00").
///
/// A single dot or comma followed by exactly three digits is a thousands
/// separator when the part before it has one to three digits and no leading
/// zero ("2.789" is 2.789 đ, as Vietnamese lists write it); with more
/// digits before it ("2789.000") it is refused as wrong grouping, since
/// read as a decimal point it would make the amount a thousandth of what
/// a grouping meant. Other decimals are a decimal point ("2789000.00" is
/// 2.789.000 đ).
///
/// Returns `Ok(None)` for an empty value and for a lone dash ("-", "–",
/// "—"), which Vietnamese tables use for "nothing"; "0" is `Ok(Some(0 đ))`.
pub fn parse_amount(s: &str) -> Result<Option<Money>, AmountError> {
    match plain_amount(s.trim()) {
        Some(m) => Ok(Some(m)),
        None => parse_amount_carefully(s),
    }
}

/// [`parse_amount`] for any text: signs, units, either separator.
fn parse_amount_carefully(s: &str) -> Result<Option<Money>, AmountError> {
    let text = nfc(s.trim());
    if text.is_empty() || matches!(text.as_str(), "-" | "\u{2013}" | "\u{2014}") {
        return Ok(None);
    }
    let not_a_number = |ch| AmountError::NotANumber {
        text: text.clone(),
        ch,
    };

    let mut body = strip_unit(&text);
    let mut negative = false;
    if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        negative = true;
        body = strip_unit(inner.trim());
    } else if let Some(rest) = body.strip_prefix(['-', '\u{2212}']) {
        negative = true;
        body = rest.trim_start();
    } else if let Some(rest) = body.strip_prefix('+') {
        body = rest.trim_start();
    }
    if body.is_empty() {
        return Err(not_a_number(None));
    }

    // Digit runs and the single separators between them; a run of white
    // space is one separator ' '.
    let mut runs: Vec<String> = vec![String::new()];
    let mut seps: Vec<char> = Vec::new();
    let mut misplaced = false;
    for c in body.chars() {
        let sep = match c {
            '0'..='9' => {
                if let Some(run) = runs.last_mut() {
                    run.push(c);
                }
                continue;
            }
            '.' | ',' => c,
            c if c.is_whitespace() => ' ',
            _ => return Err(not_a_number(Some(c))),
        };
        if runs.last().is_some_and(String::is_empty) {
            // Nothing before this separator, or two in a row.
            if !(sep == ' ' && seps.last() == Some(&' ')) {
                misplaced = true;
            }
            continue;
        }
        seps.push(sep);
        runs.push(String::new());
    }
    if misplaced || runs.last().is_some_and(String::is_empty) {
        return Err(AmountError::Grouping { text });
    }

    let decimal_at = decimal_separator(&runs, &seps);
    let (int_runs, int_seps) = match decimal_at {
        Some(k) => {
            let fraction = &runs[k + 1];
            if fraction.bytes().any(|b| b != b'0') {
                return Err(AmountError::Fractional { text });
            }
            if k > 0 && fraction.len() == 3 {
                // "2.789,000": a fraction or one more group? Do not guess.
                return Err(AmountError::Grouping { text });
            }
            if k == 0 && fraction.len() == 3 && runs[0].bytes().any(|b| b != b'0') {
                // "2789.000": 2.789.000 đ grouped wrongly, or 2.789 đ with
                // three decimals? A thousandfold apart: do not guess.
                return Err(AmountError::Grouping { text });
            }
            (&runs[..=k], &seps[..k])
        }
        None => (&runs[..], &seps[..]),
    };
    if !int_seps.is_empty() {
        let same_kind = int_seps.iter().all(|&c| c == int_seps[0]);
        let first = &int_runs[0];
        let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
        if !same_kind || !first_ok || int_runs[1..].iter().any(|r| r.len() != 3) {
            return Err(AmountError::Grouping { text });
        }
    }

    let digits: String = int_runs.concat();
    let significant = digits.trim_start_matches('0');
    let too_large = || AmountError::TooLarge { text: text.clone() };
    if significant.len() > 16 {
        return Err(too_large());
    }
    let mut value: i64 = 0;
    for b in significant.bytes() {
        value = value * 10 + i64::from(b - b'0');
    }
    if value > PARSE_LIMIT_DONG {
        return Err(too_large());
    }
    let dong = if negative { -value } else { value };
    Ok(Some(Money::from_dong(dong)))
}

/// The amounts nearly every list holds, read at once: "2789000", or digits
/// grouped by dots as Vietnamese writes them ("2.789.000"). Anything else
/// (`None`) goes the careful way, which reads these the same.
fn plain_amount(s: &str) -> Option<Money> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 21 {
        return None;
    }
    let mut value: i64 = 0;
    if b.iter().all(u8::is_ascii_digit) {
        if b.len() > 16 {
            return None;
        }
        for &d in b {
            value = value * 10 + i64::from(d - b'0');
        }
    } else {
        let mut groups = s.split('.');
        let first = groups.next()?.as_bytes();
        if !(1..=3).contains(&first.len())
            || first[0] == b'0'
            || !first.iter().all(u8::is_ascii_digit)
        {
            return None;
        }
        for &d in first {
            value = value * 10 + i64::from(d - b'0');
        }
        for g in groups {
            let g = g.as_bytes();
            if g.len() != 3 || !g.iter().all(u8::is_ascii_digit) {
                return None;
            }
            for &d in g {
                value = value * 10 + i64::from(d - b'0');
            }
        }
    }
    (value <= PARSE_LIMIT_DONG).then(|| Money::from_dong(value))
}

/// Where the decimal separator is, as an index into `seps`, if there is one.
fn decimal_separator(runs: &[String], seps: &[char]) -> Option<usize> {
    let last = *seps.last()?;
    if last == ' ' || seps.iter().filter(|&&c| c == last).count() > 1 {
        return None;
    }
    let k = seps.len() - 1;
    if k > 0 {
        return Some(k);
    }
    let (before, after) = (&runs[0], &runs[1]);
    let grouping = after.len() == 3 && before.len() <= 3 && !before.starts_with('0');
    if grouping { None } else { Some(0) }
}

/// `s` without a trailing currency unit, trimmed.
fn strip_unit(s: &str) -> &str {
    for unit in ["vnđ", "vnd", "đồng", "đ", "₫"] {
        let n = unit.chars().count();
        if let Some((at, _)) = s.char_indices().rev().nth(n - 1)
            && s[at..].to_lowercase() == unit
        {
            return s[..at].trim_end();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_at_once_read_as_the_careful_way_reads_them() {
        let alphabet = ['0', '1', '2', '7', '8', '9', '.', '.', ',', ' '];
        let mut quick = 0;
        for s in crate::text::sample_strings(&alphabet, 50_000, 0x51_7CC1_B727_220A) {
            if let Some(m) = plain_amount(&s) {
                quick += 1;
                assert_eq!(parse_amount_carefully(&s), Ok(Some(m)), "{s:?}");
            }
        }
        assert!(quick > 1_000, "the quick way was tried {quick} times");
        for s in [
            "2.789.000",
            "2789000",
            "0",
            "007",
            "1.394.500",
            "999.999.999.999.999",
        ] {
            assert_eq!(
                plain_amount(s).map(Ok),
                Some(parse_amount_carefully(s).map(|m| m.unwrap())),
                "{s}"
            );
        }
    }

    fn amount(s: &str) -> i64 {
        match parse_amount(s) {
            Ok(Some(m)) => m.dong(),
            other => panic!("{s:?} gave {other:?}"),
        }
    }

    #[test]
    fn list_spellings_are_read() {
        for s in [
            "2.789.000",
            "2,789,000",
            "2789000",
            "2 789 000",
            "2\u{00A0}789\u{00A0}000",
            "2.789.000 đ",
            "2.789.000đ",
            "2.789.000 VNĐ",
            "2.789.000 vnd",
            "2.789.000 ₫",
            "2.789.000 đồng",
            "  2.789.000  ",
            "2789000.0",
            "2789000,00",
            "2.789.000,00",
            "2,789,000.00",
            "2 789 000,00",
            "+2.789.000",
        ] {
            assert_eq!(amount(s), 2_789_000, "{s:?}");
        }
        assert_eq!(amount("2.789"), 2_789);
        assert_eq!(amount("100.000"), 100_000);
        assert_eq!(amount("12,345"), 12_345);
        assert_eq!(amount("1.000.000.000.000.000"), PARSE_LIMIT_DONG);
        // NFD unit.
        assert_eq!(amount("500.000 đo\u{0302}\u{0300}ng"), 500_000);
    }

    #[test]
    fn negatives_are_read_for_the_caller_to_judge() {
        assert_eq!(amount("-100.000"), -100_000);
        assert_eq!(amount("- 100.000"), -100_000);
        assert_eq!(amount("\u{2212}100.000"), -100_000);
        assert_eq!(amount("(100.000)"), -100_000);
        assert_eq!(amount("(100.000 đ)"), -100_000);
        assert_eq!(amount("(100.000) đ"), -100_000);
        assert_eq!(amount("-0"), 0);
    }

    #[test]
    fn empty_and_dash_mean_nothing_and_zero_is_zero() {
        for s in ["", "   ", "-", " - ", "\u{2013}", "\u{2014}"] {
            assert_eq!(parse_amount(s), Ok(None), "{s:?}");
        }
        assert_eq!(parse_amount("0"), Ok(Some(Money::ZERO)));
        assert_eq!(parse_amount("0 đ"), Ok(Some(Money::ZERO)));
        assert_eq!(parse_amount("0.000"), Ok(Some(Money::ZERO)));
    }

    #[test]
    fn fractions_of_a_dong_are_refused() {
        for s in [
            "2789000.5",
            "2,5",
            "1.5000",
            "2.789.000,50",
            "0.500",
            "27.89",
        ] {
            assert!(
                matches!(parse_amount(s), Err(AmountError::Fractional { .. })),
                "{s:?} gave {:?}",
                parse_amount(s)
            );
        }
    }

    #[test]
    fn junk_is_refused_naming_the_character() {
        assert_eq!(
            parse_amount("2.78a"),
            Err(AmountError::NotANumber {
                text: "2.78a".into(),
                ch: Some('a')
            })
        );
        for s in [
            "1e6",
            "2.789.000 đ đ",
            "--100",
            "abc",
            "100$",
            "(100",
            "đ",
            "()",
        ] {
            assert!(
                matches!(parse_amount(s), Err(AmountError::NotANumber { .. })),
                "{s:?} gave {:?}",
                parse_amount(s)
            );
        }
    }

    #[test]
    fn wrong_grouping_is_refused() {
        for s in [
            "27.89.000",
            "2789.000",
            "2789,000",
            "2789000.000",
            "2.789.00",
            "2789.000.000",
            "0.100.000",
            "2.789,000",
            "2,789.000,00",
            "2 789.000",
            "1..000",
            ".500",
            "500.",
            "1.000.0",
        ] {
            assert!(
                matches!(parse_amount(s), Err(AmountError::Grouping { .. })),
                "{s:?} gave {:?}",
                parse_amount(s)
            );
        }
    }

    #[test]
    fn amounts_beyond_the_limit_are_refused() {
        for s in [
            "1.000.000.000.000.001",
            "-1.000.000.000.000.001",
            "99999999999999999999999999",
        ] {
            assert_eq!(
                parse_amount(s),
                Err(AmountError::TooLarge { text: s.into() })
            );
        }
        assert_eq!(amount("0001000"), 1000);
    }
}
