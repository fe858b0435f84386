//! The counter: the clerk's main screen after signing in. One search field,
//! searched as the clerk types (an ID number, a record code or name words,
//! without diacritics if they like); the results show who each person is and
//! this month's state; Enter opens the chosen person ([`super::person`]).
//!
//! A barcode scanner types the ID digits and Enter, so scanning an ID card
//! opens the person at once when exactly that person matches.
//!
//! The screen is drawn often over slow links, so it writes little: the
//! chosen row is reverse video (no background colours), and a row that did
//! not change is not redrawn (ratatui sends only changed cells).
//!
//! Esc empties the search; on an empty search it asks to quit. The menu
//! (PIN change, sign-out) is one key away ([`KeyList::menu`]).

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::home::Home;
use super::person::Person;
use super::{Nav, Outcome, Screen};
use crate::i18n::{labels, strings};
use crate::service::counter::{SearchHit, SearchResults};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::theme::Theme;
use crate::tui::widgets::fit::{fit, width};
use crate::tui::widgets::input::{self, Input, InputMsg};
use crate::tui::widgets::select::{Select, SelectMsg, first_visible};

/// Most results asked of the service; "more" says the list was cut.
pub const LIMIT: usize = 30;

/// The counter screen.
pub struct Counter {
    query: Input,
    /// The query the results are for (what was searched, after trimming).
    searched: String,
    results: SearchResults,
    select: Select,
}

/// What a key does on the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Edit(InputMsg),
    Move(SelectMsg),
    Open,
    Menu,
}

impl Default for Counter {
    fn default() -> Counter {
        Counter::new()
    }
}

impl Counter {
    pub fn new() -> Counter {
        Counter {
            query: Input::new().max_chars(60),
            searched: String::new(),
            results: SearchResults::default(),
            select: Select::new(0),
        }
    }

    /// The search as typed.
    pub fn query(&self) -> &str {
        self.query.value()
    }

    /// The people found, in the order shown.
    pub fn hits(&self) -> &[SearchHit] {
        &self.results.hits
    }

    /// The index of the chosen row.
    pub fn selected(&self) -> usize {
        self.select.selected()
    }

    /// Searches again for what is typed; the choice goes back to the top
    /// when the query changed.
    fn search(&mut self, ctx: &mut Ctx) {
        let query = search_text(self.query.value()).to_string();
        if query.is_empty() {
            self.results = SearchResults::default();
        } else {
            match ctx.service.search(&query, LIMIT) {
                Ok(found) => self.results = found,
                Err(e) => {
                    ctx.error(&e);
                    self.results = SearchResults::default();
                }
            }
        }
        if query != self.searched {
            self.select = Select::new(0);
        }
        self.select.set_len(self.results.hits.len());
        self.searched = query;
    }

    fn open(&mut self, ctx: &mut Ctx) -> Nav {
        let Some(hit) = self.results.hits.get(self.select.selected()) else {
            if !self.searched.is_empty() {
                ctx.info(strings::t().counter_nobody_to_open);
            }
            return Nav::Stay;
        };
        match ctx.service.person_view(hit.person.id) {
            Ok(view) => Nav::push(Person::new(view)),
            Err(e) => {
                ctx.error(&e);
                Nav::Stay
            }
        }
    }
}

/// What is searched for: the text before a "|" (a CCCD's QR code, read by a
/// scanner, starts with the 12 digits and then "|"), trimmed.
fn search_text(typed: &str) -> &str {
    typed.split('|').next().unwrap_or("").trim()
}

impl Screen for Counter {
    type Msg = Msg;

    fn title(&self) -> String {
        strings::t().counter_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key_match(key, &keys.menu, true) {
            return Some(Msg::Menu);
        }
        if key_match(key, &keys.enter, true) {
            return Some(Msg::Open);
        }
        if key_match(key, &keys.back, true) {
            // Esc empties the search; on an empty one the app asks to quit.
            return (!self.query.is_empty()).then_some(Msg::Edit(InputMsg::Clear));
        }
        let moves = [
            (&keys.up, SelectMsg::Up),
            (&keys.down, SelectMsg::Down),
            (&keys.page_up, SelectMsg::PageUp),
            (&keys.page_down, SelectMsg::PageDown),
        ];
        if let Some((_, m)) = moves.iter().find(|(b, _)| key_match(key, b, true)) {
            return Some(Msg::Move(*m));
        }
        self.query.on_key(key, keys).map(Msg::Edit)
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Edit(edit) => {
                let before = self.query.value().to_string();
                self.query.update(edit);
                if self.query.value() != before {
                    self.search(ctx);
                }
                Nav::Stay
            }
            Msg::Move(m) => {
                self.select.update(m);
                Nav::Stay
            }
            Msg::Open => self.open(ctx),
            Msg::Menu => Nav::push(Home::new()),
        }
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        if outcome == Outcome::NextPerson {
            self.query.clear();
        }
        // What was shown may have changed (a payment, another clerk's).
        self.search(ctx);
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = strings::t();
        let theme = view.theme;
        if area.height < 6 {
            return;
        }
        let x = area.x + 1;
        let w = area.width.saturating_sub(2);
        // The search field.
        let label = format!("{}: [", s.counter_search_label);
        let buf = frame.buffer_mut();
        let (fx, _) = buf.set_stringn(x, area.y + 1, &label, usize::from(w), theme.heading());
        let field_w = (x + w).saturating_sub(fx + 1).min(60);
        buf.set_stringn(fx + field_w, area.y + 1, "]", 1, theme.heading());
        self.query.draw(
            frame,
            Rect::new(fx, area.y + 1, field_w, 1),
            theme.text(),
            view.focused,
        );

        let list = Rect::new(x, area.y + 3, w, area.height.saturating_sub(4));
        let status_y = area.bottom() - 1;
        let buf = frame.buffer_mut();
        if self.searched.is_empty() {
            for (i, line) in [s.counter_hint, s.counter_hint_keys].iter().enumerate() {
                let y = list.y + u16::try_from(i).unwrap_or(0);
                buf.set_stringn(
                    x,
                    y,
                    fit(line, usize::from(w)),
                    usize::from(w),
                    theme.text(),
                );
            }
            return;
        }
        if self.results.hits.is_empty() {
            let text = strings::counter_nobody(&for_display(&self.searched));
            buf.set_stringn(
                x,
                list.y,
                fit(&text, usize::from(w)),
                usize::from(w),
                theme.text(),
            );
            return;
        }
        let cols = Columns::for_hits(w, &self.results.hits);
        buf.set_line(x, list.y, &cols.header(theme), w);
        let rows = Rect::new(x, list.y + 1, w, list.height.saturating_sub(1));
        draw_hits(
            frame,
            rows,
            &self.results.hits,
            self.select.selected(),
            &cols,
            theme,
        );
        let status = if self.results.more {
            s.counter_more.to_string()
        } else {
            strings::counter_found(self.results.hits.len())
        };
        frame.buffer_mut().set_stringn(
            x,
            status_y,
            fit(&status, usize::from(w)),
            usize::from(w),
            theme.key(),
        );
    }

    fn keys(&self, keys: &KeyList) -> Vec<KeyHelp> {
        let s = strings::t();
        let mut moving = KeyHelp::keys(&format!("{}/{}", keys.up, keys.down), s.key_counter_move)
            .short(s.short_choose);
        moving.first = format!(
            "{}{}",
            KeyHelp::new(&keys.up, "").first,
            KeyHelp::new(&keys.down, "").first
        );
        let mut items = vec![
            KeyHelp::new(&keys.enter, s.key_counter_open).short(s.short_open_person),
            moving,
            KeyHelp::keys(
                &format!("{}/{}", keys.page_up, keys.page_down),
                s.key_counter_page,
            ),
            KeyHelp::new(&keys.menu, s.key_menu).short(s.short_menu),
            KeyHelp::new(&keys.back, s.key_counter_clear).short(if self.query.is_empty() {
                s.short_quit
            } else {
                s.short_clear
            }),
        ];
        items.extend(input::help(keys, s));
        items
    }

    fn typing(&self) -> bool {
        true
    }

    fn takes_char(&self, c: char) -> bool {
        // Names, ID numbers and record codes: never "?".
        c != '?'
    }
}

/// Column widths of the result list in `w` columns: fixed columns for the
/// year, ID number, state and amount; the rest shared by name, hamlet and
/// category as their texts need. When they do not all fit, the hamlet and
/// category are cut first (the name is what the clerk reads); any room
/// left goes to the name.
struct Columns {
    name: usize,
    year: usize,
    hamlet: usize,
    id: usize,
    category: usize,
    state: usize,
    amount: usize,
}

impl Columns {
    fn for_hits(w: u16, hits: &[SearchHit]) -> Columns {
        let s = strings::t();
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

    fn header(&self, theme: &Theme) -> Line<'static> {
        let s = strings::t();
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

    fn row(&self, hit: &SearchHit) -> String {
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
            labels::month_state(hit.state),
            &amount,
        ])
    }
}

/// The result rows, the chosen one in reverse video, scrolled so it shows.
fn draw_hits(
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
        buf.set_stringn(area.x, y, cols.row(hit), usize::from(area.width), style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scanned_qr_code_is_searched_by_its_id_number() {
        assert_eq!(
            search_text("046152004321|123456789|Trần Thị Bình|01011952"),
            "046152004321"
        );
        assert_eq!(search_text("  nguyen an "), "nguyen an");
    }

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
            let c = Columns::for_hits(w, &hits);
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
        let c = Columns::for_hits(78, &hits);
        assert_eq!(c.name + c.hamlet + c.category, 78 - (4 + 12 + 9 + 11) - 6);
        assert_eq!((c.name, c.hamlet, c.category), (19, 8, 9));
        // A name that fits is never cut for a long hamlet.
        let hits = [hit(
            "Nguyễn Đức Phúc",
            "Tổ dân phố Thai Dương Hạ",
            "Thương binh",
        )];
        let c = Columns::for_hits(78, &hits);
        assert_eq!((c.name, c.hamlet, c.category), (15, 11, 10));
    }
}
