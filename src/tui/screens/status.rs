//! Stopping (or resuming) payment to a person at once — a death reported
//! by the family, a move, a suspension — before the decrease list arrives.
//! A supervisor's screen over the person's file: choose the new status, give
//! the reason (required), Enter. `Service::set_person_status` records it
//! with its audit row; the file below is read again. While a family's
//! report of the person's death on a home round is open, "seen alive" is a
//! choice too (`Service::confirm_alive`).

use crate::i18n::Lang;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Nav, Outcome, Screen};
use crate::domain::person::{Person, Status};
use crate::i18n::labels;
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::choice_list::{ChoiceList, ChoiceMsg};
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::form::{self, Field, Form, FormMsg};
use crate::tui::widgets::input::Input;
use crate::tui::widgets::panel::Panel;

/// The status popup: first the new status, then the reason.
pub struct StatusChange {
    person: Person,
    /// The statuses the person can be moved to (not the one they have),
    /// and, when a family's report of their death is open, "seen alive".
    choices: Vec<Choice>,
    list: ChoiceList,
    /// Set once a choice is made: the reason is asked next.
    chosen: Option<Choice>,
    form: Form,
}

/// What the supervisor records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Status(Status),
    /// Seen alive, though the family reported a death on this round.
    Alive(i64),
}

impl Choice {
    fn label(self, lang: Lang) -> String {
        match self {
            Choice::Status(s) => labels::status(lang, s).to_string(),
            Choice::Alive(round) => crate::i18n::rounds::seen_alive_choice(lang, round),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Choice(ChoiceMsg),
    Form(FormMsg),
}

impl StatusChange {
    /// The popup for `person`; `death_reported` is the round on which their
    /// family reported them dead, while that report is open.
    pub fn new(lang: Lang, person: Person, death_reported: Option<i64>) -> StatusChange {
        let choices: Vec<Choice> = [
            Status::Deceased,
            Status::Moved,
            Status::Suspended,
            Status::Active,
        ]
        .into_iter()
        .filter(|s| *s != person.status)
        .map(Choice::Status)
        .chain(death_reported.map(Choice::Alive))
        .collect();
        StatusChange {
            list: ChoiceList::new(choices.len()),
            choices,
            chosen: None,
            form: Form::new(vec![
                Field::new(
                    lang.strings().label_status_reason,
                    Input::new().max_chars(200),
                )
                .width(52),
            ]),
            person,
        }
    }

    fn save(&mut self, choice: Choice, ctx: &mut Ctx) -> Nav {
        let reason = self.form.value(0).trim().to_string();
        if reason.is_empty() {
            ctx.error(&ctx.lang().strings().status_reason_needed);
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let status = match choice {
            Choice::Status(status) => status,
            Choice::Alive(_) => {
                return match ctx.service.confirm_alive(&session, self.person.id, &reason) {
                    Ok(()) => {
                        ctx.info(crate::i18n::rounds::seen_alive_done(
                            ctx.lang(),
                            &for_display(&self.person.full_name),
                            &for_display(&self.person.record_code),
                        ));
                        Nav::Back(Outcome::Refresh)
                    }
                    Err(e) => {
                        ctx.error(&e);
                        Nav::Stay
                    }
                };
            }
        };
        match ctx
            .service
            .set_person_status(&session, self.person.id, status, &reason)
        {
            Ok(()) => {
                let waiting = match ctx.service.bank_note(self.person.id) {
                    Ok(Some(crate::service::bank::BankNote::Waiting { batch }))
                        if status != Status::Active =>
                    {
                        Some(crate::i18n::bank::waiting_after_stop(ctx.lang(), batch))
                    }
                    _ => None,
                };
                let done = format!(
                    "{} — {}: {}",
                    for_display(&self.person.full_name),
                    for_display(&self.person.record_code),
                    labels::status(ctx.lang(), status)
                );
                match waiting {
                    Some(w) => ctx.error(&format!("{done}. {w}")),
                    None => ctx.info(done),
                }
                Nav::Back(Outcome::Refresh)
            }
            Err(e) => {
                ctx.error(&e);
                Nav::Stay
            }
        }
    }
}

impl Screen for StatusChange {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().status_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        match self.chosen {
            None => self.list.on_key(key, keys).map(Msg::Choice),
            Some(_) => self.form.on_key(key, keys).map(Msg::Form),
        }
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match (msg, self.chosen) {
            (Msg::Choice(m), _) => {
                if let Some(i) = self.list.update(m) {
                    self.chosen = self.choices.get(i).copied();
                }
                Nav::Stay
            }
            (Msg::Form(FormMsg::Submit), Some(choice)) => self.save(choice, ctx),
            (Msg::Form(other), _) => {
                self.form.update(other);
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let who = format!(
            "{} ({}) · {}",
            for_display(&self.person.full_name),
            for_display(&self.person.record_code),
            labels::status(view.lang, self.person.status)
        );
        if let Some(c) = self.chosen {
            let chosen = format!("→ {}", c.label(view.lang));
            let panel = Panel {
                title: s.status_title,
                lines: &[&who, &chosen],
                width: 76,
            };
            panel.draw(frame, area, &self.form, view.theme, view.focused);
            return;
        }
        let x = area.x + 1;
        let w = usize::from(area.width.saturating_sub(2));
        let mut y = area.y + 1;
        let buf = frame.buffer_mut();
        buf.set_stringn(x, y, s.status_title, w, view.theme.heading());
        y += 1;
        buf.set_stringn(x, y, fit(&who, w), w, view.theme.text());
        y += 2;
        for line in crate::tui::widgets::fit::wrap(s.status_hint, w) {
            buf.set_stringn(x, y, line, w, view.theme.text());
            y += 1;
        }
        let rows: Vec<Line> = self
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| Line::raw(self.list.row(i, &c.label(view.lang))))
            .collect();
        let list = Rect::new(
            x,
            y + 1,
            area.width.saturating_sub(2),
            area.bottom().saturating_sub(y + 1),
        );
        self.list.draw(frame, list, &rows, view.theme);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        match self.chosen {
            None => self.list.help(
                keys,
                s,
                KeyHelp::new(&keys.enter, s.status_title).short(s.short_next_step),
            ),
            Some(_) => form::help_submit(keys, s, s.short_record),
        }
    }

    fn typing(&self) -> bool {
        self.chosen.is_some()
    }
}
