//! Wording with values in it for closing the day: the PIN popup and what
//! the close screen says. The report's own words are in `i18n::report`.

use crate::i18n::Lang;

/// What closing a day does, in the PIN popup.
pub fn close_what(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Khóa sổ ngày {date}. Sau khi khóa, không ghi thêm được chi trả, hủy chi hay giao nhận tiền của ngày này; bản sao lưu được ghi ngay."
        ),
        Lang::En => format!(
            "Close {date}. Once closed, no payment, void or cash movement of that day can be recorded; a backup is written at once."
        ),
    }
}

/// After the day was closed.
pub fn day_closed(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã khóa sổ ngày {date}."),
        Lang::En => format!("{date} is closed."),
    }
}

/// Where the printed report was written.
pub fn report_printed(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã in báo cáo (tệp {file})."),
        Lang::En => format!("Report printed (file {file})."),
    }
}
