//! The plan's lists (who goes on which) and the cashless share, checked
//! against a recount made from the database's own rows.

use crate::common;

use std::collections::BTreeMap;
use std::process::Command;

use chitra::domain::PayMethod;
use chitra::domain::registration::{AccountStep, Missing};
use chitra::print::document::render_text;
use chitra::service::Service;
use chitra::service::pay::{NewProxy, PayRequest, Receiver};
use chitra::service::register::RegisterRequest;
use chrono::NaiveDate;
use common::*;

fn person_id(svc: &Service, query: &str) -> i64 {
    let found = svc.search(query, 5).unwrap();
    assert_eq!(found.hits.len(), 1, "{query}");
    found.hits[0].person.id
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn proxy(name: &str, id: &str, from: &str, to: &str) -> NewProxy {
    NewProxy {
        guardian: false,
        full_name: name.into(),
        id_number: id.into(),
        relationship: "con".into(),
        document_no: "12/UQ-UBND".into(),
        certified_by: "UBND xã Hải Dương".into(),
        valid_from: d(from),
        valid_to: Some(d(to)),
    }
}

/// Three people: An registers full papers and a phone; Bình a bank
/// account; Cúc nothing, with a proxy in date holding a CMND and one whose
/// authorisation has ended.
fn registered_office() -> (Office, [i64; 3]) {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let approval = svc.approval(&clerk, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let an = person_id(&svc, "HD-001");
    let binh = person_id(&svc, "HD-002");
    let cuc = person_id(&svc, "HD-003");
    svc.register(
        &clerk,
        an,
        &RegisterRequest {
            phone: Some("0912345678".into()),
            id_issued: Some(d("2021-05-04")),
            id_place: Some("Cục Cảnh sát QLHC về TTXH".into()),
            ..Default::default()
        },
    )
    .unwrap();
    svc.register(
        &clerk,
        binh,
        &RegisterRequest {
            method: Some(PayMethod::Bank),
            account_no: Some("0123456789".into()),
            account_bank: Some("Agribank".into()),
            ..Default::default()
        },
    )
    .unwrap();
    svc.add_proxy(
        &clerk,
        cuc,
        &proxy("Lê Văn Dũng", "197826574", "2026-06-01", "2027-05-31"),
        Some(&approval),
    )
    .unwrap();
    svc.add_proxy(
        &clerk,
        cuc,
        &proxy("Lê Thị Em", "046185001111", "2025-01-01", "2025-12-31"),
        Some(&approval),
    )
    .unwrap();
    (office, [an, binh, cuc])
}

fn ids(list: &[chitra::service::lists::Entry]) -> Vec<(i64, Option<String>)> {
    list.iter()
        .map(|e| (e.person_id, e.proxy_for.clone()))
        .collect()
}

#[test]
fn each_list_holds_exactly_who_it_should() {
    let (office, [an, binh, cuc]) = registered_office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let c = svc.classify(&boss).unwrap();
    // Bình is paid by bank: not in the cash lists.
    assert_eq!(ids(&c.cash), vec![(an, None), (cuc, None)]);
    assert_eq!(ids(&c.can_open_account), vec![(an, None)]);
    assert_eq!(ids(&c.missing_papers), vec![(cuc, None)]);
    assert_eq!(
        c.missing_papers[0].missing,
        vec![Missing::IssueDate, Missing::IssuePlace, Missing::Phone]
    );
    // Only the proxy in date; the one whose authorisation ended is on no list.
    assert!(c.proxies_can_open_account.is_empty());
    assert_eq!(c.proxies_missing_papers.len(), 1);
    assert_eq!(c.proxies_missing_papers[0].name, "Lê Văn Dũng");
    assert_eq!(c.proxies_missing_papers[0].missing[0], Missing::Cccd);
    assert_eq!(c.need_cccd.len(), 1);
    assert_eq!(c.need_cccd[0].name, "Lê Văn Dũng");
    assert_eq!(c.need_cccd[0].code, "HD-003");
    let _ = binh;
}

#[test]
fn a_proxy_with_full_papers_can_open_an_account() {
    let (office, [_, _, cuc]) = registered_office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let dung = svc
        .person_view(cuc)
        .unwrap()
        .proxies
        .iter()
        .find(|p| p.proxy.full_name == "Lê Văn Dũng")
        .unwrap()
        .proxy
        .id;
    svc.register(
        &clerk,
        cuc,
        &RegisterRequest {
            proxy_id: Some(dung),
            id_number: Some("046085001111".into()),
            id_issued: Some(d("2022-01-10")),
            id_place: Some("Cục Cảnh sát QLHC về TTXH".into()),
            phone: Some("0352123456".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let c = svc.classify(&boss).unwrap();
    assert_eq!(c.proxies_can_open_account.len(), 1);
    assert!(c.proxies_missing_papers.is_empty());
    assert!(c.need_cccd.is_empty());
}

#[test]
fn an_account_asked_for_goes_on_the_opening_list_and_moves_through_its_steps() {
    let (office, [_, _, cuc]) = registered_office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    assert!(svc.account_list(&boss).unwrap().accounts.is_empty());
    // A bank account wished for without a number: an account to open.
    svc.register(
        &clerk,
        cuc,
        &RegisterRequest {
            method: Some(PayMethod::Bank),
            ..Default::default()
        },
    )
    .unwrap();
    let a = svc.account_list(&boss).unwrap();
    assert_eq!(a.accounts.len(), 1);
    assert_eq!(a.accounts[0].step, AccountStep::Asked);
    assert_eq!(a.accounts[0].entry.person_id, cuc);
    svc.record_account_step(&clerk, cuc, None, AccountStep::Opened)
        .unwrap();
    svc.record_account_step(&clerk, cuc, None, AccountStep::CardGiven)
        .unwrap();
    let a = svc.account_list(&boss).unwrap();
    assert_eq!(a.accounts[0].step, AccountStep::CardGiven);
    // Nobody else: a step for someone who never asked is refused.
    let an = person_id(&svc, "HD-001");
    assert!(
        svc.record_account_step(&clerk, an, None, AccountStep::Opened)
            .is_err()
    );
}

#[test]
fn the_change_list_carries_what_the_payer_does_not_know() {
    let (office, [an, binh, _]) = registered_office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let changes = svc.registration_changes(&boss).unwrap();
    let got: std::collections::BTreeSet<(i64, &str)> =
        changes.iter().map(|c| (c.person_id, c.field)).collect();
    let want: std::collections::BTreeSet<(i64, &str)> =
        [(an, "phone"), (binh, "method"), (binh, "account")].into();
    assert_eq!(got, want);
}

fn pay(
    svc: &mut Service,
    who: (&str, &str),
    office: &Office,
    person: i64,
    id: &str,
    method: PayMethod,
) -> String {
    let s = office.sign_in(svc, who);
    let lines = svc
        .person_view(person)
        .unwrap()
        .unpaid
        .iter()
        .map(|l| l.entitlement_id)
        .collect();
    let transfer = !method.is_cash();
    if transfer {
        common::account_on_file(svc, person, "0123456789");
    }
    let paid = svc
        .pay(
            &s,
            &PayRequest {
                person_id: person,
                receiver: Receiver::Person,
                receiver_id_number: id.into(),
                method,
                account: transfer.then(|| "0123456789".to_string()),
                reference: transfer.then(|| "FT26314001".to_string()),
                idem_key: svc.new_idem_key(),
                lines,
                approval: None,
            },
        )
        .unwrap();
    paid.payment.receipt_no
}

#[test]
fn the_cashless_share_matches_a_recount_from_the_raw_rows() {
    let (office, [an, binh, cuc]) = registered_office();
    let mut svc = office.service();
    pay(
        &mut svc,
        CLERK1,
        &office,
        an,
        "046048001234",
        PayMethod::Cash,
    );
    pay(
        &mut svc,
        CLERK1,
        &office,
        binh,
        "046152004321",
        PayMethod::Bank,
    );
    let cuc_receipt = pay(
        &mut svc,
        CLERK2,
        &office,
        cuc,
        "046060007777",
        PayMethod::Wallet,
    );
    // Cúc's transfer is voided: it no longer counts.
    let clerk2 = office.sign_in(&mut svc, CLERK2);
    let approval = svc.approval(&clerk2, SUPERVISOR.0, SUPERVISOR.1).unwrap();
    svc.void_payment(&clerk2, &cuc_receipt, "Sai tài khoản", &approval)
        .unwrap();

    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let r = svc
        .cashless_report(&boss, Some("2026-11".parse().unwrap()))
        .unwrap();

    // The recount, straight from the tables.
    let conn = svc.store().conn();
    let mut stmt = conn
        .prepare(
            "SELECT pe.hamlet, p.person_id, p.method, l.amount
             FROM payment_lines l JOIN payments p ON p.id = l.payment_id
             JOIN entitlements e ON e.id = l.entitlement_id
             JOIN people pe ON pe.id = p.person_id
             WHERE e.period = '2026-11'
               AND p.id NOT IN (SELECT payment_id FROM reversals)",
        )
        .unwrap();
    type Acc = (
        std::collections::BTreeSet<i64>,
        std::collections::BTreeSet<i64>,
        i64,
        i64,
    );
    let mut by: BTreeMap<String, Acc> = BTreeMap::new();
    let rows = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (hamlet, person, method, amount) = row.unwrap();
        let a = by.entry(hamlet).or_default();
        a.0.insert(person);
        a.2 += amount;
        if method == "bank" || method == "wallet" {
            a.1.insert(person);
            a.3 += amount;
        }
    }
    let mut total = (0, 0, 0, 0);
    for s in &r.hamlets {
        let a = by.get(&s.hamlet).cloned().unwrap_or_default();
        assert_eq!(
            (
                s.people,
                s.cashless_people,
                s.amount.dong(),
                s.cashless.dong()
            ),
            (a.0.len() as i64, a.1.len() as i64, a.2, a.3),
            "{}",
            s.hamlet
        );
        total.0 += s.people;
        total.1 += s.cashless_people;
        total.2 += s.amount.dong();
        total.3 += s.cashless.dong();
    }
    assert_eq!(
        (
            r.total.people,
            r.total.cashless_people,
            r.total.amount.dong(),
            r.total.cashless.dong()
        ),
        total
    );
    // And by hand: An (cash) and Bình (bank) in Thôn Đông; Cúc voided.
    let dong = r.hamlets.iter().find(|s| s.hamlet == "Thôn Đông").unwrap();
    assert_eq!(dong.people, 2);
    assert_eq!(dong.cashless_people, 1);
    assert_eq!(dong.cashless.dong(), 2_789_000 + 1_394_500);
    assert_eq!(dong.permille(), 500);
    let tay = r.hamlets.iter().find(|s| s.hamlet == "Thôn Tây").unwrap();
    assert_eq!(tay.people, 0, "a voided payment does not count");
    assert_eq!(r.target_percent, 50);
}

#[test]
fn the_command_line_names_each_list_and_the_share_fields() {
    let (office, _) = registered_office();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_chitra"))
            .arg("--config")
            .arg(office.dir.path().join("chitra.toml"))
            .args(args)
            .env("CHITRA_USER", SUPERVISOR.0)
            .env("CHITRA_PIN", SUPERVISOR.1)
            .env_remove("CHITRA_DB")
            .env_remove("CHITRA_CONFIG")
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["list", "classify", "--format", "json"])).unwrap();
    for k in [
        "cash",
        "can_open_account",
        "missing_papers",
        "proxies_can_open_account",
        "proxies_missing_papers",
        "need_cccd",
    ] {
        assert!(v[k].is_array(), "{k}");
    }
    assert_eq!(v["can_open_account"][0]["code"], "HD-001");
    assert_eq!(v["can_open_account"][0]["id_number"], "046048001234");
    assert_eq!(v["need_cccd"][0]["id_number"], "197826574");

    let v: serde_json::Value = serde_json::from_slice(&run(&[
        "report", "cashless", "--period", "2026-11", "--format", "json",
    ]))
    .unwrap();
    for k in ["people", "cashless_people", "amount_dong", "cashless_dong"] {
        assert!(v["total"][k].is_i64(), "{k}");
        assert!(v["hamlets"][0][k].is_i64(), "{k}");
    }

    let out = office.dir.path().join("tk.xlsx");
    run(&[
        "list",
        "accounts",
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ]);
    let xlsx = office.dir.path().join("share.xlsx");
    run(&[
        "report",
        "cashless",
        "--format",
        "xlsx",
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    use std::os::unix::fs::PermissionsExt;
    for p in [&out, &xlsx] {
        let mode = std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", p.display());
    }
    let text = String::from_utf8(run(&["list", "classify", "--only", "need_cccd"])).unwrap();
    assert!(text.contains("Lê Văn Dũng"));
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
}

#[test]
fn the_change_list_for_the_payer_carries_the_last_days_seal() {
    let (office, _) = registered_office();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let day = svc.today().format("%Y-%m-%d").to_string();
    let changes = svc.registration_changes(&boss).unwrap();
    let before = chitra::document::lists::changes(
        chitra::i18n::Lang::Vi,
        &office.config.office,
        &day,
        &changes,
        svc.last_day_seal().unwrap().as_ref(),
    );
    let text = render_text(&before);
    assert!(text.contains("chưa có ngày nào khóa sổ"));
    // Sent to the agency the office pays for, as its configuration names it.
    let agency = &office.config.office.paying_agency;
    assert!(!agency.is_empty());
    assert!(text.contains(&format!("Kính gửi: {agency}")), "{text}");

    let closed = office.close_today(&mut svc);
    let code = closed.report.closed.as_ref().unwrap().code.clone();
    let after = chitra::document::lists::changes(
        chitra::i18n::Lang::Vi,
        &office.config.office,
        &day,
        &changes,
        svc.last_day_seal().unwrap().as_ref(),
    );
    let text = render_text(&after);
    assert!(text.contains(&code), "{text}");
    assert!(text.contains("ngày khóa sổ gần nhất"), "{text}");
}

#[test]
fn the_lists_naming_papers_and_phones_are_refused_to_a_clerk() {
    let (office, _) = registered_office();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    for res in [
        svc.classify(&clerk).map(|_| ()),
        svc.account_list(&clerk).map(|_| ()),
        svc.registration_changes(&clerk).map(|_| ()),
    ] {
        assert!(
            matches!(res, Err(chitra::service::Error::Forbidden { .. })),
            "{res:?}"
        );
    }
    // The share has no names: a clerk may read it.
    assert!(svc.cashless_report(&clerk, None).is_ok());
    for args in [
        &["list", "classify"][..],
        &["list", "classify", "--only", "need_cccd"],
        &["list", "accounts"],
        &["list", "changes"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_chitra"))
            .arg("--config")
            .arg(office.dir.path().join("chitra.toml"))
            .args(args)
            .env("CHITRA_USER", CLERK1.0)
            .env("CHITRA_PIN", CLERK1.1)
            .env_remove("CHITRA_DB")
            .env_remove("CHITRA_CONFIG")
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cần quyền trưởng bưu cục"), "{args:?}: {err}");
    }
}
