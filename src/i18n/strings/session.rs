//! Wording with values in it for the frame around every screen, signing
//! in, and a supervisor's approval on the spot.

use crate::i18n::Lang;

/// Shown instead of the screen when the window is smaller than 80×24.
pub fn too_small(lang: Lang, width: u16, height: u16) -> String {
    match lang {
        Lang::Vi => format!("Cửa sổ quá nhỏ: cần ít nhất 80×24, hiện là {width}×{height}"),
        Lang::En => format!("Window too small: needs at least 80×24, now {width}×{height}"),
    }
}

/// After signing in.
pub fn welcome(lang: Lang, full_name: &str) -> String {
    match lang {
        Lang::Vi => format!("Xin chào {full_name}."),
        Lang::En => format!("Welcome, {full_name}."),
    }
}

/// After a supervisor approved on the spot.
pub fn approved_by(lang: Lang, full_name: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã được {full_name} duyệt."),
        Lang::En => format!("Approved by {full_name}."),
    }
}

/// The drawer's state for its clerk (never its amount: the count is blind).
pub fn drawer_state_line(lang: Lang, opened: bool, counted: bool) -> &'static str {
    match (lang, opened, counted) {
        (Lang::Vi, _, true) => "Quỹ hôm nay đã kiểm đếm: không chi tiền mặt nữa.",
        (Lang::Vi, true, false) => "Quỹ hôm nay đã mở.",
        (Lang::Vi, false, _) => {
            "Quỹ hôm nay chưa mở: chi tiền mặt cần trưởng bưu cục cấp tiền đầu ngày."
        }
        (Lang::En, _, true) => "Today's drawer is counted: no more cash payments.",
        (Lang::En, true, false) => "Today's drawer is open.",
        (Lang::En, false, _) => {
            "Today's drawer is not open: cash needs the supervisor's opening float."
        }
    }
}

/// Earlier days left open, announced at sign-in and with a float.
pub fn open_days_notice(lang: Lang, days: &[crate::service::day::OpenDay]) -> Option<String> {
    let first = days.first()?;
    let day = crate::i18n::labels::date(&first.day);
    let who = first
        .uncounted
        .iter()
        .map(|n| crate::text::for_display(n))
        .collect::<Vec<_>>()
        .join(", ");
    let more = days.len() - 1;
    Some(match (lang, who.is_empty(), more) {
        (Lang::Vi, true, 0) => {
            format!("Ngày {day} chưa khóa sổ: trưởng bưu cục khóa sổ ngày đó trước.")
        }
        (Lang::Vi, true, n) => {
            format!("Ngày {day} và {n} ngày sau đó chưa khóa sổ: trưởng bưu cục khóa sổ lần lượt.")
        }
        (Lang::Vi, false, 0) => format!(
            "Ngày {day} chưa khóa sổ, quỹ của {who} chưa kiểm đếm: trưởng bưu cục hoàn tất (chitra drawer count --date) rồi khóa sổ."
        ),
        (Lang::Vi, false, n) => format!(
            "Ngày {day} (và {n} ngày sau) chưa khóa sổ, quỹ của {who} chưa kiểm đếm: trưởng bưu cục hoàn tất rồi khóa sổ."
        ),
        (Lang::En, true, _) => {
            format!("{day} is not closed ({more} more after it): the supervisor closes it first.")
        }
        (Lang::En, false, _) => format!(
            "{day} is not closed ({more} more after it); {who}'s drawer was not counted: the supervisor finishes it, then closes."
        ),
    })
}

/// The screen lock's title.
pub fn lock_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "MÀN HÌNH ĐÃ KHÓA",
        Lang::En => "SCREEN LOCKED",
    }
}

/// What the screen lock says: since when, why, who may open it, and
/// whether a payment not yet recorded was dropped.
pub fn lock_lines(
    lang: Lang,
    full_name: &str,
    at: &str,
    minutes: u32,
    dropped: bool,
) -> Vec<String> {
    let mut lines = match lang {
        Lang::Vi => vec![
            format!("Khóa lúc {at}: không có phím nào trong {minutes} phút."),
            format!("{full_name} nhập PIN rồi nhấn Enter để mở lại."),
            "Người khác dùng máy: F10 (hoặc Ctrl-W) đăng xuất.".to_string(),
        ],
        Lang::En => vec![
            format!("Locked at {at}: no key for {minutes} minutes."),
            format!("{full_name}: type your PIN and press Enter to open."),
            "Someone else: F10 (or Ctrl-W) signs out.".to_string(),
        ],
    };
    if dropped {
        lines.push(
            match lang {
                Lang::Vi => "Lần chi đang làm dở đã bỏ, chưa ghi gì: mở lại rồi chi lại.",
                Lang::En => "The payment being made was dropped, nothing recorded: pay again.",
            }
            .to_string(),
        );
    }
    lines
}

/// After the PIN opened the screen lock.
pub fn unlocked(lang: Lang, dropped: bool) -> &'static str {
    match (lang, dropped) {
        (Lang::Vi, false) => "Đã mở khóa.",
        (Lang::Vi, true) => {
            "Đã mở khóa. Lần chi làm dở trước khi khóa chưa ghi: kiểm tra lại người nhận rồi chi lại."
        }
        (Lang::En, false) => "Unlocked.",
        (Lang::En, true) => {
            "Unlocked. The payment being made before the lock was not recorded: check the receiver and pay again."
        }
    }
}

/// The screen lock's keys.
pub fn lock_keys(lang: Lang) -> [(&'static str, &'static str); 3] {
    match lang {
        Lang::Vi => [
            ("Mở khóa bằng PIN", "Mở khóa"),
            ("Đăng xuất để người khác đăng nhập", "Đăng xuất"),
            ("Xóa PIN đã gõ", "Xóa"),
        ],
        Lang::En => [
            ("Unlock with the PIN", "Unlock"),
            ("Sign out so someone else can sign in", "Sign out"),
            ("Clear the PIN typed", "Clear"),
        ],
    }
}
