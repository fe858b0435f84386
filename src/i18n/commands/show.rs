//! The fixed words of the commands in `cli/show.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub fn born(lang: Lang) -> &'static str {
    lang.pick("Năm sinh:", "Born:")
}

pub fn id(lang: Lang) -> &'static str {
    lang.pick("Số giấy tờ:", "ID:")
}

pub fn hamlet(lang: Lang) -> &'static str {
    lang.pick("Thôn:", "Hamlet:")
}

pub fn category(lang: Lang) -> &'static str {
    lang.pick("Diện hưởng:", "Category:")
}

pub fn status(lang: Lang) -> &'static str {
    lang.pick("Trạng thái:", "Status:")
}

pub fn nothing_unpaid(lang: Lang) -> &'static str {
    lang.pick("Không còn khoản nào chưa chi.", "Nothing unpaid.")
}

pub fn unpaid(lang: Lang) -> &'static str {
    lang.pick("Chưa chi:", "Unpaid:")
}

pub fn total(lang: Lang) -> &'static str {
    lang.pick("Tổng", "Total")
}

pub fn voided(lang: Lang) -> &'static str {
    lang.pick("  (ĐÃ HỦY)", "  (VOIDED)")
}

pub fn more_be_more_specific(lang: Lang) -> &'static str {
    lang.pick("… còn nữa; gõ cụ thể hơn.", "… more; be more specific.")
}
