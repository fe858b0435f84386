//! Where the demo office lives: one folder (`demo/` by default) holding its
//! configuration, its database with whatever files the database keeps
//! beside it, the sample lists, the receipts and the backups. Paths in its
//! configuration are relative to the folder, so the folder can be renamed.
//!
//! The folder is built whole under another name beside it
//! (`demo.partial-<pid>/`), a marker written last, and only then renamed
//! into place; so a `demo/` folder is either complete or — left by an older
//! chitra or something else — lacks the marker, and is then never opened.
//!
//! Not here: what the office holds ([`super::office`]).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::office::{self, Built, io};
use crate::service::Error;

/// The configuration file inside the folder.
pub const CONFIG_FILE: &str = "chitra.toml";
/// The database file inside the folder.
pub const DB_FILE: &str = "chitra-demo.db";
/// Written last, when everything else is in the folder.
pub const MARKER: &str = "demo-built.txt";

/// What is at the demo's place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Nothing: the demo is to be built.
    Missing,
    /// A finished demo, built as of this moment.
    Complete { built_for: DateTime<FixedOffset> },
    /// A demo folder that is not finished: a build cut off, or an older
    /// chitra's demo. It is never opened.
    Incomplete,
    /// Something that is not a demo folder; it is left alone.
    Foreign,
}

/// Why the demo could not be put in place.
#[derive(Debug)]
pub enum DemoError {
    /// Building the office failed.
    Build(Error),
    /// The place holds something that is not a demo folder; it is left
    /// alone.
    NotADemoFolder { dir: PathBuf },
}

impl From<Error> for DemoError {
    fn from(e: Error) -> Self {
        DemoError::Build(e)
    }
}

/// Looks at `dir`.
pub fn look(dir: &Path) -> Found {
    if !dir.exists() {
        return Found::Missing;
    }
    let whole = [CONFIG_FILE, DB_FILE].iter().all(|f| dir.join(f).is_file());
    let built_for = std::fs::read_to_string(dir.join(MARKER))
        .ok()
        .and_then(|text| read_marker(&text));
    match built_for {
        Some(built_for) if whole => Found::Complete { built_for },
        _ if is_demo_folder(dir) => Found::Incomplete,
        _ => Found::Foreign,
    }
}

/// The marker's text for a demo built as of `now`.
fn marker_text(now: DateTime<FixedOffset>, built: &Built) -> String {
    format!(
        "chitra demo\nbuilt_for = {}\npeople = {}\n",
        now.to_rfc3339(),
        built.people
    )
}

fn read_marker(text: &str) -> Option<DateTime<FixedOffset>> {
    let mut lines = text.lines();
    if lines.next() != Some("chitra demo") {
        return None;
    }
    lines
        .find_map(|l| l.strip_prefix("built_for = "))
        .and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok())
}

/// Whether `dir` may be replaced by a new demo: it is empty or holds a
/// demo's files (finished or not).
fn is_demo_folder(dir: &Path) -> bool {
    let Ok(mut entries) = std::fs::read_dir(dir) else {
        return false;
    };
    let mut empty = true;
    let ours = entries.any(|e| {
        empty = false;
        e.is_ok_and(|e| {
            let name = e.file_name();
            [CONFIG_FILE, DB_FILE, MARKER].iter().any(|f| name == *f)
        })
    });
    ours || empty
}

/// Builds the demo with `n` people as of `now` beside `dir` and renames it
/// to `dir`, replacing what is there only if `replace` (and only a demo
/// folder). If another chitra put a demo in place meanwhile and `replace`
/// is false, that one is kept and this one dropped.
pub fn build(
    dir: &Path,
    n: usize,
    now: DateTime<FixedOffset>,
    replace: bool,
) -> Result<Built, DemoError> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n != "..")
        .ok_or_else(|| DemoError::NotADemoFolder {
            dir: dir.to_path_buf(),
        })?;
    if replace && dir.exists() && !is_demo_folder(dir) {
        return Err(DemoError::NotADemoFolder {
            dir: dir.to_path_buf(),
        });
    }
    let beside = |what: &str| dir.with_file_name(format!("{name}.{what}-{}", std::process::id()));
    remove_stale(dir, &name);
    let partial = beside("partial");
    let _ = std::fs::remove_dir_all(&partial);
    let built = office::build_at(&partial, n, now)
        .and_then(|built| {
            let marker = partial.join(MARKER);
            write_synced(&marker, &marker_text(now, &built)).map_err(io(&marker))?;
            Ok(built)
        })
        .inspect_err(|_| {
            let _ = std::fs::remove_dir_all(&partial);
        })?;
    let old = beside("old");
    let moved_aside = replace && dir.exists();
    if moved_aside {
        std::fs::rename(dir, &old).map_err(io(dir))?;
    }
    match std::fs::rename(&partial, dir) {
        Ok(()) => {}
        Err(_) if !replace && look(dir) != Found::Missing => {
            // Another chitra finished first: use theirs.
            let _ = std::fs::remove_dir_all(&partial);
        }
        Err(e) => {
            if moved_aside {
                let _ = std::fs::rename(&old, dir);
            }
            let _ = std::fs::remove_dir_all(&partial);
            return Err(io(dir)(e).into());
        }
    }
    if moved_aside {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(built)
}

/// Removes what builds of processes no longer running left beside `dir`
/// (`NAME.partial-PID`, `NAME.old-PID`). Where processes cannot be seen
/// (no /proc), nothing is removed.
fn remove_stale(dir: &Path, name: &str) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let file_name = e.file_name();
        let Some(rest) = file_name.to_str().and_then(|f| f.strip_prefix(name)) else {
            continue;
        };
        let pid = rest
            .strip_prefix(".partial-")
            .or_else(|| rest.strip_prefix(".old-"))
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        if let Some(pid) = pid
            && !proc.join(pid).exists()
        {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

fn write_synced(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::File::create(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_reads_back_the_moment_it_was_built_for() {
        let now = DateTime::parse_from_rfc3339("2028-02-29T16:45:00+07:00").unwrap();
        let built = Built {
            files: vec![],
            people: 7,
            payments: 0,
            closed_days: 0,
            round: None,
            heir_case: None,
        };
        assert_eq!(read_marker(&marker_text(now, &built)), Some(now));
        assert_eq!(read_marker(""), None);
        assert_eq!(read_marker("built_for = 2028-02-29T16:45:00+07:00"), None);
    }
}
