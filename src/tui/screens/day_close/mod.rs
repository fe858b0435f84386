//! The day report and the close, for the supervisor.
//!
//! Today's report (or another day's, with the date key), read from
//! `Service::day_report` — the one computation — and shown as the day's
//! document ([`document`]), the one the printout and the exports draw:
//! what blocks the close in red and bold, totals by method and by
//! category, each clerk's payments and drawer (a drawer's expected cash
//! only once it is counted), voids struck through, missing receipt
//! numbers, people still unpaid, the day's payments. ↑/↓ scroll it a line,
//! PgUp/PgDn a page less one line.
//!
//! The close key reads the report again; while something blocks the close
//! it says what, without asking for a PIN; otherwise it opens
//! [`super::close_pin::ClosePin`]. Once closed, the screen shows
//! "ĐÃ KHÓA SỔ", the audit seal (sequence and hash) and where the day's
//! backup went (or why it could not be written). The print key writes the
//! same document as 80 columns of text (`print::document`) to the
//! spool folder, sends it to the printer, and says where the file is.

pub mod document;

use crate::i18n::Lang;
use std::path::PathBuf;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::close_pin::ClosePin;
use super::{Nav, Outcome, Screen};
use crate::document::layout::Line;
use crate::domain::report::DayReport;
use crate::i18n::{printing, strings};
use crate::service::day::DayError;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::widgets::doc::{self, Scroll, ScrollMsg};
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::input::{Input, InputMsg};

/// Rows of the smallest page the report is shown in.
const MIN_PAGE: usize = 17;

/// The report screen.
pub struct DayClose {
    report: DayReport,
    /// The backup written when the day was closed from this screen.
    backup: Option<Result<PathBuf, String>>,
    /// The report laid out (again after every change above).
    lines: Vec<Line>,
    scroll: Scroll,
    /// The field for another day, while it is being typed.
    date: Option<Input>,
}

/// What a key does on the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Scroll(ScrollMsg),
    Close,
    Print,
    Refresh,
    PickDate,
    Date(InputMsg),
    DateGo,
    DateCancel,
}

impl DayClose {
    /// Today's report, or `None` (with the reason on the message line).
    pub fn open(ctx: &mut Ctx) -> Option<DayClose> {
        let today = ctx.service.today().format("%Y-%m-%d").to_string();
        let report = load(ctx, &today)?;
        let mut screen = DayClose {
            report,
            backup: None,
            lines: Vec::new(),
            scroll: Scroll::default(),
            date: None,
        };
        screen.lay_out(ctx);
        Some(screen)
    }

    fn lay_out(&mut self, ctx: &Ctx) {
        let office = &ctx.service.config().office;
        self.lines = document::lines(ctx.lang(), office, &self.report, self.backup.as_ref());
    }

    fn reload(&mut self, ctx: &mut Ctx) -> bool {
        match load(ctx, &self.report.day.clone()) {
            Some(report) => {
                self.report = report;
                self.lay_out(ctx);
                true
            }
            None => false,
        }
    }

    fn close(&mut self, ctx: &mut Ctx) -> Nav {
        // Read again: a clerk may have counted a moment ago.
        if !self.reload(ctx) {
            return Nav::Stay;
        }
        let r = &self.report;
        if let Some(c) = &r.closed {
            ctx.error(&DayError::AlreadyClosed {
                day: r.day.clone(),
                at: c.at.clone(),
                by: c.by.clone(),
            });
            return Nav::Stay;
        }
        // A day not come yet is refused before the PIN, not after it.
        if r.day > ctx.service.today().format("%Y-%m-%d").to_string() {
            ctx.error(&DayError::NotYet { day: r.day.clone() });
            return Nav::Stay;
        }
        if !r.blockers.is_empty() {
            self.scroll = Scroll::default();
            ctx.error(&DayError::Blocked(r.blockers.clone()));
            return Nav::Stay;
        }
        Nav::push(ClosePin::new(ctx.lang(), &r.day))
    }

    fn print(&mut self, ctx: &mut Ctx) {
        if !self.reload(ctx) {
            return;
        }
        let document =
            crate::document::day::build(ctx.lang(), &ctx.service.config().office, &self.report);
        let name = format!("bao-cao-{}", self.report.day);
        // Printed on its own thread; the outcome comes to the message line.
        ctx.print_document(
            &document,
            &name,
            strings::report_printed,
            printing::printing_report,
        );
    }

    fn go_to_date(&mut self, ctx: &mut Ctx) {
        let Some(input) = &self.date else { return };
        let typed = input.value().trim().to_string();
        let Ok(day) = NaiveDate::parse_from_str(&typed, "%d/%m/%Y") else {
            ctx.error(&strings::bad_date(
                ctx.lang(),
                &crate::text::for_display(&typed),
            ));
            return;
        };
        if let Some(report) = load(ctx, &day.format("%Y-%m-%d").to_string()) {
            self.report = report;
            self.backup = None;
            self.lay_out(ctx);
            self.scroll = Scroll::default();
            self.date = None;
            ctx.clear_message();
        }
    }
}

fn load(ctx: &mut Ctx, day: &str) -> Option<DayReport> {
    let session = ctx.session.clone()?;
    match ctx.service.day_report_for(&session, day) {
        Ok(r) => Some(r),
        Err(e) => {
            ctx.error(&e);
            None
        }
    }
}

impl Screen for DayClose {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().day_close_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if let Some(input) = &self.date {
            return if key_match(key, &keys.enter, true) {
                Some(Msg::DateGo)
            } else if key_match(key, &keys.back, true) {
                Some(Msg::DateCancel)
            } else {
                input.on_key(key, keys).map(Msg::Date)
            };
        }
        if key_match(key, &keys.close_day, false) {
            Some(Msg::Close)
        } else if key_match(key, &keys.print_report, false) {
            Some(Msg::Print)
        } else if key_match(key, &keys.pick_date, false) {
            Some(Msg::PickDate)
        } else if key_match(key, &keys.refresh, false) {
            Some(Msg::Refresh)
        } else {
            Scroll::on_key(key, keys).map(Msg::Scroll)
        }
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Scroll(m) => {
                let last = self.lines.len().saturating_sub(MIN_PAGE);
                self.scroll.update(m, last);
            }
            Msg::Close => return self.close(ctx),
            Msg::Print => self.print(ctx),
            Msg::Refresh => {
                if self.reload(ctx) {
                    ctx.info(ctx.lang().strings().report_refreshed);
                }
            }
            Msg::PickDate => self.date = Some(Input::new().max_chars(10)),
            Msg::Date(m) => {
                if let Some(input) = &mut self.date {
                    input.update(m);
                }
            }
            Msg::DateGo => self.go_to_date(ctx),
            Msg::DateCancel => self.date = None,
        }
        Nav::Stay
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        match outcome {
            Outcome::DayClosed { backup } => {
                self.backup = Some(backup);
                self.scroll = Scroll::default();
                self.reload(ctx);
            }
            Outcome::Refresh => {
                self.reload(ctx);
            }
            _ => {}
        }
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let theme = view.theme;
        if area.height < 3 || area.width < 4 {
            return;
        }
        let x = area.x + 1;
        let w = area.width - 2;
        let mut top = area.y;
        if let Some(input) = &self.date {
            let head = format!("▸ {} : [", s.label_report_day);
            let (vx, _) =
                frame
                    .buffer_mut()
                    .set_stringn(x, top, &head, usize::from(w), theme.heading());
            frame
                .buffer_mut()
                .set_stringn(vx + 11, top, "]", 1, theme.text());
            input.draw(frame, Rect::new(vx, top, 11, 1), theme.text(), view.focused);
            let hint_x = vx + 13;
            let room = usize::from(area.right().saturating_sub(hint_x));
            frame.buffer_mut().set_stringn(
                hint_x,
                top,
                fit(s.report_day_hint, room),
                room,
                theme.text(),
            );
            top += 2;
        }
        let lines = doc::styled(&self.lines, theme);
        self.scroll.draw(
            frame,
            Rect::new(x, top, w, area.bottom().saturating_sub(top)),
            &lines,
            s.more_below,
            theme,
        );
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        if self.date.is_some() {
            let mut items = vec![
                KeyHelp::new(&keys.enter, s.key_show_day).short(s.short_show),
                KeyHelp::new(&keys.back, s.key_date_cancel).short(s.short_cancel),
            ];
            items.extend(crate::tui::widgets::input::help(keys, s));
            return items;
        }
        let scroll = Scroll::help(keys, s).short_up_down(keys, s.short_scroll);
        // In the key line only while the day is open.
        let mut close = KeyHelp::new(&keys.close_day, s.key_close_day);
        if self.report.closed.is_none() {
            close = close.short(s.short_close_day);
        }
        vec![
            close,
            KeyHelp::new(&keys.print_report, s.key_print_report).short(s.short_print),
            KeyHelp::new(&keys.pick_date, s.key_pick_date).short(s.short_other_day),
            scroll,
            KeyHelp::new(&keys.refresh, s.key_refresh),
        ]
    }

    fn typing(&self) -> bool {
        self.date.is_some()
    }
}
