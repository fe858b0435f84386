//! Entitlement lines: what a person is owed for a period, line by line.

use serde::{Deserialize, Serialize};

/// The kind of an entitlement line, as the social-affairs lists name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntitlementKind {
    /// Trợ cấp hàng tháng — the monthly allowance.
    TroCap,
    /// Phụ cấp hàng tháng — the monthly supplement.
    PhuCap,
    /// Truy lĩnh — arrears owed for earlier months.
    TruyLinh,
    /// Mai táng phí — funeral allowance.
    MaiTang,
    /// Trợ cấp một lần — a one-off payment.
    MotLan,
    /// Truy thu — a deduction of an earlier overpayment (zero or negative).
    TruyThu,
    /// Kỳ trước chuyển sang — an amount carried over from an earlier list.
    ChuyenKy,
}

impl EntitlementKind {
    pub const ALL: [EntitlementKind; 7] = [
        EntitlementKind::TroCap,
        EntitlementKind::PhuCap,
        EntitlementKind::TruyLinh,
        EntitlementKind::MaiTang,
        EntitlementKind::MotLan,
        EntitlementKind::TruyThu,
        EntitlementKind::ChuyenKy,
    ];

    /// The code stored in the database and used in configuration.
    pub fn code(self) -> &'static str {
        match self {
            EntitlementKind::TroCap => "tro_cap",
            EntitlementKind::PhuCap => "phu_cap",
            EntitlementKind::TruyLinh => "truy_linh",
            EntitlementKind::MaiTang => "mai_tang",
            EntitlementKind::MotLan => "mot_lan",
            EntitlementKind::TruyThu => "truy_thu",
            EntitlementKind::ChuyenKy => "chuyen_ky",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A deduction is the only kind whose amount may be negative.
    pub fn is_deduction(self) -> bool {
        self == EntitlementKind::TruyThu
    }
}

#[cfg(test)]
mod tests {
    use super::EntitlementKind;

    #[test]
    fn codes_round_trip() {
        for k in EntitlementKind::ALL {
            assert_eq!(EntitlementKind::from_code(k.code()), Some(k));
        }
        assert_eq!(EntitlementKind::from_code("nope"), None);
    }
}
