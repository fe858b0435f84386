//! The wording of the day report (báo cáo chi trả ngày), in Vietnamese
//! ([`VI`]) and English ([`EN`]): the fixed labels are fields of
//! [`DayWords`], wording with values in it is a function below. The
//! document builder (`document::day`) is the only reader; every format of
//! the report (screen, paper, xlsx, csv) takes its words from there.

use super::Lang;
use crate::domain::payment::PayMethod;
use crate::text::for_display;

/// Every fixed label of the day report.
#[derive(Debug)]
pub struct DayWords {
    pub name: &'static str,
    pub agency_prefix: &'static str,
    pub office_code: &'static str,
    pub national: &'static str,
    pub motto: &'static str,
    pub code_label: &'static str,
    pub log_empty: &'static str,
    pub day_seal: &'static str,
    pub prev_day_seal: &'static str,
    pub no_prev_day: &'static str,
    pub cannot_close: &'static str,
    pub none: &'static str,
    pub col_no: &'static str,
    // I. Office totals.
    pub totals_heading: &'static str,
    pub col_item: &'static str,
    pub col_count: &'static str,
    pub col_amount: &'static str,
    pub row_paid: &'static str,
    pub row_voided: &'static str,
    pub row_net: &'static str,
    pub by_method: &'static str,
    pub col_method: &'static str,
    pub by_category: &'static str,
    pub col_category: &'static str,
    pub row_net_total: &'static str,
    pub no_payments: &'static str,
    pub cash_title: &'static str,
    pub cash_expected: &'static str,
    pub cash_counted: &'static str,
    pub cash_difference: &'static str,
    pub cash_uncounted: &'static str,
    // II. Clerks and drawers.
    pub clerks_heading: &'static str,
    pub by_clerk: &'static str,
    pub col_clerk: &'static str,
    pub col_receipts: &'static str,
    pub row_clerk_total: &'static str,
    pub row_clerk_voids: &'static str,
    pub row_all_clerks: &'static str,
    pub nobody: &'static str,
    pub drawers_title: &'static str,
    pub col_float: &'static str,
    pub col_issued: &'static str,
    pub col_returned: &'static str,
    pub col_cash_paid: &'static str,
    pub col_cash_voided: &'static str,
    pub col_expected: &'static str,
    pub col_counted: &'static str,
    pub col_difference: &'static str,
    pub col_reason: &'static str,
    pub not_counted: &'static str,
    pub reason_missing: &'static str,
    pub no_drawer: &'static str,
    pub notes_title: &'static str,
    pub col_denomination: &'static str,
    pub col_notes: &'static str,
    pub col_value: &'static str,
    pub row_counted: &'static str,
    pub no_count: &'static str,
    // III. Voids.
    pub voids_heading: &'static str,
    pub col_receipt: &'static str,
    pub col_paid_on: &'static str,
    pub col_requested: &'static str,
    pub col_approved: &'static str,
    pub row_voids_total: &'static str,
    // IV. Receipt gaps.
    pub gaps_heading: &'static str,
    pub col_office: &'static str,
    pub col_year: &'static str,
    pub col_from: &'static str,
    pub col_to: &'static str,
    pub no_gaps: &'static str,
    // V. Unpaid.
    pub unpaid_heading: &'static str,
    pub col_period: &'static str,
    pub col_people: &'static str,
    pub col_owed: &'static str,
    pub nobody_unpaid: &'static str,
    // VI. Payments.
    pub payments_heading: &'static str,
    pub col_time: &'static str,
    pub col_person: &'static str,
    pub col_note: &'static str,
    pub voided_mark: &'static str,
    pub row_payments_total: &'static str,
    // The end.
    pub net_label: &'static str,
    pub words_label: &'static str,
    pub prepared_by: &'static str,
    pub checked_by: &'static str,
    pub head_of_office: &'static str,
    pub sign_hint: &'static str,
}

pub const VI: DayWords = DayWords {
    name: "Báo cáo ngày",
    agency_prefix: "BƯU ĐIỆN",
    office_code: "Mã bưu cục:",
    national: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    code_label: "Mã băm:",
    log_empty: "Nhật ký kiểm toán còn trống.",
    day_seal: "Mã niêm phong:",
    prev_day_seal: "Mã ngày trước:",
    no_prev_day: "không có (ngày khóa sổ đầu tiên)",
    cannot_close: "CHƯA THỂ KHÓA SỔ:",
    none: "Không có.",
    col_no: "STT",
    totals_heading: "I. TỔNG HỢP TOÀN BƯU CỤC",
    col_item: "Khoản",
    col_count: "Số món",
    col_amount: "Số tiền (đồng)",
    row_paid: "Chi trả trong ngày",
    row_voided: "Hủy trong ngày (trừ ra)",
    row_net: "THỰC CHI",
    by_method: "Theo hình thức chi trả (sau hủy)",
    col_method: "Hình thức",
    by_category: "Theo diện đối tượng (sau hủy)",
    col_category: "Diện hưởng",
    row_net_total: "Cộng (thực chi)",
    no_payments: "Không có lần chi nào.",
    cash_title: "Tiền mặt các quỹ",
    cash_expected: "Phải có (các quỹ đã kiểm đếm)",
    cash_counted: "Đã đếm",
    cash_difference: "Chênh lệch (đã đếm − phải có)",
    cash_uncounted: "Quỹ chưa kiểm đếm (số phải có chỉ hiện sau khi đếm)",
    clerks_heading: "II. TỪNG GIAO DỊCH VIÊN VÀ QUỸ TIỀN MẶT",
    by_clerk: "Chi trả theo giao dịch viên",
    col_clerk: "Giao dịch viên",
    col_receipts: "Biên nhận",
    row_clerk_total: "Cộng chi trả (kể cả món đã hủy)",
    row_clerk_voids: "Hủy do giao dịch viên này đề nghị",
    row_all_clerks: "Tổng cộng chi trả (kể cả món đã hủy)",
    nobody: "Không ai chi hay nhận quỹ trong ngày.",
    drawers_title: "Quỹ tiền mặt: đầu ngày + cấp thêm − thu về − đã chi + hủy hoàn lại = phải có",
    col_float: "Đầu ngày",
    col_issued: "+ Cấp thêm",
    col_returned: "− Thu về",
    col_cash_paid: "− Đã chi",
    col_cash_voided: "+ Hủy hoàn",
    col_expected: "= Phải có",
    col_counted: "Đã đếm",
    col_difference: "Chênh lệch",
    col_reason: "Lý do",
    not_counted: "chưa kiểm đếm",
    reason_missing: "CHƯA GHI LÝ DO",
    no_drawer: "Không dùng quỹ tiền mặt trong ngày.",
    notes_title: "Kiểm đếm theo mệnh giá",
    col_denomination: "Mệnh giá",
    col_notes: "Số tờ",
    col_value: "Thành tiền",
    row_counted: "Cộng đã đếm",
    no_count: "Chưa quỹ nào kiểm đếm.",
    voids_heading: "III. CÁC MÓN ĐÃ HỦY",
    col_receipt: "Số biên nhận",
    col_paid_on: "Ngày chi",
    col_requested: "Người đề nghị",
    col_approved: "Người duyệt",
    row_voids_total: "Cộng hủy",
    gaps_heading: "IV. SỐ BIÊN NHẬN BỊ THIẾU",
    col_office: "Bưu cục",
    col_year: "Năm",
    col_from: "Từ số",
    col_to: "Đến số",
    no_gaps: "Không thiếu số nào.",
    unpaid_heading: "V. NGƯỜI CHƯA NHẬN TRONG CÁC KỲ ĐANG MỞ",
    col_period: "Kỳ",
    col_people: "Số người",
    col_owed: "Còn phải chi (đồng)",
    nobody_unpaid: "Không còn ai chưa nhận.",
    payments_heading: "VI. DANH SÁCH CHI TRẢ TRONG NGÀY",
    col_time: "Giờ",
    col_person: "Người hưởng",
    col_note: "Ghi chú",
    voided_mark: "ĐÃ HỦY",
    row_payments_total: "Cộng chi trả (kể cả món đã hủy)",
    net_label: "TỔNG SỐ TIỀN THỰC CHI TRONG NGÀY",
    words_label: "Bằng chữ:",
    prepared_by: "Người lập biểu",
    checked_by: "Kiểm soát",
    head_of_office: "Trưởng bưu cục",
    sign_hint: "(Ký, ghi rõ họ tên)",
};

pub const EN: DayWords = DayWords {
    name: "Day report",
    agency_prefix: "POST OFFICE OF",
    office_code: "Office code:",
    national: "SOCIALIST REPUBLIC OF VIETNAM",
    motto: "Independence - Freedom - Happiness",
    code_label: "Hash:",
    log_empty: "The audit log is empty.",
    day_seal: "Seal code:",
    prev_day_seal: "Previous day's code:",
    no_prev_day: "none (the first day closed)",
    cannot_close: "THE DAY CANNOT BE CLOSED YET:",
    none: "None.",
    col_no: "No.",
    totals_heading: "I. OFFICE TOTALS",
    col_item: "Item",
    col_count: "Count",
    col_amount: "Amount (đồng)",
    row_paid: "Payments of the day",
    row_voided: "Voids of the day (less)",
    row_net: "NET PAID",
    by_method: "By method (net of voids)",
    col_method: "Method",
    by_category: "By category (net of voids)",
    col_category: "Category",
    row_net_total: "Total (net)",
    no_payments: "No payments.",
    cash_title: "Cash in the drawers",
    cash_expected: "Expected (counted drawers)",
    cash_counted: "Counted",
    cash_difference: "Difference (counted − expected)",
    cash_uncounted: "Drawers not counted yet (expected shown only after the count)",
    clerks_heading: "II. EACH CLERK AND THEIR DRAWER",
    by_clerk: "Payments by clerk",
    col_clerk: "Clerk",
    col_receipts: "Receipts",
    row_clerk_total: "Total paid (voided ones included)",
    row_clerk_voids: "Voids asked for by this clerk",
    row_all_clerks: "Total paid, all clerks (voided ones included)",
    nobody: "Nobody paid or held a drawer today.",
    drawers_title: "Cash drawers: float + issued − returned − paid + voided back = expected",
    col_float: "Float",
    col_issued: "+ Issued",
    col_returned: "− Returned",
    col_cash_paid: "− Paid in cash",
    col_cash_voided: "+ Voided back",
    col_expected: "= Expected",
    col_counted: "Counted",
    col_difference: "Difference",
    col_reason: "Reason",
    not_counted: "not counted",
    reason_missing: "NO REASON GIVEN",
    no_drawer: "No cash drawer used today.",
    notes_title: "Count by denomination",
    col_denomination: "Denomination",
    col_notes: "Notes",
    col_value: "Value",
    row_counted: "Total counted",
    no_count: "No drawer counted yet.",
    voids_heading: "III. VOIDED PAYMENTS",
    col_receipt: "Receipt",
    col_paid_on: "Paid on",
    col_requested: "Requested by",
    col_approved: "Approved by",
    row_voids_total: "Total voided",
    gaps_heading: "IV. GAPS IN RECEIPT NUMBERS",
    col_office: "Office",
    col_year: "Year",
    col_from: "From",
    col_to: "To",
    no_gaps: "No number is missing.",
    unpaid_heading: "V. PEOPLE STILL UNPAID IN OPEN PERIODS",
    col_period: "Period",
    col_people: "People",
    col_owed: "Still owed (đồng)",
    nobody_unpaid: "Nobody is still unpaid.",
    payments_heading: "VI. THE DAY'S PAYMENTS",
    col_time: "Time",
    col_person: "Beneficiary",
    col_note: "Note",
    voided_mark: "VOIDED",
    row_payments_total: "Total paid (voided included)",
    net_label: "NET PAID IN THE DAY",
    words_label: "In words:",
    prepared_by: "Prepared by",
    checked_by: "Checked by",
    head_of_office: "Head of office",
    sign_hint: "(Signature, full name)",
};

/// The day report's labels in `lang`.
pub fn day(lang: Lang) -> &'static DayWords {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The report's title.
pub fn day_title(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Vi => format!("BÁO CÁO CHI TRẢ NGÀY {date}"),
        Lang::En => format!("DAILY PAYMENT REPORT {date}"),
    }
}

/// Whom the office pays for.
pub fn paying_for(lang: Lang, agency: &str) -> String {
    match lang {
        Lang::Vi => format!("Chi trả thay: {agency}"),
        Lang::En => format!("Paying for: {agency}"),
    }
}

/// Whom a list is sent to: the agency the office pays for.
pub fn sent_to(lang: Lang, agency: &str) -> String {
    match lang {
        Lang::Vi => format!("Kính gửi: {agency}"),
        Lang::En => format!("To: {agency}"),
    }
}

/// A closed day's status line.
pub fn closed_at_by(lang: Lang, at: &str, by: &str) -> String {
    match lang {
        Lang::Vi => format!("ĐÃ KHÓA SỔ lúc {at} bởi {by}"),
        Lang::En => format!("CLOSED at {at} by {by}"),
    }
}

/// An open day's status line.
pub fn not_closed(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "CHƯA KHÓA SỔ — báo cáo giữa ngày, số liệu đến lúc lập",
        Lang::En => "NOT CLOSED — a mid-day report, figures as of now",
    }
}

/// The audit seal a close stored.
pub fn seal_closed(lang: Lang, seq: i64) -> String {
    match lang {
        Lang::Vi => format!("Niêm phong nhật ký kiểm toán: dòng #{seq}"),
        Lang::En => format!("Audit seal: row #{seq}"),
    }
}

/// The seal of the last closed day, on a file sent to the payer, so the
/// file can be held against the signed day report.
pub fn last_day_seal(lang: Lang, day: Option<&str>) -> String {
    match (lang, day) {
        (Lang::Vi, Some(d)) => format!(
            "Mã niêm phong ngày khóa sổ gần nhất ({}):",
            super::labels::date(d)
        ),
        (Lang::Vi, None) => "Mã niêm phong ngày khóa sổ gần nhất:".to_string(),
        (Lang::En, Some(d)) => format!("Seal of the last closed day ({}):", super::labels::date(d)),
        (Lang::En, None) => "Seal of the last closed day:".to_string(),
    }
}

/// Said in place of a seal when no day has been closed yet.
pub fn no_day_sealed(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "chưa có ngày nào khóa sổ",
        Lang::En => "no day closed yet",
    }
}

/// The audit chain's head when an open day's report was made.
pub fn seal_open(lang: Lang, seq: i64) -> String {
    match lang {
        Lang::Vi => format!("Nhật ký kiểm toán lúc lập báo cáo (chưa niêm phong): dòng #{seq}"),
        Lang::En => format!("Audit log when the report was made (not sealed): row #{seq}"),
    }
}

/// Missing receipt numbers, as a warning at the top.
pub fn gap_warning(lang: Lang, office: &str, year: i32, from: i64, to: i64) -> String {
    match lang {
        Lang::Vi => format!(
            "CẢNH BÁO: thiếu số biên nhận {office} năm {year}: từ {from} đến {to} (xem mục IV)."
        ),
        Lang::En => {
            format!("WARNING: receipt numbers missing, {office} {year}: {from} to {to} (see IV).")
        }
    }
}

/// A clerk as "Full Name (login)".
pub fn clerk(full_name: &str, login: &str) -> String {
    format!("{full_name} ({login})")
}

/// The first and last receipt of a clerk's day.
pub fn receipt_range(first: &str, last: &str) -> String {
    format!("{first} – {last}")
}

/// Under a drawer counted before its cash changed again.
pub fn expected_at_count(lang: Lang, amount: &str) -> String {
    match lang {
        Lang::Vi => format!("lúc đếm phải có {amount}; quỹ đã thay đổi sau khi đếm"),
        Lang::En => format!("expected {amount} when counted; the drawer changed after the count"),
    }
}

/// A period in the unpaid table ("Tháng 11/2026").
pub fn month(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Vi => format!("Tháng {label}"),
        Lang::En => format!("Month {label}"),
    }
}

/// A method's short name, for narrow pages.
pub fn method_short(lang: Lang, m: PayMethod) -> &'static str {
    match (lang, m) {
        (Lang::Vi, PayMethod::Cash) => "TM quầy",
        (Lang::Vi, PayMethod::Home) => "TM nhà",
        (Lang::Vi, PayMethod::Bank) => "CK NH",
        (Lang::Vi, PayMethod::Wallet) => "TK số",
        (Lang::En, PayMethod::Cash) => "Counter",
        (Lang::En, PayMethod::Home) => "Home",
        (Lang::En, PayMethod::Bank) => "Bank",
        (Lang::En, PayMethod::Wallet) => "Digital",
    }
}

/// "ngày 03 tháng 12 năm 2026" for the stored day "2026-12-03", as
/// Vietnamese official documents write a date: a day below 10 and the
/// months 1 and 2 take a leading zero. In English: "3 December 2026".
/// A day that is not "YYYY-MM-DD" is returned as it is.
pub fn written_date(lang: Lang, day: &str) -> String {
    let parts = (
        day.get(0..4).and_then(|y| y.parse::<u32>().ok()),
        day.get(5..7).and_then(|m| m.parse::<u32>().ok()),
        day.get(8..10).and_then(|d| d.parse::<u32>().ok()),
    );
    let (Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) = parts else {
        return for_display(day).into_owned();
    };
    match lang {
        Lang::Vi => {
            let month = if m <= 2 {
                format!("{m:02}")
            } else {
                m.to_string()
            };
            format!("ngày {d:02} tháng {month} năm {y}")
        }
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            format!("{d} {} {y}", MONTHS[m as usize - 1])
        }
    }
}

/// The xlsx footer: the page number of the number of pages (Excel's
/// header/footer codes).
pub fn page_footer(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "&CTrang &P/&N",
        Lang::En => "&CPage &P of &N",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_as_official_documents_do() {
        assert_eq!(
            written_date(Lang::Vi, "2026-12-03"),
            "ngày 03 tháng 12 năm 2026"
        );
        assert_eq!(
            written_date(Lang::Vi, "2026-02-15"),
            "ngày 15 tháng 02 năm 2026"
        );
        assert_eq!(
            written_date(Lang::Vi, "2026-11-10"),
            "ngày 10 tháng 11 năm 2026"
        );
        assert_eq!(
            written_date(Lang::Vi, "2026-03-09"),
            "ngày 09 tháng 3 năm 2026"
        );
        assert_eq!(written_date(Lang::Vi, "hôm nay"), "hôm nay");
    }

    #[test]
    fn the_drawer_is_quy_and_accents_are_old_style() {
        let text = format!("{VI:?}");
        // Whole words: "hoàn" is right, only the new-style words are wrong.
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        for wrong in ["két", "huỷ", "xoá", "hoà"] {
            assert!(!words.iter().any(|w| w == wrong), "{wrong} in {text}");
        }
        assert!(words.iter().any(|w| w == "quỹ") && words.iter().any(|w| w == "hủy"));
    }
}
