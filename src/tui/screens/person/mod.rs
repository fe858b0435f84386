//! One person's file, as the clerk checks it before paying: who they are,
//! how they registered to be paid, who may collect for them, every unpaid
//! line with the total in figures and in words, and the payments of the last
//! twelve months (a voided one struck through and marked "ĐÃ HỦY").
//!
//! Enter (or the pay key) starts the pay flow ([`super::pay`]) after
//! reading the file again, so a payment another clerk just made is seen.
//! When the file was opened by the whole ID number typed or scanned at the
//! counter, that number is the receiver's check for the person themself,
//! and the flow does not ask it again.
//!
//! A letter or digit typed here never acts: the clerk is starting the next
//! search, so the screen closes back to the counter with it typed. The keys
//! that act are Enter, function keys and Ctrl keys.
//! When the person cannot be paid (suspended, deceased, moved, nothing
//! owed) the screen says why, and the pay key only repeats the reason.
//! A deceased person's file shows their heir and what is owed to the
//! deceased; the pay key pays the heir, or, with no heir on file, opens
//! the heir's papers for a supervisor ([`super::heir`]).
//!
//! The file is a document taller than 80×24 when many months are unpaid;
//! ↑/↓/PgUp/PgDn scroll it. The receipts key shows a receipt of the
//! payments listed, to view or print again. The void key ("Hủy chi") asks
//! to void a standing payment ([`super::void`]): the only one, or the one
//! chosen from a list.

use crate::i18n::Lang;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::pay::Draft;
use super::pay::receiver::ChooseReceiver;
use super::receipt::ReceiptView;
use super::receipt_list::ReceiptList;
use super::status::StatusChange;
use super::void::VoidPayment;
use super::{Nav, Outcome, Screen};

mod page;
use crate::domain::person::Status;
use crate::i18n::strings;
use crate::service::counter::PersonView;
use crate::service::pay::{PaidBy, PayError};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::theme::Theme;
use crate::tui::widgets::doc::{self, Scroll, ScrollMsg};
use page::document;
pub(crate) use page::lines_row;
pub use page::{periods_label, proxy_state};

/// Columns the document is laid out in (the narrowest window, less margins),
/// so its length, and so scrolling, does not depend on the window.
const DOC_WIDTH: usize = 78;

/// Rows of the smallest page the document is shown in (80×24 with a
/// three-row message).
const MIN_PAGE: usize = 18;

/// The person screen.
pub struct Person {
    view: PersonView,
    /// The ID number typed or scanned at the counter, when it is exactly
    /// the person's on file.
    found_by_id: Option<String>,
    scroll: Scroll,
}

/// What a key does on the person screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Pay,
    Receipts,
    Void,
    Status,
    Register,
    Scroll(ScrollMsg),
    /// A character typed: back to the counter, searching for it.
    Search(char),
}

impl Person {
    pub fn new(view: PersonView) -> Person {
        Person {
            view,
            found_by_id: None,
            scroll: Scroll::default(),
        }
    }

    /// The file of a person found at the counter by `typed`, kept as the
    /// check of an ID number only when it is exactly the one on file: the
    /// person's own, or that of a proxy or guardian on file for them (step
    /// 1 then has that receiver marked, and step 2 is done).
    pub fn found_by(view: PersonView, typed: &str) -> Person {
        let exact = view.id_number() == Some(typed)
            || view.proxies.iter().any(|p| p.proxy.id_number == typed);
        Person {
            found_by_id: exact.then(|| typed.to_string()),
            ..Person::new(view)
        }
    }

    /// The ID number that found this person, when it is exactly theirs or
    /// their proxy's or guardian's on file.
    pub fn found_by_id(&self) -> Option<&str> {
        self.found_by_id.as_deref()
    }

    pub fn view(&self) -> &PersonView {
        &self.view
    }

    fn reload(&mut self, ctx: &mut Ctx) -> bool {
        match ctx.service.person_view(self.view.person.id) {
            Ok(view) => {
                self.view = view;
                true
            }
            Err(e) => {
                ctx.error(&e);
                false
            }
        }
    }

    fn pay(&mut self, ctx: &mut Ctx) -> Nav {
        // Read again: another clerk may have paid a moment ago.
        if !self.reload(ctx) {
            return Nav::Stay;
        }
        // A closed day takes no payment of any kind: said now, not after
        // the four steps.
        if let Ok(Some(closed)) = ctx.service.today_closed() {
            let said = crate::i18n::Say::say(&closed, ctx.lang());
            ctx.error(&format!(
                "{said} {}",
                crate::i18n::strings::today_closed_what_to_do(ctx.lang())
            ));
            return Nav::Stay;
        }
        if self.view.person.status == Status::Deceased {
            return match Draft::for_heir(self.view.clone()) {
                Some(draft) if draft.view.unpaid_total > crate::domain::Money::ZERO => {
                    Nav::push(ChooseReceiver::new(draft))
                }
                Some(draft) => {
                    ctx.error(&nothing_left(&draft.view));
                    Nav::Stay
                }
                // A supervisor records the heir from here; a clerk is told
                // to ask for one.
                None if ctx.session.as_ref().is_some_and(|s| s.is_supervisor()) => {
                    Nav::push(super::heir::HeirForm::new(
                        ctx.lang(),
                        self.view.person.id,
                        &self.view.person.full_name,
                    ))
                }
                None => {
                    ctx.error(&crate::service::heirs::HeirError::NoHeir);
                    Nav::Stay
                }
            };
        }
        if let Some(why) = why_not_payable(&self.view) {
            ctx.error(&why);
            return Nav::Stay;
        }
        // Lines changed behind chitra's back are refused by every payment:
        // said now, not after the four steps.
        if !self.view.forged.is_empty() {
            ctx.error(&Forged(crate::i18n::store::forged_months(&self.view)));
            return Nav::Stay;
        }
        // Lines a bank batch holds are not paid at the counter by any
        // method: said now, not after the four steps.
        if let Some(crate::service::bank::BankNote::Waiting { batch }) = &self.view.bank {
            ctx.error(&HeldByBank(*batch));
            return Nav::Stay;
        }
        let mut draft = Draft::new(self.view.clone());
        draft.id_checked = self.found_by_id.clone();
        Nav::push(ChooseReceiver::new(draft))
    }

    fn receipts(&mut self, ctx: &mut Ctx) -> Nav {
        match self.view.payments.as_slice() {
            [] => {
                ctx.info(ctx.lang().strings().person_no_payments);
                Nav::Stay
            }
            [only] => match ReceiptView::open(ctx, only) {
                Some(view) => Nav::push(view),
                None => Nav::Stay,
            },
            many => Nav::push(ReceiptList::new(many.to_vec())),
        }
    }

    fn void(&mut self, ctx: &mut Ctx) -> Nav {
        // Read again: the payment may have been voided a moment ago.
        if !self.reload(ctx) {
            return Nav::Stay;
        }
        let standing: Vec<_> = self
            .view
            .payments
            .iter()
            .filter(|p| !p.is_reversed())
            .cloned()
            .collect();
        match standing.as_slice() {
            [] => {
                ctx.info(ctx.lang().strings().person_nothing_to_void);
                Nav::Stay
            }
            [only] => match VoidPayment::open(ctx, only) {
                Some(popup) => Nav::push(popup),
                None => Nav::Stay,
            },
            _ => Nav::push(ReceiptList::to_void(standing)),
        }
    }

    /// The document's length, for scrolling.
    fn doc_len(&self, lang: Lang) -> usize {
        document(lang, &self.view, &Theme::plain()).len()
    }
}

/// The months of lines changed behind chitra's back, said with the
/// screens' keys.
struct Forged(Vec<String>);

impl crate::i18n::Localize for Forged {
    fn vi(&self) -> String {
        crate::i18n::store::forged_on_file(Lang::Vi, &self.0)
    }
    fn en(&self) -> String {
        crate::i18n::store::forged_on_file(Lang::En, &self.0)
    }
}

/// Lines waiting in a bank batch (its number), said with the screens' keys.
struct HeldByBank(i64);

impl crate::i18n::Localize for HeldByBank {
    fn vi(&self) -> String {
        crate::i18n::bank::locked_on_screen(Lang::Vi, self.0)
    }
    fn en(&self) -> String {
        crate::i18n::bank::locked_on_screen(Lang::En, self.0)
    }
}

/// Why the pay flow cannot start, in the service's own words; `None` when
/// it can.
pub fn why_not_payable(view: &PersonView) -> Option<PayError> {
    let p = &view.person;
    if !p.is_payable() {
        return Some(PayError::NotPayable {
            status: p.status,
            note: p.status_note.clone(),
        });
    }
    if view.unpaid.is_empty() {
        return Some(nothing_left(view));
    }
    if !view.can_pay() {
        return Some(PayError::NotPositive {
            total: view.unpaid_total,
        });
    }
    None
}

/// "Nothing left to pay", with the last payment if there is one.
fn nothing_left(view: &PersonView) -> PayError {
    if view.unpaid_total < crate::domain::Money::ZERO {
        return PayError::NotPositive {
            total: view.unpaid_total,
        };
    }
    let last = view
        .payments
        .iter()
        .find(|p| !p.is_reversed())
        .map(|p| PaidBy {
            clerk: p.clerk.clone(),
            at: p.paid_at.clone(),
            receipt_no: p.receipt_no.clone(),
        });
    PayError::NothingToPay { last }
}

impl Screen for Person {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().person_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        // Letters are text here (see `typing`): only keys that are not
        // letters act.
        if key_match(key, &keys.pay, true) {
            Some(Msg::Pay)
        } else if key_match(key, &keys.receipts, true) {
            Some(Msg::Receipts)
        } else if key_match(key, &keys.void, true) {
            Some(Msg::Void)
        } else if key_match(key, &keys.status, true) {
            Some(Msg::Status)
        } else if super::register::opens(key) {
            Some(Msg::Register)
        } else if let Some(m) = Scroll::on_key(key, keys) {
            Some(Msg::Scroll(m))
        } else {
            typed_char(key).map(Msg::Search)
        }
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Pay => self.pay(ctx),
            Msg::Receipts => self.receipts(ctx),
            Msg::Void => self.void(ctx),
            Msg::Status => {
                if ctx.session.as_ref().is_some_and(|s| s.is_supervisor()) {
                    Nav::push(StatusChange::new(
                        ctx.lang(),
                        self.view.person.clone(),
                        self.view.death_reported.as_ref().map(|(round, _)| *round),
                    ))
                } else {
                    ctx.error(&ctx.lang().strings().status_needs_supervisor);
                    Nav::Stay
                }
            }
            Msg::Register => super::register::open(&self.view, ctx),
            Msg::Scroll(m) => {
                let last = self.doc_len(ctx.lang()).saturating_sub(MIN_PAGE);
                self.scroll.update(m, last);
                Nav::Stay
            }
            Msg::Search(c) => Nav::Back(Outcome::Search(c.to_string())),
        }
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        if matches!(outcome, Outcome::NextPerson | Outcome::Search(_)) {
            return Nav::Back(outcome);
        }
        // Whoever stands at the counter after the lock shows their card
        // again: the check made when the person was found no longer holds.
        if outcome == Outcome::Unlocked {
            self.found_by_id = None;
        }
        self.reload(ctx);
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let lines = document(view.lang, &self.view, view.theme);
        let inner = Rect::new(
            area.x + 1,
            area.y,
            area.width.saturating_sub(2),
            area.height,
        );
        doc::draw(
            frame,
            inner,
            &lines,
            self.scroll.top(),
            view.lang.strings().more_below,
            view.theme,
        );
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        // In the key line only when Enter can pay (or, for a deceased
        // person, record or pay the heir): on a file with nothing to pay
        // it would only bring the reason, which the file already shows.
        let mut pay = KeyHelp::new(&keys.pay, s.key_pay);
        if self.view.can_pay() || self.view.heir.is_some() {
            // Both keys that pay ("Enter/F5"): each of them works.
            pay = KeyHelp::keys(&keys.pay.to_string(), s.key_pay).short(s.short_pay);
        }
        // In the key line only while there is a payment to void.
        let mut void = KeyHelp::new(&keys.void, s.key_void);
        if self.view.payments.iter().any(|p| !p.is_reversed()) {
            void = void.short(s.short_void);
        }
        vec![
            pay,
            KeyHelp::new(&keys.receipts, s.key_receipts).short(s.short_receipts),
            void,
            super::register::help(lang).short(s.short_register),
            KeyHelp::new(&keys.status, s.key_status),
            Scroll::help(keys, s),
            KeyHelp::keys(
                strings::letters_key(lang),
                strings::key_letters_search(lang),
            ),
        ]
    }

    fn typing(&self) -> bool {
        true
    }

    fn takes_char(&self, c: char) -> bool {
        // Like the counter's search field: everything but "?" (help).
        c != '?'
    }
}

/// The character a key types, if it types one (no Ctrl, not a space).
pub(crate) fn typed_char(key: &KeyEvent) -> Option<char> {
    use crossterm::event::{KeyCode, KeyModifiers};
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && !c.is_control()
                && c != ' ' =>
        {
            Some(c)
        }
        _ => None,
    }
}
