//! Edits made behind chitra's back with the `sqlite3` command line, as
//! someone who can write the database file (but has not the audit key)
//! would make them, each on its own copy of one office: `chitra verify`
//! must exit 1 and name the right kind of finding (the `kind` field of
//! `verify --json`).
//!
//! The office: yesterday built in-process on a fixed clock (two clerks'
//! floats, cash, home and bank payments, a void, a proxy, counts one of
//! them short with its reason), closed today by `chitra close --date`
//! (whose printed seal is kept, as the supervisor writes it on paper);
//! today through the real binary: floats, payments, a void, one drawer
//! counted and one still open.
//!
//! Each trial drops the triggers that stand in its way and puts them back
//! afterwards, as a careful forger would, so that only the books can give
//! it away.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use chitra::domain::Money;
use chitra::domain::payment::PayMethod;
use chitra::domain::report::MoveKind;
use chitra::domain::user::Role;
use chitra::service::import::{ImportOptions, ListKind};
use chitra::service::pay::{PayRequest, Receiver};
use chitra::service::proxies::NewProxy;
use chitra::service::{FixedClock, Service, Session};
use common::{CLERK1, CLERK2, Row, SUPERVISOR, config_in, csv};
use sha2::Digest;

/// Six people: P0 … P5, each owed 2.789.000 đ a month.
const PEOPLE: usize = 7;
const AMOUNT: i64 = 2_789_000;

fn id_of(i: usize) -> String {
    format!("0460480{i:05}")
}

/// The office every trial starts from, and what the tests need to know
/// about it.
struct Template {
    dir: tempfile::TempDir,
    yesterday: String,
    today: String,
    /// The seal `close --date` printed for yesterday.
    seal: String,
    /// The head anchor as it was just before the close.
    head_before_close: String,
    /// Today's receipts: gdv1's standing cash payment, gdv1's voided one,
    /// gdv2's bank payment.
    standing: String,
    voided: String,
}

fn chitra(dir: &Path, who: (&str, &str), args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chitra"));
    cmd.arg("--config")
        .arg(dir.join("chitra.toml"))
        .args(args)
        .env_remove("CHITRA_DB")
        .env_remove("CHITRA_CONFIG")
        .env("CHITRA_USER", who.0)
        .env("CHITRA_PIN", who.1);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn ok(dir: &Path, who: (&str, &str), args: &[&str], env: &[(&str, &str)]) -> String {
    let out = chitra(dir, who, args, env);
    assert!(
        out.status.success(),
        "chitra {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn list_for(period: &str) -> String {
    let ids: Vec<String> = (0..PEOPLE).map(id_of).collect();
    let codes: Vec<String> = (0..PEOPLE).map(|i| format!("HD-{i:03}")).collect();
    let rows: Vec<Row> = (0..PEOPLE)
        .map(|i| Row {
            code: &codes[i],
            name: "Nguyễn Văn An",
            year: 1948,
            id: &ids[i],
            hamlet: "Thôn Đông",
            tro_cap: AMOUNT,
            phu_cap: 0,
        })
        .collect();
    csv(period, &rows)
}

fn pay_in_process(svc: &mut Service, who: &Session, i: usize, method: PayMethod) -> String {
    let id = id_of(i);
    let person = svc.search(&id, 1).unwrap().hits[0].person.id;
    if method.is_transfer() {
        common::account_on_file(svc, person, "1234567890");
    }
    let view = svc.person_view(person).unwrap();
    let req = PayRequest {
        person_id: person,
        receiver: Receiver::Person,
        receiver_id_number: id,
        method,
        account: method.is_transfer().then(|| "1234567890".into()),
        reference: method.is_transfer().then(|| "FT1".into()),
        idem_key: svc.new_idem_key(),
        lines: view.unpaid.iter().map(|l| l.entitlement_id).collect(),
        approval: None,
    };
    svc.pay(who, &req).unwrap().payment.receipt_no
}

fn notes(pairs: &[(i64, i64)]) -> BTreeMap<i64, i64> {
    pairs.iter().copied().collect()
}

fn build() -> Template {
    let dir = tempfile::tempdir().unwrap();
    let config = Arc::new(config_in(dir.path(), (1, 31)));
    let db = config.database.path.clone();
    let today_date = {
        use chitra::service::{Clock, SystemClock};
        SystemClock::for_office(&config).today()
    };
    let yesterday_date = today_date.pred_opt().unwrap();
    let yesterday = yesterday_date.format("%Y-%m-%d").to_string();
    let today = today_date.format("%Y-%m-%d").to_string();

    // Yesterday, in-process on a fixed clock.
    let clock = FixedClock::at(&format!("{yesterday}T08:00:00+07:00"));
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
    let mut periods = vec![yesterday[..7].to_string()];
    if today[..7] != yesterday[..7] {
        periods.push(today[..7].to_string());
    }
    for period in &periods {
        let path = dir.path().join(format!("ds-{period}.csv"));
        std::fs::write(&path, list_for(period)).unwrap();
        let opts = ImportOptions {
            kind: ListKind::Monthly,
            period: Some(period.parse().unwrap()),
            dry_run: false,
        };
        svc.import(&boss, &path, &opts, &mut |_| {}).unwrap();
    }
    let p2 = svc.search(&id_of(2), 1).unwrap().hits[0].person.id;
    svc.add_proxy(
        &boss,
        p2,
        &NewProxy {
            guardian: false,
            full_name: "Nguyễn Văn Bảo".into(),
            id_number: "046085001111".into(),
            relationship: "con trai".into(),
            document_no: "12/UQ-UBND".into(),
            certified_by: "UBND xã Hải Dương".into(),
            valid_from: yesterday_date,
            valid_to: Some(yesterday_date + chrono::Duration::days(365)),
        },
        None,
    )
    .unwrap();
    // The one who died, and their heir on file.
    let deceased = svc.search(&id_of(6), 1).unwrap().hits[0].person.id;
    svc.set_person_status(
        &boss,
        deceased,
        chitra::domain::person::Status::Deceased,
        "Từ trần",
    )
    .unwrap();
    svc.add_heir(
        &boss,
        deceased,
        &chitra::service::heirs::NewHeir {
            full_name: "Nguyễn Thị Hằng".into(),
            id_number: "046185002222".into(),
            relationship: "con gái".into(),
            address: "Thôn Đông".into(),
            died_on: Some(yesterday_date),
            death_cert_no: "7/TLKT".into(),
            death_cert_on: Some(yesterday_date),
            death_cert_by: "UBND xã Hải Dương".into(),
            family_paper: "Văn bản thỏa thuận".into(),
            family_paper_on: Some(yesterday_date),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    for who in [CLERK1, CLERK2] {
        svc.drawer_move(
            &boss,
            who.0,
            who.1,
            MoveKind::Float,
            Money::from_dong(10_000_000),
            "",
        )
        .unwrap();
    }
    let hoa = svc.sign_in(CLERK1.0, CLERK1.1).unwrap();
    let long = svc.sign_in(CLERK2.0, CLERK2.1).unwrap();
    clock.set(&format!("{yesterday}T09:00:00+07:00"));
    pay_in_process(&mut svc, &hoa, 0, PayMethod::Cash);
    let bank = pay_in_process(&mut svc, &long, 1, PayMethod::Bank);
    pay_in_process(&mut svc, &hoa, 2, PayMethod::Home);
    clock.set(&format!("{yesterday}T10:00:00+07:00"));
    let approval = svc.approval(&long, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    svc.void_payment(&long, &bank, "nhầm tài khoản", &approval)
        .unwrap();
    clock.set(&format!("{yesterday}T16:30:00+07:00"));
    // gdv1: 10.000.000 − 2 × 2.789.000 = 4.422.000, counted right.
    svc.count_drawer(
        &hoa,
        &notes(&[(500_000, 8), (200_000, 2), (10_000, 2), (1_000, 2)]),
    )
    .unwrap();
    // gdv2: 10.000.000 expected, 9.999.000 counted, with the reason.
    svc.count_drawer(
        &long,
        &notes(&[
            (500_000, 19),
            (200_000, 2),
            (50_000, 1),
            (20_000, 2),
            (5_000, 1),
            (2_000, 2),
        ]),
    )
    .unwrap();
    svc.explain_difference(&long, "thiếu 1.000 đ, tờ rách đổi lại")
        .unwrap();
    drop(svc);

    let head_before_close = std::fs::read_to_string(dir.path().join("chitra.db.head")).unwrap();
    let d = dir.path();
    let out = ok(d, SUPERVISOR, &["close", "--date", &yesterday], &[]);
    let seal = out
        .lines()
        .find(|l| l.starts_with("Mã niêm phong (") || l.starts_with("Seal ("))
        .and_then(|l| l.rsplit(' ').next())
        .unwrap_or_else(|| panic!("no seal printed: {out}"))
        .to_string();

    // Today, through the binary.
    ok(
        d,
        SUPERVISOR,
        &["drawer", "float", CLERK1.0, "20.000.000"],
        &[("CHITRA_CLERK_PIN", CLERK1.1)],
    );
    ok(
        d,
        SUPERVISOR,
        &["drawer", "float", CLERK2.0, "15.000.000"],
        &[("CHITRA_CLERK_PIN", CLERK2.1)],
    );
    let pay = |who: (&str, &str), i: usize, extra: &[&str]| -> String {
        let id = id_of(i);
        let mut args = vec!["pay", id.as_str(), "--receiver-id", id.as_str(), "--json"];
        args.extend_from_slice(extra);
        let out = ok(d, who, &args, &[]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["receipt"].as_str().unwrap().to_string()
    };
    // A transfer goes to the account on file: registered first.
    ok(
        d,
        SUPERVISOR,
        &[
            "register",
            &id_of(5),
            "--account",
            "1234567890",
            "--bank",
            "Agribank",
            "--approver",
            SUPERVISOR.0,
        ],
        &[("CHITRA_APPROVER_PIN", SUPERVISOR.1)],
    );
    pay(
        CLERK2,
        5,
        &[
            "--method",
            "bank",
            "--account",
            "1234567890",
            "--reference",
            "FT2",
        ],
    );
    ok(d, CLERK2, &["drawer", "count", "500000=30"], &[]);
    let standing = pay(CLERK1, 3, &["--method", "cash"]);
    let voided = pay(CLERK1, 4, &["--method", "cash"]);
    ok(
        d,
        CLERK1,
        &[
            "void",
            &voided,
            "--reason",
            "nhầm người",
            "--approver",
            SUPERVISOR.0,
        ],
        &[("CHITRA_APPROVER_PIN", SUPERVISOR.1)],
    );
    Template {
        dir,
        yesterday,
        today,
        seal,
        head_before_close,
        standing,
        voided,
    }
}

/// A copy of the office (configuration, database, key, head, backups and
/// spool) in a fresh folder.
fn copy_of(t: &Template) -> tempfile::TempDir {
    let to = tempfile::tempdir().unwrap();
    copy_dir(t.dir.path(), to.path());
    to
}

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

fn db(dir: &Path) -> PathBuf {
    dir.join("chitra.db")
}

/// Runs `sql` with the `sqlite3` command line, every trigger dropped for
/// the time of the edit and created again afterwards, in one transaction.
fn forge(dir: &Path, sql: &str) {
    let triggers = sqlite3(
        dir,
        "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name;",
    );
    let conn = rusqlite::Connection::open(db(dir)).unwrap();
    let mut script = String::from("BEGIN;\n");
    let mut again = String::new();
    for name in triggers.lines().filter(|l| !l.is_empty()) {
        let text: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [name],
                |r| r.get(0),
            )
            .unwrap();
        script.push_str(&format!("DROP TRIGGER {name};\n"));
        again.push_str(&text);
        again.push_str(";\n");
    }
    drop(conn);
    script.push_str(sql);
    script.push('\n');
    script.push_str(&again);
    script.push_str("COMMIT;\n");
    sqlite3(dir, &script);
}

/// Runs a script with `sqlite3` on the copy's database; its output.
fn sqlite3(dir: &Path, script: &str) -> String {
    let out = try_sqlite3(dir, script);
    assert!(
        out.status.success(),
        "sqlite3: {}\n{script}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn try_sqlite3(dir: &Path, script: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new("sqlite3")
        .arg("-bail")
        .arg(db(dir))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the sqlite3 command line (apt-get install sqlite3)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// One value read with `sqlite3`.
fn one(dir: &Path, query: &str) -> String {
    sqlite3(dir, &format!("{query};")).trim().to_string()
}

/// An audit row rebuilt the way the chain was kept before it was keyed:
/// a plain SHA-256 over the previous hash and the row's fields, which
/// anyone can compute.
fn rebuilt_audit_row(
    dir: &Path,
    action: &str,
    entity: &str,
    entity_id: &str,
    detail: &str,
) -> String {
    let last = one(
        dir,
        "SELECT seq || '|' || hash || '|' || key_id FROM audit_log ORDER BY seq DESC LIMIT 1",
    );
    let mut parts = last.split('|');
    let seq: i64 = parts.next().unwrap().parse().unwrap();
    let prev = parts.next().unwrap().to_string();
    let key_id = parts.next().unwrap().to_string();
    let seq = seq + 1;
    let at = chrono::Utc::now()
        .with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).unwrap())
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string();
    let mut h = sha2::Sha256::new();
    for f in [
        prev.as_str(),
        &seq.to_string(),
        &at,
        "1",
        action,
        entity,
        entity_id,
        detail,
    ] {
        h.update(f.as_bytes());
        h.update(b"\n");
    }
    let hash = hex::encode(h.finalize());
    format!(
        "INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash, key_id)
         VALUES ({seq}, '{at}', 1, '{action}', '{entity}', {entity_id}, '{detail}', '{prev}', '{hash}', '{key_id}');"
    )
}

/// `chitra verify --json [--seal …]` on a copy: its exit code and the kinds
/// of its findings.
fn verify(dir: &Path, seals: &[&str]) -> (Option<i32>, Vec<String>, String) {
    let mut args = vec!["verify", "--json"];
    for s in seals {
        args.push("--seal");
        args.push(s);
    }
    let out = chitra(dir, SUPERVISOR, &args, &[]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "verify --json: {e}: {text} {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let kinds = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let kind = f["kind"].as_str().unwrap().to_string();
            match f["table"].as_str() {
                Some(t) => format!("{kind}:{t}"),
                None => kind,
            }
        })
        .collect();
    (out.status.code(), kinds, text)
}

/// A trial: its letter, what it does to a copy, and the kinds of finding
/// `verify` must name (each as "kind" or "kind:table"; every one must be
/// there).
type Tamper = Box<dyn Fn(&Template, &Path)>;

struct Trial {
    name: &'static str,
    tamper: Tamper,
    seals: bool,
    expect: &'static [&'static str],
}

fn trials() -> Vec<Trial> {
    vec![
        Trial {
            name: "a. a forged void with its audit row rebuilt, then the same person paid again",
            tamper: Box::new(|t, d| {
                let pid = one(
                    d,
                    &format!(
                        "SELECT id FROM payments WHERE receipt_no = '{}'",
                        t.standing
                    ),
                );
                let detail = format!(r#"{{"reason":"nhầm","receipt_no":"{}"}}"#, t.standing);
                let audit = rebuilt_audit_row(d, "payment.reverse", "payment", &pid, &detail);
                forge(
                    d,
                    &format!(
                        "INSERT INTO reversals (payment_id, day, reversed_at, requested_by, approved_by, reason, mac)
                         SELECT id, day, paid_at, clerk_id, (SELECT id FROM users WHERE name = 'truong'), 'nhầm',
                                (SELECT mac FROM reversals ORDER BY id DESC LIMIT 1)
                         FROM payments WHERE id = {pid};
                         {audit}"
                    ),
                );
                let id = id_of(3);
                let again = chitra(
                    d,
                    CLERK1,
                    &["pay", &id, "--method", "cash", "--receiver-id", &id],
                    &[],
                );
                // The counter builds nothing on a void it did not write.
                assert_eq!(
                    again.status.code(),
                    Some(2),
                    "paid again on a forged void: {}",
                    String::from_utf8_lossy(&again.stdout)
                );
                let text = String::from_utf8_lossy(&again.stderr);
                assert!(text.contains("bên ngoài chitra"), "{text}");
            }),
            seals: false,
            expect: &["chain_edited", "row_edited:reversals"],
        },
        Trial {
            name: "b. the last payment deleted with the audit rows from it onward",
            tamper: Box::new(|t, d| {
                let pid = one(
                    d,
                    &format!("SELECT id FROM payments WHERE receipt_no = '{}'", t.voided),
                );
                let from = one(
                    d,
                    &format!(
                        "SELECT min(seq) FROM audit_log WHERE action = 'payment.create' AND entity_id = {pid}"
                    ),
                );
                forge(
                    d,
                    &format!(
                        "DELETE FROM reversals WHERE payment_id = {pid};
                         DELETE FROM payment_lines WHERE payment_id = {pid};
                         DELETE FROM payments WHERE id = {pid};
                         DELETE FROM audit_log WHERE seq >= {from};"
                    ),
                );
            }),
            seals: false,
            expect: &["history_cut"],
        },
        Trial {
            name: "c. the last audit row deleted",
            tamper: Box::new(|_, d| {
                forge(
                    d,
                    "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log);",
                );
            }),
            seals: false,
            expect: &["history_cut"],
        },
        Trial {
            name: "d. a fake payment with a rebuilt audit row",
            tamper: Box::new(|t, d| {
                // P1's line is payable again after yesterday's void.
                let next = one(d, "SELECT max(receipt_seq) + 1 FROM payments");
                let no = format!("{}{next:06}", &t.standing[..t.standing.len() - 6]);
                let pid = one(d, "SELECT max(id) + 1 FROM payments");
                let audit = rebuilt_audit_row(
                    d,
                    "payment.create",
                    "payment",
                    &pid,
                    &format!(r#"{{"receipt_no":"{no}"}}"#),
                );
                forge(
                    d,
                    &format!(
                        "INSERT INTO payments (id, idem_key, office_code, receipt_year, receipt_seq, receipt_no, person_id,
                            day, paid_at, clerk_id, receiver_kind, receiver_name, receiver_id_number, method, total, mac)
                         SELECT {pid}, 'forged-key-0001', office_code, receipt_year, {next}, '{no}',
                            (SELECT id FROM people WHERE record_code = 'HD-001'), day, paid_at, clerk_id, 'self',
                            receiver_name, '{id}', 'cash', {AMOUNT}, mac
                         FROM payments WHERE receipt_no = '{standing}';
                         INSERT INTO payment_lines (payment_id, entitlement_id, amount, attempt, mac)
                         SELECT {pid}, e.id, e.amount, 1, NULL FROM entitlements e
                         JOIN people p ON p.id = e.person_id
                         WHERE p.record_code = 'HD-001' AND e.period = '{period}';
                         {audit}",
                        id = id_of(1),
                        standing = t.standing,
                        period = &t.yesterday[..7],
                    ),
                );
            }),
            seals: false,
            expect: &[
                "chain_edited",
                "row_edited:payments",
                "row_unsealed:payment_lines",
            ],
        },
        Trial {
            name: "e. a person's ID number changed",
            tamper: Box::new(|_, d| {
                forge(
                    d,
                    "UPDATE people SET id_number = '046048099999' WHERE record_code = 'HD-001';",
                );
            }),
            seals: false,
            expect: &["row_edited:people"],
        },
        Trial {
            name: "f. a clerk's role set to supervisor, then that clerk adds a supervisor",
            tamper: Box::new(|_, d| {
                forge(
                    d,
                    "UPDATE users SET role = 'supervisor' WHERE name = 'gdv1';",
                );
                let added = chitra(
                    d,
                    CLERK1,
                    &[
                        "user",
                        "add",
                        "gdv9",
                        "--role",
                        "supervisor",
                        "--full-name",
                        "Người Lạ",
                    ],
                    &[("CHITRA_NEW_PIN", "9999")],
                );
                assert!(
                    !added.status.success(),
                    "a clerk made supervisor behind chitra's back added a supervisor"
                );
            }),
            seals: false,
            expect: &["row_edited:users"],
        },
        Trial {
            name: "g. a PIN hash copied onto the supervisor",
            tamper: Box::new(|_, d| {
                forge(
                    d,
                    "UPDATE users SET pin_hash = (SELECT pin_hash FROM users WHERE name = 'gdv1') WHERE name = 'truong';",
                );
                let signed = chitra(d, ("truong", CLERK1.1), &["user", "list"], &[]);
                assert!(
                    !signed.status.success(),
                    "the clerk's PIN opened the supervisor's account"
                );
            }),
            seals: false,
            expect: &["row_edited:users"],
        },
        Trial {
            name: "h. an opening float changed on an open day",
            tamper: Box::new(|t, d| {
                forge(
                    d,
                    &format!(
                        "UPDATE drawer_moves SET amount = amount + 5000000 WHERE day = '{}' AND kind = 'float'
                         AND clerk_id = (SELECT id FROM users WHERE name = 'gdv1');",
                        t.today
                    ),
                );
            }),
            seals: false,
            expect: &["row_edited:drawer_moves"],
        },
        Trial {
            name: "i. a closed day's row deleted (with the seal from paper)",
            tamper: Box::new(|t, d| {
                forge(
                    d,
                    &format!("DELETE FROM closed_days WHERE day = '{}';", t.yesterday),
                );
            }),
            seals: true,
            expect: &["paper_day_open", "row_missing:closed_days"],
        },
        Trial {
            name: "i. a closed day's row deleted (without the seal)",
            tamper: Box::new(|t, d| {
                forge(
                    d,
                    &format!("DELETE FROM closed_days WHERE day = '{}';", t.yesterday),
                );
            }),
            seals: false,
            expect: &["row_missing:closed_days"],
        },
        Trial {
            name: "i. a closed day deleted with the log from its close onward (the head file catches it)",
            tamper: Box::new(cut_from_close),
            seals: false,
            expect: &["history_cut"],
        },
        Trial {
            name: "j. the tail of history deleted and the head file put back as it was before the close",
            tamper: Box::new(|t, d| {
                cut_from_close(t, d);
                std::fs::write(d.join("chitra.db.head"), &t.head_before_close).unwrap();
            }),
            seals: true,
            expect: &["paper_day_open"],
        },
        Trial {
            name: "j. the tail of history deleted and the head file removed",
            tamper: Box::new(|t, d| {
                cut_from_close(t, d);
                std::fs::remove_file(d.join("chitra.db.head")).unwrap();
            }),
            seals: true,
            expect: &["paper_day_open", "anchor_missing"],
        },
        Trial {
            name: "k. an entitlement's amount changed",
            tamper: Box::new(|t, d| {
                forge(
                    d,
                    &format!(
                        "UPDATE entitlements SET amount = amount + 1000000
                         WHERE person_id = (SELECT id FROM people WHERE record_code = 'HD-001') AND period = '{}';",
                        &t.today[..7]
                    ),
                );
            }),
            seals: false,
            expect: &["batch_changed"],
        },
        Trial {
            name: "l. a proxy's paper changed",
            tamper: Box::new(|_, d| {
                forge(d, "UPDATE proxies SET document_no = '99/UQ-GIẢ';");
            }),
            seals: false,
            expect: &["row_edited:proxies"],
        },
        Trial {
            name: "m. a drawer count's amount changed",
            tamper: Box::new(|t, d| {
                forge(
                    d,
                    &format!(
                        "UPDATE drawer_counts SET counted = counted - 500000, difference = difference - 500000,
                           notes = '{{\"500000\":29}}'
                         WHERE day = '{}' AND clerk_id = (SELECT id FROM users WHERE name = 'gdv2');",
                        t.today
                    ),
                );
            }),
            seals: false,
            expect: &["row_edited:drawer_counts"],
        },
        Trial {
            name: "n. a row's mac copied from another row",
            tamper: Box::new(|t, d| {
                forge(
                    d,
                    &format!(
                        "UPDATE drawer_moves SET (amount, mac) =
                           (SELECT amount, mac FROM drawer_moves WHERE day = '{today}' AND kind = 'float'
                              AND clerk_id = (SELECT id FROM users WHERE name = 'gdv2'))
                         WHERE day = '{today}' AND kind = 'float' AND clerk_id = (SELECT id FROM users WHERE name = 'gdv1');",
                        today = t.today
                    ),
                );
            }),
            seals: false,
            expect: &["row_edited:drawer_moves"],
        },
        Trial {
            name: "o. an heir's ID number changed",
            tamper: Box::new(|_, d| {
                forge(d, "UPDATE heirs SET id_number = '046000000001';");
            }),
            seals: false,
            expect: &["row_edited:heirs"],
        },
    ]
}

/// Deletes yesterday's close and everything after it: the log from the
/// close's own audit row on, and every row written today.
fn cut_from_close(t: &Template, d: &Path) {
    let sealed = one(
        d,
        &format!(
            "SELECT audit_seq FROM closed_days WHERE day = '{}'",
            t.yesterday
        ),
    );
    let today = &t.today;
    forge(
        d,
        &format!(
            "DELETE FROM closed_days WHERE day = '{y}';
             DELETE FROM reversals WHERE day = '{today}';
             DELETE FROM payment_lines WHERE payment_id IN (SELECT id FROM payments WHERE day = '{today}');
             DELETE FROM payments WHERE day = '{today}';
             DELETE FROM drawer_count_reasons WHERE count_id IN (SELECT id FROM drawer_counts WHERE day = '{today}');
             DELETE FROM drawer_counts WHERE day = '{today}';
             DELETE FROM drawer_moves WHERE day = '{today}';
             DELETE FROM audit_log WHERE seq > {sealed};",
            y = t.yesterday
        ),
    );
}

#[test]
fn every_edit_behind_chitras_back_is_caught_by_verify() {
    let t = build();
    // The office as built checks, with and without its seal.
    let seal = format!("{}={}", t.yesterday, t.seal);
    let (code, kinds, text) = verify(t.dir.path(), &[&seal]);
    assert_eq!(code, Some(0), "the untouched office: {kinds:?}\n{text}");

    let mut missed = Vec::new();
    for trial in trials() {
        let copy = copy_of(&t);
        (trial.tamper)(&t, copy.path());
        let seals: Vec<&str> = if trial.seals {
            vec![seal.as_str()]
        } else {
            vec![]
        };
        let (code, kinds, text) = verify(copy.path(), &seals);
        eprintln!("{}: exit {code:?}, {kinds:?}", trial.name);
        let absent: Vec<&&str> = trial
            .expect
            .iter()
            .filter(|want| !kinds.iter().any(|k| k == **want))
            .collect();
        if code != Some(1) || !absent.is_empty() {
            missed.push(format!(
                "{}: exit {code:?}, wanted {absent:?}, found {kinds:?}\n{text}",
                trial.name
            ));
        }
        // A careful forger leaves the schema as it was: the finding must
        // come from the books, not from a missing trigger.
        assert!(
            !kinds.iter().any(|k| k.starts_with("schema_")),
            "{}: the forgery left the schema changed: {kinds:?}",
            trial.name
        );
    }
    assert!(missed.is_empty(), "not caught:\n{}", missed.join("\n\n"));
}

#[test]
fn the_database_itself_refuses_cash_a_drawer_does_not_hold() {
    // No trigger dropped: a plain insert that would take gdv1's drawer
    // below zero is refused by the database.
    let t = build();
    let d = t.dir.path();
    let before = one(d, "SELECT count(*) FROM payments");
    let out = try_sqlite3(
        d,
        &format!(
            "INSERT INTO payments (idem_key, office_code, receipt_year, receipt_seq, receipt_no, person_id,
                day, paid_at, clerk_id, receiver_kind, receiver_name, receiver_id_number, method, total, mac)
             SELECT 'overdraw-key-0001', office_code, receipt_year, receipt_seq + 100, receipt_no || 'X', person_id,
                day, paid_at, clerk_id, 'self', receiver_name, receiver_id_number, 'cash', 500000000, mac
             FROM payments WHERE receipt_no = '{}';",
            t.standing
        ),
    );
    assert!(!out.status.success(), "the overdraw was accepted");
    assert_eq!(one(d, "SELECT count(*) FROM payments"), before);
    let out = try_sqlite3(
        d,
        &format!(
            "INSERT INTO drawer_moves (day, at, clerk_id, supervisor_id, kind, amount, note, mac)
             VALUES ('{}', '{}T12:00:00+07:00', (SELECT id FROM users WHERE name = 'gdv1'), 1, 'return', 900000000, '', NULL);",
            t.today, t.today
        ),
    );
    assert!(
        !out.status.success(),
        "taking back more than the drawer holds was accepted"
    );
    let negative = one(d, "SELECT count(*) FROM drawer_balance WHERE balance < 0");
    assert_eq!(negative, "0");
}

/// Pages of the file overwritten (a failing disk, a careless copy): the
/// damage is said in plain words with what to do, and `verify` exits 1 as
/// for any finding, not with the SQL library's own message.
#[test]
fn a_file_with_damaged_pages_is_said_plainly_and_verify_exits_1() {
    use std::io::{Seek, SeekFrom, Write as _};
    let t = build();
    let copy = copy_of(&t);
    sqlite3(copy.path(), "PRAGMA wal_checkpoint(TRUNCATE);");
    let path = db(copy.path());
    let len = std::fs::metadata(&path).unwrap().len();
    let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.seek(SeekFrom::Start(len / 2)).unwrap();
    f.write_all(&vec![0xff; (len / 3) as usize]).unwrap();
    drop(f);
    let out = chitra(copy.path(), SUPERVISOR, &["verify"], &[]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("bị hỏng") && said.contains("docs/restore.md"),
        "{said}"
    );
    assert!(!said.contains("malformed"), "{said}");
}

/// The head anchor removed (or spoiled) and written again by the next
/// commit leaves a record in the log, shown by every check: cutting the
/// log's end and removing the anchor can no longer pass unseen.
#[test]
fn an_anchor_removed_and_written_again_stays_in_the_log() {
    use common::{Office, three};
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let head = {
        let mut p = office.db.as_os_str().to_owned();
        p.push(".head");
        std::path::PathBuf::from(p)
    };
    let svc = office.service();
    assert!(svc.verify(&[]).unwrap().anchor_rebuilt.is_empty());
    drop(svc);
    for (spoil, found) in [(None, "missing"), (Some(b"xx".as_slice()), "damaged")] {
        match spoil {
            None => std::fs::remove_file(&head).unwrap(),
            Some(bytes) => std::fs::write(&head, bytes).unwrap(),
        }
        // Any write: here a sign-in.
        let mut svc = office.service();
        office.sign_in(&mut svc, SUPERVISOR);
        let v = svc.verify(&[]).unwrap();
        assert!(
            v.anchor_rebuilt.iter().any(|(_, _, f)| f == found),
            "{:?}",
            v.anchor_rebuilt
        );
    }
    // The command line says it, with or without other findings.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_chitra"))
        .arg("--config")
        .arg(office.dir.path().join("chitra.toml"))
        .arg("verify")
        .env_remove("CHITRA_DB")
        .env_remove("CHITRA_CONFIG")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("tệp mốc đầu chuỗi (<db>.head) bị mất"),
        "{said}"
    );
    assert!(said.contains("bị hỏng"), "{said}");
}
