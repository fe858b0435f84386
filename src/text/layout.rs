//! Laying text out in terminal columns: the one set of measuring, cutting,
//! padding and wrapping that the screens, the printed pages and the
//! document renderers share.
//!
//! Widths are display columns measured with unicode-width (a Vietnamese
//! letter is one column whether it has one or two marks; a CJK character is
//! two), never bytes or `char`s. Text *cut* short ends in "…" so the reader
//! sees that something is missing; text *wrapped* loses nothing: a word
//! longer than a line is broken where it reaches the edge.
//!
//! This does not sanitise: callers pass outside text through
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

/// `s` centred in `cols` columns, without trailing spaces (wider text is
/// returned as it is).
pub fn center(s: &str, cols: usize) -> String {
    let w = s.width();
    if w >= cols {
        return s.to_string();
    }
    format!("{}{s}", " ".repeat((cols - w) / 2))
}

/// The first piece of `word` that fits in `cols` columns (at least one
/// character, so that breaking always moves on), and the rest.
fn split_at_width(word: &str, cols: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in word.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > cols && i > 0 {
            return word.split_at(i);
        }
        used += w;
    }
    (word, "")
}

/// `text` broken into lines of at most `cols` columns at spaces; a word
/// longer than a line is broken where it reaches the edge. Nothing is cut.
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    wrap_hanging(text, cols, "")
}

/// Like [`wrap`], each line after the first starting with `indent` (which
/// counts toward its `cols`).
pub fn wrap_hanging(text: &str, cols: usize, indent: &str) -> Vec<String> {
    let cols = cols.max(1);
    let indent = if indent.width() < cols { indent } else { "" };
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let mut word = word;
        loop {
            let ww = word.width();
            let gap = usize::from(used > 0 && !line.trim().is_empty());
            if used + gap + ww <= cols {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                used += gap + ww;
                break;
            }
            if !line.trim().is_empty() {
                lines.push(std::mem::take(&mut line));
                line.push_str(indent);
                used = indent.width();
                continue;
            }
            // A word longer than a whole line: break it at the edge.
            let (head, rest) = split_at_width(word, cols - used);
            line.push_str(head);
            lines.push(std::mem::take(&mut line));
            line.push_str(indent);
            used = indent.width();
            word = rest;
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

/// A code (a hash, a seal) in groups of four characters, `per_line` groups
/// a line, so it can be read aloud and compared on paper.
pub fn code_groups(code: &str, per_line: usize) -> Vec<String> {
    let chars: Vec<char> = code.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .chunks(4 * per_line.max(1))
        .map(|line| {
            line.chunks(4)
                .map(|g| g.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// `parts` joined with " · " on lines of at most `cols` columns, a new
/// line where the next part would not fit: every part shown whole.
pub fn join_fitting(parts: Vec<String>, cols: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        match out.last_mut() {
            Some(line) if width(line) + 3 + width(&part) <= cols => {
                line.push_str(" · ");
                line.push_str(&part);
            }
            _ => out.push(part),
        }
    }
    out
}

/// `lines` wrapped at `cols` columns, a wrapped line's rest indented like
/// its start and two more: nothing cut at the window's edge.
pub fn wrap_lines(lines: &[String], cols: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            out.push(String::new());
            continue;
        }
        let indent = " ".repeat(line.len() - line.trim_start().len());
        let room = cols.saturating_sub(indent.len());
        for part in wrap_hanging(line.trim_start(), room, "  ") {
            out.push(format!("{indent}{part}"));
        }
    }
    out
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
    }

    #[test]
    fn wrapping_breaks_a_long_word_at_the_edge_and_loses_nothing() {
        assert_eq!(wrap("abcdefgh", 4), ["abcd", "efgh"]);
        let word = "Ả".repeat(200);
        let lines = wrap(&format!("Lý do: {word}"), 70);
        assert!(lines.iter().all(|l| width(l) <= 70), "{lines:?}");
        assert_eq!(lines.concat().matches('Ả').count(), 200);
        assert_eq!(wrap("漢字漢字", 3), ["漢", "字", "漢", "字"]);
    }

    #[test]
    fn a_hanging_indent_counts_toward_the_width() {
        let lines = wrap_hanging("Một triệu không trăm linh một nghìn đồng", 20, "  ");
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(lines.join(" ").split_whitespace().count(), 8);
        assert!(lines[1].starts_with("  "));
        let broken = wrap_hanging(&"x".repeat(30), 10, "    ");
        assert!(broken.iter().all(|l| width(l) <= 10), "{broken:?}");
        assert_eq!(broken.concat().matches('x').count(), 30);
    }

    #[test]
    fn padding_counts_columns_not_bytes() {
        assert_eq!(pad("Nữ", 4), "Nữ  ");
        assert_eq!(right("2.789.000 đ", 13), "  2.789.000 đ");
        assert_eq!(pad("Thương binh hạng 1/4", 8), "Thương …");
        assert_eq!(center("Kỳ", 6), "  Kỳ");
    }

    #[test]
    fn nothing_fits_in_zero_columns() {
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn codes_are_grouped_for_reading_aloud() {
        let hash = "3f2a".repeat(16);
        let lines = code_groups(&hash, 8);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], ["3f2a"; 8].join(" "));
        assert_eq!(lines.concat().replace(' ', ""), hash);
    }

    #[test]
    fn the_figures_go_on_a_second_line_rather_than_lose_one() {
        // The demo's month after a batch: 80 columns do not hold them all.
        let parts: Vec<String> = [
            "chờ NH 63",
            "lỗi NH 0",
            "DS 1.130.775.500",
            "chi 55.386.000",
            "chưa 1.012.328.500",
            "dừng 0 đ",
        ]
        .map(String::from)
        .to_vec();
        let lines = join_fitting(parts, 78);
        assert_eq!(
            lines,
            [
                "chờ NH 63 · lỗi NH 0 · DS 1.130.775.500 · chi 55.386.000 · chưa 1.012.328.500",
                "dừng 0 đ"
            ]
        );
        // The usual month: one line.
        let parts = ["DS 30.000.000", "chi 0", "chưa 30.000.000", "dừng 0 đ"]
            .map(String::from)
            .to_vec();
        assert_eq!(join_fitting(parts, 78).len(), 1);
    }

    #[test]
    fn a_long_line_of_the_transfers_wraps_under_itself() {
        let lines = wrap_lines(
            &[
                "Kỳ này chưa lập lô chuyển khoản nào. F4: lập lô; F6: nhập kết quả của ngân hàng."
                    .to_string(),
                String::new(),
                "  Lô số 1 · 07/12/2026 · 63 người".to_string(),
            ],
            78,
        );
        assert_eq!(
            lines,
            [
                "Kỳ này chưa lập lô chuyển khoản nào. F4: lập lô; F6: nhập kết quả của ngân",
                "  hàng.",
                "",
                "  Lô số 1 · 07/12/2026 · 63 người",
            ]
        );
    }
}
