//! Writing into the sheet: text over merged columns, numbers, rows tall
//! enough for their text, section titles, table headings and the rows of
//! the label / count / amount tables most sections use.

use rust_xlsxwriter::{Format, XlsxError};

use super::{AMOUNT_COL, COUNT_COL, LAST_COL, LINE_HEIGHT, Sheet, WIDTHS, dong};
use crate::domain::Money;
use crate::domain::report::Tally;
use crate::i18n::tr as t;

impl Sheet<'_> {
    /// `text` over columns `first..=last` of `row` (merged when more than one).
    pub(super) fn put(
        &mut self,
        row: u32,
        first: u16,
        last: u16,
        text: &str,
        f: &Format,
    ) -> Result<(), XlsxError> {
        if first == last {
            self.ws.write_string_with_format(row, first, text, f)?;
        } else {
            self.ws.merge_range(row, first, row, last, text, f)?;
        }
        Ok(())
    }

    pub(super) fn num(
        &mut self,
        row: u32,
        col: u16,
        value: f64,
        f: &Format,
    ) -> Result<(), XlsxError> {
        self.ws.write_number_with_format(row, col, value, f)?;
        Ok(())
    }

    /// Makes `row` tall enough for `text` wrapped in columns `first..=last`.
    pub(super) fn fit_height(
        &mut self,
        row: u32,
        first: u16,
        last: u16,
        text: &str,
    ) -> Result<(), XlsxError> {
        let cols: f64 = WIDTHS[first as usize..=last as usize].iter().sum();
        let chars = text.chars().count() as f64;
        let lines = (chars / (cols * 1.1).max(1.0)).ceil().max(1.0);
        if lines > 1.0 {
            self.ws.set_row_height(row, LINE_HEIGHT * lines)?;
        }
        Ok(())
    }

    /// A line of text across the sheet, then the next row.
    pub(super) fn line(&mut self, text: &str, f: &Format) -> Result<(), XlsxError> {
        self.put(self.row, 0, LAST_COL, text, f)?;
        self.fit_height(self.row, 0, LAST_COL, text)?;
        self.row += 1;
        Ok(())
    }

    pub(super) fn section(&mut self, title: &str) -> Result<(), XlsxError> {
        self.row += 1;
        let f = &self.f.section;
        self.line(title, f)
    }

    /// A table's heading row from (first column, last column, text).
    pub(super) fn head(&mut self, cells: &[(u16, u16, &str)]) -> Result<u32, XlsxError> {
        let f = &self.f.th;
        for (a, b, text) in cells {
            self.put(self.row, *a, *b, text, f)?;
        }
        self.row += 1;
        Ok(self.row - 1)
    }

    /// The heading of a label / count / amount table.
    pub(super) fn tally_head(&mut self, label: &str, count: &str) -> Result<(), XlsxError> {
        self.head(&[
            (0, 0, t("STT", "No.")),
            (1, 3, label),
            (COUNT_COL, COUNT_COL, count),
            (AMOUNT_COL, AMOUNT_COL, t("Số tiền (đồng)", "Amount (đồng)")),
        ])?;
        Ok(())
    }

    /// A row of a label / count / amount table; `no` is its number, if any.
    pub(super) fn tally_row(
        &mut self,
        no: Option<usize>,
        label: &str,
        count: Option<i64>,
        amount: Option<Money>,
        bold: bool,
    ) -> Result<(), XlsxError> {
        let f = self.f;
        let (td, cf, mf) = if bold {
            (&f.td_bold, &f.count_bold, &f.money_bold)
        } else {
            (&f.td_wrap, &f.count, &f.money)
        };
        let r = self.row;
        match no {
            Some(n) => self.num(r, 0, n as f64, &f.count)?,
            None => self.ws.write_blank(r, 0, &f.td).map(|_| ())?,
        }
        self.put(r, 1, 3, label, td)?;
        self.fit_height(r, 1, 3, label)?;
        match count {
            Some(c) => self.num(r, COUNT_COL, c as f64, cf)?,
            None => self.ws.write_blank(r, COUNT_COL, cf).map(|_| ())?,
        }
        match amount {
            Some(m) => self.num(r, AMOUNT_COL, dong(m), mf)?,
            None => self.ws.write_blank(r, AMOUNT_COL, mf).map(|_| ())?,
        }
        self.row += 1;
        Ok(())
    }

    pub(super) fn tally(
        &mut self,
        no: Option<usize>,
        label: &str,
        t: Tally,
        bold: bool,
    ) -> Result<(), XlsxError> {
        self.tally_row(no, label, Some(t.count), Some(t.amount), bold)
    }

    pub(super) fn none(&mut self) -> Result<(), XlsxError> {
        let f = &self.f.italic;
        self.line(t("Không có.", "None."), f)
    }
}
