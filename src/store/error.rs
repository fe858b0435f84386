//! Errors from the store, as data; their wording is in `i18n/store.rs`.
//!
//! A refusal by the database's own rules (a trigger or a constraint)
//! becomes a typed [`Rule`] here, at the store's edge, so nothing above
//! matches the text of an SQL message.

use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum StoreError {
    /// No database file at the path.
    Missing { path: PathBuf },
    /// `create` was asked for a file that exists.
    AlreadyExists { path: PathBuf },
    /// The file exists but is not a SQLite database.
    NotADatabase { path: PathBuf },
    /// The database was made by a newer chitra.
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The database was made by a test version of chitra whose log was not
    /// keyed; it cannot be carried forward.
    OldSchema { path: PathBuf, found: i64 },
    /// The audit key file is not where the database's key should be.
    KeyMissing { path: PathBuf },
    /// The audit key file cannot be read as a key.
    KeyDamaged { path: PathBuf },
    /// A new database was asked for where a key file already exists.
    KeyExists { path: PathBuf },
    /// Another process held the write lock for longer than the busy timeout.
    Busy,
    /// The database refused a change because it breaks one of its rules.
    Refused(Rule),
    /// A row no longer matches its seal: it was changed outside chitra.
    Tampered { table: &'static str, key: String },
    /// The database's rules (a trigger, an index, a table) are not the
    /// ones this version made: changed outside chitra, so nothing is
    /// written until it is looked into.
    SchemaChanged { name: String },
    /// The log holds fewer rows than its head anchor names, or not the
    /// anchored row as it was: the database was put back from an older
    /// copy or its log cut or rewritten. Nothing is written on it.
    HistoryCut { anchored: i64, head: i64 },
    /// The head anchor is behind the log and could not be moved up:
    /// nothing is written until it can be.
    AnchorNotWritten { path: PathBuf, reason: String },
    /// The file system refused (permissions, disk full, …); `path` is the
    /// file concerned.
    Io { path: PathBuf, reason: String },
    /// A value in the database that chitra never writes (changed with
    /// another tool).
    Damaged { what: String },
    /// A mistake in chitra itself (a write left without its audit row, a
    /// column missing): nothing was written.
    Program { what: String },
    /// SQLite found the file itself damaged (a page that cannot be read as
    /// one): only a backup mends it.
    Corrupt,
    /// Anything else SQLite reported.
    Sqlite(rusqlite::Error),
}

/// A rule the database enforces by itself, whoever writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// An entitlement line already paid by a standing payment.
    AlreadyPaid,
    /// The day is closed.
    DayClosed,
    /// A row's day is not the date of its time.
    DayMismatch,
    /// The person is not active.
    PersonNotPayable,
    /// A payment line does not settle its own person's line in full.
    LineMismatch,
    /// The period is closed.
    PeriodClosed,
    /// The clerk's drawer was counted already.
    DrawerCounted,
    /// No opening float for the clerk's drawer today.
    DrawerNotOpen,
    /// The drawer does not hold the cash a payment or return needs.
    DrawerShort,
    /// A reversal needs a second person, a supervisor.
    NeedsAnotherSupervisor,
    /// A payment the bank's result recorded is not voided: the money left
    /// through the bank.
    BankResultStands,
    /// The line waits for the bank in a transfer batch.
    InBankBatch,
    /// A transfer's reference already settles a standing payment.
    ReferenceUsed,
    /// A payment carries a reference of the kind chitra makes (a batch
    /// line's, a round stop's) without being the payment it was made for.
    OwnReference,
    /// A row dated before a day already closed (a clock set back).
    BeforeClosedDay,
    /// The line is out with a postman on a home round.
    InHomeRound,
    /// The line is on a home round not yet returned (made, or its cash
    /// out): it does not go into a transfer batch.
    OnHomeRound,
    /// A home round's step out of its order (issued twice, an outcome
    /// after the cash came back, …).
    HomeRoundState,
    /// An heir is recorded only for a deceased person, by a supervisor, one
    /// at a time; a payment to an heir goes to the one on file and settles
    /// only what was owed to the deceased.
    Heir(HeirRule),
    /// Rows of this table are never changed or deleted.
    AppendOnly(String),
    /// A value that must be unique already exists (`table.column`).
    Unique(String),
    /// Any other constraint, as SQLite words it.
    Other(String),
}

/// The database's rules about heirs (see migration 017).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeirRule {
    NotDeceased,
    NeedsSupervisor,
    OneAtATime,
    NotOnFile,
    NotOwed,
}

impl Rule {
    /// The rule behind an SQLite constraint message.
    pub fn from_message(msg: &str) -> Rule {
        if let Some(rest) = msg.strip_prefix("UNIQUE constraint failed: ") {
            return Rule::Unique(rest.to_string());
        }
        let Some(m) = msg.strip_prefix("chitra: ") else {
            return Rule::Other(msg.to_string());
        };
        match m {
            "entitlement already paid" => Rule::AlreadyPaid,
            "day is closed" => Rule::DayClosed,
            "day does not match time" => Rule::DayMismatch,
            "person is not payable" => Rule::PersonNotPayable,
            "payment line does not match its entitlement" => Rule::LineMismatch,
            "period is closed" => Rule::PeriodClosed,
            "line is in a bank batch" => Rule::InBankBatch,
            "transfer reference already used" => Rule::ReferenceUsed,
            "reference made by chitra" => Rule::OwnReference,
            "day before a closed day" => Rule::BeforeClosedDay,
            "line is out on a home round" => Rule::InHomeRound,
            "line is on a home round" => Rule::OnHomeRound,
            "home round state" => Rule::HomeRoundState,
            "drawer already counted" => Rule::DrawerCounted,
            "drawer not opened" => Rule::DrawerNotOpen,
            "drawer does not hold the cash" => Rule::DrawerShort,
            "a reversal needs another supervisor" => Rule::NeedsAnotherSupervisor,
            "payment of a bank result" => Rule::BankResultStands,
            "heir of a person not deceased" => Rule::Heir(HeirRule::NotDeceased),
            "heir needs a supervisor" => Rule::Heir(HeirRule::NeedsSupervisor),
            "one heir at a time" => Rule::Heir(HeirRule::OneAtATime),
            "not the heir on file" => Rule::Heir(HeirRule::NotOnFile),
            "not owed to the heir" => Rule::Heir(HeirRule::NotOwed),
            other => match other.strip_prefix("append-only: ") {
                Some(table) => Rule::AppendOnly(table.to_string()),
                None => Rule::Other(msg.to_string()),
            },
        }
    }
}

impl StoreError {
    pub(crate) fn from_open(path: &Path, e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase {
                path: path.to_path_buf(),
            },
            Some(rusqlite::ErrorCode::CannotOpen)
            | Some(rusqlite::ErrorCode::PermissionDenied)
            | Some(rusqlite::ErrorCode::ReadOnly) => StoreError::Io {
                path: path.to_path_buf(),
                reason: e.to_string(),
            },
            _ => StoreError::from(e),
        }
    }

    /// The rule, if this error is a rule the database enforced.
    pub fn rule(&self) -> Option<&Rule> {
        match self {
            StoreError::Refused(rule) => Some(rule),
            _ => None,
        }
    }

    /// The same error, naming `path` when the file system refused without
    /// saying which file.
    pub(crate) fn at(self, path: &Path) -> StoreError {
        match self {
            StoreError::Io { path: p, reason } if p.as_os_str().is_empty() => StoreError::Io {
                path: path.to_path_buf(),
                reason,
            },
            other => other,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match &e {
            rusqlite::Error::SqliteFailure(f, msg) => match f.code {
                C::DatabaseBusy | C::DatabaseLocked => StoreError::Busy,
                C::ConstraintViolation => StoreError::Refused(Rule::from_message(
                    msg.as_deref().unwrap_or("constraint failed"),
                )),
                C::DatabaseCorrupt | C::NotADatabase => StoreError::Corrupt,
                C::DiskFull
                | C::ReadOnly
                | C::PermissionDenied
                | C::CannotOpen
                | C::SystemIoFailure => StoreError::Io {
                    path: PathBuf::new(),
                    reason: match f.code {
                        C::DiskFull => "disk full".into(),
                        _ => msg.clone().unwrap_or_else(|| e.to_string()),
                    },
                },
                _ => StoreError::Sqlite(e),
            },
            // A value of a type or shape chitra never writes (a date that
            // is not one, text where a number goes): the row was written by
            // another tool. Said as damage, with where, not as the
            // library's own words.
            rusqlite::Error::FromSqlConversionFailure(column, ty, _)
            | rusqlite::Error::InvalidColumnType(column, _, ty) => StoreError::Damaged {
                what: format!("column {column}, {ty}"),
            },
            rusqlite::Error::IntegralValueOutOfRange(column, value) => StoreError::Damaged {
                what: format!("column {column}, {value}"),
            },
            // Text that is not UTF-8: chitra writes only NFC UTF-8.
            rusqlite::Error::Utf8Error(column, _) => StoreError::Damaged {
                what: format!("column {column}, not UTF-8"),
            },
            _ => StoreError::Sqlite(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::StoreError;

    #[test]
    fn a_value_of_a_shape_chitra_never_writes_is_damage_not_a_library_message() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let text_as_number = conn
            .query_row("SELECT 'abc'", [], |r| r.get::<_, i64>(0))
            .unwrap_err();
        // As a row reader says a date that is not one.
        let bad_date = rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            Box::new(chrono::NaiveDate::parse_from_str("abc", "%Y-%m-%d").unwrap_err()),
        );
        let too_large = conn
            .query_row("SELECT 300", [], |r| r.get::<_, u8>(0))
            .unwrap_err();
        // Bytes that are not UTF-8 stored as text (sqlite3's CAST).
        let not_utf8 = conn
            .query_row("SELECT CAST(X'4E67FF' AS TEXT)", [], |r| {
                r.get::<_, String>(0)
            })
            .unwrap_err();
        for e in [text_as_number, bad_date, too_large, not_utf8] {
            let shown = format!("{e}");
            match StoreError::from(e) {
                StoreError::Damaged { what } => assert!(what.starts_with("column 0"), "{what}"),
                other => panic!("{shown}: {other:?}"),
            }
        }
    }
}
