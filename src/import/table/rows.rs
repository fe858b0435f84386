//! What a row under the header is: a person's line, a blank row, a hamlet
//! heading, a subtotal, the total, or the signature lines that end the table.
//!
//! Decided from the row's shape and labels only; whether the values are
//! valid is the validator's question. A row that has a record code or an ID
//! number (a value with digits in those columns) is always a person's line,
//! whatever else it says, so that no person is ever skipped as a "subtotal".

use super::Column;
use crate::import::fields::Field;
use crate::import::source::SheetRow;
use crate::text::fold;

/// A group label alone on its row ("Thôn Đông", "I. Thôn An Bình").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupHeading {
    pub number: usize,
    /// The row's text as written ("I. Thôn An Bình").
    pub text: String,
    /// Without its numbering ("Thôn An Bình").
    pub label: String,
}

impl GroupHeading {
    /// The hamlet the heading names, when it starts with a word such as
    /// "Thôn", "Xóm", "Ấp", "Bản" or "Tổ" — for lists without a hamlet
    /// column. Other headings (e.g. a category) give `None`.
    pub fn hamlet(&self) -> Option<&str> {
        starts_with_place_word(&self.label).then_some(self.label.as_str())
    }

    /// The hamlet the heading names, spelt as the office's people already
    /// have it: a heading "I. Thôn Thuận Hòa" over people whose hamlet on
    /// file is "Thuận Hòa" (a monthly list's hamlet column) is that hamlet,
    /// not a second one; compared without diacritics or case. A hamlet not
    /// on file is the heading as written.
    pub fn hamlet_among(&self, on_file: &[String]) -> Option<String> {
        let label = self.hamlet()?;
        Some(hamlet_on_file(on_file, label).map_or_else(|| label.to_string(), Clone::clone))
    }
}

/// The hamlet on file that `name` names: the same once diacritics, case
/// and spacing are set aside, else the only one that is the same once a
/// leading place word ("Thôn", "Xóm", …) is set aside on both sides. A
/// list that writes "Thôn Thuận Hòa" where the office has "Thuận Hòa" (or
/// the other way round) means that hamlet, not a second one.
pub fn hamlet_on_file<'a>(on_file: &'a [String], name: &str) -> Option<&'a String> {
    let folded = crate::text::fold(name);
    if let Some(h) = on_file.iter().find(|h| crate::text::fold(h) == folded) {
        return Some(h);
    }
    let bare = |f: &str| -> String {
        match f.split_once(' ') {
            Some((first, rest)) if FOLDED_PLACE_WORDS.contains(&first) => rest.to_string(),
            _ => f.to_string(),
        }
    };
    let key = bare(&folded);
    let mut same = on_file
        .iter()
        .filter(|h| bare(&crate::text::fold(h)) == key);
    match (same.next(), same.next()) {
        (Some(h), None) => Some(h),
        _ => None,
    }
}

/// [`PLACE_WORDS`] folded, as [`hamlet_on_file`] compares them.
const FOLDED_PLACE_WORDS: [&str; 16] = [
    "thon", "xom", "ap", "ban", "to", "tdp", "khu", "lang", "doi", "cum", "khoi", "buon", "phum",
    "soc", "khom", "nhom",
];

pub(super) enum Class {
    Blank,
    Data,
    Heading(GroupHeading),
    Subtotal(Option<String>),
    Total(String),
    End(String),
}

/// Words that begin a hamlet's name, in lower case with their diacritics
/// (so that the surname "Tô" is not the group "Tổ").
const PLACE_WORDS: [&str; 18] = [
    "thôn",
    "xóm",
    "ấp",
    "bản",
    "tổ",
    "tdp",
    "khu",
    "làng",
    "đội",
    "cụm",
    "khối",
    "buôn",
    "phum",
    "sóc",
    "khóm",
    "nhóm",
    "plây",
    "khu phố",
];

fn starts_with_place_word(label: &str) -> bool {
    let lower = label.to_lowercase();
    let first = lower
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    PLACE_WORDS.contains(&first)
}

/// Folded words that may follow "cộng" in a subtotal label.
const GROUP_WORDS: [&str; 26] = [
    "thon", "xom", "ap", "ban", "to", "tdp", "khu", "lang", "doi", "cum", "khoi", "buon", "phum",
    "soc", "khom", "nhom", "muc", "phan", "loai", "dien", "i", "ii", "iii", "iv", "v", "vi",
];

/// Signature-block openings (folded).
const SIGNATURES: [&str; 15] = [
    "nguoi lap",
    "lap bieu",
    "ke toan",
    "thu truong",
    "thu quy",
    "xac nhan",
    "giam doc",
    "chu tich",
    "truong phong",
    "truong buu cuc",
    "nguoi duyet",
    "ky ten",
    "ky ghi ro",
    "bang chu",
    "so tien bang chu",
];

fn is_signature(folded: &str) -> bool {
    if SIGNATURES.iter().any(|s| starts_with_words(folded, s)) {
        return true;
    }
    // "Ngày … tháng … năm …", also after a place: "Hà Nội, ngày 25 tháng 10 năm 2026".
    let words: Vec<&str> = folded.split(' ').collect();
    let at = |w: &str, from: usize| {
        words
            .iter()
            .skip(from)
            .position(|x| *x == w)
            .map(|p| p + from)
    };
    at("ngay", 0)
        .and_then(|d| at("thang", d + 1))
        .and_then(|m| at("nam", m + 1))
        .is_some_and(|y| y <= 8)
}

fn starts_with_words(folded: &str, words: &str) -> bool {
    folded
        .strip_prefix(words)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

fn is_total(folded: &str) -> bool {
    if is_subtotal(folded) {
        return false;
    }
    folded == "tong"
        || [
            "tong cong",
            "tong so",
            "cong toan",
            "tong toan",
            "cong tat ca",
            "cong xa",
            "cong phuong",
        ]
        .iter()
        .any(|p| starts_with_words(folded, p))
}

fn is_subtotal(folded: &str) -> bool {
    let mut words = folded.split(' ');
    let first = words.next().unwrap_or("");
    let mut second = words.next();
    if first == "tong" && second == Some("cong") {
        // "Tổng cộng thôn Đông"
        second = words.next();
        return second.is_some_and(|w| GROUP_WORDS[..16].contains(&w));
    }
    match first {
        "cong" => {
            second.is_none_or(|w| GROUP_WORDS.contains(&w) || w.chars().all(|c| c.is_ascii_digit()))
        }
        "tong" => second.is_some_and(|w| GROUP_WORDS[..16].contains(&w)),
        _ => false,
    }
}

/// Strips "I.", "II -", "1.", "2)", "A." and the like from the front.
fn strip_numbering(text: &str) -> &str {
    let t = text.trim_start();
    let head_len = t
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(t.len());
    let head = &t[..head_len];
    let rest = &t[head_len..];
    let roman = !head.is_empty() && head.chars().all(|c| "IVXL".contains(c));
    let digits = !head.is_empty() && head.chars().all(|c| c.is_ascii_digit());
    let letter = head.len() == 1 && head.chars().all(|c| c.is_ascii_alphabetic());
    let punct = rest.trim_start().starts_with(['.', ')', '/', ':', '-']);
    let spaced = rest.starts_with(char::is_whitespace);
    if (roman || digits) && (punct || spaced) || letter && punct {
        rest.trim_start()
            .trim_start_matches(['.', ')', '/', ':', '-'])
            .trim_start()
    } else {
        t
    }
}

/// Whether a row below the table's end reads as a person's line: a record
/// code or ID number with digits, and an amount (or, in a decrease list,
/// a month) with digits. Names alone (the signatories under the signature
/// lines) and dates are not.
pub(super) fn looks_like_person(row: &SheetRow, columns: &[Column]) -> bool {
    let digits = |p: &dyn Fn(Field) -> bool| {
        columns.iter().any(|c| {
            p(c.field)
                && row
                    .cell(c.index)
                    .is_some_and(|v| v.text.bytes().any(|b| b.is_ascii_digit()))
        })
    };
    digits(&|f| matches!(f, Field::RecordCode | Field::IdNumber))
        && digits(&|f| {
            matches!(
                f,
                Field::Amount(_)
                    | Field::RowTotal
                    | Field::OldAmount
                    | Field::NewAmount
                    | Field::FromMonth
            )
        })
}

pub(super) fn classify(row: &SheetRow, columns: &[Column]) -> Class {
    if row.is_blank() {
        return Class::Blank;
    }
    let field_at = |i: usize| columns.iter().find(|c| c.index == i).map(|c| c.field);
    let filled = |p: &dyn Fn(Field) -> bool| {
        columns
            .iter()
            .any(|c| p(c.field) && row.cell(c.index).is_some())
    };
    // A record code or ID number has digits; "Tổng cộng" written across the
    // code column (merged cells) is not a key.
    let has_key = columns.iter().any(|c| {
        matches!(c.field, Field::RecordCode | Field::IdNumber)
            && row
                .cell(c.index)
                .is_some_and(|v| v.text.chars().any(|ch| ch.is_ascii_digit()))
    });
    let has_name = filled(&|f| f == Field::FullName);
    let has_amount = filled(&|f| matches!(f, Field::Amount(_) | Field::RowTotal));
    // Cells with words in them, left to right, with their column's field.
    let texts: Vec<(Option<Field>, &str)> = row
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| c.text.chars().any(char::is_alphabetic))
        .map(|(i, c)| (field_at(i), c.text.as_str()))
        .collect();

    if !has_key {
        for (_, t) in &texts {
            let folded = fold(t);
            if !has_amount && is_signature(&folded) {
                return Class::End((*t).to_owned());
            }
            if is_total(&folded) {
                return Class::Total((*t).to_owned());
            }
            if is_subtotal(&folded) {
                return Class::Subtotal(Some((*t).to_owned()));
            }
        }
    }
    if has_key {
        return Class::Data;
    }
    let heading = || {
        let text = row
            .cells
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let label = strip_numbering(&text).to_owned();
        GroupHeading {
            number: row.number,
            text,
            label,
        }
    };
    if has_name {
        // A name alone that reads like a heading ("Thôn Đông", "II. Xóm 3"):
        // nothing else on the row but the numbering.
        let alone = row
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .all(|(i, _)| matches!(field_at(i), Some(Field::FullName | Field::Stt)));
        let h = heading();
        let numbered = h.label.len() != h.text.len();
        if !has_amount && alone && (starts_with_place_word(&h.label) || numbered) {
            return Class::Heading(h);
        }
        return Class::Data;
    }
    if has_amount {
        return Class::Subtotal(None);
    }
    if texts.is_empty() {
        // Only numbers outside the known columns, or a lone row number.
        return Class::Blank;
    }
    Class::Heading(heading())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_is_stripped_from_headings() {
        assert_eq!(strip_numbering("I. Thôn An Bình"), "Thôn An Bình");
        assert_eq!(strip_numbering("II - Xóm 3"), "Xóm 3");
        assert_eq!(strip_numbering("IV Thôn Bắc"), "Thôn Bắc");
        assert_eq!(strip_numbering("2) Thôn Nam"), "Thôn Nam");
        assert_eq!(strip_numbering("A. Bản Mường"), "Bản Mường");
        assert_eq!(strip_numbering("Thôn Đông"), "Thôn Đông");
        assert_eq!(strip_numbering("An Bình"), "An Bình");
        assert_eq!(strip_numbering("Xóm 3"), "Xóm 3");
    }

    #[test]
    fn labels_of_totals_subtotals_and_signatures() {
        for t in [
            "Cộng",
            "Cộng:",
            "Cộng thôn Đông",
            "CỘNG XÓM 3",
            "Tổng thôn Bắc",
            "Cộng I",
            "Tổng cộng thôn Nam",
        ] {
            assert!(is_subtotal(&fold(t)), "{t}");
            assert!(!is_total(&fold(t)), "{t}");
        }
        for t in ["Tổng cộng", "TỔNG CỘNG:", "Tổng số", "Cộng toàn xã", "Tổng"] {
            assert!(is_total(&fold(t)), "{t}");
        }
        for t in ["Công Tằng Tôn Nữ Thị Hoa", "Tống Văn Cộng", "Cộng hòa"] {
            assert!(!is_total(&fold(t)) && !is_subtotal(&fold(t)), "{t}");
        }
        for t in [
            "Người lập biểu",
            "KẾ TOÁN",
            "Thủ trưởng đơn vị",
            "Ngày … tháng … năm …",
            "Hà Nội, ngày 25 tháng 10 năm 2026",
            "Xác nhận của UBND xã",
        ] {
            assert!(is_signature(&fold(t)), "{t}");
        }
        assert!(!is_signature(&fold("Nguyễn Thị Ngày")));
    }

    #[test]
    fn hamlet_words_keep_their_diacritics() {
        let h = |label: &str| GroupHeading {
            number: 1,
            text: label.into(),
            label: label.into(),
        };
        assert_eq!(h("Thôn Đông").hamlet(), Some("Thôn Đông"));
        assert_eq!(h("TỔ 5").hamlet(), Some("TỔ 5"));
        assert_eq!(h("Tô Văn Ba").hamlet(), None);
        assert_eq!(h("THƯƠNG BINH").hamlet(), None);
    }

    #[test]
    fn a_heading_names_the_hamlet_as_the_office_spells_it() {
        let h = |label: &str| GroupHeading {
            number: 1,
            text: label.into(),
            label: label.into(),
        };
        let on_file = ["Thuận Hòa".to_string(), "Thôn Đông".to_string()];
        // The place word the monthly list's column leaves out.
        assert_eq!(
            h("Thôn Thuận Hòa").hamlet_among(&on_file).as_deref(),
            Some("Thuận Hòa")
        );
        // Case and diacritics as typed differ.
        assert_eq!(
            h("THÔN ĐÔNG").hamlet_among(&on_file).as_deref(),
            Some("Thôn Đông")
        );
        // A hamlet new to the office, and a heading that is no hamlet.
        assert_eq!(
            h("Thôn Tây").hamlet_among(&on_file).as_deref(),
            Some("Thôn Tây")
        );
        assert_eq!(h("THƯƠNG BINH").hamlet_among(&on_file), None);
        // A hamlet column's value, either way round.
        assert_eq!(
            hamlet_on_file(&on_file, "Thôn Thuận Hoà").map(String::as_str),
            Some("Thuận Hòa")
        );
        assert_eq!(
            hamlet_on_file(&on_file, "Đông").map(String::as_str),
            Some("Thôn Đông")
        );
        // Two hamlets that differ only by their place word: neither.
        let both = ["Thôn Đông".to_string(), "Xóm Đông".to_string()];
        assert_eq!(hamlet_on_file(&both, "Đông"), None);
        assert_eq!(
            hamlet_on_file(&both, "xom dong").map(String::as_str),
            Some("Xóm Đông")
        );
    }
}
