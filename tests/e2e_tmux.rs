//! The real program, end to end: `chitra` started in an 80×24 tmux window on
//! a temporary office, driven by keys as a clerk would (sign in, type an ID
//! number, pay one person in cash from the drawer opened this morning and
//! another by their registered bank transfer, then count the drawer blind),
//! then the database and the receipt files checked.
//!
//! Also: the bytes the program writes to its terminal (a pty) when one
//! character is typed into the search with a result list showing.
//!
//! Skipped, saying so, when tmux (or `script`, for the pty) is not
//! installed; CI installs them.

use crate::{common, tui_office};

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use chitra::service::Service;
use common::{CLERK1, Office};
use tui_office::{AN, BINH, list, long_list, person_id};

/// An office whose window is every day (the program uses the real clock)
/// with this month's list imported and every drawer opened today (by a
/// service on the system clock, as the program is) with 100.000.000 đ.
fn office_for_today() -> (Office, String) {
    let office = Office::with_window((1, 31));
    let period = common::office_today(&office).format("%Y-%m").to_string();
    office.import("list.csv", &list(&period), &period);
    let mut today = Service::open(office.config.clone(), &office.db).unwrap();
    office.open_drawers_with(&mut today);
    (office, period)
}

fn chitra_command(office: &Office) -> Vec<String> {
    vec![
        env!("CARGO_BIN_EXE_chitra").to_string(),
        "--config".into(),
        office.dir.path().join("chitra.toml").display().to_string(),
        "--db".into(),
        office.db.display().to_string(),
    ]
}

fn installed(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// A tmux server of this test's own (its own socket), so nothing else the
/// machine runs in tmux is touched; stopped when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    const SESSION: &'static str = "chitra";

    fn start(command: &[String]) -> Tmux {
        let tmux = Tmux {
            socket: format!("chitra-e2e-{}", std::process::id()),
        };
        let mut args: Vec<String> = [
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "-s",
            Self::SESSION,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(command.iter().cloned());
        let out = tmux.run(&args);
        assert!(out.status.success(), "tmux: {out:?}");
        tmux
    }

    fn run<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Output {
        Command::new("tmux")
            .arg("-u")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env("LANG", "C.UTF-8")
            .output()
            .expect("tmux runs")
    }

    /// Types `text` as it is.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", Self::SESSION, "-l", text]);
    }

    /// Presses a key by tmux's name for it ("Enter", "C-c").
    fn press(&self, key: &str) {
        self.run(&["send-keys", "-t", Self::SESSION, key]);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["capture-pane", "-p", "-t", Self::SESSION])
                .stdout,
        )
        .into_owned()
    }

    /// Waits (at most 15 s) until the screen shows `text`; returns it.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let shown = self.screen();
            if shown.contains(text) {
                return shown;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {text:?}; the screen shows:\n{shown}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Whether the program has ended (the session closes with it).
    fn ended(&self) -> bool {
        !self
            .run(&["has-session", "-t", Self::SESSION])
            .status
            .success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn a_clerk_signs_in_pays_in_cash_and_by_transfer_and_counts_the_drawer_in_the_real_program() {
    if !installed("tmux", "-V") {
        eprintln!("SKIPPED: tmux is not installed (CI installs it)");
        return;
    }
    let (office, period) = office_for_today();
    let year = &period[..4];
    let tmux = Tmux::start(&chitra_command(&office));
    tmux.wait_for("ĐĂNG NHẬP");
    tmux.type_text("gdv1");
    tmux.press("Enter");
    tmux.type_text(common::CLERK1.1);
    tmux.press("Enter");
    tmux.wait_for("Xin chào Lê Thị Hoa.");

    // An, registered for cash: paid at the counter from the drawer.
    // A whole ID number opens the file by itself once the typing stops.
    tmux.type_text(AN.2);
    tmux.wait_for("CÁC KHOẢN CHƯA CHI");
    tmux.press("Enter");
    tmux.wait_for("Bước 1/4");
    // Found by the whole ID number: that was the check of the card.
    tmux.press("Enter");
    let method = tmux.wait_for("Bước 3/4");
    assert!(
        method.contains("▸ 1  Tiền mặt tại quầy  (đã đăng ký)"),
        "{method}"
    );
    tmux.press("Enter");
    let confirm = tmux.wait_for("Bước 4/4");
    assert!(confirm.contains("2.789.000 đ"), "{confirm}");
    tmux.press("Enter");
    let done = tmux.wait_for("Biên nhận số");
    let cash_receipt = format!("HD-{year}-000001");
    assert!(done.contains(&cash_receipt), "{done}");
    tmux.press("Enter");
    tmux.wait_for(&format!(
        "Đã chi 2.789.000 đ cho Nguyễn Văn An, biên nhận {cash_receipt}."
    ));

    // Bình, registered for bank transfers: account filled in, reference typed.
    tmux.type_text(BINH.2);
    tmux.wait_for("CÁC KHOẢN CHƯA CHI");
    tmux.press("Enter");
    tmux.wait_for("Bước 1/4");
    // Found by the whole ID number: that was the check of the card.
    tmux.press("Enter");
    let method = tmux.wait_for("Bước 3/4");
    assert!(
        method.contains("▸ 3  Chuyển khoản ngân hàng  (đã đăng ký)"),
        "{method}"
    );
    tmux.press("Enter");
    let account = tmux.wait_for("Bước 3/4: TÀI KHOẢN NHẬN");
    assert!(account.contains("Số tài khoản : [0123456789"), "{account}");
    tmux.type_text("FT26332E2E");
    tmux.press("Enter");
    let confirm = tmux.wait_for("Bước 4/4");
    assert!(confirm.contains("4.183.500 đ"), "{confirm}");
    assert!(
        confirm.contains("TK 0123456789 · mã GD FT26332E2E"),
        "{confirm}"
    );
    tmux.press("Enter");
    let done = tmux.wait_for("Biên nhận số");
    let bank_receipt = format!("HD-{year}-000002");
    assert!(done.contains(&bank_receipt), "{done}");
    assert!(done.contains("4.183.500 đ"), "{done}");
    tmux.press("Enter");
    tmux.wait_for(&format!(
        "Đã chi 4.183.500 đ cho Trần Thị Bình, biên nhận {bank_receipt}."
    ));

    // The end of the shift: the drawer counted blind. The books say
    // 100.000.000 − 2.789.000 = 97.211.000 đ, shown only after recording.
    tmux.press("F2");
    tmux.wait_for("CHỨC NĂNG");
    tmux.type_text("2");
    tmux.wait_for("KIỂM ĐẾM QUỸ CUỐI CA");
    // Rows: 500.000, 200.000, 100.000, 50.000, 20.000, 10.000, 5.000,
    // 2.000, 1.000, 500 đ.
    for step in [
        "194", "Enter", "1", "Enter", "Enter", "Enter", "Enter", "1", "Enter", "Enter", "Enter",
        "1",
    ] {
        if step == "Enter" {
            tmux.press("Enter");
        } else {
            tmux.type_text(step);
        }
    }
    let counted = tmux.wait_for("Tổng đã đếm: 97.211.000 đ");
    tmux.type_text("g");
    let question = tmux.wait_for("Sau khi ghi không sửa được");
    for shown in [&counted, &question] {
        assert!(!shown.contains("Theo sổ"), "{shown}");
    }
    tmux.type_text("c");
    let result = tmux.wait_for("Theo sổ");
    assert!(result.contains("97.211.000 đ"), "{result}");
    assert!(result.contains("KHỚP"), "{result}");

    // Quitting asks, then the terminal is given back.
    tmux.press("C-c");
    tmux.wait_for("Thoát chitra? (c/k)");
    tmux.type_text("c");
    let start = Instant::now();
    while !tmux.ended() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "chitra did not quit"
        );
        thread::sleep(Duration::from_millis(50));
    }

    // What was recorded, read from the database file by another process.
    let mut svc = Service::open(office.config.clone(), &office.db).unwrap();
    let an = svc.person_view(person_id(&svc, AN.2)).unwrap();
    assert!(an.unpaid.is_empty());
    let paid = &an.payments[0];
    assert_eq!(paid.receipt_no, cash_receipt);
    assert_eq!(paid.total.dong(), 2_789_000);
    assert_eq!(paid.method, chitra::domain::PayMethod::Cash);
    assert_eq!(paid.clerk, "Lê Thị Hoa");

    let binh = svc.person_view(person_id(&svc, BINH.2)).unwrap();
    assert!(binh.unpaid.is_empty());
    assert_eq!(binh.payments.len(), 1);
    let paid = &binh.payments[0];
    assert_eq!(paid.receipt_no, bank_receipt);
    assert_eq!(paid.total.dong(), 4_183_500);
    assert_eq!(paid.clerk, "Lê Thị Hoa");
    assert_eq!(paid.receiver_id_number, BINH.2);
    assert_eq!(paid.method, chitra::domain::PayMethod::Bank);
    assert_eq!(paid.account.as_deref(), Some("0123456789"));
    assert_eq!(paid.reference.as_deref(), Some("FT26332E2E"));

    let hoa = svc.sign_in(CLERK1.0, CLERK1.1).unwrap();
    let (opened, count) = svc.drawer_state(&hoa).unwrap();
    assert!(opened);
    let count = count.expect("the count is recorded");
    assert_eq!(count.counted.dong(), 97_211_000);
    assert!(count.difference.is_zero());

    let receipt: PathBuf = office
        .dir
        .path()
        .join("spool")
        .join(format!("{bank_receipt}.txt"));
    let text = std::fs::read_to_string(&receipt).expect("the receipt file");
    assert!(
        text.contains(&bank_receipt) && text.contains("4.183.500 đ"),
        "{text}"
    );
    assert!(
        text.contains("Bốn triệu một trăm tám mươi ba nghìn năm trăm đồng"),
        "{text}"
    );
    let cash = office
        .dir
        .path()
        .join("spool")
        .join(format!("{cash_receipt}.txt"));
    let text = std::fs::read_to_string(&cash).expect("the cash receipt file");
    assert!(
        text.contains("Hai triệu bảy trăm tám mươi chín nghìn đồng"),
        "{text}"
    );
}

/// The program on a pty of 80×24 made by `script`, its output collected.
struct OnPty {
    child: Child,
    output: Arc<Mutex<Vec<u8>>>,
}

impl OnPty {
    fn start(command: &[String]) -> OnPty {
        let quoted: Vec<String> = command
            .iter()
            .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
            .collect();
        let shell = format!("stty cols 80 rows 24; exec {}", quoted.join(" "));
        let mut child = Command::new("script")
            .args(["-q", "-f", "-e", "-c", &shell, "/dev/null"])
            .env("TERM", "xterm")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("script runs");
        let mut out = child.stdout.take().expect("piped");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        OnPty { child, output }
    }

    fn send(&mut self, bytes: &[u8]) {
        let stdin = self.child.stdin.as_mut().expect("piped");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn len(&self) -> usize {
        self.output.lock().unwrap().len()
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Waits until the output holds `text` (at most 15 s).
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.text().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {text:?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until nothing more has come for 300 ms; returns the length.
    fn settle(&self) -> usize {
        let mut last = self.len();
        loop {
            thread::sleep(Duration::from_millis(300));
            let now = self.len();
            if now == last {
                return now;
            }
            last = now;
        }
    }

    /// Sends `bytes` and counts what the program writes back.
    fn bytes_for(&mut self, bytes: &[u8]) -> usize {
        let before = self.settle();
        self.send(bytes);
        self.settle() - before
    }
}

impl Drop for OnPty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn typing_one_character_into_the_search_writes_under_2_kb_to_the_terminal() {
    if !installed("script", "--version") {
        eprintln!("SKIPPED: script (util-linux) is not installed");
        return;
    }
    // Sixty people, half of them Nguyễn: a search fills the screen.
    let office = Office::with_window((1, 31));
    let period = common::office_today(&office).format("%Y-%m").to_string();
    office.import("long.csv", &long_list(&period, 60), &period);
    let mut pty = OnPty::start(&chitra_command(&office));
    pty.wait_for("ĐĂNG NHẬP");
    pty.send(b"gdv1\r");
    pty.send(format!("{}\r", common::CLERK1.1).as_bytes());
    pty.wait_for("Xin chào");
    let mut sent = Vec::new();
    // Each key typed one at a time: "n" fills the list, "g" and "u" keep
    // it, " t" narrows it to the Nguyễn Thị, Backspace widens it again.
    for (key, bytes) in [
        ("n", &b"n"[..]),
        ("g", b"g"),
        ("u", b"u"),
        ("y", b"y"),
        ("e", b"e"),
        ("n", b"n"),
        ("space", b" "),
        ("t", b"t"),
        ("Backspace", b"\x7f"),
        ("↓", b"\x1b[B"),
    ] {
        sent.push((key, pty.bytes_for(bytes)));
    }
    // (Words arrive apart: the cells between them did not change.)
    assert!(pty.text().contains("Nguyễn"), "the list shows");
    eprintln!("bytes written per keystroke at 80×24: {sent:?}");
    for (key, n) in &sent {
        assert!(*n < 2048, "{key}: {n} bytes");
    }
}
