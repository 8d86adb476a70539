//! Which events go on a built timeline. Each case is a one-document text (DCT 2015-07-09), an
//! event trigger, and whether that event must be on the timeline (`true`) or must not be.

use chrono::NaiveDate;
use tempograph_pipeline::pipeline::{self, Options};
use tempograph_timeline::document::{DctSource, Document};

const CASES: &[(&str, &str, bool)] = &[
    // `according to` is attribution, never an event — even when a metric phrase dates it.
    (
        "\"We have been working around the clock,\" the agency's director said Monday. She resigned three days later, according to a statement.",
        "according",
        false,
    ),
    ("The agency was hacked on Monday, according to a statement.", "according", false),
    // Negatives: the dated events around it stay.
    (
        "\"We have been working around the clock,\" the agency's director said Monday. She resigned three days later, according to a statement.",
        "resigned",
        true,
    ),
    ("The agency was hacked on Monday, according to a statement.", "hacked", true),
];

#[test]
fn timeline_selection_cases() {
    let dct = NaiveDate::from_ymd_opt(2015, 7, 9).unwrap();
    let mut failures = Vec::new();
    for (text, trigger, want) in CASES {
        let doc = Document::from_text("d", *text, dct, DctSource::Flag);
        let t = pipeline::build(&[doc], &Options::default()).expect("build");
        let found = t.events.iter().any(|e| e.sources.iter().any(|s| s.trigger == *trigger));
        if found != *want {
            failures.push(format!("`{trigger}` on the timeline: {found}, want {want} in {text:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
