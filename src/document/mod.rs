//! A report as a document that knows no output format: a title block,
//! then sections, paragraphs, key–value facts, tables, an amount in words,
//! a seal line and signature blocks. Each report is built once into a
//! [`Document`] (the day report by [`day::build`]); each format has one
//! renderer written once for every document:
//!
//! - [`layout`]: lines of text in a number of columns, for the printer
//!   (`print::document`, 80 columns) and for the screen
//!   (`tui::widgets::doc`);
//! - `export::xlsx`: an Excel sheet for printing and filing;
//! - `export::csv`: one flat table for other programs.
//!
//! A document holds every word it shows, already in its language
//! ([`Document::lang`]), and every number as a typed value (whole đồng, a
//! count, a date): renderers choose how a value looks, never what it is.
//! It serialises to a stable form (`serde`), so a sealed day's report can be
//! stored and drawn again later exactly as it was. Text from the database
//! is kept as given; every renderer passes it through
//! [`crate::text::for_display`].
//!
//! Not here: computing a report (that is `domain::report`), or anything of
//! the terminal, of Excel or of CSV.

pub mod audit;
pub mod bank;
pub mod day;
pub mod home;
pub mod layout;
pub mod lists;
pub mod period;
pub mod signing;

use serde::{Deserialize, Serialize};

use crate::domain::Money;
use crate::i18n::Lang;

/// A report, ready for any renderer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// What report this is, as a machine name ("bao_cao_ngay").
    pub kind: String,
    /// The language of its words.
    pub lang: Lang,
    /// A short name: the sheet's name, the file's title.
    pub name: String,
    pub head: Head,
    pub blocks: Vec<Block>,
}

/// The top of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Who issues it, top to bottom (left side of an official heading).
    pub issuer: Vec<String>,
    /// The national heading (right side), e.g. "CỘNG HÒA …", the motto.
    pub national: Vec<String>,
    /// Place and date, written out ("Xã …, ngày 10 tháng 11 năm 2026").
    pub place_date: String,
    pub title: String,
    /// The day the report is about, "YYYY-MM-DD".
    pub date: String,
    /// Lines under the title: status, who it is for.
    pub lines: Vec<Paragraph>,
}

/// One part of the body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A numbered section title ("I. TỔNG HỢP …").
    Section {
        title: String,
    },
    Paragraph(Paragraph),
    Facts(Facts),
    Table(Table),
    Amount(Amount),
    Seal(Seal),
    Signatures(Signatures),
}

/// How a line of text should stand out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    #[default]
    Plain,
    /// Bold.
    Strong,
    /// Something that must not be missed (red and bold where possible).
    Warn,
    /// A side remark (italic where possible).
    Muted,
}

/// A paragraph of text, wrapped by the renderer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub text: String,
    #[serde(default)]
    pub tone: Tone,
    /// An item of a list (drawn with a bullet).
    #[serde(default)]
    pub bullet: bool,
    /// A machine name when the paragraph is data (a row of the CSV).
    #[serde(default)]
    pub key: Option<String>,
}

impl Paragraph {
    pub fn new(text: impl Into<String>) -> Paragraph {
        Paragraph {
            text: text.into(),
            tone: Tone::Plain,
            bullet: false,
            key: None,
        }
    }

    pub fn tone(mut self, tone: Tone) -> Paragraph {
        self.tone = tone;
        self
    }

    pub fn bullet(mut self) -> Paragraph {
        self.bullet = true;
        self
    }

    pub fn key(mut self, key: &str) -> Paragraph {
        self.key = Some(key.to_string());
        self
    }
}

/// Labelled values, one a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub key: String,
    #[serde(default)]
    pub title: Option<String>,
    pub items: Vec<Fact>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub key: String,
    pub label: String,
    pub value: Cell,
    #[serde(default)]
    pub tone: Tone,
}

impl Fact {
    pub fn new(key: &str, label: impl Into<String>, value: Cell) -> Fact {
        Fact {
            key: key.to_string(),
            label: label.into(),
            value,
            tone: Tone::Plain,
        }
    }

    pub fn tone(mut self, tone: Tone) -> Fact {
        self.tone = tone;
        self
    }
}

/// A value in a table or a fact. Renderers decide how it looks: money as
/// "2.789.000 đ" on paper and as a number in Excel, a date as dd/mm/yyyy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    Empty,
    Text(String),
    /// Text with a short form for narrow pages ("Tiền mặt tại quầy",
    /// "TM quầy"); a page that uses the short form explains it below the
    /// table.
    Short {
        text: String,
        short: String,
    },
    /// How many (grouped by thousands when shown).
    Count(i64),
    /// A number that is a name, not a quantity (a year, a receipt number).
    Number(i64),
    Money(Money),
    /// "YYYY-MM-DD".
    Date(String),
    /// A stored time ("2026-11-10T07:15:00+07:00"), shown as its hour.
    Time(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// A number a spreadsheet can add up, if the cell holds one.
    pub fn number(&self) -> Option<i64> {
        match self {
            Cell::Count(n) | Cell::Number(n) => Some(*n),
            Cell::Money(m) => Some(m.dong()),
            _ => None,
        }
    }
}

/// What a column holds, for its alignment and its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Words that may wrap: names, reasons, labels.
    Text,
    /// Text that is never broken: a receipt number, an office code.
    Code,
    Count,
    Number,
    Money,
    Date,
    Time,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Right,
    Center,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// A machine name, the same for the same meaning in every table
    /// ("so_tien" is an amount wherever it appears): the CSV's header.
    pub key: String,
    pub label: String,
    pub kind: Kind,
    pub align: Align,
    /// Room left to write in by hand (a signature), in characters: such a
    /// column is drawn even when every value is empty, at least this wide,
    /// and its rows are tall enough to write in where the page allows.
    #[serde(default)]
    pub room: usize,
}

impl Column {
    pub fn new(key: &str, label: impl Into<String>, kind: Kind) -> Column {
        let align = match kind {
            Kind::Text | Kind::Code => Align::Left,
            Kind::Date | Kind::Time => Align::Center,
            Kind::Count | Kind::Number | Kind::Money => Align::Right,
        };
        Column {
            key: key.to_string(),
            label: label.into(),
            kind,
            align,
            room: 0,
        }
    }

    /// A column left blank to write in by hand, `chars` wide at least.
    pub fn write_in(key: &str, label: impl Into<String>, chars: usize) -> Column {
        Column::new(key, label, Kind::Text).room(chars)
    }

    /// Room for `chars` characters written by hand where a value is
    /// missing (a day filled in at the counter).
    pub fn room(mut self, chars: usize) -> Column {
        self.room = chars;
        self
    }
}

/// What a row is in its table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Data,
    /// The total of the group above it.
    Subtotal,
    /// The total of the table.
    Total,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// A machine name for the row, when it is one of a fixed set.
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub role: Role,
    /// One per column.
    pub cells: Vec<Cell>,
    /// Cancelled (a voided payment): struck through where possible.
    #[serde(default)]
    pub struck: bool,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            key: None,
            role: Role::Data,
            cells,
            struck: false,
        }
    }

    pub fn key(mut self, key: &str) -> Row {
        self.key = Some(key.to_string());
        self
    }

    pub fn role(mut self, role: Role) -> Row {
        self.role = role;
        self
    }

    pub fn struck(mut self, struck: bool) -> Row {
        self.struck = struck;
        self
    }
}

/// A table of typed values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// A machine name: the CSV's `loai` for its rows.
    pub key: String,
    #[serde(default)]
    pub title: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// The heading of a numbering column the renderers add (counting data
    /// rows), if the rows are numbered.
    #[serde(default)]
    pub numbered: Option<String>,
    /// Columns whose values group the rows: shown once above each group
    /// instead of in every row (the CSV keeps them in every row).
    #[serde(default)]
    pub group_by: Vec<usize>,
    /// The column that takes the room the others leave (a name, a reason);
    /// by default the first text column shown.
    #[serde(default)]
    pub flex: Option<usize>,
    /// What to say when there are no rows.
    pub empty: String,
}

impl Table {
    pub fn new(key: &str, columns: Vec<Column>, empty: impl Into<String>) -> Table {
        Table {
            key: key.to_string(),
            title: None,
            columns,
            rows: Vec::new(),
            numbered: None,
            group_by: Vec::new(),
            flex: None,
            empty: empty.into(),
        }
    }

    pub fn title(mut self, title: impl Into<String>) -> Table {
        self.title = Some(title.into());
        self
    }

    pub fn numbered(mut self, label: impl Into<String>) -> Table {
        self.numbered = Some(label.into());
        self
    }

    pub fn group_by(mut self, columns: &[usize]) -> Table {
        self.group_by = columns.to_vec();
        self
    }

    pub fn flex(mut self, column: usize) -> Table {
        self.flex = Some(column);
        self
    }

    pub fn push(&mut self, row: Row) {
        self.rows.push(row);
    }

    /// The columns drawn in the body of the table, in order: not the
    /// grouping ones, and not one that is empty in every row.
    pub fn shown_columns(&self) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|i| !self.group_by.contains(i))
            .filter(|&i| {
                self.columns[i].room > 0
                    || self
                        .rows
                        .iter()
                        .any(|r| r.cells.get(i).is_some_and(|c| !c.is_empty()))
            })
            .collect()
    }

    /// Whether the table has a column to write in by hand.
    pub fn has_write_in(&self) -> bool {
        self.columns.iter().any(|c| c.room > 0)
    }

    /// The shown column that takes spare room, if any.
    pub fn flex_column(&self, shown: &[usize]) -> Option<usize> {
        match self.flex {
            Some(f) if shown.contains(&f) => Some(f),
            _ => shown
                .iter()
                .copied()
                .find(|&i| self.columns[i].kind == Kind::Text),
        }
    }

    /// The cell of `row` in column `col` (empty past the row's end).
    pub fn cell<'a>(&self, row: &'a Row, col: usize) -> &'a Cell {
        static EMPTY: Cell = Cell::Empty;
        row.cells.get(col).unwrap_or(&EMPTY)
    }
}

/// A total in figures and in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub key: String,
    pub label: String,
    pub amount: Money,
    /// "Bằng chữ:".
    pub words_label: String,
    /// The amount in words ("Bảy triệu … đồng").
    pub words: String,
}

/// A code to check and sign: the audit seal, a day's seal code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    pub key: String,
    /// What the code is ("Niêm phong nhật ký kiểm toán: dòng #1234"), on
    /// a line above the code; empty when `code_label` says it all.
    pub label: String,
    /// The audit row it seals, if any.
    #[serde(default)]
    pub number: Option<i64>,
    /// "Mã băm:".
    pub code_label: String,
    pub code: String,
}

impl Seal {
    /// The last closed day's seal code (`(day, code)`), written into a
    /// file sent to the payer so it can be held against the signed report.
    pub fn last_day(lang: Lang, last: Option<&(String, String)>) -> Seal {
        use crate::i18n::report::{last_day_seal, no_day_sealed};
        Seal {
            key: "ma_niem_phong_gan_nhat".to_string(),
            label: String::new(),
            number: None,
            code_label: last_day_seal(lang, last.map(|(d, _)| d.as_str())),
            code: last.map_or_else(|| no_day_sealed(lang).to_string(), |(_, c)| c.clone()),
        }
    }

    /// A code longer than this in one piece (a hash) is written in groups
    /// of four characters, to read aloud and compare; a short code, or
    /// words in its place, as it is.
    pub const SHORT: usize = 20;

    /// Whether the code is written in groups of four.
    pub fn grouped(&self) -> bool {
        self.code.chars().count() > Seal::SHORT && !self.code.contains(char::is_whitespace)
    }
}

/// Places to sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatures {
    /// Place and date above the signatures.
    #[serde(default)]
    pub date_line: Option<String>,
    pub signers: Vec<Signer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    /// "Người lập biểu".
    pub role: String,
    /// "(Ký, ghi rõ họ tên)".
    pub hint: String,
    /// Printed under the space to sign, when known.
    #[serde(default)]
    pub name: Option<String>,
}

impl Document {
    /// The document's tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }

    /// The table with machine name `key`.
    pub fn table(&self, key: &str) -> Option<&Table> {
        self.tables().find(|t| t.key == key)
    }

    /// The document as its stored JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a document always serialises")
    }

    /// A document from its stored JSON text.
    pub fn from_json(text: &str) -> Result<Document, serde_json::Error> {
        serde_json::from_str(text)
    }
}
