//! Wording of what an import's preview says to guard against a forged
//! list: a text file that makes a list two ways, a header written with
//! look-alike letters, header cells chitra does not read, the new people.

use super::Lang;
use super::import_source::{field_en, field_vi, name};
use crate::import::table::TableError;
use crate::text::for_display;

fn delimiter(d: char) -> String {
    match d {
        '\t' => "tab".to_owned(),
        d => format!("\"{d}\""),
    }
}

/// The wording of the table errors of this module's concern.
pub(super) fn table_error(lang: Lang, e: &TableError) -> String {
    match (e, lang) {
        (TableError::AmbiguousDelimiter { file, delimiters }, Lang::Vi) => format!(
            "Tệp {} đọc được thành danh sách theo nhiều cách: tách cột bằng {} đều ra một bảng có \
             đủ tên cột. Excel có thể hiện một bảng còn chitra đọc một bảng khác, nên tệp không được \
             nhập. Hãy mở tệp bằng Excel, kiểm tra đúng danh sách đã ký, lưu lại thành .xlsx (hoặc \
             CSV chỉ dùng một dấu phân cách) rồi nhập lại.",
            name(file),
            delimiters
                .iter()
                .map(|d| delimiter(*d))
                .collect::<Vec<_>>()
                .join(" hay ")
        ),
        (TableError::AmbiguousDelimiter { file, delimiters }, Lang::En) => format!(
            "{} reads as a list more than one way: splitting its columns on {} each gives a table \
             with a complete header. Excel may show one table while chitra reads another, so the file \
             is not imported. Open it in Excel, check it is the signed list, save it as .xlsx (or as \
             CSV with one separator) and import it again.",
            name(file),
            delimiters
                .iter()
                .map(|d| delimiter(*d))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
        (
            TableError::ForgedHeader {
                file,
                row,
                column,
                text,
                field,
            },
            Lang::Vi,
        ) => format!(
            "Tệp {}, dòng {row}, cột {column}: tên cột “{}” có chữ cái của bảng chữ khác (Kirin, Hy \
             Lạp) trông giống chữ Latinh, đọc lên như “{}”. Tên cột bị làm giả như vậy che một cột \
             khác, nên tệp không được nhập. Đề nghị cơ quan chi trả gửi lại tệp, hoặc gõ lại tên cột \
             này trong Excel rồi nhập lại.",
            name(file),
            for_display(text),
            field_vi(*field)
        ),
        (
            TableError::ForgedHeader {
                file,
                row,
                column,
                text,
                field,
            },
            Lang::En,
        ) => format!(
            "{}, row {row}, column {column}: the header “{}” has letters of another alphabet \
             (Cyrillic, Greek) drawn like Latin ones, reading as “{}” ({}). A header forged this way \
             hides another column, so the file is not imported. Ask the payer to send the file again, \
             or type this header again in Excel, and import again.",
            name(file),
            for_display(text),
            field_vi(*field),
            field_en(*field)
        ),
        _ => String::new(),
    }
}

/// A header cell that names no field: its column is not read.
pub fn unread_header(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Cột “{}” không được đọc: tên cột này không phải tên cột nào chitra biết, nên số liệu \
             trong cột bị bỏ qua. Nếu đây là cột tiền hay thông tin người nhận, đừng ghi: sửa tên \
             cột trong tệp (hoặc hỏi cơ quan chi trả) rồi nhập lại.",
            for_display(text)
        ),
        Lang::En => format!(
            "Column “{}” is not read: its header is none chitra knows, so what the column holds is \
             ignored. If it holds amounts or the receiver's details, do not write: correct the header \
             in the file (or ask the payer) and import again.",
            for_display(text)
        ),
    }
}

/// The new people past those the preview names.
pub fn more_new_people(lang: Lang, n: usize) -> String {
    let n = crate::domain::Money::from_dong(n as i64).format_plain();
    match lang {
        Lang::Vi => format!("  … và {n} người mới nữa"),
        Lang::En => format!("  … and {n} more new people"),
    }
}

/// The ID number of a new person in the preview.
pub fn id_number(lang: Lang, id: Option<&str>) -> String {
    match (lang, id) {
        (Lang::Vi, Some(id)) => format!("      Số CCCD/CMND: {}", for_display(id)),
        (Lang::En, Some(id)) => format!("      ID number: {}", for_display(id)),
        (Lang::Vi, None) => "      Không có số CCCD/CMND".to_owned(),
        (Lang::En, None) => "      No ID number".to_owned(),
    }
}
