//! The month's files read in, opened from the month screen: a list
//! imported ([`FileImport`] of [`Source::Changes`]) and the bank's result
//! imported ([`FileImport`] of [`Source::Bank`]). The files the month writes
//! out (the transfer batch, the signing workbook) are in `saves`.
//!
//! An import reads the file twice through the service: a dry run shown
//! line by line (scrollable), then — after the supervisor's PIN — the real
//! run, all of the file or nothing. Refusals are the service's own words,
//! on the message line until the file named changes: a refusal of one
//! file never stands over the preview of another.

use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::credentials::{confirm_own_pin, pin_field};
use super::super::{Nav, Outcome, Screen};
use crate::i18n::{Lang, Localize, month_screens as words};
use crate::service::Session;
use crate::service::import::{ImportOptions, ImportReport, ListKind};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::doc::{Scroll, ScrollMsg};
use crate::tui::widgets::form::{self, Field, Form, FormMsg};
use crate::tui::widgets::input::Input;

/// How many problems of each sort a preview lists.
const SHOWN_PROBLEMS: usize = 50;

/// The office's `files/` folder, if there is one: beside the
/// configuration (where the demo writes the lists) or beside its `config/`
/// folder.
pub fn files_folder(ctx: &Ctx) -> Option<PathBuf> {
    let here = ctx.service.config().source.parent();
    [here, here.and_then(Path::parent)]
        .into_iter()
        .flatten()
        .map(|dir| dir.join("files"))
        .find(|f| f.is_dir())
}

/// The folder change lists are looked for first: the `files/` folder,
/// else the spool folder.
pub fn lists_folder(ctx: &Ctx) -> PathBuf {
    files_folder(ctx).unwrap_or_else(|| ctx.service.config().receipt.spool_dir.clone())
}

/// The kind a change list's file name tells, if any.
fn kind_of_name(path: &str) -> Option<ListKind> {
    let file = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = crate::text::fold(&file);
    if name.contains("giam") || name.contains("decrease") {
        Some(ListKind::Decrease)
    } else if name.contains("tang") || name.contains("increase") {
        Some(ListKind::Increase)
    } else if name.contains("dieu-chinh") || name.contains("dieu chinh") || name.contains("adjust")
    {
        Some(ListKind::Adjustment)
    } else if name.contains("chi-tra") || name.contains("chi tra") || name.contains("thang") {
        Some(ListKind::Monthly)
    } else {
        None
    }
}

fn kind_digit(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Decrease => "1",
        ListKind::Increase => "2",
        ListKind::Adjustment => "3",
        ListKind::Monthly => "4",
    }
}

fn kind_of_digit(digit: &str) -> Option<ListKind> {
    match digit.trim() {
        "1" => Some(ListKind::Decrease),
        "2" => Some(ListKind::Increase),
        "3" => Some(ListKind::Adjustment),
        "4" => Some(ListKind::Monthly),
        _ => None,
    }
}

pub(super) fn shown(path: &Path) -> String {
    crate::text::for_display(&path.display().to_string()).into_owned()
}

/// The transfers view: the period's batches with the bank, each with where
/// it stands (waiting, done, failed people, from the period's outcome) and
/// the people the bank refused. Batches are numbered from 1 in the order
/// they were made; the first number the service does not know ends them.
/// Also the number of the period's newest batch, if it has one.
pub fn batch_lines(
    ctx: &mut Ctx,
    session: &Session,
    report: &crate::domain::period_report::PeriodReport,
) -> (Vec<String>, Option<i64>) {
    use crate::domain::period_report::Transfer;
    let lang = ctx.lang();
    let mut out = Vec::new();
    let mut newest = None;
    for number in 1.. {
        let batch = match ctx.service.bank_batch_of(session, number) {
            Ok(Some(b)) => b,
            Ok(None) => break,
            Err(e) => {
                ctx.error(&e);
                break;
            }
        };
        if batch.period != report.period {
            continue;
        }
        newest = Some(number);
        let mut codes: Vec<&str> = batch.lines.iter().map(|l| l.record_code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        let people: Vec<_> = report
            .people
            .iter()
            .filter(|p| codes.contains(&p.code.as_str()))
            .collect();
        let waiting = people
            .iter()
            .filter(|p| matches!(p.transfer, Some(Transfer::Sent { batch }) if batch == number))
            .count();
        let failed: Vec<_> = people
            .iter()
            .filter_map(|p| match &p.transfer {
                Some(Transfer::Failed { batch, reason }) if *batch == number => Some((p, reason)),
                _ => None,
            })
            .collect();
        let done = people
            .iter()
            .filter(|p| {
                p.payments.iter().any(|x| {
                    x.reference
                        .as_deref()
                        .is_some_and(|r| batch.lines.iter().any(|l| l.reference == r))
                })
            })
            .count();
        let state = words::BatchState {
            number,
            created_at: &batch.created_at,
            people: codes.len(),
            total: batch.total,
            waiting,
            done,
            failed: failed.len(),
        };
        out.extend(words::batch_lines(lang, &state));
        for (p, reason) in failed {
            out.push(words::batch_failed_person(
                lang,
                &p.code,
                &p.full_name,
                reason,
            ));
        }
    }
    if out.is_empty() {
        out.push(words::no_batches(lang).to_string());
    }
    (out, newest)
}

/// What a file import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// An increase, decrease or adjustment list.
    Changes,
    /// The bank's result file of a transfer batch.
    Bank,
}

/// The dry run's outcome, waiting for the PIN.
struct Preview {
    path: PathBuf,
    kind: ListKind,
    lines: Vec<String>,
    /// False when rows were refused: nothing can be written.
    writable: bool,
}

/// Columns a preview line takes: the screen's 80 less the frame.
const PREVIEW_COLS: usize = 76;

/// The preview's lines wrapped to the screen, each line's continuation
/// indented under its text: a reason is read whole, not cut at the edge.
fn wrapped(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .flat_map(|line| {
            if crate::tui::widgets::fit::width(line) <= PREVIEW_COLS {
                return vec![line.clone()];
            }
            let body = line.trim_start_matches(' ');
            let lead = " ".repeat(line.len() - body.len());
            crate::text::layout::wrap_hanging(body, PREVIEW_COLS - lead.len(), "    ")
                .into_iter()
                .map(|part| format!("{lead}{part}"))
                .collect()
        })
        .collect()
}

/// A file imported after a preview and the PIN.
pub struct FileImport {
    lang: Lang,
    source: Source,
    form: Form,
    preview: Option<Preview>,
    scroll: Scroll,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportMsg {
    Form(FormMsg),
    Scroll(ScrollMsg),
}

const PATH: usize = 0;
const KIND: usize = 1;

impl FileImport {
    pub fn new(source: Source, lang: Lang, default: &Path) -> FileImport {
        let mut path = Input::new().max_chars(400);
        path.set_value(&default.display().to_string());
        let mut fields = vec![];
        match source {
            Source::Changes => {
                fields.push(Field::new(words::label_list_path(lang), path).width(58));
                let mut kind = Input::new().digits().max_chars(1);
                if let Some(k) = kind_of_name(&default.display().to_string()) {
                    kind.set_value(kind_digit(k));
                }
                fields.push(Field::new(words::label_kind(lang), kind).width(3));
            }
            Source::Bank => {
                fields.push(Field::new(words::label_result_path(lang), path).width(58));
            }
        }
        FileImport {
            lang,
            source,
            form: Form::new(fields),
            preview: None,
            scroll: Scroll::default(),
        }
    }

    /// The preview's lines: what the dry run found.
    fn change_lines(lang: Lang, r: &ImportReport) -> Vec<String> {
        let mut out =
            words::changes_head(lang, &r.file, r.kind, r.period, r.rows, r.people, r.total);
        out.extend(crate::i18n::changes::preview_lines(lang, &r.changes));
        if r.new_people_not_listed() > 0 {
            out.push(crate::i18n::import_preview::more_new_people(
                lang,
                r.new_people_not_listed(),
            ));
        }
        let hidden = r
            .details_changed
            .saturating_sub(crate::service::import::KEPT_PROBLEMS);
        if hidden > 0 {
            out.push(crate::i18n::import_details::more(lang, hidden));
        }
        let mut problems =
            |head: String, list: &[crate::import::record::RowProblem], total: usize| {
                if total == 0 {
                    return;
                }
                out.push(head);
                for p in list.iter().take(SHOWN_PROBLEMS) {
                    out.push(format!("  {}", p.localize(lang)));
                }
                let listed = list.len().min(SHOWN_PROBLEMS);
                if total > listed {
                    out.push(words::more_rows(lang, total - listed));
                }
            };
        problems(
            words::warnings_heading(lang, r.warnings_total),
            &r.warnings,
            r.warnings_total,
        );
        problems(
            words::rejected_heading(lang, r.rejected_total),
            &r.rejected,
            r.rejected_total,
        );
        out
    }

    fn bank_lines(lang: Lang, r: &crate::service::bank::Imported) -> Vec<String> {
        let mut out = vec![words::bank_result_head(
            lang,
            r.batch,
            r.done.len(),
            r.failed.len(),
        )];
        let line = |o: &crate::service::bank::Outcome| {
            format!(
                "  {} {} {} {}",
                o.reference,
                crate::text::for_display(&o.code),
                crate::text::for_display(&o.name),
                crate::domain::Money::from_dong(o.amount_dong),
            )
        };
        // What the counter must pay again first: a failed row is not
        // found pages down under the done ones.
        for o in &r.failed {
            out.push(format!("{} — {}", line(o), words::bank_failed_mark(lang)));
            // The bank's reason on a line of its own: it may be long.
            out.push(format!(
                "      {}",
                crate::text::for_display(o.reason.as_deref().unwrap_or(""))
            ));
        }
        for o in &r.done {
            out.push(format!("{} — {}", line(o), words::bank_done_mark(lang)));
            if o.to_recover {
                out.push(format!("      {}", words::bank_to_recover_mark(lang)));
            }
        }
        out
    }

    /// Enter on the path (and kind): the dry run.
    fn look(&mut self, ctx: &mut Ctx) -> Nav {
        let lang = ctx.lang();
        let path = PathBuf::from(self.form.value(PATH).trim());
        if path.as_os_str().is_empty() {
            ctx.info(words::need_path(lang));
            self.form.focus(PATH);
            return Nav::Stay;
        }
        let kind = match self.source {
            Source::Changes => match kind_of_digit(self.form.value(KIND)) {
                Some(k) => k,
                None => {
                    ctx.info(words::need_kind(lang));
                    self.form.focus(KIND);
                    return Nav::Stay;
                }
            },
            Source::Bank => ListKind::Monthly,
        };
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let (lines, writable) = match self.source {
            Source::Changes => {
                let opts = ImportOptions {
                    kind,
                    period: None,
                    dry_run: true,
                };
                match ctx.service.import(&session, &path, &opts, &mut |_| {}) {
                    Ok(r) => (Self::change_lines(lang, &r), !r.is_rejected()),
                    Err(e) => {
                        ctx.error(&e);
                        return Nav::Stay;
                    }
                }
            }
            Source::Bank => match ctx.service.bank_import(&session, &path, true) {
                Ok(r) => (Self::bank_lines(lang, &r), true),
                Err(e) => {
                    ctx.error(&e);
                    return Nav::Stay;
                }
            },
        };
        // The preview is of this file: nothing said of another stays.
        ctx.clear_message();
        self.preview = Some(Preview {
            path,
            kind,
            lines: wrapped(&lines),
            writable,
        });
        self.form = Form::new(vec![pin_field(ctx.lang().strings().label_pin)]);
        self.scroll = Scroll::default();
        Nav::Stay
    }

    /// Enter on the PIN: the real run.
    fn write(&mut self, ctx: &mut Ctx) -> Nav {
        let lang = ctx.lang();
        let Some(preview) = &self.preview else {
            return Nav::Stay;
        };
        if !preview.writable {
            ctx.info(words::nothing_writable(lang));
            return Nav::Stay;
        }
        if self.form.value(0).is_empty() {
            ctx.info(ctx.lang().strings().need_pin);
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let pin = self.form.take(0);
        if let Err(nav) = confirm_own_pin(ctx, &session, &pin) {
            return nav;
        }
        let path = preview.path.clone();
        match self.source {
            Source::Changes => {
                let opts = ImportOptions {
                    kind: preview.kind,
                    period: None,
                    dry_run: false,
                };
                match ctx.service.import(&session, &path, &opts, &mut |_| {}) {
                    Ok(r) if r.committed => ctx.info(words::changes_written(
                        lang,
                        r.batch_id.unwrap_or(0),
                        r.people,
                    )),
                    Ok(_) => ctx.error(&words::changes_not_written(lang)),
                    Err(e) => ctx.error(&e),
                }
            }
            Source::Bank => match ctx.service.bank_import(&session, &path, false) {
                Ok(r) => ctx.info(words::bank_result_written(
                    lang,
                    r.batch,
                    r.done.len(),
                    r.failed.len(),
                )),
                Err(e) => ctx.error(&e),
            },
        }
        Nav::Back(Outcome::Done)
    }
}

impl Screen for FileImport {
    type Msg = ImportMsg;

    fn title(&self, _lang: Lang) -> String {
        let lang = self.lang;
        match self.source {
            Source::Changes => words::changes_title(lang),
            Source::Bank => words::bank_result_title(lang),
        }
        .to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<ImportMsg> {
        if self.preview.is_some()
            && let Some(m) = Scroll::on_key(key, keys)
        {
            return Some(ImportMsg::Scroll(m));
        }
        self.form.on_key(key, keys).map(ImportMsg::Form)
    }

    fn update(&mut self, msg: ImportMsg, ctx: &mut Ctx) -> Nav {
        match msg {
            ImportMsg::Scroll(m) => {
                let len = self.preview.as_ref().map_or(0, |p| p.lines.len());
                self.scroll.update(m, len.saturating_sub(5));
                Nav::Stay
            }
            ImportMsg::Form(FormMsg::Submit) => {
                if self.preview.is_some() {
                    self.write(ctx)
                } else {
                    self.look(ctx)
                }
            }
            ImportMsg::Form(other) => {
                let was = self.form.focused();
                let before = self.form.value(was).to_string();
                self.form.update(other);
                // Another file (or kind) typed: what was said of the last
                // one no longer holds.
                if self.preview.is_none() && self.form.value(was) != before {
                    ctx.clear_message();
                }
                // Leaving the path: the kind its file's name tells, which
                // the user can still change.
                if self.source == Source::Changes
                    && was == PATH
                    && self.form.focused() != PATH
                    && let Some(k) = kind_of_name(self.form.value(PATH))
                {
                    self.form.set_value(KIND, kind_digit(k));
                }
                Nav::Stay
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let lang = self.lang;
        let inner = Rect::new(
            area.x + 1,
            area.y,
            area.width.saturating_sub(2),
            area.height,
        );
        let text = |frame: &mut Frame, y: u16, s: &str, style| {
            frame
                .buffer_mut()
                .set_stringn(inner.x, y, s, usize::from(inner.width), style);
        };
        let Some(preview) = &self.preview else {
            let hint = match self.source {
                Source::Changes => words::changes_hint(lang),
                Source::Bank => words::bank_result_hint(lang),
            };
            for (i, line) in (0u16..).zip(hint.lines()) {
                text(frame, inner.y + i, line, view.theme.text());
            }
            let form_area = Rect::new(
                inner.x,
                inner.y + 3,
                inner.width,
                self.form.height().min(inner.height.saturating_sub(3)),
            );
            self.form.draw(frame, form_area, view.theme, view.focused);
            return;
        };
        // The PIN (or why there is none) on the last two rows.
        let bottom = inner.bottom().saturating_sub(2);
        let body = Rect::new(
            inner.x,
            inner.y,
            inner.width,
            bottom.saturating_sub(inner.y),
        );
        let lines: Vec<Line> = preview.lines.iter().map(|l| Line::raw(l.clone())).collect();
        self.scroll.draw(
            frame,
            body,
            &lines,
            view.lang.strings().more_below,
            view.theme,
        );
        if preview.writable {
            text(frame, bottom, words::pin_writes_all(lang), view.theme.key());
            let pin = Rect::new(inner.x, bottom + 1, inner.width, 1);
            self.form.draw(frame, pin, view.theme, view.focused);
        } else {
            text(
                frame,
                bottom,
                words::nothing_writable(lang),
                view.theme.key(),
            );
        }
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        // Enter: the preview first, then (with the PIN) the import.
        let mut out = match &self.preview {
            None => form::help_submit(keys, s, words::short_preview(lang)),
            Some(p) if p.writable => {
                // One field, the PIN: no other field to go to.
                let mut out = form::help_submit(keys, s, words::short_import(lang));
                out[1].short = None;
                out
            }
            Some(_) => form::help(keys, s),
        };
        if self.preview.is_some() {
            out.push(Scroll::help(keys, s));
        }
        out
    }

    fn typing(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests;
