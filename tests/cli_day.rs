//! The day's commands as a supervisor uses them from a shell: report day
//! as JSON, verify's exit code, and a backup taken while other processes
//! keep paying.

use crate::common;

use std::process::{Command, Output, Stdio};

use common::*;

/// An office on the real clock's day with `n` people on this month's list.
fn office_today(n: usize) -> (Office, Vec<String>) {
    let office = Office::with_window((1, 31));
    let ids: Vec<String> = (0..n).map(|i| format!("0460480{i:05}")).collect();
    let codes: Vec<String> = (0..n).map(|i| format!("HD-{i:04}")).collect();
    let rows: Vec<Row> = (0..n)
        .map(|i| Row {
            code: &codes[i],
            name: "Nguyễn Văn An",
            year: 1948,
            id: &ids[i],
            hamlet: "Thôn Đông",
            tro_cap: 2_789_000,
            phu_cap: 0,
        })
        .collect();
    let period = common::office_today(&office).format("%Y-%m").to_string();
    office.import(
        "t.csv",
        &csv("2026-11", &rows).replace("THÁNG 11 NĂM 2026", "THÁNG"),
        &period,
    );
    let mut today = chitra::service::Service::open(office.config.clone(), &office.db).unwrap();
    office.open_drawers_with(&mut today);
    (office, ids)
}

#[test]
fn the_day_report_as_json_has_the_documented_fields() {
    let (office, ids) = office_today(3);
    for id in &ids[..2] {
        let out = chitra(
            &office,
            CLERK1,
            &["pay", id, "--method", "cash", "--receiver-id", id],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = chitra(&office, CLERK1, &["report", "day", "--format", "json"]);
    assert!(out.status.success());
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "date",
        "closed",
        "payments",
        "total_dong",
        "by_method",
        "by_clerk",
        "voids",
        "cash_expected_dong",
        "cash_counted_dong",
        "difference_dong",
        "audit_head",
    ] {
        assert!(r.get(key).is_some(), "missing {key}: {r}");
    }
    assert_eq!(r["payments"], 2);
    assert_eq!(r["total_dong"], 2 * 2_789_000);
    assert_eq!(r["by_method"]["cash"]["amount_dong"], 2 * 2_789_000);
    // Blind count: the drawer's expected cash is not shown before it is counted.
    assert_eq!(
        r["by_clerk"]["gdv1"]["cash_expected_dong"],
        serde_json::Value::Null
    );
    assert_eq!(r["closed"], false);
    // A clerk sees only their own drawer.
    assert!(r["by_clerk"].get("gdv2").is_none(), "{r}");
    let left = 100_000_000 - 2 * 2_789_000;
    let out = chitra(
        &office,
        CLERK1,
        &[
            "drawer",
            "count",
            &format!("500000={}", left / 500_000),
            &format!("1000={}", (left % 500_000) / 1000),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = chitra(&office, CLERK1, &["report", "day", "--format", "json"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["by_clerk"]["gdv1"]["cash_expected_dong"], left);
    // Without signing in, nothing is shown.
    let out = chitra(
        &office,
        ("gdv1", "0000"),
        &["report", "day", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn verify_exits_1_and_names_what_was_tampered_with() {
    let (office, ids) = office_today(2);
    let out = chitra(
        &office,
        CLERK1,
        &["pay", &ids[0], "--method", "cash", "--receiver-id", &ids[0]],
    );
    assert!(out.status.success());
    let out = chitra(&office, CLERK1, &["verify"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Toàn vẹn"));

    let svc = office.service();
    svc.store()
        .conn()
        .execute_batch("DROP TRIGGER payments_no_update; UPDATE payments SET total = 1000;")
        .unwrap();
    let out = chitra(&office, CLERK1, &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("HD-") && text.contains("đã bị sửa"), "{text}");
}

#[test]
fn a_backup_taken_while_clerks_pay_is_whole_and_verifies() {
    let (office, ids) = office_today(40);
    // Two clerks pay everyone, one process per person, while backups are taken.
    let payers: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let who = if i % 2 == 0 { CLERK1 } else { CLERK2 };
            Command::new(env!("CARGO_BIN_EXE_chitra"))
                .arg("--config")
                .arg(office.dir.path().join("chitra.toml"))
                .args(["pay", id, "--method", "cash", "--receiver-id", id])
                .env("CHITRA_USER", who.0)
                .env("CHITRA_PIN", who.1)
                .env_remove("CHITRA_DB")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut copies = Vec::new();
    for n in 0..3 {
        let dest = office.dir.path().join(format!("copy-{n}.db"));
        let out = chitra(&office, SUPERVISOR, &["backup", dest.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        copies.push(dest);
    }
    for mut p in payers {
        assert!(p.wait().unwrap().success());
    }
    for copy in copies {
        let out = Command::new(env!("CARGO_BIN_EXE_chitra"))
            .arg("--config")
            .arg(office.dir.path().join("chitra.toml"))
            .args(["--db", copy.to_str().unwrap(), "verify"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        // Every payment in the copy is whole: its lines and audit row came with it.
        let conn = rusqlite::Connection::open(&copy).unwrap();
        let (payments, lines): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM payments), (SELECT count(*) FROM payment_lines)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(payments, lines);
        assert!(payments <= 40);
    }
    let out = chitra(
        &office,
        SUPERVISOR,
        &[
            "backup",
            office.dir.path().join("copy-0.db").to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "an existing file is never overwritten"
    );
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn drawer_reason_and_recount_say_what_is_wrong_with_the_drawer() {
    let (office, _) = office_today(1);
    // A supervisor whose drawer is open but not counted yet.
    let out = chitra(&office, SUPERVISOR, &["drawer", "reason", "thiếu tiền lẻ"]);
    assert!(!out.status.success());
    let err = stderr_of(&out);
    assert!(err.contains("chưa kiểm đếm"), "{err}");
    assert!(!err.contains("chưa mở"), "{err}");

    // A count that differs, then a second count: refused as a recount.
    let out = chitra(&office, SUPERVISOR, &["drawer", "count", "500000=199"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = chitra(&office, SUPERVISOR, &["drawer", "count", "500000=200"]);
    assert!(!out.status.success());
    let err = stderr_of(&out);
    assert!(err.contains("đã kiểm đếm"), "{err}");
    assert!(!err.contains("tiền mặt"), "{err}");
    assert!(!err.contains("chi/nhận"), "{err}");

    // A first reason is recorded; a second is refused in plain words.
    let out = chitra(&office, SUPERVISOR, &["drawer", "reason", "thiếu tiền lẻ"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = chitra(&office, SUPERVISOR, &["drawer", "reason", "ghi lại"]);
    assert!(!out.status.success());
    let err = stderr_of(&out);
    assert!(err.contains("đã ghi rồi"), "{err}");
    for raw in [
        "constraint",
        "UNIQUE",
        "SQLITE",
        "sqlite",
        "Error",
        "failed",
    ] {
        assert!(!err.contains(raw), "{err}");
    }
}

/// An approver's PIN neither set nor typed (no terminal): the message
/// names the approver's PIN and its variable, not the user's own sign-in.
#[test]
fn an_approvers_pin_not_given_is_named_as_such() {
    let (office, _) = office_today(1);
    let o = Command::new(env!("CARGO_BIN_EXE_chitra"))
        .arg("--config")
        .arg(office.dir.path().join("chitra.toml"))
        .args([
            "void",
            "HD-2026-000001",
            "--reason",
            "nhầm",
            "--approver",
            SUPERVISOR.0,
        ])
        .env("CHITRA_USER", CLERK1.0)
        .env("CHITRA_PIN", CLERK1.1)
        .env_remove("CHITRA_APPROVER_PIN")
        .env_remove("CHITRA_DB")
        .env_remove("CHITRA_CONFIG")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("CHITRA_APPROVER_PIN"), "{err}");
    assert!(!err.contains("CHITRA_USER"), "{err}");
}
