//! Reading a TrueType font file far enough to print with it: which glyph
//! draws a character (the Windows Unicode `cmap`), the font's measures for
//! the PDF font descriptor, and a subset of the font that keeps only the
//! glyphs a document uses.
//!
//! The subset keeps every glyph at its own index (the glyphs not used are
//! emptied), so the `cmap`, `hmtx` and hinting tables stay valid as they
//! are; only `glyf`, `loca`, `head` and `post` are written anew, and the
//! layout tables (`GSUB`, `GPOS`, kerning) are left out since a printed
//! line of fixed columns uses none of them.
//!
//! Not here: OpenType fonts with CFF outlines, font collections, shaping.

use std::collections::BTreeSet;

/// Why a font file cannot be printed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed(pub &'static str);

/// A TrueType font read from its file.
#[derive(Debug, Clone)]
pub struct Font {
    data: Vec<u8>,
    tables: Vec<Table>,
    cmap: Cmap,
    num_glyphs: u16,
    long_loca: bool,
    pub units_per_em: u16,
    /// The font's box, ascender, descender and capital height, in font units.
    pub bbox: [i16; 4],
    pub ascender: i16,
    pub descender: i16,
    pub cap_height: i16,
    pub italic_angle: i32,
    pub fixed_pitch: bool,
    /// The PostScript name (letters, digits and '-'), or empty.
    pub postscript_name: String,
}

#[derive(Debug, Clone, Copy)]
struct Table {
    tag: [u8; 4],
    offset: usize,
    len: usize,
}

/// The Unicode character map: format 4 (the BMP) or 12 (all planes).
#[derive(Debug, Clone)]
enum Cmap {
    Segments4 { at: usize },
    Groups12 { at: usize, count: usize },
}

fn u16_at(d: &[u8], at: usize) -> Result<u16, Malformed> {
    d.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or(Malformed("truncated"))
}

fn i16_at(d: &[u8], at: usize) -> Result<i16, Malformed> {
    u16_at(d, at).map(|v| v as i16)
}

fn u32_at(d: &[u8], at: usize) -> Result<u32, Malformed> {
    d.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or(Malformed("truncated"))
}

impl Font {
    /// Reads a TrueType font (`.ttf`) from its bytes.
    pub fn parse(data: Vec<u8>) -> Result<Font, Malformed> {
        let version = u32_at(&data, 0)?;
        if version != 0x0001_0000 && &data[..4] != b"true" {
            return Err(Malformed("not a TrueType font with glyph outlines"));
        }
        let count = usize::from(u16_at(&data, 4)?);
        let mut tables = Vec::with_capacity(count);
        for i in 0..count {
            let at = 12 + 16 * i;
            let rec = data.get(at..at + 16).ok_or(Malformed("truncated"))?;
            let tag = [rec[0], rec[1], rec[2], rec[3]];
            let offset = u32_at(&data, at + 8)? as usize;
            let len = u32_at(&data, at + 12)? as usize;
            if offset.checked_add(len).is_none_or(|end| end > data.len()) {
                return Err(Malformed("a table lies outside the file"));
            }
            tables.push(Table { tag, offset, len });
        }
        let find = |tag: &[u8; 4]| tables.iter().find(|t| &t.tag == tag).copied();
        for tag in [
            b"head", b"hhea", b"maxp", b"loca", b"glyf", b"hmtx", b"cmap",
        ] {
            if find(tag).is_none() {
                return Err(Malformed("a required table is missing"));
            }
        }
        let head = find(b"head").ok_or(Malformed("head"))?.offset;
        let hhea = find(b"hhea").ok_or(Malformed("hhea"))?.offset;
        let maxp = find(b"maxp").ok_or(Malformed("maxp"))?.offset;
        let units_per_em = u16_at(&data, head + 18)?;
        if units_per_em == 0 {
            return Err(Malformed("units per em is zero"));
        }
        let bbox = [
            i16_at(&data, head + 36)?,
            i16_at(&data, head + 38)?,
            i16_at(&data, head + 40)?,
            i16_at(&data, head + 42)?,
        ];
        let long_loca = i16_at(&data, head + 50)? == 1;
        let ascender = i16_at(&data, hhea + 4)?;
        let descender = i16_at(&data, hhea + 6)?;
        let num_glyphs = u16_at(&data, maxp + 4)?;
        let cap_height = match find(b"OS/2") {
            Some(t) if t.len >= 90 && u16_at(&data, t.offset)? >= 2 => {
                i16_at(&data, t.offset + 88)?
            }
            _ => (i32::from(ascender) * 7 / 10) as i16,
        };
        let (italic_angle, fixed_pitch) = match find(b"post") {
            Some(t) if t.len >= 16 => (
                (u32_at(&data, t.offset + 4)? as i32) >> 16,
                u32_at(&data, t.offset + 12)? != 0,
            ),
            _ => (0, false),
        };
        let cmap = read_cmap(&data, find(b"cmap").ok_or(Malformed("cmap"))?)?;
        let postscript_name = find(b"name")
            .and_then(|t| postscript_name(&data, t))
            .unwrap_or_default();
        Ok(Font {
            data,
            tables,
            cmap,
            num_glyphs,
            long_loca,
            units_per_em,
            bbox,
            ascender,
            descender,
            cap_height,
            italic_angle,
            fixed_pitch,
            postscript_name,
        })
    }

    fn table(&self, tag: &[u8; 4]) -> Option<Table> {
        self.tables.iter().find(|t| &t.tag == tag).copied()
    }

    fn bytes_of(&self, tag: &[u8; 4]) -> &[u8] {
        self.table(tag)
            .map(|t| &self.data[t.offset..t.offset + t.len])
            .unwrap_or(&[])
    }

    /// The glyph that draws `c`, if the font has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        let c = u32::from(c);
        let d = &self.data;
        let g = match self.cmap {
            Cmap::Segments4 { at } => {
                let c = u16::try_from(c).ok()?;
                let segs = usize::from(u16_at(d, at + 6).ok()? / 2);
                let ends = at + 14;
                let starts = ends + 2 * segs + 2;
                let deltas = starts + 2 * segs;
                let ranges = deltas + 2 * segs;
                let mut found = None;
                for s in 0..segs {
                    if c <= u16_at(d, ends + 2 * s).ok()? {
                        found = Some(s);
                        break;
                    }
                }
                let s = found?;
                let start = u16_at(d, starts + 2 * s).ok()?;
                if c < start {
                    return None;
                }
                let delta = u16_at(d, deltas + 2 * s).ok()?;
                let range = u16_at(d, ranges + 2 * s).ok()?;
                if range == 0 {
                    c.wrapping_add(delta)
                } else {
                    let at = ranges + 2 * s + usize::from(range) + 2 * usize::from(c - start);
                    match u16_at(d, at).ok()? {
                        0 => 0,
                        g => g.wrapping_add(delta),
                    }
                }
            }
            Cmap::Groups12 { at, count } => {
                let mut g = 0;
                for i in 0..count {
                    let rec = at + 16 + 12 * i;
                    let first = u32_at(d, rec).ok()?;
                    let last = u32_at(d, rec + 4).ok()?;
                    if (first..=last).contains(&c) {
                        g = u16::try_from(u32_at(d, rec + 8).ok()? + (c - first)).ok()?;
                        break;
                    }
                }
                g
            }
        };
        (g != 0 && g < self.num_glyphs).then_some(g)
    }

    /// How far glyph `g` advances, in font units.
    pub fn advance(&self, g: u16) -> u16 {
        let hmtx = self.bytes_of(b"hmtx");
        let hhea = self.bytes_of(b"hhea");
        let long = u16_at(hhea, 34).unwrap_or(1).max(1);
        let i = usize::from(g.min(long - 1));
        u16_at(hmtx, 4 * i).unwrap_or(self.units_per_em / 2)
    }

    /// The glyph data of `g` within the `glyf` table.
    fn glyph_range(&self, g: u16) -> Result<std::ops::Range<usize>, Malformed> {
        let loca = self.bytes_of(b"loca");
        let i = usize::from(g);
        let (start, end) = if self.long_loca {
            (
                u32_at(loca, 4 * i)? as usize,
                u32_at(loca, 4 * i + 4)? as usize,
            )
        } else {
            (
                usize::from(u16_at(loca, 2 * i)?) * 2,
                usize::from(u16_at(loca, 2 * i + 2)?) * 2,
            )
        };
        if start > end || end > self.bytes_of(b"glyf").len() {
            return Err(Malformed("a glyph lies outside its table"));
        }
        Ok(start..end)
    }

    /// The font file cut down to the glyphs `used` (and the glyphs they are
    /// built from, and glyph 0), each still at its own index.
    pub fn subset(&self, used: &BTreeSet<u16>) -> Result<Vec<u8>, Malformed> {
        let glyf = self.bytes_of(b"glyf");
        let mut keep: BTreeSet<u16> = BTreeSet::new();
        let mut todo: Vec<u16> = used.iter().copied().chain([0]).collect();
        while let Some(g) = todo.pop() {
            if g >= self.num_glyphs || !keep.insert(g) {
                continue;
            }
            let r = self.glyph_range(g)?;
            todo.extend(components(&glyf[r])?);
        }
        let mut new_glyf = Vec::new();
        let mut new_loca = Vec::with_capacity(4 * (usize::from(self.num_glyphs) + 1));
        for g in 0..self.num_glyphs {
            new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
            if keep.contains(&g) {
                new_glyf.extend_from_slice(&glyf[self.glyph_range(g)?]);
                while new_glyf.len() % 4 != 0 {
                    new_glyf.push(0);
                }
            }
        }
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

        let mut head = self.bytes_of(b"head").to_vec();
        if head.len() < 54 {
            return Err(Malformed("head is too short"));
        }
        head[8..12].copy_from_slice(&[0; 4]);
        head[50..52].copy_from_slice(&1i16.to_be_bytes());
        // Version 3 of `post`: the same measures, no glyph names.
        let mut post = self
            .bytes_of(b"post")
            .get(..32)
            .unwrap_or(&[0; 32])
            .to_vec();
        post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());

        let mut out: Vec<([u8; 4], Vec<u8>)> = Vec::new();
        for t in &self.tables {
            let body = match &t.tag {
                b"glyf" => new_glyf.clone(),
                b"loca" => new_loca.clone(),
                b"head" => head.clone(),
                b"post" => post.clone(),
                b"cmap" | b"hhea" | b"hmtx" | b"maxp" | b"cvt " | b"fpgm" | b"prep" | b"OS/2"
                | b"name" | b"gasp" => self.data[t.offset..t.offset + t.len].to_vec(),
                _ => continue,
            };
            out.push((t.tag, body));
        }
        out.sort_by_key(|(tag, _)| *tag);
        Ok(assemble(out))
    }
}

/// The glyphs a composite glyph is built from (none for a simple glyph).
fn components(glyph: &[u8]) -> Result<Vec<u16>, Malformed> {
    if glyph.len() < 10 || i16_at(glyph, 0)? >= 0 {
        return Ok(Vec::new());
    }
    const WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    let mut found = Vec::new();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        found.push(u16_at(glyph, at + 2)?);
        at += 4 + if flags & WORDS != 0 { 4 } else { 2 };
        at += if flags & SCALE != 0 {
            2
        } else if flags & XY_SCALE != 0 {
            4
        } else if flags & TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE == 0 {
            return Ok(found);
        }
    }
}

/// A font file from its tables (sorted by tag), with the checksums and the
/// `head` adjustment the format asks for.
fn assemble(tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    let n = tables.len() as u16;
    let mut pow = 1u16;
    let mut log = 0u16;
    while pow * 2 <= n {
        pow *= 2;
        log += 1;
    }
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [n, pow * 16, log, n * 16 - pow * 16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, body) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(body).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += body.len().div_ceil(4) * 4;
    }
    for (_, body) in &tables {
        out.extend_from_slice(body);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0u8; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// The best Unicode subtable: Windows full repertoire (format 12), else
/// Windows BMP or Unicode platform (format 4).
fn read_cmap(d: &[u8], t: Table) -> Result<Cmap, Malformed> {
    let count = usize::from(u16_at(d, t.offset + 2)?);
    let mut best: Option<(u8, Cmap)> = None;
    for i in 0..count {
        let rec = t.offset + 4 + 8 * i;
        let platform = u16_at(d, rec)?;
        let encoding = u16_at(d, rec + 2)?;
        let at = t.offset + u32_at(d, rec + 4)? as usize;
        let format = u16_at(d, at)?;
        let candidate = match (platform, encoding, format) {
            (3, 10, 12) | (0, 4, 12) | (0, 6, 12) => (
                3,
                Cmap::Groups12 {
                    at,
                    count: u32_at(d, at + 12)? as usize,
                },
            ),
            (3, 1, 4) => (2, Cmap::Segments4 { at }),
            (0, _, 4) => (1, Cmap::Segments4 { at }),
            _ => continue,
        };
        if best.as_ref().is_none_or(|(rank, _)| candidate.0 > *rank) {
            best = Some(candidate);
        }
    }
    best.map(|(_, c)| c)
        .ok_or(Malformed("no Unicode character map"))
}

/// The PostScript name (name ID 6), kept to letters, digits and '-'.
fn postscript_name(d: &[u8], t: Table) -> Option<String> {
    let count = usize::from(u16_at(d, t.offset + 2).ok()?);
    let strings = t.offset + usize::from(u16_at(d, t.offset + 4).ok()?);
    for i in 0..count {
        let rec = t.offset + 6 + 12 * i;
        let platform = u16_at(d, rec).ok()?;
        let id = u16_at(d, rec + 6).ok()?;
        if id != 6 {
            continue;
        }
        let len = usize::from(u16_at(d, rec + 8).ok()?);
        let at = strings + usize::from(u16_at(d, rec + 10).ok()?);
        let raw = d.get(at..at + len)?;
        let name: String = if platform == 3 || platform == 0 {
            let units: Vec<u16> = raw
                .chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            raw.iter().map(|&b| char::from(b)).collect()
        };
        let name: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(60)
            .collect();
        if !name.is_empty() {
            return Some(name);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn something_that_is_not_a_font_is_refused() {
        assert!(Font::parse(b"%PDF-1.4 not a font".to_vec()).is_err());
        assert!(Font::parse(Vec::new()).is_err());
    }

    #[test]
    fn checksums_add_big_endian_words_and_pad_the_last() {
        assert_eq!(checksum(&[0, 0, 0, 1, 0, 0, 0, 2]), 3);
        assert_eq!(checksum(&[1]), 0x0100_0000);
    }

    #[test]
    fn a_composite_glyph_names_each_of_its_parts() {
        // numberOfContours -1, a bbox, then two components: the first with
        // word arguments and more to come, the second with byte arguments
        // and a scale.
        let mut g = vec![0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0];
        g.extend_from_slice(&[0x00, 0x21, 0x00, 0x05, 0, 0, 0, 0]);
        g.extend_from_slice(&[0x00, 0x08, 0x00, 0x09, 0, 0, 0x40, 0x00]);
        assert_eq!(components(&g).unwrap(), vec![5, 9]);
        // A simple glyph (one contour) has no parts.
        assert!(
            components(&[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
                .unwrap()
                .is_empty()
        );
    }
}
