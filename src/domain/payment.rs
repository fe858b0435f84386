//! Payments: who received, how, and the receipt.

use serde::{Deserialize, Serialize};

use super::{EntitlementKind, Money, Period};

/// How the money reached the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PayMethod {
    /// Cash at the counter.
    Cash,
    /// Cash paid at home by a postman (the sick and elderly).
    Home,
    /// Transfer to a bank account (the person's ATM card).
    Bank,
    /// Transfer to a digital account (mobile money).
    Wallet,
}

impl PayMethod {
    pub const ALL: [PayMethod; 4] = [
        PayMethod::Cash,
        PayMethod::Home,
        PayMethod::Bank,
        PayMethod::Wallet,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PayMethod::Cash => "cash",
            PayMethod::Home => "home",
            PayMethod::Bank => "bank",
            PayMethod::Wallet => "wallet",
        }
    }

    pub fn from_code(code: &str) -> Option<PayMethod> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    /// Cash leaves the drawer (at the counter or carried home).
    pub fn is_cash(self) -> bool {
        matches!(self, PayMethod::Cash | PayMethod::Home)
    }

    /// A transfer needs the account and the transfer's reference.
    pub fn is_transfer(self) -> bool {
        !self.is_cash()
    }
}

/// Who took the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReceiverKind {
    /// The person themself.
    #[serde(rename = "self")]
    Person,
    /// A proxy with a certified authorisation in date.
    Proxy,
    /// A guardian on file.
    Guardian,
    /// The heir of a deceased person, on file with the death certificate.
    Heir,
}

impl ReceiverKind {
    pub fn code(self) -> &'static str {
        match self {
            ReceiverKind::Person => "self",
            ReceiverKind::Proxy => "proxy",
            ReceiverKind::Guardian => "guardian",
            ReceiverKind::Heir => "heir",
        }
    }

    pub fn from_code(code: &str) -> Option<ReceiverKind> {
        match code {
            "self" => Some(ReceiverKind::Person),
            "proxy" => Some(ReceiverKind::Proxy),
            "guardian" => Some(ReceiverKind::Guardian),
            "heir" => Some(ReceiverKind::Heir),
            _ => None,
        }
    }
}

/// A reference of the kind chitra makes itself: a transfer batch line's
/// ("CK0003-0012", carried by the bank payment its result records) or a
/// home round stop's ("NH0003-012", carried by the postman's payment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnReference {
    BankLine,
    RoundStop,
}

/// Which of chitra's own references `s` is written as, if any, case and
/// spaces aside: "CK" + at least 4 digits + "-" + at least 4 digits, or
/// "NH" + at least 4 digits + "-" + at least 3 digits. Such a code is never
/// a bank's or a wallet's transaction code typed at the counter: taken
/// there, it would stand in for a batch line's result or a round's stop.
pub fn own_reference(s: &str) -> Option<OwnReference> {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let (kind, rest, second) = if let Some(rest) = t.strip_prefix("CK") {
        (OwnReference::BankLine, rest, 4)
    } else if let Some(rest) = t.strip_prefix("NH") {
        (OwnReference::RoundStop, rest, 3)
    } else {
        return None;
    };
    let (a, b) = rest.split_once('-')?;
    let digits = |p: &str, min: usize| p.len() >= min && p.bytes().all(|c| c.is_ascii_digit());
    (digits(a, 4) && digits(b, second)).then_some(kind)
}

/// The printed receipt number: PREFIX-YEAR-NNNNNN ("HD-2026-000123").
pub fn receipt_no(prefix: &str, year: i32, seq: i64) -> String {
    format!("{prefix}-{year}-{seq:06}")
}

/// A line a payment settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaidLine {
    pub entitlement_id: i64,
    pub period: Period,
    pub kind: EntitlementKind,
    pub amount: Money,
}

/// A payment's reversal (void): it stands, struck through, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reversal {
    pub at: String,
    pub requested_by: String,
    pub approved_by: String,
    pub reason: String,
}

/// A recorded payment, with everything a receipt or a report shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaymentRecord {
    pub id: i64,
    pub receipt_no: String,
    pub person_id: i64,
    pub day: String,
    pub paid_at: String,
    pub clerk_id: i64,
    /// The clerk's full name.
    pub clerk: String,
    /// The supervisor who approved the payment on the spot, if any: outside
    /// the payment window, or a proxy a clerk typed in.
    pub approved_by: Option<String>,
    pub receiver_kind: ReceiverKind,
    pub receiver_name: String,
    pub receiver_id_number: String,
    /// The number of the authorisation (or guardianship) paper a proxy or
    /// guardian collected with, or the death certificate's for an heir;
    /// `None` for the person themself.
    pub proxy_paper: Option<String>,
    /// An heir's relation to the deceased.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receiver_relation: Option<String>,
    pub method: PayMethod,
    pub account: Option<String>,
    pub reference: Option<String>,
    pub total: Money,
    pub lines: Vec<PaidLine>,
    pub reversal: Option<Reversal>,
}

impl PaymentRecord {
    /// The periods the payment covers, oldest first, without repeats.
    pub fn periods(&self) -> Vec<Period> {
        let mut p: Vec<Period> = self.lines.iter().map(|l| l.period).collect();
        p.sort();
        p.dedup();
        p
    }

    pub fn is_reversed(&self) -> bool {
        self.reversal.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipt_numbers_are_zero_padded_per_year() {
        assert_eq!(receipt_no("HD", 2026, 123), "HD-2026-000123");
        assert_eq!(receipt_no("HD", 2027, 1), "HD-2027-000001");
    }

    #[test]
    fn only_transfers_need_an_account() {
        assert!(PayMethod::Bank.is_transfer() && PayMethod::Wallet.is_transfer());
        assert!(PayMethod::Cash.is_cash() && PayMethod::Home.is_cash());
        for m in PayMethod::ALL {
            assert_eq!(PayMethod::from_code(m.code()), Some(m));
        }
    }
}
