//! A sheet whose rows are out of order (some programs write a row made
//! late after the rows below it; Excel reads them in any order): its cells
//! are gathered by row, within limits, and given out in order once every
//! cell is read.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use super::super::Cell;
use super::super::cells::RowBuilder;
use super::super::workbook::BookError;
use super::records::damaged;

/// The rows of a sheet out of order, gathered until every cell is read.
pub(super) struct Gathered {
    pub(super) rows: BTreeMap<usize, RowBuilder>,
    /// Cells put so far, and the bytes of their text.
    cells: usize,
    bytes: usize,
    /// The cells and bytes it may hold: [`MAX_GATHERED_CELLS`] and
    /// [`MAX_GATHERED_BYTES`].
    pub(super) limit: (usize, usize),
}

impl Default for Gathered {
    fn default() -> Self {
        Gathered {
            rows: BTreeMap::new(),
            cells: 0,
            bytes: 0,
            limit: (MAX_GATHERED_CELLS, MAX_GATHERED_BYTES),
        }
    }
}

impl Gathered {
    /// Puts a cell in its row, refused as damage past the limits.
    pub(super) fn put(&mut self, row: usize, col: usize, cell: Cell) -> Result<(), BookError> {
        self.cells += 1;
        self.bytes += cell.text.len();
        if self.cells > self.limit.0 || self.bytes > self.limit.1 {
            return Err(damaged(
                "rows out of order in a sheet too large to put in order",
            ));
        }
        let b = match self.rows.entry(row) {
            Entry::Occupied(o) => o.into_mut(),
            Entry::Vacant(v) => v.insert(RowBuilder::new(row).map_err(BookError::Limit)?),
        };
        b.put(col, cell).map_err(BookError::Limit)
    }
}

/// Cells a sheet whose rows are out of order may have, and bytes of text
/// in them: tens of thousands of rows of a list, a few tens of megabytes
/// held at once. A larger one is refused as damaged (Excel saving it again
/// writes its rows in order).
const MAX_GATHERED_CELLS: usize = 1_500_000;
const MAX_GATHERED_BYTES: usize = 64 << 20;
