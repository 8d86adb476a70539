//! What every command shares on the terminal: `-q/--quiet`, `-v/--verbose`,
//! `--color auto|always|never`, the `error:`/`warning:` lines on standard error, and `-`
//! for standard input. See: #17.
//!
//! | flag              | effect                                                              |
//! |-------------------|---------------------------------------------------------------------|
//! | `-q`, `--quiet`   | no warnings and no notes on stderr; errors are still printed         |
//! | (neither)         | errors and warnings                                                 |
//! | `-v`, `--verbose` | also notes: what was read and written, counts                       |
//! | `--color auto`    | color `error`/`warning` when stderr is a terminal, `NO_COLOR` is unset or empty, and `TERM` is not `dumb` |
//! | `--color always`  | always (even with `NO_COLOR`: the flag is the more specific wish)   |
//! | `--color never`   | never                                                               |
//!
//! Standard output never gets color codes: it is data (YAML, JSON, diagrams).

use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicI8, Ordering};

/// The flags every command takes (clap: `global = true`, so they go before or after the
/// subcommand).
#[derive(Debug, Clone, clap::Args)]
pub struct GlobalArgs {
    /// Print no warnings or notes on standard error (errors still are).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print notes on standard error: what was written, and counts.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Color `error:` and `warning:` on standard error: auto (a terminal, and NO_COLOR unset), always, never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When standard error is a terminal and `NO_COLOR` is unset or empty.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// -1 quiet, 0 default, 1.. verbose.
static VERBOSITY: AtomicI8 = AtomicI8::new(0);
static COLOR: AtomicBool = AtomicBool::new(false);
static STDIN_TAKEN: AtomicBool = AtomicBool::new(false);

/// Apply the global flags (once, before the command runs).
pub fn init(g: &GlobalArgs) {
    let v = if g.quiet { -1 } else { g.verbose.min(100) as i8 };
    VERBOSITY.store(v, Ordering::Relaxed);
    COLOR.store(use_color(g.color, std::io::stderr().is_terminal()), Ordering::Relaxed);
}

/// Whether to color stderr, for `--color` and whether stderr is a terminal.
pub fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            terminal && !no_color && !dumb
        }
    }
}

/// True with `-q`.
pub fn quiet() -> bool {
    VERBOSITY.load(Ordering::Relaxed) < 0
}

/// True with `-v`.
pub fn verbose() -> bool {
    VERBOSITY.load(Ordering::Relaxed) > 0
}

fn painted(word: &str, code: &str) -> String {
    if COLOR.load(Ordering::Relaxed) {
        format!("\x1b[1;{code}m{word}\x1b[0m")
    } else {
        word.to_string()
    }
}

fn line(s: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{s}");
}

/// `tempograph: error: MESSAGE` (always printed). Errors print with `{:#}`.
pub fn error(e: &dyn std::fmt::Display) {
    line(&format!("tempograph: {}: {e:#}", painted("error", "31")));
}

/// `tempograph: warning: MESSAGE`, unless `-q`.
pub fn warning(msg: &dyn std::fmt::Display) {
    if !quiet() {
        line(&format!("tempograph: {}: {msg}", painted("warning", "33")));
    }
}

/// A document's warning (`path:line: warning: ...`), unless `-q`.
pub fn document_warning(w: &crate::document::Warning) {
    if !quiet() {
        let s = w
            .to_string()
            .replacen(": warning:", &format!(": {}:", painted("warning", "33")), 1);
        line(&format!("tempograph: {s}"));
    }
}

/// A note that says what happened (`annotated 3 files into out/`): printed unless `-q`.
pub fn note(msg: &dyn std::fmt::Display) {
    if !quiet() {
        line(&format!("tempograph: {msg}"));
    }
}

/// A note printed only with `-v`.
pub fn info(msg: &dyn std::fmt::Display) {
    if verbose() {
        line(&format!("tempograph: {msg}"));
    }
}

/// True for the path `-`, which means standard input.
pub fn is_stdin(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// Read all of standard input as text (UTF-8, with the same checks as files). Standard
/// input can be read once: a second `-` is refused.
pub fn read_stdin() -> crate::Result<String> {
    if STDIN_TAKEN.swap(true, Ordering::SeqCst) {
        return Err(crate::Error::usage("`-` (standard input) can be given only once"));
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(crate::document::MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::Error::io("<stdin>", e))?;
    if bytes.len() as u64 > crate::document::MAX_INPUT_BYTES {
        return Err(crate::Error::usage(format!(
            "<stdin>: more than {} bytes",
            crate::document::MAX_INPUT_BYTES
        )));
    }
    crate::document::decode(Path::new("<stdin>"), bytes)
}

/// A file's text, or standard input's for `-`.
pub fn read_input(p: &Path) -> crate::Result<String> {
    if is_stdin(p) {
        read_stdin()
    } else {
        crate::document::read_text(p)
    }
}

/// A timeline from a file, or from standard input for `-` (errors name `<stdin>`).
pub fn read_timeline(p: &Path) -> crate::Result<crate::timeline::Timeline> {
    if is_stdin(p) {
        let text = read_stdin()?;
        crate::timeline::Timeline::from_yaml(&text, "<stdin>")
    } else {
        crate::timeline::Timeline::from_path(p)
    }
}

/// A plain-text document from a file, or from standard input for `-` (id `stdin`).
pub fn read_document(p: &Path, dct: Option<chrono::NaiveDate>) -> crate::Result<crate::document::Document> {
    if is_stdin(p) {
        let text = read_stdin()?;
        crate::document::Document::from_loaded_text(Path::new("<stdin>"), "stdin".into(), text, dct)
    } else if is_timeml(p) {
        read_timeml_document(p, dct)
    } else {
        crate::document::Document::load(p, dct)
    }
}

/// A TimeML file by its extension (`.tml`, `.TE3input`): read as the text of its `<TEXT>`
/// element, not as plain text.
pub fn is_timeml(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "tml" || e == "TE3input")
}

/// A TimeML file as a document: the text inside `<TEXT>` (tags removed), dated by `--dct`,
/// else by its `<DCT>`, else by a dateline in that text (a file whose DCT is missing or
/// malformed). A `--dct` that disagrees with the file's own DCT wins, with a warning, as it
/// does over a dateline.
fn read_timeml_document(p: &Path, dct: Option<chrono::NaiveDate>) -> crate::Result<crate::document::Document> {
    use crate::document::{doc_id, DctSource, Document, Warning};
    let t = tempograph_timeml::read(p)?;
    // A file of `<s>` elements (the TimeLine corpora): one sentence per paragraph, as the
    // timeline evaluation lays them out.
    let layout = tempograph_timeml::Layout::of(&t);
    let text = if layout.sentences.is_empty() {
        t.text.clone()
    } else {
        layout.text
    };
    let mut doc = match (dct, t.dct) {
        (Some(d), own) => {
            let mut doc = Document::from_text(doc_id(p), text, d, DctSource::Flag);
            if let Some(own) = own.filter(|&own| own != d) {
                doc.warnings.push(Warning {
                    path: p.to_path_buf(),
                    line: None,
                    message: format!("the TimeML <DCT> says {own}, but --dct gives {d}; using {d}"),
                });
            }
            doc
        }
        (None, Some(own)) => Document::from_text(doc_id(p), text, own, DctSource::Timeml),
        (None, None) => Document::from_loaded_text(p, doc_id(p), text, None)?,
    };
    doc.path = p.to_path_buf();
    // The TimeLine corpora keep each article's headline in `<EXTRAINFO>`.
    if doc.title.is_none() {
        doc.title = t.title.clone();
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_choice() {
        assert!(use_color(ColorChoice::Always, false));
        assert!(!use_color(ColorChoice::Never, true));
        assert!(!use_color(ColorChoice::Auto, false));
    }
}
