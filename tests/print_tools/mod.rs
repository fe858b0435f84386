//! What the printing tests share: finding the font and poppler's tools,
//! reading a PDF back as text, and the rule for when a test that needs
//! them is skipped (a developer's machine without them) or must run (CI,
//! which sets CHITRA_TEST_PRINTER).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The printer queue CI prints through (`.ci/run` makes it).
pub fn printer() -> Option<String> {
    std::env::var("CHITRA_TEST_PRINTER")
        .ok()
        .filter(|p| !p.trim().is_empty())
}

/// Whether the printing tools must be there: in CI they are installed, so a
/// missing one is a failure there and a skip elsewhere.
pub fn required() -> bool {
    printer().is_some()
}

/// Skips (with a note) or fails, as [`required`] says.
pub fn missing(what: &str) {
    assert!(
        !required(),
        "{what} is missing, but CHITRA_TEST_PRINTER is set: .ci/run installs it"
    );
    eprintln!("note: {what} is missing; this printing test is skipped (see .ci/run)");
}

/// The font the shipped configuration names, if it is installed.
pub fn font() -> Option<PathBuf> {
    let path = PathBuf::from(chitra::config::DEFAULT_FONT);
    if path.is_file() {
        Some(path)
    } else {
        missing(&format!("the font {} (fonts-liberation2)", path.display()));
        None
    }
}

/// Whether poppler's `pdftotext` and `pdfinfo` can be run.
pub fn poppler() -> bool {
    let ok = ["pdftotext", "pdfinfo"].iter().all(|tool| {
        Command::new(tool)
            .arg("-v")
            .output()
            .is_ok_and(|o| o.status.success() || !o.stderr.is_empty())
    });
    if !ok {
        missing("pdftotext/pdfinfo (poppler-utils)");
    }
    ok
}

/// The text of a PDF as `pdftotext -layout` reads it, one list of lines
/// per page, each line with its trailing spaces removed. `-fixed` gives it
/// the width of a column, so spaces come back as the columns they were,
/// not as pdftotext guesses them; the left margin is taken off.
pub fn pages_of(pdf: &Path) -> Vec<Vec<String>> {
    let font = chitra::print::pdf::load_font(Path::new(chitra::config::DEFAULT_FONT))
        .expect("the font the PDF was made with");
    let pitch = chitra::print::pdf::pitch(&font);
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg("-fixed")
        .arg(format!("{pitch}"))
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext {}: {:?}",
        pdf.display(),
        out
    );
    let text = String::from_utf8(out.stdout).expect("pdftotext gives UTF-8");
    let mut pages: Vec<Vec<String>> = text
        .split('\x0c')
        .map(|p| p.lines().map(|l| l.trim_end().to_string()).collect())
        .collect();
    // The text ends with a form feed: no page after it.
    if pages.last().is_some_and(|p| p.iter().all(|l| l.is_empty())) {
        pages.pop();
    }
    let margin = pages
        .iter()
        .flatten()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    for line in pages.iter_mut().flatten() {
        *line = line.chars().skip(margin).collect();
    }
    pages
}

/// Each page's size as pdfinfo gives it ("595 x 842 pts (A4)").
pub fn page_sizes(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "100000"])
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    assert!(out.status.success(), "pdfinfo {}: {:?}", pdf.display(), out);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            l.split_once("size:")
                .map(|(_, s)| s.trim().to_string())
                .unwrap_or_default()
        })
        .collect()
}

/// Asserts that every line of `text` that has something on it comes back
/// from `got`, whole and in order (blank lines aside).
pub fn assert_lines_back(text: &str, got: &[String]) {
    let want: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .collect();
    let got: Vec<&str> = got
        .iter()
        .map(String::as_str)
        .filter(|l| !l.is_empty())
        .collect();
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        assert_eq!(w, g, "line {} of the text came back differently", i + 1);
    }
    assert_eq!(want.len(), got.len(), "as many lines back as sent");
}

/// The widest line of `text`, in columns.
pub fn widest(text: &str) -> &str {
    text.lines()
        .max_by_key(|l| unicode_width::UnicodeWidthStr::width(l.trim_end()))
        .unwrap_or("")
        .trim_end()
}

/// Every Vietnamese letter, lower and upper case, precomposed (NFC).
pub fn vietnamese_letters() -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::from("đĐ");
    for base in "aăâeêioôơuưy".chars() {
        for tone in ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"] {
            for c in [base.to_string(), base.to_uppercase().to_string()] {
                out.extend(format!("{c}{tone}").nfc());
            }
        }
    }
    out
}

/// A list of `n` people of 80 columns each, as a signing list is laid out.
pub fn signing_list(n: usize) -> String {
    let names = [
        "Lê Thị Ửng",
        "Nguyễn Văn Ẩn",
        "Trần Thị Hường",
        "Đặng Ngọc Ỷ",
    ];
    (1..=n)
        .map(|i| {
            let left = format!(
                "{i:<4} {:<16} Thôn Đông  Hải Dương  2.789.000 đ",
                names[i % 4]
            );
            format!("{}\n", chitra::print::text::spread(&left, "………………… Ký"))
        })
        .collect()
}
