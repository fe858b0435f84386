//! Step 3 of paying: how the money reaches the receiver — cash at the
//! counter, cash at home, a transfer to a bank account or to a digital
//! account. The draft's method is chosen to begin with and marked: the
//! person's registered one (cash at the counter for one registered to be
//! paid at home, who is at the counter now; the home row still says it was
//! registered), cash for an heir. A transfer goes on to the account and
//! reference ([`super::transfer::TransferForm`]), cash straight to the
//! confirmation.
//!
//! Cash (at the counter or carried home) comes out of the clerk's drawer.
//! When the drawer cannot pay it — not opened today, already counted, or
//! not holding enough — the cash rows say so, no row is marked when cash
//! was the registered method, and choosing cash repeats the reason
//! instead of going on.

use crate::i18n::Lang;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::cash::{CashBlock, cash_block};
use super::confirm::Confirm;
use super::transfer::TransferForm;
use super::{Draft, draw_heading, pass_down, receiver_line};
use crate::domain::payment::PayMethod;
use crate::i18n::{labels, strings};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::screens::{Nav, Outcome, Screen};
use crate::tui::widgets::choice_list::{ChoiceList, ChoiceMsg};
use crate::tui::widgets::fit::{fit, wrap};

/// Step 3: choosing the method.
pub struct ChooseMethod {
    draft: Draft,
    list: ChoiceList,
    /// Why the clerk's drawer cannot pay this in cash, if it cannot.
    cash: Option<CashBlock>,
}

/// What a key does at step 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    List(ChoiceMsg),
    /// Enter with no row marked.
    NothingMarked,
}

impl ChooseMethod {
    /// Step 3 for `draft`, asking the service whether the clerk's drawer
    /// can pay it in cash.
    pub fn new(draft: Draft, ctx: &Ctx) -> ChooseMethod {
        let cash = cash_block(ctx, draft.view.unpaid_total);
        // The draft starts with the method to mark: the registered one
        // (`Draft::new`), or cash for an heir (`Draft::for_heir`).
        let at = PayMethod::ALL
            .iter()
            .position(|&m| m == draft.method)
            .unwrap_or(0);
        let len = PayMethod::ALL.len();
        let list = if draft.method.is_cash() && cash.is_some() {
            ChoiceList::unmarked(len, at)
        } else {
            let mut list = ChoiceList::new(len);
            list.select(at);
            list
        };
        ChooseMethod { draft, list, cash }
    }

    /// Why cash cannot be paid now, if it cannot.
    pub fn cash_block(&self) -> Option<CashBlock> {
        self.cash
    }

    fn choose(&mut self, i: usize, ctx: &mut Ctx) -> Nav {
        let Some(&method) = PayMethod::ALL.get(i) else {
            return Nav::Stay;
        };
        if let (true, Some(why)) = (method.is_cash(), self.cash) {
            ctx.error(&strings::cash_blocked(ctx.lang(), why));
            return Nav::Stay;
        }
        let mut draft = self.draft.clone();
        draft.method = method;
        if method.is_transfer() {
            Nav::push(TransferForm::new(ctx.lang(), draft))
        } else {
            draft.account = None;
            draft.reference = None;
            Nav::push(Confirm::open(draft, ctx))
        }
    }
}

impl Screen for ChooseMethod {
    /// A payment not recorded is dropped at the lock: the receiver is
    /// checked again.
    fn on_lock(&self) -> crate::tui::screens::OnLock {
        crate::tui::screens::OnLock::Drop
    }

    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().step_method.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if !self.list.is_marked() && key_match(key, &keys.enter, false) {
            return Some(Msg::NothingMarked);
        }
        self.list.on_key(key, keys).map(Msg::List)
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            // Cash the drawer cannot pay is refused before the list marks
            // it, so the marker never rests on a row that cannot be taken.
            Msg::List(ChoiceMsg::Choose(i))
                if self.cash.is_some() && PayMethod::ALL.get(i).is_some_and(|m| m.is_cash()) =>
            {
                if let Some(why) = self.cash {
                    ctx.error(&strings::cash_blocked(ctx.lang(), why));
                }
                Nav::Stay
            }
            Msg::List(m) => match self.list.update(m) {
                Some(i) => self.choose(i, ctx),
                None => Nav::Stay,
            },
            Msg::NothingMarked => {
                if let Some(why) = self.cash {
                    ctx.error(&strings::cash_blocked(ctx.lang(), why));
                }
                Nav::Stay
            }
        }
    }

    fn on_result(&mut self, outcome: Outcome, _ctx: &mut Ctx) -> Nav {
        pass_down(outcome)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let body = draw_heading(
            view.lang,
            frame,
            area,
            s.step_method,
            &self.draft,
            view.theme,
        );
        let x = body.x + 1;
        let w = body.width.saturating_sub(2);
        let who = format!(
            "{}: {}",
            s.receiver_label,
            receiver_line(view.lang, &self.draft)
        );
        frame.buffer_mut().set_stringn(
            x,
            body.y,
            fit(&who, usize::from(w)),
            usize::from(w),
            view.theme.text(),
        );
        let registered = self.draft.view.method();
        let rows: Vec<Line> = PayMethod::ALL
            .iter()
            .enumerate()
            .map(|(i, &m)| {
                let mut label = labels::method(view.lang, m).to_string();
                let mut notes = Vec::new();
                if m == registered {
                    notes.push(s.method_registered.to_string());
                }
                if let (true, Some(why)) = (m.is_cash(), self.cash) {
                    notes.push(strings::cash_blocked_short(view.lang, why).to_string());
                }
                if !notes.is_empty() {
                    label.push_str(&format!("  ({})", notes.join("; ")));
                }
                Line::raw(fit(&self.list.row(i, &label), usize::from(w)))
            })
            .collect();
        let list = Rect::new(x, body.y + 2, w, body.height.saturating_sub(2));
        self.list.draw(frame, list, &rows, view.theme);
        if let Some(why) = self.cash {
            let top = list.y + u16::try_from(rows.len()).unwrap_or(0) + 1;
            let text = wrap(&strings::cash_blocked(view.lang, why), usize::from(w));
            for (line, y) in text.iter().zip(top..body.bottom()) {
                frame
                    .buffer_mut()
                    .set_stringn(x, y, line, usize::from(w), view.theme.error());
            }
        }
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let choose = KeyHelp::new(&keys.enter, s.key_choose_method).short(s.short_next_step);
        self.list.help(keys, s, choose)
    }
}
