//! Choosing which of a person's payments to see the receipt of: a small box
//! over the person's screen listing the payments of the last twelve months,
//! newest first (a voided one marked "ĐÃ HỦY"). Enter opens the receipt
//! ([`super::receipt::ReceiptView`]), where it can be printed again.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::person::periods_label;
use super::receipt::ReceiptView;
use super::{Nav, Screen};
use crate::domain::payment::PaymentRecord;
use crate::i18n::{labels, strings};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::widgets::fit::{fit, right};
use crate::tui::widgets::popup;
use crate::tui::widgets::select::{Select, SelectMsg, draw_rows};

/// The list of receipts.
pub struct ReceiptList {
    payments: Vec<PaymentRecord>,
    select: Select,
}

/// What a key does in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Move(SelectMsg),
    Open,
}

impl ReceiptList {
    pub fn new(payments: Vec<PaymentRecord>) -> ReceiptList {
        ReceiptList {
            select: Select::new(payments.len()),
            payments,
        }
    }

    fn row(p: &PaymentRecord) -> String {
        let mut row = format!(
            "{}  {}  {}  {}",
            for_display(&labels::date(&p.paid_at)),
            for_display(&p.receipt_no),
            right(&p.total.to_string(), 13),
            periods_label(&p.periods())
        );
        if p.is_reversed() {
            row.push_str(&format!("  {}", strings::t().voided));
        }
        row
    }
}

impl Screen for ReceiptList {
    type Msg = Msg;

    fn title(&self) -> String {
        strings::t().receipt_list_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key_match(key, &keys.enter, false) || key_match(key, &keys.receipts, false) {
            Some(Msg::Open)
        } else {
            self.select.on_key(key, keys).map(Msg::Move)
        }
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Move(m) => {
                self.select.update(m);
                Nav::Stay
            }
            Msg::Open => match self
                .payments
                .get(self.select.selected())
                .and_then(|p| ReceiptView::open(ctx, p))
            {
                Some(view) => Nav::push(view),
                None => Nav::Stay,
            },
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let height = u16::try_from(self.payments.len().min(12) + 2).unwrap_or(14);
        let rect = popup::centered(area, 74, height);
        let inner = popup::open(frame, rect, &self.title(), view.theme);
        let rows: Vec<Line> = self
            .payments
            .iter()
            .map(|p| Line::raw(fit(&Self::row(p), usize::from(inner.width))))
            .collect();
        draw_rows(frame, inner, &rows, self.select.selected(), view.theme);
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
            KeyHelp::new(&keys.enter, s.key_show_receipt).short(s.short_open),
            moving,
        ]
    }

    fn is_popup(&self) -> bool {
        true
    }
}
