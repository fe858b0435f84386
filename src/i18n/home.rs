//! The wording of home rounds: the route sheet the postman carries.

use super::Lang;

pub struct HomeWords {
    pub name: &'static str,
    pub col_hamlet: &'static str,
    pub col_code: &'static str,
    pub col_name: &'static str,
    pub col_id: &'static str,
    pub col_address: &'static str,
    pub col_amount: &'static str,
    pub col_signature: &'static str,
    pub col_no: &'static str,
    pub row_total: &'static str,
    pub empty: &'static str,
    pub total_label: &'static str,
    pub postman: &'static str,
    pub whole_commune: &'static str,
}

pub fn words(lang: Lang) -> HomeWords {
    match lang {
        Lang::Vi => HomeWords {
            name: "Chi tại nhà",
            col_hamlet: "Thôn",
            col_code: "Mã hồ sơ",
            col_name: "Họ và tên",
            col_id: "Số CCCD",
            col_address: "Địa chỉ",
            col_amount: "Số tiền",
            col_signature: "Ký nhận",
            col_no: "STT",
            row_total: "Tổng cộng",
            empty: "Không có ai nhận tại nhà còn chưa chi trong kỳ.",
            total_label: "Tổng số tiền chi tại nhà",
            postman: "Bưu tá chi trả",
            whole_commune: "Toàn xã",
        },
        Lang::En => HomeWords {
            name: "Home round",
            col_hamlet: "Hamlet",
            col_code: "Record code",
            col_name: "Full name",
            col_id: "ID number",
            col_address: "Address",
            col_amount: "Amount",
            col_signature: "Signature",
            col_no: "No.",
            row_total: "Total",
            empty: "Nobody paid at home is unpaid in this period.",
            total_label: "Total to pay at home",
            postman: "Postman",
            whole_commune: "Whole commune",
        },
    }
}

pub fn title(lang: Lang, month: &str) -> String {
    match lang {
        Lang::Vi => format!("DANH SÁCH CHI TRẢ TẠI NHÀ — {month}"),
        Lang::En => format!("HOME ROUND — {month}"),
    }
}
