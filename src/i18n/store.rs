//! Wording of store and configuration errors.

use super::Localize;
use crate::config::ConfigError;
use crate::store::{Rule, StoreError};

/// A file named in a message, or "cơ sở dữ liệu" when no file was named.
fn file_vi(path: &std::path::Path) -> String {
    if path.as_os_str().is_empty() {
        "cơ sở dữ liệu".into()
    } else {
        format!("tệp {}", path.display())
    }
}

fn file_en(path: &std::path::Path) -> String {
    if path.as_os_str().is_empty() {
        "the database".into()
    } else {
        path.display().to_string()
    }
}

/// What the file system said, in words a clerk can act on.
fn reason_vi(reason: &str) -> String {
    let r = reason.to_lowercase();
    if r.contains("disk full") || r.contains("no space") || r.contains("database or disk is full") {
        "đĩa đã đầy".into()
    } else if r.contains("permission") || r.contains("readonly") || r.contains("read-only") {
        "không có quyền ghi".into()
    } else if r.contains("disk i/o error") || r.contains("file too large") {
        "lỗi đọc/ghi đĩa (đĩa đầy, tệp quá giới hạn hoặc đĩa hỏng)".into()
    } else if r.contains("unable to open") {
        "không mở được tệp (thư mục không cho ghi, không có quyền hoặc không có tệp)".into()
    } else if r.contains("no such file") || r.contains("not found") {
        "không có tệp hoặc thư mục này".into()
    } else {
        reason.to_string()
    }
}

impl Localize for StoreError {
    fn vi(&self) -> String {
        match self {
            StoreError::Missing { path } => format!(
                "Không tìm thấy cơ sở dữ liệu {}. Kiểm tra đường dẫn (--db, CHITRA_DB hoặc database.path trong chitra.toml), hoặc tạo mới bằng `chitra init`.",
                path.display()
            ),
            StoreError::AlreadyExists { path } => format!(
                "Tệp {} đã có. Không ghi đè cơ sở dữ liệu đang dùng; chọn đường dẫn khác.",
                path.display()
            ),
            StoreError::NotADatabase { path } => format!(
                "Tệp {} không phải cơ sở dữ liệu của chitra (hoặc đã hỏng). Kiểm tra đường dẫn; nếu tệp hỏng, khôi phục từ bản sao lưu (docs/restore.md).",
                path.display()
            ),
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => format!(
                "Cơ sở dữ liệu {} do phiên bản chitra mới hơn tạo (lược đồ {found}, bản này chỉ biết đến {supported}). Hãy dùng chitra bản mới hơn; không mở bằng bản này để tránh hỏng dữ liệu.",
                path.display()
            ),
            StoreError::OldSchema { path, found } => format!(
                "Cơ sở dữ liệu {} do một bản chitra thử nghiệm cũ tạo (lược đồ {found}); nhật ký của nó không có khóa bảo vệ nên không mang sang được. Tạo cơ sở dữ liệu mới bằng `chitra init` (văn phòng mẫu: `chitra demo --fresh`).",
                path.display()
            ),
            StoreError::KeyMissing { path } => format!(
                "Không thấy khóa nhật ký {} của cơ sở dữ liệu này; không có khóa thì không ghi được gì. Chép lại khóa từ bản lưu giữ trong két (docs/restore.md, mục \"The audit key\") rồi chạy lại.",
                path.display()
            ),
            StoreError::KeyDamaged { path } => format!(
                "Tệp khóa nhật ký {} bị hỏng hoặc bị sửa. Chép lại khóa từ bản lưu giữ trong két (docs/cai-dat.md) rồi chạy lại.",
                path.display()
            ),
            StoreError::KeyExists { path } => format!(
                "Đã có tệp khóa nhật ký {} của một cơ sở dữ liệu khác. Không ghi đè khóa: chọn chỗ khác cho cơ sở dữ liệu mới hoặc cất tệp khóa cũ đi.",
                path.display()
            ),
            StoreError::Busy => {
                "Cơ sở dữ liệu đang bận (một người khác đang ghi). Chờ vài giây rồi thử lại.".into()
            }
            StoreError::Refused(rule) => {
                format!("Cơ sở dữ liệu từ chối thay đổi này: {}.", rule_vi(rule))
            }
            StoreError::Tampered { table, key } => format!(
                "Dữ liệu {} (dòng {key}) đã bị sửa bên ngoài chitra nên không được dùng. Báo ngay cho trưởng bưu cục và chạy `chitra verify`.",
                table_vi(table)
            ),
            StoreError::SchemaChanged { name } => format!(
                "Quy tắc của cơ sở dữ liệu ({name}) đã bị sửa bên ngoài chitra: chitra không ghi gì nữa cho đến khi kiểm tra xong. Báo ngay cho trưởng bưu cục và chạy `chitra verify`."
            ),
            StoreError::HistoryCut { anchored, head } => format!(
                "Nhật ký kiểm toán không còn như tệp mốc đầu chuỗi đã ghi (mốc ghi dòng #{anchored}, sổ hiện đến #{head}): cơ sở dữ liệu có thể đã bị chép đè bằng bản cũ hoặc bị cắt, làm mất các lần chi đã ghi. chitra không ghi gì nữa để không chi trùng và không cấp lại số biên nhận đã dùng. Báo ngay trưởng bưu cục: chạy `chitra verify` và làm theo docs/restore.md."
            ),
            StoreError::AnchorNotWritten { path, reason } => format!(
                "Không ghi được tệp mốc đầu chuỗi {}: {}. Tệp này giữ cho nhật ký không bị cắt bớt, nên chitra không ghi gì nữa cho đến khi ghi được. Báo người quản trị chạy `chitra doctor` (quyền tệp, đĩa) rồi thử lại.",
                path.display(),
                reason_vi(reason)
            ),
            StoreError::Io { path, reason } => format!(
                "Không ghi/đọc được {}: {}. Kiểm tra quyền và dung lượng đĩa (`chitra doctor`) rồi thử lại.",
                file_vi(path),
                reason_vi(reason)
            ),
            StoreError::Damaged { what } => format!(
                "Cơ sở dữ liệu có giá trị mà chitra không bao giờ ghi ({what}). Báo trưởng bưu cục và chạy `chitra verify`."
            ),
            StoreError::Program { what } => format!(
                "Lỗi của chương trình chitra, chưa ghi gì cả ({what}). Báo cho người quản trị."
            ),
            StoreError::Corrupt => "Tệp cơ sở dữ liệu bị hỏng: có trang dữ liệu không đọc được. Ngừng làm việc trên máy này, báo ngay trưởng bưu cục; khôi phục từ bản sao lưu mới nhất theo docs/restore.md.".into(),
            StoreError::Sqlite(e) => format!("Lỗi cơ sở dữ liệu: {e}. Báo cho người quản trị."),
        }
    }

    fn en(&self) -> String {
        match self {
            StoreError::Missing { path } => format!(
                "No database at {}. Check the path (--db, CHITRA_DB or database.path in chitra.toml), or create one with `chitra init`.",
                path.display()
            ),
            StoreError::AlreadyExists { path } => format!(
                "{} already exists. A database in use is never overwritten; choose another path.",
                path.display()
            ),
            StoreError::NotADatabase { path } => format!(
                "{} is not a chitra database (or it is damaged). Check the path; if damaged, restore from a backup (docs/restore.md).",
                path.display()
            ),
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => format!(
                "The database {} was made by a newer chitra (schema {found}; this binary knows up to {supported}). Use the newer chitra; this one will not open it.",
                path.display()
            ),
            StoreError::OldSchema { path, found } => format!(
                "The database {} was made by an early test version of chitra (schema {found}) whose log was not keyed; it cannot be carried forward. Create a new one with `chitra init` (the demo: `chitra demo --fresh`).",
                path.display()
            ),
            StoreError::KeyMissing { path } => format!(
                "The audit key {} of this database is missing; nothing can be written without it. Copy the key back from the copy kept in the safe (docs/cai-dat.md).",
                path.display()
            ),
            StoreError::KeyDamaged { path } => format!(
                "The audit key file {} is damaged or was edited. Copy the key back from the copy kept in the safe (docs/cai-dat.md).",
                path.display()
            ),
            StoreError::KeyExists { path } => format!(
                "An audit key file {} of another database exists. It is never overwritten; choose another place for the new database or move the old key away.",
                path.display()
            ),
            StoreError::Busy => {
                "The database is busy (someone else is writing). Wait a few seconds and try again."
                    .into()
            }
            StoreError::Refused(rule) => {
                format!("The database refused this change: {}.", rule_en(rule))
            }
            StoreError::SchemaChanged { name } => format!(
                "The database's rules ({name}) were changed outside chitra: nothing is written until it is looked into. Tell the supervisor and run `chitra verify`."
            ),
            StoreError::Tampered { table, key } => format!(
                "The {table} row {key} was changed outside chitra and is not used. Tell the supervisor and run `chitra verify`."
            ),
            StoreError::HistoryCut { anchored, head } => format!(
                "The audit log no longer matches its head anchor (the anchor names row #{anchored}, the log ends at #{head}): the database may have been put back from an older copy or cut, losing payments it had recorded. Nothing more is written, so nothing is paid twice and no receipt number is handed out again. Tell the supervisor now: run `chitra verify` and follow docs/restore.md."
            ),
            StoreError::AnchorNotWritten { path, reason } => format!(
                "Cannot write the head anchor {}: {reason}. It keeps the log from being cut short, so nothing is written until it can be. Ask the administrator to run `chitra doctor` (file permissions, disk) and try again.",
                path.display()
            ),
            StoreError::Io { path, reason } => format!(
                "Cannot read or write {}: {reason}. Check permissions and free disk space (`chitra doctor`), then try again.",
                file_en(path)
            ),
            StoreError::Damaged { what } => format!(
                "The database holds a value chitra never writes ({what}). Tell the supervisor and run `chitra verify`."
            ),
            StoreError::Program { what } => {
                format!("A fault in chitra: nothing was written ({what}). Tell the administrator.")
            }
            StoreError::Corrupt => "The database file is damaged: a page of it cannot be read. Stop working on this machine and tell the supervisor; restore the newest backup as docs/restore.md says.".into(),
            StoreError::Sqlite(e) => format!("Database error: {e}. Tell the administrator."),
        }
    }
}

/// The Vietnamese name of a table named in a message.
pub(crate) fn table_vi(table: &str) -> &str {
    match table {
        "users" => "người dùng",
        "people" => "hồ sơ đối tượng",
        "proxies" => "người được ủy quyền/giám hộ",
        "heirs" => "người thừa kế",
        "death_report_checks" => "xác minh báo mất",
        "payments" => "lần chi",
        "payment_lines" => "dòng chi",
        "reversals" => "lần hủy chi",
        "drawer_moves" => "cấp/thu quỹ",
        "drawer_counts" => "kiểm đếm quỹ",
        "drawer_count_reasons" => "lý do chênh lệch quỹ",
        "closed_days" => "ngày đã khóa sổ",
        "periods" => "kỳ chi trả",
        "import_batches" => "lần nhập danh sách",
        "import_totals" => "tổng của lần nhập",
        "entitlements" => "khoản được hưởng",
        "audit_log" => "nhật ký kiểm toán",
        other => other,
    }
}

/// The Vietnamese for a rule the database enforces.
pub(crate) fn rule_vi(rule: &Rule) -> String {
    match rule {
        Rule::AlreadyPaid => "khoản này đã được chi".into(),
        Rule::InBankBatch => {
            "khoản này đang chuyển khoản theo lô, chưa có kết quả của ngân hàng".into()
        }
        Rule::InHomeRound => crate::i18n::rounds::rule_in_round_vi().into(),
        Rule::OnHomeRound => crate::i18n::rounds::rule_on_round_vi().into(),
        Rule::HomeRoundState => crate::i18n::rounds::rule_state_vi().into(),
        Rule::DayClosed => "ngày này đã khóa sổ".into(),
        Rule::ReferenceUsed => {
            "mã giao dịch này đã dùng cho một lần chi khác: mỗi lần chuyển có mã riêng, kiểm tra lại mã trên chứng từ".into()
        }
        Rule::OwnReference => {
            "mã tham chiếu dạng CK…/NH… là mã chitra tự đặt cho lô chuyển khoản hay chuyến chi tại nhà, không ghi ở quầy: ghi đúng mã giao dịch trên chứng từ".into()
        }
        Rule::BeforeClosedDay => {
            "hôm nay theo đồng hồ máy chủ lại sớm hơn một ngày đã khóa sổ: đồng hồ máy chủ bị chỉnh lùi, báo người quản trị sửa giờ rồi mới làm tiếp".into()
        }
        Rule::DayMismatch => "ngày ghi sổ không khớp thời điểm".into(),
        Rule::PersonNotPayable => "đối tượng không còn được chi trả".into(),
        Rule::LineMismatch => "dòng chi không khớp khoản được hưởng".into(),
        Rule::PeriodClosed => "kỳ này đã khóa sổ".into(),
        Rule::DrawerCounted => "quỹ đã kiểm đếm cuối ca, không chi tiền mặt thêm".into(),
        Rule::DrawerNotOpen => "quỹ chưa được cấp tiền đầu ngày".into(),
        Rule::DrawerShort => "quỹ không đủ tiền mặt".into(),
        Rule::NeedsAnotherSupervisor => "hủy chi cần một trưởng bưu cục khác duyệt".into(),
        Rule::BankResultStands => "khoản ngân hàng đã báo chuyển theo lô không hủy được: tiền đã đi qua ngân hàng".into(),
        Rule::Heir(h) => super::heir::rule_vi(*h).into(),
        Rule::AppendOnly(table) => {
            format!("{} chỉ được ghi thêm, không sửa hay xóa", table_vi(table))
        }
        Rule::Unique(_) => "trùng với dữ liệu đã có".into(),
        // A rule chitra's own checks should have met first: a fault of the
        // program, said as such; the rule's text kept for the administrator.
        Rule::Other(m) => format!(
            "một quy tắc dữ liệu không thỏa, lỗi của chương trình, chưa ghi gì; báo người quản trị ({m})"
        ),
    }
}

fn rule_en(rule: &Rule) -> String {
    match rule {
        Rule::AlreadyPaid => "this line was already paid".into(),
        Rule::InBankBatch => "this line is in a bank transfer batch awaiting the result".into(),
        Rule::InHomeRound => crate::i18n::rounds::rule_in_round_en().into(),
        Rule::OnHomeRound => crate::i18n::rounds::rule_on_round_en().into(),
        Rule::HomeRoundState => crate::i18n::rounds::rule_state_en().into(),
        Rule::DayClosed => "the day is closed".into(),
        Rule::ReferenceUsed => {
            "this transaction code already settles another payment: each transfer has its own code, check it on the slip".into()
        }
        Rule::OwnReference => {
            "a CK…/NH… reference is one chitra makes for a transfer batch or a home round, not recorded at the counter: type the code on the slip".into()
        }
        Rule::BeforeClosedDay => {
            "today by the server's clock is earlier than a day already closed: the clock was set back; have the administrator fix it before going on".into()
        }
        Rule::DayMismatch => "the day does not match the time".into(),
        Rule::PersonNotPayable => "the person is no longer paid".into(),
        Rule::LineMismatch => "the payment line does not match its entitlement".into(),
        Rule::PeriodClosed => "the period is closed".into(),
        Rule::DrawerCounted => "the drawer was counted".into(),
        Rule::DrawerNotOpen => "the drawer was not opened today".into(),
        Rule::DrawerShort => "the drawer does not hold the cash".into(),
        Rule::NeedsAnotherSupervisor => "a void needs another supervisor".into(),
        Rule::BankResultStands => "a transfer the bank reported done in a batch is not voided: the money left through the bank".into(),
        Rule::Heir(h) => super::heir::rule_en(*h).into(),
        Rule::AppendOnly(table) => format!("{table} rows are never changed or deleted"),
        Rule::Unique(what) => format!("a value that must be unique exists already ({what})"),
        Rule::Other(m) => format!(
            "a data rule was not met, a fault of the program, nothing written; tell the administrator ({m})"
        ),
    }
}

impl Localize for ConfigError {
    fn vi(&self) -> String {
        match self {
            ConfigError::NotFound { tried } => format!(
                "Không tìm thấy tệp cấu hình (đã tìm: {}). Chỉ rõ bằng --config ĐƯỜNG_DẪN hoặc CHITRA_CONFIG.",
                join(tried)
            ),
            ConfigError::Unreadable { path, reason } => {
                format!("Không đọc được tệp cấu hình {}: {reason}.", path.display())
            }
            ConfigError::Invalid { path, line, reason } => match line {
                Some(l) => format!(
                    "Tệp cấu hình {} sai ở dòng {l}: {}. Sửa dòng đó rồi chạy lại.",
                    path.display(),
                    reason.trim()
                ),
                None => format!("Tệp cấu hình {} sai: {}.", path.display(), reason.trim()),
            },
            ConfigError::BadValue { path, key, reason } => {
                format!(
                    "Tệp cấu hình {}: giá trị của {key} không hợp lệ ({reason}).",
                    path.display()
                )
            }
        }
    }

    fn en(&self) -> String {
        match self {
            ConfigError::NotFound { tried } => format!(
                "No configuration file found (looked at: {}). Name one with --config PATH or CHITRA_CONFIG.",
                join(tried)
            ),
            ConfigError::Unreadable { path, reason } => format!(
                "Cannot read the configuration {}: {reason}.",
                path.display()
            ),
            ConfigError::Invalid { path, line, reason } => match line {
                Some(l) => format!(
                    "The configuration {} is wrong at line {l}: {}. Fix that line and run again.",
                    path.display(),
                    reason.trim()
                ),
                None => format!(
                    "The configuration {} is wrong: {}.",
                    path.display(),
                    reason.trim()
                ),
            },
            ConfigError::BadValue { path, key, reason } => {
                format!(
                    "The configuration {}: the value of {key} is not valid ({reason}).",
                    path.display()
                )
            }
        }
    }
}

fn join(paths: &[std::path::PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

crate::localized_error!(StoreError, ConfigError);

/// The person's file, when lines it shows were changed behind chitra's
/// back: which months, and that nobody pays them until the supervisor has
/// checked the books.
pub fn forged_on_file(lang: super::Lang, months: &[String]) -> String {
    let months = months.join(", ");
    match lang {
        super::Lang::Vi => format!(
            "Khoản kỳ {months} đã bị sửa bên ngoài chitra (số tiền hiện ra có thể không phải số trong danh sách): không chi được. \
             Báo ngay trưởng bưu cục kiểm tra toàn vẹn (F2 › Kiểm tra toàn vẹn dữ liệu)."
        ),
        super::Lang::En => format!(
            "The lines of {months} were changed outside chitra (the amount shown may not be the list's): they cannot be paid. \
             Tell the head of office at once to check the books (F2 › integrity check)."
        ),
    }
}

/// The months of a person's unpaid lines changed behind chitra's back, as
/// the file writes a month ("12/2026").
pub fn forged_months(v: &crate::service::counter::PersonView) -> Vec<String> {
    let mut months: Vec<String> = v
        .unpaid
        .iter()
        .filter(|l| v.forged.contains(&l.entitlement_id))
        .map(|l| super::labels::period(l.period))
        .collect();
    months.dedup();
    months
}
