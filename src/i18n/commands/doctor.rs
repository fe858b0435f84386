//! The fixed words of the commands in `cli/doctor.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub fn ok(lang: Lang) -> &'static str {
    lang.pick("ĐẠT     ", "OK      ")
}

pub fn attend(lang: Lang) -> &'static str {
    lang.pick("CẦN SỬA ", "ATTEND  ")
}

pub fn all_well(lang: Lang) -> &'static str {
    lang.pick("Mọi thứ ổn.", "All is well.")
}

pub fn things_need_attention(lang: Lang) -> &'static str {
    lang.pick("việc cần xử lý.", "things need attention.")
}
