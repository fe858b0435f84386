//! A small office for tests: a temporary folder with a configuration, a
//! database with a supervisor and two clerks, a settable clock, and lists
//! written as real CSV files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chitra::config::Config;
use chitra::domain::Money;
use chitra::domain::report::MoveKind;
use chitra::domain::user::Role;
use chitra::service::import::{ImportOptions, ImportReport, ListKind};
use chitra::service::{FixedClock, Service, Session};

pub const SUPERVISOR: (&str, &str) = ("truong", "3917");
pub const CLERK1: (&str, &str) = ("gdv1", "2846");
pub const CLERK2: (&str, &str) = ("gdv2", "5173");

pub struct Office {
    pub dir: tempfile::TempDir,
    pub config: Arc<Config>,
    pub db: PathBuf,
    pub clock: FixedClock,
}

/// The shipped configuration, pointed at `dir`, with `extra` appended.
pub fn config_in(dir: &Path, window: (u32, u32)) -> Config {
    let text = include_str!("../../config/chitra.toml")
        .replace("path = \"../data/chitra.db\"", "path = \"chitra.db\"")
        .replace("spool_dir = \"../data/spool\"", "spool_dir = \"spool\"")
        .replace("dir = \"../data/backup\"", "dir = \"backup\"")
        .replace(
            "window_first_day = 2",
            &format!("window_first_day = {}", window.0),
        )
        .replace(
            "window_last_day = 25",
            &format!("window_last_day = {}", window.1),
        );
    let path = dir.join("chitra.toml");
    std::fs::write(&path, &text).unwrap();
    Config::load(&path).unwrap()
}

impl Office {
    /// An office on 10/11/2026 (inside the 2–25 window).
    pub fn new() -> Office {
        Office::with_window((2, 25))
    }

    pub fn with_window(window: (u32, u32)) -> Office {
        let dir = tempfile::tempdir().unwrap();
        let config = Arc::new(config_in(dir.path(), window));
        let db = config.database.path.clone();
        let clock = FixedClock::at("2026-11-10T09:00:00+07:00");
        let mut svc = Service::init_with_clock(
            config.clone(),
            &db,
            SUPERVISOR.0,
            "Trần Văn Minh",
            SUPERVISOR.1,
            Arc::new(clock.clone()),
        )
        .unwrap();
        let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
        svc.add_user(&boss, CLERK1.0, "Lê Thị Hoa", Role::Clerk, CLERK1.1)
            .unwrap();
        svc.add_user(&boss, CLERK2.0, "Phạm Văn Long", Role::Clerk, CLERK2.1)
            .unwrap();
        let office = Office {
            dir,
            config,
            db,
            clock,
        };
        office.open_drawers();
        office
    }

    /// The supervisor gives every counter an opening float of 100.000.000 đ
    /// for the clock's day (each clerk confirms with their PIN).
    pub fn open_drawers(&self) {
        let mut svc = self.service();
        self.open_drawers_with(&mut svc);
    }

    /// Like [`Office::open_drawers`], on the day of `svc`'s clock.
    pub fn open_drawers_with(&self, svc: &mut Service) {
        let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
        for (name, pin) in [CLERK1, CLERK2, SUPERVISOR] {
            svc.drawer_move(
                &boss,
                name,
                pin,
                MoveKind::Float,
                Money::from_dong(100_000_000),
                "",
            )
            .unwrap();
        }
    }

    pub fn service(&self) -> Service {
        Service::open(self.config.clone(), &self.db)
            .unwrap()
            .with_clock(Arc::new(self.clock.clone()))
    }

    pub fn sign_in(&self, svc: &mut Service, who: (&str, &str)) -> Session {
        svc.sign_in(who.0, who.1).unwrap()
    }

    /// Counts every drawer opened on the clock's day at what it should
    /// hold (in 500 đ notes) and closes the day as the supervisor.
    pub fn close_today(&self, svc: &mut Service) -> chitra::service::day::Closed {
        let day = svc.today().format("%Y-%m-%d").to_string();
        for who in [CLERK1, CLERK2, SUPERVISOR] {
            let s = self.sign_in(svc, who);
            let Some(c) = svc
                .day_report(&day)
                .unwrap()
                .clerks
                .into_iter()
                .find(|c| c.name == who.0)
            else {
                continue;
            };
            let notes: std::collections::BTreeMap<i64, i64> =
                [(500, c.expected.dong() / 500)].into();
            svc.count_drawer(&s, &notes).unwrap();
        }
        let boss = self.sign_in(svc, SUPERVISOR);
        svc.close_day(&boss, SUPERVISOR.1, &day, false).unwrap()
    }

    /// Writes `csv` to a file and imports it as the supervisor.
    pub fn import(&self, name: &str, csv: &str, period: &str) -> ImportReport {
        let path = self.write_file(name, csv.as_bytes());
        let mut svc = self.service();
        let boss = self.sign_in(&mut svc, SUPERVISOR);
        let opts = ImportOptions {
            kind: ListKind::Monthly,
            period: Some(period.parse().unwrap()),
            dry_run: false,
        };
        svc.import(&boss, &path, &opts, &mut |_| {}).unwrap()
    }

    pub fn write_file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

/// A person's row in a test list.
pub struct Row<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub year: i32,
    pub id: &'a str,
    pub hamlet: &'a str,
    pub tro_cap: i64,
    pub phu_cap: i64,
}

pub const HEADER: &str = "STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Thôn;Loại đối tượng;Trợ cấp;Phụ cấp;Tổng cộng";

/// A list as the social-affairs office's software exports it to CSV, with
/// its title naming the month ("2026-11").
pub fn csv(period: &str, rows: &[Row<'_>]) -> String {
    let (y, m) = period.split_once('-').unwrap();
    let mut out =
        format!("DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {m} NĂM {y}\n\n{HEADER}\n");
    for (i, r) in rows.iter().enumerate() {
        out.push_str(&format!(
            "{};{};{};{};{};{};Thương binh;{};{};{}\n",
            i + 1,
            r.code,
            r.name,
            r.year,
            r.id,
            r.hamlet,
            dots(r.tro_cap),
            dots(r.phu_cap),
            dots(r.tro_cap + r.phu_cap)
        ));
    }
    out
}

/// 2789000 → "2.789.000".
pub fn dots(n: i64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Three people of a small list: An (1948), Bình (1952, with phụ cấp), Cúc (1960).
pub fn three() -> Vec<Row<'static>> {
    vec![
        Row {
            code: "HD-001",
            name: "Nguyễn Văn An",
            year: 1948,
            id: "046048001234",
            hamlet: "Thôn Đông",
            tro_cap: 2_789_000,
            phu_cap: 0,
        },
        Row {
            code: "HD-002",
            name: "Trần Thị Bình",
            year: 1952,
            id: "046152004321",
            hamlet: "Thôn Đông",
            tro_cap: 2_789_000,
            phu_cap: 1_394_500,
        },
        Row {
            code: "HD-003",
            name: "Lê Văn Cúc",
            year: 1960,
            id: "046060007777",
            hamlet: "Thôn Tây",
            tro_cap: 3_120_000,
            phu_cap: 0,
        },
    ]
}

/// A test's own connection to the database file, as an outside observer
/// (or an attacker with `sqlite3`) would have: chitra never hands one out.
pub trait Peek {
    fn conn(&self) -> rusqlite::Connection;
}

impl Peek for chitra::store::Store {
    fn conn(&self) -> rusqlite::Connection {
        let c = rusqlite::Connection::open(self.path()).expect("open the database file");
        c.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
        c
    }
}

/// Today in the office's time zone: the day the program itself uses.
pub fn office_today(office: &Office) -> chrono::NaiveDate {
    use chitra::service::{Clock, SystemClock};
    SystemClock::for_office(&office.config).today()
}

/// Runs the `chitra` program on `office` as `who` (CHITRA_USER and
/// CHITRA_PIN), with nothing of the caller's environment choosing another
/// database or configuration.
pub fn chitra(office: &Office, who: (&str, &str), args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chitra"))
        .arg("--config")
        .arg(office.dir.path().join("chitra.toml"))
        .args(args)
        .env("CHITRA_USER", who.0)
        .env("CHITRA_PIN", who.1)
        .env_remove("CHITRA_DB")
        .env_remove("CHITRA_CONFIG")
        .output()
        .unwrap()
}

/// Pays, as `who`, everything the person with ID number `id` is owed, in
/// cash at the counter, to the person themself.
pub fn pay_cash(
    svc: &mut Service,
    who: &Session,
    id: &str,
) -> Result<chitra::service::pay::Paid, chitra::service::Error> {
    let found = svc.search(id, 5).unwrap();
    assert_eq!(found.hits.len(), 1, "{id}");
    let req = chitra::service::pay::PayRequest {
        person_id: found.hits[0].person.id,
        receiver: chitra::service::pay::Receiver::Person,
        receiver_id_number: id.into(),
        method: chitra::domain::payment::PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines: Vec::new(),
        approval: None,
    };
    svc.pay(who, &req)
}

/// Puts `account` on file for `person`, registered by the supervisor (the
/// method left as it was): a transfer at the counter goes only to the
/// account on file.
pub fn account_on_file(svc: &mut Service, person: i64, account: &str) {
    let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let on_file = svc.person_view(person).unwrap();
    if on_file.account().0 == Some(account) {
        return;
    }
    let approval = svc.approval(&boss, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    svc.register(
        &boss,
        person,
        &chitra::service::register::RegisterRequest {
            account_no: Some(account.into()),
            account_bank: Some("Agribank".into()),
            // Tests share one account among people: confirmed.
            approval: Some(approval),
            ..Default::default()
        },
    )
    .unwrap();
}
