//! The printed text as an A4 PDF, written by chitra itself so that what
//! reaches the printer is exactly the 80 columns laid out in `print/`.
//!
//! Each line of the text is one line of the page, in a monospace TrueType
//! font embedded as a subset (only the glyphs used). 80 columns fit the
//! A4 width between margins of about 2 cm; a line wider than that goes on
//! the next line rather than off the paper. A text longer than a page
//! breaks into pages (a form feed also starts one); each page after the
//! first repeats the document's title, and every page of such a document
//! says "trang n/m".
//!
//! The font is given to the PDF as simple TrueType fonts whose character
//! names are Unicode values (`uni1EA3`) and with a ToUnicode map, so the
//! text can be read back exactly (`pdftotext`), also after CUPS has turned
//! the PDF into PostScript and a PDF printer (cups-pdf, at PDF 1.4) has
//! turned it back. A character the font has no glyph for is refused
//! (naming it) rather than printed as an empty box.
//!
//! Not here: choosing the printer or running `lp` (`print::spool`), laying
//! out the text (`print::receipt`, `print::day_report`).

mod codes;
mod font;

use crate::i18n::Lang;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::ZlibEncoder;
use unicode_width::UnicodeWidthChar;

use crate::print::text;

use codes::{Codes, utf16_hex};
pub use font::Font;

/// A4, in points.
pub const PAGE_WIDTH: f32 = 595.0;
pub const PAGE_HEIGHT: f32 = 842.0;
/// The columns every line of chitra's printed text fits in.
pub const COLUMNS: usize = crate::print::text::WIDTH;
/// The type size, made smaller only for a font too wide for 80 columns.
pub const FONT_SIZE: f32 = 10.0;
/// The least side margin, in points (1 cm).
const MIN_SIDE: f32 = 28.35;
/// Top and bottom margins, in points (1.5 cm).
const MARGIN_Y: f32 = 42.5;
/// Line spacing as a multiple of the type size.
const LEADING: f32 = 1.2;

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The font file is not there or cannot be read.
    FontMissing { path: PathBuf, reason: String },
    /// The file is not a TrueType font chitra can print with.
    FontUnusable { path: PathBuf, reason: String },
    /// The font has no glyph for these characters of the text.
    MissingGlyphs { path: PathBuf, chars: String },
}

/// Reads the font at `path`.
pub fn load_font(path: &Path) -> Result<Font, PdfError> {
    let data = std::fs::read(path).map_err(|e| PdfError::FontMissing {
        path: path.to_path_buf(),
        reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
    })?;
    Font::parse(data).map_err(|e| PdfError::FontUnusable {
        path: path.to_path_buf(),
        reason: e.0.to_string(),
    })
}

/// How wide one column is on the page, in points, printed in `font`.
pub fn pitch(font: &Font) -> f32 {
    let layout = Layout::for_font(font);
    layout.size * layout.cell as f32 / 1000.0
}

/// How the page is laid out for a font.
struct Layout {
    size: f32,
    leading: f32,
    left: f32,
    /// One column's width in thousandths of the type size.
    cell: u32,
    lines_per_page: usize,
}

impl Layout {
    fn for_font(font: &Font) -> Layout {
        let zero = font.glyph('0').or_else(|| font.glyph(' ')).unwrap_or(0);
        let em = f32::from(font.units_per_em);
        let cell = (f32::from(font.advance(zero)) / em).clamp(0.3, 1.2);
        let fits = (PAGE_WIDTH - 2.0 * MIN_SIDE) / (COLUMNS as f32 * cell);
        let size = FONT_SIZE.min(fits);
        let leading = size * LEADING;
        let left = (PAGE_WIDTH - COLUMNS as f32 * cell * size) / 2.0;
        let lines_per_page = ((PAGE_HEIGHT - 2.0 * MARGIN_Y) / leading).floor() as usize;
        Layout {
            size,
            leading,
            left,
            cell: (cell * 1000.0).round() as u32,
            lines_per_page,
        }
    }
}

/// A PDF file made by [`render`].
#[derive(Debug, Clone)]
pub struct Made {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// `text` (lines of at most [`COLUMNS`] columns) as an A4 PDF in `font`
/// (read from `font_path`, which messages name). `title` heads each page
/// after the first.
pub fn render(
    lang: Lang,
    text: &str,
    title: &str,
    font: &Font,
    font_path: &Path,
) -> Result<Made, PdfError> {
    let layout = Layout::for_font(font);
    let pages = paginate(lang, text, title, layout.lines_per_page);

    // Every character used, each with the glyph that draws it.
    let mut glyphs: BTreeMap<char, u16> = BTreeMap::new();
    let mut missing = String::new();
    for c in pages.iter().flatten().flat_map(|l| l.chars()) {
        if glyphs.contains_key(&c) || missing.contains(c) {
            continue;
        }
        match font.glyph(c) {
            Some(g) => {
                glyphs.insert(c, g);
            }
            // A space the font cannot draw is still a blank column.
            None if c == ' ' => {
                glyphs.insert(c, 0);
            }
            None => missing.push(c),
        }
    }
    if !missing.is_empty() {
        return Err(PdfError::MissingGlyphs {
            path: font_path.to_path_buf(),
            chars: missing,
        });
    }
    let codes = Codes::assign(glyphs.keys().copied());

    let mut pdf = Writer::default();
    let catalog = pdf.reserve();
    let page_tree = pdf.reserve();
    let subset = font
        .subset(&glyphs.values().copied().collect())
        .map_err(|e| PdfError::FontUnusable {
            path: font_path.to_path_buf(),
            reason: e.0.to_string(),
        })?;
    let font_file = pdf.stream(&format!("/Length1 {}", subset.len()), &subset);
    let name = base_name(font, &glyphs);
    let scale = |v: i16| i32::from(v) * 1000 / i32::from(font.units_per_em);
    let flags = 32 + u32::from(font.fixed_pitch);
    let descriptor = pdf.object(format!(
        "<</Type/FontDescriptor/FontName/{name}/Flags {flags}/FontBBox[{} {} {} {}]\
         /ItalicAngle {}/Ascent {}/Descent {}/CapHeight {}/StemV 80/FontFile2 {font_file} 0 R>>",
        scale(font.bbox[0]),
        scale(font.bbox[1]),
        scale(font.bbox[2]),
        scale(font.bbox[3]),
        font.italic_angle,
        scale(font.ascender),
        scale(font.descender),
        scale(font.cap_height),
    ));
    let mut fonts = Vec::new();
    for set in 0..codes.sets() {
        let to_unicode = pdf.stream("", codes.to_unicode(set).as_bytes());
        let widths: Vec<String> = (32..=255u8)
            .map(|code| {
                let cols = codes.char_of(set, code).map_or(1, columns);
                (layout.cell * cols as u32).to_string()
            })
            .collect();
        fonts.push(pdf.object(format!(
            "<</Type/Font/Subtype/TrueType/BaseFont/{name}/FirstChar 32/LastChar 255\
             /Widths[{}]/Encoding<</Type/Encoding/BaseEncoding/WinAnsiEncoding\
             /Differences[{}]>>/FontDescriptor {descriptor} 0 R/ToUnicode {to_unicode} 0 R>>",
            widths.join(" "),
            codes.differences(set),
        )));
    }
    let resources = fonts
        .iter()
        .enumerate()
        .map(|(i, id)| format!("/F{} {id} 0 R", i + 1))
        .collect::<String>();
    let mut kids = Vec::new();
    for page in &pages {
        let content = pdf.stream("", page_content(page, &layout, &codes).as_bytes());
        kids.push(pdf.object(format!(
            "<</Type/Page/Parent {page_tree} 0 R/MediaBox[0 0 {PAGE_WIDTH} {PAGE_HEIGHT}]\
             /Resources<</Font<<{resources}>>>>/Contents {content} 0 R>>"
        )));
    }
    pdf.set(
        page_tree,
        format!(
            "<</Type/Pages/Kids[{}]/Count {}>>",
            kids.iter()
                .map(|k| format!("{k} 0 R"))
                .collect::<Vec<_>>()
                .join(" "),
            kids.len()
        ),
    );
    pdf.set(catalog, format!("<</Type/Catalog/Pages {page_tree} 0 R>>"));
    let info = pdf.object(format!("<</Title<{}>/Producer(chitra)>>", utf16_hex(title)));
    Ok(Made {
        bytes: pdf.finish(catalog, info),
        pages: pages.len(),
    })
}

/// How many columns `c` takes on the page (wide characters take two).
fn columns(c: char) -> usize {
    c.width().unwrap_or(0).max(1)
}

/// The text's lines, cut into pages. A document of more than one page
/// gets the title (and "trang n/m") at the head of each later page and the
/// page number at the foot of each.
fn paginate(lang: Lang, text: &str, title: &str, lines_per_page: usize) -> Vec<Vec<String>> {
    let mut blocks: Vec<Vec<String>> = vec![Vec::new()];
    for raw in text.split('\n') {
        let mut parts = raw.split('\x0c');
        if let (Some(first), Some(block)) = (parts.next(), blocks.last_mut()) {
            block.extend(wrap(first));
        }
        for part in parts {
            blocks.push(wrap(part));
        }
    }
    // The last "\n" ends the last line; it does not start an empty one.
    for b in &mut blocks {
        while b.last().is_some_and(|l| l.is_empty()) {
            b.pop();
        }
    }
    if blocks.len() == 1 && blocks[0].len() <= lines_per_page {
        return blocks;
    }
    let lines_per_page = lines_per_page.max(6);
    let mut pages: Vec<Vec<String>> = Vec::new();
    for block in blocks {
        let mut rest = block.as_slice();
        loop {
            // Room for the foot (a blank line and the number), and after the
            // first page for the head (the title and a blank line).
            let room = lines_per_page - if pages.is_empty() { 2 } else { 4 };
            let (here, after) = rest.split_at(rest.len().min(room));
            pages.push(here.to_vec());
            rest = after;
            if rest.is_empty() {
                break;
            }
        }
    }
    let total = pages.len();
    let title = title.trim();
    pages
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let n = i + 1;
            let number = crate::i18n::printing::page_of(lang, n, total);
            let mut page = Vec::with_capacity(lines_per_page);
            if n > 1 {
                let head = crate::i18n::printing::continued(lang, title);
                let room = COLUMNS.saturating_sub(text::width(&number) + 1);
                let head = if text::width(&head) > room {
                    text::pad(&head, room)
                } else {
                    head
                };
                page.push(text::spread(&head, &number));
                page.push(String::new());
            }
            page.extend(body);
            let foot_at = lines_per_page - 1;
            page.resize(foot_at, String::new());
            page.push(text::center(&number));
            page
        })
        .collect()
}

/// `line` in pieces of at most [`COLUMNS`] columns, tabs made spaces and
/// other control characters made visible as '?'.
fn wrap(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut used = 0;
    for c in line.trim_end_matches([' ', '\r']).chars() {
        let (c, repeat) = match c {
            '\t' => (' ', 8 - used % 8),
            c if c.is_control() => ('?', 1),
            c => (c, 1),
        };
        for _ in 0..repeat {
            let w = columns(c);
            if used + w > COLUMNS {
                out.push(String::new());
                used = 0;
            }
            if let Some(l) = out.last_mut() {
                l.push(c);
            }
            used += w;
        }
    }
    out
}

/// The drawing of one page: each line from the top, left margin, one run
/// per font object.
fn page_content(lines: &[String], layout: &Layout, codes: &Codes) -> String {
    let top = PAGE_HEIGHT - MARGIN_Y - layout.size;
    let mut out = format!(
        "BT\n/F1 {size:.2} Tf\n{leading:.2} TL\n{left:.2} {top:.2} Td\n",
        size = layout.size,
        leading = layout.leading,
        left = layout.left,
    );
    let mut current = 0;
    for line in lines {
        let mut run = String::new();
        for c in line.chars() {
            let (set, code) = codes.code(c, current);
            if set != current {
                if !run.is_empty() {
                    out.push_str(&format!("<{run}>Tj\n"));
                    run.clear();
                }
                out.push_str(&format!("/F{} {:.2} Tf\n", set + 1, layout.size));
                current = set;
            }
            run.push_str(&format!("{code:02X}"));
        }
        if !run.is_empty() {
            out.push_str(&format!("<{run}>Tj\n"));
        }
        out.push_str("T*\n");
    }
    out.push_str("ET\n");
    out
}

/// The font's name in the PDF: a tag that says it is a subset (made from
/// the glyphs used, so two different subsets get different tags), then
/// the font's own PostScript name.
fn base_name(font: &Font, glyphs: &BTreeMap<char, u16>) -> String {
    let mut h: u32 = 2166136261;
    for g in glyphs.values().collect::<BTreeSet<_>>() {
        for b in g.to_be_bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(16777619);
        }
    }
    let tag: String = (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect();
    let own = if font.postscript_name.is_empty() {
        "Mono"
    } else {
        &font.postscript_name
    };
    format!("{tag}+{own}")
}

/// The objects of a PDF file, numbered from 1, and the file they make.
#[derive(Default)]
struct Writer {
    objects: Vec<Option<Vec<u8>>>,
}

impl Writer {
    /// A number for an object written later with [`Writer::set`].
    fn reserve(&mut self) -> usize {
        self.objects.push(None);
        self.objects.len()
    }

    fn set(&mut self, id: usize, body: String) {
        self.objects[id - 1] = Some(body.into_bytes());
    }

    fn object(&mut self, body: String) -> usize {
        self.objects.push(Some(body.into_bytes()));
        self.objects.len()
    }

    /// A compressed stream with extra dictionary entries `dict`.
    fn stream(&mut self, dict: &str, data: &[u8]) -> usize {
        let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
        // Writing into memory cannot fail.
        let packed = z
            .write_all(data)
            .and_then(|()| z.finish())
            .unwrap_or_default();
        let mut body = format!(
            "<<{dict}/Filter/FlateDecode/Length {}>>stream\n",
            packed.len()
        )
        .into_bytes();
        body.extend_from_slice(&packed);
        body.extend_from_slice(b"\nendstream");
        self.objects.push(Some(body));
        self.objects.len()
    }

    fn finish(self, root: usize, info: usize) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (i, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body.as_deref().unwrap_or(b"null"));
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", self.objects.len() + 1).as_bytes(),
        );
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<</Size {}/Root {root} 0 R/Info {info} 0 R>>\nstartxref\n{xref}\n%%EOF\n",
                self.objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_wider_than_the_page_goes_on_the_next_line_whole() {
        let long = format!("{}Đồng", "x".repeat(78));
        assert_eq!(
            wrap(&long),
            vec![format!("{}Đồ", "x".repeat(78)), "ng".to_string()]
        );
        assert_eq!(wrap("a\tb"), vec!["a       b".to_string()]);
        assert_eq!(wrap("trailing   "), vec!["trailing".to_string()]);
    }

    #[test]
    fn a_short_text_is_one_page_as_it_is() {
        let pages = paginate(Lang::Vi, "one\ntwo\n", "T", 60);
        assert_eq!(pages, vec![vec!["one".to_string(), "two".to_string()]]);
    }

    #[test]
    fn a_long_text_repeats_its_title_and_numbers_its_pages() {
        let text: String = (1..=100).map(|i| format!("line {i}\n")).collect();
        let pages = paginate(Lang::Vi, &text, "BÁO CÁO", 60);
        assert_eq!(pages.len(), 2);
        assert!(pages.iter().all(|p| p.len() == 60));
        assert_eq!(pages[0][0], "line 1");
        assert!(pages[0][59].contains("1/2"), "{:?}", pages[0][59]);
        assert!(pages[1][0].starts_with("BÁO CÁO"), "{:?}", pages[1][0]);
        assert!(pages[1][0].ends_with("2/2"), "{:?}", pages[1][0]);
        assert!(pages[1][59].contains("2/2"));
        // Every line of the text is on a page, once, in order.
        let body: Vec<&String> = pages
            .iter()
            .flatten()
            .filter(|l| l.starts_with("line "))
            .collect();
        assert_eq!(body.len(), 100);
        assert_eq!(body[99], "line 100");
    }

    #[test]
    fn a_form_feed_starts_a_page() {
        let pages = paginate(Lang::Vi, "a\n\x0cb\n", "T", 60);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0][0], "a");
        assert_eq!(pages[1][2], "b");
    }

    #[test]
    fn characters_beyond_ascii_share_codes_across_font_objects() {
        let many = (0x1EA0u32..0x1EA0 + 200).filter_map(char::from_u32);
        let codes = Codes::assign(many.chain("Ab".chars()));
        assert_eq!(codes.sets(), 2);
        assert_eq!(codes.code('A', 1), (1, b'A'));
        let (set, code) = codes.code('\u{1EA0}', 0);
        assert_eq!((set, code), (0, 127));
        assert_eq!(codes.char_of(0, 127), Some('\u{1EA0}'));
        assert!(codes.differences(0).starts_with("127/uni1EA0/uni1EA1"));
        assert!(codes.to_unicode(1).contains("<41><0041>"));
    }
}
