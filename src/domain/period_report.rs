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

/// Why a person did not receive a period's money, recorded by the
/// supervisor before the period is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnpaidReason {
    /// Did not come to the counter (chưa đến nhận).
    DidNotCome,
    /// Away from home (đi vắng).
    Away,
    /// In hospital (nằm viện).
    Hospital,
    /// Reported deceased, the payer not yet told (báo đã mất).
    Deceased,
    /// Refused the money (từ chối nhận).
    Refused,
    /// Another reason, written in the note.
    Other,
}

impl UnpaidReason {
    pub const ALL: [UnpaidReason; 6] = [
        UnpaidReason::DidNotCome,
        UnpaidReason::Away,
        UnpaidReason::Hospital,
        UnpaidReason::Deceased,
        UnpaidReason::Refused,
        UnpaidReason::Other,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            UnpaidReason::DidNotCome => "did_not_come",
            UnpaidReason::Away => "away",
            UnpaidReason::Hospital => "hospital",
            UnpaidReason::Deceased => "deceased",
            UnpaidReason::Refused => "refused",
            UnpaidReason::Other => "other",
        }
    }

    pub fn from_code(s: &str) -> Option<UnpaidReason> {
        UnpaidReason::ALL.into_iter().find(|r| r.code() == s)
    }

    /// Whether the reason needs a note to say what it is.
    pub fn needs_note(self) -> bool {
        self == UnpaidReason::Other
    }
}

/// What becomes of a person's unpaid money once the period is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fate {
    /// The payer lists it again next month ("kỳ trước chuyển sang").
    Carried,
    /// Unpaid too many months in a row: proposed to the payer for
    /// suspension.
    ProposedSuspension,
}

impl Fate {
    pub fn code(self) -> &'static str {
        match self {
            Fate::Carried => "carried",
            Fate::ProposedSuspension => "proposed_suspension",
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
    pub settled: Settled,
    /// Periods in a row, up to this one, with something left unpaid.
    pub unpaid_months: i64,
    /// Why it was not paid, when the supervisor has said.
    pub reason: Option<UnpaidReason>,
    pub reason_note: Option<String>,
    /// Where a transfer batch stands for the person's unpaid lines.
    pub transfer: Option<Transfer>,
    /// Every standing payment of the person's lines of the period, oldest
    /// first: a person paid in parts (two transfers, the counter and the
    /// bank, an heir) is traced receipt by receipt.
    pub payments: Vec<PaidPart>,
    /// Of a deceased person's unpaid lines of the period, what is still
    /// owed to their heir (the funeral allowance, the months up to the
    /// death): not received yet, never "stopped", so that the payer lists
    /// it again until the heir is paid.
    pub heir_owed: Money,
}

/// One standing payment of a person's lines of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaidPart {
    pub receipt_no: String,
    /// The method's code ("cash", "bank", …).
    pub method: String,
    /// The bank's or wallet's reference of a transfer.
    pub reference: Option<String>,
    /// The day it was paid ("YYYY-MM-DD").
    pub day: String,
    /// What of the period's lines it paid.
    pub amount: Money,
}

/// A person's unpaid lines in a bank transfer batch: waiting for the
/// bank, or refused by it (payable again at the counter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Transfer {
    Sent { batch: i64 },
    Failed { batch: i64, reason: String },
}

impl PersonOutcome {
    /// The status the results show: "sent" or "failed" for an unpaid
    /// person whose transfer waits or failed, otherwise [`Settled::code`].
    pub fn status_code(&self) -> &'static str {
        match (self.settled, &self.transfer) {
            (Settled::Unpaid, Some(Transfer::Sent { .. })) => "sent",
            (Settled::Unpaid, Some(Transfer::Failed { .. })) => "failed",
            (s, _) => s.code(),
        }
    }

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

    /// The day of the last payment of the person's lines of the period.
    pub fn paid_on(&self) -> Option<&str> {
        self.payments.iter().map(|x| x.day.as_str()).max()
    }

    /// What is left unpaid.
    pub fn left(&self) -> Money {
        if self.paid >= self.imported {
            Money::ZERO
        } else {
            self.imported - self.paid
        }
    }

    /// What is left for the heir of a stopped (deceased) person: not
    /// received yet.
    pub fn left_for_heir(&self) -> Money {
        if self.settled == Settled::Stopped {
            self.heir_owed.min(self.left())
        } else {
            Money::ZERO
        }
    }

    /// What is left and stopped: nobody will be paid it.
    pub fn left_stopped(&self) -> Money {
        if self.settled == Settled::Stopped {
            self.left() - self.left_for_heir()
        } else {
            Money::ZERO
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
    /// The seals of the closed days of the period (its own month and any
    /// day one of its lines was paid), oldest first: (day, seal code).
    pub seals: Vec<(String, String)>,
    /// Lines of this period paid after a decrease stopped the person's
    /// payment: money to recover.
    pub overpaid: Vec<Overpaid>,
    /// People a decrease list stopped, from this period or before, who are
    /// on its lists or whose decrease came with it.
    pub stops: Vec<Stopped>,
}

/// A person whose payment a decrease list stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stopped {
    pub code: String,
    pub full_name: String,
    pub id_number: Option<String>,
    /// The stored reason code ("died", "moved", "ended", "other").
    pub reason: String,
    /// The reason as the list wrote it.
    pub reason_text: Option<String>,
    /// Payment stops from this month on.
    pub from: Period,
    /// What was paid for months from the stop on: to recover (all months).
    pub overpaid: Money,
}

/// A payment of the period's lines made when the person could no longer
/// be paid: money to recover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overpaid {
    pub code: String,
    pub full_name: String,
    pub amount: Money,
    pub receipt_no: String,
    pub cause: OverpaidCause,
}

/// Why a payment is to be recovered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OverpaidCause {
    /// A decrease list stopped the person's payment from this month on.
    Stopped { from: Period },
    /// Paid to the person or a proxy after the day of death on file.
    PaidAfterDeath { died_on: String, paid_on: String },
    /// Recorded after the person's status changed (a transfer the bank
    /// made after the batch was sent).
    PaidAfterStatus {
        status: String,
        since: String,
        paid_on: String,
    },
}

impl PeriodReport {
    pub fn new(
        period: Period,
        closed_at: Option<String>,
        people: Vec<PersonOutcome>,
        suspend_after: i64,
        seals: Vec<(String, String)>,
    ) -> PeriodReport {
        let sum = |f: &dyn Fn(&PersonOutcome) -> Money| people.iter().map(f).sum::<Money>();
        let imported = sum(&|p| p.imported);
        let paid = sum(&|p| p.paid.min(p.imported));
        let unpaid = sum(&|p| {
            if p.settled == Settled::Unpaid {
                p.left()
            } else {
                p.left_for_heir()
            }
        });
        let stopped = sum(&|p| p.left_stopped());
        PeriodReport {
            period,
            closed_at,
            people,
            imported,
            paid,
            unpaid,
            stopped,
            suspend_after,
            seals,
            overpaid: Vec::new(),
            stops: Vec::new(),
        }
    }

    /// Whether every đồng imported is paid, unpaid or stopped — checked
    /// before a period is closed and before its results are written.
    pub fn balanced(&self) -> bool {
        self.paid + self.unpaid + self.stopped == self.imported
    }

    /// What becomes of `p`'s money after the close, if any is unpaid.
    pub fn fate(&self, p: &PersonOutcome) -> Option<Fate> {
        if p.settled != Settled::Unpaid {
            None
        } else if self.suspend_after > 0 && p.unpaid_months >= self.suspend_after {
            Some(Fate::ProposedSuspension)
        } else {
            Some(Fate::Carried)
        }
    }

    /// People still unpaid who have no reason yet: the period cannot be
    /// closed while there are any (unless a reason is given for all).
    pub fn missing_reasons(&self) -> impl Iterator<Item = &PersonOutcome> {
        self.people
            .iter()
            .filter(|p| p.settled == Settled::Unpaid && p.reason.is_none())
    }

    /// People to whom something of the period was paid, whatever became
    /// of the rest: the paid list, whose amounts add up to [`Self::paid`].
    pub fn paid_people(&self) -> impl Iterator<Item = &PersonOutcome> {
        self.people.iter().filter(|p| p.paid > Money::ZERO)
    }

    /// Deceased people with something still owed to their heir.
    pub fn owed_to_heirs(&self) -> impl Iterator<Item = &PersonOutcome> {
        self.people
            .iter()
            .filter(|p| p.left_for_heir() > Money::ZERO)
    }

    /// People with `settled`.
    pub fn with(&self, settled: Settled) -> impl Iterator<Item = &PersonOutcome> {
        self.people.iter().filter(move |p| p.settled == settled)
    }

    /// People unpaid for `suspend_after` periods or more in a row:
    /// proposed to the social-affairs office for suspension.
    pub fn proposed_for_suspension(&self) -> impl Iterator<Item = &PersonOutcome> {
        self.people
            .iter()
            .filter(|p| self.fate(p) == Some(Fate::ProposedSuspension))
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
            settled: Settled::Unpaid,
            unpaid_months: months,
            reason: None,
            reason_note: None,
            transfer: None,
            payments: Vec::new(),
            heir_owed: Money::ZERO,
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
        let r = PeriodReport::new("2026-12".parse().unwrap(), None, people, 3, Vec::new());
        assert_eq!(r.imported, Money::from_dong(8_789_000));
        assert_eq!(r.paid, Money::from_dong(2_789_000));
        assert_eq!(r.unpaid, Money::from_dong(4_500_000));
        assert_eq!(r.stopped, Money::from_dong(1_500_000));
        assert_eq!(r.paid + r.unpaid + r.stopped, r.imported);
        let proposed: Vec<_> = r.proposed_for_suspension().collect();
        assert_eq!(proposed.len(), 1);
        assert_eq!(proposed[0].imported, Money::from_dong(3_500_000));
        assert!(r.balanced());
        assert_eq!(r.fate(&r.people[3]), Some(Fate::Carried));
        assert_eq!(r.fate(&r.people[0]), None);
        assert_eq!(r.missing_reasons().count(), 2);
    }
}
