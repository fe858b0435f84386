//! Recording the heir of a deceased person, from their file (the pay key
//! of a deceased person with no heir on file, for a supervisor): the heir's
//! name, ID number, relation, address and phone, the date of death, the
//! death certificate (number, date, issuer) and the family's paper naming
//! the heir (kind, number, date). `Service::add_heir` checks everything
//! and writes it, audited; nothing is written before Enter on the last
//! field, and a refusal puts the cursor on the field to correct.

use crate::i18n::Lang;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::form_screen::FormScreen;
use super::{Nav, Outcome};
use crate::i18n::heir as words;
use crate::service::Error;
use crate::service::heirs::{HeirError, HeirField, NewHeir};
use crate::text::for_display;
use crate::tui::context::{Ctx, View};
use crate::tui::keys::{KeyHelp, KeyList};
use crate::tui::widgets::form::{self, Field, Form};
use crate::tui::widgets::input::Input;
use crate::tui::widgets::panel::Panel;

const NAME: usize = 0;
const ID: usize = 1;
const RELATION: usize = 2;
const ADDRESS: usize = 3;
const PHONE: usize = 4;
const DIED: usize = 5;
const CERT_NO: usize = 6;
const CERT_ON: usize = 7;
const CERT_BY: usize = 8;
const PAPER: usize = 9;
const PAPER_NO: usize = 10;
const PAPER_ON: usize = 11;

/// The form's field for a field the service refused.
fn field_of(f: HeirField) -> usize {
    match f {
        HeirField::FullName => NAME,
        HeirField::IdNumber => ID,
        HeirField::Relationship => RELATION,
        HeirField::Address => ADDRESS,
        HeirField::Phone => PHONE,
        HeirField::DiedOn => DIED,
        HeirField::DeathCertNo => CERT_NO,
        HeirField::DeathCertOn => CERT_ON,
        HeirField::DeathCertBy => CERT_BY,
        HeirField::FamilyPaper | HeirField::Reason => PAPER,
        HeirField::FamilyPaperNo => PAPER_NO,
        HeirField::FamilyPaperOn => PAPER_ON,
    }
}

/// The heir's papers being typed.
pub struct HeirForm {
    person_id: i64,
    who: String,
    form: Form,
}

impl HeirForm {
    pub fn new(lang: Lang, person_id: i64, person_name: &str) -> HeirForm {
        let labels = words::form_labels(lang);
        let fields = labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let input = match i {
                    ID | PHONE => Input::new().digits().max_chars(12),
                    DIED | CERT_ON | PAPER_ON => Input::new().max_chars(10),
                    _ => Input::new(),
                };
                let width = match i {
                    ID | PHONE | DIED | CERT_ON | PAPER_ON => 14,
                    _ => 44,
                };
                Field::new(label, input).width(width)
            })
            .collect();
        HeirForm {
            person_id,
            who: format!("{} {}", words::form_of(lang), for_display(person_name)),
            form: Form::new(fields),
        }
    }

    /// A date field as typed (dd/mm/yyyy); `Err` focuses it.
    fn date(&mut self, i: usize, ctx: &mut Ctx) -> Result<Option<NaiveDate>, ()> {
        let v = self.form.value(i).trim().to_string();
        if v.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(&v, "%d/%m/%Y")
            .map(Some)
            .map_err(|_| {
                self.form.focus(i);
                ctx.error(&words::bad_date(ctx.lang()));
            })
    }

    fn save(&mut self, ctx: &mut Ctx) -> Nav {
        let Some(session) = ctx.session.clone() else {
            return Nav::Back(Outcome::Cancelled);
        };
        let (Ok(died), Ok(cert_on), Ok(paper_on)) = (
            self.date(DIED, ctx),
            self.date(CERT_ON, ctx),
            self.date(PAPER_ON, ctx),
        ) else {
            return Nav::Stay;
        };
        let v = |i: usize| self.form.value(i).to_string();
        let new = NewHeir {
            full_name: v(NAME),
            id_number: v(ID),
            relationship: v(RELATION),
            address: v(ADDRESS),
            phone: v(PHONE),
            died_on: died,
            death_cert_no: v(CERT_NO),
            death_cert_on: cert_on,
            death_cert_by: v(CERT_BY),
            family_paper: v(PAPER),
            family_paper_no: v(PAPER_NO),
            family_paper_on: paper_on,
            reason: String::new(),
        };
        match ctx.service.add_heir(&session, self.person_id, &new, None) {
            Ok(h) => {
                ctx.info(format!(
                    "{}: {} ({})",
                    words::recorded(ctx.lang()),
                    for_display(&h.full_name),
                    for_display(&h.relationship)
                ));
                Nav::Back(Outcome::Refresh)
            }
            Err(e) => {
                if let Error::Heir(h) = &e {
                    self.form.focus(match h {
                        HeirError::FieldMissing(f) | HeirError::BadText(f, _) => field_of(*f),
                        HeirError::BadId(_) => ID,
                        HeirError::BadPhone => PHONE,
                        HeirError::Dates(_) => CERT_ON,
                        _ => self.form.focused(),
                    });
                }
                ctx.error(&e);
                Nav::Stay
            }
        }
    }
}

impl FormScreen for HeirForm {
    fn title(&self, lang: Lang) -> String {
        words::form_title(lang).to_string()
    }

    fn form(&self) -> &Form {
        &self.form
    }

    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Nav {
        self.save(ctx)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let panel = Panel {
            title: words::form_title(view.lang),
            lines: &[&self.who],
            width: 78,
        };
        panel.draw(frame, area, &self.form, view.theme, view.focused);
    }

    fn keys(&self, keys: &KeyList, lang: Lang) -> Vec<KeyHelp> {
        form::help_submit(keys, lang.strings(), words::save(lang))
    }
}
