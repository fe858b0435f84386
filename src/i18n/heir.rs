//! Wording about the heir of a deceased person: refusals, the database's
//! rules, the receipt's label and the counter's lines.

use super::{Lang, Localize, labels};
use crate::domain::heir::HeirDateError;
use crate::service::heirs::{HeirError, HeirField};
use crate::store::HeirRule;

/// The Vietnamese for a rule about heirs the database enforces.
pub fn rule_vi(rule: HeirRule) -> &'static str {
    match rule {
        HeirRule::NotDeceased => "chỉ ghi người thừa kế cho đối tượng đã mất",
        HeirRule::NeedsSupervisor => "ghi người thừa kế cần trưởng bưu cục duyệt",
        HeirRule::OneAtATime => {
            "mỗi đối tượng chỉ có một người thừa kế; muốn đổi thì thay người cũ"
        }
        HeirRule::NotOnFile => "người nhận không phải người thừa kế có trong hồ sơ",
        HeirRule::NotOwed => "khoản này không phải khoản còn nợ người đã mất",
    }
}

pub fn rule_en(rule: HeirRule) -> &'static str {
    match rule {
        HeirRule::NotDeceased => "an heir is recorded only for a deceased person",
        HeirRule::NeedsSupervisor => "recording an heir needs a supervisor",
        HeirRule::OneAtATime => "one heir at a time; replace the one on file",
        HeirRule::NotOnFile => "the receiver is not the heir on file",
        HeirRule::NotOwed => "this line was not owed to the deceased",
    }
}

/// The receipt's label for the death certificate.
pub fn death_certificate(lang: Lang) -> &'static str {
    lang.pick("Giấy chứng tử", "Death certificate")
}

pub fn field_vi(f: HeirField) -> &'static str {
    match f {
        HeirField::FullName => "họ tên người thừa kế",
        HeirField::IdNumber => "số CCCD/CMND người thừa kế",
        HeirField::Relationship => "quan hệ với người đã mất",
        HeirField::Address => "địa chỉ",
        HeirField::Phone => "số điện thoại",
        HeirField::DiedOn => "ngày mất",
        HeirField::DeathCertNo => "số giấy chứng tử",
        HeirField::DeathCertOn => "ngày cấp giấy chứng tử",
        HeirField::DeathCertBy => "nơi cấp giấy chứng tử",
        HeirField::FamilyPaper => "loại giấy của gia đình",
        HeirField::FamilyPaperNo => "số giấy của gia đình",
        HeirField::FamilyPaperOn => "ngày giấy của gia đình",
        HeirField::Reason => "lý do thay người thừa kế",
    }
}

pub fn field_en(f: HeirField) -> &'static str {
    match f {
        HeirField::FullName => "heir's name",
        HeirField::IdNumber => "heir's ID number",
        HeirField::Relationship => "relation to the deceased",
        HeirField::Address => "address",
        HeirField::Phone => "phone",
        HeirField::DiedOn => "date of death",
        HeirField::DeathCertNo => "death certificate number",
        HeirField::DeathCertOn => "death certificate date",
        HeirField::DeathCertBy => "death certificate issuer",
        HeirField::FamilyPaper => "family paper kind",
        HeirField::FamilyPaperNo => "family paper number",
        HeirField::FamilyPaperOn => "family paper date",
        HeirField::Reason => "reason for replacing the heir",
    }
}

impl Localize for HeirError {
    fn vi(&self) -> String {
        match self {
            HeirError::NotDeceased { status } => format!(
                "Đối tượng đang ở trạng thái \"{}\", chưa ghi nhận đã mất. Trưởng bưu cục ghi trạng thái \"đã mất\" trước, rồi mới ghi người thừa kế.",
                labels::status(Lang::Vi, *status)
            ),
            HeirError::FieldMissing(f) => format!("Chưa nhập {}.", field_vi(*f)),
            HeirError::BadText(f, e) => format!("Ô {}: {}", field_vi(*f), e.vi()),
            HeirError::BadId(e) => format!("Số giấy tờ người thừa kế: {}", e.vi()),
            HeirError::BadPhone => {
                "Số điện thoại di động phải có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.".into()
            }
            HeirError::Dates(HeirDateError::CertificateBeforeDeath) => {
                "Ngày cấp giấy chứng tử trước ngày mất. Kiểm tra lại giấy chứng tử.".into()
            }
            HeirError::Dates(HeirDateError::InTheFuture) => {
                "Có ngày sau hôm nay. Kiểm tra lại ngày mất và ngày của các giấy tờ.".into()
            }
            HeirError::AlreadyOnFile { name } => format!(
                "Hồ sơ đã có người thừa kế {}. Muốn đổi người thì thay người cũ, ghi rõ lý do.",
                crate::text::for_display(name)
            ),
            HeirError::NothingToReplace => {
                "Hồ sơ chưa có người thừa kế nào để thay. Ghi người thừa kế mới, bỏ trống lý do thay.".into()
            }
            HeirError::NeedsSupervisor => {
                "Ghi người thừa kế cần trưởng bưu cục kiểm tra giấy tờ và duyệt bằng mã PIN.".into()
            }
            HeirError::NoHeir => no_heir_vi().into(),
            HeirError::DeceasedOwnId => "Số CCCD/CMND này là của chính người đã mất, không phải của người thừa kế: ai cầm thẻ của người đã mất cũng sẽ nhận được tiền. Nhập số trên thẻ của người thừa kế (đối chiếu giấy tờ gia đình), rồi ghi lại.".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            HeirError::NotDeceased { status } => format!(
                "The person's status is \"{}\", not deceased. A supervisor records the death first.",
                labels::status(Lang::En, *status)
            ),
            HeirError::FieldMissing(f) => format!("The {} is missing.", field_en(*f)),
            HeirError::BadText(f, e) => format!("{}: {}", field_en(*f), e.en()),
            HeirError::BadId(e) => format!("Heir's ID number: {}", e.en()),
            HeirError::BadPhone => {
                "A mobile number has 10 digits and starts with 03, 05, 07, 08 or 09.".into()
            }
            HeirError::Dates(HeirDateError::CertificateBeforeDeath) => {
                "The death certificate is dated before the death.".into()
            }
            HeirError::Dates(HeirDateError::InTheFuture) => "A date is after today.".into(),
            HeirError::AlreadyOnFile { name } => format!(
                "{} is on file as the heir. To change, replace them with a reason.",
                crate::text::for_display(name)
            ),
            HeirError::NothingToReplace => "No heir is on file to replace.".into(),
            HeirError::NeedsSupervisor => "Recording an heir needs a supervisor's approval.".into(),
            HeirError::NoHeir => no_heir_en().into(),
            HeirError::DeceasedOwnId => "This ID number is the deceased person's own, not the heir's: whoever holds the dead person's card would collect. Enter the number on the heir's card (checked against the family papers) and record again.".into(),
        }
    }
}

fn no_heir_vi() -> &'static str {
    "Đối tượng đã mất, chưa có người thừa kế trong hồ sơ. Trưởng bưu cục ghi người thừa kế (giấy chứng tử, giấy gia đình cử người nhận) rồi mới chi."
}

fn no_heir_en() -> &'static str {
    "The person is deceased and no heir is on file. A supervisor records the heir with the death certificate and the family's paper first."
}

/// What to do when a deceased person has no heir on file.
pub fn no_heir(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => no_heir_vi(),
        Lang::En => no_heir_en(),
    }
}

/// `heir show` for someone not deceased.
pub fn not_deceased(lang: Lang, status: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Đối tượng đang ở trạng thái \"{status}\", không phải đã mất: không có người thừa kế. Người thừa kế chỉ được ghi sau khi trạng thái là \"đã mất\"."
        ),
        Lang::En => format!(
            "The person's status is \"{status}\", not deceased: there is no heir. An heir is recorded only once the status is deceased."
        ),
    }
}

/// The person screen's heading for a deceased person.
pub fn deceased_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Đã mất — chi cho người thừa kế",
        "Deceased — paid to the heir",
    )
}

/// The receiver step's choice.
pub fn heir_choice(lang: Lang) -> &'static str {
    lang.pick("Người thừa kế", "Heir")
}

pub fn owed_label(lang: Lang) -> &'static str {
    lang.pick("Còn nợ người đã mất", "Owed to the deceased")
}

pub fn heir_label(lang: Lang) -> &'static str {
    lang.pick("Người thừa kế", "Heir")
}

pub fn death_label(lang: Lang) -> &'static str {
    lang.pick("Giấy chứng tử", "Death certificate")
}

pub fn died_on(lang: Lang) -> &'static str {
    lang.pick("ngày mất", "died")
}

crate::localized_error!(HeirError);

/// The heir form's labels, in the order of its fields.
pub fn form_labels(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Vi => [
            "Họ tên người thừa kế",
            "Số CCCD/CMND",
            "Quan hệ với người mất",
            "Địa chỉ",
            "Điện thoại di động",
            "Ngày mất",
            "Số giấy chứng tử",
            "Ngày cấp giấy chứng tử",
            "Nơi cấp giấy chứng tử",
            "Giấy gia đình cử người",
            "Số giấy gia đình",
            "Ngày giấy gia đình",
        ],
        Lang::En => [
            "Heir's full name",
            "ID number",
            "Relation to deceased",
            "Address",
            "Mobile phone",
            "Date of death",
            "Death certificate no.",
            "Certificate date",
            "Certificate issuer",
            "Family paper (kind)",
            "Family paper no.",
            "Family paper date",
        ],
    }
}

pub fn form_title(lang: Lang) -> &'static str {
    lang.pick("GHI NGƯỜI THỪA KẾ", "RECORD THE HEIR")
}

pub fn form_of(lang: Lang) -> &'static str {
    lang.pick("Người đã mất:", "Deceased:")
}

pub fn save(lang: Lang) -> &'static str {
    lang.pick("Ghi người thừa kế", "Record the heir")
}

pub fn recorded(lang: Lang) -> &'static str {
    lang.pick("Đã ghi người thừa kế", "Heir recorded")
}

pub fn bad_date(lang: Lang) -> &'static str {
    lang.pick(
        "Ngày viết dạng dd/mm/yyyy, ví dụ 05/11/2026.",
        "Write the date as dd/mm/yyyy.",
    )
}

/// The demo's hint: who died, and how to try paying their heir.
pub fn demo_hint(lang: Lang, code: &str, name: &str, config: &std::path::Path) -> String {
    let name = crate::text::for_display(name);
    match lang {
        Lang::Vi => format!(
            "Người đã mất, chưa có người thừa kế: {code} {name} (danh sách tháng này có mai táng phí).\n  Thử: trưởng bưu cục mở hồ sơ, nhấn Enter để ghi người thừa kế; hoặc\n  chitra --config {} heir add {code} --name … --id-number …,\n  rồi chitra pay {code} --heir --receiver-id … --method cash (xem --help)",
            config.display()
        ),
        Lang::En => format!(
            "Deceased, no heir on file yet: {code} {name} (this month's list has the funeral allowance).\n  Try: as the supervisor open the file and press Enter to record the heir; or\n  chitra --config {} heir add {code} --name … --id-number …,\n  then chitra pay {code} --heir --receiver-id … --method cash (see --help)",
            config.display()
        ),
    }
}
