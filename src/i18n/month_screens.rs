//! Wording of the month's screens (the supervisor's "Tháng" screen and its
//! steps: change lists, unpaid reasons, period close, signing list, bank
//! batches) and of the decrease section of the period's results.
//! Vietnamese first, English for maintainers. The words of the month's
//! files are in [`super::month_files`], re-exported here.

use super::Lang;

pub use super::month_files::*;

/// The period results' section of the people a decrease list stopped.
pub fn decrease_heading(lang: Lang) -> &'static str {
    lang.pick(
        "IV.b DANH SÁCH GIẢM (DỪNG CHI TỪ THÁNG)",
        "IV.b DECREASE LISTS (PAYMENT STOPPED FROM)",
    )
}

pub fn nobody_decreased(lang: Lang) -> &'static str {
    lang.pick(
        "Không có ai trong danh sách giảm.",
        "Nobody is on a decrease list.",
    )
}

pub fn col_stop_reason(lang: Lang) -> &'static str {
    lang.pick("Lý do giảm", "Reason")
}

pub fn col_from_month(lang: Lang) -> &'static str {
    lang.pick("Từ tháng", "From")
}

pub fn col_to_recover(lang: Lang) -> &'static str {
    lang.pick("Phải thu hồi", "To recover")
}

pub fn row_recover_total(lang: Lang) -> &'static str {
    lang.pick("Cộng phải thu hồi", "To recover in all")
}

/// A stored stop reason code in words, with the list's own text.
pub fn stop_reason(lang: Lang, code: &str, text: Option<&str>) -> String {
    let word = crate::store::changes::StopReason::from_code(code).map_or_else(
        || code.to_string(),
        |r| super::changes::stop_reason(lang, r).to_string(),
    );
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => format!("{word}: {}", crate::text::for_display(t)),
        None => word.to_string(),
    }
}

/// The status of a person the decrease list stopped, in the table of
/// people whose payment stopped.
pub fn stopped_status(lang: Lang) -> &'static str {
    lang.pick("Dừng chi (danh sách giảm)", "Stopped (decrease list)")
}

/// The month screen's title.
pub fn title(lang: Lang, period: crate::domain::Period) -> String {
    format!(
        "{} {}",
        lang.pick("Tháng — kỳ", "Month — period"),
        super::labels::period(period)
    )
}

/// The name of view `i` (results, unpaid reasons, signing list).
pub fn tab(lang: Lang, i: usize) -> &'static str {
    match i {
        0 => lang.pick("Kết quả", "Results"),
        1 => lang.pick("Lý do chưa nhận", "Unpaid reasons"),
        2 => lang.pick("Danh sách ký nhận", "Signing list"),
        _ => lang.pick("Chuyển khoản", "Transfers"),
    }
}

/// The figures over every view of the month screen, as pieces the screen
/// joins with " · " (one line of at most 78 columns for the usual amounts,
/// more when they do not fit): what changes the supervisor's next step
/// (closed, waiting at the bank) first, then the amounts in đồng.
pub fn figures(
    lang: Lang,
    r: &crate::domain::period_report::PeriodReport,
    sent: usize,
    failed: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    if r.closed_at.is_some() {
        out.push(lang.pick("ĐÃ KHÓA", "CLOSED").to_string());
    }
    if sent > 0 || failed > 0 {
        out.push(format!("{} {sent}", lang.pick("chờ NH", "at bank")));
        out.push(format!("{} {failed}", lang.pick("lỗi NH", "bank failed")));
    }
    for (label, amount) in [
        (lang.pick("DS", "Listed"), r.imported),
        (lang.pick("chi", "paid"), r.paid),
        (lang.pick("chưa", "unpaid"), r.unpaid),
    ] {
        out.push(format!("{label} {}", amount.format_plain()));
    }
    out.push(format!(
        "{} {} đ",
        lang.pick("dừng", "stopped"),
        r.stopped.format_plain()
    ));
    out
}

pub fn nobody_unpaid(lang: Lang) -> &'static str {
    lang.pick(
        "Không còn ai chưa nhận trong kỳ này.",
        "Nobody is unpaid in this period.",
    )
}

/// The reasons' keys, over the list of unpaid people.
pub fn reason_keys(lang: Lang) -> &'static str {
    lang.pick(
        "1 chưa đến  2 đi vắng  3 nằm viện  4 đã mất  5 từ chối  6 khác (ghi chú)",
        "1 did not come  2 away  3 hospital  4 deceased  5 refused  6 other (note)",
    )
}

/// One unpaid person's line: code, name, what is left, the reason so far.
pub fn unpaid_row(
    lang: Lang,
    p: &crate::domain::period_report::PersonOutcome,
    width: usize,
) -> String {
    use crate::domain::period_report::Transfer;
    let reason = match (p.reason, &p.transfer) {
        (Some(r), _) => super::month::reason(lang, r).to_string(),
        (None, Some(Transfer::Sent { batch })) => super::bank::sent_mark(lang, *batch),
        (None, Some(Transfer::Failed { batch, reason })) => {
            super::bank::failed_mark(lang, *batch, reason)
        }
        (None, None) => lang
            .pick("— chưa có lý do —", "— no reason yet —")
            .to_string(),
    };
    use crate::text::layout::{fit, pad, right};
    let name = crate::text::for_display(&format!("{} {}", p.code, p.full_name)).into_owned();
    let line = format!(
        "{} {}  {}",
        pad(&name, 30),
        right(&p.left().to_string(), 14),
        crate::text::for_display(&reason)
    );
    fit(&line, width)
}

pub fn reason_recorded(
    lang: Lang,
    code: &str,
    reason: crate::domain::period_report::UnpaidReason,
) -> String {
    format!(
        "{} {}: {}",
        lang.pick("Đã ghi lý do cho", "Reason recorded for"),
        crate::text::for_display(code),
        super::month::reason(lang, reason)
    )
}

pub fn printed(lang: Lang, path: &str) -> String {
    format!(
        "{} {path}",
        lang.pick("Đã ghi bản in:", "Printout written:")
    )
}

pub fn printing(lang: Lang, printer: &str) -> String {
    format!(
        "{} {printer}…",
        lang.pick("Đang gửi máy in", "Sending to printer")
    )
}

pub fn key_other_month(lang: Lang) -> &'static str {
    lang.pick(
        "Tháng trước / tháng sau (kỳ cũ còn chưa khóa)",
        "Month before / after (an earlier month not closed yet)",
    )
}

pub fn short_other_month(lang: Lang) -> &'static str {
    lang.pick("Tháng", "Month")
}

pub fn key_views(lang: Lang) -> &'static str {
    lang.pick(
        "Chuyển xem: kết quả, lý do chưa nhận, danh sách ký nhận",
        "Switch view: results, unpaid reasons, signing list",
    )
}

pub fn short_views(lang: Lang) -> &'static str {
    lang.pick("Xem", "View")
}

pub fn key_close(lang: Lang) -> &'static str {
    lang.pick(
        "Khóa kỳ và ghi tệp kết quả (mã PIN)",
        "Close the period and write the results (PIN)",
    )
}

pub fn short_close(lang: Lang) -> &'static str {
    lang.pick("Khóa kỳ", "Close")
}

pub fn key_reason(lang: Lang) -> &'static str {
    lang.pick(
        "Ghi lý do chưa nhận cho người đang chọn",
        "Record the picked person's reason",
    )
}

pub fn short_reason(lang: Lang) -> &'static str {
    lang.pick("Lý do", "Reason")
}

pub fn key_print(lang: Lang) -> &'static str {
    lang.pick("In trang đang xem", "Print what is shown")
}

pub fn label_note(lang: Lang) -> &'static str {
    lang.pick("Ghi chú", "Note")
}

pub fn note_title(lang: Lang) -> &'static str {
    lang.pick("Lý do khác", "Another reason")
}

pub fn note_what(lang: Lang, code: &str) -> String {
    format!(
        "{} {}",
        lang.pick(
            "Ghi rõ vì sao chưa nhận:",
            "Say why this person was not paid:"
        ),
        crate::text::for_display(code)
    )
}

pub fn key_note_submit(lang: Lang) -> &'static str {
    lang.pick("Ghi lý do", "Record the reason")
}

pub fn close_title(lang: Lang) -> &'static str {
    lang.pick("Khóa kỳ", "Close the period")
}

pub fn close_what(lang: Lang, period: crate::domain::Period) -> String {
    format!(
        "{} {}. {}",
        lang.pick("Khóa kỳ", "Close the period"),
        super::labels::period(period),
        lang.pick(
            "Sau khi khóa không chi, không nhập, không sửa gì của kỳ này nữa.",
            "After the close nothing more is paid, imported or changed in it."
        )
    )
}

pub fn close_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Tệp kết quả (xlsx) gửi cơ quan chi trả được ghi vào đường dẫn dưới đây. Nhập mã PIN rồi Enter.",
        "The results file (xlsx) for the payer is written to the path below. Type your PIN, then Enter.",
    )
}

pub fn label_results_path(lang: Lang) -> &'static str {
    lang.pick("Tệp kết quả", "Results file")
}

pub fn need_path(lang: Lang) -> &'static str {
    lang.pick(
        "Cần đường dẫn tệp kết quả.",
        "The results file needs a path.",
    )
}

pub fn closed(lang: Lang, period: crate::domain::Period, path: &str) -> String {
    format!(
        "{} {} — {} {path}",
        lang.pick("Đã khóa kỳ", "Period closed:"),
        super::labels::period(period),
        lang.pick("tệp kết quả:", "results file:")
    )
}

pub fn closed_not_written(
    lang: Lang,
    period: crate::domain::Period,
    path: &str,
    problem: &str,
) -> String {
    format!(
        "{} {} {} {path}: {}. {} chitra report period {period} --format xlsx --out {}",
        lang.pick("Đã khóa kỳ", "Period closed:"),
        super::labels::period(period),
        lang.pick(
            "nhưng chưa ghi được tệp",
            "but the file could not be written to"
        ),
        crate::text::for_display(problem),
        lang.pick("Ghi lại tệp bằng:", "Write it again with:"),
        lang.pick("TỆP", "FILE"),
    )
}

/// The supervisor's menu entry.
pub fn menu_entry(lang: Lang) -> &'static str {
    lang.pick(
        "Tháng: lý do, ký nhận, khóa kỳ",
        "Month: reasons, signing, close",
    )
}

/// What the demo leaves to try for the month, printed after its files.
pub fn demo_month_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Thử tháng: nhập các danh sách giảm, tăng, điều chỉnh (chitra import TỆP --kind decrease|increase|adjustment, xem trước rồi xác nhận); trưởng bưu cục F2 → Tháng để ghi lý do chưa nhận, in danh sách ký nhận, khóa kỳ.",
        "Try the month: import the decrease, increase and adjustment lists (chitra import FILE --kind decrease|increase|adjustment, preview then confirm); the supervisor's F2 → Month gives unpaid reasons, prints the signing list and closes the period.",
    )
}

/// Over an open period's results: transfers still waiting for the bank
/// block the close.
pub fn bank_waiting(lang: Lang, n: usize) -> String {
    match lang {
        super::Lang::Vi => format!(
            "Còn {n} người trong lô chuyển khoản chưa có kết quả của ngân hàng: phải nhập tệp kết quả trước khi khóa kỳ."
        ),
        super::Lang::En => format!(
            "{n} people are in a transfer batch the bank has not answered yet: import its result file before closing the period."
        ),
    }
}
