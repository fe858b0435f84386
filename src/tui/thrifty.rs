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
use ratatui::style::{Color, Modifier};
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

/// A cell's style as SGR sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }

    /// Whether erasing (EL, ECH, ED) with this pen leaves plain blanks on
    /// every terminal: no background colour and no reverse video.
    fn erases_plain(self) -> bool {
        self.bg == Color::Reset && !self.modifier.contains(Modifier::REVERSED)
    }
}

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

/// "ESC [ n c", with n left out when it is 1 (the default).
fn csi_n(n: u16, c: char) -> String {
    if n == 1 {
        format!("\x1b[{c}")
    } else {
        format!("\x1b[{n}{c}")
    }
}

/// The absolute move to column `x`, row `y` (CUP), as short as it goes.
fn cup(x: u16, y: u16) -> String {
    match (x, y) {
        (0, 0) => "\x1b[H".to_string(),
        (0, y) => format!("\x1b[{}H", u32::from(y) + 1),
        (x, y) => format!("\x1b[{};{}H", u32::from(y) + 1, u32::from(x) + 1),
    }
}

/// SGR parameters of a colour as foreground (`base` 30) or background (40).
fn color_code(color: Color, base: u8) -> String {
    let n = |i: u8| (base + i).to_string();
    let bright = |i: u8| (base + 60 + i).to_string();
    match color {
        Color::Reset => n(9),
        Color::Black => n(0),
        Color::Red => n(1),
        Color::Green => n(2),
        Color::Yellow => n(3),
        Color::Blue => n(4),
        Color::Magenta => n(5),
        Color::Cyan => n(6),
        Color::Gray => n(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => format!("{};5;{i}", base + 8),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
    }
}

/// SGR codes that turn each modifier on, and off.
const MODIFIERS: [(Modifier, u8, u8); 9] = [
    (Modifier::BOLD, 1, 22),
    (Modifier::DIM, 2, 22),
    (Modifier::ITALIC, 3, 23),
    (Modifier::UNDERLINED, 4, 24),
    (Modifier::SLOW_BLINK, 5, 25),
    (Modifier::RAPID_BLINK, 6, 25),
    (Modifier::REVERSED, 7, 27),
    (Modifier::HIDDEN, 8, 28),
    (Modifier::CROSSED_OUT, 9, 29),
];

/// The shortest SGR sequence from `from` (unknown when `None`) to `to`.
fn sgr(from: Option<Pen>, to: Pen) -> String {
    if from == Some(to) {
        return String::new();
    }
    // From scratch: reset, then what `to` has.
    let mut full: Vec<String> = Vec::new();
    for (m, on, _) in MODIFIERS {
        if to.modifier.contains(m) {
            full.push(on.to_string());
        }
    }
    if to.fg != Color::Reset {
        full.push(color_code(to.fg, 30));
    }
    if to.bg != Color::Reset {
        full.push(color_code(to.bg, 40));
    }
    let full = if full.is_empty() {
        "\x1b[m".to_string()
    } else {
        format!("\x1b[0;{}m", full.join(";"))
    };
    let Some(from) = from else { return full };
    // From `from`: turn off what goes, on what comes.
    let mut step: Vec<String> = Vec::new();
    let gone = from.modifier - to.modifier;
    let mut turned_off = Modifier::empty();
    for (m, _, off) in MODIFIERS {
        if gone.contains(m) {
            let code = off.to_string();
            if !step.contains(&code) {
                step.push(code);
            }
            // 22 ends both bold and dim; 25 both blinks.
            for (other, _, other_off) in MODIFIERS {
                if other_off == off {
                    turned_off |= other;
                }
            }
        }
    }
    let kept = from.modifier - turned_off;
    for (m, on, _) in MODIFIERS {
        if to.modifier.contains(m) && !kept.contains(m) {
            step.push(on.to_string());
        }
    }
    if to.fg != from.fg {
        step.push(color_code(to.fg, 30));
    }
    if to.bg != from.bg {
        step.push(color_code(to.bg, 40));
    }
    let step = format!("\x1b[{}m", step.join(";"));
    if step.len() < full.len() { step } else { full }
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::style::Style;
    use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

    /// What was written to the terminal, kept for the test to read.
    #[derive(Clone, Default)]
    struct Tap(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Tap {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A terminal that understands what [`Thrifty`] sends (and refuses
    /// anything else), to check that the screen ends up as drawn.
    struct Screen {
        cells: Buffer,
        x: u16,
        y: u16,
        wrap: bool,
        pen: Pen,
    }

    impl Screen {
        fn new(w: u16, h: u16) -> Screen {
            Screen {
                cells: Buffer::empty(Rect::new(0, 0, w, h)),
                x: 0,
                y: 0,
                wrap: false,
                pen: Pen::PLAIN,
            }
        }

        fn blank(&mut self, from: u16, to: u16) {
            assert!(self.pen.erases_plain(), "erased with {:?}", self.pen);
            for x in from..to.min(self.cells.area.width) {
                self.cells[(x, self.y)] = Cell::EMPTY;
            }
        }

        fn sgr(&mut self, params: &[u16]) {
            let mut p = params.iter().copied();
            if params.is_empty() {
                self.pen = Pen::PLAIN;
            }
            let color = |n: u16| match n {
                0 => Color::Black,
                1 => Color::Red,
                2 => Color::Green,
                3 => Color::Yellow,
                4 => Color::Blue,
                5 => Color::Magenta,
                6 => Color::Cyan,
                7 => Color::Gray,
                9 => Color::Reset,
                60 => Color::DarkGray,
                61 => Color::LightRed,
                62 => Color::LightGreen,
                63 => Color::LightYellow,
                64 => Color::LightBlue,
                65 => Color::LightMagenta,
                66 => Color::LightCyan,
                67 => Color::White,
                _ => panic!("colour {n}"),
            };
            while let Some(n) = p.next() {
                let m = &mut self.pen.modifier;
                match n {
                    0 => self.pen = Pen::PLAIN,
                    22 => m.remove(Modifier::BOLD | Modifier::DIM),
                    25 => m.remove(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK),
                    1..=9 | 23..=29 => {
                        let (flag, on, off) = MODIFIERS
                            .into_iter()
                            .find(|&(_, on, off)| u16::from(on) == n || u16::from(off) == n)
                            .unwrap();
                        if u16::from(on) == n {
                            m.insert(flag);
                        } else {
                            assert_eq!(u16::from(off), n);
                            m.remove(flag);
                        }
                    }
                    38 | 48 => {
                        assert_eq!(p.next(), Some(5), "only indexed colours here");
                        let c = Color::Indexed(u8::try_from(p.next().unwrap()).unwrap());
                        if n == 38 {
                            self.pen.fg = c
                        } else {
                            self.pen.bg = c
                        }
                    }
                    30..=39 | 90..=97 => self.pen.fg = color(n - 30),
                    40..=49 | 100..=107 => self.pen.bg = color(n - 40),
                    _ => panic!("SGR {n}"),
                }
            }
        }

        fn feed(&mut self, bytes: &[u8]) {
            let text = std::str::from_utf8(bytes).expect("UTF-8");
            let mut chars = text.chars().peekable();
            let (w, h) = (self.cells.area.width, self.cells.area.height);
            while let Some(c) = chars.next() {
                match c {
                    '\r' => (self.x, self.wrap) = (0, false),
                    '\n' => {
                        assert!(self.y + 1 < h, "LF on the last row scrolls");
                        self.y += 1;
                        self.wrap = false;
                    }
                    '\x1b' => {
                        assert_eq!(chars.next(), Some('['));
                        let private = chars.next_if_eq(&'?').is_some();
                        let mut raw = String::new();
                        while let Some(c) = chars.next_if(|c| c.is_ascii_digit() || *c == ';') {
                            raw.push(c);
                        }
                        let params: Vec<u16> = if raw.is_empty() {
                            Vec::new()
                        } else {
                            raw.split(';').map(|n| n.parse().unwrap_or(0)).collect()
                        };
                        let n = params.first().copied().unwrap_or(1).max(1);
                        let end = chars.next().unwrap();
                        if private {
                            assert!(matches!(end, 'h' | 'l') && params == [25]);
                            continue;
                        }
                        let wrapped = self.wrap;
                        if end != 'm' && end != 'X' && end != 'K' && end != 'J' {
                            self.wrap = false;
                        }
                        match end {
                            'H' => {
                                self.y = params.first().copied().unwrap_or(1).max(1) - 1;
                                self.x = params.get(1).copied().unwrap_or(1).max(1) - 1;
                            }
                            'A' => self.y = self.y.saturating_sub(n),
                            'B' => self.y = (self.y + n).min(h - 1),
                            'C' => {
                                assert!(!wrapped, "CUF from the wrap state");
                                self.x = (self.x + n).min(w - 1);
                            }
                            'D' => {
                                assert!(!wrapped, "CUB from the wrap state");
                                self.x = self.x.saturating_sub(n);
                            }
                            'K' => {
                                assert!(params.is_empty(), "EL {params:?}");
                                self.blank(self.x, w);
                            }
                            'X' => self.blank(self.x, self.x + n),
                            'J' => {
                                assert_eq!(params, [2]);
                                assert!(self.pen.erases_plain());
                                self.cells = Buffer::empty(self.cells.area);
                            }
                            'm' => self.sgr(&params),
                            _ => panic!("unexpected sequence {raw}{end}"),
                        }
                    }
                    c => {
                        assert!(!self.wrap, "printed {c:?} after the last column");
                        let cell = &mut self.cells[(self.x, self.y)];
                        cell.set_symbol(&c.to_string());
                        (cell.fg, cell.bg, cell.modifier) =
                            (self.pen.fg, self.pen.bg, self.pen.modifier);
                        let width = u16::try_from(c.to_string().width()).unwrap();
                        if self.x + width >= w {
                            self.wrap = true;
                        } else {
                            self.x += width;
                        }
                    }
                }
            }
        }
    }

    const W: u16 = 40;
    const H: u16 = 6;

    fn terminal(tap: &Tap) -> Terminal<Thrifty<CrosstermBackend<Tap>>> {
        let backend = Thrifty::with_size(CrosstermBackend::new(tap.clone()), Size::new(W, H));
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
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
        "Nguyễn Thị Dung      1945 Thôn Đông",
        "Lê Văn Cúc 1960",
    ];
    const NARROWED: [&str; 2] = ["Nguyễn Thị Dung 1945", "Lê Thị Hoa 1950"];

    /// Draws each frame, checks the screen the bytes make is the frame, and
    /// returns the bytes each frame cost.
    fn draw_all(frames: &[&dyn Fn(&mut Frame)]) -> Vec<usize> {
        let tap = Tap::default();
        let mut t = terminal(&tap);
        let mut screen = Screen::new(W, H);
        let mut sent = Vec::new();
        for draw in frames {
            let before = tap.0.borrow().len();
            let frame = t.draw(|f| draw(f)).unwrap().buffer.clone();
            let bytes = tap.0.borrow()[before..].to_vec();
            screen.feed(&bytes);
            for y in 0..H {
                for x in 0..W {
                    let (got, want) = (&screen.cells[(x, y)], &frame[(x, y)]);
                    assert_eq!(
                        (got.symbol(), Pen::of(got)),
                        (want.symbol(), Pen::of(want)),
                        "at {x},{y} after {:?}",
                        String::from_utf8_lossy(&bytes)
                    );
                }
            }
            sent.push(bytes.len());
        }
        sent
    }

    #[test]
    fn the_screen_shows_each_frame_as_drawn() {
        let sent = draw_all(&[
            &|f| rows(f, &LIST),
            &|f| rows(f, &NARROWED),
            &|f| rows(f, &LIST),
            &|f| rows(f, &LIST),
            &|_| {},
        ]);
        assert_eq!(sent[3], 0, "an unchanged frame costs nothing: {sent:?}");
    }

    #[test]
    fn random_frames_come_out_as_drawn() {
        // Words in random places and styles, frame after frame, the last
        // column included.
        let mut seed = 0x2545_f491_u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let words = [
            "Nguyễn",
            "Thị",
            "Đông",
            "1948",
            "—",
            "5.578.000",
            " ",
            "   ",
        ];
        let styles = [
            Style::new(),
            Style::new().bold(),
            Style::new().reversed().bold(),
            Style::new().fg(Color::Red).bold(),
            Style::new().fg(Color::Green),
            Style::new().fg(Color::Indexed(208)).italic(),
            Style::new().dim().underlined(),
        ];
        let mut frames: Vec<Vec<(u16, u16, &str, Style)>> = Vec::new();
        for _ in 0..60 {
            let mut frame = Vec::new();
            for _ in 0..next(12) {
                let x = u16::try_from(next(u64::from(W))).unwrap();
                let y = u16::try_from(next(u64::from(H))).unwrap();
                let word = words[usize::try_from(next(8)).unwrap()];
                let style = styles[usize::try_from(next(7)).unwrap()];
                frame.push((x, y, word, style));
            }
            frames.push(frame);
        }
        type Draw<'a> = Box<dyn Fn(&mut Frame) + 'a>;
        let draws: Vec<Draw<'_>> = frames
            .iter()
            .map(|words| {
                Box::new(move |f: &mut Frame| {
                    for &(x, y, word, style) in words {
                        f.buffer_mut()
                            .set_stringn(x, y, word, usize::from(W - x), style);
                    }
                }) as Box<dyn Fn(&mut Frame)>
            })
            .collect();
        let refs: Vec<&dyn Fn(&mut Frame)> = draws.iter().map(|d| d.as_ref()).collect();
        draw_all(&refs);
    }

    #[test]
    fn a_list_of_words_costs_no_cursor_move_per_word() {
        let sent = draw_all(&[&|f| rows(f, &LIST)]);
        // The text itself, plus a move and a style per row at most.
        let text: usize = LIST.iter().map(|r| r.len()).sum();
        assert!(
            sent[0] <= text + 3 * 12,
            "{sent:?} for {text} bytes of text"
        );
    }

    #[test]
    fn a_shorter_line_is_erased_not_overwritten_with_spaces() {
        let long = "Nguyễn Thị Dung 1945 Thôn Đông Hải Dương";
        let sent = draw_all(&[&|f| rows(f, &["", long]), &|f| rows(f, &["", "Lê"])]);
        // Move (CR LF or CUP), "Lê" (3 bytes), EL (3 bytes).
        assert!(sent[1] <= 3 + 3 + 8, "{sent:?}");
    }

    #[test]
    fn a_long_run_of_blanks_inside_a_line_is_erased() {
        let before = "abcdefghijklmnopqrstuvwxyz0123456789";
        let after = "a                                  9";
        let sent = draw_all(&[&|f| rows(f, &["", before]), &|f| rows(f, &["", after])]);
        assert!(sent[1] < 20, "{sent:?}");
    }

    #[test]
    fn the_style_is_set_once_for_a_run_and_changed_by_its_difference() {
        assert_eq!(sgr(Some(Pen::PLAIN), Pen::PLAIN), "");
        let bold = Pen {
            modifier: Modifier::BOLD,
            ..Pen::PLAIN
        };
        let chosen = Pen {
            modifier: Modifier::BOLD | Modifier::REVERSED,
            ..Pen::PLAIN
        };
        assert_eq!(sgr(Some(bold), chosen), "\x1b[7m");
        assert_eq!(sgr(Some(chosen), bold), "\x1b[27m");
        assert_eq!(sgr(Some(chosen), Pen::PLAIN), "\x1b[m");
        assert_eq!(sgr(None, bold), "\x1b[0;1m");
        let dim = Pen {
            modifier: Modifier::DIM,
            ..Pen::PLAIN
        };
        let bold_dim = Pen {
            modifier: Modifier::BOLD | Modifier::DIM,
            ..Pen::PLAIN
        };
        // 22 ends both bold and dim: dim comes back (or all is set anew,
        // when that is shorter).
        assert_eq!(sgr(Some(bold_dim), dim), "\x1b[0;2m");
        let red = |pen: Pen| Pen {
            fg: Color::Red,
            ..pen
        };
        assert_eq!(sgr(Some(red(bold_dim)), red(dim)), "\x1b[22;2m");
        assert_eq!(sgr(Some(bold), red(bold)), "\x1b[31m");
    }

    #[test]
    fn moves_take_the_shortest_way() {
        let shown = Buffer::empty(Rect::new(0, 0, 80, 24));
        let plan = Plan {
            next: &shown,
            known: true,
        };
        let plain = Some(Pen::PLAIN);
        assert_eq!(plan.moves(Cursor::At(5, 3), 5, 3, plain), "");
        assert_eq!(
            plan.moves(Cursor::At(5, 3), 7, 3, plain),
            "  ",
            "two blanks sent again"
        );
        assert_eq!(plan.moves(Cursor::At(5, 3), 40, 3, plain), "\x1b[35C");
        assert_eq!(plan.moves(Cursor::At(30, 3), 1, 4, plain), "\r\n ");
        assert_eq!(plan.moves(Cursor::Wrapped(3), 0, 4, plain), "\r\n");
        assert_eq!(plan.moves(Cursor::Unknown, 0, 0, plain), "\x1b[H");
        assert_eq!(plan.moves(Cursor::Unknown, 79, 23, plain), "\x1b[24;80H");
        let bold = Some(Pen {
            modifier: Modifier::BOLD,
            ..Pen::PLAIN
        });
        assert_eq!(
            plan.moves(Cursor::At(5, 3), 7, 3, bold),
            "\x1b[2C",
            "blanks are not bold"
        );
    }
}
