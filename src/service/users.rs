//! Creating the database with its first supervisor, and managing users.
//!
//! Only a supervisor adds, locks or unlocks users; anyone may change their
//! own PIN. Every change is audited in the same transaction.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::auth::hash_pin;
use super::{Error, Service, Session, SystemClock};
use crate::config::Config;
use crate::domain::user::{Role, User, check_user_name};
use crate::store::{Store, audit, users};

impl Service {
    /// Creates a new database at `db` with its first supervisor.
    pub fn init(
        config: Arc<Config>,
        db: &Path,
        name: &str,
        full_name: &str,
        pin: &str,
    ) -> Result<Service, Error> {
        check_user_name(name)?;
        let hash = hash_pin(pin)?;
        if let Some(dir) = db.parent() {
            crate::files::create_dir_all(dir).map_err(|e| crate::store::StoreError::Io {
                path: dir.to_path_buf(),
                reason: e.to_string(),
            })?;
        }
        let store = Store::create(db, Duration::from_millis(config.database.busy_timeout_ms))?;
        let mut service = Service {
            store,
            clock: Arc::new(SystemClock::for_office(&config)),
            config,
        };
        service.create_first_supervisor(name, full_name, &hash)?;
        crate::files::make_database_private(db).map_err(|e| crate::store::StoreError::Io {
            path: db.to_path_buf(),
            reason: e.to_string(),
        })?;
        Ok(service)
    }

    fn create_first_supervisor(
        &mut self,
        name: &str,
        full_name: &str,
        hash: &str,
    ) -> Result<(), Error> {
        let at = self.stamp();
        let full_name = clean_full_name(full_name, name)?;
        self.store.write(|tx| {
            if users::count(tx)? > 0 {
                return Err(Error::AlreadyInitialised);
            }
            let id = users::insert(tx, name, &full_name, Role::Supervisor, hash, &at)?;
            audit::append(
                tx,
                &at,
                None,
                "database.init",
                "database",
                None,
                &json!({ "schema": crate::store::migrations::latest() }),
            )?;
            audit::append(
                tx,
                &at,
                Some(id),
                "user.create",
                "user",
                Some(id),
                &json!({ "name": name, "full_name": full_name, "role": "supervisor" }),
            )?;
            Ok(())
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
        by.require_supervisor()?;
        check_user_name(name)?;
        let hash = hash_pin(pin)?;
        let at = self.stamp();
        let full_name = clean_full_name(full_name, name)?;
        let id = self.store.write(|tx| {
            if users::by_name(tx, name)?.is_some() {
                return Err(Error::UserExists {
                    name: name.to_string(),
                });
            }
            let id = users::insert(tx, name, &full_name, role, &hash, &at)?;
            audit::append(
                tx,
                &at,
                Some(by.user.id),
                "user.create",
                "user",
                Some(id),
                &json!({ "name": name, "full_name": full_name, "role": role.code() }),
            )?;
            Ok(id)
        })?;
        users::by_id(self.store.conn(), id)?.ok_or(Error::UnknownUser {
            name: name.to_string(),
        })
    }

    pub fn list_users(&self) -> Result<Vec<User>, Error> {
        Ok(users::all(self.store.conn())?)
    }

    /// Locks or unlocks a user (supervisors only; never oneself).
    pub fn set_user_locked(
        &mut self,
        by: &Session,
        name: &str,
        locked: bool,
    ) -> Result<User, Error> {
        by.require_supervisor()?;
        let at = self.stamp();
        let id = self.store.write(|tx| {
            let (user, _) = users::by_name(tx, name)?.ok_or_else(|| Error::UnknownUser {
                name: name.to_string(),
            })?;
            if locked && user.id == by.user.id {
                return Err(Error::LastSupervisor);
            }
            users::set_locked(tx, user.id, locked)?;
            let action = if locked { "user.lock" } else { "user.unlock" };
            audit::append(
                tx,
                &at,
                Some(by.user.id),
                action,
                "user",
                Some(user.id),
                &json!({ "by": by.user.name }),
            )?;
            Ok(user.id)
        })?;
        users::by_id(self.store.conn(), id)?.ok_or(Error::UnknownUser {
            name: name.to_string(),
        })
    }

    /// Changes a PIN: one's own, or (a supervisor) anyone's.
    pub fn change_pin(&mut self, by: &Session, name: &str, new_pin: &str) -> Result<(), Error> {
        if name != by.user.name {
            by.require_supervisor()?;
        }
        let hash = hash_pin(new_pin)?;
        let at = self.stamp();
        self.store.write(|tx| {
            let (user, _) = users::by_name(tx, name)?.ok_or_else(|| Error::UnknownUser {
                name: name.to_string(),
            })?;
            users::set_pin_hash(tx, user.id, &hash)?;
            audit::append(
                tx,
                &at,
                Some(by.user.id),
                "user.pin_change",
                "user",
                Some(user.id),
                &json!({}),
            )?;
            Ok(())
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
