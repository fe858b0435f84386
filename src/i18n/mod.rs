//! User-facing strings.
