//! The cell formats of the sheet: Times New Roman 12, thin borders round
//! table cells, amounts as `#,##0`, voided payments struck through.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, FormatUnderline};

pub(super) struct Formats {
    pub(super) left_head: Format,
    pub(super) left_head_bold: Format,
    pub(super) national: Format,
    pub(super) motto: Format,
    pub(super) italic_center: Format,
    pub(super) title: Format,
    pub(super) subtitle: Format,
    pub(super) warn: Format,
    pub(super) warn_center: Format,
    pub(super) section: Format,
    pub(super) th: Format,
    pub(super) td: Format,
    pub(super) td_wrap: Format,
    pub(super) td_center: Format,
    pub(super) td_bold: Format,
    pub(super) money: Format,
    pub(super) money_bold: Format,
    pub(super) count: Format,
    pub(super) count_bold: Format,
    pub(super) struck: Format,
    pub(super) struck_center: Format,
    pub(super) struck_money: Format,
    pub(super) mono: Format,
    pub(super) text: Format,
    pub(super) italic: Format,
    pub(super) sign: Format,
    pub(super) sign_hint: Format,
}

impl Formats {
    pub(super) fn new() -> Self {
        let base = || {
            Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(12)
                .set_align(FormatAlign::VerticalCenter)
        };
        let cell = || base().set_border(FormatBorder::Thin);
        let center = || base().set_align(FormatAlign::Center);
        Formats {
            left_head: center(),
            left_head_bold: center().set_bold(),
            national: center().set_bold(),
            motto: center().set_bold().set_underline(FormatUnderline::Single),
            italic_center: center().set_italic(),
            title: center().set_bold().set_font_size(14),
            subtitle: center().set_italic(),
            warn: base().set_bold().set_font_color("#C00000").set_text_wrap(),
            warn_center: center().set_bold().set_font_color("#C00000"),
            section: base().set_bold(),
            th: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap()
                .set_background_color("#F2F2F2"),
            td: cell(),
            td_wrap: cell().set_text_wrap(),
            td_center: cell().set_align(FormatAlign::Center),
            td_bold: cell().set_bold(),
            money: cell().set_num_format("#,##0"),
            money_bold: cell().set_bold().set_num_format("#,##0"),
            count: cell()
                .set_align(FormatAlign::Center)
                .set_num_format("#,##0"),
            count_bold: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_num_format("#,##0"),
            struck: cell().set_font_strikethrough(),
            struck_center: cell()
                .set_font_strikethrough()
                .set_align(FormatAlign::Center),
            struck_money: cell().set_font_strikethrough().set_num_format("#,##0"),
            mono: base().set_font_name("Courier New").set_font_size(11),
            text: base(),
            italic: base().set_italic().set_text_wrap(),
            sign: center().set_bold(),
            sign_hint: center().set_italic(),
        }
    }
}
