//! "Kết quả chi tại nhà": one home round on one screen, one row per
//! person. The postman, back from the hamlet, goes down the rows with ↑/↓
//! and presses one key per person: F5 paid (a small box asks the
//! receiver's ID number, checked as at the counter, and the receipt number
//! is shown), F6 not at home, F7 refused — recorded at once — and F8
//! family reported deceased, which cannot be taken back and so asks first
//! ("c" records it, any other key does not). Digits 5–8 do the same where
//! PuTTY sends no function keys.
//!
//! The supervisor's steps are on the same screen: F3 prints the round's
//! sheet, F4 issues its cash into the postman's drawer, F9 takes back the
//! unpaid cash, F10 reconciles (each in [`super::round_form`], the postman
//! confirming cash with their PIN). Every refusal comes from the service,
//! in its own words, on the message line; the rows are read again after
//! each step.

use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::round_form::RoundForm;
use super::{Nav, Outcome, Screen};
use crate::domain::round::{RoundState, StopResult};
use crate::i18n::rounds::{self as words, screen_words};
use crate::i18n::{labels, printing};
use crate::service::rounds::{RoundView, Stop};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{Binding, Key, KeyHelp, KeyList, key_match};
use crate::tui::widgets::fit::{fit, pad, right, width};
use crate::tui::widgets::popup;
use crate::tui::widgets::select::{Select, SelectMsg, draw_rows, move_help};

const CODE_W: usize = 10;
const NAME_W: usize = 24;
const AMOUNT_W: usize = 13;

/// The outcome screen of one round.
pub struct RoundOutcomes {
    round: RoundView,
    select: Select,
    /// The signed-in user is a supervisor: their steps go in the key line.
    supervisor: bool,
    /// A death report asked about, not yet answered.
    asking: Option<Stop>,
}

/// What a key does here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Move(SelectMsg),
    Result(StopResult),
    Sheet,
    Issue,
    Return,
    Reconcile,
    /// The answer to "the family reported … deceased?".
    Answer(bool),
}

fn fkey(n: u8, digit: Option<char>) -> Binding {
    let mut keys = vec![Key::plain(KeyCode::F(n))];
    if let Some(d) = digit {
        keys.push(Key::ch(d));
    }
    Binding(keys)
}

struct Bindings {
    paid: Binding,
    not_home: Binding,
    refused: Binding,
    deceased: Binding,
    sheet: Binding,
    issue: Binding,
    ret: Binding,
    reconcile: Binding,
}

fn bindings() -> Bindings {
    Bindings {
        paid: fkey(5, Some('5')),
        not_home: fkey(6, Some('6')),
        refused: fkey(7, Some('7')),
        deceased: fkey(8, Some('8')),
        sheet: fkey(3, Some('3')),
        issue: fkey(4, Some('4')),
        ret: fkey(9, Some('9')),
        reconcile: fkey(10, Some('0')),
    }
}

impl RoundOutcomes {
    /// Round `number`, or `None` with the reason on the message line.
    pub fn open(ctx: &mut Ctx, number: i64) -> Option<RoundOutcomes> {
        match ctx.service.round(number) {
            Ok(round) => Some(RoundOutcomes {
                select: Select::new(round.stops.len()),
                round,
                supervisor: ctx.session.as_ref().is_some_and(|s| s.is_supervisor()),
                asking: None,
            }),
            Err(e) => {
                ctx.error(&e);
                None
            }
        }
    }

    pub fn round(&self) -> &RoundView {
        &self.round
    }

    fn reload(&mut self, ctx: &mut Ctx) {
        match ctx.service.round(self.round.number) {
            Ok(round) => {
                self.select.set_len(round.stops.len());
                self.round = round;
            }
            Err(e) => ctx.error(&e),
        }
    }

    fn chosen(&self) -> Option<&Stop> {
        self.round.stops.get(self.select.selected())
    }

    fn record(&mut self, result: StopResult, ctx: &mut Ctx) -> Nav {
        let Some(stop) = self.chosen().cloned() else {
            return Nav::Stay;
        };
        if result == StopResult::Paid {
            return Nav::push(RoundForm::paid(ctx.lang(), &self.round, &stop));
        }
        if result == StopResult::Deceased && stop.result.is_none() {
            self.asking = Some(stop);
            return Nav::Stay;
        }
        self.record_stop(stop, result, ctx)
    }

    fn record_stop(&mut self, stop: Stop, result: StopResult, ctx: &mut Ctx) -> Nav {
        let Some(session) = ctx.session.clone() else {
            return Nav::Stay;
        };
        match ctx.service.record_outcome(
            &session,
            self.round.number,
            stop.person_id,
            result,
            None,
            None,
        ) {
            Ok(round) => {
                self.round = round;
                ctx.info(words::recorded(
                    ctx.lang(),
                    &for_display(&stop.record_code),
                    &for_display(&stop.full_name),
                    result,
                    None,
                ));
                // On to the next person.
                self.select.update(SelectMsg::Down);
            }
            Err(e) => ctx.error(&e),
        }
        Nav::Stay
    }

    fn print_sheet(&self, ctx: &mut Ctx) {
        let lang = ctx.lang();
        let config = ctx.service.config();
        let v = &self.round;
        let scope = words::sheet_scope(lang, v.number, &v.hamlet, &v.postman);
        let day = ctx.service.today().format("%Y-%m-%d").to_string();
        let doc = crate::document::home::build(
            lang,
            &config.office,
            v.period,
            &v.sheet_stops(),
            &scope,
            &day,
        );
        let name = format!("chi-tai-nha-{}", v.number);
        ctx.print_document(&doc, &name, words::sheet_written, printing::printing_report);
    }

    /// Every row as the screen shows it (also for tests).
    pub fn rows(&self, lang: Lang) -> Vec<String> {
        self.round.stops.iter().map(|s| row(lang, s)).collect()
    }

    /// The question before a death report is recorded, over the rows.
    fn draw_asking(&self, frame: &mut Frame, area: Rect, view: &View) {
        let w = screen_words(view.lang);
        let theme = view.theme;
        if let Some(asked) = &self.asking {
            let who = format!(
                "{} {}",
                for_display(&asked.record_code),
                for_display(&asked.full_name)
            );
            let text = [who.as_str(), w.ask_deceased_final];
            let inner_w = text.iter().map(|t| width(t)).max().unwrap_or(0) + 4;
            let rect = popup::centered(area, u16::try_from(inner_w + 2).unwrap_or(60), 6);
            let inner = popup::open(frame, rect, w.ask_deceased_title, theme);
            for (i, t) in text.iter().enumerate() {
                let line_y = inner.y + 1 + u16::try_from(i).unwrap_or(0);
                frame.buffer_mut().set_stringn(
                    inner.x + 2,
                    line_y,
                    fit(t, usize::from(inner.width.saturating_sub(2))),
                    usize::from(inner.width.saturating_sub(2)),
                    theme.heading(),
                );
            }
        }
    }

    fn header(lang: Lang) -> String {
        let w = screen_words(lang);
        format!(
            "{:>3} {} {} {}  {}",
            w.col_no,
            pad(w.col_code, CODE_W),
            pad(w.col_name, NAME_W),
            right(w.col_amount, AMOUNT_W),
            w.col_result
        )
    }
}

fn result_text(lang: Lang, s: &Stop) -> String {
    match (&s.result, &s.paid_elsewhere) {
        (Some(r), _) => match &s.receipt_no {
            Some(n) => format!("{} {n}", words::result(lang, *r)),
            None => words::result(lang, *r).to_string(),
        },
        (None, Some(receipt)) => words::paid_elsewhere(lang, receipt),
        (None, None) => words::no_result(lang).to_string(),
    }
}

fn row(lang: Lang, s: &Stop) -> String {
    format!(
        "{:>3} {} {} {}  {}",
        s.stop,
        pad(&for_display(&s.record_code), CODE_W),
        pad(&for_display(&s.full_name), NAME_W),
        right(&s.amount.format_plain(), AMOUNT_W),
        result_text(lang, s)
    )
}

impl Screen for RoundOutcomes {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        screen_words(lang).round_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if self.asking.is_some() {
            return Some(Msg::Answer(key_match(key, &keys.yes, false)));
        }
        let b = bindings();
        let table = [
            (&b.paid, Msg::Result(StopResult::Paid)),
            (&b.not_home, Msg::Result(StopResult::NotHome)),
            (&b.refused, Msg::Result(StopResult::Refused)),
            (&b.deceased, Msg::Result(StopResult::Deceased)),
            (&b.sheet, Msg::Sheet),
            (&b.issue, Msg::Issue),
            (&b.ret, Msg::Return),
            (&b.reconcile, Msg::Reconcile),
        ];
        if let Some((_, msg)) = table.iter().find(|(bind, _)| key_match(key, bind, false)) {
            return Some(*msg);
        }
        self.select.on_key(key, keys).map(Msg::Move)
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Move(m) => {
                self.select.update(m);
                Nav::Stay
            }
            Msg::Result(r) => self.record(r, ctx),
            Msg::Answer(yes) => match self.asking.take() {
                Some(stop) if yes => self.record_stop(stop, StopResult::Deceased, ctx),
                _ => Nav::Stay,
            },
            Msg::Sheet => {
                self.print_sheet(ctx);
                Nav::Stay
            }
            Msg::Issue => match RoundForm::issue(&self.round, ctx) {
                Some(form) => Nav::push(form),
                None => {
                    self.reload(ctx);
                    Nav::Stay
                }
            },
            Msg::Return => Nav::push(RoundForm::ret(&self.round, ctx)),
            Msg::Reconcile => Nav::push(RoundForm::reconcile(ctx.lang(), &self.round)),
        }
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        let paid_one = outcome == Outcome::Done && self.round.state == RoundState::Issued;
        self.reload(ctx);
        if paid_one
            && self
                .chosen()
                .is_some_and(|s| s.result == Some(StopResult::Paid))
        {
            self.select.update(SelectMsg::Down);
        }
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let w = screen_words(view.lang);
        let theme = view.theme;
        if area.height < 8 || area.width < 4 {
            return;
        }
        let v = &self.round;
        let x = area.x + 1;
        let cols = usize::from(area.width - 2);
        let heading = words::screen_heading(
            view.lang,
            v.number,
            &for_display(&v.hamlet),
            &labels::period(v.period),
            &for_display(&v.postman),
            v.state,
        );
        let buf = frame.buffer_mut();
        buf.set_stringn(x, area.y, fit(&heading, cols), cols, theme.heading());
        let cash = match v.state {
            RoundState::Open => words::to_carry_line(view.lang, v.to_carry()),
            RoundState::Issued => words::out_line(view.lang, v.cash.issued, v.cash.paid),
            _ => words::cash_line(view.lang, v.cash.issued, v.cash.paid, v.cash.returned),
        };
        buf.set_stringn(x, area.y + 1, fit(&cash, cols), cols, theme.text());
        let mut y = area.y + 3;
        buf.set_stringn(
            x,
            y,
            fit(&Self::header(view.lang), cols),
            cols,
            theme.heading(),
        );
        y += 1;
        let rows: Vec<Line> = self.rows(view.lang).into_iter().map(Line::raw).collect();
        let detail_rows = 3;
        let height = area.bottom().saturating_sub(y + detail_rows);
        draw_rows(
            frame,
            Rect::new(x, y, area.width - 2, height),
            &rows,
            self.select.selected(),
            theme,
        );
        let top = area.bottom().saturating_sub(detail_rows - 1);
        let Some(s) = self.chosen() else { return };
        let mut lines = vec![format!(
            "{}: {} · {}: {}",
            w.id_number,
            s.id_number.as_deref().unwrap_or("—"),
            w.address,
            for_display(s.address.as_deref().unwrap_or("—"))
        )];
        if s.result == Some(StopResult::Deceased) {
            lines.push(words::deceased_hint(
                view.lang,
                &for_display(&s.record_code),
                &for_display(&s.full_name),
                words::Said::OnScreen,
            ));
        } else if let Some(n) = &s.note {
            lines.push(for_display(n).into_owned());
        } else if let (Some(d), reason) = (v.difference, &v.reason) {
            lines.push(words::reconciled(view.lang, d, reason.as_deref()));
        }
        for (i, (y, l)) in (top..area.bottom()).zip(&lines).enumerate() {
            let style = if s.result == Some(StopResult::Deceased) && i > 0 {
                theme.error()
            } else {
                theme.text()
            };
            frame.buffer_mut().set_line(
                x,
                y,
                &Line::from(Span::styled(fit(l, cols), style)),
                area.width - 2,
            );
        }
        self.draw_asking(frame, area, view);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let w = screen_words(lang);
        if self.asking.is_some() {
            return vec![
                KeyHelp::new(&keys.yes, w.ask_deceased_yes).short(w.short_ask_yes),
                KeyHelp::new(&keys.no, w.ask_deceased_no).short(w.short_ask_no),
            ];
        }
        let b = bindings();
        // Every key is in the help; the key line shows those of the step
        // the round is at.
        let state = self.round.state;
        let out = state == RoundState::Issued;
        let boss = self.supervisor;
        let entry = |binding: &Binding, what: &str, short: &str, shown: bool| {
            let help = KeyHelp::new(binding, what);
            if shown { help.short(short) } else { help }
        };
        vec![
            move_help(keys, s, w.key_move),
            entry(&b.paid, w.key_paid, w.short_paid, out),
            entry(&b.not_home, w.key_not_home, w.short_not_home, out),
            entry(&b.refused, w.key_refused, w.short_refused, out),
            entry(&b.deceased, w.key_deceased, w.short_deceased, out),
            entry(
                &b.sheet,
                w.key_sheet,
                w.short_sheet,
                state == RoundState::Open,
            ),
            entry(
                &b.issue,
                w.key_issue,
                w.short_issue,
                boss && state == RoundState::Open,
            ),
            entry(&b.ret, w.key_return, w.short_return, boss && out),
            entry(
                &b.reconcile,
                w.key_reconcile,
                w.short_reconcile,
                boss && state == RoundState::Returned,
            ),
        ]
    }
}
