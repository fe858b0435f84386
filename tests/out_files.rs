//! Files written where a person asks (`--out`): never over the office's own
//! files (the database, its audit key and head anchor, the configuration,
//! the backup and spool folders), however the path is spelled; a symbolic
//! link at the target replaced, never followed; a bank export refused
//! leaves what was at `--out` as it was; a report written is a new 0600
//! file put in place of the old one.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chitra::domain::payment::PayMethod;
use chitra::files::out::{OfficeFile, OutError};
use chitra::service::register::RegisterRequest;
use common::*;

const AN: &str = "046048001234";

fn chitra(office: &Office, args: &[&str]) -> std::process::Output {
    common::chitra(office, SUPERVISOR, args)
}

/// [`chitra`] started in the folder `cwd`, for relative paths.
fn chitra_in(office: &Office, cwd: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chitra"))
        .current_dir(cwd)
        .arg("--config")
        .arg(office.dir.path().join("chitra.toml"))
        .args(args)
        .env("CHITRA_USER", SUPERVISOR.0)
        .env("CHITRA_PIN", SUPERVISOR.1)
        .env_remove("CHITRA_DB")
        .env_remove("CHITRA_CONFIG")
        .output()
        .unwrap()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The office's own files, as they are now: every file of its folder
/// (database, key, head anchor, configuration) with its bytes.
fn office_files(office: &Office) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(office.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| std::fs::symlink_metadata(p).unwrap().is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

fn key(office: &Office) -> PathBuf {
    chitra::store::key::default_path(&office.db)
}

fn head(office: &Office) -> PathBuf {
    chitra::store::anchor::path_for(&office.db)
}

fn assert_verify_ok(office: &Office) {
    let out = chitra(office, &["verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Toàn vẹn"));
}

fn report_day(format: &str, out: &str) -> Vec<String> {
    [
        "report",
        "day",
        "--date",
        "2026-11-10",
        "--format",
        format,
        "--out",
        out,
    ]
    .map(String::from)
    .to_vec()
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn a_report_aimed_at_the_offices_own_files_is_refused_and_changes_nothing() {
    let office = Office::new();
    let dir = office.dir.path();
    assert!(head(&office).exists() && key(&office).exists());
    let sub = dir.join("bao-cao");
    std::fs::create_dir(&sub).unwrap();
    let link = sub.join("ngay.csv");
    std::os::unix::fs::symlink(&office.db, &link).unwrap();
    let dotted = sub.join("../chitra.db");
    let before = office_files(&office);
    for (target, what) in [
        (office.db.clone(), "cơ sở dữ liệu"),
        (key(&office), "khóa nhật ký"),
        (head(&office), "mốc đầu chuỗi"),
        (dir.join("chitra.toml"), "tệp cấu hình"),
        (link.clone(), "cơ sở dữ liệu"),
        (dotted, "cơ sở dữ liệu"),
    ] {
        for format in ["csv", "xlsx"] {
            let run = chitra(
                &office,
                &args(&report_day(format, target.to_str().unwrap())),
            );
            let err = stderr(&run);
            assert_eq!(run.status.code(), Some(2), "{target:?} {format}: {err}");
            assert!(
                err.contains(&format!("Không ghi đè tệp của chitra ({what} ")),
                "{target:?} {format}: {err}"
            );
            assert!(err.contains("chọn tên tệp khác"), "{err}");
            assert_eq!(office_files(&office), before, "{target:?} {format}");
        }
    }
    // Spelled from another folder, relative.
    let run = chitra_in(&office, &sub, &args(&report_day("csv", "../chitra.db.key")));
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("khóa nhật ký"), "{}", stderr(&run));
    assert_eq!(office_files(&office), before);
    // The link is still the link, and nothing was left behind.
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(std::fs::read_dir(&sub).unwrap().count(), 1);
    assert_verify_ok(&office);
}

#[test]
fn a_link_at_out_is_replaced_and_the_file_it_pointed_at_left_alone() {
    let office = Office::new();
    let victim = office.dir.path().join("cua-nguoi-khac.txt");
    std::fs::write(&victim, "không phải của chitra").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    let link = office.dir.path().join("ngay.csv");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let run = chitra(&office, &args(&report_day("csv", link.to_str().unwrap())));
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "không phải của chitra"
    );
    assert_eq!(
        std::fs::metadata(&victim).unwrap().permissions().mode() & 0o777,
        0o644
    );
    let written = std::fs::symlink_metadata(&link).unwrap();
    assert!(written.is_file(), "the link itself is replaced");
    assert_eq!(written.permissions().mode() & 0o777, 0o600);
    assert!(!std::fs::read(&link).unwrap().is_empty());
}

#[test]
fn a_report_is_a_new_private_file_put_in_place_of_the_old_one() {
    let office = Office::new();
    let dir = office.dir.path().join("bao-cao");
    std::fs::create_dir(&dir).unwrap();
    for (format, name) in [("csv", "ngay.csv"), ("xlsx", "ngay.xlsx")] {
        // An older file at the place, readable by others, with a second
        // name elsewhere: the second name keeps the old bytes.
        let path = dir.join(name);
        std::fs::write(&path, "bản cũ").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let other = office.dir.path().join(format!("ban-cu-{name}"));
        std::fs::hard_link(&path, &other).unwrap();
        let run = chitra(&office, &args(&report_day(format, path.to_str().unwrap())));
        assert!(run.status.success(), "{format}: {}", stderr(&run));
        assert_eq!(std::fs::read_to_string(&other).unwrap(), "bản cũ");
        let m = std::fs::metadata(&path).unwrap();
        assert_eq!(m.permissions().mode() & 0o777, 0o600, "{format}");
        let bytes = std::fs::read(&path).unwrap();
        if format == "csv" {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains("quy"), "{text}");
        } else {
            assert!(bytes.starts_with(b"PK"), "an xlsx (zip) file");
            use calamine::{Reader, Xlsx, open_workbook};
            let book: Xlsx<_> = open_workbook(&path).unwrap();
            assert_eq!(book.sheet_names().len(), 1);
        }
    }
    // Only the two reports: no temporary file left beside them.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["ngay.csv", "ngay.xlsx"]);
}

/// A folder at `--out` is refused in plain words before anything is
/// written, the sign-in's audit row included.
#[test]
fn a_folder_at_out_is_refused_plainly_and_writes_nothing() {
    let office = Office::new();
    let dir = office.dir.path().join("bao-cao");
    std::fs::create_dir(&dir).unwrap();
    let before = office_files(&office);
    for format in ["csv", "xlsx"] {
        let run = chitra(&office, &args(&report_day(format, dir.to_str().unwrap())));
        assert_eq!(run.status.code(), Some(2));
        assert!(
            stderr(&run).contains("đây là một thư mục, cần tên tệp"),
            "{}",
            stderr(&run)
        );
        assert!(dir.is_dir());
        assert_eq!(office_files(&office), before, "{format}");
    }
}

/// November's list, with An registered for transfers to her bank account.
fn office_with_an_at_the_bank() -> Office {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let person = svc.search(AN, 1).unwrap().hits[0].person.id;
    let req = RegisterRequest {
        method: Some(PayMethod::Bank),
        account_no: Some("0071000123456".into()),
        account_bank: Some("Vietcombank".into()),
        ..RegisterRequest::default()
    };
    svc.register(&hoa, person, &req).unwrap();
    office
}

fn bank_export(out: &Path) -> Vec<String> {
    [
        "bank",
        "export",
        "--period",
        "2026-11",
        "--out",
        out.to_str().unwrap(),
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn a_bank_export_aimed_at_the_offices_files_is_refused_and_makes_no_batch() {
    let office = office_with_an_at_the_bank();
    let before = office_files(&office);
    for target in [office.db.clone(), key(&office), head(&office)] {
        let run = chitra(&office, &args(&bank_export(&target)));
        assert_eq!(run.status.code(), Some(2), "{target:?}: {}", stderr(&run));
        assert!(
            stderr(&run).contains("Không ghi đè tệp của chitra"),
            "{}",
            stderr(&run)
        );
        assert_eq!(office_files(&office), before, "{target:?}");
    }
    assert_verify_ok(&office);
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    assert!(svc.bank_batch_of(&boss, 1).unwrap().is_none());
}

#[test]
fn a_bank_export_refused_leaves_the_file_at_out_as_it_was() {
    let office = office_with_an_at_the_bank();
    let out = office.dir.path().join("lo-12.csv");
    let first = chitra(&office, &args(&bank_export(&out)));
    assert!(first.status.success(), "{}", stderr(&first));
    let batch = std::fs::read(&out).unwrap();
    assert!(String::from_utf8_lossy(&batch).contains("CK0001-0001"));
    // The same batch exported twice: refused, the first file kept.
    let again = chitra(&office, &args(&bank_export(&out)));
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("lô số 1"), "{}", stderr(&again));
    assert_eq!(std::fs::read(&out).unwrap(), batch);
    // A file chitra did not make, at a new --out: kept as well.
    let theirs = office.dir.path().join("cua-toi.xlsx");
    std::fs::write(&theirs, "của tôi").unwrap();
    let again = chitra(&office, &args(&bank_export(&theirs)));
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "của tôi");
    let names: Vec<String> = std::fs::read_dir(office.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn the_service_refuses_the_backup_and_spool_folders_by_kind() {
    let office = Office::new();
    let svc = office.service();
    let backup = office.config.backup.dir.clone();
    let spool = office.config.receipt.spool_dir.clone();
    for d in [&backup, &spool] {
        std::fs::create_dir_all(d).unwrap();
    }
    let wal = PathBuf::from(format!("{}-wal", office.db.display()));
    for (target, kind) in [
        (backup.join("chitra-2026-11-10.db"), OfficeFile::Backups),
        (
            spool.join("lo-chuyen-khoan-2026-11.xlsx"),
            OfficeFile::Spool,
        ),
        (office.db.clone(), OfficeFile::Database),
        (wal, OfficeFile::Database),
    ] {
        match svc.out_file(&target) {
            Err(e @ OutError::Office { what, .. }) => {
                assert_eq!(what, kind, "{target:?}");
                use chitra::i18n::Localize;
                assert!(e.vi().starts_with("Không ghi"), "{}", e.vi());
                assert!(e.en().contains("chitra's"), "{}", e.en());
            }
            other => panic!("{target:?}: {other:?}"),
        }
    }
    assert_eq!(std::fs::read_dir(&backup).unwrap().count(), 0);
    assert_eq!(std::fs::read_dir(&spool).unwrap().count(), 0);
}
