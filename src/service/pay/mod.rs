//! Paying: one `BEGIN IMMEDIATE` transaction that re-checks everything and
//! writes the payment, its lines, its receipt number and its audit row
//! together — or nothing.
//!
//! Re-checked inside the transaction: the idempotency key (a retry returns
//! the payment already made), the person still payable, the lines still
//! unpaid and the same as the clerk confirmed, the receiver's ID number
//! against the file, the proxy in date, the payment window. The database's
//! triggers refuse a second payment of a line even if this code were wrong.

use chrono::NaiveDate;
use serde_json::json;

use super::{Error, Service, Session};
use crate::domain::payment::{PayMethod, PaymentRecord, ReceiverKind};
use crate::domain::proxy::{Proxy, ProxyRuleError, Validity};
use crate::domain::user::User;
use crate::domain::{Money, payment};
use crate::print::spool;
use crate::store::{heirs, payments, people, proxies};

mod account;
mod receipts;
use account::{account_number, registered_account, same_account};
mod refused;
use refused::{Drawer, paid_by, refused};

/// A supervisor's on-the-spot approval (only [`Service::approval`] makes one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    supervisor: User,
}

impl Approval {
    pub fn supervisor(&self) -> &User {
        &self.supervisor
    }
}

pub use super::proxies::NewProxy;

/// Who takes the money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Receiver {
    /// The person themself.
    Person,
    /// A proxy or guardian on file.
    OnFile(i64),
    /// A new proxy or guardian, saved with the payment.
    New(NewProxy),
    /// The heir on file of a deceased person: paid only what was owed to
    /// the deceased (see [`crate::domain::heir`]).
    Heir,
}

/// What the clerk confirmed.
#[derive(Debug, Clone)]
pub struct PayRequest {
    pub person_id: i64,
    pub receiver: Receiver,
    /// The receiver's ID number as typed or scanned.
    pub receiver_id_number: String,
    pub method: PayMethod,
    /// For transfers: the account (defaults to the registered one).
    pub account: Option<String>,
    /// For transfers: the transfer's reference.
    pub reference: Option<String>,
    /// Made when the confirmation opened; a retry with it records once.
    pub idem_key: String,
    /// The entitlement lines shown on the confirmation; empty = all unpaid.
    pub lines: Vec<i64>,
    /// A supervisor's approval, needed outside the payment window.
    pub approval: Option<Approval>,
}

/// A recorded payment.
#[derive(Debug, Clone)]
pub struct Paid {
    pub payment: PaymentRecord,
    /// The key was already used: this is the earlier payment, not a new one.
    pub replayed: bool,
    /// Where the receipt was written, and why it could not be written or
    /// printed: a payment's receipt is written on another thread, so these
    /// are known once [`Paid::wait_for_print`] has returned (a copy's file
    /// is written before `reprint` returns).
    pub receipt_file: Option<std::path::PathBuf>,
    pub receipt_problem: Option<spool::SpoolError>,
    /// The receipt being written and printed on other threads.
    pub printing: Option<spool::Job>,
}

impl Paid {
    /// Waits until the receipt is written and printed; its file becomes
    /// `receipt_file`, a problem writing or printing it `receipt_problem`.
    pub fn wait_for_print(&mut self) {
        if let Some(job) = &self.printing {
            let outcome = job.wait();
            if self.receipt_file.is_none() {
                self.receipt_file = job.file();
            }
            if let Err(problem) = outcome {
                self.receipt_problem = Some(problem);
            }
        }
    }

    /// The receipt's file, if it is written by now.
    pub fn receipt_path(&self) -> Option<std::path::PathBuf> {
        self.receipt_file
            .clone()
            .or_else(|| self.printing.as_ref().and_then(spool::Job::file))
    }
}

/// Who paid, when, with which receipt: for "Đã chi bởi … lúc …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaidBy {
    pub clerk: String,
    pub at: String,
    pub receipt_no: String,
}

/// Why a payment was not recorded.
#[derive(Debug, Clone, PartialEq)]
pub enum PayError {
    /// Nothing is owed; `last` is the last payment if there was one.
    NothingToPay {
        last: Option<PaidBy>,
    },
    /// Another clerk paid these lines first.
    AlreadyPaid(PaidBy),
    /// The unpaid lines changed since the confirmation opened.
    LinesChanged,
    /// A decrease list stopped the person's payment from `stop.from`:
    /// the lines asked for include a month from then on.
    Stopped(crate::store::changes::Stop),
    /// The total owed is not positive (a deduction exceeds it).
    NotPositive {
        total: Money,
    },
    /// The person is suspended, deceased or moved.
    NotPayable {
        status: crate::domain::person::Status,
        note: Option<String>,
    },
    /// The typed ID number is not the receiver's on file.
    ReceiverIdMismatch,
    /// The person has no ID number on file: pay a proxy or guardian.
    NoIdOnFile,
    /// The proxy is not this person's.
    UnknownProxy,
    ProxyExpired {
        on: NaiveDate,
    },
    ProxyNotYetValid {
        from: NaiveDate,
    },
    ProxyRule(ProxyRuleError),
    /// A field of a new proxy is empty.
    ProxyFieldMissing(&'static str),
    /// A new proxy's ID number is not a valid CCCD/CMND.
    ProxyBadId(crate::domain::idnumber::IdError),
    /// Outside the payment window a supervisor must approve.
    OutsideWindow {
        first: u32,
        last: u32,
    },
    /// A proxy or guardian put on file by a clerk needs a supervisor to
    /// see the paper and approve (a clerk alone could otherwise pay anyone
    /// they typed in).
    ProxyNeedsApproval,
    /// A transfer needs the account and the reference.
    AccountMissing,
    /// A transfer to an account that is not the one on file for the person
    /// (registered at the office, else the list's): one clerk alone could
    /// send the allowance anywhere. The account is registered first, where
    /// replacing one needs a supervisor.
    AccountNotOnFile {
        typed: String,
        on_file: Option<String>,
    },
    /// A typed account that is not an account number (6 to 20 digits).
    Account(crate::domain::account::AccountError),
    ReferenceMissing,
    /// The transfer's reference already settles a standing payment.
    ReferenceUsed {
        reference: String,
        by: PaidBy,
    },
    /// The transfer's reference is one chitra makes itself (a batch
    /// line's "CK0001-0001", a round stop's "NH0001-001"): not a bank's or
    /// a wallet's code, and taken at the counter it would stand in for the
    /// bank's result or the postman's payment.
    OwnReference {
        reference: String,
        kind: crate::domain::payment::OwnReference,
    },
    /// The idempotency key belongs to another person's payment.
    KeyReused,
    /// The idempotency key is not 8–64 letters, digits, '-' or '_'.
    BadKey,
}

impl From<PayError> for Error {
    fn from(e: PayError) -> Self {
        Error::Pay(e)
    }
}

/// The digits of an ID number as typed ("046 048 001.234" → "046048001234").
fn id_digits(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .collect()
}

impl Service {
    /// A supervisor approves, on the spot, what `session`'s user is doing.
    pub fn approval(
        &mut self,
        session: &Session,
        name: &str,
        pin: &str,
    ) -> Result<Approval, Error> {
        let supervisor = self.approve(session, name, pin)?;
        Ok(Approval { supervisor })
    }

    /// Like [`Service::approval`], but the approver must be another person
    /// than the one asking, whatever their role (a void needs two people).
    pub fn approval_by_another(
        &mut self,
        session: &Session,
        name: &str,
        pin: &str,
    ) -> Result<Approval, Error> {
        if name.trim() == session.user.name {
            return Err(super::AuthError::SelfApproval.into());
        }
        self.approval(session, name, pin)
    }

    /// Whether today is inside the payment window.
    pub fn in_payment_window(&self) -> bool {
        use chrono::Datelike;
        self.config.payment.in_window(self.clock.today().day())
    }

    /// A fresh idempotency key (made when the confirmation opens).
    pub fn new_idem_key(&self) -> String {
        use sha2::{Digest, Sha256};
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let mut h = Sha256::new();
        h.update(std::process::id().to_le_bytes());
        h.update(COUNTER.fetch_add(1, Ordering::Relaxed).to_le_bytes());
        h.update(format!("{:?}", std::time::SystemTime::now()).as_bytes());
        hex::encode(&h.finalize()[..16])
    }

    /// Records a payment (see the module comment for what is re-checked).
    pub fn pay(&mut self, session: &Session, req: &PayRequest) -> Result<Paid, Error> {
        let now = self.clock.now();
        let at = super::clock::stamp(now);
        let day = at[..10].to_string();
        let today = now.date_naive();
        let window_open = self.in_payment_window();
        let (first, last) = (
            self.config.payment.window_first_day,
            self.config.payment.window_last_day,
        );
        let office = self.config.office.code.clone();
        let prefix = self.config.receipt.prefix.clone();
        let key_ok = (8..=64).contains(&req.idem_key.len())
            && req
                .idem_key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !key_ok {
            return Err(PayError::BadKey.into());
        }

        let who = super::Who {
            at: at.clone(),
            user_id: Some(session.user.id),
        };
        let outcome = self.store.write(who, |tx| {
            if let Some(id) = payments::by_idem_key(tx, &req.idem_key)? {
                let p = payments::record(tx, id)?.ok_or(Error::NoSuchPayment)?;
                // A retry is the same clerk asking the same payment again;
                // the key with another person, clerk or method is not a
                // retry, and is refused rather than answered "paid".
                if p.person_id != req.person_id
                    || p.clerk_id != session.user.id
                    || p.method != req.method
                {
                    return Err(Error::from(PayError::KeyReused));
                }
                return Ok(tx.roll_back((p, None)));
            }
            let person = people::get(tx, req.person_id)?.ok_or(Error::NoSuchPerson)?;
            let to_heir = req.receiver == Receiver::Heir;
            let heir_payable = to_heir && person.status == crate::domain::person::Status::Deceased;
            if !person.is_payable() && !heir_payable {
                return Err(PayError::NotPayable {
                    status: person.status,
                    note: person.status_note.clone(),
                }
                .into());
            }
            let heir = if to_heir {
                if person.is_payable() {
                    return Err(super::heirs::HeirError::NotDeceased {
                        status: person.status,
                    }
                    .into());
                }
                Some(heirs::current(tx, person.id)?.ok_or(super::heirs::HeirError::NoHeir)?)
            } else {
                None
            };
            let unpaid = match &heir {
                Some(h) => super::heirs::owed_lines(tx, &person, Some(h))?,
                None => {
                    payments::unpaid_lines_due(tx, person.id, crate::domain::Period::of(today))?
                }
            };
            let unpaid_ids: Vec<i64> = unpaid.iter().map(|l| l.entitlement_id).collect();
            if let Some(batch) = crate::store::batches::waiting_batch_of(tx, &unpaid_ids)? {
                return Err(super::bank::BankError::Locked { batch }.into());
            }
            if !req.lines.is_empty() {
                let mut want = req.lines.clone();
                want.sort_unstable();
                let mut have = unpaid_ids.clone();
                have.sort_unstable();
                if want != have {
                    if let Some(pid) = payments::standing_payment_of_lines(tx, &req.lines)? {
                        return Err(PayError::AlreadyPaid(paid_by(tx, pid)?).into());
                    }
                    if !to_heir && let Some(stop) = crate::store::changes::stop_of(tx, person.id)? {
                        return Err(PayError::Stopped(stop).into());
                    }
                    return Err(PayError::LinesChanged.into());
                }
            }
            if unpaid.is_empty() {
                if !to_heir && let Some(stop) = crate::store::changes::stop_of(tx, person.id)? {
                    return Err(PayError::Stopped(stop).into());
                }
                let last = payments::of_person(tx, person.id, "0000-00-00")?
                    .into_iter()
                    .find(|p| !p.is_reversed())
                    .map(|p| PaidBy {
                        clerk: p.clerk,
                        at: p.paid_at,
                        receipt_no: p.receipt_no,
                    });
                return Err(PayError::NothingToPay { last }.into());
            }
            let total: Money = Money::checked_sum(unpaid.iter().map(|l| l.amount))
                .ok_or(PayError::NotPositive { total: Money::ZERO })?;
            if total <= Money::ZERO {
                return Err(PayError::NotPositive { total }.into());
            }
            let approved_by = match (&req.approval, window_open, session.is_supervisor()) {
                (Some(a), _, _) => Some(a.supervisor.id),
                (None, true, _) => None,
                (None, false, true) => Some(session.user.id),
                (None, false, false) => return Err(PayError::OutsideWindow { first, last }.into()),
            };
            let typed = id_digits(&req.receiver_id_number);
            let (kind, proxy) = match &req.receiver {
                Receiver::Person => {
                    let on_file = crate::store::registrations::id_number_to_check(tx, &person)?
                        .ok_or(PayError::NoIdOnFile)?;
                    if typed != on_file {
                        return Err(PayError::ReceiverIdMismatch.into());
                    }
                    (ReceiverKind::Person, None)
                }
                Receiver::OnFile(id) => {
                    let p = proxies::get(tx, *id)?
                        .filter(|p| p.person_id == person.id)
                        .ok_or(PayError::UnknownProxy)?;
                    check_in_date(&p, today)?;
                    if typed != p.id_number {
                        return Err(PayError::ReceiverIdMismatch.into());
                    }
                    (kind_of(&p), Some(p))
                }
                Receiver::New(new) => {
                    if !session.is_supervisor() && req.approval.is_none() {
                        return Err(PayError::ProxyNeedsApproval.into());
                    }
                    let mut p = super::proxies::check_new(person.id, new)?;
                    check_in_date(&p, today)?;
                    if typed != p.id_number {
                        return Err(PayError::ReceiverIdMismatch.into());
                    }
                    let (id, event) = super::proxies::save(tx, &p, session.user.id)?;
                    tx.append(event)?;
                    p.id = id;
                    (kind_of(&p), Some(p))
                }
                Receiver::Heir => {
                    let h = heir.as_ref().ok_or(super::heirs::HeirError::NoHeir)?;
                    if typed != h.id_number {
                        return Err(PayError::ReceiverIdMismatch.into());
                    }
                    (ReceiverKind::Heir, None)
                }
            };
            // A transfer goes to the account on file (registered at the
            // office, else the list's), the heir's as typed: the deceased's
            // own account is not the heir's.
            let on_file = match (req.method.is_transfer(), to_heir) {
                (true, false) => registered_account(tx, &person)?,
                _ => None,
            };
            let (account, reference) = if req.method.is_transfer() {
                let account = req
                    .account
                    .as_deref()
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .or_else(|| on_file.clone())
                    .ok_or(PayError::AccountMissing)?;
                // Typed or on file, it is an account number (a bank's name
                // in brackets may follow it).
                account_number(&account).map_err(PayError::Account)?;
                let reference = req
                    .reference
                    .as_deref()
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .ok_or(PayError::ReferenceMissing)?
                    .to_string();
                (Some(account), Some(reference))
            } else {
                (None, None)
            };
            for (field, value) in [("account", &account), ("reference", &reference)] {
                if let Some(v) = value {
                    crate::text::clean_field(v).map_err(|error| Error::BadText { field, error })?;
                }
            }
            // A batch line's or a round stop's own reference is recorded by
            // the bank's result or the postman's outcome, never typed here
            // (the database holds it too: `payments_own_reference`).
            if let Some(r) = &reference
                && let Some(kind) = payment::own_reference(r)
            {
                return Err(PayError::OwnReference {
                    reference: r.clone(),
                    kind,
                }
                .into());
            }
            // One transfer, one payment (the database holds it too:
            // `payments_reference_once`).
            if let Some(r) = &reference
                && let Some(earlier) = payments::standing_by_reference(tx, req.method, r)?
            {
                return Err(PayError::ReferenceUsed {
                    reference: r.clone(),
                    by: refused::paid_by(tx, earlier)?,
                }
                .into());
            }
            if let Some(a) = &account
                && !to_heir
                && !same_account(on_file.as_deref(), a)
            {
                return Err(PayError::AccountNotOnFile {
                    typed: a.clone(),
                    on_file,
                }
                .into());
            }
            // The day and the clerk's drawer are checked by the payment's
            // own insert (see `refused`).
            let year = now
                .date_naive()
                .format("%Y")
                .to_string()
                .parse::<i32>()
                .unwrap_or(0);
            let seq = payments::next_receipt_seq(tx, &office, year)?;
            let receipt_no = payment::receipt_no(&prefix, year, seq);
            let (receiver_name, receiver_id) = match (&proxy, &heir) {
                (Some(p), _) => (p.full_name.clone(), p.id_number.clone()),
                (None, Some(h)) => (h.full_name.clone(), h.id_number.clone()),
                (None, None) => (person.full_name.clone(), typed.clone()),
            };
            let lines: Vec<(i64, Money)> = unpaid
                .iter()
                .map(|l| (l.entitlement_id, l.amount))
                .collect();
            let (id, event) = payments::insert(
                tx,
                &payments::NewPayment {
                    idem_key: &req.idem_key,
                    office_code: &office,
                    receipt_year: year,
                    receipt_seq: seq,
                    receipt_no: &receipt_no,
                    person_id: person.id,
                    day: &day,
                    paid_at: &at,
                    clerk_id: session.user.id,
                    approved_by,
                    receiver_kind: kind,
                    proxy_id: proxy.as_ref().map(|p| p.id),
                    receiver_name: &receiver_name,
                    receiver_id_number: &receiver_id,
                    method: req.method,
                    account: account.as_deref(),
                    reference: reference.as_deref(),
                    total,
                },
                &lines,
            )
            .map_err(|e| {
                let drawer = Drawer {
                    day: &day,
                    session,
                    cash: req.method.is_cash(),
                    needed: total,
                };
                refused(tx, &drawer, &unpaid_ids, e)
            })?;
            let event = event.with(json!({
                "receipt_no": receipt_no, "record_code": person.record_code,
                "heir_id": heir.as_ref().map(|h| h.id),
                "lines": unpaid.iter().map(|l| json!({
                    "entitlement_id": l.entitlement_id, "period": l.period.to_string(),
                    "kind": l.kind.code(), "amount": l.amount.dong(),
                })).collect::<Vec<_>>(),
            }));
            // Read back in the same transaction: what the receipt shows is
            // what is committed, without a second snapshot after the commit.
            let payment = payments::record(tx, id)?.ok_or(Error::NoSuchPayment)?;
            Ok(tx.log(event, (payment, Some(person)))?)
        })?;
        let (payment, person) = outcome;
        let mut paid = Paid {
            payment,
            replayed: person.is_none(),
            receipt_file: None,
            receipt_problem: None,
            printing: None,
        };
        // The receipt names the person as read in the payment's own
        // transaction.
        if let Some(person) = person {
            self.spool_receipt(&mut paid, person);
        }
        Ok(paid)
    }
}

fn kind_of(p: &Proxy) -> ReceiverKind {
    if p.guardian {
        ReceiverKind::Guardian
    } else {
        ReceiverKind::Proxy
    }
}

fn check_in_date(p: &Proxy, today: NaiveDate) -> Result<(), PayError> {
    match p.validity(today) {
        Validity::InDate => Ok(()),
        Validity::Expired { on } => Err(PayError::ProxyExpired { on }),
        Validity::NotYetValid { from } => Err(PayError::ProxyNotYetValid { from }),
    }
}
