//! Wording of printing: the page numbers and repeated title of a printed
//! document, the font's problems, and what the screens say while a print
//! runs and when it has ended.

use super::{Lang, Localize, lang};
use crate::print::pdf::PdfError;

/// The page number printed on each page of a document of several pages.
pub fn page_of(n: usize, total: usize) -> String {
    match lang() {
        Lang::Vi => format!("Trang {n}/{total}"),
        Lang::En => format!("Page {n}/{total}"),
    }
}

/// The title repeated at the head of a page after the first.
pub fn continued(title: &str) -> String {
    match lang() {
        Lang::Vi => format!("{title} (tiếp)"),
        Lang::En => format!("{title} (continued)"),
    }
}

/// While the receipt is being sent to the printer.
pub fn printing(printer: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đang in biên nhận ra máy in {printer}…"),
        Lang::En => format!("Printing the receipt on {printer}…"),
    }
}

/// The receipt came out of the printer.
pub fn printed(printer: &str, file: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã in biên nhận ra máy in {printer}. Tệp: {file}"),
        Lang::En => format!("Receipt printed on {printer}. File: {file}"),
    }
}

/// While a report is being sent to the printer.
pub fn printing_report(printer: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đang in báo cáo ra máy in {printer}…"),
        Lang::En => format!("Printing the report on {printer}…"),
    }
}

/// While a copy is being printed.
pub fn reprinting(printer: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đang in lại bản sao biên nhận ra máy in {printer}…"),
        Lang::En => format!("Printing a copy of the receipt on {printer}…"),
    }
}

impl Localize for PdfError {
    fn vi(&self) -> String {
        match self {
            PdfError::FontMissing { path, reason } => format!(
                "Không in được: không mở được tệp phông chữ {} ({reason}). Cài gói fonts-liberation2 hoặc sửa dòng font trong mục [receipt] của chitra.toml, rồi in lại.",
                path.display()
            ),
            PdfError::FontUnusable { path, reason } => format!(
                "Không in được: tệp {} không phải phông chữ TrueType dùng được ({reason}). Sửa dòng font trong mục [receipt] của chitra.toml, rồi in lại.",
                path.display()
            ),
            PdfError::MissingGlyphs { path, chars } => format!(
                "Không in được: phông chữ {} thiếu các chữ {} nên bản in sẽ mất dấu. Đặt font trong mục [receipt] của chitra.toml là phông có đủ chữ tiếng Việt (ví dụ LiberationMono-Regular.ttf), rồi in lại.",
                path.display(),
                listed(chars)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            PdfError::FontMissing { path, reason } => format!(
                "Not printed: the font file {} cannot be opened ({reason}). Install fonts-liberation2 or set font in [receipt] of chitra.toml, then print again.",
                path.display()
            ),
            PdfError::FontUnusable { path, reason } => format!(
                "Not printed: {} is not a usable TrueType font ({reason}). Set font in [receipt] of chitra.toml, then print again.",
                path.display()
            ),
            PdfError::MissingGlyphs { path, chars } => format!(
                "Not printed: the font {} has no {}, so the print would lose its accents. Set font in [receipt] of chitra.toml to a font with every Vietnamese letter (e.g. LiberationMono-Regular.ttf), then print again.",
                path.display(),
                listed(chars)
            ),
        }
    }
}

crate::localized_error!(PdfError);

/// The characters, made harmless, with commas between them.
fn listed(chars: &str) -> String {
    let shown: Vec<String> = chars.chars().take(20).map(String::from).collect();
    crate::text::for_display(&shown.join(", ")).into_owned()
}
