//! The fixed words of the SSH gate (`cli/gate.rs`): what it refuses and
//! why, in Vietnamese and English.

use crate::i18n::Lang;

pub fn not_a_valid_command(lang: Lang, kind: &str) -> String {
    match lang {
        Lang::Vi => format!("Lệnh không hợp lệ: {kind}"),
        Lang::En => format!("Not a valid command: {kind}"),
    }
}

pub fn file_sent_too_big(lang: Lang, mib: u64) -> String {
    match lang {
        Lang::Vi => format!("Tệp gửi lên lớn quá {mib} MiB: không nhận."),
        Lang::En => format!("The file sent is over {mib} MiB: refused."),
    }
}

pub fn no_file_content(lang: Lang) -> &'static str {
    lang.pick(
        "Không nhận được nội dung tệp: gửi tệp qua đầu vào, ví dụ  ssh chitra@máy-chủ \"import --name ds.xlsx --user truong\" < ds.xlsx",
        "No file content arrived on standard input.",
    )
}

/// What SSH may run, after the command it refused (`asked`, already made
/// safe to show).
pub fn not_allowed_over_ssh(lang: Lang, asked: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Không được chạy qua SSH: {asked}. Tài khoản này chỉ mở màn hình chitra; trưởng bưu cục được dùng: \
             import --name TỆP --user TÊN (tệp qua đầu vào), report day [--date …] [--format text|csv|json|xlsx] --user TÊN (ra đầu ra), \
             report period YYYY-MM, report cashless, report log, list classify|accounts|changes|signing, period close YYYY-MM [--dry-run] (ra đầu ra, --user TÊN), \
             bank export --period YYYY-MM [--format csv] (tệp lô ra đầu ra), bank import --name TỆP (tệp kết quả qua đầu vào), \
             verify --user TÊN, doctor [--json] --user TÊN. Mã PIN gửi qua biến CHITRA_PIN (ssh -o SendEnv=CHITRA_PIN)."
        ),
        Lang::En => format!(
            "Not allowed over SSH: {asked}. This account opens chitra's screens; a supervisor may run: \
             import --name FILE --user NAME (file on stdin), report day [--date …] [--format …] --user NAME, \
             report period YYYY-MM, report cashless, report log, list classify|accounts|changes|signing, period close YYYY-MM [--dry-run] (to stdout, --user NAME), \
             bank export --period YYYY-MM [--format csv] (batch file to stdout), bank import --name FILE (result file on stdin), \
             verify --user NAME, doctor [--json] --user NAME. Send the PIN as CHITRA_PIN (ssh -o SendEnv=CHITRA_PIN)."
        ),
    }
}
