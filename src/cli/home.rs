//! `chitra home sheet` and `chitra home round …`: the route sheet of a
//! home round for the postman, and the round itself — made for a hamlet,
//! its cash issued, each stop's outcome, the cash returned, reconciled.

use crate::i18n::commands::home as phrases;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::context::Context;
use super::{Cli, Exit, fail};
use crate::domain::Period;

#[derive(Debug, Subcommand)]
pub enum HomeCommand {
    /// Danh sách chi trả tại nhà theo thôn (tên, địa chỉ, số tiền còn phải chi, cột ký nhận) cho bưu tá mang theo
    Sheet(HomeSheetArgs),
    /// Chuyến chi tại nhà: lập cho một thôn, cấp tiền cho bưu tá, ghi kết quả từng người, nộp tiền về, đối chiếu
    #[command(subcommand)]
    Round(super::rounds::RoundCommand),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum HomeFormat {
    Text,
    Xlsx,
    Csv,
}

#[derive(Debug, Args)]
pub struct HomeSheetArgs {
    /// Kỳ (tháng), dạng YYYY-MM (không cần khi in bảng kê của một chuyến)
    #[arg(long, value_name = "YYYY-MM", required_unless_present = "round")]
    pub period: Option<String>,
    /// In bảng kê của chuyến chi tại nhà số này (người chuyến còn mang tiền đến)
    #[arg(long, value_name = "SỐ_CHUYẾN", conflicts_with_all = ["period", "hamlet"])]
    pub round: Option<i64>,
    /// Chỉ một thôn (không dấu cũng được), mặc định toàn xã
    #[arg(long, value_name = "THÔN")]
    pub hamlet: Option<String>,
    /// Định dạng: text (in 80 cột), xlsx hoặc csv (cần --out)
    #[arg(long, value_enum, default_value = "text")]
    pub format: HomeFormat,
    /// Ghi ra tệp thay vì màn hình
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
}

pub fn run(cli: &Cli, cmd: &HomeCommand) -> Result<(), Exit> {
    match cmd {
        HomeCommand::Sheet(args) => sheet(cli, args),
        HomeCommand::Round(cmd) => super::rounds::run(cli, cmd),
    }
}

fn sheet(cli: &Cli, args: &HomeSheetArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session, file) = ctx.sign_in_with_out(cli, args.out.as_deref())?;
    let (period, stops, scope) = match args.round {
        Some(n) => {
            let round = service.round(n).map_err(|e| fail(lang, e))?;
            let scope = crate::i18n::rounds::sheet_scope(lang, n, &round.hamlet, &round.postman);
            (round.period, round.sheet_stops(), scope)
        }
        None => {
            let period: Period = args
                .period
                .as_deref()
                .unwrap_or_default()
                .trim()
                .parse()
                .map_err(|_| fail(lang, phrases::write_period_as_yyyy(lang)))?;
            let stops = service
                .home_stops(period, args.hamlet.as_deref())
                .map_err(|e| fail(lang, e))?;
            let scope = match (&args.hamlet, stops.first()) {
                (Some(_), Some(s)) => crate::i18n::month::hamlet_line(ctx.lang(), &s.hamlet),
                (Some(h), None) => crate::i18n::month::hamlet_line(ctx.lang(), h),
                (None, _) => crate::i18n::home::words(ctx.lang())
                    .whole_commune
                    .to_string(),
            };
            (period, stops, scope)
        }
    };
    let day = service.today().format("%Y-%m-%d").to_string();
    let doc = crate::document::home::build(
        ctx.lang(),
        &service.config().office,
        period,
        &stops,
        &scope,
        &day,
    );
    let bytes = match args.format {
        HomeFormat::Text => crate::print::document::render_text(&doc).into_bytes(),
        HomeFormat::Csv => {
            let mut b = Vec::new();
            crate::export::csv::write_csv(&doc, &mut b).map_err(|e| fail(lang, e))?;
            b
        }
        HomeFormat::Xlsx => {
            if file.is_none() {
                return Err(fail(lang, phrases::xlsx_file_needs_out(lang)));
            }
            crate::export::xlsx_bytes(&doc).map_err(|e| fail(lang, e))?
        }
    };
    match file {
        Some(file) => {
            let out = file.path().to_path_buf();
            file.commit(&bytes).map_err(|e| fail(lang, e))?;
            service
                .note_export(&session, "home.sheet", &out, &period.to_string())
                .map_err(|e| fail(lang, e))?;
        }
        None => print!("{}", String::from_utf8_lossy(&bytes)),
    }
    Ok(())
}
