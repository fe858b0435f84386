//! The demo's home round: made for the hamlet with the most people paid
//! at home still owed this month, carried by the second clerk, its sheet
//! written beside the sample lists — not yet issued, so a newcomer can
//! issue its cash, record the outcomes and reconcile it.

use std::path::{Path, PathBuf};

use crate::domain::Period;
use crate::service::{Error, Service, Session};

/// The demo's postman: the second clerk.
pub const POSTMAN: &str = "gdv2";

/// Makes the round of `period` and writes its sheet into `files` (a folder
/// relative to `dir`); returns the round's number, its hamlet and the
/// sheet's path relative to `dir`, or `None` when nobody is paid at home.
pub fn make(
    svc: &mut Service,
    boss: &Session,
    period: Period,
    dir: &Path,
) -> Result<Option<(i64, String, PathBuf)>, Error> {
    let stops = svc.home_stops(period, None)?;
    let mut best: Option<(&str, usize)> = None;
    for s in &stops {
        let n = stops.iter().filter(|o| o.hamlet == s.hamlet).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((&s.hamlet, n));
        }
    }
    let Some((hamlet, _)) = best else {
        return Ok(None);
    };
    let round = svc.create_round(boss, period, hamlet, POSTMAN)?;
    let scope = crate::i18n::rounds::sheet_scope(
        svc.config().interface.language,
        round.number,
        &round.postman,
        &round.hamlet,
    );
    let day = svc.today().format("%Y-%m-%d").to_string();
    let doc = crate::document::home::build(
        svc.config().interface.language,
        &svc.config().office,
        period,
        &round.sheet_stops(),
        &scope,
        &day,
    );
    let file = Path::new("files").join(format!("chi-tai-nha-chuyen-{}.txt", round.number));
    let path = dir.join(&file);
    let text = crate::print::document::render_text(&doc);
    std::fs::write(&path, text).map_err(super::office::io(&path))?;
    Ok(Some((round.number, round.hamlet, file)))
}
