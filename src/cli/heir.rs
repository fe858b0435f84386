//! `chitra heir add|show ID_OR_CODE`: the heir of a deceased person — who
//! collects, with the papers the office checked (death certificate, the
//! family's paper naming them) — and what is still owed to the deceased.
//! Recording needs a supervisor (signed in, or `--approver`); paying is
//! `chitra pay ID_OR_CODE --heir --receiver-id …`.

use crate::i18n::commands::heir as phrases;
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde_json::json;

use super::context::{Context, read_pin};
use super::{Cli, Exit, fail};
use crate::domain::heir::Heir;
use crate::i18n::{Lang, heir as words, labels};
use crate::service::heirs::{HeirView, NewHeir};
use crate::text::for_display;

#[derive(Debug, Subcommand)]
pub enum HeirCommand {
    /// Ghi người thừa kế của đối tượng đã mất (trưởng bưu cục), hoặc thay người cũ (--replace-reason)
    Add(Box<AddArgs>),
    /// Xem người thừa kế và các khoản còn nợ người đã mất
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Số CCCD/CMND hoặc mã hồ sơ của người đã mất
    #[arg(value_name = "CCCD_HOẶC_MÃ")]
    pub query: String,
    /// Họ tên người thừa kế
    #[arg(long, value_name = "HỌ_TÊN")]
    pub name: String,
    /// Số CCCD (12 chữ số) hoặc CMND (9 chữ số) của người thừa kế
    #[arg(long, value_name = "SỐ_GIẤY_TỜ")]
    pub id_number: String,
    /// Quan hệ với người đã mất (con, vợ, chồng, …)
    #[arg(long, value_name = "QUAN_HỆ")]
    pub relation: String,
    /// Địa chỉ của người thừa kế
    #[arg(long, value_name = "ĐỊA_CHỈ")]
    pub address: String,
    /// Số điện thoại di động (10 chữ số)
    #[arg(long, value_name = "SỐ_ĐIỆN_THOẠI", default_value = "")]
    pub phone: String,
    /// Ngày mất (theo giấy chứng tử)
    #[arg(long, value_name = "DD/MM/YYYY")]
    pub died: String,
    /// Số giấy chứng tử (trích lục khai tử)
    #[arg(long, value_name = "SỐ_GIẤY")]
    pub cert_no: String,
    /// Ngày cấp giấy chứng tử
    #[arg(long, value_name = "DD/MM/YYYY")]
    pub cert_date: String,
    /// Nơi cấp giấy chứng tử (UBND xã …)
    #[arg(long, value_name = "NƠI_CẤP")]
    pub cert_by: String,
    /// Loại giấy của gia đình cử người nhận (văn bản thỏa thuận, giấy ủy quyền, …)
    #[arg(long, value_name = "LOẠI_GIẤY")]
    pub paper: String,
    /// Số giấy của gia đình (nếu có)
    #[arg(long, value_name = "SỐ_GIẤY", default_value = "")]
    pub paper_no: String,
    /// Ngày của giấy của gia đình
    #[arg(long, value_name = "DD/MM/YYYY")]
    pub paper_date: String,
    /// Lý do thay người thừa kế đang có trong hồ sơ (chỉ khi thay)
    #[arg(long, value_name = "LÝ_DO", default_value = "")]
    pub replace_reason: String,
    /// Trưởng bưu cục duyệt giấy tờ, khi người ghi là giao dịch viên (PIN: CHITRA_APPROVER_PIN hoặc nhập)
    #[arg(long, value_name = "TÊN")]
    pub approver: Option<String>,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Số CCCD/CMND hoặc mã hồ sơ của người đã mất
    #[arg(value_name = "CCCD_HOẶC_MÃ")]
    pub query: String,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

impl HeirCommand {
    pub fn json(&self) -> bool {
        match self {
            HeirCommand::Add(a) => a.json,
            HeirCommand::Show(a) => a.json,
        }
    }
}

/// A date typed as dd/mm/yyyy (as on the papers) or YYYY-MM-DD.
fn date(lang: Lang, what: &str, s: &str) -> Result<NaiveDate, Exit> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y-%m-%d"))
        .map_err(|_| {
            fail(
                lang,
                crate::i18n::commands::write_date_as_ddmmyyyy(lang, what),
            )
        })
}

pub fn run(cli: &Cli, cmd: &HeirCommand) -> Result<(), Exit> {
    match cmd {
        HeirCommand::Add(a) => add(cli, a),
        HeirCommand::Show(a) => show(cli, a),
    }
}

fn person_of(lang: Lang, service: &crate::service::Service, query: &str) -> Result<i64, Exit> {
    let found = service.search(query, 2).map_err(|e| fail(lang, e))?;
    match found.hits.as_slice() {
        [hit] => Ok(hit.person.id),
        _ => Err(fail(lang, phrases::exactly_one_person_needed(lang))),
    }
}

fn add(cli: &Cli, a: &AddArgs) -> Result<(), Exit> {
    let lang = Context::lang_of(cli);
    let new = NewHeir {
        full_name: a.name.clone(),
        id_number: a.id_number.clone(),
        relationship: a.relation.clone(),
        address: a.address.clone(),
        phone: a.phone.clone(),
        died_on: Some(date(lang, phrases::date_death(lang), &a.died)?),
        death_cert_no: a.cert_no.clone(),
        death_cert_on: Some(date(lang, phrases::certificate_date(lang), &a.cert_date)?),
        death_cert_by: a.cert_by.clone(),
        family_paper: a.paper.clone(),
        family_paper_no: a.paper_no.clone(),
        family_paper_on: Some(date(lang, phrases::family_paper_date(lang), &a.paper_date)?),
        reason: a.replace_reason.clone(),
    };
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session) = ctx.sign_in(cli)?;
    let person_id = person_of(lang, &service, &a.query)?;
    let approval = match &a.approver {
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
    let heir = service
        .add_heir(&session, person_id, &new, approval.as_ref())
        .map_err(|e| fail(lang, e))?;
    let view = service.heir_view(person_id).map_err(|e| fail(lang, e))?;
    if a.json {
        print_json(&view);
    } else {
        println!("{}", phrases::heir_recorded(lang));
        print_heir(lang, &heir);
        print_owed(lang, &view);
    }
    Ok(())
}

fn show(cli: &Cli, a: &ShowArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (service, _session) = ctx.sign_in(cli)?;
    let person_id = person_of(lang, &service, &a.query)?;
    let view = service.heir_view(person_id).map_err(|e| fail(lang, e))?;
    if a.json {
        print_json(&view);
        return Ok(());
    }
    let status = service
        .person_view(person_id)
        .map_err(|e| fail(lang, e))?
        .person
        .status;
    match &view.heir {
        Some(h) => print_heir(lang, h),
        None if status != crate::domain::person::Status::Deceased => {
            println!(
                "{}",
                words::not_deceased(lang, labels::status(lang, status))
            );
            return Ok(());
        }
        None => println!("{}", words::no_heir(lang)),
    }
    print_owed(lang, &view);
    for h in &view.replaced {
        println!(
            "  {} {} ({}) — {}",
            phrases::replaced(lang),
            for_display(&h.full_name),
            h.id_number,
            labels::date_time(&h.recorded_at)
        );
    }
    Ok(())
}

fn print_json(view: &HeirView) {
    let out = json!({
        "heir": view.heir,
        "replaced": view.replaced,
        "owed": view.owed.iter().map(|l| json!({
            "entitlement_id": l.entitlement_id, "period": l.period.to_string(),
            "kind": l.kind.code(), "amount_dong": l.amount.dong(),
        })).collect::<Vec<_>>(),
        "owed_dong": view.owed_total.dong(),
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
}

fn print_heir(lang: Lang, h: &Heir) {
    let d = |x: NaiveDate| x.format("%d/%m/%Y").to_string();
    println!(
        "{}: {} — {} {} — {}",
        words::heir_label(lang),
        for_display(&h.full_name),
        phrases::id(lang),
        h.id_number,
        for_display(&h.relationship)
    );
    println!(
        "  {} {}{}",
        phrases::address(lang),
        for_display(&h.address),
        h.phone
            .as_deref()
            .map(|p| format!(" — {} {p}", phrases::phone(lang)))
            .unwrap_or_default()
    );
    println!(
        "  {}: {} {} {}, {} {} — {} {}",
        words::death_label(lang),
        phrases::no(lang),
        for_display(&h.death_cert_no),
        for_display(&h.death_cert_by),
        phrases::dated(lang),
        d(h.death_cert_on),
        phrases::died(lang),
        d(h.died_on)
    );
    println!(
        "  {}: {}{} {} {}",
        phrases::family_paper(lang),
        for_display(&h.family_paper),
        h.family_paper_no
            .as_deref()
            .map(|n| format!(" {} {}", phrases::no(lang), for_display(n)))
            .unwrap_or_default(),
        phrases::dated(lang),
        d(h.family_paper_on)
    );
    println!(
        "  {} {} — {} {}",
        phrases::recorded(lang),
        for_display(&h.recorded_by),
        phrases::approved(lang),
        for_display(&h.approved_by)
    );
}

fn print_owed(lang: Lang, view: &HeirView) {
    println!("{}: {}", words::owed_label(lang), view.owed_total);
    for l in &view.owed {
        println!(
            "  {:<8} {:<28} {:>16}",
            l.period.short_label(),
            labels::kind(lang, l.kind),
            l.amount.to_string()
        );
    }
}
