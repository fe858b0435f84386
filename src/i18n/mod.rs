//! Every user-facing string, in Vietnamese (the default) and English.
//!
//! Error types elsewhere hold data only; their wording lives in the files of
//! this folder, one per area, through [`Localize`]. Screen labels live in
//! `strings/`.
//!
//! The language is a value passed by whoever knows it: `ctx.lang()` in a
//! screen or a command, the `Lang` a document builder or printer was
//! given, `config.interface.language` in the service. New code takes a
//! `lang: Lang` and asks `lang.pick(vi, en)`, `lang.strings()`,
//! `error.localize(lang)` or a word function of this folder with it. There
//! is no language of the process: two offices (or a test in each language)
//! can share one.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The Vietnamese or the English of a short fixed text. For longer or
    /// parameterised wording use a file of this folder.
    pub fn pick(self, vi: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The screen labels in this language.
    pub fn strings(self) -> &'static strings::Strings {
        strings::for_lang(self)
    }
}

/// A message that can be said in each interface language.
pub trait Localize {
    fn vi(&self) -> String;
    fn en(&self) -> String;
    /// The message in `lang`.
    fn localize(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vi(),
            Lang::En => self.en(),
        }
    }
}

/// Anything shown to a user as a message: an error of the [`Localize`]
/// kind, said in the language asked for, or a text already in it (a
/// `String` or `&str` from a word function given that language).
/// The message line of the screens and the errors of the commands take
/// this, so an error reaches the user in their language.
pub trait Say {
    fn say(&self, lang: Lang) -> String;
}

impl<T: Localize> Say for T {
    fn say(&self, lang: Lang) -> String {
        self.localize(lang)
    }
}

impl Say for str {
    fn say(&self, _: Lang) -> String {
        self.to_string()
    }
}

impl Say for &str {
    fn say(&self, _: Lang) -> String {
        self.to_string()
    }
}

impl Say for String {
    fn say(&self, _: Lang) -> String {
        self.clone()
    }
}

/// A file that could not be read or written, in the user's words.
impl Say for std::io::Error {
    fn say(&self, lang: Lang) -> String {
        os_reason(lang, self)
    }
}

impl Say for crate::tui::RunError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (crate::tui::RunError::Io(e), _) => os_reason(lang, e),
            (crate::tui::RunError::NoTerminal, Lang::Vi) => "màn hình quầy cần một cửa sổ dòng lệnh (terminal): mở từ PuTTY, hoặc dùng `ssh -t`. Các lệnh như `chitra show`, `chitra report` chạy được không cần màn hình.".to_string(),
            (crate::tui::RunError::NoTerminal, Lang::En) => "the counter screens need a terminal window: open them from PuTTY, or use `ssh -t`. Commands such as `chitra show` and `chitra report` run without one.".to_string(),
        }
    }
}

/// Why the system refused to read or write a file, in `lang`, with what to
/// do where there is something; never the system's English.
pub fn os_reason(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let (vi, en) = match e.kind() {
        K::NotFound => (
            "không có tệp hay thư mục này: kiểm tra lại đường dẫn",
            "no such file or folder: check the path",
        ),
        K::PermissionDenied => (
            "không có quyền đọc/ghi ở đó: chọn thư mục khác hoặc báo người quản trị",
            "not allowed to read or write there: choose another folder or tell the administrator",
        ),
        K::IsADirectory => (
            "đây là một thư mục, cần tên tệp (ví dụ thêm /ten-tep.xlsx)",
            "this is a folder; a file name is needed (add /file-name.xlsx, for example)",
        ),
        K::NotADirectory => (
            "một phần của đường dẫn là tệp, không phải thư mục",
            "part of the path is a file, not a folder",
        ),
        K::AlreadyExists => (
            "tệp đã có, không ghi đè: chọn tên khác",
            "the file exists and is not overwritten: choose another name",
        ),
        K::StorageFull => (
            "đĩa đã đầy: báo người quản trị giải phóng chỗ trống",
            "the disk is full: have the administrator free some space",
        ),
        K::ReadOnlyFilesystem => (
            "ổ đĩa chỉ cho đọc: chọn nơi khác hoặc báo người quản trị",
            "the drive is read-only: choose another place or tell the administrator",
        ),
        K::InvalidData | K::UnexpectedEof => (
            "tệp hỏng hoặc không đúng dạng",
            "the file is damaged or not in the expected form",
        ),
        K::TimedOut => ("quá thời gian chờ", "timed out"),
        K::Interrupted => ("bị ngắt giữa chừng, thử lại", "interrupted; try again"),
        _ => ("", ""),
    };
    let code = e
        .raw_os_error()
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    match (lang, vi.is_empty()) {
        (Lang::Vi, false) => vi.to_string(),
        (Lang::En, false) => en.to_string(),
        (Lang::Vi, true) => format!("lỗi hệ thống{code}: báo người quản trị"),
        (Lang::En, true) => format!("system error{code}: tell the administrator"),
    }
}

/// A workbook that could not be written: why, in the user's words when
/// the file system refused (the usual case), else the library's.
impl Say for rust_xlsxwriter::XlsxError {
    fn say(&self, lang: Lang) -> String {
        match self {
            rust_xlsxwriter::XlsxError::IoError(e) => os_reason(lang, e),
            other => match lang {
                Lang::Vi => format!("không tạo được tệp Excel ({other})"),
                Lang::En => format!("the Excel file could not be made ({other})"),
            },
        }
    }
}

/// Implements `Display` (and `std::error::Error`) for error types whose
/// wording is given by [`Localize`]. `Display` says it in Vietnamese, the
/// default language, for logs and tests; whatever a user reads goes
/// through `localize(lang)` (or [`Say`]) with the office's language.
#[macro_export]
macro_rules! localized_error {
    ($($t:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::i18n::Localize::vi(self))
            }
        }
        impl std::error::Error for $t {}
    )+};
}

pub mod audit_log;
pub mod bank;
pub mod changes;
pub mod cli;
pub mod commands;
pub mod contact;
pub mod day;
pub mod demo;
pub mod doctor;
pub mod guide;
pub mod heir;
pub mod home;
pub mod import;
pub mod import_details;
pub mod import_limits;
pub mod import_preview;
pub mod import_sheet;
pub mod import_source;
pub mod labels;
pub mod month;
pub mod month_files;
pub mod month_screens;
pub mod out_file;
pub mod pay;
pub mod period;
pub mod printing;
pub mod receipt;
pub mod register;
pub mod report;
pub mod round_screen;
pub mod rounds;
pub mod service;
pub mod store;
pub mod strings;
pub mod text;
pub mod verify;
