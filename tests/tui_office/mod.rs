//! A post office for the counter's screen tests: the office of
//! `tests/common` (a supervisor and two clerks, 10/11/2026) with two
//! months of a small list imported through the service, proxies put on file
//! through the service, and an [`App`] at the sign-in screen.
//!
//! Used by the `tui_*` tests with `mod common; mod tui_office;`.
#![allow(dead_code)]

use chitra::domain::payment::PaymentRecord;
use chitra::service::Service;
use chitra::service::counter::PersonView;
use chitra::service::pay::NewProxy;
use chitra::tui::testing::{press, type_text};
use chitra::tui::{App, Theme};
use chrono::NaiveDate;
use crossterm::event::KeyCode;

use crate::common::{CLERK1, Office, SUPERVISOR};

/// The people of the list: (record code, name, ID number).
pub const AN: (&str, &str, &str) = ("HD-001", "Nguyễn Văn An", "046048001234");
pub const BINH: (&str, &str, &str) = ("HD-002", "Trần Thị Bình", "046152004321");
pub const CUC: (&str, &str, &str) = ("HD-003", "Lê Văn Cúc", "046060007777");
pub const DUNG: (&str, &str, &str) = ("HD-004", "Nguyễn Thị Dung", "046145002222");
pub const EM: (&str, &str, &str) = ("HD-005", "Phạm Văn Em", "046055003333");

/// Bình's son, a proxy in date until 31/05/2027.
pub const PROXY: (&str, &str) = ("Lê Văn Dũng", "046090001234");
/// Bình's niece, whose authorisation ended on 31/05/2026.
pub const EXPIRED: (&str, &str) = ("Trần Thị Gấm", "046195004567");

const HEADER: &str = "STT;Mã đối tượng;Họ và tên;Năm sinh;Giới tính;Số CCCD/CMND;Địa chỉ;Thôn;Số điện thoại;Loại đối tượng;Hình thức chi trả;Số tài khoản;Ngân hàng;Trợ cấp;Phụ cấp;Tổng cộng";

/// The month's list as the social-affairs office exports it.
pub fn list(period: &str) -> String {
    let (y, m) = period.split_once('-').unwrap();
    let rows = [
        "HD-001;Nguyễn Văn An;1948;Nam;046048001234;12 Lê Lợi;Thôn Đông;0905111222;Thương binh;Tiền mặt;;;2.789.000;0;2.789.000",
        "HD-002;Trần Thị Bình;1952;Nữ;046152004321;45 Trần Phú;Thôn Đông;0905333444;Bệnh binh;Chuyển khoản ATM;0123456789;Agribank Hải Dương;2.789.000;1.394.500;4.183.500",
        "HD-003;Lê Văn Cúc;1960;Nam;046060007777;3 Hùng Vương;Thôn Tây;;Thân nhân liệt sĩ;Tiền mặt;;;3.120.000;0;3.120.000",
        "HD-004;Nguyễn Thị Dung;1945;Nữ;046145002222;7 Ngô Quyền;Thôn Tây;;Thương binh;Tiền mặt;;;2.100.000;500.000;2.600.000",
        "HD-005;Phạm Văn Em;1955;Nam;046055003333;9 Lý Thái Tổ;Thôn Bắc;;Bệnh binh;Tiền mặt;;;1.900.000;0;1.900.000",
    ];
    let mut out =
        format!("DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {m} NĂM {y}\n\n{HEADER}\n");
    for (i, r) in rows.iter().enumerate() {
        out.push_str(&format!("{};{r}\n", i + 1));
    }
    out
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A longer list of `n` people (more than a screen of "Nguyễn"), for
/// measuring what the search sends when the list fills the screen.
pub fn long_list(period: &str, n: usize) -> String {
    const FAMILY: [&str; 6] = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm"];
    const MIDDLE: [&str; 4] = ["Văn", "Thị", "Hữu", "Đức"];
    const GIVEN: [&str; 10] = [
        "An", "Bình", "Cường", "Dũng", "Hải", "Lan", "Long", "Phúc", "Thảo", "Yến",
    ];
    const HAMLETS: [&str; 3] = ["Thôn Đông", "Thôn Tây", "Tổ dân phố Thai Dương Hạ"];
    let (y, m) = period.split_once('-').unwrap();
    let mut out =
        format!("DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {m} NĂM {y}\n\n{HEADER}\n");
    for i in 0..n {
        let name = format!(
            "{} {} {}",
            FAMILY[i % FAMILY.len()],
            MIDDLE[(i / 6) % MIDDLE.len()],
            GIVEN[(i / 2) % GIVEN.len()]
        );
        let year = 1930 + (i % 40);
        let id = format!("0460{:02}{:06}", year % 100, 100 + i);
        out.push_str(&format!(
            "{};HD-{:03};{name};{year};Nam;{id};;{};;Thương binh;Tiền mặt;;;2.789.000;0;2.789.000\n",
            i + 1,
            100 + i,
            HAMLETS[i % HAMLETS.len()]
        ));
    }
    out
}

/// An office with October and November imported (so two months unpaid),
/// Bình's two proxies on file, and the payment window `window`.
pub fn office_with_window(window: (u32, u32)) -> Office {
    let office = Office::with_window(window);
    office.import("t10.csv", &list("2026-10"), "2026-10");
    office.import("t11.csv", &list("2026-11"), "2026-11");
    let mut svc = office.service();
    let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let binh = person_id(&svc, BINH.2);
    for (name, id, rel, doc, from, to) in [
        (
            PROXY.0,
            PROXY.1,
            "con trai",
            "15/UQ-2026",
            "2026-06-01",
            "2027-05-31",
        ),
        (
            EXPIRED.0,
            EXPIRED.1,
            "cháu",
            "08/UQ-2025",
            "2025-06-01",
            "2026-05-31",
        ),
    ] {
        svc.add_proxy(
            &boss,
            binh,
            &NewProxy {
                guardian: false,
                full_name: name.into(),
                id_number: id.into(),
                relationship: rel.into(),
                document_no: doc.into(),
                certified_by: "UBND xã Hải Dương".into(),
                valid_from: d(from),
                valid_to: Some(d(to)),
            },
            None,
        )
        .unwrap();
    }
    office
}

/// The office inside the payment window (days 2–25; today is the 10th).
pub fn office() -> Office {
    office_with_window((2, 25))
}

/// The person with this ID number.
pub fn person_id(svc: &Service, id_number: &str) -> i64 {
    let found = svc.search(id_number, 5).unwrap();
    assert_eq!(found.hits.len(), 1, "{id_number}");
    found.hits[0].person.id
}

/// The person's file as the database has it now.
pub fn file_of(office: &Office, id_number: &str) -> PersonView {
    let svc = office.service();
    let id = person_id(&svc, id_number);
    svc.person_view(id).unwrap()
}

/// Every payment of the person (last 12 months).
pub fn payments_of(office: &Office, id_number: &str) -> Vec<PaymentRecord> {
    file_of(office, id_number).payments
}

/// The id of the person with `record_code`.
fn id_of_code(svc: &Service, record_code: &str) -> i64 {
    let found = svc.search(record_code, 5).unwrap();
    found
        .hits
        .iter()
        .find(|h| h.person.record_code == record_code)
        .unwrap_or_else(|| panic!("{record_code} on file"))
        .person
        .id
}

/// Marks a person deceased, as the supervisor does when a death is
/// reported at the counter.
pub fn mark_deceased(office: &Office, record_code: &str) {
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let id = id_of_code(&svc, record_code);
    svc.set_person_status(
        &boss,
        id,
        chitra::domain::person::Status::Deceased,
        "Giấy báo tử số 15/2026",
    )
    .unwrap();
}

/// Changes a row as no screen would (a name no list would pass), through
/// the store's sealed and logged path.
fn rewrite(office: &Office, record_code: &str, changes: &[(&str, rusqlite::types::Value)]) {
    let mut svc = office.service();
    let id = id_of_code(&svc, record_code);
    let who = svc.who(None);
    chitra::store::testing::rewrite(svc.store_mut(), who, "people", &id.to_string(), changes)
        .unwrap();
}

/// Gives a person another address (a long one, as some lists have).
pub fn readdress_directly(office: &Office, record_code: &str, address: &str) {
    rewrite(
        office,
        record_code,
        &[("address", rusqlite::types::Value::Text(address.to_string()))],
    );
}

/// Gives a person a name no list would pass.
pub fn rename_directly(office: &Office, record_code: &str, name: &str) {
    rewrite(
        office,
        record_code,
        &[("full_name", rusqlite::types::Value::Text(name.to_string()))],
    );
}

/// Voids a payment: the clerk asks, the supervisor approves.
pub fn void_directly(office: &Office, receipt_no: &str, reason: &str) {
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let approval = svc
        .approval_by_another(&clerk, SUPERVISOR.0, SUPERVISOR.1)
        .unwrap();
    svc.void_payment(&clerk, receipt_no, reason, &approval)
        .unwrap();
}

/// Takes a person's ID number off the file (an older list without it).
pub fn remove_id_directly(office: &Office, record_code: &str) {
    rewrite(
        office,
        record_code,
        &[
            ("id_number", rusqlite::types::Value::Null),
            ("id_kind", rusqlite::types::Value::Null),
        ],
    );
}

/// An app on the office's database at the sign-in screen.
pub fn app(office: &Office) -> App {
    App::new(office.service(), Theme::colored())
}

pub fn sign_in(app: &mut App, who: (&str, &str)) {
    type_text(app, who.0);
    press(app, KeyCode::Enter);
    type_text(app, who.1);
    press(app, KeyCode::Enter);
    assert!(app.session().is_some(), "{:?}", app.message());
}

/// An app with the first clerk signed in, at the counter.
pub fn clerk_app(office: &Office) -> App {
    let mut app = app(office);
    sign_in(&mut app, CLERK1);
    app
}

/// From the counter: finds the person by ID number and opens the file.
pub fn open_person(app: &mut App, id_number: &str) {
    type_text(app, id_number);
    press(app, KeyCode::Enter);
    assert_eq!(app.title(), "HỒ SƠ NGƯỜI HƯỞNG", "{:?}", app.message());
}

/// From the file of a person opened by their whole ID number: starts
/// paying, the person receiving, cash at the counter — up to the
/// confirmation.
pub fn to_confirmation(app: &mut App) {
    to_method(app);
    type_text(app, "1");
    assert_eq!(app.title(), "Bước 4/4: XÁC NHẬN");
}

/// From the file of a person opened by their whole ID number: starts
/// paying, the person receiving — up to the choice of method. The ID
/// number that found them is the check of their card: step 2 is not asked.
pub fn to_method(app: &mut App) {
    press(app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "Bước 1/4: NGƯỜI NHẬN TIỀN",
        "{:?}",
        app.message()
    );
    press(app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "Bước 3/4: HÌNH THỨC CHI TRẢ",
        "{:?}",
        app.message()
    );
}

/// From the file of a person found another way (name, record code, part
/// of the ID): starts paying, the person receiving, with their ID number
/// typed at step 2 — up to the choice of method.
pub fn to_method_typing_id(app: &mut App, id_number: &str) {
    press(app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "Bước 1/4: NGƯỜI NHẬN TIỀN",
        "{:?}",
        app.message()
    );
    press(app, KeyCode::Enter);
    assert_eq!(app.title(), "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN");
    type_text(app, id_number);
    press(app, KeyCode::Enter);
    assert_eq!(
        app.title(),
        "Bước 3/4: HÌNH THỨC CHI TRẢ",
        "{:?}",
        app.message()
    );
}

pub fn message(app: &App) -> String {
    app.message()
        .map(|m| m.text().to_string())
        .unwrap_or_default()
}

/// An app with the supervisor signed in, at the counter.
pub fn supervisor_app(office: &Office) -> App {
    let mut app = app(office);
    sign_in(&mut app, SUPERVISOR);
    app
}

/// From the counter: opens the main menu and the entry numbered `n`.
pub fn menu_entry(app: &mut App, n: char) {
    app.handle_key(chitra::tui::testing::key(KeyCode::F(2)));
    assert_eq!(app.title(), "CHỨC NĂNG");
    type_text(app, &n.to_string());
}

/// From the counter: pays the person with this ID number themself, in
/// cash at the counter, through the screens, and comes back to the counter.
pub fn pay_cash(app: &mut App, id_number: &str) {
    open_person(app, id_number);
    to_confirmation(app);
    press(app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(app));
    press(app, KeyCode::Enter);
    assert_eq!(app.title(), "QUẦY CHI TRẢ");
}

/// The first clerk, who paid An's two months in cash (5.578.000 đ), at the
/// count screen: the books say 94.422.000 đ.
pub fn clerk_counting(office: &Office) -> App {
    let mut app = clerk_app(office);
    pay_cash(&mut app, AN.2);
    menu_entry(&mut app, '2');
    assert_eq!(app.title(), "KIỂM ĐẾM QUỸ CUỐI CA", "{}", message(&app));
    app
}

/// Types a name and PIN into the sign-in or approval popup.
pub fn sign_in_popup(app: &mut App, who: (&str, &str)) {
    type_text(app, who.0);
    press(app, KeyCode::Enter);
    type_text(app, who.1);
    press(app, KeyCode::Enter);
}
