//! A screen that is one form: every key it takes goes to the form, and
//! Enter on the last field submits it.
//!
//! Such a screen implements [`FormScreen`] instead of [`Screen`]: it says
//! where its form is, what submitting does, and how it looks; the keys,
//! the moves between fields and the typing are the same on every one and
//! live here. A screen that does more than fill one form (a choice before
//! the form, a preview that scrolls) implements [`Screen`] itself.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Nav, OnLock, Outcome, Screen};
use crate::i18n::Lang;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{Form, FormMsg};

/// One form on a screen (or a popup).
pub trait FormScreen {
    /// The screen's name in `lang`.
    fn title(&self, lang: Lang) -> String;

    fn form(&self) -> &Form;

    fn form_mut(&mut self) -> &mut Form;

    /// Enter on the last field: check the values and act on them. A value
    /// that needs correcting keeps the screen, with the focus on it.
    fn submit(&mut self, ctx: &mut Ctx) -> Nav;

    /// Draws the form and what goes around it.
    fn draw(&self, frame: &mut Frame, area: Rect, view: &View);

    /// The keys for help and the key line (usually
    /// [`crate::tui::widgets::form::help_submit`]).
    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp>;

    /// True for a box over the screen below.
    fn is_popup(&self) -> bool {
        false
    }

    /// A screen this one opened (an approval, the receipt) has closed.
    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        let _ = (outcome, ctx);
        Nav::Stay
    }

    /// What the screen lock does with this form (see [`Screen::on_lock`]).
    fn on_lock(&self) -> OnLock {
        OnLock::Keep
    }
}

impl<T: FormScreen> Screen for T {
    type Msg = FormMsg;

    fn title(&self, lang: Lang) -> String {
        FormScreen::title(self, lang)
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<FormMsg> {
        self.form().on_key(key, keys)
    }

    fn update(&mut self, msg: FormMsg, ctx: &mut Ctx) -> Nav {
        match msg {
            FormMsg::Submit => self.submit(ctx),
            other => {
                self.form_mut().update(other);
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        FormScreen::draw(self, frame, area, view)
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        FormScreen::keys(self, keys, lang)
    }

    /// A form's fields take every letter: `?` and `q` type themselves.
    fn typing(&self) -> bool {
        true
    }

    fn is_popup(&self) -> bool {
        FormScreen::is_popup(self)
    }

    fn on_result(&mut self, outcome: Outcome, ctx: &mut Ctx) -> Nav {
        FormScreen::on_result(self, outcome, ctx)
    }

    fn on_lock(&self) -> OnLock {
        FormScreen::on_lock(self)
    }
}
