//! What every command needs: the configuration, the database path, the
//! acting user and their PIN — resolved from flags, the environment and
//! prompts, never from a PIN on the command line.

use crate::i18n::Lang;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Cli, Exit, fail};
use crate::config::Config;
use crate::files::out::OutFile;
use crate::i18n;
use crate::service::{AuthError, Service, Session};

pub struct Context {
    pub config: Arc<Config>,
    pub db: PathBuf,
}

impl Context {
    /// Loads the configuration and picks the database: `--db`, else
    /// CHITRA_DB (both through clap), else the configuration.
    /// Without a configuration there is no language yet: that error is
    /// said in Vietnamese, the default.
    pub fn load(cli: &Cli) -> Result<Context, Exit> {
        let config = Config::locate(cli.config.as_deref()).map_err(|e| fail(Lang::default(), e))?;
        let db = cli
            .db
            .clone()
            .unwrap_or_else(|| config.database.path.clone());
        Ok(Context {
            config: Arc::new(config),
            db,
        })
    }

    /// The language of the configuration `cli` points to, for what is said
    /// before a command loads it (Vietnamese, the default, without one).
    pub fn lang_of(cli: &Cli) -> i18n::Lang {
        Config::locate(cli.config.as_deref())
            .map(|c| c.interface.language)
            .unwrap_or_default()
    }

    /// The interface language, from the configuration: pass it to every
    /// word, document and printer the command uses.
    pub fn lang(&self) -> i18n::Lang {
        self.config.interface.language
    }

    pub fn open(&self) -> Result<Service, Exit> {
        let lang = self.lang();
        Service::open(self.config.clone(), &self.db).map_err(|e| fail(lang, e))
    }

    /// Opens the database and signs in the acting user.
    pub fn sign_in(&self, cli: &Cli) -> Result<(Service, Session), Exit> {
        let mut service = self.open()?;
        let session = self.sign_in_to(&mut service, cli)?;
        Ok((service, session))
    }

    /// [`Context::sign_in`] for a command that writes a file at `out`
    /// (`--out`): the place is checked against the office's own files and
    /// the file prepared ([`Service::out_file`]) before the user signs in,
    /// which the audit log records, so a place refused changes nothing.
    pub fn sign_in_with_out(
        &self,
        cli: &Cli,
        out: Option<&Path>,
    ) -> Result<(Service, Session, Option<OutFile>), Exit> {
        let lang = self.lang();
        let mut service = self.open()?;
        let file = out
            .map(|p| service.out_file(p))
            .transpose()
            .map_err(|e| fail(lang, e))?;
        let session = self.sign_in_to(&mut service, cli)?;
        Ok((service, session, file))
    }

    fn sign_in_to(&self, service: &mut Service, cli: &Cli) -> Result<Session, Exit> {
        let lang = self.lang();
        let name = match &cli.user {
            Some(n) => n.clone(),
            None => return Err(fail(lang, AuthError::Missing)),
        };
        let pin = read_pin(lang, "CHITRA_PIN", &prompt_pin(lang, &name))?;
        service.sign_in(&name, &pin).map_err(|e| fail(lang, e))
    }
}

fn prompt_pin(lang: Lang, name: &str) -> String {
    i18n::commands::users::pin_of(lang, name)
}

/// A PIN from the environment variable `var`, else typed at the terminal
/// (not echoed). Without either, the command is refused.
pub fn read_pin(lang: Lang, var: &str, prompt: &str) -> Result<String, Exit> {
    if let Ok(pin) = std::env::var(var) {
        return Ok(pin);
    }
    rpassword::prompt_password(prompt).map_err(|_| {
        if var == "CHITRA_PIN" {
            fail(lang, AuthError::Missing)
        } else {
            // Another person's PIN (an approver, a clerk handed cash):
            // say whose and how, not the user's own sign-in.
            fail(lang, i18n::service::pin_missing(lang, var, prompt))
        }
    })
}

/// A new PIN: CHITRA_NEW_PIN, else typed twice at the terminal.
pub fn read_new_pin(lang: Lang) -> Result<String, Exit> {
    if let Ok(pin) = std::env::var("CHITRA_NEW_PIN") {
        return Ok(pin);
    }
    use i18n::commands::users as phrases;
    let (first, again, differ) = (
        phrases::new_pin(lang),
        phrases::new_pin_again(lang),
        phrases::pins_differ(lang),
    );
    let a = rpassword::prompt_password(first).map_err(|_| fail(lang, AuthError::Missing))?;
    let b = rpassword::prompt_password(again).map_err(|_| fail(lang, AuthError::Missing))?;
    if a != b {
        return Err(fail(lang, differ));
    }
    Ok(a)
}
