//! Registering at the counter what the office is the source of: a person's
//! (or proxy's) payment method wish, account, home-payment reason, mobile
//! phone and ID papers; and the steps of an account the plan helps open.
//!
//! A registration carries over every field it does not change from the
//! one before (or, the first time, from the payer's list), so the newest
//! is complete. Rules: the phone is a Vietnamese mobile number, the ID
//! number is checked as everywhere else, papers are not issued in the
//! future, paying at home needs a reason, an account needs its number (its
//! digits only) and its bank or provider, and an account in a name other
//! than the person's needs a supervisor's confirmation
//! ([`Service::approval`]). Each registration is one audited write naming
//! who recorded it.

use chrono::NaiveDate;
use serde_json::json;

use super::pay::Approval;
use super::{Error, Service, Session};
use crate::domain::account::{AccountError, parse_account};
use crate::domain::idnumber::{self, IdError};
use crate::domain::payment::PayMethod;
use crate::domain::person::Status;
use crate::domain::registration::{
    self, AccountStep, HomeReason, Papers, PapersError, PhoneError, Registration,
};
use crate::store::registrations::{self as regs, Whose};
use crate::store::{people, proxies};
use crate::text::fold;

/// What the clerk typed; `None` leaves a field as it was.
#[derive(Debug, Clone, Default)]
pub struct RegisterRequest {
    /// Register a proxy or guardian of the person instead of the person.
    pub proxy_id: Option<i64>,
    pub method: Option<PayMethod>,
    pub account_no: Option<String>,
    pub account_bank: Option<String>,
    /// The account holder's name when it is not the person's.
    pub account_holder: Option<String>,
    /// A reason as typed (code or words).
    pub home_reason: Option<String>,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub id_issued: Option<NaiveDate>,
    pub id_place: Option<String>,
    /// A supervisor's confirmation, for an account in another name.
    pub approval: Option<Approval>,
}

/// Why a registration was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterError {
    Phone(PhoneError),
    /// An account number that is not one (digits only, 6 to 20).
    Account(AccountError),
    IdNumber(IdError),
    Papers(PapersError),
    /// The home-payment reason was not understood.
    UnknownHomeReason(String),
    /// Paying at home needs a reason.
    HomeReasonMissing,
    /// A bank or digital account needs its number and its bank or
    /// provider.
    AccountMissing,
    /// Where the money goes was changed in a way a supervisor confirms.
    NeedsApproval(AccountApproval),
    /// A proxy has no payment method of its own.
    MethodForProxy,
    /// The proxy is not this person's.
    UnknownProxy,
    /// Nothing was given to register.
    Nothing,
    /// An account step for someone who never asked for an account.
    NoAccountAsked,
    /// How the money goes (method, account, home reason) for a person who
    /// is deceased or moved away: they are never paid again, and what is
    /// still owed goes to the heir, at the counter.
    NotPayable(crate::domain::person::Status),
}

/// Why a registration at the counter waits for a supervisor: each is a way
/// one clerk alone could send someone's allowance to an account, or hand
/// it to a card, that is not theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountApproval {
    /// The account is in another name than the person's.
    OtherName { holder: String, person: String },
    /// It replaces the account on file, which the money went to so far.
    Replaces { before: String },
    /// A new ID number in place of the one on file: the counter checks
    /// the person's card against it from then on.
    IdReplaces { before: String },
    /// Another person's newest registration has the same account.
    Shared {
        account: String,
        code: String,
        name: String,
    },
}

impl From<RegisterError> for Error {
    fn from(e: RegisterError) -> Self {
        Error::Register(e)
    }
}

/// A registration saved, with what it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub registration: Registration,
    /// The names of the fields that differ from the registration before.
    pub changed: Vec<&'static str>,
}

fn clean(field: &'static str, v: &str) -> Result<Option<String>, Error> {
    let v = crate::text::clean_field(v).map_err(|error| Error::BadText { field, error })?;
    Ok((!v.is_empty()).then_some(v))
}

/// Whether two names are the same person's, ignoring case, diacritics and
/// spacing.
pub fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
    words(a) == words(b)
}

impl Service {
    /// The newest registration of a person (`proxy_id` None) or proxy.
    pub fn registration(
        &self,
        person_id: i64,
        proxy_id: Option<i64>,
    ) -> Result<Option<Registration>, Error> {
        Ok(self.store.read(|r| regs::latest(r, person_id, proxy_id))?)
    }

    /// Records a registration for `person_id` (or one of their proxies).
    pub fn register(
        &mut self,
        session: &Session,
        person_id: i64,
        req: &RegisterRequest,
    ) -> Result<Registered, Error> {
        let today = self.clock.today();
        let given = req.method.is_some()
            || req.account_no.is_some()
            || req.account_bank.is_some()
            || req.account_holder.is_some()
            || req.home_reason.is_some()
            || req.phone.is_some()
            || req.id_number.is_some()
            || req.id_issued.is_some()
            || req.id_place.is_some();
        if !given {
            return Err(RegisterError::Nothing.into());
        }
        if req.proxy_id.is_some()
            && (req.method.is_some()
                || req.account_no.is_some()
                || req.account_bank.is_some()
                || req.home_reason.is_some())
        {
            return Err(RegisterError::MethodForProxy.into());
        }
        let phone = match &req.phone {
            Some(p) => Some(registration::parse_phone(p).map_err(RegisterError::Phone)?),
            None => None,
        };
        let home_reason = match &req.home_reason {
            Some(t) if !t.trim().is_empty() => Some(
                HomeReason::from_folded(&fold(t))
                    .ok_or_else(|| RegisterError::UnknownHomeReason(t.trim().to_string()))?,
            ),
            _ => None,
        };
        let account_no = req
            .account_no
            .as_deref()
            .map(|v| clean("account_no", v))
            .transpose()?
            .flatten()
            .map(|v| parse_account(&v).map_err(RegisterError::Account))
            .transpose()?;
        let account_bank = req
            .account_bank
            .as_deref()
            .map(|v| clean("account_bank", v))
            .transpose()?
            .flatten();
        let account_holder = req
            .account_holder
            .as_deref()
            .map(|v| clean("account_holder", v))
            .transpose()?
            .flatten();
        let id_place = req
            .id_place
            .as_deref()
            .map(|v| clean("id_place", v))
            .transpose()?
            .flatten();
        let by = session.user.id;
        let approved_by = req.approval.as_ref().map(|a| a.supervisor().id);
        let at = self.stamp();
        self.store.write(self.who(Some(by)), |w| {
            let person = people::get(w, person_id)?.ok_or(Error::NoSuchPerson)?;
            let how_paid = req.method.is_some()
                || account_no.is_some()
                || account_bank.is_some()
                || account_holder.is_some()
                || home_reason.is_some();
            if how_paid && matches!(person.status, Status::Deceased | Status::Moved) {
                return Err(RegisterError::NotPayable(person.status).into());
            }
            let proxy = match req.proxy_id {
                Some(pid) => {
                    let p = proxies::get(w, pid)?
                        .filter(|p| p.person_id == person_id)
                        .ok_or(RegisterError::UnknownProxy)?;
                    Some(p)
                }
                None => None,
            };
            let before = regs::latest(w, person_id, req.proxy_id)?;
            // The starting point: the registration before, else what the
            // payer's list (or the proxy's file) says.
            let base = match &before {
                Some(b) => b.clone(),
                None => {
                    let (id_number, birth) = match &proxy {
                        Some(p) => (Some(p.id_number.clone()), None),
                        None => (person.id_number.clone(), person.birth_year),
                    };
                    let parsed = id_number
                        .as_deref()
                        .and_then(|n| idnumber::parse(n, birth, false).ok())
                        .map(|(id, _)| id);
                    Registration {
                        id: 0,
                        person_id,
                        proxy_id: req.proxy_id,
                        // The list's method, but not "home": paying at home
                        // needs a reason the list does not give, so until the
                        // office registers one the list's stays the source.
                        method: proxy
                            .is_none()
                            .then_some(person.pay_method)
                            .filter(|m| *m != PayMethod::Home),
                        account_no: if proxy.is_none() {
                            person.account_no.clone()
                        } else {
                            None
                        },
                        account_bank: if proxy.is_none() {
                            person.account_bank.clone()
                        } else {
                            None
                        },
                        account_holder: None,
                        home_reason: None,
                        phone: if proxy.is_none() {
                            person
                                .phone
                                .as_deref()
                                .and_then(|p| registration::parse_phone(p).ok())
                        } else {
                            None
                        },
                        papers: Papers {
                            id_number: parsed.as_ref().map(|i| i.as_str().to_string()),
                            id_kind: parsed.as_ref().map(|i| i.kind()),
                            issued: None,
                            place: None,
                        },
                        recorded_by: by,
                        recorded_at: String::new(),
                        approved_by: None,
                    }
                }
            };
            let mut g = base.clone();
            if let Some(m) = req.method {
                if m != PayMethod::Home {
                    g.home_reason = None;
                }
                if !registration::is_cashless(m) {
                    g.account_no = None;
                    g.account_bank = None;
                    g.account_holder = None;
                }
                g.method = Some(m);
            }
            if home_reason.is_some() {
                g.home_reason = home_reason;
            }
            let account_changed = req.method.is_some_and(registration::is_cashless)
                || account_no.is_some()
                || account_bank.is_some()
                || account_holder.is_some();
            if account_no.is_some() {
                g.account_no = account_no.clone();
            }
            if account_bank.is_some() {
                g.account_bank = account_bank.clone();
            }
            if account_holder.is_some() {
                g.account_holder = account_holder.clone();
            }
            if phone.is_some() {
                g.phone = phone.clone();
            }
            if let Some(n) = &req.id_number {
                let birth = if proxy.is_none() {
                    person.birth_year
                } else {
                    None
                };
                let (id, _) = idnumber::parse(n, birth, false).map_err(RegisterError::IdNumber)?;
                if g.papers.id_number.as_deref() != Some(id.as_str()) {
                    g.papers.issued = None;
                    g.papers.place = None;
                }
                g.papers.id_number = Some(id.as_str().to_string());
                g.papers.id_kind = Some(id.kind());
            }
            if req.id_issued.is_some() {
                g.papers.issued = req.id_issued;
            }
            if id_place.is_some() {
                g.papers.place = id_place.clone();
            }
            registration::check_papers(&g.papers, today).map_err(RegisterError::Papers)?;
            // Asked when the method is chosen here: a payer's list that
            // says "home" without a reason does not block a new phone.
            if req.method == Some(PayMethod::Home) && g.home_reason.is_none() {
                return Err(RegisterError::HomeReasonMissing.into());
            }
            let cashless = g.method.is_some_and(registration::is_cashless);
            // Where the money goes, changed by one person alone: a
            // supervisor confirms an account in another name, one that
            // replaces the account on file, and one already another
            // person's.
            g.approved_by = None;
            let why = if proxy.is_none()
                && let (Some(was), Some(now)) = (&base.papers.id_number, &g.papers.id_number)
                && was != now
            {
                // The number the counter checks the person's card against.
                Some(AccountApproval::IdReplaces {
                    before: was.clone(),
                })
            } else if !account_changed {
                None
            } else if let Some(holder) = g
                .account_holder
                .as_ref()
                .filter(|h| !same_name(h, &person.full_name))
            {
                Some(AccountApproval::OtherName {
                    holder: holder.clone(),
                    person: person.full_name.clone(),
                })
            } else if let (Some(was), Some(now)) = (&base.account_no, &g.account_no)
                && was != now
            {
                Some(AccountApproval::Replaces {
                    before: was.clone(),
                })
            } else if let Some(now) = &g.account_no
                && let Some((code, name)) = regs::account_of_another(w, now, person_id)?
            {
                Some(AccountApproval::Shared {
                    account: now.clone(),
                    code,
                    name,
                })
            } else {
                None
            };
            match (why, approved_by) {
                (Some(_), Some(s)) => g.approved_by = Some(s),
                (Some(why), None) => return Err(RegisterError::NeedsApproval(why).into()),
                (None, _) if !(cashless && account_changed) => {
                    g.approved_by = before.as_ref().and_then(|b| b.approved_by);
                }
                (None, _) => {}
            }
            // An account wished for without its number is an account to
            // open: the person goes on the bank's opening list. A wallet or
            // an account number given needs both number and provider.
            let asks = cashless && g.account_no.is_none();
            if cashless && account_changed && !asks && g.account_bank.is_none() {
                return Err(RegisterError::AccountMissing.into());
            }
            g.recorded_by = by;
            g.recorded_at = at.clone();
            let changed = changed_fields(&base, &g);
            let (id, mut event) = regs::insert(w, &g)?;
            g.id = id;
            event = event.with(json!({
                "record_code": person.record_code,
                "proxy_id": g.proxy_id,
                "changed": changed,
                "approved_by": g.approved_by,
            }));
            let whose: Whose = (person_id, req.proxy_id);
            if asks && !regs::steps_all(w)?.contains_key(&whose) {
                event = event.join(regs::insert_step(w, whose, AccountStep::Asked, by)?);
            }
            Ok::<_, Error>(w.log(
                event,
                Registered {
                    registration: g.clone(),
                    changed,
                },
            )?)
        })
    }

    /// Records the next step of an account (asked, opened, card handed
    /// over, shown how to use it).
    pub fn record_account_step(
        &mut self,
        session: &Session,
        person_id: i64,
        proxy_id: Option<i64>,
        step: AccountStep,
    ) -> Result<(), Error> {
        let by = session.user.id;
        self.store.write(self.who(Some(by)), |w| {
            people::get(w, person_id)?.ok_or(Error::NoSuchPerson)?;
            if let Some(pid) = proxy_id {
                proxies::get(w, pid)?
                    .filter(|p| p.person_id == person_id)
                    .ok_or(RegisterError::UnknownProxy)?;
            }
            let has = regs::steps_all(w)?.contains_key(&(person_id, proxy_id));
            if !has && step != AccountStep::Asked {
                return Err(RegisterError::NoAccountAsked.into());
            }
            let event = regs::insert_step(w, (person_id, proxy_id), step, by)?
                .with(json!({ "proxy_id": proxy_id, "step": step.code() }));
            Ok::<_, Error>(w.log(event, ())?)
        })
    }
}

/// The fields of `now` that differ from `before` (the registration before,
/// or the first time what the payer's list says).
fn changed_fields(before: &Registration, now: &Registration) -> Vec<&'static str> {
    let mut out = Vec::new();
    let b = Some(before);
    let mut diff = |name: &'static str, same: bool| {
        if !same {
            out.push(name);
        }
    };
    diff("method", b.is_some_and(|b| b.method == now.method));
    diff(
        "account",
        b.is_some_and(|b| {
            b.account_no == now.account_no
                && b.account_bank == now.account_bank
                && b.account_holder == now.account_holder
        }),
    );
    diff(
        "home_reason",
        b.is_some_and(|b| b.home_reason == now.home_reason),
    );
    diff("phone", b.is_some_and(|b| b.phone == now.phone));
    diff("papers", b.is_some_and(|b| b.papers == now.papers));
    out
}
