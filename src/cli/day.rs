//! The day's cash and its close from the command line: `chitra drawer …`,
//! `chitra void`, `chitra close`, `chitra report day`, `chitra backup`.

use crate::i18n::commands::day as phrases;
use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::context::{Context, read_pin};
use super::{Cli, Exit, fail};
use crate::domain::Money;
use crate::domain::report::{DayReport, MoveKind};
use crate::files::out::OutFile;
use crate::i18n::{Lang, Localize};

#[derive(Debug, Subcommand)]
pub enum DrawerCommand {
    /// Cấp tiền đầu ngày cho giao dịch viên (trưởng bưu cục; GDV xác nhận bằng PIN: CHITRA_CLERK_PIN)
    Float(MoveArgs),
    /// Cấp thêm tiền trong ngày
    Issue(MoveArgs),
    /// Thu tiền về
    Return(MoveArgs),
    /// Kiểm đếm quỹ cuối ca theo mệnh giá, ví dụ: 500000=4 200000=3 (số dự kiến chỉ hiện sau khi đếm)
    Count {
        /// MỆNH_GIÁ=SỐ_TỜ
        #[arg(required = true)]
        notes: Vec<String>,
        #[command(flatten)]
        earlier: EarlierDay,
    },
    /// Ghi lý do chênh lệch sau khi đếm
    Reason {
        /// Lý do chênh lệch
        reason: String,
        #[command(flatten)]
        earlier: EarlierDay,
    },
    /// Ghi rằng quỹ của một ngày trước không kiểm đếm được, với lý do (trưởng bưu cục)
    NotCounted {
        /// Lý do không kiểm đếm được
        reason: String,
        #[command(flatten)]
        earlier: EarlierDay,
    },
}

/// A supervisor finishing an earlier day that a clerk left uncounted.
#[derive(Debug, Args)]
pub struct EarlierDay {
    /// Ngày trước đó cần hoàn tất (trưởng bưu cục), YYYY-MM-DD
    #[arg(long, value_name = "YYYY-MM-DD", requires = "clerk")]
    pub date: Option<String>,
    /// Giao dịch viên có quỹ ngày đó
    #[arg(long, value_name = "TÊN", requires = "date")]
    pub clerk: Option<String>,
}

#[derive(Debug, Args)]
pub struct MoveArgs {
    /// Tên đăng nhập của giao dịch viên nhận/giao tiền
    pub clerk: String,
    /// Số tiền (đồng), ví dụ 20.000.000
    pub amount: String,
    /// Ghi chú kèm theo (ví dụ: số phiếu chi)
    #[arg(long, value_name = "GHI_CHÚ", default_value = "")]
    pub note: String,
}

#[derive(Debug, Args)]
pub struct VoidArgs {
    /// Số biên nhận, ví dụ HD-2026-000123
    pub receipt: String,
    /// Lý do hủy
    #[arg(long)]
    pub reason: String,
    /// Trưởng bưu cục duyệt (PIN: CHITRA_APPROVER_PIN hoặc nhập)
    #[arg(long, value_name = "TÊN")]
    pub approver: String,
}

#[derive(Debug, Args)]
pub struct CloseArgs {
    /// Ngày khóa sổ (mặc định hôm nay)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Khóa sổ cả khi ngày không có giao dịch nào (cố ý)
    #[arg(long)]
    pub empty: bool,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Báo cáo ngày (giữa ngày hoặc sau khi khóa sổ)
    Day(DayReportArgs),
    /// Kết quả chi trả của một kỳ (tháng): từng người đã chi, chưa chi, dừng chi
    Period(super::period::PeriodReportArgs),
    /// Tỷ lệ chi trả không dùng tiền mặt theo thôn và tháng, so với mục tiêu
    Cashless(super::lists::CashlessArgs),
    /// Nhật ký kiểm toán đọc lại: ai làm gì, lúc nào (trưởng bưu cục)
    Log(super::audit_log::LogArgs),
}

#[derive(Debug, Args)]
pub struct DayReportArgs {
    /// Ngày cần xem báo cáo (mặc định: hôm nay)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Định dạng: text (đọc trên màn hình), csv, xlsx (Excel), json
    #[arg(long, value_enum, value_name = "ĐỊNH_DẠNG", default_value = "text")]
    pub format: Format,
    /// Ghi ra tệp (bắt buộc với xlsx)
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Xlsx,
    Json,
}

/// The day named by `--date`, else today in the office's time zone.
pub(super) fn day_arg(date: &Option<String>, ctx: &Context) -> Result<String, Exit> {
    let lang = ctx.lang();
    use crate::service::{Clock, SystemClock};
    match date {
        None => Ok(SystemClock::for_office(&ctx.config)
            .today()
            .format("%Y-%m-%d")
            .to_string()),
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(|d| d.format("%Y-%m-%d").to_string())
            .map_err(|_| fail(lang, phrases::write_date_as_yyyy(lang))),
    }
}

fn amount_arg(lang: Lang, s: &str) -> Result<Money, Exit> {
    match crate::domain::parse_amount(s) {
        Ok(Some(m)) => Ok(m),
        Ok(None) => Err(fail(lang, phrases::amount_missing(lang))),
        Err(e) => Err(fail(lang, e)),
    }
}

pub fn drawer(cli: &Cli, cmd: &DrawerCommand) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session) = ctx.sign_in(cli)?;
    match cmd {
        DrawerCommand::Float(a) | DrawerCommand::Issue(a) | DrawerCommand::Return(a) => {
            let kind = match cmd {
                DrawerCommand::Float(_) => MoveKind::Float,
                DrawerCommand::Issue(_) => MoveKind::Issue,
                _ => MoveKind::Return,
            };
            let amount = amount_arg(lang, &a.amount)?;
            let pin = if a.clerk == session.user.name {
                String::new()
            } else {
                read_pin(
                    lang,
                    "CHITRA_CLERK_PIN",
                    &format!("{} {}: ", phrases::confirmation_pin(lang), a.clerk),
                )?
            };
            service
                .drawer_move(&session, &a.clerk, &pin, kind, amount, &a.note)
                .map_err(|e| fail(lang, e))?;
            println!("{} {amount} — {}", phrases::recorded(lang), a.clerk);
            if kind == MoveKind::Float
                && let Ok(days) = service.open_days()
                && let Some(n) = crate::i18n::strings::open_days_notice(lang, &days)
            {
                eprintln!("chitra: {n}");
            }
        }
        DrawerCommand::Count { notes, earlier } => {
            let mut counted = BTreeMap::new();
            for n in notes {
                let (d, q) = n
                    .split_once('=')
                    .ok_or_else(|| fail(lang, phrases::write_denomination_count_e(lang)))?;
                let d = amount_arg(lang, d)?.dong();
                let q: i64 = q
                    .trim()
                    .parse()
                    .map_err(|_| fail(lang, phrases::count_must_whole_number(lang)))?;
                *counted.entry(d).or_insert(0) += q;
            }
            let c = match (&earlier.date, &earlier.clerk) {
                (Some(d), Some(clerk)) => {
                    let day = day_arg(&Some(d.clone()), &ctx)?;
                    service
                        .count_earlier_day(&session, clerk, &day, &counted, None)
                        .map_err(|e| fail(lang, e))?
                }
                _ => service
                    .count_drawer(&session, &counted)
                    .map_err(|e| fail(lang, e))?,
            };
            println!("{} {}", phrases::count_recorded(lang), c.counted);
            println!("{} {}", phrases::expected(lang), c.expected);
            if c.difference.is_zero() {
                println!("{}", phrases::agrees(lang));
            } else {
                println!(
                    "{} {} — {}",
                    phrases::difference(lang),
                    c.difference,
                    phrases::give_reason_chitra_drawer(lang)
                );
            }
        }
        DrawerCommand::Reason { reason, earlier } => {
            match (&earlier.date, &earlier.clerk) {
                (Some(d), Some(clerk)) => {
                    let day = day_arg(&Some(d.clone()), &ctx)?;
                    service
                        .explain_earlier_difference(&session, clerk, &day, reason)
                        .map_err(|e| fail(lang, e))?
                }
                _ => service
                    .explain_difference(&session, reason)
                    .map_err(|e| fail(lang, e))?,
            }
            println!("{}", phrases::reason_recorded(lang));
        }
        DrawerCommand::NotCounted { reason, earlier } => {
            let (Some(d), Some(clerk)) = (&earlier.date, &earlier.clerk) else {
                return Err(fail(lang, phrases::date_clerk_needed_only(lang)));
            };
            let day = day_arg(&Some(d.clone()), &ctx)?;
            service
                .count_earlier_day(&session, clerk, &day, &BTreeMap::new(), Some(reason))
                .map_err(|e| fail(lang, e))?;
            println!("{}", phrases::recorded_that_day_s(lang));
        }
    }
    Ok(())
}

pub fn void(cli: &Cli, args: &VoidArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session) = ctx.sign_in(cli)?;
    if args.approver.trim() == session.user.name {
        return Err(fail(lang, crate::service::AuthError::SelfApproval));
    }
    let pin = read_pin(
        lang,
        "CHITRA_APPROVER_PIN",
        &format!("{} {}: ", phrases::approval_pin(lang), args.approver),
    )?;
    let approval = service
        .approval(&session, &args.approver, &pin)
        .map_err(|e| fail(lang, e))?;
    let p = service
        .void_payment(&session, &args.receipt, &args.reason, &approval)
        .map_err(|e| fail(lang, e))?;
    println!("{} {} — {}", phrases::voided(lang), p.receipt_no, p.total);
    Ok(())
}

pub fn close(cli: &Cli, args: &CloseArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let day = day_arg(&args.date, &ctx)?;
    let (mut service, session) = ctx.sign_in(cli)?;
    let pin = read_pin(lang, "CHITRA_PIN", phrases::pin_close_day(lang))?;
    let closed = service
        .close_day(&session, &pin, &day, args.empty)
        .map_err(|e| fail(lang, e))?;
    println!(
        "{} {}",
        phrases::closed(lang),
        crate::i18n::labels::date(&day)
    );
    if let Some(c) = closed.report.closed.as_ref() {
        println!("{} {}", phrases::seal_write_signed_report(lang), c.code);
        if let Some(prev) = &c.prev_code {
            println!("{} {prev}", phrases::previous_day_s_seal(lang));
        }
    }
    println!("{} {}", phrases::backup(lang), closed.backup.display());
    Ok(())
}

pub fn report(cli: &Cli, cmd: &ReportCommand) -> Result<(), Exit> {
    let args = match cmd {
        ReportCommand::Day(args) => args,
        ReportCommand::Period(args) => return super::period::report(cli, args),
        ReportCommand::Cashless(args) => return super::lists::cashless(cli, args),
        ReportCommand::Log(args) => return super::audit_log::run(cli, args),
    };
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let day = day_arg(&args.date, &ctx)?;
    // The file's place is checked (and refused) before anything is
    // written, the sign-in's audit row included.
    let (mut service, session, out) = ctx.sign_in_with_out(cli, args.out.as_deref())?;
    let report = service
        .day_report_for(&session, &day)
        .map_err(|e| fail(lang, e))?;
    if let Some(out) = &args.out {
        service
            .note_export(&session, "report.day", out, &day)
            .map_err(|e| fail(lang, e))?;
    }
    // Text, CSV and xlsx are the one document of the report.
    emit_report(
        lang,
        args.format,
        out,
        || crate::document::day::build(ctx.lang(), &service.config().office, &report),
        || report_json(lang, &report),
    )
}

/// Writes a report to `out` (0600, in place of what was there) or to the
/// standard output: text, CSV and xlsx drawn from its one document, JSON
/// from `json`.
pub(super) fn emit_report(
    lang: Lang,
    format: Format,
    out: Option<OutFile>,
    document: impl FnOnce() -> crate::document::Document,
    json: impl FnOnce() -> serde_json::Value,
) -> Result<(), Exit> {
    let bytes = match format {
        Format::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&json()).unwrap_or_default()
        )
        .into_bytes(),
        Format::Text => crate::print::document::render_text(&document()).into_bytes(),
        Format::Csv => {
            let mut bytes = Vec::new();
            crate::export::write_csv(&document(), &mut bytes).map_err(|e| fail(lang, e))?;
            bytes
        }
        Format::Xlsx => {
            if out.is_none() {
                return Err(fail(lang, phrases::xlsx_report_needs_out(lang)));
            }
            crate::export::xlsx_bytes(&document()).map_err(|e| fail(lang, e))?
        }
    };
    match out {
        Some(file) => file.commit(&bytes).map_err(|e| fail(lang, e)),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(&bytes)
                .map_err(|e| fail(lang, e))
        }
    }
}

/// The day report as one JSON object for scripts.
pub fn report_json(lang: Lang, r: &DayReport) -> serde_json::Value {
    let tally = |t: &crate::domain::report::Tally| json!({ "count": t.count, "amount_dong": t.amount.dong() });
    json!({
        "date": r.day,
        "closed": r.closed.is_some(),
        "closed_at": r.closed.as_ref().map(|c| c.at.clone()),
        "payments": r.totals.payments.count,
        "gross_dong": r.totals.payments.amount.dong(),
        "total_dong": r.totals.net.dong(),
        "by_method": r.totals.by_method.iter().map(|(m, t)| (m.code().to_string(), tally(t))).collect::<serde_json::Map<_, _>>(),
        "by_category": r.totals.by_category.iter().map(|(c, t)| (c.clone(), tally(t))).collect::<serde_json::Map<_, _>>(),
        "by_clerk": r.clerks.iter().map(|c| (c.name.clone(), json!({
            "full_name": c.full_name,
            "payments": tally(&c.payments),
            "by_method": c.by_method.iter().map(|(m, t)| (m.code().to_string(), tally(t))).collect::<serde_json::Map<_, _>>(),
            "voids": tally(&c.voids),
            "float_dong": c.float.dong(), "issued_dong": c.issued.dong(), "returned_dong": c.returned.dong(),
            "cash_paid_dong": c.cash_paid.dong(), "cash_voided_dong": c.cash_voided.dong(),
            "cash_expected_dong": (!c.expected_hidden).then(|| c.expected.dong()),
            "cash_counted_dong": c.count.as_ref().map(|n| n.counted.dong()),
            "difference_dong": c.count.as_ref().map(|n| n.difference.dong()),
            "reason": c.count.as_ref().and_then(|n| n.reason.clone()),
        }))).collect::<serde_json::Map<_, _>>(),
        "voids": r.voids.iter().map(|v| json!({
            "receipt": v.receipt_no, "amount_dong": v.amount.dong(), "method": v.method.code(),
            "paid_on": v.paid_on, "reason": v.reason, "requested_by": v.requested_by, "approved_by": v.approved_by,
        })).collect::<Vec<_>>(),
        "voids_dong": r.totals.voids.amount.dong(),
        "cash_expected_dong": r.totals.cash_expected.dong(),
        "cash_counted_dong": r.totals.cash_counted.dong(),
        "difference_dong": r.difference().dong(),
        "receipt_gaps": r.receipt_gaps.iter().map(|g| json!({ "office": g.office, "year": g.year, "from": g.from, "to": g.to })).collect::<Vec<_>>(),
        "unpaid": r.unpaid.iter().map(|u| json!({ "period": u.period.to_string(), "people": u.people, "amount_dong": u.amount.dong() })).collect::<Vec<_>>(),
        "blockers": r.blockers.iter().map(|b| b.localize(lang)).collect::<Vec<_>>(),
        "audit_head": r.closed.as_ref().map(|c| &c.seal).or(r.audit_head.as_ref()).map(|s| json!({ "seq": s.seq, "hash": s.hash })),
    })
}

pub fn backup(cli: &Cli, dest: &std::path::Path) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session) = ctx.sign_in(cli)?;
    service.backup(&session, dest).map_err(|e| fail(lang, e))?;
    println!("{} {}", phrases::backed_up(lang), dest.display());
    Ok(())
}

pub fn rotate_key(cli: &Cli) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session) = ctx.sign_in(cli)?;
    let id = service.rotate_key(&session).map_err(|e| fail(lang, e))?;
    println!(
        "{} {id}. {}",
        phrases::new_audit_key(lang),
        phrases::copy_key_file_safe(lang)
    );
    Ok(())
}
