//! What a list has already said, kept while it is written: the record codes
//! and ID numbers seen so far, so that a second occurrence is refused with
//! the row of the first.

use std::collections::HashMap;

use crate::service::Error;

/// Where a record code was first seen: its row, and the id of its person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Seen {
    pub(super) row: u32,
    pub(super) person: u32,
}

fn code_hash(code: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(code)
}

/// Bits of a slot that hold the row (a list has at most
/// [`MAX_ROWS`](crate::import::source::limits::MAX_ROWS) rows).
const ROW_BITS: u32 = 21;
/// Bits of a slot left for the key.
const KEY_BITS: u32 = 64 - ROW_BITS;

/// Slots enough for a key on every row a list can have, at most 7/8 full.
/// Growing by half past this would only add free slots: a million-row
/// list's tables grew from about a million slots to 1.5 million, holding
/// both at once for a moment.
const MOST_SLOTS: usize = (crate::import::source::limits::MAX_ROWS * 8).div_ceil(7);

/// The size a table of `now` slots grows to.
fn grown_size(now: usize, first_size: usize) -> usize {
    let grown = now + now / 2;
    if now < MOST_SLOTS {
        grown.min(MOST_SLOTS).max(first_size)
    } else {
        grown
    }
}

/// Whether a table of `size` slots holding `len` keys grows before its next.
fn is_full(len: usize, size: usize) -> bool {
    (len + 1) * 8 > size * 7
}

/// Keys (under 2^43, never 0) with the row each was first seen on, and a
/// number beside it, in an open-addressed table: the key and its row share
/// one 8-byte word, and the table grows by half when it is 7/8 full, but
/// never past [`MOST_SLOTS`], which holds the most rows a list can have. A
/// million keys take 9.6 MB (14.4 with the numbers), against 36 MiB for a
/// `HashMap<u64, u32>`, whose entries are padded to 16 bytes and which
/// doubles. Keys or rows too large for a word (never met in a real list)
/// are kept aside.
pub(super) struct Rows {
    /// `key << ROW_BITS | row`, or 0 for a free slot.
    words: Vec<u64>,
    /// The number kept beside each key (empty when none is kept).
    beside: Vec<u32>,
    keeps_beside: bool,
    len: usize,
    /// The size of the table when its first key comes.
    first_size: usize,
    aside: HashMap<u64, (u32, u32)>,
}

impl Rows {
    /// A table; `keeps_beside` says whether it keeps a number with each
    /// key, `first_size` how many slots it starts with when its first key
    /// comes (two tables filled side by side start at different sizes, so
    /// that they do not grow at the same moment).
    pub(super) fn new(keeps_beside: bool, first_size: usize) -> Self {
        Rows {
            words: Vec::new(),
            beside: Vec::new(),
            keeps_beside,
            len: 0,
            first_size: first_size.max(8),
            aside: HashMap::new(),
        }
    }

    fn fits(key: u64, row: u32) -> bool {
        key != 0 && key >> KEY_BITS == 0 && row >> ROW_BITS == 0
    }

    /// The slot where `key` is, or the free one where it would go.
    fn slot(words: &[u64], key: u64) -> usize {
        let size = words.len();
        // The mixed key scaled to the table's size (any size, not only
        // powers of two).
        let mixed = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut at = ((u128::from(mixed) * size as u128) >> 64) as usize;
        loop {
            let w = words[at];
            if w == 0 || w >> ROW_BITS == key {
                return at;
            }
            at += 1;
            if at == size {
                at = 0;
            }
        }
    }

    /// The row `key` was first seen on, and the number kept with it.
    pub(super) fn get(&self, key: u64) -> Option<(u32, u32)> {
        if key == 0 || key >> KEY_BITS != 0 {
            return self.aside.get(&key).copied();
        }
        if self.words.is_empty() {
            return None;
        }
        let at = Self::slot(&self.words, key);
        let w = self.words[at];
        if w != 0 {
            let beside = if self.keeps_beside {
                self.beside[at]
            } else {
                0
            };
            return Some(((w & ((1 << ROW_BITS) - 1)) as u32, beside));
        }
        // A key stored with a row too large for a word is aside.
        if self.aside.is_empty() {
            None
        } else {
            self.aside.get(&key).copied()
        }
    }

    /// Records `key`, not seen before, as first seen on `row`.
    pub(super) fn insert(&mut self, key: u64, row: u32, beside: u32) {
        if !Self::fits(key, row) {
            self.aside.insert(key, (row, beside));
            return;
        }
        // At most 7/8 full: a key is still found in a few probes.
        if is_full(self.len, self.words.len()) {
            self.grow();
        }
        let at = Self::slot(&self.words, key);
        self.words[at] = key << ROW_BITS | u64::from(row);
        if self.keeps_beside {
            self.beside[at] = beside;
        }
        self.len += 1;
    }

    fn grow(&mut self) {
        let size = grown_size(self.words.len(), self.first_size);
        let old_words = std::mem::replace(&mut self.words, vec![0; size]);
        let old_beside = std::mem::replace(
            &mut self.beside,
            if self.keeps_beside {
                vec![0; size]
            } else {
                Vec::new()
            },
        );
        for (i, w) in old_words.into_iter().enumerate() {
            if w != 0 {
                let at = Self::slot(&self.words, w >> ROW_BITS);
                self.words[at] = w;
                if self.keeps_beside {
                    self.beside[at] = old_beside[i];
                }
            }
        }
    }
}

/// The record codes seen in a list, kept by hash (a million codes as
/// strings would double the memory an import needs). A hash found again
/// is checked against the code of the person it was seen with, so two
/// codes that share a hash are still told apart.
pub(super) struct SeenCodes {
    hash: fn(&str) -> u64,
    by_hash: Rows,
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
            by_hash: Rows::new(true, CODES_FIRST_SIZE),
            collided: HashMap::new(),
        }
    }

    /// The key a code is kept under: the top bits of its hash, never 0.
    fn key(&self, code: &str) -> u64 {
        (self.hash)(code) >> (ROW_BITS + 1) | 1 << (KEY_BITS - 1)
    }

    /// The row where `code` was first seen, if it was; `code_of` gives the
    /// record code of a person seen earlier.
    pub(super) fn first_row(
        &self,
        code: &str,
        code_of: impl FnOnce(u32) -> Result<Option<String>, Error>,
    ) -> Result<Option<u32>, Error> {
        let Some((row, person)) = self.by_hash.get(self.key(code)) else {
            return Ok(None);
        };
        if code_of(person)?.as_deref() == Some(code) {
            return Ok(Some(row));
        }
        Ok(self.collided.get(code).map(|s| s.row))
    }

    /// Records `code`, not seen before, as seen.
    pub(super) fn insert(&mut self, code: &str, seen: Seen) {
        let key = self.key(code);
        if self.by_hash.get(key).is_some() {
            self.collided.insert(code.to_string(), seen);
        } else {
            self.by_hash.insert(key, seen.row, seen.person);
        }
    }
}

/// The first sizes of the two tables. Both fill at one key a row, on two
/// threads at once: from the same size they grew on the same row, each
/// holding its old and new slots at that moment (a million-row list's
/// peak). Sizes apart by √1.5 make each table grow about a fifth of the
/// way between two growths of the other: the ID numbers' table reaches
/// [`MOST_SLOTS`] near row 720,000, the codes' near row 883,000.
const CODES_FIRST_SIZE: usize = 1024;
const IDS_FIRST_SIZE: usize = 1254;

/// The ID numbers seen in a list, each with the row it was first seen on.
pub(super) struct SeenIds(Rows);

impl SeenIds {
    pub(super) fn new() -> Self {
        SeenIds(Rows::new(false, IDS_FIRST_SIZE))
    }

    /// The row `id` was first seen on; otherwise records it as seen on `row`.
    pub(super) fn first_row_or_insert(&mut self, id: &str, row: u32) -> Option<u32> {
        let key = id_key(id);
        if let Some((first, _)) = self.0.get(key) {
            return Some(first);
        }
        self.0.insert(key, row, 0);
        None
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
    fn rows_are_found_again_after_the_table_grows() {
        let mut t = Rows::new(true, 1024);
        // Keys near the limits of a word, and keys past them (kept aside).
        let keys: Vec<u64> = (1..5_000u64)
            .map(|k| k * 0x1_0000_0001 % (1 << KEY_BITS))
            .chain([1, (1 << KEY_BITS) - 1, 1 << KEY_BITS, u64::MAX])
            .collect();
        for (i, &k) in keys.iter().enumerate() {
            if t.get(k).is_none() {
                t.insert(k, i as u32, 7 * i as u32);
            }
        }
        for (i, &k) in keys.iter().enumerate() {
            let (row, beside) = t.get(k).unwrap();
            assert_eq!(keys[row as usize], k);
            assert_eq!(beside, 7 * row);
            assert!(row as usize <= i);
        }
        assert_eq!(t.get(3), None);
        // A row too large for a word is kept aside and found again.
        t.insert(42_424_242, 1 << ROW_BITS, 5);
        assert_eq!(t.get(42_424_242), Some((1 << ROW_BITS, 5)));
        // Without numbers beside the keys, 0 comes back.
        let mut t = Rows::new(false, 1024);
        t.insert(9, 12, 99);
        assert_eq!(t.get(9), Some((12, 0)));
    }

    /// The rows on which a table starting at `first_size` grows, with the
    /// size it grows to, for a list of the most rows a list can have.
    fn growths(first_size: usize) -> Vec<(usize, usize)> {
        let mut size = 0;
        let mut out = Vec::new();
        for len in 0..crate::import::source::limits::MAX_ROWS {
            if is_full(len, size) {
                size = grown_size(size, first_size);
                out.push((len + 1, size));
            }
        }
        out
    }

    #[test]
    fn the_two_tables_never_grow_large_on_the_same_rows_nor_past_the_most_a_list_needs() {
        let codes = growths(CODES_FIRST_SIZE);
        let ids = growths(IDS_FIRST_SIZE);
        for table in [&codes, &ids] {
            // The last growth stops at the most slots a list can fill.
            assert_eq!(table.last().unwrap().1, MOST_SLOTS);
            assert!(!is_full(
                crate::import::source::limits::MAX_ROWS - 1,
                MOST_SLOTS
            ));
        }
        // Where a growth costs more than a megabyte, the other table's
        // growths are at least a sixth of the way away.
        for &(row, size) in codes.iter().filter(|g| g.1 > 100_000) {
            for &(other, _) in &ids {
                assert!(row.abs_diff(other) >= row / 6, "{row} {other} {size}");
            }
        }
    }

    #[test]
    fn an_id_number_seen_twice_gives_the_first_row() {
        let mut ids = SeenIds::new();
        assert_eq!(ids.first_row_or_insert("046048001234", 8), None);
        assert_eq!(ids.first_row_or_insert("46048001234", 9), None);
        assert_eq!(ids.first_row_or_insert("012345678", 10), None);
        assert_eq!(ids.first_row_or_insert("046048001234", 11), Some(8));
        assert_eq!(ids.first_row_or_insert("012345678", 12), Some(10));
        assert_eq!(ids.first_row_or_insert("46048001234", 13), Some(9));
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
