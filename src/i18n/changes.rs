//! Wording of the change lists (decrease, increase, adjustment): their
//! columns, the problems of their rows, the reasons a payment stops and
//! the preview of what each row does.

use super::{Lang, Localize, lang};
use crate::import::Field;
use crate::import::change::ChangeIssue;
use crate::store::changes::StopReason;

/// The Vietnamese name of a change list's own column.
pub fn field_vi(field: Field) -> &'static str {
    match field {
        Field::Reason => "Lý do",
        Field::FromMonth => "Từ tháng",
        Field::OldAmount => "Mức cũ",
        Field::NewAmount => "Mức mới",
        _ => "",
    }
}

/// The English name of a change list's own column.
pub fn field_en(field: Field) -> &'static str {
    match field {
        Field::Reason => "reason",
        Field::FromMonth => "from month",
        Field::OldAmount => "old amount",
        Field::NewAmount => "new amount",
        _ => "",
    }
}

/// Why payment stops, in the current language.
pub fn stop_reason(r: StopReason) -> &'static str {
    match (r, lang()) {
        (StopReason::Died, Lang::Vi) => "đã chết",
        (StopReason::Moved, Lang::Vi) => "chuyển đi",
        (StopReason::Ended, Lang::Vi) => "hết hưởng",
        (StopReason::Other, Lang::Vi) => "lý do khác",
        (StopReason::Died, Lang::En) => "died",
        (StopReason::Moved, Lang::En) => "moved away",
        (StopReason::Ended, Lang::En) => "benefit ended",
        (StopReason::Other, Lang::En) => "other reason",
    }
}

impl Localize for ChangeIssue {
    fn vi(&self) -> String {
        match self {
            ChangeIssue::NoMonth => {
                "Thiếu tháng bắt đầu (cột \"Từ tháng\", ví dụ 11/2026).".into()
            }
            ChangeIssue::BadMonth(v) => format!(
                "Tháng \"{}\" không đọc được (cần tháng/năm, ví dụ 11/2026).",
                crate::text::for_display(v)
            ),
            ChangeIssue::NoReason => {
                "Thiếu lý do giảm (chết, chuyển đi, hết hưởng hoặc lý do khác).".into()
            }
            ChangeIssue::NotOnFile => "Không có người này trong hồ sơ (theo mã đối tượng và số CCCD/CMND). \
                 Kiểm tra lại với cơ quan chi trả."
                .into(),
            ChangeIssue::AlreadyStopped { from } => format!(
                "Người này đã bị dừng chi trả từ tháng {} rồi.",
                from.short_label()
            ),
            ChangeIssue::Repeated { first_row } => {
                format!("Người này đã có ở dòng {first_row} của cùng danh sách.")
            }
            ChangeIssue::NoAmounts => "Thiếu mức cũ hoặc mức mới.".into(),
            ChangeIssue::OldAmountDiffers { listed, on_file } => format!(
                "Mức cũ ghi {listed} nhưng trong hồ sơ người này đang hưởng {on_file}."
            ),
            ChangeIssue::AlreadyOnFile => {
                "Người này đã có trong hồ sơ; danh sách tăng chỉ ghi người mới.".into()
            }
            ChangeIssue::ColumnTotal { stated, computed } => format!(
                "Dòng tổng cộng ghi {stated} nhưng cộng các dòng được {computed}."
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            ChangeIssue::NoMonth => "No month the change takes effect from (\"Từ tháng\", e.g. 11/2026).".into(),
            ChangeIssue::BadMonth(v) => format!(
                "The month \"{}\" cannot be read (month/year, e.g. 11/2026).",
                crate::text::for_display(v)
            ),
            ChangeIssue::NoReason => "No reason for the decrease.".into(),
            ChangeIssue::NotOnFile => {
                "Nobody on file with this record code or ID number.".into()
            }
            ChangeIssue::AlreadyStopped { from } => {
                format!("This person's payment was already stopped from {}.", from.short_label())
            }
            ChangeIssue::Repeated { first_row } => {
                format!("This person is already on row {first_row} of the same list.")
            }
            ChangeIssue::NoAmounts => "The old or the new amount is missing.".into(),
            ChangeIssue::OldAmountDiffers { listed, on_file } => {
                format!("The old amount is {listed} but on file the person is paid {on_file}.")
            }
            ChangeIssue::AlreadyOnFile => {
                "This person is already on file; an increase list adds new people only.".into()
            }
            ChangeIssue::ColumnTotal { stated, computed } => {
                format!("The total row says {stated} but the rows add up to {computed}.")
            }
        }
    }
}
