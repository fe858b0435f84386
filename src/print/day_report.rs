//! The day report (báo cáo chi trả ngày) on paper: the day's
//! [`Document`](crate::document::Document) printed as 80 columns of text.

use crate::config::Office;
use crate::document::day;
use crate::domain::report::DayReport;

/// The report of `report`'s day as text, one "\n" after every line.
pub fn render_text(office: &Office, report: &DayReport) -> String {
    super::document::render_text(&day::build(office, report))
}
