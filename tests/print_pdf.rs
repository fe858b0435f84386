//! The PDF chitra makes of its printed text, read back with poppler's
//! pdftotext and pdfinfo (no printer needed): every Vietnamese letter
//! intact, an 80-column line whole, A4 pages, a long text in numbered pages
//! with its title repeated, and a font without every Vietnamese letter
//! refused by name rather than printed with empty boxes.

use crate::print_tools;

use std::path::Path;

use chitra::print::pdf::{self, PdfError};
use print_tools::*;

fn write_pdf(dir: &Path, name: &str, text: &str, title: &str) -> (std::path::PathBuf, usize) {
    let font_path = Path::new(chitra::config::DEFAULT_FONT);
    let font = pdf::load_font(font_path).unwrap();
    let made = pdf::render(chitra::i18n::Lang::Vi, text, title, &font, font_path).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, &made.bytes).unwrap();
    (path, made.pages)
}

#[test]
fn every_vietnamese_letter_and_a_full_line_come_back_from_the_pdf() {
    if font().is_none() || !poppler() {
        return;
    }
    let letters = vietnamese_letters();
    assert_eq!(letters.chars().count(), 146);
    let mut text = String::new();
    // The letters, 70 to a line, then lines that fill all 80 columns.
    let chars: Vec<char> = letters.chars().collect();
    for chunk in chars.chunks(70) {
        text.extend(chunk);
        text.push('\n');
    }
    text.push_str(&format!("{}Đồng\n", "=".repeat(76)));
    text.push_str(&format!(
        "Người hưởng: Nguyễn Thị Ửng{}2.789.000 đ\n",
        " ".repeat(42)
    ));
    text.push_str("  Kỳ        Khoản                                  Số tiền — “Ký nhận” …\n");
    let dir = tempfile::tempdir().unwrap();
    let (pdf, pages) = write_pdf(dir.path(), "a.pdf", &text, "Thử");
    assert_eq!(pages, 1);
    let back = pages_of(&pdf);
    assert_eq!(back.len(), 1);
    assert_lines_back(&text, &back[0]);
    assert!(back[0].iter().any(|l| l == widest(&text)));
    assert_eq!(page_sizes(&pdf), vec!["595 x 842 pts (A4)"]);
}

#[test]
fn a_long_text_is_cut_into_numbered_a4_pages_with_its_title_repeated() {
    if font().is_none() || !poppler() {
        return;
    }
    let text = signing_list(150);
    let dir = tempfile::tempdir().unwrap();
    let title = "DANH SÁCH KÝ NHẬN — THÔN ĐÔNG";
    let (pdf, pages) = write_pdf(dir.path(), "list.pdf", &text, title);
    assert!(pages >= 3, "{pages} pages");
    let back = pages_of(&pdf);
    assert_eq!(back.len(), pages);
    assert!(page_sizes(&pdf).iter().all(|s| s == "595 x 842 pts (A4)"));
    for (i, page) in back.iter().enumerate() {
        let number = format!("Trang {}/{pages}", i + 1);
        let nonblank: Vec<&String> = page.iter().filter(|l| !l.is_empty()).collect();
        assert_eq!(nonblank.last().map(|l| l.trim()), Some(number.as_str()));
        if i > 0 {
            assert!(nonblank[0].starts_with(title), "{:?}", nonblank[0]);
            assert!(nonblank[0].ends_with(&number), "{:?}", nonblank[0]);
        }
    }
    // The body, heads and feet taken away, is the text.
    let body: Vec<String> = back
        .iter()
        .flat_map(|p| {
            p.iter()
                .filter(|l| !l.starts_with(title) && !l.trim().starts_with("Trang "))
                .cloned()
        })
        .collect();
    assert_lines_back(&text, &body);
}

#[test]
fn a_font_without_every_vietnamese_letter_is_refused_naming_them() {
    let dejavu = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
    if !dejavu.is_file() {
        missing("DejaVu Sans Mono (fonts-dejavu-core)");
        return;
    }
    let font = pdf::load_font(dejavu).unwrap();
    let r = pdf::render(
        chitra::i18n::Lang::Vi,
        "BƯU ĐIỆN VĂN HÓA XÃ HẢI DƯƠNG\nHải Dương\n",
        "T",
        &font,
        dejavu,
    );
    match r {
        Err(PdfError::MissingGlyphs { path, chars }) => {
            assert_eq!(path, dejavu);
            assert_eq!(chars, "Ảả");
        }
        other => panic!("expected the missing letters, got {other:?}"),
    }
    // What it has, it prints.
    assert!(pdf::render(chitra::i18n::Lang::Vi, "Đông\n", "T", &font, dejavu).is_ok());
}

#[test]
fn a_file_that_is_not_a_font_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("font.ttf");
    std::fs::write(&fake, b"<html>not a font</html>").unwrap();
    assert!(matches!(
        pdf::load_font(&fake),
        Err(PdfError::FontUnusable { .. })
    ));
    assert!(matches!(
        pdf::load_font(&dir.path().join("none.ttf")),
        Err(PdfError::FontMissing { .. })
    ));
}
