//! Wording of the errors and warnings about values read from files and typed
//! by clerks: text fields, amounts of money and ID numbers.
//!
//! Messages say what is wrong and what to do; the caller adds where (file,
//! row, column). Any part of the bad value that is quoted back goes through
//! [`for_display`], so that a hostile cell cannot reach the terminal.

use super::Localize;
use crate::text::TextError;
use crate::text::normalize::code_point;

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

crate::localized_error!(TextError);

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
}
