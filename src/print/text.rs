//! 80-column text for the printer, on the shared layout of
//! [`crate::text::layout`] (widths in terminal columns, never bytes).

pub use crate::text::layout::{pad, right, width};

/// The width of a printed page in columns.
pub const WIDTH: usize = 80;

/// `s` centred in `WIDTH` columns (no trailing spaces).
pub fn center(s: &str) -> String {
    crate::text::layout::center(s, WIDTH)
}

/// `left` and `right` on one line, `right` ending at column `WIDTH`.
pub fn spread(left: &str, right: &str) -> String {
    let used = width(left) + width(right);
    let gap = if used < WIDTH { WIDTH - used } else { 1 };
    format!("{left}{}{right}", " ".repeat(gap))
}

/// Words of `s` wrapped into lines of at most `cols` columns, each line
/// after the first starting with `indent`.
pub fn wrap(s: &str, cols: usize, indent: &str) -> Vec<String> {
    crate::text::layout::wrap_hanging(s, cols, indent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_spreads_to_the_page_edge() {
        assert_eq!(width(&spread("Kỳ", "2.789.000 đ")), WIDTH);
        assert_eq!(width(&center("BIÊN NHẬN")), (WIDTH - 9) / 2 + 9);
    }

    #[test]
    fn a_vietnamese_line_wraps_the_same_on_paper_and_on_screen() {
        let s = "Ông Nguyễn Văn Thưởng nhận thay cho bà Trần Thị Ánh Nguyệt, giấy ủy quyền số 12/UQ-UBND ngày 03/11/2026";
        for cols in [12, 17, 24, 40, 78] {
            let paper = wrap(s, cols, "");
            let screen = crate::tui::widgets::fit::wrap(s, cols);
            assert_eq!(paper, screen, "at {cols} columns");
            // Columns, not bytes: "Thưởng" is 6 columns and 9 bytes.
            assert!(paper.iter().all(|l| width(l) <= cols), "{paper:?}");
            assert!(paper.iter().any(|l| l.len() > width(l)));
            assert_eq!(paper.join(" "), s);
        }
    }
}
