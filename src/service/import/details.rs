//! What a monthly list changes in the file of a person already on it —
//! the name, the ID number, the payment method, the account — old → new,
//! for the preview the supervisor reads before writing. Where the office
//! registered that value at the counter, the registration stays in use
//! (the counter checks the registered ID number, pays by the registered
//! method, to the registered account), and the preview says which.
//!
//! The other details a list may change (phone, hamlet, address, category,
//! birth year, gender) are not what sends money to someone else; they are
//! listed after these, old → new, so that the preview names every person
//! whose file the list changes (as many as it counts).

use serde::Serialize;

use super::changes::{ChangeAction, ChangePreview};
use crate::domain::PayMethod;
use crate::domain::person::Person;
use crate::domain::registration::Registration;
use crate::store::people::ListedPerson;

/// An account: its number and its bank (or the wallet's provider).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub number: Option<String>,
    pub bank: Option<String>,
}

/// One detail of a person a list changes: what the file held, what the
/// list writes, and — when the office registered that detail at the
/// counter and it differs — the registered value, which stays the one used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum DetailChange {
    Name {
        old: String,
        new: String,
    },
    IdNumber {
        old: Option<String>,
        new: String,
        kept: Option<String>,
    },
    Method {
        old: PayMethod,
        new: PayMethod,
        kept: Option<PayMethod>,
    },
    Account {
        old: Account,
        new: Account,
        /// Where the next transfer goes.
        used: AccountUse,
    },
    /// Another detail (`detail`: birth_year, gender, phone, hamlet,
    /// address, category), listed so that every person the list changes
    /// is named.
    Other {
        detail: String,
        old: Option<String>,
        new: String,
    },
}

/// Where the person's next transfer goes once the list is written: as the
/// counter and the bank's batch read the method and the account, the
/// office's registration first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "to", content = "value", rename_all = "snake_case")]
pub enum AccountUse {
    /// To the account the list gives.
    New,
    /// To the account the office registered at the counter.
    Registered(Account),
    /// Nowhere: the person is paid in cash (the method registered at the
    /// counter, or the list's).
    NoTransfer(PayMethod),
}

/// The name, ID number, method and account the list changes for `person`
/// (what it leaves empty it does not change), against the registration
/// `reg` the office holds, if any.
pub(super) fn detail_changes(
    person: &Person,
    listed: &ListedPerson,
    reg: Option<&Registration>,
) -> Vec<DetailChange> {
    let mut out = Vec::new();
    if listed.full_name != person.full_name {
        out.push(DetailChange::Name {
            old: person.full_name.clone(),
            new: listed.full_name.clone(),
        });
    }
    if let Some(new) = listed
        .id_number
        .as_ref()
        .filter(|n| person.id_number.as_ref() != Some(*n))
    {
        out.push(DetailChange::IdNumber {
            old: person.id_number.clone(),
            new: new.clone(),
            kept: reg
                .and_then(|g| g.papers.id_number.clone())
                .filter(|k| k != new),
        });
    }
    if let Some(new) = listed.pay_method.filter(|m| *m != person.pay_method) {
        out.push(DetailChange::Method {
            old: person.pay_method,
            new,
            kept: reg.and_then(|g| g.method).filter(|k| *k != new),
        });
    }
    let old = Account {
        number: person.account_no.clone(),
        bank: person.account_bank.clone(),
    };
    let new = Account {
        number: listed.account_no.clone().or_else(|| old.number.clone()),
        bank: listed.account_bank.clone().or_else(|| old.bank.clone()),
    };
    if new != old {
        let method = reg
            .and_then(|g| g.method)
            .or(listed.pay_method)
            .unwrap_or(person.pay_method);
        let registered = reg.filter(|g| g.account_no.is_some()).map(|g| Account {
            number: g.account_no.clone(),
            bank: g.account_bank.clone(),
        });
        let used = match registered {
            _ if !method.is_transfer() => AccountUse::NoTransfer(method),
            Some(r) if r != new => AccountUse::Registered(r),
            _ => AccountUse::New,
        };
        out.push(DetailChange::Account { old, new, used });
    }
    out
}

/// The details [`detail_changes`] does not cover, from the store's list of
/// what changes (`people::changes`).
pub(super) fn other_changes(
    changes: &[(&'static str, Option<String>, Option<String>)],
) -> Vec<DetailChange> {
    const COVERED: [&str; 5] = [
        "full_name",
        "id_number",
        "pay_method",
        "account_no",
        "account_bank",
    ];
    changes
        .iter()
        .filter(|(c, _, _)| !COVERED.contains(c))
        .filter_map(|(c, old, new)| {
            Some(DetailChange::Other {
                detail: (*c).to_owned(),
                old: old.clone(),
                new: new.clone()?,
            })
        })
        .collect()
}

/// The preview of a person a monthly list names who is not on file: code,
/// name, ID number and what the list pays them.
pub(super) fn new_person(
    person_id: i64,
    listed: &crate::import::record::ListedRow,
) -> ChangePreview {
    ChangePreview {
        row: listed.row,
        action: ChangeAction::New,
        person_id: Some(person_id),
        record_code: listed.person.record_code.clone(),
        full_name: listed.person.full_name.clone(),
        id_number: listed.person.id_number.clone(),
        from: None,
        reason: None,
        reason_text: None,
        old_amount: None,
        new_amount: Some(listed.total()),
        no_longer_payable: Vec::new(),
        overpaid: Vec::new(),
        added: Vec::new(),
        details: Vec::new(),
    }
}

/// The preview of a person whose details the list changes.
pub(super) fn preview(
    person: &Person,
    listed: &ListedPerson,
    row: usize,
    details: Vec<DetailChange>,
) -> ChangePreview {
    ChangePreview {
        row,
        action: ChangeAction::Updated,
        person_id: Some(person.id),
        record_code: person.record_code.clone(),
        full_name: listed.full_name.clone(),
        id_number: None,
        from: None,
        reason: None,
        reason_text: None,
        old_amount: None,
        new_amount: None,
        no_longer_payable: Vec::new(),
        overpaid: Vec::new(),
        added: Vec::new(),
        details,
    }
}
