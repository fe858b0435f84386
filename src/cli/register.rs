//! `chitra register ID_OR_CODE …`: registers at the office what the person
//! (or one of their proxies) wants and shows: payment method, account,
//! home-payment reason, mobile phone, ID papers; and the steps of an
//! account being opened. Exit 2 with the reason when a value is refused.

use crate::i18n::commands::register as phrases;
use clap::{Args, ValueEnum};
use serde_json::json;

use super::context::{Context, read_pin};
use super::{Cli, Exit, fail};
use crate::domain::payment::PayMethod;
use crate::domain::registration::{AccountStep, Registration};
use crate::i18n::{Lang, labels, register as words};
use crate::service::register::RegisterRequest;
use crate::text::for_display;

#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// Số CCCD/CMND hoặc mã hồ sơ
    #[arg(value_name = "CCCD_HOẶC_MÃ")]
    pub query: String,
    /// Hình thức nhận: cash (tại quầy), home (tại nhà), bank (tài khoản ngân hàng), wallet (tài khoản số)
    #[arg(long, value_enum)]
    pub method: Option<MethodArg>,
    /// Số tài khoản (bỏ trống khi muốn mở tài khoản mới)
    #[arg(long, value_name = "SỐ_TÀI_KHOẢN")]
    pub account: Option<String>,
    /// Ngân hàng hoặc nhà cung cấp tài khoản số
    #[arg(long, value_name = "NGÂN_HÀNG")]
    pub bank: Option<String>,
    /// Chủ tài khoản, khi không phải chính người hưởng (cần trưởng bưu cục xác nhận: --approver)
    #[arg(long, value_name = "HỌ_TÊN")]
    pub holder: Option<String>,
    /// Trưởng bưu cục xác nhận (PIN: CHITRA_APPROVER_PIN hoặc nhập)
    #[arg(long, value_name = "TÊN")]
    pub approver: Option<String>,
    /// Lý do chi tại nhà: ill (ốm đau), old (già yếu), no_proxy (không có người ủy quyền), no_phone (không dùng được điện thoại)
    #[arg(long, value_name = "LÝ_DO")]
    pub home_reason: Option<String>,
    /// Số điện thoại di động (10 chữ số)
    #[arg(long, value_name = "SỐ_ĐIỆN_THOẠI")]
    pub phone: Option<String>,
    /// Số CCCD (12 chữ số) hoặc CMND cũ (9 chữ số)
    #[arg(long, value_name = "SỐ_GIẤY_TỜ")]
    pub id_number: Option<String>,
    /// Ngày cấp
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub id_issued: Option<String>,
    /// Nơi cấp
    #[arg(long, value_name = "NƠI_CẤP")]
    pub id_place: Option<String>,
    /// Đăng ký cho người được ủy quyền/giám hộ số này (xem chitra show)
    #[arg(long, value_name = "SỐ")]
    pub proxy: Option<i64>,
    /// Ghi bước của tài khoản: asked (đề nghị mở), opened (đã mở), card (đã giao thẻ), shown (đã hướng dẫn)
    #[arg(long, value_enum)]
    pub account_step: Option<StepArg>,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MethodArg {
    Cash,
    Home,
    Bank,
    Wallet,
}

impl From<MethodArg> for PayMethod {
    fn from(m: MethodArg) -> PayMethod {
        match m {
            MethodArg::Cash => PayMethod::Cash,
            MethodArg::Home => PayMethod::Home,
            MethodArg::Bank => PayMethod::Bank,
            MethodArg::Wallet => PayMethod::Wallet,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StepArg {
    Asked,
    Opened,
    Card,
    Shown,
}

impl From<StepArg> for AccountStep {
    fn from(s: StepArg) -> AccountStep {
        match s {
            StepArg::Asked => AccountStep::Asked,
            StepArg::Opened => AccountStep::Opened,
            StepArg::Card => AccountStep::CardGiven,
            StepArg::Shown => AccountStep::Shown,
        }
    }
}

pub fn run(cli: &Cli, args: &RegisterArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let issued = match &args.id_issued {
        None => None,
        Some(d) => Some(
            chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .map_err(|_| fail(lang, phrases::write_issue_date_as(lang)))?,
        ),
    };
    let (mut service, session) = ctx.sign_in(cli)?;
    let found = service.search(&args.query, 2).map_err(|e| fail(lang, e))?;
    let [hit] = found.hits.as_slice() else {
        return Err(fail(lang, phrases::exactly_one_person_needed(lang)));
    };
    let person = hit.person.clone();
    let approval = match &args.approver {
        Some(name) => {
            let pin = read_pin(
                lang,
                "CHITRA_APPROVER_PIN",
                &format!("{} {name}: ", phrases::approval_pin(lang)),
            )?;
            Some(
                service
                    .approval(&session, name, &pin)
                    .map_err(|e| fail(lang, e))?,
            )
        }
        None => None,
    };
    let req = RegisterRequest {
        proxy_id: args.proxy,
        method: args.method.map(Into::into),
        account_no: args.account.clone(),
        account_bank: args.bank.clone(),
        account_holder: args.holder.clone(),
        home_reason: args.home_reason.clone(),
        phone: args.phone.clone(),
        id_number: args.id_number.clone(),
        id_issued: issued,
        id_place: args.id_place.clone(),
        approval,
    };
    let registering = req.method.is_some()
        || req.account_no.is_some()
        || req.account_bank.is_some()
        || req.account_holder.is_some()
        || req.home_reason.is_some()
        || req.phone.is_some()
        || req.id_number.is_some()
        || req.id_issued.is_some()
        || req.id_place.is_some();
    let mut changed = Vec::new();
    if registering || args.account_step.is_none() {
        let done = service
            .register(&session, person.id, &req)
            .map_err(|e| fail(lang, e))?;
        changed = done.changed;
    }
    if let Some(step) = args.account_step {
        service
            .record_account_step(&session, person.id, args.proxy, step.into())
            .map_err(|e| fail(lang, e))?;
    }
    let reg = service
        .registration(person.id, args.proxy)
        .map_err(|e| fail(lang, e))?;
    if args.json {
        let out = json!({
            "code": person.record_code,
            "full_name": person.full_name,
            "proxy_id": args.proxy,
            "changed": changed,
            "registration": reg.as_ref().map(registration_json),
            "account_step": args.account_step.map(|s| AccountStep::from(s).code()),
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        println!(
            "{} {} — {}",
            phrases::registered(lang),
            for_display(&person.full_name),
            for_display(&person.record_code)
        );
        if let Some(g) = &reg {
            print!("{}", registration_text(lang, g));
        }
        if let Some(step) = args.account_step {
            println!(
                "  {}: {}",
                phrases::account(lang),
                words::step(ctx.lang(), step.into())
            );
        }
    }
    Ok(())
}

/// A registration as the JSON scripts read.
pub fn registration_json(g: &Registration) -> serde_json::Value {
    json!({
        "id": g.id,
        "method": g.method.map(|m| m.code()),
        "account_no": g.account_no,
        "account_bank": g.account_bank,
        "account_holder": g.account_holder,
        "home_reason": g.home_reason.map(|r| r.code()),
        "phone": g.phone,
        "id_number": g.papers.id_number,
        "id_kind": g.papers.id_kind,
        "id_issued": g.papers.issued.map(|d| d.format("%Y-%m-%d").to_string()),
        "id_place": g.papers.place,
        "recorded_by": g.recorded_by,
        "recorded_at": g.recorded_at,
        "approved_by": g.approved_by,
    })
}

fn registration_text(lang: Lang, g: &Registration) -> String {
    let mut s = String::new();
    let dash = "—".to_string();
    let show = |v: &Option<String>| {
        v.as_deref()
            .map(|v| for_display(v).into_owned())
            .unwrap_or(dash.clone())
    };
    if let Some(m) = g.method {
        s += &format!("  {}: {}", phrases::method(lang), labels::method(lang, m));
        if let Some(r) = g.home_reason {
            s += &format!(" ({})", words::home_reason(lang, r));
        }
        s += "\n";
    }
    if g.account_no.is_some() || g.account_bank.is_some() {
        s += &format!(
            "  {}: {} {}\n",
            phrases::account(lang),
            show(&g.account_no),
            show(&g.account_bank)
        );
    }
    if g.account_holder.is_some() {
        s += &format!(
            "  {}: {}\n",
            phrases::account_holder(lang),
            show(&g.account_holder)
        );
    }
    s += &format!("  {}: {}\n", phrases::phone(lang), show(&g.phone));
    s += &format!(
        "  {}: {}  {}: {}  {}: {}\n",
        phrases::id_number(lang),
        show(&g.papers.id_number),
        phrases::issued(lang),
        g.papers
            .issued
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or(dash.clone()),
        phrases::at(lang),
        show(&g.papers.place)
    );
    s
}
