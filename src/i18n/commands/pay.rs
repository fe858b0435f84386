//! The fixed words of the commands in `cli/pay.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub use super::approval_pin;

pub fn several_people_match_use(lang: Lang) -> &'static str {
    lang.pick(
        "Có nhiều người khớp; dùng số CCCD/CMND hoặc mã hồ sơ (xem `chitra show`).",
        "Several people match; use the ID number or record code (see `chitra show`).",
    )
}

pub fn person_deceased_only_heir(lang: Lang) -> &'static str {
    lang.pick(
        "Đối tượng đã mất: chỉ chi cho người thừa kế, thêm --heir và --receiver-id là số CCCD của người thừa kế (xem chitra heir show).",
        "The person is deceased: only the heir is paid; add --heir, with the heir's ID number as --receiver-id (see chitra heir show).",
    )
}

pub fn receiver_s_id_number(lang: Lang) -> &'static str {
    lang.pick("Số CCCD/CMND của người nhận: ", "Receiver's ID number: ")
}

pub fn receiver_id_needed(lang: Lang) -> &'static str {
    lang.pick(
        "Cần --receiver-id: số CCCD/CMND của người nhận.",
        "--receiver-id is needed.",
    )
}

pub fn already_paid_same_key(lang: Lang) -> &'static str {
    lang.pick("ĐÃ CHI TRƯỚC ĐÓ (cùng khóa)", "ALREADY PAID (same key)")
}

pub fn paid(lang: Lang) -> &'static str {
    lang.pick("ĐÃ CHI", "PAID")
}

pub fn receipt(lang: Lang) -> &'static str {
    lang.pick("Biên nhận:", "Receipt:")
}
