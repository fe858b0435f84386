//! Files through SSH's standard input and output, never by a path: a list
//! to import is copied from standard input into a private folder and
//! imported from there; a report, a list or a batch file is written to a
//! private folder and copied to standard output.

use std::io::{Read, Write};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use super::{MAX_LIST_BYTES, dispatch, parse, signed_in_supervisor};
use crate::cli::day::{Format, ReportCommand};
use crate::cli::period::PeriodCommand;
use crate::cli::{Cli, Command, Exit, fail};
use crate::i18n::Lang;
use crate::i18n::commands::gate as phrases;

/// `import … --name FILE`: standard input is copied to a private folder
/// under that name, imported from there (the same checks, the same "this
/// file was imported before"), and removed.
pub(super) fn import(
    lang: Lang,
    outer: &Cli,
    name: &str,
    mut args: Vec<String>,
) -> Result<(), Exit> {
    let dir = Scratch::new(lang)?;
    let file = dir.0.join(name);
    copy_stdin(lang, &file)?;
    let at = if args.first().is_some_and(|w| w == "bank") {
        2
    } else {
        1
    };
    args.insert(at, file.display().to_string());
    let inner = parse(lang, outer, args)?;
    dispatch(&inner)
}

/// A report or list: text, CSV and JSON go straight to standard output;
/// an xlsx is written to a private folder and then copied out.
pub(super) fn output(lang: Lang, outer: &Cli, mut args: Vec<String>) -> Result<(), Exit> {
    // The batch's file is required by `bank export`; the gate sets it to a
    // private file below, never to a path from SSH.
    if args.starts_with(&["bank".to_string(), "export".to_string()]) {
        args.extend(["--out".to_string(), "-".to_string()]);
    }
    let mut inner = parse(lang, outer, args)?;
    signed_in_supervisor(lang, &inner)?;
    if let Some(file) = file_out(lang, &mut inner.command)? {
        return run_to_file(lang, &inner, &file);
    }
    let Some(slot) = xlsx_out(&mut inner.command) else {
        return dispatch(&inner);
    };
    let dir = Scratch::new(lang)?;
    let file = dir.0.join("chitra.xlsx");
    *slot = Some(file.clone());
    dispatch(&inner)?;
    let mut f = std::fs::File::open(&file).map_err(|e| fail(lang, e))?;
    let mut out = std::io::stdout().lock();
    std::io::copy(&mut f, &mut out).map_err(|e| fail(lang, e))?;
    out.flush().map_err(|e| fail(lang, e))
}

/// A command whose file is its whole answer (the bank's batch, a closed
/// period's results): the private file it is written to, set in its
/// arguments, or None for any other command.
fn file_out(lang: Lang, command: &mut Option<Command>) -> Result<Option<Scratch>, Exit> {
    use crate::cli::bank::{BankCommand, BankFormat};
    let slot = match command.as_mut() {
        Some(Command::Bank(BankCommand::Export(a))) => {
            let ext = match a.format {
                Some(BankFormat::Csv) => "csv",
                _ => "xlsx",
            };
            Some((&mut a.out, ext))
        }
        Some(Command::Period(PeriodCommand::Close(a))) if !a.dry_run => {
            a.out = Some(PathBuf::new());
            a.out.as_mut().map(|o| (o, "xlsx"))
        }
        _ => None,
    };
    let Some((slot, ext)) = slot else {
        return Ok(None);
    };
    let dir = Scratch::new(lang)?;
    *slot = dir.0.join(format!("chitra.{ext}"));
    Ok(Some(dir))
}

/// Runs a command of [`file_out`]: what it says goes to standard error,
/// its file to standard output.
fn run_to_file(lang: Lang, inner: &Cli, dir: &Scratch) -> Result<(), Exit> {
    let file = match &inner.command {
        Some(Command::Bank(crate::cli::bank::BankCommand::Export(a))) => {
            let said = crate::cli::bank::export_to(inner, a)?;
            eprintln!("{said}");
            a.out.clone()
        }
        Some(Command::Period(PeriodCommand::Close(a))) => {
            crate::cli::period::close_to(inner, a, &mut std::io::stderr().lock())?;
            a.out.clone().unwrap_or_default()
        }
        _ => return Err(Exit::Refused),
    };
    debug_assert!(file.starts_with(&dir.0));
    let mut f = std::fs::File::open(&file).map_err(|e| fail(lang, e))?;
    let mut out = std::io::stdout().lock();
    std::io::copy(&mut f, &mut out).map_err(|e| fail(lang, e))?;
    out.flush().map_err(|e| fail(lang, e))
}

/// Where the command writes its file, when it is asked for an xlsx.
fn xlsx_out(command: &mut Option<Command>) -> Option<&mut Option<PathBuf>> {
    use crate::cli::list::ListFormat as SigningFormat;
    use crate::cli::lists::{ListCommand, ListFormat};
    use crate::cli::period::PeriodFormat;
    match command.as_mut()? {
        Command::Report(ReportCommand::Day(a)) => {
            matches!(a.format, Format::Xlsx).then_some(&mut a.out)
        }
        Command::Report(ReportCommand::Period(a)) => {
            matches!(a.format, PeriodFormat::Xlsx).then_some(&mut a.out)
        }
        Command::Report(ReportCommand::Cashless(a)) => {
            (a.format == ListFormat::Xlsx).then_some(&mut a.out)
        }
        Command::Report(ReportCommand::Log(a)) => {
            matches!(a.format, Format::Xlsx).then_some(&mut a.out)
        }
        Command::List(ListCommand::Classify(a)) => {
            (a.format == ListFormat::Xlsx).then_some(&mut a.out)
        }
        Command::List(ListCommand::Accounts(a) | ListCommand::Changes(a)) => {
            (a.format == ListFormat::Xlsx).then_some(&mut a.out)
        }
        Command::List(ListCommand::Signing(a)) => {
            matches!(a.format, SigningFormat::Xlsx).then_some(&mut a.out)
        }
        Command::Home(crate::cli::home::HomeCommand::Sheet(a)) => {
            matches!(a.format, crate::cli::home::HomeFormat::Xlsx).then_some(&mut a.out)
        }
        _ => None,
    }
}

fn copy_stdin(lang: Lang, to: &Path) -> Result<(), Exit> {
    let mut f = crate::files::create_new(to).map_err(|e| fail(lang, e))?;
    let copied = std::io::copy(
        &mut std::io::stdin().lock().take(MAX_LIST_BYTES + 1),
        &mut f,
    )
    .map_err(|e| fail(lang, e))?;
    if copied > MAX_LIST_BYTES {
        return Err(fail(
            lang,
            phrases::file_sent_too_big(lang, MAX_LIST_BYTES / (1024 * 1024)),
        ));
    }
    if copied == 0 {
        return Err(fail(lang, phrases::no_file_content(lang)));
    }
    f.sync_all().map_err(|e| fail(lang, e))
}

/// A private (0700) folder of this process, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(lang: Lang) -> Result<Scratch, Exit> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!("chitra-gate-{}-{nanos}", std::process::id()));
        std::fs::DirBuilder::new()
            .mode(crate::files::DIR_MODE)
            .create(&dir)
            .map_err(|e| fail(lang, e))?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
