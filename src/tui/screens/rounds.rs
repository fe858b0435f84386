//! The home rounds, newest first: one row per round (number, hamlet,
//! period, postman, where it stands). Enter opens the round's outcome
//! screen ([`super::round_outcomes`]); F4 (or 4) makes a new round for a
//! hamlet ([`super::round_form`], a supervisor — the service checks the
//! role again). Opened from the main menu.

use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::round_form::RoundForm;
use super::round_outcomes::RoundOutcomes;
use super::{Nav, Outcome, Screen};
use crate::i18n::labels;
use crate::i18n::rounds::{self as words, screen_words};
use crate::service::rounds::RoundSummary;
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{Binding, Key, KeyHelp, KeyList, key_match};
use crate::tui::widgets::fit::{fit, pad, wrap};
use crate::tui::widgets::select::{Select, SelectMsg, draw_rows, move_help};

/// The rounds list.
pub struct Rounds {
    rounds: Vec<RoundSummary>,
    select: Select,
}

/// What a key does on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Move(SelectMsg),
    Open,
    New,
    Refresh,
}

fn new_key() -> Binding {
    Binding(vec![Key::plain(KeyCode::F(4)), Key::ch('4')])
}

impl Rounds {
    pub fn open(ctx: &mut Ctx) -> Rounds {
        let mut me = Rounds {
            rounds: Vec::new(),
            select: Select::new(0),
        };
        me.reload(ctx);
        me
    }

    fn reload(&mut self, ctx: &mut Ctx) {
        match ctx.service.rounds() {
            Ok(r) => {
                self.select.set_len(r.len());
                self.rounds = r;
            }
            Err(e) => ctx.error(&e),
        }
    }

    /// Every row as the list shows it (also for tests).
    pub fn rows(&self, lang: Lang) -> Vec<String> {
        self.rounds
            .iter()
            .map(|g| {
                format!(
                    "{:>4}  {} {} {} {}",
                    g.number,
                    pad(&for_display(&g.hamlet), 20),
                    pad(&labels::period(g.period), 9),
                    pad(&for_display(&g.postman), 20),
                    words::state(lang, g.state)
                )
            })
            .collect()
    }

    fn header(lang: Lang) -> String {
        let w = screen_words(lang);
        format!(
            "{:>4}  {} {} {} {}",
            w.col_round,
            pad(w.col_hamlet, 20),
            pad(w.col_period, 9),
            pad(w.col_postman, 20),
            w.col_state
        )
    }
}

impl Screen for Rounds {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        screen_words(lang).list_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key_match(key, &keys.enter, false) {
            return Some(Msg::Open);
        }
        if key_match(key, &keys.refresh, false) {
            return Some(Msg::Refresh);
        }
        if key_match(key, &new_key(), false) && !key.modifiers.contains(KeyModifiers::ALT) {
            return Some(Msg::New);
        }
        self.select.on_key(key, keys).map(Msg::Move)
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Move(m) => {
                self.select.update(m);
                Nav::Stay
            }
            Msg::Open => match self.rounds.get(self.select.selected()) {
                Some(g) => match RoundOutcomes::open(ctx, g.number) {
                    Some(screen) => Nav::push(screen),
                    None => Nav::Stay,
                },
                None => Nav::Stay,
            },
            Msg::New => Nav::push(RoundForm::create(ctx)),
            Msg::Refresh => {
                self.reload(ctx);
                Nav::Stay
            }
        }
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        self.reload(ctx);
        if outcome == Outcome::Done {
            // A round just made is the newest: open it.
            self.select.select(0);
        }
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let w = screen_words(view.lang);
        let theme = view.theme;
        if area.height < 5 || area.width < 4 {
            return;
        }
        let x = area.x + 1;
        let cols = usize::from(area.width - 2);
        let buf = frame.buffer_mut();
        buf.set_stringn(x, area.y, fit(w.list_title, cols), cols, theme.heading());
        let mut y = area.y + 1;
        for l in wrap(w.list_hint, cols) {
            buf.set_stringn(x, y, &l, cols, theme.text());
            y += 1;
        }
        y += 1;
        if self.rounds.is_empty() {
            buf.set_stringn(x, y, w.list_empty, cols, theme.text());
            return;
        }
        buf.set_stringn(
            x,
            y,
            fit(&Self::header(view.lang), cols),
            cols,
            theme.heading(),
        );
        y += 1;
        let rows: Vec<Line> = self.rows(view.lang).into_iter().map(Line::raw).collect();
        draw_rows(
            frame,
            Rect::new(x, y, area.width - 2, area.bottom().saturating_sub(y)),
            &rows,
            self.select.selected(),
            theme,
        );
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let w = screen_words(lang);
        vec![
            KeyHelp::new(&keys.enter, w.key_open).short(w.short_open),
            move_help(keys, s, s.key_menu_move),
            KeyHelp::new(&new_key(), w.key_new).short(w.short_new),
            KeyHelp::new(&keys.refresh, s.key_refresh),
        ]
    }
}
