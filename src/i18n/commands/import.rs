//! The fixed words of the commands in `cli/import.rs` (prompts, headings,
//! refusals before the service), in Vietnamese and English.

use crate::i18n::Lang;

pub fn nothing_written(lang: Lang) -> &'static str {
    lang.pick("Không ghi gì.", "Nothing written.")
}

pub fn write_list_database_y(lang: Lang) -> &'static str {
    lang.pick(
        "Ghi danh sách này vào cơ sở dữ liệu? (c/k): ",
        "Write this list to the database? (y/n): ",
    )
}

pub fn reading_checking(lang: Lang) -> &'static str {
    lang.pick("Đang đọc và kiểm tra", "Reading and checking")
}

pub fn rows(lang: Lang) -> &'static str {
    lang.pick("dòng", "rows")
}

pub fn tcvn3_converted_unicode(lang: Lang) -> &'static str {
    lang.pick(
        "TCVN3 (đã chuyển sang Unicode)",
        "TCVN3 (converted to Unicode)",
    )
}

pub fn vni_converted_unicode(lang: Lang) -> &'static str {
    lang.pick("VNI (đã chuyển sang Unicode)", "VNI (converted to Unicode)")
}

pub fn sheet(lang: Lang) -> &'static str {
    lang.pick("trang", "sheet")
}

pub fn file(lang: Lang) -> &'static str {
    lang.pick("Tệp:", "File:")
}

pub fn period(lang: Lang) -> &'static str {
    lang.pick("Kỳ:", "Period:")
}

pub fn rows_2(lang: Lang) -> &'static str {
    lang.pick("Dòng:", "Rows:")
}

pub fn people(lang: Lang) -> &'static str {
    lang.pick("Người:", "People:")
}

pub fn new(lang: Lang) -> &'static str {
    lang.pick("mới", "new")
}

pub fn changed(lang: Lang) -> &'static str {
    lang.pick("thay đổi", "changed")
}

pub fn file_s_total_row(lang: Lang) -> &'static str {
    lang.pick("dòng tổng cộng của tệp:", "file's total row:")
}

pub fn no_total_row(lang: Lang) -> &'static str {
    lang.pick(
        "tệp không có dòng tổng cộng — chưa đối chiếu",
        "the file has no total row — not checked",
    )
}

pub fn agrees(lang: Lang) -> &'static str {
    lang.pick("khớp", "agrees")
}

pub fn disagrees(lang: Lang) -> &'static str {
    lang.pick("KHÔNG KHỚP", "DISAGREES")
}

pub fn total(lang: Lang) -> &'static str {
    lang.pick("Tổng tiền:", "Total:")
}

pub fn warnings(lang: Lang) -> &'static str {
    lang.pick("Cần xem lại", "Warnings")
}

pub fn rejected(lang: Lang) -> &'static str {
    lang.pick("BỊ TỪ CHỐI", "REJECTED")
}

pub fn nothing_written_fix_rejected(lang: Lang) -> &'static str {
    lang.pick(
        "KHÔNG GHI GÌ: sửa các dòng bị từ chối trong tệp (hoặc đề nghị cơ quan chi trả gửi lại) rồi nhập lại.",
        "NOTHING WRITTEN: fix the rejected rows (or ask for a corrected list) and import again.",
    )
}

pub fn dry_run_nothing_written(lang: Lang) -> &'static str {
    lang.pick("Chạy thử: không ghi gì.", "Dry run: nothing written.")
}

/// The end of a list of problems cut short: `n` more problems (already
/// grouped). They are problems, not rows: a row may have several.
pub fn and_more_lines(lang: Lang, n: &str) -> String {
    match lang {
        Lang::Vi => format!("… và {n} mục khác."),
        Lang::En => format!("… and {n} more."),
    }
}

pub fn written_batch(lang: Lang, batch: i64) -> String {
    match lang {
        Lang::Vi => format!("ĐÃ GHI vào cơ sở dữ liệu (lô nhập số {batch})."),
        Lang::En => format!("WRITTEN to the database (import batch {batch})."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_left_out_is_counted_as_problems_not_rows() {
        let vi = and_more_lines(Lang::Vi, "3.999.001");
        assert_eq!(vi, "… và 3.999.001 mục khác.");
        assert!(!vi.contains("dòng"));
    }
}
