//! Wording of payment refusals.

use super::{Lang, Localize, labels};
use crate::service::pay::{PaidBy, PayError};

fn date(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn by_vi(b: &PaidBy) -> String {
    format!(
        "Đã chi bởi {} lúc {}, biên nhận {}",
        crate::text::for_display(&b.clerk),
        labels::date_time(&b.at),
        b.receipt_no
    )
}

fn by_en(b: &PaidBy) -> String {
    format!(
        "Paid by {} at {}, receipt {}",
        crate::text::for_display(&b.clerk),
        labels::date_time(&b.at),
        b.receipt_no
    )
}

impl Localize for PayError {
    fn vi(&self) -> String {
        use crate::domain::proxy::ProxyRuleError as R;
        match self {
            PayError::NothingToPay { last: Some(b) } => {
                format!("Không còn khoản nào chưa chi. {}.", by_vi(b))
            }
            PayError::NothingToPay { last: None } => "Không có khoản nào để chi cho người này.".into(),
            PayError::AlreadyPaid(b) => format!("{}. Không chi lần hai.", by_vi(b)),
            PayError::BadKey => "Mã chống chi trùng (--key) phải dài 8–64 ký tự, chỉ gồm chữ cái không dấu, số, '-' và '_'.".into(),
            PayError::Stopped(stop) => super::changes::stopped_vi(stop),
            PayError::LinesChanged => {
                "Các khoản chưa chi vừa thay đổi (có danh sách mới hoặc điều chỉnh). Mở lại hồ sơ và xem lại trước khi chi.".into()
            }
            PayError::NotPositive { total } => format!(
                "Tổng còn lại là {total} (khoản truy thu lớn hơn số được nhận). Không chi; báo cơ quan chi trả."
            ),
            PayError::NotPayable { status, note } => format!(
                "Đối tượng đang ở trạng thái \"{}\"{}. Không được chi.",
                labels::status(Lang::Vi, *status),
                note.as_deref().map(|n| format!(" ({})", crate::text::for_display(n))).unwrap_or_default()
            ),
            PayError::ReceiverIdMismatch => {
                "Số CCCD/CMND của người nhận không khớp với hồ sơ. Không chi. Kiểm tra lại giấy tờ của người nhận tiền.".into()
            }
            PayError::NoIdOnFile => {
                "Hồ sơ chưa có số CCCD/CMND của đối tượng nên không chi cho chính chủ được. Chi qua người được ủy quyền/giám hộ, hoặc đề nghị cơ quan chi trả bổ sung giấy tờ.".into()
            }
            PayError::UnknownProxy => "Người được ủy quyền này không thuộc hồ sơ của đối tượng.".into(),
            PayError::ProxyExpired { on } => format!(
                "Giấy ủy quyền đã hết hạn ngày {}. Không chi; cần giấy ủy quyền mới có xác nhận của UBND xã.",
                date(*on)
            ),
            PayError::ProxyNotYetValid { from } => {
                format!("Giấy ủy quyền chỉ có hiệu lực từ ngày {}. Chưa chi được.", date(*from))
            }
            PayError::ProxyRule(R::EndsBeforeStart) => "Ngày hết hạn ủy quyền phải sau ngày bắt đầu.".into(),
            PayError::ProxyRule(R::LongerThanAYear { latest_end }) => format!(
                "Giấy ủy quyền có hiệu lực tối đa một năm: hết hạn chậm nhất ngày {}.",
                date(*latest_end)
            ),
            PayError::ProxyRule(R::NoEndDate) => "Giấy ủy quyền phải có ngày hết hạn (tối đa một năm).".into(),
            PayError::ProxyFieldMissing(f) => format!("Chưa nhập {} của người được ủy quyền.", field_vi(f)),
            PayError::ProxyBadId(e) => format!("Số giấy tờ người được ủy quyền: {}", e.vi()),
            PayError::OutsideWindow { first, last } => format!(
                "Hôm nay ngoài thời gian chi trả (ngày {first}–{last} hằng tháng). Cần trưởng bưu cục duyệt bằng mã PIN."
            ),
            PayError::AccountMissing => "Chuyển khoản cần số tài khoản người nhận.".into(),
            PayError::Account(e) => e.vi(),
            PayError::AccountNotOnFile { typed, on_file } => format!(
                "Tài khoản {} không phải tài khoản trong hồ sơ{}: chỉ chuyển vào tài khoản đã có trong hồ sơ. \
                 Nếu người hưởng đổi tài khoản, đăng ký tài khoản mới trước (F4 trên hồ sơ, hoặc lệnh chitra register; \
                 thay tài khoản cũ cần trưởng bưu cục duyệt), rồi chi. Chưa ghi gì.",
                crate::text::for_display(typed),
                on_file
                    .as_deref()
                    .map(|f| format!(" ({})", crate::text::for_display(f)))
                    .unwrap_or_else(|| " (hồ sơ chưa có tài khoản)".into())
            ),
            PayError::ReferenceMissing => "Chuyển khoản cần mã giao dịch (số tham chiếu) của lệnh chuyển.".into(),
            PayError::ProxyNeedsApproval => "Người ủy quyền/giám hộ mới cần trưởng bưu cục xem giấy tờ gốc và duyệt (tên và mã PIN) trước khi ghi vào hồ sơ.".into(),
            PayError::ReferenceUsed { reference, by } => format!(
                "Mã giao dịch {} đã dùng cho một lần chi khác ({}). Mỗi lần chuyển có mã riêng: xem lại mã trên chứng từ của lần chuyển này. Chưa ghi gì.",
                crate::text::for_display(reference),
                by_vi(by)
            ),
            PayError::OwnReference { reference, kind } => format!(
                "{} là mã tham chiếu chitra tự đặt cho {}, không phải mã giao dịch của ngân hàng hay ví điện tử: \
                 không ghi ở quầy. Ghi đúng mã giao dịch in trên chứng từ chuyển khoản. {} Chưa ghi gì.",
                crate::text::for_display(reference),
                match kind {
                    crate::domain::payment::OwnReference::BankLine => "một dòng của lô chuyển khoản",
                    crate::domain::payment::OwnReference::RoundStop => "một điểm chi của chuyến chi tại nhà",
                },
                match kind {
                    crate::domain::payment::OwnReference::BankLine => "Khoản chuyển theo lô được ghi khi trưởng bưu cục nhập tệp kết quả của ngân hàng.",
                    crate::domain::payment::OwnReference::RoundStop => "Khoản chi tại nhà được ghi ở kết quả của chuyến.",
                }
            ),
            PayError::KeyReused => "Khóa chống chi trùng này đã dùng cho một lần chi khác (người hưởng, người chi hay hình thức khác). Mở lại màn hình chi và làm lại; ở dòng lệnh, dùng khóa mới (--key).".into(),
        }
    }

    fn en(&self) -> String {
        use crate::domain::proxy::ProxyRuleError as R;
        match self {
            PayError::NothingToPay { last: Some(b) } => {
                format!("Nothing left to pay. {}.", by_en(b))
            }
            PayError::NothingToPay { last: None } => "Nothing to pay for this person.".into(),
            PayError::AlreadyPaid(b) => format!("{}. Not paying twice.", by_en(b)),
            PayError::BadKey => {
                "The idempotency key (--key) must be 8–64 ASCII letters, digits, '-' or '_'.".into()
            }
            PayError::Stopped(stop) => super::changes::stopped_en(stop),
            PayError::LinesChanged => {
                "The unpaid lines just changed. Open the person again and review.".into()
            }
            PayError::NotPositive { total } => {
                format!("The total is {total} (a deduction exceeds it). Not paying.")
            }
            PayError::NotPayable { status, .. } => {
                format!(
                    "The person is {}. Cannot pay.",
                    labels::status(Lang::En, *status)
                )
            }
            PayError::ReceiverIdMismatch => {
                "The receiver's ID number does not match the file. Not paying.".into()
            }
            PayError::NoIdOnFile => {
                "No ID number on file for the person; pay a proxy or guardian.".into()
            }
            PayError::UnknownProxy => "That proxy is not on this person's file.".into(),
            PayError::ProxyExpired { on } => {
                format!("The authorisation expired on {}. Not paying.", date(*on))
            }
            PayError::ProxyNotYetValid { from } => {
                format!("The authorisation is valid only from {}.", date(*from))
            }
            PayError::ProxyRule(R::EndsBeforeStart) => {
                "The authorisation ends before it starts.".into()
            }
            PayError::ProxyRule(R::LongerThanAYear { latest_end }) => {
                format!(
                    "An authorisation lasts at most one year: it must end by {}.",
                    date(*latest_end)
                )
            }
            PayError::ProxyRule(R::NoEndDate) => {
                "An authorisation needs an end date (at most one year).".into()
            }
            PayError::ProxyFieldMissing(f) => format!("The proxy's {f} is missing."),
            PayError::ProxyBadId(e) => format!("Proxy's ID number: {}", e.en()),
            PayError::OutsideWindow { first, last } => {
                format!(
                    "Outside the payment window (days {first}–{last}). A supervisor must approve with their PIN."
                )
            }
            PayError::AccountMissing => "A transfer needs the account number.".into(),
            PayError::Account(e) => e.en(),
            PayError::AccountNotOnFile { typed, on_file } => format!(
                "Account {} is not the account on file{}: transfers go only to the account on file. \
                 If the person changed accounts, register the new one first (F4 on the file, or chitra register; \
                 replacing an account needs a supervisor), then pay. Nothing recorded.",
                crate::text::for_display(typed),
                on_file
                    .as_deref()
                    .map(|f| format!(" ({})", crate::text::for_display(f)))
                    .unwrap_or_else(|| " (none on file)".into())
            ),
            PayError::ReferenceMissing => "A transfer needs the transfer reference.".into(),
            PayError::ProxyNeedsApproval => "A new proxy or guardian needs a supervisor to see the original paper and approve (name and PIN) before it is put on file.".into(),
            PayError::ReferenceUsed { reference, by } => format!(
                "Transaction code {} already settles another payment ({}). Each transfer has its own code: check this transfer's slip. Nothing recorded.",
                crate::text::for_display(reference),
                by_en(by)
            ),
            PayError::OwnReference { reference, kind } => format!(
                "{} is a reference chitra makes for {}, not a bank's or a wallet's transaction code: it is not recorded at the counter. \
                 Type the transaction code printed on the transfer slip. {} Nothing recorded.",
                crate::text::for_display(reference),
                match kind {
                    crate::domain::payment::OwnReference::BankLine => "a transfer batch line",
                    crate::domain::payment::OwnReference::RoundStop => "a home round's stop",
                },
                match kind {
                    crate::domain::payment::OwnReference::BankLine => "A batch's transfers are recorded when a supervisor imports the bank's result file.",
                    crate::domain::payment::OwnReference::RoundStop => "A home payment is recorded with the round's outcomes.",
                }
            ),
            PayError::KeyReused => {
                "This payment key was used for another payment (another person, clerk or method). Start the payment again; on the command line, use a new key (--key).".into()
            }
        }
    }
}

fn field_vi(f: &str) -> &str {
    match f {
        "proxy_name" => "họ tên",
        "relationship" => "quan hệ với đối tượng",
        "document_no" => "số giấy ủy quyền",
        "certified_by" => "nơi xác nhận",
        other => other,
    }
}

crate::localized_error!(PayError);

impl Localize for crate::print::spool::SpoolError {
    fn vi(&self) -> String {
        use crate::print::spool::SpoolError as S;
        match self {
            S::Write { path, reason } => format!(
                "Đã chi và đã ghi sổ, nhưng không ghi được tệp biên nhận {} ({reason}). Kiểm tra thư mục receipt.spool_dir rồi in lại biên nhận.",
                path.display()
            ),
            S::Print { printer, reason } => format!(
                "Đã chi và đã ghi sổ, nhưng máy in {printer} không in được ({}). Kiểm tra máy in rồi in lại biên nhận.",
                super::printing::lp_reason(Lang::Vi, reason)
            ),
            S::NoAnswer { printer, seconds } => format!(
                "Đã chi và đã ghi sổ, nhưng máy in {printer} không trả lời sau {seconds} giây (tắt, kẹt giấy hoặc hết giấy). Kiểm tra máy in rồi in lại biên nhận."
            ),
            S::Pdf(e) => format!("Đã chi và đã ghi sổ, nhưng biên nhận chưa in. {}", e.vi()),
        }
    }

    fn en(&self) -> String {
        use crate::print::spool::SpoolError as S;
        match self {
            S::Write { path, reason } => format!(
                "Paid and recorded, but the receipt file {} could not be written ({reason}). Check receipt.spool_dir and reprint.",
                path.display()
            ),
            S::Print { printer, reason } => {
                format!(
                    "Paid and recorded, but the printer {printer} failed ({reason}). Check it and reprint."
                )
            }
            S::NoAnswer { printer, seconds } => format!(
                "Paid and recorded, but the printer {printer} did not answer in {seconds} s (off, jammed or out of paper). Check it and reprint."
            ),
            S::Pdf(e) => format!(
                "Paid and recorded, but the receipt is not printed. {}",
                e.en()
            ),
        }
    }
}
