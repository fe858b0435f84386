//! Building the demo office's database through the real program: the lists
//! are written as files and imported with the importer, users are added,
//! proxies registered and last month's payments made through the service,
//! each at a plausible time on the office's clock.
//!
//! The demo is relative to today: the current month is this month's list,
//! last month's list is mostly paid, some of this month is already paid, and
//! a few people are owed both months.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};

use super::files::{ListHeading, write_monthly_csv, write_monthly_xlsx};
use super::people::{DemoPerson, office_people};
use super::proxies::{ProxyRole, demo_proxies, demo_today};
use super::rng::Rng;
use crate::config::Config;
use crate::domain::person::Status;
use crate::domain::report::MoveKind;
use crate::domain::user::Role;
use crate::domain::{Money, PayMethod, Period};
use crate::service::import::{ImportOptions, ListKind};
use crate::service::pay::{NewProxy, PayRequest, Receiver};
use crate::service::{Error, FixedClock, Service, Session};

/// The demo's users: (user name, full name, role, PIN).
pub const USERS: [(&str, &str, Role, &str); 3] = [
    ("truong", "Trần Văn Minh", Role::Supervisor, "1111"),
    ("gdv1", "Lê Thị Hoa", Role::Clerk, "2222"),
    ("gdv2", "Phạm Văn Long", Role::Clerk, "3333"),
];

/// What was built, for the summary.
#[derive(Debug, Clone)]
pub struct Built {
    pub config_file: PathBuf,
    pub db: PathBuf,
    pub files: Vec<PathBuf>,
    pub people: usize,
    pub payments: usize,
}

/// The demo configuration: the shipped one, with the database `db`, the
/// spool and backups inside `dir`, and payment allowed every day of the
/// month so the demo works whatever today is.
pub fn write_config_for(dir: &Path, db: &Path) -> std::io::Result<PathBuf> {
    let db = std::path::absolute(db)?;
    let db = db
        .to_string_lossy()
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    let text = include_str!("../../config/chitra.toml")
        .replace("path = \"../data/chitra.db\"", &format!("path = \"{db}\""))
        .replace("spool_dir = \"../data/spool\"", "spool_dir = \"spool\"")
        .replace("dir = \"../data/backup\"", "dir = \"backup\"")
        .replace("keep = 60", "keep = 5")
        .replace("window_first_day = 2", "window_first_day = 1")
        .replace("window_last_day = 25", "window_last_day = 31");
    std::fs::create_dir_all(dir)?;
    let path = dir.join("chitra.toml");
    std::fs::write(&path, text)?;
    Ok(path)
}

/// Builds the demo office in `dir` (database `db`) with `n` people, as of
/// `now`.
pub fn build_at(
    dir: &Path,
    db: &Path,
    n: usize,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Built, Error> {
    let io = |e: std::io::Error| {
        Error::Store(crate::store::StoreError::Io {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })
    };
    let config_file = write_config_for(dir, db).map_err(io)?;
    let config =
        Arc::new(Config::load(&config_file).map_err(|e| io(std::io::Error::other(e.to_string())))?);
    let db = config.database.path.clone();
    let today = now.date_naive();
    let this = Period::of(today);
    let last = this.prev();

    let people = office_people(SEED, n);
    // Two people leave the lists this month (one suspended, one deceased):
    // next month's list no longer has them.
    let leaving: Vec<&DemoPerson> = people
        .iter()
        .rev()
        .filter(|p| p.id_number.is_some())
        .take(2)
        .collect();
    let staying: Vec<DemoPerson> = people
        .iter()
        .filter(|p| !leaving.iter().any(|l| l.record_code == p.record_code))
        .cloned()
        .collect();
    let files_dir = dir.join("files");
    std::fs::create_dir_all(&files_dir).map_err(io)?;
    let heading = ListHeading {
        agency: config.office.paying_agency.clone(),
        commune: config.office.commune.clone(),
        province: config.office.province.clone(),
    };
    let last_file = files_dir.join(format!("danh-sach-chi-tra-{last}.csv"));
    let this_file = files_dir.join(format!("danh-sach-chi-tra-{this}.xlsx"));
    let next_file = files_dir.join(format!("thu-nhap-{}.xlsx", this.next()));
    write_monthly_csv(&last_file, (last.year, last.month), &people, b';', true).map_err(io)?;
    write_monthly_xlsx(&this_file, &heading, (this.year, this.month), &people)
        .map_err(|e| io(std::io::Error::other(e.to_string())))?;
    // Next month's list is left for the newcomer to import.
    write_monthly_xlsx(
        &next_file,
        &heading,
        (this.next().year, this.next().month),
        &staying,
    )
    .map_err(|e| io(std::io::Error::other(e.to_string())))?;
    let bad_file = files_dir.join(format!("thu-nhap-co-loi-{}.csv", this.next()));
    std::fs::write(&bad_file, list_with_mistakes(&staying, this.next())).map_err(io)?;

    let (name, full, _, pin) = USERS[0];
    let clock = FixedClock::at(&stamp(first_working_day(last), 7, 30, now));
    let mut svc =
        Service::init(config.clone(), &db, name, full, pin)?.with_clock(Arc::new(clock.clone()));
    let boss = svc.sign_in(name, pin)?;
    for (name, full, role, pin) in &USERS[1..] {
        svc.add_user(&boss, name, full, *role, pin)?;
    }
    let clerks: Vec<Session> = USERS[1..]
        .iter()
        .map(|(n, _, _, p)| svc.sign_in(n, p))
        .collect::<Result<_, _>>()?;

    let import = |svc: &mut Service, file: &Path, period: Period| {
        let opts = ImportOptions {
            kind: ListKind::Monthly,
            period: Some(period),
            dry_run: false,
        };
        svc.import(&boss, file, &opts, &mut |_| {})
    };
    import(&mut svc, &last_file, last)?;

    // Proxies on file, dated as the demo data has them relative to today.
    let shift = (today - demo_today()).num_days();
    let move_date = |d: NaiveDate| {
        if shift >= 0 {
            d + Days::new(shift as u64)
        } else {
            d - Days::new(shift.unsigned_abs())
        }
    };
    let proxies = demo_proxies(SEED, &people);
    for p in &proxies {
        let Some(found) = svc.search(&p.record_code, 1)?.hits.into_iter().next() else {
            continue;
        };
        let new = NewProxy {
            guardian: p.role == ProxyRole::Guardian,
            full_name: p.full_name.clone(),
            id_number: p.id_number.clone(),
            relationship: p.relationship.to_string(),
            document_no: p.document_number.clone(),
            certified_by: p.certified_by.clone(),
            valid_from: move_date(p.valid_from),
            valid_to: p.valid_to.map(move_date),
        };
        svc.add_proxy(&boss, found.person.id, &new)?;
    }

    // Last month: most people were paid during the window. Each working
    // day the drawers are opened in the morning, counted in the evening,
    // and the day is closed.
    let mut rng = Rng::new(SEED ^ 0x5eed);
    let mut payments = 0;
    let mut days = CounterDays {
        clock: &clock,
        boss: &boss,
        current: None,
        now,
    };
    let came: Vec<usize> = (0..people.len()).filter(|_| !rng.chance(130)).collect();
    let (from, to) = (first_working_day(last), last_day(last));
    for (at, &i) in counter_times(&mut rng, from, to, came.len(), now)
        .iter()
        .zip(&came)
    {
        days.at(&mut svc, at)?;
        if pay_demo(&mut svc, &clerks[i % clerks.len()], &people[i], &mut rng)? {
            payments += 1;
        }
    }

    // This month so far: some people have come already, a few of them today
    // (before now).
    days.at(&mut svc, &stamp(first_working_day(this), 7, 30, now))?;
    import(&mut svc, &this_file, this)?;
    let came: Vec<usize> = (0..people.len()).filter(|_| rng.chance(350)).collect();
    let times: Vec<String> =
        counter_times(&mut rng, first_working_day(this), today, came.len(), now)
            .into_iter()
            .filter(|t| chrono::DateTime::parse_from_rfc3339(t).is_ok_and(|t| t < now))
            .collect();
    for (at, &i) in times.iter().zip(&came) {
        days.at(&mut svc, at)?;
        if pay_demo(&mut svc, &clerks[i % clerks.len()], &people[i], &mut rng)? {
            payments += 1;
        }
    }
    // Today stays open, the drawers given their float.
    let morning = stamp(today, 7, 15, now);
    let opening = if chrono::DateTime::parse_from_rfc3339(&morning).is_ok_and(|t| t < now) {
        morning
    } else {
        crate::service::clock::stamp(now)
    };
    days.at(&mut svc, &opening)?;

    // A few status changes, as decrease lists and reports bring them.
    clock.set(&crate::service::clock::stamp(now));
    let marks = [
        (Status::Suspended, "Tạm dừng chờ xác minh hồ sơ"),
        (Status::Deceased, "Gia đình báo tử"),
    ];
    for ((status, note), person) in marks.iter().zip(&leaving) {
        if let Some(hit) = svc.search(&person.record_code, 1)?.hits.into_iter().next() {
            svc.set_person_status(&boss, hit.person.id, *status, note)?;
        }
    }
    Ok(Built {
        config_file,
        db,
        files: vec![last_file, this_file, next_file, bad_file],
        people: people.len(),
        payments,
    })
}

/// A small list with the mistakes real lists have, to see how the importer
/// refuses them: a CCCD with a wrong province, an amount with a fraction of
/// a đồng, a person listed twice, and a total row that does not add up.
fn list_with_mistakes(people: &[DemoPerson], period: Period) -> String {
    let mut out = format!(
        "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {} NĂM {}\n\nSTT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Thôn;Trợ cấp;Phụ cấp;Tổng cộng\n",
        period.month, period.year
    );
    let mut total = 0;
    for (i, p) in people
        .iter()
        .filter(|p| p.id_number.as_deref().is_some_and(|id| id.len() == 12))
        .take(6)
        .enumerate()
    {
        let id = p.id_number.clone().unwrap_or_default();
        let (id, tro_cap) = match i {
            1 => (format!("999{}", &id[3..]), "2.789.000".to_string()),
            3 => (id, "2.789.000,5".to_string()),
            _ => (id, "2.789.000".to_string()),
        };
        total += 2_789_000;
        let row = format!(
            "{};{};{};{};{};Thôn {};{};;{}\n",
            i + 1,
            p.record_code,
            p.full_name,
            p.birth_year,
            id,
            p.hamlet,
            tro_cap,
            tro_cap
        );
        out.push_str(&row);
        if i == 4 {
            out.push_str(&row.replacen(&format!("{};", i + 1), "5b;", 1));
        }
    }
    out.push_str(&format!(
        ";;Tổng cộng;;;;{};;{}\n",
        crate::domain::Money::from_dong(total).format_plain(),
        crate::domain::Money::from_dong(total + 1_000_000).format_plain()
    ));
    out
}

/// Walks the demo's counter days: opens the drawers the first time a day
/// is seen, and counts them and closes the day before the next one.
struct CounterDays<'a> {
    clock: &'a FixedClock,
    boss: &'a Session,
    current: Option<NaiveDate>,
    now: chrono::DateTime<chrono::FixedOffset>,
}

impl CounterDays<'_> {
    /// Moves the clock to `at`, closing the day before and opening `at`'s.
    fn at(&mut self, svc: &mut Service, at: &str) -> Result<(), Error> {
        let t = chrono::DateTime::parse_from_rfc3339(at).expect("a demo time");
        let day = t.date_naive();
        if self.current != Some(day) {
            if let Some(prev) = self.current {
                self.close(svc, prev)?;
            }
            self.clock
                .set(&stamp(day, 7, 15, self.now).min(at.to_string()));
            for (name, _, _, pin) in &USERS {
                svc.drawer_move(
                    self.boss,
                    name,
                    pin,
                    MoveKind::Float,
                    Money::from_dong(FLOAT),
                    "",
                )?;
            }
            self.current = Some(day);
        }
        self.clock.set(at);
        Ok(())
    }

    /// Each clerk counts exactly what is expected; the supervisor closes.
    fn close(&mut self, svc: &mut Service, day: NaiveDate) -> Result<(), Error> {
        self.clock.set(&stamp(day, 17, 0, self.now));
        let key = day.format("%Y-%m-%d").to_string();
        let denominations = svc.config().cash.denominations.clone();
        for (name, _, _, pin) in &USERS {
            let clerk = svc.sign_in(name, pin)?;
            let expected = svc
                .day_report(&key)?
                .clerks
                .iter()
                .find(|c| c.name == *name)
                .map_or(0, |c| c.expected.dong());
            svc.count_drawer(&clerk, &in_notes(expected, &denominations))?;
        }
        svc.close_day(self.boss, USERS[0].3, &key, false)?;
        Ok(())
    }
}

/// The opening float of each demo drawer.
const FLOAT: i64 = 100_000_000;

/// `amount` in as few notes as the denominations allow.
fn in_notes(mut amount: i64, denominations: &[i64]) -> BTreeMap<i64, i64> {
    let mut notes = BTreeMap::new();
    for &d in denominations {
        if amount >= d {
            notes.insert(d, amount / d);
            amount %= d;
        }
    }
    notes
}

/// The seed of the demo office.
const SEED: u64 = 2026;

/// Pays a demo person as their registered method says, the person or their
/// proxy collecting. Returns false when they cannot be paid (no ID, or
/// nothing owed).
fn pay_demo(
    svc: &mut Service,
    clerk: &Session,
    p: &DemoPerson,
    rng: &mut Rng,
) -> Result<bool, Error> {
    let Some(hit) = svc.search(&p.record_code, 1)?.hits.into_iter().next() else {
        return Ok(false);
    };
    let view = svc.person_view(hit.person.id)?;
    if !view.can_pay() {
        return Ok(false);
    }
    let today = svc.today();
    let proxy = view
        .proxies
        .iter()
        .find(|x| x.proxy.validity(today) == crate::domain::proxy::Validity::InDate);
    // A proxy collects when the person has no ID, and often otherwise.
    let use_proxy = p.id_number.is_none() || rng.chance(600);
    let (receiver, id) = match (&p.id_number, proxy) {
        (_, Some(x)) if use_proxy => (Receiver::OnFile(x.proxy.id), x.proxy.id_number.clone()),
        (Some(id), _) => (Receiver::Person, id.clone()),
        (None, _) => return Ok(false),
    };
    let method = PayMethod::from_code(p.pay_method).unwrap_or(PayMethod::Cash);
    let reference = method
        .is_transfer()
        .then(|| format!("FT{}{}", today.format("%y%j"), rng.digits(6)));
    let req = PayRequest {
        person_id: view.person.id,
        receiver,
        receiver_id_number: id,
        method,
        account: p.account.clone(),
        reference,
        idem_key: svc.new_idem_key(),
        lines: view.unpaid.iter().map(|l| l.entitlement_id).collect(),
        approval: None,
    };
    svc.pay(clerk, &req)?;
    Ok(true)
}

/// The first day of a period's payment window in the demo (the 2nd).
fn first_working_day(p: Period) -> NaiveDate {
    NaiveDate::from_ymd_opt(p.year, p.month, 2).expect("a valid date")
}

fn stamp(day: NaiveDate, h: u32, m: u32, now: chrono::DateTime<chrono::FixedOffset>) -> String {
    let t = day.and_hms_opt(h, m, 0).expect("a valid time");
    format!("{}{}", t.format("%Y-%m-%dT%H:%M:%S"), now.format("%:z"))
}

/// The last day of a period.
fn last_day(p: Period) -> NaiveDate {
    p.next().first_day().pred_opt().expect("a valid date")
}

/// `n` counter times between `from` and `to` (Monday–Saturday,
/// 07:30–16:30), in order, as RFC 3339 stamps in `now`'s offset.
fn counter_times(
    rng: &mut Rng,
    from: NaiveDate,
    to: NaiveDate,
    n: usize,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Vec<String> {
    let days: Vec<NaiveDate> = from
        .iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| d.weekday() != chrono::Weekday::Sun)
        .collect();
    if days.is_empty() {
        return Vec::new();
    }
    let mut times: Vec<(NaiveDate, u32)> = (0..n)
        .map(|_| (*rng.pick(&days), 7 * 60 + 30 + rng.below(9 * 60) as u32))
        .collect();
    times.sort();
    times
        .into_iter()
        .map(|(d, m)| stamp(d, m / 60, m % 60, now))
        .collect()
}
