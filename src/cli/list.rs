//! `chitra list signing`: the period's signing list (danh sách ký nhận),
//! per hamlet or for the whole commune, as 80-column text or xlsx.

use crate::i18n::commands::list as phrases;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::context::Context;
use super::{Cli, Exit, fail};
use crate::domain::Period;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Text,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct SigningArgs {
    /// Kỳ (tháng), dạng YYYY-MM
    #[arg(long, value_name = "YYYY-MM")]
    pub period: String,
    /// Chỉ một thôn (không phân biệt hoa thường, dấu)
    #[arg(long, value_name = "TÊN")]
    pub hamlet: Option<String>,
    /// Định dạng: text (in 80 cột) hoặc xlsx (in A4)
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    /// Ghi ra tệp (bắt buộc với xlsx)
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
}

pub fn signing(cli: &Cli, args: &SigningArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let period: Period = args
        .period
        .trim()
        .parse()
        .map_err(|_| fail(lang, phrases::write_period_as_yyyy(lang)))?;
    let (mut service, session, file) = ctx.sign_in_with_out(cli, args.out.as_deref())?;
    let report = service
        .period_report(&session, period)
        .map_err(|e| fail(lang, e))?;
    let hamlet = match &args.hamlet {
        None => None,
        Some(name) => Some(
            crate::document::signing::find_hamlet(&report, name).ok_or_else(|| {
                fail(
                    lang,
                    crate::i18n::month::unknown_hamlet(
                        ctx.lang(),
                        name,
                        &crate::document::signing::hamlets(&report),
                    ),
                )
            })?,
        ),
    };
    let day = service.today().format("%Y-%m-%d").to_string();
    let doc = crate::document::signing::build(
        ctx.lang(),
        &service.config().office,
        &report,
        hamlet.as_deref(),
        &day,
    );
    let bytes = match (args.format, file.is_some()) {
        (ListFormat::Xlsx, false) => {
            return Err(fail(lang, phrases::xlsx_file_needs_out(lang)));
        }
        (ListFormat::Xlsx, true) => crate::export::xlsx_bytes(&doc).map_err(|e| fail(lang, e))?,
        (ListFormat::Text, _) => crate::print::document::render_text(&doc).into_bytes(),
    };
    let Some(file) = file else {
        print!("{}", String::from_utf8_lossy(&bytes));
        return Ok(());
    };
    let out = file.path().to_path_buf();
    file.commit(&bytes).map_err(|e| fail(lang, e))?;
    service
        .note_export(&session, "list.signing", &out, &period.to_string())
        .map_err(|e| fail(lang, e))?;
    Ok(())
}
