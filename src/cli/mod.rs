//! The command line: `chitra <command>`. Each command is a thin shell over
//! the service; it reads arguments, asks for PINs, prints results (text for
//! people, `--json` for scripts) and chooses the exit code.
//!
//! Exit codes: 0 done; 1 not found / problems found (`show`, `verify`);
//! 2 refused (bad input, wrong PIN, a rule); 3 nothing to pay.

mod audit_log;
mod bank;
mod context;
mod day;
mod demo;
mod doctor;
mod frame;
mod gate;
mod heir;
mod home;
mod import;
mod list;
mod lists;
mod pay;
mod period;
mod person;
mod register;
mod rounds;
mod show;
mod users;
mod verify;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use context::Context;

#[derive(Debug, Parser)]
#[command(name = "chitra", version, about = "Chi trả trợ cấp người có công tại bưu điện xã", long_about = None)]
pub struct Cli {
    /// Tệp cấu hình (mặc định: config/chitra.toml hoặc /etc/chitra/chitra.toml)
    #[arg(long, global = true, env = "CHITRA_CONFIG", value_name = "TỆP")]
    pub config: Option<PathBuf>,
    /// Tệp cơ sở dữ liệu (mặc định: database.path trong cấu hình)
    #[arg(long, global = true, env = "CHITRA_DB", value_name = "TỆP")]
    pub db: Option<PathBuf>,
    /// Người dùng thực hiện (PIN lấy từ CHITRA_PIN hoặc được hỏi)
    #[arg(long, global = true, env = "CHITRA_USER", value_name = "TÊN")]
    pub user: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Tạo cơ sở dữ liệu mới cùng trưởng bưu cục đầu tiên
    Init {
        /// Tên đăng nhập của trưởng bưu cục
        #[arg(long, value_name = "TÊN")]
        supervisor: String,
        /// Họ và tên đầy đủ
        #[arg(long, value_name = "HỌ_TÊN", default_value = "")]
        full_name: String,
    },
    /// Quản lý người dùng
    #[command(subcommand)]
    User(users::UserCommand),
    /// Nhập danh sách chi trả từ cơ quan chi trả (xlsx, xls, csv)
    Import(import::ImportArgs),
    /// Tìm một người và xem các khoản chưa chi
    Show(show::ShowArgs),
    /// Chi trả cho một người (như màn hình quầy)
    Pay(pay::PayArgs),
    /// Mở văn phòng mẫu (dựng lần đầu) để thử chitra
    Demo(demo::DemoArgs),
    /// Quỹ tiền mặt: cấp đầu ngày, cấp thêm, thu về, kiểm đếm cuối ca
    #[command(subcommand)]
    Drawer(day::DrawerCommand),
    /// Hủy một lần chi (trưởng bưu cục duyệt)
    Void(day::VoidArgs),
    /// Khóa sổ ngày (trưởng bưu cục)
    Close(day::CloseArgs),
    /// Báo cáo
    #[command(subcommand)]
    Report(day::ReportCommand),
    /// Dừng/mở lại chi trả cho một người ngay (báo tử, chuyển đi) — trưởng bưu cục
    Status(person::StatusArgs),
    /// Kiểm tra toàn vẹn: nhật ký, sổ chi, biên nhận, ngày đã khóa
    Verify(verify::VerifyArgs),
    /// Lệnh SSH ép cho tài khoản chitra: màn hình quầy, hoặc vài lệnh của trưởng bưu cục (docs/cai-dat.md)
    Gate,
    /// Kiểm tra cài đặt: quyền tệp, khóa nhật ký, múi giờ, đĩa, sao lưu, SSH
    Doctor(doctor::DoctorArgs),
    /// Kỳ chi trả (tháng): lý do chưa nhận, khóa kỳ sau hạn chi trả
    #[command(subcommand)]
    Period(period::PeriodCommand),
    /// Chuyển khoản theo lô: lập lô gửi ngân hàng, nhập tệp kết quả của ngân hàng
    #[command(subcommand)]
    Bank(bank::BankCommand),
    /// Chi trả tại nhà: bảng kê theo thôn cho bưu tá, chuyến chi tại nhà (lập, cấp tiền, kết quả, nộp về, đối chiếu)
    #[command(subcommand)]
    Home(home::HomeCommand),
    /// Khóa nhật ký kiểm toán (trưởng bưu cục): thay khóa mới, xem docs/restore.md
    #[command(subcommand)]
    Key(KeyCommand),
    /// Đăng ký tại quầy: hình thức nhận, tài khoản, điện thoại, giấy tờ
    Register(register::RegisterArgs),
    /// Người thừa kế của đối tượng đã mất: ghi (trưởng bưu cục), xem các khoản còn nợ
    #[command(subcommand)]
    Heir(heir::HeirCommand),
    /// Danh sách: ký nhận của kỳ; theo kế hoạch: phân loại, mở tài khoản, thay đổi đăng ký
    #[command(subcommand)]
    List(lists::ListCommand),
    /// Sao lưu cơ sở dữ liệu (khi đang làm việc vẫn được)
    Backup {
        /// Tệp đích (chưa tồn tại)
        dest: PathBuf,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum KeyCommand {
    /// Tạo khóa mới để ký từ nay; khóa cũ vẫn giữ để kiểm tra những gì đã ký
    Rotate,
}

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    let cli = match frame::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let json = match &cli.command {
        Some(Command::Pay(a)) => a.json,
        Some(Command::Show(a)) => a.json,
        Some(Command::Import(a)) => a.json,
        Some(Command::Doctor(a)) => a.json,
        Some(Command::Verify(a)) => a.json,
        Some(Command::Register(a)) => a.json,
        Some(Command::Heir(c)) => c.json(),
        Some(Command::Bank(bank::BankCommand::Import(a))) => a.json,
        Some(Command::Home(home::HomeCommand::Round(c))) => c.json(),
        _ => false,
    };
    JSON_ERRORS.store(json, std::sync::atomic::Ordering::Relaxed);
    let code = match cli.command {
        Some(Command::Init {
            ref supervisor,
            ref full_name,
        }) => users::init(&cli, supervisor, full_name),
        Some(Command::User(ref cmd)) => users::run(&cli, cmd),
        Some(Command::Import(ref args)) => import::run(&cli, args),
        Some(Command::Show(ref args)) => show::run(&cli, args),
        Some(Command::Pay(ref args)) => pay::run(&cli, args),
        Some(Command::Demo(ref args)) => demo::run(&cli, args),
        Some(Command::Drawer(ref cmd)) => day::drawer(&cli, cmd),
        Some(Command::Void(ref args)) => day::void(&cli, args),
        Some(Command::Close(ref args)) => day::close(&cli, args),
        Some(Command::Report(ref cmd)) => day::report(&cli, cmd),
        Some(Command::Status(ref args)) => person::status(&cli, args),
        Some(Command::Verify(ref args)) => verify::run(&cli, args),
        Some(Command::Backup { ref dest }) => day::backup(&cli, dest),
        Some(Command::Period(ref cmd)) => period::run(&cli, cmd),
        Some(Command::Bank(ref cmd)) => bank::run(&cli, cmd),
        Some(Command::Home(ref cmd)) => home::run(&cli, cmd),
        Some(Command::Key(KeyCommand::Rotate)) => day::rotate_key(&cli),
        Some(Command::Doctor(ref args)) => doctor::run(&cli, args),
        Some(Command::Gate) => gate::run(&cli),
        Some(Command::Register(ref args)) => register::run(&cli, args),
        Some(Command::Heir(ref cmd)) => heir::run(&cli, cmd),
        Some(Command::List(ref cmd)) => lists::run(&cli, cmd),
        None => screens(&cli),
    };
    match code {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => ExitCode::from(e.code()),
    }
}

/// `chitra` alone: the counter screens on the configured database.
fn screens(cli: &Cli) -> Result<(), Exit> {
    let ctx = Context::load(cli)?;
    let service = ctx.open()?;
    crate::tui::run(service).map_err(|e| fail(ctx.lang(), e))
}

/// How a command ended when it did not succeed (the message is already
/// printed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    NotFound,
    Refused,
    NothingToPay,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::NotFound => 1,
            Exit::Refused => 2,
            Exit::NothingToPay => 3,
        }
    }
}

/// Whether the command asked for JSON: its errors are then also printed
/// on standard output as one JSON object, so a script always gets one.
static JSON_ERRORS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Prints an error the way every command does, in `lang`, and says it was
/// refused.
pub(crate) fn fail(lang: crate::i18n::Lang, e: impl crate::i18n::Say) -> Exit {
    let text = e.say(lang);
    eprintln!("chitra: {text}");
    if JSON_ERRORS.load(std::sync::atomic::Ordering::Relaxed) {
        println!("{}", serde_json::json!({ "error": text }));
    }
    Exit::Refused
}
