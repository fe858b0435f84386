//! The month's files written out, opened from the month screen: the bank's
//! transfer batch made and saved ([`BankBatch`]) and the signing list saved
//! as a workbook ([`SaveSigning`]). What the month reads in is in `files`.

use crate::i18n::Localize;
use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::credentials::{confirm_own_pin, pin_field};
use super::super::form_screen::FormScreen;
use super::super::{Nav, Outcome, Screen};
use super::files::shown;
use crate::domain::Period;
use crate::files::out::{OutError, OutFile};
use crate::i18n::{Lang, month_screens as words};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{self, Field, Form, FormMsg};
use crate::tui::widgets::input::Input;
use crate::tui::widgets::panel::Panel;

/// Making the period's transfer batch: where its file goes, then the PIN.
pub struct BankBatch {
    lang: Lang,
    period: Period,
    form: Form,
}

const BATCH_PATH: usize = 0;
const BATCH_PIN: usize = 1;

impl BankBatch {
    pub fn new(period: Period, lang: Lang, default: &Path) -> BankBatch {
        let mut path = Input::new().max_chars(400);
        path.set_value(&default.display().to_string());
        let mut form = Form::new(vec![
            Field::new(words::label_batch_path(lang), path).width(44),
            pin_field(lang.strings().label_pin),
        ]);
        form.focus(BATCH_PIN);
        BankBatch { lang, period, form }
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let lang = ctx.lang();
        if self.form.value(BATCH_PIN).is_empty() {
            ctx.info(ctx.lang().strings().need_pin);
            return Nav::Stay;
        }
        let xlsx = PathBuf::from(self.form.value(BATCH_PATH).trim());
        if xlsx.as_os_str().is_empty() {
            ctx.info(words::need_path(lang));
            self.form.focus(BATCH_PATH);
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        // The batch locks its lines: its files' places are checked first,
        // so a place that cannot be written makes no batch.
        let files = match BatchFiles::prepare(ctx, &xlsx) {
            Ok(f) => f,
            Err(e) => {
                ctx.error(&e);
                self.form.focus(BATCH_PATH);
                return Nav::Stay;
            }
        };
        let pin = self.form.take(BATCH_PIN);
        if let Err(nav) = confirm_own_pin(ctx, &session, &pin) {
            return nav;
        }
        let batch = match ctx.service.bank_batch(&session, self.period) {
            Ok(b) => b,
            Err(e) => {
                ctx.error(&e);
                return Nav::Back(Outcome::Refresh);
            }
        };
        finish_batch_save(ctx, &session, &batch, files)
    }
}

/// A batch's two files for the bank, prepared: the xlsx at the path typed
/// and the csv beside it.
struct BatchFiles {
    xlsx: OutFile,
    csv: OutFile,
}

impl BatchFiles {
    fn prepare(ctx: &Ctx, xlsx: &Path) -> Result<BatchFiles, OutError> {
        Ok(BatchFiles {
            xlsx: ctx.service.out_file(xlsx)?,
            csv: ctx.service.out_file(&xlsx.with_extension("csv"))?,
        })
    }
}

/// Writes a batch's file for the bank (xlsx, and the csv beside it), notes
/// the export in the audit log and says where they went, or why not.
fn finish_batch_save(
    ctx: &mut Ctx,
    session: &crate::service::Session,
    batch: &crate::service::bank::Batch,
    files: BatchFiles,
) -> Nav {
    let lang = ctx.lang();
    let xlsx = files.xlsx.path().to_path_buf();
    let csv = files.csv.path().to_path_buf();
    let day = batch.created_at.get(0..10).unwrap_or_default().to_string();
    let doc = crate::document::bank::build(
        lang,
        &ctx.service.config().office,
        batch.number,
        batch.period,
        &batch.lines,
        &day,
    );
    let number = batch.number.to_string();
    let said = |e: &dyn crate::i18n::Say| e.say(lang);
    let written = crate::export::xlsx_bytes(&doc)
        .map_err(|e| said(&e))
        .and_then(|bytes| files.xlsx.commit(&bytes).map_err(|e| said(&e)))
        .and_then(|()| {
            let mut bytes = Vec::new();
            crate::export::csv::write_csv(&doc, &mut bytes).map_err(|e| said(&e))?;
            files.csv.commit(&bytes).map_err(|e| said(&e))
        })
        .and_then(|()| {
            for path in [xlsx.as_path(), csv.as_path()] {
                ctx.service
                    .note_export(session, "bank.batch", path, &number)
                    .map_err(|e| e.localize(lang))?;
            }
            Ok(())
        });
    match written {
        Ok(()) => {
            let saved = words::batch_saved(
                lang,
                batch.number,
                batch.lines.len(),
                batch.total,
                &shown(&xlsx),
                &shown(&csv),
            );
            let notes: Vec<String> = [
                crate::i18n::bank::held_back_note(lang, &batch.held_back),
                crate::i18n::bank::on_round_note(lang, &batch.on_round),
            ]
            .into_iter()
            .flatten()
            .collect();
            if notes.is_empty() {
                ctx.info(saved);
            } else {
                ctx.error(&format!("{saved} {}", notes.join(" ")));
            }
        }
        Err(problem) => ctx.error(&words::batch_not_saved(lang, batch.number, &problem)),
    }
    Nav::Back(Outcome::Done)
}

impl Screen for BankBatch {
    type Msg = FormMsg;

    fn title(&self, _lang: Lang) -> String {
        words::bank_batch_title(self.lang).to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<FormMsg> {
        self.form.on_key(key, keys)
    }

    fn update(&mut self, msg: FormMsg, ctx: &mut Ctx) -> Nav {
        match msg {
            FormMsg::Submit => self.submit(ctx),
            FormMsg::Next
                if self.form.focused() == BATCH_PATH && !self.form.value(BATCH_PIN).is_empty() =>
            {
                self.submit(ctx)
            }
            other => {
                self.form.update(other);
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let lang = self.lang;
        let what = words::bank_batch_what(lang, self.period);
        let panel = Panel {
            title: words::bank_batch_title(lang),
            lines: &[&what, words::bank_batch_hint(lang)],
            width: 76,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        form::help_submit(keys, lang.strings(), words::key_make_batch(self.lang))
    }

    fn typing(&self) -> bool {
        true
    }

    fn is_popup(&self) -> bool {
        true
    }
}

/// The signing list saved as a workbook: a hamlet (none: the commune) and
/// the file.
pub struct SaveSigning {
    lang: Lang,
    period: Period,
    hamlets: Vec<String>,
    form: Form,
    /// The file offered: one hamlet's list goes to a file of its own name
    /// when this one is kept, so the next hamlet's does not replace it.
    default: PathBuf,
}

/// `path` with the hamlet's name folded in before its extension:
/// "ky-nhan-2026-12.xlsx" → "ky-nhan-2026-12-thuan-hoa.xlsx".
fn with_hamlet(path: &Path, hamlet: &str) -> PathBuf {
    let slug = crate::text::fold(hamlet).replace(' ', "-");
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{slug}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{slug}"),
    };
    path.with_file_name(name)
}

const HAMLET: usize = 0;
const SIGNING_PATH: usize = 1;

impl SaveSigning {
    pub fn new(period: Period, lang: Lang, hamlets: Vec<String>, default: &Path) -> SaveSigning {
        let mut path = Input::new().max_chars(400);
        path.set_value(&default.display().to_string());
        let form = Form::new(vec![
            Field::new(words::label_hamlet(lang), Input::new().max_chars(80)).width(30),
            Field::new(words::label_signing_path(lang), path).width(50),
        ]);
        SaveSigning {
            lang,
            period,
            hamlets,
            form,
            default: default.to_path_buf(),
        }
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let lang = ctx.lang();
        let mut path = PathBuf::from(self.form.value(SIGNING_PATH).trim());
        if path.as_os_str().is_empty() {
            ctx.info(words::need_path(lang));
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let typed = self.form.value(HAMLET).trim().to_string();
        let report = match ctx.service.period_report(&session, self.period) {
            Ok(r) => r,
            Err(e) => {
                ctx.error(&e);
                return Nav::Stay;
            }
        };
        let hamlet = if typed.is_empty() {
            None
        } else {
            match crate::document::signing::find_hamlet(&report, &typed) {
                Some(h) => Some(h),
                None => {
                    ctx.info(words::no_such_hamlet(lang, &typed));
                    self.form.focus(HAMLET);
                    return Nav::Stay;
                }
            }
        };
        if let Some(h) = &hamlet
            && path == self.default
        {
            path = with_hamlet(&path, h);
        }
        let file = match ctx.service.out_file(&path) {
            Ok(f) => f,
            Err(e) => {
                ctx.error(&e);
                return Nav::Stay;
            }
        };
        let day = ctx.service.today().format("%Y-%m-%d").to_string();
        let document = crate::document::signing::build(
            lang,
            &ctx.service.config().office,
            &report,
            hamlet.as_deref(),
            &day,
        );
        let lang = ctx.lang();
        let written = crate::export::xlsx_bytes(&document)
            .map_err(|e| crate::i18n::Say::say(&e, lang))
            .and_then(|bytes| file.commit(&bytes).map_err(|e| e.localize(lang)))
            .and_then(|()| {
                ctx.service
                    .note_export(&session, "period.signing", &path, &self.period.to_string())
                    .map_err(|e| e.localize(lang))
            });
        match written {
            Ok(()) => {
                ctx.info(words::signing_saved(lang, hamlet.as_deref(), &shown(&path)));
                Nav::Back(Outcome::Done)
            }
            Err(problem) => {
                ctx.error(&words::not_saved(lang, &shown(&path), &problem));
                Nav::Stay
            }
        }
    }
}

impl Screen for SaveSigning {
    type Msg = FormMsg;

    fn title(&self, _lang: Lang) -> String {
        words::signing_save_title(self.lang).to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<FormMsg> {
        self.form.on_key(key, keys)
    }

    fn update(&mut self, msg: FormMsg, ctx: &mut Ctx) -> Nav {
        match msg {
            FormMsg::Submit => self.submit(ctx),
            other => {
                self.form.update(other);
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let lang = self.lang;
        let hint = words::signing_save_hint(lang, &self.hamlets);
        let panel = Panel {
            title: words::signing_save_title(lang),
            lines: &[&hint],
            width: 76,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        form::help_submit(keys, lang.strings(), words::key_save_file(self.lang))
    }

    fn typing(&self) -> bool {
        true
    }

    fn is_popup(&self) -> bool {
        true
    }
}

/// A batch's file for the bank saved again (the first save failed, or the
/// file went astray): the batch's number (the period's newest to begin
/// with), then where.
pub struct SaveBatch {
    lang: Lang,
    form: Form,
}

const AGAIN_NUMBER: usize = 0;
const AGAIN_PATH: usize = 1;

impl SaveBatch {
    pub fn new(lang: Lang, default: &Path, newest: Option<i64>) -> SaveBatch {
        let mut path = Input::new().max_chars(400);
        path.set_value(&default.display().to_string());
        let mut number = Input::new().max_chars(6);
        if let Some(n) = newest {
            number.set_value(&n.to_string());
        }
        let form = Form::new(vec![
            Field::new(words::label_batch_number(lang), number).width(8),
            Field::new(words::label_batch_path(lang), path).width(44),
        ]);
        SaveBatch { lang, form }
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let lang = ctx.lang();
        let typed = self.form.value(AGAIN_NUMBER).trim().to_string();
        let Ok(number) = typed.parse::<i64>() else {
            ctx.info(words::need_batch_number(lang));
            self.form.focus(AGAIN_NUMBER);
            return Nav::Stay;
        };
        let xlsx = PathBuf::from(self.form.value(AGAIN_PATH).trim());
        if xlsx.as_os_str().is_empty() {
            ctx.info(words::need_path(lang));
            self.form.focus(AGAIN_PATH);
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let files = match BatchFiles::prepare(ctx, &xlsx) {
            Ok(f) => f,
            Err(e) => {
                ctx.error(&e);
                self.form.focus(AGAIN_PATH);
                return Nav::Stay;
            }
        };
        match ctx.service.bank_batch_of(&session, number) {
            Ok(Some(batch)) => finish_batch_save(ctx, &session, &batch, files),
            Ok(None) => {
                ctx.error(&words::no_such_batch(lang, number));
                self.form.focus(AGAIN_NUMBER);
                Nav::Stay
            }
            Err(e) => {
                ctx.error(&e);
                Nav::Stay
            }
        }
    }
}

impl FormScreen for SaveBatch {
    fn title(&self, _lang: Lang) -> String {
        words::save_batch_title(self.lang).to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        SaveBatch::submit(self, ctx)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let lang = self.lang;
        let panel = Panel {
            title: words::save_batch_title(lang),
            lines: &[words::save_batch_hint(lang)],
            width: 76,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        form::help_submit(keys, lang.strings(), words::key_save_file(self.lang))
    }

    fn is_popup(&self) -> bool {
        true
    }
}
