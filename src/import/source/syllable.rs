//! Is this word a well-formed Vietnamese syllable?
//!
//! Used only to guess which legacy encoding a text was typed in: the right
//! interpretation turns most words into real syllables, the wrong ones into
//! letter soup. It checks shape (onset, vowel nucleus, coda, at most one tone
//! mark, a sane letter case), not whether the syllable is in a dictionary, and
//! it is not a spelling checker.

use unicode_normalization::UnicodeNormalization;

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const TILDE: char = '\u{303}';
const HOOK: char = '\u{309}';
const DOT_BELOW: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31b}';

/// Onsets, longest first so that "ngh" is tried before "ng" and "n".
const ONSETS: [&str; 28] = [
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Final consonants, longest first.
const CODAS: [&str; 9] = ["ch", "ng", "nh", "c", "m", "n", "p", "t", ""];

/// Vowel groups that end the syllable (their last letter is a glide).
const OPEN_ONLY: [&str; 32] = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu",
    "ua", "ưa", "uơ", "y", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu",
    "uya", "uyu",
];

/// Vowel groups that need a final consonant.
const CODA_REQUIRED: [&str; 10] = ["ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ", "oo"];

/// Vowel groups that may stand with or without a final consonant.
const EITHER: [&str; 13] = [
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "oa", "oe", "uê", "uy",
];

/// Onsets that "y" alone may follow (Kỳ, Lý, Mỹ, Quý, Sỹ, Thy, Vy, Ý…).
const BEFORE_LONE_Y: [&str; 10] = ["", "h", "k", "l", "m", "qu", "s", "t", "th", "v"];

/// The spelling rules of the onsets: c/k, g/gh and ng/ngh are chosen by the
/// vowel that follows.
fn onset_fits(onset: &str, nucleus: &str) -> bool {
    let front = nucleus.starts_with(['i', 'e', 'ê', 'y']);
    match onset {
        "c" => !front,
        "k" => front,
        "gh" | "ngh" => nucleus.starts_with(['i', 'e', 'ê']),
        // "gì", "gìn": the i of "gi" stands in for the vowel.
        "g" => !nucleus.starts_with(['e', 'ê']) && (!nucleus.starts_with('i') || nucleus == "i"),
        "ng" => !nucleus.starts_with(['i', 'e', 'ê']),
        // "qu" already holds the glide: "quu" is not a syllable.
        "qu" => !nucleus.starts_with('u'),
        _ => true,
    }
}

/// Whether `word` (letters only; NFC or NFD) is a well-formed syllable.
pub fn is_syllable(word: &str) -> bool {
    if !case_is_sane(word) {
        return false;
    }
    let Some((skeleton, tone)) = skeleton(word) else {
        return false;
    };
    ONSETS.iter().any(|onset| {
        skeleton
            .strip_prefix(onset)
            .is_some_and(|rest| rhyme_is_valid(onset, rest, tone))
    })
}

/// Lower case, "Title" case or UPPER case; never "nGuyEn".
fn case_is_sane(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(_first) = letters.next() else {
        return false;
    };
    let rest: Vec<bool> = letters.map(|c| c.is_uppercase()).collect();
    let all_lower = rest.iter().all(|u| !u);
    let all_upper =
        rest.iter().all(|u| *u) && word.chars().next().is_some_and(|c| c.is_uppercase());
    all_lower || all_upper
}

/// The word in lower case without its tone mark ("Nguyễn" → "nguyên"), and the
/// tone mark if any. `None` when the word has a letter or mark Vietnamese does
/// not use, or two tone marks.
fn skeleton(word: &str) -> Option<(String, Option<char>)> {
    let mut out: Vec<char> = Vec::with_capacity(word.len());
    let mut tone = None;
    for c in word.to_lowercase().nfd() {
        match c {
            GRAVE | ACUTE | TILDE | HOOK | DOT_BELOW => {
                if tone.replace(c).is_some() || out.is_empty() {
                    return None;
                }
            }
            CIRCUMFLEX | BREVE | HORN => {
                let base = out.pop()?;
                out.push(match (base, c) {
                    ('a', CIRCUMFLEX) => 'â',
                    ('a', BREVE) => 'ă',
                    ('e', CIRCUMFLEX) => 'ê',
                    ('o', CIRCUMFLEX) => 'ô',
                    ('o', HORN) => 'ơ',
                    ('u', HORN) => 'ư',
                    _ => return None,
                });
            }
            'a'..='z' if !matches!(c, 'f' | 'j' | 'w' | 'z') => out.push(c),
            'đ' => out.push(c),
            _ => return None,
        }
    }
    Some((out.into_iter().collect(), tone))
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn rhyme_is_valid(onset: &str, rest: &str, tone: Option<char>) -> bool {
    CODAS.iter().any(|coda| {
        let Some(nucleus) = rest.strip_suffix(coda) else {
            return false;
        };
        if nucleus.is_empty() || !nucleus.chars().all(is_vowel) {
            return false;
        }
        if !onset_fits(onset, nucleus) || (nucleus == "y" && !BEFORE_LONE_Y.contains(&onset)) {
            return false;
        }
        let allowed = if coda.is_empty() {
            OPEN_ONLY.contains(&nucleus) || EITHER.contains(&nucleus)
        } else {
            // "quýt", "Quỳnh": after "qu", y is "uy" and takes a coda.
            CODA_REQUIRED.contains(&nucleus)
                || EITHER.contains(&nucleus)
                || (nucleus == "y" && onset == "qu")
        };
        // A stop consonant at the end takes only the rising or the heavy tone.
        let stop = matches!(*coda, "c" | "ch" | "p" | "t");
        allowed && (!stop || matches!(tone, Some(ACUTE | DOT_BELOW)))
    })
}

#[cfg(test)]
mod tests {
    use super::is_syllable;

    #[test]
    fn real_syllables_pass() {
        for w in [
            "Nguyễn",
            "Văn",
            "An",
            "Đặng",
            "Thị",
            "Ước",
            "gìn",
            "già",
            "quyết",
            "khuya",
            "Trường",
            "NGHĨA",
            "xoong",
            "thuở",
            "người",
            "hươu",
            "Huỳnh",
            "liệt",
            "sĩ",
            "binh",
            "Bệnh",
            "yêu",
            "uống",
            "tuổi",
        ] {
            assert!(is_syllable(w), "{w} should be a syllable");
        }
    }

    #[test]
    fn letter_soup_fails() {
        for w in [
            "NguyÔn", "Vaên", "Nguyeãn", "nguyeãn", "V¨n", "cac", "mat", "ă", "ai̇", "hoàá", "Zalo",
            "nGuyen", "bcd", "aa",
        ] {
            assert!(!is_syllable(w), "{w} should not be a syllable");
        }
    }

    #[test]
    fn spelling_rules_of_the_onsets_hold() {
        // TCVN3 read as Latin-1 often looks like a syllable but breaks them:
        // "Céng" is TCVN3 for "Cộng", "chú" for "chỳ".
        for w in [
            "Céng", "kan", "ghan", "nghung", "ngé", "gé", "chỳ", "ýn", "quu",
        ] {
            assert!(!is_syllable(w), "{w} breaks a spelling rule");
        }
    }

    #[test]
    fn decomposed_input_is_read_like_composed() {
        assert!(is_syllable("Nguye\u{302}\u{303}n"));
    }
}
