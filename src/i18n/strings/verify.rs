//! Wording with values in it for the integrity check's result.

use crate::i18n::Lang;

/// verify found nothing wrong: what it checked.
pub fn verify_ok(lang: Lang, v: &crate::service::verify::Verification) -> String {
    let (rows, audit, pays, days, batches) = (
        v.rows_checked,
        v.audit_rows,
        v.payments,
        v.closed_days,
        v.batches,
    );
    match lang {
        Lang::Vi => format!(
            "Toàn vẹn — {audit} dòng nhật ký nối liền và đúng chữ ký; {rows} dòng dữ liệu (trong đó {pays} lần chi) khớp nhật ký; {days} ngày đã khóa sổ khớp mã niêm phong; {batches} lô nhập nguyên vẹn."
        ),
        Lang::En => format!(
            "OK — {audit} audit rows chained and signed; {rows} rows ({pays} payments) match the log; {days} closed days match their seals; {batches} import batches intact."
        ),
    }
}

/// What the last seal covers (see [`crate::i18n::verify::coverage`]), for
/// the verify screen (`on_screen`, in the screens' keys) or the command
/// line.
pub fn verify_coverage(
    lang: Lang,
    v: &crate::service::verify::Verification,
    on_screen: bool,
) -> Option<String> {
    v.coverage
        .as_ref()
        .map(|c| crate::i18n::verify::coverage(c, lang == Lang::Vi, on_screen))
}

/// verify found problems.
pub fn verify_problems(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("CÓ {n} VẤN ĐỀ:"),
        Lang::En => format!("{n} PROBLEMS:"),
    }
}

/// A note of every check: when the head anchor was found missing or
/// damaged and written again.
pub fn anchor_rebuilt(lang: Lang, seq: i64, at: &str, found: &str) -> String {
    let when = crate::i18n::labels::date_time(at);
    match (lang, found) {
        (Lang::Vi, "damaged") => format!(
            "Lưu ý: tệp mốc đầu chuỗi (<db>.head) bị hỏng khi mở lúc {when}, đã ghi lại (nhật ký #{seq}). Nếu không phải do khôi phục bản sao lưu, báo cấp trên: có thể phần cuối nhật ký đã bị cắt."
        ),
        (Lang::Vi, _) => format!(
            "Lưu ý: tệp mốc đầu chuỗi (<db>.head) bị mất khi mở lúc {when}, đã ghi lại (nhật ký #{seq}). Nếu không phải do khôi phục bản sao lưu, báo cấp trên: có thể phần cuối nhật ký đã bị cắt."
        ),
        (Lang::En, "damaged") => format!(
            "Note: the head anchor (<db>.head) was damaged when opened at {when} and written again (log #{seq}). Unless a backup was restored, report it: the end of the log may have been cut."
        ),
        (Lang::En, _) => format!(
            "Note: the head anchor (<db>.head) was missing when opened at {when} and written again (log #{seq}). Unless a backup was restored, report it: the end of the log may have been cut."
        ),
    }
}

/// A note of `verify` (the clock), after its result.
pub fn verify_note(lang: Lang, said: &str) -> String {
    match lang {
        Lang::Vi => format!("Lưu ý: {said}"),
        Lang::En => format!("Note: {said}"),
    }
}
