//! Wording of store and configuration errors.

use super::Localize;
use crate::config::ConfigError;
use crate::store::StoreError;

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
            StoreError::Busy => {
                "Cơ sở dữ liệu đang bận (một người khác đang ghi). Chờ vài giây rồi thử lại.".into()
            }
            StoreError::Refused { rule } => format!(
                "Cơ sở dữ liệu từ chối thay đổi này vì vi phạm quy tắc: {}.",
                rule_vi(rule)
            ),
            StoreError::Io { path, reason } => {
                format!(
                    "Không ghi/đọc được {}: {reason}. Kiểm tra quyền và dung lượng đĩa.",
                    path.display()
                )
            }
            StoreError::Sqlite(e) => format!("Lỗi cơ sở dữ liệu: {e}. Báo cho người quản trị."),
        }
    }

    fn en(&self) -> String {
        match self {
            StoreError::Missing { path } => format!(
                "No database at {}. Check the path (--db, CHITRA_DB or database.path in chitra.toml), or create one with `chitra init`.",
                path.display()
            ),
            StoreError::AlreadyExists { path } => {
                format!(
                    "{} already exists. A database in use is never overwritten; choose another path.",
                    path.display()
                )
            }
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
            StoreError::Busy => {
                "The database is busy (someone else is writing). Wait a few seconds and try again."
                    .into()
            }
            StoreError::Refused { rule } => {
                format!("The database refused this change because it breaks a rule: {rule}.")
            }
            StoreError::Io { path, reason } => {
                format!(
                    "Cannot read or write {}: {reason}. Check permissions and free disk space.",
                    path.display()
                )
            }
            StoreError::Sqlite(e) => format!("Database error: {e}. Tell the administrator."),
        }
    }
}

/// The Vietnamese for a rule the database enforces (a trigger's message).
fn rule_vi(rule: &str) -> String {
    let known = [
        ("append-only", "nhật ký kiểm toán chỉ được ghi thêm"),
        ("never changed", "dữ liệu tiền không được sửa"),
        ("never deleted", "dữ liệu tiền không được xóa"),
        ("stays closed", "ngày/kỳ đã khóa sổ thì không mở lại"),
        ("day is closed", "ngày này đã khóa sổ"),
        ("day does not match", "ngày ghi sổ không khớp thời điểm"),
        ("already paid", "khoản này đã được chi"),
        ("period is closed", "kỳ này đã khóa sổ"),
        ("not payable", "đối tượng không còn được chi trả"),
        (
            "does not match its entitlement",
            "dòng chi không khớp khoản được hưởng",
        ),
        ("UNIQUE", "trùng với dữ liệu đã có"),
    ];
    known
        .iter()
        .find(|(k, _)| rule.contains(k))
        .map(|(_, v)| v.to_string())
        .unwrap_or_else(|| rule.to_string())
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
