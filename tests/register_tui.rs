//! The registration form at the counter, key by key: F4 from the person's
//! file, fields filled in from the file, a refused phone keeps the form
//! open on that field, an account in another name asks the supervisor.

use crate::{common, tui_office};

use chitra::domain::PayMethod;
use chitra::service::register::RegisterRequest;
use chitra::tui::testing::{press, screen, type_text};
use crossterm::event::KeyCode;
use tui_office::*;

fn tab(app: &mut chitra::tui::App, n: usize) {
    for _ in 0..n {
        press(app, KeyCode::Tab);
    }
}

fn clear(app: &mut chitra::tui::App) {
    app.handle_key(chitra::tui::testing::ctrl('u'));
}

#[test]
fn f4_on_the_file_registers_a_phone_and_papers_at_80x24() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    press(&mut app, KeyCode::F(4));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("ĐĂNG KÝ HÌNH THỨC NHẬN"), "{shown}");
    assert!(
        shown.contains(AN.2),
        "the ID on file is filled in:\n{shown}"
    );
    // A landline is refused and the form stays, on the phone field.
    tab(&mut app, 5);
    clear(&mut app);
    type_text(&mut app, "0243825123");
    tab(&mut app, 3);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("không phải đầu số di động"),
        "{}",
        message(&app)
    );
    assert!(screen(&mut app, 80, 24).contains("ĐĂNG KÝ HÌNH THỨC NHẬN"));
    clear(&mut app);
    type_text(&mut app, "0912 345 678");
    tab(&mut app, 2);
    type_text(&mut app, "04/05/2021");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Cục Cảnh sát QLHC về TTXH");
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("Đã đăng ký"), "{}", message(&app));
    let svc = office.service();
    let g = svc
        .registration(person_id(&svc, AN.2), None)
        .unwrap()
        .unwrap();
    assert_eq!(g.phone.as_deref(), Some("0912345678"));
    assert_eq!(g.papers.place.as_deref(), Some("Cục Cảnh sát QLHC về TTXH"));
}

#[test]
fn an_account_in_another_name_opens_the_supervisors_approval() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    press(&mut app, KeyCode::F(4));
    // Bình has proxies on file: first whom to register; 1 is herself.
    type_text(&mut app, "1");
    clear(&mut app);
    type_text(&mut app, "T");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "0123456789");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Agribank");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Trần Văn Hùng");
    tab(&mut app, 5);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("trưởng bưu cục xác nhận"), "{shown}");
    type_text(&mut app, common::SUPERVISOR.0);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, common::SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("Đã đăng ký"), "{}", message(&app));
    let svc = office.service();
    let g = svc
        .registration(person_id(&svc, BINH.2), None)
        .unwrap()
        .unwrap();
    assert_eq!(g.method, Some(PayMethod::Bank));
    assert_eq!(g.account_holder.as_deref(), Some("Trần Văn Hùng"));
    assert!(g.approved_by.is_some());
}

#[test]
fn the_lists_open_from_the_menu_with_the_cashless_bars_at_80x24() {
    let office = office();
    let mut app = clerk_app(&office);
    pay_cash(&mut app, AN.2);
    // The supervisor's menu: the lists are its eighth entry.
    let mut boss = supervisor_app(&office);
    menu_entry(&mut boss, '8');
    let shown = screen(&mut boss, 80, 24);
    assert!(shown.contains("DANH SÁCH PHÂN LOẠI"), "{shown}");
    assert!(shown.contains("Toàn xã"), "{shown}");
    type_text(&mut boss, "2");
    assert!(screen(&mut boss, 80, 24).contains("CHƯA CÓ CCCD"));
    // A clerk's menu: counter, count, PIN, sign out, then the lists,
    // which open on the share: the lists naming papers and phones are
    // the supervisor's.
    menu_entry(&mut app, '5');
    for refused in ["1", "2", "3", "5"] {
        type_text(&mut app, refused);
        assert!(
            message(&app).contains("cần quyền trưởng bưu cục"),
            "{refused}: {}",
            message(&app)
        );
        let shown = screen(&mut app, 80, 24);
        assert!(
            !shown.contains("CHƯA CÓ CCCD") && !shown.contains("PHÂN LOẠI"),
            "{shown}"
        );
    }
    type_text(&mut app, "4");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Mục tiêu") && shown.contains("50%"),
        "{shown}"
    );
    // An paid in cash: the commune's bar says 0,0%.
    assert!(shown.contains("0,0%█") || shown.contains("0,0%"), "{shown}");
    for line in shown.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80);
    }
}

/// Registers for the person with this ID number, as the first clerk, with
/// a supervisor at hand to confirm a change of account.
fn register_directly(office: &common::Office, id_number: &str, req: RegisterRequest) {
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, common::CLERK1);
    let id = person_id(&svc, id_number);
    let approval = svc
        .approval(&clerk, common::SUPERVISOR.0, common::SUPERVISOR.1)
        .unwrap();
    let req = RegisterRequest {
        approval: Some(approval),
        ..req
    };
    svc.register(&clerk, id, &req).unwrap();
}

#[test]
fn the_file_shows_what_the_office_registered_not_the_payers_list() {
    let office = office();
    register_directly(
        &office,
        AN.2,
        RegisterRequest {
            method: Some(PayMethod::Home),
            home_reason: Some("old".into()),
            phone: Some("0987 654 321".into()),
            ..Default::default()
        },
    );
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("0987654321"), "{shown}");
    assert!(
        !shown.contains("0905111222"),
        "the payer's phone is gone:\n{shown}"
    );
    assert!(
        shown.contains("Tiền mặt tại nhà") && shown.contains("Già yếu"),
        "{shown}"
    );
    // Someone never registered still shows the payer's list.
    press(&mut app, KeyCode::Esc);
    clear(&mut app);
    open_person(&mut app, BINH.2);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("0905333444") && shown.contains("0123456789"),
        "{shown}"
    );
}

#[test]
fn the_transfer_step_proposes_the_registered_account_and_bank() {
    let office = office();
    // Bình's list says Agribank 0123456789; she registered another account.
    register_directly(
        &office,
        BINH.2,
        RegisterRequest {
            account_no: Some("9704 2299 01".into()),
            account_bank: Some("Vietcombank".into()),
            ..Default::default()
        },
    );
    // An's list says cash; he registered a digital account.
    register_directly(
        &office,
        AN.2,
        RegisterRequest {
            method: Some(PayMethod::Wallet),
            account_no: Some("0912345678".into()),
            account_bank: Some("Viettel Money".into()),
            ..Default::default()
        },
    );
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    to_method(&mut app);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("▸ 4  Chuyển vào tài khoản số  (đã đăng ký)"),
        "{shown}"
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    open_person(&mut app, BINH.2);
    to_method(&mut app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 3/4: TÀI KHOẢN NHẬN");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("[9704229901"), "{shown}");
    assert!(shown.contains("Vietcombank"), "{shown}");
    assert!(!shown.contains("0123456789"), "{shown}");
    type_text(&mut app, "FT26314002");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 4/4: XÁC NHẬN", "{}", message(&app));
    press(&mut app, KeyCode::Enter);
    let p = &payments_of(&office, BINH.2)[0];
    assert_eq!(p.account.as_deref(), Some("9704229901"));
}

#[test]
fn f8_prints_the_list_shown_to_the_spool_folder() {
    let office = office();
    let mut boss = supervisor_app(&office);
    menu_entry(&mut boss, '8');
    type_text(&mut boss, "2");
    assert!(screen(&mut boss, 80, 24).contains("F8"));
    press(&mut boss, KeyCode::F(8));
    let spool = office.dir.path().join("spool");
    let file = std::fs::read_dir(&spool)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("danh-sach-cong-an-"))
        .expect("the police list in the spool folder");
    assert_eq!(
        message(&boss),
        format!("Đã in danh sách (tệp {}).", file.display())
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("CHƯA CÓ CCCD"), "{text}");
    assert!(
        !text.contains("DANH SÁCH PHÂN LOẠI"),
        "only the list shown:\n{text}"
    );
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    // The account-opening list prints under its own name.
    type_text(&mut boss, "3");
    press(&mut boss, KeyCode::F(8));
    assert!(
        message(&boss).contains("danh-sach-mo-tai-khoan-"),
        "{}",
        message(&boss)
    );
}

#[test]
fn f6_on_the_account_opening_list_records_the_next_step() {
    let office = office();
    // Nobody asked for an account yet: the key line offers no F6.
    let mut boss = supervisor_app(&office);
    menu_entry(&mut boss, '8');
    type_text(&mut boss, "3");
    let shown = screen(&mut boss, 80, 24);
    assert!(!shown.contains("F6 Ghi tình trạng"), "{shown}");
    register_directly(
        &office,
        CUC.2,
        RegisterRequest {
            method: Some(PayMethod::Bank),
            ..Default::default()
        },
    );
    let mut boss = supervisor_app(&office);
    menu_entry(&mut boss, '8');
    type_text(&mut boss, "3");
    assert!(screen(&mut boss, 80, 24).contains("F6 Ghi tình trạng"));
    press(&mut boss, KeyCode::F(6));
    assert!(screen(&mut boss, 80, 24).contains("GHI TÌNH TRẠNG TÀI KHOẢN"));
    // Someone not on the list, then a step that does not exist: refused.
    type_text(&mut boss, AN.0);
    press(&mut boss, KeyCode::Tab);
    type_text(&mut boss, "2");
    press(&mut boss, KeyCode::Enter);
    assert!(
        message(&boss).contains("không có trong danh sách"),
        "{}",
        message(&boss)
    );
    clear(&mut boss);
    type_text(&mut boss, CUC.0);
    press(&mut boss, KeyCode::Tab);
    clear(&mut boss);
    type_text(&mut boss, "7");
    press(&mut boss, KeyCode::Enter);
    assert!(
        message(&boss).contains("Tình trạng: gõ 1"),
        "{}",
        message(&boss)
    );
    clear(&mut boss);
    type_text(&mut boss, "2");
    press(&mut boss, KeyCode::Enter);
    assert_eq!(message(&boss), "Đã ghi — Lê Văn Cúc: Đã mở");
    let shown = screen(&mut boss, 80, 24);
    assert!(shown.contains("Đã mở"), "the list is read again:\n{shown}");
    let mut svc = office.service();
    let head = office.sign_in(&mut svc, common::SUPERVISOR);
    let a = svc.account_list(&head).unwrap();
    assert_eq!(
        a.accounts[0].step,
        chitra::domain::registration::AccountStep::Opened
    );
}

#[test]
fn a_proxy_on_file_registers_papers_phone_and_an_authorisation_of_at_most_a_year() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    press(&mut app, KeyCode::F(4));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Chính người hưởng") && shown.contains(PROXY.0),
        "{shown}"
    );
    type_text(&mut app, "2");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("ĐĂNG KÝ NGƯỜI ĐƯỢC ỦY QUYỀN"), "{shown}");
    assert!(
        shown.contains("15/UQ-2026") && shown.contains(PROXY.1),
        "{shown}"
    );
    type_text(&mut app, "0352 123 456");
    tab(&mut app, 2);
    type_text(&mut app, "10/01/2022");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Cục Cảnh sát QLHC về TTXH");
    press(&mut app, KeyCode::Tab);
    clear(&mut app);
    type_text(&mut app, "31/UQ-2026");
    tab(&mut app, 2);
    clear(&mut app);
    type_text(&mut app, "10/11/2026");
    press(&mut app, KeyCode::Tab);
    clear(&mut app);
    type_text(&mut app, "10/12/2027");
    press(&mut app, KeyCode::Enter);
    // Longer than a year: refused, nothing written, the form stays.
    assert!(message(&app).contains("một năm"), "{}", message(&app));
    assert_eq!(app.title(), "ĐĂNG KÝ NGƯỜI ĐƯỢC ỦY QUYỀN, GIÁM HỘ");
    let svc = office.service();
    let binh = person_id(&svc, BINH.2);
    assert_eq!(file_of(&office, BINH.2).proxies.len(), 2);
    clear(&mut app);
    type_text(&mut app, "09/11/2027");
    press(&mut app, KeyCode::Enter);
    // A clerk does not put a paper on file alone: the supervisor approves.
    assert_eq!(app.title(), "CẦN TRƯỞNG BƯU CỤC DUYỆT");
    assert_eq!(file_of(&office, BINH.2).proxies.len(), 2);
    sign_in_popup(&mut app, common::SUPERVISOR);
    assert!(message(&app).contains("Đã đăng ký"), "{}", message(&app));
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    let file = file_of(&office, BINH.2);
    let renewed = file
        .proxies
        .iter()
        .map(|p| &p.proxy)
        .find(|p| p.document_no == "31/UQ-2026")
        .expect("the new authorisation");
    assert_eq!(renewed.full_name, PROXY.0);
    assert_eq!(
        renewed.valid_to,
        chrono::NaiveDate::from_ymd_opt(2027, 11, 9)
    );
    let g = svc.registration(binh, Some(renewed.id)).unwrap().unwrap();
    assert_eq!(g.phone.as_deref(), Some("0352123456"));
    assert_eq!(g.papers.place.as_deref(), Some("Cục Cảnh sát QLHC về TTXH"));
    assert_eq!(
        g.papers.issued,
        chrono::NaiveDate::from_ymd_opt(2022, 1, 10)
    );
}

/// Papers with another number than the payer's list's are recorded for
/// the plan's lists, and the clerk is told the counter goes on checking
/// the list's number.
#[test]
fn another_id_number_registered_needs_a_supervisor_and_is_what_the_counter_checks() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    press(&mut app, KeyCode::F(4));
    tab(&mut app, 6);
    clear(&mut app);
    type_text(&mut app, "046099999999");
    tab(&mut app, 2);
    press(&mut app, KeyCode::Enter);
    // The number the counter checks the card against: a supervisor confirms.
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Số CCCD/CMND mới thay số"), "{shown}");
    type_text(&mut app, common::SUPERVISOR.0);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, common::SUPERVISOR.1);
    press(&mut app, KeyCode::Enter);
    let said = message(&app);
    assert!(
        said.contains("Đã đăng ký"),
        "{said}\n{}",
        screen(&mut app, 80, 24)
    );
    assert!(
        said.contains(&format!(
            "danh sách của cơ quan chi trả vẫn ghi số {}",
            AN.2
        )),
        "{said}"
    );
    assert_eq!(
        file_of(&office, AN.2).person.id_number.as_deref(),
        Some(AN.2)
    );
    // The new card finds An at the counter, and is the card checked.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "046099999999");
    // It opens once the clerk pauses, as the list's number does.
    assert!(app.waits_for_pause());
    app.pause();
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));
    assert!(screen(&mut app, 80, 24).contains(AN.1));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(app.title().contains("Bước 3/4"), "{}", app.title());
}
