//! Wording for the short way through a payment: the drawer's state on the
//! counter, the ID number checked at the search, cash the drawer cannot
//! pay (and why), and letters that go back to searching.

use crate::i18n::{Lang, Localize};
use crate::service::day::CashBlock;

/// The drawer's state on the counter's status line, short (never its
/// amount: the count is blind).
pub fn drawer_short(lang: Lang, opened: bool, counted: bool) -> &'static str {
    match (opened, counted) {
        (_, true) => lang.pick(
            "Quỹ đã kiểm đếm: hết chi tiền mặt",
            "Drawer counted: no more cash",
        ),
        (true, false) => lang.pick("Quỹ đã mở", "Drawer open"),
        (false, false) => lang.pick(
            "Quỹ chưa mở: chưa chi tiền mặt được",
            "Drawer not open: no cash yet",
        ),
    }
}

/// Beside "Chính chủ" when the file was opened by the person's own ID
/// number: step 2 will not ask it again.
pub fn id_checked_at_search(lang: Lang) -> &'static str {
    lang.pick("CCCD đã đối chiếu khi tìm", "ID checked at the search")
}

/// Beside the cash rows of step 3 when the drawer cannot pay.
pub fn cash_blocked_short(lang: Lang, why: CashBlock) -> &'static str {
    match why {
        CashBlock::NotOpened => lang.pick("quỹ chưa mở", "drawer not open"),
        CashBlock::Counted => lang.pick("quỹ đã kiểm đếm", "drawer counted"),
        CashBlock::Short => lang.pick("quỹ không đủ tiền", "not enough in the drawer"),
    }
}

/// Why cash cannot be chosen, and what to do.
pub fn cash_blocked(lang: Lang, why: CashBlock) -> String {
    why.localize(lang)
}

impl Localize for CashBlock {
    fn vi(&self) -> String {
        match self {
            CashBlock::NotOpened => "Không chi tiền mặt được: quỹ của bạn hôm nay chưa mở. \
                Nhờ trưởng bưu cục cấp tiền đầu ngày, hoặc chọn chuyển khoản."
                .into(),
            CashBlock::Counted => "Không chi tiền mặt được: quỹ của bạn hôm nay đã kiểm đếm. \
                Hẹn người nhận hôm sau, hoặc chọn chuyển khoản."
                .into(),
            CashBlock::Short => "Không chi tiền mặt được: quỹ của bạn không đủ số tiền này. \
                Nhờ trưởng bưu cục cấp thêm tiền, hoặc chọn chuyển khoản."
                .into(),
        }
    }

    fn en(&self) -> String {
        match self {
            CashBlock::NotOpened => "No cash: your drawer is not open today. \
                Ask the supervisor for the opening float, or choose a transfer."
                .into(),
            CashBlock::Counted => "No cash: your drawer is counted for today. \
                Ask the receiver to come back tomorrow, or choose a transfer."
                .into(),
            CashBlock::Short => "No cash: your drawer does not hold this amount. \
                Ask the supervisor for more cash, or choose a transfer."
                .into(),
        }
    }
}

/// The keys that start a new search on a person's file, in its help.
pub fn letters_key(lang: Lang) -> &'static str {
    lang.pick("chữ/số", "letters/digits")
}

/// What typing a letter or digit does on a person's file.
pub fn key_letters_search(lang: Lang) -> &'static str {
    lang.pick(
        "Tìm người khác: về quầy với chữ đã gõ",
        "Search for someone else: back to the counter with what was typed",
    )
}

/// Step 1's line while a card's number is scanned or typed (a CCCD starts
/// with 0, which no choice of the list does).
pub fn scanning(lang: Lang) -> &'static str {
    lang.pick("Số CCCD người nhận:", "Receiver's ID number:")
}

/// Step 1's key help for scanning the receiver's card.
pub fn key_scan(lang: Lang) -> &'static str {
    lang.pick(
        "Quét hoặc gõ số CCCD của người nhận (bắt đầu bằng 0): chọn đúng người đó",
        "Scan or type the receiver's ID number (starting with 0): chooses that receiver",
    )
}

/// A scanned number that is no receiver's on this file.
pub struct NotAReceiver(pub String);

impl Localize for NotAReceiver {
    fn vi(&self) -> String {
        format!(
            "Số CCCD {} không phải của người hưởng hay người được ủy quyền, giám hộ nào trong hồ sơ này. \
             Chọn người nhận bằng ↑ ↓ (hoặc số của dòng); người nhận mới thì chọn dòng \"người được ủy quyền mới\".",
            self.0
        )
    }
    fn en(&self) -> String {
        format!(
            "ID number {} is not the person's, nor any proxy's or guardian's on this file. \
             Choose the receiver with ↑ ↓ (or the row's number); for someone new, choose the new proxy row.",
            self.0
        )
    }
}
