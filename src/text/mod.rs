//! Vietnamese text: Unicode normalisation, search folding, collation and
//! sanitising of text that comes from files or users.
//!
//! Everything that enters chitra passes through here, so that the rest of the
//! program can assume NFC text with no control or bidi characters.

pub mod collate;
pub mod fold;
pub mod normalize;
pub mod sanitize;

pub use fold::fold;
pub use normalize::{TextError, clean_field, clean_field_owned, is_nfc, nfc};
pub use sanitize::for_display;
