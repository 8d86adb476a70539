//! Reading the documents a command is given: files (plain text, or TimeML by extension),
//! folders of `*.txt` and `*.tml`, standard input, or a manifest; every error collected so
//! that all problems are reported at once.

use crate::document::{self, Document};
use std::path::{Path, PathBuf};
use tempograph_core::error::Error;

/// Expand folders into their `*.txt` and TimeML (`*.tml`, `*.TE3input`) files, sorted by name.
pub fn expand_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Error::io(p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && (f.extension().is_some_and(|x| x == "txt") || super::console::is_timeml(f)))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(Error::usage(format!(
                    "{}: folder holds no *.txt documents (nor TimeML *.tml, *.TE3input)",
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

/// The title of a timeline built from these documents: the manifest's story folder
/// (`timelines/NAME/sources/sources.yaml` → NAME); else, for documents given as files or
/// folders, a title read from the documents ([`story_title`]: "Apple, 2005–2011"); else the
/// first document's title or id.
pub fn default_title(manifest: Option<&Path>, files: &[PathBuf], docs: &[Document]) -> Option<String> {
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
    if let Some(t) = story_title(docs) {
        return Some(t);
    }
    if let [dir] = files {
        if dir.is_dir() {
            let name = dir.canonicalize().ok()?.file_name()?.to_string_lossy().into_owned();
            return Some(name);
        }
    }
    docs.first().map(|d| d.title.clone().unwrap_or_else(|| d.id.clone()))
}

/// Most words a headline may have to be read as one.
const HEADLINE_WORDS: usize = 20;

/// A document's headline: its first non-empty line, when it reads as one (no final stop, at
/// most [`HEADLINE_WORDS`] words); its manifest title first.
fn headline(d: &Document) -> Option<String> {
    if let Some(t) = &d.title {
        return Some(t.clone());
    }
    let line = d.text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let n = line.split_whitespace().count();
    (tempograph_events::label::reads_as_headline(line) && (1..=HEADLINE_WORDS).contains(&n) && !date_line(line))
        .then(|| line.to_string())
}

/// A first line that is only a date ("January 09 , 2008", "May 7, 2005"): month names,
/// numbers and punctuation. Wikinews pages open with one; it is no headline.
fn date_line(line: &str) -> bool {
    let lang = tempograph_lang::english();
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().all(|c| c.is_ascii_digit()) || lang.month_number(&w.to_lowercase()).is_some())
}

/// See: #20 item 9. The title a journalist expects of a story built from documents: the name
/// the most headlines share, with the years the documents were published ("Apple,
/// 2005–2011"), when at least two headlines and a third of them share it; else the earliest
/// document's headline ("Apple unveils iPod nano"); `None` for one document (its title or id
/// stays the title) or when no document has a headline. A name
/// is a capitalised word that is not a function word (`EventWords`: articles, prepositions,
/// coordinators, sentence openers, `not_names`), without its possessive ("Apple's" → Apple).
pub fn story_title(docs: &[Document]) -> Option<String> {
    let words = crate::lang::EventWords::english();
    let heads: Vec<(usize, String)> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| headline(d).map(|h| (i, h)))
        .collect();
    let earliest = || {
        heads
            .iter()
            .min_by_key(|(i, _)| (docs[*i].dct, *i))
            .map(|(_, h)| h.clone())
    };
    if docs.len() < 2 {
        return None;
    }
    // name → (headlines naming it, first seen at): deterministic order.
    let mut count: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut order = 0;
    for (_, h) in &heads {
        let mut seen = std::collections::BTreeSet::new();
        for raw in h.split_whitespace() {
            let w = raw
                .trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .trim_end_matches("’s");
            let lower = w.to_lowercase();
            let name = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 2
                && !words.prepositions.contains(&lower.as_str())
                && !(words.is_article_or_coordinator)(&lower)
                && !words.sentence_openers.contains(&w)
                && !words.not_names.contains(&lower.as_str());
            if name && seen.insert(w.to_string()) {
                let e = count.entry(w.to_string()).or_insert((0, order));
                e.0 += 1;
                order += 1;
            }
        }
    }
    let best = count
        .iter()
        .max_by_key(|(_, &(n, first))| (n, std::cmp::Reverse(first)))
        .filter(|(_, &(n, _))| n >= 2 && 3 * n >= heads.len())
        .map(|(w, _)| w.clone());
    let Some(name) = best else {
        return earliest();
    };
    use chrono::Datelike;
    let years = docs.iter().map(|d| d.dct.year());
    let (lo, hi) = (years.clone().min()?, years.max()?);
    Some(if lo == hi {
        format!("{name}, {lo}")
    } else {
        format!("{name}, {lo}–{hi}")
    })
}

/// Every document's warnings on stderr (`path:line: warning: ...`), unless `-q`.
pub fn report_warnings(docs: &[Document]) {
    for w in docs.iter().flat_map(|d| &d.warnings) {
        super::console::document_warning(w);
    }
}

/// Refuse two documents with one id: they would be one document in every record, source
/// and view.
pub fn unique_ids(docs: &[Document]) -> Result<(), Error> {
    let mut ids = std::collections::BTreeSet::new();
    match docs.iter().find(|d| !ids.insert(d.id.as_str())) {
        Some(d) => Err(Error::usage(format!(
            "two documents have the id `{}` (file name without extension); rename one",
            d.id
        ))),
        None => Ok(()),
    }
}
