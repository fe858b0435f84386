//! The counter: the clerk's main screen after signing in. One search field,
//! searched as the clerk types (an ID number, a record code or name words,
//! without diacritics if they like); the results show who each person is and
//! this month's state; Enter opens the chosen person ([`super::person`]).
//!
//! A barcode scanner types the ID digits and Enter, so scanning an ID card
//! opens that person's file at once (a whole ID number finds one person,
//! listed first). A whole ID number typed by hand opens the file by itself
//! once typing pauses (a quarter of a second), without Enter; coming back
//! from that file with Esc does not open it again until the search changes.
//! Opened by their whole ID number, the file counts that
//! number as the check of the person's card when they collect themself.
//! The last six digits or more of an ID number find a person too, and so
//! does a record code typed without its dash or as its number alone.
//!
//! Under the results, a short line says whether the clerk's drawer can pay
//! cash today (opened by the supervisor, or already counted), read when the
//! screen opens and each time the clerk comes back to it, so a cash
//! payment is not found impossible only at its last step.
//!
//! The month of each person found (what is unpaid) is read only for the
//! rows the list shows, when they come into view.
//!
//! The screen is drawn on every key over slow links, so it writes little:
//! the chosen row is reverse video (no background colours), and a row that
//! did not change is not sent again (ratatui sends only changed cells). The
//! result list's columns are laid out in `results.rs`.
//!
//! Coming back from a person's file with Esc, the search is kept and shown
//! selected: the next search typed or scanned replaces it (a card's digits
//! are never appended to a name), Enter opens the chosen person again.
//!
//! Esc empties the search; on an empty search it asks to quit. The menu
//! (PIN change, sign-out) is one key away ([`KeyList::menu`]).

use crate::i18n::Lang;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::home::Home;
use super::person::Person;
use super::{Nav, Outcome, Screen};
use crate::i18n::strings;
use crate::service::counter::{SearchHit, SearchResults};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::widgets::fit::{fit, width, wrap};
use crate::tui::widgets::input::{self, Input, InputMsg};
use crate::tui::widgets::select::{Select, SelectMsg, move_help};
use results::{Columns, draw_hits};

mod results;

/// Most results asked of the service; "more" says the list was cut.
pub const LIMIT: usize = 30;

/// Result rows taken to fit before the list was first drawn: a page.
const ROWS_BEFORE_DRAWN: usize = results::ROWS;

/// The counter screen.
pub struct Counter {
    query: Input,
    /// The query the results are for (what was searched, after trimming).
    searched: String,
    /// The people found whose month was read, from the top of the list.
    results: SearchResults,
    /// The people found below them, their month not read yet.
    waiting: Vec<crate::domain::person::Person>,
    /// Who found the waiting people found through a proxy's number.
    waiting_through: Vec<(i64, crate::service::counter::Through)>,
    /// Result rows the last drawing had room for.
    rows_shown: std::cell::Cell<usize>,
    select: Select,
    /// The signed-in clerk's drawer today: (opened, counted), when known.
    drawer: Option<(bool, bool)>,
    /// The search a person was last opened from, so that coming back to
    /// the same search does not open them again by itself.
    opened_from: Option<String>,
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
            waiting: Vec::new(),
            waiting_through: Vec::new(),
            rows_shown: std::cell::Cell::new(ROWS_BEFORE_DRAWN),
            select: Select::new(0),
            drawer: None,
            opened_from: None,
        }
    }

    /// The counter of the clerk signed in, with their drawer's state.
    pub fn signed_in(ctx: &Ctx) -> Counter {
        let mut counter = Counter::new();
        counter.read_drawer(ctx);
        counter
    }

    /// The drawer's state as the line under the results shows it:
    /// (opened, counted).
    pub fn drawer(&self) -> Option<(bool, bool)> {
        self.drawer
    }

    /// Reads the drawer's state again (a float may have been given since).
    fn read_drawer(&mut self, ctx: &Ctx) {
        self.drawer = ctx.session.as_ref().and_then(|session| {
            let (opened, count) = ctx.service.drawer_state(session).ok()?;
            Some((opened, count.is_some()))
        });
    }

    /// The search as typed.
    pub fn query(&self) -> &str {
        self.query.value()
    }

    /// The people found whose month was read (those shown and the rows
    /// above them), in the order shown.
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
        self.results = SearchResults::default();
        self.waiting = Vec::new();
        self.waiting_through = Vec::new();
        if !query.is_empty() {
            // The month of a page's rows comes with the search; further
            // rows' as the choice reaches them (`read_months`).
            match ctx
                .service
                .search_page(&query, LIMIT, self.rows_shown.get())
            {
                Ok(page) => {
                    self.results = page.results;
                    self.waiting = page.rest;
                    self.waiting_through = page.rest_through;
                }
                Err(e) => ctx.error(&e),
            }
        }
        if query != self.searched {
            self.select = Select::new(0);
        }
        self.select.set_len(self.found());
        self.searched = query;
        self.read_months(ctx);
    }

    /// How many people were found.
    fn found(&self) -> usize {
        self.results.hits.len() + self.waiting.len()
    }

    /// Reads the month of the people found down to the last row the list
    /// shows (the chosen row at the bottom of the list once it is past the
    /// first screen).
    fn read_months(&mut self, ctx: &mut Ctx) {
        let need = (self.select.selected() + 1).max(self.rows_shown.get());
        let n = need
            .saturating_sub(self.results.hits.len())
            .min(self.waiting.len());
        if n == 0 {
            return;
        }
        let people: Vec<crate::domain::person::Person> = self.waiting.drain(..n).collect();
        match ctx.service.hits_of(people.clone(), &self.waiting_through) {
            Ok(hits) => self.results.hits.extend(hits),
            Err(e) => {
                ctx.error(&e);
                self.waiting.splice(0..0, people);
            }
        }
    }

    /// Whether the search is a whole CCCD number (its groups of digits may
    /// be typed apart) that exactly one person has, the first row; or, when
    /// nobody has it, that is the card of a proxy or guardian on file for
    /// exactly one person, the first row: what opens by itself once the
    /// clerk stops typing.
    fn whole_id_found(&self) -> bool {
        let digits = id_digits(&self.searched);
        // Twelve digits, a CCCD's: a 9-digit CMND is also the start of a
        // CCCD being typed, and a pause there must not open another file.
        let whole = digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit());
        let Some(first) = self.results.hits.first().filter(|_| whole) else {
            return false;
        };
        let has = |h: &&SearchHit| h.person.id_number.as_deref() == Some(digits.as_str());
        let theirs = self.results.hits.iter().filter(has).count();
        if theirs > 0 {
            return theirs == 1 && has(&first);
        }
        let through = |h: &&SearchHit| h.through.is_some();
        through(&first) && self.results.hits.iter().filter(through).count() == 1
    }

    /// Opens the chosen person. `fresh`: the search was typed (or scanned)
    /// for this opening, not left from one before: only then is a whole ID
    /// number in it the card in front of the clerk, checked already.
    fn open(&mut self, ctx: &mut Ctx, fresh: bool) -> Nav {
        let chosen = self.select.selected();
        let person = match self.results.hits.get(chosen) {
            Some(hit) => Some(&hit.person),
            None => self.waiting.get(chosen - self.results.hits.len()),
        };
        let Some(person) = person else {
            if !self.searched.is_empty() {
                ctx.info(ctx.lang().strings().counter_nobody_to_open);
            }
            return Nav::Stay;
        };
        let digits = if fresh {
            id_digits(&self.searched)
        } else {
            String::new()
        };
        match ctx.service.person_view(person.id) {
            Ok(view) => {
                self.opened_from = Some(self.searched.clone());
                Nav::push(Person::found_by(view, &digits))
            }
            Err(e) => {
                ctx.error(&e);
                Nav::Stay
            }
        }
    }
}

/// The search as an ID number read off a card: the spaces, dots and dashes
/// a clerk may type between groups of digits left out.
fn id_digits(searched: &str) -> String {
    searched
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .collect()
}

/// What is searched for: the text before a "|" (a CCCD's QR code, read by a
/// scanner, starts with the 12 digits and then "|"), trimmed.
fn search_text(typed: &str) -> &str {
    typed.split('|').next().unwrap_or("").trim()
}

impl Screen for Counter {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().counter_title.to_string()
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
                    self.opened_from = None;
                    self.search(ctx);
                    if self.query.is_empty() {
                        self.read_drawer(ctx);
                    }
                }
                Nav::Stay
            }
            Msg::Move(m) => {
                self.select.update(m);
                self.read_months(ctx);
                Nav::Stay
            }
            Msg::Open => {
                let fresh = self.opened_from.as_deref() != Some(self.searched.as_str());
                self.open(ctx, fresh)
            }
            Msg::Menu => Nav::push(Home::new(
                ctx.session.as_ref().is_some_and(|s| s.is_supervisor()),
            )),
        }
    }

    fn waits_for_pause(&self) -> bool {
        self.whole_id_found() && self.opened_from.as_deref() != Some(self.searched.as_str())
    }

    /// A whole ID number that one person has opens that person once the
    /// clerk stops typing: no Enter needed. An Enter typed straight after
    /// the last digit (or a scanner's) opens them as before.
    fn on_pause(&mut self, ctx: &mut Ctx) -> Nav {
        if !self.whole_id_found() {
            return Nav::Stay;
        }
        // Once per search, even if the file cannot be read: the pause
        // does not ask again and again (Enter still does).
        self.opened_from = Some(self.searched.clone());
        self.select = Select::new(0);
        self.select.set_len(self.found());
        self.open(ctx, true)
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        match outcome {
            Outcome::NextPerson => {
                self.query.clear();
                self.opened_from = None;
            }
            Outcome::Search(text) => self.query.set_value(&text),
            // Back from the file: the next search replaces this one.
            _ => self.query.select_all(),
        }
        // What was shown may have changed (a payment, another clerk's, a
        // float or a count).
        self.search(ctx);
        self.read_drawer(ctx);
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
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
        // The drawer's state, on the right of the status line.
        let mut status_w = w;
        if let Some((opened, counted)) = self.drawer {
            let text = strings::drawer_short(view.lang, opened, counted);
            let tw = u16::try_from(width(text)).unwrap_or(w).min(w);
            let style = if opened && !counted {
                theme.key()
            } else {
                theme.error()
            };
            frame
                .buffer_mut()
                .set_stringn(x + w - tw, status_y, text, usize::from(tw), style);
            status_w = w.saturating_sub(tw + 2);
        }
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
        if self.found() == 0 {
            let text = strings::counter_nobody(view.lang, &for_display(&self.searched));
            // Wrapped, never cut: the advice is at its end.
            for (y, line) in (list.y..list.bottom()).zip(wrap(&text, usize::from(w))) {
                buf.set_stringn(x, y, &line, usize::from(w), theme.text());
            }
            return;
        }
        let cols = Columns::for_hits(view.lang, w, &self.results.hits);
        buf.set_line(x, list.y, &cols.header(view.lang, theme), w);
        let rows = Rect::new(x, list.y + 1, w, list.height.saturating_sub(1));
        self.rows_shown
            .set(usize::from(rows.height).min(results::ROWS));
        draw_hits(
            view.lang,
            frame,
            rows,
            &self.results.hits,
            self.select.selected(),
            &cols,
            theme,
        );
        let chosen = self.results.hits.get(self.select.selected());
        let status = if let Some(t) = chosen.and_then(|h| h.through.as_ref()) {
            strings::counter_found_through(view.lang, t)
        } else if self.results.more {
            s.counter_more.to_string()
        } else {
            strings::counter_found(view.lang, self.found())
        };
        frame.buffer_mut().set_stringn(
            x,
            status_y,
            fit(&status, usize::from(status_w)),
            usize::from(status_w),
            theme.key(),
        );
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let mut items = vec![
            KeyHelp::new(&keys.enter, s.key_counter_open).short(s.short_open_person),
            move_help(keys, s, s.key_counter_move),
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
}
