//! The month, from the supervisor's menu ("Tháng"): the current period's
//! outcome at a glance (imported, paid, unpaid, stopped, with the bank,
//! failed at the bank), and four views switched with Tab:
//! 1. the results — the same document the close writes for the payer,
//!    laid out at the screen's width (↑/↓/PgUp/PgDn scroll, F8 prints);
//! 2. the unpaid people, one line each: ↑/↓ picks a person, a digit 1–6
//!    records the reason (6 "other" asks for a note), fast;
//! 3. the signing list for the whole commune (F8 prints it, F7 saves the
//!    list of a hamlet or the commune as a workbook);
//! 4. the transfers: the period's batches with the bank and where they
//!    stand.
//!
//! The close key (F10) opens [`ClosePeriod`]: the supervisor's PIN and the
//! path of the results file; the service refuses with what blocks the
//! close (unpaid people without a reason, open days, transfers waiting for
//! the bank) in its own words, and nothing is written then.
//!
//! The month's files (see [`files`]): F3 imports a change list, F4 makes
//! the bank's transfer batch and saves its file, F6 imports the bank's
//! result, F7 (signing view) saves the signing list of a hamlet or the
//! commune as a workbook.
//!
//! Not here: what the close checks ([`crate::service::period`]), how the
//! documents are laid out ([`crate::document`]).

use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

mod files;
mod popups;
mod saves;

pub use files::{FileImport, Source};
pub use popups::{ClosePeriod, ReasonNote};
pub use saves::{BankBatch, SaveBatch, SaveSigning};

use super::{Nav, Outcome, Screen};
use crate::document::Document;
use crate::document::layout::{Page, lay_out};
use crate::domain::Period;
use crate::domain::period_report::{PeriodReport, Settled, Transfer, UnpaidReason};
use crate::i18n::month_screens as words;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::widgets::doc::{self, Scroll, ScrollMsg};
use crate::tui::widgets::fit;
use crate::tui::widgets::select::{Select, SelectMsg, draw_rows};

/// Columns the documents are laid out in.
const DOC_WIDTH: usize = 78;

/// The view shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Results,
    Reasons,
    Signing,
    /// The period's batches with the bank and where they stand.
    Bank,
}

impl Which {
    const ALL: [Which; 4] = [Which::Results, Which::Reasons, Which::Signing, Which::Bank];

    fn next(self, back: bool) -> Which {
        let i = Which::ALL.iter().position(|w| *w == self).unwrap_or(0);
        let n = Which::ALL.len();
        Which::ALL[if back { (i + n - 1) % n } else { (i + 1) % n }]
    }
}

/// The month screen.
pub struct Month {
    lang: crate::i18n::Lang,
    period: Period,
    which: Which,
    report: Option<PeriodReport>,
    doc: Option<Document>,
    scroll: Scroll,
    /// The unpaid person picked in the reasons view.
    pick: Select,
    /// The transfers view's lines.
    bank: Vec<String>,
    /// The period's newest transfer batch, for saving its file again.
    newest_batch: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// Tab / Shift-Tab: the next or the previous view.
    Switch {
        back: bool,
    },
    /// ← / →: the month before or after (an earlier month still to close
    /// while the next month's list is already in).
    Month {
        back: bool,
    },
    Scroll(ScrollMsg),
    Pick(SelectMsg),
    /// A digit in the reasons view: the picked person's reason.
    Reason(UnpaidReason),
    Print,
    Close,
    /// F3: a change list.
    ImportChanges,
    /// F4: the transfer batch.
    BankBatch,
    /// F6: the bank's result.
    BankResult,
    /// F7 in the signing view: the list saved as a workbook.
    SaveSigning,
    /// F7 on the transfers: a batch's file saved again.
    SaveBatch,
}

/// Where a file the month writes (results, batch, signing list) goes
/// unless the supervisor types another path: the office's `files/` folder,
/// else the folder chitra was started in. Never the spool folder: it holds
/// chitra's own receipts, and a file saved there is refused.
fn saved_in(ctx: &Ctx, name: &str) -> std::path::PathBuf {
    files::files_folder(ctx)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
        .join(name)
}

/// The file a period's transfer batch is saved to, at first and again.
fn batch_file(period: Period) -> String {
    format!("lo-chuyen-khoan-{period}.xlsx")
}

/// The keys of the month's files.
const KEY_CHANGES: KeyCode = KeyCode::F(3);
const KEY_BATCH: KeyCode = KeyCode::F(4);
const KEY_RESULT: KeyCode = KeyCode::F(6);
const KEY_SAVE: KeyCode = KeyCode::F(7);

/// The period a supervisor works on: the latest one imported that is still
/// open, up to this month; this month when there is none.
fn working_period(ctx: &mut Ctx) -> Period {
    let this = Period::of(ctx.service.today());
    let Some(session) = ctx.session.clone() else {
        return this;
    };
    let mut p = this;
    for _ in 0..12 {
        if let Ok(r) = ctx.service.period_report(&session, p)
            && r.closed_at.is_none()
        {
            return p;
        }
        p = p.prev();
    }
    this
}

impl Month {
    pub fn open(ctx: &mut Ctx) -> Month {
        let mut m = Month {
            lang: ctx.lang(),
            period: working_period(ctx),
            which: Which::Results,
            report: None,
            doc: None,
            scroll: Scroll::default(),
            pick: Select::new(0),
            bank: Vec::new(),
            newest_batch: None,
        };
        m.load(ctx);
        m
    }

    /// The period shown.
    pub fn period(&self) -> Period {
        self.period
    }

    /// Reads the period again and lays out the view shown.
    fn load(&mut self, ctx: &mut Ctx) {
        let Some(session) = ctx.session.clone() else {
            return;
        };
        match ctx.service.period_report(&session, self.period) {
            Ok(r) => {
                let office = ctx.service.config().office.clone();
                let day = ctx.service.today().format("%Y-%m-%d").to_string();
                self.doc = match self.which {
                    Which::Results => Some(crate::document::period::build(
                        ctx.lang(),
                        &office,
                        &r,
                        &day,
                    )),
                    Which::Signing => Some(crate::document::signing::build(
                        ctx.lang(),
                        &office,
                        &r,
                        None,
                        &day,
                    )),
                    Which::Reasons | Which::Bank => None,
                };
                (self.bank, self.newest_batch) = if self.which == Which::Bank {
                    let (lines, newest) = files::batch_lines(ctx, &session, &r);
                    (fit::wrap_lines(&lines, DOC_WIDTH), newest)
                } else {
                    (Vec::new(), None)
                };
                let picked = self.pick.selected();
                self.pick = Select::new(r.with(Settled::Unpaid).count());
                self.pick.select(picked);
                self.report = Some(r);
            }
            Err(e) => {
                self.report = None;
                self.doc = None;
                ctx.error(&e);
            }
        }
    }

    fn unpaid(&self) -> Vec<&crate::domain::period_report::PersonOutcome> {
        self.report
            .as_ref()
            .map(|r| r.with(Settled::Unpaid).collect())
            .unwrap_or_default()
    }

    /// The lines the scrolling views show.
    fn shown_lines(&self, theme: &crate::tui::theme::Theme) -> Vec<Line<'static>> {
        if self.which == Which::Bank {
            return self.bank.iter().map(|l| Line::raw(l.clone())).collect();
        }
        doc::styled(&self.lines(), theme)
    }

    fn line_count(&self) -> usize {
        if self.which == Which::Bank {
            self.bank.len()
        } else {
            self.lines().len()
        }
    }

    fn lines(&self) -> Vec<crate::document::layout::Line> {
        self.doc
            .as_ref()
            .map(|d| lay_out(d, Page::screen(DOC_WIDTH)))
            .unwrap_or_default()
    }

    fn set_reason(&mut self, reason: UnpaidReason, ctx: &mut Ctx) -> Nav {
        let Some(p) = self
            .unpaid()
            .get(self.pick.selected())
            .map(|p| p.code.clone())
        else {
            return Nav::Stay;
        };
        if reason.needs_note() {
            return Nav::push(ReasonNote::new(ctx.lang(), self.period, &p));
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Stay;
        };
        match ctx
            .service
            .set_unpaid_reason(&session, self.period, &p, reason, None)
        {
            Ok(_) => {
                ctx.info(words::reason_recorded(ctx.lang(), &p, reason));
                // The next person without a reason is picked, to go on.
                self.load(ctx);
                let next = self.unpaid().iter().position(|p| p.reason.is_none());
                if let Some(i) = next {
                    self.pick.select(i);
                }
            }
            Err(e) => ctx.error(&e),
        }
        Nav::Stay
    }

    /// Prints the document shown: its 80-column text to the spool folder,
    /// then to the printer when one is set, in the background.
    fn print(&self, ctx: &mut Ctx) {
        let Some(document) = &self.doc else {
            return;
        };
        let kind = match self.which {
            Which::Signing => "ky-nhan",
            _ => "ket-qua",
        };
        let name = format!("{kind}-{}", self.period);
        ctx.print_document(document, &name, words::printed, words::printing);
    }

    /// The figures over every view, on as many lines of `width` columns as
    /// they need (one for the usual amounts): none is cut off.
    fn figures(&self, lang: Lang, width: usize) -> Vec<String> {
        let Some(r) = &self.report else {
            return Vec::new();
        };
        let sent = r
            .people
            .iter()
            .filter(|p| matches!(p.transfer, Some(Transfer::Sent { .. })))
            .count();
        let failed = r
            .people
            .iter()
            .filter(|p| matches!(p.transfer, Some(Transfer::Failed { .. })))
            .count();
        fit::join_fitting(words::figures(lang, r, sent, failed), width)
    }

    fn draw_reasons(&self, frame: &mut Frame, area: Rect, view: &View) {
        let unpaid = self.unpaid();
        if unpaid.is_empty() {
            frame.buffer_mut().set_stringn(
                area.x,
                area.y,
                words::nobody_unpaid(view.lang),
                usize::from(area.width),
                view.theme.text(),
            );
            return;
        }
        frame.buffer_mut().set_stringn(
            area.x,
            area.y,
            words::reason_keys(view.lang),
            usize::from(area.width),
            view.theme.key(),
        );
        let width = usize::from(area.width.saturating_sub(2));
        let picked = self.pick.selected();
        let rows: Vec<Line> = unpaid
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let marker = if i == picked { '▸' } else { ' ' };
                Line::raw(format!(
                    "{marker} {}",
                    words::unpaid_row(view.lang, p, width)
                ))
            })
            .collect();
        let body = Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(1),
        );
        draw_rows(frame, body, &rows, self.pick.selected(), view.theme);
    }
}

impl Screen for Month {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        words::title(lang, self.period)
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key.code == KeyCode::Tab {
            return Some(Msg::Switch { back: false });
        }
        if key.code == KeyCode::BackTab {
            return Some(Msg::Switch { back: true });
        }
        if key.modifiers.is_empty() && matches!(key.code, KeyCode::Left | KeyCode::Right) {
            return Some(Msg::Month {
                back: key.code == KeyCode::Left,
            });
        }
        if key_match(key, &keys.close_day, true) {
            return Some(Msg::Close);
        }
        if key.modifiers.is_empty() || key.modifiers == KeyModifiers::SHIFT {
            match key.code {
                KEY_CHANGES => return Some(Msg::ImportChanges),
                KEY_BATCH => return Some(Msg::BankBatch),
                KEY_RESULT => return Some(Msg::BankResult),
                KEY_SAVE if self.which == Which::Signing => return Some(Msg::SaveSigning),
                KEY_SAVE if self.which == Which::Bank => return Some(Msg::SaveBatch),
                _ => {}
            }
        }
        if key_match(key, &keys.print_report, true)
            && matches!(self.which, Which::Results | Which::Signing)
        {
            return Some(Msg::Print);
        }
        if self.which == Which::Reasons {
            if let KeyCode::Char(c @ '1'..='6') = key.code
                && !key.modifiers.contains(KeyModifiers::CONTROL)
            {
                let i = (c as usize) - ('1' as usize);
                return UnpaidReason::ALL.get(i).map(|r| Msg::Reason(*r));
            }
            return self.pick.on_key(key, keys).map(Msg::Pick);
        }
        Scroll::on_key(key, keys).map(Msg::Scroll)
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Switch { back } => {
                self.which = self.which.next(back);
                self.scroll = Scroll::default();
                // What was said on one tab ("saved to …") is not about
                // the next.
                ctx.clear_message();
                self.load(ctx);
            }
            Msg::Month { back } => {
                // Up to next month (whose list may come early), back a
                // year.
                let this = Period::of(ctx.service.today());
                let to = if back {
                    self.period.prev()
                } else {
                    self.period.next()
                };
                if (-1..=12).contains(&this.months_since(to)) {
                    self.period = to;
                    self.scroll = Scroll::default();
                    self.load(ctx);
                }
            }
            Msg::Scroll(m) => {
                let last = self.line_count().saturating_sub(10);
                self.scroll.update(m, last);
            }
            Msg::Pick(m) => self.pick.update(m),
            Msg::Reason(r) => return self.set_reason(r, ctx),
            Msg::Print => self.print(ctx),
            Msg::Close => {
                // What stands in the way is said before the PIN is asked.
                if let Err(e) = ctx.service.check_period_close(self.period) {
                    popups::refuse_close(ctx, &e);
                    return Nav::Stay;
                }
                let default = saved_in(ctx, &format!("ket-qua-chi-tra-{}.xlsx", self.period));
                return Nav::push(ClosePeriod::new(ctx.lang(), self.period, &default));
            }
            Msg::ImportChanges => {
                let folder = files::lists_folder(ctx);
                let default = folder.join(format!("danh-sach-giam-{}.csv", self.period));
                return Nav::push(FileImport::new(Source::Changes, ctx.lang(), &default));
            }
            Msg::BankResult => {
                let folder = files::lists_folder(ctx);
                let default = folder.join(format!("ket-qua-ngan-hang-{}.xlsx", self.period));
                return Nav::push(FileImport::new(Source::Bank, ctx.lang(), &default));
            }
            Msg::BankBatch => {
                let default = saved_in(ctx, &batch_file(self.period));
                return Nav::push(BankBatch::new(self.period, ctx.lang(), &default));
            }
            Msg::SaveSigning => {
                let hamlets = self
                    .report
                    .as_ref()
                    .map(crate::document::signing::hamlets)
                    .unwrap_or_default();
                let default = saved_in(ctx, &format!("ky-nhan-{}.xlsx", self.period));
                return Nav::push(SaveSigning::new(self.period, ctx.lang(), hamlets, &default));
            }
            Msg::SaveBatch => {
                if self.newest_batch.is_none() {
                    ctx.error(&words::no_batch_to_save(ctx.lang()));
                    return Nav::Stay;
                }
                let default = saved_in(ctx, &batch_file(self.period));
                return Nav::push(SaveBatch::new(ctx.lang(), &default, self.newest_batch));
            }
        }
        Nav::Stay
    }

    fn on_result(&mut self, _outcome: Outcome, ctx: &mut Ctx) -> Nav {
        self.load(ctx);
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let mut x = area.x + 1;
        for (i, w) in Which::ALL.iter().enumerate() {
            let style = if *w == self.which {
                view.theme.heading()
            } else {
                view.theme.text()
            };
            let text = format!("{}  ", words::tab(view.lang, i));
            let (nx, _) = frame.buffer_mut().set_stringn(
                x,
                area.y,
                &text,
                usize::from(area.right().saturating_sub(x)),
                style,
            );
            x = nx;
        }
        let w = usize::from(area.width.saturating_sub(2));
        let mut y = area.y + 1;
        for line in self.figures(view.lang, w) {
            frame
                .buffer_mut()
                .set_stringn(area.x + 1, y, line, w, view.theme.text());
            y += 1;
        }
        let body = Rect::new(
            area.x + 1,
            y,
            area.width.saturating_sub(2),
            area.bottom().saturating_sub(y),
        );
        if self.which == Which::Reasons {
            return self.draw_reasons(frame, body, view);
        }
        let lines = self.shown_lines(view.theme);
        doc::draw(
            frame,
            body,
            &lines,
            self.scroll.top(),
            view.lang.strings().more_below,
            view.theme,
        );
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let mut out = vec![
            KeyHelp::keys("Tab", words::key_views(lang)).short(words::short_views(lang)),
            KeyHelp::new(&keys.close_day, words::key_close(lang)).short(words::short_close(lang)),
        ];
        match self.which {
            Which::Reasons => {
                out.insert(
                    1,
                    KeyHelp::keys("1–6", words::key_reason(lang)).short(words::short_reason(lang)),
                );
            }
            Which::Bank => out.push(Scroll::help(keys, s)),
            Which::Results | Which::Signing => {
                out.insert(
                    1,
                    KeyHelp::new(&keys.print_report, words::key_print(lang)).short(s.short_print),
                );
                out.push(Scroll::help(keys, s));
            }
        }
        let lang = self.lang;
        if self.which == Which::Signing {
            out.push(
                KeyHelp::keys("F7", words::key_save_signing(lang))
                    .short(words::short_save_signing(lang)),
            );
        }
        // The month's files: every key works in every view, and the key
        // line shows those of the view they belong to (the lists with the
        // results, the bank's with the transfers; saving a batch's file
        // only once there is a batch).
        let mut changes = KeyHelp::keys("F3", words::key_import_changes(lang));
        let mut batch = KeyHelp::keys("F4", words::key_bank_batch(lang));
        let mut result = KeyHelp::keys("F6", words::key_bank_result(lang));
        match self.which {
            Which::Results => changes = changes.short(words::short_import_changes(lang)),
            Which::Bank => {
                batch = batch.short(words::short_bank_batch(lang));
                result = result.short(words::short_bank_result(lang));
            }
            Which::Reasons | Which::Signing => {}
        }
        let bank = self.which == Which::Bank;
        out.splice(1..1, [changes, batch, result]);
        if bank && self.newest_batch.is_some() {
            out.insert(
                4,
                KeyHelp::keys("F7", words::key_save_batch(lang)).short(words::key_save_file(lang)),
            );
        }
        // In the F1 help: the month before and after.
        out.push(KeyHelp::keys("←→", words::key_other_month(lang)));
        out
    }
}
