//! The plan's lists and its measure, computed from what is on file,
//! registered and paid — never typed in:
//!
//! - [`Classified`]: paid in cash; able to open an account; missing papers
//!   (and which); the same two for proxies in date; and everyone without a
//!   CCCD card, for the commune police;
//! - [`AccountList`]: who asked for an account, the papers it needs, and
//!   where each account stands;
//! - [`CashlessReport`]: by hamlet (and by month for the commune), the
//!   people and the amount paid by bank or digital account against all
//!   paid, from payments not voided;
//! - [`Change`]s: where what the office registered differs from the
//!   payer's list, for the social-affairs office.
//!
//! A person's registered value is the newest registration's; without one
//! it is what the payer's list says (and the papers' issue date and place,
//! which only the office records, are missing). Only active people, and
//! proxies whose authorisation is in date, are sorted into the lists.
//!
//! Each is plain data; `document::lists` lays them out for every format.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::{Error, Service, Session};
use crate::domain::idnumber::IdKind;
use crate::domain::payment::PayMethod;
use crate::domain::person::Status;
use crate::domain::proxy::Validity;
use crate::domain::registration::{self, AccountStep, HomeReason, Missing, Papers, Registration};
use crate::domain::{Money, Period};
use crate::store::registrations::{self as regs, OnFile, PaidLine, Whose};
use crate::text::collate;

mod changes;
use changes::changes;
pub use changes::{Change, differences, listed_differences};

/// One person or proxy on a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub person_id: i64,
    pub proxy_id: Option<i64>,
    /// The person's record code (a proxy's: the person they collect for).
    pub code: String,
    pub name: String,
    pub hamlet: Option<String>,
    pub id_number: Option<String>,
    pub id_kind: Option<IdKind>,
    pub issued: Option<NaiveDate>,
    pub place: Option<String>,
    pub phone: Option<String>,
    /// A person's method (none for a proxy).
    pub method: Option<PayMethod>,
    pub home_reason: Option<HomeReason>,
    pub missing: Vec<Missing>,
    /// For a proxy: the person's name.
    pub proxy_for: Option<String>,
}

/// The plan's lists (III.3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Classified {
    pub cash: Vec<Entry>,
    pub can_open_account: Vec<Entry>,
    pub missing_papers: Vec<Entry>,
    pub proxies_can_open_account: Vec<Entry>,
    pub proxies_missing_papers: Vec<Entry>,
    pub need_cccd: Vec<Entry>,
}

impl Classified {
    /// The lists with their machine names, in order.
    pub fn lists(&self) -> [(&'static str, &Vec<Entry>); 6] {
        [
            ("cash", &self.cash),
            ("can_open_account", &self.can_open_account),
            ("missing_papers", &self.missing_papers),
            ("proxies_can_open_account", &self.proxies_can_open_account),
            ("proxies_missing_papers", &self.proxies_missing_papers),
            ("need_cccd", &self.need_cccd),
        ]
    }

    /// Every hamlet that appears in any list, in Vietnamese order (no
    /// hamlet last, as "").
    pub fn hamlets(&self) -> Vec<String> {
        let set: BTreeSet<String> = self
            .lists()
            .iter()
            .flat_map(|(_, l)| l.iter().map(|e| e.hamlet.clone().unwrap_or_default()))
            .collect();
        sorted_hamlets(set)
    }
}

fn sorted_hamlets(set: BTreeSet<String>) -> Vec<String> {
    let mut v: Vec<String> = set.into_iter().collect();
    v.sort_by(|a, b| match (a.is_empty(), b.is_empty()) {
        (true, false) => std::cmp::Ordering::Greater,
        (false, true) => std::cmp::Ordering::Less,
        _ => collate::compare(a, b),
    });
    v
}

/// One account on the opening list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountEntry {
    pub entry: Entry,
    pub step: AccountStep,
    /// When it reached this step (a stored time).
    pub since: String,
    pub account_bank: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AccountList {
    pub accounts: Vec<AccountEntry>,
}

/// People and amounts of one hamlet (or of the commune).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Share {
    pub hamlet: String,
    pub people: i64,
    pub cashless_people: i64,
    pub amount: Money,
    pub cashless: Money,
    /// Active people whose registered method is a bank or digital account.
    pub registered_cashless: i64,
}

impl Share {
    /// The share of people paid without cash, in tenths of a percent.
    pub fn permille(&self) -> i64 {
        if self.people == 0 {
            0
        } else {
            (self.cashless_people * 1000 + self.people / 2) / self.people
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CashlessReport {
    /// The period counted; `None` for every period.
    pub period: Option<Period>,
    pub target_percent: u8,
    pub hamlets: Vec<Share>,
    pub total: Share,
    /// The commune's share in each month paid, oldest first.
    pub months: Vec<(Period, Share)>,
}

/// What the lists are computed from, read on one snapshot.
struct Facts {
    people: Vec<OnFile>,
    proxies: Vec<crate::domain::proxy::Proxy>,
    regs: HashMap<Whose, Registration>,
    steps: HashMap<Whose, Vec<(AccountStep, String)>>,
}

fn payer_phone(p: &OnFile) -> Option<String> {
    p.phone
        .as_deref()
        .and_then(|s| registration::parse_phone(s).ok())
}

/// A person as registered (or as the payer's list says).
fn person_entry(p: &OnFile, reg: Option<&Registration>) -> Entry {
    let (papers, phone, method, home_reason) = match reg {
        Some(g) => (
            g.papers.clone(),
            g.phone.clone(),
            g.method.unwrap_or(p.pay_method),
            g.home_reason,
        ),
        None => (
            Papers {
                id_number: p.id_number.clone(),
                id_kind: p.id_kind,
                issued: None,
                place: None,
            },
            payer_phone(p),
            p.pay_method,
            None,
        ),
    };
    Entry {
        person_id: p.id,
        proxy_id: None,
        code: p.record_code.clone(),
        name: p.full_name.clone(),
        hamlet: p.hamlet.clone(),
        missing: registration::missing(&papers, phone.as_deref()),
        id_number: papers.id_number,
        id_kind: papers.id_kind,
        issued: papers.issued,
        place: papers.place,
        phone,
        method: Some(method),
        home_reason,
        proxy_for: None,
    }
}

fn proxy_entry(
    x: &crate::domain::proxy::Proxy,
    person: &OnFile,
    reg: Option<&Registration>,
) -> Entry {
    let papers = match reg {
        Some(g) => g.papers.clone(),
        None => {
            let kind = match x.id_number.len() {
                12 => Some(IdKind::Cccd),
                9 => Some(IdKind::Cmnd),
                _ => None,
            };
            Papers {
                id_number: kind.map(|_| x.id_number.clone()),
                id_kind: kind,
                issued: None,
                place: None,
            }
        }
    };
    let phone = reg.and_then(|g| g.phone.clone());
    Entry {
        person_id: person.id,
        proxy_id: Some(x.id),
        code: person.record_code.clone(),
        name: x.full_name.clone(),
        hamlet: person.hamlet.clone(),
        missing: registration::missing(&papers, phone.as_deref()),
        id_number: papers.id_number,
        id_kind: papers.id_kind,
        issued: papers.issued,
        place: papers.place,
        phone,
        method: None,
        home_reason: None,
        proxy_for: Some(person.full_name.clone()),
    }
}

fn sort(list: &mut [Entry]) {
    list.sort_by(|a, b| {
        let ha = a.hamlet.clone().unwrap_or_default();
        let hb = b.hamlet.clone().unwrap_or_default();
        (ha.is_empty().cmp(&hb.is_empty()))
            .then_with(|| collate::compare(&ha, &hb))
            .then_with(|| collate::compare_names(&a.name, &b.name))
            .then_with(|| a.code.cmp(&b.code))
    });
}

/// Sorts everyone on file into the plan's lists on `today`.
fn classify(f: &Facts, today: NaiveDate) -> Classified {
    let mut c = Classified::default();
    let by_id: HashMap<i64, &OnFile> = f.people.iter().map(|p| (p.id, p)).collect();
    for p in f.people.iter().filter(|p| p.status == Status::Active) {
        let e = person_entry(p, f.regs.get(&(p.id, None)));
        let cashless = e.method.is_some_and(registration::is_cashless);
        if registration::needs_cccd(&papers_of(&e)) {
            c.need_cccd.push(e.clone());
        }
        if !cashless {
            c.cash.push(e.clone());
            if e.missing.is_empty() {
                c.can_open_account.push(e);
            } else {
                c.missing_papers.push(e);
            }
        }
    }
    for x in &f.proxies {
        let Some(person) = by_id.get(&x.person_id) else {
            continue;
        };
        if person.status != Status::Active || x.validity(today) != Validity::InDate {
            continue;
        }
        let e = proxy_entry(x, person, f.regs.get(&(person.id, Some(x.id))));
        if registration::needs_cccd(&papers_of(&e)) {
            c.need_cccd.push(e.clone());
        }
        if e.missing.is_empty() {
            c.proxies_can_open_account.push(e);
        } else {
            c.proxies_missing_papers.push(e);
        }
    }
    for l in [
        &mut c.cash,
        &mut c.can_open_account,
        &mut c.missing_papers,
        &mut c.proxies_can_open_account,
        &mut c.proxies_missing_papers,
        &mut c.need_cccd,
    ] {
        sort(l);
    }
    c
}

fn papers_of(e: &Entry) -> Papers {
    Papers {
        id_number: e.id_number.clone(),
        id_kind: e.id_kind,
        issued: e.issued,
        place: e.place.clone(),
    }
}

fn accounts(f: &Facts) -> AccountList {
    let people: HashMap<i64, &OnFile> = f.people.iter().map(|p| (p.id, p)).collect();
    let proxies: HashMap<i64, &crate::domain::proxy::Proxy> =
        f.proxies.iter().map(|x| (x.id, x)).collect();
    let mut out = Vec::new();
    for (whose, steps) in &f.steps {
        let Some(person) = people.get(&whose.0) else {
            continue;
        };
        let Some((step, since)) = steps.iter().max_by_key(|(s, _)| *s).cloned() else {
            continue;
        };
        let reg = f.regs.get(whose);
        let entry = match whose.1 {
            None => person_entry(person, reg),
            Some(pid) => match proxies.get(&pid) {
                Some(x) => proxy_entry(x, person, reg),
                None => continue,
            },
        };
        out.push(AccountEntry {
            entry,
            step,
            since,
            account_bank: reg.and_then(|g| g.account_bank.clone()),
        });
    }
    let mut entries: Vec<Entry> = out.iter().map(|a| a.entry.clone()).collect();
    sort(&mut entries);
    let order: HashMap<Whose, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| ((e.person_id, e.proxy_id), i))
        .collect();
    out.sort_by_key(|a| order.get(&(a.entry.person_id, a.entry.proxy_id)).copied());
    AccountList { accounts: out }
}

/// The share paid without cash, from the lines paid and not voided.
pub fn share(
    people: &[OnFile],
    regs: &HashMap<Whose, Registration>,
    lines: &[PaidLine],
    period: Option<Period>,
    target_percent: u8,
) -> CashlessReport {
    let name = |h: &Option<String>| h.clone().unwrap_or_default();
    let mut hamlets: BTreeSet<String> = BTreeSet::new();
    // Per hamlet: people paid, people paid without cash, amounts.
    type Acc = (BTreeSet<i64>, BTreeSet<i64>, i64, i64);
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    let mut all: Acc = Default::default();
    let mut months: BTreeMap<String, Acc> = BTreeMap::new();
    for l in lines {
        let cashless = registration::is_cashless(l.method);
        for a in [
            acc.entry(name(&l.hamlet)).or_default(),
            months.entry(l.period.clone()).or_default(),
        ] {
            add(a, l, cashless);
        }
        add(&mut all, l, cashless);
        hamlets.insert(name(&l.hamlet));
    }
    let mut registered: BTreeMap<String, i64> = BTreeMap::new();
    for p in people.iter().filter(|p| p.status == Status::Active) {
        hamlets.insert(name(&p.hamlet));
        let method = regs
            .get(&(p.id, None))
            .and_then(|g| g.method)
            .unwrap_or(p.pay_method);
        if registration::is_cashless(method) {
            *registered.entry(name(&p.hamlet)).or_default() += 1;
        }
    }
    let make = |hamlet: String, a: Option<&Acc>, reg: i64| {
        let (people, cashless_people, amount, cashless) = match a {
            Some((p, c, am, cl)) => (p.len() as i64, c.len() as i64, *am, *cl),
            None => (0, 0, 0, 0),
        };
        Share {
            hamlet,
            people,
            cashless_people,
            amount: Money::from_dong(amount),
            cashless: Money::from_dong(cashless),
            registered_cashless: reg,
        }
    };
    let rows = sorted_hamlets(hamlets)
        .into_iter()
        .map(|h| {
            let reg = registered.get(&h).copied().unwrap_or(0);
            make(h.clone(), acc.get(&h), reg)
        })
        .collect();
    let total = make(String::new(), Some(&all), registered.values().sum());
    let months = months
        .iter()
        .filter_map(|(p, a)| Some((p.parse::<Period>().ok()?, make(p.clone(), Some(a), 0))))
        .collect();
    CashlessReport {
        period,
        target_percent,
        hamlets: rows,
        total,
        months,
    }
}

fn add(a: &mut (BTreeSet<i64>, BTreeSet<i64>, i64, i64), l: &PaidLine, cashless: bool) {
    a.0.insert(l.person_id);
    a.2 += l.amount;
    if cashless {
        a.1.insert(l.person_id);
        a.3 += l.amount;
    }
}

impl Service {
    fn list_facts(&self) -> Result<Facts, Error> {
        Ok(self.store.read(|r| {
            Ok::<_, crate::store::StoreError>(Facts {
                people: regs::people(r)?,
                proxies: regs::proxies(r)?,
                regs: regs::latest_all(r)?,
                steps: regs::steps_all(r)?,
            })
        })?)
    }

    /// The plan's lists as of today. They name people's papers and
    /// phones: a supervisor's.
    pub fn classify(&self, session: &Session) -> Result<Classified, Error> {
        session.require_supervisor()?;
        let f = self.list_facts()?;
        Ok(classify(&f, self.clock.today()))
    }

    /// The account-opening list with each account's state.
    pub fn account_list(&self, session: &Session) -> Result<AccountList, Error> {
        session.require_supervisor()?;
        Ok(accounts(&self.list_facts()?))
    }

    /// The registrations the payer should learn of.
    pub fn registration_changes(&self, session: &Session) -> Result<Vec<Change>, Error> {
        session.require_supervisor()?;
        Ok(changes(&self.list_facts()?))
    }

    /// The share paid without cash in `period` (default: the newest period
    /// anything was paid in, else this month).
    pub fn cashless_report(
        &self,
        _session: &Session,
        period: Option<Period>,
    ) -> Result<CashlessReport, Error> {
        let target = self.config.cashless.target_percent.min(100);
        let current = self.current_period();
        Ok(self.store.read(|r| {
            let period = match period {
                Some(p) => p,
                None => regs::last_paid_period(r)?
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(current),
            };
            let people = regs::people(r)?;
            let regs_now = regs::latest_all(r)?;
            let lines = regs::paid_lines(r, Some(&period.to_string()))?;
            let all = regs::paid_lines(r, None)?;
            let mut report = share(&people, &regs_now, &lines, Some(period), target);
            report.months = share(&people, &regs_now, &all, None, target).months;
            Ok::<_, crate::store::StoreError>(report)
        })?)
    }
}
