//! `chitra report day --format text|csv|xlsx` gives the day's one
//! document, byte for byte the one the close screen and the printout draw
//! from the same report.

use crate::common;

use chitra::document::day;
use common::*;

fn chitra(office: &Office, args: &[&str]) -> std::process::Output {
    common::chitra(office, SUPERVISOR, args)
}

#[test]
fn every_format_of_the_command_is_the_days_one_document() {
    // Every drawer has its opening float (tests/common).
    let office = Office::new();
    let mut svc = office.service();
    let supervisor = office.sign_in(&mut svc, SUPERVISOR);
    // Each command signs in, which the audit log records, so the document
    // to compare is the one drawn just after it.
    let doc_now = || {
        let report = svc.day_report_for(&supervisor, "2026-11-10").unwrap();
        day::build(chitra::i18n::Lang::Vi, &office.config.office, &report)
    };

    let args = ["report", "day", "--date", "2026-11-10", "--format"];
    let text = chitra(&office, &[&args[..], &["text"]].concat());
    assert!(
        text.status.success(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let doc = doc_now();
    assert_eq!(
        String::from_utf8(text.stdout).unwrap(),
        chitra::print::document::render_text(&doc)
    );
    // Three drawers not counted: none shows what it should hold.
    assert_eq!(doc.table("quy").unwrap().rows.len(), 3);

    let csv = chitra(&office, &[&args[..], &["csv"]].concat());
    assert!(csv.status.success());
    let doc = doc_now();
    let mut expected = Vec::new();
    chitra::export::write_csv(&doc, &mut expected).unwrap();
    assert_eq!(csv.stdout, expected);

    let path = office.dir.path().join("ngay.xlsx");
    let out = path.to_str().unwrap();
    let xlsx = chitra(&office, &[&args[..], &["xlsx", "--out", out]].concat());
    assert!(
        xlsx.status.success(),
        "{}",
        String::from_utf8_lossy(&xlsx.stderr)
    );
    // The export itself is audited after the file is written, so the
    // document drawn now has one audit row more: compare every cell but
    // the audit head's.
    let doc = doc_now();
    let mine = office.dir.path().join("mine.xlsx");
    std::fs::write(&mine, chitra::export::xlsx_bytes(&doc).unwrap()).unwrap();
    let theirs = cells(&path);
    let ours = cells(&mine);
    assert_eq!(theirs.len(), ours.len());
    let differing: Vec<_> = theirs.iter().zip(&ours).filter(|(a, b)| a != b).collect();
    assert!(
        differing.len() <= 2
            && differing
                .iter()
                .all(|(a, _)| a.contains("Nhật ký") || a.contains("Mã băm")),
        "{differing:?}"
    );
}

/// Every non-empty cell of every sheet, in order, as text.
fn cells(path: &std::path::Path) -> Vec<String> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for c in row {
                let t = c.to_string();
                if !t.is_empty() {
                    out.push(t);
                }
            }
        }
    }
    out
}

/// A file that cannot be written is said in Vietnamese, with what to do,
/// not in the system's English.
#[test]
fn an_output_path_that_cannot_be_written_is_said_plainly() {
    let office = Office::new();
    let missing = office.dir.path().join("khong-co/ngay.csv");
    let folder = office.dir.path().to_path_buf();
    for (out, said) in [
        (missing.to_str().unwrap(), "không có tệp hay thư mục này"),
        (folder.to_str().unwrap(), "đây là một thư mục"),
    ] {
        let run = chitra(
            &office,
            &[
                "report",
                "day",
                "--date",
                "2026-11-10",
                "--format",
                "csv",
                "--out",
                out,
            ],
        );
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success());
        assert!(err.contains(said), "{err}");
        assert!(
            !err.contains("os error") && !err.contains("No such"),
            "{err}"
        );
    }
}
