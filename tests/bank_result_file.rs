//! The bank's result file as read: its amounts read the way the payer's
//! lists are (whole đồng, grouping checked, no sign, no fraction), a
//! formula cell without its value refused naming its row and column.

use crate::common;

use chitra::domain::payment::PayMethod;
use chitra::service::Error;
use chitra::service::bank::BankError;
use chitra::service::register::RegisterRequest;
use common::*;

const AN: &str = "046048001234"; // 2.789.000 (one line), bank

fn nov() -> chitra::domain::Period {
    "2026-11".parse().unwrap()
}

/// November's list, An registered for transfers to her bank account, and
/// batch no. 1 holding her one line, CK0001-0001 (2.789.000 đ).
fn office_with_batch() -> Office {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let an = svc.search(AN, 1).unwrap().hits[0].person.id;
    let req = RegisterRequest {
        method: Some(PayMethod::Bank),
        account_no: Some("0071000123456".into()),
        account_bank: Some("Vietcombank".into()),
        ..RegisterRequest::default()
    };
    svc.register(&hoa, an, &req).unwrap();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let batch = svc.bank_batch(&boss, nov()).unwrap();
    assert_eq!(batch.lines.len(), 1);
    assert_eq!(batch.lines[0].reference, "CK0001-0001");
    office
}

/// A preview of the result file `name` holding `bytes`.
fn preview(office: &Office, name: &str, bytes: &[u8]) -> Result<(), Error> {
    let path = office.write_file(name, bytes);
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    svc.bank_import(&boss, &path, true).map(|_| ())
}

/// A result file with An's row (row 2) saying done, for `amount` as
/// written, and a total row (row 3) when `total` is given.
fn result(amount: &str, total: Option<&str>) -> Vec<u8> {
    let mut s = format!("Mã tham chiếu;Kết quả;Số tiền\nCK0001-0001;Thành công;{amount}\n");
    if let Some(t) = total {
        s.push_str(&format!("Tổng cộng;;{t}\n"));
    }
    s.into_bytes()
}

#[test]
fn amounts_are_read_as_the_lists_are_and_a_negative_is_refused() {
    let office = office_with_batch();
    // What was read by joining its digits as 2.789.000 đ:
    // a negative amount…
    match preview(&office, "neg.csv", &result("-2.789.000", None)) {
        Err(Error::Bank(BankError::NegativeAmount { row, column, .. })) => {
            assert_eq!((row, column.as_str()), (2, "C (Số tiền)"));
        }
        other => panic!("{other:?}"),
    }
    // … 27.890 đ written with Vietnamese decimals, which is not the line's
    // amount…
    match preview(&office, "dec.csv", &result("27.890,00", None)) {
        Err(Error::Bank(e @ BankError::AmountDiffers { .. })) => {
            let BankError::AmountDiffers {
                row,
                reference,
                file,
                batch,
            } = &e
            else {
                unreachable!()
            };
            assert_eq!((*row, reference.as_str()), (2, "CK0001-0001"));
            assert_eq!((file.dong(), batch.dong()), (27_890, 2_789_000));
            let said = Error::Bank(e).to_string();
            assert!(
                said.contains("27.890 đ") && said.contains("2.789.000 đ"),
                "{said}"
            );
        }
        other => panic!("{other:?}"),
    }
    // … a fraction of a đồng, and thousands grouped wrongly.
    for (name, written) in [("half.csv", "2.789.000,5"), ("grouping.csv", "27.89.000")] {
        match preview(&office, name, &result(written, None)) {
            Err(Error::Bank(e @ BankError::BadAmount { row: 2, .. })) => {
                let said = Error::Bank(e).to_string();
                assert!(
                    said.contains("Dòng 2, cột C (Số tiền)") && said.contains(written),
                    "{said}"
                );
            }
            other => panic!("{written}: {other:?}"),
        }
    }
    // A total row is read the same way.
    match preview(
        &office,
        "total.csv",
        &result("2.789.000", Some("-2.789.000")),
    ) {
        Err(Error::Bank(BankError::NegativeAmount { row: 3, .. })) => {}
        other => panic!("{other:?}"),
    }
    // The spellings of a real amount are all taken.
    for written in [
        "2.789.000",
        "2789000",
        "2.789.000 đ",
        "2,789,000",
        "2.789.000,00",
    ] {
        preview(&office, "ok.csv", &result(written, Some(written)))
            .unwrap_or_else(|e| panic!("{written}: {e}"));
    }
}

/// An xlsx result file whose amount cell (C2) is written by `amount`.
fn xlsx_result(
    office: &Office,
    name: &str,
    amount: impl Fn(&mut rust_xlsxwriter::Worksheet),
) -> Vec<u8> {
    let path = office.dir.path().join(name);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (col, head) in ["Mã tham chiếu", "Kết quả", "Số tiền"].iter().enumerate() {
        ws.write_string(0, col as u16, *head).unwrap();
    }
    ws.write_string(1, 0, "CK0001-0001").unwrap();
    ws.write_string(1, 1, "Thành công").unwrap();
    amount(ws);
    wb.save(&path).unwrap();
    std::fs::read(&path).unwrap()
}

#[test]
fn a_number_cell_is_read_as_the_number_it_shows() {
    let office = office_with_batch();
    let negative = xlsx_result(&office, "neg.xlsx", |ws| {
        ws.write_number(1, 2, -2_789_000.0).unwrap();
    });
    match preview(&office, "neg.xlsx", &negative) {
        Err(Error::Bank(BankError::NegativeAmount { row: 2, column, .. })) => {
            assert_eq!(column, "C (Số tiền)");
        }
        other => panic!("{other:?}"),
    }
    let fraction = xlsx_result(&office, "half.xlsx", |ws| {
        ws.write_number(1, 2, 2_789_000.4).unwrap();
    });
    assert!(matches!(
        preview(&office, "half.xlsx", &fraction),
        Err(Error::Bank(BankError::BadAmount { row: 2, .. }))
    ));
    let right = xlsx_result(&office, "ok.xlsx", |ws| {
        ws.write_number(1, 2, 2_789_000.0).unwrap();
    });
    preview(&office, "ok.xlsx", &right).unwrap();
}

/// A result file read as Excel shows it: a column chitra reads that Excel
/// hides (a "Kết quả" saying done, left of the visible one saying failed)
/// or shows as a hairline, and a line on a hidden row, each refuse the
/// file, naming the column or the row.
#[test]
fn what_excel_hides_in_a_result_file_refuses_it() {
    let office = office_with_batch();
    let two_results = |hide: &dyn Fn(&mut rust_xlsxwriter::Worksheet)| {
        let path = office.dir.path().join("hidden.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        let rows = [
            ["Mã tham chiếu", "Kết quả", "Số tiền", "Kết quả", "Lý do"],
            [
                "CK0001-0001",
                "Thành công",
                "2789000",
                "Thất bại",
                "Sai số tài khoản",
            ],
        ];
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
        hide(ws);
        wb.save(&path).unwrap();
        std::fs::read(&path).unwrap()
    };
    let hidden = two_results(&|ws| {
        ws.set_column_hidden(1).unwrap();
    });
    match preview(&office, "hidden-col.xlsx", &hidden) {
        Err(Error::Bank(e @ BankError::HiddenColumns { .. })) => {
            let BankError::HiddenColumns { columns } = &e else {
                unreachable!()
            };
            assert_eq!(columns, &["B (Kết quả)"]);
            let said = Error::Bank(e).to_string();
            assert!(
                said.contains("cột B (Kết quả)") && said.contains("Unhide Columns"),
                "{said}"
            );
        }
        other => panic!("{other:?}"),
    }
    let narrow = two_results(&|ws| {
        ws.set_column_width(2, 0.2).unwrap();
    });
    match preview(&office, "narrow-col.xlsx", &narrow) {
        Err(Error::Bank(BankError::HiddenColumns { columns })) => {
            assert_eq!(columns, ["C (Số tiền)"]);
        }
        other => panic!("{other:?}"),
    }
    let row = two_results(&|ws| {
        ws.set_row_hidden(1).unwrap();
    });
    match preview(&office, "hidden-row.xlsx", &row) {
        Err(Error::Bank(e @ BankError::HiddenRows { .. })) => {
            assert!(matches!(&e, BankError::HiddenRows { rows } if rows == &[2]));
            let said = Error::Bank(e).to_string();
            assert!(
                said.contains("dòng 2") && said.contains("Unhide Rows"),
                "{said}"
            );
        }
        other => panic!("{other:?}"),
    }
    // Nothing hidden: the first "Kết quả" is read, as Excel shows it.
    preview(&office, "shown.xlsx", &two_results(&|_| {})).unwrap();
}

/// A zip of stored (not deflated) parts.
fn stored_zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in parts {
        let mut crc = flate2::Crc::new();
        crc.update(data.as_bytes());
        let offset = out.len() as u32;
        let mut local = Vec::new();
        local.extend(0x0403_4b50u32.to_le_bytes());
        local.extend([20, 0, 0, 0, 0, 0]);
        local.extend([0; 4]);
        local.extend(crc.sum().to_le_bytes());
        local.extend((data.len() as u32).to_le_bytes());
        local.extend((data.len() as u32).to_le_bytes());
        local.extend((name.len() as u16).to_le_bytes());
        local.extend([0, 0]);
        out.extend(&local);
        out.extend(name.as_bytes());
        out.extend(data.as_bytes());
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend([20, 0]);
        central.extend(&local[4..28]);
        central.extend([0; 12]);
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend([0, 0]);
    out
}

/// An xlsx as a program that writes formulas without computing them
/// saves it: the amount cell C2 is `cell`.
fn xlsx_with_amount_cell(cell: &str) -> Vec<u8> {
    const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="KQ" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let text = |r: &str, t: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{t}</t></is></c>"#);
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{}{}{}</row><row r="2">{}{}{cell}</row></sheetData></worksheet>"#,
        text("A1", "Mã tham chiếu"),
        text("B1", "Kết quả"),
        text("C1", "Số tiền"),
        text("A2", "CK0001-0001"),
        text("B2", "Thành công"),
    );
    stored_zip(&[
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}

#[test]
fn a_formula_cell_without_its_value_is_refused_naming_its_row_and_column() {
    let office = office_with_batch();
    for cell in [
        r#"<c r="C2"><f>SUM(D2:E2)</f></c>"#,
        r#"<c r="C2"><f t="shared" si="0"/></c>"#,
        r#"<c r="C2"><f>SUM(D2:E2)</f><v></v></c>"#,
    ] {
        match preview(&office, "f.xlsx", &xlsx_with_amount_cell(cell)) {
            Err(Error::Bank(e @ BankError::FormulaWithoutValue { .. })) => {
                assert!(
                    matches!(&e, BankError::FormulaWithoutValue { row: 2, column } if column == "C (Số tiền)"),
                    "{e:?}"
                );
                let said = Error::Bank(e).to_string();
                assert!(
                    said.contains("Dòng 2, cột C (Số tiền)") && said.contains("công thức"),
                    "{said}"
                );
            }
            other => panic!("{cell}: {other:?}"),
        }
    }
    // A formula saved with its value is read as that value.
    preview(
        &office,
        "v.xlsx",
        &xlsx_with_amount_cell(r#"<c r="C2"><f>SUM(D2:E2)</f><v>2789000</v></c>"#),
    )
    .unwrap();
    let wrong = xlsx_with_amount_cell(r#"<c r="C2"><f>SUM(D2:E2)</f><v>2000000</v></c>"#);
    assert!(matches!(
        preview(&office, "w.xlsx", &wrong),
        Err(Error::Bank(BankError::AmountDiffers { row: 2, .. }))
    ));
}

#[test]
fn a_file_larger_than_any_result_is_refused_before_it_is_read() {
    let office = office_with_batch();
    // 1,5 GB, sparse: nothing of it is on the disk, nothing of it is read.
    let path = office.dir.path().join("kq-lon.csv");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(1_500_000_000).unwrap();
    drop(f);
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let started = std::time::Instant::now();
    let refused = svc.bank_import(&boss, &path, true).unwrap_err();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "refused at once, not after reading it: {:?}",
        started.elapsed()
    );
    match &refused {
        Error::Bank(BankError::TooBig { bytes, max, .. }) => {
            assert_eq!(*bytes, 1_500_000_000);
            assert_eq!(*max, chitra::service::bank::result_file::MAX_FILE_BYTES);
        }
        other => panic!("{other:?}"),
    }
    let said = refused.to_string();
    assert!(
        said.contains("kq-lon.csv") && said.contains("1,4 GB") && said.contains("ngân hàng"),
        "{said}"
    );

    // A device is not a file: refused before a byte is read.
    let refused = svc
        .bank_import(&boss, std::path::Path::new("/dev/zero"), true)
        .unwrap_err();
    assert!(
        matches!(
            &refused,
            Error::Bank(BankError::Source(
                chitra::import::source::SourceError::NotAFile { .. }
            ))
        ),
        "{refused:?}"
    );
}

#[test]
fn more_rows_than_any_batch_are_refused() {
    let office = office_with_batch();
    let max = chitra::service::bank::result_file::MAX_ROWS;
    let mut csv = String::from("Mã tham chiếu;Kết quả;Số tiền\n");
    for i in 0..=max {
        csv.push_str(&format!("CK0001-{i:06};Thành công;2.789.000\n"));
    }
    match preview(&office, "nhieu.csv", csv.as_bytes()) {
        Err(Error::Bank(BankError::TooManyRows { max: m })) => assert_eq!(m, max),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_file_that_cannot_be_read_is_named_as_the_banks_result_not_the_payment_list() {
    let office = office_with_batch();
    for (name, bytes) in [
        ("trong.csv", &b""[..]),
        ("anh.csv", &b"%PDF-1.7\n\x00\x01\x02\x03binary"[..]),
    ] {
        let refused = preview(&office, name, bytes).unwrap_err();
        assert!(
            matches!(&refused, Error::Bank(BankError::Source(_))),
            "{refused:?}"
        );
        for lang in [chitra::i18n::Lang::Vi, chitra::i18n::Lang::En] {
            use chitra::i18n::Say;
            let said = refused.say(lang);
            assert!(said.contains(name), "{said}");
            assert!(
                !said.contains("danh sách") && !said.contains("list"),
                "the bank's result file is not a payment list: {said}"
            );
            assert!(
                said.contains("kết quả") || said.contains("result"),
                "{said}"
            );
        }
    }
}

#[test]
fn control_and_bidi_characters_in_the_banks_text_are_refused_with_row_and_column() {
    let office = office_with_batch();
    let failed = |reason: &str| {
        format!("Mã tham chiếu;Kết quả;Số tiền;Lý do\nCK0001-0001;Thất bại;2.789.000;{reason}\n")
            .into_bytes()
    };
    for (reason, shown) in [
        ("Tài khoản\u{1b}[2J bị phong tỏa", "U+001B"),
        ("Tài khoản \u{202e}aọt gnohp", "U+202E"),
    ] {
        match preview(&office, "kq.csv", &failed(reason)) {
            Err(e @ Error::Bank(BankError::BadText { .. })) => {
                let Error::Bank(BankError::BadText { row, column, .. }) = &e else {
                    unreachable!()
                };
                assert_eq!((*row, column.as_str()), (2, "D (Lý do)"));
                let said = e.to_string();
                assert!(
                    said.contains("Dòng 2, cột D (Lý do)") && said.contains(shown),
                    "{said}"
                );
                assert!(
                    !said.contains('\u{1b}') && !said.contains('\u{202e}'),
                    "{said:?}"
                );
            }
            other => panic!("{reason:?}: {other:?}"),
        }
    }
    // In a reference too.
    let bad_reference =
        "Mã tham chiếu;Kết quả;Số tiền\nCK0001-0001\u{1b}]0;x\u{7};Thành công;2.789.000\n";
    assert!(matches!(
        preview(&office, "kq2.csv", bad_reference.as_bytes()),
        Err(Error::Bank(BankError::BadText { row: 2, .. }))
    ));
    // White space of any kind is made single spaces, as in the lists.
    let path = office.write_file("kq3.csv", &failed("Tài khoản\u{a0}\u{a0}bị   phong tỏa"));
    let mut svc = office.service();
    let boss = office.sign_in(&mut svc, SUPERVISOR);
    let done = svc.bank_import(&boss, &path, false).unwrap();
    assert_eq!(
        done.failed[0].reason.as_deref(),
        Some("Tài khoản bị phong tỏa")
    );
}
