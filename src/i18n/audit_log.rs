//! Wording of the audit log read back (`chitra log`): what each action is
//! called, the few facts of a row worth a line, and the document's words.
//! An action this version does not name is shown by its code.

use serde_json::Value;

use super::Lang;
use crate::domain::Money;

/// What an action is called in `lang`; `None` for an action not named here.
pub fn action_label(lang: Lang, action: &str) -> Option<&'static str> {
    let (vi, en) = match action {
        "account.step" => ("Bước mở tài khoản", "Account-opening step"),
        "anchor.lost" => ("Tệp mốc bị mất, đã ghi lại", "Anchor lost, written again"),
        "backup.make" => ("Sao lưu", "Backup"),
        "bank.batch" => ("Lập lô chuyển khoản", "Transfer batch made"),
        "bank.outcome" => ("Kết quả chuyển khoản", "Transfer outcome"),
        "bank.result" => ("Nhập tệp kết quả ngân hàng", "Bank result file read"),
        "database.init" => ("Tạo cơ sở dữ liệu", "Database created"),
        "day.close" => ("Khóa sổ ngày", "Day closed"),
        "drawer.count" => ("Kiểm đếm quỹ", "Drawer counted"),
        "drawer.move" => ("Giao/thu tiền quỹ", "Cash to or from a drawer"),
        "drawer.reason" => ("Lý do chênh lệch quỹ", "Drawer difference explained"),
        "export" => ("Xuất tệp", "File written"),
        "heir.create" => ("Ghi người thừa kế", "Heir recorded"),
        "heir.replace" => ("Thay người thừa kế", "Heir replaced"),
        "import.batch" => ("Nhập danh sách: lô", "List imported: batch"),
        "import.commit" => ("Nhập danh sách", "List imported"),
        "import.totals" => ("Nhập danh sách: tổng", "List imported: totals"),
        "key.rotate" => ("Thay khóa nhật ký", "Audit key rotated"),
        "line.replace" => ("Thay khoản theo danh sách", "Line replaced by a list"),
        "payment.create" => ("Chi trả", "Payment"),
        "payment.reverse" => ("Hủy lần chi", "Payment voided"),
        "payment.stop" => ("Dừng chi theo danh sách giảm", "Stopped by a decrease list"),
        "period.close" => ("Khóa kỳ", "Period closed"),
        "period.open" => ("Mở kỳ", "Period opened"),
        "period.reason" => ("Lý do chưa nhận", "Reason not received"),
        "person.start" => ("Chi lại theo danh sách tăng", "Resumed by an increase list"),
        "person.seen_alive" => (
            "Xác minh còn sống (gia đình báo mất nhầm)",
            "Seen alive (the family's report was wrong)",
        ),
        "person.status" => ("Đổi trạng thái chi trả", "Payment status changed"),
        "person.update" => ("Sửa hồ sơ theo danh sách", "File updated from a list"),
        "proxy.create" => (
            "Ghi người được ủy quyền/giám hộ",
            "Proxy or guardian recorded",
        ),
        "receipt.reprint" => ("In lại biên nhận", "Receipt printed again"),
        "registration.record" => ("Đăng ký tại quầy", "Registration"),
        "round.create" => ("Lập chuyến chi tại nhà", "Home round made"),
        "round.issue" => ("Cấp tiền chuyến", "Round's cash issued"),
        "round.line" => ("Dòng của chuyến", "Round line"),
        "round.outcome" => ("Kết quả chi tại nhà", "Home round outcome"),
        "round.reconcile" => ("Đối chiếu chuyến", "Round reconciled"),
        "round.return" => ("Nộp tiền chuyến về", "Round's cash returned"),
        "row.rewrite" => ("Sửa dòng dữ liệu", "Row rewritten"),
        "user.approve" => ("Duyệt tại chỗ", "Approved on the spot"),
        "user.approve_refused" => (
            "Duyệt bị từ chối (không phải trưởng bưu cục)",
            "Approval refused (not a supervisor)",
        ),
        "user.confirm_pin" => ("Xác nhận mã PIN", "PIN confirmed"),
        "user.create" => ("Thêm người dùng", "User added"),
        "user.lock" => ("Khóa tài khoản", "Account locked"),
        "user.locked_attempt" => (
            "Đăng nhập vào tài khoản đang khóa",
            "Sign-in to a locked account",
        ),
        "user.pin_change" => ("Đổi mã PIN", "PIN changed"),
        "user.pin_wrong" => ("Nhập sai mã PIN", "Wrong PIN"),
        "user.sign_in" => ("Đăng nhập", "Signed in"),
        "user.sign_out" => ("Đăng xuất", "Signed out"),
        "user.tampered" => (
            "Tài khoản bị sửa bên ngoài chitra",
            "Account changed outside chitra",
        ),
        "user.unknown" => (
            "Đăng nhập bằng tên không có",
            "Sign-in with an unknown name",
        ),
        "user.unlock" => ("Mở khóa tài khoản", "Account unlocked"),
        _ => return None,
    };
    Some(match lang {
        Lang::Vi => vi,
        Lang::En => en,
    })
}

/// The facts of a row worth a line: its receipt, person, amount, reason,
/// file… in `lang`, taken from the top of the detail and from the first row
/// image it carries (`approver`: the login name of the user whose id the row
/// gives as approving). Keys not named here are left to the JSON output.
pub fn summary(lang: Lang, detail: &Value, approver: Option<&str>) -> String {
    let first_row = detail
        .get("rows")
        .and_then(|r| r.get(0))
        .and_then(|r| r.get("row"));
    let get = |key: &str| {
        detail
            .get(key)
            .or_else(|| first_row.and_then(|r| r.get(key)))
    };
    let text = |key: &str| -> Option<String> {
        match get(key)? {
            Value::String(s) if !s.is_empty() => Some(crate::text::for_display(s).into_owned()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let money = |key: &str| -> Option<String> {
        get(key)?
            .as_i64()
            // The amount and its "đ" kept on one line.
            .map(|d| format!("{}\u{a0}đ", Money::from_dong(d).format_plain()))
    };
    let vi = lang == Lang::Vi;
    let mut parts: Vec<String> = Vec::new();
    let mut say = |label_vi: &str, label_en: &str, value: Option<String>| {
        if let Some(v) = value {
            parts.push(format!("{}: {v}", if vi { label_vi } else { label_en }));
        }
    };
    say("biên nhận", "receipt", text("receipt_no"));
    say("mã hồ sơ", "record", text("record_code"));
    say("người nhận", "receiver", text("receiver_name"));
    say(
        "hình thức",
        "method",
        text("method").map(|m| method_word(lang, &m)),
    );
    say(
        "số tiền",
        "amount",
        money("amount").or_else(|| money("total")),
    );
    say("chênh lệch", "difference", money("difference"));
    say("quỹ của", "drawer of", text("clerk"));
    // The day a count or a close is about; a row's own day is its time.
    let day = detail.get("day").and_then(Value::as_str);
    say("ngày", "day", day.map(crate::i18n::labels::date));
    say("kỳ", "period", text("period").map(|p| period_word(&p)));
    say("tệp", "file", text("file").or_else(|| text("file_name")));
    say("tên", "name", text("name").or_else(|| text("full_name")));
    say("lý do", "reason", text("reason").or_else(|| text("note")));
    say(
        "người duyệt",
        "approved by",
        approver
            .map(|a| crate::text::for_display(a).into_owned())
            .or_else(|| text("approved_by")),
    );
    // What a registration changed.
    let changed: Vec<&str> = detail
        .get("changed")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(|c| changed_word(lang, c))
                .collect()
        })
        .unwrap_or_default();
    say(
        "thay đổi",
        "changed",
        (!changed.is_empty()).then(|| changed.join(", ")),
    );
    parts.join("; ")
}

/// A registration's field, as `changed` names it.
fn changed_word(lang: Lang, code: &str) -> &str {
    match (lang, code) {
        (Lang::Vi, "method") => "hình thức nhận",
        (Lang::Vi, "account") => "tài khoản",
        (Lang::Vi, "phone") => "số điện thoại",
        (Lang::Vi, "papers") => "giấy tờ",
        (Lang::Vi, "home_reason") => "lý do chi tại nhà",
        (Lang::En, "home_reason") => "reason for home payment",
        (Lang::En, "method") => "method",
        (Lang::En, "account") => "account",
        (Lang::En, "phone") => "phone",
        (Lang::En, "papers") => "papers",
        (_, other) => other,
    }
}

/// "2026-12" → "12/2026".
fn period_word(stored: &str) -> String {
    match stored.split_once('-') {
        Some((y, m)) if y.len() == 4 && m.len() == 2 => format!("{m}/{y}"),
        _ => stored.to_string(),
    }
}

fn method_word(lang: Lang, code: &str) -> String {
    match crate::domain::PayMethod::from_code(code) {
        Some(m) => crate::i18n::labels::method(lang, m).to_string(),
        None => code.to_string(),
    }
}

/// The document's words.
pub struct LogWords {
    pub name: &'static str,
    pub title: &'static str,
    pub col_seq: &'static str,
    pub col_time: &'static str,
    pub col_user: &'static str,
    pub col_what: &'static str,
    pub col_detail: &'static str,
    pub none: &'static str,
    pub system: &'static str,
    pub proves_nothing: &'static str,
}

pub fn words(lang: Lang) -> LogWords {
    match lang {
        Lang::Vi => LogWords {
            name: "Nhật ký kiểm toán",
            title: "NHẬT KÝ KIỂM TOÁN",
            col_seq: "Dòng",
            col_time: "Lúc",
            col_user: "Người",
            col_what: "Việc",
            col_detail: "Chi tiết",
            none: "Không có dòng nhật ký nào.",
            system: "(hệ thống)",
            proves_nothing: "Bản đọc lại này không tự chứng minh điều gì: `chitra verify` kiểm tra chuỗi nhật ký nối liền, đúng chữ ký và khớp mã niêm phong của các ngày đã khóa sổ.",
        },
        Lang::En => LogWords {
            name: "Audit log",
            title: "AUDIT LOG",
            col_seq: "Row",
            col_time: "At",
            col_user: "User",
            col_what: "What",
            col_detail: "Detail",
            none: "No rows in the log.",
            system: "(system)",
            proves_nothing: "Reading the log back proves nothing by itself: `chitra verify` checks that the chain is whole, signed and matches the closed days' seals.",
        },
    }
}

/// "từ 01/12/2026 đến 07/12/2026", or the one day.
pub fn span(lang: Lang, from: &str, to: &str) -> String {
    let (a, b) = (
        crate::i18n::labels::date(from),
        crate::i18n::labels::date(to),
    );
    match (lang, from == to) {
        (Lang::Vi, true) => format!("ngày {a}"),
        (Lang::Vi, false) => format!("từ {a} đến {b}"),
        (Lang::En, true) => a,
        (Lang::En, false) => format!("{a} to {b}"),
    }
}

/// The log screen's words.
pub struct ScreenWords {
    pub title: &'static str,
    pub key_open: &'static str,
    pub short_open: &'static str,
    pub key_days: &'static str,
    pub short_days: &'static str,
    pub key_again: &'static str,
    pub no_later: &'static str,
}

pub fn screen_words(lang: Lang) -> ScreenWords {
    match lang {
        Lang::Vi => ScreenWords {
            title: "NHẬT KÝ KIỂM TOÁN",
            key_open: "Đọc nhật ký kiểm toán: ai làm gì, lúc nào",
            short_open: "Nhật ký",
            key_days: "Ngày trước / ngày sau",
            short_days: "Ngày",
            key_again: "Đọc lại",
            no_later: "Chưa có ngày sau hôm nay.",
        },
        Lang::En => ScreenWords {
            title: "AUDIT LOG",
            key_open: "Read the audit log: who did what, when",
            short_open: "Log",
            key_days: "Day before / day after",
            short_days: "Day",
            key_again: "Read again",
            no_later: "There is no day after today yet.",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every action the store logs (the first argument of `Event::new`) is named in both
    /// languages: a new one is not read back by its code.
    #[test]
    fn every_logged_action_has_words() {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    // The store's own tests log a made-up "test" action.
                    && !path.ends_with("store/tests.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for part in text.split("Event::new(\"").skip(1) {
                        if let Some(action) = part.split('"').next() {
                            out.push(action.to_string());
                        }
                    }
                }
            }
        }
        let mut actions = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut actions,
        );
        assert!(actions.len() > 30, "{actions:?}");
        for action in actions {
            for lang in [Lang::Vi, Lang::En] {
                assert!(action_label(lang, &action).is_some(), "{action} ({lang:?})");
            }
        }
    }
    use serde_json::json;

    #[test]
    fn a_rows_facts_come_from_its_top_and_its_first_image() {
        let payment = json!({
            "receipt_no": "HD-2026-000447",
            "rows": [{"row": {"total": 19690000, "method": "home", "receiver_name": "Nguyễn Đình Nghĩa", "day": "2026-12-08"}}]
        });
        assert_eq!(
            summary(Lang::Vi, &payment, None),
            "biên nhận: HD-2026-000447; người nhận: Nguyễn Đình Nghĩa; hình thức: Tiền mặt tại nhà; số tiền: 19.690.000\u{a0}đ"
        );
        let registration =
            json!({"changed": ["papers", "phone"], "rows": [{"row": {"method": null}}]});
        assert_eq!(
            summary(Lang::Vi, &registration, None),
            "thay đổi: giấy tờ, số điện thoại"
        );
        // Every field a registration changes is named in words.
        let home = json!({"record_code": "HD-00514", "changed": ["method", "home_reason"]});
        let said = summary(Lang::Vi, &home, None);
        assert!(
            said.contains("mã hồ sơ: HD-00514")
                && said.contains("hình thức nhận, lý do chi tại nhà")
                && !said.contains('_'),
            "{said}"
        );
        let count = json!({"clerk": "gdv2", "day": "2026-12-07", "difference": -50000});
        assert_eq!(
            summary(Lang::Vi, &count, None),
            "chênh lệch: -50.000\u{a0}đ; quỹ của: gdv2; ngày: 07/12/2026"
        );
        // Text from the database is shown safely.
        let odd = json!({"note": "a\u{1b}[2Jb"});
        assert!(!summary(Lang::Vi, &odd, None).contains('\u{1b}'));
    }
}
