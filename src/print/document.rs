//! Any [`Document`] as 80 columns of plain text for a dot-matrix or laser
//! printer: the paper layout of [`crate::document::layout`], one "\n" after
//! every line. No line is wider than [`WIDTH`](super::text::WIDTH) columns
//! and none ends in spaces.

use crate::document::Document;
use crate::document::layout::{Page, lay_out};

/// `doc` as printable text.
pub fn render_text(doc: &Document) -> String {
    let mut text = String::new();
    for line in lay_out(doc, Page::PRINT) {
        text.push_str(&line.text());
        text.push('\n');
    }
    text
}
