//! The day report (báo cáo chi trả ngày) as 80 columns of plain text for a
//! dot-matrix or laser printer.
//!
//! It lays out a [`DayReport`] and nothing else: every count and amount
//! printed is a field of the report (or one of its own methods), so the
//! printout cannot disagree with the close screen or the exports. The only
//! arithmetic here is the value of each banknote line of a drawer count
//! (denomination × notes), which is shown next to the count's own total.
//!
//! Order on paper: heading and status, why the day cannot be closed yet,
//! I. office totals (by method, by category, cash), II. each clerk and their
//! drawer, III. voids, IV. receipt-number gaps, V. people still unpaid,
//! VI. the day's payments, then the net total in figures and in words, the
//! audit seal, the place and date, and three signature blocks.
//!
//! Every name, reason or label that came from the database goes through
//! `for_display`; every line is at most [`WIDTH`] columns, long text is
//! wrapped (or, in table columns, cut with "…").

use super::text::{WIDTH, center, pad, right, width, wrap};
use crate::config::Office;
use crate::domain::Money;
use crate::domain::payment::PayMethod;
use crate::domain::report::{Blocker, ClerkDay, DayReport, Gap, Seal, Tally};
use crate::domain::words::in_words;
use crate::i18n::{Lang, labels, lang, tr as t};
use crate::text::for_display;

/// The report of `report`'s day as text, one "\n" after every line.
pub fn render_text(office: &Office, report: &DayReport) -> String {
    let mut doc = Doc::default();
    heading(&mut doc, office, report);
    blockers(&mut doc, report);
    office_totals(&mut doc, report);
    clerks(&mut doc, report);
    voids(&mut doc, report);
    gaps(&mut doc, report);
    unpaid(&mut doc, report);
    payments(&mut doc, report);
    closing(&mut doc, office, report);
    let mut text = doc.lines.join("\n");
    text.push('\n');
    text
}

/// "ngày 03 tháng 12 năm 2026" for the stored day "2026-12-03", as
/// Vietnamese official documents write a date: a day below 10 and the
/// months 1 and 2 take a leading zero. In English: "3 December 2026".
/// A day that is not "YYYY-MM-DD" is returned as it is.
pub fn written_date(day: &str) -> String {
    let parts = (
        day.get(0..4).and_then(|y| y.parse::<u32>().ok()),
        day.get(5..7).and_then(|m| m.parse::<u32>().ok()),
        day.get(8..10).and_then(|d| d.parse::<u32>().ok()),
    );
    let (Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) = parts else {
        return for_display(day).into_owned();
    };
    match lang() {
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

/// The seal's hash in groups of four characters, eight groups a line, so
/// it can be read aloud and compared on paper.
pub fn hash_lines(hash: &str) -> Vec<String> {
    let shown = for_display(hash);
    let chars: Vec<char> = shown.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .chunks(32)
        .map(|line| {
            line.chunks(4)
                .map(|g| g.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The lines of the page being written.
#[derive(Default)]
struct Doc {
    lines: Vec<String>,
}

impl Doc {
    fn push(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    fn blank(&mut self) {
        self.lines.push(String::new());
    }

    /// `text` wrapped into lines of at most `cols` columns after `indent`.
    fn para(&mut self, indent: usize, text: &str) {
        let lead = " ".repeat(indent);
        for l in fit(text, WIDTH - indent) {
            self.push(format!("{lead}{l}"));
        }
    }

    /// `text` wrapped and each line centred.
    fn centered(&mut self, text: &str) {
        for l in fit(text, WIDTH) {
            self.push(center(&l));
        }
    }

    /// A numbered section title, underlined.
    fn section(&mut self, title: &str) {
        self.blank();
        self.para(0, title);
        let w = width(title).min(WIDTH);
        self.push("-".repeat(w));
    }

    /// `label`, then a count and an amount in right-aligned columns.
    fn row(&mut self, indent: usize, label: &str, count: Option<i64>, amount: &str) {
        let count = count.map(|c| c.to_string()).unwrap_or_default();
        self.columns(indent, label, &count, amount);
    }

    /// `label` cut to fit, then `count` and `amount` right-aligned in their
    /// columns (also used for the headings of those columns).
    fn columns(&mut self, indent: usize, label: &str, count: &str, amount: &str) {
        let tail = format!("{}{}", right(count, COUNT_COLS), right(amount, AMOUNT_COLS));
        let label_cols = WIDTH.saturating_sub(indent + width(&tail)).max(1);
        self.push(format!(
            "{}{}{tail}",
            " ".repeat(indent),
            pad(label, label_cols)
        ));
    }

    fn tally(&mut self, indent: usize, label: &str, t: Tally) {
        self.row(indent, label, Some(t.count), &t.amount.to_string());
    }

    fn money(&mut self, indent: usize, label: &str, m: Money) {
        self.row(indent, label, None, &m.to_string());
    }

    /// `left` and `right` on one line, `left` cut if both do not fit.
    fn two(&mut self, left: &str, right_text: &str) {
        let rw = width(right_text);
        let lw = WIDTH.saturating_sub(rw + 1).max(1);
        self.push(format!("{} {right_text}", pad(left, lw)));
    }
}

const COUNT_COLS: usize = 10;
const AMOUNT_COLS: usize = 22;

/// Text from the database, harmless to print.
fn s(v: &str) -> String {
    for_display(v).into_owned()
}

/// `text` wrapped at spaces into lines of at most `cols` columns; a word
/// longer than a line is broken where it reaches the edge.
fn fit(text: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut out = Vec::new();
    for line in wrap(text, cols, "") {
        let mut rest = line.as_str();
        while width(rest) > cols {
            let mut used = 0;
            let mut cut = rest.len();
            for (i, c) in rest.char_indices() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + cw > cols {
                    cut = i;
                    break;
                }
                used += cw;
            }
            let cut = if cut == 0 {
                rest.chars().next().map_or(rest.len(), char::len_utf8)
            } else {
                cut
            };
            out.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out
}

/// A clerk as "Full Name (login)".
fn clerk_label(c: &ClerkDay) -> String {
    format!("{} ({})", s(&c.full_name), s(&c.name))
}

/// A short name for a table column: the name if it fits, else initials
/// before the given name ("Phạm Văn Long" → "P.V. Long").
fn short_name(full: &str, cols: usize) -> String {
    let full = s(full);
    if width(&full) <= cols {
        return full;
    }
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.split_last() {
        Some((last, init)) if !init.is_empty() => {
            let initials: String = init
                .iter()
                .filter_map(|w| w.chars().next())
                .flat_map(|c| [c, '.'])
                .collect();
            format!("{initials} {last}")
        }
        _ => full,
    }
}

fn method_short(m: PayMethod) -> &'static str {
    match m {
        PayMethod::Cash => t("TM quầy", "Counter"),
        PayMethod::Home => t("TM nhà", "Home"),
        PayMethod::Bank => t("CK NH", "Bank"),
        PayMethod::Wallet => t("TK số", "Digital"),
    }
}

fn heading(doc: &mut Doc, office: &Office, report: &DayReport) {
    doc.centered(&s(&office.name).to_uppercase());
    doc.centered(&format!("{}, {}", s(&office.commune), s(&office.province)));
    doc.centered(&format!(
        "{} {} · {} {}",
        t("Mã bưu cục:", "Office code:"),
        s(&office.code),
        t("Chi trả thay:", "Paying for:"),
        s(&office.paying_agency)
    ));
    doc.blank();
    doc.centered(&format!(
        "{} {}",
        t("BÁO CÁO CHI TRẢ NGÀY", "DAILY PAYMENT REPORT"),
        labels::date(&s(&report.day))
    ));
    match &report.closed {
        Some(c) => doc.centered(&format!(
            "{} {} {} {}",
            t("ĐÃ KHÓA SỔ lúc", "CLOSED at"),
            labels::date_time(&s(&c.at)),
            t("bởi", "by"),
            s(&c.by)
        )),
        None => doc.centered(t(
            "CHƯA KHÓA SỔ — báo cáo giữa ngày",
            "NOT CLOSED — mid-day report",
        )),
    }
    doc.push("=".repeat(WIDTH));
}

fn blockers(doc: &mut Doc, report: &DayReport) {
    if report.blockers.is_empty() {
        return;
    }
    doc.blank();
    doc.push(t("Chưa thể khóa sổ:", "The day cannot be closed yet:"));
    for b in &report.blockers {
        let line = match b {
            Blocker::NotCounted { clerk } => format!(
                "- {} {} {}",
                t("Két của", "The drawer of"),
                s(clerk),
                t("chưa được đếm.", "has not been counted.")
            ),
            Blocker::NoReason { clerk, difference } => format!(
                "- {} {} {} {} {}",
                t("Két của", "The drawer of"),
                s(clerk),
                t("chênh lệch", "is off by"),
                difference,
                t("mà chưa ghi lý do.", "and no reason is written.")
            ),
        };
        for (i, l) in fit(&line, WIDTH - 4).into_iter().enumerate() {
            doc.push(format!("{}{l}", if i == 0 { "  " } else { "    " }));
        }
    }
}

fn table_head(doc: &mut Doc, indent: usize, first: &str) {
    doc.columns(indent, first, t("Số món", "Count"), t("Số tiền", "Amount"));
}

fn office_totals(doc: &mut Doc, report: &DayReport) {
    let tot = &report.totals;
    doc.section(t("I. TỔNG HỢP TOÀN BƯU CỤC", "I. OFFICE TOTALS"));
    table_head(doc, 2, t("Khoản", "Item"));
    doc.tally(
        2,
        t("Chi trả trong ngày", "Payments of the day"),
        tot.payments,
    );
    doc.tally(
        2,
        t("Hủy trong ngày (trừ ra)", "Voids of the day (less)"),
        tot.voids,
    );
    doc.money(2, t("THỰC CHI", "NET PAID"), tot.net);

    doc.blank();
    doc.push(format!(
        "  {}",
        t(
            "Theo hình thức chi trả (sau hủy):",
            "By method (net of voids):"
        )
    ));
    if tot.by_method.is_empty() {
        doc.push(format!("    {}", t("Không có.", "None.")));
    }
    for (m, tally) in &tot.by_method {
        doc.tally(4, labels::method(*m), *tally);
    }

    doc.blank();
    doc.push(format!(
        "  {}",
        t(
            "Theo diện đối tượng (sau hủy):",
            "By category (net of voids):"
        )
    ));
    if tot.by_category.is_empty() {
        doc.push(format!("    {}", t("Không có.", "None.")));
    }
    for (cat, tally) in &tot.by_category {
        doc.tally(4, &s(cat), *tally);
    }

    doc.blank();
    doc.push(format!(
        "  {}",
        t("Tiền mặt các két:", "Cash in the drawers:")
    ));
    doc.money(4, t("Phải có", "Expected"), tot.cash_expected);
    doc.money(4, t("Đã đếm", "Counted"), tot.cash_counted);
    doc.money(
        4,
        t(
            "Chênh lệch (các két đã đếm)",
            "Difference (counted drawers)",
        ),
        report.difference(),
    );
}

fn clerks(doc: &mut Doc, report: &DayReport) {
    doc.section(t(
        "II. TỪNG GIAO DỊCH VIÊN VÀ KÉT TIỀN",
        "II. EACH CLERK AND THEIR DRAWER",
    ));
    if report.clerks.is_empty() {
        doc.push(format!("  {}", t("Không có.", "None.")));
    }
    for (i, c) in report.clerks.iter().enumerate() {
        if i > 0 {
            doc.blank();
        }
        let who = format!("{}. {}", i + 1, clerk_label(c));
        match &c.receipts {
            Some((first, last)) => doc.two(
                &who,
                &format!("{} {} → {}", t("Biên nhận", "Receipts"), s(first), s(last)),
            ),
            None => doc.para(0, &who),
        }
        table_head(doc, 2, t("Hình thức", "Method"));
        for (m, tally) in &c.by_method {
            doc.tally(2, labels::method(*m), *tally);
        }
        doc.tally(2, t("Cộng chi trả", "Total paid"), c.payments);
        if c.voids.count != 0 {
            doc.tally(
                2,
                t("Hủy (do GDV này đề nghị)", "Voids (asked by this clerk)"),
                c.voids,
            );
        }
        drawer(doc, c);
    }
}

fn drawer(doc: &mut Doc, c: &ClerkDay) {
    let used = c.count.is_some()
        || [c.float, c.issued, c.returned, c.cash_paid, c.cash_voided]
            .iter()
            .any(|m| !m.is_zero());
    if !used {
        doc.push(format!(
            "  {}",
            t(
                "Không dùng két tiền mặt trong ngày.",
                "No cash drawer used today."
            )
        ));
        return;
    }
    doc.push(format!("  {}", t("Tiền mặt:", "Cash:")));
    doc.money(4, t("Tiền đầu ngày (tạm ứng)", "Opening float"), c.float);
    doc.money(
        4,
        t("Nhận thêm trong ngày", "Issued during the day"),
        c.issued,
    );
    doc.money(4, t("Nộp lại", "Returned"), c.returned);
    doc.money(
        4,
        t(
            "Đã chi tiền mặt (quầy và tại nhà)",
            "Paid out in cash (counter, home)",
        ),
        c.cash_paid,
    );
    doc.money(
        4,
        t("Hoàn lại két do hủy", "Back in the drawer from voids"),
        c.cash_voided,
    );
    doc.money(4, t("PHẢI CÓ", "EXPECTED"), c.expected);
    let Some(n) = &c.count else {
        doc.row(
            4,
            t("ĐÃ ĐẾM", "COUNTED"),
            None,
            t("CHƯA ĐẾM", "NOT COUNTED"),
        );
        return;
    };
    doc.money(4, t("ĐÃ ĐẾM", "COUNTED"), n.counted);
    for (denom, notes) in n.notes.iter().rev() {
        let value = denom
            .checked_mul(*notes)
            .map(|v| Money::from_dong(v).to_string())
            .unwrap_or_default();
        doc.row(
            6,
            &format!("{} {}", t("Loại", "Notes of"), Money::from_dong(*denom)),
            Some(*notes),
            &value,
        );
    }
    if n.expected != c.expected {
        doc.para(
            6,
            &format!(
                "({} {}; {})",
                t(
                    "Lúc đếm, số phải có là",
                    "When counted, the expected cash was"
                ),
                n.expected,
                t(
                    "két đã thay đổi sau khi đếm",
                    "the drawer changed after the count"
                )
            ),
        );
    }
    doc.money(4, t("CHÊNH LỆCH", "DIFFERENCE"), n.difference);
    match n.reason.as_deref().map(str::trim) {
        Some(r) if !r.is_empty() => {
            doc.para(6, &format!("{} {}", t("Lý do:", "Reason:"), s(r)));
        }
        _ if !n.difference.is_zero() => {
            doc.para(6, t("Lý do: CHƯA GHI", "Reason: NOT GIVEN"));
        }
        _ => {}
    }
}

fn voids(doc: &mut Doc, report: &DayReport) {
    doc.section(t("III. CÁC MÓN ĐÃ HỦY", "III. VOIDED PAYMENTS"));
    if report.voids.is_empty() {
        doc.push(format!("  {}", t("Không có.", "None.")));
        return;
    }
    for (i, v) in report.voids.iter().enumerate() {
        doc.two(
            &format!(
                "{:>3}. *** {} *** {} ({} {})",
                i + 1,
                t("ĐÃ HỦY", "VOIDED"),
                s(&v.receipt_no),
                t("chi ngày", "paid on"),
                labels::date(&s(&v.paid_on))
            ),
            &v.amount.to_string(),
        );
        doc.para(
            6,
            &format!(
                "{} · {} {}",
                labels::method(v.method),
                t("Lý do:", "Reason:"),
                s(&v.reason)
            ),
        );
        doc.para(
            6,
            &format!(
                "{} {} · {} {}",
                t("Người đề nghị:", "Requested by:"),
                s(&v.requested_by),
                t("Người duyệt:", "Approved by:"),
                s(&v.approved_by)
            ),
        );
    }
    doc.tally(2, t("Cộng hủy", "Total voided"), report.totals.voids);
}

fn gap_text(g: &Gap) -> String {
    let range = if g.from == g.to {
        format!("{} {}", t("số", "no."), g.from)
    } else {
        format!("{} {} {} {}", t("số", "nos."), g.from, t("đến", "to"), g.to)
    };
    format!(
        "!! {} {} {} {}: {range}",
        t("Thiếu biên nhận", "Missing receipts"),
        s(&g.office),
        t("năm", "year"),
        g.year
    )
}

fn gaps(doc: &mut Doc, report: &DayReport) {
    doc.section(t(
        "IV. SỐ BIÊN NHẬN BỊ THIẾU",
        "IV. GAPS IN RECEIPT NUMBERS",
    ));
    if report.receipt_gaps.is_empty() {
        doc.push(format!(
            "  {}",
            t("Không thiếu số nào.", "No number is missing.")
        ));
        return;
    }
    for g in &report.receipt_gaps {
        doc.para(2, &gap_text(g));
    }
    doc.para(
        2,
        t(
            "Cảnh báo: số biên nhận phải liền nhau; hãy tìm hiểu vì sao thiếu trước khi khóa sổ.",
            "Warning: receipt numbers must follow each other; find out why before closing.",
        ),
    );
}

fn unpaid(doc: &mut Doc, report: &DayReport) {
    doc.section(t(
        "V. NGƯỜI CHƯA NHẬN TRONG CÁC KỲ ĐANG MỞ",
        "V. PEOPLE STILL UNPAID IN OPEN PERIODS",
    ));
    if report.unpaid.is_empty() {
        doc.push(format!("  {}", t("Không có.", "None.")));
        return;
    }
    doc.columns(
        2,
        t("Kỳ", "Period"),
        t("Số người", "People"),
        t("Số tiền còn phải chi", "Amount still owed"),
    );
    for u in &report.unpaid {
        doc.row(
            2,
            &format!("{} {}", t("Tháng", "Month"), u.period.short_label()),
            Some(u.people),
            &u.amount.to_string(),
        );
    }
}

fn payments(doc: &mut Doc, report: &DayReport) {
    doc.section(t(
        "VI. DANH SÁCH CHI TRẢ TRONG NGÀY",
        "VI. THE DAY'S PAYMENTS",
    ));
    if report.payments.is_empty() {
        doc.push(format!("  {}", t("Không có.", "None.")));
        return;
    }
    let no_w = report.payments.len().to_string().len().max(3);
    let receipt_w = report
        .payments
        .iter()
        .map(|p| width(&s(&p.receipt_no)))
        .max()
        .unwrap_or(0)
        .clamp(width(t("Biên nhận", "Receipt")), 18);
    let time_w = 5;
    let method_w = PayMethod::ALL
        .iter()
        .map(|m| width(method_short(*m)))
        .chain([width(t("Hình thức", "Method"))])
        .max()
        .unwrap_or(0);
    let amount_w = report
        .payments
        .iter()
        .map(|p| width(&p.amount.to_string()))
        .max()
        .unwrap_or(0)
        .max(13);
    let mut clerk_w = 12;
    let fixed = |clerk_w: usize| no_w + receipt_w + time_w + method_w + amount_w + clerk_w + 6;
    while fixed(clerk_w) + 8 > WIDTH && clerk_w > 4 {
        clerk_w -= 1;
    }
    let person_w = WIDTH.saturating_sub(fixed(clerk_w)).max(1);
    let line = |no: &str,
                receipt: &str,
                time: &str,
                person: &str,
                method: &str,
                amount: &str,
                clerk: &str| {
        format!(
            "{} {} {} {} {} {} {}",
            right(no, no_w),
            pad(receipt, receipt_w),
            pad(time, time_w),
            pad(person, person_w),
            pad(method, method_w),
            right(amount, amount_w),
            pad(clerk, clerk_w)
        )
        .trim_end()
        .to_string()
    };
    doc.push(line(
        t("STT", "No."),
        t("Biên nhận", "Receipt"),
        t("Giờ", "Time"),
        t("Người hưởng", "Beneficiary"),
        t("Hình thức", "Method"),
        t("Số tiền", "Amount"),
        t("GDV", "Clerk"),
    ));
    doc.push("-".repeat(WIDTH));
    for (i, p) in report.payments.iter().enumerate() {
        doc.push(line(
            &(i + 1).to_string(),
            &s(&p.receipt_no),
            p.paid_at.get(11..16).unwrap_or(""),
            &s(&p.person),
            method_short(p.method),
            &p.amount.to_string(),
            &short_name(&p.clerk, clerk_w),
        ));
        if p.voided {
            doc.push(format!(
                "{}*** {} ***",
                " ".repeat(no_w + 1),
                t(
                    "ĐÃ HỦY — xem mục III, không tính vào thực chi",
                    "VOIDED — see III, not part of the net"
                )
            ));
        }
    }
    doc.push("-".repeat(WIDTH));
    doc.tally(2, t("Cộng chi trả", "Total paid"), report.totals.payments);
    let legend: Vec<String> = PayMethod::ALL
        .iter()
        .map(|m| format!("{} = {}", method_short(*m), labels::method(*m)))
        .collect();
    doc.para(
        2,
        &format!("{} {}", t("Hình thức:", "Methods:"), legend.join("; ")),
    );
}

fn seal_lines(doc: &mut Doc, label: &str, seal: &Seal) {
    doc.para(0, &format!("{label} #{} · SHA-256:", seal.seq));
    for l in hash_lines(&seal.hash) {
        doc.push(format!("    {l}"));
    }
}

fn closing(doc: &mut Doc, office: &Office, report: &DayReport) {
    doc.blank();
    doc.push("=".repeat(WIDTH));
    doc.money(
        0,
        t("TỔNG SỐ TIỀN THỰC CHI TRONG NGÀY", "NET PAID IN THE DAY"),
        report.totals.net,
    );
    doc.para(
        0,
        &format!(
            "{} {}",
            t("Bằng chữ:", "In words:"),
            in_words(report.totals.net.dong())
        ),
    );
    doc.blank();
    match (&report.closed, &report.audit_head) {
        (Some(c), _) => seal_lines(
            doc,
            t("Dấu niêm phong nhật ký:", "Audit log seal:"),
            &c.seal,
        ),
        (None, Some(h)) => seal_lines(
            doc,
            t(
                "Đầu nhật ký lúc lập báo cáo (chưa niêm phong):",
                "Audit log head when printed (not sealed):",
            ),
            h,
        ),
        (None, None) => doc.para(
            0,
            t("Nhật ký kiểm toán còn trống.", "The audit log is empty."),
        ),
    }
    doc.blank();
    let place_date = format!("{}, {}", s(&office.commune), written_date(&report.day));
    for l in fit(&place_date, WIDTH) {
        doc.push(right(&l, WIDTH));
    }
    const CELL: usize = WIDTH / 3;
    let cells = |a: &str, b: &str, c: &str| {
        let mid = |x: &str| {
            let x = pad(x, CELL);
            let x = x.trim_end();
            let lead = (CELL - width(x)) / 2;
            format!("{}{}", " ".repeat(lead), pad(x, CELL - lead))
        };
        format!("{}{}{}", mid(a), mid(b), mid(c))
            .trim_end()
            .to_string()
    };
    doc.push(cells(
        t("Người lập biểu", "Prepared by"),
        t("Kiểm soát", "Checked by"),
        t("Trưởng bưu cục", "Head of office"),
    ));
    let hint = t("(Ký, ghi rõ họ tên)", "(Signature, full name)");
    doc.push(cells(hint, hint, hint));
    for _ in 0..4 {
        doc.blank();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_as_official_documents_do() {
        assert_eq!(written_date("2026-12-03"), "ngày 03 tháng 12 năm 2026");
        assert_eq!(written_date("2026-02-15"), "ngày 15 tháng 02 năm 2026");
        assert_eq!(written_date("2026-11-10"), "ngày 10 tháng 11 năm 2026");
        assert_eq!(written_date("2026-03-09"), "ngày 09 tháng 3 năm 2026");
        assert_eq!(written_date("hôm nay"), "hôm nay");
    }

    #[test]
    fn the_hash_is_grouped_for_reading_aloud() {
        let hash = "3f2a".repeat(16);
        let lines = hash_lines(&hash);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], ["3f2a"; 8].join(" "));
        assert_eq!(lines.concat().replace(' ', ""), hash);
    }

    #[test]
    fn long_words_are_broken_at_the_edge() {
        let word = "Ả".repeat(200);
        let lines = fit(&format!("Lý do: {word}"), 70);
        assert!(lines.iter().all(|l| width(l) <= 70), "{lines:?}");
        assert_eq!(lines.concat().matches('Ả').count(), 200);
    }

    #[test]
    fn clerks_too_long_for_the_column_are_shown_by_initials() {
        assert_eq!(short_name("Phạm Văn Long", 12), "P.V. Long");
        assert_eq!(short_name("Lê Thị Hoa", 12), "Lê Thị Hoa");
    }
}
