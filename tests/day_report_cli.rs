//! `chitra report day --format text|csv|xlsx` gives the day's one
//! document, byte for byte the one the close screen and the printout draw
//! from the same report.

mod common;

use std::process::{Command, Output};

use chitra::document::day;
use common::*;

fn chitra(office: &Office, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chitra"))
        .arg("--config")
        .arg(office.dir.path().join("chitra.toml"))
        .args(args)
        .env_remove("CHITRA_DB")
        .env_remove("CHITRA_CONFIG")
        .output()
        .unwrap()
}

#[test]
fn every_format_of_the_command_is_the_days_one_document() {
    // Every drawer has its opening float (tests/common).
    let office = Office::new();
    let svc = office.service();
    let report = svc.day_report("2026-11-10").unwrap();
    let doc = day::build(&office.config.office, &report);

    let args = ["report", "day", "--date", "2026-11-10", "--format"];
    let text = chitra(&office, &[&args[..], &["text"]].concat());
    assert!(
        text.status.success(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    assert_eq!(
        String::from_utf8(text.stdout).unwrap(),
        chitra::print::document::render_text(&doc)
    );
    // Three drawers not counted: none shows what it should hold.
    assert_eq!(doc.table("quy").unwrap().rows.len(), 3);

    let csv = chitra(&office, &[&args[..], &["csv"]].concat());
    assert!(csv.status.success());
    let mut expected = Vec::new();
    chitra::export::write_csv(&doc, &mut expected).unwrap();
    assert_eq!(csv.stdout, expected);

    let path = office.dir.path().join("ngay.xlsx");
    let out = path.to_str().unwrap();
    let xlsx = chitra(&office, &[&args[..], &["xlsx", "--out", out]].concat());
    assert!(
        xlsx.status.success(),
        "{}",
        String::from_utf8_lossy(&xlsx.stderr)
    );
    let mine = office.dir.path().join("mine.xlsx");
    chitra::export::write_xlsx(&doc, &mine).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(&mine).unwrap());
}
