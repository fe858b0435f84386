//! The help popup, over the whole screen: first a page that teaches the job
//! ([`crate::i18n::guide`]: how the day starts, paying the person, a proxy,
//! a guardian, an heir, what each refusal means, how the day ends), then
//! every key of the current screen.
//!
//! ↑/↓/PgUp/PgDn/Home/End scroll it (a page is the rows shown), the help key
//! again jumps to the screen's keys, any other key closes it. The app keeps
//! the first line shown; this module lays the text out and draws it.

use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::guide;
use crate::tui::keys::KeyHelp;
use crate::tui::theme::Theme;
use crate::tui::widgets::doc;
use crate::tui::widgets::fit::{fit, pad, width, wrap};
use crate::tui::widgets::popup;

/// The help as lines, and where the screen's keys begin.
pub struct HelpDoc {
    pub lines: Vec<Line<'static>>,
    /// The line of the heading of the screen's keys.
    pub keys_at: usize,
}

/// What a paragraph of the guide is.
enum Para {
    Heading,
    Item,
    Text,
}

/// The popup's box in `area` (the body of the window): all of it.
pub fn rect(area: Rect) -> Rect {
    popup::centered(area, area.width, area.height)
}

/// The inside of the box (without borders and margins).
fn inner(rect: Rect) -> Rect {
    Rect::new(
        rect.x + 2,
        rect.y + 1,
        rect.width.saturating_sub(4),
        rect.height.saturating_sub(2),
    )
}

/// Rows of the help shown at once in `area` (the line saying how to move
/// takes one).
pub fn page(area: Rect) -> usize {
    usize::from(inner(rect(area)).height.saturating_sub(1))
}

/// The help of the screen titled `title` whose keys are `items`, laid out
/// for the box in `area`.
pub fn document(lang: Lang, area: Rect, title: &str, items: &[KeyHelp], theme: &Theme) -> HelpDoc {
    let w = usize::from(inner(rect(area)).width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    // "# " starts a heading, "- " an item; other lines go on the paragraph
    // or item before, up to a blank line.
    let mut paras: Vec<(Para, String)> = Vec::new();
    let mut open = false;
    for line in guide::text(lang).lines() {
        let line = line.trim();
        if let Some(h) = line.strip_prefix("# ") {
            paras.push((Para::Heading, h.to_string()));
            open = false;
        } else if let Some(item) = line.strip_prefix("- ") {
            paras.push((Para::Item, item.to_string()));
            open = true;
        } else if line.is_empty() {
            open = false;
        } else if let (true, Some(last)) = (open, paras.last_mut()) {
            last.1.push(' ');
            last.1.push_str(line);
        } else {
            paras.push((Para::Text, line.to_string()));
            open = true;
        }
    }
    for (kind, text) in paras {
        let (lead, rest, style) = match kind {
            Para::Heading => {
                if !lines.is_empty() {
                    lines.push(Line::raw(""));
                }
                ("", "", theme.heading())
            }
            Para::Item => ("- ", "  ", theme.text()),
            Para::Text => ("", "", theme.text()),
        };
        for (i, l) in wrap(&text, w.saturating_sub(width(lead)))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { lead } else { rest };
            lines.push(Line::from(Span::styled(format!("{lead}{l}"), style)));
        }
    }
    lines.push(Line::raw(""));
    let keys_at = lines.len();
    let s = lang.strings();
    lines.push(Line::from(Span::styled(
        fit(&guide::keys_heading(lang, title), w),
        theme.heading(),
    )));
    let keys_w = items
        .iter()
        .map(|i| width(&i.keys))
        .max()
        .unwrap_or(0)
        .min(w / 2);
    for item in items {
        let what = wrap(&item.what, w.saturating_sub(keys_w + 2));
        for (i, l) in what.into_iter().enumerate() {
            let keys = if i == 0 {
                fit(&item.keys, keys_w)
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(pad(&keys, keys_w + 2), theme.key()),
                Span::styled(l, theme.text()),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        s.help_close.to_string(),
        theme.text(),
    )));
    HelpDoc { lines, keys_at }
}

/// Lines PgUp/PgDn move the help in `area`: the rows shown above the
/// "more below" mark, less one, so the last line read stays in sight and
/// the line hidden under the mark is the next page's second.
pub fn step(area: Rect) -> usize {
    page(area).saturating_sub(2).max(1)
}

/// The largest useful first line of `help` shown in `area`.
pub fn last_top(help: &HelpDoc, area: Rect) -> usize {
    help.lines.len().saturating_sub(page(area))
}

/// Draws the help of the screen titled `title` over `area` from line `top`.
pub fn draw(
    lang: Lang,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    help: &HelpDoc,
    top: usize,
    theme: &Theme,
) {
    let s = lang.strings();
    let rect = rect(area);
    popup::open(frame, rect, &format!("{} — {title}", s.help_title), theme);
    let inner = inner(rect);
    if inner.height < 2 {
        return;
    }
    let w = usize::from(inner.width);
    frame.buffer_mut().set_stringn(
        inner.x,
        inner.y,
        fit(guide::how_to_move(lang), w),
        w,
        theme.key(),
    );
    let body = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    doc::draw(frame, body, &help.lines, top, s.more_below, theme);
}
