//! The month from the supervisor's screens: the "Tháng" entry of the menu,
//! the unpaid people given their reasons one key each (a note for
//! "other"), and the period closed with the PIN — refused while a day is
//! open, then closed with the results file written where the popup says.
//! What was recorded is read back through the service, not the screen.
//!
//! The office (tests/tui_office) is on 10/11/2026; its payment window here
//! ends on the 5th, so November can be closed once its day is.

use crate::{common, tui_office};

use chitra::domain::period_report::UnpaidReason;
use chitra::tui::App;
use chitra::tui::testing::{press, screen, type_text};
use crossterm::event::KeyCode;
use tui_office::*;

use common::{Office, SUPERVISOR};

fn nov() -> chitra::domain::Period {
    "2026-11".parse().unwrap()
}

/// (code, reason, note) of November's unpaid people.
fn reasons(office: &Office) -> Vec<(String, Option<UnpaidReason>, Option<String>)> {
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    svc.period_report(&boss, nov())
        .unwrap()
        .people
        .into_iter()
        .map(|p| (p.code, p.reason, p.reason_note))
        .collect()
}

/// From the counter: the menu's month entry.
fn to_month(app: &mut App) {
    menu_entry(app, '9');
}

/// The supervisor at the month screen, on its reasons view.
fn at_reasons(office: &Office) -> App {
    let mut app = supervisor_app(office);
    to_month(&mut app);
    assert!(app.title().contains("11/2026"), "{}", app.title());
    press(&mut app, KeyCode::Tab);
    app
}

/// In the close popup (on its PIN field): types `path` as the results
/// file, back on the PIN field.
fn set_path(app: &mut App, path: &str) {
    press(app, KeyCode::BackTab);
    for _ in 0..200 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, path);
    press(app, KeyCode::Tab);
}

#[test]
fn the_month_screen_shows_the_periods_figures_and_its_results() {
    let office = office_with_window((2, 5));
    let mut app = supervisor_app(&office);
    to_month(&mut app);
    let shown = screen(&mut app, 80, 24);
    insta::assert_snapshot!("month_results", shown);
}

#[test]
fn each_unpaid_person_gets_a_reason_with_one_key_and_other_asks_a_note() {
    let office = office_with_window((2, 5));
    let mut app = at_reasons(&office);
    insta::assert_snapshot!("month_reasons", screen(&mut app, 80, 24));

    // 2 = away, for the first; the next without a reason is picked.
    type_text(&mut app, "2");
    assert!(message(&app).contains("HD-001"), "{}", message(&app));
    type_text(&mut app, "3");
    // 6 = other: a note is asked, and an empty one is refused.
    type_text(&mut app, "6");
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("cần ghi rõ"), "{}", message(&app));
    type_text(&mut app, "Đi làm ăn xa");
    press(&mut app, KeyCode::Enter);
    let got = reasons(&office);
    assert_eq!(got[0].1, Some(UnpaidReason::Away));
    assert_eq!(got[1].1, Some(UnpaidReason::Hospital));
    assert_eq!(got[2].1, Some(UnpaidReason::Other));
    assert_eq!(got[2].2.as_deref(), Some("Đi làm ăn xa"));
    assert_eq!(got[3].1, None);
    // A letter records nothing.
    type_text(&mut app, "a");
    assert_eq!(reasons(&office)[3].1, None);
}

#[test]
fn the_close_is_refused_before_the_pin_while_the_day_is_open_then_writes_the_results_file() {
    let office = office_with_window((2, 5));
    let mut app = at_reasons(&office);
    for _ in 0..5 {
        type_text(&mut app, "1");
    }
    assert!(reasons(&office).iter().all(|r| r.1.is_some()));

    // Today's drawers are open: refused at once, before any PIN is asked;
    // nothing closed.
    let title = app.title();
    press(&mut app, KeyCode::F(10));
    assert!(
        message(&app).contains("ngày chưa khóa sổ"),
        "{}",
        message(&app)
    );
    assert_eq!(app.title(), title, "no close form opened");
    assert!(!screen(&mut app, 80, 24).contains("Mã PIN"));
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    assert!(svc.period_report(&boss, nov()).unwrap().closed_at.is_none());

    // The day closed, the period closes and its results are written.
    office.close_today(&mut svc);
    let out = office.dir.path().join("ket-qua-11.xlsx");
    press(&mut app, KeyCode::F(10));
    set_path(&mut app, "/srv/chitra/xuat/ket-qua-chi-tra-2026-11.xlsx");
    insta::assert_snapshot!("month_close_popup", screen(&mut app, 80, 24));
    set_path(&mut app, &out.display().to_string());
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("Đã khóa kỳ"), "{}", message(&app));
    let closed = svc.period_report(&boss, nov()).unwrap();
    assert!(closed.closed_at.is_some());
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
}

/// The results file typed as the office's audit key: refused before the
/// period is closed, the key as it was.
#[test]
fn the_close_aimed_at_the_offices_key_is_refused_and_closes_nothing() {
    let office = office_with_window((2, 5));
    let mut app = at_reasons(&office);
    for _ in 0..5 {
        type_text(&mut app, "1");
    }
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    office.close_today(&mut svc);
    let key = chitra::store::key::default_path(&office.db);
    let before = std::fs::read(&key).unwrap();
    press(&mut app, KeyCode::F(10));
    set_path(&mut app, &key.display().to_string());
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("Không ghi đè tệp của chitra (khóa nhật ký"),
        "{}",
        message(&app)
    );
    assert_eq!(std::fs::read(&key).unwrap(), before);
    assert!(svc.period_report(&boss, nov()).unwrap().closed_at.is_none());
}

/// People without a reason block the close, said at F10 in the screen's
/// words (its page and keys), not the command line's.
#[test]
fn missing_reasons_are_named_with_the_screens_keys_before_the_pin() {
    let office = office_with_window((2, 5));
    let mut svc = office.service();
    office.close_today(&mut svc);
    let mut app = at_reasons(&office);
    let title = app.title();
    press(&mut app, KeyCode::F(10));
    let said = message(&app);
    assert!(
        said.contains("chưa ghi lý do") && said.contains("Tab, rồi phím 1–6"),
        "{said}"
    );
    assert!(!said.contains("chitra "), "{said}");
    assert_eq!(app.title(), title, "no close form opened");
}

/// In a form: empties the focused field and types `text` there.
fn retype(app: &mut App, text: &str) {
    for _ in 0..200 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

fn status_of(office: &Office, code: &str) -> &'static str {
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    svc.period_report(&boss, nov())
        .unwrap()
        .people
        .iter()
        .find(|p| p.code == code)
        .map(|p| p.status_code())
        .unwrap()
}

/// The supervisor on the month screen, F3, with the fixture's decrease
/// list typed as the file to import (not yet read); and that file.
fn decrease_list_asked(office: &Office) -> (App, std::path::PathBuf) {
    let list = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/decrease_2026_11.csv"),
    )
    .unwrap();
    let path = office.write_file("danh-sach-giam-2026-11.csv", &list);
    let mut app = supervisor_app(office);
    to_month(&mut app);
    press(&mut app, KeyCode::F(3));
    retype(&mut app, &path.display().to_string());
    (app, path)
}

#[test]
fn a_decrease_list_is_previewed_person_by_person_then_written_with_the_pin() {
    let office = office_with_window((2, 5));
    let (mut app, path) = decrease_list_asked(&office);
    // The kind is read from the file's name: 1, decrease.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("HD-003"), "{shown}");
    assert!(shown.contains("Gõ mã PIN"), "{shown}");
    insta::assert_snapshot!("month_changes_preview", shown);
    assert_eq!(
        status_of(&office, "HD-003"),
        "unpaid",
        "a preview writes nothing"
    );

    // A wrong PIN writes nothing; the right one writes the whole list.
    type_text(&mut app, "9999");
    press(&mut app, KeyCode::Enter);
    assert_eq!(status_of(&office, "HD-003"), "unpaid");
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("Đã ghi danh sách"),
        "{}",
        message(&app)
    );
    assert_eq!(status_of(&office, "HD-003"), "stopped");
    assert_eq!(status_of(&office, "HD-002"), "stopped");

    // The same file again is refused in the service's words.
    press(&mut app, KeyCode::F(3));
    retype(&mut app, &path.display().to_string());
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("đã được nhập"), "{}", message(&app));
    // Its period written as people write it.
    assert!(message(&app).contains("kỳ 11/2026"), "{}", message(&app));
}

#[test]
fn the_bank_batch_is_made_and_saved_then_its_result_is_previewed_and_recorded() {
    let office = office_with_window((2, 5));
    let mut app = supervisor_app(&office);
    to_month(&mut app);
    let out = office.dir.path().join("lo-11.xlsx");
    press(&mut app, KeyCode::F(4));
    press(&mut app, KeyCode::BackTab);
    retype(&mut app, "/srv/chitra/xuat/lo-chuyen-khoan-2026-11.xlsx");
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!("month_bank_batch_popup", screen(&mut app, 80, 24));
    press(&mut app, KeyCode::BackTab);
    retype(&mut app, &out.display().to_string());
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("Lô chuyển khoản số 1"),
        "{}",
        message(&app)
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK\x03\x04"));
    let csv = std::fs::read_to_string(out.with_extension("csv")).unwrap();
    assert!(csv.contains("Trần Thị Bình"), "{csv}");

    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let batch = svc.bank_batch_of(&boss, 1).unwrap().expect("the batch");
    assert_eq!(batch.period, nov());
    assert_eq!(status_of(&office, "HD-002"), "sent");
    // The transfers view: the batch, sent, waiting for the bank.
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Lô số 1"), "{shown}");
    assert!(
        shown.contains("Đã gửi, chờ kết quả — chờ ngân hàng: 1"),
        "{shown}"
    );

    // Its file saved again from this page (F7), the newest batch offered:
    // a number that is no batch is refused, the batch's own writes the
    // same lines again.
    let again = office.dir.path().join("lo-11-lai.xlsx");
    press(&mut app, KeyCode::F(7));
    let form = screen(&mut app, 80, 24);
    assert!(
        form.contains("Số lô             : [1 "),
        "the newest batch to begin with: {form}"
    );
    retype(&mut app, "9");
    press(&mut app, KeyCode::Tab);
    retype(&mut app, &again.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "Không có lô chuyển khoản số 9.");
    assert!(!again.exists());
    // The refusal leaves the number to be typed again.
    retype(&mut app, "1");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("Lô chuyển khoản số 1"),
        "{}",
        message(&app)
    );
    assert_eq!(
        std::fs::read_to_string(again.with_extension("csv")).unwrap(),
        csv,
        "the same lines as the first save"
    );
    assert!(
        svc.bank_batch_of(&boss, 2).unwrap().is_none(),
        "no new batch"
    );

    // The bank refuses every line: previewed, then recorded with the PIN.
    let mut result = String::from("KẾT QUẢ CHUYỂN KHOẢN\nMã tham chiếu;Kết quả;Lý do;Số tiền\n");
    for l in &batch.lines {
        result.push_str(&format!(
            "{};Thất bại;Sai số tài khoản;{}\n",
            l.reference,
            common::dots(l.amount.dong())
        ));
    }
    result.push_str(&format!(
        "Tổng cộng;;;{}\n",
        common::dots(batch.total.dong())
    ));
    let file = office.write_file("ket-qua-ngan-hang.csv", result.as_bytes());
    press(&mut app, KeyCode::F(6));
    retype(&mut app, &file.display().to_string());
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Sai số tài khoản"), "{shown}");
    insta::assert_snapshot!("month_bank_result_preview", shown);
    assert_eq!(
        status_of(&office, "HD-002"),
        "sent",
        "a preview writes nothing"
    );
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("Đã ghi kết quả lô số 1"),
        "{}",
        message(&app)
    );
    assert_eq!(status_of(&office, "HD-002"), "failed");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Đã có kết quả"), "{shown}");
    assert!(
        shown.contains("HD-002 Trần Thị Bình: Sai số tài khoản"),
        "{shown}"
    );
    insta::assert_snapshot!("month_transfers", shown);
}

/// The batch's file typed as the office's database: refused before the
/// batch is made, the database as it was and still sound.
#[test]
fn a_bank_batch_aimed_at_the_database_is_refused_and_makes_no_batch() {
    let office = office_with_window((2, 5));
    let mut app = supervisor_app(&office);
    to_month(&mut app);
    press(&mut app, KeyCode::F(4));
    press(&mut app, KeyCode::BackTab);
    retype(&mut app, &office.db.display().to_string());
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("Không ghi đè tệp của chitra (cơ sở dữ liệu"),
        "{}",
        message(&app)
    );
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    assert!(svc.bank_batch_of(&boss, 1).unwrap().is_none());
    assert!(svc.verify(&[]).unwrap().ok());
}

#[test]
fn the_signing_list_of_one_hamlet_is_saved_as_a_workbook() {
    let office = office_with_window((2, 5));
    let mut app = supervisor_app(&office);
    to_month(&mut app);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let out = office.dir.path().join("ky-nhan-tay.xlsx");
    press(&mut app, KeyCode::F(7));
    type_text(&mut app, "Thôn Nam");
    press(&mut app, KeyCode::Tab);
    retype(&mut app, "/srv/chitra/xuat/ky-nhan-2026-11.xlsx");
    insta::assert_snapshot!("month_signing_save_popup", screen(&mut app, 80, 24));
    retype(&mut app, &out.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("Không có thôn"), "{}", message(&app));
    assert!(!out.exists());

    retype(&mut app, "thon tay");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("thôn Thôn Tây"), "{}", message(&app));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK\x03\x04"));
    // On to the next tab, the word about the file saved is gone.
    press(&mut app, KeyCode::Tab);
    assert!(
        !message(&app).contains("thôn Thôn Tây"),
        "{}",
        message(&app)
    );
}

/// Saved to the file offered, one hamlet's list after another each go to
/// a file named for its hamlet: the second does not replace the first.
#[test]
fn each_hamlets_signing_list_gets_a_file_of_its_own() {
    let office = office_with_window((2, 5));
    let files = office.dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let mut app = supervisor_app(&office);
    to_month(&mut app);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    for hamlet in ["thon tay", "thon dong"] {
        press(&mut app, KeyCode::F(7));
        type_text(&mut app, hamlet);
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Enter);
        let said = message(&app);
        let name = format!("ky-nhan-2026-11-{}.xlsx", hamlet.replace(' ', "-"));
        assert!(said.contains(&name), "{said}");
    }
    for hamlet in ["thon-tay", "thon-dong"] {
        let path = files.join(format!("ky-nhan-2026-11-{hamlet}.xlsx"));
        assert!(
            std::fs::read(&path).unwrap().starts_with(b"PK\x03\x04"),
            "{}",
            path.display()
        );
    }
    assert!(!files.join("ky-nhan-2026-11.xlsx").exists());
}

#[test]
fn the_next_months_list_is_imported_from_the_same_form_as_kind_four() {
    let office = office_with_window((2, 5));
    let list = common::csv("2026-12", &common::three());
    let path = office.write_file("danh-sach-chi-tra-2026-12.csv", list.as_bytes());
    let mut app = supervisor_app(&office);
    to_month(&mut app);
    press(&mut app, KeyCode::F(3));
    retype(&mut app, &path.display().to_string());
    // The kind is read from the file's name: 4, the month's list.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("danh sách tháng"), "{shown}");
    assert!(shown.contains("Gõ mã PIN"), "{shown}");
    let december: chitra::domain::Period = "2026-12".parse().unwrap();
    let imported = |office: &Office| {
        let mut svc = office.service();
        let boss = office.sign_in(&mut svc, SUPERVISOR);
        svc.period_report(&boss, december)
            .map(|r| r.imported.dong())
            .unwrap_or(0)
    };
    assert_eq!(imported(&office), 0, "a preview writes nothing");
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("Đã ghi danh sách"),
        "{}",
        message(&app)
    );
    assert!(imported(&office) > 0, "December's list is on file");
}

/// ← and → go to the month before and after: an earlier month still to
/// close is reached while the newer month's list is in (here October,
/// still open beside November).
#[test]
fn the_arrows_reach_an_earlier_month_still_open() {
    let office = office();
    let mut app = supervisor_app(&office);
    to_month(&mut app);
    assert!(app.title().contains("11/2026"), "{}", app.title());
    press(&mut app, KeyCode::Left);
    assert!(app.title().contains("10/2026"), "{}", app.title());
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("10/2026"), "{shown}");
    press(&mut app, KeyCode::Right);
    assert!(app.title().contains("11/2026"), "{}", app.title());
    // Not past next month.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert!(app.title().contains("12/2026"), "{}", app.title());
}

#[test]
fn a_refusal_of_one_file_does_not_stay_over_the_preview_of_another() {
    let office = office_with_window((2, 5));
    let (mut app, path) = decrease_list_asked(&office);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    // The same file again is refused…
    press(&mut app, KeyCode::F(3));
    retype(&mut app, &path.display().to_string());
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("đã được nhập"), "{}", message(&app));
    // …and once another file is named, the refusal is gone: from the
    // first key, and over the new file's preview.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(message(&app), "", "the refusal was of the old file");
    let next = common::csv("2026-12", &common::three());
    let other = office.write_file("danh-sach-chi-tra-2026-12.csv", next.as_bytes());
    retype(&mut app, &other.display().to_string());
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("danh sách tháng"), "{shown}");
    assert!(!shown.contains("đã được nhập"), "{shown}");
}
