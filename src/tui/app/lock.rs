//! The screen lock's side of the app: when a signed-in screen has waited
//! long enough for a key, [`App::tick`] puts
//! [`crate::tui::screens::lock::Lock`] over the stack. What becomes of
//! each screen under it is the screen's to say ([`OnLock`]).

use std::time::{Duration, Instant};

use super::App;
use crate::tui::screens::OnLock;
use crate::tui::screens::lock::Lock;

impl App {
    /// How long until the screen locks, if the keyboard rests from `now`
    /// on: `None` when nothing would lock (no one signed in, already locked,
    /// locking turned off).
    pub fn lock_due_in(&self, now: Instant) -> Option<Duration> {
        if self.session.is_none() || self.quit || self.locked() {
            return None;
        }
        let rested = now.saturating_duration_since(self.last_key);
        let after = self.service.config().interface.lock_after()?;
        Some(after.saturating_sub(rested))
    }

    /// The clock moved to `now`: locks the screen if the keyboard has
    /// rested long enough. True when it locked.
    pub fn tick(&mut self, now: Instant) -> bool {
        if self.lock_due_in(now) != Some(Duration::ZERO) {
            return false;
        }
        self.lock();
        true
    }

    /// True while the screen lock is up.
    pub fn locked(&self) -> bool {
        self.stack.iter().any(|s| s.on_lock() == OnLock::IsLock)
    }

    /// Puts the lock over everything: help and questions close, a payment
    /// being made closes with every screen above it (recorded or not: the
    /// lock says which), the message line empties (it may name the last
    /// person paid).
    fn lock(&mut self) {
        self.overlay = None;
        self.message = None;
        let dropped = match self
            .stack
            .iter()
            .position(|s| matches!(s.on_lock(), OnLock::Drop | OnLock::Close))
        {
            Some(first) => {
                let removed = self.stack.split_off(first.max(1));
                // A flow that reached its done screen was recorded.
                removed.iter().any(|s| s.on_lock() == OnLock::Drop)
                    && !removed.iter().any(|s| s.on_lock() == OnLock::Close)
            }
            None => false,
        };
        let minutes = self.service.config().interface.lock_after_minutes;
        let at = self.service.now().format("%H:%M").to_string();
        self.stack
            .push(Box::new(Lock::new(self.lang(), at, minutes, dropped)));
    }
}
