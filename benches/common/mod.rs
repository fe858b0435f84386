//! Shared by the benchmarks: an office in a folder under target/, big lists
//! written once and kept, timing helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chitra::config::Config;
use chitra::service::Service;
use chitra::service::import::{ImportOptions, ListKind};

pub const SUPERVISOR: (&str, &str) = ("truong", "3917");

/// target/bench-data, kept between runs.
pub fn data_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A CSV list of `n` people (written once per `n`).
pub fn bulk_csv(n: usize) -> PathBuf {
    let path = data_dir().join(format!("list-{n}.csv"));
    if !path.exists() {
        let tmp = path.with_extension("tmp");
        chitra::demo::write_bulk_csv(&tmp, n, 7).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
    }
    path
}

/// The `n`-person list again for the next month (2026-12): the same
/// people, so every one of them is already on file when it is imported
/// after the first.
pub fn bulk_csv_next_month(n: usize) -> PathBuf {
    let path = data_dir().join(format!("list-{n}-next.csv"));
    if !path.exists() {
        let text = std::fs::read_to_string(bulk_csv(n)).unwrap();
        let next = text
            .replace(";11/2026\r\n", ";12/2026\r\n")
            .replace(";11/2026\n", ";12/2026\n");
        assert_ne!(text, next, "the list names its month in every row");
        std::fs::write(&path, next).unwrap();
    }
    path
}

/// The shipped configuration pointed at `dir` (payment every day).
pub fn config_in(dir: &Path) -> Arc<Config> {
    let text = include_str!("../../config/chitra.toml")
        .replace("path = \"../data/chitra.db\"", "path = \"chitra.db\"")
        .replace("spool_dir = \"../data/spool\"", "spool_dir = \"spool\"")
        .replace("dir = \"../data/backup\"", "dir = \"backup\"")
        .replace("window_first_day = 2", "window_first_day = 1")
        .replace("window_last_day = 25", "window_last_day = 31");
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("chitra.toml");
    std::fs::write(&path, text).unwrap();
    Arc::new(Config::load(&path).unwrap())
}

/// A fresh, empty office in `dir` (the old one removed).
pub fn fresh_office(dir: &Path) -> (Arc<Config>, Service) {
    let _ = std::fs::remove_dir_all(dir);
    let config = config_in(dir);
    let db = config.database.path.clone();
    let svc = Service::init(
        config.clone(),
        &db,
        SUPERVISOR.0,
        "Trần Văn Minh",
        SUPERVISOR.1,
    )
    .unwrap();
    (config, svc)
}

/// An office whose database holds the `n`-person list for 2026-11 (built
/// once per `n` and kept).
pub fn office_with(n: usize) -> (Arc<Config>, PathBuf) {
    let dir = data_dir().join(format!("office-{n}"));
    // "ready-2": offices built before guessable PINs were refused have a
    // supervisor PIN the benches no longer use.
    let ready = dir.join("ready-2");
    if !ready.exists() {
        let list = bulk_csv(n);
        let (config, mut svc) = fresh_office(&dir);
        let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
        let opts = ImportOptions {
            kind: ListKind::Monthly,
            period: Some("2026-11".parse().unwrap()),
            dry_run: false,
        };
        eprintln!("building an office of {n} people (once)…");
        let report = svc.import(&boss, &list, &opts, &mut |_| {}).unwrap();
        assert!(report.committed, "{:?}", report.rejected.first());
        std::fs::write(&ready, "").unwrap();
        drop(config);
    }
    let config = config_in(&dir);
    let db = config.database.path.clone();
    (config, db)
}

/// Median, 90th percentile and maximum of some durations.
pub fn summary(mut d: Vec<Duration>) -> (Duration, Duration, Duration) {
    d.sort();
    let at = |q: f64| d[((d.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.9), *d.last().unwrap())
}

pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

pub fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}
