//! `chitra list classify|accounts|changes` and `chitra report cashless`:
//! the plan's lists and its measure, as 80-column text, JSON or xlsx —
//! each drawn from its one document (`document::lists`).

use crate::i18n::commands::lists as phrases;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::context::Context;
use super::{Cli, Exit, fail};
use crate::document::Document;
use crate::domain::Period;
use crate::files::out::OutFile;
use crate::i18n::Lang;
use crate::service::lists::{CashlessReport, Classified, Entry, Share};
use crate::service::{Service, Session};

#[derive(Debug, Subcommand)]
pub enum ListCommand {
    /// Danh sách ký nhận của kỳ: theo thôn và toàn xã, có cột ký nhận
    Signing(super::list::SigningArgs),
    /// Phân loại: nhận tiền mặt, đủ/thiếu giấy tờ mở tài khoản, người được ủy quyền, chưa có CCCD
    Classify(ClassifyArgs),
    /// Danh sách đề nghị mở tài khoản và tình trạng từng tài khoản
    Accounts(ListArgs),
    /// Thay đổi đăng ký gửi cơ quan chi trả (khác danh sách chi trả)
    Changes(ListArgs),
}

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// Định dạng: text (in 80 cột), json hoặc xlsx (cần --out)
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    /// Ghi ra tệp (bắt buộc với xlsx)
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
    /// Chỉ một danh sách: cash, can_open_account, missing_papers, proxies_can_open_account, proxies_missing_papers, need_cccd (gửi Công an xã)
    #[arg(long, value_name = "DANH_SÁCH")]
    pub only: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Định dạng: text (in 80 cột), json hoặc xlsx (cần --out)
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    /// Ghi ra tệp (bắt buộc với xlsx)
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CashlessArgs {
    /// Kỳ (tháng), dạng YYYY-MM (mặc định: kỳ mới nhất đã chi)
    #[arg(long, value_name = "YYYY-MM")]
    pub period: Option<String>,
    /// Định dạng: text (in 80 cột), json hoặc xlsx (cần --out)
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    /// Ghi ra tệp (bắt buộc với xlsx)
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
    Xlsx,
}

const LISTS: [&str; 6] = [
    "cash",
    "can_open_account",
    "missing_papers",
    "proxies_can_open_account",
    "proxies_missing_papers",
    "need_cccd",
];

fn today(service: &Service) -> String {
    service.today().format("%Y-%m-%d").to_string()
}

/// Writes `bytes` to the `--out` file (0600, the export logged) or
/// standard output.
fn emit(
    lang: Lang,
    service: &mut Service,
    session: &Session,
    what: &str,
    out: Option<OutFile>,
    bytes: &[u8],
) -> Result<(), Exit> {
    match out {
        Some(file) => {
            let path = file.path().to_path_buf();
            file.commit(bytes).map_err(|e| fail(lang, e))?;
            service
                .note_export(session, what, &path, what)
                .map_err(|e| fail(lang, e))
        }
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(bytes)
                .map_err(|e| fail(lang, e))
        }
    }
}

/// Writes a document as xlsx (the bytes `make` gives) to the `--out` file
/// (required), 0600, logged.
fn emit_xlsx(
    lang: Lang,
    service: &mut Service,
    session: &Session,
    what: &str,
    out: Option<OutFile>,
    make: impl FnOnce() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError>,
) -> Result<(), Exit> {
    let file = out.ok_or_else(|| fail(lang, phrases::xlsx_file_needs_out(lang)))?;
    let bytes = make().map_err(|e| fail(lang, e))?;
    emit(lang, service, session, what, Some(file), &bytes)
}

fn text_of(doc: &Document) -> Vec<u8> {
    crate::print::document::render_text(doc).into_bytes()
}

pub fn run(cli: &Cli, cmd: &ListCommand) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    match cmd {
        ListCommand::Signing(args) => super::list::signing(cli, args),
        ListCommand::Classify(args) => {
            if let Some(o) = &args.only
                && !LISTS.contains(&o.as_str())
            {
                return Err(fail(
                    lang,
                    format!("{} {}", phrases::list_must_one(lang), LISTS.join(", ")),
                ));
            }
            let (mut service, session, out) = ctx.sign_in_with_out(cli, args.out.as_deref())?;
            let c = service.classify(&session).map_err(|e| fail(lang, e))?;
            let doc = crate::document::lists::classify(
                ctx.lang(),
                &service.config().office.clone(),
                &today(&service),
                &c,
                args.only.as_deref(),
            );
            match args.format {
                ListFormat::Json => {
                    let text =
                        serde_json::to_string_pretty(&classify_json(&c, args.only.as_deref()))
                            .unwrap_or_default()
                            + "\n";
                    emit(
                        lang,
                        &mut service,
                        &session,
                        "list.classify",
                        out,
                        text.as_bytes(),
                    )
                }
                ListFormat::Text => emit(
                    lang,
                    &mut service,
                    &session,
                    "list.classify",
                    out,
                    &text_of(&doc),
                ),
                ListFormat::Xlsx => {
                    emit_xlsx(lang, &mut service, &session, "list.classify", out, || {
                        crate::export::xlsx_bytes(&doc)
                    })
                }
            }
        }
        ListCommand::Accounts(args) | ListCommand::Changes(args) => {
            let accounts = matches!(cmd, ListCommand::Accounts(_));
            let (mut service, session, out) = ctx.sign_in_with_out(cli, args.out.as_deref())?;
            let office = service.config().office.clone();
            let day = today(&service);
            let (what, doc, json) = if accounts {
                let a = service.account_list(&session).map_err(|e| fail(lang, e))?;
                (
                    "list.accounts",
                    crate::document::lists::accounts(ctx.lang(), &office, &day, &a),
                    serde_json::to_value(&a).unwrap_or_default(),
                )
            } else {
                let c = service
                    .registration_changes(&session)
                    .map_err(|e| fail(lang, e))?;
                (
                    "list.changes",
                    crate::document::lists::changes(
                        ctx.lang(),
                        &office,
                        &day,
                        &c,
                        service.last_day_seal().map_err(|e| fail(lang, e))?.as_ref(),
                    ),
                    serde_json::to_value(&c).unwrap_or_default(),
                )
            };
            match args.format {
                ListFormat::Json => {
                    let text = serde_json::to_string_pretty(&json).unwrap_or_default() + "\n";
                    emit(lang, &mut service, &session, what, out, text.as_bytes())
                }
                ListFormat::Text => emit(lang, &mut service, &session, what, out, &text_of(&doc)),
                ListFormat::Xlsx => emit_xlsx(lang, &mut service, &session, what, out, || {
                    crate::export::xlsx_bytes(&doc)
                }),
            }
        }
    }
}

pub fn cashless(cli: &Cli, args: &CashlessArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let period = match &args.period {
        None => None,
        Some(p) => Some(
            p.trim()
                .parse::<Period>()
                .map_err(|_| fail(lang, phrases::write_period_as_yyyy(lang)))?,
        ),
    };
    let (mut service, session, out) = ctx.sign_in_with_out(cli, args.out.as_deref())?;
    let r = service
        .cashless_report(&session, period)
        .map_err(|e| fail(lang, e))?;
    let doc = crate::document::lists::cashless(
        ctx.lang(),
        &service.config().office.clone(),
        &today(&service),
        &r,
    );
    match args.format {
        ListFormat::Json => {
            let text = serde_json::to_string_pretty(&cashless_json(&r)).unwrap_or_default() + "\n";
            emit(
                lang,
                &mut service,
                &session,
                "report.cashless",
                out,
                text.as_bytes(),
            )
        }
        ListFormat::Text => emit(
            lang,
            &mut service,
            &session,
            "report.cashless",
            out,
            &text_of(&doc),
        ),
        ListFormat::Xlsx => emit_xlsx(lang, &mut service, &session, "report.cashless", out, || {
            crate::export::lists::cashless_xlsx_bytes(&doc, &r)
        }),
    }
}

fn entry_json(e: &Entry) -> serde_json::Value {
    json!({
        "code": e.code,
        "full_name": e.name,
        "hamlet": e.hamlet,
        "id_number": e.id_number,
        "id_kind": e.id_kind,
        "phone": e.phone,
        "proxy_id": e.proxy_id,
        "proxy_for": e.proxy_for,
        "missing": e.missing.iter().map(|m| m.code()).collect::<Vec<_>>(),
    })
}

/// The lists as the JSON scripts read: each by its machine name, with the
/// people's `code` and `id_number`, and the counts by hamlet.
pub fn classify_json(c: &Classified, only: Option<&str>) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    let mut counts = serde_json::Map::new();
    for (k, l) in c.lists() {
        if only.is_some_and(|o| o != k) {
            continue;
        }
        out.insert(
            k.to_string(),
            json!(l.iter().map(entry_json).collect::<Vec<_>>()),
        );
        let mut by = serde_json::Map::new();
        for e in l {
            let h = e.hamlet.clone().unwrap_or_default();
            let n = by.get(&h).and_then(|v| v.as_i64()).unwrap_or(0);
            by.insert(h, json!(n + 1));
        }
        counts.insert(k.to_string(), json!({ "total": l.len(), "by_hamlet": by }));
    }
    out.insert("counts".to_string(), serde_json::Value::Object(counts));
    serde_json::Value::Object(out)
}

fn share_json(s: &Share) -> serde_json::Value {
    json!({
        "people": s.people,
        "cashless_people": s.cashless_people,
        "amount_dong": s.amount.dong(),
        "cashless_dong": s.cashless.dong(),
        "registered_cashless": s.registered_cashless,
        "share_permille": s.permille(),
    })
}

/// The cashless share as the JSON scripts read.
pub fn cashless_json(r: &CashlessReport) -> serde_json::Value {
    let hamlets: Vec<serde_json::Value> = r
        .hamlets
        .iter()
        .map(|s| {
            let mut v = share_json(s);
            v["hamlet"] = json!(s.hamlet);
            v
        })
        .collect();
    let months: Vec<serde_json::Value> = r
        .months
        .iter()
        .map(|(p, s)| {
            let mut v = share_json(s);
            v["period"] = json!(p.to_string());
            v
        })
        .collect();
    json!({
        "period": r.period.map(|p| p.to_string()),
        "target_percent": r.target_percent,
        "hamlets": hamlets,
        "total": share_json(&r.total),
        "months": months,
    })
}
