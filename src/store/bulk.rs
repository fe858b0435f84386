//! Many-row inserts that bind their values without copying them.
//!
//! An import writes hundreds of thousands of rows, each with a dozen text
//! values. Through rusqlite every bound text is copied into memory SQLite
//! allocates, and freed again after the row; for a large list that copying
//! was about a tenth of the whole import. [`Insert`] binds borrowed values instead
//! (`SQLITE_STATIC`): SQLite reads them in place while the statement runs,
//! and the bindings are cleared before [`Insert::run`] returns, so nothing
//! points at them afterwards.
//!
//! This is the one place in chitra that calls SQLite's C interface directly.

#![allow(
    unsafe_code,
    reason = "binding borrowed values needs SQLite's C interface; each block says why it holds"
)]

use std::ffi::CString;
use std::ptr::NonNull;

use rusqlite::{Connection, ffi};

use super::StoreError;

/// A value to bind: borrowed for the length of one [`Insert::run`].
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Blob(&'a [u8]),
}

impl<'a> From<Option<&'a str>> for Value<'a> {
    fn from(v: Option<&'a str>) -> Self {
        v.map_or(Value::Null, Value::Text)
    }
}

impl From<Option<i32>> for Value<'_> {
    fn from(v: Option<i32>) -> Self {
        v.map_or(Value::Null, |n| Value::Int(i64::from(n)))
    }
}

/// A prepared INSERT (or any statement returning no rows) on `conn`.
pub struct Insert<'c> {
    conn: &'c Connection,
    stmt: NonNull<ffi::sqlite3_stmt>,
    params: usize,
}

impl<'c> Insert<'c> {
    pub fn new(conn: &'c Connection, sql: &str) -> Result<Insert<'c>, StoreError> {
        let text = CString::new(sql).map_err(|_| StoreError::Program {
            what: "SQL text with a NUL byte".into(),
        })?;
        let mut stmt = std::ptr::null_mut();
        // SAFETY: the connection handle is valid while `conn` is borrowed,
        // and it is only used from this thread (connections are not Sync).
        // `text` is NUL-terminated and outlives the call.
        let rc = unsafe {
            ffi::sqlite3_prepare_v2(
                conn.handle(),
                text.as_ptr(),
                -1,
                &mut stmt,
                std::ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK {
            return Err(error(conn, rc));
        }
        let stmt = NonNull::new(stmt).ok_or_else(|| StoreError::Program {
            what: "empty SQL statement".into(),
        })?;
        // SAFETY: `stmt` was just prepared and is not finalized.
        let params = unsafe { ffi::sqlite3_bind_parameter_count(stmt.as_ptr()) } as usize;
        Ok(Insert { conn, stmt, params })
    }

    /// Runs the statement once with `values`, one per parameter, in order.
    pub fn run(&mut self, values: &[Value<'_>]) -> Result<(), StoreError> {
        if values.len() != self.params {
            return Err(StoreError::Program {
                what: format!("{} values for {} parameters", values.len(), self.params),
            });
        }
        let stmt = self.stmt.as_ptr();
        let outcome = self.bind_and_step(values);
        // SAFETY: `stmt` is a live statement of this connection. Reset ends
        // the statement; clearing the bindings drops every pointer to
        // `values` before they can go away.
        unsafe {
            ffi::sqlite3_reset(stmt);
            ffi::sqlite3_clear_bindings(stmt);
        }
        outcome
    }

    fn bind_and_step(&mut self, values: &[Value<'_>]) -> Result<(), StoreError> {
        let stmt = self.stmt.as_ptr();
        for (i, v) in values.iter().enumerate() {
            let at = i as i32 + 1;
            // SAFETY: `at` is within 1..=params (checked by the caller). A
            // text or blob is bound as SQLITE_STATIC: SQLite reads it in place until
            // the bindings are cleared, which `run` does before `values`
            // can be dropped.
            let rc = unsafe {
                match *v {
                    Value::Null => ffi::sqlite3_bind_null(stmt, at),
                    Value::Int(n) => ffi::sqlite3_bind_int64(stmt, at, n),
                    Value::Text(t) => {
                        let len = i32::try_from(t.len()).map_err(|_| StoreError::Program {
                            what: "a value longer than 2 GiB".into(),
                        })?;
                        ffi::sqlite3_bind_text(
                            stmt,
                            at,
                            t.as_ptr().cast(),
                            len,
                            ffi::SQLITE_STATIC(),
                        )
                    }
                    Value::Blob(b) => {
                        let len = i32::try_from(b.len()).map_err(|_| StoreError::Program {
                            what: "a value longer than 2 GiB".into(),
                        })?;
                        ffi::sqlite3_bind_blob(
                            stmt,
                            at,
                            b.as_ptr().cast(),
                            len,
                            ffi::SQLITE_STATIC(),
                        )
                    }
                }
            };
            if rc != ffi::SQLITE_OK {
                return Err(error(self.conn, rc));
            }
        }
        // SAFETY: every parameter is bound to a live value.
        let rc = unsafe { ffi::sqlite3_step(stmt) };
        match rc {
            ffi::SQLITE_DONE | ffi::SQLITE_ROW => Ok(()),
            _ => Err(error(self.conn, rc)),
        }
    }
}

impl Drop for Insert<'_> {
    fn drop(&mut self) {
        // SAFETY: the statement is finalized once, here; the connection
        // outlives it (the borrow in `conn`).
        unsafe {
            ffi::sqlite3_finalize(self.stmt.as_ptr());
        }
    }
}

/// `INSERT INTO <table> (<columns>) VALUES (…), (…), …`: rows written up to
/// `per_statement` at a time. Each size of set is prepared once and kept:
/// an import's lines come 64 people at a time, a few lines each, so every
/// batch ends with a shorter set, and preparing a statement of a few
/// hundred parameters for each one cost more than writing its rows.
pub struct Rows<'c> {
    conn: &'c Connection,
    head: String,
    columns: usize,
    per_statement: usize,
    /// The statement for `n` rows at index `n - 1`, once prepared.
    prepared: Vec<Option<Insert<'c>>>,
}

impl<'c> Rows<'c> {
    /// `columns` is the column list, comma-separated, as in the SQL.
    pub fn new(conn: &'c Connection, table: &str, columns: &str, per_statement: usize) -> Self {
        Rows {
            conn,
            head: format!("INSERT INTO {table} ({columns}) VALUES "),
            columns: columns.split(',').count(),
            per_statement,
            prepared: Vec::new(),
        }
    }

    /// Writes `rows` rows (at most `per_statement`) whose values are
    /// `values`, row after row.
    pub fn write(&mut self, rows: usize, values: &[Value<'_>]) -> Result<(), StoreError> {
        if rows == 0 {
            return Ok(());
        }
        if rows > self.per_statement {
            return Err(StoreError::Program {
                what: format!(
                    "{rows} rows for a statement of at most {}",
                    self.per_statement
                ),
            });
        }
        if self.prepared.len() < rows {
            self.prepared.resize_with(rows, || None);
        }
        let slot = &mut self.prepared[rows - 1];
        let insert = match slot {
            Some(insert) => insert,
            None => {
                let one = format!("({})", vec!["?"; self.columns].join(","));
                let sql = format!("{}{}", self.head, vec![one; rows].join(","));
                slot.insert(Insert::new(self.conn, &sql)?)
            }
        };
        insert.run(values)
    }
}

/// The connection's last error, as rusqlite would have reported it.
fn error(conn: &Connection, rc: i32) -> StoreError {
    // SAFETY: the handle is valid; the message is copied out at once.
    let (code, message) = unsafe {
        let db = conn.handle();
        let code = ffi::sqlite3_extended_errcode(db);
        let msg = ffi::sqlite3_errmsg(db);
        let message =
            (!msg.is_null()).then(|| std::ffi::CStr::from_ptr(msg).to_string_lossy().into_owned());
        (if code == 0 { rc } else { code }, message)
    };
    StoreError::from(rusqlite::Error::SqliteFailure(
        ffi::Error::new(code),
        message,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER,
                 CHECK (n IS NULL OR n >= 0));
             CREATE TRIGGER t_no_x BEFORE INSERT ON t WHEN NEW.name = 'x' BEGIN
                 SELECT RAISE(ABORT, 'no x');
             END;",
        )
        .unwrap();
        c
    }

    #[test]
    fn rows_are_written_with_the_values_given_even_after_they_are_dropped() {
        let c = conn();
        let mut insert = Insert::new(
            &c,
            "INSERT INTO t (id, name, n) VALUES (?, ?, ?), (?, ?, ?)",
        )
        .unwrap();
        for round in 0..3i64 {
            // Fresh strings each round, dropped once the round is over.
            let a = format!("Nguyễn Văn {round}");
            let b = "Trần Thị Bình".repeat(round as usize + 1);
            insert
                .run(&[
                    Value::Int(round * 2 + 1),
                    Value::Text(&a),
                    Value::Int(round),
                    Value::Int(round * 2 + 2),
                    Value::Text(&b),
                    Value::Null,
                ])
                .unwrap();
        }
        drop(insert);
        let rows: Vec<(i64, String, Option<i64>)> = c
            .prepare("SELECT id, name, n FROM t ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0], (1, "Nguyễn Văn 0".to_string(), Some(0)));
        assert_eq!(rows[5], (6, "Trần Thị Bình".repeat(3), None));
    }

    #[test]
    fn constraints_and_triggers_refuse_as_through_rusqlite() {
        let c = conn();
        let mut insert = Insert::new(&c, "INSERT INTO t (id, name, n) VALUES (?, ?, ?)").unwrap();
        let refused = insert.run(&[Value::Int(1), Value::Text("a"), Value::Int(-1)]);
        assert!(
            matches!(refused, Err(StoreError::Refused(_))),
            "{refused:?}"
        );
        match insert.run(&[Value::Int(1), Value::Text("x"), Value::Null]) {
            Err(StoreError::Refused(crate::store::Rule::Other(rule))) => {
                assert!(rule.contains("no x"), "{rule}")
            }
            other => panic!("{other:?}"),
        }
        // The statement is usable again after a refusal.
        insert
            .run(&[Value::Int(1), Value::Text("a"), Value::Null])
            .unwrap();
        let dup = insert.run(&[Value::Int(1), Value::Text("b"), Value::Null]);
        assert!(matches!(dup, Err(StoreError::Refused(_))), "{dup:?}");
        let n: i64 = c
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn rows_are_written_full_sets_and_a_shorter_last_one() {
        let c = conn();
        let mut rows = Rows::new(&c, "t", "id, name", 2);
        for (n, names) in [["a", "b"].as_slice(), &["c", "d"], &["e"]]
            .iter()
            .enumerate()
        {
            let values: Vec<Value> = names
                .iter()
                .enumerate()
                .flat_map(|(i, name)| [Value::Int((n * 2 + i) as i64 + 1), Value::Text(name)])
                .collect();
            rows.write(names.len(), &values).unwrap();
        }
        // Three values for a set of two rows is refused.
        assert!(
            rows.write(2, &[Value::Int(9), Value::Text("x"), Value::Int(10)])
                .is_err()
        );
        let names: Vec<String> = c
            .prepare("SELECT name FROM t ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(names, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn the_wrong_number_of_values_is_refused_before_anything_is_bound() {
        let c = conn();
        let mut insert = Insert::new(&c, "INSERT INTO t (id, name) VALUES (?, ?)").unwrap();
        assert!(insert.run(&[Value::Int(1)]).is_err());
        assert!(Insert::new(&c, "INSERT INTO nowhere VALUES (?)").is_err());
    }
}
