//! Wording of what a monthly list changes in the file of a person already
//! on it (name, ID number, payment method, account): old → new, and what
//! that means for the next payment — the list's value from now on, or the
//! one the office registered at the counter, which stays in use.

use super::{Lang, labels};
use crate::service::import::{Account, AccountUse, DetailChange};
use crate::text::for_display;

/// "Dòng 4 THAY ĐỔI HỒ SƠ …" is followed by one of these per detail.
pub fn lines(lang: Lang, details: &[DetailChange]) -> Vec<String> {
    details
        .iter()
        .map(|d| format!("      {}", line(lang, d)))
        .collect()
}

fn line(lang: Lang, d: &DetailChange) -> String {
    let shown = |s: &str| for_display(s).into_owned();
    let id = |s: &Option<String>| s.as_deref().map_or_else(|| "—".to_string(), shown);
    match d {
        DetailChange::Name { old, new } => format!(
            "{} {} → {}",
            lang.pick("Họ tên:", "Name:"),
            shown(old),
            shown(new)
        ),
        DetailChange::IdNumber { old, new, kept } => format!(
            "{} {} → {} — {}",
            lang.pick("Số CCCD/CMND:", "ID number:"),
            id(old),
            shown(new),
            match kept {
                Some(k) => match lang {
                    Lang::Vi => format!(
                        "bưu điện đã đăng ký số {}: quầy vẫn kiểm tra giấy tờ theo số đã đăng ký",
                        shown(k)
                    ),
                    Lang::En => format!(
                        "the office registered {}: the counter still checks the registered number",
                        shown(k)
                    ),
                },
                None => lang
                    .pick(
                        "từ nay quầy kiểm tra giấy tờ theo số mới",
                        "from now on the counter checks the new number",
                    )
                    .to_string(),
            }
        ),
        DetailChange::Method { old, new, kept } => format!(
            "{} {} → {} — {}",
            lang.pick("Hình thức nhận:", "Method:"),
            labels::method(lang, *old),
            labels::method(lang, *new),
            match kept {
                Some(k) => match lang {
                    Lang::Vi => format!(
                        "bưu điện đã đăng ký «{}»: vẫn chi theo đăng ký",
                        labels::method(lang, *k)
                    ),
                    Lang::En => format!(
                        "the office registered «{}»: still paid that way",
                        labels::method(lang, *k)
                    ),
                },
                None => lang
                    .pick(
                        "từ nay chi theo hình thức mới",
                        "from now on paid the new way",
                    )
                    .to_string(),
            }
        ),
        DetailChange::Account { old, new, used } => format!(
            "{} {} → {} — {}",
            lang.pick("Tài khoản:", "Account:"),
            account(old),
            account(new),
            match (used, lang) {
                (AccountUse::New, _) => lang
                    .pick(
                        "lần chuyển khoản tới sẽ vào tài khoản mới",
                        "the next transfer goes to the new account",
                    )
                    .to_string(),
                (AccountUse::Registered(k), Lang::Vi) => format!(
                    "bưu điện đã đăng ký {}: vẫn chuyển vào tài khoản đã đăng ký",
                    account(k)
                ),
                (AccountUse::Registered(k), Lang::En) => format!(
                    "the office registered {}: transfers still go there",
                    account(k)
                ),
                (AccountUse::NoTransfer(m), Lang::Vi) => format!(
                    "không chuyển khoản: vẫn chi bằng «{}»",
                    labels::method(lang, *m)
                ),
                (AccountUse::NoTransfer(m), Lang::En) =>
                    format!("no transfer: still paid by «{}»", labels::method(lang, *m)),
            }
        ),
        DetailChange::Other { detail, old, new } => {
            let field = crate::import::Field::from_code(detail);
            let name = match (field, lang) {
                (Some(f), Lang::Vi) => super::import_source::field_vi(f),
                (Some(f), Lang::En) => super::import_source::field_en(f),
                (None, _) => detail.as_str(),
            };
            format!("{name}: {} → {}", id(old), shown(new))
        }
    }
}

/// "0123456789 (Agribank)", or "—" for none.
fn account(a: &Account) -> String {
    match (&a.number, &a.bank) {
        (None, None) => "—".into(),
        (Some(n), None) => for_display(n).into_owned(),
        (None, Some(b)) => format!("— ({})", for_display(b)),
        (Some(n), Some(b)) => format!("{} ({})", for_display(n), for_display(b)),
    }
}

/// The line after the kept previews when more people's details changed.
pub fn more(lang: Lang, hidden: usize) -> String {
    match lang {
        Lang::Vi => format!("  … và {hidden} người khác được danh sách thay đổi hồ sơ."),
        Lang::En => format!("  … and {hidden} more people whose details the list changes."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PayMethod;

    #[test]
    fn a_change_says_old_new_and_what_stays_in_both_languages() {
        let d = DetailChange::Account {
            old: Account {
                number: Some("111111".into()),
                bank: Some("Agribank".into()),
            },
            new: Account {
                number: Some("999999\u{1b}[2J".into()),
                bank: None,
            },
            used: AccountUse::New,
        };
        let vi = line(Lang::Vi, &d);
        assert!(
            vi.starts_with("Tài khoản: 111111 (Agribank) → 999999"),
            "{vi}"
        );
        assert!(
            vi.contains("tài khoản mới") && !vi.contains('\u{1b}'),
            "{vi}"
        );
        let d = DetailChange::Method {
            old: PayMethod::Cash,
            new: PayMethod::Bank,
            kept: Some(PayMethod::Cash),
        };
        let en = line(Lang::En, &d);
        assert!(en.contains("«Cash at the counter»: still paid"), "{en}");
    }
}
