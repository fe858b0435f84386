//! Reading the keyboard: events in batches, so that keys a fast typist (or a
//! slow link) delivered together are all handled before one redraw.
//!
//! There is no tick timer: the program sleeps in `read` until the clerk
//! presses a key or the window is resized. Nothing here writes to the
//! terminal or asks it anything.

use std::io;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};

/// Most events handled before a redraw, so a flood (a long paste) still
/// shows progress.
const MAX_BATCH: usize = 256;

/// Waits for the next event, then takes every event already waiting.
pub fn read_batch() -> io::Result<Vec<Event>> {
    let mut batch = vec![event::read()?];
    while batch.len() < MAX_BATCH && event::poll(Duration::ZERO)? {
        batch.push(event::read()?);
    }
    Ok(batch)
}

/// Like [`read_batch`], but gives up after `wait` with no event (while a
/// print runs, so its outcome is drawn when it comes).
pub fn read_batch_within(wait: Duration) -> io::Result<Vec<Event>> {
    if event::poll(wait)? {
        read_batch()
    } else {
        Ok(Vec::new())
    }
}

/// Esc followed at once by a key reaches crossterm as one Alt+key (the two
/// bytes came in one packet). chitra binds nothing to Alt, so such a key is
/// taken as what the clerk typed: Esc, then the key.
pub fn split_alt(key: KeyEvent) -> Vec<KeyEvent> {
    if !key.modifiers.contains(KeyModifiers::ALT) {
        return vec![key];
    }
    let mut plain = key;
    plain.modifiers.remove(KeyModifiers::ALT);
    let mut esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    esc.kind = key.kind;
    vec![esc, plain]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_and_a_key_that_arrived_together_are_two_keys() {
        let alt_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
        assert_eq!(
            split_alt(alt_q),
            [
                KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)
            ]
        );
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(split_alt(q), [q]);
    }
}
