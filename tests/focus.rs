//! Entity focus (`tempograph_pipeline::focus`): the events a target entity takes part in, read from
//! the dependency parse, with names, aliases, acronyms, pronouns and descriptions as
//! mentions. Cases are in `tests/data/focus/cases.toml`, negatives included.

use chrono::NaiveDate;
use serde::Deserialize;
use tempograph_pipeline::focus::Entity;
use tempograph_pipeline::pipeline;
use tempograph_timeline::document::{DctSource, Document};

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    about: String,
    text: String,
    #[serde(default)]
    involved: Vec<String>,
    #[serde(default)]
    not_involved: Vec<String>,
}

#[test]
fn focus_cases() {
    let src = std::fs::read_to_string("tests/data/focus/cases.toml").unwrap();
    let cases: Cases = toml::from_str(&src).unwrap();
    let dct = NaiveDate::from_ymd_opt(2014, 12, 17).unwrap();
    let mut failures = Vec::new();
    for c in &cases.case {
        let doc = Document::from_text("d", c.text.clone(), dct, DctSource::Flag);
        let a = pipeline::analyze(&doc);
        let e = Entity::new(&c.about, &[]);
        let involved = tempograph_pipeline::focus::involved_events(&a, &e.mentions(&a));
        let got: Vec<&str> = involved.iter().map(|&i| a.events[i].text.as_str()).collect();
        let all: Vec<&str> = a.events.iter().map(|e| e.text.as_str()).collect();
        for w in &c.involved {
            if !all.contains(&w.as_str()) {
                failures.push(format!("{:?}: `{w}` is not an event (events: {all:?})", c.text));
            } else if !got.contains(&w.as_str()) {
                failures.push(format!(
                    "{:?} about {}: `{w}` should be involved (got {got:?})",
                    c.text, c.about
                ));
            }
        }
        for w in &c.not_involved {
            if got.contains(&w.as_str()) {
                failures.push(format!("{:?} about {}: `{w}` should not be involved", c.text, c.about));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn sony(opts: &tempograph_pipeline::pipeline::Options) -> tempograph::timeline::Timeline {
    let (docs, errors) = tempograph_timeline::document::load_manifest(
        std::path::Path::new("timelines/sony-hack-2014/sources/sources.yaml"),
        None,
    )
    .unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    pipeline::build(&docs, opts).unwrap()
}

fn ids(t: &tempograph::timeline::Timeline) -> Vec<&str> {
    t.events.iter().map(|e| e.id.as_str()).collect()
}

#[test]
fn entity_timeline_keeps_the_entitys_events() {
    let opts = pipeline::Options {
        about: Some(Entity::new("Sony Pictures", &["Sony".to_string()])),
        ..Default::default()
    };
    let t = sony(&opts);
    let got = ids(&t);
    for want in ["hack", "cancel"] {
        assert!(got.contains(&want), "{want} missing from {got:?}");
    }
    // Obama meeting his security team and the transcript's own telling are not Sony's.
    for not in ["meet", "transcript-obama-wants-america"] {
        assert!(!got.contains(&not), "{not} in {got:?}");
    }
    // An entity the stories never name gives an empty timeline, not every event.
    let none = sony(&pipeline::Options {
        about: Some(Entity::new("General Motors", &[])),
        ..Default::default()
    });
    assert!(none.events.is_empty(), "{:?}", ids(&none));
}

#[test]
fn top_and_min_sources_select_events() {
    let all = sony(&Default::default());
    let events: Vec<_> = all.events.iter().filter(|e| e.salience.is_some()).collect();
    assert!(events.len() > 5);
    assert!(events.iter().all(|e| e.salience.unwrap() <= 100));
    let top = sony(&pipeline::Options {
        top: Some(3),
        ..Default::default()
    });
    assert_eq!(top.events.len(), 3, "{:?}", ids(&top));
    // The three kept are among the most salient of the full timeline, in the same order.
    let mut s: Vec<u8> = events.iter().map(|e| e.salience.unwrap()).collect();
    s.sort_unstable_by(|a, b| b.cmp(a));
    for e in &top.events {
        assert!(
            e.salience.unwrap() >= s[2],
            "{} ({:?}) is not in the top 3 {s:?}",
            e.id,
            e.salience
        );
    }
    let order: Vec<usize> = top
        .events
        .iter()
        .map(|e| all.events.iter().position(|x| x.id == e.id).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let two = sony(&pipeline::Options {
        min_sources: 2,
        ..Default::default()
    });
    assert!(!two.events.is_empty() && two.events.len() < events.len());
    for e in &two.events {
        let mut d: Vec<&str> = e.sources.iter().map(|s| s.document.as_str()).collect();
        d.sort();
        d.dedup();
        assert!(d.len() >= 2, "{} told by {d:?}", e.id);
    }
}

/// `eval timeline` on plain documents: the task's format, one line per event mention
/// (`position TAB date TAB docid-sentence-word`), the entity's events only.
#[test]
fn semeval_format_from_plain_documents() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args([
            "eval",
            "timeline",
            "--about",
            "Sony Pictures",
            "--alias",
            "Sony",
            "--manifest",
            "timelines/sony-hack-2014/sources/sources.yaml",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Sony Pictures"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() >= 3, "{text}");
    for r in &rows {
        assert!(r.len() >= 3 && r[0].parse::<u32>().is_ok(), "{r:?}");
        assert!(r[2].starts_with("000_") || r[2].starts_with("004_"), "{r:?}");
    }
    assert!(rows.iter().any(|r| r[2].ends_with("-scrapped")), "{text}");
    // Obama meeting his national security team is not Sony's event.
    assert!(!rows.iter().any(|r| r[2].ends_with("-met")), "{text}");
}

/// Track B needs gold events, which plain documents do not have: a usage error, exit 2.
#[test]
fn track_b_needs_corpus_files() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args([
            "relations",
            "timeline",
            "--about",
            "Sony",
            "--track",
            "b",
            "--dct",
            "2014-12-18",
            "timelines/sony-hack-2014/sources/004_398094e9e4ec5ca9.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--track b needs"));
}

/// The committed entity timeline (`timelines/sony-hack-2014.about-sony.yaml`, shown in the
/// user guide) is what `build --about` makes now: same events, same dates.
#[test]
fn committed_entity_timeline_is_current() {
    let path = "timelines/sony-hack-2014.about-sony.yaml";
    let committed = tempograph::timeline::Timeline::from_yaml(&std::fs::read_to_string(path).unwrap(), path).unwrap();
    let fresh = sony(&pipeline::Options {
        about: Some(Entity::new("Sony Pictures", &["Sony".to_string()])),
        ..Default::default()
    });
    let key = |t: &tempograph::timeline::Timeline| -> Vec<(String, Option<tempograph::timeline::Date>)> {
        t.events.iter().map(|e| (e.id.clone(), e.date.clone())).collect()
    };
    assert_eq!(
        key(&committed),
        key(&fresh),
        "rebuild it with the command in docs/USER_GUIDE.md §10"
    );
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopCase {
    name: String,
    dct: String,
    docs: Vec<String>,
    top: usize,
    kept: Vec<String>,
    dropped: Vec<String>,
}

#[derive(Deserialize)]
struct TopCases {
    case: Vec<TopCase>,
}

/// See: #20 item 7. `build --top N` ranks events whose labels read as headlines, and listed
/// events, first (`tests/data/focus/top.toml`).
#[test]
fn top_prefers_readable_listed_events() {
    let src = std::fs::read_to_string("tests/data/focus/top.toml").unwrap();
    let cases: TopCases = toml::from_str(&src).unwrap();
    let mut failures = Vec::new();
    for c in &cases.case {
        let dct: NaiveDate = c.dct.parse().unwrap();
        let docs: Vec<Document> = c
            .docs
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("d{i}"), t.clone(), dct, DctSource::Flag))
            .collect();
        let t = tempograph_pipeline::pipeline::build(
            &docs,
            &tempograph_pipeline::pipeline::Options {
                top: Some(c.top),
                ..Default::default()
            },
        )
        .unwrap();
        let has = |w: &str| t.events.iter().any(|e| e.sources.iter().any(|s| s.trigger == w));
        let labels: Vec<&str> = t.events.iter().map(|e| e.label.as_str()).collect();
        if t.events.len() != c.top {
            failures.push(format!(
                "{}: {} events, expected {}: {labels:?}",
                c.name,
                t.events.len(),
                c.top
            ));
        }
        for w in &c.kept {
            if !has(w) {
                failures.push(format!("{}: `{w}` not in the top {}: {labels:?}", c.name, c.top));
            }
        }
        for w in &c.dropped {
            if has(w) {
                failures.push(format!("{}: `{w}` in the top {}: {labels:?}", c.name, c.top));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
