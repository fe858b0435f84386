//! `chitra verify`: every check of the books, in words for the supervisor
//! or, with `--json`, as one object whose findings each carry a stable
//! `kind` for scripts and tests.

use crate::i18n::commands::verify as phrases;
use clap::Args;
use serde_json::json;

use super::context::Context;
use super::{Cli, Exit, fail};
use crate::i18n::{Lang, Localize};
use crate::service::verify::{PaperSeal, Verification};

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Mã niêm phong chép từ báo cáo ngày đã ký, dạng NGÀY=MÃ
    /// (vd. 2026-12-05=ABCD-EFGH-JKMN-PQRS); dùng nhiều lần được
    #[arg(long = "seal", value_name = "NGÀY=MÃ")]
    pub seals: Vec<String>,
    /// In kết quả dạng JSON (mỗi vấn đề có trường "kind" cố định)
    #[arg(long)]
    pub json: bool,
}

/// Prints why the check could not be made. A file too damaged to be
/// checked is the worst finding: exit 1, as for any finding, not 2 as for
/// a refused command.
fn failed(lang: crate::i18n::Lang, e: crate::service::Error) -> Exit {
    use crate::store::StoreError;
    let damaged = matches!(
        e,
        crate::service::Error::Store(StoreError::Corrupt | StoreError::Damaged { .. })
    );
    let exit = fail(lang, e);
    if damaged { Exit::NotFound } else { exit }
}

pub fn run(cli: &Cli, args: &VerifyArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let mut paper = Vec::new();
    for s in &args.seals {
        match PaperSeal::parse(s) {
            Some(p) => paper.push(p),
            None => {
                return Err(fail(
                    lang,
                    format!(
                        "{} {}",
                        crate::text::for_display(s),
                        phrases::not_seal_write_day(lang)
                    ),
                ));
            }
        }
    }
    let service =
        crate::service::Service::open(ctx.config.clone(), &ctx.db).map_err(|e| failed(lang, e))?;
    let v = service.verify(&paper).map_err(|e| failed(lang, e))?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&as_json(lang, &v)).unwrap_or_default()
        );
        return if v.ok() { Ok(()) } else { Err(Exit::NotFound) };
    }
    let rebuilt = || {
        for (seq, at, found) in &v.anchor_rebuilt {
            println!(
                "{}",
                crate::i18n::strings::anchor_rebuilt(lang, *seq, at, found)
            );
        }
        for n in &v.notes {
            println!(
                "{}",
                crate::i18n::strings::verify_note(lang, &n.localize(lang))
            );
        }
    };
    if v.ok() {
        println!("{}", crate::i18n::strings::verify_ok(lang, &v));
        if let Some(c) = crate::i18n::strings::verify_coverage(lang, &v, false) {
            println!("{c}");
        }
        rebuilt();
        return Ok(());
    }
    for f in &v.findings {
        println!("{}", f.localize(lang));
    }
    rebuilt();
    eprintln!("chitra: {} {}", v.findings.len(), phrases::problems(lang));
    Err(Exit::NotFound)
}

fn as_json(lang: Lang, v: &Verification) -> serde_json::Value {
    json!({
        "ok": v.ok(),
        "audit_rows": v.audit_rows,
        "rows_checked": v.rows_checked,
        "payments": v.payments,
        "closed_days": v.closed_days,
        "batches": v.batches,
        "last_seal": v.last_seal.as_ref().map(|(day, code)| json!({ "day": day, "code": code })),
        "coverage": v.coverage.as_ref().map(|c| json!({
            "sealed": c.sealed.as_ref().map(|(day, seq, paper)| json!({ "day": day, "seq": seq, "from_paper": paper })),
            "after": c.after.map(|(from, to)| json!({ "from_seq": from, "to_seq": to })),
        })),
        "anchor_rebuilt": v.anchor_rebuilt.iter().map(|(seq, at, found)| json!({
            "seq": seq, "at": at, "found": found,
        })).collect::<Vec<_>>(),
        "notes": v.notes.iter().map(|f| {
            let mut j = f.to_json();
            if let Some(m) = j.as_object_mut() {
                m.insert("message".into(), f.localize(lang).into());
            }
            j
        }).collect::<Vec<_>>(),
        "findings": v.findings.iter().map(|f| {
            let mut j = f.to_json();
            if let Some(m) = j.as_object_mut() {
                m.insert("message".into(), f.localize(lang).into());
            }
            j
        }).collect::<Vec<_>>(),
    })
}
