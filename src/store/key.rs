//! The audit key: the secret that makes the log and every row's seal
//! impossible to rebuild for someone who can only write the database file.
//!
//! The key lives in its own file beside the database (`<db>.key` unless the
//! configuration names another place), created by `chitra init` with mode
//! 0600 and never written into the database. The file holds one key per
//! line, oldest first; the last one signs new rows, the older ones still
//! check the rows they signed (after a rotation). Each audit row names the
//! key that signed it.
//!
//! ```text
//! # chitra audit key — keep secret
//! k1 2026-12-06 7f3a…(64 hex digits)
//! ```

use std::io::Write as _;
use std::path::{Path, PathBuf};

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::StoreError;

type HmacSha256 = Hmac<Sha256>;

/// One key of the ring.
#[derive(Clone)]
struct Key {
    id: String,
    mac: HmacSha256,
}

/// The keys of one database: the newest signs, all of them check.
#[derive(Clone)]
pub struct KeyRing {
    keys: Vec<Key>,
    path: PathBuf,
    /// Keys added to the file after it was read (another process rotated
    /// the key), found when a row signed with one is met; and the ids
    /// already looked for, so the file is read once per unknown id.
    later: std::sync::Arc<std::sync::Mutex<(Vec<Key>, Vec<String>)>>,
    /// The file's length and time of change when it was read.
    stamp: Option<(u64, std::time::SystemTime)>,
}

fn stamp_of(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

impl std::fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key itself.
        f.debug_struct("KeyRing")
            .field("keys", &self.keys.iter().map(|k| &k.id).collect::<Vec<_>>())
            .field("path", &self.path)
            .finish()
    }
}

/// Where the key of the database at `db` lives by default.
pub fn default_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(".key");
    PathBuf::from(p)
}

const HEADER: &str = "# chitra audit key — keep secret (docs/cai-dat.md: \"Khóa nhật ký\")\n";

fn io(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

fn random_key(path: &Path) -> Result<[u8; 32], StoreError> {
    use std::io::Read;
    let mut key = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut key))
        .map_err(|e| io(Path::new("/dev/urandom"), e))
        .map_err(|e| match e {
            StoreError::Io { reason, .. } => io(path, reason),
            other => other,
        })?;
    Ok(key)
}

/// Writes `text` to a new file at `path` with mode 0600 (refusing an
/// existing file unless `replace`), flushed to disk.
fn write_private(path: &Path, text: &str, replace: bool) -> Result<(), StoreError> {
    use std::os::unix::fs::OpenOptionsExt;
    let tmp = if replace {
        let mut t = path.as_os_str().to_owned();
        t.push(".new");
        PathBuf::from(t)
    } else {
        path.to_path_buf()
    };
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).mode(0o600);
    if replace {
        opts.create(true).truncate(true);
    } else {
        opts.create_new(true);
    }
    let mut f = opts.open(&tmp).map_err(|e| io(path, e))?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| io(path, e))?;
    if replace {
        std::fs::rename(&tmp, path).map_err(|e| io(path, e))?;
    }
    Ok(())
}

impl KeyRing {
    /// Makes a new key file at `path` (which must not exist).
    pub fn create(path: &Path, today: &str) -> Result<KeyRing, StoreError> {
        if path.exists() {
            return Err(StoreError::KeyExists {
                path: path.to_path_buf(),
            });
        }
        let key = random_key(path)?;
        let text = format!("{HEADER}k1 {today} {}\n", hex::encode(key));
        write_private(path, &text, false)?;
        KeyRing::load(path)
    }

    /// Reads the key file at `path`.
    pub fn load(path: &Path) -> Result<KeyRing, StoreError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::KeyMissing {
                    path: path.to_path_buf(),
                });
            }
            Err(e) => return Err(io(path, e)),
        };
        let bad = || StoreError::KeyDamaged {
            path: path.to_path_buf(),
        };
        let mut keys = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(id), Some(_date), Some(hexkey), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(bad());
            };
            let bytes = hex::decode(hexkey).map_err(|_| bad())?;
            if bytes.len() != 32 || keys.iter().any(|k: &Key| k.id == id) {
                return Err(bad());
            }
            let mac = HmacSha256::new_from_slice(&bytes).map_err(|_| bad())?;
            keys.push(Key {
                id: id.to_string(),
                mac,
            });
        }
        if keys.is_empty() {
            return Err(bad());
        }
        Ok(KeyRing {
            keys,
            path: path.to_path_buf(),
            later: Default::default(),
            stamp: stamp_of(path),
        })
    }

    /// Adds a new key that signs from now on; returns its id. The older
    /// keys stay in the file to check what they signed.
    pub fn rotate(&mut self, today: &str) -> Result<String, StoreError> {
        let text = std::fs::read_to_string(&self.path).map_err(|e| io(&self.path, e))?;
        let n = self.keys.len() + 1;
        let mut id = format!("k{n}");
        let mut m = n;
        while self.keys.iter().any(|k| k.id == id) {
            m += 1;
            id = format!("k{m}");
        }
        let key = random_key(&self.path)?;
        let mut text = text;
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!("{id} {today} {}\n", hex::encode(key)));
        write_private(&self.path, &text, true)?;
        *self = KeyRing::load(&self.path)?;
        Ok(id)
    }

    /// The ring read again when its file changed since it was read (a key
    /// rotated by another process): new rows are then signed with the new
    /// key at once.
    pub fn reloaded(&self) -> Option<KeyRing> {
        if stamp_of(&self.path) == self.stamp {
            return None;
        }
        KeyRing::load(&self.path).ok()
    }

    /// The id of the key that signs new rows.
    pub fn current_id(&self) -> &str {
        &self.keys[self.keys.len() - 1].id
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn key(&self, id: &str) -> Option<&Key> {
        self.keys.iter().find(|k| k.id == id)
    }

    /// HMAC-SHA256 of `parts` (each length-prefixed, so no two different
    /// lists of parts give the same input) under the current key.
    pub fn sign(&self, parts: &[&[u8]]) -> [u8; 32] {
        sign_with(&self.keys[self.keys.len() - 1], parts)
    }

    /// The same under key `id`; `None` when the ring has no such key (the
    /// file is read again once for an id this ring has not met: another
    /// process may have rotated the key since).
    pub fn sign_as(&self, id: &str, parts: &[&[u8]]) -> Option<[u8; 32]> {
        if let Some(k) = self.key(id) {
            return Some(sign_with(k, parts));
        }
        let mut later = self.later.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(k) = later.0.iter().find(|k| k.id == id) {
            return Some(sign_with(k, parts));
        }
        if later.1.iter().any(|t| t == id) {
            return None;
        }
        later.1.push(id.to_string());
        let fresh = KeyRing::load(&self.path).ok()?;
        let k = fresh.keys.into_iter().find(|k| k.id == id)?;
        let mac = sign_with(&k, parts);
        later.0.push(k);
        Some(mac)
    }

    /// A fresh MAC state under the current key, for long inputs written
    /// piece by piece (an import's rows).
    pub fn stream(&self) -> Stream {
        Stream(self.keys[self.keys.len() - 1].mac.clone())
    }
}

fn sign_with(key: &Key, parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = key.mac.clone();
    for p in parts {
        mac.update(&(p.len() as u64).to_le_bytes());
        mac.update(p);
    }
    mac.finalize().into_bytes().into()
}

/// A MAC being computed over many pieces.
pub struct Stream(HmacSha256);

impl Stream {
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    pub fn finish(self) -> String {
        hex::encode(self.0.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_key_file_is_private_and_signs_the_same_way_after_loading() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db.key");
        let ring = KeyRing::create(&path, "2026-12-06").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let again = KeyRing::load(&path).unwrap();
        assert_eq!(ring.sign(&[b"a", b"b"]), again.sign(&[b"a", b"b"]));
        // Length-prefixed parts: moving a byte between parts changes the MAC.
        assert_ne!(ring.sign(&[b"ab", b""]), ring.sign(&[b"a", b"b"]));
        assert!(matches!(
            KeyRing::create(&path, "2026-12-06"),
            Err(StoreError::KeyExists { .. })
        ));
    }

    #[test]
    fn a_rotated_ring_signs_with_the_new_key_and_still_checks_with_the_old() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db.key");
        let mut ring = KeyRing::create(&path, "2026-12-06").unwrap();
        let old = ring.sign(&[b"row"]);
        let id = ring.rotate("2027-01-02").unwrap();
        assert_eq!(id, "k2");
        assert_eq!(ring.current_id(), "k2");
        assert_ne!(ring.sign(&[b"row"]), old);
        assert_eq!(ring.sign_as("k1", &[b"row"]), Some(old));
        assert_eq!(ring.sign_as("k9", &[b"row"]), None);
        let loaded = KeyRing::load(&path).unwrap();
        assert_eq!(loaded.current_id(), "k2");
    }

    #[test]
    fn a_missing_or_damaged_key_file_is_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.key");
        assert!(matches!(
            KeyRing::load(&path),
            Err(StoreError::KeyMissing { .. })
        ));
        std::fs::write(&path, "k1 2026-12-06 abc\n").unwrap();
        assert!(matches!(
            KeyRing::load(&path),
            Err(StoreError::KeyDamaged { .. })
        ));
    }
}
