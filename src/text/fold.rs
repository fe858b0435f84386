//! Search folding: the key under which a name or a header is looked up.
//!
//! Folding removes diacritics (including đ → d), lowercases, turns every run of
//! characters that are not letters or digits into one space, and trims. It is
//! not for display; it is for comparing what a clerk types with what is stored.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds `s` into its search key: "Nguyễn  Thị Đào" → "nguyen thi dao".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
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
            for l in c.to_lowercase() {
                out.push(l);
            }
        } else {
            pending_space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn diacritics_case_and_d_bar_are_folded() {
        assert_eq!(fold("Nguyễn Thị Đào"), "nguyen thi dao");
        assert_eq!(fold("ĐẶNG VĂN ƯỚC"), "dang van uoc");
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
