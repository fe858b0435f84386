//! Where "now" comes from. The program uses the office's clock: the system
//! time read in the office's time zone (`office.time_zone` in the
//! configuration), never the zone of the process environment (`TZ`), so a
//! clerk whose session carries another zone still records the office's day.
//! Tests use a clock they can set, so that windows and closed days can be
//! tested.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::config::Config;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<FixedOffset>;

    /// Today's date in the office's time zone.
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// The system time in the office's time zone.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    zone: Tz,
}

impl SystemClock {
    /// The system time in `zone`.
    pub fn new(zone: Tz) -> SystemClock {
        SystemClock { zone }
    }

    /// The system time in the configured office time zone.
    pub fn for_office(config: &Config) -> SystemClock {
        SystemClock::new(config.office.zone())
    }
}

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Utc::now().with_timezone(&self.zone).fixed_offset()
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

/// How times are written in the database: the office's time with its
/// offset, to the second ("2026-11-28T15:04:05+07:00"). The first ten characters are
/// the business day.
pub fn stamp(t: DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_clock_reads_the_office_zone_not_the_process_one() {
        let saigon = SystemClock::new(chrono_tz::Asia::Ho_Chi_Minh).now();
        assert_eq!(saigon.offset().local_minus_utc(), 7 * 3600);
        let fiji = SystemClock::new(chrono_tz::Pacific::Fiji).now();
        assert!(fiji.offset().local_minus_utc() >= 12 * 3600);
    }
}
