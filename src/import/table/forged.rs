//! Header cells written with letters of another alphabet that look like
//! Latin ones: "Трợ cấp" with a Cyrillic "Т" reads as "Trợ cấp" to whoever
//! checks the list, yet names no field, so its column would go unread
//! while another, perhaps hidden, is read in its place. Such a header is
//! refused as forged.

use super::TableError;
use crate::import::source::SheetRow;
use crate::import::source::column_letter;
use crate::import::synonyms::Synonyms;
use std::path::Path;

/// The Latin letter a Cyrillic or Greek letter is drawn like, if any.
fn latin(c: char) -> Option<char> {
    Some(match c {
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'С' | 'Ϲ' => 'C',
        'Е' | 'Ε' => 'E',
        'Н' | 'Η' => 'H',
        'І' | 'Ι' => 'I',
        'Ј' => 'J',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Ν' => 'N',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'Ѕ' => 'S',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'У' | 'Υ' | 'Ү' => 'Y',
        'Ζ' => 'Z',
        'а' | 'α' => 'a',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'һ' => 'h',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'п' => 'n',
        'о' | 'ο' | 'σ' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' | 'ν' => 'v',
        'ԝ' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        _ => return None,
    })
}

/// `text` with its look-alike letters replaced by the Latin ones, when it
/// has any.
pub(crate) fn fold_lookalikes(text: &str) -> Option<String> {
    if !text.chars().any(|c| latin(c).is_some()) {
        return None;
    }
    Some(text.chars().map(|c| latin(c).unwrap_or(c)).collect())
}

/// Refuses a header row whose cell equals a known header once its
/// look-alike letters are read as Latin ones.
pub(super) fn check(
    file: &Path,
    rows: &[&SheetRow],
    synonyms: &Synonyms,
) -> Result<(), TableError> {
    for row in rows {
        for (c, cell) in row.cells.iter().enumerate() {
            let Some(folded) = fold_lookalikes(&cell.text) else {
                continue;
            };
            if let Some(field) = synonyms.find_exact(&folded) {
                return Err(TableError::ForgedHeader {
                    file: file.to_owned(),
                    row: row.number,
                    column: column_letter(c),
                    text: cell.text.clone(),
                    field,
                });
            }
        }
    }
    Ok(())
}
