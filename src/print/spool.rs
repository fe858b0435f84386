//! The spool folder and the printer.
//!
//! Every receipt is written as a text file into the configured spool folder
//! (so it can be found and printed again), then sent to the printer with
//! `lp -d NAME` when the configuration names one. A printer that is off
//! does not undo a payment: the caller shows the problem and the clerk
//! reprints.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What went wrong writing or printing a receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpoolError {
    Write { path: PathBuf, reason: String },
    Print { printer: String, reason: String },
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
                f.write_all(text.as_bytes()).map_err(|e| err(&path, e))?;
                f.sync_all().map_err(|e| err(&path, e))?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(err(&path, e)),
        }
    }
    unreachable!("the loop returns")
}

/// Sends a file to `printer` with `lp`; an empty printer name prints nothing.
pub fn print(printer: &str, file: &Path) -> Result<(), SpoolError> {
    if printer.trim().is_empty() {
        return Ok(());
    }
    let out = Command::new("lp")
        .arg("-d")
        .arg(printer)
        .arg(file)
        .output()
        .map_err(|e| SpoolError::Print {
            printer: printer.to_string(),
            reason: e.to_string(),
        })?;
    if out.status.success() {
        Ok(())
    } else {
        Err(SpoolError::Print {
            printer: printer.to_string(),
            reason: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        })
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
    fn no_printer_named_means_nothing_is_printed() {
        assert_eq!(print("", Path::new("/nonexistent")), Ok(()));
    }
}
