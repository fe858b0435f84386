//! Step 1, for a receiver not yet on file: the proxy's (or guardian's)
//! authorisation, typed from the paper at the counter.
//!
//! A proxy's authorisation is certified by the commune and valid at most
//! one year; a guardian has no end date. The form checks what it can before
//! going on (every field filled, a real CCCD/CMND number, dates as
//! dd/mm/yyyy, at most a year, in date today) with the service's own
//! wording; the proxy is saved with the payment, in the same transaction,
//! and only if the payment is recorded.

use crate::i18n::Lang;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::receiver_id::ReceiverId;
use super::{Chosen, Draft, draw_heading, pass_down};
use crate::domain::idnumber;
use crate::domain::proxy::check_dates;
use crate::i18n::strings;
use crate::service::pay::{NewProxy, PayError};
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::screens::form_screen::FormScreen;
use crate::tui::screens::{Nav, Outcome};
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::form::{self, Field, Form};
use crate::tui::widgets::input::Input;

const NAME: usize = 0;
const ID: usize = 1;
const RELATIONSHIP: usize = 2;
const DOCUMENT: usize = 3;
const CERTIFIED_BY: usize = 4;
const FROM: usize = 5;
const TO: usize = 6;

/// The form for a new proxy or guardian.
pub struct NewProxyForm {
    draft: Draft,
    guardian: bool,
    today: NaiveDate,
    form: Form,
}

impl NewProxyForm {
    /// The form for a proxy, or for a guardian (no end date) when `guardian`.
    pub fn new(lang: Lang, draft: Draft, guardian: bool, today: NaiveDate) -> NewProxyForm {
        let s = lang.strings();
        let date = || Input::new().max_chars(10);
        let mut fields = vec![
            Field::new(s.label_proxy_name, Input::new().max_chars(60)).width(40),
            Field::new(s.label_proxy_id, Input::new().digits().max_chars(12)).width(14),
            Field::new(s.label_relationship, Input::new().max_chars(40)).width(30),
            Field::new(
                if guardian {
                    s.label_guardian_document
                } else {
                    s.label_proxy_document
                },
                Input::new().max_chars(40),
            )
            .width(30),
            Field::new(s.label_certified_by, Input::new().max_chars(60)).width(40),
            Field::new(s.label_valid_from, date()).width(12),
        ];
        if !guardian {
            fields.push(Field::new(s.label_valid_to, date()).width(12));
        }
        NewProxyForm {
            draft,
            guardian,
            today,
            form: Form::new(fields),
        }
    }

    fn refuse(&mut self, field: usize, error: &dyn crate::i18n::Say, ctx: &mut Ctx) -> Nav {
        self.form.focus(field);
        ctx.error(error);
        Nav::Stay
    }
}

/// A date as a clerk types it: "31/12/2026", "31.12.2026", "31-12-2026"
/// or "31122026".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let parts: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let (d, m, y) = match parts.as_slice() {
        [d, m, y] => (*d, *m, *y),
        [all] if all.len() == 8 => (&all[0..2], &all[2..4], &all[4..8]),
        _ => return None,
    };
    if y.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

impl FormScreen for NewProxyForm {
    /// A payment not recorded is dropped at the lock: the receiver is
    /// checked again.
    fn on_lock(&self) -> crate::tui::screens::OnLock {
        crate::tui::screens::OnLock::Drop
    }

    fn title(&self, lang: Lang) -> String {
        let s = lang.strings();
        if self.guardian {
            s.step_new_guardian
        } else {
            s.step_new_proxy
        }
        .to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        let s = ctx.lang().strings();
        let value = |i: usize| self.form.value(i).trim().to_string();
        for (i, name) in [
            (NAME, "proxy_name"),
            (RELATIONSHIP, "relationship"),
            (DOCUMENT, "document_no"),
            (CERTIFIED_BY, "certified_by"),
        ] {
            if value(i).is_empty() {
                return self.refuse(i, &PayError::ProxyFieldMissing(name), ctx);
            }
        }
        let id = match idnumber::parse(&value(ID), None, false) {
            Ok((id, _)) => id.as_str().to_string(),
            Err(e) => return self.refuse(ID, &PayError::ProxyBadId(e), ctx),
        };
        let Some(from) = parse_date(&value(FROM)) else {
            return self.refuse(FROM, &strings::bad_date(ctx.lang(), &value(FROM)), ctx);
        };
        let to = if self.guardian {
            None
        } else {
            match parse_date(&value(TO)) {
                Some(d) => Some(d),
                None => return self.refuse(TO, &strings::bad_date(ctx.lang(), &value(TO)), ctx),
            }
        };
        if let Err(e) = check_dates(self.guardian, from, to) {
            let at = if to.is_some() { TO } else { FROM };
            return self.refuse(at, &PayError::ProxyRule(e), ctx);
        }
        if from > self.today {
            return self.refuse(FROM, &PayError::ProxyNotYetValid { from }, ctx);
        }
        if let Some(on) = to.filter(|&to| to < self.today) {
            return self.refuse(TO, &PayError::ProxyExpired { on }, ctx);
        }
        let mut draft = self.draft.clone();
        draft.receiver = Chosen::New(NewProxy {
            guardian: self.guardian,
            full_name: value(NAME),
            id_number: id,
            relationship: value(RELATIONSHIP),
            document_no: value(DOCUMENT),
            certified_by: value(CERTIFIED_BY),
            valid_from: from,
            valid_to: to,
        });
        ctx.info(s.new_proxy_kept);
        Nav::push(ReceiverId::new(ctx.lang(), draft))
    }

    fn on_result(&mut self, outcome: Outcome, _ctx: &mut Ctx) -> Nav {
        pass_down(outcome)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let body = draw_heading(
            view.lang,
            frame,
            area,
            &FormScreen::title(self, view.lang),
            &self.draft,
            view.theme,
        );
        let x = body.x + 1;
        let w = usize::from(body.width.saturating_sub(2));
        let hint = if self.guardian {
            s.new_guardian_hint
        } else {
            s.new_proxy_hint
        };
        frame
            .buffer_mut()
            .set_stringn(x, body.y, fit(hint, w), w, view.theme.text());
        let area = Rect::new(
            x,
            body.y + 2,
            body.width.saturating_sub(2),
            body.height.saturating_sub(2),
        );
        self.form.draw(frame, area, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        form::help_submit(keys, s, s.short_next_step)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use chrono::NaiveDate;

    #[test]
    fn dates_are_read_day_first_in_the_ways_clerks_type_them() {
        let want = NaiveDate::from_ymd_opt(2026, 12, 31);
        for s in [
            "31/12/2026",
            "31.12.2026",
            "31-12-2026",
            "31122026",
            " 31/12/2026 ",
        ] {
            assert_eq!(parse_date(s), want, "{s}");
        }
        assert_eq!(parse_date("1/2/2026"), NaiveDate::from_ymd_opt(2026, 2, 1));
        for bad in ["", "31/12/26", "2026-12-31", "31/13/2026", "30/02/2026"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
