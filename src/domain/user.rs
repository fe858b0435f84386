//! Users of chitra: counter clerks and supervisors, and their PINs.

use serde::Serialize;

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Giao dịch viên: finds people, pays, counts their drawer.
    Clerk,
    /// Trưởng bưu cục: imports lists, approves, closes the day, manages users.
    Supervisor,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Clerk => "clerk",
            Role::Supervisor => "supervisor",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        match code {
            "clerk" => Some(Role::Clerk),
            "supervisor" => Some(Role::Supervisor),
            _ => None,
        }
    }
}

/// A user as stored (without the PIN hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub full_name: String,
    pub role: Role,
    pub failed_attempts: i64,
    pub locked: bool,
}

/// Wrong PINs in a row after which an account locks until a supervisor
/// unlocks it.
pub const MAX_FAILED_PINS: i64 = 5;

/// Why a user name or PIN is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialError {
    /// A user name is 2–32 characters of a–z, 0–9, '.', '_' or '-'.
    BadUserName,
    /// A PIN is 4 to 12 digits.
    BadPin,
    /// A new PIN a colleague would guess first (see [`check_new_pin`]).
    GuessablePin,
}

/// Checks a user name: short, lowercase, no spaces, easy to type on PuTTY.
pub fn check_user_name(name: &str) -> Result<(), CredentialError> {
    let ok = (2..=32).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(CredentialError::BadUserName)
    }
}

/// Checks a PIN: 4 to 12 digits.
pub fn check_pin(pin: &str) -> Result<(), CredentialError> {
    if (4..=12).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(CredentialError::BadPin)
    }
}

/// Checks a PIN being chosen for a user: [`check_pin`], and not one a
/// colleague would try first — one digit repeated (1111), digits that
/// climb or fall by one (1234, 9876, 7890), or a shorter block repeated
/// (1212, 123123). Five wrong PINs lock an account, so those few are the
/// guesses that matter.
pub fn check_new_pin(pin: &str) -> Result<(), CredentialError> {
    check_pin(pin)?;
    let digits: Vec<i16> = pin.bytes().map(|b| i16::from(b - b'0')).collect();
    // Steps counted round the dial, so 7890 and 1234567890 climb too.
    let step_of = |w: &[i16]| (w[1] - w[0]).rem_euclid(10);
    let step = step_of(&digits[..2]);
    let run = matches!(step, 0 | 1 | 9) && digits.windows(2).all(|w| step_of(w) == step);
    let repeated = (1..=digits.len() / 2).any(|k| {
        digits.len().is_multiple_of(k) && digits.chunks(k).all(|block| block == &digits[..k])
    });
    if run || repeated {
        Err(CredentialError::GuessablePin)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_are_short_lowercase_words() {
        assert!(check_user_name("lan.nguyen").is_ok());
        assert!(check_user_name("gdv1").is_ok());
        assert_eq!(check_user_name("Lan"), Err(CredentialError::BadUserName));
        assert_eq!(check_user_name("a"), Err(CredentialError::BadUserName));
        assert_eq!(
            check_user_name("lan nguyen"),
            Err(CredentialError::BadUserName)
        );
        assert_eq!(check_user_name("lân"), Err(CredentialError::BadUserName));
    }

    #[test]
    fn pins_are_four_to_twelve_digits() {
        assert!(check_pin("1234").is_ok());
        assert!(check_pin("123456789012").is_ok());
        assert_eq!(check_pin("123"), Err(CredentialError::BadPin));
        assert_eq!(check_pin("1234567890123"), Err(CredentialError::BadPin));
        assert_eq!(check_pin("12a4"), Err(CredentialError::BadPin));
    }

    #[test]
    fn a_new_pin_is_not_one_a_colleague_tries_first() {
        for guessable in [
            "1111",
            "000000",
            "1234",
            "0123",
            "3456",
            "9876",
            "4321",
            "123456789012",
            "7890",
            "1212",
            "123123",
            "909090",
            "5555555",
        ] {
            assert_eq!(
                check_new_pin(guessable),
                Err(CredentialError::GuessablePin),
                "{guessable}"
            );
        }
        for fine in ["3917", "2846", "1357", "1243", "2024", "112233", "908172"] {
            assert_eq!(check_new_pin(fine), Ok(()), "{fine}");
        }
        assert_eq!(check_new_pin("12a4"), Err(CredentialError::BadPin));
    }

    #[test]
    fn roles_round_trip() {
        for r in [Role::Clerk, Role::Supervisor] {
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
    }
}
