//! Wording of printing: the page numbers and repeated title of a printed
//! document, the font's problems, and what the screens say while a print
//! runs and when it has ended.

use super::{Lang, Localize};
use crate::print::pdf::PdfError;
use crate::print::spool::SpoolError;

/// The page number printed on each page of a document of several pages.
pub fn page_of(lang: Lang, n: usize, total: usize) -> String {
    match lang {
        Lang::Vi => format!("Trang {n}/{total}"),
        Lang::En => format!("Page {n}/{total}"),
    }
}

/// The title repeated at the head of a page after the first.
pub fn continued(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Vi => format!("{title} (tiếp)"),
        Lang::En => format!("{title} (continued)"),
    }
}

/// While the receipt is being sent to the printer.
pub fn printing(lang: Lang, printer: &str) -> String {
    match lang {
        Lang::Vi => format!("Đang in biên nhận ra máy in {printer}…"),
        Lang::En => format!("Printing the receipt on {printer}…"),
    }
}

/// The receipt came out of the printer.
pub fn printed(lang: Lang, printer: &str, file: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã in biên nhận ra máy in {printer}. Tệp: {file}"),
        Lang::En => format!("Receipt printed on {printer}. File: {file}"),
    }
}

/// While a report is being sent to the printer.
pub fn printing_report(lang: Lang, printer: &str) -> String {
    match lang {
        Lang::Vi => format!("Đang in báo cáo ra máy in {printer}…"),
        Lang::En => format!("Printing the report on {printer}…"),
    }
}

/// While a copy is being printed.
pub fn reprinting(lang: Lang, printer: &str) -> String {
    match lang {
        Lang::Vi => format!("Đang in lại bản sao biên nhận ra máy in {printer}…"),
        Lang::En => format!("Printing a copy of the receipt on {printer}…"),
    }
}

/// What `lp` said, in Vietnamese when it is one of the refusals a clerk
/// meets (CUPS answers in English); anything else as it was said.
pub fn lp_reason(lang: Lang, reason: &str) -> String {
    let known = [
        (
            "does not exist",
            "không có máy in tên này",
            "no printer of that name",
        ),
        (
            "not accepting jobs",
            "máy in đang không nhận lệnh in",
            "the printer is not accepting jobs",
        ),
        (
            "Unable to connect",
            "không kết nối được với dịch vụ in (CUPS)",
            "cannot reach the print service (CUPS)",
        ),
        (
            "No such file or directory",
            "chưa cài lệnh lp (gói cups-client)",
            "lp is not installed (cups-client)",
        ),
    ];
    for (said, vi, en) in known {
        if reason.contains(said) {
            return match lang {
                Lang::Vi => vi.to_string(),
                Lang::En => en.to_string(),
            };
        }
    }
    crate::text::for_display(reason).into_owned()
}

/// A report that could not be printed (its file is written).
pub fn report_not_printed(lang: Lang, problem: &SpoolError) -> String {
    let vi = matches!(lang, Lang::Vi);
    match problem {
        SpoolError::Print { printer, reason } if vi => format!(
            "Báo cáo chưa in: máy in {printer} không in được ({}). Kiểm tra máy in và dòng printer trong mục [receipt] của chitra.toml, rồi in lại.",
            lp_reason(lang, reason)
        ),
        SpoolError::Print { printer, reason } => format!(
            "Report not printed: the printer {printer} failed ({}). Check it and printer in [receipt] of chitra.toml, then print again.",
            lp_reason(lang, reason)
        ),
        SpoolError::NoAnswer { printer, seconds } if vi => format!(
            "Báo cáo chưa in: máy in {printer} không trả lời sau {seconds} giây (tắt, kẹt giấy hoặc hết giấy). Kiểm tra máy in rồi in lại."
        ),
        SpoolError::NoAnswer { printer, seconds } => format!(
            "Report not printed: the printer {printer} did not answer in {seconds} s (off, jammed or out of paper). Check it and print again."
        ),
        SpoolError::Pdf(e) => e.localize(lang),
        SpoolError::Write { path, reason } if vi => format!(
            "Báo cáo chưa in: không ghi được tệp {} ({reason}). Kiểm tra thư mục receipt.spool_dir rồi in lại.",
            path.display()
        ),
        SpoolError::Write { path, reason } => format!(
            "Report not printed: the file {} could not be written ({reason}). Check receipt.spool_dir and print again.",
            path.display()
        ),
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
