//! `tempograph build`: documents in, YAML timeline out.
//!
//! ```text
//! tempograph build FILE|DIR|-... [--dct DATE | --manifest FILE] [-o OUT]
//! ```
//! `-` reads a document from standard input (its id is `stdin`). `--manifest M FILE...`
//! builds from those of the manifest's documents only, with their manifest metadata.
//! Every input is read before anything is written: if any document cannot be processed, all
//! such errors are listed and nothing is written (exit 2). Contradictions between relations
//! are findings recorded in the timeline's `conflicts`, reported on stderr; they do not stop
//! the build.

use super::input::{default_title, load_documents};
use super::output::Format;
use super::Outcome;
use crate::document;
use std::path::{Path, PathBuf};
use tempograph_core::error::Error;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plain-text documents (`-` for standard input), TimeML files (`*.tml`: the text of
    /// `<TEXT>`, dated by its `<DCT>`), or folders whose `*.txt` and `*.tml` files are read in
    /// name order. With --manifest: which of its documents.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for every document; wins over datelines.
    #[arg(long, value_name = "DATE", conflicts_with = "manifest")]
    pub dct: Option<String>,
    /// A manifest listing documents with `file`, `title`, `kind`, `published` (like `sources.yaml`).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Let manifest entries name files outside the manifest's folder (`../x`, absolute paths,
    /// symbolic links leading out).
    #[arg(long, requires = "manifest")]
    pub allow_outside: bool,
    /// Title of the timeline (default: the manifest's folder; else the name most headlines share, with the years published ("Apple, 2005–2011"), else the earliest headline).
    #[arg(long)]
    pub title: Option<String>,
    /// `yaml` (the timeline, the contract), `json` (the same model as JSON) or `text` (a
    /// readable table of the same; `table` is an alias).
    #[arg(long, value_enum, default_value_t = Format::Yaml)]
    pub format: Format,
    /// Write the timeline here (atomically) instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Refuse (exit 2, naming it) a document with more bytes of text than this.
    #[arg(long, value_name = "N", default_value_t = crate::pipeline::Limits::DEFAULT_MAX_DOCUMENT_BYTES)]
    pub max_document_bytes: u64,

    /// Refuse (exit 2, naming the document) a build whose documents have more events than this
    /// together.
    #[arg(long, value_name = "N", default_value_t = crate::pipeline::Limits::DEFAULT_MAX_EVENTS)]
    pub max_events: u64,

    #[command(flatten)]
    pub select: super::select::Selection,
    /// `--format text`: list every event, the unlisted ones (negated, modal, hypothetical,
    /// reporting, generic, opinion) included, each with its reason. The YAML always has them all.
    #[arg(long)]
    pub all: bool,

    /// Read JSON Lines documents on stdin (as `extract --stream`): extract and assemble in
    /// one process, the same bytes as a cluster's `extract --stream` then `assemble`.
    #[arg(long, conflicts_with_all = ["files", "manifest"])]
    pub stream: bool,

    /// Worker threads (default: one per core). Output is identical whatever the number.
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub jobs: Option<u32>,
}

pub fn run(args: Args) -> crate::Result<Outcome> {
    if args.files.is_empty() && args.manifest.is_none() && !args.stream {
        return Err(Error::usage(
            "build needs documents: give FILE..., --manifest FILE or --stream",
        ));
    }
    let dct = args.dct.as_deref().map(document::parse_dct).transpose()?;
    if args.stream {
        return build_stream(&args, dct);
    }
    let mopts = document::ManifestOptions {
        allow_outside: args.allow_outside,
    };
    let (docs, errors) = load_documents(
        &args.files,
        args.manifest.as_deref(),
        dct,
        args.max_document_bytes,
        &mopts,
    )?;
    if !errors.is_empty() {
        let n = errors.len();
        for e in &errors {
            super::console::error(e);
        }
        return Err(Error::usage(format!(
            "{n} document(s) could not be read; nothing was written"
        )));
    }
    super::input::report_warnings(&docs);
    super::input::unique_ids(&docs)?;
    let title = args
        .title
        .clone()
        .or_else(|| default_title(args.manifest.as_deref(), &args.files, &docs));
    let inputs: Vec<PathBuf> = docs
        .iter()
        .map(|d| d.path.clone())
        .chain(args.manifest.clone())
        .collect();
    let base = super::output::base(args.output.as_deref());
    let popts = crate::pipeline::Options {
        title,
        base,
        limits: crate::pipeline::Limits {
            max_document_bytes: args.max_document_bytes,
            max_events: args.max_events,
        },
        about: args.select.entity(),
        top: args.select.top,
        min_sources: args.select.min_sources,
    };
    let bopts = crate::batch::Options::jobs_or_all(args.jobs);
    bopts.warn_if_capped();
    let timeline = crate::batch::try_install(&bopts, || crate::pipeline::build(&docs, &popts))??;
    let n_conflicts = timeline.conflicts.len();
    let out = args.format.write(&timeline, args.all)?;
    super::console::info(&format!(
        "{} documents, {} events, {} relations",
        timeline.documents.len(),
        timeline.events.len(),
        timeline.relations.len()
    ));
    super::write_output(args.output.as_deref(), &out, &inputs)?;
    if n_conflicts > 0 {
        super::console::warning(&format!(
            "the timeline has {n_conflicts} conflict(s); see `conflicts:` or run `tempograph check`"
        ));
    }
    Ok(Outcome::Ok)
}

/// `--stream`: documents as JSON Lines on stdin, extracted and assembled in one process.
fn build_stream(args: &Args, dct: Option<chrono::NaiveDate>) -> crate::Result<Outcome> {
    let limits = crate::pipeline::Limits {
        max_document_bytes: args.max_document_bytes,
        max_events: args.max_events,
    };
    let popts = crate::pipeline::Options {
        title: args.title.clone(),
        base: super::output::base(args.output.as_deref()),
        limits,
        about: args.select.entity(),
        top: args.select.top,
        min_sources: args.select.min_sources,
    };
    let timeline = stream_timeline(dct, args.jobs, limits, popts)?;
    let out = args.format.write(&timeline, args.all)?;
    super::write_output(args.output.as_deref(), &out, &[])?;
    if !timeline.conflicts.is_empty() {
        let n = timeline.conflicts.len();
        super::console::warning(&format!(
            "the timeline has {n} conflict(s); see `conflicts:` or run `tempograph check`"
        ));
    }
    Ok(Outcome::Ok)
}

/// extract + assemble in one process, through the same record lines as a cluster run, so
/// that both give the same bytes.
fn stream_timeline(
    dct: Option<chrono::NaiveDate>,
    jobs: Option<u32>,
    limits: crate::pipeline::Limits,
    mut popts: crate::pipeline::Options,
) -> crate::Result<crate::timeline::Timeline> {
    let bopts = crate::batch::Options::jobs_or_all(jobs);
    let mut lines: Vec<u8> = Vec::new();
    let stdin = std::io::stdin();
    super::extract::stream(
        stdin.lock(),
        &mut lines,
        dct,
        &bopts,
        limits,
        crate::stream::MAX_RECORD_BYTES,
    )?;
    let (mut records, mut origins, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    super::assemble::read_lines(
        &lines[..],
        Path::new("<stdin>"),
        &mut records,
        &mut origins,
        &mut errors,
    )?;
    // The output's line n is the input's record n: name the input's lines.
    if !errors.is_empty() {
        let n = errors.len();
        for e in &errors {
            super::console::error(e);
        }
        return Err(Error::usage(format!(
            "{n} document(s) could not be read; nothing was written"
        )));
    }
    let (merged, origins) = tempograph_pipeline::extract::merge(records, origins).map_err(Error::usage)?;
    if popts.title.is_none() {
        popts.title = super::assemble::default_title(&merged);
    }
    crate::batch::try_install(&bopts, || {
        super::assemble::timeline(merged, &origins, &popts, limits.max_events)
    })?
    .map_err(|errors| {
        let n = errors.len();
        for e in &errors {
            super::console::error(e);
        }
        Error::usage(format!("{n} document(s) could not be assembled"))
    })
}
