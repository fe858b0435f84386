//! Import speed and memory.
//!
//! 1. A 100,000-row CSV imported with full validation, side by side with
//!    the `sqlite3` command line's `.import` of the same file into a bare
//!    table (target: at most 1.5×). Seven pairs, each chitra import beside a
//!    sqlite3 import; the median ratio of the pairs is reported, with the
//!    processor time each side used.
//! 2. A 1,000,000-row CSV imported by the `chitra` binary; its peak memory
//!    (maximum resident set size) is read from the kernel (target: at most
//!    100 MB).
//!
//! Run: `cargo bench --bench import` (add `-- --100k-only` to skip the
//! million-row import, or `-- --1m-only` to run only it).
#![allow(
    unsafe_code,
    reason = "the children's peak memory is read through libc"
)]

mod common;

use std::process::Command;
use std::time::Duration;

use chitra::service::import::{ImportOptions, ListKind};
use common::*;

/// Processor time (user and system) used so far by this process, or by
/// its waited-for children.
fn cpu(who: i32) -> Duration {
    // SAFETY: rusage is plain integers, for which all zeroes is a value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct we own.
    unsafe { libc::getrusage(who, &mut usage) };
    let t = |v: libc::timeval| Duration::new(v.tv_sec as u64, v.tv_usec as u32 * 1000);
    t(usage.ru_utime) + t(usage.ru_stime)
}

/// Imports the `n`-row list into a new office (every person new), then the
/// next month's list of the same people (every person known); returns the
/// time of each, and the processor time of the first (both threads).
fn chitra_import(n: usize) -> (Duration, Duration, Duration) {
    chitra_import_lists(n, true)
}

/// The first of [`chitra_import`]'s two imports alone.
fn chitra_import_first(n: usize) -> (Duration, Duration, Duration) {
    chitra_import_lists(n, false)
}

fn chitra_import_lists(n: usize, both: bool) -> (Duration, Duration, Duration) {
    let dir = data_dir().join("import-run");
    let (_config, mut svc) = fresh_office(&dir);
    let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let mut run = |list: &std::path::Path, period: &str| {
        let opts = ImportOptions {
            kind: ListKind::Monthly,
            period: Some(period.parse().unwrap()),
            dry_run: false,
        };
        let (report, took) = time(|| svc.import(&boss, list, &opts, &mut |_| {}).unwrap());
        assert!(
            report.committed && report.rows == n,
            "{:?}",
            report.rejected.first()
        );
        took
    };
    let before = cpu(libc::RUSAGE_SELF);
    let first = run(&bulk_csv(n), "2026-11");
    let first_cpu = cpu(libc::RUSAGE_SELF) - before;
    let next = if both {
        run(&bulk_csv_next_month(n), "2026-12")
    } else {
        Duration::ZERO
    };
    (first, next, first_cpu)
}

/// The time of a `sqlite3` import of the `n`-row list, and its processor time.
fn sqlite3_import(n: usize) -> Option<(Duration, Duration)> {
    let list = bulk_csv(n);
    let before = cpu(libc::RUSAGE_CHILDREN);
    let db = data_dir().join("bare.db");
    let _ = std::fs::remove_file(&db);
    let (out, took) = time(|| {
        Command::new("sqlite3")
            .arg(&db)
            .args([
                ".mode csv",
                ".separator ;",
                &format!(".import {} t", list.display()),
            ])
            .output()
    });
    let out = out.ok()?;
    let used = cpu(libc::RUSAGE_CHILDREN) - before;
    out.status.success().then_some((took, used))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn peak_memory_of_binary_import(n: usize) -> Option<(Duration, u64)> {
    let list = bulk_csv(n);
    let dir = data_dir().join("import-1m");
    let (config, svc) = fresh_office(&dir);
    drop(svc);
    let exe = env!("CARGO_BIN_EXE_chitra");
    let (out, took) = time(|| {
        Command::new(exe)
            .arg("--config")
            .arg(&config.source)
            .args([
                "import",
                list.to_str().unwrap(),
                "--period",
                "2026-11",
                "--json",
            ])
            .env("CHITRA_USER", SUPERVISOR.0)
            .env("CHITRA_PIN", SUPERVISOR.1)
            .env_remove("CHITRA_DB")
            .output()
            .ok()
    });
    let out = out?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The largest resident set of any waited-for child, in KiB on Linux.
    // SAFETY: rusage is a plain C struct; all zeroes is valid.
    // SAFETY: rusage is plain integers, for which all zeroes is a value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    Some((took, usage.ru_maxrss as u64 * 1024))
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let n = 100_000;
    // `--ours-only N`: only chitra's first import, N times, nothing beside
    // it (for a profiler).
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--ours-only") {
        let times: usize = args.get(at + 1).and_then(|t| t.parse().ok()).unwrap_or(5);
        for _ in 0..times {
            let (first, _, used) = chitra_import_first(n);
            println!("  chitra import: {}, processor {}", ms(first), ms(used));
        }
        return;
    }
    // The million-row import comes first: a child started while this
    // process is large (after the 100,000-row imports, run in it) shares
    // its memory until it runs the binary, and the kernel counts that in
    // the child's peak: 102 MB reported after them, 78 MB alone.
    if !args.iter().any(|a| a == "--100k-only") {
        million();
    }
    if !args.iter().any(|a| a == "--1m-only") {
        hundred_thousand(n);
    }
}

/// The 1,000,000-row import by the binary, and its peak memory.
fn million() {
    let big = 1_000_000;
    println!("import of {big} rows by the chitra binary");
    match peak_memory_of_binary_import(big) {
        Some((took, peak)) => {
            println!("  time: {}", ms(took));
            println!(
                "  peak resident memory: {:.1} MB (target ≤ 100 MB)",
                peak as f64 / 1e6
            );
        }
        None => println!("  could not run the binary"),
    }
}

/// The 100,000-row imports, each beside a `sqlite3` import of the same file.
fn hundred_thousand(n: usize) {
    println!("import of {n} rows (csv, ';', UTF-8 BOM, full validation)");
    // Side by side: each chitra import is followed at once by a sqlite3
    // import of the same file, and each pair gives a ratio, so a change in
    // the shared machine's speed during the run weighs on both sides alike.
    let mut ours = Vec::new();
    let mut next = Vec::new();
    let mut bare = Vec::new();
    let mut ratios = Vec::new();
    let (mut ours_cpu, mut bare_cpu) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        let (first, following, used) = chitra_import(n);
        ours.push(first);
        next.push(following);
        ours_cpu.push(used);
        if let Some((b, b_used)) = sqlite3_import(n) {
            ratios.push(first.as_secs_f64() / b.as_secs_f64());
            bare.push(b);
            bare_cpu.push(b_used);
        }
    }
    println!(
        "  chitra import (service, one transaction): {}",
        ms(median(ours))
    );
    println!(
        "  the next month's list, every person on file: {}",
        ms(median(next))
    );
    if bare.is_empty() {
        println!("  sqlite3 not found: install it (apt-get install sqlite3) for the comparison");
    } else {
        println!(
            "  sqlite3 .import into a bare table:        {}",
            ms(median(bare))
        );
        ratios.sort_by(f64::total_cmp);
        println!(
            "  ratio, each import beside its sqlite3 run: median {:.2}×, from {:.2}× to {:.2}× (target ≤ 1.5×)",
            ratios[ratios.len() / 2],
            ratios[0],
            ratios[ratios.len() - 1]
        );
        // Processor time, not elapsed: what each side costs the machine
        // (the import's two threads added up).
        println!(
            "  processor time, medians: chitra {} (both threads), sqlite3 {}",
            ms(median(ours_cpu)),
            ms(median(bare_cpu))
        );
    }
}
