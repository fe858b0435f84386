//! The legacy Vietnamese encodings still found in social-affairs files: TCVN3
//! (ABC, the ".VnTime" fonts) and VNI-Windows (the "VNI-Times" fonts).
//!
//! Text typed in those fonts reaches us as Latin-1 letters that only look
//! Vietnamese in the right font: "NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An"
//! (VNI) for "Nguyễn Văn An". [`detect`] guesses which of the two (if any) a
//! sample is in by counting how many words become real syllables; [`convert`]
//! turns such text into Unicode NFC. Text that is already Unicode — composed
//! or decomposed — must be left alone, which is why detection compares each
//! legacy reading with the text as it stands.
//!
//! Windows-1258 ("Vietnamese ANSI") is a real code page and is decoded by
//! `encoding_rs`; it is not handled here.

use super::syllable::is_syllable;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The legacy encoding a text is in, as far as we can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// Unicode already (or nothing Vietnamese to go by).
    None,
    /// TCVN 5712:1993 VN3, as typed with ABC and the .VnTime fonts.
    Tcvn3,
    /// VNI-Windows: base letter followed by modifier bytes.
    Vni,
}

/// TCVN3 for bytes 0xA0..=0xFF; `'\0'` keeps the character as it is.
///
/// The lower-case accented vowels have no capitals of their own in VN3 (the
/// capital comes from the .VnTimeH font); the few capitals that TCVN 5712 VN1
/// places in this range are decoded too.
#[rustfmt::skip]
const TCVN3: [char; 96] = [
    // A0
    '\0', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ',
    // B0: five combining tone marks, then a with tones
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ',
    // C0
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ',
    // D0
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò',
    // E0
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
    // F0
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
];

/// One TCVN3 character: Unicode, and whether its code is shared by the lower
/// and the upper case (so the case must come from the rest of the word).
fn tcvn3_char(c: char) -> Option<(char, bool)> {
    let code = u32::from(c);
    if !(0xA0..=0xFF).contains(&code) {
        return None;
    }
    let u = TCVN3[(code - 0xA0) as usize];
    (u != '\0').then(|| (u, u.is_lowercase()))
}

/// What a VNI-Windows byte stands for: a letter, or marks for the letter
/// before it.
enum VniCode {
    Letter(char),
    Marks(&'static str),
}

fn vni_char(c: char) -> Option<VniCode> {
    use VniCode::{Letter, Marks};
    Some(match c {
        // tone marks
        'ù' | 'Ù' => Marks("\u{301}"),
        'ø' | 'Ø' => Marks("\u{300}"),
        'û' | 'Û' => Marks("\u{309}"),
        'õ' | 'Õ' => Marks("\u{303}"),
        'ï' | 'Ï' => Marks("\u{323}"),
        // circumflex, alone and with each tone (â ấ ầ ẩ ẫ ậ)
        'â' | 'Â' => Marks("\u{302}"),
        'á' | 'Á' => Marks("\u{302}\u{301}"),
        'à' | 'À' => Marks("\u{302}\u{300}"),
        'å' | 'Å' => Marks("\u{302}\u{309}"),
        'ã' | 'Ã' => Marks("\u{302}\u{303}"),
        'ä' | 'Ä' => Marks("\u{302}\u{323}"),
        // breve, alone and with each tone (ă ắ ằ ẳ ẵ ặ)
        'ê' | 'Ê' => Marks("\u{306}"),
        'é' | 'É' => Marks("\u{306}\u{301}"),
        'è' | 'È' => Marks("\u{306}\u{300}"),
        'ú' | 'Ú' => Marks("\u{306}\u{309}"),
        'ü' | 'Ü' => Marks("\u{306}\u{303}"),
        'ë' | 'Ë' => Marks("\u{306}\u{323}"),
        // letters of their own
        'ô' => Letter('ơ'),
        'Ô' => Letter('Ơ'),
        'ö' => Letter('ư'),
        'Ö' => Letter('Ư'),
        'ñ' => Letter('đ'),
        'Ñ' => Letter('Đ'),
        'í' => Letter('í'),
        'Í' => Letter('Í'),
        'ì' => Letter('ì'),
        'Ì' => Letter('Ì'),
        'æ' => Letter('ỉ'),
        'Æ' => Letter('Ỉ'),
        'ó' => Letter('ĩ'),
        'Ó' => Letter('Ĩ'),
        'ò' => Letter('ị'),
        'Ò' => Letter('Ị'),
        'î' => Letter('ỵ'),
        'Î' => Letter('Ỵ'),
        _ => return None,
    })
}

/// Converts `s` from `legacy` to Unicode NFC. `Legacy::None` only normalises.
pub fn convert(s: &str, legacy: Legacy) -> String {
    match legacy {
        Legacy::None => s.nfc().collect(),
        Legacy::Vni => convert_vni(s),
        Legacy::Tcvn3 => convert_tcvn3(s),
    }
}

/// Converts one cell of a file whose text was found to be in `legacy`,
/// unless the cell itself is plainly Unicode: it has letters or marks that
/// no legacy font produces (ạ, ơ, đ, combining accents…), or every word of
/// it already reads as Vietnamese and converting would spoil some. So a
/// Unicode header typed into an old TCVN3 list is left as it is.
pub fn convert_cell(s: &str, legacy: Legacy) -> String {
    let unicode_only =
        |c: char| matches!(u32::from(c), 0x100..=0x24F | 0x300..=0x36F | 0x1E00..=0x1EFF);
    if legacy == Legacy::None || s.chars().any(unicode_only) {
        return s.nfc().collect();
    }
    let mut ws = words(s).peekable();
    if ws.peek().is_some() && ws.all(is_syllable) {
        let as_is = words(s).count();
        let converted = words(s)
            .filter(|w| is_syllable(&convert(w, legacy)))
            .count();
        if converted < as_is {
            return s.nfc().collect();
        }
    }
    convert(s, legacy)
}

fn convert_vni(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match vni_char(c) {
            Some(VniCode::Letter(l)) => out.push(l),
            Some(VniCode::Marks(m)) => out.push_str(m),
            None => out.push(c),
        }
    }
    out.nfc().collect()
}

fn convert_tcvn3(s: &str) -> String {
    // (character, its case comes from the context)
    let chars: Vec<(char, bool)> = s
        .chars()
        .map(|c| tcvn3_char(c).unwrap_or((c, false)))
        .collect();
    let is_letter = |c: char| c.is_alphabetic() || is_combining_mark(c);
    // A text written in capitals throughout (".VnTimeH" style headings).
    let (upper, lower) = chars
        .iter()
        .filter(|(c, shared)| !shared && c.is_alphabetic())
        .fold((0, 0), |(u, l), (c, _)| {
            (
                u + usize::from(c.is_uppercase()),
                l + usize::from(c.is_lowercase()),
            )
        });
    let text_in_capitals = upper >= 2 && lower == 0;

    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if !is_letter(chars[i].0) {
            out.push(chars[i].0);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_letter(chars[i].0) {
            i += 1;
        }
        let word = &chars[start..i];
        let capitals = word_in_capitals(word, text_in_capitals);
        for &(c, shared) in word {
            if shared && capitals {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
    }
    out.nfc().collect()
}

/// Whether the shared-code letters of `word` should be capitals: the word's
/// other letters are capitals beyond the first one ("NGUYÔN"), or the word
/// gives no hint ("Hå") and the whole text is in capitals.
fn word_in_capitals(word: &[(char, bool)], text_in_capitals: bool) -> bool {
    let own = word
        .iter()
        .enumerate()
        .filter(|(_, (c, shared))| !shared && c.is_alphabetic());
    let mut hint = None;
    for (pos, (c, _)) in own {
        if c.is_lowercase() {
            return false;
        }
        if pos > 0 && c.is_uppercase() {
            hint = Some(true);
        }
    }
    hint.unwrap_or(text_in_capitals)
}

/// How many words of a sample read as Vietnamese syllables under each
/// interpretation. Only words with a non-ASCII letter and no digit count:
/// plain ASCII reads the same in every encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scores {
    pub words: usize,
    pub unicode: usize,
    pub tcvn3: usize,
    pub vni: usize,
}

impl Scores {
    /// The legacy encoding that clearly reads better than the text as it
    /// stands, if any. Ties go to Unicode: converting good text would ruin it.
    pub fn best(&self) -> Legacy {
        let margin = (self.words / 10).max(1);
        let legacy = if self.vni > self.tcvn3 {
            (Legacy::Vni, self.vni)
        } else {
            (Legacy::Tcvn3, self.tcvn3)
        };
        if legacy.1 >= self.unicode + margin {
            legacy.0
        } else {
            Legacy::None
        }
    }

    /// The best legacy reading's count of syllables.
    pub fn best_legacy(&self) -> usize {
        self.tcvn3.max(self.vni)
    }
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
        .filter(|w| !w.is_ascii() && !w.chars().any(|c| c.is_ascii_digit()))
}

/// Counts syllables in `samples` read as Unicode, as TCVN3 and as VNI.
pub fn scores(samples: &[&str]) -> Scores {
    let mut s = Scores::default();
    for sample in samples {
        for w in words(sample) {
            s.words += 1;
            s.unicode += usize::from(is_syllable(w));
            s.tcvn3 += usize::from(is_syllable(&convert_tcvn3(w)));
            s.vni += usize::from(is_syllable(&convert_vni(w)));
        }
    }
    s
}

/// Guesses the legacy encoding of `samples` (cell texts, title lines).
pub fn detect(samples: &[&str]) -> Legacy {
    scores(samples).best()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_names_convert() {
        assert_eq!(convert("NguyÔn V¨n An", Legacy::Tcvn3), "Nguyễn Văn An");
        assert_eq!(convert("§Æng ThÞ \u{ad}íc", Legacy::Tcvn3), "Đặng Thị ước");
        assert_eq!(convert("Th«n §«ng", Legacy::Tcvn3), "Thôn Đông");
        assert_eq!(convert("Hå ChÝ Minh", Legacy::Tcvn3), "Hồ Chí Minh");
        assert_eq!(
            convert("Tr\u{ad}êng, ®\u{ad}êng, b¬i", Legacy::Tcvn3),
            "Trường, đường, bơi"
        );
    }

    #[test]
    fn tcvn3_capitals_follow_the_word_or_the_text() {
        assert_eq!(convert("NGUYÔN V¡N AN", Legacy::Tcvn3), "NGUYỄN VĂN AN");
        assert_eq!(
            convert("DANH S¸CH CHI TR¶", Legacy::Tcvn3),
            "DANH SÁCH CHI TRẢ"
        );
        // "Hå" alone is "Hồ"; among capitals it is "HỒ".
        assert_eq!(convert("Hå THANH", Legacy::Tcvn3), "HỒ THANH");
        assert_eq!(convert("Hå Thanh", Legacy::Tcvn3), "Hồ Thanh");
    }

    #[test]
    fn tcvn3_table_matches_tcvn_5712_for_the_lower_case_letters() {
        let expected = "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵăâêôơưđ";
        let mut got: Vec<char> = (0xA0u32..=0xFF)
            .filter_map(char::from_u32)
            .filter_map(tcvn3_char)
            .filter(|(_, shared)| *shared)
            .map(|(c, _)| c)
            .collect();
        got.sort_unstable();
        let mut want: Vec<char> = expected.chars().collect();
        want.sort_unstable();
        assert_eq!(got, want, "every lower-case letter once, nothing else");
    }

    #[test]
    fn vni_names_convert() {
        assert_eq!(convert("Nguyeãn Vaên An", Legacy::Vni), "Nguyễn Văn An");
        assert_eq!(convert("Ñaëng Thò Öôùc", Legacy::Vni), "Đặng Thị Ước");
        assert_eq!(
            convert("NGUYEÃN THÒ HÖÔNG", Legacy::Vni),
            "NGUYỄN THỊ HƯƠNG"
        );
        assert_eq!(
            convert("Tröôøng, ñöôøng, mæ, hoùa, Quyù", Legacy::Vni),
            "Trường, đường, mỉ, hóa, Quý"
        );
        assert_eq!(
            convert("thaúng, aáp, Kyø, Só", Legacy::Vni),
            "thẳng, ấp, Kỳ, Sĩ"
        );
    }

    #[test]
    fn vni_covers_every_vowel_and_tone() {
        // VNI tone keys in the order sắc, huyền, hỏi, ngã, nặng.
        let tones = ['\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}'];
        let plain = ["ù", "ø", "û", "õ", "ï"];
        let circumflex = ["á", "à", "å", "ã", "ä"];
        let breve = ["é", "è", "ú", "ü", "ë"];
        let uni = |base: &str, tone: char| -> String { format!("{base}{tone}").nfc().collect() };
        for (vni_base, base) in [
            ("a", "a"),
            ("e", "e"),
            ("o", "o"),
            ("u", "u"),
            ("ô", "ơ"),
            ("ö", "ư"),
        ] {
            for (i, &tone) in tones.iter().enumerate() {
                let vni = format!("{vni_base}{}", plain[i]);
                assert_eq!(convert(&vni, Legacy::Vni), uni(base, tone), "{vni}");
                let upper = vni.to_uppercase();
                assert_eq!(
                    convert(&upper, Legacy::Vni),
                    uni(base, tone).to_uppercase(),
                    "{upper}"
                );
            }
        }
        for (vni_base, base) in [("a", "â"), ("e", "ê"), ("o", "ô")] {
            assert_eq!(convert(&format!("{vni_base}â"), Legacy::Vni), base);
            for (i, &tone) in tones.iter().enumerate() {
                let vni = format!("{vni_base}{}", circumflex[i]);
                assert_eq!(convert(&vni, Legacy::Vni), uni(base, tone), "{vni}");
            }
        }
        assert_eq!(convert("aê", Legacy::Vni), "ă");
        for (i, &tone) in tones.iter().enumerate() {
            let vni = format!("a{}", breve[i]);
            assert_eq!(convert(&vni, Legacy::Vni), uni("ă", tone), "{vni}");
            assert_eq!(
                convert(&vni.to_uppercase(), Legacy::Vni),
                uni("Ă", tone),
                "{vni}"
            );
        }
        // i and ỵ have letters of their own; y takes the modifiers.
        assert_eq!(convert("í ì æ ó ò", Legacy::Vni), "í ì ỉ ĩ ị");
        assert_eq!(convert("Í Ì Æ Ó Ò", Legacy::Vni), "Í Ì Ỉ Ĩ Ị");
        assert_eq!(convert("yù yø yû yõ î Î", Legacy::Vni), "ý ỳ ỷ ỹ ỵ Ỵ");
        assert_eq!(convert("ñ Ñ", Legacy::Vni), "đ Đ");
    }

    #[test]
    fn unicode_cells_of_a_legacy_file_are_kept() {
        assert_eq!(convert_cell("Họ và tên", Legacy::Tcvn3), "Họ và tên");
        assert_eq!(convert_cell("Hà Tây", Legacy::Tcvn3), "Hà Tây");
        assert_eq!(convert_cell("Ghi chú", Legacy::Tcvn3), "Ghi chú");
        // Reads as Latin-1 Vietnamese too, but the file is TCVN3.
        assert_eq!(convert_cell("Xãm 3", Legacy::Tcvn3), "Xóm 3");
        assert_eq!(convert_cell("Nguye\u{302}\u{303}n", Legacy::Vni), "Nguyễn");
        assert_eq!(
            convert_cell("NguyÔn V¨n An", Legacy::Tcvn3),
            "Nguyễn Văn An"
        );
        assert_eq!(convert_cell("Hå", Legacy::Tcvn3), "Hồ");
        assert_eq!(
            convert_cell("Nguyeãn Vaên An", Legacy::Vni),
            "Nguyễn Văn An"
        );
        assert_eq!(convert_cell("NCC001", Legacy::Tcvn3), "NCC001");
    }

    #[test]
    fn detection_finds_each_encoding() {
        let tcvn3 = [
            "NguyÔn V¨n An",
            "Th«n §«ng",
            "Th\u{ad}¬ng binh",
            "TrÇn ThÞ B×nh",
        ];
        assert_eq!(detect(&tcvn3), Legacy::Tcvn3);
        let vni = [
            "Nguyeãn Vaên An",
            "Thoân Ñoâng",
            "Thöông binh",
            "Traàn Thò Bình",
        ];
        assert_eq!(detect(&vni), Legacy::Vni);
    }

    #[test]
    fn unicode_is_never_converted() {
        let unicode = [
            "Nguyễn Văn An",
            "Thôn Đông",
            "Hà Nội",
            "Tô Thị Ánh",
            "ĐẶNG VĂN ƯỚC",
            "Ô Môn",
        ];
        assert_eq!(detect(&unicode), Legacy::None);
        let nfd: Vec<String> = unicode.iter().map(|s| s.nfd().collect()).collect();
        let nfd: Vec<&str> = nfd.iter().map(String::as_str).collect();
        assert_eq!(detect(&nfd), Legacy::None);
        assert_eq!(detect(&["Tran Van Binh", "2.789.000"]), Legacy::None);
        assert_eq!(convert("Nguye\u{302}\u{303}n", Legacy::None), "Nguyễn");
    }
}
