//! Building blocks the screens are made of: a text field, a form of fields,
//! a selectable list and a numbered one to choose from, popups and boxes,
//! and fitting text to a width.
//!
//! Widgets hold their own small state and follow the screens' pattern: a key
//! becomes a message (`on_key`, which does not change anything), the message
//! is applied (`update`), and `draw` only reads. They know nothing of the
//! service or of other screens.

pub mod banner;
pub mod choice_list;
pub mod doc;
pub mod fit;
pub mod form;
pub mod input;
pub mod panel;
pub mod popup;
pub mod select;
