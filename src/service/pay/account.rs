//! The account a transfer at the counter goes to: the one on file, as a
//! number.

use crate::service::Error;
use crate::store::Read;

/// The digits of an account as recorded: its number, a bank's name in
/// brackets possibly after it.
pub(super) fn account_number(s: &str) -> Result<String, crate::domain::account::AccountError> {
    crate::domain::account::parse_account(s.split(" (").next().unwrap_or(s))
}

/// Whether `typed` is the account on file: the same number.
pub(super) fn same_account(on_file: Option<&str>, typed: &str) -> bool {
    match (on_file.map(account_number), account_number(typed)) {
        (Some(Ok(f)), Ok(t)) => f == t,
        _ => false,
    }
}

/// The account a transfer goes to when none is typed: the one registered
/// at the office, else the payer's list's.
pub(super) fn registered_account(
    r: &Read<'_>,
    person: &crate::domain::person::Person,
) -> Result<Option<String>, Error> {
    Ok(
        match crate::store::registrations::latest(r, person.id, None)? {
            Some(g) => g.account_no,
            None => person.account_no.clone(),
        },
    )
}
