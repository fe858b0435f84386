//! The integrity check on screen, for the supervisor: runs
//! `Service::verify` (SQLite's own check, the whole audit hash chain,
//! payments against their audit rows, no line paid twice, receipt numbers
//! without gaps, closed days against a recomputation, import batches) and
//! shows "OK — …" with what was checked, or every finding in its own
//! Vietnamese words. The refresh key runs it again; ↑/↓ scroll; F4 reads
//! the audit log back ([`super::audit_log`]).

use crate::i18n::Lang;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Nav, Screen};
use crate::i18n::{Localize, strings};
use crate::service::verify::Verification;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::theme::Theme;
use crate::tui::widgets::doc::{self, Scroll, ScrollMsg};
use crate::tui::widgets::fit::wrap;

/// Columns the findings are laid out in.
const DOC_WIDTH: usize = 78;

/// The verify screen.
pub struct VerifyView {
    /// What the check found, or why it could not run.
    result: Result<Verification, String>,
    scroll: Scroll,
}

/// What a key does on the verify screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Again,
    /// Read the audit log back ([`super::audit_log::AuditLogView`]).
    Log,
    Scroll(ScrollMsg),
}

impl VerifyView {
    /// Runs the check now.
    pub fn run(ctx: &mut Ctx) -> VerifyView {
        VerifyView {
            result: check(ctx),
            scroll: Scroll::default(),
        }
    }

    fn lines(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let s = lang.strings();
        let mut out = Vec::new();
        match &self.result {
            Err(problem) => say(&mut out, problem, theme.error()),
            Ok(v) if v.ok() => {
                say(&mut out, &strings::verify_ok(lang, v), theme.heading());
                if let Some(c) = strings::verify_coverage(lang, v, true) {
                    out.push(Line::raw(""));
                    say(&mut out, &c, theme.text());
                }
            }
            Ok(v) => {
                say(
                    &mut out,
                    &strings::verify_problems(lang, v.findings.len()),
                    theme.error(),
                );
                for f in &v.findings {
                    say(&mut out, &format!("• {}", f.localize(lang)), theme.text());
                }
            }
        }
        if let Ok(v) = &self.result {
            for (seq, at, found) in &v.anchor_rebuilt {
                out.push(Line::raw(""));
                say(
                    &mut out,
                    &strings::anchor_rebuilt(lang, *seq, at, found),
                    theme.error(),
                );
            }
            for n in &v.notes {
                out.push(Line::raw(""));
                say(
                    &mut out,
                    &strings::verify_note(lang, &n.localize(lang)),
                    theme.error(),
                );
            }
        }
        out.push(Line::raw(""));
        say(&mut out, s.verify_hint, theme.text());
        out
    }
}

/// `text` wrapped to the document's width, in `style`.
fn say(out: &mut Vec<Line<'static>>, text: &str, style: Style) {
    for l in wrap(text, DOC_WIDTH) {
        out.push(Line::from(Span::styled(l, style)));
    }
}

fn check(ctx: &mut Ctx) -> Result<Verification, String> {
    let lang = ctx.lang();
    ctx.service
        .verify(&[])
        .map_err(|e| crate::i18n::Localize::localize(&e, lang))
}

impl Screen for VerifyView {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().verify_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key_match(key, &keys.refresh, false) {
            Some(Msg::Again)
        } else if key_match(key, &keys.audit_log, false) {
            Some(Msg::Log)
        } else {
            Scroll::on_key(key, keys).map(Msg::Scroll)
        }
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Again => {
                self.result = check(ctx);
                self.scroll = Scroll::default();
                ctx.info(ctx.lang().strings().verify_ran_again);
            }
            Msg::Log => return Nav::push(super::audit_log::AuditLogView::open(ctx)),
            Msg::Scroll(m) => {
                let len = self.lines(ctx.lang(), &Theme::plain()).len();
                self.scroll.update(m, len.saturating_sub(15));
            }
        }
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        if area.height < 3 || area.width < 4 {
            return;
        }
        let x = area.x + 1;
        let w = area.width - 2;
        frame.buffer_mut().set_stringn(
            x,
            area.y,
            s.verify_title,
            usize::from(w),
            view.theme.heading(),
        );
        let lines = self.lines(view.lang, view.theme);
        doc::draw(
            frame,
            Rect::new(x, area.y + 2, w, area.height - 2),
            &lines,
            self.scroll.top(),
            s.more_below,
            view.theme,
        );
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let log = crate::i18n::audit_log::screen_words(lang);
        vec![
            KeyHelp::new(&keys.refresh, s.key_verify_again).short(s.short_again),
            KeyHelp::new(&keys.audit_log, log.key_open).short(log.short_open),
            Scroll::help(keys, s),
        ]
    }
}
