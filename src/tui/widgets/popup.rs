//! A box drawn over the screen: help, the quit question, supervisor approval.
//!
//! [`open`] clears a centred rectangle, draws its border and title, and
//! returns the inside for the caller to fill. Sizes are clamped to the area,
//! so a popup never draws outside the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear};

use crate::tui::theme::Theme;

/// A `width`×`height` rectangle in the middle of `area` (smaller if `area`
/// is smaller).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Draws an empty bordered box titled `title` over `rect`; returns the
/// inside, with one column of margin on each side.
pub fn open(frame: &mut Frame, rect: Rect, title: &str, theme: &Theme) -> Rect {
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(format!(" {title} "), theme.heading()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    Rect::new(
        inner.x.saturating_add(1).min(inner.right()),
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_popup_larger_than_the_screen_is_clamped() {
        let area = Rect::new(0, 1, 80, 21);
        assert_eq!(centered(area, 40, 5), Rect::new(20, 9, 40, 5));
        assert_eq!(centered(area, 100, 30), area);
    }
}
