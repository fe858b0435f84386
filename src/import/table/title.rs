//! The period a list's title names: "DANH SÁCH CHI TRẢ … THÁNG 11 NĂM 2026",
//! "tháng 11/2026", "Tháng 9 - 2026" → (2026, 11).
//!
//! Only a hint for the import preview; the user confirms the period. A date
//! in the title block ("ngày 25 tháng 10 năm 2026") is the date the list was
//! made, not its period, and is skipped.

use crate::text::fold;

/// (year, month) from the first title line that names one.
pub(super) fn period_hint(lines: &[String]) -> Option<(i32, u32)> {
    lines.iter().find_map(|line| period_in(&fold(line)))
}

fn period_in(folded: &str) -> Option<(i32, u32)> {
    let words: Vec<&str> = folded.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        if *w != "thang" {
            continue;
        }
        // "ngày 25 tháng 10 năm 2026" is a date.
        if i >= 2 && words[i - 2] == "ngay" {
            continue;
        }
        let Some(month) = words.get(i + 1).and_then(|m| m.parse::<u32>().ok()) else {
            continue;
        };
        let mut j = i + 2;
        if words.get(j) == Some(&"nam") {
            j += 1;
        }
        let year = words
            .get(j)
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse::<i32>().ok());
        if let Some(year) = year
            && (1..=12).contains(&month)
            && (1990..=2100).contains(&year)
        {
            return Some((year, month));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(s: &str) -> Option<(i32, u32)> {
        period_hint(&[s.to_owned()])
    }

    #[test]
    fn periods_in_the_usual_spellings() {
        assert_eq!(
            hint("DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI THÁNG 11 NĂM 2026"),
            Some((2026, 11))
        );
        assert_eq!(hint("Kỳ chi trả tháng 11/2026"), Some((2026, 11)));
        assert_eq!(hint("Tháng 9 - 2026"), Some((2026, 9)));
        assert_eq!(hint("tháng 09.2026"), Some((2026, 9)));
    }

    #[test]
    fn dates_and_nonsense_are_not_periods() {
        assert_eq!(hint("Hà Nội, ngày 25 tháng 10 năm 2026"), None);
        assert_eq!(hint("tháng 13 năm 2026"), None);
        assert_eq!(hint("Danh sách người có công"), None);
        let lines = [
            "ngày 02 tháng 10 năm 2026".to_owned(),
            "THÁNG 11 NĂM 2026".to_owned(),
        ];
        assert_eq!(period_hint(&lines), Some((2026, 11)));
    }
}
