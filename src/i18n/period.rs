//! Wording of the period's refusals.

use super::{Localize, labels};
use crate::service::period::PeriodError;

impl Localize for PeriodError {
    fn vi(&self) -> String {
        match self {
            PeriodError::NotImported { period } => format!(
                "Chưa nhập danh sách tháng {} nên chưa có gì để báo cáo hay khóa.",
                labels::period(*period)
            ),
            PeriodError::AlreadyClosed { period, at } => format!(
                "Kỳ {} đã khóa lúc {}.",
                labels::period(*period),
                labels::date_time(at)
            ),
            PeriodError::WindowOpen { period, last_day } => format!(
                "Kỳ {} chưa hết hạn chi trả (đến ngày {last_day} hằng tháng): khóa kỳ sau ngày đó.",
                labels::period(*period)
            ),
            PeriodError::DaysOpen { days } => format!(
                "Còn ngày chưa khóa sổ: {}. Khóa sổ các ngày đó trước, rồi mới khóa kỳ.",
                days.iter().map(|d| labels::date(d)).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            PeriodError::NotImported { period } => {
                format!("No list of {period} was imported: nothing to report or close.")
            }
            PeriodError::AlreadyClosed { period, at } => {
                format!("{period} was closed at {}.", labels::date_time(at))
            }
            PeriodError::WindowOpen { period, last_day } => format!(
                "The payment window of {period} is not over (it runs to day {last_day}): close it after that."
            ),
            PeriodError::DaysOpen { days } => format!(
                "Days are still open: {}. Close them first, then the period.",
                days.join(", ")
            ),
        }
    }
}
