//! `tempograph timeml ...` (in progress).
use super::Outcome;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Annotate TimeML files.
    Annotate {},
}

pub fn run(_c: Command) -> crate::Result<Outcome> {
    Err(crate::Error::usage("`timeml` is not available yet"))
}
