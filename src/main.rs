fn main() -> std::process::ExitCode {
    tempograph::cli::main()
}
