//! The wording of the end of the month: the period's results
//! (`document::period`), the signing list (`document::signing`), the
//! reasons a person was not paid and what becomes of their money. The
//! official heading (agency, national motto) and written dates are the day
//! report's own (`i18n::report`).

use super::Lang;
use crate::domain::period_report::{Fate, UnpaidReason};

/// Every fixed label of the period's results and the signing list.
#[derive(Debug)]
pub struct MonthWords {
    pub results_name: &'static str,
    pub none: &'static str,
    pub col_no: &'static str,
    pub col_code: &'static str,
    pub col_name: &'static str,
    pub col_id: &'static str,
    pub col_amount: &'static str,
    // I. Totals.
    pub totals_heading: &'static str,
    pub imported: &'static str,
    pub paid: &'static str,
    pub unpaid: &'static str,
    pub stopped: &'static str,
    pub people: &'static str,
    pub check: &'static str,
    pub check_ok: &'static str,
    pub check_bad: &'static str,
    // II. Paid.
    pub paid_heading: &'static str,
    pub col_method: &'static str,
    pub col_paid_on: &'static str,
    pub col_reference: &'static str,
    pub row_paid_total: &'static str,
    pub nobody_paid: &'static str,
    // III. Unpaid.
    pub unpaid_heading: &'static str,
    pub col_reason: &'static str,
    pub col_fate: &'static str,
    pub col_months: &'static str,
    pub reason_missing: &'static str,
    pub row_unpaid_total: &'static str,
    pub nobody_unpaid: &'static str,
    // IV. Stopped.
    pub stopped_heading: &'static str,
    pub col_status: &'static str,
    pub row_stopped_total: &'static str,
    pub nobody_stopped: &'static str,
    // V. Seals.
    pub seals_heading: &'static str,
    pub col_day: &'static str,
    pub col_seal: &'static str,
    pub no_seals: &'static str,
    // The end.
    pub paid_label: &'static str,
    pub words_label: &'static str,
    pub prepared_by: &'static str,
    pub head_of_office: &'static str,
    pub sign_hint: &'static str,
    // The signing list.
    pub signing_name: &'static str,
    pub col_hamlet: &'static str,
    pub col_received_on: &'static str,
    pub col_signature: &'static str,
    pub no_hamlet: &'static str,
    pub whole_commune: &'static str,
    pub stopped_mark: &'static str,
    pub row_total: &'static str,
    pub total_label: &'static str,
    pub list_prepared_by: &'static str,
    pub nobody_listed: &'static str,
}

pub const VI: MonthWords = MonthWords {
    results_name: "Kết quả chi trả",
    none: "Không có.",
    col_no: "STT",
    col_code: "Mã hồ sơ",
    col_name: "Họ và tên",
    col_id: "Số CCCD/CMND",
    col_amount: "Số tiền",
    totals_heading: "I. TỔNG HỢP",
    imported: "Tổng số tiền theo danh sách",
    paid: "Đã chi",
    unpaid: "Chưa nhận",
    stopped: "Dừng chi",
    people: "Số người trong danh sách",
    check: "Đối chiếu: danh sách = đã chi + chưa nhận + dừng chi",
    check_ok: "khớp",
    check_bad: "KHÔNG KHỚP",
    paid_heading: "II. ĐÃ CHI TRẢ",
    col_method: "Hình thức",
    col_paid_on: "Ngày chi",
    col_reference: "Biên nhận / tham chiếu",
    row_paid_total: "Cộng đã chi",
    nobody_paid: "Chưa chi cho ai.",
    unpaid_heading: "III. CHƯA NHẬN",
    col_reason: "Lý do",
    col_fate: "Hướng xử lý",
    col_months: "Tháng liền",
    reason_missing: "CHƯA GHI LÝ DO",
    row_unpaid_total: "Cộng chưa nhận",
    nobody_unpaid: "Mọi người đã nhận đủ.",
    stopped_heading: "IV. DỪNG CHI TRẢ",
    col_status: "Tình trạng",
    row_stopped_total: "Cộng dừng chi",
    nobody_stopped: "Không ai bị dừng chi.",
    seals_heading: "V. MÃ NIÊM PHONG CÁC NGÀY CHI TRẢ",
    col_day: "Ngày",
    col_seal: "Mã niêm phong",
    no_seals: "Chưa có ngày nào của kỳ được khóa sổ.",
    paid_label: "TỔNG SỐ TIỀN ĐÃ CHI",
    words_label: "Bằng chữ:",
    prepared_by: "Người lập biểu",
    head_of_office: "Trưởng bưu cục",
    sign_hint: "(Ký, ghi rõ họ tên)",
    signing_name: "Danh sách ký nhận",
    col_hamlet: "Thôn",
    col_received_on: "Ngày nhận",
    col_signature: "Ký nhận",
    no_hamlet: "(không ghi thôn)",
    whole_commune: "Toàn xã",
    stopped_mark: "Dừng chi",
    row_total: "Tổng cộng",
    total_label: "TỔNG CỘNG",
    list_prepared_by: "Người lập danh sách",
    nobody_listed: "Không có ai trong danh sách.",
};

pub const EN: MonthWords = MonthWords {
    results_name: "Payment results",
    none: "None.",
    col_no: "No",
    col_code: "Record",
    col_name: "Full name",
    col_id: "ID number",
    col_amount: "Amount",
    totals_heading: "I. TOTALS",
    imported: "Total on the lists",
    paid: "Paid",
    unpaid: "Not received",
    stopped: "Stopped",
    people: "People on the lists",
    check: "Check: lists = paid + not received + stopped",
    check_ok: "adds up",
    check_bad: "DOES NOT ADD UP",
    paid_heading: "II. PAID",
    col_method: "Method",
    col_paid_on: "Paid on",
    col_reference: "Receipt / reference",
    row_paid_total: "Total paid",
    nobody_paid: "Nobody was paid.",
    unpaid_heading: "III. NOT RECEIVED",
    col_reason: "Reason",
    col_fate: "What happens",
    col_months: "Months in a row",
    reason_missing: "NO REASON YET",
    row_unpaid_total: "Total not received",
    nobody_unpaid: "Everyone was paid in full.",
    stopped_heading: "IV. PAYMENT STOPPED",
    col_status: "Status",
    row_stopped_total: "Total stopped",
    nobody_stopped: "Nobody's payment was stopped.",
    seals_heading: "V. SEALS OF THE PAYMENT DAYS",
    col_day: "Day",
    col_seal: "Seal",
    no_seals: "No day of the period is closed yet.",
    paid_label: "TOTAL PAID",
    words_label: "In words:",
    prepared_by: "Prepared by",
    head_of_office: "Head of office",
    sign_hint: "(Signature, full name)",
    signing_name: "Signing list",
    col_hamlet: "Hamlet",
    col_received_on: "Received on",
    col_signature: "Signature",
    no_hamlet: "(no hamlet)",
    whole_commune: "Whole commune",
    stopped_mark: "Stopped",
    row_total: "Total",
    total_label: "TOTAL",
    list_prepared_by: "Prepared by",
    nobody_listed: "Nobody is on the list.",
};

/// The labels in `lang`.
pub fn words(lang: Lang) -> &'static MonthWords {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The results' title, for the month "11/2026".
pub fn results_title(lang: Lang, month: &str) -> String {
    match lang {
        Lang::Vi => format!("KẾT QUẢ CHI TRẢ TRỢ CẤP THÁNG {month}"),
        Lang::En => format!("ALLOWANCE PAYMENT RESULTS, {month}"),
    }
}

/// The signing list's title.
pub fn signing_title(lang: Lang, month: &str) -> String {
    match lang {
        Lang::Vi => format!("DANH SÁCH KÝ NHẬN TIỀN TRỢ CẤP THÁNG {month}"),
        Lang::En => format!("ALLOWANCE SIGNING LIST, {month}"),
    }
}

/// The status line of a closed period.
pub fn closed_at(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Vi => format!("ĐÃ KHÓA KỲ lúc {at}: số liệu cuối cùng"),
        Lang::En => format!("PERIOD CLOSED at {at}: final figures"),
    }
}

/// The status line of a period not closed yet.
pub fn not_closed(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "KỲ CHƯA KHÓA — số liệu đến lúc lập, còn thay đổi",
        Lang::En => "PERIOD NOT CLOSED — figures as of now, may change",
    }
}

/// What becomes of unpaid money after the close.
pub fn fate_rule(lang: Lang, suspend_after: i64) -> String {
    match (lang, suspend_after) {
        (Lang::Vi, 0) => "Tiền chưa nhận được chuyển sang kỳ sau: cơ quan chi trả ghi vào danh sách tháng sau (kỳ trước chuyển sang). Không đề nghị tạm dừng ai (cấu hình: 0 tháng).".to_string(),
        (Lang::Vi, n) => format!("Tiền chưa nhận được chuyển sang kỳ sau: cơ quan chi trả ghi vào danh sách tháng sau (kỳ trước chuyển sang). Người chưa nhận từ {n} tháng liền trở lên được đề nghị tạm dừng chi trả."),
        (Lang::En, 0) => "Unpaid money is carried to the next period: the payer lists it next month (carried from earlier). Nobody is proposed for suspension (configured: 0 months).".to_string(),
        (Lang::En, n) => format!("Unpaid money is carried to the next period: the payer lists it next month (carried from earlier). People unpaid {n} months in a row or more are proposed for suspension."),
    }
}

/// The warning of people still unpaid without a reason.
pub fn reasons_missing(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Còn {n} người chưa nhận chưa ghi lý do: phải ghi trước khi khóa kỳ."),
        Lang::En => format!("{n} unpaid people have no reason yet: give them before closing."),
    }
}

/// The reason a person was not paid.
pub fn reason(lang: Lang, r: UnpaidReason) -> &'static str {
    match (lang, r) {
        (Lang::Vi, UnpaidReason::DidNotCome) => "Không đến nhận",
        (Lang::Vi, UnpaidReason::Away) => "Đi vắng",
        (Lang::Vi, UnpaidReason::Hospital) => "Nằm viện",
        (Lang::Vi, UnpaidReason::Deceased) => "Đã mất, chờ báo giảm",
        (Lang::Vi, UnpaidReason::Refused) => "Từ chối nhận",
        (Lang::Vi, UnpaidReason::Other) => "Khác",
        (Lang::En, UnpaidReason::DidNotCome) => "Did not come",
        (Lang::En, UnpaidReason::Away) => "Away",
        (Lang::En, UnpaidReason::Hospital) => "In hospital",
        (Lang::En, UnpaidReason::Deceased) => "Deceased, decrease awaited",
        (Lang::En, UnpaidReason::Refused) => "Refused",
        (Lang::En, UnpaidReason::Other) => "Other",
    }
}

/// What becomes of a person's unpaid money.
pub fn fate(lang: Lang, f: Fate) -> &'static str {
    match (lang, f) {
        (Lang::Vi, Fate::Carried) => "Chuyển kỳ sau",
        (Lang::Vi, Fate::ProposedSuspension) => "Đề nghị tạm dừng",
        (Lang::En, Fate::Carried) => "Carried over",
        (Lang::En, Fate::ProposedSuspension) => "Propose suspension",
    }
}

/// A hamlet's subtotal row.
pub fn hamlet_total(lang: Lang, hamlet: &str) -> String {
    match lang {
        Lang::Vi => format!("Cộng {hamlet}"),
        Lang::En => format!("Subtotal {hamlet}"),
    }
}

/// The line under the signing list's title: which hamlet, or all.
pub fn hamlet_line(lang: Lang, hamlet: &str) -> String {
    match lang {
        Lang::Vi => format!("Thôn: {hamlet}"),
        Lang::En => format!("Hamlet: {hamlet}"),
    }
}

/// The result of `chitra period reason`.
pub fn reason_set(lang: Lang, code: &str, reason: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã ghi lý do chưa nhận cho {code}: {reason}."),
        Lang::En => format!("Reason recorded for {code}: {reason}."),
    }
}

/// `--hamlet` names no hamlet of the lists.
pub fn unknown_hamlet(lang: Lang, name: &str, known: &[String]) -> String {
    let name = crate::text::for_display(name);
    let known = known
        .iter()
        .map(|h| crate::text::for_display(h).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Vi => format!("Không có thôn \"{name}\" trong danh sách của kỳ. Các thôn: {known}."),
        Lang::En => format!("No hamlet \"{name}\" on the period's lists. Hamlets: {known}."),
    }
}

/// The reason shown for what a deceased person's heir is still owed.
pub fn heir_not_paid(lang: Lang) -> &'static str {
    lang.pick(
        "Đã mất, người thừa kế chưa nhận",
        "Deceased, the heir not paid yet",
    )
}
