//! Choosing which of a person's payments to see the receipt of: a small box
//! over the person's screen listing the payments of the last twelve months,
//! newest first (a voided one marked "ĐÃ HỦY"). Enter opens the receipt
//! ([`super::receipt::ReceiptView`]), where it can be printed again.
//!
//! The same box chooses which payment to void ([`ReceiptList::to_void`]):
//! then it lists the standing payments only, and Enter opens
//! [`super::void::VoidPayment`].

use crate::i18n::Lang;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::person::periods_label;
use super::receipt::ReceiptView;
use super::void::VoidPayment;
use super::{Nav, Outcome, Screen};
use crate::domain::payment::PaymentRecord;
use crate::i18n::labels;
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::widgets::fit::{fit, right};
use crate::tui::widgets::popup;
use crate::tui::widgets::select::{Select, SelectMsg, draw_rows, move_help};

/// What choosing a payment is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Show,
    Void,
}

/// The list of receipts.
pub struct ReceiptList {
    payments: Vec<PaymentRecord>,
    select: Select,
    purpose: Purpose,
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
            purpose: Purpose::Show,
        }
    }

    /// Choosing which of `payments` (the standing ones) to void.
    pub fn to_void(payments: Vec<PaymentRecord>) -> ReceiptList {
        ReceiptList {
            purpose: Purpose::Void,
            ..ReceiptList::new(payments)
        }
    }

    fn row(lang: Lang, p: &PaymentRecord) -> String {
        let mut row = format!(
            "{}  {}  {}  {}",
            for_display(&labels::date(&p.paid_at)),
            for_display(&p.receipt_no),
            right(&p.total.to_string(), 13),
            periods_label(&p.periods())
        );
        if p.is_reversed() {
            row.push_str(&format!("  {}", lang.strings().voided));
        }
        row
    }
}

impl Screen for ReceiptList {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self.purpose {
            Purpose::Show => s.receipt_list_title,
            Purpose::Void => s.void_list_title,
        }
        .to_string()
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
            Msg::Open => {
                let Some(p) = self.payments.get(self.select.selected()) else {
                    return Nav::Stay;
                };
                let next = match self.purpose {
                    Purpose::Show => ReceiptView::open(ctx, p).map(Nav::push),
                    Purpose::Void => VoidPayment::open(ctx, p).map(Nav::push),
                };
                next.unwrap_or(Nav::Stay)
            }
        }
    }

    fn on_result(&mut self, outcome: Outcome, _ctx: &mut Ctx) -> Nav {
        // A payment was voided: the file below reads itself again.
        match outcome {
            Outcome::Refresh => Nav::Back(Outcome::Refresh),
            _ => Nav::Stay,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let height = u16::try_from(self.payments.len().min(12) + 2).unwrap_or(14);
        let rect = popup::centered(area, 74, height);
        let inner = popup::open(frame, rect, &self.title(view.lang), view.theme);
        let rows: Vec<Line> = self
            .payments
            .iter()
            .map(|p| Line::raw(fit(&Self::row(view.lang, p), usize::from(inner.width))))
            .collect();
        draw_rows(frame, inner, &rows, self.select.selected(), view.theme);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let open = match self.purpose {
            Purpose::Show => s.key_show_receipt,
            Purpose::Void => s.key_void_this,
        };
        vec![
            KeyHelp::new(&keys.enter, open).short(s.short_open),
            move_help(keys, s, s.key_menu_move),
        ]
    }

    fn is_popup(&self) -> bool {
        true
    }
}
