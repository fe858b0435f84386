//! Importing lists: good files commit whole, bad files change nothing and
//! say what is wrong, where (file, row, column) — through the service and
//! through `chitra import` with its exit codes and JSON.

use crate::common;

use chitra::service::Error;
use chitra::service::import::{ImportError, ImportOptions, ListKind};
use common::*;

/// Counts that must not move when an import is refused.
fn fingerprint(office: &Office) -> (i64, i64, i64, i64) {
    let svc = office.service();
    let c = svc.store().conn();
    let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    (
        n("SELECT count(*) FROM people"),
        n("SELECT count(*) FROM entitlements"),
        n("SELECT count(*) FROM import_batches"),
        // Signing in is audited too; only rows about the data count here.
        n("SELECT count(*) FROM audit_log WHERE action NOT LIKE 'user.%'"),
    )
}

fn chitra(office: &Office, args: &[&str]) -> (i32, String, String) {
    let out = common::chitra(office, SUPERVISOR, args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn import_json(
    office: &Office,
    name: &str,
    bytes: &[u8],
    extra: &[&str],
) -> (i32, serde_json::Value) {
    let path = office.write_file(name, bytes);
    let mut args = vec!["import", path.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let (code, out, err) = chitra(office, &args);
    let json =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}\n{err}"));
    (code, json)
}

fn reasons(json: &serde_json::Value) -> Vec<(u64, String, String)> {
    json["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["row"].as_u64().unwrap(),
                r["column"].as_str().unwrap_or("").to_string(),
                r["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_good_list_commits_with_its_counts_and_totals() {
    let office = Office::new();
    let (code, json) = import_json(&office, "t11.csv", csv("2026-11", &three()).as_bytes(), &[]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["committed"], true);
    assert_eq!(json["rows"], 3);
    assert_eq!(json["people"], 3);
    assert_eq!(json["period"], "2026-11");
    assert_eq!(json["kind"], "monthly");
    assert_eq!(
        json["total_dong"],
        2_789_000 + 2_789_000 + 1_394_500 + 3_120_000
    );
    assert_eq!(json["rejected"].as_array().unwrap().len(), 0);
    assert_eq!(fingerprint(&office).0, 3);
}

#[test]
fn the_period_is_read_from_the_title_when_not_given() {
    let office = Office::new();
    let path = office.write_file("t11.csv", csv("2026-11", &three()).as_bytes());
    let (code, out, err) = chitra(&office, &["import", path.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("\"period\": \"2026-11\""), "{out}");
}

#[test]
fn a_dry_run_shows_the_preview_and_changes_nothing() {
    let office = Office::new();
    let before = fingerprint(&office);
    let (code, json) = import_json(
        &office,
        "t11.csv",
        csv("2026-11", &three()).as_bytes(),
        &["--dry-run"],
    );
    assert_eq!(code, 0);
    assert_eq!(json["committed"], false);
    assert_eq!(json["people"], 3);
    assert_eq!(fingerprint(&office), before);
}

#[test]
fn the_same_file_twice_is_refused() {
    let office = Office::new();
    let bytes = csv("2026-11", &three());
    assert_eq!(import_json(&office, "a.csv", bytes.as_bytes(), &[]).0, 0);
    let before = fingerprint(&office);
    let (code, json) = import_json(&office, "copy-of-a.csv", bytes.as_bytes(), &[]);
    assert_eq!(code, 2);
    let why = &reasons(&json)[0].2;
    assert!(
        why.contains("đã được nhập") && why.contains("a.csv"),
        "{why}"
    );
    // The period as the screens write it.
    assert!(
        why.contains("kỳ 11/2026") && !why.contains("2026-11"),
        "{why}"
    );
    assert_eq!(fingerprint(&office), before);
}

#[test]
fn a_second_monthly_list_for_the_same_period_is_refused() {
    let office = Office::new();
    assert_eq!(
        import_json(&office, "a.csv", csv("2026-11", &three()).as_bytes(), &[]).0,
        0
    );
    let mut other = three();
    other[0].tro_cap = 3_000_000;
    let (code, json) = import_json(&office, "b.csv", csv("2026-11", &other).as_bytes(), &[]);
    assert_eq!(code, 2);
    assert!(
        reasons(&json)[0]
            .2
            .contains("đã có danh sách chi hằng tháng"),
        "{json}"
    );
}

/// Imports `bytes`, expects a refusal that changes nothing, and returns the
/// rejections (row, column, reason).
fn refused(office: &Office, name: &str, bytes: &[u8]) -> Vec<(u64, String, String)> {
    let before = fingerprint(office);
    let (code, json) = import_json(office, name, bytes, &["--period", "2026-11"]);
    assert_eq!(code, 2, "{json}");
    assert_eq!(json["committed"], false);
    assert_eq!(
        fingerprint(office),
        before,
        "a refused list changed the database"
    );
    reasons(&json)
}

#[test]
fn a_bad_cccd_is_refused_naming_row_and_column() {
    let office = Office::new();
    let mut rows = three();
    rows[1].id = "999152004321";
    let r = refused(&office, "bad-id.csv", csv("2026-11", &rows).as_bytes());
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, 5, "title, blank, header, then the second person");
    assert!(r[0].1.starts_with("E (Số CCCD/CMND)"), "{r:?}");
    assert!(r[0].2.contains("999"), "{r:?}");
}

#[test]
fn a_cccd_whose_century_disagrees_with_the_birth_year_is_refused() {
    let office = Office::new();
    let mut rows = three();
    rows[0].id = "046248001234"; // 4th digit 2: born in the 2000s, not 1948
    let r = refused(&office, "century.csv", csv("2026-11", &rows).as_bytes());
    assert_eq!(r[0].0, 4);
}

#[test]
fn a_bad_amount_is_refused() {
    let office = Office::new();
    let text = csv("2026-11", &three()).replace("3.120.000;0;3.120.000", "3.120.000,5;0;3.120.000");
    let r = refused(&office, "fraction.csv", text.as_bytes());
    assert!(
        r.iter().any(|(row, col, why)| *row == 6
            && col.starts_with("H (Trợ cấp)")
            && why.contains("lẻ")),
        "{r:?}"
    );
    let text = csv("2026-11", &three()).replace("3.120.000;0;3.120.000", "3.12O.000;0;3.120.000");
    let r = refused(&office, "letter.csv", text.as_bytes());
    assert!(r.iter().any(|(row, _, _)| *row == 6), "{r:?}");
}

#[test]
fn a_negative_amount_outside_the_deduction_column_is_refused() {
    let office = Office::new();
    let text = csv("2026-11", &three()).replace("3.120.000;0;3.120.000", "-3.120.000;0;-3.120.000");
    let r = refused(&office, "negative.csv", text.as_bytes());
    assert!(r.iter().any(|(_, _, why)| why.contains("âm")), "{r:?}");
}

#[test]
fn the_same_person_twice_is_refused() {
    let office = Office::new();
    let mut rows = three();
    rows[2].id = rows[0].id;
    rows[2].year = rows[0].year;
    let r = refused(&office, "dup.csv", csv("2026-11", &rows).as_bytes());
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].2.contains("dòng 4"), "{r:?}");
}

#[test]
fn a_file_that_fails_on_its_last_row_changes_nothing() {
    let office = Office::new();
    let mut rows: Vec<Row> = Vec::new();
    let ids: Vec<String> = (0..200).map(|i| format!("0460480{i:05}")).collect();
    let codes: Vec<String> = (0..200).map(|i| format!("HD-{i:05}")).collect();
    for i in 0..200 {
        rows.push(Row {
            code: &codes[i],
            name: "Nguyễn Văn An",
            year: 1948,
            id: &ids[i],
            hamlet: "Thôn Đông",
            tro_cap: 2_789_000,
            phu_cap: 0,
        });
    }
    rows[199].id = "04604800001"; // 11 digits
    let r = refused(&office, "last-row.csv", csv("2026-11", &rows).as_bytes());
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, 3 + 200);
    assert_eq!(
        fingerprint(&office).0,
        0,
        "not one of the 199 good rows was kept"
    );
}

#[test]
fn a_total_row_that_does_not_add_up_is_refused() {
    let office = Office::new();
    let mut text = csv("2026-11", &three());
    text.push_str(";;Tổng cộng;;;;;8.698.000;1.394.500;10.092.501\n");
    let r = refused(&office, "total.csv", text.as_bytes());
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(
        r[0].1.starts_with("J (Tổng cộng)") && r[0].2.contains("10.092.501"),
        "{r:?}"
    );
    // The right total is accepted.
    let ok = text.replace("10.092.501", "10.092.500");
    assert_eq!(
        import_json(
            &office,
            "total-ok.csv",
            ok.as_bytes(),
            &["--period", "2026-11"]
        )
        .0,
        0
    );
}

#[test]
fn a_list_without_an_amount_column_is_refused_as_a_whole() {
    let office = Office::new();
    let text =
        "STT;Mã đối tượng;Họ và tên;Năm sinh;Số CCCD\n1;HD-1;Nguyễn Văn An;1948;046048001234\n";
    let r = refused(&office, "no-amount.csv", text.as_bytes());
    assert_eq!(r[0].0, 0);
    assert!(
        r[0].2.to_lowercase().contains("số tiền") || r[0].2.contains("Trợ cấp"),
        "{r:?}"
    );
}

#[test]
fn a_file_that_is_not_a_list_is_refused() {
    let office = Office::new();
    let r = refused(
        &office,
        "scan.pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x01\x02",
    );
    assert!(r[0].2.contains("scan.pdf"), "{r:?}");
}

#[test]
fn a_control_character_in_a_name_is_refused() {
    let office = Office::new();
    let text = csv("2026-11", &three()).replace("Lê Văn Cúc", "Lê Văn\u{1b}[2J Cúc");
    let r = refused(&office, "escape.csv", text.as_bytes());
    assert_eq!(r[0].0, 6);
    assert!(r[0].1.starts_with("C (Họ và tên)"), "{r:?}");
    assert!(!r[0].2.contains('\u{1b}'));
    assert_eq!(
        r.len(),
        1,
        "refused for its character, not also missing: {r:?}"
    );
}

#[test]
fn a_stray_quote_that_joins_two_rows_is_refused_naming_the_row() {
    let office = Office::new();
    // The quote opened in the second person's name closes in the third's:
    // a CSV reader makes the two rows one, the name holding the line
    // break, separators and digits of the rows it swallowed.
    let text = csv("2026-11", &three())
        .replace("Trần Thị Bình", "\"Trần Thị Bình")
        .replace("Lê Văn Cúc", "Lê \"Văn\" Cúc");
    let r = refused(&office, "quote.csv", text.as_bytes());
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, 5, "{r:?}");
    assert!(r[0].1.starts_with("C (Họ và tên)"), "{r:?}");
    assert!(
        r[0].2.contains("xuống dòng") && r[0].2.contains("Hãy"),
        "{r:?}"
    );

    // Cells run together without a line break: digits and ';' in a name.
    let text = csv("2026-11", &three()).replace("Lê Văn Cúc", "\"Lê Văn Cúc;1960\"");
    let r = refused(&office, "semicolon.csv", text.as_bytes());
    assert!(
        r.iter().any(|(row, col, why)| *row == 6
            && col.starts_with("C (Họ và tên)")
            && why.contains("\";\"")),
        "{r:?}"
    );
    // Real names pass: diacritics, '-', '.', apostrophes.
    let mut rows = three();
    rows[0].name = "Nguyễn Thị Thu-Hà";
    rows[1].name = "H'Hen Niê";
    rows[2].name = "Lê Văn A. Cúc";
    let (code, json) = import_json(
        &office,
        "names.csv",
        csv("2026-11", &rows).as_bytes(),
        &["--period", "2026-11", "--dry-run"],
    );
    assert_eq!(code, 0, "{json}");
}

#[test]
fn bytes_that_are_not_utf8_in_a_utf8_file_are_refused() {
    let office = Office::new();
    let mut bytes = csv("2026-11", &three()).into_bytes();
    let at = bytes.len() - 5;
    bytes.splice(at..at, [0xff, 0xfe, 0xfd]);
    let before = fingerprint(&office);
    let (code, _json) = import_json(&office, "broken.csv", &bytes, &["--period", "2026-11"]);
    assert_eq!(code, 2);
    assert_eq!(fingerprint(&office), before);
}

#[test]
fn a_closed_period_takes_no_list() {
    let office = Office::new();
    assert_eq!(
        import_json(&office, "a.csv", csv("2026-10", &three()).as_bytes(), &[]).0,
        0
    );
    office
        .service()
        .store()
        .conn()
        .execute("UPDATE periods SET status = 'closed', closed_at = '2026-11-05T10:00:00+07:00' WHERE period = '2026-10'", [])
        .unwrap();
    let mut rows = three();
    rows[0].tro_cap = 1;
    let (code, json) = import_json(&office, "late.csv", csv("2026-10", &rows).as_bytes(), &[]);
    assert_eq!(code, 2);
    assert!(reasons(&json)[0].2.contains("khóa sổ"), "{json}");
}

#[test]
fn a_clerk_cannot_import() {
    let office = Office::new();
    let path = office.write_file("t.csv", csv("2026-11", &three()).as_bytes());
    let mut svc = office.service();
    let clerk = office.sign_in(&mut svc, CLERK1);
    let opts = ImportOptions {
        kind: ListKind::Monthly,
        period: None,
        dry_run: false,
    };
    let err = svc.import(&clerk, &path, &opts, &mut |_| {}).unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }), "{err:?}");
}

#[test]
fn a_legacy_tcvn3_list_is_converted_to_unicode() {
    let office = Office::new();
    // A list typed with the .VnTime fonts and saved as CSV: headers without
    // diacritics, names in TCVN3 bytes ("NguyÔn V¨n An", "Th«n §«ng",
    // "Th­¬ng binh").
    let mut bytes = b"DANH SACH CHI TRA THANG 11 NAM 2026\n\nSTT;Ma doi tuong;Ho va ten;Nam sinh;So CCCD/CMND;Thon;Loai doi tuong;Tro cap\n".to_vec();
    bytes.extend_from_slice(b"1;HD-001;Nguy\xd4n V\xa8n An;1948;046048001234;Th\xabn \xa7\xabng;Th\xad\xacng binh;2.789.000\n");
    let (code, json) = import_json(&office, "tcvn3.csv", &bytes, &["--period", "2026-11"]);
    assert_eq!(code, 0, "{json}");
    let svc = office.service();
    let hit = &svc.search("nguyen van an", 5).unwrap().hits[0];
    assert_eq!(hit.person.full_name, "Nguyễn Văn An");
    assert_eq!(hit.person.hamlet.as_deref(), Some("Thôn Đông"));
    assert_eq!(hit.person.category.as_deref(), Some("Thương binh"));
}

#[test]
fn a_changed_name_in_the_next_list_updates_the_person_and_is_audited() {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    let mut rows = three();
    rows[0].name = "Nguyễn Văn Ân";
    let report = office.import("t11.csv", &csv("2026-11", &rows), "2026-11");
    assert_eq!(report.updated_people, 1);
    assert_eq!(report.new_people, 0);
    let svc = office.service();
    let n: i64 = svc
        .store()
        .conn()
        .query_row("SELECT count(*) FROM audit_log WHERE action = 'person.update' AND detail LIKE '%Nguyễn Văn Ân%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_refused_import_says_why_in_plain_vietnamese_without_json() {
    let office = Office::new();
    let mut rows = three();
    rows[1].id = "12345";
    let path = office.write_file("x.csv", csv("2026-11", &rows).as_bytes());
    let (code, out, err) = chitra(&office, &["import", path.to_str().unwrap(), "--yes"]);
    assert_eq!(code, 2);
    assert!(out.contains("Dòng 5, cột E (Số CCCD/CMND)"), "{out}{err}");
    assert!(out.contains("KHÔNG GHI GÌ"), "{out}");
    assert!(
        !out.contains("Error") && !err.contains("panicked"),
        "{out}{err}"
    );
}

#[test]
fn import_errors_are_typed_for_callers() {
    let office = Office::new();
    let bytes = csv("2026-11", &three());
    office.import("a.csv", &bytes, "2026-11");
    let path = office.write_file("again.csv", bytes.as_bytes());
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let opts = ImportOptions {
        kind: ListKind::Monthly,
        period: None,
        dry_run: true,
    };
    let err = svc.import(&boss, &path, &opts, &mut |_| {}).unwrap_err();
    assert!(
        matches!(err, Error::Import(ref e) if matches!(**e, ImportError::AlreadyImported { .. })),
        "{err:?}"
    );
}

/// The ID-number index as the database holds it, and whether looking a
/// person up by ID number uses it.
fn id_index(office: &Office) -> (Option<String>, bool) {
    let svc = office.service();
    let c = svc.store().conn();
    let sql = c
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'people_by_id_number'",
            [],
            |r| r.get::<_, String>(0),
        )
        .ok();
    let plan: Vec<String> = c
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM people WHERE id_number = '046048001234'")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    (sql, plan.iter().any(|p| p.contains("people_by_id_number")))
}

#[test]
fn the_id_number_index_is_whole_after_a_first_list_a_refused_list_and_a_dry_run() {
    let expected = Some(chitra::store::people::ID_NUMBER_INDEX.to_string());
    let office = Office::new();
    // A first list is written without the index, which is built at the end.
    let path = office.write_file("t10.csv", csv("2026-10", &three()).as_bytes());
    let (code, out, err) = chitra(&office, &["import", path.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(id_index(&office), (expected.clone(), true));
    let mut bad = three();
    bad[2].id = "04606000777";
    refused(&office, "bad.csv", csv("2026-10", &bad).as_bytes());
    assert_eq!(id_index(&office), (expected.clone(), true));
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    assert_eq!(id_index(&office), (expected, true));
    let svc = office.service();
    let hits = svc.search("046152004321", 5).unwrap().hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].person.full_name, "Trần Thị Bình");
}

#[test]
fn a_list_of_known_and_new_people_links_every_line_to_its_person_and_verifies() {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    let mut rows = three();
    rows.insert(
        1,
        Row {
            code: "HD-004",
            name: "Phạm Thị Dung",
            year: 1950,
            id: "046150009999",
            hamlet: "Thôn Tây",
            tro_cap: 2_789_000,
            phu_cap: 500_000,
        },
    );
    let report = office.import("t11.csv", &csv("2026-11", &rows), "2026-11");
    assert!(report.committed);
    assert_eq!((report.people, report.new_people), (4, 1));
    let svc = office.service();
    let c = svc.store().conn();
    // Each person's November lines carry their own amounts.
    for row in &rows {
        let lines: Vec<(String, i64)> = c
            .prepare(
                "SELECT e.kind, e.amount FROM entitlements e JOIN people p ON p.id = e.person_id
                 WHERE p.record_code = ?1 AND e.period = '2026-11' ORDER BY e.id",
            )
            .unwrap()
            .query_map([row.code], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut want = vec![("tro_cap".to_string(), row.tro_cap)];
        if row.phu_cap > 0 {
            want.push(("phu_cap".to_string(), row.phu_cap));
        }
        assert_eq!(lines, want, "{}", row.code);
    }
    // The new person is searchable by name and by ID number.
    assert_eq!(svc.search("pham dung", 5).unwrap().hits.len(), 1);
    assert_eq!(svc.search("046150009999", 5).unwrap().hits.len(), 1);
    // The lines' digests recorded with each batch still hold.
    assert!(svc.verify(&[]).unwrap().ok());
}

#[test]
fn a_name_search_with_punctuation_finds_by_each_word() {
    let office = Office::new();
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    let svc = office.service();
    for query in [
        "nguyen-an",
        "nguyễn, an",
        "\"an\"",
        "an*",
        "(an)",
        "tran-thi-binh",
    ] {
        let hits = svc
            .search(query, 5)
            .unwrap_or_else(|e| panic!("{query}: {e:?}"))
            .hits;
        assert!(!hits.is_empty(), "{query}");
    }
}

#[test]
fn a_repeated_id_number_or_record_code_is_refused_with_the_row_of_the_first_even_far_apart() {
    use chitra::import::record::Problem;
    let office = Office::new();
    // Far more rows than are read, checked or written at a time.
    let n = 1_500;
    let codes: Vec<String> = (0..n).map(|i| format!("HD-{i:05}")).collect();
    let ids: Vec<String> = (0..n).map(|i| format!("046048{i:06}")).collect();
    let mut rows: Vec<Row> = (0..n)
        .map(|i| Row {
            code: &codes[i],
            name: "Nguyễn Văn An",
            year: 1948,
            id: &ids[i],
            hamlet: "Thôn Đông",
            tro_cap: 2_789_000,
            phu_cap: 0,
        })
        .collect();
    rows[1_300].id = &ids[2];
    rows[1_400].code = &codes[5];
    let before = fingerprint(&office);
    let report = office.import("dup.csv", &csv("2026-11", &rows), "2026-11");
    assert!(!report.committed);
    assert_eq!(report.rejected_total, 2, "{:?}", report.rejected);
    assert_eq!(report.rows, n);
    let mut found = Vec::new();
    for r in &report.rejected {
        match r.problem {
            Problem::DuplicateId { first_row } => found.push(("id", r.place.row - first_row)),
            Problem::DuplicateCode { first_row } => found.push(("code", r.place.row - first_row)),
            _ => panic!("{r:?}"),
        }
    }
    // Rows apart in the list as in the file.
    assert_eq!(found, [("id", 1_298), ("code", 1_395)]);
    assert_eq!(fingerprint(&office), before);
}

#[test]
fn the_people_a_list_adds_are_found_by_each_word_of_their_name_in_name_order() {
    use chitra::text::{collate::name_sort_key, fold::fold};
    let office = Office::new();
    let report = office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    assert!(report.committed, "{:?}", report.rejected);
    let svc = office.service();
    let c = svc.store().conn();
    let people: Vec<(i64, String)> = c
        .prepare("SELECT id, full_name FROM people ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(people.len(), 3);
    // What the name order must hold: each distinct folded word of each
    // name, with the name's sort key and the person.
    let mut expected: Vec<(String, Vec<u8>, i64)> = Vec::new();
    for (id, name) in &people {
        let mut words: Vec<String> = fold(name).split(' ').map(str::to_string).collect();
        words.sort();
        words.dedup();
        for w in words {
            expected.push((w, name_sort_key(name), *id));
        }
    }
    expected.sort();
    let rows: Vec<(String, Vec<u8>, i64)> = c
        .prepare(
            "SELECT word, name_key, person FROM people_name_words ORDER BY word, name_key, person",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows, expected);
    let mut counts: Vec<(String, i64)> = Vec::new();
    for (w, _, _) in &expected {
        match counts.last_mut() {
            Some((last, n)) if last == w => *n += 1,
            _ => counts.push((w.clone(), 1)),
        }
    }
    let stored: Vec<(String, i64)> = c
        .prepare("SELECT word, people FROM people_name_word_counts ORDER BY word")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(stored, counts);
}

/// A supervisor who checks the data (verify, as the day's close also does)
/// and then imports, in the same session, gets the import: the check's
/// sorts do not hold the connection's temporary storage.
#[test]
fn a_list_imported_after_a_data_check_in_the_same_session() {
    let office = Office::new();
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    office.import("t10.csv", &csv("2026-10", &three()), "2026-10");
    assert!(svc.verify(&[]).unwrap().ok());
    let path = office.write_file("t11.csv", csv("2026-11", &three()).as_bytes());
    let opts = ImportOptions {
        kind: ListKind::Monthly,
        period: Some("2026-11".parse().unwrap()),
        dry_run: false,
    };
    let report = svc.import(&boss, &path, &opts, &mut |_| {}).unwrap();
    assert!(report.committed);
}
