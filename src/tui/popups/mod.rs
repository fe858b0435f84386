//! The popups the app itself shows over any screen: help and the quit
//! question. (A popup that belongs to a screen's flow, like supervisor
//! approval, is a screen: see `screens/approve.rs`.)

pub mod help;
pub mod quit;
