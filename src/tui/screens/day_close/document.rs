//! The day report as the close screen shows it: the day's
//! [`Document`](crate::document::Document) — the same the printout and the
//! exports draw — laid out in [`DOC_WIDTH`] columns, with one line more
//! once the day was closed from this screen: where its backup went.
//!
//! What a supervisor must not miss comes first in the document: whether
//! the day is closed and its seal, what still blocks the close, missing
//! receipt numbers. Nothing is added up here.

use crate::i18n::Lang;
use std::path::PathBuf;

use crate::config::Office;
use crate::document::layout::{Line, Page, lay_out};
use crate::document::{Block, Paragraph, Tone, day};
use crate::domain::report::DayReport;
use crate::text::for_display;

/// Columns the document is laid out in (the narrowest window, less margins).
pub const DOC_WIDTH: usize = 78;

/// The report's lines; `backup` is the backup written when the day was
/// closed from this screen.
pub fn lines(
    lang: Lang,
    office: &Office,
    report: &DayReport,
    backup: Option<&Result<PathBuf, String>>,
) -> Vec<Line> {
    let mut doc = day::build(lang, office, report);
    let s = lang.strings();
    let note = match backup {
        Some(Ok(path)) => Some(Paragraph::new(format!(
            "{} {}",
            s.backup_written,
            for_display(&path.display().to_string())
        ))),
        Some(Err(problem)) => Some(
            Paragraph::new(format!("{} {}", s.backup_failed, for_display(problem)))
                .tone(Tone::Warn),
        ),
        None => None,
    };
    if let Some(note) = note {
        // Under the seals, with the rest of the close's outcome.
        let at = doc
            .blocks
            .iter()
            .rposition(|b| matches!(b, Block::Seal(_)))
            .map_or(0, |i| i + 1);
        doc.blocks.insert(at, Block::Paragraph(note));
    }
    lay_out(&doc, Page::screen(DOC_WIDTH))
}
