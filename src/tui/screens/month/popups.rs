//! The month screen's two popups: the note of the reason "other" for one
//! unpaid person ([`ReasonNote`]) and the period's close ([`ClosePeriod`]:
//! the supervisor's PIN and the path of the results file).

use crate::domain::Period;
use crate::domain::period_report::UnpaidReason;
use crate::i18n::Lang;
use crate::i18n::Localize;
use crate::i18n::month_screens as words;
use crate::service::{AuthError, Error};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::screens::credentials::pin_field;
use crate::tui::screens::sign_in::SignIn;
use crate::tui::screens::{Nav, Outcome, Screen};
use crate::tui::widgets::form::{self, Field, Form, FormMsg};
use crate::tui::widgets::input::Input;
use crate::tui::widgets::panel::Panel;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// The note of the reason "other", for one unpaid person.
pub struct ReasonNote {
    period: Period,
    code: String,
    form: Form,
}

impl ReasonNote {
    pub(super) fn new(lang: Lang, period: Period, code: &str) -> ReasonNote {
        ReasonNote {
            period,
            code: code.to_string(),
            form: Form::new(vec![
                Field::new(words::label_note(lang), Input::new().max_chars(200)).width(44),
            ]),
        }
    }
}

impl Screen for ReasonNote {
    type Msg = FormMsg;

    fn title(&self, lang: Lang) -> String {
        words::note_title(lang).to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<FormMsg> {
        self.form.on_key(key, keys)
    }

    fn update(&mut self, msg: FormMsg, ctx: &mut Ctx) -> Nav {
        if msg != FormMsg::Submit {
            self.form.update(msg);
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let note = self.form.value(0).to_string();
        match ctx.service.set_unpaid_reason(
            &session,
            self.period,
            &self.code,
            UnpaidReason::Other,
            Some(&note),
        ) {
            Ok(_) => {
                ctx.info(words::reason_recorded(
                    ctx.lang(),
                    &self.code,
                    UnpaidReason::Other,
                ));
                Nav::Back(Outcome::Done)
            }
            Err(e) => {
                ctx.error(&e);
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let what = words::note_what(view.lang, &self.code);
        let panel = Panel {
            title: words::note_title(view.lang),
            lines: &[&what],
            width: 66,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        form::help_submit(keys, lang.strings(), words::key_note_submit(lang))
    }

    fn typing(&self) -> bool {
        true
    }

    fn is_popup(&self) -> bool {
        true
    }
}

/// Closing the period: the results file's path, then the supervisor's PIN.
pub struct ClosePeriod {
    period: Period,
    form: Form,
}

const PATH: usize = 0;
const PIN: usize = 1;

impl ClosePeriod {
    pub(super) fn new(lang: Lang, period: Period, default: &std::path::Path) -> ClosePeriod {
        let mut path = Input::new().max_chars(400);
        path.set_value(&default.display().to_string());
        let mut form = Form::new(vec![
            Field::new(words::label_results_path(lang), path).width(44),
            pin_field(lang.strings().label_pin),
        ]);
        form.focus(PIN);
        ClosePeriod { period, form }
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let s = ctx.lang().strings();
        if self.form.value(PIN).is_empty() {
            ctx.info(s.need_pin);
            return Nav::Stay;
        }
        let path = std::path::PathBuf::from(self.form.value(PATH).trim());
        if path.as_os_str().is_empty() {
            ctx.info(words::need_path(ctx.lang()));
            self.form.focus(PATH);
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        // The results file's place is checked before the period is closed.
        let file = match ctx.service.out_file(&path) {
            Ok(f) => f,
            Err(e) => {
                ctx.error(&e);
                self.form.focus(PATH);
                return Nav::Stay;
            }
        };
        let pin = self.form.take(PIN);
        let closed = ctx.service.close_period(
            &session,
            &pin,
            self.period,
            &crate::service::period::CloseOptions::default(),
        );
        let report = match closed {
            Ok(r) => r,
            Err(e @ Error::Auth(AuthError::Locked { .. })) => {
                ctx.error(&e);
                *ctx.session = None;
                return Nav::reset(SignIn::new(ctx.lang()));
            }
            Err(e @ Error::Auth(_)) => {
                ctx.error(&e);
                return Nav::Stay;
            }
            Err(e) => {
                refuse_close(ctx, &e);
                return Nav::Back(Outcome::Refresh);
            }
        };
        let office = ctx.service.config().office.clone();
        let day = report
            .closed_at
            .as_deref()
            .and_then(|at| at.get(0..10))
            .unwrap_or_default()
            .to_string();
        let document = crate::document::period::build(ctx.lang(), &office, &report, &day);
        let lang = ctx.lang();
        let written = crate::export::xlsx_bytes(&document)
            .map_err(|e| crate::i18n::Say::say(&e, lang))
            .and_then(|bytes| file.commit(&bytes).map_err(|e| e.localize(lang)))
            .and_then(|()| {
                ctx.service
                    .note_export(&session, "period.results", &path, &self.period.to_string())
                    .map_err(|e| e.localize(lang))
            });
        let shown = crate::text::for_display(&path.display().to_string()).into_owned();
        match written {
            Ok(()) => ctx.info(words::closed(lang, self.period, &shown)),
            Err(problem) => ctx.error(&words::closed_not_written(
                lang,
                self.period,
                &problem,
                &shown,
            )),
        }
        Nav::Back(Outcome::Done)
    }
}

/// Says why the period cannot close, in the month screen's words where
/// they differ from the command line's.
pub(super) fn refuse_close(ctx: &mut Ctx, e: &Error) {
    let on_screen = match e {
        Error::Period(p) => crate::i18n::period::close_refused_on_screen(ctx.lang(), p),
        _ => None,
    };
    match on_screen {
        Some(text) => ctx.error(&text),
        None => ctx.error(e),
    }
}

impl Screen for ClosePeriod {
    type Msg = FormMsg;

    fn title(&self, lang: Lang) -> String {
        words::close_title(lang).to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<FormMsg> {
        self.form.on_key(key, keys)
    }

    fn update(&mut self, msg: FormMsg, ctx: &mut Ctx) -> Nav {
        match msg {
            // Enter on either field closes, once the PIN is typed.
            FormMsg::Submit => self.submit(ctx),
            FormMsg::Next if self.form.focused() == PATH && !self.form.value(PIN).is_empty() => {
                self.submit(ctx)
            }
            other => {
                self.form.update(other);
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let what = words::close_what(view.lang, self.period);
        let panel = Panel {
            title: words::close_title(view.lang),
            lines: &[&what, words::close_hint(view.lang)],
            width: 74,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        form::help_submit(keys, lang.strings(), words::key_close(lang))
    }

    fn typing(&self) -> bool {
        true
    }

    fn is_popup(&self) -> bool {
        true
    }
}
