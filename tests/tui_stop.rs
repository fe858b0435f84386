//! A decrease seen from the counter: the person's file says payment stopped,
//! from which month and why, before the clerk tries to pay.

use crate::{common, tui_office};

use std::path::PathBuf;

use chitra::service::import::{ImportOptions, ListKind};
use chitra::tui::testing::screen;
use common::SUPERVISOR;
use tui_office::*;

#[test]
fn the_file_of_a_person_on_a_decrease_list_says_payment_stopped_and_why() {
    let office = office();
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/decrease_2026_11.csv"),
    )
    .unwrap();
    let path = office.write_file("giam.csv", text.as_bytes());
    let mut svc = office.service();
    let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
    let opts = ImportOptions {
        kind: ListKind::Decrease,
        period: None,
        dry_run: false,
    };
    svc.import(&boss, &path, &opts, &mut |_| {}).unwrap();

    let mut app = clerk_app(&office);
    open_person(&mut app, CUC.2);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("DỪNG CHI từ tháng 11/2026"), "{shown}");
    assert!(shown.contains("Chuyển đi"), "{shown}");
}
