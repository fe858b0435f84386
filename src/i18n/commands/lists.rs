//! The fixed words of the commands in `cli/lists.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub use super::{write_period_as_yyyy, xlsx_file_needs_out};

pub fn list_must_one(lang: Lang) -> &'static str {
    lang.pick("Danh sách phải là một trong:", "The list must be one of:")
}
