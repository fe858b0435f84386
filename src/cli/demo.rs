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
    after_help = "Để thử nghiệm: --now (hoặc biến môi trường CHITRA_DEMO_NOW, chỉ lệnh demo đọc) dựng và chạy văn phòng mẫu như thể bây giờ là thời điểm đó; đồng hồ chạy tiếp từ đó.\nFor testing: --now (or CHITRA_DEMO_NOW, read by demo only) builds and runs the demo as if it were that moment."
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
            println!("{}", place(lang, dir));
            print_users(lang);
            if built_for.date_naive() != at.date_naive() {
                let built_for = built_for.format("%d/%m/%Y").to_string();
                println!("{}", DemoNote::OtherDay { built_for }.localize(lang));
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
        println!("\n{}", DemoNote::PressEnter.localize(lang));
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

fn print_users(lang: Lang) {
    println!("{}", DemoNote::Users.localize(lang));
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
    println!("{}", built.localize(lang));
    println!("{}", place(lang, dir));
    let config = dir.join(CONFIG_FILE);
    println!("{}", DemoNote::Files { config: &config }.localize(lang));
    for f in &b.files {
        println!("  {}", dir.join(f).display());
    }
    if let Some((n, hamlet)) = &b.round {
        println!("{}", crate::i18n::rounds::demo_hint(lang, *n, hamlet));
    }
    println!("{}", crate::i18n::month_screens::demo_month_hint(lang));
    if let Some((code, name)) = &b.heir_case {
        println!(
            "{}",
            crate::i18n::heir::demo_hint(lang, code, name, &dir.join(CONFIG_FILE))
        );
    }
    print_users(lang);
}

#[cfg(test)]
mod tests {
    use super::parse_now;

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
