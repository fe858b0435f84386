//! Wording of the month's screens (the supervisor's "Tháng" screen and its
//! steps: change lists, unpaid reasons, period close, signing list, bank
//! batches) and of the decrease section of the period's results.
//! Vietnamese first, English for maintainers.

use super::tr;

/// The period results' section of the people a decrease list stopped.
pub fn decrease_heading() -> &'static str {
    tr(
        "IV.b DANH SÁCH GIẢM (DỪNG CHI TỪ THÁNG)",
        "IV.b DECREASE LISTS (PAYMENT STOPPED FROM)",
    )
}

pub fn nobody_decreased() -> &'static str {
    tr(
        "Không có ai trong danh sách giảm.",
        "Nobody is on a decrease list.",
    )
}

pub fn col_stop_reason() -> &'static str {
    tr("Lý do giảm", "Reason")
}

pub fn col_from_month() -> &'static str {
    tr("Từ tháng", "From")
}

pub fn col_to_recover() -> &'static str {
    tr("Phải thu hồi", "To recover")
}

pub fn row_recover_total() -> &'static str {
    tr("Cộng phải thu hồi", "To recover in all")
}

/// A stored stop reason code in words, with the list's own text.
pub fn stop_reason(code: &str, text: Option<&str>) -> String {
    let word = crate::store::changes::StopReason::from_code(code).map_or_else(
        || code.to_string(),
        |r| super::changes::stop_reason(super::lang(), r).to_string(),
    );
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => format!("{word}: {}", crate::text::for_display(t)),
        None => word.to_string(),
    }
}

/// The status of a person the decrease list stopped, in the table of
/// people whose payment stopped.
pub fn stopped_status() -> &'static str {
    tr("Dừng chi (danh sách giảm)", "Stopped (decrease list)")
}

/// The month screen's title.
pub fn title(period: crate::domain::Period) -> String {
    format!(
        "{} {}",
        tr("Tháng — kỳ", "Month — period"),
        super::labels::period(period)
    )
}

/// The name of view `i` (results, unpaid reasons, signing list).
pub fn tab(i: usize) -> &'static str {
    match i {
        0 => tr("Kết quả", "Results"),
        1 => tr("Lý do chưa nhận", "Unpaid reasons"),
        _ => tr("Danh sách ký nhận", "Signing list"),
    }
}

/// The figures over every view of the month screen.
pub fn figures(
    r: &crate::domain::period_report::PeriodReport,
    sent: usize,
    failed: usize,
) -> String {
    let mut out = format!(
        "{} {} · {} {} · {} {} · {} {}",
        tr("DS", "Listed"),
        r.imported,
        tr("đã chi", "paid"),
        r.paid,
        tr("chưa nhận", "unpaid"),
        r.unpaid,
        tr("dừng", "stopped"),
        r.stopped,
    );
    if sent > 0 || failed > 0 {
        out.push_str(&format!(
            " · {} {sent} · {} {failed}",
            tr("chờ NH", "at bank"),
            tr("lỗi NH", "bank failed"),
        ));
    }
    if r.closed_at.is_some() {
        out.push_str(tr(" · ĐÃ KHÓA", " · CLOSED"));
    }
    out
}

pub fn nobody_unpaid() -> &'static str {
    tr(
        "Không còn ai chưa nhận trong kỳ này.",
        "Nobody is unpaid in this period.",
    )
}

/// The reasons' keys, over the list of unpaid people.
pub fn reason_keys() -> &'static str {
    tr(
        "1 chưa đến  2 đi vắng  3 nằm viện  4 đã mất  5 từ chối  6 khác (ghi chú)",
        "1 did not come  2 away  3 hospital  4 deceased  5 refused  6 other (note)",
    )
}

/// One unpaid person's line: code, name, what is left, the reason so far.
pub fn unpaid_row(p: &crate::domain::period_report::PersonOutcome, width: usize) -> String {
    use crate::domain::period_report::Transfer;
    let reason = match (p.reason, &p.transfer) {
        (Some(r), _) => super::month::reason(super::lang(), r).to_string(),
        (None, Some(Transfer::Sent { batch })) => super::bank::sent_mark(super::lang(), *batch),
        (None, Some(Transfer::Failed { batch, reason })) => {
            super::bank::failed_mark(super::lang(), *batch, reason)
        }
        (None, None) => tr("— chưa có lý do —", "— no reason yet —").to_string(),
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

pub fn reason_recorded(code: &str, reason: crate::domain::period_report::UnpaidReason) -> String {
    format!(
        "{} {}: {}",
        tr("Đã ghi lý do cho", "Reason recorded for"),
        crate::text::for_display(code),
        super::month::reason(super::lang(), reason)
    )
}

pub fn printed(path: &str) -> String {
    format!("{} {path}", tr("Đã ghi bản in:", "Printout written:"))
}

pub fn printing(printer: &str) -> String {
    format!("{} {printer}…", tr("Đang gửi máy in", "Sending to printer"))
}

pub fn key_views() -> &'static str {
    tr(
        "Chuyển xem: kết quả, lý do chưa nhận, danh sách ký nhận",
        "Switch view: results, unpaid reasons, signing list",
    )
}

pub fn short_views() -> &'static str {
    tr("Xem", "View")
}

pub fn key_close() -> &'static str {
    tr(
        "Khóa kỳ và ghi tệp kết quả (mã PIN)",
        "Close the period and write the results (PIN)",
    )
}

pub fn short_close() -> &'static str {
    tr("Khóa kỳ", "Close")
}

pub fn key_reason() -> &'static str {
    tr(
        "Ghi lý do chưa nhận cho người đang chọn",
        "Record the picked person's reason",
    )
}

pub fn short_reason() -> &'static str {
    tr("Lý do", "Reason")
}

pub fn key_print() -> &'static str {
    tr("In trang đang xem", "Print what is shown")
}

pub fn label_note() -> &'static str {
    tr("Ghi chú", "Note")
}

pub fn note_title() -> &'static str {
    tr("Lý do khác", "Another reason")
}

pub fn note_what(code: &str) -> String {
    format!(
        "{} {}",
        tr(
            "Ghi rõ vì sao chưa nhận:",
            "Say why this person was not paid:"
        ),
        crate::text::for_display(code)
    )
}

pub fn key_note_submit() -> &'static str {
    tr("Ghi lý do", "Record the reason")
}

pub fn close_title() -> &'static str {
    tr("Khóa kỳ", "Close the period")
}

pub fn close_what(period: crate::domain::Period) -> String {
    format!(
        "{} {}. {}",
        tr("Khóa kỳ", "Close the period"),
        super::labels::period(period),
        tr(
            "Sau khi khóa không chi, không nhập, không sửa gì của kỳ này nữa.",
            "After the close nothing more is paid, imported or changed in it."
        )
    )
}

pub fn close_hint() -> &'static str {
    tr(
        "Tệp kết quả (xlsx) gửi cơ quan chi trả được ghi vào đường dẫn dưới đây. Nhập mã PIN rồi Enter.",
        "The results file (xlsx) for the payer is written to the path below. Type your PIN, then Enter.",
    )
}

pub fn label_results_path() -> &'static str {
    tr("Tệp kết quả", "Results file")
}

pub fn need_path() -> &'static str {
    tr(
        "Cần đường dẫn tệp kết quả.",
        "The results file needs a path.",
    )
}

pub fn closed(period: crate::domain::Period, path: &str) -> String {
    format!(
        "{} {} — {} {path}",
        tr("Đã khóa kỳ", "Period closed:"),
        super::labels::period(period),
        tr("tệp kết quả:", "results file:")
    )
}

pub fn closed_not_written(period: crate::domain::Period, path: &str, problem: &str) -> String {
    format!(
        "{} {} {} {path}: {}. {}",
        tr("Đã khóa kỳ", "Period closed:"),
        super::labels::period(period),
        tr(
            "nhưng chưa ghi được tệp",
            "but the file could not be written to"
        ),
        crate::text::for_display(problem),
        tr(
            "Ghi lại tệp bằng: chitra report period YYYY-MM --format xlsx --out TỆP",
            "Write it again with: chitra report period YYYY-MM --format xlsx --out FILE"
        )
    )
}

/// The supervisor's menu entry.
pub fn menu_entry() -> &'static str {
    tr(
        "Tháng: lý do, ký nhận, khóa kỳ",
        "Month: reasons, signing, close",
    )
}

/// What the demo leaves to try for the month, printed after its files.
pub fn demo_month_hint() -> &'static str {
    tr(
        "Thử tháng: nhập các danh sách giảm, tăng, điều chỉnh (chitra import TỆP --kind decrease|increase|adjustment, xem trước rồi xác nhận); trưởng bưu cục F2 → Tháng để ghi lý do chưa nhận, in danh sách ký nhận, khóa kỳ.",
        "Try the month: import the decrease, increase and adjustment lists (chitra import FILE --kind decrease|increase|adjustment, preview then confirm); the supervisor's F2 → Month gives unpaid reasons, prints the signing list and closes the period.",
    )
}

/// Over an open period's results: transfers still waiting for the bank
/// block the close.
pub fn bank_waiting(n: usize) -> String {
    match super::lang() {
        super::Lang::Vi => format!(
            "Còn {n} người trong lô chuyển khoản chưa có kết quả của ngân hàng: phải nhập tệp kết quả trước khi khóa kỳ."
        ),
        super::Lang::En => format!(
            "{n} people are in a transfer batch the bank has not answered yet: import its result file before closing the period."
        ),
    }
}
