//! Wording of the period's refusals.

use super::{Lang, Localize, labels};
use crate::domain::period::BadPeriod;
use crate::service::period::PeriodError;

impl Localize for BadPeriod {
    fn vi(&self) -> String {
        format!(
            "kỳ \"{}\" không hợp lệ: viết YYYY-MM, ví dụ 2026-11",
            self.0
        )
    }
    fn en(&self) -> String {
        format!(
            "period \"{}\" is not valid: write YYYY-MM, e.g. 2026-11",
            self.0
        )
    }
}

crate::localized_error!(BadPeriod);

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
                days.iter()
                    .map(|d| labels::date(d))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            PeriodError::ReasonsMissing { codes } => reasons_missing(
                Lang::Vi,
                codes,
                "Ghi lý do từng người (chitra period reason) hoặc chọn một lý do chung khi khóa (--default-reason).",
            ),
            PeriodError::BankPending { batches, codes } => bank_pending(
                Lang::Vi,
                batches,
                codes,
                "Nhập tệp kết quả của ngân hàng (chitra bank import) trước, rồi mới khóa kỳ.",
            ),
            PeriodError::RoundsOpen { rounds } => format!(
                "Chuyến chi tại nhà số {} còn giữ khoản của kỳ này mà chưa đối chiếu xong. Phát tiền, ghi kết quả từng nhà, nhận lại tiền và đối chiếu chuyến (màn hình Chi tại nhà) trước, rồi mới khóa kỳ.",
                join_numbers(rounds)
            ),
            PeriodError::NotOnList { period, who } => format!(
                "Không có ai mã hồ sơ hay số CCCD/CMND \"{}\" trong danh sách tháng {}.",
                crate::text::for_display(who),
                labels::period(*period)
            ),
            PeriodError::NotUnpaid { period, code } => format!(
                "{} không còn khoản chưa nhận trong tháng {} (đã chi hoặc đã dừng chi): không cần lý do.",
                crate::text::for_display(code),
                labels::period(*period)
            ),
            PeriodError::NoteNeeded => {
                "Lý do \"khác\" cần ghi rõ là gì (--note \"…\").".to_string()
            }
            PeriodError::Unbalanced {
                imported,
                paid,
                unpaid,
                stopped,
            } => format!(
                "Số liệu không khớp: theo danh sách {} nhưng đã chi {} + chưa nhận {} + dừng chi {}. Chưa khóa kỳ, chưa ghi tệp; chạy chitra verify và báo cho người quản trị.",
                money(*imported),
                money(*paid),
                money(*unpaid),
                money(*stopped)
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
            PeriodError::ReasonsMissing { codes } => reasons_missing(
                Lang::En,
                codes,
                "Give each one (chitra period reason) or one for all at the close (--default-reason).",
            ),
            PeriodError::BankPending { batches, codes } => bank_pending(
                Lang::En,
                batches,
                codes,
                "Import the bank's result file (chitra bank import) first, then close the period.",
            ),
            PeriodError::RoundsOpen { rounds } => format!(
                "Home round no. {} still holds lines of this period and is not reconciled. Issue it, record each home, take the cash back and reconcile it (home rounds screen) first, then close the period.",
                join_numbers(rounds)
            ),
            PeriodError::NotOnList { period, who } => format!(
                "Nobody with record code or ID number \"{}\" is on the lists of {period}.",
                crate::text::for_display(who)
            ),
            PeriodError::NotUnpaid { period, code } => format!(
                "{} has nothing unpaid in {period} (paid, or payment stopped): no reason is needed.",
                crate::text::for_display(code)
            ),
            PeriodError::NoteNeeded => {
                "The reason \"other\" needs a note (--note \"…\").".to_string()
            }
            PeriodError::Unbalanced {
                imported,
                paid,
                unpaid,
                stopped,
            } => format!(
                "The totals do not add up: {} imported but {} paid + {} unpaid + {} stopped. Nothing was closed or written; run chitra verify and tell the administrator.",
                money(*imported),
                money(*paid),
                money(*unpaid),
                money(*stopped)
            ),
        }
    }
}

/// A refusal of the period's close as the month screen says it: the
/// screen's own keys in place of the command line's (the reasons' page,
/// the bank's result on F6); `None` when the command line's words serve.
pub fn close_refused_on_screen(lang: Lang, e: &PeriodError) -> Option<String> {
    match e {
        PeriodError::ReasonsMissing { codes } => Some(reasons_missing(
            lang,
            codes,
            lang.pick(
                "Ghi lý do ở trang Lý do chưa nhận (Tab, rồi phím 1–6 cho từng người) trước khi khóa kỳ.",
                "Give each one on the Reasons page (Tab, then keys 1–6) before closing.",
            ),
        )),
        PeriodError::BankPending { batches, codes } => Some(bank_pending(
            lang,
            batches,
            codes,
            lang.pick(
                "Nhập tệp kết quả của ngân hàng (F6) trước khi khóa kỳ.",
                "Import the bank's result file (F6) before closing.",
            ),
        )),
        _ => None,
    }
}

/// Unpaid people without a reason, then `todo`.
fn reasons_missing(lang: Lang, codes: &[String], todo: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Còn {} người chưa nhận chưa ghi lý do: {}. {todo}",
            codes.len(),
            list(codes)
        ),
        Lang::En => format!(
            "{} unpaid people have no reason yet: {}. {todo}",
            codes.len(),
            list(codes)
        ),
    }
}

/// Transfer batches waiting for the bank, then `todo`.
fn bank_pending(lang: Lang, batches: &[i64], codes: &[String], todo: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Còn lô chuyển khoản chưa có kết quả của ngân hàng: lô số {} ({} người: {}). {todo}",
            numbers(batches),
            codes.len(),
            list(codes)
        ),
        Lang::En => format!(
            "Transfer batches still wait for the bank's result: batch no. {} ({} people: {}). {todo}",
            numbers(batches),
            codes.len(),
            list(codes)
        ),
    }
}

/// At most ten codes, then how many more.
fn list(codes: &[String]) -> String {
    let mut out: Vec<String> = codes
        .iter()
        .take(10)
        .map(|c| crate::text::for_display(c).into_owned())
        .collect();
    if codes.len() > 10 {
        out.push(format!("… (+{})", codes.len() - 10));
    }
    out.join(", ")
}

fn numbers(ns: &[i64]) -> String {
    ns.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
}

fn money(dong: i64) -> String {
    crate::domain::Money::from_dong(dong).to_string()
}

/// "3, 5" from round numbers.
fn join_numbers(ns: &[i64]) -> String {
    ns.iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
