//! Wording with values in it for the pay flow: its heading, dates typed,
//! approval at the confirmation, and what is said once paid.

use crate::i18n::Lang;

/// "4 khoản, kỳ 10/2026–11/2026" in the pay flow's heading.
pub fn lines_and_periods(lang: Lang, n: usize, periods: &str) -> String {
    match lang {
        Lang::Vi => format!("{n} khoản, kỳ {periods}"),
        Lang::En => format!("{n} lines, {periods}"),
    }
}

/// A date field that is not dd/mm/yyyy.
pub fn bad_date(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::Vi => format!("Ngày “{typed}” không đúng dạng dd/mm/yyyy (ví dụ 31/12/2026)."),
        Lang::En => format!("“{typed}” is not a date as dd/mm/yyyy (e.g. 31/12/2026)."),
    }
}

/// After a supervisor approved at the confirmation.
pub fn approved_then_confirm(lang: Lang, full_name: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã được {full_name} duyệt. Nhấn Enter để ghi nhận chi trả."),
        Lang::En => format!("Approved by {full_name}. Press Enter to record the payment."),
    }
}

/// On the counter after a payment.
pub fn paid_summary(lang: Lang, total: &str, name: &str, receipt_no: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã chi {total} cho {name}, biên nhận {receipt_no}."),
        Lang::En => format!("Paid {total} to {name}, receipt {receipt_no}."),
    }
}

/// Where the receipt was written.
pub fn receipt_written(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã ghi biên nhận: {file}"),
        Lang::En => format!("Receipt written: {file}"),
    }
}

/// After a copy was printed.
pub fn reprinted(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã in lại bản sao biên nhận ({file})."),
        Lang::En => format!("Copy of the receipt printed ({file})."),
    }
}

/// The bank field of a transfer.
pub fn label_bank(lang: Lang) -> &'static str {
    lang.pick("Ngân hàng/ví", "Bank/wallet")
}

/// A transfer to an account that is not on file, without its bank.
pub fn bank_needed(lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            "Tài khoản này không phải tài khoản trong hồ sơ: ghi cả ngân hàng (hoặc ví) nhận tiền."
                .into()
        }
        Lang::En => "This account is not the one on file: give its bank (or wallet) too.".into(),
    }
}

/// An account not on file, recorded with its bank.
pub fn account_at_bank(account: &str, bank: &str) -> String {
    format!("{account} ({bank})")
}
