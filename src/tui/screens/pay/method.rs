//! Step 3 of paying: how the money reaches the receiver — cash at the
//! counter, cash at home, a transfer to a bank account or to a digital
//! account. The person's registered method is chosen to begin with and
//! marked; a transfer goes on to the account and reference
//! ([`super::transfer::TransferForm`]), cash straight to the confirmation.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::confirm::Confirm;
use super::transfer::TransferForm;
use super::{Draft, draw_heading, pass_down, receiver_line};
use crate::domain::payment::PayMethod;
use crate::i18n::{labels, strings};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::screens::{Nav, Outcome, Screen};
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::select::{Select, SelectMsg, draw_rows};

/// Step 3: choosing the method.
pub struct ChooseMethod {
    draft: Draft,
    select: Select,
}

/// What a key does at step 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Move(SelectMsg),
    Choose(usize),
}

impl ChooseMethod {
    pub fn new(draft: Draft) -> ChooseMethod {
        let mut select = Select::new(PayMethod::ALL.len());
        let registered = draft.view.person.pay_method;
        select.select(
            PayMethod::ALL
                .iter()
                .position(|&m| m == registered)
                .unwrap_or(0),
        );
        ChooseMethod { draft, select }
    }

    fn choose(&mut self, i: usize, ctx: &mut Ctx) -> Nav {
        self.select.select(i);
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
    type Msg = Msg;

    fn title(&self) -> String {
        strings::t().step_method.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key_match(key, &keys.enter, false) {
            return Some(Msg::Choose(self.select.selected()));
        }
        if let KeyCode::Char(c) = key.code
            && !key.modifiers.contains(KeyModifiers::CONTROL)
            && let Some(n) = c.to_digit(10)
        {
            let i = usize::try_from(n).ok()?.checked_sub(1)?;
            return (i < PayMethod::ALL.len()).then_some(Msg::Choose(i));
        }
        self.select.on_key(key, keys).map(Msg::Move)
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Move(m) => {
                self.select.update(m);
                Nav::Stay
            }
            Msg::Choose(i) => self.choose(i, ctx),
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
                let marker = if i == self.select.selected() {
                    '▸'
                } else {
                    ' '
                };
                let mut text = format!("{marker} {}  {}", i + 1, labels::method(m));
                if m == registered {
                    text.push_str(&format!("  ({})", s.method_registered));
                }
                Line::raw(fit(&text, usize::from(w)))
            })
            .collect();
        let list = Rect::new(x, body.y + 2, w.min(60), body.height.saturating_sub(2));
        draw_rows(frame, list, &rows, self.select.selected(), view.theme);
    }

    fn keys(&self, keys: &KeyList) -> Vec<KeyHelp> {
        let s = strings::t();
        let mut moving = KeyHelp::keys(&format!("{}/{}", keys.up, keys.down), s.key_menu_move)
            .short(s.short_choose);
        moving.first = format!(
            "{}{}",
            KeyHelp::new(&keys.up, "").first,
            KeyHelp::new(&keys.down, "").first
        );
        vec![
            KeyHelp::new(&keys.enter, s.key_choose_method).short(s.short_next_step),
            moving,
            KeyHelp::keys(&format!("1–{}", PayMethod::ALL.len()), s.key_menu_number),
        ]
    }
}
