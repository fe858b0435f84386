//! Not a screen: the user name and PIN that signing in
//! ([`super::sign_in::SignIn`]) and a supervisor's approval
//! ([`super::approve::Approve`]) ask for, and the checks made before they go
//! to the service. The PIN field is the same wherever a PIN is asked
//! (changing it, closing the day, handing cash to a drawer).

use super::Nav;
use super::sign_in::SignIn;
use crate::i18n::Lang;
use crate::service::{AuthError, Error, Session};
use crate::tui::context::Ctx;
use crate::tui::widgets::form::{Field, Form};
use crate::tui::widgets::input::Input;

/// The user-name field of a [`form`].
pub const NAME: usize = 0;
/// The PIN field of a [`form`].
pub const PIN: usize = 1;

/// A PIN field labelled `label`: digits only, masked, at most 12.
pub fn pin_field(label: &str) -> Field {
    Field::new(label, Input::new().digits().masked().max_chars(12)).width(14)
}

/// A user name labelled `name_label` (at most 32 characters), then the PIN.
pub fn form(lang: Lang, name_label: &str) -> Form {
    Form::new(vec![
        Field::new(name_label, Input::new().max_chars(32)).width(32),
        pin_field(lang.strings().label_pin),
    ])
}

/// The user name typed in a [`form`], trimmed and lowercased (user names
/// are lowercase; Caps Lock should not stop a clerk), once the PIN is typed
/// too. Otherwise the empty field gets the focus, the message line asks for
/// it, and `None` is returned.
pub fn typed_name(form: &mut Form, ctx: &mut Ctx) -> Option<String> {
    let s = ctx.lang().strings();
    let name = form.value(NAME).trim().to_lowercase();
    if name.is_empty() {
        form.focus(NAME);
        ctx.info(s.need_user);
        return None;
    }
    if form.value(PIN).is_empty() {
        // A second Enter after a wrong PIN must not hide how many
        // attempts are left.
        form.focus(PIN);
        if !ctx.has_message() {
            ctx.info(s.need_pin);
        }
        return None;
    }
    Some(name)
}

/// Checks the signed-in user's own PIN typed on a screen; on a refusal
/// says why and tells where to go: the same screen for a wrong PIN, the
/// sign-in screen once the account is locked (the user is signed out).
pub fn confirm_own_pin(ctx: &mut Ctx, session: &Session, pin: &str) -> Result<(), Nav> {
    match ctx.service.confirm_pin(session, pin) {
        Ok(()) => Ok(()),
        Err(e @ Error::Auth(AuthError::Locked { .. })) => {
            ctx.error(&e);
            *ctx.session = None;
            Err(Nav::reset(SignIn::new(ctx.lang())))
        }
        Err(e) => {
            ctx.error(&e);
            Err(Nav::Stay)
        }
    }
}
