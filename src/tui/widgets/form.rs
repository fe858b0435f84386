//! A form: several labelled one-line fields, one under the other.
//!
//! Tab or ↓ moves to the next field, Shift-Tab or ↑ to the previous one
//! (both wrap). Enter moves to the next field, and on the last field submits
//! the form: a clerk can fill a form top to bottom with Enter alone. The
//! form only collects text; the screen that owns it checks and uses the
//! values when it receives [`FormMsg::Submit`], and may move the focus to
//! the field that needs correcting ([`Form::focus`]).
//!
//! A row looks like `▸ Tên đăng nhập : [lan.nguyen          ]`; the focused
//! field is marked by "▸", a bold label and the cursor, so it is clear in
//! monochrome.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::fit::{fit, width};
use super::input::{Input, InputMsg};
use crate::i18n::strings::Strings;
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::theme::Theme;

/// One labelled field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub input: Input,
    /// Columns for the value (fewer if the screen is narrower).
    width: u16,
}

impl Field {
    /// A field `label` for `input`, 30 columns wide.
    pub fn new(label: &str, input: Input) -> Field {
        Field {
            label: label.to_string(),
            input,
            width: 30,
        }
    }

    /// Sets the value's width in columns.
    pub fn width(mut self, columns: u16) -> Field {
        self.width = columns;
        self
    }
}

/// What a key does to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormMsg {
    /// An edit of the focused field.
    Edit(InputMsg),
    Next,
    Prev,
    /// Enter on the last field: the screen checks and uses the values.
    Submit,
}

/// Labelled fields with one focused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    fields: Vec<Field>,
    focus: usize,
}

impl Form {
    /// A form of `fields` (at least one), the first focused.
    pub fn new(fields: Vec<Field>) -> Form {
        assert!(!fields.is_empty(), "a form needs a field");
        Form { fields, focus: 0 }
    }

    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The index of the focused field.
    pub fn focused(&self) -> usize {
        self.focus
    }

    /// Moves the focus to field `i`.
    pub fn focus(&mut self, i: usize) {
        self.focus = i.min(self.fields.len() - 1);
    }

    pub fn value(&self, i: usize) -> &str {
        self.fields[i].input.value()
    }

    pub fn clear(&mut self, i: usize) {
        self.fields[i].input.clear();
    }

    /// Puts `value` in field `i` (a value the screen can tell for the user).
    pub fn set_value(&mut self, i: usize, value: &str) {
        self.fields[i].input.set_value(value);
    }

    /// The value of field `i`, leaving the field empty (a PIN once used).
    pub fn take(&mut self, i: usize) -> String {
        let value = self.value(i).to_string();
        self.clear(i);
        value
    }

    pub fn input(&self, i: usize) -> &Input {
        &self.fields[i].input
    }

    /// The first empty field, if any.
    pub fn first_empty(&self) -> Option<usize> {
        self.fields
            .iter()
            .position(|f| f.input.value().trim().is_empty())
    }

    /// Rows needed to draw the form.
    pub fn height(&self) -> u16 {
        u16::try_from(self.fields.len()).unwrap_or(u16::MAX)
    }

    /// What `key` does to the form, if anything.
    pub fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<FormMsg> {
        if key_match(key, &keys.enter, true) {
            Some(if self.focus + 1 == self.fields.len() {
                FormMsg::Submit
            } else {
                FormMsg::Next
            })
        } else if key_match(key, &keys.next_field, true) {
            Some(FormMsg::Next)
        } else if key_match(key, &keys.prev_field, true) {
            Some(FormMsg::Prev)
        } else {
            self.fields[self.focus]
                .input
                .on_key(key, keys)
                .map(FormMsg::Edit)
        }
    }

    pub fn update(&mut self, msg: FormMsg) {
        let n = self.fields.len();
        match msg {
            FormMsg::Edit(edit) => self.fields[self.focus].input.update(edit),
            FormMsg::Next => self.focus = (self.focus + 1) % n,
            FormMsg::Prev => self.focus = (self.focus + n - 1) % n,
            FormMsg::Submit => {}
        }
    }

    /// Draws one field per row from the top of `area`; the terminal cursor
    /// goes into the focused field when `show_cursor`.
    pub fn draw(&self, frame: &mut Frame, area: Rect, theme: &Theme, show_cursor: bool) {
        let label_w = self
            .fields
            .iter()
            .map(|f| width(&f.label))
            .max()
            .unwrap_or(0);
        for (i, field) in self.fields.iter().enumerate() {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
            if y >= area.bottom() {
                break;
            }
            let focused = i == self.focus;
            let label_style = if focused {
                theme.heading()
            } else {
                theme.text()
            };
            let marker = if focused { "▸ " } else { "  " };
            let label = fit(&field.label, label_w);
            let pad = " ".repeat(label_w - width(&label));
            let buf = frame.buffer_mut();
            let head = format!("{marker}{label}{pad}");
            let (x, _) = buf.set_stringn(area.x, y, &head, usize::from(area.width), label_style);
            let room = usize::from(area.right().saturating_sub(x));
            let (x, _) = buf.set_stringn(x, y, " : [", room, theme.text());
            // The value, then the closing bracket.
            let room = area.right().saturating_sub(x).saturating_sub(1);
            let value_w = field.width.min(room);
            let value_area = Rect::new(x, y, value_w, 1);
            buf.set_stringn(x + value_w, y, "]", 1, theme.text());
            field
                .input
                .draw(frame, value_area, theme.text(), show_cursor && focused);
        }
    }
}

/// The keys of a form, for a screen's help.
pub fn help(keys: &KeyList, s: &Strings) -> Vec<KeyHelp> {
    let mut out = vec![
        KeyHelp::new(&keys.enter, s.key_form_enter),
        KeyHelp::new(&keys.next_field, s.key_next_field),
        KeyHelp::new(&keys.prev_field, s.key_prev_field),
    ];
    out.extend(super::input::help(keys, s));
    out
}

/// The keys of a form, for a screen's help, with Enter (as `submit`, what
/// it does on the last field) and Tab also in the key line.
pub fn help_submit(keys: &KeyList, s: &Strings, submit: &str) -> Vec<KeyHelp> {
    let mut out = help(keys, s);
    out[0].short = Some(submit.to_string());
    out[1].short = Some(s.short_next.to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn form() -> Form {
        Form::new(vec![
            Field::new("Họ tên", Input::new()),
            Field::new("Số CCCD", Input::new().digits()),
            Field::new("Quan hệ", Input::new()),
        ])
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn press(f: &mut Form, code: KeyCode) -> Option<FormMsg> {
        let msg = f.on_key(&key(code), &KeyList::default());
        if let Some(m) = msg {
            f.update(m);
        }
        msg
    }

    #[test]
    fn enter_walks_down_the_form_and_submits_on_the_last_field() {
        let mut f = form();
        for c in "Lê Văn Tám".chars() {
            press(&mut f, KeyCode::Char(c));
        }
        assert_eq!(press(&mut f, KeyCode::Enter), Some(FormMsg::Next));
        for c in "0123".chars() {
            press(&mut f, KeyCode::Char(c));
        }
        press(&mut f, KeyCode::Enter);
        assert_eq!(f.focused(), 2);
        assert_eq!(press(&mut f, KeyCode::Enter), Some(FormMsg::Submit));
        assert_eq!((f.value(0), f.value(1)), ("Lê Văn Tám", "0123"));
        assert_eq!(f.first_empty(), Some(2));
    }

    #[test]
    fn tab_and_arrows_move_and_wrap() {
        let mut f = form();
        press(&mut f, KeyCode::BackTab);
        assert_eq!(f.focused(), 2);
        press(&mut f, KeyCode::Tab);
        assert_eq!(f.focused(), 0);
        press(&mut f, KeyCode::Down);
        press(&mut f, KeyCode::Down);
        press(&mut f, KeyCode::Up);
        assert_eq!(f.focused(), 1);
    }

    #[test]
    fn letters_typed_in_a_digit_field_are_not_the_forms() {
        let mut f = form();
        f.focus(1);
        assert_eq!(press(&mut f, KeyCode::Char('x')), None);
        assert_eq!(f.value(1), "");
    }
}
