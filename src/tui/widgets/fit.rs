//! Fitting text into a number of terminal columns, for the screens: the
//! shared layout of [`crate::text::layout`] under the names the screens
//! use. Callers show outside text through [`crate::text::for_display`]
//! first.

pub use crate::text::layout::{fit, join_fitting, pad, right, width, wrap, wrap_lines};
