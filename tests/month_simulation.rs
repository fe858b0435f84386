//! A seeded month at one office, in-process on a fixed clock moved day by
//! day: two clerks and a supervisor; floats, more cash when a drawer runs
//! short (and the payment refused before it), cash taken back; payments by
//! every method, some to proxies; voids the same day and of earlier days;
//! counts that agree and counts short with their reason; days closed the
//! next morning after the next day's work began; a day a clerk left
//! uncounted finished by the supervisor's count the next day, another by
//! the supervisor's record that no count was made; an empty day closed
//! only on purpose.
//!
//! After every day `verify` finds nothing, and the day's report is
//! recounted from what the simulation itself recorded (never from
//! chitra's queries): payments, voids, net, by method, each drawer's
//! expected cash, the people still unpaid. A sealed day's report, printed
//! again after later voids, is the sealed one byte for byte.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chitra::config::Config;
use chitra::domain::Money;
use chitra::domain::payment::PayMethod;
use chitra::domain::report::{DayReport, MoveKind, Tally};
use chitra::domain::user::Role;
use chitra::service::day::DayError;
use chitra::service::import::{ImportOptions, ListKind};
use chitra::service::pay::{PayRequest, Receiver};
use chitra::service::proxies::NewProxy;
use chitra::service::{Error, FixedClock, Service, Session};
use common::{CLERK1, CLERK2, Row, SUPERVISOR, config_in, csv};

const PEOPLE: usize = 200;
const PERIOD: &str = "2026-11";
const SEED: u64 = 0x5EED_2026_1102;
const DENOMINATIONS: [i64; 9] = [
    500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000,
];

/// Days of the month (index from 0 = 02/11) treated specially.
const EMPTY: usize = 7;
const LATE: [usize; 3] = [3, 12, 19];
/// gdv2 goes home without counting; the supervisor counts the next day.
const UNCOUNTED: usize = 15;
/// gdv1 goes home without counting; the supervisor records that no count
/// could be made, the next day.
const NOT_COUNTED: usize = 21;
/// gdv2's count is 2.000 đ short, with the reason.
const SHORT: [usize; 3] = [5, 11, 23];
const DAYS: usize = 26;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn id_of(i: usize) -> String {
    format!("0460480{i:05}")
}

/// What the person is owed each month: trợ cấp, and phụ cấp for some.
fn owed(i: usize) -> (i64, i64) {
    let tro = 1_200_000 + (i as i64 * 137_000) % 2_400_000;
    let phu = if i.is_multiple_of(4) { 600_000 } else { 0 };
    (tro, phu)
}

fn day_of(i: usize) -> String {
    format!("2026-11-{:02}", i + 2)
}

#[derive(Clone)]
struct PaidRec {
    receipt: String,
    person: usize,
    day: String,
    clerk: usize,
    method: PayMethod,
    amount: i64,
    voided: bool,
}

#[derive(Clone)]
struct VoidRec {
    day: String,
    requester: usize,
    method: PayMethod,
    amount: i64,
}

/// Everything the simulation did, kept apart from chitra.
#[derive(Default)]
struct Ledger {
    paid: Vec<PaidRec>,
    voids: Vec<VoidRec>,
    /// (day, clerk, kind, amount)
    moves: Vec<(String, usize, MoveKind, i64)>,
    /// Whether each person's month is paid.
    settled: BTreeSet<usize>,
    proxies: usize,
}

impl Ledger {
    fn balance(&self, day: &str, clerk: usize) -> i64 {
        let moved: i64 = self
            .moves
            .iter()
            .filter(|m| m.0 == day && m.1 == clerk)
            .map(|m| if m.2 == MoveKind::Return { -m.3 } else { m.3 })
            .sum();
        let paid: i64 = self
            .paid
            .iter()
            .filter(|p| p.day == day && p.clerk == clerk && is_cash(p.method))
            .map(|p| p.amount)
            .sum();
        let back: i64 = self
            .voids
            .iter()
            .filter(|v| v.day == day && v.requester == clerk && is_cash(v.method))
            .map(|v| v.amount)
            .sum();
        moved - paid + back
    }

    fn opened(&self, day: &str, clerk: usize) -> bool {
        self.moves.iter().any(|m| m.0 == day && m.1 == clerk)
    }

    /// People still owed and how much, as of now.
    fn unpaid(&self) -> (i64, i64) {
        let left: Vec<usize> = (0..PEOPLE).filter(|p| !self.settled.contains(p)).collect();
        let amount = left.iter().map(|&p| owed(p).0 + owed(p).1).sum();
        (left.len() as i64, amount)
    }
}

fn is_cash(m: PayMethod) -> bool {
    matches!(m, PayMethod::Cash | PayMethod::Home)
}

fn notes_for(mut amount: i64) -> BTreeMap<i64, i64> {
    let mut out = BTreeMap::new();
    for d in DENOMINATIONS {
        if amount >= d {
            out.insert(d, amount / d);
            amount %= d;
        }
    }
    assert_eq!(amount, 0);
    out
}

struct Sim {
    svc: Service,
    clock: FixedClock,
    config: Arc<Config>,
    ledger: Ledger,
    rng: Rng,
    people: Vec<i64>,
    clerks: [(&'static str, &'static str); 2],
    /// The report of each closed day as printed at its close.
    sealed_text: BTreeMap<String, String>,
    /// The people unpaid at the end of each day (what its report says,
    /// whenever it is closed or printed).
    unpaid_at_close: BTreeMap<String, (i64, i64)>,
    /// The last audit row of each day, at its end.
    end_seq: BTreeMap<String, i64>,
    refused_short: bool,
    sessions: BTreeMap<&'static str, Session>,
}

impl Sim {
    fn at(&self, day: &str, time: &str) {
        self.clock.set(&format!("{day}T{time}+07:00"));
    }

    /// Signed in once, at the start: each PIN check costs a hash.
    fn session(&mut self, who: (&str, &str)) -> Session {
        self.sessions[&who.0].clone()
    }

    fn move_cash(&mut self, day: &str, clerk: usize, kind: MoveKind, amount: i64) {
        let boss = self.session(SUPERVISOR);
        let (name, pin) = self.clerks[clerk];
        self.svc
            .drawer_move(&boss, name, pin, kind, Money::from_dong(amount), "")
            .unwrap();
        self.ledger
            .moves
            .push((day.to_string(), clerk, kind, amount));
    }

    fn request(
        &mut self,
        person: usize,
        method: PayMethod,
        receiver: Receiver,
        receiver_id: String,
    ) -> PayRequest {
        if !is_cash(method) {
            common::account_on_file(&mut self.svc, self.people[person], "1234567890");
        }
        let view = self.svc.person_view(self.people[person]).unwrap();
        PayRequest {
            person_id: self.people[person],
            receiver,
            receiver_id_number: receiver_id,
            method,
            account: (!is_cash(method)).then(|| "1234567890".into()),
            reference: (!is_cash(method)).then(|| format!("FT{}", self.rng.next() % 1_000_000)),
            idem_key: self.svc.new_idem_key(),
            lines: view.unpaid.iter().map(|l| l.entitlement_id).collect(),
            approval: None,
        }
    }

    fn pay(&mut self, day: &str, clerk: usize, person: usize, method: PayMethod) {
        let amount = owed(person).0 + owed(person).1;
        if is_cash(method) && self.ledger.balance(day, clerk) < amount {
            if !self.refused_short {
                // Once: the payment is refused in its own transaction,
                // nothing recorded, before the supervisor brings cash.
                let who = self.session(self.clerks[clerk]);
                let req = self.request(person, method, Receiver::Person, id_of(person));
                let err = self.svc.pay(&who, &req).unwrap_err();
                assert!(
                    matches!(err, Error::Day(DayError::DrawerShort { .. })),
                    "{err:?}"
                );
                self.refused_short = true;
            }
            let short = amount - self.ledger.balance(day, clerk);
            let more = (short / 1_000_000 + 1) * 1_000_000 + 5_000_000;
            self.move_cash(day, clerk, MoveKind::Issue, more);
        }
        let (receiver, receiver_id) = if person % 7 == 3 {
            self.ledger.proxies += 1;
            let id = format!("0460850{:05}", self.ledger.proxies);
            let from = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
            (
                Receiver::New(NewProxy {
                    guardian: false,
                    full_name: "Nguyễn Văn Bảo".into(),
                    id_number: id.clone(),
                    relationship: "con trai".into(),
                    document_no: format!("{}/UQ-UBND", self.ledger.proxies),
                    certified_by: "UBND xã Hải Dương".into(),
                    valid_from: from,
                    valid_to: Some(from + chrono::Duration::days(180)),
                }),
                id,
            )
        } else {
            (Receiver::Person, id_of(person))
        };
        let who = self.session(self.clerks[clerk]);
        // A proxy typed in at the counter: the supervisor approves it.
        let approval = matches!(receiver, Receiver::New(_))
            .then(|| self.svc.approval(&who, SUPERVISOR.0, SUPERVISOR.1).unwrap());
        let mut req = self.request(person, method, receiver, receiver_id);
        req.approval = approval;
        let paid = self.svc.pay(&who, &req).unwrap().payment;
        assert_eq!(paid.total.dong(), amount);
        self.ledger.paid.push(PaidRec {
            receipt: paid.receipt_no.clone(),
            person,
            day: day.to_string(),
            clerk,
            method,
            amount,
            voided: false,
        });
        self.ledger.settled.insert(person);
    }

    fn void(&mut self, day: &str, index: usize, requester: usize) {
        let p = self.ledger.paid[index].clone();
        let who = self.session(self.clerks[requester]);
        let approval = self.svc.approval(&who, SUPERVISOR.0, SUPERVISOR.1).unwrap();
        self.svc
            .void_payment(&who, &p.receipt, "nhầm người nhận", &approval)
            .unwrap();
        self.ledger.paid[index].voided = true;
        self.ledger.settled.remove(&p.person);
        self.ledger.voids.push(VoidRec {
            day: day.to_string(),
            requester,
            method: p.method,
            amount: p.amount,
        });
    }

    fn count(&mut self, day: &str, clerk: usize, short: i64) {
        let who = self.session(self.clerks[clerk]);
        let expected = self.ledger.balance(day, clerk);
        let fact = self
            .svc
            .count_drawer(&who, &notes_for(expected - short))
            .unwrap();
        assert_eq!(fact.difference.dong(), -short, "{day} clerk {clerk}");
        if short != 0 {
            self.svc
                .explain_difference(&who, "thiếu tiền lẻ, đã báo trưởng bưu cục")
                .unwrap();
        }
    }

    fn close(&mut self, day: &str) {
        let boss = self.session(SUPERVISOR);
        let closed = self.svc.close_day(&boss, SUPERVISOR.1, day, false).unwrap();
        let text = self.render(&closed.report);
        assert_eq!(text, self.render(&self.svc.day_report(day).unwrap()));
        self.sealed_text.insert(day.to_string(), text);
    }

    fn render(&self, report: &DayReport) -> String {
        chitra::print::document::render_text(&chitra::document::day::build(
            chitra::i18n::Lang::Vi,
            &self.config.office,
            report,
        ))
    }

    /// verify finds nothing, and the day's report is what the ledger says.
    fn check(&mut self, day: &str) {
        let v = self.svc.verify(&[]).unwrap();
        assert!(v.ok(), "{day}: verify: {:?}", v.findings);
        let report = self.svc.day_report(day).unwrap();
        let l = &self.ledger;
        let tally = |it: &mut dyn Iterator<Item = i64>| {
            let mut t = Tally::default();
            for a in it {
                t.count += 1;
                t.amount = t.amount + Money::from_dong(a);
            }
            t
        };
        let paid: Vec<&PaidRec> = l.paid.iter().filter(|p| p.day == day).collect();
        let voids: Vec<&VoidRec> = l.voids.iter().filter(|v| v.day == day).collect();
        let t = &report.totals;
        assert_eq!(
            t.payments,
            tally(&mut paid.iter().map(|p| p.amount)),
            "{day}: payments"
        );
        assert_eq!(
            t.voids,
            tally(&mut voids.iter().map(|v| v.amount)),
            "{day}: voids"
        );
        let net: i64 = paid.iter().map(|p| p.amount).sum::<i64>()
            - voids.iter().map(|v| v.amount).sum::<i64>();
        assert_eq!(t.net.dong(), net, "{day}: net");
        let mut by_method: BTreeMap<PayMethod, (i64, i64)> = BTreeMap::new();
        for p in &paid {
            let e = by_method.entry(p.method).or_default();
            e.0 += 1;
            e.1 += p.amount;
        }
        for v in &voids {
            let e = by_method.entry(v.method).or_default();
            e.0 -= 1;
            e.1 -= v.amount;
        }
        by_method.retain(|_, e| *e != (0, 0));
        let got: BTreeMap<PayMethod, (i64, i64)> = t
            .by_method
            .iter()
            .map(|(m, t)| (*m, (t.count, t.amount.dong())))
            .collect();
        assert_eq!(got, by_method, "{day}: by method");
        for (c, (name, _)) in self.clerks.iter().enumerate() {
            if !l.opened(day, c) {
                continue;
            }
            let row = report
                .clerks
                .iter()
                .find(|r| r.name == *name)
                .unwrap_or_else(|| panic!("{day}: no drawer row for {name}"));
            assert_eq!(
                row.expected.dong(),
                l.balance(day, c),
                "{day}: {name}'s expected cash"
            );
        }
        let (people, amount) = match self.unpaid_at_close.get(day) {
            Some(u) => *u,
            None => l.unpaid(),
        };
        let unpaid: Vec<(String, i64, i64)> = report
            .unpaid
            .iter()
            .map(|u| (u.period.to_string(), u.people, u.amount.dong()))
            .collect();
        let want = if people == 0 {
            vec![]
        } else {
            vec![(PERIOD.to_string(), people, amount)]
        };
        assert_eq!(unpaid, want, "{day}: unpaid");
        if let Some(text) = self.sealed_text.get(day) {
            assert_eq!(
                &self.render(&report),
                text,
                "{day}: the sealed report changed"
            );
        }
    }
}

fn start() -> (tempfile::TempDir, Sim) {
    // In memory when the machine has it: every commit is synced, and the
    // month's thousand commits are about the books, not the disk.
    let shm = std::path::Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let config = Arc::new(config_in(dir.path(), (1, 31)));
    let clock = FixedClock::at("2026-11-01T08:00:00+07:00");
    let mut svc = Service::init_with_clock(
        config.clone(),
        &config.database.path,
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
    let ids: Vec<String> = (0..PEOPLE).map(id_of).collect();
    let codes: Vec<String> = (0..PEOPLE).map(|i| format!("HD-{i:03}")).collect();
    let rows: Vec<Row> = (0..PEOPLE)
        .map(|i| Row {
            code: &codes[i],
            name: "Nguyễn Văn An",
            year: 1948,
            id: &ids[i],
            hamlet: "Thôn Đông",
            tro_cap: owed(i).0,
            phu_cap: owed(i).1,
        })
        .collect();
    let path = dir.path().join("ds.csv");
    std::fs::write(&path, csv(PERIOD, &rows)).unwrap();
    let opts = ImportOptions {
        kind: ListKind::Monthly,
        period: Some(PERIOD.parse().unwrap()),
        dry_run: false,
    };
    svc.import(&boss, &path, &opts, &mut |_| {}).unwrap();
    let mut sessions = BTreeMap::new();
    for who in [SUPERVISOR, CLERK1, CLERK2] {
        sessions.insert(who.0, svc.sign_in(who.0, who.1).unwrap());
    }
    let people = ids
        .iter()
        .map(|id| svc.search(id, 1).unwrap().hits[0].person.id)
        .collect();
    let sim = Sim {
        svc,
        clock,
        config,
        ledger: Ledger::default(),
        rng: Rng(SEED),
        people,
        clerks: [CLERK1, CLERK2],
        sealed_text: BTreeMap::new(),
        unpaid_at_close: BTreeMap::new(),
        end_seq: BTreeMap::new(),
        refused_short: false,
        sessions,
    };
    (dir, sim)
}

#[test]
fn a_seeded_month_matches_an_independent_ledger_every_day() {
    let (_dir, mut s) = start();
    let methods = [
        PayMethod::Cash,
        PayMethod::Cash,
        PayMethod::Cash,
        PayMethod::Home,
        PayMethod::Bank,
        PayMethod::Wallet,
    ];
    // The day left open the evening before, and why.
    let mut pending: Option<usize> = None;
    for i in 0..DAYS {
        let day = day_of(i);
        if i == EMPTY {
            assert!(pending.is_none());
            s.at(&day, "17:30:00");
            let boss = s.session(SUPERVISOR);
            let err = s
                .svc
                .close_day(&boss, SUPERVISOR.1, &day, false)
                .unwrap_err();
            assert!(
                matches!(err, Error::Day(DayError::EmptyDay { .. })),
                "{err:?}"
            );
            s.svc.close_day(&boss, SUPERVISOR.1, &day, true).unwrap();
            s.unpaid_at_close.insert(day.clone(), s.ledger.unpaid());
            let report = s.svc.day_report(&day).unwrap();
            let text = s.render(&report);
            s.sealed_text.insert(day.clone(), text);
            s.check(&day);
            continue;
        }

        // Morning: floats, and the day before finished if it was left open.
        s.at(&day, "07:45:00");
        s.move_cash(&day, 0, MoveKind::Float, 6_000_000);
        s.move_cash(&day, 1, MoveKind::Float, 4_000_000);
        if let Some(p) = pending.take() {
            let before = day_of(p);
            let boss = s.session(SUPERVISOR);
            s.at(&day, "08:00:00");
            if p == UNCOUNTED {
                let expected = s.ledger.balance(&before, 1);
                s.svc
                    .count_earlier_day(&boss, CLERK2.0, &before, &notes_for(expected), None)
                    .unwrap();
            } else if p == NOT_COUNTED {
                s.svc
                    .count_earlier_day(
                        &boss,
                        CLERK1.0,
                        &before,
                        &BTreeMap::new(),
                        Some("giao dịch viên nghỉ ốm, quỹ niêm phong chưa đếm"),
                    )
                    .unwrap();
            } else {
                // A late close: today's work has begun before it.
                let person = (0..PEOPLE).find(|p| !s.ledger.settled.contains(p)).unwrap();
                s.pay(&day, 0, person, PayMethod::Bank);
            }
            s.at(&day, "08:30:00");
            s.close(&before);
            if LATE.contains(&p) {
                let sealed = s.svc.day_report(&before).unwrap();
                let seal = sealed.closed.as_ref().unwrap().seal.seq;
                assert_eq!(
                    seal, s.end_seq[&before],
                    "{before}: the late close sealed rows of the next day"
                );
            }
            s.check(&before);
        }

        // The day's payments and voids.
        let n = 3 + s.rng.below(7);
        for k in 0..n {
            let unpaid: Vec<usize> = (0..PEOPLE)
                .filter(|p| !s.ledger.settled.contains(p))
                .collect();
            if unpaid.is_empty() {
                break;
            }
            s.at(
                &day,
                &format!("{:02}:{:02}:00", 9 + k / 2, (k % 2) * 30 + 5),
            );
            let person = unpaid[s.rng.below(unpaid.len())];
            let clerk = s.rng.below(2);
            let method = methods[s.rng.below(methods.len())];
            s.pay(&day, clerk, person, method);
        }
        s.at(&day, "15:00:00");
        if i % 4 == 1 {
            let today: Vec<usize> = (0..s.ledger.paid.len())
                .filter(|&j| s.ledger.paid[j].day == day && !s.ledger.paid[j].voided)
                .collect();
            if let Some(&j) = today.last() {
                let clerk = s.ledger.paid[j].clerk;
                s.void(&day, j, clerk);
            }
        }
        if i % 6 == 2 && i > 3 {
            let earlier: Vec<usize> = (0..s.ledger.paid.len())
                .filter(|&j| s.ledger.paid[j].day < day && !s.ledger.paid[j].voided)
                .collect();
            let j = earlier[s.rng.below(earlier.len())];
            let requester = s.rng.below(2);
            s.void(&day, j, requester);
        }
        if i % 5 == 4 && s.ledger.balance(&day, 0) >= 1_000_000 {
            s.move_cash(&day, 0, MoveKind::Return, 1_000_000);
        }

        // Evening: counts, then the close unless the day is left open.
        s.at(&day, "16:30:00");
        if i != NOT_COUNTED {
            s.count(&day, 0, 0);
        }
        if i != UNCOUNTED {
            s.count(&day, 1, if SHORT.contains(&i) { 2_000 } else { 0 });
        }
        let head = s.svc.day_report(&day).unwrap().audit_head.unwrap().seq;
        s.end_seq.insert(day.clone(), head);
        s.unpaid_at_close.insert(day.clone(), s.ledger.unpaid());
        if LATE.contains(&i) || i == UNCOUNTED || i == NOT_COUNTED {
            s.at(&day, "17:30:00");
            if i == UNCOUNTED || i == NOT_COUNTED {
                let boss = s.session(SUPERVISOR);
                let err = s
                    .svc
                    .close_day(&boss, SUPERVISOR.1, &day, false)
                    .unwrap_err();
                assert!(matches!(err, Error::Day(DayError::Blocked(_))), "{err:?}");
            }
            pending = Some(i);
        } else {
            s.at(&day, "17:30:00");
            s.close(&day);
        }
        s.check(&day);
    }
    assert!(pending.is_none());

    // Every sealed report, printed again after the month's later voids, is
    // the one that was sealed.
    for (day, text) in s.sealed_text.clone() {
        let again = s.render(&s.svc.day_report(&day).unwrap());
        assert_eq!(again, text, "{day}");
    }
    let l = &s.ledger;
    assert!(
        s.refused_short,
        "no drawer ran short: the month tried too little"
    );
    assert!(l.voids.len() >= 8, "{} voids", l.voids.len());
    for m in [
        PayMethod::Cash,
        PayMethod::Home,
        PayMethod::Bank,
        PayMethod::Wallet,
    ] {
        assert!(l.paid.iter().any(|p| p.method == m), "no payment by {m:?}");
    }
    assert!(l.proxies > 0);
    assert!(l.moves.iter().any(|m| m.2 == MoveKind::Issue));
    assert!(l.moves.iter().any(|m| m.2 == MoveKind::Return));
    eprintln!(
        "{} payments, {} voids, {} proxies, {} cash moves over {DAYS} days",
        l.paid.len(),
        l.voids.len(),
        l.proxies,
        l.moves.len()
    );
}
