//! `chitra show QUERY`: find a person and what is owed to them.

use crate::i18n::commands::show as phrases;
use clap::Args;
use serde_json::json;

use super::context::Context;
use super::{Cli, Exit, fail};
use crate::domain::payment::PaymentRecord;
use crate::i18n::{Lang, labels};
use crate::service::counter::{PersonView, SearchHit};
use crate::text::for_display;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Số CCCD/CMND, mã hồ sơ hoặc họ tên (không cần dấu)
    pub query: String,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

/// How many matches `show` lists at most.
const LIMIT: usize = 50;

pub fn run(cli: &Cli, args: &ShowArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (service, _session) = ctx.sign_in(cli)?;
    let found = service
        .search(&args.query, LIMIT)
        .map_err(|e| fail(lang, e))?;
    let exact: Vec<&SearchHit> = found
        .hits
        .iter()
        .filter(|h| {
            h.person.id_number.as_deref() == Some(args.query.trim())
                || h.person.record_code.eq_ignore_ascii_case(args.query.trim())
        })
        .collect();
    let single = match (exact.as_slice(), found.hits.as_slice()) {
        ([one], _) => Some(*one),
        (_, [one]) => Some(one),
        _ => None,
    };
    if found.hits.is_empty() {
        if args.json {
            println!("{}", json!({ "matches": [] }));
        } else {
            eprintln!(
                "chitra: {}",
                crate::i18n::strings::counter_nobody(lang, &for_display(&args.query))
            );
        }
        return Err(Exit::NotFound);
    }
    if let Some(hit) = single {
        let view = service
            .person_view(hit.person.id)
            .map_err(|e| fail(lang, e))?;
        if args.json {
            let mut doc = person_json(&view);
            doc["found_through"] = through_json(hit);
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        } else {
            if let Some(t) = &hit.through {
                println!("{}.", crate::i18n::strings::counter_found_through(lang, t));
            }
            print_person(lang, &view);
        }
        return Ok(());
    }
    if args.json {
        let list: Vec<_> = found.hits.iter().map(hit_json).collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({ "matches": list, "more": found.more }))
                .unwrap_or_default()
        );
    } else {
        for h in &found.hits {
            println!(
                "{:<12} {:<30} {:>4}  {:<12}  {:<14} {}",
                for_display(&h.person.record_code),
                for_display(&h.person.full_name),
                h.person
                    .birth_year
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
                h.person.id_number.as_deref().unwrap_or("—"),
                for_display(h.person.hamlet.as_deref().unwrap_or("")),
                labels::month_state(ctx.lang(), h.state)
            );
        }
        if found.more {
            println!("{}", phrases::more_be_more_specific(lang));
        }
    }
    Ok(())
}

fn hit_json(h: &SearchHit) -> serde_json::Value {
    json!({
        "record_code": h.person.record_code,
        "full_name": h.person.full_name,
        "birth_year": h.person.birth_year,
        "id_number": h.person.id_number,
        "hamlet": h.person.hamlet,
        "state": h.state,
        "unpaid_total_dong": h.unpaid_total.dong(),
        "found_through": through_json(h),
    })
}

/// The proxy or guardian whose ID number found the person, or null.
fn through_json(h: &SearchHit) -> serde_json::Value {
    match &h.through {
        Some(t) => json!({
            "kind": if t.guardian { "guardian" } else { "proxy" },
            "full_name": t.full_name,
            "validity": t.validity,
        }),
        None => serde_json::Value::Null,
    }
}

fn payment_json(p: &PaymentRecord) -> serde_json::Value {
    json!({
        "receipt": p.receipt_no,
        "paid_at": p.paid_at,
        "amount_dong": p.total.dong(),
        "periods": p.periods().iter().map(|x| x.to_string()).collect::<Vec<_>>(),
        "method": p.method.code(),
        "receiver_kind": p.receiver_kind.code(),
        "receiver_name": p.receiver_name,
        "receiver_id": p.receiver_id_number,
        "clerk": p.clerk,
        "reversed": p.reversal.is_some(),
    })
}

fn person_json(v: &PersonView) -> serde_json::Value {
    let p = &v.person;
    json!({
        "record_code": p.record_code,
        "full_name": p.full_name,
        "birth_year": p.birth_year,
        "id_number": p.id_number,
        "hamlet": p.hamlet,
        "category": p.category,
        "status": p.status.code(),
        "stopped_from": v.stop.as_ref().map(|s| s.from.to_string()),
        "pay_method": p.pay_method.code(),
        "unpaid": v.unpaid.iter().map(|l| json!({
            "period": l.period.to_string(), "kind": l.kind.code(), "amount_dong": l.amount.dong(),
        })).collect::<Vec<_>>(),
        "unpaid_total_dong": v.unpaid_total.dong(),
        "payments": v.payments.iter().map(payment_json).collect::<Vec<_>>(),
        "proxies": v.proxies.iter().map(|x| json!({
            "full_name": x.proxy.full_name, "id_number": x.proxy.id_number,
            "guardian": x.proxy.guardian, "relationship": x.proxy.relationship,
            "valid_from": x.proxy.valid_from.to_string(),
            "valid_to": x.proxy.valid_to.map(|d| d.to_string()), "validity": x.validity,
            "sealed": x.sealed,
        })).collect::<Vec<_>>(),
    })
}

fn print_person(lang: Lang, v: &PersonView) {
    let p = &v.person;
    let d = |s: &Option<String>| for_display(s.as_deref().unwrap_or("—")).into_owned();
    println!(
        "{}  [{}]",
        for_display(&p.full_name),
        for_display(&p.record_code)
    );
    println!(
        "  {} {}   {} {}   {} {}",
        phrases::born(lang),
        p.birth_year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "—".into()),
        phrases::id(lang),
        d(&p.id_number),
        phrases::hamlet(lang),
        d(&p.hamlet)
    );
    println!(
        "  {} {}   {} {}",
        phrases::category(lang),
        d(&p.category),
        phrases::status(lang),
        labels::status(lang, p.status)
    );
    // A decrease list's stop, beside a status still "receiving": the
    // status is the office's record, the stop the payer's.
    if let Some(stop) = &v.stop {
        println!("  {}", crate::i18n::changes::stop_line(lang, stop));
    }
    if !v.forged.is_empty() {
        let months = crate::i18n::store::forged_months(v);
        println!("  {}", crate::i18n::store::forged_on_file(lang, &months));
    }
    if v.unpaid.is_empty() {
        println!("  {}", phrases::nothing_unpaid(lang));
    } else {
        println!("  {}", phrases::unpaid(lang));
        for l in &v.unpaid {
            println!(
                "    {}  {:<28} {:>16}",
                l.period.short_label(),
                labels::kind(lang, l.kind),
                l.amount.to_string()
            );
        }
        println!(
            "    {:<36} {:>16}",
            phrases::total(lang),
            v.unpaid_total.to_string()
        );
        println!(
            "    {}",
            crate::domain::words::in_words(v.unpaid_total.dong())
        );
    }
    for pay in &v.payments {
        println!(
            "  {} {} {} {} {}{}",
            labels::date_time(&pay.paid_at),
            pay.receipt_no,
            pay.total,
            labels::method(lang, pay.method),
            for_display(&pay.clerk),
            if pay.reversal.is_some() {
                phrases::voided(lang)
            } else {
                ""
            }
        );
    }
}
