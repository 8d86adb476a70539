//! `tempograph extract`: the map step of a distributed build. One self-contained JSON line
//! per document ([`tempograph_pipeline::extract::Record`]), which `tempograph assemble` turns into a
//! timeline.
//!
//! ```text
//! tempograph extract FILE|DIR... [--dct DATE | --manifest FILE] [-o OUT]
//! tempograph extract --stream [--dct DATE] < docs.jsonl > records.jsonl
//! ```
//! Files and manifests: the records are numbered (`seq`) in the order `build` reads the
//! documents, so `extract ... | assemble` writes the bytes `build ...` writes. A document that
//! cannot be read or analysed is reported on stderr, the others are written, and the exit
//! status is 2 at the end. `--stream` reads JSON Lines like `tag --stream` (`id`, `published`,
//! `text`; also `seq`, `title`, `kind`, `path`; any other field is kept for `assemble
//! --group-by`) and writes one record line per input line, in input order; a record that
//! cannot be processed gets an error line (`{"id", "line", "error"}`) and the stream goes on.

use super::Outcome;
use crate::pipeline::Limits;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use tempograph_core::error::Error;
use tempograph_pipeline::extract::Record;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plain-text documents, TimeML files (`*.tml`), or folders whose `*.txt` and `*.tml`
    /// files are read in name order.
    #[arg(value_name = "FILE", conflicts_with = "stream")]
    pub files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for every document (with --stream: for records without
    /// `published`); wins over datelines.
    #[arg(long, value_name = "DATE", conflicts_with = "manifest")]
    pub dct: Option<String>,
    /// A manifest listing documents with `file`, `title`, `kind`, `published`.
    #[arg(long, value_name = "FILE", conflicts_with = "stream")]
    pub manifest: Option<PathBuf>,
    /// Let manifest entries name files outside the manifest's folder.
    #[arg(long, requires = "manifest")]
    pub allow_outside: bool,
    /// Read JSON Lines documents on stdin, write one record line per document on stdout.
    #[arg(long)]
    pub stream: bool,
    /// With --stream: the longest input line processed, in bytes; a longer one gets an error
    /// line.
    #[arg(long, value_name = "BYTES", requires = "stream", default_value_t = crate::stream::MAX_RECORD_BYTES)]
    pub max_record_bytes: usize,
    /// The title `assemble` gives the timeline (default: as `build` would, from the manifest's
    /// folder or the first document).
    #[arg(long, conflicts_with = "stream")]
    pub title: Option<String>,
    /// Write the records here (atomically) instead of stdout.
    #[arg(short, long, value_name = "OUT", conflicts_with = "stream")]
    pub output: Option<PathBuf>,
    /// Refuse (naming it) a document with more bytes of text than this.
    #[arg(long, value_name = "N", default_value_t = Limits::DEFAULT_MAX_DOCUMENT_BYTES)]
    pub max_document_bytes: u64,
    /// Refuse (naming it) a document with more events than this.
    #[arg(long, value_name = "N", default_value_t = Limits::DEFAULT_MAX_EVENTS)]
    pub max_events: u64,
    #[command(flatten)]
    pub batch: crate::batch::BatchArgs,
}

/// Documents analysed at a time (their analyses are dropped once written).
const CHUNK: usize = 64;

pub fn run(args: Args) -> crate::Result<Outcome> {
    let dct = args.dct.as_deref().map(crate::document::parse_dct).transpose()?;
    let limits = Limits {
        max_document_bytes: args.max_document_bytes,
        max_events: args.max_events,
    };
    let opts = args.batch.options("documents");
    opts.warn_if_capped();
    if args.stream {
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        let summary = stream(
            stdin.lock(),
            std::io::BufWriter::new(stdout.lock()),
            dct,
            &opts,
            limits,
            args.max_record_bytes,
        )?;
        if summary.errors > 0 {
            eprintln!(
                "tempograph: {} of {} records could not be extracted (see their \"error\" lines)",
                summary.errors, summary.records
            );
        }
        return Ok(Outcome::Ok);
    }
    if args.files.is_empty() && args.manifest.is_none() {
        return Err(Error::usage(
            "extract needs documents: give FILE..., --manifest FILE or --stream",
        ));
    }
    let mopts = crate::document::ManifestOptions {
        allow_outside: args.allow_outside,
    };
    let (docs, errors) = super::input::load_documents(
        &args.files,
        args.manifest.as_deref(),
        dct,
        args.max_document_bytes,
        &mopts,
    )?;
    let mut failed = errors.len();
    for e in &errors {
        super::console::error(e);
    }
    super::input::report_warnings(&docs);
    super::input::unique_ids(&docs)?;
    let title = args
        .title
        .clone()
        .or_else(|| super::input::default_title(args.manifest.as_deref(), &args.files, &docs));
    let inputs: Vec<PathBuf> = docs
        .iter()
        .map(|d| d.path.clone())
        .chain(args.manifest.clone())
        .collect();
    let mut buffered: Vec<u8> = Vec::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let pool = crate::batch::Pool::try_new(&opts)?;
    let numbered: Vec<(u64, &crate::document::Document)> = (0..).zip(&docs).collect();
    for chunk in numbered.chunks(CHUNK) {
        let lines = pool.map(chunk, |&(seq, d)| -> crate::Result<String> {
            limits.check_document(d)?;
            let a = crate::pipeline::try_analyze(d, limits.max_events)?;
            Ok(Record::new(&a, Some(seq), title.clone(), BTreeMap::new()).to_line())
        });
        for line in lines {
            match line {
                Ok(l) => {
                    let w = if args.output.is_some() {
                        buffered.extend_from_slice(l.as_bytes());
                        buffered.push(b'\n');
                        Ok(())
                    } else {
                        out.write_all(l.as_bytes()).and_then(|_| out.write_all(b"\n"))
                    };
                    w.map_err(super::output::stdout_error)?;
                }
                Err(e) => {
                    failed += 1;
                    super::console::error(&e);
                }
            }
        }
    }
    out.flush().map_err(super::output::stdout_error)?;
    if let Some(o) = &args.output {
        super::write_output(Some(o), &buffered, &inputs)?;
    }
    if failed > 0 {
        eprintln!("tempograph: {failed} document(s) could not be extracted; the others were written");
        return Ok(Outcome::Failed);
    }
    Ok(Outcome::Ok)
}

/// `--stream`: JSON Lines documents in, one record line (or error line) per document out.
pub fn stream<R: std::io::BufRead, W: Write>(
    input: R,
    output: W,
    dct: Option<chrono::NaiveDate>,
    opts: &crate::batch::Options,
    limits: Limits,
    max_record_bytes: usize,
) -> crate::Result<crate::stream::Summary> {
    let slimits = crate::stream::Limits { max_record_bytes };
    crate::stream::run_raw(input, output, Path::new("<stdin>"), dct, opts, &slimits, |doc, raw| {
        let extra = Extra::of(raw)?;
        limits.check_document(doc)?;
        let a = crate::pipeline::try_analyze(doc, limits.max_events)?;
        let mut r = Record::new(&a, extra.seq, None, extra.fields);
        r.title = extra.title;
        r.kind = extra.kind;
        if let Some(p) = extra.path {
            r.path = p;
        }
        Ok(StreamRecord(r))
    })
}

/// A record written after the stream's `{"id": ...` prefix.
struct StreamRecord(Record);

impl serde::Serialize for StreamRecord {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.body().serialize(s)
    }
}

/// A stream record's fields besides `id`, `published` and `text`.
struct Extra {
    seq: Option<u64>,
    title: Option<String>,
    kind: Option<String>,
    path: Option<String>,
    fields: BTreeMap<String, serde_json::Value>,
}

impl Extra {
    fn of(raw: &[u8]) -> crate::Result<Extra> {
        let bad = |field: &str, expected: &str, v: &serde_json::Value| {
            let mut found = v.to_string();
            if found.len() > 40 {
                let mut cut = 40;
                while !found.is_char_boundary(cut) {
                    cut -= 1;
                }
                found.truncate(cut);
                found.push('…');
            }
            Error::parse(None, format!("`{field}`: {expected}"), found)
        };
        // The record was read as an object already (`stream::parse_json`).
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(raw).map_err(|e| Error::parse(None, "a JSON object", e.to_string()))?;
        let mut x = Extra {
            seq: None,
            title: None,
            kind: None,
            path: None,
            fields: BTreeMap::new(),
        };
        for (k, v) in map {
            match k.as_str() {
                "id" | "published" | "text" => {}
                "seq" => x.seq = Some(v.as_u64().ok_or_else(|| bad("seq", "a whole number from 0", &v))?),
                "title" | "kind" | "path" => {
                    let s = match &v {
                        serde_json::Value::String(s) => s.clone(),
                        serde_json::Value::Null => continue,
                        _ => return Err(bad(&k, "a string", &v)),
                    };
                    match k.as_str() {
                        "title" => x.title = Some(s),
                        "kind" => x.kind = Some(s),
                        _ => x.path = Some(s),
                    }
                }
                _ => {
                    x.fields.insert(k, v);
                }
            }
        }
        Ok(x)
    }
}
