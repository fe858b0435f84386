//! The person's file as the screen draws it: one line per row, laid out
//! in [`DOC_WIDTH`] columns whatever the window, so that scrolling does not
//! depend on the window's size.

use ratatui::text::{Line, Span};

use super::{DOC_WIDTH, why_not_payable};
use crate::domain::in_words;
use crate::domain::person::Status;
use crate::domain::proxy::Validity;
use crate::i18n::{Lang, labels, register, strings};
use crate::service::counter::{PersonView, ProxyOnFile};
use crate::text::for_display;
use crate::tui::theme::Theme;
use crate::tui::widgets::fit::{fit, pad, right, width, wrap};

fn span(text: impl Into<String>, style: ratatui::style::Style) -> Span<'static> {
    Span::styled(text.into(), style)
}

/// "11/2026" or "10/2026–11/2026": the periods a payment covered.
pub fn periods_label(periods: &[crate::domain::Period]) -> String {
    match periods {
        [] => String::new(),
        [one] => one.short_label(),
        [first, .., last] => format!("{}–{}", first.short_label(), last.short_label()),
    }
}

/// A proxy's kind and whether it can be used today, as the clerk reads it:
/// "Ủy quyền, còn hạn đến 31/12/2026".
pub fn proxy_state(lang: Lang, p: &ProxyOnFile) -> String {
    let s = lang.strings();
    let kind = if p.proxy.guardian {
        s.proxy_kind_guardian
    } else {
        s.proxy_kind_proxy
    };
    let when = match p.validity {
        _ if !p.sealed => strings::proxy_tampered(lang).to_string(),
        Validity::InDate => match p.proxy.valid_to {
            Some(to) => strings::valid_until(lang, &to.format("%d/%m/%Y").to_string()),
            None => s.valid_no_end.to_string(),
        },
        Validity::Expired { on } => strings::expired_on(lang, &on.format("%d/%m/%Y").to_string()),
        Validity::NotYetValid { from } => {
            strings::not_yet_valid(lang, &from.format("%d/%m/%Y").to_string())
        }
    };
    format!("{kind}, {when}")
}

/// Everything the screen shows, one entry per row, laid out in
/// [`DOC_WIDTH`] columns.
pub(super) fn document(lang: Lang, v: &PersonView, theme: &Theme) -> Vec<Line<'static>> {
    let s = lang.strings();
    let d = |t: &str| for_display(t).into_owned();
    let p = &v.person;
    let mut out: Vec<Line<'static>> = Vec::new();

    // Who.
    let code = format!(
        "{} {} · {}: {}",
        s.person_code,
        d(&p.record_code),
        s.person_month_state,
        labels::person_month_state(
            lang,
            v.state,
            p.status,
            v.heir
                .as_ref()
                .is_some_and(|h| h.owed_total > crate::domain::Money::ZERO)
        )
    );
    let name = fit(&d(&p.full_name), DOC_WIDTH.saturating_sub(width(&code) + 2));
    let gap = DOC_WIDTH.saturating_sub(width(&name) + width(&code));
    out.push(Line::from(vec![
        span(name, theme.heading()),
        span(" ".repeat(gap), theme.text()),
        span(code, theme.text()),
    ]));
    let mut who = Vec::new();
    if let Some(y) = p.birth_year {
        who.push(format!("{} {y}", s.person_born));
    }
    if let Some(g) = p.gender {
        who.push(labels::gender(lang, g).to_string());
    }
    who.push(format!(
        "{} {}",
        s.person_id,
        v.id_number().map(d).unwrap_or_else(|| s.none.into())
    ));
    if let Some(phone) = v.phone() {
        who.push(format!("{} {}", s.person_phone, d(phone)));
    }
    out.push(Line::raw(fit(&who.join(" · "), DOC_WIDTH)));
    let place = format!(
        "{}: {} · {}: {}",
        s.person_address,
        p.address.as_deref().map(d).unwrap_or_else(|| s.none.into()),
        s.person_hamlet,
        p.hamlet.as_deref().map(d).unwrap_or_else(|| s.none.into())
    );
    // A long address wraps: the hamlet after it is never cut off.
    for part in crate::text::layout::wrap_hanging(&place, DOC_WIDTH, "  ") {
        out.push(Line::raw(part));
    }
    let category = format!(
        "{}: {}",
        s.person_category,
        p.category
            .as_deref()
            .map(d)
            .unwrap_or_else(|| s.none.into())
    );
    out.push(Line::raw(fit(&category, DOC_WIDTH)));
    if p.status != Status::Active {
        let mut st = format!("{}: {}", s.person_status, labels::status(lang, p.status));
        if let Some(since) = &p.status_since {
            st.push_str(&format!(
                " · {} {}",
                s.status_recorded_on,
                d(&labels::date(since))
            ));
        }
        if let Some(note) = &p.status_note {
            st.push_str(&format!(" ({})", d(note)));
        }
        out.push(Line::from(span(fit(&st, DOC_WIDTH), theme.heading())));
    }
    if let Some(stop) = &v.stop {
        let line = d(&crate::i18n::changes::stop_line(lang, stop));
        out.push(Line::from(span(fit(&line, DOC_WIDTH), theme.heading())));
    }
    if let Some((round, at)) = &v.death_reported {
        let line = crate::i18n::rounds::death_reported_at_counter(lang, *round, at);
        for part in crate::text::layout::wrap(&line, DOC_WIDTH) {
            out.push(Line::from(span(part, theme.error())));
        }
    }
    if !v.forged.is_empty() {
        let line = crate::i18n::store::forged_on_file(lang, &crate::i18n::store::forged_months(v));
        for part in crate::text::layout::wrap(&line, DOC_WIDTH) {
            out.push(Line::from(span(part, theme.error())));
        }
    }
    // Lines held elsewhere, said before the clerk starts to pay.
    let held = [
        v.bank.as_ref().map(|b| match b {
            crate::service::bank::BankNote::Waiting { batch } => {
                crate::i18n::bank::locked_on_screen(lang, *batch)
            }
            other => other.text(lang),
        }),
        v.round_out
            .as_ref()
            .map(|(n, postman)| crate::i18n::rounds::held_at_counter(lang, *n, postman)),
    ];
    for line in held.into_iter().flatten() {
        for part in crate::text::layout::wrap(&d(&line), DOC_WIDTH) {
            out.push(Line::from(span(part, theme.heading())));
        }
    }
    let mut method = format!("{}: {}", s.person_method, labels::method(lang, v.method()));
    let (account, bank) = v.account();
    if let Some(acc) = account {
        method.push_str(&format!(" · {} {}", s.account_short, d(acc)));
    }
    if let Some(bank) = bank {
        method.push_str(&format!(" · {}", d(bank)));
    }
    if let Some(reason) = v.home_reason() {
        method.push_str(&format!(" · {}", register::home_reason(lang, reason)));
    }
    out.push(Line::raw(fit(&method, DOC_WIDTH)));
    if v.proxies.is_empty() {
        out.push(Line::raw(format!("{}: {}", s.person_proxies, s.none)));
    } else {
        out.push(Line::raw(format!("{}:", s.person_proxies)));
        for pr in &v.proxies {
            let state = proxy_state(lang, pr);
            let style = if !pr.sealed {
                theme.error()
            } else if pr.validity == Validity::InDate {
                theme.text()
            } else {
                theme.heading()
            };
            let who = format!(
                " {} ({}) · {}",
                d(&pr.proxy.full_name),
                d(&pr.proxy.relationship),
                d(&pr.proxy.id_number)
            );
            let room = DOC_WIDTH.saturating_sub(width(&state) + 3);
            out.push(Line::from(vec![
                span(format!("  {state}:"), style),
                span(fit(&who, room), theme.text()),
            ]));
        }
    }
    out.push(Line::raw(""));

    // What is owed: to a deceased person's heir, or to the person.
    let (unpaid, unpaid_total) = match &v.heir {
        Some(h) => {
            heir_lines(lang, &mut out, h, theme);
            (&h.owed, h.owed_total)
        }
        None => {
            out.push(Line::from(span(s.person_unpaid_heading, theme.heading())));
            if let Some(why) = why_not_payable(v) {
                for l in wrap(&format!("{} {why}", s.cannot_pay), DOC_WIDTH) {
                    out.push(Line::from(span(l, theme.error())));
                }
            }
            (&v.unpaid, v.unpaid_total)
        }
    };
    if !unpaid.is_empty() {
        out.push(Line::from(span(
            lines_row(s.col_period, s.col_kind, s.col_amount),
            theme.heading(),
        )));
        for l in unpaid {
            out.push(Line::raw(lines_row(
                &l.period.short_label(),
                labels::kind(lang, l.kind),
                &l.amount.to_string(),
            )));
        }
        out.push(Line::from(span(
            lines_row(
                "",
                &strings::total_of_lines(lang, unpaid.len()),
                &unpaid_total.to_string(),
            ),
            theme.heading(),
        )));
        for l in wrap(
            &format!("{} {}", s.in_words, in_words(unpaid_total.dong())),
            DOC_WIDTH - 2,
        ) {
            out.push(Line::raw(format!("  {l}")));
        }
    }
    if let (None, Some((period, amount))) = (&v.heir, v.ahead) {
        for l in wrap(&strings::owed_ahead(lang, period, amount), DOC_WIDTH) {
            out.push(Line::from(span(l, theme.text())));
        }
    }
    out.push(Line::raw(""));

    // What was paid.
    out.push(Line::from(span(s.person_paid_heading, theme.heading())));
    if v.payments.is_empty() {
        out.push(Line::raw(format!("  {}", s.person_no_payments)));
    }
    for pay in &v.payments {
        let row = format!(
            "  {}  {}  {}  {}  {}",
            d(&labels::date(&pay.paid_at)),
            d(&pay.receipt_no),
            right(&pay.total.to_string(), 13),
            periods_label(&pay.periods()),
            labels::receiver(lang, pay.receiver_kind)
        );
        match &pay.reversal {
            None => out.push(Line::raw(fit(&row, DOC_WIDTH))),
            Some(r) => {
                out.push(Line::from(span(fit(&row, DOC_WIDTH), theme.struck())));
                let why = format!(
                    "    {} {} — {}",
                    s.voided,
                    d(&labels::date(&r.at)),
                    d(&r.reason)
                );
                out.push(Line::from(span(fit(&why, DOC_WIDTH), theme.heading())));
            }
        }
    }
    out
}

/// A deceased person's heading: "Đã mất — chi cho người thừa kế", then the
/// heir on file with the death certificate, or what to do without one.
fn heir_lines(
    lang: Lang,
    out: &mut Vec<Line<'static>>,
    h: &crate::service::heirs::HeirView,
    theme: &Theme,
) {
    use crate::i18n::heir as words;
    let d = |t: &str| for_display(t).into_owned();
    out.push(Line::from(span(
        words::deceased_heading(lang),
        theme.heading(),
    )));
    match &h.heir {
        Some(heir) => {
            let who = format!(
                "{}: {} ({}) · {} {}",
                words::heir_label(lang),
                d(&heir.full_name),
                d(&heir.relationship),
                lang.strings().person_id,
                d(&heir.id_number)
            );
            out.push(Line::raw(fit(&who, DOC_WIDTH)));
            let cert = format!(
                "{}: {} · {} {}",
                words::death_label(lang),
                d(&heir.death_cert_no),
                words::died_on(lang),
                heir.died_on.format("%d/%m/%Y")
            );
            out.push(Line::raw(fit(&cert, DOC_WIDTH)));
            let owed = format!("{}: {}", words::owed_label(lang), h.owed_total);
            out.push(Line::from(span(fit(&owed, DOC_WIDTH), theme.heading())));
        }
        None => {
            for l in wrap(words::no_heir(lang), DOC_WIDTH) {
                out.push(Line::from(span(l, theme.error())));
            }
        }
    }
}

/// One row of the unpaid lines: period, kind, amount (right-aligned).
pub(crate) fn lines_row(period: &str, kind: &str, amount: &str) -> String {
    format!("  {}{}{}", pad(period, 9), pad(kind, 44), right(amount, 16))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Period;

    #[test]
    fn periods_read_as_a_range() {
        let p = |m| Period::new(2026, m).unwrap();
        assert_eq!(periods_label(&[p(11)]), "11/2026");
        assert_eq!(periods_label(&[p(9), p(10), p(11)]), "09/2026–11/2026");
    }

    #[test]
    fn unpaid_rows_keep_the_amount_in_its_column() {
        let a = lines_row("10/2026", "Trợ cấp hàng tháng", "2.789.000 đ");
        let b = lines_row("10/2026", "Phụ cấp hàng tháng", "394.500 đ");
        assert_eq!(width(&a), width(&b));
        assert!(width(&a) <= DOC_WIDTH);
    }
}
