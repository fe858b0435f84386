#!/bin/sh
# Sets up chitra on the office's server, as root:
#   sudo sh deploy/install.sh [path/to/chitra]      (default: target/release/chitra)
#
# - the system account `chitra` (no password) owns /var/lib/chitra (0700):
#   the database and its key in data/, receipts in data/spool/, backups in
#   backup/ — nobody else can read them;
# - the program in /usr/local/bin, the configuration in /etc/chitra
#   (root-owned, readable by chitra), the SSH keys allowed to reach chitra in
#   /etc/chitra/authorized_keys (root-owned);
# - sshd's drop-in forcing `chitra gate` for the account, checked with
#   `sshd -t` before sshd is reloaded;
# - the backup timer.
# Running it again keeps the configuration and keys already there.
# Then: docs/cai-dat.md, from "Tạo cơ sở dữ liệu".
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../target/release/chitra}
[ "$(id -u)" = 0 ] || { echo "Chạy bằng root: sudo sh $0" >&2; exit 2; }
[ -x "$bin" ] || { echo "Không thấy chương trình $bin (cargo build --release trước)" >&2; exit 2; }

if ! id chitra >/dev/null 2>&1; then
    # A shell is needed for sshd to run the forced command; the account has
    # no password and sshd never gives it anything but chitra.
    useradd --system --user-group --home-dir /var/lib/chitra --shell /bin/sh chitra
fi
passwd -l chitra >/dev/null 2>&1 || true

install -d -m 0700 -o chitra -g chitra /var/lib/chitra /var/lib/chitra/data /var/lib/chitra/backup
install -m 0755 -o root -g root "$bin" /usr/local/bin/chitra

install -d -m 0750 -o root -g chitra /etc/chitra
if [ ! -e /etc/chitra/chitra.toml ]; then
    sed -e 's|^path = "../data/chitra.db"|path = "/var/lib/chitra/data/chitra.db"|' \
        -e 's|^spool_dir = "../data/spool"|spool_dir = "/var/lib/chitra/data/spool"|' \
        -e 's|^dir = "../data/backup"|dir = "/var/lib/chitra/backup"|' \
        "$here/../config/chitra.toml" > /etc/chitra/chitra.toml
    chown root:chitra /etc/chitra/chitra.toml
    chmod 0640 /etc/chitra/chitra.toml
    echo "Đã ghi /etc/chitra/chitra.toml — sửa tên, mã bưu cục, máy in cho đúng."
fi
if [ ! -e /etc/chitra/authorized_keys ]; then
    install -m 0644 -o root -g root /dev/null /etc/chitra/authorized_keys
    echo "Thêm khóa SSH của từng máy quầy vào /etc/chitra/authorized_keys (mẫu: deploy/authorized_keys.example)."
fi

install -d -m 0755 /etc/ssh/sshd_config.d
install -m 0644 -o root -g root "$here/sshd_config.d/chitra.conf" /etc/ssh/sshd_config.d/chitra.conf
if ! grep -qi '^[[:space:]]*Include[[:space:]].*sshd_config.d' /etc/ssh/sshd_config; then
    echo "Cảnh báo: /etc/ssh/sshd_config không Include sshd_config.d/*.conf — thêm dòng" >&2
    echo "  Include /etc/ssh/sshd_config.d/*.conf  vào đầu tệp." >&2
fi
# sshd -t needs its run folder and host keys (both already there on a
# server where ssh runs).
mkdir -p /run/sshd
ssh-keygen -A >/dev/null
sshd -t
if [ -d /run/systemd/system ]; then
    systemctl reload ssh 2>/dev/null || systemctl reload sshd
    install -m 0644 "$here/systemd/chitra-backup.service" "$here/systemd/chitra-backup.timer" /etc/systemd/system/
    systemctl daemon-reload
    systemctl enable --now chitra-backup.timer
else
    echo "Không có systemd: tải lại sshd bằng tay, và đặt lịch sao lưu bằng cron (docs/cai-dat.md)."
fi
echo "Xong. Kiểm tra: sudo -u chitra chitra --config /etc/chitra/chitra.toml doctor"
