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

/// Marks a person deceased, as a decrease list will (decrease lists are not
/// imported yet, so the test writes the row directly).
pub fn mark_deceased(office: &Office, record_code: &str) {
    let svc = office.service();
    svc.store()
        .conn()
        .execute(
            "UPDATE people SET status = 'deceased', status_note = 'Giấy báo tử số 15/2026', \
             status_since = '20/10/2026' WHERE record_code = ?1",
            [record_code],
        )
        .unwrap();
}

/// Gives a person a name no list would pass (an older database, another
/// tool), written to the store directly.
pub fn rename_directly(office: &Office, record_code: &str, name: &str) {
    let svc = office.service();
    svc.store()
        .conn()
        .execute(
            "UPDATE people SET full_name = ?1 WHERE record_code = ?2",
            [name, record_code],
        )
        .unwrap();
}

/// Writes a reversal row directly, as an older database may hold one: the
/// payment stays, marked, and its lines are unpaid again. (Voids through
/// the screens are tested in tui_day.)
pub fn void_directly(office: &Office, receipt_no: &str, reason: &str) {
    let svc = office.service();
    svc.store()
        .conn()
        .execute(
            "INSERT INTO reversals (payment_id, day, reversed_at, requested_by, approved_by, reason) \
             SELECT p.id, '2026-11-10', '2026-11-10T10:30:00+07:00', \
                    (SELECT id FROM users WHERE name = 'gdv1'), \
                    (SELECT id FROM users WHERE name = 'truong'), ?2 \
             FROM payments p WHERE p.receipt_no = ?1",
            [receipt_no, reason],
        )
        .unwrap();
}

/// Takes a person's ID number off the file (an older list without it).
pub fn remove_id_directly(office: &Office, record_code: &str) {
    let svc = office.service();
    svc.store()
        .conn()
        .execute(
            "UPDATE people SET id_number = NULL, id_kind = NULL WHERE record_code = ?1",
            [record_code],
        )
        .unwrap();
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

/// From the person's file: starts paying, the person receiving, with their
/// ID number typed, cash at the counter — up to the confirmation.
pub fn to_confirmation(app: &mut App, id_number: &str) {
    to_method(app, id_number);
    type_text(app, "1");
    assert_eq!(app.title(), "Bước 4/4: XÁC NHẬN");
}

/// From the person's file: starts paying, the person receiving, with their
/// ID number typed — up to the choice of method.
pub fn to_method(app: &mut App, id_number: &str) {
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
    to_confirmation(app, id_number);
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
