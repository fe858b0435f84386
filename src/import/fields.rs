//! The columns chitra knows how to read from a social-affairs list, and the
//! header texts (synonyms) that name them by default.
//!
//! Configuration (`[import.headers]` in chitra.toml) may replace the synonyms of
//! any field; matching is done on folded text (see [`crate::text::fold`]), so
//! case, diacritics and punctuation do not matter.

use crate::domain::EntitlementKind;

/// A column of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Số thứ tự — row number; read only to recognise the table.
    Stt,
    RecordCode,
    FullName,
    BirthYear,
    Gender,
    IdNumber,
    Hamlet,
    Address,
    Category,
    Phone,
    /// Hình thức chi trả — registered payment method.
    PayMethod,
    /// Số tài khoản — bank or digital account number.
    Account,
    /// Ngân hàng — bank name.
    Bank,
    /// One amount column per entitlement kind.
    Amount(EntitlementKind),
    /// The per-row total column ("Tổng cộng", "Thành tiền"), checked against
    /// the row's amount columns.
    RowTotal,
    /// Ghi chú / Ký nhận: recognised so that it is not mistaken for data.
    Note,
    /// Lý do: why a change list stops or changes a payment.
    Reason,
    /// Từ tháng: the month from which a change takes effect.
    FromMonth,
    /// Mức cũ: the monthly amount before an adjustment.
    OldAmount,
    /// Mức mới: the monthly amount after an adjustment.
    NewAmount,
}

impl Field {
    pub const ALL: [Field; 26] = [
        Field::Stt,
        Field::RecordCode,
        Field::FullName,
        Field::BirthYear,
        Field::Gender,
        Field::IdNumber,
        Field::Hamlet,
        Field::Address,
        Field::Category,
        Field::Phone,
        Field::PayMethod,
        Field::Account,
        Field::Bank,
        Field::Amount(EntitlementKind::TroCap),
        Field::Amount(EntitlementKind::PhuCap),
        Field::Amount(EntitlementKind::TruyLinh),
        Field::Amount(EntitlementKind::MaiTang),
        Field::Amount(EntitlementKind::MotLan),
        Field::Amount(EntitlementKind::TruyThu),
        Field::Amount(EntitlementKind::ChuyenKy),
        Field::RowTotal,
        Field::Note,
        Field::Reason,
        Field::FromMonth,
        Field::OldAmount,
        Field::NewAmount,
    ];

    /// The key used in `[import.headers]` of the configuration.
    pub fn code(self) -> &'static str {
        match self {
            Field::Stt => "stt",
            Field::RecordCode => "record_code",
            Field::FullName => "full_name",
            Field::BirthYear => "birth_year",
            Field::Gender => "gender",
            Field::IdNumber => "id_number",
            Field::Hamlet => "hamlet",
            Field::Address => "address",
            Field::Category => "category",
            Field::Phone => "phone",
            Field::PayMethod => "pay_method",
            Field::Account => "account",
            Field::Bank => "bank",
            Field::Amount(k) => k.code(),
            Field::RowTotal => "row_total",
            Field::Note => "note",
            Field::Reason => "reason",
            Field::FromMonth => "from_month",
            Field::OldAmount => "old_amount",
            Field::NewAmount => "new_amount",
        }
    }

    /// The most characters a value of this field may have. Far above any
    /// real value (a full name has a few dozen characters), and low enough
    /// that a name pasted a thousand times over never reaches the database,
    /// the screen or a receipt. `None` for the columns that are not kept.
    pub fn max_chars(self) -> Option<usize> {
        Some(match self {
            Field::FullName => 150,
            Field::RecordCode => 40,
            // 12 digits, perhaps grouped with spaces or dots.
            Field::IdNumber => 20,
            // "1948", "12/05/1948" or "1948-05-12 00:00:00".
            Field::BirthYear => 30,
            Field::Gender => 20,
            Field::Hamlet => 100,
            Field::Address => 300,
            Field::Category => 200,
            Field::Phone => 40,
            Field::PayMethod => 100,
            Field::Account => 40,
            Field::Bank => 150,
            // "2.789.000 đ", "-1.234.567.890.123".
            Field::Amount(_) | Field::RowTotal | Field::OldAmount | Field::NewAmount => 30,
            Field::Reason => 300,
            // "11/2026", "Tháng 11 năm 2026", "01/11/2026".
            Field::FromMonth => 40,
            Field::Stt | Field::Note => return None,
        })
    }

    pub fn from_code(code: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The header texts that name this field in lists seen in practice.
    pub fn default_synonyms(self) -> &'static [&'static str] {
        use EntitlementKind as K;
        match self {
            Field::Stt => &["STT", "TT", "Số TT", "Số thứ tự"],
            Field::RecordCode => &[
                "Mã đối tượng",
                "Mã ĐT",
                "Mã hồ sơ",
                "Số hồ sơ",
                "Mã số",
                "Mã số đối tượng",
                "Số sổ",
            ],
            Field::FullName => &[
                "Họ và tên",
                "Họ tên",
                "Họ và tên đối tượng",
                "Họ tên đối tượng",
                "Tên đối tượng",
                "Họ và tên người hưởng",
            ],
            Field::BirthYear => &["Năm sinh", "Ngày sinh", "Ngày tháng năm sinh"],
            Field::Gender => &["Giới tính", "Nam/Nữ", "Giới"],
            Field::IdNumber => &[
                "Số CCCD",
                "CCCD",
                "Số CCCD/CMND",
                "CCCD/CMND",
                "Số CMND/CCCD",
                "CMND/CCCD",
                "Số CMND",
                "CMND",
                "Số định danh",
                "Số định danh cá nhân",
                "Số căn cước",
                "Số căn cước công dân",
            ],
            Field::Hamlet => &[
                "Thôn",
                "Thôn/Xóm",
                "Thôn/Tổ dân phố",
                "Tổ dân phố",
                "Xóm",
                "Ấp",
                "Bản",
                "Khu phố",
            ],
            Field::Address => &[
                "Địa chỉ",
                "Nơi cư trú",
                "Nơi ở hiện nay",
                "Địa chỉ thường trú",
            ],
            Field::Category => &[
                "Loại đối tượng",
                "Đối tượng",
                "Diện đối tượng",
                "Diện hưởng",
                "Loại",
            ],
            Field::Phone => &["Số điện thoại", "Điện thoại", "SĐT", "ĐT liên hệ"],
            Field::PayMethod => &["Hình thức chi trả", "Hình thức nhận", "Phương thức chi trả"],
            Field::Account => &["Số tài khoản", "STK", "Tài khoản"],
            Field::Bank => &["Ngân hàng", "Tên ngân hàng", "Nơi mở tài khoản"],
            Field::Amount(K::TroCap) => &[
                "Trợ cấp",
                "Trợ cấp hàng tháng",
                "Mức trợ cấp",
                "Số tiền trợ cấp",
                "Trợ cấp tháng",
            ],
            Field::Amount(K::PhuCap) => &["Phụ cấp", "Phụ cấp hàng tháng", "Mức phụ cấp"],
            Field::Amount(K::TruyLinh) => &["Truy lĩnh", "Số tiền truy lĩnh", "Truy lĩnh (nếu có)"],
            Field::Amount(K::MaiTang) => &["Mai táng phí", "Mai táng", "Trợ cấp mai táng"],
            Field::Amount(K::MotLan) => &["Trợ cấp một lần", "Một lần", "Trợ cấp 1 lần"],
            Field::Amount(K::TruyThu) => &["Truy thu", "Thu hồi", "Số tiền truy thu", "Giảm trừ"],
            Field::Amount(K::ChuyenKy) => &[
                "Kỳ trước chuyển sang",
                "Chuyển kỳ",
                "Tồn kỳ trước",
                "Chưa nhận kỳ trước",
            ],
            Field::RowTotal => &[
                "Tổng cộng",
                "Tổng số tiền",
                "Thành tiền",
                "Tổng số",
                "Cộng",
                "Số tiền được nhận",
                "Tổng",
            ],
            Field::Note => &["Ghi chú", "Ký nhận", "Ký nhận tiền", "Người nhận ký"],
            Field::Reason => &[
                "Lý do",
                "Lý do giảm",
                "Lý do thôi hưởng",
                "Lý do dừng chi trả",
                "Lý do tăng",
                "Lý do điều chỉnh",
            ],
            Field::FromMonth => &[
                "Từ tháng",
                "Thời điểm",
                "Thời điểm dừng",
                "Dừng từ tháng",
                "Thôi hưởng từ tháng",
                "Dừng chi trả từ tháng",
                "Hưởng từ tháng",
                "Thời điểm hưởng",
                "Điều chỉnh từ tháng",
                "Tháng bắt đầu",
            ],
            Field::OldAmount => &[
                "Mức cũ",
                "Mức trợ cấp cũ",
                "Mức hưởng cũ",
                "Mức đang hưởng",
                "Số tiền cũ",
            ],
            Field::NewAmount => &[
                "Mức mới",
                "Mức trợ cấp mới",
                "Mức hưởng mới",
                "Mức điều chỉnh",
                "Số tiền mới",
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Field;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for f in Field::ALL {
            assert!(seen.insert(f.code()), "duplicate code {}", f.code());
            assert_eq!(Field::from_code(f.code()), Some(f));
        }
    }

    #[test]
    fn no_synonym_names_two_fields() {
        let mut seen = std::collections::HashMap::new();
        for f in Field::ALL {
            for s in f.default_synonyms() {
                let key = crate::text::fold(s);
                if let Some(other) = seen.insert(key.clone(), f) {
                    assert_eq!(other, f, "{key:?} names both {other:?} and {f:?}");
                }
            }
        }
    }
}

#[cfg(test)]
mod doc_tests {
    use super::Field;

    /// docs/import-format.md lists every built-in header name.
    #[test]
    fn the_import_format_document_lists_every_header_name() {
        let doc = include_str!("../../docs/import-format.md");
        for f in Field::ALL {
            let row = doc
                .lines()
                .find(|l| l.starts_with(&format!("| `{}` |", f.code())))
                .unwrap_or_else(|| panic!("docs/import-format.md has no row for {}", f.code()));
            for s in f.default_synonyms() {
                assert!(
                    row.contains(s),
                    "docs/import-format.md: {} lacks {s:?}",
                    f.code()
                );
            }
        }
    }
}
