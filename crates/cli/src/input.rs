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
/// (`timelines/NAME/sources/sources.yaml` → NAME), else the folder when the input is one
/// folder (`build stories/apple/` → `apple`), else the first document's title or id.
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
    if let [dir] = files {
        if dir.is_dir() {
            let name = dir.canonicalize().ok()?.file_name()?.to_string_lossy().into_owned();
            return Some(name);
        }
    }
    docs.first().map(|d| d.title.clone().unwrap_or_else(|| d.id.clone()))
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
