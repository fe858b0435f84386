//! Any [`Document`] as an official-looking Excel sheet, written with
//! rust_xlsxwriter, to print, sign and file without adjusting anything.
//!
//! Made in memory ([`xlsx_bytes`]); written to a file only through
//! [`crate::files::out`], like every file a person asks for.
//!
//! One sheet named after the document. Its columns are shared by every
//! table: as many as the widest table has, each as wide as the values put
//! in it need; a narrower table's flex column (a name, a reason) spans the
//! columns it does not use. The page is A4, portrait when the columns fit
//! its width and landscape when they do not, fitted to one page wide,
//! centred, with page numbers in the footer and the heading row of the
//! longest table repeated on every printed page.
//!
//! From the top: the two-sided official heading (the issuer on the left,
//! the national heading with the place and date on the right), the title
//! and the lines under it, then the blocks in order — section titles,
//! paragraphs (warnings in red), facts, bordered tables (group headings,
//! subtotal and total rows in bold, cancelled rows struck through), the
//! total in figures and in words, the seal's code, and the signature
//! blocks with room to sign.
//!
//! Amounts are numbers in whole đồng with the format `#,##0" đ"`; counts
//! are numbers; dates are dates shown `dd/mm/yyyy`. Every text goes
//! through `for_display`. The workbook's creation date is the document's
//! day, so the same document always gives the same bytes.

mod formats;
mod grid;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use crate::document::Document;
use crate::i18n::report::page_footer;
use crate::text::for_display;

/// The sheet's name for `doc` (Excel allows 31 characters and no
/// `[]:*?/\`).
pub fn sheet_name(doc: &Document) -> String {
    let name: String = for_display(&doc.name)
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if name.trim().is_empty() {
        "Sheet1".to_string()
    } else {
        name
    }
}

/// `doc` as the bytes of an xlsx workbook, made in memory: a file is
/// written from them only through [`crate::files::out`].
pub fn xlsx_bytes(doc: &Document) -> Result<Vec<u8>, XlsxError> {
    xlsx_bytes_with(doc, |_| Ok(()))
}

/// [`xlsx_bytes`], with `more` adding sheets (a chart) after the
/// document's own.
pub fn xlsx_bytes_with(
    doc: &Document,
    more: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>,
) -> Result<Vec<u8>, XlsxError> {
    let day = NaiveDate::parse_from_str(&doc.head.date, "%Y-%m-%d")
        .map_err(|_| XlsxError::ParameterError(for_display(&doc.head.date).into_owned()))?;
    let created = u16::try_from(day.year())
        .map_err(|_| XlsxError::ParameterError(doc.head.date.clone()))
        .and_then(|y| ExcelDateTime::from_ymd(y, day.month() as u8, day.day() as u8))?;
    let mut book = Workbook::new();
    let author = doc.head.issuer.get(1).or(doc.head.issuer.first());
    let mut props = DocProperties::new()
        .set_title(for_display(&doc.head.title).as_ref())
        .set_creation_datetime(&created);
    if let Some(a) = author {
        props = props
            .set_author(for_display(a).as_ref())
            .set_company(for_display(a).as_ref());
    }
    book.set_properties(&props);
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(doc))?;
    let plan = grid::Plan::new(doc);
    for (col, w) in plan.widths.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    if plan.landscape() {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_paper_size(9)
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_footer(page_footer(doc.lang));
    let mut sheet = grid::Sheet::new(ws, &plan);
    sheet.document(doc)?;
    more(&mut book)?;
    book.save_to_buffer()
}
