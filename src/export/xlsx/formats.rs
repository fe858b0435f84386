//! The cell formats of a document's sheet: Times New Roman 12, thin
//! borders round table cells, amounts as numbers in whole đồng shown
//! `2.789.000 đ`, dates `dd/mm/yyyy`, cancelled rows struck through.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, FormatUnderline};

use crate::document::{Align, Kind, Tone};

/// Whole đồng with thousands grouped (a Vietnamese Excel shows the
/// separator as "."), then "đ".
pub(super) const MONEY: &str = "#,##0\" đ\"";
const COUNT: &str = "#,##0";
const DATE: &str = "dd/mm/yyyy";
const TIME: &str = "hh:mm";

pub(super) fn base() -> Format {
    Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12)
        .set_align(FormatAlign::VerticalCenter)
}

pub(super) fn centered() -> Format {
    base().set_align(FormatAlign::Center)
}

/// A line of text across the sheet in `tone`.
pub(super) fn line(tone: Tone) -> Format {
    let f = base().set_text_wrap();
    match tone {
        Tone::Plain => f,
        Tone::Strong => f.set_bold(),
        Tone::Warn => f.set_bold().set_font_color("#C00000"),
        Tone::Muted => f.set_italic(),
    }
}

pub(super) fn title() -> Format {
    centered().set_bold().set_font_size(14).set_text_wrap()
}

pub(super) fn head_line(bold: bool, underline: bool, italic: bool) -> Format {
    let mut f = centered().set_text_wrap();
    if bold {
        f = f.set_bold();
    }
    if underline {
        f = f.set_underline(FormatUnderline::Single);
    }
    if italic {
        f = f.set_italic();
    }
    f
}

pub(super) fn mono() -> Format {
    base().set_font_name("Courier New").set_font_size(11)
}

/// A table's heading cell.
pub(super) fn th() -> Format {
    base()
        .set_border(FormatBorder::Thin)
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_text_wrap()
        .set_background_color("#F2F2F2")
}

/// A group's heading row in a table.
pub(super) fn group() -> Format {
    base()
        .set_border(FormatBorder::Thin)
        .set_bold()
        .set_text_wrap()
        .set_background_color("#F9F9F9")
}

/// A table cell holding `kind`.
pub(super) fn td(kind: Kind, align: Align, bold: bool, struck: bool) -> Format {
    let mut f = base().set_border(FormatBorder::Thin);
    f = match kind {
        Kind::Money => f.set_num_format(MONEY),
        Kind::Count => f.set_num_format(COUNT),
        Kind::Number => f.set_num_format("0"),
        Kind::Date => f.set_num_format(DATE),
        Kind::Time => f.set_num_format(TIME),
        Kind::Text => f.set_text_wrap(),
        Kind::Code => f,
    };
    f = f.set_align(match align {
        Align::Left => FormatAlign::Left,
        Align::Right => FormatAlign::Right,
        Align::Center => FormatAlign::Center,
    });
    if bold {
        f = f.set_bold();
    }
    if struck {
        f = f.set_font_strikethrough();
    }
    f
}
