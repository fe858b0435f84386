//! Signing in and on-the-spot supervisor approval.
//!
//! PINs are hashed with Argon2id. A wrong PIN counts against the account;
//! after [`MAX_FAILED_PINS`] in a row it locks until a supervisor unlocks it.
//! Every attempt, right or wrong, is audited. The slow hash is checked
//! outside the write transaction so a sign-in never holds up a payment.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use serde_json::json;

use super::{AuthError, Error, Service, Session};
use crate::domain::user::{MAX_FAILED_PINS, Role, User, check_pin};
use crate::store::{audit, users};

/// Hashes a PIN into a PHC string (random salt, Argon2id defaults).
pub fn hash_pin(pin: &str) -> Result<String, Error> {
    check_pin(pin)?;
    let hash = Argon2::default()
        .hash_password(pin.as_bytes())
        .map_err(|_| Error::Auth(AuthError::Missing))?;
    Ok(hash.to_string())
}

fn pin_matches(pin: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

impl Service {
    /// Signs a user in with their PIN.
    pub fn sign_in(&mut self, name: &str, pin: &str) -> Result<Session, Error> {
        let user = self.check_pin(name, pin, "user.sign_in")?;
        Ok(Session { user })
    }

    /// Ends a session (audited, so the log shows who was at the counter when).
    pub fn sign_out(&mut self, session: &Session) -> Result<(), Error> {
        let at = self.stamp();
        let id = session.user.id;
        self.store.write(|tx| {
            audit::append(
                tx,
                &at,
                Some(id),
                "user.sign_out",
                "user",
                Some(id),
                &json!({}),
            )?;
            Ok::<_, Error>(())
        })
    }

    /// Checks a signed-in user's own PIN again (before a PIN change or a
    /// sensitive step); wrong PINs count towards the lock like at sign-in.
    pub fn confirm_pin(&mut self, session: &Session, pin: &str) -> Result<(), Error> {
        self.check_pin(&session.user.name, pin, "user.confirm_pin")
            .map(|_| ())
    }

    /// A supervisor approves, on the spot, something `session`'s user asked
    /// for; returns the approving supervisor. The supervisor must be another
    /// person than the one asking, unless the one asking is a supervisor.
    pub fn approve(&mut self, session: &Session, name: &str, pin: &str) -> Result<User, Error> {
        let name = name.trim();
        if name == session.user.name && !session.is_supervisor() {
            return Err(AuthError::SelfApproval.into());
        }
        let user = self.check_pin(name, pin, "user.approve")?;
        if user.role != Role::Supervisor {
            return Err(AuthError::NotSupervisor { name: user.name }.into());
        }
        Ok(user)
    }

    /// Checks another user's PIN on the spot (a clerk confirming cash handed
    /// to them); counted and audited like a sign-in.
    pub(super) fn check_other_pin(&mut self, name: &str, pin: &str) -> Result<User, Error> {
        self.check_pin(name, pin, "user.confirm_pin")
    }

    /// Checks `name`'s PIN, counting and auditing the attempt; `action` is
    /// the audit action recorded on success.
    fn check_pin(&mut self, name: &str, pin: &str, action: &str) -> Result<User, Error> {
        let name = name.trim();
        if name.is_empty() || pin.is_empty() {
            return Err(AuthError::Missing.into());
        }
        let found = users::by_name(self.store.conn(), name)?;
        let at = self.stamp();
        let Some((user, hash)) = found else {
            // Spend the same time as a real check so names cannot be probed.
            let _ = pin_matches(pin, DUMMY_HASH);
            let shown: String = name.chars().take(64).collect();
            self.store.write(|tx| {
                audit::append(
                    tx,
                    &at,
                    None,
                    "user.unknown",
                    "user",
                    None,
                    &json!({ "name": shown }),
                )
                .map_err(Error::from)
            })?;
            return Err(AuthError::WrongPin {
                attempts_left: None,
            }
            .into());
        };
        if user.locked {
            self.store.write(|tx| {
                audit::append(
                    tx,
                    &at,
                    Some(user.id),
                    "user.locked_attempt",
                    "user",
                    Some(user.id),
                    &json!({}),
                )
                .map_err(Error::from)
            })?;
            return Err(AuthError::Locked { name: user.name }.into());
        }
        if pin_matches(pin, &hash) {
            self.store.write(|tx| {
                users::reset_failures(tx, user.id)?;
                audit::append(
                    tx,
                    &at,
                    Some(user.id),
                    action,
                    "user",
                    Some(user.id),
                    &json!({}),
                )?;
                Ok::<_, Error>(())
            })?;
            return Ok(User {
                failed_attempts: 0,
                ..user
            });
        }
        let failures = self.store.write(|tx| {
            let failures =
                users::record_failure(tx, user.id, user.failed_attempts + 1 >= MAX_FAILED_PINS)?;
            audit::append(
                tx,
                &at,
                Some(user.id),
                "user.pin_wrong",
                "user",
                Some(user.id),
                &json!({ "failed_attempts": failures, "during": action }),
            )?;
            if failures >= MAX_FAILED_PINS {
                audit::append(
                    tx,
                    &at,
                    Some(user.id),
                    "user.lock",
                    "user",
                    Some(user.id),
                    &json!({ "by": "wrong_pins" }),
                )?;
            }
            Ok::<_, Error>(failures)
        })?;
        if failures >= MAX_FAILED_PINS {
            Err(AuthError::Locked { name: user.name }.into())
        } else {
            Err(AuthError::WrongPin {
                attempts_left: Some(MAX_FAILED_PINS - failures),
            }
            .into())
        }
    }
}

/// A valid hash of nothing anyone knows, checked for unknown user names.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$Zf2IHGo0mwqv2qQ1k0ScbnZ6JJYbQvh3hUBfyEfIMRE";
