//! `chitra report log`: the audit log read back for a supervisor or an
//! auditor — a day's rows, or those from one day to another, of everyone
//! or of one user — as text, CSV, xlsx or JSON (with each row's hash and
//! full detail). Reading proves nothing by itself: `chitra verify` checks
//! the chain, and the text says so.

use std::path::PathBuf;

use clap::Args;

use super::context::Context;
use super::day::{Format, day_arg, emit_report};
use super::{Cli, Exit, fail};
use crate::i18n::commands::day as phrases;
use crate::service::audit_log::LogFilter;

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Ngày cần đọc (mặc định: hôm nay); với --to là ngày đầu
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Đọc đến hết ngày này (cùng --date)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Chỉ những dòng của người dùng này
    #[arg(long = "of", value_name = "TÊN")]
    pub of: Option<String>,
    /// Chỉ những dòng về người hưởng này (mã hồ sơ hoặc đủ số CCCD/CMND): chi trả, đăng ký, ủy quyền, trạng thái
    #[arg(long, value_name = "MÃ_HOẶC_CCCD")]
    pub person: Option<String>,
    /// Định dạng: text (đọc trên màn hình), csv, xlsx (Excel), json (có mã băm và chi tiết đầy đủ)
    #[arg(long, value_enum, value_name = "ĐỊNH_DẠNG", default_value = "text")]
    pub format: Format,
    /// Ghi ra tệp (bắt buộc với xlsx)
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
}

pub fn run(cli: &Cli, args: &LogArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let from = day_arg(&args.date, &ctx)?;
    let to = match &args.to {
        Some(_) => day_arg(&args.to, &ctx)?,
        None => from.clone(),
    };
    let parse = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d");
    let (Ok(a), Ok(b)) = (parse(&from), parse(&to)) else {
        return Err(fail(lang, phrases::write_date_as_yyyy(lang)));
    };
    let (a, b, from, to) = if a <= b {
        (a, b, from, to)
    } else {
        (b, a, to, from)
    };
    let (mut service, session, file) = ctx.sign_in_with_out(cli, args.out.as_deref())?;
    let entries = service
        .audit_log(
            &session,
            a,
            b,
            LogFilter {
                user: args.of.as_deref(),
                person: args.person.as_deref(),
            },
        )
        .map_err(|e| fail(lang, e))?;
    if let Some(out) = &args.out {
        service
            .note_export(&session, "report.log", out, &format!("{from}..{to}"))
            .map_err(|e| fail(lang, e))?;
    }
    emit_report(
        lang,
        args.format,
        file,
        || crate::document::audit::build(lang, &service.config().office, &from, &to, &entries),
        || serde_json::to_value(&entries).unwrap_or_default(),
    )
}
