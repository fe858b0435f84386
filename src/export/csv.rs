//! Any [`Document`] as one flat CSV table, for other programs and for
//! Excel.
//!
//! Encoding: UTF-8 with a byte-order mark, ";" between fields, CRLF line
//! ends — what Excel on a Vietnamese Windows opens without asking. One
//! header row of fixed ASCII names, then every row has the same columns:
//!
//! | column | holds |
//! |---|---|
//! | `loai` | what the row is: a table's machine name (`chi`, `huy`, `quy` …), a list of facts (`tien_mat`), `bao_cao` for the report itself, `niem_phong` for the seal |
//! | `muc` | which row of a fixed set (`chi`, `huy`, `thuc_chi` …); `cong` for a group's subtotal, `tong` for a table's total; a fact's name |
//! | `stt` | the row's number in a numbered table |
//! | one column per column name of the document's tables, in the order they first appear | the row's value in that column, empty when the row's table has no such column |
//! | `so_mon`, `so_tien` | also the value of a fact that is a count or an amount (and the audit row number of a seal in `so_mon`) |
//! | `noi_dung` | text: the title, the day, a status, a warning, a fact in words, the amount in words, the seal's code |
//!
//! A column name means the same in every table: `so_tien` is always an
//! amount, `giao_dich_vien` always a clerk. Values: amounts in whole đồng,
//! digits only, "-" when negative; counts and numbers in digits; dates
//! `YYYY-MM-DD`; times as stored (RFC 3339); methods, statuses and marks in
//! Vietnamese words as the report shows them (`Tiền mặt tại quầy`,
//! `ĐÃ HỦY`), whatever the interface language of the codes. A grouped
//! table repeats its group's values (the clerk) in every row.
//!
//! For the day report, the `chi` and `huy` tables hold every payment and
//! every void of the day; `tong` gives payments, voids and the net;
//! `hinh_thuc` and `dien` the net per method and per category, each adding
//! up to the net (their `tong` row); `quy` one row per drawer in which
//! `tien_dau_ngay + nhan_them − nop_lai − chi_tien_mat + hoan_huy =
//! phai_co` (a drawer not counted yet says `chưa kiểm đếm` instead of its
//! expected cash).
//!
//! Text goes through `for_display` (no control characters); a text field
//! that would start with "=", "+", "-" or "@" is prefixed with "'" so that
//! Excel never reads it as a formula.

use std::io::{self, Write};

use crate::document::{Block, Cell, Document, Role, Table};
use crate::text::for_display;

/// The columns every CSV starts with.
const FIRST: [&str; 3] = ["loai", "muc", "stt"];
/// The columns that hold a fact's value, and text.
const VALUE: [&str; 2] = ["so_mon", "so_tien"];
const TEXT: &str = "noi_dung";

/// The header row of `doc`'s CSV.
pub fn columns(doc: &Document) -> Vec<String> {
    let mut cols: Vec<String> = FIRST.iter().map(|c| c.to_string()).collect();
    let mut add = |k: &str| {
        if !cols.iter().any(|c| c == k) {
            cols.push(k.to_string());
        }
    };
    for t in doc.tables() {
        for c in &t.columns {
            add(&c.key);
        }
    }
    for k in VALUE {
        add(k);
    }
    add(TEXT);
    cols
}

/// A text field, harmless on a terminal and in Excel.
fn text(v: &str) -> String {
    let shown = for_display(v);
    if shown.starts_with(['=', '+', '-', '@']) {
        format!("'{shown}")
    } else {
        shown.into_owned()
    }
}

/// A cell as a CSV field.
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) | Cell::Date(s) | Cell::Time(s) => text(s),
        Cell::Short { text: full, .. } => text(full),
        Cell::Count(n) | Cell::Number(n) => n.to_string(),
        Cell::Money(m) => m.dong().to_string(),
    }
}

/// One row being filled.
struct Record<'c> {
    cols: &'c [String],
    fields: Vec<String>,
}

impl<'c> Record<'c> {
    fn new(cols: &'c [String], loai: &str, muc: &str) -> Record<'c> {
        let mut r = Record {
            cols,
            fields: vec![String::new(); cols.len()],
        };
        r.set("loai", text(loai));
        r.set("muc", text(muc));
        r
    }

    fn set(&mut self, col: &str, value: String) {
        if let Some(i) = self.cols.iter().position(|c| c == col) {
            self.fields[i] = value;
        }
    }

    /// A fact's value in the column for its kind.
    fn value(mut self, cell: &Cell) -> Self {
        let col = match cell {
            Cell::Count(_) | Cell::Number(_) => "so_mon",
            Cell::Money(_) => "so_tien",
            _ => TEXT,
        };
        self.set(col, field(cell));
        self
    }

    fn with(mut self, col: &str, value: String) -> Self {
        self.set(col, value);
        self
    }
}

fn table_rows<'c>(cols: &'c [String], t: &Table, out: &mut Vec<Record<'c>>) {
    let mut n = 0;
    for row in &t.rows {
        let muc = match (&row.key, row.role) {
            (Some(k), _) => k.as_str(),
            (None, Role::Data) => "",
            (None, Role::Subtotal) => "cong",
            (None, Role::Total) => "tong",
        };
        let mut r = Record::new(cols, &t.key, muc);
        if t.numbered.is_some() && row.role == Role::Data {
            n += 1;
            r.set("stt", n.to_string());
        }
        for (i, c) in t.columns.iter().enumerate() {
            r.set(&c.key, field(t.cell(row, i)));
        }
        out.push(r);
    }
}

/// The rows of `doc`'s CSV, in the document's order.
pub fn rows(doc: &Document) -> (Vec<String>, Vec<Vec<String>>) {
    let cols = columns(doc);
    let mut out: Vec<Record> = Vec::new();
    let h = &doc.head;
    out.push(Record::new(&cols, "bao_cao", "tieu_de").with(TEXT, text(&h.title)));
    out.push(Record::new(&cols, "bao_cao", "ngay").with(TEXT, text(&h.date)));
    out.push(Record::new(&cols, "bao_cao", "don_vi").with(TEXT, text(&h.issuer.join(" · "))));
    for p in &h.lines {
        let muc = p.key.as_deref().unwrap_or("ghi_chu");
        out.push(Record::new(&cols, "bao_cao", muc).with(TEXT, text(&p.text)));
    }
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => {
                if let Some(k) = &p.key {
                    out.push(Record::new(&cols, k, "").with(TEXT, text(&p.text)));
                }
            }
            Block::Facts(f) => {
                for fact in &f.items {
                    out.push(Record::new(&cols, &f.key, &fact.key).value(&fact.value));
                }
            }
            Block::Table(t) => table_rows(&cols, t, &mut out),
            Block::Amount(a) => out.push(
                Record::new(&cols, &a.key, "")
                    .with("so_tien", a.amount.dong().to_string())
                    .with(TEXT, text(&a.words)),
            ),
            Block::Seal(s) => out.push(
                Record::new(&cols, "niem_phong", &s.key)
                    .with(
                        "so_mon",
                        s.number.map(|n| n.to_string()).unwrap_or_default(),
                    )
                    .with(TEXT, text(&s.code)),
            ),
            Block::Section { .. } | Block::Signatures(_) => {}
        }
    }
    let rows = out.into_iter().map(|r| r.fields).collect();
    (cols, rows)
}

/// Writes `doc` as the CSV described above to `out`.
pub fn write_csv(doc: &Document, mut out: impl Write) -> io::Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let (cols, rows) = rows(doc);
    w.write_record(&cols)?;
    for row in rows {
        w.write_record(&row)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_excel_would_run_as_a_formula_is_quoted() {
        assert_eq!(text("=1+1"), "'=1+1");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("+84 912"), "'+84 912");
        assert_eq!(text("-2+3"), "'-2+3");
        assert_eq!(text("Nguyễn Văn An"), "Nguyễn Văn An");
        // A tab or line break in front is defused first, so it cannot hide one.
        assert_eq!(text("\t=1+1"), "\u{FFFD}=1+1");
    }

    #[test]
    fn negative_amounts_are_numbers_not_formulas() {
        assert_eq!(
            field(&Cell::Money(crate::domain::Money::from_dong(-11_000))),
            "-11000"
        );
    }
}
