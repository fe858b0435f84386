//! The clerk's blind count of their own drawer at the end of the shift.
//!
//! One row per denomination of the configuration (500.000 … 500 đ): the
//! clerk types how many notes, and sees the amount of each row and the
//! running total counted, in figures and in words. The amount the drawer
//! should hold is **never** on this screen before the count is recorded:
//! the screen does not even ask the service for it. Enter walks down the
//! rows; Enter on the last row (or the record key from any row) asks
//! "Ghi số đếm? Sau khi ghi không sửa được"; yes records the count once
//! (`Service::count_drawer`), which answers with what was expected and the
//! difference. A difference needs a reason, typed then and there
//! (`Service::explain_difference`); the supervisor sees it in the day
//! report, and the day cannot close without it.
//!
//! Opened again after the count, the screen shows the recorded count (and
//! asks for the reason if it is still missing). A drawer that was not
//! opened today has nothing to count; the screen says so.

mod draw;

use crate::i18n::Lang;
use std::collections::BTreeMap;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Nav, Screen};
use crate::domain::Money;
use crate::domain::report::CountFact;
use crate::service::day::DayError;
use crate::service::{Error, Session};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList, key_match};
use crate::tui::widgets::fit::{fit, right};
use crate::tui::widgets::form::{self, Field, Form, FormMsg};
use crate::tui::widgets::input::{Input, InputMsg};

/// Columns of the number of notes.
pub(super) const NOTES_WIDTH: u16 = 7;
/// Columns of a denomination's label ("500.000 đ").
pub(super) const LABEL_WIDTH: usize = 9;

/// Where the screen is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    /// No float today: nothing to count.
    NotOpen,
    /// Typing the notes; `asking` while "Ghi số đếm?" waits for c/k.
    Counting { form: Form, asking: bool },
    /// The count is recorded; `reason` is the field for the reason while
    /// one is needed and not yet given.
    Counted {
        fact: CountFact,
        reason: Option<Input>,
    },
}

/// The count screen.
pub struct DrawerCount {
    clerk: String,
    denominations: Vec<i64>,
    stage: Stage,
}

/// What a key does on the count screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Form(FormMsg),
    /// Ask "Ghi số đếm?".
    Ask,
    /// The answer to it.
    Record,
    NotNow,
    Reason(InputMsg),
    SaveReason,
}

impl DrawerCount {
    /// The screen for the signed-in user's drawer, or `None` (with the
    /// reason on the message line) when its state cannot be read.
    pub fn open(ctx: &mut Ctx) -> Option<DrawerCount> {
        let session = ctx.session.clone()?;
        let denominations = ctx.service.config().cash.denominations.clone();
        let mut screen = DrawerCount {
            clerk: session.user.full_name.clone(),
            denominations,
            stage: Stage::NotOpen,
        };
        screen.reload(ctx, &session).then_some(screen)
    }

    /// Reads the drawer's state again; false (with the error shown) if it
    /// cannot be read.
    fn reload(&mut self, ctx: &mut Ctx, session: &Session) -> bool {
        match ctx.service.drawer_state(session) {
            Ok((_, Some(fact))) => {
                self.stage = counted(fact);
                true
            }
            Ok((true, None)) => {
                self.stage = Stage::Counting {
                    form: notes_form(&self.denominations),
                    asking: false,
                };
                true
            }
            Ok((false, None)) => {
                self.stage = Stage::NotOpen;
                true
            }
            Err(e) => {
                ctx.error(&e);
                false
            }
        }
    }

    /// Each denomination with the notes typed for it (an empty row is 0),
    /// in the form's order.
    fn rows(&self, form: &Form) -> Vec<(i64, i64)> {
        self.denominations
            .iter()
            .enumerate()
            .map(|(i, &d)| (d, form.value(i).parse::<i64>().unwrap_or(0)))
            .collect()
    }

    fn record(&mut self, ctx: &mut Ctx) -> Nav {
        let Stage::Counting { form, .. } = &self.stage else {
            return Nav::Stay;
        };
        let notes: BTreeMap<i64, i64> = self.rows(form).into_iter().collect();
        let Some(session) = ctx.session.clone() else {
            return Nav::Stay;
        };
        match ctx.service.count_drawer(&session, &notes) {
            Ok(fact) => {
                let s = ctx.lang().strings();
                if fact.difference.is_zero() {
                    ctx.info(s.count_recorded_agrees);
                } else {
                    ctx.info(s.count_recorded_differs);
                }
                self.stage = counted(fact);
            }
            Err(
                e @ Error::Day(
                    DayError::AlreadyCounted { .. }
                    | DayError::DrawerCounted { .. }
                    | DayError::DrawerNotOpen { .. },
                ),
            ) => {
                // Counted from another counter, or the drawer is not open:
                // show what the database says.
                ctx.error(&e);
                self.reload(ctx, &session);
            }
            Err(e) => {
                ctx.error(&e);
                if let Stage::Counting { asking, .. } = &mut self.stage {
                    *asking = false;
                }
            }
        }
        Nav::Stay
    }

    fn save_reason(&mut self, ctx: &mut Ctx) -> Nav {
        let Stage::Counted {
            reason: Some(input),
            ..
        } = &mut self.stage
        else {
            return Nav::Stay;
        };
        if input.value().trim().is_empty() {
            ctx.error(&ctx.lang().strings().count_reason_needed);
            return Nav::Stay;
        }
        let Some(session) = ctx.session.clone() else {
            return Nav::Stay;
        };
        let text = input.value().to_string();
        match ctx.service.explain_difference(&session, &text) {
            Ok(()) => {
                ctx.info(ctx.lang().strings().count_reason_saved);
                self.reload(ctx, &session);
            }
            Err(e) => ctx.error(&e),
        }
        Nav::Stay
    }
}

/// The stage after a count: the reason asked for while one is needed.
fn counted(fact: CountFact) -> Stage {
    let needs_reason =
        !fact.difference.is_zero() && fact.reason.as_deref().is_none_or(|r| r.trim().is_empty());
    Stage::Counted {
        fact,
        reason: needs_reason.then(|| Input::new().max_chars(200)),
    }
}

/// The running total of the notes typed: for the clerk's eyes only; the
/// service adds them up again when the count is recorded.
pub(super) fn running_total(rows: &[(i64, i64)]) -> Money {
    rows.iter()
        .map(|(d, n)| Money::from_dong(d.saturating_mul(*n)))
        .sum()
}

/// "500.000 đ", right-aligned in the label column.
pub(super) fn denomination_label(d: i64) -> String {
    right(&Money::from_dong(d).to_string(), LABEL_WIDTH)
}

fn notes_form(denominations: &[i64]) -> Form {
    Form::new(
        denominations
            .iter()
            .map(|&d| {
                Field::new(&denomination_label(d), Input::new().digits().max_chars(6))
                    .width(NOTES_WIDTH)
            })
            .collect(),
    )
}

/// "THIẾU", "THỪA" or "KHỚP" for a difference.
pub fn difference_word(lang: Lang, difference: Money) -> &'static str {
    let s = lang.strings();
    if difference.is_zero() {
        s.difference_none
    } else if difference.is_negative() {
        s.difference_short
    } else {
        s.difference_over
    }
}

impl Screen for DrawerCount {
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().count_title.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        match &self.stage {
            Stage::NotOpen => None,
            Stage::Counting { asking: true, .. } => {
                if key_match(key, &keys.yes, false) {
                    Some(Msg::Record)
                } else if key_match(key, &keys.no, false) || key_match(key, &keys.back, false) {
                    Some(Msg::NotNow)
                } else {
                    None
                }
            }
            Stage::Counting { form, .. } => {
                // The fields take digits only, so a letter is a key here.
                if key_match(key, &keys.record_count, false) {
                    return Some(Msg::Ask);
                }
                match form.on_key(key, keys)? {
                    FormMsg::Submit => Some(Msg::Ask),
                    other => Some(Msg::Form(other)),
                }
            }
            Stage::Counted {
                reason: Some(input),
                ..
            } => {
                if key_match(key, &keys.enter, true) {
                    Some(Msg::SaveReason)
                } else {
                    input.on_key(key, keys).map(Msg::Reason)
                }
            }
            Stage::Counted { reason: None, .. } => None,
        }
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match (msg, &mut self.stage) {
            (Msg::Form(m), Stage::Counting { form, .. }) => form.update(m),
            (Msg::Ask, Stage::Counting { asking, .. }) => {
                *asking = true;
                ctx.clear_message();
            }
            (Msg::NotNow, Stage::Counting { asking, .. }) => {
                *asking = false;
                ctx.info(ctx.lang().strings().count_not_recorded);
            }
            (Msg::Record, Stage::Counting { .. }) => return self.record(ctx),
            (
                Msg::Reason(m),
                Stage::Counted {
                    reason: Some(input),
                    ..
                },
            ) => input.update(m),
            (Msg::SaveReason, Stage::Counted { .. }) => return self.save_reason(ctx),
            _ => {}
        }
        Nav::Stay
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let s = view.lang.strings();
        let theme = view.theme;
        if area.height < 4 || area.width < 4 {
            return;
        }
        let x = area.x + 1;
        let w = usize::from(area.width.saturating_sub(2));
        let heading = format!("{} · {}", s.count_title, for_display(&self.clerk));
        frame
            .buffer_mut()
            .set_stringn(x, area.y, fit(&heading, w), w, theme.heading());
        let body = Rect::new(x, area.y + 1, area.width - 2, area.height - 1);
        match &self.stage {
            Stage::NotOpen => {
                draw::put_lines(
                    frame,
                    body,
                    &[
                        (String::new(), theme.text()),
                        (s.count_not_open.to_string(), theme.text()),
                    ],
                );
            }
            Stage::Counting { form, asking } => draw::counting(
                view.lang,
                frame,
                body,
                form,
                &self.rows(form),
                *asking,
                theme,
                view.focused && !asking,
            ),
            Stage::Counted { fact, reason } => draw::counted(
                view.lang,
                frame,
                body,
                fact,
                reason.as_ref(),
                theme,
                view.focused,
            ),
        };
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        match &self.stage {
            Stage::NotOpen | Stage::Counted { reason: None, .. } => Vec::new(),
            Stage::Counting { asking: true, .. } => vec![
                KeyHelp::new(&keys.yes, s.key_count_yes).short(s.short_record),
                KeyHelp::new(&keys.no, s.key_count_no).short(s.short_not_now),
            ],
            Stage::Counting { .. } => {
                let mut items = vec![
                    KeyHelp::new(&keys.record_count, s.key_record_count).short(s.short_record),
                ];
                let mut form_keys = form::help(keys, s);
                form_keys[1] = form_keys[1].clone().short(s.short_next);
                items.extend(form_keys);
                items
            }
            Stage::Counted {
                reason: Some(_), ..
            } => {
                let mut items =
                    vec![KeyHelp::new(&keys.enter, s.key_save_reason).short(s.short_save)];
                items.extend(crate::tui::widgets::input::help(keys, s));
                items
            }
        }
    }

    fn typing(&self) -> bool {
        match &self.stage {
            Stage::Counting { asking, .. } => !asking,
            Stage::Counted { reason, .. } => reason.is_some(),
            Stage::NotOpen => false,
        }
    }

    fn takes_char(&self, c: char) -> bool {
        match &self.stage {
            // Digit fields: letters stay keys (the record key, help, quit).
            Stage::Counting { .. } => c.is_ascii_digit(),
            _ => true,
        }
    }
}
