//! Wording of the month's files on the month screen: change lists and the
//! bank's result read in, the transfer batch and the signing workbook
//! written out. Re-exported by [`super::month_screens`], which the month
//! screens use. Vietnamese first, English for maintainers.

use super::Lang;

fn w(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

pub fn key_import_changes(lang: Lang) -> &'static str {
    w(
        lang,
        "Nhập danh sách tăng / giảm / điều chỉnh",
        "Import an increase / decrease / adjustment list",
    )
}

pub fn key_bank_batch(lang: Lang) -> &'static str {
    w(
        lang,
        "Lập lô chuyển khoản, lưu tệp gửi ngân hàng",
        "Make the transfer batch and save the bank's file",
    )
}

/// The key line's short names of F3, F4 and F6.
pub fn short_import_changes(lang: Lang) -> &'static str {
    w(lang, "Nhập DS", "Import list")
}

pub fn short_bank_batch(lang: Lang) -> &'static str {
    w(lang, "Lập lô", "Batch")
}

pub fn short_bank_result(lang: Lang) -> &'static str {
    w(lang, "Nhập KQ", "Result")
}

/// Enter on an import's form: first the preview, then the import.
pub fn short_preview(lang: Lang) -> &'static str {
    w(lang, "Xem trước", "Preview")
}

pub fn short_import(lang: Lang) -> &'static str {
    w(lang, "Nhập", "Import")
}

/// F7 on the transfers when the period has no batch yet.
pub fn no_batch_to_save(lang: Lang) -> &'static str {
    w(
        lang,
        "Kỳ này chưa có lô chuyển khoản nào nên chưa có tệp để lưu. Lập lô bằng F4.",
        "This period has no transfer batch yet, so there is no file to save. F4 makes one.",
    )
}

pub fn key_bank_result(lang: Lang) -> &'static str {
    w(
        lang,
        "Nhập tệp kết quả của ngân hàng",
        "Import the bank's result file",
    )
}

pub fn key_save_signing(lang: Lang) -> &'static str {
    w(
        lang,
        "Lưu danh sách ký nhận (xlsx), theo thôn hoặc cả xã",
        "Save the signing list (xlsx), one hamlet or the commune",
    )
}

pub fn short_save_signing(lang: Lang) -> &'static str {
    w(lang, "Lưu xlsx", "Save xlsx")
}

pub fn changes_title(lang: Lang) -> &'static str {
    w(lang, "Nhập danh sách thay đổi", "Import a change list")
}

pub fn bank_result_title(lang: Lang) -> &'static str {
    w(
        lang,
        "Nhập kết quả chuyển khoản của ngân hàng",
        "Import the bank's transfer result",
    )
}

pub fn label_list_path(lang: Lang) -> &'static str {
    w(lang, "Tệp danh sách", "List file")
}

pub fn label_result_path(lang: Lang) -> &'static str {
    w(lang, "Tệp kết quả", "Result file")
}

pub fn label_kind(lang: Lang) -> &'static str {
    w(lang, "Loại", "Kind")
}

pub fn changes_hint(lang: Lang) -> &'static str {
    w(
        lang,
        "Loại: 1 giảm, 2 tăng, 3 điều chỉnh, 4 danh sách tháng (đoán từ tên tệp).\n\
         Enter: xem trước, chưa ghi gì; sau đó mã PIN ghi cả danh sách.",
        "Kind: 1 decrease, 2 increase, 3 adjustment, 4 month's list (guessed from\n\
         the name). Enter: preview, nothing written; then the PIN writes it all.",
    )
}

pub fn bank_result_hint(lang: Lang) -> &'static str {
    w(
        lang,
        "Enter: xem trước từng dòng, chưa ghi gì; sau đó mã PIN ghi kết quả.",
        "Enter: preview line by line, nothing written; then the PIN records it.",
    )
}

pub fn need_kind(lang: Lang) -> &'static str {
    w(
        lang,
        "Chọn loại danh sách: 1 giảm, 2 tăng, 3 điều chỉnh, 4 danh sách tháng.",
        "Choose the kind: 1 decrease, 2 increase, 3 adjustment, 4 month's list.",
    )
}

pub fn kind_name(lang: Lang, kind: crate::service::import::ListKind) -> &'static str {
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
    lang: Lang,
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
        Lang::Vi => vec![
            format!("Tệp: {file} — {kind}, kỳ {}", period.short_label()),
            format!("Dòng: {rows}   Người: {people}   Tổng tiền: {total}"),
        ],
        Lang::En => vec![
            format!("File: {file} — {kind}, period {}", period.short_label()),
            format!("Rows: {rows}   People: {people}   Total: {total}"),
        ],
    }
}

pub fn warnings_heading(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Cần xem lại ({n}):"),
        Lang::En => format!("Warnings ({n}):"),
    }
}

pub fn rejected_heading(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("BỊ TỪ CHỐI ({n}):"),
        Lang::En => format!("REJECTED ({n}):"),
    }
}

pub fn more_rows(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("  … và {n} mục khác."),
        Lang::En => format!("  … and {n} more."),
    }
}

pub fn nothing_writable(lang: Lang) -> &'static str {
    w(
        lang,
        "KHÔNG GHI ĐƯỢC: sửa các dòng bị từ chối trong tệp (hoặc đề nghị gửi lại) rồi nhập lại. Esc: quay lại.",
        "CANNOT BE WRITTEN: fix the rejected rows (or ask for a corrected list) and import again. Esc: back.",
    )
}

pub fn pin_writes_all(lang: Lang) -> &'static str {
    w(
        lang,
        "Xem trước, chưa ghi gì. Gõ mã PIN rồi Enter để ghi tất cả; Esc: không ghi.",
        "A preview, nothing written. Type the PIN and Enter to write it all; Esc: don't.",
    )
}

pub fn changes_written(lang: Lang, batch: i64, people: usize) -> String {
    match lang {
        Lang::Vi => {
            format!("Đã ghi danh sách vào cơ sở dữ liệu (lô nhập số {batch}, {people} người).")
        }
        Lang::En => format!("The list is written (import batch {batch}, {people} people)."),
    }
}

pub fn changes_not_written(lang: Lang) -> &'static str {
    w(
        lang,
        "Không ghi gì: danh sách có dòng bị từ chối.",
        "Nothing written: the list has rejected rows.",
    )
}

/// The head of the bank result's preview.
pub fn bank_result_head(lang: Lang, batch: i64, done: usize, failed: usize) -> String {
    match lang {
        Lang::Vi => {
            format!("Kết quả lô chuyển khoản số {batch}: {done} thành công, {failed} thất bại.")
        }
        Lang::En => {
            format!("Result of transfer batch no. {batch}: {done} done, {failed} failed.")
        }
    }
}

pub fn bank_done_mark(lang: Lang) -> &'static str {
    w(lang, "thành công", "done")
}

/// A done transfer to someone no longer payable when the answer came.
pub fn bank_to_recover_mark(lang: Lang) -> &'static str {
    w(
        lang,
        "đã chuyển nhưng người này đã thôi hưởng (mất, tạm dừng, dừng chi) sau khi gửi lô: phải thu hồi, xem báo cáo kỳ",
        "transferred, but this person stopped being payable after the batch was sent: to recover, see the period's report",
    )
}

pub fn bank_failed_mark(lang: Lang) -> &'static str {
    w(
        lang,
        "thất bại, chi lại tại quầy",
        "failed, payable at the counter",
    )
}

pub fn bank_result_written(lang: Lang, batch: i64, done: usize, failed: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "Đã ghi kết quả lô số {batch}: {done} dòng đã chi qua ngân hàng, {failed} dòng chi lại tại quầy."
        ),
        Lang::En => format!(
            "Batch no. {batch} recorded: {done} lines paid by the bank, {failed} payable at the counter."
        ),
    }
}

pub fn bank_batch_title(lang: Lang) -> &'static str {
    w(lang, "Lập lô chuyển khoản", "Make the transfer batch")
}

pub fn bank_batch_what(lang: Lang, period: crate::domain::Period) -> String {
    match lang {
        Lang::Vi => format!(
            "Lô mới của kỳ {}: mọi khoản chưa chi của người nhận qua tài khoản.",
            period.short_label()
        ),
        Lang::En => format!(
            "A new batch for {}: every unpaid line of people paid by account.",
            period.short_label()
        ),
    }
}

pub fn bank_batch_hint(lang: Lang) -> &'static str {
    w(
        lang,
        "Các khoản trong lô bị khóa ở quầy đến khi có kết quả. Tệp .csv ghi cạnh tệp .xlsx.",
        "The batch's lines are locked at the counter until the result. A .csv goes beside the .xlsx.",
    )
}

pub fn label_batch_path(lang: Lang) -> &'static str {
    w(lang, "Tệp gửi ngân hàng", "File for the bank")
}

pub fn key_make_batch(lang: Lang) -> &'static str {
    w(lang, "Lập lô và lưu tệp", "Make and save")
}

pub fn batch_saved(
    lang: Lang,
    number: i64,
    lines: usize,
    total: crate::domain::Money,
    xlsx: &str,
    csv: &str,
) -> String {
    match lang {
        Lang::Vi => {
            format!("Lô chuyển khoản số {number}: {lines} dòng, {total}. Đã lưu {xlsx} và {csv}")
        }
        Lang::En => {
            format!("Transfer batch no. {number}: {lines} lines, {total}. Saved {xlsx} and {csv}")
        }
    }
}

pub fn batch_not_saved(lang: Lang, number: i64, problem: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Đã lập lô số {number} nhưng không lưu được tệp: {problem}. Lưu lại: F7 ở trang Chuyển khoản (hoặc lệnh chitra bank export --batch {number})."
        ),
        Lang::En => format!(
            "Batch no. {number} is made but its file was not saved: {problem}. Save it again: F7 on the Transfers page (or chitra bank export --batch {number})."
        ),
    }
}

/// The popup that saves a batch's file again.
pub fn save_batch_title(lang: Lang) -> &'static str {
    w(
        lang,
        "Lưu lại tệp của lô chuyển khoản",
        "Save a transfer batch's file again",
    )
}

pub fn save_batch_hint(lang: Lang) -> &'static str {
    w(
        lang,
        "Số lô như trang Chuyển khoản ghi (\"Lô số …\"). Không lập lô mới, không đổi gì trong lô. Tệp .csv ghi cạnh tệp .xlsx.",
        "The batch's number as the Transfers page shows it (\"Batch no. …\"). No new batch is made and nothing in it changes. A .csv goes beside the .xlsx.",
    )
}

pub fn label_batch_number(lang: Lang) -> &'static str {
    w(lang, "Số lô", "Batch no.")
}

pub fn need_batch_number(lang: Lang) -> &'static str {
    w(
        lang,
        "Gõ số lô (chỉ chữ số).",
        "Type the batch's number (digits only).",
    )
}

pub fn no_such_batch(lang: Lang, number: i64) -> String {
    match lang {
        Lang::Vi => format!("Không có lô chuyển khoản số {number}."),
        Lang::En => format!("There is no transfer batch no. {number}."),
    }
}

/// The key that saves a batch's file again, on the Transfers page.
pub fn key_save_batch(lang: Lang) -> &'static str {
    w(lang, "Lưu lại tệp của lô", "Save a batch's file again")
}

pub fn key_save_file(lang: Lang) -> &'static str {
    w(lang, "Lưu tệp", "Save")
}

pub fn signing_save_title(lang: Lang) -> &'static str {
    w(lang, "Lưu danh sách ký nhận", "Save the signing list")
}

pub fn signing_save_hint(lang: Lang, hamlets: &[String]) -> String {
    let names = hamlets
        .iter()
        .map(|h| crate::text::for_display(h).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Vi => format!("Thôn để trống: cả xã. Các thôn: {names}"),
        Lang::En => format!("No hamlet: the whole commune. Hamlets: {names}"),
    }
}

pub fn label_hamlet(lang: Lang) -> &'static str {
    w(lang, "Thôn", "Hamlet")
}

pub fn label_signing_path(lang: Lang) -> &'static str {
    w(lang, "Lưu vào tệp", "Save to")
}

pub fn no_such_hamlet(lang: Lang, name: &str) -> String {
    let name = crate::text::for_display(name);
    match lang {
        Lang::Vi => {
            format!("Không có thôn \"{name}\" trong danh sách kỳ này; xem các thôn ở trên.")
        }
        Lang::En => format!("No hamlet \"{name}\" on this period's lists; see those above."),
    }
}

pub fn signing_saved(lang: Lang, hamlet: Option<&str>, path: &str) -> String {
    let whom = match (lang, hamlet) {
        (Lang::Vi, Some(h)) => format!("thôn {}", crate::text::for_display(h)),
        (Lang::Vi, None) => "cả xã".to_string(),
        (Lang::En, Some(h)) => format!("hamlet {}", crate::text::for_display(h)),
        (Lang::En, None) => "the commune".to_string(),
    };
    match lang {
        Lang::Vi => format!("Đã lưu danh sách ký nhận ({whom}): {path}"),
        Lang::En => format!("Signing list saved ({whom}): {path}"),
    }
}

pub fn not_saved(lang: Lang, path: &str, problem: &str) -> String {
    match lang {
        Lang::Vi => format!("Không lưu được {path}: {problem}"),
        Lang::En => format!("Could not save {path}: {problem}"),
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
pub fn batch_lines(lang: Lang, b: &BatchState) -> [String; 2] {
    let made = super::labels::date_time(b.created_at);
    let (number, people, total) = (b.number, b.people, b.total);
    let (waiting, done, failed) = (b.waiting, b.done, b.failed);
    match lang {
        Lang::Vi => [
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
        Lang::En => [
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
pub fn batch_failed_person(lang: Lang, code: &str, name: &str, reason: &str) -> String {
    let (code, name, reason) = (
        crate::text::for_display(code),
        crate::text::for_display(name),
        crate::text::for_display(reason),
    );
    match lang {
        Lang::Vi => format!("    {code} {name}: {reason} — chi lại tại quầy"),
        Lang::En => format!("    {code} {name}: {reason} — payable at the counter"),
    }
}

pub fn no_batches(lang: Lang) -> &'static str {
    w(
        lang,
        "Kỳ này chưa lập lô chuyển khoản nào. F4: lập lô; F6: nhập kết quả của ngân hàng.",
        "No transfer batch in this period yet. F4: make one; F6: import the bank's result.",
    )
}
