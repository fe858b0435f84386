//! The people of the demo office: who they are, what they are paid, how.
//!
//! [`PersonGenerator`] makes one person at a time from a seed, so that a list
//! of 300 for the demo and a stream of a million for a benchmark come from
//! the same code; [`office_people`] collects the first `n`. The first `n`
//! people of a seed never change when more are asked for.

use crate::domain::EntitlementKind;

use super::catalog::{
    BANKS, CATEGORIES, COMMUNE, Category, HAMLETS, Level, MAI_TANG_PHI, PROVINCE, WALLETS,
};
use super::ids::IdIssuer;
use super::names;
use super::rng::Rng;

/// The year the demo office lives in; ages are counted from it.
pub const DEMO_YEAR: i32 = 2026;

/// Giới tính, as the lists write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Nam,
    Nu,
}

impl Gender {
    /// "Nam" or "Nữ".
    pub fn label(self) -> &'static str {
        match self {
            Gender::Nam => "Nam",
            Gender::Nu => "Nữ",
        }
    }
}

/// One person on the commune's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoPerson {
    /// Mã đối tượng, e.g. "HD-00123"; unique.
    pub record_code: String,
    pub full_name: String,
    pub birth_year: i32,
    pub gender: Gender,
    /// A 12-digit CCCD, a 9-digit CMND, or none; unique when present.
    pub id_number: Option<String>,
    /// The hamlet's name without the word "Thôn", e.g. "Thuận Hòa".
    pub hamlet: &'static str,
    /// "Thôn Thuận Hòa, xã Hải Dương, thành phố Huế".
    pub address: String,
    /// The "Loại đối tượng" text, one of [`CATEGORIES`].
    pub category: &'static str,
    /// What sets the amounts inside the category ("tỷ lệ tổn thương 61%").
    pub level: &'static str,
    pub phone: Option<String>,
    /// "cash" | "home" | "bank" | "wallet".
    pub pay_method: &'static str,
    /// Bank account number, or the phone number for a wallet.
    pub account: Option<String>,
    /// Bank or wallet name.
    pub bank: Option<String>,
    /// Non-zero lines in list order; whole đồng; a truy thu is negative.
    pub amounts: Vec<(EntitlementKind, i64)>,
}

impl DemoPerson {
    /// The amount of one kind (0 if the person has no such line).
    pub fn amount(&self, kind: EntitlementKind) -> i64 {
        self.amounts
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, a)| a)
            .sum()
    }

    /// What the person is owed this period, deductions included.
    pub fn total(&self) -> i64 {
        self.amounts.iter().map(|(_, a)| a).sum()
    }
}

/// An endless, deterministic stream of demo people for one seed.
#[derive(Debug, Clone)]
pub struct PersonGenerator {
    rng: Rng,
    ids: IdIssuer,
    next_code: u64,
    categories: Vec<(&'static Category, u32)>,
}

impl PersonGenerator {
    pub fn new(seed: u64) -> Self {
        PersonGenerator {
            rng: Rng::stream(seed, 1),
            ids: IdIssuer::new(seed),
            next_code: 0,
            categories: CATEGORIES.iter().map(|c| (c, c.weight)).collect(),
        }
    }

    fn record_code(&mut self) -> String {
        // Codes were issued over the years; people who died or moved left gaps.
        self.next_code += 1;
        if self.rng.chance(150) {
            self.next_code += self.rng.range(1u64..=3);
        }
        format!("HD-{:05}", self.next_code)
    }

    fn id_number(&mut self, birth_year: i32, gender: Gender) -> Option<String> {
        let roll = self.rng.below(1000);
        if roll < 30 {
            None
        } else if roll < 80 {
            let third = self.rng.below(10) as u8;
            self.ids.cmnd(third)
        } else {
            self.ids.cccd(birth_year, gender)
        }
    }

    /// A mobile number: "09x…" or Viettel's "032"–"039".
    fn phone(&mut self) -> String {
        let lead = if self.rng.chance(550) {
            "09".to_string()
        } else {
            format!("03{}", self.rng.range(2u8..=9))
        };
        let rest = self.rng.digits(10 - lead.len());
        lead + &rest
    }

    fn amounts(&mut self, level: &Level) -> Vec<(EntitlementKind, i64)> {
        use EntitlementKind as K;
        let mut lines = vec![(K::TroCap, level.tro_cap)];
        if level.phu_cap > 0 {
            lines.push((K::PhuCap, level.phu_cap));
        }
        if self.rng.chance(60) {
            let months = self.rng.range(1i64..=3);
            lines.push((K::TruyLinh, (level.tro_cap + level.phu_cap) * months));
        }
        if self.rng.chance(3) {
            lines.push((K::MaiTang, MAI_TANG_PHI));
        }
        if self.rng.chance(8) {
            // Part of an earlier month paid twice; never more than this month's.
            let share = self.rng.range(20i64..=60);
            let deduction = level.tro_cap * share / 100 / 500 * 500;
            lines.push((K::TruyThu, -deduction));
        }
        lines
    }

    /// Registered method, account and bank. Older people are paid at home
    /// more often; without an ID number no account can be opened.
    fn pay_method(
        &mut self,
        age: i32,
        has_id: bool,
        phone: &mut Option<String>,
    ) -> (&'static str, Option<String>, Option<String>) {
        let choices: &[(&str, u32)] = match (has_id, age) {
            (false, 88..) => &[("home", 60), ("cash", 40)],
            (false, _) => &[("cash", 90), ("home", 10)],
            (true, 88..) => &[("home", 55), ("cash", 40), ("bank", 5)],
            (true, 80..) => &[("home", 20), ("cash", 65), ("bank", 12), ("wallet", 3)],
            (true, _) => &[("cash", 60), ("bank", 26), ("wallet", 10), ("home", 4)],
        };
        let method = *self.rng.weighted(choices);
        match method {
            "bank" => {
                let (bank, prefix, len) = *self.rng.weighted(BANKS);
                let account = format!("{prefix}{}", self.rng.digits(len - prefix.len()));
                (method, Some(account), Some(bank.to_string()))
            }
            "wallet" => {
                let number = match phone {
                    Some(p) => p.clone(),
                    None => phone.insert(self.phone()).clone(),
                };
                let wallet = self.rng.weighted(WALLETS);
                (method, Some(number), Some(wallet.to_string()))
            }
            _ => (method, None, None),
        }
    }
}

impl Iterator for PersonGenerator {
    type Item = DemoPerson;

    fn next(&mut self) -> Option<DemoPerson> {
        let record_code = self.record_code();
        let category = *self.rng.weighted(&self.categories);
        let levels: Vec<(&Level, u32)> = category.levels.iter().map(|l| (l, l.weight)).collect();
        let level = *self.rng.weighted(&levels);
        let birth_year = self.rng.range(category.born.0..=category.born.1);
        let gender = if self.rng.chance(category.male_per_mille) {
            Gender::Nam
        } else {
            Gender::Nu
        };
        let full_name = names::full_name(&mut self.rng, gender, birth_year);
        let hamlet = *self.rng.weighted(HAMLETS);
        let id_number = self.id_number(birth_year, gender);
        let age = DEMO_YEAR - birth_year;
        let phone_per_mille = match age {
            88.. => 400,
            75.. => 750,
            _ => 920,
        };
        let mut phone = self.rng.chance(phone_per_mille).then(|| self.phone());
        let (pay_method, account, bank) = self.pay_method(age, id_number.is_some(), &mut phone);
        let amounts = self.amounts(level);
        Some(DemoPerson {
            record_code,
            full_name,
            birth_year,
            gender,
            id_number,
            hamlet,
            address: format!("Thôn {hamlet}, {COMMUNE}, {PROVINCE}"),
            category: category.name,
            level: level.label,
            phone,
            pay_method,
            account,
            bank,
            amounts,
        })
    }
}

/// The first `n` people of the demo office for `seed`.
pub fn office_people(seed: u64, n: usize) -> Vec<DemoPerson> {
    PersonGenerator::new(seed).take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn same_seed_same_office_and_prefix_stable() {
        let a = office_people(2026, 400);
        assert_eq!(a, office_people(2026, 400));
        assert_eq!(a[..100], office_people(2026, 100)[..]);
        assert_ne!(a, office_people(2027, 400));
    }

    #[test]
    fn people_are_plausible() {
        let people = office_people(1, 5_000);
        let mut codes = HashSet::new();
        let mut ids = HashSet::new();
        let (mut cmnd, mut none, mut bank, mut wallet, mut home) = (0, 0, 0, 0, 0);
        for p in &people {
            assert!(codes.insert(p.record_code.clone()), "{}", p.record_code);
            assert!(p.record_code.starts_with("HD-") && p.record_code.len() == 8);
            let cat = CATEGORIES.iter().find(|c| c.name == p.category).unwrap();
            assert!((cat.born.0..=cat.born.1).contains(&p.birth_year), "{p:?}");
            assert!(
                p.address.starts_with("Thôn ")
                    && p.address.ends_with(", xã Hải Dương, thành phố Huế")
            );
            assert!(p.total() > 0, "{p:?}");
            assert_eq!(p.amounts[0].0, EntitlementKind::TroCap);
            for (k, a) in &p.amounts {
                assert_eq!(a % 500, 0);
                assert_eq!(*a < 0, k.is_deduction(), "{p:?}");
            }
            match &p.id_number {
                Some(id) => {
                    assert!(ids.insert(id.clone()), "duplicate ID {id}");
                    if id.len() == 9 {
                        cmnd += 1;
                        assert!(id.starts_with("19"));
                    } else {
                        assert_eq!(id.len(), 12);
                    }
                }
                None => {
                    none += 1;
                    assert!(matches!(p.pay_method, "cash" | "home"), "{p:?}");
                }
            }
            if let Some(phone) = &p.phone {
                assert!(phone.len() == 10 && phone.bytes().all(|b| b.is_ascii_digit()));
                assert!(
                    phone.starts_with("09")
                        || phone.starts_with("03") && (b'2'..=b'9').contains(&phone.as_bytes()[2])
                );
            }
            match p.pay_method {
                "bank" => {
                    bank += 1;
                    let acct = p.account.as_ref().unwrap();
                    assert!(
                        (10..=14).contains(&acct.len()) && acct.bytes().all(|b| b.is_ascii_digit())
                    );
                    assert!(p.bank.is_some());
                }
                "wallet" => {
                    wallet += 1;
                    assert_eq!(p.account, p.phone);
                    assert!(p.account.is_some());
                }
                "cash" | "home" => {
                    home += usize::from(p.pay_method == "home");
                    assert!(p.account.is_none() && p.bank.is_none());
                }
                other => panic!("method {other}"),
            }
        }
        assert!((150..350).contains(&cmnd), "CMND {cmnd} of 5000");
        assert!((80..230).contains(&none), "no ID {none} of 5000");
        assert!(
            bank > 500 && wallet > 150 && home > 150,
            "{bank} {wallet} {home}"
        );
        let cash = people.iter().filter(|p| p.pay_method == "cash").count();
        assert!(cash > people.len() / 2, "mostly cash ({cash})");
        let kinds = |k| people.iter().filter(|p| p.amount(k) != 0).count();
        assert!(kinds(EntitlementKind::TruyLinh) > 150);
        assert!(kinds(EntitlementKind::TruyThu) > 10);
        assert!((1..60).contains(&kinds(EntitlementKind::MaiTang)));
        assert!(kinds(EntitlementKind::PhuCap) > 200);
        let hamlets: HashSet<_> = people.iter().map(|p| p.hamlet).collect();
        assert_eq!(hamlets.len(), HAMLETS.len());
    }

    #[test]
    fn the_oldest_are_paid_at_home_more_often() {
        let people = office_people(8, 5_000);
        let share = |old: bool| {
            let group: Vec<_> = people
                .iter()
                .filter(|p| (DEMO_YEAR - p.birth_year >= 85) == old)
                .collect();
            group.iter().filter(|p| p.pay_method == "home").count() * 1000 / group.len()
        };
        assert!(
            share(true) > 3 * share(false),
            "{} vs {}",
            share(true),
            share(false)
        );
    }
}
