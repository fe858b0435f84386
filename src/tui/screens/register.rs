//! The registration form, opened from the person's file with F4 while the
//! person stands at the counter: payment method, account, home-payment
//! reason, mobile phone and ID papers, filled in with what is on file so
//! only what changes is typed. Enter on the last field saves it through
//! `Service::register`; a refusal keeps the form open with the reason on
//! the message line and the focus on the field to correct. An account in
//! another name than the person's opens the supervisor's approval popup,
//! and the registration is saved once approved.
//!
//! The method is one letter: Q (quầy, cash at the counter), N (nhà, cash
//! at home), T (tài khoản ngân hàng), S (tài khoản số); the home reason one
//! digit: 1 ốm đau, 2 già yếu, 3 không có người ủy quyền, 4 không dùng được
//! điện thoại.

use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;

use super::approve::Approve;
use super::form_screen::FormScreen;
use super::{Nav, Outcome};
use crate::domain::payment::PayMethod;
use crate::domain::registration::HomeReason;
use crate::i18n::register::{FormWords, form_words};
use crate::service::Error;
use crate::service::counter::PersonView;
use crate::service::pay::Approval;
use crate::service::register::{RegisterError, RegisterRequest};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{self, Field, Form};
use crate::tui::widgets::input::Input;
use crate::tui::widgets::panel::Panel;

const METHOD: usize = 0;
const ACCOUNT: usize = 1;
const BANK: usize = 2;
const HOLDER: usize = 3;
const REASON: usize = 4;
const PHONE: usize = 5;
const ID: usize = 6;
const ISSUED: usize = 7;
const PLACE: usize = 8;

/// Whether `key` opens the form from the person's file (F4).
pub fn opens(key: &KeyEvent) -> bool {
    key.code == KeyCode::F(4) && key.modifiers == KeyModifiers::NONE
}

/// The key's help line for the person's file.
pub fn help(lang: Lang) -> KeyHelp {
    KeyHelp::keys("F4", form_words(lang).key)
}

/// Opens the registration for the person on `view`: the form at once, or
/// when they have proxies or guardians on file, first the choice of whom
/// ([`super::register_proxy`]).
pub fn open(view: &PersonView, ctx: &mut Ctx) -> Nav {
    if view.proxies.is_empty() {
        open_form(view, ctx)
    } else {
        Nav::push(super::register_proxy::ChooseWhose::new(ctx.lang(), view))
    }
}

/// Opens the form for the person themself.
pub fn open_form(view: &PersonView, ctx: &mut Ctx) -> Nav {
    match Register::new(view, ctx) {
        Ok(s) => Nav::push(s),
        Err(e) => {
            ctx.error(&e);
            Nav::Stay
        }
    }
}

/// The registration form.
pub struct Register {
    person_id: i64,
    /// The ID number the counter checks (the payer's list's), if any.
    counter_id: Option<String>,
    who: String,
    form: Form,
    /// The values the form opened with: only what differs is sent.
    before: Vec<String>,
}

fn method_letter(m: PayMethod) -> &'static str {
    match m {
        PayMethod::Cash => "Q",
        PayMethod::Home => "N",
        PayMethod::Bank => "T",
        PayMethod::Wallet => "S",
    }
}

fn method_of(letter: &str) -> Option<PayMethod> {
    match crate::text::fold(letter.trim()).as_str() {
        "q" => Some(PayMethod::Cash),
        "n" => Some(PayMethod::Home),
        "t" => Some(PayMethod::Bank),
        "s" => Some(PayMethod::Wallet),
        _ => None,
    }
}

fn reason_digit(r: HomeReason) -> &'static str {
    match r {
        HomeReason::Ill => "1",
        HomeReason::Old => "2",
        HomeReason::NobodyToAuthorise => "3",
        HomeReason::CannotUsePhone => "4",
    }
}

fn reason_code(typed: &str) -> String {
    match typed.trim() {
        "1" => HomeReason::Ill.code().to_string(),
        "2" => HomeReason::Old.code().to_string(),
        "3" => HomeReason::NobodyToAuthorise.code().to_string(),
        "4" => HomeReason::CannotUsePhone.code().to_string(),
        other => other.to_string(),
    }
}

impl Register {
    pub fn new(view: &PersonView, ctx: &mut Ctx) -> Result<Register, Error> {
        let p = &view.person;
        let reg = ctx.service.registration(p.id, None)?;
        let w = form_words(ctx.lang());
        let values: Vec<String> = match &reg {
            Some(g) => vec![
                g.method.map(method_letter).unwrap_or("").to_string(),
                g.account_no.clone().unwrap_or_default(),
                g.account_bank.clone().unwrap_or_default(),
                g.account_holder.clone().unwrap_or_default(),
                g.home_reason.map(reason_digit).unwrap_or("").to_string(),
                g.phone.clone().unwrap_or_default(),
                g.papers.id_number.clone().unwrap_or_default(),
                g.papers
                    .issued
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                g.papers.place.clone().unwrap_or_default(),
            ],
            None => vec![
                method_letter(p.pay_method).to_string(),
                p.account_no.clone().unwrap_or_default(),
                p.account_bank.clone().unwrap_or_default(),
                String::new(),
                String::new(),
                p.phone.clone().unwrap_or_default(),
                p.id_number.clone().unwrap_or_default(),
                String::new(),
                String::new(),
            ],
        };
        let labels = [
            w.method, w.account, w.bank, w.holder, w.reason, w.phone, w.id, w.issued, w.place,
        ];
        let widths = [3, 24, 30, 30, 3, 14, 14, 12, 40];
        let fields = labels
            .iter()
            .zip(widths)
            .zip(&values)
            .map(|((label, width), value)| {
                let mut input = Input::new().max_chars(80);
                input.set_value(value);
                Field::new(label, input).width(width)
            })
            .collect();
        Ok(Register {
            person_id: p.id,
            counter_id: p.id_number.clone(),
            who: format!(
                "{} ({})",
                for_display(&p.full_name),
                for_display(&p.record_code)
            ),
            form: Form::new(fields),
            before: values,
        })
    }

    /// The value of field `i` when it changed, else `None`.
    fn changed(&self, i: usize) -> Option<String> {
        let v = self.form.value(i).trim();
        (v != self.before[i].trim()).then(|| v.to_string())
    }

    fn request(&self, ctx: &mut Ctx) -> Option<RegisterRequest> {
        let w = form_words(ctx.lang());
        let method = match self.changed(METHOD) {
            Some(letter) => match method_of(&letter) {
                Some(m) => Some(m),
                None => {
                    ctx.error(&w.bad_method);
                    return None;
                }
            },
            None => None,
        };
        let issued = match self.changed(ISSUED) {
            Some(d) if !d.is_empty() => match chrono::NaiveDate::parse_from_str(&d, "%d/%m/%Y") {
                Ok(d) => Some(d),
                Err(_) => {
                    ctx.error(&w.bad_date);
                    return None;
                }
            },
            _ => None,
        };
        let keep = |v: Option<String>| v.filter(|s| !s.is_empty());
        Some(RegisterRequest {
            proxy_id: None,
            method,
            account_no: keep(self.changed(ACCOUNT)),
            account_bank: keep(self.changed(BANK)),
            account_holder: keep(self.changed(HOLDER)),
            home_reason: keep(self.changed(REASON)).map(|r| reason_code(&r)),
            phone: keep(self.changed(PHONE)),
            id_number: keep(self.changed(ID)),
            id_issued: issued,
            id_place: keep(self.changed(PLACE)),
            approval: None,
        })
    }

    fn save(&mut self, approval: Option<Approval>, ctx: &mut Ctx) -> Nav {
        let Some(mut req) = self.request(ctx) else {
            return Nav::Stay;
        };
        req.approval = approval;
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        match ctx.service.register(&session, self.person_id, &req) {
            Ok(_) => {
                let saved = format!("{} — {}", form_words(ctx.lang()).saved, self.who);
                // Papers with another number than the list's: recorded for
                // the plan's lists, but the counter goes on checking the
                // list's number until the payer changes it. Said, so the
                // clerk does not expect the new card to be accepted.
                let typed: Option<String> = req
                    .id_number
                    .as_deref()
                    .map(|n| n.chars().filter(char::is_ascii_digit).collect());
                match (typed, &self.counter_id) {
                    (Some(t), Some(on_list)) if &t != on_list => {
                        ctx.error(&format!(
                            "{saved}. {}",
                            crate::i18n::register::other_id_registered(ctx.lang(), on_list)
                        ));
                    }
                    (Some(_), None) => ctx.error(&format!(
                        "{saved}. {}",
                        crate::i18n::register::id_not_on_list(ctx.lang())
                    )),
                    _ => ctx.info(saved),
                }
                Nav::Back(Outcome::Refresh)
            }
            Err(e @ Error::Register(RegisterError::NeedsApproval(_))) => Nav::push(Approve::new(
                ctx.lang(),
                crate::i18n::Say::say(&e, ctx.lang()),
            )),
            Err(e) => {
                if let Error::Register(r) = &e {
                    self.form.focus(match r {
                        RegisterError::Phone(_) => PHONE,
                        RegisterError::IdNumber(_) => ID,
                        RegisterError::Papers(_) => ISSUED,
                        RegisterError::UnknownHomeReason(_) | RegisterError::HomeReasonMissing => {
                            REASON
                        }
                        RegisterError::AccountMissing => BANK,
                        RegisterError::Account(_) => ACCOUNT,
                        _ => self.form.focused(),
                    });
                }
                ctx.error(&e);
                Nav::Stay
            }
        }
    }
}

impl FormScreen for Register {
    fn title(&self, lang: Lang) -> String {
        form_words(lang).title.to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        self.save(None, ctx)
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        match outcome {
            Outcome::Approved(a) => self.save(Some(a), ctx),
            _ => Nav::Stay,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let w: &FormWords = form_words(view.lang);
        let panel = Panel {
            title: w.title,
            lines: &[&self.who, w.hint],
            width: 78,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        form::help_submit(keys, lang.strings(), form_words(lang).save)
    }
}
