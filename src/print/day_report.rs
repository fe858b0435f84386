//! The day report (báo cáo chi trả ngày) on paper: the day's
//! [`Document`](crate::document::Document) printed as 80 columns of text.

use crate::config::Office;
use crate::document::day;
use crate::domain::report::DayReport;
use crate::i18n::Lang;

/// The report of `report`'s day as text in `lang`, one "\n" after every
/// line.
pub fn render_text(lang: Lang, office: &Office, report: &DayReport) -> String {
    super::document::render_text(&day::build(lang, office, report))
}
