//! Paying the heir of a deceased person at the counter, key by key: the
//! file says the person died and what is owed, the receiver step offers the
//! heir and nobody else, the heir's card is checked, cash is marked (not
//! the deceased's registered account), and the receipt names
//! the heir with the death certificate.

use crate::{common, tui_office};

use chitra::domain::payment::{PayMethod, ReceiverKind};
use chitra::service::heirs::NewHeir;
use chitra::service::register::RegisterRequest;
use chitra::tui::testing::{press, screen, type_text};
use chrono::NaiveDate;
use crossterm::event::KeyCode;
use tui_office::*;

use common::SUPERVISOR;

const HEIR: (&str, &str) = ("Lê Thị Hạnh", "046185006666");

fn record_heir(office: &common::Office) {
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%d/%m/%Y").ok();
    let papers = NewHeir {
        full_name: HEIR.0.into(),
        id_number: HEIR.1.into(),
        relationship: "Con gái".into(),
        address: "3 Hùng Vương, Thôn Tây".into(),
        phone: String::new(),
        died_on: d("05/11/2026"),
        death_cert_no: "88/TLKT".into(),
        death_cert_on: d("06/11/2026"),
        death_cert_by: "UBND xã".into(),
        family_paper: "Văn bản thỏa thuận cử người đại diện".into(),
        family_paper_no: String::new(),
        family_paper_on: d("08/11/2026"),
        reason: String::new(),
    };
    let id = person_id(&svc, CUC.2);
    svc.add_heir(&boss, id, &papers, None).unwrap();
}

#[test]
fn without_an_heir_on_file_the_pay_key_says_what_to_do() {
    let office = office();
    mark_deceased(&office, CUC.0);
    let mut app = clerk_app(&office);
    open_person(&mut app, CUC.2);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Đã mất — chi cho người thừa kế"), "{shown}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    assert!(
        message(&app).contains("Trưởng bưu cục ghi người thừa kế"),
        "{}",
        message(&app)
    );
    assert!(payments_of(&office, CUC.2).is_empty());
}

#[test]
fn the_heir_is_paid_what_was_owed_to_the_deceased() {
    let office = office();
    // The deceased had registered to be paid to their own bank account:
    // that account is not the heir's.
    {
        let mut svc = office.service();
        let clerk = office.sign_in(&mut svc, common::CLERK1);
        let id = person_id(&svc, CUC.2);
        let bank = RegisterRequest {
            method: Some(PayMethod::Bank),
            account_no: Some("9704 0000 1111".into()),
            account_bank: Some("Vietcombank".into()),
            ..Default::default()
        };
        svc.register(&clerk, id, &bank).unwrap();
    }
    mark_deceased(&office, CUC.0);
    record_heir(&office);
    let mut app = clerk_app(&office);
    open_person(&mut app, CUC.2);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Đã mất — chi cho người thừa kế"), "{shown}");
    assert!(shown.contains("Lê Thị Hạnh (Con gái)"), "{shown}");
    assert!(
        shown.contains("Còn nợ người đã mất: 6.240.000 đ"),
        "{shown}"
    );

    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "Bước 1/4: NGƯỜI NHẬN TIỀN",
        "{}",
        message(&app)
    );
    let step = screen(&mut app, 80, 24);
    assert!(
        step.contains("Người thừa kế: Lê Thị Hạnh (Con gái)"),
        "{step}"
    );
    assert!(!step.contains("  2  "), "the heir and nobody else: {step}");
    assert!(!step.contains("ủy quyền mới"), "no new proxy: {step}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN");
    // The deceased's own card does not pass for the heir's.
    type_text(&mut app, CUC.2);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN");
    for _ in 0..CUC.2.len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, HEIR.1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "Bước 3/4: HÌNH THỨC CHI TRẢ",
        "{}",
        message(&app)
    );
    let step = screen(&mut app, 80, 24);
    assert!(
        step.contains("▸ 1  Tiền mặt tại quầy"),
        "the heir starts in cash, not the deceased's account: {step}"
    );
    type_text(&mut app, "1");
    assert_eq!(app.title(), "Bước 4/4: XÁC NHẬN");
    let confirm = screen(&mut app, 80, 24);
    assert!(confirm.contains("88/TLKT"), "{confirm}");
    assert!(
        payments_of(&office, CUC.2).is_empty(),
        "nothing before Enter"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(&app));

    let paid = payments_of(&office, CUC.2);
    assert_eq!(paid.len(), 1);
    assert_eq!(paid[0].receiver_kind, ReceiverKind::Heir);
    assert_eq!(paid[0].receiver_id_number, HEIR.1);
    assert_eq!(paid[0].total.dong(), 2 * 3_120_000);
    app.wait_for_prints();
    let receipt = office
        .dir
        .path()
        .join(format!("spool/{}.txt", paid[0].receipt_no));
    let text = std::fs::read_to_string(receipt).unwrap();
    assert!(
        text.contains("Lê Thị Hạnh (người thừa kế, Con gái)"),
        "{text}"
    );
    assert!(text.contains("88/TLKT"), "{text}");
}

#[test]
fn a_supervisor_records_the_heir_from_the_file_then_pays_them() {
    let office = office();
    mark_deceased(&office, CUC.0);
    let mut app = supervisor_app(&office);
    open_person(&mut app, CUC.2);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "GHI NGƯỜI THỪA KẾ", "{}", message(&app));
    let values = [
        HEIR.0,
        HEIR.1,
        "Con gái",
        "3 Hùng Vương, Thôn Tây",
        "",
        "05/11/2026",
        "88/TLKT",
        "04/11/2026",
        "UBND xã",
        "Văn bản thỏa thuận",
        "",
        "08/11/2026",
    ];
    for v in values {
        type_text(&mut app, v);
        press(&mut app, KeyCode::Enter);
    }
    // A certificate dated before the death is refused, nothing written.
    assert_eq!(app.title(), "GHI NGƯỜI THỪA KẾ");
    assert!(
        message(&app).contains("trước ngày mất"),
        "{}",
        message(&app)
    );
    insta::assert_snapshot!(screen(&mut app, 80, 24));
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "06/11/2026");
    for _ in 0..5 {
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));
    assert!(message(&app).contains("Đã ghi người thừa kế: Lê Thị Hạnh (Con gái)"));
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Giấy chứng tử: 88/TLKT · ngày mất 05/11/2026"),
        "{shown}"
    );
    // The pay key now pays the heir.
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "Bước 1/4: NGƯỜI NHẬN TIỀN",
        "{}",
        message(&app)
    );
}
