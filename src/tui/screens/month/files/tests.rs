//! The month screen's file previews, line by line.

use super::*;
use crate::service::bank::{Imported, Outcome};

fn outcome(reference: &str, name: &str, reason: Option<&str>) -> Outcome {
    Outcome {
        reference: reference.into(),
        code: "HD-001".into(),
        name: name.into(),
        amount_dong: 2_789_000,
        reason: reason.map(str::to_string),
        receipt: None,
        to_recover: false,
    }
}

#[test]
fn a_failed_transfer_comes_before_the_done_ones() {
    let imported = Imported {
        batch: 1,
        done: (1..=40)
            .map(|i| outcome(&format!("CK0001-{i:04}"), "Người Đã Nhận", None))
            .collect(),
        failed: vec![outcome(
            "CK0001-0041",
            "Người Chưa Nhận",
            Some("Sai số tài khoản"),
        )],
        done_total_dong: 0,
        dry_run: true,
    };
    let lines = FileImport::bank_lines(Lang::Vi, &imported);
    let failed = lines.iter().position(|l| l.contains("Người Chưa Nhận"));
    let first_done = lines.iter().position(|l| l.contains("Người Đã Nhận"));
    assert!(failed < first_done, "{lines:?}");
    assert!(lines[failed.unwrap() + 1].contains("Sai số tài khoản"));
}
