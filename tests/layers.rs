//! The one-way flow of the library's modules (`docs/DESIGN.md`, "Layers"): every module of
//! `src/` has a floor, and code may name only modules on lower floors (`crate::x::...`).
//! Comments and `#[cfg(test)]` modules are not read: a unit test may reach up.
//!
//! `error`, `value` and `relation` are the crate `tempograph-core` (`crates/core/`), which
//! cannot name the library at all; they keep their floors here because the library re-exports
//! them under their names.
//!
//! `KNOWN` lists the imports that still run back up; it may only shrink (an entry that no
//! longer occurs is an error too, so the list stays true).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every top-level module of `src/`, from the ground floor up; each may import only modules
/// of lower floors. Modules on one floor may not import each other.
const FLOORS: &[&[&str]] = &[
    // Values, text, errors and format names: no stage, no natural language.
    &["error", "format"],
    &["text", "value", "relation"],
    &["yaml", "syntax"],
    // The language seam: the rule engine and one package per language.
    &["lang"],
    // The stages, in pipeline order.
    &["timex"],
    &["document", "graph"],
    &["timeline"],
    &["events"],
    &["link"],
    &["timeml", "focus"],
    &["pipeline"],
    &["extract", "render", "batch"],
    &["stream", "eval"],
    // The ways in: the library's face and the command line.
    &["facade"],
    &["cli"],
];

/// Imports that still run against the flow: (from module, to module). May only shrink.
const KNOWN: &[(&str, &str)] = &[];

fn floor(module: &str) -> Option<usize> {
    FLOORS.iter().position(|f| f.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The modules a line names as `crate::m` or inside `crate::{m, n::x}`.
fn named_modules(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                out.push(name);
            }
        } else {
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
        rest = after;
    }
    out.retain(|m| !m.is_empty() && m.chars().next().is_some_and(|c| c.is_ascii_lowercase()));
    out
}

/// (from, to, `file:line`) of every import of another module in the library's code.
fn imports(src: &Path) -> Vec<(String, String, String)> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut out = Vec::new();
    for p in files {
        let rel = p.strip_prefix(src).unwrap_or(&p).to_string_lossy().replace('\\', "/");
        let module = rel
            .split('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{rel}: {e}"));
        for (n, line) in text.lines().enumerate() {
            let t = line.trim_start();
            if t.starts_with("#[cfg(test)]") {
                break;
            }
            if t.starts_with("//") {
                continue;
            }
            let code = line.split(" // ").next().unwrap_or(line);
            for m in named_modules(code) {
                if m != module {
                    out.push((module.clone(), m, format!("src/{rel}:{}", n + 1)));
                }
            }
        }
    }
    out
}

#[test]
fn imports_follow_the_flow() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut failures = Vec::new();
    let mut seen_known = BTreeSet::new();
    let mut modules: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(&src).expect("src/") {
        let p = entry.expect("entry").path();
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if (p.is_dir() || p.extension().is_some_and(|x| x == "rs")) && name != "lib" && name != "main" {
            modules.insert(name);
        }
    }
    for m in &modules {
        if floor(m).is_none() {
            failures.push(format!("src/{m}: a module with no floor in FLOORS (tests/layers.rs)"));
        }
    }
    for (from, to, at) in imports(&src) {
        let (Some(a), Some(b)) = (floor(&from), floor(&to)) else {
            if floor(&to).is_none() && modules.contains(&to) {
                failures.push(format!("{at}: `{to}` has no floor"));
            }
            continue;
        };
        if b < a {
            continue;
        }
        if KNOWN.contains(&(from.as_str(), to.as_str())) {
            seen_known.insert((from, to));
            continue;
        }
        let how = if a == b { "the same floor" } else { "a higher floor" };
        failures.push(format!("{at}: `{from}` imports `{to}`, on {how}"));
    }
    for (from, to) in KNOWN {
        if !seen_known.contains(&(from.to_string(), to.to_string())) {
            failures.push(format!(
                "KNOWN lists `{from}` -> `{to}`, which no longer occurs: remove it"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn named_modules_reads_paths_and_groups() {
    assert_eq!(named_modules("use crate::timex::rules::Ctx;"), ["timex"]);
    assert_eq!(named_modules("use crate::{error::Error, text};"), ["error", "text"]);
    assert_eq!(
        named_modules("let x = crate::value::date_range(v).or(crate::lang::english());"),
        ["value", "lang"]
    );
    // Types re-exported at the crate root are not modules.
    assert!(named_modules("fn f() -> crate::Result<()> {").is_empty());
    assert!(named_modules("let s = \"no path here\";").is_empty());
}

#[test]
fn a_backward_import_is_caught() {
    // The rule itself, on made-up pairs: a lower module naming a higher one is refused.
    let (text, pipeline) = (floor("text").unwrap(), floor("pipeline").unwrap());
    assert!(text < pipeline);
    assert!(floor("timex").unwrap() > floor("lang").unwrap());
    assert_eq!(floor("nonexistent"), None);
}
