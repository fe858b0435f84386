//! Excel workbooks (xlsx and the older xls), read with calamine.
//!
//! The first worksheet that has data is read (visible sheets before hidden
//! ones). Each cell becomes the text the user sees: whole numbers without
//! ".0", dates as dd/mm/yyyy, formulas as their saved value. Merged cells keep
//! their value in the top-left cell only; the others are empty. TCVN3/VNI text
//! typed with the old fonts is detected on the first rows and converted.
//!
//! Workbooks are read into memory whole (calamine does so); only CSV streams.

use super::legacy::{self, Legacy};
use super::{Cell, Encoding, Format, SheetRow, Source, SourceError};
use calamine::{Data, Range, Reader, SheetType, SheetVisible, Xls, Xlsx, open_workbook};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// Rows whose text cells are used to detect TCVN3/VNI.
const DETECT_ROWS: usize = 200;

pub(super) struct Rows {
    range: Range<Data>,
    /// Next row, relative to the range.
    next: usize,
    /// Column of the range's first cell (0 = A).
    first_col: usize,
    /// Row of the range's first cell (0 = row 1).
    first_row: usize,
    legacy: Legacy,
}

pub(super) fn open(path: &Path, format: Format) -> Result<Source, SourceError> {
    let file = path.to_owned();
    let bad = |detail: String| SourceError::BadWorkbook {
        file: file.clone(),
        format,
        detail,
    };
    let (sheet, range) = match format {
        Format::Xls => match open_workbook::<Xls<BufReader<File>>, _>(path) {
            Ok(mut wb) => first_sheet_with_data(&mut wb, path, format)?,
            Err(calamine::XlsError::Password) => {
                return Err(SourceError::PasswordProtected { file });
            }
            Err(e) => {
                // An encrypted xlsx is an OLE file too; calamine says so when
                // asked to read it as xlsx.
                if let Err(calamine::XlsxError::Password) =
                    open_workbook::<Xlsx<BufReader<File>>, _>(path)
                {
                    return Err(SourceError::PasswordProtected { file });
                }
                return Err(bad(e.to_string()));
            }
        },
        _ => match open_workbook::<Xlsx<BufReader<File>>, _>(path) {
            Ok(mut wb) => first_sheet_with_data(&mut wb, path, format)?,
            Err(calamine::XlsxError::Password) => {
                return Err(SourceError::PasswordProtected { file });
            }
            Err(e) => return Err(bad(e.to_string())),
        },
    };

    let (first_row, first_col) = range
        .start()
        .map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let samples: Vec<String> = range
        .rows()
        .take(DETECT_ROWS)
        .flatten()
        .filter_map(|d| match d {
            Data::String(s) if !s.is_ascii() => Some(s.trim().to_owned()),
            _ => None,
        })
        .collect();
    let samples: Vec<&str> = samples.iter().map(String::as_str).collect();
    let legacy = legacy::detect(&samples);
    let encoding = match legacy {
        Legacy::None => Encoding::Unicode,
        Legacy::Tcvn3 => Encoding::Tcvn3,
        Legacy::Vni => Encoding::Vni,
    };
    Ok(Source {
        file: path.to_owned(),
        format,
        encoding,
        sheet: Some(sheet),
        rows: super::Rows::Workbook(Rows {
            range,
            next: 0,
            first_col,
            first_row,
            legacy,
        }),
    })
}

/// The first worksheet with a non-empty cell, visible sheets first.
fn first_sheet_with_data<R>(
    wb: &mut R,
    path: &Path,
    format: Format,
) -> Result<(String, Range<Data>), SourceError>
where
    R: Reader<BufReader<File>>,
    R::Error: std::fmt::Display,
{
    let sheets: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    if sheets.is_empty() {
        return Err(SourceError::NoSheets {
            file: path.to_owned(),
        });
    }
    let mut first_error = None;
    for visible in [true, false] {
        for (name, _) in sheets.iter().filter(|(_, v)| *v == visible) {
            match wb.worksheet_range(name) {
                Ok(range) if range.used_cells().any(|(_, _, d)| !is_blank(d)) => {
                    return Ok((name.clone(), range));
                }
                Ok(_) => {}
                Err(e) => {
                    first_error.get_or_insert_with(|| e.to_string());
                }
            }
        }
    }
    match first_error {
        Some(detail) => Err(SourceError::BadWorkbook {
            file: path.to_owned(),
            format,
            detail,
        }),
        None => Err(SourceError::EmptySheets {
            file: path.to_owned(),
            sheets: sheets.into_iter().map(|s| s.0).collect(),
        }),
    }
}

fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The text a cell shows, and whether it was a number.
pub(super) fn cell_text(d: &Data, legacy: Legacy) -> Cell {
    match d {
        Data::Empty => Cell::default(),
        Data::String(s) => Cell::text(normalise(s, legacy)),
        Data::Int(i) => Cell {
            text: i.to_string(),
            numeric: true,
        },
        Data::Float(f) => Cell {
            text: number_text(*f),
            numeric: true,
        },
        Data::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        // A time of day alone (no date part) is shown as a time.
        Data::DateTime(dt) if dt.is_datetime() && dt.as_f64() < 1.0 => {
            let (.., h, mi, _, _) = dt.to_ymd_hms_milli();
            Cell::text(format!("{h:02}:{mi:02}"))
        }
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::text(format!("{d:02}/{m:02}/{y:04}"))
        }
        Data::DateTime(dt) => Cell {
            text: number_text(dt.as_f64()),
            numeric: true,
        },
        Data::DateTimeIso(s) => Cell::text(iso_date_text(s.trim())),
        Data::DurationIso(s) => Cell::text(s.trim()),
        Data::Error(e) => Cell::text(e.to_string()),
    }
}

/// "2026-11-05T00:00:00" → "05/11/2026"; anything else as it is.
fn iso_date_text(s: &str) -> String {
    match s
        .get(..10)
        .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d"))
    {
        Some(Ok(date)) => date.format("%d/%m/%Y").to_string(),
        _ => s.to_owned(),
    }
}

/// 2789000.0 → "2789000"; 2789000.5 → "2789000.5" (for the validator to
/// refuse); never an exponent.
fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 1e21 {
        // `{:.0}` prints every digit of a whole number; -0.0 prints "-0".
        return if f == 0.0 {
            "0".to_owned()
        } else {
            format!("{f:.0}")
        };
    }
    f.to_string()
}

fn normalise(s: &str, legacy: Legacy) -> String {
    let t = s.trim();
    let out = match legacy {
        Legacy::None if t.is_ascii() || unicode_normalization::is_nfc(t) => return t.to_owned(),
        _ => legacy::convert_cell(t, legacy),
    };
    match out.trim() {
        trimmed if trimmed.len() == out.len() => out,
        trimmed => trimmed.to_owned(),
    }
}

impl Iterator for Rows {
    type Item = SheetRow;

    fn next(&mut self) -> Option<SheetRow> {
        let height = self.range.height();
        let width = self.range.width();
        if self.next >= height {
            return None;
        }
        let r = self.next;
        self.next += 1;
        let mut cells = vec![Cell::default(); self.first_col];
        cells.extend((0..width).map(|c| {
            self.range
                .get((r, c))
                .map_or_else(Cell::default, |d| cell_text(d, self.legacy))
        }));
        while cells.last().is_some_and(Cell::is_empty) {
            cells.pop();
        }
        Some(SheetRow {
            number: self.first_row + r + 1,
            cells,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_user_sees_them() {
        assert_eq!(number_text(2_789_000.0), "2789000");
        assert_eq!(number_text(2_789_000.5), "2789000.5");
        assert_eq!(number_text(-150_000.0), "-150000");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(1e15), "1000000000000000");
        assert_eq!(number_text(0.1), "0.1");
    }

    #[test]
    fn cells_become_text() {
        let c = cell_text(&Data::Float(1950.0), Legacy::None);
        assert_eq!(
            c,
            Cell {
                text: "1950".into(),
                numeric: true
            }
        );
        let c = cell_text(
            &Data::String("  Nguye\u{302}\u{303}n ".into()),
            Legacy::None,
        );
        assert_eq!(
            c,
            Cell {
                text: "Nguyễn".into(),
                numeric: false
            }
        );
        let c = cell_text(&Data::String("NguyÔn V¨n An".into()), Legacy::Tcvn3);
        assert_eq!(c.text, "Nguyễn Văn An");
        assert_eq!(cell_text(&Data::Bool(true), Legacy::None).text, "TRUE");
        assert_eq!(
            cell_text(&Data::Error(calamine::CellErrorType::NA), Legacy::None).text,
            "#N/A"
        );
        let date =
            calamine::ExcelDateTime::new(18_000.0, calamine::ExcelDateTimeType::DateTime, false);
        let time = calamine::ExcelDateTime::new(0.5, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(time), Legacy::None).text, "12:00");
        let iso = Data::DateTimeIso("2026-11-05T00:00:00".into());
        assert_eq!(cell_text(&iso, Legacy::None).text, "05/11/2026");
        assert_eq!(
            cell_text(&Data::DateTime(date), Legacy::None).text,
            "12/04/1949"
        );
    }
}
