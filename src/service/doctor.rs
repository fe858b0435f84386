//! `chitra doctor`: is this server set up so that only the office's account
//! can touch the data, and would a bad day be survivable?
//!
//! It looks, and changes nothing: the owner and modes of the data folder and
//! every file in it (and of the spool and backup folders), the audit key
//! file beside the database, the office's time zone and whether the system
//! clock is behind the last audit row, free disk space, the newest backup,
//! and the SSH server's forced command when its configuration can be read.
//! Each problem is a [`Finding`] (data only; the wording is in
//! `i18n/doctor.rs`). It works without opening the database for writing, so
//! it can be run while clerks are paying, and on a database it cannot open.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::store::{StoreError, health};

/// At most this many files with a wrong owner or mode are named one by
/// one; the rest are counted.
pub const NAMED_FILES: usize = 20;

/// What a check looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Files,
    Key,
    TimeZone,
    Clock,
    Disk,
    Backup,
    Sshd,
    ScreenLock,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::Files,
        Topic::Key,
        Topic::TimeZone,
        Topic::Clock,
        Topic::Disk,
        Topic::Backup,
        Topic::Sshd,
        Topic::ScreenLock,
    ];
}

/// Something that needs the office's attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The configuration could not be used (so nothing else was checked).
    Config { reason: String },
    /// The data folder (the database's folder) is not there.
    FolderMissing { path: PathBuf },
    /// A file or folder belongs to another account than the one running.
    NotOwner { path: PathBuf, uid: u32, ours: u32 },
    /// A folder other accounts can enter or read (should be 0700).
    FolderMode { path: PathBuf, mode: u32 },
    /// A file other accounts can read or write (should be 0600).
    FileMode { path: PathBuf, mode: u32 },
    /// More files with a wrong owner or mode than were named.
    MoreFiles { count: usize },
    /// A file or folder that could not be looked at.
    Unreadable { path: PathBuf, reason: String },
    /// The audit key file `<db>.key` is not there.
    KeyMissing { path: PathBuf },
    /// The head anchor `<db>.head` is there but cannot be written (made
    /// read-only or immutable, owned by another account): the next write
    /// after one that could not move it is refused.
    AnchorNotWritable { path: PathBuf, reason: String },
    /// The database is not there, or could not be read.
    Database { path: PathBuf, reason: String },
    /// The system clock is before the last audit row: times recorded now
    /// would go backwards.
    ClockBehind {
        now: DateTime<FixedOffset>,
        last: String,
    },
    /// Less free space on the data folder's disk than configured.
    DiskLow {
        path: PathBuf,
        free_mib: u64,
        min_mib: u64,
    },
    /// No backup in the backup folder.
    NoBackup { dir: PathBuf },
    /// The newest backup is older than configured.
    BackupOld {
        path: PathBuf,
        hours: u64,
        max_hours: u64,
    },
    /// The newest backup is an empty file.
    BackupEmpty { path: PathBuf },
    /// The newest backup does not open or fails SQLite's quick check.
    BackupBroken { path: PathBuf, reason: String },
    /// A `-journal` file beside the newest backup: it was still being
    /// written, or a write to it was cut off.
    BackupJournal { path: PathBuf },
    /// The SSH server's configuration has no forced command for chitra.
    SshdNoForcedCommand { path: PathBuf },
    /// chitra's forced command is there, but forwarding is not turned off
    /// in its block.
    SshdForwarding { path: PathBuf },
    /// The screens never lock (`interface.lock_after_minutes = 0`).
    ScreenLockOff,
    /// The screens lock only after more than [`LONGEST_LOCK_MINUTES`].
    ScreenLockLong { minutes: u32 },
}

/// More minutes than this before a counter left signed in locks is a
/// finding.
pub const LONGEST_LOCK_MINUTES: u32 = 15;

impl Finding {
    /// The check this finding belongs to.
    pub fn topic(&self) -> Topic {
        match self {
            Finding::Config { .. } => Topic::TimeZone,
            Finding::FolderMissing { .. }
            | Finding::NotOwner { .. }
            | Finding::FolderMode { .. }
            | Finding::FileMode { .. }
            | Finding::MoreFiles { .. }
            | Finding::Unreadable { .. } => Topic::Files,
            Finding::KeyMissing { .. } | Finding::AnchorNotWritable { .. } => Topic::Key,
            Finding::Database { .. } | Finding::ClockBehind { .. } => Topic::Clock,
            Finding::DiskLow { .. } => Topic::Disk,
            Finding::NoBackup { .. }
            | Finding::BackupOld { .. }
            | Finding::BackupEmpty { .. }
            | Finding::BackupBroken { .. }
            | Finding::BackupJournal { .. } => Topic::Backup,
            Finding::SshdNoForcedCommand { .. } | Finding::SshdForwarding { .. } => Topic::Sshd,
            Finding::ScreenLockOff | Finding::ScreenLockLong { .. } => Topic::ScreenLock,
        }
    }

    /// A short code for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Finding::Config { .. } => "config",
            Finding::FolderMissing { .. } => "folder_missing",
            Finding::NotOwner { .. } => "not_owner",
            Finding::FolderMode { .. } => "folder_mode",
            Finding::FileMode { .. } => "file_mode",
            Finding::MoreFiles { .. } => "more_files",
            Finding::Unreadable { .. } => "unreadable",
            Finding::KeyMissing { .. } => "key_missing",
            Finding::AnchorNotWritable { .. } => "anchor_not_writable",
            Finding::Database { .. } => "database",
            Finding::ClockBehind { .. } => "clock_behind",
            Finding::DiskLow { .. } => "disk_low",
            Finding::NoBackup { .. } => "no_backup",
            Finding::BackupOld { .. } => "backup_old",
            Finding::BackupEmpty { .. } => "backup_empty",
            Finding::BackupBroken { .. } => "backup_broken",
            Finding::BackupJournal { .. } => "backup_journal",
            Finding::SshdNoForcedCommand { .. } => "sshd_no_forced_command",
            Finding::SshdForwarding { .. } => "sshd_forwarding",
            Finding::ScreenLockOff => "screen_lock_off",
            Finding::ScreenLockLong { .. } => "screen_lock_long",
        }
    }
}

/// What doctor saw.
#[derive(Debug, Clone)]
pub struct Report {
    pub db: PathBuf,
    pub zone: String,
    pub now: DateTime<FixedOffset>,
    pub free_mib: Option<u64>,
    /// The newest backup and its age in hours, when there is one.
    pub backup: Option<(PathBuf, u64)>,
    /// The SSH server's configuration could not be read (not a problem:
    /// the running account often may not read it).
    pub sshd_unread: Option<PathBuf>,
    /// `interface.lock_after_minutes`.
    pub lock_after_minutes: u32,
    pub findings: Vec<Finding>,
}

impl Report {
    /// A report for a configuration that could not be used.
    pub fn config_failed(reason: String, now: DateTime<FixedOffset>) -> Report {
        Report {
            db: PathBuf::new(),
            zone: String::new(),
            now,
            free_mib: None,
            backup: None,
            sshd_unread: None,
            lock_after_minutes: 0,
            findings: vec![Finding::Config { reason }],
        }
    }

    pub fn ok(&self) -> bool {
        self.findings.is_empty()
    }

    /// Whether `topic` found nothing wrong.
    pub fn passed(&self, topic: Topic) -> bool {
        !self.findings.iter().any(|f| f.topic() == topic)
    }
}

/// Runs every check on the office configured by `config`, with database
/// `db`, at `now` (the office clock's time).
pub fn examine(config: &Config, db: &Path, now: DateTime<FixedOffset>) -> Report {
    let mut findings = Vec::new();
    let data = match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    check_files(config, &data, &mut findings);
    let key = sibling(db, ".key");
    if !key.is_file() {
        findings.push(Finding::KeyMissing { path: key });
    }
    let head = sibling(db, ".head");
    if head.exists()
        && let Err(e) = crate::store::anchor::writable(&head)
    {
        findings.push(Finding::AnchorNotWritable {
            path: head,
            reason: crate::i18n::os_reason(config.interface.language, &e),
        });
    }
    check_clock(config.interface.language, db, now, &mut findings);
    let free_mib = free_mib(&data);
    if let Some(free) = free_mib
        && free < config.doctor.min_free_mib
    {
        findings.push(Finding::DiskLow {
            path: data.clone(),
            free_mib: free,
            min_mib: config.doctor.min_free_mib,
        });
    }
    let backup = check_backup(config, &mut findings);
    let sshd_unread = check_sshd(&config.doctor.sshd_config, &mut findings);
    match config.interface.lock_after_minutes {
        0 => findings.push(Finding::ScreenLockOff),
        m if m > LONGEST_LOCK_MINUTES => findings.push(Finding::ScreenLockLong { minutes: m }),
        _ => {}
    }
    Report {
        db: db.to_path_buf(),
        zone: config.office.time_zone.clone(),
        now,
        free_mib,
        backup,
        sshd_unread,
        lock_after_minutes: config.interface.lock_after_minutes,
        findings,
    }
}

/// `db` with `suffix` added to its name ("chitra.db" → "chitra.db.key").
fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// The data folder and everything under it, then the spool and backup
/// folders when they are elsewhere.
#[allow(unsafe_code, reason = "geteuid(2) has no safe wrapper in std")]
fn check_files(config: &Config, data: &Path, out: &mut Vec<Finding>) {
    if !data.is_dir() {
        out.push(Finding::FolderMissing {
            path: data.to_path_buf(),
        });
        return;
    }
    // SAFETY: geteuid takes nothing and cannot fail.
    let ours = unsafe { libc::geteuid() };
    let mut wrong = Vec::new();
    walk(data, ours, &mut wrong);
    for dir in [&config.receipt.spool_dir, &config.backup.dir] {
        if dir.is_dir() && !same_or_inside(dir, data) {
            walk(dir, ours, &mut wrong);
        }
    }
    let more = wrong.len().saturating_sub(NAMED_FILES);
    wrong.truncate(NAMED_FILES);
    out.extend(wrong);
    if more > 0 {
        out.push(Finding::MoreFiles { count: more });
    }
}

fn same_or_inside(dir: &Path, data: &Path) -> bool {
    match (dir.canonicalize(), data.canonicalize()) {
        (Ok(d), Ok(root)) => d.starts_with(root),
        _ => false,
    }
}

/// Checks `path` and, for a folder, everything in it. Symbolic links are
/// judged as links (their target is not followed).
fn walk(path: &Path, ours: u32, out: &mut Vec<Finding>) {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.push(Finding::Unreadable {
                path: path.to_path_buf(),
                reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
            });
            return;
        }
    };
    if meta.uid() != ours {
        out.push(Finding::NotOwner {
            path: path.to_path_buf(),
            uid: meta.uid(),
            ours,
        });
    }
    let mode = meta.mode() & 0o7777;
    if meta.is_dir() {
        if mode & 0o7777 != 0o700 {
            out.push(Finding::FolderMode {
                path: path.to_path_buf(),
                mode,
            });
        }
        let entries = match std::fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => {
                out.push(Finding::Unreadable {
                    path: path.to_path_buf(),
                    reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
                });
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children {
            walk(&child, ours, out);
        }
    } else if !meta.file_type().is_symlink() && mode & 0o7077 != 0 {
        out.push(Finding::FileMode {
            path: path.to_path_buf(),
            mode,
        });
    }
}

/// The system clock must not be before the last audit row.
fn check_clock(
    lang: crate::i18n::Lang,
    db: &Path,
    now: DateTime<FixedOffset>,
    out: &mut Vec<Finding>,
) {
    match health::last_audit_at(db) {
        Ok(Some(last)) => {
            if let Ok(t) = DateTime::parse_from_rfc3339(&last)
                && t > now
            {
                out.push(Finding::ClockBehind { now, last });
            }
        }
        Ok(None) => {}
        Err(e) => out.push(Finding::Database {
            path: db.to_path_buf(),
            reason: database_reason(lang, e),
        }),
    }
}

fn database_reason(lang: crate::i18n::Lang, e: StoreError) -> String {
    crate::i18n::Localize::localize(&e, lang)
}

/// Free space for this account on the disk holding `dir`, in MiB.
#[allow(unsafe_code, reason = "statvfs(3) has no safe wrapper in std")]
fn free_mib(dir: &Path) -> Option<u64> {
    let c = CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: statvfs is a plain C struct of integers; all zeroes is valid.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a valid C string and `s` a valid out-pointer.
    if unsafe { libc::statvfs(c.as_ptr(), &mut s) } != 0 {
        return None;
    }
    #[allow(clippy::unnecessary_cast)]
    Some((s.f_bavail as u64).saturating_mul(s.f_frsize as u64) / (1024 * 1024))
}

/// The newest `*.db` file in the backup folder: there, recent, not empty,
/// sound, no journal beside it.
fn check_backup(config: &Config, out: &mut Vec<Finding>) -> Option<(PathBuf, u64)> {
    let lang = config.interface.language;
    let dir = &config.backup.dir;
    let newest = std::fs::read_dir(dir).ok().and_then(|entries| {
        entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "db"))
            .filter_map(|e| {
                let m = e.metadata().ok()?;
                if !m.is_file() {
                    return None;
                }
                Some((m.modified().ok()?, e.path(), m.len()))
            })
            .max()
    });
    let Some((modified, path, len)) = newest else {
        out.push(Finding::NoBackup { dir: dir.clone() });
        return None;
    };
    let hours = SystemTime::now()
        .duration_since(modified)
        .map(|d| d.as_secs() / 3600)
        .unwrap_or(0);
    if hours > config.doctor.backup_max_age_hours {
        out.push(Finding::BackupOld {
            path: path.clone(),
            hours,
            max_hours: config.doctor.backup_max_age_hours,
        });
    }
    if len == 0 {
        out.push(Finding::BackupEmpty { path: path.clone() });
    } else if let Err(e) = health::quick_check(&path) {
        out.push(Finding::BackupBroken {
            path: path.clone(),
            reason: match e {
                StoreError::Io { reason, .. } => reason,
                other => database_reason(lang, other),
            },
        });
    }
    let journal = sibling(&path, "-journal");
    if journal.exists() {
        out.push(Finding::BackupJournal { path: journal });
    }
    Some((path, hours))
}

/// Reads the SSH server's configuration (and `sshd_config.d/*.conf` beside
/// it); returns the path when it could not be read.
fn check_sshd(main: &Path, out: &mut Vec<Finding>) -> Option<PathBuf> {
    let Ok(text) = std::fs::read_to_string(main) else {
        return Some(main.to_path_buf());
    };
    let mut files = vec![(main.to_path_buf(), text)];
    if let Some(dir) = main.parent().map(|p| p.join("sshd_config.d"))
        && let Ok(entries) = std::fs::read_dir(&dir)
    {
        let mut more: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "conf"))
            .collect();
        more.sort();
        for p in more {
            if let Ok(t) = std::fs::read_to_string(&p) {
                files.push((p, t));
            }
        }
    }
    let mut forced_without_forwarding_off = None;
    for (path, text) in &files {
        for block in sshd_blocks(text) {
            if !block.forces_chitra {
                continue;
            }
            if block.forwarding_off {
                return None;
            }
            forced_without_forwarding_off.get_or_insert(path.clone());
        }
    }
    out.push(match forced_without_forwarding_off {
        Some(path) => Finding::SshdForwarding { path },
        None => Finding::SshdNoForcedCommand {
            path: main.to_path_buf(),
        },
    });
    None
}

/// What one block of an sshd configuration (the lines before the first
/// `Match`, or one `Match` block) says about chitra.
#[derive(Debug, Default, PartialEq, Eq)]
struct SshdBlock {
    forces_chitra: bool,
    forwarding_off: bool,
}

fn sshd_blocks(text: &str) -> Vec<SshdBlock> {
    let mut blocks = vec![SshdBlock::default()];
    let (mut tcp_off, mut x11_off, mut agent_off) = (false, false, false);
    let close = |b: &mut SshdBlock, tcp: bool, x11: bool, agent: bool| {
        if tcp && x11 && agent {
            b.forwarding_off = true;
        }
    };
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (key, value) = line
            .split_once(|c: char| c.is_whitespace() || c == '=')
            .map(|(k, v)| {
                (
                    k,
                    v.trim_start_matches(|c: char| c.is_whitespace() || c == '=')
                        .trim(),
                )
            })
            .unwrap_or((line, ""));
        let key = key.to_ascii_lowercase();
        let yes = value.eq_ignore_ascii_case("yes");
        let no = value.eq_ignore_ascii_case("no");
        let last = blocks.len() - 1;
        match key.as_str() {
            "match" => {
                close(&mut blocks[last], tcp_off, x11_off, agent_off);
                (tcp_off, x11_off, agent_off) = (false, false, false);
                blocks.push(SshdBlock::default());
            }
            "forcecommand" => {
                blocks[last].forces_chitra = value
                    .split_whitespace()
                    .any(|w| Path::new(w).file_name().is_some_and(|n| n == "chitra"))
            }
            "disableforwarding" if yes => blocks[last].forwarding_off = true,
            "allowtcpforwarding" if no => tcp_off = true,
            "x11forwarding" if no => x11_off = true,
            "allowagentforwarding" if no => agent_off = true,
            _ => {}
        }
    }
    let last = blocks.len() - 1;
    close(&mut blocks[last], tcp_off, x11_off, agent_off);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_block_forcing_chitra_with_forwarding_off_is_recognised() {
        let text = "PasswordAuthentication no\n\
                    Match User chitra\n  ForceCommand /usr/local/bin/chitra gate\n  DisableForwarding yes\n";
        let b = sshd_blocks(text);
        assert_eq!(b.len(), 2);
        assert_eq!(
            b[1],
            SshdBlock {
                forces_chitra: true,
                forwarding_off: true
            }
        );
        assert!(!b[0].forces_chitra);
    }

    #[test]
    fn forwarding_must_be_off_in_the_block_that_forces_chitra() {
        let text = "DisableForwarding yes\nMatch User chitra\n  ForceCommand chitra gate\n";
        let b = sshd_blocks(text);
        assert!(b[1].forces_chitra && !b[1].forwarding_off);
        let text = "Match User chitra\n ForceCommand=chitra gate\n AllowTcpForwarding no\n X11Forwarding no\n AllowAgentForwarding no\n";
        assert!(sshd_blocks(text)[1].forwarding_off);
        let text =
            "Match User chitra\n ForceCommand /bin/chitra-not gate\n DisableForwarding yes\n";
        assert!(!sshd_blocks(text)[1].forces_chitra);
    }
}
