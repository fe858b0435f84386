//! Tests of the store on real database files.

use std::time::Duration;

use serde_json::json;

use super::audit::{self, ChainProblem, Event};
use super::{Store, StoreError, Who, migrations};

const WAIT: Duration = Duration::from_millis(2000);

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("t.db"), WAIT, None, "2026-11-28").unwrap();
    (dir, store)
}

fn who() -> Who {
    Who {
        at: "2026-11-28T09:00:00+07:00".into(),
        user_id: None,
    }
}

fn append(store: &mut Store, n: i64) {
    store
        .write(who(), |w| {
            w.log(
                Event::new("test", "thing", Some(n)).with(json!({ "n": n })),
                (),
            )
        })
        .unwrap();
}

fn walk(store: &Store) -> Vec<ChainProblem> {
    store.read(|r| audit::walk(r, |_| Ok(()))).unwrap()
}

#[test]
fn a_new_database_is_at_the_latest_schema_in_wal_mode() {
    let (_dir, store) = new_store();
    assert_eq!(
        migrations::version(&store.conn).unwrap(),
        migrations::latest()
    );
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = store
        .conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
    let fk: i64 = store
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let page: u32 = store
        .conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    assert_eq!(page, super::PAGE_SIZE);
}

#[test]
fn an_office_made_with_16_kib_pages_keeps_them_and_goes_on_writing() {
    let (dir, mut store) = new_store();
    append(&mut store, 1);
    let before = store.read(audit::head).unwrap().unwrap().seq;
    let path = store.path().to_path_buf();
    drop(store);
    // The page size new databases had before: set on the file as it was.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; PRAGMA page_size = 16384; VACUUM; PRAGMA journal_mode = WAL;",
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open(&path, WAIT, None).unwrap();
    let page: u32 = store
        .conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    assert_eq!(page, 16384);
    append(&mut store, 2);
    assert_eq!(walk(&store), vec![]);
    let head = store.read(audit::head).unwrap().unwrap();
    assert_eq!(head.seq, before + 1);
    drop(dir);
}

#[test]
fn the_id_number_indexes_are_made_by_the_migrations_as_imports_rebuild_them() {
    let (_dir, store) = new_store();
    for (name, made) in [
        ("people_by_id_number", super::people::ID_NUMBER_INDEX),
        ("people_by_id_suffix", super::people::ID_SUFFIX_INDEX),
    ] {
        let sql: String = store
            .conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(sql, made);
    }
}

#[test]
fn a_database_from_a_newer_chitra_is_refused_untouched() {
    let (dir, store) = new_store();
    let path = dir.path().join("t.db");
    store.conn.pragma_update(None, "user_version", 999).unwrap();
    drop(store);
    match Store::open(&path, WAIT, None) {
        Err(StoreError::NewerSchema {
            found: 999,
            supported,
            ..
        }) => assert_eq!(supported, migrations::latest()),
        Err(e) => panic!("expected NewerSchema, got {e:?}"),
        Ok(_) => panic!("expected NewerSchema, got a store"),
    }
}

#[test]
fn a_file_that_is_not_a_database_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.xlsx");
    std::fs::write(&path, vec![b'x'; 4096]).unwrap();
    assert!(matches!(
        Store::open(&path, WAIT, None),
        Err(StoreError::NotADatabase { .. })
    ));
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let (dir, _store) = new_store();
    assert!(matches!(
        Store::create(&dir.path().join("t.db"), WAIT, None, "2026-11-28"),
        Err(StoreError::AlreadyExists { .. })
    ));
}

#[test]
fn opening_a_missing_database_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.db");
    assert!(matches!(
        Store::open(&path, WAIT, None),
        Err(StoreError::Missing { .. })
    ));
    assert!(!path.exists());
}

#[test]
fn the_audit_chain_links_each_row_to_the_last() {
    let (_dir, mut store) = new_store();
    for n in 1..=3 {
        append(&mut store, n);
    }
    assert_eq!(walk(&store), vec![]);
    let head = store.read(audit::head).unwrap().unwrap();
    assert_eq!(head.seq, 3);
    let prev_of_3: String = store
        .conn
        .query_row("SELECT prev_hash FROM audit_log WHERE seq = 3", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        Some(prev_of_3),
        store.read(|r| audit::hash_at(r, 2)).unwrap()
    );
}

#[test]
fn the_audit_log_refuses_updates_and_deletes() {
    let (_dir, mut store) = new_store();
    append(&mut store, 1);
    let e = store
        .conn
        .execute("UPDATE audit_log SET detail = '{}'", [])
        .unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    let e = store.conn.execute("DELETE FROM audit_log", []).unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
}

/// Someone with the file and the sqlite3 tool drops the triggers and edits.
fn tamper(store: &Store, sql: &str) {
    store
        .conn
        .execute_batch(&format!(
            "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; {sql}"
        ))
        .unwrap();
}

#[test]
fn an_edited_audit_row_is_found() {
    let (_dir, mut store) = new_store();
    for n in 1..=4 {
        append(&mut store, n);
    }
    tamper(
        &store,
        "UPDATE audit_log SET detail = '{\"n\":20}' WHERE seq = 2",
    );
    assert_eq!(walk(&store), vec![ChainProblem::Edited { seq: 2 }]);
}

#[test]
fn a_deleted_audit_row_is_found() {
    let (_dir, mut store) = new_store();
    for n in 1..=4 {
        append(&mut store, n);
    }
    tamper(&store, "DELETE FROM audit_log WHERE seq = 3");
    assert_eq!(
        walk(&store),
        vec![
            ChainProblem::Gap { after: 2, next: 4 },
            ChainProblem::BrokenLink { seq: 4 }
        ]
    );
}

#[test]
fn a_rehashed_edit_still_breaks_the_next_link() {
    let (_dir, mut store) = new_store();
    for n in 1..=3 {
        append(&mut store, n);
    }
    // The forger recomputes row 2's own hash but cannot fix row 3's link
    // without rewriting it too.
    tamper(
        &store,
        "UPDATE audit_log SET detail = '{\"n\":20}', hash = 'f00d' WHERE seq = 2",
    );
    let problems = walk(&store);
    assert!(
        problems.contains(&ChainProblem::BrokenLink { seq: 3 }),
        "{problems:?}"
    );
}

#[test]
fn canonical_json_sorts_keys_at_every_level() {
    let a = json!({ "b": 1, "a": { "d": [ { "z": 1, "y": 2 } ], "c": null } });
    assert_eq!(
        audit::canonical_json(&a),
        r#"{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}"#
    );
    let b = json!({ "tên": "Nguyễn \"Văn\" A\n", "Z": [1.5, -2, true, [], {}], "a\tb": "" });
    assert_eq!(
        audit::canonical_json(&b),
        r#"{"Z":[1.5,-2,true,[],{}],"a\tb":"","tên":"Nguyễn \"Văn\" A\n"}"#
    );
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let (_dir, mut store) = new_store();
    let r: Result<(), StoreError> = store.write(who(), |w| {
        w.append(Event::new("test", "thing", None))?;
        Err(StoreError::Busy)
    });
    assert!(r.is_err());
    assert_eq!(store.read(audit::head).unwrap(), None);
}

#[test]
fn a_row_written_without_its_audit_row_is_not_committed() {
    let (_dir, mut store) = new_store();
    let r: Result<(), StoreError> = store.write(who(), |w| {
        let _image = w.insert(
            super::rows::Table::Periods,
            &[
                ("period", super::rows::text("2026-11")),
                ("status", super::rows::text("open")),
                ("opened_at", super::rows::text("2026-11-28T09:00:00+07:00")),
                ("closed_at", rusqlite::types::Value::Null),
                ("closed_by", rusqlite::types::Value::Null),
            ],
        )?;
        w.append(Event::new("test", "thing", None))?;
        w.finish(())
    });
    assert!(matches!(r, Err(StoreError::Program { .. })), "{r:?}");
    let n: i64 = store
        .conn
        .query_row("SELECT count(*) FROM periods", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_chain_rebuilt_with_plain_hashes_is_found() {
    let (_dir, mut store) = new_store();
    for n in 1..=3 {
        append(&mut store, n);
    }
    // Whoever does not hold the key can only guess at a hash: every row
    // they rewrite is found.
    tamper(
        &store,
        "UPDATE audit_log SET detail = '{\"n\":9}' WHERE seq = 3;
         UPDATE audit_log SET hash = lower(hex(randomblob(32))) WHERE seq = 3",
    );
    assert_eq!(walk(&store), vec![ChainProblem::Edited { seq: 3 }]);
}

#[test]
fn the_head_anchor_follows_every_commit() {
    let (dir, mut store) = new_store();
    for n in 1..=3 {
        append(&mut store, n);
    }
    let head = store.read(audit::head).unwrap().unwrap();
    let anchored = super::anchor::read(&dir.path().join("t.db.head"), store.keys());
    assert_eq!(anchored, super::anchor::Anchor::At(head));
}

#[test]
fn a_torn_anchor_slot_leaves_the_head_written_before_it() {
    use super::anchor::{Anchor, SLOT, read, record};
    let (dir, mut store) = new_store();
    let path = dir.path().join("t.db.head");
    append(&mut store, 1);
    let first = store.read(audit::head).unwrap().unwrap();
    append(&mut store, 2);
    let second = store.read(audit::head).unwrap().unwrap();
    assert_eq!(read(&path, store.keys()), Anchor::At(second.clone()));

    let bytes = std::fs::read(&path).unwrap();
    let slot_of = |bytes: &[u8], hash: &str| {
        bytes
            .chunks(SLOT)
            .position(|s| String::from_utf8_lossy(s).contains(hash))
            .unwrap()
    };
    let (a, b) = (slot_of(&bytes, &first.hash), slot_of(&bytes, &second.hash));
    assert_ne!(a, b, "each head in its own slot");
    let torn = |mut bytes: Vec<u8>, slot: usize| {
        bytes[slot * SLOT + 40..(slot + 1) * SLOT].fill(0);
        std::fs::write(&path, bytes).unwrap();
    };
    // Cut while the second head was written: the first is still there.
    torn(bytes.clone(), b);
    assert_eq!(read(&path, store.keys()), Anchor::At(first.clone()));
    torn(bytes.clone(), a);
    assert_eq!(read(&path, store.keys()), Anchor::At(second.clone()));

    // A file of the earlier form, one line, reads and is taken over
    // without losing that line until the next head is whole.
    let line = String::from_utf8_lossy(&bytes[a * SLOT..(a + 1) * SLOT])
        .trim()
        .to_string();
    std::fs::write(&path, format!("{line}\n")).unwrap();
    assert_eq!(read(&path, store.keys()), Anchor::At(first.clone()));
    record(&path, store.keys(), &second).unwrap();
    assert_eq!(read(&path, store.keys()), Anchor::At(second.clone()));
    torn(std::fs::read(&path).unwrap(), 1);
    assert_eq!(read(&path, store.keys()), Anchor::At(first));
    // It never moves back.
    record(&path, store.keys(), &second).unwrap();
    let before = std::fs::read(&path).unwrap();
    record(
        &path,
        store.keys(),
        &audit::Head {
            seq: 1,
            hash: "0".repeat(64),
        },
    )
    .unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_anchor_follows_a_file_put_back_or_removed_behind_the_store() {
    use super::anchor::{Anchor, read};
    let (dir, mut store) = new_store();
    let path = dir.path().join("t.db.head");
    append(&mut store, 1);
    let kept = std::fs::read(&path).unwrap();
    append(&mut store, 2);

    // An older anchor put back over it, as a new file (a restore): the
    // store's next commit moves the file now at the path.
    let tmp = dir.path().join("old.head");
    std::fs::write(&tmp, &kept).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    append(&mut store, 3);
    let third = store.read(audit::head).unwrap().unwrap();
    assert_eq!(read(&path, store.keys()), Anchor::At(third));

    // Removed: the next commit writes it again.
    std::fs::remove_file(&path).unwrap();
    append(&mut store, 4);
    let fourth = store.read(audit::head).unwrap().unwrap();
    assert_eq!(read(&path, store.keys()), Anchor::At(fourth));

    // Two stores on one file take turns: the anchor is the last commit's
    // head, whichever wrote it.
    let mut other = Store::open(&dir.path().join("t.db"), WAIT, None).unwrap();
    append(&mut other, 5);
    append(&mut store, 6);
    let sixth = store.read(audit::head).unwrap().unwrap();
    assert_eq!(read(&path, store.keys()), Anchor::At(sixth));
}

#[test]
fn a_database_put_back_from_an_older_copy_takes_no_write() {
    let (dir, mut store) = new_store();
    let db = dir.path().join("t.db");
    append(&mut store, 1);
    let older = dir.path().join("older.db");
    store.backup_to(&older).unwrap();
    append(&mut store, 2);
    append(&mut store, 3);
    let head = store.read(audit::head).unwrap().unwrap();
    drop(store);

    // The older copy put in the database's place, its anchor left as the
    // office's: the rows after the copy are gone.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("t.db{suffix}")));
    }
    std::fs::rename(&older, &db).unwrap();
    let mut store = Store::open(&db, WAIT, None).unwrap();
    let before = store.read(audit::head).unwrap().unwrap();
    let refused = store
        .write(who(), |w| w.log(Event::new("test", "thing", Some(4)), ()))
        .unwrap_err();
    match refused {
        StoreError::HistoryCut { anchored, head: at } => {
            assert_eq!((anchored, at), (head.seq, before.seq));
        }
        other => panic!("expected the cut to stop the write, got {other:?}"),
    }
    assert_eq!(store.read(audit::head).unwrap().unwrap(), before);

    // Another history of the same length (a copy that went on on its
    // own) is no better: the anchored row is not there as it was.
    let (dir, mut store) = new_store();
    let db = dir.path().join("t.db");
    append(&mut store, 1);
    let other = dir.path().join("other.db");
    store.backup_to(&other).unwrap();
    append(&mut store, 2);
    drop(store);
    let mut copy = Store::open(&other, WAIT, Some(&dir.path().join("t.db.key"))).unwrap();
    append(&mut copy, 20);
    drop(copy);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("t.db{suffix}")));
    }
    std::fs::rename(&other, &db).unwrap();
    let mut store = Store::open(&db, WAIT, None).unwrap();
    let refused = store
        .write(who(), |w| w.log(Event::new("test", "thing", Some(3)), ()))
        .unwrap_err();
    assert!(
        matches!(
            refused,
            StoreError::HistoryCut {
                anchored: 2,
                head: 2
            }
        ),
        "{refused:?}"
    );
    drop(dir);
}

#[test]
fn an_anchor_left_behind_is_moved_up_and_one_that_cannot_be_written_stops_writes() {
    use super::anchor::{Anchor, read};
    let (dir, mut store) = new_store();
    let path = dir.path().join("t.db.head");
    append(&mut store, 1);
    let first = store.read(audit::head).unwrap().unwrap();
    // A commit whose anchor was never written (a process stopped between
    // the two): the anchor stays at the row before.
    store.anchored = false;
    append(&mut store, 2);
    store.anchored = true;
    assert_eq!(read(&path, store.keys()), Anchor::At(first));
    append(&mut store, 3);
    let third = store.read(audit::head).unwrap().unwrap();
    assert_eq!(read(&path, store.keys()), Anchor::At(third.clone()));

    // Something that is not a file where the anchor goes: nothing more is
    // written, and the log is as it was.
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    let refused = store
        .write(who(), |w| w.log(Event::new("test", "thing", Some(4)), ()))
        .unwrap_err();
    assert!(
        matches!(refused, StoreError::AnchorNotWritten { .. }),
        "{refused:?}"
    );
    assert_eq!(store.read(audit::head).unwrap().unwrap(), third);
    // Once it can be written again, the next write records the loss first.
    std::fs::remove_dir(&path).unwrap();
    append(&mut store, 4);
    let actions: Vec<String> = store
        .read(|r| {
            Ok::<Vec<String>, StoreError>(
                r.conn()
                    .prepare("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2")?
                    .query_map([], |row| row.get(0))?
                    .collect::<Result<_, _>>()?,
            )
        })
        .unwrap();
    assert_eq!(actions, ["test", "anchor.lost"]);
}

#[test]
fn two_key_rotations_at_once_each_add_their_own_key() {
    let (dir, mut store) = new_store();
    append(&mut store, 1);
    let db = dir.path().join("t.db");
    // Both stores read the ring (one key) before either rotates.
    let mut a = Store::open(&db, WAIT, None).unwrap();
    let mut b = Store::open(&db, WAIT, None).unwrap();
    let start = std::sync::Barrier::new(2);
    let (ra, rb) = std::thread::scope(|s| {
        let ta = s.spawn(|| {
            start.wait();
            a.rotate_key(who())
        });
        let tb = s.spawn(|| {
            start.wait();
            b.rotate_key(who())
        });
        (ta.join().unwrap().unwrap(), tb.join().unwrap().unwrap())
    });
    let mut ids = [ra, rb];
    ids.sort();
    assert_eq!(ids, ["k2", "k3"]);
    // The file reads, and every row checks under the key it names.
    let reopened = Store::open(&db, WAIT, None).unwrap();
    assert_eq!(reopened.keys().current_id(), "k3");
    append(&mut store, 2);
    assert_eq!(walk(&reopened), vec![]);
}
