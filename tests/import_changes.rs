//! Lists that change the month: a decrease stops payment at once, an
//! adjustment changes the amount with its arrears, each previewed person by
//! person, all-or-nothing, refused with the row named, never twice; and
//! `verify` covers what they wrote.

use crate::common;

use std::path::PathBuf;

use chitra::domain::{EntitlementKind, Money, PayMethod};
use chitra::import::change::ChangeIssue;
use chitra::import::record::Problem;
use chitra::service::Error;
use chitra::service::import::{ChangeAction, ImportError, ImportOptions, ImportReport, ListKind};
use chitra::service::pay::{PayError, PayRequest, Receiver};
use chitra::service::verify::Finding;
use chitra::store::changes::StopReason;
use chitra::store::replay::RowProblem as ReplayProblem;
use chitra::store::rows::Table;
use common::*;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// October and November imported for the three people of `three()`.
fn office_with_two_months() -> Office {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    office
}

fn import_kind(
    office: &Office,
    name: &str,
    text: &str,
    kind: ListKind,
    dry_run: bool,
) -> Result<ImportReport, Error> {
    let path = office.write_file(name, text.as_bytes());
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = ImportOptions {
        kind,
        period: None,
        dry_run,
    };
    svc.import(&boss, &path, &opts, &mut |_| {})
}

fn person_id(svc: &chitra::service::Service, query: &str) -> i64 {
    let found = svc.search(query, 5).unwrap();
    assert_eq!(found.hits.len(), 1, "{query}");
    found.hits[0].person.id
}

fn pay_request(
    svc: &chitra::service::Service,
    person_id: i64,
    id: &str,
    lines: Vec<i64>,
) -> PayRequest {
    PayRequest {
        person_id,
        receiver: Receiver::Person,
        receiver_id_number: id.to_string(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines,
        approval: None,
    }
}

fn unpaid_ids(svc: &chitra::service::Service, person_id: i64) -> Vec<i64> {
    svc.person_view(person_id)
        .unwrap()
        .unpaid
        .iter()
        .map(|l| l.entitlement_id)
        .collect()
}

fn rejections(r: &ImportReport) -> Vec<(usize, Problem)> {
    r.rejected
        .iter()
        .map(|p| (p.place.row, p.problem.clone()))
        .collect()
}

#[test]
fn a_decrease_stops_payment_at_once_and_reports_what_was_paid_after_the_stop() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    // Bình is paid October and November before the decrease arrives.
    let bình = person_id(&svc, "046152004321");
    let lines = unpaid_ids(&svc, bình);
    svc.pay(&clerk, &pay_request(&svc, bình, "046152004321", lines))
        .unwrap();
    // Cúc's screen is open with October and November on it.
    let cúc = person_id(&svc, "046060007777");
    let stale = unpaid_ids(&svc, cúc);
    assert_eq!(stale.len(), 2);

    let text = fixture("decrease_2026_11.csv");
    // The preview writes nothing.
    let preview = import_kind(&office, "giam_t11.csv", &text, ListKind::Decrease, true).unwrap();
    assert!(
        !preview.committed && !preview.is_rejected(),
        "{:?}",
        preview.rejected
    );
    assert_eq!(
        unpaid_ids(&office.service(), cúc).len(),
        2,
        "a preview stops nobody"
    );

    let report = import_kind(&office, "giam_t11.csv", &text, ListKind::Decrease, false).unwrap();
    assert!(report.committed, "{:?}", report.rejected);
    assert_eq!(
        report.period.to_string(),
        "2026-11",
        "period read from the title block"
    );
    assert_eq!(report.rows, 2);
    assert_eq!(report.file_total, Some(Money::from_dong(5_909_000)));
    let b = report
        .changes
        .iter()
        .find(|c| c.record_code == "HD-002")
        .unwrap();
    assert_eq!(b.action, ChangeAction::Stopped);
    assert_eq!(b.reason, Some(StopReason::Died));
    assert_eq!(b.from.unwrap().to_string(), "2026-11");
    assert!(b.no_longer_payable.is_empty());
    // November's trợ cấp and phụ cấp were paid after the stop: to recover.
    assert_eq!(b.overpaid_total(), Money::from_dong(2_789_000 + 1_394_500));
    let c = report
        .changes
        .iter()
        .find(|c| c.record_code == "HD-003")
        .unwrap();
    assert_eq!(c.reason, Some(StopReason::Moved));
    assert!(c.overpaid.is_empty());
    assert_eq!(c.no_longer_payable.len(), 1);
    assert_eq!(c.no_longer_payable[0].amount, Money::from_dong(3_120_000));

    // The clerk's open screen still holds November: the payment is refused.
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let refused = svc.pay(&clerk, &pay_request(&svc, cúc, "046060007777", stale));
    assert!(
        matches!(&refused, Err(Error::Pay(PayError::Stopped(s))) if s.reason == StopReason::Moved),
        "{refused:?}"
    );
    // October, before the stop, is still owed and paid.
    let view = svc.person_view(cúc).unwrap();
    let stop = view
        .stop
        .as_ref()
        .expect("the person's view shows the stop");
    assert_eq!(
        (stop.from.to_string(), stop.reason),
        ("2026-11".into(), StopReason::Moved)
    );
    assert!(
        chitra::i18n::changes::stop_line(chitra::i18n::Lang::Vi, stop)
            .contains("Chuyển đi tỉnh Quảng Nam")
    );
    assert_eq!(view.unpaid.len(), 1);
    assert_eq!(view.unpaid[0].period.to_string(), "2026-10");
    let lines = unpaid_ids(&svc, cúc);
    svc.pay(&clerk, &pay_request(&svc, cúc, "046060007777", lines))
        .unwrap();

    // The overpayment stays on record for the period.
    let over = svc
        .store()
        .read(|r| chitra::store::changes::overpayments(r, Some("2026-11".parse().unwrap())))
        .unwrap();
    assert_eq!(over.len(), 2);
    assert!(over.iter().all(|o| o.record_code == "HD-002"));
    // And in the period's report: Bình's November to recover, Cúc stopped.
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let month = svc
        .period_report(&boss, "2026-11".parse().unwrap())
        .unwrap();
    let overpaid: i64 = month.overpaid.iter().map(|o| o.amount.dong()).sum();
    assert_eq!(overpaid, 2_789_000 + 1_394_500);
    let cúc_row = month.people.iter().find(|p| p.code == "HD-003").unwrap();
    assert_eq!(cúc_row.settled.code(), "stopped");
    assert!(month.balanced());
    let (code, out, err) = chitra(
        &office,
        &["report", "period", "2026-11", "--format", "text"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("PHẢI THU HỒI"), "{out}");
    assert!(
        out.contains("HD-002 Trần Thị Bình: 2.789.000 đ (biên nhận"),
        "{out}"
    );
    assert!(
        out.contains("HD-002 Trần Thị Bình: 1.394.500 đ (biên nhận"),
        "{out}"
    );

    let v = svc.verify(&[]).unwrap();
    assert!(v.findings.is_empty(), "{:?}", v.findings);
}

#[test]
fn the_database_refuses_a_stopped_line_even_when_asked_directly() {
    let office = office_with_two_months();
    let text = fixture("decrease_2026_11.csv");
    import_kind(&office, "giam.csv", &text, ListKind::Decrease, false).unwrap();
    let svc = office.service();
    let conn = svc.store().conn();
    let cúc_nov: i64 = conn
        .query_row(
            "SELECT e.id FROM entitlements e JOIN people p ON p.id = e.person_id
             WHERE p.record_code = 'HD-003' AND e.period = '2026-11'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // Cúc's October, before the stop, is paid; November is then hung on
    // that payment by hand: same person, same amount, never paid before.
    let october: i64 = {
        let mut svc = office.service();
        let clerk = office.sign_in(&mut svc, CLERK1);
        let cúc = person_id(&svc, "046060007777");
        let lines = unpaid_ids(&svc, cúc);
        svc.pay(&clerk, &pay_request(&svc, cúc, "046060007777", lines))
            .unwrap()
            .payment
            .id
    };
    let err = conn
        .execute(
            "INSERT INTO payment_lines (payment_id, entitlement_id, attempt, amount, mac) VALUES (?1, ?2, 0, 3120000, NULL)",
            [october, cúc_nov],
        )
        .unwrap_err();
    assert!(err.to_string().contains("chitra: payment stopped"), "{err}");
}

#[test]
fn a_change_list_is_refused_whole_with_the_row_named() {
    let office = office_with_two_months();
    let good = fixture("decrease_2026_11.csv");

    // Someone not on file.
    let unknown = good.replace(
        "2;HD-003;Lê Văn Cúc;046060007777",
        "2;HD-999;Lê Văn Cúc;046060007999",
    );
    let r = import_kind(&office, "a.csv", &unknown, ListKind::Decrease, false).unwrap();
    assert!(!r.committed);
    let rows = rejections(&r);
    assert!(
        rows.iter()
            .any(|(row, p)| *row == 12 && *p == Problem::Change(ChangeIssue::NotOnFile)),
        "{rows:?}"
    );

    // A total that disagrees with its rows.
    let bad_total = good.replace("Tổng cộng;;;;5.909.000", "Tổng cộng;;;;6.909.000");
    let r = import_kind(&office, "b.csv", &bad_total, ListKind::Decrease, false).unwrap();
    assert!(!r.committed);
    assert!(
        rejections(&r).iter().any(|(row, p)| *row == 13
            && *p
                == Problem::Change(ChangeIssue::ColumnTotal {
                    stated: Money::from_dong(6_909_000),
                    computed: Money::from_dong(5_909_000)
                })),
        "{:?}",
        r.rejected
    );

    // A row with no month.
    let no_month = good.replace(
        "Từ trần ngày 02/11/2026;11/2026",
        "Từ trần ngày 02/11/2026;",
    );
    let r = import_kind(&office, "c.csv", &no_month, ListKind::Decrease, false).unwrap();
    assert!(
        rejections(&r)
            .iter()
            .any(|(row, p)| *row == 10 && *p == Problem::Change(ChangeIssue::NoMonth))
    );

    // Nothing of the refused lists was written: both are still owed November.
    let svc = office.service();
    for id in ["046152004321", "046060007777"] {
        let p = person_id(&svc, id);
        let november = svc
            .person_view(p)
            .unwrap()
            .unpaid
            .iter()
            .filter(|l| l.period.to_string() == "2026-11")
            .count();
        assert!(november > 0, "{id}");
    }

    // Imported once, then the same file again is refused.
    import_kind(&office, "d.csv", &good, ListKind::Decrease, false).unwrap();
    let again = import_kind(&office, "d-copy.csv", &good, ListKind::Decrease, false);
    assert!(
        matches!(&again, Err(Error::Import(e)) if matches!(**e, ImportError::AlreadyImported { .. })),
        "{again:?}"
    );
    // A second list stopping the same person is refused with the row.
    let other = good.replace("Gia đình báo tử", "Báo lại");
    let r = import_kind(&office, "e.csv", &other, ListKind::Decrease, false).unwrap();
    assert!(
        rejections(&r).iter().any(|(row, p)| *row == 10
            && matches!(p, Problem::Change(ChangeIssue::AlreadyStopped { .. })))
    );
}

#[test]
fn a_stop_month_that_does_not_exist_or_lies_outside_the_list_is_refused() {
    let office = office_with_two_months();
    let good = fixture("decrease_2026_11.csv");
    let with_month = |m: &str| {
        good.replace(
            "Từ trần ngày 02/11/2026;11/2026",
            &format!("Từ trần ngày 02/11/2026;{m}"),
        )
    };
    let refused_with = |m: &str| {
        let r = import_kind(&office, "m.csv", &with_month(m), ListKind::Decrease, true).unwrap();
        assert!(!r.committed);
        let rows = rejections(&r);
        assert_eq!(rows.len(), 1, "{m}: {rows:?}");
        assert_eq!(rows[0].0, 10, "{m}: {rows:?}");
        assert!(
            r.rejected[0]
                .place
                .column
                .as_deref()
                .unwrap_or("")
                .starts_with('G'),
            "{m}: {:?}",
            r.rejected[0].place
        );
        rows[0].1.clone()
    };
    // 31 February is no day: not read as February.
    assert_eq!(
        refused_with("31/02/2026"),
        Problem::Change(ChangeIssue::NoSuchDate("31/02/2026".into()))
    );
    assert_eq!(
        refused_with("13/2026"),
        Problem::Change(ChangeIssue::NoSuchDate("13/2026".into()))
    );
    let p = refused_with("01/1990");
    assert_eq!(
        p,
        Problem::Change(ChangeIssue::MonthOutOfRange("01/1990".into()))
    );
    use chitra::i18n::Localize;
    assert!(p.vi().contains("ngoài khoảng hợp lệ"), "{}", p.vi());
    // After the list's own month: it belongs in a later list.
    assert!(matches!(
        refused_with("12/2026"),
        Problem::Change(ChangeIssue::MonthAfterList { .. })
    ));
    // Long before it: taken, with a warning naming the month.
    let r = import_kind(
        &office,
        "w.csv",
        &with_month("06/2026"),
        ListKind::Decrease,
        true,
    )
    .unwrap();
    assert!(!r.is_rejected(), "{:?}", r.rejected);
    assert!(
        r.warnings.iter().any(|w| w.place.row == 10
            && matches!(
                w.problem,
                Problem::Change(ChangeIssue::MonthLongBefore { months: 5, .. })
            )),
        "{:?}",
        r.warnings
    );
    // A month or two late is ordinary.
    let r = import_kind(
        &office,
        "o.csv",
        &with_month("09/2026"),
        ListKind::Decrease,
        true,
    )
    .unwrap();
    assert!(
        !r.is_rejected() && r.warnings.is_empty(),
        "{:?}",
        r.warnings
    );
}

#[test]
fn an_adjustment_replaces_unpaid_lines_and_adds_the_arrears() {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, "046048001234");
    let lines = unpaid_ids(&svc, an);
    svc.pay(&clerk, &pay_request(&svc, an, "046048001234", lines))
        .unwrap();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");

    let text = fixture("adjustment_2026_11.csv");
    let r = import_kind(&office, "dc.csv", &text, ListKind::Adjustment, false).unwrap();
    assert!(r.committed, "{:?}", r.rejected);
    let c = &r.changes[0];
    assert_eq!(c.action, ChangeAction::Changed);
    assert_eq!(c.old_amount, Some(Money::from_dong(2_789_000)));
    assert_eq!(c.new_amount, Some(Money::from_dong(3_000_000)));
    // November, unpaid, is replaced; October, paid, gets its arrears.
    assert_eq!(c.no_longer_payable.len(), 1);
    assert_eq!(c.no_longer_payable[0].period.to_string(), "2026-11");

    let svc = office.service();
    let view = svc.person_view(an).unwrap();
    let owed: Vec<(String, EntitlementKind, i64)> = view
        .unpaid
        .iter()
        .map(|l| (l.period.to_string(), l.kind, l.amount.dong()))
        .collect();
    assert_eq!(
        owed,
        vec![
            ("2026-11".into(), EntitlementKind::TroCap, 3_000_000),
            ("2026-11".into(), EntitlementKind::TruyLinh, 211_000),
        ]
    );
    let v = svc.verify(&[]).unwrap();
    assert!(v.findings.is_empty(), "{:?}", v.findings);

    // An old amount that is not the one on file is refused.
    let wrong = text
        .replace(
            ";2.789.000;3.000.000;10/2026",
            ";2.500.000;3.000.000;10/2026",
        )
        .replace("Tổng cộng;;;;2.789.000", "Tổng cộng;;;;2.500.000");
    let r = import_kind(&office, "dc2.csv", &wrong, ListKind::Adjustment, false).unwrap();
    assert!(
        rejections(&r).iter().any(|(row, p)| *row == 7
            && matches!(p, Problem::Change(ChangeIssue::OldAmountDiffers { .. }))),
        "{:?}",
        r.rejected
    );
}

#[test]
fn an_adjustment_imported_again_from_a_resaved_file_is_refused_naming_the_first() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    // An is paid October and November: the adjustment replaces no line,
    // so the amount on file stays the old one and only arrears are written.
    let an = person_id(&svc, "046048001234");
    let lines = unpaid_ids(&svc, an);
    svc.pay(&clerk, &pay_request(&svc, an, "046048001234", lines))
        .unwrap();
    let text = fixture("adjustment_2026_11.csv");
    let r = import_kind(&office, "dc.csv", &text, ListKind::Adjustment, false).unwrap();
    assert!(r.committed, "{:?}", r.rejected);
    // Saved again (another sha256): the same row is refused, naming the
    // list and the row that applied it.
    let resaved = text.replace('\n', "\r\n");
    let r = import_kind(&office, "dc-lai.csv", &resaved, ListKind::Adjustment, false).unwrap();
    assert!(!r.committed);
    let rows = rejections(&r);
    assert_eq!(
        rows,
        vec![(
            7,
            Problem::Change(ChangeIssue::AlreadyAdjusted {
                file: "dc.csv".into(),
                row: 7
            })
        )]
    );
    use chitra::i18n::Localize;
    let vi = rows[0].1.vi();
    assert!(
        vi.contains("dc.csv") && vi.contains("dòng 7") && vi.contains("Hãy"),
        "{vi}"
    );
    let arrears: Vec<i64> = office
        .service()
        .person_view(an)
        .unwrap()
        .unpaid
        .iter()
        .filter(|l| l.kind == EntitlementKind::TruyLinh)
        .map(|l| l.amount.dong())
        .collect();
    assert_eq!(arrears, vec![211_000], "the arrears once");
}

#[test]
fn verify_names_a_stop_edited_behind_chitras_back() {
    let office = office_with_two_months();
    import_kind(
        &office,
        "giam.csv",
        &fixture("decrease_2026_11.csv"),
        ListKind::Decrease,
        false,
    )
    .unwrap();
    {
        let svc = office.service();
        let conn = svc.store().conn();
        // Someone with the database file moves Cúc's stop to next year.
        let trigger: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'stops_no_update'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        conn.execute_batch(&format!(
            "DROP TRIGGER stops_no_update;
             UPDATE stops SET from_period = '2027-01' WHERE reason = 'moved';
             {trigger};"
        ))
        .unwrap();
    }
    let v = office.service().verify(&[]).unwrap();
    assert!(
        v.findings.iter().any(|f| matches!(
            f,
            Finding::Row(ReplayProblem::Edited {
                table: Table::Stops,
                ..
            })
        )),
        "{:?}",
        v.findings
    );
}

fn chitra(office: &Office, args: &[&str]) -> (i32, String, String) {
    let out = common::chitra(office, SUPERVISOR, args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_previews_person_by_person_then_writes() {
    let office = office_with_two_months();
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let bình = person_id(&svc, "046152004321");
    let lines = unpaid_ids(&svc, bình);
    svc.pay(&clerk, &pay_request(&svc, bình, "046152004321", lines))
        .unwrap();
    drop(svc);
    let path = office.write_file("giam.csv", fixture("decrease_2026_11.csv").as_bytes());
    let file = path.to_str().unwrap();

    let (code, out, err) = chitra(
        &office,
        &["import", file, "--kind", "decrease", "--dry-run"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("DỪNG CHI HD-002 Trần Thị Bình từ tháng 11/2026 (đã mất)"),
        "{out}"
    );
    assert!(out.contains("ĐÃ CHI SAU KHI DỪNG: 11/2026"), "{out}");
    assert!(
        out.contains("Chưa chi, nay không chi nữa: 11/2026"),
        "{out}"
    );
    assert!(out.contains("Chạy thử: không ghi gì."), "{out}");

    let (code, out, err) = chitra(
        &office,
        &["import", file, "--kind", "decrease", "--json", "--yes"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["committed"], true);
    assert_eq!(v["kind"], "decrease");
    assert_eq!(v["overpaid_dong"], 2_789_000 + 1_394_500);
    assert_eq!(v["changes"][0]["action"], "stopped");
    assert_eq!(v["changes"][0]["reason"], "died");

    let (code, out, _) = chitra(&office, &["import", file, "--kind", "decrease", "--json"]);
    assert_ne!(code, 0);
    assert!(out.contains("đã được nhập"), "{out}");
}

#[test]
fn a_carried_month_replaces_the_unpaid_line_on_file_never_adds_to_it() {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    let text = fixture("monthly_carried_2026_11.csv");
    let path = office.write_file("t11.csv", text.as_bytes());
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = ImportOptions {
        kind: ListKind::Monthly,
        period: None,
        dry_run: false,
    };
    let r = svc.import(&boss, &path, &opts, &mut |_| {}).unwrap();
    assert!(r.committed, "{:?}", r.rejected);
    // The preview names An's October line and the carried amount.
    let c = r
        .changes
        .iter()
        .find(|c| c.record_code == "HD-001")
        .expect("An's carried month is in the preview");
    assert_eq!(c.action, ChangeAction::Replaced);
    assert_eq!(c.no_longer_payable.len(), 1);
    assert_eq!(c.no_longer_payable[0].period.to_string(), "2026-10");
    assert_eq!(c.new_amount, Some(Money::from_dong(2_789_000)));
    // Nobody else carried a month.
    assert_eq!(r.changes.len(), 1);

    let an = person_id(&svc, "046048001234");
    let view = svc.person_view(an).unwrap();
    // 5.578.000 owed (November and the carried October), not 8.367.000.
    assert_eq!(view.unpaid_total, Money::from_dong(5_578_000));
    assert!(
        view.unpaid
            .iter()
            .all(|l| l.period.to_string() == "2026-11")
    );
    // Bình, with nothing carried, still owes October and November.
    let bình = person_id(&svc, "046152004321");
    assert_eq!(
        svc.person_view(bình).unwrap().unpaid_total,
        Money::from_dong(2 * (2_789_000 + 1_394_500))
    );
    let v = svc.verify(&[]).unwrap();
    assert!(v.findings.is_empty(), "{:?}", v.findings);
}

#[test]
fn an_increase_adds_new_people_with_their_arrears_and_refuses_someone_on_file() {
    let office = office_with_two_months();
    let text = fixture("increase_2026_11.csv");
    let r = import_kind(&office, "tang.csv", &text, ListKind::Increase, false).unwrap();
    assert!(r.committed, "{:?}", r.rejected);
    assert_eq!(r.new_people, 1);
    assert_eq!(r.file_total, Some(Money::from_dong(7_500_000)));
    let c = &r.changes[0];
    assert_eq!(c.action, ChangeAction::Added);
    assert_eq!(
        (c.record_code.as_str(), c.new_amount),
        ("HD-004", Some(Money::from_dong(2_500_000)))
    );

    let svc = office.service();
    let dũng = person_id(&svc, "046050001111");
    let view = svc.person_view(dũng).unwrap();
    assert_eq!(view.unpaid_total, Money::from_dong(7_500_000));
    assert!(view.unpaid.iter().any(|l| l.kind == EntitlementKind::TruyLinh && l.amount == Money::from_dong(5_000_000)));

    // An increase naming someone already on file is refused, row named.
    let again = text
        .replace(
            "HD-004;Phạm Văn Dũng;1950;046050001111",
            "HD-001;Nguyễn Văn An;1948;046048001234",
        )
        .replace("Truy lĩnh tháng 9, 10", "Lặp");
    let r = import_kind(&office, "tang2.csv", &again, ListKind::Increase, false).unwrap();
    assert!(!r.committed);
    assert!(
        rejections(&r)
            .iter()
            .any(|(row, p)| *row == 7 && *p == Problem::Change(ChangeIssue::AlreadyOnFile)),
        "{:?}",
        r.rejected
    );
    // A month that does not exist refuses its row.
    let bad = text
        .replace(";09/2026;", ";13/2026;")
        .replace("Truy lĩnh tháng 9, 10", "x");
    let r = import_kind(&office, "tang3.csv", &bad, ListKind::Increase, false).unwrap();
    assert!(
        rejections(&r).iter().any(|(row, p)| *row == 7
            && matches!(p, Problem::Change(ChangeIssue::NoSuchDate(m)) if m == "13/2026")),
        "{:?}",
        r.rejected
    );
    let v = office.service().verify(&[]).unwrap();
    assert!(v.findings.is_empty(), "{:?}", v.findings);
}
