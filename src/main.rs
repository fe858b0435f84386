fn main() -> std::process::ExitCode {
    // Like other Unix tools, stop quietly when the reader of our output goes
    // away (`chitra show … | head`), instead of failing on the next print.
    // SAFETY: called before any thread starts; SIG_DFL is always valid.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    chitra::cli::run()
}
