//! The day report: one computation from the day's raw facts, used by the
//! close screen, the printout, every export and `verify`, so they cannot
//! disagree.
//!
//! Accounting:
//! - a payment counts on the day it was recorded (gross);
//! - a reversal (void) counts on the day it was recorded, against the
//!   method of the payment it reverses — a void of yesterday's payment
//!   lowers today's net;
//! - a clerk's expected cash = opening float + cash issued − cash returned
//!   − cash paid out (counter and home) + cash voided back into the drawer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::payment::PayMethod;
use super::{Money, Period};

/// How many, and how much.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub count: i64,
    pub amount: Money,
}

impl Tally {
    fn add(&mut self, amount: Money) {
        self.count += 1;
        self.amount = self.amount + amount;
    }
}

/// A payment recorded on the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentFact {
    pub id: i64,
    pub receipt_no: String,
    pub office: String,
    pub receipt_year: i32,
    pub receipt_seq: i64,
    pub clerk_id: i64,
    pub method: PayMethod,
    pub total: Money,
    pub category: Option<String>,
    pub person: String,
    pub paid_at: String,
    /// The day it was voided, if it was (any day).
    pub voided_on: Option<String>,
}

/// A reversal recorded on the day (of a payment of any day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReversalFact {
    pub payment_id: i64,
    pub receipt_no: String,
    pub method: PayMethod,
    pub total: Money,
    pub category: Option<String>,
    pub paid_on: String,
    pub requested_by: i64,
    pub approved_by: i64,
    pub reason: String,
    pub at: String,
}

/// Kinds of cash handed between the supervisor and a drawer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MoveKind {
    /// The opening float.
    Float,
    /// More cash during the day.
    Issue,
    /// Cash taken back.
    Return,
}

impl MoveKind {
    pub fn code(self) -> &'static str {
        match self {
            MoveKind::Float => "float",
            MoveKind::Issue => "issue",
            MoveKind::Return => "return",
        }
    }

    pub fn from_code(s: &str) -> Option<MoveKind> {
        match s {
            "float" => Some(MoveKind::Float),
            "issue" => Some(MoveKind::Issue),
            "return" => Some(MoveKind::Return),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveFact {
    pub clerk_id: i64,
    pub supervisor_id: i64,
    pub kind: MoveKind,
    pub amount: Money,
    pub at: String,
}

/// A clerk's blind count of their drawer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountFact {
    pub clerk_id: i64,
    pub at: String,
    /// Notes counted per denomination (đồng → number of notes).
    pub notes: BTreeMap<i64, i64>,
    pub counted: Money,
    /// What was expected when the count was made.
    pub expected: Money,
    pub difference: Money,
    pub reason: Option<String>,
    /// Who made the count: the clerk, or a supervisor finishing an
    /// earlier day the clerk left uncounted.
    pub counted_by: i64,
    /// Why no count could be made (a supervisor's record for an earlier
    /// day): the drawer was not counted and its difference is not known.
    pub not_counted: Option<String>,
}

/// People still owed in an open period, at the time of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnpaidFact {
    pub period: Period,
    pub people: i64,
    pub amount: Money,
}

/// A user named in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub name: String,
    pub full_name: String,
}

/// The audit head sealed by a close.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    pub seq: i64,
    pub hash: String,
}

/// A closed day's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedFact {
    pub at: String,
    pub by: String,
    pub seal: Seal,
    /// The totals stored when the day was closed.
    pub totals: String,
    /// The seal printed for the supervisor to sign ("XXXX-XXXX-XXXX-XXXX").
    pub code: String,
    /// The seal of the closed day before, which this one includes.
    pub prev_code: Option<String>,
    /// The file name of the day's backup.
    pub backup: String,
}

/// Everything about a day the report is computed from.
#[derive(Debug, Clone, Default)]
pub struct DayFacts {
    /// "YYYY-MM-DD".
    pub day: String,
    pub payments: Vec<PaymentFact>,
    pub reversals: Vec<ReversalFact>,
    pub moves: Vec<MoveFact>,
    pub counts: Vec<CountFact>,
    pub staff: BTreeMap<i64, Staff>,
    pub unpaid: Vec<UnpaidFact>,
    /// Per (office, year): the last receipt number used before this day.
    pub last_seq_before: BTreeMap<(String, i32), i64>,
    pub closed: Option<ClosedFact>,
    /// The audit head now (for a report of an open day).
    pub audit_head: Option<Seal>,
}

/// One clerk's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClerkDay {
    pub user_id: i64,
    pub name: String,
    pub full_name: String,
    pub by_method: BTreeMap<PayMethod, Tally>,
    pub payments: Tally,
    pub voids: Tally,
    pub float: Money,
    pub issued: Money,
    pub returned: Money,
    pub cash_paid: Money,
    pub cash_voided: Money,
    pub expected: Money,
    pub count: Option<CountFact>,
    /// First and last receipt number of the day.
    pub receipts: Option<(String, String)>,
    /// The expected cash is not shown: the drawer is not counted yet.
    #[serde(default)]
    pub expected_hidden: bool,
}

impl ClerkDay {
    /// The drawer was used today (a float, a move or cash paid).
    pub fn drawer_opened(&self) -> bool {
        self.float > Money::ZERO || self.issued > Money::ZERO || self.cash_paid > Money::ZERO
    }

    /// Any cash went through the drawer today, or it was counted.
    pub fn drawer_used(&self) -> bool {
        self.count.is_some()
            || [
                self.float,
                self.issued,
                self.returned,
                self.cash_paid,
                self.cash_voided,
            ]
            .iter()
            .any(|m| !m.is_zero())
    }
}

/// A missing run of receipt numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub office: String,
    pub year: i32,
    pub from: i64,
    pub to: i64,
}

/// Why a day cannot be closed yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Blocker {
    /// A drawer was opened but not counted.
    NotCounted { clerk: String },
    /// A count differs and no reason was given.
    NoReason { clerk: String, difference: Money },
    /// An earlier day with activity is still open ("YYYY-MM-DD").
    EarlierDayOpen { day: String },
    /// A home round's cash is still out with the postman.
    RoundOut { round: i64, postman: String },
}

/// A voided payment, for the report's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoidLine {
    pub receipt_no: String,
    pub amount: Money,
    pub method: PayMethod,
    pub paid_on: String,
    pub requested_by: String,
    pub approved_by: String,
    pub reason: String,
}

/// The numbers a close stores and `verify` recomputes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayTotals {
    pub payments: Tally,
    pub voids: Tally,
    pub net: Money,
    pub by_method: BTreeMap<PayMethod, Tally>,
    pub by_category: BTreeMap<String, Tally>,
    /// Per clerk (user name): expected and counted cash.
    pub drawers: BTreeMap<String, (Money, Option<Money>)>,
    pub cash_expected: Money,
    pub cash_counted: Money,
}

/// The day report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayReport {
    pub day: String,
    pub clerks: Vec<ClerkDay>,
    pub totals: DayTotals,
    pub voids: Vec<VoidLine>,
    pub receipt_gaps: Vec<Gap>,
    pub unpaid: Vec<UnpaidFact>,
    pub blockers: Vec<Blocker>,
    pub closed: Option<ClosedFact>,
    pub audit_head: Option<Seal>,
    /// The day's payments (for the printed list), in receipt order.
    pub payments: Vec<PaymentLine>,
}

/// A payment in the report's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentLine {
    pub receipt_no: String,
    pub paid_at: String,
    pub person: String,
    pub method: PayMethod,
    pub amount: Money,
    pub clerk: String,
    pub voided: bool,
}

/// Hides what a drawer should hold until it is counted (the blind count):
/// an uncounted drawer's expected cash reads as zero and is marked hidden,
/// and the day's expected cash counts only the drawers already counted.
pub fn hide_uncounted(report: &mut DayReport) {
    if report.closed.is_some() {
        return;
    }
    let mut expected = Money::ZERO;
    for c in &mut report.clerks {
        match &c.count {
            Some(n) if n.not_counted.is_none() => expected = expected + c.expected,
            Some(_) => {}
            None => {
                c.expected = Money::ZERO;
                c.expected_hidden = true;
                report.totals.drawers.remove(&c.name);
            }
        }
    }
    report.totals.cash_expected = expected;
}

impl DayReport {
    /// Cash counted minus cash expected, over the counted drawers.
    pub fn difference(&self) -> Money {
        self.clerks
            .iter()
            .filter_map(|c| c.count.as_ref())
            .filter(|n| n.not_counted.is_none())
            .map(|n| n.difference)
            .sum()
    }

    /// What the drawers counted so far should hold. A drawer's expected
    /// cash is shown to nobody before its count (the count is blind), so
    /// the office's figure beside the cash counted leaves uncounted drawers
    /// out; once every drawer is counted it is `totals.cash_expected`.
    pub fn counted_expected(&self) -> Money {
        self.clerks
            .iter()
            .filter(|c| c.count.is_some())
            .map(|c| c.expected)
            .sum()
    }

    /// How many drawers were used today and are not counted yet.
    pub fn uncounted_drawers(&self) -> usize {
        self.clerks
            .iter()
            .filter(|c| c.drawer_used() && c.count.is_none())
            .count()
    }

    /// The totals in the canonical text a close stores.
    pub fn totals_json(&self) -> String {
        serde_json::to_string(&self.totals).expect("totals always serialise")
    }
}

fn staff(facts: &DayFacts, id: i64) -> Staff {
    facts.staff.get(&id).cloned().unwrap_or(Staff {
        name: format!("#{id}"),
        full_name: format!("#{id}"),
    })
}

/// Computes the day report from its facts.
pub fn compute(facts: &DayFacts) -> DayReport {
    let mut clerks: BTreeMap<i64, ClerkDay> = BTreeMap::new();
    fn clerk<'a>(
        clerks: &'a mut BTreeMap<i64, ClerkDay>,
        facts: &DayFacts,
        id: i64,
    ) -> &'a mut ClerkDay {
        clerks.entry(id).or_insert_with(|| {
            let s = staff(facts, id);
            ClerkDay {
                user_id: id,
                name: s.name,
                full_name: s.full_name,
                by_method: BTreeMap::new(),
                payments: Tally::default(),
                voids: Tally::default(),
                float: Money::ZERO,
                issued: Money::ZERO,
                returned: Money::ZERO,
                cash_paid: Money::ZERO,
                cash_voided: Money::ZERO,
                expected: Money::ZERO,
                count: None,
                expected_hidden: false,
                receipts: None,
            }
        })
    }
    let mut totals = DayTotals {
        payments: Tally::default(),
        voids: Tally::default(),
        net: Money::ZERO,
        by_method: BTreeMap::new(),
        by_category: BTreeMap::new(),
        drawers: BTreeMap::new(),
        cash_expected: Money::ZERO,
        cash_counted: Money::ZERO,
    };
    let uncategorised = || "—".to_string();

    let mut payments = facts.payments.clone();
    payments.sort_by(|a, b| {
        (&a.office, a.receipt_year, a.receipt_seq).cmp(&(&b.office, b.receipt_year, b.receipt_seq))
    });
    for p in &payments {
        let c = clerk(&mut clerks, facts, p.clerk_id);
        c.payments.add(p.total);
        c.by_method.entry(p.method).or_default().add(p.total);
        if p.method.is_cash() {
            c.cash_paid = c.cash_paid + p.total;
        }
        c.receipts = Some(match c.receipts.take() {
            None => (p.receipt_no.clone(), p.receipt_no.clone()),
            Some((first, _)) => (first, p.receipt_no.clone()),
        });
        totals.payments.add(p.total);
        totals.by_method.entry(p.method).or_default().add(p.total);
        totals
            .by_category
            .entry(p.category.clone().unwrap_or_else(uncategorised))
            .or_default()
            .add(p.total);
    }
    let mut voids = Vec::new();
    for r in &facts.reversals {
        let c = clerk(&mut clerks, facts, r.requested_by);
        c.voids.add(r.total);
        if r.method.is_cash() {
            c.cash_voided = c.cash_voided + r.total;
        }
        totals.voids.add(r.total);
        let m = totals.by_method.entry(r.method).or_default();
        m.count -= 1;
        m.amount = m.amount - r.total;
        let k = totals
            .by_category
            .entry(r.category.clone().unwrap_or_else(uncategorised))
            .or_default();
        k.count -= 1;
        k.amount = k.amount - r.total;
        voids.push(VoidLine {
            receipt_no: r.receipt_no.clone(),
            amount: r.total,
            method: r.method,
            paid_on: r.paid_on.clone(),
            requested_by: staff(facts, r.requested_by).full_name,
            approved_by: staff(facts, r.approved_by).full_name,
            reason: r.reason.clone(),
        });
    }
    for m in &facts.moves {
        let c = clerk(&mut clerks, facts, m.clerk_id);
        match m.kind {
            MoveKind::Float => c.float = c.float + m.amount,
            MoveKind::Issue => c.issued = c.issued + m.amount,
            MoveKind::Return => c.returned = c.returned + m.amount,
        }
    }
    for n in &facts.counts {
        let c = clerk(&mut clerks, facts, n.clerk_id);
        c.count = Some(n.clone());
    }
    let mut blockers = Vec::new();
    for c in clerks.values_mut() {
        c.expected = c.float + c.issued - c.returned - c.cash_paid + c.cash_voided;
        let opened = c.drawer_opened();
        match &c.count {
            // A supervisor recorded why no count could be made: nothing
            // was counted and the difference is not known.
            Some(n) if n.not_counted.is_some() => {}
            Some(n) => {
                totals.cash_counted = totals.cash_counted + n.counted;
                if !n.difference.is_zero()
                    && n.reason.as_deref().is_none_or(|r| r.trim().is_empty())
                {
                    blockers.push(Blocker::NoReason {
                        clerk: c.full_name.clone(),
                        difference: n.difference,
                    });
                }
            }
            None if opened => blockers.push(Blocker::NotCounted {
                clerk: c.full_name.clone(),
            }),
            None => {}
        }
        if opened || c.count.is_some() {
            totals.cash_expected = totals.cash_expected + c.expected;
            totals.drawers.insert(
                c.name.clone(),
                (c.expected, c.count.as_ref().map(|n| n.counted)),
            );
        }
    }
    totals.net = totals.payments.amount - totals.voids.amount;
    totals
        .by_method
        .retain(|_, t| t.count != 0 || !t.amount.is_zero());
    totals
        .by_category
        .retain(|_, t| t.count != 0 || !t.amount.is_zero());

    let mut gaps = Vec::new();
    let mut by_series: BTreeMap<(String, i32), Vec<i64>> = BTreeMap::new();
    for p in &payments {
        by_series
            .entry((p.office.clone(), p.receipt_year))
            .or_default()
            .push(p.receipt_seq);
    }
    for ((office, year), seqs) in by_series {
        let mut expect = facts
            .last_seq_before
            .get(&(office.clone(), year))
            .copied()
            .unwrap_or(0)
            + 1;
        for s in seqs {
            if s > expect {
                gaps.push(Gap {
                    office: office.clone(),
                    year,
                    from: expect,
                    to: s - 1,
                });
            }
            expect = expect.max(s + 1);
        }
    }

    let lines = payments
        .iter()
        .map(|p| PaymentLine {
            receipt_no: p.receipt_no.clone(),
            paid_at: p.paid_at.clone(),
            person: p.person.clone(),
            method: p.method,
            amount: p.total,
            clerk: staff(facts, p.clerk_id).full_name,
            voided: p.voided_on.is_some(),
        })
        .collect();

    DayReport {
        day: facts.day.clone(),
        clerks: clerks.into_values().collect(),
        totals,
        voids,
        receipt_gaps: gaps,
        unpaid: facts.unpaid.clone(),
        blockers,
        closed: facts.closed.clone(),
        audit_head: facts.audit_head.clone(),
        payments: lines,
    }
}

#[cfg(test)]
mod tests;
