//! What every fuzz target does with its input: writes it to a file (the
//! importer reads files, not bytes) and reads it the way `chitra import
//! --dry-run` does — the rows, the table, each data row judged — checking on
//! every row what the readers promise: rows in order, within the limits,
//! each cell trimmed NFC text; and that every error can be told in both
//! languages.
//!
//! A panic, an abort (a failed allocation), a hang past `-timeout` or a
//! process past `-rss_limit_mb` is what the fuzzer reports. Memory is also
//! watched allocation by allocation: the heap may not hold more than
//! [`HEAP_LIMIT`] at once, and an allocation that would pass it fails, which
//! aborts with its size — so one that is asked for and never touched (the
//! way a sheet's declared size once was) is caught too, as the resident
//! size alone would not show it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use chitra::i18n::Localize;
use chitra::import::record;
use chitra::import::source::{self, SheetRow, limits};
use chitra::import::synonyms::Synonyms;
use chitra::import::table::{self, TableRow};

/// Bytes the heap may hold at once: the import's 200 MB less room for the
/// program itself.
pub const HEAP_LIMIT: usize = 180 << 20;

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, refusing what would pass [`HEAP_LIMIT`].
struct Bounded;

unsafe impl GlobalAlloc for Bounded {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = unsafe { System.alloc(layout) };
        if p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = layout.size();
        if new_size > old && !reserve(new_size - old) {
            return std::ptr::null_mut();
        }
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() {
            if new_size > old {
                LIVE.fetch_sub(new_size - old, Ordering::Relaxed);
            }
        } else if new_size < old {
            LIVE.fetch_sub(old - new_size, Ordering::Relaxed);
        }
        p
    }
}

/// Counts `size` more bytes on the heap, unless that passes the limit.
fn reserve(size: usize) -> bool {
    let before = LIVE.fetch_add(size, Ordering::Relaxed);
    if before.saturating_add(size) > HEAP_LIMIT {
        LIVE.fetch_sub(size, Ordering::Relaxed);
        return false;
    }
    true
}

#[global_allocator]
static ALLOCATOR: Bounded = Bounded;

/// The file the input is written to, one per process and kind.
fn input_path(ext: &str) -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let shm = PathBuf::from("/dev/shm");
        let base = if shm.is_dir() {
            shm
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("chitra-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder for the fuzz input");
        dir
    });
    dir.join(format!("input.{ext}"))
}

fn synonyms() -> &'static Synonyms {
    static S: OnceLock<Synonyms> = OnceLock::new();
    S.get_or_init(Synonyms::defaults)
}

fn told<T: Localize>(e: &T) {
    assert!(!e.vi().trim().is_empty(), "an error without Vietnamese words");
    assert!(!e.en().trim().is_empty(), "an error without English words");
}

/// What [`source::Source`] promises of each row it gives.
#[derive(Default)]
struct RowCheck {
    last: usize,
    rows: usize,
}

impl RowCheck {
    fn check(&mut self, row: &SheetRow) {
        assert!(
            row.number > self.last,
            "row {} after row {}",
            row.number,
            self.last
        );
        assert!(row.number <= limits::MAX_ROWS, "row {}", row.number);
        self.last = row.number;
        self.rows += 1;
        assert!(self.rows <= limits::MAX_ROWS);
        assert!(
            row.cells.len() <= limits::MAX_COLUMNS,
            "{} columns",
            row.cells.len()
        );
        let mut chars = 0;
        for cell in &row.cells {
            let n = cell.text.chars().count();
            assert!(n <= limits::MAX_CELL_CHARS, "a cell of {n} characters");
            chars += n;
            assert_eq!(cell.text.trim(), cell.text, "a cell not trimmed");
            // The full test: chitra's quick one answers "no" when unsure.
            assert!(unicode_normalization::is_nfc(&cell.text), "a cell not NFC");
        }
        assert!(chars <= limits::MAX_ROW_CHARS, "a row of {chars} characters");
    }
}

/// Reads `data` as a list file whose name ends in `.ext`.
pub fn read_bytes(data: &[u8], ext: &str) {
    let path = input_path(ext);
    std::fs::write(&path, data).expect("the fuzz input written");
    let src = match source::open(&path) {
        Ok(src) => src,
        Err(e) => return told(&e),
    };
    let _ = (src.format(), src.encoding(), src.sheet_name());
    let mut check = RowCheck::default();
    let rows = src.inspect(move |r| match r {
        Ok(row) => check.check(row),
        Err(e) => told(e),
    });
    let tbl = match table::locate(&path, rows, synonyms()) {
        Ok(tbl) => tbl,
        Err(e) => return told(&e),
    };
    let mut hamlet: Option<String> = None;
    for item in tbl {
        match item {
            Ok(TableRow::Data(row)) => {
                let mut warnings = Vec::new();
                if let Err(problems) = record::read_row(row, hamlet.as_deref(), &mut warnings) {
                    problems.iter().for_each(told);
                }
                warnings.iter().for_each(told);
            }
            Ok(TableRow::GroupHeading(h)) => hamlet = h.hamlet().map(str::to_string),
            Ok(_) => {}
            Err(e) => told(&e),
        }
    }
}

/// The parts of the workbook `xlsx_parts` builds, in the order its input
/// gives them, separated by [`PART_SEPARATOR`].
pub const PARTS: [&str; 4] = [
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
    "xl/workbook.xml",
];

pub const PART_SEPARATOR: &[u8] = b"\n<!--part-->\n";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>"#;

/// An xlsx whose sheet, shared strings, styles and workbook are the pieces
/// of `data` (see [`PARTS`]); the zip around them is always sound, so the
/// fuzzer spends its time on the XML.
pub fn workbook_of_parts(data: &[u8]) -> Vec<u8> {
    let mut pieces = split(data, PART_SEPARATOR);
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
    ];
    if pieces.len() < 4 {
        pieces.resize(3, b"");
        pieces.push(WORKBOOK.as_bytes());
    }
    parts.extend(PARTS.iter().copied().zip(pieces).filter(|(_, p)| !p.is_empty()));
    stored_zip(&parts)
}

fn split<'a>(data: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    let mut rest = data;
    while pieces.len() < PARTS.len() - 1 {
        match rest.windows(sep.len()).position(|w| w == sep) {
            Some(at) => {
                pieces.push(&rest[..at]);
                rest = &rest[at + sep.len()..];
            }
            None => break,
        }
    }
    pieces.push(rest);
    pieces
}

/// A zip of `parts`, each stored (not compressed).
pub fn stored_zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    fn u16le(out: &mut Vec<u8>, v: u16) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    fn u32le(out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in parts {
        let offset = out.len() as u32;
        let crc = crc32fast::hash(data);
        let (size, name_len) = (data.len() as u32, name.len() as u16);
        u32le(&mut out, 0x0403_4b50);
        for v in [20, 0, 0, 0, 0x21] {
            u16le(&mut out, v); // version, flags, method (stored), time, date
        }
        for v in [crc, size, size] {
            u32le(&mut out, v);
        }
        u16le(&mut out, name_len);
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        u32le(&mut central, 0x0201_4b50);
        for v in [20, 20, 0, 0, 0, 0x21] {
            u16le(&mut central, v); // made by, needed, flags, method, time, date
        }
        for v in [crc, size, size] {
            u32le(&mut central, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            u16le(&mut central, v); // name, extra, comment, disk, internal
        }
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (at, len, n) = (out.len() as u32, central.len() as u32, parts.len() as u16);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for v in [0, 0, n, n] {
        u16le(&mut out, v);
    }
    u32le(&mut out, len);
    u32le(&mut out, at);
    u16le(&mut out, 0);
    out
}
