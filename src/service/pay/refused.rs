//! Why the database refused a payment, in the clerk's words: who paid the
//! lines first, or the day or drawer that stops it.

use super::{PaidBy, PayError};
use crate::domain::Money;
use crate::service::day::DayError;
use crate::service::{Error, Session};
use crate::store::{Read, Rule, StoreError, days, drawers, payments};

pub(super) fn paid_by(r: &Read<'_>, payment_id: i64) -> Result<PaidBy, Error> {
    let p = payments::record(r, payment_id)?.ok_or(Error::NoSuchPayment)?;
    Ok(PaidBy {
        clerk: p.clerk,
        at: p.paid_at,
        receipt_no: p.receipt_no,
    })
}

/// The day and drawer a payment is made from, for [`refused`].
pub(super) struct Drawer<'a> {
    pub(super) day: &'a str,
    pub(super) session: &'a Session,
    /// Paid in cash (at the counter or at home): out of the clerk's drawer.
    pub(super) cash: bool,
    pub(super) needed: Money,
}

/// Why the database refused a payment's insert, in the clerk's words.
///
/// The day and the drawer are not read before the insert: its triggers
/// refuse a payment on a closed day (`payments_open_day`) and cash from a
/// drawer not opened (`payments_drawer_open`), already counted
/// (`payments_drawer_counted`) or short (`payments_drawer_holds`), inside
/// the same transaction, whatever the code above them does. Only when one
/// of them refuses are the day and the drawer read, in the order the clerk
/// should hear about them, for the message; reading them on every payment
/// as well cost a second sum of the drawer's day.
pub(super) fn refused(r: &Read<'_>, drawer: &Drawer<'_>, lines: &[i64], e: StoreError) -> Error {
    match e.rule() {
        Some(Rule::DayClosed | Rule::DrawerNotOpen | Rule::DrawerCounted | Rule::DrawerShort) => {
            match day_or_drawer_refusal(r, drawer) {
                Ok(Some(why)) => why.into(),
                Ok(None) => e.into(),
                Err(read) => read,
            }
        }
        _ => already_paid_or(r, lines, e),
    }
}

/// The first of: the day closed, the drawer not opened, already counted,
/// short of what the payment needs.
fn day_or_drawer_refusal(r: &Read<'_>, d: &Drawer<'_>) -> Result<Option<DayError>, Error> {
    if let Some(c) = days::closed(r, d.day)? {
        return Ok(Some(DayError::AlreadyClosed {
            day: d.day.to_string(),
            at: c.at,
            by: c.by,
        }));
    }
    if !d.cash {
        return Ok(None);
    }
    let clerk = d.session.user.full_name.clone();
    let user = d.session.user.id;
    if !drawers::is_open(r, d.day, user)? {
        return Ok(Some(DayError::DrawerNotOpen { clerk }));
    }
    if drawers::count_of(r, d.day, user)?.is_some() {
        return Ok(Some(DayError::DrawerCounted { clerk }));
    }
    let balance = drawers::balance(r, d.day, user)?;
    if balance < d.needed {
        return Ok(Some(DayError::DrawerShort {
            clerk,
            needed: d.needed,
        }));
    }
    Ok(None)
}

/// A refusal by the database's "already paid" rule becomes the clerk's
/// message about who paid; anything else stays as it was.
fn already_paid_or(r: &Read<'_>, lines: &[i64], e: StoreError) -> Error {
    if e.rule() == Some(&Rule::AlreadyPaid)
        && let Ok(Some(pid)) = payments::standing_payment_of_lines(r, lines)
        && let Ok(by) = paid_by(r, pid)
    {
        return PayError::AlreadyPaid(by).into();
    }
    e.into()
}
