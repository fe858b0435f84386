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
