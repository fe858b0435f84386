//! Backups: a consistent copy of the database while clerks keep working,
//! on demand (`chitra backup DEST`) and after each closed day (dated, in the
//! configured folder, the last N kept).

use std::path::{Path, PathBuf};

use serde_json::json;

use super::{Error, Service, Session};
use crate::store::Event;
use crate::store::StoreError;

impl Service {
    /// A supervisor's backup to `dest`: made, checked, and logged with
    /// who made it and where (a copy of everyone's data is not made
    /// unseen).
    pub fn backup(&mut self, by: &Session, dest: &Path) -> Result<(), Error> {
        by.require_supervisor()?;
        self.backup_to(dest)?;
        let id = by.user.id;
        let path = dest.display().to_string();
        self.store.write(self.who(Some(id)), |w| {
            Ok::<_, Error>(w.log(
                Event::new("backup.make", "database", None).with(json!({ "dest": path })),
                (),
            )?)
        })
    }

    /// Adds a new audit key that signs from now on (a supervisor); the old
    /// keys stay in the key file to check what they signed. Returns the
    /// new key's id.
    pub fn rotate_key(&mut self, by: &Session) -> Result<String, Error> {
        by.require_supervisor()?;
        let who = self.who(Some(by.user.id));
        Ok(self.store.rotate_key(who)?)
    }

    /// Logs that `by` wrote `what` (a report of `subject`) to the file
    /// `path`: what leaves the office on paper or disk is on record.
    pub fn note_export(
        &mut self,
        by: &Session,
        what: &str,
        path: &Path,
        subject: &str,
    ) -> Result<(), Error> {
        let id = by.user.id;
        let path = path.display().to_string();
        self.store.write(self.who(Some(id)), |w| {
            Ok::<_, Error>(w.log(
                Event::new("export", what, None).with(json!({ "file": path, "of": subject })),
                (),
            )?)
        })
    }

    /// Writes a consistent copy of the database to `dest` (which must not
    /// exist), then checks that the copy opens and is sound.
    pub fn backup_to(&self, dest: &Path) -> Result<(), Error> {
        if let Some(dir) = dest.parent() {
            crate::files::create_dir_all(dir).map_err(|e| StoreError::Io {
                path: dir.to_path_buf(),
                reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
            })?;
        }
        self.store.backup_to(dest)?;
        private(dest)
    }
}

/// A copy of the database is as private as the database (0600).
fn private(copy: &Path) -> Result<(), Error> {
    crate::files::make_private(copy).map_err(|e| {
        StoreError::Io {
            path: copy.to_path_buf(),
            reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
        }
        .into()
    })
}

/// Keeps the newest `keep` daily backups ("chitra-YYYY-MM-DD….db") in `dir`.
pub(super) fn prune(dir: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("chitra-") && n.ends_with(".db"))
        })
        .collect();
    files.sort();
    if files.len() > keep {
        for old in &files[..files.len() - keep] {
            let _ = std::fs::remove_file(old);
            let _ = std::fs::remove_file(crate::store::anchor::path_for(old));
        }
    }
}
