//! Choosing one row of a list or menu with the arrow keys.
//!
//! [`Select`] keeps which row is chosen; [`draw_rows`] draws rows with the
//! chosen one in reverse video (never by colour alone), scrolled so it is
//! visible. The rows themselves belong to the screen (menu entries, search
//! results), which also decides what Enter on a row does.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::i18n::strings::Strings;
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::theme::Theme;

/// Rows moved by PgUp/PgDn.
pub const PAGE: usize = 10;

/// A move of the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectMsg {
    Up,
    Down,
    First,
    Last,
    PageUp,
    PageDown,
}

/// Which of `len` rows is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Select {
    selected: usize,
    len: usize,
}

impl Select {
    pub fn new(len: usize) -> Select {
        Select { selected: 0, len }
    }

    /// The chosen row (0 when there are none).
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Chooses row `i` (kept within the list).
    pub fn select(&mut self, i: usize) {
        self.selected = i.min(self.len.saturating_sub(1));
    }

    /// The list now has `len` rows; the choice stays where it can.
    pub fn set_len(&mut self, len: usize) {
        self.len = len;
        self.select(self.selected);
    }

    /// What `key` does to the choice, if anything. Lists are never typing.
    pub fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<SelectMsg> {
        [
            (&keys.up, SelectMsg::Up),
            (&keys.down, SelectMsg::Down),
            (&keys.home, SelectMsg::First),
            (&keys.end, SelectMsg::Last),
            (&keys.page_up, SelectMsg::PageUp),
            (&keys.page_down, SelectMsg::PageDown),
        ]
        .into_iter()
        .find(|(binding, _)| key_match(key, binding, false))
        .map(|(_, msg)| msg)
    }

    pub fn update(&mut self, msg: SelectMsg) {
        let last = self.len.saturating_sub(1);
        self.selected = match msg {
            SelectMsg::Up => self.selected.saturating_sub(1),
            SelectMsg::Down => (self.selected + 1).min(last),
            SelectMsg::First => 0,
            SelectMsg::Last => last,
            SelectMsg::PageUp => self.selected.saturating_sub(PAGE),
            SelectMsg::PageDown => (self.selected + PAGE).min(last),
        };
    }
}

/// The first row to show so that row `selected` is visible in `height` rows.
pub fn first_visible(selected: usize, height: usize) -> usize {
    if height == 0 || selected < height {
        0
    } else {
        selected + 1 - height
    }
}

/// Draws `rows` in `area`, one per line, the `selected` one in reverse video
/// across the whole width.
pub fn draw_rows(frame: &mut Frame, area: Rect, rows: &[Line<'_>], selected: usize, theme: &Theme) {
    let height = usize::from(area.height);
    let start = first_visible(selected, height);
    let buf = frame.buffer_mut();
    for (n, row) in rows.iter().enumerate().skip(start).take(height) {
        let y = area.y + u16::try_from(n - start).unwrap_or(0);
        buf.set_line(area.x, y, row, area.width);
        if n == selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), theme.selected());
        }
    }
}

/// The help of ↑/↓ moving the choice, `what` saying what is chosen; the
/// key line shows both arrows as one key ("↑↓").
pub fn move_help(keys: &KeyList, s: &Strings, what: &str) -> KeyHelp {
    KeyHelp::keys(&format!("{}/{}", keys.up, keys.down), what).short_up_down(keys, s.short_choose)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_stays_inside_the_list() {
        let mut s = Select::new(3);
        s.update(SelectMsg::Up);
        assert_eq!(s.selected(), 0);
        s.update(SelectMsg::PageDown);
        assert_eq!(s.selected(), 2);
        s.set_len(1);
        assert_eq!(s.selected(), 0);
        s.set_len(0);
        s.update(SelectMsg::Down);
        assert_eq!(s.selected(), 0);
    }

    #[test]
    fn the_chosen_row_is_scrolled_into_view() {
        assert_eq!(first_visible(3, 5), 0);
        assert_eq!(first_visible(7, 5), 3);
    }
}
