//! A payment's receipt: written to the spool folder and printed on a
//! thread of its own, printed again as a copy, or shown on screen.

use serde_json::json;

use super::Paid;
use crate::print::{receipt, spool};
use crate::service::{Error, Service, Session};
use crate::store::{payments, people};

impl Service {
    /// Writes the receipt of `paid` to the spool folder, then prints it on a
    /// thread of its own: the payment is committed already, and the screen
    /// goes on while the printer works.
    pub(super) fn spool_receipt(
        &self,
        paid: &mut Paid,
        person: &crate::domain::person::Person,
        copy: bool,
    ) {
        let text = receipt::render(
            self.config.interface.language,
            &self.config.office,
            person,
            &paid.payment,
            copy,
        );
        let name = if copy {
            format!("{}-ban-sao", paid.payment.receipt_no)
        } else {
            paid.payment.receipt_no.clone()
        };
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
            self.spool_receipt(&mut paid, &person, true);
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
