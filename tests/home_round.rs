//! The route sheet of a home round: the people paid at home and still owed
//! something, by hamlet, with the amount and room to sign; a person paid
//! at the counter meanwhile leaves the sheet.

use crate::common;

use chitra::domain::Money;
use chitra::domain::payment::PayMethod;
use chitra::service::pay::{PayRequest, Receiver};
use chitra::service::register::RegisterRequest;
use common::*;

#[test]
fn the_route_sheet_lists_the_unpaid_people_paid_at_home_with_their_total() {
    let office = Office::new();
    office.import("t11.csv", &csv("2026-11", &three()), "2026-11");
    let mut svc = office.service();
    let hoa = office.sign_in(&mut svc, CLERK1);
    let mut home = Vec::new();
    for id in ["046048001234", "046060007777"] {
        let person = svc.search(id, 1).unwrap().hits[0].person.id;
        let req = RegisterRequest {
            method: Some(PayMethod::Home),
            home_reason: Some("ill".into()),
            ..RegisterRequest::default()
        };
        svc.register(&hoa, person, &req).unwrap();
        home.push(person);
    }
    let period = "2026-11".parse().unwrap();
    let stops = svc.home_stops(period, None).unwrap();
    let names: Vec<&str> = stops.iter().map(|s| s.full_name.as_str()).collect();
    assert_eq!(
        names,
        ["Nguyễn Văn An", "Lê Văn Cúc"],
        "Thôn Đông before Thôn Tây; Bình is paid at the counter"
    );
    let doc = chitra::document::home::build(
        chitra::i18n::Lang::Vi,
        &office.config.office,
        period,
        &stops,
        "Toàn xã",
        "2026-11-10",
    );
    let text = chitra::print::document::render_text(&doc);
    assert!(
        text.contains("5.909.000"),
        "the total of 2.789.000 + 3.120.000: {text}"
    );
    assert!(text.contains("Ký nhận"), "{text}");
    assert_eq!(svc.home_stops(period, Some("thon tay")).unwrap().len(), 1);

    // An comes to the counter after all: he leaves the round.
    let req = PayRequest {
        person_id: home[0],
        receiver: Receiver::Person,
        receiver_id_number: "046048001234".into(),
        method: PayMethod::Cash,
        account: None,
        reference: None,
        idem_key: svc.new_idem_key(),
        lines: Vec::new(),
        approval: None,
    };
    svc.pay(&hoa, &req).unwrap();
    let stops = svc.home_stops(period, None).unwrap();
    assert_eq!(stops.len(), 1);
    assert_eq!(stops[0].amount, Money::from_dong(3_120_000));
}
