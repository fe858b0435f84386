//! Whether the signed-in clerk's drawer can pay cash now, and if not, why:
//! asked of the service when the method is chosen, so the clerk learns it
//! there and not from a refusal after confirming. The service only answers
//! yes or no about the amount — what the drawer holds is never shown, since
//! the count at the end of the shift is blind.
//!
//! The pay transaction checks all of it again; this only saves the clerk a
//! wasted step.

pub use crate::service::day::CashBlock;

use crate::domain::Money;
use crate::tui::context::Ctx;

/// Why the drawer cannot pay `amount` in cash, or `None` when it can (or
/// when it could not be asked: the service refuses at the end if need be).
pub fn cash_block(ctx: &Ctx, amount: Money) -> Option<CashBlock> {
    let session = ctx.session.as_ref()?;
    ctx.service.cash_block(session, amount).ok().flatten()
}
