//! The fixed words of the commands in `cli/day.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub use super::approval_pin;

pub fn write_date_as_yyyy(lang: Lang) -> &'static str {
    lang.pick(
        "Ngày phải viết YYYY-MM-DD, ví dụ 2026-11-28.",
        "Write the date as YYYY-MM-DD.",
    )
}

pub fn amount_missing(lang: Lang) -> &'static str {
    lang.pick("Thiếu số tiền.", "The amount is missing.")
}

pub fn confirmation_pin(lang: Lang) -> &'static str {
    lang.pick("Mã PIN xác nhận của", "Confirmation PIN for")
}

pub fn recorded(lang: Lang) -> &'static str {
    lang.pick("Đã ghi", "Recorded")
}

pub fn write_denomination_count_e(lang: Lang) -> &'static str {
    lang.pick(
        "Viết MỆNH_GIÁ=SỐ_TỜ, ví dụ 500000=4.",
        "Write DENOMINATION=COUNT, e.g. 500000=4.",
    )
}

pub fn count_must_whole_number(lang: Lang) -> &'static str {
    lang.pick(
        "Số tờ phải là số nguyên.",
        "The count must be a whole number.",
    )
}

pub fn count_recorded(lang: Lang) -> &'static str {
    lang.pick("Đã ghi số đếm:", "Count recorded:")
}

pub fn expected(lang: Lang) -> &'static str {
    lang.pick("Số dự kiến:", "Expected:")
}

pub fn agrees(lang: Lang) -> &'static str {
    lang.pick("Khớp.", "It agrees.")
}

pub fn difference(lang: Lang) -> &'static str {
    lang.pick("CHÊNH LỆCH:", "DIFFERENCE:")
}

pub fn give_reason_chitra_drawer(lang: Lang) -> &'static str {
    lang.pick(
        "ghi lý do: chitra drawer reason \"…\"",
        "give a reason: chitra drawer reason \"…\"",
    )
}

pub fn reason_recorded(lang: Lang) -> &'static str {
    lang.pick("Đã ghi lý do.", "Reason recorded.")
}

pub fn date_clerk_needed_only(lang: Lang) -> &'static str {
    lang.pick(
        "Cần --date và --clerk: chỉ ghi được cho một ngày đã qua.",
        "--date and --clerk are needed: only for a past day.",
    )
}

pub fn recorded_that_day_s(lang: Lang) -> &'static str {
    lang.pick(
        "Đã ghi: quỹ ngày đó không kiểm đếm được, kèm lý do.",
        "Recorded: that day's drawer was not counted, with the reason.",
    )
}

pub fn voided(lang: Lang) -> &'static str {
    lang.pick("ĐÃ HỦY", "VOIDED")
}

pub fn pin_close_day(lang: Lang) -> &'static str {
    lang.pick("Mã PIN để khóa sổ: ", "PIN to close the day: ")
}

pub fn closed(lang: Lang) -> &'static str {
    lang.pick("ĐÃ KHÓA SỔ ngày", "CLOSED")
}

pub fn seal_write_signed_report(lang: Lang) -> &'static str {
    lang.pick(
        "Mã niêm phong (ghi lên báo cáo đã ký):",
        "Seal (write it on the signed report):",
    )
}

pub fn previous_day_s_seal(lang: Lang) -> &'static str {
    lang.pick("Mã niêm phong ngày trước:", "Previous day's seal:")
}

pub fn backup(lang: Lang) -> &'static str {
    lang.pick("Sao lưu:", "Backup:")
}

pub fn xlsx_report_needs_out(lang: Lang) -> &'static str {
    lang.pick(
        "Báo cáo xlsx cần --out TỆP.xlsx.",
        "An xlsx report needs --out FILE.xlsx.",
    )
}

pub fn backed_up(lang: Lang) -> &'static str {
    lang.pick("Đã sao lưu vào", "Backed up to")
}

pub fn new_audit_key(lang: Lang) -> &'static str {
    lang.pick("Đã tạo khóa nhật ký mới:", "New audit key:")
}

pub fn copy_key_file_safe(lang: Lang) -> &'static str {
    lang.pick(
        "Chép ngay tệp khóa sang nơi cất giữ an toàn (docs/restore.md).",
        "Copy the key file to its safe place now (docs/restore.md).",
    )
}
