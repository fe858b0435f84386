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
/// why.
pub fn counter_found_through(lang: Lang, t: &crate::service::counter::Through) -> String {
    use crate::domain::proxy::Validity;
    let name = crate::text::for_display(&t.full_name);
    let who = match (lang, t.guardian) {
        (Lang::Vi, false) => format!("CCCD của người được ủy quyền {name}"),
        (Lang::Vi, true) => format!("CCCD của người giám hộ {name}"),
        (Lang::En, false) => format!("ID of {name}, proxy"),
        (Lang::En, true) => format!("ID of {name}, guardian"),
    };
    let day = |d: &chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    match (lang, &t.validity) {
        (Lang::Vi, Validity::InDate) => format!("{who}, nhận thay"),
        (Lang::Vi, Validity::Expired { on }) => format!("{who}: giấy hết hạn {}", day(on)),
        (Lang::Vi, Validity::NotYetValid { from }) => {
            format!("{who}: giấy hiệu lực từ {}", day(from))
        }
        (Lang::En, Validity::InDate) => format!("{who}, collecting"),
        (Lang::En, Validity::Expired { on }) => {
            format!("{who}: authorisation ended {}", day(on))
        }
        (Lang::En, Validity::NotYetValid { from }) => {
            format!("{who}: authorisation valid from {}", day(from))
        }
    }
}

/// Nobody matches what was typed (already made harmless by the caller).
pub fn counter_nobody(lang: Lang, query: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("Không tìm thấy ai với “{query}”. Kiểm tra lại số giấy tờ, mã hoặc họ tên.")
        }
        Lang::En => format!("Nobody found for “{query}”. Check the number, code or name."),
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

/// The total row of the unpaid lines.
pub fn total_of_lines(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Tổng cộng ({n} khoản)"),
        Lang::En => format!("Total ({n} lines)"),
    }
}
