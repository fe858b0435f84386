//! Under `umask 000`, every file chitra writes in its data folder —
//! database, -wal, -shm, the audit key and the head anchor, receipts,
//! backups (asked for and after the close), reports written there — is
//! 0600 and every folder it makes is 0700.

use crate::deploy_office;

use deploy_office::*;

#[test]
fn under_umask_000_every_file_is_0600_and_every_folder_0700() {
    let mut office = ServerOffice::new("");
    office.umask = Some(0o000);
    let period = office_today().format("%Y-%m").to_string();
    office.open_for(&period);
    office.pay();
    let spool = office.data().join("spool");
    assert!(
        std::fs::read_dir(&spool).unwrap().count() >= 1,
        "the receipt is in the spool"
    );
    let backup = office.data().join("backup/truoc-khoa-so.db");
    office.ok(SUPERVISOR, &["backup", backup.to_str().unwrap()], &[]);
    // 20.000.000 − 2.789.000 = 17.211.000, counted by the clerk.
    office.ok(
        CLERK,
        &[
            "drawer",
            "count",
            "500000=34",
            "200000=1",
            "10000=1",
            "1000=1",
        ],
        &[],
    );
    let out = office.ok(SUPERVISOR, &["close"], &[]);
    assert!(out.contains("ĐÃ KHÓA SỔ"), "{out}");
    for (format, name) in [("xlsx", "bao-cao.xlsx"), ("csv", "bao-cao.csv")] {
        let path = office.data().join(name);
        office.ok(
            SUPERVISOR,
            &[
                "report",
                "day",
                "--format",
                format,
                "--out",
                path.to_str().unwrap(),
            ],
            &[],
        );
    }
    // While a connection is open the -wal and -shm exist: take the modes
    // with one held open by another process's reader.
    let db = office.db();
    let reader = rusqlite::Connection::open(&db).unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();

    let seen = modes_under(&office.data());
    let names: Vec<String> = seen
        .iter()
        .map(|(p, _, _)| p.strip_prefix(office.data()).unwrap().display().to_string())
        .collect();
    for want in [
        "chitra.db",
        "chitra.db-wal",
        "chitra.db-shm",
        "chitra.db.key",
        "chitra.db.head",
        "backup/truoc-khoa-so.db",
        "bao-cao.xlsx",
        "bao-cao.csv",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} missing from {names:?}"
        );
    }
    assert!(
        names
            .iter()
            .filter(|n| n.starts_with("backup/chitra-") && n.ends_with(".db"))
            .count()
            == 1,
        "the close wrote its dated backup: {names:?}"
    );
    assert!(names.iter().any(|n| n.starts_with("spool/")), "{names:?}");
    let wrong: Vec<String> = seen
        .iter()
        .filter(|(_, mode, dir)| *mode != if *dir { 0o700 } else { 0o600 })
        .map(|(p, mode, _)| format!("{} {mode:04o}", p.display()))
        .collect();
    assert!(wrong.is_empty(), "not private: {wrong:?}");
}
