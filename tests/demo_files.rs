//! The demo office's sample files, read back the way an importer would:
//! the xlsx with calamine, the CSVs with the csv crate. They must be
//! deterministic, carry the real files' shape (BOM and ";", merged two-row
//! header, hamlet subtotals, a total row that equals the sum) and hold
//! valid, unique record codes and ID numbers even at a million rows.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chitra::demo::{
    CSV_HEADER, DemoPerson, Gender, ListHeading, century_gender_digit, office_people,
    write_bulk_csv, write_monthly_csv, write_monthly_xlsx,
};
use chitra::domain::EntitlementKind;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// "2.789.000" → 2789000, "-1.394.500" → -1394500, "" or "-" → 0.
fn parse_dong(s: &str) -> i64 {
    let s = s.trim();
    if s.is_empty() || s == "-" {
        return 0;
    }
    let digits: String = s.chars().filter(|c| *c != '.').collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("not an amount: {s:?}"))
}

fn read_csv(path: &Path, delimiter: u8) -> (Vec<u8>, Vec<csv::StringRecord>) {
    let bytes = std::fs::read(path).unwrap();
    let body = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(body);
    let rows = r.records().map(|r| r.unwrap()).collect();
    (bytes, rows)
}

fn col(name: &str) -> usize {
    CSV_HEADER.iter().position(|h| *h == name).unwrap()
}

/// Checks a CCCD against the birth year and gender it was issued for.
fn assert_cccd(id: &str, birth_year: i32, gender: Gender) {
    assert_eq!(id.len(), 12, "{id}");
    assert!(id.bytes().all(|b| b.is_ascii_digit()), "{id}");
    assert_eq!(&id[..3], "046", "province code of {id}");
    let expected = match (birth_year / 100, gender) {
        (19, Gender::Nam) => b'0',
        (19, Gender::Nu) => b'1',
        (20, Gender::Nam) => b'2',
        (20, Gender::Nu) => b'3',
        other => panic!("unexpected birth year {other:?}"),
    };
    assert_eq!(
        id.as_bytes()[3],
        expected,
        "century/gender digit of {id} ({birth_year}, {gender:?})"
    );
    assert_eq!(
        id.as_bytes()[3],
        b'0' + century_gender_digit(birth_year, gender)
    );
    assert_eq!(
        &id[4..6],
        format!("{:02}", birth_year % 100),
        "year digits of {id}"
    );
}

#[test]
fn every_cccd_has_province_046_and_the_right_century_digit() {
    let people = office_people(77, 20_000);
    let mut cccd = 0;
    let mut born_2000s = 0;
    for p in &people {
        if let Some(id) = p.id_number.as_deref().filter(|id| id.len() == 12) {
            assert_cccd(id, p.birth_year, p.gender);
            cccd += 1;
            born_2000s += usize::from(p.birth_year >= 2000);
        }
    }
    assert!(cccd > 17_000, "most people have a CCCD ({cccd})");
    assert!(born_2000s > 0, "the 2000s century digits are exercised");
}

#[test]
fn monthly_csv_is_deterministic_with_bom_semicolons_and_right_totals() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    let people = office_people(2026, 300);
    write_monthly_csv(&a, (2026, 11), &people, b';', true).unwrap();
    write_monthly_csv(&b, (2026, 11), &office_people(2026, 300), b';', true).unwrap();
    let (bytes, rows) = read_csv(&a, b';');
    assert_eq!(
        bytes,
        std::fs::read(&b).unwrap(),
        "same seed, byte-identical CSV"
    );
    assert!(bytes.starts_with(BOM));
    let first_line = std::str::from_utf8(&bytes[3..])
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert_eq!(first_line, CSV_HEADER.join(";"));
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "Windows line ends");

    assert_eq!(rows.len(), people.len() + 1);
    assert_eq!(rows[0].iter().collect::<Vec<_>>(), CSV_HEADER);
    for (row, p) in rows[1..].iter().zip(&people) {
        assert_eq!(&row[col("Mã đối tượng")], p.record_code);
        assert_eq!(&row[col("Họ và tên")], p.full_name);
        assert_eq!(
            &row[col("Số CCCD/CMND")],
            p.id_number.as_deref().unwrap_or("")
        );
        assert_eq!(&row[col("Kỳ chi trả")], "11/2026");
        let parts: i64 = [
            "Trợ cấp",
            "Phụ cấp",
            "Truy lĩnh",
            "Mai táng phí",
            "Truy thu",
        ]
        .iter()
        .map(|h| parse_dong(&row[col(h)]))
        .sum();
        assert_eq!(parse_dong(&row[col("Tổng cộng")]), p.total());
        assert_eq!(parts, p.total(), "{}", p.record_code);
    }
    let tro_cap = &rows[1][col("Trợ cấp")];
    assert!(
        tro_cap.contains('.'),
        "amounts written as 2.789.000, got {tro_cap}"
    );

    // Another seed gives another file; "," without BOM is also available.
    let c = dir.path().join("c.csv");
    write_monthly_csv(&c, (2026, 11), &office_people(9, 300), b',', false).unwrap();
    let (other, rows) = read_csv(&c, b',');
    assert!(!other.starts_with(BOM));
    assert_eq!(rows[0].len(), CSV_HEADER.len());
    assert_ne!(other, bytes);
    assert!(write_monthly_csv(&c, (2026, 13), &people, b';', true).is_err());
}

/// Streams `n` rows and checks uniqueness, ID structure and the total.
fn check_bulk(n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulk.csv");
    let total = write_bulk_csv(&path, n, 42).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(BOM));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_HEADER
    );
    let mut codes = HashSet::with_capacity(n);
    let mut ids = HashSet::with_capacity(n);
    let (mut rows, mut sum) = (0usize, 0i64);
    let (code, id, year, gender, row_total) = (
        col("Mã đối tượng"),
        col("Số CCCD/CMND"),
        col("Năm sinh"),
        col("Giới tính"),
        col("Tổng cộng"),
    );
    for record in reader.records() {
        let r = record.unwrap();
        rows += 1;
        assert!(
            codes.insert(r[code].to_string()),
            "duplicate record code {}",
            &r[code]
        );
        let id_number = &r[id];
        if !id_number.is_empty() {
            assert!(
                ids.insert(id_number.to_string()),
                "duplicate ID {id_number}"
            );
            if id_number.len() == 12 {
                let g = if &r[gender] == "Nam" {
                    Gender::Nam
                } else {
                    Gender::Nu
                };
                assert_cccd(id_number, r[year].parse().unwrap(), g);
            } else {
                assert!(
                    id_number.len() == 9 && id_number.starts_with("19"),
                    "{id_number}"
                );
            }
        }
        sum += parse_dong(&r[row_total]);
    }
    assert_eq!(rows, n);
    assert!(ids.len() * 100 > n * 95, "about 97% have an ID number");
    assert_eq!(
        total,
        u64::try_from(sum).unwrap(),
        "returned total is the file's total"
    );

    // The stream is the same people as office_people, and deterministic.
    let again = dir.path().join("again.csv");
    write_bulk_csv(&again, 500, 42).unwrap();
    let head: Vec<&[u8]> = bytes.split(|b| *b == b'\n').take(501).collect();
    let again_bytes = std::fs::read(&again).unwrap();
    let again_head: Vec<&[u8]> = again_bytes.split(|b| *b == b'\n').take(501).collect();
    assert_eq!(head, again_head);
}

#[test]
fn bulk_csv_100k_unique_codes_and_ids() {
    check_bulk(100_000);
}

#[test]
#[ignore = "a million rows; run with --ignored (about 15 s in a debug build)"]
fn bulk_csv_1m_unique_codes_and_ids() {
    check_bulk(1_000_000);
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => format!("{f}"),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => panic!("unexpected cell {other:?} at ({row},{col})"),
    }
}

/// An amount cell: a number, a text like "2.789.000", blank or "-".
fn amount(range: &calamine::Range<Data>, row: u32, col: u32) -> (i64, bool) {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => {
            assert_eq!(f.fract(), 0.0);
            (*f as i64, false)
        }
        Some(Data::Int(i)) => (*i, false),
        Some(Data::String(s)) => (parse_dong(s), s.contains('.')),
        Some(Data::Empty) | None => (0, false),
        Some(other) => panic!("unexpected amount {other:?} at ({row},{col})"),
    }
}

#[test]
fn monthly_xlsx_has_the_real_shape_and_totals_that_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danh-sach-11-2026.xlsx");
    let people = office_people(2026, 300);
    write_monthly_xlsx(&path, &ListHeading::demo(), (2026, 11), &people).unwrap();

    let again = dir.path().join("again.xlsx");
    write_monthly_xlsx(
        &again,
        &ListHeading::demo(),
        (2026, 11),
        &office_people(2026, 300),
    )
    .unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(&again).unwrap(),
        "byte-identical xlsx"
    );

    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let merges = book.merge_cells_by_sheet_name(&sheet).unwrap();
    let merged = |r0: u32, c0: u32, r1: u32, c1: u32| {
        merges
            .iter()
            .any(|d| d.start == (r0, c0) && d.end == (r1, c1))
    };

    // Title block.
    assert_eq!(cell(&range, 0, 0), "UBND XÃ HẢI DƯƠNG");
    assert_eq!(cell(&range, 1, 0), "PHÒNG VĂN HÓA - XÃ HỘI");
    assert_eq!(cell(&range, 0, 8), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(cell(&range, 1, 8), "Độc lập - Tự do - Hạnh phúc");
    assert_eq!(
        cell(&range, 3, 0),
        "DANH SÁCH CHI TRẢ TRỢ CẤP, PHỤ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG"
    );
    assert_eq!(cell(&range, 4, 0), "Tháng 11 năm 2026");

    // Two-row header with merged cells, then the column numbers.
    let left = [
        "STT",
        "Mã đối tượng",
        "Họ và tên",
        "Năm sinh",
        "Giới tính",
        "Số CCCD/CMND",
        "Thôn",
        "Loại đối tượng",
    ];
    for (c, label) in left.iter().enumerate() {
        assert_eq!(cell(&range, 7, c as u32), *label);
        assert!(
            merged(7, c as u32, 8, c as u32),
            "{label} merged over two rows"
        );
    }
    assert_eq!(cell(&range, 7, 8), "Số tiền (đồng)");
    assert!(
        merged(7, 8, 7, 13),
        "Số tiền (đồng) spans the amount columns"
    );
    let second: Vec<String> = (8..=13).map(|c| cell(&range, 8, c)).collect();
    assert_eq!(
        second,
        [
            "Trợ cấp",
            "Phụ cấp",
            "Truy lĩnh",
            "Mai táng phí",
            "Truy thu",
            "Tổng cộng"
        ]
    );
    assert_eq!(cell(&range, 7, 14), "Ký nhận");
    assert!(merged(7, 14, 8, 14));
    let numbering: Vec<String> = (0..=14).map(|c| cell(&range, 9, c)).collect();
    assert_eq!(
        numbering,
        (1..=15).map(|i| i.to_string()).collect::<Vec<_>>()
    );

    // Body: hamlet headings, people, "Cộng thôn" subtotals, "Tổng cộng".
    let by_code: HashMap<&str, &DemoPerson> =
        people.iter().map(|p| (p.record_code.as_str(), p)).collect();
    let mut seen = HashSet::new();
    let mut group: Option<String> = None;
    let mut group_sums = [0i64; 6];
    let mut grand = [0i64; 6];
    let mut subtotals = 0;
    let (mut text_amounts, mut number_ids, mut dashes) = (0, 0, 0);
    let mut row = 10;
    loop {
        let first = cell(&range, row, 0);
        let second = cell(&range, row, 1);
        if first == "Tổng cộng" {
            assert!(group.is_none(), "total after the last subtotal");
            assert!(merged(row, 0, row, 7));
            for (i, expected) in grand.iter().enumerate() {
                assert_eq!(
                    amount(&range, row, 8 + i as u32).0,
                    *expected,
                    "grand total column {i}"
                );
            }
            break;
        }
        if let Some(hamlet) = second.strip_prefix("Thôn ") {
            assert!(group.is_none(), "heading {second} inside another group");
            assert!(merged(row, 1, row, 7));
            group = Some(hamlet.to_string());
            group_sums = [0; 6];
        } else if let Some(hamlet) = second.strip_prefix("Cộng thôn ") {
            assert_eq!(group.as_deref(), Some(hamlet));
            for (i, expected) in group_sums.iter().enumerate() {
                assert_eq!(
                    amount(&range, row, 8 + i as u32).0,
                    *expected,
                    "subtotal {hamlet} column {i}"
                );
                grand[i] += expected;
            }
            group = None;
            subtotals += 1;
        } else {
            let p = by_code
                .get(second.as_str())
                .unwrap_or_else(|| panic!("row {row}: {second:?}"));
            assert!(seen.insert(second.clone()), "{second} twice");
            assert_eq!(Some(p.hamlet), group.as_deref());
            assert_eq!(cell(&range, row, 2), p.full_name);
            assert_eq!(cell(&range, row, 3), p.birth_year.to_string());
            let id = cell(&range, row, 5);
            match range.get_value((row, 5)) {
                Some(Data::Float(_)) => {
                    number_ids += 1;
                    let expected = p.id_number.as_deref().unwrap().trim_start_matches('0');
                    assert_eq!(id, expected, "number cell loses the leading zero");
                }
                _ => assert_eq!(id, p.id_number.clone().unwrap_or_default()),
            }
            let kinds = [
                EntitlementKind::TroCap,
                EntitlementKind::PhuCap,
                EntitlementKind::TruyLinh,
                EntitlementKind::MaiTang,
                EntitlementKind::TruyThu,
            ];
            let mut values = kinds.map(|k| p.amount(k)).to_vec();
            values.push(p.total());
            for (i, expected) in values.iter().enumerate() {
                let (got, was_text) = amount(&range, row, 8 + i as u32);
                assert_eq!(got, *expected, "{second} column {i}");
                text_amounts += usize::from(was_text);
                dashes += usize::from(cell(&range, row, 8 + i as u32) == "-");
                group_sums[i] += got;
            }
        }
        row += 1;
        assert!(row < 1000, "no Tổng cộng row found");
    }
    assert_eq!(seen.len(), people.len(), "every person listed once");
    let hamlets: HashSet<&str> = people.iter().map(|p| p.hamlet).collect();
    assert_eq!(subtotals, hamlets.len());
    assert_eq!(grand[5], people.iter().map(DemoPerson::total).sum::<i64>());
    assert!(
        text_amounts > 0 && number_ids > 0 && dashes > 0,
        "{text_amounts} {number_ids} {dashes}"
    );

    // Signature block below the table.
    let below: Vec<String> = (row + 1..row + 15)
        .flat_map(|r| (0..=14).map(move |c| (r, c)))
        .map(|(r, c)| cell(&range, r, c))
        .filter(|s| !s.is_empty())
        .collect();
    for expected in [
        "Người lập biểu",
        "Kế toán",
        "Trưởng phòng",
        "Hải Dương, ngày 25 tháng 10 năm 2026",
    ] {
        assert!(
            below.iter().any(|s| s == expected),
            "{expected} missing from {below:?}"
        );
    }
}
