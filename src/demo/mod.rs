//! The demo office: a realistic commune post office's data, made up from a
//! seed.
//!
//! xã Hải Dương, thành phố Huế, November 2026: people with meritorious
//! service and their relatives, with Vietnamese names, hamlets, categories,
//! 2024-level amounts, ID numbers, phones, registered payment methods, and
//! the proxies and guardians on file; and the sample list files (xlsx, csv)
//! in the shape the social-affairs office sends, for trying `chitra import`
//! and for the importer's tests.
//!
//! Everything is deterministic: the same seed always gives the same people
//! and byte-identical CSV files ([`rng`] is a fixed SplitMix64).
//!
//! - [`people`]: [`DemoPerson`], [`office_people`], and the streaming
//!   [`PersonGenerator`]; names come from `names`, ID numbers from `ids`.
//! - [`catalog`]: hamlets, categories and their amounts, payment methods.
//! - [`proxies`]: [`DemoProxy`] and [`demo_proxies`].
//! - [`files`]: [`write_monthly_xlsx`], [`write_monthly_csv`],
//!   [`write_bulk_csv`].
//!
//! [`office`] builds the demo database from these through the real importer
//! and service, for `chitra demo`, walking the counter days with [`till`];
//! [`folder`] builds it whole beside its place and moves it in.

pub mod catalog;
pub mod files;
pub mod folder;
mod ids;
mod month;
mod names;
pub mod office;
pub mod people;
pub mod proxies;
pub mod rng;
pub mod round;
pub mod till;

pub use catalog::{
    CATEGORIES, CON_DE_CHAT_DOC, Category, HAMLETS, Level, MAI_TANG_PHI, MUC_CHUAN, PAY_METHODS,
    pay_method_label,
};
pub use files::{
    CSV_HEADER, DEMO_PERIOD, ListHeading, format_dong, write_bulk_csv, write_monthly_csv,
    write_monthly_xlsx,
};
pub use ids::{PROVINCE_CODE, century_gender_digit};
pub use people::{DEMO_YEAR, DemoPerson, Gender, PersonGenerator, office_people};
pub use proxies::{DemoProxy, ProxyRole, demo_proxies, demo_today};
pub use rng::Rng;
