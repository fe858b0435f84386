//! A home round: the postman's trip through one hamlet with the cash of
//! the people paid at home. Where a round stands, and what became of each
//! stop. Plain data; the rules about order are in the service and the
//! database.

use serde::{Deserialize, Serialize};

use super::Money;
use super::period_report::UnpaidReason;

/// Where a round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoundState {
    /// Made, its sheet can be printed; no cash yet.
    Open,
    /// The cash is with the postman; its lines are locked at the counter.
    Issued,
    /// The postman is back and the unpaid cash returned.
    Returned,
    /// The cash is accounted for, a difference with its reason.
    Reconciled,
}

impl RoundState {
    pub fn code(self) -> &'static str {
        match self {
            RoundState::Open => "open",
            RoundState::Issued => "issued",
            RoundState::Returned => "returned",
            RoundState::Reconciled => "reconciled",
        }
    }
}

/// What became of one stop of a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopResult {
    /// Paid, to the person or a proxy on file, against their ID.
    Paid,
    /// Nobody at home.
    NotHome,
    /// The money was refused.
    Refused,
    /// The family reported the person deceased: shown to the supervisor,
    /// whose status command stops the payment; the round does not.
    Deceased,
}

impl StopResult {
    pub const ALL: [StopResult; 4] = [
        StopResult::Paid,
        StopResult::NotHome,
        StopResult::Refused,
        StopResult::Deceased,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StopResult::Paid => "paid",
            StopResult::NotHome => "not_home",
            StopResult::Refused => "refused",
            StopResult::Deceased => "deceased",
        }
    }

    pub fn from_code(s: &str) -> Option<StopResult> {
        let s = s.trim().replace('-', "_");
        StopResult::ALL.into_iter().find(|r| r.code() == s)
    }

    /// The reason the period's results give a person this stop left
    /// unpaid (none for a paid stop).
    pub fn unpaid_reason(self) -> Option<UnpaidReason> {
        match self {
            StopResult::Paid => None,
            StopResult::NotHome => Some(UnpaidReason::Away),
            StopResult::Refused => Some(UnpaidReason::Refused),
            StopResult::Deceased => Some(UnpaidReason::Deceased),
        }
    }
}

/// The cash of a round: issued − paid − returned = difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RoundCash {
    pub issued: Money,
    pub paid: Money,
    pub returned: Money,
}

impl RoundCash {
    /// What the postman should bring back.
    pub fn expected_back(&self) -> Money {
        self.issued - self.paid
    }

    /// Cash missing (positive) or over (negative).
    pub fn difference(&self) -> Money {
        self.issued - self.paid - self.returned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_read_with_dashes_or_underscores() {
        assert_eq!(StopResult::from_code("not-home"), Some(StopResult::NotHome));
        assert_eq!(StopResult::from_code("not_home"), Some(StopResult::NotHome));
        assert_eq!(StopResult::from_code("gone"), None);
        for r in StopResult::ALL {
            assert_eq!(StopResult::from_code(r.code()), Some(r));
        }
    }

    #[test]
    fn the_difference_is_what_is_issued_less_paid_and_returned() {
        let cash = RoundCash {
            issued: Money::from_dong(10_000_000),
            paid: Money::from_dong(6_000_000),
            returned: Money::from_dong(3_500_000),
        };
        assert_eq!(cash.expected_back(), Money::from_dong(4_000_000));
        assert_eq!(cash.difference(), Money::from_dong(500_000));
    }

    #[test]
    fn an_unpaid_stop_gives_the_periods_reason() {
        assert_eq!(StopResult::Paid.unpaid_reason(), None);
        assert_eq!(
            StopResult::NotHome.unpaid_reason(),
            Some(UnpaidReason::Away)
        );
        assert_eq!(
            StopResult::Deceased.unpaid_reason(),
            Some(UnpaidReason::Deceased)
        );
    }
}
