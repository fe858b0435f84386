//! Vietnamese text: Unicode normalisation, search folding, collation and
//! sanitising of text that comes from files or users.
//!
//! Everything that enters chitra passes through here, so that the rest of the
//! program can assume NFC text with no control or bidi characters.

pub mod fold;

pub use fold::fold;
