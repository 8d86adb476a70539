//! The `tempograph` command: [`main`] is the binary's whole body (the root package's
//! `src/main.rs` calls it). clap arguments are turned into validated values here; the stage
//! crates never see raw flags. Exit codes: 0 success, 1 findings (contradictions, check
//! failures), 2 errors (unreadable or malformed input, usage). One module per subcommand,
//! plus the conventions every command shares: `console` (messages, `-`, `-q`/`-v`/`--color`),
//! `output` (`-o`, atomic), `input` (documents from files, folders and manifests).

use clap::{Parser, Subcommand};
use std::process::ExitCode;

// The crates below, under the module names the command's code knows them by
// (`crate::pipeline::...`). The crates whose names are also subcommands here (`eval`,
// `extract`, `render`, `timeml`) are named by their crate names.
use tempograph_core::error::{Error, Result};
use tempograph_events::syntax;
use tempograph_lang::{self as lang, text};
use tempograph_link as link;
use tempograph_pipeline::{batch, focus, pipeline, stream};
use tempograph_timeline::{self as timeline, document};
use tempograph_timex as timex;

pub mod assemble;
pub mod bench;
pub mod build;
pub mod check;
pub mod completions;
pub mod console;
pub mod eval;
pub mod extract;
pub mod input;
pub mod output;
pub mod parse;
pub mod render;
pub mod select;
pub mod semeval;
pub mod tag;
pub mod timeml;

/// Build event timelines from text.
#[derive(Debug, Parser)]
#[command(name = "tempograph", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: console::GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a YAML timeline from documents.
    Build(build::Args),
    /// Find and normalize temporal expressions.
    Tag(tag::Args),
    /// The map step of a distributed build: one JSON line of extraction per document.
    Extract(extract::Args),
    /// The reduce step: extraction lines (or partials) in, a timeline (or a partial) out.
    Assemble(assemble::Args),
    /// Tokens, part of speech, lemmas and dependency trees (Universal Dependencies).
    Parse(parse::Args),
    /// Render a timeline as a diagram or another format.
    Render(render::Args),
    /// Check a timeline's consistency.
    Check(check::Args),
    /// Read and write TimeML.
    #[command(subcommand)]
    Timeml(timeml::Command),
    /// Score system TimeML against gold TimeML (TempEval-3), or entity timelines (SemEval-2015
    /// Task 4: `eval timeline`).
    Eval(eval::Args),
    /// Measure speed.
    Bench(bench::Args),
    /// Moved: the relation research commands are `tempograph-train relations ...` (crate
    /// `train/`); `relations timeline` is `eval timeline`.
    #[command(hide = true)]
    Relations(Moved),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionArgs),
    /// Print the manual page (roff), or write one per subcommand with --out-dir.
    Man(completions::ManArgs),
}

/// The arguments of a command that moved, as given.
#[derive(Debug, clap::Args)]
pub struct Moved {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, num_args = 0..)]
    args: Vec<std::ffi::OsString>,
}

/// `tempograph relations ...` (issue #14): the research commands moved to the training
/// binary, and saying so beats an "unrecognized subcommand"; `relations timeline`, a user form
/// (docs/USER_GUIDE.md), still runs, as `eval timeline`, with a note.
fn moved(m: Moved) -> crate::Result<Outcome> {
    /// `eval timeline`'s arguments, parsed on their own.
    #[derive(Debug, Parser)]
    #[command(name = "tempograph relations timeline")]
    struct Timeline {
        #[command(flatten)]
        args: semeval::Args,
    }
    let sub = m.args.first().and_then(|a| a.to_str()).unwrap_or("");
    if sub == "timeline" {
        console::warning(&"`tempograph relations timeline` is now `tempograph eval timeline`");
        let t = Timeline::try_parse_from(
            std::iter::once("tempograph relations timeline".into()).chain(m.args[1..].iter().cloned()),
        )
        .unwrap_or_else(|e| e.exit());
        return semeval::run(t.args);
    }
    let what = if matches!(sub, "pairs" | "links" | "matres") {
        format!("relations {sub}")
    } else {
        "relations pairs|links|matres".to_string()
    };
    Err(crate::Error::usage(format!(
        "`tempograph {what}` moved to the training binary: `cargo run --release -p tempograph-train -- {what} ...` \
         (crate train/, docs/RELATIONS.md); the SemEval timeline is `tempograph eval timeline`"
    )))
}

/// What a subcommand ended with.
pub enum Outcome {
    /// Done, nothing to report.
    Ok,
    /// Done, with findings (exit 1).
    Findings,
    /// Some input could not be processed; already reported (exit 2).
    Failed,
}

/// Runs the `tempograph` command on this process's arguments and says how it ended.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    console::init(&cli.global);
    let result = match cli.command {
        Command::Build(a) => build::run(a),
        Command::Tag(a) => tag::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Assemble(a) => assemble::run(a),
        Command::Parse(a) => parse::run(a),
        Command::Render(a) => render::run(a),
        Command::Check(a) => check::run(a),
        Command::Timeml(c) => timeml::run(c),
        Command::Eval(a) => eval::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Relations(m) => moved(m),
        Command::Completions(a) => completions::completions(a),
        Command::Man(a) => completions::man(a),
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

/// Write `content` to `out` (see [`output`]: regular files are replaced atomically, devices
/// and FIFOs written in place, symlinks followed), or to stdout when `out` is `None` (a closed
/// pipe ends the program quietly). Refuses to overwrite any of `inputs`.
pub fn write_output(
    out: Option<&std::path::Path>,
    content: impl AsRef<[u8]>,
    inputs: &[std::path::PathBuf],
) -> crate::Result<()> {
    match out {
        // `-o -` is standard output, as `-` is standard input.
        Some(path) if !console::is_stdin(path) => {
            output::to_path(path, content.as_ref(), inputs)?;
            console::info(&format!("wrote {} ({} bytes)", path.display(), content.as_ref().len()));
            Ok(())
        }
        _ => output::to_stdout(content.as_ref()),
    }
}
