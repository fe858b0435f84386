//! The wording of transfer batches: the batch file for the bank, the
//! import of the bank's result file, and what the counter is told of a
//! line in a batch.

use super::{Lang, Localize};
use crate::import::source::SourceError;
use crate::service::bank::BankError;

/// The fixed labels of the batch document.
pub struct BankWords {
    pub name: &'static str,
    pub col_name: &'static str,
    pub col_id: &'static str,
    pub col_account: &'static str,
    pub col_bank: &'static str,
    pub col_amount: &'static str,
    pub col_reference: &'static str,
    pub col_code: &'static str,
    pub col_no: &'static str,
    pub row_total: &'static str,
    pub empty: &'static str,
    pub total_label: &'static str,
    pub words_label: &'static str,
    pub lines: &'static str,
    pub prepared_by: &'static str,
}

pub fn words(lang: Lang) -> BankWords {
    if lang == Lang::Vi {
        BankWords {
            name: "Lô chuyển khoản",
            col_name: "Họ và tên",
            col_id: "Số CCCD",
            col_account: "Số tài khoản",
            col_bank: "Ngân hàng",
            col_amount: "Số tiền",
            col_reference: "Mã tham chiếu",
            col_code: "Mã hồ sơ",
            col_no: "STT",
            row_total: "Tổng cộng",
            empty: "Không có khoản nào để chuyển.",
            total_label: "Tổng số tiền chuyển",
            words_label: "Bằng chữ",
            lines: "Số dòng",
            prepared_by: "Người lập lô",
        }
    } else {
        BankWords {
            name: "Transfer batch",
            col_name: "Full name",
            col_id: "ID number",
            col_account: "Account",
            col_bank: "Bank",
            col_amount: "Amount",
            col_reference: "Reference",
            col_code: "Record code",
            col_no: "No.",
            row_total: "Total",
            empty: "Nothing to transfer.",
            total_label: "Total to transfer",
            words_label: "In words",
            lines: "Lines",
            prepared_by: "Prepared by",
        }
    }
}

pub fn title(lang: Lang, batch: i64, month: &str) -> String {
    if lang == Lang::Vi {
        format!("LÔ CHUYỂN KHOẢN SỐ {batch} — {month}")
    } else {
        format!("TRANSFER BATCH NO. {batch} — {month}")
    }
}

/// What the clerk is told when a line waits in a batch.
/// Said when a person stops being payable while a line of theirs waits
/// for the bank.
pub fn waiting_after_stop(lang: Lang, batch: i64) -> String {
    if lang == Lang::Vi {
        format!(
            "Người này còn khoản đang chờ ngân hàng trong lô số {batch}. Báo ngay ngân hàng để dừng lệnh; \
             nếu ngân hàng báo đã chuyển, khoản đó vẫn được ghi và phải thu hồi (xem báo cáo kỳ)."
        )
    } else {
        format!(
            "This person still has a line waiting for the bank in batch no. {batch}. Tell the bank at once to stop it; \
             if the bank reports it transferred, it is recorded and must be recovered (see the period's report)."
        )
    }
}

pub fn locked(lang: Lang, batch: i64) -> String {
    if lang == Lang::Vi {
        format!(
            "Khoản này đang chuyển khoản theo lô số {batch}: chưa chi tại quầy được (tiền mặt hay chuyển khoản). \
             Chờ kết quả của ngân hàng (chitra bank import)."
        )
    } else {
        format!(
            "This line is being transferred in batch no. {batch}: it cannot be paid at the counter, in cash or by transfer, until the bank's result is imported."
        )
    }
}

/// A line waiting in a batch, on the person's screen: what to do said with
/// the screens' keys (the month screen's F6), not as a command line.
pub fn locked_on_screen(lang: Lang, batch: i64) -> String {
    if lang == Lang::Vi {
        format!(
            "Khoản này đang chuyển khoản theo lô số {batch}: chưa chi tại quầy được (tiền mặt hay chuyển khoản). \
             Chờ kết quả của ngân hàng: trưởng bưu cục nhập tệp kết quả ở màn hình Tháng (F2 › Tháng, phím F6)."
        )
    } else {
        format!(
            "This line is being transferred in batch no. {batch}: it cannot be paid at the counter yet. \
             Wait for the bank's result: a supervisor imports it on the month screen (F2 › Month, key F6)."
        )
    }
}

/// What the clerk is told of a transfer the bank refused.
pub fn failed(lang: Lang, batch: i64, reason: &str) -> String {
    if lang == Lang::Vi {
        format!("Chuyển khoản lô số {batch} không thành công: {reason}. Chi tại quầy được.")
    } else {
        format!("Transfer in batch no. {batch} failed: {reason}. It can be paid at the counter.")
    }
}

/// A file name in a message, harmless to the terminal.
fn file_name(file: &std::path::Path) -> String {
    crate::text::for_display(&file.display().to_string()).into_owned()
}

/// Why the bank's result file could not be read, in Vietnamese: the
/// words of the list import where they speak of the file alone, the bank's
/// result file named where they would name the payment list.
fn source_vi(e: &SourceError) -> String {
    use super::import_limits::{FileKind, too_big_vi_for};
    const CHOOSE: &str = "Hãy chọn đúng tệp kết quả ngân hàng gửi.";
    match e {
        SourceError::Empty { file } => {
            format!("Tệp {} trống, không có dữ liệu. {CHOOSE}", file_name(file))
        }
        SourceError::NotAFile { file } => format!(
            "{} không phải một tệp trên đĩa (thiết bị hay đường ống). {CHOOSE}",
            file_name(file)
        ),
        SourceError::NotASpreadsheet { file } => format!(
            "Tệp {} không phải bảng tính Excel (.xlsx, .xls) hay tệp CSV. Hãy mở tệp kết quả bằng Excel \
             và lưu lại dưới dạng .xlsx hoặc CSV.",
            file_name(file)
        ),
        SourceError::NoSheets { file } => format!(
            "Tệp {} không có trang tính (sheet) nào. {CHOOSE}",
            file_name(file)
        ),
        SourceError::EmptySheets { file, .. } => format!(
            "Mọi trang tính của tệp {} đều trống. {CHOOSE}",
            file_name(file)
        ),
        SourceError::TooBig {
            file,
            limit,
            row,
            column,
        } => too_big_vi_for(FileKind::BankResult, file, limit, *row, *column),
        other => other.vi(),
    }
}

fn source_en(e: &SourceError) -> String {
    use super::import_limits::{FileKind, too_big_en_for};
    const CHOOSE: &str = "Choose the result file the bank sent.";
    match e {
        SourceError::Empty { file } => format!("{} is empty. {CHOOSE}", file_name(file)),
        SourceError::NotAFile { file } => format!(
            "{} is not a file on disk (a device or a pipe). {CHOOSE}",
            file_name(file)
        ),
        SourceError::NotASpreadsheet { file } => format!(
            "{} is not an Excel workbook (.xlsx, .xls) or a CSV file. Open the result file in Excel and \
             save it as .xlsx or CSV.",
            file_name(file)
        ),
        SourceError::NoSheets { file } => {
            format!("{} has no worksheet. {CHOOSE}", file_name(file))
        }
        SourceError::EmptySheets { file, .. } => {
            format!("Every worksheet of {} is empty. {CHOOSE}", file_name(file))
        }
        SourceError::TooBig {
            file,
            limit,
            row,
            column,
        } => too_big_en_for(FileKind::BankResult, file, limit, *row, *column),
        other => other.en(),
    }
}

impl Localize for BankError {
    fn vi(&self) -> String {
        match self {
            BankError::Locked { batch } => locked(Lang::Vi, *batch),
            BankError::NothingToSend {
                waiting: None,
                held_back: 0,
                on_round: 0,
            } => "Không có khoản nào chưa chi của người đăng ký nhận qua tài khoản trong kỳ này.".into(),
            BankError::NothingToSend {
                waiting: None,
                held_back,
                on_round,
            } => {
                let mut why = vec!["Không lập lô:".to_string()];
                if *held_back > 0 {
                    why.push(format!(
                        "{held_back} khoản còn lại đã bị ngân hàng từ chối với đúng tài khoản đó: chi tại quầy, hoặc đăng ký tài khoản khác (F4 trên hồ sơ) rồi lập lô."
                    ));
                }
                if *on_round > 0 {
                    why.push(format!(
                        "{on_round} người còn lại có khoản trong chuyến chi tại nhà chưa nộp tiền về: bưu tá chi tiền mặt cho họ; chuyến nộp tiền về rồi, khoản nào chưa chi mới đưa vào lô được."
                    ));
                }
                why.join(" ")
            }
            BankError::NothingToSend {
                waiting: Some(n), ..
            } => format!(
                "Không còn khoản nào để lập lô mới: các khoản chuyển khoản của kỳ đã nằm trong lô số {n}, đang chờ ngân hàng. \
                 Cần tệp của lô đó thì ghi lại bằng --batch {n} (hoặc F7 ở trang Chuyển khoản)."
            ),
            BankError::Source(e) => format!(
                "Không đọc được tệp kết quả của ngân hàng. {}",
                source_vi(e)
            ),
            BankError::TooBig { file, bytes, max } => format!(
                "Tệp {} lớn {}, quá giới hạn {} của một tệp kết quả của ngân hàng (kết quả của một lô chỉ vài trăm KB): \
                 không đọc. Hãy kiểm tra đúng tệp ngân hàng gửi chưa. Chưa ghi gì.",
                crate::text::for_display(&file.display().to_string()),
                super::import_limits::size_vi(*bytes),
                super::import_limits::size_vi(*max)
            ),
            BankError::TooManyRows { max } => format!(
                "Tệp kết quả có hơn {} dòng, nhiều hơn mọi lô chuyển khoản: hãy kiểm tra đúng tệp ngân hàng gửi chưa. Tệp bị từ chối, chưa ghi gì.",
                super::import_limits::count_vi(*max as u64)
            ),
            BankError::BadText { row, column, error } => format!(
                "Dòng {row}, cột {column}: {} Tệp bị từ chối, chưa ghi gì.",
                error.vi()
            ),
            BankError::NoHeader => "Tệp kết quả không có dòng tiêu đề với cột mã tham chiếu và kết quả. Kiểm tra lại tệp ngân hàng gửi.".into(),
            BankError::HiddenColumns { columns } => format!(
                "Tệp kết quả: {} bị ẩn trong Excel (ẩn cột, hoặc hẹp đến mức không đọc được): người xem tệp bằng Excel \
                 không thấy điều chitra đọc ở đó. Mở tệp, chọn cả trang, Format → Hide & Unhide → Unhide Columns, \
                 so với sao kê của ngân hàng (hoặc đề nghị ngân hàng gửi lại) rồi nhập lại. Tệp bị từ chối, chưa ghi gì.",
                columns.iter().map(|c| format!("cột {c}")).collect::<Vec<_>>().join(", ")
            ),
            BankError::HiddenRows { rows } => format!(
                "Tệp kết quả: {} bị ẩn trong Excel (ẩn dòng, hoặc thấp đến mức không thấy): người xem tệp bằng Excel \
                 không thấy các dòng đó. Mở tệp, chọn cả trang, Format → Hide & Unhide → Unhide Rows, \
                 so với sao kê của ngân hàng (hoặc đề nghị ngân hàng gửi lại) rồi nhập lại. Tệp bị từ chối, chưa ghi gì.",
                rows.iter().map(|r| format!("dòng {r}")).collect::<Vec<_>>().join(", ")
            ),
            BankError::AlreadyImported { at } => {
                format!(
                    "Tệp kết quả này đã được nhập lúc {}. Không nhập lại.",
                    super::labels::date_time(at)
                )
            }
            BankError::UnknownReference { row, reference } => format!(
                "Dòng {row}: mã tham chiếu {reference} không có trong lô nào. Tệp bị từ chối, chưa ghi gì."
            ),
            BankError::BadOutcome { row, value } => format!(
                "Dòng {row}: kết quả “{value}” không rõ (cần “thành công” hoặc “thất bại”). Tệp bị từ chối, chưa ghi gì."
            ),
            BankError::NoReason { row } => format!(
                "Dòng {row}: chuyển khoản thất bại nhưng không có lý do của ngân hàng. Tệp bị từ chối, chưa ghi gì."
            ),
            BankError::AmountDiffers {
                row,
                reference,
                file,
                batch,
            } => format!(
                "Dòng {row}: số tiền của {reference} trong tệp là {file}, khác với số tiền trong lô ({batch}). Tệp bị từ chối, chưa ghi gì."
            ),
            BankError::TotalDiffers { file, lines } => format!(
                "Tổng cộng trong tệp ({file}) khác tổng các dòng ({lines}). Tệp bị từ chối, chưa ghi gì."
            ),
            BankError::BadAmount { row, column, error } => format!(
                "Dòng {row}, cột {column}: {} Tệp bị từ chối, chưa ghi gì.",
                error.vi()
            ),
            BankError::NegativeAmount {
                row,
                column,
                amount,
            } => format!(
                "Dòng {row}, cột {column}: số tiền âm ({amount}); số tiền chuyển khoản không âm. Kiểm tra lại tệp ngân hàng gửi. Tệp bị từ chối, chưa ghi gì."
            ),
            BankError::FormulaWithoutValue { row, column } => format!(
                "Dòng {row}, cột {column}: ô có công thức nhưng tệp không lưu giá trị của nó (tệp do một chương trình không tính công thức tạo ra). \
                 Mở tệp bằng Excel, lưu lại (hoặc lưu dưới dạng CSV) rồi nhập lại. Tệp bị từ chối, chưa ghi gì."
            ),
            BankError::MaskedNumber { row, column } => format!(
                "Dòng {row}, cột {column}: định dạng của ô làm Excel hiện một số khác số tệp lưu (ẩn số, chữ số viết sẵn, chọn theo điều kiện, hoặc chia cho 1.000). \
                 Mở tệp bằng Excel, đặt định dạng số về General, so với sao kê của ngân hàng rồi nhập lại. Tệp bị từ chối, chưa ghi gì."
            ),
            BankError::MixedBatches => "Tệp kết quả có mã tham chiếu của nhiều lô; mỗi tệp chỉ cho một lô.".into(),
            BankError::AlreadyAnswered { row, reference } => format!(
                "Dòng {row}: {reference} đã có kết quả từ trước. Tệp bị từ chối, chưa ghi gì."
            ),
            BankError::Repeated { row, reference } => format!(
                "Dòng {row}: {reference} lặp lại trong tệp. Tệp bị từ chối, chưa ghi gì."
            ),
            BankError::ReferenceHeld { row, reference, by } => format!(
                "Dòng {row}: mã tham chiếu {reference} đã được ghi cho biên nhận {} ({}, lúc {}), nên không ghi được kết quả của ngân hàng cho dòng này. \
                 Xem biên nhận {}: nếu mã đó ghi nhầm ở quầy, hủy biên nhận (trưởng bưu cục duyệt) rồi nhập lại tệp. Tệp bị từ chối, chưa ghi gì.",
                by.receipt_no,
                crate::text::for_display(&by.clerk),
                super::labels::date_time(&by.at),
                by.receipt_no
            ),
            BankError::Empty => "Tệp kết quả không có dòng nào.".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            BankError::Locked { batch } => format!("The line is in transfer batch no. {batch}."),
            BankError::NothingToSend {
                waiting: None,
                held_back: 0,
                on_round: 0,
            } => "Nothing unpaid for people paid into accounts in this period.".into(),
            BankError::NothingToSend {
                waiting: None,
                held_back,
                on_round,
            } => {
                let mut why = vec!["No batch:".to_string()];
                if *held_back > 0 {
                    why.push(format!(
                        "{held_back} lines left were refused by the bank to that very account: pay them at the counter, or register another account (F4 on the file), then make the batch."
                    ));
                }
                if *on_round > 0 {
                    why.push(format!(
                        "{on_round} people left have lines on a home round not yet returned: the postman pays them in cash; once the round's cash is back, what is still unpaid can go into a batch."
                    ));
                }
                why.join(" ")
            }
            BankError::NothingToSend {
                waiting: Some(n), ..
            } => format!(
                "Nothing left for a new batch: the period's transfers are in batch no. {n}, waiting for the bank. \
                 For that batch's file, write it again with --batch {n} (or F7 on the Transfers page)."
            ),
            BankError::Source(e) => format!("Cannot read the bank's result file. {}", source_en(e)),
            BankError::TooBig { file, bytes, max } => format!(
                "{} is {}, past the limit of {} for a bank's result file (a batch's result is a few hundred KB): \
                 not read. Check that this is the file the bank sent. Nothing recorded.",
                crate::text::for_display(&file.display().to_string()),
                super::import_limits::size_en(*bytes),
                super::import_limits::size_en(*max)
            ),
            BankError::TooManyRows { max } => format!(
                "The result file has more than {} rows, more than any transfer batch: check that this is the file the bank sent. The file is refused; nothing recorded.",
                super::import_limits::count_en(*max as u64)
            ),
            BankError::BadText { row, column, error } => format!(
                "Row {row}, column {column}: {} The file is refused; nothing recorded.",
                error.en()
            ),
            BankError::NoHeader => {
                "The result file has no header row with reference and result columns.".into()
            }
            BankError::HiddenColumns { columns } => format!(
                "Excel hides (or narrows to nothing) column(s) {} that chitra reads: whoever checks the file in Excel does not see them. \
                 Unhide every column in Excel, compare with the bank's statement and import it again. The file is refused; nothing recorded.",
                columns.join(", ")
            ),
            BankError::HiddenRows { rows } => format!(
                "Excel hides row(s) {} of the result file: whoever checks the file in Excel does not see them. \
                 Unhide every row in Excel, compare with the bank's statement and import it again. The file is refused; nothing recorded.",
                rows.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            BankError::AlreadyImported { at } => format!("This result file was imported at {at}."),
            BankError::UnknownReference { row, reference } => {
                format!("Row {row}: unknown reference {reference}.")
            }
            BankError::BadOutcome { row, value } => format!("Row {row}: unknown result {value:?}."),
            BankError::NoReason { row } => {
                format!("Row {row}: a failed transfer without the bank's reason.")
            }
            BankError::AmountDiffers {
                row,
                reference,
                file,
                batch,
            } => format!(
                "Row {row}: the file gives {reference} as {file}, not the batch's amount ({batch})."
            ),
            BankError::TotalDiffers { file, lines } => {
                format!("The file's total ({file}) differs from its lines ({lines}).")
            }
            BankError::BadAmount { row, column, error } => format!(
                "Row {row}, column {column}: {} The file is refused; nothing recorded.",
                error.en()
            ),
            BankError::NegativeAmount {
                row,
                column,
                amount,
            } => format!(
                "Row {row}, column {column}: a negative amount ({amount}); no transfer is negative. Check the file the bank sent. The file is refused; nothing recorded."
            ),
            BankError::FormulaWithoutValue { row, column } => format!(
                "Row {row}, column {column}: a formula whose value the file does not keep (made by a program that does not compute formulas). \
                 Open the file in Excel, save it (or save it as CSV) and import it again. The file is refused; nothing recorded."
            ),
            BankError::MaskedNumber { row, column } => format!(
                "Row {row}, column {column}: the cell's format makes Excel show another number than the file holds (hidden, figures written in, a choice by condition, or divided by 1,000). \
                 Open the file in Excel, set the number format to General, compare with the bank's statement and import it again. The file is refused; nothing recorded."
            ),
            BankError::MixedBatches => "The file mixes references of several batches.".into(),
            BankError::AlreadyAnswered { row, reference } => {
                format!("Row {row}: {reference} already has a result.")
            }
            BankError::Repeated { row, reference } => {
                format!("Row {row}: {reference} is repeated.")
            }
            BankError::ReferenceHeld { row, reference, by } => format!(
                "Row {row}: reference {reference} is already carried by receipt {} ({}, at {}), so the bank's result for this row cannot be recorded. \
                 Look at receipt {}: if the code was typed there by mistake, void it (a supervisor approves) and import the file again. The file is refused; nothing recorded.",
                by.receipt_no,
                crate::text::for_display(&by.clerk),
                super::labels::date_time(&by.at),
                by.receipt_no
            ),
            BankError::Empty => "The result file has no lines.".into(),
        }
    }
}

/// In the period's unpaid table: the line waits in a batch.
pub fn sent_mark(lang: Lang, batch: i64) -> String {
    if lang == Lang::Vi {
        format!("Đang chuyển khoản (lô số {batch})")
    } else {
        format!("Being transferred (batch no. {batch})")
    }
}

/// In the period's unpaid table: the bank refused the transfer.
pub fn failed_mark(lang: Lang, batch: i64, reason: &str) -> String {
    if lang == Lang::Vi {
        format!("Chuyển khoản lô số {batch} thất bại: {reason}")
    } else {
        format!("Transfer in batch no. {batch} failed: {reason}")
    }
}

/// A new batch was made, but its file could not be written.
pub fn batch_made_file_not_written(
    lang: Lang,
    batch: i64,
    period: crate::domain::Period,
    why: &str,
) -> String {
    if lang == Lang::Vi {
        format!(
            "Lô chuyển khoản số {batch} đã lập (các khoản đã khóa chờ ngân hàng) nhưng chưa ghi được tệp: {why}. \
             Ghi lại tệp của lô này: chitra bank export --period {period} --batch {batch} --out TỆP \
             (hoặc F7 ở trang Chuyển khoản của màn hình Tháng)."
        )
    } else {
        format!(
            "Transfer batch no. {batch} was made (its lines are locked for the bank) but its file was not written: {why}. \
             Write this batch's file again: chitra bank export --period {period} --batch {batch} --out FILE \
             (or F7 on the month screen's Transfers page)."
        )
    }
}

/// How many people a note about a new batch names before "and N more".
const NAMED: usize = 5;

/// " và 3 người khác" after the people named, when `more` were not.
fn and_more(lang: Lang, more: usize) -> String {
    match (more, lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!(" và {n} người khác"),
        (n, Lang::En) => format!(" and {n} more"),
    }
}

/// Said with a new batch: the lines kept out of it, refused before to the
/// same account.
pub fn held_back_note(lang: Lang, held: &[crate::service::bank::HeldBack]) -> Option<String> {
    if held.is_empty() {
        return None;
    }
    let who: Vec<String> = held
        .iter()
        .take(NAMED)
        .map(|h| {
            format!(
                "{} {}",
                crate::text::for_display(&h.record_code),
                crate::text::for_display(&h.full_name)
            )
        })
        .collect();
    let more = and_more(lang, held.len().saturating_sub(NAMED));
    Some(match lang {
        Lang::Vi => format!(
            "Không gửi lại {} khoản ngân hàng đã từ chối với đúng tài khoản đó ({}{more}): chi tại quầy, hoặc đăng ký tài khoản khác (F4 trên hồ sơ) cho lô sau.",
            held.len(),
            who.join(", ")
        ),
        Lang::En => format!(
            "{} lines the bank refused to that very account are not sent again ({}{more}): pay them at the counter, or register another account (F4 on the file) for the next batch.",
            held.len(),
            who.join(", ")
        ),
    })
}

/// Said with a new batch: the people registered for transfers left out of
/// it because a home round not yet returned holds their lines.
pub fn on_round_note(lang: Lang, left: &[crate::service::bank::OnRound]) -> Option<String> {
    if left.is_empty() {
        return None;
    }
    let who: Vec<String> = left
        .iter()
        .take(NAMED)
        .map(|o| match lang {
            Lang::Vi => format!(
                "{} {}: chuyến số {}",
                crate::text::for_display(&o.record_code),
                crate::text::for_display(&o.full_name),
                o.round
            ),
            Lang::En => format!(
                "{} {}: round no. {}",
                crate::text::for_display(&o.record_code),
                crate::text::for_display(&o.full_name),
                o.round
            ),
        })
        .collect();
    let more = and_more(lang, left.len().saturating_sub(NAMED));
    Some(match lang {
        Lang::Vi => format!(
            "Không đưa vào lô {} người có khoản trong chuyến chi tại nhà chưa nộp tiền về ({}{more}): bưu tá chi tiền mặt cho họ; chuyến nộp tiền về rồi, khoản nào chưa chi sẽ vào lô sau.",
            left.len(),
            who.join("; ")
        ),
        Lang::En => format!(
            "{} people with lines on a home round not yet returned are not in the batch ({}{more}): the postman pays them in cash; once the round's cash is back, what is still unpaid goes into a later batch.",
            left.len(),
            who.join("; ")
        ),
    })
}
