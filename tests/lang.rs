//! The language seam (the crate `tempograph-lang`, `crates/lang/src/`, issue #14): every language's cases, and a ratchet on the
//! English words still written outside the language packages.
//!
//! `language_cases` runs `tests/data/lang/<code>/*.toml` (the format of `tests/data/timex/`)
//! through `timex::tag_in` with that language: every case must pass, names must be unique,
//! every rule id the language declares must be exercised, and every language but English
//! (whose cases are `tests/data/timex/`) must have a folder. `LANG_CASE=substring` runs only
//! matching cases.
//!
//! `english_literals_ratchet` counts, per source file of the library's crates (`src/`,
//! `crates/*/src/`) outside the language packages ([`LANG`]), the string
//! literals that are an English-looking word (see [`is_word_literal`]) and compares them with
//! `tests/data/lang/english-literals.tsv`: a file may go down, never up, and a file not in
//! the baseline may hold none; a file that rose is reported with every literal it holds, by
//! line. `BLESS_LANG=1` rewrites the baseline (review it with `git diff`: the totals may only
//! fall). What counts is decided by [`word_literals`], whose cases are `word_classifier`.
//!
//! `crates/core/src/format/` is not counted either: it spells the names of the formats the tool reads
//! and writes (TimeML attributes, record keys) as constants and holds nothing else
//! (`format_holds_constants_only`).
//!
//! Test code is not counted: a `#[cfg(test)]` item (a unit-test module, to the brace that
//! closes it) and the files of test-only modules (`#[cfg(test)] mod tests;`, see
//! [`test_module_files`]). Their literals are example sentences and expected results, read
//! by no run of the tool; the words the tool decides with are in the code they test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tempograph_lang as lang;
use tempograph_lang::text::Analysis;
use tempograph_timex as timex;

mod timex_case;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sorted_dir(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    v
}

#[test]
fn language_cases() {
    let filter = std::env::var("LANG_CASE").ok();
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut seen_langs = BTreeSet::new();
    let mut names = BTreeMap::new();
    for dir in sorted_dir(&root().join("tests/data/lang")) {
        if !dir.is_dir() {
            continue;
        }
        let code = dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let Some(l) = lang::by_code(&code) else {
            failures.push(format!(
                "tests/data/lang/{code}: no language package `{code}` in crates/lang/src"
            ));
            continue;
        };
        seen_langs.insert(l.code());
        let mut used = BTreeSet::new();
        for p in timex_case::toml_files(&dir) {
            let file = format!("{code}/{}", p.file_name().unwrap_or_default().to_string_lossy());
            for c in timex_case::load(&p, &file) {
                if let Some(prev) = names.insert(c.name.clone(), file.clone()) {
                    failures.push(format!("duplicate case name `{}` in {file} (first in {prev})", c.name));
                }
                if filter.as_deref().is_some_and(|f| !c.name.contains(f)) {
                    continue;
                }
                ran += 1;
                let got = timex::tag_in(l, &c.text, &Analysis::new(&c.text), c.dct);
                for t in &got {
                    if !l.rule_ids().contains(&t.rule) {
                        failures.push(format!(
                            "{file}: {}: rule `{}` is not in {}'s rule ids",
                            c.name,
                            t.rule,
                            l.name()
                        ));
                    }
                }
                let ok = timex_case::matches(&got, &c.expect);
                if ok {
                    used.extend(got.iter().map(|t| t.rule));
                } else {
                    failures.push(timex_case::failure(&file, &c, &got));
                }
            }
        }
        if filter.is_none() {
            for id in l.rule_ids() {
                if !used.contains(id) {
                    failures.push(format!(
                        "{}: rule `{id}` is not exercised by any passing case",
                        l.name()
                    ));
                }
            }
        }
    }
    for l in lang::LANGUAGES {
        if l.code() != "en" && !seen_langs.contains(l.code()) {
            failures.push(format!(
                "{} has no cases: tests/data/lang/{}/*.toml",
                l.name(),
                l.code()
            ));
        }
    }
    assert!(ran > 0, "no cases ran");
    assert!(
        failures.is_empty(),
        "{} problems in {ran} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The language packages are distinct, and the default is English.
#[test]
fn languages_are_registered_once() {
    let codes: BTreeSet<&str> = lang::LANGUAGES.iter().map(|l| l.code()).collect();
    assert_eq!(codes.len(), lang::LANGUAGES.len(), "a language code twice");
    assert_eq!(lang::english().code(), "en");
    assert_eq!(lang::by_code("DE").map(|l| l.code()), Some("de"));
    assert!(lang::by_code("xx").is_none());
}

/// A string literal counts as an English word when its contents are only lower-case ASCII
/// letters, at least two of them (`"today"`, `"said"`): the shape of a word list entry or
/// a compared token. Format strings, rule ids (`"date/iso"`), keys with `_` or `-`,
/// capitalised words and single letters do not count, so the figure is a floor on the
/// English a file holds, not all of it.
fn is_word_literal(s: &str) -> bool {
    s.len() >= 2 && s.bytes().all(|b| b.is_ascii_lowercase()) && !UD_RELATIONS.contains(&s)
}

/// The Universal Dependencies relation names: labels of the parser's output, the same in
/// every language, not English words.
const UD_RELATIONS: &[&str] = &[
    "acl",
    "advcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "case",
    "cc",
    "ccomp",
    "clf",
    "compound",
    "conj",
    "cop",
    "csubj",
    "dep",
    "det",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nsubj",
    "nummod",
    "obj",
    "obl",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
];

/// Folders whose literals are the tool's own interface vocabulary (option values, output
/// formats, HTML and CSS names), not words of the language the texts are written in.
const INTERFACE: &[&str] = &["crates/cli/src/", "crates/render/src/"];

/// The folders of the format vocabulary: how the formats the tool reads and writes spell
/// their names (TimeML attributes, the keys of its records, the words of its own messages),
/// as constants; the syntax crate has its own for the names its trainer writes. They hold
/// nothing else ([`format_holds_constants_only`]), so no code there can decide with a word.
const FORMAT: &[&str] = &["crates/core/src/format/", "crates/syntax/src/format/"];

/// The language packages and their rule engine (the crate `tempograph-lang`): their words
/// are not counted. The crate's text stage ([`NOT_LANG`]) knows no word, and is counted.
const LANG: &str = "crates/lang/src/";

/// Files of [`LANG`] that are not language packages: counted like any stage.
const NOT_LANG: &[&str] = &["crates/lang/src/text.rs"];

/// The contents of the string literals of Rust source `src` (plain and raw strings; not
/// comments, char literals, byte strings' prefixes' letters, attributes, or `#[cfg(test)]`
/// items).
fn string_literals(src: &str) -> Vec<&str> {
    literal_spans(src).into_iter().map(|(_, s)| s).collect()
}

/// Calls whose first argument names a field of a data format (a JSON record's key, a YAML
/// path step, a struct's field in its `Debug` output), not a word of a text:
/// `serialize_field("published", ...)`, `f.debug_struct("Solved").field("bounds", ...)`.
const FORMAT_KEY_CALLS: &[&str] = &["serialize_field(", "serialize_entry(", "Step::key(", ".field("];

/// The string literals of `src` that count as English words: [`is_word_literal`], and not
/// the key of a data format ([`FORMAT_KEY_CALLS`]) or the spelling of an enum value
/// ([`is_variant_spelling`]). Attributes (`#[serde(rename = "type")]`) and `#[cfg(test)]`
/// items are skipped by the scanner.
fn word_literals(src: &str) -> Vec<&str> {
    word_literal_spans(src).into_iter().map(|(_, s)| s).collect()
}

/// [`word_literals`] with the byte offset of each.
fn word_literal_spans(src: &str) -> Vec<(usize, &str)> {
    literal_spans(src)
        .into_iter()
        .filter(|&(at, s)| {
            let before = src[..at.saturating_sub(1)].trim_end();
            is_word_literal(s) && !FORMAT_KEY_CALLS.iter().any(|c| before.ends_with(c)) && !is_variant_spelling(before)
        })
        .collect()
}

/// `before` (the source up to a literal) ends a match arm whose pattern is enum variants
/// only: `Precision::Day => "day"`, `A::X | A::Y => "x"`. The literal is how the format
/// spells that value (a YAML or JSON value, a TimeML attribute), not a word read from a
/// text. A literal as the pattern (`"since" => RelType::BegunBy`), under a wrapper
/// (`Some(A::X) =>`) or after `_ =>` still counts.
fn is_variant_spelling(before: &str) -> bool {
    let Some(pattern) = before.strip_suffix("=>") else {
        return false;
    };
    let start = pattern.rfind(['{', ',']).map_or(0, |k| k + 1);
    let alternatives: Vec<&str> = pattern[start..].split('|').map(str::trim).collect();
    alternatives
        .iter()
        .all(|a| a.contains("::") && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':'))
}

/// [`string_literals`] with the byte offset of each literal's contents.
fn literal_spans(src: &str) -> Vec<(usize, &str)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut attribute: Option<usize> = None;
    let mut depth = 0usize;
    // Where the attribute being read starts (its `#`).
    let mut attribute_at = 0;
    // Inside the item after `#[cfg(test)]`: the literals found before it, its brace depth,
    // and whether its body (`{`) has opened.
    let mut test_item: Option<(usize, usize, bool)> = None;
    while i < b.len() {
        match b[i] {
            // A `#[cfg(test)]` item (a test module or function, `mod tests;`): it ends at the
            // `}` that closes its body, or at a `;` before any body.
            b'{' if test_item.is_some() => {
                if let Some((_, d, opened)) = test_item.as_mut() {
                    *d += 1;
                    *opened = true;
                }
                i += 1;
            }
            b'}' if test_item.is_some_and(|(_, d, _)| d > 0) => {
                if let Some((kept, d, _)) = test_item.as_mut() {
                    *d -= 1;
                    if *d == 0 {
                        out.truncate(*kept);
                        test_item = None;
                    }
                }
                i += 1;
            }
            b';' if test_item.is_some_and(|(_, d, opened)| d == 0 && !opened) => {
                out.truncate(test_item.take().map_or(0, |(kept, _, _)| kept));
                i += 1;
            }
            // An attribute (`#[...]`, `#![...]`): its strings are keys and options of
            // derives and lints (`rename = "type"`, `feature = "train"`), not text.
            b'#' if attribute.is_none()
                && (b.get(i + 1) == Some(&b'[') || (b.get(i + 1) == Some(&b'!') && b.get(i + 2) == Some(&b'['))) =>
            {
                attribute = Some(out.len());
                attribute_at = i;
                depth = 0;
                i += 1;
            }
            b'[' if attribute.is_some() => {
                depth += 1;
                i += 1;
            }
            b']' if attribute.is_some() => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    out.truncate(attribute.take().unwrap_or(0));
                    let text: String = src[attribute_at..i].chars().filter(|c| !c.is_whitespace()).collect();
                    if test_item.is_none() && text == "#[cfg(test)]" {
                        test_item = Some((out.len(), 0, false));
                    }
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'\'' => {
                // A char literal (`'"'`, `'\''`, `'é'`) or a lifetime (`'a`).
                if b.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else if let Some(ch) = src[i + 1..].chars().next() {
                    let after = i + 1 + ch.len_utf8();
                    i = if b.get(after) == Some(&b'\'') { after + 1 } else { i + 1 };
                } else {
                    i += 1;
                }
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let start = j + 1;
                let close = format!("\"{}", "#".repeat(hashes));
                let end = src[start..].find(&close).map_or(b.len(), |k| start + k);
                out.push((start, &src[start..end]));
                i = end + close.len();
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                out.push((start, &src[start..j.min(b.len())]));
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Every `.rs` file under `dir`, recursively, as paths relative to the crate root.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for p in sorted_dir(dir) {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The files of the modules that the Rust file `path` declares test-only (`#[cfg(test)] mod
/// tests;`): `tests.rs` or `tests/mod.rs` beside a `mod.rs`, `lib.rs` or `main.rs`, and
/// under a folder named after any other file (`link/closure.rs` → `link/closure/tests.rs`).
fn test_module_files(path: &Path, src: &str) -> Vec<PathBuf> {
    let dir = match path.file_stem().and_then(|s| s.to_str()) {
        Some("mod" | "lib" | "main") => path.parent().map(Path::to_path_buf),
        Some(stem) => path.parent().map(|d| d.join(stem)),
        None => None,
    };
    let Some(dir) = dir else { return Vec::new() };
    let mut out = Vec::new();
    for (at, _) in src.match_indices("#[cfg(test)]") {
        let rest = src[at + "#[cfg(test)]".len()..].trim_start();
        let Some(decl) = rest.strip_prefix("mod ") else {
            continue;
        };
        let Some((name, _)) = decl.split_once(';') else {
            continue;
        };
        let name = name.trim();
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push(dir.join(format!("{name}.rs")));
            out.push(dir.join(name).join("mod.rs"));
        }
    }
    out
}

/// Per file outside the language packages ([`LANG`]; in `src/` and `crates/*/src/`), its English word literals,
/// each as `line: "word"`. `TEMPOGRAPH_SRC_ROOT=DIR` counts another checkout instead (to
/// compare with an older revision: `git archive REV src crates | tar -x -C DIR`).
fn english_literals() -> BTreeMap<String, Vec<String>> {
    let root = std::env::var_os("TEMPOGRAPH_SRC_ROOT").map_or_else(root, PathBuf::from);
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for c in sorted_dir(&root.join("crates")) {
        if c.join("src").is_dir() {
            rust_files(&c.join("src"), &mut files);
        }
    }
    let sources: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|p| {
            let src = std::fs::read_to_string(&p).expect("readable source");
            (p, src)
        })
        .collect();
    let test_only: BTreeSet<PathBuf> = sources.iter().flat_map(|(p, src)| test_module_files(p, src)).collect();
    let mut out = BTreeMap::new();
    for (p, src) in &sources {
        let rel = p.strip_prefix(&root).unwrap_or(p).to_string_lossy().replace('\\', "/");
        if (rel.starts_with(LANG) && !NOT_LANG.contains(&rel.as_str()))
            || rel.starts_with("src/lang/")
            || FORMAT.iter().any(|f| rel.starts_with(f))
            || INTERFACE.iter().any(|f| rel.starts_with(f))
            || test_only.contains(p)
        {
            continue;
        }
        let words: Vec<String> = word_literal_spans(src)
            .into_iter()
            .map(|(at, w)| format!("{}: {w:?}", src[..at].lines().count()))
            .collect();
        if !words.is_empty() {
            out.insert(rel, words);
        }
    }
    out
}

const BASELINE: &str = "tests/data/lang/english-literals.tsv";

#[test]
fn english_literals_ratchet() {
    let now = english_literals();
    let total: usize = now.values().map(Vec::len).sum();
    let path = root().join(BASELINE);
    if std::env::var_os("BLESS_LANG").is_some() {
        let mut s = String::from(
            "# English word literals per source file outside the language packages (tests/lang.rs, english_literals_ratchet).\n\
             # A count may fall, never rise; a file not listed may hold none. BLESS_LANG=1 rewrites it.\n",
        );
        s.push_str(&format!("# total\t{total}\n"));
        for (f, words) in &now {
            s.push_str(&format!("{f}\t{}\n", words.len()));
        }
        std::fs::write(&path, s).expect("write the baseline");
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{BASELINE}: {e}"));
    let mut base = BTreeMap::new();
    for (k, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (f, n) = line
            .split_once('\t')
            .and_then(|(f, n)| Some((f, n.trim().parse::<usize>().ok()?)))
            .unwrap_or_else(|| panic!("{BASELINE}:{}: expected `file TAB count`, found {line:?}", k + 1));
        base.insert(f.to_string(), n);
    }
    let mut rose = Vec::new();
    for (f, words) in &now {
        let (was, n) = (base.get(f).copied().unwrap_or(0), words.len());
        if n > was {
            // Every counted literal of the file, by line (the new ones are among them).
            let list: Vec<String> = words.iter().take(60).map(|w| format!("    {f}:{w}")).collect();
            rose.push(format!(
                "{f}: {was} -> {n} English word literals (move the words to crates/lang/src/en):\n{}",
                list.join("\n")
            ));
        }
    }
    // A file of the baseline that is gone was moved or deleted: its words must be found where
    // they went (rename it in the baseline), not drop out of the count unseen.
    if std::env::var_os("TEMPOGRAPH_SRC_ROOT").is_none() {
        for f in base.keys() {
            if !root().join(f).is_file() {
                rose.push(format!(
                    "{BASELINE}: {f} no longer exists: give its new path (a moved file keeps its count)"
                ));
            }
        }
    }
    let base_total: usize = base.values().sum();
    println!("English word literals outside the language packages: {total} now, {base_total} in the baseline");
    assert!(rose.is_empty(), "the language seam got worse:\n{}", rose.join("\n"));
}

/// The literal scanner reads strings, not comments, chars or lifetimes.
#[test]
fn literal_scanner() {
    let src = r##"
        // "comment"
        /* "block" /* "nested" */ */
        let a: &'static str = "said"; let q = '"'; let e = '\''; let u = 'é';
        let r = r#"raw "inner" word"#; let f = format!("{x} days"); let s = "a\"b";
        fn f<'a>(x: &'a str) -> &'a str { "told" }
    "##;
    let lits = string_literals(src);
    assert_eq!(lits, ["said", "raw \"inner\" word", "{x} days", "a\\\"b", "told"]);
    let words: Vec<&str> = lits.into_iter().filter(|s| is_word_literal(s)).collect();
    assert_eq!(words, ["said", "told"]);
}

/// What counts as an English word literal, and what does not: each line of Rust is a case
/// with the words it should count.
#[test]
fn word_classifier() {
    let cases: &[(&str, &[&str])] = &[
        // Counted: compared words, list entries, match arms, words as arguments.
        (r#"if w == "said" {}"#, &["said"]),
        (r#"matches!(w, "after" | "before")"#, &["after", "before"]),
        (r#"static L: &[&str] = &["the", "an"];"#, &["the", "an"]),
        (r#"Some("since") => RelType::BegunBy,"#, &["since"]),
        (r#"x.form.eq_ignore_ascii_case("since")"#, &["since"]),
        (r#"let s = serialize("published");"#, &["published"]),
        // Not counted: format strings, ids, keys with `_`/`-`, capitals, single letters,
        // UD relations, punctuation.
        (r#"format!("{n} days")"#, &[]),
        (
            r#"let id = "date/iso"; let k = "max_events"; let f = "press-conference";"#,
            &[],
        ),
        (r#"let n = "Monday"; let a = "s"; let t = "VERB";"#, &[]),
        (r#"if rel == "nsubj" || rel == "obj" {}"#, &[]),
        (r#"matches!(p, "," | ";" | "'")"#, &[]),
        // Not counted: attributes, and the keys of data formats.
        (r#"#[serde(rename = "type", tag = "from")] struct A;"#, &[]),
        (r#"#[cfg(feature = "train")] #[derive(Debug)] struct B;"#, &[]),
        (r#"#![allow(clippy::all)] let x = "said";"#, &["said"]),
        (r#"st.serialize_field("published", &r.published)?;"#, &[]),
        (r#"locate(text, &[Step::Index(i), Step::key( "language")]);"#, &[]),
        (
            r#"f.debug_struct("Solved").field("bounds", &self.bounds).finish()"#,
            &[],
        ),
        // An attribute ends at its bracket: the literals after it count.
        (r#"#[test] fn f() { assert!(is("told")); }"#, &["told"]),
        (r#"#[doc = "x [y] z"] fn g() -> &'static str { "ago" }"#, &["ago"]),
        // Not counted: the spelling of an enum value; counted: a word matched to one.
        (
            r#"match p { Precision::Day => "day", Precision::Week | Precision::Month => "weekly" }"#,
            &[],
        ),
        (
            r#"match w { "since" => RelType::BegunBy, _ => "within" }"#,
            &["since", "within"],
        ),
        (
            r#"match x { Some(Kind::A) => "alpha", None => "none" }"#,
            &["alpha", "none"],
        ),
        (r#"let ok = a => "word";"#, &["word"]),
        // Not counted: a `#[cfg(test)]` item, to the brace that closes its body (braces in
        // its strings and chars do not) or to its `;`; what follows it counts, and so does
        // any other `cfg`.
        (
            r#"#[cfg(test)] mod tests { #[test] fn f() { assert!(is("said", "{", '}')); } } fn g() -> &'static str { "told" }"#,
            &["told"],
        ),
        (r#"#[cfg( test )] mod tests; let x = "said";"#, &["said"]),
        (
            r#"#[cfg(feature = "train")] mod m { fn f() -> &'static str { "said" } }"#,
            &["said"],
        ),
    ];
    let mut failures = Vec::new();
    for (src, want) in cases {
        let got = word_literals(src);
        if got != *want {
            failures.push(format!("{src}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// [`FORMAT`] holds only constants and module declarations: every item of its files
/// (comment lines left out) is a `pub const` or a `pub mod`, and no `{` opens a block, so it
/// holds no code and no word a stage could decide with.
#[test]
fn format_holds_constants_only() {
    let mut files = Vec::new();
    for f in FORMAT {
        let before = files.len();
        rust_files(&root().join(f), &mut files);
        assert!(files.len() > before, "no {f}");
    }
    let mut bad = Vec::new();
    for p in files {
        let src = std::fs::read_to_string(&p).expect("readable source");
        let code: String = src
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let name = p.strip_prefix(root()).unwrap_or(&p).display().to_string();
        if code.contains('{') {
            bad.push(format!("{name}: a block (`{{`): only constants belong here"));
        }
        for item in code.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            if !(item.starts_with("pub const ") || item.starts_with("pub mod ")) {
                bad.push(format!("{name}: not a `pub const` or `pub mod`: {item}"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The files of `#[cfg(test)] mod NAME;` declarations, beside a `mod.rs` and under a file's
/// own folder.
#[test]
fn test_module_paths() {
    let src = "#[cfg(test)]\nmod tests;\n#[cfg(test)] mod reference;\nmod kept;\n";
    let files = |p: &str| test_module_files(Path::new(p), src);
    assert_eq!(
        files("src/graph/mod.rs"),
        [
            "src/graph/tests.rs",
            "src/graph/tests/mod.rs",
            "src/graph/reference.rs",
            "src/graph/reference/mod.rs"
        ]
        .map(PathBuf::from)
    );
    assert_eq!(
        files("src/link/closure.rs")[0],
        PathBuf::from("src/link/closure/tests.rs")
    );
}

/// `tempograph ARGS` in `dir`: exit code, stdout, stderr.
fn tempograph(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run tempograph");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `tag --lang de` reads German; English stays the default; an unknown code is a usage error
/// that lists the known ones.
#[test]
fn tag_lang_flag() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let text = "Sony hat die Premiere am 17. Dezember 2014 abgesagt, gestern.\n";
    std::fs::write(dir.path().join("artikel.txt"), text).expect("write");
    let args = |lang: Option<&str>| {
        let mut a = vec!["tag", "--format", "jsonl", "--dct", "2014-12-18", "artikel.txt"];
        if let Some(l) = lang {
            a.extend(["--lang", l]);
        }
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let run = |lang| {
        let a = args(lang);
        tempograph(dir.path(), &a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let (code, out, err) = run(Some("de"));
    assert_eq!(code, 0, "{err}");
    let values: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split("\"value\":\"").nth(1)?.split('"').next())
        .collect();
    assert_eq!(values, ["2014-12-17", "2014-12-17"], "{out}");
    // English by default: `17. Dezember` is not a date to it, `gestern` not a word.
    let (code, out, _) = run(None);
    assert_eq!(code, 0);
    assert!(!out.contains("\"text\":\"gestern\""), "{out}");
    let (code, out, err) = run(Some("fr"));
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("expected a language code (en, de), found `fr`"), "{err}");
}

/// A manifest entry's `language:` chooses the language of its document; an unknown code is
/// an error at its line and column.
#[test]
fn manifest_language_field() {
    let dir = tempfile::tempdir().expect("scratch folder");
    std::fs::write(dir.path().join("a.txt"), "Am Donnerstag wurde der Film abgesagt.\n").expect("write");
    std::fs::write(dir.path().join("b.txt"), "The film was cancelled on Thursday.\n").expect("write");
    let manifest = "- file: a.txt\n  published: 2014-12-19\n  language: de\n- file: b.txt\n  published: 2014-12-19\n";
    std::fs::write(dir.path().join("sources.yaml"), manifest).expect("write");
    let (code, out, err) = tempograph(dir.path(), &["tag", "--format", "jsonl", "--manifest", "sources.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\"text\":\"Donnerstag\"") && out.contains("\"value\":\"2014-12-18\""),
        "{out}"
    );
    assert!(out.contains("\"text\":\"Thursday\""), "{out}");
    std::fs::write(
        dir.path().join("bad.yaml"),
        "- file: a.txt\n  published: 2014-12-19\n  language: klingon\n",
    )
    .expect("write");
    let (code, _, err) = tempograph(dir.path(), &["tag", "--manifest", "bad.yaml"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("bad.yaml:3:13")
            && err.contains("expected `language:` as a language code (en, de), found \"klingon\""),
        "{err}"
    );
}

/// Does this line of Rust name the English package by path (`lang::en::...`, `en::X`, `use
/// tempograph_lang::en;`, `lang::{self, en}`)? A stage reads a language's words through
/// [`lang::Language`] and [`lang::EventWords`]; only the language packages name `en`, and the
/// default language is chosen with `lang::english()`.
fn names_english_package(line: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let path = line.match_indices("en::").any(|(at, _)| !line[..at].ends_with(ident));
    let tail = line
        .match_indices("lang::en")
        .any(|(at, m)| !line[at + m.len()..].starts_with(ident));
    let group = line.match_indices("lang::{").any(|(at, m)| {
        let inner = line[at + m.len()..].split('}').next().unwrap_or("");
        inner
            .split(',')
            .any(|x| x.trim() == "en" || x.trim().starts_with("en "))
    });
    path || tail || group
}

#[test]
fn english_package_classifier() {
    let cases: &[(&str, bool)] = &[
        ("use crate::lang::en::events::{BE, HAVE};", true),
        ("    crate::lang::en::month_number(&w)", true),
        ("use tempograph_lang::en;", true),
        ("use crate::lang::{self, en};", true),
        ("let w = en::LIGHT_VERBS;", true),
        ("/// [`crate::lang::en::timeline::is_headline`]", true),
        // Negatives: the seam, and words that merely end in `en`.
        ("crate::lang::english().month_number(&w)", false),
        ("use crate::lang::engine::{Cand, Ctx};", false),
        ("let t = token::Kind; let x = Token::Word;", false),
        ("fn events(&self) -> Option<&'static EventWords>", false),
        ("use crate::lang::{EventWords, Language};", false),
        ("let e = ctx.words.ending.en;", false),
    ];
    for &(line, want) in cases {
        assert_eq!(names_english_package(line), want, "{line}");
    }
}

/// Per source file outside the language packages (`src/`, `crates/*/src/`, `train/src/`), the
/// lines that name the English package.
fn english_package_paths(root: &Path) -> BTreeMap<String, Vec<String>> {
    let mut files = Vec::new();
    for dir in ["src", "train/src"].map(|d| root.join(d)).iter().filter(|d| d.is_dir()) {
        rust_files(dir, &mut files);
    }
    for c in sorted_dir(&root.join("crates")) {
        if c.join("src").is_dir() {
            rust_files(&c.join("src"), &mut files);
        }
    }
    let mut out = BTreeMap::new();
    for p in files {
        let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
        if rel.starts_with(LANG) {
            continue;
        }
        let src = std::fs::read_to_string(&p).expect("readable source");
        let lines: Vec<String> = src
            .lines()
            .enumerate()
            .filter(|(_, l)| names_english_package(l))
            .map(|(k, l)| format!("{rel}:{}: {}", k + 1, l.trim()))
            .collect();
        if !lines.is_empty() {
            out.insert(rel, lines);
        }
    }
    out
}

const PACKAGE_BASELINE: &str = "tests/data/lang/english-package-paths.tsv";

/// The stages read English only through the seam: no source file outside `crates/lang`
/// names the English package, except those in `tests/data/lang/english-package-paths.tsv`,
/// whose counts may only fall (a file gone from the tree must leave the baseline).
#[test]
fn english_package_named_only_in_lang() {
    let text = std::fs::read_to_string(root().join(PACKAGE_BASELINE)).expect(PACKAGE_BASELINE);
    let base: BTreeMap<String, usize> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (f, n) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("{PACKAGE_BASELINE}: {l:?}"));
            (
                f.to_string(),
                n.trim().parse().unwrap_or_else(|_| panic!("{PACKAGE_BASELINE}: {l:?}")),
            )
        })
        .collect();
    let now = english_package_paths(&root());
    let mut bad = Vec::new();
    for (f, lines) in &now {
        if lines.len() > base.get(f).copied().unwrap_or(0) {
            bad.push(format!(
                "{f}: {} lines name the English package:\n  {}",
                lines.len(),
                lines.join("\n  ")
            ));
        }
    }
    for f in base.keys() {
        if !root().join(f).is_file() {
            bad.push(format!("{PACKAGE_BASELINE}: {f} no longer exists"));
        }
    }
    assert!(
        bad.is_empty(),
        "read the language's words through lang::Language:\n{}",
        bad.join("\n")
    );

    // Negative: a synthetic stage file that reaches into the package is caught.
    let dir = tempfile::tempdir().expect("scratch folder");
    let stage = dir.path().join("crates/stage/src");
    std::fs::create_dir_all(&stage).expect("mkdir");
    std::fs::write(
        stage.join("lib.rs"),
        "//! A stage.\nuse crate::lang::en::events::BE;\nfn f(w: &str) -> bool { BE.contains(&w) }\n",
    )
    .expect("write");
    std::fs::create_dir_all(dir.path().join("crates/lang/src/en")).expect("mkdir");
    std::fs::write(dir.path().join("crates/lang/src/en/mod.rs"), "pub use en::events;\n").expect("write");
    let caught = english_package_paths(dir.path());
    assert_eq!(
        caught.keys().collect::<Vec<_>>(),
        ["crates/stage/src/lib.rs"],
        "{caught:?}"
    );
    assert_eq!(caught["crates/stage/src/lib.rs"].len(), 1);
}

/// English with other event words: every method is English's but [`lang::Language::events`].
struct Variant(&'static lang::EventWords);

impl lang::Language for Variant {
    fn code(&self) -> &'static str {
        "en"
    }
    fn name(&self) -> &'static str {
        "English (variant)"
    }
    fn rule_ids(&self) -> &'static [&'static str] {
        lang::english().rule_ids()
    }
    fn lexicon(&self) -> &'static lang::engine::Lexicon {
        lang::english().lexicon()
    }
    fn extract(&self, ctx: &lang::engine::Ctx, from: usize, to: usize) -> (Vec<lang::engine::Cand>, usize) {
        lang::english().extract(ctx, from, to)
    }
    fn direction(&self, ctx: &lang::engine::Ctx, analysis: &Analysis, start: usize, end: usize) -> lang::engine::Cue {
        lang::english().direction(ctx, analysis, start, end)
    }
    fn month_number(&self, lower: &str) -> Option<u32> {
        lang::english().month_number(lower)
    }
    fn range_connectors(&self) -> &[&'static str] {
        lang::english().range_connectors()
    }
    fn past_marker_after(&self, ctx: &lang::engine::Ctx, i: usize) -> Option<&'static str> {
        lang::english().past_marker_after(ctx, i)
    }
    fn reference_cues(&self) -> Option<&'static lang::ReferenceCues> {
        lang::english().reference_cues()
    }
    fn events(&self) -> Option<&'static lang::EventWords> {
        Some(self.0)
    }
}

/// A word list of `words`, for a variant package.
fn word_list(words: Vec<&str>) -> &'static lang::Words {
    let src: &'static str = Box::leak(words.join("\n").into_boxed_str());
    Box::leak(Box::new(lang::Words::new(src)))
}

/// The events (trigger, tense) the pipeline finds in `text` read in `language`.
fn events_in(language: &'static dyn lang::Language, text: &str) -> Vec<(String, String)> {
    let dct = chrono::NaiveDate::from_ymd_opt(2014, 12, 18).expect("date");
    let doc = tempograph_timeline::document::Document::from_text(
        "seam",
        text,
        dct,
        tempograph_timeline::document::DctSource::Flag,
    );
    let a = tempograph_pipeline::pipeline::try_analyze_in(language, &doc, u64::MAX, None).expect("analysed");
    a.events
        .iter()
        .map(|e| (e.text.clone(), e.tense.as_str().to_string()))
        .collect()
}

/// The event stage follows the tables of the document's language: English with `attack`
/// added to the never-events (a hand list the lexicon folds in) loses that event, English
/// without its future auxiliaries (read by the verb group) tells no future; every other
/// event, and English itself, stay as they were.
#[test]
fn events_follow_the_language_tables() {
    let en = lang::english().events().expect("English has an event package");
    let mut never: Vec<&str> = en.never_events.to_vec();
    never.push("attack");
    let no_attack: &'static lang::EventWords = Box::leak(Box::new(lang::EventWords {
        never_events: word_list(never),
        ..*en
    }));
    let no_future: &'static lang::EventWords = Box::leak(Box::new(lang::EventWords {
        future_auxiliaries: word_list(Vec::new()),
        ..*en
    }));
    let english = lang::english();
    type Case = (
        &'static lang::EventWords,
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: &[Case] = &[
        // (package, text, trigger, under English, under the variant)
        (
            no_attack,
            "The hackers launched an attack on Sony.",
            "attack",
            Some("NONE"),
            None,
        ),
        (
            no_attack,
            "The hackers launched an attack on Sony.",
            "launched",
            Some("PAST"),
            Some("PAST"),
        ),
        (
            no_future,
            "Sony will cancel the premiere.",
            "cancel",
            Some("FUTURE"),
            Some("NONE"),
        ),
        (
            no_future,
            "Sony cancelled the premiere.",
            "cancelled",
            Some("PAST"),
            Some("PAST"),
        ),
    ];
    for &(words, text, trigger, want_en, want_variant) in cases {
        let variant: &'static dyn lang::Language = Box::leak(Box::new(Variant(words)));
        for (language, want) in [(english, want_en), (variant, want_variant)] {
            let got = events_in(language, text);
            let tense = got.iter().find(|(t, _)| t == trigger).map(|(_, tense)| tense.as_str());
            assert_eq!(tense, want, "{} on {text:?}: `{trigger}` in {got:?}", language.name());
        }
    }
}

/// A language without an event package (German) gets its time expressions and no events,
/// without a panic; relations between its time expressions are still made.
#[test]
fn language_without_event_package() {
    let de = lang::by_code("de").expect("German");
    assert!(de.events().is_none());
    let dct = chrono::NaiveDate::from_ymd_opt(2014, 12, 18).expect("date");
    let mut doc = tempograph_timeline::document::Document::from_text(
        "artikel",
        "Sony hat die Premiere am 17. Dezember 2014 abgesagt. Gestern protestierten die Fans.",
        dct,
        tempograph_timeline::document::DctSource::Flag,
    );
    doc.language = Some("de".into());
    let a = tempograph_pipeline::pipeline::try_analyze_with(&doc, u64::MAX, None).expect("analysed");
    let values: Vec<&str> = a.timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2014-12-17", "2014-12-17"]);
    assert!(a.events.is_empty(), "{:?}", a.events);
    assert!(a
        .tlinks
        .iter()
        .all(|l| !matches!(l.from, tempograph_link::Endpoint::Event(_))));
    // The same text read as English: the tagger runs (and finds its English guesses).
    doc.language = None;
    let a = tempograph_pipeline::pipeline::try_analyze_with(&doc, u64::MAX, None).expect("analysed");
    assert!(!a.events.is_empty());
}
