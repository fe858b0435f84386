//! The fixed words of the commands in `cli/verify.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub fn not_seal_write_day(lang: Lang) -> &'static str {
    lang.pick(
        "không phải mã niêm phong: viết NGÀY=MÃ, vd. 2026-12-05=ABCD-EFGH-JKMN-PQRS (mã in ở cuối báo cáo ngày).",
        "is not a seal: write DAY=CODE, e.g. 2026-12-05=ABCD-EFGH-JKMN-PQRS (printed at the foot of the day report).",
    )
}

pub fn problems(lang: Lang) -> &'static str {
    lang.pick("vấn đề.", "problems.")
}
