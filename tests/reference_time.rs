//! The story's reference time (#20, item 6): the cases of `tests/data/reference/cases.toml`
//! (format at the top of that file), with negatives. All failures are printed at once;
//! `REFERENCE_CASE=<substring>` runs only matching cases.

use chrono::NaiveDate;
use std::collections::BTreeSet;

#[test]
fn reference_time_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/reference/cases.toml");
    let data: toml::Table = std::fs::read_to_string(path).expect("cases").parse().expect("toml");
    let filter = std::env::var("REFERENCE_CASE").ok();
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
        let text = case["text"].as_str().unwrap();
        let timexes = tempograph_timex::tag_text(text, dct);
        for e in case["expect"].as_array().expect("expect") {
            let e: Vec<&str> = e.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            let (what, value, why) = (e[0], e[1], e[2]);
            match timexes.iter().find(|t| t.text == what) {
                None => failures.push(format!(
                    "{name}: no expression {what:?} (found {:?})",
                    timexes.iter().map(|t| &t.text).collect::<Vec<_>>()
                )),
                Some(t) if t.value != value || !t.derivation.why.contains(why) => failures.push(format!(
                    "{name}: {what:?} = {} ({}), expected {value} ({why})",
                    t.value, t.derivation.why
                )),
                Some(_) => {}
            }
        }
    }
    assert!(run > 0, "no case matches REFERENCE_CASE");
    assert!(
        failures.is_empty(),
        "{} of {run} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// In a built timeline the time's derivation names the expression that set the reference.
#[test]
fn built_derivation_names_the_reference() {
    use tempograph_timeline::document::{DctSource, Document};
    let dct = NaiveDate::from_ymd_opt(2014, 12, 18).unwrap();
    let doc = Document::from_text(
        "d",
        "On Monday, the board of Acme Corp. voted to close the plant, the company said earlier today.",
        dct,
        DctSource::Flag,
    );
    let t = tempograph_pipeline::pipeline::build(&[doc], &Default::default()).expect("build");
    let today = t
        .times
        .iter()
        .find(|x| x.source.as_ref().is_some_and(|s| s.text == "earlier today"))
        .unwrap();
    assert_eq!(today.value, "2014-12-15");
    let d = today.derivation.as_ref().unwrap();
    assert!(
        d.text.contains("reference time Monday 2014-12-15 set by 'On Monday'"),
        "{}",
        d.text
    );
    let monday = t
        .times
        .iter()
        .find(|x| x.source.as_ref().is_some_and(|s| s.text == "Monday"))
        .unwrap();
    assert_eq!(
        d.anchor.as_ref().and_then(|a| a.id.as_deref()),
        Some(monday.id.as_str())
    );
    t.check().assert_consistent();
}
