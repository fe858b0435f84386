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

/// Which of a numbered list's rows is marked, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChoiceList {
    select: Select,
    /// False while no row is marked (a list whose usual choice cannot be
    /// taken now): Enter chooses nothing until the clerk moves or types a
    /// number.
    marked: bool,
}

impl Default for ChoiceList {
    fn default() -> ChoiceList {
        ChoiceList::new(0)
    }
}

impl ChoiceList {
    /// A list of `len` rows, the first marked.
    pub fn new(len: usize) -> ChoiceList {
        ChoiceList {
            select: Select::new(len),
            marked: true,
        }
    }

    /// A list of `len` rows with none marked; the first arrow key marks
    /// row `near`.
    pub fn unmarked(len: usize, near: usize) -> ChoiceList {
        let mut list = ChoiceList {
            select: Select::new(len),
            marked: false,
        };
        list.select.select(near);
        list
    }

    /// The marked row.
    pub fn selected(&self) -> usize {
        self.select.selected()
    }

    /// Whether a row is marked.
    pub fn is_marked(&self) -> bool {
        self.marked
    }

    /// Marks row `i` (kept within the list).
    pub fn select(&mut self, i: usize) {
        self.select.select(i);
        self.marked = true;
    }

    /// What `key` does to the list, if anything: Enter chooses the marked
    /// row (nothing when none is), a digit (without Ctrl) the row of that
    /// number if there is one.
    pub fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<ChoiceMsg> {
        if key_match(key, &keys.enter, false) {
            return self
                .marked
                .then_some(ChoiceMsg::Choose(self.select.selected()));
        }
        if let KeyCode::Char(c) = key.code
            && !key.modifiers.contains(KeyModifiers::CONTROL)
            && let Some(n) = c.to_digit(10)
        {
            // 1–9 choose rows 1–9, and 0 the tenth, as on a phone's keypad.
            let i = match n {
                0 => 9,
                n => usize::try_from(n).ok()? - 1,
            };
            return (i < self.select.len()).then_some(ChoiceMsg::Choose(i));
        }
        self.select.on_key(key, keys).map(ChoiceMsg::Move)
    }

    /// Applies `msg`; a chosen row is marked too and its index returned, for
    /// the screen to act on.
    pub fn update(&mut self, msg: ChoiceMsg) -> Option<usize> {
        match msg {
            ChoiceMsg::Move(m) => {
                // The first move only shows where the marker is.
                if self.marked {
                    self.select.update(m);
                }
                self.marked = true;
                None
            }
            ChoiceMsg::Choose(i) => {
                self.select(i);
                Some(i)
            }
        }
    }

    /// The text of row `i`: the marker if it is the marked row, its number,
    /// then `label`.
    pub fn row(&self, i: usize, label: &str) -> String {
        let marker = if self.marked && i == self.select.selected() {
            '▸'
        } else {
            ' '
        };
        let number = match i {
            0..=8 => char::from(b'1' + i as u8),
            9 => '0',
            _ => ' ',
        };
        format!("{marker} {number}  {label}")
    }

    /// Draws `rows` (made with [`ChoiceList::row`]) in `area`, the marked
    /// one in reverse video.
    pub fn draw(&self, frame: &mut Frame, area: Rect, rows: &[Line<'_>], theme: &Theme) {
        if self.marked {
            draw_rows(frame, area, rows, self.select.selected(), theme);
            return;
        }
        let buf = frame.buffer_mut();
        for (row, y) in rows.iter().zip(area.y..area.bottom()) {
            buf.set_line(area.x, y, row, area.width);
        }
    }

    /// The list's keys for a screen's help: `enter` (what choosing does on
    /// this screen), ↑/↓, and the numbers.
    pub fn help(&self, keys: &KeyList, s: &Strings, enter: KeyHelp) -> Vec<KeyHelp> {
        vec![
            enter,
            move_help(keys, s, s.key_menu_move),
            KeyHelp::keys(
                &match self.select.len() {
                    n @ 0..=9 => format!("1–{n}"),
                    _ => "1–9, 0".to_string(),
                },
                s.key_menu_number,
            ),
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
    fn zero_chooses_the_tenth_row_and_is_shown_as_its_number() {
        let keys = KeyList::default();
        let list = ChoiceList::new(10);
        assert_eq!(
            list.on_key(&key(KeyCode::Char('0')), &keys),
            Some(ChoiceMsg::Choose(9))
        );
        assert_eq!(list.row(9, "Tháng"), "  0  Tháng");
        assert_eq!(list.row(8, "Chi tại nhà"), "  9  Chi tại nhà");
    }

    #[test]
    fn an_unmarked_list_chooses_nothing_on_enter_until_a_key_marks_a_row() {
        let keys = KeyList::default();
        let mut list = ChoiceList::unmarked(4, 0);
        assert_eq!(list.on_key(&key(KeyCode::Enter), &keys), None);
        assert_eq!(list.row(0, "Tiền mặt"), "  1  Tiền mặt");
        let down = list.on_key(&key(KeyCode::Down), &keys).unwrap();
        assert_eq!(list.update(down), None);
        assert_eq!(
            list.row(0, "Tiền mặt"),
            "▸ 1  Tiền mặt",
            "marked, not moved"
        );
        let enter = list.on_key(&key(KeyCode::Enter), &keys).unwrap();
        assert_eq!(list.update(enter), Some(0));
        // A number chooses at once, marked or not.
        let mut list = ChoiceList::unmarked(4, 0);
        let three = list.on_key(&key(KeyCode::Char('3')), &keys).unwrap();
        assert_eq!(list.update(three), Some(2));
        assert!(list.is_marked());
    }

    #[test]
    fn the_marked_row_carries_the_marker() {
        let mut list = ChoiceList::new(2);
        list.select(1);
        assert_eq!(list.row(0, "Tiền mặt"), "  1  Tiền mặt");
        assert_eq!(list.row(1, "Chuyển khoản"), "▸ 2  Chuyển khoản");
    }
}
