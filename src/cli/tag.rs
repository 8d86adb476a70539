//! `tempograph tag`: find and normalize temporal expressions in text files.
//!
//! `--manifest sources.yaml` tags the documents it lists with their `published` dates.
//! TimeML files (`.tml`, `.TE3input`) are read as the text inside `<TEXT>` with their DCT;
//! offsets are then into that text.
//!
//! `--format jsonl` prints one JSON object per expression: `file`, `start`, `end` (Unicode
//! character offsets into the file's text), `text`, `type`, `value`, `mod`, `rule`,
//! `anchor`, `anchor_value`, `direction`, `why`. `--format text` (default) prints a table.
//!
//! Files are tagged in parallel (`--jobs N`, default one thread per core) and printed in the
//! order given: the output is byte-identical whatever the number of threads. `--stream`
//! reads JSON Lines `{"id", "published", "text"}` on stdin instead and writes one line per
//! document, `{"id", "published", "timexes": [...]}` (see [`crate::stream`], `docs/SCALING.md`).
use super::Outcome;
use crate::document::{parse_dct, Document};
use crate::text::LineIndex;
use crate::timex;
use serde_json::json;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A human-readable table.
    Text,
    /// One JSON object per line per expression.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Text files to tag.
    #[arg(required_unless_present_any = ["stream", "manifest"], conflicts_with = "stream")]
    pub files: Vec<PathBuf>,
    /// A manifest (`sources.yaml`) listing documents with their `published` dates.
    #[arg(long, conflicts_with = "stream")]
    pub manifest: Option<PathBuf>,
    /// Read JSON Lines documents `{"id", "published", "text"}` on stdin; write one JSON line
    /// per document on stdout, in input order.
    #[arg(long)]
    pub stream: bool,
    #[command(flatten)]
    pub batch: crate::batch::BatchArgs,
    /// Publication date (YYYY-MM-DD); default: the document's dateline.
    #[arg(long)]
    pub dct: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(args: Args) -> crate::Result<Outcome> {
    let dct = args.dct.as_deref().map(parse_dct).transpose()?;
    if args.stream {
        return run_stream(&args, dct);
    }
    let mut out = String::new();
    let mut failed = false;
    let mut jobs: Vec<(PathBuf, Option<Document>)> = Vec::new();
    if let Some(m) = &args.manifest {
        let (docs, errors) = crate::document::load_manifest(m, dct)?;
        for e in errors {
            eprintln!("tempograph: error: {e:#}");
            failed = true;
        }
        jobs.extend(docs.into_iter().map(|d| (d.path.clone(), Some(d))));
    }
    jobs.extend(args.files.iter().map(|p| (p.clone(), None)));
    let opts = args.batch.options("files");
    let results = crate::batch::map(&jobs, &opts, |(path, pre)| {
        tag_file(path, pre.clone(), dct, args.format)
    });
    for r in results {
        match r {
            Ok((text, warnings)) => {
                for w in &warnings {
                    eprintln!("{w}");
                }
                out.push_str(&text);
            }
            Err(e) => {
                eprintln!("tempograph: error: {e:#}");
                failed = true;
            }
        }
    }
    super::write_output(None, &out, &[])?;
    if failed {
        return Err(crate::Error::usage("some files could not be tagged"));
    }
    Ok(Outcome::Ok)
}

/// One expression as a JSON object (offsets in Unicode characters).
fn timex_json(t: &timex::Timex, li: &LineIndex) -> serde_json::Value {
    json!({
        "start": li.char_offset(t.span.start),
        "end": li.char_offset(t.span.end),
        "text": t.text,
        "type": t.kind.as_str(),
        "value": t.value,
        "mod": t.modifier,
        "rule": t.rule,
        "anchor": t.derivation.anchor,
        "anchor_value": t.derivation.anchor_value,
        "direction": t.derivation.direction,
        "why": t.derivation.why,
    })
}

/// The output for one file, and the warnings to print before it.
fn tag_file(
    path: &std::path::Path,
    pre: Option<Document>,
    dct: Option<chrono::NaiveDate>,
    format: Format,
) -> crate::Result<(String, Vec<crate::document::Warning>)> {
    let is_timeml = path.extension().is_some_and(|e| e == "tml" || e == "TE3input");
    let doc = if let Some(d) = pre {
        d
    } else if is_timeml {
        let t = crate::timeml::read(path)?;
        let d = dct.or(t.dct).ok_or_else(|| crate::Error::missing_dct(path))?;
        Document::from_text(
            crate::document::doc_id(path),
            t.text,
            d,
            crate::document::DctSource::Timeml,
        )
    } else {
        Document::load(path, dct)?
    };
    let timexes = timex::tag_text(&doc.text, doc.dct);
    let li = LineIndex::new(&doc.text);
    let mut out = String::new();
    match format {
        Format::Jsonl => {
            let file = serde_json::Value::String(path.display().to_string());
            for t in &timexes {
                let mut o = timex_json(t, &li);
                if let Some(m) = o.as_object_mut() {
                    m.insert("file".to_string(), file.clone());
                }
                out.push_str(&o.to_string());
                out.push('\n');
            }
        }
        Format::Text => {
            out.push_str(&format!("# {} (DCT {})\n", path.display(), doc.dct));
            for t in &timexes {
                let (l, c) = li.line_col(t.span.start);
                out.push_str(&format!(
                    "{l}:{c}\t{}\t{}\t{}\t{}\t{}\n",
                    t.text.replace('\n', " "),
                    t.kind.as_str(),
                    t.value,
                    t.rule,
                    t.derivation.why
                ));
            }
        }
    }
    Ok((out, doc.warnings))
}

/// `--stream`: JSON Lines in, one line per document out.
fn run_stream(args: &Args, dct: Option<chrono::NaiveDate>) -> crate::Result<Outcome> {
    let opts = args.batch.options("documents");
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let summary = crate::stream::run(
        stdin.lock(),
        std::io::BufWriter::new(stdout.lock()),
        std::path::Path::new("<stdin>"),
        dct,
        &opts,
        |doc| {
            let timexes = timex::tag_text(&doc.text, doc.dct);
            let li = LineIndex::new(&doc.text);
            let list: Vec<serde_json::Value> = timexes.iter().map(|t| timex_json(t, &li)).collect();
            Ok(json!({ "published": doc.dct.to_string(), "timexes": list }))
        },
    )?;
    // A bad record is an error *line*, data like any other: the exit status stays 0 so that
    // one bad record does not fail a whole Spark / Hadoop Streaming task.
    if summary.errors > 0 {
        eprintln!(
            "tempograph: {} of {} records could not be tagged (see their \"error\" lines)",
            summary.errors, summary.records
        );
    }
    Ok(Outcome::Ok)
}
