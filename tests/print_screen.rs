//! The done screen while the receipt prints on its own thread, through a
//! real CUPS queue: "đang in…" at once, then the outcome without a key
//! pressed; a printer that does not print is reported with the reprint key.
//! Run when `.ci/run` has made the queues (CHITRA_TEST_PRINTER,
//! CHITRA_TEST_STOPPED_PRINTER); skipped with a note elsewhere.

use crate::{common, tui_office};

use std::sync::Arc;

use chitra::service::Service;
use chitra::tui::testing::{press, screen};
use chitra::tui::{App, Theme};
use crossterm::event::KeyCode;
use tui_office::*;

fn queue(var: &str) -> Option<String> {
    let q = std::env::var(var).ok().filter(|q| !q.trim().is_empty());
    if q.is_none() {
        eprintln!("note: {var} is not set; this printing test is skipped (see .ci/run)");
    }
    q
}

/// A clerk at the counter of `office`, receipts printed on `printer`.
fn clerk_printing_on(office: &common::Office, printer: &str) -> App {
    let mut config = (*office.config).clone();
    config.receipt.printer = printer.to_string();
    let svc = Service::open(Arc::new(config), &office.db)
        .unwrap()
        .with_clock(Arc::new(office.clock.clone()));
    let mut app = App::new(svc, Theme::colored());
    sign_in(&mut app, common::CLERK1);
    app
}

/// Pays Bình in cash and returns the done screen as first drawn.
fn pay(app: &mut App) -> String {
    open_person(app, BINH.2);
    to_confirmation(app);
    press(app, KeyCode::Enter);
    assert_eq!(app.title(), "ĐÃ CHI", "{}", message(app));
    screen(app, 80, 24)
}

#[test]
fn the_done_screen_says_printing_at_once_and_then_that_it_printed() {
    let Some(printer) = queue("CHITRA_TEST_PRINTER") else {
        return;
    };
    let office = office();
    let mut app = clerk_printing_on(&office, &printer);
    let first = pay(&mut app);
    assert!(
        first.contains(&format!("Đang in biên nhận ra máy in {printer}")),
        "{first}"
    );
    app.wait_for_prints();
    let after = screen(&mut app, 80, 24);
    assert!(
        after.contains(&format!("Đã in biên nhận ra máy in {printer}")),
        "{after}"
    );
    assert!(!after.contains("F8 In lại"), "{after}");
}

#[test]
fn a_printer_that_does_not_print_is_reported_on_the_done_screen_with_reprint() {
    let Some(printer) = queue("CHITRA_TEST_STOPPED_PRINTER") else {
        return;
    };
    let office = office();
    let mut app = clerk_printing_on(&office, &printer);
    let first = pay(&mut app);
    assert!(first.contains("Đang in biên nhận"), "{first}");
    assert!(!first.contains("F8 In lại"), "{first}");
    // The payment is recorded while the printer is still being waited for.
    assert_eq!(payments_of(&office, BINH.2).len(), 1);
    app.wait_for_prints();
    let after = screen(&mut app, 80, 24);
    assert!(
        after.contains("Đã chi và đã ghi sổ, nhưng máy in")
            && after.contains("không trả lời sau 8 giây"),
        "{after}"
    );
    assert!(after.contains("F8 In lại"), "{after}");
}
