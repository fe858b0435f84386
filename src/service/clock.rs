//! Where "now" comes from. The program uses the system's local time; tests
//! use a clock they can set, so that windows and closed days can be tested.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset, Local, NaiveDate};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<FixedOffset>;

    /// Today's date, local time.
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// The system's local time.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// A clock that stays where it is set (for tests).
#[derive(Clone)]
pub struct FixedClock(Arc<Mutex<DateTime<FixedOffset>>>);

impl FixedClock {
    /// `at` in RFC 3339, e.g. "2026-11-10T09:00:00+07:00".
    pub fn at(at: &str) -> FixedClock {
        FixedClock(Arc::new(Mutex::new(
            DateTime::parse_from_rfc3339(at).expect("a valid RFC 3339 time"),
        )))
    }

    pub fn set(&self, at: &str) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) =
            DateTime::parse_from_rfc3339(at).expect("a valid RFC 3339 time");
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// How times are written in the database: local time with its offset, to
/// the second ("2026-11-28T15:04:05+07:00"). The first ten characters are
/// the business day.
pub fn stamp(t: DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}
