//! `chitra report period`, `chitra period reason` and `chitra period
//! close`: the month's outcome per person, why the unpaid were not paid,
//! and closing the month with the results file for the payer.

use crate::i18n::commands::period as phrases;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::context::{Context, read_pin};
use super::{Cli, Exit, fail};
use crate::document::Document;
use crate::domain::Period;
use crate::domain::period_report::{PeriodReport, UnpaidReason};
use crate::files::out::OutFile;
use crate::i18n::Lang;
use crate::service::period::{CloseOptions, PeriodError, unbalanced};
use crate::service::{Error, Service};

#[derive(Debug, Args)]
pub struct PeriodReportArgs {
    /// Kỳ (tháng), dạng YYYY-MM
    #[arg(value_name = "YYYY-MM")]
    pub period: String,
    /// Định dạng: text (in 80 cột), json hoặc xlsx (cần --out)
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
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum PeriodCommand {
    /// Ghi lý do một người chưa nhận tiền của kỳ (trưởng bưu cục)
    Reason(PeriodReasonArgs),
    /// Khóa kỳ sau hạn chi trả (trưởng bưu cục): xem trước, rồi khóa và ghi tệp kết quả gửi cơ quan chi trả
    Close(PeriodCloseArgs),
}

/// Why a person was not paid.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReasonArg {
    /// Không đến nhận
    DidNotCome,
    /// Đi vắng
    Away,
    /// Nằm viện
    Hospital,
    /// Đã mất, chờ báo giảm
    Deceased,
    /// Từ chối nhận
    Refused,
    /// Khác (cần --note)
    Other,
}

impl From<ReasonArg> for UnpaidReason {
    fn from(r: ReasonArg) -> Self {
        match r {
            ReasonArg::DidNotCome => UnpaidReason::DidNotCome,
            ReasonArg::Away => UnpaidReason::Away,
            ReasonArg::Hospital => UnpaidReason::Hospital,
            ReasonArg::Deceased => UnpaidReason::Deceased,
            ReasonArg::Refused => UnpaidReason::Refused,
            ReasonArg::Other => UnpaidReason::Other,
        }
    }
}

#[derive(Debug, Args)]
pub struct PeriodReasonArgs {
    /// Kỳ (tháng), dạng YYYY-MM
    #[arg(value_name = "YYYY-MM")]
    pub period: String,
    /// Mã hồ sơ hoặc số CCCD/CMND của người chưa nhận
    #[arg(value_name = "MÃ")]
    pub who: String,
    /// Lý do chưa nhận
    #[arg(long, value_enum)]
    pub reason: ReasonArg,
    /// Ghi chú (bắt buộc với lý do "other")
    #[arg(long, value_name = "NỘI_DUNG")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct PeriodCloseArgs {
    /// Kỳ (tháng), dạng YYYY-MM
    #[arg(value_name = "YYYY-MM")]
    pub period: String,
    /// Tệp kết quả chi trả (xlsx) gửi cơ quan chi trả, ghi sau khi khóa
    #[arg(long, value_name = "TỆP.xlsx")]
    pub out: Option<PathBuf>,
    /// Chỉ xem trước: không khóa, không ghi gì
    #[arg(long)]
    pub dry_run: bool,
    /// Lý do ghi cho mọi người chưa nhận chưa có lý do, khi khóa
    #[arg(long, value_enum, value_name = "LÝ_DO")]
    pub default_reason: Option<ReasonArg>,
    /// Ghi chú kèm lý do chung (bắt buộc với "other")
    #[arg(long, value_name = "NỘI_DUNG")]
    pub note: Option<String>,
}

fn period_arg(lang: Lang, s: &str) -> Result<Period, Exit> {
    s.trim()
        .parse()
        .map_err(|_| fail(lang, phrases::write_period_as_yyyy(lang)))
}

/// The day a period's document is made on: its close, or today.
fn document_day(service: &Service, r: &PeriodReport) -> String {
    match r.closed_at.as_deref().and_then(|at| at.get(0..10)) {
        Some(day) => day.to_string(),
        None => service.today().format("%Y-%m-%d").to_string(),
    }
}

fn document(lang: Lang, service: &Service, r: &PeriodReport) -> Document {
    crate::document::period::build(lang, &service.config().office, r, &document_day(service, r))
}

fn needs_out(lang: Lang, out: Option<&PathBuf>) -> Result<&Path, Exit> {
    out.map(PathBuf::as_path)
        .ok_or_else(|| fail(lang, phrases::xlsx_file_needs_out(lang)))
}

pub fn report(cli: &Cli, args: &PeriodReportArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let period = period_arg(lang, &args.period)?;
    let (mut service, session, out) = ctx.sign_in_with_out(cli, args.out.as_deref())?;
    let report = service
        .period_report(&session, period)
        .map_err(|e| fail(lang, e))?;
    let bytes = match args.format {
        PeriodFormat::Json => {
            (serde_json::to_string_pretty(&report_json(&report)).unwrap_or_default() + "\n")
                .into_bytes()
        }
        PeriodFormat::Text => {
            crate::print::document::render_text(&document(lang, &service, &report)).into_bytes()
        }
        PeriodFormat::Xlsx => {
            needs_out(lang, args.out.as_ref())?;
            crate::export::xlsx_bytes(&document(lang, &service, &report))
                .map_err(|e| fail(lang, e))?
        }
    };
    match out {
        Some(file) => {
            let out = file.path().to_path_buf();
            file.commit(&bytes).map_err(|e| fail(lang, e))?;
            service
                .note_export(&session, "report.period", &out, &period.to_string())
                .map_err(|e| fail(lang, e))?;
        }
        None => print!("{}", String::from_utf8_lossy(&bytes)),
    }
    Ok(())
}

pub fn run(cli: &Cli, cmd: &PeriodCommand) -> Result<(), Exit> {
    match cmd {
        PeriodCommand::Reason(args) => reason(cli, args),
        PeriodCommand::Close(args) => close(cli, args),
    }
}

fn reason(cli: &Cli, args: &PeriodReasonArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let period = period_arg(lang, &args.period)?;
    let (mut service, session) = ctx.sign_in(cli)?;
    let reason = UnpaidReason::from(args.reason);
    let report = service
        .set_unpaid_reason(&session, period, &args.who, reason, args.note.as_deref())
        .map_err(|e| fail(lang, e))?;
    let key = crate::text::fold(args.who.trim());
    let code = report
        .people
        .iter()
        .find(|p| {
            crate::text::fold(&p.code) == key || p.id_number.as_deref() == Some(args.who.trim())
        })
        .map_or_else(|| args.who.clone(), |p| p.code.clone());
    println!(
        "{}",
        crate::i18n::month::reason_set(
            ctx.lang(),
            &crate::text::for_display(&code),
            crate::i18n::month::reason(ctx.lang(), reason)
        )
    );
    let left = report.missing_reasons().count();
    if left > 0 {
        println!("{}", crate::i18n::month::reasons_missing(ctx.lang(), left));
    }
    Ok(())
}

fn close(cli: &Cli, args: &PeriodCloseArgs) -> Result<(), Exit> {
    close_to(cli, args, &mut std::io::stdout().lock())
}

/// Closes the period as `args` ask, writing what it says to `say` (the
/// terminal; standard error when the gate sends the results file out on
/// standard output).
pub(super) fn close_to(
    cli: &Cli,
    args: &PeriodCloseArgs,
    say: &mut dyn std::io::Write,
) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let period = period_arg(lang, &args.period)?;
    // The results file's place is checked, and the file prepared, before
    // anything is written: a place refused closes nothing.
    let out = args.out.as_deref().filter(|_| !args.dry_run);
    let (mut service, session, results) = ctx.sign_in_with_out(cli, out)?;
    // The preview: the results as they stand, with every unpaid person's
    // reason and what becomes of their money.
    let preview = service
        .period_report(&session, period)
        .map_err(|e| fail(lang, e))?;
    write!(
        say,
        "{}",
        crate::print::document::render_text(&document(lang, &service, &preview))
    )
    .map_err(|e| fail(lang, e))?;
    let missing: Vec<String> = preview.missing_reasons().map(|p| p.code.clone()).collect();
    if let Some(r) = args.default_reason.filter(|_| !missing.is_empty()) {
        writeln!(
            say,
            "{} {} — {}",
            phrases::close_reason_given_those(lang),
            crate::i18n::month::reason(ctx.lang(), r.into()),
            missing.len()
        )
        .map_err(|e| fail(lang, e))?;
    }
    if args.dry_run {
        writeln!(say, "{}", phrases::preview_nothing_closed_or(lang)).map_err(|e| fail(lang, e))?;
        return Ok(());
    }
    if args.default_reason.is_none() && !missing.is_empty() {
        return Err(fail(
            lang,
            Error::Period(PeriodError::ReasonsMissing { codes: missing }),
        ));
    }
    let pin = read_pin(lang, "CHITRA_PIN", phrases::pin_close_period(lang))?;
    let opts = CloseOptions {
        default_reason: args.default_reason.map(UnpaidReason::from),
        default_note: args.note.clone(),
    };
    let report = service
        .close_period(&session, &pin, period, &opts)
        .map_err(|e| fail(lang, e))?;
    writeln!(
        say,
        "{} {}",
        phrases::period_closed(lang),
        crate::i18n::labels::period(period)
    )
    .map_err(|e| fail(lang, e))?;
    let w = crate::i18n::month::words(ctx.lang());
    for (label, m) in [
        (w.imported, report.imported),
        (w.paid, report.paid),
        (w.unpaid, report.unpaid),
        (w.stopped, report.stopped),
    ] {
        writeln!(say, "  {label}: {m}").map_err(|e| fail(lang, e))?;
    }
    if let Some(file) = results {
        let out = file.path().to_path_buf();
        write_results(lang, &mut service, &session, &report, file)?;
        writeln!(say, "{} {}", phrases::results(lang), out.display()).map_err(|e| fail(lang, e))?;
    }
    Ok(())
}

/// Writes a closed period's results file, once its totals are seen to add
/// up.
fn write_results(
    lang: Lang,
    service: &mut Service,
    session: &crate::service::Session,
    report: &PeriodReport,
    file: OutFile,
) -> Result<(), Exit> {
    if !report.balanced() {
        return Err(fail(lang, Error::Period(unbalanced(report))));
    }
    let bytes =
        crate::export::xlsx_bytes(&document(lang, service, report)).map_err(|e| fail(lang, e))?;
    let out = file.path().to_path_buf();
    file.commit(&bytes).map_err(|e| fail(lang, e))?;
    service
        .note_export(session, "period.results", &out, &report.period.to_string())
        .map_err(|e| fail(lang, e))
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
        "balanced": r.balanced(),
        "suspend_after_months": r.suspend_after,
        "seal": r.seals.last().map(|(day, code)| json!({ "day": day, "code": code })),
        "seals": r.seals.iter().map(|(day, code)| json!({ "day": day, "code": code })).collect::<Vec<_>>(),
        "overpaid": r.overpaid.iter().map(|o| json!({ "code": o.code, "name": o.full_name, "amount_dong": o.amount.dong(), "receipt": o.receipt_no, "cause": o.cause })).collect::<Vec<_>>(),
        "stops": r.stops.iter().map(|s| json!({
            "code": s.code,
            "name": s.full_name,
            "id_number": s.id_number,
            "reason": s.reason,
            "reason_text": s.reason_text,
            "from": s.from.to_string(),
            "overpaid_dong": s.overpaid.dong(),
        })).collect::<Vec<_>>(),
        "people": r.people.iter().map(|p| json!({
            "code": p.code,
            "name": p.full_name,
            "id_number": p.id_number,
            "hamlet": p.hamlet,
            "status": p.status_code(),
            "amount_dong": p.imported.dong(),
            "paid_dong": p.paid.min(p.imported).dong(),
            "payments": p.payments.iter().map(|x| json!({
                "receipt": x.receipt_no, "method": x.method, "reference": x.reference,
                "day": x.day, "amount_dong": x.amount.dong(),
            })).collect::<Vec<_>>(),
            "paid_on": p.paid_on(),
            "unpaid_months": p.unpaid_months,
            "reason": p.reason.map(UnpaidReason::code),
            "reason_note": p.reason_note,
            "fate": r.fate(p).map(|f| f.code()),
        })).collect::<Vec<_>>(),
        "proposed_for_suspension": r.proposed_for_suspension().map(|p| p.code.clone()).collect::<Vec<_>>(),
    })
}
