//! Several clerks' processes paying the same people at the same moment on
//! one database file: every entitlement line is paid exactly once, each
//! loser is told it was already paid, receipt numbers have no gap.

use crate::common;

use std::collections::HashMap;
use std::process::{Command, Stdio};

use common::*;

/// Twelve people on this month's list.
fn list() -> (Vec<String>, String) {
    let ids: Vec<String> = (0..12).map(|i| format!("0460480{i:05}")).collect();
    let codes: Vec<String> = (0..12).map(|i| format!("HD-{i:03}")).collect();
    let rows: Vec<Row> = (0..12)
        .map(|i| Row {
            code: &codes[i],
            name: "Nguyễn Văn An",
            year: 1948,
            id: &ids[i],
            hamlet: "Thôn Đông",
            tro_cap: 2_789_000,
            phu_cap: 500_000,
        })
        .collect();
    (ids.clone(), csv("2026-11", &rows))
}

#[test]
fn racing_processes_pay_every_line_exactly_once() {
    // The real clock decides the window: allow every day.
    let office = Office::with_window((1, 31));
    let (ids, text) = list();
    let period = common::office_today(&office).format("%Y-%m").to_string();
    office.import(
        "t.csv",
        &text.replace("THÁNG 11 NĂM 2026", "THÁNG X"),
        &period,
    );
    // The processes pay on the real clock's day: open the drawers for it.
    let mut today = chitra::service::Service::open(office.config.clone(), &office.db).unwrap();
    office.open_drawers_with(&mut today);

    // 4 clerks' processes per person, all started before any finishes.
    let mut children = Vec::new();
    for id in &ids {
        for (n, clerk) in [CLERK1, CLERK2, CLERK1, SUPERVISOR].iter().enumerate() {
            let child = Command::new(env!("CARGO_BIN_EXE_chitra"))
                .arg("--config")
                .arg(office.dir.path().join("chitra.toml"))
                .args(["pay", id, "--method", "cash", "--receiver-id", id, "--json"])
                .env("CHITRA_USER", clerk.0)
                .env("CHITRA_PIN", clerk.1)
                .env_remove("CHITRA_DB")
                .env_remove("CHITRA_CONFIG")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            children.push((id.clone(), n, child));
        }
    }
    let mut paid_per_person: HashMap<String, usize> = HashMap::new();
    for (id, _, child) in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => *paid_per_person.entry(id).or_default() += 1,
            Some(3) => assert!(
                stderr.contains("Đã chi bởi"),
                "a loser is told who paid: {stderr}"
            ),
            other => panic!("unexpected exit {other:?}: {stderr}"),
        }
    }
    assert_eq!(paid_per_person.len(), ids.len(), "everyone was paid");
    assert!(
        paid_per_person.values().all(|&n| n == 1),
        "{paid_per_person:?}"
    );

    let svc = office.service();
    let c = svc.store().conn();
    let q = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(q("SELECT count(*) FROM payments"), 12);
    assert_eq!(q("SELECT count(*) FROM payment_lines"), 24);
    assert_eq!(
        q("SELECT count(DISTINCT entitlement_id) FROM payment_lines"),
        24
    );
    assert_eq!(q("SELECT count(*) FROM entitlements"), 24);
    assert_eq!(
        q("SELECT max(receipt_seq) - min(receipt_seq) + 1 FROM payments"),
        12,
        "no gap"
    );
    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{:?}", v.findings);
}
