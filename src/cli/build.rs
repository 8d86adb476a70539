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

use super::Outcome;
use crate::document::{self, Document};
use crate::error::Error;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plain-text documents (`-` for standard input), or folders whose `*.txt` files are read
    /// in name order. With --manifest: which of its documents.
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
    /// Title of the timeline (default: derived from the manifest's folder or the first document).
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

    /// An entity timeline: only the events this entity takes part in (its name, the aliases
    /// given with `--alias`, an acronym, a surname, and pronouns and descriptions that refer
    /// back to it).
    #[arg(long, value_name = "ENTITY")]
    pub about: Option<String>,
    /// Another name of the `--about` entity (repeatable): `--about "General Motors" --alias GM`.
    #[arg(long, value_name = "NAME", requires = "about")]
    pub alias: Vec<String>,
    /// Keep only the N most salient events (each event's `salience` in the YAML), in time order.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Keep only events told by at least K documents.
    #[arg(long, value_name = "K", default_value_t = 0)]
    pub min_sources: usize,
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

/// What `build` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The YAML timeline (`schema: tempograph/1`).
    Yaml,
    /// The same timeline as JSON (what `render --format json` writes).
    Json,
    /// A table of the ordered events with their dates and derivations, for reading.
    #[value(name = "text", alias = "table")]
    Table,
}

/// Expand folders into their `*.txt` files, sorted by name.
pub fn expand_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Error::io(p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(Error::usage(format!(
                    "{}: folder holds no *.txt documents",
                    p.display()
                )));
            }
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Load the documents named by the arguments. Returns every document that loaded and every
/// error, so all problems are reported at once.
pub fn load_documents(
    files: &[PathBuf],
    manifest: Option<&Path>,
    dct: Option<chrono::NaiveDate>,
    max_document_bytes: u64,
    mopts: &document::ManifestOptions,
) -> Result<(Vec<Document>, Vec<Error>), Error> {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    if let Some(m) = manifest {
        let (d, e) = if files.is_empty() {
            document::load_manifest_with(m, dct, mopts)?
        } else {
            // The files given are which of the manifest's documents to read.
            document::load_manifest_selected(m, dct, mopts, &expand_inputs(files)?)?
        };
        docs.extend(d);
        errors.extend(e);
        return Ok((docs, errors));
    }
    for f in expand_inputs(files)? {
        // Refuse a file past the bound before reading it (its text is at most its size).
        if let Ok(m) = std::fs::metadata(&f) {
            if m.is_file() && m.len() > max_document_bytes {
                errors.push(Error::limit(
                    &f,
                    "bytes",
                    m.len(),
                    max_document_bytes,
                    "--max-document-bytes",
                ));
                continue;
            }
        }
        match super::console::read_document(&f, dct) {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
    }
    Ok((docs, errors))
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
    for d in &docs {
        for w in &d.warnings {
            super::console::document_warning(w);
        }
    }
    let mut ids = std::collections::BTreeSet::new();
    for d in &docs {
        if !ids.insert(d.id.clone()) {
            return Err(Error::usage(format!(
                "two documents have the id `{}` (file name without extension); rename one",
                d.id
            )));
        }
    }
    let title = args
        .title
        .clone()
        .or_else(|| default_title(args.manifest.as_deref(), &docs));
    let inputs: Vec<PathBuf> = docs
        .iter()
        .map(|d| d.path.clone())
        .chain(args.manifest.clone())
        .collect();
    let base = match &args.output {
        Some(o) => o.parent().map(|p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p.to_path_buf()
            }
        }),
        None => Some(PathBuf::from(".")),
    };
    let popts = crate::pipeline::Options {
        title,
        base,
        limits: crate::pipeline::Limits {
            max_document_bytes: args.max_document_bytes,
            max_events: args.max_events,
        },
        about: args.about.as_deref().map(|a| crate::focus::Entity::new(a, &args.alias)),
        top: args.top,
        min_sources: args.min_sources,
    };
    let bopts = crate::batch::Options::jobs_or_all(args.jobs);
    bopts.warn_if_capped();
    let timeline = crate::batch::try_install(&bopts, || crate::pipeline::build(&docs, &popts))??;
    let n_conflicts = timeline.conflicts.len();
    let out = match args.format {
        Format::Yaml => timeline.to_yaml()?,
        Format::Json => crate::render::render(&timeline, crate::render::Format::Json)?,
        Format::Table => table_with(&timeline, args.all),
    };
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

/// `--stream`: see [`super::assemble::build_stream`].
fn build_stream(args: &Args, dct: Option<chrono::NaiveDate>) -> crate::Result<Outcome> {
    let limits = crate::pipeline::Limits {
        max_document_bytes: args.max_document_bytes,
        max_events: args.max_events,
    };
    let popts = crate::pipeline::Options {
        title: args.title.clone(),
        base: args.output.as_ref().map_or(Some(PathBuf::from(".")), |o| {
            o.parent().map(|p| {
                if p.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    p.to_path_buf()
                }
            })
        }),
        limits,
        about: args.about.as_deref().map(|a| crate::focus::Entity::new(a, &args.alias)),
        top: args.top,
        min_sources: args.min_sources,
    };
    let timeline = super::assemble::build_stream(dct, args.jobs, limits, popts)?;
    let out = match args.format {
        Format::Yaml => timeline.to_yaml()?,
        Format::Json => crate::render::render(&timeline, crate::render::Format::Json)?,
        Format::Table => table_with(&timeline, args.all),
    };
    super::write_output(args.output.as_deref(), &out, &[])?;
    if !timeline.conflicts.is_empty() {
        let n = timeline.conflicts.len();
        super::console::warning(&format!(
            "the timeline has {n} conflict(s); see `conflicts:` or run `tempograph check`"
        ));
    }
    Ok(Outcome::Ok)
}

pub fn default_title(manifest: Option<&Path>, docs: &[Document]) -> Option<String> {
    if let Some(m) = manifest {
        let dir = m.canonicalize().ok()?.parent()?.to_path_buf();
        // `timelines/NAME/sources/sources.yaml` → NAME
        let name = if dir.file_name()? == "sources" {
            dir.parent()?.file_name()?
        } else {
            dir.file_name()?
        };
        return Some(name.to_string_lossy().into_owned());
    }
    docs.first().map(|d| d.title.clone().unwrap_or_else(|| d.id.clone()))
}

/// The timeline as a table: one row per event in timeline order, its date, label and the
/// documents that tell it, then how the date was derived.
pub fn table(t: &crate::timeline::Timeline) -> String {
    table_with(t, false)
}

/// [`table`], with the unlisted events too when `all`.
pub fn table_with(t: &crate::timeline::Timeline, all: bool) -> String {
    use std::fmt::Write;
    let short = crate::render::short_ids(t);
    let short = |id: &str| short.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut out = String::new();
    let unlisted = t.events.iter().filter(|e| e.unlisted.is_some()).count();
    let _ = writeln!(
        out,
        "{}: {} events from {} documents, {} conflicts{}\n",
        t.title.as_deref().unwrap_or("timeline"),
        t.events.len(),
        t.documents.len(),
        t.conflicts.len(),
        match (unlisted, all) {
            (0, _) => String::new(),
            (n, false) => format!("; {n} not listed (--all lists them)"),
            (n, true) => format!("; {n} marked not listed"),
        }
    );
    let rows: Vec<(String, &crate::timeline::Event)> = t
        .events
        .iter()
        .filter(|e| all || e.unlisted.is_none())
        .map(|e| {
            let when = match &e.date {
                None => "undated".to_string(),
                Some(d) => match (d.earliest, d.latest, &d.value) {
                    (Some(a), Some(b), _) if a == b => match d.time {
                        Some(t) => format!("{a} {t}"),
                        None => a.to_string(),
                    },
                    (Some(a), Some(b), Some(v)) => format!("{v} ({a} .. {b})"),
                    (Some(a), Some(b), None) => format!("{a} .. {b}"),
                    (None, Some(b), _) => format!("by {b}"),
                    (Some(a), None, _) => format!("from {a}"),
                    (None, None, _) => "undated".to_string(),
                },
            };
            (when, e)
        })
        .collect();
    let width = rows.iter().map(|(w, _)| w.chars().count()).max().unwrap_or(7);
    for (i, (when, e)) in rows.iter().enumerate() {
        let mut told: Vec<String> = Vec::new();
        for s in &e.sources {
            let item = format!("{} \"{}\"", short(&s.document), s.trigger);
            if !told.contains(&item) {
                told.push(item);
            }
        }
        let why = e.unlisted.map(|u| format!("  ({})", u.as_str())).unwrap_or_default();
        let _ = writeln!(out, "{:>3}  {when:<width$}  {}  [{}]{why}", i + 1, e.label, e.id);
        let _ = writeln!(out, "     {:width$}  told by {}", "", told.join(", "));
        if let Some(ends) = e.date.as_ref().and_then(|d| d.ends) {
            let _ = writeln!(out, "     {:width$}  {}", "", crate::render::ends_label(&ends));
        }
        if let Some(der) = e.date.as_ref().and_then(|d| d.derivation.as_ref()) {
            let _ = writeln!(out, "     {:width$}  because {}", "", der.text);
        }
    }
    for c in &t.conflicts {
        let steps: Vec<&str> = c.cycle.iter().map(|e| e.constraint.as_str()).collect();
        let _ = writeln!(out, "\nconflict: {}", steps.join(" -> "));
    }
    out
}
