//! Wording of an output file refused or not written
//! ([`crate::files::out`]).

use super::{Lang, Localize, os_reason};
use crate::files::out::{OfficeFile, OutError};

/// What the office's file or folder is, in a few words.
fn what(lang: Lang, w: OfficeFile) -> &'static str {
    match w {
        OfficeFile::Database => lang.pick("cơ sở dữ liệu", "the database"),
        OfficeFile::Key => lang.pick("khóa nhật ký", "the audit key"),
        OfficeFile::Head => lang.pick("mốc đầu chuỗi", "the head anchor"),
        OfficeFile::Config => lang.pick("tệp cấu hình", "the configuration file"),
        OfficeFile::Backups => lang.pick("thư mục sao lưu", "backup folder"),
        OfficeFile::Spool => lang.pick("thư mục biên nhận (spool)", "receipts' spool folder"),
    }
}

fn shown(path: &std::path::Path) -> String {
    crate::text::for_display(&path.display().to_string()).into_owned()
}

fn said(e: &OutError, lang: Lang) -> String {
    match e {
        OutError::Office { path, what: w } => match (w, lang) {
            (OfficeFile::Backups | OfficeFile::Spool, Lang::Vi) => format!(
                "Không ghi vào {} của chitra ({}): chọn thư mục khác.",
                what(lang, *w),
                shown(path)
            ),
            (OfficeFile::Backups | OfficeFile::Spool, Lang::En) => format!(
                "Nothing is written into chitra's {} ({}): choose another folder.",
                what(lang, *w),
                shown(path)
            ),
            (_, Lang::Vi) => format!(
                "Không ghi đè tệp của chitra ({} {}): chọn tên tệp khác.",
                what(lang, *w),
                shown(path)
            ),
            (_, Lang::En) => format!(
                "chitra's own file is not overwritten ({} {}): choose another file name.",
                what(lang, *w),
                shown(path)
            ),
        },
        // Said like the system's refusals (the caller says which file):
        // a folder where a file was asked for, or why the file system
        // refused.
        OutError::Folder { .. } => os_reason(
            lang,
            &std::io::Error::from(std::io::ErrorKind::IsADirectory),
        ),
        OutError::Io { error, .. } => os_reason(lang, error),
    }
}

impl Localize for OutError {
    fn vi(&self) -> String {
        said(self, Lang::Vi)
    }
    fn en(&self) -> String {
        said(self, Lang::En)
    }
}

crate::localized_error!(OutError);
