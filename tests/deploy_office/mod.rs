//! An office laid out as on a server, driven through the real `chitra`
//! binary: the configuration in `etc/` (outside the data), the database,
//! spool and backups in `data/`. Used by the file-mode, time-zone and
//! doctor tests.
#![allow(dead_code)]
#![allow(unsafe_code, reason = "a child's umask is set through libc")]

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const SUPERVISOR: (&str, &str) = ("truong", "3917");
pub const CLERK: (&str, &str) = ("gdv1", "2846");
pub const PERSON: &str = "046048001234";

pub struct ServerOffice {
    pub root: tempfile::TempDir,
    /// Extra environment for every run (e.g. TZ).
    pub env: Vec<(String, String)>,
    /// The umask every run starts with, if set.
    pub umask: Option<libc::mode_t>,
}

impl ServerOffice {
    /// An empty layout; `extra` is appended to the configuration.
    pub fn new(extra: &str) -> ServerOffice {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        let text = include_str!("../../config/chitra.toml")
            .replace(
                "path = \"../data/chitra.db\"",
                &format!("path = \"{}\"", data.join("chitra.db").display()),
            )
            .replace(
                "spool_dir = \"../data/spool\"",
                &format!("spool_dir = \"{}\"", data.join("spool").display()),
            )
            .replace(
                "dir = \"../data/backup\"",
                &format!("dir = \"{}\"", data.join("backup").display()),
            )
            .replace("window_first_day = 2", "window_first_day = 1")
            .replace("window_last_day = 25", "window_last_day = 31");
        std::fs::create_dir_all(root.path().join("etc")).unwrap();
        std::fs::write(root.path().join("etc/chitra.toml"), text + extra).unwrap();
        ServerOffice {
            root,
            env: Vec::new(),
            umask: None,
        }
    }

    pub fn config(&self) -> PathBuf {
        self.root.path().join("etc/chitra.toml")
    }

    pub fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn db(&self) -> PathBuf {
        self.data().join("chitra.db")
    }

    /// Runs `chitra ARGS` as `who` with `env` added.
    pub fn run(&self, who: (&str, &str), args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_chitra"));
        cmd.arg("--config")
            .arg(self.config())
            .args(args)
            .env_remove("CHITRA_DB")
            .env_remove("CHITRA_CONFIG")
            .env("CHITRA_USER", who.0)
            .env("CHITRA_PIN", who.1);
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        if let Some(mask) = self.umask {
            // SAFETY: umask is async-signal-safe and only changes the child.
            unsafe {
                cmd.pre_exec(move || {
                    libc::umask(mask);
                    Ok(())
                });
            }
        }
        cmd.output().unwrap()
    }

    /// Like [`ServerOffice::run`], failing the test if the command fails.
    pub fn ok(&self, who: (&str, &str), args: &[&str], env: &[(&str, &str)]) -> String {
        let out = self.run(who, args, env);
        assert!(
            out.status.success(),
            "chitra {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// init, a clerk, this month's list (period `period`, "YYYY-MM") of one
    /// person, and the clerk's opening float of 20.000.000 đ.
    pub fn open_for(&self, period: &str) {
        self.init_with_clerk();
        self.import_and_float(period);
    }

    /// A new database with its supervisor and one clerk.
    pub fn init_with_clerk(&self) {
        self.ok(
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
        self.ok(
            SUPERVISOR,
            &[
                "user",
                "add",
                CLERK.0,
                "--role",
                "clerk",
                "--full-name",
                "Lê Thị Hoa",
            ],
            &[("CHITRA_NEW_PIN", CLERK.1)],
        );
    }

    /// This month's list of one person, and the clerk's opening float.
    pub fn import_and_float(&self, period: &str) {
        let (y, m) = period.split_once('-').unwrap();
        let list = self.root.path().join("ds.csv");
        std::fs::write(
            &list,
            format!(
                "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {m} NĂM {y}\n\n\
                 STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Thôn;Loại đối tượng;Trợ cấp;Phụ cấp;Tổng cộng\n\
                 1;HD-001;Nguyễn Văn An;1948;{PERSON};Thôn Đông;Thương binh;2.789.000;0;2.789.000\n"
            ),
        )
        .unwrap();
        self.ok(
            SUPERVISOR,
            &[
                "import",
                list.to_str().unwrap(),
                "--period",
                period,
                "--yes",
            ],
            &[],
        );
        self.ok(
            SUPERVISOR,
            &["drawer", "float", CLERK.0, "20.000.000"],
            &[("CHITRA_CLERK_PIN", CLERK.1)],
        );
    }

    /// The clerk pays the person in cash; returns `show --json` afterwards.
    pub fn pay(&self) -> serde_json::Value {
        self.ok(
            CLERK,
            &["pay", PERSON, "--method", "cash", "--receiver-id", PERSON],
            &[],
        );
        serde_json::from_str(&self.ok(CLERK, &["show", PERSON, "--json"], &[])).unwrap()
    }
}

/// Every file and folder under `dir` with its permission bits.
pub fn modes_under(dir: &Path) -> Vec<(PathBuf, u32, bool)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        let m = std::fs::symlink_metadata(&p).unwrap();
        out.push((p.clone(), m.permissions().mode() & 0o7777, m.is_dir()));
        if m.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                stack.push(e.unwrap().path());
            }
        }
    }
    out.sort();
    out
}

/// Today in the office's zone (Asia/Ho_Chi_Minh, the shipped default).
pub fn office_today() -> chrono::NaiveDate {
    use chitra::service::{Clock, SystemClock};
    SystemClock::new(chrono_tz::Asia::Ho_Chi_Minh).today()
}
