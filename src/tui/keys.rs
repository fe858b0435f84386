//! Key bindings: one struct of defaults ([`KeyList`]) and one way to match a
//! key against a binding ([`key_match`]).
//!
//! Rules every binding follows, checked by the tests below:
//! - every function key has a letter or Ctrl alternative, because PuTTY's
//!   F1–F4 send different sequences depending on its keyboard mode;
//! - Ctrl-H is never a command: PuTTY can be set to send it for Backspace,
//!   so it deletes, like Backspace;
//! - a plain letter (no Ctrl) never acts while the clerk is typing in a text
//!   field: there it is text. `?` is help only outside text fields, and
//!   F1 / Ctrl-T are help everywhere;
//! - the keys that act on a person (pay, receipts, reprint, void, stop) and
//!   the close of the day are function keys, Enter or Ctrl keys, never a
//!   plain letter: on the person's file a letter starts a new search, and
//!   `k` is only ever "không" in a (c/k) question;
//! - letters match in either case (Caps Lock is often on at a counter).
//!
//! This module only knows keys. What a key does on a screen is decided by the
//! screen, which asks `key_match(key, &keys.something, typing)`.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key, possibly with Ctrl.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// Whether this is a plain printable character (text while typing).
    fn is_text(&self) -> bool {
        !self.ctrl && matches!(self.code, KeyCode::Char(_))
    }

    fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl != self.ctrl || event.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        match (self.code, event.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b || a.to_lowercase().eq(b.to_lowercase()),
            (a, b) => a == b,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The keys that do one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding(pub Vec<Key>);

impl Binding {
    fn of(keys: &[Key]) -> Binding {
        Binding(keys.to_vec())
    }
}

impl fmt::Display for Binding {
    /// The keys as a clerk reads them: "F1/?/Ctrl-T".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, key) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("/")?;
            }
            write!(f, "{key}")?;
        }
        Ok(())
    }
}

/// True when `event` is one of `binding`'s keys. While `typing` in a text
/// field, plain characters belong to the field and never match.
pub fn key_match(event: &KeyEvent, binding: &Binding, typing: bool) -> bool {
    binding
        .0
        .iter()
        .any(|key| !(typing && key.is_text()) && key.matches(event))
}

/// One line of a screen's help: which keys, and what they do. With a
/// `short` label it also appears in the key line at the bottom of the screen
/// (with only its first key, to save room).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyHelp {
    /// All the keys, as "F1/?/Ctrl-T".
    pub keys: String,
    /// The first key, for the key line.
    pub first: String,
    /// What the keys do, in a few words.
    pub what: String,
    /// The label in the key line, if it is one of the screen's main keys.
    pub short: Option<String>,
    /// Which keys the key line leaves out first when they do not all fit.
    pub fit: Fit,
}

/// How a key keeps its place in a key line too short for every key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fit {
    /// Left out after [`Fit::Moves`], the last of the line first.
    #[default]
    Normal,
    /// ↑↓ moving a choice: every list moves with them, so they go first.
    Moves,
    /// Help and the way back: never left out.
    Always,
}

impl KeyHelp {
    /// Help for a binding.
    pub fn new(binding: &Binding, what: &str) -> KeyHelp {
        KeyHelp {
            keys: binding.to_string(),
            first: binding.0.first().map(Key::to_string).unwrap_or_default(),
            what: what.to_string(),
            short: None,
            fit: Fit::Normal,
        }
    }

    /// Help for keys that are not one binding (e.g. "1–9").
    pub fn keys(keys: &str, what: &str) -> KeyHelp {
        KeyHelp {
            keys: keys.to_string(),
            first: keys.to_string(),
            what: what.to_string(),
            short: None,
            fit: Fit::Normal,
        }
    }

    /// Also shows these keys in the key line, as `label`.
    pub fn short(mut self, label: &str) -> KeyHelp {
        self.short = Some(label.to_string());
        self
    }

    /// Never left out of the key line (help, the way back).
    pub fn always(mut self) -> KeyHelp {
        self.fit = Fit::Always;
        self
    }

    /// Also shows these keys in the key line, as ↑ and ↓ together ("↑↓")
    /// and `label`.
    pub fn short_up_down(self, keys: &KeyList, label: &str) -> KeyHelp {
        let mut help = self.short(label);
        help.fit = Fit::Moves;
        help.first = format!(
            "{}{}",
            KeyHelp::new(&keys.up, "").first,
            KeyHelp::new(&keys.down, "").first
        );
        help
    }
}

/// Every key binding of chitra, with its defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyList {
    /// Show the keys of the current screen.
    pub help: Binding,
    /// Close a popup or go back one screen (on the first screen: quit, asking).
    pub back: Binding,
    /// Quit chitra, always after asking.
    pub quit: Binding,
    /// Repaint the whole screen (after line noise on a slow link).
    pub repaint: Binding,
    /// Answers to a yes/no question ("c" có, "k" không).
    pub yes: Binding,
    pub no: Binding,
    /// Confirm: open the chosen entry, submit a form.
    pub enter: Binding,
    /// Moving in forms.
    pub next_field: Binding,
    pub prev_field: Binding,
    /// Moving in lists and menus.
    pub up: Binding,
    pub down: Binding,
    pub page_up: Binding,
    pub page_down: Binding,
    /// Editing a text field.
    pub left: Binding,
    pub right: Binding,
    pub home: Binding,
    pub end: Binding,
    pub delete_back: Binding,
    pub delete: Binding,
    pub clear_field: Binding,
    /// Open the main menu from the counter (PIN change, sign-out, …).
    pub menu: Binding,
    /// Start paying the person on screen.
    pub pay: Binding,
    /// Show a receipt of the person's payments.
    pub receipts: Binding,
    /// Print a receipt again, marked "BẢN SAO".
    pub reprint: Binding,
    /// Void a payment (a supervisor approves), from the person's file or a
    /// receipt.
    pub void: Binding,
    /// Stop or resume payment to a person (a supervisor).
    pub status: Binding,
    /// Record the drawer count (after a yes/no question).
    pub record_count: Binding,
    /// Close the day (the supervisor's PIN is asked).
    pub close_day: Binding,
    /// Print the day report.
    pub print_report: Binding,
    /// Show the report of another day.
    pub pick_date: Binding,
    /// Read again (the day report, the drawers) or run again (verify).
    pub refresh: Binding,
    /// Sign out from the screen lock, so that someone else can sign in.
    pub sign_out: Binding,
    /// Read the audit log back (from the data check).
    pub audit_log: Binding,
}

impl Default for KeyList {
    fn default() -> KeyList {
        use KeyCode::*;
        KeyList {
            help: Binding::of(&[Key::plain(F(1)), Key::ch('?'), Key::ctrl('t')]),
            back: Binding::of(&[Key::plain(Esc)]),
            quit: Binding::of(&[Key::ch('q'), Key::ctrl('c')]),
            repaint: Binding::of(&[Key::ctrl('l')]),
            yes: Binding::of(&[Key::ch('c'), Key::ch('y')]),
            no: Binding::of(&[Key::ch('k'), Key::ch('n')]),
            enter: Binding::of(&[Key::plain(Enter)]),
            next_field: Binding::of(&[Key::plain(Tab), Key::plain(Down)]),
            prev_field: Binding::of(&[Key::plain(BackTab), Key::plain(Up)]),
            up: Binding::of(&[Key::plain(Up), Key::ctrl('p')]),
            down: Binding::of(&[Key::plain(Down), Key::ctrl('n')]),
            page_up: Binding::of(&[Key::plain(PageUp)]),
            page_down: Binding::of(&[Key::plain(PageDown)]),
            left: Binding::of(&[Key::plain(Left), Key::ctrl('b')]),
            right: Binding::of(&[Key::plain(Right), Key::ctrl('f')]),
            home: Binding::of(&[Key::plain(Home), Key::ctrl('a')]),
            end: Binding::of(&[Key::plain(End), Key::ctrl('e')]),
            delete_back: Binding::of(&[Key::plain(Backspace), Key::ctrl('h')]),
            delete: Binding::of(&[Key::plain(Delete), Key::ctrl('d')]),
            clear_field: Binding::of(&[Key::ctrl('u')]),
            menu: Binding::of(&[Key::plain(F(2)), Key::ctrl('o')]),
            pay: Binding::of(&[Key::plain(Enter), Key::plain(F(5))]),
            receipts: Binding::of(&[Key::plain(F(6)), Key::ctrl('r')]),
            reprint: Binding::of(&[Key::plain(F(8)), Key::ctrl('y')]),
            void: Binding::of(&[Key::plain(F(9)), Key::ctrl('x')]),
            status: Binding::of(&[Key::plain(F(7)), Key::ctrl('g')]),
            record_count: Binding::of(&[Key::plain(F(10)), Key::ch('g')]),
            close_day: Binding::of(&[Key::plain(F(10)), Key::ctrl('k')]),
            print_report: Binding::of(&[Key::plain(F(8)), Key::ch('i')]),
            pick_date: Binding::of(&[Key::plain(F(3)), Key::ch('d')]),
            refresh: Binding::of(&[Key::plain(F(5)), Key::ch('r')]),
            sign_out: Binding::of(&[Key::plain(F(10)), Key::ctrl('w')]),
            audit_log: Binding::of(&[Key::plain(F(4)), Key::ctrl('v')]),
        }
    }
}

impl KeyList {
    /// Every binding with its field name (for checks and a future key config).
    pub fn all(&self) -> Vec<(&'static str, &Binding)> {
        vec![
            ("help", &self.help),
            ("back", &self.back),
            ("quit", &self.quit),
            ("repaint", &self.repaint),
            ("yes", &self.yes),
            ("no", &self.no),
            ("enter", &self.enter),
            ("next_field", &self.next_field),
            ("prev_field", &self.prev_field),
            ("up", &self.up),
            ("down", &self.down),
            ("page_up", &self.page_up),
            ("page_down", &self.page_down),
            ("left", &self.left),
            ("right", &self.right),
            ("home", &self.home),
            ("end", &self.end),
            ("delete_back", &self.delete_back),
            ("delete", &self.delete),
            ("clear_field", &self.clear_field),
            ("menu", &self.menu),
            ("pay", &self.pay),
            ("receipts", &self.receipts),
            ("reprint", &self.reprint),
            ("void", &self.void),
            ("status", &self.status),
            ("record_count", &self.record_count),
            ("close_day", &self.close_day),
            ("print_report", &self.print_report),
            ("pick_date", &self.pick_date),
            ("refresh", &self.refresh),
            ("sign_out", &self.sign_out),
            ("audit_log", &self.audit_log),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_function_key_has_a_letter_or_ctrl_alternative() {
        for (name, binding) in KeyList::default().all() {
            let has_f = binding.0.iter().any(|k| matches!(k.code, KeyCode::F(_)));
            let has_other = binding.0.iter().any(|k| !matches!(k.code, KeyCode::F(_)));
            assert!(!has_f || has_other, "{name} has only function keys");
        }
    }

    #[test]
    fn what_acts_on_a_person_or_closes_the_day_is_never_a_plain_letter() {
        let keys = KeyList::default();
        for (name, binding) in [
            ("pay", &keys.pay),
            ("receipts", &keys.receipts),
            ("reprint", &keys.reprint),
            ("void", &keys.void),
            ("status", &keys.status),
            ("close_day", &keys.close_day),
        ] {
            assert!(!binding.0.iter().any(Key::is_text), "{name}: {binding}");
        }
        // `k` answers "không" and nothing else.
        let k = ev(KeyCode::Char('k'), KeyModifiers::NONE);
        for (name, binding) in keys.all() {
            assert_eq!(key_match(&k, binding, false), name == "no", "{name}");
        }
    }

    #[test]
    fn ctrl_h_is_backspace_and_never_a_command() {
        let keys = KeyList::default();
        let ctrl_h = ev(KeyCode::Char('h'), KeyModifiers::CONTROL);
        for (name, binding) in keys.all() {
            assert_eq!(
                key_match(&ctrl_h, binding, true),
                name == "delete_back",
                "{name}"
            );
        }
    }

    #[test]
    fn question_mark_is_help_only_outside_text_fields() {
        let keys = KeyList::default();
        let q = ev(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert!(key_match(&q, &keys.help, false));
        assert!(!key_match(&q, &keys.help, true));
        let f1 = ev(KeyCode::F(1), KeyModifiers::NONE);
        let ctrl_t = ev(KeyCode::Char('t'), KeyModifiers::CONTROL);
        assert!(key_match(&f1, &keys.help, true));
        assert!(key_match(&ctrl_t, &keys.help, true));
    }

    #[test]
    fn letters_match_with_caps_lock_but_not_with_ctrl() {
        let keys = KeyList::default();
        assert!(key_match(
            &ev(KeyCode::Char('Q'), KeyModifiers::SHIFT),
            &keys.quit,
            false
        ));
        assert!(key_match(
            &ev(KeyCode::Char('C'), KeyModifiers::NONE),
            &keys.yes,
            false
        ));
        assert!(!key_match(
            &ev(KeyCode::Char('k'), KeyModifiers::CONTROL),
            &keys.no,
            false
        ));
        assert!(key_match(
            &ev(KeyCode::Char('c'), KeyModifiers::CONTROL),
            &keys.quit,
            true
        ));
    }

    #[test]
    fn bindings_read_as_a_clerk_would_say_them() {
        let keys = KeyList::default();
        assert_eq!(keys.help.to_string(), "F1/?/Ctrl-T");
        assert_eq!(keys.prev_field.to_string(), "Shift-Tab/↑");
        assert_eq!(keys.quit.to_string(), "q/Ctrl-C");
    }
}
