//! The office's configuration (`config/chitra.toml`), loaded with serde.
//!
//! Where it comes from: `--config PATH`, else `CHITRA_CONFIG`, else
//! `./config/chitra.toml`, else `/etc/chitra/chitra.toml`. Relative paths in
//! the file are taken from the file's own folder. A missing file, a syntax
//! error or an unknown key is reported with the line it is on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub office: Office,
    pub database: Database,
    pub payment: Payment,
    pub cash: Cash,
    pub receipt: Receipt,
    pub backup: Backup,
    #[serde(default)]
    pub interface: Interface,
    #[serde(default)]
    pub import: Import,
    #[serde(default)]
    pub doctor: Doctor,
    #[serde(default)]
    pub cashless: Cashless,
    pub period: PeriodSettings,
    /// The file this configuration was read from.
    #[serde(skip)]
    pub source: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub name: String,
    pub code: String,
    pub commune: String,
    pub province: String,
    pub paying_agency: String,
    /// The office's time zone (IANA name): the business day and every time
    /// recorded are in this zone, whatever the process environment says.
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
}

/// Vietnam's zone: UTC+7 all year.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Ho_Chi_Minh";

fn default_time_zone() -> String {
    DEFAULT_TIME_ZONE.to_string()
}

impl Office {
    /// The office's time zone. A name that is not a zone is refused when the
    /// configuration is loaded, so this is always the configured zone.
    pub fn zone(&self) -> chrono_tz::Tz {
        self.time_zone
            .trim()
            .parse()
            .unwrap_or(chrono_tz::Asia::Ho_Chi_Minh)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Database {
    pub path: PathBuf,
    /// The audit key file; by default `<path>.key`, beside the database.
    #[serde(default)]
    pub key_path: Option<PathBuf>,
    #[serde(default = "default_busy_timeout")]
    pub busy_timeout_ms: u64,
}

fn default_busy_timeout() -> u64 {
    10_000
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    pub window_first_day: u32,
    pub window_last_day: u32,
    /// After how many months in a row unpaid a person is proposed to the
    /// social-affairs office for suspension when a period is closed (0:
    /// never).
    #[serde(default = "default_suspend_after")]
    pub suspend_after_unpaid_months: u32,
}

fn default_suspend_after() -> u32 {
    3
}

/// The end of the month (`[period]`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodSettings {
    /// After how many months in a row unpaid a person is proposed for
    /// suspension when a period is closed (0: never); when absent,
    /// `payment.suspend_after_unpaid_months`.
    pub suspend_after_months: Option<u32>,
}

impl Config {
    /// After how many unpaid months in a row a person is proposed for
    /// suspension (0: never).
    pub fn suspend_after_months(&self) -> u32 {
        self.period
            .suspend_after_months
            .unwrap_or(self.payment.suspend_after_unpaid_months)
    }
}

impl Payment {
    /// Whether `day` (1–31) is inside the payment window.
    pub fn in_window(&self, day: u32) -> bool {
        (self.window_first_day..=self.window_last_day).contains(&day)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cash {
    pub denominations: Vec<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    pub prefix: String,
    pub spool_dir: PathBuf,
    #[serde(default)]
    pub printer: String,
    /// The monospace TrueType font receipts and reports are printed in.
    #[serde(default = "default_font")]
    pub font: PathBuf,
}

/// Liberation Mono (Debian's fonts-liberation2): monospace, with every
/// Vietnamese letter. DejaVu Sans Mono lacks 46 of them (ả, ấ, ở, …).
pub const DEFAULT_FONT: &str = "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf";

fn default_font() -> PathBuf {
    PathBuf::from(DEFAULT_FONT)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub dir: PathBuf,
    #[serde(default = "default_keep")]
    pub keep: usize,
}

fn default_keep() -> usize {
    60
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    #[serde(default)]
    pub language: Lang,
    /// Minutes without a key after which a signed-in screen locks until
    /// its user types their PIN again; 0 never locks.
    #[serde(default = "default_lock_after_minutes")]
    pub lock_after_minutes: u32,
}

impl Default for Interface {
    fn default() -> Interface {
        Interface {
            language: Lang::default(),
            lock_after_minutes: default_lock_after_minutes(),
        }
    }
}

fn default_lock_after_minutes() -> u32 {
    5
}

impl Interface {
    /// How long the keyboard may rest before the screen locks.
    pub fn lock_after(&self) -> Option<std::time::Duration> {
        (self.lock_after_minutes > 0)
            .then(|| std::time::Duration::from_secs(u64::from(self.lock_after_minutes) * 60))
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Import {
    /// Header texts per column code, replacing the built-in ones.
    #[serde(default)]
    pub headers: BTreeMap<String, Vec<String>>,
}

/// What `chitra doctor` calls a problem.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doctor {
    /// Free space on the data folder's disk below which doctor warns, in MiB.
    #[serde(default = "default_min_free_mib")]
    pub min_free_mib: u64,
    /// The newest backup older than this many hours is a warning.
    #[serde(default = "default_backup_max_age_hours")]
    pub backup_max_age_hours: u64,
    /// The SSH server's configuration, checked for the forced command when
    /// it can be read.
    #[serde(default = "default_sshd_config")]
    pub sshd_config: PathBuf,
}

/// The plan's goal for payment without cash (bank or digital account).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cashless {
    /// The share of people the office aims to pay without cash, in percent.
    #[serde(default = "default_cashless_target")]
    pub target_percent: u8,
}

impl Default for Cashless {
    fn default() -> Cashless {
        Cashless {
            target_percent: default_cashless_target(),
        }
    }
}

fn default_cashless_target() -> u8 {
    50
}

impl Default for Doctor {
    fn default() -> Doctor {
        Doctor {
            min_free_mib: default_min_free_mib(),
            backup_max_age_hours: default_backup_max_age_hours(),
            sshd_config: default_sshd_config(),
        }
    }
}

fn default_min_free_mib() -> u64 {
    1024
}

fn default_backup_max_age_hours() -> u64 {
    48
}

fn default_sshd_config() -> PathBuf {
    PathBuf::from("/etc/ssh/sshd_config")
}

/// Why a configuration could not be used.
#[derive(Debug)]
pub enum ConfigError {
    /// No file was named and none was found in the usual places.
    NotFound { tried: Vec<PathBuf> },
    /// The named file could not be read.
    Unreadable { path: PathBuf, reason: String },
    /// The file is not valid TOML, or a key is unknown, missing or of the
    /// wrong type. `line` is 1-based when known.
    Invalid {
        path: PathBuf,
        line: Option<usize>,
        reason: String,
    },
    /// The file is valid but a value is not acceptable.
    BadValue {
        path: PathBuf,
        key: &'static str,
        reason: String,
    },
}

impl Config {
    /// Finds and loads the configuration: `explicit` (from `--config`), else
    /// CHITRA_CONFIG, else the usual places.
    pub fn locate(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        if let Some(p) = explicit {
            return Config::load(p);
        }
        if let Some(p) = std::env::var_os("CHITRA_CONFIG").filter(|p| !p.is_empty()) {
            return Config::load(Path::new(&p));
        }
        let tried = vec![
            PathBuf::from("config/chitra.toml"),
            PathBuf::from("/etc/chitra/chitra.toml"),
        ];
        for p in &tried {
            if p.is_file() {
                return Config::load(p);
            }
        }
        Err(ConfigError::NotFound { tried })
    }

    /// Loads the configuration from one file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Unreadable {
            path: path.to_path_buf(),
            reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
        })?;
        Config::parse(&text, path)
    }

    /// Parses configuration text; `path` names it in messages and anchors
    /// relative paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: e.span().map(|s| line_of(text, s.start)),
            reason: e.message().to_string(),
        })?;
        config.source = path.to_path_buf();
        let base = path.parent().unwrap_or(Path::new("."));
        for p in [
            &mut config.database.path,
            &mut config.receipt.spool_dir,
            &mut config.receipt.font,
            &mut config.backup.dir,
        ] {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        if let Some(k) = config.database.key_path.as_mut()
            && k.is_relative()
        {
            *k = base.join(&*k);
        }
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), ConfigError> {
        let bad = |key, reason: &str| {
            Err(ConfigError::BadValue {
                path: self.source.clone(),
                key,
                reason: reason.to_string(),
            })
        };
        let p = &self.payment;
        if !(1..=31).contains(&p.window_first_day)
            || !(1..=31).contains(&p.window_last_day)
            || p.window_first_day > p.window_last_day
        {
            return bad("payment.window_first_day", "1 <= first <= last <= 31");
        }
        let d = &self.cash.denominations;
        if d.is_empty() || d.iter().any(|&v| v <= 0) || d.windows(2).any(|w| w[0] <= w[1]) {
            return bad("cash.denominations", "> 0, largest first, no repeats");
        }
        if self
            .office
            .time_zone
            .trim()
            .parse::<chrono_tz::Tz>()
            .is_err()
        {
            return bad("office.time_zone", "Asia/Ho_Chi_Minh");
        }
        if self.office.code.trim().is_empty() {
            return bad("office.code", "empty");
        }
        if self.receipt.prefix.trim().is_empty()
            || !self
                .receipt
                .prefix
                .chars()
                .all(|c| c.is_ascii_alphanumeric())
        {
            return bad("receipt.prefix", "A-Z, 0-9");
        }
        for key in self.import.headers.keys() {
            if crate::import::Field::from_code(key).is_none() {
                return Err(ConfigError::BadValue {
                    path: self.source.clone(),
                    key: "import.headers",
                    reason: key.clone(),
                });
            }
        }
        Ok(())
    }
}

/// The 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../config/chitra.toml");

    #[test]
    fn the_shipped_config_loads_and_anchors_paths() {
        let c = Config::parse(SHIPPED, Path::new("/etc/chitra/chitra.toml")).unwrap();
        assert_eq!(c.office.code, "HD01");
        assert_eq!(c.database.path, Path::new("/etc/chitra/../data/chitra.db"));
        assert!(c.payment.in_window(2) && c.payment.in_window(25));
        assert!(!c.payment.in_window(1) && !c.payment.in_window(26));
        assert_eq!(c.cash.denominations[0], 500_000);
        assert_eq!(c.interface.language, Lang::Vi);
    }

    #[test]
    fn a_misspelt_key_is_reported_with_its_line() {
        let text = SHIPPED.replace("window_last_day = 25", "window_lastday = 25");
        let want = SHIPPED
            .lines()
            .position(|l| l.starts_with("window_last_day"))
            .unwrap()
            + 1;
        match Config::parse(&text, Path::new("x.toml")) {
            Err(ConfigError::Invalid { line, reason, .. }) => {
                assert!(reason.contains("window_lastday"), "{reason}");
                // serde reports an unknown key at the key or at its table.
                let line = line.unwrap();
                assert!(
                    line <= want && line >= want - 3,
                    "line {line}, want ~{want}"
                );
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let text = SHIPPED.replace("code = \"HD01\"", "code = \"HD01");
        let want = SHIPPED
            .lines()
            .position(|l| l.starts_with("code ="))
            .unwrap()
            + 1;
        match Config::parse(&text, Path::new("x.toml")) {
            Err(ConfigError::Invalid { line, .. }) => assert_eq!(line, Some(want)),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn an_inverted_payment_window_is_refused() {
        let text = SHIPPED.replace("window_first_day = 2", "window_first_day = 28");
        assert!(matches!(
            Config::parse(&text, Path::new("x.toml")),
            Err(ConfigError::BadValue {
                key: "payment.window_first_day",
                ..
            })
        ));
    }

    #[test]
    fn suspension_after_months_is_read_from_period_else_from_payment() {
        let shipped = Config::parse(SHIPPED, Path::new("x.toml")).unwrap();
        assert_eq!(shipped.suspend_after_months(), 3);
        let never = SHIPPED.replace("suspend_after_months = 3", "suspend_after_months = 0");
        let never = Config::parse(&never, Path::new("x.toml")).unwrap();
        assert_eq!(never.suspend_after_months(), 0);
        let older = SHIPPED.replace("suspend_after_months = 3", "").replace(
            "window_last_day = 25",
            "window_last_day = 25\nsuspend_after_unpaid_months = 5",
        );
        let older = Config::parse(&older, Path::new("x.toml")).unwrap();
        assert_eq!(older.suspend_after_months(), 5);
    }

    #[test]
    fn unknown_header_fields_are_refused() {
        let text = format!("{SHIPPED}\nho_ten = [\"Tên\"]\n");
        assert!(matches!(
            Config::parse(&text, Path::new("x.toml")),
            Err(ConfigError::BadValue {
                key: "import.headers",
                ..
            })
        ));
    }

    #[test]
    fn the_office_zone_defaults_to_vietnam_and_accepts_a_name() {
        let c = Config::parse(SHIPPED, Path::new("x.toml")).unwrap();
        assert_eq!(c.office.zone(), chrono_tz::Asia::Ho_Chi_Minh);
        let without: String = SHIPPED
            .lines()
            .filter(|l| !l.starts_with("time_zone"))
            .map(|l| format!("{l}\n"))
            .collect();
        let c = Config::parse(&without, Path::new("x.toml")).unwrap();
        assert_eq!(c.office.time_zone, DEFAULT_TIME_ZONE);
        let text = SHIPPED.replace(
            "time_zone = \"Asia/Ho_Chi_Minh\"",
            "time_zone = \"Asia/Bangkok\"",
        );
        let c = Config::parse(&text, Path::new("x.toml")).unwrap();
        assert_eq!(c.office.zone(), chrono_tz::Asia::Bangkok);
    }

    #[test]
    fn a_time_zone_that_is_not_a_zone_is_refused() {
        let text = SHIPPED.replace(
            "time_zone = \"Asia/Ho_Chi_Minh\"",
            "time_zone = \"Asia/Hanoi\"",
        );
        assert!(matches!(
            Config::parse(&text, Path::new("x.toml")),
            Err(ConfigError::BadValue {
                key: "office.time_zone",
                ..
            })
        ));
    }

    #[test]
    fn english_can_be_chosen() {
        let text = SHIPPED.replace("language = \"vi\"", "language = \"en\"");
        let c = Config::parse(&text, Path::new("x.toml")).unwrap();
        assert_eq!(c.interface.language, Lang::En);
    }
}
