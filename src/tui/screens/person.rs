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
use ratatui::text::{Line, Span};

use super::pay::Draft;
use super::pay::receiver::ChooseReceiver;
use super::receipt::ReceiptView;
use super::receipt_list::ReceiptList;
use super::status::StatusChange;
use super::void::VoidPayment;
use super::{Nav, Outcome, Screen};
use crate::domain::in_words;
use crate::domain::person::Status;
use crate::domain::proxy::Validity;
use crate::i18n::{labels, register, strings};
use crate::service::counter::{PersonView, ProxyOnFile};
use crate::service::pay::{PaidBy, PayError};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::theme::Theme;
use crate::tui::widgets::doc::{self, Scroll, ScrollMsg};
use crate::tui::widgets::fit::{fit, pad, right, width, wrap};

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
    /// check of their ID number only when it is exactly the one on file.
    pub fn found_by(view: PersonView, typed: &str) -> Person {
        let exact = view.person.id_number.as_deref() == Some(typed);
        Person {
            found_by_id: exact.then(|| typed.to_string()),
            ..Person::new(view)
        }
    }

    /// The ID number that found this person, when it is theirs exactly.
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
                    Nav::push(StatusChange::new(ctx.lang(), self.view.person.clone()))
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
        let pay = KeyHelp::new(&keys.pay, s.key_pay).short(s.short_pay);
        // In the key line only while there is a payment to void.
        let mut void = KeyHelp::new(&keys.void, s.key_void);
        if self.view.payments.iter().any(|p| !p.is_reversed()) {
            void = void.short(s.short_void);
        }
        vec![
            pay,
            KeyHelp::new(&keys.receipts, s.key_receipts).short(s.short_receipts),
            void,
            KeyHelp::new(&keys.status, s.key_status),
            super::register::help(lang),
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

fn span(text: impl Into<String>, style: ratatui::style::Style) -> Span<'static> {
    Span::styled(text.into(), style)
}

/// "11/2026" or "10/2026–11/2026": the periods a payment covered.
pub fn periods_label(periods: &[crate::domain::Period]) -> String {
    match periods {
        [] => String::new(),
        [one] => one.short_label(),
        [first, .., last] => format!("{}–{}", first.short_label(), last.short_label()),
    }
}

/// A proxy's kind and whether it can be used today, as the clerk reads it:
/// "Ủy quyền, còn hạn đến 31/12/2026".
pub fn proxy_state(lang: Lang, p: &ProxyOnFile) -> String {
    let s = lang.strings();
    let kind = if p.proxy.guardian {
        s.proxy_kind_guardian
    } else {
        s.proxy_kind_proxy
    };
    let when = match p.validity {
        Validity::InDate => match p.proxy.valid_to {
            Some(to) => strings::valid_until(lang, &to.format("%d/%m/%Y").to_string()),
            None => s.valid_no_end.to_string(),
        },
        Validity::Expired { on } => strings::expired_on(lang, &on.format("%d/%m/%Y").to_string()),
        Validity::NotYetValid { from } => {
            strings::not_yet_valid(lang, &from.format("%d/%m/%Y").to_string())
        }
    };
    format!("{kind}, {when}")
}

/// Everything the screen shows, one entry per row, laid out in
/// [`DOC_WIDTH`] columns.
fn document(lang: Lang, v: &PersonView, theme: &Theme) -> Vec<Line<'static>> {
    let s = lang.strings();
    let d = |t: &str| for_display(t).into_owned();
    let p = &v.person;
    let mut out: Vec<Line<'static>> = Vec::new();

    // Who.
    let code = format!(
        "{} {} · {}: {}",
        s.person_code,
        d(&p.record_code),
        s.person_month_state,
        labels::month_state(lang, v.state)
    );
    let name = fit(&d(&p.full_name), DOC_WIDTH.saturating_sub(width(&code) + 2));
    let gap = DOC_WIDTH.saturating_sub(width(&name) + width(&code));
    out.push(Line::from(vec![
        span(name, theme.heading()),
        span(" ".repeat(gap), theme.text()),
        span(code, theme.text()),
    ]));
    let mut who = Vec::new();
    if let Some(y) = p.birth_year {
        who.push(format!("{} {y}", s.person_born));
    }
    if let Some(g) = p.gender {
        who.push(labels::gender(lang, g).to_string());
    }
    who.push(format!(
        "{} {}",
        s.person_id,
        p.id_number
            .as_deref()
            .map(d)
            .unwrap_or_else(|| s.none.into())
    ));
    if let Some(phone) = v.phone() {
        who.push(format!("{} {}", s.person_phone, d(phone)));
    }
    out.push(Line::raw(fit(&who.join(" · "), DOC_WIDTH)));
    let place = format!(
        "{}: {} · {}: {}",
        s.person_address,
        p.address.as_deref().map(d).unwrap_or_else(|| s.none.into()),
        s.person_hamlet,
        p.hamlet.as_deref().map(d).unwrap_or_else(|| s.none.into())
    );
    out.push(Line::raw(fit(&place, DOC_WIDTH)));
    let category = format!(
        "{}: {}",
        s.person_category,
        p.category
            .as_deref()
            .map(d)
            .unwrap_or_else(|| s.none.into())
    );
    out.push(Line::raw(fit(&category, DOC_WIDTH)));
    if p.status != Status::Active {
        let mut st = format!("{}: {}", s.person_status, labels::status(lang, p.status));
        if let Some(since) = &p.status_since {
            st.push_str(&format!(" {} {}", s.since, d(&labels::date(since))));
        }
        if let Some(note) = &p.status_note {
            st.push_str(&format!(" ({})", d(note)));
        }
        out.push(Line::from(span(fit(&st, DOC_WIDTH), theme.heading())));
    }
    if let Some(stop) = &v.stop {
        let line = d(&crate::i18n::changes::stop_line(lang, stop));
        out.push(Line::from(span(fit(&line, DOC_WIDTH), theme.heading())));
    }
    // Lines held elsewhere, said before the clerk starts to pay.
    let held = [
        v.bank.as_ref().map(|b| b.text(lang)),
        v.round_out
            .as_ref()
            .map(|(n, postman)| crate::i18n::rounds::held_at_counter(lang, *n, postman)),
    ];
    for line in held.into_iter().flatten() {
        for part in crate::text::layout::wrap(&d(&line), DOC_WIDTH) {
            out.push(Line::from(span(part, theme.heading())));
        }
    }
    let mut method = format!("{}: {}", s.person_method, labels::method(lang, v.method()));
    let (account, bank) = v.account();
    if let Some(acc) = account {
        method.push_str(&format!(" · {} {}", s.account_short, d(acc)));
    }
    if let Some(bank) = bank {
        method.push_str(&format!(" · {}", d(bank)));
    }
    if let Some(reason) = v.home_reason() {
        method.push_str(&format!(" · {}", register::home_reason(lang, reason)));
    }
    out.push(Line::raw(fit(&method, DOC_WIDTH)));
    if v.proxies.is_empty() {
        out.push(Line::raw(format!("{}: {}", s.person_proxies, s.none)));
    } else {
        out.push(Line::raw(format!("{}:", s.person_proxies)));
        for pr in &v.proxies {
            let state = proxy_state(lang, pr);
            let style = if pr.validity == Validity::InDate {
                theme.text()
            } else {
                theme.heading()
            };
            let who = format!(
                " {} ({}) · {}",
                d(&pr.proxy.full_name),
                d(&pr.proxy.relationship),
                d(&pr.proxy.id_number)
            );
            let room = DOC_WIDTH.saturating_sub(width(&state) + 3);
            out.push(Line::from(vec![
                span(format!("  {state}:"), style),
                span(fit(&who, room), theme.text()),
            ]));
        }
    }
    out.push(Line::raw(""));

    // What is owed: to a deceased person's heir, or to the person.
    let (unpaid, unpaid_total) = match &v.heir {
        Some(h) => {
            heir_lines(lang, &mut out, h, theme);
            (&h.owed, h.owed_total)
        }
        None => {
            out.push(Line::from(span(s.person_unpaid_heading, theme.heading())));
            if let Some(why) = why_not_payable(v) {
                for l in wrap(&format!("{} {why}", s.cannot_pay), DOC_WIDTH) {
                    out.push(Line::from(span(l, theme.error())));
                }
            }
            (&v.unpaid, v.unpaid_total)
        }
    };
    if !unpaid.is_empty() {
        out.push(Line::from(span(
            lines_row(s.col_period, s.col_kind, s.col_amount),
            theme.heading(),
        )));
        for l in unpaid {
            out.push(Line::raw(lines_row(
                &l.period.short_label(),
                labels::kind(lang, l.kind),
                &l.amount.to_string(),
            )));
        }
        out.push(Line::from(span(
            lines_row(
                "",
                &strings::total_of_lines(lang, unpaid.len()),
                &unpaid_total.to_string(),
            ),
            theme.heading(),
        )));
        for l in wrap(
            &format!("{} {}", s.in_words, in_words(unpaid_total.dong())),
            DOC_WIDTH - 2,
        ) {
            out.push(Line::raw(format!("  {l}")));
        }
    }
    out.push(Line::raw(""));

    // What was paid.
    out.push(Line::from(span(s.person_paid_heading, theme.heading())));
    if v.payments.is_empty() {
        out.push(Line::raw(format!("  {}", s.person_no_payments)));
    }
    for pay in &v.payments {
        let row = format!(
            "  {}  {}  {}  {}  {}",
            d(&labels::date(&pay.paid_at)),
            d(&pay.receipt_no),
            right(&pay.total.to_string(), 13),
            periods_label(&pay.periods()),
            labels::receiver(lang, pay.receiver_kind)
        );
        match &pay.reversal {
            None => out.push(Line::raw(fit(&row, DOC_WIDTH))),
            Some(r) => {
                out.push(Line::from(span(fit(&row, DOC_WIDTH), theme.struck())));
                let why = format!(
                    "    {} {} — {}",
                    s.voided,
                    d(&labels::date(&r.at)),
                    d(&r.reason)
                );
                out.push(Line::from(span(fit(&why, DOC_WIDTH), theme.heading())));
            }
        }
    }
    out
}

/// A deceased person's heading: "Đã mất — chi cho người thừa kế", then the
/// heir on file with the death certificate, or what to do without one.
fn heir_lines(
    lang: Lang,
    out: &mut Vec<Line<'static>>,
    h: &crate::service::heirs::HeirView,
    theme: &Theme,
) {
    use crate::i18n::heir as words;
    let d = |t: &str| for_display(t).into_owned();
    out.push(Line::from(span(
        words::deceased_heading(lang),
        theme.heading(),
    )));
    match &h.heir {
        Some(heir) => {
            let who = format!(
                "{}: {} ({}) · {} {}",
                words::heir_label(lang),
                d(&heir.full_name),
                d(&heir.relationship),
                lang.strings().person_id,
                d(&heir.id_number)
            );
            out.push(Line::raw(fit(&who, DOC_WIDTH)));
            let cert = format!(
                "{}: {} · {} {}",
                words::death_label(lang),
                d(&heir.death_cert_no),
                words::died_on(lang),
                heir.died_on.format("%d/%m/%Y")
            );
            out.push(Line::raw(fit(&cert, DOC_WIDTH)));
            let owed = format!("{}: {}", words::owed_label(lang), h.owed_total);
            out.push(Line::from(span(fit(&owed, DOC_WIDTH), theme.heading())));
        }
        None => {
            for l in wrap(words::no_heir(lang), DOC_WIDTH) {
                out.push(Line::from(span(l, theme.error())));
            }
        }
    }
}

/// One row of the unpaid lines: period, kind, amount (right-aligned).
pub(crate) fn lines_row(period: &str, kind: &str, amount: &str) -> String {
    format!("  {}{}{}", pad(period, 9), pad(kind, 44), right(amount, 16))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Period;

    #[test]
    fn periods_read_as_a_range() {
        let p = |m| Period::new(2026, m).unwrap();
        assert_eq!(periods_label(&[p(11)]), "11/2026");
        assert_eq!(periods_label(&[p(9), p(10), p(11)]), "09/2026–11/2026");
    }

    #[test]
    fn unpaid_rows_keep_the_amount_in_its_column() {
        let a = lines_row("10/2026", "Trợ cấp hàng tháng", "2.789.000 đ");
        let b = lines_row("10/2026", "Phụ cấp hàng tháng", "394.500 đ");
        assert_eq!(width(&a), width(&b));
        assert!(width(&a) <= DOC_WIDTH);
    }
}
