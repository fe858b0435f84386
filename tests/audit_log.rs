//! The audit log read back (`Service::audit_log`, `chitra report log`): a
//! day's rows say who did what in Vietnamese — a payment with its receipt,
//! person and amount, a wrong PIN, a status change with its reason — one
//! user's rows alone when asked, only for a supervisor, and the JSON
//! carries each row's hash as the chain holds it.

use crate::{common, tui_office};

use chitra::domain::person::Status;
use chitra::i18n::Lang;
use chitra::service::Error;
use chitra::service::audit_log::LogFilter;
use chrono::NaiveDate;
use common::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 10).unwrap()
}

/// An office where, on 10/11/2026, Hoa paid An in cash, typed a wrong PIN
/// once, and the supervisor stopped Cúc's payment.
fn a_day() -> Office {
    let office = Office::new();
    office.import("ds.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    pay_cash(&mut svc, &hoa, "046048001234").unwrap();
    assert!(svc.sign_in(CLERK1.0, "0000").is_err());
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let cuc = svc.search("046060007777", 5).unwrap().hits[0].person.id;
    svc.set_person_status(&boss, cuc, Status::Suspended, "Chờ xác minh hồ sơ")
        .unwrap();
    office
}

#[test]
fn a_days_rows_say_who_did_what() {
    let office = a_day();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let log = svc
        .audit_log(&boss, day(), day(), LogFilter::default())
        .unwrap();
    let doc = chitra::document::audit::build(
        Lang::Vi,
        &office.config.office,
        "2026-11-10",
        "2026-11-10",
        &log,
    );
    let text = chitra::print::document::render_text(&doc);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("NHẬT KÝ KIỂM TOÁN NGÀY 10/11/2026"), "{text}");
    assert!(
        flat.contains("gdv1 Chi trả biên nhận: HD-2026-000001; mã hồ sơ: HD-001; người nhận: Nguyễn Văn An; hình thức: Tiền mặt tại quầy; số tiền: 2.789.000 đ"),
        "{text}"
    );
    assert!(flat.contains("gdv1 Nhập sai mã PIN"), "{text}");
    assert!(
        flat.contains("truong Đổi trạng thái chi trả mã hồ sơ: HD-003; tên: Lê Văn Cúc; lý do: Chờ xác minh hồ sơ"),
        "{text}"
    );
    assert!(flat.contains("`chitra verify` kiểm tra chuỗi"), "{text}");
    // Every row of the day is there, in the chain's order.
    let seqs: Vec<i64> = log.iter().map(|e| e.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    assert!(log.iter().all(|e| e.at.starts_with("2026-11-10")));
    // Every action of the day has a Vietnamese name.
    for e in &log {
        assert!(
            chitra::i18n::audit_log::action_label(Lang::Vi, &e.action).is_some(),
            "{} has no name",
            e.action
        );
    }
}

#[test]
fn one_users_rows_alone_and_only_for_a_supervisor() {
    let office = a_day();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    assert!(matches!(
        svc.audit_log(&hoa, day(), day(), LogFilter::default()),
        Err(Error::Forbidden { .. })
    ));
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let hers = svc
        .audit_log(
            &boss,
            day(),
            day(),
            LogFilter {
                user: Some(CLERK1.0),
                ..LogFilter::default()
            },
        )
        .unwrap();
    assert!(!hers.is_empty());
    assert!(hers.iter().all(|e| e.user.as_deref() == Some(CLERK1.0)));
    assert!(hers.iter().any(|e| e.action == "payment.create"));
    assert!(hers.iter().any(|e| e.action == "user.pin_wrong"));
    // A name no user has is said, not answered with an empty log.
    assert!(matches!(
        svc.audit_log(
            &boss,
            day(),
            day(),
            LogFilter {
                user: Some("khongco"),
                ..LogFilter::default()
            },
        ),
        Err(Error::UnknownUser { ref name }) if name == "khongco"
    ));
    // The day before holds nothing.
    let before = day().pred_opt().unwrap();
    assert!(
        svc.audit_log(&boss, before, before, LogFilter::default())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_command_reads_the_log_as_text_and_json_and_a_clerk_is_refused() {
    let office = a_day();
    let args = ["report", "log", "--date", "2026-11-10"];
    let out = chitra(&office, SUPERVISOR, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Chi trả") && text.contains("HD-2026-000001"),
        "{text}"
    );
    assert!(
        text.lines().all(|l| chitra::text::layout::width(l) <= 80),
        "{text}"
    );

    let json = chitra(
        &office,
        SUPERVISOR,
        &[&args[..], &["--format", "json", "--of", "gdv1"]].concat(),
    );
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.iter().all(|r| r["user"] == "gdv1"), "{rows:?}");
    let paid = rows
        .iter()
        .find(|r| r["action"] == "payment.create")
        .expect("the payment");
    assert_eq!(paid["detail"]["receipt_no"], "HD-2026-000001");
    // The hash is the chain's own.
    let db = rusqlite::Connection::open(&office.db).unwrap();
    let hash: String = db
        .query_row(
            "SELECT hash FROM audit_log WHERE seq = ?1",
            [paid["seq"].as_i64().unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(paid["hash"], hash);

    let clerk = chitra(&office, CLERK1, &args);
    assert_eq!(clerk.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&clerk.stderr).contains("trưởng bưu cục"),
        "{}",
        String::from_utf8_lossy(&clerk.stderr)
    );
}

#[test]
fn the_supervisor_reads_the_log_from_the_data_check_day_by_day() {
    use chitra::tui::testing::{key, press, screen};
    use crossterm::event::KeyCode;
    let office = tui_office::office();
    let mut app = tui_office::supervisor_app(&office);
    tui_office::menu_entry(&mut app, '5');
    assert!(
        screen(&mut app, 80, 24).contains("F4 Nhật ký"),
        "{}",
        screen(&mut app, 80, 24)
    );
    app.handle_key(key(KeyCode::F(4)));
    assert_eq!(app.title(), "NHẬT KÝ KIỂM TOÁN");
    let today = screen(&mut app, 80, 24);
    assert!(
        today.contains("NHẬT KÝ KIỂM TOÁN NGÀY 10/11/2026"),
        "{today}"
    );
    assert!(today.contains("Nhập danh sách"), "{today}");
    assert!(today.contains("Đăng nhập"), "{today}");
    // The day before the office opened: nothing.
    press(&mut app, KeyCode::Left);
    let before = screen(&mut app, 80, 24);
    assert!(before.contains("NGÀY 09/11/2026"), "{before}");
    assert!(before.contains("Không có dòng nhật ký nào."), "{before}");
    // No day after today.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    let now = screen(&mut app, 80, 24);
    assert!(now.contains("NGÀY 10/11/2026"), "{now}");
    assert!(now.contains("Chưa có ngày sau hôm nay."), "{now}");
}

#[test]
fn the_rows_about_one_person_from_their_record_code_or_id_number() {
    let office = a_day();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let about = |svc: &chitra::service::Service, who: &str| {
        svc.audit_log(
            &boss,
            day(),
            day(),
            LogFilter {
                person: Some(who),
                ..LogFilter::default()
            },
        )
    };
    // An's payment, and nothing of Cúc's status or of the drawers.
    let an = about(&svc, "HD-001").unwrap();
    let actions: Vec<&str> = an.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["payment.create"], "{an:#?}");
    // Cúc's status change, found by her whole ID number.
    let cuc = about(&svc, "046060007777").unwrap();
    let actions: Vec<&str> = cuc.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["person.status"], "{cuc:#?}");
    assert!(matches!(
        about(&svc, "HD-999"),
        Err(Error::NoPersonWith { ref asked }) if asked == "HD-999"
    ));

    let out = chitra(
        &office,
        SUPERVISOR,
        &[
            "report",
            "log",
            "--date",
            "2026-11-10",
            "--person",
            "HD-001",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("HD-2026-000001"), "{text}");
    assert!(
        !text.contains("Lê Văn Cúc") && !text.contains("Giao/thu"),
        "{text}"
    );
}

/// A clerk's right PIN typed in the approval box approves nothing, and the
/// log says the approval was refused; five wrong ones lock the only
/// supervisor, whom the system account owning the data unlocks.
#[test]
fn a_refused_approval_is_logged_as_refused_and_the_only_supervisor_can_be_unlocked() {
    use chitra::service::AuthError;
    let office = Office::new();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    assert!(matches!(
        svc.approval(&hoa, CLERK2.0, CLERK2.1),
        Err(Error::Auth(AuthError::NotSupervisor { .. }))
    ));
    for _ in 0..5 {
        assert!(svc.approval(&hoa, SUPERVISOR.0, "0000").is_err());
    }
    assert!(matches!(
        svc.sign_in(SUPERVISOR.0, SUPERVISOR.1),
        Err(Error::Auth(AuthError::Locked { .. }))
    ));
    // Nobody signed in can unlock; the owner of the data can.
    let out = chitra(&office, CLERK1, &["user", "unlock", "truong"]);
    assert!(!out.status.success());
    let out = chitra(&office, CLERK1, &["user", "unlock", "truong", "--admin"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    // The command line wrote at today's date, the office's clock at its own.
    let log = svc
        .audit_log(&boss, day(), office_today(&office), LogFilter::default())
        .unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"user.approve_refused"), "{actions:?}");
    assert!(!actions.contains(&"user.approve"), "{actions:?}");
    let unlock = log.iter().find(|e| e.action == "user.unlock").unwrap();
    assert_eq!(unlock.detail["by"], "admin");
    assert!(unlock.user.is_none());
}
