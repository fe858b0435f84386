//! Payments, their lines, receipt numbers and reversals in the database.
//!
//! The rules that make a double payment impossible live in the schema
//! (triggers and unique keys); the functions here read and append rows
//! inside the caller's transaction.

use rusqlite::{OptionalExtension, params};

use super::rows::{Table, int, opt_int, opt_text, text};
use super::{Event, Read, StoreError, Write};
use crate::domain::payment::{PaidLine, PayMethod, PaymentRecord, ReceiverKind, Reversal};
use crate::domain::{EntitlementKind, Money, Period};

/// A line owed and not (or no longer) paid, in an open period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnpaidLine {
    pub entitlement_id: i64,
    pub period: Period,
    pub kind: EntitlementKind,
    pub amount: Money,
}

/// The unpaid lines of a person across open periods, oldest first.
pub fn unpaid_lines(r: &Read<'_>, person_id: i64) -> Result<Vec<UnpaidLine>, StoreError> {
    unpaid_lines_through(r, person_id, None)
}

/// [`unpaid_lines`] of the periods up to `through` ("YYYY-MM"): what the
/// counter pays today. A month's list imported before the month begins
/// is not paid ahead of it (a death reported in between would leave the
/// cash to recover).
pub fn unpaid_lines_due(
    r: &Read<'_>,
    person_id: i64,
    through: crate::domain::Period,
) -> Result<Vec<UnpaidLine>, StoreError> {
    unpaid_lines_through(r, person_id, Some(&through.to_string()))
}

/// The unpaid lines of periods up to `through` ("YYYY-MM"), or of every
/// open period.
fn unpaid_lines_through(
    r: &Read<'_>,
    person_id: i64,
    through: Option<&str>,
) -> Result<Vec<UnpaidLine>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT e.id, e.period, e.kind, e.amount
         FROM entitlements e JOIN periods p ON p.period = e.period
         WHERE e.person_id = ?1 AND p.status = 'open' AND (?2 IS NULL OR e.period <= ?2)
           AND NOT EXISTS (
               SELECT 1 FROM payment_lines pl
               WHERE pl.entitlement_id = e.id
                 AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pl.payment_id))
           AND NOT EXISTS (SELECT 1 FROM stops s WHERE s.person_id = e.person_id AND e.period >= s.from_period)
           AND NOT EXISTS (SELECT 1 FROM line_replacements x WHERE x.entitlement_id = e.id)
         ORDER BY e.period, e.id",
    )?;
    let rows = stmt.query_map(rusqlite::params![person_id, through], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, period, kind, amount) = row?;
        out.push(UnpaidLine {
            entitlement_id: id,
            period: parse_period(&period)?,
            kind: parse_kind(&kind)?,
            amount: Money::from_dong(amount),
        });
    }
    Ok(out)
}

pub(crate) fn parse_period(s: &str) -> Result<Period, StoreError> {
    s.parse().map_err(|_| StoreError::Damaged {
        what: format!("bad period {s:?} in database"),
    })
}

pub(crate) fn parse_kind(s: &str) -> Result<EntitlementKind, StoreError> {
    EntitlementKind::from_code(s).ok_or_else(|| StoreError::Damaged {
        what: format!("bad entitlement kind {s:?} in database"),
    })
}

/// How many times this line was paid before (all of them reversed, or the
/// insert will be refused): the `attempt` of the next payment line.
///
/// A line is paid again only on the word of reversals chitra wrote: one
/// that does not match its seal (inserted or changed with another tool) is
/// refused as [`StoreError::Tampered`], so a forged void cannot open the
/// way to a second payment.
pub fn next_attempt(r: &Read<'_>, entitlement_id: i64) -> Result<i64, StoreError> {
    let reversals: Vec<i64> = r
        .conn()
        .prepare_cached(
            "SELECT rv.id FROM reversals rv JOIN payment_lines pl ON pl.payment_id = rv.payment_id
             WHERE pl.entitlement_id = ?1",
        )?
        .query_map([entitlement_id], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    for id in reversals {
        let key = id.to_string();
        let sealed = super::rows::read(r.conn(), Table::Reversals, &key)?
            .map(|s| super::rows::check(r.keys_for_check(), Table::Reversals, &s));
        if sealed != Some(super::rows::MacCheck::Good) {
            return Err(StoreError::Tampered {
                table: Table::Reversals.name(),
                key,
            });
        }
    }
    Ok(r.conn()
        .prepare_cached("SELECT count(*) FROM payment_lines WHERE entitlement_id = ?1")?
        .query_row([entitlement_id], |r| r.get(0))?)
}

/// The next receipt number of an office and year (gapless inside the
/// caller's `BEGIN IMMEDIATE` transaction).
pub fn next_receipt_seq(r: &Read<'_>, office: &str, year: i32) -> Result<i64, StoreError> {
    Ok(r
        .conn()
        .prepare_cached(
            "SELECT coalesce(max(receipt_seq), 0) + 1 FROM payments WHERE office_code = ?1 AND receipt_year = ?2",
        )?
        .query_row(params![office, year], |r| r.get(0))?)
}

/// A payment about to be written.
pub struct NewPayment<'a> {
    pub idem_key: &'a str,
    pub office_code: &'a str,
    pub receipt_year: i32,
    pub receipt_seq: i64,
    pub receipt_no: &'a str,
    pub person_id: i64,
    pub day: &'a str,
    pub paid_at: &'a str,
    pub clerk_id: i64,
    pub approved_by: Option<i64>,
    pub receiver_kind: ReceiverKind,
    pub proxy_id: Option<i64>,
    pub receiver_name: &'a str,
    pub receiver_id_number: &'a str,
    pub method: PayMethod,
    pub account: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub total: Money,
}

/// Writes a payment and the lines it settles (each at its next attempt,
/// each entitlement line checked against its seal first:
/// [`super::imports::LineSeals`]); returns its id and the change to log.
pub fn insert(
    w: &mut Write<'_>,
    p: &NewPayment<'_>,
    lines: &[(i64, Money)],
) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::Payments)?;
    // The log already speaks of a payment with this id: the newest
    // payments were deleted behind chitra's back (their lines would look
    // unpaid, their receipt numbers free again).
    if super::audit::mentions(w, "payment", id)? {
        return Err(StoreError::Tampered {
            table: "payments",
            key: id.to_string(),
        });
    }
    let image = w.insert(
        Table::Payments,
        &[
            ("id", int(id)),
            ("idem_key", text(p.idem_key)),
            ("office_code", text(p.office_code)),
            ("receipt_year", int(i64::from(p.receipt_year))),
            ("receipt_seq", int(p.receipt_seq)),
            ("receipt_no", text(p.receipt_no)),
            ("person_id", int(p.person_id)),
            ("day", text(p.day)),
            ("paid_at", text(p.paid_at)),
            ("clerk_id", int(p.clerk_id)),
            ("approved_by", opt_int(p.approved_by)),
            ("receiver_kind", text(p.receiver_kind.code())),
            ("proxy_id", opt_int(p.proxy_id)),
            ("receiver_name", text(p.receiver_name)),
            ("receiver_id_number", text(p.receiver_id_number)),
            ("method", text(p.method.code())),
            ("account", opt_text(p.account)),
            ("reference", opt_text(p.reference)),
            ("total", int(p.total.dong())),
        ],
    )?;
    let mut event = Event::new("payment.create", "payment", Some(id)).row(image);
    let mut seals = super::imports::LineSeals::default();
    for (entitlement_id, amount) in lines {
        seals.check(w, *entitlement_id)?;
        let attempt = next_attempt(w, *entitlement_id)?;
        let image = w.insert(
            Table::PaymentLines,
            &[
                ("payment_id", int(id)),
                ("entitlement_id", int(*entitlement_id)),
                ("amount", int(amount.dong())),
                ("attempt", int(attempt)),
            ],
        )?;
        event = event.row(image);
    }
    Ok((id, event))
}

/// The payment made with an idempotency key, if any.
pub fn by_idem_key(r: &Read<'_>, key: &str) -> Result<Option<i64>, StoreError> {
    Ok(r.conn()
        .prepare_cached("SELECT id FROM payments WHERE idem_key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// The standing (unreversed) payment that settled any of these lines, if
/// any: who paid it and when, for "Đã chi bởi … lúc …".
pub fn standing_payment_of_lines(
    r: &Read<'_>,
    entitlement_ids: &[i64],
) -> Result<Option<i64>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT pl.payment_id FROM payment_lines pl
         WHERE pl.entitlement_id = ?1
           AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pl.payment_id)",
    )?;
    for id in entitlement_ids {
        if let Some(p) = stmt.query_row([id], |r| r.get(0)).optional()? {
            return Ok(Some(p));
        }
    }
    Ok(None)
}

/// The standing payment of a person in a period, if any.
pub fn standing_payment_in_period(
    r: &Read<'_>,
    person_id: i64,
    period: Period,
) -> Result<Option<i64>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT p.id FROM payments p
             JOIN payment_lines pl ON pl.payment_id = p.id
             JOIN entitlements e ON e.id = pl.entitlement_id
             WHERE p.person_id = ?1 AND e.period = ?2
               AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)
             ORDER BY p.id DESC LIMIT 1",
        )?
        .query_row(params![person_id, period.to_string()], |r| r.get(0))
        .optional()?)
}

const RECORD_SQL: &str =
    "SELECT p.id, p.receipt_no, p.person_id, p.day, p.paid_at, p.clerk_id, c.full_name,
        a.full_name, p.receiver_kind, p.receiver_name, p.receiver_id_number, p.method, p.account,
        p.reference, p.total,
        r.reversed_at, rq.full_name, ra.full_name, r.reason,
        coalesce(pr.document_no, hr.death_cert_no), hr.relationship
    FROM payments p
    JOIN users c ON c.id = p.clerk_id
    LEFT JOIN proxies pr ON pr.id = p.proxy_id
    LEFT JOIN heirs hr ON p.receiver_kind = 'heir' AND hr.id = (
        SELECT max(h.id) FROM heirs h WHERE h.person_id = p.person_id
          AND h.id_number = p.receiver_id_number AND h.recorded_at <= p.paid_at)
    LEFT JOIN users a ON a.id = p.approved_by
    LEFT JOIN reversals r ON r.payment_id = p.id
    LEFT JOIN users rq ON rq.id = r.requested_by
    LEFT JOIN users ra ON ra.id = r.approved_by";

fn read_record(r: &rusqlite::Row<'_>) -> rusqlite::Result<PaymentRecord> {
    let kind: String = r.get(8)?;
    let method: String = r.get(11)?;
    let reversed_at: Option<String> = r.get(15)?;
    Ok(PaymentRecord {
        id: r.get(0)?,
        receipt_no: r.get(1)?,
        person_id: r.get(2)?,
        day: r.get(3)?,
        paid_at: r.get(4)?,
        clerk_id: r.get(5)?,
        clerk: r.get(6)?,
        approved_by: r.get(7)?,
        receiver_kind: ReceiverKind::from_code(&kind).unwrap_or(ReceiverKind::Person),
        receiver_name: r.get(9)?,
        receiver_id_number: r.get(10)?,
        proxy_paper: r.get(19)?,
        receiver_relation: r.get(20)?,
        method: PayMethod::from_code(&method).unwrap_or(PayMethod::Cash),
        account: r.get(12)?,
        reference: r.get(13)?,
        total: Money::from_dong(r.get(14)?),
        lines: Vec::new(),
        reversal: match reversed_at {
            Some(at) => Some(Reversal {
                at,
                requested_by: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
                approved_by: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
                reason: r.get::<_, Option<String>>(18)?.unwrap_or_default(),
            }),
            None => None,
        },
    })
}

fn with_lines(r: &Read<'_>, mut p: PaymentRecord) -> Result<PaymentRecord, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT pl.entitlement_id, e.period, e.kind, pl.amount
         FROM payment_lines pl JOIN entitlements e ON e.id = pl.entitlement_id
         WHERE pl.payment_id = ?1 ORDER BY e.period, e.id",
    )?;
    let rows = stmt.query_map([p.id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    for row in rows {
        let (id, period, kind, amount) = row?;
        p.lines.push(PaidLine {
            entitlement_id: id,
            period: parse_period(&period)?,
            kind: parse_kind(&kind)?,
            amount: Money::from_dong(amount),
        });
    }
    Ok(p)
}

/// One payment with its lines and reversal.
pub fn record(r: &Read<'_>, payment_id: i64) -> Result<Option<PaymentRecord>, StoreError> {
    let found = r
        .conn()
        .prepare_cached(&format!("{RECORD_SQL} WHERE p.id = ?1"))?
        .query_row([payment_id], read_record)
        .optional()?;
    match found {
        Some(p) => Ok(Some(with_lines(r, p)?)),
        None => Ok(None),
    }
}

/// A person's payments made on or after `since_day` (YYYY-MM-DD), newest first.
pub fn of_person(
    r: &Read<'_>,
    person_id: i64,
    since_day: &str,
) -> Result<Vec<PaymentRecord>, StoreError> {
    let mut stmt = r.conn().prepare_cached(&format!(
        "{RECORD_SQL} WHERE p.person_id = ?1 AND p.day >= ?2 ORDER BY p.paid_at DESC, p.id DESC"
    ))?;
    let rows: Vec<PaymentRecord> = stmt
        .query_map(params![person_id, since_day], read_record)?
        .collect::<Result<_, _>>()?;
    rows.into_iter().map(|p| with_lines(r, p)).collect()
}

/// Records the reversal (void) of a payment; returns its id and the
/// change to log.
pub fn insert_reversal(
    w: &mut Write<'_>,
    payment_id: i64,
    day: &str,
    requested_by: i64,
    approved_by: i64,
    reason: &str,
) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::Reversals)?;
    let at = w.at().to_string();
    let image = w.insert(
        Table::Reversals,
        &[
            ("id", int(id)),
            ("payment_id", int(payment_id)),
            ("day", text(day)),
            ("reversed_at", text(at)),
            ("requested_by", int(requested_by)),
            ("approved_by", int(approved_by)),
            ("reason", text(reason)),
        ],
    )?;
    Ok((
        id,
        Event::new("payment.reverse", "payment", Some(payment_id)).row(image),
    ))
}

/// The standing (not voided) payment by `method` carrying `reference`, if
/// any.
pub fn standing_by_reference(
    r: &Read<'_>,
    method: PayMethod,
    reference: &str,
) -> Result<Option<i64>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT p.id FROM payments p
             WHERE p.reference = ?1 AND p.method = ?2
               AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)
             LIMIT 1",
        )?
        .query_row([reference, method.code()], |r| r.get(0))
        .optional()?)
}

/// The standing transfer (bank or wallet) carrying `reference`, if any.
pub fn standing_transfer_by_reference(
    r: &Read<'_>,
    reference: &str,
) -> Result<Option<i64>, StoreError> {
    Ok(r.conn()
        .prepare_cached(
            "SELECT p.id FROM payments p
             WHERE p.reference = ?1 AND (p.method = 'bank' OR p.method = 'wallet')
               AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)
             ORDER BY p.id LIMIT 1",
        )?
        .query_row([reference], |r| r.get(0))
        .optional()?)
}

/// The payment with a receipt number.
pub fn by_receipt_no(r: &Read<'_>, receipt_no: &str) -> Result<Option<i64>, StoreError> {
    Ok(r.conn()
        .prepare_cached("SELECT id FROM payments WHERE receipt_no = ?1")?
        .query_row([receipt_no], |r| r.get(0))
        .optional()?)
}
