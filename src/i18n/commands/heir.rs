//! The fixed words of the commands in `cli/heir.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub use super::{approval_pin, exactly_one_person_needed};

pub fn date_death(lang: Lang) -> &'static str {
    lang.pick("Ngày mất", "Date of death")
}

pub fn certificate_date(lang: Lang) -> &'static str {
    lang.pick("Ngày cấp giấy chứng tử", "Certificate date")
}

pub fn family_paper_date(lang: Lang) -> &'static str {
    lang.pick("Ngày giấy của gia đình", "Family paper date")
}

pub fn heir_recorded(lang: Lang) -> &'static str {
    lang.pick("ĐÃ GHI NGƯỜI THỪA KẾ", "HEIR RECORDED")
}

pub fn replaced(lang: Lang) -> &'static str {
    lang.pick("Đã thay:", "Replaced:")
}

pub fn id(lang: Lang) -> &'static str {
    lang.pick("CCCD/CMND", "ID")
}

pub fn address(lang: Lang) -> &'static str {
    lang.pick("Địa chỉ:", "Address:")
}

pub fn phone(lang: Lang) -> &'static str {
    lang.pick("ĐT", "phone")
}

pub fn no(lang: Lang) -> &'static str {
    lang.pick("số", "no.")
}

pub fn dated(lang: Lang) -> &'static str {
    lang.pick("ngày", "dated")
}

pub fn died(lang: Lang) -> &'static str {
    lang.pick("ngày mất", "died")
}

pub fn family_paper(lang: Lang) -> &'static str {
    lang.pick("Giấy của gia đình", "Family paper")
}

pub fn recorded(lang: Lang) -> &'static str {
    lang.pick("Ghi bởi", "Recorded by")
}

pub fn approved(lang: Lang) -> &'static str {
    lang.pick("duyệt:", "approved:")
}
