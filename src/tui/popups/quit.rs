//! The quit question: "Thoát chitra? (c/k)". Quitting always asks; the
//! answer keys are `yes`/`no` in `keys.rs` (c/y and k/n; Esc also says no).

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::theme::Theme;
use crate::tui::widgets::fit::width;
use crate::tui::widgets::popup;

/// Draws the question in the middle of `area`.
pub fn draw(lang: Lang, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = lang.strings();
    let w = u16::try_from(width(s.quit_question) + 8).unwrap_or(40);
    let rect = popup::centered(area, w, 5);
    let inner = popup::open(frame, rect, s.quit_title, theme);
    let x = inner.x
        + inner
            .width
            .saturating_sub(u16::try_from(width(s.quit_question)).unwrap_or(0))
            / 2;
    frame.buffer_mut().set_stringn(
        x,
        inner.y + 1,
        s.quit_question,
        usize::from(inner.width),
        theme.heading(),
    );
}
