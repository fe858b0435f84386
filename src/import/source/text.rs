//! Delimited text files: CSV with "," or ";", tab-separated, and Excel's
//! "Unicode text" (UTF-16 with tabs), in UTF-8, UTF-16, Windows-1258, TCVN3
//! or VNI.
//!
//! The file is streamed: only its first bytes (to tell the encoding and the
//! delimiter) and its first rows (to tell TCVN3/VNI from Unicode) are held
//! ahead. Row numbers are the ones Excel shows when it opens the file: blank
//! lines count, a line break inside a quoted cell does not.
//!
//! A quoted cell may hold a line break (an address on two lines), but one
//! that runs on over the rows below it — a stray quote, closed far below or
//! never — is refused where the quote opened ([`SourceError::RunawayQuote`]):
//! read as one cell, those rows (the total row among them) would be lost
//! without a word.

use super::blank_lines::BlankLines;
use super::legacy::{self, Legacy};
use super::limits::{self, Exceeded, Limit, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROW_CHARS, MAX_ROWS};
use super::sniff::{self, TextEncoding};
use super::transcode::{Decode, Transcoder};
use super::{Cell, DETECT_BYTES, Encoding, Format, SNIFF_BYTES, SheetRow, Source, SourceError};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

/// Rows read ahead to decide whether the text is TCVN3 or VNI.
const DETECT_ROWS: usize = 200;
/// Line breaks one quoted cell may hold: an address or a note written on
/// a few lines. A cell holding more has swallowed the rows after it.
const MAX_BREAKS_IN_CELL: usize = 4;
/// Separators on one line inside a cell that make the line look like a row
/// of its own, at the least (half the widest row's, when that is more).
const ROW_LIKE_SEPARATORS: usize = 3;
/// Decoded bytes looked at to find the delimiter.
const DELIMITER_SAMPLE: usize = 64 * 1024;

pub(super) struct Rows {
    file: PathBuf,
    reader: csv::Reader<Box<dyn Read + Send>>,
    record: csv::ByteRecord,
    legacy: Legacy,
    ahead: VecDeque<Result<SheetRow, SourceError>>,
    /// Line breaks seen inside quoted cells so far.
    inner_breaks: u64,
    delimiter: u8,
    /// The most cells a row has had so far.
    widest: usize,
    last_row: usize,
    done: bool,
    /// The file's first rows as each delimiter found in it splits them.
    readings: Vec<(char, Vec<SheetRow>)>,
}

pub(super) fn open(path: &Path, head: Vec<u8>, file: File) -> Result<Source, SourceError> {
    let truncated = head.len() == SNIFF_BYTES;
    let byte_encoding = sniff::text_encoding(&head, truncated);
    let mut raw = Cursor::new(head);
    raw.set_position(byte_encoding.bom_len() as u64);
    let raw = raw.chain(file);
    let mut decoded: Box<dyn Read + Send> = match byte_encoding {
        TextEncoding::Utf8 { .. } => Box::new(raw),
        TextEncoding::Utf16Le { .. } => codec(raw, encoding_rs::UTF_16LE),
        TextEncoding::Utf16Be { .. } => codec(raw, encoding_rs::UTF_16BE),
        TextEncoding::Windows1258 => codec(raw, encoding_rs::WINDOWS_1258),
        TextEncoding::Legacy(_) => Box::new(Transcoder::new(raw, Decode::Latin1)),
    };

    let io_error = |e: std::io::Error| SourceError::Io {
        file: path.to_owned(),
        row: None,
        detail: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
    };
    let mut start = Vec::new();
    decoded
        .by_ref()
        .take(DELIMITER_SAMPLE as u64)
        .read_to_end(&mut start)
        .map_err(io_error)?;
    let (delimiter, skip, sample) = match sep_line(&start) {
        // Excel splits on the delimiter a "sep=" line names, and so does chitra.
        Some((d, len)) => (d, len, None),
        None => (detect_delimiter(&start), 0, Some(start.clone())),
    };
    let mut start = Cursor::new(start);
    start.set_position(skip as u64);
    let mut rows = Rows::new(path, Box::new(start.chain(decoded)), delimiter);
    let mut bytes = 0;
    while rows.ahead.len() < DETECT_ROWS && bytes < DETECT_BYTES {
        let Some(row) = rows.read_raw() else { break };
        if let Ok(row) = &row {
            bytes += row.cells.iter().map(|c| c.text.len()).sum::<usize>();
        }
        rows.ahead.push_back(row);
    }
    let exhausted = rows.done || rows.ahead.len() < DETECT_ROWS;
    let blank = rows.ahead.iter().all(|r| {
        r.as_ref()
            .is_ok_and(|r| r.cells.iter().all(|c| c.text.trim().is_empty()))
    });
    if exhausted && blank {
        return Err(SourceError::Empty {
            file: path.to_owned(),
        });
    }

    rows.legacy = match byte_encoding {
        TextEncoding::Legacy(l) => l,
        TextEncoding::Windows1258 => Legacy::None,
        _ => {
            let samples: Vec<&str> = rows
                .ahead
                .iter()
                .flatten()
                .flat_map(|r| r.cells.iter())
                .map(|c| c.text.as_str())
                .filter(|t| !t.is_ascii())
                .collect();
            legacy::detect(&samples)
        }
    };
    let legacy = rows.legacy;
    for row in rows.ahead.iter_mut().flatten() {
        for cell in &mut row.cells {
            finish(cell, legacy);
        }
    }

    if let Some(sample) = sample {
        rows.readings = readings(path, &sample, legacy);
    }

    let encoding = match (rows.legacy, byte_encoding) {
        (Legacy::Tcvn3, _) => Encoding::Tcvn3,
        (Legacy::Vni, _) => Encoding::Vni,
        (Legacy::None, TextEncoding::Utf8 { bom }) => {
            if bom {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            }
        }
        (Legacy::None, TextEncoding::Utf16Le { .. }) => Encoding::Utf16Le,
        (Legacy::None, TextEncoding::Utf16Be { .. }) => Encoding::Utf16Be,
        (Legacy::None, _) => Encoding::Windows1258,
    };
    let utf16 = matches!(
        byte_encoding,
        TextEncoding::Utf16Le { .. } | TextEncoding::Utf16Be { .. }
    );
    let format = if utf16 && delimiter == b'\t' {
        Format::UnicodeText
    } else {
        Format::Csv {
            delimiter: char::from(delimiter),
        }
    };
    Ok(Source {
        file: path.to_owned(),
        format,
        encoding,
        sheet: None,
        hidden_columns: Vec::new(),
        other_sheets: Vec::new(),
        rows: super::Rows::Text(rows),
    })
}

/// The first rows of the file's start as each delimiter found in it splits
/// them. Excel in a Vietnamese locale splits on ";", in others on ",": a
/// file that makes a list both ways shows one table in Excel and another to
/// chitra, and is refused (`table::check_readings`).
fn readings(path: &Path, sample: &[u8], legacy: Legacy) -> Vec<(char, Vec<SheetRow>)> {
    const ROWS: usize = crate::import::table::HEADER_SEARCH_ROWS + 2;
    let mut out = Vec::new();
    for d in [b';', b',', b'\t'] {
        if memchr::memchr(d, sample).is_none() {
            continue;
        }
        let mut rows = Rows::new(path, Box::new(Cursor::new(sample.to_vec())), d);
        let mut read = Vec::new();
        while read.len() < ROWS {
            let Some(Ok(mut row)) = rows.read_raw() else {
                break;
            };
            for cell in &mut row.cells {
                finish(cell, legacy);
            }
            read.push(row);
        }
        out.push((char::from(d), read));
    }
    out
}

fn codec<R: Read + Send + 'static>(
    raw: R,
    encoding: &'static encoding_rs::Encoding,
) -> Box<dyn Read + Send> {
    Box::new(Transcoder::new(
        raw,
        Decode::Codec(encoding.new_decoder_without_bom_handling()),
    ))
}

/// Excel's "sep=;" first line names the delimiter and is not a row.
fn sep_line(start: &[u8]) -> Option<(u8, usize)> {
    let rest = start.strip_prefix(b"sep=")?;
    let (&d, after) = rest.split_first()?;
    let len = match after {
        [b'\r', b'\n', ..] => 7,
        [b'\n', ..] | [b'\r', ..] => 6,
        [] => 5,
        _ => return None,
    };
    Some((d, len))
}

/// The delimiter used on the first lines: of ',', ';' and tab, the one that
/// appears the same number of times on the most lines (Excel pads every line
/// of a sheet to the same width), counted outside quotes.
fn detect_delimiter(sample: &[u8]) -> u8 {
    const CANDIDATES: [u8; 3] = [b'\t', b';', b','];
    let mut lines: Vec<[usize; 3]> = vec![[0; 3]];
    let mut quoted = false;
    for &b in sample {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                if lines.len() == 100 {
                    break;
                }
                lines.push([0; 3]);
            }
            _ if !quoted => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
                    lines.last_mut().expect("one line at least")[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = (b',', (0, 0));
    for (i, &d) in CANDIDATES.iter().enumerate() {
        let mut freq = std::collections::HashMap::new();
        for line in &lines {
            if line[i] > 0 {
                *freq.entry(line[i]).or_insert(0usize) += 1;
            }
        }
        // (lines agreeing on the count, the count)
        let score = freq
            .into_iter()
            .map(|(count, n)| (n, count))
            .max()
            .unwrap_or((0, 0));
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// Converts, normalises and trims a cell read from the file.
fn finish(cell: &mut Cell, legacy: Legacy) {
    let t = cell.text.trim();
    if t.is_ascii() || (legacy == Legacy::None && crate::text::is_nfc(t)) {
        if t.len() != cell.text.len() {
            let start = t.as_ptr() as usize - cell.text.as_ptr() as usize;
            let end = start + t.len();
            cell.text.truncate(end);
            cell.text.drain(..start);
        }
        return;
    }
    let converted = match legacy {
        Legacy::None => crate::text::nfc(t),
        _ => legacy::convert_cell(t, legacy),
    };
    cell.text = match converted.trim() {
        trimmed if trimmed.len() == converted.len() => converted,
        trimmed => trimmed.to_owned(),
    };
}

impl Rows {
    fn new(path: &Path, input: Box<dyn Read + Send>, delimiter: u8) -> Rows {
        let input: Box<dyn Read + Send> = Box::new(BlankLines::new(input, delimiter));
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(input);
        Rows {
            file: path.to_owned(),
            reader,
            record: csv::ByteRecord::new(),
            legacy: Legacy::None,
            ahead: VecDeque::new(),
            inner_breaks: 0,
            delimiter,
            widest: 0,
            last_row: 0,
            done: false,
            readings: Vec::new(),
        }
    }

    pub(super) fn readings(&self) -> &[(char, Vec<SheetRow>)] {
        &self.readings
    }

    /// The next record as raw text (not yet trimmed or converted).
    fn read_raw(&mut self) -> Option<Result<SheetRow, SourceError>> {
        if self.done {
            return None;
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return None;
            }
            Err(e) => {
                self.done = true;
                let row = self.last_row + 1;
                if let csv::ErrorKind::Io(io) = e.kind()
                    && let Some(x) = Exceeded::from_io(io)
                {
                    return Some(Err(self.too_big(x.limit, row, x.column)));
                }
                // The reader's other errors cannot arise on byte records
                // of any length; said as damage all the same.
                let io = match e.into_kind() {
                    csv::ErrorKind::Io(io) => io,
                    _ => std::io::Error::from(std::io::ErrorKind::InvalidData),
                };
                return Some(Err(SourceError::Io {
                    file: self.file.clone(),
                    row: Some(row),
                    detail: crate::i18n::os_reason(crate::i18n::Lang::Vi, &io),
                }));
            }
        }
        let line = self.record.position().map_or(0, |p| p.line());
        let mut number = line.saturating_sub(self.inner_breaks) as usize;
        if number <= self.last_row {
            number = self.last_row + 1;
        }
        self.last_row = number;
        if number > MAX_ROWS {
            self.done = true;
            return Some(Err(self.too_big(Limit::Rows, number, None)));
        }
        let bytes = self.record.as_slice();
        let breaks = memchr::memchr_iter(b'\n', bytes).count();
        self.inner_breaks += breaks as u64;
        if breaks > 0
            && let Some((column, lines)) = self.runaway_quote()
        {
            self.done = true;
            return Some(Err(SourceError::RunawayQuote {
                file: self.file.clone(),
                row: number,
                column,
                lines,
            }));
        }
        self.widest = self.widest.max(self.record.len());
        // The record is checked as UTF-8 once; a field is then valid when
        // it starts and ends on a character boundary (a field cut inside a
        // character would make the whole look valid by joining its halves).
        let Ok(all) = std::str::from_utf8(bytes) else {
            return Some(Err(SourceError::InvalidUtf8 {
                file: self.file.clone(),
                row: number,
            }));
        };
        let mut cells = Vec::with_capacity(self.record.len().min(MAX_COLUMNS));
        for i in 0..self.record.len() {
            match self.record.range(i).and_then(|r| all.get(r)) {
                Some(s) if i < MAX_COLUMNS => cells.push(Cell::text(s)),
                Some(s) if s.trim().is_empty() => {}
                // A value beyond the last column allowed.
                Some(_) => {
                    self.done = true;
                    return Some(Err(self.too_big(Limit::Columns, number, Some(i))));
                }
                None => {
                    return Some(Err(SourceError::InvalidUtf8 {
                        file: self.file.clone(),
                        row: number,
                    }));
                }
            }
        }
        while cells.last().is_some_and(|c| c.text.trim().is_empty()) {
            cells.pop();
        }
        if let Some(i) = cells
            .iter()
            .position(|c| limits::too_long(&c.text, MAX_CELL_CHARS))
        {
            self.done = true;
            return Some(Err(self.too_big(Limit::CellChars, number, Some(i))));
        }
        if limits::too_long(all, MAX_ROW_CHARS) {
            self.done = true;
            return Some(Err(self.too_big(Limit::RowChars, number, None)));
        }
        Some(Ok(SheetRow {
            number,
            cells,
            hidden: false,
        }))
    }

    /// A cell of the record just read that a quote left open has run on
    /// over the rows after it: one holding more line breaks than a cell
    /// written on a few lines, or a line that looks like a row of the list
    /// (as many separators as a row has). Only a quoted cell can hold a line
    /// break, so a quote opened there and closed far below — or never. The
    /// cell's column (0-based) and the lines of the file it took.
    fn runaway_quote(&self) -> Option<(usize, usize)> {
        let row_like = ROW_LIKE_SEPARATORS.max(self.widest / 2);
        self.record.iter().enumerate().find_map(|(i, field)| {
            let breaks = memchr::memchr_iter(b'\n', field).count();
            let runaway = breaks > MAX_BREAKS_IN_CELL
                || (breaks > 0
                    && field
                        .split(|&b| b == b'\n')
                        .skip(1)
                        .any(|line| memchr::memchr_iter(self.delimiter, line).count() >= row_like));
            runaway.then_some((i, breaks + 1))
        })
    }

    fn too_big(&self, limit: Limit, row: usize, column: Option<usize>) -> SourceError {
        SourceError::TooBig {
            file: self.file.clone(),
            limit,
            row: Some(row),
            column,
        }
    }

    pub(super) fn next(&mut self) -> Option<Result<SheetRow, SourceError>> {
        if let Some(row) = self.ahead.pop_front() {
            return Some(row);
        }
        let mut row = self.read_raw()?;
        if let Ok(row) = &mut row {
            for cell in &mut row.cells {
                finish(cell, self.legacy);
            }
        }
        Some(row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_is_the_one_every_line_agrees_on() {
        let semi =
            "DANH SÁCH;;;\nSTT;Họ và tên;Địa chỉ;Số tiền\n1;An;Xóm 1, thôn Đông, xã X;2.789.000\n";
        assert_eq!(detect_delimiter(semi.as_bytes()), b';');
        let comma = "STT,Họ và tên,Số tiền\n1,\"Nguyễn Văn An; con\",\"2,789,000\"\n";
        assert_eq!(detect_delimiter(comma.as_bytes()), b',');
        let tab = "STT\tHọ và tên\tSố tiền\n1\tAn, B\t2789000\n";
        assert_eq!(detect_delimiter(tab.as_bytes()), b'\t');
    }

    #[test]
    fn sep_line_names_the_delimiter() {
        assert_eq!(sep_line(b"sep=;\r\nSTT;Ten"), Some((b';', 7)));
        assert_eq!(sep_line(b"sep=,\nSTT"), Some((b',', 6)));
        assert_eq!(sep_line(b"STT;Ten"), None);
    }

    #[test]
    fn cells_are_trimmed_and_composed() {
        let mut c = Cell::text("  Nguye\u{302}\u{303}n \u{a0}");
        finish(&mut c, Legacy::None);
        assert_eq!(c.text, "Nguyễn");
        let mut c = Cell::text(" NguyÔn ");
        finish(&mut c, Legacy::Tcvn3);
        assert_eq!(c.text, "Nguyễn");
        let mut c = Cell::text(" 12 ");
        finish(&mut c, Legacy::Tcvn3);
        assert_eq!(c.text, "12");
    }
}
