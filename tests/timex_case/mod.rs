//! The timex case format shared by `tests/timex_cases.rs` (`tests/data/timex/`, English)
//! and `tests/lang.rs` (`tests/data/lang/<code>/`): a text, its publication date and the
//! complete list of expressions expected in it (`expect = []` for a negative).

use chrono::NaiveDate;
use serde::Deserialize;
use std::path::Path;
use tempograph_timex::Timex;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub dct: NaiveDate,
    pub text: String,
    pub expect: Vec<Expect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    #[serde(default)]
    pub rule: Option<String>,
}

/// The cases of one file (`name` is how failures name it).
pub fn load(path: &Path, name: &str) -> Vec<Case> {
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let f: File = toml::from_str(&src).unwrap_or_else(|e| panic!("{name}: {e}"));
    f.case
}

/// The `*.toml` files of a folder, sorted by name.
pub fn toml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
}

/// `got` is exactly the expected list (text, type, value, and the rule where one is given).
pub fn matches(got: &[Timex], expect: &[Expect]) -> bool {
    got.len() == expect.len()
        && got.iter().zip(expect).all(|(g, e)| {
            g.text == e.text
                && g.kind.as_str() == e.kind
                && g.value == e.value
                && e.rule.as_deref().is_none_or(|r| r == g.rule)
        })
}

/// A failed case in words: its file, name, DCT and text, what was wanted and what came.
pub fn failure(file: &str, c: &Case, got: &[Timex]) -> String {
    let fmt = |t: &str, k: &str, v: &str, r: &str| format!("`{t}` {k} {v} [{r}]");
    let want: Vec<String> = c
        .expect
        .iter()
        .map(|e| fmt(&e.text, &e.kind, &e.value, e.rule.as_deref().unwrap_or("*")))
        .collect();
    let got: Vec<String> = got
        .iter()
        .map(|t| fmt(&t.text, t.kind.as_str(), &t.value, t.rule))
        .collect();
    format!(
        "{file}: {} (DCT {})\n    text: {:?}\n    want: {}\n    got:  {}",
        c.name,
        c.dct,
        c.text,
        want.join(", "),
        got.join(", ")
    )
}
