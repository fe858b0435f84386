//! Building the demo office's database through the real program: the lists
//! are written as files and imported with the importer, users are added,
//! proxies registered and payments made through the service, each at a
//! plausible time on the office's clock, the counter days walked by
//! [`Till`] (drawers floated, cash issued when low, counted, closed).
//!
//! The demo is relative to "now", whatever day that is: last month's list
//! was imported at the start of last month and mostly paid through it; this
//! month's list arrived on the 1st and some of it is paid already; a few
//! people are owed both months. Every past day with activity is closed;
//! today is open, its drawers floated, so a newcomer can pay at once.
//!
//! Not here: where the demo's folder lives and how it is put in place
//! ([`super::folder`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};

use super::files::{ListHeading, write_monthly_csv, write_monthly_xlsx};
use super::folder::{CONFIG_FILE, DB_FILE};
use super::people::{DemoPerson, office_people};
use super::proxies::{ProxyRole, demo_proxies, demo_today};
use super::rng::Rng;
use super::till::{Staff, Till, at_time};
use crate::config::Config;
use crate::domain::person::Status;
use crate::domain::user::Role;
use crate::domain::{EntitlementKind, PayMethod, Period};
use crate::service::auth::PinRule;
use crate::service::clock::stamp;
use crate::service::import::{ImportOptions, ListKind};
use crate::service::pay::{NewProxy, PayRequest, Receiver};
use crate::service::{Error, FixedClock, Service};
use crate::store::StoreError;

/// The demo's users: (user name, full name, role, PIN). The supervisor
/// comes first.
pub const USERS: [(&str, &str, Role, &str); 3] = [
    ("truong", "Trần Văn Minh", Role::Supervisor, "1111"),
    ("gdv1", "Lê Thị Hoa", Role::Clerk, "2222"),
    ("gdv2", "Phạm Văn Long", Role::Clerk, "3333"),
];

/// What was built, for the summary. Paths are inside the demo's folder,
/// relative to it, so they stay true when the folder is moved.
#[derive(Debug, Clone)]
pub struct Built {
    pub files: Vec<PathBuf>,
    pub people: usize,
    pub payments: usize,
    pub closed_days: usize,
    /// The home round left to try: its number and hamlet.
    pub round: Option<(i64, String)>,
    /// The person who died this month, whose heir has not come yet:
    /// (record code, full name). Their funeral allowance is on this
    /// month's list.
    pub heir_case: Option<(String, String)>,
}

/// Writes the demo configuration into `dir`: the shipped one, with the
/// database, the spool and the backups inside `dir` as paths relative to
/// the configuration file (so the folder can be renamed), and payment
/// allowed every day of the month so the demo works whatever today is.
pub fn write_config(dir: &Path) -> Result<PathBuf, Error> {
    let text = include_str!("../../config/chitra.toml")
        .replace(
            "path = \"../data/chitra.db\"",
            &format!("path = \"{DB_FILE}\""),
        )
        .replace("spool_dir = \"../data/spool\"", "spool_dir = \"spool\"")
        .replace("dir = \"../data/backup\"", "dir = \"backup\"")
        .replace("keep = 60", "keep = 5")
        .replace("window_first_day = 2", "window_first_day = 1")
        .replace("window_last_day = 25", "window_last_day = 31");
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let path = dir.join(CONFIG_FILE);
    std::fs::write(&path, text).map_err(io(&path))?;
    Ok(path)
}

/// The demo configuration in `dir`, loaded.
fn load_config(dir: &Path) -> Result<Config, Error> {
    let path = dir.join(CONFIG_FILE);
    Config::load(&path).map_err(|e| io(&path)(std::io::Error::other(e.to_string())))
}

/// An I/O failure at `path`, as the service reports one.
pub(super) fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| {
        Error::Store(StoreError::Io {
            path: path.to_path_buf(),
            reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
        })
    }
}

/// Builds the demo office in the folder `dir` (created if needed; its
/// database must not exist yet) with `n` people, as of `now`.
pub fn build_at(dir: &Path, n: usize, now: DateTime<FixedOffset>) -> Result<Built, Error> {
    write_config(dir)?;
    let config = Arc::new(load_config(dir)?);
    let db = config.database.path.clone();
    let today = now.date_naive();
    let this = Period::of(today);
    let last = this.prev();
    // Nothing is dated after now.
    let at = |day: NaiveDate, h: u32, m: u32| at_time(day, h, m, now).min(now);

    let people = office_people(SEED, n);
    // Two people leave the lists this month (one suspended, one deceased):
    // next month's list no longer has them.
    let leaving: Vec<&DemoPerson> = people
        .iter()
        .rev()
        .filter(|p| p.id_number.is_some())
        .take(2)
        .collect();
    // The one who died: this month's list carries their funeral allowance
    // (the family has not come for it yet, and no heir is on file).
    let deceased = leaving
        .get(1)
        .map(|p| (p.record_code.clone(), p.full_name.clone()));
    let mut this_people = people.clone();
    if let Some(p) = this_people
        .iter_mut()
        .find(|p| Some(&p.record_code) == deceased.as_ref().map(|d| &d.0))
        && !p
            .amounts
            .iter()
            .any(|(k, _)| *k == EntitlementKind::MaiTang)
    {
        p.amounts
            .push((EntitlementKind::MaiTang, super::MAI_TANG_PHI));
    }
    let staying: Vec<DemoPerson> = people
        .iter()
        .filter(|p| !leaving.iter().any(|l| l.record_code == p.record_code))
        .cloned()
        .collect();
    let files_dir = dir.join("files");
    std::fs::create_dir_all(&files_dir).map_err(io(&files_dir))?;
    let heading = ListHeading {
        agency: config.office.paying_agency.clone(),
        commune: config.office.commune.clone(),
        province: config.office.province.clone(),
    };
    let files = [
        format!("danh-sach-chi-tra-{last}.csv"),
        format!("danh-sach-chi-tra-{this}.xlsx"),
        format!("thu-nhap-{}.xlsx", this.next()),
        format!("thu-nhap-co-loi-{}.csv", this.next()),
    ]
    .map(|name| Path::new("files").join(name));
    let [last_file, this_file, next_file, bad_file] = files.clone().map(|f| dir.join(f));
    let xlsx_io =
        |p: &Path, e: rust_xlsxwriter::XlsxError| io(p)(std::io::Error::other(e.to_string()));
    write_monthly_csv(&last_file, (last.year, last.month), &people, b';', true)
        .map_err(io(&last_file))?;
    write_monthly_xlsx(&this_file, &heading, (this.year, this.month), &this_people)
        .map_err(|e| xlsx_io(&this_file, e))?;
    // Next month's list is left for the newcomer to import.
    let next = this.next();
    write_monthly_xlsx(&next_file, &heading, (next.year, next.month), &staying)
        .map_err(|e| xlsx_io(&next_file, e))?;
    std::fs::write(&bad_file, list_with_mistakes(&staying, next)).map_err(io(&bad_file))?;
    // This month's change lists, left for the newcomer to import.
    let mut files = files.to_vec();
    if let Some((stopped, adjusted)) = super::month::picks(&staying) {
        let names = [
            format!("danh-sach-giam-{this}.csv"),
            format!("danh-sach-tang-{this}.csv"),
            format!("danh-sach-dieu-chinh-{this}.csv"),
        ]
        .map(|name| Path::new("files").join(name));
        let [giam, tang, dieu_chinh] = names.clone().map(|f| dir.join(f));
        super::month::write_decrease(&giam, this, stopped).map_err(io(&giam))?;
        super::month::write_increase(&tang, this, &people).map_err(io(&tang))?;
        super::month::write_adjustment(&dieu_chinh, this, adjusted).map_err(io(&dieu_chinh))?;
        files.extend(names);
    }

    // The office starts on the 1st of last month: users, last month's list,
    // the proxies on file.
    let (name, full, _, pin) = USERS[0];
    let clock = FixedClock::at(&stamp(at(last.first_day(), 7, 0)));
    // Their PINs are printed for anyone to try, so they may be the easy
    // ones a real office's users are refused.
    let mut svc = Service::init_under(
        config.clone(),
        &db,
        (name, full, pin),
        Arc::new(clock.clone()),
        PinRule::Demo,
    )?;
    let boss = svc.sign_in(name, pin)?;
    for (name, full, role, pin) in &USERS[1..] {
        svc.add_user_under(&boss, (name, full, *role), pin, PinRule::Demo)?;
    }
    let mut staff = vec![Staff {
        session: boss.clone(),
        pin: pin.to_string(),
    }];
    for (name, _, _, pin) in &USERS[1..] {
        staff.push(Staff {
            session: svc.sign_in(name, pin)?,
            pin: pin.to_string(),
        });
    }
    let import = |svc: &mut Service, file: &Path, period: Period| {
        let opts = ImportOptions {
            kind: ListKind::Monthly,
            period: Some(period),
            dry_run: false,
        };
        svc.import(&boss, file, &opts, &mut |_| {})
    };
    import(&mut svc, &last_file, last)?;
    add_proxies(&mut svc, &boss, &people, today)?;
    register_papers(&mut svc, &staff[1].session, &people)?;

    // Last month: most people came during the month, Monday to Saturday.
    let mut rng = Rng::new(SEED ^ 0x5eed);
    let mut payments = 0;
    let mut till = Till::new(&clock, &staff, now);
    let came: Vec<usize> = (0..people.len()).filter(|_| !rng.chance(130)).collect();
    let times = counter_times(
        &mut rng,
        first_working_day(last),
        last_day(last),
        came.len(),
        now,
    );
    for (&t, &i) in times.iter().zip(&came) {
        till.go_to(&mut svc, t)?;
        if pay_demo(
            &mut svc,
            &mut till,
            1 + i % (staff.len() - 1),
            &people[i],
            &mut rng,
        )? {
            payments += 1;
        }
    }
    till.close_day(&mut svc)?;

    // This month's list arrived on the 1st; some people have come already,
    // a few of them today (before now).
    clock.set(&stamp(at(this.first_day(), 7, 0)));
    import(&mut svc, &this_file, this)?;
    let came: Vec<usize> = (0..people.len())
        .filter(|_| rng.chance(350))
        .filter(|&i| Some(&people[i].record_code) != deceased.as_ref().map(|d| &d.0))
        .collect();
    let times: Vec<DateTime<FixedOffset>> =
        counter_times(&mut rng, first_working_day(this), today, came.len(), now)
            .into_iter()
            .filter(|t| *t < now)
            .collect();
    for (&t, &i) in times.iter().zip(&came) {
        till.go_to(&mut svc, t)?;
        if pay_demo(
            &mut svc,
            &mut till,
            1 + i % (staff.len() - 1),
            &people[i],
            &mut rng,
        )? {
            payments += 1;
        }
    }
    // Today stays open, every drawer given its float.
    till.go_to(&mut svc, at(today, 7, 15))?;

    // A few status changes, as decrease lists and reports bring them.
    clock.set(&stamp(now));
    let marks = [
        (Status::Suspended, "Tạm dừng chờ xác minh hồ sơ"),
        (Status::Deceased, "Gia đình báo tử"),
    ];
    for ((status, note), person) in marks.iter().zip(&leaving) {
        if let Some(hit) = svc.search(&person.record_code, 1)?.hits.into_iter().next() {
            svc.set_person_status(&boss, hit.person.id, *status, note)?;
        }
    }
    let mut files = files.to_vec();
    let round = super::round::make(&mut svc, &boss, this, dir)?.map(|(n, hamlet, sheet)| {
        files.push(sheet);
        (n, hamlet)
    });
    Ok(Built {
        files,
        people: people.len(),
        payments,
        closed_days: till.closed(),
        round,
        heir_case: deceased,
    })
}

/// Where a CCCD is issued, as the card prints it.
const CCCD_PLACE: &str = "Cục Cảnh sát quản lý hành chính về trật tự xã hội";

/// About three in five people holding a CCCD have shown it at the counter
/// with its date and place of issue (what the bank needs to open an
/// account): the plan's lists then split the office as a real one would,
/// not everyone "thiếu giấy tờ". A stream of its own, so the other draws
/// of the demo stay as they were.
fn register_papers(
    svc: &mut Service,
    clerk: &crate::service::Session,
    people: &[DemoPerson],
) -> Result<(), Error> {
    let mut rng = Rng::stream(SEED, 0x9a9e);
    let first = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap_or_default();
    for p in people {
        let Some(id) = p.id_number.as_deref().filter(|id| id.len() == 12) else {
            continue;
        };
        if !rng.chance(600) {
            continue;
        }
        let issued = first + Days::new(rng.below(1200));
        let Some(hit) = svc.search(id, 1)?.hits.into_iter().next() else {
            continue;
        };
        let req = crate::service::register::RegisterRequest {
            id_number: Some(id.to_string()),
            id_issued: Some(issued),
            id_place: Some(CCCD_PLACE.to_string()),
            ..Default::default()
        };
        svc.register(clerk, hit.person.id, &req)?;
    }
    Ok(())
}

/// Puts the demo's proxies and guardians on file, their dates as the demo
/// data has them relative to `today`.
fn add_proxies(
    svc: &mut Service,
    boss: &crate::service::Session,
    people: &[DemoPerson],
    today: NaiveDate,
) -> Result<(), Error> {
    let shift = (today - demo_today()).num_days();
    let move_date = |d: NaiveDate| {
        if shift >= 0 {
            d + Days::new(shift as u64)
        } else {
            d - Days::new(shift.unsigned_abs())
        }
    };
    for p in &demo_proxies(SEED, people) {
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
        svc.add_proxy(boss, found.person.id, &new, None)?;
    }
    Ok(())
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

/// The seed of the demo office.
const SEED: u64 = 2026;

/// Pays a demo person as their registered method says, the person or their
/// proxy collecting, at the counter of staff member `who`; cash is issued to
/// the drawer first if it holds too little. Returns false when they cannot
/// be paid (no ID and no proxy in date, or nothing owed).
fn pay_demo(
    svc: &mut Service,
    till: &mut Till,
    who: usize,
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
    if method.is_cash() {
        till.cash_for(svc, who, view.unpaid_total)?;
    }
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
    let paid = svc.pay(till.session(who), &req)?;
    till.paid(who, paid.payment.total, method.is_cash());
    Ok(true)
}

/// The first day of a period's payment window in the demo (the 2nd).
fn first_working_day(p: Period) -> NaiveDate {
    NaiveDate::from_ymd_opt(p.year, p.month, 2).expect("a valid date")
}

/// The last day of a period.
fn last_day(p: Period) -> NaiveDate {
    p.next().first_day().pred_opt().expect("a valid date")
}

/// `n` counter times between `from` and `to` (Monday–Saturday,
/// 07:30–16:30), in order, in `now`'s offset.
fn counter_times(
    rng: &mut Rng,
    from: NaiveDate,
    to: NaiveDate,
    n: usize,
    now: DateTime<FixedOffset>,
) -> Vec<DateTime<FixedOffset>> {
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
        .map(|(d, m)| at_time(d, m / 60, m % 60, now))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_config_keeps_everything_in_its_folder_and_pays_every_day() {
        let dir = std::env::temp_dir().join(format!("chitra-demo-config-{}", std::process::id()));
        let c = write_config(&dir).and_then(|_| load_config(&dir));
        let _ = std::fs::remove_dir_all(&dir);
        let c = c.unwrap();
        assert_eq!(c.database.path, dir.join(DB_FILE));
        assert_eq!(c.receipt.spool_dir, dir.join("spool"));
        assert_eq!(c.backup.dir, dir.join("backup"));
        assert!((1..=31).all(|d| c.payment.in_window(d)));
    }
}
