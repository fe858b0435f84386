//! Paying at the counter through the screens, key by key, over a real
//! temporary database: what is recorded (or not), and what the clerk is
//! told. Every check of what was recorded reads the database again through
//! the service, not the screen.

use crate::{common, tui_office};

use chitra::domain::payment::{PayMethod, ReceiverKind};
use chitra::tui::testing::{key, press, screen, type_text};
use crossterm::event::KeyCode;
use tui_office::*;

use common::{CLERK2, SUPERVISOR};

#[test]
fn a_clerk_pays_by_id_number_and_the_payment_and_its_receipt_are_recorded() {
    let office = office();
    let mut app = clerk_app(&office);
    assert_eq!(app.title(), "QUẦY CHI TRẢ", "the counter comes first");
    open_person(&mut app, BINH.2);
    to_confirmation(&mut app);
    assert!(
        payments_of(&office, BINH.2).is_empty(),
        "nothing before Enter"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(&app));
    assert!(screen(&mut app, 80, 24).contains("Biên nhận số HD-2026-000001"));

    let paid = payments_of(&office, BINH.2);
    assert_eq!(paid.len(), 1);
    let p = &paid[0];
    assert_eq!(p.receipt_no, "HD-2026-000001");
    assert_eq!(p.total.dong(), 2 * (2_789_000 + 1_394_500));
    assert_eq!(p.lines.len(), 4, "both months, trợ cấp and phụ cấp");
    assert_eq!(p.receiver_kind, ReceiverKind::Person);
    assert_eq!(p.receiver_id_number, BINH.2);
    assert_eq!(p.method, PayMethod::Cash);
    assert_eq!(p.clerk, "Lê Thị Hoa");
    assert!(file_of(&office, BINH.2).unpaid.is_empty());
    // The receipt is made and written on another thread.
    app.wait_for_prints();
    let receipt = office.dir.path().join("spool/HD-2026-000001.txt");
    let text = std::fs::read_to_string(&receipt).expect("the receipt file");
    assert!(text.contains("8.367.000 đ") && text.contains("Trần Thị Bình"));

    // Enter: the next person, at an empty search, told what was done.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "QUẦY CHI TRẢ");
    assert_eq!(app.depth(), 1);
    assert_eq!(
        message(&app),
        "Đã chi 8.367.000 đ cho Trần Thị Bình, biên nhận HD-2026-000001."
    );
    assert!(screen(&mut app, 80, 24).contains("Tìm người hưởng: [ "));
}

#[test]
fn found_by_name_the_receiver_id_is_asked_and_one_that_differs_is_refused() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, "tran thi binh");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN",
        "found by name, the card is still checked"
    );
    type_text(&mut app, AN.2);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN",
        "not let through"
    );
    assert!(
        message(&app).contains("không khớp với hồ sơ. Không chi."),
        "{}",
        message(&app)
    );
    assert!(
        screen(&mut app, 80, 24).contains("Số CCCD/CMND : [ "),
        "the field is emptied"
    );
    assert!(payments_of(&office, BINH.2).is_empty());
    // The right number goes on.
    type_text(&mut app, BINH.2);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 3/4: HÌNH THỨC CHI TRẢ");
}

#[test]
fn an_expired_proxy_cannot_be_chosen_and_the_clerk_is_told_its_end_date() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("3  Ủy quyền, hết hạn 31/05/2026: Trần Thị Gấm (cháu)"),
        "{shown}"
    );
    type_text(&mut app, "3");
    assert_eq!(app.title(), "Bước 1/4: NGƯỜI NHẬN TIỀN");
    assert!(
        message(&app).contains("Giấy ủy quyền đã hết hạn ngày 31/05/2026. Không chi"),
        "{}",
        message(&app)
    );
    assert!(payments_of(&office, BINH.2).is_empty());
}

#[test]
fn a_proxy_in_date_collects_with_their_own_id_number() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2");
    assert_eq!(app.title(), "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN");
    // The person's own number is not the proxy's.
    type_text(&mut app, BINH.2);
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("không khớp"), "{}", message(&app));
    type_text(&mut app, PROXY.1);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(&app));
    let p = &payments_of(&office, BINH.2)[0];
    assert_eq!(p.receiver_kind, ReceiverKind::Proxy);
    assert_eq!(p.receiver_name, PROXY.0);
    assert_eq!(p.receiver_id_number, PROXY.1);
}

#[test]
fn esc_at_the_confirmation_goes_back_and_records_nothing() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_confirmation(&mut app);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "Bước 3/4: HÌNH THỨC CHI TRẢ");
    // Step 2 was not asked (the file was opened by the ID number): Esc
    // goes back through step 1 to the file.
    for _ in 0..2 {
        press(&mut app, KeyCode::Esc);
    }
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    assert!(payments_of(&office, BINH.2).is_empty());
    assert_eq!(file_of(&office, BINH.2).unpaid.len(), 4);
}

#[test]
fn a_double_enter_at_the_confirmation_records_one_payment() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_confirmation(&mut app);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(payments_of(&office, BINH.2).len(), 1);
    assert_eq!(
        app.title(),
        "QUẦY CHI TRẢ",
        "the second Enter only moved on"
    );
    // Opening the person again and trying to pay says who paid.
    open_person(&mut app, BINH.2);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    assert_eq!(
        message(&app),
        "Không còn khoản nào chưa chi. Đã chi bởi Lê Thị Hoa lúc 10/11/2026 09:00, biên nhận HD-2026-000001."
    );
    assert_eq!(payments_of(&office, BINH.2).len(), 1);
}

#[test]
fn when_another_clerk_paid_first_the_confirmation_says_who_and_records_nothing() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_confirmation(&mut app);

    // Meanwhile the second clerk pays Bình at the next counter.
    let mut other = chitra::tui::App::new(office.service(), chitra::tui::Theme::colored());
    sign_in(&mut other, CLERK2);
    open_person(&mut other, BINH.2);
    to_confirmation(&mut other);
    press(&mut other, KeyCode::Enter);
    assert_eq!(other.title(), "ĐÃ CHI");

    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "HỒ SƠ NGƯỜI HƯỞNG",
        "back to the file, read again"
    );
    assert!(
        message(&app)
            .starts_with("Đã chi bởi Phạm Văn Long lúc 10/11/2026 09:00, biên nhận HD-2026-000001"),
        "{}",
        message(&app)
    );
    assert_eq!(payments_of(&office, BINH.2).len(), 1);
    assert!(screen(&mut app, 80, 24).contains("HD-2026-000001"));
}

#[test]
fn outside_the_payment_window_a_clerk_pays_only_with_a_supervisors_approval() {
    // Today is the 10th; the window is the 20th to the 25th.
    let office = office_with_window((20, 25));
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_confirmation(&mut app);
    assert!(screen(&mut app, 80, 24).contains("cần trưởng bưu cục duyệt"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "CẦN TRƯỞNG BƯU CỤC DUYỆT");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "Bước 4/4: XÁC NHẬN");
    assert!(
        message(&app).starts_with("Chưa được duyệt"),
        "{}",
        message(&app)
    );
    assert!(payments_of(&office, BINH.2).is_empty());

    // A clerk cannot approve.
    press(&mut app, KeyCode::Enter);
    sign_in_popup(&mut app, CLERK2);
    assert_eq!(app.title(), "CẦN TRƯỞNG BƯU CỤC DUYỆT");
    assert!(payments_of(&office, BINH.2).is_empty());
    press(&mut app, KeyCode::Esc);

    press(&mut app, KeyCode::Enter);
    sign_in_popup(&mut app, SUPERVISOR);
    assert_eq!(app.title(), "Bước 4/4: XÁC NHẬN");
    assert_eq!(
        message(&app),
        "Đã được Trần Văn Minh duyệt. Nhấn Enter để ghi nhận chi trả."
    );
    assert!(
        payments_of(&office, BINH.2).is_empty(),
        "approval is not paying"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(&app));
    let p = &payments_of(&office, BINH.2)[0];
    assert_eq!(p.approved_by.as_deref(), Some("Trần Văn Minh"));
}

/// Types a user name and PIN into the approval popup.
#[test]
fn outside_the_window_a_signed_in_supervisor_pays_and_is_recorded_as_approving() {
    let office = office_with_window((20, 25));
    let mut app = app(&office);
    sign_in(&mut app, SUPERVISOR);
    open_person(&mut app, AN.2);
    to_confirmation(&mut app);
    assert!(screen(&mut app, 80, 24).contains("trưởng bưu cục tự chi"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(&app));
    let p = &payments_of(&office, AN.2)[0];
    assert_eq!(p.approved_by.as_deref(), Some("Trần Văn Minh"));
}

#[test]
fn a_new_proxy_entered_at_the_counter_is_saved_with_the_payment() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    press(&mut app, KeyCode::Enter);
    // The person, then "new proxy", then "new guardian".
    type_text(&mut app, "2");
    assert_eq!(app.title(), "Bước 1/4: NGƯỜI ĐƯỢC ỦY QUYỀN MỚI");
    let fields = [
        "Nguyễn Văn Hải",
        "046085009999",
        "con trai",
        "21/UQ-2026",
        "UBND xã Hải Dương",
        "01/11/2026",
        "01/12/2027",
    ];
    for f in fields {
        type_text(&mut app, f);
        press(&mut app, KeyCode::Enter);
    }
    assert!(
        message(&app).contains("tối đa một năm: hết hạn chậm nhất ngày 01/11/2027"),
        "{}",
        message(&app)
    );
    assert_eq!(app.title(), "Bước 1/4: NGƯỜI ĐƯỢC ỦY QUYỀN MỚI");
    app.handle_key(chitra::tui::testing::ctrl('u'));
    type_text(&mut app, "31/10/2027");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN",
        "{}",
        message(&app)
    );
    assert!(screen(&mut app, 80, 24).contains("Nguyễn Văn Hải (người được ủy quyền)"));
    type_text(&mut app, "046085009999");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1");
    assert!(screen(&mut app, 80, 24).contains("21/UQ-2026 con trai, UBND xã Hải Dương"));
    // Nothing is on file before the payment is recorded, and a clerk
    // does not pay a proxy they typed in without a supervisor's approval.
    assert_eq!(file_of(&office, AN.2).proxies.len(), 0);
    assert!(screen(&mut app, 80, 24).contains("Người ủy quyền mới: trưởng bưu cục"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "CẦN TRƯỞNG BƯU CỤC DUYỆT");
    sign_in_popup(&mut app, SUPERVISOR);
    assert_eq!(app.title(), "Bước 4/4: XÁC NHẬN");
    assert_eq!(file_of(&office, AN.2).proxies.len(), 0);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(&app));

    let file = file_of(&office, AN.2);
    assert_eq!(file.proxies.len(), 1);
    assert_eq!(file.proxies[0].proxy.full_name, "Nguyễn Văn Hải");
    // The receipt names who approved, without calling it "outside the
    // window".
    let receipt = office
        .service()
        .receipt_text(file.payments[0].id, false)
        .unwrap();
    assert!(
        receipt.contains("Người duyệt    : Trần Văn Minh"),
        "{receipt}"
    );
    assert_eq!(file.payments[0].receiver_kind, ReceiverKind::Proxy);
    assert_eq!(file.payments[0].receiver_id_number, "046085009999");
}

#[test]
fn a_bank_transfer_needs_the_reference_and_records_the_registered_account() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, BINH.2);
    to_method(&mut app);
    // Bình registered for bank transfers: it is already chosen.
    assert!(screen(&mut app, 80, 24).contains("▸ 3  Chuyển khoản ngân hàng  (đã đăng ký)"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 3/4: TÀI KHOẢN NHẬN");
    assert!(screen(&mut app, 80, 24).contains("Số tài khoản : [0123456789"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        message(&app),
        "Chuyển khoản cần mã giao dịch (số tham chiếu) của lệnh chuyển."
    );
    type_text(&mut app, "FT26314001-CHI-NHANH-HUE-0099887766");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 4/4: XÁC NHẬN");
    // The account and the whole code are shown to be checked, not cut.
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("0123456789") && shown.contains("0099887766"),
        "{shown}"
    );
    press(&mut app, KeyCode::Enter);
    let p = &payments_of(&office, BINH.2)[0];
    assert_eq!(p.method, PayMethod::Bank);
    assert_eq!(p.account.as_deref(), Some("0123456789"));
    assert_eq!(
        p.reference.as_deref(),
        Some("FT26314001-CHI-NHANH-HUE-0099887766")
    );
}

/// Bình's file, paid by the transfer she registered: its form.
fn transfer_form_of_binh(office: &common::Office) -> chitra::tui::App {
    let mut app = clerk_app(office);
    open_person(&mut app, BINH.2);
    to_method(&mut app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 3/4: TÀI KHOẢN NHẬN");
    app
}

/// A transfer to an account other than the one on file is refused at the
/// form, saying to register the new account first (where replacing one
/// needs a supervisor): one clerk alone cannot send the money elsewhere.
#[test]
fn a_transfer_to_an_account_not_on_file_is_refused_at_the_form() {
    let office = office();
    let mut app = transfer_form_of_binh(&office);
    // The reference is asked first; the account on file is filled in.
    type_text(&mut app, "FT26314000555");
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "9999888877");
    // Enter goes down the fields, then records.
    for _ in 0..3 {
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.title(), "Bước 3/4: TÀI KHOẢN NHẬN", "{}", message(&app));
    let said = message(&app);
    assert!(
        said.contains("9999888877 không phải tài khoản trong hồ sơ (0123456789)")
            && said.contains("đăng ký tài khoản mới trước"),
        "{said}\n{}",
        screen(&mut app, 80, 24)
    );
    assert!(payments_of(&office, BINH.2).is_empty());
}

#[test]
fn the_transfer_form_takes_no_reference_of_the_kind_chitra_makes() {
    let office = office();
    let mut app = transfer_form_of_binh(&office);
    // The first line of the next transfer batch, typed before it is made.
    type_text(&mut app, "ck0001-0001");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 3/4: TÀI KHOẢN NHẬN", "{}", message(&app));
    assert!(
        message(&app).contains("mã tham chiếu chitra tự đặt"),
        "{}",
        message(&app)
    );
    assert!(payments_of(&office, BINH.2).is_empty());
}

#[test]
fn a_deceased_person_without_an_heir_cannot_be_paid_and_the_pay_key_only_explains() {
    let office = office();
    mark_deceased(&office, CUC.0);
    let mut app = clerk_app(&office);
    type_text(&mut app, CUC.2);
    assert!(screen(&mut app, 80, 24).contains("đã mất"));
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("Đã mất — chi cho người thừa kế"));
    for k in [KeyCode::Enter, KeyCode::F(5)] {
        press(&mut app, k);
        assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
        assert!(
            message(&app).contains("chưa có người thừa kế trong hồ sơ. Trưởng bưu cục ghi"),
            "{}",
            message(&app)
        );
    }
    assert!(payments_of(&office, CUC.2).is_empty());
}

#[test]
fn a_receipt_that_cannot_be_written_leaves_the_payment_recorded_and_offers_a_reprint() {
    let office = office();
    // A file where the spool folder should be: the receipt cannot be written.
    std::fs::write(office.dir.path().join("spool"), b"not a folder").unwrap();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    to_confirmation(&mut app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI");
    // The receipt is written after the payment, off the screen's thread;
    // the screen is drawn again when that ends.
    app.wait_for_prints();
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Đã chi và đã ghi sổ, nhưng không ghi được tệp"),
        "{shown}"
    );
    assert!(shown.contains("F8 In lại"), "{shown}");
    assert_eq!(payments_of(&office, AN.2).len(), 1);
    // Once the folder is there, the reprint works.
    std::fs::remove_file(office.dir.path().join("spool")).unwrap();
    app.handle_key(key(KeyCode::F(8)));
    assert!(
        message(&app).starts_with("Đã in lại bản sao"),
        "{}",
        message(&app)
    );
    assert!(!screen(&mut app, 80, 24).contains("không ghi được"));
}

#[test]
fn a_person_without_an_id_number_on_file_is_paid_only_through_a_proxy() {
    let office = office();
    remove_id_directly(&office, DUNG.0);
    let mut app = clerk_app(&office);
    type_text(&mut app, "nguyen thi dung");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 1/4: NGƯỜI NHẬN TIỀN");
    assert!(
        message(&app).starts_with("Hồ sơ chưa có số CCCD/CMND của đối tượng"),
        "{}",
        message(&app)
    );
}

/// Once the day is closed, paying is refused at its first key, with what
/// to do, not after the four steps.
#[test]
fn a_closed_day_is_said_when_paying_begins() {
    let office = office();
    let mut svc = office.service();
    office.close_today(&mut svc);
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    let said = message(&app);
    assert!(
        said.contains("đã khóa sổ") && said.contains("ngày làm việc sau"),
        "{said}"
    );
}
