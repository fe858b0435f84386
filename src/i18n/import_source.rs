//! Wording for reading list files: the errors of `import::source`,
//! `import::synonyms` and `import::table`, the names of the list's columns,
//! and the file format and encoding shown in the import preview.
//!
//! Vietnamese messages say what is wrong, where (file, row and column as
//! Excel shows them) and what to do about it.

use super::{Lang, Localize};
use crate::domain::EntitlementKind as K;
use crate::import::Field;
use crate::import::source::{Encoding, Format, SourceError, column_letter};
use crate::import::synonyms::SynonymsError;
use crate::import::table::{Column, Required, TableError};
use std::path::Path;

/// The Vietnamese name of a column of the list.
pub fn field_vi(field: Field) -> &'static str {
    match field {
        Field::Stt => "STT",
        Field::RecordCode => "Mã đối tượng",
        Field::FullName => "Họ và tên",
        Field::BirthYear => "Năm sinh",
        Field::Gender => "Giới tính",
        Field::IdNumber => "Số CCCD/CMND",
        Field::Hamlet => "Thôn/Xóm",
        Field::Address => "Địa chỉ",
        Field::Category => "Loại đối tượng",
        Field::Phone => "Số điện thoại",
        Field::PayMethod => "Hình thức chi trả",
        Field::Account => "Số tài khoản",
        Field::Bank => "Ngân hàng",
        Field::Amount(K::TroCap) => "Trợ cấp",
        Field::Amount(K::PhuCap) => "Phụ cấp",
        Field::Amount(K::TruyLinh) => "Truy lĩnh",
        Field::Amount(K::MaiTang) => "Mai táng phí",
        Field::Amount(K::MotLan) => "Trợ cấp một lần",
        Field::Amount(K::TruyThu) => "Truy thu",
        Field::Amount(K::ChuyenKy) => "Kỳ trước chuyển sang",
        Field::RowTotal => "Tổng cộng",
        Field::Note => "Ghi chú",
        f => super::changes::field_vi(f),
    }
}

/// The English name of a column of the list.
pub fn field_en(field: Field) -> &'static str {
    match field {
        Field::Stt => "row no.",
        Field::RecordCode => "record code",
        Field::FullName => "full name",
        Field::BirthYear => "birth year",
        Field::Gender => "gender",
        Field::IdNumber => "ID number (CCCD/CMND)",
        Field::Hamlet => "hamlet",
        Field::Address => "address",
        Field::Category => "category",
        Field::Phone => "phone",
        Field::PayMethod => "payment method",
        Field::Account => "account number",
        Field::Bank => "bank",
        Field::Amount(K::TroCap) => "monthly allowance (trợ cấp)",
        Field::Amount(K::PhuCap) => "supplement (phụ cấp)",
        Field::Amount(K::TruyLinh) => "arrears (truy lĩnh)",
        Field::Amount(K::MaiTang) => "funeral allowance",
        Field::Amount(K::MotLan) => "one-off allowance",
        Field::Amount(K::TruyThu) => "deduction (truy thu)",
        Field::Amount(K::ChuyenKy) => "carried over",
        Field::RowTotal => "row total",
        Field::Note => "note",
        f => super::changes::field_en(f),
    }
}

/// A file's name as a message shows it: whatever it holds (an escape
/// sequence, a line break) made harmless to the terminal.
pub(super) fn name(file: &Path) -> String {
    crate::text::for_display(&file.display().to_string()).into_owned()
}

const FIX_HEADERS_VI: &str = "Hãy sửa tên cột trong tệp, hoặc khai báo tên cột của đơn vị mình \
     trong mục [import.headers] của tệp cấu hình chitra.toml.";
const FIX_HEADERS_EN: &str = "Rename the columns in the file, or declare the names this office uses \
     under [import.headers] in chitra.toml.";

impl Localize for SourceError {
    fn vi(&self) -> String {
        match self {
            SourceError::Io {
                file,
                row: Some(row),
                detail,
            } => {
                format!(
                    "Không đọc được dòng {row} của tệp {} ({detail}). Hãy kiểm tra tệp rồi nhập lại.",
                    name(file)
                )
            }
            SourceError::Io {
                file,
                row: None,
                detail,
            } => format!(
                "Không mở được tệp {} ({detail}). Hãy kiểm tra đường dẫn và quyền đọc tệp.",
                name(file)
            ),
            SourceError::Empty { file } => {
                format!(
                    "Tệp {} trống, không có dữ liệu. Hãy chọn đúng tệp danh sách chi trả.",
                    name(file)
                )
            }
            SourceError::NotAFile { file } => format!(
                "{} không phải một tệp trên đĩa (thiết bị hay đường ống). Hãy chọn đúng tệp danh sách chi trả.",
                name(file)
            ),
            SourceError::NotASpreadsheet { file } => format!(
                "Tệp {} không phải bảng tính Excel (.xlsx, .xls) hay tệp CSV. Hãy mở danh sách bằng Excel \
                 và lưu lại dưới dạng .xlsx hoặc CSV.",
                name(file)
            ),
            SourceError::BadWorkbook { file, format, .. } => format!(
                "Tệp {} có dạng {} nhưng không đọc được, có thể tệp bị hỏng. Hãy mở tệp bằng Excel, \
                 kiểm tra rồi lưu lại.",
                name(file),
                format.vi()
            ),
            SourceError::PasswordProtected { file } => format!(
                "Tệp {} được đặt mật khẩu nên không đọc được. Hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại và nhập lại.",
                name(file)
            ),
            SourceError::NoSheets { file } => format!(
                "Tệp {} không có trang tính (sheet) nào. Hãy chọn đúng tệp danh sách chi trả.",
                name(file)
            ),
            SourceError::EmptySheets { file, sheets } => format!(
                "Mọi trang tính của tệp {} đều trống ({}). Hãy chọn đúng tệp danh sách chi trả.",
                name(file),
                some_sheets(sheets, "và {} trang khác", '.')
            ),
            SourceError::RunawayQuote {
                file,
                row,
                column,
                lines,
            } => format!(
                "Dòng {row}, cột {} của tệp {}: ô này mở bằng một dấu ngoặc kép (\") không được đóng lại \
                 ở cuối ô, nên ô kéo dài {lines} dòng của tệp và nuốt các dòng danh sách bên dưới (kể cả dòng \
                 Tổng cộng, nếu có): những người ở các dòng đó sẽ bị mất. Không nhập tệp này. Hãy mở tệp bằng \
                 Notepad, bỏ dấu ngoặc kép lẻ ở dòng {row}, cột {} (hoặc thêm dấu đóng ngay cuối ô), rồi nhập lại.",
                column_letter(*column),
                name(file),
                column_letter(*column)
            ),
            SourceError::InvalidUtf8 { file, row } => format!(
                "Dòng {row} của tệp {} có byte không phải chữ hợp lệ trong bảng mã UTF-8 mà tệp dùng (tệp lẫn \
                 nhiều bảng mã, hoặc bị hỏng). Hãy sửa dòng {row}, hoặc mở tệp bằng Excel và lưu lại dưới dạng \
                 \"CSV UTF-8\".",
                name(file)
            ),
            SourceError::TooBig {
                file,
                limit,
                row,
                column,
            } => super::import_limits::too_big_vi(file, limit, *row, *column),
        }
    }

    fn en(&self) -> String {
        match self {
            SourceError::Io {
                file,
                row: Some(row),
                detail,
            } => {
                format!(
                    "Cannot read row {row} of {} ({detail}). Check the file and import it again.",
                    name(file)
                )
            }
            SourceError::Io {
                file,
                row: None,
                detail,
            } => {
                format!(
                    "Cannot open {} ({detail}). Check the path and the file's permissions.",
                    name(file)
                )
            }
            SourceError::Empty { file } => {
                format!("{} is empty. Choose the payment list file.", name(file))
            }
            SourceError::NotAFile { file } => format!(
                "{} is not a file on disk (a device or a pipe). Choose the payment list file.",
                name(file)
            ),
            SourceError::NotASpreadsheet { file } => format!(
                "{} is not an Excel workbook (.xlsx, .xls) or a CSV file. Open the list in Excel and save it as \
                 .xlsx or CSV.",
                name(file)
            ),
            SourceError::BadWorkbook {
                file,
                format,
                detail,
            } => format!(
                "{} looks like {} but cannot be read; it may be damaged ({detail}). Open it in Excel, check it \
                 and save it again.",
                name(file),
                format.en()
            ),
            SourceError::PasswordProtected { file } => format!(
                "{} is password-protected. Open it in Excel, remove the password, save it and import it again.",
                name(file)
            ),
            SourceError::NoSheets { file } => {
                format!(
                    "{} has no worksheet. Choose the payment list file.",
                    name(file)
                )
            }
            SourceError::EmptySheets { file, sheets } => format!(
                "Every worksheet of {} is empty ({}). Choose the payment list file.",
                name(file),
                some_sheets(sheets, "and {} more", ',')
            ),
            SourceError::RunawayQuote {
                file,
                row,
                column,
                lines,
            } => format!(
                "Row {row}, column {} of {}: this cell opens with a quote (\") that is not closed at the \
                 cell's end, so the cell runs on for {lines} lines of the file and swallows the list's rows \
                 below it (the total row too, if any): the people on them would be lost. The file is not \
                 imported. Open it in Notepad, remove the stray quote in row {row}, column {} (or close it at \
                 the cell's end), and import it again.",
                column_letter(*column),
                name(file),
                column_letter(*column)
            ),
            SourceError::InvalidUtf8 { file, row } => format!(
                "Row {row} of {} has a byte that is not valid text in the UTF-8 encoding the file uses (mixed \
                 encodings, or damage). Correct row {row}, or open the file in Excel and save it as \"CSV UTF-8\".",
                name(file)
            ),
            SourceError::TooBig {
                file,
                limit,
                row,
                column,
            } => super::import_limits::too_big_en(file, limit, *row, *column),
        }
    }
}

/// Sheets named in a message: the first few, then how many more
/// (`more` holds "{}" for that number, grouped with `sep`).
fn some_sheets(sheets: &[String], more: &str, sep: char) -> String {
    const NAMED: usize = 5;
    let mut out = sheets
        .iter()
        .take(NAMED)
        .map(|s| crate::text::for_display(s).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    if sheets.len() > NAMED {
        let n = grouped(sheets.len() - NAMED, sep);
        out.push_str(&format!(" {}", more.replace("{}", &n)));
    }
    out
}

/// 1234567 → "1.234.567" with `sep`.
fn grouped(n: usize, sep: char) -> String {
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

fn rows_vi(rows: &[usize]) -> String {
    match rows {
        [one] => format!("dòng {one}"),
        [first, .., last] => format!("dòng {first}–{last}"),
        [] => String::new(),
    }
}

fn rows_en(rows: &[usize]) -> String {
    match rows {
        [one] => format!("row {one}"),
        [first, .., last] => format!("rows {first}–{last}"),
        [] => String::new(),
    }
}

fn required_vi(r: Required) -> &'static str {
    match r {
        Required::FullName => "cột Họ và tên",
        Required::RecordCodeOrId => "cột Mã đối tượng hoặc cột Số CCCD/CMND",
        Required::Amount => "ít nhất một cột số tiền (Trợ cấp, Phụ cấp, Truy lĩnh…)",
    }
}

fn required_en(r: Required) -> &'static str {
    match r {
        Required::FullName => "full name",
        Required::RecordCodeOrId => "record code or ID number",
        Required::Amount => "at least one amount column (trợ cấp, phụ cấp, truy lĩnh…)",
    }
}

fn columns_found(found: &[Column], field_name: fn(Field) -> &'static str) -> String {
    found
        .iter()
        .map(|c| format!("{} = {}", c.letter, field_name(c.field)))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Localize for TableError {
    fn vi(&self) -> String {
        match self {
            TableError::Source(e) => e.vi(),
            TableError::NoHeader { file, rows_scanned } => format!(
                "Không tìm thấy dòng tên cột trong {rows_scanned} dòng đầu của tệp {}. Danh sách cần có: \
                 {}; {}; và {}. {FIX_HEADERS_VI}",
                name(file),
                required_vi(Required::FullName),
                required_vi(Required::RecordCodeOrId),
                required_vi(Required::Amount)
            ),
            TableError::MissingColumns {
                file,
                header_rows,
                missing,
                found,
            } => {
                let missing: Vec<&str> = missing.iter().map(|r| required_vi(*r)).collect();
                format!(
                    "Tệp {}: dòng tên cột ({}) còn thiếu {}. Các cột đã nhận ra: {}. {FIX_HEADERS_VI}",
                    name(file),
                    rows_vi(header_rows),
                    missing.join("; "),
                    columns_found(found, field_vi)
                )
            }
            TableError::HiddenHeader { file, row } => {
                super::import_sheet::hidden_header_vi(file, *row)
            }
            TableError::HiddenColumns { file, columns } => {
                super::import_sheet::hidden_columns_vi(file, columns)
            }
            other => super::import_preview::table_error(Lang::Vi, other),
        }
    }

    fn en(&self) -> String {
        match self {
            TableError::Source(e) => e.en(),
            TableError::NoHeader { file, rows_scanned } => format!(
                "No header row in the first {rows_scanned} rows of {}. A list needs these columns: {}; {}; and {}. \
                 {FIX_HEADERS_EN}",
                name(file),
                required_en(Required::FullName),
                required_en(Required::RecordCodeOrId),
                required_en(Required::Amount)
            ),
            TableError::MissingColumns {
                file,
                header_rows,
                missing,
                found,
            } => {
                let missing: Vec<&str> = missing.iter().map(|r| required_en(*r)).collect();
                format!(
                    "{}: the header ({}) lacks {}. Columns recognised: {}. {FIX_HEADERS_EN}",
                    name(file),
                    rows_en(header_rows),
                    missing.join("; "),
                    columns_found(found, field_en)
                )
            }
            TableError::HiddenHeader { file, row } => {
                super::import_sheet::hidden_header_en(file, *row)
            }
            TableError::HiddenColumns { file, columns } => {
                super::import_sheet::hidden_columns_en(file, columns)
            }
            other => super::import_preview::table_error(Lang::En, other),
        }
    }
}

fn shown(text: &str) -> String {
    crate::text::for_display(text).into_owned()
}

fn field_codes() -> String {
    Field::ALL
        .iter()
        .map(|f| f.code())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Localize for SynonymsError {
    fn vi(&self) -> String {
        match self {
            SynonymsError::UnknownFields { keys } => format!(
                "Mục [import.headers] của chitra.toml có tên trường không biết: {}. Các tên trường dùng được: {}.",
                shown(&keys.join(", ")),
                field_codes()
            ),
            SynonymsError::EmptyList { key } => format!(
                "Mục [import.headers] của chitra.toml: trường {key} không có tên cột nào. Hãy ghi ít nhất một tên \
                 cột, hoặc bỏ dòng đó để dùng tên mặc định."
            ),
            SynonymsError::SameText {
                text,
                first,
                second,
            } => format!(
                "Mục [import.headers] của chitra.toml: tên cột \"{}\" được khai báo cho cả {first} và {second}. \
                 Mỗi tên cột chỉ dùng cho một trường.",
                shown(text)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            SynonymsError::UnknownFields { keys } => format!(
                "[import.headers] in chitra.toml names unknown fields: {}. Known fields: {}.",
                shown(&keys.join(", ")),
                field_codes()
            ),
            SynonymsError::EmptyList { key } => format!(
                "[import.headers] in chitra.toml gives field {key} no header text. Give at least one, or remove \
                 the line to use the defaults."
            ),
            SynonymsError::SameText {
                text,
                first,
                second,
            } => format!(
                "[import.headers] in chitra.toml gives the header \"{}\" to both {first} and {second}. Each \
                 header text may name one field only.",
                shown(text)
            ),
        }
    }
}

fn delimiter_vi(d: char) -> &'static str {
    match d {
        ';' => "dấu chấm phẩy (;)",
        '\t' => "dấu tab",
        _ => "dấu phẩy (,)",
    }
}

fn delimiter_en(d: char) -> &'static str {
    match d {
        ';' => "semicolons",
        '\t' => "tabs",
        _ => "commas",
    }
}

impl Localize for Format {
    fn vi(&self) -> String {
        match self {
            Format::Xlsx => "bảng tính Excel (.xlsx)".to_owned(),
            Format::Xls => "bảng tính Excel 97–2003 (.xls)".to_owned(),
            Format::Csv { delimiter } => {
                format!("CSV, phân cách bằng {}", delimiter_vi(*delimiter))
            }
            Format::UnicodeText => "văn bản Unicode của Excel (phân cách bằng dấu tab)".to_owned(),
        }
    }

    fn en(&self) -> String {
        match self {
            Format::Xlsx => "an Excel workbook (.xlsx)".to_owned(),
            Format::Xls => "an Excel 97–2003 workbook (.xls)".to_owned(),
            Format::Csv { delimiter } => format!("CSV separated by {}", delimiter_en(*delimiter)),
            Format::UnicodeText => "Excel Unicode text (tab-separated)".to_owned(),
        }
    }
}

impl Localize for Encoding {
    fn vi(&self) -> String {
        match self {
            Encoding::Unicode => "Unicode",
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (có BOM)",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1258 => "Windows-1258 (tiếng Việt ANSI)",
            Encoding::Tcvn3 => "TCVN3 (ABC), đã chuyển sang Unicode",
            Encoding::Vni => "VNI-Windows, đã chuyển sang Unicode",
        }
        .to_owned()
    }

    fn en(&self) -> String {
        match self {
            Encoding::Unicode => "Unicode",
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (with BOM)",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1258 => "Windows-1258 (Vietnamese ANSI)",
            Encoding::Tcvn3 => "TCVN3 (ABC), converted to Unicode",
            Encoding::Vni => "VNI-Windows, converted to Unicode",
        }
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn every_field_has_a_name_in_both_languages() {
        for f in Field::ALL {
            assert!(!field_vi(f).is_empty() && !field_en(f).is_empty(), "{f:?}");
        }
    }

    #[test]
    fn missing_columns_message_names_file_rows_and_columns() {
        let e = TableError::MissingColumns {
            file: PathBuf::from("ds_thang11.xlsx"),
            header_rows: vec![5, 6],
            missing: vec![Required::RecordCodeOrId],
            found: vec![Column {
                field: Field::FullName,
                index: 1,
                letter: "B".into(),
                header_text: "Họ tên".into(),
                gender: None,
            }],
        };
        let vi = e.vi();
        assert!(vi.contains("ds_thang11.xlsx"), "{vi}");
        assert!(vi.contains("dòng 5–6"), "{vi}");
        assert!(
            vi.contains("thiếu cột Mã đối tượng hoặc cột Số CCCD/CMND"),
            "{vi}"
        );
        assert!(vi.contains("B = Họ và tên"), "{vi}");
        assert!(vi.contains("[import.headers]"), "{vi}");
    }
}
