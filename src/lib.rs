//! chitra — the counter program a commune post office uses to pay the monthly
//! allowances of people with meritorious service to the revolution.
//!
//! Layers, from the inside out:
//! - [`text`] and [`domain`]: Vietnamese text, money, ID numbers, people,
//!   entitlements and payments. No SQL, no terminal.
//! - [`store`]: the SQLite database. The only place that holds SQL.
//! - [`import`]: reading the social-affairs office's lists (xlsx, xls, csv).
//! - [`service`]: the small API the command line and the screens call.
//! - [`cli`] and [`tui`]: the command line and the terminal screens.
//! - [`i18n`]: every user-facing string, in Vietnamese and English.

// Errors a user can meet are shown in words, never as a panic: the program's
// code does not unwrap (an `expect` names the invariant it relies on), and
// tests may.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::panic))]

pub mod cli;
pub mod config;
pub mod demo;
pub mod document;
pub mod domain;
pub mod export;
pub mod files;
pub mod i18n;
pub mod import;
pub mod print;
pub mod service;
pub mod store;
pub mod text;
pub mod tui;
