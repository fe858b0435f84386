//! The day report as lines on screen, laid out in [`DOC_WIDTH`] columns.
//!
//! Every number shown is a field of the [`DayReport`] computed by the
//! service (the same the printout and the exports use); nothing is added up
//! here. What a supervisor must not miss comes first: whether the day is
//! closed (with its seal and backup), what still blocks the close (red,
//! bold), missing receipt numbers. Then the office's totals, each clerk and
//! their drawer, the voids (struck through, and marked in words), the
//! people still unpaid, and the day's payments.

use std::path::PathBuf;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::drawer_count::difference_word;
use crate::domain::Money;
use crate::domain::report::{ClerkDay, DayReport, Tally};
use crate::i18n::{Localize, labels, strings};
use crate::text::for_display;
use crate::tui::theme::Theme;
use crate::tui::widgets::fit::{fit, pad, right, width, wrap};

/// Columns the document is laid out in (the narrowest window, less margins).
pub const DOC_WIDTH: usize = 78;

/// The lines of a document being built.
struct Doc<'t> {
    lines: Vec<Line<'static>>,
    theme: &'t Theme,
}

impl Doc<'_> {
    fn blank(&mut self) {
        self.lines.push(Line::raw(""));
    }

    /// `text`, wrapped, every line in `style`, indented by `indent` spaces.
    fn say(&mut self, indent: usize, text: &str, style: Style) {
        let room = DOC_WIDTH.saturating_sub(indent);
        let lines = if width(text) <= room {
            vec![text.to_string()]
        } else {
            wrap(text, room)
        };
        for l in lines {
            self.lines.push(Line::from(Span::styled(
                format!("{}{l}", " ".repeat(indent)),
                style,
            )));
        }
    }

    fn heading(&mut self, text: &str) {
        let style = self.theme.heading();
        self.say(0, text, style);
    }

    fn text(&mut self, indent: usize, text: &str) {
        let style = self.theme.text();
        self.say(indent, text, style);
    }

    /// One row of a table: label, count, amount.
    fn row(&mut self, indent: usize, label: &str, count: &str, amount: &str, style: Style) {
        let label_w = 48usize.saturating_sub(indent);
        self.lines.push(Line::from(Span::styled(
            format!(
                "{}{}{}{}",
                " ".repeat(indent),
                pad(label, label_w),
                right(count, 8),
                right(amount, 18)
            ),
            style,
        )));
    }

    fn tally(&mut self, indent: usize, label: &str, t: &Tally) {
        let style = self.theme.text();
        self.row(
            indent,
            label,
            &t.count.to_string(),
            &t.amount.to_string(),
            style,
        );
    }
}

/// The report as lines; `backup` is the backup written when the day was
/// closed from this screen.
pub fn document(
    report: &DayReport,
    backup: Option<&Result<PathBuf, String>>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut doc = Doc {
        lines: Vec::new(),
        theme,
    };
    status(&mut doc, report, backup);
    office(&mut doc, report);
    clerks(&mut doc, report);
    voids(&mut doc, report);
    unpaid(&mut doc, report);
    payments(&mut doc, report);
    doc.lines
}

fn status(doc: &mut Doc, r: &DayReport, backup: Option<&Result<PathBuf, String>>) {
    let s = strings::t();
    let theme = doc.theme;
    doc.heading(&strings::report_heading(&labels::date(&r.day)));
    match &r.closed {
        Some(c) => {
            doc.say(0, s.day_closed_banner, theme.heading());
            doc.text(
                2,
                &strings::closed_at_by(&labels::date_time(&c.at), &for_display(&c.by)),
            );
            doc.text(2, &strings::seal_line(c.seal.seq));
            doc.text(2, &strings::hash_line(&for_display(&c.seal.hash)));
        }
        None => doc.text(0, s.day_open_status),
    }
    match backup {
        Some(Ok(path)) => doc.text(
            2,
            &format!(
                "{} {}",
                s.backup_written,
                for_display(&path.display().to_string())
            ),
        ),
        Some(Err(problem)) => doc.say(
            2,
            &format!("{} {}", s.backup_failed, for_display(problem)),
            theme.error(),
        ),
        None => {}
    }
    if !r.blockers.is_empty() {
        doc.say(0, s.cannot_close_yet, theme.error());
        for b in &r.blockers {
            doc.say(2, &format!("• {}", b.localized()), theme.error());
        }
    }
    for g in &r.receipt_gaps {
        doc.say(
            0,
            &strings::receipt_gap(&for_display(&g.office), g.year, g.from, g.to),
            theme.heading(),
        );
    }
    doc.blank();
}

fn office(doc: &mut Doc, r: &DayReport) {
    let s = strings::t();
    let theme = doc.theme;
    let t = &r.totals;
    doc.heading(s.report_office_heading);
    doc.row(2, s.col_method, s.col_times, s.col_amount, theme.heading());
    if t.by_method.is_empty() {
        doc.text(2, s.report_no_payments);
    }
    for (m, tally) in &t.by_method {
        doc.tally(2, labels::method(*m), tally);
    }
    doc.tally(2, s.report_paid_gross, &t.payments);
    doc.tally(2, s.report_voided, &t.voids);
    doc.row(2, s.report_net, "", &t.net.to_string(), theme.heading());
    if !t.by_category.is_empty() {
        doc.blank();
        doc.row(
            2,
            s.col_category,
            s.col_times,
            s.col_amount,
            theme.heading(),
        );
        for (category, tally) in &t.by_category {
            doc.tally(2, &for_display(category), tally);
        }
    }
    doc.blank();
    let text = theme.text();
    doc.row(
        2,
        s.report_cash_expected,
        "",
        &t.cash_expected.to_string(),
        text,
    );
    doc.row(
        2,
        s.report_cash_counted,
        "",
        &t.cash_counted.to_string(),
        text,
    );
    doc.row(
        2,
        s.report_cash_difference,
        "",
        &r.difference().to_string(),
        theme.heading(),
    );
    doc.blank();
}

fn clerks(doc: &mut Doc, r: &DayReport) {
    let s = strings::t();
    doc.heading(s.report_clerks_heading);
    if r.clerks.is_empty() {
        doc.text(2, s.report_nobody);
    }
    for c in &r.clerks {
        clerk(doc, c);
    }
    doc.blank();
}

fn clerk(doc: &mut Doc, c: &ClerkDay) {
    let s = strings::t();
    let theme = doc.theme;
    let mut who = format!("{} ({})", for_display(&c.full_name), for_display(&c.name));
    if let Some((first, last)) = &c.receipts {
        who.push_str(&format!(
            " · {} {} – {}",
            s.receipts_short,
            for_display(first),
            for_display(last)
        ));
    }
    doc.say(2, &who, theme.heading());
    for (m, tally) in &c.by_method {
        doc.tally(4, labels::method(*m), tally);
    }
    if c.voids.count > 0 {
        doc.tally(4, s.report_voided, &c.voids);
    }
    if !c.drawer_opened() && c.count.is_none() {
        doc.text(4, s.report_no_drawer);
        return;
    }
    let plain = |m: Money| m.format_plain();
    doc.text(
        4,
        &strings::drawer_in_line(&plain(c.float), &plain(c.issued), &plain(c.returned)),
    );
    doc.text(
        4,
        &strings::drawer_out_line(&plain(c.cash_paid), &plain(c.cash_voided)),
    );
    let text = theme.text();
    doc.row(4, s.expected_label, "", &c.expected.to_string(), text);
    let Some(n) = &c.count else {
        doc.say(4, s.not_counted_yet, theme.error());
        return;
    };
    if n.expected != c.expected {
        // Cash moved after the count (it cannot today; an older day might).
        doc.row(4, s.expected_at_count, "", &n.expected.to_string(), text);
    }
    doc.row(4, s.counted_label, "", &n.counted.to_string(), text);
    let style = if n.difference.is_zero() {
        text
    } else {
        theme.heading()
    };
    doc.row(
        4,
        &format!("{} {}", s.difference_label, difference_word(n.difference)),
        "",
        &n.difference.to_string(),
        style,
    );
    match n.reason.as_deref() {
        Some(why) => doc.text(4, &format!("{} {}", s.reason_short, for_display(why))),
        None if !n.difference.is_zero() => doc.say(4, s.reason_missing_short, theme.error()),
        None => {}
    }
}

fn voids(doc: &mut Doc, r: &DayReport) {
    let s = strings::t();
    let theme = doc.theme;
    if r.voids.is_empty() {
        return;
    }
    doc.heading(s.report_voids_heading);
    for v in &r.voids {
        let row = format!(
            "  {}  {}  {}  {}",
            for_display(&v.receipt_no),
            labels::date(&v.paid_on),
            right(&v.amount.to_string(), 14),
            labels::method(v.method)
        );
        doc.lines.push(Line::from(Span::styled(
            fit(&row, DOC_WIDTH),
            theme.struck(),
        )));
        let why = strings::void_line(
            s.voided,
            &for_display(&v.reason),
            &for_display(&v.requested_by),
            &for_display(&v.approved_by),
        );
        doc.say(4, &why, theme.heading());
    }
    doc.blank();
}

fn unpaid(doc: &mut Doc, r: &DayReport) {
    let s = strings::t();
    let theme = doc.theme;
    doc.heading(s.report_unpaid_heading);
    if r.unpaid.is_empty() {
        doc.text(2, s.report_nobody_unpaid);
    } else {
        doc.row(2, s.col_period, s.col_people, s.col_amount, theme.heading());
    }
    for u in &r.unpaid {
        doc.row(
            2,
            &u.period.short_label(),
            &u.people.to_string(),
            &u.amount.to_string(),
            theme.text(),
        );
    }
    doc.blank();
}

fn payments(doc: &mut Doc, r: &DayReport) {
    let s = strings::t();
    let theme = doc.theme;
    doc.heading(s.report_payments_heading);
    if r.payments.is_empty() {
        doc.text(2, s.report_no_payments);
    }
    for p in &r.payments {
        let time = p.paid_at.get(11..16).unwrap_or("");
        let row = format!(
            "  {} {} {} {} {}",
            pad(&for_display(&p.receipt_no), 14),
            pad(&for_display(time), 5),
            pad(&for_display(&p.person), 15),
            pad(labels::method(p.method), 17),
            right(&p.amount.to_string(), 14)
        );
        if p.voided {
            doc.lines.push(Line::from(vec![
                Span::styled(row, theme.struck()),
                Span::styled(format!(" {}", s.voided), theme.heading()),
            ]));
        } else {
            doc.lines
                .push(Line::from(Span::styled(fit(&row, DOC_WIDTH), theme.text())));
        }
    }
    if let (None, Some(head)) = (&r.closed, &r.audit_head) {
        doc.blank();
        doc.text(0, &strings::audit_head_line(head.seq));
        doc.text(0, &strings::hash_line(&for_display(&head.hash)));
    }
}
