//! A document of lines that is taller than the screen: drawn from a given
//! line, with a mark at the bottom when more follows. The person's screen
//! and the receipt view use it; ↑/↓/PgUp/PgDn change the first line shown.
//!
//! The screen keeps the first line ([`Scroll`]); drawing clamps it so the
//! last page is never half empty. Nothing here knows what the lines say.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::i18n::strings::Strings;
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::theme::Theme;

/// Lines moved by PgUp/PgDn.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scroll {
    top: usize,
}

impl Scroll {
    pub fn top(&self) -> usize {
        self.top
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
            ScrollMsg::PageUp => self.top.saturating_sub(PAGE),
            ScrollMsg::PageDown => self.top + PAGE,
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
/// below, the last row says so with `more` instead of a line.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    lines: &[Line<'_>],
    top: usize,
    more: &str,
    theme: &Theme,
) {
    let height = usize::from(area.height);
    if height == 0 {
        return;
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
    fn a_short_document_is_never_scrolled() {
        assert_eq!(first_shown(7, 10, 20), 0);
        assert_eq!(first_shown(7, 30, 20), 7);
        assert_eq!(first_shown(25, 30, 20), 10);
    }
}
