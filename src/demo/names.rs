//! Vietnamese personal names for the demo office, Huế style.
//!
//! Surnames are weighted roughly as in the population (Nguyễn about 38%),
//! with the central-region tilt: Võ and Hồ more common than in the north, and
//! the royal-family names Tôn Thất / Tôn Nữ that Huế is known for. Middle and
//! given names depend on gender, and older generations get the classic "Văn"
//! and "Thị" far more often than younger ones. All literals are NFC.

use super::people::Gender;
use super::rng::Rng;

/// Surnames with weights in tenths of a percent (they add up to 1000).
pub(crate) const SURNAMES: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 60),
    ("Hoàng", 35),
    ("Huỳnh", 20),
    ("Phan", 45),
    ("Võ", 40),
    ("Vũ", 5),
    ("Đặng", 20),
    ("Bùi", 18),
    ("Đỗ", 14),
    ("Hồ", 25),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Trương", 12),
    ("Đoàn", 8),
    ("Mai", 6),
    ("Châu", 5),
    ("Lương", 5),
    ("Hà", 5),
    ("Tôn Thất", 8),
    ("Cao", 8),
    ("Đinh", 8),
    ("Trịnh", 7),
    ("Thái", 6),
    ("Lâm", 5),
    ("Lưu", 5),
    ("Tạ", 4),
    ("Văn", 4),
    ("Kiều", 3),
    ("Hứa", 3),
    ("Phùng", 3),
];

const MALE_MIDDLE_OLD: &[(&str, u32)] = &[
    ("Văn", 600),
    ("Hữu", 70),
    ("Đức", 50),
    ("Công", 50),
    ("Quang", 40),
    ("Đình", 60),
    ("Xuân", 30),
    ("Ngọc", 30),
    ("Phước", 30),
    ("Như", 15),
    ("Minh", 25),
];

const MALE_MIDDLE_YOUNG: &[(&str, u32)] = &[
    ("Văn", 250),
    ("Hữu", 80),
    ("Đức", 100),
    ("Công", 70),
    ("Quang", 90),
    ("Đình", 60),
    ("Minh", 120),
    ("Thanh", 70),
    ("Ngọc", 40),
    ("Phước", 40),
    ("Anh", 40),
];

const FEMALE_MIDDLE_OLD: &[(&str, u32)] = &[
    ("Thị", 850),
    ("Ngọc", 30),
    ("Thu", 20),
    ("Kim", 25),
    ("Xuân", 20),
    ("Thanh", 20),
    ("Diệu", 15),
];

const FEMALE_MIDDLE_YOUNG: &[(&str, u32)] = &[
    ("Thị", 450),
    ("Ngọc", 100),
    ("Thu", 90),
    ("Kim", 60),
    ("Thanh", 80),
    ("Thúy", 60),
    ("Diệu", 40),
    ("Mỹ", 50),
    ("Bảo", 30),
    ("Hoài", 40),
];

/// Second middle names of four-word names ("Nguyễn Thị Thu Hà").
const FEMALE_SECOND_MIDDLE: &[&str] = &["Thu", "Kim", "Ngọc", "Minh", "Thanh", "Mỹ", "Bích"];
const MALE_SECOND_MIDDLE: &[&str] = &["Minh", "Quang", "Anh", "Thanh", "Bảo", "Ngọc"];

const MALE_GIVEN: &[&str] = &[
    "Hùng", "Dũng", "Minh", "Tuấn", "Hải", "Sơn", "Thanh", "Lợi", "Phước", "Lộc", "Thọ", "Tâm",
    "Hòa", "Bình", "Cường", "Thắng", "Lâm", "Dương", "Khánh", "Quý", "Châu", "Tư", "Nhơn", "Đông",
    "Anh", "Trung", "Nghĩa", "Phúc", "Tài", "Cảnh", "Sáu", "Bảy", "Tám", "Hiền", "Toàn", "Thiện",
    "Vinh", "Quốc", "Tín", "Lực", "Hoàng", "Phong", "Nam", "Định", "Bửu", "Long", "Sinh", "Thông",
];

const FEMALE_GIVEN: &[&str] = &[
    "Hoa", "Lan", "Hương", "Mai", "Cúc", "Hạnh", "Nga", "Hà", "Thủy", "Liên", "Lài", "Sen", "Tâm",
    "Loan", "Hồng", "Thảo", "Trang", "Nhung", "Yến", "Phương", "Xuân", "Thu", "Hằng", "Bích", "Lệ",
    "Tuyết", "Vân", "Huệ", "Mận", "Gái", "Ngọc", "Lý", "Đào", "Thương", "Hiền", "Nhàn", "Tịnh",
    "Châu", "Diệu", "Oanh", "Hường", "Lựu", "Tám", "Sáu", "Thơm",
];

/// A surname drawn with the population weights.
pub(crate) fn surname(rng: &mut Rng) -> &'static str {
    rng.weighted::<&str>(SURNAMES)
}

/// A full name for a person of this gender and birth year.
pub(crate) fn full_name(rng: &mut Rng, gender: Gender, birth_year: i32) -> String {
    let family = surname(rng);
    full_name_with_surname(rng, family, gender, birth_year)
}

/// A full name with a given surname (a son sharing his father's name).
pub(crate) fn full_name_with_surname(
    rng: &mut Rng,
    family: &str,
    gender: Gender,
    birth_year: i32,
) -> String {
    let young = birth_year >= 1970;
    let given = match gender {
        Gender::Nam => *rng.pick(MALE_GIVEN),
        Gender::Nu => *rng.pick(FEMALE_GIVEN),
    };
    // The Huế royal clan: men are "Tôn Thất …", women "Tôn Nữ …".
    let family = match (family, gender) {
        ("Tôn Thất", Gender::Nu) => "Tôn Nữ",
        (f, _) => f,
    };
    if family.starts_with("Tôn") {
        // Often no further middle name: "Tôn Thất Hùng", "Tôn Nữ Thị Hoa".
        return match gender {
            Gender::Nu if rng.chance(600) => format!("{family} Thị {given}"),
            Gender::Nam if rng.chance(300) => {
                format!("{family} {} {given}", rng.pick(MALE_SECOND_MIDDLE))
            }
            _ => format!("{family} {given}"),
        };
    }
    let middle = *match (gender, young) {
        (Gender::Nam, false) => rng.weighted(MALE_MIDDLE_OLD),
        (Gender::Nam, true) => rng.weighted(MALE_MIDDLE_YOUNG),
        (Gender::Nu, false) => rng.weighted(FEMALE_MIDDLE_OLD),
        (Gender::Nu, true) => rng.weighted(FEMALE_MIDDLE_YOUNG),
    };
    // "Nguyễn Thị Thu Hà" is common; "Nguyễn Văn Minh Hùng" is not.
    let four_words = rng.chance(if young { 150 } else { 60 }) && middle != "Văn";
    if four_words {
        let second = match gender {
            Gender::Nam => *rng.pick(MALE_SECOND_MIDDLE),
            Gender::Nu => *rng.pick(FEMALE_SECOND_MIDDLE),
        };
        if second != middle && second != given {
            return format!("{family} {middle} {second} {given}");
        }
    }
    format!("{family} {middle} {given}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    fn sample(n: usize) -> Vec<(Gender, String)> {
        let mut rng = Rng::new(3);
        (0..n)
            .map(|i| {
                let g = if i % 2 == 0 { Gender::Nam } else { Gender::Nu };
                let y = rng.range(1930..=2000);
                (g, full_name(&mut rng, g, y))
            })
            .collect()
    }

    #[test]
    fn names_are_nfc_three_or_four_words_and_nguyen_leads() {
        let names = sample(20_000);
        let mut nguyen = 0;
        let mut four = 0;
        for (_, n) in &names {
            assert!(is_nfc(n), "{n:?} is not NFC");
            let words = n.split(' ').count();
            assert!((2..=4).contains(&words), "{n:?}");
            assert!(!n.contains("  ") && n.trim() == n, "{n:?}");
            if n.starts_with("Nguyễn ") {
                nguyen += 1;
            }
            if words == 4 {
                four += 1;
            }
        }
        // 38% ± 2% of 20000.
        assert!((7_200..8_000).contains(&nguyen), "Nguyễn {nguyen}");
        assert!(four > 200, "some four-word names ({four})");
    }

    #[test]
    fn gendered_middle_names() {
        for (g, n) in sample(5_000) {
            match g {
                Gender::Nam => assert!(!n.contains(" Thị ") && !n.starts_with("Tôn Nữ"), "{n}"),
                Gender::Nu => assert!(!n.contains(" Văn ") && !n.starts_with("Tôn Thất"), "{n}"),
            }
        }
    }

    #[test]
    fn surname_weights_are_per_mille() {
        assert_eq!(SURNAMES.iter().map(|(_, w)| w).sum::<u32>(), 1000);
    }

    #[test]
    fn tables_are_nfc() {
        let all = SURNAMES
            .iter()
            .map(|(s, _)| *s)
            .chain(MALE_GIVEN.iter().copied())
            .chain(FEMALE_GIVEN.iter().copied())
            .chain(MALE_MIDDLE_YOUNG.iter().map(|(s, _)| *s))
            .chain(FEMALE_MIDDLE_YOUNG.iter().map(|(s, _)| *s));
        for s in all {
            assert!(is_nfc(s), "{s:?}");
        }
    }
}
