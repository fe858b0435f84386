//! Files and settings made to hurt the import: a device or a pipe given as
//! the list, a file name holding terminal escapes, a wrong setting — each
//! refused at once, in words, with nothing of the terminal's or the
//! system's own language leaking through.

mod common;

use std::path::{Path, PathBuf};

use chitra::import::source::SourceError;
use chitra::service::Error;
use chitra::service::import::{ImportError, ImportOptions, ImportReport, ListKind};
use common::*;

fn import_path(office: &Office, path: &Path) -> Result<ImportReport, Error> {
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = ImportOptions {
        kind: ListKind::Monthly,
        period: Some("2026-11".parse().unwrap()),
        dry_run: true,
    };
    svc.import(&boss, path, &opts, &mut |_| {})
}

/// The import of `path` on a thread of its own, given a minute: a device
/// read without end or a pipe that waits for a writer never answers.
fn import_in_time(office: &Office, path: PathBuf) -> Result<ImportReport, Error> {
    let (tx, rx) = std::sync::mpsc::channel();
    let config = office.config.clone();
    let db = office.db.clone();
    std::thread::spawn(move || {
        let mut svc = chitra::service::Service::open(config, &db).unwrap();
        let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
        let opts = ImportOptions {
            kind: ListKind::Monthly,
            period: Some("2026-11".parse().unwrap()),
            dry_run: true,
        };
        let _ = tx.send(svc.import(&boss, &path, &opts, &mut |_| {}));
    });
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("the import never answered"))
}

fn source_error(result: Result<ImportReport, Error>) -> SourceError {
    match result {
        Err(Error::Import(e)) => match *e {
            ImportError::Source(s) => s,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_device_or_a_pipe_given_as_the_list_is_refused_before_it_is_read() {
    let office = Office::new();
    let zero = import_in_time(&office, PathBuf::from("/dev/zero"));
    assert!(
        matches!(source_error(zero), SourceError::NotAFile { .. }),
        "/dev/zero"
    );
    let fifo = office.dir.path().join("list.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let piped = import_in_time(&office, fifo);
    assert!(matches!(source_error(piped), SourceError::NotAFile { .. }));
}

#[test]
fn a_missing_file_is_said_in_vietnamese_not_in_the_systems_english() {
    let office = Office::new();
    let missing = office.dir.path().join("khong-co.csv");
    let e = source_error(import_path(&office, &missing));
    assert!(matches!(e, SourceError::Io { row: None, .. }), "{e:?}");
    let out = chitra(
        &office,
        SUPERVISOR,
        &["import", missing.to_str().unwrap(), "--dry-run"],
    );
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("không có tệp hay thư mục này"), "{said}");
    assert!(
        !said.contains("os error") && !said.contains("No such file"),
        "{said}"
    );
}

#[test]
fn a_file_name_holding_terminal_escapes_is_shown_harmless() {
    let office = Office::new();
    let name = "ds\u{1b}]0;pwned\u{7}\u{1b}[2J\nthang11.csv";
    let path = office.write_file(name, b"%PDF-1.4\n\x00\x01\x02\x03");
    let e = source_error(import_path(&office, &path));
    assert!(matches!(e, SourceError::NotASpreadsheet { .. }), "{e:?}");
    let out = chitra(
        &office,
        SUPERVISOR,
        &["import", path.to_str().unwrap(), "--dry-run"],
    );
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("thang11.csv"), "{said}");
    assert!(
        !said.contains(['\u{1b}', '\u{7}']) && said.contains("ds\u{FFFD}]0;pwned"),
        "{said:?}"
    );
}

#[test]
fn a_wrong_header_setting_is_said_in_words() {
    let office = Office::new();
    let config = office.dir.path().join("chitra.toml");
    let text = std::fs::read_to_string(&config).unwrap().replace(
        "# record_code = [\"Mã đối tượng\", \"Mã hồ sơ\", \"Số hồ sơ\"]",
        "record_code = [\"Họ tên\"]",
    );
    std::fs::write(&config, text).unwrap();
    let path = office.write_file("t11.csv", csv("2026-11", &three()).as_bytes());
    let out = chitra(
        &office,
        SUPERVISOR,
        &["import", path.to_str().unwrap(), "--dry-run"],
    );
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("[import.headers]") && said.contains("\"ho ten\""),
        "{said}"
    );
    assert!(!said.contains("SameText") && !said.contains('{'), "{said}");
}
