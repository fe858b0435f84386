//! Backups: a consistent copy of the database while clerks keep working,
//! on demand (`chitra backup DEST`) and after each closed day (dated, in the
//! configured folder, the last N kept).

use std::path::{Path, PathBuf};

use super::{Error, Service};
use crate::store::StoreError;

impl Service {
    /// Writes a consistent copy of the database to `dest` (which must not
    /// exist), then checks that the copy opens and is sound.
    pub fn backup_to(&self, dest: &Path) -> Result<(), Error> {
        if let Some(dir) = dest.parent() {
            crate::files::create_dir_all(dir).map_err(|e| StoreError::Io {
                path: dir.to_path_buf(),
                reason: e.to_string(),
            })?;
        }
        self.store.backup_to(dest)?;
        private(dest)
    }

    /// The dated backup written when `day` is closed; older ones beyond
    /// `backup.keep` are removed.
    pub(super) fn daily_backup(&self, day: &str) -> Result<PathBuf, Error> {
        let dir = &self.config.backup.dir;
        crate::files::create_dir_all(dir).map_err(|e| StoreError::Io {
            path: dir.clone(),
            reason: e.to_string(),
        })?;
        let mut dest = dir.join(format!("chitra-{day}.db"));
        let mut n = 2;
        while dest.exists() {
            dest = dir.join(format!("chitra-{day}-{n}.db"));
            n += 1;
        }
        self.store.backup_to(&dest)?;
        private(&dest)?;
        prune(dir, self.config.backup.keep);
        Ok(dest)
    }
}

/// A copy of the database is as private as the database (0600).
fn private(copy: &Path) -> Result<(), Error> {
    crate::files::make_private(copy).map_err(|e| {
        StoreError::Io {
            path: copy.to_path_buf(),
            reason: e.to_string(),
        }
        .into()
    })
}

/// Keeps the newest `keep` daily backups ("chitra-YYYY-MM-DD….db") in `dir`.
fn prune(dir: &Path, keep: usize) {
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
        }
    }
}
