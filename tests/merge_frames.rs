//! Tellings of one event with different verbs (#20 item 4): the cases of
//! `tests/data/events/frames/cases.toml`, built through the whole pipeline (the merger
//! compares the parsed participants). Every failure is reported at once.

use chrono::NaiveDate;
use serde::Deserialize;
use tempograph_pipeline::pipeline;
use tempograph_timeline::document::{DctSource, Document};

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    dct: String,
    /// The documents, named `a`, `b`, ... in order.
    docs: Vec<String>,
    /// (`doc:trigger`, `doc:trigger`, one event?)
    pairs: Vec<(String, String, bool)>,
}

#[test]
fn different_verbs_tell_one_event_only_with_the_same_participants() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/events/frames/cases.toml");
    let text = std::fs::read_to_string(&path).expect("cases.toml");
    let file: File = toml::from_str(&text).expect("cases.toml parses");
    assert!(file.case.iter().any(|c| c.pairs.iter().any(|p| p.2)));
    assert!(file.case.iter().any(|c| c.pairs.iter().any(|p| !p.2)));
    let mut failures = Vec::new();
    for c in &file.case {
        let dct: NaiveDate = c.dct.parse().expect("dct");
        let ids: Vec<String> = (0..c.docs.len())
            .map(|i| ((b'a' + i as u8) as char).to_string())
            .collect();
        let docs: Vec<Document> = c
            .docs
            .iter()
            .zip(&ids)
            .map(|(t, id)| Document::from_text(id, t, dct, DctSource::Flag))
            .collect();
        let t = pipeline::build(&docs, &Default::default()).expect("build");
        // The timeline event that tells `doc:trigger`.
        let event = |r: &str| -> Option<usize> {
            let (doc, trigger) = r.split_once(':')?;
            t.events
                .iter()
                .position(|e| e.sources.iter().any(|s| s.document == doc && s.trigger == trigger))
        };
        for (x, y, one) in &c.pairs {
            match (event(x), event(y)) {
                (Some(a), Some(b)) if (a == b) != *one => failures.push(format!(
                    "{}: `{x}` and `{y}` should be {}",
                    c.name,
                    if *one { "one event" } else { "two events" }
                )),
                (Some(_), Some(_)) => {}
                (a, b) => failures.push(format!(
                    "{}: `{x}` {a:?}, `{y}` {b:?}: not both on the timeline",
                    c.name
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
