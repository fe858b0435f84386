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
//! # Two slots, written in place
//!
//! The file holds two slots of [`SLOT`] bytes, each a signed head (a line
//! padded with spaces); the anchor is the valid slot with the higher
//! sequence number. A new head overwrites the *other* slot, in place, so
//! the last head written stays whole beside it whatever happens to the
//! write: a process killed during it, or a power cut that leaves the slot
//! torn, leaves the previous head readable — behind the database, never
//! ahead, which `verify` accepts. The file was once replaced whole by a
//! rename instead; but a rename over a file makes ext4 start writing the
//! new file to disk at once, and with the temporary file created each
//! time that cost more than the rest of the anchor, in every payment. A
//! file of the earlier form (one line) still reads, and is taken over by
//! the first head written.
//!
//! # Why the anchor is not synced to disk
//!
//! The commit itself is durable (`synchronous = FULL`: SQLite syncs the
//! log before the commit returns). The anchor's slot is written but not
//! synced: a sync of its own would be a second wait on the
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
//!   it accepts the lag a failed write of the anchor leaves. Only the
//!   slot being written can be lost or torn; the other still holds the
//!   head written before it.
//! - What the anchor detects is the last rows of the log cut away after
//!   the fact. Cutting exactly the commits of the seconds before a crash,
//!   after the crash, is no more than anyone able to edit the database
//!   could do anyway by putting back an older anchor file (it is validly
//!   signed): the sync would close no hole that is not open already. The
//!   seal on each row and the keyed chain, which the commit does sync, are
//!   what hold the rows themselves.

use std::io::Read as _;
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

use super::audit::Head;
use super::key::KeyRing;
use super::{Read, StoreError};

/// Bytes per slot: a slot starts on a multiple of this, so one slot never
/// shares a disk sector with the other.
pub const SLOT: usize = 256;

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

/// The anchored head in the file's bytes: the valid slot with the higher
/// sequence number, and which slot that is.
fn parse_file(keys: &KeyRing, bytes: &[u8]) -> (Anchor, Option<usize>) {
    let mut best: Option<(Head, usize)> = None;
    for (i, slot) in bytes.chunks(SLOT).take(2).enumerate() {
        let line = slot.split(|&b| b == b'\n').next().unwrap_or_default();
        let Ok(text) = std::str::from_utf8(line) else {
            continue;
        };
        if let Anchor::At(head) = parse(keys, text)
            && best.as_ref().is_none_or(|(b, _)| head.seq > b.seq)
        {
            best = Some((head, i));
        }
    }
    match best {
        Some((head, i)) => (Anchor::At(head), Some(i)),
        None => (Anchor::Damaged, None),
    }
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
    match std::fs::read(path) {
        Ok(bytes) => parse_file(keys, &bytes).0,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Anchor::Missing,
        Err(_) => Anchor::Damaged,
    }
}

/// Whether the anchor's file can be opened for writing (made if missing,
/// its bytes left as they are).
pub fn writable(path: &Path) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map(drop)
}

/// Moves the anchor forward to `head` (never back). A failure is not an
/// error of the change just committed; the next write finds the anchor
/// behind and refuses if it still cannot move it (`Store::write`), and
/// `verify` says which rows it does not cover.
#[allow(unsafe_code, reason = "flock(2) has no safe wrapper in std")]
pub fn record(path: &Path, keys: &KeyRing, head: &Head) -> std::io::Result<()> {
    // Writers lock the file they opened; one that gets the lock after the
    // file was replaced (a copy put back) opens the new one and tries again.
    let mut f = loop {
        let f = std::fs::OpenOptions::new()
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
            break f;
        }
    };
    let mut bytes = Vec::with_capacity(2 * SLOT);
    f.read_to_end(&mut bytes)?;
    let (old, at) = parse_file(keys, &bytes);
    if let Anchor::At(old) = &old
        && old.seq >= head.seq
    {
        return Ok(());
    }
    // The slot not holding the current anchor; a file of the earlier form
    // (one line in slot 0) keeps it until slot 1 is written.
    let slot = if at == Some(0) { 1 } else { 0 };
    let key_id = keys.current_id();
    let sig = signature(keys, key_id, head).unwrap_or_default();
    let mut line = format!("{key_id} {} {} {sig}", head.seq, head.hash).into_bytes();
    if line.len() >= SLOT {
        return Err(std::io::Error::other("anchor line longer than its slot"));
    }
    line.resize(SLOT - 1, b' ');
    line.push(b'\n');
    // Not synced: see the module documentation. The lock is held until the
    // slot is written.
    use std::os::unix::fs::FileExt;
    f.write_all_at(&line, (slot * SLOT) as u64)?;
    drop(f);
    Ok(())
}

/// Checks the chain a write is about to extend against the head anchor,
/// inside the write's transaction (so no other commit can land between).
///
/// - The anchor names the chain's last row, as it is: the usual case.
/// - The anchor names an earlier row, as it is (a process stopped between
///   its commit and its anchor, or an anchor that could not be written):
///   the anchor is moved up to the chain's head first, and if that fails
///   nothing is written, so an anchor that cannot be written stops the
///   office at the next write instead of leaving every later row
///   unanchored.
/// - The anchor names a row the chain does not hold as it was (the
///   database put back from an older copy, the log's last rows cut, a row
///   rewritten): nothing is written. Writing on would let the counter pay
///   again what the lost rows recorded as paid, under receipt numbers
///   already handed out.
/// - No anchor, or one that does not read, while the log has rows: the
///   write goes on and records the loss in the log first (`Some(found)`);
///   its commit writes the anchor again. A restore that puts a backup in
///   place without its anchor takes this path (docs/restore.md).
pub(super) fn check(
    r: &Read<'_>,
    keys: &KeyRing,
    path: &Path,
    head: Option<&Head>,
) -> Result<Option<&'static str>, StoreError> {
    let not_written = |e: std::io::Error| StoreError::AnchorNotWritten {
        path: path.to_path_buf(),
        reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
    };
    let anchored = match (read(path, keys), head) {
        (Anchor::Missing | Anchor::Damaged, None) => return Ok(None),
        (lost @ (Anchor::Missing | Anchor::Damaged), Some(_)) => {
            // Its commit writes the anchor again: a place it cannot be
            // written (a folder there, a file made unwritable) is found
            // before the write, not after.
            writable(path).map_err(not_written)?;
            return Ok(Some(if lost == Anchor::Missing {
                "missing"
            } else {
                "damaged"
            }));
        }
        (Anchor::At(a), _) => a,
    };
    let cut = || StoreError::HistoryCut {
        anchored: anchored.seq,
        head: head.map_or(0, |h| h.seq),
    };
    let Some(head) = head else {
        return Err(cut());
    };
    if anchored.seq == head.seq {
        return if anchored.hash == head.hash {
            Ok(None)
        } else {
            Err(cut())
        };
    }
    if anchored.seq > head.seq
        || super::audit::hash_at(r, anchored.seq)?.as_deref() != Some(anchored.hash.as_str())
    {
        return Err(cut());
    }
    record(path, keys, head).map_err(not_written)?;
    Ok(None)
}
