//! Data-driven merge cases from `tests/data/events/merge/*.toml`: documents, then pairs of
//! event mentions that must be one cluster (`same`) or must not (`apart`). A mention is
//! `doc:trigger` or `doc:trigger#n` (the n-th event with that text, from 1). Every failure is
//! reported at once; `MERGE_CASE=name` runs one case.

use serde::Deserialize;
use std::collections::BTreeSet;
use tempograph_events::merge::{merge, DocEvents, TimeMention};
use tempograph_events::{extract_spans, Event};
use tempograph_lang::text::{Analysis, Span};

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    doc: Vec<Doc>,
    #[serde(default)]
    same: Vec<(String, String)>,
    #[serde(default)]
    apart: Vec<(String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    id: String,
    dct: String,
    text: String,
    /// (text of a dated temporal expression, its TIMEX3 value)
    #[serde(default)]
    times: Vec<(String, String)>,
}

fn check(c: &Case, fails: &mut Vec<String>) {
    let analyses: Vec<Analysis> = c.doc.iter().map(|d| Analysis::new(&d.text)).collect();
    let mut times = Vec::new();
    for d in &c.doc {
        let mut t = Vec::new();
        for (w, v) in &d.times {
            match d.text.find(w.as_str()) {
                Some(s) => t.push(TimeMention {
                    span: Span::new(s, s + w.len()),
                    value: v.clone(),
                }),
                None => fails.push(format!("{}: time `{w}` not in {}", c.name, d.id)),
            }
        }
        times.push(t);
    }
    let events: Vec<Vec<Event>> = c
        .doc
        .iter()
        .zip(&analyses)
        .zip(&times)
        .map(|((d, a), t)| extract_spans(&d.text, a, &t.iter().map(|t| t.span).collect::<Vec<_>>()))
        .collect();
    let input: Vec<DocEvents> = c
        .doc
        .iter()
        .enumerate()
        .map(|(i, d)| DocEvents {
            event_times: None,
            syntax: None,
            doc: d.id.clone(),
            dct: d.dct.parse().expect("dct"),
            text: &d.text,
            analysis: &analyses[i],
            events: &events[i],
            times: times[i].clone(),
        })
        .collect();
    let clusters = merge(&input);
    let total: usize = clusters.iter().map(|c| c.sources.len()).sum();
    if total != events.iter().map(Vec::len).sum::<usize>() {
        fails.push(format!("{}: not every event is in exactly one cluster", c.name));
    }
    // The cluster of a mention reference.
    let cluster_of = |r: &str, fails: &mut Vec<String>| -> Option<usize> {
        let (doc, rest) = r.split_once(':')?;
        let (word, n) = match rest.split_once('#') {
            Some((w, n)) => (w, n.parse::<usize>().ok()?),
            None => (rest, 1),
        };
        let di = c.doc.iter().position(|d| d.id == doc)?;
        let Some(ei) = events[di]
            .iter()
            .enumerate()
            .filter(|(_, e)| e.text == word)
            .map(|(i, _)| i)
            .nth(n - 1)
        else {
            let found: Vec<&str> = events[di].iter().map(|e| e.text.as_str()).collect();
            fails.push(format!("{}: `{r}` is not an event (found {found:?})", c.name));
            return None;
        };
        clusters
            .iter()
            .position(|k| k.sources.iter().any(|s| s.doc == doc && s.event == ei))
    };
    for (a, b) in &c.same {
        if let (Some(x), Some(y)) = (cluster_of(a, fails), cluster_of(b, fails)) {
            if x != y {
                fails.push(format!("{}: `{a}` and `{b}` must be one event", c.name));
            }
        }
    }
    for (a, b) in &c.apart {
        if let (Some(x), Some(y)) = (cluster_of(a, fails), cluster_of(b, fails)) {
            if x == y {
                fails.push(format!("{}: `{a}` and `{b}` must be different events", c.name));
            }
        }
    }
}

#[test]
fn merge_cases() {
    let filter = std::env::var("MERGE_CASE").ok();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/events/merge");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut seen = BTreeSet::new();
    let mut fails = Vec::new();
    let mut ran = 0;
    for f in files {
        let file: File = toml::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        for c in &file.case {
            assert!(seen.insert(c.name.clone()), "duplicate case name {}", c.name);
            if filter.as_deref().is_some_and(|n| n != c.name) {
                continue;
            }
            ran += 1;
            check(c, &mut fails);
        }
    }
    assert!(ran > 0, "no case ran");
    assert!(fails.is_empty(), "{} failures:\n{}", fails.len(), fails.join("\n"));
}
