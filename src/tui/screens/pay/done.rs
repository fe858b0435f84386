//! Step 5: the payment is recorded. A large "ĐÃ CHI", the receipt number,
//! the amount in figures and in words, who received it and how.
//!
//! The receipt prints on its own thread: the screen shows "đang in…" at
//! once and the outcome when the printer has answered. If the receipt could
//! not be written or printed, the payment still stands; the screen says so
//! and offers to print it again. Enter goes on to the next person (back to
//! the counter, which starts a new search); Esc goes back to this person's
//! file, which now shows the payment. Leaving while the receipt is still
//! printing hands it to the app, which says if it failed. A letter or digit
//! typed here is the next search already: back to the counter with it
//! typed.

use crate::i18n::Lang;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Draft, periods, receiver_line};
use crate::domain::in_words;
use crate::i18n::{Localize, labels, printing, strings};
use crate::print::spool::SpoolError;
use crate::service::pay::Paid;
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::screens::person::typed_char;
use crate::tui::screens::receipt::{ReceiptView, reprint};
use crate::tui::screens::{Nav, Outcome, Screen};
use crate::tui::widgets::banner;
use crate::tui::widgets::fit::{fit, width, wrap};

/// The screen after a payment is recorded.
pub struct Done {
    draft: Draft,
    paid: Paid,
}

/// What a key does after paying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    NextPerson,
    BackToPerson,
    ShowReceipt,
    Reprint,
    /// A character typed: the next person's search, starting with it.
    Search(char),
}

impl Done {
    pub fn new(draft: Draft, paid: Paid) -> Done {
        Done { draft, paid }
    }

    pub fn paid(&self) -> &Paid {
        &self.paid
    }

    /// Why the receipt is not in the clerk's hands, if it is not: it could
    /// not be written, or the print failed.
    fn problem(&self) -> Option<SpoolError> {
        self.paid.receipt_problem.clone().or_else(|| {
            self.paid
                .printing
                .as_ref()
                .and_then(|job| job.outcome())
                .and_then(Result::err)
        })
    }

    /// Leaving the screen: a print still running is followed by the app,
    /// which shows its problem if it fails.
    fn hand_over_print(&self, ctx: &mut Ctx) {
        let lang = ctx.lang();
        if let Some(job) = &self.paid.printing
            && job.outcome().is_none()
        {
            ctx.service
                .prints()
                .watch(job.clone(), None, move |p| p.localize(lang));
        }
    }
}

impl Screen for Done {
    /// Recorded already: the lock closes it with the flow.
    fn on_lock(&self) -> crate::tui::screens::OnLock {
        crate::tui::screens::OnLock::Close
    }

    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().step_done.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key_match(key, &keys.enter, false) {
            Some(Msg::NextPerson)
        } else if key_match(key, &keys.back, false) {
            Some(Msg::BackToPerson)
        } else if key_match(key, &keys.receipts, false) {
            Some(Msg::ShowReceipt)
        } else if key_match(key, &keys.reprint, false) {
            Some(Msg::Reprint)
        } else {
            typed_char(key).map(Msg::Search)
        }
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        let payment = &self.paid.payment;
        match msg {
            Msg::NextPerson | Msg::Search(_) => {
                self.hand_over_print(ctx);
                match self.problem() {
                    Some(problem) => ctx.error(&problem),
                    None => ctx.info(strings::paid_summary(
                        ctx.lang(),
                        &payment.total.to_string(),
                        &for_display(&self.draft.view.person.full_name),
                        &payment.receipt_no,
                    )),
                }
                Nav::Back(match msg {
                    Msg::Search(c) => Outcome::Search(c.to_string()),
                    _ => Outcome::NextPerson,
                })
            }
            Msg::BackToPerson => {
                self.hand_over_print(ctx);
                Nav::Back(Outcome::Refresh)
            }
            Msg::ShowReceipt => match ReceiptView::open(ctx, payment) {
                Some(view) => Nav::push(view),
                None => Nav::Stay,
            },
            Msg::Reprint => {
                if let Some(copy) = reprint(ctx, payment.id) {
                    // The copy is written and on its way: from now on the
                    // screen follows it instead of the first print.
                    // While the copy prints, the screen itself says how it
                    // is doing; a copy already out keeps its message.
                    if copy.job.outcome().is_none() {
                        ctx.clear_message();
                    }
                    self.paid.receipt_problem = None;
                    self.paid.printing = Some(copy.job);
                    if copy.file.is_some() {
                        self.paid.receipt_file = copy.file;
                    }
                }
                Nav::Stay
            }
        }
    }

    fn on_result(&mut self, outcome: Outcome, _ctx: &mut Ctx) -> Nav {
        // The payment was voided from its receipt: "ĐÃ CHI" no longer
        // holds, so back to the file, which reads itself again.
        match outcome {
            Outcome::Refresh => Nav::Back(Outcome::Refresh),
            _ => Nav::Stay,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let lang = view.lang;
        let s = view.lang.strings();
        let theme = view.theme;
        let p = &self.paid.payment;
        let x = area.x + 1;
        let w = usize::from(area.width.saturating_sub(2));
        let mut y = area.y + 1;
        y += banner::draw(
            frame,
            Rect::new(area.x, y, area.width, banner::HEIGHT),
            s.paid_banner,
            theme.heading(),
        );
        y += 1;
        let centred = |frame: &mut Frame, y: u16, text: &str, style| {
            if y >= area.bottom() {
                return;
            }
            let text = fit(text, w);
            let tw = u16::try_from(width(&text)).unwrap_or(0);
            let cx = area.x + area.width.saturating_sub(tw) / 2;
            frame.buffer_mut().set_stringn(cx, y, &text, w, style);
        };
        centred(
            frame,
            y,
            &format!("{} {}", s.receipt_number, for_display(&p.receipt_no)),
            theme.heading(),
        );
        centred(
            frame,
            y + 1,
            &format!("{} {}", s.amount_label, p.total),
            theme.heading(),
        );
        centred(
            frame,
            y + 2,
            &format!("({})", in_words(p.total.dong())),
            theme.text(),
        );
        y += 4;
        let lines = [
            format!(
                "{}: {}",
                s.receiver_label,
                receiver_line(view.lang, &self.draft)
            ),
            format!(
                "{}: {} · {} {}",
                s.method_label,
                labels::method(view.lang, p.method),
                s.periods_label,
                periods(&self.draft)
            ),
        ];
        let buf = frame.buffer_mut();
        for line in &lines {
            if y < area.bottom() {
                buf.set_stringn(x, y, fit(line, w), w, theme.text());
            }
            y += 1;
        }
        y += 1;
        let mut notes: Vec<(String, bool)> = Vec::new();
        if self.paid.replayed {
            notes.push((s.paid_replayed.to_string(), false));
        }
        let file = self.paid.receipt_path().map(|f| f.display().to_string());
        let job = self.paid.printing.as_ref();
        match (
            &self.paid.receipt_problem,
            job.map(|j| (j, j.outcome())),
            file,
        ) {
            (Some(problem), _, _) => notes.push((problem.localize(lang), true)),
            (None, Some((job, None)), _) if !job.printer.is_empty() => {
                notes.push((printing::printing(view.lang, &job.printer), false))
            }
            // Being written: a moment, and the screen is drawn again.
            (None, Some((_, None)), _) => {}
            (None, Some((_, Some(Err(problem)))), _) => notes.push((problem.localize(lang), true)),
            (None, Some((job, Some(Ok(())))), Some(file)) if !job.printer.is_empty() => {
                notes.push((printing::printed(view.lang, &job.printer, &file), false))
            }
            (None, _, Some(file)) => notes.push((strings::receipt_written(lang, &file), false)),
            (None, _, None) => {}
        }
        for (note, bad) in notes {
            let note = for_display(&note);
            let style = if bad { theme.error() } else { theme.text() };
            for l in wrap(&note, w) {
                if y < area.bottom() {
                    buf.set_stringn(x, y, &l, w, style);
                }
                y += 1;
            }
        }
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let mut reprint = KeyHelp::new(&keys.reprint, s.key_reprint);
        if self.problem().is_some() {
            reprint = reprint.short(s.short_reprint);
        }
        vec![
            KeyHelp::new(&keys.enter, s.key_next_person).short(s.short_next_person),
            KeyHelp::new(&keys.back, s.key_back_to_person).short(s.short_back_to_person),
            KeyHelp::new(&keys.receipts, s.key_show_receipt).short(s.short_receipt),
            reprint,
            KeyHelp::keys(
                strings::letters_key(lang),
                strings::key_letters_search(lang),
            ),
        ]
    }

    fn typing(&self) -> bool {
        // Letters and digits start the next search (and "q" is one of them).
        true
    }

    fn takes_char(&self, c: char) -> bool {
        c != '?'
    }
}
