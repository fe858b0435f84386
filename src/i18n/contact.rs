//! Wording of the numbers a person is reached and paid by, refused at the
//! counter or in a list: a mobile phone number, an account number.

use super::Localize;
use crate::domain::account::{AccountError, MAX_DIGITS, MIN_DIGITS};
use crate::domain::registration::PhoneError;
use crate::text::for_display;
use crate::text::normalize::code_point;

impl Localize for PhoneError {
    fn vi(&self) -> String {
        match self {
            PhoneError::Empty => "Chưa có số điện thoại.".into(),
            PhoneError::NonDigit { ch } => format!(
                "Số điện thoại chỉ gồm chữ số, nhưng có ký tự «{}». Nhập lại.",
                for_display(&ch.to_string())
            ),
            PhoneError::WrongLength { digits } => format!(
                "Số di động phải có đúng 10 chữ số (đang có {digits}). Số 11 chữ số cũ đã đổi sang 10 chữ số từ năm 2018: hỏi lại người dân số mới."
            ),
            PhoneError::UnknownPrefix { prefix } => format!(
                "Đầu số {} không phải đầu số di động Việt Nam (03x, 05x, 07x, 08x, 09x). Số bàn không nhận tin nhắn của ngân hàng: hỏi số di động.",
                for_display(prefix)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            PhoneError::Empty => "No phone number.".into(),
            PhoneError::NonDigit { ch } => format!(
                "A phone number has only digits, but this one has «{}».",
                for_display(&ch.to_string())
            ),
            PhoneError::WrongLength { digits } => {
                format!("A mobile number has exactly 10 digits (this one has {digits}).")
            }
            PhoneError::UnknownPrefix { prefix } => format!(
                "{} is not a Vietnamese mobile prefix (03x, 05x, 07x, 08x, 09x).",
                for_display(prefix)
            ),
        }
    }
}

fn shown(ch: char) -> String {
    match ch {
        '\t' => "tab".into(),
        c if c.is_control() || c.is_whitespace() => code_point(c),
        c => format!(
            "«{}» ({})",
            for_display(c.encode_utf8(&mut [0; 4])),
            code_point(c)
        ),
    }
}

impl Localize for AccountError {
    fn vi(&self) -> String {
        match self {
            AccountError::NonDigit { ch } => format!(
                "Số tài khoản có ký tự {}: số tài khoản chỉ gồm chữ số ({MIN_DIGITS}–{MAX_DIGITS} chữ số; \
                 ví điện tử là số điện thoại). Hãy ghi lại đúng số tài khoản.",
                shown(*ch)
            ),
            AccountError::Length { digits } => format!(
                "Số tài khoản có {digits} chữ số; số tài khoản có từ {MIN_DIGITS} đến {MAX_DIGITS} chữ số \
                 (ví điện tử: số điện thoại 10 chữ số). Hãy ghi lại đúng số tài khoản."
            ),
            AccountError::Rounded { digits } => format!(
                "Số tài khoản {digits} chữ số được lưu trong Excel dưới dạng số, nên Excel đã làm tròn \
                 các chữ số sau chữ số thứ 15. Hãy định dạng cột Số tài khoản là Văn bản (Text), gõ lại \
                 số đúng rồi nhập lại."
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            AccountError::NonDigit { ch } => format!(
                "The account number holds {}: an account number is digits only ({MIN_DIGITS}–{MAX_DIGITS}; \
                 a wallet's is its phone number). Write the account number again.",
                shown(*ch)
            ),
            AccountError::Length { digits } => format!(
                "The account number has {digits} digits; account numbers have {MIN_DIGITS} to {MAX_DIGITS} \
                 (a wallet: its 10-digit phone number). Write the account number again."
            ),
            AccountError::Rounded { digits } => format!(
                "The {digits}-digit account number was kept by Excel as a number, which rounds every digit \
                 after the 15th. Format the account column as Text, type the number again and import again."
            ),
        }
    }
}

crate::localized_error!(PhoneError, AccountError);
