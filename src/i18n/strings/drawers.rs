//! Wording with values in it for cash drawers: the blind count, the drawers
//! table, handing cash to and taking it from a drawer, and voids.

use crate::i18n::Lang;

/// The question before a count is recorded.
pub fn count_question(lang: Lang, total: &str) -> String {
    match lang {
        Lang::Vi => format!("Ghi số đếm {total}? Sau khi ghi không sửa được. (c/k)"),
        Lang::En => format!("Record the count of {total}? It cannot be changed. (y/n)"),
    }
}

/// A drawer's cash paid out, under the drawers table.
pub fn drawer_cash_line(lang: Lang, paid: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã chi tiền mặt {paid}"),
        Lang::En => format!("Cash paid {paid}"),
    }
}

/// Cash that came back into a drawer through voids.
pub fn drawer_voided_back(lang: Lang, amount: &str) -> String {
    match lang {
        Lang::Vi => format!(" · hủy chi hoàn lại quỹ {amount}"),
        Lang::En => format!(" · voids returned {amount}"),
    }
}

/// A recorded count, under the drawers table.
pub fn drawer_count_line(
    lang: Lang,
    counted: &str,
    at: &str,
    difference: &str,
    word: &str,
) -> String {
    match lang {
        Lang::Vi => format!("Đã đếm {counted} lúc {at} · chênh lệch {difference} ({word})"),
        Lang::En => format!("Counted {counted} at {at} · difference {difference} ({word})"),
    }
}

/// The PIN the other person must type.
pub fn move_need_pin(lang: Lang, full_name: &str) -> String {
    match lang {
        Lang::Vi => format!("Mời {full_name} gõ mã PIN của mình rồi nhấn Enter."),
        Lang::En => format!("{full_name} types their PIN, then Enter."),
    }
}

/// After cash was handed to or taken from a drawer.
pub fn moved(
    lang: Lang,
    kind: crate::domain::report::MoveKind,
    amount: &str,
    full_name: &str,
) -> String {
    use crate::domain::report::MoveKind;
    match (lang, kind) {
        (Lang::Vi, MoveKind::Float) => format!("Đã cấp {amount} đầu ngày cho {full_name}."),
        (Lang::Vi, MoveKind::Issue) => format!("Đã cấp thêm {amount} cho {full_name}."),
        (Lang::Vi, MoveKind::Return) => format!("Đã thu về {amount} từ quỹ của {full_name}."),
        (Lang::En, MoveKind::Float) => format!("Opening float of {amount} given to {full_name}."),
        (Lang::En, MoveKind::Issue) => format!("{amount} more given to {full_name}."),
        (Lang::En, MoveKind::Return) => format!("{amount} taken back from {full_name}."),
    }
}

/// What the supervisor approves when a payment is voided.
pub fn void_approval_reason(lang: Lang, receipt_no: &str, amount: &str, reason: &str) -> String {
    match lang {
        Lang::Vi => format!("Hủy chi biên nhận {receipt_no} ({amount}). Lý do: {reason}"),
        Lang::En => format!("Void receipt {receipt_no} ({amount}). Reason: {reason}"),
    }
}

/// After a void.
pub fn voided_done(lang: Lang, receipt_no: &str, amount: &str, cash: bool) -> String {
    match (lang, cash) {
        (Lang::Vi, true) => format!(
            "Đã hủy biên nhận {receipt_no} ({amount}); các khoản trở lại chưa chi, tiền mặt trở lại quỹ."
        ),
        (Lang::Vi, false) => {
            format!("Đã hủy biên nhận {receipt_no} ({amount}); các khoản trở lại chưa chi.")
        }
        (Lang::En, true) => format!(
            "Receipt {receipt_no} ({amount}) voided; its lines are owed again, the cash is back in the drawer."
        ),
        (Lang::En, false) => {
            format!("Receipt {receipt_no} ({amount}) voided; its lines are owed again.")
        }
    }
}

/// The void popup's note for cash paid on an earlier day: the cash goes
/// into today's drawer, so it must have come back first.
pub fn void_earlier_cash(lang: Lang, day: &str, amount: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Lần chi ngày {day} bằng tiền mặt: chỉ hủy khi người nhận đã nộp lại đủ {amount} và tiền đang ở quỹ của bạn hôm nay (quỹ hôm nay tăng {amount}; sổ ngày {day} không đổi). Chưa nộp lại thì không hủy: lập biên bản thu hồi. Cần trưởng bưu cục khác duyệt."
        ),
        Lang::En => format!(
            "Cash paid on {day}: void it only once the receiver has handed back all {amount} and it is in your drawer today (today's drawer grows by {amount}; {day}'s books do not change). Not handed back: do not void, write a recovery record. Another supervisor must approve."
        ),
    }
}
