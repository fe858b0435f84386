//! The supervisor's view of today's cash drawers, and the way to hand cash
//! to a drawer or take it back.
//!
//! One row per user (clerks and supervisors, who have a drawer too, not
//! locked ones): the opening float, cash issued, cash taken back, cash paid
//! out less the cash voids put back ("chi sau hủy"), and what the drawer
//! should hold now ("còn theo sổ") — all read from `Service::day_report`
//! for today, so that each row adds up: đầu ngày + cấp thêm − thu về −
//! chi sau hủy = còn theo sổ. The voids have no column of their own (80
//! columns hold no seventh one); the line under the table shows the
//! subtraction for the chosen row. The supervisor
//! may see what a drawer should hold; the clerk sees it only after counting
//! (see [`super::drawer_count`]). Under the table, the chosen row in words:
//! voids that returned cash, and the count with its difference and reason.
//!
//! ↑/↓ choose a user; Enter opens the movement that fits (the opening float
//! if the drawer is not open yet, more cash otherwise), and 1/2/3 open a
//! given kind (đầu ngày / cấp thêm / thu về) in [`super::drawer_move`],
//! where the clerk confirms with their PIN. The table is read again after
//! each movement, and with the refresh key.

use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::drawer_move::DrawerMove;
use super::{Nav, Outcome, Screen};
use crate::domain::Money;
use crate::domain::report::{ClerkDay, DayReport, MoveKind};
use crate::domain::user::User;
use crate::i18n::{labels, strings};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::theme::Theme;
use crate::tui::widgets::fit::{fit, pad, right, wrap};
use crate::tui::widgets::select::{Select, SelectMsg, draw_rows, move_help};

/// Columns of the table: name, then five amounts, then the count (78 in
/// all, an 80-column window less its margins).
const NAME_W: usize = 15;
const AMOUNT_W: [usize; 5] = [12, 11, 11, 12, 12];
const COUNT_W: usize = 5;

/// The drawers screen.
pub struct Drawers {
    users: Vec<User>,
    report: DayReport,
    select: Select,
}

/// What a key does on the drawers screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Move(SelectMsg),
    /// Enter: the movement that fits the chosen drawer.
    Open,
    /// 1, 2 or 3: a given movement.
    Kind(MoveKind),
    Refresh,
}

impl Drawers {
    /// Today's drawers, or `None` (with the reason on the message line).
    pub fn open(ctx: &mut Ctx) -> Option<Drawers> {
        let (users, report) = load(ctx)?;
        Some(Drawers {
            select: Select::new(users.len()),
            users,
            report,
        })
    }

    fn reload(&mut self, ctx: &mut Ctx) {
        if let Some((users, report)) = load(ctx) {
            self.select.set_len(users.len());
            self.users = users;
            self.report = report;
        }
    }

    /// The report's day of the chosen user, if their drawer moved today.
    fn day_of(&self, user: &User) -> Option<&ClerkDay> {
        self.report.clerks.iter().find(|c| c.user_id == user.id)
    }

    fn open_move(&self, kind: Option<MoveKind>, ctx: &Ctx) -> Nav {
        let Some(user) = self.users.get(self.select.selected()) else {
            return Nav::Stay;
        };
        let day = self.day_of(user);
        let kind = kind.unwrap_or(match day {
            Some(d) if d.float > Money::ZERO => MoveKind::Issue,
            _ => MoveKind::Float,
        });
        let expected = day.filter(|d| d.drawer_opened()).map(|d| d.expected);
        let own = ctx.session.as_ref().is_some_and(|s| s.user.id == user.id);
        Nav::push(DrawerMove::new(
            ctx.lang(),
            user.clone(),
            kind,
            expected,
            own,
        ))
    }

    /// Every row as the table shows it (also for tests).
    pub fn rows(&self, lang: Lang) -> Vec<String> {
        self.users.iter().map(|u| self.row(lang, u)).collect()
    }

    fn row(&self, lang: Lang, user: &User) -> String {
        let s = lang.strings();
        let name = pad(&for_display(&user.full_name), NAME_W);
        let Some(d) = self
            .day_of(user)
            .filter(|d| d.drawer_opened() || d.count.is_some())
        else {
            return format!("{name}{}", s.drawer_not_open);
        };
        let amounts = [
            d.float,
            d.issued,
            d.returned,
            d.cash_paid - d.cash_voided,
            d.expected,
        ];
        let mut row = name;
        for (m, w) in amounts.iter().zip(AMOUNT_W) {
            row.push_str(&right(&m.format_plain(), w));
        }
        let counted = if d.count.is_some() {
            s.drawer_counted_yes
        } else {
            s.drawer_counted_no
        };
        row.push_str(&right(counted, COUNT_W));
        row
    }

    fn header(lang: Lang) -> String {
        let s = lang.strings();
        let mut h = pad(s.col_drawer_user, NAME_W);
        for (label, w) in [
            s.col_float,
            s.col_issued,
            s.col_returned,
            s.col_cash_paid,
            s.col_expected,
        ]
        .into_iter()
        .zip(AMOUNT_W)
        {
            h.push_str(&right(label, w));
        }
        h.push_str(&right(s.col_counted, COUNT_W));
        h
    }

    /// The chosen row in words, under the table.
    fn detail(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let s = lang.strings();
        let Some(user) = self.users.get(self.select.selected()) else {
            return Vec::new();
        };
        let mut out = vec![Line::from(Span::styled(
            format!(
                "{} ({})",
                for_display(&user.full_name),
                for_display(&user.name)
            ),
            theme.heading(),
        ))];
        let Some(d) = self
            .day_of(user)
            .filter(|d| d.drawer_opened() || d.count.is_some())
        else {
            out.push(Line::raw(s.drawer_detail_not_open));
            return out;
        };
        let voided = (d.cash_voided > Money::ZERO).then(|| {
            (
                d.cash_voided.to_string(),
                (d.cash_paid - d.cash_voided).to_string(),
            )
        });
        out.push(Line::raw(strings::drawer_cash_line(
            lang,
            &d.cash_paid.to_string(),
            voided.as_ref().map(|(b, n)| (b.as_str(), n.as_str())),
        )));
        out.push(Line::raw(format!("{} {}", s.expected_label, d.expected)));
        match &d.count {
            None => out.push(Line::raw(s.drawer_not_counted_yet)),
            Some(c) => {
                let difference = (!c.difference.is_zero()).then(|| {
                    let amount = if c.difference.is_negative() {
                        -c.difference
                    } else {
                        c.difference
                    };
                    (amount.to_string(), !c.difference.is_negative())
                });
                let reason = c.reason.as_deref().map(for_display);
                let line = strings::drawer_count_line(
                    lang,
                    &c.counted.to_string(),
                    &labels::time(&c.at),
                    difference.as_ref().map(|(a, over)| (a.as_str(), *over)),
                    reason.as_deref(),
                );
                let style = if c.difference.is_zero() {
                    theme.text()
                } else {
                    theme.error()
                };
                out.push(Line::from(Span::styled(line, style)));
            }
        }
        out
    }
}

fn load(ctx: &mut Ctx) -> Option<(Vec<User>, DayReport)> {
    let today = ctx.service.today().format("%Y-%m-%d").to_string();
    let session = ctx.session.clone()?;
    let users = ctx.service.list_users(&session).and_then(|users| {
        let report = ctx.service.day_report(&today)?;
        Ok((users, report))
    });
    match users {
        Ok((users, report)) => Some((users.into_iter().filter(|u| !u.locked).collect(), report)),
        Err(e) => {
            ctx.error(&e);
            None
        }
    }
}

impl Screen for Drawers {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().drawers_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        if key_match(key, &keys.enter, false) {
            return Some(Msg::Open);
        }
        if key_match(key, &keys.refresh, false) {
            return Some(Msg::Refresh);
        }
        if let KeyCode::Char(c) = key.code
            && !key.modifiers.contains(KeyModifiers::CONTROL)
        {
            let kind = match c {
                '1' => Some(MoveKind::Float),
                '2' => Some(MoveKind::Issue),
                '3' => Some(MoveKind::Return),
                _ => None,
            };
            if let Some(kind) = kind {
                return Some(Msg::Kind(kind));
            }
        }
        self.select.on_key(key, keys).map(Msg::Move)
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::Move(m) => {
                self.select.update(m);
                Nav::Stay
            }
            Msg::Open => self.open_move(None, ctx),
            Msg::Kind(kind) => self.open_move(Some(kind), ctx),
            Msg::Refresh => {
                self.reload(ctx);
                Nav::Stay
            }
        }
    }

    fn on_result(&mut self, _outcome: Outcome, ctx: &mut Ctx) -> Nav {
        self.reload(ctx);
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let theme = view.theme;
        if area.height < 6 || area.width < 4 {
            return;
        }
        let x = area.x + 1;
        let w = usize::from(area.width - 2);
        let buf = frame.buffer_mut();
        let heading = format!("{} · {}", s.drawers_title, labels::date(&self.report.day));
        buf.set_stringn(x, area.y, fit(&heading, w), w, theme.heading());
        let mut y = area.y + 1;
        for l in wrap(s.drawers_hint, w) {
            buf.set_stringn(x, y, &l, w, theme.text());
            y += 1;
        }
        y += 1;
        buf.set_stringn(x, y, fit(&Self::header(view.lang), w), w, theme.heading());
        y += 1;
        let rows: Vec<Line> = self.rows(view.lang).into_iter().map(Line::raw).collect();
        let height = u16::try_from(rows.len())
            .unwrap_or(u16::MAX)
            .min(area.bottom().saturating_sub(y + 4));
        draw_rows(
            frame,
            Rect::new(x, y, area.width - 2, height),
            &rows,
            self.select.selected(),
            theme,
        );
        y += height;
        // Under the "còn theo sổ" column: the sum the report gives.
        let before: usize = NAME_W + AMOUNT_W[..4].iter().sum::<usize>();
        let total = format!(
            "{}{}",
            right(s.drawers_total_expected, before),
            right(
                &self.report.totals.cash_expected.format_plain(),
                AMOUNT_W[4]
            )
        );
        frame
            .buffer_mut()
            .set_stringn(x, y, fit(&total, w), w, theme.heading());
        y += 2;
        // Each line of the detail wrapped, never cut at the edge.
        for line in self.detail(view.lang, theme) {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let style = line.spans.first().map_or(theme.text(), |s| s.style);
            for part in wrap(&text, w) {
                if y >= area.bottom() {
                    return;
                }
                frame.buffer_mut().set_stringn(x, y, &part, w, style);
                y += 1;
            }
        }
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        vec![
            KeyHelp::new(&keys.enter, s.key_drawer_move).short(s.short_hand_cash),
            move_help(keys, s, s.key_menu_move),
            KeyHelp::keys("1", s.key_drawer_float).short(s.short_float),
            KeyHelp::keys("2", s.key_drawer_issue).short(s.short_issue),
            KeyHelp::keys("3", s.key_drawer_return).short(s.short_return),
            KeyHelp::new(&keys.refresh, s.key_refresh),
        ]
    }
}
