//! The day report's renderers — printed text, CSV and xlsx — laying out one
//! computed `DayReport`: the numbers on paper and in the files are the
//! report's, every printed line fits 80 columns, and hostile text from the
//! database never reaches a terminal, a printer or Excel as control
//! characters.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use calamine::{Data, Reader, Xlsx, open_workbook};
use chitra::config::Office;
use chitra::domain::payment::PayMethod;
use chitra::domain::report::{
    ClosedFact, CountFact, DayFacts, DayReport, MoveFact, MoveKind, PaymentFact, ReversalFact,
    Seal, Staff, UnpaidFact, compute,
};
use chitra::domain::words::in_words;
use chitra::domain::{Money, Period};
use chitra::export::day_csv::COLUMNS;
use chitra::export::{day_xlsx, write_csv, write_xlsx};
use chitra::i18n::{Lang, set_lang};
use chitra::print::day_report::render_text;
use chitra::print::text::width;

/// The interface language is global; a test that switches it holds this
/// lock, and so does every test that renders, so none sees the other's
/// language.
static LANG: Mutex<()> = Mutex::new(());

fn lang_lock() -> MutexGuard<'static, ()> {
    LANG.lock().unwrap_or_else(|e| e.into_inner())
}

/// Switches to English and back to Vietnamese when dropped (even if the
/// test fails).
struct English;

impl English {
    fn on() -> English {
        set_lang(Lang::En);
        English
    }
}

impl Drop for English {
    fn drop(&mut self) {
        set_lang(Lang::Vi);
    }
}

const HASH: &str = "3f2a9b1c0d4e77885566aabbccddeeff00112233445566778899aabbccddeeff";

fn m(d: i64) -> Money {
    Money::from_dong(d)
}

fn office() -> Office {
    Office {
        name: "Bưu điện văn hóa xã Hải Dương".into(),
        code: "HD01".into(),
        commune: "Xã Hải Dương".into(),
        province: "Thành phố Huế".into(),
        paying_agency: "Phòng Văn hóa - Xã hội UBND xã Hải Dương".into(),
        time_zone: chitra::config::DEFAULT_TIME_ZONE.into(),
    }
}

fn payment(
    seq: i64,
    clerk: i64,
    method: PayMethod,
    total: i64,
    category: &str,
    person: &str,
) -> PaymentFact {
    PaymentFact {
        id: seq,
        receipt_no: format!("HD-2026-{seq:06}"),
        office: "HD01".into(),
        receipt_year: 2026,
        receipt_seq: seq,
        clerk_id: clerk,
        method,
        total: m(total),
        category: Some(category.into()),
        person: person.into(),
        paid_at: format!("2026-11-10T{:02}:15:00+07:00", 7 + seq % 10),
        voided_on: None,
    }
}

/// A day of two clerks: Hoa paid three (one voided the same day) and
/// counted her drawer 11.000 đ short with a reason; Long paid one at home
/// and one by transfer and counted exactly. A payment of yesterday was
/// voided today. Closed and sealed.
fn closed_day() -> DayFacts {
    let mut staff = BTreeMap::new();
    staff.insert(
        1,
        Staff {
            name: "truong".into(),
            full_name: "Trần Văn Minh".into(),
        },
    );
    staff.insert(
        2,
        Staff {
            name: "gdv1".into(),
            full_name: "Lê Thị Hoa".into(),
        },
    );
    staff.insert(
        3,
        Staff {
            name: "gdv2".into(),
            full_name: "Phạm Văn Long".into(),
        },
    );
    let mv = |clerk, kind, amount| MoveFact {
        clerk_id: clerk,
        supervisor_id: 1,
        kind,
        amount: m(amount),
        at: "2026-11-10T07:00:00+07:00".into(),
    };
    let mut voided = payment(12, 2, PayMethod::Cash, 1_500_000, "Bệnh binh", "Hồ Thị Lan");
    voided.voided_on = Some("2026-11-10".into());
    let reversal = |p: &PaymentFact, paid_on: &str, reason: &str| ReversalFact {
        payment_id: p.id,
        receipt_no: p.receipt_no.clone(),
        method: p.method,
        total: p.total,
        category: p.category.clone(),
        paid_on: paid_on.into(),
        requested_by: 2,
        approved_by: 1,
        reason: reason.into(),
        at: "2026-11-10T10:00:00+07:00".into(),
    };
    let yesterday = payment(7, 2, PayMethod::Cash, 500_000, "Thương binh", "Ngô Văn Tư");
    let mut last = BTreeMap::new();
    last.insert(("HD01".to_string(), 2026), 10);
    let facts = DayFacts {
        day: "2026-11-10".into(),
        reversals: vec![
            reversal(&yesterday, "2026-11-09", "Chi nhầm người"),
            reversal(&voided, "2026-11-10", "Nhập sai số tiền"),
        ],
        payments: vec![
            payment(
                11,
                2,
                PayMethod::Cash,
                2_789_000,
                "Thương binh",
                "Nguyễn Văn An",
            ),
            voided,
            payment(
                13,
                2,
                PayMethod::Bank,
                1_000_000,
                "Bệnh binh",
                "Đặng Thị Bình",
            ),
            payment(
                14,
                3,
                PayMethod::Home,
                3_000_000,
                "Thân nhân liệt sĩ",
                "Võ Văn Cường",
            ),
            payment(
                15,
                3,
                PayMethod::Wallet,
                1_200_000,
                "Thương binh",
                "Lý Thị Dung",
            ),
        ],
        moves: vec![
            mv(2, MoveKind::Float, 5_000_000),
            mv(3, MoveKind::Float, 2_000_000),
            mv(3, MoveKind::Issue, 2_000_000),
            mv(3, MoveKind::Return, 500_000),
        ],
        counts: vec![],
        staff,
        unpaid: vec![UnpaidFact {
            period: Period::new(2026, 11).unwrap(),
            people: 37,
            amount: m(98_765_000),
        }],
        last_seq_before: last,
        closed: None,
        audit_head: None,
    };
    // Counts made against the report's own expected figures.
    let r = compute(&facts);
    let expected = |name: &str| r.clerks.iter().find(|c| c.name == name).unwrap().expected;
    let hoa = expected("gdv1");
    let long = expected("gdv2");
    let counts = vec![
        CountFact {
            clerk_id: 2,
            at: "2026-11-10T16:30:00+07:00".into(),
            notes: BTreeMap::from([(500_000, 5), (200_000, 1)]),
            counted: m(2_700_000),
            expected: hoa,
            difference: m(2_700_000) - hoa,
            reason: Some("Thiếu 11.000 đ, đã báo trưởng bưu cục".into()),
            counted_by: 2,
            not_counted: None,
        },
        CountFact {
            clerk_id: 3,
            at: "2026-11-10T16:40:00+07:00".into(),
            notes: BTreeMap::from([(500_000, 1)]),
            counted: long,
            expected: long,
            difference: Money::ZERO,
            reason: None,
            counted_by: 3,
            not_counted: None,
        },
    ];
    DayFacts {
        counts,
        closed: Some(ClosedFact {
            at: "2026-11-10T17:05:00+07:00".into(),
            by: "Trần Văn Minh".into(),
            seal: Seal {
                seq: 1234,
                hash: HASH.into(),
            },
            totals: String::new(),
            code: "ABCD-EFGH-JKMN-PQRS".into(),
            prev_code: None,
            backup: "chitra-2026-11-10.db".into(),
        }),
        audit_head: Some(Seal {
            seq: 1240,
            hash: "ffff".repeat(16),
        }),
        ..facts
    }
}

fn closed_report() -> DayReport {
    let r = compute(&closed_day());
    // The story the tests tell must be the one computed.
    assert_eq!(
        r.totals.net,
        m(2_789_000 + 1_000_000 + 3_000_000 + 1_200_000 - 500_000)
    );
    assert_eq!(r.difference(), m(-11_000), "Hoa counted 11.000 đ short");
    assert!(r.blockers.is_empty(), "{:?}", r.blockers);
    r
}

/// An open day: Long's drawer is not counted, and receipt 13 is missing.
fn open_report() -> DayReport {
    let mut f = closed_day();
    f.closed = None;
    f.counts.retain(|c| c.clerk_id == 2);
    f.payments.retain(|p| p.receipt_seq != 13);
    let r = compute(&f);
    assert!(!r.blockers.is_empty());
    assert!(!r.receipt_gaps.is_empty());
    r
}

fn hostile_report() -> DayReport {
    let mut f = closed_day();
    f.payments[0].person = "Lê Văn A\x1b[2J\x1b]0;pwned\x07".into();
    f.staff.get_mut(&3).unwrap().full_name = "Long\x1b[31m Đỏ\u{202E}".into();
    f.reversals[0].reason = "xóa màn hình\x1b[2J\r\nrồi".into();
    f.payments[1].category = Some("Bệnh binh\x1b[H".into());
    compute(&f)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_fits(text: &str) {
    for (i, line) in text.lines().enumerate() {
        assert!(
            width(line) <= 80,
            "line {} is {} columns: {line:?}",
            i + 1,
            width(line)
        );
        assert!(
            !line.ends_with(' '),
            "line {} has trailing spaces: {line:?}",
            i + 1
        );
    }
}

#[test]
fn the_printed_report_fits_80_columns_and_shows_the_reports_numbers() {
    let _l = lang_lock();
    let r = closed_report();
    let text = render_text(&office(), &r);
    assert_fits(&text);
    let flat = one_line(&text);
    for needle in [
        "BƯU ĐIỆN VĂN HÓA XÃ HẢI DƯƠNG",
        "BÁO CÁO CHI TRẢ NGÀY 10/11/2026",
        "ĐÃ KHÓA SỔ lúc 10/11/2026 17:05 bởi Trần Văn Minh",
        "Người lập biểu",
        "Kiểm soát",
        "Trưởng bưu cục",
        "(Ký, ghi rõ họ tên)",
        "Xã Hải Dương, ngày 10 tháng 11 năm 2026",
        "Thiếu 11.000 đ, đã báo trưởng bưu cục",
        "Lê Thị Hoa (gdv1)",
    ] {
        assert!(flat.contains(needle), "missing {needle:?} in\n{text}");
    }
    assert!(!flat.contains("CHƯA KHÓA SỔ"));

    // The net in figures and in words, as the report has it.
    let net_line = text
        .lines()
        .find(|l| l.starts_with("TỔNG SỐ TIỀN THỰC CHI TRONG NGÀY"))
        .expect("a net total line");
    assert!(net_line.ends_with(&r.totals.net.to_string()), "{net_line}");
    assert!(
        flat.contains(&format!("Bằng chữ: {}", in_words(r.totals.net.dong()))),
        "{text}"
    );
    assert_eq!(
        in_words(r.totals.net.dong()),
        "Bảy triệu bốn trăm tám mươi chín nghìn đồng"
    );

    // Each method's net tally on its own line, with count and amount.
    for (method, tally) in &r.totals.by_method {
        let label = chitra::i18n::labels::method(*method);
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(label) && l.ends_with(&tally.amount.to_string()))
            .unwrap_or_else(|| panic!("no line for {label} {}\n{text}", tally.amount));
        assert!(
            line.split_whitespace()
                .any(|w| w == tally.count.to_string()),
            "{line}"
        );
    }
    for (cat, tally) in &r.totals.by_category {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(cat.as_str())
                    && l.ends_with(&tally.amount.to_string())),
            "no line for {cat}\n{text}"
        );
    }

    // Hoa's drawer: expected, counted by denomination, the difference.
    let hoa = r.clerks.iter().find(|c| c.name == "gdv1").unwrap();
    let at = |label: &str| {
        text.lines()
            .skip_while(|l| !l.contains("Lê Thị Hoa (gdv1)"))
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no {label} for Hoa\n{text}"))
            .to_string()
    };
    assert!(at("PHẢI CÓ").ends_with(&hoa.expected.to_string()));
    assert!(at("ĐÃ ĐẾM").ends_with("2.700.000 đ"));
    assert!(at("Loại 500.000 đ").ends_with("2.500.000 đ"));
    assert!(at("CHÊNH LỆCH").ends_with("-11.000 đ"));
    let diff = text
        .lines()
        .find(|l| l.trim_start().starts_with("Chênh lệch (các két đã đếm)"))
        .unwrap();
    assert!(diff.ends_with("-11.000 đ"), "{diff}");

    // Voids: marked, with who asked and who approved.
    let void_line = text
        .lines()
        .find(|l| l.contains("HD-2026-000007"))
        .expect("the void of yesterday");
    assert!(void_line.contains("*** ĐÃ HỦY ***"), "{void_line}");
    assert!(void_line.ends_with("500.000 đ"));
    assert!(flat.contains("Người đề nghị: Lê Thị Hoa · Người duyệt: Trần Văn Minh"));
    assert!(flat.contains("Lý do: Chi nhầm người"));
    // In the day's list, the payment voided today is marked on the next line.
    let lines: Vec<&str> = text.lines().collect();
    let listed = lines
        .iter()
        .rposition(|l| l.contains("HD-2026-000012"))
        .expect("receipt 12 in the day's list");
    assert!(lines[listed].contains("Hồ Thị Lan"), "{}", lines[listed]);
    assert!(
        lines[listed + 1].contains("ĐÃ HỦY"),
        "{}",
        lines[listed + 1]
    );
    let next = lines
        .iter()
        .rposition(|l| l.contains("HD-2026-000011"))
        .unwrap();
    assert!(!lines[next + 1].contains("ĐÃ HỦY"));

    // The seal stored at the close (not today's later head), readable.
    assert!(
        flat.contains("Dấu niêm phong nhật ký: #1234 · SHA-256:"),
        "{text}"
    );
    assert!(flat.contains("3f2a 9b1c 0d4e 7788 5566 aabb ccdd eeff"));
    assert!(flat.contains("0011 2233 4455 6677 8899 aabb ccdd eeff"));
    assert!(!flat.contains("#1240"));
    assert!(flat.contains("Không thiếu số nào."));
    assert!(flat.contains("Tháng 11/2026") && flat.contains("98.765.000 đ"));
}

#[test]
fn a_mid_day_report_says_so_and_why_the_day_cannot_close() {
    let _l = lang_lock();
    let r = open_report();
    let text = render_text(&office(), &r);
    assert_fits(&text);
    let flat = one_line(&text);
    assert!(flat.contains("CHƯA KHÓA SỔ — báo cáo giữa ngày"), "{text}");
    assert!(flat.contains("Chưa thể khóa sổ:"));
    assert!(
        flat.contains("Két của Phạm Văn Long chưa được đếm."),
        "{text}"
    );
    assert!(
        flat.contains("!! Thiếu biên nhận HD01 năm 2026: số 13"),
        "{text}"
    );
    // The head of the log now, not called a seal.
    assert!(
        flat.contains("Đầu nhật ký lúc lập báo cáo (chưa niêm phong): #1240"),
        "{text}"
    );
    assert!(!flat.contains("Dấu niêm phong nhật ký"));
    // The uncounted drawer says so instead of a number.
    let long_counted = text
        .lines()
        .skip_while(|l| !l.contains("Phạm Văn Long (gdv2)"))
        .find(|l| l.trim_start().starts_with("ĐÃ ĐẾM"))
        .unwrap();
    assert!(long_counted.ends_with("CHƯA ĐẾM"), "{long_counted}");
}

#[test]
fn the_printed_report_in_english() {
    let _l = lang_lock();
    let r = closed_report();
    let text = {
        let _en = English::on();
        render_text(&office(), &r)
    };
    assert_fits(&text);
    let flat = one_line(&text);
    for needle in [
        "DAILY PAYMENT REPORT 10/11/2026",
        "CLOSED at 10/11/2026 17:05 by Trần Văn Minh",
        "Prepared by",
        "Checked by",
        "Head of office",
        "*** VOIDED ***",
        "Audit log seal: #1234",
        "Xã Hải Dương, 10 November 2026",
        "Cash at the counter",
    ] {
        assert!(flat.contains(needle), "missing {needle:?} in\n{text}");
    }
    for vietnamese in ["Người lập biểu", "ĐÃ KHÓA SỔ", "ĐÃ HỦY", "Bằng chữ"] {
        assert!(
            !flat.contains(vietnamese),
            "{vietnamese:?} left in English\n{text}"
        );
    }
    // And back in Vietnamese for everyone else.
    assert!(render_text(&office(), &r).contains("Người lập biểu"));
}

#[test]
fn long_and_hostile_text_never_overflows_a_line_or_reaches_the_printer() {
    let _l = lang_lock();
    let mut f = closed_day();
    let huge = "Nguyễn".repeat(30);
    f.payments[0].person = huge.clone();
    f.payments[2].receipt_no = "HDXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX-2026-000013".into();
    f.staff.get_mut(&2).unwrap().full_name = format!("Lê Thị {huge}");
    f.reversals[0].reason = format!("Lý do dài {}", "rất dài ".repeat(40));
    f.payments[3].category = Some(huge.clone());
    let mut r = compute(&f);
    r.closed.as_mut().unwrap().seal.hash = "a".repeat(200);
    let mut o = office();
    o.name = format!("Bưu điện {huge}");
    o.paying_agency = huge.clone();
    let text = render_text(&o, &r);
    assert_fits(&text);
    assert!(one_line(&text).contains(&"rất dài ".repeat(40).trim_end().to_string()));

    let hostile = render_text(&office(), &hostile_report());
    assert_fits(&hostile);
    assert!(!hostile.contains('\x1b'), "ESC reached the printout");
    assert!(!hostile.chars().any(|c| c.is_control() && c != '\n'));
    assert!(!hostile.contains('\u{202E}'));
    assert!(
        hostile.contains("Lê Văn A\u{FFFD}[2J"),
        "the name is still shown, defused"
    );
}

fn csv_rows(report: &DayReport) -> (Vec<u8>, Vec<csv::StringRecord>) {
    let mut bytes = Vec::new();
    write_csv(report, &mut bytes).unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "UTF-8 BOM first");
    let mut rd = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(true)
        .from_reader(&bytes[3..]);
    let header = rd.headers().unwrap().clone();
    assert_eq!(header.iter().collect::<Vec<_>>(), COLUMNS.to_vec());
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert!(rows.iter().all(|r| r.len() == COLUMNS.len()));
    (bytes, rows)
}

fn col(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

fn sum(rows: &[csv::StringRecord], pick: impl Fn(&csv::StringRecord) -> bool, column: &str) -> i64 {
    rows.iter()
        .filter(|r| pick(r))
        .map(|r| {
            r[col(column)]
                .parse::<i64>()
                .unwrap_or_else(|e| panic!("{r:?}: {e}"))
        })
        .sum()
}

#[test]
fn the_csv_parses_back_and_its_amounts_add_up_to_the_reports_totals() {
    let _l = lang_lock();
    let r = closed_report();
    let (bytes, rows) = csv_rows(&r);
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "CRLF for Windows");
    let kind = |k: &'static str| move |row: &csv::StringRecord| &row[0] == k;
    let kind_muc = |k: &'static str, muc: &'static str| {
        move |row: &csv::StringRecord| &row[0] == k && &row[col("muc")] == muc
    };

    // One row per payment, in receipt order, amounts in whole đồng.
    let paid: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == "chi").collect();
    assert_eq!(paid.len(), r.payments.len());
    for (row, p) in paid.iter().zip(&r.payments) {
        assert_eq!(&row[col("so_bien_nhan")], p.receipt_no);
        assert_eq!(&row[col("nguoi_huong")], p.person);
        assert_eq!(&row[col("hinh_thuc")], p.method.code());
        assert_eq!(row[col("so_tien")].parse::<i64>().unwrap(), p.amount.dong());
        assert_eq!(&row[col("da_huy")], if p.voided { "1" } else { "0" });
        assert_eq!(&row[col("giao_dich_vien")], p.clerk);
    }
    assert_eq!(
        sum(&rows, kind("chi"), "so_tien"),
        r.totals.payments.amount.dong()
    );
    assert_eq!(
        sum(&rows, kind("huy"), "so_tien"),
        -r.totals.voids.amount.dong()
    );
    let ledger = |row: &csv::StringRecord| &row[0] == "chi" || &row[0] == "huy";
    assert_eq!(sum(&rows, ledger, "so_tien"), r.totals.net.dong());
    assert_eq!(
        sum(&rows, kind("hinh_thuc"), "so_tien"),
        r.totals.net.dong()
    );
    assert_eq!(sum(&rows, kind("dien"), "so_tien"), r.totals.net.dong());
    assert_eq!(
        sum(&rows, ledger, "so_mon"),
        sum(&rows, kind("hinh_thuc"), "so_mon")
    );
    assert_eq!(
        sum(&rows, kind_muc("tong", "thuc_chi"), "so_tien"),
        r.totals.net.dong()
    );
    assert_eq!(
        sum(&rows, kind_muc("tong", "chenh_lech"), "so_tien"),
        -11_000
    );
    assert_eq!(
        sum(&rows, kind_muc("tong", "tien_mat_phai_co"), "so_tien"),
        r.totals.cash_expected.dong()
    );

    // The void of yesterday's payment, with its reason and approver.
    let void = rows
        .iter()
        .find(|row| &row[0] == "huy" && &row[col("so_bien_nhan")] == "HD-2026-000007")
        .unwrap();
    assert_eq!(&void[col("so_tien")], "-500000");
    assert_eq!(&void[col("thoi_gian")], "2026-11-09");
    assert_eq!(&void[col("nguoi_duyet")], "Trần Văn Minh");
    assert_eq!(&void[col("ghi_chu")], "Chi nhầm người");

    // Hoa's drawer: the count by denomination adds up to what she counted.
    let hoa = |row: &csv::StringRecord| &row[0] == "gdv" && &row[col("khoa")] == "gdv1";
    let notes = |row: &csv::StringRecord| hoa(row) && row[col("muc")].starts_with("to_");
    assert_eq!(sum(&rows, notes, "so_tien"), 2_700_000);
    let diff = rows
        .iter()
        .find(|row| hoa(row) && &row[col("muc")] == "chenh_lech")
        .unwrap();
    assert_eq!(&diff[col("so_tien")], "-11000");
    assert_eq!(
        &diff[col("ghi_chu")],
        "Thiếu 11.000 đ, đã báo trưởng bưu cục"
    );
    let per_clerk_paid = |row: &csv::StringRecord| &row[0] == "gdv" && &row[col("muc")] == "chi";
    assert_eq!(
        sum(&rows, per_clerk_paid, "so_tien"),
        r.totals.payments.amount.dong()
    );

    // The seal and the status.
    let seal = rows.iter().find(|row| &row[0] == "niem_phong").unwrap();
    assert_eq!(
        (&seal[col("muc")], &seal[col("khoa")], &seal[col("ghi_chu")]),
        ("khoa_so", "1234", HASH)
    );
    assert_eq!(&rows[0][col("ghi_chu")], "da_khoa_so");
    let unpaid = rows.iter().find(|row| &row[0] == "chua_nhan").unwrap();
    assert_eq!(
        (
            &unpaid[col("khoa")],
            &unpaid[col("so_mon")],
            &unpaid[col("so_tien")]
        ),
        ("2026-11", "37", "98765000")
    );
}

#[test]
fn the_csv_of_an_open_day_lists_what_blocks_the_close() {
    let _l = lang_lock();
    let (_, rows) = csv_rows(&open_report());
    assert_eq!(&rows[0][col("ghi_chu")], "chua_khoa_so");
    let blocker = rows.iter().find(|row| &row[0] == "chan_khoa").unwrap();
    assert_eq!(
        (&blocker[col("muc")], &blocker[col("giao_dich_vien")]),
        ("chua_dem", "Phạm Văn Long")
    );
    let gap = rows
        .iter()
        .find(|row| &row[0] == "thieu_bien_nhan")
        .unwrap();
    assert_eq!(
        (&gap[col("khoa")], &gap[col("muc")], &gap[col("ghi_chu")]),
        ("HD01", "2026", "13-13")
    );
    let head = rows.iter().find(|row| &row[0] == "niem_phong").unwrap();
    assert_eq!(
        (&head[col("muc")], &head[col("khoa")]),
        ("dau_nhat_ky", "1240")
    );
}

#[test]
fn the_csv_defuses_control_characters_and_formulas() {
    let _l = lang_lock();
    let mut f = closed_day();
    f.payments[2].person = "=HYPERLINK(\"http://x\";\"Bấm\")".into();
    let mut r = compute(&f);
    let (bytes, rows) = csv_rows(&r);
    let person = rows
        .iter()
        .find(|row| &row[col("so_bien_nhan")] == "HD-2026-000013")
        .unwrap();
    assert_eq!(
        &person[col("nguoi_huong")],
        "'=HYPERLINK(\"http://x\";\"Bấm\")"
    );
    assert!(String::from_utf8(bytes).is_ok());

    r = hostile_report();
    let (bytes, rows) = csv_rows(&r);
    assert!(!bytes.contains(&0x1b), "ESC reached the CSV");
    assert!(!bytes.contains(&0x07));
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains('\u{202E}'));
    // Only the CRLF row ends are line breaks: the reason's "\r\n" is defused.
    assert_eq!(text.matches('\n').count(), rows.len() + 1);
    assert!(
        rows.iter()
            .any(|row| row[col("nguoi_huong")].starts_with("Lê Văn A\u{FFFD}[2J"))
    );
}

fn read_sheet(path: &std::path::Path) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    assert_eq!(book.sheet_names(), vec!["Báo cáo ngày".to_string()]);
    let range = book.worksheet_range("Báo cáo ngày").unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn strings(rows: &[Vec<Data>]) -> Vec<String> {
    rows.iter()
        .flatten()
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// The numbers on the row whose some cell is exactly `label`.
fn numbers_by(rows: &[Vec<Data>], label: &str) -> Vec<f64> {
    let row = rows
        .iter()
        .find(|r| r.iter().any(|c| matches!(c, Data::String(s) if s == label)))
        .unwrap_or_else(|| panic!("no row {label:?}"));
    row.iter()
        .filter_map(|c| match c {
            Data::Float(f) => Some(*f),
            Data::Int(i) => Some(*i as f64),
            _ => None,
        })
        .collect()
}

#[test]
fn the_xlsx_reads_back_with_the_heading_the_date_the_totals_and_the_signatures() {
    let _l = lang_lock();
    let r = closed_report();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bao-cao-2026-11-10.xlsx");
    write_xlsx(&office(), &r, &path).unwrap();
    assert_eq!(day_xlsx::sheet_name(), "Báo cáo ngày");
    let rows = read_sheet(&path);
    let cells = strings(&rows);
    let has = |s: &str| cells.iter().any(|c| c == s);
    for exact in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BƯU ĐIỆN THÀNH PHỐ HUẾ",
        "BƯU ĐIỆN VĂN HÓA XÃ HẢI DƯƠNG",
        "BÁO CÁO CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG",
        "Xã Hải Dương, ngày 10 tháng 11 năm 2026",
        "ĐÃ KHÓA SỔ lúc 10/11/2026 17:05 bởi Trần Văn Minh",
        "Người lập biểu",
        "Kiểm soát",
        "Trưởng bưu cục",
        "ĐÃ HỦY",
    ] {
        assert!(has(exact), "no cell {exact:?} in {cells:#?}");
    }
    assert_eq!(
        cells.iter().filter(|c| *c == "(Ký, ghi rõ họ tên)").count(),
        3
    );
    assert!(has(&format!("Bằng chữ: {}", in_words(r.totals.net.dong()))));
    assert!(
        cells
            .iter()
            .any(|c| c.starts_with("Dấu niêm phong nhật ký: #1234 · SHA-256: 3f2a 9b1c"))
    );

    // Amounts are numbers, the report's.
    assert_eq!(
        numbers_by(&rows, "TỔNG SỐ TIỀN THỰC CHI TRONG NGÀY"),
        vec![r.totals.net.dong() as f64]
    );
    assert_eq!(
        numbers_by(&rows, "THỰC CHI"),
        vec![r.totals.net.dong() as f64]
    );
    assert_eq!(
        numbers_by(&rows, "Tổng chi trả trong ngày"),
        vec![
            r.totals.payments.count as f64,
            r.totals.payments.amount.dong() as f64
        ]
    );
    let bank = r.totals.by_method[&PayMethod::Bank];
    assert_eq!(
        numbers_by(&rows, "Chuyển khoản ngân hàng")[1..],
        [bank.count as f64, bank.amount.dong() as f64]
    );
    assert_eq!(
        numbers_by(&rows, "Chênh lệch (các két đã đếm)")[1..],
        [-11_000.0]
    );
    assert_eq!(numbers_by(&rows, "Chi nhầm người")[1..], [500_000.0]);
    // Hoa's overview row: paid, expected, counted, difference.
    let hoa = r.clerks.iter().find(|c| c.name == "gdv1").unwrap();
    assert_eq!(
        numbers_by(&rows, "Lê Thị Hoa (gdv1)")[1..],
        [
            hoa.payments.count as f64,
            hoa.payments.amount.dong() as f64,
            hoa.expected.dong() as f64,
            2_700_000.0,
            -11_000.0
        ]
    );
    // Every payment is listed with its amount.
    for p in &r.payments {
        assert_eq!(
            numbers_by(&rows, &p.receipt_no)[1..],
            [p.amount.dong() as f64],
            "{}",
            p.receipt_no
        );
    }
}

#[test]
fn the_xlsx_is_the_same_bytes_every_time() {
    let _l = lang_lock();
    let r = closed_report();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    write_xlsx(&office(), &r, &a).unwrap();
    // Past a second boundary, so a clock in the file would show.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    write_xlsx(&office(), &r, &b).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn the_xlsx_of_an_open_day_and_of_hostile_names() {
    let _l = lang_lock();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("open.xlsx");
    write_xlsx(&office(), &open_report(), &path).unwrap();
    let cells = strings(&read_sheet(&path));
    for exact in [
        "CHƯA KHÓA SỔ — báo cáo giữa ngày",
        "Chưa thể khóa sổ:",
        "- Két của Phạm Văn Long chưa được đếm.",
        "Thiếu biên nhận HD01 năm 2026: số 13",
    ] {
        assert!(
            cells.iter().any(|c| c == exact),
            "no cell {exact:?} in {cells:#?}"
        );
    }

    let path = dir.path().join("hostile.xlsx");
    write_xlsx(&office(), &hostile_report(), &path).unwrap();
    let cells = strings(&read_sheet(&path));
    assert!(
        cells.iter().any(|c| c.starts_with("Lê Văn A\u{FFFD}[2J")),
        "{cells:#?}"
    );
    for c in &cells {
        assert!(!c.contains('\x1b'), "ESC reached the sheet: {c:?}");
        assert!(!c.chars().any(char::is_control), "{c:?}");
        assert!(!c.contains('\u{202E}'), "{c:?}");
    }

    let mut bad = closed_report();
    bad.day = "10/11/2026".into();
    assert!(write_xlsx(&office(), &bad, &dir.path().join("bad.xlsx")).is_err());
}
