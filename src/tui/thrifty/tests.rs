use super::escape::MODIFIERS;
use super::*;
use ratatui::backend::CrosstermBackend;
use ratatui::style::{Color, Modifier, Style};
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
