//! Names of domain values as people read them: kinds of entitlement,
//! payment methods, receivers, statuses, month states.

use super::Lang;
use crate::domain::EntitlementKind;
use crate::domain::payment::{PayMethod, ReceiverKind};
use crate::domain::person::{Gender, Status};
use crate::service::counter::MonthState;

pub fn kind(lang: Lang, k: EntitlementKind) -> &'static str {
    use EntitlementKind as K;
    match k {
        K::TroCap => lang.pick("Trợ cấp hàng tháng", "Monthly allowance"),
        K::PhuCap => lang.pick("Phụ cấp hàng tháng", "Monthly supplement"),
        K::TruyLinh => lang.pick("Truy lĩnh", "Arrears"),
        K::MaiTang => lang.pick("Mai táng phí", "Funeral allowance"),
        K::MotLan => lang.pick("Trợ cấp một lần", "One-off allowance"),
        K::TruyThu => lang.pick("Truy thu (khấu trừ)", "Recovery (deduction)"),
        K::ChuyenKy => lang.pick("Kỳ trước chuyển sang", "Carried over"),
    }
}

pub fn method(lang: Lang, m: PayMethod) -> &'static str {
    match m {
        PayMethod::Cash => lang.pick("Tiền mặt tại quầy", "Cash at the counter"),
        PayMethod::Home => lang.pick("Tiền mặt tại nhà", "Cash at home"),
        PayMethod::Bank => lang.pick("Chuyển khoản ngân hàng", "Bank transfer"),
        PayMethod::Wallet => lang.pick("Chuyển vào tài khoản số", "Digital account transfer"),
    }
}

pub fn receiver(lang: Lang, r: ReceiverKind) -> &'static str {
    match r {
        ReceiverKind::Person => lang.pick("chính chủ", "the person"),
        ReceiverKind::Proxy => lang.pick("người được ủy quyền", "proxy"),
        ReceiverKind::Guardian => lang.pick("người giám hộ", "guardian"),
        ReceiverKind::Heir => lang.pick("người thừa kế", "heir"),
    }
}

pub fn status(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Active => lang.pick("đang hưởng", "active"),
        Status::Suspended => lang.pick("tạm dừng", "suspended"),
        Status::Deceased => lang.pick("đã mất", "deceased"),
        Status::Moved => lang.pick("chuyển đi", "moved away"),
    }
}

pub fn month_state(lang: Lang, s: MonthState) -> &'static str {
    match s {
        MonthState::Unpaid => lang.pick("chưa chi", "unpaid"),
        MonthState::Paid => lang.pick("đã chi", "paid"),
        MonthState::Suspended => lang.pick("tạm dừng", "suspended"),
        MonthState::Decreased => lang.pick("đã giảm", "removed"),
        MonthState::NothingDue => lang.pick("không có", "nothing due"),
    }
}

/// This month's state of a person whose status is `status`: a deceased
/// person reads "đã mất" (not "đã giảm"), and when something is still owed
/// to them, that their heir can be paid it.
pub fn person_month_state(
    lang: Lang,
    state: MonthState,
    status: Status,
    owed: bool,
) -> &'static str {
    match (state, status, owed) {
        (MonthState::Decreased, Status::Deceased, true) => {
            lang.pick("đã mất · chi thừa kế", "deceased · pay heir")
        }
        (MonthState::Decreased, Status::Deceased, false) => lang.pick("đã mất", "deceased"),
        _ => month_state(lang, state),
    }
}

pub fn gender(lang: Lang, g: Gender) -> &'static str {
    match g {
        Gender::Male => lang.pick("Nam", "Male"),
        Gender::Female => lang.pick("Nữ", "Female"),
    }
}

/// "dd/mm/yyyy" from "YYYY-MM-DD…" (a stored date or time).
pub fn date(stored: &str) -> String {
    match (stored.get(0..4), stored.get(5..7), stored.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => stored.to_string(),
    }
}

/// "dd/mm/yyyy HH:MM" from a stored time ("2026-11-28T15:04:05+07:00").
pub fn date_time(stored: &str) -> String {
    match stored.get(11..16) {
        Some(hm) => format!("{} {hm}", date(stored)),
        None => date(stored),
    }
}

/// "HH:MM" from a stored time ("2026-11-28T15:04:05+07:00").
pub fn time(stored: &str) -> String {
    stored.get(11..16).unwrap_or(stored).to_string()
}

/// A period as people write it: "12/2026".
pub fn period(p: crate::domain::Period) -> String {
    let s = p.to_string();
    match s.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dates_are_shown_day_first() {
        assert_eq!(date("2026-11-28"), "28/11/2026");
        assert_eq!(date_time("2026-11-28T15:04:05+07:00"), "28/11/2026 15:04");
        assert_eq!(time("2026-11-28T15:04:05+07:00"), "15:04");
    }
}
