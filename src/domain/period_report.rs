//! A period's outcome: for each person on the month's lists, what was
//! imported, what was paid, and what became of the rest — the results the
//! post office sends back to the social-affairs office.

use serde::Serialize;

use super::{Money, Period};

/// What became of a person's lines of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Settled {
    /// Everything listed was paid.
    Paid,
    /// Something listed is still unpaid and the person can be paid.
    Unpaid,
    /// Payment stopped: the person is suspended, deceased or moved.
    Stopped,
}

impl Settled {
    pub fn code(self) -> &'static str {
        match self {
            Settled::Paid => "paid",
            Settled::Unpaid => "unpaid",
            Settled::Stopped => "stopped",
        }
    }
}

/// One person's outcome in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonOutcome {
    pub person_id: i64,
    pub code: String,
    pub full_name: String,
    pub id_number: Option<String>,
    pub hamlet: Option<String>,
    /// The person's status code ("active", "deceased", …).
    pub status: String,
    pub imported: Money,
    pub paid: Money,
    /// How it was paid ("cash", "bank", …), when something was.
    pub method: Option<String>,
    pub receipt_no: Option<String>,
    pub paid_on: Option<String>,
    pub settled: Settled,
    /// Periods in a row, up to this one, with something left unpaid.
    pub unpaid_months: i64,
}

impl PersonOutcome {
    /// Paid when nothing is left; stopped when the person can no longer
    /// be paid; unpaid otherwise.
    pub fn settle(&self) -> Settled {
        if self.paid >= self.imported {
            Settled::Paid
        } else if self.status != "active" {
            Settled::Stopped
        } else {
            Settled::Unpaid
        }
    }

    /// What is left unpaid.
    pub fn left(&self) -> Money {
        if self.paid >= self.imported {
            Money::ZERO
        } else {
            self.imported - self.paid
        }
    }
}

/// The whole period's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodReport {
    pub period: Period,
    /// Closed, and when.
    pub closed_at: Option<String>,
    pub people: Vec<PersonOutcome>,
    pub imported: Money,
    pub paid: Money,
    pub unpaid: Money,
    pub stopped: Money,
    /// After how many unpaid months in a row a person is proposed for
    /// suspension (from the configuration).
    pub suspend_after: i64,
    /// The newest day seal when the report was made, printed on it.
    pub seal: Option<(String, String)>,
}

impl PeriodReport {
    pub fn new(
        period: Period,
        closed_at: Option<String>,
        people: Vec<PersonOutcome>,
        suspend_after: i64,
        seal: Option<(String, String)>,
    ) -> PeriodReport {
        let sum = |f: &dyn Fn(&PersonOutcome) -> Money| people.iter().map(f).sum::<Money>();
        let imported = sum(&|p| p.imported);
        let paid = sum(&|p| p.paid.min(p.imported));
        let unpaid = sum(&|p| {
            if p.settled == Settled::Unpaid {
                p.left()
            } else {
                Money::ZERO
            }
        });
        let stopped = sum(&|p| {
            if p.settled == Settled::Stopped {
                p.left()
            } else {
                Money::ZERO
            }
        });
        PeriodReport {
            period,
            closed_at,
            people,
            imported,
            paid,
            unpaid,
            stopped,
            suspend_after,
            seal,
        }
    }

    /// People unpaid for `suspend_after` periods or more in a row:
    /// proposed to the social-affairs office for suspension.
    pub fn proposed_for_suspension(&self) -> impl Iterator<Item = &PersonOutcome> {
        self.people.iter().filter(|p| {
            self.suspend_after > 0
                && p.settled == Settled::Unpaid
                && p.unpaid_months >= self.suspend_after
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(imported: i64, paid: i64, status: &str, months: i64) -> PersonOutcome {
        PersonOutcome {
            person_id: 1,
            code: "HD-1".into(),
            full_name: "A".into(),
            id_number: None,
            hamlet: None,
            status: status.into(),
            imported: Money::from_dong(imported),
            paid: Money::from_dong(paid),
            method: None,
            receipt_no: None,
            paid_on: None,
            settled: Settled::Unpaid,
            unpaid_months: months,
        }
    }

    #[test]
    fn every_dong_imported_is_paid_unpaid_or_stopped() {
        let mut people = vec![
            person(2_789_000, 2_789_000, "active", 0),
            person(3_500_000, 0, "active", 3),
            person(1_500_000, 0, "deceased", 1),
            person(1_000_000, 0, "active", 1),
        ];
        for p in &mut people {
            p.settled = p.settle();
        }
        let r = PeriodReport::new("2026-12".parse().unwrap(), None, people, 3, None);
        assert_eq!(r.imported, Money::from_dong(8_789_000));
        assert_eq!(r.paid, Money::from_dong(2_789_000));
        assert_eq!(r.unpaid, Money::from_dong(4_500_000));
        assert_eq!(r.stopped, Money::from_dong(1_500_000));
        assert_eq!(r.paid + r.unpaid + r.stopped, r.imported);
        let proposed: Vec<_> = r.proposed_for_suspension().collect();
        assert_eq!(proposed.len(), 1);
        assert_eq!(proposed[0].imported, Money::from_dong(3_500_000));
    }
}
