//! The fixed words of the commands in `cli/register.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub use super::{approval_pin, exactly_one_person_needed};

pub fn write_issue_date_as(lang: Lang) -> &'static str {
    lang.pick(
        "Ngày cấp phải viết YYYY-MM-DD, ví dụ 2021-05-04.",
        "Write the issue date as YYYY-MM-DD.",
    )
}

pub fn registered(lang: Lang) -> &'static str {
    lang.pick("ĐÃ ĐĂNG KÝ", "REGISTERED")
}

pub fn account(lang: Lang) -> &'static str {
    lang.pick("Tài khoản", "Account")
}

pub fn method(lang: Lang) -> &'static str {
    lang.pick("Hình thức", "Method")
}

pub fn account_holder(lang: Lang) -> &'static str {
    lang.pick("Chủ tài khoản", "Account holder")
}

pub fn phone(lang: Lang) -> &'static str {
    lang.pick("Điện thoại", "Phone")
}

pub fn id_number(lang: Lang) -> &'static str {
    lang.pick("Số CCCD/CMND", "ID number")
}

pub fn issued(lang: Lang) -> &'static str {
    lang.pick("cấp ngày", "issued")
}

pub fn at(lang: Lang) -> &'static str {
    lang.pick("tại", "at")
}
