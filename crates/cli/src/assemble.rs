//! `tempograph assemble`: the reduce step of a distributed build. Extraction records (from
//! `tempograph extract`, or partials from `assemble --partial`) in, a timeline out.
//!
//! ```text
//! tempograph assemble [FILE|-]... [-o OUT]                 # the timeline (YAML)
//! tempograph assemble [FILE|-]... --partial [-o OUT]       # the merged records (a partial)
//! tempograph assemble [FILE|-]... --group-by KEY --out-dir DIR   # one timeline per key
//! ```
//! Without FILE, records are read from stdin. Every line is read and checked before anything
//! is written: a line that is not a record (or is an `extract --stream` error line) is an
//! error naming its file and line, all such errors are listed, and nothing is written (exit
//! 2). The merge is associative (see [`tempograph_pipeline::extract`]), so partials may be merged in any
//! grouping and order.

use super::Outcome;
use crate::pipeline::Limits;
use rayon::prelude::*;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use tempograph_core::error::Error;
use tempograph_pipeline::extract::{GroupBy, Record};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files of record lines (`-`: stdin; none: stdin).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Write the merged records (sorted, duplicates dropped) instead of a timeline: a partial
    /// result that `assemble` reads like any other records.
    #[arg(long, conflicts_with_all = ["group_by", "format"])]
    pub partial: bool,
    /// One timeline per value of this record field: `story`, `entity` (the `entities` field;
    /// each timeline is about its entity, as with `--about`), or any other field of the stream
    /// records (`title`, `kind` too). Needs --out-dir.
    #[arg(long, value_name = "KEY", requires = "out_dir", conflicts_with = "about")]
    pub group_by: Option<String>,
    /// With --group-by: the folder the timelines are written to, one `KEY.yaml` each.
    #[arg(long, value_name = "DIR", requires = "group_by", conflicts_with = "output")]
    pub out_dir: Option<PathBuf>,
    /// Title of the timeline (default: what `extract` recorded, else the first document's).
    #[arg(long)]
    pub title: Option<String>,
    /// `yaml` (the timeline) or `table` (a readable summary).
    #[arg(long, value_enum)]
    pub format: Option<super::output::Format>,
    /// Write here (atomically) instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Refuse a timeline whose documents have more events than this together.
    #[arg(long, value_name = "N", default_value_t = Limits::DEFAULT_MAX_EVENTS)]
    pub max_events: u64,
    #[command(flatten)]
    pub select: super::select::Selection,
    /// Worker threads (default: one per core). Output is identical whatever the number.
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub jobs: Option<u32>,
}

/// What an input line was expected to be.
const EXPECTED: &str =
    "an extraction record (one JSON object per line, `format: tempograph-extract/1`, as `tempograph extract` writes)";

/// Read every record of `files` (stdin for none or `-`). Returns the records with their
/// origins (`file:line`) and every error.
pub fn read_records(files: &[PathBuf]) -> (Vec<Record>, Vec<String>, Vec<Error>) {
    let mut records = Vec::new();
    let mut origins = Vec::new();
    let mut errors = Vec::new();
    let stdin = [PathBuf::from("-")];
    let files = if files.is_empty() { &stdin[..] } else { files };
    for f in files {
        let (name, reader): (PathBuf, Box<dyn BufRead>) = if f.as_os_str() == "-" {
            (PathBuf::from("<stdin>"), Box::new(std::io::stdin().lock()))
        } else {
            match std::fs::File::open(f) {
                Ok(h) => (f.clone(), Box::new(std::io::BufReader::new(h))),
                Err(e) => {
                    errors.push(Error::io(f, e));
                    continue;
                }
            }
        };
        if let Err(e) = read_lines(reader, &name, &mut records, &mut origins, &mut errors) {
            errors.push(e);
        }
    }
    (records, origins, errors)
}

/// Read the record lines of one input.
pub fn read_lines(
    mut reader: impl BufRead,
    name: &Path,
    records: &mut Vec<Record>,
    origins: &mut Vec<String>,
    errors: &mut Vec<Error>,
) -> crate::Result<()> {
    let mut buf = Vec::new();
    let mut line = 0usize;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|e| Error::io(name, e))?;
        if n == 0 {
            return Ok(());
        }
        line += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(&buf, line, name) {
            Ok(r) => {
                records.push(r);
                origins.push(format!("{}:{line}", name.display()));
            }
            Err(e) => errors.push(e),
        }
    }
}

/// One line as a record, or an error at its line and column.
pub fn parse_line(raw: &[u8], line: usize, name: &Path) -> crate::Result<Record> {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let text = std::str::from_utf8(raw).map_err(|e| {
        let at = e.valid_up_to();
        let col = std::str::from_utf8(&raw[..at]).map_or(at, |p| p.chars().count()) + 1;
        Error::invalid_utf8(name, line, col, at)
    })?;
    match serde_json::from_str::<Record>(text) {
        Ok(r) => Ok(r),
        Err(e) => {
            // An `extract --stream` error line: say what went wrong upstream.
            if let Ok(serde_json::Value::Object(m)) = serde_json::from_str::<serde_json::Value>(text) {
                if let (Some(err), false) = (m.get("error").and_then(|v| v.as_str()), m.contains_key("format")) {
                    let id = m.get("id").and_then(|v| v.as_str()).unwrap_or("?");
                    return Err(Error::parse_at(
                        name,
                        Some(line),
                        Some(1),
                        EXPECTED,
                        format!("the error line of document `{id}`, which could not be extracted: {err}"),
                    ));
                }
            }
            let byte = e.column().saturating_sub(1).min(text.len());
            let byte = (0..=byte).rev().find(|&b| text.is_char_boundary(b)).unwrap_or(0);
            let col = text[..byte].chars().count() + 1;
            let mut msg = e.to_string();
            if let Some(i) = msg.find(" at line ") {
                msg.truncate(i);
            }
            let found = match e.classify() {
                serde_json::error::Category::Data => msg,
                _ => format!("invalid JSON ({msg})"),
            };
            Err(Error::parse_at(name, Some(line), Some(col), EXPECTED, found))
        }
    }
}

/// The timeline of `records` (already merged: sorted, unique ids), each checked first. `Err`
/// lists every record that fails its check (by `origins`) or the limit crossed.
pub fn timeline(
    records: Vec<Record>,
    origins: &[String],
    popts: &crate::pipeline::Options,
    max_events: u64,
) -> Result<crate::timeline::Timeline, Vec<Error>> {
    let checked: Vec<Result<(crate::document::Document, tempograph_pipeline::extract::Parts), String>> =
        records.into_par_iter().map(Record::check).collect();
    let mut docs = Vec::with_capacity(checked.len());
    let mut parts = Vec::with_capacity(checked.len());
    let mut errors = Vec::new();
    let mut total = 0u64;
    for (c, origin) in checked.into_iter().zip(origins) {
        match c {
            Ok((d, p)) => {
                total += p.events() as u64;
                if total > max_events {
                    return Err(vec![Error::limit(
                        origin,
                        "events in all documents up to this one",
                        total,
                        max_events,
                        "--max-events",
                    )]);
                }
                docs.push(d);
                parts.push(p);
            }
            Err(e) => errors.push(Error::parse(None, EXPECTED, format!("{origin}: {e}"))),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let analyzed: Vec<crate::pipeline::Analyzed> = docs.par_iter().zip(parts).map(|(d, p)| p.analyzed(d)).collect();
    Ok(crate::pipeline::finish(&analyzed, popts))
}

/// The title a timeline of `records` gets without `--title`: what `extract` recorded, else
/// the first document's title or id (as `build` does).
pub fn default_title(records: &[Record]) -> Option<String> {
    let first = records.first()?;
    first
        .timeline_title
        .clone()
        .or_else(|| first.title.clone())
        .or_else(|| Some(first.id.clone()))
}

fn fail(errors: Vec<Error>) -> crate::Result<Outcome> {
    let n = errors.len();
    for e in &errors {
        super::console::error(e);
    }
    Err(Error::usage(format!(
        "{n} problem(s) in the records; nothing was written"
    )))
}

pub fn run(args: Args) -> crate::Result<Outcome> {
    let (records, origins, errors) = read_records(&args.files);
    if !errors.is_empty() {
        return fail(errors);
    }
    let (merged, origins) = tempograph_pipeline::extract::merge(records, origins).map_err(Error::usage)?;
    let inputs: Vec<PathBuf> = args.files.iter().filter(|f| f.as_os_str() != "-").cloned().collect();
    if args.partial {
        let mut out = String::new();
        for r in &merged {
            out.push_str(&r.to_line());
            out.push('\n');
        }
        super::write_output(args.output.as_deref(), out, &inputs)?;
        return Ok(Outcome::Ok);
    }
    let bopts = crate::batch::Options::jobs_or_all(args.jobs);
    bopts.warn_if_capped();
    let base = super::output::base;
    let popts =
        |title: Option<String>, about: Option<crate::focus::Entity>, base: Option<PathBuf>| crate::pipeline::Options {
            title,
            base,
            limits: Limits {
                max_document_bytes: Limits::DEFAULT_MAX_DOCUMENT_BYTES,
                max_events: args.max_events,
            },
            about,
            top: args.select.top,
            min_sources: args.select.min_sources,
        };
    let format = args.format.unwrap_or(super::output::Format::Yaml);
    let render = |t: &crate::timeline::Timeline| format.write(t, false);
    let Some(key) = args.group_by.as_deref() else {
        if merged.is_empty() {
            return Err(Error::usage("assemble read no records"));
        }
        let title = args.title.clone().or_else(|| default_title(&merged));
        let about = args.select.entity();
        let o = popts(title, about, base(args.output.as_deref()));
        let t = crate::batch::try_install(&bopts, || timeline(merged, &origins, &o, args.max_events))?;
        let t = match t {
            Ok(t) => t,
            Err(errors) => return fail(errors),
        };
        super::write_output(args.output.as_deref(), render(&t)?, &inputs)?;
        warn_conflicts(&t, None);
        return Ok(Outcome::Ok);
    };
    let group_by = GroupBy::parse(key);
    let mut groups: std::collections::BTreeMap<String, (Vec<Record>, Vec<String>)> = Default::default();
    let mut keyless = 0usize;
    let mut errors = Vec::new();
    for (r, o) in merged.into_iter().zip(origins) {
        match group_by.keys(&r) {
            Ok(keys) if keys.is_empty() => keyless += 1,
            Ok(keys) => {
                for k in keys {
                    let g = groups.entry(k).or_default();
                    g.0.push(r.clone());
                    g.1.push(o.clone());
                }
            }
            Err(e) => errors.push(Error::parse(
                None,
                format!("a `{key}` field to group by"),
                format!("{o}: {e}"),
            )),
        }
    }
    if !errors.is_empty() {
        return fail(errors);
    }
    if keyless > 0 {
        super::console::warning(&format!("{keyless} document(s) have no `{key}` and are in no timeline"));
    }
    let dir = args.out_dir.clone().unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    // Every timeline is computed before any is written.
    let mut outputs = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for (k, (recs, origins)) in groups {
        let about = (group_by == GroupBy::Entity).then(|| crate::focus::Entity::new(&k, &[]));
        let title = args.title.clone().or_else(|| Some(k.clone()));
        let o = popts(title, about, Some(dir.clone()));
        let t = match crate::batch::try_install(&bopts, || timeline(recs, &origins, &o, args.max_events))? {
            Ok(t) => t,
            Err(errors) => return fail(errors),
        };
        let mut name = file_name(&k);
        let mut n = 2;
        while !names.insert(name.clone()) {
            name = format!("{}-{n}", file_name(&k));
            n += 1;
        }
        let ext = if format == super::output::Format::Yaml {
            "yaml"
        } else {
            "txt"
        };
        outputs.push((dir.join(format!("{name}.{ext}")), render(&t)?, t, k));
    }
    for (path, content, t, k) in &outputs {
        super::write_output(Some(path), content, &inputs)?;
        warn_conflicts(t, Some(k));
    }
    super::console::info(&format!("wrote {} timeline(s) to {}", outputs.len(), dir.display()));
    Ok(Outcome::Ok)
}

fn warn_conflicts(t: &crate::timeline::Timeline, key: Option<&str>) {
    let n = t.conflicts.len();
    if n > 0 {
        let of = key.map(|k| format!(" of `{k}`")).unwrap_or_default();
        super::console::warning(&format!(
            "the timeline{of} has {n} conflict(s); see `conflicts:` or run `tempograph check`"
        ));
    }
}

/// A key as a file name: letters, digits, `.`, `-` and `_` kept, anything else `_`; never
/// empty, never starting with a dot.
fn file_name(key: &str) -> String {
    let mut s: String = key
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    if s.is_empty() || s.starts_with('.') {
        s.insert(0, '_');
    }
    s
}
