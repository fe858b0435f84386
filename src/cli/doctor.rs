//! `chitra doctor`: checks the server's set-up (owner and modes of the data,
//! the audit key file, the office's time zone and clock, free disk, the
//! newest backup, SSH's forced command) and says what to do about each
//! problem. Exit 0 when all is well, 1 when something needs attention.

use crate::i18n::commands::doctor as phrases;
use clap::Args;
use serde_json::json;

use super::{Cli, Exit};
use crate::config::Config;
use crate::i18n::{Lang, Localize, doctor as words};
use crate::service::doctor::{Report, Topic, examine};
use crate::service::{Clock, SystemClock};

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(cli: &Cli, args: &DoctorArgs) -> Result<(), Exit> {
    // Without a configuration the report is in Vietnamese, the default.
    let mut lang = Lang::default();
    let report = match Config::locate(cli.config.as_deref()) {
        Ok(config) => {
            lang = config.interface.language;
            let db = cli
                .db
                .clone()
                .unwrap_or_else(|| config.database.path.clone());
            examine(&config, &db, SystemClock::for_office(&config).now())
        }
        Err(e) => Report::config_failed(
            e.localize(lang),
            SystemClock::new(chrono_tz::Asia::Ho_Chi_Minh).now(),
        ),
    };
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&as_json(lang, &report)).unwrap_or_default()
        );
    } else {
        print_text(lang, &report);
    }
    if report.ok() {
        Ok(())
    } else {
        Err(Exit::NotFound)
    }
}

fn print_text(lang: Lang, r: &Report) {
    println!("chitra doctor — {}", r.db.display());
    for topic in Topic::ALL {
        let found: Vec<_> = r.findings.iter().filter(|f| f.topic() == topic).collect();
        if found.is_empty() {
            println!(
                "  {}  {}: {}",
                phrases::ok(lang),
                words::topic(lang, topic),
                words::passed(lang, topic, r)
            );
        } else {
            println!(
                "  {}  {}:",
                phrases::attend(lang),
                words::topic(lang, topic)
            );
            for f in found {
                println!("      - {}", f.localize(lang));
            }
        }
    }
    if r.ok() {
        println!("{}", phrases::all_well(lang));
    } else {
        println!(
            "{} {}",
            r.findings.len(),
            phrases::things_need_attention(lang)
        );
    }
}

fn as_json(lang: Lang, r: &Report) -> serde_json::Value {
    json!({
        "ok": r.ok(),
        "db": r.db.display().to_string(),
        "time_zone": r.zone,
        "now": crate::service::clock::stamp(r.now),
        "free_mib": r.free_mib,
        "checks": Topic::ALL.iter().map(|&topic| json!({
            "topic": topic,
            "ok": r.passed(topic),
            "note": if r.passed(topic) { Some(words::passed(lang, topic, r)) } else { None },
        })).collect::<Vec<_>>(),
        "findings": r.findings.iter().map(|f| json!({
            "topic": f.topic(),
            "code": f.code(),
            "message": f.localize(lang),
        })).collect::<Vec<_>>(),
    })
}
