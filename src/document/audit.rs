//! The audit log read back, as a [`Document`]: one table of the rows of a
//! day or of several — the row's number, its time, who wrote it, what it
//! was and the facts worth a line — under the office's heading. Every
//! format draws it with the renderers every document uses.

use super::{Block, Cell, Column, Document, Head, Kind, Paragraph, Row, Table, Tone};
use crate::config::Office;
use crate::i18n::Lang;
use crate::i18n::audit_log::{action_label, span, summary, words};
use crate::service::audit_log::LogEntry;

pub const KIND: &str = "nhat_ky_kiem_toan";

/// The rows `entries`, read for the days `from`–`to` ("YYYY-MM-DD").
pub fn build(lang: Lang, office: &Office, from: &str, to: &str, entries: &[LogEntry]) -> Document {
    let w = words(lang);
    let mut t = Table::new(
        "nhat_ky",
        vec![
            Column::new("dong", w.col_seq, Kind::Number),
            Column::new("luc", w.col_time, Kind::Text),
            Column::new("nguoi", w.col_user, Kind::Code),
            Column::new("viec", w.col_what, Kind::Text),
            Column::new("chi_tiet", w.col_detail, Kind::Text),
        ],
        w.none,
    )
    .flex(4);
    for e in entries {
        // The time of day, and the date too when more than one day is read.
        let at = if from == to {
            e.at.get(11..19).unwrap_or(&e.at).to_string()
        } else {
            crate::i18n::labels::date_time(&e.at)
        };
        let what = action_label(lang, &e.action)
            .map(str::to_string)
            .unwrap_or_else(|| e.action.clone());
        t.push(Row::new(vec![
            Cell::Number(e.seq),
            Cell::text(at),
            Cell::text(e.user.clone().unwrap_or_else(|| w.system.to_string())),
            Cell::text(what),
            Cell::text(summary(lang, &e.detail, e.approver.as_deref())),
        ]));
    }
    Document {
        kind: KIND.to_string(),
        lang,
        name: w.name.to_string(),
        head: Head {
            issuer: vec![
                office.name.to_uppercase(),
                format!("{} ({})", office.commune, office.code),
            ],
            national: Vec::new(),
            place_date: String::new(),
            title: format!("{} {}", w.title, span(lang, from, to).to_uppercase()),
            date: to.to_string(),
            lines: Vec::new(),
        },
        blocks: vec![
            Block::Table(t),
            Block::Paragraph(Paragraph::new(w.proves_nothing).tone(Tone::Muted)),
        ],
    }
}
