//! Every user-facing string, in Vietnamese (the default) and English.
//!
//! Error types elsewhere hold data only; their wording lives in the files of
//! this folder, one per area, through [`Localize`]. Screen labels live in
//! `strings/`.
//!
//! The language is a value passed by whoever knows it: `ctx.lang()` in a
//! screen or a command, the `Lang` a document builder or printer was
//! given, `config.interface.language` in the service. New code takes a
//! `lang: Lang` and asks `lang.pick(vi, en)`, `lang.strings()`,
//! `error.localize(lang)` or a word function of this folder with it. The
//! process-wide [`set_lang`]/[`lang`] is left only for the screens and
//! commands not yet moved over.

use std::sync::atomic::{AtomicU8, Ordering};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The Vietnamese or the English of a short fixed text. For longer or
    /// parameterised wording use a file of this folder.
    pub fn pick(self, vi: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The screen labels in this language.
    pub fn strings(self) -> &'static strings::Strings {
        strings::for_lang(self)
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language for the whole process (done once, from the config).
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// The current interface language.
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

/// The Vietnamese or the English of a short fixed text, by the current
/// language. For longer or parameterised wording use a file of this folder.
pub fn tr(vi: &'static str, en: &'static str) -> &'static str {
    match lang() {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// A message that can be said in each interface language.
pub trait Localize {
    fn vi(&self) -> String;
    fn en(&self) -> String;
    /// The message in `lang`.
    fn localize(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vi(),
            Lang::En => self.en(),
        }
    }
    /// The message in the current language.
    fn localized(&self) -> String {
        self.localize(lang())
    }
}

/// Implements `Display` (and `std::error::Error`) for error types whose
/// wording is given by [`Localize`].
#[macro_export]
macro_rules! localized_error {
    ($($t:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::i18n::Localize::localized(self))
            }
        }
        impl std::error::Error for $t {}
    )+};
}

pub mod bank;
pub mod changes;
pub mod cli;
pub mod day;
pub mod demo;
pub mod doctor;
pub mod guide;
pub mod heir;
pub mod home;
pub mod import;
pub mod import_limits;
pub mod import_source;
pub mod labels;
pub mod month;
pub mod month_screens;
pub mod pay;
pub mod period;
pub mod printing;
pub mod receipt;
pub mod register;
pub mod report;
pub mod rounds;
pub mod service;
pub mod store;
pub mod strings;
pub mod text;
pub mod verify;
