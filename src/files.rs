//! Files and folders only the office's account can open.
//!
//! The database holds the names, ID numbers and payments of every person on
//! the lists, so nothing chitra writes may be readable by another account:
//! files are 0600 and folders 0700, whatever umask the process was started
//! with. [`restrict_process`] makes that the rule for every file the process
//! creates (SQLite's database, `-wal` and `-shm`, `VACUUM INTO` copies); the
//! other functions set the mode explicitly where chitra itself creates a
//! file or folder, so a library caller that kept a loose umask still gets
//! private files.
//!
//! Files a person asks for (`--out`, a path typed on a month screen) are
//! written only through [`out`]: made in memory, renamed over the target,
//! never over one of the office's own files.
//!
//! Not here: checking modes after the fact (`chitra doctor`).

pub mod out;

use std::fs::{DirBuilder, File, OpenOptions, Permissions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// The mode of every file chitra creates.
pub const FILE_MODE: u32 = 0o600;
/// The mode of every folder chitra creates.
pub const DIR_MODE: u32 = 0o700;

/// Makes every file and folder this process creates from now on private to
/// its account (umask 077). Called first thing by the program.
#[allow(unsafe_code, reason = "umask(2) has no safe wrapper in std")]
pub fn restrict_process() {
    // SAFETY: umask only sets the calling process's file mode mask and
    // cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// Creates `dir` and any missing parents as 0700 folders (existing folders
/// are left as they are).
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)
}

/// Creates a new 0600 file for writing; fails if `path` exists.
pub fn create_new(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .open(path)
}

/// Sets an existing file to 0600.
pub fn make_private(path: &Path) -> io::Result<()> {
    std::fs::set_permissions(path, Permissions::from_mode(FILE_MODE))
}

/// Sets a database file and its `-wal` and `-shm` companions (those that
/// exist) to 0600.
pub fn make_database_private(db: &Path) -> io::Result<()> {
    make_private(db)?;
    for suffix in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let p = Path::new(&p);
        if p.exists() {
            make_private(p)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_folders_and_files_are_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_dir_all(&dir).unwrap();
        assert_eq!(mode(&tmp.path().join("a")), 0o700);
        assert_eq!(mode(&dir), 0o700);
        let f = dir.join("x.txt");
        drop(create_new(&f).unwrap());
        assert_eq!(mode(&f), 0o600);
        assert!(
            create_new(&f).is_err(),
            "an existing file is never replaced"
        );
    }

    #[test]
    fn a_loose_database_and_its_companions_are_tightened() {
        let tmp = tempfile::tempdir().unwrap();
        let db = tmp.path().join("c.db");
        for p in ["c.db", "c.db-wal"] {
            std::fs::write(tmp.path().join(p), b"x").unwrap();
            std::fs::set_permissions(tmp.path().join(p), Permissions::from_mode(0o666)).unwrap();
        }
        make_database_private(&db).unwrap();
        assert_eq!(mode(&db), 0o600);
        assert_eq!(mode(&tmp.path().join("c.db-wal")), 0o600);
        assert!(!tmp.path().join("c.db-shm").exists());
    }
}
