//! Wording of cash, void and close refusals.

use super::{Localize, labels};
use crate::domain::report::Blocker;
use crate::service::day::DayError;
use crate::text::for_display;

impl Localize for Blocker {
    fn vi(&self) -> String {
        match self {
            Blocker::NotCounted { clerk } => {
                format!("Quỹ của {} chưa kiểm đếm cuối ca.", for_display(clerk))
            }
            Blocker::EarlierDayOpen { day } => format!(
                "Ngày {} trước đó chưa khóa sổ. Khóa sổ ngày đó trước.",
                labels::date(day)
            ),
            Blocker::NoReason { clerk, difference } => format!(
                "Quỹ của {} lệch {difference} nhưng chưa ghi lý do: người giữ quỹ đăng nhập, vào F2 › Kiểm đếm quỹ cuối ca và ghi lý do.",
                for_display(clerk)
            ),
            Blocker::RoundOut { round, postman } => format!(
                "Chuyến chi tại nhà số {round} ({}) chưa nộp lại tiền: nhận lại tiền của chuyến (F9 ở màn hình Chi tại nhà) rồi mới khóa sổ.",
                for_display(postman)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Blocker::NotCounted { clerk } => {
                format!("{}'s drawer has not been counted.", for_display(clerk))
            }
            Blocker::EarlierDayOpen { day } => {
                format!("{} is still open: close it first.", labels::date(day))
            }
            Blocker::NoReason { clerk, difference } => {
                format!(
                    "{}'s drawer differs by {difference} and has no reason.",
                    for_display(clerk)
                )
            }
            Blocker::RoundOut { round, postman } => format!(
                "Home round {round} ({}) has not brought its cash back: take it back first.",
                for_display(postman)
            ),
        }
    }
}

impl Localize for DayError {
    fn vi(&self) -> String {
        match self {
            DayError::AlreadyFloated { clerk } => format!(
                "{} đã nhận tiền đầu ngày hôm nay. Cấp thêm thì chọn \"cấp thêm\".",
                for_display(clerk)
            ),
            DayError::DrawerNotOpen { clerk } => format!(
                "Quỹ của {} hôm nay chưa mở: trưởng bưu cục cần cấp tiền đầu ngày trước.",
                for_display(clerk)
            ),
            DayError::DrawerCounted { clerk } => format!(
                "Quỹ của {} đã kiểm đếm cuối ca; hôm nay không chi/nhận tiền mặt qua quỹ này nữa.",
                for_display(clerk)
            ),
            DayError::NotEnoughCash { clerk, expected } => format!(
                "Quỹ của {} theo sổ chỉ còn {expected}; không thu về nhiều hơn số đó.",
                for_display(clerk)
            ),
            DayError::DrawerShort { clerk, needed } => format!(
                "Quỹ của {} không đủ tiền mặt để chi {needed}. Nhờ trưởng bưu cục cấp thêm tiền vào quỹ, rồi chi lại.",
                for_display(clerk)
            ),
            DayError::AlreadyCounted { clerk } => format!(
                "Quỹ của {} đã kiểm đếm rồi; mỗi quỹ chỉ đếm một lần trong ngày.",
                for_display(clerk)
            ),
            DayError::NotCountedYet { clerk } => format!(
                "Quỹ của {} chưa kiểm đếm: đếm quỹ trước, rồi mới ghi lý do chênh lệch.",
                for_display(clerk)
            ),
            DayError::ReasonGiven { clerk } => format!(
                "Lý do chênh lệch quỹ của {} đã ghi rồi; không ghi lần hai.",
                for_display(clerk)
            ),
            DayError::NotEarlier { day } => format!(
                "Ngày {} không phải ngày đã qua: đếm quỹ hôm nay thì bỏ --date.",
                labels::date(day)
            ),
            DayError::EmptyDay { day } => format!(
                "Ngày {} không có giao dịch nào. Nếu đúng là muốn khóa sổ ngày trống, chạy lại với --empty.",
                labels::date(day)
            ),
            DayError::BadAmount => "Số tiền phải lớn hơn 0 và là bội của mệnh giá nhỏ nhất.".into(),
            DayError::NotADenomination(d) => {
                format!("{d} đ không phải mệnh giá đang dùng (xem cash.denominations).")
            }
            DayError::NoDifference => "Quỹ khớp, không cần ghi lý do.".into(),
            DayError::ReasonMissing => "Cần ghi lý do.".into(),
            DayError::NoSuchReceipt(no) => format!("Không có biên nhận số {}.", for_display(no)),
            DayError::AlreadyVoided { receipt_no, at } => {
                format!(
                    "Biên nhận {receipt_no} đã bị hủy lúc {}.",
                    labels::date_time(at)
                )
            }
            DayError::PeriodClosed { receipt_no, period } => format!(
                "Biên nhận {} trả tiền kỳ {} đã khóa sổ; kết quả của kỳ đã gửi cơ quan chi trả nên không hủy được. Tiền chi sai kỳ đã khóa thì lập biên bản thu hồi.",
                for_display(receipt_no),
                labels::period(*period)
            ),
            DayError::BankTransfer {
                receipt_no,
                batch,
                reference,
            } => format!(
                "Không hủy được biên nhận {}: đây là khoản ngân hàng đã báo chuyển thành công theo lô số {batch} (mã {}), tiền đã đi qua ngân hàng. \
                 Hủy ở quầy thì người này lại được chi lần nữa. Nếu khoản này phải thu hồi (người đã mất, thôi hưởng), nhập danh sách giảm của cơ quan chi trả: \
                 khoản đó được ghi là phải thu hồi trong báo cáo kỳ. Nếu ngân hàng báo nhầm, làm việc với ngân hàng theo mã {}.",
                for_display(receipt_no),
                for_display(reference),
                for_display(reference)
            ),
            DayError::NotYet { day } => format!(
                "Ngày {} chưa đến: chỉ khóa sổ được ngày hôm nay hoặc ngày đã qua.",
                labels::date(day)
            ),
            DayError::EarlierDaysOpen { days } => format!(
                "Còn ngày trước chưa khóa sổ: {}. Khóa sổ lần lượt từ ngày cũ nhất.",
                days.iter()
                    .map(|d| labels::date(d))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            DayError::Blocked(blockers) => format!(
                "Chưa thể khóa sổ: {}",
                blockers
                    .iter()
                    .map(|b| b.vi())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            DayError::NotSound { findings } => format!(
                "Kiểm tra toàn vẹn thấy {findings} chỗ dữ liệu bị sửa ngoài chitra: không khóa sổ, vì khóa sổ sẽ niêm phong số liệu đã bị sửa. Chạy `chitra verify` (hoặc F2 › Kiểm tra dữ liệu) để xem từng chỗ, báo cấp trên, giữ nguyên tệp làm bằng chứng (docs/restore.md)."
            ),
            DayError::AlreadyClosed { day, at, by } => format!(
                "Ngày {} đã khóa sổ lúc {} bởi {}.",
                labels::date(day),
                labels::date_time(at),
                for_display(by)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            DayError::AlreadyFloated { clerk } => format!(
                "{} already has today's float; issue more instead.",
                for_display(clerk)
            ),
            DayError::DrawerNotOpen { clerk } => {
                format!(
                    "{}'s drawer is not open today: a supervisor must give the opening float first.",
                    for_display(clerk)
                )
            }
            DayError::DrawerCounted { clerk } => {
                format!(
                    "{}'s drawer has been counted; no more cash through it today.",
                    for_display(clerk)
                )
            }
            DayError::NotEnoughCash { clerk, expected } => {
                format!(
                    "{}'s drawer should hold only {expected}; cannot take back more.",
                    for_display(clerk)
                )
            }
            DayError::DrawerShort { clerk, needed } => format!(
                "{}'s drawer does not hold enough cash to pay {needed}. Ask the supervisor for more cash, then pay again.",
                for_display(clerk)
            ),
            DayError::AlreadyCounted { clerk } => format!(
                "{}'s drawer has already been counted; a drawer is counted once a day.",
                for_display(clerk)
            ),
            DayError::NotCountedYet { clerk } => format!(
                "{}'s drawer is not counted yet: count it first, then give the reason.",
                for_display(clerk)
            ),
            DayError::ReasonGiven { clerk } => format!(
                "The reason for {}'s difference is already written.",
                for_display(clerk)
            ),
            DayError::NotEarlier { day } => format!(
                "{} is not a past day: to count today, leave out --date.",
                labels::date(day)
            ),
            DayError::EmptyDay { day } => format!(
                "{} had no activity. To close an empty day on purpose, run again with --empty.",
                labels::date(day)
            ),
            DayError::BadAmount => {
                "The amount must be positive and a multiple of the smallest note.".into()
            }
            DayError::NotADenomination(d) => {
                format!("{d} đ is not a denomination in use (see cash.denominations).")
            }
            DayError::NoDifference => "The drawer agrees; no reason is needed.".into(),
            DayError::ReasonMissing => "A reason is needed.".into(),
            DayError::NoSuchReceipt(no) => format!("No receipt number {}.", for_display(no)),
            DayError::AlreadyVoided { receipt_no, at } => format!(
                "Receipt {receipt_no} was voided on {}.",
                labels::date_time(at)
            ),
            DayError::PeriodClosed { receipt_no, period } => format!(
                "Receipt {} pays period {}, which is closed; its results have gone to the social-affairs office, so it cannot be voided. Money paid wrongly in a closed period is recovered by a written record.",
                for_display(receipt_no),
                labels::period(*period)
            ),
            DayError::BankTransfer {
                receipt_no,
                batch,
                reference,
            } => format!(
                "Receipt {} cannot be voided: the bank reported it transferred in batch no. {batch} (code {}); the money left through the bank. \
                 Voided at the counter, the person could be paid again. If it must be recovered (the person died or stopped being entitled), import the payer's decrease list: \
                 it is then listed to recover in the period's report. If the bank reported it wrongly, take it up with the bank under code {}.",
                for_display(receipt_no),
                for_display(reference),
                for_display(reference)
            ),
            DayError::NotYet { day } => format!("{} has not come yet.", labels::date(day)),
            DayError::EarlierDaysOpen { days } => format!(
                "Earlier days are still open: {}. Close them oldest first.",
                days.iter()
                    .map(|d| labels::date(d))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            DayError::Blocked(blockers) => format!(
                "Cannot close yet: {}",
                blockers
                    .iter()
                    .map(|b| b.en())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            DayError::NotSound { findings } => format!(
                "The integrity check found {findings} places changed outside chitra: the day is not closed, as closing would seal changed numbers. Run `chitra verify` (or F2 › data check) to see each, report it, and keep the file as evidence (docs/restore.md)."
            ),
            DayError::AlreadyClosed { day, at, by } => {
                format!(
                    "{} was closed on {} by {}.",
                    labels::date(day),
                    labels::date_time(at),
                    for_display(by)
                )
            }
        }
    }
}

crate::localized_error!(DayError);
