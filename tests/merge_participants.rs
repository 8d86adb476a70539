//! Merging across documents needs compatible participants (issue 20, item 4): two verb
//! mentions whose parsed subjects are different things are two events, even when their
//! words and dates agree. Each case is two one-sentence documents published the same day,
//! the trigger of the first, and whether the two mentions end up as one timeline event.
//! Sentences are made up. The rule is only as good as the parse: in "Stocks fell ..." the
//! tagger reads "Stocks" as a verb, and no subject is found (docs/SYNTAX.md, known errors).

use chrono::NaiveDate;
use tempograph::document::{DctSource, Document};
use tempograph::pipeline;

const CASES: &[(&str, &str, &str, bool)] = &[
    // Different common-noun subjects: two events.
    (
        "The stock market fell sharply in Tokyo on Monday.",
        "Retail sales fell sharply in Tokyo on Monday.",
        "fell",
        false,
    ),
    // Different names as subjects, neither in the other's sentence: two events.
    (
        "On Tuesday, Ford recalled 30,000 cars in Ohio.",
        "On Tuesday, Toyota recalled 30,000 cars in Ohio.",
        "recalled",
        false,
    ),
    // Negatives: the same subject, or a name and its longer form, stay one event.
    (
        "Sony canceled the premiere in New York on Wednesday.",
        "Sony canceled the premiere in New York on Wednesday, officials said.",
        "canceled",
        true,
    ),
    (
        "Sony canceled the premiere in New York on Wednesday.",
        "Sony Pictures canceled the premiere in New York on Wednesday.",
        "canceled",
        true,
    ),
];

#[test]
fn participants_decide_merges() {
    let dct = NaiveDate::from_ymd_opt(2014, 12, 19).unwrap();
    let mut failures = Vec::new();
    for (a, b, trigger, one) in CASES {
        let docs = [
            Document::from_text("a", *a, dct, DctSource::Flag),
            Document::from_text("b", *b, dct, DctSource::Flag),
        ];
        let t = pipeline::build(&docs, &Default::default()).unwrap();
        let telling: Vec<usize> = t
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.sources.iter().any(|s| s.trigger == *trigger))
            .map(|(i, _)| i)
            .collect();
        let merged = telling.len() == 1 && {
            let e = &t.events[telling[0]];
            e.sources.iter().any(|s| s.document == "a") && e.sources.iter().any(|s| s.document == "b")
        };
        if telling.is_empty() {
            failures.push(format!("{a:?} / {b:?}: no event `{trigger}` listed"));
        } else if merged != *one {
            failures.push(format!(
                "{a:?} / {b:?}: `{trigger}` {} (events {telling:?})",
                if *one {
                    "should be one event"
                } else {
                    "should be two events"
                }
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
