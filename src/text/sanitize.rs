//! Making any text harmless to show on a terminal or print on a receipt.
//!
//! [`for_display`] is the last line of defence: whatever a string holds —
//! a name from an old database, a file name, a message that quotes a bad
//! cell — nothing in it can move the cursor, clear the screen, set the window
//! title or reorder the line. Every control, bidi or format character and
//! every line break is shown as U+FFFD (�) instead, so that it is visible
//! rather than silently lost.
//!
//! This module does not clean values for storage (that is
//! [`crate::text::normalize::clean_field`], which refuses such characters),
//! does not normalise, and does not measure or cut text to a column width.

use std::borrow::Cow;

use super::normalize::{CharClass, char_class};

/// What a harmful character is shown as.
pub const PLACEHOLDER: char = '\u{FFFD}';

/// True when `c` must not reach a terminal or printer as it is.
fn is_harmful(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}')
        || matches!(char_class(c), CharClass::Format | CharClass::Invisible)
}

/// `s` with every control character (C0, C1, DEL, tabs and line breaks),
/// bidi control and other format character replaced by U+FFFD. Ordinary text,
/// ordinary spaces and combining marks are kept. Borrows `s` when nothing had
/// to change.
pub fn for_display(s: &str) -> Cow<'_, str> {
    match s.find(is_harmful) {
        None => Cow::Borrowed(s),
        Some(first) => {
            let mut out = String::with_capacity(s.len() + 2);
            out.push_str(&s[..first]);
            out.extend(
                s[first..]
                    .chars()
                    .map(|c| if is_harmful(c) { PLACEHOLDER } else { c }),
            );
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let s = "Nguyễn Thị Ánh — 2.789.000 đ (Thôn Đông)\u{00A0}";
        assert!(matches!(for_display(s), Cow::Borrowed(x) if x == s));
        // Decomposed marks are text, not controls.
        let nfd = "Nguye\u{0302}\u{0303}n";
        assert!(matches!(for_display(nfd), Cow::Borrowed(_)));
    }

    #[test]
    fn terminal_escape_sequences_are_defused() {
        let name = "Lê Văn A\x1b[2J\x1b]0;pwned\x07";
        let shown = for_display(name);
        assert!(!shown.contains('\x1b'));
        assert!(!shown.contains('\x07'));
        assert_eq!(shown, "Lê Văn A\u{FFFD}[2J\u{FFFD}]0;pwned\u{FFFD}");
    }

    #[test]
    fn c1_csi_and_del_are_replaced() {
        let shown = for_display("a\u{9b}31mb\u{7f}c\u{85}d");
        assert!(!shown.chars().any(|c| c.is_control()));
        assert_eq!(shown, "a\u{FFFD}31mb\u{FFFD}c\u{FFFD}d");
    }

    #[test]
    fn line_breaks_and_tabs_are_replaced() {
        assert_eq!(
            for_display("a\nb\rc\td\u{2028}e\u{2029}f"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f"
        );
    }

    #[test]
    fn bidi_and_invisible_characters_are_made_visible() {
        // A right-to-left override would show "000.000.1" for "1.000.000".
        assert_eq!(for_display("\u{202E}1.000.000"), "\u{FFFD}1.000.000");
        for ch in [
            '\u{061C}', '\u{200E}', '\u{2066}', '\u{2069}', '\u{200B}', '\u{FEFF}',
        ] {
            let s = format!("x{ch}y");
            assert_eq!(for_display(&s), "x\u{FFFD}y", "U+{:04X}", u32::from(ch));
        }
    }
}
