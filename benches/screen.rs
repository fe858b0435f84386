//! The screens over a terminal, as a clerk's SSH session sees them.
//!
//! 1. From starting `chitra` to its first drawn frame, on a 1,000,000-person
//!    database (target: under 150 ms). Median of 10 starts.
//! 2. Bytes written to the terminal for each character typed into the
//!    counter's search field at 80×24, from the first key into the empty
//!    result area to the last key taken back (target: every key ≤ 1 KB).
//!
//! The binary runs on a pseudo-terminal of 80×24. Run:
//! `cargo bench --bench screen` (after `cargo bench --bench lookup` has
//! built the database, or it is built here).
#![allow(unsafe_code, reason = "the pseudo-terminal is opened through libc")]

mod common;

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

struct Pty {
    master: std::fs::File,
    child: Child,
}

impl Pty {
    fn spawn(config: &std::path::Path) -> Pty {
        let mut master = -1;
        let mut slave = -1;
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors we then own.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty");
        // SAFETY: the descriptors are fresh and owned here.
        let slave = unsafe { OwnedFd::from_raw_fd(slave) };
        // SAFETY: as above, the other fresh descriptor.
        let master = unsafe { std::fs::File::from_raw_fd(master) };
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_chitra"));
        cmd.arg("--config")
            .arg(config)
            .env("TERM", "xterm")
            .env_remove("CHITRA_DB")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: setsid in the child before exec, so the pty becomes its
        // controlling terminal.
        unsafe {
            use std::os::unix::process::CommandExt;
            cmd.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY, 0);
                Ok(())
            });
        }
        let child = cmd.spawn().unwrap();
        let fd = std::os::fd::AsRawFd::as_raw_fd(&master);
        // SAFETY: plain fcntl on our descriptor.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        Pty { master, child }
    }

    /// Reads until `quiet` passes with no output (or `limit`); returns the bytes.
    fn drain(&mut self, quiet: Duration, limit: Duration) -> Vec<u8> {
        let mut out = Vec::new();
        let start = Instant::now();
        let mut last = Instant::now();
        let mut buf = [0u8; 65536];
        while start.elapsed() < limit {
            match self.master.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    out.extend_from_slice(&buf[..n]);
                    last = Instant::now();
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    if !out.is_empty() && last.elapsed() > quiet {
                        break;
                    }
                    std::thread::sleep(Duration::from_micros(200));
                }
                Err(_) => break,
            }
        }
        out
    }

    /// Time until the first output arrives and then goes quiet for 50 ms
    /// (minus that quiet time): the first frame.
    fn first_frame(&mut self, started: Instant) -> (Duration, Vec<u8>) {
        let mut buf = [0u8; 65536];
        let mut out = Vec::new();
        let mut last = Instant::now();
        loop {
            match self.master.read(&mut buf) {
                Ok(n) if n > 0 => {
                    out.extend_from_slice(&buf[..n]);
                    last = Instant::now();
                }
                Ok(_) => break,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    if !out.is_empty() && last.elapsed() > Duration::from_millis(50) {
                        break;
                    }
                    if started.elapsed() > Duration::from_secs(10) {
                        break;
                    }
                    std::thread::sleep(Duration::from_micros(100));
                }
                Err(_) => break,
            }
        }
        (last - started, out)
    }

    fn send(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).unwrap();
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let n = 1_000_000;
    let (config, _db) = office_with(n);
    // A clerk to sign in with.
    {
        let mut svc =
            chitra::service::Service::open(config.clone(), &config.database.path).unwrap();
        let boss = svc.sign_in(SUPERVISOR.0, SUPERVISOR.1).unwrap();
        let _ = svc.add_user(
            &boss,
            "gdv1",
            "Lê Thị Hoa",
            chitra::domain::user::Role::Clerk,
            "2846",
        );
    }

    let mut starts = Vec::new();
    let mut first_bytes = 0;
    for _ in 0..10 {
        let t = Instant::now();
        let mut pty = Pty::spawn(&config.source);
        let (took, bytes) = pty.first_frame(t);
        first_bytes = bytes.len();
        starts.push(took);
    }
    let (med, p90, max) = summary(starts);
    println!(
        "{n} people: start to first frame: median {}, p90 {}, max {} (target < 150 ms); first frame {first_bytes} bytes",
        ms(med),
        ms(p90),
        ms(max)
    );

    // Sign in, wait for the counter, then type names into the empty
    // search field one key at a time, the first key included, then take
    // them back; every key measured.
    let mut pty = Pty::spawn(&config.source);
    pty.drain(Duration::from_millis(100), Duration::from_secs(5));
    pty.send(b"gdv1\t2846\r");
    pty.drain(Duration::from_millis(300), Duration::from_secs(10));
    let mut per_key: Vec<(String, usize)> = Vec::new();
    let mut worst: Vec<u8> = Vec::new();
    let mut first_key: Option<Vec<u8>> = None;
    for typed in ["nguyen van an", "tran thi", "h"] {
        let keys: Vec<String> = typed
            .chars()
            .map(String::from)
            .chain(typed.chars().map(|_| "\x7f".to_string()))
            .collect();
        for key in keys {
            pty.send(key.as_bytes());
            let out = pty.drain(Duration::from_millis(300), Duration::from_secs(10));
            if first_key.is_none() {
                first_key = Some(out.clone());
            }
            if out.len() > worst.len() {
                worst.clone_from(&out);
            }
            let label = if key == "\x7f" {
                "⌫".to_string()
            } else {
                key
            };
            per_key.push((label, out.len()));
        }
    }
    // The first key's and the costliest key's bytes, to read what was sent.
    std::fs::write(data_dir().join("screen-worst-key.bin"), &worst).unwrap();
    std::fs::write(
        data_dir().join("screen-first-key.bin"),
        first_key.unwrap_or_default(),
    )
    .unwrap();
    let mut sizes: Vec<usize> = per_key.iter().map(|(_, n)| *n).collect();
    sizes.sort_unstable();
    let first = per_key[0].1;
    println!(
        "bytes written per keystroke in the search field at 80×24, {} keys from an empty result area and back (target ≤ 1024 each):",
        per_key.len()
    );
    println!(
        "  first key {first}, median {}, p90 {}, max {}; over 1024: {}",
        sizes[sizes.len() / 2],
        sizes[(sizes.len() - 1) * 9 / 10],
        sizes[sizes.len() - 1],
        sizes.iter().filter(|&&n| n > 1024).count()
    );
    let line: Vec<String> = per_key.iter().map(|(k, n)| format!("{k}:{n}")).collect();
    println!("  {}", line.join(" "));
}
