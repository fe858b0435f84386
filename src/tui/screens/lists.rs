//! The plan's lists on screen, from the main menu: 1 the classification
//! with its counts by hamlet, 2 the police list (no CCCD), 3 the
//! account-opening list with each account's state, 4 the share paid
//! without cash — a bar per hamlet against the target, then the table —
//! and 5 the registration changes for the payer. Each is the same document
//! the printout and the xlsx draw (`document::lists`), laid out at the
//! screen's width; ↑/↓/PgUp/PgDn scroll it. The lists naming people's
//! papers and phones (1, 2, 3, 5) are a supervisor's; a clerk sees 4, and
//! neither the others' tabs nor the keys that choose them are shown to a
//! clerk.
//! The print key (F8) prints the list shown the way the day report
//! prints: 80 columns of text in the spool folder, sent to the printer on
//! a thread of its own, the outcome on the message line. Files are
//! `chitra list …` and `chitra report cashless` (docs/dang-ky.md).

use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Block, Borders};

use super::{Nav, Outcome, Screen};
use crate::document::Document;
use crate::document::layout::{Page, lay_out};
use crate::i18n::register::{self as words, form_words, list_words};
use crate::service::lists::{AccountList, CashlessReport};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::widgets::doc::{self, Scroll, ScrollMsg};

/// Columns the documents are laid out in.
const DOC_WIDTH: usize = 78;

/// Which list is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Classify,
    Police,
    Accounts,
    Cashless,
    Changes,
}

impl Which {
    /// The list's part of its spool file's name.
    fn file_name(self) -> &'static str {
        match self {
            Which::Classify => "phan-loai",
            Which::Police => "cong-an",
            Which::Accounts => "mo-tai-khoan",
            Which::Cashless => "khong-tien-mat",
            Which::Changes => "thay-doi",
        }
    }

    const ALL: [Which; 5] = [
        Which::Classify,
        Which::Police,
        Which::Accounts,
        Which::Cashless,
        Which::Changes,
    ];
}

pub struct Lists {
    which: Which,
    doc: Option<Document>,
    cashless: Option<CashlessReport>,
    /// The account-opening list, while it is shown (F6 records a step).
    accounts: Option<AccountList>,
    scroll: Scroll,
    /// A supervisor may see every list; a clerk only the cashless share.
    supervisor: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Show(Which),
    Scroll(ScrollMsg),
    Print,
    /// F6 on the account-opening list: record an account's next step.
    Step,
}

impl Lists {
    /// The lists screen: a supervisor starts on the classification, a
    /// clerk on the share paid without cash (the lists naming people's
    /// papers and phones are a supervisor's).
    pub fn open(ctx: &mut Ctx) -> Lists {
        let supervisor = ctx.session.as_ref().is_some_and(|s| s.is_supervisor());
        let mut s = Lists {
            which: if supervisor {
                Which::Classify
            } else {
                Which::Cashless
            },
            doc: None,
            cashless: None,
            accounts: None,
            scroll: Scroll::default(),
            supervisor,
        };
        s.load(s.which, ctx);
        s
    }

    /// The lists this user may see.
    fn allowed(&self) -> Vec<Which> {
        if self.supervisor {
            Which::ALL.to_vec()
        } else {
            vec![Which::Cashless]
        }
    }

    /// Shows list `which`; when it cannot be drawn (a clerk asking for a
    /// supervisor's list) the one shown stays, and the message says why.
    fn load(&mut self, which: Which, ctx: &mut Ctx) {
        let Some(session) = ctx.session.clone() else {
            return;
        };
        let office = ctx.service.config().office.clone();
        let day = ctx.service.today().format("%Y-%m-%d").to_string();
        let mut cashless = None;
        let mut accounts = None;
        let built = match which {
            Which::Classify | Which::Police => ctx.service.classify(&session).map(|c| {
                let only = (which == Which::Police).then_some("need_cccd");
                crate::document::lists::classify(ctx.lang(), &office, &day, &c, only)
            }),
            Which::Accounts => ctx.service.account_list(&session).map(|a| {
                let d = crate::document::lists::accounts(ctx.lang(), &office, &day, &a);
                accounts = Some(a);
                d
            }),
            Which::Cashless => ctx.service.cashless_report(&session, None).map(|r| {
                let d = crate::document::lists::cashless(ctx.lang(), &office, &day, &r);
                cashless = Some(r);
                d
            }),
            Which::Changes => ctx.service.registration_changes(&session).and_then(|c| {
                let seal = ctx.service.last_day_seal()?;
                Ok(crate::document::lists::changes(
                    ctx.lang(),
                    &office,
                    &day,
                    &c,
                    seal.as_ref(),
                ))
            }),
        };
        match built {
            Ok(d) => {
                self.which = which;
                self.doc = Some(d);
                self.cashless = cashless;
                self.accounts = accounts;
                self.scroll = Scroll::default();
            }
            Err(e) => ctx.error(&e),
        }
    }

    /// Prints the list shown: its 80-column text to the spool folder, then
    /// to the printer when one is set, in the background.
    fn print(&self, ctx: &mut Ctx) {
        let Some(document) = &self.doc else {
            return;
        };
        let day = ctx.service.today().format("%Y-%m-%d");
        let name = format!("danh-sach-{}-{day}", self.which.file_name());
        ctx.print_document(document, &name, words::list_printed, words::printing_list);
    }

    fn lines(&self) -> Vec<crate::document::layout::Line> {
        self.doc
            .as_ref()
            .map(|d| lay_out(d, Page::screen(DOC_WIDTH)))
            .unwrap_or_default()
    }
}

/// The share of each hamlet as horizontal bars, the target last.
fn chart(frame: &mut Frame, area: Rect, r: &CashlessReport, view: &View) {
    let w = list_words(view.lang);
    let label = |h: &str| {
        let h = if h.is_empty() { w.no_hamlet } else { h };
        crate::tui::widgets::fit::fit(&crate::text::for_display(h), 22)
    };
    let mut bars: Vec<Bar> = r
        .hamlets
        .iter()
        .map(|s| {
            Bar::default()
                .value(s.permille() as u64)
                .label(Line::raw(label(&s.hamlet)))
                .text_value(format!(
                    "{}%",
                    crate::document::lists::percent(view.lang, s)
                ))
        })
        .collect();
    bars.push(
        Bar::default()
            .value(r.total.permille() as u64)
            .label(Line::raw(label(w.whole_commune)))
            .text_value(format!(
                "{}%",
                crate::document::lists::percent(view.lang, &r.total)
            ))
            .style(view.theme.heading()),
    );
    bars.push(
        Bar::default()
            .value(u64::from(r.target_percent) * 10)
            .label(Line::raw(label(w.target)))
            .text_value(format!("{}%", r.target_percent))
            .style(view.theme.key()),
    );
    let title = format!(
        " {} · {} {} ",
        w.cashless_title,
        w.period,
        r.period
            .map(crate::i18n::labels::period)
            .unwrap_or_default()
    );
    let chart = BarChart::horizontal(bars)
        .block(Block::default().borders(Borders::BOTTOM).title(title))
        .bar_width(1)
        .bar_gap(0)
        .max(1000)
        .bar_style(view.theme.text())
        .value_style(view.theme.heading())
        .label_style(view.theme.text());
    frame.render_widget(chart, area);
}

impl Screen for Lists {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        form_words(lang).lists_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if let KeyCode::Char(c @ '1'..='5') = key.code
            && (key.modifiers - KeyModifiers::SHIFT).is_empty()
        {
            let i = (c as usize) - ('1' as usize);
            return Which::ALL.get(i).map(|w| Msg::Show(*w));
        }
        if key_match(key, &keys.print_report, false) {
            return Some(Msg::Print);
        }
        if self.which == Which::Accounts && super::account_step::opens(key) {
            return Some(Msg::Step);
        }
        Scroll::on_key(key, keys).map(Msg::Scroll)
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Show(w) => self.load(w, ctx),
            Msg::Print => self.print(ctx),
            Msg::Step => {
                if let Some(a) = &self.accounts {
                    return Nav::push(super::account_step::AccountStepForm::new(
                        ctx.lang(),
                        a.clone(),
                    ));
                }
            }
            Msg::Scroll(m) => {
                let last = self.lines().len().saturating_sub(10);
                self.scroll.update(m, last);
            }
        }
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let f = form_words(view.lang);
        let tabs = f.lists_tabs;
        let mut x = area.x + 1;
        let allowed = self.allowed();
        for (i, t) in tabs.iter().enumerate() {
            if !allowed.contains(&Which::ALL[i]) {
                continue;
            }
            let style = if Which::ALL[i] == self.which {
                view.theme.heading()
            } else {
                view.theme.text()
            };
            let text = format!("{} {}  ", i + 1, t);
            let (nx, _) = frame.buffer_mut().set_stringn(
                x,
                area.y,
                &text,
                usize::from(area.right().saturating_sub(x)),
                style,
            );
            x = nx;
        }
        let mut body = Rect::new(
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            area.height.saturating_sub(1),
        );
        if let (Which::Cashless, Some(r)) = (self.which, &self.cashless) {
            let rows = (r.hamlets.len() as u16 + 4).min(body.height.saturating_sub(4));
            chart(frame, Rect::new(body.x, body.y, body.width, rows), r, view);
            body.y += rows;
            body.height = body.height.saturating_sub(rows);
        }
        let lines = doc::styled(&self.lines(), view.theme);
        doc::draw(
            frame,
            body,
            &lines,
            self.scroll.top(),
            view.lang.strings().more_below,
            view.theme,
        );
    }

    fn on_result(&mut self, _outcome: Outcome, ctx: &mut Ctx) -> Nav {
        self.load(self.which, ctx);
        Nav::Stay
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let mut out = vec![
            KeyHelp::new(&keys.print_report, words::print_list_key(lang)).short(s.short_print),
            Scroll::help(keys, s),
        ];
        // The digits that choose a list, only where there is a choice.
        if self.supervisor {
            out.insert(
                0,
                KeyHelp::keys("1–5", form_words(lang).lists_key)
                    .short(form_words(lang).lists_short),
            );
        }
        if self.which == Which::Accounts {
            let w = words::step_words(lang);
            // In the key line only while the list has someone to record.
            let anyone = self
                .doc
                .as_ref()
                .is_some_and(|d| d.tables().any(|t| !t.rows.is_empty()));
            let help = KeyHelp::keys("F6", w.key);
            out.insert(1, if anyone { help.short(w.short) } else { help });
        }
        out
    }
}
