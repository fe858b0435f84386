//! How things look: a handful of styles, in 16 ANSI colours or none.
//!
//! Meaning never rests on colour alone, so a monochrome terminal (or
//! `NO_COLOR`) loses nothing: the selection is reverse video, headings and
//! errors are bold, the title bar is reverse video. No style sets a
//! background colour, so a redraw never repaints the screen's background
//! and a style change costs few bytes on a slow link.
//!
//! Screens take their styles from here and never build colours themselves.

use std::ffi::OsStr;

use ratatui::style::{Color, Modifier, Style};

/// The styles of every screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colours unless the `NO_COLOR` environment variable is set to anything
    /// non-empty (<https://no-color.org>).
    pub fn from_env() -> Theme {
        Theme::for_no_color(std::env::var_os("NO_COLOR").as_deref())
    }

    /// The theme for a given value of `NO_COLOR`.
    pub fn for_no_color(value: Option<&OsStr>) -> Theme {
        Theme {
            color: value.is_none_or(|v| v.is_empty()),
        }
    }

    /// The 16-colour theme.
    pub fn colored() -> Theme {
        Theme { color: true }
    }

    /// No colour at all: bold and reverse video only.
    pub fn plain() -> Theme {
        Theme { color: false }
    }

    pub fn has_color(&self) -> bool {
        self.color
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// The title bar (office, user, date).
    pub fn title_bar(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Headings and the label of the focused field.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The chosen row of a list or menu.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Key names in the key line and in help.
    pub fn key(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Error messages.
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Confirmations ("Đã đổi mã PIN.").
    pub fn info(&self) -> Style {
        self.fg(Color::Green)
    }

    /// Popup borders.
    pub fn border(&self) -> Style {
        self.fg(Color::Cyan)
    }

    /// Ordinary text.
    pub fn text(&self) -> Style {
        Style::new()
    }

    /// A voided payment: struck through where the terminal can, and always
    /// marked in words too, since many terminals cannot.
    pub fn struck(&self) -> Style {
        Style::new().add_modifier(Modifier::CROSSED_OUT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_with_any_value_turns_colour_off() {
        assert!(Theme::for_no_color(None).has_color());
        assert!(Theme::for_no_color(Some(OsStr::new(""))).has_color());
        assert!(!Theme::for_no_color(Some(OsStr::new("1"))).has_color());
        assert!(!Theme::for_no_color(Some(OsStr::new("no"))).has_color());
    }

    #[test]
    fn plain_styles_set_no_colour() {
        let t = Theme::plain();
        for s in [
            t.title_bar(),
            t.heading(),
            t.selected(),
            t.key(),
            t.error(),
            t.info(),
            t.border(),
            t.text(),
            t.struck(),
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
    }

    #[test]
    fn no_style_sets_a_background() {
        let t = Theme::colored();
        for s in [
            t.title_bar(),
            t.heading(),
            t.selected(),
            t.key(),
            t.error(),
            t.info(),
            t.border(),
            t.text(),
        ] {
            assert_eq!(s.bg, None);
        }
    }
}
