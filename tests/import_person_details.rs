//! A monthly list that changes the name, ID number, payment method or
//! account of someone already on file says so in its preview, old → new,
//! in text and JSON; and where the office registered that detail at the
//! counter, the registration is what stays in use, as the preview says.

use crate::common;

use chitra::domain::PayMethod;
use chitra::service::Error;
use chitra::service::import::{AccountUse, ChangeAction, DetailChange, ImportReport};
use chitra::service::pay::{PayError, PayRequest, Receiver};
use chitra::service::register::RegisterRequest;
use common::*;

const HEAD: &str = "STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Thôn;Trợ cấp;Tổng cộng;Hình thức chi trả;Số tài khoản;Ngân hàng";

/// A list of An and Bình for `period` ("2026-11"); An's row is `an`.
fn list(period: &str, an: &str) -> String {
    let (y, m) = period.split_once('-').unwrap();
    format!(
        "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG {m} NĂM {y}\n\n{HEAD}\n\
         1;HD-001;{an}\n\
         2;HD-002;Trần Thị Bình;1952;046152004321;Thôn Đông;2.789.000;2.789.000;Tiền mặt;;\n\
         ;;Tổng cộng;;;;5.578.000;5.578.000;;;\n"
    )
}

const AN_OCTOBER: &str = "Nguyễn Văn An;1948;046048001234;Thôn Đông;2.789.000;2.789.000;Tiền mặt;;";
const AN_NOVEMBER: &str = "Nguyễn Văn Ân;1948;046048009999;Thôn Đông;2.789.000;2.789.000;Chuyển khoản;9999999999;Ngân hàng Kẻ Gian";

fn details(report: &ImportReport) -> Vec<DetailChange> {
    let updated: Vec<_> = report
        .changes
        .iter()
        .filter(|c| c.action == ChangeAction::Updated)
        .collect();
    assert_eq!(updated.len(), 1, "{:?}", report.changes);
    assert_eq!(
        (updated[0].row, updated[0].record_code.as_str()),
        (4, "HD-001")
    );
    updated[0].details.clone()
}

#[test]
fn a_list_that_changes_where_the_money_goes_shows_old_and_new_before_writing() {
    let office = Office::new();
    office.import("t10.csv", &list("2026-10", AN_OCTOBER), "2026-10");
    let text = list("2026-11", AN_NOVEMBER);
    let path = office.write_file("t11.csv", text.as_bytes());

    let out = chitra(
        &office,
        SUPERVISOR,
        &["import", path.to_str().unwrap(), "--dry-run"],
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(0), "{said}");
    for line in [
        "Dòng 4 THAY ĐỔI HỒ SƠ HD-001 Nguyễn Văn Ân",
        "Họ tên: Nguyễn Văn An → Nguyễn Văn Ân",
        "Số CCCD/CMND: 046048001234 → 046048009999 — từ nay quầy kiểm tra giấy tờ theo số mới",
        "Hình thức nhận: Tiền mặt tại quầy → Chuyển khoản ngân hàng",
        "Tài khoản: — → 9999999999 (Ngân hàng Kẻ Gian) — lần chuyển khoản tới sẽ vào tài khoản mới",
    ] {
        assert!(said.contains(line), "{line}\n{said}");
    }
    assert!(!said.contains("Trần Thị Bình"), "Bình is unchanged: {said}");

    let out = chitra(
        &office,
        SUPERVISOR,
        &["import", path.to_str().unwrap(), "--dry-run", "--json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["details_changed_count"], 1);
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{json}");
    assert_eq!(changes[0]["action"], "updated");
    let fields: Vec<&str> = changes[0]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "id_number", "method", "account"]);
    assert_eq!(changes[0]["details"][1]["old"], "046048001234");
    assert_eq!(changes[0]["details"][1]["new"], "046048009999");
    assert_eq!(changes[0]["details"][3]["new"]["number"], "9999999999");

    let report = office.import("t11.csv", &text, "2026-11");
    assert!(report.committed);
    assert_eq!(
        details(&report)[3],
        DetailChange::Account {
            old: chitra::service::import::Account {
                number: None,
                bank: None
            },
            new: chitra::service::import::Account {
                number: Some("9999999999".into()),
                bank: Some("Ngân hàng Kẻ Gian".into())
            },
            used: AccountUse::New,
        }
    );
}

fn pay_an(
    svc: &mut chitra::service::Service,
    who: &chitra::service::Session,
    an: i64,
    id: &str,
) -> Result<chitra::service::pay::Paid, Error> {
    let req = PayRequest {
        person_id: an,
        receiver: Receiver::Person,
        receiver_id_number: id.into(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines: Vec::new(),
        approval: None,
    };
    svc.pay(who, &req)
}

#[test]
fn what_the_office_registered_stays_in_use_as_the_preview_says() {
    let office = Office::new();
    office.import("t10.csv", &list("2026-10", AN_OCTOBER), "2026-10");
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = svc.search("HD-001", 5).unwrap().hits[0].person.id;
    // At the counter An's papers (the October list's number) and cash.
    svc.register(
        &clerk,
        an,
        &RegisterRequest {
            method: Some(PayMethod::Cash),
            phone: Some("0912345678".into()),
            ..Default::default()
        },
    )
    .unwrap();

    let report = office.import("t11.csv", &list("2026-11", AN_NOVEMBER), "2026-11");
    assert!(report.committed, "{:?}", report.rejected);
    let d = details(&report);
    assert_eq!(
        d[1],
        DetailChange::IdNumber {
            old: Some("046048001234".into()),
            new: "046048009999".into(),
            kept: Some("046048001234".into()),
        }
    );
    assert_eq!(
        d[2],
        DetailChange::Method {
            old: PayMethod::Cash,
            new: PayMethod::Bank,
            kept: Some(PayMethod::Cash),
        }
    );
    assert!(
        matches!(
            &d[3],
            DetailChange::Account {
                used: AccountUse::NoTransfer(PayMethod::Cash),
                ..
            }
        ),
        "{d:?}"
    );

    // The counter checks the registered card, not the list's new number.
    let refused = pay_an(&mut svc, &clerk, an, "046048009999");
    assert!(
        matches!(refused, Err(Error::Pay(PayError::ReceiverIdMismatch))),
        "{refused:?}"
    );
    let view = svc.person_view(an).unwrap();
    assert_eq!(view.id_number(), Some("046048001234"));
    let paid = pay_an(&mut svc, &clerk, an, "046048001234").unwrap();
    assert_eq!(paid.payment.total.dong(), 2 * 2_789_000);
}
