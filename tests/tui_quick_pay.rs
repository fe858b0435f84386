//! The clerk's hands at the counter: paying in four keys after a whole ID
//! number typed (it opens the file once the clerk pauses), five with an
//! Enter typed straight after it, a scanned card, the ID still asked when the person was found by
//! name, letters on a file that go back to the search, cash that is not
//! marked when the drawer cannot pay (and why), and the search by the last
//! digits of an ID or a record code without its dash; a person registered
//! to be paid at home who comes to the counter is paid in counter cash.

use crate::{common, tui_office};

use chitra::domain::Money;
use chitra::domain::payment::{PayMethod, ReceiverKind};
use chitra::domain::report::MoveKind;
use chitra::domain::user::Role;
use chitra::service::register::RegisterRequest;
use chitra::tui::App;
use chitra::tui::testing::{ctrl, key, press, screen, type_text};
use crossterm::event::KeyCode;
use tui_office::*;

use common::{CLERK1, SUPERVISOR};

/// Presses keys, counting them.
struct Hands<'a> {
    app: &'a mut App,
    keys: usize,
}

impl Hands<'_> {
    fn press(&mut self, code: KeyCode) {
        self.app.handle_key(key(code));
        self.keys += 1;
    }
}

/// From a file opened by the person's whole ID, four Enters and nothing
/// else pay: pay, the person themself (not asked for the card again), the
/// marked method, record.
fn pays_with_four_enters(app: &mut App) {
    for step in ["Bước 1/4", "Bước 3/4", "Bước 4/4", "ĐÃ CHI"] {
        app.handle_key(key(KeyCode::Enter));
        assert!(
            app.title().contains(step),
            "{step}: {} {}",
            app.title(),
            message(app)
        );
    }
}

#[test]
fn a_typed_whole_id_pays_the_person_in_cash_in_five_keys() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, AN.2);
    let mut hands = Hands {
        app: &mut app,
        keys: 0,
    };
    hands.press(KeyCode::Enter);
    assert_eq!(hands.app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "opened at once");
    hands.press(KeyCode::Enter);
    assert_eq!(hands.app.title(), "Bước 1/4: NGƯỜI NHẬN TIỀN");
    hands.press(KeyCode::Enter);
    assert_eq!(
        hands.app.title(),
        "Bước 3/4: HÌNH THỨC CHI TRẢ",
        "the ID that found the person was the check of the card"
    );
    assert!(
        screen(hands.app, 80, 24).contains("▸ 1  Tiền mặt tại quầy  (đã đăng ký)"),
        "the registered method is marked"
    );
    hands.press(KeyCode::Enter);
    assert_eq!(hands.app.title(), "Bước 4/4: XÁC NHẬN");
    hands.press(KeyCode::Enter);
    assert_eq!(hands.app.title(), "ĐÃ CHI", "{}", message(hands.app));
    assert_eq!(hands.keys, 5, "five keys after the ID");

    let paid = payments_of(&office, AN.2);
    assert_eq!(paid.len(), 1);
    assert_eq!(paid[0].receiver_kind, ReceiverKind::Person);
    assert_eq!(paid[0].receiver_id_number, AN.2);
    assert_eq!(paid[0].method, PayMethod::Cash);
    assert_eq!(paid[0].total.dong(), 2 * 2_789_000);
}

#[test]
fn a_whole_id_opens_the_file_when_the_clerk_pauses_and_four_keys_pay() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, &AN.2[..11]);
    assert!(!app.waits_for_pause(), "eleven digits are not a whole ID");
    type_text(&mut app, &AN.2[11..]);
    assert!(app.waits_for_pause());
    app.pause();
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));

    // Back on the counter with the same number: it does not open again.
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.title(), "QUẦY CHI TRẢ");
    assert!(!app.waits_for_pause());
    app.pause();
    assert_eq!(app.title(), "QUẦY CHI TRẢ");

    // Typed again, it does.
    app.handle_key(key(KeyCode::Backspace));
    type_text(&mut app, &AN.2[11..]);
    app.pause();
    pays_with_four_enters(&mut app);
    let paid = payments_of(&office, AN.2);
    assert_eq!(paid.len(), 1);
    assert_eq!(paid[0].receiver_kind, ReceiverKind::Person);

    // Opened with Enter straight after the digits, then back: not again.
    let mut app = clerk_app(&office);
    type_text(&mut app, AN.2);
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    app.handle_key(key(KeyCode::Esc));
    assert!(!app.waits_for_pause());

    // A name, or a number nobody has, waits for nothing.
    for typed in ["nguyen van an", "046048009999"] {
        let mut app = clerk_app(&office);
        type_text(&mut app, typed);
        assert!(!app.waits_for_pause(), "{typed}");
    }
}

#[test]
fn a_whole_id_typed_in_groups_opens_the_file_as_well() {
    let office = office();
    let id = AN.2;
    for typed in [
        format!("{} {} {} {}", &id[..3], &id[3..6], &id[6..9], &id[9..]),
        format!("{}.{}.{}", &id[..4], &id[4..8], &id[8..]),
    ] {
        let mut app = clerk_app(&office);
        type_text(&mut app, &typed[..typed.len() - 1]);
        assert!(!app.waits_for_pause(), "{typed}: not whole yet");
        type_text(&mut app, &typed[typed.len() - 1..]);
        assert!(app.waits_for_pause(), "{typed}");
        app.pause();
        assert_eq!(
            app.title(),
            "HỒ SƠ NGƯỜI HƯỞNG",
            "{typed}: {}",
            message(&app)
        );
    }
    // And the ID that opened it is the card check: four Enters pay.
    let mut app = clerk_app(&office);
    type_text(
        &mut app,
        &format!("{} {} {} {}", &id[..3], &id[3..6], &id[6..9], &id[9..]),
    );
    app.pause();
    pays_with_four_enters(&mut app);
    assert_eq!(payments_of(&office, id)[0].receiver_id_number, id);
}

#[test]
fn a_scanned_card_opens_the_person_and_four_more_keys_pay() {
    let office = office();
    let mut app = clerk_app(&office);
    // A scanner types the card's QR code, then Enter.
    type_text(
        &mut app,
        &format!(
            "{}|046048001|{}|01011948|Nam|12 Lê Lợi|15082021",
            AN.2, AN.1
        ),
    );
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));
    pays_with_four_enters(&mut app);
    assert_eq!(payments_of(&office, AN.2)[0].receiver_id_number, AN.2);
}

#[test]
fn found_by_name_or_by_part_of_the_id_the_card_is_still_asked() {
    let office = office();
    for search in ["nguyen van an", "001234", "hd001"] {
        let mut app = clerk_app(&office);
        type_text(&mut app, search);
        app.handle_key(key(KeyCode::Enter));
        assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{search}");
        assert!(screen(&mut app, 80, 24).contains(AN.1), "{search}");
        app.handle_key(key(KeyCode::Enter));
        app.handle_key(key(KeyCode::Enter));
        assert_eq!(app.title(), "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN", "{search}");
    }
    // Another person's number typed whole: their file, not An's.
    let mut app = clerk_app(&office);
    type_text(&mut app, BINH.2);
    app.handle_key(key(KeyCode::Enter));
    assert!(screen(&mut app, 80, 24).contains(BINH.1));
}

/// The whole ID left in the search box from the person before is not the
/// card of whoever stands at the counter now: Enter on it opens the file,
/// but the card is asked.
#[test]
fn an_id_left_in_the_search_from_before_checks_no_card() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title(), "QUẦY CHI TRẢ");
    assert!(screen(&mut app, 80, 24).contains(AN.2));
    for _ in 0..3 {
        app.handle_key(key(KeyCode::Enter));
    }
    assert_eq!(app.title(), "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN");
    // Typed again (or the card scanned again), it is the card.
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, AN.2);
    pays_with_four_enters_after_open(&mut app);
}

fn pays_with_four_enters_after_open(app: &mut App) {
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    pays_with_four_enters(app);
}

/// "Thoát chitra? (c/k)" over the confirmation: the Enter that answers it
/// records nothing.
#[test]
fn enter_at_the_quit_question_over_the_confirmation_records_nothing() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    to_confirmation(&mut app);
    app.handle_key(ctrl('c'));
    assert!(screen(&mut app, 80, 24).contains("Thoát chitra? (c/k)"));
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.title(), "Bước 4/4: XÁC NHẬN");
    assert!(!app.should_quit());
    assert!(payments_of(&office, AN.2).is_empty(), "nothing recorded");
    // The Enter after it is the clerk's own, on the confirmation.
    app.handle_key(key(KeyCode::Enter));
    assert!(app.title().contains("ĐÃ CHI"), "{}", app.title());
}

#[test]
fn letters_typed_on_a_file_go_back_to_the_search_and_never_act() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    // "hoang": once h voided, c paid, t stopped payment, b showed receipts.
    type_text(&mut app, "hoang");
    assert_eq!(app.title(), "QUẦY CHI TRẢ", "{}", message(&app));
    assert_eq!(app.depth(), 1);
    assert!(
        screen(&mut app, 80, 24).contains("Tìm người hưởng: [hoang "),
        "the letters are in the search box"
    );
    for word in ["c", "btc"] {
        app_cleared(&mut app);
        open_person(&mut app, AN.2);
        type_text(&mut app, word);
        assert_eq!(app.title(), "QUẦY CHI TRẢ", "{word}");
    }
    assert!(payments_of(&office, AN.2).is_empty());
    assert_eq!(
        file_of(&office, AN.2).person.status,
        chitra::domain::person::Status::Active
    );
}

/// The counter with its search box emptied.
fn app_cleared(app: &mut App) -> &mut App {
    app.handle_key(ctrl('u'));
    assert!(screen(app, 80, 24).contains("Tìm người hưởng: [ "));
    app
}

/// From the counter: An's file, paying An, up to step 3.
fn to_step_3(app: &mut App) -> String {
    open_person(app, AN.2);
    to_method(app);
    screen(app, 80, 24)
}

/// Step 3 refuses cash for `why`, marks no row, and records nothing.
/// Returns step 3 as it was first shown.
fn cash_is_not_marked(office: &common::Office, app: &mut App, why: &str) -> String {
    let shown = to_step_3(app);
    assert!(
        shown.contains("  1  Tiền mặt tại quầy  (đã đăng ký; "),
        "cash is not marked:\n{shown}"
    );
    assert!(!shown.contains('▸'), "no row is marked:\n{shown}");
    assert!(shown.contains(why), "{why}:\n{shown}");
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.title(), "Bước 3/4: HÌNH THỨC CHI TRẢ");
    assert!(message(app).contains(why), "{}", message(app));
    type_text(app, "1");
    assert_eq!(app.title(), "Bước 3/4: HÌNH THỨC CHI TRẢ");
    assert!(message(app).contains(why), "{}", message(app));
    assert!(
        !screen(app, 80, 24).contains('▸'),
        "a refused row is not marked"
    );
    assert!(payments_of(office, AN.2).is_empty());
    shown
}

#[test]
fn cash_is_not_marked_when_the_drawer_was_not_opened() {
    let office = office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    svc.add_user(&boss, "gdv3", "Ngô Thị Mai", Role::Clerk, "6284")
        .unwrap();
    let mut app = app(&office);
    sign_in(&mut app, ("gdv3", "6284"));
    assert!(
        screen(&mut app, 80, 24).contains("Quỹ chưa mở: chưa chi tiền mặt được"),
        "the counter says it before any payment"
    );
    let step_3 = cash_is_not_marked(&office, &mut app, "quỹ của bạn hôm nay chưa mở");
    insta::assert_snapshot!(step_3);
}

#[test]
fn cash_is_not_marked_when_the_drawer_was_counted() {
    let office = office();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    svc.count_drawer(&hoa, &[(500_000, 200)].into_iter().collect())
        .unwrap();
    let mut app = clerk_app(&office);
    assert!(screen(&mut app, 80, 24).contains("Quỹ đã kiểm đếm: hết chi tiền mặt"));
    cash_is_not_marked(&office, &mut app, "quỹ của bạn hôm nay đã kiểm đếm");
}

#[test]
fn cash_is_not_marked_when_the_drawer_does_not_hold_the_amount() {
    let office = office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    // 1.000.000 đ left; An is owed 5.578.000 đ.
    svc.drawer_move(
        &boss,
        CLERK1.0,
        CLERK1.1,
        MoveKind::Return,
        Money::from_dong(99_000_000),
        "",
    )
    .unwrap();
    let mut app = clerk_app(&office);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Quỹ đã mở"), "{shown}");
    assert!(!shown.contains("1.000.000"), "the amount is never shown");
    cash_is_not_marked(&office, &mut app, "quỹ của bạn không đủ số tiền này");
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains("1.000.000"), "the amount is never shown");
    // A transfer can still be chosen.
    type_text(&mut app, "3");
    assert_eq!(app.title(), "Bước 3/4: TÀI KHOẢN NHẬN", "{}", message(&app));
}

#[test]
fn the_last_six_digits_of_an_id_and_a_code_without_its_dash_find_the_person() {
    let office = office();
    let mut app = clerk_app(&office);
    for (search, who) in [
        ("004321", BINH),
        ("46152004321", BINH),
        ("hd002", BINH),
        ("HD002", BINH),
        ("002", BINH),
        ("hd-002", BINH),
        ("007777", CUC),
    ] {
        app_cleared(&mut app);
        type_text(&mut app, search);
        let shown = screen(&mut app, 80, 24);
        assert!(shown.contains(who.1), "{search}:\n{shown}");
        assert!(
            shown.contains(" 1 người"),
            "{search} finds one person:\n{shown}"
        );
    }
    // Fewer than six digits of an ending find nobody by their ID.
    app_cleared(&mut app);
    type_text(&mut app, "04321");
    assert!(!screen(&mut app, 80, 24).contains(BINH.1));
}

#[test]
fn a_person_registered_for_home_payment_who_comes_to_the_counter_is_paid_counter_cash() {
    let office = office();
    {
        let mut svc = office.service();
        let clerk = office.sign_in(&mut svc, CLERK1);
        let id = person_id(&svc, AN.2);
        let home = RegisterRequest {
            method: Some(PayMethod::Home),
            home_reason: Some("old".into()),
            ..Default::default()
        };
        svc.register(&clerk, id, &home).unwrap();
    }
    let mut app = clerk_app(&office);
    type_text(&mut app, AN.2);
    app.pause();
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG");
    for _ in 0..2 {
        app.handle_key(key(KeyCode::Enter));
    }
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("▸ 1  Tiền mặt tại quầy")
            && shown.contains("Tiền mặt tại nhà  (đã đăng ký)"),
        "counter cash is marked, the registration still shown:\n{shown}"
    );
    for _ in 0..2 {
        app.handle_key(key(KeyCode::Enter));
    }
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(&app));
    let paid = payments_of(&office, AN.2);
    assert_eq!(paid.len(), 1);
    assert_eq!(
        paid[0].method,
        PayMethod::Cash,
        "paid at the counter, not counted in the home round's column"
    );
}

/// A proxy hands over their own card: its number finds the person they
/// collect for, the file opens once the clerk pauses, step 1 has that
/// proxy marked with the card checked, and step 2 is not asked.
#[test]
fn a_proxys_own_card_opens_the_file_they_collect_for_and_step_2_is_not_asked() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, PROXY.1);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains(BINH.1), "{shown}");
    assert!(
        shown.contains("CCCD của người được ủy quyền Lê Văn Dũng, nhận thay"),
        "{shown}"
    );
    assert!(app.waits_for_pause());
    app.pause();
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));
    app.handle_key(key(KeyCode::Enter));
    let step1 = screen(&mut app, 80, 24);
    assert!(
        step1.contains("▸ 2  Ủy quyền (CCCD đã đối chiếu khi tìm): Lê Văn Dũng (con trai)"),
        "{step1}"
    );
    app.handle_key(key(KeyCode::Enter));
    assert!(
        app.title().contains("Bước 3/4: HÌNH THỨC"),
        "the card was checked at the search: {}",
        app.title()
    );
    // Bình is registered for a transfer; the proxy takes cash.
    app.handle_key(key(KeyCode::Char('1')));
    if app.title().contains("Bước 3/4") {
        app.handle_key(key(KeyCode::Enter));
    }
    assert!(app.title().contains("Bước 4/4"), "{}", app.title());
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(&app));
    let paid = payments_of(&office, BINH.2);
    assert_eq!(paid.len(), 1);
    assert_eq!(paid[0].receiver_kind, ReceiverKind::Proxy);
    assert_eq!(paid[0].receiver_id_number, PROXY.1);
}

/// The card of a proxy whose authorisation has ended still finds the
/// person (the file says it ended), but checks nothing: the person is
/// marked at step 1 and their own card is asked at step 2; the ended
/// proxy, chosen, is refused.
#[test]
fn an_ended_proxys_card_finds_the_person_but_checks_no_one() {
    let office = office();
    let mut app = clerk_app(&office);
    type_text(&mut app, EXPIRED.1);
    let found = screen(&mut app, 80, 24);
    assert!(found.contains(BINH.1), "{found}");
    assert!(
        found.contains("Giấy ủy quyền hết hạn 31/05/2026 (CCCD của Trần Thị Gấm)"),
        "the list says the paper ended: {found}"
    );
    app.pause();
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{}", message(&app));
    app.handle_key(key(KeyCode::Enter));
    let step1 = screen(&mut app, 80, 24);
    assert!(!step1.contains("đối chiếu"), "{step1}");
    assert!(step1.contains("▸ 1  Chính chủ"), "{step1}");
    // The ended proxy is the third row (the one in date is the second).
    app.handle_key(key(KeyCode::Down));
    app.handle_key(key(KeyCode::Down));
    app.handle_key(key(KeyCode::Enter));
    assert!(app.title().contains("Bước 1/4"), "{}", app.title());
    assert!(message(&app).contains("hết hạn"), "{}", message(&app));
    app.handle_key(key(KeyCode::Home));
    app.handle_key(key(KeyCode::Enter));
    assert!(app.title().contains("Bước 2/4"), "{}", app.title());
}

/// The search itself: a proxy's number lists the person they collect for,
/// saying through whom; someone's own number lists them first and not
/// "through" anyone, even when they are also a proxy for another person
/// (then their own file is the one that opens by itself).
#[test]
fn a_search_by_a_proxys_number_says_whom_it_found_through() {
    let office = office();
    let found = office.service().search(PROXY.1, 10).unwrap();
    assert_eq!(found.hits.len(), 1);
    assert_eq!(found.hits[0].person.id_number.as_deref(), Some(BINH.2));
    let through = found.hits[0]
        .through
        .as_ref()
        .expect("found through the proxy");
    assert_eq!(
        (through.full_name.as_str(), through.guardian),
        (PROXY.0, false)
    );

    // Cúc is on the list and becomes An's guardian.
    add_on_file(&office, AN.2, true, CUC.1, CUC.2);
    let svc = office.service();
    // A page of one row: An comes later, read as the list scrolls, and
    // still says through whom.
    let page = svc.search_page(CUC.2, 10, 1).unwrap();
    assert_eq!(page.results.hits.len(), 1);
    let later = svc.hits_of(page.rest, &page.rest_through).unwrap();
    assert_eq!(later[0].person.full_name, AN.1);
    assert_eq!(later[0].through.as_ref().map(|t| t.guardian), Some(true));
    let found = svc.search(CUC.2, 10).unwrap();
    let names: Vec<&str> = found
        .hits
        .iter()
        .map(|h| h.person.full_name.as_str())
        .collect();
    assert_eq!(names, [CUC.1, AN.1]);
    assert!(found.hits[0].through.is_none());
    assert_eq!(
        found.hits[1].through.as_ref().map(|t| t.guardian),
        Some(true)
    );
    let mut app = clerk_app(&office);
    type_text(&mut app, CUC.2);
    app.pause();
    let file = screen(&mut app, 80, 24);
    assert!(file.contains(CUC.1) && file.contains(CUC.2), "{file}");
}

/// A 9-digit CMND is also how a 12-digit CCCD starts: the file of a
/// proxy's person found by the first nine digits is listed, but does not
/// open by itself when the clerk pauses there; the whole CCCD does.
#[test]
fn nine_digits_on_the_way_to_twelve_open_nothing_by_themselves() {
    let office = office();
    add_on_file(&office, BINH.2, false, "Đỗ Văn Hậu", &AN.2[..9]);
    let mut app = clerk_app(&office);
    type_text(&mut app, &AN.2[..9]);
    assert!(
        screen(&mut app, 80, 24).contains(BINH.1),
        "the CMND's person is listed"
    );
    assert!(
        !app.waits_for_pause(),
        "nine digits open nothing by themselves"
    );
    type_text(&mut app, &AN.2[9..]);
    assert!(app.waits_for_pause());
    app.pause();
    let file = screen(&mut app, 80, 24);
    assert!(file.contains(AN.1) && !file.contains(BINH.1), "{file}");
}

/// A proxy's number changed in the database behind chitra's back (a
/// forger puts their own card on someone's authorisation) finds nobody:
/// the row fails its seal and the counter says it was tampered with.
#[test]
fn a_proxys_number_forged_in_the_database_finds_nobody() {
    let office = office();
    let forged = "046099999999";
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    // The trigger dropped for the edit and put back as it was (left out,
    // it would stop every write, a sign-in first).
    conn.execute_batch(&format!(
        "DROP TRIGGER proxies_no_update;
         UPDATE proxies SET id_number = '{forged}' WHERE id_number = '{}';
         CREATE TRIGGER proxies_no_update BEFORE UPDATE ON proxies BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: proxies');
END;",
        PROXY.1
    ))
    .unwrap();
    drop(conn);
    assert!(office.service().search(forged, 10).is_err());
    let mut app = clerk_app(&office);
    type_text(&mut app, forged);
    assert!(!app.waits_for_pause());
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains(BINH.1), "{shown}");
    assert!(
        message(&app).contains("bị sửa bên ngoài chitra"),
        "{}",
        message(&app)
    );

    // Bình's own file says so, and the forged proxy cannot be chosen.
    let mut app = clerk_app(&office);
    type_text(&mut app, BINH.2);
    app.pause();
    let file = screen(&mut app, 80, 24);
    assert!(
        file.contains("Ủy quyền, BỊ SỬA NGOÀI CHITRA, không dùng được"),
        "{file}"
    );
    app.handle_key(key(KeyCode::Enter));
    assert!(app.title().contains("Bước 1/4"), "{}", app.title());
    app.handle_key(key(KeyCode::Down));
    app.handle_key(key(KeyCode::Enter));
    assert!(app.title().contains("Bước 1/4"), "{}", app.title());
    assert!(
        message(&app).contains("bị sửa bên ngoài chitra"),
        "{}",
        message(&app)
    );
}

/// Puts a proxy (or guardian) in date from 01/06/2026 to 31/05/2027 on the
/// file of the person whose ID number is `whose`.
fn add_on_file(office: &common::Office, whose: &str, guardian: bool, name: &str, id: &str) {
    let mut svc = office.service();
    let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let person = person_id(&svc, whose);
    svc.add_proxy(
        &boss,
        person,
        &chitra::service::pay::NewProxy {
            guardian,
            full_name: name.into(),
            id_number: id.into(),
            relationship: "cháu".into(),
            document_no: "21/UQ-2026".into(),
            certified_by: "UBND xã Hải Dương".into(),
            valid_from: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
            valid_to: chrono::NaiveDate::from_ymd_opt(2027, 5, 31),
        },
        None,
    )
    .unwrap();
}

/// A card scanned (or digits typed) a step late: at step 3 its first digit
/// chooses a method and opens the confirmation, where the rest of the
/// burst and its Enter land. That Enter records nothing; the clerk's own
/// next Enter does, once the screen has been seen.
#[test]
fn a_card_scanned_at_the_method_step_records_nothing_by_itself() {
    let office = office();
    let mut app = clerk_app(&office);
    open_person(&mut app, AN.2);
    to_method(&mut app);
    type_text(&mut app, "001234567890");
    press(&mut app, KeyCode::Enter);
    assert!(app.title().contains("Bước 4/4"), "{}", app.title());
    assert!(
        message(&app).contains("không nhận chữ hay số"),
        "{}",
        message(&app)
    );
    let paid = |office: &common::Office| payments_of(office, AN.2).len();
    assert_eq!(paid(&office), 0);
    // A digit alone, then Enter: the same.
    type_text(&mut app, "1");
    press(&mut app, KeyCode::Enter);
    assert_eq!(paid(&office), 0);
    assert!(app.title().contains("Bước 4/4"), "{}", app.title());
    // The clerk's own Enter records.
    press(&mut app, KeyCode::Enter);
    assert!(app.title().contains("ĐÃ CHI"), "{}", app.title());
    assert_eq!(paid(&office), 1);
}

/// A card scanned (or its number typed) at step 1 chooses its holder, with
/// the card checked: the person's own card goes on to the method, a proxy's
/// card chooses that proxy, and the digits of a number never pick a row
/// of the list on the way (2 would have opened a new proxy's form). A
/// number that is nobody's on the file is refused and the list stays.
#[test]
fn a_card_scanned_at_step_1_chooses_its_holder_and_no_row_by_its_digits() {
    let office = office();
    // Found by name: step 1, then An's own card scanned.
    let mut app = clerk_app(&office);
    type_text(&mut app, "nguyen van an");
    app.handle_key(key(KeyCode::Enter));
    app.handle_key(key(KeyCode::Enter));
    assert!(app.title().contains("Bước 1/4"), "{}", app.title());
    type_text(&mut app, &AN.2[..5]);
    assert!(app.title().contains("Bước 1/4"), "{}", app.title());
    assert!(
        screen(&mut app, 80, 24).contains(&format!("Số CCCD người nhận: {}", &AN.2[..5])),
        "{}",
        screen(&mut app, 80, 24)
    );
    type_text(&mut app, &AN.2[5..]);
    assert!(
        app.title().contains("Bước 3/4"),
        "{} {}",
        app.title(),
        message(&app)
    );

    // Bình's file, her son's card (a proxy on file, in date): chosen.
    let mut app = clerk_app(&office);
    type_text(&mut app, "tran thi binh");
    app.handle_key(key(KeyCode::Enter));
    app.handle_key(key(KeyCode::Enter));
    type_text(&mut app, PROXY.1);
    assert!(
        app.title().contains("Bước 3/4"),
        "{} {}",
        app.title(),
        message(&app)
    );
    assert!(screen(&mut app, 80, 24).contains(PROXY.0));

    // Someone else's number: refused, still at step 1, nothing chosen.
    let mut app = clerk_app(&office);
    type_text(&mut app, "tran thi binh");
    app.handle_key(key(KeyCode::Enter));
    app.handle_key(key(KeyCode::Enter));
    type_text(&mut app, CUC.2);
    assert!(app.title().contains("Bước 1/4"), "{}", app.title());
    assert!(
        message(&app).contains("không phải của người hưởng"),
        "{}",
        message(&app)
    );
    // Esc drops a number begun, and the rows' numbers work again.
    type_text(&mut app, "0462");
    app.handle_key(key(KeyCode::Esc));
    assert!(app.title().contains("Bước 1/4"), "{}", app.title());
    assert!(!screen(&mut app, 80, 24).contains("Số CCCD người nhận:"));
}
