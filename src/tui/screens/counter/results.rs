//! The counter's result list: who each person found is, in columns that
//! fit the window, the chosen row in reverse video.
//!
//! A row carries what the clerk tells people apart by and what is to pay:
//! name, birth year, hamlet, ID number, and the unpaid total, or in its
//! place the month's state when nothing can be paid (đã chi, tạm dừng,
//! đã giảm; for a deceased person "đã mất", and "chi thừa kế" while
//! something is owed, which their heir collects). "Chưa chi" is not
//! written on every row: the amount says it.
//! The category is on the person's file, one Enter away.
//!
//! The list shows [`ROWS`] people at a time (PgUp/PgDn turn a page of as
//! many): a new list is sent whole to the clerk's terminal on every key
//! that changes it, and ten rows of Vietnamese names stay under 1 KB on the
//! wire (`cargo bench --bench screen`). Every text from the database goes
//! through `for_display`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::{Lang, labels};
use crate::service::counter::{MonthState, SearchHit};
use crate::text::for_display;
use crate::tui::theme::Theme;
use crate::tui::widgets::fit::{fit, width};
use crate::tui::widgets::select::{PAGE, first_visible};

/// Most rows of people shown at once: one page.
pub(super) const ROWS: usize = PAGE;

/// Widest a hamlet is shown, so that the row stays short on the wire.
const HAMLET_MAX: usize = 18;

/// Column widths of the result list in `w` columns: fixed columns for the
/// year, ID number and amount; the rest shared by name and hamlet as their
/// texts need. When they do not both fit, the hamlet is cut first (the
/// name is what the clerk reads); any room left goes to the amount.
pub(super) struct Columns {
    name: usize,
    year: usize,
    hamlet: usize,
    id: usize,
    amount: usize,
}

/// The hamlet is cut to no fewer columns than this before the name is.
const HAMLET_LEAST: usize = 8;

impl Columns {
    pub(super) fn for_hits(lang: Lang, w: u16, hits: &[SearchHit]) -> Columns {
        let s = lang.strings();
        let need = |header: &str, text: &dyn Fn(&SearchHit) -> usize| {
            hits.iter().map(text).max().unwrap_or(0).max(width(header))
        };
        let (year, id) = (4, 12);
        let amount = need(s.col_unpaid, &|h| width(&owed(lang, h)));
        let gaps = 4;
        let flex = usize::from(w).saturating_sub(year + id + amount + gaps);
        let mut name = need(s.col_name, &|h| width(&for_display(&h.person.full_name)));
        let mut hamlet = need(s.col_hamlet, &|h| {
            h.person
                .hamlet
                .as_deref()
                .map_or(0, |t| width(&for_display(t)))
        })
        .min(HAMLET_MAX);
        if name + hamlet > flex {
            hamlet = flex.saturating_sub(name).max(HAMLET_LEAST).min(hamlet);
            name = flex.saturating_sub(hamlet);
        }
        // Room to spare goes before the amount, which ends at the right
        // edge as money columns do.
        Columns {
            name,
            year,
            hamlet,
            id,
            amount: amount + flex.saturating_sub(name + hamlet),
        }
    }

    fn cells(&self, texts: [&str; 5]) -> String {
        let widths = [self.name, self.year, self.hamlet, self.id];
        let mut out = String::new();
        for (text, w) in texts.iter().zip(widths) {
            let t = fit(text, w);
            out.push_str(&t);
            out.push_str(&" ".repeat(w - width(&t) + 1));
        }
        let amount = fit(texts[4], self.amount);
        out.push_str(&" ".repeat(self.amount - width(&amount)));
        out.push_str(&amount);
        out
    }

    pub(super) fn header(&self, lang: Lang, theme: &Theme) -> Line<'static> {
        let s = lang.strings();
        Line::from(Span::styled(
            self.cells([s.col_name, s.col_year, s.col_hamlet, s.col_id, s.col_unpaid]),
            theme.heading(),
        ))
    }

    fn row(&self, lang: Lang, hit: &SearchHit) -> String {
        let p = &hit.person;
        let year = p.birth_year.map(|y| y.to_string()).unwrap_or_default();
        self.cells([
            &for_display(&p.full_name),
            &year,
            &for_display(p.hamlet.as_deref().unwrap_or("")),
            &for_display(p.id_number.as_deref().unwrap_or("—")),
            &owed(lang, hit),
        ])
    }
}

/// The last column: what is owed and can be paid, or the month's state
/// when nothing can ("—" when nothing is due at all).
fn owed(lang: Lang, hit: &SearchHit) -> String {
    match hit.state {
        MonthState::Unpaid if !hit.unpaid_total.is_zero() => hit.unpaid_total.format_plain(),
        MonthState::Unpaid | MonthState::NothingDue => "—".to_string(),
        state => {
            labels::person_month_state(lang, state, hit.person.status, !hit.unpaid_total.is_zero())
                .to_string()
        }
    }
}

/// The result rows, the chosen one in reverse video, scrolled so it shows:
/// at most [`ROWS`] of them.
pub(super) fn draw_hits(
    lang: Lang,
    frame: &mut Frame,
    area: Rect,
    hits: &[SearchHit],
    selected: usize,
    cols: &Columns,
    theme: &Theme,
) {
    let height = usize::from(area.height).min(ROWS);
    let start = first_visible(selected, height);
    let buf = frame.buffer_mut();
    for (n, hit) in hits.iter().enumerate().skip(start).take(height) {
        let y = area.y + u16::try_from(n - start).unwrap_or(0);
        let style = if n == selected {
            theme.selected()
        } else {
            theme.text()
        };
        buf.set_stringn(
            area.x,
            y,
            cols.row(lang, hit),
            usize::from(area.width),
            style,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(name: &str, hamlet: &str, category: &str) -> SearchHit {
        use crate::domain::payment::PayMethod;
        use crate::domain::person::{Person, Status};
        use crate::service::counter::MonthState;
        SearchHit {
            person: Person {
                id: 1,
                record_code: "HD-1".into(),
                full_name: name.into(),
                birth_year: Some(1950),
                gender: None,
                id_number: None,
                phone: None,
                hamlet: Some(hamlet.into()),
                address: None,
                category: Some(category.into()),
                pay_method: PayMethod::Cash,
                account_no: None,
                account_bank: None,
                status: Status::Active,
                status_note: None,
                status_since: None,
            },
            state: MonthState::Unpaid,
            unpaid_total: crate::domain::Money::ZERO,
            through: None,
        }
    }

    #[test]
    fn columns_fill_the_width_and_fit_what_they_show() {
        let hits = [
            hit("Nguyễn Văn An", "Thôn Đông", "Thương binh"),
            hit("Nguyễn Thị Dung", "Thôn Tây", "Bệnh binh"),
        ];
        for w in [78u16, 118] {
            let c = Columns::for_hits(Lang::Vi, w, &hits);
            let total = c.name + c.year + c.hamlet + c.id + c.amount + 4;
            assert_eq!(total, usize::from(w));
            assert_eq!(c.hamlet, 9, "nothing cut");
        }
    }

    #[test]
    fn the_hamlet_is_cut_before_the_name() {
        let long = "Tổ dân phố Thai Dương Hạ Đông";
        let hits = [hit("Tôn Nữ Thị Phương Thảo Nguyên", long, "")];
        // At most HAMLET_MAX columns, even with room to spare.
        let c = Columns::for_hits(Lang::Vi, 78, &hits);
        assert_eq!((c.name, c.hamlet), (29, 18));
        assert_eq!(c.amount, 78 - 4 - 12 - 4 - 29 - 18);
        // Short of room: the hamlet gives way down to a few letters, then
        // the name.
        let c = Columns::for_hits(Lang::Vi, 60, &hits);
        assert_eq!((c.name, c.hamlet), (24, 8));
        // A name that fits is never cut for a long hamlet.
        let hits = [hit("Nguyễn Đức Phúc", long, "")];
        let c = Columns::for_hits(Lang::Vi, 60, &hits);
        assert_eq!((c.name, c.hamlet), (15, 17));
    }

    #[test]
    fn a_row_says_what_is_owed_or_why_nothing_can_be_paid() {
        use crate::domain::Money;
        let mut owing = hit("Nguyễn Văn An", "Thôn Đông", "Thương binh");
        owing.unpaid_total = Money::from_dong(5_578_000);
        let mut paid = hit("Lê Thị Hoa", "Thôn Tây", "Bệnh binh");
        paid.state = MonthState::Paid;
        let mut stopped = hit("Trần Văn Cúc", "Thôn Tây", "Bệnh binh");
        stopped.state = MonthState::Suspended;
        stopped.unpaid_total = Money::from_dong(2_789_000);
        let hits = [owing, paid, stopped];
        let c = Columns::for_hits(Lang::Vi, 78, &hits);
        let rows: Vec<String> = hits.iter().map(|h| c.row(Lang::Vi, h)).collect();
        assert!(rows[0].ends_with(" 5.578.000"), "{}", rows[0]);
        assert!(rows[1].ends_with(" đã chi"), "{}", rows[1]);
        assert!(rows[2].ends_with(" tạm dừng"), "{}", rows[2]);
        for row in &rows {
            assert_eq!(width(row), 78);
            assert!(!row.contains("chưa chi") && !row.contains("binh"), "{row}");
        }
    }
}
