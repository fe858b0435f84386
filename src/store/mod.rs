//! The SQLite store: the only place in chitra that holds SQL.
//!
//! One database file is shared by every clerk's `chitra` process. It runs in
//! WAL mode with `synchronous=FULL` (an acknowledged write survives a power
//! cut), foreign keys on, and a busy timeout; every write is one
//! `BEGIN IMMEDIATE` transaction, so writers queue instead of failing half-way.
//! Money and audit rows are append-only; triggers in the schema refuse
//! updates and deletes whoever asks.

pub mod audit;
pub mod bulk;
pub mod days;
pub mod drawers;
mod error;
pub mod health;
pub mod imports;
pub mod migrations;
pub mod payments;
pub mod people;
pub mod proxies;
pub mod users;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use error::StoreError;

/// How [`Store::write_or_rollback`] ends its transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    Commit,
    Rollback,
}

/// The page cache of a connection, in MiB.
pub const CACHE_MIB: u32 = 32;

/// An open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Bytes per database page, for new databases.
pub const PAGE_SIZE: u32 = 16384;

impl Store {
    /// Opens an existing database and brings its schema up to date.
    pub fn open(path: &Path, busy_timeout: Duration) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        Store::connect(path, busy_timeout, OpenFlags::SQLITE_OPEN_READ_WRITE)
    }

    /// Creates a new database; refuses if the file already exists.
    pub fn create(path: &Path, busy_timeout: Duration) -> Result<Store, StoreError> {
        if path.exists() {
            return Err(StoreError::AlreadyExists {
                path: path.to_path_buf(),
            });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
                path: dir.to_path_buf(),
                reason: e.to_string(),
            })?;
        }
        Store::connect(
            path,
            busy_timeout,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )
    }

    fn connect(path: &Path, busy_timeout: Duration, flags: OpenFlags) -> Result<Store, StoreError> {
        let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_open(path, e))?;
        conn.busy_timeout(busy_timeout)?;
        if flags.contains(OpenFlags::SQLITE_OPEN_CREATE) {
            // Before anything is written: a new file gets larger pages
            // (fewer pages to write for an import, fewer levels to read).
            conn.execute_batch(&format!("PRAGMA page_size = {PAGE_SIZE}"))
                .map_err(|e| StoreError::from_open(path, e))?;
        }
        // journal_mode is the first statement to read the file: a file that is
        // not a database fails here.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| StoreError::from_open(path, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                reason: format!("journal_mode={mode}"),
            });
        }
        conn.execute_batch(
            "PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA temp_store = MEMORY;",
        )?;
        conn.execute_batch(&format!("PRAGMA cache_size = -{}", CACHE_MIB * 1024))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        migrations::bring_up_to_date(&mut store.conn, path)?;
        Ok(store)
    }

    /// Lets this connection keep up to `mib` MiB of pages in memory (for a
    /// large import; a clerk's session needs far less).
    pub fn set_cache_mib(&self, mib: u32) -> Result<(), StoreError> {
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{}", mib * 1024))?;
        Ok(())
    }

    /// Writes a consistent copy of the database to `dest` (a new file)
    /// with `VACUUM INTO`: it reads one snapshot, so writers carry on while
    /// it runs. The copy is then opened and checked.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        if dest.exists() {
            return Err(StoreError::AlreadyExists {
                path: dest.to_path_buf(),
            });
        }
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
                path: dir.to_path_buf(),
                reason: e.to_string(),
            })?;
        }
        let target = dest.to_str().ok_or_else(|| StoreError::Io {
            path: dest.to_path_buf(),
            reason: "path is not UTF-8".into(),
        })?;
        self.conn.execute("VACUUM INTO ?1", [target])?;
        let copy = Connection::open_with_flags(dest, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| StoreError::from_open(dest, e))?;
        let ok: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if ok != "ok" {
            return Err(StoreError::Io {
                path: dest.to_path_buf(),
                reason: ok,
            });
        }
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` inside one `BEGIN IMMEDIATE` transaction: committed if `f`
    /// returns Ok, rolled back otherwise.
    pub fn write<T, E>(&mut self, f: impl FnOnce(&Connection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Like [`Store::write`], but `f` decides at the end whether to commit
    /// or roll back — for imports that must see exactly what a real write
    /// would do and then keep nothing when a row was rejected or the run was
    /// a dry run.
    pub fn write_or_rollback<T, E>(
        &mut self,
        f: impl FnOnce(&Connection) -> Result<(T, Finish), E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let (value, finish) = f(&tx)?;
        match finish {
            Finish::Commit => tx.commit().map_err(StoreError::from)?,
            Finish::Rollback => tx.rollback().map_err(StoreError::from)?,
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests;
