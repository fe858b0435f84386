//! A day and a hash as the report writes them for reading on paper; the
//! Excel sheet writes them the same way.

use crate::i18n::{Lang, lang};
use crate::text::for_display;

/// "ngày 03 tháng 12 năm 2026" for the stored day "2026-12-03", as
/// Vietnamese official documents write a date: a day below 10 and the
/// months 1 and 2 take a leading zero. In English: "3 December 2026".
/// A day that is not "YYYY-MM-DD" is returned as it is.
pub fn written_date(day: &str) -> String {
    let parts = (
        day.get(0..4).and_then(|y| y.parse::<u32>().ok()),
        day.get(5..7).and_then(|m| m.parse::<u32>().ok()),
        day.get(8..10).and_then(|d| d.parse::<u32>().ok()),
    );
    let (Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) = parts else {
        return for_display(day).into_owned();
    };
    match lang() {
        Lang::Vi => {
            let month = if m <= 2 {
                format!("{m:02}")
            } else {
                m.to_string()
            };
            format!("ngày {d:02} tháng {month} năm {y}")
        }
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            format!("{d} {} {y}", MONTHS[m as usize - 1])
        }
    }
}

/// The seal's hash in groups of four characters, eight groups a line, so
/// it can be read aloud and compared on paper.
pub fn hash_lines(hash: &str) -> Vec<String> {
    let shown = for_display(hash);
    let chars: Vec<char> = shown.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .chunks(32)
        .map(|line| {
            line.chunks(4)
                .map(|g| g.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_as_official_documents_do() {
        assert_eq!(written_date("2026-12-03"), "ngày 03 tháng 12 năm 2026");
        assert_eq!(written_date("2026-02-15"), "ngày 15 tháng 02 năm 2026");
        assert_eq!(written_date("2026-11-10"), "ngày 10 tháng 11 năm 2026");
        assert_eq!(written_date("2026-03-09"), "ngày 09 tháng 3 năm 2026");
        assert_eq!(written_date("hôm nay"), "hôm nay");
    }

    #[test]
    fn the_hash_is_grouped_for_reading_aloud() {
        let hash = "3f2a".repeat(16);
        let lines = hash_lines(&hash);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], ["3f2a"; 8].join(" "));
        assert_eq!(lines.concat().replace(' ', ""), hash);
    }
}
