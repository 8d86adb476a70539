//! The crate's one error type.
//!
//! `Err` means a document or file could not be processed at all: it could not be read, it is
//! not text, it has no publication date, it is malformed YAML or TimeML. What a text *says*
//! (an expression that cannot be resolved, a contradiction between relations) is never an
//! error: those are findings, carried as data by the stage that found them.
//!
//! Following jiff, [`Error`] is opaque: callers ask predicates ([`Error::is_io`],
//! [`Error::is_parse`], ...) and read [`Error::location`]; they do not match variants.
//! Messages say where (`path:line:col`), what was expected, and what was found.

use std::fmt;
use std::path::{Path, PathBuf};

/// A position in an input file, 1-based line and column (columns count Unicode characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// The 1-based column (in Unicode characters), when known.
    pub column: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        Ok(())
    }
}

/// Why something could not be processed.
pub struct Error {
    kind: Box<ErrorKind>,
}

#[derive(Debug)]
enum ErrorKind {
    /// Reading or writing a file failed.
    Io { path: PathBuf, source: std::io::Error },
    /// The file is not valid UTF-8.
    InvalidUtf8 { loc: Location, byte: usize },
    /// The file holds NUL bytes or other binary content.
    Binary { path: PathBuf, byte: usize },
    /// The file is empty (or only whitespace).
    Empty { path: PathBuf },
    /// No publication date could be found for a document.
    MissingDct { path: PathBuf },
    /// The input is longer than the limit for its kind (bytes).
    TooLarge { path: PathBuf, limit: u64 },
    /// Input that does not follow its format: YAML, TimeML, a manifest, a date.
    Parse {
        loc: Option<Location>,
        expected: String,
        found: String,
    },
    /// A command-line usage problem detected after clap (conflicting or invalid values).
    Usage { message: String },
    /// An external tool (Graphviz, mermaid-cli) is missing or failed.
    Tool { tool: String, message: String },
    /// A document is past a configured bound (its size, its events), refused before it
    /// could exhaust memory.
    Limit {
        path: PathBuf,
        what: &'static str,
        found: u64,
        limit: u64,
        flag: &'static str,
    },
}

impl Error {
    #[doc(hidden)]
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Error {
        Error::new(ErrorKind::Io {
            path: path.as_ref().to_path_buf(),
            source,
        })
    }
    #[doc(hidden)]
    pub fn invalid_utf8(path: impl AsRef<Path>, line: usize, column: usize, byte: usize) -> Error {
        Error::new(ErrorKind::InvalidUtf8 {
            loc: Location {
                path: path.as_ref().to_path_buf(),
                line: Some(line),
                column: Some(column),
            },
            byte,
        })
    }
    #[doc(hidden)]
    pub fn binary(path: impl AsRef<Path>, byte: usize) -> Error {
        Error::new(ErrorKind::Binary {
            path: path.as_ref().to_path_buf(),
            byte,
        })
    }
    #[doc(hidden)]
    pub fn empty(path: impl AsRef<Path>) -> Error {
        Error::new(ErrorKind::Empty {
            path: path.as_ref().to_path_buf(),
        })
    }
    #[doc(hidden)]
    pub fn missing_dct(path: impl AsRef<Path>) -> Error {
        Error::new(ErrorKind::MissingDct {
            path: path.as_ref().to_path_buf(),
        })
    }
    /// `path` is longer than `limit` bytes (nothing past the limit was read).
    pub fn too_large(path: impl AsRef<Path>, limit: u64) -> Error {
        Error::new(ErrorKind::TooLarge {
            path: path.as_ref().to_path_buf(),
            limit,
        })
    }
    /// Malformed input. `loc` is where, `expected` what the format requires there, `found`
    /// what was there instead.
    pub fn parse(loc: Option<Location>, expected: impl Into<String>, found: impl Into<String>) -> Error {
        Error::new(ErrorKind::Parse {
            loc,
            expected: expected.into(),
            found: found.into(),
        })
    }
    /// Malformed input at `path:line:column`.
    pub fn parse_at(
        path: impl AsRef<Path>,
        line: Option<usize>,
        column: Option<usize>,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Error {
        Error::parse(
            Some(Location {
                path: path.as_ref().to_path_buf(),
                line,
                column,
            }),
            expected,
            found,
        )
    }
    #[doc(hidden)]
    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Usage {
            message: message.into(),
        })
    }
    #[doc(hidden)]
    pub fn tool(tool: impl Into<String>, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Tool {
            tool: tool.into(),
            message: message.into(),
        })
    }

    /// Document `path` has `found` `what` (e.g. `bytes`), more than `limit`, which the
    /// command-line flag `flag` sets.
    pub fn limit(path: impl AsRef<Path>, what: &'static str, found: u64, limit: u64, flag: &'static str) -> Error {
        Error::new(ErrorKind::Limit {
            path: path.as_ref().to_path_buf(),
            what,
            found,
            limit,
            flag,
        })
    }

    fn new(kind: ErrorKind) -> Error {
        Error { kind: Box::new(kind) }
    }

    /// Reading or writing failed at the operating-system level.
    pub fn is_io(&self) -> bool {
        matches!(*self.kind, ErrorKind::Io { .. })
    }
    /// The input was read but is not in the expected format (including encoding problems).
    pub fn is_parse(&self) -> bool {
        matches!(
            *self.kind,
            ErrorKind::Parse { .. }
                | ErrorKind::InvalidUtf8 { .. }
                | ErrorKind::Binary { .. }
                | ErrorKind::Empty { .. }
        )
    }
    /// A document had no publication date.
    pub fn is_missing_dct(&self) -> bool {
        matches!(*self.kind, ErrorKind::MissingDct { .. })
    }
    /// The input was longer than a limit (`tempograph_timeline::document::MAX_INPUT_BYTES`, a stream's
    /// `--max-record-bytes`).
    pub fn is_too_large(&self) -> bool {
        matches!(*self.kind, ErrorKind::TooLarge { .. })
    }
    /// The command line was misused (an unknown format, conflicting options).
    pub fn is_usage(&self) -> bool {
        matches!(*self.kind, ErrorKind::Usage { .. })
    }
    /// An external program (Graphviz, mermaid-cli) is missing or failed.
    pub fn is_tool(&self) -> bool {
        matches!(*self.kind, ErrorKind::Tool { .. })
    }
    /// A document was refused for being past a configured bound (`--max-document-bytes`,
    /// `--max-events`).
    pub fn is_limit(&self) -> bool {
        matches!(*self.kind, ErrorKind::Limit { .. })
    }
    /// Where the problem is, when it is in a file.
    pub fn location(&self) -> Option<Location> {
        match &*self.kind {
            ErrorKind::Io { path, .. }
            | ErrorKind::Binary { path, .. }
            | ErrorKind::Empty { path }
            | ErrorKind::MissingDct { path }
            | ErrorKind::Limit { path, .. }
            | ErrorKind::TooLarge { path, .. } => Some(Location {
                path: path.clone(),
                line: None,
                column: None,
            }),
            ErrorKind::InvalidUtf8 { loc, .. } => Some(loc.clone()),
            ErrorKind::Parse { loc, .. } => loc.clone(),
            ErrorKind::Usage { .. } | ErrorKind::Tool { .. } => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.kind {
            ErrorKind::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            ErrorKind::InvalidUtf8 { loc, byte } => write!(
                f,
                "{loc}: invalid UTF-8 at byte {byte}: expected UTF-8 text (convert the file, e.g. with iconv)"
            ),
            ErrorKind::Binary { path, byte } => write!(
                f,
                "{}: expected a text document, found binary content (NUL byte at byte {byte})",
                path.display()
            ),
            ErrorKind::Empty { path } => write!(f, "{}: expected a text document, found an empty file", path.display()),
            ErrorKind::MissingDct { path } => write!(
                f,
                "{}: no publication date found; give one with --dct YYYY-MM-DD, \
                 list the file in a manifest (--manifest sources.yaml, field `published`), \
                 or put a dateline such as `12/17/14` or `December 17, 2014` in the document's first lines",
                path.display()
            ),
            ErrorKind::TooLarge { path, limit } => write!(
                f,
                "{}: expected at most {limit} bytes ({}), found more; nothing past the limit was read",
                path.display(),
                human_bytes(*limit)
            ),
            ErrorKind::Parse { loc, expected, found } => {
                if let Some(loc) = loc {
                    write!(f, "{loc}: ")?;
                }
                write!(f, "expected {expected}, found {found}")
            }
            ErrorKind::Usage { message } => write!(f, "{message}"),
            ErrorKind::Tool { tool, message } => write!(f, "{tool}: {message}"),
            ErrorKind::Limit {
                path,
                what,
                found,
                limit,
                flag,
            } => write!(
                f,
                "{}: expected at most {limit} {what} (the bound {flag}), found {found}; \
                 raise the bound with {flag} N or split the input",
                path.display()
            ),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            fmt::Debug::fmt(&self.kind, f)
        } else {
            fmt::Display::fmt(self, f)
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.kind {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// `64 MiB`, `512 KiB`, `1000 bytes`.
fn human_bytes(n: u64) -> String {
    if n >= 1 << 20 && n % (1 << 20) == 0 {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n % (1 << 10) == 0 {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
