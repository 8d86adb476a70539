//! `tempograph completions SHELL` and `tempograph man`: shell completions and manual pages,
//! generated from the clap definitions (so they always match the flags). See: #17.
//!
//! ```text
//! tempograph completions bash > ~/.local/share/bash-completion/completions/tempograph
//! tempograph completions zsh -o ~/.zfunc/_tempograph
//! tempograph completions fish -o ~/.config/fish/completions/tempograph.fish
//! tempograph man -o tempograph.1 && man ./tempograph.1
//! tempograph man --out-dir man/   # tempograph.1 and tempograph-build.1, tempograph-timeml-annotate.1, ...
//! ```
use super::Outcome;
use clap::CommandFactory;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
    /// Write the script here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write the page here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write `tempograph.1` and a page per subcommand (`tempograph-build.1`, ...) into this folder.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

pub fn completions(args: CompletionArgs) -> crate::Result<Outcome> {
    let mut cmd = super::Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "tempograph", &mut buf);
    super::write_output(args.output.as_deref(), buf, &[])?;
    Ok(Outcome::Ok)
}

/// The roff source of one page.
fn page(cmd: clap::Command) -> crate::Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut buf)
        .map_err(|e| crate::Error::io("<man page>", e))?;
    Ok(buf)
}

/// Every page: the command's, then one per subcommand, depth first, named
/// `tempograph-SUB[-SUBSUB]`.
fn pages(cmd: &clap::Command, name: &str, out: &mut Vec<(String, Vec<u8>)>) -> crate::Result<()> {
    out.push((name.to_string(), page(cmd.clone().name(name.to_string()))?));
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        pages(sub, &format!("{name}-{}", sub.get_name()), out)?;
    }
    Ok(())
}

pub fn man(args: ManArgs) -> crate::Result<Outcome> {
    let mut cmd = super::Cli::command();
    cmd.build();
    match args.out_dir {
        None => super::write_output(args.output.as_deref(), page(cmd)?, &[])?,
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| crate::Error::io(&dir, e))?;
            let mut all = Vec::new();
            pages(&cmd, "tempograph", &mut all)?;
            let n = all.len();
            for (name, roff) in all {
                super::write_output(Some(&dir.join(format!("{name}.1"))), roff, &[])?;
            }
            super::console::note(&format!("wrote {n} manual pages into {}", dir.display()));
        }
    }
    Ok(Outcome::Ok)
}
