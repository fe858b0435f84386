//! Step 1 of paying: who takes the money.
//!
//! The list offers the person, every proxy and guardian on file, and a new
//! proxy or guardian. Every proxy on file is listed with its validity, but
//! only one in date can be chosen: choosing an expired one is refused with
//! the date it ended (the same words the service uses). The person can be
//! chosen only when their ID number is on file, since step 2 checks it —
//! unless the file was opened by that very number at the counter: then
//! step 2 is already done and the flow goes on to the method.
//!
//! For a deceased person the list offers their heir on file and nothing
//! else: the heir's ID number is checked at step 2 like a proxy's.
//!
//! A card scanned (or a number typed) here chooses its holder: an ID number
//! starts with 0, which no row's number does, so a 0 starts the number
//! instead of choosing; at 12 digits the person, or the proxy or guardian
//! on file with that number, is chosen with the card checked, as at the
//! search. Digits never choose a row in the middle of a number.

use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::method::ChooseMethod;
use super::new_proxy::NewProxyForm;
use super::receiver_id::ReceiverId;
use super::{Chosen, Draft, draw_heading, pass_down};
use crate::domain::proxy::Validity;
use crate::i18n::strings;
use crate::service::counter::ProxyOnFile;
use crate::service::pay::PayError;
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::screens::person::proxy_state;
use crate::tui::screens::{Nav, Outcome, Screen};
use crate::tui::widgets::choice_list::{ChoiceList, ChoiceMsg};
use crate::tui::widgets::fit::fit;

/// One choice of the list.
#[derive(Debug, Clone)]
enum Choice {
    Person,
    OnFile(ProxyOnFile),
    NewProxy,
    NewGuardian,
    Heir,
}

/// Step 1: choosing the receiver.
pub struct ChooseReceiver {
    draft: Draft,
    choices: Vec<Choice>,
    list: ChoiceList,
    /// A card's number being scanned or typed.
    scan: Option<String>,
}

/// What a key does on step 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    List(ChoiceMsg),
    /// A digit of a card's number.
    Digit(char),
    /// Backspace in the number.
    Back,
    /// Esc: the number dropped.
    Drop,
}

/// Digits of a CCCD.
const ID_DIGITS: usize = 12;

impl ChooseReceiver {
    pub fn new(draft: Draft) -> ChooseReceiver {
        if matches!(draft.receiver, Chosen::Heir(_)) {
            return ChooseReceiver {
                list: ChoiceList::new(1),
                choices: vec![Choice::Heir],
                draft,
                scan: None,
            };
        }
        let mut choices = vec![Choice::Person];
        choices.extend(draft.view.proxies.iter().cloned().map(Choice::OnFile));
        choices.push(Choice::NewProxy);
        choices.push(Choice::NewGuardian);
        let mut list = ChoiceList::new(choices.len());
        // Found by the card of a proxy or guardian on file: that one is
        // marked (the newest of theirs, listed first).
        if let Some(i) = choices.iter().position(|c| checked(&draft, c)) {
            list.select(i);
        }
        ChooseReceiver {
            list,
            choices,
            draft,
            scan: None,
        }
    }

    /// A whole number scanned: its holder chosen with the card checked, or
    /// the number refused.
    fn scanned(&mut self, number: String, ctx: &mut Ctx) -> Nav {
        if let Chosen::Heir(h) = &self.draft.receiver {
            if h.id_number == number {
                let mut draft = self.draft.clone();
                draft.receiver_id = number;
                return Nav::push(ChooseMethod::new(draft, ctx));
            }
        } else {
            let holder = self.choices.iter().position(|c| match c {
                Choice::Person => self.draft.view.id_number() == Some(number.as_str()),
                Choice::OnFile(p) => p.proxy.id_number == number,
                _ => false,
            });
            if let Some(i) = holder {
                // Chosen as if found by this card at the search: an expired
                // proxy is still refused, with its date.
                self.draft.id_checked = Some(number);
                self.list.select(i);
                return self.choose(i, ctx);
            }
        }
        ctx.error(&strings::NotAReceiver(number));
        Nav::Stay
    }

    fn choose(&mut self, i: usize, ctx: &mut Ctx) -> Nav {
        let Some(choice) = self.choices.get(i).cloned() else {
            return Nav::Stay;
        };
        let mut draft = self.draft.clone();
        // The card of the receiver chosen was checked at the search: step
        // 2 is done.
        let card = checked(&draft, &choice)
            .then(|| draft.id_checked.clone())
            .flatten();
        match choice {
            Choice::Person => {
                if draft.view.id_number().is_none() {
                    ctx.error(&PayError::NoIdOnFile);
                    return Nav::Stay;
                }
                draft.receiver = Chosen::Person;
            }
            Choice::OnFile(p) if !p.sealed => {
                ctx.error(&crate::service::Error::Store(
                    crate::store::proxies::tampered(p.proxy.id),
                ));
                return Nav::Stay;
            }
            Choice::OnFile(p) => match p.validity {
                Validity::InDate => draft.receiver = Chosen::OnFile(p.proxy),
                Validity::Expired { on } => {
                    ctx.error(&PayError::ProxyExpired { on });
                    return Nav::Stay;
                }
                Validity::NotYetValid { from } => {
                    ctx.error(&PayError::ProxyNotYetValid { from });
                    return Nav::Stay;
                }
            },
            Choice::NewProxy => {
                return Nav::push(NewProxyForm::new(
                    ctx.lang(),
                    draft,
                    false,
                    ctx.service.today(),
                ));
            }
            Choice::NewGuardian => {
                return Nav::push(NewProxyForm::new(
                    ctx.lang(),
                    draft,
                    true,
                    ctx.service.today(),
                ));
            }
            Choice::Heir => {}
        }
        if let Some(id) = card {
            draft.receiver_id = id;
            return Nav::push(ChooseMethod::new(draft, ctx));
        }
        Nav::push(ReceiverId::new(ctx.lang(), draft))
    }

    fn label(&self, lang: Lang, choice: &Choice) -> String {
        let s = lang.strings();
        let d = |t: &str| for_display(t).into_owned();
        match choice {
            Choice::Person => {
                let mut label = format!(
                    "{}: {}",
                    s.receiver_person,
                    d(&self.draft.view.person.full_name)
                );
                if checked(&self.draft, choice) {
                    label.push_str(&format!("  ({})", strings::id_checked_at_search(lang)));
                }
                label
            }
            // In date, its card checked at the search: which is what the
            // clerk needs beside the name (the dates are on the file).
            Choice::OnFile(p) if checked(&self.draft, choice) => format!(
                "{} ({}): {} ({})",
                if p.proxy.guardian {
                    s.proxy_kind_guardian
                } else {
                    s.proxy_kind_proxy
                },
                strings::id_checked_at_search(lang),
                d(&p.proxy.full_name),
                d(&p.proxy.relationship)
            ),
            Choice::OnFile(p) => format!(
                "{}: {} ({})",
                proxy_state(lang, p),
                d(&p.proxy.full_name),
                d(&p.proxy.relationship)
            ),
            Choice::NewProxy => s.receiver_new_proxy.to_string(),
            Choice::NewGuardian => s.receiver_new_guardian.to_string(),
            Choice::Heir => match &self.draft.receiver {
                Chosen::Heir(h) => format!(
                    "{}: {} ({})",
                    crate::i18n::heir::heir_choice(lang),
                    d(&h.full_name),
                    d(&h.relationship)
                ),
                _ => crate::i18n::heir::heir_choice(lang).to_string(),
            },
        }
    }
}

/// Whether `choice` is the receiver whose ID number found the person at
/// the counter: their card was checked there. An expired proxy is not: it
/// cannot be chosen.
fn checked(draft: &Draft, choice: &Choice) -> bool {
    let Some(id) = draft.id_checked.as_deref() else {
        return false;
    };
    match choice {
        Choice::Person => draft.view.id_number() == Some(id),
        Choice::OnFile(p) => p.usable() && p.proxy.id_number == id,
        _ => false,
    }
}

impl Screen for ChooseReceiver {
    /// A payment not recorded is dropped at the lock: the receiver is
    /// checked again.
    fn on_lock(&self) -> crate::tui::screens::OnLock {
        crate::tui::screens::OnLock::Drop
    }

    /// Moving, choosing the receiver at an index, or a card's number.
    type Msg = Msg;

    fn title(&self, lang: Lang) -> String {
        lang.strings().step_receiver.to_string()
    }

    fn on_key(&self, key: &KeyEvent, keys: &KeyList) -> Option<Msg> {
        let digit = match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() && key.modifiers.is_empty() => Some(c),
            _ => None,
        };
        if self.scan.is_some() {
            return match (digit, key.code) {
                (Some(c), _) => Some(Msg::Digit(c)),
                (None, KeyCode::Backspace) => Some(Msg::Back),
                (None, KeyCode::Esc) => Some(Msg::Drop),
                _ => None,
            };
        }
        // A 0 starts a card's number, unless the list is long enough for
        // 0 to be its tenth row.
        if digit == Some('0') && self.choices.len() < 10 {
            return Some(Msg::Digit('0'));
        }
        self.list.on_key(key, keys).map(Msg::List)
    }

    fn update(&mut self, msg: Msg, ctx: &mut Ctx) -> Nav {
        match msg {
            Msg::List(m) => match self.list.update(m) {
                Some(i) => self.choose(i, ctx),
                None => Nav::Stay,
            },
            Msg::Digit(c) => {
                let mut number = self.scan.take().unwrap_or_default();
                number.push(c);
                if number.len() < ID_DIGITS {
                    self.scan = Some(number);
                    return Nav::Stay;
                }
                self.scanned(number, ctx)
            }
            Msg::Back => {
                if let Some(n) = &mut self.scan {
                    n.pop();
                    if n.is_empty() {
                        self.scan = None;
                    }
                }
                Nav::Stay
            }
            Msg::Drop => {
                self.scan = None;
                Nav::Stay
            }
        }
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
            s.step_receiver,
            &self.draft,
            view.theme,
        );
        let x = body.x + 1;
        let w = body.width.saturating_sub(2);
        let hint = match &self.scan {
            Some(n) => format!("{} {n}", strings::scanning(view.lang)),
            None => s.receiver_hint.to_string(),
        };
        frame.buffer_mut().set_stringn(
            x,
            body.y,
            fit(&hint, usize::from(w)),
            usize::from(w),
            if self.scan.is_some() {
                view.theme.heading()
            } else {
                view.theme.text()
            },
        );
        let rows: Vec<Line> = self
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| {
                Line::raw(fit(
                    &self.list.row(i, &self.label(view.lang, c)),
                    usize::from(w),
                ))
            })
            .collect();
        let list = Rect::new(x, body.y + 2, w, body.height.saturating_sub(2));
        self.list.draw(frame, list, &rows, view.theme);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        let s = lang.strings();
        let choose = KeyHelp::new(&keys.enter, s.key_choose_receiver).short(s.short_next_step);
        let mut help = self.list.help(keys, s, choose);
        help.push(KeyHelp::keys("0…", strings::key_scan(lang)));
        help
    }
}
