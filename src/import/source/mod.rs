//! Reading a list file into rows of text, whatever the file is: xlsx, xls,
//! CSV (",", ";" or tab, any of the encodings Vietnamese Windows writes) or
//! Excel's "Unicode text".
//!
//! [`open`] looks at the file's content, not its name, and returns a
//! [`Source`]: an iterator of [`SheetRow`]s numbered as Excel shows them, each
//! cell trimmed NFC text, legacy TCVN3/VNI text already converted. Every
//! format is streamed, so a file of a million rows is never held in memory,
//! and read under the [`limits`], so that no file can cost more than a
//! bounded amount of memory and time.
//!
//! This module does not know what the columns mean (that is
//! [`crate::import::table`]) and does not judge the values: control
//! characters, bad numbers and bad IDs are left for the validator, which can
//! name the row and the column.

mod blank_lines;
mod cells;
mod cfb;
pub mod legacy;
pub mod limits;
mod shown;
mod sniff;
mod syllable;
mod text;
mod transcode;
mod workbook;
mod xls;
mod xlsx;
mod xml;
mod zip;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use legacy::Legacy;
pub use limits::Limit;

/// One cell: its text as the user sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// Trimmed NFC text; empty for an empty cell.
    pub text: String,
    /// The cell was a number in the spreadsheet (not text that looks like one).
    /// Lets the validator notice, e.g., an ID number that lost its leading 0.
    pub numeric: bool,
    /// The cell holds a formula whose result the file does not keep (saved
    /// by a program that writes formulas without computing them): its
    /// text is empty, but not because the cell is. A reader that needs the
    /// value refuses it, naming the cell; to others it is an empty cell.
    pub unsaved_formula: bool,
    /// The number's format shows something other than the number (see
    /// `cells::NumFmt::Masked`): Excel shows one value, the file holds
    /// another. A reader that takes the value refuses it, naming the cell.
    pub masked: bool,
    /// A formula's saved value in a workbook that asks Excel to compute
    /// every formula again on opening (`fullCalcOnLoad`): Excel shows what
    /// the formula gives, which may not be this.
    pub recalculated: bool,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            numeric: false,
            unsaved_formula: false,
            masked: false,
            recalculated: false,
        }
    }

    /// A formula cell without its value (see [`Cell::unsaved_formula`]).
    pub fn unsaved_formula() -> Cell {
        Cell {
            text: String::new(),
            numeric: false,
            unsaved_formula: true,
            masked: false,
            recalculated: false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// One row of the sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetRow {
    /// The row number Excel shows (1-based).
    pub number: usize,
    /// Cells from column A; trailing empty cells may be missing.
    pub cells: Vec<Cell>,
    /// The sheet hides the row (hidden, or no height): whoever reads the
    /// list in Excel does not see it.
    pub hidden: bool,
}

impl SheetRow {
    /// The cell in column `index` (0 = A), if not empty.
    pub fn cell(&self, index: usize) -> Option<&Cell> {
        self.cells.get(index).filter(|c| !c.is_empty())
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
}

/// The column letters Excel shows for a 0-based column index: 0 → "A",
/// 25 → "Z", 26 → "AA".
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// What kind of file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    /// Delimited text; `delimiter` is ',', ';' or '\t'.
    Csv {
        delimiter: char,
    },
    /// Excel's "Unicode text": UTF-16 with tabs.
    UnicodeText,
}

/// How the text of the file was encoded, as shown in the import preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Text stored as Unicode inside an xlsx or xls workbook.
    Unicode,
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Windows-1258, "Vietnamese ANSI".
    Windows1258,
    /// TCVN3 (ABC) text, converted; in a workbook or a text file.
    Tcvn3,
    /// VNI-Windows text, converted; in a workbook or a text file.
    Vni,
}

/// Why a file could not be read. Data only; the wording is in
/// `crate::i18n::import_source`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// The file could not be opened or read.
    Io {
        file: PathBuf,
        row: Option<usize>,
        detail: String,
    },
    /// The file has no content at all.
    Empty {
        file: PathBuf,
    },
    /// Not a file on disk: a device, a pipe, a socket.
    NotAFile {
        file: PathBuf,
    },
    /// The file is neither a workbook nor text (a PDF, a picture, …).
    NotASpreadsheet {
        file: PathBuf,
    },
    /// The file looks like a workbook but cannot be read.
    BadWorkbook {
        file: PathBuf,
        format: Format,
        detail: String,
    },
    PasswordProtected {
        file: PathBuf,
    },
    /// The workbook has no worksheet.
    NoSheets {
        file: PathBuf,
    },
    /// Every worksheet is empty.
    EmptySheets {
        file: PathBuf,
        sheets: Vec<String>,
    },
    /// A quote (") opened in a cell of a text file (0-based `column` of
    /// `row`) closes only far below, or never: the cell took `lines` lines of
    /// the file, rows of the list among them, which would be lost.
    RunawayQuote {
        file: PathBuf,
        row: usize,
        column: usize,
        lines: usize,
    },
    /// A row of a UTF-8 text file holds bytes that are not UTF-8.
    InvalidUtf8 {
        file: PathBuf,
        row: usize,
    },
    /// The file goes past one of the limits of [`limits`]: where (row
    /// 1-based, column 0-based) when it is known.
    TooBig {
        file: PathBuf,
        limit: Limit,
        row: Option<usize>,
        column: Option<usize>,
    },
}

crate::localized_error!(SourceError);

/// The rows of a list file. Iterate it for `Result<SheetRow, SourceError>`;
/// after an error that stops reading, the iterator ends.
pub struct Source {
    file: PathBuf,
    format: Format,
    encoding: Encoding,
    sheet: Option<String>,
    /// The 0-based columns the sheet hides (workbooks only).
    hidden_columns: Vec<usize>,
    /// The other visible sheets that have data (workbooks only).
    other_sheets: Vec<String>,
    rows: Rows,
}

// One per file read: the size of the larger variant does not matter.
#[allow(clippy::large_enum_variant)]
enum Rows {
    Workbook(workbook::Rows),
    Text(text::Rows),
}

impl Source {
    pub fn path(&self) -> &Path {
        &self.file
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// The encoding the text was read in; `Tcvn3`/`Vni` whenever cells were
    /// converted from those.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The worksheet that was read (workbooks only).
    pub fn sheet_name(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    /// A text file's first rows as each of ';', ',' and tab found in its
    /// start splits them (no "sep=" line naming one): whether the file makes
    /// a list more ways than one. Empty for a workbook.
    pub fn delimiter_readings(&self) -> &[(char, Vec<SheetRow>)] {
        match &self.rows {
            Rows::Workbook(_) => &[],
            Rows::Text(rows) => rows.readings(),
        }
    }

    /// The 0-based columns Excel hides in the sheet read: hidden, or
    /// narrower than a character. Whoever reads the list in Excel does not
    /// see what they hold. Empty for a text file.
    pub fn hidden_columns(&self) -> &[usize] {
        &self.hidden_columns
    }

    /// The workbook's other visible sheets that have data, in its order:
    /// whoever opens the file sees them too, and may take one of them for
    /// the list. Empty for a text file.
    pub fn other_sheets(&self) -> &[String] {
        &self.other_sheets
    }
}

impl Iterator for Source {
    type Item = Result<SheetRow, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.rows {
            Rows::Workbook(rows) => rows.next(),
            Rows::Text(rows) => rows.next(),
        }
    }
}

/// How many bytes of the file are looked at to tell its kind and encoding.
const SNIFF_BYTES: usize = 256 * 1024;
/// Bytes of cell text read ahead, at most, to tell TCVN3/VNI from Unicode.
const DETECT_BYTES: usize = 1 << 20;

/// Opens `path` for reading when it is a file on disk, and only then. A
/// folder, a device (/dev/zero would be read without end) or a pipe (whose
/// opening waits for a writer that may never come) is refused before a
/// byte is read: looked at first, opened without waiting, and looked at
/// again through the handle in case the name was pointed elsewhere.
pub fn open_file(path: &Path) -> Result<File, SourceError> {
    let io_error = |e: std::io::Error| SourceError::Io {
        file: path.to_owned(),
        row: None,
        detail: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
    };
    let check = |meta: std::fs::Metadata| {
        if meta.is_dir() {
            return Err(io_error(std::io::Error::from(
                std::io::ErrorKind::IsADirectory,
            )));
        }
        if !meta.is_file() {
            return Err(SourceError::NotAFile {
                file: path.to_owned(),
            });
        }
        Ok(())
    };
    check(std::fs::metadata(path).map_err(io_error)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Reading a regular file does not heed it; opening a pipe does.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io_error)?;
    check(file.metadata().map_err(io_error)?)?;
    Ok(file)
}

/// Opens a list file and works out its format and encoding.
pub fn open(path: &Path) -> Result<Source, SourceError> {
    let io_error = |e: std::io::Error| SourceError::Io {
        file: path.to_owned(),
        row: None,
        detail: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
    };
    let mut file = open_file(path)?;
    let mut head = Vec::with_capacity(8 * 1024);
    file.by_ref()
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(io_error)?;
    if head.is_empty() {
        return Err(SourceError::Empty {
            file: path.to_owned(),
        });
    }
    match sniff::container(&head) {
        sniff::Container::Zip => workbook::open(path, Format::Xlsx),
        sniff::Container::Ole => workbook::open(path, Format::Xls),
        sniff::Container::Binary => Err(SourceError::NotASpreadsheet {
            file: path.to_owned(),
        }),
        sniff::Container::Text => text::open(path, head, file),
    }
}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn a_source_and_its_table_can_move_to_another_thread() {
        fn send<T: Send>() {}
        send::<super::Source>();
        send::<crate::import::table::Table<super::Source>>();
    }

    #[test]
    fn column_letters_are_excel_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(4), "E");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
