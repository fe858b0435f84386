//! The record stream of an Excel 97–2003 (or 95) workbook, one record at
//! a time, the CONTINUE records that carry long strings on, and the
//! strings of both versions (UTF-16, compressed or not, and the code page
//! of Excel 95).

use super::super::cfb::Stream;
use super::super::workbook::BookError;
use super::CONTINUE;
use std::io::Read;

pub(super) fn damaged(what: &str) -> BookError {
    BookError::Damaged(what.to_owned())
}

pub(super) fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2)
        .map_or(0, |s| u16::from_le_bytes([s[0], s[1]]))
}

pub(super) fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

pub(super) fn f64_at(b: &[u8], at: usize) -> f64 {
    b.get(at..at + 8)
        .and_then(|s| s.try_into().ok())
        .map_or(0.0, f64::from_le_bytes)
}

/// The records of a stream, one at a time, with one record of look-ahead.
pub(super) struct Records {
    stream: Stream,
    pub(super) typ: u16,
    pub(super) data: Vec<u8>,
    held: bool,
}

impl Records {
    pub(super) fn new(stream: Stream) -> Records {
        Records {
            stream,
            typ: 0,
            data: Vec::new(),
            held: false,
        }
    }

    /// Reads the next record into `typ`/`data`; false at the end.
    pub(super) fn next(&mut self) -> Result<bool, BookError> {
        if self.held {
            self.held = false;
            return Ok(true);
        }
        let mut head = [0u8; 4];
        let mut got = 0;
        while got < 4 {
            match self.stream.read(&mut head[got..])? {
                0 => return Ok(false),
                n => got += n,
            }
        }
        self.typ = u16_at(&head, 0);
        let len = usize::from(u16_at(&head, 2));
        self.data.resize(len, 0);
        let mut got = 0;
        while got < len {
            match self.stream.read(&mut self.data[got..])? {
                0 => return Err(damaged("record cut short")),
                n => got += n,
            }
        }
        Ok(true)
    }

    /// Gives the current record again on the next call to `next`.
    pub(super) fn hold(&mut self) {
        self.held = true;
    }
}

/// Reads across a record and the CONTINUE records after it, as the shared
/// texts and long strings need.
pub(super) struct Continued<'a> {
    pub(super) records: &'a mut Records,
    pub(super) pos: usize,
}

impl Continued<'_> {
    /// Moves to the next CONTINUE record; false if there is none.
    pub(super) fn advance(&mut self) -> Result<bool, BookError> {
        if !self.records.next()? {
            return Ok(false);
        }
        if self.records.typ != CONTINUE {
            self.records.hold();
            return Ok(false);
        }
        self.pos = 0;
        Ok(true)
    }

    pub(super) fn byte(&mut self) -> Result<Option<u8>, BookError> {
        while self.pos >= self.records.data.len() {
            if !self.advance()? {
                return Ok(None);
            }
        }
        self.pos += 1;
        Ok(Some(self.records.data[self.pos - 1]))
    }

    pub(super) fn u16(&mut self) -> Result<Option<u16>, BookError> {
        let (Some(a), Some(b)) = (self.byte()?, self.byte()?) else {
            return Ok(None);
        };
        Ok(Some(u16::from_le_bytes([a, b])))
    }

    pub(super) fn u32(&mut self) -> Result<Option<u32>, BookError> {
        let (Some(a), Some(b)) = (self.u16()?, self.u16()?) else {
            return Ok(None);
        };
        Ok(Some(u32::from(a) | (u32::from(b) << 16)))
    }

    pub(super) fn skip(&mut self, mut n: usize) -> Result<(), BookError> {
        while n > 0 {
            let here = self.records.data.len().saturating_sub(self.pos);
            if here == 0 {
                if !self.advance()? {
                    return Ok(());
                }
                continue;
            }
            let step = here.min(n);
            self.pos += step;
            n -= step;
        }
        Ok(())
    }

    /// `cch` characters of a BIFF8 string, one or two bytes each; a
    /// CONTINUE in the middle starts with a new flag byte. Each piece goes
    /// to `out`.
    pub(super) fn chars(
        &mut self,
        mut cch: usize,
        mut wide: bool,
        out: &mut dyn FnMut(&str) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        let mut piece = String::new();
        while cch > 0 {
            if self.pos >= self.records.data.len() {
                if !self.advance()? {
                    return Ok(());
                }
                let Some(flags) = self.byte()? else {
                    return Ok(());
                };
                wide = flags & 1 != 0;
            }
            let data = &self.records.data[self.pos..];
            piece.clear();
            if wide {
                let n = (data.len() / 2).min(cch);
                let units = (0..n).map(|i| u16::from_le_bytes([data[2 * i], data[2 * i + 1]]));
                piece.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')));
                self.pos += 2 * n;
                cch -= n;
                if n == 0 {
                    // One odd byte left in the record: the file is damaged.
                    self.pos = self.records.data.len();
                }
            } else {
                let n = data.len().min(cch);
                piece.extend(data[..n].iter().map(|&b| char::from(b)));
                self.pos += n;
                cch -= n;
            }
            out(&piece)?;
        }
        Ok(())
    }
}

/// A BIFF8 string with a 16-bit length (XLUnicodeString), inside one record.
pub(super) fn biff8_string(data: &[u8]) -> String {
    let cch = usize::from(u16_at(data, 0));
    let wide = data.get(2).is_some_and(|f| f & 1 != 0);
    unicode_chars(data.get(3..).unwrap_or_default(), cch, wide)
}

/// A BIFF8 string with an 8-bit length (ShortXLUnicodeString).
pub(super) fn short_biff8_string(data: &[u8]) -> String {
    let cch = usize::from(data.first().copied().unwrap_or(0));
    let wide = data.get(1).is_some_and(|f| f & 1 != 0);
    unicode_chars(data.get(2..).unwrap_or_default(), cch, wide)
}

pub(super) fn unicode_chars(data: &[u8], cch: usize, wide: bool) -> String {
    if wide {
        let units = data
            .chunks_exact(2)
            .take(cch)
            .map(|p| u16::from_le_bytes([p[0], p[1]]));
        char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect()
    } else {
        data.iter().take(cch).map(|&b| char::from(b)).collect()
    }
}

/// A BIFF5 string with an 8-bit length, in the code page.
pub(super) fn short_bytes(data: &[u8], cp: &'static encoding_rs::Encoding) -> String {
    let cch = usize::from(data.first().copied().unwrap_or(0));
    let bytes = data.get(1..).unwrap_or_default();
    cp.decode_without_bom_handling(&bytes[..cch.min(bytes.len())])
        .0
        .into_owned()
}

/// A BIFF5 string with a 16-bit length, in the code page.
pub(super) fn long_bytes(data: &[u8], cp: &'static encoding_rs::Encoding) -> String {
    let cch = usize::from(u16_at(data, 0));
    let bytes = data.get(2..).unwrap_or_default();
    cp.decode_without_bom_handling(&bytes[..cch.min(bytes.len())])
        .0
        .into_owned()
}

/// An xls error code as Excel shows it.
pub(super) fn error_text(code: u8) -> &'static str {
    match code {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        _ => "#GETTING_DATA",
    }
}

/// A number stored in 30 bits (RK).
pub(super) fn rk_number(rk: u32) -> f64 {
    let v = if rk & 2 != 0 {
        f64::from((rk as i32) >> 2)
    } else {
        f64::from_bits(u64::from(rk & 0xFFFF_FFFC) << 32)
    };
    if rk & 1 != 0 { v / 100.0 } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rk_numbers_decode() {
        // 2789000 as a 30-bit integer.
        assert_eq!(rk_number((2_789_000 << 2) | 2), 2_789_000.0);
        // 1.5 as the top of a double.
        assert_eq!(rk_number((1.5f64.to_bits() >> 32) as u32), 1.5);
        // 12345 / 100 as an integer with the "divide by 100" bit.
        assert_eq!(rk_number((12_345 << 2) | 3), 123.45);
        assert_eq!(rk_number(((-7i32) << 2) as u32 | 2), -7.0);
    }
}
