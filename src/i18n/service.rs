//! Wording of the service's errors (sign-in, users, permissions).

use super::Localize;
use crate::domain::user::{CredentialError, MAX_FAILED_PINS, Role};
use crate::service::{AuthError, Error};

fn role_vi(r: Role) -> &'static str {
    match r {
        Role::Clerk => "giao dịch viên",
        Role::Supervisor => "trưởng bưu cục (giám sát)",
    }
}

/// The Vietnamese label of a form field named in an error.
fn field_vi(field: &str) -> &str {
    match field {
        "full_name" => "họ và tên",
        "name" => "tên đăng nhập",
        "account" => "số tài khoản",
        "reference" => "mã giao dịch",
        "reason" => "lý do",
        "note" => "ghi chú",
        "proxy_name" => "họ tên người được ủy quyền",
        "relationship" => "quan hệ",
        "document_no" => "số giấy ủy quyền",
        "certified_by" => "nơi xác nhận",
        "account_no" => "số tài khoản",
        "account_bank" => "ngân hàng / nhà cung cấp",
        "account_holder" => "chủ tài khoản",
        "id_place" => "nơi cấp",
        other => other,
    }
}

impl Localize for AuthError {
    fn vi(&self) -> String {
        match self {
            AuthError::WrongPin => format!(
                "Sai tên người dùng hoặc mã PIN. Nhập sai {MAX_FAILED_PINS} lần liên tiếp thì tài khoản bị khóa."
            ),
            AuthError::WrongOwnPin => format!(
                "Sai mã PIN. Gõ lại mã PIN của bạn; nhập sai {MAX_FAILED_PINS} lần liên tiếp thì tài khoản bị khóa."
            ),
            AuthError::Locked { name } => format!(
                "Tài khoản {name} đang bị khóa (sai PIN {MAX_FAILED_PINS} lần liên tiếp, hoặc bị khóa). Nhờ trưởng bưu cục mở khóa (trưởng bưu cục bị khóa: báo người quản trị máy chủ)."
            ),
            AuthError::NotSupervisor { name } => {
                format!("{name} không phải trưởng bưu cục nên không duyệt được. Cần người có quyền giám sát.")
            }
            AuthError::SelfApproval => "Không tự duyệt cho chính mình. Cần một trưởng bưu cục khác nhập PIN.".into(),
            AuthError::Missing => "Chưa nhập tên người dùng hoặc mã PIN (dùng --user/CHITRA_USER và CHITRA_PIN, hoặc nhập khi được hỏi).".into(),
            AuthError::HashFailed => "Không tạo được mã PIN (hệ thống thiếu bộ nhớ). Thử lại; nếu vẫn lỗi, báo người quản trị.".into(),
            AuthError::Tampered { name } => format!(
                "Tài khoản {name} đã bị sửa bên ngoài chitra nên không đăng nhập được. Báo ngay cho trưởng bưu cục và chạy `chitra verify`."
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            AuthError::WrongPin => format!(
                "Wrong user name or PIN. {MAX_FAILED_PINS} wrong PINs in a row lock the account."
            ),
            AuthError::WrongOwnPin => format!(
                "Wrong PIN. Type your PIN again; {MAX_FAILED_PINS} wrong PINs in a row lock the account."
            ),
            AuthError::Locked { name } => {
                format!("The account {name} is locked. Ask a supervisor to unlock it; if the supervisor is the one locked, tell the server's administrator (supervisor's guide, unlocking).")
            }
            AuthError::NotSupervisor { name } => format!("{name} is not a supervisor and cannot approve."),
            AuthError::SelfApproval => "You cannot approve your own request; another supervisor must enter their PIN.".into(),
            AuthError::Missing => "No user name or PIN given (use --user/CHITRA_USER and CHITRA_PIN, or type them when asked).".into(),
            AuthError::HashFailed => "The PIN could not be hashed (the system is short of memory). Try again; if it fails again, tell the administrator.".into(),
            AuthError::Tampered { name } => format!(
                "The account {name} was changed outside chitra and cannot sign in. Tell the supervisor and run `chitra verify`."
            ),
        }
    }
}

impl Localize for CredentialError {
    fn vi(&self) -> String {
        match self {
            CredentialError::BadUserName => {
                "Tên người dùng gồm 2–32 ký tự chữ thường không dấu, số, '.', '_' hoặc '-' (ví dụ: lan.nguyen).".into()
            }
            CredentialError::BadPin => "Mã PIN gồm 4 đến 12 chữ số.".into(),
            CredentialError::GuessablePin => "Mã PIN này dễ đoán (một số lặp lại như 1111, các số liền nhau như 1234 hay 9876, hoặc một nhóm số lặp lại như 1212): chọn mã khác.".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            CredentialError::BadUserName => {
                "A user name is 2–32 characters: lowercase a–z, digits, '.', '_' or '-' (e.g. lan.nguyen).".into()
            }
            CredentialError::BadPin => "A PIN is 4 to 12 digits.".into(),
            CredentialError::GuessablePin => "This PIN is easy to guess (one digit repeated like 1111, digits in a row like 1234 or 9876, or a block repeated like 1212): choose another.".into(),
        }
    }
}

impl Localize for Error {
    fn vi(&self) -> String {
        match self {
            Error::Store(e) => e.vi(),
            Error::Auth(e) => e.vi(),
            Error::Credential(e) => e.vi(),
            Error::Forbidden { needs } => format!("Việc này cần quyền {}.", role_vi(*needs)),
            Error::UnknownUser { name } => {
                format!("Không có người dùng tên {name}. Xem danh sách: chitra user list.")
            }
            Error::UserExists { name } => format!("Đã có người dùng tên {name}; chọn tên khác."),
            Error::AlreadyInitialised => {
                "Cơ sở dữ liệu này đã được khởi tạo (đã có người dùng).".into()
            }
            Error::LastSupervisor => "Không tự khóa tài khoản của chính mình.".into(),
            Error::NotDatabaseOwner => "Chỉ tài khoản hệ thống sở hữu tệp cơ sở dữ liệu mới mở khóa được bằng --admin (ví dụ: sudo -u chitra chitra user unlock TÊN --admin). Nếu còn trưởng bưu cục khác, người đó mở khóa bằng chitra user unlock TÊN.".into(),
            Error::BadText { field, error } => format!("Ô {}: {}", field_vi(field), error.vi()),
            Error::Pay(e) => e.vi(),
            Error::Day(e) => e.vi(),
            Error::Period(e) => e.vi(),
            Error::Register(e) => e.vi(),
            Error::Heir(e) => e.vi(),
            Error::Bank(e) => e.vi(),
            Error::Round(e) => e.vi(),
            Error::Import(e) => e.vi(),
            Error::NoSuchPerson => {
                "Không tìm thấy đối tượng này (có thể danh sách vừa thay đổi). Tìm lại.".into()
            }
            Error::NoPersonWith { asked } => format!(
                "Không có người hưởng nào có mã hồ sơ hay số CCCD/CMND “{}”. Gõ đúng mã hồ sơ (ví dụ HD-00123) hoặc đủ số CCCD; tìm theo tên bằng `chitra show`.",
                crate::text::for_display(asked)
            ),
            Error::NoSuchPayment => {
                "Không tìm thấy lần chi này (có thể màn hình đã cũ). Mở lại danh sách biên nhận."
                    .into()
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Error::Store(e) => e.en(),
            Error::Auth(e) => e.en(),
            Error::Credential(e) => e.en(),
            Error::Forbidden { needs } => format!("This needs the {} role.", needs.code()),
            Error::UnknownUser { name } => format!("No user named {name}. See: chitra user list."),
            Error::UserExists { name } => format!("A user named {name} already exists."),
            Error::AlreadyInitialised => {
                "This database is already initialised (it has users).".into()
            }
            Error::LastSupervisor => "You cannot lock your own account.".into(),
            Error::NotDatabaseOwner => "Only the system account that owns the database file can unlock with --admin (e.g. sudo -u chitra chitra user unlock NAME --admin). If there is another supervisor, they unlock with chitra user unlock NAME.".into(),
            Error::BadText { field, error } => format!("Field {field}: {}", error.en()),
            Error::Pay(e) => e.en(),
            Error::Day(e) => e.en(),
            Error::Period(e) => e.en(),
            Error::Register(e) => e.en(),
            Error::Heir(e) => e.en(),
            Error::Bank(e) => e.en(),
            Error::Round(e) => e.en(),
            Error::Import(e) => e.en(),
            Error::NoSuchPerson => {
                "No such person (the list may have just changed). Search again.".into()
            }
            Error::NoPersonWith { asked } => format!(
                "No one has the record code or ID number “{}”. Type the record code (HD-00123, say) or the whole ID number; search by name with `chitra show`.",
                crate::text::for_display(asked)
            ),
            Error::NoSuchPayment => {
                "No such payment (the screen may be out of date). Open the receipts again.".into()
            }
        }
    }
}

crate::localized_error!(AuthError, CredentialError, Error);

/// A second person's PIN that was neither in its variable nor typed (no
/// terminal to ask at).
pub fn pin_missing(lang: super::Lang, var: &str, asked: &str) -> String {
    use super::Lang;
    let asked = asked.trim().trim_end_matches(':');
    match lang {
        Lang::Vi => format!(
            "Chưa có mã PIN cần cho việc này ({asked}): đặt biến {var}, hoặc chạy lệnh ở cửa sổ dòng lệnh để nhập khi được hỏi."
        ),
        Lang::En => format!(
            "A PIN this needs was not given ({asked}): set {var}, or run the command at a terminal to type it when asked."
        ),
    }
}
