//! The demo office's counter days, walked in order as a real office works
//! them: a clerk's drawer is opened with a float when the first person of
//! the day comes to pay in cash at their counter; before a clerk pays more
//! cash than their drawer holds, the supervisor issues more; in the evening
//! each clerk counts their drawer and the supervisor closes the day, before
//! the next day starts. Today every drawer is floated in the morning, so
//! whoever signs in can pay at once.
//!
//! The till keeps the cash each drawer physically holds, as its clerk knows
//! it, and the clerks count exactly that — once, the first drawer counted
//! is short by a small sum and its clerk says why, so the reports have a
//! difference with its reason to show. The service computes what each drawer
//! should hold on its own; a count that disagreed with it would block the
//! close.
//!
//! Not here: who comes when and how they are paid (`office`).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::Money;
use crate::domain::report::MoveKind;
use crate::service::clock::stamp;
use crate::service::{Error, FixedClock, Service, Session};

/// The opening float of each drawer.
pub const FLOAT: i64 = 30_000_000;

/// Cash is issued in multiples of this, enough to cover the payment at hand.
pub const ISSUE_STEP: i64 = 10_000_000;

/// What the first drawer counted is short, and why.
const SHORT: (i64, &str) = (
    20_000,
    "Trả thừa 20.000 đ cho một người nhận do nhầm tờ tiền; đã báo trưởng bưu cục",
);

/// A member of staff at the counter: their session and PIN.
pub struct Staff {
    pub session: Session,
    pub pin: String,
}

/// The counter days walked so far.
pub struct Till<'a> {
    clock: &'a FixedClock,
    /// The supervisor, first; then the clerks.
    staff: &'a [Staff],
    /// Nothing happens after this moment.
    now: DateTime<FixedOffset>,
    /// The day whose counter is open, if any.
    day: Option<NaiveDate>,
    /// The cash in each drawer of that day (by staff index); `None` for a
    /// drawer not opened that day.
    cash: Vec<Option<Money>>,
    /// Whether anything was recorded on that day: a day with nothing is
    /// not closed.
    active: bool,
    closed: usize,
    /// Whether a count was short already.
    was_short: bool,
}

impl<'a> Till<'a> {
    pub fn new(clock: &'a FixedClock, staff: &'a [Staff], now: DateTime<FixedOffset>) -> Self {
        Till {
            clock,
            staff,
            now,
            day: None,
            cash: vec![None; staff.len()],
            active: false,
            closed: 0,
            was_short: false,
        }
    }

    /// The session of staff member `who`.
    pub fn session(&self, who: usize) -> &Session {
        &self.staff[who].session
    }

    /// How many days were closed.
    pub fn closed(&self) -> usize {
        self.closed
    }

    /// Moves the office to `at`: the day open before is counted and closed.
    /// On the day of `now` every drawer is floated at 07:15 (or at `at` if
    /// earlier).
    pub fn go_to(&mut self, svc: &mut Service, at: DateTime<FixedOffset>) -> Result<(), Error> {
        let day = at.date_naive();
        if self.day != Some(day) {
            self.close_day(svc)?;
            self.day = Some(day);
            if day == self.now.date_naive() {
                self.set(at_time(day, 7, 15, at).min(at));
                for who in 0..self.staff.len() {
                    self.open_drawer(svc, who)?;
                }
            }
        }
        self.set(at);
        Ok(())
    }

    /// Opens staff member `who`'s drawer with its float, unless it is open.
    fn open_drawer(&mut self, svc: &mut Service, who: usize) -> Result<Money, Error> {
        if let Some(held) = self.cash[who] {
            return Ok(held);
        }
        let s = &self.staff[who];
        let float = Money::from_dong(FLOAT);
        svc.drawer_move(
            &self.staff[0].session,
            &s.session.user.name,
            &s.pin,
            MoveKind::Float,
            float,
            "",
        )?;
        self.cash[who] = Some(float);
        self.active = true;
        Ok(float)
    }

    /// Makes sure staff member `who` holds `amount` in cash: their drawer
    /// opened, and the supervisor issuing more first if it holds too little.
    pub fn cash_for(&mut self, svc: &mut Service, who: usize, amount: Money) -> Result<(), Error> {
        let held = self.open_drawer(svc, who)?;
        if amount <= held {
            return Ok(());
        }
        let short = (amount - held).dong();
        let issue = Money::from_dong((short + ISSUE_STEP - 1) / ISSUE_STEP * ISSUE_STEP);
        let s = &self.staff[who];
        svc.drawer_move(
            &self.staff[0].session,
            &s.session.user.name,
            &s.pin,
            MoveKind::Issue,
            issue,
            "Cấp thêm tiền mặt: quỹ không đủ để chi",
        )?;
        self.cash[who] = Some(held + issue);
        Ok(())
    }

    /// Staff member `who` has recorded a payment of `amount`, in cash from
    /// their drawer if `cash`.
    pub fn paid(&mut self, who: usize, amount: Money, cash: bool) {
        self.active = true;
        if let (true, Some(held)) = (cash, &mut self.cash[who]) {
            *held = *held - amount;
        }
    }

    /// Counts every drawer opened on the open day at 17:00 and closes the
    /// day; nothing to do if no day is open or nothing was recorded on it.
    pub fn close_day(&mut self, svc: &mut Service) -> Result<(), Error> {
        let Some(day) = self.day.take() else {
            return Ok(());
        };
        if !std::mem::take(&mut self.active) {
            return Ok(());
        }
        self.set(at_time(day, 17, 0, self.now));
        let denominations = svc.config().cash.denominations.clone();
        for (s, held) in self.staff.iter().zip(&mut self.cash) {
            let Some(held) = held.take() else {
                continue;
            };
            let short = !self.was_short && held.dong() >= SHORT.0;
            let counted = held.dong() - if short { SHORT.0 } else { 0 };
            svc.count_drawer(&s.session, &in_notes(counted, &denominations))?;
            if short {
                svc.explain_difference(&s.session, SHORT.1)?;
                self.was_short = true;
            }
        }
        let boss = &self.staff[0];
        svc.close_day(
            &boss.session,
            &boss.pin,
            &day.format("%Y-%m-%d").to_string(),
            false,
        )?;
        self.closed += 1;
        Ok(())
    }

    fn set(&self, at: DateTime<FixedOffset>) {
        self.clock.set(&stamp(at));
    }
}

/// `day` at `h:m` in the offset of `like`.
pub fn at_time(
    day: NaiveDate,
    h: u32,
    m: u32,
    like: DateTime<FixedOffset>,
) -> DateTime<FixedOffset> {
    day.and_hms_opt(h, m, 0)
        .and_then(|t| t.and_local_timezone(*like.offset()).single())
        .unwrap_or(like)
}

/// `amount` in as few notes as the denominations (largest first) allow.
fn in_notes(mut amount: i64, denominations: &[i64]) -> BTreeMap<i64, i64> {
    let mut notes = BTreeMap::new();
    for &d in denominations {
        if amount >= d {
            notes.insert(d, amount / d);
            amount %= d;
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::in_notes;

    #[test]
    fn amounts_are_counted_in_the_fewest_notes() {
        let d = [
            500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500,
        ];
        let notes = in_notes(1_394_500, &d);
        let sum: i64 = notes.iter().map(|(d, n)| d * n).sum();
        assert_eq!(sum, 1_394_500);
        assert_eq!(notes[&500_000], 2);
        assert_eq!(notes[&500], 1);
        assert!(in_notes(0, &d).is_empty());
    }
}
