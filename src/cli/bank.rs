//! `chitra bank export` and `chitra bank import`: the transfer batch for
//! the bank, and the bank's result file back.

use crate::i18n::commands::bank as phrases;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::context::Context;
use super::{Cli, Exit, fail};
use crate::domain::Period;

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Lập lô chuyển khoản mới của kỳ cho ngân hàng (trưởng bưu cục): mọi khoản chưa chi của người nhận qua tài khoản; các khoản trong lô bị khóa ở quầy cho đến khi có kết quả
    Export(BankExportArgs),
    /// Nhập tệp kết quả của ngân hàng (trưởng bưu cục): dòng thành công thành đã chi, dòng thất bại chi lại được tại quầy
    Import(BankImportArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BankFormat {
    Xlsx,
    Csv,
}

#[derive(Debug, Args)]
pub struct BankExportArgs {
    /// Kỳ (tháng), dạng YYYY-MM
    #[arg(long, value_name = "YYYY-MM")]
    pub period: String,
    /// Tệp lô gửi ngân hàng
    #[arg(long, value_name = "TỆP")]
    pub out: PathBuf,
    /// Định dạng tệp (mặc định theo đuôi tệp, không có thì xlsx)
    #[arg(long, value_enum)]
    pub format: Option<BankFormat>,
    /// Ghi lại tệp của một lô đã lập (số lô), không lập lô mới
    #[arg(long, value_name = "SỐ_LÔ")]
    pub batch: Option<i64>,
}

#[derive(Debug, Args)]
pub struct BankImportArgs {
    /// Tệp kết quả của ngân hàng (xlsx hoặc csv): mã tham chiếu, kết quả, lý do, số tiền
    #[arg(value_name = "TỆP_KẾT_QUẢ")]
    pub file: PathBuf,
    /// Chỉ xem trước: không ghi gì
    #[arg(long)]
    pub dry_run: bool,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(cli: &Cli, cmd: &BankCommand) -> Result<(), Exit> {
    match cmd {
        BankCommand::Export(args) => export(cli, args),
        BankCommand::Import(args) => import(cli, args),
    }
}

fn export(cli: &Cli, args: &BankExportArgs) -> Result<(), Exit> {
    println!("{}", export_to(cli, args)?);
    Ok(())
}

/// Makes (or writes again) the batch file at `args.out`; returns the line
/// that says what was written.
pub(super) fn export_to(cli: &Cli, args: &BankExportArgs) -> Result<String, Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let period: Period = args
        .period
        .trim()
        .parse()
        .map_err(|_| fail(lang, phrases::write_period_as_yyyy(lang)))?;
    // A new batch locks its lines: the file's place is checked and its
    // temporary file made first, so a path that cannot be written (or is
    // one of the office's own files) makes no batch. Nothing is written at
    // `--out` until the batch's bytes are: a batch refused leaves what was
    // there as it was.
    let (mut service, session, file) = ctx.sign_in_with_out(cli, Some(&args.out))?;
    // Always a file: `--out` is required here.
    let file = file.ok_or(Exit::Refused)?;
    let fresh = args.batch.is_none();
    let batch = match args.batch {
        Some(n) => service
            .bank_batch_of(&session, n)
            .map_err(|e| fail(lang, e))?
            .filter(|b| b.period == period)
            .ok_or_else(|| fail(lang, phrases::no_such_batch_that(lang)))?,
        None => service
            .bank_batch(&session, period)
            .map_err(|e| fail(lang, e))?,
    };
    let not_written = |e: &dyn crate::i18n::Say| {
        let said = e.say(lang);
        if fresh {
            fail(
                lang,
                crate::i18n::bank::batch_made_file_not_written(lang, batch.number, period, &said),
            )
        } else {
            fail(lang, said)
        }
    };
    let day = batch.created_at.get(0..10).unwrap_or_default().to_string();
    let doc = crate::document::bank::build(
        ctx.lang(),
        &service.config().office,
        batch.number,
        period,
        &batch.lines,
        &day,
    );
    let csv = match args.format {
        Some(BankFormat::Csv) => true,
        Some(BankFormat::Xlsx) => false,
        None => args
            .out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv")),
    };
    let bytes = if csv {
        let mut bytes = Vec::new();
        crate::export::csv::write_csv(&doc, &mut bytes).map_err(|e| not_written(&e))?;
        bytes
    } else {
        crate::export::xlsx_bytes(&doc).map_err(|e| not_written(&e))?
    };
    file.commit(&bytes).map_err(|e| not_written(&e))?;
    service
        .note_export(&session, "bank.batch", &args.out, &batch.number.to_string())
        .map_err(|e| fail(lang, e))?;
    let mut said = format!(
        "{} {} — {} {} — {} — {}",
        phrases::transfer_batch_no(lang),
        batch.number,
        batch.lines.len(),
        phrases::lines(lang),
        batch.total,
        args.out.display()
    );
    if let Some(note) = crate::i18n::bank::held_back_note(lang, &batch.held_back) {
        said.push('\n');
        said.push_str(&note);
    }
    if let Some(note) = crate::i18n::bank::on_round_note(lang, &batch.on_round) {
        said.push('\n');
        said.push_str(&note);
    }
    Ok(said)
}

fn import(cli: &Cli, args: &BankImportArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session) = ctx.sign_in(cli)?;
    let done = service
        .bank_import(&session, &args.file, args.dry_run)
        .map_err(|e| fail(lang, e))?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&done).unwrap_or_default()
        );
        return Ok(());
    }
    println!(
        "{} {}{}",
        phrases::result_transfer_batch_no(lang),
        done.batch,
        if done.dry_run {
            phrases::preview_nothing_written(lang)
        } else {
            ""
        }
    );
    for o in &done.done {
        println!(
            "  {} {} {} {} — {}",
            o.reference,
            crate::text::for_display(&o.code),
            crate::text::for_display(&o.name),
            crate::domain::Money::from_dong(o.amount_dong),
            o.receipt.as_deref().unwrap_or(phrases::done(lang)),
        );
        if o.to_recover {
            println!(
                "      {}",
                crate::i18n::month_files::bank_to_recover_mark(lang)
            );
        }
    }
    for o in &done.failed {
        println!(
            "  {} {} {} {} — {}: {}",
            o.reference,
            crate::text::for_display(&o.code),
            crate::text::for_display(&o.name),
            crate::domain::Money::from_dong(o.amount_dong),
            phrases::failed_payable_counter(lang),
            crate::text::for_display(o.reason.as_deref().unwrap_or("")),
        );
    }
    Ok(())
}
