//! Step 3 of paying: how the money reaches the receiver — cash at the
//! counter, cash at home, a transfer to a bank account or to a digital
//! account. The person's registered method is chosen to begin with and
//! marked; a transfer goes on to the account and reference
//! ([`super::transfer::TransferForm`]), cash straight to the confirmation.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::confirm::Confirm;
use super::transfer::TransferForm;
use super::{Draft, draw_heading, pass_down, receiver_line};
use crate::domain::payment::PayMethod;
use crate::i18n::{labels, strings};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::screens::{Nav, Outcome, Screen};
use crate::tui::widgets::choice_list::{ChoiceList, ChoiceMsg};
use crate::tui::widgets::fit::fit;

/// Step 3: choosing the method.
pub struct ChooseMethod {
    draft: Draft,
    list: ChoiceList,
}

impl ChooseMethod {
    pub fn new(draft: Draft) -> ChooseMethod {
        let mut list = ChoiceList::new(PayMethod::ALL.len());
        let registered = draft.view.person.pay_method;
        list.select(
            PayMethod::ALL
                .iter()
                .position(|&m| m == registered)
                .unwrap_or(0),
        );
        ChooseMethod { draft, list }
    }

    fn choose(&mut self, i: usize, ctx: &mut Ctx) -> Nav {
        let Some(&method) = PayMethod::ALL.get(i) else {
            return Nav::Stay;
        };
        let mut draft = self.draft.clone();
        draft.method = method;
        if method.is_transfer() {
            Nav::push(TransferForm::new(draft))
        } else {
            draft.account = None;
            draft.reference = None;
            Nav::push(Confirm::open(draft, ctx))
        }
    }
}

impl Screen for ChooseMethod {
    /// Moving, or choosing the method at an index.
    type Msg = ChoiceMsg;

    fn title(&self) -> String {
        strings::t().step_method.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<ChoiceMsg> {
        self.list.on_key(key, keys)
    }

    fn update(&mut self, msg: ChoiceMsg, ctx: &mut Ctx) -> Nav {
        match self.list.update(msg) {
            Some(i) => self.choose(i, ctx),
            None => Nav::Stay,
        }
    }

    fn on_result(&mut self, outcome: Outcome, _ctx: &mut Ctx) -> Nav {
        pass_down(outcome)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = strings::t();
        let body = draw_heading(frame, area, s.step_method, &self.draft, view.theme);
        let x = body.x + 1;
        let w = body.width.saturating_sub(2);
        let who = format!("{}: {}", s.receiver_label, receiver_line(&self.draft));
        frame.buffer_mut().set_stringn(
            x,
            body.y,
            fit(&who, usize::from(w)),
            usize::from(w),
            view.theme.text(),
        );
        let registered = self.draft.view.person.pay_method;
        let rows: Vec<Line> = PayMethod::ALL
            .iter()
            .enumerate()
            .map(|(i, &m)| {
                let mut label = labels::method(m).to_string();
                if m == registered {
                    label.push_str(&format!("  ({})", s.method_registered));
                }
                Line::raw(fit(&self.list.row(i, &label), usize::from(w)))
            })
            .collect();
        let list = Rect::new(x, body.y + 2, w.min(60), body.height.saturating_sub(2));
        self.list.draw(frame, list, &rows, view.theme);
    }

    fn keys(&self, keys: &KeyList) -> Vec<KeyHelp> {
        let s = strings::t();
        let choose = KeyHelp::new(&keys.enter, s.key_choose_method).short(s.short_next_step);
        self.list.help(keys, s, choose)
    }
}
