//! Creating the database with its first supervisor, and managing users.
//!
//! Only a supervisor adds, locks or unlocks users; anyone may change their
//! own PIN. Every change is audited in the same transaction.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::auth::{PinRule, hash_pin, hash_pin_under};
use super::{Error, Service, Session, SystemClock};
use crate::config::Config;
use crate::domain::user::{Role, User, check_user_name};
use crate::store::{Event, Store, users};

impl Service {
    /// Creates a new database at `db` with its audit key and its first
    /// supervisor.
    pub fn init(
        config: Arc<Config>,
        db: &Path,
        name: &str,
        full_name: &str,
        pin: &str,
    ) -> Result<Service, Error> {
        let clock = Arc::new(SystemClock::for_office(&config));
        Service::init_with_clock(config, db, name, full_name, pin, clock)
    }

    /// [`Service::init`] with another clock (tests, the demo).
    pub fn init_with_clock(
        config: Arc<Config>,
        db: &Path,
        name: &str,
        full_name: &str,
        pin: &str,
        clock: Arc<dyn super::Clock>,
    ) -> Result<Service, Error> {
        Service::init_under(config, db, (name, full_name, pin), clock, PinRule::Chosen)
    }

    /// [`Service::init_with_clock`] with the first supervisor's PIN held
    /// to `rule`.
    pub(crate) fn init_under(
        config: Arc<Config>,
        db: &Path,
        (name, full_name, pin): (&str, &str, &str),
        clock: Arc<dyn super::Clock>,
        rule: PinRule,
    ) -> Result<Service, Error> {
        check_user_name(name)?;
        let hash = hash_pin_under(pin, rule)?;
        if let Some(dir) = db.parent() {
            crate::files::create_dir_all(dir).map_err(|e| crate::store::StoreError::Io {
                path: dir.to_path_buf(),
                reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
            })?;
        }
        let today = clock.today().format("%Y-%m-%d").to_string();
        let store = Store::create(
            db,
            Duration::from_millis(config.database.busy_timeout_ms),
            config
                .database
                .key_path
                .as_deref()
                .filter(|_| db == config.database.path),
            &today,
        )?;
        let mut service = Service {
            store,
            config,
            clock,
            prints: Default::default(),
        };
        service.create_first_supervisor(name, full_name, &hash)?;
        crate::files::make_database_private(db).map_err(|e| crate::store::StoreError::Io {
            path: db.to_path_buf(),
            reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
        })?;
        Ok(service)
    }

    fn create_first_supervisor(
        &mut self,
        name: &str,
        full_name: &str,
        hash: &str,
    ) -> Result<(), Error> {
        let full_name = clean_full_name(full_name, name)?;
        self.store.write(self.who(None), |w| {
            if users::count(w)? > 0 {
                return Err(Error::AlreadyInitialised);
            }
            w.append(
                Event::new("database.init", "database", None)
                    .with(json!({ "schema": crate::store::migrations::latest() })),
            )?;
            let (id, event) = users::insert(w, name, &full_name, Role::Supervisor, hash)?;
            w.set_user(Some(id));
            Ok(w.log(event, ())?)
        })
    }

    /// Adds a user (supervisors only).
    pub fn add_user(
        &mut self,
        by: &Session,
        name: &str,
        full_name: &str,
        role: Role,
        pin: &str,
    ) -> Result<User, Error> {
        self.add_user_under(by, (name, full_name, role), pin, PinRule::Chosen)
    }

    /// [`Service::add_user`] with the PIN held to `rule`.
    pub(crate) fn add_user_under(
        &mut self,
        by: &Session,
        (name, full_name, role): (&str, &str, Role),
        pin: &str,
        rule: PinRule,
    ) -> Result<User, Error> {
        by.require_supervisor()?;
        check_user_name(name)?;
        let hash = hash_pin_under(pin, rule)?;
        let full_name = clean_full_name(full_name, name)?;
        let id = self.store.write(self.who(Some(by.user.id)), |w| {
            // The one adding must still be a supervisor on file, with an
            // untouched row (not a clerk whose role was changed outside).
            let me = users::by_id(w, by.user.id)?.ok_or_else(|| Error::UnknownUser {
                name: by.user.name.clone(),
            })?;
            if me.role != Role::Supervisor || me.locked {
                return Err(Error::Forbidden {
                    needs: Role::Supervisor,
                });
            }
            if users::by_name(w, name)?.is_some() {
                return Err(Error::UserExists {
                    name: name.to_string(),
                });
            }
            let (id, event) = users::insert(w, name, &full_name, role, &hash)?;
            Ok(w.log(event, id)?)
        })?;
        self.store.read(|r| {
            users::by_id(r, id)?.ok_or(Error::UnknownUser {
                name: name.to_string(),
            })
        })
    }

    /// Every user (supervisors only: the list names who may approve).
    pub fn list_users(&self, by: &Session) -> Result<Vec<User>, Error> {
        by.require_supervisor()?;
        self.store.read(|r| Ok(users::all(r)?))
    }

    /// Locks or unlocks a user (supervisors only; never oneself).
    pub fn set_user_locked(
        &mut self,
        by: &Session,
        name: &str,
        locked: bool,
    ) -> Result<User, Error> {
        by.require_supervisor()?;
        let id = self.store.write(self.who(Some(by.user.id)), |w| {
            let (user, _) = users::by_name(w, name)?.ok_or_else(|| Error::UnknownUser {
                name: name.to_string(),
            })?;
            if locked && user.id == by.user.id {
                return Err(Error::LastSupervisor);
            }
            let action = if locked { "user.lock" } else { "user.unlock" };
            let failures = if locked { user.failed_attempts } else { 0 };
            let event = users::set_failures(w, user.id, failures, locked, action)?
                .with(json!({ "by": by.user.name }));
            Ok(w.log(event, user.id)?)
        })?;
        self.store.read(|r| {
            users::by_id(r, id)?.ok_or(Error::UnknownUser {
                name: name.to_string(),
            })
        })
    }

    /// Unlocks a user without anyone signed in: for the office whose only
    /// supervisor is locked (five wrong PINs typed, perhaps by someone
    /// else in the approval box), which no one could unlock otherwise.
    /// Only the system account that owns the database file may: it can
    /// change the file anyway, so this gives it nothing it did not have,
    /// and clerks, who reach chitra through the SSH gate, never run it.
    /// Logged with the account's user id.
    pub fn unlock_as_owner(&mut self, name: &str) -> Result<User, Error> {
        use std::os::unix::fs::MetadataExt;
        let owner = std::fs::metadata(self.store.path())
            .map_err(|e| crate::store::StoreError::Io {
                path: self.store.path().to_path_buf(),
                reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
            })?
            .uid();
        // SAFETY: geteuid cannot fail and touches no memory.
        #[allow(unsafe_code, reason = "geteuid(2) has no safe wrapper in std")]
        let me = unsafe { libc::geteuid() };
        if me != owner {
            return Err(Error::NotDatabaseOwner);
        }
        let id = self.store.write(self.who(None), |w| {
            let (user, _) = users::by_name(w, name)?.ok_or_else(|| Error::UnknownUser {
                name: name.to_string(),
            })?;
            let event = users::set_failures(w, user.id, 0, false, "user.unlock")?
                .with(json!({ "by": "admin", "uid": me }));
            Ok::<_, Error>(w.log(event, user.id)?)
        })?;
        self.store.read(|r| {
            users::by_id(r, id)?.ok_or(Error::UnknownUser {
                name: name.to_string(),
            })
        })
    }

    /// Changes a PIN: one's own, or (a supervisor) anyone's.
    pub fn change_pin(&mut self, by: &Session, name: &str, new_pin: &str) -> Result<(), Error> {
        if name != by.user.name {
            by.require_supervisor()?;
        }
        let hash = hash_pin(new_pin)?;
        self.store.write(self.who(Some(by.user.id)), |w| {
            let (user, _) = users::by_name(w, name)?.ok_or_else(|| Error::UnknownUser {
                name: name.to_string(),
            })?;
            let event = users::set_pin_hash(w, user.id, &hash)?;
            Ok(w.log(event, ())?)
        })
    }
}

/// A full name as stored: cleaned text, or the user name when none is given.
fn clean_full_name(full_name: &str, name: &str) -> Result<String, Error> {
    let cleaned = crate::text::clean_field(full_name).map_err(|e| Error::BadText {
        field: "full_name",
        error: e,
    })?;
    Ok(if cleaned.is_empty() {
        name.to_string()
    } else {
        cleaned
    })
}
