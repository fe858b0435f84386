//! The spool folder and the printer.
//!
//! Every receipt is written as a text file into the configured spool folder
//! (so it can be found, read and printed again). When the configuration
//! names a printer, the text is made into an A4 PDF beside it
//! ([`crate::print::pdf`]) and that is sent with `lp -d NAME`; printing is
//! done once CUPS has finished the job. A printer that is off, jammed or
//! stopped does not undo a payment: after a time limit the job is taken
//! back out of the queue (so it cannot come out later beside a reprint),
//! the caller shows the problem and the clerk reprints.
//!
//! [`Prints`] (in [`crate::print::jobs`]) runs a print on its own thread so
//! that a screen is never held up by the printer: the screen shows "đang
//! in…" and reads the outcome from the [`Job`] when it has ended.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::config::Receipt;
use crate::print::pdf::{self, PdfError};

pub use super::jobs::{Job, Prints};

/// What went wrong writing or printing a receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpoolError {
    Write {
        path: PathBuf,
        reason: String,
    },
    Print {
        printer: String,
        reason: String,
    },
    /// The printer did not take the file in time (off, jammed, no paper).
    NoAnswer {
        printer: String,
        seconds: u64,
    },
    /// The PDF could not be made (the font).
    Pdf(PdfError),
}

/// Writes `text` as `name` in `dir` (created 0700 if needed) as a 0600 file,
/// without replacing an existing file: a second copy gets "-2", "-3", …;
/// synced to disk before it returns.
pub fn write(dir: &Path, name: &str, text: &str) -> Result<PathBuf, SpoolError> {
    create(dir, name, text, true)
}

/// Like [`write`], without waiting for the disk: for a payment's receipt,
/// written on the writing thread ([`Prints::write_then_print`]) right
/// after the payment's own commit, and for its copies.
///
/// The receipt's text is made wholly from rows the payment committed (and
/// synced) before it; the database is the record, and a reprint makes the
/// same text again from it. A power cut can leave this file empty or cut,
/// but it cannot lose anything the database does not hold. When a printer
/// is named, the print thread syncs the file before printing it
/// ([`print`]), so a receipt that came out on paper is also on disk.
pub fn write_unsynced(dir: &Path, name: &str, text: &str) -> Result<PathBuf, SpoolError> {
    create(dir, name, text, false)
}

fn create(dir: &Path, name: &str, text: &str, sync: bool) -> Result<PathBuf, SpoolError> {
    let err = |path: &Path, e: std::io::Error| SpoolError::Write {
        path: path.to_path_buf(),
        reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
    };
    crate::files::create_dir_all(dir).map_err(|e| err(dir, e))?;
    for n in 1.. {
        let file = if n == 1 {
            format!("{name}.txt")
        } else {
            format!("{name}-{n}.txt")
        };
        let path = dir.join(file);
        match crate::files::create_new(&path) {
            Ok(mut f) => {
                let written = f
                    .write_all(text.as_bytes())
                    .and_then(|()| if sync { f.sync_all() } else { Ok(()) });
                if let Err(e) = written {
                    // A full disk leaves no empty or cut receipt behind.
                    drop(f);
                    let _ = std::fs::remove_file(&path);
                    return Err(err(&path, e));
                }
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(err(&path, e)),
        }
    }
    unreachable!("the loop returns")
}

/// How long a one-page print may take, from `lp` to the end of the job,
/// before the printer is reported as not answering (the payment is
/// recorded already; the clerk reprints). Each further page adds
/// [`PER_PAGE`].
pub const PRINT_TIMEOUT: Duration = Duration::from_secs(8);
pub const PER_PAGE: Duration = Duration::from_secs(1);

/// Prints the text file `text_file` (written by [`write`] or
/// [`write_unsynced`]) on the configured printer: syncs it to disk, makes
/// its PDF beside it in the configured font,
/// sends that with `lp` and waits until CUPS has printed it. `title` heads
/// every page after the first; the job is named after the file, as the
/// spool folder names it. No printer configured prints nothing.
pub fn print(
    lang: crate::i18n::Lang,
    receipt: &Receipt,
    text_file: &Path,
    title: &str,
) -> Result<(), SpoolError> {
    let printer = receipt.printer.trim();
    if printer.is_empty() {
        return Ok(());
    }
    let read_err = |e: std::io::Error| SpoolError::Write {
        path: text_file.to_path_buf(),
        reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
    };
    let mut file = std::fs::File::open(text_file).map_err(read_err)?;
    file.sync_all().map_err(read_err)?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).map_err(read_err)?;
    let font = pdf::load_font(&receipt.font).map_err(SpoolError::Pdf)?;
    let made = pdf::render(lang, &text, title, &font, &receipt.font).map_err(SpoolError::Pdf)?;
    let file = write_pdf(text_file, &made.bytes)?;
    let pages = u32::try_from(made.pages).unwrap_or(u32::MAX).max(1);
    let limit = PRINT_TIMEOUT + PER_PAGE * (pages - 1);
    let job_name = text_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut lp = Command::new("lp");
    lp.arg("-d")
        .arg(printer)
        .arg("-t")
        .arg(&job_name)
        .args(["-o", "media=A4"])
        .arg(&file);
    send(&mut lp, printer, limit)
}

/// Writes `pdf` beside `text_file`, with the same name and ".pdf".
fn write_pdf(text_file: &Path, pdf: &[u8]) -> Result<PathBuf, SpoolError> {
    let path = text_file.with_extension("pdf");
    let err = |e: std::io::Error| SpoolError::Write {
        path: path.clone(),
        reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
    };
    // A PDF left from an earlier print of this file is made again.
    if path.exists() {
        std::fs::remove_file(&path).map_err(err)?;
    }
    let mut f = crate::files::create_new(&path).map_err(err)?;
    if let Err(e) = f.write_all(pdf).and_then(|()| f.sync_all()) {
        drop(f);
        let _ = std::fs::remove_file(&path);
        return Err(err(e));
    }
    Ok(path)
}

/// Runs `lp` (the command `cmd`), then waits for the job it queued to
/// leave `printer`'s queue; all within `limit`. A job still queued then is
/// cancelled and reported as not answered.
fn send(cmd: &mut Command, printer: &str, limit: Duration) -> Result<(), SpoolError> {
    let started = Instant::now();
    let deadline = started + limit;
    let out = run(cmd.env("LC_ALL", "C"), printer, deadline, limit)?;
    // "request id is kho-12 (1 file(s))"
    let Some(job) = out
        .split_whitespace()
        .skip_while(|w| *w != "is")
        .nth(1)
        .map(str::to_string)
    else {
        return Ok(());
    };
    loop {
        let mut lpstat = Command::new("lpstat");
        lpstat.env("LC_ALL", "C").arg("-o").arg(printer);
        if let Ok(queue) = run(&mut lpstat, printer, deadline, limit) {
            let waiting = queue
                .lines()
                .any(|l| l.split_whitespace().next() == Some(job.as_str()));
            if !waiting {
                return Ok(());
            }
        }
        if Instant::now() >= deadline {
            let mut cancel = Command::new("cancel");
            let soon = Instant::now() + Duration::from_secs(2);
            let _ = run(cancel.arg(&job), printer, soon, limit);
            return Err(no_answer(printer, limit));
        }
        std::thread::sleep(Duration::from_millis(150));
    }
}

fn no_answer(printer: &str, limit: Duration) -> SpoolError {
    SpoolError::NoAnswer {
        printer: printer.to_string(),
        seconds: limit.as_secs().max(1),
    }
}

/// Runs `cmd` until it ends or `deadline` passes; its output, or why not.
fn run(
    cmd: &mut Command,
    printer: &str,
    deadline: Instant,
    limit: Duration,
) -> Result<String, SpoolError> {
    let failed = |reason: String| SpoolError::Print {
        printer: printer.to_string(),
        reason,
    };
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(e.to_string()))?;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let mut out = String::new();
                if let Some(mut o) = child.stdout.take() {
                    let _ = std::io::Read::read_to_string(&mut o, &mut out);
                }
                if status.success() {
                    return Ok(out);
                }
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut err);
                }
                return Err(failed(err.trim().chars().take(300).collect()));
            }
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(no_answer(printer, limit));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(failed(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_second_copy_never_replaces_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "HD-2026-000001", "one").unwrap();
        let b = write(dir.path(), "HD-2026-000001", "two").unwrap();
        assert_ne!(a, b);
        assert_eq!(std::fs::read_to_string(a).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(b).unwrap(), "two");
    }

    #[test]
    fn a_printer_that_does_not_answer_is_given_up_on_in_time() {
        let started = Instant::now();
        let r = send(
            Command::new("sleep").arg("30"),
            "kho",
            Duration::from_millis(300),
        );
        assert!(matches!(r, Err(SpoolError::NoAnswer { .. })), "{r:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_printer_that_refuses_is_reported_with_its_words() {
        let r = send(
            Command::new("sh").args(["-c", "echo 'lp: printer not found' >&2; exit 1"]),
            "kho",
            Duration::from_secs(10),
        );
        assert_eq!(
            r,
            Err(SpoolError::Print {
                printer: "kho".into(),
                reason: "lp: printer not found".into()
            })
        );
    }

    fn receipt(printer: &str, font: &Path) -> Receipt {
        Receipt {
            prefix: "HD".into(),
            spool_dir: PathBuf::from("/nonexistent"),
            printer: printer.into(),
            font: font.to_path_buf(),
        }
    }

    #[test]
    fn no_printer_named_means_nothing_is_printed() {
        let none = receipt("", Path::new("/nonexistent.ttf"));
        assert_eq!(
            print(Lang::Vi, &none, Path::new("/nonexistent"), "T"),
            Ok(())
        );
    }

    #[test]
    fn a_missing_font_is_reported_before_anything_is_sent() {
        let dir = tempfile::tempdir().unwrap();
        let text = write(dir.path(), "HD-2026-000001", "Hải Dương\n").unwrap();
        let font = dir.path().join("khong-co.ttf");
        let r = print(Lang::Vi, &receipt("kho", &font), &text, "T");
        assert!(
            matches!(&r, Err(SpoolError::Pdf(PdfError::FontMissing { path, .. })) if *path == font),
            "{r:?}"
        );
        // Nothing was made to send.
        assert!(!text.with_extension("pdf").exists());
    }
}
