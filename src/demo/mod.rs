//! The demo office.
