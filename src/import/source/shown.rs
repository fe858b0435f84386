//! What Excel shows of a sheet besides its cells: the columns it hides
//! (hidden, or narrower than a character, one by one or by the sheet's
//! default width), the rows an xls hides (its ROW
//! records may come after the row's cells), and the merged ranges, whose
//! covered cells (all but the top-left) Excel does not show, whatever they
//! hold.
//!
//! A workbook reader fills a [`Shown`] by looking through the chosen sheet
//! once before its rows are read ([`super::xlsx`] and [`super::xls`]: the
//! merged ranges of both formats come after the cells), and the rows then
//! pass through [`Shown::apply`]: covered cells emptied, hidden rows marked.
//! The hidden columns are judged later, once the header says which columns
//! are read ([`crate::import::table`]).

use super::SheetRow;
use super::limits::{Exceeded, Limit, MAX_COLUMNS, MAX_MERGED_RANGES, MAX_ROWS};
use std::collections::HashSet;

/// A column narrower than this many characters shows nothing readable.
pub(super) const MIN_COLUMN_CHARS: f64 = 1.0;
/// A row lower than this many points (a pixel or two) shows nothing readable.
pub(super) const MIN_ROW_POINTS: f64 = 3.0;

/// A merged range, 1-based rows and 0-based columns, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Merge {
    pub(super) first_row: usize,
    pub(super) last_row: usize,
    pub(super) first_col: usize,
    pub(super) last_col: usize,
}

/// What a sheet hides, found before its rows are read.
#[derive(Debug, Default)]
pub(super) struct Shown {
    /// 0-based columns Excel hides, among the first [`MAX_COLUMNS`].
    hidden_columns: Vec<bool>,
    /// 0-based columns whose width the sheet gives one by one (`<col>`,
    /// COLINFO); the others take the sheet's default width.
    sized_columns: Vec<bool>,
    /// The sheet's default column width shows nothing readable.
    narrow_by_default: bool,
    /// Rows hidden by records the row reader may meet too late (xls).
    hidden_rows: HashSet<usize>,
    /// Merged ranges, sorted by first row once [`Shown::ready`].
    merges: Vec<Merge>,
    /// The next merge of `merges` not yet reached by the rows.
    next: usize,
    /// The merges covering the row last applied.
    active: Vec<Merge>,
}

impl Shown {
    /// Columns `first..=last` (0-based) hidden.
    pub(super) fn hide_columns(&mut self, first: usize, last: usize) {
        mark(&mut self.hidden_columns, first, last);
    }

    /// Columns `first..=last` (0-based) given a width of their own,
    /// hidden or not: the sheet's default width is not theirs.
    pub(super) fn size_columns(&mut self, first: usize, last: usize) {
        mark(&mut self.sized_columns, first, last);
    }

    /// The sheet's default column width is under [`MIN_COLUMN_CHARS`]:
    /// every column not given a width of its own is hidden.
    pub(super) fn narrow_by_default(&mut self) {
        self.narrow_by_default = true;
    }

    /// Row `row` (1-based) hidden.
    pub(super) fn hide_row(&mut self, row: usize) {
        if row <= MAX_ROWS {
            self.hidden_rows.insert(row);
        }
    }

    /// A merged range; one of a single cell, or wholly past the columns a
    /// list may use, changes nothing and is not kept.
    pub(super) fn merge(&mut self, m: Merge) -> Result<(), Exceeded> {
        if m.first_row > m.last_row || m.first_col > m.last_col || m.first_col >= MAX_COLUMNS {
            return Ok(());
        }
        if m.first_row == m.last_row && m.first_col == m.last_col {
            return Ok(());
        }
        if self.merges.len() >= MAX_MERGED_RANGES {
            return Err(Exceeded::new(Limit::MergedRanges));
        }
        self.merges.push(Merge {
            last_col: m.last_col.min(MAX_COLUMNS - 1),
            ..m
        });
        Ok(())
    }

    /// Done adding: the merges put in the order the rows come.
    pub(super) fn ready(mut self) -> Shown {
        self.merges.sort_unstable_by_key(|m| m.first_row);
        if self.narrow_by_default {
            for c in 0..MAX_COLUMNS {
                if !self.sized_columns.get(c).copied().unwrap_or(false) {
                    self.hide_columns(c, c);
                }
            }
        }
        self
    }

    /// The 0-based columns Excel hides.
    pub(super) fn hidden_columns(&self) -> Vec<usize> {
        (0..self.hidden_columns.len())
            .filter(|&c| self.hidden_columns[c])
            .collect()
    }

    /// `row` as Excel shows it: hidden if a record hid it, the cells a
    /// merged range covers emptied. Rows must come in order.
    pub(super) fn apply(&mut self, row: &mut SheetRow) {
        if !self.hidden_rows.is_empty() && self.hidden_rows.contains(&row.number) {
            row.hidden = true;
        }
        if self.merges.is_empty() {
            return;
        }
        let n = row.number;
        while let Some(m) = self.merges.get(self.next).filter(|m| m.first_row <= n) {
            if m.last_row >= n {
                self.active.push(*m);
            }
            self.next += 1;
        }
        self.active.retain(|m| m.last_row >= n);
        for m in &self.active {
            let last = m.last_col.min(row.cells.len().saturating_sub(1));
            for c in m.first_col..=last {
                if (n, c) != (m.first_row, m.first_col) && c < row.cells.len() {
                    row.cells[c] = super::Cell::default();
                }
            }
        }
    }
}

/// Marks columns `first..=last` (0-based) of `columns`, made the size of
/// the columns a list may use on the first mark; columns past them are
/// not kept.
fn mark(columns: &mut Vec<bool>, first: usize, last: usize) {
    if first >= MAX_COLUMNS || first > last {
        return;
    }
    if columns.is_empty() {
        *columns = vec![false; MAX_COLUMNS];
    }
    columns[first..=last.min(MAX_COLUMNS - 1)].fill(true);
}

/// A cell reference ("B12", "$B$12") as (1-based row, 0-based column).
pub(super) fn cell_ref(s: &str) -> Option<(usize, usize)> {
    let s = s.trim().replace('$', "");
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = super::cells::column_of(&s.as_bytes()[..letters])?;
    let row: usize = s[letters..].parse().ok()?;
    (row >= 1).then_some((row, col))
}

/// A range reference ("A11:M11") as a merge.
pub(super) fn range_ref(s: &str) -> Option<Merge> {
    let (a, b) = s.split_once(':')?;
    let (r1, c1) = cell_ref(a)?;
    let (r2, c2) = cell_ref(b)?;
    Some(Merge {
        first_row: r1.min(r2),
        last_row: r1.max(r2),
        first_col: c1.min(c2),
        last_col: c1.max(c2),
    })
}

#[cfg(test)]
mod tests {
    use super::super::Cell;
    use super::*;

    fn row(number: usize, texts: &[&str]) -> SheetRow {
        SheetRow {
            number,
            cells: texts.iter().map(|t| Cell::text(*t)).collect(),
            hidden: false,
        }
    }

    fn texts(r: &SheetRow) -> Vec<&str> {
        r.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn references_are_read() {
        assert_eq!(cell_ref("B12"), Some((12, 1)));
        assert_eq!(cell_ref("$AA$3"), Some((3, 26)));
        assert_eq!(cell_ref("12"), None);
        assert_eq!(cell_ref("A0"), None);
        assert_eq!(
            range_ref("K5:J4"),
            Some(Merge {
                first_row: 4,
                last_row: 5,
                first_col: 9,
                last_col: 10
            })
        );
        assert_eq!(range_ref("A1"), None);
    }

    #[test]
    fn covered_cells_are_emptied_and_the_top_left_kept() {
        let mut s = Shown::default();
        s.merge(range_ref("B2:C3").unwrap()).unwrap();
        s.merge(range_ref("A5:D5").unwrap()).unwrap();
        s.merge(range_ref("E1:E1").unwrap()).unwrap();
        let mut s = s.ready();
        let mut rows = [
            row(1, &["a", "b", "c", "d", "e"]),
            row(2, &["a", "top", "x", "d"]),
            row(3, &["a", "y", "z", "d"]),
            row(5, &["label", "ghost", "", "9"]),
            row(6, &["a", "b", "c"]),
        ];
        for r in &mut rows {
            s.apply(r);
        }
        assert_eq!(texts(&rows[0]), ["a", "b", "c", "d", "e"]);
        assert_eq!(texts(&rows[1]), ["a", "top", "", "d"]);
        assert_eq!(texts(&rows[2]), ["a", "", "", "d"]);
        assert_eq!(texts(&rows[3]), ["label", "", "", ""]);
        assert_eq!(texts(&rows[4]), ["a", "b", "c"]);
    }

    #[test]
    fn merges_are_limited() {
        let mut s = Shown::default();
        for i in 0..MAX_MERGED_RANGES {
            s.merge(Merge {
                first_row: i + 1,
                last_row: i + 1,
                first_col: 0,
                last_col: 1,
            })
            .unwrap();
        }
        let e = s.merge(range_ref("A1:B1").unwrap()).unwrap_err();
        assert_eq!(e.limit, Limit::MergedRanges);
    }

    #[test]
    fn hidden_columns_and_rows() {
        let mut s = Shown::default();
        s.hide_columns(2, 3);
        s.hide_columns(MAX_COLUMNS, MAX_COLUMNS + 4);
        s.hide_row(4);
        let mut s = s.ready();
        assert_eq!(s.hidden_columns(), [2, 3]);
        let mut r = row(4, &["a"]);
        s.apply(&mut r);
        assert!(r.hidden);
    }

    #[test]
    fn a_narrow_default_width_hides_every_column_not_sized() {
        let mut s = Shown::default();
        s.size_columns(0, 1);
        s.size_columns(3, 3);
        s.hide_columns(3, 3);
        s.narrow_by_default();
        let hidden = s.ready().hidden_columns();
        assert_eq!(hidden[..2], [2, 3]);
        assert_eq!(hidden.len(), MAX_COLUMNS - 2);
        let mut s = Shown::default();
        s.size_columns(0, 1);
        assert!(s.ready().hidden_columns().is_empty());
    }
}
