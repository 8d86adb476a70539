//! `tempograph tag`: find and normalize temporal expressions in text files (`-`: standard
//! input).
//!
//! `--manifest sources.yaml` tags the documents it lists with their `published` dates;
//! `--manifest sources.yaml a.txt` tags `a.txt` only, with its entry's date.
//! TimeML files (`.tml`, `.TE3input`) are read as the text inside `<TEXT>` with their DCT;
//! offsets are then into that text.
//!
//! `--lang de` reads the texts as German (default `en`; `src/lang/` has the languages); a
//! manifest entry's `language:` sets it for one document.
//!
//! `--format jsonl` prints one JSON object per expression: `file`, `start`, `end` (Unicode
//! character offsets into the file's text), `text`, `type`, `value`, `mod`, `rule`,
//! `anchor`, `anchor_value`, `direction`, `why`; `--format json` the same objects as one
//! array. `--format text` (default; `table` is an alias) prints a table.
//!
//! Files are tagged in parallel (`--jobs N`, default one thread per core) and printed in the
//! order given: the output is byte-identical whatever the number of threads. `--stream`
//! reads JSON Lines `{"id", "published", "text"}` on stdin instead and writes one line per
//! document, `{"id", "published", "timexes": [...]}` (see [`crate::stream`], `docs/SCALING.md`).
use super::Outcome;
use crate::document::{parse_dct, Document};
use crate::text::LineIndex;
use crate::timex;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A human-readable table.
    #[value(alias = "table")]
    Text,
    /// One JSON object per line per expression.
    Jsonl,
    /// One JSON array of the same objects.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Text files to tag (`-` for standard input). With --manifest: which of its documents.
    #[arg(required_unless_present_any = ["stream", "manifest"], conflicts_with = "stream")]
    pub files: Vec<PathBuf>,
    /// A manifest (`sources.yaml`) listing documents with their `published` dates; with
    /// FILE... only those of its documents are tagged.
    #[arg(long, conflicts_with = "stream")]
    pub manifest: Option<PathBuf>,
    /// Let manifest entries name files outside the manifest's folder.
    #[arg(long, requires = "manifest")]
    pub allow_outside: bool,
    /// Read JSON Lines documents `{"id", "published", "text"}` on stdin; write one JSON line
    /// per document on stdout, in input order.
    #[arg(long)]
    pub stream: bool,
    /// With --stream: the longest record processed, in bytes (suffixes K, M, G: powers of
    /// 1024). A longer record gets an error line and the stream goes on.
    #[arg(long, value_name = "BYTES", requires = "stream", default_value = "16M", value_parser = parse_bytes)]
    pub max_record_bytes: usize,
    #[command(flatten)]
    pub batch: crate::batch::BatchArgs,
    /// Publication date (YYYY-MM-DD); default: the document's dateline.
    #[arg(long)]
    pub dct: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write here (atomically) instead of standard output (not with --stream).
    #[arg(short, long, value_name = "FILE", conflicts_with = "stream")]
    pub output: Option<PathBuf>,
    /// Language of the texts (`en`, `de`): its rules and tense cues find and resolve the
    /// expressions. A manifest entry's `language:` wins for its document.
    #[arg(long, value_name = "CODE", default_value = "en", value_parser = parse_lang)]
    pub lang: String,
}

/// A language code the project has a package for (`src/lang/`), lower-cased.
fn parse_lang(s: &str) -> Result<String, String> {
    crate::lang::by_code(s.trim())
        .map(|l| l.code().to_string())
        .ok_or_else(|| format!("expected a language code ({}), found `{s}`", crate::lang::codes()))
}

/// `1048576`, `512K`, `16M`, `1G` (powers of 1024); at least 1.
fn parse_bytes(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (num, shift) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (&t[..i], 10),
        Some((i, 'M' | 'm')) => (&t[..i], 20),
        Some((i, 'G' | 'g')) => (&t[..i], 30),
        _ => (t, 0),
    };
    let n: usize = num
        .parse()
        .map_err(|_| format!("expected a number of bytes such as 16M or 1048576, found `{s}`"))?;
    let n = n
        .checked_mul(1usize << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("expected a size from 1 byte to {} bytes, found `{s}`", usize::MAX))?;
    Ok(n)
}

pub fn run(args: Args) -> crate::Result<Outcome> {
    let dct = args.dct.as_deref().map(parse_dct).transpose()?;
    let lang = crate::lang::by_code(&args.lang).unwrap_or_else(crate::lang::english);
    if args.stream {
        return run_stream(&args, dct);
    }
    let mut out = String::new();
    let mut failed = false;
    let mut jobs: Vec<(PathBuf, Option<Document>)> = Vec::new();
    if let Some(m) = &args.manifest {
        let mopts = crate::document::ManifestOptions {
            allow_outside: args.allow_outside,
        };
        let (docs, errors) = if args.files.is_empty() {
            crate::document::load_manifest_with(m, dct, &mopts)?
        } else {
            crate::document::load_manifest_selected(m, dct, &mopts, &args.files)?
        };
        for e in errors {
            super::console::error(&e);
            failed = true;
        }
        jobs.extend(docs.into_iter().map(|d| (d.path.clone(), Some(d))));
    } else {
        jobs.extend(args.files.iter().map(|p| (p.clone(), None)));
    }
    let opts = args.batch.options("files");
    opts.warn_if_capped();
    let results = crate::batch::try_map(&jobs, &opts, |(path, pre)| {
        tag_file(path, pre.clone(), dct, args.format, lang)
    })?;
    for r in results {
        match r {
            Ok((text, warnings)) => {
                for w in &warnings {
                    super::console::document_warning(w);
                }
                out.push_str(&text);
            }
            Err(e) => {
                super::console::error(&e);
                failed = true;
            }
        }
    }
    if args.format == Format::Json {
        // The JSON Lines objects, as one array.
        let items: Vec<&str> = out.lines().collect();
        out = if items.is_empty() {
            "[]\n".to_string()
        } else {
            format!("[\n{}\n]\n", items.join(",\n"))
        };
    }
    let inputs: Vec<PathBuf> = jobs
        .iter()
        .map(|(p, _)| p.clone())
        .chain(args.manifest.clone())
        .collect();
    super::write_output(args.output.as_deref(), &out, &inputs)?;
    if failed {
        return Err(crate::Error::usage("some files could not be tagged"));
    }
    Ok(Outcome::Ok)
}

/// One expression as a JSON object (offsets in Unicode characters), its keys in the order
/// the output has always had (alphabetical). Serialized straight from the [`timex::Timex`]:
/// no intermediate `serde_json::Value` per expression (those took about 1 KB each, the
/// bulk of a dense record's memory; see #18).
#[derive(serde::Serialize)]
struct TimexOut<'a> {
    anchor: &'a timex::AnchorKind,
    anchor_value: &'a Option<String>,
    direction: &'a timex::Direction,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(rename = "mod")]
    modifier: &'a Option<String>,
    rule: &'static str,
    start: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    why: &'a str,
}

impl<'a> TimexOut<'a> {
    fn new(t: &'a timex::Timex, li: &LineIndex, file: Option<&'a str>) -> TimexOut<'a> {
        TimexOut {
            anchor: &t.derivation.anchor,
            anchor_value: &t.derivation.anchor_value,
            direction: &t.derivation.direction,
            end: li.char_offset(t.span.end),
            file,
            modifier: &t.modifier,
            rule: t.rule,
            start: li.char_offset(t.span.start),
            text: &t.text,
            kind: t.kind.as_str(),
            value: &t.value,
            why: &t.derivation.why,
        }
    }
}

/// A stream record's result: `{"published", "timexes": [...]}`, serialized expression by
/// expression.
struct Tagged {
    published: String,
    timexes: Vec<timex::Timex>,
    li: LineIndex,
}

impl serde::Serialize for Tagged {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct List<'a>(&'a Tagged);
        impl serde::Serialize for List<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.timexes.iter().map(|t| TimexOut::new(t, &self.0.li, None)))
            }
        }
        let mut st = s.serialize_struct("Tagged", 2)?;
        st.serialize_field("published", &self.published)?;
        st.serialize_field("timexes", &List(self))?;
        st.end()
    }
}

/// The output for one file, and the warnings to print before it.
fn tag_file(
    path: &std::path::Path,
    pre: Option<Document>,
    dct: Option<chrono::NaiveDate>,
    format: Format,
    lang: &'static dyn crate::lang::Language,
) -> crate::Result<(String, Vec<crate::document::Warning>)> {
    let doc = match pre {
        Some(d) => d,
        None => super::console::read_document(path, dct)?,
    };
    let lang = doc.language.as_deref().and_then(crate::lang::by_code).unwrap_or(lang);
    let timexes = timex::tag_text_in(lang, &doc.text, doc.dct);
    let li = LineIndex::new(&doc.text);
    let mut out = String::new();
    let path = if super::console::is_stdin(path) {
        std::path::Path::new("<stdin>")
    } else {
        path
    };
    match format {
        Format::Jsonl | Format::Json => {
            let file = path.display().to_string();
            for t in &timexes {
                let line = serde_json::to_string(&TimexOut::new(t, &li, Some(&file)))
                    .map_err(|e| crate::Error::parse(None, "a result that JSON can represent", e.to_string()))?;
                out.push_str(&line);
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
    let lang = crate::lang::by_code(&args.lang).unwrap_or_else(crate::lang::english);
    let opts = args.batch.options("documents");
    opts.warn_if_capped();
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let limits = crate::stream::Limits {
        max_record_bytes: args.max_record_bytes,
    };
    let summary = crate::stream::run_with(
        stdin.lock(),
        std::io::BufWriter::new(stdout.lock()),
        std::path::Path::new("<stdin>"),
        dct,
        &opts,
        &limits,
        |doc| {
            Ok(Tagged {
                published: doc.dct.to_string(),
                timexes: timex::tag_text_in(lang, &doc.text, doc.dct),
                li: LineIndex::new(&doc.text),
            })
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
