//! Registering a proxy or guardian on file from the person's registration
//! (F4 when the person has any): first who is registered — the person
//! themself or one of their proxies and guardians —, then for a proxy or
//! guardian their papers, mobile phone and authorisation: the paper's
//! number, who certified it (the commune's People's Committee) and its
//! dates, at most a year for a proxy (`domain::proxy::check_dates`).
//!
//! Saved rows are never changed: a new or renewed authorisation is a new
//! proxy row (`Service::add_proxy`), and the phone and papers are then
//! registered on it (`Service::register` with the proxy), so the newest
//! row carries both. Values are checked before anything is written.

use crate::i18n::Lang;
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::form_screen::FormScreen;
use super::person::proxy_state;
use super::{Nav, Outcome, Screen};
use crate::domain::proxy::{self, Proxy};
use crate::domain::registration;
use crate::i18n::register::{form_words, proxy_words};
use crate::service::Error;
use crate::service::counter::PersonView;
use crate::service::pay::PayError;
use crate::service::proxies::NewProxy;
use crate::service::register::{RegisterError, RegisterRequest};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::choice_list::{ChoiceList, ChoiceMsg};
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::form::{self, Field, Form};
use crate::tui::widgets::input::Input;
use crate::tui::widgets::panel::Panel;

/// Who is registered: the person (row 1) or one of their proxies.
pub struct ChooseWhose {
    view: PersonView,
    rows: Vec<String>,
    list: ChoiceList,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhoseMsg {
    Choice(ChoiceMsg),
}

impl ChooseWhose {
    pub fn new(lang: Lang, view: &PersonView) -> ChooseWhose {
        let w = proxy_words(lang);
        let mut rows = vec![format!(
            "{}: {}",
            w.the_person,
            for_display(&view.person.full_name)
        )];
        for p in &view.proxies {
            rows.push(format!(
                "{} ({}) · {}",
                for_display(&p.proxy.full_name),
                for_display(&p.proxy.relationship),
                proxy_state(lang, p)
            ));
        }
        ChooseWhose {
            list: ChoiceList::new(rows.len()),
            rows,
            view: view.clone(),
        }
    }
}

impl Screen for ChooseWhose {
    type Msg = WhoseMsg;

    fn title(&self, lang: Lang) -> String {
        form_words(lang).title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<WhoseMsg> {
        self.list.on_key(key, keys).map(WhoseMsg::Choice)
    }

    fn update(&mut self, msg: WhoseMsg, ctx: &mut Ctx) -> Nav {
        let WhoseMsg::Choice(m) = msg;
        match self.list.update(m) {
            Some(0) => super::register::open_form(&self.view, ctx),
            Some(i) => match self.view.proxies.get(i - 1) {
                Some(p) => match ProxyForm::new(&self.view, &p.proxy, ctx) {
                    Ok(f) => Nav::push(f),
                    Err(e) => {
                        ctx.error(&e);
                        Nav::Stay
                    }
                },
                None => Nav::Stay,
            },
            None => Nav::Stay,
        }
    }

    fn on_result(&mut self, outcome: Outcome, _ctx: &mut Ctx) -> Nav {
        match outcome {
            Outcome::Cancelled => Nav::Stay,
            other => Nav::Back(other),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let w = proxy_words(view.lang);
        let x = area.x + 1;
        let width = usize::from(area.width.saturating_sub(2));
        let buf = frame.buffer_mut();
        buf.set_stringn(
            x,
            area.y + 1,
            form_words(view.lang).title,
            width,
            view.theme.heading(),
        );
        buf.set_stringn(x, area.y + 2, fit(w.whose, width), width, view.theme.text());
        let rows: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| Line::raw(fit(&self.list.row(i, r), width)))
            .collect();
        let list = Rect::new(
            x,
            area.y + 4,
            area.width.saturating_sub(2),
            area.height.saturating_sub(4),
        );
        self.list.draw(frame, list, &rows, view.theme);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        self.list
            .help(keys, s, KeyHelp::new(&keys.enter, proxy_words(lang).whose))
    }

    fn typing(&self) -> bool {
        false
    }
}

const PHONE: usize = 0;
const ID: usize = 1;
const ISSUED: usize = 2;
const PLACE: usize = 3;
const DOC: usize = 4;
const CERTIFIED: usize = 5;
const FROM: usize = 6;
const TO: usize = 7;

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

/// A proxy's or guardian's papers, phone and authorisation.
pub struct ProxyForm {
    person_id: i64,
    proxy: Proxy,
    who: String,
    form: Form,
    before: Vec<String>,
    /// A supervisor's approval of a renewed paper typed by a clerk.
    approval: Option<crate::service::pay::Approval>,
}

impl ProxyForm {
    pub fn new(view: &PersonView, p: &Proxy, ctx: &mut Ctx) -> Result<ProxyForm, Error> {
        let reg = ctx.service.registration(view.person.id, Some(p.id))?;
        let w = proxy_words(ctx.lang());
        let f = form_words(ctx.lang());
        let values = vec![
            reg.as_ref()
                .and_then(|g| g.phone.clone())
                .unwrap_or_default(),
            reg.as_ref()
                .and_then(|g| g.papers.id_number.clone())
                .unwrap_or_else(|| p.id_number.clone()),
            date_text(reg.as_ref().and_then(|g| g.papers.issued)),
            reg.as_ref()
                .and_then(|g| g.papers.place.clone())
                .unwrap_or_default(),
            p.document_no.clone(),
            p.certified_by.clone(),
            date_text(Some(p.valid_from)),
            date_text(p.valid_to),
        ];
        let labels = [
            f.phone,
            f.id,
            f.issued,
            f.place,
            w.document,
            w.certified,
            w.from,
            w.to,
        ];
        let widths = [14, 14, 12, 40, 24, 40, 12, 12];
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
        let kind = if p.guardian { w.guardian } else { w.proxy };
        Ok(ProxyForm {
            person_id: view.person.id,
            who: format!(
                "{kind}: {} ({}) — {} {}",
                for_display(&p.full_name),
                for_display(&p.relationship),
                w.of,
                for_display(&view.person.full_name)
            ),
            proxy: p.clone(),
            form: Form::new(fields),
            before: values,
            approval: None,
        })
    }

    fn changed(&self, i: usize) -> Option<String> {
        let v = self.form.value(i).trim();
        (v != self.before[i].trim()).then(|| v.to_string())
    }

    /// A date field as typed, `None` when empty; an error focuses it.
    fn date(&mut self, i: usize, ctx: &mut Ctx) -> Result<Option<NaiveDate>, ()> {
        let v = self.form.value(i).trim().to_string();
        if v.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(&v, "%d/%m/%Y")
            .map(Some)
            .map_err(|_| {
                self.form.focus(i);
                ctx.error(&proxy_words(ctx.lang()).bad_date);
            })
    }

    fn save(&mut self, ctx: &mut Ctx) -> Nav {
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let Ok(issued) = self.date(ISSUED, ctx) else {
            return Nav::Stay;
        };
        let Ok(from) = self.date(FROM, ctx) else {
            return Nav::Stay;
        };
        let Ok(to) = self.date(TO, ctx) else {
            return Nav::Stay;
        };
        // Checked before anything is written.
        if let Some(phone) = self.changed(PHONE).filter(|v| !v.is_empty())
            && let Err(e) = registration::parse_phone(&phone)
        {
            self.form.focus(PHONE);
            ctx.error(&Error::Register(RegisterError::Phone(e)));
            return Nav::Stay;
        }
        let renewed = [DOC, CERTIFIED, FROM, TO]
            .iter()
            .any(|&i| self.changed(i).is_some());
        let from = from.unwrap_or(self.proxy.valid_from);
        if renewed && let Err(e) = proxy::check_dates(self.proxy.guardian, from, to) {
            self.form.focus(TO);
            ctx.error(&Error::Pay(PayError::ProxyRule(e)));
            return Nav::Stay;
        }
        let mut proxy_id = self.proxy.id;
        // A clerk does not put a paper on file alone: a supervisor sees it
        // and approves, then the save goes on (`on_result`).
        if renewed && !session.is_supervisor() && self.approval.is_none() {
            return Nav::push(super::approve::Approve::new(
                ctx.lang(),
                crate::i18n::Say::say(&Error::Pay(PayError::ProxyNeedsApproval), ctx.lang()),
            ));
        }
        if renewed {
            let new = NewProxy {
                guardian: self.proxy.guardian,
                full_name: self.proxy.full_name.clone(),
                id_number: self.proxy.id_number.clone(),
                relationship: self.proxy.relationship.clone(),
                document_no: self.form.value(DOC).trim().to_string(),
                certified_by: self.form.value(CERTIFIED).trim().to_string(),
                valid_from: from,
                valid_to: to,
            };
            match ctx
                .service
                .add_proxy(&session, self.person_id, &new, self.approval.as_ref())
            {
                Ok(p) => {
                    proxy_id = p.id;
                    self.proxy = p;
                    for i in [DOC, CERTIFIED, FROM, TO] {
                        self.before[i] = self.form.value(i).trim().to_string();
                    }
                }
                Err(e) => {
                    self.form.focus(DOC);
                    ctx.error(&e);
                    return Nav::Stay;
                }
            }
        }
        // On a new proxy row every value is registered again; otherwise
        // only what changed.
        let value = |i: usize| -> Option<String> {
            let v = if renewed {
                Some(self.form.value(i).trim().to_string())
            } else {
                self.changed(i)
            };
            v.filter(|s| !s.is_empty())
        };
        let req = RegisterRequest {
            proxy_id: Some(proxy_id),
            phone: value(PHONE),
            id_number: value(ID),
            id_issued: if renewed || self.changed(ISSUED).is_some() {
                issued
            } else {
                None
            },
            id_place: value(PLACE),
            ..Default::default()
        };
        let nothing = req.phone.is_none()
            && req.id_number.is_none()
            && req.id_issued.is_none()
            && req.id_place.is_none();
        if !nothing && let Err(e) = ctx.service.register(&session, self.person_id, &req) {
            if let Error::Register(r) = &e {
                self.form.focus(match r {
                    RegisterError::Phone(_) => PHONE,
                    RegisterError::IdNumber(_) => ID,
                    RegisterError::Papers(_) => ISSUED,
                    _ => self.form.focused(),
                });
            }
            ctx.error(&e);
            return Nav::Stay;
        }
        if nothing && !renewed {
            ctx.error(&Error::Register(RegisterError::Nothing));
            return Nav::Stay;
        }
        ctx.info(format!("{} — {}", form_words(ctx.lang()).saved, self.who));
        Nav::Back(Outcome::Refresh)
    }
}

impl FormScreen for ProxyForm {
    fn title(&self, lang: Lang) -> String {
        proxy_words(lang).title.to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        self.save(ctx)
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        match outcome {
            Outcome::Approved(approval) => {
                self.approval = Some(approval);
                self.save(ctx)
            }
            _ => {
                ctx.info(ctx.lang().strings().not_approved_nothing_saved);
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let w = proxy_words(view.lang);
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
