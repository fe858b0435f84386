//! The service: the one API the command line and the screens call.
//!
//! It opens the store, knows the configuration and the clock, checks who is
//! asking, and runs each use case (sign in, import, look up, pay, …) as one
//! store transaction with its audit row. Callers never see SQL.

pub mod audit_log;
pub mod auth;
pub mod backup;
pub mod bank;
pub mod clock;
pub mod counter;
pub mod day;
pub mod doctor;
pub mod drawers;
mod error;
pub mod heirs;
pub mod import;
pub mod lists;
pub mod pay;
pub mod people;
pub mod period;
pub mod proxies;
pub mod register;
pub mod rounds;
pub mod users;
pub mod verify;

use std::sync::Arc;
use std::time::Duration;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{AuthError, Error};

use crate::config::Config;
use crate::domain::user::{Role, User};
use crate::store::{Store, Who};

/// A signed-in user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: User,
}

impl Session {
    pub fn is_supervisor(&self) -> bool {
        self.user.role == Role::Supervisor
    }

    /// Refuses unless the signed-in user is a supervisor.
    pub fn require_supervisor(&self) -> Result<(), Error> {
        if self.is_supervisor() {
            Ok(())
        } else {
            Err(Error::Forbidden {
                needs: Role::Supervisor,
            })
        }
    }
}

pub struct Service {
    pub(crate) store: Store,
    pub(crate) config: Arc<Config>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) prints: crate::print::spool::Prints,
}

impl Service {
    /// Opens the database at `db` (creating nothing).
    pub fn open(config: Arc<Config>, db: &std::path::Path) -> Result<Service, Error> {
        // The key beside a database is its own; a database without one (a
        // backup, a copy) is read with the office's key.
        let beside = crate::store::key::default_path(db);
        let office_key = config
            .database
            .key_path
            .clone()
            .unwrap_or_else(|| crate::store::key::default_path(&config.database.path));
        let key = if db == config.database.path {
            office_key
        } else if beside.exists() {
            beside
        } else {
            office_key
        };
        let store = Store::open(
            db,
            Duration::from_millis(config.database.busy_timeout_ms),
            Some(&key),
        )?;
        Ok(Service {
            store,
            clock: Arc::new(SystemClock::for_office(&config)),
            config,
            prints: Default::default(),
        })
    }

    /// Uses another clock (tests).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Service {
        self.clock = clock;
        self
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The prints running on their own threads.
    pub fn prints(&self) -> &crate::print::spool::Prints {
        &self.prints
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store itself, for tests that must make a row no screen makes
    /// (see [`crate::store::testing`]).
    #[doc(hidden)]
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// The office's own files and folders, which no output may replace:
    /// the open database and the configured one, each with its companions,
    /// audit key and head anchor; the configuration file; the backup and
    /// spool folders.
    fn office_files(&self) -> crate::files::out::OfficeFiles {
        use crate::files::out::{OfficeFile, OfficeFiles};
        let c = &self.config;
        let office_db = &c.database.path;
        let office_key = c
            .database
            .key_path
            .clone()
            .unwrap_or_else(|| crate::store::key::default_path(office_db));
        OfficeFiles::new()
            .database(self.store.path())
            .file(OfficeFile::Key, self.store.keys().path())
            .file(OfficeFile::Head, &self.store.anchor_path())
            .database(office_db)
            .file(OfficeFile::Key, &office_key)
            .file(OfficeFile::Key, &crate::store::key::default_path(office_db))
            .file(OfficeFile::Head, &crate::store::anchor::path_for(office_db))
            .file(OfficeFile::Config, &c.source)
            .folder(OfficeFile::Backups, &c.backup.dir)
            .folder(OfficeFile::Spool, &c.receipt.spool_dir)
    }

    /// The file a report, a list or a batch asked for at `target` goes to:
    /// checked against the office's own files, its temporary file made
    /// beside it (see [`crate::files::out`]). Prepare it before anything
    /// that cannot be undone, commit its bytes after.
    pub fn out_file(
        &self,
        target: &std::path::Path,
    ) -> Result<crate::files::out::OutFile, crate::files::out::OutError> {
        self.office_files().out_file(target)
    }

    /// Today's date in the office's time zone.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    /// The current time in the office's time zone.
    pub fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.clock.now()
    }

    /// The current time as stored ("2026-11-28T15:04:05+07:00").
    pub(crate) fn stamp(&self) -> String {
        clock::stamp(self.clock.now())
    }

    /// Who makes a change now: every write is stamped with it.
    pub fn who(&self, user_id: Option<i64>) -> Who {
        Who {
            at: self.stamp(),
            user_id,
        }
    }
}
