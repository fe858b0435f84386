//! The fixed words of the commands in `cli/bank.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub use super::write_period_as_yyyy;

pub fn no_such_batch_that(lang: Lang) -> &'static str {
    lang.pick(
        "Không có lô này trong kỳ đã cho.",
        "No such batch in that period.",
    )
}

pub fn transfer_batch_no(lang: Lang) -> &'static str {
    lang.pick("Lô chuyển khoản số", "Transfer batch no.")
}

pub fn lines(lang: Lang) -> &'static str {
    lang.pick("dòng", "lines")
}

pub fn result_transfer_batch_no(lang: Lang) -> &'static str {
    lang.pick("Kết quả lô chuyển khoản số", "Result of transfer batch no.")
}

pub fn preview_nothing_written(lang: Lang) -> &'static str {
    lang.pick(" (XEM TRƯỚC, chưa ghi gì)", " (PREVIEW, nothing written)")
}

pub fn done(lang: Lang) -> &'static str {
    lang.pick("thành công", "done")
}

pub fn failed_payable_counter(lang: Lang) -> &'static str {
    lang.pick(
        "thất bại, chi lại tại quầy",
        "failed, payable at the counter",
    )
}
