//! Recognising a column by its header text.
//!
//! [`Synonyms`] holds, for every [`Field`], the header texts that name it: the
//! defaults of [`Field::default_synonyms`], each field's list replaceable from
//! the configuration (`[import.headers]`). Matching is on folded text (no
//! diacritics, case or punctuation): an exact match beats a match on the first
//! words, a longer synonym beats a shorter one, and a unit in parentheses at
//! the end ("Trợ cấp (đồng)") is ignored.
//!
//! This module only names single header cells; finding the header row and
//! combining two-row headers is `table`'s job.

use super::fields::Field;
use crate::text::fold;
use std::collections::BTreeMap;

/// The header texts that name each field.
#[derive(Debug, Clone)]
pub struct Synonyms {
    /// (folded synonym, field), longest synonym first.
    entries: Vec<(String, Field)>,
}

/// A configuration of header synonyms that cannot be used. Data only; the
/// wording is in `crate::i18n::import_source`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SynonymsError {
    /// Keys that name no field.
    UnknownFields { keys: Vec<String> },
    /// A field was given no usable header text.
    EmptyList { key: String },
    /// One header text was given to two fields.
    SameText {
        text: String,
        first: String,
        second: String,
    },
}

crate::localized_error!(SynonymsError);

impl Default for Synonyms {
    fn default() -> Self {
        Synonyms::defaults()
    }
}

impl Synonyms {
    /// The built-in synonyms.
    pub fn defaults() -> Synonyms {
        Synonyms::with_overrides(&BTreeMap::new()).expect("the built-in synonyms are consistent")
    }

    /// The built-in synonyms, with the lists of the fields named in
    /// `overrides` (keyed by [`Field::code`]) replaced.
    pub fn with_overrides(
        overrides: &BTreeMap<String, Vec<String>>,
    ) -> Result<Synonyms, SynonymsError> {
        let unknown: Vec<String> = overrides
            .keys()
            .filter(|k| Field::from_code(k).is_none())
            .cloned()
            .collect();
        if !unknown.is_empty() {
            return Err(SynonymsError::UnknownFields { keys: unknown });
        }
        let mut owner: BTreeMap<String, Field> = BTreeMap::new();
        for field in Field::ALL {
            let texts: Vec<String> = match overrides.get(field.code()) {
                Some(list) => list
                    .iter()
                    .map(|s| fold(s))
                    .filter(|s| !s.is_empty())
                    .collect(),
                None => field.default_synonyms().iter().map(|s| fold(s)).collect(),
            };
            if texts.is_empty() {
                return Err(SynonymsError::EmptyList {
                    key: field.code().to_owned(),
                });
            }
            for text in texts {
                match owner.get(&text) {
                    Some(&other) if other != field => {
                        return Err(SynonymsError::SameText {
                            text,
                            first: other.code().to_owned(),
                            second: field.code().to_owned(),
                        });
                    }
                    _ => {
                        owner.insert(text, field);
                    }
                }
            }
        }
        let mut entries: Vec<(String, Field)> = owner.into_iter().collect();
        entries.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Ok(Synonyms { entries })
    }

    /// The field a header cell names, if any.
    pub fn find(&self, header: &str) -> Option<Field> {
        let folded = fold(header);
        if folded.is_empty() {
            return None;
        }
        if let Some(f) = self.exact(&folded) {
            return Some(f);
        }
        if let Some(f) = without_trailing_unit(header).and_then(|h| self.exact(&fold(h))) {
            return Some(f);
        }
        self.prefix(&folded)
    }

    /// The field a header cell names exactly (ignoring a trailing unit), not
    /// by its first words: "Trợ cấp (đồng)" yes, "Thôn Đông" no.
    pub fn find_exact(&self, header: &str) -> Option<Field> {
        self.exact(&fold(header))
            .or_else(|| without_trailing_unit(header).and_then(|h| self.exact(&fold(h))))
    }

    fn exact(&self, folded: &str) -> Option<Field> {
        self.entries
            .iter()
            .find(|(s, _)| s == folded)
            .map(|(_, f)| *f)
    }

    /// The longest synonym that is the first whole words of `folded`.
    fn prefix(&self, folded: &str) -> Option<Field> {
        self.entries
            .iter()
            .find(|(s, _)| {
                folded
                    .strip_prefix(s.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
            })
            .map(|(_, f)| *f)
    }
}

/// "Trợ cấp (đồng)" → "Trợ cấp"; `None` when there is no trailing
/// parenthesis.
fn without_trailing_unit(header: &str) -> Option<&str> {
    let t = header.trim_end();
    let body = t.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let head = body[..open].trim_end();
    (!head.is_empty()).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::EntitlementKind as K;

    #[test]
    fn headers_are_matched_whatever_their_spelling() {
        let s = Synonyms::defaults();
        assert_eq!(s.find("HỌ VÀ TÊN"), Some(Field::FullName));
        assert_eq!(s.find("Họ và\ntên"), Some(Field::FullName));
        assert_eq!(s.find("Số CCCD/CMND"), Some(Field::IdNumber));
        assert_eq!(s.find("so cccd - cmnd"), Some(Field::IdNumber));
        assert_eq!(s.find("Mã ĐT"), Some(Field::RecordCode));
        assert_eq!(s.find(""), None);
        assert_eq!(s.find("Số tiền (đồng)"), None);
    }

    #[test]
    fn exact_beats_prefix_and_longest_wins() {
        let s = Synonyms::defaults();
        assert_eq!(s.find("Trợ cấp một lần"), Some(Field::Amount(K::MotLan)));
        assert_eq!(s.find("Trợ cấp"), Some(Field::Amount(K::TroCap)));
        assert_eq!(s.find("Trợ cấp mai táng"), Some(Field::Amount(K::MaiTang)));
        assert_eq!(
            s.find("Trợ cấp hàng tháng theo NĐ 55"),
            Some(Field::Amount(K::TroCap))
        );
        assert_eq!(s.find("Họ và tên người có công"), Some(Field::FullName));
        // "thon" must be a whole word
        assert_eq!(s.find("Thônx"), None);
        assert_eq!(s.find("Thôn Đông"), Some(Field::Hamlet));
        assert_eq!(s.find_exact("Thôn Đông"), None);
        assert_eq!(
            s.find_exact("Trợ cấp (đồng)"),
            Some(Field::Amount(K::TroCap))
        );
    }

    #[test]
    fn trailing_units_are_ignored() {
        let s = Synonyms::defaults();
        assert_eq!(s.find("Trợ cấp (đồng)"), Some(Field::Amount(K::TroCap)));
        assert_eq!(
            s.find("Trợ cấp một lần (đồng)"),
            Some(Field::Amount(K::MotLan))
        );
        assert_eq!(s.find("Phụ cấp (đ)"), Some(Field::Amount(K::PhuCap)));
        assert_eq!(
            s.find("Truy lĩnh (nếu có)"),
            Some(Field::Amount(K::TruyLinh))
        );
    }

    #[test]
    fn configuration_replaces_a_fields_list() {
        let mut o = BTreeMap::new();
        o.insert(
            "tro_cap".to_owned(),
            vec!["Số tiền".to_owned(), "Mức hưởng".to_owned()],
        );
        let s = Synonyms::with_overrides(&o).unwrap();
        assert_eq!(s.find("Số tiền (đồng)"), Some(Field::Amount(K::TroCap)));
        assert_eq!(s.find("MỨC HƯỞNG"), Some(Field::Amount(K::TroCap)));
        // the replaced list is gone
        assert_eq!(s.find("Trợ cấp"), None);
        assert_eq!(s.find("Họ và tên"), Some(Field::FullName));
    }

    #[test]
    fn bad_configuration_is_refused_with_the_keys_named() {
        let mut o = BTreeMap::new();
        o.insert("ho_ten".to_owned(), vec!["Tên".to_owned()]);
        o.insert("phone".to_owned(), vec!["ĐT".to_owned()]);
        o.insert("amount".to_owned(), vec![]);
        assert_eq!(
            Synonyms::with_overrides(&o).unwrap_err(),
            SynonymsError::UnknownFields {
                keys: vec!["amount".into(), "ho_ten".into()]
            }
        );
        let mut o = BTreeMap::new();
        o.insert("note".to_owned(), vec![" ".to_owned()]);
        assert_eq!(
            Synonyms::with_overrides(&o).unwrap_err(),
            SynonymsError::EmptyList { key: "note".into() }
        );
        let mut o = BTreeMap::new();
        o.insert("note".to_owned(), vec!["Họ tên".to_owned()]);
        assert!(matches!(
            Synonyms::with_overrides(&o),
            Err(SynonymsError::SameText { .. })
        ));
    }
}
