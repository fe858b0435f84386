//! Wording of the errors and warnings about values read from files and typed
//! by clerks: text fields, amounts of money and ID numbers.
//!
//! Messages say what is wrong and what to do; the caller adds where (file,
//! row, column). Any part of the bad value that is quoted back goes through
//! [`for_display`], so that a hostile cell cannot reach the terminal.

use super::Localize;
use crate::domain::money::{AmountError, Money, PARSE_LIMIT_DONG};
use crate::text::TextError;
use crate::text::for_display;
use crate::text::normalize::code_point;

/// A bad value quoted back in a message: made harmless for the terminal and
/// cut to a length that fits a message line.
fn quote(value: &str) -> String {
    const MAX: usize = 40;
    let shown = for_display(value);
    if shown.chars().count() > MAX {
        let cut: String = shown.chars().take(MAX - 1).collect();
        format!("“{cut}…”")
    } else {
        format!("“{shown}”")
    }
}

fn quote_char(c: char) -> String {
    quote(c.encode_utf8(&mut [0; 4]))
}

impl Localize for TextError {
    fn vi(&self) -> String {
        match self {
            TextError::ControlChar { ch, position } => format!(
                "Có ký tự điều khiển ẩn ({}) ở ký tự thứ {position}. Ký tự này không được phép; hãy xoá nó trong tệp gốc hoặc gõ lại giá trị.",
                code_point(*ch)
            ),
            TextError::FormatChar { ch, position } => format!(
                "Có ký tự định dạng ẩn ({}) ở ký tự thứ {position}; nó có thể làm chữ hiện sai thứ tự hoặc bị che. Hãy xoá nó trong tệp gốc hoặc gõ lại giá trị.",
                code_point(*ch)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            TextError::ControlChar { ch, position } => format!(
                "Hidden control character ({}) at character {position}. It is not allowed; delete it in the source file or type the value again.",
                code_point(*ch)
            ),
            TextError::FormatChar { ch, position } => format!(
                "Hidden formatting character ({}) at character {position}; it can reorder or hide text. Delete it in the source file or type the value again.",
                code_point(*ch)
            ),
        }
    }
}

impl Localize for AmountError {
    fn vi(&self) -> String {
        let limit = Money::from_dong(PARSE_LIMIT_DONG);
        match self {
            AmountError::NotANumber { text, ch: Some(c) } => format!(
                "Số tiền {} không đọc được: có ký tự {} không phải chữ số. Chỉ ghi số đồng, ví dụ 2.789.000.",
                quote(text),
                quote_char(*c)
            ),
            AmountError::NotANumber { text, ch: None } => format!(
                "Số tiền {} không có chữ số nào. Ghi số đồng (ví dụ 2.789.000) hoặc để trống.",
                quote(text)
            ),
            AmountError::Fractional { text } => format!(
                "Số tiền {} có phần lẻ dưới một đồng. Số tiền phải là số đồng chẵn; kiểm tra lại số này.",
                quote(text)
            ),
            AmountError::Grouping { text } => format!(
                "Số tiền {} đặt dấu phân cách hàng nghìn sai chỗ hoặc lẫn dấu chấm với dấu phẩy. Mỗi nhóm phải đủ 3 chữ số, ví dụ 2.789.000; kiểm tra lại số này.",
                quote(text)
            ),
            AmountError::TooLarge { text } => format!(
                "Số tiền {} quá lớn (trên {limit}). Kiểm tra lại, có thể thừa chữ số.",
                quote(text)
            ),
        }
    }

    fn en(&self) -> String {
        let limit = Money::from_dong(PARSE_LIMIT_DONG);
        match self {
            AmountError::NotANumber { text, ch: Some(c) } => format!(
                "Cannot read the amount {}: {} is not a digit. Write whole đồng only, e.g. 2.789.000.",
                quote(text),
                quote_char(*c)
            ),
            AmountError::NotANumber { text, ch: None } => format!(
                "The amount {} has no digits. Write whole đồng (e.g. 2.789.000) or leave it empty.",
                quote(text)
            ),
            AmountError::Fractional { text } => format!(
                "The amount {} has a fraction of a đồng. Amounts must be whole đồng; check this number.",
                quote(text)
            ),
            AmountError::Grouping { text } => format!(
                "The amount {} has thousands separators in the wrong places, or mixes dots and commas. Each group needs 3 digits, e.g. 2.789.000; check this number.",
                quote(text)
            ),
            AmountError::TooLarge { text } => format!(
                "The amount {} is too large (over {limit}). Check it; there may be extra digits.",
                quote(text)
            ),
        }
    }
}

crate::localized_error!(TextError, AmountError);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::clean_field;

    #[test]
    fn text_errors_name_the_character_and_its_position() {
        let err = clean_field("Lê Văn\u{1b}[2J").unwrap_err();
        let vi = err.vi();
        assert!(vi.contains("U+001B") && vi.contains("thứ 7"), "{vi}");
        assert!(!vi.contains('\u{1b}'));
        let en = err.en();
        assert!(en.contains("U+001B") && en.contains("character 7"), "{en}");
        let err = clean_field("a\u{202E}b").unwrap_err();
        assert!(err.vi().contains("U+202E"));
    }

    #[test]
    fn amount_errors_quote_the_value_harmlessly() {
        use crate::domain::money::parse_amount;
        let err = parse_amount("2.78a").unwrap_err();
        assert_eq!(
            err.vi(),
            "Số tiền “2.78a” không đọc được: có ký tự “a” không phải chữ số. Chỉ ghi số đồng, ví dụ 2.789.000."
        );
        let err = parse_amount("1\u{1b}[2J").unwrap_err();
        assert!(!err.vi().contains('\u{1b}') && !err.en().contains('\u{1b}'));
        let err = parse_amount("2789000.5").unwrap_err();
        assert!(err.vi().contains("phần lẻ"));
        let err = parse_amount("27.89.000").unwrap_err();
        assert!(err.vi().contains("sai chỗ"));
        let err = parse_amount("9.000.000.000.000.000").unwrap_err();
        assert!(err.vi().contains("1.000.000.000.000.000 đ"), "{}", err.vi());
        let long = "x".repeat(500);
        assert!(parse_amount(&long).unwrap_err().vi().chars().count() < 200);
    }
}
