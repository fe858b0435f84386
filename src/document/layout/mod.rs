//! A [`Document`] laid out as lines of text in a given number of columns:
//! the one text layout behind the printed page (80 columns, plain text)
//! and the screen (styled lines in a scrolling view).
//!
//! No line is ever wider than the page: long names and reasons wrap inside
//! their column, a table too wide for the page is written one block per
//! row, and nothing is cut. Amounts are right-aligned; tables give their
//! spare room to their name column, so amounts line up at the page's edge.
//! Each piece of a line carries an [`Ink`], which the screen turns into a
//! style and the paper ignores.
//!
//! A [`Page`] says what differs between the two: paper has the official
//! two-sided heading, underlined section titles, rules above totals, the
//! seal's code in groups of four and the signature blocks; the screen shows
//! the title and status only (the frame already names the office), the code
//! in one piece and no signatures.
//!
//! Text from the document goes through `for_display` here.

mod table;

use super::{Amount, Block, Cell, Document, Facts, Head, Kind, Paragraph, Seal, Signatures, Tone};
use crate::i18n::labels;
use crate::text::for_display;
use crate::text::layout::{center, code_groups, pad, right, width, wrap, wrap_hanging};

/// How a piece of text should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    Plain,
    /// Titles and table headings.
    Heading,
    /// Totals and what must stand out.
    Strong,
    /// What must not be missed.
    Warn,
    Muted,
    /// A cancelled row.
    Struck,
}

impl From<Tone> for Ink {
    fn from(t: Tone) -> Ink {
        match t {
            Tone::Plain => Ink::Plain,
            Tone::Strong => Ink::Strong,
            Tone::Warn => Ink::Warn,
            Tone::Muted => Ink::Muted,
        }
    }
}

/// A run of text in one ink.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub ink: Ink,
}

/// A laid-out line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub spans: Vec<Span>,
}

impl Line {
    fn new(text: String, ink: Ink) -> Line {
        let text = text.trim_end().to_string();
        if text.is_empty() {
            return Line::default();
        }
        Line {
            spans: vec![Span { text, ink }],
        }
    }

    /// The line's text.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// The line's width in columns.
    pub fn width(&self) -> usize {
        self.spans.iter().map(|s| width(&s.text)).sum()
    }
}

/// The page a document is laid out on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Columns a line may use.
    pub width: usize,
    /// Paper (the full official layout) or the screen.
    pub paper: bool,
}

impl Page {
    /// A printed page: 80 columns.
    pub const PRINT: Page = Page {
        width: 80,
        paper: true,
    };

    /// The screen, `width` columns wide.
    pub fn screen(width: usize) -> Page {
        Page {
            width: width.max(20),
            paper: false,
        }
    }
}

/// The lines being written.
struct Writer {
    page: Page,
    lines: Vec<Line>,
    /// Just under a section's title, where no blank line is wanted.
    under_title: bool,
}

impl Writer {
    fn push(&mut self, text: String, ink: Ink) {
        self.lines.push(Line::new(text, ink));
        self.under_title = false;
    }

    /// A blank line, unless one is there already or a title is just above.
    fn blank(&mut self) {
        if !self.under_title && self.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.lines.push(Line::default());
        }
    }

    /// `text` wrapped after `indent` columns, in `ink`.
    fn say(&mut self, indent: usize, text: &str, ink: Ink) {
        let lead = " ".repeat(indent);
        for l in wrap(text, self.page.width.saturating_sub(indent)) {
            self.push(format!("{lead}{l}"), ink);
        }
    }

    /// `text` wrapped after a first-line prefix, the rest hanging under it.
    fn hang(&mut self, indent: usize, first: &str, text: &str, ink: Ink) {
        let lead = " ".repeat(indent);
        let hang = " ".repeat(width(first));
        let full = format!("{first}{text}");
        for l in wrap_hanging(&full, self.page.width.saturating_sub(indent), &hang) {
            self.push(format!("{lead}{l}"), ink);
        }
    }

    /// `label` on the left and `value` ending at the page's edge; a label
    /// too long for the room wraps and the value goes on its last line.
    fn spread(&mut self, indent: usize, label: &str, value: &str, ink: Ink) {
        let room = self.page.width.saturating_sub(indent);
        let vw = width(value);
        let label_room = room.saturating_sub(vw + 1).max(1);
        let mut labels = wrap(label, label_room);
        if labels.is_empty() {
            labels.push(String::new());
        }
        let last = labels.pop().unwrap_or_default();
        let lead = " ".repeat(indent);
        for l in labels {
            self.push(format!("{lead}{l}"), ink);
        }
        if vw >= room {
            self.push(format!("{lead}{last}"), ink);
            for l in wrap(value, room) {
                self.push(format!("{lead}{}", right(&l, room)), ink);
            }
        } else {
            self.push(format!("{lead}{}{}", pad(&last, room - vw), value), ink);
        }
    }

    fn rule(&mut self, ch: char, cols: usize) {
        self.push(ch.to_string().repeat(cols), Ink::Plain);
    }
}

/// Text from a document, harmless on a terminal or a printer.
fn clean(s: &str) -> String {
    for_display(s).into_owned()
}

/// A cell as text; `table` when it is in a table (money without "đ", the
/// column says "đồng"), `short` to use a short form.
pub(crate) fn cell_text(cell: &Cell, table: bool, short: bool) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => clean(s),
        Cell::Short { text, short: s } => clean(if short { s } else { text }),
        Cell::Count(n) => crate::domain::Money::from_dong(*n).format_plain(),
        Cell::Number(n) => n.to_string(),
        Cell::Money(m) if table => m.format_plain(),
        Cell::Money(m) => m.to_string(),
        Cell::Date(d) => labels::date(&clean(d)),
        Cell::Time(t) => clean(t.get(11..16).unwrap_or(t)),
    }
}

/// `doc` laid out on `page`.
pub fn lay_out(doc: &Document, page: Page) -> Vec<Line> {
    let mut w = Writer {
        page,
        lines: Vec::new(),
        under_title: false,
    };
    head(&mut w, &doc.head);
    for block in &doc.blocks {
        match block {
            Block::Section { title } => section(&mut w, title),
            Block::Paragraph(p) => paragraph(&mut w, p),
            Block::Facts(f) => facts(&mut w, f),
            Block::Table(t) => table::table(&mut w, t),
            Block::Amount(a) => amount(&mut w, a),
            Block::Seal(s) => seal(&mut w, s),
            Block::Signatures(s) => signatures(&mut w, s),
        }
    }
    w.lines
}

fn head(w: &mut Writer, h: &Head) {
    let cols = w.page.width;
    if w.page.paper {
        let half = cols.saturating_sub(2) / 2;
        let side = |lines: &[String]| -> Vec<String> {
            lines
                .iter()
                .flat_map(|l| wrap(&clean(l), half))
                .map(|l| center(&l, half))
                .collect()
        };
        let left = side(&h.issuer);
        let mut national = h.national.clone();
        national.push(h.place_date.clone());
        let right_side = side(&national);
        for i in 0..left.len().max(right_side.len()) {
            let l = left.get(i).map_or("", String::as_str);
            let r = right_side.get(i).map_or("", String::as_str);
            w.push(format!("{}  {r}", pad(l, half)), Ink::Plain);
        }
        w.blank();
        for l in wrap(&clean(&h.title), cols) {
            w.push(center(&l, cols), Ink::Heading);
        }
        for p in &h.lines {
            for l in wrap(&clean(&p.text), cols) {
                w.push(center(&l, cols), p.tone.into());
            }
        }
        w.rule('=', cols);
    } else {
        w.say(0, &clean(&h.title), Ink::Heading);
        for p in &h.lines {
            w.say(0, &clean(&p.text), p.tone.into());
        }
    }
}

fn section(w: &mut Writer, title: &str) {
    w.blank();
    let title = clean(title);
    w.say(0, &title, Ink::Heading);
    if w.page.paper {
        w.rule('-', width(&title).min(w.page.width));
    }
    w.under_title = true;
}

fn paragraph(w: &mut Writer, p: &Paragraph) {
    let text = clean(&p.text);
    if p.bullet {
        w.hang(2, "• ", &text, p.tone.into());
    } else {
        w.say(0, &text, p.tone.into());
    }
}

fn facts(w: &mut Writer, f: &Facts) {
    w.blank();
    if let Some(t) = &f.title {
        w.say(2, &clean(t), Ink::Strong);
    }
    for fact in &f.items {
        let label = clean(&fact.label);
        let value = cell_text(&fact.value, false, false);
        let numeric = matches!(
            fact.value,
            Cell::Count(_) | Cell::Number(_) | Cell::Money(_)
        );
        if numeric {
            w.spread(4, &label, &value, fact.tone.into());
        } else {
            w.hang(4, &format!("{label}: "), &value, fact.tone.into());
        }
    }
}

fn amount(w: &mut Writer, a: &Amount) {
    w.blank();
    if w.page.paper {
        w.rule('=', w.page.width);
    }
    w.spread(0, &clean(&a.label), &a.amount.to_string(), Ink::Strong);
    w.say(
        0,
        &format!("{} {}", clean(&a.words_label), clean(&a.words)),
        Ink::Plain,
    );
}

fn seal(w: &mut Writer, s: &Seal) {
    w.say(0, &clean(&s.label), Ink::Plain);
    let label = clean(&s.code_label);
    let code = clean(&s.code);
    if !s.grouped() {
        w.hang(
            if s.label.is_empty() { 0 } else { 2 },
            &format!("{label} "),
            &code,
            Ink::Strong,
        );
    } else if w.page.paper {
        // Four characters a group, as many groups a line as fit.
        let lead = 4 + width(&label) + 1;
        let per_line = (w.page.width.saturating_sub(lead) / 5).max(1);
        for (i, l) in code_groups(&code, per_line).into_iter().enumerate() {
            let first = if i == 0 { label.as_str() } else { "" };
            w.push(
                format!("    {}{l}", pad(first, width(&label) + 1)),
                Ink::Plain,
            );
        }
    } else {
        w.hang(2, &format!("{label} "), &code, Ink::Plain);
    }
}

fn signatures(w: &mut Writer, s: &Signatures) {
    if !w.page.paper || s.signers.is_empty() {
        return;
    }
    let cols = w.page.width;
    w.blank();
    if let Some(d) = &s.date_line {
        for l in wrap(&clean(d), cols) {
            w.push(right(&l, cols), Ink::Plain);
        }
    }
    let n = s.signers.len();
    let cell = cols / n;
    let row = |w: &mut Writer, pick: &dyn Fn(&super::Signer) -> String, ink: Ink| {
        let cells: Vec<Vec<String>> = s
            .signers
            .iter()
            .map(|g| wrap(&clean(&pick(g)), cell.saturating_sub(1)))
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..height {
            let line: String = cells
                .iter()
                .map(|c| pad(&center(c.get(i).map_or("", String::as_str), cell), cell))
                .collect();
            w.push(line, ink);
        }
    };
    row(w, &|g| g.role.clone(), Ink::Strong);
    row(w, &|g| g.hint.clone(), Ink::Muted);
    for _ in 0..4 {
        w.lines.push(Line::default());
    }
    if s.signers.iter().any(|g| g.name.is_some()) {
        row(w, &|g| g.name.clone().unwrap_or_default(), Ink::Plain);
    }
}

/// Whether `kind` is written as a number (right-aligned, never wrapped).
fn is_numeric(kind: Kind) -> bool {
    matches!(kind, Kind::Count | Kind::Number | Kind::Money)
}
