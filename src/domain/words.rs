//! Amounts in Vietnamese words, as written on receipts and signing lists:
//! 1.001.000 → "Một triệu không trăm linh một nghìn đồng".
//!
//! The written convention: mười for 10–19 and mươi for 20–90; "mốt" for a
//! unit 1 after mươi (hai mươi mốt); "lăm" for a unit 5 after mười or mươi
//! (mười lăm, hai mươi lăm); "tư" for a unit 4 after mươi (hai mươi tư);
//! "linh" when the tens are zero and the units are not (một trăm linh năm);
//! "không trăm" in every group after the first (một triệu không trăm năm
//! mươi); groups that are all zero are skipped; and beyond 999 tỷ the words
//! repeat (một nghìn tỷ, một triệu tỷ, một tỷ tỷ).
//!
//! Only the words; not the figures (see [`crate::domain::Money`]) and not
//! any other language.

/// Digits as words.
const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

const BILLION: u64 = 1_000_000_000;

/// Reads a group of three digits. `full` is for every group after the
/// first of the number, which is read with its hundreds even when zero.
fn push_group(g: u64, full: bool, out: &mut Vec<&'static str>) {
    let (h, t, u) = (
        (g / 100) as usize,
        (g / 10 % 10) as usize,
        (g % 10) as usize,
    );
    let with_hundreds = full || h > 0;
    if with_hundreds {
        out.extend([DIGITS[h], "trăm"]);
    }
    match t {
        0 => {
            if u > 0 {
                if with_hundreds {
                    out.push("linh");
                }
                out.push(DIGITS[u]);
            }
        }
        1 => {
            out.push("mười");
            match u {
                0 => {}
                5 => out.push("lăm"),
                _ => out.push(DIGITS[u]),
            }
        }
        _ => {
            out.extend([DIGITS[t], "mươi"]);
            match u {
                0 => {}
                1 => out.push("mốt"),
                4 => out.push("tư"),
                5 => out.push("lăm"),
                _ => out.push(DIGITS[u]),
            }
        }
    }
}

/// Reads `n` (> 0, below a tỷ). `leading` when nothing was read before it.
fn push_below_billion(n: u64, leading: bool, out: &mut Vec<&'static str>) {
    let groups = [
        (n / 1_000_000, "triệu"),
        (n / 1_000 % 1_000, "nghìn"),
        (n % 1_000, ""),
    ];
    let mut first = leading;
    for (g, unit) in groups {
        if g == 0 {
            continue;
        }
        push_group(g, !first, out);
        if !unit.is_empty() {
            out.push(unit);
        }
        first = false;
    }
}

/// Reads `n` (> 0): the part above a tỷ is read as a number of its own
/// followed by "tỷ", so the words repeat for very large amounts.
fn push_number(n: u64, leading: bool, out: &mut Vec<&'static str>) {
    if n >= BILLION {
        push_number(n / BILLION, leading, out);
        out.push("tỷ");
        let rest = n % BILLION;
        if rest > 0 {
            push_below_billion(rest, false, out);
        }
    } else {
        push_below_billion(n, leading, out);
    }
}

/// `dong` in Vietnamese words, capitalised, ending in " đồng":
/// 2.789.000 → "Hai triệu bảy trăm tám mươi chín nghìn đồng",
/// 0 → "Không đồng", -5.000 → "Âm năm nghìn đồng".
pub fn in_words(dong: i64) -> String {
    let mut words: Vec<&'static str> = Vec::new();
    if dong < 0 {
        words.push("âm");
    }
    match dong.unsigned_abs() {
        0 => words.push("không"),
        n => push_number(n, true, &mut words),
    }
    words.push("đồng");
    let sentence = words.join(" ");
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::in_words;

    /// An independent spelling of 0..=1100: read every digit plainly
    /// ("hai mươi một", "mười năm"), then apply the written conventions as
    /// text replacements at the end of the phrase.
    fn spelled(n: i64) -> String {
        const D: [&str; 10] = [
            "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
        ];
        fn below_thousand(n: i64, full: bool) -> String {
            let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
            let mut s = String::new();
            if full || h > 0 {
                s += &format!("{} trăm ", D[h as usize]);
            }
            if t == 1 {
                s += "mười ";
            } else if t > 1 {
                s += &format!("{} mươi ", D[t as usize]);
            } else if u > 0 && !s.is_empty() {
                s += "linh ";
            }
            if u > 0 {
                s += D[u as usize];
            }
            let s = s.trim_end().to_string();
            for (plain, written) in [
                ("mươi một", "mươi mốt"),
                ("mươi bốn", "mươi tư"),
                ("mươi năm", "mươi lăm"),
                ("mười năm", "mười lăm"),
            ] {
                if let Some(head) = s.strip_suffix(plain) {
                    return format!("{head}{written}");
                }
            }
            s
        }
        let body = match n {
            0 => "không".to_string(),
            1..=999 => below_thousand(n, false),
            _ => {
                let (k, rest) = (n / 1000, n % 1000);
                let mut s = format!("{} nghìn", below_thousand(k, false));
                if rest > 0 {
                    s += " ";
                    s += &below_thousand(rest, true);
                }
                s
            }
        };
        let mut c = body.chars();
        let first: String = c.next().unwrap().to_uppercase().collect();
        format!("{first}{} đồng", c.as_str())
    }

    #[test]
    fn every_number_up_to_1100_matches_the_independent_spelling() {
        for n in 0..=1100 {
            assert_eq!(in_words(n), spelled(n), "{n}");
        }
    }

    #[test]
    fn the_tricky_small_numbers_by_hand() {
        let cases: [(i64, &str); 26] = [
            (1, "Một đồng"),
            (4, "Bốn đồng"),
            (5, "Năm đồng"),
            (10, "Mười đồng"),
            (11, "Mười một đồng"),
            (14, "Mười bốn đồng"),
            (15, "Mười lăm đồng"),
            (20, "Hai mươi đồng"),
            (21, "Hai mươi mốt đồng"),
            (24, "Hai mươi tư đồng"),
            (25, "Hai mươi lăm đồng"),
            (55, "Năm mươi lăm đồng"),
            (91, "Chín mươi mốt đồng"),
            (100, "Một trăm đồng"),
            (101, "Một trăm linh một đồng"),
            (104, "Một trăm linh bốn đồng"),
            (105, "Một trăm linh năm đồng"),
            (110, "Một trăm mười đồng"),
            (111, "Một trăm mười một đồng"),
            (115, "Một trăm mười lăm đồng"),
            (121, "Một trăm hai mươi mốt đồng"),
            (505, "Năm trăm linh năm đồng"),
            (1000, "Một nghìn đồng"),
            (1001, "Một nghìn không trăm linh một đồng"),
            (1015, "Một nghìn không trăm mười lăm đồng"),
            (1100, "Một nghìn một trăm đồng"),
        ];
        for (n, words) in cases {
            assert_eq!(in_words(n), words, "{n}");
        }
    }

    #[test]
    fn amounts_across_groups_by_hand() {
        let cases: [(i64, &str); 42] = [
            (0, "Không đồng"),
            (15_000, "Mười lăm nghìn đồng"),
            (21_000, "Hai mươi mốt nghìn đồng"),
            (100_000, "Một trăm nghìn đồng"),
            (105_000, "Một trăm linh năm nghìn đồng"),
            (200_500, "Hai trăm nghìn năm trăm đồng"),
            (500_000, "Năm trăm nghìn đồng"),
            (
                999_999,
                "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng",
            ),
            (1_000_000, "Một triệu đồng"),
            (1_000_001, "Một triệu không trăm linh một đồng"),
            (1_000_050, "Một triệu không trăm năm mươi đồng"),
            (1_001_000, "Một triệu không trăm linh một nghìn đồng"),
            (1_010_000, "Một triệu không trăm mười nghìn đồng"),
            (
                1_394_500,
                "Một triệu ba trăm chín mươi tư nghìn năm trăm đồng",
            ),
            (1_500_000, "Một triệu năm trăm nghìn đồng"),
            (2_055_000, "Hai triệu không trăm năm mươi lăm nghìn đồng"),
            (2_789_000, "Hai triệu bảy trăm tám mươi chín nghìn đồng"),
            (3_000_025, "Ba triệu không trăm hai mươi lăm đồng"),
            (4_104_000, "Bốn triệu một trăm linh bốn nghìn đồng"),
            (10_000_000, "Mười triệu đồng"),
            (
                11_111_111,
                "Mười một triệu một trăm mười một nghìn một trăm mười một đồng",
            ),
            (15_515_000, "Mười lăm triệu năm trăm mười lăm nghìn đồng"),
            (21_000_000, "Hai mươi mốt triệu đồng"),
            (
                24_024_000,
                "Hai mươi tư triệu không trăm hai mươi tư nghìn đồng",
            ),
            (45_000_000, "Bốn mươi lăm triệu đồng"),
            (101_000_000, "Một trăm linh một triệu đồng"),
            (150_000_000, "Một trăm năm mươi triệu đồng"),
            (999_000_000, "Chín trăm chín mươi chín triệu đồng"),
            (1_000_000_000, "Một tỷ đồng"),
            (1_000_001_000, "Một tỷ không trăm linh một nghìn đồng"),
            (1_000_000_050, "Một tỷ không trăm năm mươi đồng"),
            (1_200_000_000, "Một tỷ hai trăm triệu đồng"),
            (2_000_000_000, "Hai tỷ đồng"),
            (
                21_005_000_000,
                "Hai mươi mốt tỷ không trăm linh năm triệu đồng",
            ),
            (
                999_999_999_999,
                "Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng",
            ),
            (1_000_000_000_000, "Một nghìn tỷ đồng"),
            (1_001_000_000_000, "Một nghìn không trăm linh một tỷ đồng"),
            (2_500_000_000_000, "Hai nghìn năm trăm tỷ đồng"),
            (1_000_000_000_000_000, "Một triệu tỷ đồng"),
            (1_000_000_000_000_000_000, "Một tỷ tỷ đồng"),
            (-5_000, "Âm năm nghìn đồng"),
            (-1_001_000, "Âm một triệu không trăm linh một nghìn đồng"),
        ];
        for (n, words) in cases {
            assert_eq!(in_words(n), words, "{n}");
        }
    }

    #[test]
    fn the_extremes_of_the_range_are_read() {
        assert_eq!(
            in_words(i64::MAX),
            "Chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy đồng"
        );
        assert!(in_words(i64::MIN).starts_with("Âm chín tỷ"));
        assert!(in_words(i64::MIN).ends_with("tám trăm linh tám đồng"));
    }

    /// Every value up to 60.000 and around one million, and a spread of
    /// larger and negative values from a fixed pseudo-random sequence.
    fn sample() -> impl Iterator<Item = i64> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let spread = (0..60_000).map(move |i| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let digits = 1 + i % 18;
            let v = (x >> 1) as i64 % 10_i64.pow(digits as u32);
            if i % 7 == 0 { -v } else { v }
        });
        (0..=60_000).chain(999_000..=1_011_000).chain(spread)
    }

    #[test]
    fn no_output_breaks_the_written_conventions() {
        for n in sample() {
            let w = in_words(n);
            assert!(!w.contains("  "), "{n}: {w}");
            for bad in ["mươi một", "mươi năm", "mươi bốn", "linh mười", "mười năm"]
            {
                assert!(!w.contains(bad), "{n}: {w}");
            }
            for unit in ["đồng", "nghìn", "triệu", "tỷ"] {
                let empty_group = format!("không trăm {unit}");
                assert!(!w.contains(&empty_group), "{n}: {w}");
            }
            assert!(w.ends_with(" đồng"), "{n}: {w}");
            assert!(w.chars().next().is_some_and(char::is_uppercase), "{n}: {w}");
            assert_eq!(w.starts_with("Âm "), n < 0, "{n}: {w}");
            assert_eq!(w.starts_with("Không"), n == 0, "{n}: {w}");
        }
    }
}
