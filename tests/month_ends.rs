//! The month's loose ends: a period does not close over transfers still
//! waiting for the bank, an increase list keeps the month its people are
//! paid from, an adjustment's arrears are checked against its own amounts,
//! and the period's results carry the people a decrease list stopped.

use crate::common;

use std::path::PathBuf;

use chitra::domain::Money;
use chitra::domain::payment::PayMethod;
use chitra::domain::period_report::UnpaidReason;
use chitra::import::change::ChangeIssue;
use chitra::import::record::Problem;
use chitra::service::import::{ChangeAction, ImportOptions, ImportReport, ListKind};
use chitra::service::period::{CloseOptions, PeriodError};
use chitra::service::register::RegisterRequest;
use chitra::service::{Error, Service};
use common::*;

const AN: &str = "046048001234";

fn nov() -> chitra::domain::Period {
    "2026-11".parse().unwrap()
}

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).unwrap()
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

/// The months kept for people an increase list added: (code, from).
fn starts(office: &Office) -> Vec<(String, String)> {
    let c = rusqlite::Connection::open(&office.db).unwrap();
    let mut stmt = c
        .prepare(
            "SELECT p.record_code, s.from_period FROM increase_starts s
             JOIN people p ON p.id = s.person_id ORDER BY s.id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn person_id(svc: &Service, id: &str) -> i64 {
    svc.search(id, 1).unwrap().hits[0].person.id
}

fn all_away() -> CloseOptions {
    CloseOptions {
        default_reason: Some(UnpaidReason::Away),
        default_note: None,
    }
}

#[test]
fn a_period_with_a_transfer_batch_waiting_for_the_bank_does_not_close() {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let an = person_id(&svc, AN);
    let req = RegisterRequest {
        method: Some(PayMethod::Bank),
        account_no: Some("0071000123456".into()),
        account_bank: Some("Vietcombank".into()),
        ..RegisterRequest::default()
    };
    svc.register(&hoa, an, &req).unwrap();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let batch = svc.bank_batch(&boss, nov()).unwrap();
    office.close_today(&mut svc);
    office.clock.set("2026-11-26T08:00:00+07:00");

    // An's line is with the bank: neither paid nor unpaid. Even with a
    // reason for everyone unpaid, the close is refused and names the batch.
    let err = svc
        .close_period(&boss, SUPERVISOR.1, nov(), &all_away())
        .unwrap_err();
    match &err {
        Error::Period(PeriodError::BankPending { batches, codes }) => {
            assert_eq!(batches, &[batch.number]);
            assert_eq!(codes, &["HD-001"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("HD-001"), "{err}");
    let open = svc.period_report(&boss, nov()).unwrap();
    assert!(open.closed_at.is_none());
    // The close's preview says so too.
    let preview = chitra::document::period::build(
        chitra::i18n::Lang::Vi,
        &svc.config().office,
        &open,
        "2026-11-26",
    );
    let text = chitra::print::document::render_text(&preview);
    assert!(text.contains("chưa có kết quả của ngân hàng"), "{text}");

    // The bank answers (the transfer failed): the period closes.
    let reference = &batch.lines[0].reference;
    let result = format!(
        "KẾT QUẢ CHUYỂN KHOẢN\nMã tham chiếu;Kết quả;Lý do;Số tiền\n{reference};Thất bại;Sai số tài khoản;2.789.000\nTổng cộng;;;2.789.000\n"
    );
    let file = office.write_file("kq.csv", result.as_bytes());
    svc.bank_import(&boss, &file, false).unwrap();
    let closed = svc
        .close_period(&boss, SUPERVISOR.1, nov(), &all_away())
        .unwrap();
    assert!(closed.closed_at.is_some());
    assert!(closed.balanced());
}

#[test]
fn an_increase_list_keeps_the_month_its_people_are_paid_from() {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let text = fixture("increase_2026_11.csv");

    let preview = import_kind(&office, "tang.csv", &text, ListKind::Increase, true).unwrap();
    assert_eq!(preview.changes[0].action, ChangeAction::Added);
    assert_eq!(preview.changes[0].from, Some("2026-09".parse().unwrap()));
    assert!(starts(&office).is_empty(), "a preview writes nothing");
    let shown =
        chitra::i18n::changes::preview_lines(chitra::i18n::Lang::Vi, &preview.changes).join("\n");
    assert!(shown.contains("09/2026"), "{shown}");

    let done = import_kind(&office, "tang.csv", &text, ListKind::Increase, false).unwrap();
    assert!(done.committed, "{:?}", done.rejected);
    assert_eq!(
        starts(&office),
        [("HD-004".to_string(), "2026-09".to_string())]
    );
    // The kept month is sealed and logged like every other row.
    let svc = office.service();
    let v = svc.verify(&[]).unwrap();
    assert!(v.findings.is_empty(), "{:?}", v.findings);
}

/// The adjustment fixture with its arrears cell (and total) set to `cell`.
fn adjustment_with_arrears(cell: &str) -> String {
    fixture("adjustment_2026_11.csv")
        .replace(";10/2026;211.000;;", &format!(";10/2026;{cell};;"))
        .replace(";;211.000;;", &format!(";;{cell};;"))
}

#[test]
fn an_adjustment_whose_arrears_are_not_new_minus_old_per_month_is_refused_with_its_row() {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");

    // From October in November's list: one month at (3.000.000 − 2.789.000).
    for wrong in ["300.000", "", "422.000"] {
        let text = adjustment_with_arrears(wrong);
        let r = import_kind(&office, "dc.csv", &text, ListKind::Adjustment, false).unwrap();
        assert!(!r.committed, "{wrong:?}");
        let found = r.rejected.iter().find_map(|p| match &p.problem {
            Problem::Change(ChangeIssue::ArrearsDiffer {
                stated,
                expected,
                months,
            }) => Some((p.place.row, *stated, *expected, *months)),
            _ => None,
        });
        let stated = chitra::domain::parse_amount(wrong)
            .unwrap()
            .unwrap_or(Money::ZERO);
        assert_eq!(
            found,
            Some((7, stated, Money::from_dong(211_000), 1)),
            "{wrong:?}"
        );
    }

    // The list's own figure is right: accepted.
    let r = import_kind(
        &office,
        "dc.csv",
        &adjustment_with_arrears("211.000"),
        ListKind::Adjustment,
        false,
    )
    .unwrap();
    assert!(r.committed, "{:?}", r.rejected);
}

#[test]
fn an_adjustment_from_the_lists_own_month_owes_no_arrears() {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let text = adjustment_with_arrears("").replace(";10/2026;", ";11/2026;");
    let r = import_kind(&office, "dc.csv", &text, ListKind::Adjustment, false).unwrap();
    assert!(r.committed, "{:?}", r.rejected);
    // And arrears stated for it anyway are refused.
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let text = adjustment_with_arrears("211.000").replace(";10/2026;", ";11/2026;");
    let r = import_kind(&office, "dc.csv", &text, ListKind::Adjustment, false).unwrap();
    assert!(!r.committed);
}

#[test]
fn the_periods_results_list_the_people_a_decrease_stopped_with_what_to_recover() {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    // Bình is paid November before the decrease saying she died arrives.
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let binh = person_id(&svc, "046152004321");
    let lines = svc
        .person_view(binh)
        .unwrap()
        .unpaid
        .iter()
        .map(|l| l.entitlement_id)
        .collect();
    let req = chitra::service::pay::PayRequest {
        person_id: binh,
        receiver: chitra::service::pay::Receiver::Person,
        receiver_id_number: "046152004321".into(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines,
        approval: None,
    };
    let paid = svc.pay(&hoa, &req).unwrap();
    // An is paid by transfer: his row names the receipt and the bank's
    // code, "HD-2026-000002 / FT26314000123".
    let an = person_id(&svc, "046048001234");
    common::account_on_file(&mut svc, an, "0123456789");
    let hoa = office.sign_in(&mut svc, CLERK1);
    let mut to_an = req.clone();
    to_an.person_id = an;
    to_an.receiver_id_number = "046048001234".into();
    to_an.method = PayMethod::Bank;
    to_an.reference = Some("FT26314000123".into());
    to_an.idem_key = svc.new_idem_key();
    to_an.lines = svc
        .person_view(an)
        .unwrap()
        .unpaid
        .iter()
        .map(|l| l.entitlement_id)
        .collect();
    let transfer = svc.pay(&hoa, &to_an).unwrap();
    let r = import_kind(
        &office,
        "giam.csv",
        &fixture("decrease_2026_11.csv"),
        ListKind::Decrease,
        false,
    )
    .unwrap();
    assert!(r.committed, "{:?}", r.rejected);

    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let report = svc.period_report(&boss, nov()).unwrap();
    let stops: Vec<(&str, &str, String, i64)> = report
        .stops
        .iter()
        .map(|s| {
            (
                s.code.as_str(),
                s.reason.as_str(),
                s.from.to_string(),
                s.overpaid.dong(),
            )
        })
        .collect();
    assert_eq!(
        stops,
        [
            (
                "HD-002",
                "died",
                "2026-11".to_string(),
                paid.payment.total.dong()
            ),
            ("HD-003", "moved", "2026-11".to_string(), 0),
        ]
    );
    assert!(paid.payment.total.dong() > 0);

    // The results document has them, in words, with the total to recover.
    let doc = chitra::document::period::build(
        chitra::i18n::Lang::Vi,
        &svc.config().office,
        &report,
        "2026-11-26",
    );
    let text = chitra::print::document::render_text(&doc);
    assert!(text.contains("DANH SÁCH GIẢM"), "{text}");
    // The people paid are a table of 80 columns, one row each (its name
    // may wrap), not a block of lines per person.
    let receipt = &paid.payment.receipt_no;
    assert!(
        text.lines().any(|l| l.contains("HD-002")
            && l.contains("046152004321")
            && l.contains(receipt.as_str())),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.contains("HD-001")
            && l.contains("046048001234")
            && l.contains(transfer.payment.receipt_no.as_str())),
        "{text}"
    );
    assert!(text.contains("FT26314000123"), "{text}");
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80),
        "{text}"
    );
    let giam = doc.table("giam").unwrap();
    assert_eq!(
        giam.rows[0].cells[4],
        chitra::document::Cell::text("đã mất: Từ trần ngày 02/11/2026")
    );
    assert_eq!(
        giam.rows[1].cells[4],
        chitra::document::Cell::text("chuyển đi: Chuyển đi tỉnh Quảng Nam")
    );
    assert_eq!(
        giam.rows[0].cells[5],
        chitra::document::Cell::text("11/2026")
    );
    assert_eq!(
        giam.rows.last().unwrap().cells[3],
        chitra::document::Cell::Money(paid.payment.total)
    );
    // No raw English code on the Vietnamese page.
    assert!(!text.contains("stopped"), "{text}");

    // And `report period --format json` carries them.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_chitra"))
        .arg("--config")
        .arg(office.dir.path().join("chitra.toml"))
        .args(["report", "period", "2026-11", "--format", "json"])
        .env("CHITRA_USER", SUPERVISOR.0)
        .env("CHITRA_PIN", SUPERVISOR.1)
        .env_remove("CHITRA_DB")
        .env_remove("CHITRA_CONFIG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stops"][0]["code"], "HD-002");
    assert_eq!(v["stops"][0]["from"], "2026-11");
    assert_eq!(v["stops"][0]["overpaid_dong"], paid.payment.total.dong());
    assert_eq!(v["stops"][1]["reason"], "moved");
}

/// The demo office leaves this month's decrease, increase and adjustment
/// lists for a newcomer: each previews and imports cleanly, and the
/// adjustment's and the increase's arrears are what the lists say.
#[test]
fn the_demo_leaves_change_lists_that_import_cleanly() {
    use chrono::TimeZone;
    let dir = tempfile::tempdir().unwrap();
    let now = chrono::FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 12, 9, 0, 0)
        .unwrap();
    let built = chitra::demo::office::build_at(dir.path(), 40, now).unwrap();
    let config =
        chitra::config::Config::load(&dir.path().join(chitra::demo::folder::CONFIG_FILE)).unwrap();
    let db = config.database.path.clone();
    let clock = chitra::service::FixedClock::at(&chitra::service::clock::stamp(now));
    let mut svc = Service::open(std::sync::Arc::new(config), &db)
        .unwrap()
        .with_clock(std::sync::Arc::new(clock));
    let boss = svc.sign_in("truong", "1111").unwrap();
    for (name, kind, action) in [
        (
            "danh-sach-giam-2026-11.csv",
            ListKind::Decrease,
            ChangeAction::Stopped,
        ),
        (
            "danh-sach-tang-2026-11.csv",
            ListKind::Increase,
            ChangeAction::Added,
        ),
        (
            "danh-sach-dieu-chinh-2026-11.csv",
            ListKind::Adjustment,
            ChangeAction::Changed,
        ),
    ] {
        let file = built
            .files
            .iter()
            .find(|f| f.ends_with(name))
            .unwrap_or_else(|| panic!("{name} in {:?}", built.files));
        let opts = ImportOptions {
            kind,
            period: None,
            dry_run: false,
        };
        let r = svc
            .import(&boss, &dir.path().join(file), &opts, &mut |_| {})
            .unwrap();
        assert!(r.committed, "{name}: {:?}", r.rejected);
        assert_eq!(r.changes.len(), 1, "{name}");
        assert_eq!(r.changes[0].action, action, "{name}");
        assert!(r.changes[0].from.is_some(), "{name}");
    }
    let v = svc.verify(&[]).unwrap();
    assert!(v.findings.is_empty(), "{:?}", v.findings);
}
