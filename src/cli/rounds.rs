//! `chitra home round …`: a home round from the command line — made for a
//! hamlet, its cash issued to the postman, each stop's outcome recorded,
//! the unpaid cash returned, the round reconciled; listed and shown, as
//! text or `--json`.

use crate::i18n::commands::rounds as phrases;
use clap::{Args, Subcommand};

use super::context::{Context, read_pin};
use super::{Cli, Exit, fail};
use crate::domain::round::{RoundState, StopResult};
use crate::domain::{Money, Period};
use crate::i18n::Lang;
use crate::i18n::rounds as words;
use crate::service::Service;
use crate::service::rounds::RoundView;

#[derive(Debug, Subcommand)]
pub enum RoundCommand {
    /// Lập chuyến chi tại nhà cho một thôn (trưởng bưu cục): mọi người nhận tại nhà còn khoản chưa chi trong kỳ
    Create(CreateArgs),
    /// Danh sách các chuyến chi tại nhà, mới nhất trước
    List(JsonArgs),
    /// Xem một chuyến: từng người, số tiền, kết quả, tiền cấp/chi/nộp về
    Show(RoundArgs),
    /// Cấp tiền của chuyến vào quỹ của bưu tá (trưởng bưu cục; bưu tá xác nhận bằng PIN: CHITRA_POSTMAN_PIN); từ đó các khoản bị khóa tại quầy
    Issue(RoundArgs),
    /// Ghi kết quả chi tại nhà của một người (bưu tá của chuyến hoặc trưởng bưu cục)
    Outcome(OutcomeArgs),
    /// Bưu tá nộp tiền chưa chi về (trưởng bưu cục; bưu tá xác nhận bằng PIN: CHITRA_POSTMAN_PIN); các khoản chưa chi lại chi được tại quầy
    Return(ReturnArgs),
    /// Đối chiếu chuyến (trưởng bưu cục): đã cấp − đã chi − nộp về = chênh lệch; có chênh lệch phải ghi lý do
    Reconcile(ReconcileArgs),
}

impl RoundCommand {
    /// Whether the command asked for JSON.
    pub fn json(&self) -> bool {
        match self {
            RoundCommand::Create(a) => a.json,
            RoundCommand::List(a) => a.json,
            RoundCommand::Show(a) | RoundCommand::Issue(a) => a.json,
            RoundCommand::Outcome(a) => a.json,
            RoundCommand::Return(a) => a.json,
            RoundCommand::Reconcile(a) => a.json,
        }
    }
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Kỳ (tháng), dạng YYYY-MM
    #[arg(long, value_name = "YYYY-MM")]
    pub period: String,
    /// Thôn của chuyến (không dấu cũng được)
    #[arg(long, value_name = "THÔN")]
    pub hamlet: String,
    /// Tên đăng nhập của bưu tá mang tiền đi chi
    #[arg(long, value_name = "TÊN")]
    pub postman: String,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct JsonArgs {
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RoundArgs {
    /// Số chuyến
    #[arg(value_name = "SỐ_CHUYẾN")]
    pub round: i64,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["code", "id"])))]
pub struct OutcomeArgs {
    /// Số chuyến
    #[arg(value_name = "SỐ_CHUYẾN")]
    pub round: i64,
    /// Mã hồ sơ của người trong chuyến
    #[arg(long, value_name = "MÃ")]
    pub code: Option<String>,
    /// Số CCCD/CMND của người trong chuyến
    #[arg(long, value_name = "SỐ")]
    pub id: Option<String>,
    /// Kết quả: paid (đã chi), not-home (vắng nhà), refused (từ chối), deceased (gia đình báo đã mất)
    #[arg(long, value_name = "KẾT_QUẢ", value_parser = ["paid", "not-home", "refused", "deceased"])]
    pub result: String,
    /// Số CCCD/CMND của người nhận tiền (đối tượng hoặc người được ủy quyền có giấy còn hạn); cần khi đã chi
    #[arg(long, value_name = "SỐ")]
    pub receiver_id: Option<String>,
    /// Ghi chú (ví dụ: đi viện, con gái báo tin)
    #[arg(long, value_name = "GHI_CHÚ")]
    pub note: Option<String>,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ReturnArgs {
    /// Số chuyến
    #[arg(value_name = "SỐ_CHUYẾN")]
    pub round: i64,
    /// Số tiền mặt bưu tá nộp về (đồng), ví dụ 3.120.000
    #[arg(long, value_name = "SỐ_TIỀN")]
    pub cash: String,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// Số chuyến
    #[arg(value_name = "SỐ_CHUYẾN")]
    pub round: i64,
    /// Lý do chênh lệch (bắt buộc khi có chênh lệch)
    #[arg(long, value_name = "LÝ_DO")]
    pub reason: Option<String>,
    /// In kết quả dạng JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(cli: &Cli, cmd: &RoundCommand) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session) = ctx.sign_in(cli)?;
    let json = cmd.json();
    let (view, said) = match cmd {
        RoundCommand::List(_) => {
            let all = service.rounds().map_err(|e| fail(lang, e))?;
            if json {
                println!("{}", serde_json::json!({ "rounds": all }));
            } else if all.is_empty() {
                println!("{}", phrases::no_home_rounds_yet(lang));
            } else {
                for g in all {
                    println!(
                        "{}",
                        words::heading(
                            lang,
                            g.number,
                            &g.hamlet,
                            &crate::i18n::labels::period(g.period),
                            &g.postman,
                            g.state
                        )
                    );
                }
            }
            return Ok(());
        }
        RoundCommand::Show(a) => (service.round(a.round).map_err(|e| fail(lang, e))?, None),
        RoundCommand::Create(a) => {
            let period: Period = a
                .period
                .trim()
                .parse()
                .map_err(|_| fail(lang, phrases::write_period_as_yyyy(lang)))?;
            let v = service
                .create_round(&session, period, &a.hamlet, &a.postman)
                .map_err(|e| fail(lang, e))?;
            let said = words::created(
                lang,
                v.number,
                v.stops.len(),
                v.to_carry(),
                &v.held_back,
                words::Said::OnCommandLine,
            );
            (v, Some(said))
        }
        RoundCommand::Issue(a) => {
            let pin = postman_pin(lang, &service, &session, a.round)?;
            let v = service
                .issue_round(&session, a.round, &pin)
                .map_err(|e| fail(lang, e))?;
            let said = words::issued(lang, v.number, v.cash.issued, &v.postman);
            (v, Some(said))
        }
        RoundCommand::Outcome(a) => {
            let before = service.round(a.round).map_err(|e| fail(lang, e))?;
            let who = a.code.as_deref().or(a.id.as_deref()).unwrap_or_default();
            let stop = before.find(who).ok_or_else(|| {
                fail(
                    lang,
                    crate::service::rounds::RoundError::NotOnRound {
                        round: a.round,
                        who: who.to_string(),
                    },
                )
            })?;
            let result = StopResult::from_code(&a.result)
                .ok_or_else(|| fail(lang, phrases::unknown_result(lang)))?;
            let person = stop.person_id;
            let v = service
                .record_outcome(
                    &session,
                    a.round,
                    person,
                    result,
                    a.receiver_id.as_deref(),
                    a.note.as_deref(),
                )
                .map_err(|e| fail(lang, e))?;
            let said = v.stop_of(person).map(|s| {
                words::recorded(
                    lang,
                    &s.record_code,
                    &s.full_name,
                    result,
                    s.receipt_no.as_deref(),
                )
            });
            (v, said)
        }
        RoundCommand::Return(a) => {
            let cash = match crate::domain::parse_amount(&a.cash) {
                Ok(Some(m)) => m,
                Ok(None) => Money::ZERO,
                Err(e) => return Err(fail(lang, e)),
            };
            let pin = postman_pin(lang, &service, &session, a.round)?;
            (
                service
                    .return_round(&session, a.round, cash, &pin)
                    .map_err(|e| fail(lang, e))?,
                None,
            )
        }
        RoundCommand::Reconcile(a) => (
            service
                .reconcile_round(&session, a.round, a.reason.as_deref())
                .map_err(|e| fail(lang, e))?,
            None,
        ),
    };
    if json {
        println!(
            "{}",
            serde_json::to_string(&view).map_err(|e| fail(lang, e.to_string()))?
        );
        return Ok(());
    }
    if let Some(s) = said {
        println!("{s}");
    }
    print!("{}", render(lang, &view));
    Ok(())
}

/// The postman's PIN, unless the signed-in supervisor is the postman.
fn postman_pin(
    lang: Lang,
    service: &Service,
    session: &crate::service::Session,
    round: i64,
) -> Result<String, Exit> {
    let v = service.round(round).map_err(|e| fail(lang, e))?;
    if v.postman_id == session.user.id {
        return Ok(String::new());
    }
    read_pin(
        lang,
        "CHITRA_POSTMAN_PIN",
        &format!(
            "{} {}: ",
            phrases::confirmation_pin_postman(lang),
            v.postman
        ),
    )
}

/// A round as text: its heading, one line per stop, its cash.
pub fn render(lang: Lang, v: &RoundView) -> String {
    use crate::text::layout::{fit, pad, right};
    let mut out = String::new();
    out.push_str(&words::heading(
        lang,
        v.number,
        &v.hamlet,
        &crate::i18n::labels::period(v.period),
        &v.postman,
        v.state,
    ));
    out.push('\n');
    for s in &v.stops {
        let what = match (&s.result, &s.paid_elsewhere) {
            (Some(r), _) => match &s.receipt_no {
                Some(n) => format!("{} {n}", words::result(lang, *r)),
                None => words::result(lang, *r).to_string(),
            },
            (None, Some(receipt)) => words::paid_elsewhere(lang, receipt),
            (None, None) => words::no_result(lang).to_string(),
        };
        let amount = s.amount.to_string();
        out.push_str(&format!(
            "{:>3} {} {} {}  {}\n",
            s.stop,
            pad(&fit(&s.record_code, 10), 10),
            pad(&fit(&s.full_name, 24), 24),
            right(&amount, 13),
            fit(&what, 24)
        ));
    }
    out.push_str(&match v.state {
        RoundState::Open => words::to_carry_line(lang, v.to_carry()),
        RoundState::Issued => words::out_line(lang, v.cash.issued, v.cash.paid),
        _ => words::cash_line(lang, v.cash.issued, v.cash.paid, v.cash.returned),
    });
    out.push('\n');
    if let Some(d) = v.difference {
        out.push_str(&words::reconciled(lang, d, v.reason.as_deref()));
        out.push('\n');
    }
    for s in v.reported_deceased() {
        out.push_str(&words::deceased_hint(
            lang,
            &s.record_code,
            &s.full_name,
            words::Said::OnCommandLine,
        ));
        out.push('\n');
    }
    out
}
