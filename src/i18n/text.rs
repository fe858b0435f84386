//! Wording of the errors and warnings about values read from files and typed
//! by clerks: text fields, amounts of money and ID numbers.
//!
//! Messages say what is wrong and what to do; the caller adds where (file,
//! row, column). Any part of the bad value that is quoted back goes through
//! [`for_display`], so that a hostile cell cannot reach the terminal.

use super::Localize;
use crate::domain::idnumber::{IdError, IdWarning, century_start};
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

/// One character quoted back: as itself when it shows, as U+XXXX when it
/// is invisible or a control.
fn quote_char(c: char) -> String {
    let s = c.to_string();
    if c.is_whitespace() || for_display(&s) != s {
        code_point(c)
    } else {
        format!("“{c}”")
    }
}

/// A hint for ID numbers that look like they lost leading zeros.
fn lost_zero_hint(digits: usize, vi: bool) -> &'static str {
    match (digits, vi) {
        (8 | 10 | 11, true) => {
            " Nếu số lấy từ ô Excel kiểu số, các số 0 ở đầu có thể đã bị mất: sửa ô đó thành kiểu văn bản (Text) rồi nhập lại số đúng."
        }
        (8 | 10 | 11, false) => {
            " If the number came from an Excel number cell, its leading zeros may have been lost: make that cell Text and enter the number again."
        }
        _ => "",
    }
}

/// "1900–1999" for the century digit 4 of a CCCD stands for.
fn century_range(digit: u8) -> String {
    match century_start(digit) {
        Some(start) => format!("{start}–{}", start + 99),
        None => "2100+".into(),
    }
}

impl Localize for TextError {
    fn vi(&self) -> String {
        match self {
            TextError::ControlChar { ch, position } => format!(
                "Có ký tự điều khiển ẩn ({}) ở ký tự thứ {position}. Ký tự này không được phép; hãy xóa nó trong tệp gốc hoặc gõ lại giá trị.",
                code_point(*ch)
            ),
            TextError::FormatChar { ch, position } => format!(
                "Có ký tự định dạng ẩn ({}) ở ký tự thứ {position}; nó có thể làm chữ hiện sai thứ tự hoặc bị che. Hãy xóa nó trong tệp gốc hoặc gõ lại giá trị.",
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

impl Localize for IdError {
    fn vi(&self) -> String {
        match self {
            IdError::Empty => {
                "Chưa có số CCCD/CMND. Nhập số CCCD (12 chữ số) hoặc CMND cũ (9 chữ số).".into()
            }
            IdError::NonDigit { ch, digits } => format!(
                "Số CCCD/CMND chỉ được gồm chữ số, nhưng có ký tự {} (đang có {digits} chữ số). Kiểm tra lại số trên thẻ.",
                quote_char(*ch)
            ),
            IdError::WrongLength { digits } => format!(
                "Số CCCD phải có đúng 12 chữ số, CMND cũ 9 chữ số (đang có {digits}). Kiểm tra lại số trên thẻ.{}",
                lost_zero_hint(*digits, true)
            ),
            IdError::UnknownProvince { code } => format!(
                "Ba chữ số đầu của số CCCD ({}) không phải mã tỉnh/thành phố nào. Kiểm tra lại số trên thẻ.",
                for_display(code)
            ),
            IdError::FutureCentury { digit } => format!(
                "Chữ số thứ 4 của số CCCD là {digit}, ứng với người sinh từ năm 2100 trở đi, không thể đúng. Kiểm tra lại số trên thẻ."
            ),
            IdError::CenturyMismatch { digit, birth_year } => format!(
                "Chữ số thứ 4 của số CCCD là {digit}, tức là sinh trong các năm {}, nhưng năm sinh ghi là {birth_year}. Kiểm tra lại số CCCD và năm sinh trên thẻ.",
                century_range(*digit)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            IdError::Empty => {
                "No ID number. Enter the CCCD number (12 digits) or the old CMND number (9 digits)."
                    .into()
            }
            IdError::NonDigit { ch, digits } => format!(
                "An ID number has only digits, but this one has {} ({digits} digits so far). Check the number on the card.",
                quote_char(*ch)
            ),
            IdError::WrongLength { digits } => format!(
                "A CCCD number has exactly 12 digits, an old CMND 9 (this one has {digits}). Check the number on the card.{}",
                lost_zero_hint(*digits, false)
            ),
            IdError::UnknownProvince { code } => format!(
                "The first three digits of the CCCD number ({}) are not a province code. Check the number on the card.",
                for_display(code)
            ),
            IdError::FutureCentury { digit } => format!(
                "Digit 4 of the CCCD number is {digit}, meaning born in 2100 or later, which cannot be right. Check the number on the card."
            ),
            IdError::CenturyMismatch { digit, birth_year } => format!(
                "Digit 4 of the CCCD number is {digit}, meaning born in {}, but the birth year is {birth_year}. Check the CCCD number and the birth year on the card.",
                century_range(*digit)
            ),
        }
    }
}

impl Localize for IdWarning {
    fn vi(&self) -> String {
        match self {
            IdWarning::LeadingZeroRestored { zeros } => format!(
                "Đã thêm {zeros} số 0 vào đầu số CCCD/CMND (ô Excel kiểu số làm mất số 0 ở đầu). Đối chiếu với thẻ khi chi trả."
            ),
            IdWarning::BirthYearDigits { digits, birth_year } => format!(
                "Chữ số thứ 5–6 của số CCCD ({}) không khớp với năm sinh {birth_year}. Đối chiếu số CCCD và năm sinh với thẻ.",
                for_display(digits)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            IdWarning::LeadingZeroRestored { zeros } => format!(
                "Put {zeros} leading zero(s) back on the ID number (an Excel number cell drops them). Compare with the card when paying."
            ),
            IdWarning::BirthYearDigits { digits, birth_year } => format!(
                "Digits 5–6 of the CCCD number ({}) do not match the birth year {birth_year}. Compare the number and the birth year with the card.",
                for_display(digits)
            ),
        }
    }
}

crate::localized_error!(TextError, AmountError, IdError);

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
        let err = parse_amount("2.789.000\u{200B}").unwrap_err();
        assert!(err.vi().contains("U+200B"), "{}", err.vi());
        let long = "x".repeat(500);
        assert!(parse_amount(&long).unwrap_err().vi().chars().count() < 200);
    }

    #[test]
    fn id_errors_say_what_is_wrong_and_what_to_do() {
        use crate::domain::idnumber::parse;
        let err = parse("00109000123", None, false).unwrap_err();
        assert_eq!(
            err.vi(),
            "Số CCCD phải có đúng 12 chữ số, CMND cũ 9 chữ số (đang có 11). Kiểm tra lại số trên thẻ. Nếu số lấy từ ô Excel kiểu số, các số 0 ở đầu có thể đã bị mất: sửa ô đó thành kiểu văn bản (Text) rồi nhập lại số đúng."
        );
        let err = parse("0010900012345", None, false).unwrap_err();
        assert!(!err.vi().contains("Excel"));
        let err = parse("001090001234", Some(2001), false).unwrap_err();
        assert!(
            err.vi().contains("1900–1999") && err.vi().contains("2001"),
            "{}",
            err.vi()
        );
        let err = parse("00109000123\u{1b}", None, false).unwrap_err();
        assert!(err.vi().contains("U+001B") && !err.vi().contains('\u{1b}'));
        let err = parse("003090001234", None, false).unwrap_err();
        assert!(err.en().contains("(003)"));
        let err = parse("", None, false).unwrap_err();
        assert!(err.vi().starts_with("Chưa có số CCCD/CMND."));
        let err = parse("001490001234", None, false).unwrap_err();
        assert!(err.vi().contains("là 4") && err.vi().contains("2100"));
    }

    #[test]
    fn id_warnings_are_worded() {
        use crate::domain::idnumber::parse;
        let (_, warnings) = parse("79045001234", Some(1946), true).unwrap();
        assert!(warnings[0].vi().contains("Đã thêm 1 số 0"));
        assert!(warnings[1].vi().contains("(45)") && warnings[1].vi().contains("1946"));
        assert!(warnings[1].en().contains("1946"));
    }
}
