//! `chitra demo`: a ready demo office — built on first use in its own
//! folder (`demo/`), then opened in the screens.
//!
//! The demo's users and PINs are printed before the screens open and stay
//! on the sign-in screen. For trying the demo on other dates, `--now` (or
//! CHITRA_DEMO_NOW, read by this command only) builds and runs it as if it
//! were that moment.

use crate::i18n::Lang;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;
use clap::Args;

use super::{Cli, Exit, fail};
use crate::demo::folder::{self, CONFIG_FILE, DB_FILE, Found};
use crate::demo::office::{Built, USERS};
use crate::i18n::Localize;
use crate::i18n::demo::DemoNote;
use crate::service::{Clock, Service};

#[derive(Debug, Args)]
#[command(
    after_help = "Để thử nghiệm: --now (hoặc biến môi trường CHITRA_DEMO_NOW, chỉ lệnh demo đọc) dựng và chạy văn phòng mẫu như thể bây giờ là thời điểm đó; đồng hồ chạy tiếp từ đó."
)]
pub struct DemoArgs {
    /// Số người trong danh sách của xã
    #[arg(long, default_value_t = 400, value_name = "SỐ_NGƯỜI")]
    pub people: usize,
    /// Xây lại văn phòng mẫu từ đầu (xóa văn phòng mẫu cũ)
    #[arg(long)]
    pub fresh: bool,
    /// Chỉ xây, không mở màn hình
    #[arg(long)]
    pub no_screens: bool,
    /// Thư mục của văn phòng mẫu
    #[arg(long, default_value = "demo", value_name = "THƯ_MỤC")]
    pub dir: PathBuf,
    /// Chỉ để thử nghiệm: coi bây giờ là thời điểm này (2026-12-06, 2026-12-06T10:00 hoặc RFC 3339)
    #[arg(long, env = "CHITRA_DEMO_NOW", value_name = "THỜI_ĐIỂM")]
    pub now: Option<String>,
}

pub fn run(cli: &Cli, args: &DemoArgs) -> Result<(), Exit> {
    // Until the folder's configuration is read (or when it is not there
    // yet), the demo speaks Vietnamese, the default.
    let lang = crate::config::Config::load(&args.dir.join(CONFIG_FILE))
        .map(|c| c.interface.language)
        .unwrap_or_default();
    // The demo never takes its database from CHITRA_DB (which may name the
    // office's real database); it keeps its own inside its folder.
    let from_env = std::env::var_os("CHITRA_DB").map(PathBuf::from);
    if cli.db.is_some() && cli.db != from_env {
        return Err(fail(lang, DemoNote::DbGiven.localize(lang)));
    }
    let now =
        match &args.now {
            Some(text) => Some(parse_now(text).ok_or_else(|| {
                fail(lang, DemoNote::BadNow { text: text.clone() }.localize(lang))
            })?),
            None => None,
        };
    // The demo office keeps the default time zone, whatever TZ says.
    let at = now.unwrap_or_else(|| Utc::now().with_timezone(&Ho_Chi_Minh).fixed_offset());
    let dir = &args.dir;
    let replace = match folder::look(dir) {
        Found::Missing => Some(false),
        Found::Incomplete => {
            eprintln!("{}", DemoNote::Incomplete { dir }.localize(lang));
            Some(true)
        }
        Found::Foreign => {
            return Err(fail(
                lang,
                folder::DemoError::NotADemoFolder { dir: dir.clone() },
            ));
        }
        Found::Complete { .. } if args.fresh => Some(true),
        Found::Complete { built_for } => {
            say(&place(lang, dir));
            print_users(lang);
            if built_for.date_naive() != at.date_naive() {
                let built_for = built_for.format("%d/%m/%Y").to_string();
                say(&DemoNote::OtherDay { built_for }.localize(lang));
            }
            None
        }
    };
    if let Some(replace) = replace {
        eprintln!("{}", DemoNote::Building { dir }.localize(lang));
        let built = folder::build(dir, args.people, at, replace).map_err(|e| fail(lang, e))?;
        print_summary(lang, dir, &built);
    }
    if args.no_screens {
        return Ok(());
    }
    let users: Vec<String> = USERS
        .iter()
        .map(|(name, _, _, pin)| format!("{name}/{pin}"))
        .collect();
    let note = DemoNote::SignIn {
        users: users.join(", "),
    };
    crate::tui::screens::sign_in::set_note(note.localize(lang));
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        println!();
        say(&DemoNote::PressEnter.localize(lang));
        let _ = std::io::stdin().read_line(&mut String::new());
    }
    let config = crate::config::Config::load(&dir.join(CONFIG_FILE)).map_err(|e| fail(lang, e))?;
    let lang = config.interface.language;
    let db = config.database.path.clone();
    let mut service = Service::open(Arc::new(config), &db).map_err(|e| fail(lang, e))?;
    if let Some(from) = now {
        service = service.with_clock(Arc::new(RunsFrom {
            from,
            started: Instant::now(),
        }));
    }
    crate::tui::run(service).map_err(|e| fail(lang, e))
}

/// `--now`: RFC 3339, or a local date and time ("2026-12-06T10:00",
/// "2026-12-06 10:00"), or a date alone (10:00 that day).
fn parse_now(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t);
    }
    let local = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(10, 0, 0))
        })?;
    Ho_Chi_Minh
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.fixed_offset())
}

/// A clock that starts at `from` and runs on in real time: the screens of a
/// demo built with `--now`.
struct RunsFrom {
    from: DateTime<FixedOffset>,
    started: Instant,
}

impl Clock for RunsFrom {
    fn now(&self) -> DateTime<FixedOffset> {
        let run = chrono::Duration::from_std(self.started.elapsed()).unwrap_or_default();
        self.from + run
    }
}

fn place(lang: Lang, dir: &Path) -> String {
    DemoNote::Place {
        db: &dir.join(DB_FILE),
        config: &dir.join(CONFIG_FILE),
    }
    .localize(lang)
}

/// Columns the demo's notes are broken into lines for: the terminal's
/// width, at most 80 (the clerks' PuTTY), 80 when not a terminal.
fn note_width() -> usize {
    let cols = std::io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map_or(80, |(cols, _)| usize::from(cols));
    cols.clamp(40, 80)
}

/// Prints a note of one or more lines, each broken at spaces to
/// [`note_width`] (a line's own indent kept, its continuation indented two
/// more), so the terminal never breaks a word or a command in two.
fn say(text: &str) {
    for line in note_lines(text, note_width()) {
        println!("{line}");
    }
}

fn note_lines(text: &str, cols: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut out = Vec::new();
    for line in text.lines() {
        let body = line.trim_start();
        if body.is_empty() || line.width() <= cols {
            // A line that fits keeps its spacing (aligned labels).
            out.push(line.trim_end().to_string());
            continue;
        }
        let lead = &line[..line.len() - body.len()];
        let room = cols.saturating_sub(lead.width()).max(20);
        for piece in crate::text::layout::wrap_hanging(body, room, "  ") {
            out.push(format!("{lead}{piece}"));
        }
    }
    out
}

fn print_users(lang: Lang) {
    say(&DemoNote::Users.localize(lang));
    for (name, full, role, pin) in USERS {
        println!(
            "  {name:<8} {pin}   {full} ({})",
            crate::i18n::demo::role(lang, role)
        );
    }
}

fn print_summary(lang: Lang, dir: &Path, b: &Built) {
    let built = DemoNote::Built {
        people: b.people,
        payments: b.payments,
        closed_days: b.closed_days,
    };
    say(&built.localize(lang));
    say(&place(lang, dir));
    let config = dir.join(CONFIG_FILE);
    // The lists' names side by side under their folder's: the whole note
    // then fits the 24 rows of the clerks' terminal.
    let folder = b
        .files
        .first()
        .and_then(|f| f.parent())
        .map(|f| dir.join(f))
        .unwrap_or_else(|| dir.to_path_buf());
    say(&DemoNote::Files {
        config: &config,
        folder: &folder,
    }
    .localize(lang));
    let names: Vec<String> = b
        .files
        .iter()
        .filter_map(|f| f.file_name())
        .map(|f| f.to_string_lossy().into_owned())
        .collect();
    for line in file_columns(&names, note_width()) {
        println!("{line}");
    }
    if let Some((n, hamlet)) = &b.round {
        say(&crate::i18n::rounds::demo_hint(lang, *n, hamlet));
    }
    say(crate::i18n::month_screens::demo_month_hint(lang));
    if let Some((code, name)) = &b.heir_case {
        say(&crate::i18n::heir::demo_hint(
            lang,
            code,
            name,
            &dir.join(CONFIG_FILE),
        ));
    }
    print_users(lang);
}

/// File names two to a line when two fit in `cols` (each column as wide as
/// the widest name), one to a line otherwise; indented two spaces.
fn file_columns(names: &[String], cols: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let widest = names.iter().map(|n| n.width()).max().unwrap_or(0);
    let per_line = if 2 + widest + 3 + widest <= cols {
        2
    } else {
        1
    };
    names
        .chunks(per_line)
        .map(|pair| match pair {
            [a, b] => format!("  {a}{}   {b}", " ".repeat(widest - a.width())),
            [a, ..] => format!("  {a}"),
            [] => String::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{file_columns, note_lines, parse_now};
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn a_note_is_broken_at_spaces_within_the_width_keeping_its_indent() {
        let note = "Thử tháng: nhập các danh sách giảm, tăng, điều chỉnh (chitra import TỆP --kind decrease|increase|adjustment, xem trước rồi xác nhận).\n  chitra --config demo/chitra.toml heir add HD-00514 --name … --id-number … (xem --help),";
        let lines = note_lines(note, 80);
        assert!(lines.iter().all(|l| l.width() <= 80), "{lines:#?}");
        // Every word of the note is whole on some line.
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(words, note.split_whitespace().collect::<Vec<_>>());
        assert!(lines.len() >= 3, "{lines:#?}");
        // A line that fits is left as it is, its spacing kept.
        assert_eq!(
            note_lines("Cấu hình:      demo/chitra.toml", 80),
            ["Cấu hình:      demo/chitra.toml"]
        );
        // The indented command stays indented, its continuation more so.
        let at = lines
            .iter()
            .position(|l| l.starts_with("  chitra"))
            .unwrap();
        assert!(lines[at + 1].starts_with("    "), "{lines:#?}");
    }

    #[test]
    fn the_demo_files_go_two_to_a_line_when_two_fit() {
        let names: Vec<String> = [
            "danh-sach-chi-tra-2026-11.csv",
            "danh-sach-chi-tra-2026-12.xlsx",
            "chi-tai-nha-chuyen-1.txt",
        ]
        .map(String::from)
        .to_vec();
        let lines = file_columns(&names, 80);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].ends_with("   danh-sach-chi-tra-2026-12.xlsx"));
        assert_eq!(lines[1], "  chi-tai-nha-chuyen-1.txt");
        assert_eq!(file_columns(&names, 60).len(), 3);
    }

    #[test]
    fn now_is_read_as_a_moment_a_local_time_or_a_date() {
        let t = parse_now("2027-01-04T08:30:00+07:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2027-01-04T08:30:00+07:00");
        let t = parse_now("2028-02-29 16:45").unwrap();
        assert_eq!(t.format("%d/%m/%Y %H:%M").to_string(), "29/02/2028 16:45");
        let t = parse_now("2026-12-31").unwrap();
        assert_eq!(t.format("%d/%m/%Y %H:%M").to_string(), "31/12/2026 10:00");
        assert!(parse_now("31/12/2026").is_none());
        assert!(parse_now("2026-02-30").is_none());
    }
}
