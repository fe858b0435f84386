//! `chitra demo`: a ready demo office — built on first use, then opened in
//! the screens.

use std::path::PathBuf;

use clap::Args;

use super::{Cli, Exit, fail};
use crate::demo::office::{self, USERS};
use crate::i18n::{Lang, lang, tr as t};

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Số người trong danh sách của xã
    #[arg(long, default_value_t = 400, value_name = "N")]
    pub people: usize,
    /// Xây lại văn phòng mẫu từ đầu (xóa cơ sở dữ liệu mẫu cũ)
    #[arg(long)]
    pub fresh: bool,
    /// Chỉ xây, không mở màn hình
    #[arg(long)]
    pub no_screens: bool,
}

pub fn run(cli: &Cli, args: &DemoArgs) -> Result<(), Exit> {
    // The demo never takes its database from CHITRA_DB (which may name the
    // office's real database), only from an explicit --db.
    let from_env = std::env::var_os("CHITRA_DB").map(PathBuf::from);
    let db = cli.db.clone().filter(|d| Some(d) != from_env.as_ref());
    let dir = match &db {
        Some(p) => p
            .parent()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(".")),
        None => PathBuf::from("demo"),
    };
    let config_file = dir.join("chitra.toml");
    let db = db.unwrap_or_else(|| dir.join("chitra-demo.db"));
    if args.fresh && db.exists() {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = db.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }
    if !db.exists() {
        eprintln!(
            "{}",
            t("Đang dựng văn phòng mẫu…", "Building the demo office…")
        );
        let built = office::build_at(&dir, &db, args.people, demo_now()).map_err(fail)?;
        print_summary(&built);
    } else {
        office::write_config_for(&dir, &db).map_err(fail)?;
        print_users();
    }
    if args.no_screens {
        return Ok(());
    }
    let users: Vec<String> = USERS
        .iter()
        .map(|(name, _, _, pin)| format!("{name}/{pin}"))
        .collect();
    crate::tui::screens::sign_in::set_note(format!(
        "{} {}",
        t("Văn phòng mẫu — tên/PIN:", "Demo office — name/PIN:"),
        users.join(", ")
    ));
    let config = crate::config::Config::load(&config_file).map_err(fail)?;
    crate::i18n::set_lang(config.interface.language);
    let service = crate::service::Service::open(std::sync::Arc::new(config), &db).map_err(fail)?;
    crate::tui::run(service).map_err(fail)
}

fn print_users() {
    println!(
        "{}",
        t("Người dùng mẫu (tên / mã PIN):", "Demo users (name / PIN):")
    );
    for (name, full, role, pin) in USERS {
        println!("  {name:<8} {pin}   {full} ({})", role.code());
    }
}

fn print_summary(b: &office::Built) {
    match lang() {
        Lang::Vi => {
            println!(
                "Văn phòng mẫu: {} người, {} lần chi đã ghi.",
                b.people, b.payments
            );
            println!("Cơ sở dữ liệu: {}", b.db.display());
            println!("Cấu hình:      {}", b.config_file.display());
            println!(
                "Tệp danh sách mẫu (thử: chitra --config {} import TỆP --dry-run):",
                b.config_file.display()
            );
        }
        Lang::En => {
            println!(
                "Demo office: {} people, {} payments recorded.",
                b.people, b.payments
            );
            println!("Database: {}", b.db.display());
            println!("Config:   {}", b.config_file.display());
            println!(
                "Sample lists (try: chitra --config {} import FILE --dry-run):",
                b.config_file.display()
            );
        }
    }
    for f in &b.files {
        println!("  {}", f.display());
    }
    print_users();
}

/// Now in the demo office's zone (the demo's configuration keeps the default).
fn demo_now() -> chrono::DateTime<chrono::FixedOffset> {
    use crate::service::{Clock, SystemClock};
    SystemClock::new(chrono_tz::Asia::Ho_Chi_Minh).now()
}
