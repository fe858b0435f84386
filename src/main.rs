#[allow(unsafe_code, reason = "restoring SIGPIPE has no safe wrapper in std")]
fn main() -> std::process::ExitCode {
    // Like other Unix tools, stop quietly when the reader of our output goes
    // away (`chitra show … | head`), instead of failing on the next print.
    // SAFETY: called before any thread starts; SIG_DFL is always valid.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Whatever umask the account was given, the database, its backups and
    // receipts are private to the office's account (files 0600, folders 0700).
    chitra::files::restrict_process();
    chitra::cli::run()
}
