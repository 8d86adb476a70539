//! The link stage's learned tables, read from the model store `models/en/link/<name>/`.
//!
//! | name       | model                                   | labels                 | used by                    |
//! |------------|-----------------------------------------|------------------------|----------------------------|
//! | `timebank` | softmax label model, TBAQ TimeBank only | `model::LABELS` (11) | `Model::TimeBank` (`link`) |
//! | `aquaint`  | softmax label model, TBAQ AQUAINT only  | `model::LABELS` (11) | `Model::Aquaint`           |
//! | `choose`   | pair chooser, all of TBAQ               | `model::LABELS` + NONE | `choose::Committed` |
//!
//! Each folder holds `weights.tsv` and a `manifest.toml` (the training corpus files and their
//! sha256, the code revision, the hash of the feature code, the label order, held-out
//! scores). Both are embedded in the binary (`include_str!`), so the single executable needs
//! no file at run time; a table is parsed once per process, on first use. The trainer
//! (`tempograph-train models`, crate `train/`) writes them; `tests/link_models.rs`
//! checks every manifest against its table and against the feature code compiled here
//! ([`feature_hash`]). This module knows the files, not the models: `model` and `choose` read
//! their tables through it.
//!
//! # Grammar
//!
//! ```text
//! weights.tsv := row*
//! row         := feature ("\t" weight){n} "\n"     n = the number of labels
//! feature     := any characters but tab and line break
//! weight      := "-"? digit+                        the weight × 1000, rounded
//! ```
//!
//! Rows are sorted by feature (byte order), each feature once. The score of label `k` for a
//! pair is the sum of the `k`-th weights (÷ 1000) of the pair's features that have a row.

use crate::format::models;
use std::fmt;
use std::sync::OnceLock;

/// A table row: a feature and its weight per label, × 1000.
pub type Row<const N: usize> = (&'static str, [i32; N]);

/// One model of the store: its name and embedded files.
#[derive(Clone, Copy, Debug)]
pub struct Stored {
    /// The folder name under `models/en/link/`.
    pub name: &'static str,
    /// `manifest.toml`.
    pub manifest: &'static str,
    /// `weights.tsv`.
    pub weights: &'static str,
    /// The hash of the code that makes the features it was trained on.
    pub feature_hash: fn() -> String,
}

/// The label model trained on TBAQ's TimeBank documents.
pub const TIMEBANK: Stored = Stored {
    name: models::TIMEBANK,
    manifest: include_str!("../../../models/en/link/timebank/manifest.toml"),
    weights: include_str!("../../../models/en/link/timebank/weights.tsv"),
    feature_hash: label_feature_hash,
};

/// The label model trained on TBAQ's AQUAINT documents.
pub const AQUAINT: Stored = Stored {
    name: models::AQUAINT,
    manifest: include_str!("../../../models/en/link/aquaint/manifest.toml"),
    weights: include_str!("../../../models/en/link/aquaint/weights.tsv"),
    feature_hash: label_feature_hash,
};

/// The pair chooser trained on all of TBAQ.
pub const CHOOSE: Stored = Stored {
    name: models::CHOOSE,
    manifest: include_str!("../../../models/en/link/choose/manifest.toml"),
    weights: include_str!("../../../models/en/link/choose/weights.tsv"),
    feature_hash: chooser_feature_hash,
};

/// Every stored link model.
pub const ALL: &[Stored] = &[TIMEBANK, AQUAINT, CHOOSE];

/// Why a `weights.tsv` could not be read (line numbers from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// A row without a tab after the feature.
    ExpectedTab { line: usize },
    /// A row with another number of weights than the labels.
    WrongWidth { line: usize, expected: usize, found: usize },
    /// A weight that is not an integer.
    ExpectedInteger { line: usize, found: String },
    /// A row whose feature does not sort after the previous row's.
    NotSorted { line: usize, feature: String },
    /// Text after the last line break.
    ExpectedLineBreakAtEnd,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::ExpectedTab { line } => write!(f, "line {line}: expected a tab after the feature"),
            ParseError::WrongWidth { line, expected, found } => {
                write!(f, "line {line}: expected {expected} weights, found {found}")
            }
            ParseError::ExpectedInteger { line, found } => {
                write!(f, "line {line}: expected an integer weight, found {found:?}")
            }
            ParseError::NotSorted { line, feature } => {
                write!(f, "line {line}: feature {feature:?} is not after the previous row's (rows are sorted, each feature once)")
            }
            ParseError::ExpectedLineBreakAtEnd => write!(f, "expected a line break at the end"),
        }
    }
}

impl std::error::Error for ParseError {}

/// Read a `weights.tsv` with `N` labels (see the module grammar).
pub fn parse<const N: usize>(text: &str) -> Result<Vec<(&str, [i32; N])>, ParseError> {
    if !text.is_empty() && !text.ends_with('\n') {
        return Err(ParseError::ExpectedLineBreakAtEnd);
    }
    let mut rows: Vec<(&str, [i32; N])> = Vec::with_capacity(text.len() / (8 * N + 16));
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let (feature, rest) = line.split_once('\t').ok_or(ParseError::ExpectedTab { line: line_no })?;
        let mut ws = [0i32; N];
        let mut found = 0;
        for (k, w) in rest.split('\t').enumerate() {
            found = k + 1;
            if k < N {
                ws[k] = w.parse().map_err(|_| ParseError::ExpectedInteger {
                    line: line_no,
                    found: w.to_string(),
                })?;
            }
        }
        if found != N {
            return Err(ParseError::WrongWidth {
                line: line_no,
                expected: N,
                found,
            });
        }
        if rows.last().is_some_and(|(prev, _)| *prev >= feature) {
            return Err(ParseError::NotSorted {
                line: line_no,
                feature: feature.to_string(),
            });
        }
        rows.push((feature, ws));
    }
    Ok(rows)
}

/// Write rows as `weights.tsv` (the inverse of [`parse`]; rows must be sorted by feature).
pub fn write<const N: usize>(rows: &[(&str, [i32; N])]) -> String {
    let mut s = String::new();
    for (f, ws) in rows {
        s.push_str(f);
        for w in ws {
            s.push('\t');
            s.push_str(&w.to_string());
        }
        s.push('\n');
    }
    s
}

/// Parse an embedded table; a table that does not parse is a build defect (the tests parse
/// every one), reported with the file and line.
pub fn load<const N: usize>(m: &Stored) -> Vec<Row<N>> {
    parse(m.weights).unwrap_or_else(|e| panic!("models/en/link/{}/weights.tsv (embedded): {e}", m.name))
}

/// The pair chooser's table (parsed on first use).
pub fn chooser_table() -> &'static [Row<12>] {
    static ROWS: OnceLock<Vec<Row<12>>> = OnceLock::new();
    ROWS.get_or_init(|| load(&CHOOSE))
}

/// The feature code of the label models: every function of these files (tests left out),
/// and the word lists the signal and `between` atoms are read with, makes or feeds the keys and atoms of
/// [`super::features::pair`] (`timeml/gold.rs` reads the
/// gold facts the label models are trained on, by the attribute names of `format/timeml.rs`).
const LABEL_FEATURE_FILES: &[(&str, &str)] = &[
    ("crates/link/src/features.rs", include_str!("features.rs")),
    ("crates/link/src/facts.rs", include_str!("facts.rs")),
    ("crates/link/src/signals.rs", include_str!("signals.rs")),
    ("crates/lang/src/signal.rs", include_str!("../../lang/src/signal.rs")),
    (
        "crates/lang/src/en/data/link/signals.tsv",
        include_str!("../../lang/src/en/data/link/signals.tsv"),
    ),
    (
        "crates/lang/src/en/data/link/between-words.txt",
        include_str!("../../lang/src/en/data/link/between-words.txt"),
    ),
    ("crates/timeml/src/gold.rs", include_str!("../../timeml/src/gold.rs")),
    (
        "crates/core/src/format/timeml.rs",
        include_str!("../../core/src/format/timeml.rs"),
    ),
];

/// The chooser's features beyond the label models': the items of `choose.rs` that add its
/// position atoms and rule hints, and the values they spell (`Clause`, `Governor`).
const CHOOSER_FEATURE_ITEMS: &[&str] = &[
    "fn rule_hints",
    "fn bucket",
    "struct Where",
    "impl<'a> Where<'a>",
    "fn pair_features",
    "fn hint_of",
    "enum Clause",
    "impl Clause",
    "enum Governor",
    "impl Governor",
];

/// The files whose code [`feature_hash`] covers, for the manifests.
pub fn feature_files(m: &Stored) -> Vec<&'static str> {
    let mut v: Vec<&str> = LABEL_FEATURE_FILES.iter().map(|(p, _)| *p).collect();
    if m.name == CHOOSE.name {
        v.push("crates/link/src/choose.rs (rule_hints, bucket, Where, pair_features, hint_of, Clause, Governor)");
    }
    v
}

/// The feature hash of a stored model: see [`feature_hash`].
pub fn feature_hash(m: &Stored) -> String {
    (m.feature_hash)()
}

fn label_feature_hash() -> String {
    let code: Vec<&str> = LABEL_FEATURE_FILES.iter().map(|(_, s)| without_tests(s)).collect();
    hash_code(&code)
}

fn chooser_feature_hash() -> String {
    let choose = include_str!("choose.rs");
    let mut code: Vec<&str> = LABEL_FEATURE_FILES.iter().map(|(_, s)| without_tests(s)).collect();
    for item in CHOOSER_FEATURE_ITEMS {
        code.push(rust_item(choose, item).unwrap_or_else(|| panic!("crates/link/src/choose.rs has no `{item}`")));
    }
    hash_code(&code)
}

/// A file's text before its `#[cfg(test)] mod tests`.
fn without_tests(src: &str) -> &str {
    match src.find("#[cfg(test)]\nmod tests") {
        Some(i) => &src[..i],
        None => src,
    }
}

/// The text of the top-level item that starts with `head` (at the start of a line), through
/// its closing brace (or `;`), braces in string and character literals skipped.
pub fn rust_item<'a>(src: &'a str, head: &str) -> Option<&'a str> {
    let start = src.match_indices(head).map(|(i, _)| i).find(|&i| {
        (i == 0 || src.as_bytes()[i - 1] == b'\n')
            && !src[i + head.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    })?;
    let b = src.as_bytes();
    let (mut depth, mut opened, mut i) = (0usize, false, start);
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            // A character literal ('{', '\''), not a lifetime ('a).
            b'\'' if b.get(i + 2) == Some(&b'\'') => i += 2,
            b'\'' if b.get(i + 1) == Some(&b'\\') => {
                i += 2;
                while i < b.len() && b[i] != b'\'' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'{' => {
                depth += 1;
                opened = true;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if opened && depth == 0 {
                    return Some(&src[start..=i]);
                }
            }
            b';' if !opened => return Some(&src[start..=i]),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The hash of source code, comment lines dropped and all whitespace removed, so that
/// reformatting or documenting the code keeps it (as `tempograph_syntax::feature_hash`):
/// FNV-1a, 64 bits, in hex.
fn hash_code(parts: &[&str]) -> String {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for part in parts {
        for line in part.lines() {
            let t = line.trim();
            if t.starts_with("//") {
                continue;
            }
            for b in t.bytes().filter(|b| !b.is_ascii_whitespace()) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01B3);
            }
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_write_round_trip() {
        let text = "a\t1\t-2\nb\"q\t0\t30\n";
        let rows = parse::<2>(text).unwrap();
        assert_eq!(rows, vec![("a", [1, -2]), ("b\"q", [0, 30])]);
        assert_eq!(write(&rows), text);
        assert!(parse::<2>("").unwrap().is_empty());
    }

    #[test]
    fn parse_errors_name_the_line() {
        let cases: &[(&str, &str)] = &[
            ("a 1 2\n", "line 1: expected a tab after the feature"),
            ("a\t1\t2\nb\t1\n", "line 2: expected 2 weights, found 1"),
            ("a\t1\t2\t3\n", "line 1: expected 2 weights, found 3"),
            ("a\t1\tx\n", "line 1: expected an integer weight, found \"x\""),
            (
                "b\t1\t2\na\t1\t2\n",
                "line 2: feature \"a\" is not after the previous row's (rows are sorted, each feature once)",
            ),
            (
                "a\t1\t2\na\t1\t2\n",
                "line 2: feature \"a\" is not after the previous row's (rows are sorted, each feature once)",
            ),
            ("a\t1\t2", "expected a line break at the end"),
        ];
        for (text, want) in cases {
            assert_eq!(parse::<2>(text).unwrap_err().to_string(), *want, "{text:?}");
        }
    }

    #[test]
    fn items_are_cut_at_their_closing_brace() {
        let src = "fn a() {\n    let s = \"}\";\n    let c = '}';\n    // }\n    if x { y }\n}\nfn ab() {}\nstruct Where<'a> {\n    cx: &'a u8,\n}\nstruct U;\n";
        assert_eq!(
            rust_item(src, "fn a"),
            Some("fn a() {\n    let s = \"}\";\n    let c = '}';\n    // }\n    if x { y }\n}")
        );
        assert_eq!(rust_item(src, "fn ab"), Some("fn ab() {}"));
        assert_eq!(
            rust_item(src, "struct Where"),
            Some("struct Where<'a> {\n    cx: &'a u8,\n}")
        );
        assert_eq!(rust_item(src, "struct U"), Some("struct U;"));
        assert_eq!(rust_item(src, "fn b"), None);
    }

    #[test]
    fn the_code_hash_ignores_comments_and_layout_but_not_code() {
        let a = hash_code(&["fn f() {\n    x + 1\n}\n"]);
        assert_eq!(a, hash_code(&["// doc\nfn f() { x+1 }"]));
        assert_ne!(a, hash_code(&["fn f() { x + 2 }"]));
    }

    #[test]
    fn every_chooser_feature_item_is_found() {
        for item in CHOOSER_FEATURE_ITEMS {
            assert!(rust_item(include_str!("choose.rs"), item).is_some(), "{item}");
        }
    }
}
