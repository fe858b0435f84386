//! The escape sequences the writer sends: the pen (a cell's style as SGR
//! sets it) and the shortest ways to change it and to move the cursor.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// A cell's style as SGR sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pen {
    pub(super) fg: Color,
    pub(super) bg: Color,
    pub(super) modifier: Modifier,
}

impl Pen {
    pub(super) const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    pub(super) fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }

    /// Whether erasing (EL, ECH, ED) with this pen leaves plain blanks on
    /// every terminal: no background colour and no reverse video.
    pub(super) fn erases_plain(self) -> bool {
        self.bg == Color::Reset && !self.modifier.contains(Modifier::REVERSED)
    }
}

/// "ESC [ n c", with n left out when it is 1 (the default).
pub(super) fn csi_n(n: u16, c: char) -> String {
    if n == 1 {
        format!("\x1b[{c}")
    } else {
        format!("\x1b[{n}{c}")
    }
}

/// The absolute move to column `x`, row `y` (CUP), as short as it goes.
pub(super) fn cup(x: u16, y: u16) -> String {
    match (x, y) {
        (0, 0) => "\x1b[H".to_string(),
        (0, y) => format!("\x1b[{}H", u32::from(y) + 1),
        (x, y) => format!("\x1b[{};{}H", u32::from(y) + 1, u32::from(x) + 1),
    }
}

/// SGR parameters of a colour as foreground (`base` 30) or background (40).
pub(super) fn color_code(color: Color, base: u8) -> String {
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
pub(super) const MODIFIERS: [(Modifier, u8, u8); 9] = [
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
pub(super) fn sgr(from: Option<Pen>, to: Pen) -> String {
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
