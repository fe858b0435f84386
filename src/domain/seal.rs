//! A closed day's seal: a short code the supervisor signs on the printed
//! report and that is written into every file sent to the payer.
//!
//! The code is a digest over the previous closed day's code, the day, the
//! last audit row of the day (its number and keyed hash) and the day's
//! report as sealed. Each code therefore vouches for every day before it:
//! a database whose history was rewritten or cut short no longer gives the
//! code on paper (`chitra verify --seal DAY=CODE`).
//!
//! 80 bits, written as 16 characters of Crockford's base 32 in groups of
//! four ("7KQ2-M9XD-4TRA-PZ6E"): no I, L, O or U, so nothing is misread
//! when copied by hand; when read back, `O` is taken as `0` and `I`/`L`
//! as `1`, case and dashes are ignored.

use sha2::{Digest, Sha256};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The seal of `day`.
pub fn code(prev: Option<&str>, day: &str, seq: i64, hash: &str, report: &str) -> String {
    let mut h = Sha256::new();
    for part in [
        "chitra-seal-1",
        prev.unwrap_or(""),
        day,
        &seq.to_string(),
        hash,
        &hex::encode(Sha256::digest(report.as_bytes())),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    let digest = h.finalize();
    // The first 80 bits, five at a time.
    let mut bits: u128 = 0;
    for b in &digest[..10] {
        bits = (bits << 8) | u128::from(*b);
    }
    let mut out = String::with_capacity(19);
    for i in 0..16 {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        let shift = 75 - 5 * i;
        out.push(ALPHABET[((bits >> shift) & 31) as usize] as char);
    }
    out
}

/// A code as typed from paper, in the form [`code`] writes; `None` when it
/// is not 16 characters of the alphabet.
pub fn normalise(typed: &str) -> Option<String> {
    let mut chars = Vec::with_capacity(16);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !ALPHABET.contains(&(c as u8)) || !c.is_ascii() {
            return None;
        }
        chars.push(c);
    }
    if chars.len() != 16 {
        return None;
    }
    let mut out = String::with_capacity(19);
    for (i, c) in chars.into_iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(c);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_sixteen_unambiguous_characters_in_four_groups() {
        let c = code(None, "2026-12-05", 120, "ab", "{}");
        assert_eq!(c.len(), 19);
        assert_eq!(c.matches('-').count(), 3);
        assert!(
            c.chars()
                .all(|ch| ch == '-' || ALPHABET.contains(&(ch as u8)))
        );
        assert!(!c.contains(['I', 'L', 'O', 'U']));
    }

    #[test]
    fn every_input_changes_the_code() {
        let base = code(Some("AAAA-BBBB-CCCC-DDDD"), "2026-12-05", 120, "ab", "{}");
        assert_ne!(base, code(None, "2026-12-05", 120, "ab", "{}"));
        assert_ne!(
            base,
            code(Some("AAAA-BBBB-CCCC-DDDD"), "2026-12-06", 120, "ab", "{}")
        );
        assert_ne!(
            base,
            code(Some("AAAA-BBBB-CCCC-DDDD"), "2026-12-05", 121, "ab", "{}")
        );
        assert_ne!(
            base,
            code(Some("AAAA-BBBB-CCCC-DDDD"), "2026-12-05", 120, "ac", "{}")
        );
        assert_ne!(
            base,
            code(Some("AAAA-BBBB-CCCC-DDDD"), "2026-12-05", 120, "ab", "{ }")
        );
        assert_eq!(
            base,
            code(Some("AAAA-BBBB-CCCC-DDDD"), "2026-12-05", 120, "ab", "{}")
        );
    }

    #[test]
    fn a_code_copied_by_hand_reads_back() {
        let c = code(None, "2026-12-05", 7, "ff", "x");
        assert_eq!(normalise(&c).as_deref(), Some(c.as_str()));
        let sloppy = c.replace('-', " ").to_lowercase();
        assert_eq!(normalise(&sloppy).as_deref(), Some(c.as_str()));
        assert_eq!(
            normalise("0000-0000-0000-000O").as_deref(),
            Some("0000-0000-0000-0000")
        );
        assert_eq!(
            normalise("1111-1111-1111-11IL").as_deref(),
            Some("1111-1111-1111-1111")
        );
        assert_eq!(normalise("0000-0000-0000-000"), None);
        assert_eq!(normalise("0000-0000-0000-000U"), None);
    }
}
