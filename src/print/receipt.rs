//! The payment receipt (biên nhận): 80 columns of plain text for a
//! dot-matrix or laser printer, with every line paid, the total in figures
//! and in words, and places to sign. A reprint says "BẢN SAO".
//!
//! Every value from a list or a user goes through `for_display`.

use super::text::{WIDTH, center, pad, right, spread, wrap};
use crate::config::Office;
use crate::domain::payment::{PaymentRecord, ReceiverKind};
use crate::domain::person::Person;
use crate::domain::words::in_words;
use crate::i18n::Lang;
use crate::i18n::labels;
use crate::i18n::receipt::receipt as words;
use crate::text::for_display;

/// The receipt text for `payment` of `person`; `copy` marks a reprint.
pub fn render(
    lang: Lang,
    office: &Office,
    person: &Person,
    payment: &PaymentRecord,
    copy: bool,
) -> String {
    let w = words(lang);
    let s = |v: &str| for_display(v).into_owned();
    let mut out: Vec<String> = Vec::new();
    out.push(center(&s(&office.name).to_uppercase()));
    out.push(center(&format!(
        "{}, {}",
        s(&office.commune),
        s(&office.province)
    )));
    out.push(String::new());
    out.push(center(w.title));
    let number = format!("{} {}", w.number, payment.receipt_no);
    out.push(center(&if copy {
        format!("{number}   ({})", w.copy)
    } else {
        number
    }));
    out.push(center(&format!(
        "{} {} — {} {}",
        w.date,
        labels::date_time(&payment.paid_at),
        w.clerk_label,
        s(&payment.clerk)
    )));
    if let Some(r) = &payment.reversal {
        out.push(center(&format!(
            "*** {} {} — {} ***",
            w.voided_on,
            labels::date_time(&r.at),
            s(&r.reason)
        )));
    }
    out.push(String::new());

    let field = |label: &str, value: String| format!("{} : {value}", pad(label, 14));
    // A value longer than the line (a long category, a receiver's name and
    // relation) goes on under itself: nothing past the 80th column.
    let fields = |out: &mut Vec<String>, label: &str, value: String| {
        for (i, l) in wrap(&value, WIDTH - 17, "").into_iter().enumerate() {
            out.push(if i == 0 {
                field(label, l)
            } else {
                format!("{}{l}", " ".repeat(17))
            });
        }
    };
    out.push(spread(
        &field(w.beneficiary, s(&person.full_name)),
        &format!("{} {}", w.record_code, s(&person.record_code)),
    ));
    let born = person
        .birth_year
        .map(|y| y.to_string())
        .unwrap_or_else(|| "—".into());
    let id = person
        .id_number
        .as_deref()
        .map(s)
        .unwrap_or_else(|| "—".into());
    out.push(field(w.born, format!("{born}    {} {id}", w.id_no_inline)));
    if let Some(h) = &person.hamlet {
        fields(&mut out, w.hamlet, s(h));
    }
    if let Some(c) = &person.category {
        fields(&mut out, w.category, s(c));
    }
    let kind = match &payment.receiver_relation {
        Some(rel) => format!(
            "{}, {}",
            labels::receiver(lang, payment.receiver_kind),
            s(rel)
        ),
        None => labels::receiver(lang, payment.receiver_kind).to_string(),
    };
    fields(
        &mut out,
        w.received_by,
        format!("{} ({kind})", s(&payment.receiver_name)),
    );
    out.push(field(w.id_no, s(&payment.receiver_id_number)));
    if let Some(paper) = &payment.proxy_paper {
        let label = match payment.receiver_kind {
            ReceiverKind::Guardian => w.guardian_paper,
            ReceiverKind::Heir => crate::i18n::heir::death_certificate(lang),
            _ => w.proxy_paper,
        };
        fields(&mut out, label, format!("{} {}", w.paper_no, s(paper)));
    }
    let mut how = labels::method(lang, payment.method).to_string();
    if let Some(acc) = &payment.account {
        how.push_str(&format!(" — {} {}", w.account, s(acc)));
    }
    if let Some(r) = &payment.reference {
        how.push_str(&format!(" — {} {}", w.reference, s(r)));
    }
    fields(&mut out, w.method, how);
    if let Some(a) = &payment.approved_by {
        out.push(field(w.approved_late, s(a)));
    }
    out.push(String::new());

    let rule = format!("  {}", "-".repeat(WIDTH - 4));
    out.push(format!(
        "  {}{}{}",
        pad(w.col_period, 10),
        pad(w.col_item, 46),
        right(w.col_amount, 20)
    ));
    out.push(rule.clone());
    for line in &payment.lines {
        out.push(format!(
            "  {}{}{}",
            pad(&line.period.short_label(), 10),
            pad(labels::kind(lang, line.kind), 46),
            right(&line.amount.to_string(), 20)
        ));
    }
    out.push(rule);
    out.push(format!(
        "  {}{}",
        pad(w.total, 56),
        right(&payment.total.to_string(), 20)
    ));
    let words = format!("{} {}", w.in_words, in_words(payment.total.dong()));
    for l in wrap(&words, WIDTH - 4, "  ") {
        out.push(format!("  {l}"));
    }
    out.push(String::new());
    let sign = |a: &str, b: &str| format!("  {}{}", pad(a, 44), b);
    out.push(sign(w.receiver_signs, w.clerk_signs));
    out.push(sign(w.sign_hint, w.sign_hint));
    out.push(String::new());
    out.push(String::new());
    out.push(String::new());
    let receiver = match payment.receiver_kind {
        ReceiverKind::Person => s(&person.full_name),
        _ => s(&payment.receiver_name),
    };
    out.push(sign(&receiver, &s(&payment.clerk)));
    let mut text = out.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::payment::{PaidLine, PayMethod, Reversal};
    use crate::domain::person::Status;
    use crate::domain::{EntitlementKind, Money, Period};

    fn office() -> Office {
        Office {
            name: "Bưu điện văn hóa xã Hải Dương".into(),
            code: "HD01".into(),
            commune: "Xã Hải Dương".into(),
            province: "Thành phố Huế".into(),
            paying_agency: "Phòng Văn hóa - Xã hội".into(),
            time_zone: crate::config::DEFAULT_TIME_ZONE.into(),
        }
    }

    fn person(name: &str) -> Person {
        Person {
            id: 1,
            record_code: "HD-00123".into(),
            full_name: name.into(),
            birth_year: Some(1948),
            gender: None,
            id_number: Some("046048001234".into()),
            phone: None,
            hamlet: Some("Thôn Thai Dương Hạ".into()),
            address: None,
            category: Some("Thương binh".into()),
            pay_method: PayMethod::Cash,
            account_no: None,
            account_bank: None,
            status: Status::Active,
            status_note: None,
            status_since: None,
        }
    }

    fn payment(total: i64) -> PaymentRecord {
        let line = |period, amount| PaidLine {
            entitlement_id: 1,
            period,
            kind: EntitlementKind::TroCap,
            amount: Money::from_dong(amount),
        };
        PaymentRecord {
            id: 7,
            receipt_no: "HD-2026-000123".into(),
            person_id: 1,
            day: "2026-11-28".into(),
            paid_at: "2026-11-28T15:04:05+07:00".into(),
            clerk_id: 2,
            clerk: "Lê Thị Hoa".into(),
            approved_by: None,
            receiver_kind: ReceiverKind::Person,
            receiver_name: "Nguyễn Văn An".into(),
            receiver_id_number: "046048001234".into(),
            proxy_paper: None,
            receiver_relation: None,
            method: PayMethod::Cash,
            account: None,
            reference: None,
            total: Money::from_dong(total),
            lines: vec![
                line(Period::new(2026, 10).unwrap(), total / 2),
                line(Period::new(2026, 11).unwrap(), total - total / 2),
            ],
            reversal: None,
        }
    }

    #[test]
    fn a_receipt_fits_80_columns_and_says_the_total_in_words() {
        let text = render(
            Lang::Vi,
            &office(),
            &person("Nguyễn Văn An"),
            &payment(5_578_000),
            false,
        );
        for line in text.lines() {
            assert!(
                super::super::text::width(line) <= WIDTH,
                "too wide: {line:?}"
            );
        }
        assert!(text.contains("HD-2026-000123"));
        assert!(text.contains("10/2026") && text.contains("11/2026"));
        assert!(text.contains("5.578.000 đ"));
        assert!(text.contains("Năm triệu năm trăm bảy mươi tám nghìn đồng"));
        assert!(text.contains("28/11/2026 15:04"));
        assert!(text.contains("Người nhận tiền") && text.contains("Giao dịch viên"));
        assert!(!text.contains("BẢN SAO"));
    }

    /// The longest categories of the payer's lists, and a proxy's name and
    /// relation, go on under themselves instead of past the 80th column.
    #[test]
    fn long_values_wrap_inside_80_columns() {
        let mut p = person("Nguyễn Văn An");
        p.category =
            Some("Con đẻ của người hoạt động kháng chiến bị nhiễm chất độc hóa học".into());
        let mut pay = payment(5_578_000);
        pay.receiver_kind = ReceiverKind::Proxy;
        pay.receiver_name = "Tôn Nữ Thị Hoàng Phương Thảo Nguyên".into();
        pay.receiver_relation = Some("cháu nội của người hưởng, ở cùng hộ".into());
        let text = render(Lang::Vi, &office(), &p, &pay, false);
        for line in text.lines() {
            assert!(
                super::super::text::width(line) <= WIDTH,
                "too wide: {line:?}"
            );
        }
        assert!(text.contains("chất độc hóa"), "{text}");
        assert!(text.contains("ở cùng hộ"), "{text}");
    }

    #[test]
    fn a_reprint_is_marked_as_a_copy() {
        let text = render(
            Lang::Vi,
            &office(),
            &person("Nguyễn Văn An"),
            &payment(100_000),
            true,
        );
        assert!(text.contains("BẢN SAO"));
    }

    #[test]
    fn a_voided_payment_says_so_on_its_receipt() {
        let mut p = payment(100_000);
        p.reversal = Some(Reversal {
            at: "2026-11-28T16:00:00+07:00".into(),
            requested_by: "Lê Thị Hoa".into(),
            approved_by: "Trần Văn Minh".into(),
            reason: "Chi nhầm người".into(),
        });
        let text = render(Lang::Vi, &office(), &person("Nguyễn Văn An"), &p, true);
        assert!(text.contains("ĐÃ HỦY") && text.contains("Chi nhầm người"));
    }

    #[test]
    fn a_proxys_receipt_names_the_authorisation_paper() {
        let mut p = payment(100_000);
        p.receiver_kind = ReceiverKind::Proxy;
        p.receiver_name = "Lê Văn Dũng".into();
        p.receiver_id_number = "046090001234".into();
        p.proxy_paper = Some("15/UQ-2026".into());
        let text = render(Lang::Vi, &office(), &person("Trần Thị Bình"), &p, false);
        assert!(text.contains("Giấy ủy quyền  : số 15/UQ-2026"), "{text}");
        let own = render(
            Lang::Vi,
            &office(),
            &person("Trần Thị Bình"),
            &payment(100_000),
            false,
        );
        assert!(!own.contains("Giấy ủy quyền"));
    }

    #[test]
    fn escape_sequences_in_a_name_never_reach_the_printer() {
        let text = render(
            Lang::Vi,
            &office(),
            &person("An\x1b[2J\x1b]0;x\x07"),
            &payment(100_000),
            false,
        );
        assert!(!text.contains('\x1b') && !text.contains('\x07'));
    }
}
