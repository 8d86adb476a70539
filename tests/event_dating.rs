//! Which date an event gets in a built timeline (#20 items 1, 5, 6 and resolution): the
//! cases of `tests/data/events/dating.toml` (format at the top of that file), with
//! negatives. All failures are printed at once; `DATING_CASE=<substring>` runs only
//! matching cases.

use chrono::NaiveDate;
use std::collections::BTreeSet;
use tempograph_pipeline::pipeline::{self, Options};
use tempograph_timeline::document::{DctSource, Document};

#[test]
fn event_dating_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/events/dating.toml");
    let data: toml::Table = std::fs::read_to_string(path).expect("cases").parse().expect("toml");
    let filter = std::env::var("DATING_CASE").ok();
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    let mut run = 0;
    for case in data["case"].as_array().expect("[[case]]") {
        let name = case["name"].as_str().expect("name");
        assert!(names.insert(name.to_string()), "duplicate case name: {name}");
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        run += 1;
        let dct: NaiveDate = case["published"].as_str().unwrap().parse().unwrap();
        let doc = Document::from_text("d", case["text"].as_str().unwrap(), dct, DctSource::Flag);
        let t = pipeline::build(&[doc], &Options::default()).expect("build");
        for trigger in case.get("absent").and_then(|v| v.as_array()).into_iter().flatten() {
            let trigger = trigger.as_str().expect("absent trigger");
            if t.events.iter().any(|x| x.sources.iter().any(|s| s.trigger == trigger)) {
                failures.push(format!("{name}: {trigger:?} is listed but must not be"));
            }
        }
        let none = Vec::new();
        for e in case.get("expect").and_then(|v| v.as_array()).unwrap_or(&none) {
            let e: Vec<&str> = e.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            let (trigger, earliest, latest, why) = (e[0], e[1], e[2], e[3]);
            let Some(ev) = t.events.iter().find(|x| x.sources.iter().any(|s| s.trigger == trigger)) else {
                failures.push(format!("{name}: no event {trigger:?}"));
                continue;
            };
            let Some(d) = ev.date.as_ref() else {
                failures.push(format!("{name}: {trigger:?} has no date"));
                continue;
            };
            let show = |x: Option<NaiveDate>| x.map_or(String::new(), |x| x.to_string());
            let text = d.derivation.as_ref().map_or("", |x| x.text.as_str());
            if show(d.earliest) != earliest || show(d.latest) != latest || !text.contains(why) {
                failures.push(format!(
                    "{name}: {trigger:?} = {:?} .. {:?} ({text}), expected {earliest:?} .. {latest:?} ({why})",
                    show(d.earliest),
                    show(d.latest)
                ));
            }
        }
    }
    assert!(run > 0, "no case matches DATING_CASE");
    assert!(
        failures.is_empty(),
        "{} of {run} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
