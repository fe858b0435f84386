//! Normalising text at the boundary: NFC, and cleaning of field values that
//! come from files and from the keyboard.
//!
//! [`clean_field`] is the gate every imported or typed value goes through: it
//! makes the value NFC, trims it, turns white space of any kind into single
//! spaces, drops invisible characters that carry no meaning, and refuses
//! control and bidi characters, saying which one and where.
//!
//! This module does not make text safe to *show* (that is
//! [`crate::text::sanitize`], for text that did not come through here) and it
//! does not fold text for searching (that is [`crate::text::fold`]).

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// How chitra treats a character that comes from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// Ordinary printable text, including combining marks.
    Text,
    /// White space of any kind (Unicode `White_Space`: space, tab, line
    /// breaks, NBSP U+00A0, U+3000, …), except NEL U+0085, which is a
    /// [`CharClass::Control`]. In a field a run becomes one space.
    Space,
    /// Invisible characters that mean nothing in a name, address or number
    /// and are dropped from fields: U+FEFF (BOM), U+200B zero-width space,
    /// U+200C/U+200D zero-width (non-)joiner, U+2060 word joiner, U+00AD
    /// soft hyphen.
    Invisible,
    /// C0 and C1 control characters and DEL, other than white space
    /// (ESC U+001B, BEL U+0007, CSI U+009B, …).
    Control,
    /// Bidi controls and the other Unicode format characters, which can
    /// reorder or hide text on screen (U+061C, U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069, tag characters, …).
    Format,
}

/// Classifies one character. The format list is Unicode's `Cf` category
/// (as of Unicode 15) minus the characters listed under
/// [`CharClass::Invisible`].
pub fn char_class(c: char) -> CharClass {
    // Printable ASCII and the Latin letters and marks Vietnamese is written
    // with are nearly every character a list holds.
    match c {
        ' ' => return CharClass::Space,
        '!'..='~' | '\u{C0}'..='\u{24F}' | '\u{300}'..='\u{36F}' | '\u{1EA0}'..='\u{1EFF}' => {
            return CharClass::Text;
        }
        _ => {}
    }
    // NEL is white space to Unicode, but in a list it is nearly always a
    // byte 0x85 ("…" in Windows-1252) decoded with the wrong encoding.
    if c == '\u{85}' {
        return CharClass::Control;
    }
    if c.is_whitespace() {
        return CharClass::Space;
    }
    if c.is_control() {
        return CharClass::Control;
    }
    match c {
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
            CharClass::Invisible
        }
        '\u{0600}'..='\u{0605}'
        | '\u{061C}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'..='\u{0891}'
        | '\u{08E2}'
        | '\u{180E}'
        | '\u{200E}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2061}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}' => CharClass::Format,
        _ => CharClass::Text,
    }
}

/// A field value that chitra refuses. Positions count characters (not
/// bytes) from 1, in the value as it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// A control character such as ESC, BEL or CSI: usually the remains of
    /// a terminal escape sequence or a damaged file.
    ControlChar { ch: char, position: usize },
    /// A bidi or format character that can reorder or hide text.
    FormatChar { ch: char, position: usize },
}

impl TextError {
    /// The refused character.
    pub fn ch(&self) -> char {
        match self {
            TextError::ControlChar { ch, .. } | TextError::FormatChar { ch, .. } => *ch,
        }
    }

    /// Where it is: the character position, counted from 1.
    pub fn position(&self) -> usize {
        match self {
            TextError::ControlChar { position, .. } | TextError::FormatChar { position, .. } => {
                *position
            }
        }
    }
}

/// The code point of `c` written the Unicode way: `U+001B`, `U+202E`,
/// `U+E0041`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// `s` in Unicode normalisation form C. Text that is already NFC (nearly
/// all of it) is recognised by a quick check and copied as it is.
pub fn nfc(s: &str) -> String {
    if is_nfc(s) {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
}

/// Whether `s` is already NFC, answered at once for the characters
/// Vietnamese text is made of (ASCII, Latin-1 and Latin Extended-A/B, the
/// precomposed Vietnamese letters: none of them combines with what comes
/// before it).
pub fn is_nfc(s: &str) -> bool {
    s.chars().all(is_nfc_stable) || is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// Whether `c` is NFC whatever comes before or after it: it neither
/// combines nor is reordered (no combining mark is among these).
pub(super) fn is_nfc_stable(c: char) -> bool {
    c < '\u{300}' || ('\u{1EA0}'..='\u{1EFF}').contains(&c)
}

/// Printable ASCII without runs of spaces: already clean apart from
/// leading and trailing spaces.
/// Whether `s` is already clean but for its ends: printable ASCII or
/// precomposed Latin letters (already NFC), single spaces.
fn is_plain(s: &str) -> bool {
    let mut after_space = false;
    for c in s.chars() {
        let space = c == ' ';
        if !(space && !after_space
            || ('!'..='~').contains(&c)
            || (c >= '\u{A0}' && is_nfc_stable(c) && char_class(c) == CharClass::Text))
        {
            return false;
        }
        after_space = space;
    }
    true
}

/// Cleans a value from a file or from the keyboard: NFC, trimmed, every run
/// of white space (including tabs, line breaks, NBSP and U+3000) made one
/// ASCII space, invisible characters ([`CharClass::Invisible`]) dropped.
///
/// Refuses control characters (C0, C1, DEL) and bidi/format characters with
/// a [`TextError`] naming the first one found and its position.
pub fn clean_field(s: &str) -> Result<String, TextError> {
    // Most values (numbers, codes, most of a name) are printable ASCII with
    // single spaces: nothing to do but trim.
    if is_plain(s) {
        return Ok(s.trim_matches(' ').to_owned());
    }
    clean_field_char_by_char(s)
}

/// [`clean_field`] of a value the caller no longer needs: returned as it
/// is, without a copy, when it is already clean.
pub fn clean_field_owned(mut s: String) -> Result<String, TextError> {
    if !is_plain(&s) {
        return clean_field_char_by_char(&s);
    }
    let end = s.trim_end_matches(' ').len();
    s.truncate(end);
    let start = s.len() - s.trim_start_matches(' ').len();
    s.drain(..start);
    Ok(s)
}

/// [`clean_field`] for any text, one character at a time.
fn clean_field_char_by_char(s: &str) -> Result<String, TextError> {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for (i, c) in s.chars().enumerate() {
        match char_class(c) {
            CharClass::Text => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
            CharClass::Space => pending_space = true,
            CharClass::Invisible => {}
            CharClass::Control => {
                return Err(TextError::ControlChar {
                    ch: c,
                    position: i + 1,
                });
            }
            CharClass::Format => {
                return Err(TextError::FormatChar {
                    ch: c,
                    position: i + 1,
                });
            }
        }
    }
    Ok(nfc_owned(out))
}

/// [`nfc`] of a string the caller no longer needs: returned as it is when
/// it is already NFC, as nearly every value is.
fn nfc_owned(s: String) -> String {
    if is_nfc(&s) { s } else { s.nfc().collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_taken_as_nfc_at_once_are_nfc_whatever_precedes_them() {
        use unicode_normalization::char::canonical_combining_class;
        for c in ('\0'..='\u{2FF}').chain('\u{1EA0}'..='\u{1EFF}') {
            assert!(is_nfc_stable(c));
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
            // Nothing before it composes with it.
            for before in ['a', 'e', 'o', 'u', 'A', 'ơ', 'ư', '\u{1100}'] {
                let two: String = [before, c].into_iter().collect();
                assert_eq!(two.nfc().collect::<String>(), two, "{before:?}{c:?}");
            }
        }
        assert!(!is_nfc_stable('\u{301}'));
        assert!(!is_nfc("Nguye\u{302}\u{303}n"));
        assert!(is_nfc("Nguyễn Thị Đào"));
    }

    #[test]
    fn the_quick_path_of_clean_field_agrees_with_the_careful_one() {
        let alphabet = [
            ' ', ' ', 'a', 'Z', '1', '.', 'Ắ', 'ễ', 'đ', 'Ơ', 'ư', 'ß', 'Ω', '\u{301}', '\u{323}',
            '\u{A0}', '\u{AD}', '\u{200B}', '\t', '\u{3000}', '\u{1EF9}', '\u{24F}', '\u{250}',
        ];
        for s in crate::text::sample_strings(&alphabet, 20_000, 0x2545_F491_4F6C_DD1D) {
            assert_eq!(clean_field(&s), clean_field_char_by_char(&s), "{s:?}");
            assert_eq!(clean_field_owned(s.clone()), clean_field(&s), "{s:?}");
        }
    }

    #[test]
    fn nfc_composes_decomposed_vietnamese() {
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} D\u{0301}"; // "Nguyễn Thị D́"
        let out = nfc(nfd);
        assert!(out.starts_with("Nguyễn Thị"));
        assert_eq!(nfc("Nguyễn Văn Ước"), "Nguyễn Văn Ước");
        // Canonical reordering: dot below and circumflex in either order.
        assert_eq!(nfc("e\u{0323}\u{0302}"), "ệ");
        assert_eq!(nfc("e\u{0302}\u{0323}"), "ệ");
    }

    #[test]
    fn clean_field_trims_and_collapses_every_kind_of_space() {
        assert_eq!(clean_field("  Nguyễn   Văn  A  ").unwrap(), "Nguyễn Văn A");
        assert_eq!(
            clean_field("Nguyễn\u{00A0}Văn\tA\u{3000}B").unwrap(),
            "Nguyễn Văn A B"
        );
        assert_eq!(clean_field("Thôn\r\n Đông").unwrap(), "Thôn Đông");
        assert_eq!(clean_field(" \t\u{00A0} ").unwrap(), "");
        assert_eq!(clean_field("").unwrap(), "");
    }

    #[test]
    fn clean_field_drops_bom_and_zero_width_characters() {
        assert_eq!(clean_field("\u{FEFF}Mã đối tượng").unwrap(), "Mã đối tượng");
        assert_eq!(clean_field("Lê\u{200B}Văn").unwrap(), "LêVăn");
        assert_eq!(clean_field("Lê \u{200B} Văn").unwrap(), "Lê Văn");
        assert_eq!(clean_field("A\u{200C}B\u{200D}C").unwrap(), "ABC");
    }

    #[test]
    fn clean_field_makes_nfd_input_nfc() {
        let nfd = "Tra\u{0302}\u{0300}n Thi\u{0323}";
        assert_eq!(clean_field(nfd).unwrap(), "Trần Thị");
    }

    #[test]
    fn clean_field_refuses_escape_sequences_with_code_point_and_position() {
        let err = clean_field("Lê Văn\u{1b}[2J").unwrap_err();
        assert_eq!(
            err,
            TextError::ControlChar {
                ch: '\u{1b}',
                position: 7
            }
        );
        assert_eq!(code_point(err.ch()), "U+001B");
        // Positions count characters, not bytes.
        let err = clean_field("Nguyễn\u{7}").unwrap_err();
        assert_eq!(err.position(), 7);
    }

    #[test]
    fn clean_field_refuses_c1_controls_and_del() {
        for (input, ch) in [
            ("a\u{9b}31m", '\u{9b}'),
            ("a\u{7f}", '\u{7f}'),
            ("\u{0}x", '\u{0}'),
            ("x\u{90}", '\u{90}'),
            ("x\u{85}y", '\u{85}'),
        ] {
            match clean_field(input) {
                Err(TextError::ControlChar { ch: got, .. }) => assert_eq!(got, ch),
                other => panic!("{input:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn clean_field_refuses_bidi_and_format_characters() {
        for ch in [
            '\u{061C}',
            '\u{200E}',
            '\u{200F}',
            '\u{202A}',
            '\u{202B}',
            '\u{202C}',
            '\u{202D}',
            '\u{202E}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{E0041}',
        ] {
            let input = format!("12{ch}34");
            assert_eq!(
                clean_field(&input),
                Err(TextError::FormatChar { ch, position: 3 }),
                "{}",
                code_point(ch)
            );
        }
    }

    #[test]
    fn code_point_is_padded_to_four_digits() {
        assert_eq!(code_point('\u{9b}'), "U+009B");
        assert_eq!(code_point('\u{202E}'), "U+202E");
        assert_eq!(code_point('\u{E0041}'), "U+E0041");
    }
}
