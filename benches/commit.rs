//! One payment's commit, in process: `Service::pay` for a clerk already
//! signed in, beside a bare rusqlite insert and commit on the same database
//! file with the same pragmas (WAL, `synchronous = FULL`) and so the same
//! page size. Interleaved pairs, alternating which goes first; the median
//! of the pairs' ratios and their range (target: ≤ 1.5×). The PIN check
//! (Argon2, deliberate for a command) is timed apart.
//!
//! The office (10,000 people, list of 11/2026, a fixed clock inside the
//! payment window) is built afresh under target/bench-data each run. Run:
//! `cargo bench --bench commit`.

mod common;

use std::sync::Arc;

use chitra::domain::Money;
use chitra::domain::PayMethod;
use chitra::domain::report::MoveKind;
use chitra::service::FixedClock;
use chitra::service::import::{ImportOptions, ListKind};
use chitra::service::pay::{PayRequest, Receiver};
use common::*;

const PEOPLE: usize = 10_000;
const PAIRS: usize = 101;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let dir = data_dir().join("commit-office");
    let (_config, svc) = fresh_office(&dir);
    let clock = FixedClock::at("2026-11-10T09:00:00+07:00");
    let mut svc = svc.with_clock(Arc::new(clock));
    let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let opts = ImportOptions {
        kind: ListKind::Monthly,
        period: Some("2026-11".parse().unwrap()),
        dry_run: false,
    };
    let report = svc
        .import(&boss, &bulk_csv(PEOPLE), &opts, &mut |_| {})
        .unwrap();
    assert!(report.committed, "{:?}", report.rejected.first());
    svc.drawer_move(
        &boss,
        SUPERVISOR.0,
        SUPERVISOR.1,
        MoveKind::Float,
        Money::from_dong(100_000_000_000),
        "",
    )
    .unwrap();

    // The PIN check, apart.
    let mut pin = Vec::new();
    for _ in 0..5 {
        let (_, took) = time(|| svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap());
        pin.push(took);
    }
    let session = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();

    // The reference: its own connection to the same file, same pragmas.
    let path = svc.store().path().to_path_buf();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         CREATE TABLE IF NOT EXISTS bench_reference (
             id INTEGER PRIMARY KEY, person INTEGER, amount INTEGER, at TEXT, note TEXT);",
    )
    .unwrap();
    let page_size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    let mut n = 0i64;
    let mut bare = || {
        n += 1;
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        conn.execute(
            "INSERT INTO bench_reference (person, amount, at, note) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![n, 2_789_000, "2026-11-10T09:00:00+07:00", "reference row"],
        )
        .unwrap();
        conn.execute_batch("COMMIT").unwrap();
    };

    let ids: Vec<i64> = {
        let found = svc.search("nguyen", 500).unwrap();
        found
            .hits
            .iter()
            .filter(|h| h.unpaid_total > Money::ZERO && h.person.id_number.is_some())
            .map(|h| h.person.id)
            .collect()
    };
    assert!(ids.len() >= PAIRS, "{} people to pay", ids.len());
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    let mut ratios = Vec::new();
    for (i, &person_id) in ids.iter().take(PAIRS).enumerate() {
        let view = svc.person_view(person_id).unwrap();
        let req = PayRequest {
            person_id,
            receiver: Receiver::Person,
            receiver_id_number: view.person.id_number.clone().unwrap_or_default(),
            method: PayMethod::Cash,
            account: None,
            reference: None,
            idem_key: svc.new_idem_key(),
            lines: view.unpaid.iter().map(|l| l.entitlement_id).collect(),
            approval: None,
        };
        let mut pay = || {
            let (paid, took) = time(|| svc.pay(&session, &req));
            let paid = paid.unwrap();
            assert!(!paid.replayed);
            took
        };
        let (a, b) = if i % 2 == 0 {
            let a = pay();
            let (_, b) = time(&mut bare);
            (a, b)
        } else {
            let (_, b) = time(&mut bare);
            let a = pay();
            (a, b)
        };
        ours.push(a);
        theirs.push(b);
        ratios.push(a.as_secs_f64() / b.as_secs_f64());
    }
    ratios.sort_by(f64::total_cmp);
    let at = |q: f64| ratios[((ratios.len() - 1) as f64 * q).round() as usize];
    let (pm, p90, pmax) = summary(ours);
    let (bm, b90, bmax) = summary(theirs);
    let (pin_med, _, pin_max) = summary(pin);
    println!(
        "one payment's commit, {PAIRS} interleaved pairs ({PEOPLE} people on file, {page_size}-byte pages):"
    );
    println!(
        "  Service::pay, signed in:        median {}, p90 {}, max {}",
        ms(pm),
        ms(p90),
        ms(pmax)
    );
    println!(
        "  bare insert + commit (same pragmas, same file): median {}, p90 {}, max {}",
        ms(bm),
        ms(b90),
        ms(bmax)
    );
    println!(
        "  ratio of each pair: median {:.2}×, from {:.2}× to {:.2}× (p10 {:.2}×, p90 {:.2}×) (target ≤ 1.5×)",
        at(0.5),
        ratios[0],
        ratios[ratios.len() - 1],
        at(0.1),
        at(0.9)
    );
    println!(
        "  the PIN check apart (sign-in, Argon2 and its audited commit): median {}, max {}",
        ms(pin_med),
        ms(pin_max)
    );
}
