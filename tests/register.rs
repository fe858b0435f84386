//! Registration at the counter: the rules on phones, papers, methods and
//! accounts in another name, the audit row naming who recorded it, and
//! `verify` covering the registrations.

use crate::common;

use chitra::domain::PayMethod;
use chitra::domain::registration::{Missing, PhoneError};
use chitra::service::Error;
use chitra::service::register::{AccountApproval, RegisterError, RegisterRequest};
use chrono::NaiveDate;
use common::*;

fn person_id(svc: &chitra::service::Service, query: &str) -> i64 {
    let found = svc.search(query, 5).unwrap();
    assert_eq!(found.hits.len(), 1, "{query}");
    found.hits[0].person.id
}

fn office() -> Office {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    office
}

fn register_err(res: Result<impl std::fmt::Debug, Error>) -> RegisterError {
    match res {
        Err(Error::Register(e)) => e,
        other => panic!("expected a refused registration, got {other:?}"),
    }
}

#[test]
fn a_phone_is_registered_and_a_landline_is_refused_leaving_nothing() {
    let office = office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "HD-001");
    let bad = svc.register(
        &clerk,
        an,
        &RegisterRequest {
            phone: Some("0243 825 123".into()),
            ..Default::default()
        },
    );
    assert!(matches!(
        register_err(bad),
        RegisterError::Phone(PhoneError::UnknownPrefix { .. })
    ));
    assert_eq!(svc.registration(an, None).unwrap(), None);

    let done = svc
        .register(
            &clerk,
            an,
            &RegisterRequest {
                phone: Some("+84 912 345 678".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(done.changed, vec!["phone"]);
    let g = svc.registration(an, None).unwrap().unwrap();
    assert_eq!(g.phone.as_deref(), Some("0912345678"));
    assert_eq!(g.recorded_by, clerk.user.id);
    // The rest is carried from the payer's list.
    assert_eq!(g.method, Some(PayMethod::Cash));
    assert_eq!(g.papers.id_number.as_deref(), Some("046048001234"));
}

#[test]
fn papers_need_a_valid_number_and_an_issue_date_not_in_the_future() {
    let office = office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let an = person_id(&svc, "HD-001");
    let future = svc.register(
        &clerk,
        an,
        &RegisterRequest {
            id_issued: NaiveDate::from_ymd_opt(2027, 1, 1),
            ..Default::default()
        },
    );
    assert!(matches!(register_err(future), RegisterError::Papers(_)));
    let wrong = svc.register(
        &clerk,
        an,
        &RegisterRequest {
            id_number: Some("12345".into()),
            ..Default::default()
        },
    );
    assert!(matches!(register_err(wrong), RegisterError::IdNumber(_)));

    // An old CMND is recorded (in place of the list's number, so a
    // supervisor confirms), but it cannot open an account alone.
    let approval = svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    svc.register(
        &clerk,
        an,
        &RegisterRequest {
            id_number: Some("197826574".into()),
            id_issued: NaiveDate::from_ymd_opt(2005, 3, 1),
            id_place: Some("Công an tỉnh Thừa Thiên Huế".into()),
            phone: Some("0912345678".into()),
            approval: Some(approval),
            ..Default::default()
        },
    )
    .unwrap();
    let lists = svc.classify(&boss).unwrap();
    let entry = lists
        .missing_papers
        .iter()
        .find(|e| e.person_id == an)
        .expect("An is missing papers");
    assert_eq!(entry.missing, vec![Missing::Cccd]);
    assert!(lists.need_cccd.iter().any(|e| e.person_id == an));

    // A CCCD with its date and place and a phone: able to open one.
    let approval = svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    svc.register(
        &clerk,
        an,
        &RegisterRequest {
            approval: Some(approval),
            id_number: Some("046048001234".into()),
            id_issued: NaiveDate::from_ymd_opt(2021, 5, 4),
            id_place: Some("Cục Cảnh sát QLHC về TTXH".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let lists = svc.classify(&boss).unwrap();
    assert!(lists.can_open_account.iter().any(|e| e.person_id == an));
    assert!(!lists.need_cccd.iter().any(|e| e.person_id == an));
}

#[test]
fn home_payment_needs_a_reason_and_an_account_its_bank() {
    let office = office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let cuc = person_id(&svc, "HD-003");
    let home = svc.register(
        &clerk,
        cuc,
        &RegisterRequest {
            method: Some(PayMethod::Home),
            ..Default::default()
        },
    );
    assert_eq!(register_err(home), RegisterError::HomeReasonMissing);
    let odd = svc.register(
        &clerk,
        cuc,
        &RegisterRequest {
            method: Some(PayMethod::Home),
            home_reason: Some("lười".into()),
            ..Default::default()
        },
    );
    assert!(matches!(
        register_err(odd),
        RegisterError::UnknownHomeReason(_)
    ));
    svc.register(
        &clerk,
        cuc,
        &RegisterRequest {
            method: Some(PayMethod::Home),
            home_reason: Some("Già yếu".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let no_bank = svc.register(
        &clerk,
        cuc,
        &RegisterRequest {
            method: Some(PayMethod::Bank),
            account_no: Some("0123456789".into()),
            ..Default::default()
        },
    );
    assert_eq!(register_err(no_bank), RegisterError::AccountMissing);
    // Changing to a bank account drops the home reason.
    svc.register(
        &clerk,
        cuc,
        &RegisterRequest {
            method: Some(PayMethod::Bank),
            account_no: Some("0123456789".into()),
            account_bank: Some("Agribank".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let g = svc.registration(cuc, None).unwrap().unwrap();
    assert_eq!(g.home_reason, None);
    assert_eq!(g.account_bank.as_deref(), Some("Agribank"));
}

#[test]
fn an_account_in_another_name_needs_a_supervisor() {
    let office = office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let binh = person_id(&svc, "HD-002");
    let req = |approval| RegisterRequest {
        method: Some(PayMethod::Bank),
        account_no: Some("9704 0000 1111".into()),
        account_bank: Some("Vietcombank".into()),
        account_holder: Some("Trần Văn Hùng".into()),
        approval,
        ..Default::default()
    };
    let refused = svc.register(&clerk, binh, &req(None));
    assert!(matches!(
        register_err(refused),
        RegisterError::NeedsApproval(AccountApproval::OtherName { .. })
    ));
    assert_eq!(svc.registration(binh, None).unwrap(), None);
    // A clerk cannot confirm it.
    assert!(svc.approval(&clerk, CLERK2.0, CLERK2.1).is_err());
    let approval = svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let boss_id = approval.supervisor().id;
    svc.register(&clerk, binh, &req(Some(approval))).unwrap();
    let g = svc.registration(binh, None).unwrap().unwrap();
    assert_eq!(g.approved_by, Some(boss_id));
    assert_eq!(g.recorded_by, clerk.user.id);

    // The holder's own name, written another way, needs nobody.
    let own = svc.register(
        &clerk,
        binh,
        &RegisterRequest {
            account_holder: Some("TRAN THI  BINH".into()),
            ..Default::default()
        },
    );
    assert!(own.is_ok(), "{own:?}");
}

/// One clerk alone cannot send someone's allowance elsewhere: an account
/// that replaces the one on file, or one already registered for another
/// person, waits for a supervisor.
#[test]
fn a_clerk_alone_cannot_move_the_money_to_another_account() {
    let office = office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "HD-001");
    let binh = person_id(&svc, "HD-002");
    let account = |no: &str, approval| RegisterRequest {
        method: Some(PayMethod::Bank),
        account_no: Some(no.into()),
        account_bank: Some("Techcombank".into()),
        approval,
        ..Default::default()
    };
    // A first account in the person's own name needs nobody.
    svc.register(&clerk, an, &account("1903999988887", None))
        .unwrap();
    // The same account for another person.
    let shared = svc.register(&clerk, binh, &account("1903999988887", None));
    match register_err(shared) {
        RegisterError::NeedsApproval(AccountApproval::Shared { code, .. }) => {
            assert_eq!(code, "HD-001")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(svc.registration(binh, None).unwrap(), None);
    // Nor by putting the number on file first and the method after.
    let number_only = svc.register(
        &clerk,
        binh,
        &RegisterRequest {
            account_no: Some("1903999988887".into()),
            account_bank: Some("Techcombank".into()),
            ..Default::default()
        },
    );
    assert!(matches!(
        register_err(number_only),
        RegisterError::NeedsApproval(AccountApproval::Shared { .. })
    ));
    // Another account in place of the one the money goes to.
    let moved = svc.register(&clerk, an, &account("1903111122223", None));
    assert_eq!(
        register_err(moved),
        RegisterError::NeedsApproval(AccountApproval::Replaces {
            before: "1903999988887".into()
        })
    );
    let g = svc.registration(an, None).unwrap().unwrap();
    assert_eq!(g.account_no.as_deref(), Some("1903999988887"));
    // A phone changed beside it asks nobody; with a supervisor the account
    // moves, and the registration names who confirmed it.
    svc.register(
        &clerk,
        an,
        &RegisterRequest {
            phone: Some("0987654321".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let approval = svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let boss_id = approval.supervisor().id;
    svc.register(&clerk, an, &account("1903111122223", Some(approval)))
        .unwrap();
    let g = svc.registration(an, None).unwrap().unwrap();
    assert_eq!(g.account_no.as_deref(), Some("1903111122223"));
    assert_eq!(g.approved_by, Some(boss_id));
}

/// The counter checks the person's card against the registered number: a
/// clerk alone cannot put another number there.
#[test]
fn a_new_id_number_in_place_of_the_one_on_file_waits_for_a_supervisor() {
    let office = office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "HD-001");
    let req = |approval| RegisterRequest {
        id_number: Some("046048009999".into()),
        approval,
        ..Default::default()
    };
    assert_eq!(
        register_err(svc.register(&clerk, an, &req(None))),
        RegisterError::NeedsApproval(AccountApproval::IdReplaces {
            before: "046048001234".into()
        })
    );
    assert_eq!(svc.registration(an, None).unwrap(), None);
    // The same number typed again needs nobody.
    svc.register(
        &clerk,
        an,
        &RegisterRequest {
            id_number: Some("046048001234".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let approval = svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    svc.register(&clerk, an, &req(Some(approval))).unwrap();
    let g = svc.registration(an, None).unwrap().unwrap();
    assert_eq!(g.papers.id_number.as_deref(), Some("046048009999"));
    assert!(g.approved_by.is_some());
}

#[test]
fn every_registration_is_audited_and_verify_catches_an_edited_row() {
    let office = office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "HD-001");
    svc.register(
        &clerk,
        an,
        &RegisterRequest {
            method: Some(PayMethod::Wallet),
            phone: Some("0987654321".into()),
            ..Default::default()
        },
    )
    .unwrap();
    svc.record_account_step(
        &clerk,
        an,
        None,
        chitra::domain::registration::AccountStep::Opened,
    )
    .unwrap();
    let conn = svc.store().conn();
    let (user, action): (i64, String) = conn
        .query_row(
            "SELECT user_id, action FROM audit_log WHERE action = 'registration.record'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(user, clerk.user.id);
    assert_eq!(action, "registration.record");
    assert!(svc.verify(&[]).unwrap().ok(), "verify after registrations");

    conn.execute_batch(
        "DROP TRIGGER registrations_no_update;
         UPDATE registrations SET phone = '0911111111' WHERE person_id = 1;",
    )
    .unwrap();
    let v = svc.verify(&[]).unwrap();
    assert!(!v.ok());
    let text = format!("{:?}", v.findings);
    assert!(text.contains("Registrations"), "{text}");
    // And the screen reading it refuses the forged row.
    assert!(svc.registration(an, None).is_err());
}

#[test]
fn the_command_line_registers_and_refuses_with_exit_2() {
    let office = office();
    let out = chitra(
        &office,
        CLERK1,
        &[
            "register",
            "HD-002",
            "--phone",
            "0352 123 456",
            "--method",
            "home",
            "--home-reason",
            "ill",
            "--json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["code"], "HD-002");
    assert_eq!(v["registration"]["phone"], "0352123456");
    assert_eq!(v["registration"]["method"], "home");
    assert_eq!(v["registration"]["home_reason"], "ill");

    let out = chitra(
        &office,
        CLERK1,
        &["register", "HD-002", "--phone", "01681234567"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("10 chữ số"), "{err}");

    let out = chitra(
        &office,
        CLERK1,
        &[
            "register",
            "HD-003",
            "--method",
            "bank",
            "--account",
            "0123456789",
            "--bank",
            "BIDV",
            "--holder",
            "Người Khác",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("trưởng bưu cục"));
}

#[test]
fn the_next_import_shows_where_the_list_disagrees_with_the_registration() {
    let office = office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "HD-001");
    svc.register(
        &clerk,
        an,
        &RegisterRequest {
            phone: Some("0912345678".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let list = "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG 12 NĂM 2026\n\n\
        STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Thôn;Số điện thoại;Trợ cấp;Tổng cộng\n\
        1;HD-001;Nguyễn Văn An;1948;046048001234;Thôn Đông;0987 000 111;2.789.000;2.789.000\n\
        2;HD-002;Trần Thị Bình;1952;046152004321;Thôn Đông;0352 123 456;2.789.000;2.789.000\n";
    let path = office.write_file("t12.csv", list.as_bytes());
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = chitra::service::import::ImportOptions {
        kind: chitra::service::import::ListKind::Monthly,
        period: Some("2026-12".parse().unwrap()),
        dry_run: true,
    };
    let report = svc.import(&boss, &path, &opts, &mut |_| {}).unwrap();
    let differs: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| {
            matches!(
                w.problem,
                chitra::import::record::Problem::DiffersFromRegistration { .. }
            )
        })
        .collect();
    assert_eq!(differs.len(), 1, "only An registered a phone: {differs:?}");
    let text = chitra::i18n::Localize::vi(&differs[0].problem);
    assert!(
        text.contains("0912345678") && text.contains("0987 000 111"),
        "{text}"
    );
}

/// A person the list pays at home, never registered at the office: a
/// clerk registering their papers (or phone) is not refused by the
/// database for a home-payment reason nobody asked for; the list's "home"
/// stays the method, the reason still asked when the office registers home.
#[test]
fn papers_are_registered_for_someone_the_list_pays_at_home() {
    let office = Office::new();
    let list = "DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG THÁNG 11 NĂM 2026\n\n\
        STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD/CMND;Thôn;Loại đối tượng;Hình thức chi trả;Trợ cấp;Phụ cấp;Tổng cộng\n\
        1;HD-009;Lê Thị Nhà;1940;046140009999;Thôn Đông;Thương binh;Tiền mặt tại nhà;2.789.000;0;2.789.000\n";
    office.import("t11.csv", list, "2026-11");
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let nha = person_id(&svc, "HD-009");
    assert_eq!(svc.person_view(nha).unwrap().method(), PayMethod::Home);
    let done = svc.register(
        &clerk,
        nha,
        &RegisterRequest {
            id_number: Some("046140009999".into()),
            id_issued: NaiveDate::from_ymd_opt(2022, 5, 4),
            id_place: Some("Cục Cảnh sát quản lý hành chính về trật tự xã hội".into()),
            phone: Some("0912345678".into()),
            ..Default::default()
        },
    );
    assert!(done.is_ok(), "{done:?}");
    let view = svc.person_view(nha).unwrap();
    assert_eq!(view.method(), PayMethod::Home, "the list's method stays");
    let reg = view.registration.unwrap();
    assert_eq!(reg.papers.issued, NaiveDate::from_ymd_opt(2022, 5, 4));
    assert_eq!(reg.method, None, "the office registered no method");
    // Registering home at the office still asks why.
    let home = svc.register(
        &clerk,
        nha,
        &RegisterRequest {
            method: Some(PayMethod::Home),
            ..Default::default()
        },
    );
    assert!(matches!(
        register_err(home),
        RegisterError::HomeReasonMissing
    ));
}

/// A person who has died (or moved away) is never paid again: no method,
/// account or home payment is registered for them, so nothing sends their
/// allowance to a postman or an account; their phone can still be noted.
#[test]
fn no_method_is_registered_for_a_person_who_has_died() {
    use chitra::domain::person::Status;
    let office = office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let cuc = person_id(&svc, "HD-003");
    svc.set_person_status(&boss, cuc, Status::Deceased, "Từ trần")
        .unwrap();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let home = svc.register(
        &clerk,
        cuc,
        &RegisterRequest {
            method: Some(PayMethod::Home),
            home_reason: Some("Già yếu".into()),
            ..Default::default()
        },
    );
    assert_eq!(
        register_err(home),
        RegisterError::NotPayable(Status::Deceased)
    );
    let account = svc.register(
        &clerk,
        cuc,
        &RegisterRequest {
            account_no: Some("0123456789".into()),
            account_bank: Some("Agribank".into()),
            ..Default::default()
        },
    );
    assert_eq!(
        register_err(account),
        RegisterError::NotPayable(Status::Deceased)
    );
    svc.register(
        &clerk,
        cuc,
        &RegisterRequest {
            phone: Some("0905123456".into()),
            ..Default::default()
        },
    )
    .unwrap();
}
