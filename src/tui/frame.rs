//! The frame around every screen: the title bar on top (office · signed-in
//! user and role · date), the message line and the key line at the bottom,
//! and the message shown instead of everything when the window is smaller
//! than 80×24.
//!
//! Everything from the configuration or the database (office name, user's
//! full name, messages that quote values) passes through
//! [`crate::text::for_display`] here before it reaches the terminal.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::user::Role;
use crate::i18n::strings::{self, Strings};
use crate::service::Session;
use crate::text::for_display;
use crate::tui::context::Message;
use crate::tui::keys::{Fit, KeyHelp};
use crate::tui::theme::Theme;
use crate::tui::widgets::fit::{fit, width, wrap};

/// The smallest window chitra draws its screens in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Whether a `width`×`height` window is too small for the screens.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Most rows the message line grows to for a long message.
pub const MAX_MESSAGE_ROWS: u16 = 3;

/// The parts of the window: title bar, body, message line(s), key line.
pub struct Areas {
    pub title: Rect,
    pub body: Rect,
    pub message: Rect,
    pub keys: Rect,
}

impl Areas {
    /// The parts of `area` when the message needs `message_rows` rows
    /// (at least one is always kept for it).
    pub fn of(area: Rect, message_rows: u16) -> Areas {
        let message_rows = message_rows.clamp(1, MAX_MESSAGE_ROWS);
        let bottom = area.bottom();
        Areas {
            title: Rect::new(area.x, area.y, area.width, 1),
            body: Rect::new(
                area.x,
                area.y + 1,
                area.width,
                area.height.saturating_sub(2 + message_rows),
            ),
            message: Rect::new(
                area.x,
                bottom.saturating_sub(1 + message_rows),
                area.width,
                message_rows,
            ),
            keys: Rect::new(area.x, bottom.saturating_sub(1), area.width, 1),
        }
    }
}

/// The message as it is shown in `width` columns: harmless, and wrapped.
pub fn message_lines(message: Option<&Message>, width: u16) -> Vec<String> {
    let Some(message) = message else {
        return Vec::new();
    };
    let mut lines = wrap(
        &for_display(message.text()),
        usize::from(width.saturating_sub(2)),
    );
    let max = usize::from(MAX_MESSAGE_ROWS);
    if lines.len() > max {
        lines.truncate(max);
        let last = &mut lines[max - 1];
        *last = fit(&format!("{last} …"), usize::from(width.saturating_sub(2)));
    }
    lines
}

pub fn role_name(role: Role, s: &Strings) -> &'static str {
    match role {
        Role::Clerk => s.role_clerk,
        Role::Supervisor => s.role_supervisor,
    }
}

/// The title bar: office on the left; user, role and date on the right.
pub fn draw_title(
    lang: Lang,
    frame: &mut Frame,
    area: Rect,
    office: &str,
    session: Option<&Session>,
    date: &str,
    theme: &Theme,
) {
    let s = lang.strings();
    let room = usize::from(area.width).saturating_sub(2);
    let right = match session {
        Some(session) => format!(
            "{} · {} · {date}",
            for_display(&session.user.full_name),
            role_name(session.user.role, s)
        ),
        None => date.to_string(),
    };
    let right = fit(&right, room);
    let left = fit(&for_display(office), room.saturating_sub(width(&right) + 3));
    let buf = frame.buffer_mut();
    buf.set_style(area, theme.title_bar());
    buf.set_stringn(
        area.x + 1,
        area.y,
        &left,
        room,
        theme.title_bar().patch(theme.heading()),
    );
    let right_x = area
        .right()
        .saturating_sub(1 + u16::try_from(width(&right)).unwrap_or(0));
    buf.set_stringn(right_x, area.y, &right, room, theme.title_bar());
}

/// The message line: an error or a confirmation (already wrapped by
/// [`message_lines`]), or nothing.
pub fn draw_message(
    frame: &mut Frame,
    area: Rect,
    message: Option<&Message>,
    lines: &[String],
    theme: &Theme,
) {
    let Some(message) = message else { return };
    let style = if message.is_error() {
        theme.error()
    } else {
        theme.info()
    };
    let buf = frame.buffer_mut();
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        buf.set_stringn(area.x + 1, y, line, usize::from(area.width), style);
    }
}

/// The key line: "Enter Đăng nhập  Tab Ô sau  F1 Trợ giúp …", two spaces
/// between keys, or one when that makes room for all of them. When even
/// one is not enough, the arrows' hint goes first (every list moves with
/// them), then the screen's keys from the last; F1 (help, which lists
/// every key) and Esc (the way back) always stay ([`fitting`]).
pub fn draw_keys(frame: &mut Frame, area: Rect, items: &[KeyHelp], theme: &Theme) {
    let shown: Vec<(&KeyHelp, &String)> = items
        .iter()
        .filter_map(|i| i.short.as_ref().map(|s| (i, s)))
        .collect();
    let chosen = fitting(&shown, usize::from(area.width));
    let all: usize = chosen
        .iter()
        .map(|(i, s)| width(&i.first) + 1 + width(s))
        .sum();
    let wide = 1 + all + 2 * chosen.len().saturating_sub(1) <= usize::from(area.width);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (item, short) in chosen {
        let gap = match (used > 1, wide) {
            (false, _) => 0,
            (true, true) => 2,
            (true, false) => 1,
        };
        let need = gap + width(&item.first) + 1 + width(short);
        if used + need > usize::from(area.width) {
            break;
        }
        if gap > 0 {
            spans.push(Span::raw(" ".repeat(gap)));
        }
        spans.push(Span::styled(item.first.clone(), theme.key()));
        spans.push(Span::raw(format!(" {short}")));
        used += need;
    }
    frame
        .buffer_mut()
        .set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// The keys of `shown` that fit in `room` columns, one space apart, in
/// their order: the arrows' hint left out first ([`Fit::Moves`]), then the
/// others from the last, help and the way back kept ([`Fit::Always`]).
fn fitting<'a>(shown: &[(&'a KeyHelp, &'a String)], room: usize) -> Vec<(&'a KeyHelp, &'a String)> {
    // Each key costs its text and the space before it (the line's first
    // column is a space too).
    let cost = |(i, s): &(&KeyHelp, &String)| 1 + width(&i.first) + 1 + width(s);
    let mut need: usize = shown.iter().map(cost).sum();
    let mut keep = vec![true; shown.len()];
    let moves = |n: &usize| shown[*n].0.fit == Fit::Moves;
    let order = (0..shown.len())
        .filter(moves)
        .chain((0..shown.len()).rev().filter(|n| !moves(n)));
    for n in order {
        if need <= room {
            break;
        }
        if shown[n].0.fit != Fit::Always {
            keep[n] = false;
            need -= cost(&shown[n]);
        }
    }
    shown
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(item, _)| *item)
        .collect()
}

/// Shown instead of the screen below 80×24: what is needed and what it is.
pub fn draw_too_small(lang: Lang, frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    let max = usize::from(area.width).max(1);
    let mut lines = wrap(&strings::too_small(lang, area.width, area.height), max);
    lines.extend(wrap(lang.strings().too_small_hint, max));
    let top = area.y
        + area
            .height
            .saturating_sub(u16::try_from(lines.len()).unwrap_or(0))
            / 2;
    let buf = frame.buffer_mut();
    for (i, line) in lines.iter().enumerate() {
        let y = top + u16::try_from(i).unwrap_or(0);
        if y >= area.bottom() {
            break;
        }
        let x = area.x
            + area
                .width
                .saturating_sub(u16::try_from(width(line)).unwrap_or(0))
                / 2;
        let style = if i == 0 {
            theme.heading()
        } else {
            theme.text()
        };
        buf.set_stringn(x, y, line, max, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::{Binding, Key, KeyList};
    use crossterm::event::KeyCode;

    fn f(n: u8, short: &str) -> KeyHelp {
        KeyHelp::new(&Binding(vec![Key::plain(KeyCode::F(n))]), short).short(short)
    }

    fn line(items: &[KeyHelp], room: usize) -> String {
        let shown: Vec<(&KeyHelp, &String)> = items
            .iter()
            .filter_map(|i| i.short.as_ref().map(|s| (i, s)))
            .collect();
        fitting(&shown, room)
            .iter()
            .map(|(i, s)| format!("{} {s}", i.first))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A home round's keys once its cash is out: too many for 80 columns.
    /// The arrows go first, then the screen's last keys; help and Esc stay.
    #[test]
    fn a_key_line_too_short_keeps_help_and_the_way_back() {
        let keys = KeyList::default();
        let back = KeyHelp::new(&keys.back, "Quay lại")
            .short("Quay lại")
            .always();
        let help = KeyHelp::new(&keys.help, "Trợ giúp")
            .short("Trợ giúp")
            .always();
        let moves = KeyHelp::keys("↑/↓", "Chọn").short_up_down(&keys, "Chọn");
        let items = [
            moves,
            f(5, "Đã chi"),
            f(6, "Vắng"),
            f(7, "Từ chối"),
            f(8, "Báo mất"),
            f(9, "Nộp về"),
            help,
            back,
        ];
        assert_eq!(
            line(&items, 80),
            "F5 Đã chi F6 Vắng F7 Từ chối F8 Báo mất F9 Nộp về F1 Trợ giúp Esc Quay lại"
        );
        assert_eq!(
            line(&items, 60),
            "F5 Đã chi F6 Vắng F7 Từ chối F1 Trợ giúp Esc Quay lại"
        );
        // Room for all: none left out.
        assert!(line(&items, 120).starts_with("↑↓ Chọn F5 Đã chi"));
    }
}
