//! Wording of import refusals and of the problems found in a list's rows.

use super::{Lang, Localize, labels};
use crate::import::record::{Disagreement, Problem, RowProblem};
use crate::import::table::TableEnd;
use crate::service::import::{ImportError, ListKind};
use crate::text::for_display;
use crate::text::normalize::code_point;

/// A stored period ("2026-12") as people write it ("12/2026").
fn period_label(stored: &str) -> String {
    stored
        .parse::<crate::domain::Period>()
        .map_or_else(|_| stored.to_string(), labels::period)
}

fn kind_vi(k: ListKind) -> &'static str {
    match k {
        ListKind::Monthly => "danh sách chi hằng tháng",
        ListKind::Increase => "danh sách tăng",
        ListKind::Decrease => "danh sách giảm",
        ListKind::Adjustment => "danh sách điều chỉnh",
    }
}

impl Localize for ImportError {
    fn vi(&self) -> String {
        match self {
            ImportError::Source(e) => e.vi(),
            ImportError::Table(e) => e.vi(),
            ImportError::Synonyms(e) => e.vi(),
            ImportError::AlreadyImported { file, batch } => format!(
                "Tệp {} đã được nhập lúc {} bởi {} (tên tệp lúc đó: {}, kỳ {}). Không nhập lại cùng một tệp.",
                for_display(file),
                labels::date_time(&batch.imported_at),
                for_display(&batch.imported_by),
                for_display(&batch.file_name),
                period_label(&batch.period)
            ),
            ImportError::NoPeriod { file } => format!(
                "Không xác định được kỳ chi trả của tệp {}: tiêu đề không ghi \"Tháng … năm …\". Ghi rõ bằng --period YYYY-MM.",
                for_display(file)
            ),
            ImportError::PeriodClosed { period } => {
                format!(
                    "Kỳ {} đã khóa sổ; không nhập thêm danh sách vào kỳ đã khóa.",
                    period.short_label()
                )
            }
            ImportError::MonthlyExists { period, batch } => format!(
                "Kỳ {} đã có danh sách chi hằng tháng (tệp {}, nhập lúc {}). Thay đổi trong kỳ phải nhập bằng danh sách tăng/giảm/điều chỉnh.",
                period.short_label(),
                for_display(&batch.file_name),
                labels::date_time(&batch.imported_at)
            ),
            ImportError::KindNotYet(k) => format!(
                "Phiên bản này chưa nhập được {}; hiện chỉ nhập danh sách chi hằng tháng (--kind monthly).",
                kind_vi(*k)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            ImportError::Source(e) => e.en(),
            ImportError::Table(e) => e.en(),
            ImportError::Synonyms(e) => e.en(),
            ImportError::AlreadyImported { file, batch } => format!(
                "The file {} was already imported on {} by {} (as {}, period {}). The same file is never imported twice.",
                for_display(file),
                labels::date_time(&batch.imported_at),
                for_display(&batch.imported_by),
                for_display(&batch.file_name),
                period_label(&batch.period)
            ),
            ImportError::NoPeriod { file } => format!(
                "Cannot tell the period of {}: its title has no month. Give it with --period YYYY-MM.",
                for_display(file)
            ),
            ImportError::PeriodClosed { period } => {
                format!("The period {period} is closed; nothing can be imported into it.")
            }
            ImportError::MonthlyExists { period, batch } => format!(
                "The period {period} already has its monthly list ({}). Changes go in increase/decrease/adjustment lists.",
                for_display(&batch.file_name)
            ),
            ImportError::KindNotYet(k) => format!(
                "This version cannot import {} lists yet; only monthly.",
                k.code()
            ),
        }
    }
}

impl Localize for Problem {
    fn vi(&self) -> String {
        match self {
            Problem::Text(e) => e.vi(),
            Problem::TooLong { field, chars, max } => {
                super::import_limits::too_long_vi(*field, *chars, *max)
            }
            Problem::MissingName => "Thiếu họ tên.".into(),
            Problem::LineBreak { field } => format!(
                "Ô {} có chỗ xuống dòng, điều không thể có ở cột này. Trong tệp CSV, thường là do một dấu \
                 ngoặc kép (\") lẻ làm dòng này nhập với dòng sau. Hãy sửa ô này (bỏ dấu ngoặc kép lẻ) rồi \
                 nhập lại.",
                super::import_source::field_vi(*field)
            ),
            Problem::NameChar(c) if run_together(*c) => format!(
                "Họ và tên có ký tự {} mà họ tên không thể có (chữ số, dấu \";\", \",\", tab hoặc ngoặc kép): \
                 có thể các ô đã bị nhập vào nhau (thường do một dấu ngoặc kép lẻ trong tệp CSV). Hãy sửa ô \
                 này rồi nhập lại.",
                shown_char(*c)
            ),
            Problem::NameChar('\u{FFFD}') | Problem::NameStart('\u{FFFD}') => "Họ và tên có ký tự thay thế (U+FFFD): chữ đã bị hỏng khi tệp được \
                 chuyển bảng mã. Hãy mở tệp gốc bằng Excel, lưu lại dưới dạng .xlsx hoặc \"CSV UTF-8\" rồi \
                 nhập lại."
                .into(),
            Problem::NameChar(c) | Problem::NameStart(c) if looks_blank(*c) => format!(
                "Họ và tên có một ký tự không nhìn thấy ({}): nó làm tên trông như chữ mà không phải, hoặc \
                 dính các chữ vào nhau. Hãy xóa ô này, gõ lại họ tên rồi nhập lại.",
                code_point(*c)
            ),
            Problem::NameStart(c) if !c.is_alphabetic() => format!(
                "Họ và tên phải bắt đầu bằng một chữ cái; ô này bắt đầu bằng {}{}. Hãy sửa ô này rồi nhập lại.",
                shown_char(*c),
                if matches!(c, '=' | '+' | '-' | '@' | '#' | '\u{FF1D}') {
                    " (một công thức hay giá trị lỗi của Excel, không phải họ tên)"
                } else {
                    ""
                }
            ),
            Problem::NameChar(c) | Problem::NameStart(c) => format!(
                "Họ và tên có ký tự {}, không phải chữ cái tiếng Việt: họ tên chỉ gồm chữ cái (có dấu), \
                 khoảng trắng, \"-\", \".\" và dấu nháy đơn. Một chữ của bảng chữ khác (chữ Nga, chữ Hy \
                 Lạp…) trông giống chữ Việt cũng bị từ chối. Hãy gõ lại ô này rồi nhập lại.",
                shown_char(*c)
            ),
            Problem::NameIsValue(v) => format!(
                "Ô họ tên chứa giá trị đúng/sai «{}» của Excel, không phải họ tên (có thể cột bị lệch). Hãy \
                 sửa ô này rồi nhập lại.",
                for_display(v)
            ),
            Problem::StackedMarks => "Họ và tên có nhiều dấu chồng lên một chữ, điều chữ Việt không có (nhiều \
                 nhất hai dấu: mũ hoặc móc, và thanh). Hãy gõ lại ô này rồi nhập lại."
                .into(),
            Problem::CodeChar(c) => format!(
                "Mã đối tượng có ký tự {}: mã chỉ gồm chữ cái không dấu A–Z, chữ số và \"-\", \"/\", \".\", \
                 \"_\", bắt đầu bằng chữ hoặc số. Một chữ của bảng chữ khác trông giống chữ Latinh (như \
                 \"Н\" của chữ Nga) cũng bị từ chối. Hãy gõ lại mã đúng như trong hồ sơ rồi nhập lại.",
                shown_char(*c)
            ),
            Problem::Account(e) => e.vi(),
            Problem::MissingCode => "Thiếu mã đối tượng (và không có số CCCD/CMND).".into(),
            Problem::BadBirthYear(v) => format!(
                "Năm sinh \"{}\" không hợp lệ (cần năm 4 chữ số, ví dụ 1948).",
                for_display(v)
            ),
            Problem::Id(e) => e.vi(),
            Problem::IdWarning(w) => w.vi(),
            Problem::Amount(e) => e.vi(),
            Problem::NegativeAmount(m) => format!("Số tiền âm ({m}) chỉ được ở cột truy thu."),
            Problem::NoAmount => "Không có số tiền nào trên dòng này.".into(),
            Problem::NoRows => "Bảng không có dòng đối tượng nào dưới dòng tiêu đề.".into(),
            Problem::AfterTableEnd(end) => format!(
                "Dòng này có mã đối tượng hoặc số CCCD/CMND và số tiền nhưng nằm {}, ngoài bảng danh sách \
                 và ngoài tổng cộng của tệp, nên không được nhập cũng không được bỏ qua. Hãy hỏi cơ quan chi \
                 trả: nếu người này được chi, đưa dòng lên trên dòng Tổng cộng và sửa tổng; nếu không, xóa \
                 dòng; rồi nhập lại.",
                table_end_vi(end)
            ),
            Problem::HiddenRow => "Dòng này bị ẩn trong Excel (ẩn dòng, hoặc thấp đến mức không thấy): người đọc \
                 danh sách bằng Excel không thấy nó, nên không được nhập. Hãy mở tệp, bỏ ẩn các dòng (chọn cả \
                 bảng, Format → Hide & Unhide → Unhide Rows), hỏi cơ quan chi trả người này có trong danh sách \
                 không, xóa dòng nếu không, rồi nhập lại."
                .into(),
            Problem::MaskedNumber { column, header } => format!(
                "Số ở cột {column} ({header}) có định dạng làm Excel hiện khác số tệp lưu (ẩn số, chữ số \
                 viết sẵn trong định dạng, chọn theo điều kiện, hoặc chia cho 1.000): người đọc danh sách \
                 bằng Excel thấy một số, chitra đọc số khác, nên không được nhập. Hãy mở tệp, chọn cả bảng, \
                 đặt định dạng số về General hoặc #,##0 (Format Cells → Number), so các số với danh sách \
                 giấy của cơ quan chi trả, rồi nhập lại."
            ),
            Problem::UnreadHeader(t) => super::import_preview::unread_header(Lang::Vi, t),
            Problem::FormulaWithoutValue { column, header } => format!(
                "Ô ở cột {column} ({header}) là công thức mà tệp không lưu giá trị (hoặc tệp yêu cầu Excel \
                 tính lại mọi công thức khi mở): số Excel hiện không có trong tệp, nên không được nhập. Hãy \
                 mở tệp bằng Excel, lưu lại (File → Save), so các số với danh sách giấy của cơ quan chi trả, \
                 rồi nhập lại."
            ),
            Problem::OtherSheets { read, others } => super::import_sheet::other_sheets_vi(read, others),
            Problem::NoFileTotal => "Tệp không có dòng \"Tổng cộng\": tổng tiền của tệp không được đối chiếu \
                 với tổng các dòng, nên một dòng bị thiếu hay bị sửa sẽ không lộ ra. Hãy so số người và tổng \
                 tiền ở trên với danh sách giấy có chữ ký của cơ quan chi trả trước khi ghi."
                .into(),
            Problem::RowTotal { stated, computed } => {
                format!("Cột tổng ghi {stated} nhưng cộng các khoản được {computed}.")
            }
            Problem::DuplicateCode { first_row } => {
                format!("Trùng mã đối tượng với dòng {first_row}.")
            }
            Problem::DuplicateId { first_row } => {
                format!("Trùng số CCCD/CMND với dòng {first_row}: một người xuất hiện hai lần.")
            }
            Problem::FileTotal { stated, computed } => format!(
                "Dòng tổng cộng của tệp ghi {stated} nhưng cộng các dòng được {computed}. Tệp có thể thiếu hoặc sửa dòng; đề nghị cơ quan chi trả gửi lại."
            ),
            Problem::NotActive(s) => format!(
                "Đối tượng đang ở trạng thái \"{}\" trong hồ sơ; không đưa vào danh sách chi khi chưa có quyết định điều chỉnh.",
                labels::status(Lang::Vi, *s)
            ),
            Problem::Change(c) => c.vi(),
            Problem::NoIdNumber => {
                "Không có số CCCD/CMND: chỉ chi được qua người được ủy quyền hoặc giám hộ.".into()
            }
            Problem::UnknownGender(v) => {
                format!("Giới tính \"{}\" không rõ; bỏ qua.", for_display(v))
            }
            Problem::GenderDisagreesWithId => {
                "Giới tính không khớp với chữ số thứ 4 của số CCCD.".into()
            }
            Problem::UnknownPayMethod(v) => {
                format!(
                    "Không hiểu hình thức chi trả \"{}\"; giữ hình thức đã đăng ký.",
                    for_display(v)
                )
            }
            Problem::IdOnOtherRecord(code) => {
                format!("Số CCCD/CMND này đã có ở hồ sơ {}.", for_display(code))
            }
            Problem::DiffersFromRegistration(d) => differs(Lang::Vi, d),
        }
    }

    fn en(&self) -> String {
        match self {
            Problem::Text(e) => e.en(),
            Problem::TooLong { field, chars, max } => {
                super::import_limits::too_long_en(*field, *chars, *max)
            }
            Problem::MissingName => "The name is missing.".into(),
            Problem::LineBreak { field } => format!(
                "The {} cell holds a line break, which that column cannot have. In a CSV file this is most \
                 often a stray quote (\") that joined this row with the next. Correct the cell (remove the \
                 stray quote) and import again.",
                super::import_source::field_en(*field)
            ),
            Problem::NameChar(c) if run_together(*c) => format!(
                "The name holds {}, which no name has (a digit, \";\", \",\", a tab or a quote): cells may \
                 have run together (most often from a stray quote in a CSV file). Correct the cell and import \
                 again.",
                shown_char(*c)
            ),
            Problem::NameChar('\u{FFFD}') | Problem::NameStart('\u{FFFD}') => "The name holds the replacement character (U+FFFD): the text was \
                 damaged when the file changed encoding. Open the original in Excel, save it as .xlsx or \
                 \"CSV UTF-8\" and import again."
                .into(),
            Problem::NameChar(c) | Problem::NameStart(c) if looks_blank(*c) => format!(
                "The name holds an invisible character ({}): it makes the name look like letters it is not, \
                 or glues words together. Clear the cell, type the name again and import again.",
                code_point(*c)
            ),
            Problem::NameStart(c) if !c.is_alphabetic() => format!(
                "A name starts with a letter; this one starts with {}{}. Correct the cell and import again.",
                shown_char(*c),
                if matches!(c, '=' | '+' | '-' | '@' | '#' | '\u{FF1D}') {
                    " (an Excel formula or error value, not a name)"
                } else {
                    ""
                }
            ),
            Problem::NameChar(c) | Problem::NameStart(c) => format!(
                "The name holds {}, which is not a Vietnamese letter: a name is letters (with diacritics), \
                 spaces, \"-\", \".\" and apostrophes. A letter of another alphabet (Cyrillic, Greek…) that \
                 looks like a Vietnamese one is refused too. Type the cell again and import again.",
                shown_char(*c)
            ),
            Problem::NameIsValue(v) => format!(
                "The name cell holds Excel's true/false value «{}», not a name (the columns may have shifted). \
                 Correct the cell and import again.",
                for_display(v)
            ),
            Problem::StackedMarks => "The name stacks more marks on one letter than Vietnamese ever does (two at \
                 most: a hat or horn, and a tone). Type the cell again and import again."
                .into(),
            Problem::CodeChar(c) => format!(
                "The record code holds {}: a code is ASCII letters A–Z, digits and \"-\", \"/\", \".\", \
                 \"_\", starting with a letter or digit. A letter of another alphabet that looks Latin (such \
                 as Cyrillic \"Н\") is refused too. Type the code as it is on file and import again.",
                shown_char(*c)
            ),
            Problem::Account(e) => e.en(),
            Problem::MissingCode => {
                "The record code is missing (and there is no ID number).".into()
            }
            Problem::BadBirthYear(v) => format!(
                "Birth year \"{}\" is not valid (four digits, e.g. 1948).",
                for_display(v)
            ),
            Problem::Id(e) => e.en(),
            Problem::IdWarning(w) => w.en(),
            Problem::Amount(e) => e.en(),
            Problem::NegativeAmount(m) => {
                format!("A negative amount ({m}) is only allowed in the deduction column.")
            }
            Problem::NoAmount => "There is no amount on this row.".into(),
            Problem::NoRows => "The table has no person's line under its header.".into(),
            Problem::AfterTableEnd(end) => format!(
                "This row has a record code or ID number and an amount but lies {}, outside the list and \
                 its total, so it is neither imported nor ignored. Ask the payer: if the person is to be \
                 paid, move the row above the total row and correct the total; if not, delete the row; then \
                 import again.",
                table_end_en(end)
            ),
            Problem::MaskedNumber { column, header } => format!(
                "The number in column {column} ({header}) has a format that makes Excel show another value \
                 than the file holds (hidden, figures written into the format, a choice by condition, or \
                 divided by 1,000): whoever reads the list in Excel sees one number and chitra reads another, \
                 so it is not imported. Open the file, select the whole table, set the number format to \
                 General or #,##0 (Format Cells → Number), compare the figures with the payer's paper list, \
                 and import again."
            ),
            Problem::HiddenRow => "Excel hides this row (hidden, or too low to see): whoever read the list in \
                 Excel did not see it, so it is not imported. Open the file, unhide the rows (select the whole \
                 table, Format → Hide & Unhide → Unhide Rows), ask the payer whether this person belongs on \
                 the list, delete the row if not, and import again."
                .into(),
            Problem::UnreadHeader(t) => super::import_preview::unread_header(Lang::En, t),
            Problem::FormulaWithoutValue { column, header } => format!(
                "The cell in column {column} ({header}) is a formula whose value the file does not keep (or \
                 the file asks Excel to compute every formula again on opening): the number Excel shows is \
                 not in the file, so it is not imported. Open the file in Excel, save it (File → Save), \
                 compare the figures with the payer's paper list, and import again."
            ),
            Problem::OtherSheets { read, others } => super::import_sheet::other_sheets_en(read, others),
            Problem::NoFileTotal => "The file has no \"Tổng cộng\" total row: its total is checked against \
                 nothing, so a missing or altered row would not show. Compare the people and the total \
                 above with the payer's signed paper list before writing."
                .into(),
            Problem::RowTotal { stated, computed } => {
                format!("The total column says {stated} but the amounts add up to {computed}.")
            }
            Problem::DuplicateCode { first_row } => format!("Same record code as row {first_row}."),
            Problem::DuplicateId { first_row } => {
                format!("Same ID number as row {first_row}: one person listed twice.")
            }
            Problem::FileTotal { stated, computed } => {
                format!("The file's total row says {stated} but its lines add up to {computed}.")
            }
            Problem::NotActive(s) => format!(
                "On file the person is {}; not listed for payment without an adjustment.",
                labels::status(Lang::En, *s)
            ),
            Problem::Change(c) => c.en(),
            Problem::NoIdNumber => {
                "No ID number: can only be paid through a proxy or guardian.".into()
            }
            Problem::UnknownGender(v) => format!("Unknown gender \"{}\"; ignored.", for_display(v)),
            Problem::GenderDisagreesWithId => {
                "The gender disagrees with the CCCD's 4th digit.".into()
            }
            Problem::UnknownPayMethod(v) => format!(
                "Unknown payment method \"{}\"; the registered one is kept.",
                for_display(v)
            ),
            Problem::IdOnOtherRecord(code) => {
                format!("This ID number is already on record {}.", for_display(code))
            }
            Problem::DiffersFromRegistration(d) => differs(Lang::En, d),
        }
    }
}

impl Localize for RowProblem {
    fn vi(&self) -> String {
        let place = match (&self.place.row, &self.place.column) {
            (0, _) => "Tệp".to_string(),
            (r, Some(c)) => format!("Dòng {r}, cột {}", for_display(c)),
            (r, None) => format!("Dòng {r}"),
        };
        match &self.place.who {
            Some(w) => format!("{place} [{}]: {}", for_display(w), self.problem.vi()),
            None => format!("{place}: {}", self.problem.vi()),
        }
    }

    fn en(&self) -> String {
        let place = match (&self.place.row, &self.place.column) {
            (0, _) => "File".to_string(),
            (r, Some(c)) => format!("Row {r}, column {}", for_display(c)),
            (r, None) => format!("Row {r}"),
        };
        match &self.place.who {
            Some(w) => format!("{place} [{}]: {}", for_display(w), self.problem.en()),
            None => format!("{place}: {}", self.problem.en()),
        }
    }
}

crate::localized_error!(ImportError);

/// The import preview's warning where the list disagrees with what the
/// office registered.
pub fn differs(lang: Lang, d: &Disagreement) -> String {
    let text = |l: &str, o: &str| (for_display(l).into_owned(), for_display(o).into_owned());
    let (field, (list, office)) = match d {
        Disagreement::Phone(l, o) => (lang.pick("số điện thoại", "phone"), text(l, o)),
        Disagreement::Method(l, o) => (
            lang.pick("hình thức nhận", "method"),
            (
                super::labels::method(lang, *l).to_string(),
                super::labels::method(lang, *o).to_string(),
            ),
        ),
        Disagreement::Account(l, o) => (lang.pick("tài khoản", "account"), text(l, o)),
        Disagreement::IdNumber(l, o) => (lang.pick("số CCCD/CMND", "ID number"), text(l, o)),
    };
    match lang {
        Lang::Vi => format!(
            "Danh sách ghi {field} «{list}», bưu điện đã đăng ký «{office}»: giữ theo đăng ký tại bưu điện; gửi danh sách thay đổi (chitra list changes) cho cơ quan chi trả."
        ),
        Lang::En => format!(
            "The list says {field} «{list}», the office registered «{office}»: the registration stays; send the change list (chitra list changes) to the social-affairs office."
        ),
    }
}

/// Where a table ended, as "below …" in a sentence.
fn table_end_vi(end: &TableEnd) -> String {
    match end {
        TableEnd::AfterTotal { row } => format!("dưới dòng Tổng cộng (dòng {row})"),
        TableEnd::Signatures { row, .. } => format!("dưới phần ký tên (dòng {row})"),
        TableEnd::EndOfSheet => "sau khi bảng đã kết thúc".into(),
    }
}

fn table_end_en(end: &TableEnd) -> String {
    match end {
        TableEnd::AfterTotal { row } => format!("below the total row (row {row})"),
        TableEnd::Signatures { row, .. } => format!("below the signatures (row {row})"),
        TableEnd::EndOfSheet => "after the table's end".into(),
    }
}

/// A character as a message shows it: itself in quotes, a tab by name,
/// with its code point when it is not plain ASCII (a look-alike letter
/// shows what it is; an invisible one shows at all).
fn shown_char(c: char) -> String {
    match c {
        '\t' => "tab".into(),
        c if c.is_ascii_graphic() => format!("\"{c}\""),
        c if looks_blank(c) || c.is_control() => code_point(c),
        c => format!(
            "\"{}\" ({})",
            for_display(c.encode_utf8(&mut [0; 4])),
            code_point(c)
        ),
    }
}

/// Characters that in a name mean cells ran together.
fn run_together(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ';' | ',' | '\t' | '"')
}

/// Characters that show as nothing, or as a blank: zero-width and format
/// characters, spaces, and the letters that draw nothing (the Hangul
/// fillers, the Braille blank, the variation selectors…).
fn looks_blank(c: char) -> bool {
    use crate::text::normalize::{CharClass, char_class};
    matches!(
        char_class(c),
        CharClass::Invisible | CharClass::Format | CharClass::Space
    ) || matches!(
        c,
        '\u{34F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PayMethod;

    #[test]
    fn a_disagreement_on_the_method_names_both_methods_in_the_language_asked() {
        let d = Disagreement::Method(PayMethod::Cash, PayMethod::Bank);
        let vi = differs(Lang::Vi, &d);
        let en = differs(Lang::En, &d);
        for (lang, text) in [(Lang::Vi, &vi), (Lang::En, &en)] {
            for m in [PayMethod::Cash, PayMethod::Bank] {
                let word = super::super::labels::method(lang, m);
                assert!(text.contains(&format!("«{word}»")), "{text}");
            }
        }
        assert!(vi.starts_with("Danh sách ghi hình thức nhận"), "{vi}");
        assert!(en.starts_with("The list says method"), "{en}");
        assert_ne!(
            super::super::labels::method(Lang::Vi, PayMethod::Cash),
            super::super::labels::method(Lang::En, PayMethod::Cash)
        );
    }
}
