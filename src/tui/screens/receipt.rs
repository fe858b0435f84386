//! A receipt as it prints (80 columns, from `Service::receipt_text`), to
//! read on screen and print again. A reprint is a copy marked "BẢN SAO",
//! written to the spool folder and printed by the service, which audits it;
//! the printing runs on its own thread, and its outcome comes to the
//! message line when it has ended.
//!
//! The receipt is as wide as the window, so it is shown across the whole
//! screen rather than in a box; ↑/↓/PgUp/PgDn scroll it, Esc closes it.
//! The void key asks to void the payment ([`super::void`]).

use crate::i18n::Lang;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::void::VoidPayment;
use super::{Nav, Outcome, Screen};
use crate::domain::payment::PaymentRecord;
use crate::i18n::{Localize, printing, strings};
use crate::print::spool::Job;
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::widgets::doc::{self, Scroll, ScrollMsg};
use crate::tui::widgets::fit::fit;

/// A receipt on screen.
pub struct ReceiptView {
    payment: PaymentRecord,
    lines: Vec<String>,
    scroll: Scroll,
}

/// What a key does on the receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Scroll(ScrollMsg),
    Reprint,
    Void,
}

impl ReceiptView {
    /// The receipt of `payment`, or `None` (with the reason on the message
    /// line) when it cannot be read.
    pub fn open(ctx: &mut Ctx, payment: &PaymentRecord) -> Option<ReceiptView> {
        match ctx.service.receipt_text(payment.id, false) {
            Ok(text) => Some(ReceiptView {
                payment: payment.clone(),
                // Every line is made harmless here, once.
                lines: text.lines().map(|l| for_display(l).into_owned()).collect(),
                scroll: Scroll::default(),
            }),
            Err(e) => {
                ctx.error(&e);
                None
            }
        }
    }
}

/// A copy of a receipt on its way to the printer.
pub struct Reprint {
    pub job: Job,
    /// The copy's text file in the spool folder.
    pub file: Option<std::path::PathBuf>,
    /// What to say once it has printed.
    pub when_printed: String,
}

/// Starts printing a copy of the receipt of payment `payment_id` ("BẢN
/// SAO") and says so on the message line: "đang in…" while the printer
/// works, or how it ended if it already has. `None` when the copy could not
/// even be written (the message line says why).
pub fn reprint(ctx: &mut Ctx, payment_id: i64) -> Option<Reprint> {
    let session = ctx.session.clone()?;
    let paid = match ctx.service.reprint(&session, payment_id) {
        Ok(paid) => paid,
        Err(e) => {
            ctx.error(&e);
            return None;
        }
    };
    if let Some(problem) = &paid.receipt_problem {
        ctx.error(problem);
        return None;
    }
    let job = paid.printing?;
    let file = paid.receipt_file;
    let shown = file
        .as_ref()
        .map(|f| f.display().to_string())
        .unwrap_or_default();
    let when_printed = strings::reprinted(ctx.lang(), &for_display(&shown));
    match job.outcome() {
        None => ctx.info(printing::reprinting(ctx.lang(), &for_display(&job.printer))),
        Some(Ok(())) => ctx.info(when_printed.clone()),
        Some(Err(problem)) => ctx.error(&problem),
    }
    Some(Reprint {
        job,
        file,
        when_printed,
    })
}

impl Screen for ReceiptView {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        format!(
            "{} {}",
            lang.strings().receipt_title,
            for_display(&self.payment.receipt_no)
        )
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key_match(key, &keys.reprint, false) {
            Some(Msg::Reprint)
        } else if key_match(key, &keys.void, false) {
            Some(Msg::Void)
        } else {
            Scroll::on_key(key, keys).map(Msg::Scroll)
        }
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        let lang = ctx.lang();
        match msg {
            Msg::Scroll(m) => {
                self.scroll.update(m, self.lines.len().saturating_sub(17));
            }
            Msg::Reprint => {
                // The outcome comes to the message line when it has ended,
                // on whichever screen is showing then.
                if let Some(copy) = reprint(ctx, self.payment.id)
                    && copy.job.outcome().is_none()
                {
                    ctx.service
                        .prints()
                        .watch(copy.job, Some(copy.when_printed), move |p| p.localize(lang));
                }
            }
            Msg::Void => {
                if let Some(popup) = VoidPayment::open(ctx, &self.payment) {
                    return Nav::push(popup);
                }
            }
        }
        Nav::Stay
    }

    fn on_result(&mut self, outcome: Outcome, _ctx: &mut Ctx) -> Nav {
        // Voided: back to the file, which reads itself again.
        match outcome {
            Outcome::Refresh => Nav::Back(Outcome::Refresh),
            _ => Nav::Stay,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        if area.height < 2 {
            return;
        }
        let title = fit(
            &self.title(view.lang),
            usize::from(area.width.saturating_sub(2)),
        );
        frame.buffer_mut().set_stringn(
            area.x + 1,
            area.y,
            &title,
            usize::from(area.width),
            view.theme.heading(),
        );
        let lines: Vec<Line> = self.lines.iter().map(|l| Line::raw(l.as_str())).collect();
        let text_area = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
        doc::draw(
            frame,
            text_area,
            &lines,
            self.scroll.top(),
            view.lang.strings().more_below,
            view.theme,
        );
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let scroll = Scroll::help(keys, s).short_up_down(keys, s.short_scroll);
        let mut void = KeyHelp::new(&keys.void, s.key_void);
        if !self.payment.is_reversed() {
            void = void.short(s.short_void);
        }
        vec![
            KeyHelp::new(&keys.reprint, s.key_reprint).short(s.short_reprint),
            void,
            scroll,
        ]
    }
}
