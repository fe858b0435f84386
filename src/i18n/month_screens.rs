//! Wording of the month's screens (the supervisor's "Tháng" screen and its
//! steps: change lists, unpaid reasons, period close, signing list, bank
//! batches) and of the decrease section of the period's results.
//! Vietnamese first, English for maintainers.

use super::Lang;

/// The period results' section of the people a decrease list stopped.
pub fn decrease_heading(lang: Lang) -> &'static str {
    lang.pick(
        "IV.b DANH SÁCH GIẢM (DỪNG CHI TỪ THÁNG)",
        "IV.b DECREASE LISTS (PAYMENT STOPPED FROM)",
    )
}

pub fn nobody_decreased(lang: Lang) -> &'static str {
    lang.pick(
        "Không có ai trong danh sách giảm.",
        "Nobody is on a decrease list.",
    )
}

pub fn col_stop_reason(lang: Lang) -> &'static str {
    lang.pick("Lý do giảm", "Reason")
}

pub fn col_from_month(lang: Lang) -> &'static str {
    lang.pick("Từ tháng", "From")
}

pub fn col_to_recover(lang: Lang) -> &'static str {
    lang.pick("Phải thu hồi", "To recover")
}

pub fn row_recover_total(lang: Lang) -> &'static str {
    lang.pick("Cộng phải thu hồi", "To recover in all")
}

/// A stored stop reason code in words, with the list's own text.
pub fn stop_reason(lang: Lang, code: &str, text: Option<&str>) -> String {
    let word = crate::store::changes::StopReason::from_code(code).map_or_else(
        || code.to_string(),
        |r| super::changes::stop_reason(lang, r).to_string(),
    );
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => format!("{word}: {}", crate::text::for_display(t)),
        None => word.to_string(),
    }
}

/// The status of a person the decrease list stopped, in the table of
/// people whose payment stopped.
pub fn stopped_status(lang: Lang) -> &'static str {
    lang.pick("Dừng chi (danh sách giảm)", "Stopped (decrease list)")
}

/// The month screen's title.
pub fn title(lang: Lang, period: crate::domain::Period) -> String {
    format!(
        "{} {}",
        lang.pick("Tháng — kỳ", "Month — period"),
        super::labels::period(period)
    )
}

/// The name of view `i` (results, unpaid reasons, signing list).
pub fn tab(lang: Lang, i: usize) -> &'static str {
    match i {
        0 => lang.pick("Kết quả", "Results"),
        1 => lang.pick("Lý do chưa nhận", "Unpaid reasons"),
        2 => lang.pick("Danh sách ký nhận", "Signing list"),
        _ => lang.pick("Chuyển khoản", "Transfers"),
    }
}

/// The figures over every view of the month screen, in one line of at most
/// 78 columns for the usual amounts: what changes the supervisor's next
/// step (closed, waiting at the bank) first, then the amounts in đồng.
pub fn figures(lang: Lang, 
    r: &crate::domain::period_report::PeriodReport,
    sent: usize,
    failed: usize,
) -> String {
    let mut out = String::new();
    if r.closed_at.is_some() {
        out.push_str(lang.pick("ĐÃ KHÓA · ", "CLOSED · "));
    }
    if sent > 0 || failed > 0 {
        out.push_str(&format!(
            "{} {sent} · {} {failed} · ",
            lang.pick("chờ NH", "at bank"),
            lang.pick("lỗi NH", "bank failed"),
        ));
    }
    out.push_str(&format!(
        "{} {} · {} {} · {} {} · {} {} đ",
        lang.pick("DS", "Listed"),
        r.imported.format_plain(),
        lang.pick("chi", "paid"),
        r.paid.format_plain(),
        lang.pick("chưa", "unpaid"),
        r.unpaid.format_plain(),
        lang.pick("dừng", "stopped"),
        r.stopped.format_plain(),
    ));
    out
}

pub fn nobody_unpaid(lang: Lang) -> &'static str {
    lang.pick(
        "Không còn ai chưa nhận trong kỳ này.",
        "Nobody is unpaid in this period.",
    )
}

/// The reasons' keys, over the list of unpaid people.
pub fn reason_keys(lang: Lang) -> &'static str {
    lang.pick(
        "1 chưa đến  2 đi vắng  3 nằm viện  4 đã mất  5 từ chối  6 khác (ghi chú)",
        "1 did not come  2 away  3 hospital  4 deceased  5 refused  6 other (note)",
    )
}

/// One unpaid person's line: code, name, what is left, the reason so far.
pub fn unpaid_row(lang: Lang, p: &crate::domain::period_report::PersonOutcome, width: usize) -> String {
    use crate::domain::period_report::Transfer;
    let reason = match (p.reason, &p.transfer) {
        (Some(r), _) => super::month::reason(lang, r).to_string(),
        (None, Some(Transfer::Sent { batch })) => super::bank::sent_mark(lang, *batch),
        (None, Some(Transfer::Failed { batch, reason })) => {
            super::bank::failed_mark(lang, *batch, reason)
        }
        (None, None) => lang.pick("— chưa có lý do —", "— no reason yet —").to_string(),
    };
    use crate::text::layout::{fit, pad, right};
    let name = crate::text::for_display(&format!("{} {}", p.code, p.full_name)).into_owned();
    let line = format!(
        "{} {}  {}",
        pad(&name, 30),
        right(&p.left().to_string(), 14),
        crate::text::for_display(&reason)
    );
    fit(&line, width)
}

pub fn reason_recorded(lang: Lang, code: &str, reason: crate::domain::period_report::UnpaidReason) -> String {
    format!(
        "{} {}: {}",
        lang.pick("Đã ghi lý do cho", "Reason recorded for"),
        crate::text::for_display(code),
        super::month::reason(lang, reason)
    )
}

pub fn printed(lang: Lang, path: &str) -> String {
    format!("{} {path}", lang.pick("Đã ghi bản in:", "Printout written:"))
}

pub fn printing(lang: Lang, printer: &str) -> String {
    format!("{} {printer}…", lang.pick("Đang gửi máy in", "Sending to printer"))
}

pub fn key_views(lang: Lang) -> &'static str {
    lang.pick(
        "Chuyển xem: kết quả, lý do chưa nhận, danh sách ký nhận",
        "Switch view: results, unpaid reasons, signing list",
    )
}

pub fn short_views(lang: Lang) -> &'static str {
    lang.pick("Xem", "View")
}

pub fn key_close(lang: Lang) -> &'static str {
    lang.pick(
        "Khóa kỳ và ghi tệp kết quả (mã PIN)",
        "Close the period and write the results (PIN)",
    )
}

pub fn short_close(lang: Lang) -> &'static str {
    lang.pick("Khóa kỳ", "Close")
}

pub fn key_reason(lang: Lang) -> &'static str {
    lang.pick(
        "Ghi lý do chưa nhận cho người đang chọn",
        "Record the picked person's reason",
    )
}

pub fn short_reason(lang: Lang) -> &'static str {
    lang.pick("Lý do", "Reason")
}

pub fn key_print(lang: Lang) -> &'static str {
    lang.pick("In trang đang xem", "Print what is shown")
}

pub fn label_note(lang: Lang) -> &'static str {
    lang.pick("Ghi chú", "Note")
}

pub fn note_title(lang: Lang) -> &'static str {
    lang.pick("Lý do khác", "Another reason")
}

pub fn note_what(lang: Lang, code: &str) -> String {
    format!(
        "{} {}",
        lang.pick(
            "Ghi rõ vì sao chưa nhận:",
            "Say why this person was not paid:"
        ),
        crate::text::for_display(code)
    )
}

pub fn key_note_submit(lang: Lang) -> &'static str {
    lang.pick("Ghi lý do", "Record the reason")
}

pub fn close_title(lang: Lang) -> &'static str {
    lang.pick("Khóa kỳ", "Close the period")
}

pub fn close_what(lang: Lang, period: crate::domain::Period) -> String {
    format!(
        "{} {}. {}",
        lang.pick("Khóa kỳ", "Close the period"),
        super::labels::period(period),
        lang.pick(
            "Sau khi khóa không chi, không nhập, không sửa gì của kỳ này nữa.",
            "After the close nothing more is paid, imported or changed in it."
        )
    )
}

pub fn close_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Tệp kết quả (xlsx) gửi cơ quan chi trả được ghi vào đường dẫn dưới đây. Nhập mã PIN rồi Enter.",
        "The results file (xlsx) for the payer is written to the path below. Type your PIN, then Enter.",
    )
}

pub fn label_results_path(lang: Lang) -> &'static str {
    lang.pick("Tệp kết quả", "Results file")
}

pub fn need_path(lang: Lang) -> &'static str {
    lang.pick(
        "Cần đường dẫn tệp kết quả.",
        "The results file needs a path.",
    )
}

pub fn closed(lang: Lang, period: crate::domain::Period, path: &str) -> String {
    format!(
        "{} {} — {} {path}",
        lang.pick("Đã khóa kỳ", "Period closed:"),
        super::labels::period(period),
        lang.pick("tệp kết quả:", "results file:")
    )
}

pub fn closed_not_written(lang: Lang, period: crate::domain::Period, path: &str, problem: &str) -> String {
    format!(
        "{} {} {} {path}: {}. {}",
        lang.pick("Đã khóa kỳ", "Period closed:"),
        super::labels::period(period),
        lang.pick(
            "nhưng chưa ghi được tệp",
            "but the file could not be written to"
        ),
        crate::text::for_display(problem),
        lang.pick(
            "Ghi lại tệp bằng: chitra report period YYYY-MM --format xlsx --out TỆP",
            "Write it again with: chitra report period YYYY-MM --format xlsx --out FILE"
        )
    )
}

/// The supervisor's menu entry.
pub fn menu_entry(lang: Lang) -> &'static str {
    lang.pick(
        "Tháng: lý do, ký nhận, khóa kỳ",
        "Month: reasons, signing, close",
    )
}

/// What the demo leaves to try for the month, printed after its files.
pub fn demo_month_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Thử tháng: nhập các danh sách giảm, tăng, điều chỉnh (chitra import TỆP --kind decrease|increase|adjustment, xem trước rồi xác nhận); trưởng bưu cục F2 → Tháng để ghi lý do chưa nhận, in danh sách ký nhận, khóa kỳ.",
        "Try the month: import the decrease, increase and adjustment lists (chitra import FILE --kind decrease|increase|adjustment, preview then confirm); the supervisor's F2 → Month gives unpaid reasons, prints the signing list and closes the period.",
    )
}

/// Over an open period's results: transfers still waiting for the bank
/// block the close.
pub fn bank_waiting(lang: Lang, n: usize) -> String {
    match lang {
        super::Lang::Vi => format!(
            "Còn {n} người trong lô chuyển khoản chưa có kết quả của ngân hàng: phải nhập tệp kết quả trước khi khóa kỳ."
        ),
        super::Lang::En => format!(
            "{n} people are in a transfer batch the bank has not answered yet: import its result file before closing the period."
        ),
    }
}

// The month's files: change lists, the bank's batch and result, the
// signing list as a workbook.

fn w(lang: super::Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        super::Lang::Vi => vi,
        super::Lang::En => en,
    }
}

pub fn key_import_changes(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Nhập danh sách tăng / giảm / điều chỉnh",
        "Import an increase / decrease / adjustment list",
    )
}

pub fn key_bank_batch(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Lập lô chuyển khoản, lưu tệp gửi ngân hàng",
        "Make the transfer batch and save the bank's file",
    )
}

pub fn key_bank_result(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Nhập tệp kết quả của ngân hàng",
        "Import the bank's result file",
    )
}

pub fn key_save_signing(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Lưu danh sách ký nhận (xlsx), theo thôn hoặc cả xã",
        "Save the signing list (xlsx), one hamlet or the commune",
    )
}

pub fn short_save_signing(lang: super::Lang) -> &'static str {
    w(lang, "Lưu xlsx", "Save xlsx")
}

pub fn changes_title(lang: super::Lang) -> &'static str {
    w(lang, "Nhập danh sách thay đổi", "Import a change list")
}

pub fn bank_result_title(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Nhập kết quả chuyển khoản của ngân hàng",
        "Import the bank's transfer result",
    )
}

pub fn label_list_path(lang: super::Lang) -> &'static str {
    w(lang, "Tệp danh sách", "List file")
}

pub fn label_result_path(lang: super::Lang) -> &'static str {
    w(lang, "Tệp kết quả", "Result file")
}

pub fn label_kind(lang: super::Lang) -> &'static str {
    w(lang, "Loại", "Kind")
}

pub fn changes_hint(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Loại: 1 giảm, 2 tăng, 3 điều chỉnh, 4 danh sách tháng (đoán từ tên tệp).\n\
         Enter: xem trước, chưa ghi gì; sau đó mã PIN ghi cả danh sách.",
        "Kind: 1 decrease, 2 increase, 3 adjustment, 4 month's list (guessed from\n\
         the name). Enter: preview, nothing written; then the PIN writes it all.",
    )
}

pub fn bank_result_hint(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Enter: xem trước từng dòng, chưa ghi gì; sau đó mã PIN ghi kết quả.",
        "Enter: preview line by line, nothing written; then the PIN records it.",
    )
}

pub fn need_kind(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Chọn loại danh sách: 1 giảm, 2 tăng, 3 điều chỉnh, 4 danh sách tháng.",
        "Choose the kind: 1 decrease, 2 increase, 3 adjustment, 4 month's list.",
    )
}

pub fn kind_name(lang: super::Lang, kind: crate::service::import::ListKind) -> &'static str {
    use crate::service::import::ListKind;
    match kind {
        ListKind::Monthly => w(lang, "danh sách tháng", "monthly list"),
        ListKind::Increase => w(lang, "danh sách tăng", "increase list"),
        ListKind::Decrease => w(lang, "danh sách giảm", "decrease list"),
        ListKind::Adjustment => w(lang, "danh sách điều chỉnh", "adjustment list"),
    }
}

/// The head of a change list's preview: the file, the kind, the period,
/// the rows and people, the total.
pub fn changes_head(
    lang: super::Lang,
    file: &str,
    kind: crate::service::import::ListKind,
    period: crate::domain::Period,
    rows: usize,
    people: usize,
    total: crate::domain::Money,
) -> Vec<String> {
    let file = crate::text::for_display(file);
    let kind = kind_name(lang, kind);
    match lang {
        super::Lang::Vi => vec![
            format!("Tệp: {file} — {kind}, kỳ {}", period.short_label()),
            format!("Dòng: {rows}   Người: {people}   Tổng tiền: {total}"),
        ],
        super::Lang::En => vec![
            format!("File: {file} — {kind}, period {}", period.short_label()),
            format!("Rows: {rows}   People: {people}   Total: {total}"),
        ],
    }
}

pub fn warnings_heading(lang: super::Lang, n: usize) -> String {
    match lang {
        super::Lang::Vi => format!("Cần xem lại ({n}):"),
        super::Lang::En => format!("Warnings ({n}):"),
    }
}

pub fn rejected_heading(lang: super::Lang, n: usize) -> String {
    match lang {
        super::Lang::Vi => format!("BỊ TỪ CHỐI ({n}):"),
        super::Lang::En => format!("REJECTED ({n}):"),
    }
}

pub fn more_rows(lang: super::Lang, n: usize) -> String {
    match lang {
        super::Lang::Vi => format!("  … và {n} dòng khác."),
        super::Lang::En => format!("  … and {n} more."),
    }
}

pub fn nothing_writable(lang: super::Lang) -> &'static str {
    w(
        lang,
        "KHÔNG GHI ĐƯỢC: sửa các dòng bị từ chối trong tệp (hoặc đề nghị gửi lại) rồi nhập lại. Esc: quay lại.",
        "CANNOT BE WRITTEN: fix the rejected rows (or ask for a corrected list) and import again. Esc: back.",
    )
}

pub fn pin_writes_all(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Xem trước, chưa ghi gì. Gõ mã PIN rồi Enter để ghi tất cả; Esc: không ghi.",
        "A preview, nothing written. Type the PIN and Enter to write it all; Esc: don't.",
    )
}

pub fn changes_written(lang: super::Lang, batch: i64, people: usize) -> String {
    match lang {
        super::Lang::Vi => {
            format!("Đã ghi danh sách vào cơ sở dữ liệu (lô nhập số {batch}, {people} người).")
        }
        super::Lang::En => format!("The list is written (import batch {batch}, {people} people)."),
    }
}

pub fn changes_not_written(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Không ghi gì: danh sách có dòng bị từ chối.",
        "Nothing written: the list has rejected rows.",
    )
}

/// The head of the bank result's preview.
pub fn bank_result_head(lang: super::Lang, batch: i64, done: usize, failed: usize) -> String {
    match lang {
        super::Lang::Vi => {
            format!("Kết quả lô chuyển khoản số {batch}: {done} thành công, {failed} thất bại.")
        }
        super::Lang::En => {
            format!("Result of transfer batch no. {batch}: {done} done, {failed} failed.")
        }
    }
}

pub fn bank_done_mark(lang: super::Lang) -> &'static str {
    w(lang, "thành công", "done")
}

pub fn bank_failed_mark(lang: super::Lang) -> &'static str {
    w(
        lang,
        "thất bại, chi lại tại quầy",
        "failed, payable at the counter",
    )
}

pub fn bank_result_written(lang: super::Lang, batch: i64, done: usize, failed: usize) -> String {
    match lang {
        super::Lang::Vi => format!(
            "Đã ghi kết quả lô số {batch}: {done} dòng đã chi qua ngân hàng, {failed} dòng chi lại tại quầy."
        ),
        super::Lang::En => format!(
            "Batch no. {batch} recorded: {done} lines paid by the bank, {failed} payable at the counter."
        ),
    }
}

pub fn bank_batch_title(lang: super::Lang) -> &'static str {
    w(lang, "Lập lô chuyển khoản", "Make the transfer batch")
}

pub fn bank_batch_what(lang: super::Lang, period: crate::domain::Period) -> String {
    match lang {
        super::Lang::Vi => format!(
            "Lô mới của kỳ {}: mọi khoản chưa chi của người nhận qua tài khoản.",
            period.short_label()
        ),
        super::Lang::En => format!(
            "A new batch for {}: every unpaid line of people paid by account.",
            period.short_label()
        ),
    }
}

pub fn bank_batch_hint(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Các khoản trong lô bị khóa ở quầy đến khi có kết quả. Tệp .csv ghi cạnh tệp .xlsx.",
        "The batch's lines are locked at the counter until the result. A .csv goes beside the .xlsx.",
    )
}

pub fn label_batch_path(lang: super::Lang) -> &'static str {
    w(lang, "Tệp gửi ngân hàng", "File for the bank")
}

pub fn key_make_batch(lang: super::Lang) -> &'static str {
    w(lang, "Lập lô và lưu tệp", "Make and save")
}

pub fn batch_saved(
    lang: super::Lang,
    number: i64,
    lines: usize,
    total: crate::domain::Money,
    xlsx: &str,
    csv: &str,
) -> String {
    match lang {
        super::Lang::Vi => {
            format!("Lô chuyển khoản số {number}: {lines} dòng, {total}. Đã lưu {xlsx} và {csv}")
        }
        super::Lang::En => {
            format!("Transfer batch no. {number}: {lines} lines, {total}. Saved {xlsx} and {csv}")
        }
    }
}

pub fn batch_not_saved(lang: super::Lang, number: i64, problem: &str) -> String {
    match lang {
        super::Lang::Vi => format!(
            "Đã lập lô số {number} nhưng không lưu được tệp: {problem}. Lưu lại bằng lệnh: chitra bank export --batch {number}"
        ),
        super::Lang::En => format!(
            "Batch no. {number} is made but its file was not saved: {problem}. Save it with: chitra bank export --batch {number}"
        ),
    }
}

pub fn key_save_file(lang: super::Lang) -> &'static str {
    w(lang, "Lưu tệp", "Save")
}

pub fn signing_save_title(lang: super::Lang) -> &'static str {
    w(lang, "Lưu danh sách ký nhận", "Save the signing list")
}

pub fn signing_save_hint(lang: super::Lang, hamlets: &[String]) -> String {
    let names = hamlets
        .iter()
        .map(|h| crate::text::for_display(h).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        super::Lang::Vi => format!("Thôn để trống: cả xã. Các thôn: {names}"),
        super::Lang::En => format!("No hamlet: the whole commune. Hamlets: {names}"),
    }
}

pub fn label_hamlet(lang: super::Lang) -> &'static str {
    w(lang, "Thôn", "Hamlet")
}

pub fn label_signing_path(lang: super::Lang) -> &'static str {
    w(lang, "Lưu vào tệp", "Save to")
}

pub fn no_such_hamlet(lang: super::Lang, name: &str) -> String {
    let name = crate::text::for_display(name);
    match lang {
        super::Lang::Vi => {
            format!("Không có thôn \"{name}\" trong danh sách kỳ này; xem các thôn ở trên.")
        }
        super::Lang::En => format!("No hamlet \"{name}\" on this period's lists; see those above."),
    }
}

pub fn signing_saved(lang: super::Lang, hamlet: Option<&str>, path: &str) -> String {
    let whom = match (lang, hamlet) {
        (super::Lang::Vi, Some(h)) => format!("thôn {}", crate::text::for_display(h)),
        (super::Lang::Vi, None) => "cả xã".to_string(),
        (super::Lang::En, Some(h)) => format!("hamlet {}", crate::text::for_display(h)),
        (super::Lang::En, None) => "the commune".to_string(),
    };
    match lang {
        super::Lang::Vi => format!("Đã lưu danh sách ký nhận ({whom}): {path}"),
        super::Lang::En => format!("Signing list saved ({whom}): {path}"),
    }
}

pub fn not_saved(lang: super::Lang, path: &str, problem: &str) -> String {
    match lang {
        super::Lang::Vi => format!("Không lưu được {path}: {problem}"),
        super::Lang::En => format!("Could not save {path}: {problem}"),
    }
}

/// What the month's batches with the bank show.
pub struct BatchState<'a> {
    pub number: i64,
    pub created_at: &'a str,
    pub people: usize,
    pub total: crate::domain::Money,
    pub waiting: usize,
    pub done: usize,
    pub failed: usize,
}

/// A batch in the transfers view: its head, then where it stands.
pub fn batch_lines(lang: super::Lang, b: &BatchState) -> [String; 2] {
    let made = super::labels::date_time(b.created_at);
    let (number, people, total) = (b.number, b.people, b.total);
    let (waiting, done, failed) = (b.waiting, b.done, b.failed);
    match lang {
        super::Lang::Vi => [
            format!("Lô số {number} · lập {made} · {people} người · {total}"),
            format!(
                "  {} — chờ ngân hàng: {waiting} · thành công: {done} · thất bại: {failed}",
                if waiting > 0 {
                    "Đã gửi, chờ kết quả"
                } else {
                    "Đã có kết quả"
                }
            ),
        ],
        super::Lang::En => [
            format!("Batch no. {number} · made {made} · {people} people · {total}"),
            format!(
                "  {} — waiting: {waiting} · done: {done} · failed: {failed}",
                if waiting > 0 {
                    "Sent, waiting for the result"
                } else {
                    "Answered"
                }
            ),
        ],
    }
}

/// A person the bank refused, under their batch.
pub fn batch_failed_person(lang: super::Lang, code: &str, name: &str, reason: &str) -> String {
    let (code, name, reason) = (
        crate::text::for_display(code),
        crate::text::for_display(name),
        crate::text::for_display(reason),
    );
    match lang {
        super::Lang::Vi => format!("    {code} {name}: {reason} — chi lại tại quầy"),
        super::Lang::En => format!("    {code} {name}: {reason} — payable at the counter"),
    }
}

pub fn no_batches(lang: super::Lang) -> &'static str {
    w(
        lang,
        "Kỳ này chưa lập lô chuyển khoản nào. F4: lập lô; F6: nhập kết quả của ngân hàng.",
        "No transfer batch in this period yet. F4: make one; F6: import the bank's result.",
    )
}
