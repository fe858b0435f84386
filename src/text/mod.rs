//! Vietnamese text: Unicode normalisation, search folding, collation,
//! sanitising of text that comes from files or users, and laying text out
//! in terminal columns.
//!
//! Everything that enters chitra passes through here, so that the rest of the
//! program can assume NFC text with no control or bidi characters.

pub mod collate;
pub mod fold;
pub mod layout;
pub mod normalize;
pub mod sanitize;

pub use fold::fold;
pub use normalize::{TextError, clean_field, clean_field_owned, is_nfc, nfc};
pub use sanitize::for_display;

/// Short strings drawn from `alphabet` (up to 8 characters each), the same
/// ones for the same `seed`: for checking a quick path against a careful one.
#[cfg(test)]
pub(crate) fn sample_strings(alphabet: &[char], count: usize, seed: u64) -> Vec<String> {
    let mut x = seed | 1;
    (0..count)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 9) as usize;
            (0..len)
                .map(|i| alphabet[((x >> (i * 5 + 8)) % alphabet.len() as u64) as usize])
                .collect()
        })
        .collect()
}
