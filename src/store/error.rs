//! Errors from the store, as data; their wording is in `i18n/store.rs`.

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
    /// Another process held the write lock for longer than the busy timeout.
    Busy,
    /// The database refused a change because it breaks a rule (a trigger or
    /// constraint); `rule` is the trigger's message.
    Refused { rule: String },
    /// The file system refused (permissions, disk full, …).
    Io { path: PathBuf, reason: String },
    /// Anything else SQLite reported.
    Sqlite(rusqlite::Error),
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

    /// The trigger message if this error is a rule the database enforced.
    pub fn rule(&self) -> Option<&str> {
        match self {
            StoreError::Refused { rule } => Some(rule),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match &e {
            rusqlite::Error::SqliteFailure(f, msg) => match f.code {
                C::DatabaseBusy | C::DatabaseLocked => StoreError::Busy,
                C::ConstraintViolation => StoreError::Refused {
                    rule: msg.clone().unwrap_or_else(|| e.to_string()),
                },
                C::DiskFull | C::ReadOnly | C::PermissionDenied | C::CannotOpen => StoreError::Io {
                    path: PathBuf::new(),
                    reason: e.to_string(),
                },
                _ => StoreError::Sqlite(e),
            },
            _ => StoreError::Sqlite(e),
        }
    }
}
