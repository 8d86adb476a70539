//! `tempograph-train`: retrain the model store and evaluate relations on research corpora.
//! Exit codes as `tempograph`'s: 0 success, 2 errors (unreadable input, usage).

use clap::{Parser, Subcommand};
use std::process::ExitCode;
use tempograph_cli::{console, Outcome};
use tempograph_train::{models, relations};

/// Train tempograph's models and evaluate relations on research corpora (not part of the
/// `tempograph` product).
#[derive(Debug, Parser)]
#[command(name = "tempograph-train", version, about, long_about = None)]
struct Cli {
    #[command(flatten)]
    global: console::GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Retrain the link models on TBAQ and write them with their manifests to the model store.
    Models(models::Args),
    /// Evaluate temporal relations on research corpora (C-relation-only, Task ABC, MATRES),
    /// with the stored models or models trained in memory (cross-validation by document).
    #[command(subcommand)]
    Relations(relations::Command),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    console::init(&cli.global);
    let result = match cli.command {
        Command::Models(a) => models::run(a),
        Command::Relations(c) => relations::run(c),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Ok(Outcome::Failed) => ExitCode::from(2),
        Err(e) => {
            console::error(&e);
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
