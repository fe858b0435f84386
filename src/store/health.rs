//! Read-only looks at a database file for `chitra doctor`: when the last
//! audit row was written, and whether a copy opens and passes SQLite's
//! quick check. Nothing here writes, creates or migrates; a file that is
//! not there is reported, never made.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::StoreError;

fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    if !path.is_file() {
        return Err(StoreError::Missing {
            path: path.to_path_buf(),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if Path::new(&wal).exists() {
        return Connection::open_with_flags(path, flags)
            .map_err(|e| StoreError::from_open(path, e));
    }
    // With no -wal there is nothing beyond the main file to read, and an
    // immutable open creates no -wal or -shm: doctor run by another account
    // (root) must not leave files in the office's folder that chitra could
    // then not open.
    let uri = format!("file:{}?immutable=1", uri_path(path));
    Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
        .map_err(|e| StoreError::from_open(path, e))
}

/// A path as the path part of a `file:` URI.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'?' | b'#' | b'%' | 0x80.. => out.push_str(&format!("%{b:02X}")),
            _ => out.push(*b as char),
        }
    }
    out
}

/// The time of the last audit row, as stored ("2026-11-28T15:04:05+07:00"),
/// or None when the log is empty.
pub fn last_audit_at(db: &Path) -> Result<Option<String>, StoreError> {
    let conn = open_read_only(db)?;
    conn.query_row(
        "SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1",
        [],
        |r| r.get(0),
    )
    .optional()
    .map_err(|e| StoreError::from_open(db, e))
}

/// `PRAGMA quick_check` on a copy: Ok when SQLite answers "ok", else the
/// first problem it names.
pub fn quick_check(copy: &Path) -> Result<(), StoreError> {
    let conn = open_read_only(copy)?;
    let answer: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| StoreError::from_open(copy, e))?;
    if answer == "ok" {
        Ok(())
    } else {
        Err(StoreError::Io {
            path: copy.to_path_buf(),
            reason: answer,
        })
    }
}
