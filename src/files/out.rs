//! The one way chitra writes a file where a person asked for it (`--out`,
//! a path typed on a month screen): a report, a list, a bank batch.
//!
//! The whole file is made in memory first (text, CSV, or an xlsx workbook
//! saved to a buffer), then [`OutFile::commit`] writes it to a new 0600
//! file created beside the target (never an existing one), syncs it and
//! renames it over the target. So:
//!
//! - a symbolic link at the target is replaced by the file, never followed:
//!   the file it pointed at is not touched;
//! - an existing file at the target is replaced by a new private (0600)
//!   file: its old mode, owner and any other names (hard links) it had are
//!   not carried over, on purpose, since the files hold names, ID numbers
//!   and amounts;
//! - a file that cannot be written leaves the target as it was, and the
//!   temporary file is removed, also when an [`OutFile`] is dropped without
//!   being committed (the command was refused after it was prepared);
//! - a target that is a folder is refused.
//!
//! The office's own files can never be a target: the database and its
//! `-wal`, `-shm` and `-journal`, the audit key, the head anchor, the
//! configuration file, and anything inside the backup and spool folders.
//! [`OfficeFiles`] names them; it is made only by the service, which knows
//! them (`Service::out_file`), so there is no way to get an [`OutFile`]
//! without the check. A target is compared with them by (device, inode)
//! of what exists — another spelling, a `..` path, a hard link or a
//! symbolic link to one of them is caught — and, for one of them that does
//! not exist now (a `-wal`, a missing head anchor), by its name in the same
//! folder. The check is made before anything is written, and again just
//! before the rename.
//!
//! Not here: what goes into the file (`export`, `print::document`), the
//! audit log's note of it (`Service::note_export`).

use std::ffi::{OsStr, OsString};
use std::fs::{File, Metadata};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Which of the office's own files (or folders) a target would have
/// replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeFile {
    /// The database, its `-wal`, `-shm` or `-journal`.
    Database,
    /// The audit key (`<db>.key` or `database.key_path`).
    Key,
    /// The signed head anchor (`<db>.head`).
    Head,
    /// The configuration file.
    Config,
    /// The backup folder (`backup.dir`) or anything in it.
    Backups,
    /// The receipts' spool folder (`receipt.spool_dir`) or anything in it.
    Spool,
}

/// Why an output file was not written.
#[derive(Debug)]
pub enum OutError {
    /// The target is one of the office's own files, or inside one of its
    /// folders: refused before anything was written.
    Office { path: PathBuf, what: OfficeFile },
    /// The target is a folder (or names no file).
    Folder { path: PathBuf },
    /// The file system refused.
    Io { path: PathBuf, error: io::Error },
}

/// The office's own files and folders, which no output may replace or go
/// into.
#[derive(Debug, Clone, Default)]
pub struct OfficeFiles {
    files: Vec<(OfficeFile, PathBuf)>,
    folders: Vec<(OfficeFile, PathBuf)>,
}

/// A file (device, inode).
type Id = (u64, u64);

fn id(m: &Metadata) -> Id {
    (m.dev(), m.ino())
}

/// A place a target names: its folder, as found, and its name there.
struct Place {
    dir: PathBuf,
    dir_id: Id,
    name: OsString,
}

impl OfficeFiles {
    /// No files yet: add them with [`OfficeFiles::database`],
    /// [`OfficeFiles::file`] and [`OfficeFiles::folder`].
    pub(crate) fn new() -> OfficeFiles {
        OfficeFiles::default()
    }

    /// A database file and its SQLite companions.
    pub(crate) fn database(mut self, db: &Path) -> OfficeFiles {
        self.files.push((OfficeFile::Database, db.to_path_buf()));
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut p = db.as_os_str().to_owned();
            p.push(suffix);
            self.files.push((OfficeFile::Database, PathBuf::from(p)));
        }
        self
    }

    /// One file of the office.
    pub(crate) fn file(mut self, what: OfficeFile, path: &Path) -> OfficeFiles {
        if !path.as_os_str().is_empty() {
            self.files.push((what, path.to_path_buf()));
        }
        self
    }

    /// A folder of the office: nothing is written in it or below it.
    pub(crate) fn folder(mut self, what: OfficeFile, path: &Path) -> OfficeFiles {
        if !path.as_os_str().is_empty() {
            self.folders.push((what, path.to_path_buf()));
        }
        self
    }

    /// Checks `target` and creates the temporary file its bytes go to
    /// first: nothing is written at `target` until
    /// [`OutFile::commit`]. A target that cannot be written is refused
    /// here, so a caller can prepare the file before doing what cannot be
    /// undone (a bank batch, a period's close).
    pub fn out_file(&self, target: &Path) -> Result<OutFile, OutError> {
        let place = self.check(target)?;
        let (temp, file) = create_temp(&place.dir).map_err(|error| OutError::Io {
            path: target.to_path_buf(),
            error,
        })?;
        Ok(OutFile {
            target: target.to_path_buf(),
            guard: self.clone(),
            dir_id: place.dir_id,
            dest: place.dir.join(&place.name),
            temp,
            file,
        })
    }

    /// Where `target` would be written, unless it is one of the office's
    /// files or folders, or a folder itself.
    fn check(&self, target: &Path) -> Result<Place, OutError> {
        let io = |error| OutError::Io {
            path: target.to_path_buf(),
            error,
        };
        let folder = || OutError::Folder {
            path: target.to_path_buf(),
        };
        let raw = target.as_os_str().as_encoded_bytes();
        if raw.ends_with(b"/") || raw.ends_with(b"/.") || raw.ends_with(b"/..") {
            return Err(folder());
        }
        let name = match target.file_name() {
            Some(n) if n != "." && n != ".." => n.to_os_string(),
            _ => return Err(folder()),
        };
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let dir = std::fs::canonicalize(parent).map_err(io)?;
        let dir_meta = std::fs::metadata(&dir).map_err(io)?;
        if !dir_meta.is_dir() {
            return Err(io(io::Error::from(io::ErrorKind::NotADirectory)));
        }
        let place = Place {
            dir_id: id(&dir_meta),
            dir,
            name,
        };
        let entry = place.dir.join(&place.name);
        let here = match std::fs::symlink_metadata(&entry) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(io(e)),
        };
        self.refuse_office(target, &place, here.as_ref())?;
        if let Some(m) = &here
            && m.file_type().is_symlink()
        {
            // The link itself is replaced, never followed; but a link to
            // one of the office's files says the person meant that file.
            if let Ok(real) = std::fs::canonicalize(&entry)
                && let (Some(p), Some(n)) = (real.parent(), real.file_name())
                && let Ok(pm) = std::fs::metadata(p)
            {
                let pointed = Place {
                    dir_id: id(&pm),
                    dir: p.to_path_buf(),
                    name: n.to_os_string(),
                };
                let meta = std::fs::symlink_metadata(&real).ok();
                self.refuse_office(target, &pointed, meta.as_ref())?;
                if meta.is_some_and(|m| m.is_dir()) {
                    return Err(folder());
                }
            }
        }
        if here.is_some_and(|m| m.is_dir()) {
            return Err(folder());
        }
        Ok(place)
    }

    /// Refuses a place that is one of the office's files, or inside one of
    /// its folders. `meta` is what is at the place now, if anything
    /// (not followed).
    fn refuse_office(
        &self,
        target: &Path,
        place: &Place,
        meta: Option<&Metadata>,
    ) -> Result<(), OutError> {
        let refuse = |what| OutError::Office {
            path: target.to_path_buf(),
            what,
        };
        let here = meta.map(id);
        for (what, file) in &self.files {
            if let (Some(here), Ok(m)) = (here, std::fs::metadata(file))
                && id(&m) == here
            {
                return Err(refuse(*what));
            }
            if same_place(file, place) {
                return Err(refuse(*what));
            }
        }
        // The place's folder and every folder above it.
        let mut above: Vec<Id> = Vec::new();
        let mut dir = Some(place.dir.as_path());
        while let Some(d) = dir {
            if let Ok(m) = std::fs::metadata(d) {
                above.push(id(&m));
            }
            dir = d.parent();
        }
        if let Some(m) = meta.filter(|m| m.is_dir()) {
            above.push(id(m));
        }
        for (what, folder) in &self.folders {
            if let Ok(m) = std::fs::metadata(folder)
                && above.contains(&id(&m))
            {
                return Err(refuse(*what));
            }
        }
        Ok(())
    }
}

/// Whether `file` (which may not exist) is the entry `name` in the place's
/// folder.
fn same_place(file: &Path, place: &Place) -> bool {
    let (Some(name), parent) = (file.file_name(), file.parent()) else {
        return false;
    };
    let parent = match parent {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    name == OsStr::new(&place.name)
        && std::fs::metadata(parent).is_ok_and(|m| id(&m) == place.dir_id)
}

/// A new 0600 file in `dir`, under a name no other file has.
fn create_temp(dir: &Path) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut last = None;
    for n in 0..100u32 {
        let path = dir.join(format!(".chitra-{pid}-{n}.tmp"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(super::FILE_MODE)
            .open(&path)
        {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)))
}

/// A file prepared at a checked target: its bytes go to a temporary file
/// beside it and replace the target only at [`OutFile::commit`]. Dropped
/// without a commit, it removes the temporary file and leaves the target
/// as it was.
#[derive(Debug)]
pub struct OutFile {
    /// The target as the person gave it (for messages and the log).
    target: PathBuf,
    guard: OfficeFiles,
    /// The folder the temporary file was made in, and the target's path in
    /// it as found then.
    dir_id: Id,
    dest: PathBuf,
    temp: PathBuf,
    file: File,
}

impl OutFile {
    /// The target as it was given.
    pub fn path(&self) -> &Path {
        &self.target
    }

    /// Writes `bytes`, syncs them and puts the file in place of the target.
    /// On an error the target is as it was.
    pub fn commit(mut self, bytes: &[u8]) -> Result<(), OutError> {
        let io = |error| OutError::Io {
            path: self.target.clone(),
            error,
        };
        let mut file = &self.file;
        file.write_all(bytes).map_err(io)?;
        file.sync_all().map_err(io)?;
        // What is at the target may have changed since it was prepared
        // (a bank batch takes a while): checked again just before.
        let place = self.guard.check(&self.target)?;
        if place.dir_id != self.dir_id || place.dir.join(&place.name) != self.dest {
            return Err(io(io::Error::other(
                "the target's folder changed while the file was made",
            )));
        }
        std::fs::rename(&self.temp, &self.dest).map_err(io)?;
        self.temp = PathBuf::new();
        // The rename itself on disk; the file is in place either way.
        if let Some(dir) = self.dest.parent()
            && let Ok(d) = File::open(dir)
        {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl Drop for OutFile {
    fn drop(&mut self) {
        if !self.temp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    struct Office {
        dir: tempfile::TempDir,
        guard: OfficeFiles,
    }

    fn office() -> Office {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        for f in ["chitra.db", "chitra.db.key", "chitra.toml"] {
            std::fs::write(p.join(f), f).unwrap();
        }
        std::fs::create_dir(p.join("backup")).unwrap();
        std::fs::create_dir(p.join("spool")).unwrap();
        std::fs::create_dir(p.join("out")).unwrap();
        let guard = OfficeFiles::new()
            .database(&p.join("chitra.db"))
            .file(OfficeFile::Key, &p.join("chitra.db.key"))
            .file(OfficeFile::Head, &p.join("chitra.db.head"))
            .file(OfficeFile::Config, &p.join("chitra.toml"))
            .folder(OfficeFile::Backups, &p.join("backup"))
            .folder(OfficeFile::Spool, &p.join("spool"));
        Office { dir, guard }
    }

    fn refused(o: &Office, target: &Path) -> Option<OfficeFile> {
        match o.guard.out_file(target) {
            Err(OutError::Office { what, .. }) => Some(what),
            Err(e) => panic!("{target:?}: {e:?}"),
            Ok(_) => None,
        }
    }

    fn temps(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn the_offices_files_are_refused_however_they_are_spelled() {
        let o = office();
        let p = o.dir.path();
        let db = p.join("chitra.db");
        let by_dots = p.join("out/../chitra.db");
        let hard = p.join("out/hard");
        std::fs::hard_link(&db, &hard).unwrap();
        let link = p.join("out/link");
        std::os::unix::fs::symlink(&db, &link).unwrap();
        for (target, what) in [
            (db.clone(), OfficeFile::Database),
            (by_dots, OfficeFile::Database),
            (hard, OfficeFile::Database),
            (link, OfficeFile::Database),
            (p.join("chitra.db-wal"), OfficeFile::Database),
            (p.join("chitra.db.key"), OfficeFile::Key),
            (p.join("chitra.db.head"), OfficeFile::Head),
            (p.join("chitra.toml"), OfficeFile::Config),
            (p.join("backup/x.csv"), OfficeFile::Backups),
            (p.join("out/../spool/x.csv"), OfficeFile::Spool),
            (p.join("backup"), OfficeFile::Backups),
        ] {
            assert_eq!(refused(&o, &target), Some(what), "{target:?}");
        }
        assert_eq!(std::fs::read(&db).unwrap(), b"chitra.db");
        assert!(temps(p).is_empty() && temps(&p.join("out")).is_empty());
    }

    #[test]
    fn a_link_is_replaced_and_its_file_left_alone() {
        let o = office();
        let p = o.dir.path();
        let victim = p.join("victim.txt");
        std::fs::write(&victim, "mine").unwrap();
        std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
        let link = p.join("out/report.csv");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        o.guard.out_file(&link).unwrap().commit(b"report").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"mine");
        let m = std::fs::metadata(&victim).unwrap();
        assert_eq!(m.permissions().mode() & 0o777, 0o644);
        let m = std::fs::symlink_metadata(&link).unwrap();
        assert!(m.is_file());
        assert_eq!(m.permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::read(&link).unwrap(), b"report");
    }

    #[test]
    fn an_existing_file_is_replaced_by_a_private_one() {
        let o = office();
        let p = o.dir.path().join("out/r.csv");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        o.guard.out_file(&p).unwrap().commit(b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        let m = std::fs::metadata(&p).unwrap();
        assert_eq!(m.permissions().mode() & 0o777, 0o600);
        assert!(temps(&o.dir.path().join("out")).is_empty());
    }

    #[test]
    fn a_file_not_committed_leaves_the_target_and_no_temporary_file() {
        let o = office();
        let out = o.dir.path().join("out");
        let p = out.join("r.csv");
        std::fs::write(&p, "old").unwrap();
        let f = o.guard.out_file(&p).unwrap();
        assert_eq!(temps(&out).len(), 1);
        drop(f);
        assert!(temps(&out).is_empty());
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
    }

    #[test]
    fn a_folder_is_refused() {
        let o = office();
        let out = o.dir.path().join("out");
        for target in [
            out.clone(),
            out.join("."),
            PathBuf::from(format!("{}/", out.display())),
        ] {
            assert!(
                matches!(o.guard.out_file(&target), Err(OutError::Folder { .. })),
                "{target:?}"
            );
        }
        let link = out.join("to-folder");
        std::os::unix::fs::symlink(&out, &link).unwrap();
        assert!(matches!(
            o.guard.out_file(&link),
            Err(OutError::Folder { .. })
        ));
    }

    #[test]
    fn a_place_planted_after_the_check_is_refused_at_the_commit() {
        let o = office();
        let p = o.dir.path();
        let target = p.join("out/r.csv");
        let f = o.guard.out_file(&target).unwrap();
        std::fs::hard_link(p.join("chitra.db.key"), &target).unwrap();
        assert!(matches!(
            f.commit(b"x"),
            Err(OutError::Office {
                what: OfficeFile::Key,
                ..
            })
        ));
        assert_eq!(std::fs::read(&target).unwrap(), b"chitra.db.key");
        assert!(temps(&p.join("out")).is_empty());
    }
}
