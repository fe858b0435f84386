//! The frame `clap` puts around chitra's commands, in Vietnamese: the
//! headings and flags of every `--help` (from [`crate::i18n::cli`]), and a
//! command line clap refuses said in plain Vietnamese with its usage line,
//! never clap's own English `error:`.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n::cli::{self as words, Problem};

/// The command line of this process, or the exit code when there is
/// nothing to run (help or version printed, or words refused).
pub fn parse() -> Result<Cli, ExitCode> {
    let matches = command().try_get_matches().map_err(report)?;
    Cli::from_arg_matches(&matches).map_err(report)
}

/// chitra's commands with the Vietnamese frame.
pub fn command() -> Command {
    vietnamese(Cli::command())
}

/// `cmd` and all its subcommands with Vietnamese headings and flags.
fn vietnamese(cmd: Command) -> Command {
    let has_version = cmd.get_version().is_some();
    let mut cmd = cmd
        .help_template(words::HELP_TEMPLATE)
        .subcommand_help_heading(words::COMMANDS)
        .subcommand_value_name(words::COMMAND_NAME)
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .mut_args(|a| {
            let a = match words::value_name(a.get_id().as_str()) {
                // The derive names a value after its field, in capitals.
                Some(name)
                    if a.get_action().takes_values()
                        && a.get_value_names().is_none_or(|n| {
                            n.len() == 1 && n[0].as_str() == a.get_id().as_str().to_uppercase()
                        }) =>
                {
                    a.value_name(name)
                }
                _ => a,
            };
            if a.get_help_heading().is_some() {
                a
            } else if a.is_positional() {
                a.help_heading(words::ARGUMENTS)
            } else {
                a.help_heading(words::OPTIONS)
            }
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(words::HELP_FLAG)
                .help_heading(words::OPTIONS),
        );
    if has_version {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words::VERSION_FLAG)
                .help_heading(words::OPTIONS),
        );
    }
    cmd.mut_subcommands(vietnamese)
}

/// Prints what clap stopped at, in Vietnamese, and the exit code: 0 for
/// help and version, 2 for words refused (as every refusal).
fn report(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let text = words::frame_words(&e.render().to_string());
            println!("{}", text.trim_end());
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", words::frame_words(&e.render().to_string()));
            ExitCode::from(2)
        }
        _ => {
            eprint!("{}", message(&e));
            ExitCode::from(2)
        }
    }
}

/// The Vietnamese message for a refused command line.
pub fn message(e: &clap::Error) -> String {
    let one = |kind| text(e, kind).into_iter().next().unwrap_or_default();
    let many = |kind| text(e, kind);
    let problem = match e.kind() {
        ErrorKind::UnknownArgument => Problem::UnknownArgument {
            arg: one(ContextKind::InvalidArg),
        },
        ErrorKind::InvalidSubcommand => Problem::UnknownCommand {
            name: one(ContextKind::InvalidSubcommand),
        },
        ErrorKind::MissingSubcommand => Problem::MissingCommand {
            command: one(ContextKind::InvalidSubcommand),
            valid: many(ContextKind::ValidSubcommand),
        },
        ErrorKind::MissingRequiredArgument => Problem::MissingRequired {
            args: many(ContextKind::InvalidArg),
        },
        ErrorKind::InvalidValue if one(ContextKind::InvalidValue).is_empty() => {
            Problem::MissingValue {
                arg: one(ContextKind::InvalidArg),
            }
        }
        ErrorKind::InvalidValue => Problem::InvalidValue {
            arg: one(ContextKind::InvalidArg),
            value: one(ContextKind::InvalidValue),
            valid: many(ContextKind::ValidValue),
        },
        // The parser's reason is in English: the value and where are enough.
        ErrorKind::ValueValidation => Problem::BadValue {
            arg: one(ContextKind::InvalidArg),
            value: one(ContextKind::InvalidValue),
            why: String::new(),
        },
        ErrorKind::TooManyValues => Problem::UnexpectedValue {
            arg: one(ContextKind::InvalidArg),
            value: one(ContextKind::InvalidValue),
        },
        ErrorKind::ArgumentConflict => Problem::Conflict {
            arg: one(ContextKind::InvalidArg),
            with: many(ContextKind::PriorArg),
        },
        _ => Problem::Other,
    };
    let suggestion = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(|k| text(e, k))
    .find(|v| !v.is_empty());
    let usage = text(e, ContextKind::Usage).into_iter().next();
    words::error_text(&problem, suggestion.as_deref(), usage.as_deref())
}

/// The words clap kept about `kind`, as plain text.
fn text(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(args: &[&str]) -> String {
        let e = command().try_get_matches_from(args).expect_err("refused");
        message(&e)
    }

    fn help(args: &[&str]) -> String {
        let e = command().try_get_matches_from(args).expect_err("help");
        assert_eq!(e.kind(), ErrorKind::DisplayHelp);
        words::frame_words(&e.render().to_string())
    }

    #[test]
    fn help_has_no_english_frame_words() {
        for args in [
            &["chitra", "--help"][..],
            &["chitra", "user", "add", "--help"],
            &["chitra", "report", "day", "--help"],
            &["chitra", "drawer", "--help"],
        ] {
            let text = help(args);
            for english in [
                "Usage",
                "Options",
                "Commands",
                "Arguments",
                "Print help",
                "Print version",
                "possible values",
                "default:",
                "[env:",
                "Possible values",
                "<PATH>",
                "<NAME>",
            ] {
                assert!(!text.contains(english), "{english} in {args:?}:\n{text}");
            }
            assert!(text.contains("Cách dùng: chitra"), "{text}");
        }
    }

    #[test]
    fn refused_words_are_said_in_vietnamese_with_the_usage() {
        let text = refused(&["chitra", "repot"]);
        assert!(text.starts_with("chitra: không có lệnh “repot”."), "{text}");
        assert!(
            text.contains("Có phải ý bạn là") && text.contains("“report”"),
            "{text}"
        );
        assert!(
            !text.contains("error:") && !text.contains("Usage"),
            "{text}"
        );
        let text = refused(&["chitra", "report", "day", "--format", "pdf"]);
        assert!(text.contains("giá trị “pdf” không dùng được"), "{text}");
        assert!(
            text.contains("chọn một trong: text, csv, xlsx, json."),
            "{text}"
        );
        let text = refused(&["chitra", "user", "add"]);
        assert!(text.starts_with("chitra: còn thiếu "), "{text}");
        assert!(text.contains("Cách dùng: chitra user add"), "{text}");
    }
}

#[cfg(test)]
mod every_argument {
    use super::*;

    fn undescribed(cmd: &Command, path: &str, out: &mut Vec<String>) {
        let path = format!("{path} {}", cmd.get_name());
        for a in cmd.get_arguments() {
            if a.get_help().is_none() && a.get_long_help().is_none() {
                out.push(format!("{path} {}", a.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            undescribed(sub, &path, out);
        }
    }

    fn english_placeholders(cmd: &Command, path: &str, out: &mut Vec<String>) {
        let path = format!("{path} {}", cmd.get_name());
        for a in cmd
            .get_arguments()
            .filter(|a| a.get_action().takes_values())
        {
            for name in a.get_value_names().unwrap_or_default() {
                let name = name.as_str();
                let dates = ["YYYY-MM-DD", "YYYY-MM", "DD/MM/YYYY"];
                if name.is_ascii() && !dates.contains(&name) {
                    out.push(format!("{path} {}: <{name}>", a.get_id()));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            english_placeholders(sub, &path, out);
        }
    }

    #[test]
    fn every_value_is_named_in_vietnamese() {
        let mut out = Vec::new();
        let mut cmd = command();
        cmd.build();
        english_placeholders(&cmd, "", &mut out);
        assert!(out.is_empty(), "English placeholders: {out:#?}");
    }

    /// Words of an English sentence; none of them is Vietnamese, a value
    /// the user types or a format's name.
    const ENGLISH: &[&str] = &[
        "the", "and", "with", "for", "only", "read", "runs", "builds", "if", "of", "to", "is",
        "are", "from", "this", "that", "when", "not", "use", "default", "usage", "options",
        "error", "possible", "values", "testing", "print", "file", "path", "name", "date",
        "amount", "person", "day",
    ];

    fn english_words(cmd: &Command, path: &str, out: &mut Vec<String>) {
        let path = format!("{path} {}", cmd.get_name());
        let mut texts: Vec<String> = Vec::new();
        for t in [cmd.get_about(), cmd.get_long_about()]
            .into_iter()
            .flatten()
        {
            texts.push(t.to_string());
        }
        for t in [cmd.get_after_help(), cmd.get_after_long_help()]
            .into_iter()
            .flatten()
        {
            texts.push(t.to_string());
        }
        for a in cmd.get_arguments() {
            for t in [a.get_help(), a.get_long_help()].into_iter().flatten() {
                texts.push(t.to_string());
            }
            for v in a.get_possible_values() {
                if let Some(t) = v.get_help() {
                    texts.push(t.to_string());
                }
            }
        }
        for text in texts {
            // A word joined by `.`, `-`, `_` or `/` is a name the user
            // types (`database.path`, `not-home`), not a sentence's word.
            let found: Vec<&str> = text
                .split_whitespace()
                // An option (`--to`) is a name too.
                .filter(|w| !w.trim_start_matches(['(', '“']).starts_with('-'))
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.contains(['.', '-', '_', '/', '=']))
                .filter(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
                .collect();
            if !found.is_empty() {
                out.push(format!("{path}: {found:?} in “{text}”"));
            }
        }
        for sub in cmd.get_subcommands() {
            english_words(sub, &path, out);
        }
    }

    #[test]
    fn no_help_text_is_in_english() {
        let mut out = Vec::new();
        let mut cmd = command();
        cmd.build();
        english_words(&cmd, "", &mut out);
        assert!(out.is_empty(), "English in the help: {out:#?}");
    }

    #[test]
    fn every_command_and_argument_is_described() {
        let mut out = Vec::new();
        let mut cmd = command();
        cmd.build();
        undescribed(&cmd, "", &mut out);
        assert!(out.is_empty(), "without a description: {out:#?}");
    }
}
