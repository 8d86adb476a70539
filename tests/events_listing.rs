//! Data-driven cases for events worth listing and for labels (#20, parts 2 and 3):
//! `tests/data/listing/listing.toml` (the `unlisted` reason of an event) and
//! `tests/data/listing/labels.toml` (its label). Every failure is reported at once;
//! `LISTING_CASE=name` runs one case. Duplicate case names are refused.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;
use tempograph_events::{label, listing};
use tempograph_timeline::document::{DctSource, Document};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    trigger: String,
    #[serde(default)]
    dated: bool,
    unlisted: Option<String>,
    label: Option<String>,
    not_label: Option<String>,
    #[serde(default)]
    contains: Vec<String>,
    /// `true`: `build` writes the event (with the `unlisted` reason); `false`: it leaves it out.
    built: Option<bool>,
}

fn cases(file: &str) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/listing")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let f: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut seen = BTreeSet::new();
    for c in &f.case {
        assert!(seen.insert(c.name.clone()), "{file}: duplicate case name `{}`", c.name);
    }
    let only = std::env::var("LISTING_CASE").ok();
    f.case
        .into_iter()
        .filter(|c| only.as_ref().is_none_or(|o| *o == c.name))
        .collect()
}

/// Runs `check` on every case's analysed event, collecting failures.
fn run(file: &str, check: impl Fn(&Case, &label::Doc, &tempograph_events::Event) -> Option<String>) {
    let mut failures = Vec::new();
    let cases = cases(file);
    assert!(
        !cases.is_empty() || std::env::var("LISTING_CASE").is_ok(),
        "{file}: no cases"
    );
    for c in &cases {
        let dct = chrono::NaiveDate::from_ymd_opt(2014, 12, 18).unwrap();
        let doc = Document::from_text(c.name.clone(), c.text.clone(), dct, DctSource::Flag);
        let a = tempograph_pipeline::pipeline::analyze(&doc);
        let d = a.label_doc();
        let Some(e) = a.events.iter().find(|e| e.text == c.trigger) else {
            let found: Vec<&str> = a.events.iter().map(|e| e.text.as_str()).collect();
            failures.push(format!(
                "{}: no event `{}` found (events: {found:?})",
                c.name, c.trigger
            ));
            continue;
        };
        if let Some(f) = check(c, &d, e) {
            failures.push(format!("{}: {f}", c.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn listing_cases() {
    run("listing.toml", |c, d, e| {
        let got = listing::unlisted(d, e, c.dated).map(|u| u.as_str().to_string());
        (got != c.unlisted).then(|| format!("unlisted: expected {:?}, got {:?}", c.unlisted, got))
    });
}

#[test]
fn label_cases() {
    run("labels.toml", |c, d, e| {
        let got = label::label(d, e);
        let mut bad = Vec::new();
        if let Some(l) = &c.label {
            if &got != l {
                bad.push(format!("expected {l:?}"));
            }
        }
        if c.not_label.as_ref() == Some(&got) {
            bad.push("is the label it must not be".to_string());
        }
        for w in &c.contains {
            if !got.contains(w.as_str()) {
                bad.push(format!("does not hold {w:?}"));
            }
        }
        (!bad.is_empty()).then(|| format!("label {got:?}: {}", bad.join("; ")))
    });
}

/// See: #20 item 2. What `build` keeps of an event: kept and marked, or left out.
#[test]
fn built_cases() {
    let mut failures = Vec::new();
    for c in cases("listing.toml").into_iter().filter(|c| c.built.is_some()) {
        let dct = chrono::NaiveDate::from_ymd_opt(2014, 12, 18).unwrap();
        let doc = Document::from_text(c.name.clone(), c.text.clone(), dct, DctSource::Flag);
        let t = tempograph_pipeline::pipeline::build(&[doc], &Default::default()).unwrap();
        let found = t
            .events
            .iter()
            .find(|e| e.sources.iter().any(|s| s.trigger == c.trigger));
        let got = found.map(|e| e.unlisted.map(|u| u.as_str().to_string()));
        let ok = match (c.built, &got) {
            (Some(true), Some(u)) => *u == c.unlisted,
            (Some(false), None) => true,
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{}: built {:?}, expected {:?} / {:?}, got {got:?}",
                c.name, c.built, c.built, c.unlisted
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every reason is exercised by at least one case.
#[test]
fn every_reason_has_a_case() {
    let used: BTreeSet<String> = cases("listing.toml").into_iter().filter_map(|c| c.unlisted).collect();
    if std::env::var("LISTING_CASE").is_ok() {
        return;
    }
    for u in tempograph::timeline::Unlisted::ALL {
        assert!(used.contains(u.as_str()), "no case for `unlisted: {}`", u.as_str());
    }
}
