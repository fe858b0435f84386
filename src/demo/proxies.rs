//! Proxies (người được ủy quyền) and guardians (người giám hộ) on file for
//! the demo office.
//!
//! About one person in ten who collects cash has authorised a relative to
//! collect it: the authorisation is certified by the commune and lasts at
//! most a year. Seen from the demo's "today" ([`demo_today`]) most are in
//! date, a few have expired and one is not valid yet, so the counter screens
//! have every case to show. A few adults disabled by agent orange have a
//! guardian, registered with no end date.

use std::collections::HashSet;

use chrono::{Days, Months, NaiveDate};

use super::catalog::{CERTIFIER, CON_DE_CHAT_DOC};
use super::ids::{PROVINCE_CODE, century_gender_digit};
use super::names;
use super::people::{DEMO_YEAR, DemoPerson, Gender};
use super::rng::Rng;

/// The date the demo office is looked at: 28/11/2026.
pub fn demo_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("a valid date")
}

/// Whether the receiver is an authorised proxy or a legal guardian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyRole {
    /// Người được ủy quyền.
    Authorised,
    /// Người giám hộ.
    Guardian,
}

/// Someone allowed to receive a person's money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoProxy {
    /// The record code of the person represented.
    pub record_code: String,
    pub full_name: String,
    /// A 12-digit CCCD, unique among people and proxies.
    pub id_number: String,
    /// "con trai", "vợ", "mẹ", …
    pub relationship: &'static str,
    pub role: ProxyRole,
    /// "123/UQ-UBND" for an authorisation, "7/GH-UBND" for a guardianship.
    pub document_number: String,
    pub certified_by: String,
    pub valid_from: NaiveDate,
    /// None for a guardian (no end date).
    pub valid_to: Option<NaiveDate>,
}

impl DemoProxy {
    /// Whether the proxy may receive money on `day`.
    pub fn is_valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| day <= to)
    }
}

/// Relationship, the proxy's gender, and their birth year relative to the
/// person's (min, max years later; negative = older).
type Relation = (&'static str, Option<Gender>, (i32, i32));

const RELATIVES: &[(Relation, u32)] = &[
    (("con trai", Some(Gender::Nam), (20, 35)), 30),
    (("con gái", Some(Gender::Nu), (20, 35)), 30),
    (("cháu", None, (40, 55)), 20),
    (("vợ/chồng", None, (-6, 6)), 20),
];

const GUARDIANS: &[(Relation, u32)] = &[
    (("mẹ", Some(Gender::Nu), (-35, -20)), 45),
    (("cha", Some(Gender::Nam), (-38, -22)), 25),
    (("anh trai", Some(Gender::Nam), (-10, -2)), 15),
    (("chị gái", Some(Gender::Nu), (-10, -2)), 15),
];

/// Builds the proxies and guardians on file for `people`.
pub fn demo_proxies(seed: u64, people: &[DemoPerson]) -> Vec<DemoProxy> {
    let mut rng = Rng::stream(seed, 2);
    let mut taken: HashSet<String> = people.iter().filter_map(|p| p.id_number.clone()).collect();
    let today = demo_today();

    // Those who collect cash themselves, the oldest most likely to send someone.
    let chosen: Vec<&DemoPerson> = people
        .iter()
        .filter(|p| matches!(p.pay_method, "cash" | "home") && p.category != CON_DE_CHAT_DOC)
        .filter(|p| {
            rng.chance(if DEMO_YEAR - p.birth_year >= 85 {
                300
            } else {
                140
            })
        })
        .collect();
    let last = chosen.len().saturating_sub(1);
    let mut proxies = Vec::new();
    for (j, person) in chosen.into_iter().enumerate() {
        let (from, to) = if j == last && j > 0 {
            // Signed for next month already.
            let from = today + Days::new(rng.range(3u64..=20));
            (from, year_after(from))
        } else if j % 7 == 3 {
            let to = today - Days::new(rng.range(3u64..=120));
            (year_before(to), to)
        } else {
            let from = today - Days::new(rng.range(10u64..=330));
            let half = from + Months::new(6) - Days::new(1);
            let to = if half > today && rng.chance(200) {
                half
            } else {
                year_after(from)
            };
            (from, to)
        };
        let relation = rng.weighted(RELATIVES);
        let (full_name, id_number, relationship) = relative(&mut rng, person, relation, &mut taken);
        proxies.push(DemoProxy {
            record_code: person.record_code.clone(),
            full_name,
            id_number,
            relationship,
            role: ProxyRole::Authorised,
            document_number: format!("{}/UQ-UBND", 10 + proxies.len() * 3 + rng.range(0usize..=2)),
            certified_by: CERTIFIER.to_string(),
            valid_from: from,
            valid_to: Some(to),
        });
    }

    let wards: Vec<&DemoPerson> = people
        .iter()
        .filter(|p| p.category == CON_DE_CHAT_DOC && p.birth_year > 1965)
        .collect();
    let count = wards.len().min(rng.range(2usize..=3));
    for (k, ward) in wards.into_iter().take(count).enumerate() {
        let relation = rng.weighted(GUARDIANS);
        let (full_name, id_number, relationship) = relative(&mut rng, ward, relation, &mut taken);
        let from =
            NaiveDate::from_ymd_opt(rng.range(2012..=2024), rng.range(1..=12), rng.range(1..=28))
                .expect("day 1-28 exists in every month");
        proxies.push(DemoProxy {
            record_code: ward.record_code.clone(),
            full_name,
            id_number,
            relationship,
            role: ProxyRole::Guardian,
            document_number: format!("{}/GH-UBND", 3 + k * 4),
            certified_by: CERTIFIER.to_string(),
            valid_from: from,
            valid_to: None,
        });
    }
    proxies
}

/// The last day of an authorisation starting on `from`: one year less a day.
fn year_after(from: NaiveDate) -> NaiveDate {
    from + Months::new(12) - Days::new(1)
}

fn year_before(to: NaiveDate) -> NaiveDate {
    to + Days::new(1) - Months::new(12)
}

/// A relative of `person`: name, a fresh unique CCCD, and the relationship.
fn relative(
    rng: &mut Rng,
    person: &DemoPerson,
    relation: &Relation,
    taken: &mut HashSet<String>,
) -> (String, String, &'static str) {
    let (mut label, gender, (lo, hi)) = *relation;
    let gender = match (label, gender) {
        ("vợ/chồng", _) => match person.gender {
            Gender::Nam => Gender::Nu,
            Gender::Nu => Gender::Nam,
        },
        (_, Some(g)) => g,
        (_, None) => *rng.pick(&[Gender::Nam, Gender::Nu]),
    };
    if label == "vợ/chồng" {
        label = if gender == Gender::Nu {
            "vợ"
        } else {
            "chồng"
        };
    }
    // Adults only, and nobody born before 1930 still signs for anyone.
    let birth_year = (person.birth_year + rng.range(lo..=hi)).clamp(1930, DEMO_YEAR - 18);
    // Children and the father share the family name of a male person.
    let shares_name = label == "cha"
        || person.gender == Gender::Nam && matches!(label, "con trai" | "con gái" | "cháu");
    let full_name = if shares_name {
        let family = family_name(&person.full_name);
        names::full_name_with_surname(rng, family, gender, birth_year)
    } else {
        names::full_name(rng, gender, birth_year)
    };
    let digit = century_gender_digit(birth_year, gender);
    let id = loop {
        let id = format!(
            "{PROVINCE_CODE}{digit}{:02}{}",
            birth_year.rem_euclid(100),
            rng.digits(6)
        );
        if taken.insert(id.clone()) {
            break id;
        }
    };
    (full_name, id, label)
}

/// The family name of a full name ("Tôn Thất" counts as one).
fn family_name(full_name: &str) -> &str {
    if full_name.starts_with("Tôn Thất ") || full_name.starts_with("Tôn Nữ ") {
        return "Tôn Thất";
    }
    full_name.split(' ').next().unwrap_or(full_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::people::office_people;

    #[test]
    fn proxies_cover_every_case_and_follow_the_rules() {
        let people = office_people(2026, 400);
        let proxies = demo_proxies(2026, &people);
        assert_eq!(proxies, demo_proxies(2026, &people), "deterministic");
        let today = demo_today();
        let authorised: Vec<_> = proxies
            .iter()
            .filter(|p| p.role == ProxyRole::Authorised)
            .collect();
        let share = authorised.len() * 100 / people.len();
        assert!((6..=15).contains(&share), "{share}% have a proxy");
        let valid = authorised.iter().filter(|p| p.is_valid_on(today)).count();
        let expired = authorised
            .iter()
            .filter(|p| p.valid_to.unwrap() < today)
            .count();
        let future = authorised.iter().filter(|p| p.valid_from > today).count();
        assert_eq!(future, 1);
        assert!((2..=8).contains(&expired), "{expired} expired");
        assert!(valid > authorised.len() / 2);
        let mut ids: HashSet<&str> = people
            .iter()
            .filter_map(|p| p.id_number.as_deref())
            .collect();
        for p in &proxies {
            assert!(ids.insert(&p.id_number), "{} reused", p.id_number);
            assert!(p.id_number.len() == 12 && p.id_number.starts_with("046"));
            assert_eq!(p.certified_by, "UBND xã Hải Dương");
            let person = people
                .iter()
                .find(|x| x.record_code == p.record_code)
                .unwrap();
            match p.role {
                ProxyRole::Authorised => {
                    let to = p.valid_to.unwrap();
                    assert!(
                        to > p.valid_from && to < p.valid_from + Months::new(12),
                        "{p:?}"
                    );
                    assert!(p.document_number.ends_with("/UQ-UBND"));
                    assert!(matches!(person.pay_method, "cash" | "home"));
                }
                ProxyRole::Guardian => {
                    assert_eq!(p.valid_to, None);
                    assert_eq!(person.category, CON_DE_CHAT_DOC);
                    assert!(person.birth_year > 1965);
                }
            }
        }
        let guardians = proxies
            .iter()
            .filter(|p| p.role == ProxyRole::Guardian)
            .count();
        assert!((2..=3).contains(&guardians));
        let docs: HashSet<_> = proxies.iter().map(|p| &p.document_number).collect();
        assert_eq!(docs.len(), proxies.len(), "document numbers unique");
    }

    #[test]
    fn validity_window() {
        let p = DemoProxy {
            record_code: "HD-00001".into(),
            full_name: "Nguyễn Văn An".into(),
            id_number: "046080123456".into(),
            relationship: "con trai",
            role: ProxyRole::Authorised,
            document_number: "1/UQ-UBND".into(),
            certified_by: CERTIFIER.into(),
            valid_from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            valid_to: Some(year_after(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())),
        };
        assert_eq!(p.valid_to, NaiveDate::from_ymd_opt(2026, 12, 31));
        assert!(p.is_valid_on(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()));
        assert!(!p.is_valid_on(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
        assert!(!p.is_valid_on(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()));
        assert_eq!(family_name("Tôn Nữ Thị Hoa"), "Tôn Thất");
        assert_eq!(family_name("Lê Văn Tám"), "Lê");
    }
}
