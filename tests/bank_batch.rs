//! Paying into accounts in batches: the batch file for the bank, the lock
//! it puts on the counter (service and database), the bank's result file
//! (done lines paid by bank, failed lines payable again with the bank's
//! reason), a result file refused when read twice or when it disagrees
//! with the batch, the period's statuses, and `verify` over the new rows.

use crate::common;

use chitra::domain::Money;
use chitra::domain::payment::PayMethod;
use chitra::domain::period_report::OverpaidCause;
use chitra::domain::person::Status;
use chitra::service::bank::{BankError, BankNote};
use chitra::service::register::RegisterRequest;
use chitra::service::verify::Finding;
use chitra::service::{Error, Service, Session};
use chitra::store::replay::RowProblem;
use chitra::store::rows::Table;
use common::*;

const AN: &str = "046048001234"; // 2.789.000 (one line), bank
const BINH: &str = "046152004321"; // 2.789.000 + 1.394.500 (two lines), wallet
const CUC: &str = "046060007777"; // 3.120.000, cash

fn nov() -> chitra::domain::Period {
    "2026-11".parse().unwrap()
}

fn person_id(svc: &Service, id: &str) -> i64 {
    svc.search(id, 1).unwrap().hits[0].person.id
}

fn register(
    svc: &mut Service,
    who: &Session,
    id: &str,
    method: PayMethod,
    account: &str,
    bank: &str,
) {
    let person = person_id(svc, id);
    let req = RegisterRequest {
        method: Some(method),
        account_no: Some(account.into()),
        account_bank: Some(bank.into()),
        ..RegisterRequest::default()
    };
    svc.register(who, person, &req).unwrap();
}

/// November's list; An registered for a bank account, Bình for a digital
/// account, Cúc paid in cash; batch no. 1 made by the supervisor.
fn with_batch() -> (Office, chitra::service::bank::Batch) {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    register(
        &mut svc,
        &hoa,
        AN,
        PayMethod::Bank,
        "0071000123456",
        "Vietcombank",
    );
    register(
        &mut svc,
        &hoa,
        BINH,
        PayMethod::Wallet,
        "0912345678",
        "VNPT Money",
    );
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let batch = svc.bank_batch(&boss, nov()).unwrap();
    (office, batch)
}

fn statuses(svc: &Service, who: &Session) -> Vec<(String, &'static str)> {
    svc.period_report(who, nov())
        .unwrap()
        .people
        .iter()
        .map(|p| (p.code.clone(), p.status_code()))
        .collect()
}

fn result_csv(lines: &[(&str, &str, &str, i64)], total: i64) -> String {
    let mut out = String::from("KẾT QUẢ CHUYỂN KHOẢN\nMã tham chiếu;Kết quả;Lý do;Số tiền\n");
    for (r, o, why, amount) in lines {
        out.push_str(&format!("{r};{o};{why};{}\n", dots(*amount)));
    }
    out.push_str(&format!("Tổng cộng;;;{}\n", dots(total)));
    out
}

#[test]
fn the_batch_holds_every_unpaid_line_of_people_paid_into_accounts_with_its_total() {
    let (office, batch) = with_batch();
    assert_eq!(batch.number, 1);
    let names: Vec<&str> = batch.lines.iter().map(|l| l.full_name.as_str()).collect();
    assert_eq!(names, ["Nguyễn Văn An", "Trần Thị Bình", "Trần Thị Bình"]);
    assert_eq!(
        batch.total,
        Money::from_dong(2_789_000 + 2_789_000 + 1_394_500)
    );
    let an = &batch.lines[0];
    assert_eq!(an.account_no, "0071000123456");
    assert_eq!(an.account_bank.as_deref(), Some("Vietcombank"));
    assert_eq!(an.id_number.as_deref(), Some(AN));
    assert_eq!(an.reference, "CK0001-0001");
    let mut refs: Vec<&str> = batch.lines.iter().map(|l| l.reference.as_str()).collect();
    refs.dedup();
    assert_eq!(refs.len(), 3, "one reference per line");

    // The file for the bank, drawn by the renderers every report uses.
    let doc = chitra::document::bank::build(
        chitra::i18n::Lang::Vi,
        &office.config.office,
        batch.number,
        nov(),
        &batch.lines,
        "2026-11-10",
    );
    let mut bytes = Vec::new();
    chitra::export::write_csv(&doc, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.contains("0071000123456") && text.contains("CK0001-0003"),
        "{text}"
    );
    assert!(
        text.contains("6972500") || text.contains("6.972.500"),
        "the total row: {text}"
    );
    assert!(
        !text.contains("Lê Văn Cúc"),
        "a cash person is not in the batch: {text}"
    );
    let xlsx = office.dir.path().join("lo1.xlsx");
    std::fs::write(&xlsx, chitra::export::xlsx_bytes(&doc).unwrap()).unwrap();
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 0);

    // Nothing left to send: a second batch is refused; a clerk may not make one.
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    assert!(matches!(
        svc.bank_batch(&boss, nov()),
        Err(Error::Bank(BankError::NothingToSend {
            waiting: Some(1),
            ..
        }))
    ));
    let hoa = office.sign_in(&mut svc, CLERK1);
    assert!(matches!(
        svc.bank_batch(&hoa, nov()),
        Err(Error::Forbidden { .. })
    ));
}

#[test]
fn a_line_in_a_batch_is_refused_at_the_counter_and_by_the_database() {
    let (office, _) = with_batch();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let refused = pay_cash(&mut svc, &hoa, AN).unwrap_err();
    assert!(
        matches!(refused, Error::Bank(BankError::Locked { batch: 1 })),
        "{refused:?}"
    );
    {
        use chitra::i18n::Localize;
        assert!(
            refused.vi().contains("đang chuyển khoản theo lô số 1"),
            "{}",
            refused.vi()
        );
    }
    assert_eq!(
        svc.bank_note(person_id(&svc, AN)).unwrap(),
        Some(BankNote::Waiting { batch: 1 })
    );
    assert_eq!(
        svc.person_view(person_id(&svc, AN)).unwrap().bank,
        Some(BankNote::Waiting { batch: 1 }),
        "the person's file says so before the clerk starts to pay"
    );
    // Cúc, paid in cash, is not held.
    pay_cash(&mut svc, &hoa, CUC).unwrap();

    // Written behind chitra's back, a cash payment of An's line is refused
    // by the database itself.
    let an = person_id(&svc, AN);
    let c = svc.store().conn();
    c.execute_batch("BEGIN").unwrap();
    let (clerk, ent): (i64, i64) = c
        .query_row(
            "SELECT (SELECT id FROM users WHERE name = 'gdv1'),
                    (SELECT id FROM entitlements WHERE person_id = ?1)",
            [an],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    c.execute(
        "INSERT INTO payments (id, idem_key, office_code, receipt_year, receipt_seq, receipt_no,
             person_id, day, paid_at, clerk_id, receiver_kind, receiver_name, receiver_id_number,
             method, total)
         VALUES (900, 'forged-key-1', 'X', 2026, 900, 'X-900', ?1, '2026-11-10',
                 '2026-11-10T09:30:00+07:00', ?2, 'self', 'An', ?3, 'cash', 2789000)",
        rusqlite::params![an, clerk, AN],
    )
    .unwrap();
    let e = c
        .execute(
            "INSERT INTO payment_lines (payment_id, entitlement_id, amount, attempt)
             VALUES (900, ?1, 2789000, 0)",
            [ent],
        )
        .unwrap_err();
    assert!(e.to_string().contains("line is in a bank batch"), "{e}");
    c.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn the_banks_result_pays_the_done_lines_and_frees_the_failed_ones_for_the_counter() {
    let (office, batch) = with_batch();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let hoa = office.sign_in(&mut svc, CLERK1);
    assert_eq!(
        statuses(&svc, &boss),
        [
            ("HD-001".into(), "sent"),
            ("HD-002".into(), "sent"),
            ("HD-003".into(), "unpaid")
        ]
    );
    let refs: Vec<String> = batch.lines.iter().map(|l| l.reference.clone()).collect();
    let why = "Tài khoản bị phong tỏa";
    let lines = [
        (refs[0].as_str(), "Thành công", "", 2_789_000),
        (refs[1].as_str(), "Thất bại", why, 2_789_000),
        (refs[2].as_str(), "Thất bại", why, 1_394_500),
    ];
    let file = office.write_file("kq1.csv", result_csv(&lines, 6_972_500).as_bytes());

    // A preview writes nothing: An is still held.
    let preview = svc.bank_import(&boss, &file, true).unwrap();
    assert_eq!((preview.done.len(), preview.failed.len()), (1, 2));
    assert!(matches!(
        pay_cash(&mut svc, &hoa, AN),
        Err(Error::Bank(BankError::Locked { .. }))
    ));

    let done = svc.bank_import(&boss, &file, false).unwrap();
    assert_eq!(done.batch, 1);
    assert_eq!(done.done_total_dong, 2_789_000);
    // An is paid by bank, with the line's reference, on a receipt.
    let an = person_id(&svc, AN);
    let view = svc.person_view(an).unwrap();
    assert!(view.unpaid.is_empty());
    let c = svc.store().conn();
    let (method, reference, account): (String, String, String) = c
        .query_row(
            "SELECT method, reference, account FROM payments WHERE person_id = ?1",
            [an],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (method.as_str(), reference.as_str(), account.as_str()),
        ("bank", "CK0001-0001", "0071000123456")
    );
    assert_eq!(
        statuses(&svc, &boss),
        [
            ("HD-001".into(), "paid"),
            ("HD-002".into(), "failed"),
            ("HD-003".into(), "unpaid")
        ]
    );

    // Bình's transfer failed: the clerk sees the bank's reason and pays her in cash.
    let binh = person_id(&svc, BINH);
    let note = svc.bank_note(binh).unwrap().unwrap();
    assert_eq!(
        note,
        BankNote::Failed {
            batch: 1,
            reason: why.into()
        }
    );
    assert!(note.text(chitra::i18n::Lang::Vi).contains(why));
    assert_eq!(svc.person_view(binh).unwrap().bank, Some(note.clone()));
    let cash = pay_cash(&mut svc, &hoa, BINH).unwrap();
    assert_eq!(cash.payment.total, Money::from_dong(4_183_500));
    assert_eq!(statuses(&svc, &boss)[1], ("HD-002".into(), "paid"));

    // The same file again is refused, and so is one the bank never sent for this batch.
    assert!(matches!(
        svc.bank_import(&boss, &file, false),
        Err(Error::Bank(BankError::AlreadyImported { .. }))
    ));
    let again = office.write_file(
        "kq1b.csv",
        result_csv(
            &[(refs[0].as_str(), "Thành công", "", 2_789_000)],
            2_789_000,
        )
        .as_bytes(),
    );
    assert!(matches!(
        svc.bank_import(&boss, &again, false),
        Err(Error::Bank(BankError::AlreadyAnswered { .. }))
    ));

    // verify: every new row is as the log wrote it.
    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{:?}", v.findings);
}

#[test]
fn a_result_file_that_disagrees_with_the_batch_is_refused_whole() {
    let (office, batch) = with_batch();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let r0 = batch.lines[0].reference.as_str();
    let unknown = office.write_file(
        "kq-x.csv",
        result_csv(
            &[
                (r0, "Thành công", "", 2_789_000),
                ("CK0009-0001", "Thành công", "", 100),
            ],
            2_789_100,
        )
        .as_bytes(),
    );
    assert!(matches!(
        svc.bank_import(&boss, &unknown, false),
        Err(Error::Bank(BankError::UnknownReference { reference, .. })) if reference == "CK0009-0001"
    ));
    let total = office.write_file(
        "kq-t.csv",
        result_csv(&[(r0, "Thành công", "", 2_789_000)], 9_999_000).as_bytes(),
    );
    assert!(matches!(
        svc.bank_import(&boss, &total, false),
        Err(Error::Bank(BankError::TotalDiffers { .. }))
    ));
    let amount = office.write_file(
        "kq-a.csv",
        result_csv(&[(r0, "Thành công", "", 2_000_000)], 2_000_000).as_bytes(),
    );
    assert!(matches!(
        svc.bank_import(&boss, &amount, false),
        Err(Error::Bank(BankError::AmountDiffers { .. }))
    ));
    // Nothing of those was written: An is still held.
    let hoa = office.sign_in(&mut svc, CLERK1);
    assert!(matches!(
        pay_cash(&mut svc, &hoa, AN),
        Err(Error::Bank(BankError::Locked { .. }))
    ));
}

#[test]
fn verify_names_a_batch_line_edited_behind_chitras_back() {
    let (office, _) = with_batch();
    let svc = office.service();
    assert!(svc.verify(&[]).unwrap().ok());
    let c = svc.store().conn();
    c.execute_batch(
        "DROP TRIGGER bank_batch_lines_no_update;
         UPDATE bank_batch_lines SET account_no = '9999999999' WHERE id = 1;",
    )
    .unwrap();
    let v = svc.verify(&[]).unwrap();
    assert!(
        v.findings.iter().any(|f| matches!(
            f,
            Finding::Row(RowProblem::Edited {
                table: Table::BankBatchLines,
                ..
            })
        )),
        "{:?}",
        v.findings
    );
}

fn chitra(office: &Office, args: &[&str]) -> std::process::Output {
    common::chitra(office, SUPERVISOR, args)
}

/// November's list, with An registered for transfers to her bank account.
fn office_with_an_at_the_bank() -> Office {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    register(
        &mut svc,
        &hoa,
        AN,
        PayMethod::Bank,
        "0071000123456",
        "Vietcombank",
    );
    office
}

#[test]
fn the_command_line_exports_a_batch_and_imports_the_banks_result() {
    let office = office_with_an_at_the_bank();
    let out = office.dir.path().join("lo.csv");
    let o = chitra(
        &office,
        &[
            "bank",
            "export",
            "--period",
            "2026-11",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = std::fs::read_to_string(&out).unwrap();
    assert!(
        file.contains("CK0001-0001") && file.contains("0071000123456"),
        "{file}"
    );

    let o = chitra(
        &office,
        &["report", "period", "2026-11", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["people"][0]["status"], "sent");
    let o = chitra(
        &office,
        &["report", "period", "2026-11", "--format", "text"],
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Đang chuyển"),
        "the unpaid table says why: {text}"
    );

    let result = office.write_file(
        "kq.csv",
        result_csv(
            &[("CK0001-0001", "Thất bại", "Sai số tài khoản", 2_789_000)],
            2_789_000,
        )
        .as_bytes(),
    );
    let o = chitra(
        &office,
        &["bank", "import", result.to_str().unwrap(), "--json"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["failed"][0]["reason"], "Sai số tài khoản");
    let o = chitra(
        &office,
        &["report", "period", "2026-11", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["people"][0]["status"], "failed");
    // Read twice: refused, in Vietnamese.
    let o = chitra(&office, &["bank", "import", result.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("đã được nhập"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // With --json, the refusal is the error object on stdout.
    let o = chitra(
        &office,
        &["bank", "import", result.to_str().unwrap(), "--json"],
    );
    assert_eq!(o.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        json["error"].as_str().unwrap().contains("đã được nhập"),
        "{json}"
    );
}

#[test]
fn a_transfer_done_after_the_person_stopped_being_payable_is_recorded_to_recover() {
    let (office, batch) = with_batch();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    // After the batch left: An is reported dead, Bình suspended.
    let (an, binh) = (person_id(&svc, AN), person_id(&svc, BINH));
    svc.set_person_status(&boss, an, Status::Deceased, "Giấy báo tử số 9/2026")
        .unwrap();
    svc.set_person_status(&boss, binh, Status::Suspended, "Chờ xác minh")
        .unwrap();
    // The bank had already moved the money: its answer, an hour later, is
    // recorded, each line marked to recover, not refused.
    office.clock.set("2026-11-10T10:00:00+07:00");
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let lines: Vec<(&str, &str, &str, i64)> = batch
        .lines
        .iter()
        .map(|l| (l.reference.as_str(), "Thành công", "", l.amount.dong()))
        .collect();
    let file = office.write_file("kq.csv", result_csv(&lines, 6_972_500).as_bytes());
    let done = svc.bank_import(&boss, &file, false).unwrap();
    assert_eq!(done.done.len(), 3);
    assert!(done.done.iter().all(|o| o.to_recover), "{:?}", done.done);
    // The period's results list each of those payments to recover.
    let report = svc.period_report(&boss, nov()).unwrap();
    let mut causes: Vec<(String, String)> = report
        .overpaid
        .iter()
        .map(|o| match &o.cause {
            OverpaidCause::PaidAfterStatus { status, .. } => (o.code.clone(), status.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    causes.sort();
    assert_eq!(
        causes,
        [
            ("HD-001".to_string(), "deceased".to_string()),
            // Bình's two lines went as two transfers.
            ("HD-002".to_string(), "suspended".to_string()),
            ("HD-002".to_string(), "suspended".to_string()),
        ]
    );
    let recover: Money = report.overpaid.iter().map(|o| o.amount).sum();
    assert_eq!(recover, Money::from_dong(6_972_500));
    // Bình's transfers went to her wallet, and are recorded as such.
    let methods: Vec<String> = svc
        .store()
        .conn()
        .prepare("SELECT method FROM payments WHERE person_id = ?1")
        .unwrap()
        .query_map([binh], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(methods, ["wallet", "wallet"]);
    // The counter still pays nobody who is not payable.
    svc.set_person_status(&boss, person_id(&svc, CUC), Status::Suspended, "x")
        .unwrap();
    let hoa = office.sign_in(&mut svc, CLERK1);
    assert!(pay_cash(&mut svc, &hoa, CUC).is_err());
    let v = svc.verify(&[]).unwrap();
    assert!(v.ok(), "{:?}", v.findings);
}

/// A batch locks its lines: when its file's place cannot be written, no
/// batch is made, and the lines stay payable.
#[test]
fn an_export_to_a_place_that_cannot_be_written_makes_no_batch() {
    let office = office_with_an_at_the_bank();
    let nowhere = office.dir.path().join("khong-co/lo.xlsx");
    let o = chitra(
        &office,
        &[
            "bank",
            "export",
            "--period",
            "2026-11",
            "--out",
            nowhere.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("không có tệp hay thư mục này"), "{err}");
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    assert!(svc.bank_batch_of(&boss, 1).unwrap().is_none());
    assert!(svc.bank_note(person_id(&svc, AN)).unwrap().is_none());
    // A place that can be written: the batch is made, once.
    drop(svc);
    let out = office.dir.path().join("lo.csv");
    let args = [
        "bank",
        "export",
        "--period",
        "2026-11",
        "--out",
        out.to_str().unwrap(),
    ];
    assert!(chitra(&office, &args).status.success());
    let again = chitra(&office, &args);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("lô số 1") && err.contains("--batch 1"),
        "{err}"
    );
}

/// A line the bank refused to an account is not sent to that account
/// again: it is named as held back, and goes out once another account is
/// registered.
#[test]
fn a_line_refused_to_an_account_is_not_sent_to_it_again() {
    let (office, batch) = with_batch();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let why = "Tài khoản bị phong tỏa";
    let lines: Vec<(&str, &str, &str, i64)> = batch
        .lines
        .iter()
        .map(|l| {
            if l.record_code == "HD-002" {
                (l.reference.as_str(), "Thất bại", why, l.amount.dong())
            } else {
                (l.reference.as_str(), "Thành công", "", l.amount.dong())
            }
        })
        .collect();
    let file = office.write_file("kq.csv", result_csv(&lines, 6_972_500).as_bytes());
    svc.bank_import(&boss, &file, false).unwrap();
    // Bình's two lines, refused to her wallet: no new batch for them.
    let err = svc.bank_batch(&boss, nov()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Bank(BankError::NothingToSend {
                waiting: None,
                held_back: 2,
                on_round: 0,
            })
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("đăng ký tài khoản khác"), "{err}");
    // Another account registered (in place of the one on file, so a
    // supervisor confirms it): they go out in the next batch.
    let hoa = office.sign_in(&mut svc, CLERK1);
    let approval = svc.approval(&hoa, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let binh = person_id(&svc, BINH);
    svc.register(
        &hoa,
        binh,
        &RegisterRequest {
            method: Some(PayMethod::Bank),
            account_no: Some("0071000999888".into()),
            account_bank: Some("Vietcombank".into()),
            approval: Some(approval),
            ..RegisterRequest::default()
        },
    )
    .unwrap();
    let next = svc.bank_batch(&boss, nov()).unwrap();
    assert_eq!(next.lines.len(), 2);
    assert!(next.held_back.is_empty());
    assert!(next.lines.iter().all(|l| l.account_no == "0071000999888"));
}

/// A transfer recorded at the counter by `who` for the person with ID
/// number `id`, with `reference`.
fn pay_transfer(
    svc: &mut Service,
    who: &Session,
    id: &str,
    reference: &str,
) -> Result<chitra::service::pay::Paid, Error> {
    let person = person_id(svc, id);
    common::account_on_file(svc, person, "1903999988887");
    let req = chitra::service::pay::PayRequest {
        person_id: person,
        receiver: chitra::service::pay::Receiver::Person,
        receiver_id_number: id.into(),
        method: PayMethod::Bank,
        account: Some("1903999988887".into()),
        reference: Some(reference.into()),
        idem_key: svc.new_idem_key(),
        lines: Vec::new(),
        approval: None,
    };
    svc.pay(who, &req)
}

#[test]
fn the_counter_takes_no_reference_of_the_kind_chitra_makes() {
    use chitra::domain::payment::{OwnReference, own_reference};
    use chitra::service::pay::PayError;
    // The forms the batch and the round make are the forms refused.
    assert_eq!(
        own_reference(&chitra::store::batches::reference(12, 345)),
        Some(OwnReference::BankLine)
    );
    assert_eq!(
        own_reference(&chitra::store::rounds::reference(3, 12)),
        Some(OwnReference::RoundStop)
    );
    assert_eq!(own_reference("FT26314000123"), None);

    let office = office_with_an_at_the_bank();
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    // Before the batch is made, the clerk types its first line's reference
    // for Cúc's transfer; spelled in any case, with spaces; or a round's.
    for typed in ["CK0001-0001", "ck0001-0001", " CK 0002-0003 ", "NH0001-001"] {
        let refused = pay_transfer(&mut svc, &hoa, CUC, typed).unwrap_err();
        assert!(
            matches!(&refused, Error::Pay(PayError::OwnReference { .. })),
            "{typed}: {refused:?}"
        );
        assert!(refused.to_string().contains("chitra tự đặt"), "{refused}");
    }
    // The batch goes out, and the bank's result is recorded whole.
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let batch = svc.bank_batch(&boss, nov()).unwrap();
    assert_eq!(batch.lines[0].reference, "CK0001-0001");
    let file = office.write_file(
        "kq.csv",
        result_csv(&[("CK0001-0001", "Thành công", "", 2_789_000)], 2_789_000).as_bytes(),
    );
    svc.bank_import(&boss, &file, false).unwrap();
    // A real transaction code is taken as always.
    pay_transfer(&mut svc, &hoa, CUC, "FT26314000123").unwrap();

    // The database itself refuses a transfer carrying a batch line's
    // reference that is not that line's bank result.
    let c = svc.store().conn();
    let cuc = person_id(&svc, CUC);
    let clerk: i64 = c
        .query_row("SELECT id FROM users WHERE name = 'gdv1'", [], |r| r.get(0))
        .unwrap();
    let e = c
        .execute(
            "INSERT INTO payments (id, idem_key, office_code, receipt_year, receipt_seq, receipt_no,
                 person_id, day, paid_at, clerk_id, receiver_kind, receiver_name, receiver_id_number,
                 method, account, reference, total)
             VALUES (900, 'forged-key-2', 'X', 2026, 900, 'X-900', ?1, '2026-11-10',
                     '2026-11-10T09:30:00+07:00', ?2, 'self', 'Cúc', ?3, 'wallet', '1', 'ck0002-0001', 3120000)",
            rusqlite::params![cuc, clerk, CUC],
        )
        .unwrap_err();
    assert_eq!(
        chitra::store::Rule::from_message(&e.to_string()),
        chitra::store::Rule::OwnReference,
        "{e}"
    );
}

#[test]
fn a_result_row_whose_reference_a_receipt_holds_is_named_with_that_receipt() {
    let office = office_with_an_at_the_bank();
    let svc = office.service();
    // A database from before the counter refused chitra's references: a
    // clerk recorded Cúc's transfer with "CK0001-0001" before the batch.
    let c = svc.store().conn();
    let cuc = person_id(&svc, CUC);
    let clerk: i64 = c
        .query_row("SELECT id FROM users WHERE name = 'gdv1'", [], |r| r.get(0))
        .unwrap();
    let rule: String = c
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'payments_own_reference'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute_batch("BEGIN; DROP TRIGGER payments_own_reference;")
        .unwrap();
    c.execute(
        "INSERT INTO payments (id, idem_key, office_code, receipt_year, receipt_seq, receipt_no,
             person_id, day, paid_at, clerk_id, receiver_kind, receiver_name, receiver_id_number,
             method, account, reference, total)
         VALUES (900, 'forged-key-3', 'X', 2026, 900, 'HD-2026-000900', ?1, '2026-11-10',
                 '2026-11-10T09:30:00+07:00', ?2, 'self', 'Cúc', ?3, 'bank', '1', 'CK0001-0001', 3120000)",
        rusqlite::params![cuc, clerk, CUC],
    )
    .unwrap();
    c.execute_batch(&rule).unwrap();
    c.execute_batch("COMMIT").unwrap();

    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let batch = svc.bank_batch(&boss, nov()).unwrap();
    assert_eq!(batch.lines[0].reference, "CK0001-0001");
    let file = office.write_file(
        "kq.csv",
        result_csv(&[("CK0001-0001", "Thành công", "", 2_789_000)], 2_789_000).as_bytes(),
    );
    let refused = svc.bank_import(&boss, &file, false).unwrap_err();
    match &refused {
        Error::Bank(BankError::ReferenceHeld { row, reference, by }) => {
            assert_eq!(*row, 3, "the file's row, as a spreadsheet shows it");
            assert_eq!(reference, "CK0001-0001");
            assert_eq!(by.receipt_no, "HD-2026-000900");
        }
        other => panic!("{other:?}"),
    }
    let said = refused.to_string();
    assert!(
        said.contains("Dòng 3") && said.contains("HD-2026-000900"),
        "{said}"
    );
}

#[test]
fn a_transfer_the_banks_result_recorded_is_not_voided_at_the_counter() {
    use chitra::service::day::DayError;
    let (office, batch) = with_batch();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let file = office.write_file(
        "kq.csv",
        result_csv(
            &[(
                batch.lines[0].reference.as_str(),
                "Thành công",
                "",
                2_789_000,
            )],
            2_789_000,
        )
        .as_bytes(),
    );
    let done = svc.bank_import(&boss, &file, false).unwrap();
    let receipt = done.done[0].receipt.clone().unwrap();

    // Asked at the counter, with a supervisor's approval: refused, before
    // the approval is asked and in the void itself.
    let hoa = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, AN);
    let paid = svc.person_view(an).unwrap().payments[0].clone();
    assert_eq!(paid.receipt_no, receipt);
    let before = svc.check_voidable(&paid).unwrap_err();
    assert!(
        matches!(&before, Error::Day(DayError::BankTransfer { batch: 1, .. })),
        "{before:?}"
    );
    let approval = svc.approval(&hoa, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let refused = svc
        .void_payment(&hoa, &receipt, "Ngân hàng báo nhầm", &approval)
        .unwrap_err();
    match &refused {
        Error::Day(DayError::BankTransfer {
            receipt_no,
            batch,
            reference,
        }) => {
            assert_eq!(receipt_no, &receipt);
            assert_eq!(*batch, 1);
            assert_eq!(reference, "CK0001-0001");
        }
        other => panic!("{other:?}"),
    }
    let said = refused.to_string();
    assert!(
        said.contains("tiền đã đi qua ngân hàng") && said.contains("phải thu hồi"),
        "{said}"
    );
    // Nothing changed: the payment stands, An is owed nothing, and the
    // counter cannot pay her again in cash.
    let view = svc.person_view(an).unwrap();
    assert!(view.payments[0].reversal.is_none());
    assert!(view.unpaid.is_empty());
    assert!(pay_cash(&mut svc, &hoa, AN).is_err());
    assert_eq!(statuses(&svc, &boss)[0], ("HD-001".into(), "paid"));

    // A transfer recorded at the counter is voided as any payment is.
    let cuc = person_id(&svc, CUC);
    common::account_on_file(&mut svc, cuc, "1903999988887");
    let cuc_paid = {
        let req = chitra::service::pay::PayRequest {
            person_id: person_id(&svc, CUC),
            receiver: chitra::service::pay::Receiver::Person,
            receiver_id_number: CUC.into(),
            method: PayMethod::Bank,
            account: Some("1903999988887".into()),
            reference: Some("FT26314000777".into()),
            idem_key: svc.new_idem_key(),
            lines: Vec::new(),
            approval: None,
        };
        svc.pay(&hoa, &req).unwrap()
    };
    svc.void_payment(&hoa, &cuc_paid.payment.receipt_no, "Nhầm người", &approval)
        .unwrap();

    // The database refuses it whoever writes.
    let c = svc.store().conn();
    let (pid, clerk, sup): (i64, i64, i64) = c
        .query_row(
            "SELECT (SELECT id FROM payments WHERE receipt_no = ?1),
                    (SELECT id FROM users WHERE name = 'gdv1'),
                    (SELECT id FROM users WHERE name = 'truong')",
            [&receipt],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let e = c
        .execute(
            "INSERT INTO reversals (payment_id, day, requested_by, approved_by, reason, reversed_at)
             VALUES (?1, '2026-11-10', ?2, ?3, 'x', '2026-11-10T10:00:00+07:00')",
            rusqlite::params![pid, clerk, sup],
        )
        .unwrap_err();
    assert_eq!(
        chitra::store::Rule::from_message(&e.to_string()),
        chitra::store::Rule::BankResultStands,
        "{e}"
    );
}
