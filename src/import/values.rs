//! What a value of a list may hold, judged on the cell's text as read,
//! before it is cleaned (cleaning turns a line break into a space and drops
//! zero-width characters, which would hide cells run together and glue a
//! name's words): a name is letters of the Latin alphabet with Vietnamese
//! diacritics, spaces, '-', '.' and apostrophes, starting with a letter; a
//! record code is ASCII letters, digits and "-/._"; an account number is
//! digits; and none of these, an ID number, a year, a month or an amount
//! holds a line break.
//!
//! Each check looks at a value's characters once, and only the short
//! values of these few columns: a list's rows cost no more than before.
//! Control and bidi characters are left to [`crate::text::clean_field`],
//! which names them.

use super::fields::Field;
use super::record::Problem;
use chrono::Datelike;

use crate::domain::PayMethod;
use crate::domain::account::AccountError;
use crate::text::fold;
use crate::text::normalize::{CharClass, char_class};

/// Marks that may stack on one letter: Vietnamese needs two at most (a
/// vowel's hat or horn, then its tone), even written decomposed.
const MAX_MARKS: usize = 2;

/// What is wrong with `raw`, a cell's text as read, for `field`, if
/// anything is: a line break where none can belong, a character a name,
/// a record code or an account number does not hold.
pub fn raw_problem(field: Field, raw: &str) -> Option<Problem> {
    let no_breaks = matches!(
        field,
        Field::FullName
            | Field::RecordCode
            | Field::IdNumber
            | Field::BirthYear
            | Field::FromMonth
            | Field::Amount(_)
            | Field::RowTotal
            | Field::OldAmount
            | Field::NewAmount
            | Field::Account
    );
    if no_breaks && raw.contains(['\n', '\r']) {
        return Some(Problem::LineBreak { field });
    }
    match field {
        Field::FullName => name_problem(raw),
        Field::RecordCode => code_problem(raw),
        // Cleaning would make a tab a space, which an account may hold.
        Field::Account => raw
            .contains('\t')
            .then_some(Problem::Account(AccountError::NonDigit { ch: '\t' })),
        _ => None,
    }
}

/// A letter of a Vietnamese name: Latin, with its diacritics precomposed.
fn is_name_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (('\u{C0}'..='\u{24F}').contains(&c) && c != '\u{D7}' && c != '\u{F7}')
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

fn name_problem(raw: &str) -> Option<Problem> {
    // Cells run together (a stray quote, a separator) say so first.
    if let Some(c) = raw
        .chars()
        .find(|c| c.is_ascii_digit() || matches!(c, ';' | ',' | '\t' | '"'))
    {
        return Some(Problem::NameChar(c));
    }
    if raw.eq_ignore_ascii_case("TRUE") || raw.eq_ignore_ascii_case("FALSE") {
        return Some(Problem::NameIsValue(raw.to_string()));
    }
    if has_control(raw) {
        return None;
    }
    let mut marks = 0;
    for (i, c) in raw.chars().enumerate() {
        if is_name_letter(c) {
            marks = 0;
            continue;
        }
        if i == 0 {
            return Some(Problem::NameStart(c));
        }
        match c {
            '\u{300}'..='\u{36F}' => {
                marks += 1;
                if marks > MAX_MARKS {
                    return Some(Problem::StackedMarks);
                }
            }
            ' ' | '\u{A0}' | '-' | '.' | '\'' | '\u{2018}' | '\u{2019}' | '\u{2BC}' => marks = 0,
            c => return Some(Problem::NameChar(c)),
        }
    }
    None
}

fn code_problem(raw: &str) -> Option<Problem> {
    if has_control(raw) {
        return None;
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | '_' | ' ');
    match raw.chars().next() {
        Some(c) if !c.is_ascii_alphanumeric() => Some(Problem::CodeChar(c)),
        _ => raw.chars().find(|&c| !allowed(c)).map(Problem::CodeChar),
    }
}

/// Whether `raw` holds a control or bidi character: the cleaning refuses
/// those, naming the character and where it is.
fn has_control(raw: &str) -> bool {
    !raw.is_ascii()
        && raw
            .chars()
            .any(|c| c.is_control() || char_class(c) == CharClass::Format)
        || raw.bytes().any(|b| b.is_ascii_control())
}

/// A birth year from "1948", "12/05/1948", "05/1948" or "1948-05-12".
pub fn parse_birth_year(s: &str) -> Option<i32> {
    let year = s
        .split(|c: char| !c.is_ascii_digit())
        .find(|p| p.len() == 4)?
        .parse::<i32>()
        .ok()?;
    (1880..=this_year()).contains(&year).then_some(year)
}

/// The current year, read once: a list is checked against one year.
fn this_year() -> i32 {
    static YEAR: std::sync::OnceLock<i32> = std::sync::OnceLock::new();
    *YEAR.get_or_init(|| chrono::Local::now().year())
}

/// A payment method as lists write it.
pub fn pay_method_from_text(s: &str) -> Option<PayMethod> {
    // Whole words only: "vi" (ví, a wallet) must not match inside "viên".
    let folded = fold(s);
    let words: Vec<&str> = folded.split(' ').collect();
    let has = |phrases: &[&[&str]]| {
        phrases
            .iter()
            .any(|want| words.windows(want.len()).any(|w| w == *want))
    };
    if has(&[&["tai", "nha"]]) {
        Some(PayMethod::Home)
    } else if has(&[&["vi"], &["tai", "khoan", "so"], &["money"], &["mobile"]]) {
        Some(PayMethod::Wallet)
    } else if has(&[
        &["ngan", "hang"],
        &["chuyen", "khoan"],
        &["atm"],
        &["tai", "khoan"],
        &["tk"],
    ]) {
        Some(PayMethod::Bank)
    } else if has(&[&["tien", "mat"], &["tai", "quay"], &["tm"]]) {
        Some(PayMethod::Cash)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birth_years_are_read_from_dates_too() {
        assert_eq!(parse_birth_year("1948"), Some(1948));
        assert_eq!(parse_birth_year("12/05/1948"), Some(1948));
        assert_eq!(parse_birth_year("1948-05-12"), Some(1948));
        assert_eq!(parse_birth_year("05/1948"), Some(1948));
        assert_eq!(parse_birth_year("48"), None);
        assert_eq!(parse_birth_year("1848"), None);
        assert_eq!(parse_birth_year("3000"), None);
    }

    #[test]
    fn payment_methods_are_read_as_lists_write_them() {
        assert_eq!(pay_method_from_text("Tiền mặt"), Some(PayMethod::Cash));
        assert_eq!(pay_method_from_text("Chi tại nhà"), Some(PayMethod::Home));
        assert_eq!(
            pay_method_from_text("Chuyển khoản ATM"),
            Some(PayMethod::Bank)
        );
        assert_eq!(
            pay_method_from_text("Tài khoản số"),
            Some(PayMethod::Wallet)
        );
        assert_eq!(
            pay_method_from_text("Ví Viettel Money"),
            Some(PayMethod::Wallet)
        );
        assert_eq!(pay_method_from_text("???"), None);
    }

    fn name(s: &str) -> Option<Problem> {
        raw_problem(Field::FullName, s)
    }

    #[test]
    fn names_are_letters_spaces_hyphens_dots_and_apostrophes() {
        for ok in [
            "Nguyễn Thị Thu-Hà",
            "H'Hen Niê",
            "Lê Văn A. Cúc",
            "NGUYỄN VĂN AN",
            "Nguye\u{302}\u{303}n Văn An",
            "Đỗ Thị\u{A0}Khoảng",
            "Y Nguyễn Kpă’Ng",
        ] {
            assert_eq!(name(ok), None, "{ok}");
        }
        for (bad, want) in [
            ("=cmd|' /C calc'!A", Problem::NameStart('=')),
            ("=NOW()", Problem::NameStart('=')),
            ("@SUM(A:A)", Problem::NameStart('@')),
            ("+Nguyễn Văn Cộng", Problem::NameStart('+')),
            ("-Trần Văn Trừ", Problem::NameStart('-')),
            ("#REF!", Problem::NameStart('#')),
            ("TRUE", Problem::NameIsValue("TRUE".into())),
            ("false", Problem::NameIsValue("false".into())),
            ("Lê Văn \u{FFFD}", Problem::NameChar('\u{FFFD}')),
            ("\u{3164}", Problem::NameStart('\u{3164}')),
            ("Lê \u{3164} Tí", Problem::NameChar('\u{3164}')),
            ("Lê\u{200B}Văn\u{200D}Tí", Problem::NameChar('\u{200B}')),
            ("Рhаn Hữu Minh Thọ", Problem::NameStart('Р')),
            ("Phan Hữu Minh Thọ а", Problem::NameChar('а')),
            ("Nguyễn Văn אבג", Problem::NameChar('א')),
            ("Lê Văn\u{2028}Dòng", Problem::NameChar('\u{2028}')),
            ("Lê (Văn) Tí", Problem::NameChar('(')),
            ("Nguyễn Văn 2", Problem::NameChar('2')),
        ] {
            assert_eq!(name(bad), Some(want), "{bad:?}");
        }
        let stacked = format!("Nguyễn{} Văn Dị", "\u{301}\u{300}\u{309}".repeat(20));
        assert_eq!(name(&stacked), Some(Problem::StackedMarks));
        // Control and bidi characters are the cleaning's to name.
        assert_eq!(name("Lê Văn\u{1b}[J Cúc"), None);
        assert_eq!(name("Lê Văn\u{202E}Cúc"), None);
    }

    #[test]
    fn record_codes_are_ascii() {
        for ok in ["HD-00001", "TB/1234", "hs.2019_01", "12345", "BB 12"] {
            assert_eq!(raw_problem(Field::RecordCode, ok), None, "{ok}");
        }
        for (bad, ch) in [
            ("НD-00001", 'Н'),
            ("HD-0000１", '１'),
            ("=1+2", '='),
            ("HD-\u{200B}001", '\u{200B}'),
            ("-HD1", '-'),
        ] {
            assert_eq!(
                raw_problem(Field::RecordCode, bad),
                Some(Problem::CodeChar(ch)),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_account_holds_no_line_break_or_tab() {
        assert_eq!(
            raw_problem(Field::Account, "12345\n67890"),
            Some(Problem::LineBreak {
                field: Field::Account
            })
        );
        assert_eq!(
            raw_problem(Field::Account, "12345\t678"),
            Some(Problem::Account(AccountError::NonDigit { ch: '\t' }))
        );
        assert_eq!(raw_problem(Field::Account, "0071 000 123"), None);
    }
}
