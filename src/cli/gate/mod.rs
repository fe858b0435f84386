//! `chitra gate`: the one program SSH runs for the office's account (the
//! forced command in `deploy/sshd_config.d/chitra.conf`).
//!
//! Without a command (`ssh chitra@server`, PuTTY) it opens the counter
//! screens, where chitra's own sign-in says who is at the counter. With a
//! command (`ssh chitra@server 'report day --format xlsx' > ngay.xlsx`) it
//! runs it only if it is one of the few the head of office needs from
//! another machine, signed in as a supervisor, with files passing through
//! standard input and output and never by a path: a list to import comes on
//! stdin, a report goes to stdout. Everything else — a shell, `cat`, `sftp`,
//! `scp`, a path of the server's, `--config`, `--db`, `--out` — is refused,
//! so nobody reaches the database file through SSH.
//!
//! Not here: what the commands do (their own modules), who may sign in
//! (the service).

use std::path::Path;

use clap::Parser;

use super::context::Context;
use super::period::PeriodCommand;
use super::{Cli, Command, Exit, fail};
use crate::i18n::Lang;
use crate::i18n::commands::gate as phrases;

mod files;
use files::{import, output};

/// The largest list accepted on standard input (the importer bounds what
/// it reads from the file further).
pub const MAX_LIST_BYTES: u64 = 256 * 1024 * 1024;

/// Words never accepted from SSH: they name files or places on the server.
const FORBIDDEN_FLAGS: [&str; 3] = ["--config", "--db", "--out"];

pub fn run(cli: &Cli) -> Result<(), Exit> {
    let lang = Context::lang_of(cli);
    let asked = std::env::var("SSH_ORIGINAL_COMMAND").unwrap_or_default();
    if asked.trim().is_empty() {
        return super::screens(cli);
    }
    let words = match split_words(&asked) {
        Some(w) => w,
        None => return Err(refuse(lang, &asked)),
    };
    match plan(&words) {
        Ok(Plan::Import { name, args }) => import(lang, cli, &name, args),
        Ok(Plan::Output { args }) => output(lang, cli, args),
        Ok(Plan::Plain { args }) => {
            let inner = parse(lang, cli, args)?;
            signed_in_supervisor(lang, &inner)?;
            dispatch(&inner)
        }
        Err(()) => Err(refuse(lang, &asked)),
    }
}

/// What an accepted SSH command will do.
#[derive(Debug, PartialEq, Eq)]
enum Plan {
    /// `import … --name FILE`: the list comes on standard input.
    Import { name: String, args: Vec<String> },
    /// `report day|period|cashless …`, `list …`, `period close --dry-run`:
    /// to standard output (xlsx through a private file).
    Output { args: Vec<String> },
    /// `verify`, `doctor`: output only.
    Plain { args: Vec<String> },
}

/// Checks the words against the few commands allowed from SSH.
fn plan(words: &[String]) -> Result<Plan, ()> {
    let forbidden = |w: &String| {
        FORBIDDEN_FLAGS
            .iter()
            .any(|f| w == f || w.starts_with(&format!("{f}=")))
    };
    if words.iter().any(forbidden) {
        return Err(());
    }
    let (first, rest) = words.split_first().ok_or(())?;
    let only_flags = |ws: &[String], with_value: &[&str], alone: &[&str]| -> bool {
        let mut i = 0;
        while i < ws.len() {
            let w = ws[i].as_str();
            let key = w.split_once('=').map(|(k, _)| k).unwrap_or(w);
            if alone.contains(&w) {
                i += 1;
            } else if with_value.contains(&key) {
                i += if w.contains('=') { 1 } else { 2 };
            } else {
                return false;
            }
        }
        i == ws.len()
    };
    // `bank import --name FILE`: the bank's result file on stdin, like a list.
    let (first, rest, command): (&String, &[String], Vec<String>) =
        match (first.as_str(), rest.split_first()) {
            ("bank", Some((sub, more))) if sub == "import" => {
                (sub, more, vec!["bank".to_string(), "import".to_string()])
            }
            _ => (first, rest, vec![first.clone()]),
        };
    match (command.len(), first.as_str()) {
        (2, "import") => {
            let mut args = command.clone();
            let name = take_name(rest, &mut args);
            let name = list_name(&name.ok_or(())?).ok_or(())?;
            if !only_flags(&args[2..], &["--user"], &["--dry-run", "--json"]) {
                return Err(());
            }
            Ok(Plan::Import { name, args })
        }
        (_, "import") => {
            let mut args = vec!["import".to_string()];
            let name = take_name(rest, &mut args);
            let name = list_name(&name.ok_or(())?).ok_or(())?;
            if !only_flags(
                &args[1..],
                &["--kind", "--period", "--user"],
                &["--dry-run", "--json", "--yes", "-y"],
            ) {
                return Err(());
            }
            Ok(Plan::Import { name, args })
        }
        (_, "bank") => {
            // `bank export`: the batch file to standard output.
            let (sub, flags) = rest.split_first().ok_or(())?;
            let ok = sub == "export"
                && only_flags(flags, &["--period", "--format", "--batch", "--user"], &[]);
            if !ok {
                return Err(());
            }
            Ok(Plan::Output {
                args: words.to_vec(),
            })
        }
        (_, "report" | "list" | "period" | "home") => {
            let (sub, flags) = rest.split_first().ok_or(())?;
            // `report period` and `period close` name the period first.
            let after_period = || match flags.split_first() {
                Some((p, more)) if is_period(p) => Ok(more),
                _ => Err(()),
            };
            let ok = match (first.as_str(), sub.as_str()) {
                ("report", "day") => only_flags(flags, &["--date", "--format", "--user"], &[]),
                ("report", "period") => only_flags(after_period()?, &["--format", "--user"], &[]),
                ("report", "cashless") => {
                    only_flags(flags, &["--period", "--format", "--user"], &[])
                }
                ("report", "log") => only_flags(
                    flags,
                    &["--date", "--to", "--of", "--person", "--format", "--user"],
                    &[],
                ),
                ("list", "classify") => only_flags(flags, &["--format", "--only", "--user"], &[]),
                ("list", "accounts" | "changes") => only_flags(flags, &["--format", "--user"], &[]),
                ("list", "signing") => {
                    only_flags(flags, &["--period", "--hamlet", "--format", "--user"], &[])
                }
                ("home", "sheet") => only_flags(
                    flags,
                    &["--period", "--hamlet", "--round", "--format", "--user"],
                    &[],
                ),
                // The preview to standard output; the close itself sends
                // the results file there, and what it says to stderr.
                ("period", "close") => {
                    let more = after_period()?;
                    if more.iter().any(|w| w == "--dry-run") {
                        only_flags(more, &["--user"], &["--dry-run"])
                    } else {
                        only_flags(more, &["--user", "--default-reason", "--note"], &[])
                    }
                }
                _ => false,
            };
            if !ok {
                return Err(());
            }
            Ok(Plan::Output {
                args: words.to_vec(),
            })
        }
        (_, "verify") if only_flags(rest, &["--user", "--seal"], &[]) => Ok(Plan::Plain {
            args: words.to_vec(),
        }),
        (_, "doctor") if only_flags(rest, &["--user"], &["--json"]) => Ok(Plan::Plain {
            args: words.to_vec(),
        }),
        _ => Err(()),
    }
}

/// A period as the command line writes it: YYYY-MM.
fn is_period(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
}

/// The name a list arrives under: one plain file name, no folder.
fn list_name(name: &str) -> Option<String> {
    let name = name.trim();
    let ok = !name.is_empty()
        && name.len() <= 200
        && !name.starts_with('.')
        && Path::new(name).file_name().is_some_and(|f| f == name)
        && !name
            .chars()
            .any(|c| c.is_control() || c == '/' || c == '\\');
    ok.then(|| name.to_string())
}

/// Splits a command as a shell would for plain words and quotes (no
/// variables, no globs, no escapes beyond quoting). None for an unclosed
/// quote.
fn split_words(s: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                in_word = true;
            }
            None if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            None => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return None;
    }
    if in_word {
        words.push(cur);
    }
    Some(words)
}

/// Parses the accepted words as a chitra command line; the configuration
/// and database are those of the gate itself.
fn parse(lang: Lang, outer: &Cli, args: Vec<String>) -> Result<Cli, Exit> {
    let argv = std::iter::once("chitra".to_string()).chain(args);
    let mut inner = Cli::try_parse_from(argv).map_err(|e| {
        fail(
            lang,
            phrases::not_a_valid_command(lang, &e.kind().to_string()),
        )
    })?;
    inner.config = outer.config.clone();
    if outer.db.is_some() {
        inner.db = outer.db.clone();
    }
    Ok(inner)
}

/// Commands that do not sign in themselves are run only for a supervisor
/// who gives their name and PIN (CHITRA_PIN, passed by ssh's SendEnv).
fn signed_in_supervisor(lang: Lang, inner: &Cli) -> Result<(), Exit> {
    let ctx = Context::load(inner)?;
    let (_service, session) = ctx.sign_in(inner)?;
    session.require_supervisor().map_err(|e| fail(lang, e))
}

fn dispatch(inner: &Cli) -> Result<(), Exit> {
    match &inner.command {
        Some(Command::Verify(args)) => super::verify::run(inner, args),
        Some(Command::Doctor(args)) => super::doctor::run(inner, args),
        Some(Command::Import(args)) => super::import::run(inner, args),
        Some(Command::Report(cmd)) => super::day::report(inner, cmd),
        Some(Command::List(cmd)) => super::lists::run(inner, cmd),
        Some(Command::Home(cmd @ super::home::HomeCommand::Sheet(_))) => {
            super::home::run(inner, cmd)
        }
        Some(Command::Period(cmd @ PeriodCommand::Close(args))) if args.dry_run => {
            super::period::run(inner, cmd)
        }
        Some(Command::Bank(cmd @ super::bank::BankCommand::Import(_))) => {
            super::bank::run(inner, cmd)
        }
        _ => Err(Exit::Refused),
    }
}

/// Says what SSH may run, and refuses.
fn refuse(lang: Lang, asked: &str) -> Exit {
    let asked = crate::text::for_display(asked);
    fail(lang, phrases::not_allowed_over_ssh(lang, &asked))
}

/// The value of `--name` among `words` (the last one given), the other
/// words added to `args` in their order.
fn take_name(words: &[String], args: &mut Vec<String>) -> Option<String> {
    let mut name = None;
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if w == "--name" {
            name = words.get(i + 1).cloned();
            i += 2;
        } else if let Some(v) = w.strip_prefix("--name=") {
            name = Some(v.to_string());
            i += 1;
        } else {
            args.push(w.clone());
            i += 1;
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        split_words(s).unwrap()
    }

    #[test]
    fn words_are_split_with_quotes() {
        assert_eq!(
            w("import --name 'ds thang 11.xlsx'  --user truong"),
            ["import", "--name", "ds thang 11.xlsx", "--user", "truong"]
        );
        assert_eq!(w(r#"report day --date "2026-11-28""#)[3], "2026-11-28");
        assert!(split_words("import --name 'open").is_none());
    }

    #[test]
    fn anything_that_reaches_a_file_or_a_shell_is_refused() {
        for asked in [
            "cat /srv/chitra/data/chitra.db",
            "sqlite3 /srv/chitra/data/chitra.db",
            "/usr/lib/openssh/sftp-server",
            "internal-sftp",
            "scp -f /srv/chitra/data/chitra.db",
            "scp -t /tmp",
            "sh -c id",
            "import /srv/chitra/data/chitra.db --user truong",
            "import --name ../chitra.db --user truong",
            "import --name ds.xlsx --db /tmp/x.db --user truong",
            "report day --out /srv/chitra/data/chitra.db --user truong",
            "report day --config=/tmp/evil.toml",
            "backup /tmp/copy.db",
            "pay 046048001234 --method cash",
            "user add x --role supervisor",
            "demo",
            "verify; sh",
            "period close 2026-11 --out /tmp/kq.xlsx --user truong",
            "period close 2026-11 --dry-run --default-reason away --user truong",
            "bank export --period 2026-11 --out /tmp/lo.xlsx --user truong",
            "bank import /srv/chitra/kq.csv --user truong",
            "bank import --name ../kq.csv --user truong",
            "bank import --name kq.csv --batch 1 --user truong",
            "bank list --user truong",
            "period reason 2026-11 HD-001 away --user truong",
            "report period ../x --user truong",
            "list classify --out /tmp/x.xlsx --user truong",
            "report cashless --format xlsx --out=/tmp/x.xlsx",
            "report log --out /tmp/nhat-ky.txt --user truong",
            "home round issue 1 --user truong",
            "home round reconcile 1 --reason x --user truong",
            "home sheet --round 1 --out /tmp/x.txt --user truong",
        ] {
            assert_eq!(plan(&w(asked)), Err(()), "{asked}");
        }
    }

    #[test]
    fn the_head_of_offices_commands_are_accepted() {
        assert_eq!(
            plan(&w(
                "import --kind monthly --period 2026-11 --name ds.xlsx --user truong"
            )),
            Ok(Plan::Import {
                name: "ds.xlsx".into(),
                args: w("import --kind monthly --period 2026-11 --user truong")
            })
        );
        assert!(matches!(
            plan(&w(
                "report day --date 2026-11-28 --format xlsx --user truong"
            )),
            Ok(Plan::Output { .. })
        ));
        for asked in [
            "report period 2026-11 --format xlsx --user truong",
            "report cashless --period 2026-11 --format json --user truong",
            "report log --date 2026-12-01 --to 2026-12-07 --of gdv1 --format xlsx --user truong",
            "list classify --only need_cccd --user truong",
            "list accounts --format xlsx --user truong",
            "list changes --format xlsx --user truong",
            "list signing --period 2026-11 --hamlet 'Thôn Đông' --user truong",
            "period close 2026-11 --dry-run --user truong",
            "home sheet --round 2 --format xlsx --user truong",
            "home sheet --period 2026-11 --hamlet 'Thôn Đông' --user truong",
            "period close 2026-11 --user truong",
            "period close 2026-11 --default-reason away --user truong",
            "bank export --period 2026-11 --user truong",
            "bank export --period 2026-11 --format csv --batch 1 --user truong",
        ] {
            assert!(
                matches!(plan(&w(asked)), Ok(Plan::Output { .. })),
                "{asked}"
            );
        }
        assert_eq!(
            plan(&w(
                "bank import --name 'kq ngan hang.csv' --dry-run --user truong"
            )),
            Ok(Plan::Import {
                name: "kq ngan hang.csv".into(),
                args: w("bank import --dry-run --user truong")
            })
        );
        assert!(matches!(
            plan(&w("doctor --json --user truong")),
            Ok(Plan::Plain { .. })
        ));
        assert!(matches!(
            plan(&w("verify --user truong")),
            Ok(Plan::Plain { .. })
        ));
    }
}
