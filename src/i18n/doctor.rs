//! Wording of `chitra doctor`: each finding says what is wrong and what to
//! do, and each check that passed says what it saw.

use super::{Lang, Localize};
use crate::service::doctor::{Finding, Report, Topic};
use crate::text::for_display;

fn show(p: &std::path::Path) -> String {
    for_display(&p.display().to_string()).into_owned()
}

impl Localize for Finding {
    fn vi(&self) -> String {
        match self {
            Finding::Config { reason } => format!(
                "Không dùng được tệp cấu hình: {}. Sửa tệp cấu hình (/etc/chitra/chitra.toml) rồi chạy lại `chitra doctor`.",
                for_display(reason)
            ),
            Finding::FolderMissing { path } => format!(
                "Không có thư mục dữ liệu {}. Kiểm tra database.path trong cấu hình, hoặc tạo cơ sở dữ liệu bằng `chitra init` (xem docs/cai-dat.md).",
                show(path)
            ),
            Finding::NotOwner { path, uid, ours } => format!(
                "{} thuộc tài khoản khác (uid {uid}), không phải tài khoản đang chạy chitra (uid {ours}). Chạy `chitra doctor` bằng tài khoản chitra; nếu đúng là tài khoản chitra thì quản trị viên chạy: chown chitra: '{}'",
                show(path),
                show(path)
            ),
            Finding::FolderMode { path, mode } => format!(
                "Thư mục {} có quyền {mode:04o}: tài khoản khác vào được. Phải là 0700 — chạy: chmod 700 '{}'",
                show(path),
                show(path)
            ),
            Finding::FileMode { path, mode } => format!(
                "Tệp {} có quyền {mode:04o}: tài khoản khác đọc hoặc ghi được. Phải là 0600 — chạy: chmod 600 '{}'",
                show(path),
                show(path)
            ),
            Finding::MoreFiles { count } => format!(
                "Còn {count} tệp/thư mục khác sai chủ hoặc sai quyền. Sửa cả thư mục: chmod -R go-rwx '<thư mục dữ liệu>' rồi chạy lại `chitra doctor`."
            ),
            Finding::Unreadable { path, reason } => format!(
                "Không xem được {}: {}. Chạy `chitra doctor` bằng tài khoản chitra.",
                show(path),
                for_display(reason)
            ),
            Finding::KeyMissing { path } => format!(
                "Không có tệp khóa nhật ký {}. Không có khóa thì không ký được nhật ký kiểm toán: lấy lại tệp khóa từ bản cất giữ ngoài máy chủ (docs/cai-dat.md), đặt quyền 0600.",
                show(path)
            ),
            Finding::AnchorNotWritable { path, reason } => format!(
                "Không ghi được tệp mốc đầu chuỗi {} ({reason}): sau lần ghi đầu tiên không cập nhật được nó, chitra sẽ không ghi gì nữa. Trả tệp về cho tài khoản chitra, quyền 0600 (bỏ chattr +i nếu có).",
                show(path)
            ),
            Finding::Database { path, reason } => {
                format!("Không đọc được cơ sở dữ liệu {}: {reason}", show(path))
            }
            Finding::ClockBehind { now, last } => format!(
                "Đồng hồ máy chủ ({}) đang chậm hơn dòng nhật ký cuối cùng ({}). Chỉnh giờ máy chủ cho đúng (timedatectl) trước khi chi trả tiếp, nếu không thời điểm ghi sẽ lùi lại.",
                now.format("%d/%m/%Y %H:%M:%S"),
                stamp_on_screen(last)
            ),
            Finding::DiskLow {
                path,
                free_mib,
                min_mib,
            } => format!(
                "Ổ đĩa chứa {} chỉ còn {free_mib} MiB trống (ngưỡng {min_mib} MiB). Dọn bớt tệp khác hoặc chuyển bản sao lưu cũ ra USB; hết chỗ thì không ghi được lần chi nào.",
                show(path)
            ),
            Finding::NoBackup { dir } => format!(
                "Chưa có bản sao lưu nào trong {}. Chạy `chitra backup` hoặc bật bộ hẹn giờ chitra-backup.timer (docs/cai-dat.md).",
                show(dir)
            ),
            Finding::BackupOld {
                path,
                hours,
                max_hours,
            } => format!(
                "Bản sao lưu mới nhất ({}) đã cũ {hours} giờ (quá {max_hours} giờ). Kiểm tra bộ hẹn giờ: systemctl status chitra-backup.timer",
                show(path)
            ),
            Finding::BackupEmpty { path } => format!(
                "Bản sao lưu mới nhất {} rỗng (0 byte): không dùng được. Sao lưu lại ngay bằng `chitra backup` và xem nhật ký: journalctl -u chitra-backup",
                show(path)
            ),
            Finding::BackupBroken { path, reason } => format!(
                "Bản sao lưu mới nhất {} không mở được hoặc hỏng ({}). Sao lưu lại ngay bằng `chitra backup`; đừng dùng bản này để khôi phục.",
                show(path),
                for_display(reason)
            ),
            Finding::BackupJournal { path } => format!(
                "Bên cạnh bản sao lưu có tệp {}: bản sao đang ghi dở hoặc bị ngắt giữa chừng. Sao lưu lại bằng `chitra backup`, rồi xóa bản dở cùng tệp -journal.",
                show(path)
            ),
            Finding::SshdNoForcedCommand { path } => format!(
                "Cấu hình SSH ({}) không ép lệnh chitra cho tài khoản chitra: giao dịch viên có thể vào shell và mở tệp dữ liệu. Cài deploy/sshd_config.d/chitra.conf (docs/cai-dat.md) rồi: systemctl reload ssh",
                show(path)
            ),
            Finding::SshdForwarding { path } => format!(
                "Cấu hình SSH ({}) ép lệnh chitra nhưng chưa tắt chuyển tiếp cổng/agent/X11 trong cùng khối Match. Thêm `DisableForwarding yes` vào khối đó rồi: systemctl reload ssh",
                show(path)
            ),
            Finding::ScreenLockOff => "Màn hình không tự khóa ([interface] lock_after_minutes = 0): giao dịch viên rời quầy mà quên đăng xuất thì người khác chi được dưới tên họ. Đặt lock_after_minutes = 5 trong tệp cấu hình.".into(),
            Finding::ScreenLockLong { minutes } => format!(
                "Màn hình chỉ tự khóa sau {minutes} phút không gõ phím: quá lâu cho một quầy có người qua lại. Đặt [interface] lock_after_minutes từ 1 đến {} (mặc định 5).",
                crate::service::doctor::LONGEST_LOCK_MINUTES
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Finding::Config { reason } => format!(
                "The configuration cannot be used: {}. Fix it (/etc/chitra/chitra.toml) and run `chitra doctor` again.",
                for_display(reason)
            ),
            Finding::FolderMissing { path } => format!(
                "There is no data folder {}. Check database.path, or create the database with `chitra init`.",
                show(path)
            ),
            Finding::NotOwner { path, uid, ours } => format!(
                "{} belongs to another account (uid {uid}), not the one running chitra (uid {ours}). Run doctor as the chitra account; if it is, have an administrator run: chown chitra: '{}'",
                show(path),
                show(path)
            ),
            Finding::FolderMode { path, mode } => format!(
                "Folder {} has mode {mode:04o}: other accounts can enter it. It must be 0700: chmod 700 '{}'",
                show(path),
                show(path)
            ),
            Finding::FileMode { path, mode } => format!(
                "File {} has mode {mode:04o}: other accounts can read or write it. It must be 0600: chmod 600 '{}'",
                show(path),
                show(path)
            ),
            Finding::MoreFiles { count } => format!(
                "{count} more files or folders have the wrong owner or mode. Fix the folder: chmod -R go-rwx '<data folder>'."
            ),
            Finding::Unreadable { path, reason } => format!(
                "Cannot look at {}: {}. Run doctor as the chitra account.",
                show(path),
                for_display(reason)
            ),
            Finding::KeyMissing { path } => format!(
                "The audit key file {} is missing. Restore it from the copy kept off the server (docs/cai-dat.md), mode 0600.",
                show(path)
            ),
            Finding::AnchorNotWritable { path, reason } => format!(
                "The head anchor {} cannot be written ({reason}): after the first write that cannot move it, chitra writes nothing more. Give it back to the chitra account, mode 0600 (remove chattr +i if set).",
                show(path)
            ),
            Finding::Database { path, reason } => {
                format!("Cannot read the database {}: {reason}", show(path))
            }
            Finding::ClockBehind { now, last } => format!(
                "The server clock ({}) is behind the last audit row ({}). Set the clock right (timedatectl) before paying again.",
                now.format("%d/%m/%Y %H:%M:%S"),
                stamp_on_screen(last)
            ),
            Finding::DiskLow {
                path,
                free_mib,
                min_mib,
            } => format!(
                "The disk holding {} has only {free_mib} MiB free (threshold {min_mib} MiB). Free some space or move old backups off the server.",
                show(path)
            ),
            Finding::NoBackup { dir } => format!(
                "No backup in {}. Run `chitra backup` or enable chitra-backup.timer.",
                show(dir)
            ),
            Finding::BackupOld {
                path,
                hours,
                max_hours,
            } => format!(
                "The newest backup ({}) is {hours} hours old (over {max_hours}). Check: systemctl status chitra-backup.timer",
                show(path)
            ),
            Finding::BackupEmpty { path } => format!(
                "The newest backup {} is empty (0 bytes). Back up again now and see: journalctl -u chitra-backup",
                show(path)
            ),
            Finding::BackupBroken { path, reason } => format!(
                "The newest backup {} does not open or is damaged ({}). Back up again now; do not restore from it.",
                show(path),
                for_display(reason)
            ),
            Finding::BackupJournal { path } => format!(
                "{} lies beside the newest backup: the copy was cut off. Back up again, then delete the partial copy and its -journal.",
                show(path)
            ),
            Finding::SshdNoForcedCommand { path } => format!(
                "The SSH configuration ({}) forces no chitra command: a clerk could get a shell and open the data. Install deploy/sshd_config.d/chitra.conf and reload ssh.",
                show(path)
            ),
            Finding::SshdForwarding { path } => format!(
                "The SSH configuration ({}) forces chitra but leaves forwarding on in that Match block. Add `DisableForwarding yes` and reload ssh.",
                show(path)
            ),
            Finding::ScreenLockOff => "The screens never lock ([interface] lock_after_minutes = 0): anyone can pay under the name of a clerk who leaves without signing out. Set lock_after_minutes = 5 in the configuration.".into(),
            Finding::ScreenLockLong { minutes } => format!(
                "The screens lock only after {minutes} minutes without a key: too long for a counter people pass. Set [interface] lock_after_minutes between 1 and {} (5 by default).",
                crate::service::doctor::LONGEST_LOCK_MINUTES
            ),
        }
    }
}

/// "2026-11-28T15:04:05+07:00" → "28/11/2026 15:04:05 (+07:00)".
fn stamp_on_screen(stamp: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(stamp) {
        Ok(t) => t.format("%d/%m/%Y %H:%M:%S (%:z)").to_string(),
        Err(_) => for_display(stamp).into_owned(),
    }
}

/// The name of a check.
pub fn topic(lang: Lang, t: Topic) -> &'static str {
    match (t, lang) {
        (Topic::Files, Lang::Vi) => "Chủ và quyền của thư mục, tệp dữ liệu",
        (Topic::Files, Lang::En) => "Owner and modes of the data",
        (Topic::Key, Lang::Vi) => "Tệp khóa nhật ký",
        (Topic::Key, Lang::En) => "Audit key file",
        (Topic::TimeZone, Lang::Vi) => "Múi giờ văn phòng",
        (Topic::TimeZone, Lang::En) => "Office time zone",
        (Topic::Clock, Lang::Vi) => "Đồng hồ máy chủ",
        (Topic::Clock, Lang::En) => "Server clock",
        (Topic::Disk, Lang::Vi) => "Dung lượng đĩa",
        (Topic::Disk, Lang::En) => "Free disk",
        (Topic::Backup, Lang::Vi) => "Bản sao lưu mới nhất",
        (Topic::Backup, Lang::En) => "Newest backup",
        (Topic::Sshd, Lang::Vi) => "Lệnh ép của SSH",
        (Topic::Sshd, Lang::En) => "SSH forced command",
        (Topic::ScreenLock, Lang::Vi) => "Màn hình tự khóa",
        (Topic::ScreenLock, Lang::En) => "Screen lock",
    }
}

/// What a check that passed saw (or that it could not look).
pub fn passed(lang: Lang, t: Topic, r: &Report) -> String {
    let vi = lang == Lang::Vi;
    match t {
        Topic::Files => {
            if vi {
                "đúng chủ; thư mục 0700, tệp 0600".into()
            } else {
                "right owner; folders 0700, files 0600".into()
            }
        }
        Topic::Key => {
            if vi {
                "có".into()
            } else {
                "present".into()
            }
        }
        Topic::TimeZone => format!(
            "{} — {} {}",
            r.zone,
            if vi { "bây giờ" } else { "now" },
            r.now.format("%d/%m/%Y %H:%M (%:z)")
        ),
        Topic::Clock => {
            if vi {
                "không chậm hơn nhật ký".into()
            } else {
                "not behind the audit log".into()
            }
        }
        Topic::Disk => match r.free_mib {
            Some(m) => format!("{m} MiB {}", if vi { "trống" } else { "free" }),
            None => {
                if vi {
                    "không đo được".into()
                } else {
                    "could not be measured".into()
                }
            }
        },
        Topic::Backup => match &r.backup {
            Some((p, h)) => format!(
                "{} — {h} {}",
                show(p),
                if vi {
                    "giờ trước, mở tốt"
                } else {
                    "hours old, sound"
                }
            ),
            None => String::new(),
        },
        Topic::Sshd => match &r.sshd_unread {
            Some(p) if vi => format!(
                "không đọc được {} bằng tài khoản này — bỏ qua (quản trị viên kiểm tra theo docs/cai-dat.md)",
                show(p)
            ),
            Some(p) => format!("cannot read {} as this account — skipped", show(p)),
            None if vi => "có lệnh ép chitra, đã tắt chuyển tiếp".into(),
            None => "chitra is forced, forwarding off".into(),
        },
        Topic::ScreenLock if vi => format!("sau {} phút không gõ phím", r.lock_after_minutes),
        Topic::ScreenLock => format!("after {} minutes without a key", r.lock_after_minutes),
    }
}
