//! The fixed words of the commands in `cli/period.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub use super::{write_period_as_yyyy, xlsx_file_needs_out};

pub fn close_reason_given_those(lang: Lang) -> &'static str {
    lang.pick(
        "Khi khóa, ghi lý do chung cho người chưa có lý do:",
        "At the close, the reason given to those without one:",
    )
}

pub fn preview_nothing_closed_or(lang: Lang) -> &'static str {
    lang.pick(
        "XEM TRƯỚC: chưa khóa kỳ, chưa ghi gì.",
        "PREVIEW: nothing closed or written.",
    )
}

pub fn pin_close_period(lang: Lang) -> &'static str {
    lang.pick("Mã PIN để khóa kỳ: ", "PIN to close the period: ")
}

pub fn period_closed(lang: Lang) -> &'static str {
    lang.pick("ĐÃ KHÓA KỲ", "PERIOD CLOSED")
}

pub fn results(lang: Lang) -> &'static str {
    lang.pick("Kết quả:", "Results:")
}
