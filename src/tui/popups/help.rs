//! The help popup: every key of the current screen and what it does.
//! Any key closes it.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::i18n::strings;
use crate::tui::keys::KeyHelp;
use crate::tui::theme::Theme;
use crate::tui::widgets::fit::{fit, width};
use crate::tui::widgets::popup;

/// Draws the help for the screen titled `title` over `area`.
pub fn draw(frame: &mut Frame, area: Rect, title: &str, items: &[KeyHelp], theme: &Theme) {
    let s = strings::t();
    let keys_w = items.iter().map(|i| width(&i.keys)).max().unwrap_or(0);
    let what_w = items.iter().map(|i| width(&i.what)).max().unwrap_or(0);
    let want_w = u16::try_from(keys_w + 2 + what_w + 4).unwrap_or(u16::MAX);
    let want_h = u16::try_from(items.len() + 4).unwrap_or(u16::MAX);
    let rect = popup::centered(area, want_w.max(40), want_h);
    let inner = popup::open(frame, rect, &format!("{} — {title}", s.help_title), theme);
    let keys_w = keys_w.min(usize::from(inner.width) / 2);
    let buf = frame.buffer_mut();
    let rows = usize::from(inner.height.saturating_sub(2));
    for (n, item) in items.iter().take(rows).enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(0);
        let keys = fit(&item.keys, keys_w);
        let (x, _) = buf.set_stringn(inner.x, y, &keys, keys_w, theme.key());
        let what_x = x + u16::try_from(keys_w - width(&keys) + 2).unwrap_or(0);
        let room = usize::from(inner.right().saturating_sub(what_x));
        buf.set_stringn(what_x, y, fit(&item.what, room), room, theme.text());
    }
    let last = inner.bottom().saturating_sub(1);
    buf.set_stringn(
        inner.x,
        last,
        s.help_close,
        usize::from(inner.width),
        theme.text(),
    );
}
