//! Fewer bytes per frame on a slow link: a backend wrapper that sends the
//! few unchanged cells between two changes instead of moving the cursor.
//!
//! ratatui sends only the cells that changed, but every run of unchanged
//! cells between two changes costs a cursor move ("ESC [ 12 ; 40 H", 7 or 8
//! bytes). In a list of names the changed cells are words and the unchanged
//! ones the single spaces between them, so a new list costs a cursor move
//! per word. [`Thrifty`] keeps a copy of what the terminal shows and, when
//! the cells of such a gap are narrow and in the style already set, sends
//! them again when that is shorter than the move.
//!
//! The copy is what this backend sent since the screen was last cleared; it
//! is trusted only from a full clear on (the start clears the screen, and so
//! do ratatui's resize and chitra's Ctrl-L), and a gap is never filled
//! while it is not.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthStr;

/// A backend that fills short gaps between changed cells (see the module
/// documentation).
pub struct Thrifty<B: Backend> {
    inner: B,
    /// What the terminal shows, as far as this backend knows.
    shown: Buffer,
    /// Whether `shown` can be trusted (a full clear happened since start).
    trusted: bool,
}

impl<B: Backend> Thrifty<B> {
    /// Wraps `inner`, whose screen was just cleared.
    pub fn new(inner: B) -> Thrifty<B> {
        let size = inner.size().unwrap_or_default();
        Thrifty {
            inner,
            shown: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
            trusted: true,
        }
    }

    /// Wraps `inner`, whose screen of `size` was just cleared (for a
    /// backend that cannot tell its size, like one writing to a test).
    pub fn with_size(inner: B, size: Size) -> Thrifty<B> {
        Thrifty {
            inner,
            shown: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
            trusted: true,
        }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }

    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }

    /// The screen was cleared (`trusted`) or changed in a way not known.
    fn forget(&mut self, trusted: bool) {
        let area = match self.inner.size() {
            Ok(size) => Rect::new(0, 0, size.width, size.height),
            Err(_) => self.shown.area,
        };
        self.shown = Buffer::empty(area);
        self.trusted = trusted;
    }

    /// The cells between `from` and `to` (exclusive) on row `y` as the
    /// terminal shows them, if sending them is shorter than moving the
    /// cursor to `to` and needs no change of style after `pen`.
    fn gap(&self, y: u16, from: u16, to: u16, pen: &Cell) -> Option<Vec<(u16, Cell)>> {
        if !self.trusted || to <= from {
            return None;
        }
        let area = self.shown.area;
        if y >= area.bottom() || to > area.right() {
            return None;
        }
        let budget = move_cost(to, y);
        let mut bytes = 0;
        let mut cells = Vec::new();
        for x in from..to {
            let cell = &self.shown[(x, y)];
            let symbol = cell.symbol();
            if symbol.width() != 1 || !same_pen(cell, pen) {
                return None;
            }
            bytes += symbol.len();
            if bytes > budget {
                return None;
            }
            cells.push((x, cell.clone()));
        }
        Some(cells)
    }
}

/// Bytes of "ESC [ row ; col H" for the cell (`x`, `y`).
fn move_cost(x: u16, y: u16) -> usize {
    let digits = |n: u32| n.to_string().len();
    4 + digits(u32::from(y) + 1) + digits(u32::from(x) + 1)
}

/// Whether printing `cell` after `pen` needs no change of style (and the
/// cell is plain text, with no special rule for diffing).
fn same_pen(cell: &Cell, pen: &Cell) -> bool {
    cell.fg == pen.fg
        && cell.bg == pen.bg
        && cell.modifier == pen.modifier
        && cell.diff_option == CellDiffOption::None
}

impl<B: Backend> Backend for Thrifty<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut out: Vec<(u16, u16, Cell)> = Vec::new();
        for (x, y, cell) in content {
            if let Some((px, py, pen)) = out.last()
                && *py == y
                && let Some(gap) = self.gap(y, px + 1, x, pen)
            {
                out.extend(gap.into_iter().map(|(gx, c)| (gx, y, c)));
            }
            out.push((x, y, cell.clone()));
        }
        let area = self.shown.area;
        for (x, y, cell) in &out {
            if area.contains(Position::new(*x, *y)) {
                self.shown[(*x, *y)] = cell.clone();
            } else {
                // Drawn outside what is known: stop trusting the copy.
                self.trusted = false;
            }
        }
        self.inner.draw(out.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.trusted = false;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        self.forget(true);
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        self.forget(clear_type == ClearType::All);
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::{CrosstermBackend, TestBackend};
    use ratatui::style::Style;
    use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

    const AREA: Rect = Rect::new(0, 0, 40, 4);

    fn wrap<B: Backend>(inner: B) -> Thrifty<B> {
        Thrifty {
            inner,
            shown: Buffer::empty(AREA),
            trusted: true,
        }
    }

    fn terminal<B: Backend>(backend: B) -> Terminal<B> {
        let options = TerminalOptions {
            viewport: Viewport::Fixed(AREA),
        };
        Terminal::with_options(backend, options).unwrap()
    }

    /// Rows of text, the first in reverse video (a chosen row).
    fn rows(frame: &mut Frame, rows: &[&str]) {
        for (y, row) in rows.iter().enumerate() {
            let style = if y == 0 {
                Style::new().reversed()
            } else {
                Style::new()
            };
            let y = u16::try_from(y).unwrap();
            frame.buffer_mut().set_string(0, y, row, style);
        }
    }

    const LIST: [&str; 3] = [
        "Nguyễn Văn An 1948",
        "Nguyễn Thị Dung 1945",
        "Lê Văn Cúc 1960",
    ];
    const NARROWED: [&str; 2] = ["Nguyễn Thị Dung 1945", "Lê Thị Hoa 1950"];

    /// What was written to the terminal, kept for the test to read.
    #[derive(Clone, Default)]
    struct Tap(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for Tap {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Bytes sent for the list, then for the narrowed list.
    fn sent(thrifty: bool) -> (usize, usize) {
        let tap = Tap::default();
        let len = || tap.0.borrow().len();
        let first;
        if thrifty {
            let mut t = terminal(wrap(CrosstermBackend::new(tap.clone())));
            t.draw(|f| rows(f, &LIST)).unwrap();
            first = len();
            t.draw(|f| rows(f, &NARROWED)).unwrap();
        } else {
            let mut t = terminal(CrosstermBackend::new(tap.clone()));
            t.draw(|f| rows(f, &LIST)).unwrap();
            first = len();
            t.draw(|f| rows(f, &NARROWED)).unwrap();
        }
        (first, len() - first)
    }

    #[test]
    fn a_list_of_words_costs_no_cursor_move_per_word() {
        let (plain_first, plain_second) = sent(false);
        let (first, second) = sent(true);
        // Six gaps between words in the rows not chosen (the chosen row's
        // spaces are reverse video, so written anyway), each a move of 6
        // bytes or a space of 1.
        assert!(first + 6 * 5 <= plain_first, "{first} vs {plain_first}");
        assert!(second <= plain_second, "{second} vs {plain_second}");
    }

    #[test]
    fn the_screen_shows_the_same_with_the_gaps_filled() {
        let mut t = terminal(wrap(TestBackend::new(40, 4)));
        t.draw(|f| rows(f, &LIST)).unwrap();
        t.draw(|f| rows(f, &NARROWED)).unwrap();
        let mut plain = terminal(TestBackend::new(40, 4));
        plain.draw(|f| rows(f, &LIST)).unwrap();
        plain.draw(|f| rows(f, &NARROWED)).unwrap();
        assert_eq!(t.backend().inner().buffer(), plain.backend().buffer());
        let row: String = (0..20)
            .map(|x| t.backend().inner().buffer()[(x, 1)].symbol().to_string())
            .collect();
        assert_eq!(row, "Lê Thị Hoa 1950     ");
    }

    #[test]
    fn a_gap_in_another_style_too_long_or_not_known_is_moved_over() {
        let b = Thrifty {
            shown: Buffer::empty(Rect::new(0, 0, 80, 2)),
            trusted: true,
            inner: TestBackend::new(80, 2),
        };
        let pen = Cell::EMPTY;
        assert_eq!(b.gap(0, 5, 7, &pen).map(|g| g.len()), Some(2));
        assert_eq!(b.gap(0, 5, 40, &pen), None, "longer than a move");
        let mut bold = Cell::EMPTY;
        bold.modifier = ratatui::style::Modifier::BOLD;
        assert_eq!(b.gap(0, 5, 7, &bold), None, "would need a style change");
        let untrusted = Thrifty {
            trusted: false,
            ..b
        };
        assert_eq!(untrusted.gap(0, 5, 7, &pen), None);
    }

    #[test]
    fn moves_cost_what_crossterm_writes() {
        assert_eq!(move_cost(0, 0), "\x1b[1;1H".len());
        assert_eq!(move_cost(79, 23), "\x1b[24;80H".len());
    }
}
