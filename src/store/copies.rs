//! Copies of the database: a backup taken while clerks work, and the
//! copy a write makes of the database with its own change in it before it
//! commits (the day's close and the month's close keep one). Each copy is
//! written beside its destination, checked and renamed, so it is either
//! absent or whole.

use super::*;

impl Store {
    /// Like [`Store::write`], but before the change is committed a copy of
    /// the database *with the change in it* is written to `dest` and
    /// checked: the committed state is copied (nobody else can write while
    /// this transaction holds the lock), `f` is run again on the copy, and
    /// the copy's audit head must equal this transaction's. Killed at any
    /// instant, this leaves either no change (and perhaps a stray copy), or
    /// the change with a whole, checked copy. `f` must do the same thing
    /// both times it runs.
    pub fn write_with_copy<T, E>(
        &mut self,
        who: Who,
        dest: &Path,
        f: impl Fn(&mut Write<'_>) -> Result<Logged<T>, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        if dest.exists() {
            return Err(StoreError::AlreadyExists {
                path: dest.to_path_buf(),
            }
            .into());
        }
        // A lost anchor is recorded by a write of its own first (this
        // write's copy is made on a store that keeps no anchor, and must
        // come out with the same rows).
        if self.anchored {
            self.write(who.clone(), |_| {
                Ok::<_, StoreError>(Logged {
                    value: (),
                    commit: true,
                })
            })?;
        }
        let path = self.path.clone();
        let tx = begin(
            &mut self.conn,
            &mut self.keys,
            &path,
            &mut self.schema_checked,
        )?;
        let anchor_path = anchor::path_for(&path);
        let anchor = self.anchored.then_some(anchor_path.as_path());
        let (value, head) = match run(&tx, &self.keys, who.clone(), anchor, &f)? {
            Ran::RollBack(value) => {
                tx.rollback().map_err(|e| StoreError::from(e).at(&path))?;
                return Ok(value);
            }
            Ran::Commit(value, head) => (value, head),
        };
        // The committed state, read by a second connection while this one
        // holds the write lock.
        let tmp = partial_path(dest);
        let _ = std::fs::remove_file(&tmp);
        let made = (|| -> Result<(), E> {
            if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
                create_private_dir(dir)?;
            }
            let reader = Connection::open_with_flags(
                &path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| StoreError::from_open(&path, e))?;
            let target = tmp.to_str().ok_or_else(|| StoreError::Io {
                path: dest.to_path_buf(),
                reason: "path is not UTF-8".into(),
            })?;
            reader
                .execute("VACUUM INTO ?1", [target])
                .map_err(|e| StoreError::from(e).at(dest))?;
            drop(reader);
            let mut copy = Store::connect(
                &tmp,
                Duration::from_millis(1000),
                OpenFlags::SQLITE_OPEN_READ_WRITE,
                self.keys.clone(),
            )?;
            copy.anchored = false;
            let copy_head = copy.write(who.clone(), |cw| {
                let logged = f(cw)?;
                let h = cw.head.clone();
                Ok::<_, E>(Logged {
                    value: h,
                    commit: logged.commit,
                })
            })?;
            if copy_head != head {
                return Err(StoreError::Program {
                    what: "the copy did not come out as the database".into(),
                }
                .into());
            }
            // One file, no WAL beside it.
            let _: String = copy
                .conn
                .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
                .map_err(StoreError::from)?;
            drop(copy);
            check_copy(&tmp)?;
            let io = |e: std::io::Error| StoreError::Io {
                path: dest.to_path_buf(),
                reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
            };
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .map_err(io)?;
            std::fs::rename(&tmp, dest).map_err(io)?;
            if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
                let _ = std::fs::File::open(dir).and_then(|f| f.sync_all());
            }
            Ok(())
        })();
        if let Err(e) = made {
            let _ = std::fs::remove_file(&tmp);
            let _ = tx.rollback();
            return Err(e);
        }
        tx.commit().map_err(|e| StoreError::from(e).at(&path))?;
        if let Some(head) = head {
            // The change is committed: a copy whose anchor could not be
            // written says so in its own `verify`, and the office's anchor
            // is moved up by the next write if not here.
            let _ = anchor::record(&anchor::path_for(dest), &self.keys, &head);
            if let Some(anchor) = anchor {
                let _ = anchor::record(anchor, &self.keys, &head);
            }
        }
        Ok(value)
    }

    /// Writes a consistent copy of the database to `dest` (a new file):
    /// `VACUUM INTO` a temporary file beside it, checked, flushed and then
    /// renamed, so `dest` is either absent or whole. It reads one
    /// snapshot, so writers carry on while it runs.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        copy_into(&self.conn, dest)?;
        // The copy carries its own anchor, so it verifies on its own.
        let copy = Connection::open_with_flags(dest, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| StoreError::from_open(dest, e))?;
        if let Some(head) = audit::head_of(&copy)? {
            anchor::record(&anchor::path_for(dest), &self.keys, &head).map_err(|e| {
                StoreError::Io {
                    path: anchor::path_for(dest),
                    reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
                }
            })?;
        }
        Ok(())
    }
}

/// Creates `dir` (and its parents) as a folder only its owner can enter.
pub(crate) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| StoreError::Io {
            path: dir.to_path_buf(),
            reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
        })
}

/// The file a copy is written to before it is whole.
pub(crate) fn partial_path(dest: &Path) -> PathBuf {
    let mut p = dest.as_os_str().to_owned();
    p.push(".partial");
    PathBuf::from(p)
}

/// `VACUUM INTO` a temporary file, check it, flush it, rename it to `dest`.
fn copy_into(conn: &Connection, dest: &Path) -> Result<(), StoreError> {
    if dest.exists() {
        return Err(StoreError::AlreadyExists {
            path: dest.to_path_buf(),
        });
    }
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let tmp = partial_path(dest);
    let _ = std::fs::remove_file(&tmp);
    let io = |e: std::io::Error| StoreError::Io {
        path: dest.to_path_buf(),
        reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
    };
    let target = tmp.to_str().ok_or_else(|| StoreError::Io {
        path: dest.to_path_buf(),
        reason: "path is not UTF-8".into(),
    })?;
    let result = (|| {
        conn.execute("VACUUM INTO ?1", [target])
            .map_err(|e| StoreError::from(e).at(dest))?;
        check_copy(&tmp)?;
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(io)?;
        std::fs::rename(&tmp, dest).map_err(io)?;
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::File::open(dir).and_then(|f| f.sync_all());
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Opens a copy read-only and runs SQLite's own check on it.
pub fn check_copy(path: &Path) -> Result<(), StoreError> {
    copy_connection(path).map(|_| ())
}

/// The copy at `path` opened read-only once it checks: not empty (SQLite
/// takes a 0-byte file for an empty database), SQLite's quick check
/// passes, and it holds chitra's audit log.
fn copy_connection(path: &Path) -> Result<Connection, StoreError> {
    let bad = |reason: &str| StoreError::Io {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let len = std::fs::metadata(path)
        .map_err(|e| bad(&e.to_string()))?
        .len();
    if len == 0 {
        return Err(bad("0 bytes"));
    }
    let copy = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| StoreError::from_open(path, e))?;
    let ok: String = copy
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| StoreError::from_open(path, e))?;
    if ok != "ok" {
        return Err(bad(&ok));
    }
    let tables: i64 = copy
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('audit_log', 'closed_days')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| StoreError::from_open(path, e))?;
    if tables != 2 {
        return Err(bad("not a chitra database"));
    }
    Ok(copy)
}

/// The seal a copy holds for `day`, once the copy checks (see
/// [`check_copy`]): a close's backup must hold the close it was made for.
pub fn copy_seal(path: &Path, day: &str) -> Result<Option<String>, StoreError> {
    let copy = copy_connection(path)?;
    copy.query_row("SELECT seal FROM closed_days WHERE day = ?1", [day], |r| {
        r.get(0)
    })
    .map(Some)
    .or_else(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Ok(None),
        e => Err(StoreError::from_open(path, e)),
    })
}
