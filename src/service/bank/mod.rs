//! Paying into accounts in batches: the transfer batch for the bank (the
//! lines it locks at the counter), and the bank's result file (done lines
//! become bank payments, failed lines payable again at the counter with
//! the bank's reason).
//!
//! Who is in a batch: the person's registration at the office (the newest
//! row, [`crate::store::registrations`]) when it chose bank or digital
//! account; otherwise what the payer's list says. An account must be on
//! file. Each import of a result file is one transaction: all of it or
//! nothing.

use std::path::Path;

use serde::Serialize;
use serde_json::json;

use super::{Error, Service, Session};
use crate::document::bank::BatchLine;
use crate::domain::payment::{PayMethod, ReceiverKind};
use crate::domain::{Money, Period, payment};
use crate::store::{Read, batches, payments, people, registrations};

pub mod result_file;
use result_file::read_result;

/// Why a batch or a result file was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum BankError {
    /// The line waits for the bank in batch `batch`: no cash for it.
    Locked {
        batch: i64,
    },
    /// No unpaid line of a person paid into an account; `waiting` is the
    /// newest batch of the period still waiting for the bank, if any,
    /// `held_back` the lines the bank refused before to the same account,
    /// and `on_round` the people whose lines are on a home round not yet
    /// returned.
    NothingToSend {
        waiting: Option<i64>,
        held_back: usize,
        on_round: usize,
    },
    /// The result file cannot be read (missing, not a file, not a
    /// spreadsheet, damaged, past the list import's limits).
    Source(crate::import::source::SourceError),
    /// The file is larger than any bank's result file
    /// ([`result_file::MAX_FILE_BYTES`]): refused before it is read.
    TooBig {
        file: std::path::PathBuf,
        bytes: u64,
        max: u64,
    },
    /// More result rows than any batch has ([`result_file::MAX_ROWS`]).
    TooManyRows {
        max: usize,
    },
    /// Text with a control or bidi character, which never reaches the
    /// screen: `column` is "D (Lý do)".
    BadText {
        row: usize,
        column: String,
        error: crate::text::TextError,
    },
    /// No row names the reference and result columns.
    NoHeader,
    /// Columns read (each "B (Kết quả)") that Excel hides or shows as a
    /// hairline: whoever checks the file in Excel does not see them.
    HiddenColumns {
        columns: Vec<String>,
    },
    /// Rows read (the header, or a line or total under it) that Excel
    /// hides, in order.
    HiddenRows {
        rows: Vec<usize>,
    },
    AlreadyImported {
        at: String,
    },
    UnknownReference {
        row: usize,
        reference: String,
    },
    BadOutcome {
        row: usize,
        value: String,
    },
    NoReason {
        row: usize,
    },
    /// The file's amount of a line (`file`) is not the batch's (`batch`).
    AmountDiffers {
        row: usize,
        reference: String,
        file: Money,
        batch: Money,
    },
    /// An amount that is not a whole number of đồng written as the
    /// payer's lists write them; `column` is "C (Số tiền)".
    BadAmount {
        row: usize,
        column: String,
        error: crate::domain::money::AmountError,
    },
    /// A negative amount: no transfer is.
    NegativeAmount {
        row: usize,
        column: String,
        amount: Money,
    },
    /// A formula cell the file keeps no value of: the amount (or code)
    /// the bank's staff saw is not in the file.
    FormulaWithoutValue {
        row: usize,
        column: String,
    },
    /// A number whose cell format makes Excel show another value.
    MaskedNumber {
        row: usize,
        column: String,
    },
    TotalDiffers {
        file: Money,
        lines: Money,
    },
    MixedBatches,
    AlreadyAnswered {
        row: usize,
        reference: String,
    },
    Repeated {
        row: usize,
        reference: String,
    },
    /// A done line whose reference a standing payment already carries (a
    /// transfer typed at the counter with it): `by` names the receipt.
    ReferenceHeld {
        row: usize,
        reference: String,
        by: super::pay::PaidBy,
    },
    Empty,
}

impl From<BankError> for Error {
    fn from(e: BankError) -> Self {
        Error::Bank(e)
    }
}

/// A batch made (or read back) and ready to be written out.
#[derive(Debug, Clone)]
pub struct Batch {
    pub number: i64,
    pub period: Period,
    pub lines: Vec<BatchLine>,
    pub total: Money,
    pub created_at: String,
    /// Lines not put in this batch: the bank refused them before to the
    /// same account, and would again (a blocked or closed account).
    pub held_back: Vec<HeldBack>,
    /// People registered for transfers left out of this batch because
    /// their lines are on a home round not yet returned: the postman pays
    /// them (or the round brings the cash back, and a later batch sends
    /// them).
    pub on_round: Vec<OnRound>,
}

/// A person left out of a new batch because a home round not yet
/// returned holds their lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnRound {
    pub record_code: String,
    pub full_name: String,
    /// The lines' total.
    pub amount: Money,
    pub round: i64,
}

/// A line kept out of a new batch, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldBack {
    pub record_code: String,
    pub full_name: String,
    pub account_no: String,
    pub amount: Money,
    /// The bank's reason the last time.
    pub reason: String,
}

/// What a result file did (or, in a dry run, would do).
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub batch: i64,
    pub done: Vec<Outcome>,
    pub failed: Vec<Outcome>,
    pub done_total_dong: i64,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub reference: String,
    pub code: String,
    pub name: String,
    pub amount_dong: i64,
    pub reason: Option<String>,
    pub receipt: Option<String>,
    /// A done transfer to someone no longer payable when the bank's
    /// answer came (died, suspended, stopped after the batch was sent):
    /// recorded, since the money left, and to be recovered.
    pub to_recover: bool,
}

/// Where a person's transfer stands, for the counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BankNote {
    Waiting { batch: i64 },
    Failed { batch: i64, reason: String },
}

impl BankNote {
    /// The line the clerk reads, in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        match self {
            BankNote::Waiting { batch } => crate::i18n::bank::locked(lang, *batch),
            BankNote::Failed { batch, reason } => crate::i18n::bank::failed(lang, *batch, reason),
        }
    }
}

fn to_doc_lines(lines: Vec<batches::Line>) -> Vec<BatchLine> {
    lines
        .into_iter()
        .map(|l| BatchLine {
            reference: l.reference,
            record_code: l.record_code,
            full_name: l.full_name,
            id_number: l.id_number,
            account_no: l.account_no,
            account_bank: l.account_bank,
            amount: l.amount,
        })
        .collect()
}

fn read_batch(r: &Read<'_>, number: i64) -> Result<Option<Batch>, Error> {
    let Some((period, _, total, created_at)) = batches::batch(r, number)? else {
        return Ok(None);
    };
    Ok(Some(Batch {
        number,
        period,
        lines: to_doc_lines(batches::lines(r, number)?),
        total,
        created_at,
        held_back: Vec::new(),
        on_round: Vec::new(),
    }))
}

impl Service {
    /// Makes the next transfer batch of `period` (a supervisor): every
    /// unpaid line of a person paid into an account, locked at the counter
    /// from now until the bank's result comes back. Audited.
    pub fn bank_batch(&mut self, supervisor: &Session, period: Period) -> Result<Batch, Error> {
        supervisor.require_supervisor()?;
        let by = supervisor.user.id;
        let (number, held_back, on_round) = self.store.write(self.who(Some(by)), |w| {
            let sendable = batches::sendable(w, period)?;
            let mut held_back = Vec::new();
            let mut on_round: Vec<OnRound> = Vec::new();
            let regs = registrations::latest_all(w)?;
            let on_file: std::collections::HashMap<i64, registrations::OnFile> =
                registrations::people(w)?
                    .into_iter()
                    .map(|p| (p.id, p))
                    .collect();
            let mut lines = Vec::new();
            for s in sendable {
                let Some(p) = on_file.get(&s.person_id) else {
                    continue;
                };
                let reg = regs.get(&(s.person_id, None));
                let method = reg.and_then(|g| g.method).unwrap_or(p.pay_method);
                if !method.is_transfer() {
                    continue;
                }
                let account = reg
                    .and_then(|g| g.account_no.clone())
                    .or_else(|| p.account_no.clone())
                    .filter(|a| !a.trim().is_empty());
                let Some(account_no) = account else { continue };
                let account_bank = reg
                    .and_then(|g| g.account_bank.clone())
                    .or_else(|| p.account_bank.clone());
                // On a home round not yet returned: the postman carries (or
                // will carry) its cash. A line leaves one way at a time.
                if let Some(round) = s.on_round {
                    match on_round.last_mut() {
                        Some(o) if o.record_code == s.record_code && o.round == round => {
                            o.amount = o.amount + s.amount;
                        }
                        _ => on_round.push(OnRound {
                            record_code: s.record_code.clone(),
                            full_name: s.full_name.clone(),
                            amount: s.amount,
                            round,
                        }),
                    }
                    continue;
                }
                // Refused before to this very account: sent again it would
                // fail again. It stays payable at the counter, or goes out
                // once another account is registered.
                if let Some(reason) = batches::refused_to(w, s.entitlement_id, &account_no)? {
                    held_back.push(HeldBack {
                        record_code: s.record_code.clone(),
                        full_name: s.full_name.clone(),
                        account_no,
                        amount: s.amount,
                        reason,
                    });
                    continue;
                }
                lines.push(batches::NewLine {
                    entitlement_id: s.entitlement_id,
                    person_id: s.person_id,
                    account_no,
                    account_bank,
                    amount: s.amount,
                });
            }
            if lines.is_empty() {
                let waiting = batches::newest_waiting(w, period)?;
                return Err(Error::from(BankError::NothingToSend {
                    waiting,
                    held_back: held_back.len(),
                    on_round: on_round.len(),
                }));
            }
            let total: i64 = lines.iter().map(|l| l.amount.dong()).sum();
            let (id, event) = batches::insert_batch(w, period, &lines, by)?;
            let event = event.with(json!({
                "period": period.to_string(), "lines": lines.len(), "total": total,
            }));
            Ok(w.log(event, (id, held_back, on_round))?)
        })?;
        let mut batch = self
            .store
            .read(|r| read_batch(r, number))?
            .ok_or(Error::NoSuchPayment)?;
        batch.held_back = held_back;
        batch.on_round = on_round;
        Ok(batch)
    }

    /// A batch made earlier, to write its file again.
    pub fn bank_batch_of(&self, supervisor: &Session, number: i64) -> Result<Option<Batch>, Error> {
        supervisor.require_supervisor()?;
        self.store.read(|r| read_batch(r, number))
    }

    /// Where the person's transfer stands, if a batch holds or held their
    /// unpaid lines: waiting for the bank, or refused with the bank's
    /// reason (the clerk may then pay at the counter).
    pub fn bank_note(&self, person_id: i64) -> Result<Option<BankNote>, Error> {
        self.store.read(|r| {
            let unpaid: Vec<i64> = payments::unpaid_lines(r, person_id)?
                .into_iter()
                .map(|l| l.entitlement_id)
                .collect();
            Ok(note_of(r, person_id, &unpaid)?)
        })
    }

    /// Reads the bank's result file for a batch and records it (a
    /// supervisor): done lines become bank payments with the line's
    /// reference, failed lines are unlocked with the bank's reason. Refused
    /// whole when the file was imported before, names a reference not in
    /// the batch, or its amounts or total disagree with the batch.
    pub fn bank_import(
        &mut self,
        supervisor: &Session,
        path: &Path,
        dry_run: bool,
    ) -> Result<Imported, Error> {
        supervisor.require_supervisor()?;
        // A file from outside: its size is looked at before a byte of it
        // is read, then it is read in blocks, once for its sha256 and once
        // for its rows (under the list import's limits).
        result_file::check_size(path)?;
        let sha = super::import::file_sha256(path).map_err(BankError::Source)?;
        let lines = read_result(path)?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let now = self.clock.now();
        let at = super::clock::stamp(now);
        let day = at[..10].to_string();
        let year: i32 = now.format("%Y").to_string().parse().unwrap_or(0);
        let office = self.config.office.code.clone();
        let prefix = self.config.receipt.prefix.clone();
        let by = supervisor.user.id;
        let outcome = self.store.write(self.who(Some(by)), |w| {
            if let Some((_, at)) = batches::result_by_sha(w, &sha)? {
                return Err(Error::from(BankError::AlreadyImported { at }));
            }
            let mut batch = None;
            let mut seen = std::collections::HashSet::new();
            let mut found = Vec::new();
            for l in &lines {
                if !seen.insert(l.reference.clone()) {
                    return Err(BankError::Repeated {
                        row: l.row,
                        reference: l.reference.clone(),
                    }
                    .into());
                }
                let stored = batches::by_reference(w, &l.reference)?.ok_or_else(|| {
                    BankError::UnknownReference {
                        row: l.row,
                        reference: l.reference.clone(),
                    }
                })?;
                if *batch.get_or_insert(stored.batch_id) != stored.batch_id {
                    return Err(BankError::MixedBatches.into());
                }
                if stored.outcome.is_some() {
                    return Err(BankError::AlreadyAnswered {
                        row: l.row,
                        reference: l.reference.clone(),
                    }
                    .into());
                }
                // One transfer code, one payment: a receipt already carrying
                // the line's reference is named, with the row.
                if l.done
                    && let Some(pid) = payments::standing_transfer_by_reference(w, &l.reference)?
                {
                    let p = payments::record(w, pid)?.ok_or(Error::NoSuchPayment)?;
                    return Err(BankError::ReferenceHeld {
                        row: l.row,
                        reference: l.reference.clone(),
                        by: super::pay::PaidBy {
                            clerk: p.clerk,
                            at: p.paid_at,
                            receipt_no: p.receipt_no,
                        },
                    }
                    .into());
                }
                if let Some(file) = l.amount
                    && file != stored.amount
                {
                    return Err(BankError::AmountDiffers {
                        row: l.row,
                        reference: l.reference.clone(),
                        file,
                        batch: stored.amount,
                    }
                    .into());
                }
                found.push((l, stored));
            }
            let batch = batch.ok_or(BankError::Empty)?;
            let done_total: Money = found
                .iter()
                .filter(|(l, _)| l.done)
                .map(|(_, s)| s.amount)
                .sum();
            let (result_id, event) = batches::insert_result(
                w,
                &batches::NewResult {
                    batch_id: batch,
                    sha256: &sha,
                    file_name: &file_name,
                    done_count: found.iter().filter(|(l, _)| l.done).count() as i64,
                    failed_count: found.iter().filter(|(l, _)| !l.done).count() as i64,
                    done_total,
                    by,
                },
            )?;
            let mut event = event.with(json!({ "batch": batch, "file": file_name, "sha256": sha }));
            let mut report = Imported {
                batch,
                done: Vec::new(),
                failed: Vec::new(),
                done_total_dong: done_total.dong(),
                dry_run,
            };
            for (l, s) in &found {
                let mut out = Outcome {
                    reference: s.reference.clone(),
                    code: s.record_code.clone(),
                    name: s.full_name.clone(),
                    amount_dong: s.amount.dong(),
                    reason: l.reason.clone(),
                    receipt: None,
                    to_recover: false,
                };
                if l.done {
                    let person = people::get(w, s.person_id)?.ok_or(Error::NoSuchPerson)?;
                    // A digital account (wallet) paid through the bank's
                    // batch is recorded as the wallet it went to, so the
                    // month's totals by method stay true.
                    let registered = registrations::latest(w, s.person_id, None)?
                        .and_then(|g| g.method)
                        .unwrap_or(person.pay_method);
                    let method = if registered == PayMethod::Wallet {
                        PayMethod::Wallet
                    } else {
                        PayMethod::Bank
                    };
                    out.to_recover = person.status != crate::domain::person::Status::Active
                        || crate::store::changes::stopped_for(w, s.person_id, s.entitlement_id)?;
                    let seq = payments::next_receipt_seq(w, &office, year)?;
                    let receipt_no = payment::receipt_no(&prefix, year, seq);
                    let idem = format!("bank-{}", s.reference);
                    let (pid, pay_event) = payments::insert(
                        w,
                        &payments::NewPayment {
                            idem_key: &idem,
                            office_code: &office,
                            receipt_year: year,
                            receipt_seq: seq,
                            receipt_no: &receipt_no,
                            person_id: s.person_id,
                            day: &day,
                            paid_at: &at,
                            clerk_id: by,
                            approved_by: None,
                            receiver_kind: ReceiverKind::Person,
                            proxy_id: None,
                            receiver_name: &person.full_name,
                            receiver_id_number: person.id_number.as_deref().unwrap_or(""),
                            method,
                            account: Some(&s.account_no),
                            reference: Some(&s.reference),
                            total: s.amount,
                        },
                        &[(s.entitlement_id, s.amount)],
                    )?;
                    event = event.join(pay_event.with(json!({
                        "receipt_no": receipt_no, "record_code": person.record_code,
                        "batch": batch, "reference": s.reference,
                    })));
                    event = event.join(batches::insert_outcome(
                        w,
                        s.id,
                        result_id,
                        None,
                        Some(pid),
                    )?);
                    out.receipt = Some(receipt_no);
                    report.done.push(out);
                } else {
                    event = event.join(batches::insert_outcome(
                        w,
                        s.id,
                        result_id,
                        l.reason.as_deref(),
                        None,
                    )?);
                    report.failed.push(out);
                }
            }
            if dry_run {
                return Ok(w.roll_back(report));
            }
            Ok(w.log(event, report)?)
        })?;
        Ok(outcome)
    }
}

/// What the bank holds of a person's unpaid lines (`unpaid`, their
/// entitlement ids): a batch still waiting, else a failed transfer of one
/// of them, with the bank's reason.
pub(crate) fn note_of(
    r: &crate::store::Read<'_>,
    person_id: i64,
    unpaid: &[i64],
) -> Result<Option<BankNote>, crate::store::StoreError> {
    if let Some(batch) = batches::waiting_batch_of(r, unpaid)? {
        return Ok(Some(BankNote::Waiting { batch }));
    }
    Ok(batches::of_person(r, person_id)?
        .into_iter()
        .find(|l| unpaid.contains(&l.entitlement_id) && l.outcome.as_deref() == Some("failed"))
        .map(|l| BankNote::Failed {
            batch: l.batch_id,
            reason: l.reason.unwrap_or_default(),
        }))
}
