//! `chitra doctor` on an office laid out as on a server: all well, then
//! each problem made for real in a temporary folder and found, named and
//! explained, with exit 1.
#![allow(unsafe_code, reason = "the account's uid is read through libc")]

use crate::deploy_office;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chitra::config::Config;
use chitra::service::doctor::{Finding, Report, examine};
use chitra::service::{Clock, FixedClock, Service, SystemClock};
use deploy_office::*;

const GOOD_SSHD: &str = "PasswordAuthentication no\n\
Match User chitra\n\
    ForceCommand /usr/local/bin/chitra gate\n\
    DisableForwarding yes\n\
    PermitTunnel no\n";

/// A database with its key file, one backup, and an sshd configuration
/// forcing chitra; nothing wrong.
fn good_office() -> ServerOffice {
    let office = ServerOffice::new("");
    let sshd = office.root.path().join("etc/sshd_config");
    std::fs::write(&sshd, GOOD_SSHD).unwrap();
    edit_config(
        &office,
        "sshd_config = \"/etc/ssh/sshd_config\"",
        &format!("sshd_config = \"{}\"", sshd.display()),
    );
    office.ok(
        SUPERVISOR,
        &[
            "init",
            "--supervisor",
            SUPERVISOR.0,
            "--full-name",
            "Trần Văn Minh",
        ],
        &[("CHITRA_NEW_PIN", SUPERVISOR.1)],
    );
    assert!(key_file(&office).is_file(), "init made the audit key");
    office.ok(
        SUPERVISOR,
        &["backup", backup(&office).to_str().unwrap()],
        &[],
    );
    office
}

fn edit_config(office: &ServerOffice, from: &str, to: &str) {
    let text = std::fs::read_to_string(office.config()).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(office.config(), text.replace(from, to)).unwrap();
}

fn key_file(office: &ServerOffice) -> PathBuf {
    office.data().join("chitra.db.key")
}

fn backup(office: &ServerOffice) -> PathBuf {
    office.data().join("backup/chitra-2026-12-01.db")
}

fn chmod(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn config(office: &ServerOffice) -> Config {
    Config::load(&office.config()).unwrap()
}

fn doctor(office: &ServerOffice) -> Report {
    let c = config(office);
    examine(&c, &office.db(), SystemClock::for_office(&c).now())
}

/// The one finding of a report that should have exactly one.
fn only(r: &Report) -> &Finding {
    assert_eq!(r.findings.len(), 1, "{:#?}", r.findings);
    &r.findings[0]
}

#[test]
fn a_well_set_up_office_needs_nothing_and_exits_0() {
    let office = good_office();
    let r = doctor(&office);
    assert!(r.ok(), "{:#?}", r.findings);
    assert!(r.sshd_unread.is_none());
    let out = office.run(SUPERVISOR, &["doctor", "--json"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["time_zone"], "Asia/Ho_Chi_Minh");
    assert!(v["now"].as_str().unwrap().ends_with("+07:00"), "{v}");
}

#[test]
fn a_database_others_can_read_is_named_with_the_fix_and_exit_1() {
    let office = good_office();
    chmod(&office.db(), 0o644);
    assert_eq!(
        only(&doctor(&office)),
        &Finding::FileMode {
            path: office.db(),
            mode: 0o644
        }
    );
    let out = office.run(SUPERVISOR, &["doctor"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("có quyền 0644"), "{text}");
    assert!(
        text.contains(&format!("chmod 600 '{}'", office.db().display())),
        "{text}"
    );
    let v: serde_json::Value =
        serde_json::from_slice(&office.run(SUPERVISOR, &["doctor", "--json"], &[]).stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["findings"][0]["code"], "file_mode");
    assert_eq!(v["findings"][0]["topic"], "files");
}

#[test]
fn a_data_folder_others_can_enter_is_named() {
    let office = good_office();
    chmod(&office.data(), 0o755);
    assert_eq!(
        only(&doctor(&office)),
        &Finding::FolderMode {
            path: office.data(),
            mode: 0o755
        }
    );
}

#[test]
fn a_key_file_others_can_read_is_named() {
    let office = good_office();
    chmod(&key_file(&office), 0o640);
    assert_eq!(
        only(&doctor(&office)),
        &Finding::FileMode {
            path: key_file(&office),
            mode: 0o640
        }
    );
}

#[test]
fn a_missing_key_file_is_named() {
    let office = good_office();
    std::fs::remove_file(key_file(&office)).unwrap();
    assert_eq!(
        only(&doctor(&office)),
        &Finding::KeyMissing {
            path: key_file(&office)
        }
    );
}

#[test]
fn a_file_of_another_account_is_named() {
    // SAFETY: geteuid takes nothing and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: only root can give a file to another account");
        return;
    }
    let office = good_office();
    let receipt = office.data().join("la.txt");
    std::fs::write(&receipt, "x").unwrap();
    chmod(&receipt, 0o600);
    std::os::unix::fs::chown(&receipt, Some(65534), Some(65534)).unwrap();
    assert_eq!(
        only(&doctor(&office)),
        &Finding::NotOwner {
            path: receipt,
            uid: 65534,
            ours: 0
        }
    );
}

#[test]
fn many_loose_files_are_named_up_to_a_limit_and_the_rest_counted() {
    let office = good_office();
    let spool = office.data().join("spool");
    std::fs::create_dir(&spool).unwrap();
    chmod(&spool, 0o700);
    for i in 0..25 {
        let p = spool.join(format!("HD-2026-{i:06}.txt"));
        std::fs::write(&p, "biên nhận").unwrap();
        chmod(&p, 0o644);
    }
    let r = doctor(&office);
    let named = r
        .findings
        .iter()
        .filter(|f| matches!(f, Finding::FileMode { .. }))
        .count();
    assert_eq!(named, chitra::service::doctor::NAMED_FILES);
    assert!(
        r.findings.contains(&Finding::MoreFiles { count: 5 }),
        "{:#?}",
        r.findings
    );
}

#[test]
fn a_clock_behind_the_last_audit_row_is_named() {
    let office = good_office();
    let c = std::sync::Arc::new(config(&office));
    let mut svc = Service::open(c, &office.db())
        .unwrap()
        .with_clock(std::sync::Arc::new(FixedClock::at(
            "2099-01-01T09:00:00+07:00",
        )));
    let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
    svc.add_user(
        &boss,
        "gdv9",
        "Phạm Văn Long",
        chitra::domain::user::Role::Clerk,
        "2468",
    )
    .unwrap();
    drop(svc);
    match only(&doctor(&office)) {
        Finding::ClockBehind { last, .. } => assert!(last.starts_with("2099-01-01"), "{last}"),
        other => panic!("{other:?}"),
    }
    let text =
        String::from_utf8_lossy(&office.run(SUPERVISOR, &["doctor"], &[]).stdout).into_owned();
    assert!(text.contains("01/01/2099 09:00:00 (+07:00)"), "{text}");
}

#[test]
fn a_missing_database_is_named() {
    let office = good_office();
    std::fs::remove_file(office.db()).unwrap();
    assert!(matches!(only(&doctor(&office)), Finding::Database { .. }));
}

#[test]
fn too_little_free_disk_is_named() {
    let office = good_office();
    edit_config(
        &office,
        "min_free_mib = 1024",
        "min_free_mib = 999999999999",
    );
    assert!(matches!(
        only(&doctor(&office)),
        Finding::DiskLow {
            min_mib: 999_999_999_999,
            ..
        }
    ));
}

#[test]
fn no_backup_is_named() {
    let office = good_office();
    std::fs::remove_file(backup(&office)).unwrap();
    assert_eq!(
        only(&doctor(&office)),
        &Finding::NoBackup {
            dir: office.data().join("backup")
        }
    );
}

#[test]
fn an_old_backup_is_named_with_its_age() {
    let office = good_office();
    let f = std::fs::File::options()
        .write(true)
        .open(backup(&office))
        .unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(72 * 3600 + 60))
        .unwrap();
    drop(f);
    assert_eq!(
        only(&doctor(&office)),
        &Finding::BackupOld {
            path: backup(&office),
            hours: 72,
            max_hours: 48
        }
    );
}

/// A newer file beside the good backup, with `bytes` in it.
fn newer_backup(office: &ServerOffice, bytes: &[u8]) -> PathBuf {
    let f = std::fs::File::options()
        .write(true)
        .open(backup(office))
        .unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    let p = office.data().join("backup/chitra-2026-12-02.db");
    std::fs::write(&p, bytes).unwrap();
    chmod(&p, 0o600);
    p
}

#[test]
fn an_empty_newest_backup_is_named() {
    let office = good_office();
    let p = newer_backup(&office, b"");
    assert_eq!(only(&doctor(&office)), &Finding::BackupEmpty { path: p });
}

#[test]
fn a_damaged_newest_backup_is_named() {
    let office = good_office();
    let mut bytes = std::fs::read(backup(&office)).unwrap();
    // Keep the header, overwrite the pages after it.
    for b in bytes.iter_mut().skip(100) {
        *b = 0xA5;
    }
    let p = newer_backup(&office, &bytes);
    match only(&doctor(&office)) {
        Finding::BackupBroken { path, .. } => assert_eq!(path, &p),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_journal_beside_the_newest_backup_is_named() {
    let office = good_office();
    let journal = office.data().join("backup/chitra-2026-12-01.db-journal");
    std::fs::write(&journal, b"half").unwrap();
    chmod(&journal, 0o600);
    assert_eq!(
        only(&doctor(&office)),
        &Finding::BackupJournal { path: journal }
    );
}

#[test]
fn an_sshd_without_chitras_forced_command_is_named() {
    let office = good_office();
    let sshd = office.root.path().join("etc/sshd_config");
    std::fs::write(
        &sshd,
        "PasswordAuthentication no\nMatch User chitra\n  DisableForwarding yes\n",
    )
    .unwrap();
    assert_eq!(
        only(&doctor(&office)),
        &Finding::SshdNoForcedCommand { path: sshd.clone() }
    );
    // A drop-in beside it (sshd_config.d/*.conf) counts.
    let dropin = office.root.path().join("etc/sshd_config.d");
    std::fs::create_dir(&dropin).unwrap();
    std::fs::write(
        dropin.join("chitra.conf"),
        "Match User chitra\n  ForceCommand /usr/local/bin/chitra gate\n",
    )
    .unwrap();
    assert_eq!(
        only(&doctor(&office)),
        &Finding::SshdForwarding {
            path: dropin.join("chitra.conf")
        }
    );
}

#[test]
fn an_sshd_config_this_account_cannot_read_is_skipped_not_failed() {
    let office = good_office();
    edit_config(
        &office,
        &format!(
            "sshd_config = \"{}\"",
            office.root.path().join("etc/sshd_config").display()
        ),
        "sshd_config = \"/nonexistent/sshd_config\"",
    );
    let r = doctor(&office);
    assert!(r.ok(), "{:#?}", r.findings);
    assert_eq!(
        r.sshd_unread,
        Some(PathBuf::from("/nonexistent/sshd_config"))
    );
}

#[test]
fn a_time_zone_that_is_not_a_zone_is_a_finding_in_vietnamese() {
    let office = good_office();
    edit_config(
        &office,
        "time_zone = \"Asia/Ho_Chi_Minh\"",
        "time_zone = \"Asia/Hanoi\"",
    );
    let out = office.run(SUPERVISOR, &["doctor"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Không dùng được tệp cấu hình"), "{text}");
    assert!(text.contains("office.time_zone"), "{text}");
}

#[test]
fn screens_that_never_lock_or_lock_late_are_named() {
    let office = good_office();
    edit_config(&office, "lock_after_minutes = 5", "lock_after_minutes = 0");
    assert_eq!(only(&doctor(&office)), &Finding::ScreenLockOff);
    let out = office.run(SUPERVISOR, &["doctor"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Màn hình không tự khóa"), "{said}");
    assert!(said.contains("lock_after_minutes = 5"), "{said}");

    edit_config(&office, "lock_after_minutes = 0", "lock_after_minutes = 60");
    assert_eq!(
        only(&doctor(&office)),
        &Finding::ScreenLockLong { minutes: 60 }
    );
    edit_config(
        &office,
        "lock_after_minutes = 60",
        "lock_after_minutes = 15",
    );
    let r = doctor(&office);
    assert!(r.ok(), "{:#?}", r.findings);
    let out = office.run(SUPERVISOR, &["doctor"], &[]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("sau 15 phút không gõ phím"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Something at the head anchor's place that cannot be written is named
/// before it stops the writes.
#[test]
fn a_head_anchor_that_cannot_be_written_is_named() {
    let office = good_office();
    let head = office.data().join("chitra.db.head");
    let _ = std::fs::remove_file(&head);
    std::fs::create_dir(&head).unwrap();
    chmod(&head, 0o700);
    assert!(matches!(
        only(&doctor(&office)),
        Finding::AnchorNotWritable { path, .. } if *path == head
    ));
    let out = office.run(SUPERVISOR, &["doctor"], &[]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Không ghi được tệp mốc đầu chuỗi"), "{said}");
}
