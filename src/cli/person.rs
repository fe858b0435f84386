//! `chitra status QUERY STATUS --reason …`: a supervisor stops (or resumes)
//! payment to a person at once — a death or a move reported at the counter,
//! before the decrease list arrives. Audited with the reason.

use crate::i18n::commands::person as phrases;
use clap::{Args, ValueEnum};

use super::context::Context;
use super::{Cli, Exit, fail};
use crate::domain::person::Status;
use crate::i18n::labels;
use crate::text::for_display;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Số CCCD/CMND hoặc mã hồ sơ
    pub query: String,
    /// Trạng thái mới
    #[arg(value_enum)]
    pub status: StatusArg,
    /// Lý do (ví dụ: "Gia đình báo tử ngày 20/11/2026")
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusArg {
    /// Đang hưởng
    Active,
    /// Tạm dừng
    Suspended,
    /// Đã mất
    Deceased,
    /// Chuyển đi
    Moved,
    /// Còn sống: gia đình báo mất trên một chuyến chi tại nhà là nhầm (đã gặp người hưởng); trạng thái giữ nguyên
    Alive,
}

impl StatusArg {
    /// The status to record; `None` for "seen alive", which changes none.
    fn status(self) -> Option<Status> {
        match self {
            StatusArg::Active => Some(Status::Active),
            StatusArg::Suspended => Some(Status::Suspended),
            StatusArg::Deceased => Some(Status::Deceased),
            StatusArg::Moved => Some(Status::Moved),
            StatusArg::Alive => None,
        }
    }
}

pub fn status(cli: &Cli, args: &StatusArgs) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let (mut service, session) = ctx.sign_in(cli)?;
    let found = service.search(&args.query, 2).map_err(|e| fail(lang, e))?;
    let [hit] = found.hits.as_slice() else {
        return Err(fail(lang, phrases::exactly_one_person_needed(lang)));
    };
    let Some(status) = args.status.status() else {
        service
            .confirm_alive(&session, hit.person.id, &args.reason)
            .map_err(|e| fail(lang, e))?;
        println!(
            "{}",
            crate::i18n::rounds::seen_alive_done(
                lang,
                &for_display(&hit.person.full_name),
                &for_display(&hit.person.record_code)
            )
        );
        return Ok(());
    };
    service
        .set_person_status(&session, hit.person.id, status, &args.reason)
        .map_err(|e| fail(lang, e))?;
    println!(
        "{} — {}: {}",
        for_display(&hit.person.full_name),
        for_display(&hit.person.record_code),
        labels::status(ctx.lang(), status)
    );
    if status != Status::Active
        && let Ok(Some(crate::service::bank::BankNote::Waiting { batch })) =
            service.bank_note(hit.person.id)
    {
        println!("{}", crate::i18n::bank::waiting_after_stop(lang, batch));
    }
    Ok(())
}
