//! Laying out 80-column text with Vietnamese characters: widths are
//! measured in terminal columns (unicode-width), never in bytes.

use unicode_width::UnicodeWidthStr;

/// The width of a printed page in columns.
pub const WIDTH: usize = 80;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` centred in `WIDTH` columns (no trailing spaces).
pub fn center(s: &str) -> String {
    let w = width(s);
    if w >= WIDTH {
        return s.to_string();
    }
    format!("{}{s}", " ".repeat((WIDTH - w) / 2))
}

/// `left` and `right` on one line, `right` ending at column `WIDTH`.
pub fn spread(left: &str, right: &str) -> String {
    let used = width(left) + width(right);
    let gap = if used < WIDTH { WIDTH - used } else { 1 };
    format!("{left}{}{right}", " ".repeat(gap))
}

/// `s` padded with spaces to `cols` columns (or cut, with "…").
pub fn pad(s: &str, cols: usize) -> String {
    let w = width(s);
    if w <= cols {
        return format!("{s}{}", " ".repeat(cols - w));
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > cols {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    used += 1;
    format!("{out}{}", " ".repeat(cols.saturating_sub(used)))
}

/// `s` right-aligned in `cols` columns.
pub fn right(s: &str, cols: usize) -> String {
    let w = width(s);
    format!("{}{s}", " ".repeat(cols.saturating_sub(w)))
}

/// Words of `s` wrapped into lines of at most `cols` columns, each line
/// after the first starting with `indent`.
pub fn wrap(s: &str, cols: usize, indent: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let extra = if line.is_empty() { 0 } else { 1 };
        if !line.is_empty() && width(&line) + extra + width(word) > cols {
            lines.push(std::mem::take(&mut line));
            line.push_str(indent);
        } else if extra == 1 {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_text_is_measured_in_columns() {
        assert_eq!(width("Nguyễn Văn Ân"), 13);
        assert_eq!(width(&pad("Nguyễn", 10)), 10);
        assert_eq!(width(&spread("Kỳ", "2.789.000 đ")), WIDTH);
        assert_eq!(width(&right("5.000 đ", 12)), 12);
    }

    #[test]
    fn long_words_wrap_with_an_indent() {
        let lines = wrap("Một triệu không trăm linh một nghìn đồng", 20, "  ");
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(lines.join(" ").split_whitespace().count(), 8);
        assert!(lines[1].starts_with("  "));
    }

    #[test]
    fn cut_text_ends_with_an_ellipsis() {
        assert_eq!(pad("Thương binh hạng một", 8), "Thương …");
    }
}
