//! A payment's receipt: made, written to the spool folder and printed off
//! the counter's path, printed again as a copy, or shown on screen.

use std::path::Path;
use std::sync::Arc;

use serde_json::json;

use super::Paid;
use crate::domain::person::Person;
use crate::print::{receipt, spool};
use crate::service::{Error, Service, Session};
use crate::store::{payments, people};

impl Service {
    /// Hands the receipt of `paid` to the writing thread, which makes its
    /// text, writes it to the spool folder and, when a printer is named,
    /// prints it on a thread of its own: the payment is committed already,
    /// and the counter goes on while the receipt is made. The file and any
    /// problem come from `paid.printing` once the job has them
    /// ([`Paid::wait_for_print`], [`Paid::receipt_path`]).
    pub(super) fn spool_receipt(&self, paid: &mut Paid, person: Person) {
        let config = Arc::clone(&self.config);
        let payment = paid.payment.clone();
        let name = payment.receipt_no.clone();
        let write = {
            let (config, name) = (Arc::clone(&config), name.clone());
            move || {
                let lang = config.interface.language;
                let text = receipt::render(lang, &config.office, &person, &payment, false);
                spool::write_unsynced(&config.receipt.spool_dir, &name, &text)
            }
        };
        let printer = config.receipt.printer.clone();
        let print = move |file: &Path| {
            spool::print(config.interface.language, &config.receipt, file, &name)
        };
        paid.printing = Some(self.prints.write_then_print(&printer, write, print));
    }

    /// Writes a copy of the receipt of `paid` ("BẢN SAO") to the spool
    /// folder here, then prints it on a thread of its own: the screen that
    /// asked for it names the file at once.
    fn spool_copy(&self, paid: &mut Paid, person: &Person) {
        let text = receipt::render(
            self.config.interface.language,
            &self.config.office,
            person,
            &paid.payment,
            true,
        );
        let name = format!("{}-ban-sao", paid.payment.receipt_no);
        match spool::write_unsynced(&self.config.receipt.spool_dir, &name, &text) {
            Ok(path) => {
                let receipt = self.config.receipt.clone();
                let printer = receipt.printer.clone();
                paid.printing = Some(if printer.trim().is_empty() {
                    spool::Job::ended("", Ok(()))
                } else {
                    let file = path.clone();
                    let lang = self.config.interface.language;
                    self.prints
                        .start(&printer, move || spool::print(lang, &receipt, &file, &name))
                });
                paid.receipt_file = Some(path);
            }
            Err(e) => paid.receipt_problem = Some(e),
        }
    }

    /// Prints a copy of a receipt ("BẢN SAO"), audited.
    pub fn reprint(&mut self, session: &Session, payment_id: i64) -> Result<Paid, Error> {
        let (payment, person) = self.store.read(|r| {
            let payment = payments::record(r, payment_id)?.ok_or(Error::NoSuchPayment)?;
            let person = people::get(r, payment.person_id).ok().flatten();
            Ok::<_, Error>((payment, person))
        })?;
        self.store.write(self.who(Some(session.user.id)), |w| {
            Ok::<_, Error>(
                w.log(
                    crate::store::Event::new("receipt.reprint", "payment", Some(payment_id))
                        .with(json!({ "receipt_no": payment.receipt_no })),
                    (),
                )?,
            )
        })?;
        let mut paid = Paid {
            payment,
            replayed: true,
            receipt_file: None,
            receipt_problem: None,
            printing: None,
        };
        if let Some(person) = person {
            self.spool_copy(&mut paid, &person);
        }
        Ok(paid)
    }

    /// The receipt text of a payment (for showing on screen).
    pub fn receipt_text(&self, payment_id: i64, copy: bool) -> Result<String, Error> {
        let (payment, person) = self.store.read(|r| {
            let payment = payments::record(r, payment_id)?.ok_or(Error::NoSuchPayment)?;
            let person = people::get(r, payment.person_id)?.ok_or(Error::NoSuchPerson)?;
            Ok::<_, Error>((payment, person))
        })?;
        Ok(receipt::render(
            self.config.interface.language,
            &self.config.office,
            &person,
            &payment,
            copy,
        ))
    }
}
