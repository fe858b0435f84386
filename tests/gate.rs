//! `chitra gate` as sshd runs it (SSH_ORIGINAL_COMMAND set, files on stdin
//! and stdout): the head of office imports a list and takes the day report
//! back; a clerk's PIN is not enough for either; anything naming a file on
//! the server is refused and changes nothing.

use crate::deploy_office;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use deploy_office::*;

fn gate(office: &ServerOffice, asked: &str, pin: &str, stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chitra"))
        .arg("--config")
        .arg(office.config())
        .arg("gate")
        .env_remove("CHITRA_DB")
        .env_remove("CHITRA_CONFIG")
        .env_remove("CHITRA_USER")
        .env("CHITRA_PIN", pin)
        .env("SSH_ORIGINAL_COMMAND", asked)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn list(period: &str) -> Vec<u8> {
    let (y, m) = period.split_once('-').unwrap();
    format!(
        "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {m} NĂM {y}\n\n\
         STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Thôn;Loại đối tượng;Trợ cấp;Phụ cấp;Tổng cộng\n\
         1;HD-009;Trần Thị Bình;1952;046152004321;Thôn Đông;Thương binh;2.789.000;0;2.789.000\n"
    )
    .into_bytes()
}

#[test]
fn the_head_imports_on_stdin_and_takes_the_report_on_stdout_a_clerk_cannot() {
    let office = ServerOffice::new("");
    let period = office_today().format("%Y-%m").to_string();
    office.init_with_clerk();
    let import = format!("import --name 'ds moi.csv' --period {period} --user truong");

    let clerk = gate(
        &office,
        &import.replace("truong", CLERK.0),
        CLERK.1,
        &list(&period),
    );
    assert_eq!(clerk.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&clerk.stderr).contains("trưởng bưu cục"));

    let head = gate(&office, &import, SUPERVISOR.1, &list(&period));
    assert!(
        head.status.success(),
        "{}",
        String::from_utf8_lossy(&head.stderr)
    );
    let shown = office.ok(CLERK, &["show", "046152004321", "--json"], &[]);
    assert!(shown.contains("Trần Thị Bình"), "{shown}");

    let clerk = gate(
        &office,
        "report day --format json --user gdv1",
        CLERK.1,
        b"",
    );
    assert_eq!(clerk.status.code(), Some(2));
    assert!(clerk.stdout.is_empty());

    let xlsx = gate(
        &office,
        "report day --format xlsx --user truong",
        SUPERVISOR.1,
        b"",
    );
    assert!(
        xlsx.status.success(),
        "{}",
        String::from_utf8_lossy(&xlsx.stderr)
    );
    assert!(
        xlsx.stdout.starts_with(b"PK\x03\x04"),
        "an xlsx (zip) on stdout"
    );
}

#[test]
fn commands_that_name_a_file_on_the_server_are_refused_and_change_nothing() {
    let office = ServerOffice::new("");
    office.open_for(&office_today().format("%Y-%m").to_string());
    let db = office.db();
    let before = std::fs::read(&db).unwrap();
    for asked in [
        format!("cat {}", db.display()),
        format!("sqlite3 {} .dump", db.display()),
        "/usr/lib/openssh/sftp-server".to_string(),
        format!("scp -f {}", db.display()),
        format!("report day --out {} --user truong", db.display()),
        format!("import {} --user truong", db.display()),
        format!("verify --db {} --user truong", db.display()),
    ] {
        let out = gate(&office, &asked, SUPERVISOR.1, b"");
        assert_eq!(out.status.code(), Some(2), "{asked}");
        assert!(out.stdout.is_empty(), "{asked}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("Không được chạy qua SSH"),
            "{asked}"
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn the_head_takes_the_plans_lists_and_the_month_on_stdout_a_clerk_cannot() {
    let office = ServerOffice::new("");
    let period = office_today().format("%Y-%m").to_string();
    office.open_for(&period);
    let ok = |asked: &str| {
        let out = gate(&office, asked, SUPERVISOR.1, b"");
        assert!(
            out.status.success(),
            "{asked}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let v: serde_json::Value =
        serde_json::from_slice(&ok("list classify --format json --user truong")).unwrap();
    assert_eq!(v["cash"][0]["code"], "HD-001", "{v}");
    let police = String::from_utf8(ok("list classify --only need_cccd --user truong")).unwrap();
    assert!(police.contains("CHƯA CÓ CCCD"), "{police}");
    let v: serde_json::Value = serde_json::from_slice(&ok(&format!(
        "report cashless --period {period} --format json --user truong"
    )))
    .unwrap();
    assert!(v["total"]["people"].is_i64(), "{v}");
    for asked in [
        "list accounts --format xlsx --user truong".to_string(),
        "list changes --format xlsx --user truong".to_string(),
        "list classify --format xlsx --user truong".to_string(),
        format!("list signing --period {period} --format xlsx --user truong"),
        format!("report period {period} --format xlsx --user truong"),
        "report cashless --format xlsx --user truong".to_string(),
    ] {
        assert!(
            ok(&asked).starts_with(b"PK\x03\x04"),
            "{asked}: an xlsx on stdout"
        );
    }
    let text = String::from_utf8(ok(&format!("report period {period} --user truong"))).unwrap();
    assert!(
        text.contains("HD-001") && text.contains("KẾT QUẢ CHI TRẢ"),
        "{text}"
    );

    // The preview closes nothing: a payment is still taken afterwards.
    let preview = String::from_utf8(ok(&format!(
        "period close {period} --dry-run --user truong"
    )))
    .unwrap();
    assert!(preview.contains("XEM TRƯỚC"), "{preview}");
    office.pay();

    // A clerk's PIN gets none of it; the real close is not reachable.
    for (asked, pin) in [
        (
            "list classify --format json --user gdv1".to_string(),
            CLERK.1,
        ),
        (format!("report period {period} --user gdv1"), CLERK.1),
        (
            format!("period close {period} --dry-run --user gdv1"),
            CLERK.1,
        ),
        (format!("period close {period} --user truong"), SUPERVISOR.1),
        (
            "list accounts --format xlsx --out /tmp/x.xlsx --user truong".to_string(),
            SUPERVISOR.1,
        ),
    ] {
        let out = gate(&office, &asked, pin, b"");
        assert_eq!(out.status.code(), Some(2), "{asked}");
        assert!(out.stdout.is_empty(), "{asked}");
    }
}

/// The month's end from another machine: the bank's batch file comes out
/// on stdout, the period does not close while the bank has not answered,
/// the bank's result file goes in on stdin, and the close sends the
/// results file out on stdout (what it says goes to stderr).
#[test]
fn the_head_runs_the_bank_batch_and_the_close_through_stdin_and_stdout() {
    use chrono::Datelike;
    let office = ServerOffice::new("");
    let today = office_today();
    let last = today.with_day(1).unwrap().pred_opt().unwrap();
    let period = last.format("%Y-%m").to_string();
    office.init_with_clerk();
    let (y, m) = period.split_once('-').unwrap();
    let list = format!(
        "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {m} NĂM {y}\n\n\
         STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Thôn;Loại đối tượng;Trợ cấp;Phụ cấp;Tổng cộng\n\
         1;HD-001;Nguyễn Văn An;1948;{PERSON};Thôn Đông;Thương binh;2.789.000;0;2.789.000\n"
    );
    let head = gate(
        &office,
        &format!("import --name ds.csv --period {period} --yes --user truong"),
        SUPERVISOR.1,
        list.as_bytes(),
    );
    assert!(
        head.status.success(),
        "{}",
        String::from_utf8_lossy(&head.stderr)
    );
    office.ok(
        CLERK,
        &[
            "register",
            PERSON,
            "--method",
            "bank",
            "--account",
            "0071000123456",
            "--bank",
            "Vietcombank",
        ],
        &[],
    );

    // A clerk gets no batch; the head gets the batch file on stdout.
    let export = format!("bank export --period {period} --format csv --user truong");
    let clerk = gate(&office, &export.replace("truong", CLERK.0), CLERK.1, b"");
    assert_eq!(clerk.status.code(), Some(2));
    assert!(clerk.stdout.is_empty());
    let batch = gate(&office, &export, SUPERVISOR.1, b"");
    assert!(
        batch.status.success(),
        "{}",
        String::from_utf8_lossy(&batch.stderr)
    );
    let csv = String::from_utf8(batch.stdout).unwrap();
    assert!(
        csv.contains("CK0001-0001") && csv.contains("0071000123456"),
        "{csv}"
    );
    assert!(String::from_utf8_lossy(&batch.stderr).contains("Lô chuyển khoản số 1"));

    // The bank has not answered: the close is refused, nothing on stdout.
    let close = format!("period close {period} --default-reason away --user truong");
    let refused = gate(&office, &close, SUPERVISOR.1, b"");
    assert_eq!(refused.status.code(), Some(2));
    assert!(refused.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("chưa có kết quả của ngân hàng"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );

    // The bank's result (the transfer failed) goes in on stdin.
    let result = "KẾT QUẢ CHUYỂN KHOẢN\nMã tham chiếu;Kết quả;Lý do;Số tiền\n\
                  CK0001-0001;Thất bại;Sai số tài khoản;2.789.000\nTổng cộng;;;2.789.000\n";
    let back = gate(
        &office,
        "bank import --name kq.csv --user truong",
        SUPERVISOR.1,
        result.as_bytes(),
    );
    assert!(
        back.status.success(),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    assert!(String::from_utf8_lossy(&back.stdout).contains("Sai số tài khoản"));

    // Now the period closes and its results file comes out on stdout.
    let closed = gate(&office, &close, SUPERVISOR.1, b"");
    assert!(
        closed.status.success(),
        "{}",
        String::from_utf8_lossy(&closed.stderr)
    );
    assert!(
        closed.stdout.starts_with(b"PK\x03\x04"),
        "an xlsx on stdout"
    );
    assert!(String::from_utf8_lossy(&closed.stderr).contains("ĐÃ KHÓA KỲ"));
}

#[test]
fn the_screens_without_a_terminal_say_to_use_ssh_t() {
    let office = ServerOffice::new("");
    office.init_with_clerk();
    // `ssh office` with no command and no terminal (`ssh -T`, a script).
    let out = gate(&office, "", CLERK.1, b"");
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("cần một cửa sổ dòng lệnh (terminal)"),
        "{said}"
    );
    assert!(said.contains("ssh -t"), "{said}");
    assert!(
        !said.contains("os error") && !said.contains("lỗi hệ thống"),
        "{said}"
    );
}

#[test]
fn the_head_reads_the_audit_log_through_ssh_as_text_or_xlsx_a_clerk_cannot() {
    let office = ServerOffice::new("");
    office.init_with_clerk();
    let text = gate(&office, "report log --user truong", SUPERVISOR.1, b"");
    assert!(
        text.status.success(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let said = String::from_utf8_lossy(&text.stdout);
    assert!(said.contains("NHẬT KÝ KIỂM TOÁN NGÀY"), "{said}");
    assert!(said.contains("Thêm người dùng"), "{said}");

    let xlsx = gate(
        &office,
        "report log --format xlsx --user truong",
        SUPERVISOR.1,
        b"",
    );
    assert!(
        xlsx.status.success(),
        "{}",
        String::from_utf8_lossy(&xlsx.stderr)
    );
    assert!(
        xlsx.stdout.starts_with(b"PK"),
        "an xlsx (zip) on standard output"
    );

    let clerk = gate(&office, "report log --user gdv1", CLERK.1, b"");
    assert_eq!(clerk.status.code(), Some(2));
    let out = gate(
        &office,
        "report log --out /tmp/x --user truong",
        SUPERVISOR.1,
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
}
