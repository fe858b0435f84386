//! Step 3, for a transfer: the account the money goes to (filled in from
//! the account registered at the office, else the payer's list's, which
//! the clerk checks), its bank (filled in with it) and the reference of the transfer order. The
//! account and reference are needed; the service refuses a transfer without
//! them, and so does this form, with the service's words. An account that
//! is not the one on file needs its bank too, which is then recorded with
//! it ("0987654321 (Vietcombank)"): the file's bank belongs to the file's
//! account.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::confirm::Confirm;
use super::{Draft, draw_heading, pass_down};
use crate::i18n::{labels, strings};
use crate::service::pay::PayError;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::screens::form_screen::FormScreen;
use crate::tui::screens::{Nav, Outcome};
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::form::{self, Field, Form};
use crate::tui::widgets::input::Input;

const ACCOUNT: usize = 0;
const BANK: usize = 1;
const REFERENCE: usize = 2;

/// The account and reference of a transfer.
pub struct TransferForm {
    draft: Draft,
    form: Form,
}

impl TransferForm {
    pub fn new(lang: Lang, draft: Draft) -> TransferForm {
        let s = lang.strings();
        let (on_file, on_file_bank) = draft.view.account();
        let mut account = Input::new().max_chars(34);
        if let Some(a) = on_file {
            account.set_value(a);
        }
        let mut bank = Input::new().max_chars(40);
        if let Some(b) = on_file_bank {
            bank.set_value(b);
        }
        let mut form = Form::new(vec![
            Field::new(s.label_account, account).width(34),
            Field::new(strings::label_bank(lang), bank).width(34),
            Field::new(s.label_reference, Input::new().max_chars(40)).width(34),
        ]);
        if !form.value(ACCOUNT).is_empty() {
            form.focus(REFERENCE);
        }
        TransferForm { draft, form }
    }
}

impl FormScreen for TransferForm {
    /// A payment not recorded is dropped at the lock: the receiver is
    /// checked again.
    fn on_lock(&self) -> crate::tui::screens::OnLock {
        crate::tui::screens::OnLock::Drop
    }

    fn title(&self, lang: Lang) -> String {
        lang.strings().step_transfer.to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let account = self.form.value(ACCOUNT).trim().to_string();
        let bank = self.form.value(BANK).trim().to_string();
        let reference = self.form.value(REFERENCE).trim().to_string();
        if account.is_empty() {
            self.form.focus(ACCOUNT);
            ctx.error(&PayError::AccountMissing);
            return Nav::Stay;
        }
        if let Err(e) = crate::domain::account::parse_account(&account) {
            self.form.focus(ACCOUNT);
            ctx.error(&PayError::Account(e));
            return Nav::Stay;
        }
        let on_file = self.draft.view.account().0.map(str::trim);
        let new_account = on_file != Some(account.as_str());
        // Only an heir's account is not on file; anyone else's is
        // registered first (where replacing one needs a supervisor).
        if new_account && !matches!(self.draft.receiver, super::Chosen::Heir(_)) {
            self.form.focus(ACCOUNT);
            ctx.error(&PayError::AccountNotOnFile {
                typed: account,
                on_file: on_file.map(str::to_string),
            });
            return Nav::Stay;
        }
        if new_account && bank.is_empty() {
            self.form.focus(BANK);
            ctx.error(&strings::bank_needed(ctx.lang()));
            return Nav::Stay;
        }
        if reference.is_empty() {
            self.form.focus(REFERENCE);
            ctx.error(&PayError::ReferenceMissing);
            return Nav::Stay;
        }
        if let Some(kind) = crate::domain::payment::own_reference(&reference) {
            self.form.focus(REFERENCE);
            ctx.error(&PayError::OwnReference { reference, kind });
            return Nav::Stay;
        }
        let mut draft = self.draft.clone();
        draft.account = Some(if new_account {
            strings::account_at_bank(&account, &bank)
        } else {
            account
        });
        draft.reference = Some(reference);
        Nav::push(Confirm::open(draft, ctx))
    }

    fn on_result(&mut self, outcome: Outcome, _ctx: &mut Ctx) -> Nav {
        pass_down(outcome)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let body = draw_heading(
            view.lang,
            frame,
            area,
            s.step_transfer,
            &self.draft,
            view.theme,
        );
        let x = body.x + 1;
        let w = usize::from(body.width.saturating_sub(2));
        let mut how = format!(
            "{}: {}",
            s.method_label,
            labels::method(view.lang, self.draft.method)
        );
        if let Some(bank) = self.draft.view.account().1 {
            how.push_str(&format!(
                " · {} {}",
                s.registered_bank,
                crate::text::for_display(bank)
            ));
        }
        let buf = frame.buffer_mut();
        buf.set_stringn(x, body.y, fit(&how, w), w, view.theme.heading());
        buf.set_stringn(x, body.y + 1, fit(s.transfer_hint, w), w, view.theme.text());
        let area = Rect::new(x, body.y + 3, body.width.saturating_sub(2), 3);
        self.form.draw(frame, area, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        form::help_submit(keys, s, s.short_next_step)
    }
}
