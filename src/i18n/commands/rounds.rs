//! The fixed words of the commands in `cli/rounds.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub use super::write_period_as_yyyy;

pub fn no_home_rounds_yet(lang: Lang) -> &'static str {
    lang.pick("Chưa có chuyến chi tại nhà nào.", "No home rounds yet.")
}

pub fn unknown_result(lang: Lang) -> &'static str {
    lang.pick("Kết quả không rõ.", "Unknown result.")
}

pub fn confirmation_pin_postman(lang: Lang) -> &'static str {
    lang.pick("Mã PIN xác nhận của bưu tá", "Confirmation PIN of postman")
}
