//! `chitra init` and `chitra user …`.

use clap::{Subcommand, ValueEnum};

use super::context::{Context, read_new_pin};
use super::{Cli, Exit, fail};
use crate::domain::user::Role;
use crate::i18n::commands::users as phrases;
use crate::service::Service;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Thêm người dùng (trưởng bưu cục)
    Add {
        /// Tên đăng nhập (không dấu, không khoảng trắng)
        #[arg(value_name = "TÊN")]
        name: String,
        /// Vai trò: clerk = giao dịch viên, supervisor = trưởng bưu cục
        #[arg(long, value_enum, value_name = "VAI_TRÒ")]
        role: RoleArg,
        /// Họ và tên đầy đủ
        #[arg(long, value_name = "HỌ_TÊN", default_value = "")]
        full_name: String,
    },
    /// Danh sách người dùng
    List,
    /// Khóa tài khoản
    Lock {
        /// Tên đăng nhập của tài khoản cần khóa
        #[arg(value_name = "TÊN")]
        name: String,
    },
    /// Mở khóa tài khoản
    Unlock {
        /// Tên đăng nhập của tài khoản cần mở khóa
        #[arg(value_name = "TÊN")]
        name: String,
        /// Người quản trị máy chủ mở khóa, không cần trưởng bưu cục đăng nhập (khi trưởng bưu cục duy nhất bị khóa): chỉ chạy được bằng tài khoản hệ thống sở hữu cơ sở dữ liệu, không qua SSH của giao dịch viên
        #[arg(long)]
        admin: bool,
    },
    /// Đổi mã PIN (của mình, hoặc của người khác nếu là trưởng bưu cục)
    Pin {
        /// Tên đăng nhập (bỏ trống: của chính mình)
        #[arg(value_name = "TÊN")]
        name: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    /// Giao dịch viên
    Clerk,
    /// Trưởng bưu cục
    Supervisor,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Clerk => Role::Clerk,
            RoleArg::Supervisor => Role::Supervisor,
        }
    }
}

pub fn init(cli: &Cli, name: &str, full_name: &str) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    let pin = read_new_pin(lang)?;
    Service::init(ctx.config.clone(), &ctx.db, name, full_name, &pin).map_err(|e| fail(lang, e))?;
    println!(
        "{}",
        phrases::created_database(lang, &ctx.db.display().to_string(), name)
    );
    Ok(())
}

pub fn run(cli: &Cli, cmd: &UserCommand) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let lang = ctx.lang();
    if let UserCommand::List = cmd {
        let (service, session) = ctx.sign_in(cli)?;
        for u in service.list_users(&session).map_err(|e| fail(lang, e))? {
            let state = if u.locked {
                phrases::locked_mark(lang)
            } else {
                ""
            };
            println!(
                "{:<16} {:<15} {:<30} {state}",
                u.name,
                crate::i18n::cli::role(ctx.lang(), u.role),
                crate::text::sanitize::for_display(&u.full_name)
            );
        }
        return Ok(());
    }
    if let UserCommand::Unlock { name, admin: true } = cmd {
        let mut service = ctx.open()?;
        service.unlock_as_owner(name).map_err(|e| fail(lang, e))?;
        println!("{}", phrases::user_locked(lang, name, false));
        return Ok(());
    }
    let (mut service, session) = ctx.sign_in(cli)?;
    match cmd {
        UserCommand::Add {
            name,
            role,
            full_name,
        } => {
            let pin = read_new_pin(lang)?;
            let u = service
                .add_user(&session, name, full_name, (*role).into(), &pin)
                .map_err(|e| fail(lang, e))?;
            println!(
                "{}",
                phrases::added_user(lang, &u.name, crate::i18n::cli::role(lang, u.role))
            );
        }
        UserCommand::Lock { name } | UserCommand::Unlock { name, .. } => {
            let locked = matches!(cmd, UserCommand::Lock { .. });
            service
                .set_user_locked(&session, name, locked)
                .map_err(|e| fail(lang, e))?;
            println!("{}", phrases::user_locked(lang, name, locked));
        }
        UserCommand::Pin { name } => {
            let name = name.clone().unwrap_or_else(|| session.user.name.clone());
            let pin = read_new_pin(lang)?;
            service
                .change_pin(&session, &name, &pin)
                .map_err(|e| fail(lang, e))?;
            println!("{}", phrases::pin_changed(lang, &name));
        }
        UserCommand::List => unreachable!("handled above"),
    }
    Ok(())
}
