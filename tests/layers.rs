//! The one-way flow of the library (`docs/DESIGN.md`, "Layers"), checked at two levels.
//!
//! **Crates.** The library is a workspace of crates, one per stage or group of stages
//! ([`CRATES`], from the ground up): each crate's `[dependencies]` may name only the
//! `tempograph-*` crates its row allows, and a row may allow only crates below it, so the
//! table itself runs one way (Cargo refuses a cycle; this refuses an import against the
//! flow that Cargo would accept).
//!
//! **Modules.** Every module (a top-level module of `src/`, or one of the modules a crate
//! holds, [`CRATES`]) has a floor ([`FLOORS`]), and code may name only modules on lower
//! floors: `crate::x::...` (a crate names the crates below it by the old module names, e.g.
//! `use tempograph_lang::text;`), or `tempograph_c::x::...`. The command line is the crate
//! `tempograph-cli` (module `cli`), and the root crate `tempograph` is the documented API
//! (module `facade`, named as `tempograph::...`): both stand above every stage, so a stage
//! that names either is refused.
//! Comments and `#[cfg(test)]` modules are not read: a unit test may reach up (inside its
//! own crate only: Cargo sees to that).
//!
//! `KNOWN` lists the imports that still run back up; it may only shrink (an entry that no
//! longer occurs is an error too, so the list stays true).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every module of the library, from the ground floor up; each may import only modules
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

/// A crate of the workspace: its package name, its folder, the module its root file and its
/// other files belong to (`""`: none, every file named after a module of [`FLOORS`] is that
/// module), the other modules of [`FLOORS`] it holds (a top-level file or folder of that name
/// is that module; any other file, even one named like a module elsewhere, such as the TimeML
/// renderer `render/timeml.rs`, is the root module's), and the `tempograph-*` crates it may
/// depend on.
struct Crate {
    package: &'static str,
    dir: &'static str,
    root_module: &'static str,
    modules: &'static [&'static str],
    may_use: &'static [&'static str],
}

/// The library's crates, from the ground up. A crate may depend only on crates listed above
/// it (checked by `the_crate_table_runs_one_way`).
const CRATES: &[Crate] = &[
    // The syntactic layer: tokenizer, tagger, parser. Knows nothing of tempograph.
    Crate {
        package: "tempograph-syntax",
        dir: "crates/syntax",
        root_module: "",
        modules: &[],
        may_use: &[],
    },
    // error, value, relation, format: no stage, no word.
    Crate {
        package: "tempograph-core",
        dir: "crates/core",
        root_module: "",
        modules: &[],
        may_use: &[],
    },
    // text (tokens, sentences) and lang (the rule engine, one package per language).
    Crate {
        package: "tempograph-lang",
        dir: "crates/lang",
        root_module: "lang",
        modules: &["text"],
        may_use: &["tempograph-core"],
    },
    // Temporal expressions: tagging with a language's rules, resolution.
    Crate {
        package: "tempograph-timex",
        dir: "crates/timex",
        root_module: "timex",
        modules: &[],
        may_use: &["tempograph-core", "tempograph-lang"],
    },
    // The relation graph (petgraph private).
    Crate {
        package: "tempograph-graph",
        dir: "crates/graph",
        root_module: "graph",
        modules: &[],
        may_use: &["tempograph-core"],
    },
    // The timeline model, its check and labels; documents and their dates; the YAML gateway.
    Crate {
        package: "tempograph-timeline",
        dir: "crates/timeline",
        root_module: "timeline",
        modules: &["document", "yaml"],
        may_use: &["tempograph-core", "tempograph-lang", "tempograph-graph"],
    },
    // Events: triggers, attributes, labels, the listing, the merge; the embedded parse model.
    Crate {
        package: "tempograph-events",
        dir: "crates/events",
        root_module: "events",
        modules: &["syntax"],
        may_use: &[
            "tempograph-core",
            "tempograph-lang",
            "tempograph-timex",
            "tempograph-timeline",
            "tempograph-syntax",
        ],
    },
    // Temporal relations: the rules, the learned label models and the chooser, the closure.
    Crate {
        package: "tempograph-link",
        dir: "crates/link",
        root_module: "link",
        modules: &[],
        may_use: &[
            "tempograph-core",
            "tempograph-lang",
            "tempograph-timex",
            "tempograph-events",
        ],
    },
    // TimeML in and out; the gold annotations as the link stage's facts.
    Crate {
        package: "tempograph-timeml",
        dir: "crates/timeml",
        root_module: "timeml",
        modules: &[],
        may_use: &[
            "tempograph-core",
            "tempograph-lang",
            "tempograph-timex",
            "tempograph-timeline",
            "tempograph-events",
            "tempograph-link",
        ],
    },
    // The renderers: a timeline as Mermaid, DOT, JSON, TimeML, TimelineJS, HTML, a table.
    Crate {
        package: "tempograph-render",
        dir: "crates/render",
        root_module: "render",
        modules: &[],
        may_use: &[
            "tempograph-core",
            "tempograph-lang",
            "tempograph-timeline",
            "tempograph-events",
            "tempograph-timeml",
        ],
    },
    // The whole way from documents to a timeline; the focus; map/reduce records; batch; stream.
    Crate {
        package: "tempograph-pipeline",
        dir: "crates/pipeline",
        root_module: "",
        modules: &[],
        may_use: &[
            "tempograph-core",
            "tempograph-lang",
            "tempograph-timex",
            "tempograph-graph",
            "tempograph-timeline",
            "tempograph-events",
            "tempograph-link",
        ],
    },
    // The evaluation a user runs: TempEval-3 Tasks A and B, temporal awareness, TimeLine.
    Crate {
        package: "tempograph-eval",
        dir: "crates/eval",
        root_module: "eval",
        modules: &[],
        may_use: &[
            "tempograph-core",
            "tempograph-lang",
            "tempograph-timeline",
            "tempograph-events",
            "tempograph-link",
            "tempograph-timeml",
            "tempograph-pipeline",
        ],
    },
    // The `tempograph` command: flags to validated values, one module per subcommand.
    Crate {
        package: "tempograph-cli",
        dir: "crates/cli",
        root_module: "cli",
        modules: &[],
        may_use: &[
            "tempograph-core",
            "tempograph-lang",
            "tempograph-timex",
            "tempograph-timeline",
            "tempograph-events",
            "tempograph-link",
            "tempograph-timeml",
            "tempograph-render",
            "tempograph-pipeline",
            "tempograph-eval",
        ],
    },
    // The documented library API (the facade) and the `tempograph` binary, which is the
    // command crate's `main`.
    Crate {
        package: "tempograph",
        dir: ".",
        root_module: "",
        modules: &[],
        may_use: &[
            "tempograph-core",
            "tempograph-timeline",
            "tempograph-render",
            "tempograph-pipeline",
            "tempograph-cli",
        ],
    },
    // The research harness: trains the models from the stage crates (and writes through the
    // command crate's `write_output`); nothing imports it.
    Crate {
        package: "tempograph-train",
        dir: "train",
        root_module: "",
        modules: &[],
        may_use: &[
            "tempograph-core",
            "tempograph-lang",
            "tempograph-timex",
            "tempograph-graph",
            "tempograph-timeline",
            "tempograph-events",
            "tempograph-link",
            "tempograph-timeml",
            "tempograph-render",
            "tempograph-eval",
            "tempograph-cli",
            "tempograph-syntax",
        ],
    },
];

/// Imports that still run against the flow: (from module, to module). May only shrink.
const KNOWN: &[(&str, &str)] = &[];

fn floor(module: &str) -> Option<usize> {
    FLOORS.iter().position(|f| f.contains(&module))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `tempograph-*` crates of a manifest's `[dependencies]` (not its dev-dependencies: a
/// test may reach up).
fn library_deps(manifest: &str) -> Vec<String> {
    let doc: toml::Table = manifest.parse().expect("a Cargo.toml");
    let mut out: Vec<String> = doc
        .get("dependencies")
        .and_then(|d| d.as_table())
        .map(|d| d.keys().filter(|k| k.starts_with("tempograph")).cloned().collect())
        .unwrap_or_default();
    out.sort();
    out
}

/// Why `package` may not depend on `dep`, if it may not.
fn refused_dep(package: &str, dep: &str) -> Option<String> {
    let Some(c) = CRATES.iter().find(|c| c.package == package) else {
        return Some(format!("`{package}` is not in CRATES (tests/layers.rs)"));
    };
    if c.may_use.contains(&dep) {
        None
    } else {
        Some(format!(
            "`{package}` depends on `{dep}`, which its row of CRATES does not allow"
        ))
    }
}

#[test]
fn crates_depend_only_downward() {
    let root = root();
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let doc: toml::Table = cargo.parse().expect("Cargo.toml");
    let members: Vec<String> = doc["workspace"]["members"]
        .as_array()
        .expect("workspace members")
        .iter()
        .filter_map(|m| m.as_str().map(str::to_string))
        .collect();
    let mut failures = Vec::new();
    for m in &members {
        if !CRATES.iter().any(|c| c.dir == m) {
            failures.push(format!("workspace member {m} is not in CRATES (tests/layers.rs)"));
        }
    }
    for c in CRATES {
        if !members.iter().any(|m| m == c.dir) {
            failures.push(format!("CRATES lists {}, which is not a workspace member", c.dir));
            continue;
        }
        let manifest = std::fs::read_to_string(root.join(c.dir).join("Cargo.toml")).expect("a member's Cargo.toml");
        let name = manifest
            .parse::<toml::Table>()
            .ok()
            .and_then(|t| t.get("package")?.get("name")?.as_str().map(str::to_string));
        if name.as_deref() != Some(c.package) {
            failures.push(format!(
                "{}/Cargo.toml: package {name:?}, CRATES says {}",
                c.dir, c.package
            ));
        }
        for dep in library_deps(&manifest) {
            if let Some(why) = refused_dep(c.package, &dep) {
                failures.push(format!("{}/Cargo.toml: {why}", c.dir));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_crate_table_runs_one_way() {
    for (i, c) in CRATES.iter().enumerate() {
        for dep in c.may_use {
            let at = CRATES.iter().position(|d| d.package == *dep);
            assert!(
                at.is_some_and(|j| j < i),
                "{} may use {dep}, which is not below it",
                c.package
            );
        }
        assert!(
            c.root_module.is_empty() || floor(c.root_module).is_some(),
            "{}: no floor",
            c.root_module
        );
        for m in c.modules {
            assert!(floor(m).is_some(), "{}: {m} has no floor", c.package);
        }
    }
}

#[test]
fn an_upward_crate_dependency_is_refused() {
    // Negative cases, on made-up manifests: the language seam may not depend on the library.
    let manifest = "[package]\nname = \"x\"\n[dependencies]\ntempograph = { path = \"../..\" }\ntempograph-core = \"0.1\"\n[dev-dependencies]\ntempograph-syntax = \"0.1\"\n";
    assert_eq!(library_deps(manifest), ["tempograph", "tempograph-core"]);
    assert!(refused_dep("tempograph-lang", "tempograph").is_some());
    assert!(refused_dep("tempograph-core", "tempograph-lang").is_some());
    assert!(refused_dep("tempograph-nonexistent", "tempograph-core").is_some());
    assert!(refused_dep("tempograph-lang", "tempograph-core").is_none());
    assert!(refused_dep("tempograph", "tempograph-pipeline").is_none());
    // No stage depends on the command line or on the root library; the command line does not
    // depend on the root library (the root's binary depends on it).
    for stage in [
        "tempograph-timex",
        "tempograph-events",
        "tempograph-pipeline",
        "tempograph-eval",
    ] {
        assert!(refused_dep(stage, "tempograph-cli").is_some(), "{stage}");
        assert!(refused_dep(stage, "tempograph").is_some(), "{stage}");
    }
    assert!(refused_dep("tempograph-cli", "tempograph").is_some());
    assert!(refused_dep("tempograph-cli", "tempograph-pipeline").is_none());
    assert!(refused_dep("tempograph", "tempograph-cli").is_none());
}

#[test]
fn a_stage_naming_the_command_line_or_the_root_library_is_caught() {
    // The names a stage's code would use, and the module they count as.
    assert_eq!(named_modules("use tempograph_cli::console;"), ["cli"]);
    assert_eq!(named_modules("tempograph_cli::write_output(None, b, &[])?;"), ["cli"]);
    assert_eq!(named_modules("use tempograph::Timeline;"), ["facade"]);
    assert_eq!(named_modules("let t = tempograph::TimelineBuilder::new();"), ["facade"]);
    assert!(named_modules("use tempograph_timeline::Timeline;") == ["timeline"]);
    // Both stand above every stage, so `imports_follow_the_flow` refuses them in a stage.
    for stage in ["timex", "events", "pipeline", "eval", "render"] {
        assert!(floor("cli") > floor(stage), "{stage}");
        assert!(floor("facade") > floor(stage), "{stage}");
    }
    let cli = CRATES.iter().find(|c| c.package == "tempograph-cli").unwrap();
    assert_eq!(module_of(cli, "build.rs").as_deref(), Some("cli"));
    assert_eq!(module_of(cli, "render.rs").as_deref(), Some("cli"));
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

/// The next path segment after `at` in `s`.
fn segment(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The modules a line names as `crate::m`, inside `crate::{m, n::x}`, or as `tempograph_c::m`
/// (or `tempograph_c::Item`: the root module of crate `tempograph-c`).
fn named_modules(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                out.push(segment(item.trim()));
            }
        } else {
            out.push(segment(after));
        }
        rest = after;
    }
    let mut rest = line;
    while let Some(i) = rest.find("tempograph_") {
        let after = &rest[i + "tempograph_".len()..];
        let name = segment(after);
        let package = format!("tempograph-{name}");
        if let (Some(c), Some(path)) = (
            CRATES.iter().find(|c| c.package == package),
            after[name.len()..].strip_prefix("::"),
        ) {
            let m = segment(path);
            if floor(&m).is_some() {
                out.push(m);
            } else if !c.root_module.is_empty() {
                out.push(c.root_module.to_string());
            }
        } else if let Some(c) = CRATES.iter().find(|c| c.package == package) {
            // `use tempograph_lang as lang;`: the crate as a whole.
            if !c.root_module.is_empty() {
                out.push(c.root_module.to_string());
            }
        }
        rest = after;
    }
    // `tempograph::...`: the root library, whose one module is the facade.
    let mut rest = line;
    while let Some(i) = rest.find("tempograph::") {
        let before = rest[..i].chars().next_back();
        if !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            out.push("facade".to_string());
        }
        rest = &rest[i + "tempograph::".len()..];
    }
    out.retain(|m| !m.is_empty() && m.chars().next().is_some_and(|c| c.is_ascii_lowercase()));
    out
}

/// The module a file of a crate's `src/` belongs to (`rel`: its path under `src/`).
fn module_of(c: &Crate, rel: &str) -> Option<String> {
    let first = rel.split('/').next().unwrap_or_default().trim_end_matches(".rs");
    if c.dir == "." {
        // The root crate: every top-level module has a floor; lib.rs and main.rs are its face.
        return (first != "lib" && first != "main").then(|| first.to_string());
    }
    if c.root_module.is_empty() {
        return floor(first).is_some().then(|| first.to_string());
    }
    if c.modules.contains(&first) {
        return Some(first.to_string());
    }
    Some(c.root_module.to_string())
}

/// (from, to, `file:line`) of every import of another module in a crate's library code.
fn imports(c: &Crate) -> Vec<(String, String, String)> {
    let src = root().join(c.dir).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut out = Vec::new();
    for p in files {
        let rel = p.strip_prefix(&src).unwrap_or(&p).to_string_lossy().replace('\\', "/");
        if rel.starts_with("bin/") {
            continue;
        }
        let Some(module) = module_of(c, &rel) else {
            continue;
        };
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
                    let at = Path::new(c.dir).join("src").join(&rel);
                    let at = at.to_string_lossy().trim_start_matches("./").to_string();
                    out.push((module.clone(), m, format!("{at}:{}", n + 1)));
                }
            }
        }
    }
    out
}

#[test]
fn imports_follow_the_flow() {
    let src = root().join("src");
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
    let library = CRATES.iter().filter(|c| c.package != "tempograph-train");
    for (from, to, at) in library.flat_map(imports) {
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
    // Another crate's modules, and a crate's root module.
    assert_eq!(named_modules("use tempograph_core::error::{Error, Result};"), ["error"]);
    assert_eq!(named_modules("use tempograph_lang::text::Analysis;"), ["text"]);
    assert_eq!(named_modules("use tempograph_lang::Language;"), ["lang"]);
    assert_eq!(named_modules("pub use tempograph_lang as lang;"), ["lang"]);
    // Types re-exported at the crate root are not modules; a crate with no root module names none.
    assert!(named_modules("fn f() -> crate::Result<()> {").is_empty());
    assert!(named_modules("let s = \"no path here\";").is_empty());
    assert!(named_modules("tempograph_syntax::feature_hash()").is_empty());
}

#[test]
fn a_backward_import_is_caught() {
    // The rule itself, on made-up pairs: a lower module naming a higher one is refused.
    let (text, pipeline) = (floor("text").unwrap(), floor("pipeline").unwrap());
    assert!(text < pipeline);
    assert!(floor("timex").unwrap() > floor("lang").unwrap());
    assert_eq!(floor("nonexistent"), None);
    // A file of a split-out crate belongs to its module: the text stage in the language crate
    // is `text`, and may not name `lang`, one floor up.
    let lang = CRATES.iter().find(|c| c.package == "tempograph-lang").unwrap();
    assert_eq!(module_of(lang, "text.rs").as_deref(), Some("text"));
    assert_eq!(module_of(lang, "en/rules/date.rs").as_deref(), Some("lang"));
    assert_eq!(module_of(lang, "lib.rs").as_deref(), Some("lang"));
    assert!(floor("text").unwrap() < floor("lang").unwrap());
    // A file named like a module of another crate is its own crate's: the TimeML renderer is
    // `render` (and may name `timeml`, below it), the link stage's TimeML writer is `link`.
    let render = CRATES.iter().find(|c| c.package == "tempograph-render").unwrap();
    assert_eq!(module_of(render, "timeml.rs").as_deref(), Some("render"));
    let link = CRATES.iter().find(|c| c.package == "tempograph-link").unwrap();
    assert_eq!(module_of(link, "timeml.rs").as_deref(), Some("link"));
    let timeline = CRATES.iter().find(|c| c.package == "tempograph-timeline").unwrap();
    assert_eq!(module_of(timeline, "document.rs").as_deref(), Some("document"));
    assert_eq!(module_of(timeline, "check.rs").as_deref(), Some("timeline"));
}
