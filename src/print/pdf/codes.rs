//! Which font object and one-byte code draws each character of a PDF made
//! by [`super::render`], and the names and Unicode maps that let the
//! printed text be read back exactly.

use std::collections::BTreeMap;

/// Which font object and code draws each character: ASCII is itself in
/// every font object (the standard names); every other character gets a
/// code from 127 to 255 in the first object with room.
pub(super) struct Codes {
    of: BTreeMap<char, (usize, u8)>,
    by_set: Vec<BTreeMap<u8, char>>,
}

impl Codes {
    pub(super) fn assign(chars: impl Iterator<Item = char>) -> Codes {
        let mut of = BTreeMap::new();
        let mut by_set: Vec<BTreeMap<u8, char>> = vec![BTreeMap::new()];
        let mut next: u16 = 127;
        let mut ascii = Vec::new();
        for c in chars {
            if (' '..='~').contains(&c) {
                ascii.push(c);
                continue;
            }
            if next > 255 {
                by_set.push(BTreeMap::new());
                next = 127;
            }
            let code = next as u8;
            next += 1;
            let set = by_set.len() - 1;
            by_set[set].insert(code, c);
            of.insert(c, (set, code));
        }
        for c in ascii {
            of.insert(c, (0, c as u8));
            for set in &mut by_set {
                set.insert(c as u8, c);
            }
        }
        Codes { of, by_set }
    }

    pub(super) fn sets(&self) -> usize {
        self.by_set.len()
    }

    pub(super) fn char_of(&self, set: usize, code: u8) -> Option<char> {
        self.by_set[set].get(&code).copied()
    }

    /// Font object and code of `c`; ASCII stays in whichever object is set.
    pub(super) fn code(&self, c: char, current: usize) -> (usize, u8) {
        match self.of.get(&c) {
            Some(&(_, code)) if code < 127 => (current, code),
            Some(&found) => found,
            None => (current, b'?'),
        }
    }

    pub(super) fn differences(&self, set: usize) -> String {
        let mut out = String::new();
        let mut expect = None;
        for (&code, &c) in self.by_set[set].range(127..) {
            if expect != Some(code) {
                out.push_str(&format!("{code}"));
            }
            out.push_str(&glyph_name(c));
            expect = code.checked_add(1);
        }
        out
    }

    pub(super) fn to_unicode(&self, set: usize) -> String {
        let entries = &self.by_set[set];
        let mut out = String::from(
            "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n\
             /CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n\
             1 begincodespacerange\n<00><FF>\nendcodespacerange\n",
        );
        let list: Vec<_> = entries.iter().collect();
        for chunk in list.chunks(100) {
            out.push_str(&format!("{} beginbfchar\n", chunk.len()));
            for (code, c) in chunk {
                out.push_str(&format!("<{code:02X}><{}>\n", utf16_hex_raw(**c)));
            }
            out.push_str("endbfchar\n");
        }
        out.push_str("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n");
        out
    }
}

/// The glyph name that says which character it is (Adobe's `uniXXXX`).
pub(super) fn glyph_name(c: char) -> String {
    let v = u32::from(c);
    if v <= 0xFFFF {
        format!("/uni{v:04X}")
    } else {
        format!("/u{v:06X}")
    }
}

pub(super) fn utf16_hex_raw(c: char) -> String {
    let mut buf = [0u16; 2];
    c.encode_utf16(&mut buf)
        .iter()
        .map(|u| format!("{u:04X}"))
        .collect()
}

/// A text string for the document's information: UTF-16 with its mark.
pub(super) fn utf16_hex(s: &str) -> String {
    let mut out = String::from("FEFF");
    for c in s.chars().filter(|c| !c.is_control()) {
        out.push_str(&utf16_hex_raw(c));
    }
    out
}
