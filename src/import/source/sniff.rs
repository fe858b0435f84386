//! Telling what a file is from its first bytes: a zip (xlsx), an OLE compound
//! file (xls), some other binary, or text — and for text, its encoding.
//!
//! The file name is never consulted: offices rename files freely. This module
//! reads nothing itself; it judges the bytes it is given.

use super::legacy::{self, Legacy};
use unicode_normalization::UnicodeNormalization;

/// The kind of container a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Container {
    Zip,
    Ole,
    Binary,
    Text,
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Signatures of common files that are certainly not lists.
const BINARY_MAGIC: [&[u8]; 8] = [
    b"%PDF",
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"Rar!",
    b"7z\xBC\xAF",
    b"\x1F\x8B",
    b"\x7FELF",
];

pub(super) fn container(head: &[u8]) -> Container {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Container::Zip;
    }
    if head.starts_with(&OLE_MAGIC) {
        return Container::Ole;
    }
    if bom(head).is_some() || utf16_without_bom(head).is_some() {
        return Container::Text;
    }
    if BINARY_MAGIC.iter().any(|m| head.starts_with(m)) {
        return Container::Binary;
    }
    let sample = &head[..head.len().min(64 * 1024)];
    if sample.contains(&0) {
        return Container::Binary;
    }
    // Text has tabs and line ends; a few other control bytes are tolerated.
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
        .count();
    if controls * 20 > sample.len() {
        return Container::Binary;
    }
    Container::Text
}

/// The byte encoding of a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextEncoding {
    Utf8 {
        bom: bool,
    },
    Utf16Le {
        bom: bool,
    },
    Utf16Be {
        bom: bool,
    },
    Windows1258,
    /// One byte per character, read as Latin-1 and converted from TCVN3 or
    /// VNI cell by cell.
    Legacy(Legacy),
}

impl TextEncoding {
    /// Bytes of byte-order mark to skip.
    pub(super) fn bom_len(self) -> usize {
        match self {
            TextEncoding::Utf8 { bom: true } => 3,
            TextEncoding::Utf16Le { bom: true } | TextEncoding::Utf16Be { bom: true } => 2,
            _ => 0,
        }
    }
}

fn bom(head: &[u8]) -> Option<TextEncoding> {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some(TextEncoding::Utf8 { bom: true })
    } else if head.starts_with(&[0xFF, 0xFE]) {
        Some(TextEncoding::Utf16Le { bom: true })
    } else if head.starts_with(&[0xFE, 0xFF]) {
        Some(TextEncoding::Utf16Be { bom: true })
    } else {
        None
    }
}

/// UTF-16 saved without a byte-order mark: every other byte is zero for the
/// ASCII characters (digits, separators, line ends) a list is full of.
fn utf16_without_bom(head: &[u8]) -> Option<TextEncoding> {
    let sample = &head[..head.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if zero_odd * 10 >= pairs * 3 && zero_even * 10 < zero_odd {
        Some(TextEncoding::Utf16Le { bom: false })
    } else if zero_even * 10 >= pairs * 3 && zero_odd * 10 < zero_even {
        Some(TextEncoding::Utf16Be { bom: false })
    } else {
        None
    }
}

/// The encoding of a text file from its first bytes. `truncated` says that
/// `head` stops before the end of the file (a UTF-8 character may be cut).
pub(super) fn text_encoding(head: &[u8], truncated: bool) -> TextEncoding {
    if let Some(enc) = bom(head).or_else(|| utf16_without_bom(head)) {
        return enc;
    }
    if mostly_utf8(head, truncated) {
        return TextEncoding::Utf8 { bom: false };
    }
    // A legacy single-byte file: Windows-1258, or TCVN3/VNI read byte by byte.
    let (ansi, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(head);
    let ansi: String = ansi.nfc().collect();
    let ansi_score = legacy::scores(&[&ansi]).unicode;
    let latin1: String = head.iter().map(|&b| char::from(b)).collect();
    let scores = legacy::scores(&[&latin1]);
    let margin = (scores.words / 10).max(1);
    if scores.best_legacy() >= ansi_score + margin {
        let best = if scores.vni > scores.tcvn3 {
            Legacy::Vni
        } else {
            Legacy::Tcvn3
        };
        TextEncoding::Legacy(best)
    } else {
        TextEncoding::Windows1258
    }
}

/// Whether `head` is UTF-8, but for a few bad bytes among many characters
/// that only UTF-8 would write that way: such a file is UTF-8 with a damaged
/// row, to be named when it is read, not a file in another encoding (which
/// would garble every line and hide the row at fault). A legacy file almost
/// never has a valid multi-byte sequence.
fn mostly_utf8(head: &[u8], truncated: bool) -> bool {
    let mut rest = head;
    let mut multi = 0usize;
    let mut bad = 0usize;
    loop {
        let (valid, next) = match std::str::from_utf8(rest) {
            Ok(s) => (s, None),
            Err(e) => {
                let valid = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default();
                match e.error_len() {
                    Some(n) => (valid, Some(e.valid_up_to() + n)),
                    // Cut at the end of the sample, or at the end of the file.
                    None if truncated => (valid, None),
                    None => {
                        bad += 1;
                        (valid, None)
                    }
                }
            }
        };
        multi += valid.chars().filter(|c| !c.is_ascii()).count();
        match next {
            Some(at) => {
                bad += 1;
                rest = &rest[at..];
            }
            None => break,
        }
    }
    bad == 0 || (multi >= 4 && multi >= 8 * bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_are_told_apart_by_content() {
        assert_eq!(container(b"PK\x03\x04rest"), Container::Zip);
        assert_eq!(container(&OLE_MAGIC), Container::Ole);
        assert_eq!(container(b"%PDF-1.7\n"), Container::Binary);
        assert_eq!(container(b"abc\x00\x01\x02\x03def\x00"), Container::Binary);
        assert_eq!(container("STT;Họ và tên\r\n".as_bytes()), Container::Text);
        assert_eq!(container(b"\xFF\xFES\x00T\x00T\x00"), Container::Text);
    }

    #[test]
    fn utf16_is_found_with_or_without_bom() {
        let le: Vec<u8> = "STT\tHọ và tên\r\n1\tAn\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            text_encoding(&le, false),
            TextEncoding::Utf16Le { bom: false }
        );
        assert_eq!(container(&le), Container::Text);
        let be: Vec<u8> = "STT\tHọ và tên\r\n1\tAn\r\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            text_encoding(&be, false),
            TextEncoding::Utf16Be { bom: false }
        );
    }

    #[test]
    fn utf8_cut_in_the_middle_of_a_letter_is_still_utf8() {
        let s = "Nguyễn".as_bytes();
        assert_eq!(
            text_encoding(&s[..5], true),
            TextEncoding::Utf8 { bom: false }
        );
    }

    #[test]
    fn a_bad_byte_in_a_utf8_file_does_not_make_it_legacy() {
        let mut text = "STT;Họ và tên;Trợ cấp\n".to_owned();
        for i in 0..900 {
            text.push_str(&format!("{i};Nguyễn Văn An;2.789.000\n"));
        }
        let mut bytes = text.into_bytes();
        bytes.extend(b"901;Tr\xC7n V\xE3n B;1\n");
        assert_eq!(
            text_encoding(&bytes, false),
            TextEncoding::Utf8 { bom: false }
        );
        // A few Vietnamese letters do not outweigh many bad bytes.
        let ansi = b"Nguy\xEA\xDEn V\xE3n An;Th\xF4n \xD0\xF4ng;Th\xFD\xF5ng binh;Ti\xEA\xECn";
        let mut mixed = "Họ tên;".as_bytes().to_vec();
        mixed.extend(ansi);
        assert_eq!(text_encoding(&mixed, false), TextEncoding::Windows1258);
    }

    #[test]
    fn legacy_single_byte_files_are_told_apart() {
        // Windows-1258 keeps â ê ô ă ơ ư đ whole and types the tone as a mark.
        let ansi = b"Nguy\xEA\xDEn V\xE3n An;Th\xF4n \xD0\xF4ng;Th\xFD\xF5ng binh";
        assert_eq!(text_encoding(ansi, false), TextEncoding::Windows1258);
        let tcvn3: Vec<u8> = "NguyÔn V¨n An;Th«n §«ng;Th\u{ad}¬ng binh"
            .chars()
            .map(|c| c as u8)
            .collect();
        assert_eq!(
            text_encoding(&tcvn3, false),
            TextEncoding::Legacy(Legacy::Tcvn3)
        );
        let vni: Vec<u8> = "Nguyeãn Vaên An;Thoân Ñoâng;Thöông binh"
            .chars()
            .map(|c| c as u8)
            .collect();
        assert_eq!(
            text_encoding(&vni, false),
            TextEncoding::Legacy(Legacy::Vni)
        );
    }
}
