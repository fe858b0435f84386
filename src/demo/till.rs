//! The demo office's counter days, walked in order as a real office works
//! them: on a day someone comes, every drawer is opened in the morning with
//! a float; before a clerk pays more cash than their drawer holds, the
//! supervisor issues more; in the evening each clerk counts their drawer and
//! the supervisor closes the day, before the next day starts.
//!
//! The till keeps the cash each drawer physically holds, as its clerk knows
//! it, and the clerks count exactly that — once, on the first day closed, a
//! clerk is short by a small sum and says why, so the reports have a
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

/// What one clerk is short on the first day closed, and why.
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
    /// The day whose drawers are open, if any.
    day: Option<NaiveDate>,
    /// The cash in each drawer (by staff index).
    cash: Vec<Money>,
    closed: usize,
}

impl<'a> Till<'a> {
    pub fn new(clock: &'a FixedClock, staff: &'a [Staff], now: DateTime<FixedOffset>) -> Self {
        Till {
            clock,
            staff,
            now,
            day: None,
            cash: vec![Money::ZERO; staff.len()],
            closed: 0,
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

    /// Moves the office to `at`: the day open before is counted and closed,
    /// and `at`'s day is opened (drawers floated at 07:15, or at `at` if
    /// earlier).
    pub fn go_to(&mut self, svc: &mut Service, at: DateTime<FixedOffset>) -> Result<(), Error> {
        let day = at.date_naive();
        if self.day != Some(day) {
            self.close_day(svc)?;
            self.set(at_time(day, 7, 15, at).min(at));
            let boss = &self.staff[0].session;
            for (i, s) in self.staff.iter().enumerate() {
                svc.drawer_move(
                    boss,
                    &s.session.user.name,
                    &s.pin,
                    MoveKind::Float,
                    Money::from_dong(FLOAT),
                    "",
                )?;
                self.cash[i] = Money::from_dong(FLOAT);
            }
            self.day = Some(day);
        }
        self.set(at);
        Ok(())
    }

    /// Makes sure staff member `who` holds `amount` in cash, the supervisor
    /// issuing more first if not.
    pub fn cash_for(&mut self, svc: &mut Service, who: usize, amount: Money) -> Result<(), Error> {
        if amount <= self.cash[who] {
            return Ok(());
        }
        let short = (amount - self.cash[who]).dong();
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
        self.cash[who] = self.cash[who] + issue;
        Ok(())
    }

    /// Staff member `who` has paid `amount` in cash.
    pub fn paid_cash(&mut self, who: usize, amount: Money) {
        self.cash[who] = self.cash[who] - amount;
    }

    /// Counts every drawer of the open day at 17:00 and closes it; nothing
    /// to do if no day is open.
    pub fn close_day(&mut self, svc: &mut Service) -> Result<(), Error> {
        let Some(day) = self.day.take() else {
            return Ok(());
        };
        self.set(at_time(day, 17, 0, self.now));
        let denominations = svc.config().cash.denominations.clone();
        for (i, s) in self.staff.iter().enumerate() {
            let short = self.closed == 0 && i == self.staff.len() - 1;
            let short = short && self.cash[i].dong() >= SHORT.0;
            let held = self.cash[i].dong() - if short { SHORT.0 } else { 0 };
            svc.count_drawer(&s.session, &in_notes(held, &denominations))?;
            if short {
                svc.explain_difference(&s.session, SHORT.1)?;
            }
        }
        let boss = &self.staff[0];
        svc.close_day(
            &boss.session,
            &boss.pin,
            &day.format("%Y-%m-%d").to_string(),
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
