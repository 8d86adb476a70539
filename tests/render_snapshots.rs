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

/// The rendering as snapshotted: the HTML page without the bodies of its inlined style sheet
/// and script (`crates/render/src/html.{css,js}`, tested in a browser by tests/render_html.rs), so
/// that the snapshot shows what the timeline put in the page.
fn snapshot_text(f: Format, out: String) -> String {
    if f != Format::Html {
        return out;
    }
    let elide = |s: &str, open: &str, close: &str| -> String {
        match (s.find(open), s.find(close)) {
            (Some(a), Some(b)) if a < b => format!("{}{open}\n…\n{}", &s[..a], &s[b..]),
            _ => s.to_string(),
        }
    };
    let out = elide(&out, "<style>", "</style>");
    elide(&out, "<script>", "</script>")
}

#[test]
fn snapshots_hand_written() {
    let t = load("hand-written.yaml");
    for f in text_formats() {
        let out = snapshot_text(f, render::render(&t, f).unwrap());
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
    let dot = render::render_with(
        &t,
        Format::Dot,
        &Options {
            clusters: true,
            ..Default::default()
        },
    )
    .unwrap();
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
    let t = load("known-conflict.yaml");
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
    let doc = tempograph_timeml::parse(Path::new("out.tml"), &xml).unwrap();
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
        .filter_map(|l| tempograph_timeml::attr(l, "relType"))
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

// ---------------------------------------------------------------------------------------------
// One-sided dates ("on or before", "on or after"): placed at their known day in every format.

#[test]
fn snapshots_one_sided() {
    let t = load("one-sided.yaml");
    for f in text_formats() {
        insta::assert_snapshot!(
            format!("one-sided.{}", f.as_str()),
            snapshot_text(f, render::render(&t, f).unwrap())
        );
    }
}

/// The lines of `text` that contain `needle`, trimmed.
fn lines_with<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
    text.lines().filter(|l| l.contains(needle)).map(str::trim).collect()
}

#[test]
fn one_sided_dates_sort_by_their_known_day() {
    // "on or before" a day ahead of that day's events, "on or after" behind them.
    let t = load("one-sided.yaml");
    let order: Vec<&str> = render::display_order(&t)
        .into_iter()
        .map(|i| t.events[i].id.as_str())
        .collect();
    assert_eq!(order, ["hack", "threats", "fbi-info", "scrap", "report", "response"]);
    let periods: Vec<String> = render::date_groups(&t).into_iter().filter_map(|(l, _)| l).collect();
    assert_eq!(
        periods,
        [
            "2014-11",
            "2014-12-15 – 2014-12-17",
            "from 2014-12-17",
            "by 2014-12-18",
            "2014-12-18",
            "from 2014-12-18"
        ]
    );
}

#[test]
fn mermaid_puts_one_sided_dates_under_by_and_from() {
    let t = load("one-sided.yaml");
    let tl = render::render(&t, Format::Mermaid).unwrap();
    assert_eq!(
        lines_with(&tl, "2014-12-18 :"),
        [
            "by 2014-12-18 : Sony Pictures scraps the Christmas release",
            "2014-12-18 : The article reports the cancellation",
            "from 2014-12-18 : The U.S. responds to the attack"
        ]
    );
    let gantt = render::render(&t, Format::MermaidGantt).unwrap();
    assert_eq!(
        lines_with(&gantt, "milestone"),
        [
            "The FBI will have more information on the hackers (≥ 2014-12-17) :milestone, e2, 2014-12-17, 0d",
            "Sony Pictures scraps the Christmas release (≤ 2014-12-18) :milestone, e3, 2014-12-18, 0d",
            "The article reports the cancellation (2014-12-18) :milestone, e4, 2014-12-18, 0d",
            "The U.S. responds to the attack (≥ 2014-12-18) :milestone, e5, 2014-12-18, 0d"
        ]
    );
    // The flowchart is unchanged but for the date line.
    let flow = render::render(&t, Format::MermaidFlowchart).unwrap();
    assert!(
        flow.contains("e3[\"Sony Pictures scraps the Christmas release<br/>by 2014-12-18\"]"),
        "{flow}"
    );
}

#[test]
fn dot_ranks_one_sided_dates_at_their_known_day() {
    let t = load("one-sided.yaml");
    let dot = render::render(&t, Format::Dot).unwrap();
    // `by 2014-12-18` and `from 2014-12-18` share the rank of the 2014-12-18 axis node; no
    // axis node of their own.
    assert!(dot.contains("d3 [label=\"2014-12-18\""), "{dot}");
    assert!(dot.contains("{ rank=same; d3; e3; e4; e5; }"), "{dot}");
    assert!(!dot.contains("label=\"by 2014-12-18\""), "{dot}");
    assert!(
        dot.contains("e3 [label=\"Sony Pictures scraps the\\nChristmas release\\nby 2014-12-18\""),
        "{dot}"
    );
    assert!(dot.contains("from 2014-12-17\""), "{dot}");
}

#[test]
fn timeml_marks_one_sided_dates_with_mod() {
    let t = load("one-sided.yaml");
    let xml = render::render(&t, Format::Timeml).unwrap();
    let doc = tempograph_timeml::parse(Path::new("out.tml"), &xml).unwrap();
    let timexes: Vec<(Option<&str>, Option<&str>)> = doc
        .tagged("TIMEX3")
        .map(|a| (a.attr("value"), a.attr("mod")))
        .filter(|(v, _)| v.is_some_and(|v| v.starts_with("2014-12-1")))
        .collect();
    assert_eq!(
        timexes,
        [
            (Some("2014-12-15"), None),
            (Some("2014-12-17"), None),
            (Some("2014-12-17"), Some("ON_OR_AFTER")),
            (Some("2014-12-18"), Some("ON_OR_BEFORE")),
            (Some("2014-12-18"), None),
            (Some("2014-12-18"), Some("ON_OR_AFTER")),
        ]
    );
    // A one-sided date whose value ends on the bound keeps the value: "by December 2014".
    let yaml = "events:\n- {id: a, label: A, date: {latest: 2014-12-31, value: 2014-12}}\n";
    let xml = render::render(&Timeline::from_yaml(yaml, "t.yaml").unwrap(), Format::Timeml).unwrap();
    assert!(
        xml.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2014-12\" mod=\"ON_OR_BEFORE\">2014-12</TIMEX3>"),
        "{xml}"
    );
    // ... and one that does not, the day.
    let yaml = "events:\n- {id: a, label: A, date: {earliest: 2014-12-18, value: 2014-12}}\n";
    let xml = render::render(&Timeline::from_yaml(yaml, "t.yaml").unwrap(), Format::Timeml).unwrap();
    assert!(xml.contains("value=\"2014-12-18\" mod=\"ON_OR_AFTER\""), "{xml}");
}

#[test]
fn timelinejs_states_the_bound() {
    let t = load("one-sided.yaml");
    let v: serde_json::Value = serde_json::from_str(&render::render(&t, Format::TimelineJs).unwrap()).unwrap();
    let slide = |id: &str| {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["unique_id"] == id)
            .unwrap()
            .clone()
    };
    let scrap = slide("scrap");
    assert_eq!(
        scrap["start_date"],
        serde_json::json!({"year": "2014", "month": "12", "day": "18"})
    );
    assert!(scrap.get("end_date").is_none());
    assert_eq!(scrap["display_date"], "by 2014-12-18");
    assert!(scrap["text"]["text"]
        .as_str()
        .unwrap()
        .starts_with("<p>On or before 2014-12-18; no earlier bound is known.</p>"));
    let info = slide("fbi-info");
    assert_eq!(info["display_date"], "from 2014-12-17");
    assert!(info["text"]["text"]
        .as_str()
        .unwrap()
        .contains("On or after 2014-12-17"));
}

#[test]
fn json_keeps_the_missing_bound_out() {
    let t = load("one-sided.yaml");
    let v: serde_json::Value = serde_json::from_str(&render::render(&t, Format::Json).unwrap()).unwrap();
    let scrap = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "scrap")
        .unwrap();
    assert_eq!(scrap["date"], serde_json::json!({"latest": "2014-12-18"}));
}
