//! The fixed words of the commands in `cli/person.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

pub use super::exactly_one_person_needed;
