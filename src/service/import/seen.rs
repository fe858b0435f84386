//! What a list has already said, kept while it is written: the record codes
//! and ID numbers seen so far, so that a second occurrence is refused with
//! the row of the first.

use std::collections::HashMap;

use crate::service::Error;

/// Where a record code was first seen: its row, and the id of its person.
#[derive(Clone, Copy)]
pub(super) struct Seen {
    pub(super) row: u32,
    pub(super) person: u32,
}

fn code_hash(code: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(code)
}

/// The record codes seen in a list, kept by hash (a million codes as
/// strings would double the memory an import needs). A hash found again
/// is checked against the code of the person it was seen with, so two
/// codes that share a hash are still told apart.
pub(super) struct SeenCodes {
    hash: fn(&str) -> u64,
    by_hash: HashMap<u64, Seen>,
    /// The rare code whose hash another code already has.
    collided: HashMap<String, Seen>,
}

impl SeenCodes {
    pub(super) fn new() -> Self {
        SeenCodes::with_hash(code_hash)
    }

    fn with_hash(hash: fn(&str) -> u64) -> Self {
        SeenCodes {
            hash,
            by_hash: HashMap::new(),
            collided: HashMap::new(),
        }
    }

    /// The row where `code` was first seen, if it was; `code_of` gives the
    /// record code of a person seen earlier.
    pub(super) fn first_row(
        &self,
        code: &str,
        code_of: impl FnOnce(u32) -> Result<Option<String>, Error>,
    ) -> Result<Option<u32>, Error> {
        let Some(first) = self.by_hash.get(&(self.hash)(code)) else {
            return Ok(None);
        };
        if code_of(first.person)?.as_deref() == Some(code) {
            return Ok(Some(first.row));
        }
        Ok(self.collided.get(code).map(|s| s.row))
    }

    /// Records `code`, not seen before, as seen.
    pub(super) fn insert(&mut self, code: &str, seen: Seen) {
        match self.by_hash.entry((self.hash)(code)) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(seen);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.collided.insert(code.to_string(), seen);
            }
        }
    }
}

/// The number an ID is kept under in the writer's ID numbers: its digits after a
/// leading 1, so that "012…" and "12…" differ (an ID is 9 or 12 digits).
pub(super) fn id_key(id: &str) -> u64 {
    id.bytes().fold(1u64, |n, b| {
        n.saturating_mul(10)
            .saturating_add(u64::from(b.wrapping_sub(b'0')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_that_share_a_hash_are_still_told_apart() {
        // Every code has the same hash here.
        let mut seen = SeenCodes::with_hash(|_| 7);
        let people = ["HD-001", "HD-002", "HD-003"];
        let code_of = |person: u32| Ok(Some(people[person as usize].to_string()));
        assert_eq!(seen.first_row("HD-001", code_of).unwrap(), None);
        seen.insert("HD-001", Seen { row: 10, person: 0 });
        assert_eq!(seen.first_row("HD-002", code_of).unwrap(), None);
        seen.insert("HD-002", Seen { row: 11, person: 1 });
        assert_eq!(seen.first_row("HD-003", code_of).unwrap(), None);
        seen.insert("HD-003", Seen { row: 12, person: 2 });
        assert_eq!(seen.first_row("HD-001", code_of).unwrap(), Some(10));
        assert_eq!(seen.first_row("HD-002", code_of).unwrap(), Some(11));
        assert_eq!(seen.first_row("HD-003", code_of).unwrap(), Some(12));
        assert_eq!(seen.first_row("HD-004", code_of).unwrap(), None);
        // With a real hash, codes are found by their own.
        let mut seen = SeenCodes::new();
        seen.insert("HD-001", Seen { row: 3, person: 0 });
        assert_eq!(seen.first_row("HD-001", code_of).unwrap(), Some(3));
        assert_eq!(seen.first_row("HD-002", code_of).unwrap(), None);
    }

    #[test]
    fn id_keys_tell_apart_numbers_that_differ_only_by_leading_zeros() {
        assert_ne!(id_key("012345678"), id_key("12345678"));
        assert_ne!(id_key("001234567890"), id_key("01234567890"));
        assert_eq!(id_key("046048001234"), 1_046_048_001_234);
        // Twelve digits and the leading 1 fit; nothing longer is ever asked.
        assert_eq!(id_key("999999999999"), 1_999_999_999_999);
    }
}
