//! The day is the office's (office.time_zone, Asia/Ho_Chi_Minh by default),
//! whatever TZ the process was started with: a payment made from a session
//! at UTC−12 or UTC+14 is recorded at the office's time and on its day.
//!
//! Whether the office's date and the session zone's date differ depends on
//! the hour the test runs (for most of the day they do); the time recorded
//! must carry the office's offset, +07:00, at any hour.

use crate::deploy_office;

use deploy_office::*;

fn paid_at_under(tz: &str) -> String {
    let mut office = ServerOffice::new("");
    office.env.push(("TZ".into(), tz.into()));
    let today = office_today();
    office.open_for(&today.format("%Y-%m").to_string());
    let shown = office.pay();
    let paid_at = shown["payments"][0]["paid_at"]
        .as_str()
        .unwrap_or_else(|| panic!("paid_at in {shown}"))
        .to_string();
    // The day report for the office's day has the payment; the default
    // day of `report day` is the office's too.
    let day = office.ok(SUPERVISOR, &["report", "day", "--format", "json"], &[]);
    let day: serde_json::Value = serde_json::from_str(&day).unwrap();
    assert_eq!(day["date"], today.format("%Y-%m-%d").to_string(), "{tz}");
    assert_eq!(day["payments"], 1, "{tz}: {day}");
    paid_at
}

fn assert_office_time(paid_at: &str, tz: &str) {
    let t = chrono::DateTime::parse_from_rfc3339(paid_at).unwrap();
    assert_eq!(t.offset().local_minus_utc(), 7 * 3600, "{tz}: {paid_at}");
    let office_now = chitra::service::clock::stamp(
        chrono::Utc::now()
            .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
            .fixed_offset(),
    );
    assert_eq!(
        &paid_at[..10],
        &office_now[..10],
        "{tz}: recorded on the office's day"
    );
}

#[test]
fn a_session_at_utc_minus_12_records_the_offices_day() {
    let tz = "Etc/GMT+12";
    assert_office_time(&paid_at_under(tz), tz);
}

#[test]
fn a_session_at_utc_plus_14_records_the_offices_day() {
    let tz = "Pacific/Kiritimati";
    assert_office_time(&paid_at_under(tz), tz);
}
