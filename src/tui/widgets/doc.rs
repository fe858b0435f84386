//! A document of lines that is taller than the screen: drawn from a given
//! line, with a mark at the bottom when more follows. The report screens,
//! the person's screen and the receipt view use it; ↑/↓/PgUp/PgDn change
//! the first line shown.
//!
//! The screen keeps the first line ([`Scroll`]); drawing clamps it so the
//! last page is never half empty. A screen that draws through
//! [`Scroll::draw`] has PgUp/PgDn move a whole page less one line, so the
//! last line read stays in sight. [`styled`] turns the lines of a laid-out
//! report ([`crate::document::layout`]) into styled lines. Nothing here
//! knows what the lines say.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::document::layout::{self as document, Ink};
use crate::i18n::strings::Strings;
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::theme::Theme;

/// Lines moved by PgUp/PgDn before the page's height is known.
pub const PAGE: usize = 10;

/// A move of the first line shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScrollMsg {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

/// The first line shown of a document of `len` lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scroll {
    top: usize,
    /// Lines of the document the last drawing showed (0: not drawn yet).
    shown: Cell<usize>,
}

impl Scroll {
    pub fn top(&self) -> usize {
        self.top
    }

    /// Lines PgUp/PgDn move: the page last drawn less one line of
    /// overlap.
    pub fn page(&self) -> usize {
        match self.shown.get() {
            0 => PAGE,
            n => n.saturating_sub(1).max(1),
        }
    }

    /// Draws `lines` in `area` from the first line shown (see [`draw`]),
    /// and remembers how many fitted, for PgUp/PgDn.
    pub fn draw(
        &self,
        frame: &mut Frame,
        area: Rect,
        lines: &[Line<'_>],
        more: &str,
        theme: &Theme,
    ) {
        self.shown
            .set(draw(frame, area, lines, self.top, more, theme));
    }

    /// What `key` does to the view, if anything (never while typing).
    pub fn on_key(key: &crossterm::event::KeyEvent, keys: &KeyList) -> Option<ScrollMsg> {
        [
            (&keys.up, ScrollMsg::Up),
            (&keys.down, ScrollMsg::Down),
            (&keys.page_up, ScrollMsg::PageUp),
            (&keys.page_down, ScrollMsg::PageDown),
            (&keys.home, ScrollMsg::Top),
            (&keys.end, ScrollMsg::Bottom),
        ]
        .into_iter()
        .find(|(binding, _)| key_match(key, binding, false))
        .map(|(_, msg)| msg)
    }

    /// The scrolling keys (↑/↓/PgUp/PgDn), for a screen's help.
    pub fn help(keys: &KeyList, s: &Strings) -> KeyHelp {
        KeyHelp::keys(
            &format!(
                "{}/{}/{}/{}",
                keys.up, keys.down, keys.page_up, keys.page_down
            ),
            s.key_scroll,
        )
    }

    /// Applies a move; `last` is the largest useful first line (the
    /// document's length less the smallest page it is shown in).
    pub fn update(&mut self, msg: ScrollMsg, last: usize) {
        self.top = match msg {
            ScrollMsg::Up => self.top.saturating_sub(1),
            ScrollMsg::Down => self.top + 1,
            ScrollMsg::PageUp => self.top.saturating_sub(self.page()),
            ScrollMsg::PageDown => self.top + self.page(),
            ScrollMsg::Top => 0,
            ScrollMsg::Bottom => last,
        }
        .min(last);
    }
}

/// The first line actually shown: `top`, but never past the last page.
pub fn first_shown(top: usize, len: usize, height: usize) -> usize {
    top.min(len.saturating_sub(height))
}

/// Draws `lines` in `area` from line `top` (clamped). When lines follow
/// below, the last row says so with `more` instead of a line. Returns how
/// many lines of the document were shown.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    lines: &[Line<'_>],
    top: usize,
    more: &str,
    theme: &Theme,
) -> usize {
    let height = usize::from(area.height);
    if height == 0 {
        return 0;
    }
    let start = first_shown(top, lines.len(), height);
    let below = lines.len().saturating_sub(start + height);
    let rows = if below > 0 { height - 1 } else { height };
    let buf = frame.buffer_mut();
    for (i, line) in lines.iter().skip(start).take(rows).enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        buf.set_line(area.x, y, line, area.width);
    }
    if below > 0 {
        buf.set_stringn(
            area.x,
            area.bottom() - 1,
            more,
            usize::from(area.width),
            theme.key(),
        );
    }
    rows
}

fn style(ink: Ink, theme: &Theme) -> Style {
    match ink {
        Ink::Plain => theme.text(),
        Ink::Heading | Ink::Strong => theme.heading(),
        Ink::Warn => theme.error(),
        Ink::Muted => theme.text(),
        Ink::Struck => theme.struck(),
    }
}

/// The lines of a laid-out report in the theme's styles.
pub fn styled(lines: &[document::Line], theme: &Theme) -> Vec<Line<'static>> {
    lines
        .iter()
        .map(|l| {
            Line::from(
                l.spans
                    .iter()
                    .map(|s| Span::styled(s.text.clone(), style(s.ink, theme)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stays_between_the_first_and_the_last_page() {
        let mut s = Scroll::default();
        s.update(ScrollMsg::Up, 5);
        assert_eq!(s.top(), 0);
        s.update(ScrollMsg::PageDown, 5);
        assert_eq!(s.top(), 5);
        s.update(ScrollMsg::Up, 5);
        s.update(ScrollMsg::Top, 5);
        assert_eq!(s.top(), 0);
        s.update(ScrollMsg::Bottom, 5);
        assert_eq!(s.top(), 5);
    }

    #[test]
    fn a_page_down_moves_a_page_less_one_line() {
        let s = Scroll::default();
        assert_eq!(s.page(), PAGE, "before the first drawing");
        let backend = ratatui::backend::TestBackend::new(40, 20);
        let mut term = ratatui::Terminal::new(backend).unwrap();
        let lines: Vec<Line> = (0..100).map(|i| Line::raw(format!("dòng {i}"))).collect();
        let mut s = Scroll::default();
        term.draw(|f| s.draw(f, f.area(), &lines, "↓", &Theme::plain()))
            .unwrap();
        // 19 lines shown above the "more" mark: the next page starts at
        // the last of them.
        assert_eq!(s.page(), 18);
        s.update(ScrollMsg::PageDown, 80);
        assert_eq!(s.top(), 18);
        term.draw(|f| s.draw(f, f.area(), &lines, "↓", &Theme::plain()))
            .unwrap();
        let shown = term.backend().buffer().clone();
        let first: String = (0..10)
            .map(|x| shown[(x, 0)].symbol().to_string())
            .collect();
        assert!(first.starts_with("dòng 18"), "{first:?}");
        s.update(ScrollMsg::PageUp, 80);
        assert_eq!(s.top(), 0);
    }

    #[test]
    fn a_short_document_is_never_scrolled() {
        assert_eq!(first_shown(7, 10, 20), 0);
        assert_eq!(first_shown(7, 30, 20), 7);
        assert_eq!(first_shown(25, 30, 20), 10);
    }
}
