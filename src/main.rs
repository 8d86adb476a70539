fn main() -> std::process::ExitCode {
    tempograph_cli::main()
}
