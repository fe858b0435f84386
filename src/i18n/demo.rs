//! Wording of `chitra demo`: what it says while putting the demo office in
//! place, the summary and the demo's users, and why it could not.

use std::path::Path;

use super::{Lang, Localize};
use crate::demo::folder::DemoError;
use crate::domain::user::Role;

/// A demo user's role, as the list of users shows it.
pub fn role(lang: Lang, r: Role) -> &'static str {
    match r {
        Role::Supervisor => lang.pick("trưởng bưu cục", "supervisor"),
        Role::Clerk => lang.pick("giao dịch viên", "clerk"),
    }
}

/// Something `chitra demo` tells the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoNote<'a> {
    /// The demo is being built in `dir`.
    Building { dir: &'a Path },
    /// `dir` is not a finished demo and is rebuilt.
    Incomplete { dir: &'a Path },
    /// What was built.
    Built {
        people: usize,
        payments: usize,
        closed_days: usize,
    },
    /// Where the demo's database and configuration are.
    Place { db: &'a Path, config: &'a Path },
    /// The sample list files, in `folder`, follow.
    Files { config: &'a Path, folder: &'a Path },
    /// The demo's users follow.
    Users,
    /// The demo was built for another day than today ("dd/mm/yyyy").
    OtherDay { built_for: String },
    /// The screens open on Enter.
    PressEnter,
    /// The sign-in screen's line with the users and PINs.
    SignIn { users: String },
    /// `--now` could not be read.
    BadNow { text: String },
    /// `--db` was given; the demo keeps its database in its folder.
    DbGiven,
}

impl Localize for DemoNote<'_> {
    fn vi(&self) -> String {
        match self {
            DemoNote::Building { dir } => format!(
                "Đang dựng văn phòng mẫu trong thư mục {} (mất vài giây)…",
                dir.display()
            ),
            DemoNote::Incomplete { dir } => format!(
                "Thư mục {} không phải văn phòng mẫu đã dựng xong (lần dựng trước bị ngắt giữa chừng, hoặc do bản chitra cũ dựng); chitra không mở nó mà dựng lại từ đầu.",
                dir.display()
            ),
            DemoNote::Built {
                people,
                payments,
                closed_days,
            } => format!(
                "Văn phòng mẫu: {people} người, {payments} lần chi đã ghi, {closed_days} ngày đã khóa sổ; hôm nay quầy đã mở, các quỹ đã nhận tiền đầu ngày."
            ),
            DemoNote::Place { db, config } => format!(
                "Cơ sở dữ liệu: {}\nCấu hình:      {}",
                db.display(),
                config.display()
            ),
            DemoNote::Files { config, folder } => format!(
                "Tệp danh sách mẫu trong {} (thử: chitra --config {} import {}/TỆP --dry-run):",
                folder.display(),
                config.display(),
                folder.display()
            ),
            DemoNote::Users => "Người dùng mẫu (tên / mã PIN):".into(),
            DemoNote::OtherDay { built_for } => format!(
                "Văn phòng mẫu này được dựng cho ngày {built_for}: hôm nay các quỹ chưa nhận tiền đầu ngày. Muốn có hôm nay mở sẵn, chạy: chitra demo --fresh"
            ),
            DemoNote::PressEnter => {
                "Nhấn Enter để mở màn hình (tên và PIN vẫn hiện ở màn hình đăng nhập)…".into()
            }
            DemoNote::SignIn { users } => format!("Văn phòng mẫu — tên/PIN: {users}"),
            DemoNote::BadNow { text } => format!(
                "Không hiểu thời điểm \"{}\" của --now: viết như 2026-12-06, 2026-12-06T10:00 hoặc 2026-12-06T10:00:00+07:00.",
                crate::text::for_display(text)
            ),
            DemoNote::DbGiven => "Văn phòng mẫu giữ cơ sở dữ liệu trong thư mục của nó: dùng --dir THƯ_MỤC thay cho --db.".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            DemoNote::Building { dir } => format!(
                "Building the demo office in {} (a few seconds)…",
                dir.display()
            ),
            DemoNote::Incomplete { dir } => format!(
                "{} is not a finished demo office (an earlier build was cut off, or an older chitra built it); it is not opened but built again.",
                dir.display()
            ),
            DemoNote::Built {
                people,
                payments,
                closed_days,
            } => format!(
                "Demo office: {people} people, {payments} payments recorded, {closed_days} days closed; today is open and every drawer has its float."
            ),
            DemoNote::Place { db, config } => {
                format!("Database: {}\nConfig:   {}", db.display(), config.display())
            }
            DemoNote::Files { config, folder } => format!(
                "Sample lists in {} (try: chitra --config {} import {}/FILE --dry-run):",
                folder.display(),
                config.display(),
                folder.display()
            ),
            DemoNote::Users => "Demo users (name / PIN):".into(),
            DemoNote::OtherDay { built_for } => format!(
                "This demo office was built for {built_for}: today's drawers have no float yet. For today opened, run: chitra demo --fresh"
            ),
            DemoNote::PressEnter => {
                "Press Enter to open the screens (the names and PINs stay on the sign-in screen)…"
                    .into()
            }
            DemoNote::SignIn { users } => format!("Demo office — name/PIN: {users}"),
            DemoNote::BadNow { text } => format!(
                "Cannot read --now \"{}\": write it like 2026-12-06, 2026-12-06T10:00 or 2026-12-06T10:00:00+07:00.",
                crate::text::for_display(text)
            ),
            DemoNote::DbGiven => {
                "The demo keeps its database in its folder: use --dir DIR instead of --db.".into()
            }
        }
    }
}

impl Localize for DemoError {
    fn vi(&self) -> String {
        match self {
            DemoError::Build(e) => {
                format!("Không dựng được văn phòng mẫu: {}", e.localize(Lang::Vi))
            }
            DemoError::NotADemoFolder { dir } => format!(
                "{} chứa tệp không phải của văn phòng mẫu; chitra không xóa hay ghi đè. Chọn thư mục khác bằng --dir.",
                dir.display()
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            DemoError::Build(e) => {
                format!("Could not build the demo office: {}", e.localize(Lang::En))
            }
            DemoError::NotADemoFolder { dir } => format!(
                "{} holds files that are not the demo office's; chitra neither deletes nor overwrites them. Choose another folder with --dir.",
                dir.display()
            ),
        }
    }
}

crate::localized_error!(DemoError);
