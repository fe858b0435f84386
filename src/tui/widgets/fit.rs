//! Fitting text into a number of terminal columns.
//!
//! Widths are display columns measured with unicode-width (a Vietnamese
//! letter is one column whether it has one or two marks; a CJK character is
//! two), never bytes or `char`s. Text cut short ends in "…" so the clerk
//! sees that something is missing.
//!
//! This does not sanitise: callers show outside text through
//! [`crate::text::for_display`] first.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The display width of `s` in columns.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `max` columns, ending in "…" when it was cut.
pub fn fit(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` fitted to `cols` columns and padded with spaces to exactly `cols`.
pub fn pad(s: &str, cols: usize) -> String {
    let t = fit(s, cols);
    let w = t.width();
    t + &" ".repeat(cols - w)
}

/// `s` fitted to `cols` columns and right-aligned in exactly `cols`.
pub fn right(s: &str, cols: usize) -> String {
    let t = fit(s, cols);
    " ".repeat(cols - t.width()) + &t
}

/// `text` broken into lines of at most `max` columns, at spaces where it
/// can (a word longer than a line is cut).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed <= max {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = fit(word, max);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_are_one_column_each() {
        assert_eq!(width("Nguyễn Thị Ánh"), 14);
        assert_eq!(fit("Nguyễn Thị Ánh", 14), "Nguyễn Thị Ánh");
        assert_eq!(fit("Nguyễn Thị Ánh", 8), "Nguyễn …");
    }

    #[test]
    fn wide_characters_are_not_split() {
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(width(&fit("漢字漢字", 4)), 3);
    }

    #[test]
    fn wrapping_breaks_at_spaces() {
        assert_eq!(
            wrap("Cửa sổ quá nhỏ: cần ít nhất 80×24", 16),
            ["Cửa sổ quá nhỏ:", "cần ít nhất", "80×24"]
        );
        assert_eq!(wrap("abcdefgh", 4), ["abc…"]);
    }

    #[test]
    fn padding_counts_columns_not_bytes() {
        assert_eq!(pad("Nữ", 4), "Nữ  ");
        assert_eq!(right("2.789.000 đ", 13), "  2.789.000 đ");
        assert_eq!(pad("Thương binh hạng 1/4", 8), "Thương …");
    }

    #[test]
    fn nothing_fits_in_zero_columns() {
        assert_eq!(fit("abc", 0), "");
    }
}
