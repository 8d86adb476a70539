//! Many documents at once: a parallel map that keeps input order.
//!
//! | call                                         | runs on                   | result order |
//! |----------------------------------------------|---------------------------|--------------|
//! | `map(&docs, &Options::default(), f)`         | every core (rayon)        | input order  |
//! | `map(&docs, &Options::jobs(1), f)`           | the calling thread        | input order  |
//! | `map(&docs, &Options::jobs(4), f)`           | a pool of 4 threads       | input order  |
//! | `Options { progress: Progress::Auto, .. }`   | bar on stderr if a TTY    | —            |
//!
//! The result of [`map`] is the same, element for element, whatever the number of threads:
//! each item is processed independently and the results are put back in input order, so
//! output built from them is byte-identical to a single-threaded run. Nothing here reads
//! the clock for output (the progress bar's rate is shown on the terminal only).
//!
//! The command-line flags (`--jobs N`, `--progress`) are [`BatchArgs`]; subcommands that take
//! many files flatten it into their arguments and call [`BatchArgs::options`].

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::num::NonZeroUsize;

/// When to draw a progress bar on stderr.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Progress {
    /// Only when stderr is a terminal (the default): pipes, files and CI logs stay clean.
    #[default]
    Auto,
    /// Always (even when stderr is not a terminal).
    Always,
    /// Never.
    Never,
}

/// How to run a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Worker threads; `None` means one per core.
    pub jobs: Option<NonZeroUsize>,
    pub progress: Progress,
    /// What the bar counts, e.g. `documents`.
    pub label: &'static str,
}

impl Options {
    /// `n` threads (0 is taken as 1), no progress bar.
    pub fn jobs(n: usize) -> Options {
        Options {
            jobs: Some(NonZeroUsize::new(n).unwrap_or(NonZeroUsize::MIN)),
            progress: Progress::Never,
            label: "",
        }
    }

    /// The number of threads this will use.
    pub fn threads(&self) -> usize {
        match self.jobs {
            Some(n) => n.get(),
            None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        }
    }
}

/// `--jobs` and `--progress`, for subcommands that process many documents.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct BatchArgs {
    /// Worker threads (default: one per core). Output is identical whatever the number.
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub jobs: Option<u32>,
    /// Progress bar on stderr: `auto` draws it only when stderr is a terminal.
    #[arg(long, value_enum, default_value_t = Progress::Auto, value_name = "WHEN")]
    pub progress: Progress,
}

impl BatchArgs {
    /// The validated options (`label` names what is counted, e.g. `documents`).
    pub fn options(&self, label: &'static str) -> Options {
        Options {
            jobs: self.jobs.and_then(|n| NonZeroUsize::new(n as usize)),
            progress: self.progress,
            label,
        }
    }
}

/// A progress bar for `len` items drawn on stderr as `progress` says, hidden otherwise.
pub fn progress_bar(len: u64, progress: Progress, label: &str) -> ProgressBar {
    let draw = match progress {
        Progress::Never => false,
        Progress::Always => true,
        Progress::Auto => std::io::stderr().is_terminal(),
    };
    if !draw {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    let template = format!("{{bar:40}} {{pos}}/{{len}} {label} ({{per_sec}}, {{eta}} left)");
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

/// Apply `f` to every item, in parallel as `opts` says, and return the results in input
/// order. With one thread (`Options::jobs(1)`) everything runs on the calling thread.
///
/// If a thread pool of the requested size cannot be created, the work runs on the calling
/// thread: the results are the same, only slower.
pub fn map<T, R, F>(items: &[T], opts: &Options, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    let bar = progress_bar(items.len() as u64, opts.progress, opts.label);
    let threads = opts.threads();
    let run_one = |item: &T| {
        let r = f(item);
        bar.inc(1);
        r
    };
    let out = if threads <= 1 || items.len() <= 1 {
        items.iter().map(run_one).collect()
    } else {
        match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool.install(|| items.par_iter().map(run_one).collect()),
            Err(_) => items.iter().map(run_one).collect(),
        }
    };
    bar.finish_and_clear();
    out
}

/// Like [`map`], for work that is already split into chunks the caller feeds one at a time
/// (see [`crate::stream`]): a reusable pool, so a long stream does not build one per chunk.
pub struct Pool {
    pool: Option<rayon::ThreadPool>,
}

impl Pool {
    /// A pool of `opts.threads()` threads (none when that is 1).
    pub fn new(opts: &Options) -> Pool {
        let threads = opts.threads();
        let pool = if threads > 1 {
            rayon::ThreadPoolBuilder::new().num_threads(threads).build().ok()
        } else {
            None
        };
        Pool { pool }
    }

    /// Apply `f` to every item and return the results in input order.
    pub fn map<T, R, F>(&self, items: &[T], f: F) -> Vec<R>
    where
        T: Sync,
        R: Send,
        F: Fn(&T) -> R + Sync + Send,
    {
        match &self.pool {
            Some(pool) if items.len() > 1 => pool.install(|| items.par_iter().map(&f).collect()),
            _ => items.iter().map(f).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(n: &u64) -> String {
        // Uneven work so that threads finish out of order.
        let mut x = *n;
        for _ in 0..(n % 7) * 1000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        }
        format!("{n}:{x}")
    }

    #[test]
    fn same_result_for_every_thread_count() {
        let items: Vec<u64> = (0..500).collect();
        let one = map(&items, &Options::jobs(1), work);
        assert_eq!(one.len(), 500);
        assert!(one[3].starts_with("3:"));
        for jobs in [2, 3, 8] {
            assert_eq!(map(&items, &Options::jobs(jobs), work), one, "jobs = {jobs}");
            assert_eq!(
                Pool::new(&Options::jobs(jobs)).map(&items, work),
                one,
                "pool, jobs = {jobs}"
            );
        }
        assert_eq!(map(&items, &Options::default(), work), one);
    }

    #[test]
    fn empty_and_single() {
        let none: Vec<u64> = Vec::new();
        assert!(map(&none, &Options::jobs(4), work).is_empty());
        assert_eq!(map(&[5u64], &Options::jobs(4), work), vec![work(&5)]);
    }

    #[test]
    fn jobs_zero_is_one_thread() {
        assert_eq!(Options::jobs(0).threads(), 1);
        assert_eq!(Options::jobs(3).threads(), 3);
        assert!(Options::default().threads() >= 1);
    }

    #[test]
    fn args_parse_and_reject() {
        use clap::Parser;
        #[derive(Parser)]
        struct Cli {
            #[command(flatten)]
            batch: BatchArgs,
        }
        let c = Cli::try_parse_from(["x", "--jobs", "3", "--progress", "never"]).unwrap();
        assert_eq!(c.batch.options("documents").jobs, NonZeroUsize::new(3));
        assert_eq!(c.batch.options("documents").progress, Progress::Never);
        assert_eq!(Cli::try_parse_from(["x"]).unwrap().batch.options("d").jobs, None);
        assert!(Cli::try_parse_from(["x", "--jobs", "0"]).is_err());
        assert!(Cli::try_parse_from(["x", "-j", "-1"]).is_err());
        assert!(Cli::try_parse_from(["x", "--jobs", "many"]).is_err());
        assert!(Cli::try_parse_from(["x", "--progress", "sometimes"]).is_err());
    }

    #[test]
    fn hidden_bar_when_not_asked() {
        assert!(progress_bar(10, Progress::Never, "documents").is_hidden());
    }
}
