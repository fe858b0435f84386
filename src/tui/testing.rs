//! Helpers for tests of screens: feed keys to an [`App`] and draw it on
//! ratatui's `TestBackend`, as plain text a reviewer can read in a snapshot.
//!
//! Used by `tests/tui_*.rs`; nothing here touches a real terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use crate::tui::App;

/// Draws `app` in a `width`×`height` window and returns the cells.
pub fn render(app: &mut App, width: u16, height: u16) -> Buffer {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| app.draw(frame))
        .expect("drawing on a test terminal");
    terminal.backend().buffer().clone()
}

/// The buffer as lines of text, trailing spaces removed.
pub fn lines(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut x = area.left();
            while x < area.right() {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                // A two-column character covers the next cell.
                x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// What the clerk sees in a `width`×`height` window, as text.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    lines(&render(app, width, height)).join("\n")
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses one key.
pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(key(code));
}

/// Types `text` one character at a time, as a keyboard would.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.handle_key(KeyEvent::new(KeyCode::Char(c), modifiers));
    }
}
