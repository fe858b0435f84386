//! A short numbered list to choose one entry from: the main menu, who takes
//! the money, how it is paid.
//!
//! ↑/↓ (and Home/End/PgUp/PgDn) move the marker, Enter chooses the marked
//! row, a digit chooses its row at once. Rows read `▸ 1  Quầy giao dịch`:
//! the marker and reverse video show the chosen row, so it is clear in
//! monochrome. What choosing a row does, and the rows' text, belong to the
//! screen. For a long list without numbers (search results, receipts) use
//! [`Select`] alone.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::select::{Select, SelectMsg, draw_rows, move_help};
use crate::i18n::strings::Strings;
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::theme::Theme;

/// What a key does to a numbered list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceMsg {
    /// Move the marker.
    Move(SelectMsg),
    /// Choose the row at this index (Enter, or its number).
    Choose(usize),
}

/// Which of a numbered list's rows is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChoiceList {
    select: Select,
}

impl ChoiceList {
    /// A list of `len` rows, the first marked.
    pub fn new(len: usize) -> ChoiceList {
        ChoiceList {
            select: Select::new(len),
        }
    }

    /// The marked row.
    pub fn selected(&self) -> usize {
        self.select.selected()
    }

    /// Marks row `i` (kept within the list).
    pub fn select(&mut self, i: usize) {
        self.select.select(i);
    }

    /// What `key` does to the list, if anything: Enter chooses the marked
    /// row, a digit (without Ctrl) the row of that number if there is one.
    pub fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<ChoiceMsg> {
        if key_match(key, &keys.enter, false) {
            return Some(ChoiceMsg::Choose(self.select.selected()));
        }
        if let KeyCode::Char(c) = key.code
            && !key.modifiers.contains(KeyModifiers::CONTROL)
            && let Some(n) = c.to_digit(10)
        {
            let i = usize::try_from(n).ok()?.checked_sub(1)?;
            return (i < self.select.len()).then_some(ChoiceMsg::Choose(i));
        }
        self.select.on_key(key, keys).map(ChoiceMsg::Move)
    }

    /// Applies `msg`; a chosen row is marked too and its index returned, for
    /// the screen to act on.
    pub fn update(&mut self, msg: ChoiceMsg) -> Option<usize> {
        match msg {
            ChoiceMsg::Move(m) => {
                self.select.update(m);
                None
            }
            ChoiceMsg::Choose(i) => {
                self.select.select(i);
                Some(i)
            }
        }
    }

    /// The text of row `i`: the marker if it is the marked row, its number,
    /// then `label`.
    pub fn row(&self, i: usize, label: &str) -> String {
        let marker = if i == self.select.selected() {
            '▸'
        } else {
            ' '
        };
        format!("{marker} {}  {label}", i + 1)
    }

    /// Draws `rows` (made with [`ChoiceList::row`]) in `area`, the marked
    /// one in reverse video.
    pub fn draw(&self, frame: &mut Frame, area: Rect, rows: &[Line<'_>], theme: &Theme) {
        draw_rows(frame, area, rows, self.select.selected(), theme);
    }

    /// The list's keys for a screen's help: `enter` (what choosing does on
    /// this screen), ↑/↓, and the numbers.
    pub fn help(&self, keys: &KeyList, s: &Strings, enter: KeyHelp) -> Vec<KeyHelp> {
        vec![
            enter,
            move_help(keys, s, s.key_menu_move),
            KeyHelp::keys(&format!("1–{}", self.select.len()), s.key_menu_number),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn a_number_chooses_its_row_at_once_and_enter_the_marked_one() {
        let keys = KeyList::default();
        let mut list = ChoiceList::new(3);
        assert_eq!(
            list.on_key(&key(KeyCode::Char('3')), &keys),
            Some(ChoiceMsg::Choose(2))
        );
        assert_eq!(list.on_key(&key(KeyCode::Char('4')), &keys), None);
        assert_eq!(list.on_key(&key(KeyCode::Char('0')), &keys), None);
        let down = list.on_key(&key(KeyCode::Down), &keys).unwrap();
        assert_eq!(list.update(down), None);
        let enter = list.on_key(&key(KeyCode::Enter), &keys).unwrap();
        assert_eq!(list.update(enter), Some(1));
    }

    #[test]
    fn the_marked_row_carries_the_marker() {
        let mut list = ChoiceList::new(2);
        list.select(1);
        assert_eq!(list.row(0, "Tiền mặt"), "  1  Tiền mặt");
        assert_eq!(list.row(1, "Chuyển khoản"), "▸ 2  Chuyển khoản");
    }
}
