//! `tempograph tag`: find and normalize temporal expressions in text files.
//!
//! `--manifest sources.yaml` tags the documents it lists with their `published` dates.
//! TimeML files (`.tml`, `.TE3input`) are read as the text inside `<TEXT>` with their DCT;
//! offsets are then into that text.
//!
//! `--format jsonl` prints one JSON object per expression: `file`, `start`, `end` (Unicode
//! character offsets into the file's text), `text`, `type`, `value`, `mod`, `rule`,
//! `anchor`, `anchor_value`, `direction`, `why`. `--format text` (default) prints a table.
use super::Outcome;
use crate::document::{parse_dct, Document};
use crate::text::{Analysis, LineIndex};
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
    #[arg(required_unless_present = "manifest")]
    pub files: Vec<PathBuf>,
    /// A manifest (`sources.yaml`) listing documents with their `published` dates.
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD); default: the document's dateline.
    #[arg(long)]
    pub dct: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(args: Args) -> crate::Result<Outcome> {
    let dct = args.dct.as_deref().map(parse_dct).transpose()?;
    let mut out = String::new();
    let mut failed = false;
    let mut from_manifest = Vec::new();
    if let Some(m) = &args.manifest {
        let (docs, errors) = crate::document::load_manifest(m, dct)?;
        for e in errors {
            eprintln!("tempograph: error: {e:#}");
            failed = true;
        }
        from_manifest = docs;
    }
    let mut queue: Vec<(PathBuf, Option<Document>)> =
        from_manifest.into_iter().map(|d| (d.path.clone(), Some(d))).collect();
    queue.extend(args.files.iter().map(|p| (p.clone(), None)));
    for (path, pre) in queue {
        let path = &path;
        let is_timeml = path.extension().is_some_and(|e| e == "tml" || e == "TE3input");
        let loaded = if let Some(d) = pre {
            Ok(d)
        } else if is_timeml {
            crate::timeml::read(path).and_then(|t| {
                let d = dct.or(t.dct).ok_or_else(|| crate::Error::missing_dct(path))?;
                Ok(Document::from_text(
                    crate::document::doc_id(path),
                    t.text,
                    d,
                    crate::document::DctSource::Timeml,
                ))
            })
        } else {
            Document::load(path, dct)
        };
        let doc = match loaded {
            Ok(d) => d,
            Err(e) => {
                eprintln!("tempograph: error: {e:#}");
                failed = true;
                continue;
            }
        };
        for w in &doc.warnings {
            eprintln!("{w}");
        }
        let analysis = Analysis::new(&doc.text);
        let timexes = timex::tag(&doc.text, &analysis, doc.dct);
        let li = LineIndex::new(&doc.text);
        match args.format {
            Format::Jsonl => {
                for t in &timexes {
                    let o = json!({
                        "file": path.display().to_string(),
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
                    });
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
    }
    super::write_output(None, &out, &[])?;
    if failed {
        return Err(crate::Error::usage("some files could not be tagged"));
    }
    Ok(Outcome::Ok)
}
