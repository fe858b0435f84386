//! Wording for the limits of what a list file may hold
//! (`import::source::limits`) and of how long each kind of value may be
//! (`import::Field::max_chars`).
//!
//! Each message names the file, the place (row and column as Excel shows
//! them) when it is known, the limit, and what to do.

use super::import_source::name;
use crate::import::Field;
use crate::import::source::{Limit, column_letter};
use std::path::Path;

/// 1234567 → "1.234.567" (Vietnamese) or "1,234,567" (English).
fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// A size in bytes in the largest whole unit: "1 GB", "64 MB", "256 KB".
fn size(bytes: u64, sep: char) -> String {
    for (unit, name) in [(1u64 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")] {
        if bytes >= unit && bytes.is_multiple_of(unit) {
            return format!("{} {name}", grouped(bytes / unit, sep));
        }
    }
    format!("{} bytes", grouped(bytes, sep))
}

/// "dòng 7, cột B" / "dòng 7" / "".
fn place_vi(row: Option<usize>, column: Option<usize>) -> String {
    match (row, column) {
        (Some(r), Some(c)) => format!("dòng {}, cột {}", grouped(r as u64, '.'), column_letter(c)),
        (Some(r), None) => format!("dòng {}", grouped(r as u64, '.')),
        _ => String::new(),
    }
}

fn place_en(row: Option<usize>, column: Option<usize>) -> String {
    match (row, column) {
        (Some(r), Some(c)) => format!(
            "row {}, column {}",
            grouped(r as u64, ','),
            column_letter(c)
        ),
        (Some(r), None) => format!("row {}", grouped(r as u64, ',')),
        _ => String::new(),
    }
}

const DAMAGED_VI: &str = "Tệp có thể bị hỏng, hoặc không do Excel tạo ra. Hãy mở tệp bằng Excel, kiểm tra rồi lưu lại \
     (hoặc lưu dưới dạng CSV UTF-8) và nhập lại.";
const DAMAGED_EN: &str = "The file may be damaged, or was not made by Excel. Open it in Excel, check it and save it again \
     (or save it as CSV UTF-8), then import it again.";
/// What to do with a file too large for what it should be.
fn split_vi(kind: FileKind) -> &'static str {
    match kind {
        FileKind::PaymentList => {
            "Một danh sách chi trả không lớn như vậy: hãy kiểm tra đúng tệp chưa, hoặc chia danh sách \
             thành nhiều tệp nhỏ hơn, hoặc lưu dưới dạng CSV UTF-8 rồi nhập lại."
        }
        FileKind::BankResult => {
            "Một tệp kết quả của ngân hàng không lớn như vậy: hãy kiểm tra đúng tệp ngân hàng gửi chưa, \
             hoặc lưu dưới dạng CSV UTF-8 rồi nhập lại."
        }
    }
}

fn split_en(kind: FileKind) -> &'static str {
    match kind {
        FileKind::PaymentList => {
            "A payment list is not that large: check that this is the right file, split the list into \
             smaller files, or save it as CSV UTF-8 and import it again."
        }
        FileKind::BankResult => {
            "A bank's result file is not that large: check that this is the file the bank sent, or save \
             it as CSV UTF-8 and import it again."
        }
    }
}

/// The refusal of a list file that went past a limit, in Vietnamese.
pub fn too_big_vi(file: &Path, limit: &Limit, row: Option<usize>, column: Option<usize>) -> String {
    too_big_vi_for(FileKind::PaymentList, file, limit, row, column)
}

/// The refusal of a file of `kind` that went past a limit, in Vietnamese.
pub fn too_big_vi_for(
    kind: FileKind,
    file: &Path,
    limit: &Limit,
    row: Option<usize>,
    column: Option<usize>,
) -> String {
    let f = name(file);
    let split = split_vi(kind);
    let noun = kind.noun_vi();
    let at = place_vi(row, column);
    let max = grouped(limit.max(), '.');
    match limit {
        Limit::Rows => format!(
            "Tệp {f} có hơn {max} dòng (số dòng tối đa của một trang tính Excel): không đọc tiếp từ {at}. \
             {split}"
        ),
        Limit::Columns => format!(
            "Tệp {f}, {at}: có dữ liệu ở cột thứ {}, quá giới hạn {max} cột (đến cột {}). Hãy xóa các cột \
             thừa bên phải bảng, lưu lại rồi nhập lại.",
            grouped(column.map_or(0, |c| c as u64 + 1), '.'),
            column_letter(limit.max() as usize - 1)
        ),
        Limit::CellChars => format!(
            "Tệp {f}, {at}: ô dài hơn {max} ký tự, giới hạn của một ô (một họ tên hay địa chỉ chỉ dài vài \
             chục ký tự). Hãy sửa ô đó trong tệp rồi nhập lại. {DAMAGED_VI}"
        ),
        Limit::RowChars => format!(
            "Tệp {f}, {at}: dòng dài hơn {max} ký tự (tất cả các ô cộng lại). Hãy sửa dòng đó trong tệp rồi \
             nhập lại. {DAMAGED_VI}"
        ),
        Limit::Unpacked { part, max } => format!(
            "Tệp {f}: phần \"{part}\" bên trong tệp khi giải nén lớn hơn {}, quá giới hạn. {split} \
             {DAMAGED_VI}",
            size(*max, '.')
        ),
        Limit::SheetsUnpacked => format!(
            "Tệp {f}: các trang tính đã đọc khi giải nén lớn hơn {} tất cả, quá giới hạn (tệp có nhiều trang \
             tính rất lớn hoặc trống, hay nhiều trang cùng trỏ đến một phần). Hãy để {noun} ở \
             trang tính đầu tiên, xóa các trang thừa, lưu lại rồi nhập lại. {DAMAGED_VI}",
            size(limit.max(), '.')
        ),
        Limit::Sheets => format!(
            "Tệp {f} có hơn {max} trang tính, quá giới hạn (một {noun} chỉ có một vài trang). \
             Hãy chép {} sang một tệp mới chỉ có trang đó, lưu lại rồi nhập lại. {DAMAGED_VI}",
            kind.short_vi()
        ),
        Limit::SharedStrings => {
            format!("Tệp {f} có hơn {max} đoạn chữ khác nhau, quá giới hạn. {split}")
        }
        Limit::SharedText => format!(
            "Tệp {f} chứa hơn {} chữ, quá giới hạn. {split}",
            size(limit.max(), '.')
        ),
        Limit::ZipEntries => format!(
            "Tệp {f} có hơn {max} phần bên trong, quá giới hạn của một bảng tính. {DAMAGED_VI}"
        ),
        Limit::XmlItem { part } => format!(
            "Tệp {f}: phần \"{part}\" bên trong tệp có một thẻ hay đoạn chữ dài hơn {}, quá giới hạn. \
             {DAMAGED_VI}",
            size(limit.max(), '.')
        ),
        Limit::XmlDepth { part } => format!(
            "Tệp {f}: phần \"{part}\" bên trong tệp lồng nhau sâu hơn {max} cấp, quá giới hạn. {DAMAGED_VI}"
        ),
        Limit::OleDirectory => format!(
            "Tệp {f} (.xls) có thư mục bên trong lớn hơn {}, quá giới hạn. {DAMAGED_VI}",
            size(limit.max(), '.')
        ),
        Limit::MergedRanges => format!(
            "Tệp {f} có hơn {max} vùng ô gộp (Merge) trong trang tính, quá giới hạn (một {noun} chỉ gộp vài \
             trăm vùng). Hãy bỏ gộp các ô thừa (Home → Merge & Center → Unmerge Cells), lưu lại rồi nhập \
             lại. {DAMAGED_VI}"
        ),
    }
}

/// The refusal of a list file that went past a limit, in English.
pub fn too_big_en(file: &Path, limit: &Limit, row: Option<usize>, column: Option<usize>) -> String {
    too_big_en_for(FileKind::PaymentList, file, limit, row, column)
}

/// The refusal of a file of `kind` that went past a limit, in English.
pub fn too_big_en_for(
    kind: FileKind,
    file: &Path,
    limit: &Limit,
    row: Option<usize>,
    column: Option<usize>,
) -> String {
    let f = name(file);
    let split = split_en(kind);
    let noun = kind.noun_en();
    let at = place_en(row, column);
    let max = grouped(limit.max(), ',');
    match limit {
        Limit::Rows => format!(
            "{f} has more than {max} rows (the most an Excel sheet can have): reading stopped at {at}. \
             {split}"
        ),
        Limit::Columns => format!(
            "{f}, {at}: data in column number {}, past the limit of {max} columns (up to column {}). Delete \
             the extra columns right of the table, save and import again.",
            grouped(column.map_or(0, |c| c as u64 + 1), ','),
            column_letter(limit.max() as usize - 1)
        ),
        Limit::CellChars => format!(
            "{f}, {at}: the cell is longer than {max} characters, the limit for one cell. Correct that cell \
             and import again. {DAMAGED_EN}"
        ),
        Limit::RowChars => format!(
            "{f}, {at}: the row is longer than {max} characters (all its cells together). Correct that row \
             and import again. {DAMAGED_EN}"
        ),
        Limit::Unpacked { part, max } => format!(
            "{f}: its part \"{part}\" unpacks to more than {}, past the limit. {split} {DAMAGED_EN}",
            size(*max, ',')
        ),
        Limit::SheetsUnpacked => format!(
            "{f}: the worksheets read unpack to more than {} in all, past the limit (many very large or \
             empty sheets, or many sheets pointing to one part). Keep the {noun} on the first sheet, \
             delete the other sheets, save and import again. {DAMAGED_EN}",
            size(limit.max(), ',')
        ),
        Limit::Sheets => format!(
            "{f} has more than {max} worksheets, past the limit (a {noun} has one or a few). Copy the \
             {} into a new file holding only that sheet, save and import again. {DAMAGED_EN}",
            kind.short_en()
        ),
        Limit::SharedStrings => {
            format!("{f} has more than {max} distinct texts, past the limit. {split}")
        }
        Limit::SharedText => format!(
            "{f} holds more than {} of text, past the limit. {split}",
            size(limit.max(), ',')
        ),
        Limit::ZipEntries => format!(
            "{f} has more than {max} parts inside, past the limit for a workbook. {DAMAGED_EN}"
        ),
        Limit::XmlItem { part } => format!(
            "{f}: its part \"{part}\" has a tag or a run of text longer than {}, past the limit. {DAMAGED_EN}",
            size(limit.max(), ',')
        ),
        Limit::XmlDepth { part } => format!(
            "{f}: its part \"{part}\" nests elements deeper than {max} levels, past the limit. {DAMAGED_EN}"
        ),
        Limit::OleDirectory => format!(
            "{f} (.xls) has an inner directory larger than {}, past the limit. {DAMAGED_EN}",
            size(limit.max(), ',')
        ),
        Limit::MergedRanges => format!(
            "{f} has more than {max} merged ranges in its sheet, past the limit (a {noun} merges a few \
             hundred). Unmerge the needless ones (Home → Merge & Center → Unmerge Cells), save and import \
             again. {DAMAGED_EN}"
        ),
    }
}

/// A value longer than its kind allows, in Vietnamese.
pub fn too_long_vi(field: Field, chars: usize, max: usize) -> String {
    format!(
        "{} dài {} ký tự, quá giới hạn {} ký tự. Hãy sửa ô này trong tệp rồi nhập lại.",
        super::import_source::field_vi(field),
        grouped(chars as u64, '.'),
        grouped(max as u64, '.')
    )
}

/// A value longer than its kind allows, in English.
pub fn too_long_en(field: Field, chars: usize, max: usize) -> String {
    format!(
        "The {} is {} characters long, past the limit of {}. Correct this cell and import again.",
        super::import_source::field_en(field),
        grouped(chars as u64, ','),
        grouped(max as u64, ',')
    )
}

/// The file a limit is about, for the words that name it and say what to
/// do: the payer's payment list, or the bank's result file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    PaymentList,
    BankResult,
}

impl FileKind {
    /// What the file holds, as a sentence names it: "danh sách chi trả".
    fn noun_vi(self) -> &'static str {
        match self {
            FileKind::PaymentList => "danh sách chi trả",
            FileKind::BankResult => "tệp kết quả của ngân hàng",
        }
    }

    fn noun_en(self) -> &'static str {
        match self {
            FileKind::PaymentList => "payment list",
            FileKind::BankResult => "bank's result file",
        }
    }

    /// The file named again in a sentence: "danh sách".
    fn short_vi(self) -> &'static str {
        match self {
            FileKind::PaymentList => "danh sách",
            FileKind::BankResult => "kết quả",
        }
    }

    fn short_en(self) -> &'static str {
        match self {
            FileKind::PaymentList => "list",
            FileKind::BankResult => "results",
        }
    }
}

/// A size in bytes as a person reads it, in Vietnamese: "1,4 GB", "32 MB",
/// "900 bytes" (rounded to one decimal above a kilobyte).
pub(super) fn size_vi(bytes: u64) -> String {
    rounded_size(bytes, ',', '.')
}

pub(super) fn size_en(bytes: u64) -> String {
    rounded_size(bytes, '.', ',')
}

fn rounded_size(bytes: u64, decimal: char, group: char) -> String {
    for (unit, name) in [(1u64 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")] {
        if bytes >= unit {
            let tenths = (u128::from(bytes) * 10 + u128::from(unit) / 2) / u128::from(unit);
            let tenths = tenths as u64;
            return if tenths.is_multiple_of(10) {
                format!("{} {name}", grouped(tenths / 10, group))
            } else {
                format!(
                    "{}{decimal}{} {name}",
                    grouped(tenths / 10, group),
                    tenths % 10
                )
            };
        }
    }
    format!("{} bytes", grouped(bytes, group))
}

/// 100000 → "100.000".
pub(super) fn count_vi(n: u64) -> String {
    grouped(n, '.')
}

pub(super) fn count_en(n: u64) -> String {
    grouped(n, ',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_size_is_rounded_to_a_tenth() {
        assert_eq!(size_vi(1_500_000_000), "1,4 GB");
        assert_eq!(size_en(32 << 20), "32 MB");
        assert_eq!(size_vi(1023), "1.023 bytes");
        assert_eq!(size_en(1536), "1.5 KB");
    }

    #[test]
    fn numbers_and_sizes_read_naturally() {
        assert_eq!(grouped(32_767, '.'), "32.767");
        assert_eq!(grouped(1_048_576, ','), "1,048,576");
        assert_eq!(grouped(256, '.'), "256");
        assert_eq!(size(1 << 30, '.'), "1 GB");
        assert_eq!(size(512 << 20, '.'), "512 MB");
        assert_eq!(size(256 << 10, '.'), "256 KB");
        assert_eq!(size(1000, '.'), "1.000 bytes");
    }

    #[test]
    fn a_refusal_names_the_place_the_limit_and_what_to_do() {
        let file = PathBuf::from("ds.csv");
        let vi = too_big_vi(&file, &Limit::CellChars, Some(7), Some(1));
        assert!(
            vi.contains("ds.csv") && vi.contains("dòng 7, cột B"),
            "{vi}"
        );
        assert!(vi.contains("32.767 ký tự") && vi.contains("Hãy"), "{vi}");
        let vi = too_big_vi(&file, &Limit::Columns, Some(1_048_576), Some(16_383));
        assert!(
            vi.contains("dòng 1.048.576, cột XFD") && vi.contains("256 cột"),
            "{vi}"
        );
        assert!(vi.contains("cột IV"), "{vi}");
        let vi = too_big_vi(
            &file,
            &Limit::Unpacked {
                part: "xl/worksheets/sheet1.xml".into(),
                max: 1 << 30,
            },
            None,
            None,
        );
        assert!(vi.contains("sheet1.xml") && vi.contains("1 GB"), "{vi}");
        let vi = too_long_vi(Field::FullName, 50_000_000, 150);
        assert!(
            vi.contains("Họ và tên dài 50.000.000 ký tự") && vi.contains("150"),
            "{vi}"
        );
    }
}
