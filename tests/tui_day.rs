//! Closing the day through the screens, key by key, over a real temporary
//! database: the blind count, the reason for a difference, cash handed to
//! drawers, voids, the report, the close and verify. Every check of what
//! was recorded reads the database again through the service, not the
//! screen.
//!
//! The office (tests/tui_office) is on 10/11/2026 with every drawer opened
//! with 100.000.000 đ; An is owed 2 × 2.789.000 đ, Cúc 2 × 3.120.000 đ.

use crate::{common, tui_office};

use std::collections::BTreeMap;

use chitra::domain::Money;
use chitra::domain::report::{Blocker, DayReport};
use chitra::tui::App;
use chitra::tui::testing::{key, press, screen, type_text};
use crossterm::event::KeyCode;
use tui_office::*;

use common::{CLERK1, CLERK2, Office, Peek, SUPERVISOR};

const DAY: &str = "2026-11-10";

fn report(office: &Office) -> DayReport {
    office.service().day_report(DAY).unwrap()
}

fn m(dong: i64) -> Money {
    Money::from_dong(dong)
}

/// The drawer of `name` in today's report.
fn drawer(office: &Office, name: &str) -> chitra::domain::report::ClerkDay {
    report(office)
        .clerks
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("{name} has no drawer today"))
}

/// Counts `who`'s drawer through the service, as if at another counter.
fn count_directly(office: &Office, who: (&str, &str), notes: &[(i64, i64)]) {
    let mut svc = office.service();
    let s = office.sign_in(&mut svc, who);
    let notes: BTreeMap<i64, i64> = notes.iter().copied().collect();
    svc.count_drawer(&s, &notes).unwrap();
}

/// Every drawer counted exactly: gdv1 after paying An (94.422.000 đ), the
/// others untouched (100.000.000 đ).
fn count_all_exactly(office: &Office) {
    count_directly(
        office,
        CLERK1,
        &[(500_000, 188), (200_000, 2), (10_000, 2), (1_000, 2)],
    );
    for who in [CLERK2, SUPERVISOR] {
        count_directly(office, who, &[(500_000, 200)]);
    }
}

#[test]
fn a_clerk_counts_blind_and_sees_the_expected_amount_only_after_recording() {
    let office = office();
    let mut app = clerk_counting(&office);
    let expected = "94.422.000";
    // Every key of the count, and the question, shows no expected amount.
    let keys: Vec<&str> = vec!["188", "\n", "2", "\n", "\n", "\n"];
    for k in keys {
        if k == "\n" {
            press(&mut app, KeyCode::Enter);
        } else {
            type_text(&mut app, k);
        }
        let shown = screen(&mut app, 80, 24);
        assert!(!shown.contains(expected), "{shown}");
        assert!(!shown.contains("Theo sổ"), "{shown}");
    }
    assert!(screen(&mut app, 80, 24).contains("Tổng đã đếm: 94.400.000 đ"));
    let (_, count) = office
        .service()
        .drawer_state(&office.service().sign_in(CLERK1.0, CLERK1.1).unwrap())
        .unwrap();
    assert_eq!(count, None, "nothing recorded before the question");
    // The record key from any row asks first.
    type_text(&mut app, "g");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Ghi số đếm 94.400.000 đ? Sau khi ghi không sửa được. (c/k)"),
        "{shown}"
    );
    assert!(!shown.contains(expected), "{shown}");
    type_text(&mut app, "c");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains(expected), "{shown}");
    assert!(shown.contains("-22.000 đ  THIẾU"), "{shown}");

    let hoa = drawer(&office, "gdv1");
    let count = hoa.count.expect("the count is recorded");
    assert_eq!(count.counted, m(94_400_000));
    assert_eq!(count.expected, m(94_422_000));
    assert_eq!(count.notes, BTreeMap::from([(500_000, 188), (200_000, 2)]));
}

#[test]
fn answering_no_to_the_question_records_nothing() {
    let office = office();
    let mut app = clerk_counting(&office);
    type_text(&mut app, "200");
    app.handle_key(key(KeyCode::F(10)));
    type_text(&mut app, "k");
    assert_eq!(
        message(&app),
        "Chưa ghi số đếm. Sửa lại rồi nhấn F10 hoặc g."
    );
    assert!(drawer(&office, "gdv1").count.is_none());
    // Still counting: the row can be corrected.
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "1");
    assert!(screen(&mut app, 80, 24).contains("Tổng đã đếm: 100.500.000 đ"));
}

#[test]
fn a_difference_requires_a_reason_before_the_day_can_close() {
    let office = office();
    let mut app = clerk_counting(&office);
    type_text(&mut app, "188");
    type_text(&mut app, "g");
    type_text(&mut app, "c");
    assert_eq!(message(&app), "Đã ghi số đếm. Quỹ lệch sổ: hãy ghi lý do.");
    // An empty reason is refused.
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "Cần ghi lý do chênh lệch.");
    assert!(
        report(&office).blockers.contains(&Blocker::NoReason {
            clerk: "Lê Thị Hoa".into(),
            difference: m(-422_000)
        }),
        "{:?}",
        report(&office).blockers
    );
    type_text(&mut app, "Thiếu tiền lẻ, đã báo trưởng bưu cục");
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "Đã ghi lý do chênh lệch.");
    let count = drawer(&office, "gdv1").count.unwrap();
    assert_eq!(
        count.reason.as_deref(),
        Some("Thiếu tiền lẻ, đã báo trưởng bưu cục")
    );
    assert!(
        !report(&office)
            .blockers
            .iter()
            .any(|b| matches!(b, Blocker::NoReason { .. }))
    );
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Lý do chênh lệch: Thiếu tiền lẻ, đã báo trưởng bưu cục"),
        "{shown}"
    );
}

#[test]
fn a_counted_drawer_shows_its_count_and_asks_for_a_missing_reason_again() {
    let office = office();
    let mut app = clerk_app(&office);
    count_directly(&office, CLERK1, &[(500_000, 199)]);
    menu_entry(&mut app, '2');
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Đã đếm            99.500.000 đ"), "{shown}");
    assert!(shown.contains("Theo sổ          100.000.000 đ"), "{shown}");
    assert!(shown.contains("▸ Lý do : ["), "{shown}");
    // Nothing can be counted twice: the rows are gone.
    assert!(!shown.contains("500.000 đ : ["), "{shown}");
}

#[test]
fn a_drawer_not_opened_today_has_nothing_to_count() {
    let office = office();
    office.clock.set("2026-11-11T08:00:00+07:00");
    let mut app = clerk_app(&office);
    menu_entry(&mut app, '2');
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Quỹ của bạn hôm nay chưa mở (chưa nhận tiền đầu ngày)"),
        "{shown}"
    );
    type_text(&mut app, "5");
    assert!(!screen(&mut app, 80, 24).contains("Tổng đã đếm"));
}

#[test]
fn a_clerk_has_no_supervisor_entries_and_a_supervisor_has_them_all() {
    let office = office();
    let mut app = clerk_app(&office);
    menu_entry(&mut app, '7');
    assert_eq!(app.title(), "CHỨC NĂNG", "a clerk's menu has six entries");
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains("Báo cáo & khóa sổ ngày"), "{shown}");
    let mut app = supervisor_app(&office);
    app.handle_key(key(KeyCode::F(2)));
    let shown = screen(&mut app, 80, 24);
    for entry in [
        "2  Kiểm đếm quỹ cuối ca",
        "3  Quỹ tiền mặt",
        "4  Báo cáo & khóa sổ ngày",
        "5  Kiểm tra toàn vẹn dữ liệu",
    ] {
        assert!(shown.contains(entry), "{shown}");
    }
}

#[test]
fn the_drawers_row_adds_up_with_a_void_and_the_count_reads_in_order() {
    let office = office();
    let mut app = clerk_app(&office);
    // An (5.578.000 đ) and Cúc (6.240.000 đ) paid in cash, Cúc voided:
    // 6.240.000 đ back in the drawer, which then holds 94.422.000 đ.
    pay_cash(&mut app, AN.2);
    pay_cash(&mut app, CUC.2);
    void_directly(&office, "HD-2026-000002", "Chi nhầm người");
    assert_eq!(drawer(&office, "gdv1").expected, m(94_422_000));
    // Counted 6.000 đ over, no reason yet.
    office.clock.set("2026-11-10T16:45:00+07:00");
    count_directly(
        &office,
        CLERK1,
        &[(500_000, 188), (200_000, 2), (10_000, 2), (1_000, 8)],
    );
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '3');
    let shown = screen(&mut app, 80, 24);
    // 100.000.000 + 0 − 0 − (11.818.000 − 6.240.000) = 94.422.000.
    assert!(
        shown.contains("Chi sau hủy Còn theo sổ")
            && shown.contains(
                "Lê Thị Hoa      100.000.000          0          0   5.578.000  94.422.000  rồi"
            ),
        "{shown}"
    );
    assert!(
        shown.contains(
            "Đã chi TM 11.818.000 đ − hủy hoàn lại 6.240.000 đ = chi sau hủy 5.578.000 đ"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("Đã đếm 94.428.000 đ lúc 16:45 · thừa 6.000 đ · chưa ghi lý do"),
        "{shown}"
    );
    for line in shown.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}

#[test]
fn a_supervisor_issues_cash_and_the_clerk_confirms_with_their_pin() {
    let office = office();
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '3');
    assert_eq!(app.title(), "QUỸ TIỀN MẶT");
    // gdv1 is the first row; 2 is "cấp thêm".
    type_text(&mut app, "2");
    assert_eq!(app.title(), "CẤP THÊM TIỀN");
    type_text(&mut app, "20.000.000");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Chi đợt 2");
    press(&mut app, KeyCode::Enter);
    // A wrong PIN records nothing.
    type_text(&mut app, "9999");
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).starts_with("Sai mã PIN của Lê Thị Hoa."),
        "{}",
        message(&app)
    );
    assert_eq!(app.title(), "CẤP THÊM TIỀN");
    assert_eq!(drawer(&office, "gdv1").issued, Money::ZERO);
    type_text(&mut app, CLERK1.1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "Đã cấp thêm 20.000.000 đ cho Lê Thị Hoa.");
    assert_eq!(app.title(), "QUỸ TIỀN MẶT");
    let hoa = drawer(&office, "gdv1");
    assert_eq!(hoa.issued, m(20_000_000));
    assert_eq!(hoa.expected, m(120_000_000));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Lê Thị Hoa      100.000.000 20.000.000          0           0 120.000.000"),
        "{shown}"
    );

    // Taking back more than the drawer holds is refused in the service's words.
    type_text(&mut app, "3");
    type_text(&mut app, "130.000.000");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, CLERK1.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("chỉ còn 120.000.000 đ; không thu về nhiều hơn số đó"),
        "{}",
        message(&app)
    );
    assert_eq!(drawer(&office, "gdv1").returned, Money::ZERO);
    press(&mut app, KeyCode::Esc);
    // A second opening float is refused too.
    type_text(&mut app, "1");
    type_text(&mut app, "5.000.000");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, CLERK1.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("đã nhận tiền đầu ngày hôm nay"),
        "{}",
        message(&app)
    );
    assert_eq!(drawer(&office, "gdv1").float, m(100_000_000));
}

#[test]
fn an_amount_that_is_not_a_number_is_refused_before_any_pin() {
    let office = office();
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '3');
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "20.000.00a");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, CLERK1.1);
    press(&mut app, KeyCode::Enter);
    assert!(app.message().unwrap().is_error(), "{}", message(&app));
    assert_eq!(drawer(&office, "gdv1").issued, Money::ZERO);
}

#[test]
fn a_supervisors_own_drawer_needs_no_second_pin() {
    let office = office();
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '3');
    // truong is the third row.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "3");
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains("Mã PIN"), "{shown}");
    assert!(shown.contains("Theo sổ 100.000.000 đ"), "{shown}");
    type_text(&mut app, "40000000");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        message(&app),
        "Đã thu về 40.000.000 đ từ quỹ của Trần Văn Minh."
    );
    assert_eq!(drawer(&office, "truong").expected, m(60_000_000));
}

/// From the person's file: asks to void, gives a reason, and has the
/// supervisor approve with `approver`.
fn void_from_file(app: &mut App, reason: &str, approver: (&str, &str)) {
    app.handle_key(key(KeyCode::F(9)));
    assert_eq!(app.title(), "HỦY CHI", "{}", message(app));
    type_text(app, reason);
    press(app, KeyCode::Enter);
    assert_eq!(app.title(), "CẦN TRƯỞNG BƯU CỤC DUYỆT", "{}", message(app));
    type_text(app, approver.0);
    press(app, KeyCode::Enter);
    type_text(app, approver.1);
    press(app, KeyCode::Enter);
}

#[test]
fn a_void_through_the_screens_restores_the_lines_and_the_drawer() {
    let office = office();
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    assert_eq!(drawer(&office, "gdv1").expected, m(94_422_000));
    assert!(file_of(&office, AN.2).unpaid.is_empty());
    open_person(&mut app, AN.2);
    void_from_file(&mut app, "Chi nhầm người", SUPERVISOR);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));
    assert_eq!(
        message(&app),
        "Đã hủy biên nhận HD-2026-000001 (5.578.000 đ); các khoản trở lại chưa chi, tiền mặt trở lại quỹ."
    );
    let file = file_of(&office, AN.2);
    assert_eq!(file.unpaid.len(), 2, "both months are owed again");
    let voided = &file.payments[0];
    let reversal = voided.reversal.as_ref().expect("a reversal row");
    assert_eq!(reversal.reason, "Chi nhầm người");
    assert_eq!(drawer(&office, "gdv1").expected, m(100_000_000));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("ĐÃ HỦY 10/11/2026 — Chi nhầm người"),
        "{shown}"
    );
    assert!(shown.contains("Tổng cộng (2 khoản)"), "{shown}");
    // And it can be paid again (Esc to the counter, Esc empties the search).
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    pay_cash(&mut app, AN.2);
    assert!(file_of(&office, AN.2).unpaid.is_empty());
}

#[test]
fn with_two_standing_payments_the_clerk_chooses_which_to_void() {
    // October is paid, then November's list comes and is paid too.
    let office = Office::new();
    office.import("t10.csv", &list("2026-10"), "2026-10");
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    office.import("t11.csv", &list("2026-11"), "2026-11");
    pay_cash(&mut app, AN.2);
    open_person(&mut app, AN.2);
    app.handle_key(key(KeyCode::F(9)));
    assert_eq!(app.title(), "CHỌN LẦN CHI CẦN HỦY", "{}", message(&app));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("HD-2026-000002"), "{shown}");
    assert!(shown.contains("HD-2026-000001"), "{shown}");
    // Newest first: the second row is October's payment.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỦY CHI");
    assert!(screen(&mut app, 80, 24).contains("Biên nhận số HD-2026-000001"));
    type_text(&mut app, "Tháng 10 đã chi tại nhà");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, SUPERVISOR.0);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));
    let file = file_of(&office, AN.2);
    let by_no = |no: &str| file.payments.iter().find(|p| p.receipt_no == no).unwrap();
    assert!(by_no("HD-2026-000001").reversal.is_some());
    assert!(by_no("HD-2026-000002").reversal.is_none());
    let owed: Vec<String> = file.unpaid.iter().map(|l| l.period.short_label()).collect();
    assert_eq!(owed, ["10/2026"]);
}

#[test]
fn a_void_needs_a_reason_and_another_supervisor() {
    let office = office();
    let mut app = supervisor_app(&office);
    pay_cash(&mut app, AN.2);
    open_person(&mut app, AN.2);
    app.handle_key(key(KeyCode::F(9)));
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "Cần ghi lý do hủy.");
    assert_eq!(app.title(), "HỦY CHI");
    type_text(&mut app, "Nhầm kỳ");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, SUPERVISOR.0);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(app.message().unwrap().is_error(), "{}", message(&app));
    assert!(file_of(&office, AN.2).payments[0].reversal.is_none());
    assert!(file_of(&office, AN.2).unpaid.is_empty());
}

#[test]
fn a_void_into_a_counted_drawer_is_refused_in_the_services_words() {
    let office = office();
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    count_directly(&office, CLERK1, &[(500_000, 188)]);
    open_person(&mut app, AN.2);
    void_from_file(&mut app, "Chi nhầm người", SUPERVISOR);
    assert!(
        message(&app).contains("đã kiểm đếm cuối ca"),
        "{}",
        message(&app)
    );
    assert!(file_of(&office, AN.2).payments[0].reversal.is_none());
}

#[test]
fn a_payment_is_voided_from_its_receipt_too_and_only_once() {
    let office = office();
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    open_person(&mut app, AN.2);
    app.handle_key(key(KeyCode::F(6)));
    assert!(app.title().starts_with("BIÊN NHẬN"), "{}", app.title());
    void_from_file(&mut app, "Sai số tiền", SUPERVISOR);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));
    assert!(file_of(&office, AN.2).payments[0].reversal.is_some());
    app.handle_key(key(KeyCode::F(9)));
    assert_eq!(message(&app), "Không có lần chi nào còn hiệu lực để hủy.");
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
}

#[test]
fn closing_with_an_uncounted_drawer_is_refused_with_the_blocker_shown() {
    let office = office();
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    count_directly(
        &office,
        CLERK1,
        &[(500_000, 188), (200_000, 2), (10_000, 2), (1_000, 2)],
    );
    count_directly(&office, SUPERVISOR, &[(500_000, 200)]);
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '4');
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("CHƯA THỂ KHÓA SỔ:"), "{shown}");
    assert!(
        shown.contains("• Quỹ của Phạm Văn Long chưa kiểm đếm cuối ca."),
        "{shown}"
    );
    app.handle_key(key(KeyCode::F(10)));
    assert_eq!(app.title(), "BÁO CÁO & KHÓA SỔ NGÀY", "no PIN is asked");
    assert_eq!(
        message(&app),
        "Chưa thể khóa sổ: Quỹ của Phạm Văn Long chưa kiểm đếm cuối ca."
    );
    assert!(report(&office).closed.is_none());
}

#[test]
fn a_wrong_pin_at_the_close_is_refused() {
    let office = office();
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    count_all_exactly(&office);
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '4');
    app.handle_key(key(KeyCode::F(10)));
    assert_eq!(app.title(), "KHÓA SỔ NGÀY");
    type_text(&mut app, "1112");
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).starts_with("Sai mã PIN. Gõ lại mã PIN của bạn"),
        "{}",
        message(&app)
    );
    assert_eq!(
        app.title(),
        "KHÓA SỔ NGÀY",
        "the popup stays for another try"
    );
    assert!(report(&office).closed.is_none());
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "BÁO CÁO & KHÓA SỔ NGÀY");
    assert!(report(&office).closed.is_none());
}

#[test]
fn a_full_close_after_every_drawer_is_counted() {
    let office = office();
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    count_all_exactly(&office);
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '4');
    assert!(!screen(&mut app, 80, 24).contains("CHƯA THỂ KHÓA SỔ"));
    app.handle_key(key(KeyCode::F(10)));
    type_text(&mut app, SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "BÁO CÁO & KHÓA SỔ NGÀY", "{}", message(&app));
    assert_eq!(message(&app), "Đã khóa sổ ngày 10/11/2026.");

    let closed = report(&office).closed.expect("the day is closed");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("ĐÃ KHÓA SỔ"), "{shown}");
    assert!(
        shown.contains(&format!(
            "Niêm phong nhật ký kiểm toán: dòng #{}",
            closed.seal.seq
        )),
        "{shown}"
    );
    assert!(shown.contains(&closed.seal.hash), "{shown}");
    let backup = office.dir.path().join("backup/chitra-2026-11-10.db");
    assert!(backup.exists(), "the day's backup is written");
    assert!(
        shown.contains(&format!("Đã sao lưu: {}", backup.display())),
        "{shown}"
    );
    // The integrity check says how to compare the seal on the screens, not
    // with a command line.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "5");
    let shown = screen(&mut app, 80, 24);
    let joined: Vec<&str> = shown.lines().map(str::trim).collect();
    let joined = joined.join(" ");
    assert!(
        joined.contains("mở Báo cáo & khóa sổ ngày (F2 › 4), chọn ngày 10/11/2026 bằng F3"),
        "{shown}"
    );
    assert!(!shown.contains("chitra verify"), "{shown}");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "4");
    // Nothing more can happen on the day.
    app.handle_key(key(KeyCode::F(10)));
    assert!(
        message(&app).contains("đã khóa sổ lúc"),
        "{}",
        message(&app)
    );
    assert_eq!(app.title(), "BÁO CÁO & KHÓA SỔ NGÀY");
}

#[test]
fn the_report_prints_to_the_spool_folder_with_the_screens_numbers() {
    let office = office();
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '4');
    type_text(&mut app, "i");
    let file = office.dir.path().join("spool/bao-cao-2026-11-10.txt");
    assert_eq!(
        message(&app),
        format!("Đã in báo cáo (tệp {}).", file.display())
    );
    let text = std::fs::read_to_string(&file).expect("the report file");
    assert!(text.contains("5.578.000"), "{text}");
    assert!(text.contains("Phạm Văn Long"), "{text}");
}

#[test]
fn another_days_report_is_shown_by_its_date() {
    let office = office();
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '4');
    type_text(&mut app, "d");
    type_text(&mut app, "09/11/2026");
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("BÁO CÁO CHI TRẢ NGÀY 09/11/2026"), "{shown}");
    assert!(shown.contains("Không có lần chi nào."), "{shown}");
    assert!(!shown.contains("5.578.000"), "{shown}");
    // A date that is not one is refused.
    type_text(&mut app, "d");
    type_text(&mut app, "31/02/2026");
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("dd/mm/yyyy"), "{}", message(&app));
    // A day not come yet is shown, but its close is refused before the PIN.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "d");
    type_text(&mut app, "11/11/2026");
    press(&mut app, KeyCode::Enter);
    let title = app.title();
    press(&mut app, KeyCode::F(10));
    assert_eq!(app.title(), title);
    assert!(
        message(&app).contains("Ngày 11/11/2026 chưa đến"),
        "{}",
        message(&app)
    );
}

#[test]
fn verify_shows_what_was_changed_behind_chitras_back() {
    let office = office();
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    let mut app = supervisor_app(&office);
    menu_entry(&mut app, '5');
    assert!(screen(&mut app, 80, 24).contains("Toàn vẹn — "));
    // A forger with the file drops the triggers first.
    let svc = office.service();
    let c = svc.store().conn();
    let triggers: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in triggers {
        c.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
    }
    c.execute(
        "UPDATE payments SET total = 1000 WHERE receipt_no = 'HD-2026-000001'",
        [],
    )
    .unwrap();
    type_text(&mut app, "r");
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains("Toàn vẹn — "), "{shown}");
    assert!(shown.contains("VẤN ĐỀ:"), "{shown}");
    assert!(
        shown.contains("Bảng lần chi dòng 1 (HD-2026-000001): nội dung không khớp"),
        "{shown}"
    );
}

#[test]
fn a_transfer_the_banks_result_recorded_is_not_voided_from_the_file() {
    // Bình is paid into her account (the list says so): November's batch,
    // and the bank's result says it was transferred.
    let office = office();
    let mut svc = office.service();
    let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let batch = svc.bank_batch(&boss, "2026-11".parse().unwrap()).unwrap();
    let mut csv = String::from("Mã tham chiếu;Kết quả;Số tiền\n");
    for l in &batch.lines {
        csv.push_str(&format!("{};Thành công;{}\n", l.reference, l.amount.dong()));
    }
    let file = office.write_file("kq.csv", csv.as_bytes());
    svc.bank_import(&boss, &file, false).unwrap();
    let before = file_of(&office, BINH.2);

    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    app.handle_key(key(KeyCode::F(9)));
    if app.title() == "CHỌN LẦN CHI CẦN HỦY" {
        press(&mut app, KeyCode::Enter);
    }
    assert_ne!(app.title(), "HỦY CHI", "no void is asked for");
    assert!(app.message().unwrap().is_error(), "{}", message(&app));
    assert!(
        message(&app).contains("tiền đã đi qua ngân hàng"),
        "{}",
        message(&app)
    );
    let after = file_of(&office, BINH.2);
    assert_eq!(after.unpaid.len(), before.unpaid.len());
    assert!(after.payments.iter().all(|p| p.reversal.is_none()));
}
