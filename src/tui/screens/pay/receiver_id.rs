//! Step 2 of paying: the ID number of the person standing at the counter,
//! typed from their card or scanned (a scanner types the digits and Enter).
//!
//! It must be the number on file for the chosen receiver. A different
//! number is refused, not warned: the field is emptied, the service's
//! message says so, and the flow goes no further. The number on file is not
//! shown here, so it is read from the card, not copied from the screen.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::method::ChooseMethod;
use super::{Draft, draw_heading, pass_down, receiver_line};
use crate::service::pay::PayError;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::screens::form_screen::FormScreen;
use crate::tui::screens::{Nav, Outcome};
use crate::tui::widgets::fit::{fit, wrap};
use crate::tui::widgets::form::{self, Field, Form};
use crate::tui::widgets::input::Input;

/// Step 2: the receiver's ID number.
pub struct ReceiverId {
    draft: Draft,
    form: Form,
}

impl ReceiverId {
    pub fn new(lang: Lang, draft: Draft) -> ReceiverId {
        let s = lang.strings();
        ReceiverId {
            draft,
            form: Form::new(vec![
                Field::new(s.label_receiver_id, Input::new().digits().max_chars(12)).width(14),
            ]),
        }
    }
}

impl FormScreen for ReceiverId {
    /// A payment not recorded is dropped at the lock: the receiver is
    /// checked again.
    fn on_lock(&self) -> crate::tui::screens::OnLock {
        crate::tui::screens::OnLock::Drop
    }

    fn title(&self, lang: Lang) -> String {
        lang.strings().step_receiver_id.to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let typed = self.form.value(0).to_string();
        if typed.is_empty() {
            ctx.info(ctx.lang().strings().need_receiver_id);
            return Nav::Stay;
        }
        if self.draft.expected_id() != Some(typed.as_str()) {
            self.form.clear(0);
            ctx.error(&PayError::ReceiverIdMismatch);
            return Nav::Stay;
        }
        let mut draft = self.draft.clone();
        draft.receiver_id = typed;
        Nav::push(ChooseMethod::new(draft, ctx))
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
            s.step_receiver_id,
            &self.draft,
            view.theme,
        );
        let x = body.x + 1;
        let w = usize::from(body.width.saturating_sub(2));
        let buf = frame.buffer_mut();
        let who = format!(
            "{}: {}",
            s.receiver_label,
            receiver_line(view.lang, &self.draft)
        );
        buf.set_stringn(x, body.y, fit(&who, w), w, view.theme.heading());
        let hint = wrap(s.receiver_id_hint, w);
        for (line, y) in hint.iter().zip(body.y + 1..) {
            buf.set_stringn(x, y, line, w, view.theme.text());
        }
        let below = body.y + 2 + u16::try_from(hint.len()).unwrap_or(1);
        let area = Rect::new(x, below, body.width.saturating_sub(2), 1);
        self.form.draw(frame, area, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let mut items = form::help(keys, s);
        items.remove(2);
        items.remove(1);
        items[0] = KeyHelp::new(&keys.enter, s.key_check_id).short(s.short_next_step);
        items
    }
}
