//! A centred, titled box with a few lines of explanation and a form under
//! them: the shape of the sign-in screen, the PIN change and the supervisor
//! approval popup.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::fit::wrap;
use super::form::Form;
use super::popup;
use crate::text::for_display;
use crate::tui::theme::Theme;

/// The box: its title, its explanation and its width in columns.
pub struct Panel<'a> {
    pub title: &'a str,
    pub lines: &'a [&'a str],
    pub width: u16,
}

impl Panel<'_> {
    /// Draws the box in the middle of `area`, with `form` under the text.
    pub fn draw(
        &self,
        frame: &mut Frame,
        area: Rect,
        form: &Form,
        theme: &Theme,
        show_cursor: bool,
    ) {
        let (title, lines, width) = (self.title, self.lines, self.width);
        let text_w = usize::from(width.saturating_sub(4)).max(1);
        let wrapped: Vec<String> = lines
            .iter()
            .flat_map(|line| wrap(&for_display(line), text_w))
            .collect();
        let rows = u16::try_from(wrapped.len()).unwrap_or(0);
        // Border, blank, text, blank, form, blank, border.
        let height = 2 + 1 + rows + 1 + form.height() + 1;
        let rect = popup::centered(area, width, height);
        let inner = popup::open(frame, rect, title, theme);
        let mut y = inner.y + 1;
        for line in &wrapped {
            if y >= inner.bottom() {
                return;
            }
            frame.buffer_mut().set_stringn(
                inner.x,
                y,
                line,
                usize::from(inner.width),
                theme.text(),
            );
            y += 1;
        }
        y += 1;
        let form_area = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
        form.draw(frame, form_area, theme, show_cursor);
    }
}
