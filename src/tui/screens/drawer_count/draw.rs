//! Drawing the count screen ([`super::DrawerCount`]): the rows being
//! typed (never the expected amount), and the recorded count.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{LABEL_WIDTH, NOTES_WIDTH, denomination_label, difference_word, running_total};
use crate::domain::report::CountFact;
use crate::domain::{Money, in_words};
use crate::i18n::{labels, strings};
use crate::text::for_display;
use crate::tui::theme::Theme;
use crate::tui::widgets::fit::{fit, pad, right, width, wrap};
use crate::tui::widgets::form::Form;
use crate::tui::widgets::input::Input;

/// The rows of notes being typed (`rows`: denomination and notes, in the
/// form's order), the running total in figures and in words, and the
/// question when it is asked. Never the expected amount.
#[allow(clippy::too_many_arguments)]
pub(super) fn counting(
    lang: Lang,
    frame: &mut Frame,
    area: Rect,
    form: &Form,
    rows: &[(i64, i64)],
    asking: bool,
    theme: &Theme,
    show_cursor: bool,
) {
    let s = lang.strings();
    let total = running_total(rows);
    let w = usize::from(area.width);
    let mut y = area.y
        + put_lines(
            frame,
            area,
            &[
                (s.count_hint.to_string(), theme.text()),
                (String::new(), theme.text()),
            ],
        );
    let height = form.height().min(area.bottom().saturating_sub(y));
    form.draw(
        frame,
        Rect::new(area.x, y, area.width, height),
        theme,
        show_cursor,
    );
    // Beside each row: "tờ" and the row's amount. The form's row is
    // "▸ " + label + " : [" + notes + "]".
    let after = area.x + u16::try_from(2 + LABEL_WIDTH + 4).unwrap_or(0) + NOTES_WIDTH + 1;
    for (i, (d, n)) in rows.iter().enumerate() {
        let row_y = y + u16::try_from(i).unwrap_or(u16::MAX);
        if row_y >= y + height {
            break;
        }
        let amount = if *n > 0 {
            Money::from_dong(d.saturating_mul(*n)).to_string()
        } else {
            String::new()
        };
        let text = format!(" {}{}", pad(s.notes_unit, 4), right(&amount, 18));
        let room = usize::from(area.right().saturating_sub(after));
        frame
            .buffer_mut()
            .set_stringn(after, row_y, &text, room, theme.text());
    }
    y += height + 1;
    let mut lines = vec![(format!("{} {total}", s.counted_total), theme.heading())];
    for l in wrap(&format!("{} {}", s.in_words, in_words(total.dong())), w) {
        lines.push((l, theme.text()));
    }
    put_lines(
        frame,
        Rect::new(area.x, y, area.width, area.bottom().saturating_sub(y)),
        &lines,
    );
    let (ask, style) = if asking {
        (
            strings::count_question(lang, &total.to_string()),
            theme.heading(),
        )
    } else {
        (s.count_keys_hint.to_string(), theme.text())
    };
    if area.height > 0 {
        frame
            .buffer_mut()
            .set_stringn(area.x, area.bottom() - 1, fit(&ask, w), w, style);
    }
}

/// Draws `lines` from the top of `area`, each wrapped to its width if it
/// is wider (an empty line is an empty row); returns the rows used. Rows
/// past the bottom are left out.
pub(super) fn put_lines(frame: &mut Frame, area: Rect, lines: &[(String, Style)]) -> u16 {
    let w = usize::from(area.width);
    let mut y = area.y;
    for (text, style) in lines {
        // A line that fits keeps its spacing (columns); a longer one wraps.
        let wrapped = if width(text) <= w {
            vec![text.clone()]
        } else {
            wrap(text, w)
        };
        for l in wrapped {
            if y < area.bottom() {
                frame.buffer_mut().set_stringn(area.x, y, &l, w, *style);
            }
            y = y.saturating_add(1);
        }
    }
    y - area.y
}

/// The recorded count: counted, expected, difference, the notes, and the
/// reason (or the field for it).
pub(super) fn counted(
    lang: Lang,
    frame: &mut Frame,
    area: Rect,
    fact: &CountFact,
    reason: Option<&Input>,
    theme: &Theme,
    focused: bool,
) {
    let s = lang.strings();
    let label = |l: &str| pad(l, 14);
    let amount = |m: Money| right(&m.to_string(), 16);
    let mut lines = vec![
        (
            format!("{} {}", s.count_recorded_at, labels::date_time(&fact.at)),
            theme.text(),
        ),
        (String::new(), theme.text()),
        (
            format!("{}{}", label(s.counted_label), amount(fact.counted)),
            theme.heading(),
        ),
        (
            format!("{}{}", label(s.expected_label), amount(fact.expected)),
            theme.heading(),
        ),
        (
            format!(
                "{}{}  {}",
                label(s.difference_label),
                amount(fact.difference),
                difference_word(lang, fact.difference)
            ),
            if fact.difference.is_zero() {
                theme.heading()
            } else {
                theme.error()
            },
        ),
        (String::new(), theme.text()),
    ];
    // The notes, two to a row, largest first.
    let cells: Vec<String> = fact
        .notes
        .iter()
        .rev()
        .map(|(d, n)| {
            format!(
                "{} × {} = {}",
                denomination_label(*d),
                right(&n.to_string(), 4),
                right(&Money::from_dong(d.saturating_mul(*n)).to_string(), 15)
            )
        })
        .collect();
    if cells.is_empty() {
        lines.push((s.count_no_notes.to_string(), theme.text()));
    }
    for pair in cells.chunks(2) {
        lines.push((pair.join("    "), theme.text()));
    }
    lines.push((String::new(), theme.text()));
    match (reason, fact.reason.as_deref()) {
        (Some(_), _) => lines.push((s.count_reason_hint.to_string(), theme.heading())),
        (None, Some(why)) => lines.push((
            format!("{} {}", s.count_reason_given, for_display(why)),
            theme.text(),
        )),
        (None, None) => lines.push((s.count_agrees.to_string(), theme.text())),
    }
    let used = put_lines(frame, area, &lines);
    let y = area.y.saturating_add(used);
    if let Some(input) = reason
        && y < area.bottom()
    {
        let w = usize::from(area.width);
        let head = format!("▸ {} : [", s.count_reason_label);
        let (vx, _) = frame
            .buffer_mut()
            .set_stringn(area.x, y, &head, w, theme.heading());
        let room = area.right().saturating_sub(vx).saturating_sub(1);
        frame
            .buffer_mut()
            .set_stringn(vx + room, y, "]", 1, theme.text());
        input.draw(frame, Rect::new(vx, y, room, 1), theme.text(), focused);
    }
}
