//! `tempograph build` (in progress).
use super::Outcome;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> crate::Result<Outcome> {
    Err(crate::Error::usage("`build` is not available yet"))
}
