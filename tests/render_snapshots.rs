//! Renderer output, pinned: snapshots of every text format for the fixtures, determinism,
//! and structural checks of the JSON, TimeML and TimelineJS outputs.

use std::path::{Path, PathBuf};
use tempograph::render::{self, Format, Options, FORMAT_NAMES};
use tempograph::timeline::Timeline;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(name: &str) -> Timeline {
    Timeline::from_path(root().join("tests/data/timelines").join(name)).unwrap()
}

fn text_formats() -> Vec<Format> {
    FORMAT_NAMES.iter().map(|(_, f)| *f).filter(|f| !f.is_image()).collect()
}

#[test]
fn snapshots_hand_written() {
    let t = load("hand-written.yaml");
    for f in text_formats() {
        let out = render::render(&t, f).unwrap();
        insta::assert_snapshot!(format!("hand-written.{}", f.as_str()), out);
    }
}

#[test]
fn snapshots_generated_form() {
    let t = load("generated-form.yaml");
    for f in [
        Format::Mermaid,
        Format::MermaidGantt,
        Format::MermaidFlowchart,
        Format::Timeml,
        Format::TimelineJs,
    ] {
        insta::assert_snapshot!(format!("generated-form.{}", f.as_str()), render::render(&t, f).unwrap());
    }
    let dot = render::render_with(&t, Format::Dot, &Options { clusters: true }).unwrap();
    insta::assert_snapshot!("generated-form.dot-clusters", dot);
}

#[test]
fn snapshots_escaping_and_conflicts() {
    let t = load("escaping.yaml");
    for f in [
        Format::Mermaid,
        Format::MermaidGantt,
        Format::MermaidFlowchart,
        Format::Dot,
    ] {
        insta::assert_snapshot!(format!("escaping.{}", f.as_str()), render::render(&t, f).unwrap());
    }
    let t = load("defects/recorded-conflict.yaml");
    for f in [Format::MermaidGantt, Format::MermaidFlowchart, Format::Dot] {
        insta::assert_snapshot!(
            format!("recorded-conflict.{}", f.as_str()),
            render::render(&t, f).unwrap()
        );
    }
}

fn all_fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["timelines", "tests/data/timelines", "tests/data/timelines/defects"] {
        let Ok(rd) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        out.extend(
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml")),
        );
    }
    out.sort();
    out
}

#[test]
fn output_is_deterministic_and_independent_of_the_yaml_form() {
    for p in all_fixtures() {
        let Ok(t) = Timeline::from_path(&p) else { continue };
        // The same timeline written back in canonical form renders identically.
        let again = Timeline::from_yaml(&t.to_yaml().unwrap(), &p).unwrap();
        for f in text_formats() {
            let a = render::render(&t, f).unwrap();
            assert_eq!(a, render::render(&t, f).unwrap(), "{} {}", p.display(), f.as_str());
            assert_eq!(a, render::render(&again, f).unwrap(), "{} {}", p.display(), f.as_str());
            assert!(a.ends_with('\n'), "{} {}", p.display(), f.as_str());
        }
    }
}

#[test]
fn json_is_the_model() {
    let t = load("generated-form.yaml");
    let json = render::render(&t, Format::Json).unwrap();
    let back: Timeline = serde_json::from_str(&json).unwrap();
    assert_eq!(back, t);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "tempograph/1");
    assert_eq!(v["events"][0]["sources"][0]["trigger"], "hacked");
}

#[test]
fn timeml_is_readable_timeml() {
    let t = load("hand-written.yaml");
    let xml = render::render(&t, Format::Timeml).unwrap();
    let doc = tempograph::timeml::parse(Path::new("out.tml"), &xml).unwrap();
    let events: Vec<&str> = doc.tagged("EVENT").map(|a| a.span.slice(&doc.text)).collect();
    assert_eq!(events.len(), 5);
    assert_eq!(events[0], "Attackers break into Sony Pictures' network");
    // The 2014-11-27..2014-12-05 range is two DATEs and a non-consuming DURATION between them.
    let values: Vec<&str> = doc.tagged("TIMEX3").filter_map(|a| a.attr("value")).collect();
    assert_eq!(
        values,
        [
            "2014-11",
            "2014-11-27",
            "2014-12-05",
            "P9D",
            "2014-12-16",
            "2014-12-17",
            "2014-12-19"
        ]
    );
    assert_eq!(doc.instances.len(), 5);
    let rels: Vec<&str> = doc
        .tlinks
        .iter()
        .filter_map(|l| tempograph::timeml::attr(l, "relType"))
        .collect();
    assert_eq!(rels.iter().filter(|r| **r == "IS_INCLUDED").count(), 5);
    assert_eq!(rels.iter().filter(|r| **r == "BEFORE" || **r == "AFTER").count(), 4);
}

#[test]
fn timelinejs_has_a_slide_per_dated_event() {
    let t = load("escaping.yaml");
    let v: serde_json::Value = serde_json::from_str(&render::render(&t, Format::TimelineJs).unwrap()).unwrap();
    let events = v["events"].as_array().unwrap();
    let dated = t.events.iter().filter(|e| e.date.is_some()).count();
    assert_eq!(events.len(), dated);
    let html = events.iter().find(|e| e["unique_id"] == "html").unwrap();
    assert_eq!(
        html["text"]["headline"],
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;br/&gt; %% not a comment"
    );
    assert_eq!(
        html["start_date"],
        serde_json::json!({"year": "2014", "month": "12", "day": "8"})
    );
    assert_eq!(
        html["end_date"],
        serde_json::json!({"year": "2014", "month": "12", "day": "14"})
    );
    let month = events.iter().find(|e| e["unique_id"] == "title").unwrap();
    assert_eq!(month["start_date"], serde_json::json!({"year": "2014", "month": "12"}));
    assert!(month.get("end_date").is_none());
    assert_eq!(month["display_date"], "2014-12 (approx)");
}
