//! The next step of an account the plan helps open, recorded from the
//! account-opening list (the lists screen's third list, F6): who, by their
//! record code or ID number as the list shows it, and the step by its
//! digit — 1 đã đề nghị mở, 2 đã mở, 3 đã giao thẻ, 4 đã hướng dẫn sử
//! dụng. Saved through `Service::record_account_step`, audited there.

use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;

use super::form_screen::FormScreen;
use super::{Nav, Outcome};
use crate::domain::registration::AccountStep;
use crate::i18n::register::{self as words, step_words};
use crate::service::lists::{AccountEntry, AccountList};
use crate::text::{fold, for_display};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{self, Field, Form};
use crate::tui::widgets::input::Input;
use crate::tui::widgets::panel::Panel;

const WHO: usize = 0;
const STEP: usize = 1;

/// Whether `key` opens the form from the account-opening list (F6).
pub fn opens(key: &KeyEvent) -> bool {
    key.code == KeyCode::F(6) && key.modifiers == KeyModifiers::NONE
}

/// The step typed as its digit.
fn step_of(typed: &str) -> Option<AccountStep> {
    match typed.trim() {
        "1" => Some(AccountStep::Asked),
        "2" => Some(AccountStep::Opened),
        "3" => Some(AccountStep::CardGiven),
        "4" => Some(AccountStep::Shown),
        _ => None,
    }
}

/// The entries of the list that `typed` names: an ID number exactly, else
/// a record code (a person and their proxy share one).
fn named<'a>(list: &'a AccountList, typed: &str) -> Vec<&'a AccountEntry> {
    let typed = typed.trim();
    let by_id: Vec<_> = list
        .accounts
        .iter()
        .filter(|a| a.entry.id_number.as_deref() == Some(typed))
        .collect();
    if !by_id.is_empty() {
        return by_id;
    }
    let key = fold(typed);
    list.accounts
        .iter()
        .filter(|a| fold(&a.entry.code) == key)
        .collect()
}

pub struct AccountStepForm {
    list: AccountList,
    form: Form,
}

impl AccountStepForm {
    pub fn new(lang: Lang, list: AccountList) -> AccountStepForm {
        let w = step_words(lang);
        let form = Form::new(vec![
            Field::new(w.who, Input::new().max_chars(20)).width(20),
            Field::new(w.step, Input::new().max_chars(2)).width(3),
        ]);
        AccountStepForm { list, form }
    }

    fn save(&mut self, ctx: &mut Ctx) -> Nav {
        let w = step_words(ctx.lang());
        let typed = self.form.value(WHO).trim().to_string();
        let found = named(&self.list, &typed);
        let entry = match found.as_slice() {
            [one] => one.entry.clone(),
            [] => {
                self.form.focus(WHO);
                ctx.error(&words::not_on_account_list(
                    ctx.lang(),
                    &for_display(&typed),
                ));
                return Nav::Stay;
            }
            _ => {
                self.form.focus(WHO);
                ctx.error(&w.several);
                return Nav::Stay;
            }
        };
        let Some(step) = step_of(self.form.value(STEP)) else {
            self.form.focus(STEP);
            ctx.error(&w.bad_step);
            return Nav::Stay;
        };
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        match ctx
            .service
            .record_account_step(&session, entry.person_id, entry.proxy_id, step)
        {
            Ok(()) => {
                ctx.info(format!(
                    "{} — {}: {}",
                    w.saved,
                    for_display(&entry.name),
                    words::step(ctx.lang(), step)
                ));
                Nav::Back(Outcome::Refresh)
            }
            Err(e) => {
                ctx.error(&e);
                Nav::Stay
            }
        }
    }
}

impl FormScreen for AccountStepForm {
    fn title(&self, lang: Lang) -> String {
        step_words(lang).title.to_string()
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

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let w = step_words(view.lang);
        let panel = Panel {
            title: w.title,
            lines: &[w.hint],
            width: 60,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        form::help_submit(keys, lang.strings(), form_words_save(lang))
    }
}

fn form_words_save(lang: Lang) -> &'static str {
    crate::i18n::register::form_words(lang).save
}
