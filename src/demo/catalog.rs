//! The demo office's fixed tables: hamlets, categories of người có công with
//! their monthly amounts, payment methods, banks and wallets.
//!
//! Amounts are plausible figures at the 2024 base level (mức chuẩn
//! 2.789.000 đ), whole đồng, multiples of 500 đ. They are demo data, not a
//! statement of the law: the real amounts always come from the list the
//! social-affairs office sends.

/// Mức chuẩn trợ cấp ưu đãi from 1 July 2024, in đồng.
pub const MUC_CHUAN: i64 = 2_789_000;

/// Mai táng phí (funeral allowance), in đồng.
pub const MAI_TANG_PHI: i64 = 23_400_000;

/// The demo's commune, as written in addresses.
pub const COMMUNE: &str = "xã Hải Dương";
/// The demo's province-level city.
pub const PROVINCE: &str = "thành phố Huế";
/// Who certifies proxy authorisations and registers guardians.
pub const CERTIFIER: &str = "UBND xã Hải Dương";

/// Hamlets (thôn) of the coastal commune, without the word "Thôn".
pub const HAMLETS: &[(&str, u32)] = &[
    ("Thai Dương Hạ Bắc", 16),
    ("Thai Dương Hạ Nam", 14),
    ("Thai Dương Hạ Trung", 12),
    ("Thai Dương Thượng Đông", 11),
    ("Thai Dương Thượng Tây", 10),
    ("Vân Quật Đông", 9),
    ("Vân Quật Thượng", 8),
    ("Thuận Hòa", 8),
    ("Hải Thành", 7),
    ("Cửa Lác", 5),
];

/// A sub-level of a category (injury rate, number of martyrs, …) and what it
/// pays each month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    pub label: &'static str,
    /// Trợ cấp hàng tháng, đồng.
    pub tro_cap: i64,
    /// Phụ cấp hàng tháng, đồng (0 when none).
    pub phu_cap: i64,
    pub(crate) weight: u32,
}

/// A category of người có công as the lists name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Category {
    /// The text in the list's "Loại đối tượng" column.
    pub name: &'static str,
    /// Plausible birth years, inclusive.
    pub born: (i32, i32),
    /// Share of men, per mille.
    pub(crate) male_per_mille: u32,
    /// Share of the office, in arbitrary units.
    pub(crate) weight: u32,
    pub levels: &'static [Level],
}

const fn level(label: &'static str, tro_cap: i64, phu_cap: i64, weight: u32) -> Level {
    Level {
        label,
        tro_cap,
        phu_cap,
        weight,
    }
}

/// The category whose members (born after 1965) may have a guardian.
pub const CON_DE_CHAT_DOC: &str =
    "Con đẻ của người hoạt động kháng chiến bị nhiễm chất độc hóa học";

/// Every category the demo office pays, with its amounts.
pub const CATEGORIES: &[Category] = &[
    Category {
        name: "Thân nhân liệt sĩ",
        born: (1935, 1975),
        male_per_mille: 400,
        weight: 300,
        levels: &[
            level("thân nhân 1 liệt sĩ", MUC_CHUAN, 0, 70),
            level("thân nhân 2 liệt sĩ", 2 * MUC_CHUAN, 0, 8),
            level("thân nhân liệt sĩ sống cô đơn", MUC_CHUAN, 2_231_000, 12),
        ],
    },
    Category {
        name: "Thương binh",
        born: (1938, 1960),
        male_per_mille: 950,
        weight: 200,
        levels: &[
            level("tỷ lệ tổn thương 21%", 1_898_000, 0, 30),
            level("tỷ lệ tổn thương 35%", 3_161_000, 0, 25),
            level("tỷ lệ tổn thương 51%", 4_605_000, 0, 20),
            level("tỷ lệ tổn thương 61%", 5_506_000, 0, 15),
            level("tỷ lệ tổn thương 81%", 7_308_000, 1_394_500, 7),
            level("tỷ lệ tổn thương 91%", 8_216_000, 1_394_500, 3),
        ],
    },
    Category {
        name: "Bệnh binh",
        born: (1940, 1960),
        male_per_mille: 920,
        weight: 80,
        levels: &[
            level("tỷ lệ 41%-50%", 2_443_000, 0, 40),
            level("tỷ lệ 61%-70%", 3_904_000, 0, 35),
            level("tỷ lệ 81%-90%", 4_965_500, 1_394_500, 25),
        ],
    },
    Category {
        name: "Người hoạt động kháng chiến bị nhiễm chất độc hóa học",
        born: (1940, 1960),
        male_per_mille: 850,
        weight: 120,
        levels: &[
            level("tỷ lệ 41%-60%", 3_069_000, 0, 45),
            level("tỷ lệ 61%-80%", 4_922_500, 0, 35),
            level("tỷ lệ từ 81% trở lên", 6_263_000, 1_394_500, 20),
        ],
    },
    Category {
        name: CON_DE_CHAT_DOC,
        born: (1965, 2000),
        male_per_mille: 550,
        weight: 80,
        levels: &[
            level("tỷ lệ 61%-80%", 1_394_500, 0, 60),
            level("tỷ lệ từ 81% trở lên", 2_231_000, 0, 40),
        ],
    },
    Category {
        name: "Bà mẹ Việt Nam anh hùng",
        born: (1926, 1932),
        male_per_mille: 0,
        weight: 4,
        levels: &[
            level("có 2 con là liệt sĩ", 2 * MUC_CHUAN, 4_183_500, 2),
            level("có 3 con là liệt sĩ", 3 * MUC_CHUAN, 4_183_500, 1),
        ],
    },
    Category {
        name: "Người có công giúp đỡ cách mạng",
        born: (1930, 1950),
        male_per_mille: 500,
        weight: 50,
        levels: &[level("hưởng trợ cấp hàng tháng", 1_505_000, 0, 1)],
    },
    Category {
        name: "Người phục vụ thương binh, bệnh binh",
        born: (1945, 1985),
        male_per_mille: 250,
        weight: 45,
        levels: &[level("phục vụ tại gia đình", MUC_CHUAN, 0, 1)],
    },
    Category {
        name: "Người phục vụ người hoạt động kháng chiến bị nhiễm chất độc hóa học",
        born: (1950, 1990),
        male_per_mille: 300,
        weight: 20,
        levels: &[level("phục vụ tại gia đình", MUC_CHUAN, 0, 1)],
    },
];

/// Registered payment methods: the code chitra stores and the label the
/// lists write.
pub const PAY_METHODS: &[(&str, &str)] = &[
    ("cash", "Tiền mặt tại điểm chi trả"),
    ("home", "Tiền mặt tại nhà"),
    ("bank", "Chuyển khoản ngân hàng"),
    ("wallet", "Tài khoản số"),
];

/// The list label of a payment method code ("cash" → "Tiền mặt tại điểm chi trả").
pub fn pay_method_label(code: &str) -> Option<&'static str> {
    PAY_METHODS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, label)| *label)
}

/// Banks with their account-number prefix and length, and weights.
pub(crate) const BANKS: &[((&str, &str, usize), u32)] = &[
    (("Agribank", "4000", 13), 45),
    (("LienVietPostBank", "0", 12), 20),
    (("VietinBank", "10", 12), 12),
    (("Vietcombank", "10", 13), 12),
    (("BIDV", "55", 14), 11),
];

/// Digital wallets; the account is the phone number.
pub(crate) const WALLETS: &[(&str, u32)] = &[("Ví Viettel Money", 65), ("VNPT Money", 35)];

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn amounts_are_whole_multiples_of_500_and_positive() {
        for c in CATEGORIES {
            assert!(is_nfc(c.name));
            assert!(c.born.0 <= c.born.1);
            assert!(!c.levels.is_empty());
            for l in c.levels {
                assert!(
                    l.tro_cap > 0 && l.tro_cap % 500 == 0,
                    "{} {}",
                    c.name,
                    l.label
                );
                assert!(
                    l.phu_cap >= 0 && l.phu_cap % 500 == 0,
                    "{} {}",
                    c.name,
                    l.label
                );
                assert!(l.weight > 0);
            }
        }
        assert_eq!(MAI_TANG_PHI % 500, 0);
    }

    #[test]
    fn martyrs_relatives_get_the_base_level() {
        let tnls = CATEGORIES
            .iter()
            .find(|c| c.name == "Thân nhân liệt sĩ")
            .unwrap();
        assert_eq!(tnls.levels[0].tro_cap, 2_789_000);
        assert!(tnls.levels.iter().any(|l| l.phu_cap > 0));
    }

    #[test]
    fn pay_method_labels() {
        assert_eq!(pay_method_label("bank"), Some("Chuyển khoản ngân hàng"));
        assert_eq!(pay_method_label("cheque"), None);
        for ((_, prefix, len), _) in BANKS {
            assert!((10..=14).contains(len) && prefix.len() < *len);
        }
    }
}
