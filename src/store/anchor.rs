//! The head anchor: the audit chain's last row, signed, in a small file
//! beside the database (`<db>.head`).
//!
//! Deleting the last rows of the log together with what they recorded
//! leaves a chain that is whole but shorter. The anchor is written after
//! every commit, so `verify` can tell: the database's chain must reach at
//! least the anchored row, with the same hash. It is written after the
//! commit (never before), so a crash can leave it behind the database but
//! never ahead of it; several processes write it under a lock, and it only
//! ever moves forward.
//!
//! # Why the anchor is not synced to disk
//!
//! The commit itself is durable (`synchronous = FULL`: SQLite syncs the
//! log before the commit returns). The anchor is replaced whole, by a
//! rename, but not synced: a sync of its own would be a second wait on the
//! disk in every payment, doubling the commit's cost. What that gives up,
//! and why it is not a guarantee the anchor ever gave:
//!
//! - A process killed (or a program error) right after a commit loses
//!   nothing: the new anchor is in the operating system's cache and
//!   reaches the disk on its own.
//! - After a crash of the operating system or a power cut, the anchor can
//!   be the one of a few seconds earlier (the system writes its cache out
//!   every few seconds): behind the database, never ahead, which `verify`
//!   accepts (the chain still reaches the anchored row with its hash), as
//!   it accepts the lag a failed write of the anchor leaves.
//!   A rename over a file is written out with the file's contents on ext4
//!   (its default `auto_da_alloc`), so the file is the old anchor or the
//!   new one, not an empty one.
//! - What the anchor detects is the last rows of the log cut away after
//!   the fact. Cutting exactly the commits of the seconds before a crash,
//!   after the crash, is no more than anyone able to edit the database
//!   could do anyway by putting back an older anchor file (it is validly
//!   signed): the sync would close no hole that is not open already. The
//!   seal on each row and the keyed chain, which the commit does sync, are
//!   what hold the rows themselves.

use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

use super::audit::Head;
use super::key::KeyRing;

/// Where the anchor of the database at `db` lives.
pub fn path_for(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(".head");
    PathBuf::from(p)
}

/// What the anchor file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// No anchor file (a database that never committed, or the file was
    /// removed).
    Missing,
    /// The file is there but cannot be read or its signature is wrong.
    Damaged,
    /// The anchored head.
    At(Head),
}

fn signature(keys: &KeyRing, key_id: &str, head: &Head) -> Option<String> {
    keys.sign_as(
        key_id,
        &[
            b"head",
            head.seq.to_string().as_bytes(),
            head.hash.as_bytes(),
        ],
    )
    .map(hex::encode)
}

fn parse(keys: &KeyRing, text: &str) -> Anchor {
    let mut parts = text.split_whitespace();
    let (Some(key_id), Some(seq), Some(hash), Some(sig)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Anchor::Damaged;
    };
    let Ok(seq) = seq.parse::<i64>() else {
        return Anchor::Damaged;
    };
    let head = Head {
        seq,
        hash: hash.to_string(),
    };
    match signature(keys, key_id, &head) {
        Some(s) if s == sig => Anchor::At(head),
        _ => Anchor::Damaged,
    }
}

/// Reads the anchor.
pub fn read(path: &Path, keys: &KeyRing) -> Anchor {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(keys, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Anchor::Missing,
        Err(_) => Anchor::Damaged,
    }
}

/// Moves the anchor forward to `head` (never back). Failing to write it is
/// not an error of the change just committed: `verify` reports an anchor
/// that lags behind.
pub fn record(path: &Path, keys: &KeyRing, head: &Head) {
    let _ = try_record(path, keys, head);
}

#[allow(unsafe_code, reason = "flock(2) has no safe wrapper in std")]
fn try_record(path: &Path, keys: &KeyRing, head: &Head) -> std::io::Result<()> {
    // The file is replaced whole (written beside it, then renamed over it),
    // so a process killed while writing leaves the old anchor or the new
    // one, never an empty or half-written file. Writers lock the file they
    // opened; one that gets the lock after another has renamed a new file
    // into place opens the new one and tries again.
    let f = loop {
        let mut f = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path)?;
        // SAFETY: flock on a file descriptor we own; the lock is released
        // when `f` is closed.
        if unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        use std::os::unix::fs::MetadataExt;
        let same = match std::fs::metadata(path) {
            Ok(on_disk) => on_disk.ino() == f.metadata()?.ino(),
            Err(_) => false,
        };
        if same {
            let mut text = String::new();
            f.read_to_string(&mut text)?;
            if let Anchor::At(old) = parse(keys, &text)
                && old.seq >= head.seq
            {
                return Ok(());
            }
            f.seek(SeekFrom::Start(0))?;
            break f;
        }
    };
    let key_id = keys.current_id();
    let sig = signature(keys, key_id, head).unwrap_or_default();
    let line = format!("{key_id} {} {} {sig}\n", head.seq, head.hash);
    let mut tmp_path = path.as_os_str().to_owned();
    tmp_path.push(".tmp");
    let tmp_path = PathBuf::from(tmp_path);
    let mut tmp = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp_path)?;
    // Not synced: see the module documentation.
    tmp.write_all(line.as_bytes())?;
    std::fs::rename(&tmp_path, path)?;
    // Held until the new file is in place.
    drop(f);
    Ok(())
}
