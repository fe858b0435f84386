//! The fixed words of the command line, one file per command (`day.rs`
//! for `chitra drawer`, `void`, `close` and `report`, `import.rs` for
//! `chitra import`, …), in Vietnamese and English. Words more than one
//! command says live here.

use crate::i18n::Lang;

pub mod bank;
pub mod day;
pub mod doctor;
pub mod gate;
pub mod heir;
pub mod home;
pub mod import;
pub mod list;
pub mod lists;
pub mod pay;
pub mod period;
pub mod person;
pub mod register;
pub mod rounds;
pub mod show;
pub mod users;
pub mod verify;

pub fn approval_pin(lang: Lang) -> &'static str {
    lang.pick("Mã PIN duyệt của", "Approval PIN for")
}

pub fn exactly_one_person_needed(lang: Lang) -> &'static str {
    lang.pick(
        "Cần đúng một người: dùng số CCCD/CMND hoặc mã hồ sơ.",
        "Exactly one person is needed: use the ID number or record code.",
    )
}

pub fn write_period_as_yyyy(lang: Lang) -> &'static str {
    lang.pick(
        "Kỳ phải viết YYYY-MM, ví dụ 2026-12.",
        "Write the period as YYYY-MM, e.g. 2026-12.",
    )
}

pub fn xlsx_file_needs_out(lang: Lang) -> &'static str {
    lang.pick(
        "Tệp xlsx cần --out TỆP.xlsx.",
        "An xlsx file needs --out FILE.xlsx.",
    )
}

/// A date typed in another form than dd/mm/yyyy.
pub fn write_date_as_ddmmyyyy(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Vi => format!("{what}: viết ngày dạng dd/mm/yyyy, ví dụ 05/11/2026."),
        Lang::En => format!("{what}: write the date as dd/mm/yyyy."),
    }
}
