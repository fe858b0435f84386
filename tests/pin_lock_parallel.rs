//! A lock that holds when wrong PINs come in parallel: twenty wrong PINs
//! sent by real processes sixteen at a time, then the right one. The lock
//! check, the count of failures and the decision are one write
//! transaction, so exactly the rule's number of failures is recorded, the
//! account locks at the last of them, and no try is accepted after it —
//! the right PIN included — until a supervisor unlocks it.

use crate::deploy_office;

use std::process::{Child, Command, Output, Stdio};

use chitra::domain::user::MAX_FAILED_PINS;
use deploy_office::*;

/// A signed-in command any clerk may run that reads money.
const ARGS: &[&str] = &["report", "day", "--format", "json"];

fn spawn(office: &ServerOffice, who: (&str, &str)) -> Child {
    Command::new(env!("CARGO_BIN_EXE_chitra"))
        .arg("--config")
        .arg(office.config())
        .args(ARGS)
        .env_remove("CHITRA_DB")
        .env_remove("CHITRA_CONFIG")
        .env("CHITRA_USER", who.0)
        .env("CHITRA_PIN", who.1)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Counts of the clerk's audit rows by action.
fn audited(office: &ServerOffice, action: &str) -> i64 {
    let c = rusqlite::Connection::open(office.db()).unwrap();
    c.query_row(
        "SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.user_id
         WHERE u.name = ?1 AND a.action = ?2",
        [CLERK.0, action],
        |r| r.get(0),
    )
    .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn twenty_wrong_pins_in_parallel_lock_the_account_and_the_right_pin_stays_refused() {
    let office = ServerOffice::new("");
    office.init_with_clerk();
    let wrong_text = format!("Nhập sai {MAX_FAILED_PINS} lần liên tiếp");
    let locked_text = format!("sai PIN {MAX_FAILED_PINS} lần liên tiếp");
    for round in 1..=3 {
        let before_wrong = audited(&office, "user.pin_wrong");
        let before_lock = audited(&office, "user.lock");
        let mut outs = Vec::new();
        for batch in [16, 4] {
            let children: Vec<Child> = (0..batch)
                .map(|i| spawn(&office, (CLERK.0, if i % 2 == 0 { "0000" } else { "9876" })))
                .collect();
            outs.extend(children.into_iter().map(|c| c.wait_with_output().unwrap()));
        }
        // The right PIN, after the twenty.
        let right = spawn(&office, CLERK).wait_with_output().unwrap();
        assert_eq!(
            right.status.code(),
            Some(2),
            "round {round}: the right PIN was accepted after twenty wrong ones: {}",
            String::from_utf8_lossy(&right.stdout)
        );
        assert!(
            right.stdout.is_empty(),
            "round {round}: something was shown"
        );
        assert!(
            stderr(&right).contains(&locked_text),
            "round {round}: {}",
            stderr(&right)
        );

        // Every wrong try refused; exactly the rule's number counted as
        // wrong, one lock, the rest refused as locked.
        assert!(
            outs.iter()
                .all(|o| o.status.code() == Some(2) && o.stdout.is_empty())
        );
        let wrong = outs
            .iter()
            .filter(|o| stderr(o).contains(&wrong_text))
            .count();
        let locked = outs
            .iter()
            .filter(|o| stderr(o).contains(&locked_text))
            .count();
        assert_eq!(
            (wrong, locked),
            (
                MAX_FAILED_PINS as usize - 1,
                20 - (MAX_FAILED_PINS as usize - 1)
            ),
            "round {round}: the try that makes the limit is told the account is locked"
        );
        assert_eq!(
            audited(&office, "user.pin_wrong") - before_wrong,
            MAX_FAILED_PINS,
            "round {round}"
        );
        assert_eq!(
            audited(&office, "user.lock") - before_lock,
            1,
            "round {round}"
        );

        // The supervisor unlocks; the right PIN is accepted again.
        office.ok(SUPERVISOR, &["user", "unlock", CLERK.0], &[]);
        let right = spawn(&office, CLERK).wait_with_output().unwrap();
        assert!(right.status.success(), "round {round}: {}", stderr(&right));
        let report: serde_json::Value = serde_json::from_slice(&right.stdout).unwrap();
        assert!(report.get("date").is_some(), "{report}");
    }
    // The log still checks after all of it.
    office.ok(SUPERVISOR, &["verify"], &[]);
}

#[test]
fn a_wrong_pin_reads_the_same_for_an_unknown_user_and_a_known_one() {
    let office = ServerOffice::new("");
    office.init_with_clerk();
    let known = office.run((CLERK.0, "0000"), ARGS, &[]);
    let unknown = office.run(("khongco", "0000"), ARGS, &[]);
    assert_eq!(known.status.code(), Some(2));
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(stderr(&known), stderr(&unknown));
    assert!(known.stdout.is_empty() && unknown.stdout.is_empty());
}
