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

/// `--jobs` above this many threads per core is capped: the work is CPU-bound, so more
/// threads only cost memory (each has its own stack), and thousands of them can fail to start
/// on a loaded machine (`build --jobs 4096` exited 101 or 134 before; see #18, row 12).
pub const MAX_THREADS_PER_CORE: usize = 4;

/// No more threads than this, however many cores.
pub const MAX_THREADS: usize = 1024;

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

fn thread_cap(cores: usize) -> usize {
    cores.saturating_mul(MAX_THREADS_PER_CORE).clamp(1, MAX_THREADS)
}

/// When to draw a progress bar on stderr.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
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

    /// `Some(n)` threads, or one per core for `None`; no progress bar.
    pub fn jobs_or_all(n: Option<u32>) -> Options {
        Options {
            jobs: n.and_then(|n| NonZeroUsize::new(n as usize)),
            progress: Progress::Never,
            label: "",
        }
    }

    /// The number of threads this will use: `jobs`, at most [`MAX_THREADS_PER_CORE`] per
    /// core (and never more than [`MAX_THREADS`]); one per core when `jobs` is `None`.
    pub fn threads(&self) -> usize {
        let cores = cores();
        match self.jobs {
            Some(n) => n.get().min(thread_cap(cores)),
            None => cores,
        }
    }

    /// `Some((asked, used))` when `jobs` asks for more threads than [`Options::threads`] uses.
    pub fn capped(&self) -> Option<(usize, usize)> {
        let asked = self.jobs?.get();
        let used = self.threads();
        (used < asked).then_some((asked, used))
    }

    /// Say on stderr when `--jobs` was capped (the CLI calls this once).
    pub fn warn_if_capped(&self) {
        if let Some((asked, used)) = self.capped() {
            eprintln!(
                "tempograph: warning: --jobs {asked} is more than {MAX_THREADS_PER_CORE} threads per core; using {used}"
            );
        }
    }

    /// A pool of [`Options::threads`] threads, `None` for one thread (the caller's). `Err`
    /// when the threads cannot be started (too little memory, a process limit), with a
    /// message that says how many were asked for.
    pub fn try_pool(&self) -> tempograph_core::error::Result<Option<rayon::ThreadPool>> {
        let threads = self.threads();
        if threads <= 1 {
            return Ok(None);
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map(Some)
            .map_err(|e| {
                tempograph_core::error::Error::usage(format!(
                    "could not start {threads} worker threads ({e}); try a smaller --jobs"
                ))
            })
    }
}

/// `--jobs` and `--progress`, for subcommands that process many documents (feature `clap`).
#[cfg(feature = "clap")]
#[derive(Clone, Debug, Default, clap::Args)]
pub struct BatchArgs {
    /// Worker threads (default: one per core). Output is identical whatever the number.
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub jobs: Option<u32>,
    /// Progress bar on stderr: `auto` draws it only when stderr is a terminal.
    #[arg(long, value_enum, default_value_t = Progress::Auto, value_name = "WHEN")]
    pub progress: Progress,
}

#[cfg(feature = "clap")]
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

/// Run `f` with rayon's parallel iterators limited to `opts.threads()` threads (for code that
/// uses `par_iter` directly, such as the pipeline). If no pool can be made, `f` runs on the
/// global pool.
pub fn install<R: Send>(opts: &Options, f: impl FnOnce() -> R + Send) -> R {
    match rayon::ThreadPoolBuilder::new().num_threads(opts.threads()).build() {
        Ok(pool) => pool.install(f),
        Err(_) => f(),
    }
}

/// [`install`], but failing to start the threads is an error (the CLI reports it, exit 2)
/// rather than a fall-back to rayon's global pool, whose own start-up failure would panic.
/// With one thread, `f` runs on a pool of one, so that `par_iter` inside it stays on it.
pub fn try_install<R: Send>(opts: &Options, f: impl FnOnce() -> R + Send) -> tempograph_core::error::Result<R> {
    let threads = opts.threads();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| {
            tempograph_core::error::Error::usage(format!(
                "could not start {threads} worker threads ({e}); try a smaller --jobs"
            ))
        })?;
    Ok(pool.install(f))
}

/// [`map`], but failing to start the threads is an error instead of a single-threaded run.
pub fn try_map<T, R, F>(items: &[T], opts: &Options, f: F) -> tempograph_core::error::Result<Vec<R>>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    if opts.threads() > 1 && items.len() > 1 {
        // Start the threads first so that a failure is reported, not papered over.
        let pool = opts.try_pool()?;
        let bar = progress_bar(items.len() as u64, opts.progress, opts.label);
        let run_one = |item: &T| {
            let r = f(item);
            bar.inc(1);
            r
        };
        let out = match pool {
            Some(pool) => pool.install(|| items.par_iter().map(run_one).collect()),
            None => items.iter().map(run_one).collect(),
        };
        bar.finish_and_clear();
        return Ok(out);
    }
    Ok(map(items, opts, f))
}

/// Like [`map`], for work that is already split into chunks the caller feeds one at a time
/// (see [`crate::stream`]): a reusable pool, so a long stream does not build one per chunk.
pub struct Pool {
    pool: Option<rayon::ThreadPool>,
}

impl Pool {
    /// A pool of `opts.threads()` threads (none when that is 1); `Err` when they cannot be
    /// started.
    pub fn try_new(opts: &Options) -> tempograph_core::error::Result<Pool> {
        Ok(Pool { pool: opts.try_pool()? })
    }

    /// A pool of `opts.threads()` threads (none when that is 1, or when they cannot be
    /// started: the work then runs on the calling thread).
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
    fn jobs_are_capped_per_core() {
        let cap = thread_cap(cores());
        assert_eq!(Options::jobs(4096).threads(), cap.min(4096));
        assert!(Options::jobs(4096).capped().is_some() || cap >= 4096);
        assert_eq!(Options::jobs(1).capped(), None);
        assert_eq!(thread_cap(2), 8);
        assert_eq!(thread_cap(0), 1);
        assert_eq!(thread_cap(100_000), MAX_THREADS);
    }

    #[test]
    fn jobs_zero_is_one_thread() {
        assert_eq!(Options::jobs(0).threads(), 1);
        assert_eq!(Options::jobs(3).threads(), 3);
        assert!(Options::default().threads() >= 1);
    }

    #[cfg(feature = "clap")]
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
