//! Wording with values in it for closing the day: the PIN popup and the
//! day report on the screen.

use crate::i18n::{Lang, lang};

/// What closing a day does, in the PIN popup.
pub fn close_what(date: &str) -> String {
    match lang() {
        Lang::Vi => format!(
            "Khóa sổ ngày {date}. Sau khi khóa, không ghi thêm được chi trả, hủy chi hay giao nhận tiền của ngày này; bản sao lưu được ghi ngay."
        ),
        Lang::En => format!(
            "Close {date}. Once closed, no payment, void or cash movement of that day can be recorded; a backup is written at once."
        ),
    }
}

/// After the day was closed.
pub fn day_closed(date: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã khóa sổ ngày {date}."),
        Lang::En => format!("{date} is closed."),
    }
}

/// The report's first line.
pub fn report_heading(date: &str) -> String {
    match lang() {
        Lang::Vi => format!("BÁO CÁO CHI TRẢ NGÀY {date}"),
        Lang::En => format!("PAYMENTS OF {date}"),
    }
}

/// When and by whom a day was closed.
pub fn closed_at_by(at: &str, by: &str) -> String {
    match lang() {
        Lang::Vi => format!("Khóa sổ lúc {at} bởi {by}."),
        Lang::En => format!("Closed at {at} by {by}."),
    }
}

/// The audit seal a close stored (the hash goes on the next line).
pub fn seal_line(seq: i64) -> String {
    match lang() {
        Lang::Vi => format!("Niêm phong nhật ký kiểm toán: dòng #{seq}"),
        Lang::En => format!("Audit seal: row #{seq}"),
    }
}

/// The audit chain's head now, for a day not closed (the hash goes on the
/// next line).
pub fn audit_head_line(seq: i64) -> String {
    match lang() {
        Lang::Vi => format!("Nhật ký kiểm toán hiện tại: dòng #{seq}"),
        Lang::En => format!("Audit log now: row #{seq}"),
    }
}

/// A hash of the audit chain.
pub fn hash_line(hash: &str) -> String {
    match lang() {
        Lang::Vi => format!("Mã băm: {hash}"),
        Lang::En => format!("Hash: {hash}"),
    }
}

/// Missing receipt numbers, as a warning.
pub fn receipt_gap(office: &str, year: i32, from: i64, to: i64) -> String {
    match lang() {
        Lang::Vi => {
            format!("CẢNH BÁO: thiếu số biên nhận {office} năm {year}: từ {from} đến {to}.")
        }
        Lang::En => format!("WARNING: receipt numbers missing, {office} {year}: {from} to {to}."),
    }
}

/// Cash into and out of a drawer from the supervisor (amounts in đồng).
pub fn drawer_in_line(float: &str, issued: &str, returned: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đầu ngày {float} · cấp thêm {issued} · thu về {returned} (đồng)"),
        Lang::En => format!("Float {float} · issued {issued} · returned {returned} (đồng)"),
    }
}

/// Cash paid out of a drawer, and back into it by voids (in đồng).
pub fn drawer_out_line(paid: &str, voided: &str) -> String {
    match lang() {
        Lang::Vi => format!("Chi tiền mặt {paid} · hủy chi hoàn lại quỹ {voided} (đồng)"),
        Lang::En => format!("Cash paid {paid} · voids back into the drawer {voided} (đồng)"),
    }
}

/// Under a voided payment in the report.
pub fn void_line(voided: &str, reason: &str, requested_by: &str, approved_by: &str) -> String {
    match lang() {
        Lang::Vi => format!("{voided}: {reason} · yêu cầu: {requested_by} · duyệt: {approved_by}"),
        Lang::En => {
            format!("{voided}: {reason} · asked by {requested_by} · approved by {approved_by}")
        }
    }
}

/// Where the printed report was written.
pub fn report_printed(file: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã in báo cáo (tệp {file})."),
        Lang::En => format!("Report printed (file {file})."),
    }
}
