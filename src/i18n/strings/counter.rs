//! Wording with values in it for the counter's search and a person's file
//! (proxies, unpaid lines).

use crate::i18n::Lang;

/// How many people the counter found.
pub fn counter_found(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("{n} người"),
        Lang::En => format!("{n} found"),
    }
}

/// The chosen row was found by the ID number of its proxy or guardian on
/// file: who they are, and when their authorisation cannot be used today,
/// why. What matters most comes first: the status line is cut at its end
/// when a long name does not fit beside the drawer's state.
pub fn counter_found_through(lang: Lang, t: &crate::service::counter::Through) -> String {
    use crate::domain::proxy::Validity;
    let name = crate::text::for_display(&t.full_name);
    let day = |d: &chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let paper = match (lang, t.guardian) {
        (Lang::Vi, false) => "Giấy ủy quyền",
        (Lang::Vi, true) => "Giấy giám hộ",
        (Lang::En, false) => "Authorisation",
        (Lang::En, true) => "Guardianship",
    };
    match (lang, &t.validity, t.guardian) {
        (Lang::Vi, Validity::InDate, false) => {
            format!("CCCD của người được ủy quyền {name}, nhận thay")
        }
        (Lang::Vi, Validity::InDate, true) => format!("CCCD của người giám hộ {name}, nhận thay"),
        (Lang::Vi, Validity::Expired { on }, _) => {
            format!("{paper} hết hạn {} (CCCD của {name})", day(on))
        }
        (Lang::Vi, Validity::NotYetValid { from }, _) => {
            format!("{paper} hiệu lực từ {} (CCCD của {name})", day(from))
        }
        (Lang::En, Validity::InDate, false) => format!("ID of {name}, proxy, collecting"),
        (Lang::En, Validity::InDate, true) => format!("ID of {name}, guardian, collecting"),
        (Lang::En, Validity::Expired { on }, _) => {
            format!("{paper} ended {} (ID of {name})", day(on))
        }
        (Lang::En, Validity::NotYetValid { from }, _) => {
            format!("{paper} valid from {} (ID of {name})", day(from))
        }
    }
}

/// Nobody matches what was typed (already made harmless by the caller).
/// Nobody found. When the search is only digits, fewer than an ID
/// number's last six (spaces, dots and dashes between groups aside), it
/// says how many an ID number needs.
pub fn counter_nobody(lang: Lang, query: &str) -> String {
    let digits: Vec<char> = query
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .collect();
    let few_digits =
        !digits.is_empty() && digits.len() < 6 && digits.iter().all(char::is_ascii_digit);
    match (lang, few_digits) {
        (Lang::Vi, false) => {
            format!("Không tìm thấy ai với “{query}”. Kiểm tra lại số giấy tờ, mã hoặc họ tên.")
        }
        (Lang::Vi, true) => format!(
            "Không tìm thấy ai với “{query}”. Tìm theo số CCCD/CMND cần gõ ít nhất 6 chữ số cuối (hoặc cả số); ít hơn 6 chữ số chỉ tìm theo số của mã hồ sơ."
        ),
        (Lang::En, false) => format!("Nobody found for “{query}”. Check the number, code or name."),
        (Lang::En, true) => format!(
            "Nobody found for “{query}”. An ID number needs at least its last 6 digits (or all of it); fewer digits only find a record code's number."
        ),
    }
}

/// A proxy usable until `date` (dd/mm/yyyy).
pub fn valid_until(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Vi => format!("còn hạn đến {date}"),
        Lang::En => format!("valid until {date}"),
    }
}

/// A proxy whose authorisation ended on `date`.
pub fn expired_on(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Vi => format!("hết hạn {date}"),
        Lang::En => format!("expired {date}"),
    }
}

/// A proxy's row that no longer matches its seal.
pub fn proxy_tampered(lang: Lang) -> &'static str {
    lang.pick(
        "BỊ SỬA NGOÀI CHITRA, không dùng được",
        "CHANGED OUTSIDE CHITRA, not usable",
    )
}

/// A proxy whose authorisation starts on `date`.
pub fn not_yet_valid(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Vi => format!("chưa hiệu lực (từ {date})"),
        Lang::En => format!("not yet valid (from {date})"),
    }
}

/// A month whose list came before the month did: what it holds and from
/// when it is paid.
pub fn owed_ahead(
    lang: Lang,
    period: crate::domain::Period,
    amount: crate::domain::Money,
) -> String {
    let from = period.first_day().format("%d/%m/%Y");
    match lang {
        Lang::Vi => format!(
            "Kỳ {} ({amount}) đã có danh sách nhưng chưa đến tháng: chi từ ngày {from}.",
            period.short_label()
        ),
        Lang::En => format!(
            "Period {} ({amount}) is listed but its month has not begun: paid from {from}.",
            period.short_label()
        ),
    }
}

/// The total row of the unpaid lines.
pub fn total_of_lines(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Tổng cộng ({n} khoản)"),
        Lang::En => format!("Total ({n} lines)"),
    }
}
