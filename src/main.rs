fn main() -> std::process::ExitCode {
    chitra::cli::run()
}
