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
use crate::domain::user::{MAX_FAILED_PINS, Role, User, check_new_pin, check_pin};
use crate::store::{Event, StoreError, users};

/// Which PINs a PIN being set may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PinRule {
    /// A PIN someone chooses: [`check_new_pin`].
    Chosen,
    /// The demo office's users, whose PINs are printed for anyone to try:
    /// only [`check_pin`].
    Demo,
}

/// Hashes a PIN being set into a PHC string (random salt, Argon2id
/// defaults); a PIN that is easy to guess is refused.
pub fn hash_pin(pin: &str) -> Result<String, Error> {
    hash_pin_under(pin, PinRule::Chosen)
}

pub(crate) fn hash_pin_under(pin: &str, rule: PinRule) -> Result<String, Error> {
    match rule {
        PinRule::Chosen => check_new_pin(pin)?,
        PinRule::Demo => check_pin(pin)?,
    }
    let hash = Argon2::default()
        .hash_password(pin.as_bytes())
        .map_err(|_| Error::Auth(AuthError::HashFailed))?;
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

/// How one PIN check ended (decided inside its transaction).
enum Checked {
    Ok(User),
    /// The right PIN of a user who is not a supervisor, asked to approve.
    NotSupervisor(String),
    Wrong,
    Locked(String),
    Tampered(String),
}

impl Service {
    /// Signs a user in with their PIN.
    pub fn sign_in(&mut self, name: &str, pin: &str) -> Result<Session, Error> {
        let user = self.check_pin(name, pin, "user.sign_in")?;
        Ok(Session { user })
    }

    /// Ends a session (audited, so the log shows who was at the counter when).
    pub fn sign_out(&mut self, session: &Session) -> Result<(), Error> {
        let id = session.user.id;
        self.store.write(self.who(Some(id)), |w| {
            Ok::<_, Error>(w.log(Event::new("user.sign_out", "user", Some(id)), ())?)
        })
    }

    /// Checks a signed-in user's own PIN again (before a PIN change or a
    /// sensitive step); wrong PINs count towards the lock like at sign-in.
    pub fn confirm_pin(&mut self, session: &Session, pin: &str) -> Result<(), Error> {
        match self.check_pin(&session.user.name, pin, "user.confirm_pin") {
            Ok(_) => Ok(()),
            // Only the PIN was asked: no name to get wrong.
            Err(Error::Auth(AuthError::WrongPin)) => Err(AuthError::WrongOwnPin.into()),
            Err(e) => Err(e),
        }
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
    ///
    /// The lock, the count of wrong PINs and the decision are one
    /// transaction: the PIN is compared while this process holds the write
    /// lock, so tries sent in parallel are decided one after another, and
    /// once an account is locked no try is accepted, right PIN or not,
    /// until a supervisor unlocks it. (The comparison takes about 20 ms;
    /// a payment waiting behind it waits that long.)
    fn check_pin(&mut self, name: &str, pin: &str, action: &str) -> Result<User, Error> {
        let name = name.trim();
        if name.is_empty() || pin.is_empty() {
            return Err(AuthError::Missing.into());
        }
        let shown: String = name.chars().take(64).collect();
        let checked = self.store.write(self.who(None), |w| {
            let found = match users::by_name(w, name) {
                Ok(found) => found,
                Err(StoreError::Tampered { key, .. }) => {
                    let id = key.parse::<i64>().ok();
                    w.set_user(id);
                    return Ok::<_, Error>(w.log(
                        Event::new("user.tampered", "user", id).with(json!({ "name": shown })),
                        Checked::Tampered(shown.clone()),
                    )?);
                }
                Err(e) => return Err(e.into()),
            };
            let Some((user, hash)) = found else {
                // Spend the same time as a real check so names cannot be probed.
                let _ = pin_matches(pin, DUMMY_HASH);
                return Ok(w.log(
                    Event::new("user.unknown", "user", None).with(json!({ "name": shown })),
                    Checked::Wrong,
                )?);
            };
            w.set_user(Some(user.id));
            if user.locked {
                return Ok(w.log(
                    Event::new("user.locked_attempt", "user", Some(user.id))
                        .with(json!({ "during": action })),
                    Checked::Locked(user.name),
                )?);
            }
            if pin_matches(pin, &hash) {
                // Asked to approve, a clerk's right PIN approves nothing:
                // the log says it was refused, not "approved".
                if action == "user.approve" && user.role != Role::Supervisor {
                    let refused = "user.approve_refused";
                    let event = if user.failed_attempts != 0 {
                        users::set_failures(w, user.id, 0, false, refused)?
                    } else {
                        Event::new(refused, "user", Some(user.id))
                    };
                    return Ok(w.log(
                        event.with(json!({ "reason": "not_supervisor" })),
                        Checked::NotSupervisor(user.name),
                    )?);
                }
                let event = if user.failed_attempts != 0 {
                    users::set_failures(w, user.id, 0, false, action)?
                } else {
                    Event::new(action, "user", Some(user.id))
                };
                return Ok(w.log(
                    event,
                    Checked::Ok(User {
                        failed_attempts: 0,
                        ..user
                    }),
                )?);
            }
            let failures = user.failed_attempts + 1;
            let lock = failures >= MAX_FAILED_PINS;
            let event = users::set_failures(w, user.id, failures, lock, "user.pin_wrong")?
                .with(json!({ "failed_attempts": failures, "during": action }));
            if lock {
                w.append(event)?;
                return Ok(w.log(
                    Event::new("user.lock", "user", Some(user.id))
                        .with(json!({ "by": "wrong_pins" })),
                    Checked::Locked(user.name),
                )?);
            }
            Ok(w.log(event, Checked::Wrong)?)
        })?;
        match checked {
            Checked::Ok(user) => Ok(user),
            Checked::NotSupervisor(name) => Err(AuthError::NotSupervisor { name }.into()),
            // The same words for an unknown name and a known one.
            Checked::Wrong => Err(AuthError::WrongPin.into()),
            Checked::Locked(name) => Err(AuthError::Locked { name }.into()),
            Checked::Tampered(name) => Err(AuthError::Tampered { name }.into()),
        }
    }
}

/// A valid hash of nothing anyone knows, checked for unknown user names.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$Zf2IHGo0mwqv2qQ1k0ScbnZ6JJYbQvh3hUBfyEfIMRE";
