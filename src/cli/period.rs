//! `chitra report period` and `chitra period close`: the month's outcome
//! per person, and closing the month.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::context::{Context, read_pin};
use super::{Cli, Exit, fail};
use crate::domain::Period;
use crate::domain::period_report::PeriodReport;
use crate::i18n::tr as t;

#[derive(Debug, Args)]
pub struct PeriodReportArgs {
    /// Kỳ (tháng), dạng YYYY-MM
    #[arg(value_name = "YYYY-MM")]
    pub period: String,
    /// Định dạng: text (in 80 cột) hoặc json
    #[arg(long, value_enum, default_value = "text")]
    pub format: PeriodFormat,
    /// Ghi ra tệp thay vì màn hình
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PeriodFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum PeriodCommand {
    /// Khóa kỳ sau hạn chi trả (trưởng bưu cục): không chi, không nhập thêm vào kỳ đó nữa
    Close(PeriodCloseArgs),
}

#[derive(Debug, Args)]
pub struct PeriodCloseArgs {
    /// Kỳ (tháng), dạng YYYY-MM
    #[arg(value_name = "YYYY-MM")]
    pub period: String,
    /// Ghi kết quả chi trả gửi phòng Lao động – TB&XH ra tệp (json)
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
}

fn period_arg(s: &str) -> Result<Period, Exit> {
    s.trim().parse().map_err(|_| {
        fail(t(
            "Kỳ phải viết YYYY-MM, ví dụ 2026-12.",
            "Write the period as YYYY-MM, e.g. 2026-12.",
        ))
    })
}

pub fn report(cli: &Cli, args: &PeriodReportArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let period = period_arg(&args.period)?;
    let (mut service, session) = ctx.sign_in(cli)?;
    let report = service.period_report(&session, period).map_err(fail)?;
    let text = match args.format {
        PeriodFormat::Json => {
            serde_json::to_string_pretty(&report_json(&report)).unwrap_or_default() + "\n"
        }
        PeriodFormat::Text => crate::print::period::render(&report, &service.config().office),
    };
    match &args.out {
        Some(out) => {
            crate::files::write_private(out, text.as_bytes()).map_err(fail)?;
            service
                .note_export(&session, "report.period", out, &period.to_string())
                .map_err(fail)?;
        }
        None => print!("{text}"),
    }
    Ok(())
}

pub fn run(cli: &Cli, cmd: &PeriodCommand) -> Result<(), Exit> {
    let PeriodCommand::Close(args) = cmd;
    let ctx = Context::load(cli)?;
    let period = period_arg(&args.period)?;
    let (mut service, session) = ctx.sign_in(cli)?;
    let pin = read_pin(
        "CHITRA_PIN",
        t("Mã PIN để khóa kỳ: ", "PIN to close the period: "),
    )?;
    let report = service
        .close_period(&session, &pin, period)
        .map_err(fail)?;
    println!(
        "{} {}",
        t("ĐÃ KHÓA KỲ", "PERIOD CLOSED"),
        crate::i18n::labels::period(period)
    );
    print!("{}", crate::print::period::render(&report, &service.config().office));
    if let Some(out) = &args.out {
        let text = serde_json::to_string_pretty(&report_json(&report)).unwrap_or_default();
        crate::files::write_private(out, text.as_bytes()).map_err(fail)?;
        service
            .note_export(&session, "period.results", out, &period.to_string())
            .map_err(fail)?;
        println!("{} {}", t("Kết quả:", "Results:"), out.display());
    }
    Ok(())
}

/// The period's outcome as the JSON scripts read.
pub fn report_json(r: &PeriodReport) -> serde_json::Value {
    json!({
        "period": r.period.to_string(),
        "closed": r.closed_at.is_some(),
        "closed_at": r.closed_at,
        "imported_dong": r.imported.dong(),
        "paid_dong": r.paid.dong(),
        "unpaid_dong": r.unpaid.dong(),
        "stopped_dong": r.stopped.dong(),
        "seal": r.seal.as_ref().map(|(day, code)| json!({ "day": day, "code": code })),
        "people": r.people.iter().map(|p| json!({
            "code": p.code,
            "name": p.full_name,
            "id_number": p.id_number,
            "hamlet": p.hamlet,
            "status": p.settled.code(),
            "amount_dong": p.imported.dong(),
            "paid_dong": p.paid.min(p.imported).dong(),
            "method": p.method,
            "receipt": p.receipt_no,
            "paid_on": p.paid_on,
            "unpaid_months": p.unpaid_months,
        })).collect::<Vec<_>>(),
        "proposed_for_suspension": r.proposed_for_suspension().map(|p| p.code.clone()).collect::<Vec<_>>(),
    })
}
