//! Finding the header among the first rows and naming its columns.
//!
//! A header is one row of column names, or two: an upper row with group cells
//! merged across several columns ("Số tiền (đồng)", "Năm sinh") and
//! single-row names merged downwards (the cell below is empty), and a lower
//! row with the names under the groups ("Trợ cấp", "Phụ cấp", or "Nam" /
//! "Nữ"). The candidate that names the most fields wins.
//!
//! Also here: recognising the column-numbering row some lists put under the
//! header ("1 2 3 …", "(1) (2) (3)", "A B 1 2 …").

use super::{Column, Gender};
use crate::import::fields::Field;
use crate::import::source::{SheetRow, column_letter};
use crate::import::synonyms::Synonyms;
use crate::text::fold;
use std::collections::BTreeSet;

/// The header found.
pub(super) struct Found {
    /// Index (in the rows given) of the header row, or of its upper row.
    pub upper: usize,
    /// Index of the lower row of a two-row header.
    pub lower: Option<usize>,
    pub columns: Vec<Column>,
    /// Header cells that name no field: (index in the rows given, column
    /// letter, text).
    pub unrecognised: Vec<(usize, String, String)>,
}

impl Found {
    /// How many different fields the header names.
    fn score(&self) -> usize {
        self.columns
            .iter()
            .map(|c| c.field)
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// The best header among `rows[..candidates]` (the rows after may serve as
/// the lower row of a two-row header). A header must name two fields at
/// least.
pub(super) fn find(rows: &[SheetRow], candidates: usize, syn: &Synonyms) -> Option<Found> {
    let mut best: Option<Found> = None;
    let mut consider = |f: Found| {
        if f.score() >= 2 && best.as_ref().is_none_or(|b| f.score() > b.score()) {
            best = Some(f);
        }
    };
    for i in 0..candidates.min(rows.len()) {
        if let Some(next) = rows.get(i + 1).filter(|n| n.number == rows[i].number + 1)
            && let Some(pair) = two_rows(i, &rows[i], next, syn)
        {
            consider(pair);
        }
        consider(one_row(i, &rows[i], syn));
    }
    best
}

fn text(row: &SheetRow, c: usize) -> Option<&str> {
    row.cell(c).map(|cell| cell.text.as_str())
}

/// "Nam" / "Nữ" under a "Năm sinh" or "Giới tính" group.
fn gender_word(t: &str) -> Option<Gender> {
    match fold(t).as_str() {
        "nam" => Some(Gender::Male),
        "nu" => Some(Gender::Female),
        _ => None,
    }
}

/// "Năm sinh Nữ" written in one cell.
fn gender_suffix(folded: &str) -> Option<Gender> {
    if folded.ends_with("nam nu") {
        None
    } else if folded.ends_with(" nam") {
        Some(Gender::Male)
    } else if folded.ends_with(" nu") {
        Some(Gender::Female)
    } else {
        None
    }
}

fn column(field: Field, index: usize, header_text: String, gender: Option<Gender>) -> Column {
    Column {
        field,
        index,
        letter: column_letter(index),
        header_text,
        gender,
    }
}

/// A single header cell as a column.
fn named(syn: &Synonyms, index: usize, t: &str) -> Option<Column> {
    let field = syn.find(t)?;
    let gender = match field {
        Field::BirthYear | Field::Gender => gender_suffix(&fold(t)),
        _ => None,
    };
    Some(column(field, index, t.to_owned(), gender))
}

fn one_row(i: usize, row: &SheetRow, syn: &Synonyms) -> Found {
    let mut found = Found {
        upper: i,
        lower: None,
        columns: Vec::new(),
        unrecognised: Vec::new(),
    };
    for (c, cell) in row
        .cells
        .iter()
        .enumerate()
        .filter(|(_, cell)| !cell.is_empty())
    {
        match named(syn, c, &cell.text) {
            Some(col) => found.columns.push(col),
            None => found
                .unrecognised
                .push((i, column_letter(c), cell.text.clone())),
        }
    }
    found
}

/// `upper` and `lower` as a two-row header, if `lower` can be its lower row:
/// no numbers in it, its names only under groups or under cells merged
/// across, and the pair naming more fields than `lower` alone.
fn two_rows(i: usize, upper: &SheetRow, lower: &SheetRow, syn: &Synonyms) -> Option<Found> {
    if lower.is_blank() || is_numbering_row(lower) {
        return None;
    }
    let width = upper.cells.len().max(lower.cells.len());
    let mut found = Found {
        upper: i,
        lower: Some(i + 1),
        columns: Vec::new(),
        unrecognised: Vec::new(),
    };
    let mut lower_named = false;
    let mut group: Option<(&str, Option<Field>)> = None;
    for c in 0..width {
        let u = text(upper, c);
        if let Some(u) = u {
            group = Some((u, syn.find(u)));
        }
        let Some(l) = text(lower, c) else {
            // Merged downwards (or an empty column).
            if let Some(u) = u {
                match named(syn, c, u) {
                    Some(col) => found.columns.push(col),
                    None => found.unrecognised.push((i, column_letter(c), u.to_owned())),
                }
            }
            continue;
        };
        if lower.cells[c].numeric || looks_numeric(l) {
            return None;
        }
        let (g, g_field) = group.unwrap_or(("", None));
        let under_gender_group =
            matches!(g_field, Some(Field::BirthYear | Field::Gender)) && gender_word(l).is_some();
        let spans = u.is_some() && text(upper, c + 1).is_none() && text(lower, c + 1).is_some();
        let allowed = u.is_none() || g_field.is_none() || spans || under_gender_group;
        if !allowed {
            return None;
        }
        if under_gender_group {
            let field = g_field.expect("checked above");
            found
                .columns
                .push(column(field, c, format!("{g} / {l}"), gender_word(l)));
            lower_named = true;
        } else if let Some(col) = named(syn, c, l) {
            // A hamlet heading ("Thôn Đông") names a field by its first word
            // only; a lower header row names at least one exactly.
            lower_named |= syn.find_exact(l).is_some();
            found.columns.push(col);
        } else if let Some(field) = (!g.is_empty())
            .then(|| syn.find(&format!("{g} {l}")))
            .flatten()
        {
            found
                .columns
                .push(column(field, c, format!("{g} / {l}"), None));
            lower_named = true;
        } else {
            found
                .unrecognised
                .push((i + 1, column_letter(c), l.to_owned()));
        }
    }
    let lower_alone = one_row(i + 1, lower, syn);
    (lower_named && found.score() > lower_alone.score()).then_some(found)
}

/// A cell that holds a number ("1", "2.789.000", "-150,000").
fn looks_numeric(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || ".,- ".contains(c))
}

/// The row that numbers the columns: every cell a short label such as "1",
/// "(2)", "A" or "(4)=(2)+(3)".
pub(super) fn is_numbering_row(row: &SheetRow) -> bool {
    let labels: Vec<&str> = row
        .cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.text.as_str())
        .collect();
    labels.len() >= 2 && labels.iter().all(|t| is_column_label(t))
}

fn is_column_label(t: &str) -> bool {
    let chars: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    let short = !chars.is_empty() && chars.len() <= 15;
    let charset = chars
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || "()+-=*/.x".contains(*c));
    // No words (two letters in a row) and no amounts (three digits in a row).
    let no_words = !chars
        .windows(2)
        .any(|w| w[0].is_ascii_alphabetic() && w[1].is_ascii_alphabetic());
    let no_amounts = !chars.windows(3).any(|w| w.iter().all(char::is_ascii_digit));
    short && charset && no_words && no_amounts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::EntitlementKind as K;
    use crate::import::source::Cell;

    fn row(number: usize, cells: &[&str]) -> SheetRow {
        SheetRow {
            number,
            cells: cells.iter().map(|t| Cell::text(*t)).collect(),
            hidden: false,
        }
    }

    fn fields(f: &Found) -> Vec<(String, Field, Option<Gender>)> {
        f.columns
            .iter()
            .map(|c| (c.letter.clone(), c.field, c.gender))
            .collect()
    }

    #[test]
    fn single_row_header_is_found_under_the_title() {
        let rows = [
            row(1, &["DANH SÁCH CHI TRẢ TRỢ CẤP THÁNG 11 NĂM 2026"]),
            row(2, &["STT", "Mã ĐT", "Họ và tên", "Số CCCD", "Trợ cấp"]),
            row(
                3,
                &["1", "NCC001", "Nguyễn Văn An", "001090012345", "2.789.000"],
            ),
        ];
        let f = find(&rows, rows.len(), &Synonyms::defaults()).unwrap();
        assert_eq!((f.upper, f.lower), (1, None));
        assert_eq!(f.columns.len(), 5);
        assert_eq!(f.columns[4].field, Field::Amount(K::TroCap));
        assert_eq!(f.columns[4].letter, "E");
    }

    #[test]
    fn two_row_header_with_groups_and_vertical_merges() {
        let rows = [
            row(
                4,
                &[
                    "STT",
                    "Họ và tên",
                    "Năm sinh",
                    "",
                    "Số CCCD",
                    "Số tiền (đồng)",
                    "",
                    "",
                    "Ký nhận",
                ],
            ),
            row(
                5,
                &[
                    "",
                    "",
                    "Nam",
                    "Nữ",
                    "",
                    "Trợ cấp",
                    "Phụ cấp",
                    "Tổng cộng",
                    "",
                ],
            ),
            row(
                6,
                &[
                    "1",
                    "Nguyễn Văn An",
                    "1950",
                    "",
                    "001090012345",
                    "2789000",
                    "0",
                    "2789000",
                    "",
                ],
            ),
        ];
        let f = find(&rows, rows.len(), &Synonyms::defaults()).unwrap();
        assert_eq!((f.upper, f.lower), (0, Some(1)));
        assert_eq!(
            fields(&f),
            vec![
                ("A".into(), Field::Stt, None),
                ("B".into(), Field::FullName, None),
                ("C".into(), Field::BirthYear, Some(Gender::Male)),
                ("D".into(), Field::BirthYear, Some(Gender::Female)),
                ("E".into(), Field::IdNumber, None),
                ("F".into(), Field::Amount(K::TroCap), None),
                ("G".into(), Field::Amount(K::PhuCap), None),
                ("H".into(), Field::RowTotal, None),
                ("I".into(), Field::Note, None),
            ]
        );
        assert_eq!(f.columns[3].header_text, "Năm sinh / Nữ");
        assert_eq!(f.unrecognised, vec![]);
    }

    #[test]
    fn group_that_is_itself_a_field_takes_its_sub_columns() {
        let rows = [
            row(1, &["Họ tên", "Mã hồ sơ", "Trợ cấp", ""]),
            row(2, &["", "", "Hàng tháng", "Một lần"]),
        ];
        let f = find(&rows, rows.len(), &Synonyms::defaults()).unwrap();
        assert_eq!(f.lower, Some(1));
        assert_eq!(f.columns[2].field, Field::Amount(K::TroCap));
        assert_eq!(f.columns[3].field, Field::Amount(K::MotLan));
    }

    #[test]
    fn a_title_above_a_one_row_header_is_not_its_upper_row() {
        let rows = [
            row(1, &["Đơn vị tính: đồng"]),
            row(2, &["STT", "Họ tên", "CCCD", "Trợ cấp"]),
        ];
        let f = find(&rows, rows.len(), &Synonyms::defaults()).unwrap();
        assert_eq!((f.upper, f.lower), (1, None));
    }

    #[test]
    fn first_data_row_is_not_a_lower_header_row() {
        let rows = [
            row(1, &["STT", "Họ tên", "CCCD", "Trợ cấp", "Thôn"]),
            row(2, &["", "Thôn Đông"]),
        ];
        let f = find(&rows, rows.len(), &Synonyms::defaults()).unwrap();
        assert_eq!(f.lower, None);
    }

    #[test]
    fn hamlet_heading_under_an_unknown_header_cell_is_not_a_lower_row() {
        let rows = [
            row(1, &["No.", "Họ tên", "Mã hồ sơ", "Trợ cấp"]),
            row(2, &["Thôn Đông"]),
        ];
        let f = find(&rows, rows.len(), &Synonyms::defaults()).unwrap();
        assert_eq!((f.upper, f.lower), (0, None));
    }

    #[test]
    fn no_header_in_prose() {
        let rows = [
            row(1, &["Kính gửi: Bưu điện xã"]),
            row(2, &["Nội dung: chi trả"]),
        ];
        assert!(find(&rows, rows.len(), &Synonyms::defaults()).is_none());
    }

    #[test]
    fn numbering_rows_are_recognised() {
        assert!(is_numbering_row(&row(1, &["1", "2", "3", "4", "5"])));
        assert!(is_numbering_row(&row(
            1,
            &["(1)", "(2)", "(3)", "(4)=(2)+(3)"]
        )));
        assert!(is_numbering_row(&row(1, &["A", "B", "1", "2"])));
        assert!(!is_numbering_row(&row(
            1,
            &["1", "Nguyễn Văn An", "2.789.000"]
        )));
        assert!(!is_numbering_row(&row(1, &["1", "NCC001", "2789000"])));
        assert!(!is_numbering_row(&row(1, &["I", "Thôn An Bình"])));
    }
}
