//! Wording with values in it for the frame around every screen, signing
//! in, and a supervisor's approval on the spot.

use crate::i18n::{Lang, lang};

/// Shown instead of the screen when the window is smaller than 80×24.
pub fn too_small(width: u16, height: u16) -> String {
    match lang() {
        Lang::Vi => format!("Cửa sổ quá nhỏ: cần ít nhất 80×24, hiện là {width}×{height}"),
        Lang::En => format!("Window too small: needs at least 80×24, now {width}×{height}"),
    }
}

/// After signing in.
pub fn welcome(full_name: &str) -> String {
    match lang() {
        Lang::Vi => format!("Xin chào {full_name}."),
        Lang::En => format!("Welcome, {full_name}."),
    }
}

/// After a supervisor approved on the spot.
pub fn approved_by(full_name: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã được {full_name} duyệt."),
        Lang::En => format!("Approved by {full_name}."),
    }
}
