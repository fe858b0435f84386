//! What the plan's lists add to the one xlsx renderer: the cashless
//! share's chart. The sheet of the report itself is the document's
//! ([`super::xlsx::xlsx_bytes`]); a second sheet holds the share of each
//! hamlet beside the target and a column chart of them.

use crate::i18n::Lang;

use rust_xlsxwriter::{Chart, ChartType, Workbook, XlsxError};

use crate::document::Document;
use crate::i18n::register::list_words;
use crate::service::lists::CashlessReport;
use crate::text::for_display;

/// The cashless report's document with its chart, as xlsx bytes.
pub fn cashless_xlsx_bytes(doc: &Document, report: &CashlessReport) -> Result<Vec<u8>, XlsxError> {
    super::xlsx::xlsx_bytes_with(doc, |book| chart_sheet(doc.lang, book, report))
}

fn chart_sheet(lang: Lang, book: &mut Workbook, r: &CashlessReport) -> Result<(), XlsxError> {
    let w = list_words(lang);
    let ws = book.add_worksheet();
    let name = "Bieu do";
    ws.set_name(name)?;
    ws.write_string(0, 0, w.col_hamlet)?;
    ws.write_string(0, 1, w.col_share)?;
    ws.write_string(0, 2, w.target)?;
    ws.set_column_width(0, 24)?;
    let mut row = 1u32;
    let rows = r
        .hamlets
        .iter()
        .map(|s| {
            let label = if s.hamlet.is_empty() {
                w.no_hamlet.to_string()
            } else {
                for_display(&s.hamlet).into_owned()
            };
            (label, s)
        })
        .chain(std::iter::once((w.whole_commune.to_string(), &r.total)));
    for (label, s) in rows {
        ws.write_string(row, 0, &label)?;
        ws.write_number(row, 1, s.permille() as f64 / 10.0)?;
        ws.write_number(row, 2, f64::from(r.target_percent))?;
        row += 1;
    }
    let last = row - 1;
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_categories((name, 1, 0, last, 0))
        .set_values((name, 1, 1, last, 1))
        .set_name((name, 0, 1));
    chart
        .add_series()
        .set_categories((name, 1, 0, last, 0))
        .set_values((name, 1, 2, last, 2))
        .set_name((name, 0, 2));
    chart.title().set_name(w.cashless_title);
    chart.y_axis().set_min(0).set_max(100);
    ws.insert_chart(1, 4, &chart)?;
    Ok(())
}
