//! The sheet's columns (how many, how wide, where each table's columns go)
//! and the writing of each part of a document into them.

use chrono::{DateTime, Datelike, NaiveDate, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Worksheet, XlsxError};

use super::formats;
use crate::document::{
    Align, Amount, Block, Cell, Document, Facts, Head, Kind, Paragraph, Role, Seal, Signatures,
    Table, Tone,
};
use crate::text::for_display;
use crate::text::layout::code_groups;

/// Points per line of 12-point text.
const LINE_HEIGHT: f64 = 16.5;
/// The narrowest and widest a column is made (Excel's width units).
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 42.0;
/// Columns that fit an A4 portrait page at these margins.
const PORTRAIT_WIDTH: f64 = 100.0;
/// The height, in lines, of a row with a column to write in.
const WRITE_IN_LINES: f64 = 2.0;
/// Rows left free under the signatures to sign in.
const SIGN_ROWS: u32 = 4;

fn s(v: &str) -> String {
    for_display(v).into_owned()
}

/// A table's columns as placed on the sheet: the numbering column (if
/// any), then its shown columns, each over a range of sheet columns.
struct Placed {
    /// `None` for the numbering column, else the table's column.
    column: Option<usize>,
    first: u16,
    last: u16,
}

/// The sheet's columns for a document.
pub(super) struct Plan {
    pub(super) widths: Vec<f64>,
    /// Per table of the document, in order.
    tables: Vec<Vec<Placed>>,
    /// The table whose heading is repeated on every printed page.
    repeat: Option<usize>,
}

/// The columns of `t` drawn on the sheet.
fn drawn(t: &Table) -> (Vec<Option<usize>>, Option<usize>) {
    let shown = t.shown_columns();
    let flex = t.flex_column(&shown);
    let mut cols: Vec<Option<usize>> = Vec::new();
    if t.numbered.is_some() {
        cols.push(None);
    }
    cols.extend(shown.iter().map(|&c| Some(c)));
    let flex_at = flex.and_then(|f| cols.iter().position(|c| *c == Some(f)));
    (cols, flex_at)
}

/// How many characters a cell's value takes on the sheet.
fn value_chars(cell: &Cell) -> usize {
    match cell {
        Cell::Empty => 0,
        Cell::Text(t) | Cell::Short { text: t, .. } => t.chars().count(),
        Cell::Count(n) | Cell::Number(n) => n.to_string().len() + 1,
        Cell::Money(m) => m.format_plain().len() + 2,
        Cell::Date(_) => 10,
        Cell::Time(_) => 5,
    }
}

fn longest_word(s: &str) -> usize {
    s.split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

impl Plan {
    pub(super) fn new(doc: &Document) -> Plan {
        let tables: Vec<&Table> = doc.tables().collect();
        let count = tables
            .iter()
            .filter(|t| !t.rows.is_empty())
            .map(|t| drawn(t).0.len())
            .max()
            .unwrap_or(0)
            .max(6);
        let mut widths = vec![MIN_WIDTH; count];
        let mut placed = Vec::new();
        let mut spans: Vec<(usize, usize, f64)> = Vec::new();
        for t in &tables {
            let (cols, flex_at) = drawn(t);
            let spare = count.saturating_sub(cols.len());
            let flex_at = flex_at.unwrap_or(cols.len().saturating_sub(1));
            let mut out = Vec::new();
            for (i, c) in cols.iter().enumerate() {
                let first = if i <= flex_at { i } else { i + spare };
                let last = if i == flex_at { i + spare } else { first };
                out.push(Placed {
                    column: *c,
                    first: first as u16,
                    last: last as u16,
                });
                if !t.rows.is_empty() {
                    let (label, values) = match c {
                        None => (
                            t.numbered.as_deref().unwrap_or(""),
                            t.rows.len().to_string().len(),
                        ),
                        Some(c) => (
                            t.columns[*c].label.as_str(),
                            t.rows
                                .iter()
                                .filter(|r| r.role == Role::Data)
                                .map(|r| value_chars(t.cell(r, *c)))
                                .max()
                                .unwrap_or(0),
                        ),
                    };
                    let room = c.map_or(0, |c| t.columns[c].room);
                    let need =
                        (values.max(longest_word(label)).max(room) as f64 + 2.0).min(MAX_WIDTH);
                    if first == last {
                        widths[first] = widths[first].max(need);
                    } else {
                        spans.push((first, last, need));
                    }
                }
            }
            placed.push(out);
        }
        // A column spread over the columns other tables use (a name beside
        // fewer columns) is widened to what its values need, as far as a
        // page that fits upright stays upright.
        for (first, last, need) in spans {
            let total: f64 = widths.iter().sum();
            let have: f64 = widths[first..=last].iter().sum();
            let mut more = need - have;
            if total <= PORTRAIT_WIDTH {
                more = more.min(PORTRAIT_WIDTH - total);
            }
            if more > 0.0 {
                widths[last] += more;
            }
        }
        let repeat = tables
            .iter()
            .enumerate()
            .filter(|(_, t)| t.rows.len() > 10)
            .max_by_key(|(_, t)| t.rows.len())
            .map(|(i, _)| i);
        Plan {
            widths,
            tables: placed,
            repeat,
        }
    }

    fn last(&self) -> u16 {
        self.widths.len() as u16 - 1
    }

    pub(super) fn landscape(&self) -> bool {
        self.widths.iter().sum::<f64>() > PORTRAIT_WIDTH
    }

    /// The lines `text` takes wrapped over columns `first..=last`.
    fn lines(&self, first: u16, last: u16, text: &str) -> f64 {
        let cols: f64 = self.widths[first as usize..=last as usize].iter().sum();
        let chars = text.chars().count() as f64;
        (chars / (cols * 1.1).max(1.0)).ceil().max(1.0)
    }
}

/// The sheet being written and the next free row.
pub(super) struct Sheet<'a> {
    ws: &'a mut Worksheet,
    plan: &'a Plan,
    row: u32,
    table: usize,
}

impl<'a> Sheet<'a> {
    pub(super) fn new(ws: &'a mut Worksheet, plan: &'a Plan) -> Sheet<'a> {
        Sheet {
            ws,
            plan,
            row: 0,
            table: 0,
        }
    }

    /// `text` over columns `first..=last` of `row` (merged when more than one).
    fn put(
        &mut self,
        row: u32,
        first: u16,
        last: u16,
        text: &str,
        f: &Format,
    ) -> Result<(), XlsxError> {
        if first == last {
            self.ws.write_string_with_format(row, first, text, f)?;
        } else {
            self.ws.merge_range(row, first, row, last, text, f)?;
        }
        Ok(())
    }

    /// Makes `row` tall enough for `lines` lines.
    fn height(&mut self, row: u32, lines: f64) -> Result<(), XlsxError> {
        if lines > 1.0 {
            self.ws.set_row_height(row, LINE_HEIGHT * lines)?;
        }
        Ok(())
    }

    /// A line of text across the sheet, then the next row.
    fn line(&mut self, text: &str, f: &Format) -> Result<(), XlsxError> {
        let last = self.plan.last();
        self.put(self.row, 0, last, text, f)?;
        let lines = self.plan.lines(0, last, text);
        self.height(self.row, lines)?;
        self.row += 1;
        Ok(())
    }

    pub(super) fn document(&mut self, doc: &Document) -> Result<(), XlsxError> {
        self.head(&doc.head)?;
        for block in &doc.blocks {
            match block {
                Block::Section { title } => {
                    self.row += 1;
                    self.line(&s(title), &formats::line(Tone::Strong))?;
                }
                Block::Paragraph(p) => self.paragraph(p)?,
                Block::Facts(f) => self.facts(f)?,
                Block::Table(t) => {
                    self.table(t)?;
                    self.table += 1;
                }
                Block::Amount(a) => self.amount(a)?,
                Block::Seal(seal) => self.seal(seal)?,
                Block::Signatures(sig) => self.signatures(sig)?,
            }
        }
        Ok(())
    }

    fn head(&mut self, h: &Head) -> Result<(), XlsxError> {
        let last = self.plan.last();
        let half = last.div_ceil(2);
        let mut right = h.national.clone();
        right.push(h.place_date.clone());
        let rows = h.issuer.len().max(right.len());
        for i in 0..rows {
            let r = self.row + i as u32;
            if let Some(text) = h.issuer.get(i) {
                let last_line = i + 1 == h.issuer.len() && i > 0;
                let f = formats::head_line(!last_line, false, last_line);
                self.put(r, 0, half - 1, &s(text), &f)?;
            }
            if let Some(text) = right.get(i) {
                let place = i + 1 == right.len();
                let f = formats::head_line(!place, i == 1 && !place, place);
                self.put(r, half, last, &s(text), &f)?;
            }
        }
        self.row += rows as u32 + 1;
        self.line(&s(&h.title), &formats::title())?;
        for p in &h.lines {
            let f = formats::line(p.tone).set_align(rust_xlsxwriter::FormatAlign::Center);
            self.line(&s(&p.text), &f)?;
        }
        Ok(())
    }

    fn paragraph(&mut self, p: &Paragraph) -> Result<(), XlsxError> {
        let text = if p.bullet {
            format!("• {}", s(&p.text))
        } else {
            s(&p.text)
        };
        self.line(&text, &formats::line(p.tone))
    }

    /// A label over all columns but the last, the value in the last.
    fn labelled(&mut self, label: &str, value: &Cell, tone: Tone) -> Result<(), XlsxError> {
        let last = self.plan.last();
        let r = self.row;
        let bold = tone != Tone::Plain;
        self.put(r, 0, last - 1, label, &formats::line(tone))?;
        let kind = match value {
            Cell::Money(_) => Kind::Money,
            Cell::Count(_) => Kind::Count,
            _ => Kind::Text,
        };
        let f = formats::td(kind, Align::Right, bold, false);
        self.cell(r, last, last, value, &f)?;
        let lines = self.plan.lines(0, last - 1, label);
        self.height(r, lines)?;
        self.row += 1;
        Ok(())
    }

    fn facts(&mut self, f: &Facts) -> Result<(), XlsxError> {
        self.row += 1;
        if let Some(t) = &f.title {
            self.line(&s(t), &formats::line(Tone::Strong))?;
        }
        for fact in &f.items {
            self.labelled(&s(&fact.label), &fact.value, fact.tone)?;
        }
        Ok(())
    }

    /// A value into columns `first..=last` of `row`.
    fn cell(
        &mut self,
        row: u32,
        first: u16,
        last: u16,
        cell: &Cell,
        f: &Format,
    ) -> Result<(), XlsxError> {
        if first != last {
            // Merge first, then write the value into the merged range's
            // first cell, so numbers stay numbers.
            self.ws.merge_range(row, first, row, last, "", f)?;
        }
        match cell {
            Cell::Empty => {
                if first == last {
                    self.ws.write_blank(row, first, f)?;
                }
            }
            Cell::Text(t) | Cell::Short { text: t, .. } => {
                self.ws.write_string_with_format(row, first, s(t), f)?;
            }
            Cell::Count(n) | Cell::Number(n) => {
                self.ws.write_number_with_format(row, first, *n as f64, f)?;
            }
            Cell::Money(m) => {
                // Whole đồng within ±2^53 are exact as f64; a report's
                // amounts are far below that.
                self.ws
                    .write_number_with_format(row, first, m.dong() as f64, f)?;
            }
            Cell::Date(d) => match date(d) {
                Some(when) => {
                    self.ws.write_datetime_with_format(row, first, &when, f)?;
                }
                None => {
                    self.ws.write_string_with_format(row, first, s(d), f)?;
                }
            },
            Cell::Time(t) => match time(t) {
                Some(when) => {
                    self.ws.write_datetime_with_format(row, first, &when, f)?;
                }
                None => {
                    self.ws.write_string_with_format(row, first, s(t), f)?;
                }
            },
        }
        Ok(())
    }

    fn table(&mut self, t: &Table) -> Result<(), XlsxError> {
        self.row += 1;
        if let Some(title) = &t.title {
            self.line(&s(title), &formats::line(Tone::Strong))?;
        }
        if t.rows.is_empty() {
            return self.line(&s(&t.empty), &formats::line(Tone::Muted));
        }
        let plan = self.plan;
        let placed = &plan.tables[self.table];
        let (first_col, last_col) = (
            placed.first().map_or(0, |p| p.first),
            placed.last().map_or(0, |p| p.last),
        );
        // The heading row.
        let th = formats::th();
        let mut lines = 1.0f64;
        for p in placed {
            let label = match p.column {
                None => s(t.numbered.as_deref().unwrap_or("")),
                Some(c) => s(&t.columns[c].label),
            };
            self.put(self.row, p.first, p.last, &label, &th)?;
            lines = lines.max(plan.lines(p.first, p.last, &label));
        }
        self.height(self.row, lines)?;
        if plan.repeat == Some(self.table) {
            self.ws.set_repeat_rows(self.row, self.row)?;
        }
        self.row += 1;

        let mut group: Option<Vec<String>> = None;
        let mut number = 0;
        for row in &t.rows {
            // A group's heading when the group changes.
            if !t.group_by.is_empty() {
                if row.role == Role::Total {
                    group = None;
                } else {
                    let values: Vec<String> = t
                        .group_by
                        .iter()
                        .map(|&c| match t.cell(row, c) {
                            Cell::Empty => String::new(),
                            other => crate::document::layout::cell_text(other, false, false),
                        })
                        .collect();
                    if group.as_ref() != Some(&values) {
                        let mut heading = String::new();
                        for (k, (&c, v)) in t.group_by.iter().zip(&values).enumerate() {
                            if v.is_empty() {
                                continue;
                            }
                            if k == 0 {
                                heading.push_str(v);
                            } else {
                                if !heading.is_empty() {
                                    heading.push_str(" · ");
                                }
                                heading.push_str(&format!("{}: {v}", s(&t.columns[c].label)));
                            }
                        }
                        if !heading.is_empty() {
                            self.put(self.row, first_col, last_col, &heading, &formats::group())?;
                            let lines = plan.lines(first_col, last_col, &heading);
                            self.height(self.row, lines)?;
                            self.row += 1;
                        }
                        group = Some(values);
                    }
                }
            }
            let bold = row.role != Role::Data;
            // In a total row, the label runs over the empty cells after it.
            let mut skip_to: Option<usize> = None;
            let mut lines = 1.0f64;
            for (i, p) in placed.iter().enumerate() {
                if skip_to.is_some_and(|end| i <= end) {
                    continue;
                }
                let r = self.row;
                let Some(c) = p.column else {
                    let f = formats::td(Kind::Count, Align::Center, bold, row.struck);
                    if row.role == Role::Data {
                        number += 1;
                        self.cell(r, p.first, p.last, &Cell::Number(number), &f)?;
                    } else {
                        self.cell(r, p.first, p.last, &Cell::Empty, &f)?;
                    }
                    continue;
                };
                let column = &t.columns[c];
                let value = t.cell(row, c);
                let mut last = p.last;
                let mut kind = column.kind;
                let mut align = column.align;
                if bold && matches!(value, Cell::Text(_)) {
                    let mut end = i;
                    while end + 1 < placed.len()
                        && placed[end + 1]
                            .column
                            .is_some_and(|n| t.cell(row, n).is_empty())
                    {
                        end += 1;
                    }
                    last = placed[end].last;
                    skip_to = Some(end);
                    kind = Kind::Text;
                    align = Align::Left;
                } else if matches!(value, Cell::Text(_) | Cell::Short { .. }) && kind != Kind::Code
                {
                    kind = Kind::Text;
                }
                let f = formats::td(kind, align, bold, row.struck);
                self.cell(r, p.first, last, value, &f)?;
                if let Cell::Text(text) | Cell::Short { text, .. } = value {
                    lines = lines.max(plan.lines(p.first, last, text));
                }
            }
            if t.has_write_in() && row.role == Role::Data {
                lines = lines.max(WRITE_IN_LINES);
            }
            self.height(self.row, lines)?;
            self.row += 1;
        }
        Ok(())
    }

    fn amount(&mut self, a: &Amount) -> Result<(), XlsxError> {
        self.row += 1;
        self.labelled(&s(&a.label), &Cell::Money(a.amount), Tone::Strong)?;
        self.line(
            &format!("{} {}", s(&a.words_label), s(&a.words)),
            &formats::line(Tone::Muted),
        )
    }

    fn seal(&mut self, seal: &Seal) -> Result<(), XlsxError> {
        if !seal.label.is_empty() {
            self.line(&s(&seal.label), &formats::line(Tone::Plain))?;
        }
        let code = if seal.grouped() {
            code_groups(&s(&seal.code), 16).join(" ")
        } else {
            s(&seal.code)
        };
        let text = format!("{} {code}", s(&seal.code_label));
        let f = if seal.grouped() {
            formats::mono()
        } else {
            formats::line(Tone::Strong)
        };
        self.line(&text, &f)
    }

    fn signatures(&mut self, sig: &Signatures) -> Result<(), XlsxError> {
        if sig.signers.is_empty() {
            return Ok(());
        }
        let last = self.plan.last() as usize;
        let n = sig.signers.len();
        let cols = last + 1;
        // Each signer over an equal share of the columns.
        let range = |k: usize| -> (u16, u16) {
            let first = k * cols / n;
            let end = ((k + 1) * cols / n).max(first + 1) - 1;
            (first as u16, end as u16)
        };
        self.row += 1;
        if let Some(d) = &sig.date_line {
            let (first, end) = range(n - 1);
            let f = formats::head_line(false, false, true);
            self.put(self.row, first, end, &s(d), &f)?;
            let lines = self.plan.lines(first, end, d);
            self.height(self.row, lines)?;
            self.row += 1;
        }
        let role = formats::head_line(true, false, false);
        let hint = formats::head_line(false, false, true);
        let plain = formats::head_line(false, false, false);
        for (k, g) in sig.signers.iter().enumerate() {
            let (first, end) = range(k);
            self.put(self.row, first, end, &s(&g.role), &role)?;
            self.put(self.row + 1, first, end, &s(&g.hint), &hint)?;
            if let Some(name) = &g.name {
                self.put(self.row + 2 + SIGN_ROWS, first, end, &s(name), &plain)?;
            }
        }
        self.row += 3 + SIGN_ROWS;
        Ok(())
    }
}

/// "YYYY-MM-DD" as an Excel date.
fn date(d: &str) -> Option<ExcelDateTime> {
    let day = NaiveDate::parse_from_str(d.get(0..10)?, "%Y-%m-%d").ok()?;
    ExcelDateTime::from_ymd(
        u16::try_from(day.year()).ok()?,
        day.month() as u8,
        day.day() as u8,
    )
    .ok()
}

/// A stored RFC 3339 time as an Excel date and time, at the wall-clock
/// time it was recorded.
fn time(t: &str) -> Option<ExcelDateTime> {
    let at = DateTime::parse_from_rfc3339(t).ok()?.naive_local();
    ExcelDateTime::from_ymd(
        u16::try_from(at.year()).ok()?,
        at.month() as u8,
        at.day() as u8,
    )
    .ok()?
    .and_hms(at.hour() as u16, at.minute() as u8, at.second() as f64)
    .ok()
}
