//! The errors a user can meet through the service, as data. Their wording is
//! in `i18n/service.rs`; every one says what happened and what to do.

use crate::domain::user::{CredentialError, Role};
use crate::store::StoreError;

#[derive(Debug)]
pub enum Error {
    Store(StoreError),
    /// Signing in or approving failed.
    Auth(AuthError),
    Credential(CredentialError),
    /// The signed-in user's role may not do this.
    Forbidden {
        needs: Role,
    },
    /// No user with that name.
    UnknownUser {
        name: String,
    },
    UserExists {
        name: String,
    },
    /// `init` on a database that already has users.
    AlreadyInitialised,
    /// A supervisor may not lock themself out or demote the last supervisor.
    LastSupervisor,
    /// `user unlock --admin` run by another account than the one that owns
    /// the database file.
    NotDatabaseOwner,
    /// A list file was refused as a whole.
    Import(Box<super::import::ImportError>),
    /// A cash, void or close operation was refused.
    Day(super::day::DayError),
    /// A payment was refused.
    Pay(super::pay::PayError),
    /// A period could not be reported or closed.
    Period(super::period::PeriodError),
    /// A transfer batch or a bank result file was refused.
    Bank(super::bank::BankError),
    /// A registration was refused.
    Register(super::register::RegisterError),
    /// A home round step was refused.
    Round(super::rounds::RoundError),
    /// An heir was not recorded, or cannot be paid.
    Heir(super::heirs::HeirError),
    /// No person with that id (a stale screen).
    NoSuchPerson,
    /// No one has this record code or whole ID number (what was asked).
    NoPersonWith {
        asked: String,
    },
    /// No payment with that id (a stale screen).
    NoSuchPayment,
    /// Typed text with control or bidi characters; `field` names the field.
    BadText {
        field: &'static str,
        error: crate::text::TextError,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthError {
    /// Unknown user or wrong PIN (the two are not told apart).
    WrongPin,
    /// The signed-in user's own PIN, asked again to confirm, was wrong.
    WrongOwnPin,
    /// The account is locked until a supervisor unlocks it.
    Locked { name: String },
    /// Approval needs a supervisor.
    NotSupervisor { name: String },
    /// Approval by the same person who asks.
    SelfApproval,
    /// No user or PIN was given where one is needed.
    Missing,
    /// The PIN could not be hashed (the system refused memory or
    /// randomness).
    HashFailed,
    /// The user's row was changed outside chitra: nobody signs in as it.
    Tampered { name: String },
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        Error::Store(e)
    }
}

impl From<AuthError> for Error {
    fn from(e: AuthError) -> Self {
        Error::Auth(e)
    }
}

impl From<CredentialError> for Error {
    fn from(e: CredentialError) -> Self {
        Error::Credential(e)
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Store(StoreError::from(e))
    }
}
