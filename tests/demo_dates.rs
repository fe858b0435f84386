//! The demo office builds on every day of the year: built with a fixed
//! clock on every day of December 2026 (the 1st–10th with last month's and
//! this month's lists, 31 December, New Year's Day) and of February 2028
//! (29 February, 1 March), at times from just after midnight to just before
//! it, a small office each time. Every one must open, verify, have every
//! past day with activity closed and today open with drawers a clerk can
//! pay from — and no drawer may ever have paid out cash it did not hold.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chitra::config::Config;
use chitra::demo::folder::{CONFIG_FILE, DB_FILE, DemoError, Found, MARKER, build, look};
use chitra::demo::office::{USERS, build_at};
use chitra::domain::PayMethod;
use chitra::domain::report::MoveKind;
use chitra::service::clock::stamp;
use chitra::service::counter::MonthState;
use chitra::service::pay::{PayRequest, Receiver};
use chitra::service::{FixedClock, Service, Session};
use chrono::{DateTime, Days, FixedOffset, NaiveDate};

/// People in the swept offices: enough for proxies, people leaving the
/// lists and people owed both months, few enough to build fast.
const PEOPLE: usize = 8;

/// The times of day the sweep cycles through.
const TIMES: [(u32, u32); 5] = [(0, 5), (6, 30), (10, 15), (16, 45), (23, 59)];

fn at(day: NaiveDate, i: usize) -> DateTime<FixedOffset> {
    let (h, m) = TIMES[i % TIMES.len()];
    let t = day.and_hms_opt(h, m, 0).unwrap();
    t.and_local_timezone(FixedOffset::east_opt(7 * 3600).unwrap())
        .unwrap()
}

/// The demo's service on `dir`, its clock at `now`.
fn open(dir: &Path, now: DateTime<FixedOffset>) -> Service {
    let config = Config::load(&dir.join(CONFIG_FILE)).unwrap();
    let db = config.database.path.clone();
    assert_eq!(db, dir.join(DB_FILE), "the database is inside the folder");
    Service::open(Arc::new(config), &db)
        .unwrap()
        .with_clock(Arc::new(FixedClock::at(&stamp(now))))
}

fn day_key(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Replays a day's cash in the order it happened and fails if a drawer
/// ever paid out more than it held. Returns how many times cash was issued.
fn never_overdrawn(svc: &Service, day: &str) -> usize {
    let facts = svc
        .store()
        .read(|r| chitra::store::days::facts(r, day))
        .unwrap();
    // (time, order at the same time: moves first, clerk, change in đồng)
    let mut events: Vec<(String, u8, i64, i64)> = Vec::new();
    for m in &facts.moves {
        let sign = if m.kind == MoveKind::Return { -1 } else { 1 };
        events.push((m.at.clone(), 0, m.clerk_id, sign * m.amount.dong()));
    }
    for p in facts.payments.iter().filter(|p| p.method.is_cash()) {
        events.push((p.paid_at.clone(), 1, p.clerk_id, -p.total.dong()));
    }
    for r in facts.reversals.iter().filter(|r| r.method.is_cash()) {
        events.push((r.at.clone(), 0, r.requested_by, r.total.dong()));
    }
    events.sort();
    let mut held: BTreeMap<i64, i64> = BTreeMap::new();
    for (t, _, clerk, change) in &events {
        let h = held.entry(*clerk).or_default();
        *h += change;
        assert!(
            *h >= 0,
            "{day} {t}: drawer of user {clerk} paid out cash it did not hold ({h} đ)"
        );
    }
    facts
        .moves
        .iter()
        .filter(|m| m.kind == MoveKind::Issue)
        .count()
}

/// Everything a built demo must be, as of `now`.
fn check_office(dir: &Path, now: DateTime<FixedOffset>) {
    let mut svc = open(dir, now);
    let today = now.date_naive();
    let key = day_key(today);
    let ctx = format!("demo built for {now}");

    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{ctx}: verify found {:?}", v.findings);
    assert!(v.closed_days > 0, "{ctx}: no day was closed");

    let open_before = svc
        .store()
        .read(|r| chitra::store::days::open_days_before(r, &key))
        .unwrap();
    assert!(
        open_before.is_empty(),
        "{ctx}: past days left open: {open_before:?}"
    );
    let closed = svc.store().read(chitra::store::days::closed_days).unwrap();
    assert!(
        closed.iter().all(|d| *d < key),
        "{ctx}: today or later closed: {closed:?}"
    );
    assert!(
        svc.day_report(&key).unwrap().closed.is_none(),
        "{ctx}: today is closed"
    );
    for day in closed.iter().chain([&key]) {
        never_overdrawn(&svc, day);
    }
    let report = svc.day_report(&closed[0]).unwrap();
    assert!(
        report.clerks.iter().all(|c| c.count.is_some()),
        "{ctx}: a drawer of {} was not counted",
        closed[0]
    );

    // Today every drawer is open and uncounted, and a clerk can pay cash.
    let staff: Vec<Session> = USERS
        .iter()
        .map(|(name, _, _, pin)| svc.sign_in(name, pin).unwrap())
        .collect();
    for s in &staff {
        let (opened, count) = svc.drawer_state(s).unwrap();
        assert!(
            opened && count.is_none(),
            "{ctx}: {}'s drawer is not ready",
            s.user.name
        );
    }
    let in_drawer = svc
        .day_report(&key)
        .unwrap()
        .clerks
        .iter()
        .find(|c| c.user_id == staff[1].user.id)
        .map(|c| c.expected)
        .unwrap();
    let owed = svc
        .search("HD-0", 100)
        .unwrap()
        .hits
        .into_iter()
        .find(|h| {
            h.state == MonthState::Unpaid
                && h.person.id_number.is_some()
                && h.unpaid_total <= in_drawer
        })
        .unwrap_or_else(|| panic!("{ctx}: nobody is owed anything"));
    let view = svc.person_view(owed.person.id).unwrap();
    let req = PayRequest {
        person_id: view.person.id,
        receiver: Receiver::Person,
        receiver_id_number: view.person.id_number.clone().unwrap(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines: view.unpaid.iter().map(|l| l.entitlement_id).collect(),
        approval: None,
    };
    let paid = svc.pay(&staff[1], &req).unwrap();
    assert_eq!(paid.payment.total, view.unpaid_total, "{ctx}");
    never_overdrawn(&svc, &key);
}

fn sweep(first: NaiveDate, last: NaiveDate) {
    let mut i = 0;
    let mut day = first;
    while day <= last {
        let now = at(day, i);
        let dir = tempfile::tempdir().unwrap();
        let built = build_at(dir.path(), PEOPLE, now)
            .unwrap_or_else(|e| panic!("demo built for {now}: {e}"));
        assert_eq!(built.people, PEOPLE);
        check_office(dir.path(), now);
        day = day + Days::new(1);
        i += 1;
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_demo_builds_on_every_day_of_december_and_new_years_day() {
    sweep(date(2026, 12, 1), date(2027, 1, 1));
}

#[test]
fn the_demo_builds_on_every_day_of_a_leap_february_and_the_1st_of_march() {
    sweep(date(2028, 2, 1), date(2028, 3, 1));
}

#[test]
fn a_busy_office_is_issued_cash_before_a_drawer_runs_short() {
    // 06/12/2026, a Sunday after four busy days at the start of the month:
    // the day the demo once could not close.
    let now = at(date(2026, 12, 6), 2);
    let dir = tempfile::tempdir().unwrap();
    build_at(dir.path(), 400, now).unwrap();
    let svc = open(dir.path(), now);
    let closed = svc.store().read(chitra::store::days::closed_days).unwrap();
    let issued: usize = closed.iter().map(|d| never_overdrawn(&svc, d)).sum();
    assert!(
        issued > 0,
        "no drawer needed more cash: the test shows nothing"
    );
    assert!(svc.verify(&[]).unwrap().ok());
}

#[test]
fn the_demo_folder_is_put_in_place_whole_and_an_unfinished_one_rebuilt() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("demo");
    let now = at(date(2026, 12, 6), 2);
    assert_eq!(look(&dir), Found::Missing);

    // A build cut off: a demo's files without the marker.
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join(CONFIG_FILE), "").unwrap();
    std::fs::write(dir.join(DB_FILE), "").unwrap();
    assert_eq!(look(&dir), Found::Incomplete);
    // What a killed build left beside it.
    let stale = parent.path().join("demo.partial-4000000000");
    std::fs::create_dir(&stale).unwrap();

    build(&dir, PEOPLE, now, true).unwrap();
    assert_eq!(look(&dir), Found::Complete { built_for: now });
    assert!(dir.join(MARKER).is_file());
    let beside: Vec<String> = std::fs::read_dir(parent.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["demo"], "nothing left beside the demo");

    // The folder can be renamed: its configuration finds its database.
    let moved = parent.path().join("demo-moved");
    std::fs::rename(&dir, &moved).unwrap();
    check_office(&moved, now);

    // A folder that is not a demo's is left alone.
    let foreign = parent.path().join("papers");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "keep me").unwrap();
    assert_eq!(look(&foreign), Found::Foreign);
    assert!(matches!(
        build(&foreign, PEOPLE, now, true),
        Err(DemoError::NotADemoFolder { .. })
    ));
    assert_eq!(
        std::fs::read_to_string(foreign.join("notes.txt")).unwrap(),
        "keep me"
    );
}
