//! Wording of what `chitra verify` finds.

use super::Localize;
use crate::service::verify::Finding;
use crate::store::audit::ChainProblem;
use crate::text::for_display;

impl Localize for Finding {
    fn vi(&self) -> String {
        match self {
            Finding::Integrity(line) => format!("Tệp cơ sở dữ liệu hỏng: {}", for_display(line)),
            Finding::Chain(ChainProblem::Gap { after, next }) => {
                format!("Nhật ký kiểm toán mất dòng: sau dòng #{after} là dòng #{next}.")
            }
            Finding::Chain(ChainProblem::BrokenLink { seq }) => {
                format!(
                    "Nhật ký kiểm toán đứt mắt xích ở dòng #{seq}: dòng trước đó đã bị sửa, xóa hoặc chèn."
                )
            }
            Finding::Chain(ChainProblem::Edited { seq }) => {
                format!("Dòng nhật ký kiểm toán #{seq} đã bị sửa sau khi ghi.")
            }
            Finding::PaidTwice {
                entitlement_id,
                receipts,
            } => format!(
                "Khoản #{entitlement_id} được chi hai lần: biên nhận {}.",
                receipts.join(", ")
            ),
            Finding::PaymentNotAudited { receipt_no } => {
                format!(
                    "Biên nhận {receipt_no} không có dòng nhật ký ghi nhận: được thêm ngoài chitra."
                )
            }
            Finding::PaymentChanged { receipt_no, field } => {
                format!(
                    "Biên nhận {receipt_no} đã bị sửa sau khi ghi (trường {field} khác nhật ký)."
                )
            }
            Finding::PaymentMissing {
                payment_id,
                receipt_no,
                audit_seq,
            } => format!(
                "Lần chi #{payment_id} (biên nhận {}) đã ghi trong nhật ký (dòng #{audit_seq}) nhưng không còn trong sổ: đã bị xóa.",
                for_display(receipt_no)
            ),
            Finding::ReversalNotAudited { receipt_no } => {
                format!(
                    "Việc hủy biên nhận {receipt_no} không có dòng nhật ký: được thêm ngoài chitra."
                )
            }
            Finding::TotalNotLines { receipt_no } => {
                format!("Biên nhận {receipt_no}: tổng tiền khác tổng các dòng.")
            }
            Finding::ReceiptGap {
                office,
                year,
                from,
                to,
            } => {
                format!("Thiếu số biên nhận {office} năm {year}: từ {from} đến {to}.")
            }
            Finding::ReceiptForged {
                receipt_no,
                expected,
            } => format!(
                "Số biên nhận {} không đúng thứ tự đã cấp (phải là {expected}).",
                for_display(receipt_no)
            ),
            Finding::ClosedDayTotals { day } => format!(
                "Ngày {} đã khóa sổ nhưng số liệu hiện nay khác số đã chốt: dữ liệu của ngày đó đã bị thay đổi.",
                super::labels::date(day)
            ),
            Finding::ClosedDaySeal { day, seq } => format!(
                "Dấu niêm phong của ngày {} (dòng nhật ký #{seq}) không khớp nhật ký.",
                super::labels::date(day)
            ),
            Finding::BatchChanged { batch_id, file } => format!(
                "Các khoản của lô nhập #{batch_id} ({}) đã bị thay đổi sau khi nhập.",
                for_display(file)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Finding::Integrity(line) => {
                format!("The database file is damaged: {}", for_display(line))
            }
            Finding::Chain(ChainProblem::Gap { after, next }) => {
                format!("Audit rows missing: #{after} is followed by #{next}.")
            }
            Finding::Chain(ChainProblem::BrokenLink { seq }) => {
                format!(
                    "The audit chain breaks at row #{seq}: the row before was edited, removed or inserted."
                )
            }
            Finding::Chain(ChainProblem::Edited { seq }) => {
                format!("Audit row #{seq} was edited after it was written.")
            }
            Finding::PaidTwice {
                entitlement_id,
                receipts,
            } => {
                format!(
                    "Line #{entitlement_id} is paid twice: receipts {}.",
                    receipts.join(", ")
                )
            }
            Finding::PaymentNotAudited { receipt_no } => {
                format!("Receipt {receipt_no} has no audit row: added outside chitra.")
            }
            Finding::PaymentChanged { receipt_no, field } => {
                format!(
                    "Receipt {receipt_no} was changed after it was written ({field} differs from the audit log)."
                )
            }
            Finding::PaymentMissing {
                payment_id,
                receipt_no,
                audit_seq,
            } => format!(
                "Payment #{payment_id} (receipt {}) is in the audit log (row #{audit_seq}) but not in the books: deleted.",
                for_display(receipt_no)
            ),
            Finding::ReversalNotAudited { receipt_no } => {
                format!("The void of {receipt_no} has no audit row.")
            }
            Finding::TotalNotLines { receipt_no } => {
                format!("Receipt {receipt_no}: the total is not the sum of its lines.")
            }
            Finding::ReceiptGap {
                office,
                year,
                from,
                to,
            } => format!("Receipt numbers missing, {office} {year}: {from} to {to}."),
            Finding::ReceiptForged {
                receipt_no,
                expected,
            } => {
                format!(
                    "Receipt number {} does not match its sequence (should be {expected}).",
                    for_display(receipt_no)
                )
            }
            Finding::ClosedDayTotals { day } => format!(
                "{day} is closed but its numbers now differ from those sealed: its data changed."
            ),
            Finding::ClosedDaySeal { day, seq } => {
                format!("The seal of {day} (audit row #{seq}) does not match the log.")
            }
            Finding::BatchChanged { batch_id, file } => {
                format!(
                    "The lines of import batch #{batch_id} ({}) changed after the import.",
                    for_display(file)
                )
            }
        }
    }
}
