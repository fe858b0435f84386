//! The words of what a workbook hides from whoever reads it in Excel, in
//! Vietnamese and English: a header row or columns the list is read from
//! that Excel hides (refusals of the file), and the other sheets with data
//! besides the one read (a warning of the preview).

use super::import_source::name;
use crate::import::table::Column;
use crate::text::for_display;
use std::path::Path;

/// "cột B (Họ và tên), cột I (Trợ cấp)".
fn columns(cols: &[Column], word: &str) -> String {
    cols.iter()
        .map(|c| format!("{word} {} ({})", c.letter, for_display(&c.header_text)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "\"Danh sách\", \"Tổng hợp\"".
fn sheets(names: &[String]) -> String {
    names
        .iter()
        .map(|s| format!("\"{}\"", for_display(s)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn hidden_header_vi(file: &Path, row: usize) -> String {
    format!(
        "Tệp {}: dòng tên cột (dòng {row}) bị ẩn trong Excel (ẩn dòng, hoặc thấp đến mức không thấy): \
         người đọc danh sách bằng Excel thấy tên cột khác, hoặc không thấy tên cột nào, nên có thể đọc \
         một bảng khác với bảng chitra đọc. Không nhập gì. Hãy mở tệp, bỏ ẩn các dòng và các cột (chọn cả \
         trang, Format → Hide & Unhide → Unhide Rows, rồi Unhide Columns), hỏi cơ quan chi trả đâu là \
         danh sách đúng, sửa tệp (hoặc đề nghị gửi lại) rồi nhập lại.",
        name(file)
    )
}

pub fn hidden_header_en(file: &Path, row: usize) -> String {
    format!(
        "{}: the header row (row {row}) is hidden in Excel (hidden, or too low to see): whoever reads the \
         list in Excel sees other column names, or none, and may read another table than chitra would. \
         Nothing imported. Open the file, unhide rows and columns (select the whole sheet, Format → Hide \
         & Unhide → Unhide Rows, then Unhide Columns), ask the paying agency which list is right, correct \
         the file (or ask for it again) and import again.",
        name(file)
    )
}

pub fn hidden_columns_vi(file: &Path, cols: &[Column]) -> String {
    format!(
        "Tệp {}: {} bị ẩn trong Excel (ẩn cột, hoặc hẹp đến mức không thấy), mà chitra đọc danh sách từ \
         các cột đó: người đọc danh sách bằng Excel không thấy số liệu trong đó, nên không nhập gì. Hãy \
         mở tệp, bỏ ẩn các cột (chọn cả trang, Format → Hide & Unhide → Unhide Columns), hỏi cơ quan chi \
         trả các cột đó có đúng không, sửa tệp (hoặc đề nghị gửi lại) rồi nhập lại.",
        name(file),
        columns(cols, "cột")
    )
}

pub fn hidden_columns_en(file: &Path, cols: &[Column]) -> String {
    format!(
        "{}: {} hidden in Excel (hidden, or too narrow to see), and chitra reads the list from them: \
         whoever reads the list in Excel does not see what they hold, so nothing is imported. Open the \
         file, unhide the columns (select the whole sheet, Format → Hide & Unhide → Unhide Columns), ask \
         the paying agency whether those columns are right, correct the file (or ask for it again) and \
         import again.",
        name(file),
        match cols.len() {
            1 => format!("{} is", columns(cols, "column")),
            _ => format!("{} are", columns(cols, "column")),
        }
    )
}

pub fn other_sheets_vi(read: &str, others: &[String]) -> String {
    format!(
        "Ngoài trang \"{}\" đã đọc (trang Excel mở ra đầu tiên), tệp còn có dữ liệu ở trang {}. Hãy chắc \
         rằng trang \"{}\" là danh sách của kỳ này; nếu không, để danh sách ở một tệp riêng chỉ có trang \
         đó rồi nhập lại.",
        for_display(read),
        sheets(others),
        for_display(read)
    )
}

pub fn other_sheets_en(read: &str, others: &[String]) -> String {
    format!(
        "Besides the sheet \"{}\" that was read (the one Excel opens at), the file has data on sheet(s) \
         {}. Make sure \"{}\" is this period's list; if not, put the list alone in a file of its own and \
         import again.",
        for_display(read),
        sheets(others),
        for_display(read)
    )
}
