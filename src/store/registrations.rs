//! Registrations made at the counter and the steps of the accounts the
//! plan helps open; and the facts the plan's lists and the cashless share
//! are computed from (everyone on file, their proxies, what was paid).
//!
//! Both tables are append-only and sealed: a registration row edited with
//! another tool is refused when read ([`StoreError::Tampered`]) and named
//! by `verify`.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::rows::{self, Stored, Table, int, opt_int, opt_text, text};
use super::{Event, Read, StoreError, Write};
use crate::domain::idnumber::IdKind;
use crate::domain::payment::PayMethod;
use crate::domain::person::Status;
use crate::domain::registration::{AccountStep, HomeReason, Papers, Registration};

/// A person or proxy: (person id, proxy id).
pub type Whose = (i64, Option<i64>);

fn get_text(s: &Stored, c: &str) -> Option<String> {
    match s.columns.get(c) {
        Some(Value::Text(t)) => Some(t.clone()),
        _ => None,
    }
}

fn get_int(s: &Stored, c: &str) -> Option<i64> {
    match s.columns.get(c) {
        Some(Value::Integer(i)) => Some(*i),
        _ => None,
    }
}

fn checked(r: &Read<'_>, table: Table, s: &Stored) -> Result<(), StoreError> {
    if rows::check(r.keys_for_check(), table, s) != rows::MacCheck::Good {
        return Err(StoreError::Tampered {
            table: table.name(),
            key: s.key.clone(),
        });
    }
    Ok(())
}

fn registration(s: &Stored) -> Registration {
    let kind = get_text(s, "id_kind");
    Registration {
        id: get_int(s, "id").unwrap_or_default(),
        person_id: get_int(s, "person_id").unwrap_or_default(),
        proxy_id: get_int(s, "proxy_id"),
        method: get_text(s, "method").and_then(|m| PayMethod::from_code(&m)),
        account_no: get_text(s, "account_no"),
        account_bank: get_text(s, "account_bank"),
        account_holder: get_text(s, "account_holder"),
        home_reason: get_text(s, "home_reason").and_then(|r| HomeReason::from_code(&r)),
        phone: get_text(s, "phone"),
        papers: Papers {
            id_number: get_text(s, "id_number"),
            id_kind: match kind.as_deref() {
                Some("cccd") => Some(IdKind::Cccd),
                Some("cmnd") => Some(IdKind::Cmnd),
                _ => None,
            },
            issued: get_text(s, "id_issued")
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            place: get_text(s, "id_place"),
        },
        recorded_by: get_int(s, "recorded_by").unwrap_or_default(),
        recorded_at: get_text(s, "recorded_at").unwrap_or_default(),
        approved_by: get_int(s, "approved_by"),
    }
}

/// The newest registration of each person and proxy, every row's seal
/// checked.
pub fn latest_all(r: &Read<'_>) -> Result<HashMap<Whose, Registration>, StoreError> {
    let mut out: HashMap<Whose, Registration> = HashMap::new();
    rows::each(r.conn(), Table::Registrations, |s| {
        checked(r, Table::Registrations, &s)?;
        let reg = registration(&s);
        // Rows come in id order: a later one replaces an earlier one.
        out.insert((reg.person_id, reg.proxy_id), reg);
        Ok(())
    })?;
    Ok(out)
}

/// The newest registration of one person (`proxy_id` None) or proxy.
pub fn latest(
    r: &Read<'_>,
    person_id: i64,
    proxy_id: Option<i64>,
) -> Result<Option<Registration>, StoreError> {
    let id: Option<i64> = r
        .conn()
        .prepare_cached(
            "SELECT max(id) FROM registrations WHERE person_id = ?1 AND proxy_id IS ?2",
        )?
        .query_row(rusqlite::params![person_id, proxy_id], |row| row.get(0))?;
    let Some(id) = id else { return Ok(None) };
    let Some(s) = rows::read(r.conn(), Table::Registrations, &id.to_string())? else {
        return Ok(None);
    };
    checked(r, Table::Registrations, &s)?;
    Ok(Some(registration(&s)))
}

/// The ID number the counter checks for `person`: the one the office
/// registered with their papers, else the payer's list's.
pub fn id_number_to_check(
    r: &Read<'_>,
    person: &crate::domain::person::Person,
) -> Result<Option<String>, StoreError> {
    let registered = latest(r, person.id, None)?;
    Ok(crate::domain::registration::id_number_to_check(
        person.id_number.as_deref(),
        registered.as_ref(),
    )
    .map(str::to_string))
}

/// The people whose newest registration (their own, not a proxy's) holds
/// the ID number `number`, each checked against its seal.
pub fn people_with_id_number(r: &Read<'_>, number: &str) -> Result<Vec<i64>, StoreError> {
    let ids: Vec<i64> = r
        .conn()
        .prepare_cached(
            "SELECT DISTINCT person_id FROM registrations \
             WHERE id_number = ?1 AND proxy_id IS NULL ORDER BY person_id LIMIT 20",
        )?
        .query_map([number], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for id in ids {
        if latest(r, id, None)?.is_some_and(|g| g.papers.id_number.as_deref() == Some(number)) {
            out.push(id);
        }
    }
    Ok(out)
}

/// The record code and name of a person other than `person_id` whose
/// newest registration has the account number `account`, if any.
pub fn account_of_another(
    r: &Read<'_>,
    account: &str,
    person_id: i64,
) -> Result<Option<(String, String)>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT p.record_code, p.full_name FROM registrations g JOIN people p ON p.id = g.person_id \
             WHERE g.account_no = ?1 AND g.person_id <> ?2 AND g.proxy_id IS NULL \
               AND g.id = (SELECT max(id) FROM registrations n \
                           WHERE n.person_id = g.person_id AND n.proxy_id IS NULL) \
             LIMIT 1",
        )?
        .query_row(rusqlite::params![account, person_id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?)
}

/// Saves a registration (its `id` is ignored); returns its id and the
/// change to log.
pub fn insert(w: &mut Write<'_>, g: &Registration) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::Registrations)?;
    let image = w.insert(
        Table::Registrations,
        &[
            ("id", int(id)),
            ("person_id", int(g.person_id)),
            ("proxy_id", opt_int(g.proxy_id)),
            ("method", opt_text(g.method.map(|m| m.code()))),
            ("account_no", opt_text(g.account_no.clone())),
            ("account_bank", opt_text(g.account_bank.clone())),
            ("account_holder", opt_text(g.account_holder.clone())),
            ("home_reason", opt_text(g.home_reason.map(|h| h.code()))),
            ("phone", opt_text(g.phone.clone())),
            ("id_number", opt_text(g.papers.id_number.clone())),
            (
                "id_kind",
                opt_text(g.papers.id_kind.map(|k| match k {
                    IdKind::Cccd => "cccd",
                    IdKind::Cmnd => "cmnd",
                })),
            ),
            (
                "id_issued",
                opt_text(g.papers.issued.map(|d| d.format("%Y-%m-%d").to_string())),
            ),
            ("id_place", opt_text(g.papers.place.clone())),
            ("recorded_by", int(g.recorded_by)),
            ("recorded_at", text(&g.recorded_at)),
            ("approved_by", opt_int(g.approved_by)),
        ],
    )?;
    Ok((
        id,
        Event::new("registration.record", "person", Some(g.person_id)).row(image),
    ))
}

/// Records a step of an account; returns the change to log.
pub fn insert_step(
    w: &mut Write<'_>,
    whose: Whose,
    step: AccountStep,
    by: i64,
) -> Result<Event, StoreError> {
    let id = w.next_id(Table::AccountSteps)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::AccountSteps,
        &[
            ("id", int(id)),
            ("person_id", int(whose.0)),
            ("proxy_id", opt_int(whose.1)),
            ("step", text(step.code())),
            ("recorded_by", int(by)),
            ("recorded_at", text(at)),
        ],
    )?;
    Ok(Event::new("account.step", "person", Some(whose.0)).row(image))
}

/// The steps each account has reached, oldest first, with when; every
/// row's seal checked.
pub fn steps_all(r: &Read<'_>) -> Result<HashMap<Whose, Vec<(AccountStep, String)>>, StoreError> {
    let mut out: HashMap<Whose, Vec<(AccountStep, String)>> = HashMap::new();
    rows::each(r.conn(), Table::AccountSteps, |s| {
        checked(r, Table::AccountSteps, &s)?;
        let whose = (
            get_int(&s, "person_id").unwrap_or_default(),
            get_int(&s, "proxy_id"),
        );
        if let Some(step) = get_text(&s, "step").and_then(|c| AccountStep::from_code(&c)) {
            out.entry(whose)
                .or_default()
                .push((step, get_text(&s, "recorded_at").unwrap_or_default()));
        }
        Ok(())
    })?;
    Ok(out)
}

/// A person on file as the lists need them: what the payer's list says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnFile {
    pub id: i64,
    pub record_code: String,
    pub full_name: String,
    pub search_key: String,
    pub hamlet: Option<String>,
    pub id_number: Option<String>,
    pub id_kind: Option<IdKind>,
    pub phone: Option<String>,
    pub pay_method: PayMethod,
    pub account_no: Option<String>,
    pub account_bank: Option<String>,
    pub status: Status,
}

/// Everyone on file, by id.
pub fn people(r: &Read<'_>) -> Result<Vec<OnFile>, StoreError> {
    let mut stmt = r.cached(
        "SELECT id, record_code, full_name, search_key, hamlet, id_number, id_kind, phone,
                pay_method, account_no, account_bank, status
         FROM people ORDER BY id",
    )?;
    let rows = stmt.query_map([], |row| {
        let kind: Option<String> = row.get(6)?;
        let method: String = row.get(8)?;
        let status: String = row.get(11)?;
        Ok(OnFile {
            id: row.get(0)?,
            record_code: row.get(1)?,
            full_name: row.get(2)?,
            search_key: row.get(3)?,
            hamlet: row.get(4)?,
            id_number: row.get(5)?,
            id_kind: match kind.as_deref() {
                Some("cccd") => Some(IdKind::Cccd),
                Some("cmnd") => Some(IdKind::Cmnd),
                _ => None,
            },
            phone: row.get(7)?,
            pay_method: PayMethod::from_code(&method).unwrap_or(PayMethod::Cash),
            account_no: row.get(9)?,
            account_bank: row.get(10)?,
            status: Status::from_code(&status).unwrap_or(Status::Suspended),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every proxy and guardian on file, by id.
pub fn proxies(r: &Read<'_>) -> Result<Vec<crate::domain::proxy::Proxy>, StoreError> {
    let ids: Vec<i64> = r
        .cached("SELECT id FROM proxies ORDER BY id")?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(p) = super::proxies::get(r, id)? {
            out.push(p);
        }
    }
    Ok(out)
}

/// One entitlement line paid and not voided, as the cashless share counts
/// it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaidLine {
    pub person_id: i64,
    pub hamlet: Option<String>,
    /// The entitlement's period, "YYYY-MM".
    pub period: String,
    pub method: PayMethod,
    pub amount: i64,
}

/// The lines paid and not voided, of `period` ("YYYY-MM") or of all.
pub fn paid_lines(r: &Read<'_>, period: Option<&str>) -> Result<Vec<PaidLine>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT p.person_id, pe.hamlet, e.period, p.method, l.amount
         FROM payment_lines l
         JOIN payments p ON p.id = l.payment_id
         JOIN entitlements e ON e.id = l.entitlement_id
         JOIN people pe ON pe.id = p.person_id
         WHERE NOT EXISTS (SELECT 1 FROM reversals v WHERE v.payment_id = p.id)
           AND (?1 IS NULL OR e.period = ?1)
         ORDER BY p.id, l.entitlement_id",
    )?;
    let rows = stmt.query_map([period], |row| {
        let method: String = row.get(3)?;
        Ok(PaidLine {
            person_id: row.get(0)?,
            hamlet: row.get(1)?,
            period: row.get(2)?,
            method: PayMethod::from_code(&method).unwrap_or(PayMethod::Cash),
            amount: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The newest period anything was paid in, "YYYY-MM".
pub fn last_paid_period(r: &Read<'_>) -> Result<Option<String>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT max(e.period) FROM payment_lines l JOIN entitlements e ON e.id = l.entitlement_id",
        )?
        .query_row([], |row| row.get(0))?)
}
