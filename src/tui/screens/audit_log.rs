//! The audit log read back on screen, for the supervisor (from the data
//! check): the rows of a day — who did what, when — as the one document
//! `chitra report log` prints (`document::audit`). ← and → go to the day
//! before and after, the refresh key reads again, ↑/↓ and PgUp/PgDn
//! scroll. Reading proves nothing; the data check below it checks the
//! chain.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Nav, Screen};
use crate::document::layout::{Line, Page, lay_out};
use crate::i18n::Lang;
use crate::i18n::audit_log::screen_words;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::widgets::doc::{self, Scroll, ScrollMsg};

/// Columns the document is laid out in.
const DOC_WIDTH: usize = 78;

/// The log screen.
pub struct AuditLogView {
    day: NaiveDate,
    /// The day's document laid out at the screen's width (once, when
    /// read), or why it could not be read.
    lines: Result<Vec<Line>, String>,
    scroll: Scroll,
}

/// What a key does on the log screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Day { back: bool },
    Again,
    Scroll(ScrollMsg),
}

impl AuditLogView {
    /// Today's log.
    pub fn open(ctx: &mut Ctx) -> AuditLogView {
        let mut v = AuditLogView {
            day: ctx.service.today(),
            lines: Err(String::new()),
            scroll: Scroll::default(),
        };
        v.load(ctx);
        v
    }

    fn load(&mut self, ctx: &mut Ctx) {
        let lang = ctx.lang();
        let day = self.day.format("%Y-%m-%d").to_string();
        self.lines = match ctx.session.clone() {
            None => Err(String::new()),
            Some(session) => ctx
                .service
                .audit_log(
                    &session,
                    self.day,
                    self.day,
                    crate::service::audit_log::LogFilter::default(),
                )
                .map(|entries| {
                    let doc = crate::document::audit::build(
                        lang,
                        &ctx.service.config().office,
                        &day,
                        &day,
                        &entries,
                    );
                    lay_out(&doc, Page::screen(DOC_WIDTH))
                })
                .map_err(|e| crate::i18n::Localize::localize(&e, lang)),
        };
        if let Err(e) = &self.lines
            && !e.is_empty()
        {
            ctx.error(e);
        }
        self.scroll = Scroll::default();
    }
}

impl Screen for AuditLogView {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        screen_words(lang).title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key.modifiers.is_empty() && matches!(key.code, KeyCode::Left | KeyCode::Right) {
            Some(Msg::Day {
                back: key.code == KeyCode::Left,
            })
        } else if key_match(key, &keys.refresh, false) {
            Some(Msg::Again)
        } else {
            Scroll::on_key(key, keys).map(Msg::Scroll)
        }
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Day { back: true } => {
                if let Some(d) = self.day.pred_opt() {
                    self.day = d;
                    self.load(ctx);
                }
            }
            Msg::Day { back: false } => match self.day.succ_opt() {
                Some(d) if d <= ctx.service.today() => {
                    self.day = d;
                    self.load(ctx);
                }
                _ => ctx.info(screen_words(ctx.lang()).no_later),
            },
            Msg::Again => self.load(ctx),
            Msg::Scroll(m) => {
                let len = self.lines.as_ref().map_or(0, Vec::len);
                self.scroll.update(m, len.saturating_sub(15));
            }
        }
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        if area.height < 2 || area.width < 4 {
            return;
        }
        let lines = match &self.lines {
            Ok(l) => doc::styled(l, view.theme),
            Err(_) => Vec::new(),
        };
        doc::draw(
            frame,
            Rect::new(area.x + 1, area.y, area.width - 2, area.height),
            &lines,
            self.scroll.top(),
            view.lang.strings().more_below,
            view.theme,
        );
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let w = screen_words(lang);
        vec![
            KeyHelp {
                keys: "←/→".to_string(),
                first: "←→".to_string(),
                what: w.key_days.to_string(),
                short: Some(w.short_days.to_string()),
                fit: crate::tui::keys::Fit::Normal,
            },
            KeyHelp::new(&keys.refresh, w.key_again).short(w.key_again),
            Scroll::help(keys, s),
        ]
    }
}
