//! Heirs of deceased people on file, and the lines owed to them. Rows are
//! never changed: a replaced heir stays, and the newest row of a person is
//! their heir (migration 017 holds the rules the database keeps by itself).

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::payments::{UnpaidLine, parse_kind, parse_period};
use super::rows::{self, Table, int, opt_int, opt_text, text};
use super::{Event, Read, StoreError, Write};
use crate::domain::Money;
use crate::domain::heir::Heir;

const SELECT: &str = "SELECT h.id, h.person_id, h.replaces, h.reason, h.full_name, h.id_number,
        h.relationship, h.address, h.phone, h.died_on, h.death_cert_no, h.death_cert_on,
        h.death_cert_by, h.family_paper, h.family_paper_no, h.family_paper_on,
        r.full_name, a.full_name, h.recorded_at
    FROM heirs h JOIN users r ON r.id = h.recorded_by JOIN users a ON a.id = h.approved_by";

fn date(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = r.get(i)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Heir> {
    Ok(Heir {
        id: r.get(0)?,
        person_id: r.get(1)?,
        replaces: r.get(2)?,
        reason: r.get(3)?,
        full_name: r.get(4)?,
        id_number: r.get(5)?,
        relationship: r.get(6)?,
        address: r.get(7)?,
        phone: r.get(8)?,
        died_on: date(r, 9)?,
        death_cert_no: r.get(10)?,
        death_cert_on: date(r, 11)?,
        death_cert_by: r.get(12)?,
        family_paper: r.get(13)?,
        family_paper_no: r.get(14)?,
        family_paper_on: date(r, 15)?,
        recorded_by: r.get(16)?,
        approved_by: r.get(17)?,
        recorded_at: r.get(18)?,
    })
}

/// The heir on file for a person (their newest row), refused when the row
/// does not match its seal: an ID number changed with another tool pays
/// nobody.
pub fn current(r: &Read<'_>, person_id: i64) -> Result<Option<Heir>, StoreError> {
    let found = r
        .conn()
        .prepare_cached(&format!(
            "{SELECT} WHERE h.person_id = ?1 ORDER BY h.id DESC LIMIT 1"
        ))?
        .query_row([person_id], read)
        .optional()?;
    let Some(heir) = found else {
        return Ok(None);
    };
    let key = heir.id.to_string();
    let stored = rows::read(r.conn(), Table::Heirs, &key)?;
    if stored.map(|s| rows::check(r.keys_for_check(), Table::Heirs, &s))
        != Some(rows::MacCheck::Good)
    {
        return Err(StoreError::Tampered {
            table: "heirs",
            key,
        });
    }
    Ok(Some(heir))
}

/// Every heir recorded for a person, newest first (the first is on file).
pub fn history(r: &Read<'_>, person_id: i64) -> Result<Vec<Heir>, StoreError> {
    let mut stmt = r.conn().prepare_cached(&format!(
        "{SELECT} WHERE h.person_id = ?1 ORDER BY h.id DESC"
    ))?;
    let rows = stmt.query_map([person_id], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The heir a payment was made to: the person's heir with the payment's
/// receiver ID number, as on file when it was paid.
pub fn of_payment(r: &Read<'_>, payment_id: i64) -> Result<Option<Heir>, StoreError> {
    Ok(r.conn()
        .prepare_cached(&format!(
            "{SELECT} JOIN payments p ON p.person_id = h.person_id
             WHERE p.id = ?1 AND p.receiver_kind = 'heir'
               AND h.id_number = p.receiver_id_number AND h.recorded_at <= p.paid_at
             ORDER BY h.id DESC LIMIT 1"
        ))?
        .query_row([payment_id], read)
        .optional()?)
}

/// Saves a new heir (the `id` of `h` is ignored), replacing the one on
/// file when `h.replaces` names it; returns its id and the change to log.
pub fn insert(
    w: &mut Write<'_>,
    h: &Heir,
    recorded_by: i64,
    approved_by: i64,
) -> Result<(i64, Event), StoreError> {
    let id = w.next_id(Table::Heirs)?;
    let at = w.at().to_string();
    let day = |d: NaiveDate| text(d.format("%Y-%m-%d").to_string());
    let image = w.insert(
        Table::Heirs,
        &[
            ("id", int(id)),
            ("person_id", int(h.person_id)),
            ("replaces", opt_int(h.replaces)),
            ("reason", opt_text(h.reason.clone())),
            ("full_name", text(&h.full_name)),
            ("id_number", text(&h.id_number)),
            ("relationship", text(&h.relationship)),
            ("address", text(&h.address)),
            ("phone", opt_text(h.phone.clone())),
            ("died_on", day(h.died_on)),
            ("death_cert_no", text(&h.death_cert_no)),
            ("death_cert_on", day(h.death_cert_on)),
            ("death_cert_by", text(&h.death_cert_by)),
            ("family_paper", text(&h.family_paper)),
            ("family_paper_no", opt_text(h.family_paper_no.clone())),
            ("family_paper_on", day(h.family_paper_on)),
            ("recorded_by", int(recorded_by)),
            ("approved_by", int(approved_by)),
            ("recorded_at", text(at)),
        ],
    )?;
    let action = if h.replaces.is_some() {
        "heir.replace"
    } else {
        "heir.create"
    };
    Ok((id, Event::new(action, "heir", Some(id)).row(image)))
}

/// The lines of a deceased person the heir may be paid, in open periods:
/// unpaid, not replaced, not in a month the payer stopped (the funeral
/// allowance excepted), and of a month up to the death or the funeral
/// allowance (`death_period` as YYYY-MM).
pub fn owed_lines(
    r: &Read<'_>,
    person_id: i64,
    death_period: &str,
) -> Result<Vec<UnpaidLine>, StoreError> {
    let mut stmt = r.conn().prepare_cached(
        "SELECT e.id, e.period, e.kind, e.amount
         FROM entitlements e JOIN periods p ON p.period = e.period
         WHERE e.person_id = ?1 AND p.status = 'open'
           AND (e.kind = 'mai_tang' OR e.period <= ?2)
           AND NOT EXISTS (
               SELECT 1 FROM payment_lines pl
               WHERE pl.entitlement_id = e.id
                 AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pl.payment_id))
           AND (e.kind = 'mai_tang' OR NOT EXISTS (
               SELECT 1 FROM stops s WHERE s.person_id = e.person_id AND e.period >= s.from_period))
           AND NOT EXISTS (SELECT 1 FROM line_replacements x WHERE x.entitlement_id = e.id)
         ORDER BY e.period, e.id",
    )?;
    let rows = stmt.query_map(rusqlite::params![person_id, death_period], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, period, kind, amount) = row?;
        out.push(UnpaidLine {
            entitlement_id: id,
            period: parse_period(&period)?,
            kind: parse_kind(&kind)?,
            amount: Money::from_dong(amount),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::super::migrations::{self, MIGRATIONS};

    /// A database of schema 15 (before heirs) with a supervisor, a month,
    /// a deceased person and their funeral allowance.
    fn before_heirs(path: &std::path::Path) -> Connection {
        let conn = Connection::open(path).unwrap();
        let heirs = MIGRATIONS
            .iter()
            .position(|m| m.contains("CREATE TABLE heirs"))
            .unwrap();
        for m in &MIGRATIONS[..heirs] {
            conn.execute_batch(m).unwrap();
        }
        conn.pragma_update(None, "user_version", migrations::FIRST + heirs as i64 - 1)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO users (id, name, full_name, role, pin_hash, created_at)
               VALUES (1, 'truong', 'Trần Văn Minh', 'supervisor', 'x', '2026-11-01T08:00:00+07:00');
             INSERT INTO periods (period, opened_at) VALUES ('2026-11', '2026-11-01T08:00:00+07:00');
             INSERT INTO import_batches (id, file_name, sha256, kind, period, imported_by, imported_at)
               VALUES (1, 't11.csv', 'abc', 'monthly', '2026-11', 1, '2026-11-01T08:00:00+07:00');
             INSERT INTO people (id, record_code, full_name, search_key, status, first_batch, updated_at)
               VALUES (1, 'HD-002', 'Trần Thị Bình', 'tran thi binh', 'deceased', 1, '2026-11-05T08:00:00+07:00');
             INSERT INTO entitlements (id, person_id, period, kind, amount, batch_id, source_row)
               VALUES (1, 1, '2026-11', 'mai_tang', 23400000, 1, 1);",
        )
        .unwrap();
        conn
    }

    #[test]
    fn a_connection_open_across_the_migration_takes_the_widened_check() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chitra.db");
        let mut migrating = before_heirs(&path);
        // Another process has the file open and its schema read.
        let other = Connection::open(&path).unwrap();
        let n: i64 = other
            .query_row("SELECT count(*) FROM payments", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);

        migrations::bring_up_to_date(&mut migrating, &path).unwrap();
        assert_eq!(
            migrations::version(&migrating).unwrap(),
            migrations::latest()
        );

        other
            .execute_batch(
                "INSERT INTO heirs (id, person_id, full_name, id_number, relationship, address,
                    died_on, death_cert_no, death_cert_on, death_cert_by, family_paper,
                    family_paper_on, recorded_by, approved_by, recorded_at)
                 VALUES (1, 1, 'Trần Văn Dũng', '046180009999', 'Con trai', 'Thôn Đông',
                    '2026-11-02', '125/TLKT', '2026-11-04', 'UBND xã', 'Văn bản thỏa thuận',
                    '2026-11-06', 1, 1, '2026-11-10T09:00:00+07:00');
                 INSERT INTO payments (id, idem_key, office_code, receipt_year, receipt_seq,
                    receipt_no, person_id, day, paid_at, clerk_id, receiver_kind, receiver_name,
                    receiver_id_number, method, account, reference, total)
                 VALUES (1, 'key-00000001', 'X', 2026, 1, 'HD-2026-000001', 1, '2026-11-10',
                    '2026-11-10T09:30:00+07:00', 1, 'heir', 'Trần Văn Dũng', '046180009999',
                    'bank', '0123456789', 'REF-1', 23400000);
                 INSERT INTO payment_lines (payment_id, entitlement_id, amount, attempt)
                 VALUES (1, 1, 23400000, 0);",
            )
            .unwrap();
        for conn in [&migrating, &other] {
            let check: String = conn
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap();
            assert_eq!(check, "ok");
        }
        // The schema is the one a new database gets.
        assert_eq!(
            migrations::schema_of(&migrating).unwrap(),
            migrations::expected_schema().unwrap()
        );
    }
}
