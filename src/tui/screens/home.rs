//! The main menu, for clerks and supervisors alike, opened from the counter
//! (the first screen after signing in) with the menu key. It lists only
//! what works; an entry is opened with ↑/↓ and Enter, or at once by its
//! number.
//!
//! Entries by role: a clerk has the counter, the count of their own drawer
//! at the end of the shift, the PIN change and signing out. A supervisor
//! (who also has a drawer) has those and the cash drawers, the day report
//! and its close, and the integrity check. The service checks the role
//! again in any case.
//!
//! To add an entry: add a variant to [`Entry`] and to [`Entry::ALL`], its
//! label in `strings/`, whether it is for supervisors only in
//! [`Entry::supervisor_only`], and what it opens in [`Home::open`]. Put the
//! entry a clerk uses most first: its number is 1.

use crate::i18n::Lang;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::change_pin::ChangePin;
use super::counter::Counter;
use super::day_close::DayClose;
use super::drawer_count::DrawerCount;
use super::drawers::Drawers;
use super::verify::VerifyView;
use super::{Nav, Screen};
use crate::i18n::strings::Strings;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::choice_list::{ChoiceList, ChoiceMsg};

/// An entry of the menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Counter,
    /// The clerk's own drawer, counted blind at the end of the shift.
    CountDrawer,
    /// Cash handed to and taken from the drawers (supervisor).
    Drawers,
    /// The day report and the close (supervisor).
    DayClose,
    /// `verify` on screen (supervisor).
    Verify,
    ChangePin,
    SignOut,
    /// The plan's lists and the cashless share.
    Lists,
    /// Home rounds: made and issued by a supervisor, outcomes by the postman.
    Rounds,
    /// The month: unpaid reasons, the signing list, the period's close
    /// (supervisor).
    Month,
}

impl Entry {
    /// Every entry, in menu order.
    pub const ALL: [Entry; 10] = [
        Entry::Counter,
        Entry::CountDrawer,
        Entry::Drawers,
        Entry::DayClose,
        Entry::Verify,
        Entry::ChangePin,
        Entry::SignOut,
        Entry::Lists,
        Entry::Month,
        Entry::Rounds,
    ];

    pub fn label(self, lang: Lang, s: &Strings) -> &'static str {
        match self {
            Entry::Counter => s.entry_counter,
            Entry::CountDrawer => s.entry_count_drawer,
            Entry::Drawers => s.entry_drawers,
            Entry::DayClose => s.entry_day_close,
            Entry::Verify => s.entry_verify,
            Entry::Lists => crate::i18n::register::form_words(lang).lists_menu,
            Entry::Rounds => crate::i18n::rounds::screen_words(lang).menu_entry,
            Entry::Month => crate::i18n::month_screens::menu_entry(lang),
            Entry::ChangePin => s.entry_change_pin,
            Entry::SignOut => s.entry_sign_out,
        }
    }

    /// Whether only a supervisor sees the entry.
    pub fn supervisor_only(self) -> bool {
        matches!(
            self,
            Entry::Drawers | Entry::DayClose | Entry::Verify | Entry::Month
        )
    }
}

/// The main menu.
pub struct Home {
    entries: Vec<Entry>,
    list: ChoiceList,
}

impl Default for Home {
    /// A clerk's menu.
    fn default() -> Home {
        Home::new(false)
    }
}

impl Home {
    /// The menu of a supervisor, or of a clerk.
    pub fn new(supervisor: bool) -> Home {
        let entries: Vec<Entry> = Entry::ALL
            .into_iter()
            .filter(|e| supervisor || !e.supervisor_only())
            .collect();
        Home {
            list: ChoiceList::new(entries.len()),
            entries,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    fn open(&mut self, entry: Entry, ctx: &mut Ctx) -> Nav {
        match entry {
            // A fresh counter, whatever was open under the menu.
            Entry::Counter => Nav::reset(Counter::signed_in(ctx)),
            Entry::CountDrawer => match DrawerCount::open(ctx) {
                Some(screen) => Nav::push(screen),
                None => Nav::Stay,
            },
            Entry::Drawers => match Drawers::open(ctx) {
                Some(screen) => Nav::push(screen),
                None => Nav::Stay,
            },
            Entry::DayClose => match DayClose::open(ctx) {
                Some(screen) => Nav::push(screen),
                None => Nav::Stay,
            },
            Entry::Verify => Nav::push(VerifyView::run(ctx)),
            Entry::Lists => Nav::push(super::lists::Lists::open(ctx)),
            Entry::Rounds => Nav::push(super::rounds::Rounds::open(ctx)),
            Entry::Month => Nav::push(super::month::Month::open(ctx)),
            Entry::ChangePin => Nav::push(ChangePin::new(ctx.lang())),
            Entry::SignOut => super::sign_in::sign_out(ctx),
        }
    }
}

impl Screen for Home {
    /// Moving, or opening the entry at an index.
    type Msg = ChoiceMsg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().home_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<ChoiceMsg> {
        self.list.on_key(key, keys)
    }

    fn update(&mut self, msg: ChoiceMsg, ctx: &mut Ctx) -> Nav {
        match self.list.update(msg).and_then(|i| self.entries.get(i)) {
            Some(&entry) => self.open(entry, ctx),
            None => Nav::Stay,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let x = area.x + 2;
        let w = area.width.saturating_sub(4);
        let buf = frame.buffer_mut();
        buf.set_stringn(
            x,
            area.y + 1,
            s.home_title,
            usize::from(w),
            view.theme.heading(),
        );
        buf.set_stringn(
            x,
            area.y + 2,
            s.home_hint,
            usize::from(w),
            view.theme.text(),
        );
        let rows: Vec<Line> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| Line::raw(self.list.row(i, e.label(view.lang, s))))
            .collect();
        let list = Rect::new(x, area.y + 4, w.min(40), area.height.saturating_sub(5));
        self.list.draw(frame, list, &rows, view.theme);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let open = KeyHelp::new(&keys.enter, s.key_menu_open).short(s.short_open);
        self.list.help(keys, s, open)
    }
}
