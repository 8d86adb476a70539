//! Document input: reading text safely and finding each document's publication date (DCT).
//!
//! A document's DCT comes from, in order of precedence:
//!
//! | source     | example                                   | [`DctSource`]         |
//! |------------|-------------------------------------------|-----------------------|
//! | flag       | `--dct 2014-12-18`                        | `Flag`                |
//! | manifest   | `published: 2014-12-17` in `sources.yaml` | `Manifest`            |
//! | dateline   | `2:11 \| 12/17/14` in the first lines      | `Dateline`            |
//! | TimeML     | `<DCT><TIMEX3 value="1998-01-08">`        | `TimeML`              |
//!
//! When a flag or manifest date disagrees with the document's own dateline, the explicit
//! date wins and the document carries a warning.
//!
//! # Grammar
//!
//! A dateline is one of the first [`DATELINE_LINES`] non-empty lines, at most 100
//! characters long, holding a date in one of the forms `M/D/YY`, `M/D/YYYY`,
//! `YYYY-MM-DD`, `Month D, YYYY`, `D Month YYYY` (two-digit years are 19YY for YY ≥ 70,
//! else 20YY), and not reading as prose: a line with two lower-case words other than a
//! dateline's own (`by`, `on`, `updated`, `am`, ...), or with one and a closing full stop, is
//! running text ("The studio was hacked on Nov. 24, 2014." gives no publication date).
//! A wire-service lead is a dateline too, however long its line: a place in capitals, an
//! optional region, the date and an optional agency before a dash, then the story
//! ("DETROIT, March 12, 2026 - General Motors recalled …"); only the part before the dash
//! is read.

use crate::text::LineIndex;
use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tempograph_core::error::{Error, Result};

/// How many leading non-empty lines are searched for a dateline.
pub const DATELINE_LINES: usize = 5;

/// Where a document's publication date came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "from")]
pub enum DctSource {
    /// `--dct` on the command line.
    Flag,
    /// The `published` field of a manifest entry.
    Manifest { manifest: PathBuf },
    /// A dateline in the document's text.
    Dateline { line: usize, text: String },
    /// The `<DCT>` element of a TimeML file.
    Timeml,
    /// The `published` field of a JSON Lines stream record.
    Stream,
}

/// A problem worth telling the user that did not stop processing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        write!(f, ": warning: {}", self.message)
    }
}

/// A text with its publication date.
#[derive(Clone, Debug)]
pub struct Document {
    /// Stable id: the file stem (`004_398094e9e4ec5ca9`).
    pub id: String,
    /// Where the text was read from, as given (manifest paths are joined to the manifest's folder).
    pub path: PathBuf,
    pub title: Option<String>,
    /// `article`, `transcript`, ... as the manifest says.
    pub kind: Option<String>,
    /// The language code the manifest gives (`de`), checked against `src/lang/`; `None`
    /// leaves the choice to the command (`tag --lang`, English by default).
    pub language: Option<String>,
    pub text: String,
    pub dct: NaiveDate,
    pub dct_source: DctSource,
    pub warnings: Vec<Warning>,
}

impl Document {
    /// A document from text already in memory.
    pub fn from_text(
        id: impl Into<String>,
        text: impl Into<String>,
        dct: NaiveDate,
        dct_source: DctSource,
    ) -> Document {
        let id = id.into();
        Document {
            path: PathBuf::from(&id),
            id,
            title: None,
            kind: None,
            language: None,
            text: text.into(),
            dct,
            dct_source,
            warnings: Vec::new(),
        }
    }

    /// Read a plain-text document. `dct` (from `--dct`) wins over a dateline; without it,
    /// the dateline is required.
    pub fn load(path: &Path, dct: Option<NaiveDate>) -> Result<Document> {
        let text = read_text(path)?;
        Document::from_loaded_text(path, doc_id(path), text, dct)
    }

    /// A plain-text document already read from `path` (standard input: `<stdin>`), with the
    /// same publication-date rules as [`Document::load`].
    pub fn from_loaded_text(path: &Path, id: String, text: String, dct: Option<NaiveDate>) -> Result<Document> {
        let dateline = find_dateline(&text);
        let mut warnings = Vec::new();
        let (dct, source) = match (dct, dateline) {
            (Some(d), Some(dl)) => {
                if dl.date != d {
                    warnings.push(Warning {
                        path: path.to_path_buf(),
                        line: Some(dl.line),
                        message: format!(
                            "dateline `{}` says {}, but --dct gives {d}; using {d}",
                            dl.text, dl.date
                        ),
                    });
                }
                (d, DctSource::Flag)
            }
            (Some(d), None) => (d, DctSource::Flag),
            (None, Some(dl)) => (
                dl.date,
                DctSource::Dateline {
                    line: dl.line,
                    text: dl.text,
                },
            ),
            (None, None) => return Err(Error::missing_dct(path)),
        };
        Ok(Document {
            id,
            path: path.to_path_buf(),
            title: None,
            kind: None,
            language: None,
            text,
            dct,
            dct_source: source,
            warnings,
        })
    }
}

/// The id of a document read from `path`: its file name without the extension.
pub fn doc_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The largest input file read, in bytes (128 MiB): a document, a manifest, a timeline, a
/// TimeML file. Past it, reading stops and the file is refused with a message that gives the
/// limit; a larger collection of text goes through `tag --stream` one document per record.
pub const MAX_INPUT_BYTES: u64 = 128 << 20;

/// Read a file as UTF-8 text, refusing binary content and empty files. A leading byte-order
/// mark is removed; all offsets are into the text after it. At most [`MAX_INPUT_BYTES`] are
/// read (a FIFO or `/dev/zero` named on the command line is read that far, then refused).
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = read_bounded(path, MAX_INPUT_BYTES)?;
    decode(path, bytes)
}

/// Read at most `limit` bytes of `path`; a longer file is an error that says so (nothing past
/// `limit + 1` bytes is read).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let hint = f.metadata().map(|m| m.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(hint as usize + 1);
    f.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::too_large(path, limit));
    }
    Ok(bytes)
}

/// What kind of file system object `m` is, for messages ("a FIFO").
fn file_kind(m: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = m.file_type();
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

/// Check and decode bytes read from `path` (see [`read_text`]).
pub fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::binary(path, i));
    }
    match String::from_utf8(bytes) {
        Ok(s) => {
            if s.trim().is_empty() {
                Err(Error::empty(path))
            } else {
                Ok(s)
            }
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            // The prefix is valid, so line/column can be computed from it.
            let prefix = std::str::from_utf8(&bytes[..at]).unwrap_or("");
            let (line, col) = LineIndex::new(prefix).line_col(at);
            Err(Error::invalid_utf8(path, line, col, at))
        }
    }
}

/// A dateline found in a document's first lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub date: NaiveDate,
    /// 1-based line number.
    pub line: usize,
    /// The whole line, trimmed.
    pub text: String,
}

/// The month a dateline names. Datelines are read before a document's language is known,
/// in the default language.
fn month_number(name: &str) -> Option<u32> {
    crate::lang::english().month_number(&name.trim_end_matches('.').to_ascii_lowercase())
}

fn expand_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    Some(match y.len() {
        2 if n >= 70 => 1900 + n,
        2 => 2000 + n,
        4 => n,
        _ => return None,
    })
}

fn dateline_regexes() -> &'static [Regex; 3] {
    static RE: OnceLock<[Regex; 3]> = OnceLock::new();
    RE.get_or_init(|| {
        [
            Regex::new(r"(?:^|[^\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:$|[^\d/])").expect("static regex"),
            Regex::new(r"(?:^|\D)(\d{4})-(\d{2})-(\d{2})(?:$|\D)").expect("static regex"),
            Regex::new(
                r"(?i)\b([a-z]{3,9}\.?)\s+(\d{1,2})\s*,?\s+(\d{4})\b|\b(\d{1,2})\s+([a-z]{3,9}\.?)\s*,?\s+(\d{4})\b",
            )
            .expect("static regex"),
        ]
    })
}

/// A line of running text, not a dateline: two or more lower-case words other than the
/// dateline's own ("The studio was hacked on Nov. 24, 2014."), or one and a full stop at the
/// end ("It happened 2014-12-17.").
fn reads_as_prose(line: &str) -> bool {
    let prose = line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| {
            !w.is_empty() && w.chars().all(char::is_lowercase) && !crate::lang::english().dateline_words().contains(w)
        })
        .count();
    prose >= 2 || prose == 1 && line.trim_end().ends_with(['.', '!', '?'])
}

/// The head of a wire-service lead, `PLACE[, Region], DATE [(Agency)] - story…`
/// ("DETROIT, March 12, 2026 - General Motors recalled …", "SAN JOSE, Calif., Dec. 17, 2014
/// (AP) — …"): the DATE part, when the line opens with a place in capitals and the head ends
/// in a dash. The story after the dash is prose and may be long; only the head is read.
fn wire_head(line: &str) -> Option<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"^\s*[A-Z][A-Z.'\- ]*[A-Z.](?:,\s*[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?,\s+([^()\-–—]{6,40}?)\s*(?:\([^()]{1,40}\)\s*)?(?:--|[-–—])\s",
        )
        .expect("static regex")
    });
    re.captures(line).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// Look for a publication date in the first non-empty lines of `text`.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    for (idx, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(DATELINE_LINES)
    {
        let head = if line.chars().count() > 100 || reads_as_prose(line) {
            match wire_head(line) {
                Some(h) => h,
                None => continue,
            }
        } else {
            line
        };
        if let Some(date) = date_in(head) {
            return Some(Dateline {
                date,
                line: idx + 1,
                text: line.trim().to_string(),
            });
        }
    }
    None
}

/// The date a dateline line (or a wire lead's head) gives: `12/17/14`, `2014-12-17`,
/// `December 17, 2014` or `17 Dec 2014`.
fn date_in(line: &str) -> Option<NaiveDate> {
    let [mdy, iso, named] = dateline_regexes();
    let mut date = None;
    if let Some(c) = mdy.captures(line) {
        let (m, d) = (c[1].parse().ok()?, c[2].parse().ok()?);
        date = expand_year(&c[3]).and_then(|y| NaiveDate::from_ymd_opt(y, m, d));
    }
    if date.is_none() {
        if let Some(c) = iso.captures(line) {
            date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        }
    }
    if date.is_none() {
        if let Some(c) = named.captures(line) {
            date = if let Some(mon) = c.get(1) {
                month_number(mon.as_str())
                    .and_then(|m| NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[2].parse().ok()?))
            } else {
                month_number(&c[5]).and_then(|m| NaiveDate::from_ymd_opt(c[6].parse().ok()?, m, c[4].parse().ok()?))
            };
        }
    }
    date
}

/// One entry of a manifest (the format of `sources.yaml`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    /// Path of the text, relative to the manifest's folder.
    pub file: PathBuf,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    /// Publication date, `YYYY-MM-DD` (an impossible date such as `2014-02-30` is refused
    /// with that message and its line).
    #[serde(default, deserialize_with = "published_date")]
    pub published: Option<NaiveDate>,
    /// The language of the text, a code with a package in `src/lang/` (`en`, `de`); absent:
    /// the command's choice (`tag --lang`, English by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// `published:` as exactly `YYYY-MM-DD`, a day that exists. See: #18 (row 13).
fn published_date<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<NaiveDate>, D::Error> {
    use serde::de::Error as _;
    let Some(s) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    match check_date(s.trim()) {
        Ok(date) => Ok(Some(date)),
        Err(DateProblem::Shape) => Err(D::Error::custom(format_args!(
            "invalid value: {s:?}, expected a date YYYY-MM-DD"
        ))),
        Err(DateProblem::Impossible) => Err(D::Error::custom(format_args!(
            "invalid value: impossible date {s}, expected a date that exists (YYYY-MM-DD)"
        ))),
    }
}

/// Why a date string is not a date.
enum DateProblem {
    /// Not `YYYY-MM-DD`.
    Shape,
    /// Shaped like one, but no such day (`2014-02-30`, month 13).
    Impossible,
}

/// Exactly `YYYY-MM-DD` (four-digit year, no sign) naming a day that exists.
fn check_date(t: &str) -> std::result::Result<NaiveDate, DateProblem> {
    let shaped = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(DateProblem::Shape);
    }
    let n = |r: std::ops::Range<usize>| t[r].parse::<u32>().map_err(|_| DateProblem::Shape);
    NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?).ok_or(DateProblem::Impossible)
}

/// How a manifest's `file:` entries are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ManifestOptions {
    /// Let entries name files outside the manifest's folder (`../x`, `/abs/path`, a symlink
    /// leading out). Off by default: a manifest from elsewhere cannot make the tool read (and
    /// copy into its output) any file the user can read.
    pub allow_outside: bool,
}

/// Read a manifest and its documents. Every document is attempted; the errors of those that
/// fail are returned together with the ones that loaded. Entries must name regular files
/// inside the manifest's folder (see [`load_manifest_with`]).
pub fn load_manifest(path: &Path, dct: Option<NaiveDate>) -> Result<(Vec<Document>, Vec<Error>)> {
    load_manifest_with(path, dct, &ManifestOptions::default())
}

/// [`load_manifest`] with options. Each entry's file must be, before anything is read from it:
/// inside the manifest's folder once `..` and symbolic links are resolved (unless
/// `opts.allow_outside`), a regular file (not a FIFO, a device or a directory), and at most
/// [`MAX_INPUT_BYTES`] long. An entry that is not gets an error with the manifest's line.
pub fn load_manifest_with(
    path: &Path,
    dct: Option<NaiveDate>,
    opts: &ManifestOptions,
) -> Result<(Vec<Document>, Vec<Error>)> {
    load_manifest_entries(path, dct, opts, None)
}

/// The documents `files` of a manifest, with its metadata (`title`, `kind`, `published`),
/// in the order `files` are given: `tag --manifest m.yaml a.txt` tags `a.txt` only. A file
/// is matched to the entry that names the same file (after `..` and symbolic links are
/// resolved); a file the manifest does not list is an error (it has no metadata), and so is
/// a file named twice. The other entries are not read. See: #17.
pub fn load_manifest_selected(
    path: &Path,
    dct: Option<NaiveDate>,
    opts: &ManifestOptions,
    files: &[PathBuf],
) -> Result<(Vec<Document>, Vec<Error>)> {
    load_manifest_entries(path, dct, opts, Some(files))
}

fn load_manifest_entries(
    path: &Path,
    dct: Option<NaiveDate>,
    opts: &ManifestOptions,
    select: Option<&[PathBuf]>,
) -> Result<(Vec<Document>, Vec<Error>)> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::parse_at(
            path,
            None,
            None,
            "a manifest file (YAML)",
            file_kind(&meta),
        ));
    }
    let text = read_text(path)?;
    let entries = manifest_entries(&text, path)?;
    let base = path.parent().unwrap_or(Path::new("."));
    let base = if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base
    };
    let lines = entry_lines(&text, entries.len());
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    // The entries to read: all of them, or those the selected files name, in their order.
    let order: Vec<usize> = match select {
        None => (0..entries.len()).collect(),
        Some(files) => {
            let canon: Vec<Option<PathBuf>> = entries
                .iter()
                .map(|e| std::fs::canonicalize(base.join(&e.file)).ok())
                .collect();
            let mut order = Vec::new();
            for f in files {
                let want = match std::fs::canonicalize(f) {
                    Ok(c) => c,
                    Err(e) => {
                        errors.push(Error::io(f, e));
                        continue;
                    }
                };
                match canon.iter().position(|c| c.as_ref() == Some(&want)) {
                    Some(i) if order.contains(&i) => {
                        errors.push(Error::usage(format!("{}: given twice", f.display())));
                    }
                    Some(i) => order.push(i),
                    None => errors.push(Error::usage(format!(
                        "{}: not listed in the manifest {} (with --manifest, the files given must be its entries)",
                        f.display(),
                        path.display()
                    ))),
                }
            }
            order
        }
    };
    for i in order {
        let e = &entries[i];
        let file = base.join(&e.file);
        let line = lines.as_ref().map(|l| l[i]);
        match check_entry_file(base, &file, &e.file, path, line, opts).and_then(|()| load_entry(&file, e, path, dct)) {
            Ok(d) => docs.push(d),
            Err(err) => errors.push(err),
        }
    }
    Ok((docs, errors))
}

/// A manifest entry as written, `published` not yet checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    file: PathBuf,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    published: Option<serde_yaml_date::Published>,
    #[serde(default)]
    language: Option<String>,
}

/// `published:` as written: a string (dates are strings to the YAML parser).
mod serde_yaml_date {
    #[derive(serde::Deserialize)]
    #[serde(transparent)]
    pub struct Published(pub String);
}

/// Parse a manifest's entries; a `published:` that is not a real date is an error at its own
/// line and column ("impossible date 2014-02-30").
fn manifest_entries(text: &str, path: &Path) -> Result<Vec<ManifestEntry>> {
    let raw: Vec<RawEntry> = crate::yaml::from_str(text, path)?;
    let mut out = Vec::with_capacity(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        let published = match r.published {
            None => None,
            Some(serde_yaml_date::Published(p)) => match check_date(p.trim()) {
                Ok(d) => Some(d),
                Err(problem) => {
                    use crate::yaml::Step;
                    let at =
                        crate::yaml::locate(text, &[Step::Index(i), Step::key(crate::format::manifest::PUBLISHED)]);
                    let (expected, found) = match problem {
                        DateProblem::Shape => ("a date YYYY-MM-DD", format!("{p:?}")),
                        DateProblem::Impossible => ("a date that exists (YYYY-MM-DD)", format!("impossible date {p}")),
                    };
                    return Err(Error::parse_at(
                        path,
                        at.map(|a| a.0),
                        at.map(|a| a.1),
                        format!("`published:` as {expected}"),
                        found,
                    ));
                }
            },
        };
        let language = match r.language {
            None => None,
            Some(code) => match crate::lang::by_code(code.trim()) {
                Some(l) => Some(l.code().to_string()),
                None => {
                    use crate::yaml::Step;
                    let at = crate::yaml::locate(text, &[Step::Index(i), Step::key("language")]);
                    return Err(Error::parse_at(
                        path,
                        at.map(|a| a.0),
                        at.map(|a| a.1),
                        format!("`language:` as a language code ({})", crate::lang::codes()),
                        format!("{code:?}"),
                    ));
                }
            },
        };
        out.push(ManifestEntry {
            file: r.file,
            title: r.title,
            kind: r.kind,
            published,
            language,
        });
    }
    Ok(out)
}

/// The line of each entry's `file:` key, when the manifest is written one key per line (as
/// every manifest the project writes is); `None` when the count does not match.
fn entry_lines(text: &str, n: usize) -> Option<Vec<usize>> {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start().trim_start_matches('-').trim_start();
            t.starts_with("file:") || t.starts_with("\"file\":") || t.starts_with("'file':")
        })
        .map(|(i, _)| i + 1)
        .collect();
    (lines.len() == n).then_some(lines)
}

/// Refuse an entry's file before reading it: outside the manifest's folder, not a regular
/// file, or too large. See: #18 (row 6).
fn check_entry_file(
    base: &Path,
    file: &Path,
    given: &Path,
    manifest: &Path,
    line: Option<usize>,
    opts: &ManifestOptions,
) -> Result<()> {
    let at = |expected: String, found: String| Error::parse_at(manifest, line, None, expected, found);
    if !opts.allow_outside {
        let folder = std::fs::canonicalize(base).map_err(|e| Error::io(base, e))?;
        let outside = |which: String| {
            at(
                format!(
                    "`file:` inside the manifest's folder {} (or --allow-outside)",
                    folder.display()
                ),
                which,
            )
        };
        // An absolute path or one climbing out with `..` is refused as written, whether or
        // not it exists; a symbolic link leading out, once resolved.
        use std::path::Component;
        let climbs = given.is_absolute()
            || given
                .components()
                .any(|c| matches!(c, Component::ParentDir | Component::RootDir | Component::Prefix(_)));
        if climbs {
            let resolved = std::fs::canonicalize(file).ok();
            let inside = resolved.as_ref().is_some_and(|r| r.starts_with(&folder));
            if !inside {
                return Err(outside(given.display().to_string()));
            }
        }
        let resolved = std::fs::canonicalize(file).map_err(|e| Error::io(file, e))?;
        if !resolved.starts_with(&folder) {
            return Err(outside(format!(
                "{} (which is {})",
                given.display(),
                resolved.display()
            )));
        }
    }
    let resolved = std::fs::canonicalize(file).map_err(|e| Error::io(file, e))?;
    let meta = std::fs::metadata(&resolved).map_err(|e| Error::io(file, e))?;
    if !meta.is_file() {
        return Err(at(
            "`file:` naming a regular file".to_string(),
            format!("{}, {}", given.display(), file_kind(&meta)),
        ));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Error::too_large(file, MAX_INPUT_BYTES));
    }
    Ok(())
}

fn load_entry(file: &Path, e: &ManifestEntry, manifest: &Path, flag: Option<NaiveDate>) -> Result<Document> {
    let text = read_text(file)?;
    let dateline = find_dateline(&text);
    let mut warnings = Vec::new();
    let (dct, source) = match (flag, e.published, &dateline) {
        (Some(d), _, _) => (d, DctSource::Flag),
        (None, Some(p), Some(dl)) => {
            if dl.date != p {
                warnings.push(Warning {
                    path: file.to_path_buf(),
                    line: Some(dl.line),
                    message: format!(
                        "dateline `{}` says {}, but the manifest {} says published: {p}; using {p}",
                        dl.text,
                        dl.date,
                        manifest.display()
                    ),
                });
            }
            (
                p,
                DctSource::Manifest {
                    manifest: manifest.to_path_buf(),
                },
            )
        }
        (None, Some(p), None) => (
            p,
            DctSource::Manifest {
                manifest: manifest.to_path_buf(),
            },
        ),
        (None, None, Some(dl)) => (
            dl.date,
            DctSource::Dateline {
                line: dl.line,
                text: dl.text.clone(),
            },
        ),
        (None, None, None) => return Err(Error::missing_dct(file)),
    };
    Ok(Document {
        id: doc_id(file),
        path: file.to_path_buf(),
        title: e.title.clone(),
        kind: e.kind.clone(),
        language: e.language.clone(),
        text,
        dct,
        dct_source: source,
        warnings,
    })
}

/// Parse a `--dct` value: exactly `YYYY-MM-DD` (chrono alone would also take `+2014-12-18`
/// and `-0001-01-01`), a day that exists.
pub fn parse_dct(s: &str) -> Result<NaiveDate> {
    check_date(s.trim()).map_err(|_| {
        Error::usage(format!(
            "invalid --dct `{s}`: expected a date YYYY-MM-DD, such as 2014-12-17"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = find_dateline("Obama Wants\n\nPresident Weighs\n2:11 | 12/17/14\n\nLet me").unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2014, 12, 17).unwrap());
        assert_eq!(d.line, 4);
        assert_eq!(
            find_dateline("WASHINGTON, Dec. 17, 2014 -- x")
                .unwrap()
                .date
                .to_string(),
            "2014-12-17"
        );
        assert_eq!(
            find_dateline("2014-12-18\ntext").unwrap().date.to_string(),
            "2014-12-18"
        );
        assert!(find_dateline("Sony canceled the release.\nNo date here.").is_none());
        // Prose that holds a date is not a dateline; bylines and update lines are.
        assert!(find_dateline("The studio was hacked on Nov. 24, 2014.\nMore text.").is_none());
        assert!(find_dateline("It happened 2014-12-17.\nMore text.").is_none());
        for line in [
            "Posted on December 17, 2014 at 10:03 am ET by admin",
            "Updated 3:45 PM ET, Wed December 17, 2014",
            "By Jane Doe, Dec. 17, 2014",
            "Dec. 17, 2014.",
            // Tokenised corpora put a space before the comma.
            "December 17 , 2014",
        ] {
            let d = find_dateline(line).unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!(d.date.to_string(), "2014-12-17", "{line:?}");
        }
        assert!(find_dateline("Mix 3/4 cup of flour").is_none());
    }

    /// A wire-service lead carries its date before the dash, with the story after it on the
    /// same line: the head is read, however long the story. Negatives: a date in the story
    /// after the dash, a head without a year, a capitalised headline with a dash, prose.
    #[test]
    fn wire_datelines() {
        for (text, want) in [
            ("GM recall widens\n\nDETROIT, March 12, 2026 - General Motors recalled 40,000 sedans on Monday, the company said.", "2026-03-12"),
            ("SAN JOSE, Calif., Dec. 17, 2014 (AP) — Apple said on Wednesday that it had sold more phones than ever in the quarter.", "2014-12-17"),
            ("LONDON, 4 Sep 2012 -- Shares in London rose for a third day as investors bet on more stimulus from central banks.", "2012-09-04"),
            ("NEW YORK, 12/17/14 – The studio said it had pulled the film after theatre chains dropped it from their schedules.", "2014-12-17"),
        ] {
            let d = find_dateline(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(d.date.to_string(), want, "{text:?}");
        }
        for text in [
            "DETROIT - General Motors recalled 40,000 sedans on March 12, 2026, the company said on the day.",
            "WASHINGTON, Dec. 17 (Reuters) - The president said on Wednesday that the country would respond to the attack.",
            "U.S. STOCKS-Wall St falls as investors weigh the first rate rise since 2006 and a slide in oil prices today",
            "The company said on March 12, 2026 - a Thursday - that it would recall forty thousand sedans across the country.",
        ] {
            assert!(find_dateline(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn decoding() {
        let p = Path::new("x.txt");
        assert!(decode(p, b"".to_vec()).unwrap_err().is_parse());
        assert!(decode(p, b"a\0b".to_vec()).unwrap_err().to_string().contains("binary"));
        let e = decode(p, b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.txt:2:5: invalid UTF-8 at byte 7: expected UTF-8 text (convert the file, e.g. with iconv)"
        );
        assert_eq!(decode(p, b"\xEF\xBB\xBFhi".to_vec()).unwrap(), "hi");
    }
}
