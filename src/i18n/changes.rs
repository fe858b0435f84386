//! Wording of the change lists (decrease, increase, adjustment): their
//! columns, the problems of their rows, the reasons a payment stops and
//! the preview of what each row does.

use super::{Lang, Localize};
use crate::domain::Money;
use crate::import::Field;
use crate::import::change::ChangeIssue;
use crate::service::import::{ChangeAction, ChangePreview};
use crate::store::changes::{LineState, StopReason};

/// The Vietnamese name of a change list's own column.
pub fn field_vi(field: Field) -> &'static str {
    match field {
        Field::Reason => "Lý do",
        Field::FromMonth => "Từ tháng",
        Field::OldAmount => "Mức cũ",
        Field::NewAmount => "Mức mới",
        _ => "",
    }
}

/// The English name of a change list's own column.
pub fn field_en(field: Field) -> &'static str {
    match field {
        Field::Reason => "reason",
        Field::FromMonth => "from month",
        Field::OldAmount => "old amount",
        Field::NewAmount => "new amount",
        _ => "",
    }
}

/// Why payment stops, in `lang`.
pub fn stop_reason(lang: Lang, r: StopReason) -> &'static str {
    match (r, lang) {
        (StopReason::Died, Lang::Vi) => "đã mất",
        (StopReason::Moved, Lang::Vi) => "chuyển đi",
        (StopReason::Ended, Lang::Vi) => "hết hưởng",
        (StopReason::Other, Lang::Vi) => "lý do khác",
        (StopReason::Died, Lang::En) => "died",
        (StopReason::Moved, Lang::En) => "moved away",
        (StopReason::Ended, Lang::En) => "benefit ended",
        (StopReason::Other, Lang::En) => "other reason",
    }
}

impl Localize for ChangeIssue {
    fn vi(&self) -> String {
        match self {
            ChangeIssue::NoMonth => "Thiếu tháng bắt đầu (cột \"Từ tháng\", ví dụ 11/2026).".into(),
            ChangeIssue::BadMonth(v) => format!(
                "Tháng \"{}\" không đọc được (cần tháng/năm, ví dụ 11/2026).",
                crate::text::for_display(v)
            ),
            ChangeIssue::NoSuchDate(v) => format!(
                "Ngày/tháng \"{}\" không có thật (ví dụ ngày 31/02 hay tháng 13). Hãy sửa ô này theo quyết \
                 định của cơ quan chi trả (tháng/năm, ví dụ 11/2026) rồi nhập lại.",
                crate::text::for_display(v)
            ),
            ChangeIssue::MonthOutOfRange(v) => format!(
                "Tháng \"{}\" ngoài khoảng hợp lệ (từ năm 2000 đến 2200). Hãy kiểm tra năm trong ô này \
                 rồi nhập lại.",
                crate::text::for_display(v)
            ),
            ChangeIssue::MonthAfterList { from, list } => format!(
                "Từ tháng {} là sau tháng {} của danh sách: thay đổi của tháng sau phải ở danh sách của \
                 tháng đó. Hãy kiểm tra lại tháng với cơ quan chi trả, hoặc nhập danh sách này vào đúng kỳ \
                 (--period).",
                from.short_label(),
                list.short_label()
            ),
            ChangeIssue::MonthLongBefore { from, months } => format!(
                "Dừng chi từ tháng {}, trước tháng của danh sách {months} tháng: các khoản đã chi từ tháng \
                 đó sẽ là chi thừa phải thu hồi. Hãy kiểm tra lại tháng với cơ quan chi trả trước khi ghi.",
                from.short_label()
            ),
            ChangeIssue::NoReason => {
                "Thiếu lý do giảm (chết, chuyển đi, hết hưởng hoặc lý do khác).".into()
            }
            ChangeIssue::NotOnFile => {
                "Không có người này trong hồ sơ (theo mã đối tượng và số CCCD/CMND). \
                 Kiểm tra lại với cơ quan chi trả."
                    .into()
            }
            ChangeIssue::AlreadyStopped { from } => format!(
                "Người này đã bị dừng chi trả từ tháng {} rồi.",
                from.short_label()
            ),
            ChangeIssue::Repeated { first_row } => {
                format!("Người này đã có ở dòng {first_row} của cùng danh sách.")
            }
            ChangeIssue::NoAmounts => "Thiếu mức cũ hoặc mức mới.".into(),
            ChangeIssue::OldAmountDiffers { listed, on_file } => {
                format!("Mức cũ ghi {listed} nhưng trong hồ sơ người này đang hưởng {on_file}.")
            }
            ChangeIssue::AlreadyOnFile => {
                "Người này đã có trong hồ sơ; danh sách tăng chỉ ghi người mới.".into()
            }
            ChangeIssue::AlreadyAdjusted { file, row } => format!(
                "Điều chỉnh này đã được ghi từ danh sách {}, dòng {row} (cùng người, cùng kỳ, cùng mức mới \
                 hoặc cùng số truy lĩnh/truy thu); nhập lại sẽ trả hai lần. Hãy bỏ dòng này (hoặc không nhập \
                 lại tệp); nếu đây là một điều chỉnh khác, hãy kiểm tra với cơ quan chi trả.",
                crate::text::for_display(file)
            ),
            ChangeIssue::ArrearsDiffer {
                stated,
                expected,
                months,
            } => format!(
                "Truy lĩnh/truy thu ghi {stated} nhưng (mức mới − mức cũ) × {months} tháng từ tháng điều chỉnh đến trước tháng của danh sách là {expected}. Kiểm tra lại với cơ quan chi trả."
            ),
            ChangeIssue::ColumnTotal { stated, computed } => {
                format!("Dòng tổng cộng ghi {stated} nhưng cộng các dòng được {computed}.")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            ChangeIssue::NoMonth => {
                "No month the change takes effect from (\"Từ tháng\", e.g. 11/2026).".into()
            }
            ChangeIssue::BadMonth(v) => format!(
                "The month \"{}\" cannot be read (month/year, e.g. 11/2026).",
                crate::text::for_display(v)
            ),
            ChangeIssue::NoSuchDate(v) => format!(
                "The date or month \"{}\" does not exist (such as 31/02 or month 13). Correct the cell as \
                 the payer's decision says (month/year, e.g. 11/2026) and import again.",
                crate::text::for_display(v)
            ),
            ChangeIssue::MonthOutOfRange(v) => format!(
                "The month \"{}\" is out of the valid range (years 2000 to 2200). Check the year in this \
                 cell and import again.",
                crate::text::for_display(v)
            ),
            ChangeIssue::MonthAfterList { from, list } => format!(
                "The change takes effect from {}, after the list's month {}: a later month's change belongs \
                 in that month's list. Check the month with the payer, or import the list into the right \
                 period (--period).",
                from.short_label(),
                list.short_label()
            ),
            ChangeIssue::MonthLongBefore { from, months } => format!(
                "Payment stops from {}, {months} months before the list's month: what was paid since is \
                 overpaid, to recover. Check the month with the payer before writing.",
                from.short_label()
            ),
            ChangeIssue::NoReason => "No reason for the decrease.".into(),
            ChangeIssue::NotOnFile => "Nobody on file with this record code or ID number.".into(),
            ChangeIssue::AlreadyStopped { from } => {
                format!(
                    "This person's payment was already stopped from {}.",
                    from.short_label()
                )
            }
            ChangeIssue::Repeated { first_row } => {
                format!("This person is already on row {first_row} of the same list.")
            }
            ChangeIssue::NoAmounts => "The old or the new amount is missing.".into(),
            ChangeIssue::OldAmountDiffers { listed, on_file } => {
                format!("The old amount is {listed} but on file the person is paid {on_file}.")
            }
            ChangeIssue::AlreadyOnFile => {
                "This person is already on file; an increase list adds new people only.".into()
            }
            ChangeIssue::AlreadyAdjusted { file, row } => format!(
                "This adjustment was already written from the list {}, row {row} (same person, same period, \
                 same new amount or same arrears/recovery); importing it again would pay it twice. Remove \
                 this row (or do not import the file again); if it is another adjustment, check with the \
                 payer.",
                crate::text::for_display(file)
            ),
            ChangeIssue::ArrearsDiffer {
                stated,
                expected,
                months,
            } => format!(
                "The arrears/recovery stated is {stated} but (new − old) × {months} months from the change to the list's month is {expected}. Check with the payer."
            ),
            ChangeIssue::ColumnTotal { stated, computed } => {
                format!("The total row says {stated} but the rows add up to {computed}.")
            }
        }
    }
}

fn action(lang: Lang, a: ChangeAction) -> &'static str {
    match (a, lang) {
        (ChangeAction::Added, Lang::Vi) => "THÊM",
        (ChangeAction::Stopped, Lang::Vi) => "DỪNG CHI",
        (ChangeAction::Changed, Lang::Vi) => "ĐIỀU CHỈNH",
        (ChangeAction::Replaced, Lang::Vi) => "THAY DÒNG CŨ",
        (ChangeAction::Updated, Lang::Vi) => "THAY ĐỔI HỒ SƠ",
        (ChangeAction::New, Lang::Vi) => "NGƯỜI MỚI",
        (ChangeAction::Added, Lang::En) => "ADDED",
        (ChangeAction::Stopped, Lang::En) => "STOPPED",
        (ChangeAction::Changed, Lang::En) => "CHANGED",
        (ChangeAction::Replaced, Lang::En) => "REPLACES LINE",
        (ChangeAction::Updated, Lang::En) => "DETAILS CHANGED",
        (ChangeAction::New, Lang::En) => "NEW PERSON",
    }
}

fn line_text(lang: Lang, l: &LineState) -> String {
    format!(
        "{} {} {}",
        l.period.short_label(),
        super::labels::kind(lang, l.kind),
        l.amount
    )
}

/// The preview of a change list, person by person, for the terminal.
pub fn print_preview(lang: Lang, changes: &[ChangePreview]) {
    for line in preview_lines(lang, changes) {
        println!("{line}");
    }
}

/// The preview of a change list, person by person, as lines of text (the
/// terminal's and the month screen's).
pub fn preview_lines(lang: Lang, changes: &[ChangePreview]) -> Vec<String> {
    let mut out = Vec::new();
    if changes.is_empty() {
        return out;
    }
    out.push(lang.pick("Từng người:", "Person by person:").to_string());
    for c in changes {
        let mut head = format!(
            "  {} {} {} {}",
            lang.pick("Dòng", "Row"),
            c.row,
            action(lang, c.action),
            crate::text::for_display(&format!("{} {}", c.record_code, c.full_name))
        );
        if let Some(from) = c.from {
            head.push_str(&format!(
                " {} {}",
                lang.pick("từ tháng", "from"),
                from.short_label()
            ));
        }
        if let Some(r) = c.reason {
            head.push_str(&format!(" ({})", stop_reason(lang, r)));
        }
        out.push(head);
        if c.action == ChangeAction::New || c.id_number.is_some() {
            out.push(super::import_preview::id_number(
                lang,
                c.id_number.as_deref(),
            ));
        }
        match (c.old_amount, c.new_amount) {
            (None, Some(n)) if c.action == ChangeAction::New => out.push(format!(
                "      {} {n}",
                lang.pick("Số tiền kỳ này:", "Amount this month:")
            )),
            (Some(o), Some(n)) => {
                out.push(format!("      {} {o} → {n}", lang.pick("Mức:", "Amount:")))
            }
            (Some(o), None) => out.push(format!(
                "      {} {o}",
                lang.pick("Mức đang hưởng:", "Amount paid:")
            )),
            (None, Some(n)) => out.push(format!("      {} {n}", lang.pick("Mức:", "Amount:"))),
            (None, None) => {}
        }
        for l in &c.no_longer_payable {
            out.push(format!(
                "      {} {}",
                lang.pick("Chưa chi, nay không chi nữa:", "Unpaid, no longer payable:"),
                line_text(lang, l)
            ));
        }
        for l in &c.overpaid {
            out.push(format!(
                "      {} {} ({} {}) — {}",
                lang.pick("ĐÃ CHI SAU KHI DỪNG:", "PAID AFTER THE STOP:"),
                line_text(lang, l),
                lang.pick("biên nhận", "receipt"),
                l.paid_receipt.as_deref().unwrap_or(""),
                lang.pick("phải thu hồi", "to recover")
            ));
        }
        for (p, k, m) in &c.added {
            out.push(format!(
                "      {} {} {} {m}",
                lang.pick("Thêm dòng:", "New line:"),
                p.short_label(),
                super::labels::kind(lang, *k)
            ));
        }
        out.extend(super::import_details::lines(lang, &c.details));
    }
    let overpaid: Money = changes.iter().map(ChangePreview::overpaid_total).sum();
    if !overpaid.is_zero() {
        out.push(format!(
            "{} {overpaid}",
            lang.pick(
                "Tổng số đã chi thừa phải thu hồi:",
                "Overpaid, to recover in all:"
            )
        ));
    }
    out
}

/// The preview as JSON: whole đồng, machine names.
pub fn preview_json(changes: &[ChangePreview]) -> serde_json::Value {
    let line = |l: &LineState| {
        serde_json::json!({
            "entitlement_id": l.entitlement_id, "period": l.period.to_string(),
            "kind": l.kind.code(), "amount_dong": l.amount.dong(), "receipt": l.paid_receipt,
        })
    };
    serde_json::Value::Array(
        changes
            .iter()
            .map(|c| {
                serde_json::json!({
                    "row": c.row,
                    "action": c.action,
                    "code": c.record_code,
                    "full_name": c.full_name,
                    "id_number": c.id_number,
                    "from": c.from.map(|p| p.to_string()),
                    "reason": c.reason.map(StopReason::code),
                    "reason_text": c.reason_text,
                    "old_amount_dong": c.old_amount.map(|m| m.dong()),
                    "new_amount_dong": c.new_amount.map(|m| m.dong()),
                    "no_longer_payable": c.no_longer_payable.iter().map(line).collect::<Vec<_>>(),
                    "overpaid": c.overpaid.iter().map(line).collect::<Vec<_>>(),
                    "overpaid_dong": c.overpaid_total().dong(),
                    "added": c.added.iter().map(|(p, k, m)| serde_json::json!({
                        "period": p.to_string(), "kind": k.code(), "amount_dong": m.dong(),
                    })).collect::<Vec<_>>(),
                    "details": c.details,
                })
            })
            .collect(),
    )
}

/// "Dừng chi từ tháng 11/2026 (đã mất: Từ trần …)": why a stopped
/// person's month is not paid.
fn stop_words(stop: &crate::store::changes::Stop, lang_vi: bool) -> String {
    let reason = match (stop.reason, lang_vi) {
        (StopReason::Died, true) => "đã mất",
        (StopReason::Moved, true) => "chuyển đi",
        (StopReason::Ended, true) => "hết hưởng",
        (StopReason::Other, true) => "lý do khác",
        (StopReason::Died, false) => "died",
        (StopReason::Moved, false) => "moved away",
        (StopReason::Ended, false) => "benefit ended",
        (StopReason::Other, false) => "other reason",
    };
    match stop.note.as_deref().filter(|n| !n.is_empty()) {
        Some(n) => format!("{reason}: {}", crate::text::for_display(n)),
        None => reason.to_string(),
    }
}

/// Why a payment of a stopped month is refused, in Vietnamese.
pub fn stopped_vi(stop: &crate::store::changes::Stop) -> String {
    format!(
        "Danh sách giảm đã dừng chi trả cho người này từ tháng {} ({}). Không chi các tháng từ đó; mở lại hồ sơ để chi các tháng trước (nếu còn).",
        stop.from.short_label(),
        stop_words(stop, true)
    )
}

/// Why a payment of a stopped month is refused, in English.
pub fn stopped_en(stop: &crate::store::changes::Stop) -> String {
    format!(
        "A decrease list stopped this person's payment from {} ({}). Those months are not paid; open the person again to pay earlier months, if any.",
        stop.from.short_label(),
        stop_words(stop, false)
    )
}

/// The line a person's screen shows for a stop.
pub fn stop_line(lang: Lang, stop: &crate::store::changes::Stop) -> String {
    match lang {
        Lang::Vi => format!(
            "DỪNG CHI từ tháng {} — {}",
            stop.from.short_label(),
            stop_words(stop, true)
        ),
        Lang::En => format!(
            "STOPPED from {} — {}",
            stop.from.short_label(),
            stop_words(stop, false)
        ),
    }
}

/// The heading of a period report's lines paid after a stop.
pub fn overpaid_title(lang: Lang) -> &'static str {
    lang.pick(
        "ĐÃ CHI KHI KHÔNG CÒN ĐƯỢC HƯỞNG — PHẢI THU HỒI",
        "PAID WHEN NO LONGER PAYABLE — TO RECOVER",
    )
}

/// One payment to recover, for the period report: what, which receipt,
/// and why it should not have been paid.
pub fn overpaid_line(lang: Lang, o: &crate::domain::period_report::Overpaid) -> String {
    use crate::domain::period_report::OverpaidCause;
    let who = format!("{} {}", o.code, o.full_name);
    let who = crate::text::for_display(&who);
    let status = |code: &str| {
        crate::domain::person::Status::from_code(code).map_or_else(
            || code.to_string(),
            |s| super::labels::status(lang, s).to_string(),
        )
    };
    let why = match (&o.cause, lang) {
        (OverpaidCause::Stopped { from }, Lang::Vi) => {
            format!("dừng chi từ tháng {}", from.short_label())
        }
        (OverpaidCause::Stopped { from }, Lang::En) => {
            format!("stopped from {}", from.short_label())
        }
        (OverpaidCause::PaidAfterDeath { died_on, paid_on }, Lang::Vi) => format!(
            "chi ngày {}, sau ngày mất {}",
            super::labels::date(paid_on),
            super::labels::date(died_on)
        ),
        (OverpaidCause::PaidAfterDeath { died_on, paid_on }, Lang::En) => format!(
            "paid on {}, after the death on {}",
            super::labels::date(paid_on),
            super::labels::date(died_on)
        ),
        (
            OverpaidCause::PaidAfterStatus {
                status: st,
                since,
                paid_on,
            },
            Lang::Vi,
        ) => format!(
            "ghi ngày {}, sau khi chuyển sang \"{}\" lúc {}",
            super::labels::date(paid_on),
            status(st),
            super::labels::date_time(since)
        ),
        (
            OverpaidCause::PaidAfterStatus {
                status: st,
                since,
                paid_on,
            },
            Lang::En,
        ) => format!(
            "recorded on {}, after the status became \"{}\" on {}",
            super::labels::date(paid_on),
            status(st),
            super::labels::date_time(since)
        ),
    };
    match lang {
        Lang::Vi => format!("{who}: {} (biên nhận {}), {why}.", o.amount, o.receipt_no),
        Lang::En => format!("{who}: {} (receipt {}), {why}.", o.amount, o.receipt_no),
    }
}
