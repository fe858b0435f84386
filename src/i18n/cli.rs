//! The command line's own words — the frame `clap` puts around chitra's
//! commands (headings of `--help`, "Usage", the `-h`/`-V` flags) and what is
//! said when the words typed are not a command chitra knows — in Vietnamese
//! first. The commands' and arguments' descriptions are beside their
//! definitions in `src/cli/`. `src/cli/mod.rs` applies these to every
//! command once, before parsing.
//!
//! The command line is parsed before the configuration (which names the
//! language) is read, so what is said here is always in Vietnamese; the
//! English is for maintainers reading this file.

/// The layout of every command's `--help`.
pub const HELP_TEMPLATE: &str =
    "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// The heading of subcommands in `--help`.
pub const COMMANDS: &str = "Lệnh";
/// The placeholder of a subcommand in a usage line.
pub const COMMAND_NAME: &str = "LỆNH";
/// The heading of positional arguments.
pub const ARGUMENTS: &str = "Đối số";
/// The heading of options.
pub const OPTIONS: &str = "Tùy chọn";
/// `-h`, `--help`.
pub const HELP_FLAG: &str = "In trợ giúp (-h ngắn gọn, --help đầy đủ)";
/// `-V`, `--version`.
pub const VERSION_FLAG: &str = "In phiên bản";

/// The bracketed notes clap adds after an argument's description, and
/// their Vietnamese.
const NOTES: [(&str, &str); 6] = [
    ("Possible values:", "Giá trị:"),
    ("[default: ", "[mặc định: "),
    ("[possible values: ", "[giá trị: "),
    ("[env: ", "[biến môi trường: "),
    ("[aliases: ", "[tên khác: "),
    ("[OPTIONS]", "[TÙY_CHỌN]"),
];

/// A help text or usage line as clap renders it, its remaining English
/// frame words put in Vietnamese.
/// The placeholder `--help` shows for the value of an argument that does
/// not name its own (clap would print the field's name in English capitals).
pub fn value_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "format" => "ĐỊNH_DẠNG",
        "reason" | "default_reason" => "LÝ_DO",
        "query" => "CCCD_HOẶC_MÃ_HOẶC_TÊN",
        "clerk" => "TÊN",
        "amount" => "SỐ_TIỀN",
        "method" => "HÌNH_THỨC",
        "status" => "TRẠNG_THÁI",
        "receipt" => "SỐ_BIÊN_NHẬN",
        "notes" => "SỐ_TỜ",
        "kind" => "LOẠI",
        "dest" => "TỆP_ĐÍCH",
        "file" | "out" | "path" => "TỆP",
        "account_step" => "BƯỚC",
        "period" | "month" => "YYYY-MM",
        "round" => "SỐ_CHUYẾN",
        "batch" => "SỐ_LÔ",
        "note" => "GHI_CHÚ",
        "hamlet" => "THÔN",
        "outcome" => "KẾT_QUẢ",
        "pin" => "MÃ_PIN",
        "postman" => "BƯU_TÁ",
        "user" | "name" => "TÊN",
        "role" => "VAI_TRÒ",
        "id_number" | "receiver_id" => "SỐ_GIẤY_TỜ",
        _ => return None,
    })
}

pub fn frame_words(text: &str) -> String {
    let mut out = text.replacen("Usage: ", "Cách dùng: ", 1);
    for (en, vi) in NOTES {
        out = out.replace(en, vi);
    }
    out
}

/// A user's role as `user list` and `user add` print it.
pub fn role(lang: super::Lang, role: crate::domain::user::Role) -> &'static str {
    use crate::domain::user::Role;
    match role {
        Role::Clerk => lang.pick("giao dịch viên", "clerk"),
        Role::Supervisor => lang.pick("trưởng bưu cục", "supervisor"),
    }
}

/// What was wrong with the words typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `--x` or a value no command takes here.
    UnknownArgument { arg: String },
    /// A subcommand chitra does not have.
    UnknownCommand { name: String },
    /// A command that needs one of its subcommands.
    MissingCommand { command: String, valid: Vec<String> },
    /// Arguments that must be given.
    MissingRequired { args: Vec<String> },
    /// An option given without its value.
    MissingValue { arg: String },
    /// A value that is not one of those allowed.
    InvalidValue {
        arg: String,
        value: String,
        valid: Vec<String>,
    },
    /// A value that could not be read (a number, a path…).
    BadValue {
        arg: String,
        value: String,
        why: String,
    },
    /// One value too many.
    UnexpectedValue { arg: String, value: String },
    /// Two arguments that cannot go together (or one given twice).
    Conflict { arg: String, with: Vec<String> },
    /// Anything else.
    Other,
}

/// The message for `problem`, with the command's usage line and a
/// suggestion ("did you mean …") when there is one.
pub fn error_text(problem: &Problem, suggestion: Option<&[String]>, usage: Option<&str>) -> String {
    let list = |v: &[String]| v.join(", ");
    let mut out = String::from("chitra: ");
    out.push_str(&match problem {
        Problem::UnknownArgument { arg } => format!("không hiểu “{arg}” ở đây."),
        Problem::UnknownCommand { name } => format!("không có lệnh “{name}”."),
        Problem::MissingCommand { command, valid } => {
            format!("lệnh “{command}” cần thêm một lệnh con: {}.", list(valid))
        }
        Problem::MissingRequired { args } => format!("còn thiếu {}.", list(args)),
        Problem::MissingValue { arg } => format!("“{arg}” cần một giá trị."),
        Problem::InvalidValue { arg, value, valid } if valid.is_empty() => {
            format!("giá trị “{value}” không dùng được cho “{arg}”.")
        }
        Problem::InvalidValue { arg, value, valid } => format!(
            "giá trị “{value}” không dùng được cho “{arg}”; chọn một trong: {}.",
            list(valid)
        ),
        Problem::BadValue { arg, value, why } if why.is_empty() => {
            format!("không đọc được “{value}” cho “{arg}”.")
        }
        Problem::BadValue { arg, value, why } => {
            format!("không đọc được “{value}” cho “{arg}”: {why}.")
        }
        Problem::UnexpectedValue { arg, value } => {
            format!("thừa giá trị “{value}” cho “{arg}”.")
        }
        Problem::Conflict { arg, with } if with.is_empty() => {
            format!("“{arg}” chỉ được dùng một lần.")
        }
        Problem::Conflict { arg, with } => {
            format!("“{arg}” không dùng cùng với {}.", list(with))
        }
        Problem::Other => "lệnh không hợp lệ.".to_string(),
    });
    if let Some(s) = suggestion {
        out.push_str(&format!("\n  Có phải ý bạn là “{}”?", s.join("” hoặc “")));
    }
    if let Some(u) = usage {
        out.push_str(&format!("\n\n{}", frame_words(u.trim_end())));
    }
    out.push_str("\n\nXem thêm: chitra --help (hoặc chitra LỆNH --help).\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_frame_words_come_out_in_vietnamese() {
        let help = "Usage: chitra user add [OPTIONS] --role <ROLE>\n  --format <FORMAT>  Định dạng [default: text] [possible values: text, csv]";
        let vi = frame_words(help);
        assert!(
            vi.starts_with("Cách dùng: chitra user add [TÙY_CHỌN]"),
            "{vi}"
        );
        assert!(vi.contains("[mặc định: text] [giá trị: text, csv]"), "{vi}");
        assert!(!vi.contains("Usage") && !vi.contains("default") && !vi.contains("possible"));
    }

    #[test]
    fn an_error_names_what_was_wrong_and_where_to_read_more() {
        let text = error_text(
            &Problem::InvalidValue {
                arg: "--role <VAI_TRÒ>".into(),
                value: "boss".into(),
                valid: vec!["gdv".into(), "truong".into()],
            },
            None,
            Some("Usage: chitra user add --role <VAI_TRÒ> <TÊN>"),
        );
        assert!(text.starts_with("chitra: giá trị “boss” không dùng được cho “--role <VAI_TRÒ>”; chọn một trong: gdv, truong."), "{text}");
        assert!(text.contains("Cách dùng: chitra user add"), "{text}");
        assert!(
            !text.contains("error:") && !text.contains("Usage"),
            "{text}"
        );
    }
}
