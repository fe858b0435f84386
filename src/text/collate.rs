//! Vietnamese collation: the order in which names, hamlets and categories are
//! listed on screen and on paper.
//!
//! Letters come in the Vietnamese alphabet order
//! a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with f, j, w, z
//! where Latin puts them. Comparison goes word (syllable) by word, as
//! Vietnamese dictionaries do: within a word the letters decide first, then
//! the tone in dictionary order (none, huyền, hỏi, ngã, sắc, nặng); only when
//! every word is equal does case decide (lower before upper), and finally the
//! exact text, so that the order is total and repeatable. Punctuation and
//! spacing separate words but are otherwise ignored until that last step.
//! Runs of digits compare as numbers ("Tổ 2" before "Tổ 10").
//!
//! [`sort_key`] and [`name_sort_key`] give byte keys for sorting long lists
//! with cached keys; [`compare`] and [`compare_names`] are defined as the
//! comparison of those keys, so the two ways can never disagree. NFC and NFD
//! input give the same key.
//!
//! This is not a general Unicode collation: letters outside Vietnamese and
//! Latin sort after z by code point, and marks other than the Vietnamese ones
//! only count after the tones.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::normalize::{is_nfc, is_nfc_stable, nfc};

/// The alphabet, in order. A letter's primary weight is its index here.
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

// Key bytes. Level separator < word end < everything a word can contain.
const LEVEL_SEP: u8 = 0x00;
const WORD_END: u8 = 0x01;
const NUMBER: u8 = 0x02;
/// Digits inside a number are 0x03..=0x0C, distinct from every other byte
/// a word can contain.
const DIGIT_BASE: u8 = 0x03;
const LETTER_BASE: u8 = 0x10;
/// A letter outside the alphabet: this byte, then its code point in 3 bytes.
const OTHER_LETTER: u8 = 0xF0;
/// Secondary weight of a mark that is neither a Vietnamese tone nor a
/// Vietnamese letter modifier (ü, ç, …).
const OTHER_MARK: u8 = 0x07;
const LOWER: u8 = 0x01;
const UPPER: u8 = 0x02;

const BREVE: char = '\u{0306}';
const CIRCUMFLEX: char = '\u{0302}';
const HORN: char = '\u{031B}';

/// Secondary weight of a combining mark: the tones in dictionary order.
fn mark_weight(mark: char) -> u8 {
    match mark {
        '\u{0300}' => 0x02, // huyền
        '\u{0309}' => 0x03, // hỏi
        '\u{0303}' => 0x04, // ngã
        '\u{0301}' => 0x05, // sắc
        '\u{0323}' => 0x06, // nặng
        _ => OTHER_MARK,
    }
}

/// One letter or digit of a word, after its combining marks were read.
struct Unit {
    /// Lowercase base letter with the Vietnamese modifiers applied
    /// (ă â ê ô ơ ư), or an ASCII digit.
    letter: char,
    upper: bool,
    /// Where its tones and other marks (secondary weights) are in
    /// [`Words::marks`].
    marks: (usize, usize),
}

impl Unit {
    fn is_digit(&self) -> bool {
        self.letter.is_ascii_digit()
    }
}

/// The words of a text: its letters and digits in one list, each word a
/// stretch of it, and the marks of every letter in one list too. A key is
/// made for every person an import adds; a list per word and per marked
/// letter made most of its cost allocations.
struct Words {
    units: Vec<Unit>,
    marks: Vec<u8>,
    /// Each word's stretch of `units`.
    spans: Vec<(usize, usize)>,
    /// Where the word being read starts in `units`.
    start: usize,
}

impl Words {
    fn word(&self, span: (usize, usize)) -> &[Unit] {
        &self.units[span.0..span.1]
    }

    fn marks_of(&self, unit: &Unit) -> &[u8] {
        &self.marks[unit.marks.0..unit.marks.1]
    }

    /// Takes the next character of the text's NFD form.
    fn take(&mut self, c: char) {
        let in_word = self.units.len() > self.start;
        if is_combining_mark(c) {
            if in_word {
                self.add_mark(c);
            }
        } else if c.is_alphanumeric() {
            let mut lower = c.to_lowercase();
            let letter = match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            };
            let at = self.marks.len();
            self.units.push(Unit {
                letter,
                upper: c.is_uppercase(),
                marks: (at, at),
            });
        } else if matches!(c, '\'' | '\u{2019}' | '\u{02BC}') && in_word {
            // Part of the word, ignored.
        } else if in_word {
            self.end_word();
        }
    }

    fn end_word(&mut self) {
        if self.units.len() > self.start {
            self.spans.push((self.start, self.units.len()));
            self.start = self.units.len();
        }
    }

    /// Applies one combining mark to the word's last letter: a letter
    /// modifier changes the letter, anything else is a secondary weight
    /// (the last letter's marks are always the last in `marks`).
    fn add_mark(&mut self, mark: char) {
        let Some(unit) = self.units.last_mut() else {
            return;
        };
        if unit.is_digit() {
            return;
        }
        unit.letter = match (unit.letter, mark) {
            ('a', BREVE) => 'ă',
            ('a', CIRCUMFLEX) => 'â',
            ('e', CIRCUMFLEX) => 'ê',
            ('o', CIRCUMFLEX) => 'ô',
            ('o', HORN) => 'ơ',
            ('u', HORN) => 'ư',
            _ => {
                self.marks.push(mark_weight(mark));
                unit.marks.1 = self.marks.len();
                return;
            }
        };
    }
}

/// Splits `s` into words of letters and digits, with marks attached, as
/// its NFD form reads. Apostrophes inside a word (H'Hen) are skipped
/// without ending the word.
fn words(s: &str) -> Words {
    let mut words = Words {
        units: Vec::with_capacity(s.len()),
        marks: Vec::new(),
        spans: Vec::with_capacity(4),
        start: 0,
    };
    if s.chars().all(is_nfc_stable) {
        // No character of `s` is a combining mark, so nothing is reordered
        // across characters: its NFD is each character's decomposition in
        // turn, without the normalizer's buffering.
        for c in s.chars() {
            if c.is_ascii() {
                words.take(c);
            } else {
                decompose_canonical(c, |d| words.take(d));
            }
        }
    } else {
        for c in s.nfd() {
            words.take(c);
        }
    }
    words.end_word();
    words
}

/// Appends a word's primary and secondary levels. The encoding is
/// self-delimiting, so comparing concatenations compares word by word.
fn push_word(key: &mut Vec<u8>, words: &Words, span: (usize, usize)) {
    let word = words.word(span);
    let mut i = 0;
    while i < word.len() {
        if word[i].is_digit() {
            let start = i;
            while i < word.len() && word[i].is_digit() {
                i += 1;
            }
            let digits: Vec<u8> = word[start..i]
                .iter()
                .map(|u| u.letter as u8 - b'0')
                .skip_while(|&d| d == 0)
                .collect();
            key.push(NUMBER);
            // Numbers of more than 255 significant digits still sort
            // deterministically, if not numerically.
            key.push(u8::try_from(digits.len()).unwrap_or(u8::MAX));
            key.extend(digits.iter().map(|d| DIGIT_BASE + d));
            continue;
        }
        let letter = word[i].letter;
        match ALPHABET.iter().position(|&l| l == letter) {
            Some(pos) => key.push(LETTER_BASE + pos as u8),
            None => {
                let [_, b1, b2, b3] = u32::from(letter).to_be_bytes();
                key.extend([OTHER_LETTER, b1, b2, b3]);
            }
        }
        i += 1;
    }
    key.push(WORD_END);
    for unit in word {
        key.extend_from_slice(words.marks_of(unit));
    }
    key.push(WORD_END);
}

/// Appends the case level of `words` and the exact NFC text of `s`.
fn push_tail(key: &mut Vec<u8>, words: &Words, s: &str) {
    key.push(LEVEL_SEP);
    for unit in words.units.iter().filter(|u| !u.is_digit()) {
        key.push(if unit.upper { UPPER } else { LOWER });
    }
    key.push(LEVEL_SEP);
    if is_nfc(s) {
        key.extend_from_slice(s.as_bytes());
    } else {
        key.extend_from_slice(nfc(s).as_bytes());
    }
}

/// The sort key of `s` in Vietnamese order: comparing keys byte by byte is
/// [`compare`].
pub fn sort_key(s: &str) -> Vec<u8> {
    let words = words(s);
    let mut key = Vec::with_capacity(s.len() * 3 + 8);
    for &span in &words.spans {
        push_word(&mut key, &words, span);
    }
    push_tail(&mut key, &words, s);
    key
}

/// The sort key of a person's full name in Vietnamese list order: the given
/// name (last word) first, then the other words from the surname on, then
/// case and the exact text. Comparing keys is [`compare_names`].
pub fn name_sort_key(full_name: &str) -> Vec<u8> {
    let words = words(full_name);
    let mut key = Vec::with_capacity(full_name.len() * 3 + 8);
    if let Some((&given, rest)) = words.spans.split_last() {
        push_word(&mut key, &words, given);
        for &span in rest {
            push_word(&mut key, &words, span);
        }
    }
    push_tail(&mut key, &words, full_name);
    key
}

/// The exact (NFC) text a key of [`sort_key`] or [`name_sort_key`] was made
/// from, which it ends with; `None` for bytes that are not such a key.
/// Lets a list ordered by keys be checked against what was typed without
/// reading the names again.
pub fn text_of_key(key: &[u8]) -> Option<&str> {
    let mut i = 0;
    // Words: primary letters up to WORD_END, then marks up to WORD_END.
    while *key.get(i)? != LEVEL_SEP {
        loop {
            match *key.get(i)? {
                WORD_END => break,
                NUMBER => i += 2 + usize::from(*key.get(i + 1)?),
                OTHER_LETTER => i += 4,
                _ => i += 1,
            }
        }
        i += 1;
        while *key.get(i)? != WORD_END {
            i += 1;
        }
        i += 1;
    }
    // Case level, then the text.
    i += 1;
    while *key.get(i)? != LEVEL_SEP {
        i += 1;
    }
    std::str::from_utf8(key.get(i + 1..)?).ok()
}

/// Compares two strings in Vietnamese order (see the module documentation).
/// `Equal` only for canonically equivalent strings.
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b))
}

/// Compares two person names in Vietnamese list order: by given name, then
/// surname and middle names, then the whole name.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    name_sort_key(a).cmp(&name_sort_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b));
        v
    }

    #[test]
    fn vietnamese_letters_follow_the_alphabet() {
        assert_eq!(compare("Dũng", "Đào"), Ordering::Less);
        assert_eq!(compare("Đào", "Dũng"), Ordering::Greater);
        assert_eq!(compare("U", "Ư"), Ordering::Less);
        assert_eq!(compare("Ưng", "Uyên"), Ordering::Greater);
        assert_eq!(
            sorted(&["b", "â", "ă", "a"]),
            ["a", "ă", "â", "b"].map(String::from)
        );
        assert_eq!(
            sorted(&["p", "ơ", "ô", "o"]),
            ["o", "ô", "ơ", "p"].map(String::from)
        );
        assert_eq!(
            sorted(&["g", "f", "ê", "e"]),
            ["e", "ê", "f", "g"].map(String::from)
        );
        assert_eq!(compare("Zô", "Yến"), Ordering::Greater);
        assert_eq!(compare("Quyết", "Phúc"), Ordering::Greater);
    }

    #[test]
    fn tones_sort_in_dictionary_order_after_letters() {
        assert_eq!(compare("Anh", "Ánh"), Ordering::Less);
        let tones = ["ma", "mà", "mả", "mã", "má", "mạ"];
        assert_eq!(
            sorted(&["mạ", "má", "ma", "mã", "mả", "mà"]),
            tones.map(String::from)
        );
        // Letters decide before tones: "mạ" < "mai".
        assert_eq!(compare("mạ", "mai"), Ordering::Less);
        // Tones on a modified letter: ặ is ă with nặng.
        assert_eq!(compare("ắ", "ặ"), Ordering::Less);
        assert_eq!(compare("ặ", "â"), Ordering::Less);
    }

    #[test]
    fn comparison_is_word_by_word() {
        // All the words starting with "ba" come before those with "bà".
        assert_eq!(compare("ba tê", "bà ta"), Ordering::Less);
        // "an toàn" before "anh", as in a dictionary.
        assert_eq!(compare("an toàn", "anh"), Ordering::Less);
        assert_eq!(compare("Hà", "Hà Nội"), Ordering::Less);
    }

    #[test]
    fn case_only_decides_when_everything_else_is_equal() {
        assert_eq!(compare("an", "An"), Ordering::Less);
        assert_eq!(compare("An", "ăn"), Ordering::Less);
        assert_eq!(compare("Ba zzz", "ba aaa"), Ordering::Greater);
    }

    #[test]
    fn nfd_and_nfc_give_the_same_key() {
        let nfc = "Nguyễn Thị Ặng";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(sort_key(nfc), sort_key(&nfd));
        assert_eq!(compare(nfc, &nfd), Ordering::Equal);
        assert_eq!(name_sort_key(nfc), name_sort_key(&nfd));
    }

    #[test]
    fn precomposed_text_read_letter_by_letter_gives_the_key_of_its_nfd() {
        // Precomposed text is read one character's decomposition at a
        // time; text with a combining mark goes through the normalizer.
        // Every Vietnamese letter with every tone, upper and lower case,
        // digits, apostrophes, Latin-1 letters and marks that are no tone.
        let mut texts: Vec<String> = [
            "Nguyễn Thị Ặng",
            "ĐẶNG VĂN ĐỨC 12",
            "H'Hen Niê Kđăm",
            "Tổ 02 thôn Ưng Hòa, ấp 10",
            "Zoë Müller-García ç ñ",
            "  Lê   Thị  Ánh  ",
            "Y Bhiăng Ktla 0007",
        ]
        .map(String::from)
        .to_vec();
        for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in ["", "\u{300}", "\u{309}", "\u{303}", "\u{301}", "\u{323}"] {
                let letter: String = format!("{base}{tone}").nfc().collect();
                texts.push(format!("m{letter}n {} B{letter}", letter.to_uppercase()));
            }
        }
        for text in &texts {
            assert!(text.chars().all(is_nfc_stable), "{text}");
            // A zero-width space is no combining mark but is not stable
            // either, so the copy takes the normalizer's path; it only
            // ends a word, like the space it follows.
            let other = text.replace(' ', " \u{200B}");
            assert!(!other.chars().all(is_nfc_stable));
            let key = sort_key(text);
            let other_key = sort_key(&other);
            let tail = |k: &[u8]| k.len() - text_of_key(k).unwrap().len();
            assert_eq!(key[..tail(&key)], other_key[..tail(&other_key)], "{text}");
            let nfd: String = text.nfd().collect();
            assert_eq!(key, sort_key(&nfd), "{text}");
            assert_eq!(name_sort_key(text), name_sort_key(&nfd), "{text}");
            assert_eq!(text_of_key(&key), Some(text.as_str()));
        }
    }

    #[test]
    fn old_and_new_tone_placement_are_the_same_word() {
        // "hoà" and "hòa" only differ in the final, exact-text level.
        let a = sort_key("hoà");
        let b = sort_key("hòa");
        let sep = a.iter().position(|&x| x == LEVEL_SEP).unwrap();
        assert_eq!(a[..sep], b[..sep]);
        assert_ne!(a, b);
        assert_eq!(compare("hoà", "hoa"), Ordering::Greater);
        assert_eq!(compare("hòa", "hóa"), Ordering::Less);
    }

    #[test]
    fn numbers_sort_by_value() {
        assert_eq!(
            sorted(&["Tổ 10", "Tổ 2", "Tổ 1", "Thôn 3"]),
            ["Thôn 3", "Tổ 1", "Tổ 2", "Tổ 10"].map(String::from)
        );
        assert_ne!(compare("Tổ 02", "Tổ 2"), Ordering::Equal);
        assert_eq!(compare("Tổ 9", "Tổ 10"), Ordering::Less);
        assert_eq!(compare("9", "a"), Ordering::Less);
    }

    #[test]
    fn only_equivalent_strings_are_equal() {
        assert_ne!(compare("Lê-Văn", "Lê Văn"), Ordering::Equal);
        assert_ne!(compare("A", "a"), Ordering::Equal);
        assert_eq!(compare("Lê Văn", "Lê Văn"), Ordering::Equal);
    }

    #[test]
    fn names_sort_as_a_vietnamese_list() {
        let expected = [
            "Nguyễn Văn An",
            "Trần Thị An",
            "Phạm Ngọc Anh",
            "Đỗ Thị Ánh",
            "Lê Thị Ân",
            "Hoàng Văn Bình",
            "Bùi Thị Cúc",
            "Ngô Thị Dung",
            "Vũ Văn Dũng",
            "Lý Thị Đào",
            "Dương Văn Đức",
            "Trương Thị Hà",
            "Phan Văn Hải",
            "Võ Thị Hoa",
            "Đinh Văn Hòa",
            "Lê Thị Lan",
            "Lê Văn Long",
            "Đặng Văn Nam",
            "Nguyễn Văn Nam",
            "Phạm Thị Oanh",
            "Hồ Văn Ơn",
            "Mai Thị Uyên",
            "Mai Văn Ước",
            "Tô Thị Yến",
        ];
        // A fixed shuffle of the same names.
        let mut names: Vec<&str> = expected.to_vec();
        names.reverse();
        names.swap(0, 11);
        names.swap(3, 17);
        names.rotate_left(7);
        assert_ne!(names, expected);

        let mut by_compare = names.clone();
        by_compare.sort_by(|a, b| compare_names(a, b));
        assert_eq!(by_compare, expected);

        let mut by_key = names.clone();
        by_key.sort_by_cached_key(|n| name_sort_key(n));
        assert_eq!(by_key, expected);
    }

    #[test]
    fn name_order_uses_surname_then_middle_then_case() {
        assert_eq!(
            compare_names("Nguyễn Thị Nga", "Nguyễn Văn Nga"),
            Ordering::Less
        );
        assert_eq!(compare_names("Trần An", "Lê Văn Bình"), Ordering::Less);
        assert_eq!(
            compare_names("nguyễn văn an", "Nguyễn Văn An"),
            Ordering::Less
        );
        assert_eq!(compare_names("An", "Nguyễn An"), Ordering::Less);
        assert_eq!(compare_names("", "An"), Ordering::Less);
    }

    #[test]
    fn a_key_gives_back_its_text() {
        for s in [
            "Nguyễn Văn An",
            "",
            "H'Ba Niê",
            "Tổ 007 và 1234567890123",
            "Zoë Ælfgifu \u{10348}",
            "ĐẶNG  thị-ước",
        ] {
            assert_eq!(
                text_of_key(&name_sort_key(s)),
                Some(nfc(s).as_str()),
                "{s:?}"
            );
            assert_eq!(text_of_key(&sort_key(s)), Some(nfc(s).as_str()), "{s:?}");
        }
        assert_eq!(text_of_key(&[0x10, 0x01]), None);
    }

    #[test]
    fn apostrophes_stay_inside_a_word() {
        // "H'Ba" is one given name, "hba", not the words "H" and "Ba".
        assert_eq!(compare_names("H'Ba", "Bo"), Ordering::Greater);
        assert_eq!(compare_names("Y H'Ba", "Y Hoa"), Ordering::Less);
    }
}
