use super::*;

fn m(d: i64) -> Money {
    Money::from_dong(d)
}

fn payment(seq: i64, clerk: i64, method: PayMethod, total: i64, category: &str) -> PaymentFact {
    PaymentFact {
        id: seq,
        receipt_no: format!("HD-2026-{seq:06}"),
        office: "HD01".into(),
        receipt_year: 2026,
        receipt_seq: seq,
        clerk_id: clerk,
        method,
        total: m(total),
        category: Some(category.into()),
        person: "Nguyễn Văn An".into(),
        paid_at: "2026-11-10T09:00:00+07:00".into(),
        voided_on: None,
    }
}

fn facts() -> DayFacts {
    let mut staff = BTreeMap::new();
    staff.insert(
        1,
        Staff {
            name: "truong".into(),
            full_name: "Trần Văn Minh".into(),
        },
    );
    staff.insert(
        2,
        Staff {
            name: "gdv1".into(),
            full_name: "Lê Thị Hoa".into(),
        },
    );
    staff.insert(
        3,
        Staff {
            name: "gdv2".into(),
            full_name: "Phạm Văn Long".into(),
        },
    );
    let mv = |clerk, kind, amount| MoveFact {
        clerk_id: clerk,
        supervisor_id: 1,
        kind,
        amount: m(amount),
        at: String::new(),
    };
    let mut last = BTreeMap::new();
    last.insert(("HD01".to_string(), 2026), 10);
    DayFacts {
        day: "2026-11-10".into(),
        payments: vec![
            payment(11, 2, PayMethod::Cash, 2_789_000, "Thương binh"),
            payment(12, 2, PayMethod::Bank, 1_000_000, "Bệnh binh"),
            payment(13, 3, PayMethod::Home, 3_000_000, "Thương binh"),
        ],
        reversals: vec![ReversalFact {
            payment_id: 7,
            receipt_no: "HD-2026-000007".into(),
            method: PayMethod::Cash,
            total: m(500_000),
            category: Some("Thương binh".into()),
            paid_on: "2026-11-09".into(),
            requested_by: 2,
            approved_by: 1,
            reason: "Chi nhầm người".into(),
            at: String::new(),
        }],
        moves: vec![
            mv(2, MoveKind::Float, 5_000_000),
            mv(3, MoveKind::Float, 2_000_000),
            mv(3, MoveKind::Issue, 2_000_000),
            mv(3, MoveKind::Return, 500_000),
        ],
        counts: vec![CountFact {
            clerk_id: 2,
            at: String::new(),
            notes: BTreeMap::from([(500_000, 5), (200_000, 1), (10_000, 1), (1_000, 1)]),
            counted: m(2_711_000),
            expected: m(2_711_000),
            difference: Money::ZERO,
            reason: None,
            counted_by: 2,
            not_counted: None,
        }],
        staff,
        last_seq_before: last,
        ..DayFacts::default()
    }
}

#[test]
fn a_drawers_expected_cash_follows_floats_payments_and_voids() {
    let r = compute(&facts());
    let hoa = r.clerks.iter().find(|c| c.name == "gdv1").unwrap();
    // 5.000.000 − 2.789.000 cash paid + 500.000 voided back.
    assert_eq!(hoa.expected, m(2_711_000));
    assert_eq!(hoa.cash_paid, m(2_789_000));
    let long = r.clerks.iter().find(|c| c.name == "gdv2").unwrap();
    // 2.000.000 + 2.000.000 − 500.000 − 3.000.000 paid at home.
    assert_eq!(long.expected, m(500_000));
    assert_eq!(r.totals.cash_expected, m(3_211_000));
    assert_eq!(r.totals.cash_counted, m(2_711_000));
}

#[test]
fn totals_are_net_of_voids_by_method_and_category() {
    let r = compute(&facts());
    assert_eq!(
        r.totals.payments,
        Tally {
            count: 3,
            amount: m(6_789_000)
        }
    );
    assert_eq!(
        r.totals.voids,
        Tally {
            count: 1,
            amount: m(500_000)
        }
    );
    assert_eq!(r.totals.net, m(6_289_000));
    assert_eq!(
        r.totals.by_method[&PayMethod::Cash],
        Tally {
            count: 0,
            amount: m(2_289_000)
        }
    );
    assert_eq!(r.totals.by_method[&PayMethod::Bank].amount, m(1_000_000));
    assert_eq!(r.totals.by_category["Thương binh"].amount, m(5_289_000));
    let sum: Money = r.totals.by_method.values().map(|t| t.amount).sum();
    assert_eq!(sum, r.totals.net);
}

#[test]
fn an_uncounted_drawer_blocks_the_close() {
    let r = compute(&facts());
    assert_eq!(
        r.blockers,
        vec![Blocker::NotCounted {
            clerk: "Phạm Văn Long".into()
        }]
    );
}

#[test]
fn a_difference_without_a_reason_blocks_the_close() {
    let mut f = facts();
    f.counts[0].counted = m(2_700_000);
    f.counts[0].difference = m(-11_000);
    let r = compute(&f);
    assert!(r.blockers.contains(&Blocker::NoReason {
        clerk: "Lê Thị Hoa".into(),
        difference: m(-11_000)
    }));
    f.counts[0].reason = Some("Thiếu 11.000 đ, đã báo".into());
    assert!(
        !compute(&f)
            .blockers
            .iter()
            .any(|b| matches!(b, Blocker::NoReason { .. }))
    );
    assert_eq!(compute(&f).difference(), m(-11_000));
}

#[test]
fn missing_receipt_numbers_are_reported() {
    let mut f = facts();
    assert!(compute(&f).receipt_gaps.is_empty());
    f.payments[1].receipt_seq = 14; // 12 and 13 … 13 is there, 12 missing
    f.payments[2].receipt_seq = 13;
    assert_eq!(
        compute(&f).receipt_gaps,
        vec![Gap {
            office: "HD01".into(),
            year: 2026,
            from: 12,
            to: 12
        }]
    );
    f.last_seq_before.insert(("HD01".into(), 2026), 8);
    assert_eq!(
        compute(&f).receipt_gaps[0],
        Gap {
            office: "HD01".into(),
            year: 2026,
            from: 9,
            to: 10
        }
    );
}

#[test]
fn the_stored_totals_are_canonical_json() {
    let a = compute(&facts()).totals_json();
    let b = compute(&facts()).totals_json();
    assert_eq!(a, b);
    assert!(a.contains("\"net\":6289000"), "{a}");
}
