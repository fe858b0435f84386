//! The zip container of an xlsx, read under limits: the central directory is
//! read entry by entry (at most [`MAX_ZIP_ENTRIES`]), and a part is unpacked
//! as a stream that counts the bytes it gives and stops at the caller's
//! limit, whatever size the archive declares for the part (declared sizes
//! are checked too, and a part that unpacks to more than it declares is
//! refused as damaged).
//!
//! A part read to its end is checked: it must unpack to exactly the size the
//! directory declares, with the CRC-32 the directory gives, so that a file
//! damaged in copying (or edited inside the zip) is refused, not read.
//!
//! Only what an xlsx uses is supported: parts stored or deflated, zip64
//! sizes and offsets. Encrypted parts and other compression methods are
//! refused.

use super::limits::{Exceeded, Limit, MAX_ZIP_ENTRIES};
use super::workbook::BookError;
use flate2::read::DeflateDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Take};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

fn damaged(what: &str) -> BookError {
    BookError::Damaged(what.to_owned())
}

/// One part of the archive, as the central directory describes it.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) name: String,
    method: u16,
    flags: u16,
    compressed: u64,
    pub(super) size: u64,
    local_offset: u64,
    /// The CRC-32 of the unpacked bytes, as the central directory gives it.
    crc: u32,
}

pub(super) struct Archive {
    path: PathBuf,
    len: u64,
    entries: Vec<Entry>,
}

const EOCD: u32 = 0x0605_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const ZIP64_EOCD: u32 = 0x0606_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// Refuses an archive holding two parts of one name, as [`Archive::find`]
/// compares names (ASCII case, a leading '/' and '\\' for '/' do not
/// matter): one reader would read the first and another the second, so
/// what Excel shows need not be what is imported.
fn refuse_twins(entries: &[Entry]) -> Result<(), BookError> {
    let mut seen = std::collections::HashSet::with_capacity(entries.len());
    for e in entries {
        let name = e
            .name
            .replace('\\', "/")
            .trim_start_matches('/')
            .to_ascii_lowercase();
        if !seen.insert(name) {
            return Err(BookError::Damaged(format!(
                "two parts named {}",
                e.name.trim_start_matches('/')
            )));
        }
    }
    Ok(())
}

/// Where the central directory is and how many entries it says it has.
struct Directory {
    entries: u64,
    size: u64,
    offset: u64,
}

impl Archive {
    pub(super) fn open(path: &Path) -> Result<Archive, BookError> {
        let mut file = File::open(path)?;
        let len = file.metadata()?.len();
        let dir = find_directory(&mut file, len)?;
        if dir.entries > MAX_ZIP_ENTRIES as u64 {
            return Err(BookError::Limit(Exceeded::new(Limit::ZipEntries)));
        }
        if dir.offset > len || dir.size > len - dir.offset {
            return Err(damaged("central directory outside the file"));
        }
        file.seek(SeekFrom::Start(dir.offset))?;
        let mut r = BufReader::new((&mut file).take(dir.size));
        let mut entries = Vec::new();
        let mut fixed = [0u8; 46];
        loop {
            match r.fill_buf()? {
                [] => break,
                _ => r
                    .read_exact(&mut fixed)
                    .map_err(|_| damaged("central entry cut short"))?,
            }
            if u32_at(&fixed, 0) != Some(CENTRAL) {
                // Anything after the entries (a digital signature) ends them.
                break;
            }
            if entries.len() == MAX_ZIP_ENTRIES {
                return Err(BookError::Limit(Exceeded::new(Limit::ZipEntries)));
            }
            let field16 = |at| u16_at(&fixed, at).unwrap_or(0);
            let field32 = |at| u32_at(&fixed, at).unwrap_or(0);
            let name_len = usize::from(field16(28));
            let extra_len = usize::from(field16(30));
            let comment_len = u64::from(field16(32));
            let mut name = vec![0u8; name_len];
            r.read_exact(&mut name)
                .map_err(|_| damaged("entry name cut short"))?;
            let mut extra = vec![0u8; extra_len];
            r.read_exact(&mut extra)
                .map_err(|_| damaged("entry extra cut short"))?;
            io::copy(&mut (&mut r).take(comment_len), &mut io::sink())?;
            let mut entry = Entry {
                name: String::from_utf8_lossy(&name).into_owned(),
                method: field16(10),
                flags: field16(8),
                compressed: u64::from(field32(20)),
                size: u64::from(field32(24)),
                local_offset: u64::from(field32(42)),
                crc: field32(16),
            };
            zip64_sizes(&mut entry, &extra);
            entries.push(entry);
        }
        refuse_twins(&entries)?;
        Ok(Archive {
            path: path.to_owned(),
            len,
            entries,
        })
    }

    /// The entry of a part, by its name (ASCII case does not matter, as in
    /// the package format; a leading '/' neither).
    pub(super) fn find(&self, name: &str) -> Option<&Entry> {
        let name = name.trim_start_matches('/');
        self.entries
            .iter()
            .find(|e| e.name.trim_start_matches('/').eq_ignore_ascii_case(name))
    }

    /// Whether no entry at all was found (the file is not really a zip).
    pub(super) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// A stream of the part's unpacked bytes, refused as soon as it would
    /// give more than `max` bytes (`Limit::Unpacked` naming the part).
    pub(super) fn open_entry(&self, entry: &Entry, max: u64) -> Result<PartReader, BookError> {
        self.open_entry_within(entry, max, None)
    }

    /// [`Archive::open_entry`], its bytes also counted in `budget`, shared
    /// with other parts, and refused once the budget is spent.
    pub(super) fn open_entry_within(
        &self,
        entry: &Entry,
        max: u64,
        budget: Option<Budget>,
    ) -> Result<PartReader, BookError> {
        let too_big = || {
            BookError::Limit(Exceeded::new(Limit::Unpacked {
                part: entry.name.clone(),
                max,
            }))
        };
        if entry.size > max {
            return Err(too_big());
        }
        if entry.flags & 1 != 0 {
            return Err(BookError::Password);
        }
        let mut file = File::open(&self.path)?;
        if entry.local_offset > self.len.saturating_sub(30) {
            return Err(damaged("part outside the file"));
        }
        file.seek(SeekFrom::Start(entry.local_offset))?;
        let mut local = [0u8; 30];
        file.read_exact(&mut local)
            .map_err(|_| damaged("local header cut short"))?;
        if u32_at(&local, 0) != Some(LOCAL) {
            return Err(damaged("no local header where the directory says"));
        }
        let skip =
            u64::from(u16_at(&local, 26).unwrap_or(0)) + u64::from(u16_at(&local, 28).unwrap_or(0));
        let data_start = entry.local_offset + 30 + skip;
        if data_start > self.len || entry.compressed > self.len - data_start {
            return Err(damaged("part runs past the end of the file"));
        }
        file.seek(SeekFrom::Start(data_start))?;
        let raw = BufReader::with_capacity(64 * 1024, file.take(entry.compressed));
        let inner = match entry.method {
            0 => Unpack::Stored(raw),
            8 => Unpack::Deflated(Box::new(DeflateDecoder::new(raw))),
            m => return Err(BookError::Damaged(format!("compression method {m}"))),
        };
        Ok(PartReader {
            inner,
            given: 0,
            max,
            declared: entry.size,
            part: entry.name.clone(),
            budget,
            crc: flate2::Crc::new(),
            expected_crc: entry.crc,
            checked: false,
        })
    }
}

/// Unpacked bytes several parts may give together (the sheets of one
/// workbook), counted as they come; a clone shares the count.
#[derive(Clone)]
pub(super) struct Budget(Arc<Spent>);

struct Spent {
    used: AtomicU64,
    max: u64,
    limit: Limit,
}

impl Budget {
    /// A budget of `max` bytes; going past it is refused as `limit`.
    pub(super) fn new(max: u64, limit: Limit) -> Budget {
        Budget(Arc::new(Spent {
            used: AtomicU64::new(0),
            max,
            limit,
        }))
    }

    #[cfg(test)]
    pub(super) fn used(&self) -> u64 {
        self.0.used.load(Ordering::Relaxed)
    }

    /// Counts `n` more bytes; an error once the budget is spent.
    fn spend(&self, n: u64) -> io::Result<()> {
        let used = self
            .0
            .used
            .fetch_add(n, Ordering::Relaxed)
            .saturating_add(n);
        if used > self.0.max {
            return Err(Exceeded::new(self.0.limit.clone()).into_io());
        }
        Ok(())
    }
}

/// Sizes and offset given in the zip64 extra field, for the ones the
/// 32-bit fields mark as too large.
fn zip64_sizes(entry: &mut Entry, mut extra: &[u8]) {
    while extra.len() >= 4 {
        let id = u16_at(extra, 0).unwrap_or(0);
        let len = usize::from(u16_at(extra, 2).unwrap_or(0));
        let Some(data) = extra.get(4..4 + len) else {
            return;
        };
        if id == 1 {
            let mut at = 0;
            let mut next = |field: &mut u64| {
                if *field == u64::from(u32::MAX) {
                    if let Some(v) = u64_at(data, at) {
                        *field = v;
                    }
                    at += 8;
                }
            };
            next(&mut entry.size);
            next(&mut entry.compressed);
            next(&mut entry.local_offset);
            return;
        }
        extra = &extra[4 + len..];
    }
}

/// Finds the end-of-central-directory record in the file's last bytes
/// (after it only a comment of at most 64 KiB), and the zip64 record when
/// the 32-bit fields are full.
fn find_directory(file: &mut File, len: u64) -> Result<Directory, BookError> {
    let tail_len = len.min(22 + 65_535 + 20);
    file.seek(SeekFrom::Start(len - tail_len))?;
    let mut tail = vec![0u8; tail_len as usize];
    file.read_exact(&mut tail)?;
    let at = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(&tail, i) == Some(EOCD))
        .ok_or_else(|| damaged("no end of central directory"))?;
    let eocd = &tail[at..];
    let mut dir = Directory {
        entries: u64::from(u16_at(eocd, 10).unwrap_or(0)),
        size: u64::from(u32_at(eocd, 12).unwrap_or(0)),
        offset: u64::from(u32_at(eocd, 16).unwrap_or(0)),
    };
    let full = dir.entries == 0xFFFF || dir.size == 0xFFFF_FFFF || dir.offset == 0xFFFF_FFFF;
    if full && at >= 20 && u32_at(&tail, at - 20) == Some(ZIP64_LOCATOR) {
        let record = u64_at(&tail, at - 20 + 8).unwrap_or(u64::MAX);
        if record > len.saturating_sub(56) {
            return Err(damaged("zip64 record outside the file"));
        }
        file.seek(SeekFrom::Start(record))?;
        let mut z = [0u8; 56];
        file.read_exact(&mut z)?;
        if u32_at(&z, 0) != Some(ZIP64_EOCD) {
            return Err(damaged("no zip64 record where the locator says"));
        }
        dir = Directory {
            entries: u64_at(&z, 32).unwrap_or(u64::MAX),
            size: u64_at(&z, 40).unwrap_or(u64::MAX),
            offset: u64_at(&z, 48).unwrap_or(u64::MAX),
        };
    }
    Ok(dir)
}

enum Unpack {
    Stored(BufReader<Take<File>>),
    Deflated(Box<DeflateDecoder<BufReader<Take<File>>>>),
}

/// The unpacked bytes of one part, counted.
pub(super) struct PartReader {
    inner: Unpack,
    given: u64,
    max: u64,
    declared: u64,
    part: String,
    budget: Option<Budget>,
    /// The CRC-32 of the bytes given so far.
    crc: flate2::Crc,
    expected_crc: u32,
    /// The end was reached and checked.
    checked: bool,
}

impl PartReader {
    /// At the end of the part: all its declared bytes, with its CRC-32.
    fn check_end(&mut self) -> io::Result<()> {
        if self.checked {
            return Ok(());
        }
        self.checked = true;
        let damaged = |what: String| io::Error::new(io::ErrorKind::InvalidData, what);
        if self.given != self.declared {
            return Err(damaged(format!(
                "{} ends after {} of the {} bytes it declares",
                self.part, self.given, self.declared
            )));
        }
        if self.crc.sum() != self.expected_crc {
            return Err(damaged(format!(
                "{} has CRC-32 {:08x}, the directory says {:08x}",
                self.part,
                self.crc.sum(),
                self.expected_crc
            )));
        }
        Ok(())
    }
}

impl Read for PartReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // One byte more than allowed is asked for, to tell "exactly at the
        // limit" from "past it".
        let room = self.max.min(self.declared).saturating_sub(self.given);
        let want = buf.len().min(
            usize::try_from(room)
                .unwrap_or(usize::MAX)
                .saturating_add(1),
        );
        let n = match &mut self.inner {
            Unpack::Stored(r) => r.read(&mut buf[..want])?,
            Unpack::Deflated(r) => r.read(&mut buf[..want])?,
        };
        if n == 0 && want > 0 {
            self.check_end()?;
            return Ok(0);
        }
        self.crc.update(&buf[..n]);
        self.given += n as u64;
        if let Some(budget) = &self.budget {
            budget.spend(n as u64)?;
        }
        if self.given > self.max {
            return Err(Exceeded::new(Limit::Unpacked {
                part: self.part.clone(),
                max: self.max,
            })
            .into_io());
        }
        if self.given > self.declared {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "{} unpacks to more than the {} bytes it declares",
                    self.part, self.declared
                ),
            ));
        }
        Ok(n)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A zip written by hand: each part stored or deflated, with the sizes
    /// it declares (which may lie).
    pub(in crate::import::source) fn build(parts: &[(&str, &[u8], bool, Option<u32>)]) -> Vec<u8> {
        use std::io::Write;
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data, deflate, declared) in parts {
            let body = if *deflate {
                let mut e =
                    flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
                e.write_all(data).unwrap();
                e.finish().unwrap()
            } else {
                data.to_vec()
            };
            let size = declared.unwrap_or(data.len() as u32);
            let method: u16 = if *deflate { 8 } else { 0 };
            let mut crc = flate2::Crc::new();
            crc.update(data);
            let crc = crc.sum().to_le_bytes();
            let offset = out.len() as u32;
            out.extend(LOCAL.to_le_bytes());
            out.extend([20, 0, 0, 0]);
            out.extend(method.to_le_bytes());
            out.extend([0; 4]);
            out.extend(crc);
            out.extend((body.len() as u32).to_le_bytes());
            out.extend(size.to_le_bytes());
            out.extend((name.len() as u16).to_le_bytes());
            out.extend([0, 0]);
            out.extend(name.as_bytes());
            out.extend(&body);
            central.extend(CENTRAL.to_le_bytes());
            central.extend([20, 0, 20, 0, 0, 0]);
            central.extend(method.to_le_bytes());
            central.extend([0; 4]);
            central.extend(crc);
            central.extend((body.len() as u32).to_le_bytes());
            central.extend(size.to_le_bytes());
            central.extend((name.len() as u16).to_le_bytes());
            central.extend([0; 12]);
            central.extend(offset.to_le_bytes());
            central.extend(name.as_bytes());
        }
        let cd_offset = out.len() as u32;
        out.extend(&central);
        out.extend(EOCD.to_le_bytes());
        out.extend([0; 4]);
        out.extend((parts.len() as u16).to_le_bytes());
        out.extend((parts.len() as u16).to_le_bytes());
        out.extend((central.len() as u32).to_le_bytes());
        out.extend(cd_offset.to_le_bytes());
        out.extend([0, 0]);
        out
    }

    fn archive(bytes: &[u8]) -> (tempfile::TempDir, Archive) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.zip");
        std::fs::write(&path, bytes).unwrap();
        let a = Archive::open(&path).unwrap();
        (dir, a)
    }

    fn read_all(a: &Archive, name: &str, max: u64) -> Result<Vec<u8>, BookError> {
        let e = a.find(name).unwrap().clone();
        let mut out = Vec::new();
        a.open_entry(&e, max)?.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn parts_are_found_and_unpacked() {
        let text = "Họ và tên;".repeat(1000);
        let zip = build(&[
            ("xl/workbook.xml", b"<workbook/>", false, None),
            ("xl/worksheets/sheet1.xml", text.as_bytes(), true, None),
        ]);
        let (_d, a) = archive(&zip);
        assert_eq!(
            read_all(&a, "/XL/Workbook.xml", 100).unwrap(),
            b"<workbook/>"
        );
        assert_eq!(
            read_all(&a, "xl/worksheets/sheet1.xml", 1 << 20).unwrap(),
            text.as_bytes()
        );
        assert!(a.find("xl/sharedStrings.xml").is_none());
    }

    #[test]
    fn a_part_larger_than_allowed_is_refused_by_its_declared_and_its_real_size() {
        let big = vec![b'a'; 10_000];
        // Declared honestly: refused before unpacking.
        let zip = build(&[("s.xml", &big, true, None)]);
        let (_d, a) = archive(&zip);
        assert!(matches!(
            read_all(&a, "s.xml", 9_999),
            Err(BookError::Limit(Exceeded {
                limit: Limit::Unpacked { max: 9_999, .. },
                ..
            }))
        ));
        assert_eq!(read_all(&a, "s.xml", 10_000).unwrap().len(), 10_000);
        // Declared small: the bytes are counted as they come.
        let zip = build(&[("s.xml", &big, true, Some(100))]);
        let (_d, a) = archive(&zip);
        assert!(matches!(
            read_all(&a, "s.xml", 1 << 20),
            Err(BookError::Damaged(_))
        ));
        // Declared huge but allowed: still stopped at the limit.
        let zip = build(&[("s.xml", &big, true, Some(u32::MAX - 1))]);
        let (_d, a) = archive(&zip);
        assert!(matches!(
            read_all(&a, "s.xml", 5_000),
            Err(BookError::Limit(_))
        ));
    }

    #[test]
    fn damaged_archives_are_errors_not_panics() {
        let zip = build(&[("a.xml", b"<a/>", true, None)]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cut.zip");
        for cut in [0, 4, 30, zip.len() / 2, zip.len() - 23, zip.len() - 1] {
            std::fs::write(&path, &zip[..cut]).unwrap();
            if let Ok(a) = Archive::open(&path)
                && let Some(e) = a.find("a.xml").cloned()
                && let Ok(mut r) = a.open_entry(&e, 1 << 20)
            {
                let _ = r.read_to_end(&mut Vec::new());
            }
        }
    }

    #[test]
    fn a_part_whose_bytes_do_not_match_its_crc_is_refused() {
        let text = b"<row><c><v>Nguyen Van An</v></c></row>".to_vec();
        for deflate in [false, true] {
            let zip = build(&[("s.xml", &text, deflate, None)]);
            let (_d, a) = archive(&zip);
            assert_eq!(read_all(&a, "s.xml", 1 << 20).unwrap(), text);
        }
        // One byte changed in a stored part: same size, another CRC.
        let mut zip = build(&[("s.xml", &text, false, None)]);
        let at = zip.windows(5).position(|w| w == b"Nguye").unwrap();
        zip[at] = b'X';
        let (_d, a) = archive(&zip);
        match read_all(&a, "s.xml", 1 << 20) {
            Err(BookError::Damaged(d)) => assert!(d.contains("CRC"), "{d}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_part_shorter_than_it_declares_is_refused() {
        let text = vec![b'a'; 1000];
        let zip = build(&[("s.xml", &text, true, Some(2000))]);
        let (_d, a) = archive(&zip);
        assert!(matches!(
            read_all(&a, "s.xml", 1 << 20),
            Err(BookError::Damaged(_))
        ));
    }
}
