//! The lines of the page being written, and how they are laid out: wrapped
//! paragraphs, centred lines, underlined section titles, and rows of a
//! label with a count and an amount in right-aligned columns.

use super::super::text::{WIDTH, center, pad, right, width, wrap};
use crate::domain::Money;
use crate::domain::report::Tally;
use crate::i18n::tr as t;
use crate::text::for_display;

/// The lines of the page being written.
#[derive(Default)]
pub(super) struct Doc {
    pub(super) lines: Vec<String>,
}

impl Doc {
    pub(super) fn push(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    pub(super) fn blank(&mut self) {
        self.lines.push(String::new());
    }

    /// `text` wrapped into lines of at most `cols` columns after `indent`.
    pub(super) fn para(&mut self, indent: usize, text: &str) {
        let lead = " ".repeat(indent);
        for l in fit(text, WIDTH - indent) {
            self.push(format!("{lead}{l}"));
        }
    }

    /// `text` wrapped and each line centred.
    pub(super) fn centered(&mut self, text: &str) {
        for l in fit(text, WIDTH) {
            self.push(center(&l));
        }
    }

    /// A numbered section title, underlined.
    pub(super) fn section(&mut self, title: &str) {
        self.blank();
        self.para(0, title);
        let w = width(title).min(WIDTH);
        self.push("-".repeat(w));
    }

    /// `label`, then a count and an amount in right-aligned columns.
    pub(super) fn row(&mut self, indent: usize, label: &str, count: Option<i64>, amount: &str) {
        let count = count.map(|c| c.to_string()).unwrap_or_default();
        self.columns(indent, label, &count, amount);
    }

    /// `label` cut to fit, then `count` and `amount` right-aligned in their
    /// columns (also used for the headings of those columns).
    pub(super) fn columns(&mut self, indent: usize, label: &str, count: &str, amount: &str) {
        let tail = format!("{}{}", right(count, COUNT_COLS), right(amount, AMOUNT_COLS));
        let label_cols = WIDTH.saturating_sub(indent + width(&tail)).max(1);
        self.push(format!(
            "{}{}{tail}",
            " ".repeat(indent),
            pad(label, label_cols)
        ));
    }

    pub(super) fn tally(&mut self, indent: usize, label: &str, t: Tally) {
        self.row(indent, label, Some(t.count), &t.amount.to_string());
    }

    pub(super) fn money(&mut self, indent: usize, label: &str, m: Money) {
        self.row(indent, label, None, &m.to_string());
    }

    /// `left` and `right` on one line, `left` cut if both do not fit.
    pub(super) fn two(&mut self, left: &str, right_text: &str) {
        let rw = width(right_text);
        let lw = WIDTH.saturating_sub(rw + 1).max(1);
        self.push(format!("{} {right_text}", pad(left, lw)));
    }
}

const COUNT_COLS: usize = 10;

const AMOUNT_COLS: usize = 22;

/// Text from the database, harmless to print.
pub(super) fn s(v: &str) -> String {
    for_display(v).into_owned()
}

/// `text` wrapped at spaces into lines of at most `cols` columns; a word
/// longer than a line is broken where it reaches the edge.
pub(super) fn fit(text: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut out = Vec::new();
    for line in wrap(text, cols, "") {
        let mut rest = line.as_str();
        while width(rest) > cols {
            let mut used = 0;
            let mut cut = rest.len();
            for (i, c) in rest.char_indices() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + cw > cols {
                    cut = i;
                    break;
                }
                used += cw;
            }
            let cut = if cut == 0 {
                rest.chars().next().map_or(rest.len(), char::len_utf8)
            } else {
                cut
            };
            out.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out
}

pub(super) fn table_head(doc: &mut Doc, indent: usize, first: &str) {
    doc.columns(indent, first, t("Số món", "Count"), t("Số tiền", "Amount"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_broken_at_the_edge() {
        let word = "Ả".repeat(200);
        let lines = fit(&format!("Lý do: {word}"), 70);
        assert!(lines.iter().all(|l| width(l) <= 70), "{lines:?}");
        assert_eq!(lines.concat().matches('Ả').count(), 200);
    }
}
