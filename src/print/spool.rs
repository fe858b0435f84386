//! The spool folder and the printer.
//!
//! Every receipt is written as a text file into the configured spool folder
//! (so it can be found and printed again), then sent to the printer with
//! `lp -d NAME` when the configuration names one. A printer that is off
//! does not undo a payment: the caller shows the problem and the clerk
//! reprints.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What went wrong writing or printing a receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpoolError {
    Write { path: PathBuf, reason: String },
    Print { printer: String, reason: String },
    /// The printer did not take the file in time (off, jammed, no paper).
    NoAnswer { printer: String, seconds: u64 },
}

/// Writes `text` as `name` in `dir` (created 0700 if needed) as a 0600 file,
/// without replacing an existing file: a second copy gets "-2", "-3", ….
pub fn write(dir: &Path, name: &str, text: &str) -> Result<PathBuf, SpoolError> {
    let err = |path: &Path, e: std::io::Error| SpoolError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
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
                let written = f.write_all(text.as_bytes()).and_then(|()| f.sync_all());
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

/// How long `lp` may take to accept a file before the printer is reported
/// as not answering (the payment is recorded already; the clerk reprints).
pub const PRINT_TIMEOUT: Duration = Duration::from_secs(8);

/// Sends a file to `printer` with `lp`, waiting at most `PRINT_TIMEOUT`;
/// an empty printer name prints nothing.
pub fn print(printer: &str, file: &Path) -> Result<(), SpoolError> {
    print_with(Command::new("lp").arg("-d").arg(printer).arg(file), printer, PRINT_TIMEOUT)
}

fn print_with(cmd: &mut Command, printer: &str, limit: Duration) -> Result<(), SpoolError> {
    if printer.trim().is_empty() {
        return Ok(());
    }
    let failed = |reason: String| SpoolError::Print {
        printer: printer.to_string(),
        reason,
    };
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(e.to_string()))?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                if status.success() {
                    return Ok(());
                }
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut err);
                }
                return Err(failed(err.trim().chars().take(300).collect()));
            }
            Ok(None) if start.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(SpoolError::NoAnswer {
                    printer: printer.to_string(),
                    seconds: limit.as_secs().max(1),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(failed(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let r = print_with(
            Command::new("sleep").arg("30"),
            "kho",
            Duration::from_millis(300),
        );
        assert!(matches!(r, Err(SpoolError::NoAnswer { .. })), "{r:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_printer_that_refuses_is_reported_with_its_words() {
        let r = print_with(
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

    #[test]
    fn no_printer_named_means_nothing_is_printed() {
        assert_eq!(print("", Path::new("/nonexistent")), Ok(()));
    }
}
