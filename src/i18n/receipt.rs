//! The wording of the printed payment receipt (biên nhận), in Vietnamese
//! ([`VI`]) and English ([`EN`]). `print::receipt` is the only reader.

use super::{Lang, lang};

/// Every fixed label of the receipt.
#[derive(Debug)]
pub struct ReceiptWords {
    pub title: &'static str,
    pub number: &'static str,
    pub copy: &'static str,
    pub date: &'static str,
    pub clerk_label: &'static str,
    pub voided_on: &'static str,
    pub beneficiary: &'static str,
    pub record_code: &'static str,
    pub born: &'static str,
    pub id_no_inline: &'static str,
    pub hamlet: &'static str,
    pub category: &'static str,
    pub received_by: &'static str,
    pub id_no: &'static str,
    pub account: &'static str,
    pub reference: &'static str,
    pub method: &'static str,
    pub approved_late: &'static str,
    pub col_period: &'static str,
    pub col_item: &'static str,
    pub col_amount: &'static str,
    pub total: &'static str,
    pub in_words: &'static str,
    pub receiver_signs: &'static str,
    pub clerk_signs: &'static str,
    pub sign_hint: &'static str,
}

pub const VI: ReceiptWords = ReceiptWords {
    title: "BIÊN NHẬN CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG",
    number: "Số:",
    copy: "BẢN SAO",
    date: "Ngày",
    clerk_label: "Giao dịch viên:",
    voided_on: "ĐÃ HỦY NGÀY",
    beneficiary: "Người hưởng",
    record_code: "Mã ĐT:",
    born: "Năm sinh",
    id_no_inline: "Số giấy tờ:",
    hamlet: "Thôn",
    category: "Diện hưởng",
    received_by: "Người nhận",
    id_no: "Số giấy tờ",
    account: "TK",
    reference: "mã GD",
    method: "Hình thức",
    approved_late: "Duyệt ngoài hạn",
    col_period: "Kỳ",
    col_item: "Khoản",
    col_amount: "Số tiền",
    total: "TỔNG CỘNG",
    in_words: "Bằng chữ:",
    receiver_signs: "Người nhận tiền",
    clerk_signs: "Giao dịch viên",
    sign_hint: "(Ký, ghi rõ họ tên)",
};

pub const EN: ReceiptWords = ReceiptWords {
    title: "RECEIPT — PREFERENTIAL ALLOWANCE PAYMENT",
    number: "No.:",
    copy: "COPY",
    date: "Date",
    clerk_label: "Clerk:",
    voided_on: "VOIDED ON",
    beneficiary: "Beneficiary",
    record_code: "Code:",
    born: "Born",
    id_no_inline: "ID no.:",
    hamlet: "Hamlet",
    category: "Category",
    received_by: "Received by",
    id_no: "ID no.",
    account: "acct",
    reference: "ref",
    method: "Method",
    approved_late: "Approved by",
    col_period: "Period",
    col_item: "Item",
    col_amount: "Amount",
    total: "TOTAL",
    in_words: "In words:",
    receiver_signs: "Received by",
    clerk_signs: "Clerk",
    sign_hint: "(Signature, full name)",
};

/// The receipt's labels in the current language.
pub fn receipt() -> &'static ReceiptWords {
    match lang() {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
