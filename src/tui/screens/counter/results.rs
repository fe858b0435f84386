//! The counter's result list: who each person found is, in columns that
//! fit the window, the chosen row in reverse video.
//!
//! Fixed columns hold the birth year, ID number, this month's state and the
//! unpaid total; the name, hamlet and category share the rest as their
//! texts need. Every text from the database goes through `for_display`.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::labels;
use crate::service::counter::SearchHit;
use crate::text::for_display;
use crate::tui::theme::Theme;
use crate::tui::widgets::fit::{fit, width};
use crate::tui::widgets::select::first_visible;

/// Column widths of the result list in `w` columns: fixed columns for the
/// year, ID number, state and amount; the rest shared by name, hamlet and
/// category as their texts need. When they do not all fit, the hamlet and
/// category are cut first (the name is what the clerk reads); any room
/// left goes to the name.
pub(super) struct Columns {
    name: usize,
    year: usize,
    hamlet: usize,
    id: usize,
    category: usize,
    state: usize,
    amount: usize,
}

impl Columns {
    pub(super) fn for_hits(lang: Lang, w: u16, hits: &[SearchHit]) -> Columns {
        let s = lang.strings();
        let (year, id, state, amount) = (4, 12, 9, 11);
        let gaps = 6;
        let flex = usize::from(w).saturating_sub(year + id + state + amount + gaps);
        let need = |header: &str, text: &dyn Fn(&SearchHit) -> usize| {
            hits.iter().map(text).max().unwrap_or(0).max(width(header))
        };
        let text = |t: &Option<String>| t.as_deref().map_or(0, |t| width(&for_display(t)));
        // Name, hamlet, category.
        let mut cols = [
            need(s.col_name, &|h| width(&for_display(&h.person.full_name))),
            need(s.col_hamlet, &|h| text(&h.person.hamlet)),
            need(s.col_category, &|h| text(&h.person.category)),
        ];
        // Too wide: the hamlet and category give way first (the wider of
        // the two), down to a few letters; then the name.
        let least = [0, 8, 9];
        while cols.iter().sum::<usize>() > flex {
            let wider = if cols[2] >= cols[1] { 2 } else { 1 };
            let i = if cols[wider] > least[wider] {
                wider
            } else if cols[3 - wider] > least[3 - wider] {
                3 - wider
            } else {
                0
            };
            if cols[i] == 0 {
                break;
            }
            cols[i] -= 1;
        }
        cols[0] += flex.saturating_sub(cols.iter().sum());
        Columns {
            name: cols[0],
            year,
            hamlet: cols[1],
            id,
            category: cols[2],
            state,
            amount,
        }
    }

    fn cells(&self, texts: [&str; 7]) -> String {
        let widths = [
            self.name,
            self.year,
            self.hamlet,
            self.id,
            self.category,
            self.state,
        ];
        let mut out = String::new();
        for (text, w) in texts.iter().zip(widths) {
            let t = fit(text, w);
            out.push_str(&t);
            out.push_str(&" ".repeat(w - width(&t) + 1));
        }
        let amount = fit(texts[6], self.amount);
        out.push_str(&" ".repeat(self.amount - width(&amount)));
        out.push_str(&amount);
        out
    }

    pub(super) fn header(&self, lang: Lang, theme: &Theme) -> Line<'static> {
        let s = lang.strings();
        Line::from(Span::styled(
            self.cells([
                s.col_name,
                s.col_year,
                s.col_hamlet,
                s.col_id,
                s.col_category,
                s.col_state,
                s.col_unpaid,
            ]),
            theme.heading(),
        ))
    }

    fn row(&self, lang: Lang, hit: &SearchHit) -> String {
        let p = &hit.person;
        let year = p.birth_year.map(|y| y.to_string()).unwrap_or_default();
        let amount = if hit.unpaid_total.is_zero() {
            "—".to_string()
        } else {
            hit.unpaid_total.format_plain()
        };
        self.cells([
            &for_display(&p.full_name),
            &year,
            &for_display(p.hamlet.as_deref().unwrap_or("")),
            &for_display(p.id_number.as_deref().unwrap_or("—")),
            &for_display(p.category.as_deref().unwrap_or("")),
            labels::month_state(lang, hit.state),
            &amount,
        ])
    }
}

/// The result rows, the chosen one in reverse video, scrolled so it shows.
pub(super) fn draw_hits(
    lang: Lang,
    frame: &mut Frame,
    area: Rect,
    hits: &[SearchHit],
    selected: usize,
    cols: &Columns,
    theme: &Theme,
) {
    let height = usize::from(area.height);
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
        }
    }

    #[test]
    fn columns_fill_the_width_and_fit_what_they_show() {
        let hits = [
            hit("Nguyễn Văn An", "Thôn Đông", "Thương binh"),
            hit("Nguyễn Thị Dung", "Thôn Tây", "Bệnh binh"),
        ];
        for w in [78u16, 118] {
            let c = Columns::for_hits(crate::i18n::Lang::Vi, w, &hits);
            let total = c.name + c.year + c.hamlet + c.id + c.category + c.state + c.amount + 6;
            assert_eq!(total, usize::from(w));
            assert_eq!((c.hamlet, c.category), (9, 11), "nothing cut");
        }
    }

    #[test]
    fn hamlet_and_category_are_cut_before_the_name() {
        let hits = [hit(
            "Tôn Nữ Thị Phương Thảo Nguyên",
            "Tổ dân phố Thai Dương Hạ Đông",
            "Thân nhân liệt sĩ hưởng trợ cấp tuất",
        )];
        let c = Columns::for_hits(crate::i18n::Lang::Vi, 78, &hits);
        assert_eq!(c.name + c.hamlet + c.category, 78 - (4 + 12 + 9 + 11) - 6);
        assert_eq!((c.name, c.hamlet, c.category), (19, 8, 9));
        // A name that fits is never cut for a long hamlet.
        let hits = [hit(
            "Nguyễn Đức Phúc",
            "Tổ dân phố Thai Dương Hạ",
            "Thương binh",
        )];
        let c = Columns::for_hits(crate::i18n::Lang::Vi, 78, &hits);
        assert_eq!((c.name, c.hamlet, c.category), (15, 11, 10));
    }
}
