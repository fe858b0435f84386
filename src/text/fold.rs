//! Search folding: the key under which a name or a header is looked up.
//!
//! Folding removes diacritics (including đ → d), lowercases, turns every run of
//! characters that are not letters or digits into one space, and trims. It is
//! not for display; it is for comparing what a clerk types with what is stored.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds `s` into its search key: "Nguyễn  Thị Đào" → "nguyen thi dao".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Folds `s` into `out`, which is emptied first: [`fold`] without a new
/// string, for checking many names one after another.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    let mut put = |c: char| {
        if !c.is_ascii() && is_combining_mark(c) {
            return;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            pending_space = true;
        }
    };
    // Marks are dropped whatever their order, so each character can be
    // decomposed on its own (no reordering across characters is needed).
    for c in s.chars() {
        if c.is_ascii() {
            put(c);
        } else {
            decompose_canonical(c, &mut put);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn diacritics_case_and_d_bar_are_folded() {
        assert_eq!(fold("Nguyễn Thị Đào"), "nguyen thi dao");
        assert_eq!(fold("ĐẶNG VĂN ƯỚC"), "dang van uoc");
    }

    /// Folding the whole text decomposed at once, the plain way.
    fn fold_whole(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        use unicode_normalization::char::is_combining_mark;
        let kept: String = s
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
            .collect();
        kept.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn folding_character_by_character_agrees_with_folding_the_whole_text() {
        let alphabet = [
            ' ', 'a', 'Z', '1', '-', 'Ắ', 'ễ', 'đ', 'Đ', 'Ơ', 'ư', 'ß', 'İ', 'Ω', '\u{301}',
            '\u{323}', '\u{A0}', 'ǅ', 'Ⅻ', '\u{1EF9}',
        ];
        for s in crate::text::sample_strings(&alphabet, 20_000, 0x9E37_79B9_7F4A_7C15) {
            assert_eq!(fold(&s), fold_whole(&s), "{s:?}");
        }
    }

    #[test]
    fn folding_into_a_used_string_gives_the_fold_alone() {
        let mut out = String::from("left over from before");
        super::fold_into("Nguyễn Thị Đào", &mut out);
        assert_eq!(out, "nguyen thi dao");
        super::fold_into("Lê", &mut out);
        assert_eq!(out, "le");
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        let nfd = "Nguye\u{0302}\u{0303}n";
        assert_eq!(fold(nfd), fold("Nguyễn"));
    }

    #[test]
    fn punctuation_and_runs_of_spaces_become_one_space() {
        assert_eq!(fold("  Số CCCD/CMND  "), "so cccd cmnd");
        assert_eq!(fold("Mã\tđối   tượng:"), "ma doi tuong");
    }
}
