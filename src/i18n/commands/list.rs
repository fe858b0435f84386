//! The fixed words of the commands in `cli/list.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

pub use super::{write_period_as_yyyy, xlsx_file_needs_out};
