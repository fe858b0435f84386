//! Fewer bytes per frame on a slow link: a backend that writes the
//! terminal's escape sequences itself, choosing the shortest way to bring
//! the screen from one frame to the next.
//!
//! ratatui hands over the cells that changed; crossterm's own backend then
//! moves the cursor absolutely before every run of them ("ESC [ 12 ; 40 H",
//! up to 8 bytes), sets colours again from scratch on every change and
//! resets them all at the end of each frame (about 20 bytes), and blanks a
//! shortened line with spaces. [`Thrifty`] instead
//! - knows where the cursor is, and reaches the next changed cell by the
//!   shortest of: nothing (already there), the few unchanged cells between
//!   sent again, a relative move (CR, LF, "ESC [ n C"…), or an absolute one;
//! - keeps the current style (the pen) across cells and changes only what
//!   differs, in one sequence;
//! - erases a line's blank tail with EL ("ESC [ K", 3 bytes) and a long run
//!   of blanks inside a line with ECH ("ESC [ n X") instead of spaces;
//! - sends "show the cursor" or "hide it" only when that changes.
//!
//! It keeps a copy of what the terminal shows since the screen was last
//! cleared; the copy is trusted only from a full clear on (the start clears
//! the screen, and so do ratatui's resize and chitra's Ctrl-L). While it is
//! not trusted, every changed cell is sent after an absolute move, as
//! ratatui's own backend would.
//!
//! Only what every terminal chitra meets (PuTTY, xterm, the Linux console,
//! tmux) understands is sent: CUP, CUU/CUD/CUF/CUB, CR, LF (only downwards
//! from a row above the last, so it never scrolls), EL, ECH, ED and SGR with
//! the 16 standard colours. A cell written in the last column leaves the
//! cursor in the terminal's "about to wrap" state, so the next move after
//! it starts with CR or is absolute.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthStr;

/// A backend that sends each frame in few bytes (see the module
/// documentation). `B` gives the window's size and takes the bytes.
pub struct Thrifty<B: Backend<Error = io::Error> + Write> {
    inner: B,
    /// What the terminal shows, as far as this backend knows.
    shown: Buffer,
    /// Whether `shown` can be trusted (a full clear happened since start).
    trusted: bool,
    /// Where the terminal's cursor is.
    cursor: Cursor,
    /// The style the terminal prints with, when known.
    pen: Option<Pen>,
    /// Whether the cursor is shown, when known.
    visible: Option<bool>,
}

/// Where the terminal's cursor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cursor {
    At(u16, u16),
    /// Just after the last column of row `y`: the next character printed
    /// would wrap, and terminals disagree on relative moves from here.
    Wrapped(u16),
    Unknown,
}

mod escape;
#[cfg(test)]
mod tests;

use escape::{Pen, csi_n, cup, sgr};

/// Whether a cell is a plain blank, as an erase leaves it.
fn is_blank(cell: &Cell) -> bool {
    cell.symbol() == " " && Pen::of(cell) == Pen::PLAIN && cell.diff_option == CellDiffOption::None
}

/// Columns the terminal's cursor moves by when `cell` is printed.
fn advance(cell: &Cell) -> u16 {
    match cell.diff_option {
        CellDiffOption::ForcedWidth(w) => w.get(),
        _ => u16::try_from(cell.symbol().width()).unwrap_or(u16::MAX),
    }
}

/// What the writer tracks while it plans: cursor and pen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State {
    cursor: Cursor,
    pen: Option<Pen>,
}

/// The next frame as the terminal should show it, and how to get there.
struct Plan<'a> {
    next: &'a Buffer,
    /// Whether `next` holds the whole frame (the copy is trusted), so that
    /// unchanged cells may be sent again and blanks erased.
    known: bool,
}

impl Plan<'_> {
    fn width(&self) -> u16 {
        self.next.area.width
    }

    /// The cells `from..to` of row `y`, sent again to move the cursor over
    /// them, if they are known, one column wide each and in `pen`.
    fn resend(&self, y: u16, from: u16, to: u16, pen: Option<Pen>) -> Option<String> {
        let pen = pen?;
        if !self.known {
            return None;
        }
        let mut out = String::new();
        for x in from..to {
            let cell = self.next.cell(Position::new(x, y))?;
            if Pen::of(cell) != pen
                || cell.diff_option != CellDiffOption::None
                || cell.symbol().width() != 1
                || cell.symbol().chars().any(char::is_control)
            {
                return None;
            }
            out.push_str(cell.symbol());
        }
        Some(out)
    }

    /// The shortest way along row `y` from column `from` to `to`.
    fn along(&self, y: u16, from: u16, to: u16, pen: Option<Pen>) -> String {
        use std::cmp::Ordering;
        let forward = |from: u16| {
            let moved = csi_n(to - from, 'C');
            match self.resend(y, from, to, pen) {
                Some(cells) if cells.len() <= moved.len() => cells,
                _ => moved,
            }
        };
        match to.cmp(&from) {
            Ordering::Equal => String::new(),
            Ordering::Greater => forward(from),
            Ordering::Less => {
                let back = csi_n(from - to, 'D');
                let home = if to == 0 {
                    "\r".to_string()
                } else {
                    format!("\r{}", forward(0))
                };
                shortest(back, home)
            }
        }
    }

    /// The shortest way from `from` to column `x`, row `y`.
    fn moves(&self, from: Cursor, x: u16, y: u16, pen: Option<Pen>) -> String {
        let (cx, cy, wrapped) = match from {
            Cursor::Unknown => return cup(x, y),
            Cursor::At(cx, cy) => (cx, cy, false),
            Cursor::Wrapped(cy) => (0, cy, true),
        };
        let mut best = cup(x, y);
        let mut consider = |s: String| {
            if s.len() < best.len() {
                best = s;
            }
        };
        let cr = if wrapped { "\r" } else { "" };
        if cy == y {
            consider(format!("{cr}{}", self.along(y, cx, x, pen)));
        } else {
            let rows = y.abs_diff(cy);
            let vertical = csi_n(rows, if y > cy { 'B' } else { 'A' });
            consider(format!("{cr}{vertical}{}", self.along(y, cx, x, pen)));
            if y > cy {
                // CR then LFs: LF only ever downwards, from above the last
                // row, so it never scrolls.
                let lfs = "\n".repeat(usize::from(rows));
                consider(format!("\r{lfs}{}", self.along(y, 0, x, pen)));
                consider(format!("\r{vertical}{}", self.along(y, 0, x, pen)));
            }
        }
        best
    }
}

fn shortest(a: String, b: String) -> String {
    if b.len() < a.len() { b } else { a }
}

/// Bytes for the changes of one row, and the state after them.
struct Row {
    out: String,
    state: State,
}

impl Row {
    fn new(state: State) -> Row {
        Row {
            out: String::new(),
            state,
        }
    }

    fn move_to(&mut self, plan: &Plan, x: u16, y: u16) {
        let moved = plan.moves(self.state.cursor, x, y, self.state.pen);
        self.out.push_str(&moved);
        self.state.cursor = Cursor::At(x, y);
    }

    fn pen(&mut self, pen: Pen) {
        self.out.push_str(&sgr(self.state.pen, pen));
        self.state.pen = Some(pen);
    }

    /// A pen that erases to plain blanks, changed only if it must be.
    fn erasing_pen(&mut self) {
        if !self.state.pen.is_some_and(Pen::erases_plain) {
            self.pen(Pen::PLAIN);
        }
    }

    fn print(&mut self, plan: &Plan, x: u16, y: u16, cell: &Cell) {
        self.move_to(plan, x, y);
        self.pen(Pen::of(cell));
        self.out.push_str(cell.symbol());
        let after = x.saturating_add(advance(cell));
        self.state.cursor = if advance(cell) == 0 {
            Cursor::Unknown
        } else if after >= plan.width() {
            Cursor::Wrapped(y)
        } else {
            Cursor::At(after, y)
        };
    }
}

/// Sends the changed cells `xs` (sorted) of row `y`. With `erase`, blanks
/// are erased (EL for the line's blank tail, ECH for a long run inside it)
/// rather than written as spaces.
fn plan_row(plan: &Plan, y: u16, xs: &[u16], state: State, erase: bool) -> Row {
    let mut row = Row::new(state);
    let cell = |x: u16| &plan.next[(x, y)];
    // Where the row's ink ends: from `end` on, every cell is blank.
    let end = if erase {
        (0..plan.width())
            .filter(|&x| !is_blank(cell(x)))
            .map(|x| x.saturating_add(advance(cell(x)).max(1)))
            .max()
            .unwrap_or(0)
    } else {
        plan.width()
    };
    let (ink, tail) = xs.split_at(xs.partition_point(|&x| x < end));
    let mut i = 0;
    while i < ink.len() {
        let x = ink[i];
        // A run of changed blanks, next to each other.
        let run = if erase {
            ink[i..]
                .iter()
                .zip(x..)
                .take_while(|&(&cx, want)| cx == want && is_blank(cell(cx)))
                .count()
        } else {
            0
        };
        if run > 0 {
            let run_end = x + u16::try_from(run).unwrap_or(0);
            let after = ink.get(i + run).copied();
            // Spaces, or ECH and a move over the erased cells.
            let mut spaces = Row::new(row.state);
            spaces.move_to(plan, x, y);
            let mut erased = Row::new(row.state);
            erased.move_to(plan, x, y);
            erased.erasing_pen();
            erased.out.push_str(&csi_n(run_end - x, 'X'));
            for cx in x..run_end {
                spaces.print(plan, cx, y, cell(cx));
            }
            if let Some(after) = after {
                spaces.move_to(plan, after, y);
                erased.move_to(plan, after, y);
            }
            let chosen = if erased.out.len() < spaces.out.len() {
                erased
            } else {
                spaces
            };
            row.out.push_str(&chosen.out);
            row.state = chosen.state;
            i += run;
            continue;
        }
        row.print(plan, x, y, cell(x));
        i += 1;
    }
    if let Some(&first) = tail.first() {
        // Erase from where the cursor is, if it is in the blank tail
        // before the first changed cell; else from that cell.
        let from = match row.state.cursor {
            Cursor::At(cx, cy) if cy == y && cx >= end && cx <= first => cx,
            _ => first,
        };
        row.move_to(plan, from, y);
        row.erasing_pen();
        row.out.push_str("\x1b[K");
    }
    row
}

impl<B: Backend<Error = io::Error> + Write> Thrifty<B> {
    /// Wraps `inner`, whose screen was just cleared.
    pub fn new(inner: B) -> Thrifty<B> {
        let size = inner.size().unwrap_or_default();
        Thrifty::with_size(inner, size)
    }

    /// Wraps `inner`, whose screen of `size` was just cleared (for a
    /// backend that cannot tell its size, like one writing to a test).
    pub fn with_size(inner: B, size: Size) -> Thrifty<B> {
        Thrifty {
            inner,
            shown: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
            trusted: true,
            cursor: Cursor::Unknown,
            pen: None,
            visible: None,
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

    fn state(&self) -> State {
        State {
            cursor: self.cursor,
            pen: self.pen,
        }
    }

    fn send(&mut self, bytes: &str, state: State) -> io::Result<()> {
        self.inner.write_all(bytes.as_bytes())?;
        self.cursor = state.cursor;
        self.pen = state.pen;
        Ok(())
    }
}

impl<B: Backend<Error = io::Error> + Write> Backend for Thrifty<B> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut cells: Vec<(u16, u16, &Cell)> = content.collect();
        cells.sort_by_key(|&(x, y, _)| (y, x));
        let area = self.shown.area;
        let mut next = self.shown.clone();
        let mut outside = false;
        for &(x, y, cell) in &cells {
            match next.cell_mut(Position::new(x, y)) {
                Some(c) => *c = cell.clone(),
                None => outside = true,
            }
        }
        if outside {
            // Drawn outside what is known: stop trusting the copy.
            self.trusted = false;
        }
        let plan = Plan {
            next: &next,
            known: self.trusted,
        };
        let mut out = String::new();
        let mut state = self.state();
        let mut start = 0;
        while start < cells.len() {
            let y = cells[start].1;
            let len = cells[start..].iter().take_while(|c| c.1 == y).count();
            let row = &cells[start..start + len];
            start += len;
            if y >= area.bottom() || row.iter().any(|c| c.0 >= area.right()) {
                // Outside what is known: cell by cell, each after a move.
                let mut r = Row::new(state);
                for &(x, y, cell) in row {
                    r.out.push_str(&cup(x, y));
                    r.pen(Pen::of(cell));
                    r.out.push_str(cell.symbol());
                }
                r.state.cursor = Cursor::Unknown;
                out.push_str(&r.out);
                state = r.state;
                continue;
            }
            let xs: Vec<u16> = row.iter().map(|c| c.0).collect();
            let written = plan_row(&plan, y, &xs, state, false);
            let erased = plan.known.then(|| plan_row(&plan, y, &xs, state, true));
            let best = match erased {
                Some(erased) if erased.out.len() < written.out.len() => erased,
                _ => written,
            };
            out.push_str(&best.out);
            state = best.state;
        }
        // Between frames the terminal is left in the plain style, so that
        // nothing written outside a frame comes out styled.
        if state.pen != Some(Pen::PLAIN) && !cells.is_empty() {
            out.push_str(&sgr(state.pen, Pen::PLAIN));
            state.pen = Some(Pen::PLAIN);
        }
        self.send(&out, state)?;
        if self.trusted {
            self.shown = next;
        }
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.trusted = false;
        self.cursor = Cursor::Unknown;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(false) {
            self.inner.write_all(b"\x1b[?25l")?;
            self.visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(true) {
            self.inner.write_all(b"\x1b[?25h")?;
            self.visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        match self.cursor {
            Cursor::At(x, y) => Ok(Position::new(x, y)),
            _ => self.inner.get_cursor_position(),
        }
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        let plan = Plan {
            next: &self.shown,
            known: self.trusted,
        };
        let moved = plan.moves(self.cursor, x, y, self.pen);
        let state = State {
            cursor: Cursor::At(x, y),
            pen: self.pen,
        };
        self.send(&moved, state)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let mut out = String::new();
        if !self.pen.is_some_and(Pen::erases_plain) {
            out.push_str(&sgr(self.pen, Pen::PLAIN));
            self.pen = Some(Pen::PLAIN);
        }
        out.push_str(match clear_type {
            ClearType::All => "\x1b[2J",
            ClearType::AfterCursor => "\x1b[J",
            ClearType::BeforeCursor => "\x1b[1J",
            ClearType::CurrentLine => "\x1b[2K",
            ClearType::UntilNewLine => "\x1b[K",
        });
        self.inner.write_all(out.as_bytes())?;
        self.forget(clear_type == ClearType::All);
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size().map_err(io::Error::other)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size().map_err(io::Error::other)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}
