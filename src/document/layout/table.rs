//! A table laid out in the page's columns.
//!
//! Each column gets the width its values need (the heading may wrap onto
//! more lines); when the page is too narrow, name and reason columns give
//! up room and their values wrap inside the column. The column that takes
//! spare room (the table's flex column) takes it, so the amounts end at the
//! page's edge. A label in a total row runs over the empty cells after it.
//! A table that still does not fit is written one block per row: the row's
//! first value, then each other value under its column's heading.
//! Short forms of values (method names) are used, and explained below the
//! table.

use super::{Ink, Writer, cell_text, clean, is_numeric};
use crate::document::{Align, Cell, Kind, Role, Row, Table};
use crate::text::layout::{center, pad, right, width, wrap};

/// Where a table starts.
const INDENT: usize = 2;

/// The narrowest a name or reason column is made before the table is
/// written one block per row.
const MIN_TEXT: usize = 8;

/// A column as laid out.
struct Col {
    label: String,
    align: Align,
    /// Names and reasons wrap; numbers, dates and codes do not.
    wraps: bool,
    numeric: bool,
    flex: bool,
    /// The least width, for a column to write in.
    room: usize,
    /// The value of each row of the table.
    cells: Vec<String>,
}

/// The widest word of `s`.
fn longest_word(s: &str) -> usize {
    s.split_whitespace().map(width).max().unwrap_or(0)
}

pub(super) fn table(w: &mut Writer, t: &Table) {
    w.blank();
    if let Some(title) = &t.title {
        w.say(INDENT, &clean(title), Ink::Strong);
    }
    if t.rows.is_empty() {
        w.say(INDENT, &clean(&t.empty), Ink::Muted);
        return;
    }
    let first = usize::from(t.numbered.is_some());
    // Values in full where they fit, else in their short forms; indented,
    // else from the page's left edge: a table is written one block per
    // row only when none of these fits.
    for indent in [INDENT, 0] {
        for short in [false, true] {
            let (cols, legend) = columns(t, short);
            if short && legend.is_empty() {
                continue;
            }
            let spans: Vec<Option<(usize, usize)>> = t
                .rows
                .iter()
                .enumerate()
                .map(|(r, row)| label_span(&cols, first, r, row))
                .collect();
            let room = w.page.width.saturating_sub(indent);
            if let Some((widths, sep)) = widths(room, &cols, &spans) {
                grid(w, t, &cols, &spans, &widths, (sep, indent));
                if short {
                    legend_line(w, &legend);
                }
                return;
            }
        }
    }
    let (cols, legend) = columns(t, true);
    blocks(w, t, &cols, first);
    legend_line(w, &legend);
}

/// The table's columns as text, `short` for the short forms of values,
/// and the short forms used with what they stand for.
fn columns(t: &Table, short: bool) -> (Vec<Col>, Vec<(String, String)>) {
    let shown = t.shown_columns();
    let flex = t.flex_column(&shown);
    let mut legend: Vec<(String, String)> = Vec::new();
    let mut cols: Vec<Col> = Vec::new();
    if let Some(label) = &t.numbered {
        let mut n = 0;
        let mut cells = Vec::new();
        for r in &t.rows {
            if r.role == Role::Data {
                n += 1;
                cells.push(n.to_string());
            } else {
                cells.push(String::new());
            }
        }
        cols.push(Col {
            label: clean(label),
            align: Align::Right,
            wraps: false,
            numeric: true,
            flex: false,
            room: 0,
            cells,
        });
    }
    for &i in &shown {
        let c = &t.columns[i];
        let mut cells = Vec::new();
        let mut has_short = false;
        for r in &t.rows {
            let cell = t.cell(r, i);
            if let Cell::Short { text, short } = cell {
                has_short = true;
                let pair = (clean(short), clean(text));
                if pair.0 != pair.1 && !legend.contains(&pair) {
                    legend.push(pair);
                }
            }
            cells.push(cell_text(cell, true, short));
        }
        cols.push(Col {
            label: clean(&c.label),
            align: c.align,
            // A value with a short form is a name of a thing: kept whole.
            wraps: c.kind == Kind::Text && !has_short,
            numeric: is_numeric(c.kind),
            flex: Some(i) == flex,
            room: c.room,
            cells,
        });
    }
    (cols, legend)
}

/// What the short forms stand for, under the table.
fn legend_line(w: &mut Writer, legend: &[(String, String)]) {
    if !legend.is_empty() {
        let text = legend
            .iter()
            .map(|(short, full)| format!("{short} = {full}"))
            .collect::<Vec<_>>()
            .join("; ");
        w.say(INDENT, &text, Ink::Muted);
    }
}

/// In a total row, the label (its first value) runs over the empty cells
/// after it: the columns it covers.
fn label_span(cols: &[Col], first: usize, r: usize, row: &Row) -> Option<(usize, usize)> {
    if row.role == Role::Data {
        return None;
    }
    let start = (first..cols.len()).find(|&c| !cols[c].cells[r].is_empty())?;
    let mut end = start;
    while end + 1 < cols.len() && cols[end + 1].cells[r].is_empty() {
        end += 1;
    }
    Some((start, end))
}

/// The widths of the columns and the space between them, or `None` when
/// the table cannot fit `room` columns.
fn widths(
    room: usize,
    cols: &[Col],
    spans: &[Option<(usize, usize)>],
) -> Option<(Vec<usize>, usize)> {
    let n = cols.len();
    // What the values of each column need (a spanning label is left out).
    let values: Vec<usize> = (0..n)
        .map(|c| {
            cols[c]
                .cells
                .iter()
                .enumerate()
                .filter(|(r, _)| !matches!(spans[*r], Some((s, e)) if s == c && e > s))
                .map(|(_, v)| width(v))
                .max()
                .unwrap_or(0)
                .max(cols[c].room)
        })
        .collect();
    let mut want: Vec<usize> = (0..n)
        .map(|c| values[c].max(width(&cols[c].label)).max(1))
        .collect();
    // The narrowest each may get: first with its heading wrapped, then
    // with its names wrapped too.
    let heading_floor: Vec<usize> = (0..n)
        .map(|c| values[c].max(longest_word(&cols[c].label)).max(1))
        .collect();
    let floor: Vec<usize> = (0..n)
        .map(|c| {
            if cols[c].wraps {
                // Wrapped between words, a word never broken: a list of
                // receipt numbers wraps, each number whole.
                let word = cols[c]
                    .cells
                    .iter()
                    .map(|v| longest_word(v))
                    .max()
                    .unwrap_or(0);
                values[c]
                    .min(MIN_TEXT)
                    .max(word)
                    .max(longest_word(&cols[c].label))
                    .max(1)
            } else {
                heading_floor[c]
            }
        })
        .collect();
    let total = |ws: &[usize], sep: usize| ws.iter().sum::<usize>() + sep * n.saturating_sub(1);
    let sep = if total(&want, 2) <= room { 2 } else { 1 };
    for floors in [&heading_floor, &floor] {
        while total(&want, sep) > room {
            let widest = (0..n)
                .filter(|&c| want[c] > floors[c])
                .max_by_key(|&c| (want[c] - floors[c], c));
            match widest {
                Some(c) => want[c] -= 1,
                None => break,
            }
        }
    }
    if total(&want, sep) > room {
        return None;
    }
    let spare = room - total(&want, sep);
    if let Some(c) = cols.iter().position(|c| c.flex) {
        want[c] += spare;
    }
    Some((want, sep))
}

/// `text` aligned in `cols` columns.
fn align(text: &str, cols: usize, how: Align) -> String {
    match how {
        Align::Left => pad(text, cols),
        Align::Right => right(text, cols),
        Align::Center => pad(&center(text, cols), cols),
    }
}

/// Lines of cells side by side: each cell (width, alignment, text) wrapped
/// in its width.
fn side_by_side(
    w: &mut Writer,
    cells: &[(usize, Align, String)],
    (sep, indent): (usize, usize),
    ink: Ink,
) {
    let wrapped: Vec<Vec<String>> = cells.iter().map(|(cw, _, text)| wrap(text, *cw)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let gap = " ".repeat(sep);
    for i in 0..height {
        let line = cells
            .iter()
            .zip(&wrapped)
            .map(|((cw, how, _), lines)| align(lines.get(i).map_or("", String::as_str), *cw, *how))
            .collect::<Vec<_>>()
            .join(&gap);
        w.push(format!("{}{line}", " ".repeat(indent)), ink);
    }
}

fn row_ink(row: &Row) -> Ink {
    if row.struck {
        Ink::Struck
    } else if row.role == Role::Data {
        Ink::Plain
    } else {
        Ink::Strong
    }
}

/// The heading of each group of rows, when it changes.
struct Groups<'t> {
    table: &'t Table,
    current: Option<Vec<String>>,
}

impl Groups<'_> {
    /// Writes the heading of `row`'s group if a new group starts there.
    fn before(&mut self, w: &mut Writer, row: &Row) {
        let t = self.table;
        if t.group_by.is_empty() {
            return;
        }
        if row.role == Role::Total {
            self.current = None;
            return;
        }
        let values: Vec<String> = t
            .group_by
            .iter()
            .map(|&c| cell_text(t.cell(row, c), true, false))
            .collect();
        if self.current.as_ref() == Some(&values) {
            return;
        }
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
                heading.push_str(&format!("{}: {v}", clean(&t.columns[c].label)));
            }
        }
        if !heading.is_empty() {
            w.say(INDENT, &heading, Ink::Strong);
        }
        self.current = Some(values);
    }
}

/// The table as a grid of columns.
fn grid(
    w: &mut Writer,
    t: &Table,
    cols: &[Col],
    spans: &[Option<(usize, usize)>],
    widths: &[usize],
    (sep, indent): (usize, usize),
) {
    let table_width = widths.iter().sum::<usize>() + sep * widths.len().saturating_sub(1);
    let heading: Vec<(usize, Align, String)> = cols
        .iter()
        .zip(widths)
        .map(|(c, &cw)| {
            let how = if c.numeric { Align::Right } else { c.align };
            (cw, how, c.label.clone())
        })
        .collect();
    side_by_side(w, &heading, (sep, indent), Ink::Heading);
    if w.page.paper {
        w.push(
            format!("{}{}", " ".repeat(indent), "-".repeat(table_width)),
            Ink::Plain,
        );
    }
    let mut groups = Groups {
        table: t,
        current: None,
    };
    for (r, row) in t.rows.iter().enumerate() {
        groups.before(w, row);
        if row.role == Role::Total && w.page.paper {
            w.push(
                format!("{}{}", " ".repeat(indent), "-".repeat(table_width)),
                Ink::Plain,
            );
        }
        let mut cells = Vec::new();
        let mut c = 0;
        while c < cols.len() {
            match spans[r] {
                Some((s, e)) if s == c => {
                    let cw = widths[s..=e].iter().sum::<usize>() + sep * (e - s);
                    cells.push((cw, Align::Left, cols[c].cells[r].clone()));
                    c = e + 1;
                }
                _ => {
                    cells.push((widths[c], cols[c].align, cols[c].cells[r].clone()));
                    c += 1;
                }
            }
        }
        side_by_side(w, &cells, (sep, indent), row_ink(row));
        // Room to write in under each row on paper.
        if w.page.paper && t.has_write_in() && row.role == Role::Data {
            w.push(String::new(), Ink::Plain);
        }
    }
}

/// The table one block per row, for a page too narrow for its columns.
fn blocks(w: &mut Writer, t: &Table, cols: &[Col], first: usize) {
    let mut groups = Groups {
        table: t,
        current: None,
    };
    let room = w.page.width.saturating_sub(INDENT + 2);
    for (r, row) in t.rows.iter().enumerate() {
        groups.before(w, row);
        let ink = row_ink(row);
        let title_col = (first..cols.len())
            .find(|&c| !cols[c].cells[r].is_empty())
            .unwrap_or(first);
        let mut title = cols
            .get(title_col)
            .map_or(String::new(), |c| c.cells[r].clone());
        if first == 1 && !cols[0].cells[r].is_empty() {
            title = format!("{}. {title}", cols[0].cells[r]);
        }
        w.say(
            INDENT,
            &title,
            if ink == Ink::Plain { Ink::Strong } else { ink },
        );
        for (c, col) in cols.iter().enumerate() {
            if c == title_col || (first == 1 && c == 0) {
                continue;
            }
            let value = &col.cells[r];
            if value.is_empty() {
                continue;
            }
            if col.wraps && width(&col.label) + 2 + width(value) > room {
                w.hang(INDENT + 2, &format!("{}: ", col.label), value, ink);
            } else {
                w.spread(INDENT + 2, &col.label, value, ink);
            }
        }
        w.blank();
    }
}
