//! Wording of what `chitra verify` finds and what it covers.

use super::Localize;
use super::labels::date;
use super::store::table_vi;
use crate::service::verify::{Coverage, Finding};
use crate::store::audit::ChainProblem;
use crate::store::replay::{RowProblem, SchemaProblem};
use crate::text::for_display;

/// A row's key with what people know it by: "1 (HD-2026-000001)".
fn named(key: &str, label: &Option<String>) -> String {
    match label {
        Some(l) => format!("{key} ({l})"),
        None => key.to_string(),
    }
}

fn row_vi(p: &RowProblem) -> String {
    match p {
        RowProblem::Edited { table, key, label } => format!(
            "Bảng {} dòng {}: nội dung không khớp dấu xác thực của chính nó — đã bị sửa ngoài chitra.",
            table_vi(table.name()),
            for_display(&named(key, label))
        ),
        RowProblem::UnknownKey { table, key, label } => format!(
            "Bảng {} dòng {}: được ký bằng một khóa mà tệp khóa không có.",
            table_vi(table.name()),
            for_display(&named(key, label))
        ),
        RowProblem::Unsealed { table, key, label } => format!(
            "Bảng {} dòng {}: không có dấu xác thực — được thêm ngoài chitra.",
            table_vi(table.name()),
            for_display(&named(key, label))
        ),
        RowProblem::NotInLog { table, key, label } => format!(
            "Bảng {} dòng {}: nhật ký không hề ghi dòng này — được thêm ngoài chitra.",
            table_vi(table.name()),
            for_display(&named(key, label))
        ),
        RowProblem::Missing { table, key, label } => format!(
            "Bảng {} dòng {}: nhật ký đã ghi nhưng dòng không còn — đã bị xóa ngoài chitra.",
            table_vi(table.name()),
            for_display(&named(key, label))
        ),
        RowProblem::NotAsLogged { table, key, label } => format!(
            "Bảng {} dòng {}: khác lần ghi cuối cùng trong nhật ký — đã bị thay bằng một bản khác (bản cũ hoặc chép từ dòng khác).",
            table_vi(table.name()),
            for_display(&named(key, label))
        ),
        RowProblem::BulkChanged { what, seq } => format!(
            "Dữ liệu nhập từ danh sách ({}, nhật ký #{seq}) không còn như lúc nhập.",
            for_display(what)
        ),
    }
}

fn row_en(p: &RowProblem) -> String {
    match p {
        RowProblem::Edited { table, key, label } => format!(
            "{} row {}: does not match its own MAC — edited outside chitra.",
            table.name(),
            for_display(&named(key, label))
        ),
        RowProblem::UnknownKey { table, key, label } => format!(
            "{} row {}: sealed with a key the key file does not hold.",
            table.name(),
            for_display(&named(key, label))
        ),
        RowProblem::Unsealed { table, key, label } => format!(
            "{} row {}: no MAC — added outside chitra.",
            table.name(),
            for_display(&named(key, label))
        ),
        RowProblem::NotInLog { table, key, label } => format!(
            "{} row {}: never written by the log — added outside chitra.",
            table.name(),
            for_display(&named(key, label))
        ),
        RowProblem::Missing { table, key, label } => format!(
            "{} row {}: in the log but gone — deleted outside chitra.",
            table.name(),
            for_display(&named(key, label))
        ),
        RowProblem::NotAsLogged { table, key, label } => format!(
            "{} row {}: not as the log last wrote it — replaced by another version.",
            table.name(),
            for_display(&named(key, label))
        ),
        RowProblem::BulkChanged { what, seq } => format!(
            "Rows written by an import ({}, audit #{seq}) are not as imported.",
            for_display(what)
        ),
    }
}

fn kind_vi(kind: &str) -> &str {
    match kind {
        "table" => "bảng",
        "index" => "chỉ mục",
        "view" => "khung nhìn",
        "trigger" => "quy tắc (trigger)",
        other => other,
    }
}

impl Localize for Finding {
    fn vi(&self) -> String {
        match self {
            Finding::Integrity(line) => format!("Tệp cơ sở dữ liệu hỏng: {}", for_display(line)),
            Finding::Schema(SchemaProblem::Missing { kind, name }) => format!(
                "Cấu trúc dữ liệu thiếu {} {} — một quy tắc bảo vệ đã bị gỡ ngoài chitra.",
                kind_vi(kind),
                for_display(name)
            ),
            Finding::Schema(SchemaProblem::Changed { kind, name }) => format!(
                "Cấu trúc dữ liệu: {} {} đã bị sửa ngoài chitra.",
                kind_vi(kind),
                for_display(name)
            ),
            Finding::Schema(SchemaProblem::Extra { kind, name }) => format!(
                "Cấu trúc dữ liệu có thêm {} {} mà chitra không tạo.",
                kind_vi(kind),
                for_display(name)
            ),
            Finding::Chain(ChainProblem::Gap { after, next }) => {
                format!("Nhật ký kiểm toán mất dòng: sau dòng #{after} là dòng #{next}.")
            }
            Finding::Chain(ChainProblem::BrokenLink { seq }) => format!(
                "Nhật ký kiểm toán đứt mắt xích ở dòng #{seq}: dòng trước đó đã bị sửa, xóa hoặc chèn."
            ),
            Finding::Chain(ChainProblem::Edited { seq }) => format!(
                "Dòng nhật ký kiểm toán #{seq} không khớp chữ ký: đã bị sửa hoặc được viết bởi người không có khóa."
            ),
            Finding::Chain(ChainProblem::UnknownKey { seq, key_id }) => format!(
                "Dòng nhật ký #{seq} được ký bằng khóa {} mà tệp khóa không có: dùng đúng tệp khóa của bưu cục (xem docs/restore.md).",
                for_display(key_id)
            ),
            Finding::Row(p) => row_vi(p),
            Finding::AnchorMissing => "Tệp mốc đầu chuỗi (<csdl>.head) bị mất: không chứng minh được là cuối nhật ký chưa bị cắt. Đối chiếu với mã niêm phong trên báo cáo đã ký (verify --seal).".into(),
            Finding::AnchorDamaged => "Tệp mốc đầu chuỗi (<csdl>.head) hỏng hoặc chữ ký sai.".into(),
            Finding::HistoryCut { anchored, head } => format!(
                "Nhật ký đã bị cắt hoặc viết lại: mốc đầu chuỗi ghi dòng #{anchored} nhưng trong sổ không còn dòng đó như đã ghi (cuối sổ hiện là #{head})."
            ),
            Finding::PaidTwice {
                entitlement_id,
                receipts,
            } => format!(
                "Khoản #{entitlement_id} được chi hai lần: biên nhận {}.",
                for_display(&receipts.join(", "))
            ),
            Finding::TotalNotLines { receipt_no } => format!(
                "Biên nhận {}: tổng tiền khác tổng các dòng.",
                for_display(receipt_no)
            ),
            Finding::ReceiptGap {
                office,
                year,
                from,
                to,
            } => format!(
                "Thiếu số biên nhận {} năm {year}: từ {from} đến {to}.",
                for_display(office)
            ),
            Finding::ReceiptForged {
                receipt_no,
                expected,
            } => format!(
                "Số biên nhận {} không đúng thứ tự đã cấp (phải là {expected}).",
                for_display(receipt_no)
            ),
            Finding::ClockBack { seq, at, before } => format!(
                "Dòng nhật ký #{seq} ghi lúc {}, sớm hơn dòng trước nó ({}): đồng hồ máy chủ đã bị chỉnh lùi sau khi có dòng ghi ở giờ sau. Xem các lần chi quanh dòng này (chitra report log) và hỏi người quản trị máy chủ.",
                crate::i18n::labels::date_time(at),
                crate::i18n::labels::date_time(before)
            ),
            Finding::ClockAhead { seq, at } => format!(
                "Dòng nhật ký #{seq} ghi lúc {}, muộn hơn giờ hiện tại: đồng hồ máy chủ đã bị chỉnh tới trước khi ghi (hoặc đang chạy chậm). Kiểm tra đồng hồ (chitra doctor) và các lần chi quanh dòng này.",
                crate::i18n::labels::date_time(at)
            ),
            Finding::ReceiptFileWithoutPayment { receipt_no, file } => format!(
                "Tệp biên nhận {} trong thư mục in mang số {} nhưng sổ không có lần chi nào số đó: cơ sở dữ liệu có thể đã bị đưa về bản cũ, mất lần chi này. Đối chiếu với biên nhận giấy và docs/restore.md.",
                for_display(file),
                for_display(receipt_no)
            ),
            Finding::ClosedDayTotals { day } => format!(
                "Ngày {} đã khóa sổ nhưng số liệu hiện nay khác số đã chốt: dữ liệu của ngày đó đã bị thay đổi.",
                date(day)
            ),
            Finding::ClosedDaySeal { day } => format!(
                "Mã niêm phong của ngày {} không khớp những gì nó niêm phong.",
                date(day)
            ),
            Finding::SealChain { day } => format!(
                "Mã niêm phong ngày {} không nối với ngày khóa sổ trước nó: một ngày đã khóa sổ bị xóa hoặc chèn vào.",
                date(day)
            ),
            Finding::BatchChanged { batch_id, file } => format!(
                "Các khoản của lô nhập #{batch_id} ({}) đã bị thay đổi sau khi nhập.",
                for_display(file)
            ),
            Finding::CloseBackup { day, file, missing: true } => format!(
                "Bản sao lưu {} làm khi khóa sổ ngày {} không còn trong thư mục sao lưu: chép lại từ nơi cất giữ, hoặc chạy `chitra backup` ngay.",
                for_display(file),
                date(day)
            ),
            Finding::CloseBackup { day, file, missing: false } => format!(
                "Bản sao lưu {} làm khi khóa sổ ngày {} bị hỏng: chạy `chitra backup` ngay và kiểm tra đĩa (`chitra doctor`).",
                for_display(file),
                date(day)
            ),
            Finding::PaperDayOpen { day } => format!(
                "Ngày {} có mã niêm phong trên giấy nhưng trong sổ chưa khóa sổ: ngày đã khóa đã bị xóa.",
                date(day)
            ),
            Finding::PaperSealDiffers { day, paper, held } => format!(
                "Mã niêm phong ngày {} trên giấy là {paper}, trong sổ là {held}: sổ đã bị thay đổi từ đó (hoặc mã trên giấy bị chép sai — kiểm tra lại từng ký tự).",
                date(day)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Finding::Integrity(line) => {
                format!("The database file is damaged: {}", for_display(line))
            }
            Finding::Schema(SchemaProblem::Missing { kind, name }) => {
                format!("The schema lacks {kind} {} — a rule was removed.", for_display(name))
            }
            Finding::Schema(SchemaProblem::Changed { kind, name }) => {
                format!("The schema's {kind} {} was changed.", for_display(name))
            }
            Finding::Schema(SchemaProblem::Extra { kind, name }) => {
                format!("The schema has an extra {kind} {}.", for_display(name))
            }
            Finding::Chain(ChainProblem::Gap { after, next }) => {
                format!("Audit rows missing: #{after} is followed by #{next}.")
            }
            Finding::Chain(ChainProblem::BrokenLink { seq }) => format!(
                "The audit chain breaks at row #{seq}: the row before was edited, removed or inserted."
            ),
            Finding::Chain(ChainProblem::Edited { seq }) => format!(
                "Audit row #{seq} does not match its MAC: edited, or written without the key."
            ),
            Finding::Chain(ChainProblem::UnknownKey { seq, key_id }) => format!(
                "Audit row #{seq} is signed with key {} which the key file does not hold.",
                for_display(key_id)
            ),
            Finding::Row(p) => row_en(p),
            Finding::AnchorMissing => {
                "The head anchor (<db>.head) is missing: a cut tail of history cannot be ruled out. Check against a paper seal (verify --seal).".into()
            }
            Finding::AnchorDamaged => "The head anchor (<db>.head) is damaged or badly signed.".into(),
            Finding::HistoryCut { anchored, head } => format!(
                "The history was cut or rewritten: the anchor names row #{anchored}, which the log no longer holds as written (its end is #{head})."
            ),
            Finding::PaidTwice {
                entitlement_id,
                receipts,
            } => format!(
                "Line #{entitlement_id} is paid twice: receipts {}.",
                for_display(&receipts.join(", "))
            ),
            Finding::TotalNotLines { receipt_no } => format!(
                "Receipt {}: the total is not the sum of its lines.",
                for_display(receipt_no)
            ),
            Finding::ReceiptGap {
                office,
                year,
                from,
                to,
            } => format!(
                "Receipt numbers missing, {} {year}: {from} to {to}.",
                for_display(office)
            ),
            Finding::ClockBack { seq, at, before } => format!(
                "Audit row #{seq} was written at {at}, earlier than the row before it ({before}): the server's clock was set back after rows were written at a later time. Look at the payments around this row (chitra report log) and ask the server's administrator."
            ),
            Finding::ClockAhead { seq, at } => format!(
                "Audit row #{seq} was written at {at}, later than now: the server's clock was set ahead when it was written (or is slow now). Check the clock (chitra doctor) and the payments around this row."
            ),
            Finding::ReceiptFileWithoutPayment { receipt_no, file } => format!(
                "The receipt file {} in the print folder has number {}, which no payment in the books has: the database may have been put back to an older copy, losing this payment. Compare with the paper receipts and docs/restore.md.",
                for_display(file),
                for_display(receipt_no)
            ),
            Finding::ReceiptForged {
                receipt_no,
                expected,
            } => format!(
                "Receipt number {} does not match its sequence (should be {expected}).",
                for_display(receipt_no)
            ),
            Finding::ClosedDayTotals { day } => format!(
                "{day} is closed but its numbers now differ from those sealed: its data changed."
            ),
            Finding::ClosedDaySeal { day } => {
                format!("The seal of {day} does not match what it seals.")
            }
            Finding::SealChain { day } => format!(
                "The seal of {day} does not follow the day closed before it: a closed day was removed or inserted."
            ),
            Finding::BatchChanged { batch_id, file } => format!(
                "The lines of import batch #{batch_id} ({}) changed after the import.",
                for_display(file)
            ),
            Finding::CloseBackup { day, file, missing } => format!(
                "The backup {} made when {day} was closed is {}: run `chitra backup` now.",
                for_display(file),
                if *missing { "missing" } else { "damaged" }
            ),
            Finding::PaperDayOpen { day } => format!(
                "{day} has a seal on paper but is not closed in the database: the closed day was deleted."
            ),
            Finding::PaperSealDiffers { day, paper, held } => format!(
                "The seal of {day} is {paper} on paper and {held} in the database: the books changed since."
            ),
        }
    }
}

/// What the last seal covers, in a sentence for the verify report. On a
/// screen (`on_screen`) the way to compare a seal with its paper is said
/// with the screens' keys, not as a command line.
pub fn coverage(c: &Coverage, vi: bool, on_screen: bool) -> String {
    let sealed = match (&c.sealed, vi) {
        (Some((day, seq, false)), true) if on_screen => format!(
            "Đến dòng nhật ký #{seq} (ngày {d} khóa sổ) có mã niêm phong; hãy đối chiếu mã đó với báo cáo đã ký: mở Báo cáo & khóa sổ ngày (F2 › 4), chọn ngày {d} bằng F3, so mã niêm phong trên màn hình với mã trên giấy.",
            d = date(day)
        ),
        (Some((day, seq, false)), false) if on_screen => format!(
            "Up to audit row #{seq} ({day} closed): sealed; compare it with the signed report: open the day report (F2 › 4), pick {day} with F3, and compare its seal code with the one on paper."
        ),
        (Some((day, seq, true)), true) => format!(
            "Đến dòng nhật ký #{seq} (ngày {} khóa sổ) đã đối chiếu với mã niêm phong trên giấy.",
            date(day)
        ),
        (Some((day, seq, false)), true) => format!(
            "Đến dòng nhật ký #{seq} (ngày {} khóa sổ) có mã niêm phong; hãy đối chiếu mã đó với báo cáo đã ký bằng `chitra verify --seal NGÀY=MÃ`.",
            date(day)
        ),
        (None, true) => "Chưa có ngày nào khóa sổ: chưa có mã niêm phong để đối chiếu.".into(),
        (Some((day, seq, true)), false) => {
            format!("Up to audit row #{seq} ({day} closed): checked against the paper seal.")
        }
        (Some((day, seq, false)), false) => format!(
            "Up to audit row #{seq} ({day} closed): sealed; compare it with the signed report using `chitra verify --seal DAY=CODE`."
        ),
        (None, false) => "No day is closed yet: no seal to compare.".into(),
    };
    let rows = |from: i64, to: i64| {
        if from == to {
            format!("#{from}")
        } else {
            format!("#{from}–#{to}")
        }
    };
    let after = match (c.after.map(|(f, t)| rows(f, t)), vi) {
        (Some(r), true) if c.sealed.is_none() => format!(
            " Các dòng nhật ký {r} chỉ được bảo vệ bởi khóa kiểm toán và tệp mốc đầu chuỗi, cho tới khi ngày đầu tiên được khóa sổ."
        ),
        (Some(r), false) if c.sealed.is_none() => format!(
            " Audit rows {r} are protected only by the audit key and the head anchor until the first day is closed."
        ),
        (Some(r), true) => format!(
            " Dòng {r} sau đó chỉ được bảo vệ bởi khóa kiểm toán và tệp mốc đầu chuỗi, cho tới khi ngày được khóa sổ."
        ),
        (Some(r), false) => format!(
            " Rows {r} after it are protected only by the audit key and the head anchor until the day is closed."
        ),
        (None, _) => String::new(),
    };
    format!("{sealed}{after}")
}
