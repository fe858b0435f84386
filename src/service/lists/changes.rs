//! Where what the office registered differs from the payer's list: the
//! changes sent back to the social-affairs office, and the disagreements
//! an incoming list's preview shows.

use serde::Serialize;

use super::{Facts, payer_phone};
use crate::domain::registration::{self, Registration};
use crate::import::record::Disagreement;
use crate::store::registrations::OnFile;
use crate::text::collate;

/// A difference between the office's registration and the payer's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub person_id: i64,
    pub code: String,
    pub name: String,
    pub hamlet: Option<String>,
    /// "phone", "method", "account" or "id_number".
    pub field: &'static str,
    pub payer: Option<String>,
    pub office: Option<String>,
    pub recorded_at: String,
}

/// Where the office's registration differs from the payer's list.
pub(super) fn changes(f: &Facts) -> Vec<Change> {
    let mut out = Vec::new();
    let mut people: Vec<&OnFile> = f.people.iter().collect();
    people.sort_by(|a, b| {
        collate::compare(
            a.hamlet.as_deref().unwrap_or(""),
            b.hamlet.as_deref().unwrap_or(""),
        )
        .then_with(|| collate::compare_names(&a.full_name, &b.full_name))
    });
    for p in people {
        let Some(g) = f.regs.get(&(p.id, None)) else {
            continue;
        };
        out.extend(differences(p, g));
    }
    out
}

/// The fields a registration changes against what the payer's list holds
/// of the same person.
pub fn differences(p: &OnFile, g: &Registration) -> Vec<Change> {
    let mut out = Vec::new();
    let mut push = |field: &'static str, payer: Option<String>, office: Option<String>| {
        if payer != office && office.is_some() {
            out.push(Change {
                person_id: p.id,
                code: p.record_code.clone(),
                name: p.full_name.clone(),
                hamlet: p.hamlet.clone(),
                field,
                payer,
                office,
                recorded_at: g.recorded_at.clone(),
            });
        }
    };
    push("phone", payer_phone(p).or(p.phone.clone()), g.phone.clone());
    push(
        "method",
        Some(p.pay_method.code().to_string()),
        g.method.map(|m| m.code().to_string()),
    );
    let account = |no: &Option<String>, bank: &Option<String>| match (no, bank) {
        (None, None) => None,
        (n, b) => Some(
            format!(
                "{} {}",
                n.clone().unwrap_or_default(),
                b.clone().unwrap_or_default()
            )
            .trim()
            .to_string(),
        ),
    };
    if g.method.is_some_and(registration::is_cashless) {
        push(
            "account",
            account(&p.account_no, &p.account_bank),
            account(&g.account_no, &g.account_bank),
        );
    }
    push("id_number", p.id_number.clone(), g.papers.id_number.clone());
    out
}

/// Where a person's row of an incoming list disagrees with what the office
/// registered, for the import's preview. Only values the list gives are
/// compared.
pub fn listed_differences(
    g: &Registration,
    listed: &crate::store::people::ListedPerson,
) -> Vec<Disagreement> {
    let mut out = Vec::new();
    if let (Some(l), Some(o)) = (&listed.phone, &g.phone) {
        let l_clean = registration::parse_phone(l).unwrap_or_else(|_| l.clone());
        if &l_clean != o {
            out.push(Disagreement::Phone(l.clone(), o.clone()));
        }
    }
    if let (Some(l), Some(o)) = (listed.pay_method, g.method)
        && l != o
    {
        out.push(Disagreement::Method(l, o));
    }
    if let (Some(l), Some(o)) = (&listed.account_no, &g.account_no)
        && l != o
    {
        out.push(Disagreement::Account(l.clone(), o.clone()));
    }
    if let (Some(l), Some(o)) = (&listed.id_number, &g.papers.id_number)
        && l != o
    {
        out.push(Disagreement::IdNumber(l.clone(), o.clone()));
    }
    out
}
