//! How much one list file may hold. A file from outside is read under these
//! limits as it streams, so that no file — however it was made — can take
//! more than a bounded amount of memory or time, and the one that goes past
//! a limit is refused with the row, the column and the limit named.
//!
//! The limits are far above any real list (a commune's list has a few
//! thousand rows of twenty columns) and most are the limits of Excel itself,
//! so a file that passes one was not saved by Excel as it is.
//! The length of each kind of value (a name, an ID number, an amount) is
//! judged later, by the validator: see [`crate::import::Field::max_chars`].

/// Rows of a sheet: Excel's own last row.
pub const MAX_ROWS: usize = 1_048_576;
/// Columns that may hold a value: column IV, the last of Excel 97–2003.
/// A list has about twenty.
pub const MAX_COLUMNS: usize = 256;
/// Characters of one cell: Excel's own limit.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Characters of one row, all its cells together.
pub const MAX_ROW_CHARS: usize = 65_536;

/// Bytes of a worksheet's XML once unpacked (a million rows of a list take
/// about half of it).
pub const MAX_SHEET_BYTES: u64 = 1 << 30;
/// Bytes of all the worksheets read from one workbook, once unpacked: the
/// same as one sheet, so that a workbook listing many sheets (or the same
/// sheet part many times) costs no more than its largest sheet could.
pub const MAX_BOOK_SHEET_BYTES: u64 = MAX_SHEET_BYTES;
/// Worksheets a workbook may list. A list has one, sometimes a few more
/// (a summary, last month's list).
pub const MAX_SHEETS: usize = 256;
/// Bytes of the shared-text part (`sharedStrings.xml`) once unpacked.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 512 << 20;
/// Bytes of any other part of a workbook once unpacked (the list of sheets,
/// the styles, the links between parts).
pub const MAX_PART_BYTES: u64 = 64 << 20;
/// Distinct texts a workbook may share between its cells.
pub const MAX_SHARED_STRINGS: usize = 4_000_000;
/// Bytes of all the shared texts together, as UTF-8.
pub const MAX_SHARED_TEXT_BYTES: usize = 64 << 20;
/// Parts (files) inside an xlsx.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// Bytes of one tag or one run of text in a workbook's XML.
pub const MAX_XML_ITEM: usize = 256 << 10;
/// Elements nested in one another in a workbook's XML (a sheet needs 6).
pub const MAX_XML_DEPTH: usize = 64;
/// Merged ranges a sheet may have. A list merges its title, its header's
/// groups and a heading or two per hamlet: a few hundred.
pub const MAX_MERGED_RANGES: usize = 100_000;
/// Bytes of an xls file's (OLE) directory.
pub const MAX_OLE_DIRECTORY_BYTES: u64 = 4 << 20;

/// Which limit a file went past. Data only; the wording is in
/// `crate::i18n::import_limits`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    /// More than [`MAX_ROWS`] rows.
    Rows,
    /// A value beyond column [`MAX_COLUMNS`].
    Columns,
    /// A cell longer than [`MAX_CELL_CHARS`] characters.
    CellChars,
    /// A row longer than [`MAX_ROW_CHARS`] characters.
    RowChars,
    /// A part of the workbook unpacks (or says it unpacks) to more than
    /// `max` bytes.
    Unpacked { part: String, max: u64 },
    /// The worksheets read from one workbook unpack to more than
    /// [`MAX_BOOK_SHEET_BYTES`] together.
    SheetsUnpacked,
    /// A workbook listing more than [`MAX_SHEETS`] worksheets.
    Sheets,
    /// More than [`MAX_SHARED_STRINGS`] shared texts.
    SharedStrings,
    /// Shared texts longer than [`MAX_SHARED_TEXT_BYTES`] in all.
    SharedText,
    /// More than [`MAX_ZIP_ENTRIES`] parts in the xlsx.
    ZipEntries,
    /// A tag or a run of text longer than [`MAX_XML_ITEM`] bytes.
    XmlItem { part: String },
    /// Elements nested deeper than [`MAX_XML_DEPTH`].
    XmlDepth { part: String },
    /// An xls directory larger than [`MAX_OLE_DIRECTORY_BYTES`].
    OleDirectory,
    /// More than [`MAX_MERGED_RANGES`] merged ranges in the sheet.
    MergedRanges,
}

impl Limit {
    /// The number the limit allows (rows, columns, characters or bytes).
    pub fn max(&self) -> u64 {
        match self {
            Limit::Rows => MAX_ROWS as u64,
            Limit::Columns => MAX_COLUMNS as u64,
            Limit::CellChars => MAX_CELL_CHARS as u64,
            Limit::RowChars => MAX_ROW_CHARS as u64,
            Limit::Unpacked { max, .. } => *max,
            Limit::SheetsUnpacked => MAX_BOOK_SHEET_BYTES,
            Limit::Sheets => MAX_SHEETS as u64,
            Limit::SharedStrings => MAX_SHARED_STRINGS as u64,
            Limit::SharedText => MAX_SHARED_TEXT_BYTES as u64,
            Limit::ZipEntries => MAX_ZIP_ENTRIES as u64,
            Limit::XmlItem { .. } => MAX_XML_ITEM as u64,
            Limit::XmlDepth { .. } => MAX_XML_DEPTH as u64,
            Limit::OleDirectory => MAX_OLE_DIRECTORY_BYTES,
            Limit::MergedRanges => MAX_MERGED_RANGES as u64,
        }
    }
}

/// A limit passed while reading, with the place when it is known; the
/// reader that sees it turns it into a [`super::SourceError::TooBig`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Exceeded {
    pub(super) limit: Limit,
    /// 1-based row number, when known.
    pub(super) row: Option<usize>,
    /// 0-based column index, when known.
    pub(super) column: Option<usize>,
}

impl Exceeded {
    pub(super) fn new(limit: Limit) -> Exceeded {
        Exceeded {
            limit,
            row: None,
            column: None,
        }
    }

    pub(super) fn at(limit: Limit, row: usize, column: Option<usize>) -> Exceeded {
        Exceeded {
            limit,
            row: Some(row),
            column,
        }
    }

    /// As an I/O error, to pass through readers that only speak
    /// `std::io`; [`Exceeded::from_io`] gets it back.
    pub(super) fn into_io(self) -> std::io::Error {
        std::io::Error::other(self)
    }

    pub(super) fn from_io(e: &std::io::Error) -> Option<Exceeded> {
        e.get_ref()?.downcast_ref::<Exceeded>().cloned()
    }
}

impl std::fmt::Display for Exceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} (max {})", self.limit, self.limit.max())
    }
}

impl std::error::Error for Exceeded {}

/// Characters of a cell's text, counted only when its bytes could be too
/// many.
pub(super) fn too_long(text: &str, max_chars: usize) -> bool {
    text.len() > max_chars && text.chars().count() > max_chars
}
