//! A one-line text field: the cursor, editing keys, Vietnamese text and a
//! masked mode for PINs.
//!
//! Any printable Unicode character can be typed: a Vietnamese IME (Unikey,
//! EVKey) sends composed letters, or a letter then a combining mark, or
//! Backspace and the corrected letter; all of these end up as NFC text.
//! Control, bidi and invisible characters never enter the field. The field
//! scrolls sideways by display width, so the cursor always stays visible.
//!
//! The field does not validate its value (the service does) and does not
//! draw its label or frame (that is [`super::form`]).
//!
//! Like a screen, it turns a key into a message ([`Input::on_key`]), then
//! applies it ([`Input::update`]); drawing only reads it.
//!
//! The whole value can be selected ([`Input::select_all`], drawn in
//! reverse video): then the next character typed (or a card scanned)
//! replaces it; an editing or cursor key (Backspace, ←…) keeps it, ends the
//! selection and edits as usual.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use crate::i18n::strings::Strings;
use crate::text::normalize::{CharClass, char_class};
use crate::text::{for_display, nfc};
use crate::tui::keys::{KeyHelp, KeyList, key_match};

/// What a field lets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// Any printable text; any kind of space is typed as one ASCII space.
    Text,
    /// ASCII digits only (PINs, ID numbers).
    Digits,
}

/// An edit to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMsg {
    Insert(char),
    DeleteBack,
    Delete,
    Left,
    Right,
    Home,
    End,
    Clear,
}

/// A one-line text field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    text: String,
    /// The cursor, in `char`s from the start of `text`.
    cursor: usize,
    masked: bool,
    accept: Accept,
    max_chars: usize,
    /// The whole value is selected: typing replaces it.
    selected: bool,
}

impl Default for Input {
    fn default() -> Input {
        Input::new()
    }
}

impl Input {
    /// An empty field for text, up to 100 characters.
    pub fn new() -> Input {
        Input {
            text: String::new(),
            cursor: 0,
            masked: false,
            accept: Accept::Text,
            max_chars: 100,
            selected: false,
        }
    }

    /// Shows `*` for every character (PINs).
    pub fn masked(mut self) -> Input {
        self.masked = true;
        self
    }

    /// Lets in digits only.
    pub fn digits(mut self) -> Input {
        self.accept = Accept::Digits;
        self
    }

    /// Lets in at most `n` characters.
    pub fn max_chars(mut self, n: usize) -> Input {
        self.max_chars = n;
        self
    }

    pub fn value(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the value (keeping only what the field lets in) and puts the
    /// cursor at the end.
    pub fn set_value(&mut self, value: &str) {
        self.clear();
        for c in value.chars() {
            self.update(InputMsg::Insert(c));
        }
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.selected = false;
    }

    /// Selects the whole value (if any), the cursor at its end: what is
    /// typed next replaces it.
    pub fn select_all(&mut self) {
        self.selected = !self.text.is_empty();
        self.cursor = self.len();
    }

    /// Whether the whole value is selected.
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// What `key` does to this field, if anything.
    pub fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<InputMsg> {
        let msg = if key_match(key, &keys.delete_back, true) {
            InputMsg::DeleteBack
        } else if key_match(key, &keys.delete, true) {
            InputMsg::Delete
        } else if key_match(key, &keys.left, true) {
            InputMsg::Left
        } else if key_match(key, &keys.right, true) {
            InputMsg::Right
        } else if key_match(key, &keys.home, true) {
            InputMsg::Home
        } else if key_match(key, &keys.end, true) {
            InputMsg::End
        } else if key_match(key, &keys.clear_field, true) {
            InputMsg::Clear
        } else {
            match key.code {
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                        && self.lets_in(c) =>
                {
                    InputMsg::Insert(c)
                }
                _ => return None,
            }
        };
        Some(msg)
    }

    fn lets_in(&self, c: char) -> bool {
        match self.accept {
            Accept::Digits => c.is_ascii_digit(),
            Accept::Text => {
                matches!(char_class(c), CharClass::Text | CharClass::Space) && !c.is_control()
            }
        }
    }

    /// The byte offset of the cursor.
    fn cursor_byte(&self) -> usize {
        self.text
            .char_indices()
            .nth(self.cursor)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    pub fn update(&mut self, msg: InputMsg) {
        if std::mem::take(&mut self.selected) && matches!(msg, InputMsg::Insert(_)) {
            self.clear();
        }
        match msg {
            InputMsg::Insert(c) => self.insert(c),
            InputMsg::DeleteBack => {
                if self.cursor > 0 {
                    self.cursor -= 1;
                    let at = self.cursor_byte();
                    self.text.remove(at);
                }
            }
            InputMsg::Delete => {
                if self.cursor < self.len() {
                    let at = self.cursor_byte();
                    self.text.remove(at);
                }
            }
            InputMsg::Left => self.cursor = self.cursor.saturating_sub(1),
            InputMsg::Right => self.cursor = (self.cursor + 1).min(self.len()),
            InputMsg::Home => self.cursor = 0,
            InputMsg::End => self.cursor = self.len(),
            InputMsg::Clear => self.clear(),
        }
    }

    fn insert(&mut self, c: char) {
        if !self.lets_in(c) || self.len() >= self.max_chars {
            return;
        }
        let c = if c.is_whitespace() { ' ' } else { c };
        let at = self.cursor_byte();
        let mut before = self.text[..at].to_string();
        before.push(c);
        // A combining mark typed after its letter joins it (NFC), so the
        // cursor never lands between a letter and its mark.
        let before = nfc(&before);
        self.cursor = before.chars().count();
        self.text = before + &self.text[at..];
    }

    /// The text as shown: `*`s when masked, harmless characters otherwise.
    fn shown(&self) -> String {
        if self.masked {
            "*".repeat(self.len())
        } else {
            for_display(&self.text).into_owned()
        }
    }

    /// Draws the value in `area` (its first row), scrolled so the cursor is
    /// visible; places the terminal cursor there when `show_cursor`.
    pub fn draw(&self, frame: &mut Frame, area: Rect, style: Style, show_cursor: bool) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let shown = self.shown();
        let (visible, cursor_x) = window(&shown, self.cursor, usize::from(area.width));
        let style = if self.selected {
            style.add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            style
        };
        frame
            .buffer_mut()
            .set_stringn(area.x, area.y, &visible, usize::from(area.width), style);
        if show_cursor {
            let x = area
                .x
                .saturating_add(u16::try_from(cursor_x).unwrap_or(u16::MAX));
            frame.set_cursor_position(Position::new(x.min(area.right() - 1), area.y));
        }
    }
}

/// The part of `shown` that fits in `width` columns with the cursor (at
/// char `cursor`) visible, and the cursor's column within it.
fn window(shown: &str, cursor: usize, width: usize) -> (String, usize) {
    let widths: Vec<usize> = shown.chars().map(|c| c.width().unwrap_or(0)).collect();
    let cursor = cursor.min(widths.len());
    let before: usize = widths[..cursor].iter().sum();
    // Leave one column for the cursor itself.
    let mut start = 0;
    let mut span = before;
    while span >= width && start < cursor {
        span -= widths[start];
        start += 1;
    }
    let mut used = 0;
    let visible: String = shown
        .chars()
        .zip(&widths)
        .skip(start)
        .take_while(|(_, w)| {
            used += **w;
            used <= width
        })
        .map(|(c, _)| c)
        .collect();
    (visible, span)
}

/// The editing keys of a text field, for a screen's help.
pub fn help(keys: &KeyList, s: &Strings) -> Vec<KeyHelp> {
    vec![
        KeyHelp::keys(&format!("{}/{}", keys.left, keys.right), s.key_cursor_side),
        KeyHelp::keys(&format!("{}/{}", keys.home, keys.end), s.key_cursor_ends),
        KeyHelp::new(&keys.delete_back, s.key_delete_back),
        KeyHelp::new(&keys.delete, s.key_delete_here),
        KeyHelp::new(&keys.clear_field, s.key_clear),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(input: &mut Input, s: &str) {
        for c in s.chars() {
            input.update(InputMsg::Insert(c));
        }
    }

    #[test]
    fn a_letter_then_its_combining_mark_becomes_one_letter() {
        let mut i = Input::new();
        typed(&mut i, "Nguye\u{0302}\u{0303}n");
        assert_eq!(i.value(), "Nguyễn");
        assert_eq!(i.cursor(), 6);
    }

    #[test]
    fn ime_backspace_and_replace_edits_in_the_middle() {
        let mut i = Input::new();
        typed(&mut i, "Lan");
        i.update(InputMsg::Left);
        i.update(InputMsg::DeleteBack);
        typed(&mut i, "â");
        assert_eq!(i.value(), "Lân");
        i.update(InputMsg::Home);
        i.update(InputMsg::Delete);
        assert_eq!(i.value(), "ân");
        i.update(InputMsg::End);
        assert_eq!(i.cursor(), 2);
        i.update(InputMsg::Clear);
        assert!(i.is_empty());
    }

    #[test]
    fn a_selected_value_is_replaced_by_what_is_typed_next() {
        let mut i = Input::new();
        typed(&mut i, "nguyen van bay");
        i.select_all();
        assert!(i.is_selected());
        typed(&mut i, "046093226280");
        assert_eq!(i.value(), "046093226280");
        assert!(!i.is_selected());
        // Backspace or a cursor key keeps it, to correct it.
        i.select_all();
        i.update(InputMsg::DeleteBack);
        assert_eq!(i.value(), "04609322628");
        i.clear();
        typed(&mut i, "an");
        i.select_all();
        i.update(InputMsg::Left);
        typed(&mut i, "x");
        assert_eq!(i.value(), "axn");
        // Nothing to select in an empty field.
        i.clear();
        i.select_all();
        assert!(!i.is_selected());
    }

    #[test]
    fn control_and_bidi_characters_never_enter_the_field() {
        let mut i = Input::new();
        typed(&mut i, "a\u{1b}[2J\u{202E}\u{7}b\u{A0}c\u{200B}");
        assert_eq!(i.value(), "a[2Jb c");
    }

    #[test]
    fn digit_fields_and_length_limits() {
        let mut i = Input::new().digits().max_chars(4);
        typed(&mut i, "12a345");
        assert_eq!(i.value(), "1234");
        i.set_value("9 8-7x6");
        assert_eq!((i.value(), i.cursor()), ("9876", 4));
    }

    #[test]
    fn the_window_keeps_the_cursor_visible() {
        assert_eq!(window("abcdef", 6, 4), ("def".to_string(), 3));
        assert_eq!(window("abcdef", 0, 4), ("abcd".to_string(), 0));
        assert_eq!(window("abcdef", 2, 4), ("abcd".to_string(), 2));
        // Two-column characters count as two.
        assert_eq!(window("漢字漢字", 4, 5), ("漢字".to_string(), 4));
    }

    #[test]
    fn ctrl_letters_edit_and_never_insert() {
        let keys = KeyList::default();
        let i = Input::new();
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(i.on_key(&ctrl('u'), &keys), Some(InputMsg::Clear));
        assert_eq!(i.on_key(&ctrl('h'), &keys), Some(InputMsg::DeleteBack));
        assert_eq!(i.on_key(&ctrl('x'), &keys), None);
        let shift_a = KeyEvent::new(KeyCode::Char('Ầ'), KeyModifiers::SHIFT);
        assert_eq!(i.on_key(&shift_a, &keys), Some(InputMsg::Insert('Ầ')));
    }
}
