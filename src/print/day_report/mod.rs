//! The day report (báo cáo chi trả ngày) as 80 columns of plain text for a
//! dot-matrix or laser printer.
//!
//! It lays out a [`DayReport`] and nothing else: every count and amount
//! printed is a field of the report (or one of its own methods), so the
//! printout cannot disagree with the close screen or the exports. The only
//! arithmetic here is the value of each banknote line of a drawer count
//! (denomination × notes), which is shown next to the count's own total.
//!
//! Order on paper: heading and status, why the day cannot be closed yet,
//! I. office totals (by method, by category, cash), II. each clerk and their
//! drawer, III. voids, IV. receipt-number gaps, V. people still unpaid,
//! VI. the day's payments, then the net total in figures and in words, the
//! audit seal, the place and date, and three signature blocks.
//!
//! Every name, reason or label that came from the database goes through
//! `for_display`; every line is at most [`WIDTH`](super::text::WIDTH) columns, long text is
//! wrapped (or, in table columns, cut with "…").
//!
//! The files of this folder: `doc.rs` (the lines being written and how
//! they are laid out), `written.rs` (the date and the hash written out, also
//! used by the Excel sheet), then one file per part of the page in the order
//! above: `heading.rs` (with the blockers), `totals.rs` (I), `clerks.rs`
//! (II), `lists.rs` (III to V), `payments.rs` (VI), `closing.rs`.

mod clerks;
mod closing;
mod doc;
mod heading;
mod lists;
mod payments;
mod totals;
mod written;

use crate::config::Office;
use crate::domain::report::DayReport;
use doc::Doc;

pub use written::{hash_lines, written_date};

/// The report of `report`'s day as text, one "\n" after every line.
pub fn render_text(office: &Office, report: &DayReport) -> String {
    let mut doc = Doc::default();
    heading::heading(&mut doc, office, report);
    heading::blockers(&mut doc, report);
    totals::office_totals(&mut doc, report);
    clerks::clerks(&mut doc, report);
    lists::voids(&mut doc, report);
    lists::gaps(&mut doc, report);
    lists::unpaid(&mut doc, report);
    payments::payments(&mut doc, report);
    closing::closing(&mut doc, office, report);
    let mut text = doc.lines.join("\n");
    text.push('\n');
    text
}
