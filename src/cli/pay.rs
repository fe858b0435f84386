//! `chitra pay QUERY`: the command-line twin of the counter's pay flow,
//! through the same service call.
//!
//! The receiver is named by their ID number (`--receiver-id`): the person's
//! own, or that of a proxy or guardian on file. It is asked for when not
//! given; it is never assumed.

use crate::i18n::commands::pay as phrases;
use std::io::IsTerminal;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::context::{Context, read_pin};
use super::{Cli, Exit, fail};
use crate::domain::PayMethod;
use crate::i18n::Localize;
use crate::service::Error;
use crate::service::pay::{PayError, PayRequest, Receiver};
use crate::text::for_display;

#[derive(Debug, Args)]
pub struct PayArgs {
    /// Số CCCD/CMND, mã hồ sơ hoặc họ tên của người hưởng
    pub query: String,
    /// Hình thức chi
    #[arg(long, value_enum)]
    pub method: MethodArg,
    /// Số CCCD/CMND của người nhận (chính chủ, người được ủy quyền hoặc giám hộ)
    #[arg(long, value_name = "SỐ_GIẤY_TỜ")]
    pub receiver_id: Option<String>,
    /// Số tài khoản (chuyển khoản; mặc định tài khoản đã đăng ký)
    #[arg(long, value_name = "SỐ_TÀI_KHOẢN")]
    pub account: Option<String>,
    /// Mã giao dịch chuyển khoản
    #[arg(long, value_name = "MÃ_GIAO_DỊCH")]
    pub reference: Option<String>,
    /// Chi cho người thừa kế của đối tượng đã mất (xem chitra heir show); --receiver-id là số của người thừa kế
    #[arg(long)]
    pub heir: bool,
    /// Khóa chống chi trùng: chạy lại với cùng khóa chỉ ghi một lần
    #[arg(long, value_name = "KHÓA")]
    pub key: Option<String>,
    /// Trưởng bưu cục duyệt khi ngoài thời gian chi trả (PIN: CHITRA_APPROVER_PIN hoặc nhập)
    #[arg(long, value_name = "TÊN")]
    pub approver: Option<String>,
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

pub fn run(cli: &Cli, args: &PayArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session) = ctx.sign_in(cli)?;
    let found = service.search(&args.query, 2).map_err(|e| fail(lang, e))?;
    let hit = match found.hits.as_slice() {
        [one] => one.clone(),
        [] => {
            return Err(fail(
                lang,
                crate::i18n::strings::counter_nobody(lang, &for_display(&args.query)),
            ));
        }
        _ => {
            return Err(fail(lang, phrases::several_people_match_use(lang)));
        }
    };
    let view = service
        .person_view(hit.person.id)
        .map_err(|e| fail(lang, e))?;
    if view.heir.is_some() && !args.heir {
        return Err(fail(lang, phrases::person_deceased_only_heir(lang)));
    }
    let receiver_id = match &args.receiver_id {
        Some(id) => id.clone(),
        None if std::io::stdin().is_terminal() => {
            eprint!("{}", phrases::receiver_s_id_number(lang));
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| fail(lang, e))?;
            line.trim().to_string()
        }
        None => {
            return Err(fail(lang, phrases::receiver_id_needed(lang)));
        }
    };
    let digits: String = receiver_id.chars().filter(|c| c.is_ascii_digit()).collect();
    // The receiver is whoever on file holds the typed ID: the person, or a
    // proxy/guardian (the service checks the authorisation's dates).
    let receiver = match view.proxies.iter().find(|p| p.proxy.id_number == digits) {
        _ if args.heir => Receiver::Heir,
        Some(p) if view.id_number() != Some(digits.as_str()) => Receiver::OnFile(p.proxy.id),
        _ => Receiver::Person,
    };
    // The heir is paid what was owed to the deceased, not the open lines.
    let lines = if args.heir {
        let heir = service
            .heir_view(view.person.id)
            .map_err(|e| fail(lang, e))?;
        heir.owed.iter().map(|l| l.entitlement_id).collect()
    } else {
        view.unpaid.iter().map(|l| l.entitlement_id).collect()
    };
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
    let req = PayRequest {
        person_id: view.person.id,
        receiver,
        receiver_id_number: receiver_id,
        method: args.method.into(),
        account: args.account.clone(),
        reference: args.reference.clone(),
        idem_key: args.key.clone().unwrap_or_else(|| service.new_idem_key()),
        lines,
        approval,
    };
    match service.pay(&session, &req) {
        Ok(mut paid) => {
            // A script wants to know the receipt is out before going on.
            paid.wait_for_print();
            let p = &paid.payment;
            if args.json {
                let out = json!({
                    "receipt": p.receipt_no,
                    "amount_dong": p.total.dong(),
                    "periods": p.periods().iter().map(|x| x.to_string()).collect::<Vec<_>>(),
                    "receiver_id": p.receiver_id_number,
                    "receiver_kind": p.receiver_kind.code(),
                    "method": p.method.code(),
                    "replayed": paid.replayed,
                    "receipt_file": paid.receipt_file.as_ref().map(|f| f.display().to_string()),
                });
                println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
            } else {
                let what = if paid.replayed {
                    phrases::already_paid_same_key(lang)
                } else {
                    phrases::paid(lang)
                };
                println!(
                    "{what}: {} — {} — {}",
                    p.receipt_no,
                    p.total,
                    for_display(&p.receiver_name)
                );
                if let Some(f) = &paid.receipt_file {
                    println!("{} {}", phrases::receipt(lang), f.display());
                }
            }
            if let Some(problem) = &paid.receipt_problem {
                eprintln!("chitra: {}", crate::i18n::Localize::localize(problem, lang));
            }
            Ok(())
        }
        Err(Error::Pay(e @ (PayError::NothingToPay { .. } | PayError::AlreadyPaid(_)))) => {
            if args.json {
                println!("{}", json!({ "paid": false, "reason": e.localize(lang) }));
            }
            eprintln!("chitra: {}", e.localize(lang));
            Err(Exit::NothingToPay)
        }
        Err(e) => Err(fail(lang, e)),
    }
}
