//! Clock times (#20, item 5): the data-driven cases of `tests/data/clock/cases.toml` (format
//! at the top of that file), the YAML form of `time:`, and its errors. All failures are
//! printed at once; `CLOCK_CASE=<substring>` runs only matching cases.

use chrono::NaiveDate;
use std::collections::BTreeSet;
use tempograph::timeline::{Severity, Timeline};
use tempograph_pipeline::pipeline::{self, Options};
use tempograph_timeline::document::{DctSource, Document};

fn cases() -> toml::Table {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/clock/cases.toml");
    std::fs::read_to_string(path).expect("cases").parse().expect("toml")
}

#[test]
fn clock_cases() {
    let data = cases();
    let filter = std::env::var("CLOCK_CASE").ok();
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    let mut run = 0;
    for (section, case) in ["build", "check"]
        .iter()
        .flat_map(|s| data[*s].as_array().expect("array").iter().map(move |c| (*s, c)))
    {
        let name = case["name"].as_str().expect("name");
        assert!(names.insert(name.to_string()), "duplicate case name: {name}");
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        run += 1;
        let strings = |k: &str| -> Vec<String> {
            case[k]
                .as_array()
                .expect(k)
                .iter()
                .map(|v| v.as_str().expect("string").to_string())
                .collect()
        };
        if section == "build" {
            let dct: NaiveDate = case["published"].as_str().unwrap().parse().unwrap();
            let doc = Document::from_text("d", case["text"].as_str().unwrap(), dct, DctSource::Flag);
            let t = pipeline::build(&[doc], &Options::default()).expect("build");
            let got: Vec<String> = t
                .events
                .iter()
                .filter_map(|e| e.date.as_ref()?.time.map(|c| c.to_string()))
                .collect();
            if got != strings("times") {
                failures.push(format!("{name}: times {got:?}, expected {:?}", strings("times")));
            }
            let yaml = t.to_yaml().unwrap();
            let report = Timeline::from_yaml(&yaml, "built.yaml").unwrap().check();
            if !report.is_consistent() {
                failures.push(format!("{name}: built timeline fails check:\n{report}"));
            }
        } else {
            let t = match Timeline::from_yaml(case["yaml"].as_str().unwrap(), "case.yaml") {
                Ok(t) => t,
                Err(e) => {
                    failures.push(format!("{name}: {e:#}"));
                    continue;
                }
            };
            let report = t.check();
            let mut got: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.kind.as_str().to_string())
                .collect();
            got.sort();
            if got != strings("kinds") {
                failures.push(format!(
                    "{name}: errors {got:?}, expected {:?}:\n{report}",
                    strings("kinds")
                ));
            }
        }
    }
    assert!(run > 0, "no case matches CLOCK_CASE");
    assert!(
        failures.is_empty(),
        "{} of {run} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The finding names both clock times and points at the hand-written `before:`.
#[test]
fn contradicts_clock_message() {
    let yaml = "events:\n- id: speech\n  label: Speech\n  date: {earliest: 2012-09-04, latest: 2012-09-04, time: '16:15'}\n  before: [lunch]\n- id: lunch\n  label: Lunch\n  date: 2012-09-04T12:00\n";
    let report = Timeline::from_yaml(yaml, "t.yaml").unwrap().check();
    insta::assert_snapshot!(report.to_string(), @r###"
    t.yaml:5:12: error[contradicts-clock]: the relation contradicts the clock times: speech BEFORE lunch, but speech at 16:15 on 2012-09-04 is not before lunch at 12:00 on 2012-09-04 (compared as one zone) (at events[0].before[0])
        t.yaml:5:12: speech BEFORE lunch — evidence: "`before: lunch` on event `speech`" (rule hand)
        t.yaml:4:58: speech at 16:15 on 2012-09-04 — evidence: "2012-09-04 16:15"
        t.yaml:8:9: lunch at 12:00 on 2012-09-04 — evidence: "2012-09-04 12:00"
    t.yaml: 1 error, 0 warnings
    "###);
}

#[test]
fn time_field_round_trips_and_is_refused_on_a_range() {
    let yaml =
        "events:\n- id: a\n  label: A\n  date: {earliest: 2012-09-04, latest: 2012-09-04, time: '16:15-05:00'}\n";
    let t = Timeline::from_yaml(yaml, "t.yaml").unwrap();
    let out = t.to_yaml().unwrap();
    assert!(out.contains("time: 16:15-05:00"), "{out}");
    assert_eq!(Timeline::from_yaml(&out, "u.yaml").unwrap(), t);
    // Old files (no `time:`) still load; a time on a range of days or a bad time does not.
    assert!(Timeline::from_yaml("events:\n- {id: a, label: A, date: 2012-09-04}\n", "t.yaml").is_ok());
    for bad in [
        "events:\n- {id: a, label: A, date: {earliest: 2012-09-04, latest: 2012-09-05, time: '10:00'}}\n",
        "events:\n- {id: a, label: A, date: {earliest: 2012-09-04, latest: 2012-09-04, time: '25:00'}}\n",
        "events:\n- {id: a, label: A, date: {earliest: 2012-09-04, latest: 2012-09-04, time: '10:00 EST'}}\n",
    ] {
        let e = Timeline::from_yaml(bad, "t.yaml").expect_err(bad);
        assert!(format!("{e:#}").contains("t.yaml:2:"), "{e:#}");
    }
}
