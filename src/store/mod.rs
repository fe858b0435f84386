//! The SQLite store: the only place in chitra that holds SQL.
//!
//! One database file is shared by every clerk's `chitra` process. It runs in
//! WAL mode with `synchronous=FULL` (an acknowledged write survives a power
//! cut), foreign keys on, and a busy timeout; every write is one
//! `BEGIN IMMEDIATE` transaction, so writers queue instead of failing half-way.
//! Money and audit rows are append-only; triggers in the schema refuse
//! updates and deletes whoever asks.

pub mod anchor;
pub mod audit;
pub mod batches;
pub mod bulk;
pub mod changes;
mod copies;
pub mod days;
pub mod drawers;
mod error;
pub mod health;
pub mod heirs;
pub mod imports;
pub mod key;
pub mod migrations;
pub mod name_words;
pub mod payments;
pub mod people;
pub mod periods;
pub mod proxies;
pub mod registrations;
pub mod replay;
pub mod rounds;
pub mod rows;
pub mod search;
#[doc(hidden)]
pub mod testing;
pub mod users;

use std::cell::Cell;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use audit::{Event, Head};
use copies::create_private_dir;
pub use copies::{check_copy, copy_seal};
pub use error::{HeirRule, Rule, StoreError};
pub use key::KeyRing;

/// The page cache of a connection, in MiB.
pub const CACHE_MIB: u32 = 32;

/// Bytes per database page, for new databases: the size of the kernel's
/// pages. A payment changes some twelve b-tree pages (the payment, its
/// line and its audit row with their keys and indexes), and the commit
/// writes and syncs each whole: 48 KiB at this size where 16 KiB pages
/// made it 192 KiB. An office created with another size keeps it (SQLite
/// fixes it when the file is made).
pub const PAGE_SIZE: u32 = 4096;

/// Bytes of the database file each connection reads through a memory map
/// (`PRAGMA mmap_size`). A page already in the operating system's cache is
/// then read where it lies, shared by every clerk's process, instead of
/// copied into each connection's own cache: the name search seeks many
/// pages of a large index per keystroke (`docs/speed.md`). Writes still go
/// through the file, so a full disk is met as before. The import turns it
/// off ([`Store::set_mapped`]): pages read through the map count in the
/// process's memory, and the import's is held under 100 MB.
pub const MMAP_BYTES: u64 = 1 << 30;

/// How many compiled statements a connection keeps. A payment alone runs
/// some twenty different statements, and an insert's compiled program
/// carries every trigger it fires; with fewer slots than the statements in
/// turn, each one pushes out the next to be needed and all of them are
/// compiled again on every call.
pub const STATEMENT_CACHE: usize = 256;

/// An open database with its audit key.
///
/// It hands out no connection: reads happen inside [`Store::read`] on a
/// [`Read`] snapshot, writes inside [`Store::write`] on a [`Write`]
/// transaction, which commits only with the audit rows its changes owe.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    keys: KeyRing,
    /// Whether commits move the head anchor (not for a backup being made).
    anchored: bool,
    /// The schema cookie (`PRAGMA schema_version`) last seen to hold this
    /// version's schema, trigger for trigger: a write checks the cookie
    /// and compares the whole schema again only when it moved.
    schema_checked: Option<i64>,
}

/// One consistent view of the database: every query made through it sees
/// the same moment, whatever other clerks commit meanwhile.
pub struct Read<'s> {
    conn: &'s Connection,
    keys: &'s KeyRing,
    /// Rows written in bulk in this transaction and not yet accounted for
    /// by an audit row.
    bulk: &'s Cell<usize>,
}

impl<'s> Read<'s> {
    pub(in crate::store) fn conn(&self) -> &'s Connection {
        self.conn
    }

    /// `sql` compiled once per connection and kept (see
    /// [`STATEMENT_CACHE`]): the text of a statement, not built with
    /// values in it.
    pub(in crate::store) fn cached(
        &self,
        sql: &str,
    ) -> Result<rusqlite::CachedStatement<'s>, StoreError> {
        Ok(self.conn.prepare_cached(sql)?)
    }

    /// The keys rows are checked with as they are read.
    pub(in crate::store) fn keys_for_check(&self) -> &'s KeyRing {
        self.keys
    }

    pub(in crate::store) fn bulk_counter(&self) -> &'s Cell<usize> {
        self.bulk
    }
}

/// Who makes a change, and when: every audit row a write appends carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    /// "2026-11-28T15:04:05+07:00".
    pub at: String,
    pub user_id: Option<i64>,
}

/// One `BEGIN IMMEDIATE` transaction. Rows are written through the store's
/// functions, which hand back the [`Event`] each change owes; the write
/// ends with [`Write::log`], the only way to make the [`Logged`] value a
/// write must return. A row written and never logged makes the commit
/// fail (nothing is kept).
pub struct Write<'s> {
    read: Read<'s>,
    keys: &'s KeyRing,
    who: Who,
    head: Option<Head>,
    /// Row images written but not yet in an appended event.
    owed: usize,
    /// Audit rows appended so far.
    appended: usize,
}

impl<'s> Deref for Write<'s> {
    type Target = Read<'s>;

    fn deref(&self) -> &Read<'s> {
        &self.read
    }
}

/// The value of a write that has logged what it did.
#[must_use]
pub struct Logged<T> {
    value: T,
    commit: bool,
}

impl Write<'_> {
    /// When and by whom this write is made.
    pub fn who(&self) -> &Who {
        &self.who
    }

    pub fn at(&self) -> &str {
        &self.who.at
    }

    /// Names the user the audit rows from here on are by (a sign-in learns
    /// who is signing in inside its transaction).
    pub fn set_user(&mut self, user_id: Option<i64>) {
        self.who.user_id = user_id;
    }

    /// Writes a new row (every column given) and seals it; its image must
    /// go into an event.
    pub(in crate::store) fn insert(
        &mut self,
        table: rows::Table,
        values: &[(&str, rusqlite::types::Value)],
    ) -> Result<rows::Image, StoreError> {
        let image = rows::insert(self.read.conn, self.keys, table, values)?;
        self.owed += 1;
        Ok(image)
    }

    /// Changes columns of a row and seals it again.
    pub(in crate::store) fn update(
        &mut self,
        table: rows::Table,
        key: &str,
        changes: &[(&str, rusqlite::types::Value)],
    ) -> Result<rows::Image, StoreError> {
        let image = rows::update(self.read.conn, self.keys, table, key, changes)?;
        self.owed += 1;
        Ok(image)
    }

    pub(in crate::store) fn next_id(&self, table: rows::Table) -> Result<i64, StoreError> {
        rows::next_id(self.read.conn, table)
    }

    /// The sequence number the next appended audit row will have.
    pub fn next_seq(&self) -> i64 {
        self.head.as_ref().map_or(1, |h| h.seq + 1)
    }

    /// Appends `event` to the audit log.
    pub fn append(&mut self, event: Event) -> Result<Head, StoreError> {
        let head = audit::append(
            self.read.conn,
            self.keys,
            self.head.as_ref(),
            &self.who.at,
            self.who.user_id,
            &event,
        )?;
        self.owed = self.owed.saturating_sub(event.images());
        let bulk = self.read.bulk;
        bulk.set(bulk.get().saturating_sub(event.bulk_rows()));
        self.head = Some(head.clone());
        self.appended += 1;
        Ok(head)
    }

    /// Appends `event` and ends the write with `value`: committed, once
    /// every row written is accounted for.
    pub fn log<T>(&mut self, event: Event, value: T) -> Result<Logged<T>, StoreError> {
        self.append(event)?;
        Ok(Logged {
            value,
            commit: true,
        })
    }

    /// Ends a write whose events are all appended already, with `value`;
    /// refused when nothing was appended.
    pub fn finish<T>(&mut self, value: T) -> Result<Logged<T>, StoreError> {
        if self.appended == 0 {
            return Err(StoreError::Program {
                what: "a write ended without an audit row".into(),
            });
        }
        Ok(Logged {
            value,
            commit: true,
        })
    }

    /// Ends the write keeping nothing (a dry run, a refused list).
    pub fn roll_back<T>(&mut self, value: T) -> Logged<T> {
        Logged {
            value,
            commit: false,
        }
    }
}

impl Store {
    /// Opens an existing database, brings its schema up to date and loads
    /// its audit key from `key` (by default `<db>.key`).
    pub fn open(
        path: &Path,
        busy_timeout: Duration,
        key: Option<&Path>,
    ) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        // A file that is not a database is named as such before its key is
        // looked for.
        let mut magic = [0u8; 16];
        let read = std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut magic))
            .map_err(|e| StoreError::Io {
                path: path.to_path_buf(),
                reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
            })?;
        if read > 0 && magic[..read.min(16)] != b"SQLite format 3\0"[..read.min(16)] {
            return Err(StoreError::NotADatabase {
                path: path.to_path_buf(),
            });
        }
        let key = key.map_or_else(|| key::default_path(path), Path::to_path_buf);
        let keys = KeyRing::load(&key)?;
        Store::connect(path, busy_timeout, OpenFlags::SQLITE_OPEN_READ_WRITE, keys)
    }

    /// Creates a new database and its audit key; refuses if either file
    /// already exists.
    pub fn create(
        path: &Path,
        busy_timeout: Duration,
        key: Option<&Path>,
        today: &str,
    ) -> Result<Store, StoreError> {
        if path.exists() {
            return Err(StoreError::AlreadyExists {
                path: path.to_path_buf(),
            });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir)?;
        }
        let key = key.map_or_else(|| key::default_path(path), Path::to_path_buf);
        let keys = KeyRing::create(&key, today)?;
        let _ = std::fs::remove_file(anchor::path_for(path));
        Store::connect(
            path,
            busy_timeout,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            keys,
        )
    }

    fn connect(
        path: &Path,
        busy_timeout: Duration,
        flags: OpenFlags,
        keys: KeyRing,
    ) -> Result<Store, StoreError> {
        let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_open(path, e))?;
        conn.busy_timeout(busy_timeout)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // Plans are made from the SQL alone, not from the values bound to
        // it: otherwise SQLite marks a statement comparing a column with a
        // parameter as worth planning again for each new value, and a kept
        // statement so marked is thrown away and compiled anew every time
        // it is handed back to the cache.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        if flags.contains(OpenFlags::SQLITE_OPEN_CREATE) {
            // Before anything is written: a new file gets its page size.
            conn.execute_batch(&format!("PRAGMA page_size = {PAGE_SIZE}"))
                .map_err(|e| StoreError::from_open(path, e))?;
        }
        // journal_mode is the first statement to read the file: a file that is
        // not a database fails here.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| StoreError::from_open(path, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                reason: format!("journal_mode={mode}"),
            });
        }
        conn.execute_batch(
            "PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA temp_store = MEMORY;",
        )
        .map_err(|e| StoreError::from(e).at(path))?;
        conn.execute_batch(&format!("PRAGMA cache_size = -{}", CACHE_MIB * 1024))?;
        conn.execute_batch(&format!("PRAGMA mmap_size = {MMAP_BYTES}"))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            keys,
            anchored: true,
            schema_checked: None,
        };
        migrations::bring_up_to_date(&mut store.conn, path).map_err(|e| e.at(path))?;
        Ok(store)
    }

    /// Lets this connection keep up to `mib` MiB of pages in memory (for a
    /// large import; a clerk's session needs far less).
    pub fn set_cache_mib(&self, mib: u32) -> Result<(), StoreError> {
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{}", mib * 1024))?;
        Ok(())
    }

    /// Whether this connection reads the file through a memory map
    /// ([`MMAP_BYTES`]) or only through its own cache.
    pub fn set_mapped(&self, yes: bool) -> Result<(), StoreError> {
        let bytes = if yes { MMAP_BYTES } else { 0 };
        self.conn
            .execute_batch(&format!("PRAGMA mmap_size = {bytes}"))?;
        Ok(())
    }

    /// Whether sorts too large for the cache (building an index) stay in
    /// memory or spill to temporary files: a million-row import's index
    /// would otherwise hold every key in memory at once.
    pub fn set_sorts_in_memory(&self, yes: bool) -> Result<(), StoreError> {
        let place = if yes { "MEMORY" } else { "FILE" };
        self.conn
            .execute_batch(&format!("PRAGMA temp_store = {place}"))?;
        Ok(())
    }

    /// Closes the connection's temporary storage (which a large read's
    /// sorts open), outside any transaction, so that a later write can
    /// still set where its own sorts go. SQLite closes it only when the
    /// setting changes, hence the two steps; the connection keeps sorts in
    /// memory, as it opened.
    pub fn close_temporary_storage(&self) -> Result<(), StoreError> {
        self.conn
            .execute_batch("PRAGMA temp_store = FILE; PRAGMA temp_store = MEMORY;")?;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The audit key ring.
    pub fn keys(&self) -> &KeyRing {
        &self.keys
    }

    /// Where the head anchor of this database is kept.
    pub fn anchor_path(&self) -> PathBuf {
        anchor::path_for(&self.path)
    }

    /// Runs `f` on one snapshot of the database (a read transaction).
    pub fn read<T, E>(&self, f: impl FnOnce(&Read<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| StoreError::from(e).at(&self.path))?;
        let bulk = Cell::new(0);
        let value = f(&Read {
            conn: &tx,
            keys: &self.keys,
            bulk: &bulk,
        })?;
        // Nothing was written: ending the snapshot cannot lose anything.
        let _ = tx.rollback();
        Ok(value)
    }

    /// Runs `f` inside one `BEGIN IMMEDIATE` transaction by `who`:
    /// committed when `f` returns a value it logged and every row it wrote
    /// is in an audit row; rolled back otherwise (an error, a
    /// [`Write::roll_back`]). After a commit the head anchor moves forward.
    pub fn write<T, E>(
        &mut self,
        who: Who,
        f: impl FnOnce(&mut Write<'_>) -> Result<Logged<T>, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let path = self.path.clone();
        let tx = begin(
            &mut self.conn,
            &mut self.keys,
            &path,
            &mut self.schema_checked,
        )?;
        let anchor_path = anchor::path_for(&self.path);
        let anchor = self.anchored.then_some(anchor_path.as_path());
        let (value, head) = match run(&tx, &self.keys, who, anchor, f)? {
            Ran::RollBack(value) => {
                tx.rollback().map_err(|e| StoreError::from(e).at(&path))?;
                return Ok(value);
            }
            Ran::Commit(value, head) => (value, head),
        };
        tx.commit().map_err(|e| StoreError::from(e).at(&path))?;
        if let (Some(head), Some(anchor)) = (head, anchor) {
            // The change is committed whatever happens to its anchor: an
            // anchor left behind is moved up by the next write, which
            // refuses if it cannot (see `anchor::check`).
            let _ = anchor::record(anchor, &self.keys, &head);
        }
        Ok(value)
    }

    /// Adds a new audit key that signs from now on (the old ones still
    /// check what they signed); the rotation is logged under the old key.
    /// The key file is read and written again inside the write's
    /// transaction, so two rotations at once (two processes) take turns,
    /// each adding its key to the file as the other left it.
    pub fn rotate_key(&mut self, who: Who) -> Result<String, StoreError> {
        let today = who.at[..10.min(who.at.len())].to_string();
        let mut rotated = None;
        self.write(who, |w| {
            let mut ring = KeyRing::load(w.keys.path())?;
            let old = ring.current_id().to_string();
            let new = ring.rotate(&today)?;
            rotated = Some(ring);
            w.log(
                Event::new("key.rotate", "key", None)
                    .with(serde_json::json!({ "from": old, "to": new })),
                (),
            )
        })?;
        if let Some(ring) = rotated {
            self.keys = ring;
        }
        Ok(self.keys.current_id().to_string())
    }
}

/// Begins a write: the audit key reloaded if it was rotated by another
/// process, then `BEGIN IMMEDIATE`, then the schema checked to be this
/// version's (see [`migrations::holds`]).
fn begin<'c>(
    conn: &'c mut Connection,
    keys: &mut KeyRing,
    path: &Path,
    schema_checked: &mut Option<i64>,
) -> Result<rusqlite::Transaction<'c>, StoreError> {
    if let Some(fresh) = keys.reloaded() {
        *keys = fresh;
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| StoreError::from(e).at(path))?;
    *schema_checked = Some(migrations::holds(&tx, *schema_checked)?);
    Ok(tx)
}

/// What a write's closure left for its transaction.
enum Ran<T> {
    /// It asked for no commit ([`Write::roll_back`]).
    RollBack(T),
    /// Every row it wrote is in an audit row: commit, then anchor the head.
    Commit(T, Option<Head>),
}

/// Runs `f` on a [`Write`] over `tx` by `who`. A row written without its
/// audit row is a program error, and the transaction is rolled back when
/// the caller drops it.
fn run<T, E>(
    tx: &Connection,
    keys: &KeyRing,
    who: Who,
    anchor: Option<&Path>,
    f: impl FnOnce(&mut Write<'_>) -> Result<Logged<T>, E>,
) -> Result<Ran<T>, E>
where
    E: From<StoreError>,
{
    let head = audit::head_of(tx)?;
    let bulk = Cell::new(0);
    let mut w = Write {
        read: Read {
            conn: tx,
            keys,
            bulk: &bulk,
        },
        keys,
        who,
        head,
        owed: 0,
        appended: 0,
    };
    let anchor_lost = match anchor {
        Some(path) => anchor::check(&w.read, keys, path, w.head.as_ref())?,
        None => None,
    };
    if let Some(found) = anchor_lost {
        w.append(
            Event::new("anchor.lost", "anchor", None).with(serde_json::json!({ "found": found })),
        )?;
    }
    let logged = f(&mut w)?;
    if !logged.commit {
        return Ok(Ran::RollBack(logged.value));
    }
    if w.owed > 0 || bulk.get() > 0 {
        let what = format!(
            "{} rows and {} bulk rows written without an audit row",
            w.owed,
            bulk.get()
        );
        return Err(StoreError::Program { what }.into());
    }
    Ok(Ran::Commit(logged.value, w.head.clone()))
}

#[cfg(test)]
mod tests;
