//! A word in large block letters, five rows high (with a row above for a
//! tilde), for the one thing a clerk must not miss: "ĐÃ CHI".
//!
//! Only the letters chitra needs are drawn (those of "ĐÃ CHI" and "PAID");
//! a word with any other letter is shown as ordinary bold text instead, so
//! nothing is ever silently dropped.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Rows a banner takes.
pub const HEIGHT: u16 = 6;

/// The rows of one letter, top (the accent row) first.
fn glyph(c: char) -> Option<[&'static str; 6]> {
    Some(match c {
        'Đ' => ["     ", " ███ ", " █  █", "███ █", " █  █", " ███ "],
        'Ã' => [" ▄▀▄▀", " ███ ", "█   █", "█████", "█   █", "█   █"],
        'A' => ["     ", " ███ ", "█   █", "█████", "█   █", "█   █"],
        'C' => ["     ", " ████", "█    ", "█    ", "█    ", " ████"],
        'D' => ["     ", "████ ", "█   █", "█   █", "█   █", "████ "],
        'H' => ["     ", "█   █", "█   █", "█████", "█   █", "█   █"],
        'I' => ["   ", "███", " █ ", " █ ", " █ ", "███"],
        'P' => ["     ", "████ ", "█   █", "████ ", "█    ", "█    "],
        ' ' => ["  ", "  ", "  ", "  ", "  ", "  "],
        _ => return None,
    })
}

/// The six rows of `word` in block letters, or `None` if a letter is missing.
pub fn rows(word: &str) -> Option<Vec<String>> {
    let glyphs: Vec<[&str; 6]> = word.chars().map(glyph).collect::<Option<_>>()?;
    Some(
        (0..6)
            .map(|r| {
                let row: Vec<&str> = glyphs.iter().map(|g| g[r]).collect();
                row.join(" ").trim_end().to_string()
            })
            .collect(),
    )
}

/// Draws `word` centred in the first rows of `area`; returns the rows used.
pub fn draw(frame: &mut Frame, area: Rect, word: &str, style: Style) -> u16 {
    let buf = frame.buffer_mut();
    let Some(rows) = rows(word) else {
        let w = u16::try_from(super::fit::width(word)).unwrap_or(0);
        let x = area.x + area.width.saturating_sub(w) / 2;
        buf.set_stringn(x, area.y, word, usize::from(area.width), style);
        return 1;
    };
    let w = rows.iter().map(|r| super::fit::width(r)).max().unwrap_or(0);
    let x = area.x + area.width.saturating_sub(u16::try_from(w).unwrap_or(0)) / 2;
    let mut used = 0;
    for (row, y) in rows.iter().zip(area.y..area.bottom()) {
        buf.set_stringn(x, y, row, usize::from(area.width), style);
        used += 1;
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_of_da_chi_and_paid_is_drawn_and_rows_line_up() {
        for word in ["ĐÃ CHI", "PAID"] {
            let rows = rows(word).expect(word);
            assert_eq!(rows.len(), 6);
        }
        for c in "ĐÃACDHIP ".chars() {
            let g = glyph(c).unwrap();
            let w = super::super::fit::width(g[0]);
            assert!(g.iter().all(|r| super::super::fit::width(r) == w), "{c}");
        }
    }

    #[test]
    fn a_word_with_an_unknown_letter_has_no_banner() {
        assert_eq!(rows("ĐÃ XONG"), None);
    }
}
