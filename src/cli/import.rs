//! `chitra import FILE`: preview, check and commit a list.

use crate::i18n::commands::import as phrases;
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::context::Context;
use super::{Cli, Exit, fail};
use crate::domain::Period;
use crate::i18n::{Lang, Localize, labels};
use crate::import::source::{Encoding, Format};
use crate::service::import::{ImportOptions, ImportReport, ListKind};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Tệp danh sách (.xlsx, .xls, .csv, hoặc "Unicode text" của Excel)
    pub file: PathBuf,
    /// Loại danh sách
    #[arg(long, value_enum, default_value = "monthly")]
    pub kind: KindArg,
    /// Kỳ chi trả YYYY-MM (mặc định: đọc từ tiêu đề của tệp)
    #[arg(long, value_name = "YYYY-MM")]
    pub period: Option<Period>,
    /// Chỉ xem trước, không ghi gì
    #[arg(long)]
    pub dry_run: bool,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
    /// Không hỏi xác nhận trước khi ghi
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Monthly,
    Increase,
    Decrease,
    Adjustment,
}

impl From<KindArg> for ListKind {
    fn from(k: KindArg) -> ListKind {
        match k {
            KindArg::Monthly => ListKind::Monthly,
            KindArg::Increase => ListKind::Increase,
            KindArg::Decrease => ListKind::Decrease,
            KindArg::Adjustment => ListKind::Adjustment,
        }
    }
}

pub fn run(cli: &Cli, args: &ImportArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session) = ctx.sign_in(cli)?;
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let mut opts = ImportOptions {
        kind: args.kind.into(),
        period: args.period,
        dry_run: args.dry_run,
    };
    let ask_first = interactive && !args.json && !args.dry_run && !args.yes;
    if ask_first {
        opts.dry_run = true;
    }
    let first = with_progress(lang, !args.json && interactive, &args.file, |progress| {
        service.import(&session, &args.file, &opts, progress)
    });
    let mut report = match first {
        Ok(r) => r,
        Err(e) if args.json => {
            // Scripts get one JSON object whatever happened.
            let file = args
                .file
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let out = json!({
                "file": file, "kind": opts.kind.code(), "period": opts.period.map(|p| p.to_string()),
                "rows": 0, "people": 0, "total_dong": 0,
                "rejected": [{ "row": 0, "column": null, "reason": e.localize(lang) }],
                "committed": false,
            });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
            return Err(Exit::Refused);
        }
        Err(e) => return Err(fail(lang, e)),
    };
    if ask_first && !report.is_rejected() {
        print_text(lang, &report);
        if !confirm(lang)? {
            println!("{}", phrases::nothing_written(lang));
            return Err(Exit::Refused);
        }
        opts.dry_run = false;
        report = with_progress(lang, true, &args.file, |progress| {
            service.import(&session, &args.file, &opts, progress)
        })
        .map_err(|e| fail(lang, e))?;
        println!("{}", outcome(lang, &report, false));
    } else if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&to_json(lang, &report)).unwrap_or_default()
        );
    } else {
        print_text(lang, &report);
        println!("{}", outcome(lang, &report, args.dry_run));
    }
    if !report.is_rejected() {
        Ok(())
    } else {
        Err(Exit::Refused)
    }
}

fn confirm(lang: Lang) -> Result<bool, Exit> {
    eprint!("{}", phrases::write_list_database_y(lang));
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| fail(lang, e))?;
    Ok(matches!(
        line.trim().to_lowercase().as_str(),
        "c" | "co" | "có" | "y" | "yes"
    ))
}

/// Runs `f` with a progress counter on stderr when `show` is set.
fn with_progress<T>(
    lang: Lang,
    show: bool,
    file: &std::path::Path,
    f: impl FnOnce(&mut dyn FnMut(usize)) -> T,
) -> T {
    if !show {
        return f(&mut |_| {});
    }
    let label = phrases::reading_checking(lang);
    let bar = match text_lines(file) {
        // A text list: a bar over its lines.
        Some(lines) => {
            let bar = indicatif::ProgressBar::new(lines);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{msg} [{bar:30}] {percent:>3}% · {elapsed} / ~{eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar.set_message(label);
            bar
        }
        // A workbook is read whole first: a counter.
        None => {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar
        }
    };
    let counting = bar.length().is_none();
    let out = f(&mut |rows| {
        if counting {
            bar.set_message(format!("{label}: {} {}", group(rows), phrases::rows(lang)));
            bar.tick();
        } else {
            bar.set_position(rows as u64);
        }
    });
    bar.finish_and_clear();
    out
}

/// The number of lines of a text list (CSV, Unicode text) large enough to
/// need a bar; None for a workbook or a small file.
fn text_lines(file: &std::path::Path) -> Option<u64> {
    use std::io::Read;
    let mut f = std::fs::File::open(file).ok()?;
    if f.metadata().ok()?.len() < 1 << 20 {
        return None;
    }
    let mut buf = vec![0u8; 1 << 16];
    let n = f.read(&mut buf).ok()?;
    // Workbooks: zip (xlsx) and OLE (xls) signatures.
    if buf[..n].starts_with(b"PK") || buf[..n].starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return None;
    }
    let mut lines = buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
    loop {
        let n = f.read(&mut buf).ok()?;
        if n == 0 {
            return Some(lines.max(1));
        }
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
    }
}

/// 123456 → "123.456".
fn group(n: usize) -> String {
    crate::domain::Money::from_dong(n as i64).format_plain()
}

fn format_name(lang: Lang, r: &ImportReport) -> String {
    let fmt = match r.format {
        Format::Xlsx => "xlsx".to_string(),
        Format::Xls => "xls".to_string(),
        Format::Csv { delimiter } => format!(
            "csv, \"{}\"",
            if delimiter == '\t' {
                "tab".into()
            } else {
                delimiter.to_string()
            }
        ),
        Format::UnicodeText => "Unicode text".to_string(),
    };
    let enc = match r.encoding {
        Encoding::Unicode | Encoding::Utf8 => "Unicode",
        Encoding::Utf8Bom => "UTF-8 BOM",
        Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16",
        Encoding::Windows1258 => "Windows-1258",
        Encoding::Tcvn3 => phrases::tcvn3_converted_unicode(lang),
        Encoding::Vni => phrases::vni_converted_unicode(lang),
    };
    match &r.sheet {
        Some(s) => format!(
            "{fmt}, {} \"{}\", {enc}",
            phrases::sheet(lang),
            crate::text::for_display(s)
        ),
        None => format!("{fmt}, {enc}"),
    }
}

fn print_text(lang: Lang, r: &ImportReport) {
    println!(
        "{} {} ({})",
        phrases::file(lang),
        crate::text::for_display(&r.file),
        format_name(lang, r)
    );
    println!("{} {}", phrases::period(lang), r.period.short_label());
    println!(
        "{} {}   {} {} ({} {}, {} {})",
        phrases::rows_2(lang),
        group(r.rows),
        phrases::people(lang),
        group(r.people),
        phrases::new(lang),
        group(r.new_people),
        phrases::changed(lang),
        group(r.updated_people)
    );
    let file_total = match r.file_total {
        Some(m) if m == r.total => format!(
            "   ({} {m} — {})",
            phrases::file_s_total_row(lang),
            phrases::agrees(lang)
        ),
        Some(m) => format!(
            "   ({} {m} — {})",
            phrases::file_s_total_row(lang),
            phrases::disagrees(lang)
        ),
        None if r
            .warnings
            .iter()
            .any(|w| w.problem == crate::import::record::Problem::NoFileTotal) =>
        {
            format!("   ({})", phrases::no_total_row(lang))
        }
        None => String::new(),
    };
    println!("{} {}{file_total}", phrases::total(lang), r.total);
    for (k, m) in &r.per_kind {
        println!("  {:<28} {:>20}", labels::kind(lang, *k), m.to_string());
    }
    let list = |title: &str, shown: &[crate::import::record::RowProblem], total: usize| {
        if total == 0 {
            return;
        }
        println!("{title} ({}):", group(total));
        for p in shown {
            println!("  {}", p.localize(lang));
        }
        if total > shown.len() {
            println!(
                "  {}",
                phrases::and_more_lines(lang, &group(total - shown.len()))
            );
        }
    };
    crate::i18n::changes::print_preview(lang, &r.changes);
    if r.new_people_not_listed() > 0 {
        println!(
            "{}",
            crate::i18n::import_preview::more_new_people(lang, r.new_people_not_listed())
        );
    }
    let hidden = r
        .details_changed
        .saturating_sub(crate::service::import::KEPT_PROBLEMS);
    if hidden > 0 {
        println!("{}", crate::i18n::import_details::more(lang, hidden));
    }
    list(phrases::warnings(lang), &r.warnings, r.warnings_total);
    list(phrases::rejected(lang), &r.rejected, r.rejected_total);
}

fn outcome(lang: Lang, r: &ImportReport, dry_run: bool) -> String {
    if r.is_rejected() {
        return phrases::nothing_written_fix_rejected(lang).to_string();
    }
    if dry_run || !r.committed {
        return phrases::dry_run_nothing_written(lang).to_string();
    }
    phrases::written_batch(lang, r.batch_id.unwrap_or(0))
}

fn to_json(lang: Lang, r: &ImportReport) -> serde_json::Value {
    let problems = |v: &[crate::import::record::RowProblem]| -> Vec<serde_json::Value> {
        v.iter()
            .map(|p| json!({ "row": p.place.row, "column": p.place.column, "reason": p.problem.localize(lang) }))
            .collect()
    };
    let per_kind: serde_json::Map<String, serde_json::Value> = r
        .per_kind
        .iter()
        .map(|(k, m)| (k.code().to_string(), json!(m.dong())))
        .collect();
    json!({
        "file": r.file,
        "sha256": r.sha256,
        "kind": r.kind.code(),
        "period": r.period.to_string(),
        "rows": r.rows,
        "people": r.people,
        "new_people": r.new_people,
        "new_people_not_listed": r.new_people_not_listed(),
        "updated_people": r.updated_people,
        "total_dong": r.total.dong(),
        "file_total_dong": r.file_total.map(|m| m.dong()),
        "per_kind_dong": per_kind,
        "rejected": problems(&r.rejected),
        "rejected_count": r.rejected_total,
        "warnings": problems(&r.warnings),
        "warnings_count": r.warnings_total,
        "committed": r.committed,
        "batch": r.batch_id,
        "changes": crate::i18n::changes::preview_json(&r.changes),
        "details_changed_count": r.details_changed,
        "overpaid_dong": r.changes.iter().map(|c| c.overpaid_total().dong()).sum::<i64>(),
    })
}
