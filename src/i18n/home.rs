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

/// The heading of the people a route sheet or a new round leaves out,
/// their family having reported them deceased on a round.
pub fn held_back_heading(lang: Lang, people: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "Không đưa vào ({people} người): gia đình đã báo người hưởng mất ở một chuyến chi tại nhà, \
             chưa ai chi cho họ từ đó. Xác minh (giấy chứng tử, danh sách giảm): người còn sống thì chi tại quầy, \
             người đã mất thì trưởng bưu cục dừng chi (F7 ở hồ sơ)."
        ),
        Lang::En => format!(
            "Left out ({people} people): their family reported them deceased on a home round, and nobody has \
             paid them since. Check (death certificate, decrease list): pay the living at the counter, and the \
             head of office stops payment for the dead (F7 on their file)."
        ),
    }
}

/// One person left out: "HD-00010 Nguyễn Đình Nghĩa (chuyến số 1)".
pub fn held_back_one(lang: Lang, code: &str, name: &str, round: i64) -> String {
    match lang {
        Lang::Vi => format!("{code} {name} (báo mất ở chuyến số {round})"),
        Lang::En => format!("{code} {name} (reported on round no. {round})"),
    }
}
